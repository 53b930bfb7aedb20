"""Shared by the link rules: which links sit on an entry's links lines, and the list's form."""

from __future__ import annotations

from ..model import Document, Entry, Link, LinkForm
from .facts import facts
from .messages import clear


def entry_links(doc: Document) -> tuple[tuple[Entry, Link], ...]:
    """(entry, link) for every link on an entry's links lines, in document order: one walk
    for the four rules that read them (facts.py)."""
    return facts(doc).entry_links


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
