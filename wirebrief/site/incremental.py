"""Publishing a planned site into a staging folder, doing as little as possible.

Every file belongs to a unit (an article, an entity, a day...; see changes.py). The
manifest inside the published site records, per unit, each file's content hash, plus
what the next build needs to tell which units changed. A build renders only the units
its plan names; every other file is hard-linked from the live site (same inode, no
rendering, no copy). A rendered file whose bytes equal the live one is linked too, so a
file's inode changes only when its content does. The staging folder is always a
complete site, swapped in whole, so incremental never means partial.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from wirebrief.site.paths import output_file
from wirebrief.site.render import Renderer

MANIFEST = ".wirebrief-manifest.json"
STATE = ".wirebrief-state.json"
MANIFEST_VERSION = 2
GLOBAL = "global"


@dataclass(frozen=True)
class Output:
    """One file of the site: where it goes, how to make it, the unit it belongs to."""

    path: str
    render: Callable[[], bytes]
    unit: str = GLOBAL


@dataclass
class Manifest:
    """What a published site holds: per unit, its files' content hashes; and the state of
    the data it was built from (changes.snapshot), for the next build to compare with."""

    salt: str = ""
    units: dict[str, dict[str, str]] = field(default_factory=dict)
    state: dict[str, Any] = field(default_factory=dict)

    def files(self) -> dict[str, str]:
        return {path: digest for files in self.units.values() for path, digest in files.items()}


@dataclass
class Stats:
    rendered: int = 0
    linked: int = 0

    @property
    def files(self) -> int:
        return self.rendered + self.linked


def load_manifest(site: Path, *, state: bool = True) -> Manifest:
    """The manifest of a published site (with the state it was built from, unless not
    needed); a missing, unreadable or older one reads as empty, which means a full build."""
    data = _read_json(site / MANIFEST)
    units = data.get("units")
    if data.get("version") != MANIFEST_VERSION or not isinstance(units, dict):
        return Manifest()
    snapshot = _read_json(site / STATE) if state else {}
    if state and snapshot.get("salt") != data.get("salt"):
        return Manifest()
    return Manifest(str(data.get("salt", "")), units, snapshot)


def _read_json(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def write_manifest(site: Path, manifest: Manifest) -> None:
    """The state first, then the manifest that names the same salt (two files, so that
    reading the spare tree's files does not read its state). Both are plain data in a
    fixed order (the state follows the store's order, units are sorted, and each unit
    lists its files in the order its pages are made), so equal sites have equal bytes."""
    state = {**manifest.state, "salt": manifest.salt}
    (site / STATE).write_text(json.dumps(state, separators=(",", ":")), encoding="utf-8")
    data = {"version": MANIFEST_VERSION, "salt": manifest.salt, "units": dict(sorted(manifest.units.items()))}
    (site / MANIFEST).write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")


def content_hash(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


_SAFE_PATH = re.compile(r"^(?:[A-Za-z0-9_][A-Za-z0-9_.-]*/)*(?:[A-Za-z0-9_][A-Za-z0-9_.-]*)?$")


def target_file(root: Path, page: str) -> str:
    """The file of ``page`` under ``root``, refusing anything that could land outside it.

    A string check, not a filesystem one (the build writes tens of thousands of files into
    a fresh folder, and only the path text can lead outside it): every segment must start
    with a letter, digit or underscore, so no '..', no absolute path, no empty segment.
    """
    if not _SAFE_PATH.match(page):
        raise ValueError(f"refusing to write outside the site: {page!r}")
    return f"{root}/{output_file(page)}"


@dataclass
class _Trees:
    """The three trees a build works with: the staging folder it fills, the files the
    staging folder already holds (the spare tree of the build before last), the live site."""

    staging: Path
    previous: Path
    spare: dict[str, str]
    live: dict[str, str]
    made_dirs: set[str] = field(default_factory=set)

    def place(self, path: str, digest: str) -> bool:
        """Make staging hold the file ``path`` with ``digest`` from a tree that has it;
        False when neither has it (it must be written)."""
        if self.spare.get(path) == digest:
            return True
        target = target_file(self.staging, path)
        _make_parents(path, self.staging, self.made_dirs)
        return self.live.get(path) == digest and _link(target_file(self.previous, path), target)


def publish_outputs(outputs: Iterable[Output], carried: dict[str, dict[str, str]],
                    staging: Path, previous: Path, live: Manifest, lost: set[str],
                    workers: int = 1, parallel_from: int = 64) -> tuple[Stats, dict[str, dict[str, str]]]:
    """Make ``staging`` hold ``outputs`` (rendered) and the ``carried`` files (units the
    plan did not render, taken from the live site ``previous`` described by ``live``),
    doing as little as possible.

    A carried unit with a file that neither tree holds any more (someone deleted it from
    the live site) is added to ``lost`` before ``outputs`` is read, so that a plan that
    yields what ``lost`` holds renders it again. Returns the counts and the new manifest's
    units. Files are never written in place (a spare file may share its inode with the
    live site): they are unlinked first.
    """
    trees = _Trees(staging, previous, _spare_files(staging), live.files())
    units: dict[str, dict[str, str]] = {}
    stats = Stats()
    for unit, files in carried.items():
        if all(trees.place(path, digest) for path, digest in files.items()):
            units[unit] = dict(files)
            stats.linked += len(files)
        else:
            lost.add(unit)
    pending = _claim(outputs, units)
    keep = {path for files in units.values() for path in files} | {p for _, p in pending}
    _remove_stale(staging, [p for p in trees.spare if p not in keep])
    for path in {p for _, p in pending}:
        _make_parents(path, staging, trees.made_dirs)
    results = render_all(pending, trees, workers if len(pending) >= parallel_from else 1)
    for (output, path), (digest, written) in zip(pending, results, strict=True):
        units.setdefault(output.unit, {})[path] = digest
        stats.rendered += written
        stats.linked += not written
    return stats, units


def _spare_files(staging: Path) -> dict[str, str]:
    files = load_manifest(staging, state=False).files()
    (staging / MANIFEST).unlink(missing_ok=True)
    (staging / STATE).unlink(missing_ok=True)
    return files


def _claim(outputs: Iterable[Output], units: dict[str, dict[str, str]]) -> list[tuple[Output, str]]:
    """The outputs to render, checked: one file per path, every path inside the site."""
    claimed = {path for files in units.values() for path in files}
    pending = []
    for output in outputs:
        if output.path in claimed:
            raise ValueError(f"two outputs want {output.path!r}")
        if not _SAFE_PATH.match(output.path):
            raise ValueError(f"refusing to write outside the site: {output.path!r}")
        claimed.add(output.path)
        pending.append((output, output.path))
    return pending


def _remove_stale(root: Path, pages: list[str]) -> None:
    """Delete the spare tree's files the new site does not have, and folders left empty."""
    for page in pages:
        target = Path(target_file(root, page))
        target.unlink(missing_ok=True)
        for folder in target.relative_to(root).parents:
            if folder == Path("."):
                break
            try:
                (root / folder).rmdir()
            except OSError:
                break


def _make_parents(page: str, root: Path, made: set[str]) -> None:
    """Create the folders of ``page`` under ``root``, each at most once per build."""
    folder = page.rpartition("/")[0]
    if not folder or folder in made:
        return
    _make_parents(folder, root, made)
    with contextlib.suppress(FileExistsError):
        os.mkdir(f"{root}/{folder}")
    made.add(folder)


def render_all(pending: list[tuple[Output, str]], trees: _Trees, workers: int) -> list[tuple[str, bool]]:
    """Render ``pending``: (content hash, whether it was written) for each, in order.

    The share of each forked worker is every n-th file; workers report their hashes
    through a file each, since the manifest is written by this process.
    """
    if workers <= 1:
        return _write(pending, trees)
    with tempfile.TemporaryDirectory(prefix=".wirebrief-render-", dir=trees.staging) as tmp:
        children = [_fork_worker(pending[n::workers], trees, Path(tmp) / str(n)) for n in range(1, workers)]
        results: list[list[tuple[str, bool]]] = [_write(pending[0::workers], trees)]
        failed = [pid for pid in children if os.waitpid(pid, 0)[1] != 0]
        if failed:
            raise RuntimeError(f"{len(failed)} render worker(s) failed; run with one worker to see why")
        results += [[(d, bool(w)) for d, w in json.loads((Path(tmp) / str(n)).read_text())]
                    for n in range(1, workers)]
    ordered: list[tuple[str, bool]] = [("", False)] * len(pending)
    for number, share in enumerate(results):
        ordered[number::workers] = share
    return ordered


def _fork_worker(share: list[tuple[Output, str]], trees: _Trees, report: Path) -> int:
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child reports through its exit status and file
        code = 0
        try:
            report.write_text(json.dumps(_write(share, trees)))
        except BaseException:
            code = 1
        os._exit(code)
    return pid


def _write(share: list[tuple[Output, str]], trees: _Trees) -> list[tuple[str, bool]]:
    results = []
    for output, path in share:
        data = output.render()
        digest = content_hash(data)
        if trees.place(path, digest):
            results.append((digest, False))
            continue
        target = target_file(trees.staging, path)
        with contextlib.suppress(FileNotFoundError):
            os.unlink(target)
        with open(target, "wb") as file:
            file.write(data)
        results.append((digest, True))
    return results


def _link(source: str, target: str) -> bool:
    """Hard-link an unchanged file; copy when links are not possible; False if it is gone."""
    try:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(target)
        os.link(source, target)
    except FileNotFoundError:
        return False
    except OSError:
        try:
            shutil.copy2(source, target)
        except OSError:
            return False
    return True


def page_output(renderer: Renderer, path: str, template: str, context: dict[str, Any],
                prepare: Callable[[dict[str, Any]], dict[str, Any]] | None = None,
                unit: str = GLOBAL) -> Output:
    """An HTML page of ``unit``; ``prepare`` derives what the template shows from ``context``
    only when the page is rendered (story cards, say, read facts that plain lists do not)."""
    def render() -> bytes:
        return renderer.page(path, template, prepare(context) if prepare else context)

    return Output(path, render, unit)
