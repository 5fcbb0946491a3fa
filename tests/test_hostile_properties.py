"""Issue #7: property tests (hypothesis) on the extractor and the renderer.

The extractor, fed arbitrary HTML and text, raises nothing but ``extract.NoArticle`` and
returns a record of the FACTS.md shape whose evidence offsets point at their sentences.
The renderer, fed a facts record built from arbitrary text and the naughty strings,
builds the real site without raising, and no markup from the data ever becomes markup
on a page or breaks a feed.
"""

from __future__ import annotations

import json
import re
import tempfile
from pathlib import Path
from typing import Any

import feedparser
import html5lib
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract import NoArticle, article_from_text, extract_facts, extract_record
from tests.hostile_site import esc, load_naughty
from wirebrief.config import Config, SiteConfig
from wirebrief.site.build import build_site
from wirebrief.store import open_db
from wirebrief.store.articles import save_article

pytestmark = pytest.mark.xdist_group("hostile")

NAUGHTY = load_naughty()
SETTINGS = settings(max_examples=25, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                           HealthCheck.function_scoped_fixture])
KEYS = {"url", "title", "published", "agency", "authors", "dateline", "people", "organizations",
        "places", "quotes", "events", "agreements", "topics"}
STATUSES = {None, "proposed", "negotiating", "signed", "in force", "suspended", "ended"}
DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
EVENT_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
# Markup that must never come out of the data as markup: the class and attribute are
# searched for in every rendered page.
INJECTIONS = ['<i class="injected" data-injected="1">x</i>', '"><b class=injected data-injected=2>',
              "'><svg class=injected onload=alert(1)>", "</title><i class=injected>", "]]><i class=injected>",
              "<!--", "<script>window.__pwned=1</script>", "javascript:alert(1)"]

words = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=30)
hostile = st.one_of(words, st.sampled_from(NAUGHTY), st.sampled_from(INJECTIONS))
names = st.builds(lambda a, b: f"{a} {b}".strip() or "X", hostile, hostile)
capitalised = st.from_regex(r"[A-Z][a-z]{1,8} [A-Z][a-z]{1,8}", fullmatch=True)


def is_str_or_none(value: Any) -> bool:
    return value is None or isinstance(value, str)


def check_evidence(item: dict[str, Any], text: str) -> None:
    for evidence in item.get("evidence", []):
        assert set(evidence) >= {"sentence", "start", "end"}, evidence
        start, end = evidence["start"], evidence["end"]
        assert isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= len(text)
        assert text[start:end] == evidence["sentence"], (evidence, text[start:end])


def check_record(record: dict[str, Any], text: str) -> None:  # noqa: C901 - one check per field
    assert set(record) >= KEYS, KEYS - set(record)
    assert is_str_or_none(record["url"]) and is_str_or_none(record["title"])
    assert record["published"] is None or DAY.match(record["published"]), record["published"]
    assert is_str_or_none(record["agency"])
    assert isinstance(record["authors"], list) and all(isinstance(a, str) for a in record["authors"])
    dateline = record["dateline"]
    assert dateline is None or (isinstance(dateline["place"], str) and is_str_or_none(dateline["date"]))
    for person in record["people"]:
        assert isinstance(person["name"], str) and person["name"]
        assert all(isinstance(t, str) for t in person["titles"])
        check_evidence(person, text)
    for org in record["organizations"]:
        assert isinstance(org["name"], str) and org["name"]
        assert all(isinstance(a, str) for a in org["aliases"])
        check_evidence(org, text)
    for place in record["places"]:
        assert isinstance(place["name"], str) and place["name"]
        check_evidence(place, text)
    for quote in record["quotes"]:
        assert isinstance(quote["text"], str) and quote["text"]
        assert is_str_or_none(quote["speaker"]) and is_str_or_none(quote["channel"])
        check_evidence(quote, text)
    for event in record["events"]:
        assert EVENT_DATE.match(event["date"]), event
        assert isinstance(event["what"], str) and is_str_or_none(event["where"])
        check_evidence(event, text)
    for agreement in record["agreements"]:
        assert isinstance(agreement["name"], str) and agreement["name"]
        assert all(isinstance(p, str) for p in agreement["parties"])
        assert agreement["status"] in STATUSES, agreement
        check_evidence(agreement, text)
    assert isinstance(record["topics"], list) and all(isinstance(t, str) for t in record["topics"])
    json.dumps(record, ensure_ascii=False)  # what the store does with it


