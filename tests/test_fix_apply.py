"""Applying a batch of fixes and mapping lines across it (fix/apply.py, verify.line_map).

Both run once per pass of --fix over thousands of fixes, so they are written to cost n log n;
these properties pin them to the plain quadratic definitions they replaced.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from awesome_lint.diagnostics import Edit, Fix
from awesome_lint.fix.apply import _overlaps, apply_fixes, choose_fixes
from awesome_lint.fix.verify import line_map
from awesome_lint.model import LineIndex

LINES = st.lists(st.sampled_from(["", "a", "bb ", "- [x](u)", "ccc", "**t**<br>"]), max_size=12)


@st.composite
def texts_and_fixes(draw):
    text = "\n".join(draw(LINES))
    index = LineIndex(text)
    fixes = []
    for _ in range(draw(st.integers(0, 8))):
        edits = []
        for _ in range(draw(st.integers(1, 3))):
            a = draw(st.integers(0, len(text)))
            b = draw(st.integers(a, min(len(text), a + 6)))
            replacement = draw(st.sampled_from(["", "x", "\n", "y\nz", " "]))
            edits.append(Edit(index.span(a, b), replacement))
        fixes.append(Fix(tuple(edits), "test"))
    return text, fixes


def chosen_by_definition(text: str, fixes: list[Fix]) -> list[int]:
    """Each fix whose edits overlap no edit of a fix chosen before it, nor each other."""
    index = LineIndex(text)
    taken: list[tuple[int, int]] = []
    chosen = []
    for k, fix in enumerate(fixes):
        ranges = [index.span_offsets(e.span) for e in fix.edits]
        pairs = [(a, b) for i, a in enumerate(ranges) for b in ranges[i + 1 :]]
        if any(_overlaps(r, t) for r in ranges for t in taken) or any(
            _overlaps(a, b) for a, b in pairs
        ):
            continue
        taken.extend(ranges)
        chosen.append(k)
    return chosen


def applied_bottom_up(text: str, fixes: list[Fix]) -> str:
    index = LineIndex(text)
    edits = [
        (index.span_offsets(e.span), e.replacement)
        for k in chosen_by_definition(text, fixes)
        for e in fixes[k].edits
    ]
    for (a, b), replacement in sorted(edits, reverse=True):
        text = text[:a] + replacement + text[b:]
    return text


@settings(max_examples=200, deadline=None)
@given(texts_and_fixes())
def test_the_fixes_chosen_and_the_text_are_those_of_the_definition(case):
    text, fixes = case
    assert choose_fixes(text, fixes) == chosen_by_definition(text, fixes)
    assert apply_fixes(text, fixes)[0] == applied_bottom_up(text, fixes)


@settings(max_examples=200, deadline=None)
@given(texts_and_fixes())
def test_line_map_keeps_every_untouched_line_in_order(case):
    text, fixes = case
    fixes = [fixes[k] for k in choose_fixes(text, fixes)]
    after = apply_fixes(text, fixes)[0]
    before_lines, after_lines = text.split("\n"), after.split("\n")
    touched = {
        ln for f in fixes for e in f.edits for ln in range(e.span.start_line, e.span.end_line + 1)
    }
    mapping = line_map(text, fixes)
    pairs = sorted(mapping.items())
    # Strictly increasing both ways: an alignment, never a line used twice.
    assert all(a1 < a2 and b1 < b2 for (a1, b1), (a2, b2) in zip(pairs, pairs[1:]))
    assert all(1 <= a <= len(after_lines) and 1 <= b <= len(before_lines) for a, b in pairs)
    untouched = [ln for ln in range(1, len(before_lines) + 1) if ln not in touched]
    assert sorted(b for _a, b in pairs if b not in touched) == untouched
    for a, b in pairs:
        if b not in touched:
            assert after_lines[a - 1] == before_lines[b - 1]


def test_line_map_aligns_lines_an_edit_inserts_or_removes():
    text = "a\nb\n\nc\nd"
    index = LineIndex(text)
    insert = Fix((Edit(index.span(2, 2), "new\n"),), "insert a line before b")
    remove = Fix((Edit(index.span(4, 5), ""),), "remove the blank line")
    assert apply_fixes(text, [insert, remove])[0] == "a\nnew\nb\nc\nd"
    assert line_map(text, [insert, remove]) == {1: 1, 3: 2, 4: 4, 5: 5}
