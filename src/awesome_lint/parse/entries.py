"""Recognise paper entries in a paragraph and split them into fields.

An entry of the paper-block family is a paragraph (or a run of lines inside one) that starts
with a title, followed by lines of authors, ``[date] [venue]`` and links:

    **Title**<br>                     **Title.** [16th Feb., 2021] [MICCAI, 2021].<br>
    *Authors*<br>                     *Authors.*<br>
    [12th Sep., 2023] [arXiv, 2023]<br>   [[PDF](u)] [[Github](u)]
    [[Paper](u)] [[GitHub](u)]<br>

or ``[**MICCAI 2020**] Title \\`` / ``_Authors_ \\`` / ``[[paper](u)]``. Lines are classified
from their source text, not from the rendering, so an entry whose line breaks are missing
(the fields would merge when rendered) is still read field by field, and the missing break
is reported.
"""

from __future__ import annotations

import re

from ..lazy import lazy_regex
from ..model import Entry, EntryDate, EntryLine, Field, LineKind, Link, LinkForm, Marker, Span
from .blocks import date_last, leading_venue, regroup, with_leading_dates
from .dates import looks_like_date, parse_date
from .makers import (
    make_entry,
    make_entry_date,
    make_entry_line,
    make_field,
    make_span,
    span_on_line,
)

# Enum members as module constants: on Python 3.11 reading ``LineKind.TITLE`` goes through
# the enum class's __getattr__ (ten times a global's cost), and these are read per line.
_KIND_AUTHORS = LineKind.AUTHORS
_KIND_DATE_VENUE = LineKind.DATE_VENUE
_KIND_LINKS = LineKind.LINKS
_KIND_OTHER = LineKind.OTHER
_KIND_TITLE = LineKind.TITLE
_FORM_IMAGE = LinkForm.IMAGE
_MARK_BACKSLASH = Marker.BACKSLASH
_MARK_BR = Marker.BR
_MARK_NONE = Marker.NONE
_MARK_SPACES = Marker.SPACES

_BR_TAG = lazy_regex(r"<br\s*/?>", re.I)
_BULLET = lazy_regex(r"^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+")
_VENUE_PREFIX = lazy_regex(r"^\[\*\*(?P<venue>[^\]]*?)\*\*\][ \t]*")
_GROUP = lazy_regex(r"\[([^\[\]]*)\]")
_TRAILING_GROUPS = lazy_regex(r"(?:[ \t]*\[[^\[\]]+\](?!\())+[ \t]*\.?$")
_UNBRACKETED_DATE = lazy_regex(r"\d{1,2}(?:st|nd|rd|th)?,?\s+[A-Za-z]{3,9}\.?,?\s*\d{4}\b")
_LINK_LINE_FILLER = lazy_regex(r"[\s\[\]().,;|/\\]")
_STRONG = lazy_regex(r"\*\*|__")
_LINKED_TEXT = lazy_regex(r"^\[(.*)\]\(.*\)$")
_INLINE_LINK = lazy_regex(r"\[([^\]]*)\]\([^)]*\)")
_NAME_SEPARATOR = lazy_regex(r",|\band\b|;")
_PLACEHOLDER_AUTHORS = {
    "",
    "none",
    "n/a",
    "na",
    "-",
    "--",
    "–",
    "—",
    "tbd",
    "todo",
    "unknown",
    "authors",
    "author",
}


# A paragraph line to read: (line number, text, columns taken by a list bullet on it). Plain
# tuples, made for every paragraph line by zip in C.
RawLine = tuple[int, str, int]


def analyze_line(
    number: int, text: str, prefix: int = 0, kind: LineKind = _KIND_OTHER
) -> EntryLine:
    """Split a line into indentation, content and its hard-break marker."""
    return make_entry_line(number, text, *_line_fields(text, prefix), kind)


