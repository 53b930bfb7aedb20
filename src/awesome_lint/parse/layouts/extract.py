"""Run the recognisers over a parsed document's list items and tables."""

from __future__ import annotations

from bisect import bisect_right

from ...model import ClassicItem, Entry, Heading, Link
from .bullets import paper_bullet
from .classic import classic_item
from .numbered import numbered_entry
from .structure import ListItemBlock, TableBlock
from .tables import table_entries


def extract(
    lines: list[str],
    item_blocks: list[ListItemBlock],
    tables: list[TableBlock],
    links: list[Link],
    headings: list[Heading],
    entries: list[Entry],
    opaque: set[int],
) -> tuple[list[Entry], list[ClassicItem]]:
    """(paper entries in the other layouts, classic items) of one document."""
    heading_lines = [h.line for h in headings]

    def section_at(line: int) -> str:
        k = bisect_right(heading_lines, line) - 1
        return headings[k].slug if k >= 0 else ""

    taken: set[int] = set()
    for e in entries:
        taken.update(range(e.span.start_line, e.span.end_line + 1))
    links_by_line: dict[int, list[Link]] = {}
    for lk in links:
        links_by_line.setdefault(lk.line, []).append(lk)

    def links_in(first: int, last: int) -> list[Link]:
        return [lk for n in range(first, last + 1) for lk in links_by_line.get(n, ())]

    more: list[Entry] = []
    items: list[ClassicItem] = []
    children: dict[int, list[int]] = {}
    for k, blk in enumerate(item_blocks):
        if blk.parent is not None:
            children.setdefault(blk.parent, []).append(k)
    consumed: set[int] = set()  # sub-items that hold an entry's fields
    for k, blk in enumerate(item_blocks):
        if k in consumed or blk.paragraph is None:
            continue
        first, last = blk.paragraph
        if first in taken or first in opaque:
            continue
        para = lines[first - 1 : last]
        section = section_at(first)
        para_links = links_in(first, last)
        entry = paper_bullet(first, para, para_links, section)
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
        item = classic_item(blk, para, para_links, section)
        if item is not None:
            items.append(item)
    for table in tables:
        if table.start in taken:
            continue
        more.extend(table_entries(table, lines, links_in, section_at))
    return more, items
