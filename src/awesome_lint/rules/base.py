"""What a rule is: metadata declared once, options typed, and one pure ``check`` method."""

from __future__ import annotations

import datetime
import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

from ..diagnostics import Fix, Severity, Violation
from ..model import Document, Span

if TYPE_CHECKING:  # pragma: no cover
    from ..parse.conventions import Conventions
    from ..siblings import Siblings


class Fixability(str, enum.Enum):
    NEVER = "never"
    SOMETIMES = "sometimes"
    ALWAYS = "always"


@dataclass(frozen=True)
class NoOptions:
    pass


@dataclass(frozen=True)
class RuleContext:
    """Everything a rule may read besides the document. Built by the engine, never mutated."""

    options: Any
    conventions: Conventions
    today: datetime.date
    # URL -> result of the link checker (set only when links were checked).
    link_results: Mapping[str, Any] = field(default_factory=dict)
    profile: str = "paper"
    # Files next to the linted list (siblings.py); None when unknown, e.g. for text from stdin.
    siblings: Siblings | None = None
    # (line, problem) for each suppression comment naming an unknown rule: the engine reads
    # the comments once, against the registry, which the rules cannot import.
    suppression_problems: tuple[tuple[int, str], ...] = ()


class Rule:
    code: ClassVar[str]
    name: ClassVar[str]
    summary: ClassVar[str]
    default_severity: ClassVar[Severity]
    fixable: ClassVar[Fixability] = Fixability.NEVER
    aliases: ClassVar[tuple[str, ...]] = ()
    tags: ClassVar[tuple[str, ...]] = ()
    Options: ClassVar[type] = NoOptions
    # Rules that need the network's results (link liveness) run only when links are checked.
    needs_links: ClassVar[bool] = False
    # Off unless selected explicitly (opt-in rules).
    enabled_by_default: ClassVar[bool] = True
    # The list profiles the rule runs in (profile.py): classic-list rules declare ("classic",).
    profiles: ClassVar[tuple[str, ...]] = ("paper", "classic")
    # False for rules that read only lines, headings and links: when no selected rule reads
    # entries, the parser skips recognising them (a links-only run parses in half the time).
    reads_entries: ClassVar[bool] = True

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Violation]:
        raise NotImplementedError

    def violation(
        self,
        span: Span,
        message: str,
        fix: Fix | None = None,
        severity: Severity | None = None,
    ) -> Violation:
        return Violation(
            code=self.code,
            name=self.name,
            message=message,
            span=span,
            severity=severity or self.default_severity,
            fix=fix,
        )
