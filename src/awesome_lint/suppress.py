"""Inline suppression comments.

<!-- awesome-lint-disable [CODE|name ...] -->       from here on (all rules when none named)
<!-- awesome-lint-enable [CODE|name ...] -->        ends a disable
<!-- awesome-lint-disable-line [CODE|name ...] -->  this line
<!-- awesome-lint-disable-next-line [CODE|name ...] -->  the next line
<!-- awesome-lint-disable-file [CODE|name ...] -->  the whole file
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .lazy import lazy_regex
from .model import Document

_DIRECTIVE = lazy_regex(
    r"^\s*awesome-lint-(disable-next-line|disable-line|disable-file|disable|enable)\b(.*)$", re.S
)
ALL = "*"


@dataclass(frozen=True)
class Suppressions:
    """The rules a list's comments turn off: for the file, on lines, over ranges."""

    file_wide: frozenset[str]
    lines: dict[int, frozenset[str]]  # line -> codes suppressed on that line
    ranges: tuple[tuple[int, int, str], ...]  # (first, last, code)

    def suppressed(self, code: str, line: int) -> bool:
        if ALL in self.file_wide or code in self.file_wide:
            return True
        on_line = self.lines.get(line)
        if on_line and (ALL in on_line or code in on_line):
            return True
        return any(lo <= line <= hi and c in (ALL, code) for lo, hi, c in self.ranges)


def collect(
    doc: Document, resolve: Callable[[str], str | None]
) -> tuple[Suppressions, list[tuple[int, str]]]:
    """Read the directives. ``resolve`` maps a code or name to a code (None if unknown).

    Returns the suppressions and a list of (line, problem) for directives naming unknown rules.
    """
    problems: list[tuple[int, str]] = []
    file_wide: set[str] = set()
    lines: dict[int, set[str]] = {}
    open_at: dict[str, int] = {}
    ranges: list[tuple[int, int, str]] = []
    last_line = len(doc.lines)
    for line, body in doc.comments:
        m = _DIRECTIVE.match(body)
        if not m:
            continue
        kind, args = m.group(1), m.group(2).replace(",", " ").split()
        codes = set()
        for a in args:
            code = resolve(a)
            if code is None:
                problems.append((line, f"unknown rule {a!r} in awesome-lint-{kind} comment"))
            else:
                codes.add(code)
        if not args:
            codes = {ALL}
        if kind == "disable-file":
            file_wide |= codes
        elif kind == "disable-line":
            lines.setdefault(line, set()).update(codes)
        elif kind == "disable-next-line":
            target = _next_content_line(doc, line)
            lines.setdefault(target, set()).update(codes)
        elif kind == "disable":
            for c in codes:
                open_at.setdefault(c, line)
        else:  # enable
            targets = list(open_at) if ALL in codes else [c for c in codes if c in open_at]
            for c in targets:
                ranges.append((open_at.pop(c), line, c))
            if ALL not in codes and ALL in open_at:
                # Re-enabling one rule inside a blanket disable: not supported, keep it simple.
                problems.append(
                    (line, "awesome-lint-enable of one rule inside a blanket disable has no effect")
                )
    for c, start in open_at.items():
        ranges.append((start, last_line, c))
    return Suppressions(
        frozenset(file_wide), {k: frozenset(v) for k, v in lines.items()}, tuple(ranges)
    ), problems


def _next_content_line(doc: Document, line: int) -> int:
    # The comment may span lines; the target is the first line after it that is not blank.
    n = line
    while n <= len(doc.lines) and "-->" not in doc.lines[n - 1]:
        n += 1
    n += 1
    while n <= len(doc.lines) and not doc.lines[n - 1].strip():
        n += 1
    return n


def filter_violations(violations: Iterable, sup: Suppressions) -> list:
    if not (sup.file_wide or sup.lines or sup.ranges):
        return list(violations)  # most lists suppress nothing: no look-up per finding
    return [v for v in violations if not sup.suppressed(v.code, v.span.start_line)]
