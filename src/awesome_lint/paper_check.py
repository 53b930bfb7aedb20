"""``--check-papers``: the questions a list's entries put to arXiv and Crossref, and the
summary line of the answers. The run (run.py) and the Action ask them, once for all files,
and hand the results to the rules (which never fetch).

Every entry asks by its best handle: an arXiv id, else a DOI, else its title and year.
Questions shared by several files (or entries) are asked once; arXiv ids of all files go
out together, in batches of 100.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection

from .model import Document, Entry
from .parse.identity import PaperRef, paper_ref


def refs(doc: Document, lines: Collection[int] | None = None) -> list[PaperRef]:
    """The paper references of a document's entries (of those touching ``lines`` only, if given)."""
    out = []
    for e in doc.entries:
        if lines is not None and not _touches(e, lines):
            continue
        ref = paper_ref(e)
        if ref is not None:
            out.append(ref)
    return out


def _touches(entry: Entry, lines: Collection[int]) -> bool:
    return any(n in lines for n in range(entry.span.start_line, entry.span.end_line + 1))


def to_query(ref: PaperRef):
    from .papers import PaperQuery

    return PaperQuery(arxiv_id=ref.arxiv_id, doi=ref.doi, title=ref.title, year=ref.year)


def summary(report) -> str:
    counts = Counter(r.status.value for r in report.results.values())
    parts = [f"{n} {status}" for status, n in counts.most_common()]
    asked = ", ".join(f"{n} to {service}" for service, n in report.requests.items()) or "none"
    return (
        f"papers: {len(report.results)} checked: {', '.join(parts) or 'nothing to ask'} "
        f"(requests: {asked}; {report.cached} from cache, {report.seconds:.1f} s)"
    )
