"""Fix a list's text: the rules' fixes to a fixpoint, then the opt-in reorderings.

Pure: text in, fixed text and the findings that remain out. Reading and writing files is
``fixrun.py``'s job.
"""

from __future__ import annotations

import datetime
import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..api import LintResult, fix_text
from ..config import Config
from ..parse.parser import normalize
from .apply import apply_fixes


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
    siblings=None,
) -> FixOutcome:
    config = config or Config()
    before = normalize(text)
    current, result, applied = fix_text(
        before, path, config, today=today, link_results=link_results, siblings=siblings
    )
    notes: list[str] = []
    runs = 0
    toc = False
    if options.sort_entries:
        from .sorting import sort_fixes

        plan = sort_fixes(result.document, config)
        notes.extend(plan.notes)
        if plan.fixes:
            current, runs = apply_fixes(current, plan.fixes)
    if options.fix_toc:
        from ..parse.parser import parse
        from .toc import toc_fix

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
        current, result, more = fix_text(
            current, path, config, today=today, link_results=link_results, siblings=siblings
        )
        applied += more
    return FixOutcome(before, current, result, applied, runs, toc, tuple(notes))


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
