"""Raw HTML tags in Markdown source, read in time linear in the text.

A tag runs from ``<`` to the next ``>`` with no ``<`` in between (an attribute value holding
``<`` or ``>`` is not worth a backtracking regex on untrusted text). Regions found this way
never overlap, so reading every tag of a text costs one pass over it.
"""

from __future__ import annotations

import html
from collections.abc import Iterator
from dataclasses import dataclass

from ..lazy import lazy_regex

# Only entities ended by ";": CommonMark decodes no other, and a browser decodes none in an
# attribute value when "=" or a letter follows ("?id=1&noteId=2" keeps its "&not").
_ENTITY = lazy_regex(r"&(?:#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});")


def decode_entities(text: str) -> str:
    """``&amp;``, ``&#38;``, ``&#x26;`` and the other named entities, as a renderer does."""
    return _ENTITY.sub(lambda m: html.unescape(m.group(0)), text) if "&" in text else text


@dataclass(frozen=True, slots=True)
class Attribute:
    """One attribute of an HTML tag, with where its value is in the text."""

    name: str  # lower-cased
    value: str  # entities decoded
    start: int  # offsets of the raw value in the scanned text
    end: int


@dataclass(frozen=True, slots=True)
class Tag:
    """One HTML tag of a text: its name, where it is and its attributes."""

    name: str  # lower-cased; "" for a closing tag or a declaration
    start: int
    end: int  # just past ">"
    attributes: tuple[Attribute, ...]


def tag_at(s: str, i: int, next_gt: int, next_lt: int) -> Tag | None:
    """The opening tag starting at the ``<`` at ``i``, given the next ``>`` and the next
    ``<`` after ``i`` (-1 when none): None when the text there is not a tag."""
    if next_gt < 0 or (0 <= next_lt < next_gt):
        return None
    k = i + 1
    if k >= next_gt or not s[k].isascii() or not s[k].isalpha():
        return None
    j = k
    while j < next_gt and (s[j].isalnum() or s[j] == "-"):
        j += 1
    if j < next_gt and not (s[j].isspace() or s[j] == "/"):
        return None
    return Tag(s[k:j].lower(), i, next_gt + 1, tuple(_attributes(s, j, next_gt)))


def _attributes(s: str, k: int, end: int) -> Iterator[Attribute]:
    """``name=value`` pairs in ``s[k:end]``; every step moves ``k`` forward."""
    while k < end:
        while k < end and (s[k].isspace() or s[k] == "/"):
            k += 1
        start = k
        while k < end and not (s[k].isspace() or s[k] in "=/"):
            k += 1
        name = s[start:k].lower()
        if k == start:
            k += 1
            continue
        j = k
        while j < end and s[j].isspace():
            j += 1
        if j >= end or s[j] != "=":
            continue
        j += 1
        while j < end and s[j].isspace():
            j += 1
        if j < end and s[j] in "\"'":
            close = s.find(s[j], j + 1, end)
            if close < 0:
                return
            yield Attribute(name, decode_entities(s[j + 1 : close]), j + 1, close)
            k = close + 1
        else:
            v = j
            while j < end and not s[j].isspace():
                j += 1
            yield Attribute(name, decode_entities(s[v:j]), v, j)
            k = j


def tags(s: str) -> Iterator[Tag]:
    """Every opening tag in ``s``, in order."""
    i = s.find("<")
    gt = -1
    while i >= 0:
        if gt <= i:  # the next ">" is searched for again only once it has been passed
            gt = s.find(">", i + 1)
            if gt < 0:
                return
        lt = s.find("<", i + 1, gt)
        tag = tag_at(s, i, gt, lt)
        if tag is not None:
            yield tag
            i = s.find("<", tag.end)
        else:
            i = lt if lt >= 0 else s.find("<", gt + 1)


def comments(s: str) -> Iterator[tuple[int, int, str]]:
    """``<!-- ... -->`` comments in ``s`` as (start, end, body). An unclosed ``<!--`` ends
    the search: no later comment can close either."""
    i = s.find("<!--")
    while i >= 0:
        j = s.find("-->", i + 4)
        if j < 0:
            return
        yield i, j + 3, s[i + 4 : j]
        i = s.find("<!--", j + 3)
