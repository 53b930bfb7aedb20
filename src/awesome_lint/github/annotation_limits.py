"""Annotations within GitHub's limits: 10 error and 10 warning (and 10 notice) annotations
per step are shown, the rest dropped without a word. So the most important go first
(errors, then warnings, then notes; by file and line), no more than fit are printed, and
the last one printed of each kind says how many more there are (the job summary lists all).
Pure: findings in, workflow-command lines out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ..diagnostics import Severity
from ..report import workflow as reporter
from .findings import Finding

PER_STEP = 10  # GitHub's limit per kind (error, warning, notice) and step

_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
_WORD = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def ordered(findings: Sequence[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: (_ORDER[f.severity], f.path, f.line, f.violation.code))


def annotations(
    findings: Sequence[Finding], reserved: dict[Severity, int] | None = None
) -> list[str]:
    """One workflow command per finding that GitHub will show. ``reserved``: annotations of a
    kind the run prints itself (its own warnings), which count against the same limit."""
    reserved = reserved or {}
    out: list[str] = []
    for severity in _ORDER:
        group = [f for f in ordered(findings) if f.severity is severity]
        room = max(1, PER_STEP - reserved.get(severity, 0))
        shown, hidden = group[:room], len(group) - room
        for i, f in enumerate(shown):
            v = f.violation
            if hidden > 0 and i == len(shown) - 1:
                word = _WORD[severity] + ("" if hidden == 1 else "s")
                v = replace(
                    v,
                    message=f"{v.message} (and {hidden} more {word} not annotated: GitHub shows "
                    f"{PER_STEP} per step; the job summary lists all)",
                )
            out.append(reporter.annotation(f.path, v))
    return out
