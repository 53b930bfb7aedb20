from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..diagnostics import Fix
from ..lazy import lazy_regex
from ..model import Document
from ..parse.conventions import Majority, majority
from .base import Fixability, Kind, Rule, Severity
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
_LETTER = lazy_regex(r"[A-Za-z]")
SUFFIX = lazy_regex(r"[\s_-]*(?:\d+|\(\w+\)|v\d+)$")


@dataclass(frozen=True)
class Options:
    """The [rules.nonstandard-link-label] options of a config."""

    # When set, the only labels allowed (case-sensitive spellings, e.g. ["Paper", "GitHub"]).
    allowed: tuple[str, ...] = ()


def distance(a: str, b: str, limit: int | None = None) -> int:
    """Optimal string alignment distance: edits, with a swap of neighbours counting once.
    With ``limit``, any distance above it is returned as ``limit + 1`` (and found sooner)."""
    if a == b:
        return 0
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        # A swap reaches back two rows: once two rows are over the limit, so is the end.
        if limit is not None and prev2 and min(cur) > limit and min(prev) > limit:
            return limit + 1
        prev2, prev = prev, cur
    d = prev[len(b)]
    return d if limit is None or d <= limit else limit + 1


@lru_cache(maxsize=4096)
def base_label(label: str) -> str:
    """The label without its numbering ("Diffusers 2", "Code (v2)": Diffusers, Code)."""
    return SUFFIX.sub("", label.strip())


class NonstandardLinkLabel(Rule):
    code = "AL303"
    summary = "A misspelled link label (Gitub), or one whose case differs from the list's (Github vs GitHub)"
    default_severity = Severity.ERROR
    kind = Kind.CONVENTION
    fixable = Fixability.SOMETIMES
    tags = ("entries", "links")
    Options = Options

    def check(self, doc: Document, ctx):
        conv = ctx.conventions.labels
        allowed = ctx.options.allowed
        canonical = {w.lower(): w for w in VOCABULARY}
        known = {w.lower(): w for w in (allowed or VOCABULARY)}
        if not allowed:
            for key, m in conv.items():
                base = SUFFIX.sub("", key)  # "Diffusers 1", "Diffusers 2": the label Diffusers
                if m.samples >= 2 and not _typo_of_common(base, m.samples, known, conv):
                    known.setdefault(base, SUFFIX.sub("", m.value))
        links = entry_links(doc)
        by_section: dict[tuple[str, str], Majority] | None = None  # read when first needed
        uses: dict[str, tuple[int, int]] = {}
        targets = _typo_targets(known)
        nearest: dict[str, str | None] = {}

        def judge(label: str, section: str) -> tuple[str, str | None, Severity] | None:
            """What is wrong with ``label`` in ``section``: the message, the label to write
            instead (None: no fix) and the severity; None when nothing is."""
            nonlocal by_section
            if not label or len(label) > 30 or "://" in label or not _LETTER.search(label):
                return None
            base = base_label(label)
            key = base.lower()
            if key in known:
                want = self._spelling(key, known, conv, allowed)
                if not allowed:
                    if base == canonical.get(key):
                        return None  # the name's own spelling (GitHub) is never asked to change
                    if by_section is None:
                        by_section = _section_spellings(links)
                    spelled = by_section.get((section, key))
                    if base == want or (clear(spelled) and spelled.value == base):
                        return None  # the list, or the section, agrees with itself
                if want is None or base == want:
                    return None
                fixed = want + label[len(base) :]
                if want not in uses:
                    uses[want] = _uses(links, want)
                n, line = uses[want]
                written = (
                    f"is written {quote(fixed)} elsewhere in the list ({n:,} times, e.g. line {line})"
                    if n
                    else f"is spelled {quote(fixed)}"
                )
                severity = Severity.ERROR if allowed else Severity.WARNING
                return f"link label {quote(label)} {written}", fixed, severity
            if key.endswith("s") and key[:-1] in known and not allowed:
                return None  # "Codes", "Papers": a plural of a known label, not a misspelling
            # Venue labels (CVPR 2024, IJCV, ECCVW) name different things one letter apart:
            # only link-type words are checked for typos.
            if _YEAR.search(label):
                near = None
            else:  # a list repeats its odd labels: measure each once
                if key not in nearest:
                    nearest[key] = _near(key, targets)
                near = nearest[key]
            if near is not None:
                want = self._spelling(near, known, conv, allowed) or known[near]
                fixed = want + label[len(base) :]
                message = f"link label {quote(label)} looks like a misspelling of {quote(want)}"
                return message, fixed, self.default_severity
            if allowed:
                return (
                    f"link label {quote(label)} is not one of the allowed labels ({', '.join(allowed)})",
                    None,
                    self.default_severity,
                )
            return None

        # A list writes a few labels thousands of times: each (section, label) is judged once.
        verdicts: dict[tuple[str, str], tuple[str, str | None, Severity] | None] = {}
        for e, lk in links:
            label = lk.label.strip()
            where = (e.section, label)
            if where in verdicts:
                verdict = verdicts[where]
            else:
                verdict = verdicts[where] = judge(label, e.section)
            if verdict is None:
                continue
            message, fixed, severity = verdict
            fix = None if fixed is None else Fix.replace(lk.label_span, fixed, f"write {fixed}")
            yield self.violation(lk.label_span, message, fix, severity)

    @staticmethod
    def _spelling(key, known, conv, allowed):
        if allowed:
            return known.get(key)
        m = conv.get(key)
        return m.value if clear(m) else None