# -- the extractor ------------------------------------------------------------------------
@st.composite
def html_pages(draw: st.DrawFn) -> str:
    """Article-ish pages: wire sentences with hostile names and quotes, in random markup."""
    paragraphs = []
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(st.integers(0, 3))
        speaker = draw(st.one_of(capitalised, names))
        said = draw(hostile)
        if kind == 0:
            paragraphs.append(f'"{said}," said Defence Minister {speaker} of the {draw(hostile)} Ministry.')
        elif kind == 1:
            paragraphs.append(f"LONDON, Nov 20 (UNI) — {speaker} said the navy would sign the {said} Accord.")
        elif kind == 2:
            paragraphs.append(draw(words) + " " + draw(hostile) + " said the army on 3 March 2026.")
        else:
            paragraphs.append(draw(st.text(max_size=200)))
    open_tag, close_tag = draw(st.sampled_from([("<p>", "</p>"), ("<div>", "</div>"), ("", "<br>"),
                                                ("<p><b>", "</b>"), ("<li>", "")]))
    body = "\n".join(open_tag + (p if draw(st.booleans()) else esc(p)) + close_tag for p in paragraphs)
    title = draw(hostile)
    head = f"<title>{esc(title)}</title><meta name=author content='{esc(draw(hostile))}'>"
    head += f'<link rel=canonical href="{esc(draw(hostile))}">'
    head += f'<meta property="article:published_time" content="{esc(draw(hostile))}">'
    return (f"<!DOCTYPE html><html><head>{head}</head><body><article><h1>{esc(title)}</h1>{body}"
            "</article></body></html>")


@SETTINGS
@given(page=st.one_of(html_pages(), st.text(max_size=2000), st.binary(max_size=2000)))
def test_extract_record_raises_only_no_article_and_keeps_the_contract(page: str | bytes) -> None:
    try:
        record = extract_record(page, "https://example.org/news/a.html")
    except NoArticle:
        return
    check_record(record, record["text"])
    assert isinstance(record["text"], str)


@SETTINGS
@given(paragraphs=st.lists(st.one_of(st.text(max_size=300), hostile,
                                     st.builds(lambda s, q: f'"{q}," said Defence Minister {s}.',
                                               st.one_of(capitalised, names), hostile)),
                           min_size=1, max_size=8),
       published=st.one_of(st.none(), st.sampled_from(["2026-11-20", "0000-01-01", "9999-12-31",
                                                       "2026-02-30", "garbage"])))
def test_extract_facts_on_arbitrary_text_keeps_the_contract(paragraphs: list[str],
                                                            published: str | None) -> None:
    article = article_from_text("\n".join(paragraphs), url="https://example.org/x", title=paragraphs[0],
                                published=published)
    try:
        record = extract_facts(article)
    except NoArticle:
        return
    check_record(record, article.text)


