"""How a list writes its author lines, learnt from its entries, so names from a paper record
can be written the list's way: the separator, ``and`` before the last name, ``et al.`` after
N names, a closing period.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from ..lazy import lazy_regex
from ..model import Document

_ET_AL = lazy_regex(r"(?P<joiner>,?\s*)(?P<text>et\.?\s*al\.?)\s*\.?\s*$", re.IGNORECASE)
_LAST_AND = lazy_regex(r"(?P<joiner>,?\s+and\s+)[^,;]+\.?\s*$")


@dataclass(frozen=True)
class AuthorStyle:
    """How a list writes its author lists: separators, "et al." and the closing period."""

    separator: str = ", "
    last_joiner: str | None = None  # ", and " or " and " before the last name
    et_al_after: int | None = None  # names shown before "et al." when there are more
    et_al_text: str = ", et al."  # the joiner and the words, as the list writes them
    period: bool = False  # "Zhaoshan Liu, Lei Shen."

    def write(self, names: Sequence[str]) -> str:
        names = list(names)
        if self.et_al_after is not None and len(names) > self.et_al_after:
            text = self.separator.join(names[: self.et_al_after]) + self.et_al_text
            return text if text.endswith(".") or not self.period else text + "."
        if self.last_joiner and len(names) >= 2:
            text = self.separator.join(names[:-1]) + self.last_joiner + names[-1]
        else:
            text = self.separator.join(names)
        return text + "." if self.period and not text.endswith(".") else text

    def shown(self, names: Sequence[str]) -> int:
        """How many of ``names`` this style writes out (the rest hide behind et al.)."""
        if self.et_al_after is not None and len(names) > self.et_al_after:
            return self.et_al_after
        return len(names)


def infer_author_style(doc: Document) -> AuthorStyle:
    texts = [
        e.authors_field.text.strip()
        for e in doc.entries
        if e.authors_field is not None and e.authors and len(e.authors) >= 1
    ]
    if not texts:
        return AuthorStyle()
    semicolons = sum(t.count(";") for t in texts)
    commas = sum(t.count(",") for t in texts)
    separator = "; " if semicolons > commas else ", "
    truncated = [(m, t) for t in texts if (m := _ET_AL.search(t))]
    et_al_after = None
    et_al_text = ", et al."
    # Truncation is the list's habit when most long author lists are cut.
    if truncated and len(truncated) * 2 >= sum(1 for t in texts if t.count(",") >= 2):
        shown = Counter(len(_names_before(t[: m.start()])) for m, t in truncated)
        et_al_after = max(shown.most_common(1)[0][0], 1)
        forms = Counter(m.group("joiner") + m.group("text") for m, _ in truncated)
        et_al_text = forms.most_common(1)[0][0]
    several = [t for t in texts if t.count(",") + t.count(" and ") >= 1 and not _ET_AL.search(t)]
    ands = Counter(m.group("joiner") for t in several if (m := _LAST_AND.search(t)))
    last_joiner = None
    if ands and sum(ands.values()) * 2 > len(several):
        last_joiner = ands.most_common(1)[0][0]
    # "et al." ends in a period of its own: only the other lines say whether the list adds one.
    plain = [t for t in texts if not _ET_AL.search(t)]
    period = sum(1 for t in plain if t.endswith(".")) * 2 > len(plain)
    return AuthorStyle(separator, last_joiner, et_al_after, et_al_text, period)


def _names_before(text: str) -> list[str]:
    return [p for p in re.split(r",|;|\band\b", text) if p.strip()]


def strip_et_al(names: Sequence[str]) -> tuple[tuple[str, ...], bool]:
    """The names an entry writes out, and whether it ends in et al."""
    out = list(names)
    truncated = False
    while out and re.fullmatch(r"(?:et\.?\s*al\.?|others|\.\.\.|…)", out[-1].strip(), re.I):
        out.pop()
        truncated = True
    if out and (m := re.search(r"\s+et\.?\s*al\.?$", out[-1], re.I)):
        out[-1] = out[-1][: m.start()]
        truncated = True
    return tuple(out), truncated
