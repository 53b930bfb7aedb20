"""What makes two entries the same paper: an arXiv id in any URL form, a DOI, or the title."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from ..lazy import lazy_regex
from ..model import Entry
from ..titles import fold

_ARXIV = lazy_regex(
    r"arxiv\.org/(?:abs|pdf|html|format)/(?P<id>\d{4}\.\d{4,5}|[a-z\-]+(?:\.[A-Z]{2})?/\d{7})(?:v\d+)?",
    re.IGNORECASE,
)
_ARXIV_DOI = lazy_regex(r"10\.48550/arxiv\.(?P<id>\d{4}\.\d{4,5})", re.IGNORECASE)
_DOI = lazy_regex(
    r"(?:doi\.org/|/doi/(?:abs/|full/|pdf/)?)(?P<doi>10\.\d{4,9}/[^\s?#]+)", re.IGNORECASE
)


_PUNCTUATION = lazy_regex(r"[^\w\s+]")


def arxiv_id(url: str) -> str | None:
    return _arxiv_id(url, url.lower())


def _arxiv_id(url: str, lower: str) -> str | None:
    if "arx" not in lower:
        return None  # both patterns hold "arxiv" (no other letter folds to a, r or x)
    m = _ARXIV.search(url) or _ARXIV_DOI.search(url)
    return m.group("id").lower() if m else None


def doi(url: str) -> str | None:
    return _doi(url, url.lower())


def _doi(url: str, lower: str) -> str | None:
    if "do" not in lower:
        return None  # a DOI link holds "doi.org/" or "/doi/" (no other letter folds to d or o)
    if _ARXIV_DOI.search(url):
        return None
    m = _DOI.search(url)
    return m.group("doi").rstrip(".").lower() if m else None


# A title that is only a bracketed tag ("[ICLR 2023]", "[Objects365]", "**[SNIPER]**"): a
# venue or a short name read where the title should be, shared by unrelated papers.
_TAG_ONLY = lazy_regex(r"^\W*\[[^\[\]]*\]\W*$")


@lru_cache(maxsize=8192)
def normalize_title(title: str) -> str:
    """Case, accents, punctuation and spacing do not make a different paper; '+' does (SAME++)."""
    if title.isascii():  # the same result, for most titles at a fraction of the cost
        blanked = title.encode("ascii").lower().translate(_ascii_punctuation())
        return " ".join(blanked.decode("ascii").split())
    text = unicodedata.normalize("NFKC", title).casefold()
    text = _PUNCTUATION.sub(" ", text)
    return " ".join(text.split())


@lru_cache(maxsize=1)
def _ascii_punctuation() -> bytes:
    """What ``_PUNCTUATION`` blanks among ASCII characters, as a ``bytes.translate`` table
    (for ASCII, NFKC changes nothing and casefold is lower)."""
    return bytes(32 if c < 128 and _PUNCTUATION.match(chr(c)) else c for c in range(256))


# Labels that name the paper itself; a code or project link may serve several papers.
_PAPER_LABELS = frozenset({"paper", "pdf", "arxiv", "abstract", "html", "openreview", "full text"})
_LABEL_SUFFIX = lazy_regex(r"[\s_-]*(?:\d+|v\d+)$")


def paper_page(label: str, url: str) -> str | None:
    """The page a paper link points to (scheme, www. and a trailing slash aside), for links
    labelled as the paper; two papers sharing it is a link pasted into the wrong entry."""
    return _page(url) if _names_paper(label) else None


@lru_cache(maxsize=4096)
def _names_paper(label: str) -> bool:
    # A list writes a handful of labels thousands of times: each is read once.
    return _LABEL_SUFFIX.sub("", label.strip().strip("*_").lower()) in _PAPER_LABELS


_SCHEME_WWW = lazy_regex(r"^[a-z][a-z0-9+.-]*://(?:www\.)?", re.I)


def _page(url: str) -> str | None:
    page = _SCHEME_WWW.sub("", url.strip()).rstrip("/")
    host, _, path = page.partition("/")
    return f"{host.lower()}/{path}" if path and "." in host else None


# Hosts whose pages are single documents (a paper, a preprint): two names for one of them is
# a slip. A repository or a site's page may rightly stand for several items (django and
# geodjango), so those need the same name too.
DOCUMENT_HOSTS = ("arxiv.org", "openreview.net", "doi.org", "aclanthology.org", "dl.acm.org")


def names_one_document(normalized: str) -> bool:
    """True when ``host/path`` (scheme and www. removed) is one paper or PDF."""
    host, _, path = normalized.partition("/")
    return bool(path) and (
        any(host == h or host.endswith("." + h) for h in DOCUMENT_HOSTS)
        or path.lower().split("?")[0].endswith(".pdf")
    )


def _title_page(title: str | None, label: str, url: str) -> str | None:
    """The document a linked title points to (``[Title](https://openreview.net/pdf?id=…)``):
    the title names that document as surely as a [Paper] label does. ``title``: the entry's
    title normalized (None without one)."""
    if title is None or normalize_title(label.strip("*_ ")) != title:
        return None
    page = _page(url)
    return page if page and names_one_document(page) else None


def document_keys(entries) -> dict[int, list[str]]:
    """Paper keys of every entry, by the entry's first line (computed once per document)."""
    return {e.line: paper_keys(e) for e in entries}


def paper_keys(entry: Entry) -> list[str]:
    keys = []
    title = normalize_title(entry.title.text) if entry.title else None  # (once, not per link)
    for link in entry.links:
        url = link.url
        lower = url.lower()
        aid = _arxiv_id(url, lower)
        if aid:
            keys.append(f"arxiv:{aid}")
            continue
        d = _doi(url, lower)
        if d:
            keys.append(f"doi:{d}")
            continue
        page = paper_page(link.label, url) or _title_page(title, link.label, url)
        if page:
            keys.append(f"url:{page}")
    if title is not None and entry.title.text and not _TAG_ONLY.match(entry.title.text):
        if len(title) >= 8:  # "Survey" or an acronym alone is not an identity
            keys.append(f"title:{title}")
    return list(dict.fromkeys(keys))


# ----------------------------------------------------------------- paper references
# What --check-papers asks about for an entry: its arXiv id, else its DOI, else its title.

_ARXIV_IN_TEXT = lazy_regex(
    r"\barXiv\s*:\s*(?P<id>\d{4}\.\d{4,5}|[a-z\-]+(?:\.[A-Z]{2})?/\d{7})(?:v\d+)?", re.IGNORECASE
)
_DOI_IN_TEXT = lazy_regex(r"\b(?P<doi>10\.\d{4,9}/[^\s\])<>\"'`,;]+)")
_YEAR = lazy_regex(r"\b(19[5-9]\d|20\d\d)\b")


@dataclass(frozen=True, slots=True)
class PaperRef:
    """The handles an entry gives for its paper; ``key`` names the question asked about it."""

    arxiv_id: str | None  # canonical: no version, old-style ids without the subject class
    doi: str | None  # lower case
    title: str | None
    year: int | None

    @property
    def key(self) -> str | None:
        if self.arxiv_id:
            return f"arxiv:{self.arxiv_id}"
        if self.doi:
            return f"doi:{self.doi}"
        if self.title and fold(self.title):
            return f"title:{fold(self.title)}|{self.year or ''}"
        return None


def canonical_arxiv(raw: str) -> str:
    """``2309.05904`` stays; ``math.GT/0309136`` becomes ``math/0309136`` (the API's form)."""
    raw = raw.lower()
    if "/" in raw:
        archive, number = raw.split("/", 1)
        return f"{archive.split('.')[0]}/{number}"
    return raw


def paper_ref(entry: Entry) -> PaperRef | None:
    """None for an entry with nothing to ask about (no id, no DOI, no title)."""
    arxiv = doi_found = None
    for link in entry.links:
        arxiv = arxiv or arxiv_id(link.url)
        doi_found = doi_found or doi(link.url)
    text = " ".join(line.content for line in entry.lines)
    if arxiv is None and (m := _ARXIV_IN_TEXT.search(text)):
        arxiv = m.group("id")
    if doi_found is None and not arxiv and (m := _DOI_IN_TEXT.search(_LINKLESS.sub("", text))):
        doi_found = m.group("doi").rstrip(".").lower()
    title = entry.title.text if entry.title and entry.title.text.strip() else None
    year = entry.date.year if entry.date and entry.date.year else None
    if year is None and entry.venue and (m := _YEAR.search(entry.venue.text)):
        year = int(m.group(1))
    ref = PaperRef(canonical_arxiv(arxiv) if arxiv else None, doi_found, title, year)
    return ref if ref.key else None


# Link destinations are read from the links themselves; a DOI in text is one outside them.
_LINKLESS = lazy_regex(r"\]\([^)]*\)")
