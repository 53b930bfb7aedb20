"""What a lint run reports: a ``Violation`` (code, name, message, span, severity) and the
``Fix`` that may come with it, a tuple of text ``Edit``s on spans of the document text.

The bottom of the package with ``model.py``: every layer above reads these records, so
they import nothing of ours but the ``Span`` they point at.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from .model import Span


class Severity(str, enum.Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True, slots=True)
class Edit:
    """One replacement of a span of the source (an insertion when the span is empty)."""

    span: Span  # the text replaced (may be empty: an insertion)
    replacement: str

    @classmethod
    def insert(cls, line: int, col: int, text: str) -> Edit:
        return cls(Span(line, col, line, col), text)


@dataclass(frozen=True, slots=True)
class Fix:
    """The edits that fix one finding, applied together or not at all."""

    edits: tuple[Edit, ...]
    description: str
    # Safe fixes keep the text's meaning and are applied by --fix; unsafe ones may change it
    # (a URL taken from a redirect, a word in prose) and wait for --unsafe-fixes, as in ruff.
    safe: bool = True

    @classmethod
    def replace(cls, span: Span, text: str, description: str, *, safe: bool = True) -> Fix:
        return cls((Edit(span, text),), description, safe)


@dataclass(frozen=True, slots=True)
class Violation:
    """One finding: the rule, the message, where, how severe, and its fix if it has one."""

    code: str
    name: str
    message: str
    span: Span
    severity: Severity
    fix: Fix | None = None

    @property
    def line(self) -> int:
        return self.span.start_line

    @property
    def column(self) -> int:
        return self.span.start_col
