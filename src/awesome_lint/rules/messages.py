"""Small helpers shared by rules: spans of lines and fields, short quotes for messages."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..model import Entry, EntryLine, Span


def line_span(line: EntryLine) -> Span:
    """The content of an entry line, indentation and trailing whitespace excluded."""
    end = max(line.marker_end, line.content_end)
    return Span.on_line(line.number, line.indent + 1, max(end, line.indent) + 1)


def quote(text: str, limit: int = 60) -> str:
    """A short, single-line quotation of document text for a message."""
    # Collapsing a head of the text gives a prefix of the whole collapsed: when that is past
    # the limit, the rest (a whole section read as one title) need not be read.
    head = text[: 4 * limit]
    short = " ".join(head.split())
    text = short if len(short) > limit or len(head) == len(text) else " ".join(text.split())
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return f'"{text}"'


def entry_name(entry: Entry) -> str:
    return quote(_name_text(entry), 50)


def _name_text(entry: Entry) -> str:
    return entry.title.text if entry.title else entry.lines[0].content


def entry_names(a: Entry, b: Entry) -> tuple[str, str]:
    """Two entries' names, quoted long enough to tell apart: titles that share their first
    50 characters (two "Segment Anything in Medical Images: …") are quoted up to where
    they differ, and titles that are the same get their line numbers."""
    ta, tb = _name_text(a), _name_text(b)
    if quote(ta, 50) != quote(tb, 50):
        return quote(ta, 50), quote(tb, 50)
    if " ".join(ta.split()) == " ".join(tb.split()):
        return f"{quote(ta, 50)} (line {a.line})", f"{quote(tb, 50)} (line {b.line})"
    n = next(k for k, (x, y) in enumerate(zip(ta, tb)) if x != y) if ta[:1] else 0
    limit = n + 20 if n else max(len(ta), len(tb))
    return quote(ta, limit), quote(tb, limit)


def clear(majority) -> bool:
    """True when a convention is strong enough to enforce."""
    return majority is not None and majority.clear


@dataclass(frozen=True)
class Habit:
    """A habit the entries around an entry clearly share: how many show it, of how many,
    and the first line that does (quoted in messages as the list's own model)."""

    count: int
    total: int
    example: int

    def like(self) -> str:
        """ ", like 95 other entries, e.g. line 12": the list's own form, counted and located."""
        return f", like {self.count:,} other entr{'ies' if self.count != 1 else 'y'}, e.g. line {self.example}"


def habit(
    entries: Sequence[Entry], has: Callable[[Entry], bool]
) -> Callable[[Entry], Habit | None]:
    """For each entry, the habit ``has`` where its scope clearly follows it, else None.

    The scope is the entry's section when that holds at least MIN_SAMPLES entries, else the
    whole list; the habit is clear when CLEAR_MAJORITY of the scope shows it. A section that
    does otherwise on purpose (a list's one section of bare titles) is then left alone.
    """
    from ..parse.conventions import CLEAR_MAJORITY, MIN_SAMPLES

    def tally(total: int, showing: int, first: int | None) -> Habit | None:
        if total < MIN_SAMPLES or showing < CLEAR_MAJORITY * total:
            return None
        assert first is not None  # (a clear majority shows it)
        return Habit(showing, total, first)

    # One walk: each entry asked once, counted in its section and in the whole list.
    by_section: dict[str, list] = {}  # section -> [entries, showing, first line showing]
    showing = 0
    first = None
    for e in entries:
        counts = by_section.get(e.section)
        if counts is None:
            counts = by_section[e.section] = [0, 0, None]
        counts[0] += 1
        if has(e):
            counts[1] += 1
            showing += 1
            if counts[2] is None:
                counts[2] = e.line
            if first is None:
                first = e.line
    whole = tally(len(entries), showing, first)
    scoped = {
        s: (tally(*counts) if counts[0] >= MIN_SAMPLES else whole)
        for s, counts in by_section.items()
    }
    return lambda e: scoped.get(e.section)
