"""A story as the lists show it: headline, key facts, every outlet that carried it."""

from __future__ import annotations

from typing import Any

from wirebrief.site.corpus import Article, Story


def story_card(story: Story, *, new: bool = False) -> dict[str, Any]:
    """Plain data for one story: who, where, when, the strongest quote, the outlets."""
    lead = story.lead
    return {
        "story": story, "lead": lead, "new": new,
        "outlets": [{"source": a.source or a.agency or "source", "url": a.url, "path": a.path}
                    for a in story.copies],
        "who": lead.people[:3],
        "where": _where(lead),
        "quote": strongest_quote(lead),
    }


def _where(article: Article) -> list[dict[str, Any]]:
    """The dateline place first, then the places named in the story."""
    places = article.places[:3]
    if article.dateline_place and not any(p["name"] == article.dateline_place for p in places):
        return [{"name": article.dateline_place, "path": None}, *places[:2]]
    return places


def strongest_quote(article: Article) -> dict[str, Any] | None:
    """The quote most worth a line: attributed to a known speaker, substantial, not a fragment."""
    def score(item: tuple[int, dict[str, Any]]) -> tuple[int, int, int, int]:
        index, quote = item
        length = len(quote["text"])
        return (bool(quote["speaker_path"]), bool(quote["speaker"]), min(length, 240) if length >= 25 else 0,
                -index)

    if not article.quotes:
        return None
    return max(enumerate(article.quotes), key=score)[1]


def story_cards(stories: list[Story]) -> list[dict[str, Any]]:
    return [story_card(story) for story in stories]


def with_cards(context: dict[str, Any]) -> dict[str, Any]:
    """The context with its ``stories`` turned into ``cards`` (used as a page's prepare step)."""
    return {**context, "cards": story_cards(context["stories"])}
