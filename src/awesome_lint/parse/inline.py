"""Find the links of a block in its source text, with exact positions, in linear time.

markdown-it-py gives line ranges for blocks only, its inline tokens carry no columns, and its
inline parser is quadratic on unmatched brackets (100,000 ``[`` take seconds). So links are
located here with CommonMark's own link algorithm: one left-to-right walk that pushes ``[``
and ``![`` openers on a stack; at ``]`` the nearest opener becomes a link when an inline
destination or a defined reference follows, and a link deactivates the openers before it
(links do not nest; an image inside a link's text does). Code spans, autolinks, raw HTML tags
and comments are skipped whole, as the renderer gives them precedence. Every look-ahead is
either bounded (a destination stops at whitespace or 32 open parentheses, as markdown-it's
does) or served by a search whose answer is reused until the walk passes it, so a block
costs time linear in its length whatever it contains: no backtracking regex reads it.

GitHub's bare-URL autolinks (``www.`` and ``http(s)://`` in text) are found afterwards in the
text between everything else, as cmark-gfm's extension does.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import NamedTuple

from ..lazy import lazy_regex
from ..model import LineIndex, Link, LinkForm, Span
from .htmltags import comments, decode_entities, tag_at, tags
from .makers import make_link, make_span

# Enum members read per line, as module constants (why: entries.py).
_FORM_AUTOLINK = LinkForm.AUTOLINK
_FORM_BARE = LinkForm.BARE
_FORM_BRACKETED = LinkForm.BRACKETED
_FORM_IMAGE = LinkForm.IMAGE
_FORM_OUTER = LinkForm.OUTER

# The walk stops only at these: escapes, code, raw HTML and autolinks, brackets.
# (A "!" is an image opener only before "[": one character class scans faster than "!\[" as an
# alternative, and the walk skips the other "!".)
_EVENT = lazy_regex(r"[\\`<\[\]!]")
_ASCII_PUNCT = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
_BACKTICKS = lazy_regex(r"`+")
# CommonMark autolink: a scheme of 2-32 characters, then no space, "<" or ">".
_AUTOLINK = lazy_regex(r"<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*)>")
_BR = lazy_regex(r"<br ?/?>")
_EMAIL_AUTOLINK = lazy_regex(r"<([A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9.-]+)>")
# GitHub turns bare www. and http(s) URLs in text into links (GFM autolink extension; its
# "www." is lower case only: "WWW.0" is text).
_BARE_URL = lazy_regex(r"(?<![\w/(\[<\"'=])(?:(?i:https?://)|www\.)[^\s<]+")
_TRAILING_PUNCT = ".,:;!?*_~'\""
_SIMPLE_DESTINATION = lazy_regex(r"\(([^\s()<>\\\"']*)\)")
# "[label](url)" with nothing in the label the walk stops at and the simple destination: what
# the walk would make of it (an opener, its "]" and the destination), read in one match.
_SIMPLE_LINK = lazy_regex(r"\[([^\\`<\[\]]*)\]\(([^\s()<>\\\"']*)\)")
_BRACKETED_LINK = lazy_regex(r"\[\[([^\\`<\[\]]*)\]\(([^\s()<>\\\"']*)\)\]")
# "[text]" with nothing the walk stops at inside, not followed by "(": no inline link.
_PLAIN_GROUP = lazy_regex(r"\[[^\\`<\[\]!]*\](?!\()")
_SPACE_OR_CONTROL = lazy_regex(r"[\s\x00-\x1f]")
_PAREN = lazy_regex(r"[()]")
_MAX_LABEL = 999  # CommonMark's limit on a reference label
_LINK_TAGS = {"a": ("href",), "img": ("src", "srcset"), "source": ("src", "srcset")}


@dataclass(frozen=True, slots=True)
class Reference:
    """A link reference definition (``[label]: url``), where its URL is written."""

    url: str
    url_span: Span


# The walk's own records are named tuples: made per link and per block and thrown away once
# mapped, and a frozen dataclass costs a call per field to make.
class Located(NamedTuple):
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
    reference: Reference | None = None


# A named tuple made from a tuple in C: its class's own constructor is a Python function
# (a call per link found, on every link of the list).
_new = tuple.__new__


class Scanned(NamedTuple):
    links: list[Located]
    comments: list[tuple[int, int, str]]  # (start, end, body) of <!-- --> outside code
    code: list[tuple[int, int]]  # code spans (start, end)


def normalize_label(label: str) -> str:
    """A reference label as markdown-it keys its definitions (trimmed, whitespace collapsed,
    case folded)."""
    return " ".join(label.split()).lower().upper()


def _escaped(s: str, p: int) -> bool:
    """Whether ``s[p]`` is escaped: an odd run of backslashes right before it. Runs before
    different positions do not overlap, so the callers stay linear."""
    k = p
    while k > 0 and s[k - 1] == "\\":
        k -= 1
    return (p - k) % 2 == 1


class _Parens:
    """Unescaped parentheses of a text matched once with a stack."""

    def __init__(self, s: str) -> None:
        self.match: dict[int, int] = {}
        self.opens: list[int] = []
        self.closes: list[int] = []
        stack: list[int] = []
        for m in _PAREN.finditer(s):
            k = m.start()
            if _escaped(s, k):
                continue
            if s[k] == "(":
                self.opens.append(k)
                stack.append(k)
            else:
                self.closes.append(k)
                if stack:
                    self.match[stack.pop()] = k

    def balanced(self, a: int, b: int) -> bool:
        """Whether ``s[a:b]`` opens as many parentheses as it closes (the caller knows none
        of its ")" closes a "(" before ``a``)."""
        opened = bisect_left(self.opens, b) - bisect_left(self.opens, a)
        closed = bisect_left(self.closes, b) - bisect_left(self.closes, a)
        return opened == closed


class _Next:
    """The next unescaped occurrence of a string (or the next match of a one-character
    pattern) at or after a position. An answer is reused for every later query that it still
    answers, so queries in increasing order cost one pass over the text together."""

    def __init__(self, s: str, needle: str | re.Pattern, escapable: bool = True) -> None:
        self.s = s
        self.needle = needle
        self.escapable = escapable
        self.asked = -1
        self.answer = -2

    def _search(self, p: int) -> int:
        if isinstance(self.needle, str):
            return self.s.find(self.needle, p)
        m = self.needle.search(self.s, p)
        return m.start() if m else -1

    def find(self, p: int) -> int:
        if self.asked <= p and (self.answer == -1 or p <= self.answer):
            return self.answer
        k = self._search(p)
        while k >= 0 and self.escapable and _escaped(self.s, k):
            k = self._search(k + 1)
        self.asked, self.answer = p, k
        return k


class _Search:
    """A ``_Next`` search of the walk's text, made on first use (most blocks are a line or two
    that need none): stored on the instance, which then answers without this descriptor.
    (A ``__getattr__`` on the walk did the same but slowed every attribute read of it.)"""

    def __init__(self, needle: str | re.Pattern, escapable: bool) -> None:
        self.needle = needle
        self.escapable = escapable

    def __set_name__(self, owner, name: str) -> None:
        self.name = name

    def __get__(self, walk, owner=None):
        made = _Next(walk.s, self.needle, self.escapable)
        walk.__dict__[self.name] = made
        return made


class _Quotes:
    """The searches for the closing quote or parenthesis of a link title, made on first use."""

    def __get__(self, walk, owner=None):
        made = {q: _Next(walk.s, q) for q in "\"')"}
        walk.__dict__["next_quote"] = made
        return made


class _Opener(NamedTuple):
    pos: int  # the "[" (for an image, the "[" after "!")
    image: bool
    seq: int


class _Walk:
    next_gt = _Search(">", False)
    next_comment_end = _Search("-->", False)
    next_close = _Search("]", True)
    next_open = _Search("[", True)
    next_space = _Search(_SPACE_OR_CONTROL, False)
    next_quote = _Quotes()

    def __init__(self, s: str, refs: dict[str, Reference]) -> None:
        self.s = s
        self.n = len(s)
        self.refs = refs
        self.links: list[Located] = []
        self.comments: list[tuple[int, int, str]] = []
        self.code: list[tuple[int, int]] = []
        self.skipped: list[tuple[int, int]] = []  # code, raw HTML, autolinks: not text
        self.closed_by: dict[int, int] = {}  # "[" -> the "]" that closed it
        self._runs: dict[int, list[int]] | None = None
        self._paren_table: _Parens | None = None

    def _parens(self) -> _Parens:
        if self._paren_table is None:
            self._paren_table = _Parens(self.s)
        return self._paren_table

    # -- code spans ------------------------------------------------------------------------
    def _closing_run(self, after: int, length: int) -> int:
        """Start of the first backtick run of exactly ``length`` at or after ``after``."""
        if self._runs is None:
            self._runs = {}
            for m in _BACKTICKS.finditer(self.s):
                self._runs.setdefault(m.end() - m.start(), []).append(m.start())
        starts = self._runs.get(length, [])
        k = bisect_left(starts, after)
        return starts[k] if k < len(starts) else -1

    def _code_span(self, i: int) -> int:
        m = _BACKTICKS.match(self.s, i)
        length = m.end() - i
        close = self._closing_run(m.end(), length)
        if close < 0:
            return m.end()
        self.code.append((i, close + length))
        self.skipped.append((i, close + length))
        return close + length

    # -- raw HTML and autolinks ------------------------------------------------------------
    def _angle(self, i: int) -> int:
        s = self.s
        if s.startswith("<!--", i):
            end = self.next_comment_end.find(i + 4)
            if end >= 0:
                self.comments.append((i, end + 3, s[i + 4 : end]))
                self.skipped.append((i, end + 3))
                return end + 3
            return i + 1
        br = _BR.match(s, i)
        if br is not None:
            # A line break tag, what paper lists write most: read as tag_at reads it (a "br"
            # tag without attributes, no link), without the autolink patterns and searches.
            self.skipped.append((i, br.end()))
            return br.end()
        m = _AUTOLINK.match(s, i) or _EMAIL_AUTOLINK.match(s, i)
        if m:
            url = m.group(1)
            a, b = m.span(1)
            self.links.append(Located(url, url, _FORM_AUTOLINK, i, m.end(), a, b, a, b))
            self.skipped.append((i, m.end()))
            return m.end()
        gt = self.next_gt.find(i + 1)
        lt = s.find("<", i + 1, gt) if gt >= 0 else -1
        tag = tag_at(s, i, gt, lt)
        if tag is None:
            return i + 1
        self._tag_links(tag)
        self.skipped.append((tag.start, tag.end))
        return tag.end

    def _tag_links(self, tag) -> None:
        wanted = _LINK_TAGS.get(tag.name)
        if not wanted:
            return
        form = _FORM_AUTOLINK if tag.name == "a" else _FORM_IMAGE
        for attr in tag.attributes:
            if attr.name in wanted and attr.value.strip():
                url = attr.value.strip()
                self.links.append(
                    Located(
                        url,
                        url,
                        form,
                        tag.start,
                        tag.end,
                        attr.start,
                        attr.end,
                        attr.start,
                        attr.end,
                    )
                )
                return

    # -- links -----------------------------------------------------------------------------
    def _destination(self, p: int) -> tuple[int, int, int] | None:
        """Parse ``(dest "title")`` at the ``(`` at ``p``: (url_start, url_end, end)."""
        s, n = self.s, self.n
        m = _SIMPLE_DESTINATION.match(s, p)
        if m:  # the common case: no spaces, parentheses, escapes or title
            return m.start(1), m.end(1), m.end()
        j = self._skip_space(p + 1)
        if j < n and s[j] == "<":
            gt = self.next_gt.find(j + 1)
            if gt < 0 or s.find("<", j + 1, gt) >= 0 or s.find("\n", j + 1, gt) >= 0:
                return None
            url_start, url_end, j = j + 1, gt, gt + 1
        else:
            # The destination ends at the ")" matching the "(" or at whitespace, and its
            # parentheses must balance: both answered from tables built once per block.
            url_start = j
            close = self._parens().match.get(p, -1)
            space = self.next_space.find(j)
            if space < 0:
                space = n
            if 0 <= close < space:
                return url_start, close, close + 1
            if not self._parens().balanced(j, space):
                return None
            url_end = j = space
        j = self._skip_space(j)
        if j < n and s[j] in "\"'(" and j > url_end:
            close = self.next_quote[")" if s[j] == "(" else s[j]].find(j + 1)
            if close < 0:
                return None
            j = self._skip_space(close + 1)
        if j < n and s[j] == ")":
            return url_start, url_end, j + 1
        return None

    def _skip_space(self, j: int) -> int:
        s, n = self.s, self.n
        while j < n and s[j] in " \t\n":
            j += 1
        return j

    def _reference(self, opener: _Opener, close: int) -> tuple[Reference, int] | None:
        """A reference link closing at ``close``: full ``[text][ref]``, collapsed
        ``[text][]`` or shortcut ``[text]``; (definition, end) when the label is defined."""
        if not self.refs:
            return None
        s = self.s
        if close + 1 < self.n and s[close + 1] == "[":
            end = self.next_close.find(close + 2)
            if 0 <= end - close - 2 <= _MAX_LABEL and not (
                0 <= self.next_open.find(close + 2) < end
            ):
                label = s[close + 2 : end] or s[opener.pos + 1 : close]
                ref = self.refs.get(normalize_label(label))
                return (ref, end + 1) if ref else None
        label = s[opener.pos + 1 : close]
        if len(label) > _MAX_LABEL:
            return None
        ref = self.refs.get(normalize_label(label))
        return (ref, close + 1) if ref else None

    def _close_bracket(self, i: int, stack: list[_Opener], dead_below: int) -> tuple[int, bool]:
        """At the ``]`` at ``i``: (where to go on, whether a link was made)."""
        opener = stack.pop()
        self.closed_by[opener.pos] = i
        if opener.seq < dead_below:
            return i + 1, False
        s = self.s
        dest = self._destination(i + 1) if i + 1 < self.n and s[i + 1] == "(" else None
        ref = None
        if dest is None:
            found = self._reference(opener, i)
            if found is None:
                return i + 1, False
            ref, end = found
            url_start, url_end, url = i + 1, end, ref.url
        else:
            url_start, url_end, end = dest
            url = decode_entities(_unescape(s[url_start:url_end]))
        self.links.append(self._classify(opener, i, url, url_start, url_end, end, ref))
        return end, not opener.image

    def _classify(
        self,
        opener: _Opener,
        close: int,
        url: str,
        url_start: int,
        url_end: int,
        end: int,
        ref: Reference | None,
    ) -> Located:
        s = self.s
        label_start, label_end = opener.pos + 1, close
        start = opener.pos - 1 if opener.image else opener.pos
        inner = s[label_start:label_end]
        if opener.image:
            form = _FORM_IMAGE
        elif (
            len(inner) >= 2 and inner[0] == "[" and self.closed_by.get(label_start) == label_end - 1
        ):
            # [[Label]](url): the brackets are part of the link text.
            return Located(
                _unescape(inner[1:-1]),
                url,
                _FORM_OUTER,
                start,
                end,
                label_start + 1,
                label_end - 1,
                url_start,
                url_end,
                ref,
            )
        elif end < self.n and s[end] == "]" and start >= 1 and s[start - 1] == "[":
            # "\[[code](u)]" renders exactly like "[[code](u)]": the escape belongs to the form.
            outer_start = start - 2 if start >= 2 and s[start - 2] == "\\" else start - 1
            return Located(
                _unescape(inner),
                url,
                _FORM_BRACKETED,
                outer_start,
                end + 1,
                label_start,
                label_end,
                url_start,
                url_end,
                ref,
            )
        else:
            form = _FORM_BARE
        return Located(
            _unescape(inner), url, form, start, end, label_start, label_end, url_start, url_end, ref
        )

    def run(self) -> None:
        s, n = self.s, self.n
        stack: list[_Opener] = []
        seq = 0
        dead_below = 0  # openers pushed before the last link was made cannot become links
        i = 0
        while i < n:
            m = _EVENT.search(s, i)
            if m is None:
                break
            i = m.start()
            c = s[i]
            if c == "\\":
                i += 2 if i + 1 < n and s[i + 1] in _ASCII_PUNCT else 1
            elif c == "`":
                i = self._code_span(i)
            elif c == "<":
                if s.startswith("<br>", i):  # (a paper line's break: what _angle makes of it)
                    self.skipped.append((i, i + 4))
                    i += 4
                else:
                    i = self._angle(i)
            elif c == "!" and not s.startswith("[", i + 1):
                i += 1
            elif c == "[" and (m := _BRACKETED_LINK.match(s, i)) is not None:
                # "[[label](url)]": the outer opener, the plain link inside it (which kills
                # the outer one), and the "]" that closes the dead opener, as the walk goes.
                # The link is what _classify makes of it: bracketed, its label and URL as
                # matched (neither can hold a backslash to unescape).
                close = m.end(1)
                self.closed_by[i + 1] = close
                url = m.group(2)
                if "&" in url:
                    url = decode_entities(url)
                outer = i - 1 if i >= 1 and s[i - 1] == "\\" else i
                self.links.append(
                    _new(Located, (m.group(1), url, _FORM_BRACKETED, outer, m.end(), i + 2,
                                   close, m.start(2), m.end(2), None))
                )  # fmt: skip
                self.closed_by[i] = m.end() - 1
                seq += 2
                dead_below = seq
                i = m.end()
            elif c == "[" and (m := _SIMPLE_LINK.match(s, i)) is not None:
                # The opener is pushed and closed at once: a link, so every opener before it
                # is dead, as _close_bracket leaves them.
                close = m.end(1)
                self.closed_by[i] = close
                url = m.group(2)
                if "&" in url:
                    url = decode_entities(url)
                end = m.end()
                if end < n and s[end] == "]" and i >= 1 and s[i - 1] == "[":
                    # "\[[code](u)]": bracketed after all (_classify decides how).
                    opener = _Opener(i, False, seq)
                    self.links.append(self._classify(opener, close, url, *m.span(2), end, None))
                else:
                    self.links.append(
                        _new(Located, (m.group(1), url, _FORM_BARE, i, end, i + 1, close,
                                       m.start(2), m.end(2), None))
                    )  # fmt: skip
                seq += 1
                dead_below = seq
                i = m.end()
            elif c == "[" and not self.refs and (m := _PLAIN_GROUP.match(s, i)) is not None:
                # "[12th Sep., 2023]": with no reference defined, an opener whose "]" follows
                # with nothing the walk stops at between and no "(" after can be no link:
                # pushed and closed at once, as the walk would.
                close = m.end() - 1
                self.closed_by[i] = close
                seq += 1
                i = m.end()
            elif c == "[" or c == "!":
                image = c == "!"
                stack.append(_Opener(i + 1 if image else i, image, seq))
                seq += 1
                i += 2 if image else 1
            elif not stack:  # a "]" with nothing open
                i += 1
            else:
                i, made_link = self._close_bracket(i, stack, dead_below)
                if made_link:
                    dead_below = seq
        self._bare_urls()

    def _bare_urls(self) -> None:
        """GFM autolinks in the text outside links, code, raw HTML and autolinks."""
        s = self.s
        if _all_inside_urls(s, self.links):
            return
        taken = sorted([(lk.start, lk.end) for lk in self.links] + self.skipped)
        gaps: list[tuple[int, int]] = []
        pos = 0
        for a, b in taken:
            if a > pos:
                gaps.append((pos, a))
            pos = max(pos, b)
        gaps.append((pos, self.n))
        for a, b in gaps:
            if s.find("://", a, b) < 0 and s.find("www.", a, b) < 0:
                continue
            for m in _BARE_URL.finditer(s, a, b):
                raw = m.group(0)
                url = _trim_bare_url(raw)
                # "www." or "https://" with nothing after it once the trailing punctuation
                # is gone ("**WWW.**") is text: GFM wants a domain after the prefix.
                prefix = 4 if raw.startswith("www.") else raw.index("://") + 3
                if len(url) > prefix:
                    st, en = m.start(), m.start() + len(url)
                    self.links.append(Located(url, url, _FORM_AUTOLINK, st, en, st, en, st, en))


def _all_inside_urls(s: str, links: list[Located]) -> bool:
    """Whether every "://" and "www." of ``s`` lies inside the URL of one of ``links``.

    Every bare URL holds one of them: counted in C, where the pattern (a look-behind at
    every character) would read the whole text. In a paper block all of them are in its
    links' URLs, and no text between the links can hold a bare URL."""
    schemes, wwws = s.count("://"), s.count("www.")
    for lk in links:
        if not schemes and not wwws:
            return True
        schemes -= s.count("://", lk.url_start, lk.url_end)
        wwws -= s.count("www.", lk.url_start, lk.url_end)
    return not schemes and not wwws


