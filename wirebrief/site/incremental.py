"""Incremental publishing: render only the files whose inputs changed, hard-link the rest.

Every output file is planned with a key: the data its template receives (articles and
stories stand in by their digest). The manifest inside the published site maps each file
to the hash of its key, the build's salt (templates, code, site config) included. A file
whose hash matches the previous site's is hard-linked from it into the staging folder
(same inode, no rendering, no copy); anything else is rendered. The staging folder is
always a complete site, and it is swapped in whole, so incremental never means partial.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import shutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from wirebrief.site.paths import output_file
from wirebrief.site.render import Renderer, key_json

MANIFEST = ".wirebrief-manifest.json"


@dataclass(frozen=True)
class Output:
    """One file of the site: where it goes, what it depends on, how to make it."""

    path: str
    key: Any
    render: Callable[[], bytes]


@dataclass
class Stats:
    rendered: int = 0
    linked: int = 0
    manifest: dict[str, str] = field(default_factory=dict)

    @property
    def files(self) -> int:
        return self.rendered + self.linked


def load_manifest(site: Path) -> dict[str, str]:
    """The previous site's manifest; an unreadable one just means a full build."""
    try:
        data = json.loads((site / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    files = data.get("files") if isinstance(data, dict) else None
    return {str(k): str(v) for k, v in files.items()} if isinstance(files, dict) else {}


def digest(salt: str, output: Output) -> str:
    text = salt + "\x00" + output.path + "\x00" + key_json(output.key)
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


_SAFE_PATH = re.compile(r"^(?:[A-Za-z0-9_][A-Za-z0-9_.-]*/)*(?:[A-Za-z0-9_][A-Za-z0-9_.-]*)?$")


def target_file(root: Path, page: str) -> Path:
    """The file of ``page`` under ``root``, refusing anything that could land outside it.

    A string check, not a filesystem one (the build writes tens of thousands of files into
    a fresh folder, and only the path text can lead outside it): every segment must start
    with a letter, digit or underscore, so no '..', no absolute path, no empty segment.
    """
    if not _SAFE_PATH.match(page):
        raise ValueError(f"refusing to write outside the site: {page!r}")
    return Path(f"{root}/{output_file(page)}")


def publish_outputs(outputs: Iterable[Output], staging: Path, previous: Path, salt: str,
                    workers: int = 1, parallel_from: int = 400) -> Stats:
    """Make ``staging`` hold exactly ``outputs``, doing as little as possible.

    ``staging`` is empty or the spare tree of the build before last (see publish.py),
    still described by its manifest: a file it already holds with the right hash is kept
    as is; one the live site (``previous``) holds is hard-linked from it; the rest are
    rendered, shared between ``workers`` forked processes when there are at least
    ``parallel_from`` of them. Files are never written in place (a spare file may share
    its inode with the live site): they are unlinked first.
    """
    old = load_manifest(previous) if previous.is_dir() else {}
    spare = load_manifest(staging)
    (staging / MANIFEST).unlink(missing_ok=True)
    stats = Stats()
    made_dirs: set[str] = set()
    pending: list[tuple[Output, Path]] = []
    for output in outputs:
        if output.path in stats.manifest:
            raise ValueError(f"two outputs want {output.path!r}")
        hashed = digest(salt, output)
        stats.manifest[output.path] = hashed
        if not _SAFE_PATH.match(output.path):
            raise ValueError(f"refusing to write outside the site: {output.path!r}")
        if spare.get(output.path) == hashed:
            stats.linked += 1
            continue
        target = target_file(staging, output.path)
        _make_parents(output.path, staging, made_dirs)
        if old.get(output.path) == hashed and _link(target_file(previous, output.path), target):
            stats.linked += 1
        else:
            pending.append((output, target))
    _remove_stale(staging, [p for p in spare if p not in stats.manifest])
    render_all(pending, workers if len(pending) >= parallel_from else 1)
    stats.rendered = len(pending)
    manifest = {"version": 1, "files": dict(sorted(stats.manifest.items()))}
    (staging / MANIFEST).write_text(json.dumps(manifest, indent=0, sort_keys=True), encoding="utf-8")
    return stats


def _remove_stale(root: Path, pages: list[str]) -> None:
    """Delete the spare tree's files the new site does not have, and folders left empty."""
    for page in pages:
        target = target_file(root, page)
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


def render_all(pending: list[tuple[Output, Path]], workers: int) -> None:
    """Render and write ``pending``; the share of each forked worker is every n-th file."""
    children = []
    for number in range(1, workers):
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child reports through its exit status
            code = 0
            try:
                _write(pending[number::workers])
            except BaseException:
                code = 1
            os._exit(code)
        children.append(pid)
    try:
        _write(pending[0::workers])
    finally:
        failed = [pid for pid in children if os.waitpid(pid, 0)[1] != 0]
    if failed:
        raise RuntimeError(f"{len(failed)} render worker(s) failed; run with one worker to see why")


def _write(share: list[tuple[Output, Path]]) -> None:
    for output, target in share:
        data = output.render()
        target.unlink(missing_ok=True)
        target.write_bytes(data)


def _link(source: Path, target: Path) -> bool:
    """Hard-link an unchanged file; copy when links are not possible; False if it is gone."""
    try:
        target.unlink(missing_ok=True)
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
                key: Any = None) -> Output:
    """An HTML page keyed on ``context``; ``prepare`` derives what the template shows from it.

    Deriving (story cards, say) only at render time keeps keys small: a page of a
    thousand stories is keyed on a thousand digests, not on their rendered facts. ``key``
    replaces the context as the key when a cheaper equivalent is at hand.
    """
    def render() -> bytes:
        return renderer.page(path, template, prepare(context) if prepare else context)

    return Output(path, {"template": template, **(context if key is None else key)}, render)
