"""What a published site holds and what it was built from, kept in SQLite beside the site.

An incremental build must not cost what the site's size costs. Reading and rewriting a
manifest of thirty thousand files and a snapshot of ten thousand articles took longer
than rendering the pages a few new articles change, so both live in a small SQLite file
per published tree, in ``.<site>-state/`` next to the site: a build copies the live
tree's file, reads from it only the rows of what changed, and updates only those.

The tree itself carries ``.wirebrief-manifest.json``: the salt and a digest of every
file's path and content hash, which names the state file that describes the tree. Equal
sites have equal digests, so two builds of one database stay byte-identical (the state
file, whose bytes are SQLite's business, is outside the tree), and a tree whose state
file is missing or unreadable is simply built in full.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import shutil
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

MANIFEST = ".wirebrief-manifest.json"
STATE_VERSION = 6
BUCKETS = 4096  # of the site's digest: see NewState.finish

# Pages (not feeds or assets), as the partial index files_pages holds them: the sitemap
# lists them, and reading them from the whole table cost more than rendering it.
_PAGE = "(substr(path, -1) = '/' or substr(path, -5) = '.html' or path = '')"
CARRIED_PAGES = f"select path, unit from files where {_PAGE}"  # read from the live state
CARRIED_PAGE_COUNT = f"select count(*) from files where {_PAGE} and unit not in (select unit from dropped)"

SCHEMA = f"""
create table meta (key text primary key, value text not null);
create table files (path text primary key, unit text not null, hash text not null,
                    bucket integer not null);
create index files_unit on files (unit);
create index files_bucket on files (bucket);
create index files_pages on files (unit, path) where {_PAGE};
create table buckets (bucket integer primary key, digest text not null);
create table articles (id text primary key, revision integer not null, record text not null,
                       related text);
