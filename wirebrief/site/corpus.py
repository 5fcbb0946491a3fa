"""The whole store as plain objects: loaded in bulk once per build, indexed every way the pages need.

What lists show of ten thousand articles is a few megabytes, so holding it is cheaper
than the thousands of small queries that per-page reads would make. What only a page of
its own shows (the text, quotes, the details of mentions, the mentions of agreements) is
read when a page asks, so an incremental build that renders a few hundred pages reads
only theirs (see changes.py). Where lists or the plan need only a count or a set (how
often each agreement is named, the timeline's years and months), the store gives it,
without a row per fact: making those rows into objects was a third of loading.
"""

from __future__ import annotations

import functools
import os
import re
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Generic, Protocol, TypeVar

import sqlite_utils

from wirebrief.site.paths import article_path
from wirebrief.store import queries
from wirebrief.store.keys import slugify


class _Loadable(Protocol):
    _loader: Loader | None


Owner = TypeVar("Owner", bound=_Loadable)
Value = TypeVar("Value")

KIND_FOLDER = {"person": "people", "organization": "organizations", "place": "places"}
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,99}$")
_EVENT_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")


def safe_slug(slug: str | None, fallback: str) -> str:
    """A slug that is one harmless path segment, whatever the database holds."""
    return slug if slug and _SLUG.match(slug) else slugify(slug or fallback)


def day_of(value: str | None) -> str | None:
    """``YYYY-MM-DD`` from a stored date or timestamp, or None when it is not a real day
    (scraped dates can be 2026-02-30 or year 0)."""
    return _real_day((value or "")[:10])


@functools.lru_cache(maxsize=65536)
def _real_day(text: str) -> str | None:
    """``text`` if it is a real day (checked once per distinct day: every build asks for
    the day of every article, and they share a few thousand days)."""
    if not _DAY.match(text):
        return None
    try:
        date.fromisoformat(text)
    except ValueError:
        return None
    return text


def year_of(event: dict[str, Any]) -> str | None:
    """The year the timeline lists an event under (see listed_year)."""
    return listed_year(event["date"], event["what"])


def listed_year(when: str | None, what: str | None) -> str | None:
    """The year the timeline lists an event under, or None when it leaves the event out
    (no full or partial ISO date, or nothing said of what happened)."""
    if not what or what.isspace():
        return None
    return _year_of_date(when or "")


@functools.lru_cache(maxsize=65536)
def _year_of_date(when: str) -> str | None:
    """Checked once per distinct date: events share a few thousand."""
    return when[:4] if _EVENT_DATE.match(when) else None


def evidence_sentence(evidence: Any) -> str:
    """The sentence the extractor cites for a fact ('' when none); the store reads it out."""
    return evidence.strip() if isinstance(evidence, str) else ""


class OnDemand(Generic[Owner, Value]):
    """A value of an article or entity read through its Loader the first time a page asks
    for it, and kept in ``slot`` (None until then; a full build's bulk read fills the
    slots of all at once, see Corpus.read_everything)."""

    def __init__(self, slot: str, read: Callable[[Loader, Owner], Value]) -> None:
        self.slot, self.read = slot, read

    def __get__(self, owner: Owner, kind: type | None = None) -> Value:
        value: Value | None = getattr(owner, self.slot)
        if value is None:
            loader = owner._loader
            assert loader is not None, f"{self.slot} was not read and there is no loader to read it"
            value = self.read(loader, owner)
            setattr(owner, self.slot, value)
        return value


