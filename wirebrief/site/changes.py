"""What a build must render: the units of the site whose data changed since the last build.

Every file of the site belongs to a unit: an article's page, an entity's page and feeds,
a topic's, a day's, a timeline year's or month's, an agreement's, a month of the search index, or
the global pages (briefing, site feeds, indexes, sitemap...). The state of the live site
(state.py) records, per article, its revision, which the store's triggers bump on every
write to the article or its facts, and a record of what its pages and lists show of it
(``record``). Articles whose revision moved are the changed ones, and only their old
records are read: an article with the same revision has the same record. The units
those articles belonged to, before or after, are rendered again, with the global pages;
every other unit's files are reused as they are.

Two things reach beyond an article's own units. Renaming an entity, agreement or topic
changes every page that names it, so their articles count as changed. Related stories
(related.py) look at the NEIGHBOURS articles on each side in each shared entity's or
topic's list, so an article that enters a list may change the related lists of the
articles within that distance; one that leaves a list or moves in it (a new date) may
change the whole list, as may a list whose length crosses a weight step. Those pages'
related lists are computed and compared with the ones they noted when rendered, and
only the pages whose list (or a story in it) changed are rendered. Tests check that an
incremental build gives exactly the files of a full build (tests/test_site_build.py).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from wirebrief.site import paging
from wirebrief.site.corpus import Article, Corpus
from wirebrief.site.incremental import GLOBAL
from wirebrief.site.pages_archive import ordered_days
from wirebrief.site.pages_articles import ARTICLE, article_unit
from wirebrief.site.pages_timeline import month_unit
from wirebrief.site.related import NEIGHBOURS, Related, position, weight_step
from wirebrief.site.state import SiteState

# Beyond this share of changed articles (a re-extraction, say), planning unit by unit
# costs more than it saves: everything is rendered.
FULL_BUILD_SHARE = 0.25

# Positions in an article's snapshot record.
REVISION, STORY, DAY, ORDER, ENTITIES, TOPICS, AGREEMENTS, YEARS, MONTHS = range(9)

Records = Callable[[str], "list[Any] | None"]


@dataclass
class Plan:
    """The units to render and those gone, and the new state to store (state.py)."""

    full: bool
    meta: dict[str, Any]
    records: dict[str, list[Any]]
    dirty: set[str] = field(default_factory=set)
    removed: set[str] = field(default_factory=set)
    gone: set[str] = field(default_factory=set)

    def wants(self, unit: str) -> bool:
        return self.full or unit in self.dirty

    def keys(self, kind: str) -> list[str]:
        """The keys of the wanted units of ``kind``, sorted ("entity" gives the ids of the
        entities whose page is wanted, not their archive pages): a page family with
        thousands of units picks its few from here rather than asking of each. A full
        plan's ``dirty`` holds every unit of the site."""
        prefix = kind + ":"
        keys = (unit[len(prefix):] for unit in self.dirty if unit.startswith(prefix))
        return sorted(key for key in keys if ":" not in key)


def plan_build(live: SiteState | None, corpus: Corpus, salt: str) -> Plan:
    """Compare the live site's state with the store and decide what to render.

    Only the articles whose revision moved are compared record by record: an article
    whose revision is the same has the same record (the store's triggers bump it on every
    write to the article or its facts), so the state of the others is never read.
    """
    meta = small_snapshot(corpus)
    if live is None or live.salt != salt:
        return _full(corpus, live, meta)
    old_meta = {key: live.meta(key, {}) for key in meta}
    # Articles whose revision moved, new or gone: those in one of the two (id, revision) sets only.
    revisions = live.revisions()
    revised = {i for i, _ in set(revisions.items()) ^ {(a.id, a.revision) for a in corpus.articles}}
    old_records = live.records(revised & revisions.keys())
    changed = changed_articles(old_meta, meta, corpus, revised, old_records)
    if changed is None:
        return _full(corpus, live, meta)

    def before(article_id: str) -> list[Any] | None:
        if article_id in revised:
            return old_records.get(article_id)
        return record(corpus.by_id[article_id]) if article_id in corpus.by_id else None

    # Article units are left out of the sets compared: they are two thirds of the site's
    # units, and the revisions say already which articles came (changed_units renders
    # them) and which went (``gone``).
    units, old_units = current_units(corpus, articles=False), live.units(without=ARTICLE)
    gone = revised - corpus.by_id.keys()
    dirty = changed_units(old_meta, meta, corpus, changed, revised, before, live) | {GLOBAL}
    dirty |= units - old_units
    dirty = {u for u in dirty if u in units or (u.startswith(ARTICLE) and u[len(ARTICLE):] in corpus.by_id)}
    records = {i: record(corpus.by_id[i]) for i in revised if i in corpus.by_id}
    return Plan(False, meta, records, dirty, (old_units - units) | {article_unit(i) for i in gone}, gone)


