"""What a digest says: the top stories of the latest days (or one watch's matches), each
with its absolute links, as plain data the two renderings (text and HTML) share.

Scraped text is hostile: it is kept as data here and escaped by the templates; what
goes into a header is made one line by ``one_line``. Every link is absolute to the
site's ``base_url``, since an email has no page to be relative to.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from wirebrief.config import Config
from wirebrief.config_watch import WatchConfig
from wirebrief.site.corpus import day_of, story_path
from wirebrief.site.paths import article_path
from wirebrief.store.keys import short_hash
from wirebrief.stories.ranking import latest_stories, newest_day, outlet, rank_stories
from wirebrief.stories.reads import StoryRow, read_stories

if TYPE_CHECKING:
    import sqlite_utils

CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")


class DigestError(RuntimeError):
    """A digest that cannot be made or sent: one line for the user, never a traceback."""


def one_line(text: str | None, limit: int = 300) -> str:
    """Text safe for a header or a list line: no CR, LF or other control characters."""
    flat = " ".join(CONTROL.sub(" ", text or "").split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


@dataclass(frozen=True)
class Outlet:
    name: str
    url: str


@dataclass(frozen=True)
class DigestStory:
    id: str
    title: str
    url: str
    day: str | None
    summary: str
    outlets: list[Outlet]
    reasons: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Digest:
    """One email's content. ``key`` names the set of stories and the day: the Message-ID."""

    site_title: str
    base_url: str
    day: str | None
    days: int
    stories: list[DigestStory]
    watch: WatchConfig | None = None

    @property
    def key(self) -> str:
        kind = f"watch:{self.watch.slug}" if self.watch else "briefing"
        return short_hash("digest", kind, self.day or "", *sorted(s.id for s in self.stories), length=24)

    @property
    def page_url(self) -> str:
        """The site page this email is the inbox edition of."""
        return self.base_url + (f"watch/{self.watch.slug}/" if self.watch else "")

    @property
    def heading(self) -> str:
        what = f"Watch: {self.watch.name}" if self.watch else self.site_title
        return one_line(what, 200)


def absolute(base_url: str, path: str) -> str:
    return base_url + path.lstrip("/")


def find_watch(config: Config, name: str) -> WatchConfig:
    """The watch named ``name`` (or whose slug it is)."""
    for watch in config.watch:
        if name in (watch.name, watch.slug) or watch.name.casefold() == name.casefold():
            return watch
    known = ", ".join(repr(w.name) for w in config.watch) or "none configured"
    raise DigestError(f"no watch named {one_line(name, 100)!r} in {config.path} (known: {known})")


def _summaries(db: sqlite_utils.Database, ids: list[str]) -> dict[str, str | None]:
    """Article id -> summary, read for the articles an email shows only."""
    found: dict[str, str | None] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        marks = ",".join("?" for _ in chunk)
        found.update(db.execute(f"select id, summary from articles where id in ({marks})", chunk))
    return found


def _story(base_url: str, story: StoryRow, summaries: dict[str, str | None],
           reasons: list[str]) -> DigestStory:
    outlets: dict[str, Outlet] = {}
    for article in story.articles:  # one link per outlet: its first report, as the site's page
        path = article_path({"id": article.id, "title": article.title,
                             "published": day_of(article.published) or "undated"})
        outlets.setdefault(outlet(article), Outlet(one_line(outlet(article), 120), absolute(base_url, path)))
    lead = story.articles[0]
    return DigestStory(
        id=story.id, title=one_line(story.title or lead.title or "Untitled story", 300),
        url=absolute(base_url, story_path(story.id)), day=day_of(story.last_seen),
        summary=one_line(summaries.get(lead.id), 600), outlets=list(outlets.values()), reasons=reasons)


def build_digest(db: sqlite_utils.Database, config: Config, watch: WatchConfig | None = None,
                 days: int | None = None) -> Digest:
    """The briefing's top stories of the last ``days`` days (default ``[site] briefing_days``),
    ranked as the site's briefing ranks them; or, with ``watch``, that watch's matches in
    the same days, newest first, each with why it matched."""
    days = days or config.site.briefing_days
    base_url = str(config.site.base_url)
    every = read_stories(db)
    window = {s.id for s in latest_stories(every, days)}
    reasons: dict[str, list[str]] = {}
    if watch is None:
        chosen = rank_stories([s for s in every if s.id in window], every)[: config.digest.max_stories]
    else:
        from wirebrief.watch import match_stories

        by_id = {s.id: s for s in every}
        matches = [m for m in match_stories(db, watch) if m.story_id in window]
        chosen = [by_id[m.story_id] for m in matches][: config.digest.max_stories]
        reasons = {m.story_id: list(m.reasons) for m in matches}
    summaries = _summaries(db, sorted({s.articles[0].id for s in chosen}))
    stories = [_story(base_url, s, summaries, reasons.get(s.id, [])) for s in chosen]
    return Digest(site_title=config.site.title, base_url=base_url, day=newest_day(every),
                  days=days, stories=stories, watch=watch)


def message_domain(base_url: str) -> str:
    """The domain part of Message-IDs and of the default sender: the site's host."""
    host = urlsplit(base_url).hostname or ""
    return host if re.fullmatch(r"[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?", host) else "wirebrief.invalid"
