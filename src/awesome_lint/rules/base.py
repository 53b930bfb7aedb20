"""What a rule is: metadata declared once, options typed, and one pure ``check`` method."""

from __future__ import annotations

import dataclasses
import datetime
import enum
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

from ..diagnostics import Edit, Fix, Severity, Violation
from ..model import Document, Span
from ..parse.makers import maker

if TYPE_CHECKING:  # pragma: no cover
    from ..parse.conventions import Conventions
    from ..siblings import Siblings


class Kind(str, enum.Enum):
    # Decided by facts whatever the list's style: a date that does not exist, link syntax
    # markdown-it left as text, a duplicate paper.
    FACT = "fact"
    # Decided by the list's own clear majority; silent where the list has none.
    CONVENTION = "convention"


class FixSafety(str, enum.Enum):
    # --fix applies it: the edit keeps the text's meaning.
    SAFE = "safe"
    # Only with --unsafe-fixes: the edit may change what the text says or where a link goes.
    UNSAFE = "unsafe"


class Fixability(str, enum.Enum):
    NEVER = "never"
    SOMETIMES = "sometimes"
    ALWAYS = "always"


@dataclass(frozen=True)
class NoOptions:
    """A rule without options: its config table may hold only severity."""


@dataclass(frozen=True)
class RuleContext:
    """Everything a rule may read besides the document. Built by the engine, never mutated."""

    options: Any
    conventions: Conventions
    today: datetime.date
    # URL -> result of the link checker (set only when links were checked).
    link_results: Mapping[str, Any] = field(default_factory=dict)
    # PaperRef.key -> result of the paper clients (set only when papers were checked).
    paper_results: Mapping[str, Any] = field(default_factory=dict)
    profile: str = "paper"
    # Files next to the linted list (siblings.py); None when unknown, e.g. for text from stdin.
    siblings: Siblings | None = None
    # (line, problem) for each suppression comment naming an unknown rule: the engine reads
    # the comments once, against the registry, which the rules cannot import.
    suppression_problems: tuple[tuple[int, str], ...] = ()


# What rules keep of the document being linted (facts.py and paper_results.py hold the last
# one, so that the rules of a run share one reading): let go when the engine is done with it.
# A document still held by a module at exit lives to the interpreter's end, whose cycle
# collection walks every object of it: a sixth of the command line's run on a 700 KB list.
_RELEASES: list[Callable[[], None]] = []


def released_after_lint(release: Callable[[], None]) -> Callable[[], None]:
    """Register ``release`` (it drops a module's hold on a document) to run after each lint."""
    _RELEASES.append(release)
    return release


def release_documents() -> None:
    """Drop every hold the rules keep on the document just linted (the engine calls this)."""
    for release in _RELEASES:
        release()


# A big list's rules make thousands of findings (a finding per line on a list with trailing
# whitespace): made as the parser makes its records (parse/makers.py), at a third of the
# cost of the dataclasses' constructors, the same objects.
_make_violation = maker(Violation)
_make_fix = maker(Fix)
_make_edit = maker(Edit)


def replacement(span: Span, text: str, description: str) -> Fix:
    """``Fix.replace(span, text, description)``: a safe fix of one edit."""
    return _make_fix((_make_edit(span, text),), description, True)


class Rule:
    code: ClassVar[str]
    summary: ClassVar[str]
    default_severity: ClassVar[Severity]
    fixable: ClassVar[Fixability] = Fixability.NEVER
    kind: ClassVar[Kind] = Kind.FACT
    # Whether the rule's fixes are applied by --fix (safe) or need --unsafe-fixes.
    fix_safety: ClassVar[FixSafety] = FixSafety.SAFE
    tags: ClassVar[tuple[str, ...]] = ()
    Options: ClassVar[type] = NoOptions
    # Copied from the rule's row in the registry's table (rules/__init__.py), their one source:
    # the name, old names, and what decides whether a run needs the rule.
    name: ClassVar[str]
    aliases: ClassVar[tuple[str, ...]]
    enabled_by_default: ClassVar[bool]
    needs_links: ClassVar[bool]
    needs_papers: ClassVar[bool]
    profiles: ClassVar[tuple[str, ...]]
    reads_entries: ClassVar[bool]

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        from . import REFS

        ref = REFS[cls.code]
        for attr in ref._fields[3:]:
            setattr(cls, attr, getattr(ref, attr))
        cls.name = ref.name

    def check(self, doc: Document, ctx: RuleContext) -> Iterable[Violation]:
        raise NotImplementedError

    def violation(
        self,
        span: Span,
        message: str,
        fix: Fix | None = None,
        severity: Severity | None = None,
    ) -> Violation:
        if fix is not None and self.fix_safety is FixSafety.UNSAFE and fix.safe:
            fix = dataclasses.replace(fix, safe=False)
        return _make_violation(
            self.code, self.name, message, span, severity or self.default_severity, fix
        )
