"""The files next to a linted list, read once at the edge so rules stay pure.

Rules that care whether a repository has, say, a contributing guide read this fact from
``RuleContext.siblings``; only ``api.lint_file`` touches the file system.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

# GitHub looks for community files in the root, in docs/ and in .github/.
_FOLDERS = ("", "docs", ".github")
_MAX_FILES = 5000


@dataclass(frozen=True)
class Siblings:
    """The files beside a list, names and sizes (is there a contributing guide, a licence?)."""

    directory: str
    files: tuple[
        tuple[str, int], ...
    ]  # (path relative to the directory, posix, as on disk; size in bytes)

    def matching(self, stems: tuple[str, ...]) -> list[tuple[str, int]]:
        """Files whose name without extension is one of ``stems`` (case-insensitive)."""
        wanted = {s.lower() for s in stems}
        return [
            (p, n) for p, n in self.files if p.rsplit("/", 1)[-1].split(".", 1)[0].lower() in wanted
        ]


def scan(list_path: str | Path) -> Siblings | None:
    """The files beside ``list_path`` and in its docs/ and .github/ folders; None if unreadable."""
    directory = Path(list_path).resolve().parent
    found: list[tuple[str, int]] = []
    try:
        for folder in _FOLDERS:
            where = directory / folder if folder else directory
            if not where.is_dir():
                continue
            with os.scandir(where) as it:
                for entry in it:
                    if len(found) >= _MAX_FILES:
                        break
                    if entry.is_file():
                        rel = f"{folder}/{entry.name}" if folder else entry.name
                        found.append((rel, entry.stat().st_size))
    except OSError:
        return None
    return Siblings(str(directory), tuple(sorted(found)))
