"""Stories on a real crawl of the demo wire site: events grouped, near misses apart,
growth and merges across ticks, rebuilds, and `wirebrief stories --json`."""

from __future__ import annotations

import json
import shutil
import sqlite3
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import feedparser
import html5lib
import pytest
from lxml import html as lxml_html

from tests.conftest import DemoRun, cli, write_config
from wirebrief.demo.server import DemoSite, serve
from wirebrief.demo.stories import STORIES_DIR, Story, load_stories, parse_story
from wirebrief.store import connect
from wirebrief.stories import read_stories, redirects

pytestmark = pytest.mark.xdist_group("demo")


def _events() -> dict[str, str]:
    """Demo story slug -> its event label (the ``event:`` header, else its own slug)."""
    labels = {}
    for path in STORIES_DIR.glob("*.txt"):
        text = path.read_text(encoding="utf-8")
        header = dict(line.split(":", 1) for line in text.split("\n---\n")[0].splitlines() if ":" in line)
        labels[parse_story(text).slug] = header.get("event", parse_story(text).slug).strip()
    return labels


EVENTS = _events()
STORIES = [s for s in load_stories() if "off-topic" not in s.tags]
NEAR_MISSES = [
    ("sudan-fuel-depot-drone", "sudan-airport-drone"),  # two drone strikes, consecutive days
    ("india-japan-tokyo-talks", "india-japan-delhi-talks"),  # same ministers a week apart
    ("lithuania-brevik-selected", "lithuania-brevik-signed"),  # a contract chosen, then signed
    ("north-korea-missiles-nov16", "north-korea-missiles-nov19"),  # two tests in one week
    ("australia-halvard-patrol-vessel-talks", "australia-signs-halvard-patrol-vessel-contract"),
]


def story_of_slug(database: Path, base_url: str) -> dict[str, str]:
    with sqlite3.connect(database) as conn:
        by_url = dict(conn.execute(
            "select a.url, sa.story_id from articles a join story_articles sa on sa.article_id = a.id"))
    return {s.slug: by_url[base_url + s.path] for s in STORIES if base_url + s.path in by_url}


def test_every_article_is_in_exactly_one_live_story(demo_run: DemoRun) -> None:
    with sqlite3.connect(demo_run.database) as conn:
        articles = conn.execute("select count(*) from articles").fetchone()[0]
        placed = conn.execute("select count(*) from story_articles sa join stories s "
                              "on s.id = sa.story_id where s.merged_into is null").fetchone()[0]
    assert articles == placed == len(STORIES)
    lines = cli("stories", "--json", "--config", str(demo_run.config)).stdout.splitlines()
    ids = [a["id"] for line in lines for a in json.loads(line)["articles"]]
    assert len(ids) == len(set(ids)) == articles


def test_events_covered_by_several_outlets_are_one_story_each(demo_run: DemoRun) -> None:
    stories = story_of_slug(demo_run.database, demo_run.server.base_url)
    by_event: dict[str, set[str]] = defaultdict(set)
    for slug, story_id in stories.items():
        by_event[EVENTS[slug]].add(story_id)
    multi = [e for e in by_event if sum(1 for s in stories if EVENTS[s] == e) >= 2]
    assert len([e for e in multi if e != "sabina-shoal-water-cannon"]) >= 6
    for event in multi:
        assert len(by_event[event]) == 1, f"{event} is split over {by_event[event]}"
    # and no story holds two events
    events_of_story: dict[str, set[str]] = defaultdict(set)
    for slug, story_id in stories.items():
        events_of_story[story_id].add(EVENTS[slug])
    assert all(len(events) == 1 for events in events_of_story.values()), events_of_story


def test_near_miss_pairs_stay_apart(demo_run: DemoRun) -> None:
    stories = story_of_slug(demo_run.database, demo_run.server.base_url)
    for first, second in NEAR_MISSES:
        ones = {stories[s] for s in stories if EVENTS[s] == first}
        others = {stories[s] for s in stories if EVENTS[s] == second}
        assert ones and others and not ones & others, (first, second)


