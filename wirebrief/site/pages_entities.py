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


def entity_key(corpus: Corpus, entity: Entity) -> dict[str, Any]:
    """What an entity page depends on: the entity and its stories (their digests cover the
    roles, quotes and co-mentions derived from them), so unchanged pages cost no work."""
    return {"entity": entity, "stories": corpus.stories_for(entity.articles),
            "feeds": feed_links(entity.path, entity.name)}


def entity_context(corpus: Corpus, key: dict[str, Any]) -> dict[str, Any]:
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
        yield page_output(renderer, folder + "/", "entities.html", {
            "label": label, "feeds": [],
            "entities": [{"entity": e, "stories": len(corpus.stories_for(e.articles))} for e in entities],
        })
        for entity in entities:
            yield page_output(renderer, entity.path, "entity.html", entity_key(corpus, entity),
                              functools.partial(entity_context, corpus))
            yield from feed_outputs(
                renderer, entity.path, f"{entity.name} · {config.site.title}",
                f"Stories mentioning {entity.name}.", corpus.stories_for(entity.articles),
                limit=min(config.site.feed_items, ENTITY_FEED_ITEMS), full_text=False)
