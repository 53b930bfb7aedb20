"""awesome-lint: a linter for awesome lists, above all lists of research papers.

The public API is ``lint_text``, ``lint_file``, ``entry_line_ranges`` (for the mdformat
plugin and other formatters) and ``__version__``; everything else is private.
"""

from __future__ import annotations

from .lazy import lazy_attributes
from .version import __version__

__all__ = ["lint_text", "lint_file", "entry_line_ranges", "__version__"]

# Loaded on first use, not by every submodule import.
__getattr__ = lazy_attributes(
    __name__, globals(), {"lint_text": "api", "lint_file": "api", "entry_line_ranges": "api"}
)
