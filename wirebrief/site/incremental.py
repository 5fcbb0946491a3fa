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
import multiprocessing
import os
import re
import shutil
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from wirebrief.site.paths import output_file
from wirebrief.site.render import Renderer
from wirebrief.site.state import NewState, SiteState

GLOBAL = "global"


@dataclass(frozen=True)
class Output:
    """One file of the site: where it goes, how to make it, the unit it belongs to, and
    what of its rendering the state should remember (``note``, asked once it is rendered:
    an article page's related stories, say; JSON-safe). Outputs that compute the same
    thing when rendered name it in ``shares``, so that one process computes it once."""

    path: str
    render: Callable[[], bytes]
    unit: str = GLOBAL
    note: Callable[[], Any] | None = None
    shares: str | None = None  # outputs naming the same ``shares`` are rendered by one process
    # Long to render (it reads a long list: a month of stories, every event): its group is
    # started before the others, so that none is left to the end for one process while
    # the others have nothing to do.
    heavy: bool = False
    # Set on an output whose bytes another process is making (early.py): only the build's
    # own process can wait for them, and it places the output between the groups it
    # renders once this says they are there, or when nothing else is left.
    ready: Callable[[], bool] | None = None

    @property
    def deferred(self) -> bool:
        return self.ready is not None


class Rendered(NamedTuple):
    digest: str
    written: bool
    note: Any = None


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
class Trees:
    """The trees a build works with: the staging folder it fills (holding the spare
    tree's files, whose hashes ``spare`` gives for the paths being rendered) and the live
    site ``previous`` (``live``: its hashes of those paths).

    File system calls are the dearest part of placing files, so none is made in vain:
    a file is unlinked before it is replaced only when staging may hold one there, and
    folders are made only for paths staging does not hold."""

    staging: Path
    previous: Path
    spare: dict[str, str] = field(default_factory=dict)
    live: dict[str, str] = field(default_factory=dict)
    made_dirs: set[str] = field(default_factory=set)
    linked: set[str] = field(default_factory=set)

    def place(self, path: str, digest: str) -> bool:
        """Make staging hold the file ``path`` with ``digest`` from a tree that has it;
        False when neither has it (it must be written)."""
        if self.spare.get(path) == digest:
            return True
        return self.live.get(path) == digest and self.link(path, self.occupied(path))

    def occupied(self, path: str) -> bool:
        """Whether staging may hold a file at ``path`` (one of the paths being rendered)."""
        return path in self.spare or path in self.linked

    def link(self, path: str, occupied: bool) -> bool:
        """Hard-link the live file into staging (``occupied``: staging may hold one there)."""
        if not occupied:
            _make_parents(path, self.staging, self.made_dirs)
        self.linked.add(path)
        return _link(target_file(self.previous, path), target_file(self.staging, path), occupied)


def publish_outputs(outputs: Iterable[Output], dirty: set[str], trees: Trees, new: NewState,
                    spare: SiteState | None, notes: dict[str, Any], workers: int = 1,
                    parallel_from: int = 64) -> Stats:
    """Make ``trees.staging`` hold ``outputs`` (rendered) and every file of the live site
    whose unit is not in ``dirty``, and record the new site's files in ``new`` (and in
    ``notes``, by unit, the notes of the outputs rendered).

    A carried unit with a file that the live site no longer holds (someone deleted it)
    is added to ``dirty`` before ``outputs`` is read, so that a plan that yields what
    ``dirty`` holds renders it again. The carried files themselves are linked by a render
    worker while the others render (render_all): a few hundred links are a tenth of a
    build on a busy disk.
    """
    new.drop_units(dirty)
    if spare is not None:
        new.attach_spare(spare)
    if spare is not None:
        carried = list(new.differing_from_spare())
    else:  # staging is empty: every carried file is linked into it
        carried = [(path, unit, False) for path, unit, _ in new.carried()]
    lost = {unit for path, unit, _ in carried if not os.path.exists(target_file(trees.previous, path))}
    dirty |= lost
    new.drop_units(lost)
    pending = _claim(outputs, new)
    paths = [path for _, path in pending]
    trees.spare = new.hashes(paths, "spare") if spare is not None else {}
    trees.live = new.hashes(paths)
    if spare is not None:
        _remove_stale(trees.staging, new.stale_in_spare())
    links = [(path, bool(occupied)) for path, unit, occupied in carried if unit not in lost]
    results = render_all(pending, trees, workers if len(pending) + len(links) >= parallel_from else 1, links)
    new.save_files((path, output.unit, result.digest)
                   for (output, path), result in zip(pending, results, strict=True))
    notes.update((output.unit, result.note) for (output, _), result in zip(pending, results, strict=True)
                 if result.note is not None)
    written = sum(result.written for result in results)
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


