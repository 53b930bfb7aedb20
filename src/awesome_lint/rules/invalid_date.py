from __future__ import annotations

from ..model import Document
from .base import Rule, Severity
from .messages import quote


class InvalidDate(Rule):
    code = "AL206"
    name = "invalid-date"
    summary = (
        "A date that cannot be read, does not exist, misses its day or year, or lies in the future"
    )
    default_severity = Severity.ERROR
    tags = ("entries", "dates")

    def check(self, doc: Document, ctx):
        for e in doc.entries:
            d = e.date
            if d is None:
                continue
            if d.problem:
                yield self.violation(d.span, f"invalid date {quote(d.raw, 30)}: {d.problem}")
            elif d.value is not None and d.value > ctx.today:
                yield self.violation(
                    d.span, f"date {quote(d.raw, 30)} is in the future ({d.value.isoformat()})"
                )
