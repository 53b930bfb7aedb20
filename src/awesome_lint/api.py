"""The public face: ``lint_text`` and ``lint_file``. The CLI, the Action and the hook use these."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .config import Config, find_config, load_config
from .diagnostics import Severity, Violation
from .engine import lint_document, needs_entries
from .model import Document
from .parse.parser import parse
from .rules import REGISTRY
from .siblings import scan as scan_siblings
from .textio import Source, read_source


@dataclass(frozen=True)
class LintResult:
    path: str
    document: Document
    violations: tuple[Violation, ...]
    source: Source | None = None

    @property
    def errors(self) -> int:
        return sum(1 for v in self.violations if v.severity is Severity.ERROR)

    @property
    def warnings(self) -> int:
        return sum(1 for v in self.violations if v.severity is Severity.WARNING)


def lint_text(
    text: str,
    path: str = "<text>",
    config: Config | None = None,
    *,
    today: datetime.date | None = None,
    link_results: Mapping[str, Any] | None = None,
) -> LintResult:
    """Lint Markdown text. Nothing is read from disk; ``config`` defaults to every default rule."""
    return _lint(text, path, config or Config(), today, link_results, siblings=None)


def _lint(text, path, config, today, link_results, siblings, source=None) -> LintResult:
    doc = parse(text, path, entries=needs_entries(config))
    found = lint_document(doc, config, today=today, link_results=link_results, siblings=siblings)
    return LintResult(path, doc, tuple(found), source)


def siblings_of(path: str):
    """The files next to a list read from ``path`` (None for stdin: the folder is unknown)."""
    return scan_siblings(path) if path != "-" else None


def config_for(
    path: str | Path, explicit: str | Path | None = None, isolated: bool = False
) -> Config:
    """The config that applies to ``path``: the explicit file, else the nearest one found."""
    if isolated:
        return Config()
    found = Path(explicit) if explicit else find_config(Path(path).resolve())
    return load_config(found, REGISTRY) if found else Config()


def lint_file(
    path: str | Path,
    config: Config | None = None,
    *,
    today: datetime.date | None = None,
    link_results: Mapping[str, Any] | None = None,
) -> LintResult:
    """Read and lint one file. Raises InputError (bad file) or ConfigError (bad config)."""
    path = str(path)
    config = config if config is not None else config_for(path)
    source = read_source(path, config.max_file_size)
    return _lint(source.text, source.path, config, today, link_results, siblings_of(path), source)


MAX_FIX_PASSES = 10


def fix_text(
    text: str,
    path: str = "<text>",
    config: Config | None = None,
    *,
    today: datetime.date | None = None,
    link_results: Mapping[str, Any] | None = None,
    siblings=None,
) -> tuple[str, LintResult, int]:
    """Apply every available fix, re-linting after each pass, until nothing more changes.

    Returns the fixed (normalised) text, the lint result of that text, and the number of
    fixes applied. Overlapping fixes wait for the next pass; the cap stops fixes that undo
    each other from looping. ``siblings``: the files next to the list (``siblings_of``).
    """
    from .fix.apply import apply_fixes
    from .parse.parser import normalize

    current = normalize(text)
    applied = 0
    config = config or Config()
    result = _lint(current, path, config, today, link_results, siblings)
    for _ in range(MAX_FIX_PASSES):
        fixes = [v.fix for v in result.violations if v.fix is not None]
        if not fixes:
            break
        new, n = apply_fixes(current, fixes)
        if n == 0 or new == current:
            break
        current, applied = new, applied + n
        result = _lint(current, path, config, today, link_results, siblings)
    return current, result, applied
