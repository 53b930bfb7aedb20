"""Select rules, run them over a parsed document, apply suppressions and severities."""

from __future__ import annotations

import dataclasses
import datetime
import gc
from collections.abc import Mapping
from typing import Any

from .config import Config, lookup_rule, resolve_selector
from .diagnostics import Violation
from .model import Document
from .parse.conventions import Conventions, infer
from .parse.parser import parse
from .parse.profile import detect as detect_profile
from .result import LintResult
from .rules import REFS, RULES, RuleRef, load
from .rules.base import Rule, RuleContext, release_documents
from .siblings import Siblings
from .suppress import collect, filter_violations
from .textio import Source


def active_rules(config: Config, registry: Mapping[str, RuleRef] = REFS) -> list[RuleRef]:
    """The rules a config turns on, in registry order (their rows: nothing imported yet)."""
    if config.select is None:
        chosen = {r.code for r in registry.values() if r.enabled_by_default}
    else:
        chosen = {r.code for sel in config.select for r in resolve_selector(sel, registry)}
    chosen |= {r.code for sel in config.extend_select for r in resolve_selector(sel, registry)}
    chosen -= {r.code for sel in config.ignore for r in resolve_selector(sel, registry)}
    chosen -= {code for code, s in config.rules.items() if s.off}
    return [r for r in RULES if r.code in chosen]


def needs_entries(config: Config) -> bool:
    """Whether any selected rule reads entries (or needs them to pick the list's profile)."""
    return any(
        r.reads_entries or set(r.profiles) != {"paper", "classic"} for r in active_rules(config)
    )


def options_for(rule: Rule, config: Config) -> Any:
    settings = config.rules.get(rule.code)
    return rule.Options(**settings.options) if settings else rule.Options()


def lint_document(
    doc: Document,
    config: Config,
    *,
    today: datetime.date | None = None,
    link_results: Mapping[str, Any] | None = None,
    paper_results: Mapping[str, Any] | None = None,
    conventions: Conventions | None = None,
    siblings: Siblings | None = None,
) -> list[Violation]:
    # The rules build only acyclic data (findings, tallies), yet the thousands of objects
    # they make trigger the cycle collector, whose full passes walk the whole parsed
    # document again and find nothing to free: a sixth of the rule phase on a big list.
    # (The command line turns it off for its whole process; this is for the API's callers.)
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _lint_document(
            doc, config, today, link_results, paper_results, conventions, siblings
        )
    finally:
        release_documents()
        if enabled:
            gc.enable()


def _lint_document(
    doc: Document,
    config: Config,
    today: datetime.date | None,
    link_results: Mapping[str, Any] | None,
    paper_results: Mapping[str, Any] | None,
    conventions: Conventions | None,
    siblings: Siblings | None,
) -> list[Violation]:
    today = today or datetime.date.today()
    conventions = conventions or infer(doc)
    profile = config.profile or detect_profile(doc)
    suppressions, problems = collect(doc, lambda key: r.code if (r := lookup_rule(key)) else None)
    found: list[Violation] = []
    for ref in active_rules(config):
        if ref.needs_links and link_results is None:
            continue
        if ref.needs_papers and paper_results is None:
            continue
        if profile not in ref.profiles:
            continue
        rule = load(ref.code)  # only now: a rule the run cannot use is never imported
        ctx = RuleContext(
            options=options_for(rule, config),
            conventions=conventions,
            today=today,
            link_results=link_results or {},
            paper_results=paper_results or {},
            profile=profile,
            siblings=siblings,
            suppression_problems=tuple(problems),
        )
        settings = config.rules.get(rule.code)
        for v in rule.check(doc, ctx):
            if settings is not None and settings.severity is not None:
                v = dataclasses.replace(v, severity=settings.severity)
            found.append(v)
    found = filter_violations(found, suppressions)
    found.sort(key=lambda v: (v.span.start_line, v.span.start_col, v.code))
    return _dedupe(found)


def _dedupe(violations: list[Violation]) -> list[Violation]:
    seen = set()
    out = []
    for v in violations:
        # The span's fields, not the span: a Span hashes through a Python-level __hash__.
        span = v.span
        key = (v.code, v.message, span.start_line, span.start_col, span.end_line, span.end_col)
        if key not in seen:
            seen.add(key)
            out.append(v)
    return out


def lint(
    doc: Document,
    config: Config,
    *,
    today: datetime.date | None = None,
    link_results: Mapping[str, Any] | None = None,
    paper_results: Mapping[str, Any] | None = None,
    siblings: Siblings | None = None,
    source: Source | None = None,
) -> LintResult:
    """``lint_document`` with its result typed: the findings of ``doc`` under ``config``."""
    found = lint_document(
        doc,
        config,
        today=today,
        link_results=link_results,
        paper_results=paper_results,
        siblings=siblings,
    )
    return LintResult(doc.path, doc, tuple(found), source)


def parse_and_lint(text: str, path: str, config: Config, **context: Any) -> LintResult:
    """Parse ``text`` (recognising entries only if a selected rule reads them) and ``lint`` it;
    ``context`` is ``lint``'s keywords (today, link and paper results, siblings, source)."""
    return lint(parse(text, path, entries=needs_entries(config)), config, **context)
