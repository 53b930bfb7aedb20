"""Fast makers for the model's frozen dataclasses, for the parser's hot paths.

A frozen dataclass's ``__init__`` sets each field with ``object.__setattr__``, a call through
a slot wrapper: a ``Span`` costs about 7,000 machine instructions to make (callgrind), and
the parser makes some 100,000 spans, lines, links and fields on a 700 KB list. A maker fills
an instance of a plain class with the same slots, then gives it the dataclass's class: the
same object (its fields, equality, hash, repr, and frozen from then on), in a third of the
time. test_makers.py checks every maker against its class's constructor.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import TypeVar

from ..kept_code import exec_kept
from ..model import Entry, EntryDate, EntryLine, Field, Link, Span

T = TypeVar("T")


def maker(cls: type[T]) -> Callable[..., T]:
    """A function taking ``cls``'s fields (positionally or by name, with their defaults) and
    returning the instance ``cls(...)`` would."""
    fields = dataclasses.fields(cls)
    names = [f.name for f in fields]
    if (
        not cls.__dataclass_params__.frozen
        or set(getattr(cls, "__slots__", ())) != set(names)
        or hasattr(cls, "__post_init__")
        or any(f.default_factory is not dataclasses.MISSING or not f.init for f in fields)
    ):
        raise TypeError(f"{cls.__name__}: not a frozen slots dataclass of plain fields")
    builder = type(f"_{cls.__name__}Builder", (), {"__slots__": cls.__slots__})
    params = ", ".join(
        n if f.default is dataclasses.MISSING else f"{n}=_default_{n}"
        for n, f in zip(names, fields)
    )
    body = "".join(f"    made.{n} = {n}\n" for n in names)
    source = f"def make({params}):\n    made = _Builder()\n{body}    made.__class__ = _Class\n    return made\n"
    scope = {"_Builder": builder, "_Class": cls}
    scope.update({f"_default_{f.name}": f.default for f in fields})
    exec_kept(source, scope)  # (how dataclasses itself makes __init__, and kept like it)
    make = scope["make"]
    make.__qualname__ = make.__name__ = f"make_{cls.__name__.lower()}"
    return make


make_span = maker(Span)
make_field = maker(Field)
make_link = maker(Link)
make_entry_line = maker(EntryLine)
make_entry = maker(Entry)
make_entry_date = maker(EntryDate)


def span_on_line(line: int, start_col: int, end_col: int) -> Span:
    """``Span.on_line``, made by ``make_span``."""
    return make_span(line, start_col, line, end_col)
