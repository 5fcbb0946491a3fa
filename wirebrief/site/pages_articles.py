"""Article pages: clean text, source, facts panel with evidence, other outlets, related stories."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from wirebrief.site.corpus import Article, Corpus
from wirebrief.site.incremental import Output, page_output
from wirebrief.site.related import Related
from wirebrief.site.render import Renderer


def article_key(corpus: Corpus, article: Article, related: Related, permalink: str) -> dict[str, Any]:
    """The page's inputs: the article, its story's other copies, the neighbourhood its
    related stories are chosen from (the list itself is chosen only if the page renders)."""
    story = corpus.story_of(article)
    return {
        "article": article, "copies": [a for a in story.copies if a is not article],
        "neighbourhood": related.signature(article), "permalink": permalink, "feeds": [],
    }


def outputs(corpus: Corpus, renderer: Renderer) -> Iterator[Output]:
    related = Related(corpus)

    def prepare(key: dict[str, Any]) -> dict[str, Any]:
        return {**key, "related": related.of(key["article"])}

    for article in corpus.articles:
        key = article_key(corpus, article, related, renderer.absolute(article.path))
        yield page_output(renderer, article.path, "article.html", key, prepare)
