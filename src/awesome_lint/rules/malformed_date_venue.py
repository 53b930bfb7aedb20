from __future__ import annotations

import re

from ..model import Document, LineKind
from ..parse.conventions import CLEAR_MAJORITY
from ..parse.layouts import BRACKETED_DATE_LAYOUTS
from .base import Rule, Severity
from .messages import entry_name, line_span, quote

_WELL_FORMED = re.compile(r"^\[[^\[\]]+\](?:[ \t]*\[[^\[\]]+\])?[ \t]*\.?$")


class MalformedDateVenue(Rule):
    code = "AL205"
    name = "malformed-date-venue"
    summary = "The date and venue line is not [date] [venue], or a dated list's entry has no date"
    default_severity = Severity.ERROR
    tags = ("entries", "dates")

    def check(self, doc: Document, ctx):
        dated_list = ctx.conventions.dated_share >= CLEAR_MAJORITY
        for e in doc.entries:
            line = e.line_of(LineKind.DATE_VENUE)
            if line is not None and e.layout in BRACKETED_DATE_LAYOUTS:
                content = line.text[line.indent : line.content_end]
                if not _WELL_FORMED.match(content):
                    yield self.violation(
                        line_span(line),
                        f"date and venue line {quote(content)} is not [date] [venue], like [12th Sep., 2023] [arXiv, 2023]",
                    )
                    continue
            if dated_list and e.date is None and e.layout != "venue-prefix":
                where = line_span(line) if line is not None else line_span(e.lines[0])
                yield self.violation(
                    where,
                    f"entry {entry_name(e)} has no date; the list dates its entries",
                    severity=Severity.WARNING,
                )
