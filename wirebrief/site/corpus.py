"""The whole store as plain objects: loaded in bulk once per build, indexed every way the pages need.

Ten thousand articles are a few tens of megabytes, so holding them is cheaper than the
thousands of small queries that per-page reads would make. Every article carries a
digest of everything its pages show about it; pages that list articles are keyed on
those digests, which is what makes incremental builds cheap (see incremental.py).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import sqlite_utils

from wirebrief.site.paths import article_path
from wirebrief.store import queries
from wirebrief.store.keys import slugify

KIND_FOLDER = {"person": "people", "organization": "organizations", "place": "places"}
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,99}$")


def safe_slug(slug: str | None, fallback: str) -> str:
    """A slug that is one harmless path segment, whatever the database holds."""
    return slug if slug and _SLUG.match(slug) else slugify(slug or fallback)


def day_of(value: str | None) -> str | None:
    """``YYYY-MM-DD`` from a stored date or timestamp, or None when it is not a real day
    (scraped dates can be 2026-02-30 or year 0)."""
    text = (value or "")[:10]
    if not _DAY.match(text):
        return None
    try:
        date.fromisoformat(text)
    except ValueError:
        return None
    return text


def decode_list(value: str) -> list[str]:
    """A JSON list of strings from the store; anything else reads as empty."""
    if value == "[]":
        return []
    try:
        decoded = json.loads(value)
    except ValueError:
        return []
    return [str(v) for v in decoded] if isinstance(decoded, list) else []


def evidence_sentence(evidence: Any) -> str:
    """The sentence the extractor cites for a fact ('' when none); the store reads it out."""
    return evidence.strip() if isinstance(evidence, str) else ""


@dataclass(eq=False)
class Entity:
    id: str
    kind: str
    name: str
    slug: str
    path: str
    articles: list[Article] = field(default_factory=list)
    quotes: list[dict[str, Any]] = field(default_factory=list)

    @property
    def digest(self) -> str:
        return f"{self.id}:{self.name}:{self.path}"


@dataclass(eq=False)
class Agreement:
    id: str
    name: str
    slug: str
    path: str
    mentions: list[dict[str, Any]] = field(default_factory=list)


@dataclass(eq=False)
class Topic:
    name: str
    slug: str
    path: str
    articles: list[Article] = field(default_factory=list)


@dataclass(eq=False)
class Article:
    """One stored article with its facts resolved to names and page paths."""

    id: str
    url: str
    source: str
    title: str
    text: str
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
    day: str = "undated"
    path: str = ""
    mentions: list[tuple[Entity, str, str]] = field(default_factory=list)
    quotes: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    agreements: list[dict[str, Any]] = field(default_factory=list)
    topic_links: list[dict[str, str]] = field(default_factory=list)
    digest: str = ""
    _facts: dict[str, list[dict[str, Any]]] | None = field(default=None, repr=False)

    @property
    def entity_ids(self) -> list[str]:
        return [entity.id for entity, _, _ in self.mentions]

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
            for entity, titles, evidence in self.mentions:
                groups[KIND_FOLDER[entity.kind]].append({
                    "name": entity.name, "path": entity.path, "titles": decode_list(titles),
                    "evidence": evidence_sentence(evidence)})
            for group in groups.values():
                group.sort(key=lambda m: (m["name"].casefold(), m["path"]))
            self._facts = groups
        return self._facts

    def seal(self) -> None:
        """Fix the digest once every fact is attached; it stands for the article in page keys.

        Strings are hashed as they are and the small fact lists by their repr (plain data
        built in a fixed order): stable across builds, and cheap for ten thousand articles.
        """
        digest = hashlib.blake2b(digest_size=12)
        for name, value in vars(self).items():
            if name in ("digest", "_facts", "mentions"):
                continue
            text = value if isinstance(value, str) else repr(value)
            digest.update(text.encode("utf-8", "surrogatepass") + b"\x1f")
        for entity, titles, evidence in self.mentions:
            digest.update(f"{entity.digest}\x1f{titles}\x1f{evidence}\x1e".encode("utf-8", "surrogatepass"))
        self.digest = digest.hexdigest()


@dataclass(eq=False)
class Story:
    """Syndicated copies of one wire story: shown once, with every outlet."""

    id: str
    copies: list[Article]

    @property
    def lead(self) -> Article:
        return self.copies[0]

    @property
    def digest(self) -> str:
        return ",".join(a.digest for a in self.copies)


@dataclass
class Corpus:
    articles: list[Article]
    entities: dict[str, Entity]
    agreements: dict[str, Agreement]
    topics: dict[str, Topic]
    stories: dict[str, Story]
    latest_run: int | None

    def story_of(self, article: Article) -> Story:
        return self.stories[article.story_id]

    def stories_for(self, articles: list[Article]) -> list[Story]:
        """The stories of ``articles`` in their order, each once."""
        seen: dict[str, Story] = {}
        for article in articles:
            seen.setdefault(article.story_id, self.stories[article.story_id])
        return list(seen.values())

    def is_new(self, story: Story) -> bool:
        runs = [a.first_run_id for a in story.copies if a.first_run_id is not None]
        return self.latest_run is not None and bool(runs) and min(runs) == self.latest_run


def load_corpus(db: sqlite_utils.Database) -> Corpus:
    """Every article and fact in a few bulk queries, cross-linked."""
    articles = [_article(row) for row in queries.all_articles(db)]
    by_id = {a.id: a for a in articles}
    entities = _entities(db)
    agreements = _agreements(db)
    _attach_mentions(db, by_id, entities)
    _attach_quotes(db, by_id, entities)
    _attach_events(db, by_id, entities)
    _attach_agreements(db, by_id, agreements)
    topics = _topics(articles)
    for article in articles:
        article.seal()
    return Corpus(articles, entities, agreements, topics, _stories(articles), queries.latest_run_id(db))


def _article(row: dict[str, Any]) -> Article:
    article = Article(**{**row, "title": row["title"] or "", "text": row["text"] or "",
                         "summary": row["summary"] or "", "source": row["source"] or "",
                         "story_id": row["story_id"] or row["id"]})
    article.day = day_of(row["published"]) or day_of(row["first_seen_at"]) or "undated"
    article.path = article_path({"id": row["id"], "title": article.title, "published": article.day})
    return article


def _entities(db: sqlite_utils.Database) -> dict[str, Entity]:
    entities: dict[str, Entity] = {}
    taken: set[str] = set()
    for row in queries.all_entities(db):
        folder = KIND_FOLDER.get(row["kind"])
        if folder is None:
            continue
        slug = safe_slug(row["slug"], row["name"] or row["id"])
        if f"{folder}/{slug}/" in taken:
            slug = f"{slug}-{row['id'][:8]}"
        taken.add(f"{folder}/{slug}/")
        entities[row["id"]] = Entity(row["id"], row["kind"], row["name"] or slug, slug,
                                     f"{folder}/{slug}/")
    return entities


def _agreements(db: sqlite_utils.Database) -> dict[str, Agreement]:
    result = {}
    taken: set[str] = set()
    for row in queries.all_agreements(db):
        slug = safe_slug(row["slug"], row["name"] or row["id"])
        slug = f"{slug}-{row['id'][:8]}" if slug in taken else slug
        taken.add(slug)
        result[row["id"]] = Agreement(row["id"], row["name"] or slug, slug, f"agreements/{slug}/")
    return result


def _attach_mentions(db: sqlite_utils.Database, by_id: dict[str, Article],
                     entities: dict[str, Entity]) -> None:
    """Mentions stay raw tuples (a hundred thousand of them); see Article._mention_dicts."""
    for article_id, entity_id, titles, evidence in queries.mention_tuples(db):
        article, entity = by_id.get(article_id), entities.get(entity_id)
        if article is None or entity is None:
            continue
        article.mentions.append((entity, titles or "[]", evidence or ""))
        entity.articles.append(article)
    order = {a.id: n for n, a in enumerate(by_id.values())}
    for entity in entities.values():
        entity.articles.sort(key=lambda a: order[a.id])


def _attach_quotes(db: sqlite_utils.Database, by_id: dict[str, Article],
                   entities: dict[str, Entity]) -> None:
    for row in queries.all_quotes(db):
        article = by_id.get(row["article_id"])
        if article is None or not (row["text"] or "").strip():
            continue
        speaker = entities.get(row["speaker_id"] or "")
        quote = {"text": row["text"], "speaker": speaker.name if speaker else row["speaker"],
                 "speaker_path": speaker.path if speaker else None, "channel": row["channel"],
                 "evidence": evidence_sentence(row["evidence"])}
        article.quotes.append(quote)
        if speaker is not None:
            speaker.quotes.append({**quote, "article": article})


def _attach_events(db: sqlite_utils.Database, by_id: dict[str, Article],
                   entities: dict[str, Entity]) -> None:
    for row in queries.all_events(db):
        article = by_id.get(row["article_id"])
        if article is None:
            continue
        place = entities.get(row["place_id"] or "")
        article.events.append({
            "date": row["date"] or "", "what": row["what"] or "", "place": row["place"],
            "place_path": place.path if place else None,
            "evidence": evidence_sentence(row["evidence"]),
        })
    for article in by_id.values():
        article.events.sort(key=lambda e: (e["date"], e["what"]))


def _attach_agreements(db: sqlite_utils.Database, by_id: dict[str, Article],
                       agreements: dict[str, Agreement]) -> None:
    for row in queries.all_agreement_mentions(db):
        article, agreement = by_id.get(row["article_id"]), agreements.get(row["agreement_id"])
        if article is None or agreement is None:
            continue
        item = {"name": agreement.name, "path": agreement.path, "status": row["status"],
                "parties": row["parties"], "evidence": evidence_sentence(row["evidence"])}
        article.agreements.append(item)
        agreement.mentions.append({**item, "article": article})
    order = {a.id: n for n, a in enumerate(by_id.values())}
    for agreement in agreements.values():
        agreement.mentions.sort(key=lambda m: order[m["article"].id])


def _topics(articles: list[Article]) -> dict[str, Topic]:
    """Topics by slug; labels that slug alike share one page, named by the first label seen."""
    topics: dict[str, Topic] = {}
    for article in articles:
        slugs: set[str] = set()
        for name in (t.strip() for t in article.topics):
            slug = slugify(name)
            if not name or slug in slugs:
                continue
            slugs.add(slug)
            topic = topics.setdefault(slug, Topic(name, slug, f"topics/{slug}/"))
            topic.articles.append(article)
            article.topic_links.append({"name": topic.name, "path": topic.path})
    return dict(sorted(topics.items()))


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
        copies.sort(key=lambda a: (a.first_seen_at or "", a.id))
        stories[story_id] = Story(story_id, copies)
    return stories
