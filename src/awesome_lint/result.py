"""What a run makes of a file: its findings (what every output format reads) and what
fixing did."""

from __future__ import annotations

from dataclasses import dataclass

from .diagnostics import Severity, Violation
from .model import Document
from .textio import Source


@dataclass(frozen=True)
class LintResult:
    """One file's findings: what every reporter reads."""

    path: str
    document: Document
    violations: tuple[Violation, ...]
    source: Source | None = None

    @property
    def errors(self) -> int:
        return sum(1 for v in self.violations if v.severity is Severity.ERROR)

    @property
    def warnings(self) -> int:
        return sum(1 for v in self.violations if v.severity is Severity.WARNING)


@dataclass(frozen=True)
class FixOutcome:
    before: str  # the normalised text as read
    after: str  # the normalised fixed text
    result: LintResult  # the findings left in ``after``
    applied: int  # rule fixes applied
    sorted_runs: int  # runs of entries reordered by --sort-entries
    toc: bool  # the table of contents was rewritten
    notes: tuple[str, ...]  # what an opt-in fix left alone, and why

    @property
    def changed(self) -> bool:
        return self.before != self.after
