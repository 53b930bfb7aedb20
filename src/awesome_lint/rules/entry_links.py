"""Shared by the link rules: which links sit on an entry's links lines, and the list's form."""

from __future__ import annotations

from ..model import Document, Entry, LineKind, Link, LinkForm
from .messages import clear


def links_line_links(entry: Entry) -> list[Link]:
    if not entry.links:
        return []
    lines = {
        ln.number for ln in entry.lines if ln.kind is LineKind.LINKS or ln.kind is LineKind.ITEM
    }
    title = entry.title.span if entry.title else None
    # The title's own link ("[Title](u), Authors, Venue") is the title, not an entry link.
    return [
        lk
        for lk in entry.links
        if lk.line in lines and (title is None or not title.overlaps(lk.span))
    ]


# The last document's entry links: four rules read them, and one walk serves them all. Held by
# identity (a Document is immutable), one document at a time.
_walked: tuple[Document | None, tuple[tuple[Entry, Link], ...]] = (None, ())


def entry_links(doc: Document) -> tuple[tuple[Entry, Link], ...]:
    """(entry, link) for every link on an entry's links lines, in document order."""
    global _walked
    if _walked[0] is not doc:
        _walked = (doc, tuple((e, lk) for e in doc.entries for lk in links_line_links(e)))
    return _walked[1]


def list_form(conventions) -> LinkForm | None:
    """The bracketing the list uses for entry links, when most of its links agree."""
    m = conventions.link_form
    if not clear(m) or m.value is LinkForm.BARE:
        return None
    return m.value


def source(doc: Document, span) -> str:
    if span.start_line != span.end_line:
        lines = list(doc.lines[span.start_line - 1 : span.end_line])
        lines[-1] = lines[-1][: span.end_col - 1]
        lines[0] = lines[0][span.start_col - 1 :]
        return "\n".join(lines)
    return doc.lines[span.start_line - 1][span.start_col - 1 : span.end_col - 1]
