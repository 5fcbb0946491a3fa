"""A fault-injecting wire site for crawl tests, built on the demo server.

Beside a few good stories it serves every way the real web fails: 500s, 429 with
Retry-After, a page slower than the timeout, a redirect loop, a 20 MB page, binary
bytes labelled text/html, a page in the wrong declared charset, robots-disallowed
paths, a broken feed, tracking-parameter duplicates, and one story on three outlets.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from email.utils import format_datetime

from wirebrief.demo import pages
from wirebrief.demo.server import DemoSite, Response
from wirebrief.demo.stories import Story, load_stories

GOOD = 4
OUTLETS = ("outlet-a", "outlet-b", "outlet-c")
SLOW_SECONDS = 4.0
FAULTS = {
    "/fault/500": "http_error",
    "/fault/slow": "timeout",
    "/fault/loop": "redirect_loop",
    "/fault/huge": "too_large",
    "/fault/binary": "not_html",
    "/fault/report.pdf": "not_html",
    "/private/secret.html": "robots",
    "/fault/empty": "no_article",
}


def _html(text: str, charset: str = "utf-8", encoding: str = "utf-8") -> Response:
    return 200, {"Content-Type": f"text/html; charset={charset}"}, text.encode(encoding, "replace")


class FaultSite(DemoSite):
    def __init__(self) -> None:
        stories = [s for s in load_stories() if "off-topic" not in s.tags and not s.syndicated_from]
        super().__init__(stories[:GOOD])
        self.wire_story = stories[GOOD]
        self.hits: Counter[str] = Counter()
        self._lock = threading.Lock()

    def good_paths(self) -> list[str]:
        return [s.path for s in self.stories]

    def route(self, path: str) -> Response:
        bare = path.split("?", 1)[0]
        with self._lock:
            self.hits[bare] += 1
            hits = self.hits[bare]
        name = "_" + bare.strip("/").replace("/", "_").replace("-", "_").replace(".", "_")
        handler = getattr(self, name, None) if name.startswith(("_fault_", "_private_")) else None
        if handler is not None:
            return handler(hits)
        if bare.startswith(tuple(f"/{o}/" for o in OUTLETS)):
            return self._outlet(bare)
        return super().route(path)

    # -- listings -------------------------------------------------------------------------
    def _fault_feed_xml(self, hits: int) -> Response:
        links = [self.base + p for p in self.good_paths()]
        links += [self.base + self.good_paths()[0] + "?utm_source=rss&utm_medium=feed",
                  self.base + self.good_paths()[1] + "#comments"]
        links += [self.base + p for p in [*FAULTS, "/fault/429", "/fault/latin1"]]
        return self._xml(_rss(links), "application/rss+xml")

    def _fault_broken_feed_xml(self, hits: int) -> Response:
        return 200, {"Content-Type": "application/rss+xml"}, b"<rss><channel><item><title>Cut"

    def _fault_sitemap_index_xml(self, hits: int) -> Response:
        body = ('<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                f"<sitemap><loc>{self.base}/fault/news-sitemap.xml</loc></sitemap></sitemapindex>")
        return self._xml(body, "application/xml")

    def _fault_news_sitemap_xml(self, hits: int) -> Response:
        urls = "".join(
            f"<url><loc>{self.base}{s.path}</loc><news:news><news:publication_date>"
            f"{s.published.isoformat()}</news:publication_date></news:news></url>"
            for s in self.stories)
        body = ('<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
                'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">' + urls + "</urlset>")
        return self._xml(body, "application/xml")

    # -- faults ---------------------------------------------------------------------------
    def _fault_500(self, hits: int) -> Response:
        return 500, {"Content-Type": "text/html"}, b"<h1>Internal Server Error</h1>"

    def _fault_429(self, hits: int) -> Response:
        if hits == 1:
            return 429, {"Content-Type": "text/html", "Retry-After": "1"}, b"slow down"
        return self._html(pages.article_page(self.base, self.wire_story, []))

    def _fault_slow(self, hits: int) -> Response:
        time.sleep(SLOW_SECONDS)
        return self._html(pages.article_page(self.base, self.stories[0], []))

    def _fault_loop(self, hits: int) -> Response:
        return 302, {"Location": "/fault/loop", "Content-Type": "text/html"}, b""

    def _fault_huge(self, hits: int) -> Response:
        body = "<html><body>" + "<p>" + "padding " * 2_600_000 + "</p></body></html>"
        return _html(body)

    def _fault_binary(self, hits: int) -> Response:
        noise = bytes((i * 7919 + 13) % 256 for i in range(20000))
        return 200, {"Content-Type": "text/html"}, noise

    def _fault_report_pdf(self, hits: int) -> Response:
        return 200, {"Content-Type": "application/pdf"}, b"%PDF-1.4 fake"

    def _fault_latin1(self, hits: int) -> Response:
        story = _latin1_story(self.stories[0])
        return _html(pages.article_page(self.base, story, []), charset="utf-8", encoding="latin-1")

    def _fault_empty(self, hits: int) -> Response:
        return _html("<html><head><title>Menu</title></head>"
                     "<body><nav><a href='/'>Home</a></nav></body></html>")

    def _private_secret_html(self, hits: int) -> Response:
        return self._html(pages.article_page(self.base, self.stories[0], []))

    # -- three outlets of one wire story -------------------------------------------------
    def outlet_feed(self, outlet: str) -> Response:
        return self._xml(_rss([f"{self.base}/{outlet}/wire-story.html"]), "application/rss+xml")

    def _outlet(self, path: str) -> Response:
        outlet, _, rest = path.strip("/").partition("/")
        if rest == "feed.xml":
            return self.outlet_feed(outlet)
        story = self.wire_story
        edited = list(story.paragraphs)
        if outlet == "outlet-b":
            edited = edited[:-1]
        if outlet == "outlet-c":
            edited[0] = edited[0].replace(" the ", " the ", 1) + " (Updated)"
        variant = Story(slug=f"{outlet}-wire", section=story.section, published=story.published,
                        title=f"{story.title} | {outlet.upper()}", paragraphs=tuple(edited),
                        byline=story.byline, agency=story.agency, tags=story.tags)
        return self._html(pages.article_page(self.base, variant, []).replace(
            pages.SITE_NAME, outlet.replace("-", " ").title()))


def _latin1_story(story: Story) -> Story:
    first = story.paragraphs[0] + " Delegates from São Paulo and Zürich attended."
    return Story(slug="latin1", section=story.section, published=story.published,
                 title="Delegates from São Paulo and Zürich meet on naval security",
                 paragraphs=(first, *story.paragraphs[1:]), agency=story.agency, tags=story.tags)


def _rss(links: list[str]) -> str:
    now = format_datetime(load_stories()[0].published)
    items = "".join(f"<item><title>t</title><link>{link.replace('&', '&amp;')}</link>"
                    f"<pubDate>{now}</pubDate></item>" for link in links)
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>F</title>{items}</channel></rss>'
