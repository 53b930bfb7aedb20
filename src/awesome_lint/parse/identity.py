"""What makes two entries the same paper: an arXiv id in any URL form, a DOI, or the title."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ..model import Entry

_ARXIV = re.compile(
    r"arxiv\.org/(?:abs|pdf|html|format)/(?P<id>\d{4}\.\d{4,5}|[a-z\-]+(?:\.[A-Z]{2})?/\d{7})(?:v\d+)?",
    re.IGNORECASE,
)
_ARXIV_DOI = re.compile(r"10\.48550/arxiv\.(?P<id>\d{4}\.\d{4,5})", re.IGNORECASE)
_DOI = re.compile(
    r"(?:doi\.org/|/doi/(?:abs/|full/|pdf/)?)(?P<doi>10\.\d{4,9}/[^\s?#]+)", re.IGNORECASE
)


_PUNCTUATION = re.compile(r"[^\w\s+]")


def arxiv_id(url: str) -> str | None:
    m = _ARXIV.search(url) or _ARXIV_DOI.search(url)
    return m.group("id").lower() if m else None


def doi(url: str) -> str | None:
    if _ARXIV_DOI.search(url):
        return None
    m = _DOI.search(url)
    return m.group("doi").rstrip(".").lower() if m else None


@lru_cache(maxsize=8192)
def normalize_title(title: str) -> str:
    """Case, accents, punctuation and spacing do not make a different paper; '+' does (SAME++)."""
    text = unicodedata.normalize("NFKC", title).casefold()
    text = _PUNCTUATION.sub(" ", text)
    return " ".join(text.split())


# Labels that name the paper itself; a code or project link may serve several papers.
_PAPER_LABELS = frozenset({"paper", "pdf", "arxiv", "abstract", "html", "openreview", "full text"})
_LABEL_SUFFIX = re.compile(r"[\s_-]*(?:\d+|v\d+)$")


def paper_page(label: str, url: str) -> str | None:
    """The page a paper link points to (scheme, www. and a trailing slash aside), for links
    labelled as the paper; two papers sharing it is a link pasted into the wrong entry."""
    if _LABEL_SUFFIX.sub("", label.strip().strip("*_").lower()) not in _PAPER_LABELS:
        return None
    page = re.sub(r"^[a-z][a-z0-9+.-]*://(?:www\.)?", "", url.strip(), flags=re.I).rstrip("/")
    host, _, path = page.partition("/")
    return f"{host.lower()}/{path}" if path and "." in host else None


def document_keys(entries) -> dict[int, list[str]]:
    """Paper keys of every entry, by the entry's first line (computed once per document)."""
    return {e.line: paper_keys(e) for e in entries}


def paper_keys(entry: Entry) -> list[str]:
    keys = []
    for link in entry.links:
        aid = arxiv_id(link.url)
        if aid:
            keys.append(f"arxiv:{aid}")
            continue
        d = doi(link.url)
        if d:
            keys.append(f"doi:{d}")
            continue
        page = paper_page(link.label, link.url)
        if page:
            keys.append(f"url:{page}")
    if entry.title and entry.title.text:
        norm = normalize_title(entry.title.text)
        if len(norm) >= 8:  # "Survey" or an acronym alone is not an identity
            keys.append(f"title:{norm}")
    return list(dict.fromkeys(keys))
