from __future__ import annotations

from ..model import Document
from ._util import entry_name, line_span
from .base import Rule, Severity


class MissingPaperLink(Rule):
    code = "AL213"
    name = "missing-paper-link"
    summary = "An entry with no link at all"
    default_severity = Severity.WARNING
    tags = ("entries", "links")

    def check(self, doc: Document, ctx):
        for e in doc.entries:
            if not e.links:
                yield self.violation(line_span(e.lines[-1]), f"entry {entry_name(e)} has no link to the paper")
