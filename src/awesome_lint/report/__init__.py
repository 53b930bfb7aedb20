"""Output formats: pure functions from lint results to text. None of them posts anything.

One interface, ``render(results, options) -> str``; ``FORMATS`` is the table the command
line's ``--format`` chooses from. ``--export json`` (the parsed model, not findings) is
``export.py``.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from ..lazy import lazy_attributes

if TYPE_CHECKING:  # pragma: no cover
    from ..result import LintResult
    from .options import ReportOptions

Render = Callable[[Sequence["LintResult"], "ReportOptions"], str]

# --format NAME -> the module whose ``render`` it is; a format is loaded when chosen, so
# the text report's start-up does not pay for SARIF's rule descriptions.
FORMATS: dict[str, str] = {
    "text": "text",
    "json": "json",
    "sarif": "sarif",
    "github": "workflow",
}


def renderer(fmt: str) -> Render:
    return importlib.import_module(f"{__name__}.{FORMATS[fmt]}").render


def render(fmt: str, results: Sequence[LintResult], options: ReportOptions | None = None) -> str:
    if options is None:
        from .options import ReportOptions

        options = ReportOptions()
    return renderer(fmt)(results, options)


# Loaded on first use: the CLI imports FORMATS at start-up.
__getattr__ = lazy_attributes(__name__, globals(), {"ReportOptions": "options"})


__all__ = ["FORMATS", "ReportOptions", "render", "renderer"]
