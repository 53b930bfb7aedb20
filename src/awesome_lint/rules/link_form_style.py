from __future__ import annotations

from ..diagnostics import Fix
from ..model import Document, LinkForm
from .base import Fixability, Kind, Rule, Severity
from .entry_links import entry_links, list_form, source

_SHOW = {LinkForm.BRACKETED: "[[Label](url)]", LinkForm.OUTER: "[[Label]](url)"}


class LinkFormStyle(Rule):
    code = "AL215"
    summary = "An entry link bracketed [[L]](u) in a [[L](u)] list, or the other way round"
    default_severity = Severity.WARNING
    kind = Kind.CONVENTION
    fixable = Fixability.ALWAYS
    tags = ("entries", "links", "style")

    def check(self, doc: Document, ctx):
        form = list_form(ctx.conventions)
        if form is None:
            return
        for _, lk in entry_links(doc):
            if lk.form not in _SHOW or lk.form is form:
                continue
            line = doc.lines[lk.line - 1]
            if lk.form is LinkForm.BRACKETED and line[lk.span.start_col - 1] == "\\":
                continue  # \[[code](u)] renders like [[code](u)]
            label, url = source(doc, lk.label_span), source(doc, lk.url_span)
            rewrite = f"[[{label}]]({url})" if form is LinkForm.OUTER else f"[[{label}]({url})]"
            yield self.violation(
                lk.span,
                f"link written {_SHOW[lk.form]} in a list that writes {_SHOW[form]}",
                Fix.replace(lk.span, rewrite, "use the list's link form"),
            )
