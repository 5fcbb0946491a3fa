"""What changed (/changes/): what the latest crawl that stored anything brought.

"Since the previous build" is read from the store, not from the previous site: the
articles first stored by the latest run (corpus.latest_run) are what is new, so the same
data always gives the same page. New stories are those all of whose reports are new;
stories with new coverage had reports before and gained some (with the outlets that
added them); an agreement's status moved when a new report states another status than
the latest one reported before (old → new, with the sentence); new quotes by the people
any watchlist names.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from wirebrief.config import Config
from wirebrief.site.corpus import Agreement, Corpus, outlet_name
from wirebrief.site.outputs import Output, page_output
from wirebrief.site.pages_stories import story_feed
from wirebrief.site.render import Renderer, feed_links

FOLDER = "changes/"


def story_changes(corpus: Corpus) -> tuple[list[Any], list[dict[str, Any]]]:
    """New stories, and stories with new coverage with the outlets that added it."""
    new, grown = [], []
    for story in corpus.all_stories:
        added = [a for a in story.copies if corpus.fresh(a)]
        if added and len(added) == len(story.copies):
            new.append(story)
        elif added:
            grown.append({"story": story, "outlets": sorted({outlet_name(a) for a in added}),
                          "articles": added})
    return new, grown


def status_moves(corpus: Corpus, agreement: Agreement) -> list[dict[str, Any]]:
    """The new reports of an agreement that state another status than the latest one
    stated before them."""
    stated = [m for m in reversed(agreement.mentions) if m["status"]]  # oldest first
    before = [m for m in stated if not corpus.fresh(m["article"])]
    old = before[-1]["status"] if before else None
    moves = []
    for mention in (m for m in stated if corpus.fresh(m["article"])):
        if mention["status"] != old:
            moves.append({"agreement": agreement, "old": old, "new": mention["status"],
                          "evidence": mention["evidence"], "article": mention["article"]})
            old = mention["status"]
    return moves


def watched_quotes(corpus: Corpus, watched: set[str]) -> list[dict[str, Any]]:
    """New quotes by people any watchlist names (by entity name, case-folded)."""
    return [{**quote, "article": article} for article in corpus.articles if corpus.fresh(article)
            for quote in article.quotes if (quote["speaker"] or "").casefold() in watched]


def outputs(corpus: Corpus, config: Config, renderer: Renderer, watched: set[str]) -> Iterator[Output]:
    new, grown = story_changes(corpus)
    moves = [move for agreement in corpus.agreements.values() for move in status_moves(corpus, agreement)]
    moves.sort(key=lambda m: (m["agreement"].name.casefold(), m["article"].order))
    title = f"What changed · {config.site.title}"
    yield page_output(renderer, FOLDER, "changes.html", {
        "run": corpus.latest_run, "new": new, "grown": grown, "moves": moves,
        "quotes": watched_quotes(corpus, watched), "feeds": feed_links(FOLDER, title)})
    changed = (new + [g["story"] for g in grown])[:config.site.feed_items]  # like every feed
    yield from story_feed(renderer, FOLDER, title, "New stories and stories with new coverage.", changed)
