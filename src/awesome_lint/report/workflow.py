"""``--format github``: findings as GitHub Actions workflow-command annotations.

Workflow commands are parsed from the job's stdout, so a message holding a newline could
start a command of its own (``::set-env``, ``::stop-commands``). Escaping follows the
Actions toolkit: in data ``%``, ``\\r`` and ``\\n``; in properties also ``:`` and ``,``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..diagnostics import Severity, Violation
from .options import ReportOptions

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(path: str, v: Violation) -> str:
    span = v.span
    props = {
        "file": path,
        "line": span.start_line,
        "col": span.start_col,
        "endLine": span.end_line,
        "endColumn": span.end_col,
        "title": f"{v.code} {v.name}",
    }
    if span.end_line != span.start_line:
        # GitHub ignores columns on multi-line annotations and warns about them.
        del props["col"], props["endColumn"]
    joined = ",".join(f"{k}={escape_property(str(val))}" for k, val in props.items())
    return f"::{_LEVEL[v.severity]} {joined}::{escape_data(v.message)}"


def report(path: str, violations: Iterable[Violation]) -> str:
    """One file's findings as workflow commands, one a line."""
    return "".join(annotation(path, v) + "\n" for v in violations)


def render(results: Sequence, options: ReportOptions = ReportOptions()) -> str:
    """``--format github``: every file's findings as workflow commands."""
    return "".join(report(r.path, r.violations) for r in results)


def notice(message: str, level: str = "notice", title: str = "awesome-lint") -> str:
    return f"::{level} title={escape_property(title)}::{escape_data(message)}"
