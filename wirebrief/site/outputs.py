"""Outputs: the files of the site, each with a key that says exactly what it shows.

Every page module yields Outputs. An output's ``key`` is a digest of the data it shows
(and of the build's salt: templates, site code, site settings), made from *tokens* of the
corpus objects in it: an article by its id, its revision (which the store's triggers move
on any change to the article or its facts) and the names of what it links to; a story by
its copies; an entity or agreement by its name and page. A build renders an output only
when its key differs from the one the live site's manifest records for that path, and
hard-links the live file otherwise (writer.py). So what a page depends on is declared
once, where the page is made, and no other module has to guess which pages a change
reaches: a value a page shows that is not in its key is a bug of that page alone.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from wirebrief.site.corpus import digest_of
from wirebrief.site.render import Renderer


@dataclass(frozen=True, slots=True)
class Output:
    """One file of the site: where it goes, the key of what it shows, how to make it."""

    path: str
    key: str
    render: Callable[[], bytes]


def key_of(salt: str, *parts: Any) -> str:
    """The digest of ``parts`` under the build's salt.

    Made from their repr, which Python writes in C: dicts in their (deterministic)
    insertion order, and corpus objects as what pages can show of them (corpus.py). An
    object without such a repr (a function, say) has its address in it, so a page that
    showed one would be rendered on every build, never left stale; the tests check that
    a build with nothing changed renders nothing."""
    return digest_of((salt, parts))


def page_output(renderer: Renderer, path: str, template: str, context: dict[str, Any],
                prepare: Callable[[dict[str, Any]], dict[str, Any]] | None = None,
                inputs: Any = None) -> Output:
    """An HTML page. Its key covers ``context`` and ``inputs``; ``prepare`` derives the
    rest of what the template shows from ``context`` when the page is rendered (story
    cards, say), so it may read only what they hold."""
    def render() -> bytes:
        return renderer.page(path, template, prepare(context) if prepare else context)

    return Output(path, key_of(renderer.salt, path, template, context, inputs), render)


def data_output(renderer: Renderer, path: str, inputs: Any, render: Callable[[], bytes]) -> Output:
    """A non-HTML file (a feed, a search shard, the sitemap) made by ``render`` from ``inputs``."""
    return Output(path, key_of(renderer.salt, path, inputs), render)
