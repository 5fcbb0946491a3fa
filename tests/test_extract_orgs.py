"""Organisations: parties by the words their members go by, names split at commas."""

from __future__ import annotations

from typing import Any

import pytest

from extract import article_from_text, extract_facts
from tests.tagged import tag


def _facts(text: str) -> dict[str, Any]:
    return extract_facts(article_from_text(text, published="2025-05-09"))


def _orgs(text: str) -> dict[str, list[str]]:
    return {o["name"]: o["aliases"] for o in _facts(text)["organizations"]}


def test_party_members_stand_for_their_party() -> None:
    text = ("Republicans in the county council blocked the ferry budget on Monday.\n"
            "The Democratic candidate for mayor, Lena Holt, said the GOP had no plan.")
    orgs = _orgs(text)
    assert "Republican Party" in orgs and "Democratic Party" in orgs


def test_party_words_inside_longer_names_stay_there() -> None:
    text = ("Aid reached the Democratic Republic of the Congo on Monday.\n"
            "The Irish Republican Army was disbanded long ago, historians said.")
    facts = _facts(text)
    assert "Democratic Party" not in {o["name"] for o in facts["organizations"]}
    assert any("Congo" in p["name"] for p in facts["places"])


def _places(text: str) -> set[str]:
    return {p["name"] for p in _facts(text)["places"]}


def test_institution_names_its_state() -> None:
    text = "Members of the Vermont House voted on the ferry budget, a clerk said on Monday."
    facts = _facts(text)
    assert "Vermont" in {p["name"] for p in facts["places"]}
    assert any("Vermont House" in o["name"] for o in facts["organizations"])


def test_named_streets_and_squares_are_places() -> None:
    places = _places("Crowds gathered on Maple Street and later in Harbour Square, police said.")
    assert {"Maple Street", "Harbour Square"} <= places


def test_a_postal_address_names_no_place_of_the_story() -> None:
    places = _places("Protesters marched down Maple Street on Monday. Readers can mail tips to "
                     "520 Harbour Street, Suite 350, Arlo. The prime minister left 10 Downing "
                     "Street on Monday.")
    assert {"Maple Street", "Downing Street"} <= places  # a house number alone is no address
    assert "Harbour Street" not in places and "Suite" not in places
    # A state and ZIP code after the street also make an address.
    assert "Quay Road" not in _places("Readers can mail tips to 520 Quay Road, Arlo, CA 94107.")


def test_street_inside_a_longer_name_is_not_a_place() -> None:
    places = _places("She wrote for the Canal Street Gazette for a decade before retiring.")
    assert "Canal Street" not in places


def test_capitalised_ordinary_word_and_units_are_no_organisations() -> None:
    text = ("Transport campaigners met the Harbour Board on Monday.\n"
            "Transport is the biggest cost, said the board's chair, Ines Dahl; public transport "
            "fares rose twice.\n"
            "The new quay adds 40 MW of shore power and 12 MW of storage, the Harbour Board said.")
    names = {o["name"] for o in _facts(text)["organizations"]}
    assert "Transport" not in names and "MW" not in names
    assert "Harbour Board" in names


@pytest.mark.parametrize(("text", "kept", "dropped"), [
    ("Binge eating disorder (BED) is the most common eating disorder in Norway. BED is "
     "treatable.", set(), {"BED"}),
    ("Savers pick one of three FIRE (financial independence, retire early) plans. FIRE is "
     "popular in Bergen.", set(), {"FIRE"}),
    ("The North Atlantic Treaty Organization (NATO) met in Oslo. NATO agreed.",
     {"North Atlantic Treaty Organization"}, set()),
])
def test_an_acronym_spelled_out_in_lower_case_is_a_common_nouns(text: str, kept: set[str],
                                                                dropped: set[str]) -> None:
    names = {o["name"] for o in _facts(text)["organizations"]}
    assert kept <= names and not dropped & names


def test_gazetteer_acronym_that_is_also_a_word_stays() -> None:
    text = "The WHO said the outbreak was contained, and officials who visited agreed."
    assert "World Health Organization" in {o["name"] for o in _facts(text)["organizations"]}


