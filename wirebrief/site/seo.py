"""sitemap.xml, robots.txt and feeds.opml: how crawlers and feed readers find everything."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from html import escape
from typing import Any

from wirebrief.sanitize import xml_safe
from wirebrief.site.outputs import Output, data_output
from wirebrief.site.render import Renderer

SITEMAP_LIMIT = 50_000
OPML_FEEDS = (("rss", "feed.xml"), ("atom", "atom.xml"), ("json", "feed.json"))


def sitemap_outputs(renderer: Renderer, pages: list[str]) -> Iterator[Output]:
    """One sitemap of ``pages``, or an index of sitemaps when there are more URLs than one
    may hold."""
    urls = [renderer.absolute(p) for p in sorted(pages)]
    if len(urls) <= SITEMAP_LIMIT:
        yield data_output(renderer, "sitemap.xml", urls, functools.partial(urlset_bytes, urls))
        return
    names = []
    for number, start in enumerate(range(0, len(urls), SITEMAP_LIMIT)):
        names.append(f"sitemap-{number + 1}.xml")
        chunk = urls[start:start + SITEMAP_LIMIT]
        yield data_output(renderer, names[-1], chunk, functools.partial(urlset_bytes, chunk))
    index = [renderer.absolute(n) for n in names]
    yield data_output(renderer, "sitemap.xml", index,
                      lambda: renderer.text("sitemap_index.xml", {"sitemaps": index}))


def urlset_bytes(urls: list[str]) -> bytes:
    """A sitemap of ``urls``, each escaped, written here rather than by a template loop:
    it lists every page, tens of thousands, and every build writes it again."""
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
             *(f"<url><loc>{escape(url)}</loc></url>" for url in urls), "</urlset>", ""]
    return xml_safe("\n".join(lines)).encode("utf-8")


def robots_output(renderer: Renderer) -> Output:
    text = f"User-agent: *\nAllow: /\n\nSitemap: {renderer.absolute('sitemap.xml')}\n"
    return data_output(renderer, "robots.txt", text, lambda: text.encode("utf-8"))


def opml_output(renderer: Renderer, feeds: list[dict[str, Any]]) -> Output:
    """Every feed of the site, grouped by the page it belongs to.

    Written line by line with every attribute escaped, rather than from a template: there
    are three feeds for each of thousands of entities, and a template loop over them (or
    ElementTree) costs more than the rest of the file.
    """
    def render() -> bytes:
        title = escape(f"{renderer.config.site.title}: every feed")
        lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<opml version="2.0">',
                 f"<head>\n<title>{title}</title>\n</head>", "<body>"]
        for folder in feeds:
            lines += _opml_group(renderer, folder["title"], folder["folder"])
        lines += ["</body>", "</opml>", ""]
        return xml_safe("\n".join(lines)).encode("utf-8")

    return data_output(renderer, "feeds.opml", feeds, render)


def _opml_group(renderer: Renderer, title: str, folder: str) -> list[str]:
    name, html = escape(title), escape(renderer.absolute(folder))
    # Feed file names need no escaping: each feed's URL is the folder's, escaped once, plus its name.
    return [f'<outline text="{name}" title="{name}" htmlUrl="{html}">',
            *(f'<outline type="rss" version="{kind}" text="{name} ({kind})" xmlUrl="{html}{feed}" '
              f'htmlUrl="{html}"/>' for kind, feed in OPML_FEEDS),
            "</outline>"]
