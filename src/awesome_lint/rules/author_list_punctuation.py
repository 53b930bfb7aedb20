from __future__ import annotations

import re

from ..diagnostics import Fix
from ..model import Document, Span
from .base import Fixability, Rule, Severity

# (pattern, what it is, replacement, severity)
_PROBLEMS = (
    (re.compile(r",(?:\s*,)+"), "doubled comma", ",", Severity.ERROR),
    (re.compile(r"[ \t]+,"), "space before a comma", ",", Severity.WARNING),
    (re.compile(r"(?<=\S)[ \t]{2,}(?=\S)"), "doubled space", " ", Severity.WARNING),
)
_TRAILING_COMMA = re.compile(r"[ \t]*,[ \t]*(?=\.?[ \t]*$)")
_LEADING_COMMA = re.compile(r"^[ \t]*,[ \t]*")
_DOUBLE_COMMA = re.compile(r",\s*,")


def may_have_problem(segment: str) -> bool:
    """False when none of the problems above can be in ``segment``: what each needs (a tab
    or two spaces, a blank before a comma, a comma at either end, two commas), in tests far
    cheaper than the five patterns, which most author lists would pass."""
    return (
        "\t" in segment
        or "  " in segment
        or " ," in segment
        or segment.rstrip(" \t.").endswith(",")
        or segment.lstrip(" \t").startswith(",")
        or _DOUBLE_COMMA.search(segment) is not None
    )


class AuthorListPunctuation(Rule):
    code = "AL204"
    summary = "Trailing or doubled commas and stray spaces in an author list"
    default_severity = Severity.ERROR
    fixable = Fixability.ALWAYS
    tags = ("entries",)

    def check(self, doc: Document, ctx):
        for e in doc.entries:
            f = e.authors_field
            if f is None or not e.authors:
                continue
            span = f.span
            # Work line by line on the source so spans are exact even when the list wraps.
            for number in range(span.start_line, span.end_line + 1):
                text = doc.lines[number - 1]
                lo = span.start_col - 1 if number == span.start_line else 0
                hi = span.end_col - 1 if number == span.end_line else len(text)
                segment = text[lo:hi]
                if not may_have_problem(segment):
                    continue
                for pattern, what, repl, sev in _PROBLEMS:
                    for m in pattern.finditer(segment):
                        s = Span.on_line(number, lo + m.start() + 1, lo + m.end() + 1)
                        yield self.violation(
                            s,
                            f"{what} in the author list",
                            Fix.replace(s, repl, f"fix {what}"),
                            sev,
                        )
                if number == span.end_line:
                    # "A, B,*" and, in lists that end authors with a period, "A, B,.*"
                    m = _TRAILING_COMMA.search(segment)
                    if m:
                        s = Span.on_line(number, lo + m.start() + 1, lo + m.end() + 1)
                        yield self.violation(
                            s,
                            "trailing comma after the last author",
                            Fix.replace(s, "", "remove the trailing comma"),
                        )
                if number == span.start_line:
                    m = _LEADING_COMMA.match(segment)
                    if m:
                        s = Span.on_line(number, lo + 1, lo + m.end() + 1)
                        yield self.violation(
                            s,
                            "comma before the first author",
                            Fix.replace(s, "", "remove the comma"),
                        )
