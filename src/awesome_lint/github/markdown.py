"""Escaping untrusted text (anything that came from a pull request) into GitHub Markdown.

A contributor controls the list's text, so anything quoted from it must not ping people
(``@user``, ``@org/team``), cross-reference issues (``#12``, ``GH-12``, ``owner/repo#12``,
an issue's full URL: GitHub links all of them outside code), inject HTML (``<img>``,
``<details>``), forge our hidden markers (``<!-- awesome-lint ... -->``), or break out of a
code span, a table cell or a suggestion block. Everything here is pure.
"""

from __future__ import annotations

import re

ZWJ = "\u200d"  # zero-width joiner: invisible, but stops GitHub linking @name and #123

# GitHub links @name, @org/team and #123 in text; a ZWJ after the sigil breaks the link.
_MENTION = re.compile(r"([@#])(?=[A-Za-z0-9_])")
# Markdown punctuation that could start emphasis, links, images, code, tables or strikes.
# GitHub's other autolinks: GH-12 references, and URLs (an issue URL becomes a reference).
_GH_REF = re.compile(r"\b(GH)(?=-\d)", re.IGNORECASE)
_URL_START = re.compile(r"\b(https?|ftp)(?=://)|\b(www)(?=\.)", re.IGNORECASE)
_MD_SPECIAL = re.compile(r"([\\`*_\[\]|~!])")
_NEWLINES = re.compile(r"\r\n|\r|\n")
_BACKTICK_RUN = re.compile(r"`+")


def neutralise_mentions(text: str) -> str:
    """Break every autolink GitHub makes in text: mentions, references, URLs."""
    text = _MENTION.sub(lambda m: m.group(1) + ZWJ, text)
    text = _GH_REF.sub(lambda m: m.group(1) + ZWJ, text)
    return _URL_START.sub(lambda m: m.group(0) + ZWJ, text)


def one_line(text: str) -> str:
    return _NEWLINES.sub(" ", text)


def md_text(text: str, *, starts_line: bool = True) -> str:
    """Untrusted text as inert Markdown: rendered literally, on one line."""
    text = one_line(text).replace("\t", " ")
    if starts_line:
        text = text.lstrip(" ")  # leading blanks could make an indented code block
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MD_SPECIAL.sub(r"\\\1", text)
    if starts_line and (text.startswith(("#", "+", "-", "=")) or re.match(r"\d+[.)]", text)):
        text = "\\" + text  # would start a heading or a list where a line begins
    return neutralise_mentions(text)


def md_code(text: str, *, in_table: bool = False) -> str:
    """Untrusted text as an inline code span that no backtick run inside it can close.

    GitHub does not link mentions or render HTML inside code, so only the delimiter, line
    breaks and (in a table) the cell separator need care.
    """
    text = one_line(text)
    if in_table:
        # GFM splits table rows on '|' before it parses code spans.
        text = text.replace("|", "\\|")
    longest = max((len(m) for m in _BACKTICK_RUN.findall(text)), default=0)
    fence = "`" * (longest + 1)
    if not text.strip(" "):
        # A code span of only spaces shows nothing useful; name it instead.
        return f"*({len(text)} spaces)*" if text else "*(empty)*"
    if text.startswith("`") or text.endswith("`") or (text.startswith(" ") and text.endswith(" ")):
        text = f" {text} "
    return f"{fence}{text}{fence}"


def md_message(message: str, *, in_table: bool = False) -> str:
    """A rule's message, where `backticks` quote text taken from the list.

    Quoted parts become code spans and the rest inert text, so the reader sees the quoted
    text exactly while none of it is interpreted. Unbalanced backticks: all text is inert.
    """
    parts = message.split("`")
    if len(parts) % 2 == 0:
        return md_text(message)
    out = []
    for i, part in enumerate(parts):
        if i % 2:
            out.append(md_code(part, in_table=in_table))
        elif part:
            out.append(md_text(part, starts_line=i == 0))
    return "".join(out)


def code_fence(content: str, info: str = "") -> str:
    """A fenced block around ``content`` whose fence no line inside can close.

    Used for GitHub ```suggestion blocks: a fence longer than any backtick run inside keeps
    a contributor's backticks from ending the block early (GitHub accepts longer fences).
    """
    longest = max((len(m) for m in _BACKTICK_RUN.findall(content)), default=0)
    fence = "`" * max(3, longest + 1)
    body = content if content.endswith("\n") or not content else content + "\n"
    return f"{fence}{info}\n{body}{fence}"


def cap(text: str, limit: int, note: str = "\n\n*(truncated)*") -> str:
    """Cut ``text`` to at most ``limit`` characters on a line boundary, saying so."""
    if len(text) <= limit:
        return text
    keep = text[: max(0, limit - len(note))]
    cut = keep.rfind("\n")
    if cut > 0:
        keep = keep[:cut]
    return keep + note
