"""Dated events read alone: the timeline, story and article pages show each event's
description (the sentence, who did what where), escaped, with ``what`` left the short
phrase; a new description re-renders exactly the pages a full build would change. The
texts here are invented."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from lxml import html as lxml_html

from tests.stored_records import stored_record
from tests.test_site_build import build, digests, rebuilt_equals_full, resave, seed
from wirebrief.store import open_db
from wirebrief.store.articles import save_article

DESCRIPTION = "The <b>Harbour Authority</b> of Port Vell opened a new pier on Tuesday & said so."
ARTICLE = {
    "url": "https://wire.example/pier", "title": "New pier at Port Vell", "published": "2026-03-30",
    "text": DESCRIPTION, "places": [{"name": "Port Vell"}],
    "events": [{"date": "2026-03-29", "what": "pier opening", "where": "Port Vell",
                "description": DESCRIPTION,
                "evidence": [{"sentence": DESCRIPTION, "start": 0, "end": len(DESCRIPTION)}]}],
}


def event_lines(page: Path, xpath: str) -> list[str]:
    return [" ".join(li.text_content().split())
            for li in lxml_html.fromstring(page.read_bytes()).xpath(xpath)]


def pages_of(site: Path) -> dict[str, Path]:
    article = next(site.glob("articles/2026-03-30/new-pier-at-port-vell-*.html"))
    story = next(p for p in site.glob("stories/*/index.html") if "New pier at Port Vell" in p.read_text())
    return {"timeline": site / "timeline" / "index.html", "story": story, "article": article}


def test_event_pages_show_the_description_escaped(tmp_path: Path) -> None:
    seed(tmp_path, 10)
    db = open_db(tmp_path / "site.db")
    with db.atomic():
        save_article(db, ARTICLE, page_url=ARTICLE["url"], source="Harbour Wire", run_id=1)
    db.close()
    build(tmp_path)
    shown = " ".join(DESCRIPTION.split())
    found = pages_of(tmp_path / "site")
    for name, xpath in (("timeline", "//ol[@class='timeline']/li"), ("story", "//h2[.='Dated events']"
                                                                    "/following-sibling::ul[1]/li"),
                        ("article", "//h3[.='Events']/following-sibling::ul[1]/li")):
        lines = [line for line in event_lines(found[name], xpath) if "Port Vell opened" in line]
        assert lines and lines[0].startswith("29 March 2026: " + shown), (name, lines)
        assert "<b>" not in found[name].read_text().replace("&lt;b&gt;", ""), name


def test_a_new_description_rebuilds_like_a_full_build(tmp_path: Path) -> None:
    seed(tmp_path, 30)
    db = open_db(tmp_path / "site.db")
    with db.atomic():
        save_article(db, ARTICLE, page_url=ARTICLE["url"], source="Harbour Wire", run_id=1)
    build(tmp_path)
    before = digests(tmp_path / "site")
    (article_id,) = db.execute("select id from articles where url = ?", [ARTICLE["url"]]).fetchone()
    assert stored_record(db, article_id)["record"]["events"][0]["description"] == DESCRIPTION

    def described(record: dict[str, Any]) -> dict[str, Any]:
        events = [{**event, "description": "Port Vell's harbour authority opened a second pier."}
                  for event in record["events"]]
        return {**record, "events": events}

    resave(db, article_id, described)
    db.close()
    rebuilt_equals_full(tmp_path)
    after = digests(tmp_path / "site")
    assert after["timeline/index.html"] != before["timeline/index.html"]
    assert "opened a second pier" in (tmp_path / "site" / "timeline" / "index.html").read_text()


def test_a_surname_joining_a_full_name_rebuilds_like_a_full_build(tmp_path: Path) -> None:
    """"Vell" stored alone has a page of its own; when "Ada Vell" arrives the two are one
    person: the old page goes, the articles that named "Vell" link the full name, and the
    incremental build is the full build's site."""
    seed(tmp_path, 30)
    db = open_db(tmp_path / "site.db")
    surname = {**ARTICLE, "url": "https://wire.example/vell", "title": "Vell visits the pier",
               "people": [{"name": "Vell", "titles": ["harbour master"]}], "events": []}
    with db.atomic():
        save_article(db, surname, page_url=surname["url"], source="Harbour Wire", run_id=1)
    build(tmp_path)
    assert (tmp_path / "site" / "people" / "vell" / "index.html").exists()
    full = {**surname, "url": "https://wire.example/ada-vell", "title": "Ada Vell named harbour master",
            "people": [{"name": "Ada Vell", "titles": []}]}
    with db.atomic():
        save_article(db, full, page_url=full["url"], source="Harbour Wire", run_id=2)
    db.close()
    rebuilt_equals_full(tmp_path)
    site = tmp_path / "site"
    assert not (site / "people" / "vell").exists()
    page = (site / "people" / "ada-vell" / "index.html").read_text()
    assert "Vell visits the pier" in page and "Ada Vell named harbour master" in page
