from __future__ import annotations

from ..model import Document, LineKind, Marker
from ..parse.conventions import CLEAR_MAJORITY
from ..parse.makers import span_on_line
from .base import Fixability, Kind, Rule, Severity, replacement
from .breaks import MARKER_TEXT, BreakOptions, break_text, is_field_end, working

_NAMES = {
    Marker.BR: "<br>",
    Marker.BACKSLASH: "a trailing backslash",
    Marker.SPACES: "two trailing spaces",
}


class LineBreakStyle(Rule):
    code = "AL210"
    summary = "A line break that differs from the list's own, sits on an entry's last line, or has text after it"
    default_severity = Severity.WARNING
    kind = Kind.CONVENTION
    fixable = Fixability.ALWAYS
    tags = ("entries", "line-breaks", "style")
    Options = BreakOptions

    def check(self, doc: Document, ctx):
        conv = ctx.conventions
        pinned = MARKER_TEXT.get(ctx.options.marker)
        expected_of = {kind: _expected(pinned, conv, kind) for kind in LineKind}
        for e in doc.entries:
            for i, line in enumerate(e.lines):
                if line.marker is Marker.NONE:
                    continue
                if line.after_marker.strip():
                    # "<br>." : the stray text starts a line of its own when rendered.
                    stray = line.after_marker.strip()
                    span = span_on_line(line.number, line.content_end + 1, len(line.text) + 1)
                    marker = line.text[line.content_end : line.marker_end]
                    yield self.violation(
                        span_on_line(
                            line.number, line.marker_start + 1, len(line.text.rstrip()) + 1
                        ),
                        f'text "{stray}" after the line break renders on a line of its own',
                        replacement(span, stray + marker, f'move "{stray}" before the break'),
                        Severity.ERROR,
                    )
                    continue
                if i == len(e.lines) - 1:
                    if line.marker is Marker.BACKSLASH and working(line):
                        span = span_on_line(line.number, line.content_end + 1, len(line.text) + 1)
                        yield self.violation(
                            span,
                            "a backslash on an entry's last line renders as a literal \\",
                            replacement(span, "", "remove the backslash"),
                            Severity.ERROR,
                        )
                    continue
                expected = expected_of[line.kind]
                if expected is None or expected is line.marker:
                    continue  # (the cheap test first: most lines have the list's break)
                if not is_field_end(e, i) or not working(line):
                    continue
                text = break_text(e, line, conv, ctx.options.marker)
                span = span_on_line(line.number, line.content_end + 1, line.marker_end + 1)
                yield self.violation(
                    span_on_line(line.number, line.marker_start + 1, line.marker_end + 1),
                    f"line break {_NAMES[line.marker]} differs from the one the list uses ({_NAMES[expected]})",
                    replacement(span, text, "use the list's line break"),
                )


def _expected(pinned: Marker | None, conv, kind: LineKind) -> Marker | None:
    """The break a line of this kind should have: pinned, else the list's clear habit."""
    if pinned is not None:
        return pinned
    want = conv.breaks.get(kind)
    return want.marker if want is not None and want.share >= CLEAR_MAJORITY else None
