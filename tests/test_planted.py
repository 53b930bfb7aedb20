"""Defects planted into clean lists are found by their named rule, and nothing else changes."""

from __future__ import annotations

from collections import Counter

import pytest

from awesome_lint.api import lint_text

from .conftest import FIXTURES, TODAY
from .plant import PLANTERS, plant

LISTS = ["fm_style.md", "dm_style.md", "fs_style.md", "tr_style.md", "clip_style.md"]

# The pairs where a defect has no place to go, and why: every other pair must be planted.
NOT_PLANTABLE = {
    ("clip_style.md", "wrong-ordinal"): "dates are a venue's year, no day",
    ("clip_style.md", "invalid-date"): "dates are a venue's year, no day",
    ("clip_style.md", "title-not-bold"): "the venue is bold, titles are plain",
    ("dm_style.md", "insecure-url"): "its links are http:// already",
    ("fs_style.md", "author-list-punctuation"): "its author lists end with a period already",
    ("fs_style.md", "malformed-date-venue"): "date and venue sit on the title line",
    ("clip_style.md", "malformed-date-venue"): "dates are a venue's year, no date-venue line",
    # A space after a backslash break is missing-line-break's finding (the break is lost).
    ("dm_style.md", "trailing-whitespace"): "its line breaks are backslashes",
    ("clip_style.md", "trailing-whitespace"): "its line breaks are backslashes",
}

# Planted, but in a list of 3 entries: the 2 left agreeing are no clear majority (75%), so the
# convention must say nothing. Every other pair must be found, short list or not.
NO_MAJORITY = {
    ("tr_style.md", "authors-not-italic"),
    ("clip_style.md", "authors-not-italic"),
    ("tr_style.md", "title-not-bold"),
}


def findings(text: str) -> Counter:
    # By rule and line: a finding on the edited entry may be re-worded (it quotes the text).
    return Counter((v.name, v.line) for v in lint_text(text, today=TODAY).violations)


def entry_lines(text: str, first_line: int) -> range:
    from awesome_lint.parse.parser import parse

    e = next(e for e in parse(text).entries if e.line == first_line)
    return range(e.span.start_line, e.span.end_line + 1)


def _convention(rule: str) -> bool:
    from awesome_lint.rules import ALL_RULES
    from awesome_lint.rules.base import Kind

    return next(r for r in ALL_RULES if r.name == rule).kind is Kind.CONVENTION


def _parse(text: str):
    from awesome_lint.parse.parser import parse

    return parse(text)


@pytest.mark.parametrize("name", LISTS)
@pytest.mark.parametrize("rule", sorted(PLANTERS))
def test_planted_defect_is_found_by_its_rule(name, rule):
    text = (FIXTURES / "lists" / name).read_text(encoding="utf-8")
    planted = plant(text, rule)
    if (name, rule) in NOT_PLANTABLE:
        assert planted is None, f"{rule} can now be planted in {name}: drop it from NOT_PLANTABLE"
        return
    assert planted is not None, f"{rule} could not be planted in {name}"
    new_text, line = planted
    before, after = findings(text), findings(new_text)
    new = after - before
    if (name, rule) in NO_MAJORITY:
        assert _convention(rule) and len(_parse(text).entries) < 4
        assert not new, f"{rule} judged {name} without a clear majority: {sorted(new)}"
        return
    assert new, f"{rule} planted in {name} was not found"
    assert {n for n, _ in new} == {rule}, f"planting {rule} brought other findings: {sorted(new)}"
    # A finding may disappear only from the entry that was edited (the link it was about changed).
    touched = entry_lines(text, line)
    assert not [f for f in before - after if f[1] not in touched], (
        "planting removed findings elsewhere"
    )


def test_every_planter_plants_somewhere():
    # A planter that plants nowhere would leave its rule untested by every case above.
    for rule in PLANTERS:
        assert [n for n in LISTS if (n, rule) not in NOT_PLANTABLE], rule
    assert {rule for _, rule in NOT_PLANTABLE} <= set(PLANTERS)
    assert {name for name, _ in NOT_PLANTABLE} <= set(LISTS)
