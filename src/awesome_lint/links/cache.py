"""On-disk cache of link results, so a second run over the same list is nearly free.

One JSON file in the platform's cache directory. Safe for runs that share it:

- readers never see a half-written file: a writer writes a temporary file beside it and
  renames it over the old one (atomic on POSIX and Windows);
- writers take an advisory lock, re-read the file and merge, so two runs that finish at
  the same time keep each other's entries (without fcntl, the last writer wins, and the
  file is still whole);
- a file that is not what it should be (corrupt, truncated, another version) is treated
  as empty and replaced on the next write.

Only verdicts that stay true for a while are stored: answers with a status (ok, dead,
redirected, blocked). Timeouts, 5xx and 429 are checked again next time, so a passing
outage never sticks; refusals and skips cost nothing to recompute.
"""

from __future__ import annotations

import contextlib
import json
import os
import time
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

from .result import LinkResult, Outcome

FORMAT_VERSION = 1
CACHE_FILE = "links-v1.json"
CACHEABLE = frozenset({Outcome.OK, Outcome.REDIRECTED, Outcome.DEAD, Outcome.BLOCKED})
# Entries older than this are dropped when the file is rewritten, whatever max age the
# current run uses, so the file cannot grow without bound.
PRUNE_AFTER = 30 * 86400.0
SECTIONS = ("links", "repos")


def default_cache_dir() -> Path:
    """The platform's user cache directory for awesome-lint (XDG on Linux)."""
    override = os.environ.get("AWESOME_LINT_CACHE_DIR")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_cache_dir("awesome-lint", appauthor=False))


def cache_directory(cache_path: str | None) -> Path:
    """The folder a run keeps its link results in: ``cache_path`` when the settings name
    one, else the platform's."""
    return Path(cache_path) if cache_path else default_cache_dir()


def cacheable(result: LinkResult) -> bool:
    return result.outcome in CACHEABLE and result.status is not None


class LinkCache:
    """Results of earlier runs, keyed by URL, valid for ``max_age`` seconds."""

    def __init__(
        self, path: Path, max_age: float, fingerprint: str, now: float | None = None
    ) -> None:
        self.path = path
        self.max_age = max_age
        self.fingerprint = fingerprint
        self._now = now
        self._data = self._read()

    @classmethod
    def in_dir(cls, directory: Path | None, max_age: float, fingerprint: str) -> LinkCache:
        return cls((directory or default_cache_dir()) / CACHE_FILE, max_age, fingerprint)

    def now(self) -> float:
        return time.time() if self._now is None else self._now

    def _read(self) -> dict:
        return read_sections(self.path, FORMAT_VERSION, SECTIONS)

    def _fresh(self, entry: object, now: float | None = None) -> bool:
        return (
            isinstance(entry, dict)
            and isinstance(entry.get("t"), (int, float))
            and (self.now() if now is None else now) - entry["t"] <= self.max_age
        )

    # ----------------------------------------------------------------- links
    def get(self, url: str, now: float | None = None) -> LinkResult | None:
        entry = self._data["links"].get(url)
        if not self._fresh(entry, now) or entry.get("fp") != self.fingerprint:
            return None
        try:
            return LinkResult.from_json(entry["r"], from_cache=True)
        except (KeyError, ValueError, TypeError):
            return None

    def lookup(self, urls: Iterable[str]) -> dict[str, LinkResult]:
        found = {}
        now = self.now()  # one clock for the whole look-up
        for url in urls:
            hit = self.get(url, now)
            if hit is not None:
                found[url] = hit
        return found

    # ----------------------------------------------------------------- repos
    def get_archived(self, repo: str) -> bool | None:
        entry = self._data["repos"].get(repo.lower())
        if not self._fresh(entry) or not isinstance(entry.get("archived"), bool):
            return None
        return entry["archived"]

    # ----------------------------------------------------------------- writing
    def store(
        self, results: Iterable[LinkResult] = (), archived: Mapping[str, bool] | None = None
    ) -> None:
        """Add results to the file (merging with what other runs wrote meanwhile)."""
        now = self.now()
        links = {
            r.url: {"t": now, "fp": self.fingerprint, "r": r.to_json()}
            for r in results
            if cacheable(r) and not r.from_cache
        }
        repos = {
            name.lower(): {"t": now, "archived": value} for name, value in (archived or {}).items()
        }
        if not links and not repos:
            return
        self._data = merge_sections(
            self.path, FORMAT_VERSION, {"links": links, "repos": repos}, now, PRUNE_AFTER
        )


def read_sections(path: Path, version: int, sections: Iterable[str]) -> dict:
    """A cache file's content: ``{"version": version, section: {key: entry}}``; a missing,
    damaged or other-version file reads as empty, a damaged section as an empty one."""
    empty = {"version": version, **{key: {} for key in sections}}
    try:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
    except (OSError, ValueError, UnicodeDecodeError):
        return empty
    if not isinstance(data, dict) or data.get("version") != version:
        return empty
    for key in sections:
        if not isinstance(data.get(key), dict):
            data[key] = {}
    return data


def merge_sections(
    path: Path, version: int, new: Mapping[str, Mapping[str, dict]], now: float, prune_after: float
) -> dict:
    """Write ``new`` entries into the file under its lock, keeping what other runs wrote
    meanwhile unless older than ``prune_after``; returns what the file now holds."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with locked(path.with_name(path.name + ".lock")):
        current = read_sections(path, version, new)
        for key, entries in new.items():
            merged = {
                k: v
                for k, v in current[key].items()
                if isinstance(v, dict)
                and isinstance(v.get("t"), (int, float))
                and now - v["t"] <= prune_after
            }
            merged.update(entries)
            current[key] = merged
        write_json_atomic(path, current)
    return current


def write_json_atomic(path: Path, data: dict) -> None:
    import tempfile  # only when writing: a warm re-run reads the cache and writes nothing

    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(data, f, separators=(",", ":"))
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


@contextlib.contextmanager
def locked(lock_path: Path) -> Iterator[None]:
    try:
        import fcntl
    except ImportError:  # Windows: no advisory lock; the rename still keeps the file whole
        yield
        return
    with open(lock_path, "a+") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
