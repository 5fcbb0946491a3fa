"""sitemap.xml, robots.txt and feeds.opml: how crawlers and feed readers find everything."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from typing import Any

from wirebrief.site.incremental import Output
from wirebrief.site.render import Renderer

SITEMAP_LIMIT = 50_000


def sitemap_outputs(renderer: Renderer, pages: list[str]) -> Iterator[Output]:
    """One sitemap, or an index of sitemaps when there are more URLs than one may hold."""
    urls = [renderer.absolute(p) for p in sorted(pages)]
    chunks = [urls[i:i + SITEMAP_LIMIT] for i in range(0, len(urls), SITEMAP_LIMIT)] or [[]]
    if len(chunks) == 1:
        yield Output("sitemap.xml", lambda: renderer.text("sitemap.xml", {"urls": urls}))
        return
    names = [f"sitemap-{n + 1}.xml" for n in range(len(chunks))]
    for name, chunk in zip(names, chunks, strict=True):
        yield Output(name, functools.partial(renderer.text, "sitemap.xml", {"urls": chunk}))
    index = [renderer.absolute(n) for n in names]
    yield Output("sitemap.xml", lambda: renderer.text("sitemap_index.xml", {"sitemaps": index}))


def robots_output(renderer: Renderer) -> Output:
    text = f"User-agent: *\nAllow: /\n\nSitemap: {renderer.absolute('sitemap.xml')}\n"
    return Output("robots.txt", lambda: text.encode("utf-8"))


def opml_output(renderer: Renderer, feeds: list[dict[str, Any]]) -> Output:
    """Every feed of the site, grouped by the page it belongs to."""
    groups = [{"title": f["title"], "html": renderer.absolute(f["folder"]),
               "feeds": [{"type": t, "url": renderer.absolute(f["folder"] + name)}
                         for t, name in (("rss", "feed.xml"), ("atom", "atom.xml"), ("json", "feed.json"))]}
              for f in feeds]
    context = {"title": renderer.config.site.title, "groups": groups}
    return Output("feeds.opml", lambda: renderer.text("feeds.opml", context))
