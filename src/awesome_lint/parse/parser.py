"""Markdown text -> Document. The only module that imports markdown-it-py.

markdown-it-py parses the block structure (its inline pass is switched off: it costs four
times the block pass and gives no columns). Inline positions are computed from the source
by ``inline.py``; entries are recognised by ``entries.py``.
"""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from ..model import Document, Entry, Heading, LineIndex, Link, Section, Span, TocItem
from .entries import RawLine, split_entries, strip_bullet
from .inline import links_in_block
from .layouts.extract import extract as extract_layouts
from .layouts.structure import ListItemBlock, TableBlock
from .slug import Slugger, heading_text

_COMMENT = re.compile(r"<!--(.*?)-->", re.S)
_HTML_ANCHOR = re.compile(r"""<[a-z][a-z0-9]*\b[^>]*?\b(?:name|id)\s*=\s*["']?([^"'\s>]+)""", re.I)
_HR = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
# markdown-it-py's own limit; deeper nesting is rendered flat, never a recursion error.
MAX_NESTING = 50


@lru_cache(maxsize=1)
def _markdown():
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"maxNesting": MAX_NESTING}).enable("table")
    md.disable("inline")
    return md


def normalize(text: str) -> str:
    """Remove a BOM and turn CRLF and lone CR into LF (positions are counted on the result)."""
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


@dataclass
class _Block:
    kind: str  # paragraph, heading, html, table, code
    start: int  # 1-based first line
    end: int  # 1-based last line
    item_start: bool = False  # the first block of a list item (its first line has the bullet)
    level: int = 0
    raw: str = ""
    indented: bool = False  # an indented code block (not a fence)


@dataclass
class _Lists:
    """Top-level lists and the items inside them, for finding the table of contents."""

    lists: list[tuple[int, int]] = field(default_factory=list)  # (start, end) lines
    items: list[tuple[int, int]] = field(default_factory=list)  # (line, depth)
    # Every list item, nested ones too, for the layout recognisers (layouts/).
    item_blocks: list[ListItemBlock] = field(default_factory=list)


def parse(text: str, path: str = "<text>", *, entries: bool = True) -> Document:
    """Parse ``text``. With ``entries=False`` no entries or items are recognised (rules that
    read only lines, headings and links do not need them)."""
    want_entries = entries
    text = normalize(text)
    lines = text.split("\n")
    if text.endswith("\n"):
        lines.pop()
    blocks, lists, opaque = _blocks(text, len(lines))
    links: list[Link] = []
    entries: list[Entry] = []
    slugger = Slugger()
    headings: list[Heading] = []
    current_slug = ""
    pending_code: _Block | None = None
    for i, b in enumerate(blocks):
        block_lines = lines[b.start - 1 : b.end]
        if b.kind == "heading":
            raw = b.raw
            text_ = heading_text(raw)
            slug = slugger.slug(text_)
            line_text = lines[b.start - 1]
            headings.append(
                Heading(
                    b.level,
                    text_,
                    raw,
                    slug,
                    Span(b.start, 1, b.start, len(line_text) + 1),
                    b.start,
                )
            )
            current_slug = slug
            links.extend(links_in_block(b.start, [line_text]))
            continue
        if b.kind == "code":
            nxt = blocks[i + 1] if i + 1 < len(blocks) else None
            if (
                b.indented
                and nxt is not None
                and nxt.kind == "paragraph"
                and nxt.start == b.end + 1
            ):
                # A title indented 4+ spaces after a blank line renders as code, and the
                # rest of its entry as a paragraph: still one entry, reported by a rule.
                lead = [ln for ln in block_lines if ln.strip()]
                if lead and lead[0].lstrip().startswith("**"):
                    pending_code = b
            continue
        if b.kind == "html" and block_lines and block_lines[0].lstrip().startswith("<!--"):
            continue
        block_links = links_in_block(b.start, block_lines)
        links.extend(block_links)
        if b.kind != "paragraph" or not want_entries:
            continue
        prefix = strip_bullet(block_lines[0]) if b.item_start else 0
        raw = [
            RawLine(b.start + k, ln, prefix if k == 0 else 0) for k, ln in enumerate(block_lines)
        ]
        if pending_code is not None:
            code_lines = lines[pending_code.start - 1 : pending_code.end]
            code_links = links_in_block(pending_code.start, code_lines)
            links.extend(code_links)
            raw = [
                RawLine(pending_code.start + k, ln, 0)
                for k, ln in enumerate(code_lines)
                if ln.strip()
            ] + raw
            block_links = code_links + block_links
            pending_code = None
        entries.extend(split_entries(raw, block_links, current_slug))
    tables = [TableBlock(b.start, b.end) for b in blocks if b.kind == "table"]
    more, items = (
        extract_layouts(lines, lists.item_blocks, tables, links, headings, entries, opaque)
        if want_entries
        else ([], [])
    )
    if more:
        entries = sorted(entries + more, key=lambda e: e.line)
    anchors = {h.slug for h in headings}
    comments = []
    index = LineIndex(text)
    code = {n for b in blocks if b.kind == "code" for n in range(b.start, b.end + 1)}
    for m in _COMMENT.finditer(text):
        line = index.line_of(m.start())
        if line not in code:
            comments.append((line, m.group(1)))
    for m in _HTML_ANCHOR.finditer(text):
        if index.line_of(m.start()) not in code:
            anchors.add(m.group(1))
    toc, toc_line = _toc(lists, links)
    sections = _sections(headings, entries, lines, opaque)
    return Document(
        path=path,
        text=text,
        lines=tuple(lines),
        headings=tuple(headings),
        sections=sections,
        entries=tuple(entries),
        links=tuple(links),
        toc=tuple(toc),
        toc_line=toc_line,
        anchors=frozenset(anchors),
        opaque_lines=frozenset(opaque),
        comments=tuple(comments),
        items=tuple(items),
    )


