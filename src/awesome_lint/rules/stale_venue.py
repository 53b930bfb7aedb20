from __future__ import annotations

import re

from ..lazy import lazy_regex
from ..model import Document
from .base import Rule, Severity
from .messages import entry_name, quote
from .paper_results import TAGS, found

_PREPRINT = lazy_regex(r"\b(?:arxiv|preprint|corr|e-?print)\b", re.IGNORECASE)


class StaleVenue(Rule):
    code = "AL504"
    summary = (
        "An entry still says arXiv/preprint, but the paper has been published (--check-papers)"
    )
    default_severity = Severity.WARNING
    tags = TAGS

    def check(self, doc: Document, ctx):
        for e, _ref, record in found(doc, ctx):
            if record.source != "arxiv" or e.venue is None:
                continue
            if not _PREPRINT.search(e.venue.text):
                continue
            if record.journal_ref:
                where = f"published in {quote(record.journal_ref, 80)}"
            elif record.doi and not record.doi.startswith("10.48550/"):
                where = f"published with DOI {record.doi}"
            else:
                continue
            yield self.violation(
                e.venue.span,
                f"entry {entry_name(e)} says {quote(e.venue.text, 30)}, but arXiv {record.key.partition(':')[2]} "
                f"was {where}; name the venue",
            )