def _section_spellings(links) -> dict[tuple[str, str], Majority]:
    """(section, lower-case label) -> the section's majority spelling of that label."""
    seen: dict[tuple[str, str], list[str]] = {}
    for e, lk in links:
        base = base_label(lk.label)
        seen.setdefault((e.section, base.lower()), []).append(base)
    return {k: m for k, v in seen.items() if (m := majority(v)) is not None}


def _uses(links, spelling: str) -> tuple[int, int]:
    """How often the list writes ``spelling`` as a label, and the first line that does."""
    lines = [lk.line for _, lk in links if base_label(lk.label) == spelling]
    return len(lines), (lines[0] if lines else 0)


_YEAR = lazy_regex(r"(?:19|20)\d\d")


def _typo_targets(known: dict[str, str]) -> dict[str, str]:
    """The labels a near miss is read as a typo of: not acronyms or labels with digits."""
    return {
        k: v
        for k, v in known.items()
        if not (v.isupper() and len(v) > 3) and not re.search(r"\d", v)
    }


# A list label this many times rarer than a near one is that one's typo, not a label of its own
# (Gitub 3 times beside GitHub 40 times).
TYPO_RATIO = 5


def _typo_of_common(key: str, count: int, known: dict[str, str], conv) -> bool:
    near = _near(key, known)
    if near is None:
        return False
    m = conv.get(near)
    return near.lower() in {w.lower() for w in VOCABULARY} or (
        m is not None and m.samples >= TYPO_RATIO * count
    )


def _near(key: str, known: dict[str, str]) -> str | None:
    """The known label ``key`` is a likely misspelling of: one or two edits away (by length);
    for three letters only a swap of neighbours (PFD for PDF), since one edit turns most
    three-letter words into others."""
    if len(key) < 3:
        return None
    if len(key) == 3:
        swaps = [k for k in known if len(k) == 3 and k != key and sorted(k) == sorted(key)]
        return next((k for k in swaps if distance(key, k, 1) == 1), None)
    limit = 1 if len(key) <= 5 else 2
    # The distance is at least the difference in length, and at least half the letters in
    # one label's set and not the other's (an edit changes at most two of them): a label
    # past either bound is past the limit, and is never measured. The first nearest wins.
    letters = set(key)
    best, best_d = None, limit + 1
    for k in known:
        if abs(len(k) - len(key)) > limit or len(letters.symmetric_difference(k)) > 2 * limit:
            continue
        d = distance(key, k, limit)
        if d < best_d:
            best, best_d = k, d
    return best if 0 < best_d <= limit else None