class Loader:
    """Reads what only some pages show (article text, the details of facts, quotes) when
    a page first asks for it, or all of it at once for a full build.

    An incremental build renders a few hundred pages of a site of tens of thousands, so
    it reads only what those pages show. Forked render workers must not share the
    parent's SQLite connection: each other process opens its own, read-only.
    """

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db, self.pid = db, os.getpid()
        row = db.execute("pragma database_list").fetchone()
        self.path: str = row[2] if row else ""
        self.entities: dict[str, Entity] = {}
        self.agreements: dict[str, Agreement] = {}
        self.by_id: dict[str, Article] = {}
        self._own: tuple[int, sqlite_utils.Database] | None = None

    def database(self) -> sqlite_utils.Database:
        if os.getpid() == self.pid or not self.path:
            return self.db
        if self._own is None or self._own[0] != os.getpid():
            uri = Path(self.path).as_uri() + "?mode=ro"
            self._own = (os.getpid(), sqlite_utils.Database(sqlite3.connect(uri, uri=True, timeout=30)))
        return self._own[1]

    def text(self, article: Article) -> str:
        rows = queries.article_texts(self.database(), article.id)
        return rows[0][1] if rows else ""

    def read_texts(self, articles: list[Article]) -> None:
        """Read the texts of ``articles`` not read yet, in one query (a feed shows fifty)."""
        missing = [a for a in articles if a._text is None]
        if missing:
            texts = dict(queries.texts_of(self.database(), [a.id for a in missing]))
            for article in missing:
                article._text = texts.get(article.id, "")

    def article_events(self, article: Article) -> list[dict[str, Any]]:
        return events_by(queries.all_events(self.database(), article.id), self.entities).get(article.id, [])

    def details(self, article: Article) -> dict[str, tuple[str, str]]:
        return {e: (t or "[]", ev or "") for _, e, t, ev in
                queries.mention_details(self.database(), article_id=article.id)}

    def article_quotes(self, article: Article) -> list[dict[str, Any]]:
        rows = queries.all_quotes(self.database(), article_id=article.id)
        return quotes_by(rows, self.entities, self.by_id)[0].get(article.id, [])

    def entity_quotes(self, entity: Entity) -> list[dict[str, Any]]:
        rows = queries.all_quotes(self.database(), speaker_id=entity.id)
        return quotes_by(rows, self.entities, self.by_id)[1].get(entity.id, [])

    def entity_titles(self, entity: Entity) -> dict[str, str]:
        return {a: t or "[]" for a, t in queries.titles_of(self.database(), entity.id)}

    def article_agreements(self, article: Article) -> list[dict[str, Any]]:
        rows = queries.all_agreement_mentions(self.database(), article_id=article.id)
        return agreements_by(rows, self.agreements, self.by_id)[0].get(article.id, [])

    def agreement_mentions(self, agreement: Agreement) -> list[dict[str, Any]]:
        rows = queries.all_agreement_mentions(self.database(), agreement_id=agreement.id)
        return agreements_by(rows, self.agreements, self.by_id)[1].get(agreement.id, [])

    def article_periods(self, article: Article) -> Periods:
        return periods_by(queries.event_keys(self.database(), article.id)).get(article.id) or ([], [])


def quotes_by(rows: list[dict[str, Any]], entities: dict[str, Entity], by_id: dict[str, Article]
              ) -> tuple[dict[str, list[dict[str, Any]]], dict[str, list[dict[str, Any]]]]:
    """Stored quotes as pages show them, by article and (with their article) by speaker,
    in store order; empty quotes and quotes of unknown articles are left out."""
    by_article: dict[str, list[dict[str, Any]]] = {}
    by_speaker: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        article = by_id.get(row["article_id"])
        if article is None or not (row["text"] or "").strip():
            continue
        speaker = entities.get(row["speaker_id"] or "")
        quote = {"text": row["text"], "speaker": speaker.name if speaker else row["speaker"],
                 "speaker_path": speaker.path if speaker else None, "channel": row["channel"],
                 "evidence": evidence_sentence(row["evidence"])}
        by_article.setdefault(article.id, []).append(quote)
        if speaker is not None:
            by_speaker.setdefault(speaker.id, []).append({**quote, "article": article})
    return by_article, by_speaker


