"""Infer a list's own conventions from the majority of its entries.

Style rules judge an entry against these, so a list that agrees with itself gets no style
findings, whatever its style. A convention is only *clear* when a strong majority follows
it; where a list is split (DM writes GitHub 113 times and Github 107 times), nothing is
enforced. Configuration can pin any of them (the rules' options).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field
from typing import TypeVar

from ..model import DateStyle, Document, Entry, LineKind, LinkForm, Marker, MonthForm
from .identity import document_keys

T = TypeVar("T", bound=Hashable)
# The share of entries that must agree before their habit becomes the list's convention.
CLEAR_MAJORITY = 0.75
# Fewer observations than this never make a convention.
MIN_SAMPLES = 3


@dataclass(frozen=True)
class Majority:
    """The most common value among the samples, and its share of them."""

    value: object
    share: float
    samples: int

    @property
    def clear(self) -> bool:
        return self.samples >= MIN_SAMPLES and self.share >= CLEAR_MAJORITY


def majority(values: Iterable[T]) -> Majority | None:
    counts = Counter(values)
    if not counts:
        return None
    total = sum(counts.values())
    # Ties break toward the value seen first, so the result does not depend on hash order.
    best = max(counts.items(), key=lambda kv: kv[1])
    return Majority(best[0], best[1] / total, total)


@dataclass(frozen=True)
class BreakConvention:
    """The line break a list ends a kind of entry line with, and its share."""

    marker: Marker
    text: str  # what to insert, e.g. "<br>", " <br>" or " \\"
    share: float


@dataclass(frozen=True)
class Conventions:
    """What a list does by majority (breaks, link forms, labels): what convention rules compare with."""

    breaks: dict[LineKind, BreakConvention] = field(default_factory=dict)  # lines inside an entry
    last_break: BreakConvention | None = None  # the entry's last line (Marker.NONE: no break)
    # (kind of a line, kind of the next) -> whether such a line ends with a working break,
    # with the first line that does (quoted in messages). A list that puts each link on its
    # own source line without a break does so on purpose.
    field_breaks: dict[tuple[LineKind, LineKind], Majority] = field(default_factory=dict)
    field_break_example: dict[tuple[LineKind, LineKind], int] = field(default_factory=dict)
    link_form: Majority | None = None
    labels: dict[str, Majority] = field(default_factory=dict)  # lower-case label -> spelling
    date_style: dict[str, Majority] = field(default_factory=dict)  # DateStyle field -> value
    may_dot: Majority | None = None
    direction: str | None = None  # "newest-first", "oldest-first" or None (not sorted)
    dated_share: float = 0.0  # entries with a date field
    cross_listed_share: float = 0.0  # entries whose paper appears in another section too
    paper_keys: dict[int, list[str]] = field(default_factory=dict)  # entry line -> identity keys


def _break_text(line) -> str:
    return line.text[line.content_end : line.marker_end]


def infer(doc: Document) -> Conventions:
    entries = doc.entries
    if not entries:
        return Conventions()
    keys = document_keys(entries)
    return Conventions(
        **_line_pairs(entries),
        last_break=_last_break(entries),
        **_entry_links(entries),
        date_style=_date_style(entries),
        may_dot=majority(
            e.date.style.month_form is MonthForm.ABBR_DOT
            for e in entries
            if e.date and e.date.style and e.date.month == 5
        ),
        direction=_direction(doc),
        dated_share=sum(1 for e in entries if e.date is not None) / len(entries),
        cross_listed_share=_cross_listed_share(entries, keys),
        paper_keys=keys,
    )


_ENTRY_LINK_FORMS = (LinkForm.BRACKETED, LinkForm.OUTER, LinkForm.BARE)
_KIND_LINKS = LineKind.LINKS  # (read per entry: a module constant, why: entries.py)


def _entry_links(entries: tuple[Entry, ...]) -> dict:
    """The link-form and label conventions, from one walk over the entries' links: the
    forms of the links entries write on a links line (or as an item's link), and the
    spellings of their labels (the title's own link aside)."""
    forms: list[LinkForm] = []
    by_key: dict[str, list[str]] = {}
    for e in entries:
        if not e.links:
            continue
        first = e.line
        on_links_line = e.line_of(_KIND_LINKS) is not None  # once per entry, not per link
        items = None
        for lk in e.links:
            item = None  # whether it is an item's own link, asked at most once
            if lk.form in _ENTRY_LINK_FORMS:
                if on_links_line and lk.line != first:
                    forms.append(lk.form)
                else:
                    if items is None:
                        items = _item_lines(e)
                    item = _item_link(e, lk, items)
                    if item:
                        forms.append(lk.form)
            if lk.label:
                if lk.line == first:
                    if item is None:
                        if items is None:
                            items = _item_lines(e)
                        item = _item_link(e, lk, items)
                    if not item:
                        continue
                by_key.setdefault(lk.label.lower(), []).append(lk.label)
    return {
        "link_form": majority(forms),
        "labels": {k: m for k, v in by_key.items() if (m := majority(v)) is not None},
    }


def _working(line) -> bool:
    return line.marker is not Marker.NONE and not (
        line.marker is Marker.BACKSLASH and line.after_marker
    )


def _line_pairs(entries: tuple[Entry, ...]) -> dict:
    """The break conventions, from one walk over every pair of consecutive entry lines."""
    from .layouts import BREAKLESS_LAYOUTS

    # Each working break counted once by (kind, marker, text); the counts per kind and per
    # (kind, marker) are summed from these few keys afterwards, in the order first seen.
    breaks: Counter = Counter()
    seen: dict[tuple[LineKind, LineKind], list[bool]] = {}
    example: dict[tuple[LineKind, LineKind], int] = {}
    none, backslash = Marker.NONE, Marker.BACKSLASH
    other, links = LineKind.OTHER, LineKind.LINKS
    for e in entries:
        lines = e.lines
        if len(lines) < 2:
            continue
        breakless = e.layout in BREAKLESS_LAYOUTS
        for ln, nxt in zip(lines, lines[1:]):
            kind, marker = ln.kind, ln.marker
            ok = marker is not none and not (marker is backslash and ln.after_marker)
            if kind is not nxt.kind:
                if ok:  # wrapped fields and missing breaks say nothing about the style
                    breaks[(kind, marker, ln.text[ln.content_end : ln.marker_end])] += 1
            elif breakless or (kind is not other and kind is not links):
                continue  # a field wrapped over two lines needs no break
            if breakless:
                continue
            key = (kind, nxt.kind)
            seen.setdefault(key, []).append(ok)
            if ok:
                example.setdefault(key, ln.number)
    per_kind: dict[LineKind, Counter] = defaultdict(Counter)
    texts: dict[tuple[LineKind, Marker], Counter] = defaultdict(Counter)
    for (kind, marker, text), n in breaks.items():
        per_kind[kind][marker] += n
        texts[(kind, marker)][text] += n
    return {
        "breaks": _breaks(per_kind, texts),
        "field_breaks": {k: m for k, v in seen.items() if (m := majority(v)) is not None},
        "field_break_example": example,
    }


def _breaks(
    per_kind: dict[LineKind, Counter], texts: dict[tuple[LineKind, Marker], Counter]
) -> dict[LineKind, BreakConvention]:
    overall = Counter()
    for c in per_kind.values():
        overall.update(c)
    result = {}
    for kind in (
        LineKind.TITLE,
        LineKind.AUTHORS,
        LineKind.DATE_VENUE,
        LineKind.LINKS,
        LineKind.OTHER,
    ):
        counts = per_kind.get(kind) or overall
        if not counts:
            continue
        marker, n = counts.most_common(1)[0]
        text_counts = texts.get((kind, marker)) or Counter(
            t for (k, m), c in texts.items() if m is marker for t in c.elements()
        )
        result[kind] = BreakConvention(
            marker, text_counts.most_common(1)[0][0], n / sum(counts.values())
        )
    return result


def _last_break(entries: tuple[Entry, ...]) -> BreakConvention | None:
    lasts = [e.lines[-1] for e in entries]
    m = majority(ln.marker if _working(ln) else Marker.NONE for ln in lasts)
    if m is None:
        return None
    text = Counter(_break_text(ln) for ln in lasts if ln.marker is m.value).most_common(1)
    return BreakConvention(
        m.value, text[0][0] if text and m.value is not Marker.NONE else "", m.share
    )


def _item_lines(e: Entry) -> set[int]:
    return {ln.number for ln in e.lines if ln.kind is LineKind.ITEM}


def _item_link(e: Entry, lk, items: set[int] | None = None) -> bool:
    """A link of a one-line entry (a bullet, a table row) that is not the title's own link.
    ``items``: the entry's ITEM lines (``_item_lines``), for a caller asking about each link."""
    if lk.line not in (_item_lines(e) if items is None else items):
        return False
    return e.title is None or not e.title.span.overlaps(lk.span)


def _date_style(entries: tuple[Entry, ...]) -> dict[str, Majority]:
    styles: list[DateStyle] = [
        e.date.style for e in entries if e.date and e.date.style and e.date.day is not None
    ]
    out = {}
    for name in ("ordinal", "padded", "comma", "day_comma"):
        m = majority(getattr(s, name) for s in styles)
        if m:
            out[name] = m
    months = [
        e.date.style.month_form
        for e in entries
        if e.date and e.date.style and e.date.month != 5 and e.date.day is not None
    ]
    m = majority(months)
    if m:
        out["month_form"] = m
    return out


def _direction(doc: Document) -> str | None:
    """The sort direction most sections follow, when clear."""
    down = up = 0
    for section in doc.all_sections():
        dates = [e.date.value for e in section.entries if e.date and e.date.value]
        for a, b in zip(dates, dates[1:]):
            if a > b:
                down += 1
            elif a < b:
                up += 1
    if down + up < MIN_SAMPLES:
        return None
    share = max(down, up) / (down + up)
    direction = "newest-first" if down >= up else "oldest-first"
    return direction if share >= CLEAR_MAJORITY else None


def _cross_listed_share(entries: tuple[Entry, ...], keys: dict[int, list[str]]) -> float:
    sections_by_key: dict[str, set[str]] = {}
    for e in entries:
        for key in keys[e.line]:
            sections = sections_by_key.get(key)
            if sections is None:
                sections_by_key[key] = {e.section}
            else:
                sections.add(e.section)
    crossing = {k for k, sections in sections_by_key.items() if len(sections) > 1}
    if not crossing:
        return 0.0
    crossed = sum(1 for e in entries if not crossing.isdisjoint(keys[e.line]))
    return crossed / len(entries)
