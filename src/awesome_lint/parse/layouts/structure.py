"""Block structure the parser hands to the layout recognisers: list items and tables.

Plain data, so the recognisers never see markdown-it-py (the parser stays its only importer).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ListItemBlock:
    """A list item as the block pass found it: its lines, depth and kind of list."""

    start: int  # 1-based line of the bullet
    end: int  # last line of the item, nested lists included
    depth: int  # 0 for an item of a top-level list
    ordered: bool  # "1." rather than "-"
    list_start: int  # first line of the list that holds the item
    paragraph: (
        tuple[int, int] | None
    )  # first and last line of its first paragraph, when it starts with one
    parent: int | None  # index of the enclosing item in the same tuple


@dataclass(frozen=True, slots=True)
class TableBlock:
    """A pipe table's lines, header row to last row."""

    start: int  # the header row
    end: int  # the last row