def agreements_by(rows: list[queries.AgreementMention], agreements: dict[str, Agreement],
                  by_id: dict[str, Article]
                  ) -> tuple[dict[str, list[dict[str, Any]]], dict[str, list[dict[str, Any]]]]:
    """Stored mentions of agreements as pages show them, by article (in store order) and,
    with their article, by agreement (in the order of the site's lists); mentions of
    unknown articles or agreements are left out."""
    by_article: dict[str, list[dict[str, Any]]] = {}
    by_agreement: dict[str, list[dict[str, Any]]] = {}
    for article_id, agreement_id, status, parties, evidence in rows:
        article, agreement = by_id.get(article_id), agreements.get(agreement_id)
        if article is None or agreement is None:
            continue
        item = {"id": agreement.id, "name": agreement.name, "path": agreement.path, "status": status,
                "parties": parties, "evidence": evidence_sentence(evidence)}
        by_article.setdefault(article.id, []).append(item)
        by_agreement.setdefault(agreement.id, []).append({**item, "article": article})
    for mentions in by_agreement.values():
        mentions.sort(key=lambda m: m["article"].order)
    return by_article, by_agreement


@dataclass(eq=False)
class Entity:
    id: str
    kind: str
    name: str
    slug: str
    path: str
    articles: list[Article] = field(default_factory=list, repr=False)  # (no endless cycles in reprs)
    repeats: int = 0  # its articles that are further copies of a story it has already (count_stories)
    _quotes: list[dict[str, Any]] | None = field(default=None, repr=False)
    _titles: dict[str, str] | None = field(default=None, repr=False)
    _loader: Loader | None = field(default=None, repr=False)

    @property
    def identity(self) -> str:
        """What pages that link this entity show of it: a change re-renders them all."""
        return f"{self.kind}:{self.name}:{self.path}"

    @property
    def story_count(self) -> int:
        """Stories naming it (its index line, its page, its archive pages count them)."""
        return len(self.articles) - self.repeats

    # Its quotes, each with its article, in store order; the titles each article gives it.
    quotes = OnDemand("_quotes", Loader.entity_quotes)
    titles = OnDemand("_titles", Loader.entity_titles)

    def titles_in(self, article: Article) -> list[str]:
        """The titles (roles) ``article`` gives this entity."""
        return queries.string_list(self.titles.get(article.id, "[]"))


@dataclass(eq=False)
class Agreement:
    id: str
    name: str
    slug: str
    path: str
    count: int = 0  # its mentions, counted by the store: lists and plans need no more
    _mentions: list[dict[str, Any]] | None = field(default=None, repr=False)
    _loader: Loader | None = field(default=None, repr=False)

    # Its mentions, each with its article, newest first: read when its page or the index shows them.
    mentions = OnDemand("_mentions", Loader.agreement_mentions)

    @property
    def identity(self) -> str:
        return f"{self.name}:{self.path}"


@dataclass(eq=False)
class Topic:
    name: str
    slug: str
    path: str
    articles: list[Article] = field(default_factory=list, repr=False)  # (no endless cycles in reprs)
    repeats: int = 0

    @property
    def story_count(self) -> int:
        return len(self.articles) - self.repeats

    @functools.cached_property
    def link(self) -> dict[str, str]:
        """What an article's page shows of the topic, one dict shared by its articles."""
        return {"name": self.name, "path": self.path}


