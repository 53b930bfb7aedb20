from __future__ import annotations

import re

from ..lazy import lazy_regex
from ..model import Document
from .base import Rule, Severity
from .classic_items import doc_span
from .messages import quote

# A header written in HTML (a logo, <h1>) stands for the main heading (sindresorhus/awesome).
_HTML_TITLE = lazy_regex(r"<(?:h1|img|picture)\b", re.I)


class MainHeadingCount(Rule):
    code = "AL407"
    summary = "The list has no main heading (# Title), or more than one"
    default_severity = Severity.ERROR
    tags = ("classic", "document")

    def check(self, doc: Document, ctx):
        tops = [h for h in doc.headings if h.level == 1]
        # A paper list is held to less: an extra # heading is a warning, a missing one is fine.
        classic = ctx.profile == "classic"
        if not tops and classic:
            first = doc.headings[0].line if doc.headings else len(doc.lines) + 1
            if any(
                _HTML_TITLE.search(doc.lines[n - 1])
                for n in range(1, first)
                if n in doc.opaque_lines
            ):
                return
            where = doc.headings[0].span if doc.headings else doc_span(doc)
            yield self.violation(
                where, "the list has no main heading; start it with # Awesome Name"
            )
            return
        if len(tops) > 3:
            # Sections written as # headings throughout: the list's own structure, told once
            # (at the second) rather than at every section.
            yield self.violation(
                tops[1].span,
                f"{len(tops)} main (#) headings: {quote(tops[0].text, 50)} at line {tops[0].line},"
                f" then {quote(tops[1].text, 40)} and {len(tops) - 2} more; a list has one #"
                " heading, sections use ##",
                severity=None if classic else Severity.WARNING,
            )
            return
        for h in tops[1:]:
            yield self.violation(
                h.span,
                f"second main heading {quote(h.text, 50)} after {quote(tops[0].text, 50)} at line {tops[0].line}; "
                "a list has one # heading, sections use ##",
                severity=None if classic else Severity.WARNING,
            )
