"""The whole store as plain objects: loaded in bulk once per build, indexed every way the pages need.

Every output's key is computed on every build (outputs.py), so the build needs what every
page shows: the articles, their facts, entities, agreements and topics are read in a
handful of bulk queries, which costs far less than the thousands of small queries that
per-page reads would make. Only the articles' text, the largest part of the store, is
read when a page or feed shows it.
"""

from __future__ import annotations

import functools
import hashlib
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import sqlite_utils

from wirebrief.site.paths import article_path
from wirebrief.store import queries
from wirebrief.store.keys import slugify
from wirebrief.store.texts import TextReader
from wirebrief.stories import redirects, story_of_articles
from wirebrief.stories.ranking import outlet as outlet_name  # (the digest names outlets alike)

KIND_FOLDER = {"person": "people", "organization": "organizations", "place": "places"}
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,99}$")
_EVENT_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")


def digest_of(value: Any) -> str:
    """A short digest of ``value``'s repr: what keys are made of. Plain data and the
    corpus objects (whose repr is what pages can show of them) have reprs that are the
    same in every build of the same store."""
    return hashlib.blake2b(repr(value).encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def story_path(story_id: str) -> str:
    return f"stories/{safe_slug(story_id, story_id)}/"


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
    """The year the timeline lists an event under, or None when it leaves the event out
    (no full or partial ISO date, or nothing said of what happened)."""
    if not event["what"] or event["what"].isspace():
        return None
    return _year_of_date(event["date"])


@functools.lru_cache(maxsize=65536)
def _year_of_date(when: str) -> str | None:
    """Checked once per distinct date: events share a few thousand."""
    return when[:4] if _EVENT_DATE.match(when) else None


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
                 "speaker_path": speaker.path if speaker else None, "channel": row["channel"]}
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
                "parties": parties, "evidence": queries.evidence_sentence(evidence)}
        by_article.setdefault(article.id, []).append(item)
        by_agreement.setdefault(agreement.id, []).append({**item, "article": article})
    for mentions in by_agreement.values():
        mentions.sort(key=lambda m: m["article"].order)
    return by_article, by_agreement


@dataclass(eq=False, repr=False)
class Entity:
    id: str
    kind: str
    name: str
    slug: str
    path: str
    articles: list[Article] = field(default_factory=list, repr=False)  # (no endless cycles in reprs)
    repeats: int = 0  # its articles that are further copies of a story it has already (count_stories)
    quotes: list[dict[str, Any]] = field(default_factory=list, repr=False)  # with their article
    titles: dict[str, str] = field(default_factory=dict, repr=False)  # article id -> JSON list, if any

    @property
    def identity(self) -> tuple[str, str, str]:
        """What pages that link this entity show of it."""
        return (self.kind, self.name, self.path)

    def __post_init__(self) -> None:
        # Made once, as a plain attribute: keys list entities by the hundred thousand.
        self.token = repr(("entity", *self.identity))

    def __repr__(self) -> str:  # what output keys are made of (outputs.key_of)
        return self.token

    @property
    def story_count(self) -> int:
        """Stories naming it (its index line, its page, its archive pages count them)."""
        return len(self.articles) - self.repeats


@dataclass(eq=False, repr=False)
class Agreement:
    id: str
    name: str
    slug: str
    path: str
    # Its mentions, each with its article, in the order of the site's lists (newest first).
    mentions: list[dict[str, Any]] = field(default_factory=list, repr=False)

    @property
    def identity(self) -> tuple[str, str]:
        return (self.name, self.path)

    def __repr__(self) -> str:  # what output keys are made of (outputs.key_of)
        return repr(("agreement", *self.identity))


@dataclass(eq=False, repr=False)
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

    def __repr__(self) -> str:  # what output keys are made of (outputs.key_of)
        return repr(("topic", self.name, self.path))


