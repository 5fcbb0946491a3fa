"""People, organisations and places: merging, titles, acronyms, demonyms, evidence."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from extract import article_from_text, extract_facts
from tests.tagged import tag

FIXTURES = Path(__file__).parent / "fixtures" / "extract"


@lru_cache(maxsize=1)
def wire() -> dict[str, Any]:
    text = (FIXTURES / "wire_uni.txt").read_text(encoding="utf-8")
    article = article_from_text(text, title="India, Japan sign maritime pact", published="2026-03-03")
    record = extract_facts(article)
    record["text"] = article.text
    return record


def _names(items: list[dict[str, Any]]) -> list[str]:
    return [item["name"] for item in items]


def test_people_under_fullest_name_with_titles() -> None:
    people = {p["name"]: p for p in wire()["people"]}
    assert set(people) == {"Arjun Mehra", "Kenji Watanabe", "Priya Raman"}
    assert "Defence Minister" in people["Arjun Mehra"]["titles"]
    assert any("former naval officer" in t for t in people["Priya Raman"]["titles"])
    # "Mehra said ..." is folded into the full name
    assert len(people["Arjun Mehra"]["evidence"]) >= 2


def test_short_person_name_merges_into_full_name() -> None:
    text = "Defence Minister Rajiv Kumar arrived in Paris. Kumar said the visit went well."
    record = extract_facts(article_from_text(text, published="2024-01-01"))
    assert _names(record["people"]) == ["Rajiv Kumar"]


def test_acronym_joined_as_alias() -> None:
    orgs = {o["name"]: o for o in wire()["organizations"]}
    assert orgs["Regional Maritime Information Centre"]["aliases"] == ["RMIC"]
    assert "RMIC" not in orgs


def test_well_known_short_forms_join() -> None:
    text = ("The European Union and India held talks in Brussels. "
            "The EU said the talks would continue, and the EU envoy agreed.")
    record = extract_facts(article_from_text(text, published="2024-01-01"))
    orgs = record["organizations"]
    assert len(orgs) == 1 and orgs[0]["name"] == "European Union" and orgs[0]["aliases"] == ["EU"]


def test_demonyms_are_neither_places_nor_orgs() -> None:
    record = wire()
    names = set(_names(record["places"])) | set(_names(record["organizations"]))
    assert not names & {"Indian", "Japanese"}
    assert {"India", "Japan", "Indian Ocean", "Kochi", "Pulwama"} <= set(_names(record["places"]))


def test_dateline_place_is_a_place() -> None:
    assert "New Delhi" in _names(wire()["places"])


def test_evidence_offsets_point_into_text() -> None:
    record = wire()
    text = record["text"]
    for field in ("people", "organizations", "places", "quotes", "events", "agreements"):
        assert record[field], field
        for item in record[field]:
            assert item["evidence"], (field, item)
            for evidence in item["evidence"]:
                assert text[evidence["start"] : evidence["end"]] == evidence["sentence"]


def test_person_evidence_lists_every_sentence_mentioning_them() -> None:
    record = wire()
    mehra = next(p for p in record["people"] if p["name"] == "Arjun Mehra")
    sentences = [e["sentence"] for e in mehra["evidence"]]
    assert any(s.startswith("Mehra said") for s in sentences)
    assert any("Arjun Mehra" in s for s in sentences)


def test_record_has_exactly_the_contract_keys() -> None:
    keys = {"url", "title", "published", "agency", "authors", "dateline", "people",
            "organizations", "places", "quotes", "events", "agreements", "topics"}
    record = extract_facts(article_from_text("Officials met in Kabul on Monday.", published="2024-01-03"))
    assert set(record) == keys


def test_a_place_listed_beside_a_person_or_after_a_countrys_possessive_is_a_person() -> None:
    from extract.entities import find_mentions
    from extract.mentions import PERSON

    text = "Ravi Deshmane and Kenji Harada agreed on Monday. Tokyo hosted Kenya's Otieno Wambua."
    spans = [(text.index("Ravi"), text.index(" and"), "FAC"),
             (text.index("Kenji"), text.index(" agreed"), "PERSON"),
             (text.index("Otieno"), text.rindex("."), "GPE")]
    kinds = {m.text: m.kind for m in find_mentions(spans, text)}
    assert kinds["Ravi Deshmane"] == PERSON and kinds["Otieno Wambua"] == PERSON
    # A place a gazetteer lists stays a place, whoever stands beside it.
    text = "Kenji Harada and South Korea agreed on Monday."
    spans = [(0, text.index(" and"), "PERSON"), (text.index("South"), text.index(" agreed"), "GPE")]
    assert {m.text: m.kind for m in find_mentions(spans, text)}["South Korea"] != PERSON


def test_a_plural_noun_opening_a_sentence_is_no_name() -> None:
    from extract.entities import find_mentions

    text = ("Flames rose over the depot on Monday. \u201cSmugglers rely on the dark,\u201d she said.\n"
            "The Rangers won. Fans of the Rangers cheered.")
    spans = [(0, 6, "ORG"), (text.index("Smugglers"), text.index(" rely"), "GPE"),
             (text.index("Rangers"), text.index(" won"), "ORG"),
             (text.rindex("Rangers"), text.rindex(" cheered"), "ORG")]
    names = {m.text for m in find_mentions(spans, text)}
    assert "Flames" not in names and "Smugglers" not in names
    assert "Rangers" in names  # written capitalised inside a sentence too: a name


def test_a_headline_in_title_case_is_no_organisation() -> None:
    from extract.entities import find_mentions

    text = "Read more: The Harbour Ferry Service Is Open for Business Again"
    start = text.index("The")
    names = {m.text for m in find_mentions([(start, len(text), "ORG")], text)}
    assert not any("Is Open" in name for name in names)


def test_a_person_tagged_name_ending_with_an_institution_word_is_an_organisation() -> None:
    from extract.entities import find_mentions
    from extract.mentions import ORG

    text = "The pavilion was designed by Okafor Studio, and Ada Okafor said it took a year."
    spans = [(text.index("Okafor Studio"), text.index(", and"), "PERSON")]
    kinds = {m.text: m.kind for m in find_mentions(spans, text)}
    assert kinds["Okafor Studio"] == ORG


def test_a_listed_name_with_accents_and_no_known_given_name_is_a_person() -> None:
    from extract.entities import find_mentions
    from extract.mentions import PERSON
    from extract.people import build_people

    text = ("The lights were designed by Ivana Jelić and Dražen Kovačić (Croatia), who worked on "
            "them for a year.")
    spans = [(text.index("Ivana"), text.index(" and"), "PERSON"),
             (text.index("Dražen"), text.index(" (Croatia"), "GPE")]
    mentions = find_mentions(spans, text)
    assert {m.text: m.kind for m in mentions}["Dražen Kovačić"] == PERSON
    assert "Dražen Kovačić" in [p.name for p in build_people(mentions, text)]


def test_an_unlisted_name_that_undergoes_a_persons_event_is_a_person() -> None:
    from extract.entities import find_mentions
    from extract.people import build_people

    text = ("Police arrested Tsegaye Wolde-Mariam at the port. Ilham Tohti, a lecturer, was "
            "sentenced on Monday. Walnut Kettle announced a new menu.")
    spans = [tag(text, name, "PERSON") for name in ("Tsegaye Wolde-Mariam", "Ilham Tohti",
                                                      "Walnut Kettle")]
    names = [p.name for p in build_people(find_mentions(spans, text), text)]
    assert names == ["Tsegaye Wolde-Mariam", "Ilham Tohti"]


def test_a_name_written_after_a_size_is_a_model_not_a_person() -> None:
    from extract.entities import find_mentions
    from extract.people import build_people

    text = ("Police arrested Tsegaye Wolde-Mariam at the port. I carry the 12-inch Grace Slate "
            "daily, and Grace Slate owners agree.")
    spans = [tag(text, name, "PERSON") for name in ("Tsegaye Wolde-Mariam", "Grace Slate")]
    names = [p.name for p in build_people(find_mentions(spans, text), text)]
    assert names == ["Tsegaye Wolde-Mariam"]


def test_an_acronym_before_a_place_noun_is_a_place_only_when_a_listed_places() -> None:
    from extract.context_names import from_place_context

    text = ("The laptop lost its HDMI port and gained LED-based lights. A UAE-based trader "
            "and a DRC-based miner shipped cobalt through the Arlo port.")
    assert {m.text for m in from_place_context(text)} == {"UAE", "DRC", "Arlo"}


def test_by_before_a_name_the_model_took_for_a_place_is_no_places_cue() -> None:
    from extract.entities import find_mentions
    from extract.places import build_places

    text = "The ferry line is owned by Quillr, and its boats sail to Brevik."
    spans = [tag(text, "Quillr", "GPE"), tag(text, "Brevik", "GPE")]
    names = {p.name for p in build_places(find_mentions(spans, text), set(), text)}
    assert names == {"Brevik"}


def test_a_name_never_ends_with_a_conjunction() -> None:
    from extract.entities import find_mentions

    text = "Chargers for the Brevik Pad Pro and Brevik Book Pro are small, says Arlo Labs."
    spans = [tag(text, "Pad Pro and", "ORG"), tag(text, "Arlo Labs", "ORG")]
    assert {m.text for m in find_mentions(spans, text)} >= {"Pad Pro", "Arlo Labs"}
    assert not any(m.text.endswith(" and") for m in find_mentions(spans, text))


def test_what_a_year_owns_is_a_work_not_a_place_or_body() -> None:
    from extract.entities import find_mentions

    text = ("The band played 1972's Harbour Street and 1974's Brevik Records in full, "
            "then 2019's Hong Kong protest songs.")
    spans = [tag(text, "Harbour Street", "FAC"), tag(text, "Brevik Records", "ORG"),
             tag(text, "Hong Kong", "GPE")]
    assert {m.text for m in find_mentions(spans, text)} == {"Hong Kong"}


def test_the_models_person_who_speaks_is_a_person_unless_a_body_by_context() -> None:
    from extract.entities import find_mentions
    from extract.people import build_people

    text = ("Speaking in Kabul, Zabihullah Mujahid said the talks would go on. Freight "
            "operator Latvijas Dzelzcels said the line would reopen.")
    spans = [tag(text, "Zabihullah Mujahid", "PERSON"), tag(text, "Latvijas Dzelzcels", "PERSON")]
    assert [p.name for p in build_people(find_mentions(spans, text), text)] == ["Zabihullah Mujahid"]


def test_two_listed_places_joined_by_a_hyphen_are_two_places() -> None:
    record = extract_facts(article_from_text(
        "Patrols along the India-Bangladesh border will double from Monday, officials said.",
        published="2025-06-11"))
    places = [p["name"] for p in record["places"]]
    assert "India" in places and "Bangladesh" in places and "India-Bangladesh" not in places


def test_a_dateline_naming_an_organisation_is_no_place() -> None:
    record = extract_facts(article_from_text(
        "UNITED NATIONS (AP) — The peacekeeping chief warned the Security Council on Monday "
        "that the mission in South Sudan needs more troops.", published="2025-06-11"))
    assert record["dateline"]["place"] == "United Nations"
    assert "United Nations" not in [p["name"] for p in record["places"]]


def test_a_built_site_the_model_tags_as_an_organisation_is_a_place() -> None:
    record = extract_facts(article_from_text(
        "Engineers moved the core stage to the Kell Assembly Facility on Monday. Crews later "
        "tested it at the Varn Test Stand near Orrin Air Force Base.", published="2025-06-11"))
    assert "Kell Assembly Facility" in [p["name"] for p in record["places"]]
    assert record["organizations"] == []


def test_a_long_official_name_of_a_body_is_kept() -> None:
    from extract.entities import find_mentions
    from extract.mentions import ORG

    name = "National Institute for the Study of Coastal Erosion and Harbour Safety"
    text = f"Officials of the {name} met on Monday."
    mentions = find_mentions([(text.index(name), text.index(name) + len(name), "ORG")], text)
    assert (name, ORG) in [(m.text, m.kind) for m in mentions]


def test_a_region_named_by_its_position_is_no_organisation_of_its_kind_word() -> None:
    # "Bank" is the word of a kind of organisation; "West Bank" is a region.
    from extract.entities import find_mentions
    from extract.mentions import PLACE

    text = "Troops left the West Bank on Monday, and the Kestrel Savings Bank closed."
    spans = [(text.index("West"), text.index(" on Monday"), "GPE")]
    kinds = {m.text: m.kind for m in find_mentions(spans, text)}
    assert kinds["West Bank"] == PLACE
    assert kinds["Kestrel Savings Bank"] == "org"


def test_a_preposition_between_two_names_joins_a_phrase_not_a_name() -> None:
    from extract.entities import find_mentions
    from extract.mentions import ORG, PLACE

    text = ("The Tern stage at Halden Assembly Facility is ready. Scouts sent Ana Ruiz to Nordvik "
            "Rovers. The Committee to Protect Sailors met.")
    spans = [tag(text, "Tern stage at Halden Assembly Facility", "ORG"),
             tag(text, "Ana Ruiz to Nordvik Rovers", "PERSON"),
             tag(text, "Committee to Protect Sailors", "ORG")]
    kinds = {m.text: m.kind for m in find_mentions(spans, text)}
    assert kinds.get("Halden Assembly Facility") == PLACE
    assert "Tern stage at Halden Assembly Facility" not in kinds
    assert "Ana Ruiz to Nordvik Rovers" not in kinds
    assert kinds.get("Committee to Protect Sailors") == ORG
    # Tagged an organisation, a phrase opening with a given name is no body's name either.
    spans[1] = tag(text, "Ana Ruiz to Nordvik Rovers", "ORG")
    assert "Ana Ruiz to Nordvik Rovers" not in {m.text for m in find_mentions(spans, text)}


def test_a_name_written_before_a_devices_noun_is_a_products_not_a_persons() -> None:
    from extract.entities import find_mentions
    from extract.people import build_people

    text = ("The new tablet has a Cobalt Vista edge-to-edge display. Reviewers liked Vista, and "
            "the Cobalt Vista display is bright. Tom Berg reviewed it, and Berg films rarely lie.")
    spans = [tag(text, "Cobalt Vista", "PERSON"), tag(text, "Tom Berg", "PERSON")]
    names = [p.name for p in build_people(find_mentions(spans, text), text)]
    assert "Cobalt Vista" not in names
    assert "Tom Berg" in names  # a person's name stands before "films" too


def test_a_model_letter_may_stand_between_a_product_and_its_noun() -> None:
    from extract.entities import find_mentions
    from extract.people import build_people

    text = ("Norland is rolling out an electric SUV that carries the Falcon brand name. "
            "Norland's Falcon Ray E SUV will go 300 miles per charge. The car gets some Falcon "
            "styling cues. The Ray E was unveiled on Sunday.")
    spans = [tag(text, "Falcon", "PERSON"), tag(text, "Falcon Ray", "PERSON"),
             tag(text, "Ray", "PERSON", last=True)]
    assert [p.name for p in build_people(find_mentions(spans, text), text)] == []


def test_a_name_never_runs_across_a_paragraph_break() -> None:
    from extract.entities import find_mentions
    from extract.people import build_people

    # A caption without a full stop ends in a name; the next paragraph opens with a word the
    # model took for a surname.  Neither the first name nor the full name comes from the caption.
    text = ("The screen of the new Brevik Pro\nMorten said the screen was sharp.\n"
            "Readers of the Harbor Notes\nLund replied that it was too dim.")
    spans = [tag(text, "Morten", "PERSON"), tag(text, "Lund", "PERSON")]
    names = [p.name for p in build_people(find_mentions(spans, text), text)]
    assert not any("Pro" in name or "Notes" in name for name in names)


def test_a_place_only_the_model_found_must_stand_where_a_place_does() -> None:
    from extract.entities import find_mentions
    from extract.places import build_places

    text = ("Quillr posts about the ferry spread overnight. The ferry sailed from Arlo to "
            "Brevik, and the crew rested in Punjab's Bhatinda. Gaza residents watched.")
    spans = [tag(text, name, "GPE") for name in ("Quillr", "Arlo", "Brevik", "Bhatinda", "Gaza")]
    names = {p.name for p in build_places(find_mentions(spans, text), set(), text)}
    assert {"Arlo", "Brevik", "Bhatinda"} <= names
    assert "Quillr" not in names
    assert "Gaza" in names  # no cue, but a city GeoNames lists


def test_a_one_word_place_the_text_writes_in_lower_case_is_that_word() -> None:
    from extract.entities import find_mentions
    from extract.places import build_places

    text = ("The ferry line wants better tech on board. Now you can hear Ten Stories in Tech "
            "each morning, recorded in Brevik.")
    spans = [tag(text, "Tech", "GPE"), tag(text, "Brevik", "GPE")]
    names = {p.name for p in build_places(find_mentions(spans, text), set(), text)}
    assert names == {"Brevik"}


def test_a_place_only_the_model_found_before_a_vehicles_noun_is_the_vehicle() -> None:
    from extract.entities import find_mentions
    from extract.places import build_places

    text = ("Kell Yards showed the design of New Tern on Monday. The yard said three New Tern "
            "rockets would launch from Brevik.")
    spans = [tag(text, "New Tern", "GPE"), tag(text, "New Tern", "GPE", last=True),
             tag(text, "Brevik", "GPE")]
    names = {p.name for p in build_places(find_mentions(spans, text), set(), text)}
    assert names == {"Brevik"}


def test_a_places_possessive_that_opens_a_sentence_is_a_places_cue() -> None:
    from extract.entities import find_mentions
    from extract.places import build_places

    # "In" opens the sentence: the owner is "Punjab", not "In Punjab".
    text = "The ferry docked at dawn. In Punjab's Kestrelpur, the crew rested."
    spans = [tag(text, "Kestrelpur", "GPE")]
    assert "Kestrelpur" in {p.name for p in build_places(find_mentions(spans, text), set(), text)}


def test_a_surname_tagged_alone_is_the_person_named_in_full_where_the_model_tagged_nothing() -> None:
    from extract.entities import find_mentions
    from extract.people import build_people

    text = ("The pact was signed by the bloc's envoy for maritime affairs, Ana Kovac.\n"
            "Kovac called it the most practical step yet.")
    spans = [tag(text, "Kovac", "PERSON", last=True)]
    assert [p.name for p in build_people(find_mentions(spans, text), text)] == ["Ana Kovac"]


def test_a_space_center_is_a_site_and_a_name_ending_with_a_sites_head_needs_no_cue() -> None:
    from extract.entities import find_mentions
    from extract.mentions import PLACE
    from extract.places import build_places

    text = "The stage ships to the nearby Harlow Space Center, then past the old Arlo Bridge."
    spans = [tag(text, "Harlow Space Center", "FAC"), tag(text, "Arlo Bridge", "FAC")]
    mentions = find_mentions(spans, text)
    assert {m.text: m.kind for m in mentions}.get("Harlow Space Center") == PLACE
    names = {p.name for p in build_places(mentions, set(), text)}
    assert {"Harlow Space Center", "Arlo Bridge"} <= names


def test_a_place_written_before_a_comma_and_a_name_or_a_places_possessive_has_its_cue() -> None:
    from extract.entities import find_mentions
    from extract.places import build_places

    text = ("Orvel, Nordland, voted first. Kenya's Tavik voted next. Quillr posts spread. "
            "As the founder of the app 3C Pellam, I know the crews.")
    spans = [tag(text, name, "GPE") for name in ("Orvel", "Tavik", "Quillr", "Pellam")]
    names = {p.name for p in build_places(find_mentions(spans, text), set(), text)}
    assert {"Orvel", "Tavik"} <= names and "Quillr" not in names
    assert "Pellam" not in names  # the capital after its comma is the pronoun "I"


def test_a_place_noun_or_position_word_opens_no_persons_name() -> None:
    record = extract_facts(article_from_text(
        "Storms hit the Outer Hebrides and County Kerry on Monday.", published="2026-02-03"))
    assert not record["people"]
    assert "County Kerry" in [p["name"] for p in record["places"]]


def test_a_name_the_model_tags_a_work_somewhere_is_no_organisation_anywhere() -> None:
    from extract.entities import find_mentions
    text = "Critics loved Harbour Lights Rising. Harbour Lights Rising earned $40 million."
    first, second = text.index("Harbour"), text.rindex("Harbour")
    spans = [(first, first + 21, "WORK_OF_ART"), (second, second + 21, "ORG")]
    assert [m for m in find_mentions(spans, text) if m.text == "Harbour Lights Rising"] == []
    # A body's name stays one: newspapers are tagged works of art too.
    text = "Critics read The Kell Times. The Kell Times said so."
    first, second = text.index("Kell"), text.rindex("Kell")
    spans = [(first, first + 10, "WORK_OF_ART"), (second, second + 10, "ORG")]
    assert {m.text for m in find_mentions(spans, text) if m.kind == "org"} == {"Kell Times"}


def test_a_border_shared_with_a_name_and_a_capital_in_apposition_name_places() -> None:
    record = extract_facts(article_from_text(
        "Clashes broke out near the border with Norland. Residents fled to Kestrel, the capital. "
        "Ana Ruiz, the city's mayor, spoke.", published="2026-02-03"))
    places = [p["name"] for p in record["places"]]
    assert "Norland" in places and "Kestrel" in places and "Ana Ruiz" not in places
    assert "Norland" not in [o["name"] for o in record["organizations"]]


def test_a_hyphenated_office_title_vouches_for_a_name_after_it_or_before_it() -> None:
    record = extract_facts(article_from_text(
        "Orlu Kestrin Vale, the agency's director-general, said the outbreak was over. "
        "The paper's editor-in-chief, Temesgen Halvard Moruk, said the paper would appeal.",
        published="2026-02-03"))
    people = {p["name"]: p["titles"] for p in record["people"]}
    assert people["Orlu Kestrin Vale"] == ["the agency's director-general"]
    assert people["Temesgen Halvard Moruk"] == ["editor-in-chief"]
    # "general-purpose" holds a title word but is no title.
    assert not extract_facts(article_from_text(
        "Kell Varro, a general-purpose robot, said hello.", published="2026-02-03"))["people"]


def test_a_title_before_a_name_between_commas_is_its_title_and_the_name_speaks() -> None:
    record = extract_facts(article_from_text(
        "The ministry's chief spokesperson, Ana Ruiz, said the talks had failed. "
        "Vantor's chief executive, Kemal Oztürk, said profits rose. "
        "Like the prime minister, Lena Sorvik said the deal was fair. "
        "The fund's press secretary, Marit Olu, declined to comment.", published="2026-02-03"))
    people = {p["name"]: p["titles"] for p in record["people"]}
    assert people["Ana Ruiz"] == ["chief spokesperson"]
    assert people["Kemal Oztürk"] == ["Vantor's chief executive"]
    assert people["Lena Sorvik"] == []  # no comma after the name: no apposition
    assert people["Marit Olu"] == ["press secretary"]  # lower-case words before the head


def test_a_place_a_disease_is_named_after_is_no_place_of_the_story() -> None:
    record = extract_facts(article_from_text(
        "Doctors in Norland treated three cases of Marburg virus and one of Lassa fever.",
        published="2026-02-03"))
    places = [p["name"] for p in record["places"]]
    assert "Marburg" not in places and "Lassa" not in places and "Norland" in places


def test_a_title_before_a_name_is_the_names_own_and_whole() -> None:
    record = extract_facts(article_from_text(
        "A spokesman for Prime Minister Lena Sorvik said the talks would go on. "
        "Under-Secretary-General for Peace Operations Tomas Varga said the mission would stay. "
        "Seeds drifted in the air. Ana Ruiz said they were lovely.", published="2026-02-03"))
    people = {p["name"]: p["titles"] for p in record["people"]}
    assert people["Lena Sorvik"] == ["Prime Minister"]  # the spokesman is someone else
    assert people["Tomas Varga"] == ["Under-Secretary-General for Peace Operations"]
    assert people["Ana Ruiz"] == []  # a sentence's last word is no title


def test_a_name_with_an_office_in_apposition_is_a_person_though_the_model_missed_it() -> None:
    from extract.entities import find_mentions
    text = ("Ana Ruiz, the mayor of Arlo, warned residents. Kell Ferries, the operator of the "
            "route, agreed. Tomas Varga, a spokesman for the port, said more.")
    people = {m.text for m in find_mentions([], text) if m.kind == "person"}
    assert people == {"Ana Ruiz", "Tomas Varga"}


def test_a_site_with_its_qualifier_and_a_town_in_apposition_are_places() -> None:
    from extract.entities import find_mentions
    text = ("Strikes hit the Orvela refugee camp. Crews reached Tavik, the main port town on "
            "the coast. Ruiz said the Holt’s 2016 campaign failed.")
    found = find_mentions([tag(text, "Holt’s 2016", "PERSON")], text)
    assert {m.text for m in found if m.kind == "place"} == {"Orvela", "Tavik"}
    assert "Holt" in {m.text for m in found if m.kind == "person"}  # the year and possessive cut


def test_a_legislators_party_and_state_label_is_no_place() -> None:
    from extract.entities import find_mentions
    from extract.places import build_places
    text = "Sen. Ana Ruiz, D-Mass., spoke in Boston."
    spans = [tag(text, "D-Mass", "GPE"), tag(text, "Boston", "GPE")]
    places = build_places(find_mentions(spans, text), set(), text)
    assert [p.name for p in places] == ["Boston"]


def test_an_appositive_opened_by_an_owners_possessive_is_a_title() -> None:
    record = extract_facts(article_from_text(
        "Tomas Varga, Kellcorp's chief executive, said profits rose.", published="2026-02-03"))
    assert [(p["name"], p["titles"]) for p in record["people"]] == [
        ("Tomas Varga", ["Kellcorp's chief executive"])]


def test_an_abbreviated_office_before_a_name_is_its_title_written_out() -> None:
    record = extract_facts(article_from_text(
        "Sen. Ana Ruiz and Gov. Tomas Varga said the bill would pass. Ms. Lena Sorvik agreed.",
        published="2026-02-03"))
    people = {p["name"]: p["titles"] for p in record["people"]}
    assert people["Ana Ruiz"] == ["Senator"] and people["Tomas Varga"] == ["Governor"]
    assert people["Lena Sorvik"] == []  # a form of address, no office
