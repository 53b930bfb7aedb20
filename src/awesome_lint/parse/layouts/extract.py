"""Run the recognisers over a parsed document's headings, paragraphs, list items and tables."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter

from ...model import ClassicItem, Entry, Heading, Link
from .bullets import bullet_entry, read_bullet
from .classic import classic_item
from .numbered import numbered_entry
from .structure import ListItemBlock, TableBlock
from .tables import table_entries
from .units import Unit, decide, heading_units, item_unit, paragraph_units, table_units


def extract(
    lines: list[str],
    item_blocks: list[ListItemBlock],
    tables: list[TableBlock],
    links: list[Link],
    headings: list[Heading],
    entries: list[Entry],
    opaque: set[int],
    paragraphs: list[tuple[int, int]] = (),
) -> tuple[list[Entry], list[ClassicItem]]:
    """(paper entries in the other layouts, classic items) of one document.

    ``paragraphs`` are the paragraphs outside lists in which entries.py found no entry."""
    heading_lines = [h.line for h in headings]

    def heading_at(line: int) -> Heading | None:
        k = bisect_right(heading_lines, line) - 1
        return headings[k] if k >= 0 else None

    def section_at(line: int) -> str:
        h = heading_at(line)
        return h.slug if h else ""

    taken: set[int] = set()
    for e in entries:
        taken.update(range(e.span.start_line, e.span.end_line + 1))
    links_by_line: dict[int, list[Link]] = {}
    for lk in links:
        links_by_line.setdefault(lk.line, []).append(lk)

    def links_in(first: int, last: int) -> list[Link]:
        return [lk for n in range(first, last + 1) for lk in links_by_line.get(n, ())]

    item_starts = [b.start for b in item_blocks]

    def item_range(first: int, last: int) -> list[int]:
        return list(range(bisect_left(item_starts, first), bisect_right(item_starts, last)))

    more: list[Entry] = []
    units: list[Unit] = []
    children: dict[int, list[int]] = {}
    lists_at: dict[int, list[int]] = {}
    for k, blk in enumerate(item_blocks):
        if blk.parent is not None:
            children.setdefault(blk.parent, []).append(k)
        elif blk.depth == 0:
            lists_at.setdefault(blk.list_start, []).append(k)
    consumed: set[int] = set()  # items that are part of a larger unit

    def claim(unit: Unit) -> None:
        units.append(unit)
        consumed.update(unit.items_used)
        fallback = []
        for c in unit.items_used:
            sub = item_blocks[c]
            if sub.paragraph is not None:
                s0, s1 = sub.paragraph
                item = classic_item(sub, lines[s0 - 1 : s1], links_in(s0, s1), section_at(s0))
                if item is not None:
                    fallback.append(item)
        unit.fallback = tuple(fallback)
        if unit.entry is not None:
            taken.update(range(unit.first, unit.last + 1))

    for unit in heading_units(headings, lines, links_in, section_at, item_range, opaque):
        if not any(n in taken for n in range(unit.first, unit.last + 1)):
            claim(unit)
    free = [(a, b) for a, b in paragraphs if a not in taken]
    for unit in paragraph_units(
        free, lines, links_in, section_at, heading_at, lists_at, item_blocks
    ):
        claim(unit)
    for k, blk in enumerate(item_blocks):
        if k in consumed or blk.paragraph is None:
            continue
        first, last = blk.paragraph
        if first in taken or first in opaque:
            continue
        para = lines[first - 1 : last]
        section = section_at(first)
        para_links = links_in(first, last)
        bullet = read_bullet(first, para, para_links)
        unit = entry = None
        if bullet is not None:
            # The content reading wins where it finds more fields ("**Title** (2013), A. Author
            # et al. [[pdf]](u)": the bullet reader sees a title and links only). The
            # bullet's entry is made only when it wins.
            unit = item_unit(
                k, item_blocks, children.get(k, []), lines, links_in, section,
                heading_at(first), opaque,
            )  # fmt: skip
            if unit.entry is not None and _fields(unit.entry) > bullet.fields:
                claim(unit)
                continue
            entry = bullet_entry(first, para, section, bullet)
        if entry is None:
            subs = [item_blocks[c] for c in children.get(k, ())]
            found = numbered_entry(first, para, para_links, subs, lines, links_in, section)
            if found is not None:
                entry, used = found
                consumed.update(c for c in children.get(k, ()) if item_blocks[c] in used)
        if entry is not None:
            more.append(entry)
            taken.update(range(entry.span.start_line, entry.span.end_line + 1))
            continue
        unit = unit or item_unit(
            k, item_blocks, children.get(k, []), lines, links_in, section, heading_at(first), opaque
        )
        unit.item = classic_item(blk, para, para_links, section)
        claim(unit)
    for table in tables:
        if table.start in taken:
            continue
        found_rows = table_entries(table, lines, links_in, section_at)
        if found_rows:
            more.extend(found_rows)
        else:
            for unit in table_units(table, lines, links_in, section_at, heading_at):
                claim(unit)
    settled = Counter(e.section for e in entries + more)
    chosen, items = decide(units, settled)
    return more + chosen, items


def _fields(e: Entry) -> int:
    return sum(x is not None and x != () for x in (e.authors, e.date, e.venue))
