from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ..model import Document
from .base import Kind, Rule, Severity
from .classic_items import item_label
from .entry_out_of_order import longest_sorted


def sort_key(name: str) -> str:
    """Alphabetical the way a reader looks things up: case, accents and leading symbols ignored."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode() or name
    return re.sub(r"^[\W_]+", "", plain.casefold())


@dataclass(frozen=True)
class Options:
    """The [rules.unsorted-items] options of a config."""

    # Lists shorter than this are not checked (two or three items are in any order by chance).
    min_items: int = 3


class UnsortedItems(Rule):
    code = "AL415"
    summary = "A classic item out of alphabetical order within its list (opt-in)"
    default_severity = Severity.WARNING
    kind = Kind.CONVENTION
    tags = ("classic", "items", "order")
    Options = Options

    def check(self, doc: Document, ctx):
        groups: dict[tuple[int, int], list] = {}
        for item in doc.items:
            groups.setdefault((item.group, item.depth), []).append(item)
        for items in groups.values():
            if len(items) < max(ctx.options.min_items, 2):
                continue
            keys = [sort_key(i.name) for i in items]
            rank = {k: r for r, k in enumerate(sorted(set(keys)))}
            keep = longest_sorted([rank[k] for k in keys])
            for k, item in enumerate(items):
                if k in keep:
                    continue
                after = next((items[j] for j in range(k - 1, -1, -1) if j in keep), None)
                where = f"after {item_label(after)}" if after is not None else "at the top"
                yield self.violation(
                    item.link.span,
                    f"item {item_label(item)} is out of alphabetical order ({where})",
                )