@dataclass(eq=False, slots=True)
class Article:
    """One stored article with its facts resolved to names and page paths.

    What lists show is read for every article; the text, quotes, the details of its
    mentions, its agreements and the periods of its events are read when a page (or,
    for a changed article, the plan) first asks (Loader), or up front by a full build.
    """

    id: str
    url: str
    source: str
    title: str
    summary: str
    published: str | None
    agency: str | None
    authors: list[str]
    dateline_place: str | None
    dateline_date: str | None
    story_id: str
    topics: list[str]
    first_run_id: int | None
    first_seen_at: str | None
    revision: int = 0
    day: str = "undated"
    order: int = 0  # its place in Corpus.articles, the order of every list (related.position)
    mentions: list[Entity] = field(default_factory=list, repr=False)
    topic_links: list[dict[str, str]] = field(default_factory=list)
    _loader: Loader | None = field(default=None, repr=False)
    _agreements: list[dict[str, Any]] | None = field(default=None, repr=False)
    _periods: Periods | None = field(default=None, repr=False)
    _text: str | None = field(default=None, repr=False)
    _details: dict[str, tuple[str, str]] | None = field(default=None, repr=False)
    _quotes: list[dict[str, Any]] | None = field(default=None, repr=False)
    _facts: dict[str, list[dict[str, Any]]] | None = field(default=None, repr=False)
    _events: list[dict[str, Any]] | None = field(default=None, repr=False)
    _path: str | None = field(default=None, repr=False)

    # Read when a page shows them (its events by date: lists need only ``event_years``
    # and ``event_months``, which a changed article's record reads too).
    text = OnDemand("_text", Loader.text)
    quotes = OnDemand("_quotes", Loader.article_quotes)
    events = OnDemand("_events", Loader.article_events)
    details = OnDemand("_details", Loader.details)
    agreements = OnDemand("_agreements", Loader.article_agreements)
    periods = OnDemand("_periods", Loader.article_periods)

    @property
    def event_years(self) -> list[str]:
        """The years its events go under on the timeline (see listed_year)."""
        return self.periods[0]

    @property
    def event_months(self) -> list[str]:
        """The months (YYYY-MM) of its events dated to the month."""
        return self.periods[1]

    @property
    def entity_ids(self) -> list[str]:
        return [entity.id for entity in self.mentions]

    @property
    def path(self) -> str:
        """Its page; made only for the articles a build shows (slugging ten thousand
        titles is a tenth of an incremental build)."""
        if self._path is None:
            self._path = article_path({"id": self.id, "title": self.title, "published": self.day})
        return self._path

    @property
    def people(self) -> list[dict[str, Any]]:
        return self._mention_dicts()["people"]

    @property
    def organizations(self) -> list[dict[str, Any]]:
        return self._mention_dicts()["organizations"]

    @property
    def places(self) -> list[dict[str, Any]]:
        return self._mention_dicts()["places"]

    def _mention_dicts(self) -> dict[str, list[dict[str, Any]]]:
        """Mentions as the templates want them, built only for the articles a build renders."""
        if self._facts is None:
            groups: dict[str, list[dict[str, Any]]] = {"people": [], "organizations": [], "places": []}
            for entity in self.mentions:
                titles, evidence = self.details.get(entity.id, ("[]", ""))
                groups[KIND_FOLDER[entity.kind]].append({
                    "name": entity.name, "path": entity.path, "titles": queries.string_list(titles),
                    "evidence": evidence_sentence(evidence)})
            for group in groups.values():
                group.sort(key=lambda m: (m["name"].casefold(), m["path"]))
            self._facts = groups
        return self._facts


@dataclass(eq=False)
class Story:
    """Syndicated copies of one wire story: shown once, with every outlet."""

    id: str
    copies: list[Article]

    @property
    def lead(self) -> Article:
        return self.copies[0]


