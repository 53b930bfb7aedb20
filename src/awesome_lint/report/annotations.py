"""GitHub Actions output: workflow-command annotations, the job summary, step outputs.

Workflow commands are parsed from the job's stdout, so a message holding a newline could
start a command of its own (``::set-env``, ``::stop-commands``). Escaping follows the
Actions toolkit: in data ``%``, ``\\r`` and ``\\n``; in properties also ``:`` and ``,``.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterable, Mapping

from ..diagnostics import Severity, Violation

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
    """The reporter for ``--format github``: one workflow command a line."""
    return "".join(annotation(path, v) + "\n" for v in violations)


def notice(message: str, level: str = "notice", title: str = "awesome-lint") -> str:
    return f"::{level} title={escape_property(title)}::{escape_data(message)}"


def append_job_summary(markdown: str, environ: Mapping[str, str] = os.environ) -> bool:
    """Append to ``$GITHUB_STEP_SUMMARY``; False when the variable is unset."""
    target = environ.get("GITHUB_STEP_SUMMARY")
    if not target:
        return False
    with open(target, "a", encoding="utf-8") as fh:
        fh.write(markdown)
    return True


def format_outputs(values: Mapping[str, object]) -> str:
    """``name<<DELIM`` blocks, the form that stays safe whatever the value holds."""
    out = []
    for name, value in values.items():
        text = str(value)
        delim = f"ghadelimiter_{uuid.uuid4()}"
        while delim in text:  # pragma: no cover - a collision with a fresh uuid4
            delim = f"ghadelimiter_{uuid.uuid4()}"
        out.append(f"{name}<<{delim}\n{text}\n{delim}\n")
    return "".join(out)


def write_outputs(values: Mapping[str, object], environ: Mapping[str, str] = os.environ) -> bool:
    """Append step outputs to ``$GITHUB_OUTPUT``; False when the variable is unset."""
    target = environ.get("GITHUB_OUTPUT")
    if not target:
        return False
    with open(target, "a", encoding="utf-8") as fh:
        fh.write(format_outputs(values))
    return True
