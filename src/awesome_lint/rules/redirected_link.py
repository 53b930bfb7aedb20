from __future__ import annotations

from ..model import Document
from .base import Fixability, FixSafety, Rule, Severity
from .liveness import checked_links, replace_url
from .messages import quote


class RedirectedLink(Rule):
    code = "AL308"
    summary = "A link that redirects permanently (301/308) to another URL (--check-links)"
    default_severity = Severity.WARNING
    fix_safety = FixSafety.UNSAFE
    fixable = Fixability.SOMETIMES
    tags = ("links", "network")

    def check(self, doc: Document, ctx):
        for lk, result in checked_links(doc, ctx):
            if result.outcome.value != "redirected":
                continue
            target = result.permanent_target
            if not target:
                continue
            fix = replace_url(doc, lk, target, "link to where it moved for good")
            yield self.violation(
                lk.url_span,
                f"link {quote(lk.url, 50)} redirects permanently to {quote(target, 60)}; link to the destination",
                fix,
            )