def _line_fields(text: str, prefix: int) -> tuple[int, int, Marker, int, int, str]:
    """(indent, content_end, marker, marker_start, marker_end, after_marker) of a line."""
    stripped = text.rstrip(" \t")
    rest = text[prefix:] if prefix else text
    indent = prefix + len(rest) - len(rest.lstrip(" \t"))
    if stripped.endswith("<br>"):  # the break paper blocks write most: the last "<br" is it
        br = len(stripped) - 4
        end = len(text[:br].rstrip(" \t")) if text[br - 1 : br] in (" ", "\t") else br
        return indent, end, _MARK_BR, br, br + 4, text[br + 4 :]
    if "<" not in stripped:
        br = -1
    elif stripped.isascii():  # lower() keeps the offsets of ASCII text
        br = stripped.lower().rfind("<br")
    else:
        # Not stripped.lower(): "İ".lower() is two characters, and the offset would drift.
        br = max(
            stripped.rfind("<br"),
            stripped.rfind("<BR"),
            stripped.rfind("<Br"),
            stripped.rfind("<bR"),
        )
    if br != -1:
        m = _BR_TAG.match(stripped, br)
        # "<br>" at the end, or followed by a few stray characters ("<br>." in FS:43).
        if m and (
            m.end() == len(stripped)
            or (len(stripped) - m.end() <= 4 and "<" not in stripped[m.end() :])
        ):
            content_end = len(text[:br].rstrip(" \t"))
            return indent, content_end, _MARK_BR, br, m.end(), text[m.end() :]
    if stripped.endswith("\\") and not stripped.endswith("\\\\"):
        start = len(stripped) - 1
        content_end = len(text[:start].rstrip(" \t"))
        return (
            indent,
            max(content_end, indent),
            _MARK_BACKSLASH,
            start,
            start + 1,
            text[start + 1 :],
        )
    trailing = text[len(stripped) :]
    if len(trailing) >= 2 and set(trailing) == {" "} and stripped:
        return indent, len(stripped), _MARK_SPACES, len(stripped), len(text), ""
    end = max(len(stripped), indent)
    return indent, end, _MARK_NONE, end, end, text[end:]


class _Draft:
    """What ``candidate`` reads of a line (its number, indentation and content), so that each
    line's EntryLine is built once, with its likely kind, after the candidate is known."""

    __slots__ = ("number", "text", "indent", "content_end", "content")

    def __init__(self, number: int, text: str, fields: tuple) -> None:
        self.number = number
        self.text = text
        self.indent = indent = fields[0]
        self.content_end = end = fields[1]
        self.content = text[indent:end]  # (read two or three times per line: sliced once)


def _with_kind(line: EntryLine, kind: LineKind) -> EntryLine:
    return line if line.kind is kind else _retyped(line, kind)


def _retyped(line: EntryLine, kind: LineKind) -> EntryLine:
    return make_entry_line(
        line.number,
        line.text,
        line.indent,
        line.content_end,
        line.marker,
        line.marker_start,
        line.marker_end,
        line.after_marker,
        kind,
    )


# Candidate kinds from a line's own text, before the sequence decides.
_TITLE, _AUTHORS, _DATE, _LINKS, _TEXT = "title", "authors", "date", "links", "text"


def _starts_with_link(content: str, links: list[Link], line: EntryLine) -> bool:
    col = line.indent + 1
    for ln in links:
        if (
            ln.span.start_line == line.number
            and ln.span.start_col <= col + 2
            and ln.form is not _FORM_IMAGE
        ):
            return True
    return False


def _by_start(c: str) -> str | None:
    """The candidate kind of a line whose content's first characters decide it, else None."""
    # (every "[**VENUE**]" prefix _VENUE_PREFIX reads starts with "[**": no match is needed)
    if c.startswith(("**", "__", "[**")):
        return _TITLE
    if c.startswith(("*", "_")):
        return _AUTHORS
    if c.startswith(("[[", "\\[[", "[!")):
        return _LINKS
    return None


def candidate(line: EntryLine, links: list[Link]) -> str:
    return _by_start(line.content) or _by_rest(line, links)


