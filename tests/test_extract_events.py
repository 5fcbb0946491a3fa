"""Dated events, agreements with status, and topics."""

from __future__ import annotations

import pytest

from extract import DEFAULT_TAXONOMY, article_from_text, extract_facts
from extract.dates import parse_iso
from extract.temporal import find_dates


def _dates(text: str, published: str) -> list[str]:
    return [d.iso for d in find_dates(text, 0, len(text), parse_iso(published))]


def test_explicit_dates() -> None:
    assert _dates("The attack on 22 April 2025 and the raid on May 15.", "2025-11-20") == [
        "2025-04-22", "2025-05-15"]
    assert _dates("He was born in 1889.", "2019-11-20") == ["1889"]
    assert _dates("The fleet was grounded in March 2019.", "2019-11-20") == ["2019-03"]


def test_relative_dates_resolve_against_published() -> None:
    # 2019-11-20 is a Wednesday
    assert _dates("Officials said on Tuesday.", "2019-11-20") == ["2019-11-19"]
    assert _dates("The crash happened on Wednesday.", "2019-11-20") == ["2019-11-20"]
    assert _dates("India saw two attacks last year.", "2019-11-20") == ["2018"]
    assert _dates("Talks will resume next month.", "2019-11-20") == ["2019-12"]
    assert _dates("The summit will be held on Friday.", "2019-11-20") == ["2019-11-22"]
    assert _dates("Tariffs start in mid-December.", "2019-11-20") == ["2019-12"]


def test_a_weekday_before_a_date_is_part_of_it_and_fixes_the_year() -> None:
    # 6 December 2019 is a Friday: the weekday names no other day, and it tells the year
    # even where the tense would not.
    assert _dates("Tickets went on sale Friday, December 6, at 10 a.m.", "2019-11-19") == [
        "2019-12-06"]
    assert _dates("The court sat on Thursday, the 6th of December.", "2019-11-19") == ["2018-12-06"]


def test_a_month_of_a_year_named_relative_to_publication_is_one_date() -> None:
    published = "2019-11-20"
    assert _dates("The rule was passed in September last year.", published) == ["2018-09"]
    assert _dates("The yard opens in March next year.", published) == ["2020-03"]
    assert _dates("It was agreed in April of this year.", published) == ["2019-04"]


def test_an_iso_date_is_a_date_and_a_wrong_one_none() -> None:
    assert _dates("The notice is dated 2019-11-05.", "2019-11-20") == ["2019-11-05"]
    assert _dates("Part 2019-13-45 was recalled.", "2019-11-20") == []


def test_the_next_day_counts_from_the_day_the_story_last_named() -> None:
    events = _events("Rebels attacked the port of Arlo on Monday, officials said.\n"
                     "The next day, the navy began an evacuation of the town.\n"
                     "A day later, Nordvik Ferries cancelled its sailings.",
                     published="2019-11-20")
    assert [(e["date"], e["what"]) for e in events] == [
        ("2019-11-18", "Rebels attacked the port of Arlo"),
        ("2019-11-19", "navy began an evacuation of the town"),
        ("2019-11-20", "Nordvik Ferries cancelled its sailings")]


def test_a_year_or_a_week_later_counts_from_the_date_last_named_at_its_precision() -> None:
    events = _events("Arlo Ferries launched its first hybrid ferry in 2015.\n"
                     "A year later, Arlo Ferries ordered two more.\n"
                     "Rebels shelled the port on 3 March 2019.\n"
                     "Two weeks later, Norland Navy sent two frigates to the port.",
                     published="2019-11-20")
    assert [e["date"] for e in events] == ["2015", "2016", "2019-03-03", "2019-03"]


def test_a_day_counted_past_publication_from_a_planned_day_is_none_for_a_past_event() -> None:
    # The final is still to come; "two days after" it, a past event cannot have happened.
    events = _events("The final will be played on Sunday.\nTwo days after winning the "
                     "semi-final, Arlo Rovers signed a new coach.", published="2019-11-20")
    assert [e["date"] for e in events if "coach" in e["what"]] == []


def test_the_first_of_a_kind_since_a_year_compares_and_dates_nothing() -> None:
    assert _dates("Arlo won its first away cup match since 2011.", "2019-11-20") == []
    assert _dates("Arlo won the cup in 2011.", "2019-11-20") == ["2011"]


def test_the_end_of_a_stretch_after_through_dates_nothing() -> None:
    assert _dates("Arlo plans to spend $2 billion on ferries through November 2028.",
                  "2019-11-20") == []
    assert _dates("The yard will deliver the first ferry in 2024.", "2019-11-20") == ["2024"]


def test_a_works_title_after_a_years_possessive_dates_its_release() -> None:
    events = _events("The festival showed 2014's Harbour Lights and 2016's The Long Tide Home. "
                     "Crews from 2019's Hurricane Ivo and 2018's March vote were honoured.",
                     published="2019-11-20")
    assert [(e["date"], e["what"]) for e in events if str(e["what"]).startswith("release")] == [
        ("2014", "release of Harbour Lights"), ("2016", "release of The Long Tide Home")]


def test_concludes_is_a_verb_of_a_schedules_end() -> None:
    assert _dates("The tour concludes October 10 in Oslo.", "2019-11-19") == ["2020-10-10"]


def test_one_event_noun_on_one_date_is_one_event() -> None:
    events = _events("At last week's hearing, two witnesses backed the plan. Senator Ines Doyle "
                     "referred to those comments at last week's hearing.", published="2019-11-20")
    assert len([e for e in events if str(e["what"]).endswith("hearing")]) == 1


def test_a_phrase_never_ends_with_an_auxiliary() -> None:
    events = _events("New electric ferries, several small tugs and a futuristic electric station "
                     "hull concept boat from Arlo Yards are among the models on display this week "
                     "at the Bergen Boat Show.", published="2019-11-20")
    assert events and not any(str(e["what"]).split()[-1] in ("are", "is", "was", "were")
                              for e in events)


def test_this_weekday_is_of_publications_week_and_a_weekday_is_none() -> None:
    # 2019-11-20 is a Wednesday.
    assert _dates("The ferry sails this Friday.", "2019-11-20") == ["2019-11-22"]
    assert _dates("The ferry sailed this Monday.", "2019-11-20") == ["2019-11-18"]
    assert _dates("The vote came on Nov. 5, a Tuesday.", "2019-11-20") == ["2019-11-05"]


def test_in_two_weeks_is_a_date_for_plans_and_a_stretch_otherwise() -> None:
    assert _dates("The yard will open in two weeks.", "2019-11-20") == ["2019-12"]
    assert _dates("The yard opens in three days.", "2019-11-20") == ["2019-11-23"]
    assert _dates("Fares doubled in two years.", "2019-11-20") == []


def test_the_moon_is_no_articles_place_for_its_undated_places() -> None:
    text = ("The lander will touch down on the Moon in 2024. Crews will live on the Moon and "
            "orbit the Moon. The House held a hearing in September on the lunar programme.")
    events = _events(text, published="2019-11-20")
    assert {(e["date"], e["where"]) for e in events} >= {("2024", "Moon"), ("2019-09", None)}


def test_a_month_coordinated_with_another_is_a_date_too() -> None:
    published = "2019-11-20"
    assert _dates("Talks were held in January and February.", published) == ["2019-01", "2019-02"]
    assert _dates("Fares rose between March and June.", published) == []  # a stretch
    assert _dates("Fares rose from 2004 to 2017.", published) == ["2004", "2017"]


def test_a_numeric_date_reads_in_either_order_and_nearer_publication_when_both_do() -> None:
    published = "2019-11-20"
    assert _dates("The pier closed on 25/10/2019.", published) == ["2019-10-25"]
    assert _dates("The pier closed on 10/25/2019.", published) == ["2019-10-25"]
    assert _dates("The pier closed on 05.11.2019.", published) == ["2019-11-05"]
    assert _dates("The pier closed on 31/02/2019.", published) == []


def test_named_days_are_dates_of_their_year() -> None:
    # US Election Day 2019 fell on 5 November, Thanksgiving on the 28th, Memorial Day on 27 May.
    published = "2019-11-20"
    assert _dates("Voters queued for hours on Election Day.", published) == ["2019-11-05"]
    assert _dates("The ferry will run on Thanksgiving.", published) == ["2019-11-28"]
    assert _dates("The port closed on Memorial Day.", published) == ["2019-05-27"]
    assert _dates("The yard promised the hull by Christmas.", published) == ["2018-12-25"]
    assert _dates("The yard will deliver the hull by Christmas.", published) == ["2019-12-25"]
    assert _dates("Supplies reached Christmas Island by sea.", published) == []


