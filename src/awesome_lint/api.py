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
from .result import LintResult
from .run import siblings_of
from .textio import read_source

__all__ = ["LintResult", "config_for", "fix_text", "lint_file", "lint_text"]


def lint_text(
    text: str,
    path: str = "<text>",
    config: Config | None = None,
    *,
    today: datetime.date | None = None,
    link_results: Mapping[str, Any] | None = None,
) -> LintResult:
    """Lint Markdown text. Nothing is read from disk; ``config`` defaults to every default rule."""
    return parse_and_lint(text, path, config or Config(), today=today, link_results=link_results)


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
    return parse_and_lint(
        source.text,
        source.path,
        config,
        today=today,
        link_results=link_results,
        siblings=siblings_of(path),
        source=source,
    )