@dataclass
class Corpus:
    articles: list[Article]
    entities: dict[str, Entity]
    agreements: dict[str, Agreement]
    topics: dict[str, Topic]
    stories: dict[str, Story]
    latest_run: int | None
    loader: Loader
    by_id: dict[str, Article] = field(default_factory=dict)
    bulk_reads: set[str] = field(default_factory=set)  # of read_periods and read_agreements, done

    @functools.cached_property
    def event_keys(self) -> list[queries.EventKey]:
        """(article id, date, what, place) of every event, read when first asked for: the
        timeline counts its events from them (pages_timeline.distinct_events)."""
        return queries.event_keys(self.loader.database())

    @functools.cached_property
    def periods(self) -> tuple[set[str], set[str]]:
        """The years and the months (YYYY-MM) the timeline has, those of every article's
        events (Article.periods), found from the distinct dates of the events alone."""
        found = {period for period in map(period_of_date, queries.event_dates(self.loader.database()))
                 if period is not None}
        return {period[:4] for period in found}, {period for period in found if len(period) > 4}

    def story_of(self, article: Article) -> Story:
        return self.stories[article.story_id]

    @functools.cached_property
    def all_stories(self) -> list[Story]:
        """Every story, newest first (the site's feed and the search index list them)."""
        return self.stories_for(self.articles)

    def stories_for(self, articles: list[Article]) -> list[Story]:
        """The stories of ``articles`` in their order, each once."""
        stories = self.stories
        return [stories[story_id] for story_id in dict.fromkeys([a.story_id for a in articles])]

    def is_new(self, story: Story) -> bool:
        runs = [a.first_run_id for a in story.copies if a.first_run_id is not None]
        return self.latest_run is not None and bool(runs) and min(runs) == self.latest_run

    def read_events(self, articles: list[Article] | None = None) -> None:
        """Read the events of ``articles`` (of every article by default) that are not read
        yet, in one query (a timeline page shows thousands)."""
        missing = [a for a in (self.articles if articles is None else articles) if a._events is None]
        if not missing:
            return
        db = self.loader.database()
        rows = queries.all_events(db) if articles is None else queries.events_of(db, [a.id for a in missing])
        found = events_by(rows, self.entities)
        for article in missing:
            article._events = found.get(article.id, [])

    def read_everything(self) -> None:
        """Read every article's text, mention details and quotes in a few bulk queries: a
        full build shows them all, and one query per article would cost far more."""
        db = self.loader.db
        texts = dict(queries.article_texts(db))
        details: dict[str, dict[str, tuple[str, str]]] = {}
        titles: dict[str, dict[str, str]] = {}
        for article_id, entity_id, named_as, evidence in queries.mention_details(db):
            details.setdefault(article_id, {})[entity_id] = (named_as or "[]", evidence or "")
            titles.setdefault(entity_id, {})[article_id] = named_as or "[]"
        quoted, said = quotes_by(queries.all_quotes(db), self.entities, self.by_id)
        self.read_events()
        self.read_periods()
        self.read_agreements()
        for article in self.articles:
            article._text = texts.get(article.id, "")
            article._details = details.get(article.id, {})
            article._quotes = quoted.get(article.id, [])
        for entity in self.entities.values():
            entity._quotes, entity._titles = said.get(entity.id, []), titles.get(entity.id, {})

    def read_periods(self) -> None:
        """Set the periods of every article at once from the events' keys (a full build
        records every article, and one query per article would cost far more)."""
        if "periods" in self.bulk_reads:
            return
        self.bulk_reads.add("periods")
        found = periods_by(self.event_keys)
        for article in self.articles:
            article._periods = found.get(article.id) or ([], [])

    def read_agreements(self) -> None:
        """Read every mention of an agreement at once, for articles and agreements alike
        (a full build shows them all, and the agreements' index shows every agreement)."""
        if "agreements" in self.bulk_reads:
            return
        self.bulk_reads.add("agreements")
        by_article, by_agreement = agreements_by(queries.all_agreement_mentions(self.loader.database()),
                                                 self.agreements, self.by_id)
        for article in self.articles:
            article._agreements = by_article.get(article.id, [])
        for agreement in self.agreements.values():
            agreement._mentions = by_agreement.get(agreement.id, [])


def read_texts(articles: list[Article]) -> None:
    """Read the texts of ``articles`` that are not read yet in one query, rather than one
    query each when each is first shown (a feed with full text shows fifty)."""
    loaders = {id(a._loader): a._loader for a in articles if a._loader is not None and a._text is None}
    for loader in loaders.values():
        loader.read_texts([a for a in articles if a._loader is loader])


def load_corpus(db: sqlite_utils.Database) -> Corpus:
    """Every article and what lists show of its facts, in a few bulk queries, cross-linked."""
    loader = Loader(db)
    articles = _articles(queries.all_articles(db), loader)
    by_id = loader.by_id = {a.id: a for a in articles}
    entities = loader.entities = _entities(db, loader)
    agreements = loader.agreements = _agreements(db, loader)
    _attach_mentions(db, by_id, entities)
    topics = _topics(articles)
    stories = _stories(articles)
    count_stories(stories, topics)
    return Corpus(articles, entities, agreements, topics, stories, latest_run(articles), loader, by_id)


