"""Article pages: clean text, source, facts panel with evidence, other outlets, related stories."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from wirebrief.site.corpus import Corpus
from wirebrief.site.incremental import Output, page_output
from wirebrief.site.related import Related
from wirebrief.site.render import Renderer

if TYPE_CHECKING:
    from wirebrief.site.changes import Plan


def outputs(corpus: Corpus, renderer: Renderer, plan: Plan) -> Iterator[Output]:
    """Article pages; each notes the related stories it shows, which the next build
    compares to tell whether a change reached the page (changes.py)."""
    related = Related(corpus)
    shown: dict[str, list[str]] = {}

    def prepare(context: dict[str, Any]) -> dict[str, Any]:
        article = context["article"]
        stories = related.of(article)
        shown[article.id] = [other.id for other in stories]
        return {**context, "related": stories}

    for article in corpus.articles:
        unit = f"article:{article.id}"
        if not plan.wants(unit):
            continue
        story = corpus.story_of(article)
        context = {"article": article, "copies": [a for a in story.copies if a is not article],
                   "permalink": renderer.absolute(article.path), "feeds": []}
        yield page_output(renderer, article.path, "article.html", context, prepare, unit=unit,
                          note=functools.partial(shown.get, article.id))
