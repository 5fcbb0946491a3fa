"""The rendered site of the demo run: every page kind, its links, its feeds read by a real reader."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from urllib.parse import urlsplit

import feedparser
import html5lib
import pytest
from lxml import etree
from lxml import html as lxml_html

from tests.conftest import DemoRun, cli, write_config

pytestmark = pytest.mark.xdist_group("demo")
NS = {"h": "http://www.w3.org/1999/xhtml"}
BASE = "https://example.org/briefing/"
KINDS = ["", "topics/", "people/", "organizations/", "places/", "agreements/", "timeline/",
         "archive/", "search/", "about/", "status/"]


def parse(path: Path):  # type: ignore[no-untyped-def]
    return html5lib.parse(path.read_bytes(), namespaceHTMLElements=True)


def local_links(page: Path) -> list[str]:
    tree = lxml_html.fromstring(page.read_bytes())
    hrefs = tree.xpath("//a/@href | //link/@href | //script/@src")
    return [h for h in hrefs if h and not urlsplit(h).scheme and not h.startswith(("#", "?"))]


def resolve(page: Path, href: str) -> Path:
    target = (page.parent / href.split("#")[0].split("?")[0]).resolve()
    return target / "index.html" if target.is_dir() else target


def first(site: Path, pattern: str) -> Path:
    return sorted(site.glob(pattern))[0]


def test_index_ranks_stories_with_facts_and_every_outlet(demo_run: DemoRun) -> None:
    """The most widely reported stories come first, each linking its story page, with
    key facts combined across its reports and every report's outlet."""
    index = demo_run.site / "index.html"
    tree = lxml_html.fromstring(index.read_bytes())
    cards = tree.xpath("//article[@class='story']")
    assert len(cards) >= 10
    reports = [len(card.xpath(".//p[@class='outlets']/a[@rel]")) for card in cards]
    assert reports[0] >= 3 and sum(n >= 2 for n in reports) >= 6, reports
    assert sum(reports[:5]) > 2 * sum(reports[-5:]), reports
    assert all(card.xpath("string(.//h2/a/@href)").startswith("stories/") for card in cards)
    assert tree.xpath("//dl[@class='keyfacts']/dt[.='Who']")
    assert tree.xpath("//dl[@class='keyfacts']/dt[.='Quote']")
    assert all(p.xpath(".//a") for p in tree.xpath("//p[@class='outlets']"))
    for href in local_links(index):
        assert resolve(index, href).exists(), href


def test_every_page_kind_exists_and_is_valid_html(demo_run: DemoRun) -> None:
    site = demo_run.site
    samples = [site / (k + "index.html") for k in KINDS]
    samples += [first(site, "articles/*/*.html"), first(site, "people/*/index.html"),
                first(site, "organizations/*/index.html"), first(site, "places/*/index.html"),
                first(site, "topics/*/index.html"), first(site, "agreements/*/index.html"),
                first(site, "archive/*/*/*/index.html"), first(site, "timeline/*/index.html"),
                first(site, "timeline/*/*/index.html"),
                next(p for p in sorted(site.glob("stories/*/index.html"))
                     if b"refresh" not in p.read_bytes())]
    for page in samples:
        assert page.exists(), page
        parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
        tree = parser.parse(page.read_bytes())
        assert tree.find(".//main") is not None and tree.find(".//h1") is not None, page
        assert tree.find(".//header") is not None and tree.find(".//footer") is not None


def test_every_page_links_only_to_existing_files(demo_run: DemoRun) -> None:
    pages = sorted(demo_run.site.rglob("*.html"))
    assert len(pages) > 100
    for page in pages:
        for href in local_links(page):
            assert resolve(page, href).exists(), (page, href)


def test_article_pages_show_text_facts_and_evidence(demo_run: DemoRun) -> None:
    pages = sorted((demo_run.site / "articles").rglob("*.html"))
    assert len(pages) >= 10
    with_evidence = 0
    for page in pages:
        tree = parse(page)
        h1 = tree.find(".//h:h1", NS)
        assert h1 is not None and "".join(h1.itertext()).strip()
        assert tree.find(".//h:aside[@class='facts']", NS) is not None
        body = tree.find(".//h:div[@class='body']", NS)
        assert body is not None and len(body.findall("h:p", NS)) >= 2
        source = tree.find(".//h:p[@class='source']/h:a", NS)
        assert source is not None and source.get("href").startswith("http")
        with_evidence += len(tree.findall(".//h:details[@class='evidence']", NS))
    assert with_evidence > 0