@pytest.mark.parametrize(("text", "expected"), [
    # Easter 2019 fell on 21 April; Thanksgiving on 28 November.
    ("Crowds filled the harbour chapel on Good Friday.", ["2019-04-19"]),
    ("The ferry ran an extra sailing on Easter Monday.", ["2019-04-22"]),
    ("Chandlers cut their prices on Black Friday.", ["2019-11-29"]),
    ("The shop sold out on Cyber Monday.", ["2019-12-02"]),
    # A weekday after a capitalised word ends a name, not a day of this week.
    ("Turnout was high on Super Tuesday.", []),
    ("Marchers remembered Bloody Sunday.", []),
    ("The Good Friday Agreement was signed in 1998.", ["1998"]),
    ("The harbour master said Monday the quay was safe.", ["2019-12-09"]),
    ("Monday brought calmer seas.", ["2019-12-09"]),
])
def test_feasts_and_shopping_days_are_named_days(text: str, expected: list[str]) -> None:
    assert _dates(text, "2019-12-11") == expected


def test_simple_present_of_a_schedule_is_future() -> None:
    # Quirk et al. 4.42: "the tour kicks off June 9" is a plan, next June when written in November.
    assert _dates("The tour kicks off June 9 in Bergen and wraps up October 10 in Oslo.",
                  "2019-11-19") == ["2020-06-09", "2020-10-10"]
    assert _dates("The new model goes on sale in late January.", "2019-11-19") == ["2020-01"]


def test_month_without_year_before_publication_is_last_year() -> None:
    assert _dates("The drill was held on October 18.", "2020-01-05") == ["2019-10-18"]


def test_month_without_year_takes_the_tense_of_its_clause() -> None:
    # Published in November: a plan announced "in March" is this year's March, a session
    # that "starts in January" next year's; the nearest tense cue decides.
    assert _dates("It follows another plan announced by the ministry in March.", "2019-11-20") == [
        "2019-03"]
    assert _dates("Lawmakers meet before the session that starts in January.", "2019-11-20") == [
        "2020-01"]
    assert _dates("In May, the two navies will hold a joint drill.", "2019-11-20") == ["2020-05"]
    # A planned day weeks before publication is next year's; a few days before, this year's.
    assert _dates("Kell will face Arlo on May 18.", "2025-06-11") == ["2026-05-18"]
    assert _dates("The vote will be held on June 5.", "2025-06-11") == ["2025-06-05"]
    # A verb of saying in the past reports the "would" after it.
    assert _dates("In a speech on Tuesday, Ruiz said the ferry would run.", "2025-06-11") == [
        "2025-06-10"]
    # "expected to", "scheduled to" after "is" plan, though shaped like a passive.
    assert _dates("The guild is expected to vote on the offer on Thursday.", "2025-06-11") == [
        "2025-06-12"]
    assert _dates("The ferry is scheduled to sail in March.", "2025-06-11") == ["2026-03"]
    # Not after "been": a schedule already past ("had been scheduled for October 29").
    assert _dates("The launch had been scheduled for October 29 but slipped.", "2026-11-07") == [
        "2026-10-29"]


def test_durations_are_not_dates() -> None:
    assert _dates("Civilians killed so far this year.", "2019-11-20") == []
    # A reporting period named by its end is a stretch, too.
    assert _dates("Fares rose 8% in the three months ended Sept. 30.", "2019-11-20") == []


def test_events_have_date_what_where() -> None:
    text = ("They condemned the terrorist attack in Pahalgam on 22 April 2025.\n"
            "The Senate held a hearing on Tuesday.")
    events = extract_facts(article_from_text(text, published="2025-11-20"))["events"]
    assert {"date": "2025-04-22", "what": "terrorist attack in Pahalgam", "where": "Pahalgam"} in [
        {k: e[k] for k in ("date", "what", "where")} for e in events]
    assert any(e["date"] == "2025-11-18" and "hearing" in e["what"] for e in events)


def test_agreement_status_from_cues() -> None:
    text = ("India and France on Monday signed a Submarine Support Agreement.\n"
            "They opened negotiations on a Space Cooperation Treaty.\n"
            "Brazil suspended the Fisheries Access Accord last year.\n"
            "Chile proposed a Regional Ocean Charter to its neighbours.\n"
            "The Arms Reduction Pact entered into force in 2021.")
    agreements = extract_facts(article_from_text(text, published="2024-03-05"))["agreements"]
    status = {a["name"]: a["status"] for a in agreements}
    assert status == {
        "Submarine Support Agreement": "signed",
        "Space Cooperation Treaty": "negotiating",
        "Fisheries Access Accord": "suspended",
        "Regional Ocean Charter": "proposed",
        "Arms Reduction Pact": "in force",
    }


def test_agreement_parties_from_hyphenated_prefix() -> None:
    text = "The two sides agreed upon the India-EU Trade and Technology Partnership."
    agreements = extract_facts(article_from_text(text, published="2024-03-05"))["agreements"]
    assert agreements[0]["parties"] == ["India", "European Union"]
    assert agreements[0]["status"] == "signed"


def test_an_agreement_name_keeps_neither_a_leading_occurrence_nor_a_sentence_stop() -> None:
    text = ("Talks on the Kell-Arlo Ferry Accord resumed on Monday.\n"
            "The guild ratified the new wage contract with Kell Ferries.\n"
            "Norland left the Short-Range Ferry Treaty in 2029.\n"
            "The nuclear pact, formally the Joint Harbour Plan of Action, was signed in 2028.")
    agreements = extract_facts(article_from_text(text, published="2031-03-05"))["agreements"]
    found = {a["name"]: (a["parties"], a["status"]) for a in agreements}
    assert found["Kell-Arlo Ferry Accord"][1] == "negotiating"
    assert "contract with Kell Ferries" in found
    assert found["Short-Range Ferry Treaty"][0] == ["Norland"]  # "Short-Range" names no sides
    assert found["nuclear pact"][1] == "signed"  # "Plan" is a word of a name, no cue


def test_an_agreement_named_by_its_kind_first_keeps_its_subject_and_not_its_body() -> None:
    text = ("The Treaty on the Protection of Ferry Crews entered into force in 2029.\n"
            "The Liaison Centre of the Kell Harbour Accord logged 40 calls.\n"
            "Agreement was reached on Monday.")
    agreements = extract_facts(article_from_text(text, published="2031-03-05"))["agreements"]
    assert [a["name"] for a in agreements] == ["Treaty on the Protection of Ferry Crews",
                                               "Kell Harbour Accord"]


def test_a_deal_named_by_its_value_and_a_signing_still_to_come() -> None:
    text = ("Kell Yards won a $2 billion ferry contract from the guild.\n"
            "The yard reported $3 billion in orders.\n"
            "Officials said the Arlo Harbour Accord would be signed next month.")
    agreements = extract_facts(article_from_text(text, published="2031-03-05"))["agreements"]
    assert [(a["name"], a["status"]) for a in agreements] == [
        ("$2 billion ferry contract", "signed"), ("Arlo Harbour Accord", "proposed")]


def test_a_partnership_between_two_bodies_has_them_as_its_parties() -> None:
    text = ("The guild praised the ten-year partnership between the Kell Harbour Authority and "
            "Arlo Ferries Ltd, which began in 2029.")
    agreements = extract_facts(article_from_text(text, published="2031-03-05"))["agreements"]
    assert [(a["name"], a["parties"]) for a in agreements] == [
        ("partnership between the Kell Harbour Authority and Arlo Ferries Ltd",
         ["Kell Harbour Authority", "Arlo Ferries Ltd"])]


def test_a_memorandum_of_understanding_in_lower_case_is_an_agreement() -> None:
    text = "Kell and Arlo signed a memorandum of understanding on ferry safety with the guild."
    agreements = extract_facts(article_from_text(text, published="2031-03-05"))["agreements"]
    assert [(a["name"], a["status"]) for a in agreements] == [
        ("memorandum of understanding on ferry safety", "signed")]


def test_agreements_named_by_a_place_a_subject_area_or_an_acronym() -> None:
    text = ("Under the Minsk agreements, the guild kept its quay.\n"
            "Ana Ruiz said the ferry climate accord was working.\n"
            "Officials said the KELT treaty expires in May.\n"
            "The Kell deal was praised by the guild.")
    agreements = extract_facts(article_from_text(text, published="2031-03-05"))["agreements"]
    assert [a["name"] for a in agreements] == [
        "Minsk agreements", "climate accord", "KELT treaty"]


