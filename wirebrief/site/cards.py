"""A story as the lists show it: headline, lead, key facts of every outlet, every outlet."""

from __future__ import annotations

import re
from typing import Any

from wirebrief.site.corpus import Story, outlet_name

QUOTES = 2  # strongest quotes a card shows
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"])|(?<=[.!?][\"”’)])\s+(?=[A-Z“\"])")


def story_card(story: Story, *, new: bool = False, developing: bool = False) -> dict[str, Any]:
    """Plain data for one story: who, where, when, the strongest quotes, the agreements,
    combined over every article and each said once, and every outlet with its time."""
    lead = story.lead
    return {
        "story": story, "lead": lead, "new": new, "developing": developing,
        "topic": lead.topic_links[0] if lead.topic_links else None,
        "summary": lead_sentences(lead.summary),
        "outlets": [{"source": outlet_name(a), "url": a.url, "path": a.path, "day": a.day}
                    for a in story.copies],
        "who": _combined(story, lambda a: a.named("person"))[:3],
        "where": _where(story),
        "quotes": strongest_quotes(story),
        "agreements": _combined(story, lambda a: a.agreements)[:3],
    }


def lead_sentences(text: str, count: int = 2) -> str:
    """The first ``count`` sentences of a summary."""
    return " ".join(_SENTENCE_END.split(text.strip())[:count])


def _combined(story: Story, facts: Any) -> list[dict[str, Any]]:
    """One entry per thing named (by page, else name) across the story's articles, the
    most often named first, each with the first titles any article gave it."""
    found: dict[str, dict[str, Any]] = {}
    counts: dict[str, int] = {}
    for article in story.copies:
        for item in facts(article):
            key = item.get("path") or item["name"]
            counts[key] = counts.get(key, 0) + 1
            if key not in found or (not found[key].get("titles") and item.get("titles")):
                found[key] = item
    return [found[k] for k in sorted(found, key=lambda k: -counts[k])]


def _where(story: Story) -> list[dict[str, Any]]:
    """The dateline place first, then the places named in the story."""
    places = _combined(story, lambda a: a.named("place"))[:3]
    dateline = story.lead.dateline_place
    if dateline and not any(p["name"] == dateline for p in places):
        return [{"name": dateline, "path": None}, *places[:2]]
    return places


def strongest_quotes(story: Story) -> list[dict[str, Any]]:
    """The quotes most worth a line, each once however many outlets carry it: attributed
    to a known speaker, substantial, not a fragment; earlier reports first on ties."""
    scored: dict[str, tuple[tuple[int, int, int, int], dict[str, Any]]] = {}
    for number, quote in enumerate(q for a in story.copies for q in a.quotes):
        text = " ".join(quote["text"].split()).casefold()
        score = (bool(quote["speaker_path"]), bool(quote["speaker"]),
                 min(len(text), 240) if len(text) >= 25 else 0, -number)
        if text not in scored or score > scored[text][0]:
            scored[text] = (score, quote)
    best = sorted(scored.values(), key=lambda pair: pair[0], reverse=True)
    return [quote for _, quote in best[:QUOTES]]


def story_cards(stories: list[Story]) -> list[dict[str, Any]]:
    return [story_card(story) for story in stories]


def with_cards(context: dict[str, Any]) -> dict[str, Any]:
    """The context with its ``stories`` turned into ``cards`` (used as a page's prepare step)."""
    return {**context, "cards": story_cards(context["stories"])}

