"""Issue #7: the hostile wire site (tests/hostile_site.py) crawled by the real spider with
`wirebrief run`, then every output checked: no injected script runs in Chromium on any
page, every link is http(s) or relative, every file stays in the output folder, every
feed parses (feedparser, bozo false) with the hostile titles intact, every page is valid
HTML (html5lib: zero parse errors, the same as ``HTMLParser(strict=True)`` passing), and
the database keeps the raw HTML and the titles without silent loss.

Titles are compared after the normalisation the extractor documents by doing it: runs of
whitespace become one space, characters XML 1.0 cannot carry and other control and
format characters (category Cc/Cs/Cf: zero-width, bidi isolates) are dropped, U+FFFD
(what a lone surrogate decodes to) and noncharacters (U+FDD0..U+FDEF, U+xFFFE/U+xFFFF)
are dropped, and a title longer than 10,000 characters
is cut with "…".
"""

from __future__ import annotations

import json
import re
import sqlite3
import threading
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

import feedparser
import html5lib
import pytest
from lxml import html as lxml_html

from tests.conftest import cli
from tests.hostile_site import HostileSite, esc, load_naughty
from wirebrief.demo.server import DemoServer, serve
from wirebrief.serve import serve_folder

pytestmark = pytest.mark.xdist_group("hostile")

SAFE_SCHEMES = ("http", "https", "")
URL_ATTRIBUTES = ("href", "src", "action", "formaction", "srcset", "poster", "data", "xlink:href",
                  "background", "cite", "longdesc", "manifest", "ping")
# What `wirebrief run` may leave beside the output folder: the config, the store, the site.
EXPECTED_BESIDE_OUTPUT = re.compile(
    r"^(wirebrief\.toml|wirebrief\.db(-wal|-shm|-journal)?|wirebrief\.db\.lock|build)$")
TITLE_CAP = 10_000
SCRIPT_TITLE = '<script>window.__pwned=2</script> Navy "frigate" deal\'s <b>signed</b> & sealed ]]> </title>'
SURROGATE_PAGE = "/news/2026/11/20/lone-surrogate-bytes.html"
META_REFRESH_PAGE = "/news/2026/11/19/naughty-07.html"


@dataclass
class HostileRun:
    folder: Path
    config: Path
    site: HostileSite
    server: DemoServer
    result: Any
    bodies: dict[str, bytes]

    @property
    def build(self) -> Path:
        return self.folder / "build"

    def db(self) -> sqlite3.Connection:
        return sqlite3.connect(self.folder / "wirebrief.db")


def hostile_config(folder: Path, base: str, extra: str = "") -> Path:
    config = folder / "wirebrief.toml"
    config.write_text(f"""
[site]
title = "Hostile <script>window.__pwned='site-title'</script> & Briefing"
description = "]]> \\" ' <img src=x onerror=alert('description')>"
output = "build"
database = "wirebrief.db"
briefing_days = 60

[crawl]
delay = 0
autothrottle = false
concurrency_per_domain = 8
download_timeout = 10
retry_times = 0
max_page_bytes = 8000000
relevance_filter = false

[extract]
timeout_seconds = 20
{extra}
[[sources]]
name = "Hostile <b>Wire</b> \\"'&"
agency = "<i>UNI</i>"
feeds = ["{base}/feed.xml", "{base}/broken-feed.xml"]
sitemaps = ["{base}/sitemap.xml"]
allowed_domains = ["127.0.0.1"]
""", encoding="utf-8")
    return config


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory: pytest.TempPathFactory) -> Iterator[HostileRun]:
    folder = tmp_path_factory.mktemp("hostile-crawl") / "work"
    folder.mkdir()
    site = HostileSite()
    with serve(site) as server:
        config = hostile_config(folder, server.base_url)
        result = cli("run", "--config", str(config), timeout=240)
        yield HostileRun(folder, config, site, server, result, site.bodies())


def comparable(text: str) -> str:
    """The normalisation described in the module docstring."""
    text = "".join(" " if ch.isspace() else ch for ch in text)
    text = "".join(ch for ch in text if unicodedata.category(ch) not in ("Cc", "Cs", "Cf")
                   and ch != "\ufffd" and not is_noncharacter(ch))
    return " ".join(text.split())


def is_noncharacter(ch: str) -> bool:
    """U+FDD0..U+FDEF and the last two code points of every plane: HTML forbids them."""
    code = ord(ch)
    return 0xFDD0 <= code <= 0xFDEF or (code & 0xFFFE) == 0xFFFE


def xml_carriable(text: str) -> str:
    return "".join(ch for ch in text if ch in "\t\n\r" or 0x20 <= ord(ch) < 0xD800
                   or 0xE000 <= ord(ch) <= 0xFFFD or ord(ch) >= 0x10000)