def test_commercial_and_political_deals_and_orders_counted_in_words_are_agreements() -> None:
    text = ("Kell Yards won a contract to build four ferries, officials said.\n"
            "The two firms announced a merger agreement in March.\n"
            "The parties signed a coalition agreement on Friday.")
    agreements = extract_facts(article_from_text(text, published="2031-03-05"))["agreements"]
    assert [a["name"] for a in agreements] == [
        "contract to build four ferries", "merger agreement", "coalition agreement"]


def test_a_deal_named_by_its_term_agreed_by_its_sides_and_not_its_brokers() -> None:
    text = ("Kenya and Ghana agreed to a 60-day truce brokered by Egypt and Qatar.\n"
            "Norway and Iceland signed a readmission agreement on Friday.")
    agreements = extract_facts(article_from_text(text, published="2031-03-05"))["agreements"]
    assert [(a["name"], a["parties"], a["status"]) for a in agreements] == [
        ("60-day truce", ["Kenya", "Ghana"], "signed"),
        ("readmission agreement", ["Norway", "Iceland"], "signed")]


def test_topics_default_and_custom_taxonomy() -> None:
    text = ("The navy stepped up anti-piracy patrols to protect maritime security. "
            "Warships escorted tankers through the strait.")
    article = article_from_text(text, published="2024-03-05")
    assert extract_facts(article)["topics"] == ["maritime security"]
    custom = {"shipping": ["tankers", "strait"]}
    assert extract_facts(article, custom)["topics"] == ["shipping"]
    assert "counter-terrorism" in DEFAULT_TAXONOMY


def test_parenthesised_years_and_both_ends_of_a_span() -> None:
    assert _dates("He flew in the Tamar Campaign (1976) and stayed.", "2025-01-01") == ["1976"]
    assert _dates("The probe mapped Io from 2003 to 2016.", "2025-01-01") == ["2003", "2016"]
    assert _dates("Fraud ran from at least 1998 to 2001.", "2025-01-01") == ["1998", "2001"]
    assert _dates("the 1998-2001 fraud", "2025-01-01") == ["1998", "2001"]


def _events(text: str, published: str = "2025-06-11") -> list[dict[str, object]]:
    return extract_facts(article_from_text(text, published=published))["events"]


def test_event_phrase_from_a_past_verb_without_an_event_noun() -> None:
    events = _events("Nordlys Ferries unveiled a new timetable for the islands on Monday.")
    assert [(e["date"], e["what"]) for e in events] == [
        ("2025-06-09", "Nordlys Ferries unveiled a new timetable for the islands")]


def test_plain_past_verb_without_a_named_actor_dates_no_event() -> None:
    assert _events("Costs rose sharply, helped by cheaper steel shipped in March 2025.") == []


def test_event_noun_phrase_keeps_its_complement_not_the_verb_before_it() -> None:
    events = _events("Harbour workers staged a strike at the container port on 3 May 2025.")
    assert [(e["date"], e["what"]) for e in events] == [("2025-05-03", "strike at the container port")]


def test_verbs_of_saying_date_no_event() -> None:
    assert _events("The mayor noted on Monday that the budget is tight.") == []


def test_dates_inside_quotations_are_reported_speech() -> None:
    text = "\u201cWe expect the bridge to be finished in 2027 and opened by the queen,\u201d she said."
    assert _events(text) == []


def test_the_date_and_its_preposition_are_left_out_of_the_phrase() -> None:
    events = _events("The council approved on Tuesday a plan to widen the canal.")
    assert events and all("Tuesday" not in str(e["what"]) and not str(e["what"]).startswith("on")
                          for e in events)


def _agreements(text: str) -> dict[str, object]:
    found = extract_facts(article_from_text(text, published="2024-03-05"))["agreements"]
    return {a["name"]: a for a in found}


def test_deals_named_by_their_sides() -> None:
    found = _agreements(
        "The Norrland-Baltic Ferries deal was signed on Monday.\n"
        "The agency will spend $2 billion on its HARBR contracts through 2030.\n"
        "The brewer still has a partnership with Kestrel Foods to sell its cider.")
    assert "Norrland-Baltic Ferries deal" in found
    assert found["Norrland-Baltic Ferries deal"]["status"] == "signed"
    assert "HARBR contracts" in found
    assert "partnership with Kestrel Foods" in found


def test_the_publishers_terms_with_its_reader_are_no_agreement() -> None:
    found = _agreements("Use of this material is governed by our Subscriber Agreement.\n"
                        "Read your Licence Agreement before copying.")
    assert found == {}


def test_a_passive_names_the_event_by_its_noun_and_subject() -> None:
    text = ("On 4 March 2025, more than 40 fishermen, including two boys, were detained by the "
            "coast guard off Dakhla. The two trawlers were seized in Nouadhibou on Friday.")
    events = _events(text)
    assert [(e["date"], e["what"]) for e in events] == [
        ("2025-03-04", "detention of more than 40 fishermen"),
        ("2025-06-06", "seizure of the two trawlers")]


def test_a_verb_of_saying_with_no_named_subject_dates_no_event() -> None:
    assert _events("It was announced on Monday.") == []


def test_a_witness_dating_what_they_did_inside_a_quote_is_an_event() -> None:
    text = ("“I boarded a flight on 15 May 2025 and reached the border a day later,” said "
            "Arun Bedi, who was sent back in June.")
    assert [e["date"] for e in _events(text)][:1] == ["2025-05-15"]


def test_a_long_sentence_keeps_its_date_in_the_timeline_line() -> None:
    text = ("Port director Ilse Varga said after the board meeting at the harbour office in the "
            "old town that the two dredging firms, working with the city engineers and the "
            "navy's divers, would begin clearing the northern channel in March 2027 before the "
            "new ferries arrive.")
    events = _events(text)
    assert events and all("March 2027" in str(e["description"]) for e in events)
    assert all(str(e["description"]).startswith("Port director Ilse Varga said") for e in events)


def test_a_purchase_deal_is_named_without_its_circumstances() -> None:
    text = "Norland signed a contract worth 210 million euros with Kestrel Yards on Friday for four tugs."
    names = [a["name"] for a in extract_facts(article_from_text(text, published="2026-05-04"))["agreements"]]
    assert names == ["contract worth 210 million euros with Kestrel Yards"]


def test_a_participle_after_a_present_be_is_no_past() -> None:
    from extract.temporal import clause_tense

    text = "They are guaranteed a landing slot in 2027."
    assert clause_tense(text, (text.find("in 2027"), text.find("in 2027") + 7)) is None
    text = "The crew was rescued in March."
    assert clause_tense(text, (text.find("in March"), text.find("in March") + 8)) == "past"


def test_the_reference_point_of_a_comparison_dates_nothing() -> None:
    assert _dates("Turnout was the highest since 1998, officials said.", "2025-01-01") == []
    assert _dates("The party won the city for the first time since 2004.", "2025-01-01") == []
    assert _dates("The pact has been in force since 2011.", "2025-01-01") == ["2011"]


def test_nouns_and_causes_are_no_future_cues() -> None:
    # "the plan" names a document and "due to" a cause; only "plans to", "is due" look ahead.
    assert _dates("Flights were cancelled due to fog in March.", "2019-11-06") == ["2019-03"]
    assert _dates("The plan was approved by the cabinet in March.", "2019-11-06") == ["2019-03"]
    assert _dates("The ministry plans to sign the deal in March.", "2019-11-06") == ["2020-03"]


def test_verbs_of_thinking_date_no_event() -> None:
    assert _events("Harbour economists estimated in March 2025 that traffic would double.") == []


def _phrases(text: str, published: str = "2025-06-11") -> list[tuple[str, str]]:
    return [(str(e["date"]), str(e["what"])) for e in _events(text, published)]


def test_the_event_word_of_the_dates_own_clause_wins_over_a_nearer_one_elsewhere() -> None:
    # "talks" is nearer to "in May" but told in the next clause; the attack is what May dates.
    events = _phrases("The attack on the base in the north of the country came in May, "
                      "days before the talks.")
    assert events and "attack" in events[0][1] and "talks" not in events[0][1]


