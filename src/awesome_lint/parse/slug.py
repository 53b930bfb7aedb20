"""GitHub's heading anchors (github-slugger): lower-case, punctuation dropped, spaces to '-'."""

from __future__ import annotations

import html
import re
import unicodedata

from ..lazy import lazy_regex

# A CommonMark HTML tag (so "<Tools & Co.>" stays text, as GitHub renders it).
_TAG = lazy_regex(
    r"""</?[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?)*\s*/?>"""
)
_IMAGE = lazy_regex(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = lazy_regex(r"\[([^\]]*)\]\((?:[^()\s]|\([^()]*\))*\)")
_SHORTCODE = lazy_regex(r":[a-z0-9_+\-]+:")


def heading_text(raw: str) -> str:
    """The text a heading renders, as GitHub feeds it to the slugger."""
    text = _TAG.sub("", raw)
    text = _IMAGE.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = text.replace("**", "").replace("__", "").replace("`", "")
    text = re.sub(r"(?<!\w)[*_]|[*_](?!\w)", "", text)
    text = re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", text)
    return html.unescape(text).strip()


def _keep(ch: str) -> bool:
    if ch in "-_" or ch.isalnum():
        return True
    return unicodedata.category(ch)[0] == "M"


def slugify(text: str) -> str:
    # GitHub renders :shortcodes: as emoji, which the slugger then drops.
    text = _SHORTCODE.sub("", text.lower())
    return "".join("-" if ch == " " else ch for ch in text if ch == " " or _keep(ch))


class Slugger:
    """Unique slugs for a document's headings: repeats get -1, -2, ... like GitHub."""

    def __init__(self) -> None:
        self.seen: dict[str, int] = {}

    def slug(self, text: str) -> str:
        base = slugify(text)
        slug = base
        while slug in self.seen:
            self.seen[base] += 1
            slug = f"{base}-{self.seen[base]}"
        self.seen[slug] = 0
        return slug