def title_matches(stored: str, expected: str) -> bool:
    got, want = comparable(stored), comparable(expected)
    if stored.endswith("…") and len(stored) >= TITLE_CAP:
        return want.startswith(got.rstrip("…").rstrip())
    return got == want


def page_path(url: str) -> str:
    return unquote(urlsplit(url).path)


def stored_titles(run: HostileRun) -> dict[str, str]:
    """Served path (unquoted) -> stored title."""
    with run.db() as db:
        return {page_path(u): t for u, t in db.execute("select page_url, title from articles")}


def failures(run: HostileRun) -> dict[str, tuple[str, str]]:
    with run.db() as db:
        rows = db.execute("select url, reason, detail from failures")
        return {page_path(u): (r, d or "") for u, r, d in rows}


def html_files(run: HostileRun) -> list[Path]:
    return sorted(run.build.rglob("*.html"))


# -- the run ----------------------------------------------------------------------------
def test_run_succeeds_and_fetches_every_hostile_page(hostile_run: HostileRun) -> None:
    assert hostile_run.result.returncode == 0
    assert "Traceback" not in hostile_run.result.stderr
    requested = {unquote(p.split("?", 1)[0]) for p in hostile_run.server.requests}
    for path in hostile_run.site.article_paths():
        assert unquote(path) in requested, path
    # javascript:/data:/vbscript:/file: links in the feed are never followed off the site
    assert not [p for p in requested if re.search(r"javascript:|vbscript:|data:|file:", p, re.I)]
    assert "/private/secret.html" not in requested  # robots.txt still obeyed


def test_every_page_is_an_article_or_a_recorded_failure(hostile_run: HostileRun) -> None:
    titles, failed = stored_titles(hostile_run), failures(hostile_run)
    lost = [p for p in hostile_run.site.article_paths()
            if unquote(p) not in titles and unquote(p) not in failed]
    assert not lost, f"pages neither stored as articles nor recorded as failures: {lost}"
    assert not [(p, r) for p, (r, _) in failed.items() if r == "extract_error"], failed
    for empty in ("/news/2026/11/17/empty.html", "/news/2026/11/17/empty-markup.html"):
        assert failed[empty][0] == "no_article"
    assert len(titles) >= 30


def test_database_keeps_raw_html_exactly(hostile_run: HostileRun) -> None:
    with hostile_run.db() as db:
        rows = {page_path(u): html for u, html in db.execute("select url, html from pages")}
    checked = 0
    for path, body in hostile_run.bodies.items():
        if not body or path == SURROGATE_PAGE:  # see test_a_few_bad_utf8_bytes_do_not_garble_the_page
            continue
        if path == META_REFRESH_PAGE:  # never stored: test_meta_refresh_text_in_an_article_does_not_lose_it
            continue
        stored = rows.get(unquote(path))
        assert stored is not None, path
        assert stored == body.decode("utf-8", errors="replace"), path
        checked += 1
    assert checked >= 40
    huge = rows["/news/2026/11/18/five-megabytes.html"]
    assert len(huge) > 5_000_000
    script = rows["/news/2026/11/20/script-in-everything.html"]
    assert "window.__pwned=\"live-script\"" in script and "&lt;script&gt;window.__pwned=1" in script


def test_database_keeps_hostile_titles(hostile_run: HostileRun) -> None:
    titles = stored_titles(hostile_run)
    articles = {unquote(a.path): a for a in hostile_run.site.articles}
    exact = [
        "/news/2026/11/20/script-in-everything.html",
        "/news/2026/11/20/sql-injection.html",
        "/news/2026/11/20/dot-dot-slash.html",
        "/news/2026/11/20/slug-collisions-two.html",
        "/news/2026/11/20/slug-collisions-three.html",
    ]
    for path in exact:
        assert titles[path] == articles[path].title.strip(), path
    wrong = [(path, titles[path][:120], article.title[:120]) for path, article in articles.items()
             if path in titles and not title_matches(titles[path], article.title)
             and path not in KNOWN_TITLE_CORRUPTION]
    assert not wrong
    with hostile_run.db() as db:
        tables = {r[0] for r in db.execute("select name from sqlite_master where type = 'table'")}
        assert {"articles", "pages", "entities", "failures"} <= tables  # '; DROP TABLE ... did nothing


# Titles the extractor corrupts today (see test_titles_are_not_html_unescaped_twice).
DOUBLE_UNESCAPED = {"/news/2026/11/19/naughty-08.html", "/news/2026/11/19/naughty-09.html"}
KNOWN_TITLE_CORRUPTION = {*DOUBLE_UNESCAPED, SURROGATE_PAGE}


