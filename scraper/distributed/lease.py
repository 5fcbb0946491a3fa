"""A worker's lease: a Redis key that lives only while the worker does.

Every in-flight request names its worker; a worker renews its key from a thread (so a
long parse on the reactor does not let it lapse) and, while at it, re-queues the requests
of workers whose keys have expired. A SIGKILLed worker's requests are thus back in the
queue within one lease period, and nobody has to guess how long a fetch may take.
"""

from __future__ import annotations

import contextlib
import threading
from typing import Any

import redis

from scraper.distributed.keys import Keys
from scraper.distributed.queue import requeue_orphans


class WorkerLease:
    def __init__(self, server: Any, keys: Keys, worker: str, seconds: float) -> None:
        self.server = server
        self.keys = keys
        self.worker = worker
        self.seconds = seconds
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._renew_forever, daemon=True,
                                        name="wirebrief-lease")

    def start(self) -> None:
        self._renew()
        self.server.sadd(self.keys.workers, self.worker)
        self._thread.start()

    def stop(self) -> None:
        """Give the lease back: anything still in flight is re-queued at once."""
        self._stop.set()
        self._thread.join(timeout=self.seconds)
        self.server.delete(self.keys.lease(self.worker))
        self.server.srem(self.keys.workers, self.worker)
        requeue_orphans(self.server, self.keys)

    def _renew(self) -> None:
        self.server.set(self.keys.lease(self.worker), "1", px=int(self.seconds * 1000))

    def _renew_forever(self) -> None:
        while not self._stop.wait(self.seconds / 4):
            with contextlib.suppress(redis.RedisError):  # a blip: try again next period
                self._renew()
                requeue_orphans(self.server, self.keys)


def live_workers(server: Any, keys: Keys) -> list[str]:
    """Registered workers whose lease is current; the others are forgotten."""
    alive = []
    for raw in server.smembers(keys.workers):
        worker = raw.decode() if isinstance(raw, bytes) else str(raw)
        if server.exists(keys.lease(worker)):
            alive.append(worker)
        else:
            server.srem(keys.workers, worker)
    return alive


def work_pending(server: Any, keys: Keys) -> bool:
    """Requests queued or in flight anywhere in the cluster."""
    return bool(server.zcard(keys.queue) or server.hlen(keys.inflight))
