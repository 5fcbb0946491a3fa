"""Atomic replacement of a folder: the next tree is made in a sibling folder and swapped in whole.

The site build (build/) and the publish step ([publish] folder) both replace their folder
this way, so that a failed or killed run leaves the previous tree as it was.

On Linux the swap is one ``renameat2(RENAME_EXCHANGE)`` call, so a reader or a web
server sees either the old site or the new one, never a mix or nothing. Elsewhere two
renames are used, with the old site kept until the new one is in place.

The old tree and the leftovers of a failed or killed build are renamed aside and
deleted by a detached ``rm -rf``: removing tens of thousands of files and folders takes
seconds, and the build does not wait for it. A deletion cut short leaves a
``.<name>-old-*`` folder that the next build removes.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

AT_FDCWD = -100
_DELETERS: list[subprocess.Popen[bytes]] = []
RENAME_EXCHANGE = 2


def _exchange(a: Path, b: Path) -> bool:
    libc_name = ctypes.util.find_library("c")
    if not libc_name:
        return False
    libc = ctypes.CDLL(libc_name, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    result = renameat2(AT_FDCWD, os.fsencode(a), AT_FDCWD, os.fsencode(b), RENAME_EXCHANGE)
    return bool(result == 0)


def swap_into_place(staging: Path, target: Path) -> None:
    """Make ``staging`` the new ``target``; the old target is removed afterwards."""
    if not target.exists():
        os.replace(staging, target)
        return
    if _exchange(staging, target):
        discard(staging, target)
        return
    old = target.with_name(f".{target.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    os.replace(target, old)
    os.replace(staging, target)
    discard(old, target)


def discard(tree: Path, target: Path) -> None:
    """Delete an old site tree (or a killed build's leftovers) in the background, in the
    foreground if that fails. Renaming it aside first is instant, so the build never waits."""
    trash = Path(tempfile.mkdtemp(prefix=f".{target.name}-old-", dir=target.parent))
    try:
        os.replace(tree, trash / "tree")
        _DELETERS[:] = [p for p in _DELETERS if p.poll() is None]
        _DELETERS.append(subprocess.Popen(
            ["rm", "-rf", "--", str(trash)], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL, start_new_session=True))
    except OSError:
        shutil.rmtree(tree, ignore_errors=True)
        shutil.rmtree(trash, ignore_errors=True)


@contextmanager
def staging_dir(target: Path) -> Iterator[Path]:
    """A fresh folder beside ``target`` to build the next site in, removed if the build
    fails. Never the live site, so whatever happens to it, the published site is untouched."""
    target.parent.mkdir(parents=True, exist_ok=True)
    for pattern in (f".{target.name}-staging-*", f".{target.name}-old-*", f".{target.name}-spare",
                    f".{target.name}-state"):
        for stale in sorted(target.parent.glob(pattern)):
            discard(stale, target)
    path = Path(tempfile.mkdtemp(prefix=f".{target.name}-staging-", dir=target.parent))
    try:
        yield path
    except BaseException:
        discard(path, target)
        raise
