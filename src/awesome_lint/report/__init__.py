"""Output formats: pure functions from lint results to text. None of them posts anything.

One interface, ``render(results, options) -> str``; ``FORMATS`` is the table the command
line's ``--format`` chooses from. ``--export json`` (the parsed model, not findings) is
``export.py``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..result import LintResult
from . import json, sarif, text, workflow
from .options import ReportOptions

Render = Callable[[Sequence[LintResult], ReportOptions], str]

FORMATS: dict[str, Render] = {
    "text": text.render,
    "json": json.render,
    "sarif": sarif.render,
    "github": workflow.render,
}


def render(
    fmt: str, results: Sequence[LintResult], options: ReportOptions = ReportOptions()
) -> str:
    return FORMATS[fmt](results, options)


__all__ = ["FORMATS", "ReportOptions", "render"]
