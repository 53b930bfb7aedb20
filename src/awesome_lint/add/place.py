"""Where a new entry goes: the section, its neighbours by date, the blank lines between.

An entry's date is its own date field, else a date written in brackets after its title
(``[2022-12]``), else the month its arXiv id names (``2305.09617`` is May 2023): lists
without dates are still ordered by them, newest or oldest first.
"""

from __future__ import annotations

import datetime
import re
from collections import Counter
from dataclasses import dataclass

from ..model import Document, Entry, Section
from ..parse.identity import arxiv_id

_BRACKET_DATE = re.compile(r"\[(\d{4})-?(\d{2})(?:-(\d{2}))?\]")
_NEW_ID = re.compile(r"^(\d{2})(\d{2})\.\d{4,5}$")
_NUMBER = re.compile(r"^(\s*)(\d+)([.)])(\s)")


class PlaceError(Exception):
    """No place for the entry; the message says what to do."""


@dataclass(frozen=True)
class Key:
    """A date, as precise as the list wrote it (day 0: month only)."""

    year: int
    month: int
    day: int

    def compare(self, other: Key) -> int:
        a = (self.year, self.month, self.day if self.day and other.day else 0)
        b = (other.year, other.month, other.day if self.day and other.day else 0)
        return (a > b) - (a < b)


def key_of_date(when: datetime.date, precise: bool = True) -> Key:
    return Key(when.year, when.month, when.day if precise else 0)


def entry_key(doc: Document, e: Entry) -> Key | None:
    if e.date is not None and e.date.year and e.date.month:
        return Key(e.date.year, e.date.month, e.date.day or 0)
    text = " ".join(ln.content for ln in e.lines)
    m = _BRACKET_DATE.search(text)
    if m and 1 <= int(m.group(2)) <= 12:
        return Key(int(m.group(1)), int(m.group(2)), int(m.group(3) or 0))
    for lk in e.links:
        aid = arxiv_id(lk.url)
        if aid and (m := _NEW_ID.match(aid)):
            return Key(2000 + int(m.group(1)), int(m.group(2)), 0)
    return None


def find_section(doc: Document, name: str | None) -> Section:
    with_entries = [s for s in doc.all_sections() if s.heading is not None and s.entries]
    if name is None:
        if len(with_entries) == 1:
            return with_entries[0]
        shown = ", ".join(f'"{s.title}"' for s in with_entries[:12]) or "none"
        raise PlaceError(f"name the section with --section (sections with entries: {shown})")
    wanted = name.strip().lower().lstrip("#")
    matches = [
        s
        for s in doc.all_sections()
        if s.heading is not None and wanted in (s.title.strip().lower(), s.heading.slug)
    ]
    if not matches:
        raise PlaceError(f"no section named {name!r}")
    section = matches[0]
    if not section.entries and any(sub.entries for sub in section.walk()):
        subs = ", ".join(f'"{s.title}"' for s in section.walk() if s.entries and s is not section)
        raise PlaceError(f"section {section.title!r} holds no entries itself: name one of {subs}")
    return section


def direction(doc: Document, section: Section, list_direction: str | None) -> str | None:
    keys = [k for e in section.entries if (k := entry_key(doc, e)) is not None]
    down = sum(1 for a, b in zip(keys, keys[1:]) if a.compare(b) > 0)
    up = sum(1 for a, b in zip(keys, keys[1:]) if a.compare(b) < 0)
    if down + up >= 2 and max(down, up) / (down + up) >= 0.75:
        return "newest-first" if down > up else "oldest-first"
    return list_direction


@dataclass(frozen=True)
class Placement:
    line: int  # the new lines go before this line (1-based; len(lines)+1 appends)
    before: Entry | None  # the entry the new one precedes (None: it comes last)
    gap: int  # blank lines between entries in this section


def placement(doc: Document, section: Section, new: Key, order: str | None) -> Placement:
    entries = section.entries
    gap = _gap(doc, entries)
    if not entries:
        assert section.heading is not None
        return Placement(section.heading.line + 1, None, 1)
    if order is not None:
        for e in entries:
            k = entry_key(doc, e)
            if k is None:
                continue
            c = new.compare(k)
            if (order == "newest-first" and c > 0) or (order == "oldest-first" and c < 0):
                return Placement(e.span.start_line, e, gap)
    return Placement(entries[-1].span.end_line + 1, None, gap)


def _gap(doc: Document, entries) -> int:
    gaps = Counter()
    for a, b in zip(entries, entries[1:]):
        between = doc.lines[a.span.end_line : b.span.start_line - 1]
        if all(not ln.strip() for ln in between):
            gaps[len(between)] += 1
    return gaps.most_common(1)[0][0] if gaps else 1


def insert(
    doc: Document, section: Section, entry_lines: list[str], where: Placement
) -> tuple[list[str], int]:
    """The document's lines with the entry inserted (numbering carried on); its first line."""
    lines = doc.text.split("\n")  # with the final newline's empty last line, if any
    block = list(entry_lines)
    renumber = _numbering(doc, section)
    if renumber and (m := _NUMBER.match(block[0])):
        if where.before is not None:
            n = _number(doc, where.before)
        else:
            n = (_number(doc, section.entries[-1]) or 0) + 1 if section.entries else 1
        if n is not None:
            block[0] = f"{m.group(1)}{n}{m.group(3)}{m.group(4)}{block[0][m.end() :]}"
    if where.before is not None:
        at = where.before.span.start_line - 1
        lines[at:at] = block + [""] * where.gap
        first = at + 1
        if renumber:
            _shift_numbers(lines, doc, section, where.before, len(block) + where.gap)
    else:
        at = where.line - 1
        pad = [""] * where.gap if section.entries else [""]
        lines[at:at] = pad + block
        first = at + len(pad) + 1
    return lines, first


def _number(doc: Document, e: Entry) -> int | None:
    m = _NUMBER.match(doc.lines[e.span.start_line - 1])
    return int(m.group(2)) if m else None


def _numbering(doc: Document, section: Section) -> bool | None:
    """True: items numbered 1, 2, 3 (carry on); False: all the same number; None: no numbers."""
    numbers = [_number(doc, e) for e in section.entries]
    if not numbers or any(n is None for n in numbers):
        return None
    return len(numbers) > 1 and all(b == a + 1 for a, b in zip(numbers, numbers[1:]))


def _shift_numbers(lines: list[str], doc: Document, section: Section, start: Entry, offset: int):
    seen = False
    for e in section.entries:
        seen = seen or e is start
        if not seen:
            continue
        i = e.span.start_line - 1 + offset
        m = _NUMBER.match(lines[i])
        if m:
            lines[i] = (
                f"{m.group(1)}{int(m.group(2)) + 1}{m.group(3)}{m.group(4)}{lines[i][m.end() :]}"
            )
