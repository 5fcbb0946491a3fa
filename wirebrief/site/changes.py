"""What a build must render: the units of the site whose data changed since the last build.

Every file of the site belongs to a unit: an article's page, an entity's page and feeds,
a topic's, a day's, a timeline year's, an agreement's, a month of the search index, or
the global pages (briefing, site feeds, indexes, sitemap...). The manifest of the live
site records a snapshot of the data each unit was rendered from (``snapshot``: per
article its revision, which the store's triggers bump on every write to the article or
its facts, and what it belongs to). Comparing it with the store's tells which articles
changed; the units those articles belonged to, before or after, are rendered again,
with the global pages; every other unit's files are reused as they are.

Two things reach beyond an article's own units. Renaming an entity, agreement or topic
changes every page that names it, so their articles count as changed. Related stories
(related.py) look at the NEIGHBOURS articles on each side in each shared entity's or
topic's list, so an article that enters a list changes the related lists of the articles
within that distance; one that leaves a list or moves in it (a new date) changes the
whole list, as does a list whose length crosses a weight step. Tests check that an
incremental build gives exactly the files of a full build (tests/test_site_build.py).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from wirebrief.site import paging
from wirebrief.site.corpus import Article, Corpus
from wirebrief.site.incremental import GLOBAL, Manifest
from wirebrief.site.pages_archive import ordered_days
from wirebrief.site.related import NEIGHBOURS, position, weight_step

# Beyond this share of changed articles (a re-extraction, say), planning unit by unit
# costs more than it saves: everything is rendered.
FULL_BUILD_SHARE = 0.25

# Positions in an article's snapshot record.
REVISION, STORY, DAY, ORDER, ENTITIES, TOPICS, AGREEMENTS, YEARS = range(8)


@dataclass
class Plan:
    """The units to render, the files of the others (taken as they are), the new state."""

    full: bool
    state: dict[str, Any]
    dirty: set[str] = field(default_factory=set)
    carried: dict[str, dict[str, str]] = field(default_factory=dict)

    def wants(self, unit: str) -> bool:
        return self.full or unit in self.dirty

    def reuses(self, unit: str) -> bool:
        """Whether the unit's files are taken as they are (not when it was found damaged
        in the live site and added to ``dirty`` by the publisher)."""
        return unit in self.carried and unit not in self.dirty


def plan_build(previous: Manifest, corpus: Corpus, salt: str) -> Plan:
    """Compare the live site's snapshot with the store's and decide what to render."""
    state = snapshot(corpus)
    if not previous.units or previous.salt != salt:
        return Plan(True, state)
    changed = changed_articles(previous.state, state, corpus)
    if changed is None:
        return Plan(True, state)
    units = current_units(state)
    dirty = changed_units(previous.state, state, corpus, changed) | {GLOBAL}
    dirty |= {u for u in units if u not in previous.units}
    carried = {u: previous.units[u] for u in units - dirty}
    return Plan(False, state, dirty, carried)


def snapshot(corpus: Corpus) -> dict[str, Any]:
    """Plain data (JSON-safe, compared after a round trip) of what every unit shows."""
    articles = {a.id: _record(a) for a in corpus.articles}
    return {
        "articles": articles,
        "entities": {e.id: [e.identity, len(e.articles), e.story_count]
                     for e in corpus.entities.values() if e.articles},
        "agreements": {g.id: g.identity for g in corpus.agreements.values() if g.mentions},
        "topics": {t.slug: [t.name, t.story_count] for t in corpus.topics.values()},
        "days": ordered_days({a.day for a in corpus.articles}),
        "years": sorted({y for a in corpus.articles for y in a.event_years}),
    }


def _record(article: Article) -> list[Any]:
    return [article.revision, article.story_id, article.day,
            [article.published or "", article.first_seen_at or ""], article.entity_ids,
            [t["path"].split("/")[1] for t in article.topic_links],
            sorted({g["id"] for g in article.agreements}), article.event_years]


def current_units(state: dict[str, Any]) -> set[str]:
    """Every unit the site has now (a unit without files, like months without search, is harmless)."""
    units = {GLOBAL}
    units.update(f"article:{a}" for a in state["articles"])
    units.update(f"agreement:{g}" for g in state["agreements"])
    for kind, lists in (("entity", state["entities"]), ("topic", state["topics"])):
        for key, record in lists.items():
            units.add(f"{kind}:{key}")
            units.update(f"{kind}:{key}:{n}" for n in range(1, paging.archive_count(record[-1]) + 1))
    units.update(f"day:{d}" for d in state["days"])
    units.update(f"month:{d[:7]}" for d in state["days"])
    units.update(f"year:{y}" for y in state["years"])
    return units


def _units_of(article_id: str, record: list[Any]) -> Iterable[str]:
    yield f"article:{article_id}"
    yield f"day:{record[DAY]}"
    yield f"month:{record[DAY][:7]}"
    yield from (f"entity:{e}" for e in record[ENTITIES])
    yield from (f"topic:{t}" for t in record[TOPICS])
    yield from (f"agreement:{g}" for g in record[AGREEMENTS])
    yield from (f"year:{y}" for y in record[YEARS])


def changed_articles(old: dict[str, Any], new: dict[str, Any], corpus: Corpus) -> set[str] | None:
    """Articles whose pages (or the pages listing them) change; None when it is most of them."""
    before, now = old.get("articles", {}), new["articles"]
    changed = {i for i in before.keys() | now.keys() if before.get(i) != now.get(i)}
    changed |= _renamed(old, new, corpus)
    changed |= _story_mates(changed, before, corpus)
    if len(changed) > FULL_BUILD_SHARE * max(len(now), 1):
        return None
    return changed


def _renamed(old: dict[str, Any], new: dict[str, Any], corpus: Corpus) -> set[str]:
    """Articles naming an entity, agreement or topic whose name or page moved."""
    entities = {e for e, (identity, *_) in new["entities"].items()
                if e in old.get("entities", {}) and old["entities"][e][0] != identity}
    agreements = {g for g, identity in new["agreements"].items()
                  if g in old.get("agreements", {}) and old["agreements"][g] != identity}
    topics = {t for t, (name, _) in new["topics"].items()
              if t in old.get("topics", {}) and old["topics"][t][0] != name}
    if not (entities or agreements or topics):
        return set()
    result = set()
    for records in (old.get("articles", {}), new["articles"]):
        for article_id, record in records.items():
            if (entities.intersection(record[ENTITIES]) or agreements.intersection(record[AGREEMENTS])
                    or topics.intersection(record[TOPICS])):
                result.add(article_id)
    return result


def _story_mates(changed: set[str], before: dict[str, list[Any]], corpus: Corpus) -> set[str]:
    """The other copies of every story a changed article belongs, or belonged, to: each
    story page and list shows all its outlets."""
    stories = _stories_of(changed, before, corpus)
    mates = {a.id for s in stories if s in corpus.stories for a in corpus.stories[s].copies}
    mates |= {i for i, record in before.items() if record[STORY] in stories}
    return mates


def _stories_of(articles: set[str], before: dict[str, list[Any]], corpus: Corpus) -> set[str]:
    """The stories ``articles`` belong to now or belonged to at the last build."""
    stories = {corpus.by_id[i].story_id for i in articles if i in corpus.by_id}
    return stories | {before[i][STORY] for i in articles if i in before}


def changed_units(old: dict[str, Any], new: dict[str, Any], corpus: Corpus, changed: set[str]) -> set[str]:
    before, now = old.get("articles", {}), new["articles"]
    units: set[str] = set()
    for article_id in changed:
        for records in (before, now):
            if article_id in records:
                units.update(_units_of(article_id, records[article_id]))
    units -= {f"article:{i}" for i in changed if i not in now}
    related = _related_changes(before, now, corpus, changed)
    for entity_id in _weight_steps(old, new):
        related.update(corpus.entities[entity_id].articles)
    units |= {f"article:{a.id}" for a in related}
    units |= {f"day:{d}" for d in _day_links_changed(old.get("days", []), new["days"])}
    units |= _archive_pages(old, new, corpus, changed, units)
    return units


def _archive_pages(old: dict[str, Any], new: dict[str, Any], corpus: Corpus, changed: set[str],
                   units: set[str]) -> set[str]:
    """The archive pages (paging.py) of the changed entities and topics that change.

    The lists before and after are compared from the oldest end: every page from the
    first difference on, and every page holding a story that changed, is rendered; a
    change in the number of pages also changes the last page's link to the newer one.
    """
    before = old.get("articles", {})
    stories = _stories_of(changed, before, corpus)
    kinds = (("entity", ENTITIES, corpus.entities), ("topic", TOPICS, corpus.topics))
    keys = {column: {u.split(":", 1)[1] for u in units if u.startswith(kind + ":") and u.count(":") == 1}
            for kind, column, _ in kinds}
    members = _old_members(before, keys)
    result: set[str] = set()
    for kind, column, lists in kinds:
        for key in keys[column]:
            now = [s.id for s in corpus.stories_for(lists[key].articles)] if key in lists else []
            old_ids = _newest_first(members[column].get(key, []), before)
            was = list(dict.fromkeys(before[i][STORY] for i in old_ids))
            result |= {f"{kind}:{key}:{n}" for n in _pages_changed(was, now, stories)}
    return result


def _old_members(before: dict[str, list[Any]], keys: dict[int, set[str]]) -> dict[int, dict[str, list[str]]]:
    """For each record field (entities, topics), the articles that listed each key at the
    last build: one pass over the old records."""
    members: dict[int, dict[str, list[str]]] = {column: {} for column in keys}
    for article_id, record in before.items():
        for column, wanted in keys.items():
            for key in wanted.intersection(record[column]):
                members[column].setdefault(key, []).append(article_id)
    return members


def _newest_first(article_ids: list[str], records: dict[str, list[Any]]) -> list[str]:
    """In the order of the site's lists (queries.ARTICLE_ORDER): newest first, then by id."""
    return sorted(sorted(article_ids), key=lambda i: tuple(records[i][ORDER]), reverse=True)


