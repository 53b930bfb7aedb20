"""Fixes verified before they are kept: the fix loop that provably converges.

A pass applies every candidate fix that overlaps no other, re-parses, and keeps the batch only
if (a) every applied fix's own finding is gone, (b) no finding appears that was not there
before, and (c) everything outside the edited lines renders as before: the same block
structure, and in an edited paragraph every other line renders to the same HTML. A batch that
fails loses the fixes the failure points at (the fix on the finding's line or block, the
nearest one before a changed block) and is tried again without them; a rejected fix is not
tried again in this run and is reported unfixed with the reason.

A kept pass removes at least one finding and adds none, so the number of findings falls
strictly with every pass: the loop ends. It stops with a note when a pass keeps nothing; that
last pass tries every fix left on the final text afresh (verdicts given on an earlier text are
forgotten), so a second run would keep nothing either: the result is a fixed point.
"""

from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ..diagnostics import Fix, Violation
from ..model import LineIndex
from ..parse.rendering import block_structure, render_lines
from .apply import apply_fixes, choose_fixes, splice

MAX_PASSES = 50  # a safety net only: every kept pass removes a finding
MAX_RENDERED_BLOCK = 20_000  # characters; a longer edited block is not re-rendered: unverified


@dataclass
class FixRun:
    text: str
    result: Any  # what ``lint`` returned for ``text`` (its ``violations`` are read)
    applied: int = 0
    unfixed: list[str] = field(default_factory=list)  # "line N: rule: why"
    notes: list[str] = field(default_factory=list)


def _fix_key(index: LineIndex, v: Violation) -> tuple:
    """What a fix is, independent of where earlier fixes moved it."""
    text = index.text
    parts = []
    for e in v.fix.edits:
        a, b = index.span_offsets(e.span)
        parts.append((text[max(0, a - 20) : b + 20], e.replacement))
    return (v.code, tuple(parts))


def line_map(text: str, fixes: list[Fix]) -> dict[int, int]:
    """1-based line of ``apply_fixes(text, fixes)`` -> the line of ``text`` it comes from
    (kept lines, and lines edited one for one).

    Taken from the edits themselves: lines no edit touches shift by what the edits above
    them added or removed, and only the lines the edits touch are aligned by a diff. A diff
    of the whole text cost minutes on a long list (its thousands of equal blank lines).
    """
    index = LineIndex(text)
    lines = text.split("\n")
    groups: list[list] = []  # [first line, last line, edits]: edits sharing a line, together
    for (start, end), replacement in sorted(
        (index.span_offsets(e.span), e.replacement) for f in fixes for e in f.edits
    ):
        first, last = index.line_of(start), index.line_of(end)
        if groups and first <= groups[-1][1]:
            groups[-1][1] = max(last, groups[-1][1])
            groups[-1][2].append(((start, end), replacement))
        else:
            groups.append([first, last, [((start, end), replacement)]])
    out: dict[int, int] = {}
    shift = 0  # lines added (or removed, negative) by the edits above
    kept = 1  # the first line of ``text`` not yet mapped
    for first, last, edits in groups:
        out.update((ln + shift, ln) for ln in range(kept, first))
        old = lines[first - 1 : last]
        new = splice(text, index.starts[first - 1], index.starts[last] - 1, edits).split("\n")
        sm = difflib.SequenceMatcher(None, old, new, autojunk=False)
        for tag, a1, a2, b1, b2 in sm.get_opcodes():
            if tag == "equal" or (tag == "replace" and a2 - a1 == b2 - b1):
                out.update((first + shift + b1 + k, first + a1 + k) for k in range(b2 - b1))
        shift += len(new) - len(old)
        kept = last + 1
    out.update((ln + shift, ln) for ln in range(kept, len(lines) + 1))
    return out


def _finding_key(v: Violation, mapping: dict[int, int] | None) -> tuple:
    """A finding by rule and line, not message: a message may quote another line that a fix
    changed ("newer than X above it"), and that is the same finding."""
    line = v.span.start_line if mapping is None else mapping.get(v.span.start_line, -1)
    return (v.code, line)


def _finding_keys(violations, mapping: dict[int, int] | None) -> Counter:
    return Counter(_finding_key(v, mapping) for v in violations)


def _edited_lines(text: str, fixes: list[Fix]) -> dict[int, int]:
    """Line (of the text before) -> index of the fix editing it."""
    out: dict[int, int] = {}
    for k, fix in enumerate(fixes):
        for e in fix.edits:
            for line in range(e.span.start_line, e.span.end_line + 1):
                out.setdefault(line, k)
    return out