def test_json_lines_format_and_since(demo_run: DemoRun) -> None:
    lines = cli("stories", "--json", "--config", str(demo_run.config)).stdout.splitlines()
    records = [json.loads(line) for line in lines]
    assert records and all(set(r) == {"id", "title", "first_seen", "last_seen", "articles"} for r in records)
    base = demo_run.server.base_url
    for record in records:
        for article in record["articles"]:
            assert set(article) == {"id", "url", "page_url", "source", "published"}
            assert article["page_url"].startswith(base) and article["source"] == "Demo Wire"
        assert record["first_seen"] <= record["last_seen"]
    biggest = max(records, key=lambda r: len(r["articles"]))
    assert len(biggest["articles"]) >= 3 and len({a["url"] for a in biggest["articles"]}) >= 3
    recent = [json.loads(line) for line in cli(
        "stories", "--json", "--since", "2026-11-20", "--config", str(demo_run.config)).stdout.splitlines()]
    assert recent and len(recent) < len(records)
    assert all(r["last_seen"] >= "2026-11-20" for r in recent)
    text = cli("stories", "--config", str(demo_run.config)).stdout
    assert biggest["id"] in text
    bad = cli("stories", "--since", "yesterday", "--config", str(demo_run.config), check=False)
    assert bad.returncode == 1 and bad.stderr.startswith("wirebrief: error:")


def test_rebuild_reproduces_the_same_stories(demo_run: DemoRun, tmp_path: Path) -> None:
    config = write_config(tmp_path, demo_run.server.base_url)
    shutil.copy(demo_run.database, tmp_path / "wirebrief.db")

    def stories() -> list[str]:
        return sorted(cli("stories", "--json", "--config", str(config)).stdout.splitlines())

    before = stories()
    cli("stories", "--rebuild", "--config", str(config))
    assert stories() == before
    cli("stories", "--rebuild", "--config", str(config))
    assert stories() == before


@dataclass
class Ticks:
    folder: Path
    config: Path
    base_url: str
    first: dict[str, str]
    second: dict[str, str]


# Reports the first tick does not see: one more outlet for the Latvian story, the report
# that ties two tanker stories together, and the signing of a pact whose talks it saw.
LATE = {"latvia-railway-dispatch-system-hacked", "iran-seizes-tanker-marlin-star",
        "india-eu-sign-maritime-domain-awareness-agreement", "explainer-india-eu-maritime-pact"}


@pytest.fixture(scope="module")
def ticks(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Ticks]:
    """Two crawls of one store: the first without two reports, the second with them."""
    folder = tmp_path_factory.mktemp("story-ticks")
    every: list[Story] = load_stories()
    with serve(DemoSite([s for s in every if s.slug not in LATE])) as server:
        config = write_config(folder, server.base_url)
        cli("crawl", "--config", str(config))
        cli("extract", "--config", str(config))
        cli("build", "--config", str(config))
        shutil.copytree(folder / "build", folder / "first-site")
        first = story_of_slug(folder / "wirebrief.db", server.base_url)
        full = DemoSite(every)
        full.base = server.base_url
        server.site = full
        cli("crawl", "--config", str(config))
        cli("extract", "--config", str(config))
        cli("build", "--config", str(config))
        second = story_of_slug(folder / "wirebrief.db", server.base_url)
        yield Ticks(folder, config, server.base_url, first, second)


def test_a_story_grows_across_ticks_and_keeps_its_id(ticks: Ticks) -> None:
    latvia = [s for s in ticks.second if EVENTS[s] == "latvia-rail-cyberattack"]
    assert len(latvia) == 3
    before = {ticks.first[s] for s in latvia if s in ticks.first}
    assert len(before) == 1
    assert {ticks.second[s] for s in latvia} == before
    unchanged = [s for s in ticks.first if EVENTS[s] not in ("hormuz-tanker-seized",)]
    assert all(ticks.first[s] == ticks.second[s] for s in unchanged)


def test_a_bridging_report_merges_two_stories_into_one(ticks: Ticks) -> None:
    flash, crew = "ukmto-tanker-boarded-speedboats", "tanker-crew-held-bandar-abbas"
    assert ticks.first[flash] != ticks.first[crew]
    hormuz = [s for s in ticks.second if EVENTS[s] == "hormuz-tanker-seized"]
    survivor = {ticks.second[s] for s in hormuz}
    assert len(hormuz) == 4 and len(survivor) == 1
    absorbed = ({ticks.first[flash], ticks.first[crew]} - survivor).pop()
    with sqlite3.connect(ticks.folder / "wirebrief.db") as conn:
        merged_into = conn.execute("select merged_into from stories where id = ?", [absorbed]).fetchone()[0]
        members = conn.execute("select count(*) from story_articles where story_id = ?",
                               [absorbed]).fetchone()[0]
    assert merged_into == survivor.pop() and members == 0
    conn = connect(ticks.folder / "wirebrief.db")
    try:
        assert redirects(conn)[absorbed] == merged_into
        assert absorbed not in {s.id for s in read_stories(conn)}
    finally:
        conn.close()


def story_feed(site: Path) -> dict[str, dict[str, object]]:
    parsed = feedparser.parse((site / "stories" / "atom.xml").read_bytes())
    assert not parsed.bozo
    return {entry.id: entry for entry in parsed.entries}


