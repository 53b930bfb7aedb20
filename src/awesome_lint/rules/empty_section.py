from __future__ import annotations

from dataclasses import dataclass

from ..model import Document
from .base import Rule, Severity
from .messages import quote


@dataclass(frozen=True)
class Options:
    """The [rules.empty-section] options of a config."""

    # Heading texts that may stay empty (compared case-insensitively).
    allow: tuple[str, ...] = ()


class EmptySection(Rule):
    code = "AL101"
    summary = "A heading with nothing under it"
    default_severity = Severity.ERROR
    tags = ("sections",)
    Options = Options

    def check(self, doc: Document, ctx):
        allowed = {a.casefold() for a in ctx.options.allow}
        for section in doc.all_sections():
            h = section.heading
            if h is None or section.has_content or section.subsections:
                continue
            if h.text.casefold() in allowed:
                continue
            yield self.violation(
                h.span, f"section {quote(h.text)} is empty: add entries or remove the heading"
            )
