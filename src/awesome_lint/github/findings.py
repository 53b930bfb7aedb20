"""Tie a file's violations to a pull request's diff: which are new, where a comment can sit,
and the one-click suggestion for a fixable one. Pure.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..diagnostics import Severity, Violation
from ..fix.apply import apply_to_lines
from .diff import FileDiff
from .fingerprint import fingerprints

# A comment spanning more lines than this reads as noise; anchor it on its first changed line.
MAX_ANCHOR_LINES = 8


@dataclass(frozen=True, slots=True)
class Suggestion:
    first: int
    last: int
    text: str  # replaces head lines first..last, joined by "\n"


@dataclass(frozen=True, slots=True)
class Finding:
    path: str
    violation: Violation
    fingerprint: str
    new: bool  # on a line the pull request added or changed
    anchor: tuple[int, int] | None  # (first, last) head lines an inline comment may cover
    suggestion: Suggestion | None

    @property
    def line(self) -> int:
        return self.violation.span.start_line

    @property
    def severity(self) -> Severity:
        return self.violation.severity


def _fix_window(violation: Violation) -> tuple[int, int] | None:
    if violation.fix is None or not violation.fix.edits:
        return None
    lines = [n for e in violation.fix.edits for n in e.span.lines]
    return min(lines), max(lines)


def suggestion_for(lines: Sequence[str], violation: Violation) -> Suggestion | None:
    """The fixed text of the lines the violation's fix touches, or None if it changes nothing."""
    window = _fix_window(violation)
    if window is None or window[1] > len(lines):
        return None
    first, last = window
    before = list(lines[first - 1 : last])
    after = apply_to_lines(before, first, violation.fix)
    if after == before:
        return None
    return Suggestion(first, last, "\n".join(after))


def _anchor(
    violation: Violation, diff: FileDiff, suggestion: Suggestion | None
) -> tuple[int, int] | None:
    if suggestion is not None and diff.commentable(suggestion.first, suggestion.last):
        return suggestion.first, suggestion.last
    span_lines = violation.span.lines
    first, last = span_lines[0], span_lines[-1]
    if last - first < MAX_ANCHOR_LINES and diff.commentable(first, last):
        return first, last
    changed = [n for n in span_lines if n in diff.added]
    return (changed[0], changed[0]) if changed else None


def classify(
    path: str,
    lines: Sequence[str],
    violations: Iterable[Violation],
    diff: FileDiff | None,
) -> list[Finding]:
    """Findings in file order. ``diff`` is None for a file the pull request did not change."""
    ordered = sorted(violations, key=lambda v: (v.span, v.code, v.message))
    out = []
    for v, fp in zip(ordered, fingerprints(path, lines, ordered)):
        new = diff is not None and any(n in diff.added for n in v.span.lines)
        suggestion = anchor = None
        if new:
            suggestion = suggestion_for(lines, v)
            anchor = _anchor(v, diff, suggestion)
            if (
                anchor is None
                or suggestion is None
                or anchor != (suggestion.first, suggestion.last)
            ):
                suggestion = None  # a suggestion replaces exactly the lines its comment covers
        out.append(Finding(path, v, fp, new, anchor, suggestion))
    return out
