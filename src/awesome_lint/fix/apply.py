"""Fixes are text edits on spans of the normalised document text, never a re-render."""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Iterable, Sequence

from ..diagnostics import Edit, Fix
from ..model import LineIndex, Span


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    if a[0] < b[1] and b[0] < a[1]:
        return True
    # An insertion where another edit starts has no defined order: treat it as a conflict.
    return a[0] == b[0] and (a[0] == a[1] or b[0] == b[1])


def choose_fixes(text: str, fixes: Sequence[Fix]) -> list[int]:
    """Indices of the fixes ``apply_fixes`` applies: each one whose edits overlap no fix
    chosen before it (nor each other)."""
    index = LineIndex(text)
    taken = _Taken()
    chosen = []
    for k, fix in enumerate(fixes):
        ranges = [index.span_offsets(e.span) for e in fix.edits]
        if any(taken.overlaps(r) for r in ranges) or any(
            _overlaps(a, b) for i, a in enumerate(ranges) for b in ranges[i + 1 :]
        ):
            continue
        for r in ranges:
            taken.add(r)
        chosen.append(k)
    return chosen


class _Taken:
    """Offset ranges already taken, none overlapping another, kept sorted by start.

    Ranges that do not overlap are ordered by their ends too, so a new range can only
    overlap the last one starting before it or those starting inside it: a bisection finds
    them, where comparing with every taken range made choosing n fixes cost n squared."""

    def __init__(self) -> None:
        self.ranges: list[tuple[int, int]] = []

    def overlaps(self, r: tuple[int, int]) -> bool:
        k = bisect_left(self.ranges, (r[0], r[0]))
        if k and _overlaps(r, self.ranges[k - 1]):
            return True
        for t in self.ranges[k:]:
            if t[0] >= r[1] and t[0] != r[0]:
                return False
            if _overlaps(r, t):
                return True
        return False

    def add(self, r: tuple[int, int]) -> None:
        insort(self.ranges, r)


def apply_fixes(text: str, fixes: Iterable[Fix]) -> tuple[str, int]:
    """Apply every fix whose edits overlap no fix applied before it.

    Returns the new text and the number of fixes applied. A fix is atomic: all of its edits
    or none. Edits are offsets into ``text``, applied in one pass from the top.
    """
    fixes = list(fixes)
    index = LineIndex(text)
    chosen = choose_fixes(text, fixes)
    edits = [(index.span_offsets(e.span), e.replacement) for k in chosen for e in fixes[k].edits]
    return splice(text, 0, len(text), edits), len(chosen)


def splice(text: str, lo: int, hi: int, edits: Iterable[tuple[tuple[int, int], str]]) -> str:
    """``text[lo:hi]`` with edits ((start, end) offsets into ``text``, replacement) applied;
    the edits lie inside it and overlap none other."""
    # Joined once from pieces: slicing the whole text per edit cost n squared on long lists.
    pieces, at = [], lo
    for (start, end), replacement in sorted(edits, key=lambda c: c[0]):
        pieces += (text[at:start], replacement)
        at = end
    pieces.append(text[at:hi])
    return "".join(pieces)


def apply_to_lines(lines: Sequence[str], first: int, fix: Fix) -> list[str]:
    """Apply one fix to a window of lines starting at line number ``first``.

    Used to render the fixed text of the lines a finding covers (a GitHub suggestion).
    """
    shifted = [
        Edit(
            Span(
                e.span.start_line - first + 1,
                e.span.start_col,
                e.span.end_line - first + 1,
                e.span.end_col,
            ),
            e.replacement,
        )
        for e in fix.edits
    ]
    text, _ = apply_fixes("\n".join(lines), [Fix(tuple(shifted), fix.description)])
    return text.split("\n")
