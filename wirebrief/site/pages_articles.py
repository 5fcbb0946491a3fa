"""Article pages: clean text, source, facts panel with evidence, other outlets, related stories."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from typing import Any

from wirebrief.site.corpus import Article, Corpus
from wirebrief.site.outputs import Output, page_output
from wirebrief.site.related import Related
from wirebrief.site.render import Renderer


def outputs(corpus: Corpus, renderer: Renderer) -> Iterator[Output]:
    """Article pages; each key covers the article, its other copies and its related
    stories, which are computed for every article on every build."""
    related = Related(corpus)
    prepare = functools.partial(with_facts, renderer)
    for article in corpus.articles:
        story = corpus.story_of(article)
        # Other outlets' copies of the same wire text (a second copy from its own outlet is
        # none); the story links every other report of the event.
        copies = [a for a in story.copies if a.copy_id == article.copy_id and a.source != article.source]
        context = {"article": article, "copies": copies, "story": story,
                   "related": related.of(article), "feeds": []}
        yield page_output(renderer, article.path, "article.html", context, prepare)


def with_facts(renderer: Renderer, context: dict[str, Any]) -> dict[str, Any]:
    """The facts panel, with the sentence behind each fact (read from the store as the page
    is rendered, like its text: the key covers them, since the article's revision moves
    with any change to its facts)."""
    article: Article = context["article"]
    assert article._reader is not None, "an article is made by load_corpus, with a reader"
    mentions, quoted = article._reader.evidence(article.id)
    facts = {kind: [{**m, "evidence": mentions.get(m["id"], "")} for m in article.named(kind)]
             for kind in ("person", "organization", "place")}
    facts["quote"] = [{**q, "evidence": e} for q, e in zip(article.quotes, quoted, strict=False)]
    return {**context, "facts": facts, "permalink": renderer.absolute(article.path)}
