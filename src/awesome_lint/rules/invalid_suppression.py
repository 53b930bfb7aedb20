from __future__ import annotations

from ..model import Document, Span
from .base import Rule, Severity


class InvalidSuppression(Rule):
    code = "AL003"
    summary = "An awesome-lint-disable comment that names an unknown rule"
    default_severity = Severity.WARNING
    tags = ("document",)

    def check(self, doc: Document, ctx):
        for line, problem in ctx.suppression_problems:
            yield self.violation(Span.on_line(line, 1, len(doc.lines[line - 1]) + 1), problem)
