"""The rendered site of the demo run: pages parsed, feeds read by a real feed reader."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from urllib.parse import urlsplit

import feedparser
import html5lib
import pytest

from tests.conftest import DemoRun, cli

pytestmark = pytest.mark.xdist_group("demo")
NS = {"h": "http://www.w3.org/1999/xhtml"}


def parse(path: Path):  # type: ignore[no-untyped-def]
    return html5lib.parse(path.read_bytes(), namespaceHTMLElements=True)


def local_links(page: Path) -> list[str]:
    tree = parse(page)
    hrefs = [a.get("href") for a in tree.iter("{http://www.w3.org/1999/xhtml}a")]
    hrefs += [link.get("href") for link in tree.iter("{http://www.w3.org/1999/xhtml}link")]
    return [h for h in hrefs if h and not urlsplit(h).scheme and not h.startswith("#")]


def resolve(page: Path, href: str) -> Path:
    target = (page.parent / href.split("#")[0]).resolve()
    return target / "index.html" if target.is_dir() else target


def test_index_lists_articles_that_exist(demo_run: DemoRun) -> None:
    index = demo_run.site / "index.html"
    tree = parse(index)
    headings = [h for h in tree.iter("{http://www.w3.org/1999/xhtml}h2")]
    assert len(headings) >= 10
    for href in local_links(index):
        assert resolve(index, href).exists(), href


def test_every_article_page_shows_text_and_facts(demo_run: DemoRun) -> None:
    pages = sorted((demo_run.site / "articles").rglob("index.html"))
    assert pages
    for page in pages:
        tree = parse(page)
        h1 = tree.find(".//h:h1", NS)
        assert h1 is not None and "".join(h1.itertext()).strip()
        assert tree.find(".//h:aside[@class='facts']", NS) is not None
        body = tree.find(".//h:div[@class='body']", NS)
        assert body is not None and len(body.findall("h:p", NS)) >= 2
        for href in local_links(page):
            assert resolve(page, href).exists(), (page, href)


@pytest.mark.parametrize("name", ["feed.xml", "atom.xml"])
def test_feeds_parse_without_errors(demo_run: DemoRun, name: str) -> None:
    feed = feedparser.parse((demo_run.site / name).read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    assert len(feed.entries) >= 10
    for entry in feed.entries:
        assert entry.title and entry.link.startswith("https://example.org/briefing/articles/")
        assert entry.id == entry.link
        assert entry.published_parsed is not None


def test_json_feed_is_valid(demo_run: DemoRun) -> None:
    feed = json.loads((demo_run.site / "feed.json").read_text())
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert all(item["id"].startswith("https://") for item in feed["items"])


def tree_digest(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_rebuild_is_byte_identical(demo_run: DemoRun) -> None:
    before = tree_digest(demo_run.site)
    cli("build", "--config", str(demo_run.config))
    assert tree_digest(demo_run.site) == before
    assert not list(demo_run.folder.glob(".build-staging-*"))