def test_a_growing_story_keeps_its_page_and_feed_item(ticks: Ticks) -> None:
    """The story's page and its one feed item keep their URL and id as a report joins;
    the item's updated date moves with it, and the briefing marks the story developing."""
    latvia = [s for s in ticks.second if EVENTS[s] == "latvia-rail-cyberattack"]
    story_id = ticks.second[latvia[0]]
    first_site, site = ticks.folder / "first-site", ticks.folder / "build"
    page = f"stories/{story_id}/index.html"
    reports = [len(lxml_html.fromstring((tree / page).read_bytes()).xpath("//ol[@class='reports']/li"))
               for tree in (first_site, site)]
    assert reports == [2, 3]
    item_id = f"https://example.org/briefing/stories/{story_id}/"
    before, after = story_feed(first_site)[item_id], story_feed(site)[item_id]
    assert after.updated >= before.updated and after.published == before.published
    briefing = lxml_html.fromstring((site / "index.html").read_bytes())
    card = next(a for a in briefing.xpath("//article[@class='story']")
                if a.xpath(f".//h2/a[@href='stories/{story_id}/']"))
    assert card.xpath("string(.//span[@class='new'])") == "developing"


def test_an_absorbed_story_page_redirects_to_the_one_that_remains(ticks: Ticks) -> None:
    flash, crew = "ukmto-tanker-boarded-speedboats", "tanker-crew-held-bandar-abbas"
    survivor = ticks.second[flash]
    (absorbed,) = {ticks.first[flash], ticks.first[crew]} - {survivor}
    site = ticks.folder / "build"
    html = (site / "stories" / absorbed / "index.html").read_bytes()
    tree = lxml_html.fromstring(html)
    refresh = tree.xpath("string(//meta[@http-equiv='refresh']/@content)")
    assert refresh == f"0; url=../../stories/{survivor}/"
    assert tree.xpath("string(//link[@rel='canonical']/@href)").endswith(f"/stories/{survivor}/")
    assert (site / "stories" / absorbed / refresh.split("url=")[1] / "index.html").resolve().is_file()
    html5lib.HTMLParser(strict=True).parse(html)


def test_what_changed_lists_new_stories_new_coverage_and_a_status_move(ticks: Ticks) -> None:
    """After the second tick, /changes/ names the new stories, the story with new
    coverage and the outlets that added it, and the pact whose status moved to signed,
    with the sentence; its feed carries the same stories. A rebuild gives the same page."""
    site = ticks.folder / "build"
    page = site / "changes" / "index.html"
    tree = lxml_html.fromstring(page.read_bytes())
    sections = {h.text_content(): h.getnext() for h in tree.xpath("//main//h2")}
    new = [a.text_content() for a in sections["New stories"].xpath("./li/a")]
    assert any("Maritime Domain Awareness Agreement" in title for title in new), new
    grown = sections["Stories with new coverage"].xpath("./li")
    latvia = next(li for li in grown if "Latvia" in li.text_content())
    assert "new from Demo Wire" in latvia.text_content()
    moves = sections["Agreements whose status moved"].text_content()
    assert "Maritime Domain Awareness Agreement" in moves and "→ signed" in moves
    assert "“" in moves  # the sentence it was read from
    feed = feedparser.parse((site / "changes" / "atom.xml").read_bytes())
    assert not feed.bozo and len(feed.entries) == len(new) + len(grown)
    before = page.read_bytes()
    cli("build", "--config", str(ticks.config))
    assert page.read_bytes() == before


def test_the_order_a_crawl_fetched_its_pages_in_changes_no_story(demo_run: DemoRun, tmp_path: Path) -> None:
    """Every order in which one crawl could have stored the four reports of one event gives
    the same stories: articles of one run are placed by publication, not by fetch time."""
    from itertools import permutations

    from wirebrief.store import open_db
    from wirebrief.stories.stage import rebuild_stories

    urls = [demo_run.server.base_url + s.path for s in STORIES if EVENTS[s.slug] == "hormuz-tanker-seized"]
    assert len(urls) == 4
    expected = None
    for order in permutations(urls):
        database = tmp_path / "order.db"
        shutil.copy(demo_run.database, database)
        with sqlite3.connect(database) as conn:
            for second, url in enumerate(order):
                conn.execute("update articles set first_seen_at = ? where url = ?",
                             [f"2026-12-01T08:00:{second:02d}+00:00", url])
        rebuild_stories(open_db(database))
        with sqlite3.connect(database) as conn:
            stories = sorted(conn.execute("select article_id, story_id from story_articles"))
        assert expected is None or stories == expected, order
        expected = stories
        database.unlink()
