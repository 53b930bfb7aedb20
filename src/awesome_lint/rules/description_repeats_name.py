from __future__ import annotations

import re

from ..model import Document, Span
from .base import Rule, Severity
from .classic_items import described, item_label, rendered


class DescriptionRepeatsName(Rule):
    code = "AL404"
    summary = "A classic item's description that starts with the item's own name"
    default_severity = Severity.WARNING
    tags = ("classic", "items")

    def check(self, doc: Document, ctx):
        for item, text in described(doc):
            name = item.name.strip()
            if len(name) < 2:
                continue
            plain = rendered(text).lstrip("\"'“‘ ")
            if not plain.casefold().startswith(name.casefold()):
                continue
            rest = plain[len(name) :]
            # "Pillow is ..." repeats "pillow"; "Pillowcase ..." and "dogpile.cache" do not.
            if rest and not re.match(r"[\s,;:!?'’)-]|\.(?!\w)", rest):
                continue
            d = item.description.span
            yield self.violation(
                Span(
                    d.start_line, d.start_col, d.start_line, d.start_col + min(len(name), len(text))
                ),
                f"description of {item_label(item)} starts with the item's name; say what it is instead",
            )
