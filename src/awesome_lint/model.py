"""The parsed document: frozen dataclasses, built once by the parser, read by every rule.

Positions are 1-based lines and 1-based columns counted in characters (not bytes), with an
exclusive end, so a ``Span`` maps straight onto SARIF regions and GitHub annotations.
Fields that are absent are ``None`` rather than empty, so rules can tell "missing" from
"empty".
"""

from __future__ import annotations

import datetime
import enum
from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate
from typing import Literal

from . import kept_code  # noqa: F401  (first: dataclasses and patterns compile through it)


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """A stretch of the source: 1-based lines and columns (characters), end exclusive."""

    start_line: int
    start_col: int
    end_line: int
    end_col: int

    @classmethod
    def on_line(cls, line: int, start_col: int, end_col: int) -> Span:
        return cls(line, start_col, line, end_col)

    def contains(self, other: Span) -> bool:
        return (self.start_line, self.start_col) <= (other.start_line, other.start_col) and (
            other.end_line,
            other.end_col,
        ) <= (self.end_line, self.end_col)

    def overlaps(self, other: Span) -> bool:
        return (self.start_line, self.start_col) < (other.end_line, other.end_col) and (
            other.start_line,
            other.start_col,
        ) < (self.end_line, self.end_col)

    @property
    def lines(self) -> range:
        """The line numbers this span touches."""
        last = (
            self.end_line
            if self.end_col > 1 or self.end_line == self.start_line
            else self.end_line - 1
        )
        return range(self.start_line, max(self.start_line, last) + 1)


class LineIndex:
    """Maps (line, column) positions in a text to offsets into it and back: the one mapper
    the parser, the layouts and the fixes share.

    ``first_line`` is the line number of the text's first line, for a block of lines cut
    out of a document.
    """

    def __init__(self, text: str, first_line: int = 1) -> None:
        self.text = text
        self.first_line = first_line
        # One per block and per unit, most of them one line long: that case without the walk.
        if "\n" in text:
            self.starts = [0, *accumulate(len(ln) + 1 for ln in text.split("\n"))]
        else:
            self.starts = [0, len(text) + 1]

    def offset(self, line: int, col: int) -> int:
        index = line - self.first_line
        n = len(self.text)
        if index >= len(self.starts) - 1:
            return n
        at = self.starts[index] + col - 1
        return at if at < n else n

    def position(self, offset: int) -> tuple[int, int]:
        """(line, column) of ``offset``; the end of a line is column ``len(line) + 1``."""
        index = bisect_right(self.starts, offset) - 1
        return self.first_line + index, offset - self.starts[index] + 1

    def span(self, start: int, end: int) -> Span:
        starts = self.starts
        i = bisect_right(starts, start) - 1
        # Most spans end on the line they start on: one search, not two.
        if starts[i] <= end and (i + 1 == len(starts) or end < starts[i + 1]):
            j = i
        else:
            j = bisect_right(starts, end) - 1
        first = self.first_line
        return Span(first + i, start - starts[i] + 1, first + j, end - starts[j] + 1)

    def span_offsets(self, span: Span) -> tuple[int, int]:
        return self.offset(span.start_line, span.start_col), self.offset(
            span.end_line, span.end_col
        )

    def line_of(self, offset: int) -> int:
        """The line holding ``offset``."""
        return bisect_right(self.starts, offset) + self.first_line - 1


class LinkForm(str, enum.Enum):
    BRACKETED = "bracketed"  # [[Label](url)]
    OUTER = "outer"  # [[Label]](url)
    BARE = "bare"  # [Label](url)
    AUTOLINK = "autolink"  # <https://example.org>
    IMAGE = "image"  # ![alt](url)


@dataclass(frozen=True, slots=True)
class Link:
    """An inline link or image as written: label, URL and where each part is."""

    label: str
    url: str
    form: LinkForm
    span: Span  # the whole construct, outer brackets included
    label_span: Span
    url_span: Span
    line: int


class Marker(str, enum.Enum):
    """How a line of an entry ends: the hard line break the author wrote, if any."""

    BR = "br"  # <br>, <br/>, <br />, with or without a space before
    BACKSLASH = "backslash"  # a trailing backslash
    SPACES = "spaces"  # two or more trailing spaces
    NONE = "none"


class LineKind(str, enum.Enum):
    TITLE = "title"
    AUTHORS = "authors"
    DATE_VENUE = "date-venue"
    LINKS = "links"
    ITEM = "item"  # a one-line entry (a bullet or a table row): title and links on one line
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class EntryLine:
    """One source line of an entry, split into content and its line-break marker."""

    number: int
    text: str  # the whole source line, without its newline
    indent: int  # leading spaces
    content_end: int  # 0-based index where the content ends (before marker and whitespace)
    marker: Marker
    marker_start: int  # 0-based index of the marker text (== content_end when NONE)
    marker_end: int  # 0-based index just past the marker text
    after_marker: str  # what follows the marker on the line (normally "", or whitespace)
    kind: LineKind

    @property
    def content(self) -> str:
        return self.text[self.indent : self.content_end]

    @property
    def marker_text(self) -> str:
        return self.text[self.marker_start : self.marker_end]


class MonthForm(str, enum.Enum):
    ABBR_DOT = "abbr-dot"  # Sep.
    ABBR = "abbr"  # Sep
    FULL = "full"  # September (and May, which is all three)
    NUMERIC = "numeric"  # 2023-09-12


