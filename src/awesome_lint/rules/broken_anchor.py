from __future__ import annotations

from urllib.parse import unquote

from ..model import Document
from .base import Rule, Severity
from .messages import quote

# Fragments every browser resolves without a target: the top of the page (HTML spec).
_ALWAYS = frozenset({"", "top"})


class BrokenAnchor(Rule):
    code = "AL310"
    summary = "An in-page #anchor link that no heading, <a name> or id in the document has"
    default_severity = Severity.ERROR
    tags = ("links",)

    def check(self, doc: Document, ctx):
        # Links in the table of contents are toc-mismatch's: one link, one finding.
        toc = {item.link.span for item in doc.toc}
        by_lower = {a.lower(): a for a in doc.anchors}
        for lk in doc.links:
            if not lk.url.startswith("#") or lk.span in toc:
                continue
            anchor = unquote(lk.url[1:])
            if anchor in doc.anchors or anchor.lower() in _ALWAYS:
                continue
            actual = by_lower.get(anchor.lower())
            if actual is not None:
                yield self.violation(
                    lk.url_span,
                    f"link #{anchor} matches the anchor #{actual} only when case is ignored",
                    severity=Severity.WARNING,
                )
                continue
            import difflib  # only for a broken anchor (start-up)

            near = difflib.get_close_matches(anchor, sorted(doc.anchors), n=1, cutoff=0.8)
            hint = f" (did you mean #{near[0]}?)" if near else ""
            yield self.violation(
                lk.url_span, f"link {quote(lk.url, 50)} points to an anchor no heading has{hint}"
            )
