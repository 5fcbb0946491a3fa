"""Reading the demo stories: a ``key: value`` header, a ``---`` line, then paragraphs."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from pathlib import Path

STORIES_DIR = Path(__file__).parent / "stories"


@dataclass(frozen=True)
class Story:
    slug: str
    section: str
    published: datetime
    title: str
    paragraphs: tuple[str, ...]
    byline: str | None = None
    agency: str | None = None
    tags: tuple[str, ...] = ()
    syndicated_from: str | None = None

    @property
    def path(self) -> str:
        day = self.published.strftime("%Y/%m/%d")
        return f"/news/{day}/{self.slug}.html"


def parse_story(text: str) -> Story:
    header, _, body = text.partition("\n---\n")
    fields: dict[str, str] = {}
    for line in header.splitlines():
        key, sep, value = line.partition(":")
        if sep:
            fields[key.strip()] = value.strip()
    paragraphs = tuple(p.strip().replace("\n", " ") for p in body.split("\n\n") if p.strip())
    return Story(
        slug=fields["slug"], section=fields["section"],
        published=datetime.fromisoformat(fields["published"]), title=fields["title"],
        paragraphs=paragraphs, byline=fields.get("byline") or None,
        agency=fields.get("agency") or None,
        tags=tuple(t.strip() for t in fields.get("tags", "").split(",") if t.strip()),
        syndicated_from=fields.get("syndicated_from") or None,
    )


def load_stories(folder: Path = STORIES_DIR) -> list[Story]:
    """All stories, newest first."""
    stories = [parse_story(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.txt"))]
    return sorted(stories, key=lambda s: (s.published, s.slug), reverse=True)


def many_stories(count: int) -> list[Story]:
    """``count`` distinct stories made from the demo ones, for load tests and benchmarks:
    new slugs and titles, an hour apart, paragraphs rotated so their texts differ."""
    base = load_stories()
    made = []
    for number in range(count):
        story = base[number % len(base)]
        turn = (number // len(base)) % len(story.paragraphs)
        made.append(replace(story, slug=f"{story.slug}-{number}", title=f"{story.title} ({number})",
                            paragraphs=story.paragraphs[turn:] + story.paragraphs[:turn],
                            published=story.published - timedelta(hours=number)))
    return made
