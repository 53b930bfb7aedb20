from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from ..model import Document, Section
from .base import Kind, Rule, Severity
from .messages import entry_names, quote

# A section with this many steps between dated entries is judged on its own: it follows
# the list's direction if at least MIN_SORTED_SHARE of its steps do, keeps its own if 75%
# run the other way, and is otherwise not sorted on purpose (no findings).
OWN_DIRECTION_PAIRS = 4
MIN_SORTED_SHARE = 0.6


@dataclass(frozen=True)
class Options:
    """The [rules.entry-out-of-order] options of a config."""

    # "infer" from the list's majority, or pin "newest-first" / "oldest-first".
    direction: str = field(
        default="infer", metadata={"choices": ("infer", "newest-first", "oldest-first")}
    )


class EntryOutOfOrder(Rule):
    code = "AL212"
    summary = "An entry whose date breaks its section's order (newest first or oldest first)"
    default_severity = Severity.WARNING
    kind = Kind.CONVENTION
    tags = ("entries", "dates", "order")
    Options = Options

    def check(self, doc: Document, ctx):
        direction = ctx.options.direction
        pinned = direction != "infer"
        if not pinned:
            direction = ctx.conventions.direction
        if direction is None:
            return
        for section in doc.all_sections():
            yield from self._section(section, direction, pinned)

    def _section(self, section: Section, direction: str, pinned: bool):
        dated = [e for e in section.entries if e.date and e.date.value]
        if len(dated) < 2:
            return
        if not pinned:
            direction = section_direction(dated, direction)
            if direction is None:
                return
        newest_first = direction == "newest-first"
        keys = [
            (-e.date.value.toordinal() if newest_first else e.date.value.toordinal()) for e in dated
        ]
        keep = longest_sorted(keys)
        for i, e in enumerate(dated):
            if i in keep:
                continue
            above = next((j for j in range(i - 1, -1, -1) if j in keep), None)
            below = next((j for j in range(i + 1, len(dated)) if j in keep), None)
            # Name the neighbour it actually conflicts with.
            j, where = (
                (above, "above")
                if above is not None and keys[i] < keys[above]
                else (below, "below")
            )
            if j is None:
                j, where = above, "above"
            other = dated[j]
            rel = "newer" if e.date.value > other.date.value else "older"
            name, other_name = entry_names(e, other)
            yield self.violation(
                e.date.span,
                f"entry {name} dated {quote(e.date.raw, 24)} is out of order: {rel} than "
                f"{other_name} ({other.date.raw}) {where} it; the section is sorted {direction.replace('-', ' ')}",
                severity=Severity.ERROR if pinned else None,
            )


def section_direction(dated, list_direction: str) -> str | None:
    """The list's direction, unless a long section clearly keeps its own, or no order at all.

    Short sections follow the list (a 3-entry section says little about intent).
    """
    down = sum(1 for a, b in zip(dated, dated[1:]) if a.date.value > b.date.value)
    up = sum(1 for a, b in zip(dated, dated[1:]) if a.date.value < b.date.value)
    pairs = down + up
    if pairs < OWN_DIRECTION_PAIRS:
        return list_direction
    along = (down if list_direction == "newest-first" else up) / pairs
    if along >= MIN_SORTED_SHARE:
        return list_direction
    if 1 - along >= 0.75:
        return "oldest-first" if list_direction == "newest-first" else "newest-first"
    return None


def longest_sorted(keys: list[int]) -> set[int]:
    """Indices of one longest non-decreasing subsequence: the entries that are in place.

    Built from the end, so of two equally long answers the one that keeps the earlier entry
    wins: in an adjacent swap the entry further down is reported, as a reader would.
    """
    rev = [-k for k in reversed(keys)]
    tails: list[int] = []
    tail_idx: list[int] = []
    prev = [-1] * len(rev)
    for i, k in enumerate(rev):
        pos = bisect_right(tails, k)
        if pos == len(tails):
            tails.append(k)
            tail_idx.append(i)
        else:
            tails[pos] = k
            tail_idx[pos] = i
        prev[i] = tail_idx[pos - 1] if pos > 0 else -1
    keep = set()
    i = tail_idx[-1] if tail_idx else -1
    while i != -1:
        keep.add(len(keys) - 1 - i)
        i = prev[i]
    return keep
