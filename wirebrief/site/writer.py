"""Writing the site into a staging folder: link the live site, render what changed.

The live site holds a manifest (MANIFEST): for every file, the key of what it shows
(outputs.py) and the hash of its bytes. The staging folder starts empty and first gets a
hard link to every file of the live site (same inode, nothing copied: link_live); then
every output whose key differs from the live one is rendered, by a pool of forked
processes when there are many, into a new file that takes the place of its link, and
the files no output claims any more are unlinked. A link is never written through (the
live site shares its inode), so the live site keeps its bytes whatever the build does,
and the staging folder is always a whole site.
As in Pelican, there is no guess at which outputs a change reaches: every output's
key is computed on every build, and the keys decide.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import re
import shutil
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
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
class Staged:
    """The live site's files linked into staging: their manifest entries, by path
    (key, content hash), and the paths whose file the live tree no longer has."""

    linked: dict[str, tuple[str, str]] = field(default_factory=dict)
    missing: set[str] = field(default_factory=set)


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


def link_live(live: Path | None, staging: Path) -> Staged:
    """Hard-link every file of the live site's manifest into the empty ``staging``, which
    then holds the live site. It depends on the live tree alone, so it runs beside the
    loading of the store and the keys (os.mkdir and os.link release the GIL). Folders are
    made first, each once, so the loop makes one call per file. A path of the manifest
    that is not a safe one is left out, and so is one whose file is gone: its output is
    rendered."""
    recorded = read_manifest(live) if live is not None else {}
    files = {path: output_file(path) for path in recorded if _SAFE_PATH.match(path)}
    _make_folders(staging, list(files.values()))
    staged = Staged()
    for path, file in files.items():
        try:
            os.link(f"{live}/{file}", f"{staging}/{file}")
        except FileNotFoundError:
            staged.missing.add(path)
        else:
            staged.linked[path] = recorded[path]
    return staged


def write_site(outputs: Iterable[Output], staging: Path, staged: Staged, workers: int,
               bundles: Sequence[Bundle] = ()) -> Stats:
    """Turn ``staging``, which holds the live site (link_live), into the site of
    ``outputs`` and ``bundles``: render every output whose key changed, unlink the files
    no output claims any more, and write its manifest."""
    chosen = _claim(outputs)
    linked = staged.linked
    kept = [o for o in chosen if linked.get(o.path, ("", ""))[0] == o.key]
    pending = [o for o in chosen if linked.get(o.path, ("", ""))[0] != o.key]
    folders = tuple(bundle.folder for bundle in bundles)
    claimed = {o.path for o in chosen}
    gone = [path for path in linked if path not in claimed and not path.startswith(folders)]
    for path in [o.path for o in pending if o.path in linked] + gone:
        os.unlink(target_file(staging, path))  # a link: the live tree keeps the file
    _remove_empty_folders(staging, gone)
    entries = {o.path: [o.key, linked[o.path][1]] for o in kept}
    made: dict[str, list[str]] = {}

    def bundle_all() -> None:
        """The bundles, whose tools run in processes of their own, beside the renders."""
        for bundle in bundles:
            made.update(_write_bundle(bundle, staged, staging))

    digests = _render_all(pending, staging, workers, bundle_all)
    entries.update({o.path: [o.key, digest] for o, digest in zip(pending, digests, strict=True)})
    entries.update(made)
    manifest = json.dumps({"version": 1, "files": dict(sorted(entries.items()))}, separators=(",", ":"))
    (staging / MANIFEST).write_text(manifest, encoding="utf-8")
    return Stats(rendered=len(pending), linked=len(kept), bundled=len(made))


def _remove_empty_folders(staging: Path, gone: list[str]) -> None:
    """The folders of files no output claims any more that are left empty (and their
    parents, if empty too): a full build would not make them."""
    for path in gone:
        folder = output_file(path).rpartition("/")[0]
        while folder:
            try:
                os.rmdir(f"{staging}/{folder}")
            except OSError:  # not empty
                break
            folder = folder.rpartition("/")[0]


def _write_bundle(bundle: Bundle, staged: Staged, staging: Path) -> dict[str, list[str]]:
    """The bundle's files in staging: those linked from the live tree when its key is the
    one recorded there and every file is still there, else made again."""
    target_file(Path("."), bundle.folder)
    old = {p: v for p, v in staged.linked.items() if p.startswith(bundle.folder)}
    missing = any(p.startswith(bundle.folder) for p in staged.missing)
    if old and not missing and all(key == bundle.key for key, _ in old.values()):
        return {path: [bundle.key, digest] for path, (_, digest) in old.items()}
    folder = staging / bundle.folder
    shutil.rmtree(folder, ignore_errors=True)  # links only: the live tree keeps its files
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


def _make_folders(staging: Path, files: list[str]) -> None:
    """Every folder of ``files`` and their parents, parents first."""
    folders: set[str] = set()
    for file in files:
        folder = file.rpartition("/")[0]
        while folder and folder not in folders:
            folders.add(folder)
            folder = folder.rpartition("/")[0]
    for folder in sorted(folders):
        os.mkdir(f"{staging}/{folder}")


def _render_all(pending: list[Output], staging: Path, workers: int, beside: Callable[[], None]) -> list[str]:
    """Render and write ``pending`` (their content hashes, in order) while this process
    runs ``beside``."""
    if workers < 2 or len(pending) < PARALLEL_FROM or not hasattr(os, "fork"):
        made: set[str] = set()
        beside()
        return [_write(output, staging, made) for output in pending]
    _PENDING[:], _STAGING[:] = pending, [staging]
    try:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(workers, mp_context=context) as pool:
            chunk = max(1, min(64, len(pending) // (workers * 8)))
            results = pool.map(_render_at, range(len(pending)), chunksize=chunk)
            beside()
            return list(results)
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
    with open(target_file(staging, output.path), "xb") as handle:  # never through a link
        handle.write(data)
    return content_hash(data)
