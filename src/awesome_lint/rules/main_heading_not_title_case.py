from __future__ import annotations

import re

from ..diagnostics import Fix
from ..lazy import lazy_regex
from ..model import Document, Span
from .base import Fixability, FixSafety, Rule, Severity
from .classic_items import main_heading

# Words title case leaves in lower case unless they open or close the title.
SMALL_WORDS = frozenset(
    "a an and as at but by en for from if in into nor of off on onto or per so than the to up via vs vs. with yet".split()
)
_SLUG = lazy_regex(r"[^\W_]+(?:[-_][^\W_]+)+")


def _capitalise(word: str) -> str:
    for k, ch in enumerate(word):
        if ch.isalpha():
            return word[:k] + ch.upper() + word[k + 1 :]
    return word


def title_case(text: str) -> tuple[list[str], str]:
    """(the words that break title case, the heading in title case)."""
    if _SLUG.fullmatch(text) and text == text.lower():
        # A repository slug (awesome-editors); a hyphenated name with capitals (Awesome-LLM,
        # LLM-Agent-Paper-List) is the project's own spelling and falls through.
        parts = re.split(r"[-_]", text)
        fixed = " ".join(
            _capitalise(p) if k == 0 or p.lower() not in SMALL_WORDS else p.lower()
            for k, p in enumerate(parts)
        )
        return [text], fixed
    words = text.split(" ")
    real = [k for k, w in enumerate(words) if any(ch.isalpha() for ch in w)]
    bad = []
    out = list(words)
    for k in real:
        w = words[k]
        letters = [ch for ch in w if ch.isalpha()]
        if any(ch.isupper() for ch in letters) or letters[0].upper() == letters[0].lower():
            continue  # GitHub, iOS, a script without case
        if re.search(r"[\d./_@#]", w):
            continue  # node.js, v2: spelled as their projects spell them
        if k not in (real[0], real[-1]) and w.strip("\"'()[],:;!?").lower() in SMALL_WORDS:
            continue
        bad.append(w)
        out[k] = _capitalise(w)
    return bad, " ".join(out)


class MainHeadingNotTitleCase(Rule):
    code = "AL406"
    summary = "The list's main heading is not in title case (awesome-python, Awesome python)"
    default_severity = Severity.WARNING
    fix_safety = FixSafety.UNSAFE
    fixable = Fixability.SOMETIMES
    tags = ("classic", "document")

    def check(self, doc: Document, ctx):
        main = main_heading(doc)
        if main is None or main.level != 1:
            return
        bad, fixed = title_case(main.text)
        if not bad:
            return
        line = doc.lines[main.line - 1]
        raw = main.raw.strip()
        fix = None
        at = line.find(raw)
        if raw == main.text and at >= 0:
            # Plain text only: a heading with links or HTML is left for a person to rewrite.
            fix = Fix.replace(
                Span.on_line(main.line, at + 1, at + 1 + len(raw)),
                fixed,
                "write the heading in title case",
            )
        words = ", ".join(f'"{w}"' for w in bad[:3])
        yield self.violation(
            main.span,
            f'main heading "{main.text}" is not in title case ({words}); write "{fixed}"',
            fix,
        )
