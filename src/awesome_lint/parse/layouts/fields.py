"""Field helpers shared by the layout recognisers: text with exact spans, dates, author names."""

from __future__ import annotations

import datetime
import re

from ...lazy import lazy_regex
from ...model import Entry, EntryDate, Field, Layout, LineIndex, Link, LinkForm, Span
from ..dates import looks_like_date, numeric_date_problem
from ..entries import entry_date, strip_bullet

# Enum members read per line, as module constants (why: entries.py).
_FORM_BARE = LinkForm.BARE
_FORM_BRACKETED = LinkForm.BRACKETED
_FORM_OUTER = LinkForm.OUTER

# Labels paper lists give their links (FORMATS.md §2), lower case, numbered variants stripped.
PAPER_LABELS = frozenset(
    """paper pdf code github project project page website demo blog video colab dataset data
    huggingface hugging face source arxiv slides poster supp supplementary model weights openreview
    html abstract doi bibtex page homepage benchmark leaderboard talk docs report book online tool
    checkpoint checkpoints notebook kaggle youtube zhihu link official code unofficial code""".split()
) | {"project page", "hugging face", "online tool", "official code", "unofficial code"}
_LABEL_SUFFIX = lazy_regex(r"[\s_-]*(?:\d+|\(\w+\)|v\d+)$")
_ISO = lazy_regex(r"^(?P<y>(?:19|20)\d{2})[-./](?P<m>\d{1,2})(?:[-./](?P<d>\d{1,2}))?$")
_YYYYMM = lazy_regex(r"^(?P<y>(?:19|20)\d{2})(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])?$")


def is_paper_link(link: Link) -> bool:
    """A link the way paper lists write them: [[Label](u)], [[Label]](u), or [Paper](u)."""
    if link.form in (_FORM_BRACKETED, _FORM_OUTER):
        return True
    if link.form is not _FORM_BARE:
        return False
    label = _LABEL_SUFFIX.sub("", link.label.strip().strip("*_`")).lower()
    return label in PAPER_LABELS


class Text:
    """Source lines joined by newlines, with offsets mapped back to 1-based line and column.

    A plain class with slots: one is made per unit and per item, and a dataclass with
    cached properties (a lock taken on each first read) cost more than the reading."""

    __slots__ = ("first", "lines", "joined", "_index")

    def __init__(self, first: int, lines: tuple[str, ...]) -> None:
        self.first = first
        self.lines = lines
        self.joined = "\n".join(lines)
        self._index: LineIndex | None = None

    @property
    def index(self) -> LineIndex:
        if self._index is None:
            self._index = LineIndex(self.joined, self.first)
        return self._index

    def offset(self, line: int, col: int) -> int:
        return self.index.offset(line, col)

    def position(self, offset: int) -> tuple[int, int]:
        return self.index.position(offset)

    def field(self, start: int, end: int, strip: str = "") -> Field | None:
        """The text between two offsets, whitespace (and ``strip`` characters) trimmed at both ends."""
        s = self.joined
        chars = " \t\n" + strip
        while start < end and s[start] in chars:
            start += 1
        while end > start and s[end - 1] in chars:
            end -= 1
        if start >= end:
            return None
        return Field(" ".join(s[start:end].split()), self.index.span(start, end))


def make_date(raw: str, span: Span) -> EntryDate | None:
    """A date field: the textual forms entries.py reads, or numeric 2023-04-24 / 2023.04 / 202304.

    A date known to the month only keeps no value (no day is invented) and no problem.
    """
    text = raw.strip()
    m = _ISO.match(text) or _YYYYMM.match(text)
    if m:
        year, month = int(m.group("y")), int(m.group("m"))
        day = int(m.group("d")) if m.group("d") else None
        problem = numeric_date_problem(year, month, day)
        value = datetime.date(year, month, day) if day is not None and not problem else None
        return EntryDate(text, span, value, day, month, year, None, None, None, None, problem)
    if looks_like_date(text):
        return entry_date(text, span)
    return None


def author_names(text: str) -> tuple[str, ...]:
    """Names in an author list; "et al." and link syntax dropped."""
    plain = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text) if "](" in text else text
    plain = re.sub(r",?\s*\bet\s+al\b\.?", "", plain).strip().rstrip(".").strip()
    parts = re.split(r",|;|\band\b|&", plain)
    return tuple(p.strip().strip("*_").strip() for p in parts if p.strip().strip("*_").strip())


def bullet_prefix(line: str) -> int:
    """Width of the bullets at the start of a line: "- - [x]" (a doubled bullet) has two."""
    width = strip_bullet(line)
    while width and (more := strip_bullet(line[width:])):
        width += more
    return width


def new_entry(
    span: Span, layout: Layout, lines, title: Field, links, section: str, **fields
) -> Entry:
    """An entry of a layout that lacks some fields: whatever is not given is absent (None)."""
    absent = dict.fromkeys(
        ("title_bold", "authors", "authors_field", "authors_italic", "date", "venue", "date_venue"),
        None,
    )
    absent["title_bold"] = False
    return Entry(
        span=span,
        layout=layout,
        lines=tuple(lines),
        title=title,
        links=tuple(links),
        section=section,
        **{**absent, **fields},
    )