@dataclass(eq=False, repr=False, slots=True)
class Article:
    """One stored article with its facts resolved to names and page paths; its text is
    read when a page shows it (TextReader)."""

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
    copy_id: str  # its copy group: near-identical copies of one wire text (syndication.py)
    topics: list[str]
    first_run_id: int | None
    first_seen_at: str | None
    revision: int = 0
    story_id: str = ""  # its story: every outlet's report of one event (wirebrief/stories)
    day: str = "undated"
    order: int = 0  # its place in Corpus.articles, the order of every list (related.position)
    mentions: list[Entity] = field(default_factory=list, repr=False)
    topic_links: list[dict[str, str]] = field(default_factory=list)
    quotes: list[dict[str, Any]] = field(default_factory=list, repr=False)
    events: list[dict[str, Any]] = field(default_factory=list, repr=False)  # by date
    agreements: list[dict[str, Any]] = field(default_factory=list, repr=False)
    _reader: TextReader | None = field(default=None, repr=False)
    _path: str | None = field(default=None, repr=False)
    _token: str | None = field(default=None, repr=False)

    @property
    def text(self) -> str:
        assert self._reader is not None, "an article is made by load_corpus, with a reader"
        return self._reader.text(self.id)

    def __repr__(self) -> str:  # what output keys are made of (outputs.key_of)
        return self.token

    @property
    def token(self) -> str:
        """What any page can show of it, as a digest made once per build:
        the revision moves with every change to the article and its facts; the names and
        pages of the entities, agreements and topics it links to can change without it."""
        if self._token is None:
            self._token = digest_of(("article", self.id, self.revision, self.story_id, self.copy_id,
                                     tuple(e.identity for e in self.mentions),
                                     tuple(link["name"] for link in self.topic_links),
                                     tuple((q["speaker"], q["speaker_path"]) for q in self.quotes),
                                     tuple((g["name"], g["path"]) for g in self.agreements),
                                     tuple(e["place_path"] for e in self.events)))
        return self._token

    @property
    def path(self) -> str:
        """Its page, made when first asked for (slugging every title is not free)."""
        if self._path is None:
            self._path = article_path({"id": self.id, "title": self.title, "published": self.day})
        return self._path

    def named(self, kind: str) -> list[dict[str, Any]]:
        """Its mentions of one kind as the templates want them, made each time a page asks
        (kept, they would grow every render process by the facts of every article)."""
        found: list[dict[str, Any]] = [
            {"id": e.id, "name": e.name, "path": e.path, "titles": titles_of(e.titles.get(self.id))}
            for e in self.mentions if e.kind == kind]
        found.sort(key=lambda m: (m["name"].casefold(), m["path"]))
        return found


@functools.lru_cache(maxsize=4096)
def titles_of(stored: str | None) -> tuple[str, ...]:
    """A mention's titles (roles), decoded once per distinct JSON list: they repeat."""
    return tuple(queries.string_list(stored))


@dataclass(eq=False, repr=False)
class Story:
    """Every outlet's report of one event (and copies of one wire text when no story was
    placed): shown once, with every outlet. ``copies`` are its articles, the first stored
    first: that lead never changes as coverage grows, nor the story's page and feed ids."""

    id: str
    copies: list[Article]
    _token: str | None = None

    @property
    def lead(self) -> Article:
        return self.copies[0]

    @property
    def path(self) -> str:
        return story_path(self.id)

    @functools.cached_property
    def outlets(self) -> int:
        """How many distinct outlets report it."""
        return len({outlet_name(a) for a in self.copies})

    @property
    def token(self) -> str:
        if self._token is None:  # (not a cached_property: its lookup costs more than a build's keys)
            self._token = digest_of(("story", self.id, tuple(copy.token for copy in self.copies)))
        return self._token

    def __repr__(self) -> str:  # what output keys are made of (outputs.key_of)
        return self._token or self.token


@dataclass
class Corpus:
    articles: list[Article]
    entities: dict[str, Entity]
    agreements: dict[str, Agreement]
    topics: dict[str, Topic]
    stories: dict[str, Story]
    latest_run: int | None
    by_id: dict[str, Article] = field(default_factory=dict)
    redirects: dict[str, str] = field(default_factory=dict)  # absorbed story id -> the one that remains

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

    def fresh(self, article: Article) -> bool:
        """Whether the latest crawl that stored anything stored it: what is new on the
        briefing, developing stories and /changes/ all count from this."""
        return self.latest_run is not None and article.first_run_id == self.latest_run

    def fresh_reports(self, story: Story) -> int:
        return sum(1 for a in story.copies if self.fresh(a))

    def is_new(self, story: Story) -> bool:
        """Every report of it is fresh."""
        return self.fresh_reports(story) == len(story.copies)


def read_texts(articles: list[Article]) -> None:
    """Read the texts of ``articles`` that are not read yet in one query, rather than one
    query each when each is first shown (a feed with full text shows fifty). The articles
    of one corpus share its reader."""
    if articles and articles[0]._reader is not None:
        articles[0]._reader.read([a.id for a in articles])


def load_corpus(db: sqlite_utils.Database) -> Corpus:
    """Every article and its facts (all but the text) in a few bulk queries, cross-linked."""
    reader = TextReader(db)
    articles = _articles(queries.all_articles(db), reader, story_of_articles(db))
    by_id = {a.id: a for a in articles}
    entities = _entities(db)
    agreements = _agreements(db, by_id)
    _attach_mentions(db, by_id, entities)
    _attach_facts(db, by_id, entities)
    topics = _topics(articles)
    stories = _stories(articles)
    count_stories(stories, topics)
    moved = {old: new for old, new in redirects(db).items() if new in stories and old not in stories}
    return Corpus(articles, entities, agreements, topics, stories, latest_run(articles), by_id, moved)