def test_entity_pages_list_mentions_quotes_and_co_mentions(demo_run: DemoRun) -> None:
    pages = sorted((demo_run.site / "people").glob("*/index.html"))
    assert pages
    quoted = 0
    for page in pages:
        tree = lxml_html.fromstring(page.read_bytes())
        assert tree.xpath("//ol[@class='rows']/li/a"), page
        quoted += bool(tree.xpath("//h2[.='Quotes']"))
        feeds = {f.rsplit("/", 1)[-1] for f in tree.xpath("//link[@rel='alternate']/@href")
                 if page.parent.name in f}
        assert feeds == {"feed.xml", "atom.xml", "feed.json"}, page
    assert quoted > 0
    with_co_mentions = [p for p in pages
                        if lxml_html.fromstring(p.read_bytes()).xpath("//h2[.='Most often mentioned with']")]
    assert with_co_mentions


def all_feeds(site: Path) -> list[Path]:
    return sorted(site.rglob("feed.xml")) + sorted(site.rglob("atom.xml"))


def test_every_feed_parses_without_errors(demo_run: DemoRun) -> None:
    feeds = all_feeds(demo_run.site)
    assert len(feeds) > 20
    for path in feeds:
        feed = feedparser.parse(path.read_bytes())
        assert not feed.bozo, (path, feed.get("bozo_exception"))
        assert feed.entries, path
        for entry in feed.entries:
            assert entry.title and entry.link.startswith((BASE + "articles/", BASE + "stories/"))
            assert entry.id == entry.link
            assert entry.published_parsed is not None
    site_feed = feedparser.parse((demo_run.site / "feed.xml").read_bytes())
    assert len(site_feed.entries) >= 10
    assert len({e.id for e in site_feed.entries}) == len(site_feed.entries)


def test_json_feeds_are_valid(demo_run: DemoRun) -> None:
    for path in demo_run.site.rglob("feed.json"):
        feed = json.loads(path.read_text(encoding="utf-8"))
        assert feed["version"] == "https://jsonfeed.org/version/1.1"
        assert feed["items"] and all(item["id"].startswith(BASE) for item in feed["items"])
        assert all(item["date_published"].endswith("+00:00") for item in feed["items"])


def test_opml_sitemap_and_robots(demo_run: DemoRun) -> None:
    site = demo_run.site
    opml = etree.fromstring((site / "feeds.opml").read_bytes())
    urls = set(opml.xpath("//outline/@xmlUrl"))
    for feed in all_feeds(site) + sorted(site.rglob("feed.json")):
        assert BASE + feed.relative_to(site).as_posix() in urls, feed
    sitemap = etree.fromstring((site / "sitemap.xml").read_bytes())
    locs = set(sitemap.xpath("//*[local-name()='loc']/text()"))
    assert BASE in locs and BASE + "people/" in locs
    assert any(loc.startswith(BASE + "articles/") for loc in locs)
    assert "Sitemap: " + BASE + "sitemap.xml" in (site / "robots.txt").read_text()


def test_topic_pages_advertise_their_own_feeds(demo_run: DemoRun) -> None:
    page = first(demo_run.site, "topics/*/index.html")
    tree = lxml_html.fromstring(page.read_bytes())
    links = tree.xpath("//link[@rel='alternate']")
    folder = page.parent.relative_to(demo_run.site).as_posix()
    hrefs = [link.get("href") for link in links]
    assert hrefs[:3] == [f"../../{folder}/{name}" for name in ("feed.xml", "atom.xml", "feed.json")]
    assert "../../feed.xml" in hrefs


