"""A pull request file's unified-diff patch -> which head-side lines it added or changed.

GitHub's "list pull request files" gives each file's patch (hunks only, no file headers),
or no patch at all when the diff is too large or binary. Pure functions only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")


class PatchError(ValueError):
    pass


@dataclass(frozen=True, slots=True)
class FileDiff:
    path: str
    status: str  # added, modified, removed, renamed, copied, changed, unchanged
    added: frozenset[int]  # head-side lines the PR added or changed
    hunks: tuple[range, ...]  # head-side lines each hunk shows (added and context)
    patch_omitted: bool = False  # GitHub sent no patch (too large, or binary)
    added_text: tuple[tuple[int, str], ...] = ()  # (line, text) of each added line

    def mismatch(self, lines: list[str] | tuple[str, ...]) -> int | None:
        """The first added line whose text differs in ``lines`` (a checkout of the head)."""
        for n, text in self.added_text:
            if n > len(lines) or lines[n - 1].rstrip("\r") != text.rstrip("\r"):
                return n
        return None

    def hunk_of(self, line: int) -> range | None:
        return next((h for h in self.hunks if line in h), None)

    def commentable(self, first: int, last: int) -> bool:
        """GitHub accepts a (multi-line) review comment only inside one hunk."""
        hunk = self.hunk_of(first)
        return hunk is not None and last in hunk


def parse_patch(patch: str) -> tuple[frozenset[int], tuple[range, ...]]:
    """Return (added head-side lines, head-side range of each hunk)."""
    added, hunks = _parse(patch)
    return frozenset(added), hunks


def _parse(patch: str) -> tuple[dict[int, str], tuple[range, ...]]:
    added: dict[int, str] = {}
    hunks: list[range] = []
    line = None
    remaining = 0  # head-side lines the current hunk still owes
    for raw in patch.split("\n"):
        header = _HUNK.match(raw)
        if header:
            start = int(header.group(1))
            count = int(header.group(2)) if header.group(2) is not None else 1
            hunks.append(range(start, start + count))
            line, remaining = start, count
            continue
        if line is None:
            if raw.strip():
                raise PatchError(f"patch does not start with a hunk header: {raw[:60]!r}")
            continue
        if raw.startswith("+"):
            added[line] = raw[1:]
            line += 1
            remaining -= 1
        elif raw.startswith("-") or raw.startswith("\\"):
            continue  # a base-side line, or "\ No newline at end of file"
        elif remaining > 0:
            line += 1  # context (GitHub writes a blank context line as " ")
            remaining -= 1
    return added, tuple(hunks)


def file_diff(path: str, status: str, patch: str | None, changes: int = 1) -> FileDiff:
    """``changes`` is GitHub's count of changed lines: a pure rename has none and no patch."""
    if patch is None:
        omitted = status != "removed" and changes > 0
        return FileDiff(path, status, frozenset(), (), patch_omitted=omitted)
    added, hunks = _parse(patch)
    return FileDiff(path, status, frozenset(added), hunks, added_text=tuple(sorted(added.items())))
