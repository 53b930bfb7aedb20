"""awesome-lint: a linter for awesome lists, above all lists of research papers.

The public API is ``lint_text``, ``lint_file``, ``entry_line_ranges`` (for the mdformat
plugin and other formatters) and ``__version__``; everything else is private.
"""

from __future__ import annotations

__version__ = "0.1.0"

from .api import entry_line_ranges, lint_file, lint_text  # noqa: E402

__all__ = ["lint_text", "lint_file", "entry_line_ranges", "__version__"]
