"""Small helpers shared by rules: spans of lines and fields, short quotes for messages."""

from __future__ import annotations

from ..model import Entry, EntryLine, Span


def line_span(line: EntryLine) -> Span:
    """The content of an entry line, indentation and trailing whitespace excluded."""
    end = max(line.marker_end, line.content_end)
    return Span.on_line(line.number, line.indent + 1, max(end, line.indent) + 1)


def quote(text: str, limit: int = 60) -> str:
    """A short, single-line quotation of document text for a message."""
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return f'"{text}"'


def entry_name(entry: Entry) -> str:
    return quote(entry.title.text if entry.title else entry.lines[0].content, 50)


def clear(majority) -> bool:
    """True when a convention is strong enough to enforce."""
    return majority is not None and majority.clear
