"""Writing the site into a staging folder: render what changed, hard-link the rest.

The live site holds a manifest (MANIFEST): for every file, the key of what it shows
(outputs.py) and the hash of its bytes. An output whose key equals the live one is
hard-linked from the live tree (same inode, nothing rendered or copied); every other
output is rendered, by a pool of forked processes when there are many. The staging
folder starts empty and every file in it is new or linked, so nothing is ever written
through a file the live site holds, and the staging folder is always a whole site.
As in Pelican, there is no guess at which outputs a change reaches: every output's
key is computed on every build, and the keys decide.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import multiprocessing
import os
import re
import shutil
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from wirebrief.site.outputs import Output
from wirebrief.site.paths import output_file

MANIFEST = ".wirebrief-manifest.json"
PARALLEL_FROM = 64  # fewer outputs than this are rendered here: forking costs more
_SAFE_PATH = re.compile(r"^(?:[A-Za-z0-9_][A-Za-z0-9_.-]*/)*(?:[A-Za-z0-9_][A-Za-z0-9_.-]*)?$")

# What the forked render processes render: set before they fork, read by index.
_PENDING: list[Output] = []
_STAGING: list[Path] = []


@dataclass(frozen=True)
class Bundle:
    """A folder of files one tool makes at once (a search index), with the key of what
    it holds: it is made again, whole, only when its key changes."""

    folder: str
    key: str
    make: Callable[[Path], None]  # writes the folder's files into the folder it is given


@dataclass
class Stats:
    rendered: int = 0
    linked: int = 0
    bundled: int = 0  # files of bundles, made or linked


def content_hash(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def target_file(root: Path, page: str) -> str:
    """The file of ``page`` under ``root``, refusing anything that could land outside it.

    A string check, not a filesystem one: every segment must start with a letter, digit
    or underscore, so no '..', no absolute path, no empty segment."""
    if not _SAFE_PATH.match(page):
        raise ValueError(f"refusing to write outside the site: {page!r}")
    return f"{root}/{output_file(page)}"


def read_manifest(tree: Path) -> dict[str, tuple[str, str]]:
    """path -> (key, content hash) of the files of a published tree; {} when it has no
    readable manifest (then everything is rendered)."""
    try:
        data = json.loads((tree / MANIFEST).read_bytes())
    except (OSError, ValueError):
        return {}
    files = data.get("files") if isinstance(data, dict) else None
    if not isinstance(files, dict):
        return {}
    return {path: (entry[0], entry[1]) for path, entry in files.items()
            if isinstance(entry, list) and len(entry) == 2 and all(isinstance(v, str) for v in entry)}


def write_site(outputs: Iterable[Output], staging: Path, live: Path | None, workers: int,
               bundles: Iterable[Bundle] = ()) -> Stats:
    """Fill the empty folder ``staging`` with ``outputs`` and ``bundles``, taking from
    ``live`` (the published tree) every file whose key has not changed, and write its
    manifest."""
    chosen = _claim(outputs)
    recorded = read_manifest(live) if live is not None else {}
    kept = [o for o in chosen if recorded.get(o.path, ("", ""))[0] == o.key]
    pending = [o for o in chosen if recorded.get(o.path, ("", ""))[0] != o.key]
    entries: dict[str, list[str]] = {}

    def in_this_process() -> list[Output]:
        """Links, and the bundles, whose tools run in processes of their own."""
        gone = _link_all(kept, live, staging) if live is not None else []
        for bundle in bundles:
            entries.update(_write_bundle(bundle, recorded, live, staging))
        return gone

    digests, gone = _render_all(pending, staging, workers, in_this_process)
    # Files the live tree no longer has (someone deleted them) are rendered after all.
    digests += _render_all(gone, staging, 1, list)[0]
    entries.update({o.path: [o.key, recorded[o.path][1]] for o in kept if o not in gone})
    entries.update({o.path: [o.key, digest] for o, digest in zip(pending + gone, digests, strict=True)})
    manifest = json.dumps({"version": 1, "files": dict(sorted(entries.items()))}, separators=(",", ":"))
    (staging / MANIFEST).write_text(manifest, encoding="utf-8")
    bundled = [p for p in entries if any(p.startswith(b.folder) for b in bundles)] if bundles else []
    return Stats(rendered=len(pending) + len(gone), linked=len(kept) - len(gone), bundled=len(bundled))


def _write_bundle(bundle: Bundle, recorded: dict[str, tuple[str, str]], live: Path | None,
                  staging: Path) -> dict[str, list[str]]:
    """The bundle's files in staging, linked from the live tree when its key is the one
    recorded there (and every file is still there), else made again."""
    target_file(Path("."), bundle.folder)
    old = {p: v for p, v in recorded.items() if p.startswith(bundle.folder)}
    if live is not None and old and all(key == bundle.key for key, _ in old.values()):
        _make_folders(staging, list(old))
        try:
            for path in old:
                os.link(f"{live}/{path}", f"{staging}/{path}")
            return {path: [bundle.key, digest] for path, (_, digest) in old.items()}
        except FileNotFoundError:
            shutil.rmtree(staging / bundle.folder, ignore_errors=True)
    folder = staging / bundle.folder
    bundle.make(folder)
    return {p.relative_to(staging).as_posix(): [bundle.key, content_hash(p.read_bytes())]
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _claim(outputs: Iterable[Output]) -> list[Output]:
    """The outputs, each path checked to be safe and to be claimed once."""
    chosen: dict[str, Output] = {}
    for output in outputs:
        target_file(Path("."), output.path)
        if output.path in chosen:
            raise ValueError(f"two outputs claim {output.path!r}")
        chosen[output.path] = output
    return list(chosen.values())


def _link_all(kept: list[Output], live: Path, staging: Path) -> list[Output]:
    """Hard-link the live files of ``kept`` into staging; those the live tree no longer has.
    Their folders are made first, each once, so the loop makes one call per file."""
    files = [output_file(output.path) for output in kept]  # (paths _claim checked)
    _make_folders(staging, files)
    gone = []
    for output, file in zip(kept, files, strict=True):
        try:
            os.link(f"{live}/{file}", f"{staging}/{file}")
        except FileNotFoundError:
            gone.append(output)
    return gone


def _make_folders(staging: Path, files: list[str]) -> None:
    """Every folder of ``files`` and their parents, parents first (render processes may
    be making some of them at the same time)."""
    folders: set[str] = set()
    for file in files:
        folder = file.rpartition("/")[0]
        while folder and folder not in folders:
            folders.add(folder)
            folder = folder.rpartition("/")[0]
    for folder in sorted(folders):
        with contextlib.suppress(FileExistsError):
            os.mkdir(f"{staging}/{folder}")


def _render_all(pending: list[Output], staging: Path, workers: int,
                linking: Callable[[], list[Output]]) -> tuple[list[str], list[Output]]:
    """Render and write ``pending`` (their content hashes, in order) while this process
    runs ``linking`` (links wait on the disk, not the processor), and what it returns."""
    if workers < 2 or len(pending) < PARALLEL_FROM or not hasattr(os, "fork"):
        made: set[str] = set()
        gone = linking()
        return [_write(output, staging, made) for output in pending], gone
    _PENDING[:], _STAGING[:] = pending, [staging]
    try:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(workers, mp_context=context) as pool:
            chunk = max(1, min(64, len(pending) // (workers * 8)))
            results = pool.map(_render_at, range(len(pending)), chunksize=chunk)
            gone = linking()
            return list(results), gone
    finally:
        _PENDING.clear()
        _STAGING.clear()


_MADE: set[str] = set()  # folders a render process has made


def _render_at(index: int) -> str:
    return _write(_PENDING[index], _STAGING[0], _MADE)


def _write(output: Output, staging: Path, made: set[str]) -> str:
    data = output.render()
    folder = output_file(output.path).rpartition("/")[0]
    if folder and folder not in made:
        os.makedirs(f"{staging}/{folder}", exist_ok=True)
        made.add(folder)
    with open(target_file(staging, output.path), "wb") as handle:
        handle.write(data)
    return content_hash(data)
