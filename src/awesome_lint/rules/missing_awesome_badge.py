from __future__ import annotations

import re

from ..diagnostics import Edit, Fix
from ..lazy import lazy_regex
from ..model import Document, LinkForm
from .base import Fixability, FixSafety, Rule, Severity
from .classic_items import doc_span, header_lines, main_heading

BADGE = "[![Awesome](https://awesome.re/badge.svg)](https://awesome.re)"
# The badge's image, in the forms the awesome lists use (awesome.re and the repository's media/).
_BADGE_SRC = lazy_regex(r"awesome\.re/badge|sindresorhus/awesome/.*badge[\w-]*\.svg", re.I)
_AWESOME = lazy_regex(
    r"^https?://(?:www\.)?(?:awesome\.re|github\.com/sindresorhus/awesome)/?(?:#[\w-]*)?$", re.I
)


class MissingAwesomeBadge(Rule):
    code = "AL405"
    summary = "No awesome badge linking to awesome.re next to the list's main heading"
    default_severity = Severity.ERROR
    fix_safety = FixSafety.UNSAFE
    fixable = Fixability.SOMETIMES
    tags = ("classic", "document")

    def check(self, doc: Document, ctx):
        header = header_lines(doc)
        here = [lk for lk in doc.links if lk.line in header]
        badges = [lk for lk in here if lk.form is LinkForm.IMAGE and _BADGE_SRC.search(lk.url)]
        wrappers = [lk for lk in here if lk.form is not LinkForm.IMAGE]
        if any(_AWESOME.match(lk.url) for lk in wrappers):
            return  # the header points readers to awesome.re, which is the badge's job
        for badge in badges:
            outer = next((lk for lk in wrappers if lk.span.contains(badge.span)), None)
            fix = (
                Fix.replace(outer.url_span, "https://awesome.re", "link the badge to awesome.re")
                if outer
                else None
            )
            yield self.violation(
                (outer or badge).span,
                "the awesome badge should link to https://awesome.re",
                fix,
            )
        if badges:
            return
        main = main_heading(doc)
        if main is None or main.level != 1:
            yield self.violation(
                doc_span(doc),
                f"no awesome badge in the list's header; add {BADGE} to the main heading",
            )
            return
        line = doc.lines[main.line - 1]
        content = line.rstrip()
        fix = None
        if content.lstrip().startswith("#") and not re.search(r"\s#+$", content):
            fix = Fix(
                (Edit.insert(main.line, len(content) + 1, " " + BADGE),), "add the awesome badge"
            )
        yield self.violation(
            main.span, f"no awesome badge next to the main heading; add {BADGE}", fix
        )
