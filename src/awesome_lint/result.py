"""One file's findings, the record every output format reads."""

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
