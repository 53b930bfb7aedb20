"""A wall-clock deadline for one request: connect, headers and body together.

Socket timeouts bound each read, so a server that sends one byte every few seconds keeps a
request alive forever. Here a request runs inside a ``window``: the connections it uses
register their sockets with it, and one watchdog thread shuts those sockets down when the
window's time is up. The blocked read then returns at once, and the checker reports the
link as unreachable (``expired`` tells it why the read failed).
"""

from __future__ import annotations

import heapq
import itertools
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager


class Window:
    """The deadline of one request and the sockets it reads from."""

    def __init__(self, deadline: float) -> None:
        self.deadline = deadline
        self.expired = False
        self.closed = False
        self.sockets: list[socket.socket] = []

    def remaining(self) -> float:
        return max(0.0, self.deadline - time.monotonic())


class _Watchdog:
    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._heap: list[tuple[float, int, Window]] = []
        self._seq = itertools.count()
        self._thread: threading.Thread | None = None

    def open(self, seconds: float) -> Window:
        window = Window(time.monotonic() + seconds)
        with self._cond:
            heapq.heappush(self._heap, (window.deadline, next(self._seq), window))
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="link-deadline", daemon=True)
                self._thread.start()
            # Wake the watchdog only when this deadline comes first: every request opens a
            # window, nearly always ending after the one the watchdog already sleeps until,
            # and a wake-up per request is a thread switch per request.
            if self._heap[0][2] is window:
                self._cond.notify()
        return window

    def add(self, window: Window, sock: socket.socket) -> None:
        with self._cond:
            if window.closed or sock in window.sockets:
                return
            window.sockets.append(sock)
            if window.expired:
                _hang_up(sock)

    def close(self, window: Window) -> None:
        # Under the lock: once this returns, the watchdog never touches these sockets again
        # (the connection may go back to the pool for the next request).
        with self._cond:
            window.closed = True
            window.sockets.clear()

    def _run(self) -> None:
        with self._cond:
            while True:
                while not self._heap:
                    self._cond.wait()
                deadline, _, window = self._heap[0]
                wait = deadline - time.monotonic()
                if wait > 0:
                    self._cond.wait(wait)
                    continue
                heapq.heappop(self._heap)
                if window.closed:
                    continue
                window.expired = True
                for sock in window.sockets:
                    _hang_up(sock)


def _hang_up(sock: socket.socket) -> None:
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:  # already closed or never connected: nothing is blocked on it
        pass


_WATCHDOG = _Watchdog()
_current = threading.local()


@contextmanager
def window(seconds: float) -> Iterator[Window]:
    """Run one request (and the reading of its body) within ``seconds`` of wall time."""
    w = _WATCHDOG.open(seconds)
    previous = getattr(_current, "window", None)
    _current.window = w
    try:
        yield w
    finally:
        _current.window = previous
        _WATCHDOG.close(w)


def current() -> Window | None:
    return getattr(_current, "window", None)


def watch(sock: socket.socket | None) -> None:
    """Put ``sock`` under the current request's deadline (no-op outside a window)."""
    w = current()
    if w is not None and sock is not None:
        _WATCHDOG.add(w, sock)
