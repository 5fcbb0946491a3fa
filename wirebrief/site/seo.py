"""sitemap.xml, robots.txt and feeds.opml: how crawlers and feed readers find everything."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from html import escape
from typing import Any

from wirebrief.sanitize import xml_safe
from wirebrief.site.incremental import Output
from wirebrief.site.render import Renderer

SITEMAP_LIMIT = 50_000
SITEMAP_PARTS = "sitemap parts"  # the group of a split sitemap's parts (incremental.Output.shares)
OPML_FEEDS = (("rss", "feed.xml"), ("atom", "atom.xml"), ("json", "feed.json"))


def sitemap_outputs(renderer: Renderer, count: int, pages: Callable[[], list[str]]) -> Iterator[Output]:
    """One sitemap of the ``count`` pages that ``pages`` lists, or an index of sitemaps
    when there are more URLs than one may hold. They are rendered like any other
    site-wide file, by whichever process takes them first: left to the end of a build,
    the largest file it rewrites every time kept one process busy while the others had
    nothing left to do."""
    chunks = max(1, -(-count // SITEMAP_LIMIT))
    urls = functools.cache(lambda: [renderer.absolute(p) for p in sorted(pages())])
    if chunks == 1:
        yield Output("sitemap.xml", lambda: urlset_bytes(urls()))
        return
    # The parts share one process, which lists and sorts the pages once for all of them.
    names = [f"sitemap-{n + 1}.xml" for n in range(chunks)]
    for number, name in enumerate(names):
        yield Output(name, functools.partial(_chunk_bytes, urls, number * SITEMAP_LIMIT),
                     shares=SITEMAP_PARTS)
    index = [renderer.absolute(n) for n in names]
    yield Output("sitemap.xml", lambda: renderer.text("sitemap_index.xml", {"sitemaps": index}))


def _chunk_bytes(urls: Callable[[], list[str]], start: int) -> bytes:
    return urlset_bytes(urls()[start:start + SITEMAP_LIMIT])


def urlset_bytes(urls: list[str]) -> bytes:
    """A sitemap of ``urls``, each escaped, written here rather than by a template loop:
    it lists every page, tens of thousands, and every build writes it again."""
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
             *(f"<url><loc>{escape(url)}</loc></url>" for url in urls), "</urlset>", ""]
    return xml_safe("\n".join(lines)).encode("utf-8")


def robots_output(renderer: Renderer) -> Output:
    text = f"User-agent: *\nAllow: /\n\nSitemap: {renderer.absolute('sitemap.xml')}\n"
    return Output("robots.txt", lambda: text.encode("utf-8"))


def opml_output(renderer: Renderer, feeds: Callable[[], list[dict[str, Any]]]) -> Output:
    """Every feed of the site, grouped by the page it belongs to.

    Written line by line with every attribute escaped, rather than from a template: there
    are three feeds for each of thousands of entities, and a template loop over them (or
    ElementTree) costs a tenth of an incremental build.
    """
    def render() -> bytes:
        title = escape(f"{renderer.config.site.title}: every feed")
        lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<opml version="2.0">',
                 f"<head>\n<title>{title}</title>\n</head>", "<body>"]
        for folder in feeds():
            lines += _opml_group(renderer, folder["title"], folder["folder"])
        lines += ["</body>", "</opml>", ""]
        return xml_safe("\n".join(lines)).encode("utf-8")

    return Output("feeds.opml", render)


def _opml_group(renderer: Renderer, title: str, folder: str) -> list[str]:
    name, html = escape(title), escape(renderer.absolute(folder))
    # Feed file names need no escaping: each feed's URL is the folder's, escaped once, plus its name.
    return [f'<outline text="{name}" title="{name}" htmlUrl="{html}">',
            *(f'<outline type="rss" version="{kind}" text="{name} ({kind})" xmlUrl="{html}{feed}" '
              f'htmlUrl="{html}"/>' for kind, feed in OPML_FEEDS),
            "</outline>"]
