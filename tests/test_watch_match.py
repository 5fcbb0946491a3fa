"""Watch matching on the demo store: each key, all keys together, why, and the order."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

import pytest

from tests.conftest import DemoRun
from wirebrief.config_watch import WatchConfig
from wirebrief.stories import read_stories
from wirebrief.watch import match_stories

pytestmark = pytest.mark.xdist_group("demo")


@pytest.fixture
def db(demo_run: DemoRun) -> Iterator[sqlite3.Connection]:
    conn = sqlite3.connect(f"file:{demo_run.database}?mode=ro", uri=True)
    yield conn
    conn.close()


def texts(db: sqlite3.Connection, ids: tuple[str, ...]) -> list[str]:
    marks = ",".join("?" for _ in ids)
    return [row[0] + " " + row[1] for row in db.execute(
        f"select title, text from articles where id in ({marks})", ids)]


def test_query_matches_the_stories_whose_articles_say_it(db: sqlite3.Connection) -> None:
    matches = match_stories(db, WatchConfig(name="Red Sea", query='"Red Sea"'))
    assert matches, "the demo wire carries a Red Sea story"
    for match in matches:
        assert all("red sea" in text.lower() for text in texts(db, match.article_ids))
        count = len(match.article_ids)
        assert match.reasons == (f'query "Red Sea" matched {count} article{"s" if count > 1 else ""}',)
    every = {a.id for s in read_stories(db) for a in s.articles
             if any("red sea" in t.lower() for t in texts(db, (a.id,)))}
    assert every == {i for m in matches for i in m.article_ids}


def test_entity_by_alias_and_topic_by_slug(db: sqlite3.Connection) -> None:
    by_alias = match_stories(db, WatchConfig(name="EU navy", entities=["EUNAVFOR"]))
    by_name = match_stories(db, WatchConfig(name="EU navy", entities=["EU Naval Force"]))
    assert by_alias and [m.story_id for m in by_alias] == [m.story_id for m in by_name]
    assert all(r.startswith("entity EUNAVFOR (EU Naval Force) matched") for m in by_alias for r in m.reasons)
    topic = match_stories(db, WatchConfig(name="Sea", topics=["Maritime Security"]))
    assert topic and all(r.startswith("topic maritime security matched") for m in topic for r in m.reasons)
    for match in topic:
        marks = ",".join("?" for _ in match.article_ids)
        labels = {row[0] for row in db.execute(
            f"select t.value from articles a, json_each(a.topics) t where a.id in ({marks})",
            match.article_ids)}
        assert "maritime security" in labels


def test_every_key_given_must_match(db: sqlite3.Connection) -> None:
    sea = {m.story_id for m in match_stories(db, WatchConfig(name="a", topics=["maritime security"]))}
    eu = {m.story_id for m in match_stories(db, WatchConfig(name="b", entities=["EUNAVFOR"]))}
    both = match_stories(db, WatchConfig(name="c", topics=["maritime security"], entities=["EUNAVFOR"]))
    assert {m.story_id for m in both} == sea & eu
    assert all(len(m.why) == 2 and {r.key for r in m.why} == {"topic", "entity"} for m in both)
    # Any one value of a list is enough.
    either = match_stories(db, WatchConfig(name="d", entities=["EUNAVFOR", "no such person at all"]))
    assert {m.story_id for m in either} == eu
    assert match_stories(db, WatchConfig(name="e", entities=["EUNAVFOR"], sources=["Elsewhere"])) == []
    wire = match_stories(db, WatchConfig(name="f", entities=["EUNAVFOR"], sources=["Demo Wire"]))
    assert {m.story_id for m in wire} == eu
    assert all(any(r.startswith("source Demo Wire matched") for r in m.reasons) for m in wire)


def test_newest_first_and_the_same_every_time(db: sqlite3.Connection) -> None:
    watch = WatchConfig(name="Wide", query="navy OR naval OR army OR minister")
    matches = match_stories(db, watch)
    assert len(matches) > 3
    for a, b in zip(matches, matches[1:], strict=False):  # newest first, ties by id
        assert (a.last_seen or "") > (b.last_seen or "") or (
            a.last_seen == b.last_seen and a.story_id < b.story_id)
    assert matches == match_stories(db, watch)
    stories = {s.id: s for s in read_stories(db)}
    for match in matches:
        story_ids = [a.id for a in stories[match.story_id].articles]
        assert [i for i in story_ids if i in match.article_ids] == list(match.article_ids)
