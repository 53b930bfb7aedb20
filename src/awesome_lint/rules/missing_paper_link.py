from __future__ import annotations

from ..model import Document, LineKind
from .base import Kind, Rule, Severity
from .messages import entry_name, line_span


class MissingPaperLink(Rule):
    code = "AL213"
    summary = "An entry with no link at all"
    default_severity = Severity.WARNING
    kind = Kind.CONVENTION
    tags = ("entries", "links")

    def check(self, doc: Document, ctx):
        for e in doc.entries:
            # A links line whose links are all broken is malformed-link's finding, not this one.
            if not e.links and e.line_of(LineKind.LINKS) is None:
                yield self.violation(
                    line_span(e.lines[-1]), f"entry {entry_name(e)} has no link to the paper"
                )
