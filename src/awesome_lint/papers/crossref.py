"""The Crossref REST API: DOIs looked up directly, other papers found by their title.

``GET /works/{doi}`` answers ``{"status": "ok", "message-type": "work", "message": {...}}``
(404 for a DOI Crossref does not have); ``GET /works?query.bibliographic=…&rows=N`` answers
``"message-type": "work-list"`` with ``message.items``. A work carries ``DOI``, ``title``
(a list), ``author`` (``given``/``family``, or ``name`` for an organisation),
``container-title``, ``issued``/``published``/``published-print``/``published-online``
(``date-parts``) and ``URL``. A search hit counts only when its normalised title equals the
entry's and its year agrees: a search engine's best guess is not a fact.

Etiquette: a ``mailto`` parameter puts requests in the polite pool; ``X-Rate-Limit-Limit``
and ``X-Rate-Limit-Interval`` say how many requests per interval are allowed, and the
client spaces its requests accordingly.
"""

from __future__ import annotations

import datetime
import json
import re
from urllib.parse import quote

from ..titles import fold
from .polite import FetchError, PoliteClient
from .records import PaperRecord, PaperResult, Status

ROWS = 5
_INTERVAL = re.compile(r"(\d+(?:\.\d+)?)\s*(ms|s|m|h)?$")
_UNIT = {"ms": 0.001, "s": 1.0, "m": 60.0, "h": 3600.0, None: 1.0}
_DATE_FIELDS = ("published-print", "published-online", "published", "issued")


def doi_key(doi: str) -> str:
    return f"doi:{doi.lower()}"


def title_key(title: str, year: int | None) -> str:
    return f"title:{fold(title)}|{year or ''}"


def fetch_doi(doi: str, client: PoliteClient) -> PaperResult:
    k = doi_key(doi)
    url = f"{client.settings.crossref_api.rstrip('/')}/works/{quote(doi, safe='/:;()._-')}"
    try:
        response = _get(client, url, {})
    except FetchError as e:
        return PaperResult(k, Status.ERROR, error=f"Crossref: {e}")
    if response.status_code == 404:
        return PaperResult(k, Status.UNKNOWN, error="Crossref has no such DOI")
    try:
        work = _message(response, "work")
    except FetchError as e:
        return PaperResult(k, Status.ERROR, error=f"Crossref: {e}")
    return PaperResult(k, Status.FOUND, work_record(work))


def search_title(title: str, year: int | None, client: PoliteClient) -> PaperResult:
    """The work whose normalised title equals ``title`` and whose year agrees, if any."""
    k = title_key(title, year)
    params = {"query.bibliographic": title, "rows": str(ROWS)}
    try:
        response = _get(client, f"{client.settings.crossref_api.rstrip('/')}/works", params)
        listing = _message(response, "work-list")
    except FetchError as e:
        return PaperResult(k, Status.ERROR, error=f"Crossref: {e}")
    wanted = fold(title)
    for item in listing.get("items") or []:
        if not isinstance(item, dict):
            continue
        titles = item.get("title") or []
        if not any(isinstance(t, str) and fold(t) == wanted for t in titles):
            continue
        years = {d.year for d in _dates(item)}
        if year is None or year in years:
            return PaperResult(k, Status.FOUND, work_record(item))
    return PaperResult(k, Status.UNKNOWN, error="no Crossref work with this title and year")


def _get(client: PoliteClient, url: str, params: dict):
    if client.settings.mailto:
        params = {**params, "mailto": client.settings.mailto}
    response = client.get(url, params)
    _honour_rate_limit(client, response.headers)
    return response


def _honour_rate_limit(client: PoliteClient, headers) -> None:
    """Space requests as the service's X-Rate-Limit-* headers say (never closer than asked)."""
    try:
        limit = int(headers.get("X-Rate-Limit-Limit", ""))
    except ValueError:
        return
    m = _INTERVAL.match((headers.get("X-Rate-Limit-Interval") or "1s").strip())
    if limit <= 0 or not m:
        return
    interval = float(m.group(1)) * _UNIT[m.group(2)]
    client.spacing = max(client.settings.crossref_spacing, interval / limit)


def _message(response, kind: str) -> dict:
    if response.status_code != 200:
        raise FetchError(f"HTTP {response.status_code}")
    try:
        data = json.loads(response.content)
    except ValueError:
        raise FetchError("the answer is not JSON") from None
    if not isinstance(data, dict) or data.get("message-type") != kind:
        raise FetchError(f"the answer is not a {kind}")
    message = data.get("message")
    if not isinstance(message, dict):
        raise FetchError(f"the answer is not a {kind}")
    return message


def work_record(work: dict) -> PaperRecord:
    doi = str(work.get("DOI") or "").lower() or None
    dates = sorted(_dates(work))
    containers = [c for c in work.get("container-title") or [] if isinstance(c, str)]
    titles = [t for t in work.get("title") or [] if isinstance(t, str)]
    return PaperRecord(
        source="crossref",
        key=doi_key(doi) if doi else "crossref:",
        title=" ".join(titles[0].split()) if titles else "",
        authors=tuple(n for n in (_name(a) for a in work.get("author") or []) if n),
        first_date=dates[0] if dates else None,
        latest_date=dates[0] if dates else None,
        doi=doi,
        venue=containers[0] if containers else None,
        url=work.get("URL") if isinstance(work.get("URL"), str) else None,
    )


def _name(author: object) -> str:
    if not isinstance(author, dict):
        return ""
    given, family = author.get("given"), author.get("family")
    parts = [p for p in (given, family) if isinstance(p, str) and p.strip()]
    if parts:
        return " ".join(" ".join(parts).split())
    name = author.get("name")
    return " ".join(name.split()) if isinstance(name, str) else ""


def _dates(work: dict) -> list[datetime.date]:
    """Every full date the work gives (a year alone counts as 1 January, for the year)."""
    out = []
    for name in _DATE_FIELDS:
        parts = (
            (work.get(name) or {}).get("date-parts") if isinstance(work.get(name), dict) else None
        )
        if not parts or not isinstance(parts, list) or not parts[0]:
            continue
        first = parts[0]
        try:
            year = int(first[0])
            month = int(first[1]) if len(first) > 1 else 1
            day = int(first[2]) if len(first) > 2 else 1
            out.append(datetime.date(year, month, day))
        except (TypeError, ValueError, IndexError):
            continue
    return out