def latest_run(articles: list[Article]) -> int | None:
    """The run that most recently stored a new article: its stories are marked new.

    Taken from the articles, not the runs table, so a build (itself a run) never changes
    what is new and two builds of the same data stay identical (and from the articles
    read already: the store has no index to find it without reading every row).
    """
    return max((a.first_run_id for a in articles if a.first_run_id is not None), default=None)


def _articles(rows: list[tuple[Any, ...]], loader: Loader) -> list[Article]:
    """Articles from rows of queries.all_articles (the fields of ARTICLE_COLUMNS, in order),
    numbered in their order. Each distinct list of authors or topics is decoded once and
    shared by the articles that store it (nothing changes them)."""
    decoded: dict[str | None, list[str]] = {}

    def strings(value: str | None) -> list[str]:
        found = decoded.get(value)
        if found is None:
            found = decoded[value] = queries.string_list(value)
        return found

    articles = []
    for number, (article_id, url, source, title, summary, published, agency, authors, dateline_place,
                 dateline_date, story_id, topics, first_run_id, first_seen_at, revision) in enumerate(rows):
        day = day_of(published) or day_of(first_seen_at) or "undated"
        articles.append(Article(article_id, url, source or "", title or "", summary or "", published, agency,
                                strings(authors), dateline_place, dateline_date, story_id or article_id,
                                strings(topics), first_run_id, first_seen_at, revision, day, number,
                                _loader=loader))
    return articles


def _entities(db: sqlite_utils.Database, loader: Loader) -> dict[str, Entity]:
    entities: dict[str, Entity] = {}
    taken: set[str] = set()
    for entity_id, kind, name, stored_slug in queries.all_entities(db):
        folder = KIND_FOLDER.get(kind)
        if folder is None:
            continue
        slug = safe_slug(stored_slug, name or entity_id)
        if f"{folder}/{slug}/" in taken:
            slug = f"{slug}-{entity_id[:8]}"
        path = f"{folder}/{slug}/"
        taken.add(path)
        entities[entity_id] = Entity(entity_id, kind, name or slug, slug, path, _loader=loader)
    return entities


def _agreements(db: sqlite_utils.Database, loader: Loader) -> dict[str, Agreement]:
    """Every agreement with the count of its mentions (what they say is read on demand)."""
    result = {}
    taken: set[str] = set()
    counts = queries.agreement_counts(db)
    for row in queries.all_agreements(db):
        slug = safe_slug(row["slug"], row["name"] or row["id"])
        slug = f"{slug}-{row['id'][:8]}" if slug in taken else slug
        taken.add(slug)
        result[row["id"]] = Agreement(row["id"], row["name"] or slug, slug, f"agreements/{slug}/",
                                      counts.get(row["id"], 0), _loader=loader)
    return result


def _attach_mentions(db: sqlite_utils.Database, by_id: dict[str, Article],
                     entities: dict[str, Entity]) -> None:
    """Who is named where; each entity's articles newest first, as every list shows them
    (articles are visited in that order, so nothing is sorted). What the article says of
    each is read later (Article.people)."""
    known = entities.get
    for article_id, entity_ids in queries.mentioned(db):
        article = by_id.get(article_id)
        if article is not None:
            article.mentions = [e for e in map(known, entity_ids) if e is not None]
    for article in by_id.values():
        for entity in article.mentions:
            entity.articles.append(article)


def events_by(rows: list[queries.EventRow], entities: dict[str, Entity]) -> dict[str, list[dict[str, Any]]]:
    """Stored events as pages show them, by article, each article's by date."""
    result: dict[str, list[dict[str, Any]]] = {}
    for article_id, when, what, place_name, place_id, evidence in rows:
        place = entities.get(place_id or "")
        event = {"date": when or "", "what": what or "", "place": place_name,
                 "place_path": place.path if place else None, "evidence": evidence_sentence(evidence)}
        event["year"] = year_of(event)
        result.setdefault(article_id, []).append(event)
    for events in result.values():
        events.sort(key=lambda e: (e["date"], e["what"]))
    return result


