"""What several rules read of one document, worked out once per document.

A rule is a pure function of the document, and a dozen of them walk the same entries and
links: the links on entries' links lines (four rules), the host of every URL (three). Each
is computed on first use and kept on the document's ``Facts``, which ``facts(doc)`` hands
every rule of a run. Held by identity (a Document is immutable), one document at a time, until its lint ends.
"""

from __future__ import annotations

from ..lazy import lazy_regex
from ..model import Document, Entry, LineKind, Link
from .base import released_after_lint

# Enum members read per entry line, as module constants (why: parse/entries.py).
_LINKS = LineKind.LINKS
_ITEM = LineKind.ITEM

_HOST = lazy_regex(r"^[A-Za-z][A-Za-z0-9+.-]*://(?:[^/?#@]*@)?(?:www\.)?([^/?#:\[\]]+)")


def host_of(url: str) -> str:
    """The lower-cased host of an absolute URL, without "www." ("" for anything else)."""
    m = _HOST.match(url)
    return m.group(1).lower() if m else ""


class Facts:
    """The shared readings of one document; each attribute is filled on first use."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self._entry_links: tuple[tuple[Entry, Link], ...] | None = None
        self._hosts: dict[str, str] = {}

    @property
    def entry_links(self) -> tuple[tuple[Entry, Link], ...]:
        """(entry, link) for every link on an entry's links lines, in document order."""
        if self._entry_links is None:
            self._entry_links = tuple(
                (e, lk) for e in self.doc.entries for lk in links_line_links(e)
            )
        return self._entry_links

    def host(self, url: str) -> str:
        """``host_of(url)``, read once per distinct URL of the document."""
        host = self._hosts.get(url)
        if host is None:
            host = self._hosts[url] = host_of(url)
        return host


def links_line_links(entry: Entry) -> list[Link]:
    """The links on an entry's links lines (or its item line), the title's own aside."""
    if not entry.links:
        return []
    lines = {ln.number for ln in entry.lines if ln.kind is _LINKS or ln.kind is _ITEM}
    title = entry.title.span if entry.title else None
    # The title's own link ("[Title](u), Authors, Venue") is the title, not an entry link.
    # (A link starting on a line after the title's last cannot overlap it: no comparison.)
    title_end = title.end_line if title is not None else 0
    return [
        lk
        for lk in entry.links
        if lk.line in lines
        and (title is None or lk.span.start_line > title_end or not title.overlaps(lk.span))
    ]


_last: Facts | None = None


def facts(doc: Document) -> Facts:
    """The facts of ``doc``: the same object for every rule that lints it."""
    global _last
    if _last is None or _last.doc is not doc:
        _last = Facts(doc)
    return _last


@released_after_lint
def _release() -> None:
    global _last
    _last = None