def test_one_word_name_with_an_inner_capital_is_a_brand() -> None:
    from extract.entities import _camel_case_org
    from extract.mentions import PERSON, Mention

    assert _camel_case_org(Mention("RiverX", PERSON, 0, 6)).kind == "org"
    assert _camel_case_org(Mention("McAllister", PERSON, 0, 10)).kind == PERSON
    assert _camel_case_org(Mention("DeLuca", PERSON, 0, 6)).kind == PERSON


def test_coordinated_names_are_not_one_organisation() -> None:
    from extract.orgs import Organization, _coordination

    pair = Organization("Harbour Board and Ferry Union")
    alone = Organization("Harbour Board")
    customs = Organization("Customs and Excise")
    assert _coordination(pair, [pair, alone, customs])
    assert not _coordination(customs, [pair, alone, customs])


def test_name_split_at_and_is_joined_when_its_halves_never_stand_alone() -> None:
    from extract.entities import _join_coordinated_names
    from extract.mentions import ORG, Mention

    text = "Officers of Roads and Harbour Works met. Roads and Harbour Works said no."
    mentions = [Mention("Roads", ORG, 12, 17), Mention("Harbour Works", ORG, 22, 35),
                Mention("Roads", ORG, 41, 46), Mention("Harbour Works", ORG, 51, 64)]
    joined = _join_coordinated_names(mentions, text)
    assert [m.text for m in joined] == ["Roads and Harbour Works", "Roads and Harbour Works"]
    alone = text + " Harbour Works will reply."
    assert len(_join_coordinated_names(mentions, alone)) == 4


def test_list_item_before_and_is_not_taken_for_an_appositive() -> None:
    # ", and Saab" is the next item of the list, not ", a former ..." describing a person.
    text = "The army chose a consortium that includes Thales, Kongsberg Gruppen, and Saab to build the radar."
    record = extract_facts(article_from_text(text, published="2026-05-04"))
    assert "Kongsberg Gruppen" in {o["name"] for o in record["organizations"]}
    assert not record["people"]


def test_one_word_short_name_in_brackets_is_the_organisations() -> None:
    text = ("Rear Admiral Tomas Ekdal, head of the Coastal Watch Agency (Kustvakt), said patrols "
            "would double.")
    record = extract_facts(article_from_text(text, published="2026-05-04"))
    orgs = {o["name"]: o["aliases"] for o in record["organizations"]}
    assert orgs.get("Coastal Watch Agency") == ["Kustvakt"]
    assert "Kustvakt" not in {p["name"] for p in record["people"]}


def test_seats_of_government_named_for_it_are_organisations() -> None:
    text = "The Kremlin denied the report on Monday, and the White House said talks would go on."
    record = extract_facts(article_from_text(text, published="2026-05-04"))
    orgs = {o["name"] for o in record["organizations"]}
    assert {"Kremlin", "White House"} <= orgs
    assert not {"Kremlin", "White House"} & {p["name"] for p in record["places"]}


def test_plans_and_acts_are_no_organisations() -> None:
    text = ("The Coastal Resilience Plan and the Maritime Zones Act were adopted on Monday, the "
            "Harbour Authority said.")
    record = extract_facts(article_from_text(text, published="2026-05-04"))
    orgs = {o["name"] for o in record["organizations"]}
    assert "Harbour Authority" in orgs
    assert not orgs & {"Coastal Resilience Plan", "Maritime Zones Act"}


def test_a_name_after_the_noun_of_its_kind_of_organisation_is_an_organisation() -> None:
    text = ("Shares of the cosmetics company Velmora rose on Monday.\n"
            "Velmora bought a stake in a skincare brand last year, the airline Air Kestrel said.")
    orgs = _orgs(text)
    assert "Velmora" in orgs and "Air Kestrel" in orgs
    # A title after the kind's noun opens a person's name, not an organisation's.
    assert "Chief Executive Ana Ruiz" not in _orgs("The company Chief Executive Ana Ruiz spoke.")


