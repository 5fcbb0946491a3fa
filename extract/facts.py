"""Assemble the facts record (see FACTS.md) from a CleanArticle.

Each field has its own module; this one only wires them together: split
sentences, read the dateline, run NER once over the body, build entities, then
quotes, events, agreements and topics that refer back to those entities.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from extract import gazetteer as gz
from extract.agreements import PartyFinder, agreement_spans, extract_agreements
from extract.article import CleanArticle
from extract.dateline import Dateline, parse_dateline, trailing_agency
from extract.entities import find_mentions
from extract.events import PlaceSpan, extract_events
from extract.mentions import ORG, PERSON, PLACE, Mention
from extract.models import is_english, pipeline_for
from extract.ner import run_ner
from extract.orgs import Organization, build_orgs, short_name_of
from extract.people import Person, build_people
from extract.places import Place, build_places, governed_as_a_place
from extract.quotes import Named, PersonTitles, QuoteContext, extract_quotes
from extract.sentences import SentenceIndex, split_sentences
from extract.topics import classify
from extract.tweets import attach_tweets


@dataclass
class _Entities:
    """The article's people, organisations and places, and every resolved mention."""

    people: list[Person]
    orgs: list[Organization]
    places: list[Place]
    named: list[Named]


def extract_facts(
    article: CleanArticle,
    taxonomy: Mapping[str, Sequence[str]] | None = None,
    model: str | None = None,
) -> dict[str, Any]:
    """The facts record for one article: exactly the FACTS.md keys, items with evidence."""
    text = article.text
    index = SentenceIndex(split_sentences(text))
    dateline = parse_dateline(text, article.published)
    published = article.published or (dateline.date if dateline else None)
    agency = (dateline.agency if dateline else None) or trailing_agency(text) or article.agency
    language = article.language  # decided once, by the cleaner
    pipeline = pipeline_for(language, model)
    base = {
        "url": article.url,
        "title": article.title,
        "published": published,
        "agency": agency,
        "authors": list(article.authors),
        "dateline": _dateline_record(dateline),
    }
    if not pipeline.available:
        return {**base, **_empty()}
    found = _entities(text, index, dateline, agency, pipeline.model, article.authors)
    if not is_english(language):
        # Quotes, events and agreements are read with English patterns.
        return {**base, **_empty(), **_entity_records(found, index)}
    context = QuoteContext(text, index, found.named, _titles(found.people))
    quotes = extract_quotes(context)
    quotes += attach_tweets(text, index, found.people, found.orgs)
    place_spans = [PlaceSpan(n.start, n.end, n.name) for n in found.named if n.kind == PLACE]
    parties = PartyFinder([(n.start, n.end, n.name) for n in found.named if _party(n)],
                          _alias_map(found.orgs))
    return {
        **base,
        **_entity_records(found, index),
        "quotes": quotes,
        "events": extract_events(text, index.sentences, published, place_spans,
                                 dateline.end if dateline else 0,
                                 dateline.place if dateline else None, _antecedent_at(context)),
        "agreements": extract_agreements(text, index, parties),
        "topics": classify(f"{article.title or ''}\n{text}", taxonomy),
    }


def _antecedent_at(context: QuoteContext) -> Callable[[int, str], str | None]:
    """Who a "he" or "she" at an offset stands for, as speaker resolution reads it, or
    (``kind`` "org") the organisation an "it" does: the nearest one named just before."""
    def antecedent(offset: int, kind: str) -> str | None:
        if kind == "org":
            found = context.nearest_before(offset, {ORG}, [])
            return found.name if found and offset - found.end < _IT_REACH else None
        found = context.antecedent(offset, [], kind)
        return found.name if found else None
    return antecedent


_IT_REACH = 300  # characters back to the organisation an "it" stands for


def _empty() -> dict[str, list[Any]]:
    """The language-dependent fields, empty (fresh lists: records may be changed later)."""
    fields = ("people", "organizations", "places", "quotes", "events", "agreements", "topics")
    return {name: [] for name in fields}


def _entity_records(found: _Entities, index: SentenceIndex) -> dict[str, list[dict[str, Any]]]:
    """The people, organizations and places items of the record."""
    return {
        "people": [_person_record(p, index) for p in found.people],
        "organizations": [_org_record(o, index) for o in found.orgs],
        "places": [_place_record(p, index) for p in found.places],
    }


def _entities(text: str, index: SentenceIndex, dateline: Dateline | None, agency: str | None,
              model: str | None, authors: Sequence[str] = ()) -> _Entities:
    """Run NER once and build people (minus the bylines' authors), organisations (minus
    wire agencies) and places."""
    skip = (0, dateline.end) if dateline else None
    entities, covered = run_ner(text, index.sentences, model)
    mentions = _outside_agreements(find_mentions(entities, text, skip, covered), text)
    people = [p for p in build_people(mentions, text) if not _bylined(p, authors, text)]
    orgs = build_orgs(mentions, text, _credit_names(agency))
    org_names = {n.lower() for o in orgs for n in o.names()}
    blocked = {p.name.lower() for p in people} | org_names
    # An organisation's short name tagged as a place is the organisation ("Emirates" of
    # "Emirates Airline") unless a preposition of place governs it somewhere ("fans in Ithaca").
    short_names = {(short_name_of(o.name) or "").lower() for o in orgs}
    places = [p for p in build_places(mentions, blocked, text)
              if p.name.lower() not in short_names or governed_as_a_place(p, text)]
    _add_dateline_place(places, dateline, text, org_names)
    return _Entities(people, orgs, places, _named(people, orgs, places))


