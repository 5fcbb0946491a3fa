"""The build's parts: the timeline's pages, search names, the article list's index, keys
that refuse what they cannot cover, and rendering in one process or several alike."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from wirebrief.site import build as site_build
from wirebrief.site import pages_timeline, search
from wirebrief.site.corpus import Corpus, load_corpus
from wirebrief.site.outputs import key_of
from wirebrief.site.writer import MANIFEST
from wirebrief.store import open_db, queries
from wirebrief.store.articles import save_article
from wirebrief.synthetic import populate

from .test_site_build import build, digests, seed


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    """Enough stories for a few hundred events over two years, some syndicated (a
    syndicated copy reports its story's events again), many on the same days."""
    db = open_db(tmp_path_factory.mktemp("reads") / "site.db")
    populate(db, 150, last_day=date(2026, 1, 20), per_day=6, syndicate=0.3)
    with db.atomic():  # one event told by several stories, in other words' case and spacing
        for number in range(12):
            when = ["2026-01-18", "2025-12-31", "2026-01", "2025"][number % 4]
            what = ["Summit opens in Arivel", " summit OPENS in Arivel ", "Talks end",
                    "Treaty signed"][number % 4]
            save_article(db, {"url": f"https://wire.example/summit-{number}", "title": f"Summit {number}",
                              "published": f"2026-01-{10 + number:02d}", "text": "The summit opened.",
                              "events": [{"date": when, "what": what, "where": None},
                                         {"date": "2026-01-19", "what": "Vote", "where": None}]},
                         page_url=f"https://wire.example/summit-{number}", source="Wire", run_id=1)
    return load_corpus(db)


def test_one_event_told_by_several_stories_is_one_timeline_entry(corpus: Corpus) -> None:
    events = pages_timeline.distinct_events(corpus)
    votes = [e for e in events if e["what"] == "Vote"]
    assert len(votes) == 1 and len(votes[0]["articles"]) == 12
    summits = [e for e in events if e["what"].strip().casefold() == "summit opens in arivel"]
    assert [len(e["articles"]) for e in summits] == [3, 3]
    assert len({a.story_id for e in events for a in e["articles"]}) > 100
    assert events == sorted(events, key=lambda e: (e["date"], e["what"]), reverse=True)


def test_timeline_year_pages_count_their_months_and_events_dated_by_the_year(
        corpus: Corpus, tmp_path: Path) -> None:
    events = pages_timeline.distinct_events(corpus)
    assert any(len(e["date"]) == 4 for e in events)
    from wirebrief.site.render import Renderer

    from .test_site_build import make_config
    outputs = {o.path: o for o in pages_timeline.outputs(corpus, Renderer(make_config(tmp_path)))}
    years = {e["date"][:4] for e in events}
    assert {f"timeline/{y}/" for y in years} <= outputs.keys()
    months = {e["date"][:7] for e in events if len(e["date"]) > 4}
    assert {pages_timeline.month_path(m) for m in months} <= outputs.keys()
    assert len(outputs) == 1 + len(years) + len(months)


def test_events_that_say_nothing_are_left_off_the_timeline(tmp_path: Path) -> None:
    seed(tmp_path, 3)
    db = open_db(tmp_path / "site.db")
    article_id = next(iter(db.execute("select id from articles")))[0]
    db.execute("delete from events")
    rows = [("2031-05-02", "\u3000\xa0 \t"), ("2032-07", "Talks resumed"), ("2033-13", "A bad month"),
            ("2034-02-30", "A bad day"), ("2035", None), ("2036-01-09", "")]
    for number, (when, what) in enumerate(rows):
        db.execute("insert into events (id, article_id, date, what) values (?, ?, ?, ?)",
                   [f"e{number}", article_id, when, what])
    db.conn.commit()
    events = pages_timeline.distinct_events(load_corpus(db))
    assert [e["date"] for e in events] == ["2034-02-30", "2032-07"]
    db.close()


def test_a_story_is_one_search_record_with_its_names_and_filters(corpus: Corpus) -> None:
    story = next(s for s in corpus.stories.values() if len(s.copies) > 1 and s.lead.mentions)
    record = search.record(story)
    names = {e.name for a in story.copies for e in a.mentions}
    assert record["url"] == "/" + story.path and all(name in record["content"] for name in names)
    assert set(record["filters"]["person"]) == {e.name for a in story.copies for e in a.mentions
                                                if e.kind == "person"}
    assert record["date"] == story.lead.day and record["title"] == story.lead.title
    page = search.record_html({**record, "title": "<script>x</script>", "content": "a <b>\nc"})
    assert "<script>" not in page and "&lt;script&gt;" in page and "<b>" not in page


def test_the_article_list_is_read_from_its_covering_index(tmp_path: Path) -> None:
    db = open_db(tmp_path / "site.db")
    plan = " ".join(str(row[-1]) for row in db.execute("explain query plan " + queries.ARTICLE_LIST))
    assert "COVERING INDEX idx_articles_list" in plan and "TEMP B-TREE" not in plan


def test_the_text_is_read_only_when_a_page_shows_it(tmp_path: Path) -> None:
    seed(tmp_path, 12)
    corpus = load_corpus(open_db(tmp_path / "site.db"))
    article = corpus.articles[0]
    reader = article._reader
    assert reader is not None and not reader.texts
    assert article.text and list(reader.texts) == [article.id]
    reader.KEPT = 3
    for other in corpus.articles:
        assert other.text == reader.texts[other.id]
    assert len(reader.texts) == 3  # only the last texts read are kept


def test_keys_are_made_of_what_pages_show(corpus: Corpus) -> None:
    """Corpus objects stand for what pages show of them; the salt is in every key."""
    article = next(a for a in corpus.articles if a.mentions)
    story = corpus.story_of(article)
    assert key_of("salt", {"a": [article]}) == key_of("salt", {"a": [article]})
    assert key_of("salt", article) != key_of("other salt", article)
    assert repr(story) == story.token != article.token == repr(article)
    assert repr(article.mentions[0]) == repr(("entity", *article.mentions[0].identity))
    # an object with no stable repr changes its page's key from one build to the next
    assert key_of("salt", {"a": object()}) != key_of("salt", {"a": object()})


def test_an_entity_renamed_changes_the_token_of_articles_naming_it(corpus: Corpus) -> None:
    article = next(a for a in corpus.articles if a.mentions)
    before = key_of("salt", article)
    article._token = None
    article.mentions[0].name += " (renamed)"
    try:
        assert key_of("salt", article) != before
    finally:
        article.mentions[0].name = article.mentions[0].name.removesuffix(" (renamed)")
        article._token = None


def test_one_process_or_several_build_the_same_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seed(tmp_path, 30)
    build(tmp_path, "forked")
    monkeypatch.setattr(site_build, "render_workers", lambda: 1)
    build(tmp_path, "alone")
    assert digests(tmp_path / "forked") == digests(tmp_path / "alone")


@pytest.mark.parametrize("damage", [b"", b"{not json", b'{"files": 3}', b'{"files": {"": [1, 2]}}'])
def test_a_damaged_manifest_renders_everything_again(tmp_path: Path, damage: bytes) -> None:
    seed(tmp_path, 12)
    first = build(tmp_path)
    published = digests(tmp_path / "site")
    (tmp_path / "site" / MANIFEST).write_bytes(damage)
    again = build(tmp_path)
    assert again["rendered"] == first["pages"] and digests(tmp_path / "site") == published


def test_a_manifest_naming_files_outside_the_site_links_none_of_them(tmp_path: Path) -> None:
    """The live site is linked into staging by its manifest's paths, which are checked like
    every output's: one that climbs out of the site is left out."""
    seed(tmp_path, 12)
    build(tmp_path)
    published = digests(tmp_path / "site")
    manifest = json.loads((tmp_path / "site" / MANIFEST).read_text())
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "bait.html").write_text("not of the site")
    manifest["files"]["../outside/bait.html"] = ["k" * 32, "h" * 32]
    (tmp_path / "site" / MANIFEST).write_text(json.dumps(manifest))
    assert build(tmp_path)["rendered"] == 0 and digests(tmp_path / "site") == published
    assert [p.name for p in (tmp_path / "outside").iterdir()] == ["bait.html"]


def test_the_manifest_names_every_file_with_its_key_and_hash(tmp_path: Path) -> None:
    seed(tmp_path, 12)
    build(tmp_path)
    site = tmp_path / "site"
    files: dict[str, Any] = json.loads((site / MANIFEST).read_text())["files"]
    on_disk = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()} - {MANIFEST}
    assert {p + "index.html" if p == "" or p.endswith("/") else p for p in files} == on_disk
    assert all(len(key) == len(digest) == 32 for key, digest in files.values())
