from __future__ import annotations

from ..model import Document, LineKind
from ..parse.identity import normalize_title
from .base import Rule, Severity
from .messages import entry_name, line_span, quote


class MissingAuthors(Rule):
    code = "AL202"
    name = "missing-authors"
    summary = "An entry without authors: no author line, a placeholder, or the title repeated"
    default_severity = Severity.ERROR
    tags = ("entries",)

    def check(self, doc: Document, ctx):
        entries = doc.entries
        with_line = sum(1 for e in entries if e.authors_field is not None)
        if not entries or with_line * 2 < len(entries):
            return  # the list does not name authors
        for e in entries:
            line = e.line_of(LineKind.AUTHORS)
            if line is None and e.authors_field is None:
                yield self.violation(
                    line_span(e.lines[0]), f"entry {entry_name(e)} has no authors line"
                )
                continue
            raw = e.authors_field.text if e.authors_field else ""
            # A table cell or a labelled sub-item holds the authors of some layouts.
            where = line_span(line) if line is not None else e.authors_field.span
            shown = line.content if line is not None else raw
            if not e.authors:
                yield self.violation(
                    where, f"entry {entry_name(e)} has no authors ({quote(shown, 30)})"
                )
            elif e.title and normalize_title(raw) == normalize_title(e.title.text):
                yield self.violation(
                    where, f"entry {entry_name(e)}: the authors line repeats the title"
                )
