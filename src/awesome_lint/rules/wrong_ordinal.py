from __future__ import annotations

from ..diagnostics import Fix
from ..model import Document
from ..parse.dates import ordinal_suffix
from .base import Fixability, Rule, Severity


class WrongOrdinal(Rule):
    code = "AL207"
    summary = "A day with the wrong ordinal suffix (23th for 23rd)"
    default_severity = Severity.ERROR
    fixable = Fixability.ALWAYS
    tags = ("entries", "dates")

    def check(self, doc: Document, ctx):
        for e in doc.entries:
            d = e.date
            if d is None or not d.day or d.day_text is None or d.day_span is None:
                continue
            digits = d.day_text.rstrip("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
            suffix = d.day_text[len(digits) :]
            if suffix.lower() not in ("st", "nd", "rd", "th"):
                continue
            right = ordinal_suffix(d.day)
            if suffix.lower() != right:
                good = digits + right
                yield self.violation(
                    d.day_span,
                    f'"{d.day_text}" should be "{good}"',
                    Fix.replace(d.day_span, good, f"write {good}"),
                )
