from __future__ import annotations

from ..diagnostics import Edit, Fix
from ..model import Document, LinkForm
from .base import Fixability, Rule, Severity
from .entry_links import entry_links, list_form
from .messages import quote


class UnbracketedLink(Rule):
    code = "AL301"
    name = "unbracketed-link"
    summary = (
        "An entry link written [Label](url) or as a bare URL where the list brackets its links"
    )
    default_severity = Severity.ERROR
    fixable = Fixability.SOMETIMES
    tags = ("entries", "links")

    def check(self, doc: Document, ctx):
        form = list_form(ctx.conventions)
        if form is None:
            return
        for e, lk in entry_links(doc):
            if lk.form is LinkForm.AUTOLINK:
                want = "[[Code](url)]" if form is LinkForm.BRACKETED else "[[Code]](url)"
                yield self.violation(
                    lk.span,
                    f"bare URL {quote(lk.url, 50)} in an entry; write a labelled link like {want}",
                    severity=Severity.WARNING,
                )
                continue
            if lk.form is not LinkForm.BARE:
                continue
            line = doc.lines[lk.line - 1]
            before = line[lk.span.start_col - 2] if lk.span.start_col >= 2 else ""
            after = line[lk.span.end_col - 1] if lk.span.end_col - 1 < len(line) else ""
            if (before and before in "[]") or (after and after in "[]"):
                continue  # a stray bracket next to it: malformed-link reports that
            label = lk.label
            if form is LinkForm.BRACKETED:
                fix = Fix(
                    (
                        Edit.insert(lk.line, lk.span.start_col, "["),
                        Edit.insert(lk.span.end_line, lk.span.end_col, "]"),
                    ),
                    "bracket the link",
                )
                want = f"[[{label}](…)]"
            else:
                ls = lk.label_span
                fix = Fix(
                    (
                        Edit.insert(ls.start_line, ls.start_col, "["),
                        Edit.insert(ls.end_line, ls.end_col, "]"),
                    ),
                    "bracket the label",
                )
                want = f"[[{label}]](…)"
            yield self.violation(
                lk.span,
                f"link [{label}](…) is not bracketed; write {want} like the rest of the list",
                fix,
            )
