"""awesome-lint: a linter for awesome lists, above all lists of research papers.

The public API is ``lint_text``, ``lint_file``, ``entry_line_ranges`` (for the mdformat
plugin and other formatters) and ``__version__``; everything else is private.
"""

from __future__ import annotations

from .version import __version__

__all__ = ["lint_text", "lint_file", "entry_line_ranges", "__version__"]


def __getattr__(name: str):
    if name in ("lint_text", "lint_file", "entry_line_ranges"):
        from . import api  # PEP 562: loaded on first use, not by every submodule import

        return getattr(api, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