def _full(corpus: Corpus, live: SiteState | None, meta: dict[str, Any]) -> Plan:
    """Render everything; nothing of the live site is carried, though its files still
    spare writing (and new inodes for) those that come out the same."""
    units = current_units(corpus)
    old_units = live.units() if live is not None else set()
    corpus.read_periods()  # what every record holds, read at once
    corpus.read_agreements()
    return Plan(True, meta, {a.id: record(a) for a in corpus.articles}, set(units), old_units - units)


def small_snapshot(corpus: Corpus) -> dict[str, Any]:
    """What pages show of entities, agreements, topics, days and years (JSON-safe)."""
    return {
        "entities": {e.id: [e.identity, len(e.articles)] for e in corpus.entities.values() if e.articles},
        "agreements": {g.id: [g.identity, g.count] for g in corpus.agreements.values() if g.count},
        "topics": {t.slug: t.name for t in corpus.topics.values()},
        "days": ordered_days({a.day for a in corpus.articles}),
    }


def record(article: Article) -> list[Any]:
    """What the pages of an article and the lists holding it show of it, as plain data."""
    return [article.revision, article.story_id, article.day,
            [article.published or "", article.first_seen_at or ""], article.entity_ids,
            [t["path"].split("/")[1] for t in article.topic_links],
            sorted({g["id"] for g in article.agreements}), article.event_years, article.event_months]


def current_units(corpus: Corpus, articles: bool = True) -> set[str]:
    """Every unit the site has now (a unit without files, like months without search, is
    harmless); without its articles' own units when not ``articles``."""
    units = {GLOBAL}
    days = {a.day for a in corpus.articles}
    if articles:
        units.update(article_unit(a.id) for a in corpus.articles)
    units.update(f"agreement:{g.id}" for g in corpus.agreements.values() if g.count)
    lists = [(f"entity:{e.id}", e.story_count) for e in corpus.entities.values() if e.articles]
    lists += [(f"topic:{t.slug}", t.story_count) for t in corpus.topics.values()]
    for unit, stories in lists:
        units.add(unit)
        units.update(f"{unit}:{n}" for n in range(1, paging.archive_count(stories) + 1))
    units.update(f"day:{d}" for d in days)
    units.update(f"month:{d[:7]}" for d in days)
    years, months = corpus.periods
    units.update(f"year:{y}" for y in years)
    units.update(month_unit(m) for m in months)
    return units


def _units_of(article_id: str, record: list[Any]) -> Iterable[str]:
    yield article_unit(article_id)
    yield f"day:{record[DAY]}"
    yield f"month:{record[DAY][:7]}"
    yield from (f"entity:{e}" for e in record[ENTITIES])
    yield from (f"topic:{t}" for t in record[TOPICS])
    yield from (f"agreement:{g}" for g in record[AGREEMENTS])
    yield from (f"year:{y}" for y in record[YEARS])
    yield from (month_unit(m) for m in record[MONTHS])


def changed_articles(old: dict[str, Any], new: dict[str, Any], corpus: Corpus, revised: set[str],
                     old_records: dict[str, list[Any]]) -> set[str] | None:
    """Articles whose pages (or the pages listing them) change; None when it is most of
    them, or when an entity or agreement left the site in a way the changed articles do
    not explain (its row deleted under unchanged articles), which only a full build sees."""
    for kind, column in (("entities", ENTITIES), ("agreements", AGREEMENTS)):
        for key in old[kind].keys() - new[kind].keys():
            if old[kind][key][1] != sum(key in r[column] for r in old_records.values()):
                return None
    changed = revised | _renamed(old, new, corpus)
    changed |= _story_mates(changed, old_records, corpus)
    if len(changed) > FULL_BUILD_SHARE * max(len(corpus.articles), 1):
        return None
    return changed


def _renamed(old: dict[str, Any], new: dict[str, Any], corpus: Corpus) -> set[str]:
    """Articles naming an entity, agreement or topic whose name or page moved (the ones
    that named it only before are revised articles, counted already)."""
    result: set[str] = set()
    for e, (identity, _) in new["entities"].items():
        if e in old["entities"] and old["entities"][e][0] != identity:
            result.update(a.id for a in corpus.entities[e].articles)
    for g, (identity, _) in new["agreements"].items():
        if g in old["agreements"] and old["agreements"][g][0] != identity:
            result.update(m["article"].id for m in corpus.agreements[g].mentions)
    for t, name in new["topics"].items():
        if t in old["topics"] and old["topics"][t] != name:
            result.update(a.id for a in corpus.topics[t].articles)
    return result


def _story_mates(changed: set[str], old_records: dict[str, list[Any]], corpus: Corpus) -> set[str]:
    """The other copies of every story a changed article belongs, or belonged, to: each
    story page and list shows all its outlets. (A copy that left the story is a revised
    article, so the story's copies now are all the others.)"""
    stories = _stories_of(changed, old_records, corpus)
    return {a.id for s in stories if s in corpus.stories for a in corpus.stories[s].copies}


def _stories_of(articles: set[str], old_records: dict[str, list[Any]], corpus: Corpus) -> set[str]:
    """The stories ``articles`` belong to now or belonged to at the last build."""
    stories = {corpus.by_id[i].story_id for i in articles if i in corpus.by_id}
    return stories | {old_records[i][STORY] for i in articles if i in old_records}