def _blocks(text: str, n_lines: int) -> tuple[list[_Block], _Lists, set[int]]:
    tokens = _markdown().parse(text)
    blocks: list[_Block] = []
    lists = _Lists()
    opaque: set[int] = set()
    depth = 0
    pending_item = False
    list_stack: list[tuple[int, bool]] = []  # (first line, ordered) of the open lists
    item_stack: list[int] = []  # indices into lists.item_blocks of the open items
    for i, tok in enumerate(tokens):
        t = tok.type
        if t in ("bullet_list_open", "ordered_list_open"):
            depth += 1
            list_stack.append(((tok.map[0] + 1) if tok.map else 0, t == "ordered_list_open"))
            if depth == 1 and tok.map:
                lists.lists.append((tok.map[0] + 1, tok.map[1]))
        elif t in ("bullet_list_close", "ordered_list_close"):
            depth -= 1
            list_stack.pop()
        elif t == "list_item_open":
            pending_item = True
            if tok.map:
                lists.items.append((tok.map[0] + 1, depth - 1))
                start, ordered = list_stack[-1]
                parent = item_stack[-1] if item_stack else None
                lists.item_blocks.append(
                    ListItemBlock(
                        tok.map[0] + 1,
                        min(tok.map[1], n_lines),
                        depth - 1,
                        ordered,
                        start,
                        None,
                        parent,
                    )
                )
            item_stack.append(len(lists.item_blocks) - 1 if tok.map else -1)
        elif t == "list_item_close":
            item_stack.pop()
        elif tok.map is None:
            continue
        elif t == "heading_open":
            blocks.append(
                _Block(
                    "heading",
                    tok.map[0] + 1,
                    tok.map[1],
                    level=int(tok.tag[1:]),
                    raw=tokens[i + 1].content,
                )
            )
        elif t == "paragraph_open":
            blocks.append(_Block("paragraph", tok.map[0] + 1, tok.map[1], item_start=pending_item))
            if pending_item and item_stack and item_stack[-1] >= 0:
                k = item_stack[-1]
                lists.item_blocks[k] = dataclasses.replace(
                    lists.item_blocks[k], paragraph=(tok.map[0] + 1, tok.map[1])
                )
            pending_item = False
        elif t in ("fence", "code_block"):
            blocks.append(
                _Block(
                    "code",
                    tok.map[0] + 1,
                    min(tok.map[1], n_lines),
                    indented=t == "code_block",
                )
            )
            opaque.update(range(tok.map[0] + 1, tok.map[1] + 1))
            pending_item = False
        elif t == "html_block":
            blocks.append(_Block("html", tok.map[0] + 1, tok.map[1]))
            opaque.update(range(tok.map[0] + 1, tok.map[1] + 1))
            pending_item = False
        elif t == "table_open":
            blocks.append(_Block("table", tok.map[0] + 1, tok.map[1]))
    return blocks, lists, opaque


def _toc(lists: _Lists, links: list[Link]) -> tuple[list[TocItem], int | None]:
    """The first list made of in-page links, and the anchor lists right after it."""
    by_line: dict[int, Link] = {}
    for ln in links:
        by_line.setdefault(ln.line, ln)
    toc: list[TocItem] = []
    toc_line = None
    last_end = None
    for start, end in lists.lists:
        items = [(line, d) for line, d in lists.items if start <= line <= end]
        anchored = [
            (line, d) for line, d in items if line in by_line and by_line[line].url.startswith("#")
        ]
        if len(anchored) < 2 or len(anchored) < 0.8 * len(items):
            if toc:
                break
            continue
        if toc and last_end is not None and start - last_end > 3:
            break
        if toc_line is None:
            toc_line = start
        for line, d in anchored:
            lk = by_line[line]
            toc.append(TocItem(lk.label, lk.url[1:], d, lk))
        last_end = end
    return toc, toc_line


def _sections(
    headings: list[Heading], entries: list[Entry], lines: list[str], opaque: set[int]
) -> tuple[Section, ...]:
    """The heading tree. Each section's body runs to the next heading of any level."""
    n = len(lines)
    starts = [h.line for h in headings]
    bounds = []
    for i, h in enumerate(headings):
        body_end = (starts[i + 1] - 1) if i + 1 < len(starts) else n
        bounds.append((h.line + 1, body_end))
    pre_end = (starts[0] - 1) if starts else n

    def has_content(lo: int, hi: int) -> bool:
        for no in range(lo, hi + 1):
            s = lines[no - 1].strip()
            if not s or _HR.match(lines[no - 1]):
                continue
            if s.startswith("<!--") and s.endswith("-->"):
                continue
            return True
        return False

    entry_lines = [e.line for e in entries]  # entries come in document order

    def entries_in(lo: int, hi: int) -> tuple[Entry, ...]:
        return tuple(entries[bisect_left(entry_lines, lo) : bisect_right(entry_lines, hi)])

    # Build bottom-up with an explicit stack (no recursion: headings may be many).
    root_children: list[Section] = []
    stack: list[tuple[Heading, tuple[int, int], list[Section]]] = []

    def close_one() -> None:
        h, (lo, hi), children = stack.pop()
        sec = Section(h, entries_in(lo, hi), tuple(children), (lo, hi), has_content(lo, hi))
        (stack[-1][2] if stack else root_children).append(sec)

    for h, b in zip(headings, bounds):
        while stack and stack[-1][0].level >= h.level:
            close_one()
        stack.append((h, b, []))
    while stack:
        close_one()
    preamble = Section(None, entries_in(1, pre_end), (), (1, pre_end), has_content(1, pre_end))
    return (preamble, *root_children)
