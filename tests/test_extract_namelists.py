"""A name of two words is a person's only when it reads as one (given name, form of address,
later surname reference, title or speech); one listed among organisations is an organisation."""

from __future__ import annotations

from typing import Any

from extract import article_from_text, extract_facts
from extract.namelists import is_given_name


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


def test_listed_company_split_by_the_model_is_one_organisation() -> None:
    from extract.namelists import find_companies, is_company

    assert is_company("Lockheed Martin") and is_company("Northrop Grumman")
    assert not is_company("Phoenix")  # a one-word short form of a listed name is not kept
    text = ("The navy awarded the frigate contract to Lockheed Martin on Monday. "
            "Lockheed Martin will build six ships.")
    assert [name for _, _, name in find_companies("Shares of Northrop Grumman’s unit fell.")] == [
        "Northrop Grumman"]
    record = _facts(text)
    assert _names(record, "organizations") == {"Lockheed Martin"}
    assert not record["people"]


def test_a_listed_company_is_named_again_by_its_first_word() -> None:
    text = "Harvest Fund bought a stake in Ulta Beauty on Monday, and Ulta said sales rose."
    orgs = {o["name"]: o["aliases"] for o in _facts(text)["organizations"]}
    assert orgs.get("Ulta Beauty") == ["Ulta"]


def test_organisations_and_ships_that_speak_are_not_people() -> None:
    text = ("Gulls Reach Shipping said the crew of the tanker Amber Heron was safe. "
            "The frigate joined Operation Tidewatch on Monday, and Gulls Reach Shipping said "
            "the cargo was intact.")
    people = _names(_facts(text), "people")
    assert not people & {"Gulls Reach Shipping", "Amber Heron", "Operation Tidewatch"}


def test_title_that_ends_in_of_or_for_is_not_part_of_the_name() -> None:
    text = ("Under-Secretary-General for Humanitarian Affairs Maria Ostrova said aid convoys "
            "had reached the port.")
    people = {p["name"]: p["titles"] for p in _facts(text)["people"]}
    assert people == {"Maria Ostrova": ["Under-Secretary-General for Humanitarian Affairs"]}


def test_ranked_officer_is_a_person_and_her_first_name_no_city() -> None:
    text = ("The flotilla is led by Rear Admiral Sofia Brandvik, commander of the task group. "
            "“We sail at dawn,” Rear Admiral Sofia Brandvik told reporters.")
    record = _facts(text)
    assert "Sofia Brandvik" in _names(record, "people")
    assert "Sofia" not in _names(record, "places")
    assert not any("Brandvik" in name for name in _names(record, "organizations"))


def test_an_appositive_that_describes_a_place_is_no_title() -> None:
    text = "Convoys reached El Fasher, the state capital, on Sunday after a week on the road."
    assert "El Fasher" not in _names(_facts(text), "people")


def test_a_person_tagged_organisation_and_named_again_by_surname_is_a_person() -> None:
    from extract.entities import _named_again

    text = "The deal was signed by Bartosz Lenart on Monday. Lenart said deliveries start in May."
    assert _named_again(["Bartosz", "Lenart"], text)
    assert not _named_again(["Morgan", "Stanley"], "Morgan Stanley raised its forecast. Stanley ...")


def test_states_of_federations_are_places() -> None:
    text = "Floods hit Tamil Nadu and Uttar Pradesh this week, officials in New Delhi said."
    places = _names(_facts(text), "places")
    assert {"Tamil Nadu", "Uttar Pradesh"} <= places
    assert not {"Tamil Nadu", "Uttar Pradesh"} & _names(_facts(text), "organizations")


def test_sites_and_directions_make_places() -> None:
    text = ("Ships collided near Corvo Shoal on Monday, about 60 kilometres north of Alvaro Bay. "
            "The coast guard said the crews were safe.")
    record = _facts(text)
    assert "Corvo Shoal" in _names(record, "places")
    assert "Corvo Shoal" not in _names(record, "organizations")


def test_a_name_after_an_office_title_is_a_person_and_a_capitalised_particle_is_his() -> None:
    text = ("The contract was signed by Deputy Defence Minister Bartosz Lenart on Monday. "
            "Khalid al-Rashidi, the council's secretary-general, welcomed it. "
            "Al-Rashidi said the navy would need the radars by June.")
    record = _facts(text)
    assert {"Bartosz Lenart", "Khalid al-Rashidi"} <= _names(record, "people")
    assert not {"Bartosz Lenart", "Al-Rashidi"} & _names(record, "organizations")


def test_hyphenated_names_keep_both_parts() -> None:
    from extract.people import clean_person_name

    assert clean_person_name("Park Ji-hoon") == "Park Ji-hoon"
    assert clean_person_name("Khalid al-Rashidi") == "Khalid al-Rashidi"
    assert clean_person_name("Ama Osei-Mensah") == "Ama Osei-Mensah"


def test_given_names_listed_for_one_gender_only_tell_it() -> None:
    from extract.namelists import given_name_gender

    assert given_name_gender("Joseph") == "m" and given_name_gender("Maria") == "f"
    assert given_name_gender("Lena") is None  # listed as male in one locale, female in others
    assert given_name_gender("Zzyzx") is None
