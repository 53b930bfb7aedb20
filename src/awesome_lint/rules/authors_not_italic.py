from __future__ import annotations

from collections import Counter

from ..diagnostics import Edit, Fix
from ..model import Document, LineKind
from .base import Fixability, Rule, Severity
from .messages import entry_name


class AuthorsNotItalic(Rule):
    code = "AL203"
    name = "authors-not-italic"
    summary = "An entry's authors are not in italics where the list's authors are"
    default_severity = Severity.ERROR
    fixable = Fixability.ALWAYS
    tags = ("entries",)

    def check(self, doc: Document, ctx):
        with_authors = [e for e in doc.entries if e.authors_field is not None and e.authors]
        italic = [e for e in with_authors if e.authors_italic]
        if not italic or len(italic) * 2 < len(with_authors):
            return
        # Write the italics the way the list does: * or _.
        mark = (
            Counter(e.line_of(LineKind.AUTHORS).content[0] for e in italic).most_common(1)[0][0]
            if italic
            else "*"
        )
        for e in with_authors:
            if e.authors_italic:
                continue
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
                f"authors of {entry_name(e)} are not italic; write {mark}Author One, Author Two{mark}",
                fix,
            )
