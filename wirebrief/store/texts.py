"""Articles' texts and the sentences behind their facts, read when a page shows them.

They are the largest part of the store, too large to hold for every article at once,
so the site's build reads them article by article (or a feed's fifty at once) and keeps
only the texts read last: a render process renders every article's page, and keeping
each text it read made it outgrow the build. Forked render processes must not share
the parent's SQLite connection, so each other process opens its own, read-only.
"""

from __future__ import annotations

import os
import sqlite3
from collections import OrderedDict
from pathlib import Path

import sqlite_utils

from wirebrief.store import queries


class TextReader:
    """Texts by article id, read on demand through a connection of this process."""

    KEPT = 4096  # texts kept, the last read

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db, self.pid = db, os.getpid()
        row = db.execute("pragma database_list").fetchone()
        self.path: str = row[2] if row else ""
        self._own: tuple[int, sqlite_utils.Database] | None = None
        self.texts: OrderedDict[str, str] = OrderedDict()

    def database(self) -> sqlite_utils.Database:
        if os.getpid() == self.pid or not self.path:
            return self.db
        if self._own is None or self._own[0] != os.getpid():
            uri = Path(self.path).as_uri() + "?mode=ro"
            self._own = (os.getpid(), sqlite_utils.Database(sqlite3.connect(uri, uri=True, timeout=30)))
        return self._own[1]

    def read(self, article_ids: list[str]) -> None:
        """Read the texts of these articles not kept, in one query (a feed shows fifty)."""
        missing = [i for i in article_ids if i not in self.texts]
        if missing:
            found = dict(queries.texts_of(self.database(), missing))
            for article_id in missing:
                self.texts[article_id] = found.get(article_id, "")
            while len(self.texts) > max(self.KEPT, len(article_ids)):
                self.texts.popitem(last=False)

    def text(self, article_id: str) -> str:
        if article_id not in self.texts:
            self.read([article_id])
        self.texts.move_to_end(article_id)
        return self.texts[article_id]

    def evidence(self, article_id: str) -> tuple[dict[str, str], list[str]]:
        """The sentences behind one article's mentions (by entity id) and its non-empty
        quotes (in store order): only its own page shows them."""
        mentions, quoted = queries.fact_evidence(self.database(), article_id)
        return mentions, [queries.evidence_sentence(e) for text, e in quoted if (text or "").strip()]
