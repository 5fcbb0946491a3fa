"""The whole pipeline over the demo wire site: a real crawl, a real SQLite file."""

from __future__ import annotations

import json
import sqlite3

import pytest

from tests.conftest import DemoRun, cli
from wirebrief.demo.stories import load_stories

pytestmark = pytest.mark.xdist_group("demo")

STORIES = load_stories()
ON_TOPIC = [s for s in STORIES if "off-topic" not in s.tags]


def rows(run: DemoRun, sql: str) -> list[tuple]:
    with sqlite3.connect(run.database) as conn:
        return conn.execute(sql).fetchall()


def test_every_on_topic_story_is_stored_once(demo_run: DemoRun) -> None:
    titles = [r[0] for r in rows(demo_run, "select title from articles")]
    assert len(titles) == len(ON_TOPIC)
    assert sorted(titles) == sorted(s.title for s in ON_TOPIC)


def test_off_topic_stories_are_recorded_with_their_reason(demo_run: DemoRun) -> None:
    off = [s for s in STORIES if "off-topic" in s.tags]
    assert off, "the demo must carry off-topic stories"
    failed = {r[0] for r in rows(demo_run, "select url from failures where reason = 'off_topic'")}
    assert {demo_run.server.base_url + s.path for s in off} <= failed


def test_raw_html_is_kept_for_every_page(demo_run: DemoRun) -> None:
    pages = rows(demo_run, "select url, html, sha256 from pages")
    assert len(pages) == len(STORIES)
    assert all(html.lstrip().lower().startswith("<!doctype html") and sha for _, html, sha in pages)


def test_article_text_is_clean_and_dated(demo_run: DemoRun) -> None:
    for title, text, published in rows(demo_run, "select title, text, published from articles"):
        story = next(s for s in ON_TOPIC if s.title == title)
        assert published == story.published.date().isoformat()
        assert story.paragraphs[0][:60] in text
        for chrome in ("cookie", "Share this story", "Related stories", "reader42", "All rights reserved"):
            assert chrome not in text, (title, chrome)


def test_syndicated_copies_share_a_story(demo_run: DemoRun) -> None:
    copies = [s for s in STORIES if s.syndicated_from]
    assert len(copies) == 1
    original = next(s for s in STORIES if s.slug == copies[0].syndicated_from)
    story_ids = {r[0] for r in rows(demo_run, "select story_id from articles where title in "
                                    f"({json.dumps(original.title)}, {json.dumps(copies[0].title)})")}
    assert len(story_ids) == 1
    total = rows(demo_run, "select count(distinct story_id) from articles")[0][0]
    assert total == len(ON_TOPIC) - 1


def test_every_fetch_is_recorded(demo_run: DemoRun) -> None:
    kinds = dict(rows(demo_run, "select kind, count(*) from fetches group by kind"))
    assert kinds["article"] == len(STORIES)
    assert kinds["feed"] == 2 and kinds["sitemap"] == 2
    assert kinds["section"] >= 2 * 2
    statuses = {r[0] for r in rows(demo_run, "select status from fetches where kind = 'article'")}
    assert statuses == {200}


def test_robots_txt_is_consulted(demo_run: DemoRun) -> None:
    assert "/robots.txt" in demo_run.first_requests


def test_second_run_fetches_no_article_again(demo_run: DemoRun) -> None:
    first_articles = [p for p in demo_run.first_requests if p.startswith("/news/")]
    assert len(first_articles) == len(set(first_articles)) == len(STORIES)
    assert not [p for p in demo_run.second_requests if p.startswith("/news/")]


def test_second_run_duplicates_nothing(demo_run: DemoRun) -> None:
    for table, key in [("articles", "url"), ("pages", "url"), ("entities", "id"),
                       ("mentions", "article_id, entity_id"), ("quotes", "article_id, text")]:
        total = rows(demo_run, f"select count(*) from {table}")[0][0]
        distinct = rows(demo_run, f"select count(*) from (select distinct {key} from {table})")[0][0]
        assert total == distinct, table
    runs = rows(demo_run, "select stage, status from runs where stage = 'run'")
    assert runs == [("run", "ok"), ("run", "ok")]


def test_facts_are_stored_with_evidence(demo_run: DemoRun) -> None:
    people = rows(demo_run, "select count(*) from entities where kind = 'person'")[0][0]
    quotes = rows(demo_run, "select count(*) from quotes")[0][0]
    assert people >= 20 and quotes >= 40
    agencies = {r[0] for r in rows(demo_run, "select agency from articles")}
    assert {"UNI", "AP"} <= agencies
    for text, evidence in rows(demo_run, "select a.text, q.evidence from quotes q "
                                         "join articles a on a.id = q.article_id"):
        for item in json.loads(evidence):
            assert text[item["start"]:item["end"]] == item["sentence"]


