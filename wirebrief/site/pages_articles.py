"""Article pages: clean text, source, facts panel with evidence, other outlets, related stories."""

from __future__ import annotations

from collections.abc import Iterator

from wirebrief.site.corpus import Corpus
from wirebrief.site.outputs import Output, page_output
from wirebrief.site.related import Related
from wirebrief.site.render import Renderer


def outputs(corpus: Corpus, renderer: Renderer) -> Iterator[Output]:
    """Article pages; each key covers the article, its other copies and its related
    stories, which are computed for every article on every build."""
    related = Related(corpus)
    for article in corpus.articles:
        story = corpus.story_of(article)
        # Other outlets' copies: a second copy from the article's own outlet is no other outlet.
        copies = [a for a in story.copies if a.source != article.source]
        context = {"article": article, "copies": copies,
                   "related": related.of(article), "permalink": renderer.absolute(article.path),
                   "feeds": []}
        yield page_output(renderer, article.path, "article.html", context)
