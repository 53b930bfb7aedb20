from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from ..diagnostics import Fix
from ..model import DateStyle, Document, MonthForm
from ..parse.dates import format_date, parse_date
from .base import Fixability, Kind, Rule, Severity
from .messages import clear, quote


def _check_example(value: str) -> str | None:
    p = parse_date(value)
    if p.problem or p.style is None:
        return f"{value!r} is not a date like '12th Sep., 2023' ({p.problem})"
    return None


@dataclass(frozen=True)
class Options:
    """The [rules.date-style] options of a config."""

    # Pin the style with an example date ("12th Sep., 2023"); empty: infer from the list.
    example: str = field(
        default="", metadata={"validate": lambda v: _check_example(v) if v else None}
    )
    # How May is written: "May" or "May."; empty: infer.
    may: str = field(default="", metadata={"choices": ("", "May", "May.")})


class DateStyleRule(Rule):
    code = "AL208"
    summary = "A date written differently from the list's own date style"
    default_severity = Severity.WARNING
    kind = Kind.CONVENTION
    fixable = Fixability.ALWAYS
    tags = ("entries", "dates", "style")
    Options = Options

    def check(self, doc: Document, ctx):
        target = _target(ctx)
        if not target:
            return
        may_dot = _may(ctx)
        # The entries whose style is the target's already (for May, whose spelling is its
        # month form, all but the month form): counted in the message, and never rewritten.
        items = tuple(target.items())
        items_may = tuple((k, v) for k, v in items if k != "month_form")
        followers = [
            e
            for e in doc.entries
            if (d := e.date) is not None
            and d.style is not None
            and d.day is not None
            and all(getattr(d.style, k) == v for k, v in (items_may if d.month == 5 else items))
        ]
        like = (
            f", like {len(followers):,} other entr{'ies' if len(followers) != 1 else 'y'},"
            f" e.g. line {followers[0].date.span.start_line}"
            if followers and not ctx.options.example
            else ""
        )
        following = {id(e) for e in followers}
        for e in doc.entries:
            d = e.date
            if (
                d is None
                or d.style is None
                or d.day is None
                or d.month is None
                or d.year is None
                or d.day == 0
            ):
                continue
            if id(e) in following and (
                d.month != 5
                or may_dot is None
                or may_dot == (d.style.month_form is MonthForm.ABBR_DOT)
            ):
                continue  # the rendering below would be its own (May's dot aside)
            style = dataclasses.replace(d.style, **dict(items_may if d.month == 5 else items))
            dot = may_dot if may_dot is not None else d.style.month_form is MonthForm.ABBR_DOT
            good = format_date(d.day, d.month, d.year, style, may_dot=dot)
            own = format_date(
                d.day, d.month, d.year, d.style, may_dot=d.style.month_form is MonthForm.ABBR_DOT
            )
            if good == own:
                continue  # only spacing differs from the canonical rendering: not a style issue
            yield self.violation(
                d.span,
                f"date {quote(d.raw, 30)} differs from the list's style: write {quote(good)}{like}",
                Fix.replace(d.span, good, "rewrite the date in the list's style"),
            )


def _target(ctx) -> dict:
    """The style fields to enforce: pinned by the example, else the list's clear majorities."""
    if ctx.options.example:
        p = parse_date(ctx.options.example)
        s: DateStyle = p.style
        fields = {f.name: getattr(s, f.name) for f in dataclasses.fields(s)}
        if p.month == 5:
            fields.pop("month_form")
        return fields
    return {k: m.value for k, m in ctx.conventions.date_style.items() if clear(m)}


def _may(ctx) -> bool | None:
    if ctx.options.may:
        return ctx.options.may == "May."
    if ctx.options.example and parse_date(ctx.options.example).month == 5:
        return parse_date(ctx.options.example).style.month_form is MonthForm.ABBR_DOT
    m = ctx.conventions.may_dot
    return m.value if clear(m) else None