def test_a_name_only_ever_written_before_a_products_noun_names_the_product() -> None:
    text = ("The Tarvos Space Agency stacked two Halcyon rockets at the pad on Monday.\n"
            "Engineers said the Halcyon rockets would fly the Perenna 2 mission next year.\n"
            "The agency's partner Brightline Dynamics supplies the engines.\n"
            "The agency will fly its Lunar Ice Prospecting Rover (LIPR) in May, officials said.")
    orgs = _orgs(text)
    assert "Halcyon" not in orgs and "Perenna" not in orgs
    assert not any("Rover" in name or "LIPR" in aliases for name, aliases in orgs.items())
    assert "Tarvos Space Agency" in orgs


def test_a_name_mostly_written_before_a_products_noun_and_its_modifiers_names_the_product() -> None:
    text = ("Brightline Dynamics unveiled its Tern uncrewed vehicle on Monday.\n"
            "The Tern lunar lander will fly in 2027, and Tern will carry four instruments.\n"
            "Groupe Nordlys (France) produces films for the festival.")
    orgs = _orgs(text)
    assert "Tern" not in orgs
    assert "Brightline Dynamics" in orgs and "Groupe Nordlys" in orgs  # "produces" is a verb


def test_the_moon_and_the_planets_are_places_but_not_inside_a_persons_name() -> None:
    assert {"Moon", "Mars"} <= _places("The lander touched down on the Moon before the probe left for Mars.")
    facts = _facts("President Moon Jae-in of South Korea opened the summit on Monday, aides said.")
    assert "Moon" not in {p["name"] for p in facts["places"]}


def test_a_name_never_holds_an_unclosed_bracket() -> None:
    from extract.entities import find_mentions

    text = ("Kestrel Islands' Ministry of Ports, Fisheries and Ferries (MOPFF) has unveiled a "
            "plan to cut fares, officials said on Monday.")
    start = text.index("Ministry")
    glued = (start, text.index(")"), "ORG")  # the model's span stops inside the bracket
    names = {m.text for m in find_mentions([glued], text)}
    assert "Ministry of Ports, Fisheries and Ferries" in names and "MOPFF" in names
    assert not any("(" in name for name in names)


def test_an_ordinary_word_in_capitals_is_no_organisation() -> None:
    orgs = _orgs("The mayor posted: GET OUT and VOTE for the ferry levy!\n"
                 "Residents who vote on Tuesday will decide, the WHO official who visited said.")
    assert "VOTE" not in orgs
    assert "WHO" in orgs or "World Health Organization" in orgs  # a listed acronym stays


def _built(text: str, names: list[str]) -> dict[str, list[str]]:
    from extract.mentions import ORG, Mention
    from extract.orgs import build_orgs

    mentions, cursor = [], 0
    for name in names:
        start = text.index(name, cursor)
        mentions.append(Mention(name, ORG, start, start + len(name)))
        cursor = start + len(name)
    return {o.name: o.aliases for o in build_orgs(mentions, text, set())}


def test_names_differing_by_a_legal_form_are_one_organisation() -> None:
    text = ("Orrin Dynamics Corp. won the order. Orrin Dynamics Corporation will build it with "
            "Kestrel Nano-Optics Inc., a unit of Vale Kestrel Nano-Optics.")
    orgs = _built(text, ["Orrin Dynamics Corp", "Orrin Dynamics Corporation", "Kestrel Nano-Optics Inc",
                         "Vale Kestrel Nano-Optics"])
    assert len(orgs) == 2
    assert any("Orrin Dynamics" in name for name in orgs)
    assert orgs["Vale Kestrel Nano-Optics"] == ["Kestrel Nano-Optics Inc"]


def test_two_names_the_model_joined_at_a_comma_come_apart() -> None:
    text = "Viewers left Tideway Plus, Harbour Media and Harbour Media's rivals."
    orgs = _built(text, ["Tideway Plus, Harbour Media", "Harbour Media"])
    assert "Tideway Plus, Harbour Media" not in orgs and "Harbour Media" in orgs
    # A comma inside a name whose halves never stand alone is part of the name.
    text = "The Ministry of Ports, Fisheries and Ferries said so."
    ministry = "Ministry of Ports, Fisheries and Ferries"
    assert ministry in _built(text, [ministry])


