"""Colour for the text report: only on a terminal, never when piped, and never with NO_COLOR.

``NO_COLOR`` (no-color.org) set to anything non-empty turns colour off and wins over
everything; ``FORCE_COLOR`` set to anything non-empty turns it on even when piped (for CI
logs that render ANSI); otherwise colour follows ``isatty()`` and ``TERM != dumb``.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from typing import TextIO

Paint = Callable[[str, str], str]

_STYLES = {
    "path": "1",  # bold
    "error": "1;31",  # bold red
    "warning": "1;33",  # bold yellow
    "info": "1;34",  # bold blue
    "dim": "2",
    "summary": "1",
}


def enabled(stream: TextIO, env: Mapping[str, str] | None = None) -> bool:
    env = os.environ if env is None else env
    if env.get("NO_COLOR"):
        return False
    if env.get("FORCE_COLOR"):
        return True
    isatty = getattr(stream, "isatty", None)
    try:
        tty = bool(isatty and isatty())
    except ValueError:  # a closed stream
        return False
    return tty and env.get("TERM") != "dumb"


def paint(style: str, text: str) -> str:
    code = _STYLES.get(style)
    return f"\x1b[{code}m{text}\x1b[0m" if code and text else text


def plain(style: str, text: str) -> str:
    return text


def painter(stream: TextIO, env: Mapping[str, str] | None = None) -> Paint:
    return paint if enabled(stream, env) else plain
