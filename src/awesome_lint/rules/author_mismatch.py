from __future__ import annotations

from ..model import Document
from ..parse.author_style import infer_author_style, strip_et_al
from ..titles import fold
from .base import Fixability, FixSafety, Rule, Severity
from .messages import entry_name, quote
from .paper_results import TAGS, authors_fix, judged, source_name


def same_person(listed: str, recorded: str) -> bool:
    """Equal when folded; or the same family name and first given name, middle names and
    initials aside ("Thomas Montine" for "Thomas J. Montine"), a given name written as its
    initial ("J. Ma" for "Jun Ma") matching by that initial."""
    a, b = fold(listed).split(), fold(recorded).split()
    if a == b:
        return True
    if len(a) < 2 or len(b) < 2 or a[-1] != b[-1]:
        return False
    if len(a[0]) == 1 or len(b[0]) == 1:
        return a[0][0] == b[0][0]
    return a[0] == b[0]


def first_difference(
    listed: tuple[str, ...], recorded: tuple[str, ...], truncated: bool
) -> str | None:
    """What is wrong with the listed names, said about the first wrong one; None if right."""
    for i, name in enumerate(listed):
        if i >= len(recorded):
            return f"{quote(name, 40)} is not an author of the paper (it has {len(recorded)})"
        if same_person(name, recorded[i]):
            continue
        elsewhere = [j for j, r in enumerate(recorded) if same_person(name, r)]
        if elsewhere:
            return f"authors out of order: {quote(name, 40)} is author {elsewhere[0] + 1} of the paper, not {i + 1}"
        if fold(name).split()[-1:] == fold(recorded[i]).split()[-1:] or _close(name, recorded[i]):
            return f"{quote(name, 40)} is written {quote(recorded[i], 40)} on the paper"
        if any(same_person(recorded[i], n) for n in listed):
            return f"authors out of order at {quote(name, 40)}"
        return f"{quote(name, 40)} is not an author of the paper (author {i + 1} is {quote(recorded[i], 40)})"
    if not truncated and len(listed) < len(recorded):
        missing = ", ".join(recorded[len(listed) :][:3])
        more = "…" if len(recorded) - len(listed) > 3 else ""
        return f"lists {len(listed)} of the paper's {len(recorded)} authors; missing {quote(missing + more, 60)}"
    return None


def _close(a: str, b: str) -> bool:
    """One edit apart (a typo), judged on the folded names."""
    a, b = fold(a), fold(b)
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) <= 1
    short, long = sorted((a, b), key=len)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


class AuthorMismatch(Rule):
    code = "AL502"
    summary = "An entry's authors differ from the paper's: missing, extra, misspelled or out of order (--check-papers)"
    default_severity = Severity.WARNING
    fixable = Fixability.SOMETIMES
    # The paper's record replaces what the entry says: applied only with --unsafe-fixes.
    fix_safety = FixSafety.UNSAFE
    tags = TAGS

    def check(self, doc: Document, ctx):
        style = None

        def judge(e, record):
            nonlocal style
            if not e.authors or not record.authors or e.authors_field is None:
                return None  # no authors at all is missing-authors' finding
            listed, truncated = strip_et_al(e.authors)
            problem = first_difference(listed, record.authors, truncated)
            if problem is None:
                return False
            style = style or infer_author_style(doc)
            fix = authors_fix(
                e, record, style, f"write the authors as {source_name(record)} lists them"
            )
            return self.violation(e.authors_field.span, f"entry {entry_name(e)}: {problem}", fix)

        # Most entries differing means the list writes names its own way (family name
        # first, initials): a name format, not defects.
        return judged(doc, ctx, judge)