def test_an_outlet_credited_for_a_report_is_an_organisation() -> None:
    from extract.entities import find_mentions

    text = ("The Quayside reported on Tuesday that the ferry talks had stalled, and Harbourwatch "
            "reports that a strike is planned, according to Tidewater Weekly.\n"
            "Ana Ruiz, a union organiser, said the talks would go on. Ruiz reported that members "
            "were angry.")
    person = (text.index("Ana Ruiz"), text.index(", a union"), "PERSON")
    kinds = {m.text: m.kind for m in find_mentions([person], text)}
    assert kinds.get("Quayside") == kinds.get("Harbourwatch") == kinds.get("Tidewater Weekly") == "org"
    assert kinds.get("Ruiz") != "org"  # a person named in the article reports as a person


def test_programmes_and_numbered_series_are_no_organisations() -> None:
    text = ("NASA picked three firms for its Lunar Cargo Demonstration (LCD) program on Monday. "
            "The LCD program will fly ten landers. The Orbital Freight Initiative was launched "
            "in 2019, the Tarvos Space Agency said. The Artemis 2 flight and Artemis 3 landing "
            "follow. Artemis is the agency's biggest effort, and Boeing 787 jets carry the crews.")
    assert set(_orgs(text)) == {"NASA", "Tarvos Space Agency", "Boeing"}


def test_outlets_credited_together_are_two_organisations() -> None:
    text = ("The ferry line changed its fares in May. As both the Quayside Courier and Tidewater "
            "Weekly have reported, the new fares hit commuters hardest.")
    orgs = _orgs(text)
    assert "Tidewater Weekly" in orgs
    assert not any(" and " in name for name in orgs)


def test_a_name_that_which_takes_up_is_no_person() -> None:
    text = "Kessler Mandt, which makes radar sets, said profits rose in May."
    record = _facts(text)
    assert [o["name"] for o in record["organizations"]] == ["Kessler Mandt"]
    assert record["people"] == []


def test_the_body_named_before_an_office_title_is_an_organisation() -> None:
    text = ("Like Quaylink head Ana Ruiz, Harbourly CEO Tomas Okoro has warned about fares. "
            "Joe Biden met the press. Biden spokesman Andrew Bates said no.")
    orgs = _orgs(text)
    assert "Quaylink" in orgs and "Harbourly" in orgs
    assert not any(name.startswith("Like") or "Biden" in name for name in orgs)


def test_an_outlet_told_or_confirmed_to_is_an_organisation_and_an_address_is_no_prose() -> None:
    text = ("A spokesperson for the ferry line confirmed to HARBOURLINE that fares would rise. "
            "Write to tips@harbourline.example.")
    assert "HARBOURLINE" in _orgs(text)



def test_a_capitalised_name_ending_with_an_organisations_kind_is_an_organisation() -> None:
    # The model tags nothing in the "Tarvos Ferry Company" sentence of this text.
    text = ("The Harbour Pilots Association objected on Monday. Members of the Kestrel Valley "
            "Rowing Club and the Lindqvist Institute for Tidal Research joined them, as did "
            "Brightwater Shipping Ltd. and Okoro Dynamics Inc. The Tarvos Ferry Company said "
            "fares would rise. Staff at Vellmar University agreed.")
    assert "Tarvos Ferry Company" in _orgs(text)


def test_a_country_in_brackets_after_an_organisation_stays_a_place() -> None:
    record = _facts("The bridge reopened in May. Lumen Works Group (Norway) designed its lights, "
                    "Ana Ruiz said.")
    assert "Norway" in [p["name"] for p in record["places"]]
    assert all("Norway" not in o["aliases"] for o in record["organizations"])


def test_a_countrys_possessive_is_no_part_of_the_organisations_name() -> None:
    text = ("Norway's Brevik Systems won the order on Monday. Greece's Aegean Crest Shipping "
            "said it would appeal.")
    orgs = _orgs(text)
    assert "Brevik Systems" in orgs and "Aegean Crest Shipping" in orgs
    assert not any("'s" in name for name in orgs)


def test_a_name_after_a_trade_noun_or_its_shares_is_an_organisation() -> None:
    record = _facts("Streaming giant Vidora said subscriptions rose, while chipmaker Nordel cut "
                    "prices. Shares of Talvi rose 4% on Monday.")
    orgs = [o["name"] for o in record["organizations"]]
    assert {"Vidora", "Nordel", "Talvi"} <= set(orgs)
    assert not record["people"]


