from __future__ import annotations

from dataclasses import dataclass, field

from ..diagnostics import Edit, Fix
from ..model import Document, Span
from .base import Fixability, Kind, Rule, Severity
from .classic_items import decorations_start, described, ends_a_sentence, is_short_form, item_label

# A majority this strong of punctuated descriptions makes the closing period the convention.
CLEAR = 0.75


@dataclass(frozen=True)
class Options:
    """The [rules.unterminated-description] options of a config."""

    # "infer": require the closing punctuation only when most of the list's descriptions have it.
    # "always": require it regardless.
    require: str = field(default="infer", metadata={"choices": ("infer", "always")})


class UnterminatedDescription(Rule):
    code = "AL403"
    summary = "A classic item's description that does not end with a period (or ! ? … 。)"
    default_severity = Severity.ERROR
    kind = Kind.CONVENTION
    fixable = Fixability.ALWAYS
    tags = ("classic", "items")
    Options = Options

    def check(self, doc: Document, ctx):
        items = [(i, t) for i, t in described(doc) if not is_short_form(t)]
        if not items:
            return
        done = [ends_a_sentence(t) for _, t in items]
        if ctx.options.require == "infer" and sum(done) < CLEAR * len(items):
            return  # the list does not end its descriptions with a period
        for (item, _), ok in zip(items, done):
            if ok:
                continue
            line, col = decorations_start(doc, item.description.span)
            yield self.violation(
                Span.on_line(line, max(col - 1, 1), col),
                f"description of {item_label(item)} does not end with a period",
                Fix((Edit.insert(line, col, "."),), "add a period"),
            )