def _diagnose(
    before: str, after: str, fixes: list[Fix], v_before, v_after, own: list[tuple]
) -> dict[int, str]:
    """The fixes of a batch that broke a rule of verification: index -> why."""
    bad: dict[int, str] = {}
    b_lines, a_lines = before.split("\n"), after.split("\n")
    mapping = line_map(before, fixes)
    source = {b: a for a, b in mapping.items()}  # line before -> line after
    edited = _edited_lines(before, fixes)

    def nearest(line: int) -> int:
        if line in edited:
            return edited[line]
        earlier = [ln for ln in edited if ln <= line]
        return edited[max(earlier)] if earlier else edited[min(edited)]

    # (a) the finding a fix was for must be gone.
    left = _finding_keys(v_after, mapping)
    old = _finding_keys(v_before, None)
    for k, key in enumerate(own):
        if left.get(key, 0) >= old.get(key, 0):
            bad.setdefault(k, "its finding is still there after the fix")
    # (b) no new finding.
    new = _finding_keys(v_after, mapping) - old
    for v in v_after:
        if new.get(_finding_key(v, mapping), 0) > 0:
            line = mapping.get(v.span.start_line, v.span.start_line)
            bad.setdefault(nearest(line), f"it would add a finding: {v.name}")
    # (c) the block structure outside the edited blocks is unchanged (a block that holds an
    # edited line, before or after the fix, may change: joining a line to the paragraph
    # after it is what some fixes are for) ...
    blocks_before, blocks_after = _blocks(before), _blocks(after)
    touched = set(edited)
    for _t, _m, f, la in blocks_after:
        span = [mapping.get(ln) for ln in range(f, la + 1)]
        if any(s is None or s in edited for s in span):
            touched.update(s for s in span if s is not None)
    outside_before = [
        (t, m, f, la)
        for t, m, f, la in blocks_before
        if not any(ln in touched for ln in range(f, la + 1))
    ]
    outside_after = []
    for t, m, f, la in blocks_after:
        span = [mapping.get(ln) for ln in range(f, la + 1)]
        if any(s is None or s in touched for s in span):
            continue
        outside_after.append((t, m, span[0], span[-1]))
    if outside_before != outside_after:
        k = next(
            (i for i, (b, a) in enumerate(zip(outside_before, outside_after)) if b != a),
            min(len(outside_before), len(outside_after)),
        )
        changed = (outside_before + outside_after)[
            k if k < len(outside_before) else len(outside_before) + k
        ]
        bad.setdefault(nearest(changed[2]), "it would change how other lines render")
    # ... and in an edited paragraph, every other line renders to the same HTML.
    for t, _m, f, la in blocks_before:
        if t != "paragraph_open" or not any(ln in edited for ln in range(f, la + 1)):
            continue
        after_range = [source[b] for b in range(f, la + 1) if b in source]
        para_b = b_lines[f - 1 : la]
        if not after_range:
            continue
        lo, hi = min(after_range), max(after_range)
        para_a = a_lines[lo - 1 : hi]
        if max(sum(map(len, para_b)), sum(map(len, para_a))) > MAX_RENDERED_BLOCK:
            bad.setdefault(nearest(f), "its paragraph is too long to verify")
            continue
        if len(para_a) != len(para_b):
            continue  # lines added or removed inside: the structure check above stands
        if all(ln in edited for ln in range(f, la + 1)):
            continue  # no other line to compare
        html_b, html_a = _rendered(tuple(para_b)), _rendered(tuple(para_a))
        if html_b is None or html_a is None:
            continue
        for k in range(len(para_b)):
            if f + k in edited:
                continue
            if html_b[k] != html_a[k]:
                bad.setdefault(nearest(f + k), "it would change how other lines render")
                break
    return bad


# A batch that fails is tried again without its bad fixes: the text before it and most of its
# paragraphs are the same as in the try before, so what markdown-it made of them is kept.
@lru_cache(maxsize=4)
def _blocks(text: str) -> list[tuple[str, str, int, int]]:
    return block_structure(text)


@lru_cache(maxsize=20_000)
def _rendered(lines: tuple[str, ...]) -> list[str] | None:
    return render_lines(list(lines))


def fix_verified(
    text: str, lint: Callable[[str], Any], first: Any = None, unsafe: bool = False
) -> FixRun:
    """Apply the fixes of ``lint(text).violations`` until none is left that verifies.

    ``first``: ``lint(text)`` when the caller has it already (no second parse). ``unsafe``:
    the unsafe fixes too (--unsafe-fixes); by default only the safe ones are applied."""
    run = FixRun(text, first if first is not None else lint(text))
    rejected: dict[tuple, str] = {}
    stale = False  # ``rejected`` holds verdicts given on an earlier text
    for _ in range(MAX_PASSES):
        index = LineIndex(run.text)
        candidates = [
            v
            for v in run.result.violations
            if v.fix is not None and (v.fix.safe or unsafe) and _fix_key(index, v) not in rejected
        ]
        kept = _verified_batch(run, candidates, lint, rejected) if candidates else 0
        if kept:
            stale = bool(rejected)
            continue
        if stale:
            # A fix rejected next to another fix may verify once that one is in. A second
            # run would try it again: so the last pass tries every fix left on the final
            # text, which makes the result a fixed point (--fix twice changes nothing).
            rejected.clear()
            stale = False
            continue
        if candidates:
            run.notes.append(
                "--fix stopped: no remaining fix could be verified "
                f"({len(candidates)} left unapplied)"
            )
        break
    index = LineIndex(run.text)
    for v in run.result.violations:
        if v.fix is not None:
            why = rejected.get(_fix_key(index, v))
            if why:
                run.unfixed.append(f"line {v.line}: {v.name}: not fixed, {why}")
    return run


def _verified_batch(run: FixRun, candidates: list, lint, rejected: dict[tuple, str]) -> int:
    """Apply the largest verifiable part of one batch to ``run``; the number of fixes kept."""
    index = LineIndex(run.text)
    pool = list(candidates)
    while pool:
        chosen = [pool[k] for k in choose_fixes(run.text, [v.fix for v in pool])]
        fixes = [v.fix for v in chosen]
        new, n = apply_fixes(run.text, fixes)
        if new == run.text:
            for v in chosen:
                rejected[_fix_key(index, v)] = "it changes nothing"
            return 0
        after = lint(new)
        own = [_finding_key(v, None) for v in chosen]
        bad = _diagnose(run.text, new, fixes, run.result.violations, after.violations, own)
        if not bad:
            run.text, run.result, run.applied = new, after, run.applied + n
            return n
        for k, why in bad.items():
            rejected[_fix_key(index, chosen[k])] = why
        dropped = {id(chosen[k]) for k in bad}
        pool = [v for v in pool if id(v) not in dropped]
    return 0