def _trim_bare_url(url: str) -> str:
    # GFM: trailing punctuation is not part of the URL, and a ')' only when unbalanced.
    opens, closes = url.count("("), url.count(")")
    opens_sq, closes_sq = url.count("["), url.count("]")
    end = len(url)
    while end:
        c = url[end - 1]
        if c in _TRAILING_PUNCT:
            pass
        elif c == ")" and opens < closes:
            closes -= 1
        elif c == "]" and opens_sq < closes_sq:
            closes_sq -= 1
        else:
            break
        end -= 1
    return url[:end]


_ESCAPED = lazy_regex(r"\\([!-/:-@\[-`{-~])")


def _unescape(text: str) -> str:
    return _ESCAPED.sub(r"\1", text) if "\\" in text else text


def scan(s: str, refs: dict[str, Reference] | None = None) -> list[Located]:
    """Every link, image and autolink in ``s``, in source order (outer before nested)."""
    return scan_all(s, refs).links


def scan_all(s: str, refs: dict[str, Reference] | None = None) -> Scanned:
    """The links of ``s`` with the comments and code spans met on the way."""
    walk = _Walk(s, refs or {})
    walk.run()
    walk.links.sort(key=lambda x: (x.start, -x.end))
    return _new(Scanned, (walk.links, walk.comments, walk.code))


