"""Related stories: articles that share entities (and topics) with one, near it in time.

Scoring every pair is quadratic; instead each shared entity contributes only the
articles closest in time to this one in that entity's mention list, weighted so rare
entities count more than ubiquitous ones. The candidates are local in time, so a few new
articles change the related lists of only the recent articles they sit next to, which
keeps incremental builds small.
"""

from __future__ import annotations

import functools
import math
from collections import defaultdict
from datetime import date

from wirebrief.site.corpus import Article, Corpus

NEIGHBOURS = 6
LIMIT = 5


def related_articles(corpus: Corpus) -> dict[str, list[Article]]:
    """For each article id, up to LIMIT related articles from other stories, best first."""
    positions: dict[str, list[tuple[list[Article], int]]] = defaultdict(list)
    for entity in corpus.entities.values():
        for index, article in enumerate(entity.articles):
            positions[article.id].append((entity.articles, index))
    return {a.id: _best(a, positions[a.id]) for a in corpus.articles}


def _best(article: Article, postings: list[tuple[list[Article], int]]) -> list[Article]:
    scores: dict[str, float] = defaultdict(float)
    found: dict[str, Article] = {}
    topics = set(article.topics)
    for mentions, index in postings:
        weight = 1.0 / math.log2(2 + len(mentions))
        for other in mentions[max(0, index - NEIGHBOURS): index + NEIGHBOURS + 1]:
            if other.story_id != article.story_id:
                scores[other.id] += weight
                found[other.id] = other
    for other_id, other in found.items():
        if topics.intersection(other.topics):
            scores[other_id] += 0.25
    ranked = sorted(found, key=lambda i: (-round(scores[i], 6), _age(article, found[i]), i))
    return _one_per_story([found[i] for i in ranked])


def _age(article: Article, other: Article) -> int:
    """How far apart two articles are in days (ties prefer the nearer story)."""
    return abs(_ordinal(article.day) - _ordinal(other.day))


@functools.lru_cache(maxsize=4096)
def _ordinal(day: str) -> int:
    try:
        return date.fromisoformat(day).toordinal()
    except ValueError:
        return 0


def _one_per_story(ranked: list[Article]) -> list[Article]:
    seen: set[str] = set()
    result = []
    for other in ranked:
        if other.story_id not in seen:
            seen.add(other.story_id)
            result.append(other)
        if len(result) == LIMIT:
            break
    return result