def test_the_body_an_office_is_of_is_no_person() -> None:
    record = _facts("Dana Okafor, the chief executive of Vexlo, said on Monday that sales had "
                    "doubled. Vexlo's founder, Lee Min-jun, agreed. Analysts expect Vexlo to raise "
                    "prices.")
    assert "Vexlo" in [o["name"] for o in record["organizations"]]
    assert [p["name"] for p in record["people"]] == ["Dana Okafor", "Lee Min-jun"]


def test_outlets_joined_by_and_before_reported_are_each_an_organisation() -> None:
    orgs = _orgs("The Quayside and Harbour Weekly reported that fares rose on Monday.")
    assert "Quayside" in orgs and "Harbour Weekly" in orgs


def test_an_outlet_cited_is_an_organisation() -> None:
    from extract import context_names
    found = context_names.from_reporters("Officials denied it, citing Tidewater Radio.", set())
    assert [m.text for m in found] == ["Tidewater Radio"]


def test_a_name_a_trade_noun_describes_in_apposition_is_an_organisation() -> None:
    record = _facts("Quorvia, a London-based startup, raised $5 million on Monday. Investors in "
                    "Brivo, a Dutch logistics firm, cheered. Kell, a port city, grew.")
    orgs = [o["name"] for o in record["organizations"]]
    assert "Quorvia" in orgs and "Brivo" in orgs and "Kell" not in orgs
    record = _facts("Ana Ruiz, who founded Halden in 2015, sold it on Monday. The fund invested "
                    "in Brennor last year. He bought Norway's oldest ferry.")
    orgs = [o["name"] for o in record["organizations"]]
    assert "Halden" in orgs and "Brennor" in orgs and "Norway" not in orgs


def test_a_states_institution_before_a_verb_and_an_exercise_is_no_exercise() -> None:
    orgs = _orgs("Norway's military staged large-scale drills off Bergen on Monday.")
    assert "Norway's military" in orgs


def test_a_football_club_is_an_organisation_whole() -> None:
    record = _facts("Kell United beat Arlo Rovers 2-1 on Saturday. The United Nations said so.")
    orgs = [o["name"] for o in record["organizations"]]
    assert "Kell United" in orgs and "Arlo Rovers" in orgs
    assert not record["people"]
    record = _facts("Athletic Bilbao beat Real Madrid 2-0 in Bilbao on Sunday.")
    assert {"Athletic Bilbao", "Real Madrid"} <= {o["name"] for o in record["organizations"]}
    assert [p["name"] for p in record["places"]] == ["Bilbao"]


def test_a_descriptive_genitive_is_part_of_the_organisations_name() -> None:
    text = ("The Kell People's Party won the vote on Monday, and said it would join the Kell "
            "Harbour Board's Safety Panel.")
    orgs = _orgs(text)
    assert "Kell People's Party" in orgs and "Kell People" not in orgs
    assert "Kell Harbour Board" in orgs and "Safety Panel" in orgs  # an owner's genitive


def test_a_companys_first_word_used_alone_later_is_its_short_name() -> None:
    text = ("Norwegian firm Nordvik Sensors will supply the sonar, the ministry said on Monday. "
            "Nordvik has built sonar sets since 1998. The House Science Committee and the House "
            "will vote on it.")
    orgs = _orgs(text)
    assert "Nordvik" in orgs["Nordvik Sensors"] and "Nordvik" not in orgs
    assert "House" in orgs  # a chamber, not a short name of the committee
    # Listed under the full name, however often the short one is used.
    text = ("Nordvik Sensors will supply the sonar, the ministry said. Nordvik has built sonar "
            "sets since 1998. Nordvik said the first set ships in May. Nordvik is based in Oslo.")
    assert list(_orgs(text)) == ["Nordvik Sensors"]


def test_an_office_named_for_its_heads_title_is_an_organisation() -> None:
    text = ("The Office of the Special Envoy said on Monday that talks would resume. The Office "
            "of the Inspector General opened an inquiry.")
    assert {"Office of the Special Envoy", "Office of the Inspector General"} <= set(_orgs(text))


