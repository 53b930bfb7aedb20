from __future__ import annotations

from dataclasses import dataclass

from ..lazy import lazy_regex
from ..model import Document
from ..parse.makers import span_on_line
from .base import Fixability, Rule, Severity, replacement


@dataclass(frozen=True)
class Options:
    """The [rules.trailing-whitespace] options of a config."""

    # Also report lines that hold nothing but whitespace.
    blank_lines: bool = True


class TrailingWhitespace(Rule):
    code = "AL001"
    summary = "Trailing spaces or tabs at the end of a line"
    default_severity = Severity.WARNING
    fixable = Fixability.ALWAYS
    tags = ("document", "whitespace")
    Options = Options

    def check(self, doc: Document, ctx):
        lines = doc.lines
        fenced = doc.opaque_lines
        headings = {h.line for h in doc.headings}
        for i, text in enumerate(lines):
            stripped = text.rstrip(" \t")
            if stripped == text:
                continue
            number = i + 1
            if not stripped and not ctx.options.blank_lines:
                continue
            if stripped and _is_hard_break(text, stripped, lines, i, fenced, headings):
                continue
            if number in fenced and stripped:
                continue  # code keeps its bytes
            span = span_on_line(number, len(stripped) + 1, len(text) + 1)
            what = "whitespace-only line" if not stripped else "trailing whitespace"
            yield self.violation(span, what, replacement(span, "", "remove trailing whitespace"))


_BLOCK_START = lazy_regex(
    r"^ {0,3}(?:[-*+][ \t]|\d{1,9}[.)][ \t]|>|```|~~~|#{1,6}(?:[ \t]|$)|(?:[-*_][ \t]*){3,}$)"
)


def _is_hard_break(text: str, stripped: str, lines, i: int, opaque, headings) -> bool:
    # Two or more spaces before a line of the same paragraph are a CommonMark line break:
    # removing them would change the rendering. Before a blank line they render nothing,
    # and a heading is never part of a paragraph, so neither on it nor before it.
    trailing = text[len(stripped) :]
    if len(trailing) < 2 or set(trailing) != {" "} or stripped.endswith("\\"):
        return False
    if i + 1 >= len(lines) or not lines[i + 1].strip():
        return False
    if (i + 1) in headings or (i + 2) in headings:
        return False
    if _BLOCK_START.match(lines[i + 1]):
        return False  # the next line starts a list item, quote, fence or rule: no break
    return (i + 1) not in opaque and (i + 2) not in opaque
