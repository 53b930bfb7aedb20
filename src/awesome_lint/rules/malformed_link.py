from __future__ import annotations

import re

from ..model import Document, LineKind, LinkForm, Span
from .base import Rule, Severity
from .entry_links import links_line_links
from .messages import quote

_SCHEMELESS_HOST = re.compile(
    r"^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|io|edu|gov|ai|co|me|dev|app|info|uk|de|cn|jp|fr|ca|au)(?:/|$)",
    re.I,
)


class MalformedLink(Rule):
    code = "AL302"
    name = "malformed-link"
    summary = (
        "A link that does not render as one: unbalanced brackets, an empty URL, a URL with spaces"
    )
    default_severity = Severity.ERROR
    tags = ("links",)

    def check(self, doc: Document, ctx):
        for lk in doc.links:
            if lk.form in (LinkForm.AUTOLINK,):
                continue
            if not lk.url:
                yield self.violation(lk.span, f"link {quote(lk.label, 40)} has an empty URL")
            elif _SCHEMELESS_HOST.match(lk.url):
                yield self.violation(
                    lk.url_span,
                    f"URL {quote(lk.url, 50)} has no scheme, so it renders as a relative link; write https://{lk.url}",
                    severity=Severity.WARNING,
                )
        for e in doc.entries:
            good = links_line_links(e)
            for lk in good:
                if lk.url.startswith(("[", "(")) or "](" in lk.url or re.search(r"\s", lk.url):
                    yield self.violation(
                        lk.url_span,
                        f"URL {quote(lk.url, 50)} of link {quote(lk.label, 20)} is malformed",
                    )
                elif "(" in lk.label and "http" in lk.label:
                    yield self.violation(
                        lk.span,
                        f"link label {quote(lk.label, 40)} contains a URL; close the label with ]",
                    )
            for line in e.lines:
                if line.kind not in (LineKind.LINKS, LineKind.ITEM):
                    continue
                yield from self._leftovers(
                    doc, line, [lk for lk in e.links if lk.line == line.number]
                )

    def _leftovers(self, doc: Document, line, links):
        """Brackets left on a links line once its well-formed links are blanked out."""
        text = list(line.text[: line.content_end])
        for lk in links:
            if lk.span.start_line != line.number:
                continue
            end = lk.span.end_col - 1 if lk.span.end_line == line.number else len(text)
            for k in range(lk.span.start_col - 1, min(end, len(text))):
                text[k] = " "
        rest = "".join(text)
        rest = rest.replace("\\[", "  ").replace("\\]", "  ")
        # A balanced [note] or (note) in the text is prose, not a broken link.
        blank = lambda m: " " * len(m.group(0))  # noqa: E731
        rest = re.sub(r"\[[^\[\]()]*\](?!\()", blank, rest)
        rest = re.sub(r"\([^\[\]()]*\)", blank, rest)
        for m in re.finditer(r"[\[\]()]", rest):
            col = m.start() + 1
            snippet = line.text[max(0, m.start() - 10) : m.start() + 30]
            yield self.violation(
                Span.on_line(line.number, col, col + 1),
                f"unbalanced {quote(m.group(0))} on the links line near {quote(snippet, 40)}: this does not render as a link",
            )
            return  # one finding per line is enough to point at the problem