def test_every_name_listed_after_a_plural_kind_is_an_organisation() -> None:
    orgs = _orgs("In July the agency awarded contracts to the companies Astrelle, Vantor Machines "
                 "and Kelp Orbital. Airlines such as Kestrel Air cut fares.")
    assert {"Astrelle", "Vantor Machines", "Kelp Orbital", "Kestrel Air"} <= set(orgs)


def test_a_word_that_opens_a_sentence_is_no_part_of_a_name_written_alone_elsewhere() -> None:
    text = ("Regulators are investigating Kelvar Logistics over its accounts.\n"
            "- Ousted Kelvar Logistics CEO Dana Brooks can still name two directors.\n"
            "Harbour Freight Alliance said it would bid. Analysts said Harbour Freight Alliance "
            "was the favourite.")
    orgs = _orgs(text)
    assert "Kelvar Logistics" in orgs and not any(name.startswith("Ousted") for name in orgs)
    # An opening word written again elsewhere is part of the name.
    assert "Harbour Freight Alliance" in orgs


def test_air_and_a_name_is_an_airline_not_a_person_nor_the_rank() -> None:
    from extract.entities import find_mentions
    from extract.mentions import ORG

    text = "Air Kestrel ordered six jets on Monday, and Air Marshal Tom Berg welcomed the order."
    spans = [tag(text, "Air Kestrel", "PERSON")]
    kinds = {m.text: m.kind for m in find_mentions(spans, text)}
    assert kinds["Air Kestrel"] == ORG and kinds.get("Air Marshal") != ORG


def test_a_country_written_without_the_article_of_its_name_and_its_acronym_are_one_place() -> None:
    facts = _facts("Aid reached the Democratic Republic of Congo (DRC) on Monday, officials said.")
    assert [p["name"] for p in facts["places"]] == ["Democratic Republic of Congo"]
    assert facts["organizations"] == []


def test_a_company_written_in_capitals_with_its_legal_form_is_the_company_of_the_prose() -> None:
    from extract.entities import find_mentions
    from extract.orgs import build_orgs

    text = "Shares of Harbor Freight rose on Monday.\nTicker: HARBOR FREIGHT INC 4.2%"
    spans = [tag(text, "Harbor Freight", "ORG"), tag(text, "HARBOR FREIGHT INC", "ORG")]
    orgs = build_orgs(find_mentions(spans, text), text, set())
    assert [o.name for o in orgs] == ["Harbor Freight"]


def test_a_name_ending_with_the_head_of_an_event_is_no_organisation() -> None:
    from extract.entities import find_mentions

    text = ("The Black Death killed millions, and the Harbour War ended in 1921 with the Arlo "
            "Fishing Arrangement.")
    spans = [tag(text, name, "ORG") for name in ("Black Death", "Harbour War",
                                                 "Arlo Fishing Arrangement")]
    assert [m.text for m in find_mentions(spans, text)] == []  # and an arrangement is an agreement


def test_a_names_places_are_whole_words_only() -> None:
    from extract.products import name_ends

    text = "Tern-class Tern, Terns, XTern, -Tern, Tern"
    assert name_ends("Tern", text) == [4, 15, len(text)]


def test_a_name_written_after_a_ship_type_is_a_vessel_not_an_organisation() -> None:
    from extract.entities import find_mentions
    from extract.orgs import build_orgs
    from extract.people import build_people

    text = ("Guards seized the oil tanker Kestrel Dawn on Thursday. Its owner, Arlo Shipping, "
            "said the crew was safe.\nMail carrier Tom Berg saw the ship leave.")
    spans = [tag(text, "Kestrel Dawn", "ORG"), tag(text, "Arlo Shipping", "ORG"),
             tag(text, "Tom Berg", "PERSON")]
    mentions = find_mentions(spans, text)
    assert [o.name for o in build_orgs(mentions, text, set())] == ["Arlo Shipping"]
    assert [p.name for p in build_people(mentions, text)] == ["Tom Berg"]  # a carrier's job


