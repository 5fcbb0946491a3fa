"""Build properties on synthetic stores: deterministic, atomic, incremental, hostile-safe.

These tests do not need the demo crawl: they write facts records with save_article into
a fresh database (wirebrief.synthetic), as the extractor would, and build from it.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from datetime import date
from pathlib import Path
from typing import Any

import feedparser
import html5lib
import pytest
import sqlite_utils
from lxml import html as lxml_html

from tests.stored_records import stored_record
from wirebrief.config import Config, SiteConfig
from wirebrief.site import pages_topics, paging, seo
from wirebrief.site.build import build_site
from wirebrief.site.outputs import Output
from wirebrief.site.writer import MANIFEST, read_manifest
from wirebrief.store import open_db
from wirebrief.store.articles import save_article
from wirebrief.synthetic import populate

HOSTILE_TITLE = "<script>window.__pwned=1</script> \"Double\" 'single' “curly” «guillemets» & </title>"
HOSTILE_QUOTE = "\"</blockquote><script>window.__pwned=2</script>\" “Yes” «non» it's \u2028here"
HOSTILE = {
    "url": "javascript:alert(1)",
    "title": HOSTILE_TITLE,
    "published": "2026-03-31",
    "agency": "<i>UNI</i>",
    "authors": ["<img src=x onerror=window.__pwned=3>"],
    "dateline": {"place": "<svg onload=window.__pwned=4>", "date": "2026-03-31"},
    "text": "First <script>window.__pwned=5</script> paragraph \x00\x0b\x85\ufdd0 with ]]> and </p>.\n"
            "<img src=x onerror=\"window.__pwned=6\"> second “paragraph” «here» 'too'.",
    "people": [{"name": "<b onmouseover=window.__pwned=7>Evil</b> O'Neil", "titles": ["<u>Chief</u>"],
                "evidence": [{"sentence": "<script>window.__pwned=8</script> said O'Neil",
                              "start": 0, "end": 9}]}],
    "organizations": [{"name": "../../../etc/passwd", "aliases": []}],
    "places": [{"name": "«Ville» <script>"}],
    "quotes": [{"speaker": "<b onmouseover=window.__pwned=7>Evil</b> O'Neil", "text": HOSTILE_QUOTE,
                "channel": "<a href=javascript:alert(1)>told</a>"}],
    "events": [{"date": "2026-03-30", "what": "<script>window.__pwned=9</script> raid", "where": None}],
    "agreements": [{"name": "</title><script>window.__pwned=10</script> Accord", "parties": ["\"A\""],
                    "status": "<b>signed</b>"}],
    "topics": ["<script>x</script>", "../.."],
}


def make_config(folder: Path, output: str = "site", **site: Any) -> Config:
    """A config for a synthetic store; without search unless asked for: Pagefind's index
    files are not byte-stable from one Pagefind run to the next (the same records give
    files whose order differs), and these tests compare whole sites byte for byte."""
    site.setdefault("search", "none")
    return Config(site=SiteConfig(output=folder / output, database=folder / "site.db", **site),
                  path=folder / "wirebrief.toml")


def build(folder: Path, output: str = "site", **site: Any) -> dict[str, int]:
    config = make_config(folder, output, **site)
    db = open_db(config.database_path)
    try:
        return build_site(config, db)
    finally:
        db.close()


def seed(folder: Path, count: int = 40, hostile: bool = False) -> None:
    db = open_db(folder / "site.db")
    populate(db, count, last_day=date(2026, 3, 30), per_day=8)
    if hostile:
        with db.atomic():
            save_article(db, HOSTILE, page_url="https://evil.example/x", source="<script>src</script>",
                         run_id=1)
    db.close()


def add_articles(folder: Path, start: int, count: int) -> None:
    db = open_db(folder / "site.db")
    populate(db, count, start=start, run_id=2, last_day=date(2026, 3, 31), per_day=count, syndicate=0)
    db.close()


def digests(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


def inodes(site: Path) -> dict[str, int]:
    return {p.relative_to(site).as_posix(): p.stat().st_ino for p in site.rglob("*") if p.is_file()}


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    seed(folder, 12, hostile=True)
    build(folder)
    return folder / "site"


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_hostile_text_renders_as_text_in_every_page(hostile_site: Path) -> None:
    pages = html_pages(hostile_site)
    assert len(pages) > 20
    saw_title = 0
    for page in pages:
        tree = html5lib.parse(page.read_bytes(), treebuilder="lxml", namespaceHTMLElements=False)
        scripts = tree.findall(".//script")
        assert all(s.get("src", "").endswith(("static/search.js", "static/keys.js", "/pagefind-ui.js"))
                   and not (s.text or "").strip() for s in scripts), page
        assert not tree.findall(".//img") and not tree.findall(".//svg"), page
        for element in tree.iter():
            if isinstance(element.tag, str):
                assert not [a for a in element.attrib if a.lower().startswith("on")], (page, element.tag)
                href = element.get("href", "")
                assert not href.lower().lstrip().startswith("javascript:"), (page, href)
        saw_title += HOSTILE_TITLE.replace("\x00", "") in "".join(tree.getroot().itertext())
    assert saw_title >= 3  # article page, briefing, archive day, topic pages...


def test_hostile_pages_are_valid_html(hostile_site: Path) -> None:
    for page in html_pages(hostile_site):
        parser = html5lib.HTMLParser(strict=False)
        parser.parse(page.read_bytes())
        assert not parser.errors, (page, parser.errors[:3])


def test_impossible_dates_do_not_break_the_build(tmp_path: Path) -> None:
    db = open_db(tmp_path / "site.db")
    for number, day in enumerate(["0001-01-01", "2026-02-30", "0000-01-01", "9999-12-31"]):
        record = {**HOSTILE, "url": f"https://example.org/{number}", "published": day,
                  "events": [{"date": day, "what": "x", "where": None}]}
        save_article(db, record, page_url=record["url"], source="S", run_id=1)
    db.close()
    build(tmp_path)
    assert (tmp_path / "site" / "archive" / "0001" / "01" / "01" / "index.html").exists()
    assert len(list((tmp_path / "site" / "articles").rglob("*.html"))) == 4


def test_hostile_article_page_shows_quotes_and_safe_source_link(hostile_site: Path) -> None:
    page = next(p for p in html_pages(hostile_site) if "script-window-pwned" in p.as_posix()
                and "/articles/" in p.as_posix())
    tree = lxml_html.fromstring(page.read_bytes())
    text = tree.text_content()
    assert HOSTILE_QUOTE.replace("\u2028", "") in text.replace("\u2028", "")
    assert "“paragraph” «here» 'too'" in text
    source = tree.xpath("//p[@class='source']/a")[0]
    assert source.get("href") == "#"


def test_hostile_slugs_stay_inside_the_site(hostile_site: Path) -> None:
    root = hostile_site.resolve()
    for path in hostile_site.rglob("*"):
        assert path.resolve().is_relative_to(root)
    assert (hostile_site / "organizations" / "etc-passwd" / "index.html").exists()


def test_hostile_feeds_parse_and_carry_text(hostile_site: Path) -> None:
    for name in ("feed.xml", "atom.xml"):
        feed = feedparser.parse((hostile_site / name).read_bytes())
        assert not feed.bozo, (name, feed.get("bozo_exception"))
        titles = [e.title for e in feed.entries]
        assert HOSTILE_TITLE in titles, name
    data = json.loads((hostile_site / "feed.json").read_text(encoding="utf-8"))
    assert HOSTILE_TITLE in [item["title"] for item in data["items"]]
    for feed_file in hostile_site.rglob("*.xml"):
        raw = feed_file.read_bytes()
        assert b"\x00" not in raw and b"\x0b" not in raw, feed_file


def test_two_builds_are_byte_identical(tmp_path: Path) -> None:
    seed(tmp_path, 30, hostile=True)
    build(tmp_path)
    first = digests(tmp_path / "site")
    (tmp_path / "site").rename(tmp_path / "first")
    build(tmp_path)
    assert digests(tmp_path / "site") == first
    assert not list(tmp_path.glob(".site-staging-*"))


def test_failed_build_leaves_previous_site_untouched(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seed(tmp_path, 30)
    build(tmp_path)
    before, before_inodes = digests(tmp_path / "site"), inodes(tmp_path / "site")
    add_articles(tmp_path, 100, 3)
    original = pages_topics.outputs

    def failing(*args: Any, **kwargs: Any) -> Any:
        yield from list(original(*args, **kwargs))[:2]
        raise RuntimeError("disk full, say")

    monkeypatch.setattr(pages_topics, "outputs", failing)
    with pytest.raises(RuntimeError, match="disk full"):
        build(tmp_path)
    assert digests(tmp_path / "site") == before
    assert inodes(tmp_path / "site") == before_inodes
    assert not list(tmp_path.glob(".site-staging-*"))


def test_stale_staging_folder_of_a_killed_build_is_cleaned(tmp_path: Path) -> None:
    seed(tmp_path, 10)
    stale = tmp_path / ".site-staging-killed"
    (stale / "articles").mkdir(parents=True)
    build(tmp_path)
    assert not stale.exists()
    assert (tmp_path / "site" / "index.html").exists()


def test_incremental_build_rewrites_only_what_changed(tmp_path: Path) -> None:
    seed(tmp_path, 150)
    full = build(tmp_path)
    site = tmp_path / "site"
    before = inodes(site)
    old_feed_ids = {e.link: e.id for e in feedparser.parse((site / "feed.xml").read_bytes()).entries}
    add_articles(tmp_path, 500, 3)
    stats = build(tmp_path)
    after = inodes(site)
    changed = {p for p in after if before.get(p) != after[p]}
    assert stats["rendered"] == len(changed - {MANIFEST}), sorted(changed)
    assert stats["rendered"] < full["pages"] * 0.3, (stats, full)
    new_pages = {p for p in after if p not in before}
    assert len([p for p in new_pages if p.startswith("articles/")]) == 3
    for fixed in ("static/style.css", "about/index.html", "robots.txt"):
        assert fixed not in changed
    old_articles = [p for p in before if p.startswith("articles/")]
    untouched_articles = [p for p in old_articles if p not in changed]
    assert len(untouched_articles) > 0.6 * len(old_articles)
    assert set(read_manifest(site)) >= {"", "feed.xml", "sitemap.xml"}
    new_feed = feedparser.parse((site / "feed.xml").read_bytes())
    for entry in new_feed.entries:
        assert old_feed_ids.get(entry.link, entry.id) == entry.id


def test_incremental_result_equals_a_full_build(tmp_path: Path) -> None:
    seed(tmp_path, 40)
    build(tmp_path)
    add_articles(tmp_path, 300, 4)
    build(tmp_path)  # from links to the first site
    add_articles(tmp_path, 400, 2)
    stats = build(tmp_path)
    assert stats["reused"] > stats["rendered"]
    incremental = digests(tmp_path / "site")
    (tmp_path / "site").rename(tmp_path / "incremental")
    build(tmp_path)
    assert digests(tmp_path / "site") == incremental


def test_site_setting_change_rerenders_everything(tmp_path: Path) -> None:
    seed(tmp_path, 10)
    first = build(tmp_path)
    second = build(tmp_path, title="Another title")
    pages = [p for p in (tmp_path / "site").rglob("*.html")]
    # Every page shows the title; files that do not (static files, robots.txt) keep their inode.
    assert second["rendered"] >= len(pages) and second["pages"] == first["pages"]
    assert all("Another title" in p.read_text() for p in pages)


def test_search_bundles_are_made_again_only_for_the_months_that_changed(tmp_path: Path) -> None:
    """One Pagefind bundle per month of stories; a build re-indexes only the months whose
    stories changed and links the others; `search = "none"` builds none."""
    db = open_db(tmp_path / "site.db")
    populate(db, 50, last_day=date(2026, 3, 30), per_day=1)  # two months and more
    db.close()
    build(tmp_path, search="none")
    site = tmp_path / "site"
    assert not (site / "search" / "bundles.json").exists()
    assert "Search is turned off" in (site / "search" / "index.html").read_text()
    first = build(tmp_path, search="pagefind")
    bundles = json.loads((site / "search" / "bundles.json").read_text())["bundles"]
    assert len(bundles) >= 2 and first["search_files"] > 0
    assert all((site / "search" / b / "pagefind-entry.json").is_file() for b in bundles)
    page = (site / "search" / "index.html").read_text()
    assert f"search/{bundles[0]}pagefind-ui.js" in page and "data-bundles" in page
    before = inodes(site)
    build(tmp_path, search="pagefind")
    assert inodes(site) == {**before, MANIFEST: inodes(site)[MANIFEST]}
    add_articles(tmp_path, 500, 2)  # the newest month
    build(tmp_path, search="pagefind")
    after = inodes(site)
    older = [p for p in before if p.startswith(f"search/{bundles[-1]}")]
    newest = [p for p in after if p.startswith("search/2026-03/")]
    assert older and all(after[p] == before[p] for p in older)
    assert newest and any(before.get(p) != after[p] for p in newest)


def test_summary_feeds_carry_no_full_text(tmp_path: Path) -> None:
    seed(tmp_path, 10)
    build(tmp_path, feed_content="summary")
    feed = feedparser.parse((tmp_path / "site" / "atom.xml").read_bytes())
    assert not feed.bozo and feed.entries
    assert all("content" not in entry for entry in feed.entries)
    data = json.loads((tmp_path / "site" / "feed.json").read_text())
    assert all("content_html" not in item and item["content_text"] for item in data["items"])


def test_a_failed_render_leaves_the_site_untouched(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Staging shares inodes with the live site: a failing build must never write through them."""
    seed(tmp_path, 30)
    build(tmp_path)
    add_articles(tmp_path, 100, 3)
    build(tmp_path)
    before = digests(tmp_path / "site")
    add_articles(tmp_path, 200, 3)

    def boom() -> bytes:
        raise RuntimeError("killed while rendering")

    monkeypatch.setattr(seo, "robots_output", lambda renderer: Output("robots.txt", "new key", boom))
    with pytest.raises(RuntimeError, match="killed while rendering"):
        build(tmp_path)
    assert digests(tmp_path / "site") == before
    monkeypatch.undo()
    build(tmp_path)
    assert digests(tmp_path / "site") != before


