"""Related stories: articles that share entities with one, near it in time; then its topics.

Scoring every pair is quadratic; instead each shared entity contributes only the
articles closest in time to this one in that entity's mention list, weighted so rare
entities count more than ubiquitous ones; stories of the same topic, nearest in time,
fill any places left. Candidates are local in time, so a few new articles change the
related lists (and so the pages, outputs.py) of only the articles they sit next to.
"""

from __future__ import annotations

import bisect
import math
from operator import itemgetter

from wirebrief.site.corpus import Article, Corpus

NEIGHBOURS = 4
LIMIT = 5


def weight_step(mentions: int) -> int:
    """An entity's weight changes only when its mention count crosses a power of two, so
    one more mention of a ubiquitous entity does not touch thousands of pages."""
    return int(math.log2(2 + mentions))


def position(articles: list[Article], article: Article) -> int:
    """Where an article sits in a list of the site. Every list is in the corpus's order
    (newest first), so a binary search on that order finds it; indexing each list would
    cost more than the lookups, for the long lists of busy topics."""
    index = bisect.bisect_left(articles, article.order, key=_order)
    if index == len(articles) or articles[index] is not article:
        raise ValueError(f"{article.id} is not in the list")
    return index


def _order(article: Article) -> int:
    return article.order


class Related:
    """Related lists, from the lists that article is in."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self.entity_order = {entity_id: n for n, entity_id in enumerate(corpus.entities)}

    def postings(self, article: Article) -> list[tuple[float, list[Article], int]]:
        """(weight, list, position of the article in it) for each entity it names, in the
        store's entity order, then each of its topics (weight 0: they only fill places)."""
        entities = sorted(dict.fromkeys(article.mentions), key=lambda e: self.entity_order[e.id])
        result = [(1.0 / weight_step(len(e.articles)), e.articles,
                   position(e.articles, article)) for e in entities]
        slugs = sorted({link["path"].split("/")[1] for link in article.topic_links})
        topics = [self.corpus.topics[slug].articles for slug in slugs]
        return result + [(0.0, articles, position(articles, article))
                         for articles in topics]

    def of(self, article: Article) -> list[Article]:
        return _best(article, self.postings(article))


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
