from __future__ import annotations

import unicodedata
from collections import Counter

from ..diagnostics import Edit, Fix
from ..model import Document, Span
from ..parse.mojibake import repair_line, suspicious_lines
from .base import Fixability, Rule, Severity


def visible(text: str) -> str:
    """Show invisible and private-use characters (Mac Roman's Apple logo, U+F8FF) as escapes."""
    return "".join(
        f"\\u{ord(ch):04x}" if unicodedata.category(ch) in ("Co", "Cc", "Cf", "Cn") else ch
        for ch in text
    )


class Mojibake(Rule):
    code = "AL002"
    summary = "Text decoded with the wrong codec (P√©rez for Pérez)"
    default_severity = Severity.ERROR
    fixable = Fixability.ALWAYS
    tags = ("document", "encoding")

    def check(self, doc: Document, ctx):
        for i in sorted(suspicious_lines(doc.text)):
            if i >= len(doc.lines):
                continue
            text = doc.lines[i]
            fixed = repair_line(text)
            if fixed is None:
                continue
            import difflib  # only for a mangled line (start-up)

            # One edit per mangled run, so the fix touches nothing else on the line.
            ops = [
                op
                for op in difflib.SequenceMatcher(None, text, fixed, autojunk=False).get_opcodes()
                if op[0] != "equal"
            ]
            if not ops:
                continue
            edits = tuple(
                Edit(Span.on_line(i + 1, a1 + 1, a2 + 1), fixed[b1:b2]) for _, a1, a2, b1, b2 in ops
            )
            seen = Counter(
                f'"{visible(text[a1:a2])}" -> "{fixed[b1:b2]}"' for _, a1, a2, b1, b2 in ops
            )
            shown = [f"{pair} ({n} times)" if n > 1 else pair for pair, n in seen.most_common()]
            pairs = ", ".join(shown[:3])
            more = f" and {len(shown) - 3} more" if len(shown) > 3 else ""
            span = Span.on_line(i + 1, ops[0][1] + 1, ops[-1][2] + 1)
            yield self.violation(
                span,
                f"mojibake (UTF-8 decoded with the wrong codec): {pairs}{more}",
                Fix(edits, "re-decode as UTF-8"),
            )
