from __future__ import annotations

import datetime

from ..diagnostics import Fix
from ..model import Document, Entry, MonthForm
from ..parse.conventions import majority
from ..parse.dates import format_date
from .base import Fixability, FixSafety, Rule, Severity
from .messages import clear, entry_name, quote
from .paper_results import TAGS, found, unless_most

# arXiv stamps versions in UTC; a list that writes the announcement day, or the author's
# local day, is one day off without being wrong.
TOLERANCE = datetime.timedelta(days=1)


def _matches(entry: Entry, when: datetime.date | None) -> bool:
    d = entry.date
    if d is None or when is None:
        return False
    if d.value is not None:
        return abs(d.value - when) <= TOLERANCE
    if d.year is not None and d.month is not None and d.day is None:
        return (d.year, d.month) == (when.year, when.month)
    return False


class DateMismatch(Rule):
    code = "AL503"
    summary = "An entry's date is neither the paper's first version's nor its latest version's (--check-papers)"
    default_severity = Severity.WARNING
    fixable = Fixability.SOMETIMES
    # The paper's record replaces what the entry says: applied only with --unsafe-fixes.
    fix_safety = FixSafety.UNSAFE
    tags = TAGS

    def check(self, doc: Document, ctx):
        # Crossref's dates (issue, print, online) say when a venue published the paper, not
        # when its authors announced it; only arXiv's version dates are a fact to hold to.
        checked = [
            (e, record)
            for e, _ref, record in found(doc, ctx)
            if record.source == "arxiv"
            and record.first_date is not None
            and e.date is not None
            and (e.date.value is not None or e.date.month is not None)
        ]
        # Which date the list writes, judged on papers whose versions differ in date.
        habit = majority(
            "first" if _matches(e, r.first_date) else "latest"
            for e, r in checked
            if _matches(e, r.first_date) != _matches(e, r.latest_date)
        )
        uses = habit.value if clear(habit) else None
        findings = []
        for e, record in checked:
            latest = record.latest_date or record.first_date
            if _matches(e, record.first_date) or _matches(e, latest):
                continue
            expected = latest if uses == "latest" else record.first_date
            if uses == "latest":
                which = "the latest version's date"
            elif uses == "first" or latest == record.first_date:
                which = "the first version's date"
            else:
                which = f"the first version's date (the latest version's is {latest.isoformat()})"
            d = e.date
            fix = None
            shown = expected.isoformat()
            if d.style is not None and d.day is not None:
                shown = format_date(
                    expected.day,
                    expected.month,
                    expected.year,
                    d.style,
                    may_dot=d.style.month_form is MonthForm.ABBR_DOT,
                )
                fix = Fix.replace(d.span, shown, "write the paper's date")
                shown = quote(shown)
            findings.append(
                self.violation(
                    d.span,
                    f"entry {entry_name(e)}: date {quote(d.raw, 30)} is not the paper's; "
                    f"{which} is {shown}",
                    fix,
                )
            )
        # A list whose dates are mostly not arXiv's (a venue's dates) writes another date on
        # purpose: nothing to report.
        yield from unless_most(findings, len(checked))
