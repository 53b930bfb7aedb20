"""Fix a list's text: the rules' fixes to a fixpoint, then the opt-in reorderings.

Pure: text in, fixed text and the findings that remain out. Reading and writing files is
``run.py``'s job (with ``writeback.py`` for the file's safety).
"""

from __future__ import annotations

import datetime
import difflib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from ..config import Config
from ..engine import parse_and_lint
from ..parse.parser import normalize, parse
from ..result import LintResult
from ..siblings import Siblings
from .apply import apply_fixes
from .sorting import sort_fixes
from .toc import toc_fix

MAX_FIX_PASSES = 10


@dataclass(frozen=True)
class FixOptions:
    sort_entries: bool = False  # --sort-entries
    fix_toc: bool = False  # --fix-toc


@dataclass(frozen=True)
class FixOutcome:
    before: str  # the normalised text as read
    after: str  # the normalised fixed text
    result: LintResult  # the findings left in ``after``
    applied: int  # rule fixes applied
    sorted_runs: int  # runs of entries reordered by --sort-entries
    toc: bool  # the table of contents was rewritten
    notes: tuple[str, ...]  # what an opt-in fix left alone, and why

    @property
    def changed(self) -> bool:
        return self.before != self.after


def fix_source_text(
    text: str,
    path: str = "<text>",
    config: Config | None = None,
    options: FixOptions = FixOptions(),
    *,
    today: datetime.date | None = None,
    link_results: Mapping[str, Any] | None = None,
    siblings: Siblings | None = None,
    first: LintResult | None = None,
) -> FixOutcome:
    """``first``: the lint of ``text`` as read, when the caller has it (no second parse)."""
    config = config or Config()
    before = normalize(text)
    relint = _linter(path, config, today, link_results, siblings)
    current, result, applied = _fixpoint(before, first or relint(before), relint)
    notes: list[str] = []
    runs = 0
    toc = False
    if options.sort_entries:
        plan = sort_fixes(result.document, config)
        notes.extend(plan.notes)
        if plan.fixes:
            current, runs = apply_fixes(current, plan.fixes)
    if options.fix_toc:
        doc = parse(current, path) if runs else result.document
        plan = toc_fix(doc)
        if plan.note:
            notes.append(plan.note)
        if plan.fix is not None:
            current, n = apply_fixes(current, [plan.fix])
            toc = n > 0
    if runs or toc:
        # Moved lines can change what the rules see (an entry is now last in its section):
        # settle once more so the report and the file agree.
        current, result, more = _fixpoint(current, relint(current), relint)
        applied += more
    return FixOutcome(before, current, result, applied, runs, toc, tuple(notes))


def fix_text(
    text: str,
    path: str = "<text>",
    config: Config | None = None,
    *,
    today: datetime.date | None = None,
    link_results: Mapping[str, Any] | None = None,
    siblings: Siblings | None = None,
) -> tuple[str, LintResult, int]:
    """Apply every available fix, re-linting after each pass, until nothing more changes.

    Returns the fixed (normalised) text, the lint result of that text, and the number of
    fixes applied. ``siblings``: the files next to the list (``siblings.scan``).
    """
    relint = _linter(path, config or Config(), today, link_results, siblings)
    current = normalize(text)
    return _fixpoint(current, relint(current), relint)


def _linter(path, config, today, link_results, siblings):
    """Parse and lint a version of the text, the way the first lint did."""

    def relint(text: str) -> LintResult:
        return parse_and_lint(
            text, path, config, today=today, link_results=link_results, siblings=siblings
        )

    return relint


def _fixpoint(current: str, result: LintResult, relint) -> tuple[str, LintResult, int]:
    """Apply the fixes of ``result`` (the lint of ``current``) and re-lint, pass by pass.

    Overlapping fixes wait for the next pass; the cap stops fixes that undo each other
    from looping. Each pass is verified by the one re-lint of the text it produced.
    """
    applied = 0
    for _ in range(MAX_FIX_PASSES):
        fixes = [v.fix for v in result.violations if v.fix is not None]
        if not fixes:
            break
        new, n = apply_fixes(current, fixes)
        if n == 0 or new == current:
            break
        current, applied = new, applied + n
        result = relint(current)
    return current, result, applied


def unified_diff(before: str, after: str, path: str) -> str:
    """A ``diff -u`` of two normalised texts, marking a missing final newline as git does."""
    a, b = _lines(before), _lines(after)
    out = []
    for line in difflib.unified_diff(a, b, fromfile=path, tofile=path):
        out.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(out)


def _lines(text: str) -> list[str]:
    # str.splitlines would also split at U+2028, form feeds and the like, which are text here.
    return re.findall(r"[^\n]*\n|[^\n]+$", text)


def summary(outcomes: Iterable[FixOutcome], diff: bool) -> str | None:
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
