"""Entries of layouts no dedicated recogniser knows: find the unit that repeats, read its parts
by content (roles.py), and let each section's majority decide paper list or classic list.

Units, tried in this order so a larger unit claims its parts first:

- a heading with its body, where headings hold the papers (``### [Title](u)`` then bullets);
- a paragraph outside lists: the paragraph, or each of its lines when the lines repeat a
  shape (``[Title](u), Venue YYYY`` one per line); a lone bold line followed by a list of
  ``Paper: url`` bullets is one unit with that list;
- a list item with the sub-items that are not entries themselves (``- **Title**`` /
  ``  - Authors`` / ``  - [[Paper]](u)``);
- a table row, when the header names no title column: columns get roles from their cells.

A unit is a paper when it has a title and either a field (authors, date, venue: strength 2)
or a paper link (strength 1). A section is a paper section when most of its units are papers;
there, units in classic shape (``- [Name](url) - Description``) are entries, not items. In a
section where most units are not papers, only classic items are kept.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from ...lazy import lazy_regex
from ...model import ClassicItem, Entry, Heading, LineKind, Link, Span
from ..entries import analyze_line, strip_bullet
from .fields import Text, new_entry
from .roles import Reading, find_date, is_decoration, read_unit, year_date
from .structure import ListItemBlock, TableBlock
from .tables import cells

# Enum members read per line, as module constants (why: entries.py).
_KIND_ITEM = LineKind.ITEM

_HEADING_DATE = lazy_regex(r"^\s*((?:19|20)\d{2})(?:[-./](0?[1-9]|1[0-2]))?\s*$")
PAPER_SHARE = 0.5  # a section is a paper section when at least this share of its units are papers
_MIN_SECTION_UNITS = 3  # fewer units than this: the whole list's share decides
_MAX_FIELD_ITEMS = 8  # a title's fields as a list: a few bullets (Paper, Code, Homepage…)


@dataclass
class Unit:
    """One repeating unit of a section (an entry or a classic item) and its lines."""

    first: int
    last: int
    section: str
    reading: Reading | None
    entry: Entry | None
    item: ClassicItem | None = None
    items_used: tuple[int, ...] = ()  # list item indices consumed by this unit
    # The classic items of the consumed list items: kept when the unit is not an entry.
    fallback: tuple[ClassicItem, ...] = ()

    @property
    def strength(self) -> int:
        return self.reading.strength if self.reading and self.entry else 0


def unit_entry(
    reading: Reading,
    lines: list[str],
    first: int,
    last: int,
    prefix: int,
    layout: str,
    section: str,
    heading: Heading | None,
) -> Entry:
    date = reading.date
    if date is None and heading is not None:
        date = heading_date(heading)
    src = [
        analyze_line(n, lines[n - 1], prefix if n == first else 0, _KIND_ITEM)
        for n in range(first, last + 1)
        if lines[n - 1].strip()
    ]
    end = src[-1] if src else analyze_line(last, lines[last - 1])
    return new_entry(
        Span(first, (prefix or src[0].indent if src else 0) + 1, end.number, len(end.text) + 1),
        layout,
        src,
        reading.title,
        [lk for lk in reading.links if not is_decoration(lk)],
        section,
        title_bold=reading.title_form.startswith("bold"),
        authors=reading.authors,
        authors_field=reading.authors_field,
        date=date,
        venue=reading.venue,
        shape=reading.shape,
    )


def heading_date(h: Heading):
    """A year or month heading (``## 2021``, ``#### 2017-11``) dates the entries under it."""
    m = _HEADING_DATE.match(h.text)
    if not m:
        return None
    span = Span(h.line, 1, h.line, len(h.raw) + 1)
    if m.group(2):
        return find_date(h.text, lambda a, b: span)
    return year_date(m.group(1), span)


def read_lines(
    lines: list[str], first: int, last: int, links: list[Link], prefix: int = 0, heading=False
) -> Reading | None:
    text = Text(first, tuple(lines[first - 1 : last]))
    start = prefix
    if heading:
        start = len(lines[first - 1]) - len(lines[first - 1].lstrip("# \t"))
    body_end = len(text.joined)
    return read_unit(text, start, body_end, links, heading=heading)


def paragraph_units(
    paragraphs: list[tuple[int, int]],
    lines: list[str],
    links_in: Callable[[int, int], list[Link]],
    section_at: Callable[[int], str],
    heading_at: Callable[[int], Heading | None],
    lists_at: dict[int, list[int]],
    item_blocks: list[ListItemBlock],
) -> list[Unit]:
    """Units made of paragraphs outside lists (one per line when the lines repeat)."""
    out: list[Unit] = []
    for p0, p1 in paragraphs:
        section, heading = section_at(p0), heading_at(p0)
        if p1 > p0:
            per_line = [(n, read_lines(lines, n, n, links_in(n, n))) for n in range(p0, p1 + 1)]
            papers = [r for _, r in per_line if r is not None and r.strength]
            if len(papers) >= 2 and len(papers) >= 0.6 * len(per_line):
                for n, r in per_line:
                    entry = (
                        unit_entry(r, lines, n, n, 0, "line", section, heading)
                        if r is not None and r.strength
                        else None
                    )
                    out.append(Unit(n, n, section, r, entry))
                continue
        r = read_lines(lines, p0, p1, links_in(p0, p1))
        used: tuple[int, ...] = ()
        last = p1
        label = lines[p0 - 1].rstrip(" \t*_").endswith((":", "："))  # "**CNNs**:" heads a group
        if r is not None and r.strength == 0 and p1 == p0 and r.title_form != "plain" and not label:
            # **Title** then a short list of "- Paper: url" bullets (no entries themselves): one unit.
            after = lists_at.get(p1 + 2) or lists_at.get(p1 + 1)
            if (
                after
                and len(after) <= _MAX_FIELD_ITEMS
                and not any(_is_entry(lines, item_blocks[k], links_in, 1) for k in after)
            ):
                last = max(item_blocks[k].end for k in after)
                last = _last_content(lines, p0, last)
                merged = read_lines(lines, p0, last, links_in(p0, last))
                if merged is not None and merged.strength:
                    r, used = merged, tuple(after)
                else:
                    last = p1
        entry = (
            unit_entry(r, lines, p0, last, 0, "paragraph", section, heading)
            if r is not None and r.strength
            else None
        )
        out.append(Unit(p0, last, section, r, entry, items_used=used if entry else ()))
    return out


def _is_entry(lines: list[str], blk: ListItemBlock, links_in, strength: int = 2) -> bool:
    """A list item that reads as a paper of its own: a titled item with a field (or, with
    ``strength=1``, any titled item with a paper link: "- Paper: url" is neither)."""
    if blk.paragraph is None:
        return False
    s0, s1 = blk.paragraph
    r = read_lines(lines, s0, s1, links_in(s0, s1), strip_bullet(lines[s0 - 1]))
    if r is None or r.strength < strength:
        return False
    return strength < 2 or r.title_form != "plain"


def heading_units(
    headings: list[Heading],
    lines: list[str],
    links_in: Callable[[int, int], list[Link]],
    section_at: Callable[[int], str],
    item_range: Callable[[int, int], list[int]],
    opaque: set[int],
) -> list[Unit]:
    """One paper per heading: ``### [Title](u)`` and the fields below it, where headings repeat so."""
    linked = [
        k
        for k, h in enumerate(headings)
        if any(
            not lk.url.startswith("#") and not is_decoration(lk) for lk in links_in(h.line, h.line)
        )
    ]
    if len(linked) < 3:
        return []
    out: list[Unit] = []
    for k in linked:
        h = headings[k]
        end = headings[k + 1].line - 1 if k + 1 < len(headings) else len(lines)
        end = _last_content(lines, h.line, end, opaque)
        r = read_lines(lines, h.line, end, links_in(h.line, end), heading=True)
        if r is None or not r.strength:
            continue
        entry = unit_entry(r, lines, h.line, end, 0, "heading", section_at(h.line), None)
        out.append(
            Unit(
                h.line,
                end,
                section_at(h.line),
                r,
                entry,
                items_used=tuple(item_range(h.line + 1, end)),
            )
        )
    return out


def _last_content(lines: list[str], first: int, last: int, opaque: set[int] = frozenset()) -> int:
    while last > first and (not lines[last - 1].strip() or last in opaque):
        last -= 1
    return last


def item_unit(
    k: int,
    item_blocks: list[ListItemBlock],
    children: list[int],
    lines: list[str],
    links_in: Callable[[int, int], list[Link]],
    section: str,
    heading: Heading | None,
    opaque: set[int],
) -> Unit | None:
    """The unit of list item ``k``: its paragraph, with the sub-items that are not entries."""
    blk = item_blocks[k]
    p0, p1 = blk.paragraph
    prefix = strip_bullet(lines[p0 - 1])
    own = read_lines(lines, p0, p1, links_in(p0, p1), prefix)
    used: list[int] = []
    last = p1
    # The item's whole body (later paragraphs, sub-items) belongs to it unless a sub-item is
    # a paper of its own (then the item is a group label for a nested list of papers).
    nested_papers = any(_is_entry(lines, item_blocks[c], links_in) for c in children)
    body_end = _last_content(lines, p0, blk.end, opaque)
    cut = next((n for n in range(p1 + 1, body_end + 1) if n in opaque), None)
    if cut is not None:
        body_end = _last_content(lines, p0, cut - 1, opaque)
    if not nested_papers and body_end > p1:
        merged = read_lines(lines, p0, body_end, links_in(p0, body_end), prefix)
        if merged is not None and (own is None or merged.strength >= own.strength):
            own, last = merged, body_end
            used = [c for c in children if item_blocks[c].start <= body_end]
    if own is None:
        return Unit(p0, p1, section, None, None)
    entry = (
        unit_entry(own, lines, p0, last, prefix, "item", section, heading) if own.strength else None
    )
    return Unit(p0, last, section, own, entry, items_used=tuple(used) if entry else ())


def table_units(
    table: TableBlock,
    lines: list[str],
    links_in: Callable[[int, int], list[Link]],
    section_at: Callable[[int], str],
    heading_at: Callable[[int], Heading | None],
) -> list[Unit]:
    """Rows of a table whose header names no title: the title column is the one whose cells
    hold the most linked or long text; the rows are read cell by cell."""
    rows = [n for n in range(table.start + 2, table.end + 1) if lines[n - 1].strip()]
    if len(rows) < 2:
        return []
    width = len(cells(lines[table.start - 1]))
    score = [0.0] * width
    for n in rows:
        row = lines[n - 1]
        row_links = [lk for lk in links_in(n, n) if not is_decoration(lk)]
        for c, (a, b) in enumerate(cells(row)[:width]):
            cell = row[a:b]
            linked = any(a < lk.span.start_col <= b for lk in row_links)
            words = len(re.findall(r"[^\W\d_]{2,}", re.sub(r"\([^)]*\)|<[^>]*>", "", cell)))
            score[c] += (2 if linked else 0) + min(words, 12) / 4
    if not score:
        return []
    title_col = max(range(width), key=lambda c: score[c])
    out = []
    for n in rows:
        row = lines[n - 1]
        spans = cells(row)
        if title_col >= len(spans):
            continue
        a, b = spans[title_col]
        row_links = links_in(n, n)
        text = Text(n, (row,))
        r = read_unit(text, a, b, row_links)
        if r is None:
            continue
        # The other cells: each a date, a venue, authors, or links.
        date, venue, authors, authors_field = r.date, r.venue, r.authors, r.authors_field
        extra: list[Link] = []
        for c, (x, y) in enumerate(spans):
            if c == title_col:
                continue
            cell_links = [
                lk for lk in row_links if x < lk.span.start_col <= y and not is_decoration(lk)
            ]
            extra += cell_links
            cell = row[x:y].strip()
            if not cell or cell_links:
                continue
            if date is None:
                date = find_date(cell, lambda p, q, x=x: Span(n, x + 1, n, y + 1))
                if date is not None:
                    continue
            if venue is not None and authors is not None:
                continue  # (nothing the cell's reading could add: not read)
            cr = read_unit(text, x, y, [])
            if cr is not None and venue is None and cr.venue is not None:
                venue = cr.venue
            elif cr is not None and authors is None and cr.authors is not None:
                authors, authors_field = cr.authors, cr.authors_field
        has = bool(date or venue or authors)
        linked = any(not is_decoration(lk) for lk in r.links) or bool(extra)
        # A row without a link is no paper entry (a changelog, a table of numbers), nor is a
        # row with a link and nothing else (a table of datasets or tools).
        strength = 2 if linked and has else 0
        reading = Reading(
            r.title, "cell", r.title_link, authors, authors_field, date, venue,
            tuple(r.links) + tuple(extra), ("|", f"title:{r.title_form}", "|"), strength,
        )  # fmt: skip
        entry = (
            unit_entry(reading, lines, n, n, 0, "table", section_at(n), heading_at(n))
            if strength
            else None
        )
        out.append(Unit(n, n, section_at(n), reading, entry))
    return out


def decide(units: list[Unit], settled: dict[str, int]) -> tuple[list[Entry], list[ClassicItem]]:
    """Keep each unit's entry or its classic item, by its section's majority (the whole list's
    where a section has too few units). ``settled`` counts entries other recognisers found."""
    per: dict[str, list[int]] = {}
    for u in units:
        c = per.setdefault(u.section, [0, 0])
        # Only units that are a paper or a classic item vote; the rest (a table of contents
        # line, a group label, prose) is neither and says nothing about the section.
        c[0] += bool(u.entry or u.item)
        c[1] += bool(u.entry)
    kinds = Counter(_kind(u) for u in units if u.entry is not None)
    total = sum(c[0] for c in per.values()) + sum(settled.values())
    papers = sum(c[1] for c in per.values()) + sum(settled.values())
    whole = papers >= PAPER_SHARE * total if total else False
    entries: list[Entry] = []
    items: list[ClassicItem] = []
    for u in units:
        n, p = per[u.section]
        n += settled.get(u.section, 0)
        p += settled.get(u.section, 0)
        repeated = n >= _MIN_SECTION_UNITS
        paper = (p >= PAPER_SHARE * n) if repeated else whole
        # A lone sentence with a date in it is prose, not an entry: a plain title counts
        # only where the section, or the list, repeats its shape.
        lone_plain = (
            u.entry is not None
            and u.reading.title_form == "plain"
            and not repeated
            and kinds[_kind(u)] < _MIN_SECTION_UNITS
        )
        if (
            u.entry is not None
            and not lone_plain
            and (paper or (u.item is None and u.strength == 2 and whole))
        ):
            entries.append(u.entry)
        else:
            items.extend(([u.item] if u.item is not None else []) + list(u.fallback))
    return entries, items


def _kind(u: Unit) -> tuple:
    """The coarse shape of a unit: where it comes from, its title's form, the fields it has."""
    r = u.reading
    return (u.entry.layout, r.title_form, bool(r.authors), bool(r.date), bool(r.venue))
