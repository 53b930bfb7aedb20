"""Shared by the paper rules: entries paired with what arXiv or Crossref says about them.

The rules read ``ctx.paper_results`` (filled by --check-papers) and never fetch. A result
is looked up by the entry's ``PaperRef.key``, so results survive the line shifts of fixes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from ..diagnostics import Fix
from ..model import Document, Entry
from ..parse.author_style import AuthorStyle
from ..parse.identity import PaperRef, paper_ref
from .base import released_after_lint

# Tags of every paper rule.
TAGS = ("entries", "papers", "network")

# The last (document, results) pairing: the five paper rules read it, and one walk serves
# them all. Held by identity (both are immutable during a run), one document at a time, until its lint ends.
_walked: tuple[Any, Any, tuple[tuple[Entry, PaperRef, Any], ...]] = (None, None, ())


def checked_entries(doc: Document, ctx) -> tuple[tuple[Entry, PaperRef, Any], ...]:
    """Each entry with a paper result, in document order."""
    global _walked
    results = ctx.paper_results
    if not results:
        return ()
    if _walked[0] is not doc or _walked[1] is not results:
        pairs = ((e, paper_ref(e)) for e in doc.entries)
        _walked = (
            doc,
            results,
            tuple(
                (e, ref, result)
                for e, ref in pairs
                if ref is not None and (result := results.get(ref.key)) is not None
            ),
        )
    return _walked[2]


@released_after_lint
def _release() -> None:
    global _walked
    _walked = (None, None, ())


def found(doc: Document, ctx) -> Iterator[tuple[Entry, PaperRef, Any]]:
    """Entries whose paper was found, with its record."""
    for e, ref, result in checked_entries(doc, ctx):
        if result.status.value == "found" and result.record is not None:
            yield e, ref, result.record


def judged(doc: Document, ctx, judge: Callable[[Entry, Any], Any]) -> list:
    """The findings of ``judge(entry, record)`` over the entries whose paper was found, unless
    most of them differ (``unless_most``). ``judge`` returns None when the entry has nothing
    to compare (not counted as checked), False when it agrees, else its finding."""
    findings, checked = [], 0
    for e, _ref, record in found(doc, ctx):
        verdict = judge(e, record)
        if verdict is None:
            continue
        checked += 1
        if verdict is not False:
            findings.append(verdict)
    return unless_most(findings, checked)


def authors_fix(entry: Entry, record, style: AuthorStyle, description: str) -> Fix | None:
    """Write the record's authors over the entry's author text, the list's way."""
    if entry.authors_field is None or not record.authors:
        return None
    return Fix.replace(entry.authors_field.span, style.write(record.authors), description)


# Fewer checked entries than this say nothing about how the list writes its fields.
MIN_CHECKED = 4


def unless_most(findings: list, checked: int) -> list:
    """Nothing when the findings hit most checked entries: then the list writes this field its
    own way (a name format, conference dates), and a rule firing on most entries has misread
    the list, not found its defects."""
    if checked >= MIN_CHECKED and len(findings) * 2 > checked:
        return []
    return findings


def source_name(record) -> str:
    return "arXiv" if record.source == "arxiv" else "Crossref"
