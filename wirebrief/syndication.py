"""Grouping syndicated copies of one wire story: MinHash/LSH over the cleaned text.

Outlets republish agency copy with their own chrome and small edits; word shingles of
the cleaned body survive those edits, so near-duplicates share a story id and the site
shows the story once with every outlet.
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np
import sqlite_utils
from datasketch import MinHash, MinHashLSH

NUM_PERM = 64
THRESHOLD = 0.6
SHINGLE = 4
SCHEME = "affine32"
DTYPE = np.uint32
MIN_WORDS = 30


def signature(text: str) -> MinHash | None:
    words = re.findall(r"\w+", text.lower())
    if len(words) < MIN_WORDS:
        return None
    minhash = MinHash(num_perm=NUM_PERM, seed=7, scheme=SCHEME)
    shingles = {" ".join(words[i:i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}
    minhash.update_batch([s.encode("utf-8", "surrogatepass") for s in shingles])
    return minhash


def to_bytes(minhash: MinHash | None) -> bytes | None:
    return None if minhash is None else minhash.hashvalues.astype(DTYPE).tobytes()


def from_bytes(blob: bytes) -> MinHash:
    """A stored signature as a MinHash. Its permutations depend only on the seed, so they
    are made once: making them is most of the cost, paid for every article otherwise."""
    values = np.frombuffer(blob, dtype=DTYPE)
    return MinHash(num_perm=NUM_PERM, seed=7, hashvalues=values, scheme=SCHEME,
                   permutations=_permutations())


@lru_cache(maxsize=1)
def _permutations() -> np.ndarray:
    return MinHash(num_perm=NUM_PERM, seed=7, scheme=SCHEME).permutations


class StoryIndex:
    """The LSH index of stored articles, answering 'which story is this text part of?'."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.lsh = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
        self.story_of: dict[str, str] = {}
        rows = db.execute(
            "select id, story_id, minhash from articles where minhash is not null "
            "order by first_seen_at, id"
        )
        for article_id, story_id, blob in rows:
            self.add(article_id, story_id, from_bytes(blob))

    def add(self, article_id: str, story_id: str, minhash: MinHash) -> None:
        if article_id in self.story_of:
            self.lsh.remove(article_id)
        self.lsh.insert(article_id, minhash)
        self.story_of[article_id] = story_id

    def story_for(self, article_id: str, minhash: MinHash | None) -> str:
        """The story an article joins: that of its earliest near-duplicate, else its own."""
        if minhash is None:
            return article_id
        matches = sorted(m for m in self.lsh.query(minhash) if m != article_id)
        stories = sorted({self.story_of[m] for m in matches})
        story_id = stories[0] if stories else article_id
        self.add(article_id, story_id, minhash)
        return story_id
