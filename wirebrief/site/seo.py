"""sitemap.xml, robots.txt and feeds.opml: how crawlers and feed readers find everything."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from typing import Any
from xml.etree import ElementTree

from wirebrief.sanitize import xml_safe
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
    """Every feed of the site, grouped by the page it belongs to.

    Written with ElementTree, which escapes every attribute, rather than a template: there
    are three feeds for each of thousands of entities, and a template loop over them costs
    a tenth of an incremental build.
    """
    def render() -> bytes:
        root = ElementTree.Element("opml", version="2.0")
        head = ElementTree.SubElement(root, "head")
        ElementTree.SubElement(head, "title").text = f"{renderer.config.site.title}: every feed"
        body = ElementTree.SubElement(root, "body")
        for folder in feeds:
            title, html = folder["title"], renderer.absolute(folder["folder"])
            group = ElementTree.SubElement(body, "outline", text=title, title=title, htmlUrl=html)
            for kind, name in (("rss", "feed.xml"), ("atom", "atom.xml"), ("json", "feed.json")):
                ElementTree.SubElement(group, "outline", type="rss", version=kind, text=f"{title} ({kind})",
                                       xmlUrl=renderer.absolute(folder["folder"] + name), htmlUrl=html)
        ElementTree.indent(root, space="")
        text = ElementTree.tostring(root, encoding="unicode")
        return xml_safe('<?xml version="1.0" encoding="UTF-8"?>\n' + text + "\n").encode("utf-8")

    return Output("feeds.opml", render)
