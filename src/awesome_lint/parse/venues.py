"""Venues written in entry text: a short name with a year (``CVPR 2023``, ``ICCV'19``,
``2019 NeurIPS``). At the bottom of parse/ so the paper-block reader and the layouts both
read venues the same way without importing each other."""

from __future__ import annotations

import re
from functools import lru_cache

from ..lazy import lazy_regex
from .dates import MONTHS

_YEAR = r"(?:19|20)\d{2}"
# A venue: a short name that starts with a capital (or arXiv) and carries a year, either order.
_VENUE = lazy_regex(
    rf"""(?<![\w'])(?:
      (?P<name>(?:[A-Z][\w&.+-]*|arXiv|arxiv|bioRxiv|medRxiv|[a-z]*[A-Z][\w&.+-]*)
               (?:[ \t]+(?!(?:et|al|and|in|of|the)\b)(?:\([A-Za-z&]+\)|[A-Za-z&][\w&.+-]*)){{0,4}}?)
      [ \t]*(?:'[ \t]?|,[ \t]*|[ \t]+)(?P<year>{_YEAR}|\d{{2}})(?!\w|\.\d)
      (?:[ \t]+(?P<tail>[A-Z][a-z]+))?
    | (?P<year2>{_YEAR})[ \t]*-?[ \t]*(?P<name2>[A-Z][\w&.+-]*(?:[ \t]+[A-Z][\w&.+-]*){{0,2}})
    )""",
    re.X,
)
_SENTENCE_END = lazy_regex(r"\.[*_]*[ \t]+")  # "Bo Chen._ NeurIPS 2023" ends a sentence too
_NOT_VENUE = {"in", "the", "of", "and", "for", "since", "from", "to", "on", "at", "by", "et", "al"}


@lru_cache(maxsize=8192)
def find_venue(text: str) -> tuple[int, int] | None:
    """(start, end) of a venue with its year in ``text``, or None. (Cached: the same link
    labels, "Paper", "Code", "ECCV 2024", come back on every entry.)"""
    for m in _VENUE.finditer(text):
        start = m.start()
        stops = list(
            _SENTENCE_END.finditer(text, start, m.start("year") if m.group("year") else m.end())
        )
        if stops:
            start = stops[-1].end()  # "Emre Akbas. CVPR 2019": the sentence before is no venue
        words = text[start : m.end()].split()
        first = words[0].lower().strip(".") if words else ""
        if first in _NOT_VENUE or (first in MONTHS and len(words) < 3):
            continue
        if m.group("year") and len(m.group("year")) == 2 and "'" not in m.group(0):
            continue  # "Item 12" is no venue; "ICCV'19" is
        return start, m.end()
    return None
