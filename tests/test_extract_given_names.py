"""A name of two words is a person's only when it reads as one (given name, form of address,
later surname reference, title or speech); one listed among organisations is an organisation."""

from __future__ import annotations

from typing import Any

from extract import article_from_text, extract_facts
from extract.given_names import is_given_name


def _facts(text: str) -> dict[str, Any]:
    return extract_facts(article_from_text(text, published="2026-05-04"))


def _names(record: dict[str, Any], field: str) -> set[str]:
    return {item["name"] for item in record[field]}


def test_given_names_come_from_both_lists() -> None:
    assert is_given_name("Margaret") and is_given_name("Guido") and is_given_name("J.R.")
    assert not is_given_name("Grocery") and not is_given_name("Lockheed")


def test_title_case_phrases_are_not_people() -> None:
    text = ("The shop on Harbour Road sells Walnut Kettle candles. Customers queue outside "
            "Walnut Kettle every morning. Margaret Olsen, a city councillor, said the queue "
            "blocks the pavement.")
    people = _names(_facts(text), "people")
    assert "Margaret Olsen" in people
    assert "Walnut Kettle" not in people


def test_unlisted_given_name_is_kept_with_a_surname_reference() -> None:
    text = ("Tavurai Ncube opened the new clinic in the township on Monday. "
            "Ncube has run the township's health board since the floods.")
    assert "Tavurai Ncube" in _names(_facts(text), "people")


def test_company_listed_among_organisations_is_an_organisation() -> None:
    text = ("The army chose a consortium that includes Raytheon, Booz Allen, and General Dynamics "
            "to build the radar.")
    record = _facts(text)
    assert "Booz Allen" not in _names(record, "people")
    assert "Booz Allen" in _names(record, "organizations")