def _by_rest(line: EntryLine, links: list[Link]) -> str:
    """The candidate kind of a line whose first characters did not decide it."""
    c = line.content
    if c.startswith("[") and _starts_with_link(c, links, line):
        return _LINKS
    if c.startswith("[") and leading_venue(line, links):
        return (
            _LINKS  # [MICCAI 2023] [[Paper](u)]: the venue in front of the links (date-last blocks)
        )
    if c.startswith("["):
        return _DATE
    if _UNBRACKETED_DATE.match(c) and looks_like_date(c[:24]):
        return _DATE
    if c[:1].isalpha() and leading_venue(line, links):
        return _LINKS  # arXiv 2023. [[Paper](u)]: the venue in front of the links
    on_line = [ln for ln in links if ln.span.start_line == line.number]
    if on_line:
        rest = c
        for ln in sorted(on_line, key=lambda x: -x.span.start_col):
            a, b = ln.span.start_col - 1 - line.indent, ln.span.end_col - 1 - line.indent
            if ln.span.end_line == line.number and 0 <= a <= b:
                rest = rest[:a] + rest[b:]
        if not _LINK_LINE_FILLER.sub("", rest):
            return _LINKS
    return _TEXT


_LIKELY = {
    _TITLE: _KIND_TITLE,
    _AUTHORS: _KIND_AUTHORS,
    _DATE: _KIND_DATE_VENUE,
    _LINKS: _KIND_LINKS,
}


def _unclosed(text: str, marker: str) -> bool:
    """True when ``text`` opens ``marker`` emphasis without closing it."""
    if marker == "**":
        return text.count("**") % 2 == 1
    singles = _STRONG.sub("", text)
    return singles.count(marker) % 2 == 1


def split_entries(raw: list[RawLine], links: list[Link], section: str) -> list[Entry]:
    """The entries in one paragraph (usually one; more when blank lines are missing)."""
    links_on, by_line = _links_by_line(links)
    lines: list[EntryLine] = []
    cands: list[str] = []
    groups: list[list[int]] = []
    for i, (number, text, prefix) in enumerate(raw):
        # Each line read once: its fields, its candidate kind from its own text and links,
        # then its EntryLine with the likely kind (_build re-types only the few that differ).
        fields = _line_fields(text, prefix)
        # (most lines are decided by their first characters: no draft, no links looked up)
        cand = _by_start(text[fields[0] : fields[1]]) or _by_rest(
            _Draft(number, text, fields), by_line.get(number, ())
        )
        lines.append(make_entry_line(number, text, *fields, _LIKELY.get(cand, _KIND_OTHER)))
        cands.append(cand)
        if not groups or (cand == _TITLE and not _title_open(lines, groups[-1])):
            groups.append([i])
        else:
            groups[-1].append(i)
    groups, leads = regroup(cands, groups)

    def build(k: int, force: bool) -> Entry | None:
        group, skip = groups[k], leads.get(k, 0)
        first, last = group[0] + skip, group[-1] + 1
        own = links_on(lines[first].number, lines[last - 1].number)
        entry = _build(lines[first:last], cands[first:last], own, section, force=force)
        if entry is not None and skip:
            dates = [_with_kind(ln, _KIND_DATE_VENUE) for ln in lines[group[0] : first]]
            entry = with_leading_dates(entry, dates, _date_venue)
        return date_last(entry, own) if entry is not None else None

    if len(groups) == 1:  # most paragraphs: one entry (or prose), nothing to force
        entry = build(0, force=False)
        return [entry] if entry is not None else []
    built = [build(k, force=False) for k in range(len(groups))]
    if any(e is not None for e in built):
        # A stray title line in a paragraph of entries is a broken entry, not prose.
        built = [e if e is not None else build(k, force=True) for k, e in enumerate(built)]
    return [e for e in built if e is not None]


def _links_by_line(links: list[Link]):
    """(``links_on(a, b)``: the links starting on lines a..b in their order in ``links``,
    the links of each line).

    Lines and entries read only the links on their own lines; handing each the whole
    paragraph's links made a paragraph of many entries quadratic.
    """
    by_line: dict[int, list[Link]] = {}
    in_line_order = True
    previous = 0
    for lk in links:
        if lk.line < previous:
            in_line_order = False
        previous = lk.line
        by_line.setdefault(lk.line, []).append(lk)

    def links_on(first: int, last: int) -> list[Link]:
        if first == last:
            return list(by_line.get(first, ()))
        if in_line_order:  # (a block's links come in source order: line by line is their order)
            return [lk for n in range(first, last + 1) for lk in by_line.get(n, ())]
        return [lk for lk in links if first <= lk.line <= last]

    return links_on, by_line


