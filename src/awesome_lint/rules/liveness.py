"""Shared by the link-liveness rules: a document's links paired with the checker's results."""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostics import Fix
from ..model import Document, Link
from .entry_links import source


def checked_links(doc: Document, ctx) -> Iterator[tuple[Link, object]]:
    """Each link occurrence whose URL the checker has a result for, in document order."""
    results = ctx.link_results
    if not results:
        return
    for lk in doc.links:
        result = results.get(lk.url)
        if result is not None:
            yield lk, result


def replace_url(doc: Document, lk: Link, new_url: str, description: str) -> Fix | None:
    """A fix writing ``new_url`` over the link's URL, keeping its #fragment.

    None when the source text is not the URL verbatim (angle brackets, escapes, entities)
    or the new URL would not survive as a Markdown link destination: the fix must change
    exactly the URL and nothing else.
    """
    if source(doc, lk.url_span) != lk.url:
        return None
    fragment = lk.url.partition("#")[2]
    if fragment and "#" not in new_url:
        new_url = f"{new_url}#{fragment}"
    if new_url == lk.url or any(c.isspace() or c in "<>" for c in new_url):
        return None
    if new_url.count("(") != new_url.count(")"):
        return None
    return Fix.replace(lk.url_span, new_url, description)
