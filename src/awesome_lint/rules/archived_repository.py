from __future__ import annotations

from ..model import Document
from .base import Rule, Severity
from .liveness import checked_links
from .messages import quote


class ArchivedRepository(Rule):
    code = "AL309"
    summary = "A link to a GitHub repository that its owners archived (--check-links)"
    default_severity = Severity.WARNING
    tags = ("links", "network")

    def check(self, doc: Document, ctx):
        for lk, result in checked_links(doc, ctx):
            if result.archived:
                yield self.violation(
                    lk.url_span,
                    f"repository {quote(lk.url, 60)} is archived: read-only and no longer maintained",
                )