def folders(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_dir())


def rebuilt_equals_full(folder: Path) -> dict[str, int]:
    """Build incrementally, then from scratch: the two sites must be the same files, in
    the same folders (none left empty by a page that went away)."""
    stats = build(folder)
    incremental = digests(folder / "site")
    build(folder, "fresh")
    assert digests(folder / "fresh") == incremental
    assert folders(folder / "fresh") == folders(folder / "site")
    shutil.rmtree(folder / "fresh")
    assert stats["reused"] > stats["rendered"], "the change was small: most files should be reused"
    return stats


def resave(db: sqlite_utils.Database, article_id: str, change: Any) -> None:
    """Store an article again, as a re-extraction would, with ``change`` applied to its record."""
    stored = stored_record(db, article_id)
    record = change(stored["record"])
    with db.atomic():
        save_article(db, record, page_url=stored["page_url"], source=stored["source"], run_id=3,
                     story_id=stored["story_id"])


def test_incremental_builds_equal_full_builds_through_every_kind_of_change(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """New articles, a late story dated in the past, a re-extracted article with other facts
    and a new date, a corrected title, a new outlet for an old story, a renamed entity and a
    removed article:
    after each, the incremental build gives exactly the files of a full build, and renders
    only part of the site. Pages of four stories, so that topic and entity lists have
    archive pages that shift."""
    monkeypatch.setattr(paging, "PAGE_SIZE", 4)
    seed(tmp_path, 120)
    full = build(tmp_path)
    assert any((tmp_path / "site" / "topics").glob("*/page/3/index.html"))
    add_articles(tmp_path, 500, 3)
    assert rebuilt_equals_full(tmp_path)["rendered"] > 0
    db = open_db(tmp_path / "site.db")
    populate(db, 2, start=700, run_id=3, last_day=date(2026, 3, 10), per_day=2, syndicate=0)
    rebuilt_equals_full(tmp_path)
    ids = [row[0] for row in db.execute("select id from articles order by first_seen_at, id")]
    old, other = ids[10], ids[40]

    def new_facts(record: dict[str, Any]) -> dict[str, Any]:
        return {**record, "published": "2026-02-01", "title": record["title"] + " (updated)",
                "people": record["people"][1:] + [{"name": "Zed Newcomer", "titles": ["envoy"]}]}
    resave(db, old, new_facts)
    stats = rebuilt_equals_full(tmp_path)
    assert 0 < stats["rendered"] < full["pages"] * 0.5, stats

    # Only the title changes: the pages listing it as related must show the new one.
    resave(db, ids[50], lambda record: {**record, "title": record["title"] + " (corrected)"})
    rebuilt_equals_full(tmp_path)

    copy = stored_record(db, other)
    with db.atomic():
        save_article(db, {**copy["record"], "url": copy["record"]["url"] + "-syndicated"},
                     page_url=copy["page_url"] + "-syndicated", source="Another Outlet", run_id=3,
                     story_id=other)
    rebuilt_equals_full(tmp_path)

    # An entity a few stories name (a busy one would make most of the site change: a full build).
    (entity_id,) = db.execute("select entity_id from mentions group by entity_id having count(*) "
                              "between 2 and 6 order by count(*) desc, entity_id limit 1").fetchone()
    with db.atomic():
        db.execute("update entities set name = 'Renamed Person', slug = 'renamed-person' where id = ?",
                   [entity_id])
    rebuilt_equals_full(tmp_path)

    with db.atomic():
        for table in ("mentions", "quotes", "events", "agreement_mentions"):
            db.execute(f"delete from {table} where article_id = ?", [ids[80]])
        db.execute("delete from articles where id = ?", [ids[80]])
    rebuilt_equals_full(tmp_path)
    db.close()
    nothing = build(tmp_path)
    assert nothing["rendered"] == 0, nothing


def test_long_lists_are_paged_from_the_oldest_and_old_pages_stay(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every story of a topic is on its main page or on exactly one archive page; archive
    pages are valid, linked, numbered from the oldest, and untouched by new stories."""
    monkeypatch.setattr(paging, "PAGE_SIZE", 3)
    seed(tmp_path, 80)
    build(tmp_path)
    site = tmp_path / "site"
    topic = max((site / "topics").iterdir(), key=lambda t: len(list(t.glob("page/*/index.html"))))
    pages = sorted(topic.glob("page/*/index.html"), key=lambda p: int(p.parent.name))
    assert len(pages) >= 2

    def rows(page: Path) -> list[str]:
        tree = lxml_html.fromstring(page.read_bytes())
        return tree.xpath("//main//ol[@class='rows']/li/a[1]/@href")

    main = topic / "index.html"
    main_tree = lxml_html.fromstring(main.read_bytes())
    total = int(main_tree.xpath("string(//p[@class='lede'])").split()[0])
    listed = [href.removeprefix("../../") for href in rows(main)]
    listed += [href.removeprefix("../../../../") for p in pages for href in rows(p)]
    assert len(listed) == len(set(listed)) == total
    assert all(len(rows(p)) == 3 for p in pages) and 3 <= len(rows(main)) < 6
    linked = {h.rstrip("/") for h in main_tree.xpath("//nav[@class='older-pages']//a/@href")}
    assert linked == {f"../../topics/{topic.name}/page/{p.parent.name}" for p in pages}
    for page in pages:
        html5lib.HTMLParser(strict=True).parse(page.read_bytes())
    first_page, before = pages[0].relative_to(site).as_posix(), inodes(site)
    add_articles(tmp_path, 500, 3)
    build(tmp_path)
    assert inodes(site)[first_page] == before[first_page]


def test_a_file_deleted_from_the_live_site_is_rendered_again(tmp_path: Path) -> None:
    """The manifest says the live site holds a file it no longer has: its unit is rendered."""
    seed(tmp_path, 30)
    build(tmp_path)
    site = tmp_path / "site"
    victim = sorted(site.glob("people/*/index.html"))[0]
    expected = victim.read_bytes()
    victim.unlink()
    stats = build(tmp_path)
    assert victim.read_bytes() == expected and stats["rendered"] == 1, stats
    sitemap = (site / "sitemap.xml").read_text()
    assert sitemap.count(f"/{victim.parent.relative_to(site).as_posix()}/<") == 1


def sitemap_locs(site: Path) -> tuple[list[str], list[list[str]]]:
    """The sitemap's own entries (an index's sitemaps, or its URLs) and each listed sitemap's URLs."""
    from lxml import etree

    def locs(path: Path) -> list[str]:
        tree = etree.fromstring(path.read_bytes())
        return [str(loc) for loc in tree.xpath("//*[local-name()='loc']/text()")]

    top = locs(site / "sitemap.xml")
    parts = [locs(site / url.rsplit("/", 1)[1]) for url in top if url.endswith(".xml")]
    return top, parts


def test_a_sitemap_too_long_for_one_file_is_split_under_an_index(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """Every page is listed once across the parts, none of which holds more than the limit,
    in full and incremental builds alike."""
    seed(tmp_path, 30)
    build(tmp_path)
    site = tmp_path / "site"
    whole, parts = sitemap_locs(site)
    assert not parts and len(whole) > 40
    monkeypatch.setattr(seo, "SITEMAP_LIMIT", 15)
    for round_number in range(2):
        add_articles(tmp_path, 800 + round_number, 1)
        build(tmp_path)
        pages = {"https://example.org/briefing/" + p.relative_to(site).as_posix().removesuffix("index.html")
                 for p in site.rglob("*.html")}
        top, parts = sitemap_locs(site)
        assert len(top) == len(parts) == -(-len(pages) // 15)
        assert all(len(part) <= 15 for part in parts)
        listed = [url for part in parts for url in part]
        assert sorted(listed) == listed and set(listed) == pages and len(listed) == len(pages)


def test_a_build_never_writes_through_the_live_site(tmp_path: Path) -> None:
    """Staging links the live site's unchanged files (same inodes): after each build, the
    files the previous site was published with still hold its bytes, and no state is
    kept beside the site but its own manifest."""
    seed(tmp_path, 60)
    build(tmp_path)
    for number in range(4):
        site, kept = tmp_path / "site", tmp_path / f"kept-{number}"
        published = digests(site)
        for path in site.rglob("*"):
            if path.is_file():
                (kept / path.relative_to(site)).parent.mkdir(parents=True, exist_ok=True)
                (kept / path.relative_to(site)).hardlink_to(path)
        add_articles(tmp_path, 500 + 10 * number, 3)
        stats = build(tmp_path)
        assert 0 < stats["rendered"] < stats["reused"]
        assert digests(kept) == published
        assert not list(tmp_path.glob(".site-s*"))


def test_publishing_to_a_folder_copies_only_what_changed(tmp_path: Path) -> None:
    """The published folder equals the built site; a second publication copies the files
    the build rendered and links the rest from the folder's previous tree."""
    from wirebrief.publishing import publish

    seed(tmp_path, 40)
    first = build(tmp_path)
    config = make_config(tmp_path).model_copy(update={"publish": make_config(tmp_path).publish.model_copy(
        update={"folder": str(tmp_path / "public")})})
    public = tmp_path / "public"
    assert publish(config) == [f"published to {public}: {first['pages']} files copied, 0 unchanged"]
    assert digests(tmp_path / "public") == digests(tmp_path / "site")
    before = inodes(tmp_path / "public")
    add_articles(tmp_path, 500, 2)
    second = build(tmp_path)
    (done,) = publish(config)
    copied, unchanged = (int(n) for n in re.findall(r"(\d+) files copied, (\d+) unchanged", done)[0])
    assert 0 < copied <= second["rendered"] and copied + unchanged == second["pages"], (done, second)
    assert digests(tmp_path / "public") == digests(tmp_path / "site")
    after = inodes(tmp_path / "public")
    assert sum(after[p] == before.get(p) for p in after) == unchanged


def test_sentences_of_agreements_timeline_and_outlets_read_right(tmp_path: Path) -> None:
    """What readers noticed: sentences run together on agreement pages and timeline
    lines, "Also carried by" naming the article's own outlet, a finished tick shown as
    "in progress"."""
    seed(tmp_path, 60)
    db = open_db(tmp_path / "site.db")
    story = db.execute("select id, story_id, source from articles where story_id != id limit 1").fetchone()
    with db.atomic():  # a second copy of a story from the same outlet as its lead
        db.execute("update articles set source = (select source from articles where id = ?) "
                   "where id = ?", [story[1], story[0]])
        db.execute("insert into runs (id, started_at, status, stage) "
                   "values (99, '2026-04-01', 'running', 'run')")
    db.close()
    build(tmp_path)
    site = tmp_path / "site"
    for page in site.glob("agreements/*/index.html"):
        lede = lxml_html.fromstring(page.read_bytes()).xpath("string(//p[@class='lede'])")
        assert not re.search(r"\.[A-Z]", lede), lede
    lines = [li.text_content() for p in site.glob("timeline/**/index.html")
             for li in lxml_html.fromstring(p.read_bytes()).xpath("//ol[@class='timeline']/li")]
    assert lines and all(" · reported in " in line for line in lines)
    for page in site.glob("articles/*/*.html"):
        tree = lxml_html.fromstring(page.read_bytes())
        own = tree.xpath("string(//p[@class='source']/a[1])")
        assert own not in tree.xpath("//p[@class='source']/a[position() > 1]/text()"), page
    status = lxml_html.fromstring((site / "status" / "index.html").read_bytes()).text_content()
    assert "in progress" not in status and "the tick that built this page" in status
