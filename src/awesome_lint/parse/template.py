"""The list's entry template: per section (falling back to the whole list), the majority
sequence of roles with their decoration and separators, and a real entry to quote.

Convention rules compare an entry with ``template_for(doc, entry)``; where no shape has a
clear majority there is no template, and a convention rule has nothing to say.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..model import Document, Entry

CLEAR_SHARE = 0.5  # a shape is the template when more than this share of the entries use it


@dataclass(frozen=True, slots=True)
class Template:
    """A section's majority entry shape, with an entry of that shape to quote."""

    section: str  # slug of the section, "" for the whole list
    shape: tuple[str, ...]
    count: int  # entries of this shape
    total: int  # entries considered
    example: Entry  # the first entry of this shape, to quote

    def describe(self) -> str:
        return " ".join(self.shape)


def entry_shape(entry: Entry) -> tuple[str, ...]:
    """The entry's roles in order; for dedicated layouts, the layout and the fields it has."""
    if entry.shape:
        return entry.shape
    present = [
        name
        for name, value in (
            ("title:bold" if entry.title_bold else "title", entry.title),
            ("authors", entry.authors),
            ("date", entry.date),
            ("venue", entry.venue),
            ("links", entry.links),
        )
        if value
    ]
    return (entry.layout, *present)


def _majority(section: str, entries: list[Entry]) -> Template | None:
    if not entries:
        return None
    shapes = Counter(entry_shape(e) for e in entries)
    shape, count = shapes.most_common(1)[0]
    if count <= CLEAR_SHARE * len(entries):
        return None
    example = next(e for e in entries if entry_shape(e) == shape)
    return Template(section, shape, count, len(entries), example)


def templates(doc: Document) -> dict[str, Template]:
    """Section slug -> template, and "" -> the whole list's (when it has one)."""
    by_section: dict[str, list[Entry]] = {}
    for e in doc.entries:
        by_section.setdefault(e.section, []).append(e)
    out: dict[str, Template] = {}
    whole = _majority("", list(doc.entries))
    for slug, entries in by_section.items():
        t = _majority(slug, entries) if len(entries) >= 3 else None
        if t is not None:
            out[slug] = t
    if whole is not None:
        out.setdefault("", whole)
        out[""] = whole
    return out


def template_for(doc: Document, entry: Entry, known: dict[str, Template] | None = None):
    """The template an entry is judged by: its section's, else the whole list's, else None."""
    known = templates(doc) if known is None else known
    return known.get(entry.section) or known.get("")