def test_a_noun_of_action_in_the_dates_clause_is_an_event_word() -> None:
    # "installation" is in no list of event nouns: its suffix makes it a noun of action.
    events = _phrases("Crews finished the bridge after the installation in early May of its "
                      "last steel span.")
    assert [d for d, what in events if "installation" in what] == ["2025-05"]


def test_a_year_before_or_after_a_possessive_dates_what_it_names() -> None:
    assert _dates("2009's remake was a hit.", "2019-11-20") == ["2009"]
    assert _dates("Donors funded the senator's 2016 campaign.", "2019-11-20") == ["2016"]
    assert _dates("Lawmakers meet ahead of their 2020 session.", "2019-11-20") == ["2020"]
    assert _dates("Its 2018 figures were revised.", "2019-11-20") == ["2018"]


def test_a_relative_clause_takes_the_name_before_it_as_its_subject() -> None:
    events = _phrases("Voters applauded Governor Ana Ruiz, who lost her seat last month, at the fair.")
    assert ("2025-05", "Ana Ruiz lost her seat") in events


def test_a_plan_is_dated_by_the_verb_after_its_verb_of_planning() -> None:
    events = _phrases("The port authority plans to build a second terminal by 2030.")
    assert events == [("2030", "port authority plans to build a second terminal")]


def test_an_infinitive_joined_to_a_plan_s_is_planned_too() -> None:
    events = _phrases("Kell aims to open the quay by 2030 and to close the old pier by 2032.")
    assert events == [("2030", "Kell aims to open the quay"), ("2032", "close the old pier")]


def test_an_event_in_a_sentence_without_a_place_is_placed_at_the_articles_place() -> None:
    text = ("Lagos traders said prices in Lagos doubled. Lagos is the largest city of Nigeria.\n"
            "The ferry operators announced a strike on Monday.")
    events = extract_facts(article_from_text(text, published="2025-06-11"))["events"]
    assert [e["where"] for e in events if "strike" in str(e["what"])] == ["Lagos"]
    # With no place named at least three times, the place stays unknown.
    events = extract_facts(article_from_text(text.replace("Lagos traders", "Traders"),
                                             published="2025-06-11"))["events"]
    assert [e["where"] for e in events if "strike" in str(e["what"])] == [None]


def test_the_place_of_an_event_is_one_a_preposition_of_place_governs() -> None:
    text = ("In London, Ana Ruiz beat Ida Brekke of Norway on Sunday.\n"
            "Kenya's delegates met on Monday.")
    events = extract_facts(article_from_text(text, published="2025-06-11"))["events"]
    assert [e["where"] for e in events] == ["London", "Kenya"]  # none governed: the nearest


def test_a_compass_adjective_may_stand_between_a_preposition_of_place_and_its_place() -> None:
    events = _events("Rebels attacked a convoy in northern Mali, near the border with Niger, on Monday.")
    assert [e["where"] for e in events] == ["Mali"]


def test_a_place_of_origin_is_never_where_an_event_was() -> None:
    text = ("Delegates from Kenya and Ghana met on Monday.\n"
            "Ida Brekke of Norway won the title in the final on Sunday.")
    events = extract_facts(article_from_text(text, published="2025-06-11"))["events"]
    assert [(e["what"], e["where"]) for e in events] == [
        ("meeting of Kenya and Ghana", None), ("final", None)]


def test_a_place_in_what_a_joined_verb_of_saying_reports_is_not_where_the_event_was() -> None:
    events = _events("Budgets are rising. Greece has doubled its navy's budget since 2020 and has "
                     "said it wants more patrols in the Aegean Sea.")
    assert [e["where"] for e in events] == ["Greece"]


def test_a_coarser_date_of_the_same_sentence_dates_nothing_more() -> None:
    # "2020" and "January" date one session: only the finer date is kept.
    events = _phrases("Delegates gather for talks ahead of their 2020 session that opens in January.",
                      "2019-11-20")
    assert events and {d for d, _ in events} == {"2020-01"}


def test_an_event_verb_without_an_object_is_named_by_its_noun_and_subject() -> None:
    assert ("2025-06-09", "return of nearly 200 fishermen") in _phrases(
        "Nearly 200 fishermen returned home on Monday after the storm.")
    assert ("2025-06-10", "fall of Harbourline shares") in _phrases(
        "Harbourline shares fell sharply on Tuesday after the ferry strike.")
    # "released by": a passive, not a verb without an object.
    assert not any(what.startswith("release of") for _, what in _phrases(
        "Figures released by the port on Monday show a fall in traffic."))


def test_a_month_before_the_noun_it_dates_is_a_date() -> None:
    assert _dates("She testified at a September hearing of the committee.", "2019-11-18") == [
        "2019-09"]


def test_a_plain_past_verb_with_a_named_agent_dates_an_event() -> None:
    events = _phrases("Five firms join nine others selected by Harbourworks in November 2024.")
    assert [d for d, what in events if "selected by Harbourworks" in what] == ["2024-11"]


def test_a_passive_subject_skips_modals_asides_and_the_verb_of_saying_before_it() -> None:
    assert ("2025-06-19", "signing of the agreement") in _phrases(
        "Larsen said the agreement would be signed on June 19.")
    assert ("2025-06-04", "approval of the contract") in _phrases(
        "The contract, with shipbuilder Nordhavn Yards, was approved by the cabinet on June 4.")


def test_spans_of_time_ago_are_counted_back_from_publication() -> None:
    assert _dates("Two years ago, the yard closed.", "2019-11-20") == ["2017"]
    assert _dates("The pier opened three months ago.", "2019-11-20") == ["2019-08"]
    assert _dates("The ferry sank 10 days ago.", "2019-11-20") == ["2019-11-10"]
    assert _dates("The strike began a week ago.", "2019-11-20") == ["2019-11"]
    assert _dates("Prices peaked in mid-2018.", "2019-11-20") == ["2018"]


def test_an_event_noun_is_named_by_its_noun_phrase_not_the_clause_around_it() -> None:
    # The phrase stops at the verb after the noun, and runs on through "of" before it and
    # through one complement after it.
    assert [e["what"] for e in _events("The stabbing occurred on Tuesday during a concert in Lyon.")] \
        == ["stabbing"]
    assert [e["what"] for e in _events("The next round of tariffs on steel imports is due in "
                                       "December.")] == ["next round of tariffs on steel imports"]
    assert [e["what"] for e in _events("Officials confirmed the sale of four patrol boats to Ghana "
                                       "on Monday.")] == ["sale of four patrol boats to Ghana"]


def test_an_event_noun_after_a_modal_or_to_is_a_verb() -> None:
    events = _events("Keller will return to the series in 2027, the studio said.")
    assert [e["what"] for e in events] == ["Keller will return to the series"]


def test_a_passive_whose_subject_is_a_pronoun_is_named_by_its_noun_alone() -> None:
    events = _events("The essays were written over the summer. They will be released in October "
                     "on the museum website.")
    assert [(e["date"], e["what"]) for e in events] == [("2025-10", "release")]


def test_the_nearest_past_verb_with_a_named_actor_dates_the_event() -> None:
    # "lost" is nearer the date, but nobody is named before it in its clause.
    text = ("The governing party kept the province, though its candidate, Rosa Imbert, lost by "
            "three points, a reversal from six years ago, when Liberal Tomas Okoro won easily.")
    events = _events(text, published="2031-10-02")
    assert [(e["date"], e["what"]) for e in events] == [("2025", "Liberal Tomas Okoro won easily")]