"""


def _digest(text: str) -> str:
    return hashlib.blake2b(text.encode(), digest_size=16).hexdigest()


def bucket_of(path: str) -> int:
    return int.from_bytes(hashlib.blake2b(path.encode(), digest_size=4).digest(), "big") % BUCKETS


def state_folder(site: Path) -> Path:
    return site.with_name(f".{site.name}-state")


def read_token(tree: Path) -> str | None:
    """The digest a tree's manifest names, if the manifest is ours and current."""
    try:
        data = json.loads((tree / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("version") != STATE_VERSION:
        return None
    token = data.get("site")
    return token if isinstance(token, str) and token.isalnum() else None


def write_token(tree: Path, salt: str, token: str) -> None:
    data = {"version": STATE_VERSION, "salt": salt, "site": token}
    (tree / MANIFEST).write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")


def read_meta(conn: sqlite3.Connection, key: str, default: Any = None) -> Any:
    """A value of a state file's meta table (JSON), or ``default``."""
    row = conn.execute("select value from main.meta where key = ?", [key]).fetchone()
    return json.loads(row[0]) if row else default


class SiteState:
    """One tree's state file: its files (path, unit, content hash), each article's
    revision and snapshot record, and the small snapshots (entities, topics...) in meta."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self.conn, self.path = conn, path
        self.salt: str = self.meta("salt", "")

    @classmethod
    def open(cls, site: Path, tree: Path) -> SiteState | None:
        """The state of ``tree`` (the live site or the spare one), or None when there is none."""
        token = read_token(tree)
        path = state_folder(site) / f"{token}.sqlite"
        if token is None or not path.is_file():
            return None
        try:
            conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
            version = conn.execute("select value from meta where key = 'version'").fetchone()
            if version != (str(STATE_VERSION),):
                conn.close()
                return None
        except sqlite3.Error:
            return None
        return cls(conn, path)

    def meta(self, key: str, default: Any = None) -> Any:
        return read_meta(self.conn, key, default)

    def revisions(self) -> dict[str, int]:
        return dict(self.conn.execute("select id, revision from articles"))

    def records(self, ids: Iterable[str]) -> dict[str, list[Any]]:
        """The snapshot records of these articles (changes.py)."""
        return self._json_column("record", ids)

    def files(self) -> dict[str, str]:
        """Every file of the tree with its content hash."""
        return dict(self.conn.execute("select path, hash from files"))

    def related(self, ids: Iterable[str]) -> dict[str, list[str]]:
        """The related stories each of these article pages showed (changes.py)."""
        return self._json_column("related", ids)

    def _json_column(self, column: str, ids: Iterable[str]) -> dict[str, Any]:
        """A JSON column of these articles by id, those without a value left out."""
        rows = self.conn.execute(f"select a.id, a.{column} from articles a join json_each(?) j "
                                 f"on j.value = a.id where a.{column} is not null", [json.dumps(sorted(ids))])
        return {article_id: json.loads(value) for article_id, value in rows}

    def units(self, without: str | None = None) -> set[str]:
        """The units the tree has files of; ``without`` those named with that prefix (read
        as the two ranges of the unit index around them)."""
        if not without:
            return {unit for (unit,) in self.conn.execute("select distinct unit from files")}
        after = without[:-1] + chr(ord(without[-1]) + 1)  # the first name past the prefix's
        rows = self.conn.execute("select distinct unit from files where unit < ? or unit >= ?",
                                 [without, after])
        return {unit for (unit,) in rows}

    def close(self) -> None:
        self.conn.close()


class NewState:
    """The state file of the tree being built: a copy of the live one (or a new file),
    changed row by row, named by the site's digest once complete."""

    def __init__(self, site: Path, live: SiteState | None) -> None:
        self.site, self.folder = site, state_folder(site)
        self.built_from = live.path.stem if live is not None else None
        self.source = live.path if live is not None else None
        self.folder.mkdir(parents=True, exist_ok=True)
        self.path = self.folder / f".building-{os.getpid()}.sqlite"
        self.path.unlink(missing_ok=True)
        if live is not None:
            shutil.copyfile(live.path, self.path)
        self.conn = sqlite3.connect(self.path, isolation_level=None)
        self.conn.execute("pragma journal_mode = off")
        self.conn.execute("pragma synchronous = off")  # the file is renamed into use only once complete
        if live is None:
            self.conn.executescript(SCHEMA)
        self.conn.execute("begin")
        self.conn.execute("create temp table dropped (unit text primary key)")
        self.conn.execute("create temp table claimed (path text primary key)")
        self.conn.execute("create temp table recent (unit text primary key)")
        self.conn.execute("create temp table touched (bucket integer primary key)")
        self.conn.create_function("listing_digest", 1, _digest, deterministic=True)
        self.from_recent = False

    def drop_units(self, units: Iterable[str]) -> None:
        """Units whose files are rendered again or gone: their rows are not carried over."""
        self.conn.executemany("insert or ignore into dropped values (?)", ((u,) for u in units))

    def claim(self, paths: Iterable[str]) -> None:
        self.conn.executemany("insert or ignore into claimed values (?)", ((p,) for p in paths))

    def carried(self) -> Iterator[tuple[str, str, str]]:
        """(path, unit, hash) of every file kept from the live site."""
        return iter(self.conn.execute(
            "select path, unit, hash from files where unit not in (select unit from dropped)"))

    def carried_pages(self) -> Callable[[], list[str]]:
        """What lists the pages (not feeds or assets) kept from the live site, of the
        units not dropped so far, in no particular order.

        Any process can call it: it reads the live site's state, of which this file is
        a copy until it is saved, through a connection of its own. The sitemap wants
        these tens of thousands of paths, and reading them is as dear as rendering it,
        so both are done by whichever render process takes the sitemap."""
        dropped = frozenset(unit for (unit,) in self.conn.execute("select unit from dropped"))
        return functools.partial(_carried_pages, self.source, dropped)

    def carried_page_count(self) -> int:
        """How many pages carried_pages lists, counted without reading them."""
        (count,) = self.conn.execute(CARRIED_PAGE_COUNT).fetchone()
        return int(count)

    def hashes(self, paths: Iterable[str], schema: str = "main") -> dict[str, str]:
        return dict(self.conn.execute(f"select f.path, f.hash from {schema}.files f join json_each(?) j "
                                      "on j.value = f.path", [json.dumps(list(paths))]))

    def attach_spare(self, spare: SiteState) -> None:
        """Compare with the spare tree from now on. When the live site was built from the
        spare one (the usual case: each build starts from the tree before the live one),
        the two differ only in the units that build rendered or dropped (``recent``), and
        only those are compared."""
        self.conn.execute("commit")
        self.conn.execute("attach database ? as spare", [f"{spare.path.as_uri()}?mode=ro"])
        self.conn.execute("begin")
        if self.meta("built_from") == spare.path.stem:
            self.conn.executemany("insert or ignore into recent values (?)",
                                  ((u,) for u in self.meta("dropped", [])))
            self.from_recent = True

    def meta(self, key: str, default: Any = None) -> Any:
        """A value of the live site's state (this file starts as its copy)."""
        return read_meta(self.conn, key, default)

    def differing_from_spare(self) -> Iterator[tuple[str, str, bool]]:
        """Carried files the spare tree does not hold as they are live: (path, unit,
        whether the spare tree holds another file there)."""
        # CROSS JOIN makes SQLite walk the few recent units, not every file.
        scope = "recent r cross join files f on f.unit = r.unit" if self.from_recent else "files f"
        return iter(self.conn.execute(
            f"select f.path, f.unit, exists (select 1 from spare.files o where o.path = f.path) "
            f"from {scope} where f.unit not in (select unit from dropped) "
            "and not exists (select 1 from spare.files s where s.path = f.path and s.hash = f.hash)"))

    def stale_in_spare(self) -> list[str]:
        """Files of the spare tree the new site does not have (not carried, not rendered)."""
        scope = ("where s.unit in (select unit from recent union select unit from dropped) and"
                 if self.from_recent else "where")
        return [p for (p,) in self.conn.execute(
            f"select s.path from spare.files s {scope} not exists (select 1 from files f "
            "where f.path = s.path and f.unit not in (select unit from dropped)) "
            "and s.path not in (select path from claimed)")]

    def claimed_and_carried(self) -> list[str]:
        """Paths an output claims that a carried unit holds already (two units want them)."""
        return [p for (p,) in self.conn.execute(
            "select c.path from claimed c join files f on f.path = c.path "
            "where f.unit not in (select unit from dropped)")]

    def counts(self) -> tuple[int, int]:
        """Files and units of the site."""
        files, units = self.conn.execute("select count(*), count(distinct unit) from files").fetchone()
        return int(files), int(units)

    def save_files(self, files: Iterable[tuple[str, str, str]]) -> None:
        self.conn.execute("insert or ignore into touched select distinct bucket from files "
                          "where unit in (select unit from dropped)")
        self.conn.execute("delete from files where unit in (select unit from dropped)")
        rows = [(path, unit, digest, bucket_of(path)) for path, unit, digest in files]
        self.conn.executemany("insert into files (path, unit, hash, bucket) values (?, ?, ?, ?)", rows)
        self.conn.executemany("insert or ignore into touched values (?)", {(row[3],) for row in rows})

    def save_articles(self, records: dict[str, list[Any]], gone: Iterable[str], *, replace_all: bool) -> None:
        """Store the snapshot records of changed articles (all of them when ``replace_all``)."""
        if replace_all:
            self.conn.execute("delete from articles")
        self.conn.executemany("delete from articles where id = ?", ((i,) for i in gone))
        self.conn.executemany("insert into articles (id, revision, record) values (?, ?, ?) on conflict (id) "
                              "do update set revision = excluded.revision, record = excluded.record",
                              ((i, r[0], json.dumps(r, separators=(",", ":"))) for i, r in records.items()))

    def save_related(self, related: dict[str, list[str]]) -> None:
        """The related stories of the article pages just rendered (by article id)."""
        self.conn.executemany("update articles set related = ? where id = ?",
                              ((json.dumps(ids, separators=(",", ":")), i) for i, ids in related.items()))

    def save_meta(self, values: dict[str, Any]) -> None:
        self.conn.executemany("insert or replace into meta (key, value) values (?, ?)",
                              ((k, json.dumps(v, separators=(",", ":"))) for k, v in values.items()))

    def finish(self, salt: str) -> str:
        """Commit, and name the file by the digest of the site it describes; return that."""
        dropped = [u for (u,) in self.conn.execute("select unit from dropped order by unit")]
        self.save_meta({"version": STATE_VERSION, "salt": salt, "built_from": self.built_from,
                        "dropped": dropped})
        digest = hashlib.blake2b(salt.encode(), digest_size=16)
        digest.update(self._bucket_digests().encode())
        self.conn.execute("commit")
        self.conn.close()
        token = digest.hexdigest()
        os.replace(self.path, self.folder / f"{token}.sqlite")
        return token

    def _bucket_digests(self) -> str:
        """Every file's path and hash, digested bucket by bucket (files are spread over
        BUCKETS by their path): only the buckets whose files changed are digested again,
        so a build that changes a few hundred files reads a few thousand rows, not every
        one, and the site's digest still depends on nothing but its files."""
        self.conn.execute("delete from buckets where bucket in (select bucket from touched)")
        self.conn.execute(
            "insert into buckets (bucket, digest) select bucket, listing_digest(group_concat(path || "
            "char(0) || hash, char(10))) from (select bucket, path, hash from files where bucket in "
            "(select bucket from touched) order by bucket, path) group by bucket")
        (listing,) = self.conn.execute("select group_concat(bucket || char(0) || digest, char(10)) "
                                       "from (select bucket, digest from buckets order by bucket)").fetchone()
        return listing or ""

    def abandon(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self.conn.close()
        self.path.unlink(missing_ok=True)


def _carried_pages(source: Path | None, dropped: frozenset[str]) -> list[str]:
    if source is None:
        return []
    conn = sqlite3.connect(f"{source.as_uri()}?mode=ro", uri=True)
    try:
        return [path for path, unit in conn.execute(CARRIED_PAGES) if unit not in dropped]
    finally:
        conn.close()


def keep_only(site: Path, tokens: Iterable[str | None]) -> None:
    """Delete state files no tree names any more (older trees, killed builds' leftovers)."""
    wanted = {f"{t}.sqlite" for t in tokens if t}
    for path in state_folder(site).glob("*.sqlite"):
        if path.name not in wanted and not path.name.startswith(f".building-{os.getpid()}"):
            path.unlink(missing_ok=True)
