"""The arXiv API: ids in, one result per id out.

The API answers ``id_list`` queries with an Atom feed (arXiv API User's Manual, "Outline of
an Atom feed"): per paper an ``<entry>`` whose ``<id>`` is the abstract URL with the latest
version (``…/abs/2309.05904v2``), ``<published>`` the first version's date, ``<updated>``
the latest version's, ``<title>``, one ``<author><name>`` per author, and the optional
``<arxiv:journal_ref>``, ``<arxiv:doi>`` and ``<arxiv:comment>``. A malformed id makes the
whole request answer with a single entry titled "Error", so ids are checked here first; an
id arXiv does not have is simply absent from the feed.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from .polite import FetchError, PoliteClient
from .records import PaperRecord, PaperResult, Status

if TYPE_CHECKING:  # pragma: no cover
    import xml.etree.ElementTree as ET

ATOM = "{http://www.w3.org/2005/Atom}"
ARXIV = "{http://arxiv.org/schemas/atom}"
ERROR_ID_PREFIX = "arxiv.org/api/errors"

# New-style ids (0704.0001 onwards: YYMM.NNNN, YYMM.NNNNN from 2015) and old-style ids
# (archive[.SUBJECT]/YYMMNNN), each with an optional version.
ID = re.compile(r"(?P<id>\d{4}\.\d{4,5}|[a-z][a-z\-]*(?:\.[A-Z]{2})?/\d{7})(?:v(?P<version>\d+))?")
_ENTRY_ID = re.compile(r"/abs/" + ID.pattern + r"$")
_WITHDRAWN = re.compile(r"\bwithdrawn\b", re.IGNORECASE)


def canonical_id(text: str) -> str | None:
    """The id without its version (``2309.05904v2`` -> ``2309.05904``), None if not an id."""
    m = ID.fullmatch(text.strip())
    if not m:
        return None
    base = m.group("id")
    # The API knows old-style ids only without the subject class (math.GT/0309136 is math/…).
    if "/" in base:
        archive, number = base.split("/")
        base = f"{archive.split('.')[0].lower()}/{number}"
    return base


def key(arxiv_id: str) -> str:
    return f"arxiv:{arxiv_id}"


def fetch(ids: Iterable[str], client: PoliteClient, batch_size: int) -> dict[str, PaperResult]:
    """Results for canonical ids, asking in batches of ``batch_size`` (≤ 100)."""
    wanted = list(dict.fromkeys(ids))
    results: dict[str, PaperResult] = {}
    for start in range(0, len(wanted), batch_size):
        batch = wanted[start : start + batch_size]
        results.update(_fetch_batch(batch, client))
    return results


def _fetch_batch(batch: Sequence[str], client: PoliteClient) -> dict[str, PaperResult]:
    params = {"id_list": ",".join(batch), "max_results": str(len(batch))}
    try:
        records = _ask(client, params)
        if not records:
            # arXiv now and then answers a good query with an empty feed: ask once more
            # before calling every id of the batch unknown.
            records = _ask(client, params)
    except FetchError as e:
        return {key(i): PaperResult(key(i), Status.ERROR, error=f"arXiv API: {e}") for i in batch}
    out = {}
    for arxiv_id in batch:
        found = records.get(arxiv_id)
        if found is None:
            out[key(arxiv_id)] = PaperResult(
                key(arxiv_id), Status.UNKNOWN, error="no such arXiv id"
            )
        else:
            record, withdrawn = found
            status = Status.WITHDRAWN if withdrawn else Status.FOUND
            out[key(arxiv_id)] = PaperResult(key(arxiv_id), status, record)
    return out


def _ask(client: PoliteClient, params: dict) -> dict[str, tuple[PaperRecord, bool]]:
    response = client.get(client.settings.arxiv_api, params)
    if response.status_code != 200:
        raise FetchError(f"HTTP {response.status_code}")
    return parse_feed(response.content)


def parse_feed(data: bytes) -> dict[str, tuple[PaperRecord, bool]]:
    """Canonical id -> (record, withdrawn) for every paper entry of a feed."""
    import xml.etree.ElementTree as ET  # only when a feed came (a warm re-run reads none)

    try:
        root = ET.fromstring(data)
    except ET.ParseError as e:
        raise FetchError(f"not an Atom feed ({e})") from None
    if root.tag != f"{ATOM}feed":
        raise FetchError("not an Atom feed")
    out = {}
    for entry in root.iter(f"{ATOM}entry"):
        raw_id = _text(entry, f"{ATOM}id")
        if ERROR_ID_PREFIX in raw_id:
            raise FetchError(f"the API refused the query: {_text(entry, f'{ATOM}summary')}")
        m = _ENTRY_ID.search(raw_id)
        if not m:
            continue
        arxiv_id = canonical_id(m.group("id"))
        if arxiv_id is None:
            continue
        version = int(m.group("version")) if m.group("version") else None
        comment = _text(entry, f"{ARXIV}comment")
        summary = _text(entry, f"{ATOM}summary")
        withdrawn = bool(_WITHDRAWN.search(comment)) or summary.lower().startswith(
            ("this paper has been withdrawn", "withdrawn")
        )
        doi = _text(entry, f"{ARXIV}doi") or None
        record = PaperRecord(
            source="arxiv",
            key=key(arxiv_id),
            title=_squash(_text(entry, f"{ATOM}title")),
            authors=tuple(
                _squash(a.findtext(f"{ATOM}name") or "")
                for a in entry.findall(f"{ATOM}author")
                if (a.findtext(f"{ATOM}name") or "").strip()
            ),
            first_date=_date(_text(entry, f"{ATOM}published")),
            latest_date=_date(_text(entry, f"{ATOM}updated")),
            version=version,
            journal_ref=_squash(_text(entry, f"{ARXIV}journal_ref")) or None,
            doi=doi.lower() if doi else None,
            url=f"https://arxiv.org/abs/{arxiv_id}",
        )
        out[arxiv_id] = (record, withdrawn)
    return out


def _text(element: ET.Element, tag: str) -> str:
    return (element.findtext(tag) or "").strip()


def _squash(text: str) -> str:
    # Titles and names arrive hard-wrapped.
    return " ".join(text.split())


def _date(text: str) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(text[:10])
    except ValueError:
        return None