def test_titles_are_not_html_unescaped_twice(hostile_run: HostileRun) -> None:
    titles = stored_titles(hostile_run)
    for article in hostile_run.site.articles:
        if article.path in DOUBLE_UNESCAPED:
            assert "&lt;script&gt;" in article.title or "&#106;avascript" in article.title
            assert title_matches(titles[article.path], article.title), titles[article.path][:300]


def test_control_character_references_do_not_lose_the_article(hostile_run: HostileRun) -> None:
    titles, failed = stored_titles(hostile_run), failures(hostile_run)
    for path in ("/news/2026/11/20/xml-breakers.html", "/news/2026/11/19/naughty-10.html",
                 "/news/2026/11/19/naughty-11.html"):
        assert path in titles, (path, failed.get(path))


def test_meta_refresh_text_in_an_article_does_not_lose_it(hostile_run: HostileRun) -> None:
    path = "/news/2026/11/19/naughty-07.html"
    assert path in stored_titles(hostile_run), failures(hostile_run).get(path)


def test_a_few_bad_utf8_bytes_do_not_garble_the_page(hostile_run: HostileRun) -> None:
    with hostile_run.db() as db:
        rows = {page_path(u): html for u, html in db.execute("select url, html from pages")}
    stored = rows[SURROGATE_PAGE]
    assert "São Paulo" in stored
    assert stored == hostile_run.bodies[SURROGATE_PAGE].decode("utf-8", errors="replace")


def test_hostile_canonical_links_never_become_article_urls(hostile_run: HostileRun) -> None:
    with hostile_run.db() as db:
        urls = [u for (u,) in db.execute("select url from articles")]
    assert urls and all(u.lower().startswith(("http://", "https://")) for u in urls), urls


def test_hostile_dates_are_dropped_not_trusted(hostile_run: HostileRun) -> None:
    with hostile_run.db() as db:
        published = dict(db.execute("select page_url, published from articles"))
        events = [d for (d,) in db.execute("select date from events")]
    for url, value in published.items():
        assert value is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", value), (url, value)
        assert value is None or "0000" < value[:4] < "9999", (url, value)
    for value in events:
        assert re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value), value


def test_entity_slugs_are_safe_and_collisions_get_their_own_pages(hostile_run: HostileRun) -> None:
    with hostile_run.db() as db:
        slugs = [(k, s) for k, s in db.execute("select kind, slug from entities")]
    assert slugs
    for kind, slug in slugs:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug), (kind, slug)
    assert len(set(slugs)) == len(slugs)


# -- the files ----------------------------------------------------------------------------
def test_every_file_stays_inside_the_output_folder(hostile_run: HostileRun) -> None:
    root = hostile_run.build.resolve()
    count = 0
    for path in hostile_run.build.rglob("*"):
        count += 1
        assert path.resolve().is_relative_to(root), path
        assert not path.is_symlink() or path.resolve().is_relative_to(root), path
        assert all(part not in ("..", ".") for part in path.relative_to(hostile_run.build).parts), path
    assert count > 100
    beside = sorted(p.name for p in hostile_run.folder.iterdir())
    assert all(EXPECTED_BESIDE_OUTPUT.match(name) for name in beside), beside
    assert [p.name for p in hostile_run.folder.parent.iterdir()] == ["work"]


def test_every_page_is_valid_html(hostile_run: HostileRun) -> None:
    """html5lib with strict=False collects every parse error; none are allowed (what
    ``HTMLParser(strict=True)`` would raise on)."""
    pages = html_files(hostile_run)
    assert len(pages) > 50
    bad = {}
    for page in pages:
        parser = html5lib.HTMLParser(strict=False)
        parser.parse(page.read_bytes())
        if parser.errors:
            bad[page.relative_to(hostile_run.build).as_posix()] = parser.errors[:3]
    assert not bad


def url_values(element: Any) -> Iterator[tuple[str, str]]:
    for attribute in URL_ATTRIBUTES:
        value = element.get(attribute)
        if value is not None:
            for part in (value.split(",") if attribute == "srcset" else [value]):
                yield attribute, part.strip().split(" ")[0] if attribute == "srcset" else part


def scheme_of(url: str) -> str:
    cleaned = re.sub(r"[\x00-\x20]", "", url)  # browsers ignore these inside a scheme
    match = re.match(r"^([a-zA-Z][a-zA-Z0-9+.-]*):", cleaned)
    return match.group(1).lower() if match else ""


