"""On-disk cache of paper results, beside the link cache (``papers-v1.json``).

arXiv asks clients to cache what they fetch; metadata changes seldom. The file is shared
safely the way the link cache is (atomic renames, an advisory lock, merge on write, a
damaged file treated as empty). Found papers, unknown ids and withdrawals are kept; errors
(the service could not be asked) never are, so the next run asks again.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from pathlib import Path

from ..links.cache import default_cache_dir, merge_sections, read_sections
from .records import PaperResult, Status

FORMAT_VERSION = 1
CACHE_FILE = "papers-v1.json"
PRUNE_AFTER = 90 * 86400.0


class PaperCache:
    def __init__(self, path: Path, max_age: float, now: float | None = None) -> None:
        self.path = path
        self.max_age = max_age
        self._now = now
        self._data = self._read()

    @classmethod
    def in_dir(cls, directory: Path | None, max_age: float) -> PaperCache:
        return cls((directory or default_cache_dir()) / CACHE_FILE, max_age)

    def now(self) -> float:
        return time.time() if self._now is None else self._now

    def _read(self) -> dict:
        return read_sections(self.path, FORMAT_VERSION, ("papers",))

    def get(self, query: str) -> PaperResult | None:
        entry = self._data["papers"].get(query)
        if not isinstance(entry, dict) or not isinstance(entry.get("t"), (int, float)):
            return None
        if self.now() - entry["t"] > self.max_age:
            return None
        try:
            return PaperResult.from_json(entry["r"], from_cache=True)
        except (KeyError, ValueError, TypeError):
            return None

    def store(self, results: Iterable[PaperResult]) -> None:
        now = self.now()
        new = {
            r.query: {"t": now, "r": r.to_json()}
            for r in results
            if r.status is not Status.ERROR and not r.from_cache
        }
        if not new:
            return
        self._data = merge_sections(self.path, FORMAT_VERSION, {"papers": new}, now, PRUNE_AFTER)
