from __future__ import annotations

from ..diagnostics import Fix
from ..model import Document, Marker, Span
from ..parse.conventions import CLEAR_MAJORITY
from .base import Fixability, Rule, Severity
from .breaks import BreakOptions, break_text, is_field_end, working
from .messages import entry_name


class MissingLineBreak(Rule):
    code = "AL209"
    name = "missing-line-break"
    summary = "An entry line without a working line break, so the next line merges into it"
    default_severity = Severity.ERROR
    fixable = Fixability.ALWAYS
    tags = ("entries", "line-breaks")
    Options = BreakOptions

    def check(self, doc: Document, ctx):
        conv = ctx.conventions
        last_conv = conv.last_break
        for e in doc.entries:
            for i, line in enumerate(e.lines):
                if is_field_end(e, i) and not working(line):
                    yield self._report(
                        e, line, ctx, Severity.ERROR, "the next line merges into it when rendered"
                    )
            last = e.lines[-1]
            if (
                last_conv is not None
                and last_conv.marker is not Marker.NONE
                and last_conv.share >= CLEAR_MAJORITY
                and not working(last)
                and len(doc.entries) >= 3
            ):
                yield self._report(
                    e,
                    last,
                    ctx,
                    Severity.WARNING,
                    f"{round(last_conv.share * 100)}% of the list's entries end with one",
                    ctx.options.marker or last_conv.text,
                )

    def _report(self, e, line, ctx, severity, why, text=None):
        text = text or break_text(e, line, ctx.conventions, ctx.options.marker)
        if line.marker is Marker.BACKSLASH and line.after_marker:
            span = Span.on_line(line.number, line.marker_end + 1, len(line.text) + 1)
            return self.violation(
                Span.on_line(line.number, line.marker_start + 1, len(line.text) + 1),
                f"the backslash break is followed by whitespace, so it renders as a literal \\ and {why}",
                Fix.replace(span, "", "remove the whitespace after the backslash"),
                severity,
            )
        span = Span.on_line(line.number, line.content_end + 1, len(line.text) + 1)
        shown = text.strip()
        return self.violation(
            span,
            f"line of {entry_name(e)} has no line break ({shown}); {why}",
            Fix.replace(span, text, f"add {shown}"),
            severity,
        )
