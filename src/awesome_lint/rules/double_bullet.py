from __future__ import annotations

import re

from ..diagnostics import Fix
from ..lazy import lazy_regex
from ..model import Document, Span
from .base import Fixability, Rule, Severity
from .facts import line_indexes

_DOUBLE = lazy_regex(r"^(?P<indent>[ \t]*)(?P<first>[-*+][ \t]+)(?=[-*+][ \t]+\S)")
# The lines to look at, found in one search of the text.
_DOUBLE_ANYWHERE = lazy_regex(r"^[ \t]*[-*+][ \t]+(?=[-*+][ \t]+\S)", re.M)
_RULE = lazy_regex(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")


class DoubleBullet(Rule):
    code = "AL416"
    summary = "A list item that starts with two bullets (- - item), which renders as a nested list"
    default_severity = Severity.ERROR
    fixable = Fixability.ALWAYS
    tags = ("document", "items")

    def check(self, doc: Document, ctx):
        for i in line_indexes(_DOUBLE_ANYWHERE, doc.text):
            no, line = i + 1, doc.lines[i]
            m = _DOUBLE.match(line)
            if not m or no in doc.opaque_lines or _RULE.match(line):
                continue
            span = Span.on_line(no, m.end("indent") + 1, m.end("first") + 1)
            yield self.violation(
                span,
                "the item starts with two bullets, so it renders as a list inside a list",
                Fix.replace(span, "", "remove the extra bullet"),
            )