def _pages_changed(was: list[str], now: list[str], stories: set[str]) -> range:
    """Archive page numbers to render for a story list that went from ``was`` to ``now``."""
    old, new = was[::-1], now[::-1]
    first = next((n for n, (a, b) in enumerate(zip(old, new, strict=False)) if a != b),
                 min(len(old), len(new)))
    touched = [n for n, story in enumerate(new) if story in stories]
    low = min([first, *touched]) // paging.PAGE_SIZE + 1
    pages_before, pages_now = paging.archive_count(len(old)), paging.archive_count(len(new))
    if pages_before != pages_now:
        low = min(low, max(1, pages_before), max(1, pages_now))
    return range(low, pages_now + 1)


def _related_changes(before: dict[str, list[Any]], now: dict[str, list[Any]], corpus: Corpus,
                     changed: set[str]) -> set[Article]:
    """Articles whose related stories may differ: see the module docstring."""
    result: set[Article] = set()
    positions: dict[int, dict[str, int]] = {}
    for article_id in changed:
        old, new = before.get(article_id), now.get(article_id)
        if new is None:  # gone: every list it was in closes a gap
            assert old is not None
            result.update(a for lst in _lists(corpus, old[ENTITIES], old[TOPICS]) for a in lst)
            continue
        if old is not None:  # the lists it left
            result.update(a for lst in _lists(corpus, set(old[ENTITIES]) - set(new[ENTITIES]),
                                              set(old[TOPICS]) - set(new[TOPICS])) for a in lst)
        moved = old is not None and old[ORDER] != new[ORDER]
        for articles in _lists(corpus, new[ENTITIES], new[TOPICS]):
            if moved:
                result.update(articles)
                continue
            index = position(articles, article_id, positions)
            result.update(articles[max(0, index - NEIGHBOURS): index + NEIGHBOURS + 1])
    return result


def _lists(corpus: Corpus, entity_ids: Iterable[str], topic_slugs: Iterable[str]) -> list[list[Article]]:
    """The current article lists of these entities and topics (those that still exist)."""
    lists = [corpus.entities[e].articles for e in entity_ids if e in corpus.entities]
    lists += [corpus.topics[t].articles for t in topic_slugs if t in corpus.topics]
    return lists


def _weight_steps(old: dict[str, Any], new: dict[str, Any]) -> set[str]:
    """Entities whose weight step changed (every related list that uses them may change)."""
    before, now = old.get("entities", {}), new["entities"]
    return {e for e, (_, count, _) in now.items()
            if e in before and weight_step(before[e][1]) != weight_step(count)}


def _day_links_changed(before: list[str], now: list[str]) -> set[str]:
    """Days whose newer/older neighbours changed (a day page links both)."""
    def links(days: list[str]) -> dict[str, tuple[str | None, str | None]]:
        return {d: (days[n - 1] if n else None, days[n + 1] if n + 1 < len(days) else None)
                for n, d in enumerate(days)}

    old_links = links(before)
    return {d for d, pair in links(now).items() if old_links.get(d) != pair}
