"""Topic pages (/topics/<slug>/) with their feeds, and the topic index (/topics/)."""

from __future__ import annotations

from collections.abc import Iterator

from wirebrief.config import Config
from wirebrief.site import paging
from wirebrief.site.corpus import Corpus
from wirebrief.site.feeds import feed_outputs
from wirebrief.site.outputs import Output, page_output
from wirebrief.site.render import Renderer, feed_links


def outputs(corpus: Corpus, config: Config, renderer: Renderer) -> Iterator[Output]:
    topics = sorted(corpus.topics.values(), key=lambda t: t.name.casefold())
    yield page_output(renderer, "topics/", "topics.html", {
        "topics": [{"topic": t.name, "path": t.path, "stories": t.story_count}
                   for t in topics],
        "feeds": [],
    })
    for topic in topics:
        stories = corpus.stories_for(topic.articles)
        main, archives = paging.split(topic.path, stories)
        yield page_output(renderer, topic.path, "topic.html", {
            "name": topic.name, "stories": main, "total": len(stories), "archives": archives,
            "feeds": feed_links(topic.path, topic.name),
        })
        yield from paging.archive_outputs(renderer, topic.path, archives, {
            "name": topic.name, "index_path": "topics/", "index_label": "Topics", "summaries": True})
        yield from feed_outputs(
            renderer, topic.path, f"{topic.name} · {config.site.title}",
            f"Stories on {topic.name}.", stories, limit=config.site.feed_items,
            full_text=config.site.feed_content == "full")