# "last/next <month>" is the nearest such month strictly before or after publication; seasons,
# weekends and decades ago; a month after "through" or "as of", and a month's possessive.
# (2019-11-20 is a Wednesday; the Saturday before it is 2019-11-16.)
@pytest.mark.parametrize(("text", "published", "expected"), [
    ("The partnership began last November.", "2019-11-18", ["2018-11"]),
    ("The partnership began last March.", "2019-11-18", ["2019-03"]),
    ("The plant opens next March.", "2019-11-18", ["2020-03"]),
    ("The plant opens next November.", "2019-11-18", ["2020-11"]),
    ("The pier was rebuilt last spring.", "2019-11-20", ["2019"]),
    ("The pier was rebuilt last autumn.", "2019-11-20", ["2018"]),
    ("The pier opens next summer.", "2019-11-20", ["2020"]),
    ("The pier was rebuilt in the summer of 2017.", "2019-11-20", ["2017"]),
    ("Storms hit the coast over the weekend.", "2019-11-20", ["2019-11"]),
    ("Storms hit the coast over the weekend.", "2019-12-02", ["2019-11"]),
    # Friday 2019-11-01 and Monday 2019-09-30: this weekend is the one of that week.
    ("Ferries run a Sunday service this weekend.", "2019-11-01", ["2019-11"]),
    ("Ferries run a Sunday service this weekend.", "2019-09-30", ["2019-10"]),
    ("The mill closed two decades ago.", "2019-11-20", ["1999"]),
    ("Prizes go out in the last weekend of the fair.", "2019-11-20", []),
    ("The pier was rebuilt over the summer.", "2019-11-20", ["2019"]),
    ("The pier will reopen in the spring.", "2019-11-20", ["2020"]),
    ("The pier was rebuilt this past summer.", "2019-03-20", ["2018"]),
    ("Fares stay frozen through March.", "2019-11-20", []),  # the end of a stretch
    ("The Kestrel was the fastest ferry of 2018.", "2019-11-20", []),  # a comparison's set
    # The reference figure of a change; a place or a time of day after "from" is none.
    ("Fares rose to 4.10, up from 3.95 on Monday.", "2019-11-20", []),
    ("Freight reached $4 billion, up from $3.2 billion in 2018.", "2019-11-20", []),
    ("Crews logged 87 faults, up from 61 in the same period last year.", "2019-11-20", []),
    ("Ferries sailed from Bergen on Monday.", "2019-11-20", ["2019-11-18"]),
    ("Fares rose in the first half of 2018.", "2019-11-20", ["2018"]),
    ("As of October, the pier was closed.", "2019-11-20", ["2019-10"]),
    ("September\u2019s vote was close.", "2019-11-20", ["2019-09"]),
    ("The council met this morning.", "2019-11-20", ["2019-11-20"]),
    ("Rebels shelled the port last night.", "2019-11-20", ["2019-11-19"]),
    ("A 2018 survey of the reef found less coral.", "2019-11-20", ["2018"]),
    ("They sent a 2000-strong force.", "2019-11-20", []),
    ("Fares rise at the start of March.", "2019-11-20", ["2019-03"]),
    ("The yard closed at the beginning of 2018.", "2019-11-20", ["2018"]),
    # A part of the week is of publication's week; the week alone is none.
    ("The yard was sold at the beginning of the week.", "2019-11-20", ["2019-11"]),
    ("It was the busiest day of the week.", "2019-11-20", []),
    # "returns" spelled like its plural noun is no cue of a schedule.
    ("Ferry returns in May topped forecasts.", "2019-03-20", ["2018-05"]),
    ("This past May, the pier reopened.", "2019-11-20", ["2019-05"]),
])
def test_relative_months_seasons_weekends_and_decades_are_dates(text: str, published: str,
                                                                expected: list[str]) -> None:
    assert _dates(text, published) == expected


def test_a_date_said_twice_in_one_sentence_dates_one_event() -> None:
    events = _events("The club this morning paid the fee to the league this morning.",
                     published="2019-11-20")
    assert [e["date"] for e in events] == ["2019-11-20"]


def test_a_verb_of_saying_without_an_object_reports_the_event_told_elsewhere() -> None:
    text = ("Harbor Line finalized a deal to buy 12 ferries, executives of both firms announced "
            "Wednesday at the Oslo ferry show.")
    assert [e["what"] for e in _events(text, published="2019-11-21")] == ["deal to buy 12 ferries"]
    # In a relative clause the verb's object is the name the clause follows.
    text = ("The lander is based on its Tern vehicle, which the company founder Ana Ruiz announced "
            "in March.")
    assert [e["what"] for e in _events(text, published="2019-11-21")] == [
        "company founder Ana Ruiz announced"]


def test_a_date_that_modifies_an_event_noun_dates_that_event_not_the_clauses_verb() -> None:
    # The sale is of 2018; when Arlo withdrew from it the sentence does not say.
    events = _events("Arlo Ferries withdrew from the 2018 sale of the pier. Donors gave "
                     "$5.9 million toward Ines Doyle's 2016 election campaign.",
                     published="2019-11-21")
    assert [(e["date"], e["what"]) for e in events] == [
        ("2018", "sale of the pier"), ("2016", "Ines Doyle's election campaign")]


def test_the_sentences_other_dates_and_the_part_of_a_period_stay_out_of_the_phrase() -> None:
    events = _events("Mayor Ines Doyle appointed a panel in February to report on fares by the end "
                     "of 2020.", published="2019-11-21")
    what = {str(e["date"]): str(e["what"]) for e in events}
    assert set(what) == {"2019-02", "2020"}
    assert "February" not in what["2020"] and "end" not in what["2020"]


def test_any_irregular_past_form_is_a_past_verb() -> None:
    # The forms come from the model's lemmatizer exceptions, not a hand-picked list.
    events = _events("Tom Berg fled the city in March. Arlo Ferries overtook its rival in May.",
                     published="2019-11-21")
    assert [e["what"] for e in events] == ["Tom Berg fled the city", "Arlo Ferries overtook its rival"]
    from extract.eventwords import IRREGULAR_PAST
    assert {"bought", "fled", "led", "sought"} <= IRREGULAR_PAST
    assert not {"were", "had", "did", "might", "stopped"} & IRREGULAR_PAST


def test_an_arrangement_is_a_named_agreement() -> None:
    text = "Japan and India signed the Launch Notice Arrangement in Tokyo on Monday, officials said."
    agreements = extract_facts(article_from_text(text, published="2026-11-12"))["agreements"]
    assert [(a["name"], a["status"]) for a in agreements] == [("Launch Notice Arrangement", "signed")]
    text = "The two states ratified the Harbour Fisheries Covenant in Oslo on Monday."
    agreements = extract_facts(article_from_text(text, published="2026-11-12"))["agreements"]
    assert [a["name"] for a in agreements] == ["Harbour Fisheries Covenant"]


