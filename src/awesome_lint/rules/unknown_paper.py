from __future__ import annotations

from ..model import Document
from .base import Rule, Severity
from .messages import entry_name, line_span
from .paper_results import TAGS, checked_entries


class UnknownPaper(Rule):
    code = "AL505"
    summary = (
        "An entry's arXiv id or DOI does not exist, or the paper was withdrawn (--check-papers)"
    )
    default_severity = Severity.ERROR
    tags = TAGS

    def check(self, doc: Document, ctx):
        for e, ref, result in checked_entries(doc, ctx):
            status = result.status.value
            if ref.arxiv_id:
                handle = f"arXiv {ref.arxiv_id}"
            elif ref.doi:
                handle = f"DOI {ref.doi}"
            else:
                continue  # a title search that finds nothing says nothing about the paper
            if status == "unknown":
                where = "arXiv" if ref.arxiv_id else "Crossref"
                message = f"entry {entry_name(e)}: {handle} does not exist on {where}"
            elif status == "withdrawn":
                message = f"entry {entry_name(e)}: {handle} has been withdrawn by its authors"
            else:
                continue
            span = next(
                (lk.url_span for lk in e.links if handle.split()[-1] in lk.url.lower()),
                line_span(e.lines[0]),
            )
            yield self.violation(span, message)
