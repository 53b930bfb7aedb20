"""``path:line:col: CODE name: message`` lines and a one-line summary, like ruff and flake8."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..diagnostics import Severity
from .ansi import Paint, plain
from .options import ReportOptions

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def format_violation(path: str, v, paint: Paint = plain) -> str:
    return _line(paint("path", path), v, paint)


def _line(painted_path: str, v, paint: Paint) -> str:
    """``format_violation`` with the path painted already (once per file, not per line)."""
    tag = "" if v.severity is Severity.ERROR else paint("dim", f" [{v.severity.value}]")
    code = paint(v.severity.value, v.code)
    return f"{painted_path}:{v.span.start_line}:{v.span.start_col}: {code} {v.name}: {_one_line(v.message)}{tag}"


def _one_line(text: str) -> str:
    # Messages quote the list's text: a stray escape byte in it must not drive the terminal.
    text = " ".join(text.split())
    if text.isprintable():  # (every control character is unprintable: nothing to escape)
        return text
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group(0)):02x}", text)


def summary(results: Sequence) -> str:
    errors = sum(r.errors for r in results)
    warnings = sum(r.warnings for r in results)
    infos = sum(1 for r in results for v in r.violations if v.severity is Severity.INFO)
    fixable = sum(1 for r in results for v in r.violations if v.fix is not None and v.fix.safe)
    unsafe = sum(1 for r in results for v in r.violations if v.fix is not None and not v.fix.safe)
    entries = sum(len(r.document.entries) for r in results)
    files = f"{len(results)} file{'s' if len(results) != 1 else ''}"
    if all(r.document.entries_read for r in results):
        where = f"{entries} entries in {files}"
        within = f"{entries} entries, {files}"
    else:  # no selected rule reads entries: none were sought, so none are counted
        where = within = files
    total = errors + warnings + infos
    if not total:
        return f"All clear: {where}, no problems."
    parts = [
        f"{errors} error{'s' if errors != 1 else ''}",
        f"{warnings} warning{'s' if warnings != 1 else ''}",
    ]
    if infos:
        parts.append(f"{infos} info")
    tail = f"; {fixable} fixable" if fixable else ""
    if unsafe:
        tail += f"{'' if fixable else '; 0 fixable'} ({unsafe} more with --unsafe-fixes)"
    return (
        f"Found {total} problem{'s' if total != 1 else ''} ({', '.join(parts)}) in {within}{tail}."
    )


def render(results: Sequence, options: ReportOptions = ReportOptions()) -> str:
    """A line per finding, then the summary line (not with ``quiet``); nothing without files."""
    if not results:
        return ""
    paint = options.paint
    lines = []
    for r in results:
        painted = paint("path", r.path)
        lines.extend(_line(painted, v, paint) + "\n" for v in r.violations)
    if not options.quiet:
        lines.append(paint("summary", summary(results)) + "\n")
    return "".join(lines)