def test_an_office_named_for_its_title_is_no_organisation_but_its_holder_is_a_person() -> None:
    from extract.entities import find_mentions
    from extract.mentions import ORG, PERSON

    text = ("The deal was signed by the High Representative for Maritime Affairs, Ana Kovac, and "
            "Secretary of State Tom Berg.")
    spans = [tag(text, "High Representative for Maritime Affairs", "ORG"),
             tag(text, "Secretary of State Tom Berg", "PERSON")]
    kinds = {m.text: m.kind for m in find_mentions(spans, text)}
    assert kinds.get("High Representative for Maritime Affairs") != ORG
    assert PERSON in kinds.values()


def test_a_place_written_with_its_kind_is_that_place_where_its_name_stands_alone() -> None:
    from extract.entities import find_mentions
    from extract.mentions import ORG, PLACE

    text = ("Hackers encrypted the servers at Kuressaare Harbour on Monday.\n"
            "Kuressaare handles most of the island's fuel, the port authority said.")
    spans = [tag(text, "Kuressaare Harbour", "FAC"), tag(text, "Kuressaare", "ORG", last=True)]
    kinds = {(m.start, m.text): m.kind for m in find_mentions(spans, text)}
    assert kinds[(text.rindex("Kuressaare"), "Kuressaare Harbour")] == PLACE
    assert ORG not in kinds.values()


def test_a_name_after_a_list_items_bullet_is_read() -> None:
    text = ("Business news for Tuesday:\n- Google has bought a small ferry operator in Norway.\n"
            "- Microsoft opened an office in Bergen.")
    assert {"Google", "Microsoft"} <= set(_orgs(text))


def test_a_listed_company_is_no_short_name_of_another_that_starts_with_it() -> None:
    text = ("Amazon Web Services signed the deal. Amazon also sells music, and Nordvik Sensors "
            "opened a plant; Nordvik said sales rose.")
    orgs = _built(text, ["Amazon Web Services", "Amazon", "Nordvik Sensors", "Nordvik"])
    assert orgs["Amazon Web Services"] == [] and "Amazon" in orgs
    assert "Nordvik" not in orgs  # the short name of a company written in full before


@pytest.mark.parametrize(("text", "names", "kept"), [
    pytest.param("The navies of Norway and India have held the NORVEX bilateral exercise since "
                 "2015. The Harbour Guild watched the drill, and the Harbour Guild said it went well.",
                 ["NORVEX", "Harbour Guild", "Harbour Guild"], ["Harbour Guild"],
                 id="a-name-before-an-exercises-noun-names-the-exercise"),
    pytest.param("The laptop pairs 32GB of RAM with an external GPU, and the NRK review praised "
                 "it. The NRK team also tested two USB-C ports and said the RAM ran hot. An NRK "
                 "reporter and their CFI colleagues agreed.",
                 ["RAM", "GPU", "NRK", "NRK", "USB", "RAM", "NRK", "CFI"], ["CFI", "NRK"],
                 id="an-acronym-written-as-a-common-noun-or-a-variant-is-none"),
    pytest.param("Brevik Systems won the order. The Harbour Landing System will carry crews "
                 "ashore, and the Harbour Landing System is due in 2027.",
                 ["Brevik Systems", "Harbour Landing System", "Harbour Landing System"],
                 ["Brevik Systems"], id="a-system-in-the-singular-is-a-programme"),
    pytest.param("The House voted on the bill, and the White House said it would veto it. The "
                 "House will vote again next week.", ["House", "White House", "House"],
                 ["House", "White House"], id="a-seat-of-government-is-named-whole"),
    pytest.param("The cell planned to hit a bus on the Arlo-Brevik road, and the Norland "
                 "Transport Agency closed the Arlo-Brevik road for a day.",
                 ["Arlo-Brevik", "Norland Transport Agency", "Arlo-Brevik"],
                 ["Norland Transport Agency"], id="a-name-before-a-roads-noun-names-the-road"),
    pytest.param("The Commerce Bureau added the firms to its Entity List on Monday.",
                 ["Commerce Bureau", "Entity List"], ["Commerce Bureau"],
                 id="a-list-a-policy-keeps-is-none"),
    pytest.param("Halvard Shipping said it had spoken to the captain of the Kestrel Dawn. Twelve "
                 "sailors were aboard the Arlo Wind, and the Norland Navy sent a frigate.",
                 ["Halvard Shipping", "Kestrel Dawn", "Arlo Wind", "Norland Navy"],
                 ["Halvard Shipping", "Norland Navy"], id="a-ships-crew-or-passengers-name-a-vessel"),
])
def test_what_a_name_stands_beside_says_it_names_no_body(text: str, names: list[str],
                                                          kept: list[str]) -> None:
    """Names an organisation filter passes over by the words around them (products.py,
    gazetteer.NON_ORG_TAILS, orgs._a_common_nouns_acronym) or keeps whole."""
    assert sorted(_built(text, names)) == kept


