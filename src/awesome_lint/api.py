"""The public face: ``lint_text`` and ``lint_file`` (and ``fix_text``) for programs and tests.

The command line, the pre-commit hook and the Action go through ``run.py``; these are the
same pipeline for one text or one file, with the config given as an object.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .config import Config, config_for
from .engine import parse_and_lint
from .fix.fixer import fix_text
from .parse.parser import parse
from .result import LintResult
from .run import siblings_of
from .textio import read_source

__all__ = ["LintResult", "config_for", "entry_line_ranges", "fix_text", "lint_file", "lint_text"]


def lint_text(
    text: str,
    path: str = "<text>",
    config: Config | None = None,
    *,
    today: datetime.date | None = None,
    link_results: Mapping[str, Any] | None = None,
    paper_results: Mapping[str, Any] | None = None,
) -> LintResult:
    """Lint Markdown text. Nothing is read from disk; ``config`` defaults to every default rule."""
    return parse_and_lint(
        text,
        path,
        config or Config(),
        today=today,
        link_results=link_results,
        paper_results=paper_results,
    )


def entry_line_ranges(text: str, *, tables: bool = False) -> tuple[tuple[int, int], ...]:
    """The first and last line (1-based) of every entry and classic item recognised in ``text``
    and, with ``tables=True``, of every pipe table: what a formatter must leave as it is.
    Sorted; ranges may overlap (a table row that is an entry lies inside its table)."""
    doc = parse(text)
    ranges = [
        (min(e.span.start_line, e.lines[0].number), max(e.span.lines[-1], e.lines[-1].number))
        if e.lines
        else (e.span.start_line, e.span.lines[-1])
        for e in doc.entries
    ]
    ranges += [(i.span.start_line, i.span.lines[-1]) for i in doc.items]
    if tables:
        ranges += doc.tables
    return tuple(sorted(ranges))


def lint_file(
    path: str | Path,
    config: Config | None = None,
    *,
    today: datetime.date | None = None,
    link_results: Mapping[str, Any] | None = None,
    paper_results: Mapping[str, Any] | None = None,
) -> LintResult:
    """Read and lint one file. Raises InputError (bad file) or ConfigError (bad config)."""
    path = str(path)
    config = config if config is not None else config_for(path)
    source = read_source(path, config.max_file_size, config.max_lines)
    return parse_and_lint(
        source.text,
        source.path,
        config,
        today=today,
        link_results=link_results,
        siblings=siblings_of(path),
        source=source,
        paper_results=paper_results,
    )
