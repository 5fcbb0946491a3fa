"""Publishing a planned site into a staging folder, doing as little as possible.

Every file belongs to a unit (an article, an entity, a day...; see changes.py). The
state file of the live site (state.py) records each file's unit and content hash. A
build renders only the units its plan names; every other file is taken as it is. The
staging folder starts as the spare tree (the site before the live one): only the files
that differ between the spare tree and the live site are hard-linked from the live site
(same inode, no rendering, no copy), so the work follows the size of the last two
changes, not of the site. A rendered file whose bytes equal the live one is linked too,
so a file's inode changes only when its content does. The staging folder is always a
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
from wirebrief.site.state import NewState, SiteState

GLOBAL = "global"


@dataclass(frozen=True)
class Output:
    """One file of the site: where it goes, how to make it, the unit it belongs to."""

    path: str
    render: Callable[[], bytes]
    unit: str = GLOBAL


@dataclass
class Stats:
    rendered: int = 0
    linked: int = 0
    units_rendered: int = 0
    units_reused: int = 0


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
    """The trees a build works with: the staging folder it fills (holding the spare
    tree's files, whose hashes ``spare`` gives for the paths being rendered) and the live
    site ``previous`` (``live``: its hashes of those paths)."""

    staging: Path
    previous: Path
    spare: dict[str, str] = field(default_factory=dict)
    live: dict[str, str] = field(default_factory=dict)
    made_dirs: set[str] = field(default_factory=set)

    def place(self, path: str, digest: str) -> bool:
        """Make staging hold the file ``path`` with ``digest`` from a tree that has it;
        False when neither has it (it must be written)."""
        if self.spare.get(path) == digest:
            return True
        return self.live.get(path) == digest and self.link(path)

    def link(self, path: str) -> bool:
        _make_parents(path, self.staging, self.made_dirs)
        return _link(target_file(self.previous, path), target_file(self.staging, path))


def publish_outputs(outputs: Iterable[Output], dirty: set[str], trees: _Trees, new: NewState,
                    spare: SiteState | None, workers: int = 1, parallel_from: int = 64) -> Stats:
    """Make ``trees.staging`` hold ``outputs`` (rendered) and every file of the live site
    whose unit is not in ``dirty``, and record the new site's files in ``new``.

    A carried unit with a file that the live site no longer holds (someone deleted it)
    is added to ``dirty`` before ``outputs`` is read, so that a plan that yields what
    ``dirty`` holds renders it again. Files are never written in place (a spare file may
    share its inode with the live site): they are unlinked first.
    """
    new.drop_units(dirty)
    if spare is not None:
        new.attach_spare(spare)
    lost: set[str] = set()
    for path, unit, _ in list(new.differing_from_spare() if spare is not None else new.carried()):
        if unit not in lost and not trees.link(path):
            lost.add(unit)
    dirty |= lost
    new.drop_units(lost)
    pending = _claim(outputs, new)
    paths = [path for _, path in pending]
    trees.spare = new.hashes(paths, "spare") if spare is not None else {}
    trees.live = new.hashes(paths)
    if spare is not None:
        _remove_stale(trees.staging, new.stale_in_spare())
    for path in paths:
        _make_parents(path, trees.staging, trees.made_dirs)
    results = render_all(pending, trees, workers if len(pending) >= parallel_from else 1)
    new.save_files((path, output.unit, digest)
                   for (output, path), (digest, _) in zip(pending, results, strict=True))
    written = sum(w for _, w in results)
    files, units = new.counts()
    rendered_units = len({output.unit for output, _ in pending})
    return Stats(written, files - written, rendered_units, units - rendered_units)


def _claim(outputs: Iterable[Output], new: NewState) -> list[tuple[Output, str]]:
    """The outputs to render, checked: one file per path, every path inside the site."""
    claimed: set[str] = set()
    pending = []
    for output in outputs:
        if output.path in claimed:
            raise ValueError(f"two outputs want {output.path!r}")
        if not _SAFE_PATH.match(output.path):
            raise ValueError(f"refusing to write outside the site: {output.path!r}")
        claimed.add(output.path)
        pending.append((output, output.path))
    new.claim(claimed)
    taken = new.claimed_and_carried()
    if taken:
        raise ValueError(f"two outputs want {taken[0]!r}")
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

    Each forked worker takes whole groups of files (shares): workers report their hashes
    through a file each, since the state is written by this process.
    """
    if workers <= 1:
        return _write(pending, trees)
    shares = _shares(pending, workers)
    with tempfile.TemporaryDirectory(prefix=".wirebrief-render-", dir=trees.staging) as tmp:
        children = [_fork_worker([pending[i] for i in shares[n]], trees, Path(tmp) / str(n))
                    for n in range(1, workers)]
        results: list[list[tuple[str, bool]]] = [_write([pending[i] for i in shares[0]], trees)]
        failed = [pid for pid in children if os.waitpid(pid, 0)[1] != 0]
        if failed:
            raise RuntimeError(f"{len(failed)} render worker(s) failed; run with one worker to see why")
        results += [[(d, bool(w)) for d, w in json.loads((Path(tmp) / str(n)).read_text())]
                    for n in range(1, workers)]
    ordered: list[tuple[str, bool]] = [("", False)] * len(pending)
    for share, share_results in zip(shares, results, strict=True):
        for index, result in zip(share, share_results, strict=True):
            ordered[index] = result
    return ordered


FEED_FILES = ("feed.xml", "atom.xml", "feed.json")


def _shares(pending: list[tuple[Output, str]], workers: int) -> list[list[int]]:
    """Indexes of ``pending`` for each worker. The files of one unit (an entity's page and
    feeds read the same stories) and the three feeds of one folder (they share their
    items) go to the same worker, which reads what they share once; each group goes to
    the worker with the fewest files so far."""
    groups: dict[str, list[int]] = {}
    for index, (output, path) in enumerate(pending):
        folder, _, name = path.rpartition("/")
        key = output.unit if output.unit != GLOBAL else (f"feeds:{folder}" if name in FEED_FILES else path)
        groups.setdefault(key, []).append(index)
    shares: list[list[int]] = [[] for _ in range(workers)]
    for group in groups.values():
        min(shares, key=len).extend(group)
    return shares


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
