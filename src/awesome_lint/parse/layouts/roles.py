"""Assign each part of a unit a role by its content, not its position.

A unit is the text of one repeating thing in a list (a list item, a paragraph line, a heading
with its body, a table row). Its parts are read as:

- title: a heading, bold text, a quoted string, the first link whose text is not a link label
  (``Paper``, ``Code``), or the plain text before the first link;
- authors: a list of names (``A. Liu, B. Chen``, ``Wang et al.``, ``Authors: …``);
- date: every precision and spelling lists use (``12th Sep., 2023``, ``16 Oct 2023``,
  ``2023-09-12``, ``2024-09``, ``[2024.05]``, ``202511``, ``(Feb., 2025)``, ``Sep 2023``,
  ``10/22/21``, ``(2015)``);
- venue: a short name with a year (``CVPR 2023``, ``Venue'23``, ``(AAAI 2022)``,
  ``<kbd>ICLR 2024</kbd>``, ``NAACL-HLT 2019``);
- links: every link that is not the title's and not decoration;
- decoration (no field): images and badges, emoji, HTML tags, comments, notes (``Key: …``).

Each reading also records the unit's *shape*: the sequence of roles with the separators
between them, which the list's template is the majority of (template.py).
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from dataclasses import dataclass

from ...lazy import lazy_regex
from ...model import Entry, EntryDate, Field, Link, LinkForm, Span
from ..dates import MONTHS
from ..venues import find_venue
from .fields import PAPER_LABELS, Text, is_paper_link, make_date

# Enum members read per line, as module constants (why: entries.py).
_FORM_AUTOLINK = LinkForm.AUTOLINK
_FORM_IMAGE = LinkForm.IMAGE

_MONTH = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
_YEAR = r"(?:19|20)\d{2}"
# The textual and numeric dates lists write, longest forms first.
_DATE = lazy_regex(
    rf"""(?<![\w/.-])(?:
      \d{{1,2}}(?:st|nd|rd|th)?,?\s+{_MONTH}\.?,?\s+{_YEAR}
    | {_MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+{_YEAR}
    | {_MONTH}\.?,?\s+{_YEAR}
    | {_YEAR}[-./](?:0?[1-9]|1[0-2])(?:[-./](?:0?[1-9]|[12]\d|3[01]))?
    | \d{{1,2}}/\d{{1,2}}/\d{{2}}
    | (?<=\(){_YEAR}(?=\))
    )(?![\w/-]|\.\d)""",
    re.X | re.I,
)
_COMPACT_DATE = lazy_regex(rf"^{_YEAR}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])?$")
_YEAR_VENUE_PREFIX = lazy_regex(
    rf"[ \t]*(?P<year>{_YEAR})(?:[-–](?P<venue>[A-Za-z][\w&+]*(?:-[\w&+]+)*))?[ \t]+[-–:][ \t]+"
)
# A short name before the title: at most three words, then a colon ("<u>T5</u>: **"Title"**").
_ALIAS = lazy_regex(
    r"[ \t\x01]*[^\s\n*_\"“\[\x00|:：]+(?:[ \t][^\s\n*_\"“\[\x00|:：]+){0,2}[ \t\x01]*[:：][ \t\x01]*"
    r"(?=\*\*|__|[\"“]|\x00)"
)
_AFTER_ALIAS = lazy_regex(
    r"(?:[ \t]*\([^()\n]{1,80}\)[ \t]*[:：]|[ \t]*[:：]?)[ \t]*(?=[\"“]|[^\W\d_])"
)
_BARE_YEAR = lazy_regex(rf"^\(?({_YEAR})\)?$")
_US_DATE = lazy_regex(r"^(\d{1,2})/(\d{1,2})/(\d{2})$")
_LEADING_TAG = lazy_regex(
    r"[ \t\x01]*(?:\*\*|__)?\[([^\[\]\x00\n]{2,40})\](?:\*\*|__)?(?![(\[])[ \t:-]*"
)
_LABELLED = lazy_regex(r"^[\s*_\x01]*(?P<label>[A-Za-z][A-Za-z /]{0,24}?)[*_]*\s*[:：][*_]*\s*")
_LABEL_ROLE = {
    "authors": "authors", "author": "authors", "by": "authors",
    "date": "date", "published": "date", "time": "date", "release": "date",
    "venue": "venue", "conference": "venue", "journal": "venue", "published in": "venue",
    "publication": "venue",
}  # fmt: skip
_NAME_WORD = lazy_regex(
    r"^(?:[A-Z][\w'’.-]*|[A-Z]\.|de|van|von|der|den|da|di|du|la|le|del|dos|bin|al)$"
)
_ET_AL = lazy_regex(r",?\s*\bet\.?\s*al\b\.?", re.I)
_HTML_TAG = lazy_regex(r"</?[A-Za-z][\w-]*\b[^<>]*>|<!--.*?-->|:[a-z0-9_+-]+:(?=\s|$|:|\W)", re.S)
_BR = lazy_regex(r"<br\s*/?>", re.I)
_ANCHOR_HOSTS = ("#",)
_PAPER_HOST = lazy_regex(
    r"arxiv\.org|openreview\.net|aclanthology|aclweb\.org|doi\.org|ieeexplore|dl\.acm\.org|"
    r"springer|sciencedirect|nature\.com|thecvf\.com|neurips\.cc|nips\.cc|mlr\.press|"
    r"semanticscholar|biorxiv|medrxiv|ojs\.aaai|aaai\.org|ijcai\.org|researchgate|"
    r"papers\.|proceedings\.|openaccess\.|\.pdf(?:$|[?#])|/pdf/|/abs/",
    re.I,
)
_SEPARATORS = lazy_regex(r"\s*(\||\n|–|—|(?<!\S)-(?=\s))\s*")
_SEPARATOR_CHAR = lazy_regex(r"[|\n–—-]")
# Compiled once: read_unit runs per unit, and re's own cache costs a look-up per call.
_TRAILING_NOTE = lazy_regex(r"\s*[(（]([^()（）]{2,40})[)）]\s*\.?$")
_LETTER = lazy_regex(r"[^\W\d_]")
_LEAD_PUNCT = lazy_regex(r"[\s\x01]*([,.:])")
_ITALIC_START = lazy_regex(r"[\s,.\x01]*[*_](?![*_])")
_LABEL_STRONG = lazy_regex(r"^\s*(?:\*\*|__)|(?:\*\*|__)\s*$")
_NUMBERED = lazy_regex(r"[\s_-]*(?:\d+|v\d+)$")
_SPACES = lazy_regex(r"\s+")
_EDGE_STRONG = lazy_regex(r"^(?:\*\*|__)|(?:\*\*|__)$")
_DECOR = "\x01"  # masked decoration: images, badges, HTML tags, comments
_LINK = "\x00"  # masked link


@dataclass(frozen=True, slots=True)
class Reading:
    """The roles found in one unit. ``strength`` is 2 when a field beyond title and links was
    read (authors, date, venue), 1 when only a paper link backs the title, else 0."""

    title: Field | None
    title_form: str  # heading, bold, quoted, link, plain, cell
    title_link: Link | None
    authors: tuple[str, ...] | None
    authors_field: Field | None
    date: EntryDate | None
    venue: Field | None
    links: tuple[Link, ...]
    shape: tuple[str, ...]
    strength: int


def is_decoration(link: Link) -> bool:
    """Images and badges (a link around an image) are decoration, never an entry's link."""
    return link.form is _FORM_IMAGE or "![" in link.label or "<img" in link.label.lower()


def is_paper_url(url: str) -> bool:
    return bool(_PAPER_HOST.search(url))


def find_date(text: str, span_of) -> EntryDate | None:
    """The first date written in ``text`` (``span_of(a, b)`` maps offsets to a Span)."""
    m = _DATE.search(text)
    if m:
        raw = m.group(0)
        if raw.isdigit():
            return year_date(raw, span_of(m.start(), m.end()))  # "(2015)"
        us = _US_DATE.match(raw)
        if us:
            month, day, yy = (int(g) for g in us.groups())
            raw_iso = f"20{yy:02d}-{month:02d}-{day:02d}"
            made = make_date(raw_iso, span_of(m.start(), m.end()))
            return _with_raw(made, raw) if made else None
        made = make_date(_normal_month(raw), span_of(m.start(), m.end()))
        return _with_raw(made, raw) if made is not None else None
    stripped = text.strip(" \t[]().,*_")
    if _COMPACT_DATE.match(stripped):
        at = text.index(stripped)
        return make_date(stripped, span_of(at, at + len(stripped)))
    y = _BARE_YEAR.match(stripped)
    if y:
        at = text.index(y.group(1))
        return year_date(y.group(1), span_of(at, at + 4))
    return None


def year_date(year: str, span: Span) -> EntryDate:
    """A date known to the year only: no day or month is invented, and nothing is wrong with it."""
    return EntryDate(year, span, None, None, None, int(year), None, None, None, None, None)


def _normal_month(raw: str) -> str:
    # "Sep 2023" / "(Feb., 2025)": make_date reads textual dates with a day; a month alone is
    # a date known to the month, which it keeps without a value and without a problem.
    m = re.fullmatch(rf"({_MONTH})\.?,?\s+({_YEAR})", raw, re.I)
    if m:
        return f"{m.group(2)}-{MONTHS[m.group(1).lower()[:3] if m.group(1).lower()[:4] != 'sept' else 'sep']:02d}"
    return raw


def _with_raw(d: EntryDate, raw: str) -> EntryDate:
    if d.raw == raw:
        return d
    return EntryDate(
        raw, d.span, d.value, d.day, d.month, d.year, d.day_text, d.day_span, d.month_text,
        d.style, d.problem,
    )  # fmt: skip


def venue_from_link(entry: Entry) -> Entry:
    """An entry without a venue whose link is labelled with one (``[[ICLR 2024](u)]``): the
    label is its venue."""
    if entry.venue is not None:
        return entry
    for lk in entry.links:
        label = lk.label.strip(" *_`")
        span = find_venue(label) if len(label) <= 40 else None
        # "CVPR 2024 oral", "ICCV 2025 (Highlight)": a short note may follow the venue.
        if span is not None and span[0] == 0 and len(label) - span[1] <= 12:
            return dataclasses.replace(entry, venue=Field(label, lk.label_span))
    return entry


def looks_like_authors(text: str, italic: bool = False) -> bool:
    """A list of names: "et al.", or name-shaped parts separated by commas or "and"."""
    t = text.strip(" \t.,*_")
    if not t or any(c.isdigit() for c in t) or len(t) > 2000:
        return False
    if _ET_AL.search(t):
        return True
    parts = [p.strip() for p in re.split(r",|;|\band\b|&", t) if p.strip()]
    if not parts:
        return False
    named = [
        p for p in parts if 1 <= len(p.split()) <= 5 and all(_NAME_WORD.match(w) for w in p.split())
    ]
    if len(parts) >= 2:
        return len(named) >= 0.8 * len(parts)
    return italic and len(named) == 1 and len(parts[0].split()) >= 2


def author_list(text: str) -> tuple[str, ...]:
    """Names in order; "et al." kept as its own last item, as written."""
    if "](" in text:  # a link to unwrap (the sub is a template call per entry otherwise)
        text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    plain = text.strip(" \t*_")
    et = _ET_AL.search(plain)
    head = plain[: et.start()] if et else plain
    names = [p.strip(" \t*_.") for p in re.split(r",|;|\band\b|&", head)]
    out = [n for n in names if n]
    if et:
        out.append(et.group(0).strip(" ,"))
    return tuple(out)


def mask(body: str, start: int, end: int, links: list[Link], text: Text) -> str:
    """``body`` with the links, decoration and HTML of ``body[start:end]`` replaced by marker
    characters of equal length (the rest as it is)."""
    # Only the unit's stretch is split into characters: the cells of a table row share the
    # row as their body, and each cell is read on its own.
    chars = list(body[start:end])
    for lk in links:
        a = text.offset(lk.span.start_line, lk.span.start_col)
        b = text.offset(lk.span.end_line, lk.span.end_col)
        fill = _DECOR if is_decoration(lk) else _LINK
        lo, hi = max(a, start), min(b, end)
        if lo < hi:
            chars[lo - start : hi - start] = fill * (hi - lo)  # one slice, not one per character
    for m in _HTML_TAG.finditer(body, start, end):
        fill = "\n" if _BR.fullmatch(m.group(0)) else _DECOR
        for i in range(m.start() - start, m.end() - start):
            if chars[i] not in (_LINK, _DECOR):
                chars[i] = fill
    return body[:start] + "".join(chars) + body[end:]


def read_unit(
    text: Text, start: int, end: int, links: list[Link], *, heading: bool = False
) -> Reading | None:
    """Read the unit ``text.joined[start:end]``; None when it has no title."""
    body = text.joined
    own = [lk for lk in links if start <= text.offset(lk.span.start_line, lk.span.start_col) < end]
    masked = mask(body, start, end, own, text)
    link_at = {text.offset(lk.span.start_line, lk.span.start_col): lk for lk in own}

    def field(a: int, b: int, strip: str = "") -> Field | None:
        return text.field(a, b, strip)

    def span_of(a: int, b: int) -> Span:
        f = text.field(a, b)
        return f.span if f else Span(*text.position(a), *text.position(b))

    shape: list[str] = []
    date = venue = None
    pos = start
    # Leading bracketed tags: "[2023.05]", "[CVPR 2023]", "**[ICLR 2022]**", "<kbd>…</kbd>".
    while True:
        m = _LEADING_TAG.match(masked, pos, end)
        if not m:
            break
        inner_a, inner_b = m.start(1), m.end(1)
        d = find_date(body[inner_a:inner_b], lambda a, b, o=inner_a: span_of(o + a, o + b))
        if d is not None and date is None:
            date = d
            shape.append("[date]")
        elif find_venue(body[inner_a:inner_b]) and venue is None:
            venue = field(inner_a, inner_b, " *_")
            shape.append("[venue]")
        else:
            break
        pos = m.end()
    m = _YEAR_VENUE_PREFIX.match(masked, pos, end)
    if m and date is None and venue is None:
        # "2019-NeurIPS - Title", "2014 - Title": a year (and a venue) in front of the title.
        date = year_date(m.group("year"), span_of(m.start("year"), m.end("year")))
        shape.append("date")
        if m.group("venue"):
            venue = field(m.start("venue"), m.end("venue"))
            shape.append("venue")
        pos = m.end()
    title, form, title_link, pos = _title(body, masked, pos, end, link_at, text, heading)
    if title is None:
        return None
    shape.append(f"title:{form}")
    # A trailing "(Venue YYYY)" or "(YYYY)" inside the title is that field, not title text.
    tail = _TRAILING_NOTE.search(title.text)
    if tail:
        d = find_date(tail.group(1), lambda a, b: title.span)
        if d is not None and d.raw != tail.group(1).strip():
            d = None  # "(since June 2018)" is prose, "(2015)" a date
        v = find_venue(tail.group(1))
        if v and venue is None:
            venue = Field(tail.group(1).strip(), title.span)
            title = Field(title.text[: tail.start()].rstrip(" .,"), title.span)
        elif d is not None and date is None and d.year:
            date = d
            title = Field(title.text[: tail.start()].rstrip(" .,"), title.span)
    authors = authors_field = None
    entry_links: list[Link] = []
    # The rest, in order: links, and text segments between them and the separators.
    i = seg_start = pos
    while i <= end:
        if i < end and masked[i] != _LINK:
            i = masked.find(_LINK, i, end)  # the next link, found in C, not a step per character
            if i < 0:
                i = end
            continue
        venue, date, authors, authors_field = _read_text(
            body, masked, seg_start, i, venue, date, authors, authors_field, field, span_of, shape
        )
        if i == end:
            break
        lk = link_at.get(i)
        j = i
        while j < end and masked[j] == _LINK:
            j += 1
        if lk is not None and not lk.url.startswith(_ANCHOR_HOSTS):
            entry_links.append(lk)
        if not shape or shape[-1] != "links":
            shape.append("links")
        i = seg_start = j
    if not _LETTER.search(title.text):
        return None
    paperish = [lk for lk in ([title_link] if title_link else []) + entry_links if _paper_link(lk)]
    strength = 2 if (authors or venue or date) else (1 if paperish else 0)
    all_links = ([title_link] if title_link else []) + entry_links
    return Reading(
        title, form, title_link, authors, authors_field, date, venue, tuple(all_links),
        tuple(shape), strength,
    )  # fmt: skip


def _read_text(body, masked, a, b, venue, date, authors, authors_field, field, span_of, shape):
    """Read the link-free stretch ``[a, b)``: separators, labelled values, dates, venue, authors."""
    for kind, fa, fb, sep in _segments(masked, a, b):
        if kind == "sep":
            if not shape or shape[-1] != sep:
                shape.append(sep)
            continue
        lead = _LEAD_PUNCT.match(masked, fa, fb)
        if lead and shape and shape[-1] != lead.group(1):
            shape.append(lead.group(1))
        italic = bool(_ITALIC_START.match(masked, fa, fb))
        lab = _LABELLED.match(masked[fa:fb])
        role_hint = None
        if lab:
            role_hint = _LABEL_ROLE.get(lab.group("label").strip().lower())
            if role_hint is None:
                if not shape or shape[-1] != "note":
                    shape.append("note")
                continue
            fa += lab.end()
        if date is None and role_hint in (None, "date"):
            d = find_date(masked[fa:fb], lambda x, y, o=fa: span_of(o + x, o + y))
            if d is not None:
                date = d
                shape.append("date")
                cut = masked.find(d.raw, fa, fb)
                parts = ((fa, cut), (cut + len(d.raw), fb)) if cut >= 0 else ()
                for x, y in parts:
                    venue, authors, authors_field = _venue_or_authors(
                        body, masked, x, y, venue, authors, authors_field, field, shape, italic
                    )
                continue
        venue, authors, authors_field = _venue_or_authors(
            body, masked, fa, fb, venue, authors, authors_field, field, shape, italic, role_hint
        )
    return venue, date, authors, authors_field


def _paper_link(lk: Link) -> bool:
    if lk.url.startswith("#"):
        return False
    return is_paper_link(lk) or is_paper_url(lk.url)


def _venue_or_authors(
    body, masked, fa, fb, venue, authors, authors_field, field, shape, italic, role_hint=None
):
    seg = masked[fa:fb]
    if not seg.strip(" \t.,;:*_()[]\x01"):
        return venue, authors, authors_field
    if role_hint == "venue" and venue is None:
        venue = field(fa, fb, " *_.,()[]")
        shape.append("venue")
        return venue, authors, authors_field
    if role_hint != "authors":
        v = find_venue(seg)
        if v and venue is None:
            va, vb = fa + v[0], fa + v[1]
            for part in ((fa, va), None, (vb, fb)):  # in the order written, for the shape
                if part is None:
                    venue = field(va, vb, " *_.,()[]")
                    shape.append("venue")
                elif body[part[0] : part[1]].strip(" \t.,;:*_()[]"):
                    authors, authors_field = _authors(
                        body, masked, *part, authors, authors_field, field, shape, italic
                    )
            return venue, authors, authors_field
    if role_hint == "authors" or authors is None:
        authors, authors_field = _authors(
            body,
            masked,
            fa,
            fb,
            authors,
            authors_field,
            field,
            shape,
            italic,
            role_hint == "authors",
        )
    return venue, authors, authors_field


def _authors(body, masked, fa, fb, authors, authors_field, field, shape, italic, labelled=False):
    seg = masked[fa:fb].replace(_DECOR, " ")
    if authors is None and (labelled or looks_like_authors(seg, italic)):
        f = field(fa, fb, " *_,;:()")
        if f is not None and f.text.endswith(".") and not re.search(r"\bal\.$", f.text):
            f = Field(f.text[:-1].rstrip(), f.span)
        if f is not None and f.text:
            shape.append("authors")
            return author_list(f.text), f
    if seg.strip(" \t.,;:*_()[]"):
        if not shape or shape[-1] != "note":
            shape.append("note")
    return authors, authors_field


def _segments(masked: str, a: int, b: int):
    """("text", start, end, "") and ("sep", -, -, separator) pieces of a link-free stretch."""
    if _SEPARATOR_CHAR.search(masked, a, b) is None:
        # Every separator holds one of these characters: a stretch without any is one piece
        # (the pattern, starting with a space run, would be tried at each of its characters).
        if a < b:
            yield "text", a, b, ""
        return
    i = a
    for m in _SEPARATORS.finditer(masked, a, b):
        if m.start() > i:
            yield "text", i, m.start(), ""
        sep = m.group(1)
        yield "sep", 0, 0, "\\n" if sep == "\n" else sep
        i = m.end()
    if i < b:
        yield "text", i, b, ""


def _title(body, masked, pos, end, link_at, text, heading):
    """(title field, form, title link, offset after the title)."""
    while pos < end and (masked[pos] in " \t\x01\ufe0f\u200d" or _is_symbol(masked[pos])):
        pos += 1  # emoji and symbols in front of a title are decoration ("🌟 **Title**")
    if pos >= end:
        return None, "", None, pos
    label = _ALIAS.match(masked, pos, end)
    if label and not heading:
        pos = label.end()  # "<u>T5</u>: **"Title"**": a short name, then the title
    opener = ""
    for mark in ("**", "__"):
        if masked.startswith(mark, pos):
            opener = mark
            break
    at = pos + len(opener)
    lk = link_at.get(at)
    bare_url = lk is not None and (lk.form is _FORM_AUTOLINK or lk.label.strip() == lk.url)
    if lk is not None and masked[at] == _LINK and not lk.url.startswith("#") and not bare_url:
        label = _LABEL_STRONG.sub("", lk.label).strip()
        if _is_label(label) and not heading:
            return None, "", None, pos
        after = text.offset(lk.span.end_line, lk.span.end_col)
        if opener and masked.startswith(opener, after):
            after += len(opener)
        f = Field(_clean_title(label), lk.label_span)
        form = (
            "heading"
            if heading
            else ("bold-link" if opener or label != lk.label.strip() else "link")
        )
        return f, form, lk, after
    if opener:
        close = masked.find(opener, at, end)
        if close > at:
            inner = masked[at:close]
            if _LINK in inner:
                # **[Title](u)**: the link is the title.
                k = inner.index(_LINK)
                lk = link_at.get(at + k)
                if lk is not None and not inner[:k].strip():
                    f = Field(_clean_title(lk.label), lk.label_span)
                    return f, "bold-link", lk, close + len(opener)
            f = text.field(at, close, " \t")
            if f is None or f.text.endswith((":", "：")):
                return None, "", None, pos  # "**Released:** …" is a label, not a title
            after = close + len(opener)
            # "**CuBERT** (MLM + NSP): \"Title\"": a note may stand between the name and its colon.
            alias = _AFTER_ALIAS.match(masked, after, end)
            if (
                alias
                and not heading
                and (
                    re.fullmatch(r"\[[^\[\]]+\]", f.text)
                    or masked[alias.start() : alias.end()].strip()
                )
            ):
                # "**[DSOD]** DSOD: Title", "**LaMDA**: \"Title\"": a short name, then the title.
                rest = _title(body, masked, alias.end(), end, link_at, text, heading)
                if rest[0] is not None and len(rest[0].text) > len(f.text):
                    return rest
            q = re.fullmatch(r"[\"“](.+)[\"”]\.?", f.text)
            return (
                Field(_clean_title(q.group(1) if q else f.text), f.span),
                ("heading" if heading else "bold"),
                None,
                close + len(opener),
            )
    if masked[pos] in '"“':
        close = re.compile(r"[\"”]").search(masked, pos + 1, end)
        if close:
            f = text.field(pos + 1, close.start(), " \t*_")
            if f is not None:
                return Field(_clean_title(f.text), f.span), "quoted", None, close.end()
    # Plain text up to the first link, line break or field separator.
    stop = end
    for ch in (_LINK, "\n", "|", "["):
        k = masked.find(ch, pos, stop)
        if k != -1:
            stop = k
    raw = masked[pos:stop].rstrip(" \t*_")
    if raw.endswith((":", "：")):
        return None, "", None, pos  # "Our paper is out: [Title](u)" introduces a link
    f = text.field(pos, stop, " \t*_-–—:,")
    if f is None or masked[pos] == _LINK:
        return None, "", None, pos
    return Field(_clean_title(f.text), f.span), ("heading" if heading else "plain"), None, stop


def _is_symbol(ch: str) -> bool:
    return unicodedata.category(ch) in ("So", "Sk", "Sm", "Cs")


def _is_label(label: str) -> bool:
    low = _NUMBERED.sub("", label.strip("[]*_` ").lower())
    return low in PAPER_LABELS or len(low) <= 2


def _clean_title(t: str) -> str:
    t = _SPACES.sub(" ", t.replace(_DECOR, " ")).strip()
    t = _EDGE_STRONG.sub("", t).strip()
    return t.rstrip(" .,;:").strip()