def _attach_facts(db: sqlite_utils.Database, by_id: dict[str, Article], entities: dict[str, Entity]) -> None:
    """The titles each article gives the entities it names, its quotes and its events."""
    for article_id, entity_id, named_as in queries.mention_titles(db):
        entity = entities.get(entity_id)
        if entity is not None and article_id in by_id:
            entity.titles[article_id] = sys.intern(named_as)  # a few roles, repeated
    quoted, said = quotes_by(queries.all_quotes(db), entities, by_id)
    for article_id, quotes in quoted.items():
        by_id[article_id].quotes = quotes
    for entity_id, quotes in said.items():
        entities[entity_id].quotes = quotes
    for article_id, events in events_by(queries.all_events(db), entities).items():
        if article_id in by_id:
            by_id[article_id].events = events


def latest_run(articles: list[Article]) -> int | None:
    """The run that most recently stored a new article: its stories are marked new.

    Taken from the articles, not the runs table, so a build (itself a run) never changes
    what is new and two builds of the same data stay identical (and from the articles
    read already: the store has no index to find it without reading every row).
    """
    return max((a.first_run_id for a in articles if a.first_run_id is not None), default=None)


def _articles(rows: list[tuple[Any, ...]], reader: TextReader, stories: dict[str, str]) -> list[Article]:
    """Articles from rows of queries.all_articles (the fields of ARTICLE_COLUMNS, in order),
    numbered in their order. Each distinct list of authors or topics is decoded once and
    shared by the articles that store it (nothing changes them), and so is each distinct
    source, agency, date and dateline (they repeat across articles: one string for each)."""
    strings = functools.lru_cache(maxsize=None)(queries.string_list)
    shared: dict[str | None, str | None] = {}
    one = shared.setdefault
    articles = []
    for number, (article_id, url, source, title, summary, published, agency, authors, dateline_place,
                 dateline_date, copy_id, topics, first_run_id, first_seen_at, revision) in enumerate(rows):
        day = day_of(published) or day_of(first_seen_at) or "undated"
        copy_id = copy_id or article_id
        articles.append(Article(article_id, url, one(source, source) or "", title or "", summary or "",
                                one(published, published), one(agency, agency), strings(authors),
                                one(dateline_place, dateline_place), one(dateline_date, dateline_date),
                                copy_id, strings(topics), first_run_id, one(first_seen_at, first_seen_at),
                                revision, stories.get(article_id) or copy_id, day, number, _reader=reader))
    return articles


def _entities(db: sqlite_utils.Database) -> dict[str, Entity]:
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
        entities[entity_id] = Entity(entity_id, kind, name or slug, slug, path)
    return entities


def _agreements(db: sqlite_utils.Database, by_id: dict[str, Article]) -> dict[str, Agreement]:
    """Every agreement with its mentions; each article with the agreements it names."""
    result = {}
    taken: set[str] = set()
    for row in queries.all_agreements(db):
        slug = safe_slug(row["slug"], row["name"] or row["id"])
        slug = f"{slug}-{row['id'][:8]}" if slug in taken else slug
        taken.add(slug)
        result[row["id"]] = Agreement(row["id"], row["name"] or slug, slug, f"agreements/{slug}/")
    by_article, by_agreement = agreements_by(queries.all_agreement_mentions(db), result, by_id)
    for article_id, mentions in by_article.items():
        by_id[article_id].agreements = mentions
    for agreement_id, mentions in by_agreement.items():
        result[agreement_id].mentions = mentions
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
    """Stored events as pages show them, by article, each article's by date.

    ``line`` is what a page writes for the event: its description (the sentence, who did
    what where) so that it reads alone, or ``what`` for an event stored before
    descriptions were (schema version 7). Both come from the events row, so a change to
    either moves the article's revision and with it the key of every page showing it."""
    result: dict[str, list[dict[str, Any]]] = {}
    for article_id, when, what, place_name, place_id, evidence, description in rows:
        place = entities.get(place_id or "")
        line = " ".join((description or "").split()) or what or ""
        event = {"date": when or "", "what": what or "", "place": place_name, "line": line,
                 "place_path": place.path if place else None, "evidence": queries.evidence_sentence(evidence)}
        event["year"] = year_of(event)
        result.setdefault(article_id, []).append(event)
    for events in result.values():
        events.sort(key=lambda e: (e["date"], e["what"]))
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
    """Group articles by story; the lead is the report stored first (of those stored at
    once, the first published), so it never changes as later reports arrive.

    Feeds use the lead's permalink as the item id: a later, fuller report of the same
    story must not make a feed reader show the story a second time.
    """
    groups: dict[str, list[Article]] = defaultdict(list)
    for article in articles:
        groups[article.story_id].append(article)
    stories = {}
    for story_id, copies in groups.items():
        if len(copies) > 1:
            copies.sort(key=lambda a: (a.first_seen_at or "", a.published or "", a.id))
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
