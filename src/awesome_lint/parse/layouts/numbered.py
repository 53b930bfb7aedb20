"""A paper whose fields are sub-items of its list item (FORMATS.md §1, "numbered items with
emoji-labelled sub-bullets")::

    1. **Segment Anything in Medical Images**
       - 📅 Date: 24 Apr 2023
       - 🏛️ Venue: Nature Communications
       - ✍️ Authors: Jun Ma, Yuting He, et al.
       - 🔗 [Paper](https://arxiv.org/abs/2304.12306) | [Code](https://github.com/bowang-lab/MedSAM)

The item's own paragraph is the title; a sub-item counts as a field when it is labelled
(``Date:``, ``Venue:``, ``Authors:``, ``Links:``…, emoji and bold around the label allowed) or
is made of paper links. Two fields, one of them a date, venue or authors, make an entry.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ...lazy import lazy_regex
from ...model import Entry, EntryLine, Field, LineKind, Link, LinkForm, Span
from ..entries import analyze_line, strip_bullet
from .fields import Text, author_names, is_paper_link, make_date, new_entry
from .structure import ListItemBlock

# Enum members read per line, as module constants (why: entries.py).
_KIND_AUTHORS = LineKind.AUTHORS
_KIND_DATE_VENUE = LineKind.DATE_VENUE
_KIND_LINKS = LineKind.LINKS
_KIND_TITLE = LineKind.TITLE
_FORM_IMAGE = LinkForm.IMAGE

_LABELS = {
    "date": "date", "published": "date", "publication date": "date", "release": "date", "released": "date",
    "time": "date", "venue": "venue", "conference": "venue", "journal": "venue", "published in": "venue",
    "publication": "venue", "pub": "venue", "authors": "authors", "author": "authors", "by": "authors",
    "link": "links", "links": "links", "paper": "links", "code": "links", "resources": "links", "url": "links",
}  # fmt: skip
_KINDS = {
    "date": _KIND_DATE_VENUE,
    "venue": _KIND_DATE_VENUE,
    "authors": _KIND_AUTHORS,
    "links": _KIND_LINKS,
}
_LABELLED = lazy_regex(
    r"[^\w\[]*?[*_]{0,2}(?P<label>[A-Za-z][A-Za-z ]{0,20}?)[*_]{0,2}\s*[:：]\s*[*_]{0,2}\s*"
)


def _field(first: int, para: list[str], links: list[Link]) -> tuple[str, Text, int] | None:
    """(kind, text, offset where the value starts) of a sub-item that holds a field."""
    prefix = strip_bullet(para[0])
    text = Text(first, tuple(para))
    start = text.offset(first, prefix + 1)
    m = _LABELLED.match(text.joined, start)
    if m and m.group("label").lower().strip() in _LABELS:
        return _LABELS[m.group("label").lower().strip()], text, m.end()
    real = [lk for lk in links if lk.form is not _FORM_IMAGE]
    if real and all(is_paper_link(lk) for lk in real):
        return "links", text, start
    return None


def numbered_entry(
    first: int,
    para: list[str],
    links: list[Link],
    subs: list[ListItemBlock],
    lines: list[str],
    links_in: Callable[[int, int], list[Link]],
    section: str,
) -> tuple[Entry, list[ListItemBlock]] | None:
    if len(subs) < 2:
        return None
    found: dict[str, tuple[Text, int, ListItemBlock]] = {}
    for sub in subs:
        if sub.paragraph is None:
            continue
        p0, p1 = sub.paragraph
        got = _field(p0, lines[p0 - 1 : p1], links_in(p0, p1))
        if got is not None and got[0] not in found:
            found[got[0]] = (got[1], got[2], sub)
    if len(found) < 2 or not found.keys() & {"date", "venue", "authors"}:
        return None
    prefix = strip_bullet(para[0])
    head = Text(first, tuple(para))
    title = head.field(head.offset(first, prefix + 1), len(head.joined), " \t*_")
    if title is None or not re.search(r"[^\W\d_]{2}", title.text):
        return None
    bold = para[0][prefix:].lstrip().startswith(("**", "__", "[**", "[__"))
    entry_links = [lk for lk in links if lk.form is not _FORM_IMAGE]
    m = re.fullmatch(r"\[(.+)\]\((.+)\)", title.text)
    if m and entry_links:
        title = Field(m.group(1).strip("*_ "), entry_links[0].label_span)
    lines_out: list[EntryLine] = [
        analyze_line(first + k, ln, prefix if k == 0 else 0, _KIND_TITLE)
        for k, ln in enumerate(para)
    ]
    authors = authors_field = date = venue = None
    for kind, (text, value_at, sub) in sorted(found.items(), key=lambda kv: kv[1][2].start):
        p0, p1 = sub.paragraph
        value = text.field(value_at, len(text.joined), " \t")
        sub_prefix = strip_bullet(lines[p0 - 1])
        lines_out += [
            analyze_line(p0 + k, ln, sub_prefix if k == 0 else 0, _KINDS[kind])
            for k, ln in enumerate(lines[p0 - 1 : p1])
        ]
        if kind == "links":
            entry_links += [lk for lk in links_in(p0, p1) if lk.form is not _FORM_IMAGE]
        elif value is None:
            continue
        elif kind == "authors":
            inner = value.text.strip("*_ ")
            authors, authors_field = author_names(inner), Field(inner, value.span)
        elif kind == "date":
            date = make_date(value.text.strip("*_ "), value.span)
        elif kind == "venue":
            venue = Field(value.text.strip("*_ "), value.span)
    used = [v[2] for v in found.values()]
    last = lines_out[-1]
    return (
        new_entry(
            Span(first, prefix + 1, last.number, len(last.text) + 1),
            "numbered",
            lines_out,
            title,
            entry_links,
            section,
            title_bold=bold,
            authors=authors,
            authors_field=authors_field,
            date=date,
            venue=venue,
        ),
        used,
    )
