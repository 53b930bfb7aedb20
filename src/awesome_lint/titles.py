"""Comparing a list's text with a paper record's: titles and author names, normalised.

Pure and dependency-free, shared by the paper clients (a Crossref title search counts only
an exact normalised match) and the rules that compare entries with records.
"""

from __future__ import annotations

import re
import unicodedata

# LaTeX as arXiv titles carry it: $\alpha$-Net, {GAN}s, \textit{x}, \'e, --- .
_LATEX_ACCENT = re.compile(r"\\[`'^\"~=.uvHtcdbk]\{?([A-Za-z])\}?")
_LATEX_COMMAND = re.compile(r"\\[A-Za-z]+\*?")
_PUNCTUATION = re.compile(r"[^\w\s+]")


def strip_latex(text: str) -> str:
    """Remove LaTeX markup, keeping the letters it decorates (``\\'e`` -> ``e``)."""
    text = _LATEX_ACCENT.sub(r"\1", text)
    text = _LATEX_COMMAND.sub(" ", text)
    return text.replace("$", "").replace("{", "").replace("}", "").replace("~", " ")


def fold(text: str) -> str:
    """Case, accents, punctuation and spacing folded away (``+`` kept: SAME vs SAME++)."""
    text = unicodedata.normalize("NFKD", strip_latex(text))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return " ".join(_PUNCTUATION.sub(" ", text).split())


def same_title(a: str, b: str) -> bool:
    return fold(a) == fold(b)


def clean_title(text: str) -> str:
    """A record's title as one would write it in a list: LaTeX removed, spacing collapsed."""
    return " ".join(strip_latex(text).split())
