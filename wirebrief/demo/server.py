"""A small threaded HTTP server for the demo wire site, bound to 127.0.0.1 only.

It keeps a log of every request path so tests can prove what a crawl fetched, and
answers feeds and sitemaps with ETag/Last-Modified so conditional GETs can be tested.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from wirebrief.demo import pages
from wirebrief.demo.stories import Story, load_stories

Response = tuple[int, dict[str, str], bytes]
FEED_ITEMS = 20
LAST_MODIFIED = "Mon, 23 Nov 2026 12:00:00 GMT"


class DemoSite:
    """Maps a request path to a response; subclass and extend ``route`` for faults."""

    def __init__(self, stories: list[Story] | None = None) -> None:
        self.stories = stories if stories is not None else load_stories()
        self.by_path = {s.path: s for s in self.stories}
        self.base = ""

    def route(self, path: str) -> Response:
        path = path.split("?", 1)[0]
        if path in self.by_path:
            return self._html(pages.article_page(self.base, self.by_path[path], self._related(path)))
        if path == "/":
            return self._html(pages.home_page(self.base, self.stories))
        if path == "/feed.xml":
            return self._xml(pages.rss_feed(self.base, self.stories[:FEED_ITEMS]), "application/rss+xml")
        if path == "/sitemap.xml":
            return self._xml(pages.sitemap(self.base, self.stories), "application/xml")
        if path == "/robots.txt":
            return 200, {"Content-Type": "text/plain"}, pages.ROBOTS.encode()
        if path.startswith("/section/"):
            return self._section(path)
        return 404, {"Content-Type": "text/html"}, b"<h1>Not found</h1>"

    def _related(self, path: str) -> list[Story]:
        story = self.by_path[path]
        same = [s for s in self.stories if s.section == story.section and s.path != path]
        return same[:4]

    def _section(self, path: str) -> Response:
        parts = [p for p in path.split("/") if p][1:]
        section = parts[0] if parts and parts[0] in pages.SECTIONS else None
        page = int(parts[-1]) if len(parts) >= 2 and parts[-2] == "page" and parts[-1].isdigit() else 1
        chosen = [s for s in self.stories if section is None or s.section == section]
        start = (page - 1) * pages.PER_PAGE
        if start >= len(chosen) and page > 1:
            return 404, {"Content-Type": "text/html"}, b"<h1>Not found</h1>"
        prefix = f"/section/{section}/" if section else "/section/"
        more = start + pages.PER_PAGE < len(chosen)
        next_href = f"{prefix}page/{page + 1}/" if more else None
        heading = f"{(section or 'all').title()} news, page {page}"
        chunk = chosen[start:start + pages.PER_PAGE]
        return self._html(pages.listing_page(self.base, heading, chunk, next_href))

    @staticmethod
    def _html(text: str) -> Response:
        return 200, {"Content-Type": "text/html; charset=utf-8"}, text.encode("utf-8")

    @staticmethod
    def _xml(text: str, content_type: str) -> Response:
        body = text.encode("utf-8")
        etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
        return 200, {"Content-Type": content_type, "ETag": etag, "Last-Modified": LAST_MODIFIED}, body


class _Handler(BaseHTTPRequestHandler):
    server: DemoServer

    def do_GET(self) -> None:  # noqa: N802 - the http.server API
        self.server.log_request_path(self.path, self.headers.get("User-Agent", ""))
        status, headers, body = self.server.site.route(self.path)
        if status == 200 and self._not_modified(headers):
            status, body = 304, b""
        self.send_response(status)
        for key, value in headers.items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        with suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(body)

    def _not_modified(self, headers: dict[str, str]) -> bool:
        """RFC 9110: If-None-Match, when sent, decides alone; else If-Modified-Since."""
        if self.headers.get("If-None-Match") is not None:
            return self.headers.get("If-None-Match") == headers.get("ETag")
        modified = headers.get("Last-Modified")
        return bool(modified and self.headers.get("If-Modified-Since") == modified)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        return


class DemoServer(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 256  # crawlers open many connections at once: keep the backlog deep

    def __init__(self, site: DemoSite, port: int = 0) -> None:
        super().__init__(("127.0.0.1", port), _Handler)
        self.site = site
        self.site.base = f"http://127.0.0.1:{self.server_address[1]}"
        self.requests: list[str] = []
        self.agents: list[str] = []
        self._lock = threading.Lock()

    def handle_error(self, request: object, client_address: object) -> None:
        """Clients that hang up early (size limits, timeouts) are expected here: stay quiet."""

    @property
    def base_url(self) -> str:
        return self.site.base

    def log_request_path(self, path: str, agent: str) -> None:
        with self._lock:
            self.requests.append(path)
            self.agents.append(agent)


@contextmanager
def serve(site: DemoSite | None = None, port: int = 0) -> Iterator[DemoServer]:
    """Serve ``site`` on 127.0.0.1 in a background thread for the duration of the block."""
    server = DemoServer(site or DemoSite(), port)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
