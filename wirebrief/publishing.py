"""Publishing the built site beyond build/: to a folder, or through a command.

It runs only after a successful build, and a folder is replaced the same atomic way
as build/ itself.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
from pathlib import Path

from wirebrief.config import Config
from wirebrief.site.publish import staging_dir, swap_into_place


class PublishError(RuntimeError):
    """The publish step failed; the built site in the output folder is still good."""


def publish(config: Config) -> list[str]:
    """Run each configured publish step; returns what was done, for the run summary."""
    done = []
    folder = config.publish_folder
    if folder:
        with staging_dir(folder) as staging:
            shutil.copytree(config.output_path, staging, dirs_exist_ok=True)
            swap_into_place(staging, folder)
        done.append(f"copied to {folder}")
    if config.publish.command:
        _run(config.publish.command, config.output_path)
        done.append(f"ran {shlex.split(config.publish.command)[0]}")
    return done


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
