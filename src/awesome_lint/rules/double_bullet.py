from __future__ import annotations

from ..diagnostics import Fix
from ..lazy import lazy_regex
from ..model import Document, Span
from .base import Fixability, Rule, Severity

_DOUBLE = lazy_regex(r"^(?P<indent>[ \t]*)(?P<first>[-*+][ \t]+)(?=[-*+][ \t]+\S)")
_RULE = lazy_regex(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")


class DoubleBullet(Rule):
    code = "AL416"
    summary = "A list item that starts with two bullets (- - item), which renders as a nested list"
    default_severity = Severity.ERROR
    fixable = Fixability.ALWAYS
    tags = ("document", "items")

    def check(self, doc: Document, ctx):
        for no, line in enumerate(doc.lines, 1):
            m = _DOUBLE.match(line)
            if not m or no in doc.opaque_lines or _RULE.match(line):
                continue
            span = Span.on_line(no, m.end("indent") + 1, m.end("first") + 1)
            yield self.violation(
                span,
                "the item starts with two bullets, so it renders as a list inside a list",
                Fix.replace(span, "", "remove the extra bullet"),
            )
