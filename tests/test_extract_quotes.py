"""Direct quotations: every quote mark, split quotes, speakers and channels."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest

from extract import article_from_text, extract_facts
from extract.quotespans import find_quote_spans

FIXTURES = Path(__file__).parent / "fixtures" / "extract"


def _quotes_in(text: str) -> list[dict[str, Any]]:
    return list(extract_facts(article_from_text(text, published="2025-05-09"))["quotes"])


@lru_cache(maxsize=2)
def quotes(name: str) -> list[dict[str, Any]]:
    return _quotes_in((FIXTURES / name).read_text(encoding="utf-8"))


def _by_start(name: str, start: str) -> dict[str, Any]:
    return next(q for q in quotes(name) if q["text"].startswith(start))


def test_straight_quotes_with_named_speaker() -> None:
    quote = _by_start("quotes_mix.txt", "We are ready")
    assert quote["speaker"] == "Elena Varga"


def test_guillemets_and_pronoun_speaker() -> None:
    quote = _by_start("quotes_mix.txt", "Our partners should not wait")
    assert quote["speaker"] == "Elena Varga"


def test_single_curly_quotes_and_tweet_channel() -> None:
    quote = _by_start("quotes_mix.txt", "These systems save lives")
    assert quote["speaker"] == "Paul Okafor"
    assert quote["channel"] == "in a tweet"


def test_split_quote_is_joined_and_title_speaker_resolved() -> None:
    quote = _by_start("quotes_mix.txt", "The talks were useful")
    assert quote["text"] == "The talks were useful but there is more work ahead."
    assert quote["speaker"] == "Elena Varga"  # "the foreign minister"
    assert quote["channel"] == "told reporters"


def test_organisation_speaker() -> None:
    quote = _by_start("quotes_mix.txt", "Every licence was checked")
    assert quote["speaker"] == "Ministry of Defence"


def test_scare_quotes_are_not_quotes() -> None:
    assert not any(q["text"] == "rogue" for q in quotes("quotes_mix.txt"))
    assert not any("blue economy" in q["text"] for q in quotes("wire_uni.txt"))


def test_wire_quotes_speakers_and_channels() -> None:
    post = _by_start("wire_uni.txt", "Productive talks")
    assert (post["speaker"], post["channel"]) == ("Arjun Mehra", "in a post on X")
    told = _by_start("wire_uni.txt", "Cooperation against terrorism")
    assert (told["speaker"], told["channel"]) == ("Priya Raman", "told UNI")
    statement = _by_start("wire_uni.txt", "We will not allow")
    assert (statement["speaker"], statement["channel"]) == ("Arjun Mehra", "in a statement")
    split = _by_start("wire_uni.txt", "The agreement gives")
    assert split["speaker"] == "Kenji Watanabe" and "piracy far harder" in split["text"]


def test_speakers_use_listed_names() -> None:
    text = (FIXTURES / "wire_uni.txt").read_text(encoding="utf-8")
    record = extract_facts(article_from_text(text, published="2026-03-03"))
    listed = {p["name"] for p in record["people"]} | {o["name"] for o in record["organizations"]}
    assert {q["speaker"] for q in record["quotes"]} <= listed


def test_apostrophes_are_not_quote_marks() -> None:
    text = "The EU’s plan and India’s navy’s ships sailed."
    assert find_quote_spans(text) == []


def test_unclosed_quote_runs_to_paragraph_end() -> None:
    text = "“This paragraph continues the quote\nNext paragraph."
    spans = find_quote_spans(text)
    assert [s.text for s in spans] == ["This paragraph continues the quote"]


def test_embedded_tweet_is_a_quote() -> None:
    text = ("The council shared the news on Twitter.\n"
            "Council votes to fund the new coastal radar stations this year.\n"
            "— The City Council (@CityCouncil) May 3, 2024")
    record = extract_facts(article_from_text(text, published="2024-05-03"))
    tweet = record["quotes"][0]
    assert tweet["speaker"] == "City Council" and tweet["channel"] == "in a tweet"
    assert "coastal radar" in tweet["text"]
    assert any("@CityCouncil" in o["aliases"] for o in record["organizations"])


def test_quote_continued_after_a_full_stop_keeps_its_sentences() -> None:
    from extract.quotespans import find_quote_spans

    text = ('"We need the ships before 2030," Moreau said. "The committee must approve them '
            'this week."')
    (quote,) = find_quote_spans(text)
    assert quote.text == "We need the ships before 2030. The committee must approve them this week."


def test_quote_typed_with_mixed_marks() -> None:
    text = 'The port reopened. “Ships can dock again tonight," said harbour master Tomas Rilke.'
    spans = find_quote_spans(text)
    assert [s.text for s in spans] == ["Ships can dock again tonight,"]
    record = extract_facts(article_from_text(text, published="2026-05-04"))
    assert [q["speaker"] for q in record["quotes"]] == ["Tomas Rilke"]


@pytest.mark.parametrize(("text", "quoted"), [
    ('The skipper added: ”We sail at dawn, whatever the forecast says.”',
     ["We sail at dawn, whatever the forecast says."]),
    ("“The nets were empty,” ”again” and ”for weeks” were all she wrote.",
     ["The nets were empty,", "again", "for weeks"]),
    ("Supplies arrived.” The harbour stayed shut.", []),  # a closing mark after a word
])
def test_a_closing_mark_typed_to_open_a_quotation_opens_it(text: str, quoted: list[str]) -> None:
    assert [s.text for s in find_quote_spans(text)] == quoted


def test_told_addressee_is_never_the_speaker() -> None:
    # "He instead told the BBC interviewer:" - the BBC is the channel; "He" is Hal Ortmann.
    text = ("Hal Ortmann spoke about the sale on Sunday. He instead told the BBC interviewer: "
            "“I took the decision because the offer was serious and fair to everyone.”")
    record = extract_facts(article_from_text(text, published="2026-05-04"))
    assert [(q["speaker"], q["channel"]) for q in record["quotes"]] == [
        ("Hal Ortmann", "told the BBC interviewer")]


def test_a_pull_quote_repeating_the_story_is_one_quotation() -> None:
    text = ("\u201cThe harbour will be dredged before the storms come,\u201d said Mayor Ines Duarte.\n"
            "The council voted on Monday to pay for the work.\n"
            "\u201cThe harbour will be dredged before the storms come. We have no choice left,\u201d "
            "Duarte told the council after the vote.\n"
            "| \u201cWe have no choice left,\u201d Duarte said.")
    found = _quotes_in(text)
    assert [q["text"] for q in found] == [
        "The harbour will be dredged before the storms come. We have no choice left"]


def test_a_quotation_split_by_an_attribution_naming_a_programme_in_quotes_is_one() -> None:
    text = ("\u201cThe ferry fleet is older than anyone wants to admit,\u201d Ortega said on Radio Nine's "
            "\u201cHarbour Hour\u201d on Monday. \u201cEvery winter we lose another crossing to "
            "repairs.\u201d")
    found = _quotes_in(text)
    assert [q["text"] for q in found] == ["The ferry fleet is older than anyone wants to admit. "
                                          "Every winter we lose another crossing to repairs."]


def test_a_quotation_of_several_paragraphs_is_one_quote() -> None:
    # Each paragraph opens the quotation again and only the last one closes it.
    text = ("The harbour master spoke after the storm.\n"
            "\u201cThe seawall held for two days,\u201d Ilse Brandvold said. \u201cThe pumps ran "
            "all night, and the crews kept them fuelled.\n"
            "\u201cNobody on the quay was hurt. We were lucky this time.\u201d")
    found = [q["text"] for q in _quotes_in(text)]
    assert len(found) == 1
    assert found[0].startswith("The seawall held") and found[0].endswith("lucky this time.")


def test_a_quote_after_a_long_attribution_continues_the_same_quotation() -> None:
    text = ("\u201cWe tested the hull in calm water first,\u201d said Tomas Okoro, an engineer "
            "who has built ferries for the island service since 2004. \u201cThen we took it out "
            "in the winter swell.\u201d")
    found = _quotes_in(text)
    assert [(q["speaker"], q["text"]) for q in found] == [
        ("Tomas Okoro", "We tested the hull in calm water first. Then we took it out in the "
                        "winter swell.")]


def test_a_quoted_question_and_an_unattributed_paragraph_go_on_with_the_quotation() -> None:
    text = ("The storm hit the harbour on Monday.\n"
            "\u201cWhy did the seawall hold?\u201d Ilse Brandvold asked. \u201cBecause the crews kept "
            "the pumps running all night.\u201d\n"
            "\u201cThe ferries sail again on Friday,\u201d Tomas Okoro insisted.\n"
            "\u201cThe timetable stays as it was before the storm.\u201d")
    found = [(q["speaker"], q["text"]) for q in _quotes_in(text)]
    assert found == [
        ("Ilse Brandvold", "Why did the seawall hold? Because the crews kept the pumps running "
                           "all night."),
        ("Tomas Okoro", "The ferries sail again on Friday. The timetable stays as it was before "
                        "the storm.")]


def test_a_short_title_with_the_full_stop_inside_its_marks_is_no_quote() -> None:
    text = ('Ana Ruiz explained that she hosts the podcast "Harbour Nights." Guests disagree.\n'
            'Protesters carried signs reading "Fewer Tests, More Teachers." They marched for an '
            'hour.\n"We will keep coming back until the council listens," Ruiz said.')
    texts = [q["text"] for q in _quotes_in(text)]
    assert "Harbour Nights." not in texts
    assert "Fewer Tests, More Teachers." in texts  # two clauses: a slogan, not a title
    assert any(t.startswith("We will keep coming back") for t in texts)


def test_title_case_leaves_prepositions_in_lower_case_but_capitalises_the_first_word() -> None:
    # Chicago 8.159: prepositions stay in lower case whatever their length; a small word
    # that opens the title is capitalised and counts.
    text = ('The harbour show is called "Tides after Tides after Tides." Crowds came.\n'
            'Ana Ruiz explained that she hosts the podcast "Beyond Harbours." Guests disagree.\n'
            '"We will keep coming back until the council listens," Ruiz said.')
    texts = [q["text"] for q in _quotes_in(text)]
    assert texts == ["We will keep coming back until the council listens"]


def test_a_short_phrase_before_the_noun_it_modifies_is_a_term_not_a_quotation() -> None:
    text = ("Ana Ruiz said the pattern was a textbook case of \u201cslow tide\u201d pressure on "
            "the ferries.\nIda Brekke said the plan was \u201cfar too late\u201d yesterday.")
    assert [(q["speaker"], q["text"]) for q in _quotes_in(text)] == [("Ida Brekke", "far too late")]


def test_a_single_opening_mark_typed_for_the_closing_one_closes_a_quotation() -> None:
    text = ("The installation, entitled \u2018Tide Lines after Tide Lines\u2018 and made to show "
            "the new \u2018Harbours\u2019 range, opens on Friday.")
    assert [s.text for s in find_quote_spans(text)] == ["Tide Lines after Tide Lines", "Harbours"]


def test_a_title_after_a_works_noun_is_no_quote_subtitle_and_all() -> None:
    text = ('In her book "Harbour Lights: A Ferry Captain\'s Forty Years at Sea," Ana Ruiz '
            'recalls the storms.\nProtesters carried signs reading "Fewer Tests, More '
            'Teachers." They marched for an hour.')
    texts = [q["text"] for q in _quotes_in(text)]
    assert not any(t.startswith("Harbour Lights") for t in texts)
    assert "Fewer Tests, More Teachers." in texts


def test_the_source_of_a_report_is_not_the_speaker_it_reports() -> None:
    text = ("The ferry strike spread to the islands on Monday.\n"
            "According to Harbour Radio, one passenger on the quay, a retired teacher, "
            "posted: \u201cWe have waited six hours and nobody tells us anything.\u201d\n"
            "\u201cThe strike is legal and it will go on,\u201d according to Harbour Radio.")
    speakers = {q["text"][:12]: q["speaker"] for q in _quotes_in(text)}
    assert speakers == {"We have wait": None, "The strike i": "Harbour Radio"}


def test_a_second_half_that_opens_a_sentence_follows_a_full_stop() -> None:
    text = ("\u201cThe talks went well,\u201d Ana Ruiz said, adding: \u201cWe expect a deal soon "
            "and will meet again in May.\u201d\n\u201cThe plan,\u201d she said, \u201cis to "
            "finish the text by June.\u201d")
    assert [q["text"] for q in _quotes_in(text)] == [
        "The talks went well. We expect a deal soon and will meet again in May.",
        "The plan is to finish the text by June."]


def test_the_medium_named_after_on_is_the_channel_but_not_a_day() -> None:
    text = ("\u201cThe talks went well and we will meet again,\u201d Tom Berg wrote on Twitter.\n"
            "\u201cThe ferry will sail again in spring,\u201d Ana Ruiz said on Monday.")
    assert [q["channel"] for q in _quotes_in(text)] == ["on Twitter", None]


def test_an_embedded_tweet_holds_no_more_than_a_post_can() -> None:
    text = ("Harbour cranes get a refit\n"
            "The port authority is spending four million on its cranes this winter. The work "
            "will close two berths for a month, and the ferries will move to the north quay "
            "while the cranes are out of service, which the operators say they can manage "
            "without cancelling any sailings at all.\n"
            "Our refit starts on Monday: north quay for all ferries https://t.co/abcDEF123 "
            "pic.twitter.com/XyZ987abc\n"
            "— Port of Kell (@PortOfKell) March 2, 2031")
    record = extract_facts(article_from_text(text, published="2031-03-02"))
    tweets = [q for q in record["quotes"] if q["channel"] == "in a tweet"]
    assert [t["text"] for t in tweets] == [
        "Our refit starts on Monday: north quay for all ferries https://t.co/abcDEF123 "
        "pic.twitter.com/XyZ987abc"]


def test_a_short_utterance_said_by_somebody_unnamed_is_a_quotation() -> None:
    found = _quotes_in("“It’s over,” one crew member said. The guild called it “a disgrace,” and left.")
    assert [(q["text"], q["speaker"]) for q in found] == [("It’s over", None)]


def test_a_title_after_a_reports_noun_is_no_quotation() -> None:
    found = _quotes_in("The report, “Ferries in a Warming World: Risks and Responses,” came out "
                       "on Monday. “We read every page of it,” Ana Ruiz said.")
    assert [q["text"] for q in found] == ["We read every page of it"]
