"""Find links in the source text of a block, with exact positions.

markdown-it-py gives line ranges for blocks only, and its inline tokens carry no columns,
so links are located here on the source itself. The scanner follows CommonMark for the
constructs awesome lists use (inline links with balanced brackets and parentheses, images,
autolinks, code spans, backslash escapes) and classifies how a link is bracketed:
``[[L](u)]``, ``[[L]](u)`` or bare ``[L](u)``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import LineIndex, Link, LinkForm

_AUTOLINK = re.compile(r"<((?:https?|ftp|mailto):[^\s<>]*)>", re.IGNORECASE)
# GitHub turns bare www. and http(s) URLs in text into links (GFM autolink extension).
_BARE_URL = re.compile(r"(?<![\w/(\[<\"'=])(?:https?://|www\.)[^\s<]+", re.IGNORECASE)
_HTML_HREF = re.compile(
    r"""<(?:a|img|source)\b[^>]*?\b(?:href|src|srcset)\s*=\s*(["'])(.*?)\1""", re.I | re.S
)
_TRAILING_PUNCT = ".,:;!?*_~'\""
# Where a link, code span or escape can start; the scanner jumps from one to the next.
_INTERESTING = re.compile(r"[\\`<\[]|!\[|(?<![\w/(\[<\"'=])(?:https?://|www\.)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Located:
    """A link found at offsets of the scanned string, before mapping to line/column."""

    label: str
    url: str
    form: LinkForm
    start: int
    end: int
    label_start: int
    label_end: int
    url_start: int
    url_end: int


def _skip_code_span(s: str, i: int) -> int:
    """At a backtick run, return the index just past the matching run (or past the run)."""
    j = i
    while j < len(s) and s[j] == "`":
        j += 1
    run = s[i:j]
    k = s.find(run, j)
    while k != -1:
        end = k + len(run)
        if end >= len(s) or s[end] != "`":
            return end
        k = s.find(run, end + 1)
    return j


_SIMPLE_LABEL = re.compile(r"\[[^\[\]\\`\n]*\]")
_BRACKET_EVENT = re.compile(r"[\[\]\\`\n]")


def _match_bracket(s: str, i: int) -> int:
    """Index of the ``]`` closing the ``[`` at ``i``, or -1. Brackets nest, escapes count."""
    m = _SIMPLE_LABEL.match(s, i)
    if m:  # the common case: a label without brackets, escapes or code inside
        return m.end() - 1
    depth = 0
    n = len(s)
    j = i
    while j < n:
        m = _BRACKET_EVENT.search(s, j)
        if m is None:
            return -1
        j = m.start()
        c = s[j]
        if c == "\\":
            j += 2
            continue
        if c == "`":
            j = _skip_code_span(s, j)
            continue
        if c == "[":
            depth += 1
        elif c == "]":
            depth -= 1
            if depth == 0:
                return j
        elif j + 1 < n and s[j + 1] == "\n":  # a blank line ends the paragraph
            return -1
        j += 1
    return -1


_SIMPLE_DESTINATION = re.compile(r"\(([^\s()<>\\\"']*)\)")


def _parse_destination(s: str, i: int) -> tuple[int, int, int] | None:
    """Parse ``(dest "title")`` starting at the ``(`` at ``i``.

    Returns (url_start, url_end, end) where end is just past the closing ``)``.
    """
    m = _SIMPLE_DESTINATION.match(s, i)
    if m:  # the common case: no spaces, parentheses, escapes or title
        return m.start(1), m.end(1), m.end()
    n = len(s)
    j = i + 1
    while j < n and s[j] in " \t\n":
        j += 1
    if j < n and s[j] == "<":
        k = j + 1
        while k < n and s[k] not in ">\n":
            k += 2 if s[k] == "\\" else 1
        if k >= n or s[k] != ">":
            return None
        url_start, url_end, j = j + 1, k, k + 1
    else:
        url_start = j
        depth = 0
        while j < n:
            c = s[j]
            if c == "\\" and j + 1 < n:
                j += 2
                continue
            if c in " \t\n" or ord(c) < 0x20:
                break
            if c == "(":
                depth += 1
            elif c == ")":
                if depth == 0:
                    break
                depth -= 1
            j += 1
        if depth:
            return None
        url_end = j
    while j < n and s[j] in " \t\n":
        j += 1
    if j < n and s[j] in "\"'(":
        close = ")" if s[j] == "(" else s[j]
        k = j + 1
        while k < n and s[k] != close:
            k += 2 if s[k] == "\\" else 1
        if k >= n:
            return None
        j = k + 1
        while j < n and s[j] in " \t\n":
            j += 1
    if j < n and s[j] == ")":
        return url_start, url_end, j + 1
    return None


def _unescape(text: str) -> str:
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", text)


def scan(s: str) -> list[Located]:
    """Every link, image and autolink in ``s``, in source order (outer before nested)."""
    found: list[Located] = []
    _scan_into(s, 0, len(s), found)
    found.sort(key=lambda x: (x.start, -x.end))
    return found


def _scan_into(s: str, lo: int, hi: int, out: list[Located], images_only: bool = False) -> None:
    i = lo
    while i < hi:
        m = _INTERESTING.search(s, i, hi)
        if m is None:
            return
        i = m.start()
        c = s[i]
        if c == "\\":
            i += 2
            continue
        if c == "`":
            i = _skip_code_span(s, i)
            continue
        if c == "<":
            m = _AUTOLINK.match(s, i, hi)
            if m and not images_only:
                out.append(
                    Located(
                        m.group(1),
                        m.group(1),
                        LinkForm.AUTOLINK,
                        i,
                        m.end(),
                        m.start(1),
                        m.end(1),
                        m.start(1),
                        m.end(1),
                    )
                )
                i = m.end()
                continue
            m = _HTML_HREF.match(s, i, hi)
            if m:
                url = m.group(2).strip()
                if url and not images_only:
                    out.append(
                        Located(
                            url,
                            url,
                            LinkForm.AUTOLINK,
                            i,
                            m.end(),
                            m.start(2),
                            m.end(2),
                            m.start(2),
                            m.end(2),
                        )
                    )
                i = m.end()
                continue
        if c == "[" or (c == "!" and i + 1 < hi and s[i + 1] == "["):
            image = c == "!"
            open_at = i + 1 if image else i
            close = _match_bracket(s, open_at)
            if 0 <= close < hi and close + 1 < hi and s[close + 1] == "(":
                dest = _parse_destination(s, close + 1)
                if dest is not None and dest[2] <= hi:
                    url_start, url_end, end = dest
                    if image or not images_only:
                        out.append(_classify(s, i, open_at, close, url_start, url_end, end, image))
                    # Links nest only as an image inside a link's label ([![badge](img)](url)).
                    _scan_into(s, open_at + 1, close, out, images_only=True)
                    i = end
                    continue
            i = open_at + 1
            continue
        if c in "hHwW" and not images_only:
            m = _BARE_URL.match(s, i, hi)
            if m and (i == 0 or not (s[i - 1].isalnum())):
                url = m.group(0)
                url = _trim_bare_url(url)
                end = i + len(url)
                out.append(Located(url, url, LinkForm.AUTOLINK, i, end, i, end, i, end))
                i = end
                continue
        i += 1


def _trim_bare_url(url: str) -> str:
    # GFM: trailing punctuation is not part of the URL, and a ')' only when unbalanced.
    while url:
        if url[-1] in _TRAILING_PUNCT:
            url = url[:-1]
        elif url[-1] == ")" and url.count("(") < url.count(")"):
            url = url[:-1]
        elif url[-1] == "]" and url.count("[") < url.count("]"):
            url = url[:-1]
        else:
            break
    return url


def _classify(
    s: str,
    start: int,
    open_at: int,
    close: int,
    url_start: int,
    url_end: int,
    end: int,
    image: bool,
) -> Located:
    label_start, label_end = open_at + 1, close
    url = _unescape(s[url_start:url_end])
    if image:
        return Located(
            _unescape(s[label_start:label_end]),
            url,
            LinkForm.IMAGE,
            start,
            end,
            label_start,
            label_end,
            url_start,
            url_end,
        )
    inner = s[label_start:label_end]
    if (
        len(inner) >= 2
        and inner[0] == "["
        and inner[-1] == "]"
        and _match_bracket(inner, 0) == len(inner) - 1
    ):
        # [[Label]](url): the brackets are part of the link text.
        return Located(
            _unescape(inner[1:-1]),
            url,
            LinkForm.OUTER,
            start,
            end,
            label_start + 1,
            label_end - 1,
            url_start,
            url_end,
        )
    if end < len(s) and s[end] == "]" and start >= 1 and s[start - 1] == "[":
        # "\[[code](u)]" renders exactly like "[[code](u)]": the escape belongs to the form.
        outer_start = start - 2 if start >= 2 and s[start - 2] == "\\" else start - 1
        return Located(
            _unescape(inner),
            url,
            LinkForm.BRACKETED,
            outer_start,
            end + 1,
            label_start,
            label_end,
            url_start,
            url_end,
        )
    return Located(
        _unescape(inner), url, LinkForm.BARE, start, end, label_start, label_end, url_start, url_end
    )


def links_in_block(first_line: int, lines: list[str]) -> list[Link]:
    """The links of a block of consecutive source lines starting at ``first_line``."""
    text = "\n".join(lines)
    if (
        "[" not in text
        and "<" not in text
        and "http" not in text.lower()
        and "www." not in text.lower()
    ):
        return []
    omap = LineIndex(text, first_line)
    result = []
    for loc in scan(text):
        span = omap.span(loc.start, loc.end)
        result.append(
            Link(
                label=loc.label,
                url=loc.url.strip(),
                form=loc.form,
                span=span,
                label_span=omap.span(loc.label_start, loc.label_end),
                url_span=omap.span(loc.url_start, loc.url_end),
                line=span.start_line,
            )
        )
    return result