# -- the renderer -------------------------------------------------------------------------
@st.composite
def records(draw: st.DrawFn) -> dict[str, Any]:
    """A facts record (FACTS.md shape, with evidence) whose every string is hostile."""
    person, org, place, speaker = draw(names), draw(names), draw(names), draw(names)
    quote = draw(hostile) or "q"
    sentences = [f"{person} of {org} met in {place}.", f'"{quote}," said {speaker}.', draw(hostile)]
    text = "\n".join(s for s in sentences if s.strip())

    def evidence(sentence: str) -> list[dict[str, Any]]:
        start = text.find(sentence)
        return [{"sentence": sentence, "start": start, "end": start + len(sentence)}] if start >= 0 else []

    return {
        "url": draw(st.sampled_from(["https://example.org/a", "javascript:alert(1)", "data:text/html,x",
                                     'https://e.org/"><script>alert(1)</script>', draw(hostile)])),
        "title": draw(hostile), "published": draw(st.sampled_from(["2026-11-20", "9999-12-31", None])),
        "agency": draw(st.one_of(st.none(), hostile)), "authors": draw(st.lists(names, max_size=2)),
        "dateline": draw(st.one_of(st.none(),
                                   st.builds(lambda p: {"place": p, "date": "2026-11-20"}, names))),
        "people": [{"name": person, "titles": [draw(hostile)], "evidence": evidence(sentences[0])},
                   {"name": speaker, "titles": [], "evidence": evidence(sentences[1])}],
        "organizations": [{"name": org, "aliases": [draw(hostile)], "evidence": evidence(sentences[0])}],
        "places": [{"name": place, "evidence": evidence(sentences[0])}],
        "quotes": [{"speaker": speaker, "text": quote, "channel": draw(st.one_of(st.none(), hostile)),
                    "evidence": evidence(sentences[1])}],
        "events": [{"date": "2026-11-19", "what": draw(hostile), "where": place,
                    "evidence": evidence(sentences[0])}],
        "agreements": [{"name": draw(names) + " Accord", "parties": [org, place],
                        "status": draw(st.sampled_from(sorted(STATUSES - {None}))), "evidence": []}],
        "topics": draw(st.lists(hostile, min_size=1, max_size=2)),
        "text": text, "language": "en",
    }


def build_from(folder: Path, records_: list[dict[str, Any]]) -> Path:
    db = open_db(folder / "site.db")
    try:
        with db.atomic():
            for number, record in enumerate(records_):
                save_article(db, record, page_url=f"https://example.org/page/{number}",
                             source="<b>Src</b>", run_id=1)
        config = Config(site=SiteConfig(output=folder / "site", database=folder / "site.db",
                                        title="<script>alert(1)</script>"), path=folder / "wirebrief.toml")
        build_site(config, db)
    finally:
        db.close()
    return folder / "site"


def assert_no_markup_from_data(site: Path) -> None:
    pages = sorted(site.rglob("*.html"))
    assert pages
    for page in pages:
        tree = html5lib.parse(page.read_bytes(), treebuilder="lxml", namespaceHTMLElements=False)
        for element in tree.iter():
            if not isinstance(element.tag, str):
                continue
            assert "injected" not in (element.get("class") or ""), (page, element.tag)
            assert "data-injected" not in element.attrib, page
            assert not [a for a in element.attrib if a.lower().startswith("on")], (page, element.tag)
            assert element.tag not in ("img", "svg", "i"), (page, element.tag)
            href = re.sub(r"[\x00-\x20]", "", element.get("href", "")).lower()
            assert not href.startswith(("javascript:", "data:", "vbscript:")), (page, href)
            if element.tag == "script":
                assert not (element.text or "").strip(), page
    for name in ("feed.xml", "atom.xml"):
        for feed in site.rglob(name):
            parsed = feedparser.parse(feed.read_bytes())
            assert not parsed.bozo, (feed, parsed.get("bozo_exception"))
    for feed in site.rglob("feed.json"):
        json.loads(feed.read_text(encoding="utf-8"))


@SETTINGS
@given(batch=st.lists(records(), min_size=1, max_size=3))
def test_rendering_never_raises_and_never_emits_markup_from_data(batch: list[dict[str, Any]]) -> None:
    with tempfile.TemporaryDirectory(prefix="wirebrief-prop-") as tmp:
        site = build_from(Path(tmp), batch)
        assert_no_markup_from_data(site)
        assert site.resolve().is_relative_to(Path(tmp).resolve())
        beside = {"site", "site.db", "site.db-wal", "site.db-shm"}
        assert {p.name for p in Path(tmp).iterdir()} <= beside


@pytest.mark.parametrize("published", ["0000-01-01", "0001-01-01", "2026-02-30"])
def test_build_survives_impossible_or_extreme_dates(tmp_path: Path, published: str) -> None:
    record = {"url": "https://example.org/a", "title": "Old news", "published": published, "agency": None,
              "authors": [], "dateline": {"place": "Paris", "date": published}, "people": [],
              "organizations": [], "places": [], "quotes": [],
              "events": [{"date": published, "what": "x", "where": None, "evidence": []}],
              "agreements": [], "topics": ["defence"], "text": "Some text about the navy.", "language": "en"}
    site = build_from(tmp_path, [record])
    assert (site / "index.html").exists()
