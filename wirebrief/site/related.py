"""Related stories: articles that share entities with one, near it in time; then its topics.

Scoring every pair is quadratic; instead each shared entity contributes only the
articles closest in time to this one in that entity's mention list, weighted so rare
entities count more than ubiquitous ones; stories of the same topic, nearest in time,
fill any places left. Candidates are local in time, so a few new articles change the
related lists of only the articles they sit next to, which keeps incremental builds
small (changes.py).
"""

from __future__ import annotations

import math
from operator import itemgetter

from wirebrief.site.corpus import Article, Corpus

NEIGHBOURS = 4
LIMIT = 5


def weight_step(mentions: int) -> int:
    """An entity's weight changes only when its mention count crosses a power of two, so
    one more mention of a ubiquitous entity does not touch thousands of pages."""
    return int(math.log2(2 + mentions))


class Related:
    """Related lists, computed only for the article pages a build renders (changes.py
    knows which ones a change can reach)."""

    def __init__(self, corpus: Corpus) -> None:
        self.postings: dict[str, list[tuple[float, list[Article], int]]] = {a.id: [] for a in corpus.articles}
        for entity in corpus.entities.values():
            weight = 1.0 / weight_step(len(entity.articles))
            for index, article in enumerate(entity.articles):
                self.postings[article.id].append((weight, entity.articles, index))
        for topic in corpus.topics.values():
            for index, article in enumerate(topic.articles):
                self.postings[article.id].append((0.0, topic.articles, index))

    def of(self, article: Article) -> list[Article]:
        return _best(article, self.postings[article.id])


def _best(article: Article, postings: list[tuple[float, list[Article], int]]) -> list[Article]:
    scores: dict[str, float] = {}
    found: dict[str, Article] = {}
    for weight, mentions, index in postings:
        for other in mentions[max(0, index - NEIGHBOURS): index + NEIGHBOURS + 1]:
            if other.story_id != article.story_id:
                scores[other.id] = scores.get(other.id, 0.0) + weight
                found.setdefault(other.id, other)
    result: list[Article] = []
    stories: set[str] = set()
    # Sorting is stable: equal scores keep the order in which candidates were met, which
    # is fixed by the data, so the lists are the same in every build.
    for other_id, _ in sorted(scores.items(), key=itemgetter(1), reverse=True):
        other = found[other_id]
        if other.story_id not in stories:
            stories.add(other.story_id)
            result.append(other)
            if len(result) == LIMIT:
                break
    return result
