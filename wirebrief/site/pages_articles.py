"""Article pages: clean text, source, facts panel with evidence, other outlets, related stories."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from wirebrief.site.corpus import Article, Corpus
from wirebrief.site.incremental import Output, page_output
from wirebrief.site.related import Related
from wirebrief.site.render import Renderer

if TYPE_CHECKING:
    from wirebrief.site.changes import Plan

ARTICLE = "article:"  # what an article's own unit is named by, before its id


def article_unit(article_id: str) -> str:
    """The unit of an article's page (the plan, the state and the related notes use it)."""
    return ARTICLE + article_id


def planned(corpus: Corpus, plan: Plan) -> list[Article]:
    """The articles whose pages ``plan`` wants, in corpus order (an incremental build picks
    its few from the plan rather than visiting every article)."""
    wanted = (corpus.by_id[i] for i in plan.keys("article") if i in corpus.by_id)
    return sorted(wanted, key=lambda a: a.order)


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

    for article in planned(corpus, plan):
        unit = article_unit(article.id)
        story = corpus.story_of(article)
        context = {"article": article, "copies": [a for a in story.copies if a is not article],
                   "permalink": renderer.absolute(article.path), "feeds": []}
        yield page_output(renderer, article.path, "article.html", context, prepare, unit=unit,
                          note=functools.partial(shown.get, article.id))