class BlockScan(NamedTuple):
    links: list[Link]
    comments: list[tuple[int, str]]  # (line, body)


def scan_block(
    first_line: int, lines: list[str], refs: dict[str, Reference] | None = None
) -> BlockScan:
    """The links and comments of a Markdown block of consecutive source lines starting at
    ``first_line``."""
    index = LineIndex("\n".join(lines), first_line)
    return scan_lines(index, first_line, first_line + len(lines) - 1, refs)


def scan_lines(
    index: LineIndex, first: int, last: int, refs: dict[str, Reference] | None = None
) -> BlockScan:
    """The links and comments of lines ``first``..``last`` of the text ``index`` maps: the
    block is cut out of that text in one slice and its positions mapped with the text's own
    line table (no join and no table per block)."""
    starts, number = index.starts, index.first_line
    lo_line, hi_line = first - number, last - number + 1  # the block's entries in ``starts``
    base = starts[lo_line]
    text = index.text[base : starts[hi_line] - 1]
    if "[" not in text and "<" not in text and "://" not in text and "www." not in text:
        return BlockScan([], [])  # no link, autolink, tag or bare URL can be in it
    found = scan_all(text, refs)

    def span(a: int, b: int) -> Span:
        a += base
        b += base
        i = bisect_right(starts, a, lo_line, hi_line) - 1
        j = i if b < starts[i + 1] else bisect_right(starts, b, lo_line, hi_line) - 1
        return make_span(number + i, a - starts[i] + 1, number + j, b - starts[j] + 1)

    result = []
    for label, url, form, a, b, label_start, label_end, url_start, url_end, ref in found.links:
        # (one unpacking of the record, not ten attribute reads)
        # A link's three spans nearly always lie on the line it starts on: that line is
        # found once, and the general mapping is used only for a span that leaves it.
        i = bisect_right(starts, a + base, lo_line, hi_line) - 1
        lo, line = starts[i] - base, number + i
        hi = starts[i + 1] - base
        whole = make_span(line, a - lo + 1, line, b - lo + 1) if b < hi else span(a, b)
        if ref:
            url_span = ref.url_span
        else:
            url_span = (
                make_span(line, url_start - lo + 1, line, url_end - lo + 1)
                if lo <= url_start and url_end < hi
                else span(url_start, url_end)
            )
        label_span = (
            make_span(line, label_start - lo + 1, line, label_end - lo + 1)
            if lo <= label_start and label_end < hi
            else span(label_start, label_end)
        )
        # (positional: keywords to a class are gathered in a dict first)
        result.append(make_link(label, url.strip(), form, whole, label_span, url_span, line))
    comments = [
        (number - 1 + bisect_right(starts, a + base, lo_line, hi_line), body)
        for a, _, body in found.comments
    ]
    return _new(BlockScan, (result, comments))


