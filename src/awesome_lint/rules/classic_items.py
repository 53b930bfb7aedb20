"""Shared by the classic-list rules (AL4xx): item descriptions, the main heading, text to scan."""

from __future__ import annotations

import re
import unicodedata

from ..lazy import lazy_regex
from ..model import ClassicItem, Document, Heading, Span
from ..parse.slug import heading_text

# A description that is only a parenthetical "(macOS only)", only emoji, or only badges is a
# deliberate short form, not a description missing its separator or period.
_IMAGE = lazy_regex(r"!\[[^\]]*\]\([^)]*\)|\[!\[[^\]]*\]\([^)]*\)\]\([^)]*\)|<img\b[^>]*>")
_EMOJI_SHORTCODE = lazy_regex(r":[a-z0-9_+\-]+:")


def is_emoji(ch: str) -> bool:
    return (
        unicodedata.category(ch) == "So"
        or ch in "\u200d\ufe0f\u20e3"
        or 0x1F000 <= ord(ch) <= 0x1FAFF
    )


# An in-page navigation link (`**[⬆ back to top](#contents)**`) on the item's last line: a
# line after the last item without a blank line joins it, but is no part of the sentence.
_NAV_LINK = lazy_regex(r"(?:\*\*|__|\*|_)?\[[^\]]*\]\(#[^)\s]*\)(?:\*\*|__|\*|_)?$")


def strip_trailing_decorations(text: str) -> str:
    """The description without badges, emoji and shortcodes at its end (they follow the period)."""
    prev = None
    while prev != text:
        prev = text
        text = text.rstrip()
        m = re.search(r"(?:" + _IMAGE.pattern + r")$", text)
        if m:
            text = text[: m.start()]
            continue
        m = re.search(_EMOJI_SHORTCODE.pattern + r"$", text)
        if m:
            text = text[: m.start()]
            continue
        m = _NAV_LINK.search(text)
        if m:
            text = text[: m.start()]
            continue
        while text and is_emoji(text[-1]):
            text = text[:-1]
    return text.rstrip()


def is_short_form(description: str) -> bool:
    """Only a parenthetical, only emoji, or only badges: no sentence to punctuate."""
    rest = strip_trailing_decorations(description)
    rest = "".join(ch for ch in rest if not is_emoji(ch)).strip()
    return not rest or bool(re.fullmatch(r"\([^()]*\)", rest))


def described(doc: Document):
    """The classic items that have a description, with its text."""
    for item in doc.items:
        if item.description is not None:
            yield item, item.description.text


def main_heading(doc: Document) -> Heading | None:
    """The list's title: its first level-1 heading, else its first heading."""
    return next(
        (h for h in doc.headings if h.level == 1), doc.headings[0] if doc.headings else None
    )


def header_lines(doc: Document) -> range:
    """Lines from the top to the first section heading below the title (the list's header)."""
    main = main_heading(doc)
    after = main.line if main is not None and main.level == 1 else 0
    nxt = next(
        (h.line for h in doc.headings if h.line > after and h.level >= 2), len(doc.lines) + 1
    )
    return range(1, nxt)


def item_names(doc: Document) -> set[str]:
    """Every item's name as written, for telling a project's own spelling from a typo."""
    return {i.name for i in doc.items if i.name}


def doc_span(doc: Document) -> Span:
    """A document-level finding sits on the first line."""
    first = doc.lines[0] if doc.lines else ""
    return Span(1, 1, 1, max(len(first), 1) + 1)


def item_label(item: ClassicItem) -> str:
    name = item.name or item.link.url
    return f'"{name[:40]}"'


TERMINAL = ".!?…。！？．"
_CLOSERS = "\"'”’»)]*_`"


def rendered(text: str) -> str:
    """Text as it renders: links become their text, images and tags go, emphasis marks go."""
    return heading_text(text)


def ends_a_sentence(text: str) -> bool:
    """True when rendered text ends with terminal punctuation (badges, emoji, closers after it)."""
    plain = strip_trailing_decorations(rendered(strip_trailing_decorations(text)))
    m = re.search(r"\s*\([^()]*\)$", plain)
    if m and plain[: m.start()].rstrip(_CLOSERS)[-1:] in TERMINAL:
        return True  # "Does X. (macOS only)"
    return plain.rstrip(_CLOSERS)[-1:] in TERMINAL if plain.rstrip(_CLOSERS) else True


def source_text(doc: Document, span: Span) -> str:
    lines = list(doc.lines[span.start_line - 1 : span.end_line])
    lines[-1] = lines[-1][: span.end_col - 1]
    lines[0] = lines[0][span.start_col - 1 :]
    return "\n".join(lines)


def decorations_start(doc: Document, span: Span) -> tuple[int, int]:
    """(line, column) where a description's trailing badges and emoji begin (or its end)."""
    raw = source_text(doc, span)
    kept = strip_trailing_decorations(raw)
    line = span.start_line + kept.count("\n")
    last = kept.rsplit("\n", 1)[-1]
    col = (span.start_col if line == span.start_line else 1) + len(last)
    return line, col
