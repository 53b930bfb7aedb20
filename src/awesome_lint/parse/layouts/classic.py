"""The classic awesome-list item: ``- [Name](url) - Description.`` (AWE, PY).

Recognised from shape alone: a list item whose first paragraph starts with a link (emphasis
around it allowed). What follows the link is split into the separator (`` - `` in a
well-formed item) and the description. In-page links (a table of contents) are not items.
"""

from __future__ import annotations

from ...lazy import lazy_regex
from ...model import ClassicItem, Field, Link, LinkForm, Span
from .fields import Text, bullet_prefix
from .structure import ListItemBlock

# Enum members read per line, as module constants (why: entries.py).
_FORM_AUTOLINK = LinkForm.AUTOLINK
_FORM_IMAGE = LinkForm.IMAGE

# Whitespace, then at most one run of dash-like or colon characters, then whitespace.
_SEPARATOR = lazy_regex(
    r"[ \t\u00a0]*(?:(?:[-–—‐:|~]+|&mdash;|&ndash;|&#8211;|&#8212;)[ \t\u00a0]*)?"
)

_IMAGE = lazy_regex(r"!\[[^\]]*\]\([^)]*\)")


def visible_name(label: str) -> str:
    """The link text as rendered: surrounding emphasis and code marks removed."""
    name = _IMAGE.sub("", label)
    return name.strip().strip("*_`").strip()


def _is_badge(link: Link) -> bool:
    """A link whose whole text is an image."""
    label = link.label.strip()
    return label.startswith("![") and label.endswith(")")


def classic_item(
    blk: ListItemBlock, para: list[str], links: list[Link], section: str
) -> ClassicItem | None:
    prefix = bullet_prefix(para[0])
    if not prefix or blk.paragraph is None:
        return None
    first = blk.paragraph[0]
    text = Text(first, tuple(para))
    body = text.joined
    start = text.offset(first, prefix + 1)
    lead = start
    while lead < len(body) and body[lead] in "*_ \t":
        lead += 1
    # Badges before the name ([![CI](b.svg)](ci) [Name](u)) decorate the item: skip them.
    at = {}
    for lk in links:
        if lk.form is not _FORM_AUTOLINK:
            at.setdefault(text.offset(lk.span.start_line, lk.span.start_col), lk)
    link = None
    while (lk := at.get(lead)) is not None:
        if lk.form is not _FORM_IMAGE and not _is_badge(lk):
            link = lk
            break
        lead = text.offset(lk.span.end_line, lk.span.end_col)
        while lead < len(body) and body[lead] in " \t":
            lead += 1
    if link is None or link.url.startswith("#"):
        return None
    name = visible_name(link.label)
    after = text.offset(link.span.end_line, link.span.end_col)
    # Emphasis closing around the link (**[Name](url)**) belongs to the name, not the separator.
    opened = body[start:lead].strip()
    if opened and body.startswith(opened[::-1], after):
        after += len(opened)
    sep_match = _SEPARATOR.match(body, after)
    sep_end = sep_match.end() if sep_match else after
    description = text.field(sep_end, len(body.rstrip()))
    separator = None
    if description is not None:
        sep_text = body[after:sep_end]
        (sl, sc), (el, ec) = text.position(after), text.position(sep_end)
        separator = Field(sep_text, Span(sl, sc, el, ec))
    end_line = first + len(para) - 1
    return ClassicItem(
        span=Span(first, prefix + 1, end_line, len(para[-1].rstrip()) + 1),
        depth=blk.depth,
        group=blk.list_start,
        link=link,
        name=name,
        separator=separator,
        description=description,
        section=section,
    )
