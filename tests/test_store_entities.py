"""Entity resolution across the corpus, in a real SQLite file: a surname alone or a name
with a title is the one known person with that surname, whichever article came first;
two full names are never one person; an article that links an acronym to a full name
joins the entities each made. All names and texts here are invented."""

from __future__ import annotations

import itertools
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from wirebrief.store import open_db
from wirebrief.store.articles import article_id_for, save_article
from wirebrief.store.schema import SCHEMA_VERSION


def record(slug: str, people: list[str], quotes: list[tuple[str, str]] = (),  # type: ignore[assignment]
           orgs: list[dict[str, Any]] = ()) -> dict[str, Any]:  # type: ignore[assignment]
    text = " ".join(f"{name} spoke at the harbour." for name in people) or "The harbour was quiet."
    return {"url": f"https://wire.example/{slug}", "title": f"Harbour news {slug}", "text": text,
            "people": [{"name": name, "titles": [], "evidence": []} for name in people],
            "organizations": list(orgs),
            "quotes": [{"speaker": who, "text": said, "evidence": []} for who, said in quotes]}


def store(path: Path, records: list[dict[str, Any]]) -> sqlite3.Connection:
    db = open_db(path)
    for item in records:
        with db.atomic():
            save_article(db, item, page_url=item["url"], source="Harbour Wire", run_id=1)
    db.close()
    return sqlite3.connect(path)


@contextmanager
def written_by_version(path: Path, version: int) -> Iterator[sqlite3.Connection]:
    """A raw connection to rewrite a store as an older schema version left it; on leaving,
    that version's number is written and the change committed."""
    raw = sqlite3.connect(path)
    try:
        yield raw
        raw.execute("update meta set value = ? where key = 'schema_version'", [str(version)])
        raw.commit()
    finally:
        raw.close()


def state(conn: sqlite3.Connection) -> tuple[list[tuple[Any, ...]], ...]:
    """Everything resolution decides, in a stable order."""
    return (conn.execute("select id, kind, name, slug, surname from entities order by id").fetchall(),
            conn.execute("select article_id, entity_id, name from mentions order by 1, 2").fetchall(),
            conn.execute("select article_id, speaker_id, speaker from quotes order by 1, 3").fetchall(),
            conn.execute("select key, kind, entity_id from aliases order by 1, 2").fetchall())


def people_named(conn: sqlite3.Connection) -> dict[str, str]:
    """Article slug → the entity name of each mention (one person per article here)."""
    rows = conn.execute("select a.url, e.name from mentions m join articles a on a.id = m.article_id "
                        "join entities e on e.id = m.entity_id order by a.url, e.name").fetchall()
    return {url.rsplit("/", 1)[1]: name for url, name in rows}


FULL = record("full", ["Marta Kessel"])
SURNAME = record("surname", ["Kessel"], [("Kessel", "We will open the port.")])
TITLED = record("titled", ["Minister Kessel"])


def test_a_surname_stored_before_the_full_name_joins_it(tmp_path: Path) -> None:
    conn = store(tmp_path / "a.db", [SURNAME, TITLED, FULL])
    assert people_named(conn) == {"full": "Marta Kessel", "surname": "Marta Kessel", "titled": "Marta Kessel"}
    assert conn.execute("select name, slug from entities where kind = 'person'").fetchall() == [
        ("Marta Kessel", "marta-kessel")]
    (speaker,) = conn.execute("select speaker_id from quotes").fetchone()
    assert speaker == conn.execute("select id from entities where kind = 'person'").fetchone()[0]


def test_the_order_of_storing_does_not_change_the_entities(tmp_path: Path) -> None:
    other = record("other", ["Jonas Kessel"])
    results = set()
    for number, order in enumerate(itertools.permutations([FULL, SURNAME, TITLED, other])):
        conn = store(tmp_path / f"{number}.db", list(order))
        results.add(repr(state(conn)))
        conn.close()
    assert len(results) == 1
    conn = sqlite3.connect(tmp_path / "0.db")
    named = people_named(conn)
    # Two people are called Kessel: the surname alone says neither, and stays apart.
    assert named == {"full": "Marta Kessel", "other": "Jonas Kessel", "surname": "Kessel", "titled": "Kessel"}
    (speaker,) = conn.execute("select e.name from quotes q join entities e on e.id = q.speaker_id").fetchone()
    assert speaker == "Kessel"


def test_two_full_names_are_never_merged_and_titles_are_not_names(tmp_path: Path) -> None:
    conn = store(tmp_path / "a.db", [record("one", ["Administrator Lena Ostrova"]),
                                     record("two", ["Pavel Ostrova"]), record("three", ["Lena Ostrova"])])
    assert sorted(conn.execute("select name from entities where kind = 'person'").fetchall()) == [
        ("Lena Ostrova",), ("Pavel Ostrova",)]


