from __future__ import annotations

from ..model import Document
from .base import Rule, Severity
from .liveness import checked_links
from .messages import quote


class UnreachableLink(Rule):
    code = "AL307"
    summary = "A link that could not be verified: timeouts, 5xx, 429, hosts that block checkers, private addresses (--check-links)"
    default_severity = Severity.WARNING
    tags = ("links", "network")

    def check(self, doc: Document, ctx):
        for lk, result in checked_links(doc, ctx):
            outcome = result.outcome.value
            if outcome == "unreachable":
                yield self.violation(
                    lk.url_span, f"link {quote(lk.url, 50)} could not be reached: {result.error}"
                )
            elif outcome == "blocked":
                # The page is probably there: the host only turns automated checkers away.
                yield self.violation(
                    lk.url_span,
                    f"link {quote(lk.url, 50)} not verified: {result.error}, which says nothing about the page",
                    severity=Severity.INFO,
                )
            elif outcome == "refused-private":
                yield self.violation(
                    lk.url_span, f"link {quote(lk.url, 50)} not checked: {result.error}"
                )
