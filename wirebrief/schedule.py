"""`wirebrief schedule`: ticks on a cron expression, in the foreground, for hosts without cron.

Each tick runs in a child process (Scrapy's reactor starts once per process, and a
crashed tick must not take the scheduler with it). SIGTERM or SIGINT stops the loop
after the running tick finishes, so systemd and container runtimes can stop it cleanly.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import threading
from datetime import datetime
from pathlib import Path
from types import FrameType

from croniter import croniter

from wirebrief.logs import event


class Scheduler:
    def __init__(self, config_path: Path, expression: str, max_ticks: int | None = None) -> None:
        self.config_path = config_path
        self.expression = expression
        self.max_ticks = max_ticks
        self.stopping = threading.Event()
        self.child: subprocess.Popen[bytes] | None = None

    def stop(self, signum: int, frame: FrameType | None) -> None:
        event("schedule.stopping", signal=signal.Signals(signum).name)
        self.stopping.set()

    def run(self) -> int:
        signal.signal(signal.SIGTERM, self.stop)
        signal.signal(signal.SIGINT, self.stop)
        ticks = 0
        schedule = croniter(self.expression, datetime.now().astimezone())
        while not self.stopping.is_set():
            due = schedule.get_next(datetime)
            wait = (due - datetime.now().astimezone()).total_seconds()
            event("schedule.waiting", next=due.isoformat(timespec="seconds"))
            if self.stopping.wait(max(0.0, wait)):
                break
            self.tick()
            ticks += 1
            if self.max_ticks is not None and ticks >= self.max_ticks:
                break
        event("schedule.stopped", ticks=ticks)
        return 0

    def tick(self) -> None:
        command = [sys.executable, "-m", "wirebrief.cli", "run", "--config", str(self.config_path)]
        self.child = subprocess.Popen(command)
        code = self.child.wait()
        event("schedule.tick", exit=code)
        self.child = None
