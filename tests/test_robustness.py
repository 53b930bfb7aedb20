"""Whatever the text, linting and fixing never raise (a traceback is never an answer)."""

from __future__ import annotations

import datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from awesome_lint.api import fix_text, lint_text

_PIECES = list("[]()*_`\\<>!#-:. \n\t|~&\"',0123456789abcPDFéü🔥√©\r\ufeff\u00a0") + [
    "<br>", " \\\n", "**", "[[Paper](https://arxiv.org/abs/2301.00001)]", "[[Code]](https://github.com/o/r)",
    "[12th Sep., 2023] [arXiv, 2023]", "[2nd May]", "*A, B,*", "_A, B_", "\n\n", "## H\n", "- [x](#x)\n",
    "23th", "http://x.org", "https://tinyurl.com/x", "<!-- awesome-lint-disable AL202 -->", "    **T**<br>\n",
]  # fmt: skip
_DOCS = st.lists(st.sampled_from(_PIECES) | st.text(max_size=3), max_size=120).map("".join)


@settings(max_examples=200, deadline=None, suppress_health_check=list(HealthCheck))
@given(_DOCS)
def test_lint_and_fix_never_raise(text):
    today = datetime.date(2026, 1, 1)
    result = lint_text(text, today=today)
    for v in result.violations:
        assert v.span.start_line >= 1 and v.message
    fix_text(text, today=today)
