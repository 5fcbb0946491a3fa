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
        # Other outlets' copies of the same wire text (a second copy from its own outlet is
        # none); the story links every other report of the event.
        copies = [a for a in story.copies if a.copy_id == article.copy_id and a.source != article.source]
        context = {"article": article, "copies": copies, "story": story,
                   "related": related.of(article), "permalink": renderer.absolute(article.path),
                   "feeds": []}
        yield page_output(renderer, article.path, "article.html", context)
