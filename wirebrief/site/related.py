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


def position(orders: list[int], article: Article) -> int:
    """Where an article sits in a list of the site, given the list's ``order`` values.
    Every list is in the corpus's order (newest first), so a binary search finds it."""
    index = bisect.bisect_left(orders, article.order)
    if index == len(orders) or orders[index] != article.order:
        raise ValueError(f"{article.id} is not in the list")
    return index


class Related:
    """Related lists, from the lists that article is in."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self.orders: dict[int, list[int]] = {}  # id of a list -> its articles' order values

    def _at(self, articles: list[Article], article: Article) -> int:
        """Its position in ``articles``, by a search (in C) of the list's orders, made once per list."""
        orders = self.orders.get(id(articles))
        if orders is None:
            orders = self.orders[id(articles)] = [a.order for a in articles]
        return position(orders, article)

    def postings(self, article: Article) -> list[tuple[float, list[Article], int]]:
        """(weight, list, position of the article in it) for each entity it names, in the
        store's entity order (mentions are read sorted by entity id, as entities are),
        then each of its topics (weight 0: they only fill places)."""
        result = [(1.0 / weight_step(len(e.articles)), e.articles, self._at(e.articles, article))
                  for e in article.mentions]
        slugs = sorted({link["path"].split("/")[1] for link in article.topic_links})
        topics = [self.corpus.topics[slug].articles for slug in slugs]
        return result + [(0.0, articles, self._at(articles, article)) for articles in topics]

    def of(self, article: Article) -> list[Article]:
        return _best(article, self.postings(article))


def _best(article: Article, postings: list[tuple[float, list[Article], int]]) -> list[Article]:
    story = article.story_id
    scores: dict[Article, float] = {}  # (articles hash by identity: one object per article)
    for weight, mentions, index in postings:
        for other in mentions[max(0, index - NEIGHBOURS): index + NEIGHBOURS + 1]:
            if other.story_id != story:
                scores[other] = scores.get(other, 0.0) + weight
    result: list[Article] = []
    stories: set[str] = set()
    # Sorting is stable: equal scores keep the order in which candidates were met, which
    # is fixed by the data, so the lists are the same in every build.
    for other, _ in sorted(scores.items(), key=itemgetter(1), reverse=True):
        if other.story_id not in stories:
            stories.add(other.story_id)
            result.append(other)
            if len(result) == LIMIT:
                break
    return result
