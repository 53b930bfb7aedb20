"""A one-line progress bar on stderr, drawn only when stderr is a terminal.

Twenty lines instead of a dependency: tqdm or rich would bring features (nested bars,
colour themes) this one line does not need, and an import on every checked run.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from typing import TextIO

from .result import LinkResult

WIDTH = 24


class ProgressBar:
    def __init__(self, total: int, stream: TextIO) -> None:
        self.total = total
        self.stream = stream
        self.done = 0
        self.bad = 0
        self._lock = threading.Lock()
        self._drawn = 0.0

    def __call__(self, result: LinkResult) -> None:
        with self._lock:  # called from the checker's worker threads
            self.done += 1
            if result.outcome.value in ("dead", "invalid", "unreachable"):
                self.bad += 1
            now = time.monotonic()
            if now - self._drawn >= 0.1 or self.done == self.total:
                self._drawn = now
                self._draw()

    def _draw(self) -> None:
        filled = WIDTH * self.done // max(self.total, 1)
        bar = "#" * filled + "." * (WIDTH - filled)
        self.stream.write(
            f"\rchecking links [{bar}] {self.done}/{self.total}, {self.bad} failing\x1b[K"
        )
        self.stream.flush()

    def close(self) -> None:
        with self._lock:
            self.stream.write("\r\x1b[K")
            self.stream.flush()


def progress_bar(total: int, stream: TextIO | None = None) -> ProgressBar | None:
    """A bar when the stream is a terminal that understands it, else None: silent."""
    stream = stream or sys.stderr
    try:
        tty = stream.isatty()
    except (AttributeError, ValueError):
        tty = False
    if not tty or total == 0 or os.environ.get("TERM") == "dumb":
        return None
    return ProgressBar(total, stream)
