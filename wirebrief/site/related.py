"""Related stories: articles that share entities with one, near it in time; then its topics.

Scoring every pair is quadratic; instead each shared entity contributes only the
articles closest in time to this one in that entity's mention list, weighted so rare
entities count more than ubiquitous ones; stories of the same topic, nearest in time,
fill any places left. Candidates are local in time, so a few new articles change the
related lists of only the recent articles they sit next to, which keeps incremental
builds small.
"""

from __future__ import annotations

import hashlib
import math
from operator import itemgetter

from wirebrief.site.corpus import Article, Corpus

NEIGHBOURS = 4
LIMIT = 5


class Related:
    """Related lists, computed only for the article pages a build renders.

    A page is keyed on its article's neighbourhood (the neighbours its score looks at and
    the size of each list), which changes whenever the related list could change, and
    costs a string join to compute instead of a scoring.
    """

    def __init__(self, corpus: Corpus) -> None:
        self.postings: dict[str, list[tuple[float, list[Article], int]]] = {a.id: [] for a in corpus.articles}
        for entity in corpus.entities.values():
            # Weights change only when an entity's mention count crosses a power of two,
            # so one more mention of a ubiquitous entity does not touch thousands of pages.
            weight = 1.0 / int(math.log2(2 + len(entity.articles)))
            for index, article in enumerate(entity.articles):
                self.postings[article.id].append((weight, entity.articles, index))
        for topic in corpus.topics.values():
            for index, article in enumerate(topic.articles):
                self.postings[article.id].append((0.0, topic.articles, index))

    def signature(self, article: Article) -> str:
        parts = []
        for weight, mentions, index in self.postings[article.id]:
            parts.append(f"{weight:.4f}")
            parts.extend(a.digest for a in mentions[max(0, index - NEIGHBOURS): index + NEIGHBOURS + 1])
        return hashlib.blake2b(" ".join(parts).encode(), digest_size=12).hexdigest()

    def of(self, article: Article) -> list[Article]:
        return _best(article, self.postings[article.id])


def related_articles(corpus: Corpus) -> dict[str, list[Article]]:
    """For each article id, up to LIMIT related articles from other stories, best first."""
    related = Related(corpus)
    return {a.id: related.of(a) for a in corpus.articles}


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