_BY = re.compile(r"\bby\s+$", re.IGNORECASE)


def _bylined(person: Person, authors: Sequence[str], text: str) -> bool:
    """An author of the article named only in a byline the body kept ("Ferries get a new
    terminal by Sarah Collins Monday, ..."): the byline's, not a person of the story."""
    return person.name in authors and all(
        _BY.search(text, max(0, m.start - 4), m.start) for m in person.mentions)


def _credit_names(agency: str | None) -> set[str]:
    """The credited wire agency under every name it goes by: the credit is no organisation
    of the story, while another agency the story names ("told Reuters") is one."""
    if not agency:
        return set()
    canon = gz.AGENCIES.get(agency.lower(), agency)
    names = {agency.lower(), canon.lower()}
    names |= {long for long, short in gz.AGENCY_CANON.items() if short == canon}
    return names


def _outside_agreements(mentions: list[Mention], text: str) -> list[Mention]:
    """Drop model-tagged organisations that are fragments of an agreement's name."""
    spans = agreement_spans(text)

    def inside(mention: Mention) -> bool:
        """Whether the mention lies within one agreement name."""
        return any(a <= mention.start and mention.end <= b for a, b in spans)

    return [m for m in mentions if not (m.kind == ORG and m.source == "ner" and inside(m))]


def _add_dateline_place(places: list[Place], dateline: Dateline | None, text: str,
                        org_names: set[str]) -> None:
    """The dateline city is a place of the story even when NER missed it; a dateline that
    names an organisation ("UNITED NATIONS (AP)", written from its headquarters) is none."""
    if not dateline or not dateline.place:
        return
    name = dateline.place
    if name.lower() in org_names or name in gz.ORG_ALIASES or name in gz.ORG_ALIASES.values():
        return
    start = text.find(dateline.place.split()[0][:3].upper())
    start = max(start, 0)
    mention = Mention(dateline.place, PLACE, start, start + len(dateline.place))
    _add_place(places, mention)
    region = dateline.region
    if region and region in gz.PLACE_NAMES:  # "HANOI, Vietnam": Vietnam is named too
        start = text.find(region, mention.end)
        _add_place(places, Mention(region, PLACE, start, start + len(region)), at=1)


def _add_place(places: list[Place], mention: Mention, at: int = 0) -> None:
    """One more mention of a place, listed first (``at``) when it is new."""
    for place in places:
        if place.name.lower() == mention.text.lower():
            place.mentions.insert(0, mention)
            return
    places.insert(at, Place(mention.text, [mention]))


def _named(people: list[Person], orgs: list[Organization], places: list[Place]) -> list[Named]:
    """Every mention labelled with the name its entity is listed under."""
    named = [Named(m.start, m.end, p.name, PERSON) for p in people for m in p.mentions]
    named += [Named(m.start, m.end, o.name, ORG) for o in orgs for m in o.mentions]
    named += [Named(m.start, m.end, p.name, PLACE) for p in places for m in p.mentions]
    return sorted(named, key=lambda n: n.start)


def _party(named: Named) -> bool:
    """Agreements are made by organisations and countries, not cities."""
    if named.kind == ORG:
        return True
    return named.kind == PLACE and (named.name in gz.COUNTRIES or named.name == "United States")


def _titles(people: list[Person]) -> list[PersonTitles]:
    """Names and titles for resolving "the minister said"."""
    return [PersonTitles(p.name, tuple(p.titles)) for p in people]


def _alias_map(orgs: list[Organization]) -> dict[str, str]:
    """Alias -> listed name, so "EU" in "India-EU" becomes "European Union"."""
    mapping = dict(gz.ORG_ALIASES)
    for org in orgs:
        for alias in org.aliases:
            mapping[alias] = org.name
    return mapping


def _evidence(mentions: list[Mention], index: SentenceIndex) -> list[dict[str, str | int]]:
    """Each distinct sentence containing one of the mentions, in text order."""
    seen: dict[int, dict[str, str | int]] = {}
    for mention in mentions:
        sentence = index.at(mention.start)
        if sentence is not None and sentence.start not in seen:
            seen[sentence.start] = sentence.evidence()
    return [seen[key] for key in sorted(seen)]


def _person_record(person: Person, index: SentenceIndex) -> dict[str, Any]:
    """A people item: name, titles, evidence."""
    return {"name": person.name, "titles": person.titles,
            "evidence": _evidence(person.mentions, index)}


def _org_record(org: Organization, index: SentenceIndex) -> dict[str, Any]:
    """An organizations item: name, aliases, evidence."""
    return {"name": org.name, "aliases": org.aliases, "evidence": _evidence(org.mentions, index)}


def _place_record(place: Place, index: SentenceIndex) -> dict[str, Any]:
    """A places item: name, evidence."""
    return {"name": place.name, "evidence": _evidence(place.mentions, index)}


def _dateline_record(dateline: Dateline | None) -> dict[str, str | None] | None:
    """The dateline as the contract shapes it; a bare credit like "(CNN)" is no dateline."""
    if dateline is None or not dateline.place:
        return None
    return {"place": dateline.place, "date": dateline.date}
