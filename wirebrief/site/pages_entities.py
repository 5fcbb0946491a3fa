"""Entity pages (/people/<slug>/, /organizations/<slug>/, /places/<slug>/), their indexes and feeds."""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Iterator
from typing import Any

from wirebrief.config import Config
from wirebrief.site.corpus import Corpus, Entity
from wirebrief.site.feeds import ENTITY_FEED_ITEMS, feed_outputs
from wirebrief.site.incremental import Output, page_output
from wirebrief.site.render import Renderer, feed_links

KINDS = {"person": ("people", "People", "Person"),
         "organization": ("organizations", "Organisations", "Organisation"),
         "place": ("places", "Places", "Place")}
CO_MENTIONS = 15


def roles(entity: Entity) -> list[dict[str, Any]]:
    """The titles articles give a person, most frequent first."""
    counts = Counter(t for a in entity.articles for m in _mentions_of(a, entity) for t in m["titles"])
    return [{"title": t, "count": n} for t, n in sorted(counts.items(), key=lambda x: (-x[1], x[0]))[:12]]


def _mentions_of(article: Any, entity: Entity) -> list[dict[str, Any]]:
    group = getattr(article, KINDS[entity.kind][0])
    return [m for m in group if m["path"] == entity.path]


def co_mentioned(corpus: Corpus, entity: Entity) -> list[dict[str, Any]]:
    """Entities named in the same stories most often (each story counted once)."""
    counts: Counter[str] = Counter()
    for story in corpus.stories_for(entity.articles):
        counts.update(i for i in dict.fromkeys(story.lead.entity_ids) if i != entity.id)
    ranked = sorted(counts.items(), key=lambda x: (-x[1], corpus.entities[x[0]].name.casefold(), x[0]))
    return [{"entity": corpus.entities[i], "count": n, "kind": KINDS[corpus.entities[i].kind][2]}
            for i, n in ranked[:CO_MENTIONS]]


def entity_context(corpus: Corpus, key: dict[str, Any]) -> dict[str, Any]:
    """What the entity page shows, derived from its key (the entity and its stories, whose
    digests cover the roles, quotes and co-mentions derived here)."""
    entity: Entity = key["entity"]
    return {
        **key, "kind_label": KINDS[entity.kind][2], "index_path": KINDS[entity.kind][0] + "/",
        "index_label": KINDS[entity.kind][1], "roles": roles(entity) if entity.kind == "person" else [],
        "mentions": len(entity.articles),
        "quotes": sorted(entity.quotes, key=lambda q: q["article"].day, reverse=True),
        "co_mentioned": co_mentioned(corpus, entity),
    }


def outputs(corpus: Corpus, config: Config, renderer: Renderer) -> Iterator[Output]:
    for kind, (folder, label, _) in KINDS.items():
        entities = [e for e in corpus.entities.values() if e.kind == kind and e.articles]
        entities.sort(key=lambda e: (e.name.casefold(), e.slug))
        stories = {e.id: corpus.stories_for(e.articles) for e in entities}
        yield page_output(renderer, folder + "/", "entities.html", {
            "label": label, "feeds": [],
            "entities": [{"entity": e, "stories": len(stories[e.id])} for e in entities],
        })
        for entity in entities:
            key = {"entity": entity, "stories": stories[entity.id],
                   "feeds": feed_links(entity.path, entity.name)}
            digests = {"entity": entity.digest, "stories": [s.digest for s in stories[entity.id]]}
            yield page_output(renderer, entity.path, "entity.html", key,
                              functools.partial(entity_context, corpus), key=digests)
            yield from feed_outputs(
                renderer, entity.path, f"{entity.name} · {config.site.title}",
                f"Stories mentioning {entity.name}.", stories[entity.id],
                limit=min(config.site.feed_items, ENTITY_FEED_ITEMS), full_text=False)
