"""A finding's identity across pushes: rule + path + the text of its lines, not line numbers.

When a contributor adds an entry above an old finding, the finding moves down but keeps its
fingerprint, so the bot does not comment on it again. Identical lines (two ``*none*``
authors in one list) are told apart by their order among identical fingerprints.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Sequence

from ..diagnostics import Violation


def line_texts(lines: Sequence[str], violation: Violation) -> tuple[str, ...]:
    return tuple(lines[n - 1] for n in violation.span.lines if 0 < n <= len(lines))


def _digest(*parts: str) -> str:
    return hashlib.sha256("\x00".join(parts).encode("utf-8")).hexdigest()[:24]


def fingerprints(path: str, lines: Sequence[str], violations: Iterable[Violation]) -> list[str]:
    """One fingerprint per violation, in the order given (sort violations by position first)."""
    seen: Counter[str] = Counter()
    out = []
    for v in violations:
        span = v.span
        # Columns are stable while the line text is, and separate two hits on one line.
        cols = f"{span.start_col}:{span.end_col if span.end_line == span.start_line else '-'}"
        base = _digest(v.code, path, cols, *line_texts(lines, v))
        out.append(_digest(base, str(seen[base])))
        seen[base] += 1
    return out
