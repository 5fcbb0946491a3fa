"""Entity pages (/people/<slug>/, /organizations/<slug>/, /places/<slug>/), their indexes and feeds."""

from __future__ import annotations

import functools
import heapq
from collections import Counter
from collections.abc import Iterator
from itertools import chain
from typing import Any

from markupsafe import Markup, escape

from wirebrief.config import Config
from wirebrief.site import paging
from wirebrief.site.corpus import Corpus, Entity
from wirebrief.site.feeds import ENTITY_FEED_ITEMS, feed_outputs
from wirebrief.site.outputs import Output, page_output
from wirebrief.site.paths import up_prefix
from wirebrief.site.render import Renderer, feed_links
from wirebrief.store import queries

KINDS = {"person": ("people", "People", "Person"),
         "organization": ("organizations", "Organisations", "Organisation"),
         "place": ("places", "Places", "Place")}
CO_MENTIONS = 15


def roles(entity: Entity) -> list[dict[str, Any]]:
    """The titles articles give a person, most frequent first."""
    counts: Counter[str] = Counter()
    # Each distinct list of titles decoded once: a busy person's articles repeat a few.
    for titles, articles in Counter(entity.titles.get(a.id, "[]") for a in entity.articles).items():
        for title in queries.string_list(titles):
            counts[title] += articles
    return [{"title": t, "count": n} for t, n in sorted(counts.items(), key=lambda x: (-x[1], x[0]))[:12]]


def co_mentioned(corpus: Corpus, entity: Entity) -> list[dict[str, Any]]:
    """Entities named in the same stories most often (each story counted once); ties by name.

    Only the entities that can make the list are sorted by name: a busy entity shares
    stories with hundreds of others, and sorting them all cost more than its page."""
    # An article names an entity once (mentions are unique per article), so the leads'
    # mentions are counted as they are, in one pass.
    named = Counter(chain.from_iterable(story.lead.mentions for story in corpus.stories_for(entity.articles)))
    counts: Counter[str] = Counter({other.id: n for other, n in named.items() if other is not entity})
    candidates = list(counts.items())
    if len(candidates) > CO_MENTIONS:
        least = heapq.nlargest(CO_MENTIONS, counts.values())[-1]
        candidates = [(i, n) for i, n in candidates if n >= least]
    ranked = sorted(candidates, key=lambda x: (-x[1], corpus.entities[x[0]].name.casefold(), x[0]))
    return [{"entity": corpus.entities[i], "count": n, "kind": KINDS[corpus.entities[i].kind][2]}
            for i, n in ranked[:CO_MENTIONS]]


def entity_context(corpus: Corpus, context: dict[str, Any]) -> dict[str, Any]:
    """What the entity page shows beyond its stories, derived only when it is rendered."""
    entity: Entity = context["entity"]
    return {
        **context, "kind_label": KINDS[entity.kind][2], "index_path": KINDS[entity.kind][0] + "/",
        "index_label": KINDS[entity.kind][1], "roles": roles(entity) if entity.kind == "person" else [],
        "mentions": len(entity.articles),
        "quotes": sorted(entity.quotes, key=lambda q: q["article"].day, reverse=True),
        "co_mentioned": co_mentioned(corpus, entity),
    }


def outputs(corpus: Corpus, config: Config, renderer: Renderer) -> Iterator[Output]:
    for kind, (folder, label, _) in KINDS.items():
        listed = [e for e in corpus.entities.values() if e.kind == kind and e.articles]
        listed.sort(key=lambda e: (e.name.casefold(), e.slug))
        yield page_output(renderer, folder + "/", "entities.html", {"label": label, "feeds": []},
                          functools.partial(_index_rows, listed, kind),
                          inputs=[(e, e.story_count) for e in listed])
    for entity in corpus.entities.values():
        if entity.articles:
            yield from entity_outputs(corpus, config, renderer, entity)


def _index_rows(entities: list[Entity], kind: str, context: dict[str, Any]) -> dict[str, Any]:
    """An index's lines, written here rather than by a template loop: there are thousands
    of them, and the loop cost more than the rest of the page. Every value is escaped."""
    prefix = up_prefix(KINDS[kind][0] + "/")
    rows = "\n".join(f'<li><a href="{escape(prefix + e.path)}">{escape(e.name)}</a> '
                     f'<span class="meta">({e.story_count})</span></li>' for e in entities)
    return {**context, "entities": entities, "rows": Markup(rows)}


def entity_outputs(corpus: Corpus, config: Config, renderer: Renderer, entity: Entity) -> Iterator[Output]:
    """An entity's page, its archive pages and its three feeds. The page's roles and
    co-mentioned entities come from its stories' articles, its quotes from the articles
    quoting it: those are its key."""
    stories = corpus.stories_for(entity.articles)
    main, archives = paging.split(entity.path, stories)
    context = {"entity": entity, "stories": main, "total": len(stories), "archives": archives,
               "feeds": feed_links(entity.path, entity.name)}
    yield page_output(renderer, entity.path, "entity.html", context,
                      functools.partial(entity_context, corpus),
                      inputs=(stories, [q["article"] for q in entity.quotes]))
    folder, label, _ = KINDS[entity.kind]
    yield from paging.archive_outputs(renderer, entity.path, archives, {
        "name": entity.name, "index_path": folder + "/", "index_label": label, "summaries": False})
    yield from feed_outputs(
        renderer, entity.path, f"{entity.name} · {config.site.title}",
        f"Stories mentioning {entity.name}.", stories,
        limit=min(config.site.feed_items, ENTITY_FEED_ITEMS), full_text=False)
