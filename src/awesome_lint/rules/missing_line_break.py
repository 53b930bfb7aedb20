from __future__ import annotations

from ..model import Document, LineKind, Marker
from ..parse.conventions import CLEAR_MAJORITY, MIN_SAMPLES
from ..parse.makers import span_on_line
from .base import Fixability, Kind, Rule, Severity, replacement
from .breaks import BreakOptions, break_text, is_field_end, working
from .messages import entry_name


class MissingLineBreak(Rule):
    code = "AL209"
    summary = "An entry line without a working line break, so the next line merges into it"
    default_severity = Severity.ERROR
    kind = Kind.CONVENTION
    fixable = Fixability.ALWAYS
    tags = ("entries", "line-breaks")
    Options = BreakOptions

    def check(self, doc: Document, ctx):
        conv = ctx.conventions
        last_conv = conv.last_break
        ends_with_break = (
            last_conv is not None
            and last_conv.marker is not Marker.NONE
            and last_conv.share >= CLEAR_MAJORITY
            and len(doc.entries) >= 3
        )
        for e in doc.entries:
            for i, line in enumerate(e.lines):
                if not working(line) and is_field_end(e, i):
                    why = _merge_reason(conv, line.kind, e.lines[i + 1].kind)
                    if why is not None:
                        yield self._report(e, line, ctx, Severity.ERROR, why)
            last = e.lines[-1]
            if ends_with_break and not working(last):
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
            span = span_on_line(line.number, line.marker_end + 1, len(line.text) + 1)
            return self.violation(
                span_on_line(line.number, line.marker_start + 1, len(line.text) + 1),
                f"the backslash break is followed by whitespace, so it renders as a literal \\ and {why}",
                replacement(span, "", "remove the whitespace after the backslash"),
                severity,
            )
        span = span_on_line(line.number, line.content_end + 1, len(line.text) + 1)
        shown = text.strip()
        return self.violation(
            span,
            f"line of {entry_name(e)} has no line break ({shown}); {why}",
            replacement(span, text, f"add {shown}"),
            severity,
        )


def _merge_reason(conv, here: LineKind, nxt: LineKind) -> str | None:
    """Why a missing break between these two kinds of line is a defect here, or None where
    the list itself leaves that break out at least half the time (links each on their own
    source line, rendered as one line on purpose).

    Two fields running together is what the renderer does, so the finding stands unless the
    list shows it wants that; with too few such lines to tell, it is reported.
    """
    merges = "the next line merges into it when rendered"
    m = conv.field_breaks.get((here, nxt))
    if m is None or m.samples < MIN_SAMPLES:
        return merges
    broken = m.share if m.value is True else 1 - m.share
    if broken <= 0.5:
        return None
    n = round(broken * m.samples)
    example = conv.field_break_example.get((here, nxt))
    return (
        f"{merges}; {n:,} other {here.value} line{'s' if n != 1 else ''} before {'an' if nxt.value[0] in 'aeiou' else 'a'} {nxt.value}"
        f" line end with one, e.g. line {example}"
    )