def period_of_date(when: str | None) -> str | None:
    """The period the timeline lists an event of this date under: its month (YYYY-MM)
    when the date has one, else its year; None when it is no date the timeline lists."""
    year = _year_of_date(when or "")
    return None if year is None or when is None else (when[:7] if len(when) > 4 else year)


Periods = tuple[list[str], list[str]]  # an article's years and months on the timeline


def periods_by(event_keys: list[queries.EventKey]) -> dict[str, Periods]:
    """The years and months each article's events go under on the timeline (the events
    themselves are read when a page shows them), by the rule of listed_year; each distinct
    date is checked once (events share a few thousand), and most articles' single period
    is set without sorting."""
    periods: dict[str, set[str]] = {}
    period_of: dict[str | None, str | None] = {}
    for article_id, when, what, _ in event_keys:
        if not what or what.isspace():
            continue
        period = period_of.get(when, "")
        if period == "":
            period = period_of[when] = period_of_date(when)
        if period is not None:
            found = periods.get(article_id)
            if found is None:
                periods[article_id] = {period}
            else:
                found.add(period)
    result: dict[str, Periods] = {}
    for article_id, found in periods.items():
        if len(found) == 1:
            (period,) = found
            result[article_id] = ([period[:4]], [period] if len(period) > 4 else [])
        else:
            result[article_id] = (sorted({period[:4] for period in found}),
                                  sorted(period for period in found if len(period) > 4))
    return result


def _topics(articles: list[Article]) -> dict[str, Topic]:
    """Topics by slug; labels that slug alike share one page, named by the first label seen.

    Articles repeat a few lists of labels, so each distinct list is resolved to its
    topics once, and the topics' shared links are reused by its articles."""
    topics: dict[str, Topic] = {}
    resolved: dict[tuple[str, ...], list[Topic]] = {}
    for article in articles:
        labels = tuple(article.topics)
        found = resolved.get(labels)
        if found is None:
            found = resolved[labels] = _topics_of(labels, topics)
        for topic in found:
            topic.articles.append(article)
        article.topic_links = [topic.link for topic in found]
    return dict(sorted(topics.items()))


def _topics_of(labels: tuple[str, ...], topics: dict[str, Topic]) -> list[Topic]:
    """The topics of a list of labels, each once, in the labels' order (made when first seen)."""
    found: dict[str, Topic] = {}
    for name in (label.strip() for label in labels):
        slug = slugify(name)
        if not name or slug in found:
            continue
        topic = topics.get(slug)
        if topic is None:
            topic = topics[slug] = Topic(name, slug, f"topics/{slug}/")
        found[slug] = topic
    return list(found.values())


def _stories(articles: list[Article]) -> dict[str, Story]:
    """Group copies by story id; the lead is the copy stored first, so it never changes.

    Feeds use the lead's permalink as the item id: a later, fuller copy of the same wire
    story must not make a feed reader show the story a second time.
    """
    groups: dict[str, list[Article]] = defaultdict(list)
    for article in articles:
        groups[article.story_id].append(article)
    stories = {}
    for story_id, copies in groups.items():
        if len(copies) > 1:
            copies.sort(key=lambda a: (a.first_seen_at or "", a.id))
        stories[story_id] = Story(story_id, copies)
    return stories


def count_stories(stories: dict[str, Story], topics: dict[str, Topic]) -> None:
    """Set how many of each entity's and topic's articles repeat a story already in its
    list, so that its story count (syndicated copies counted once) is a subtraction.

    Counting distinct stories list by list visits every mention of every build; only
    stories with several copies can repeat, and they are few."""
    for story in stories.values():
        if len(story.copies) < 2:
            continue
        entities = Counter(e for a in story.copies for e in a.mentions)
        for entity, copies in entities.items():
            entity.repeats += copies - 1
        slugs = Counter(link["path"].split("/")[1] for a in story.copies for link in a.topic_links)
        for slug, copies in slugs.items():
            topics[slug].repeats += copies - 1
