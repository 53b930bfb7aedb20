"""``--sort-entries``: reorder each section's entries by date, as text edits.

The policy, exactly:

- A *run* is a sequence of entries of one section separated only by blank lines. Anything
  else between two entries (prose, a comment, a rule, a sub-list) ends the run, and entries
  never move across it. Each run is sorted on its own.
- Entries are whole source lines; they move into one another's *slots*. The blank lines
  between slots stay where they are, so no blank line is added or lost and the list's
  spacing (one blank line here, two there) is kept.
- Dated entries are sorted stably by date: entries with the same date keep their order.
  Entries without a date (or with a date that cannot be read) keep their slot; the dated
  entries are sorted among the remaining slots.
- The direction is the one ``entry-out-of-order`` judges the section by: the pinned
  ``direction`` option, else the list's inferred direction, unless a long section clearly
  runs the other way (then its own). A section the rule considers unsorted on purpose, or
  a list whose direction cannot be inferred, is left alone with a note.
- In an ordered list the item numbers stay in their slots, so the numbering still counts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..config import Config
from ..diagnostics import Edit, Fix
from ..engine import options_for
from ..model import Document, Entry, Section, Span
from ..parse.conventions import infer
from ..rules import load
from ..rules.entry_out_of_order import EntryOutOfOrder, section_direction

_ORDERED = re.compile(r"^([ \t]*)(\d{1,9})([.)])")


@dataclass(frozen=True)
class SortPlan:
    fixes: tuple[Fix, ...]
    notes: tuple[str, ...]  # why something was left unsorted, for the user


def sort_fixes(doc: Document, config: Config) -> SortPlan:
    rule = load(EntryOutOfOrder.code)
    pinned = options_for(rule, config).direction
    direction = None if pinned == "infer" else pinned
    if direction is None:
        direction = infer(doc).direction
        if direction is None:
            if any(len(_dated(s.entries)) >= 2 for s in doc.all_sections()):
                why = (
                    "cannot tell whether the list is sorted newest or oldest first; "
                    "pin it with [rules.entry-out-of-order] direction"
                )
                return SortPlan((), (why,))
            return SortPlan((), ())
    fixes: list[Fix] = []
    notes: list[str] = []
    for section in doc.all_sections():
        dated = _dated(section.entries)
        if len(dated) < 2:
            continue
        own = direction if pinned != "infer" else section_direction(dated, direction)
        if own is None:
            notes.append(f"section {_title(section)!r} is not sorted on purpose; left as it is")
            continue
        for run in _runs(doc, section.entries):
            fix = _sort_run(doc, run, own, _title(section))
            if fix is not None:
                fixes.append(fix)
    return SortPlan(tuple(fixes), tuple(notes))


def _dated(entries) -> list[Entry]:
    return [e for e in entries if e.date is not None and e.date.value is not None]


def _title(section: Section) -> str:
    return section.heading.text if section.heading else "(before the first heading)"


def _runs(doc: Document, entries: tuple[Entry, ...]) -> list[list[Entry]]:
    runs: list[list[Entry]] = []
    for e in entries:
        if runs:
            prev = runs[-1][-1]
            between = doc.lines[prev.span.end_line : e.span.start_line - 1]
            if all(not ln.strip() for ln in between):
                runs[-1].append(e)
                continue
        runs.append([e])
    return [r for r in runs if len(r) > 1]


def _sort_run(doc: Document, run: list[Entry], direction: str, title: str) -> Fix | None:
    newest_first = direction == "newest-first"
    slots = [i for i, e in enumerate(run) if e.date is not None and e.date.value is not None]
    dated = [run[i] for i in slots]
    ordered = sorted(
        dated, key=lambda e: -e.date.value.toordinal() if newest_first else e.date.value.toordinal()
    )
    if ordered == dated:
        return None
    placed = list(run)
    for i, e in zip(slots, ordered):
        placed[i] = e
    edits = []
    for slot, entry in zip(run, placed):
        if slot is entry:
            continue
        first, last = slot.span.start_line, slot.span.end_line
        lines = list(doc.lines[entry.span.start_line - 1 : entry.span.end_line])
        lines[0] = _keep_number(doc.lines[first - 1], lines[0])
        edits.append(Edit(Span(first, 1, last, len(doc.lines[last - 1]) + 1), "\n".join(lines)))
    moved = len(edits)
    return Fix(
        tuple(edits), f"sort {moved} entries of {title!r} by date, {direction.replace('-', ' ')}"
    )


def _keep_number(slot_line: str, moved_line: str) -> str:
    """In an ordered list, the slot keeps its item number (and indentation)."""
    slot, moved = _ORDERED.match(slot_line), _ORDERED.match(moved_line)
    if slot is None or moved is None:
        return moved_line
    return slot.group(0) + moved_line[moved.end() :]
