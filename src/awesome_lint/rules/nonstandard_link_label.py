from __future__ import annotations

import re
from dataclasses import dataclass

from ..diagnostics import Fix
from ..model import Document
from .base import Fixability, Rule, Severity
from .entry_links import entry_links
from .messages import clear, quote

# Labels paper lists use (FORMATS.md); a list's own labels used twice or more count too.
VOCABULARY = (
    "Paper", "PDF", "Code", "GitHub", "Project", "Project Page", "Website", "Demo", "Blog", "Video",
    "Colab", "Dataset", "HuggingFace", "Source", "arXiv", "Slides", "Poster", "Supplementary", "Model",
    "Weights", "Data", "Homepage", "Page", "Benchmark", "Leaderboard", "Talk", "Docs", "Challenge",
    "BibTeX", "Abstract", "HTML", "OpenReview", "YouTube", "Kaggle", "Notebook", "Tool", "Online Tool",
    "Checkpoint", "Checkpoints", "Hugging Face", "Zhihu", "Twitter", "Medium", "Report", "Book",
)  # fmt: skip
_SUFFIX = re.compile(r"[\s_-]*(?:\d+|\(\w+\)|v\d+)$")


@dataclass(frozen=True)
class Options:
    # When set, the only labels allowed (case-sensitive spellings, e.g. ["Paper", "GitHub"]).
    allowed: tuple[str, ...] = ()


def distance(a: str, b: str) -> int:
    """Optimal string alignment distance: edits, with a swap of neighbours counting once."""
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[len(b)]


class NonstandardLinkLabel(Rule):
    code = "AL303"
    name = "nonstandard-link-label"
    summary = "A misspelled link label (Gitub), or one whose case differs from the list's (Github vs GitHub)"
    default_severity = Severity.ERROR
    fixable = Fixability.SOMETIMES
    tags = ("entries", "links")
    Options = Options

    def check(self, doc: Document, ctx):
        conv = ctx.conventions.labels
        allowed = ctx.options.allowed
        known = {w.lower(): w for w in (allowed or VOCABULARY)}
        if not allowed:
            for key, m in conv.items():
                if m.samples >= 2:
                    known.setdefault(key, m.value)
        for _, lk in entry_links(doc):
            label = lk.label.strip()
            if not label or len(label) > 30 or "://" in label or not re.search(r"[A-Za-z]", label):
                continue
            base = _SUFFIX.sub("", label)
            key = base.lower()
            if key in known:
                want = self._spelling(key, known, conv, allowed)
                if want is not None and base != want:
                    fixed = want + label[len(base) :]
                    yield self.violation(
                        lk.label_span,
                        f"link label {quote(label)} is written {quote(fixed)} elsewhere in the list",
                        Fix.replace(lk.label_span, fixed, f"write {fixed}"),
                        Severity.ERROR if allowed else Severity.WARNING,
                    )
                continue
            if key.endswith("s") and key[:-1] in known and not allowed:
                continue  # "Codes", "Papers": a plural of a known label, not a misspelling
            near = self._near(key, known)
            if near is not None:
                want = self._spelling(near, known, conv, allowed) or known[near]
                fixed = want + label[len(base) :]
                yield self.violation(
                    lk.label_span,
                    f"link label {quote(label)} looks like a misspelling of {quote(want)}",
                    Fix.replace(lk.label_span, fixed, f"write {fixed}"),
                )
            elif allowed:
                yield self.violation(
                    lk.label_span,
                    f"link label {quote(label)} is not one of the allowed labels ({', '.join(allowed)})",
                )

    @staticmethod
    def _spelling(key, known, conv, allowed):
        if allowed:
            return known.get(key)
        m = conv.get(key)
        return m.value if clear(m) else None

    @staticmethod
    def _near(key: str, known: dict[str, str]) -> str | None:
        if len(key) < 4:
            return None
        limit = 1 if len(key) <= 5 else 2
        best = min(known, key=lambda k: distance(key, k))
        d = distance(key, best)
        return best if 0 < d <= limit else None