def test_an_article_linking_an_acronym_joins_the_two_entities(tmp_path: Path) -> None:
    league = {"name": "Coastal Defence League", "aliases": [], "evidence": []}
    acronym = {"name": "CDL", "aliases": [], "evidence": []}
    linked = {"name": "Coastal Defence League", "aliases": ["CDL"], "evidence": []}
    conn = store(tmp_path / "a.db", [record("acronym", [], orgs=[acronym]),
                                     record("league", [], orgs=[league]),
                                     record("linked", [], orgs=[linked])])
    assert conn.execute("select name, slug from entities where kind = 'organization'").fetchall() == [
        ("Coastal Defence League", "coastal-defence-league")]
    assert conn.execute("select count(distinct entity_id), count(*) from mentions").fetchone() == (1, 3)


def test_a_re_extraction_moves_the_revision_of_the_articles_it_re_points(tmp_path: Path) -> None:
    conn = store(tmp_path / "a.db", [SURNAME])
    before = conn.execute("select revision from article_revisions where article_id = ?",
                          [article_id_for(SURNAME["url"])]).fetchone()[0]
    conn.close()
    conn = store(tmp_path / "a.db", [FULL])
    after = conn.execute("select revision from article_revisions where article_id = ?",
                         [article_id_for(SURNAME["url"])]).fetchone()[0]
    assert after > before


