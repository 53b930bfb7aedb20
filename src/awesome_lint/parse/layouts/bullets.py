"""One paper per list item: ``- Title [[Paper]](u) [[Code]](u)`` (HFM) and
``* [CVPR 2019] Title [[pdf]](u) [[code]](u)`` (REG).

The title is the text before the first paper link; a bracketed ``[Venue Year]`` (or
``[**Venue Year**]``) in front of it is the venue. An item that starts with a link is a
classic item (``- [Name](url) - Description.``), not a paper bullet.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from ...lazy import lazy_regex
from ...model import Entry, Field, LineKind, Link, LinkForm, Span
from ..entries import analyze_line, strip_bullet
from .fields import Text, is_paper_link, make_date, new_entry

# Enum members read per line, as module constants (why: entries.py).
_KIND_ITEM = LineKind.ITEM
_FORM_IMAGE = LinkForm.IMAGE

_VENUE = lazy_regex(
    r"(?:\[\*\*(?P<a>[^\[\]]+?)\*\*\]|\*\*\[(?P<b>[^\[\]]+?)\]\*\*|\[(?P<c>[^\[\]]+?)\](?![(\[]))[ \t]*"
)
# "[2023.05]" in front of a title is a date stamp, not a venue.
_DATE_STAMP = lazy_regex(r"^\s*(?:19|20)\d{2}(?:[-./]\d{1,2}){0,2}\s*$")
_VENUE_LIKE = lazy_regex(
    r"\b(?:19|20)\d{2}\b|^[A-Z][A-Za-z&-]{1,15}(?: [A-Z][A-Za-z&-]{1,15}){0,3}$"
)
_TITLE_TRAIL = " \t-–—:|,;"
# * **MedSAM**: "Segment Anything in Medical Images", Nature Communications, 2024 (*Toronto*).
_ABBREVIATED = lazy_regex(
    r"\*\*[^*]+\*\*\s*:\s*[\"“](?P<title>[^\"”]+)[\"”]\s*,?\s*(?P<rest>[^()]*?)[\s.,]*(?:\([^()]*\))?[\s.]*$"
)


class BulletReading(NamedTuple):
    """What ``read_bullet`` found in an item: its entry is made only if it is kept."""

    prefix: int  # columns of the bullet
    title: Field
    bold: bool
    links: list[Link]  # the item's links, images aside
    venue: Field | None
    date: object  # EntryDate | None

    @property
    def fields(self) -> int:
        """Fields read besides the title and links (a bullet gives no authors)."""
        return (self.venue is not None) + (self.date is not None)


def bullet_entry(first: int, para: list[str], section: str, found: BulletReading) -> Entry:
    """The entry of a bullet ``read_bullet`` read."""
    lines = [
        analyze_line(first + k, ln, found.prefix if k == 0 else 0, _KIND_ITEM)
        for k, ln in enumerate(para)
    ]
    last = lines[-1]
    return new_entry(
        Span(first, found.prefix + 1, last.number, len(last.text) + 1),
        "bullet",
        lines,
        found.title,
        found.links,
        section,
        title_bold=found.bold,
        venue=found.venue,
        date=found.date,
    )


def read_bullet(first: int, para: list[str], links: list[Link]) -> BulletReading | None:
    """The fields of the list item whose first paragraph is ``para``, if it is a paper bullet
    (its entry is not made here: the item's reading by content may win over it)."""
    prefix = strip_bullet(para[0])
    if not prefix:
        return None
    real = [lk for lk in links if lk.form is not _FORM_IMAGE]
    paper = [lk for lk in real if is_paper_link(lk)]
    if not paper:
        return None
    text = Text(first, tuple(para))
    start = text.offset(first, prefix + 1)
    body = text.joined
    # A classic item starts with its own link; a paper bullet starts with its title.
    lead = body[start:].lstrip(" \t*_")
    lead_at = len(body) - len(lead)
    if (
        real
        and text.offset(real[0].span.start_line, real[0].span.start_col) <= lead_at
        and real[0] not in paper
    ):
        return None
    venue = date = None
    m = _VENUE.match(body, start)
    if m:
        inner = m.group("a") or m.group("b") or m.group("c")
        if _VENUE_LIKE.search(inner.strip()) and not _DATE_STAMP.match(inner):
            venue = text.field(
                m.start() + (m.group(0).index(inner)),
                m.start() + m.group(0).index(inner) + len(inner),
            )
            start = m.end()
        elif _DATE_STAMP.match(inner):
            at = m.start() + m.group(0).index(inner)
            stamp = text.field(at, at + len(inner))
            date = make_date(stamp.text, stamp.span) if stamp else None
            start = m.end()
    first_paper = paper[0]
    end = text.offset(first_paper.span.start_line, first_paper.span.start_col)
    if end <= start:
        return None
    title = text.field(start, end, _TITLE_TRAIL)
    if title is None or not re.search(r"[^\W\d_]{2}", title.text):
        return None
    quoted = _abbreviated(text, title)
    if quoted is not None:
        title, found_venue, found_date = quoted
        venue, date = venue or found_venue, date or found_date
    bold = False
    raw = title.text
    if raw.startswith(("**", "__")) and raw.endswith(raw[:2]) and len(raw) > 4:
        bold = True
        title = text.field(
            text.offset(title.span.start_line, title.span.start_col) + 2,
            text.offset(title.span.end_line, title.span.end_col) - 2,
        )
        if title is None:
            return None
    return BulletReading(prefix, title, bold, real, venue, date)


def _abbreviated(text: Text, title: Field):
    """(title, venue, date) of ``**Abbr**: "Title", Venue, Year (*Org*).`` or
    ``**Abbr**: "Title" [2024-07]``, or None for other titles."""
    at = text.offset(title.span.start_line, title.span.start_col)
    end = text.offset(title.span.end_line, title.span.end_col)
    m = _ABBREVIATED.match(text.joined, at, end)
    if m is None:
        return None
    title = text.field(m.start("title"), m.end("title"))
    rest = (
        text.field(m.start("rest"), m.end("rest"), " \t,.[]") if m.group("rest").strip() else None
    )
    # What follows the quoted title is read by its content: "[2024-07]" is a date (month 13
    # included: a date that does not exist is still a date), "Nature Communications, 2024" a venue.
    if rest is not None and _DATE_STAMP.match(rest.text):
        return title, None, make_date(rest.text, rest.span)
    venue = text.field(m.start("rest"), m.end("rest"), " \t,.") if rest is not None else None
    return title, venue, None