def html_links(first_line: int, lines: list[str]) -> BlockScan:
    """The links and comments of a raw HTML block: its tags' ``href``/``src`` only, as
    Markdown inside an HTML block is shown as written, not rendered."""
    text = "\n".join(lines)
    omap = LineIndex(text, first_line)
    walk = _Walk(text, {})
    hidden = list(comments(text))
    k = 0
    for tag in tags(text):  # both in source order: one merge skips the commented-out tags
        while k < len(hidden) and hidden[k][1] <= tag.start:
            k += 1
        if k < len(hidden) and hidden[k][0] <= tag.start:
            continue
        walk._tag_links(tag)
    result = []
    for loc in walk.links:
        span = omap.span(loc.start, loc.end)
        url_span = omap.span(loc.url_start, loc.url_end)
        result.append(
            make_link(loc.label, loc.url, loc.form, span, url_span, url_span, span.start_line)
        )
    found = [(omap.position(a)[0], body) for a, _, body in hidden]
    return BlockScan(result, found)


def definitions(env_refs: dict, lines: list[str]) -> dict[str, Reference]:
    """Link reference definitions from markdown-it's block pass, each with the raw URL as
    written and where it is (a fix to the URL edits the definition)."""
    refs: dict[str, Reference] = {}
    for key, ref in (env_refs or {}).items():
        start, end = ref.get("map", (None, None))
        if start is None:
            continue
        block = lines[start:end]
        text = "\n".join(block)
        omap = LineIndex(text, start + 1)
        colon = text.find("]:")
        j = colon + 2
        while 0 < j < len(text) and text[j] in " \t\n":
            j += 1
        if colon < 0 or j >= len(text):
            continue
        if text[j] == "<":
            k = text.find(">", j + 1)
            a, b = j + 1, (k if k >= 0 else len(text))
        else:
            a = b = j
            while b < len(text) and not text[b].isspace():
                b += 1
        url = decode_entities(_unescape(text[a:b]))
        refs[key] = Reference(url, omap.span(a, b))
    return refs
