"""Paper metadata from arXiv and Crossref: questions in, typed results out.

``lookup_papers`` is the one entry point: cache look-up, arXiv ids in batches, DOIs and
titles through Crossref, cache write-back. It knows nothing of lists or rules; the caller
says which ids, DOIs and titles it wants and reads the results by ``PaperQuery.key``.
Importing this package is cheap; the HTTP stack is imported only when something is fetched.
"""

from __future__ import annotations

from ..lazy import lazy_attributes

__all__ = [
    "PaperQuery",
    "PaperRecord",
    "PaperReport",
    "PaperResult",
    "PaperSettings",
    "PaperSettingsError",
    "Status",
    "lookup_papers",
]

# Name -> the module defining it, imported on first use: the command line builds its parser
# from this package's options on every run, and a plain lint must not pay for the rest.
_WHERE = {
    "PaperQuery": "lookup",
    "PaperRecord": "records",
    "PaperReport": "lookup",
    "PaperResult": "records",
    "PaperSettings": "settings",
    "PaperSettingsError": "settings",
    "Status": "records",
    "lookup_papers": "lookup",
}

__getattr__ = lazy_attributes(__name__, globals(), _WHERE)
