from __future__ import annotations

import re

from ..diagnostics import Violation
from ..lazy import lazy_regex
from ..model import Document, LineKind, LinkForm, Span
from .base import Rule, Severity
from .entry_links import entry_links
from .messages import quote

_SCHEMELESS_HOST = lazy_regex(
    r"^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|io|edu|gov|ai|co|me|dev|app|info|uk|de|cn|jp|fr|ca|au)(?:/|$)",
    re.I,
)


_SPACE = lazy_regex(r"\s")

# Decided on what the renderer left as text once the links it made are blanked out.
_CODE_SPAN = lazy_regex(r"(`+)[^`]+?\1(?!`)")
_LABEL_INTO_URL = lazy_regex(r"\[[^\[\]()\n]*\((?:https?://|www\.)", re.I)
# "](" left as text, or a label and a URL parted by a space: "[GitHub] (https://…)".
_DANGLING_CLOSE = lazy_regex(r"\](?:\(|[ \t\\]+\((?:https?://|www\.))", re.I)


class MalformedLink(Rule):
    code = "AL302"
    summary = (
        "A link that does not render as one: unbalanced brackets, an empty URL, a URL with spaces"
    )
    default_severity = Severity.ERROR
    tags = ("links",)

    def check(self, doc: Document, ctx):
        on_line: dict[int, list] = {}
        autolink = LinkForm.AUTOLINK
        for lk in doc.links:
            # Images and badges too: what the renderer made is not text.
            on_line.setdefault(lk.line, []).append(lk)
            if lk.form is autolink:
                continue
            url = lk.url
            if not url:
                yield self.violation(lk.span, f"link {quote(lk.label, 40)} has an empty URL")
            # (a URL with a scheme has its ":" before any dot: the pattern cannot match it)
            elif not url[:6].lower().startswith(("http:", "https:")) and _SCHEMELESS_HOST.match(
                url
            ):
                yield self.violation(
                    lk.url_span,
                    f"URL {quote(lk.url, 50)} has no scheme, so it renders as a relative link; write https://{lk.url}",
                    severity=Severity.WARNING,
                )
        good_of: dict[int, list] = {}
        for e, lk in entry_links(doc):
            good_of.setdefault(id(e), []).append(lk)
        links_lines = (LineKind.LINKS, LineKind.ITEM)
        for e in doc.entries:
            for lk in good_of.get(id(e), ()):
                url = lk.url
                if url.startswith(("[", "(")) or "](" in url or _SPACE.search(url):
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
                if line.kind in links_lines:
                    found = self._leftover(line, on_line.get(line.number, ()))
                    if found is not None:
                        yield found

    def _leftover(self, line, links) -> Violation | None:
        """Link-like text the renderer left as text on a links line: ``](``, a label that
        runs into a URL (``[[Paper(https://``), a bracket next to a link that nothing
        closes. Parentheses and bracketed notes in prose are never a broken link."""
        text = line.text[: line.content_end]
        number, size = line.number, len(text)
        blank: list[tuple[int, int]] = []
        for lk in links:
            span = lk.span
            if span.start_line == number:
                end = span.end_col - 1 if span.end_line == number else size
                blank.append((span.start_col - 1, end if end < size else size))
        if len(blank) == 1:  # (a line of one link, the most common: no blanked copy to make)
            a, b = blank[0]
            head, tail = text[:a], text[max(a, b) :]
            if "[" not in head and "]" not in head and "[" not in tail and "]" not in tail:
                return None
        elif not _bracket_between(text, blank):  # (several links: none made either)
            return None
        rest = _blanked(text, blank)
        if "[" not in rest and "]" not in rest:
            return None  # every finding below points at a bracket the renderer left as text
        if "`" in rest:
            rest = _CODE_SPAN.sub(lambda m: " " * len(m.group(0)), rest)
            if "[" not in rest and "]" not in rest:
                return None
        rest = rest.replace("\\[", "  ").replace("\\]", "  ")
        at = None
        m = _LABEL_INTO_URL.search(rest)
        if m is None and (m := _DANGLING_CLOSE.search(rest)):
            at = rest.rfind("[", 0, m.start())  # point at the label, as a reader looks there
        if m:
            at = m.start() if at is None or at < 0 else at
            while at > 0 and rest[at - 1] == "[":
                at -= 1
        else:
            # Where the links on the line start and end (an end as written, past the text
            # when the link runs on to the next line).
            starts, ends = set(), set()
            for lk in links:
                span = lk.span
                if span.start_line == number:
                    starts.add(span.start_col - 1)
                    ends.add(span.end_col - 1 if span.end_line == number else size)
            at = next(
                (k - 1 for k in sorted(starts) if k >= 1 and rest[k - 1] == "["),
                next((k for k in sorted(ends) if k < len(rest) and rest[k] == "]"), None),
            )
        if at is None:
            return None
        snippet = line.text[max(0, at - 10) : at + 30]
        return self.violation(
            Span.on_line(line.number, at + 1, at + 2),
            f"unbalanced {quote(rest[at])} on the links line near {quote(snippet, 40)}: this does not render as a link",
        )


def _bracket_between(text: str, ranges: list[tuple[int, int]]) -> bool:
    """Whether ``_blanked(text, ranges)`` holds a "[" or "]", read without making it."""
    pos = 0
    for start, end in sorted(ranges):
        if start > pos and (text.find("[", pos, start) >= 0 or text.find("]", pos, start) >= 0):
            return True
        if end > pos:
            pos = end
    return text.find("[", pos) >= 0 or text.find("]", pos) >= 0


def _blanked(text: str, ranges: list[tuple[int, int]]) -> str:
    """``text`` with each [start, end) range turned to spaces (ranges may overlap)."""
    out: list[str] = []
    pos = 0
    for start, end in sorted(ranges):
        start = max(start, pos)
        if start >= end:
            continue
        out += (text[pos:start], " " * (end - start))
        pos = end
    out.append(text[pos:])
    return "".join(out)
