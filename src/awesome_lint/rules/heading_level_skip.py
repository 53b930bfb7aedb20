from __future__ import annotations

from ..model import Document
from .base import Rule, Severity
from .messages import quote


class HeadingLevelSkip(Rule):
    code = "AL103"
    summary = "A heading more than one level deeper than the heading before it"
    default_severity = Severity.WARNING
    tags = ("sections",)

    def check(self, doc: Document, ctx):
        prev = None
        for h in doc.headings:
            if prev is not None and h.level > prev.level + 1:
                yield self.violation(
                    h.span,
                    f"heading {quote(h.text)} is level {h.level} after a level {prev.level} heading; "
                    f"use level {prev.level + 1}",
                )
            prev = h
