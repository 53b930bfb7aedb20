"""awesome-lint: a linter for awesome lists, above all lists of research papers.

The public API is ``lint_text``, ``lint_file`` and ``__version__``; everything else is private.
Importing the package (or any module in it, such as ``awesome_lint.model``) loads nothing
more: the linter is loaded when ``lint_text`` or ``lint_file`` is first looked up.
"""

from __future__ import annotations

from .version import __version__

__all__ = ["lint_text", "lint_file", "__version__"]


def __getattr__(name: str):
    if name in ("lint_text", "lint_file"):
        from . import api  # PEP 562: loaded on first use, not by every submodule import

        return getattr(api, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
