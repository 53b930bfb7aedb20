from __future__ import annotations

from ..diagnostics import Edit, Fix
from ..model import Document
from .base import Fixability, Kind, Rule, Severity
from .messages import habit, quote

_QUOTES = "\"“‘'«"


class TitleNotBold(Rule):
    code = "AL201"
    summary = "An entry's title is not bold where the list's titles are"
    default_severity = Severity.ERROR
    kind = Kind.CONVENTION
    fixable = Fixability.ALWAYS
    tags = ("entries",)

    def check(self, doc: Document, ctx):
        blocks = [e for e in doc.entries if e.layout != "venue-prefix"]
        bold_here = habit(blocks, lambda e: e.title_bold)
        for e in blocks:
            if e.title_bold or e.title is None:
                continue
            span = e.title.span
            line = doc.lines[span.start_line - 1]
            before = line[: span.start_col - 1].rstrip()
            mark = before[-2:]
            # An odd count of the marker before the title leaves one opener unclosed;
            # an even count is a closed bold tag such as **[ICLR 2023]** before it.
            opened = mark in ("**", "__") and before.count(mark) % 2 == 1
            if opened:  # a fact: the ** shows as text, whatever the list's style
                fix = Fix((Edit.insert(span.end_line, span.end_col, mark),), "close the bold")
                yield self.violation(
                    span,
                    f"the bold around title {quote(e.title.text)} is not closed; add {mark} after it",
                    fix,
                )
                continue
            bold = bold_here(e)
            if bold is None or e.title.text.lstrip()[:1] in _QUOTES or "**" in e.title.text:
                # No clear habit; or a quoted title ("Title"), the list's own title form,
                # beside entries whose bold is a short name (**OLMoE**: "OLMoE: …").
                continue
            fix = Fix(
                (
                    Edit.insert(span.start_line, span.start_col, "**"),
                    Edit.insert(span.end_line, span.end_col, "**"),
                ),
                "make the title bold",
            )
            yield self.violation(
                span,
                f"title {quote(e.title.text)} is not bold; write it as **Title**{bold.like()}",
                fix,
            )
