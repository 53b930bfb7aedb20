"""Link liveness: check a document's unique URLs once each, with a cache, safely.

``check_links`` is the one entry point: cache look-up, HTTP checks for the rest, the
GitHub archived-repository check, cache write-back. Importing this package is cheap; the
HTTP stack (requests, PyGithub) is imported only when links are actually checked.
"""

from __future__ import annotations

import importlib

__all__ = [
    "LinkReport",
    "LinkResult",
    "LinkSettings",
    "Outcome",
    "Redirect",
    "SettingsError",
    "check_links",
    "parse_accept",
]

# Name -> the module defining it, imported on first use: the command line builds its parser
# from this package's options on every run, and a plain lint must not pay for the rest.
_WHERE = {
    "LinkReport": "check",
    "LinkResult": "result",
    "LinkSettings": "settings",
    "Outcome": "result",
    "Redirect": "result",
    "SettingsError": "settings",
    "check_links": "check",
    "parse_accept": "settings",
}


def __getattr__(name: str):
    if name in _WHERE:
        value = globals()[name] = getattr(
            importlib.import_module(f".{_WHERE[name]}", __name__), name
        )
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
