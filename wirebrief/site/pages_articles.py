"""Article pages: clean text, source, facts panel with evidence, other outlets, related stories."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from wirebrief.site.corpus import Article, Corpus
from wirebrief.site.incremental import Output, page_output
from wirebrief.site.related import related_articles
from wirebrief.site.render import Renderer


def article_context(corpus: Corpus, article: Article, related: list[Article]) -> dict[str, Any]:
    story = corpus.story_of(article)
    return {
        "article": article,
        "copies": [a for a in story.copies if a is not article],
        "related": related,
        "permalink": "",
        "feeds": [],
    }


def outputs(corpus: Corpus, renderer: Renderer) -> Iterator[Output]:
    related = related_articles(corpus)
    for article in corpus.articles:
        context = article_context(corpus, article, related[article.id])
        context["permalink"] = renderer.absolute(article.path)
        yield page_output(renderer, article.path, "article.html", context)