# Every person the demo stories name, as they name them in full: what the site's people
# pages must list, no more (no product, ship or company taken for a person, no name glued to
# another) and no fewer.
DEMO_PEOPLE = {
    "Akol Deng Mayen", "Amal Idris", "Ana Kovač", "Anand Kulkarni", "Anil Verghese",
    "Arief Santoso", "Arjun Nair", "Ashraful Karim", "Bartosz Lenart", "Catherine Doyle",
    "Claire Duvernoy", "Daniel Whitcombe", "Eleanor Hartley", "Erik Sandnes", "Evika Silina",
    "Farida Osei-Mensah", "Felix Brandauer", "Gao Yifan", "Grace Mbugua", "Hannah Greaves",
    "Helena Marsh", "Henrik Aaland", "Hiroshi Tanabe", "Hugo Marchetti", "Ilse Kuusk",
    "Ingrid Solberg", "Ingrid Solheim", "Janis Ozols", "Jens Albrecht", "Johanna Brandt",
    "Joseph Kiprono", "K Ramesh Iyer", "Katharina Wendel", "Khalid al-Mansoori", "Kristjan Mägi",
    "Laura Pemberton", "Laurent Fabre", "Laurynas Kasciunas", "Lim Wei Jie", "Luca Ferrandi",
    "Marcus Ellery", "Marta Kowalczyk", "Mohd Rizal Hashim", "Nabil Abdelrahman",
    "Naoki Fujisawa", "Nguyen Thi Lan", "Park Ji-hoon", "Peter Kamau", "Prakash Rathore",
    "Priya Anand", "Rajesh Pillai",
    "Ramon Villareal", "Randhir Mehra", "Samuel Mwangaza", "Sanae Takaichi", "Sofia Lindqvist",
    "Sunil Bhatnagar", "Takeshi Murayama", "Takumi Sawaguchi", "Tarmo Kivisild", "Teresa Dizon",
    "Tran Quoc Hung", "Vivek Saranath", "Yuko Hanawa", "Zhou Minghai", "Étienne Morel",
}
# Names the demo stories give to things that are no organisation: a harbour, an exercise, a
# road, a list and a tanker.
NOT_ORGANISATIONS = {"Muuga", "AUSINDEX", "Lamu-Garsen", "Entity List", "Marlin Star"}


def test_the_demo_lists_its_people_and_no_thing_as_a_person_or_body(demo_run: DemoRun) -> None:
    stored = {name for (name,) in rows(demo_run, "select name from entities where kind = 'person'")}
    assert stored == DEMO_PEOPLE
    orgs = {name for (name,) in rows(demo_run, "select name from entities where kind = 'organization'")}
    assert not orgs & NOT_ORGANISATIONS
    assert not orgs & DEMO_PEOPLE


def test_every_timeline_line_is_a_sentence_of_its_story(demo_run: DemoRun) -> None:
    # The line the timeline shows says who did what: a sentence (or its clause with the date,
    # cut with an ellipsis), never a fragment such as "2028: operation".
    lines = rows(demo_run, "select e.description, a.text from events e "
                           "join articles a on a.id = e.article_id")
    assert lines
    for line, text in lines:
        assert len(line.split()) >= 5 and line.endswith((".", "…")), line
        assert line.split(" …")[0].rstrip(" .") in text, line


def test_full_text_search_finds_articles(demo_run: DemoRun) -> None:
    word = ON_TOPIC[0].title.split()[-1]
    hits = rows(demo_run, "select count(*) from articles_fts where articles_fts match "
                          f"'{word.strip(chr(39))}'")
    assert hits[0][0] >= 1


def test_extract_all_rederives_facts_without_fetching(demo_run: DemoRun) -> None:
    before = len(demo_run.server.requests)
    counts_before = rows(demo_run, "select count(*) from articles")[0][0]
    result = cli("extract", "--all", "--config", str(demo_run.config))
    assert len(demo_run.server.requests) == before
    assert rows(demo_run, "select count(*) from articles")[0][0] == counts_before
    assert "articles" in result.stdout


def test_status_json_counts_articles_per_source(demo_run: DemoRun) -> None:
    report = json.loads(cli("status", "--json", "--config", str(demo_run.config)).stdout)
    source = report["sources"][0]
    assert source["name"] == "Demo Wire"
    assert source["articles"] == len(ON_TOPIC)
    assert source["failures"].get("off_topic") == len(STORIES) - len(ON_TOPIC)
    assert len(report["runs"]) >= 2
