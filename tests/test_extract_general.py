"""General phenomena of real pages, shown on invented text (no benchmark page is used)."""

from __future__ import annotations

from typing import Any

import pytest
from lxml import html as lxml_html

from extract import article_from_text, extract_facts
from extract.metadata import element_text
from extract.people import clean_person_name


def _facts(text: str, published: str = "2031-03-14") -> dict[str, Any]:
    return extract_facts(article_from_text(text, published=published))


def _people(record: dict[str, Any]) -> dict[str, list[str]]:
    return {p["name"]: p["titles"] for p in record["people"]}


def test_a_title_glued_to_a_name_becomes_a_title() -> None:
    record = _facts("Administrator Jana Okafor told reporters the probe would launch in May. "
                    "Okafor said the budget was sufficient for the work.")
    people = _people(record)
    assert "Jana Okafor" in people
    assert "Administrator" in people["Jana Okafor"]
    assert not any(name.startswith("Administrator") for name in people)


def test_names_never_keep_titles_or_forms_of_address() -> None:
    assert clean_person_name("Administrator Jana Okafor") == "Jana Okafor"
    assert clean_person_name("Deputy Harbour Commissioner Ilse Brandvold") == "Ilse Brandvold"
    assert clean_person_name("Sen. Marta Quist") == "Marta Quist"


def test_title_case_phrases_of_ordinary_words_are_no_people() -> None:
    record = _facts(
        "Shoppers waited for the Price Drop on the new kettles.\n"
        "A price drop of that size is rare, said Halvard Endresen, who runs a shop in Oslo.\n"
        "Astronomers at the Sable Ridge Observatory saw the comet on Monday.")
    names = set(_people(record))
    assert "Price Drop" not in names
    assert not any("Observatory" in name for name in names)
    assert "Halvard Endresen" in names


def test_names_only_in_headline_lines_are_no_people() -> None:
    record = _facts("Moon Rush: Private Copper Lander Plans Unveiled\n"
                    "The agency described three landers on Tuesday, and officials said the "
                    "first would fly next year if tests go well.")
    assert "Copper Lander" not in _people(record)


def test_byline_elements_are_read_with_a_space_between_them() -> None:
    element = lxml_html.fromstring(
        '<div class="byline"><a>Corin Vasquez</a><span>Tuesday</span> for <b>Mc</b>Kay</div>')
    assert element_text(element) == "Corin Vasquez Tuesday for McKay"


def test_the_speaker_after_the_verb_is_the_person_not_the_organisation() -> None:
    record = _facts("“We will have the ferry running again by June,” said Tidewater Transit "
                    "director Maren Lisowski on Friday.")
    assert [q["speaker"] for q in record["quotes"]] == ["Maren Lisowski"]


def test_a_pronoun_speaker_is_the_nearest_person_before_it() -> None:
    record = _facts("Port director Anselm Varga inspected the new cranes on Monday.\n"
                    "“The cranes will double what this harbour can handle,” he said.")
    assert [q["speaker"] for q in record["quotes"]] == ["Anselm Varga"]


def test_an_unresolvable_speaker_is_null_not_a_guess() -> None:
    record = _facts("Fishing crews worried about the new quotas this spring.\n"
                    "“Nobody asked the people who actually work the boats,” complained some.")
    assert all(q["speaker"] is None for q in record["quotes"])


def test_a_party_and_state_in_parentheses_is_no_organisation() -> None:
    record = _facts("The bridge over the Kell river reopened on Monday.\n"
                    "Rep. Dana Whitfield (R-OH) asked whether the bridge money was spent. "
                    "Whitfield said she would hold a hearing on Thursday.")
    assert "Dana Whitfield" in _people(record)
    assert not any(o["name"] in {"Dana Whitfield", "R-OH"} or "R-OH" in o["aliases"]
                   for o in record["organizations"])


