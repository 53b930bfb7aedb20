"""Parse the dates paper lists write (``12th Sep., 2023``, ``16 Oct 2023``, ``07th June, 2022``).

The parser is lenient about punctuation (a missing dot, a stray comma), because those are
style, and strict about content: a day that does not exist, a placeholder ``0th``, a
missing day or year are reported, never guessed.
"""

from __future__ import annotations

import calendar
import datetime
import re
from dataclasses import dataclass
from functools import lru_cache

from ..lazy import lazy_regex
from ..model import DateStyle, MonthForm

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
    "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}  # fmt: skip
ABBR = {m: calendar.month_abbr[m] for m in range(1, 13)}
FULL = {m: calendar.month_name[m] for m in range(1, 13)}

_DATE = lazy_regex(
    r"""^\s*
    (?:(?P<day>\d{1,2})(?P<suffix>[A-Za-z]{2})?(?P<daycomma>\s*,)?\s+)?
    (?P<month>[A-Za-z]{3,9})(?P<dot>\.)?(?P<comma>(?:\s*,)+)?\s*
    (?P<year>\d{4})?\s*$""",
    re.VERBOSE,
)
# Day-first dates in the other order people write ("Sep 12, 2023") are not a paper-list
# convention; they are recognised only so the message can say what is wrong.
_MONTH_FIRST = lazy_regex(
    r"^\s*(?P<month>[A-Za-z]{3,9})\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})\s*$"
)
_ISO = lazy_regex(r"^\s*(?P<year>\d{4})-(?P<month>\d{2})(?:-(?P<day>\d{2}))?\s*$")


def ordinal_suffix(day: int) -> str:
    if 11 <= day % 100 <= 13:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


@dataclass(frozen=True, slots=True)
class ParsedDate:
    """A date as a list wrote it: its parts, where the day is, and the date if it exists."""

    value: datetime.date | None
    day: int | None
    month: int | None
    year: int | None
    day_text: str | None  # the day with its suffix, as written ("23th")
    day_offset: int | None  # offset of day_text in the raw string
    month_text: str | None
    style: DateStyle | None
    problem: str | None


# Both readers are pure and a list writes the same strings again and again (its venues, its
# dates): each distinct string is read once. The results are immutable.
@lru_cache(maxsize=8192)
def looks_like_date(raw: str) -> bool:
    """True when the text is meant as a date, even a broken one (has a month name or a day)."""
    words = re.findall(r"[A-Za-z]+", raw)
    return any(w.lower() in MONTHS for w in words) or bool(_ISO.match(raw))


def _parse_iso(raw: str, m: re.Match) -> ParsedDate:
    year, month = int(m.group("year")), int(m.group("month"))
    day = int(m.group("day")) if m.group("day") else None
    style = DateStyle(
        ordinal=False, padded=True, month_form=MonthForm.NUMERIC, comma=False, day_comma=False
    )
    common = dict(day=day, month=month, year=year, day_text=m.group("day"), day_offset=m.start("day") if day else None,
                  month_text=m.group("month"), style=style)  # fmt: skip
    if day is None and 1 <= month <= 12:
        return ParsedDate(value=None, problem="no day", **common)
    problem = numeric_date_problem(year, month, day)
    value = None if problem else datetime.date(year, month, day)
    return ParsedDate(value=value, problem=problem, **common)


def numeric_date_problem(year: int, month: int, day: int | None) -> str | None:
    """Why a numeric date does not exist, or None; one wording for every reader of dates."""
    if not 1 <= month <= 12:
        return f"there is no month {month}"
    if day is not None and (day == 0 or day > calendar.monthrange(year, month)[1]):
        return f"{calendar.month_name[month]} {year} has no day {day}"
    return None


@lru_cache(maxsize=8192)
def parse_date(raw: str, today: datetime.date | None = None) -> ParsedDate:
    iso = _ISO.match(raw)
    if iso:
        return _parse_iso(raw, iso)
    m = _DATE.match(raw)
    if not m or m.group("month").lower() not in MONTHS:
        m2 = _MONTH_FIRST.match(raw)
        if m2 and m2.group("month").lower() in MONTHS:
            return _fail(raw, "month before day; write the day first, like 12th Sep., 2023")
        return _fail(raw, "not a date like 12th Sep., 2023")
    month_word = m.group("month")
    month = MONTHS[month_word.lower()]
    day = int(m.group("day")) if m.group("day") else None
    year = int(m.group("year")) if m.group("year") else None
    suffix = m.group("suffix")
    day_text = (m.group("day") + (suffix or "")) if m.group("day") else None
    style = DateStyle(
        ordinal=bool(suffix),
        padded=bool(m.group("day")) and m.group("day").startswith("0"),
        month_form=_month_form(month_word, bool(m.group("dot"))),
        comma=bool(m.group("comma")),
        day_comma=bool(m.group("daycomma")),
    )
    common = dict(
        day=day,
        month=month,
        year=year,
        day_text=day_text,
        day_offset=m.start("day") if day_text else None,
        month_text=month_word,
        style=style,
    )
    problem = None
    if suffix and suffix.lower() not in ("st", "nd", "rd", "th"):
        problem = f"'{day_text}' is not a day"
    elif day is None:
        problem = "no day"
    elif year is None:
        problem = "no year"
    elif day == 0:
        problem = "day 0 is a placeholder, not a date"
    elif day > calendar.monthrange(year, month)[1]:
        problem = f"{calendar.month_name[month]} {year} has no day {day}"
    if problem:
        return ParsedDate(value=None, problem=problem, **common)
    value = datetime.date(year, month, day)
    if today is not None and value > today:
        return ParsedDate(value=None, problem=f"{value.isoformat()} is in the future", **common)
    return ParsedDate(value=value, problem=None, **common)


def _fail(raw: str, problem: str) -> ParsedDate:
    return ParsedDate(None, None, None, None, None, None, None, None, problem)


def _month_form(word: str, dot: bool) -> MonthForm:
    low = word.lower()
    if dot and len(low) > 3 and low != "sept":
        # "July.", "June.": a full name with a stray dot, not the abbreviation "Jul.".
        return MonthForm.FULL
    if dot:
        return MonthForm.ABBR_DOT
    if low == "may":
        return MonthForm.FULL  # "May" is its own full name; style checks treat May apart
    return MonthForm.FULL if len(low) > 3 and low != "sept" else MonthForm.ABBR


def format_date(day: int, month: int, year: int, style: DateStyle, may_dot: bool = False) -> str:
    """Write a date in a list's style (the inverse of parse_date for valid dates)."""
    if style.month_form is MonthForm.NUMERIC:
        return f"{year:04d}-{month:02d}-{day:02d}"
    day_text = f"{day:02d}" if style.padded else str(day)
    if style.ordinal:
        day_text += ordinal_suffix(day)
    if month == 5:
        month_text = "May." if may_dot else "May"
    elif style.month_form is MonthForm.FULL:
        month_text = FULL[month]
    elif style.month_form is MonthForm.ABBR_DOT:
        month_text = ABBR[month] + "."
    else:
        month_text = ABBR[month]
    sep = ", " if style.comma else " "
    return f"{day_text}{',' if style.day_comma else ''} {month_text}{sep}{year}"
