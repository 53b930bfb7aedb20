from __future__ import annotations

import re
from collections import Counter

from ..diagnostics import Violation
from ..lazy import lazy_regex
from ..model import Document, Entry, LineKind
from ..parse.conventions import MIN_SAMPLES
from ..parse.dates import looks_like_date
from ..parse.layouts import BRACKETED_DATE_LAYOUTS
from .base import Kind, Rule, Severity
from .messages import Habit, entry_name, habit, line_span, quote

_WELL_FORMED = lazy_regex(r"^\[[^\[\]]+\](?:[ \t]*\[[^\[\]]+\])?[ \t]*\.?$")
# A venue's year: 2023, CVPR'23, ACL23.
_YEAR = lazy_regex(r"(?:19|20)\d\d|(?:'|(?<=[A-Za-z]))\d\d\b")
_ISO_MONTH = lazy_regex(r"\b(?:19|20)\d\d-[01]\d\b")
_BRACKETED = lazy_regex(r"\[([^\[\]]+)\]")
# "arXiv , 2021": a space before the comma.
_SPACED_COMMA = lazy_regex(r"\S\s+,")


class MalformedDateVenue(Rule):
    code = "AL205"
    summary = "The date and venue line is not [date] [venue], or a dated list's entry has no date"
    default_severity = Severity.ERROR
    kind = Kind.CONVENTION
    tags = ("entries", "dates")

    def check(self, doc: Document, ctx):
        entries = doc.entries
        dated = habit(entries, lambda e: e.date is not None)
        # A list writes the same venues again and again: each is searched for a year once.
        has_year: dict[str, bool] = {}
        for e in entries:
            if e.venue is not None and e.venue.text not in has_year:
                has_year[e.venue.text] = bool(_YEAR.search(e.venue.text))
        venue_years = habit(
            [e for e in entries if e.venue is not None], lambda e: has_year[e.venue.text]
        )
        model: tuple[int, str] | None | bool = False  # False: not looked for yet
        # A table is judged by its own rows: a short table without a date column (datasets
        # under a dated paper list) does not borrow the list's habit.
        sizes: Counter | None = None  # counted when first needed
        for e in entries:
            line = e.line_of(LineKind.DATE_VENUE)
            if line is not None and e.layout in BRACKETED_DATE_LAYOUTS:
                content = line.text[line.indent : line.content_end]
                if not _WELL_FORMED.match(content):
                    if model is False:
                        model = _model_line(entries)
                    like = (
                        f", like {quote(model[1])} at line {model[0]}"
                        if model and model[0] != line.number
                        else ""
                    )
                    yield self.violation(
                        line_span(line),
                        f"date and venue line {quote(content)} is not [date] [venue]{like}",
                    )
                    continue
            if e.venue is not None:
                found = self._venue(e, venue_years(e), has_year[e.venue.text])
                if found is not None:
                    yield found
            if e.date is None and e.layout != "venue-prefix":
                shown = dated(e)
                if e.layout == "table":
                    if sizes is None:
                        sizes = Counter(e.section for e in entries)
                    if sizes[e.section] < MIN_SAMPLES:
                        continue
                if shown is None or _written_date(e):
                    continue  # the section does not clearly date entries, or this one does
                where = line_span(line) if line is not None else line_span(e.lines[0])
                yield self.violation(
                    where,
                    f"entry {entry_name(e)} has no date; date it{shown.like()}",
                    severity=Severity.WARNING,
                )

    def _venue(self, e: Entry, years: Habit | None, has_year: bool) -> Violation | None:
        v = e.venue
        if "," in v.text and _SPACED_COMMA.search(v.text):
            good = re.sub(r"\s+,", ",", v.text)
            return self.violation(
                v.span,
                f"venue {quote(v.text, 30)} has a space before its comma; write {quote(good, 30)}",
            )
        if years is not None and not has_year:
            return self.violation(
                v.span,
                f"venue {quote(v.text, 30)} has no year; write it with one{years.like()}",
            )
        return None


def _written_date(e: Entry) -> bool:
    """A bracketed date the layout did not place (`"Title" [2024-08] [ICLR 2025]`): the
    entry is dated, whatever field it was read into."""
    return any(looks_like_date(m.group(1)) for ln in e.lines for m in _BRACKETED.finditer(ln.text))


def _model_line(entries) -> tuple[int, str] | None:
    """The first well-formed date and venue line of the list: its line and text."""
    for e in entries:
        line = e.line_of(LineKind.DATE_VENUE)
        if line is not None and e.layout in BRACKETED_DATE_LAYOUTS:
            content = line.text[line.indent : line.content_end]
            if _WELL_FORMED.match(content):
                return line.number, content
    return None