def test_a_body_of_a_place_split_by_the_model_is_one_body_and_the_place_stays() -> None:
    from extract.entities import find_mentions
    text = "The Harbour Pilots Association of Ghana said the port was unsafe."
    spans = [tag(text, "The Harbour Pilots Association", "ORG"), tag(text, "Ghana", "GPE")]
    found = {(m.text, m.kind) for m in find_mentions(spans, text)}
    assert found == {("Harbour Pilots Association of Ghana", "org"), ("Ghana", "place")}
    # Written alone elsewhere, the short name is the body's own; a company's "of" tells origin.
    text = "The Harbour Pilots Association of Ghana met. The Harbour Pilots Association said no."
    spans = [tag(text, "The Harbour Pilots Association", "ORG"), tag(text, "Ghana", "GPE")]
    assert "Harbour Pilots Association of Ghana" not in {m.text for m in find_mentions(spans, text)}
    text = "Kell Electronics of South Korea said profits rose."
    spans = [tag(text, "Kell Electronics of", "ORG"), tag(text, "South Korea", "GPE")]
    assert {m.text for m in find_mentions(spans, text)} == {"Kell Electronics", "South Korea"}


def test_the_last_two_names_of_a_list_in_one_span_are_two_bodies() -> None:
    from extract.entities import find_mentions
    text = "Vantor, Kell Systems and Orvel Dynamics spent $5 billion. Customs and Border Patrol agreed."
    spans = [tag(text, "Vantor", "ORG"), tag(text, "Kell Systems and Orvel Dynamics", "ORG"),
             tag(text, "Customs and Border Patrol", "ORG")]
    assert [m.text for m in find_mentions(spans, text) if m.kind == "org"] == [
        "Vantor", "Kell Systems", "Orvel Dynamics", "Customs and Border Patrol"]


def test_cabinet_composes_an_office_title_and_names_no_body_there() -> None:
    record = _facts("Chief Cabinet Secretary Aiko Morita said the plan was sound.")
    assert [(p["name"], p["titles"]) for p in record["people"]] == [
        ("Aiko Morita", ["Chief Cabinet Secretary"])]
    assert record["organizations"] == []


def test_a_legal_forms_abbreviation_and_a_plural_units_word_end_bodies_names() -> None:
    from extract.entities import find_mentions
    text = "Kell Ferries Co said sales rose. The Tarn Brigades claimed the attack."
    spans = [tag(text, "The Tarn Brigades", "PERSON")]
    kinds = {m.text: m.kind for m in find_mentions(spans, text)}
    assert kinds.get("Tarn Brigades") == "org" and kinds.get("Kell Ferries Co") != "person"


def test_a_named_operation_or_exercise_is_no_body() -> None:
    from extract.entities import find_mentions
    from extract.orgs import build_orgs
    text = "Operation Kell Shield was extended, and Exercise Tern Gale began. Kellcorp agreed."
    spans = [tag(text, "Operation Kell Shield", "ORG"), tag(text, "Exercise Tern Gale", "ORG"),
             tag(text, "Kellcorp", "ORG")]
    assert [o.name for o in build_orgs(find_mentions(spans, text), text, set())] == ["Kellcorp"]


def test_names_the_model_tagged_apart_in_a_list_are_not_joined_at_its_and() -> None:
    from extract.entities import find_mentions
    text = "Vantor, Kell Systems and Orvel Dynamics spent $5 billion."
    spans = [tag(text, "Vantor", "ORG"), tag(text, "Kell Systems", "ORG"), tag(text, "Orvel Dynamics", "ORG")]
    assert [m.text for m in find_mentions(spans, text) if m.kind == "org"] == [
        "Vantor", "Kell Systems", "Orvel Dynamics"]
