from __future__ import annotations

from ..model import Document
from .base import Rule, Severity
from .messages import quote


class TocMismatch(Rule):
    code = "AL102"
    summary = "The table of contents links to a missing heading, or misses a heading it should list"
    default_severity = Severity.ERROR
    tags = ("sections", "links")

    def check(self, doc: Document, ctx):
        if not doc.toc:
            return
        by_lower = {a.lower(): a for a in doc.anchors}
        slugs = [h.slug for h in doc.headings]
        listed: set[str] = {item.anchor for item in doc.toc if item.anchor in doc.anchors}
        for item in doc.toc:
            anchor = item.anchor
            if anchor in doc.anchors:
                continue
            actual = by_lower.get(anchor.lower())
            if actual is not None:
                listed.add(actual)
                yield self.violation(
                    item.link.url_span,
                    f"ToC link #{anchor} matches heading anchor #{actual} only when case is ignored",
                    severity=Severity.WARNING,
                )
                continue
            # A typo in the link or the heading: point at the heading it was meant for.
            unlisted = [s for s in slugs if s not in listed]
            import difflib  # only for a broken ToC link (start-up)

            near = difflib.get_close_matches(anchor, unlisted, n=1, cutoff=0.8)
            hint = f" (did you mean #{near[0]}?)" if near else ""
            if near:
                listed.add(near[0])
            yield self.violation(
                item.link.span,
                f"ToC link {quote(item.text)} points to #{anchor}, which no heading has{hint}",
            )
        yield from self._unlisted(doc, listed)

    def _unlisted(self, doc: Document, listed: set[str]):
        """Headings inside the ToC's scope, at the levels it lists, that it does not list.

        The scope runs from the first to the last heading the ToC links to: closing sections
        such as Contributing or Citation after it are not expected in it.
        """
        targets = [h for h in doc.headings if h.slug in listed]
        if not targets:
            return
        levels = {h.level for h in targets}
        first, last = targets[0].line, targets[-1].line
        for h in doc.headings:
            if first <= h.line <= last and h.level in levels and h.slug not in listed:
                yield self.violation(
                    h.span,
                    f"heading {quote(h.text)} is missing from the table of contents (add [{h.text}](#{h.slug}))",
                    severity=Severity.WARNING,
                )
