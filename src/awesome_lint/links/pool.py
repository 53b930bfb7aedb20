"""A work queue that never has more than N jobs in flight per host, M in all.

Threads of a plain executor would block on a per-host semaphore while other hosts have work
waiting; here a worker only ever takes a job whose host has a free slot. Jobs that must
wait (a retry after backoff, a Retry-After) sit in a timed heap and hold no worker and no
slot while they wait.
"""

from __future__ import annotations

import heapq
import itertools
import threading
import time
from collections import deque
from collections.abc import Callable, Hashable, Iterable
from typing import Any, Generic, TypeVar

J = TypeVar("J")
Step = tuple[Hashable, float, Any] | None


class _Host:
    __slots__ = ("ready", "inflight", "queued")

    def __init__(self) -> None:
        self.ready: deque = deque()
        self.inflight = 0
        self.queued = False  # in the runnable deque


class HostPool(Generic[J]):
    def __init__(self, host_limit: int, workers: int) -> None:
        self.host_limit = host_limit
        self.workers = max(1, workers)
        self._hosts: dict[Hashable, _Host] = {}
        self._runnable: deque = deque()  # hosts with ready jobs and a free slot
        self._timed: list = []  # (due, seq, host, job)
        self._seq = itertools.count()
        self._pending = 0  # jobs not finished yet (ready, timed or running)
        self._cond = threading.Condition()
        self._error: BaseException | None = None

    def _host(self, key: Hashable) -> _Host:
        h = self._hosts.get(key)
        if h is None:
            h = self._hosts[key] = _Host()
        return h

    def _make_runnable(self, key: Hashable, h: _Host) -> None:
        if not h.queued and h.ready and h.inflight < self.host_limit:
            h.queued = True
            self._runnable.append(key)

    def _put(self, key: Hashable, delay: float, job: J, first: bool = False) -> None:
        if delay > 0:
            heapq.heappush(self._timed, (time.monotonic() + delay, next(self._seq), key, job))
            return
        h = self._host(key)
        # Continuations (a redirect hop, a GET after HEAD) go first: they finish a link.
        if first:
            h.ready.appendleft(job)
        else:
            h.ready.append(job)
        self._make_runnable(key, h)

    def _take(self) -> tuple[Hashable, J] | None:
        """Next job whose host has a free slot; None when all work is done. Holds the lock."""
        while True:
            if self._error is not None or self._pending == 0:
                return None
            now = time.monotonic()
            while self._timed and self._timed[0][0] <= now:
                _due, _seq, key, job = heapq.heappop(self._timed)
                self._put(key, 0, job, first=True)
            if self._runnable:
                key = self._runnable.popleft()
                h = self._hosts[key]
                h.queued = False
                job = h.ready.popleft()
                h.inflight += 1
                self._make_runnable(key, h)
                return key, job
            timeout = self._timed[0][0] - now if self._timed else None
            self._cond.wait(timeout)

    def run(self, jobs: Iterable[tuple[Hashable, J]], work: Callable[[J], Step]) -> None:
        """Run every job (and what they lead to) to the end; re-raises a worker's crash.

        ``work(job)`` returns None when the job is finished, or ``(host, delay, next_job)``
        to go on later, possibly with another host (a redirect), possibly at once.
        """
        with self._cond:
            for key, job in jobs:
                self._pending += 1
                self._put(key, 0, job)
            if self._pending == 0:
                return
        threads = [
            threading.Thread(target=self._worker, args=(work,), daemon=True, name=f"links-{i}")
            for i in range(self.workers)
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        if self._error is not None:
            raise self._error

    def _worker(self, work: Callable[[J], Step]) -> None:
        while True:
            with self._cond:
                taken = self._take()
                if taken is None:
                    self._cond.notify_all()
                    return
            key, job = taken
            try:
                step = work(job)
            except BaseException as e:  # a bug in work(): stop everything, report it once
                with self._cond:
                    self._error = self._error or e
                    self._cond.notify_all()
                return
            with self._cond:
                h = self._hosts[key]
                h.inflight -= 1
                self._make_runnable(key, h)
                if step is None:
                    self._pending -= 1
                else:
                    next_key, delay, next_job = step
                    self._put(next_key, delay, next_job, first=True)
                # Wake as many idle workers as there are hosts ready to run; everyone when
                # all is done or when a new timed job may be due before the ones they wait on.
                if self._pending == 0 or (step is not None and step[1] > 0):
                    self._cond.notify_all()
                elif self._runnable:
                    self._cond.notify(len(self._runnable))
