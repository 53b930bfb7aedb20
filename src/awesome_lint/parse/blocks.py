"""Paper blocks with the date somewhere else (FORMATS.md §1, "shapes seen in other lists").

Date first, the date and venue line above the title::

    [12th Sep., 2023] [arXiv, 2023]<br>
    **Title**<br>
    *Authors*<br>
    [[Paper](u)]

Date last, the venue on the links line and a plain date line at the end::

    **Title**<br>
    *Authors*<br>
    [MICCAI 2023] [[Paper](u)] [[Code](u)]<br>
    12 Sep 2023

``entries.py`` calls these hooks while it groups and builds blocks; nothing here parses
Markdown itself.
"""

from __future__ import annotations

import dataclasses

from ..lazy import lazy_regex
from ..model import Entry, EntryLine, LineKind, Link, Span
from .dates import looks_like_date
from .makers import make_field, make_span, span_on_line
from .venues import find_venue

# Enum members read per line, as module constants (why: entries.py).
_KIND_DATE_VENUE = LineKind.DATE_VENUE
_KIND_LINKS = LineKind.LINKS

_GROUP = lazy_regex(r"\[([^\[\]]*)\][ \t]*")
_DATE, _TITLE = "date", "title"


def leading_venue(line: EntryLine, links: list[Link]) -> tuple[str, Span] | None:
    """The ``[Venue]`` in front of the links on a links line, when the rest of the line is links."""
    c = line.content
    pos = 0
    venue = None
    while True:
        m = _GROUP.match(c, pos)
        if not m or c[m.end(1) + 1 : m.end(1) + 2] == "(":
            break
        if looks_like_date(m.group(1)) or venue is not None:
            return None  # a date here is a date-venue line, maybe with links run into it
        col = line.indent + m.start(1) + 1
        venue = (m.group(1).strip(), span_on_line(line.number, col, col + len(m.group(1))))
        pos = m.end()
    first = min((lk.span.start_col for lk in links if lk.line == line.number), default=None)
    if venue is None and pos == 0 and first is not None:
        return _plain_leading_venue(line, c[: max(0, first - 1 - line.indent)])
    if venue is None or pos >= len(c):
        return None
    return venue if first is not None and first - 1 - line.indent <= pos + 1 else None


def _plain_leading_venue(line: EntryLine, head: str) -> tuple[str, Span] | None:
    """``arXiv 2023. [[Paper](u)]``: an unbracketed venue, then nothing but links."""
    found = find_venue(head) if head.strip() else None
    if found is None or found[0] != 0 or head[found[1] :].strip(" \t.,:;|-–—"):
        return None
    text = head[: found[1]].strip()
    col = line.indent + 1
    return text, span_on_line(line.number, col, col + len(text))


def regroup(cands: list[str], groups: list[list[int]]) -> tuple[list[list[int]], dict[int, int]]:
    """Move date lines that stand above a title into the title's entry.

    Returns the groups and, per group index, how many date lines lead it. Only a paragraph
    that opens with a date line is read date-first, so a date-last list is never split.
    """
    if len(groups) < 2 or any(cands[i] != _DATE for i in groups[0]):
        return groups, {}
    out: list[list[int]] = []
    leads: dict[int, int] = {}
    carry: list[int] = []
    for k, group in enumerate(groups):
        if all(cands[i] == _DATE for i in group) and k + 1 < len(groups):
            carry += group
            continue
        body = list(group)
        tail: list[int] = []
        if k + 1 < len(groups):
            while body and cands[body[-1]] == _DATE and len(body) > 1:
                tail.insert(0, body.pop())
        if carry:
            leads[len(out)] = len(carry)
        out.append(carry + body)
        carry = tail
    return out, leads


def with_leading_dates(entry: Entry, date_lines: list[EntryLine], read_date_venue) -> Entry:
    """``entry`` with the date lines above its title: its date, venue and span."""
    date, venue, field = read_date_venue(date_lines[0], [])
    first = date_lines[0]
    return dataclasses.replace(
        entry,
        span=make_span(first.number, first.indent + 1, entry.span.end_line, entry.span.end_col),
        layout="date-first",
        lines=tuple(date_lines) + entry.lines,
        date=entry.date or date,
        venue=entry.venue or venue,
        date_venue=entry.date_venue or field,
    )


def date_last(entry: Entry, links: list[Link]) -> Entry:
    """Mark a block whose date line comes after its links line, and read the venue there."""
    date_at = links_at = -1  # the first date line and the first links line
    for k, ln in enumerate(entry.lines):
        if ln.kind is _KIND_DATE_VENUE:
            if date_at < 0:
                date_at = k
        elif ln.kind is _KIND_LINKS and links_at < 0:
            links_at = k
    if date_at < 0 or links_at < 0 or date_at < links_at:
        return entry
    venue = entry.venue
    if venue is None:
        line = entry.line_of(_KIND_LINKS)
        found = leading_venue(line, links)
        if found:
            venue = make_field(*found)
    return dataclasses.replace(entry, layout="date-last", venue=venue)
