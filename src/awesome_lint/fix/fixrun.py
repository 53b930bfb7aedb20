"""``--fix`` and ``--diff`` for one path: read, fix, then write atomically, print a diff, or
(for stdin) print the fixed text. The pure part is ``fixer.py``; the file safety is
``writeback.py``.
"""

from __future__ import annotations

import dataclasses
import datetime
import sys
from collections.abc import Mapping
from typing import Any, TextIO

from ..api import LintResult, siblings_of
from ..config import Config
from ..textio import STDIN, read_source
from .fixer import FixOptions, FixOutcome, fix_source_text, unified_diff
from .writeback import check_writable, encode_like, write_atomic


def fix_path(
    path: str,
    config: Config,
    options: FixOptions,
    *,
    diff: bool,
    today: datetime.date | None = None,
    out: TextIO | None = None,
    err: TextIO | None = None,
    link_results: Mapping[str, Any] | None = None,
) -> tuple[LintResult, FixOutcome]:
    """Fix one file (or stdin). Raises InputError, leaving the file untouched, when it must not
    or cannot be written."""
    out = out or sys.stdout
    err = err or sys.stderr
    source = read_source(path, config.max_file_size)
    if path != STDIN and not diff:
        check_writable(path)  # before the work: a link or a read-only file is refused either way
    outcome = fix_source_text(
        source.text,
        source.path,
        config,
        options,
        today=today,
        link_results=link_results,
        siblings=siblings_of(path),
    )
    for note in outcome.notes:
        err.write(f"awesome-lint: {source.path}: {note}\n")
    if diff:
        out.write(unified_diff(outcome.before, outcome.after, source.path))
    elif path == STDIN:
        # Bytes, so the input's BOM and line endings come back out exactly.
        data = encode_like(source, outcome.after)
        buffer = getattr(out, "buffer", None)
        out.flush()
        if buffer is not None:
            buffer.write(data)
            buffer.flush()
        else:
            out.write(data.decode("utf-8"))
    elif outcome.changed:
        write_atomic(source, encode_like(source, outcome.after))
    return dataclasses.replace(outcome.result, path=source.path, source=source), outcome


def summary(outcomes: list[FixOutcome], diff: bool) -> str | None:
    """``Fixed 12 problems in 2 files.`` (``Would fix`` for --diff), naming the reorderings
    apart; None when nothing changed."""
    changed = [o for o in outcomes if o.changed]
    if not changed:
        return None
    applied = sum(o.applied for o in changed)
    runs = sum(o.sorted_runs for o in changed)
    tocs = sum(o.toc for o in changed)
    parts = [f"{applied} problem{'s' if applied != 1 else ''}"] if applied else []
    if runs:
        parts.append(f"the order of {runs} run{'s' if runs != 1 else ''} of entries")
    if tocs:
        parts.append(f"{tocs} table{'s' if tocs != 1 else ''} of contents")
    what = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    files = f"{len(changed)} file{'s' if len(changed) != 1 else ''}"
    return f"{'Would fix' if diff else 'Fixed'} {what} in {files}."