def _title_open(lines: list[EntryLine], group: list[int]) -> bool:
    if len(group) != 1:
        return False
    line = lines[group[0]]
    c = line.content
    return c.startswith(("**", "__")) and _unclosed(c, c[:2]) and line.marker is _MARK_NONE


def _build(
    lines: list[EntryLine], cands: list[str], links: list[Link], section: str, force: bool = False
) -> Entry | None:
    first = cands[0]
    kinds: list[LineKind] = [_KIND_TITLE]
    title_marker = lines[0].content[:2]
    # A bold title wraps onto the next line only when no line break ends it; "**Title<br>"
    # is a title whose bold was never closed (title-not-bold reports it).
    title_open = (
        first == _TITLE
        and title_marker in ("**", "__")
        and _unclosed(lines[0].content, title_marker)
        and lines[0].marker is _MARK_NONE
    )
    authors_marker = "*"
    authors_open = False
    seen: set[LineKind] = {_KIND_TITLE}
    for i in range(1, len(lines)):
        ln, cand, prev = lines[i], cands[i], lines[i - 1]
        if title_open:
            kinds.append(_KIND_TITLE)
            title_open = title_marker not in ln.content
            continue
        if authors_open:
            kinds.append(_KIND_AUTHORS)
            if authors_marker in ln.content:
                authors_open = False
            continue
        kind: LineKind
        if cand == _AUTHORS and _KIND_AUTHORS not in seen:
            kind = _KIND_AUTHORS
            authors_marker = ln.content[0]
            authors_open = _unclosed(ln.content, authors_marker) and ln.marker is _MARK_NONE
        elif cand == _DATE:
            kind = _KIND_DATE_VENUE
        elif cand == _LINKS:
            kind = _KIND_LINKS
        elif (
            cand == _TEXT
            and prev.marker is _MARK_NONE
            and kinds[-1] in (_KIND_TITLE, _KIND_AUTHORS)
        ):
            kind = kinds[-1]  # a field wrapped onto the next source line renders as one line
        elif cand == _TEXT and not seen & {_KIND_AUTHORS, _KIND_DATE_VENUE, _KIND_LINKS}:
            kind = _KIND_AUTHORS
        else:
            kind = _KIND_OTHER
        kinds.append(kind)
        seen.add(kind)
    # The typed lines and what is read of them, in one pass (no comprehension per field).
    typed: list[EntryLine] = []
    title_lines: list[EntryLine] = []
    authors_lines: list[EntryLine] = []
    date_line = None
    link_lines: set[int] = set()
    for ln, k in zip(lines, kinds):
        if ln.kind is not k:
            ln = _retyped(ln, k)
        typed.append(ln)
        if k is _KIND_TITLE:
            title_lines.append(ln)
        elif k is _KIND_AUTHORS:
            authors_lines.append(ln)
        elif k is _KIND_DATE_VENUE:
            if date_line is None:
                date_line = ln
        elif k is _KIND_LINKS:
            link_lines.add(ln.number)
    title, title_bold, layout, venue, title_groups = _title(title_lines, links)
    # A bold paragraph followed only by plain text (a citation of the list's own survey, a
    # note) is prose; an entry shows a date, a links line or italic authors.
    strong = (
        _KIND_DATE_VENUE in seen
        or _KIND_LINKS in seen
        or title_groups
        or (cands[1:2] == [_AUTHORS] and _KIND_AUTHORS in seen)
    )
    is_entry = first == _TITLE and bool(strong or force)
    if not is_entry and first == _TEXT:
        # A title that is not bold: recognised when italic authors and a date or links follow.
        is_entry = (
            len(typed) >= 3
            and cands[1] == _AUTHORS
            and (_KIND_DATE_VENUE in seen or _KIND_LINKS in seen)
        )
    if not is_entry:
        return None
    authors, authors_field, italic = _authors(authors_lines)
    date, venue2, dv_field = _date_venue(date_line, title_groups)
    first_number, last = typed[0].number, typed[-1]
    entry_links = []  # the links of its lines (not images); those of its links lines first
    on_link_lines = []
    for lk in links:
        if first_number <= lk.line <= last.number and lk.form is not _FORM_IMAGE:
            entry_links.append(lk)
            if lk.line in link_lines or lk.line == first_number:
                on_link_lines.append(lk)
    return make_entry(  # (positional: a call with keywords gathers them in a dict first)
        make_span(first_number, typed[0].indent + 1, last.number, len(last.text) + 1),
        layout, tuple(typed), title, title_bold, authors, authors_field, italic, date,
        venue or venue2, dv_field, tuple(on_link_lines or entry_links), section,
    )  # fmt: skip