@pytest.mark.parametrize(("text", "published", "dated"), [
    pytest.param("The Kestrel ferry was unveiled Sunday night ahead of the Bergen boat show.",
                 "2019-11-20", [("2019-11-17", "Kestrel ferry was unveiled ahead of the Bergen boat show")],
                 id="the-part-of-the-day-after-a-weekday-is-part-of-the-date"),
    pytest.param("The ministers condemned in the strongest terms the bombing in Arlo on 3 May 2025.",
                 "2025-06-11", [("2025-05-03", "bombing in Arlo")],
                 id="an-event-nouns-phrase-starts-at-its-determiner"),
    pytest.param("Harbor Line bought four ferries early this year.", "2019-11-21",
                 [("2019", "Harbor Line bought four ferries")],
                 id="early-belongs-to-the-relative-date-it-modifies"),
    pytest.param("It is unclear whether the tour goes ahead, and Tom Berg cancelled two concerts "
                 "in 2018.", "2019-11-21", [("2018", "Tom Berg cancelled two concerts")],
                 id="a-past-verb-in-the-dates-clause-wins-over-an-event-noun-in-another"),
    pytest.param("Hawley's film is still based on the 2016 script.", "2019-11-21",
                 [("2016", "Hawley's film is still based on the script")],
                 id="a-year-modifying-a-noun-leaves-the-preposition-and-article"),
    pytest.param("The union said Friday it was suspending talks with the new board of the Kell "
                 "Island Ferry Council.", "2026-11-21",
                 [("2026-11-20",
                   "suspending talks with the new board of the Kell Island Ferry Council")],
                 id="a-phrase-cut-at-its-length-ends-where-the-name-ends"),
    pytest.param("Verghese held meetings with Belgian and Dutch port officials on Friday.",
                 "2026-11-21", [("2026-11-20", "meetings")],
                 id="a-phrase-never-ends-with-an-adjective-of-nationality"),
    pytest.param("Sailors held a rescue drill in the narrow rocky channel off its eastern coast "
                 "on Monday.", "2026-11-21",
                 [("2026-11-16", "rescue drill in the narrow rocky channel")],
                 id="nor-with-one-of-the-compass-or-a-preposition"),
    pytest.param("The draft draws on the 1998 agreement between Kell and Brevik.", "2026-11-21",
                 [("1998", "agreement between Kell and Brevik")],
                 id="between-takes-its-two-sides"),
    pytest.param("The U.N. signed an accord with the U.S. on Monday.", "2026-11-21",
                 [("2026-11-16", "U.N. signed an accord with the U.S.")],
                 id="an-abbreviation-keeps-its-full-stops"),
    pytest.param("The choir's winter tour continues January 19 in Bergen; after a break later "
                 "that month, the schedule picks up March 7 in Oslo.", "2031-01-10",
                 [("2031-01-19", "choir's winter tour")],
                 id="another-dates-clause-keeps-its-event-word"),
    pytest.param("Kell and Brevik will increase joint ferry patrols from next month after the "
                 "sinking of two fishing boats off Brevik, officials said on Monday.",
                 "2031-03-05", [("2031-03-03", "sinking of two fishing boats off Brevik"),
                                ("2031-04", "Kell and Brevik will increase joint ferry patrols")],
                 id="a-date-s-clause-ends-at-the-clause-word-after-it"),
    pytest.param("The harbour master warned the board on Monday as members vote on whether "
                 "to close the quay.", "2031-03-05", [("2031-03-03", "members vote")],
                 id="a-phrase-never-ends-with-a-subordinator"),
    # A relative "which" has the noun phrase before it as its subject or object, unless it
    # names its own subject.
    pytest.param("Delegates praised the new harbour museum, which opened on Monday.",
                 "2031-03-05", [("2031-03-03", "new harbour museum opened")],
                 id="which-takes-its-antecedent"),
    pytest.param("I sold my old ferry ticket shop, which I founded in 2012, to a rival.",
                 "2031-03-05", [("2012", "my old ferry ticket shop founded")],
                 id="which-takes-its-antecedent-after-a-pronoun"),
    pytest.param("Ministers signed the Kell Fisheries Accord, which the two councils drafted in "
                 "2029.", "2031-03-05", [("2029", "two councils drafted the Kell Fisheries Accord")],
                 id="which-with-a-subject-of-its-own"),
    pytest.param("The officer, a commander from a northern navy, will arrive in January and "
                 "will work at the centre.", "2031-03-05", [("2032-01", "officer will arrive")],
                 id="the-subject-before-an-appositive"),
    pytest.param("The lamp was made by Ines Dahl, a designer born in Bergen, who has made lamps "
                 "since 2013.", "2026-11-20", [],
                 id="who-after-a-place-has-no-place-for-its-subject"),
    # A relative clause's antecedent runs back to the event noun it complements, and an event
    # noun needs no named actor; a "that" relative right after a noun takes it too, when its
    # verb or its noun tells an occurrence; the main clause's verb ends the relative clause.
    pytest.param("The strike between the ferry guild and the Kell Council, which began in "
                 "2029, has closed the quay.", "2031-03-05",
                 [("2029", "strike between the ferry guild and the Kell Council began")],
                 id="which-after-the-complement-of-an-event-noun"),
    pytest.param("A survey team that visited the quay on Monday found cracks in the pier.",
                 "2031-03-05", [("2031-03-03", "survey team visited the quay")],
                 id="that-relative-with-an-event-verb-ends-at-the-main-verb"),
    pytest.param("A strike that began on Monday has halted the ferries.", "2031-03-05",
                 [("2031-03-03", "strike began")], id="that-relative-after-an-event-noun"),
    pytest.param("My son hid the brass key that came with my old desk over the summer.",
                 "2031-03-05", [], id="that-relative-describing-a-thing-dates-nothing"),
    pytest.param("Ships crossed the strait, ending talks that began in May 2029.", "2031-03-05",
                 [("2029-05", "talks began")],
                 id="the-antecedent-stops-at-a-clause-mark-and-an-ing-clause-s-verb"),
    pytest.param("Inspectors logged 40 violations of the truce since March.", "2031-03-05",
                 [("2031-03", "40 violations of the truce")],
                 id="an-event-noun-complementing-another-s-noun-is-part-of-its-phrase"),
    # The noun phrase that opens the sentence with an article is its past verb's actor; verbs
    # joined by "and" share their subject.
    pytest.param("The ferry ran aground off the north quay on Monday.", "2031-03-05",
                 [("2031-03-03", "ferry ran aground off the north quay")],
                 id="the-opening-noun-phrase-is-the-actor"),
    pytest.param("Divers from Kell found and raised the old anchor on Monday.", "2031-03-05",
                 [("2031-03-03", "Divers from Kell found and raised the old anchor")],
                 id="verbs-joined-by-and-share-their-subject"),
    # A verb of thinking ends a phrase as any verb does; a form of "be" or "have" after a
    # past verb's object opens the predicate of the clause around it.
    pytest.param("The guild had settled the dispute at a session in Arlo on 2 March and "
                 "hoped to sign soon.", "2031-03-05",
                 [("2031-03-02", "dispute at a session in Arlo")],
                 id="a-verb-of-thinking-ends-the-phrase"),
    pytest.param("The accord the two councils signed in Arlo on Monday has been praised by "
                 "both.", "2031-03-05", [("2031-03-03", "accord the two councils signed in Arlo")],
                 id="be-or-have-after-the-object-opens-another-predicate"),
    pytest.param("A draft Kell Council plan circulated on Monday would close the quay.",
                 "2031-03-05", [("2031-03-03", "draft Kell Council plan circulated")],
                 id="a-modal-after-a-participle-opens-another-predicate"),
    # An event noun in an office's title names no occurrence; a capitalised one opens a name.
    pytest.param("Commissioner for Ferry Operations Ana Ruiz opened the pier on Monday.",
                 "2031-03-05", [("2031-03-03", "Ferry Operations Ana Ruiz opened the pier")],
                 id="an-event-noun-in-an-office-s-title-is-none"),
    pytest.param("The guild launched Operation Tern Light in May 2030.", "2031-03-05",
                 [("2030-05", "Operation Tern Light")],
                 id="a-capitalised-event-noun-takes-the-name-it-opens"),
    # The comma of an address ("Arlo, Western Australia") and the "and" of a name stay inside
    # the date's clause; "incident" is an event noun, as "event" is.
    pytest.param("They condemned in the strongest terms the attack in Arlo, Western Australia "
                 "on 2 May 2030 and the incident near Kell Quay, New South Wales on 9 June 2030.",
                 "2031-03-05", [("2030-05-02", "attack in Arlo"), ("2030-06-09", "incident")],
                 id="the-comma-of-an-address-is-inside-the-date-s-clause"),
    # A number cut from what it counts runs on to it; no phrase ends with "at least".
    pytest.param("On Monday Kell chose the yard at Arlo to supply six coastal patrol boats.",
                 "2031-03-05",
                 [("2031-03-03", "Kell chose the yard at Arlo to supply six coastal patrol boats")],
                 id="a-number-runs-on-to-what-it-counts"),
    pytest.param("Norland withdrew from the 2015 ferry treaty in 2018.", "2031-03-05",
                 [("2015", "ferry treaty"), ("2018", "Norland withdrew from ferry treaty")],
                 id="the-noun-another-date-modifies-is-that-dates"),
    pytest.param("In 1988, Kell and Arlo signed an accord on notifying each other.", "2031-03-05",
                 [("1988", "Kell and Arlo signed an accord on notifying each other")],
                 id="a-reciprocal-pronoun-ends-a-phrase"),
    pytest.param("In 2013, Kell Ferries lost 30 boats off Arlo in the same month as the guild.",
                 "2031-03-05", [("2013", "Kell Ferries lost 30 boats off Arlo")],
                 id="no-phrase-ends-with-a-post-determiner"),
    pytest.param("Last year the Kell guild reached its highest output in at least a decade.",
                 "2031-03-05", [("2030", "Kell guild reached its highest output")],
                 id="no-phrase-ends-with-at-least"),
    pytest.param("The Kell ferry left the quay yesterday evening.", "2031-03-05",
                 [("2031-03-04", "Kell ferry left the quay")],
                 id="the-part-of-the-day-after-yesterday-is-part-of-the-date"),
])
def test_the_date_and_phrase_of_an_event(text: str, published: str,
                                         dated: list[tuple[str, str]]) -> None:
    assert [(e["date"], e["what"]) for e in _events(text, published=published)] == dated