def render_all(pending: list[tuple[Output, str]], trees: Trees, workers: int,
               links: list[tuple[str, bool]] | None = None) -> list[Rendered]:
    """Render ``pending``: its content hash, whether it was written and its note, in order;
    and link ``links`` (carried paths, whether staging may hold a file there) from the
    live site.

    This process and ``workers - 1`` forked ones take groups of files (see _groups) one
    at a time from a shared counter until none is left, so a slow page or a busy core
    does not leave the others idle; the first worker makes the links while it renders.
    Workers report their hashes through a file each, since the state is written by this
    process.
    """
    if workers <= 1:
        with linking(links or [], trees):
            return _write(pending, trees)
    groups = _groups(pending)
    deferred = [index for index, (output, _) in enumerate(pending) if output.deferred]
    taken = multiprocessing.get_context("fork").Value("i", 0)
    with tempfile.TemporaryDirectory(prefix=".wirebrief-render-", dir=trees.staging) as tmp:
        reports = [Path(tmp) / str(n) for n in range(1, workers)]
        children = [_fork_worker(pending, groups, taken, trees, report, links if n == 0 else [])
                    for n, report in enumerate(reports)]
        results = _take_groups(pending, groups, taken, trees, deferred)
        failed = [report for pid, report in zip(children, reports, strict=True) if os.waitpid(pid, 0)[1] != 0]
        if failed:
            reasons = "; ".join(_read_failure(report) for report in failed)
            raise RuntimeError(f"a render worker failed: {reasons}")
        for report in reports:
            results.update({int(i): Rendered(d, bool(w), n) for i, d, w, n in json.loads(report.read_text())})
    return [results[index] for index in range(len(pending))]


def _groups(pending: list[tuple[Output, str]]) -> list[list[int]]:
    """Indexes of ``pending`` in groups rendered by one process: the files of one unit (an
    entity's page and feeds read the same stories) and the outputs that name the same
    ``shares`` (the three feeds of a folder share their items), so that what they share is
    read once; deferred outputs are left to this process. The site-wide pages come first,
    then the heavy outputs: they are the largest, and left to the end they would keep one
    process busy while the others wait."""
    groups: dict[str, list[int]] = {}
    for index, (output, path) in enumerate(pending):
        if not output.deferred:
            key = output.shares or (output.unit if output.unit != GLOBAL else path)
            groups.setdefault(key, []).append(index)
    return sorted(groups.values(), key=lambda group: (pending[group[0]][0].unit != GLOBAL,
                                                      not any(pending[i][0].heavy for i in group)))


def _take_groups(pending: list[tuple[Output, str]], groups: list[list[int]], taken: Any,
                 trees: Trees, waiting: list[int] | None = None) -> dict[int, Rendered]:
    """Render groups from the shared counter ``taken`` until none is left, and the
    ``waiting`` (deferred) outputs as soon as they are ready, or last."""
    done: dict[int, Rendered] = {}
    waiting = list(waiting or [])
    while True:
        if waiting and all(_ready(pending[i][0]) for i in waiting):
            done.update(zip(waiting, _write([pending[i] for i in waiting], trees), strict=True))
            waiting = []
        with taken.get_lock():
            number = taken.value
            taken.value += 1
        if number >= len(groups):
            done.update(zip(waiting, _write([pending[i] for i in waiting], trees), strict=True))
            return done
        indexes = groups[number]
        done.update(zip(indexes, _write([pending[i] for i in indexes], trees), strict=True))


def _ready(output: Output) -> bool:
    return output.ready is None or output.ready()


def link_all(links: list[tuple[str, bool]], trees: Trees) -> None:
    """Link the carried files; one the live site lost since the build checked it fails the
    build (the published site stays as it is, and the next build renders it again)."""
    for path, occupied in links:
        if not trees.link(path, occupied):
            raise RuntimeError(f"{path!r} left the live site during the build")