def _title(title_lines: list[EntryLine], links: list[Link]):
    """(title field, bold?, layout, venue field, [date/venue groups after the title])."""
    first = title_lines[0]
    c = first.content
    number = first.number
    base = first.indent
    venue = None
    groups: list[tuple[str, Span]] = []
    m = _VENUE_PREFIX.match(c)
    if m and not c[m.end() - 1 : m.end()] == "(" and not c.startswith("](", m.end("venue") + 2):
        # [**MICCAI 2020**] Title
        venue = make_field(
            m.group("venue").strip(),
            span_on_line(number, base + 3, base + 3 + len(m.group("venue"))),
        )
        start = base + m.end()
        text, span = _join_field(title_lines, start)
        return make_field(text, span) if text else None, False, "venue-prefix", venue, groups
    bold = c.startswith(("**", "__")) or c.startswith("[**")
    if bold:
        marker = "**" if "**" in c[:3] else "__"
        open_at = c.index(marker)
        close_line, close_at = _find_close(title_lines, marker, base + open_at + 2)
        inner_start = base + open_at + 2
        if close_line is None:
            text, span = _join_field(title_lines, inner_start)
            return make_field(text.strip(), span), False, "block", venue, groups
        else:
            text, span = _join_field(
                title_lines[: close_line + 1], inner_start, end_override=close_at
            )
            tail_line = title_lines[close_line]
            rest = tail_line.text[close_at + 2 : tail_line.content_end]
            offset = close_at + 2
            if c.startswith("[**"):
                # [**Title**](url): skip the link destination.
                lk = next(
                    (
                        ln
                        for ln in links
                        if ln.line == tail_line.number and ln.span.start_col == base + 1
                    ),
                    None,
                )
                if lk is not None:
                    offset = lk.span.end_col - 1
                    rest = tail_line.text[offset : tail_line.content_end]
            for g in _GROUP.finditer(rest):
                if rest[g.end() : g.end() + 1] == "(":
                    continue
                groups.append(
                    (
                        g.group(1),
                        span_on_line(
                            tail_line.number, offset + g.start(1) + 1, offset + g.end(1) + 1
                        ),
                    )
                )
        text = text.strip()
        if text.startswith("["):  # (the pattern's first character: no sub call otherwise)
            text = _LINKED_TEXT.sub(r"\1", text)
        layout = "title-date" if groups else "block"
        return make_field(text.strip(), span), True, layout, venue, groups
    text, span = _join_field(title_lines, base)
    # "Title. [16th Feb., 2021] [MICCAI, 2021]." without its bold: the groups are still the date.
    tail = (
        _TRAILING_GROUPS.search(first.text, base, first.content_end)
        if len(title_lines) == 1
        else None
    )
    if tail and tail.start() > base and looks_like_date(tail.group(0)):
        for g in _GROUP.finditer(first.text, tail.start(), tail.end()):
            groups.append((g.group(1), span_on_line(number, g.start(1) + 1, g.end(1) + 1)))
        end = len(first.text[: tail.start()].rstrip())
        text = first.text[base:end]
        span = span_on_line(number, base + 1, end + 1)
        return make_field(text, span), False, "title-date", venue, groups
    return make_field(text, span) if text else None, False, "block", venue, groups


