"""Shared by the two line-break rules: what a working break is and what the list writes."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..lazy import lazy_regex
from ..model import Entry, EntryLine, LineKind, Marker
from ..parse.layouts import BREAKLESS_LAYOUTS

DEFAULT_BREAK = "<br>"
MARKER_TEXT = {
    "<br>": Marker.BR,
    "<br/>": Marker.BR,
    "<br />": Marker.BR,
    " <br>": Marker.BR,
    " \\": Marker.BACKSLASH,
    "\\": Marker.BACKSLASH,
}


def working(line: EntryLine) -> bool:
    """A hard break that renders: a backslash followed by a space does not."""
    if line.marker is Marker.NONE:
        return False
    if line.marker is Marker.BACKSLASH and line.after_marker:
        return False
    return True


def break_text(entry: Entry, line: EntryLine, conventions, pinned: str) -> str:
    """The break to write on ``line``: pinned, else the list's for that field, else the entry's."""
    if pinned:
        return pinned
    conv = conventions.breaks.get(line.kind)
    if conv is not None:
        return conv.text
    for other in entry.lines:
        if other is not line and working(other):
            return other.text[other.content_end : other.marker_end]
    return DEFAULT_BREAK


def is_field_end(entry: Entry, index: int) -> bool:
    """True when line ``index`` ends a field: the next line starts another one."""
    if index + 1 >= len(entry.lines) or entry.layout in BREAKLESS_LAYOUTS:
        return False
    here, nxt = entry.lines[index], entry.lines[index + 1]
    return (
        here.kind is not nxt.kind
        or here.kind in (LineKind.OTHER, LineKind.LINKS)
        or closed_authors(entry, index)
    )


_WHOLE_ITALIC = lazy_regex(r"^\s*([*_])(?![*_\s]).*(?<![*_\s])\1\s*$")


def closed_authors(entry: Entry, index: int) -> bool:
    """An authors line whose italics open and close on it, read as continued by a plain next
    line: the authors ended there and the next field lost its line break (`*A, B*` then
    `Venue 2022. [[Paper]](u)`), so the break is what is missing, not the italics."""
    if index + 1 >= len(entry.lines):
        return False
    here, nxt = entry.lines[index], entry.lines[index + 1]
    return (
        here.kind is LineKind.AUTHORS
        and nxt.kind is LineKind.AUTHORS
        and bool(_WHOLE_ITALIC.match(here.text[: here.content_end]))
        and not _WHOLE_ITALIC.match(nxt.text[: nxt.content_end])
    )


@dataclass(frozen=True)
class BreakOptions:
    """The options of the line-break rules (their [rules.NAME] tables in a config)."""

    # Pin the break ("<br>", " <br>", " \\"); empty: the list's own, per kind of line.
    marker: str = field(default="", metadata={"choices": ("", *MARKER_TEXT)})
