from __future__ import annotations

from ..diagnostics import Edit, Fix
from ..model import Document
from .base import Fixability, Rule, Severity
from .messages import quote


class TitleNotBold(Rule):
    code = "AL201"
    name = "title-not-bold"
    summary = "An entry's title is not bold where the list's titles are"
    default_severity = Severity.ERROR
    fixable = Fixability.ALWAYS
    tags = ("entries",)

    def check(self, doc: Document, ctx):
        blocks = [e for e in doc.entries if e.layout != "venue-prefix"]
        bold = sum(1 for e in blocks if e.title_bold)
        if not blocks or bold * 2 < len(blocks):
            return  # the list does not use bold titles
        for e in blocks:
            if e.title_bold or e.title is None:
                continue
            span = e.title.span
            line = doc.lines[span.start_line - 1]
            opened = line[: span.start_col - 1].rstrip().endswith(("**", "__"))
            if opened:
                mark = line[span.start_col - 3 : span.start_col - 1]
                fix = Fix((Edit.insert(span.end_line, span.end_col, mark),), "close the bold")
                yield self.violation(
                    span,
                    f"the bold around title {quote(e.title.text)} is not closed; add {mark} after it",
                    fix,
                )
                continue
            fix = Fix(
                (
                    Edit.insert(span.start_line, span.start_col, "**"),
                    Edit.insert(span.end_line, span.end_col, "**"),
                ),
                "make the title bold",
            )
            yield self.violation(
                span, f"title {quote(e.title.text)} is not bold; write it as **Title**", fix
            )