@pytest.mark.parametrize(("text", "published", "what"), [
    pytest.param("Norland on Tuesday agreed upon a Security and Defence Partnership with its "
                 "neighbours.", "2025-06-11", ["Norland agreed upon a Security and Defence Partnership"],
                 id="and-between-two-capitalised-words-is-inside-a-name"),
    pytest.param("Last year the Norland Coast Guard boarded 2,400 fishing boats off Arlo.",
                 "2019-11-20", ["Norland Coast Guard boarded 2,400 fishing boats off Arlo"],
                 id="a-number-keeps-its-thousands-separators"),
    # "order" is an event noun, but not inside the complex preposition "in order to".
    pytest.param("In March the Arlo council borrowed money in order to rebuild the pier.",
                 "2025-06-11", ["Arlo council borrowed money in order to rebuild the pier"],
                 id="in-order-to-names-no-order"),
    pytest.param("Harbor Line announced Wednesday that it would buy 12 ferries.", "2019-11-21",
                 ["Harbor Line announced it would buy 12 ferries"],
                 id="a-verb-of-saying-is-named-with-the-clause-it-reports"),
    pytest.param("In October, Arlo Ferries also made it possible for cyclists and older "
                 "passengers to board first.", "2019-11-21",
                 ["Arlo Ferries also made it possible for cyclists and older passengers"],
                 id="and-between-two-nouns-does-not-end-the-phrase"),
])
def test_the_phrase_of_an_event(text: str, published: str, what: list[str]) -> None:
    assert [e["what"] for e in _events(text, published=published)] == what


# 2025-06-11 is a Wednesday.
@pytest.mark.parametrize(("text", "expected"), [
    # More ACE 2005 triggers (Personnel.End-Position, Movement.Transport) name their event.
    ("Ana Ruiz retired in March.", [("2025-03", "retirement of Ana Ruiz")]),
    ("Two crew members fled on Monday.", [("2025-06-09", "flight of two crew members")]),
    # An approximator stays with its date; a verb of saying opens the clause it reports.
    ("Ana Ruiz founded the ferry line nearly 10 years ago.",
     [("2015", "Ana Ruiz founded the ferry line")]),
    ("The guild said Ana Ruiz founded the ferry line in 2019.",
     [("2019", "Ana Ruiz founded the ferry line")]),
    # A participle opening an aside after an event noun is a reduced relative clause.
    ("The talks, held in Arlo last month, ended without a deal.", [("2025-05", "talks held in Arlo")]),
    ("The ferry, built in 1998, was sold.", []),
    ("Its old ferry, launched in May 2019, sank.", [("2019-05", "old ferry launched")]),
    ("Crews, for one reason or another, visited the quay in May.", [("2025-05", "visited the quay")]),
    # The scheduled present of a release (Quirk et al. 4.42).
    ("The film premieres in Arlo on Friday.", [("2025-06-13", "film premieres in Arlo")]),
    # What "was held" (a support verb of an event noun) tells of is an occurrence.
    ("The last census was held in 2011.", [("2011", "last census")]),
    ("It was held in 2011.", []),
    ("A new round is scheduled for late July in Arlo.", [("2025-07", "new round")]),
    ("Kell's next ferry, carrying a new crew, is planned for late July.",
     [("2025-07", "Kell's next ferry")]),
    ("The vote set up an early election that Ana Ruiz said would be held on Oct. 12.",
     [("2025-10-12", "early election")]),
    # Verbs of change of state and of starting a body name what happened to their subject.
    ("The old bridge collapsed in 2018, killing 43 people.", [("2018", "collapse of the old bridge")]),
    ("Talks collapsed in March.", [("2025-03", "collapse of talks")]),
    ("The guild was formed in 1920.", [("1920", "formation of the guild")]),
    # "Would" is the backshifted "will" of reported speech; a plain conditional dates nothing.
    ("The first ferries would arrive in 2027, Ruiz said.", [("2027", "first ferries would arrive")]),
    ("Ruiz said production would start in January.", [("2026-01", "production would start")]),
    ("The first ferries would arrive sooner in a warmer 2027.", []),
    # An event noun that ends its sentence is read without the full stop; a title's
    # abbreviation keeps its own.
    ("In March 2019, the guild held its first strike.", [("2019-03", "first strike")]),
    ("Gov. Ana Ruiz resigned on Monday.", [("2025-06-09", "resignation of Gov. Ana Ruiz")]),
    # Verbs joined by "and" share the first one's subject, past its object too.
    ("The ministry condemned the vote and summoned the Arlo envoy on Tuesday.",
     [("2025-06-10", "ministry condemned the vote and summoned the Arlo envoy")]),
    # A subject runs back over the "and" between names, and to where a name starts.
    ("Ana Ruiz and Ida Brekke met on Monday.", [("2025-06-09", "meeting of Ana Ruiz and Ida Brekke")]),
    ("Norway and Sweden signed a declaration of friendship on Thursday.",
     [("2025-06-05", "Norway and Sweden signed a declaration of friendship")]),
    ("It cut 30 GW and Kell plans to install 9 GW of solar panels by 2030.",
     [("2030", "Kell plans to install 9 GW of solar panels")]),
])
def test_the_event_a_verb_names_with_its_subject(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(e["date"], e["what"]) for e in _events(text)] == expected


# 2025-06-11 is a Wednesday.
@pytest.mark.parametrize(("text", "expected"), [
    # "event" names an occurrence as its hypernym does.
    ("The port authority is holding a public event next month.", [("2025-07", "public event")]),
    # A past spelled like its present (Quirk et al. 3.16).
    ("Tromsø beat Bodø on Monday.", [("2025-06-09", "Tromsø beat Bodø")]),
    # The present progressive of an arrangement (Quirk et al. 4.43), not of what goes on.
    ("Ida Brekke is retiring in March 2026.", [("2026-03", "Ida Brekke is retiring")]),
    ("Harbour fees are rising in 2025.", []),
    # The scheduled present (Quirk et al. 4.42); not a plural noun spelled like its verb.
    ("The ferry terminal opens to the public on Friday.",
     [("2025-06-13", "ferry terminal opens to the public")]),
    ("Investors expect higher returns in 2026.", []),
    # A participle right before its date, after a noun phrase that follows a preposition:
    # a reduced relative clause (Quirk et al. 17.30); a clause's own subject is none.
    ("The figures appear in a report published Monday by the harbour board.",
     [("2025-06-09", "report published")]),
    ("The harbour board honours the pact in a charter signed in 2019.",
     [("2019", "charter signed")]),
    ("That friendship began last November.", []),
    # Counted people do what a past verb tells, as a name does; a model's number does not.
    ("After the storm, two sailors reached the shore on Monday.",
     [("2025-06-09", "two sailors reached the shore")]),
    ("The harbour lost 1,200 jobs in 2024.", []),
    # After a day that opens the sentence, its subject needs no article.
    ("On Monday, gunmen stormed a school in Arlo.", [("2025-06-09", "gunmen stormed a school in Arlo")]),
    ("On Monday, the ferry ran aground off Arlo.", [("2025-06-09", "ferry ran aground off Arlo")]),
    # A past spelled like its base is the base after "to" or a modal.
    ("Kell wants to cut the ferry fares, the guild said on Monday.", []),
    # A pronoun with a contracted auxiliary is a pronoun, no name.
    ("The crates I’ve received this year were broken.", []),
    # The perfect's auxiliary before "been" is no part of the passive's subject.
    ("The ministry said 400 people had been arrested on Monday.",
     [("2025-06-09", "arrest of 400 people")]),
    # A past passive tells what happened to its subject, named or not.
    ("The first crack was found in a ferry hull in March.",
     [("2025-03", "first crack was found in a ferry hull")]),
    # The past of a relational verb tells a state (Quirk et al. 4.28).
    ("Norland owned 40 ferries in 2019.", []),
    ("Kell Ferries needed 40 new crews in 2019.", []),
    # A sum runs on to its unit as a number does.
    ("Kell agreed in May to buy rival Arlo Ferries for $900 million.",
     [("2025-05", "Kell agreed to buy rival Arlo Ferries for $900 million")]),
    # An event noun after an infinitive of purpose is what was aimed at, not what is dated.
    ("Ruiz flew to Arlo on Monday to attend the summit.",
     [("2025-06-09", "Ruiz flew to Arlo to attend the summit")]),
    ("On Monday the guild gave approval to ferry acquisition plans.", [("2025-06-09", "ferry acquisition")]),
    # A verb without its subject reads as nothing alone.
    ("Ruiz said it would enter into force on 1 January 2026.", []),
    # A negated verb tells no occurrence.
    ("The two ferry guilds had not met since 2019.", []),
    ("Ida Brekke was not arrested on Monday.", []),
    # A participle after a present "be" tells a state.
    ("The crew of the Kell ferry are unharmed, the operator said on Monday.", []),
    # An institution named by its kind is an actor as its name is.
    ("In March, the council selected two ferry operators.",
     [("2025-03", "council selected two ferry operators")]),
    ("Piracy rose, with at least nine attempted hijackings recorded this year.",
     [("2025", "at least nine attempted hijackings recorded")]),
])
def test_occurrences_without_a_listed_event_word(text: str,
                                                  expected: list[tuple[str, str]]) -> None:
    assert [(e["date"], e["what"]) for e in _events(text)] == expected