def test_a_version_6_store_gets_surnames_and_descriptions_on_opening(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    store(path, [FULL, {**record("event", []), "events": [
        {"date": "2026-05-01", "what": "harbour opening", "description": "The harbour opened.",
         "evidence": []}]}])
    with written_by_version(path, 6) as raw:
        # What version 6 wrote: no surname, no description, and "Kessel" an entity of its own.
        raw.execute("update entities set surname = null")
        raw.execute("update events set description = null")
        raw.execute("insert into entities (id, kind, name, slug) values ('k1', 'person', 'Kessel', 'kessel')")
        raw.execute("insert into aliases (key, kind, entity_id, alias) "
                    "values ('kessel', 'person', 'k1', 'Kessel')")
        raw.execute("insert into mentions (article_id, entity_id, name, titles, evidence) values (?, 'k1', "
                    "'Kessel', '[]', '[]')", [article_id_for("https://wire.example/event")])
    conn = store(path, [])
    version = conn.execute("select value from meta where key = 'schema_version'").fetchone()
    assert version == (str(SCHEMA_VERSION),)
    assert conn.execute("select name, surname from entities where kind = 'person'").fetchall() == [
        ("Marta Kessel", "kessel")]
    assert people_named(conn) == {"full": "Marta Kessel", "event": "Marta Kessel"}
    assert conn.execute("select description from events").fetchall() == [(None,)]


def _org(name: str) -> dict[str, Any]:
    return {"name": name, "aliases": [], "evidence": []}


def orgs_named(conn: sqlite3.Connection) -> dict[str, list[str]]:
    """Article slug → the entity names of its organisation mentions."""
    rows = conn.execute("select a.url, e.name from mentions m join articles a on a.id = m.article_id "
                        "join entities e on e.id = m.entity_id where e.kind = 'organization' "
                        "order by a.url, e.name").fetchall()
    named: dict[str, list[str]] = {}
    for url, name in rows:
        named.setdefault(url.rsplit("/", 1)[1], []).append(name)
    return named


def test_an_organisations_short_name_in_another_article_is_that_organisation(tmp_path: Path) -> None:
    full = record("full", [], orgs=[_org("Nordvik Sensors")])
    short = record("short", [], [("Nordvik", "The sonar is ready.")], orgs=[_org("Nordvik")])
    other = record("other", [], orgs=[_org("Nordvik Shipping")])
    chamber = record("chamber", [], orgs=[_org("House"), _org("House Science Committee")])
    results = set()
    for number, order in enumerate(itertools.permutations([full, short, chamber])):
        conn = store(tmp_path / f"{number}.db", list(order))
        results.add(repr(state(conn)))
        assert orgs_named(conn)["short"] == ["Nordvik Sensors"]
        # "House" is a chamber, no short name of the committee.
        assert orgs_named(conn)["chamber"] == ["House", "House Science Committee"]
        conn.close()
    assert len(results) == 1
    # A second organisation shortened to "Nordvik": the short name says neither, in any order.
    results = set()
    for number, order in enumerate(itertools.permutations([full, short, other])):
        conn = store(tmp_path / f"two{number}.db", list(order))
        results.add(repr(state(conn)))
        assert orgs_named(conn)["short"] == ["Nordvik"]
        conn.close()
    assert len(results) == 1


@pytest.mark.parametrize(("full_name", "alone_name"), [
    pytest.param("International Harbour Federation", "International", id="an-adjective"),
    # "Amazon" is a listed company (extract/data/companies.txt): a name of its own.
    pytest.param("Amazon Web Services", "Amazon", id="a-listed-company"),
])
def test_a_word_that_is_no_short_name_stays_an_organisation_of_its_own(
        tmp_path: Path, full_name: str, alone_name: str) -> None:
    full = record("full", [], orgs=[_org(full_name)])
    alone = record("alone", [], orgs=[_org(alone_name)])
    for number, order in enumerate(itertools.permutations([full, alone])):
        conn = store(tmp_path / f"{number}.db", list(order))
        assert orgs_named(conn)["alone"] == [alone_name]
        conn.close()


def test_a_version_7_store_gets_organisations_short_names_on_opening(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    store(path, [record("short", [], orgs=[_org("Nordvik")]),
                 record("full", [], orgs=[_org("Nordvik Sensors")])])
    with written_by_version(path, 7) as raw:
        # What version 7 wrote: no short name, "Nordvik" an entity of its own.
        raw.execute("update entities set surname = null where kind = 'organization'")
        raw.execute("insert into entities (id, kind, name, slug) "
                    "values ('n1', 'organization', 'Nordvik', 'nordvik')")
        raw.execute("update aliases set entity_id = 'n1' where key = 'nordvik'")
        raw.execute("update mentions set entity_id = 'n1' where article_id = ?",
                    [article_id_for("https://wire.example/short")])
    conn = store(path, [])
    assert orgs_named(conn) == {"full": ["Nordvik Sensors"], "short": ["Nordvik Sensors"]}
    assert conn.execute("select name, surname from entities where kind = 'organization'").fetchall() == [
        ("Nordvik Sensors", "nordvik")]


def test_two_companies_sharing_a_first_word_stay_two_whatever_their_articles_alias(
        tmp_path: Path) -> None:
    sensors = record("sensors", [], orgs=[{"name": "Nordvik Sensors", "aliases": ["Nordvik"],
                                           "evidence": []}])
    shipping = record("shipping", [], orgs=[{"name": "Nordvik Shipping", "aliases": ["Nordvik"],
                                             "evidence": []}])
    short = record("short", [], orgs=[_org("Nordvik")])
    for number, order in enumerate(itertools.permutations([sensors, shipping, short])):
        conn = store(tmp_path / f"{number}.db", list(order))
        assert orgs_named(conn) == {"sensors": ["Nordvik Sensors"], "shipping": ["Nordvik Shipping"],
                                    "short": ["Nordvik"]}
        conn.close()


def test_each_alias_is_stored_under_its_own_key(tmp_path: Path) -> None:
    # Two spellings of the name fold to one key; the acronym keeps its own spelling.
    league = {"name": "Coastal Defence League", "aliases": ["COASTAL DEFENCE LEAGUE", "CDL"],
              "evidence": []}
    conn = store(tmp_path / "a.db", [record("league", [], orgs=[league])])
    assert conn.execute("select key, alias from aliases order by key").fetchall() == [
        ("cdl", "CDL"), ("coastal defence league", "Coastal Defence League")]


def test_a_version_8_store_folds_an_abbreviations_full_stops_on_opening(tmp_path: Path) -> None:
    from wirebrief.store.entities import agreement_key

    path = tmp_path / "old.db"
    dotted = record("dotted", [], orgs=[_org("U.N. Harbour Council")])
    dotted["agreements"] = [{"name": "U.S.-Norland Ferry Accord", "parties": [], "status": "signed"}]
    plain = record("plain", [], orgs=[_org("UN Harbour Council")])
    store(path, [dotted, plain]).close()
    with written_by_version(path, 8) as raw:
        # What version 8 wrote: "U.N." folded to "u n", so two entities and another agreement id.
        raw.execute("update entities set name = 'UN Harbour Council', slug = 'un-harbour-council' "
                    "where kind = 'organization'")
        raw.execute("insert into entities (id, kind, name, slug) values "
                    "('old', 'organization', 'U.N. Harbour Council', 'u-n-harbour-council')")
        raw.execute("update aliases set key = 'u n harbour council', entity_id = 'old' "
                    "where alias = 'U.N. Harbour Council'")
        raw.execute("insert into aliases (key, kind, entity_id, alias) select "
                    "'un harbour council', 'organization', id, 'UN Harbour Council' "
                    "from entities where slug = 'un-harbour-council'")
        raw.execute("update mentions set entity_id = 'old' where article_id = ?",
                    [article_id_for("https://wire.example/dotted")])
        new_id = agreement_key("U.S.-Norland Ferry Accord")[0]
        raw.execute("update agreements set id = 'oldaccord' where id = ?", [new_id])
        raw.execute("update agreement_mentions set agreement_id = 'oldaccord'")
    conn = store(path, [])
    assert orgs_named(conn) == {"dotted": ["UN Harbour Council"], "plain": ["UN Harbour Council"]}
    assert conn.execute("select id, slug from agreements").fetchall() == [
        (new_id, "u-s-norland-ferry-accord")]
    assert conn.execute("select agreement_id from agreement_mentions").fetchall() == [(new_id,)]
    # A new extraction of the dotted names lands on the same rows.
    conn.close()
    conn = store(path, [dotted])
    assert conn.execute("select count(*) from entities where kind = 'organization'").fetchone() == (1,)
    assert conn.execute("select count(*) from agreements").fetchone() == (1,)
