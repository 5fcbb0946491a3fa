"""Telling someone when a tick fails (or a watch has new stories): a command, or a
webhook whose URL is a secret.

The webhook URL is read from the environment variable the config names, never from a
committed file. The same hooks carry every kind of event, so a user configures one.
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
import urllib.request
from typing import Any

from wirebrief.config import Config
from wirebrief.logs import event


def notify_failure(config: Config, summary: dict[str, Any]) -> None:
    """Run the configured hooks; a hook that fails is logged, never raised."""
    run_hooks(config, {"event": "failure", **summary}, "WIREBRIEF_FAILURE")


def run_hooks(config: Config, message: dict[str, Any], env_name: str) -> None:
    """Hand ``message`` (as JSON) to the notify command, on its stdin and in ``$env_name``,
    and POST it to the webhook; a hook that fails is logged, never raised."""
    payload = json.dumps(message, sort_keys=True, default=str)
    if config.run.notify_command:
        _run_command(config.run.notify_command, payload, env_name)
    if config.run.notify_webhook_env:
        url = os.environ.get(config.run.notify_webhook_env)
        if not url:
            event("notify.skipped", logging.WARNING, reason=f"${config.run.notify_webhook_env} is not set")
        else:
            _post(url, payload)


def _run_command(command: str, payload: str, env_name: str) -> None:
    try:
        subprocess.run(command, shell=True, input=payload, text=True, timeout=60, check=True,
                       env={**os.environ, env_name: payload})
        event("notify.command", command=command)
    except (OSError, subprocess.SubprocessError) as exc:
        event("notify.failed", logging.ERROR, hook="command", error=str(exc))


def _post(url: str, payload: str) -> None:
    if not url.startswith(("http://", "https://")):
        event("notify.failed", logging.ERROR, hook="webhook", error="URL must be http(s)")
        return
    request = urllib.request.Request(url, data=payload.encode(), method="POST",
                                     headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=30):  # noqa: S310 - http(s) checked above
            event("notify.webhook")
    except OSError as exc:
        event("notify.failed", logging.ERROR, hook="webhook", error=str(exc))