def test_a_bodys_event_told_of_it_is_named_with_the_organisation_before() -> None:
    text = "Kell Ferries runs 40 boats from the north quay. It was founded in 1998."
    events = extract_facts(article_from_text(text, published="2025-06-11"))["events"]
    assert [(e["date"], e["what"]) for e in events] == [("1998", "founding of Kell Ferries")]


def test_a_pronouns_event_is_named_with_the_person_it_stands_for() -> None:
    text = ("Defence Minister Ana Ruiz visited troops on Monday. She was elected in 2019. "
            "Deputy Minister Tom Hale said he resigned in March.")
    events = extract_facts(article_from_text(text, published="2025-06-11"))["events"]
    assert [(e["date"], e["what"]) for e in events][1:] == [
        ("2019", "election of Ana Ruiz"), ("2025-03", "resignation of Tom Hale")]


def test_the_subject_before_a_relative_clause_or_an_age_between_commas_is_the_actor() -> None:
    assert _phrases("Ana Ruiz, who took office in 2022, resigned on Wednesday.") == [
        ("2022", "Ana Ruiz took office"), ("2025-06-11", "Ana Ruiz resigned")]
    assert _phrases("Tomas Varga, 54, resigned on Wednesday.") == [("2025-06-11", "Tomas Varga resigned")]


def test_a_dates_possessive_owns_the_event_noun_after_it() -> None:
    assert _phrases("At least 23 people were killed and more than 300 injured in last "
                    "week's protests.") == [("2025-06", "protests")]
    assert _phrases("Turnout in Sunday's election was 61%.") == [("2025-06-08", "election")]


def test_a_quantifier_opening_the_sentence_stays_with_its_number() -> None:
    assert _phrases("At least 40 people were arrested on Monday.") == [
        ("2025-06-09", "arrest of at least 40 people")]


def test_a_phrase_ends_before_a_deictic_adverb() -> None:
    assert _phrases("Shop today's sale right here.") == [("2025-06-11", "sale")]


def test_the_object_of_a_preposition_of_time_after_the_date_is_another_occurrence() -> None:
    assert _phrases("Parliament was dissolved in March ahead of the snap election.") == [
        ("2025-03", "Parliament was dissolved ahead of the snap election")]
    assert _phrases("Ruiz resigned in May, two weeks before the party congress.") == [
        ("2025-05", "resignation of Ruiz")]
    # A date after the noun is the noun's own.
    assert _phrases("Troops withdrew before the election on Sunday.") == [("2025-06-08", "election")]


def test_a_relative_clause_with_its_own_subject_takes_its_antecedent_as_object() -> None:
    assert _phrases("The treaty, which Norland signed in 2019, bans mines.") == [
        ("2019", "Norland signed the treaty")]
    assert _phrases("The pact that Kenya and the African Union signed in Arlo on Monday is short.") == [
        ("2025-06-09", "Kenya and the African Union signed the pact in Arlo")]
    # Its own object, and a content clause after a verb of saying, take none.
    assert _phrases("The deal, which Norland signed a year later in 2019, bans mines.") == [
        ("2019", "Norland signed a year later")]
    assert _phrases("Ruiz told the council on Monday that Norland had lost about 900 troops.") == [
        ("2025-06-09", "Norland had lost about 900 troops")]
    assert _phrases("Ruiz told the council that Norland retreated in May.") == [
        ("2025-05", "Norland retreated")]


def test_a_relative_clause_ends_where_the_predicate_around_it_starts() -> None:
    assert _phrases("The strike that began on Monday was called off.") == [("2025-06-09", "strike began")]


def test_the_present_of_an_arrangement_is_a_plan_unless_a_determiner_makes_it_a_noun() -> None:
    assert _dates("Varga faces trial in January.", "2025-06-11") == ["2026-01"]
    assert _dates("Kell Rovers plays Arlo United on Oct. 20.", "2025-06-11") == ["2025-10-20"]
    assert _dates("The ministers meet in Tavik on Oct. 2.", "2025-06-11") == ["2025-10-02"]
    assert _dates("The faces of the crew in March told the story.", "2025-06-11") == ["2025-03"]


def test_a_past_verb_after_its_subjects_complement_is_no_reduced_relative() -> None:
    assert _phrases("Production of the ferry ended in 2019.") == [
        ("2019", "Production of the ferry ended")]
    assert _phrases("In a survey published Monday, voters backed Ruiz.") == [
        ("2025-06-09", "survey published")]


def test_the_time_an_occurrence_is_moved_to_is_still_to_come() -> None:
    assert _phrases("The agency postponed the launch of its Kestrel rocket to July.") == [
        ("2025-07", "launch of its Kestrel rocket")]
    assert _dates("The vote was delayed until Oct. 3.", "2025-06-11") == ["2025-10-03"]
    assert _dates("Sales rose from May to July.", "2025-06-11") == ["2025-05"]  # a stretch's end


def test_a_participles_aside_after_a_name_tells_what_happened_to_it() -> None:
    assert _phrases("Kell Orbital's Tern Explorer, launched in October 2024, is on its way.") == [
        ("2024-10", "Kell Orbital's Tern Explorer launched")]


def test_the_subject_before_a_participles_aside_is_the_later_verbs_too() -> None:
    assert ("2030", "probe will reach Europa") in _phrases(
        "The probe, launched last year, will reach Europa in 2030.")


def test_an_event_noun_an_aspectual_verb_takes_keeps_the_verb_and_its_subject() -> None:
    assert _phrases("The ferry terminal resumed normal operations on Friday.") == [
        ("2025-06-06", "ferry terminal resumed normal operations")]
    assert _phrases("Dock workers began a strike on Monday.") == [
        ("2025-06-09", "Dock workers began a strike")]
    # A scheduled present without its subject names no one.
    assert _phrases("The ministers will talk when they meet in Tavik next week.") == []


def test_a_name_cut_at_its_of_runs_on_to_its_end() -> None:
    assert _phrases("The Kell Navy began a three-day naval exercise in the Gulf of Tavik on Monday.") == [
        ("2025-06-09", "Kell Navy began a three-day naval exercise in the Gulf of Tavik")]


def test_a_pronoun_after_a_verb_of_saying_is_the_sentences_subject() -> None:
    assert _phrases("Rain fell. The Kell coast guard said on Monday it had rescued 20 sailors.") == [
        ("2025-06-09", "Kell coast guard rescued 20 sailors")]
    assert _phrases("Rain fell. Police said they arrested five men on Friday.") == [
        ("2025-06-06", "Police arrested five men")]
    # After a dateline's dash, an owner's body, a progressive.
    assert _phrases("ARLO (AP) — Norland’s government said Friday it is investigating a "
                    "cyber intrusion at a ferry operator.") == [
        ("2025-06-06", "Norland’s government investigating a cyber intrusion at a ferry operator")]


def test_an_elections_round_is_an_event_and_a_body_that_speaks_is_none() -> None:
    assert _phrases("Ruiz won Norland's presidential runoff on Sunday.") == [
        ("2025-06-08", "Norland's presidential runoff")]
    assert _phrases("Rain fell. The electoral commission said on Monday that counting went on.") == []


def test_an_event_noun_as_a_purpose_infinitive_leaves_the_past_verb_the_occurrence() -> None:
    assert _phrases("Norlanders have gone to the polls four times this month to vote on "
                    "local races.", "2019-11-20") == [
        ("2019-11", "Norlanders have gone to the polls four times to vote")]


def test_a_phrase_ends_before_a_determiner_left_without_its_noun() -> None:
    assert _phrases("Rain fell. Kell ministers agreed on Monday to extend sanctions on Tavik "
                    "for another six months.") == [
        ("2025-06-09", "Kell ministers agreed to extend sanctions on Tavik")]


def test_a_capitalised_ed_word_is_a_past_cue_only_where_it_opens_a_sentence() -> None:
    from extract.temporal import clause_tense
    for text, tense in (("Founded in March, the firm grew.", "past"),
                        ("It grew. Launched in March, the app spread.", "past"),
                        ("Kell United in March will play.", "future")):
        start = text.index("March")
        assert clause_tense(text, (start, start + 5)) == tense, text
