"""Related stories: articles that share entities (and topics) with one, near it in time.

Scoring every pair is quadratic; instead each shared entity contributes only the
articles closest in time to this one in that entity's mention list, weighted so rare
entities count more than ubiquitous ones. The candidates are local in time, so a few new
articles change the related lists of only the recent articles they sit next to, which
keeps incremental builds small.
"""

from __future__ import annotations

import math
from collections import defaultdict
from datetime import date

from wirebrief.site.corpus import Article, Corpus

NEIGHBOURS = 6
LIMIT = 5
TOPIC_BONUS = 0.25


def related_articles(corpus: Corpus) -> dict[str, list[Article]]:
    """For each article id, up to LIMIT related articles from other stories, best first."""
    postings: dict[str, list[tuple[float, list[Article], int]]] = defaultdict(list)
    for entity in corpus.entities.values():
        weight = 1.0 / math.log2(2 + len(entity.articles))
        for index, article in enumerate(entity.articles):
            postings[article.id].append((weight, entity.articles, index))
    days = {a.id: _ordinal(a.day) for a in corpus.articles}
    return {a.id: _best(a, postings[a.id], days) for a in corpus.articles}


def _best(article: Article, postings: list[tuple[float, list[Article], int]],
          days: dict[str, int]) -> list[Article]:
    scores: dict[str, float] = defaultdict(float)
    found: dict[str, Article] = {}
    for weight, mentions, index in postings:
        for other in mentions[max(0, index - NEIGHBOURS): index + NEIGHBOURS + 1]:
            if other.story_id != article.story_id:
                scores[other.id] += weight
                found[other.id] = other
    topics = set(article.topics)
    day = days[article.id]
    ranked = sorted((-round(score + (TOPIC_BONUS if topics.intersection(found[i].topics) else 0), 6),
                     abs(day - days[i]), i) for i, score in scores.items())
    result: list[Article] = []
    stories: set[str] = set()
    for _, _, other_id in ranked:
        other = found[other_id]
        if other.story_id not in stories:
            stories.add(other.story_id)
            result.append(other)
            if len(result) == LIMIT:
                break
    return result


def _ordinal(day: str) -> int:
    try:
        return date.fromisoformat(day).toordinal()
    except ValueError:
        return 0