def test_every_link_is_http_or_relative_and_no_markup_from_data(hostile_run: HostileRun) -> None:
    checked = 0
    for page in html_files(hostile_run):
        tree = html5lib.parse(page.read_bytes(), treebuilder="lxml", namespaceHTMLElements=False)
        for element in tree.iter():
            if not isinstance(element.tag, str):
                continue
            assert element.tag not in ("img", "svg", "iframe", "object", "embed", "base"), page
            events = [a for a in element.attrib if a.lower().startswith("on")]
            assert not events, (page, element.tag, events)
            for attribute, value in url_values(element):
                checked += 1
                assert scheme_of(value) in SAFE_SCHEMES, (page, element.tag, attribute, value)
            if element.tag == "script":
                assert not (element.text or "").strip() or element.get("type") == "application/ld+json", page
                assert scheme_of(element.get("src", "")) == "", page
            if element.tag == "meta" and (element.get("http-equiv") or "").lower() == "refresh":
                # Only the site's own redirects of absorbed stories, to another story's page.
                assert page.parent.parent.name == "stories", page
                assert re.fullmatch(r"0; url=(\.\./)+stories/[a-z0-9-]+/", element.get("content", "")), page
    assert checked > 1000


def test_every_feed_parses_with_hostile_titles_intact(hostile_run: HostileRun) -> None:
    feeds = sorted(hostile_run.build.rglob("feed.xml")) + sorted(hostile_run.build.rglob("atom.xml"))
    assert len(feeds) > 10
    titles = {comparable(xml_carriable(t)) for t in stored_titles(hostile_run).values()}
    seen: set[str] = set()
    for feed_file in feeds:
        parsed = feedparser.parse(feed_file.read_bytes())
        assert not parsed.bozo, (feed_file, parsed.get("bozo_exception"))
        for entry in parsed.entries:
            if entry.title.startswith("Delegates from"):
                continue  # stored garbled today: test_a_few_bad_utf8_bytes_do_not_garble_the_page
            assert comparable(entry.title) in titles, (feed_file, entry.title[:200])
            seen.add(comparable(entry.title))
            assert scheme_of(entry.link) in ("http", "https"), entry.link
    for json_file in sorted(hostile_run.build.rglob("feed.json")):
        data = json.loads(json_file.read_text(encoding="utf-8"))
        for item in data["items"]:
            if item["title"].startswith("Delegates from"):
                continue
            assert comparable(item["title"]) in titles, (json_file, item["title"][:200])
            assert scheme_of(item.get("external_url", "http:")) in ("http", "https"), item
    for other in ("sitemap.xml", "feeds.opml"):
        for found in hostile_run.build.rglob(other):
            lxml_html.etree.fromstring(found.read_bytes())  # well-formed XML or raises
    root_feed = feedparser.parse((hostile_run.build / "feed.xml").read_bytes())
    root_titles = [e.title for e in root_feed.entries]
    assert SCRIPT_TITLE in root_titles
    assert len(seen) >= 25


# -- the browser ----------------------------------------------------------------------------
@pytest.fixture(scope="module")
def site_url(hostile_run: HostileRun) -> Iterator[str]:
    server = serve_folder(hostile_run.build, "127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()



LINKS_JS = """() => Array.from(document.querySelectorAll('[href],[src],[action],[formaction]'))
  .flatMap(e => ['href', 'src', 'action', 'formaction'].filter(a => e.hasAttribute(a))
  .map(a => e.getAttribute(a)))"""


def test_no_injected_script_runs_on_any_page(browser: Any, site_url: str, hostile_run: HostileRun) -> None:
    pages = [p.relative_to(hostile_run.build).as_posix() for p in html_files(hostile_run)]
    context = browser.new_context()
    page = context.new_page()
    dialogs: list[str] = []
    errors: list[str] = []
    offsite: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: offsite.append(r.url)
            if urlsplit(r.url).hostname != "127.0.0.1" and not r.url.startswith("data:") else None)
    redirects = [p for p in pages if b'http-equiv="refresh"' in (hostile_run.build / p).read_bytes()]
    for path in [p for p in pages if p not in redirects]:  # (a redirect page navigates away)
        url = urljoin(site_url, path)
        response = page.goto(url, wait_until="load")
        assert response is not None and response.status == 200, path
        page.evaluate("() => document.querySelectorAll('details').forEach(d => d.open = true)")
        page.mouse.move(5, 5)
        page.mouse.move(300, 300)
        assert page.evaluate("typeof window.__pwned") == "undefined", (path, page.evaluate("window.__pwned"))
        for value in page.evaluate(LINKS_JS):
            assert scheme_of(value) in SAFE_SCHEMES, (path, value)
        assert not dialogs, (path, dialogs)
    page.goto(urljoin(site_url, "search/"), wait_until="load")
    page.fill(".pagefind-ui__search-input", "script")
    page.wait_for_timeout(300)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert not dialogs and not errors and not offsite, (dialogs, errors, offsite)
    context.close()


def test_naughty_strings_all_went_out(hostile_run: HostileRun) -> None:
    """The list itself is broad: a few hundred strings of every kind."""
    strings = load_naughty()
    assert len(strings) >= 300
    served = b"".join(hostile_run.bodies.values()).decode("utf-8", errors="replace")
    missing = [s for s in strings if esc(s) not in served]
    assert not missing
