from __future__ import annotations

from ..fixes import Fix
from ..model import Document
from ..titles import clean_title, fold
from ._papers import found, source_name
from ._util import entry_name, quote
from .base import Fixability, Rule, Severity

# Markup inside a title's text (emphasis, code, links, HTML) is the list's; a fix that
# rewrote it could break more than it mends.
_MARKUP = set("*_`[]<>\\")


class TitleMismatch(Rule):
    code = "AL501"
    name = "title-mismatch"
    summary = "An entry's title is not the paper's title on arXiv or Crossref (--check-papers)"
    default_severity = Severity.WARNING
    fixable = Fixability.SOMETIMES
    tags = ("entries", "papers", "network")
    needs_papers = True

    def check(self, doc: Document, ctx):
        for e, _ref, record in found(doc, ctx):
            if e.title is None or not record.title:
                continue
            if fold(e.title.text) == fold(record.title):
                continue  # case, punctuation, LaTeX and spacing are the list's business
            title = clean_title(record.title)
            fix = None
            if not _MARKUP & set(e.title.text) and not _MARKUP & set(title):
                fix = Fix.replace(
                    e.title.span, title, f"write the title as {source_name(record)} has it"
                )
            yield self.violation(
                e.title.span,
                f"entry {entry_name(e)}: the paper's title on {source_name(record)} is {quote(title, 120)}",
                fix,
            )
