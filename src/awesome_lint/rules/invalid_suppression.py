from __future__ import annotations

from ..model import Document, Span
from .base import Rule, Severity


class InvalidSuppression(Rule):
    code = "AL003"
    name = "invalid-suppression"
    summary = "An awesome-lint-disable comment that names an unknown rule"
    default_severity = Severity.WARNING
    tags = ("document",)
    reads_entries = False

    def check(self, doc: Document, ctx):
        from ..config import lookup_rule  # the registry imports this module
        from ..suppress import collect
        from . import REGISTRY

        _, problems = collect(
            doc, lambda key: r.code if (r := lookup_rule(key, REGISTRY)) else None
        )
        for line, problem in problems:
            yield self.violation(Span.on_line(line, 1, len(doc.lines[line - 1]) + 1), problem)