def _find_close(lines: list[EntryLine], marker: str, start: int) -> tuple[int | None, int]:
    for i, ln in enumerate(lines):
        pos = ln.text.find(marker, start if i == 0 else ln.indent)
        while pos != -1 and pos >= ln.content_end:
            pos = -1
        if pos != -1:
            return i, pos
    return None, -1


def _join_field(
    lines: list[EntryLine], start: int, end_override: int | None = None
) -> tuple[str, Span]:
    """Text of a field that may wrap over several lines, with its span."""
    if len(lines) == 1:  # most fields: one line, no joining
        ln = lines[0]
        hi = ln.content_end if end_override is None else end_override
        return ln.text[start:hi].strip(), make_span(ln.number, start + 1, ln.number, max(hi, 0) + 1)
    parts = []
    for i, ln in enumerate(lines):
        lo = start if i == 0 else ln.indent
        hi = end_override if (end_override is not None and i == len(lines) - 1) else ln.content_end
        parts.append(ln.text[lo:hi].strip())
    last = lines[-1]
    hi = end_override if end_override is not None else last.content_end
    span = make_span(lines[0].number, start + 1, last.number, max(hi, 0) + 1)
    return " ".join(filter(None, parts)), span


def _authors(lines: list[EntryLine]) -> tuple[tuple[str, ...] | None, Field | None, bool | None]:
    if not lines:
        return None, None, None
    first = lines[0]
    c = first.content
    marker = c[0] if c[:1] in ("*", "_") and c[:2] not in ("**", "__") else None
    if marker is None:
        text, span = _join_field(lines, first.indent)
        return _names(text), make_field(text, span), False
    last = lines[-1]
    close = last.text.rfind(
        marker, (first.indent + 1) if last is first else last.indent, last.content_end
    )
    if close == -1:
        text, span = _join_field(lines, first.indent + 1)
        return _names(text), make_field(text, span), False
    text, span = _join_field(lines, first.indent + 1, end_override=close)
    return _names(text), make_field(text, span), True


def _names(text: str) -> tuple[str, ...]:
    plain = (_INLINE_LINK.sub(r"\1", text) if "](" in text else text).strip()
    plain = plain.rstrip(".").strip()
    if plain.lower() in _PLACEHOLDER_AUTHORS:
        return ()
    # Without "and" the separators are "," and ";": split in C, not by a pattern tried at
    # every character for its word boundary.
    parts = (
        plain.replace(";", ",").split(",") if "and" not in plain else _NAME_SEPARATOR.split(plain)
    )
    return tuple(filter(None, map(str.strip, parts)))


def _date_venue(line: EntryLine | None, title_groups: list[tuple[str, Span]]):
    """(EntryDate, venue field, whole date-venue field) from the date line or the title line."""
    groups = list(title_groups)
    field = None
    if line is not None:
        c = line.text[line.indent : line.content_end]
        field = make_field(c, span_on_line(line.number, line.indent + 1, line.content_end + 1))
        for g in _GROUP.finditer(line.text, line.indent, line.content_end):
            groups.append((g.group(1), span_on_line(line.number, g.start(1) + 1, g.end(1) + 1)))
        if not groups and looks_like_date(c):
            groups.append((c, field.span))
    date = venue = None
    for text, span in groups:
        if date is None and looks_like_date(text):
            date = entry_date(text, span)
        elif venue is None:
            venue = make_field(text.strip(), span)
    return date, venue, field


def entry_date(text: str, span: Span) -> EntryDate:
    p = parse_date(text)
    day_span = None
    if p.day_text is not None and p.day_offset is not None:
        col = span.start_col + p.day_offset
        day_span = span_on_line(span.start_line, col, col + len(p.day_text))
    return make_entry_date(
        text, span, p.value, p.day, p.month, p.year, p.day_text, day_span, p.month_text,
        p.style, p.problem,
    )  # fmt: skip


def strip_bullet(text: str) -> int:
    """Width of a list bullet at the start of ``text`` (0 when there is none)."""
    m = _BULLET.match(text)
    return m.end() if m else 0
