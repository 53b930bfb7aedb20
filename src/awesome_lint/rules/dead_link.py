from __future__ import annotations

from ..model import Document
from .base import Rule, Severity
from .liveness import checked_links
from .messages import quote

_DEAD = ("dead", "invalid")


class DeadLink(Rule):
    code = "AL306"
    summary = "A link whose page is gone: 404/410, no such host, connection refused, TLS failure, redirect loop (--check-links)"
    default_severity = Severity.ERROR
    tags = ("links", "network")

    def check(self, doc: Document, ctx):
        for lk, result in checked_links(doc, ctx):
            outcome = result.outcome.value
            if outcome not in _DEAD:
                continue
            what = "is dead" if outcome == "dead" else "cannot be fetched"
            via = ""
            if result.redirects:
                via = f" (after redirecting to {quote(result.redirects[-1].location, 50)})"
            yield self.violation(
                lk.url_span, f"link {quote(lk.url, 50)} {what}: {result.error}{via}"
            )
