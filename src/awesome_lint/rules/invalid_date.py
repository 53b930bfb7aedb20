from __future__ import annotations

from ..model import Document
from ..parse.conventions import CLEAR_MAJORITY, MIN_SAMPLES
from .base import Rule, Severity
from .messages import quote

# The problems that are about precision, not existence: a list that dates by month
# (`[2024-09]`) writes no day on purpose, so "no day" is judged against the list's habit.
PRECISION_PROBLEMS = ("no day",)


class InvalidDate(Rule):
    code = "AL206"
    summary = (
        "A date that cannot be read, does not exist, misses its day or year, or lies in the future"
    )
    default_severity = Severity.ERROR
    tags = ("entries", "dates")

    def check(self, doc: Document, ctx):
        dated = [e for e in doc.entries if e.date is not None and e.date.month is not None]
        with_day = [e for e in dated if e.date.day is not None]
        # "no day" only where the list clearly writes days (or is too short to tell); the
        # message quotes a real entry's date as the model.
        few = len(dated) < MIN_SAMPLES
        writes_days = few or len(with_day) >= CLEAR_MAJORITY * len(dated)
        for e in doc.entries:
            d = e.date
            if d is None:
                continue
            if d.problem in PRECISION_PROBLEMS:
                if not writes_days:
                    continue
                message = f"invalid date {quote(d.raw, 30)}: {d.problem}"
                if not few:
                    valid = [x for x in with_day if x.date.value is not None] or with_day
                    like, n = valid[0].date, len(with_day)
                    message += (
                        f"; write it like {quote(like.raw, 30)}, as {n:,} other"
                        f" entr{'ies' if n != 1 else 'y'} do, e.g. line {like.span.start_line}"
                    )
                yield self.violation(d.span, message)
            elif d.problem:
                yield self.violation(d.span, f"invalid date {quote(d.raw, 30)}: {d.problem}")
            elif d.value is not None and d.value > ctx.today:
                yield self.violation(
                    d.span, f"date {quote(d.raw, 30)} is in the future ({d.value.isoformat()})"
                )
