"""Story clustering on small hand-written articles: the precision cases, stable ids, merges."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

from wirebrief.store import open_db
from wirebrief.store.articles import save_article
from wirebrief.stories import place_new_articles, read_stories, rebuild_stories, redirects, signals
from wirebrief.stories.clustering import Clusterer, story_id_for
from wirebrief.stories.documents import Doc, make_doc, named_in_dateline_only
from wirebrief.stories.scoring import Scorer, vetoed
from wirebrief.stories.vectors import TextModel


def doc(article_id: str, title: str, lead: str, published: str, body: str = "",
        entities: dict[str, str] | None = None, copy_group: str | None = None) -> Doc:
    day = date.fromisoformat(published)
    text = f"{lead}\n{body}"
    return Doc(id=article_id, copy_group=copy_group or article_id, title=title, lead=lead, text=text,
               day=day, arrived=f"{published}T12:00:00+00:00", published=published,
               dateline=None, entities=entities or {},
               event_day=signals.event_day(title, lead, day, body.split("\n")[0]),
               figures=signals.figures(title, lead), stage=signals.stage(title, lead),
               continues=signals.continues(text), commentary=signals.commentary(title))


ACTORS = {"army": "organization", "rsf": "organization", "bara": "place", "kordofan": "place"}


def test_statement_days_and_weekdays_resolve_against_the_publication_day() -> None:
    friday = date(2026, 11, 13)
    assert signals.event_day("Drones hit depot", "Drones struck a depot on Tuesday, officials said.",
                             friday) == date(2026, 11, 10)
    assert signals.event_day("Town short of fuel", "Aid workers said Friday, a day after the attack.",
                             friday, "The strike on Thursday hit tanks.") == date(2026, 11, 12)
    assert signals.event_day("Fuel runs short", "Aid workers said Friday that fuel ran out.", friday) is None
    assert signals.event_day("Talks end", "Talks ended on 11 November in Oslo.", friday) == date(2026, 11, 11)


def test_stages_ignore_what_is_only_planned() -> None:
    assert signals.stage("Lithuania selects Brevik missiles", "A contract is expected to be signed soon.") \
        == "select"
    assert signals.stage("Lithuania to sign Brevik deal", "") is None
    assert signals.stage("Lithuania signs Brevik deal", "") == "sign"
    assert signals.stage("Brevik inks Lithuania order", "") == "sign"


def test_figures_conflict_only_on_the_same_counted_thing() -> None:
    four = signals.figures("Drone strike kills four soldiers", "")
    seven = signals.figures("Drone strike kills 7 soldiers", "")
    wounded = signals.figures("Drone strike wounds 3 civilians", "")
    assert signals.figures_conflict(four, seven)
    assert not signals.figures_conflict(four, wounded)
    assert not signals.figures_conflict(four, signals.figures("Four soldiers killed in drone strike", ""))
    money = signals.figures("Deal worth $1.2 billion", "")
    assert money == {"money": frozenset({1.2e9})}


def test_two_drone_strikes_on_consecutive_days_stay_apart() -> None:
    first = doc("a", "Drones hit army fuel depot in Bara", "Drones struck an army fuel depot in Bara on "
                "Saturday, killing four soldiers, the army said.", "2026-11-14", entities=ACTORS)
    second = doc("b", "Drones hit army airport near Bara", "Drones struck the airport near Bara on "
                 "Sunday, wounding two soldiers, the army said.", "2026-11-15", entities=ACTORS)
    assert vetoed(first, second) == "event day"


def test_the_same_ministers_a_week_apart_stay_apart_unless_it_continues() -> None:
    tokyo = doc("a", "Kulkarni and Tanabe meet", "The two defence ministers met on Tuesday in Tokyo.",
                "2026-11-10")
    delhi = doc("b", "Kulkarni and Tanabe meet again", "The two defence ministers met in New Delhi.",
                "2026-11-17")
    assert vetoed(tokyo, delhi) == "days apart"
    day_two = doc("c", "Talks go on", "The talks entered their second day on Wednesday in Tokyo.",
                  "2026-11-11")
    assert vetoed(tokyo, day_two) is None


def test_a_contract_announced_and_then_signed_stays_apart() -> None:
    chosen = doc("a", "Lithuania selects Brevik for coastal missiles", "Lithuania chose Brevik.",
                 "2026-11-18")
    signed = doc("b", "Lithuania signs Brevik coastal missile deal", "The contract was signed.", "2026-11-20")
    assert vetoed(chosen, signed) == "stage"


def test_analysis_pieces_join_no_story() -> None:
    news = doc("a", "Navy orders patrol ships", "The navy ordered six ships.", "2026-11-18")
    analysis = doc("b", "Analysis: why navies buy patrol ships", "Navies are ordering ships.", "2026-11-18")
    assert vetoed(news, analysis) == "commentary"


def _rival_reports() -> list[Doc]:
    lead = "Hackers crippled the freight dispatch system of Latvia's railway on Wednesday"
    body = "Trains stood still at Ventspils port. CERT.LV investigated the cyberattack on the railway."
    ents = {"latvia": "place", "certlv": "organization", "ventspils": "place"}
    return [
        doc("r1", "Cyberattack halts Latvian freight trains", lead + ".", "2026-11-18", body, ents),
        doc("r2", "Latvia says hackers crippled rail dispatch", lead + ", officials said.", "2026-11-18",
            body + " Passenger trains ran late.", ents),
        doc("r3", "Latvian rail hit by hack, security council meets", lead + ", the government said.",
            "2026-11-18", body, ents, copy_group="r1"),
    ]


def test_rival_reports_join_one_story_named_after_the_first_article() -> None:
    docs = _rival_reports()
    clusterer = Clusterer(Scorer(TextModel(docs), {}, 100))
    placements = [clusterer.place(d) for d in docs]
    assert [p.via for p in placements] == ["new", "match", "copy"]
    assert {p.story_id for p in placements} == {story_id_for("r1")}


def _record(title: str, lead: str, published: str, people: list[str]) -> dict[str, object]:
    text = f"{lead}\nThe ministry said the operation would go on. " + " ".join(people)
    return {"title": title, "text": text, "published": published,
            "people": [{"name": n} for n in people], "places": [{"name": "Bara"}]}


def test_a_store_clusters_online_keeps_ids_and_rebuilds_the_same(tmp_path: Path) -> None:
    db = open_db(tmp_path / "store.db")
    people = ["Nabil Abdelrahman", "Amal Idris"]
    with db.atomic():
        save_article(db, _record("Drones hit army fuel depot in Bara",
                                 "Drones struck an army fuel depot in Bara on Saturday, killing four "
                                 "soldiers.",
                                 "2026-11-14", people), page_url="http://x/1", source="s", run_id=1)
    assert place_new_articles(db, 1) == {"placed": 1, "new_stories": 1, "joined": 0, "copies": 0}
    first = read_stories(db)[0].id
    with db.atomic():
        save_article(db, _record("Bara fuel depot burns after drone attack",
                                 "Army fuel tanks burned in Bara on Saturday after a drone attack killed "
                                 "four soldiers.", "2026-11-14", people),
                     page_url="http://x/2", source="s", run_id=2)
        save_article(db, _record("Drones hit Bara airport",
                                 "Drones struck the airport in Bara on Sunday, wounding two soldiers.",
                                 "2026-11-15", people), page_url="http://x/3", source="s", run_id=2)
    counts = place_new_articles(db, 2)
    assert counts["placed"] == 2 and counts["joined"] == 1
    stories = {s.id: len(s.articles) for s in read_stories(db)}
    assert stories[first] == 2 and len(stories) == 2
    before = [s.as_json() for s in read_stories(db)]
    rebuild_stories(db)
    assert [s.as_json() for s in read_stories(db)] == before
    assert place_new_articles(db) == {}
    db.close()


def test_redirects_follow_chains_of_merges(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "s.db")
    open_db(tmp_path / "s.db").close()
    conn.executemany("insert into stories (id, merged_into) values (?, ?)",
                     [("a", "b"), ("b", "c"), ("c", None)])
    conn.commit()
    assert redirects(conn) == {"a": "c", "b": "c"}


def test_a_place_named_in_the_dateline_only_is_no_shared_entity() -> None:
    text = "ARLO, Norland (AP) — The ferry sank off Kell on Monday, Norland's coast guard said."
    doc = make_doc(("a1", None, "Ferry sinks", "", text, "2026-11-12", "2026-11-12", "Arlo", None))
    assert named_in_dateline_only(doc, "Arlo")
    assert not named_in_dateline_only(doc, "Norland")  # named in the body too
    assert not named_in_dateline_only(doc, "Kell")
    plain = make_doc(("a2", None, "Ferry sinks", "", "Arlo said the ferry sank.", "2026-11-12",
                      "2026-11-12", None, None))
    assert not named_in_dateline_only(plain, "Arlo")
