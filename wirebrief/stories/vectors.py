"""Word TF-IDF of headline+lead and of the body (scikit-learn), fitted per placement run.

The vocabulary and its weights come from the articles a run compares (the new ones and
those of the time window), so rare words of this week's news weigh most and a run never
reads the whole archive. A light suffix folding stands in for lemmas: rival wordings of
one event differ in inflection ("strikes", "struck") more than in vocabulary.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer

from wirebrief.stories.documents import Doc

_TOKEN = re.compile(r"[a-z][a-z0-9]+|\d+(?:[.,]\d+)?")
_NEWS_WORDS = frozenset({"said", "says", "told", "according", "statement", "reporters",
                         "official", "officials", "spokesperson", "spokesman", "added",
                         "news", "agency", "reuters", "afp", "ap", "pti", "ians", "ani", "uni"})
STOP = ENGLISH_STOP_WORDS | _NEWS_WORDS


def fold_word(word: str) -> str:
    for suffix in ("ies", "ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)] + ("y" if suffix == "ies" else "")
    return word


def analyze(text: str) -> list[str]:
    return [fold_word(w) for w in _TOKEN.findall(text.lower()) if w not in STOP]


class TextModel:
    """Unit-length TF-IDF rows of every document of a run, by article id."""

    def __init__(self, docs: Sequence[Doc]) -> None:
        self.row = {doc.id: index for index, doc in enumerate(docs)}
        self.body: csr_matrix | None = None
        self.head: csr_matrix | None = None
        if not docs:
            return
        vectorizer = TfidfVectorizer(analyzer=analyze, sublinear_tf=True, dtype=np.float64)
        self.body = vectorizer.fit_transform([f"{d.title}\n{d.text}" for d in docs]).tocsr()
        self.head = vectorizer.transform([f"{d.title}\n{d.lead}" for d in docs]).tocsr()

    def similarity(self, a: str, b: str) -> tuple[float, float]:
        """Cosine of headline+lead and of body between two documents of the run."""
        if self.body is None or self.head is None or a not in self.row or b not in self.row:
            return 0.0, 0.0
        i, j = self.row[a], self.row[b]
        head = float(self.head[i].multiply(self.head[j]).sum())
        body = float(self.body[i].multiply(self.body[j]).sum())
        return head, body
