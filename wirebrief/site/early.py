"""Site-wide pages rendered by a forked process while the build plans.

Every build renders the site-wide pages (the briefing, the site's feeds, the index
pages, the timeline): they show the newest stories or every entity, so any change
reaches them, and none of them depends on the plan. They are a good part of what an
incremental build renders, while planning and placing the carried files run in one
process and leave the other cores idle. So once the corpus is loaded, a forked process
renders them, and the build takes their bytes when it reaches them (``render``).

The bytes come back through a pipe, not a file: a build killed while the process runs
leaves nothing behind (the process dies writing to a pipe nobody reads). A page the
process did not render (it failed, or was never started) is rendered where the build
asks for it, from the same corpus, so the site is the same bytes either way, and an
error in a page is raised by the build itself.
"""

from __future__ import annotations

import contextlib
import dataclasses
import fcntl
import os
import pickle
import select
import signal
from collections.abc import Callable, Iterable, Iterator

from wirebrief.site.incremental import GLOBAL, Output

PIPE_SIZE = 1 << 20


@dataclasses.dataclass
class EarlyPages:
    """The bytes of site-wide outputs rendered ahead by process ``pid`` (None: none is)."""

    pid: int | None = None
    pipe: int | None = None
    pages: dict[str, bytes] | None = None
    parent: int = dataclasses.field(default_factory=os.getpid)

    @classmethod
    def start(cls, outputs: Callable[[], Iterable[Output]]) -> EarlyPages:
        """Fork a process rendering the site-wide ones of ``outputs()`` (unit GLOBAL)."""
        if not hasattr(os, "fork"):
            return cls()
        read_end, write_end = os.pipe()
        with contextlib.suppress(AttributeError, OSError):  # Linux: fewer, larger reads
            fcntl.fcntl(write_end, fcntl.F_SETPIPE_SZ, PIPE_SIZE)
        pid = os.fork()
        if pid == 0:  # pragma: no cover - runs in the child, which reports through the pipe
            os.close(read_end)
            _render_into(write_end, outputs)
        os.close(write_end)
        return cls(pid, read_end)

    def serve(self, outputs: Iterable[Output]) -> Iterator[Output]:
        """``outputs``, the site-wide ones made to take the bytes rendered ahead. They are
        deferred: the build's own process places them as soon as they are ready, between
        the files it renders, or once nothing else is left, so that it waits for the
        forked one (if at all) only then."""
        for output in outputs:
            if output.unit == GLOBAL and self.pid is not None:
                output = dataclasses.replace(output, render=_Served(self, output.path, output.render),
                                             ready=self.ready)
            yield output

    def ready(self) -> bool:
        """Whether collect would find the pages rendered already: the process sends them
        only once it has rendered them all (or it is gone)."""
        if self.pages is not None or self.pipe is None:
            return True
        readable, _, _ = select.select([self.pipe], [], [], 0)
        return bool(readable)

    def collect(self) -> None:
        """Wait for the process and keep what it rendered (nothing, if it failed). Only
        the process that forked it can: render workers never see deferred outputs."""
        if self.pages is not None:
            return
        if self.pipe is not None and os.getpid() != self.parent:
            raise RuntimeError("only the build's own process can collect the pages rendered ahead")
        self.pages = {}
        if self.pipe is None:
            return
        with os.fdopen(self.pipe, "rb") as pipe:
            self.pipe = None
            data = pipe.read()
        self._reap(os.WNOHANG)  # it is exiting: close() reaps it later if it has not yet
        with contextlib.suppress(Exception):
            found = pickle.loads(data)
            if isinstance(found, dict):
                self.pages = found

    def close(self) -> None:
        """Stop the process if it still runs (the build failed before collecting)."""
        if self.pipe is not None:
            os.close(self.pipe)
            self.pipe = None
        if self.pid is not None and self.pages is None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGKILL)
        self._reap()

    def _reap(self, options: int = 0) -> None:
        if self.pid is not None:
            try:
                done, _ = os.waitpid(self.pid, options)
            except ChildProcessError:
                done = self.pid
            if done:
                self.pid = None


@dataclasses.dataclass(frozen=True)
class _Served:
    """The render of an output rendered ahead: its bytes, or its own render without them."""

    early: EarlyPages
    path: str
    fallback: Callable[[], bytes]

    def __call__(self) -> bytes:
        self.early.collect()
        pages = self.early.pages or {}
        found = pages.get(self.path)
        return found if found is not None else self.fallback()


def _render_into(pipe: int, outputs: Callable[[], Iterable[Output]]) -> None:  # pragma: no cover
    """In the forked process: render, send the bytes, exit without running the parent's
    clean-ups (its atexit handlers and open files are the parent's)."""
    code = 0
    try:
        pages = {output.path: output.render() for output in outputs() if output.unit == GLOBAL}
        with os.fdopen(pipe, "wb") as sink:
            sink.write(pickle.dumps(pages, protocol=pickle.HIGHEST_PROTOCOL))
    except BaseException:
        code = 1
    os._exit(code)