def test_search_has_a_pagefind_bundle_per_month_of_stories(demo_run: DemoRun) -> None:
    search = demo_run.site / "search"
    bundles = json.loads((search / "bundles.json").read_text())["bundles"]
    months = {p.parts[-3] + "-" + p.parts[-2] for p in demo_run.site.glob("archive/*/*/*/")}
    assert {b.rstrip("/") for b in bundles} == months
    for bundle in bundles:
        entry = json.loads((search / bundle / "pagefind-entry.json").read_text())
        assert entry["languages"]["en"]["page_count"] >= 1
    page = (search / "index.html").read_text()
    assert "<noscript>" in page and "static/search.js" in page and "pagefind-ui.js" in page


def tree_digest(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_rebuild_is_byte_identical(demo_run: DemoRun) -> None:
    """Once the tick that built the site has ended (its status page showed it in progress),
    rebuilding gives the same bytes, however often it is done."""
    run_build = tree_digest(demo_run.site)
    cli("build", "--config", str(demo_run.config))
    before = tree_digest(demo_run.site)
    changed = {p for p in before if before[p] != run_build.get(p)}
    assert changed <= {"status/index.html", ".wirebrief-manifest.json"}, changed
    cli("build", "--config", str(demo_run.config))
    assert tree_digest(demo_run.site) == before
    assert not list(demo_run.folder.glob(".build-staging-*"))


def test_status_page_reports_each_source(demo_run: DemoRun) -> None:
    """The site's status page carries the run report: articles, fetches, failures by reason."""
    db_rows = json.loads(cli("status", "--json", "--config", str(demo_run.config)).stdout)
    source = next(s for s in db_rows["sources"] if s["name"] == "Demo Wire")
    page = lxml_html.fromstring((demo_run.site / "status" / "index.html").read_bytes())
    row = next(r for r in page.xpath("//tbody/tr") if "Demo Wire" in r.xpath("string(th)"))
    cells = [c.text_content().strip() for c in row.xpath("td")]
    assert cells[0] == str(source["articles"]) and cells[1] == str(source["pages_fetched"])
    assert f"off_topic {source['failures']['off_topic']}" in cells[3]
    assert page.xpath("//main//ol[@class='rows']/li"), "the latest crawl runs are listed"


WATCH = '''
[[watch]]
name = "Cyber and the Baltic"
query = 'hackers OR cyber*'
topics = ["cyber"]
'''


def test_watch_pages_list_the_matching_stories_with_why_and_have_feeds(demo_run: DemoRun,
                                                                         tmp_path: Path) -> None:
    """A watchlist gets /watch/<slug>/ (its stories, newest first, with why each matched)
    and three feeds there, autodiscovered and listed in feeds.opml."""
    import shutil

    from wirebrief.config import load_config
    from wirebrief.store import connect
    from wirebrief.watch import match_stories

    config = write_config(tmp_path, demo_run.server.base_url, extra=WATCH)
    shutil.copy(demo_run.database, tmp_path / "wirebrief.db")
    cli("build", "--config", str(config))
    site = tmp_path / "build"
    (watch,) = load_config(config).watch
    conn = connect(tmp_path / "wirebrief.db")
    expected = [m.story_id for m in match_stories(conn, watch)]
    conn.close()
    assert expected
    page = site / "watch" / watch.slug / "index.html"
    tree = lxml_html.fromstring(page.read_bytes())
    rows = tree.xpath("//main//ol[@class='rows']/li")
    assert [li.xpath("string(a/@href)").split("/")[-2] for li in rows] == expected
    assert all("Matched: " in li.text_content() and "topic cyber" in li.text_content() for li in rows)
    autodiscovered = tree.xpath("//link[@rel='alternate' and @type='application/atom+xml']/@href")
    assert autodiscovered[0].endswith(f"watch/{watch.slug}/atom.xml")
    for name in ("feed.xml", "atom.xml"):
        feed = feedparser.parse((page.parent / name).read_bytes())
        assert not feed.bozo and [e.id.split("/")[-2] for e in feed.entries] == expected
    items = json.loads((page.parent / "feed.json").read_text())["items"]
    assert [i["id"].split("/")[-2] for i in items] == expected
    assert f"/watch/{watch.slug}/atom.xml" in (site / "feeds.opml").read_text()
    index = lxml_html.fromstring((site / "watch" / "index.html").read_bytes())
    assert index.xpath("string(//main//li/a)") == watch.name
