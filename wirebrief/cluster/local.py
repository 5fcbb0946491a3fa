"""A cluster on one machine, for the tests and the benchmark: a private redis-server and a
demo wire site of a few hundred distinct pages that logs when each request arrived.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import tempfile
import threading
import time
from pathlib import Path

from wirebrief.demo.server import DemoSite, Response
from wirebrief.demo.stories import many_stories


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class RedisServer:
    """redis-server on a free loopback port with its own folder, no persistence; stopped
    (by its pid) and its folder removed when the block ends."""

    def __init__(self) -> None:
        self.port = free_port()
        self.folder = Path(tempfile.mkdtemp(prefix="wirebrief-redis-"))
        self.process: subprocess.Popen[bytes] | None = None

    def url(self, db: int = 0) -> str:
        return f"redis://127.0.0.1:{self.port}/{db}"

    def __enter__(self) -> RedisServer:
        binary = shutil.which("redis-server")
        if binary is None:
            raise RuntimeError("redis-server is not installed (make system-deps installs it)")
        self.process = subprocess.Popen(
            [binary, "--port", str(self.port), "--bind", "127.0.0.1", "--dir", str(self.folder),
             "--save", "", "--appendonly", "no", "--databases", "32"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.2) as sock:
                    sock.sendall(b"PING\r\n")
                    if sock.recv(16).startswith(b"+PONG"):
                        return self
            except OSError:
                time.sleep(0.05)
        self.__exit__()
        raise RuntimeError(f"redis-server did not start on port {self.port}")

    def __exit__(self, *exc: object) -> None:
        if self.process is not None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        shutil.rmtree(self.folder, ignore_errors=True)


class TimedSite(DemoSite):
    """The demo site over many stories; each request is logged with its arrival time and
    may cost the server ``latency`` seconds to answer."""

    def __init__(self, count: int, latency: float = 0.0) -> None:
        super().__init__(many_stories(count))
        self.latency = latency
        self.arrivals: list[tuple[float, str]] = []
        self._lock = threading.Lock()

    def route(self, path: str) -> Response:
        with self._lock:
            self.arrivals.append((time.monotonic(), path))
        if self.latency:
            time.sleep(self.latency)
        return super().route(path)

    def article_times(self) -> list[float]:
        with self._lock:
            return [when for when, path in self.arrivals if path.startswith("/news/")]