def test_pages_in_a_language_without_a_model_get_only_language_independent_facts() -> None:
    text = ("BERLIN (dpa) - Die Bundesregierung und die Gewerkschaften haben sich am Montag in "
            "Berlin auf einen neuen Tarifvertrag geeinigt, sagte Ministerin Helga Brandt. "
            "Der Vertrag gilt ab dem 1. Mai und ist nach Angaben von Verdi ein Erfolg für die "
            "Beschäftigten, die seit Wochen gestreikt hatten.")
    record = extract_facts(article_from_text(text, title="Einigung im Tarifstreit",
                                             published="2031-03-10"))
    assert record["title"] == "Einigung im Tarifstreit"
    assert record["published"] == "2031-03-10"
    assert record["agency"] == "dpa"
    for field in ("people", "organizations", "places", "quotes", "events", "agreements"):
        assert record[field] == [], field


def test_a_date_without_an_event_word_gives_no_timeline_line() -> None:
    record = _facts("Analysts expect a further increase in ticket prices in 2033.")
    assert record["events"] == []


def test_events_carry_a_readable_description() -> None:
    record = _facts("The harbour authority opened the new ferry terminal in Bergen in "
                    "January 2030, after two years of work.")
    events = [e for e in record["events"] if e["date"].startswith("2030")]
    assert events
    assert "ferry terminal" in events[0]["description"]
    assert "Bergen" in events[0]["description"]


def test_a_compound_office_title_is_kept_whole_and_forms_of_address_are_no_role() -> None:
    record = _facts("The envoys arrived in Brussels on Monday. They met High Representative/Vice "
                    "President Maria Lindholm there. Ms. Lindholm said the talks had been useful.")
    titles = _people(record)["Maria Lindholm"]
    assert "High Representative/Vice President" in titles
    assert "Ms." not in titles and "President" not in titles


def test_the_model_runs_only_the_recogniser_and_what_it_listens_to() -> None:
    from extract.nlp import _listened_to, get_nlp

    # en_core_web_sm's recogniser has its own tok2vec: the shared one would feed nobody.
    assert get_nlp().pipe_names == ["ner"]
    listening = {"model": {"tok2vec": {"@architectures": "spacy.Tok2VecListener.v1",
                                       "upstream": "*"}}}
    assert _listened_to(listening) == ["tok2vec"]
    assert _listened_to({"model": {"tok2vec": {"@architectures": "spacy.Tok2Vec.v2"}}}) == []


@pytest.mark.parametrize(("text", "language"), [
    ("항구 관리청은 월요일에 새 부두를 열었다. 청장은 “이 부두는 도시의 미래”라고 말했다.", "ko"),
    ("港湾局は月曜日に新しい埠頭を開いた。局長は“街の未来だ”と述べた。", "ja"),
    ("港务局周一开放了新码头。局长说：“这是城市的未来。”", "zh"),
    ("Το λιμεναρχείο άνοιξε τη νέα προβλήτα τη Δευτέρα.", "el"),
    ("Портовое управление открыло новый причал в понедельник.", "ru"),
    ("The Kremlin (Кремль) said on Monday that the talks were over.", "en"),
], ids=["ko", "ja", "zh", "el", "ru", "en-quoting-cyrillic"])
def test_a_page_in_another_script_is_known_by_its_script(text: str, language: str) -> None:
    # No English stop word is found in Korean or Japanese: the stop words alone said None,
    # which the pipeline reads as English.
    article = article_from_text(text, published="2031-03-10")
    assert article.language == language
    record = extract_facts(article)
    if language != "en":
        assert record["quotes"] == [] and record["events"] == []


@pytest.mark.parametrize(("body", "people"), [
    ("| | Seeking a bigger role for a small ferry by Sarah Collins Monday, March 3, 2031 "
     "Earlier this month, the harbour board opened the new terminal, said Tomas Rilke.",
     {"Tomas Rilke"}),
    # Named in the story as well: a person of the story.
    ("A new terminal by Sarah Collins. Sarah Collins said the terminal was late, and Tomas "
     "Rilke agreed.", {"Sarah Collins", "Tomas Rilke"}),
])
def test_the_author_named_only_in_a_byline_is_no_person_of_the_story(body: str,
                                                                      people: set[str]) -> None:
    from extract.article import CleanArticle

    article = CleanArticle(url=None, title="Ferries get a new terminal", text=body,
                           published="2031-03-03", authors=["Sarah Collins"], language="en")
    assert {p["name"] for p in extract_facts(article)["people"]} == people
