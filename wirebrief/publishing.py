"""Publishing the built site beyond build/: to a folder, or through a command.

It runs only after a successful build, and a folder is replaced the same atomic way
as build/ itself. A folder gets a new tree in which only the files whose hash changed
since its last publication are copied; the others are hard-linked from the tree it
holds (both trees' manifests say which), so a large site with a few new pages costs a
few copies, not a copy of the whole site.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
from pathlib import Path

from wirebrief.config import Config
from wirebrief.site.writer import MANIFEST, read_manifest, target_file
from wirebrief.swap import staging_dir, swap_into_place


class PublishError(RuntimeError):
    """The publish step failed; the built site in the output folder is still good."""


def publish(config: Config) -> list[str]:
    """Run each configured publish step; returns what was done, for the run summary."""
    done = []
    folder = config.publish_folder
    if folder:
        with staging_dir(folder) as staging:
            copied, linked = publish_tree(config.output_path, folder, staging)
            swap_into_place(staging, folder)
        done.append(f"published to {folder}: {copied} files copied, {linked} unchanged")
    if config.publish.command:
        _run(config.publish.command, config.output_path)
        done.append(f"ran {shlex.split(config.publish.command)[0]}")
    return done


def publish_tree(built: Path, folder: Path, staging: Path) -> tuple[int, int]:
    """Fill ``staging`` with the site in ``built``: each file whose hash the published
    ``folder`` already has is linked from there, the others copied. A site without a
    manifest (none was ever built here) is copied whole."""
    new = read_manifest(built)
    if not new:
        shutil.copytree(built, staging, dirs_exist_ok=True)
        return sum(1 for p in staging.rglob("*") if p.is_file()), 0
    old = read_manifest(folder) if folder.is_dir() else {}
    copied = 0
    for path, (_, digest) in new.items():
        target = target_file(staging, path)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        if old.get(path, ("", ""))[1] == digest and _linked(target_file(folder, path), target):
            continue
        shutil.copy2(target_file(built, path), target)
        copied += 1
    shutil.copy2(built / MANIFEST, staging / MANIFEST)
    return copied, len(new) - copied


def _linked(source: str, target: str) -> bool:
    try:
        os.link(source, target)
    except OSError:  # gone, or the folder is on another file system
        return False
    return True


def _run(command: str, output: Path) -> None:
    env = {**os.environ, "WIREBRIEF_OUTPUT": str(output)}
    try:
        subprocess.run(command, shell=True, check=True, timeout=1800, cwd=output, env=env,
                       capture_output=True, text=True)
    except subprocess.CalledProcessError as exc:
        tail = (exc.stderr or exc.stdout or "").strip().splitlines()[-1:] or [""]
        raise PublishError(f"publish command exited {exc.returncode}: {tail[0]}") from None
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise PublishError(f"publish command failed: {exc}") from None
