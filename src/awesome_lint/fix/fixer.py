"""Fix a list's text: the rules' fixes to a fixpoint, then the opt-in reorderings.

Pure: text in, fixed text and the findings that remain out. Reading and writing files is
``run.py``'s job (with ``writeback.py`` for the file's safety).
"""

from __future__ import annotations

import datetime
import difflib
import re
from collections.abc import Mapping
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
from .verify import fix_verified


@dataclass(frozen=True)
class FixOptions:
    sort_entries: bool = False  # --sort-entries
    fix_toc: bool = False  # --fix-toc
    unsafe: bool = False  # --unsafe-fixes


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
    paper_results: Mapping[str, Any] | None = None,
) -> FixOutcome:
    """``first``: the lint of ``text`` as read, when the caller has it (no second parse)."""
    config = config or Config()
    before = normalize(text)
    relint = _linter(path, config, today, link_results, siblings, paper_results)
    unfixed: list[str] = []

    def settle(text: str, first: LintResult | None = None):
        unfixed.clear()  # what the last settling left unfixed is what the report says
        run = fix_verified(text, relint, first, options.unsafe)
        unfixed.extend(run.notes + run.unfixed)
        return run.text, run.result, run.applied

    current, result, applied = settle(before, first)
    notes: list[str] = []
    fixed_only = (current, result, applied, tuple(unfixed))
    wanted = [(options.sort_entries, "sort"), (options.fix_toc, "toc")]
    for attempt in ([k for on, k in wanted if on], ["sort"] if options.sort_entries else []):
        if not attempt:
            break
        text, res, more, runs, toc, why = _reorder(
            fixed_only[0], fixed_only[1], attempt, path, config, settle
        )
        if _settled(text, res.document, attempt, config):
            notes.extend(why)
            return FixOutcome(before, text, res, applied + more, runs, toc, tuple(notes + unfixed))
        dropped = "the table of contents" if "toc" in attempt else "the order of entries"
        notes.append(
            f"{dropped} not rewritten: the rewrite does not settle (a second run would "
            "change it again)"
        )
        if attempt == ["sort"]:
            break
    current, result, applied, left = fixed_only
    return FixOutcome(before, current, result, applied, 0, False, tuple(notes) + left)


def _reorder(text, result, which, path, config, settle):
    """The opt-in reorderings on a fixed text: (text, result, fixes, runs, toc, notes)."""
    notes: list[str] = []
    runs = 0
    toc = False
    current = text
    more = 0
    if "sort" in which:
        plan = sort_fixes(result.document, config)
        notes.extend(plan.notes)
        if plan.fixes:
            current, runs = apply_fixes(current, plan.fixes)
    if "toc" in which:
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
        current, result, more = settle(current)
    return current, result, more, runs, toc, notes


def _settled(text: str, doc, which, config) -> bool:
    """Whether a second run would leave the reorderings as they are (idempotence)."""
    if "sort" in which:
        fixes = sort_fixes(doc, config).fixes
        if fixes and apply_fixes(text, fixes)[0] != text:
            return False
    if "toc" in which:
        plan = toc_fix(doc)
        if plan.fix is not None and apply_fixes(text, [plan.fix])[0] != text:
            return False
    return True


def fix_text(
    text: str,
    path: str = "<text>",
    config: Config | None = None,
    *,
    today: datetime.date | None = None,
    link_results: Mapping[str, Any] | None = None,
    siblings: Siblings | None = None,
    unfixed: list[str] | None = None,
    unsafe: bool = False,
    paper_results: Mapping[str, Any] | None = None,
) -> tuple[str, LintResult, int]:
    """Apply every fix that verifies (``verify.py``), re-linting after each pass, until none
    is left.

    Returns the fixed (normalised) text, the lint result of that text, and the number of
    fixes applied. ``unfixed``, when given, receives one line per fix that was not applied
    and why. ``siblings``: the files next to the list (``siblings.scan``). ``unsafe``:
    apply unsafe fixes too (--unsafe-fixes); by default only safe ones.
    """
    relint = _linter(path, config or Config(), today, link_results, siblings, paper_results)
    run = fix_verified(normalize(text), relint, unsafe=unsafe)
    if unfixed is not None:
        unfixed.extend(run.notes + run.unfixed)
    return run.text, run.result, run.applied


def _linter(path, config, today, link_results, siblings, paper_results=None):
    """Parse and lint a version of the text, the way the first lint did."""

    def relint(text: str) -> LintResult:
        return parse_and_lint(
            text,
            path,
            config,
            today=today,
            link_results=link_results,
            siblings=siblings,
            paper_results=paper_results,
        )

    return relint


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
