from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Document
from .base import Rule, Severity
from .entry_out_of_order import longest_sorted
from .messages import quote


def _words(text: str) -> str:
    """Text compared loosely: case, emoji, punctuation and spacing do not count."""
    return " ".join(re.findall(r"[^\W_]+", text.casefold()))


def _differs(item: str, heading: str, mode: str) -> bool:
    a, b = _words(item), _words(heading)
    if mode == "exact":
        return a != b
    # "Medical Image Segmentation" for "Segmentation" is a longer name, not another section.
    sa, sb = set(a.split()), set(b.split())
    return not (sa <= sb or sb <= sa)


@dataclass(frozen=True)
class Options:
    """The [rules.toc-item-mismatch] options of a config."""

    # How an item's text must match its heading: "loose" (one's words contain the other's),
    # "exact" (same words; case, emoji and punctuation aside), or "off".
    text: str = field(default="loose", metadata={"choices": ("loose", "exact", "off")})
    # Deepest ToC nesting allowed (1: a flat list; 2: one level of sub-items); 0: any depth.
    max_depth: int = 0


class TocItemMismatch(Rule):
    code = "AL408"
    summary = "A table of contents item whose text differs from its heading, out of order, or listed twice"
    default_severity = Severity.WARNING
    tags = ("sections", "links")
    Options = Options

    def check(self, doc: Document, ctx):
        # Links to headings that do not exist, and headings left out, are toc-mismatch (AL102).
        by_slug = {h.slug: h for h in doc.headings}
        resolved = []
        seen: dict[str, int] = {}
        for item in doc.toc:
            heading = by_slug.get(item.anchor)
            if ctx.options.max_depth and item.depth + 1 > ctx.options.max_depth:
                yield self.violation(
                    item.link.span,
                    f"ToC item {quote(item.text)} is nested {item.depth + 1} levels deep; the limit is {ctx.options.max_depth}",
                )
            if heading is None:
                continue
            if item.anchor in seen:
                yield self.violation(
                    item.link.span,
                    f"ToC item {quote(item.text)} repeats the item at line {seen[item.anchor]}",
                )
                continue
            seen[item.anchor] = item.link.line
            if ctx.options.text != "off" and _differs(item.text, heading.text, ctx.options.text):
                yield self.violation(
                    item.link.label_span,
                    f"ToC item {quote(item.text)} does not match its heading {quote(heading.text)}",
                )
            resolved.append((item, heading))
        keep = longest_sorted([h.line for _, h in resolved])
        for k, (item, heading) in enumerate(resolved):
            if k in keep:
                continue
            above = next(
                (
                    resolved[j][1]
                    for j in range(k - 1, -1, -1)
                    if j in keep and resolved[j][1].line > heading.line
                ),
                None,
            )
            where = (
                f" comes before {quote(above.text)} (line {above.line}), which the ToC lists above it"
                if above
                else f" is at line {heading.line}"
            )
            yield self.violation(
                item.link.span, f"ToC item {quote(item.text)} is out of order: its heading{where}"
            )