def changed_units(old: dict[str, Any], new: dict[str, Any], corpus: Corpus, changed: set[str],
                  revised: set[str], before: Records, live: SiteState) -> set[str]:
    units: set[str] = set()
    for article_id in changed:
        for article_record in (before(article_id), _now(corpus, article_id)):
            if article_record is not None:
                units.update(_units_of(article_id, article_record))
    units -= {article_unit(i) for i in changed if i not in corpus.by_id}
    related = _related_changes(corpus, changed, before)
    for entity_id in _weight_steps(old, new):
        related.update(corpus.entities[entity_id].articles)
    units |= {article_unit(a.id) for a in _related_moved(corpus, related, changed, live)}
    units |= {f"day:{d}" for d in _day_links_changed(old.get("days", []), new["days"])}
    units |= _archive_pages(corpus, changed, revised, before, units)
    return units


def _related_moved(corpus: Corpus, candidates: set[Article], changed: set[str],
                   live: SiteState) -> set[Article]:
    """The candidates whose page shows other related stories than it did, or shows one
    that changed. The rules above find every page a change may reach; computing the
    related lists of those (a fraction of a millisecond each) and comparing them with
    what each page noted when it was rendered spares the many that come out the same."""
    candidates = {a for a in candidates if a.id not in changed}
    shown = live.related(a.id for a in candidates)
    finder = Related(corpus)
    moved = set()
    for article in candidates:
        now = [other.id for other in finder.of(article)]
        before = shown.get(article.id)
        if before != now or changed.intersection(now) or changed.intersection(before):
            moved.add(article)
    return moved


def _now(corpus: Corpus, article_id: str) -> list[Any] | None:
    return record(corpus.by_id[article_id]) if article_id in corpus.by_id else None


def _archive_pages(corpus: Corpus, changed: set[str], revised: set[str], before: Records,
                   units: set[str]) -> set[str]:
    """The archive pages (paging.py) of the changed entities and topics that change.

    The lists before and after are compared from the oldest end: every page from the
    first difference on, and every page holding a story that changed, is rendered; a
    change in the number of pages also changes the last page's link to the newer one.
    """
    old_records = {i: r for i in revised if (r := before(i)) is not None}
    stories = _stories_of(changed, old_records, corpus)
    kinds = (("entity", ENTITIES, corpus.entities), ("topic", TOPICS, corpus.topics))
    result: set[str] = set()
    for kind, column, lists in kinds:
        keys = {u.split(":", 1)[1] for u in units if u.startswith(kind + ":") and u.count(":") == 1}
        for key in keys:
            members = lists[key].articles if key in lists else []
            left = {i: r for i, r in old_records.items() if key in r[column]}
            if not paging.archive_count(len(members) + len(left)):
                continue  # too short to have had or to have archive pages (most lists)
            now = [s.id for s in corpus.stories_for(members)]
            was = _old_stories(members, revised, left)
            result |= {f"{kind}:{key}:{n}" for n in _pages_changed(was, now, stories)}
    return result


def _old_stories(members: list[Article], revised: set[str], left: dict[str, list[Any]]) -> list[str]:
    """The stories of a list at the last build, newest first: its unrevised members keep
    their places; revised articles that were in it (``left``: their old records) go back
    where their old dates put them, in the order of the site's lists (queries.ARTICLE_ORDER:
    newest first, then by id)."""
    kept = [a for a in members if a.id not in revised]
    if not left:
        return list(dict.fromkeys(a.story_id for a in kept))
    rows = [((a.published or "", a.first_seen_at or ""), a.id, a.story_id) for a in kept]
    rows += [(tuple(r[ORDER]), i, r[STORY]) for i, r in left.items()]
    rows.sort(key=lambda row: row[1])
    rows.sort(key=lambda row: row[0], reverse=True)
    return list(dict.fromkeys(story for _, _, story in rows))


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


def _related_changes(corpus: Corpus, changed: set[str], before: Records) -> set[Article]:
    """Articles whose related stories may differ: see the module docstring."""
    result: set[Article] = set()
    for article_id in changed:
        old, new = before(article_id), _now(corpus, article_id)
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
            index = position(articles, corpus.by_id[article_id])
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
    counted = ((e, before[e][1], count) for e, (_, count) in now.items() if e in before)
    # Most counts did not move, and an unchanged count has the same step.
    return {e for e, was, count in counted if was != count and weight_step(was) != weight_step(count)}


def _day_links_changed(before: list[str], now: list[str]) -> set[str]:
    """Days whose newer/older neighbours changed (a day page links both)."""
    def links(days: list[str]) -> dict[str, tuple[str | None, str | None]]:
        return {d: (days[n - 1] if n else None, days[n + 1] if n + 1 < len(days) else None)
                for n, d in enumerate(days)}

    old_links = links(before)
    return {d for d, pair in links(now).items() if old_links.get(d) != pair}
