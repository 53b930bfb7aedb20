"""Comparing a list's text with a paper record's: titles and author names, normalised.

Pure and dependency-free, shared by the paper clients (a Crossref title search counts only
an exact normalised match) and the rules that compare entries with records.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .lazy import lazy_regex

# LaTeX as arXiv titles carry it: $\alpha$-Net, {GAN}s, \textit{x}, \'e, --- .
_LATEX_ACCENT = lazy_regex(r"\\[`'^\"~=.uvHtcdbk]\{?([A-Za-z])\}?")
_LATEX_COMMAND = lazy_regex(r"\\[A-Za-z]+\*?")
_PUNCTUATION = lazy_regex(r"[^\w\s+]")


def _greek(name: str) -> str | None:
    """``alpha`` -> ``α``, ``Gamma`` -> ``Γ``; None for other command names."""
    case = "CAPITAL" if name[:1].isupper() else "SMALL"
    try:
        return unicodedata.lookup(f"GREEK {case} LETTER {name.upper()}")
    except KeyError:
        return None


def _command(m: re.Match) -> str:
    return _greek(m.group()[1:].rstrip("*")) or " "


def strip_latex(text: str) -> str:
    """Remove LaTeX markup, keeping the letters it decorates (``\\'e`` -> ``e``,
    ``\\alpha`` -> ``α``)."""
    text = _LATEX_ACCENT.sub(r"\1", text)
    text = _LATEX_COMMAND.sub(_command, text)
    return text.replace("$", "").replace("{", "").replace("}", "").replace("~", " ")


def _latin(c: str) -> str:
    # α, \alpha and "alpha" are the same word in a title.
    name = unicodedata.name(c, "")
    return f" {name.split()[-1].lower()} " if name.startswith("GREEK") and "LETTER" in name else c


@lru_cache(maxsize=16384)
def fold(text: str) -> str:
    """Case, accents, punctuation and spacing folded away (``+`` kept: SAME vs SAME++)."""
    text = unicodedata.normalize("NFKD", strip_latex(text))
    if not text.isascii():
        text = "".join(_latin(c) for c in text if not unicodedata.combining(c))
    text = text.casefold()
    return " ".join(_PUNCTUATION.sub(" ", text).split())


_TRAILING_GROUP = lazy_regex(r"\s*\[[^\[\]]*\]\s*$")
_QUOTES = "\"“”'‘’"


def title_core(text: str) -> tuple[int, int]:
    """Where the title itself sits in a title field: after opening quotes or bold, before
    closing ones, a final period and bracket groups such as ``[2022-12] [ACL 2023]``."""
    end = len(text)
    while m := _TRAILING_GROUP.search(text[:end]):
        end = m.start()
    start = 0
    while start < end and (text[start] in _QUOTES or text.startswith("**", start)):
        start += 2 if text.startswith("**", start) else 1
    while end > start and (text[end - 1] in _QUOTES + ". " or text[:end].endswith("**")):
        end -= 2 if text[:end].endswith("**") else 1
    return start, end


def trailing_groups(text: str) -> list[tuple[int, int]]:
    """The bracket groups after a title, as (start, end) offsets, in order."""
    groups = []
    end = len(text)
    while m := _TRAILING_GROUP.search(text[:end]):
        groups.append((m.start(), end))
        end = m.start()
    return list(reversed(groups))


def clean_title(text: str) -> str:
    """A record's title as one would write it in a list: LaTeX removed, spacing collapsed."""
    return " ".join(strip_latex(text).split())
