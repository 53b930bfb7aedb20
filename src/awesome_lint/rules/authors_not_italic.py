from __future__ import annotations

from collections import Counter

from ..diagnostics import Edit, Fix
from ..model import Document, LineKind
from .base import Fixability, Kind, Rule, Severity
from .breaks import closed_authors
from .messages import entry_name, habit


class AuthorsNotItalic(Rule):
    code = "AL203"
    summary = "An entry's authors are not in italics where the list's authors are"
    default_severity = Severity.ERROR
    kind = Kind.CONVENTION
    fixable = Fixability.ALWAYS
    tags = ("entries",)

    def check(self, doc: Document, ctx):
        with_authors = [e for e in doc.entries if e.authors_field is not None and e.authors]
        italic = [e for e in with_authors if e.authors_italic]
        if not italic:
            return
        italic_here = habit(with_authors, lambda e: e.authors_italic)
        # Write the italics the way the list does: * or _.
        mark = (
            Counter(e.line_of(LineKind.AUTHORS).content[0] for e in italic).most_common(1)[0][0]
            if italic
            else "*"
        )
        for e in with_authors:
            shown = italic_here(e)
            if e.authors_italic or shown is None:
                continue
            if any(closed_authors(e, i) for i in range(len(e.lines))):
                continue  # italic, then a missing break: missing-line-break reports it
            span = e.authors_field.span
            fix = Fix(
                (
                    Edit.insert(span.start_line, span.start_col, mark),
                    Edit.insert(span.end_line, span.end_col, mark),
                ),
                "italicise the authors",
            )
            yield self.violation(
                span,
                f"authors of {entry_name(e)} are not italic; write {mark}Author One, Author Two{mark}{shown.like()}",
                fix,
            )
