from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ..diagnostics import Fix
from ..lazy import lazy_regex
from ..model import Document
from .base import Fixability, Kind, Rule, Severity
from .classic_items import described, is_short_form, item_label

DEFAULT = " - "
# A majority this strong makes another separator the list's own (" – " or ": ").
CLEAR = 0.75
_NAMES = {"–": "an en dash", "—": "an em dash", ":": "a colon", "|": "a bar"}


def canonical(separator: str) -> str:
    """The separator as it renders: runs of spaces and tabs count as one space."""
    return re.sub(r"[ \t]+", " ", separator.replace("\n", " "))


def describe(separator: str) -> str:
    if "\u00a0" in separator:
        return "a non-breaking space"
    mark = separator.strip()
    if not mark:
        return "only a space" if separator else "nothing"
    if mark == "-":
        return (
            "a hyphen" if canonical(separator) == " - " else "a hyphen without a space on each side"
        )
    return _NAMES.get(mark, f'"{mark}"')


@dataclass(frozen=True)
class Options:
    """The [rules.wrong-item-separator] options of a config."""

    # "infer": the list's own separator when a clear majority of items agree, else " - ".
    # Or pin one: " - ", " – ", " — ", ": ".
    separator: str = field(
        default="infer", metadata={"choices": ("infer", " - ", " – ", " — ", ": ")}
    )


# A mark between the link and the separator (`⚠`, ⚠, 🔥, a star): the list's annotation of
# the item, e.g. awesome-selfhosted's non-free marker, not part of the separator.
_MARK = lazy_regex(r"(?:`[^`\w]{1,4}`|[^\w\s`\[\]()\\\-–—:|]{1,3})\s*")


def _marked(separator: str, description: str, want: str) -> bool:
    """True when the item reads "[Name](url) MARK - Description": the wanted separator
    follows a short mark that the parser took for the start of the description."""
    if separator.strip():
        return False
    m = _MARK.match(description)
    return m is not None and canonical(" " + description[m.end() :]).startswith(want)


class WrongItemSeparator(Rule):
    code = "AL401"
    summary = "A classic item whose link and description are not separated by ' - '"
    default_severity = Severity.ERROR
    kind = Kind.CONVENTION
    fixable = Fixability.SOMETIMES
    tags = ("classic", "items")
    Options = Options

    def check(self, doc: Document, ctx):
        items = [
            (i, d) for i, d in described(doc) if not is_short_form(d) or i.separator.text.strip()
        ]
        want = ctx.options.separator
        if want == "infer":
            counts = Counter(canonical(i.separator.text) for i, _ in items)
            top = counts.most_common(1)
            if not top:
                return
            # Too few items to have a habit of their own: the awesome guideline's " - ".
            want = top[0][0] if len(items) >= 3 else DEFAULT
            if counts[DEFAULT] == top[0][1]:
                want = DEFAULT  # tied for the most common: the guideline's breaks the tie
            if len(items) >= 3 and top[0][1] < CLEAR * len(items) and want != DEFAULT:
                # No clear majority, and the most common is not the awesome guideline's
                # " - " either: no separator is the list's own, nothing to hold items to.
                return
            if not want.strip():
                return  # the list runs link and text together on purpose (a paper list's links)
        for item, text in items:
            sep = item.separator
            if canonical(sep.text) == want or _marked(sep.text, text, want):
                continue
            fix = None
            first = item.description.text[:1]
            if sep.span.start_line == sep.span.end_line and (
                first.isalnum() or first in "\"'(“‘`*_["
            ):
                fix = Fix.replace(sep.span, want, f'separate with "{want}"')
            yield self.violation(
                sep.span if sep.text else item.link.span,
                f'item {item_label(item)}: link and description are separated by {describe(sep.text)}; write "[Name](url){want}Description"',
                fix,
            )
