"""The parser's fast makers give the very objects the model's constructors give."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given
from hypothesis import strategies as st

from awesome_lint.model import Entry, EntryLine, Field, LineKind, Link, LinkForm, Marker, Span
from awesome_lint.parse.makers import (
    make_entry,
    make_entry_line,
    make_field,
    make_link,
    make_span,
    maker,
    span_on_line,
)


@given(st.integers(), st.integers(), st.integers(), st.integers())
def test_make_span_is_span(a, b, c, d):
    made = make_span(a, b, c, d)
    assert type(made) is Span
    assert made == Span(a, b, c, d) and hash(made) == hash(Span(a, b, c, d))
    assert repr(made) == repr(Span(a, b, c, d))
    assert span_on_line(a, b, c) == Span.on_line(a, b, c)


def test_made_objects_are_frozen_and_equal_to_constructed_ones():
    span = make_span(1, 2, 1, 5)
    with pytest.raises(dataclasses.FrozenInstanceError):
        span.start_line = 3  # type: ignore[misc]
    link = make_link("Paper", "u", LinkForm.BRACKETED, span, span, span, 1)
    assert link == Link("Paper", "u", LinkForm.BRACKETED, span, span, span, 1)
    line = make_entry_line(1, "**T**<br>", 0, 5, Marker.BR, 5, 9, "", LineKind.TITLE)
    assert line == EntryLine(1, "**T**<br>", 0, 5, Marker.BR, 5, 9, "", LineKind.TITLE)
    title = make_field("T", span)
    assert title == Field("T", span)
    fields = dict(
        span=span, layout="block", lines=(line,), title=title, title_bold=True, authors=None,
        authors_field=None, authors_italic=None, date=None, venue=None, date_venue=None,
        links=(link,), section="s",
    )  # fmt: skip
    assert make_entry(**fields) == Entry(**fields)  # the default shape too
    assert make_entry(**fields, shape=("x",)) == Entry(**fields, shape=("x",))


def test_the_rules_findings_are_the_constructors_findings():
    from awesome_lint.diagnostics import Edit, Fix, Severity, Violation
    from awesome_lint.rules.base import _make_violation, replacement

    span = make_span(3, 1, 3, 4)
    fix = replacement(span, "x", "do it")
    assert fix == Fix.replace(span, "x", "do it") and type(fix.edits[0]) is Edit
    assert hash(fix) == hash(Fix((Edit(span, "x"),), "do it"))
    made = _make_violation("AL001", "trailing-whitespace", "m", span, Severity.WARNING, fix)
    built = Violation("AL001", "trailing-whitespace", "m", span, Severity.WARNING, fix)
    assert made == built and repr(made) == repr(built) and hash(made) == hash(built)
    assert _make_violation("AL001", "n", "m", span, Severity.INFO) == Violation(
        "AL001", "n", "m", span, Severity.INFO
    )


def test_entry_date_is_made_as_constructed():
    import datetime

    from awesome_lint.model import EntryDate
    from awesome_lint.parse.entries import entry_date
    from awesome_lint.parse.makers import make_entry_date

    span = make_span(1, 2, 1, 17)
    made = entry_date("12th Sep., 2023", span)
    assert type(made) is EntryDate and made.value == datetime.date(2023, 9, 12)
    assert made == EntryDate(**{f.name: getattr(made, f.name) for f in dataclasses.fields(made)})
    fields = ("2023", span, None, None, None, 2023, None, None, None, None, None)
    assert make_entry_date(*fields) == EntryDate(*fields)


def test_only_frozen_slots_dataclasses_get_a_maker():
    @dataclasses.dataclass
    class Plain:
        x: int

    with pytest.raises(TypeError):
        maker(Plain)
