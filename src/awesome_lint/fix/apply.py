"""Fixes are text edits on spans of the normalised document text, never a re-render."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..diagnostics import Edit, Fix
from ..model import LineIndex, Span


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    if a[0] < b[1] and b[0] < a[1]:
        return True
    # An insertion where another edit starts has no defined order: treat it as a conflict.
    return a[0] == b[0] and (a[0] == a[1] or b[0] == b[1])


def apply_fixes(text: str, fixes: Iterable[Fix]) -> tuple[str, int]:
    """Apply every fix whose edits overlap no fix applied before it.

    Returns the new text and the number of fixes applied. A fix is atomic: all of its edits
    or none. Edits are applied bottom-up so earlier offsets stay valid.
    """
    index = LineIndex(text)
    taken: list[tuple[int, int]] = []
    chosen: list[tuple[tuple[int, int], str]] = []
    applied = 0
    for fix in fixes:
        ranges = [index.span_offsets(e.span) for e in fix.edits]
        if any(_overlaps(r, t) for r in ranges for t in taken) or any(
            _overlaps(a, b) for i, a in enumerate(ranges) for b in ranges[i + 1 :]
        ):
            continue
        taken.extend(ranges)
        chosen.extend(zip(ranges, (e.replacement for e in fix.edits)))
        applied += 1
    out = text
    for (start, end), replacement in sorted(chosen, key=lambda c: c[0], reverse=True):
        out = out[:start] + replacement + out[end:]
    return out, applied


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
