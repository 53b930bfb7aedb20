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


def test_only_frozen_slots_dataclasses_get_a_maker():
    @dataclasses.dataclass
    class Plain:
        x: int

    with pytest.raises(TypeError):
        maker(Plain)
