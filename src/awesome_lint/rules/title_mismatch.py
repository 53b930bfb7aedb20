from __future__ import annotations

from ..diagnostics import Fix
from ..model import Document
from ..titles import clean_title, fold, title_core
from .base import Fixability, FixSafety, Rule, Severity
from .messages import entry_name, quote
from .paper_results import TAGS, judged, source_name

# Markup inside a title's text (emphasis, code, links, HTML) is the list's; a fix that
# rewrote it could break more than it mends.
_MARKUP = set("*_`[]<>\\")


class TitleMismatch(Rule):
    code = "AL501"
    summary = "An entry's title is not the paper's title on arXiv or Crossref (--check-papers)"
    default_severity = Severity.WARNING
    fixable = Fixability.SOMETIMES
    # The paper's record replaces what the entry says: applied only with --unsafe-fixes.
    fix_safety = FixSafety.UNSAFE
    tags = TAGS

    def check(self, doc: Document, ctx):
        return judged(doc, ctx, self._judge)

    def _judge(self, e, record):
        if e.title is None or not record.title:
            return None
        start, end = title_core(e.title.text)
        wanted = fold(record.title)
        # Case, punctuation, LaTeX and spacing are the list's business, and so is what it
        # adds around the title ("Med-PaLM 2: " before it); a title cut short or
        # misspelt is not.
        if fold(e.title.text[start:end]) == wanted:
            return False
        if wanted and f" {wanted} " in f" {fold(e.title.text)} ":
            return False
        title = clean_title(record.title)
        fix = None
        whole = (start, end) == (0, len(e.title.text))
        if whole and not _MARKUP & set(e.title.text) and not _MARKUP & set(title):
            fix = Fix.replace(
                e.title.span, title, f"write the title as {source_name(record)} has it"
            )
        return self.violation(
            e.title.span,
            f"entry {entry_name(e)}: the paper's title on {source_name(record)} is "
            f"{quote(title, 120)}",
            fix,
        )