@contextlib.contextmanager
def linking(links: list[tuple[str, bool]], trees: Trees) -> Iterator[None]:
    """Link the carried files (link_all) in a thread while the caller renders, and raise
    its error, if any, at the end. Links wait on the disk, not on the processor: a few
    hundred of them took a tenth of a build, with the process doing nothing else. (The
    paths linked and those rendered are apart, and the folders both may make are made
    by mkdir calls that tolerate each other.)"""
    if not links:
        yield
        return
    errors: list[BaseException] = []

    def run() -> None:
        try:
            link_all(links, trees)
        except BaseException as error:  # raised in the caller's thread below
            errors.append(error)

    thread = threading.Thread(target=run, name="wirebrief-links", daemon=True)
    thread.start()
    try:
        yield
    finally:
        thread.join()
    if errors:
        raise errors[0]


def _fork_worker(pending: list[tuple[Output, str]], groups: list[list[int]], taken: Any,
                 trees: Trees, report: Path, links: list[tuple[str, bool]] | None) -> int:
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child reports through its exit status and file
        code = 0
        try:
            with linking(links or [], trees):
                done = _take_groups(pending, groups, taken, trees)
            report.write_text(json.dumps([[i, *result] for i, result in done.items()]))
        except BaseException as error:
            code = 1
            with contextlib.suppress(BaseException):
                report.write_text(f"{type(error).__name__}: {error}")
        os._exit(code)
    return pid


def _read_failure(report: Path) -> str:
    """What a failed worker said of its error (its traceback is not kept)."""
    try:
        return report.read_text(encoding="utf-8", errors="replace")[:2000] or "no reason given"
    except OSError:
        return "no reason given"


def _write(share: list[tuple[Output, str]], trees: Trees) -> list[Rendered]:
    results = []
    for output, path in share:
        data = output.render()
        digest = content_hash(data)
        note = output.note() if output.note is not None else None
        if trees.place(path, digest):
            results.append(Rendered(digest, False, note))
            continue
        occupied = trees.occupied(path)
        if not occupied:  # made by the process writing it, so that render workers share the work
            _make_parents(path, trees.staging, trees.made_dirs)
        _write_file(target_file(trees.staging, path), data, occupied)
        results.append(Rendered(digest, True, note))
    return results


def _write_file(target: str, data: bytes, occupied: bool) -> None:
    """Write ``data`` at ``target`` without ever writing through a file the live site shares.

    A file staging holds (``occupied``) is rewritten in place when no other tree links it
    (one link: a file the last build rewrote, whose old copy no tree uses any more), and
    replaced by a new file otherwise. Creating a file can cost far more than rewriting one
    (on this disk, up to a millisecond against a few microseconds while it is busy), and
    the pages a build renders are mostly those the last one rendered too."""
    if occupied and _rewrite_alone(target, data):
        return
    if occupied:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(target)
    with open(target, "wb") as file:
        file.write(data)


def _rewrite_alone(target: str, data: bytes) -> bool:
    """Rewrite the file at ``target`` in place if it is there and no other tree links it.
    Its blocks are overwritten and only then is its tail cut, which costs far less than
    emptying it first (that frees every block, then allocates them again)."""
    try:
        fd = os.open(target, os.O_WRONLY)
    except FileNotFoundError:
        return False
    with os.fdopen(fd, "wb") as file:
        if os.fstat(fd).st_nlink != 1:
            return False
        file.write(data)
        file.flush()
        os.ftruncate(fd, len(data))
    return True


def _link(source: str, target: str, occupied: bool = True) -> bool:
    """Hard-link an unchanged file; copy when links are not possible; False if it is gone."""
    try:
        if occupied:
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
                unit: str = GLOBAL, note: Callable[[], Any] | None = None,
                shares: str | None = None, heavy: bool = False) -> Output:
    """An HTML page of ``unit``; ``prepare`` derives what the template shows from ``context``
    only when the page is rendered (story cards, say, read facts that plain lists do not)."""
    def render() -> bytes:
        return renderer.page(path, template, prepare(context) if prepare else context)

    return Output(path, render, unit, note, shares, heavy)
