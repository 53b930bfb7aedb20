"""Link liveness: check a document's unique URLs once each, with a cache, safely.

``check_links`` is the one entry point: cache look-up, HTTP checks for the rest, the
GitHub archived-repository check, cache write-back. Importing this package is cheap; the
HTTP stack (requests, PyGithub) is imported only when links are actually checked.
"""

from __future__ import annotations

from ..lazy import lazy_attributes

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

__getattr__ = lazy_attributes(__name__, globals(), _WHERE)
