from __future__ import annotations

from ..diagnostics import Fix
from ..model import Document, Span
from .base import Fixability, Rule, Severity
from .messages import entry_name


class IndentedEntry(Rule):
    code = "AL214"
    summary = "An entry line indented four or more spaces after a blank line, which renders as code"
    default_severity = Severity.ERROR
    fixable = Fixability.ALWAYS
    tags = ("entries",)

    def check(self, doc: Document, ctx):
        for e in doc.entries:
            for line in e.lines:
                if line.number in doc.opaque_lines and line.indent >= 4:
                    span = Span.on_line(line.number, 1, line.indent + 1)
                    yield self.violation(
                        span,
                        f"line of {entry_name(e)} is indented {line.indent} spaces, so it renders as a code block",
                        Fix.replace(span, "", "remove the indentation"),
                    )
