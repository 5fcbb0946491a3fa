"""Datelines and wire credits in their usual shapes."""

from __future__ import annotations

import pytest

from extract import article_from_text, extract_facts
from extract.dateline import parse_dateline, trailing_agency


@pytest.mark.parametrize(
    ("opening", "place", "date", "agency"),
    [
        ("NEW DELHI, Jan 27 (UNI) India and Japan", "New Delhi", "2026-01-27", "UNI"),
        ("New Delhi, Jan 27 (UNI) India and Japan", "New Delhi", "2026-01-27", "UNI"),
        ("WASHINGTON (AP) — The Senate voted", "Washington", "2026-02-03", "AP"),
        ("HANOI, Vietnam (AP) — Navy chiefs met", "Hanoi", "2026-02-03", "AP"),
        ("NEW YORK (Reuters) - Oil prices fell", "New York", "2026-02-03", "Reuters"),
        ("LONDON, 2 February (PTI) Talks resumed", "London", "2026-02-02", "PTI"),
        ("VIENNA — The house will become", "Vienna", "2026-02-03", None),
        ("DUBAI, United Arab Emirates — The carrier", "Dubai", "2026-02-03", None),
        ("KABUL: Officials said", "Kabul", "2026-02-03", None),
    ],
)
def test_dateline_variants(opening: str, place: str, date: str, agency: str | None) -> None:
    dateline = parse_dateline(opening, "2026-02-03")
    assert dateline is not None
    assert (dateline.place, dateline.date, dateline.agency) == (place, date, agency)


@pytest.mark.parametrize(
    ("opening", "agency"),
    [("(CNN) — A storm hit the coast.", "CNN"), ("PanARMENIAN.Net - Armenia said", "PanARMENIAN.Net")],
)
def test_credit_without_place(opening: str, agency: str) -> None:
    dateline = parse_dateline(opening, "2026-02-03")
    assert dateline is not None and dateline.place is None and dateline.agency == agency


@pytest.mark.parametrize(
    "opening",
    ["Two soldiers were killed on Monday.", "Prince Andrew, the Duke of York, said", "The Army said"],
)
def test_ordinary_first_sentence_is_no_dateline(opening: str) -> None:
    assert parse_dateline(opening, "2026-02-03") is None


def test_dateline_year_comes_from_published_and_wraps_at_new_year() -> None:
    dateline = parse_dateline("MOSCOW, Dec 30 (Reuters) - Talks", "2026-01-02")
    assert dateline is not None and dateline.date == "2025-12-30"


def test_trailing_agency_credit() -> None:
    assert trailing_agency("The ship docked at noon. PTI") == "PTI"
    assert trailing_agency("The ship docked at noon. (With inputs from IANS)") == "IANS"
    assert trailing_agency("The ship docked at noon.") is None


def test_record_uses_dateline_and_published_fallback() -> None:
    article = article_from_text("KYIV, Mar 4 (Reuters) - Air raid sirens sounded across Ukraine.")
    record = extract_facts(article)
    assert record["agency"] == "Reuters"
    assert record["dateline"]["place"] == "Kyiv"
    assert record["published"] == record["dateline"]["date"]
    assert record["published"].endswith("-03-04")


def test_the_country_or_state_of_a_dateline_is_a_place_of_the_story() -> None:
    for opening, places in [("HANOI, Vietnam (AP) — The ferry sailed.", ["Hanoi", "Vietnam"]),
                            ("AUSTIN, Texas (AP) — The ferry sailed.", ["Austin", "Texas"]),
                            ("NEW YORK (Reuters) - The ferry sailed.", ["New York"])]:
        record = extract_facts(article_from_text(opening, published="2026-02-03"))
        assert [p["name"] for p in record["places"]] == places


def test_an_organisations_short_name_is_no_place() -> None:
    text = "Arden Holdings bought the label in June. As of May, Arden had control of its catalogue."
    record = extract_facts(article_from_text(text, published="2026-02-03"))
    assert "Arden" not in [p["name"] for p in record["places"]]
    # Unless a preposition of place governs it somewhere.
    record = extract_facts(article_from_text(text + " Fans in Arden cheered.", published="2026-02-03"))
    assert "Arden" in [p["name"] for p in record["places"]]


def test_no_dateline_gives_null() -> None:
    record = extract_facts(article_from_text("Two ships collided near the port.", published="2024-01-01"))
    assert record["dateline"] is None and record["agency"] is None


@pytest.mark.parametrize(
    "opening",
    [
        "Rep. Dana Whitfield (R-OH) asked the panel about the budget.",
        "Sen. Marcus Hale (D-Calif.) said the vote would wait.",
        "Dana Whitfield (I-Vt.) asked the panel about the budget.",
        "Governor Ada Lind (D-MN) — the state will appeal.",
        "Ada Lind (D-MN) — the state will appeal.",
    ],
)
def test_legislator_opening_is_no_dateline(opening: str) -> None:
    assert parse_dateline(opening, "2026-02-03") is None


def test_upper_case_place_that_starts_with_a_title_word_is_a_dateline() -> None:
    dateline = parse_dateline("GENERAL SANTOS, Philippines (AP) — Fishers said", "2026-02-03")
    assert dateline is not None and dateline.place == "General Santos"