@dataclass(frozen=True, slots=True)
class DateStyle:
    """How a date was written, so the list's majority style can be inferred and enforced."""

    ordinal: bool  # 12th
    padded: bool  # 07th
    month_form: MonthForm
    comma: bool  # a comma between month and year
    day_comma: bool  # a comma after the day ("8th, Jul.")


@dataclass(frozen=True, slots=True)
class EntryDate:
    """The date field of an entry: the text, its parts, its style, or why it is no date."""

    raw: str  # the text inside the brackets
    span: Span  # the text inside the brackets
    value: datetime.date | None
    day: int | None
    month: int | None
    year: int | None
    day_text: str | None  # "23th"
    day_span: Span | None
    month_text: str | None
    style: DateStyle | None
    problem: str | None  # why no date could be made of it (None when value is set)


@dataclass(frozen=True, slots=True)
class Field:
    """The text of one field of an entry (title, venue...) and where it is."""

    text: str
    span: Span


# How an entry is written (FORMATS.md): a paper block (``**Title**<br>`` / authors / date
# and venue / links), with the date on the title line, with a ``[**VENUE**]`` prefix, with the
# date line first or last; one paper per list item, a list item whose sub-items are its
# fields, or a table row.
Layout = Literal[
    "block",
    "title-date",
    "venue-prefix",
    "date-first",
    "date-last",
    "bullet",
    "numbered",
    "table",
]


@dataclass(frozen=True, slots=True)
class Entry:
    """One paper entry as the list writes it, in whichever layout: its fields and links."""

    span: Span
    layout: Layout
    lines: tuple[EntryLine, ...]
    title: Field | None
    title_bold: bool
    authors: tuple[str, ...] | None  # names, italics and trailing period removed
    authors_field: Field | None  # the authors text inside the italics
    authors_italic: bool | None
    date: EntryDate | None
    venue: Field | None
    date_venue: Field | None  # the whole "[date] [venue]" run
    links: tuple[Link, ...]
    section: str  # slug of the innermost section heading ("" before any heading)
    # The roles in the order written, with separators ("title:link", ",", "authors", "links"):
    # what the list's template is the majority of (template.py). Empty for layouts read by a
    # dedicated recogniser, whose shape is their layout.
    shape: tuple[str, ...] = ()

    @property
    def line(self) -> int:
        return self.span.start_line

    def line_of(self, kind: LineKind) -> EntryLine | None:
        for ln in self.lines:  # (a loop, not next() over a generator: rules ask per entry)
            if ln.kind is kind:
                return ln
        return None


@dataclass(frozen=True, slots=True)
class ClassicItem:
    """A classic awesome-list item, ``- [Name](url) - Description.`` (layouts/classic.py)."""

    span: Span  # the item's first paragraph, bullet excluded
    depth: int  # list nesting: 0 for a top-level item
    group: int  # first line of the list that holds it: items with the same group are siblings
    link: Link  # the item's own link, [Name](url)
    name: str  # the link text as rendered (emphasis and code marks removed)
    separator: Field | None  # what stands between the link and the description (" - ")
    description: Field | None  # the text after the separator, None when there is none
    section: str  # slug of the innermost section heading ("" before any heading)

    @property
    def line(self) -> int:
        return self.span.start_line


@dataclass(frozen=True, slots=True)
class Heading:
    """A Markdown heading: its level, rendered text, GitHub anchor and place."""

    level: int
    text: str  # rendered text, HTML and emphasis removed
    raw: str  # the source after the hashes
    slug: str  # GitHub anchor, with -1, -2 suffixes for repeats
    span: Span
    line: int


@dataclass(frozen=True, slots=True)
class Section:
    """A heading with its body: the entries directly under it and its subsections."""

    heading: Heading | None  # None for the preamble before the first heading
    entries: tuple[Entry, ...]  # entries directly under this heading
    subsections: tuple[Section, ...]
    body_lines: tuple[int, int]  # first and last line of the body (excluding subsections)
    has_content: bool  # any non-blank, non-rule, non-comment content in the body

    @property
    def title(self) -> str:
        return self.heading.text if self.heading else ""

    def walk(self):
        yield self
        for sub in self.subsections:
            yield from sub.walk()


@dataclass(frozen=True, slots=True)
class TocItem:
    """One link of the table of contents, and the anchor it points to."""

    text: str
    anchor: str  # without the '#'
    depth: int  # 0 for top-level items
    link: Link


@dataclass(frozen=True, slots=True)
class Document:
    """A parsed list: the text, its headings, sections, entries, links and table of contents."""

    path: str
    text: str  # newline-normalised, BOM removed
    lines: tuple[str, ...]
    headings: tuple[Heading, ...]
    sections: tuple[Section, ...]  # roots: the preamble first, then top-level headings
    entries: tuple[Entry, ...]
    links: tuple[Link, ...]  # every inline link in the document, entries included
    toc: tuple[TocItem, ...]
    toc_line: int | None  # first line of the ToC list
    anchors: frozenset[str]  # heading slugs and <a name>/<div id> targets
    opaque_lines: frozenset[int]  # code, HTML blocks and comments: not Markdown text
    comments: tuple[tuple[int, str], ...]  # (line, text) of HTML comments, for suppression
    items: tuple[ClassicItem, ...] = ()  # classic list items (never also in ``entries``)
    entries_read: bool = True  # False when no selected rule reads entries: none were sought
    tables: tuple[tuple[int, int], ...] = ()  # first and last line of every pipe table

    def all_sections(self):
        for root in self.sections:
            yield from root.walk()
