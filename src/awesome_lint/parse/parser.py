"""Markdown text -> Document. The only module that imports markdown-it-py.

markdown-it-py parses the block structure (its inline pass is switched off: it costs four
times the block pass and gives no columns). Inline positions are computed from the source
by ``inline.py``; entries are recognised by ``entries.py``.
"""

from __future__ import annotations

import re
import types
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate, chain, count, repeat
from operator import add, sub
from urllib.parse import unquote

from ..lazy import lazy_regex
from ..model import Document, Entry, Heading, LineIndex, Link, Section, Span, TocItem
from .entries import RawLine, split_entries, strip_bullet
from .htmltags import tag_at
from .inline import definitions, html_links, scan_lines
from .layouts.extract import extract as extract_layouts
from .layouts.roles import venue_from_link
from .layouts.structure import ListItemBlock, TableBlock
from .slug import Slugger, heading_text

_HR = lazy_regex(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
# markdown-it-py's own limit; deeper nesting is rendered flat, never a recursion error.
MAX_NESTING = 50


# Block rules that cannot start a block in a text without these characters. Each is tried at
# every line start and, as a paragraph terminator, at every paragraph line: switched off where
# the text lacks them (a dense list has none of "|", "`", ">", "<"), the tokens are the same.
_RULE_NEEDS = (("table", ("|",)), ("fence", ("```", "~~~")), ("blockquote", (">",)),
               ("html_block", ("<",)), ("heading", ("#",)))  # fmt: skip
# A setext underline ("===" or "---" alone on its line, after any indentation or ">").
# Both are matched in the text with a line feed put before and after it: a pattern that
# starts with "\n" is looked for at line feeds only, where "^" in multiline mode is tried at
# every character.
_UNDERLINE = lazy_regex(r"\n[ \t>]*(?:=+|-+)[ \t]*(?=\n)")
_BLANK = lazy_regex(r"\n[ \t]*(?=\n)")
_SETEXT_KEY = "awesome_lint.setext"  # env key: (underline lines, blank lines), 0-based


def _markdown(text: str | None = None):
    """markdown-it-py with the block rules ``text`` can use (every rule without a text)."""
    if text is None:
        return _markdown_without((), False)
    off = tuple(name for name, marks in _RULE_NEEDS if not any(m in text for m in marks))
    # Its "normalize" rule turns CR and CRLF into LF and NUL into U+FFFD with a substitution
    # at every line end (15,000 on a 700 KB list): a text without CR or NUL it leaves as is.
    return _markdown_without(off, "\r" not in text and "\0" not in text)


@lru_cache(maxsize=8)
def _markdown_without(off: tuple[str, ...], normalized: bool):
    from .markdown import MarkdownIt

    md = MarkdownIt("commonmark", {"maxNesting": MAX_NESTING}).enable("table")
    # (text_join joins the children of inline tokens: without the inline pass there are none)
    md.disable(["inline", "text_join", *off, *(("normalize",) if normalized else ())])
    for rule in md.block.ruler.__rules__:
        if "LOGGER" in rule.fn.__globals__:
            md.block.ruler.at(rule.name, _without_logging(rule.fn), {"alt": list(rule.alt)})
    plain_lheading = md.block.ruler.__rules__[md.block.ruler.__find__("lheading")].fn

    def lheading(state, start: int, end: int, silent: bool) -> bool:
        # markdown-it tries a setext heading at every paragraph, walking its lines with every
        # terminator rule, before the paragraph rule walks them again. It can succeed only
        # when an underline line comes before the next blank line: two bisects decide.
        lines = state.env.get(_SETEXT_KEY) if isinstance(state.env, dict) else None
        if lines is None:
            return plain_lheading(state, start, end, silent)
        underlines, blanks = lines
        k = bisect_right(underlines, start)
        if k == len(underlines) or underlines[k] >= end:
            return False
        b = bisect_right(blanks, start)
        if b < len(blanks) and blanks[b] < underlines[k]:
            return False
        return plain_lheading(state, start, end, silent)

    md.block.ruler.at("lheading", lheading)
    if "table" not in off:
        table = md.block.ruler.__rules__[md.block.ruler.__find__("table")]
        # (at() without options would drop the rule's alt chains: a table could no longer
        # end a paragraph)
        md.block.ruler.at("table", _table_rule(table.fn), {"alt": list(table.alt)})
    paragraph, terminators = _paragraph_rule()
    md.block.ruler.at("paragraph", paragraph)
    _dispatch_by_first_character(md.block.ruler)
    terminators.extend(md.block.ruler.getRules("paragraph"))
    md.block.parse = types.MethodType(_parse_blocks, md.block)
    return md


def _parse_blocks(self, src: str, md, env, tokens: list):
    """markdown-it's ParserBlock.parse with its line tables made by ``_block_state``."""
    if not src:
        return None
    state = _block_state(src, md, env, tokens)
    self.tokenize(state, state.line, state.lineMax)
    return state.tokens


def _block_state(src: str, md, env, tokens: list):
    """markdown-it's StateBlock for ``src``: its line tables (where each line begins and ends,
    its indentation) are made by str methods mapped over the lines, in C, where its own
    constructor takes a Python step per line (test_parser.py compares them)."""
    from markdown_it.rules_block import StateBlock

    state = StateBlock("", md, env, tokens)
    state.src = src
    pieces = src.split("\n")
    # No line after a final LF, nor for a last line of only blanks without one.
    if src.endswith("\n") or not pieces[-1].strip(" \t"):
        pieces.pop()
    lens = list(map(len, pieces))
    starts = list(accumulate(map((1).__add__, lens), initial=0))
    starts.pop()
    shifts = list(map(sub, lens, map(len, map(str.lstrip, pieces, repeat(" \t")))))
    counts = list(shifts)
    if "\t" in src:
        for k, piece in enumerate(pieces):
            if "\t" in piece[: shifts[k]]:
                offset = 0
                for ch in piece[: shifts[k]]:
                    offset += 4 - offset % 4 if ch == "\t" else 1
                counts[k] = offset
    length = len(src)
    state.bMarks = [*starts, length]
    state.eMarks = [*map(add, starts, lens), length]
    state.tShift = [*shifts, 0]
    state.sCount = [*counts, 0]
    state.bsCount = [0] * (len(pieces) + 1)
    state.lineMax = len(pieces)
    state.first_columns = state.bMarks[:]  # bMarks as made (list items and quotes move them)
    if _TOKEN_FIELDS_KNOWN():
        state.push = _pusher(state)
    return state


# The fields of markdown-it's Token that _pusher sets, in its dataclass's order.
_TOKEN_FIELDS = ("type", "tag", "nesting", "attrs", "map", "level", "children", "content",
                 "markup", "info", "meta", "block", "hidden")  # fmt: skip


@lru_cache(maxsize=1)
def _TOKEN_FIELDS_KNOWN() -> bool:
    """Whether the installed markdown-it's Token has exactly the fields _pusher sets (any
    other version keeps its own push)."""
    import dataclasses

    from markdown_it.token import Token

    return tuple(f.name for f in dataclasses.fields(Token)) == _TOKEN_FIELDS


def _pusher(state):
    """StateBlock.push for ``state`` making each Token with its fields set one by one: what
    the dataclass's constructor and __post_init__ give (test_parser.py compares whole
    tokens), without their calls (10,000 tokens on a 700 KB list)."""
    from markdown_it.token import Token

    new = object.__new__

    def push(ttype: str, tag: str, nesting: int):
        token = new(Token)
        token.type = ttype
        token.tag = tag
        token.nesting = nesting
        token.attrs = {}
        token.map = None
        token.children = None
        token.content = ""
        token.markup = ""
        token.info = ""
        token.meta = {}
        token.block = True
        token.hidden = False
        if nesting < 0:
            state.level -= 1  # closing tag
        token.level = state.level
        if nesting > 0:
            state.level += 1  # opening tag
        state.tokens.append(token)
        return token

    return push


def _paragraph_rule():
    """markdown-it's paragraph rule, calling the terminator rules only at a line whose first
    character can start one (the dispatcher would try none at the others), and cutting a
    top-level paragraph's text out of the source in one slice rather than line by line.
    Returns the rule and the list to put the "paragraph" chain's dispatcher in."""
    try:
        from markdown_it.common.utils import mdTrim
    except ImportError:  # markdown-it-py 3: its paragraph rule strips with str.strip
        mdTrim = str.strip  # noqa: N806

    terminators: list = []

    def paragraph(state, startLine: int, endLine: int, silent: bool) -> bool:
        nextLine = startLine + 1
        endLine = state.lineMax
        oldParentType = state.parentType
        state.parentType = "paragraph"
        src, bMarks, eMarks, tShift, sCount = (
            state.src, state.bMarks, state.eMarks, state.tShift, state.sCount
        )  # fmt: skip
        blk = state.blkIndent
        term = terminators[0] if terminators else None
        calls = term.calls if term is not None else {}
        other = term.other if term is not None else _NONE
        while nextLine < endLine:
            pos = bMarks[nextLine] + tShift[nextLine]
            if pos >= eMarks[nextLine]:
                break  # an empty line
            count = sCount[nextLine]
            # (a line indented as code, or the quirk for blockquotes: a lazy continuation)
            if count - blk > 3 or count < 0:
                nextLine += 1
                continue
            need = calls.get(src[pos])
            if need is None:
                if other is _TABLE_ONLY:
                    nxt = nextLine + 1
                    at = bMarks[nxt] + tShift[nxt] if nextLine + 2 <= endLine else -1
                    need = 0 <= at < eMarks[nxt] and src[at] in _TABLE_SECOND_LINE
                else:
                    need = other is _ANY
            if need and term(state, nextLine, endLine, True):
                break
            nextLine += 1
        first_columns = getattr(state, "first_columns", None)
        if (
            blk == 0
            and first_columns is not None
            and bMarks[startLine + 1 : nextLine] == first_columns[startLine + 1 : nextLine]
        ):
            # Consecutive source lines, none cut: getLines would join exactly this slice.
            content = mdTrim(src[bMarks[startLine] : eMarks[nextLine - 1]])
        else:
            content = mdTrim(state.getLines(startLine, nextLine, blk, False))
        state.line = nextLine
        token = state.push("paragraph_open", "p", 1)
        token.map = [startLine, state.line]
        token = state.push("inline", "", 0)
        token.content = content
        token.map = [startLine, state.line]
        token.children = []
        token = state.push("paragraph_close", "p", -1)
        state.parentType = oldParentType
        return True

    return paragraph, terminators


# A logger whose debug() does nothing, in C: str.format of "" takes any arguments.
_QUIET = types.SimpleNamespace(debug="".format)


def _without_logging(rule):
    """A copy of markdown-it's block rule ``rule`` whose LOGGER.debug("entering ...") at each
    call does nothing: two Python calls in logging per rule call (a rule is tried at every
    line), for a message nobody reads. The library's module is not touched."""
    scope = {**rule.__globals__, "LOGGER": _QUIET}
    quiet = types.FunctionType(
        rule.__code__, scope, rule.__name__, rule.__defaults__, rule.__closure__
    )
    quiet.__kwdefaults__ = rule.__kwdefaults__
    return quiet


def _split_cells(row: str, _plain_split=None) -> list[str]:
    """markdown-it's escapedSplit: a row cut at each "|" not after a backslash (which is
    dropped). Without an escaped pipe that is str.split, in C rather than a step per
    character; with one, markdown-it's own function."""
    if "\\|" in row:
        return _plain_split(row)
    return row.split("|")


def _table_rule(plain):
    """markdown-it's table rule ``plain`` reading its rows with ``_split_cells`` (a copy of
    the rule with its own globals: the library's module is not touched)."""
    import functools

    split = functools.partial(_split_cells, _plain_split=plain.__globals__["escapedSplit"])
    scope = {**plain.__globals__, "escapedSplit": split}
    return types.FunctionType(plain.__code__, scope, plain.__name__, plain.__defaults__)


# The characters a block of each kind can start with (after its indentation). markdown-it
# calls every block rule at every line start, and every terminator rule at every line of a
# paragraph (48,000 calls on a 700 KB list), though each rule first looks at that character
# and gives up. A line indented as code starts none of them; a table is known by its second
# line ("|", "-" or ":" first). Rules not named here are always called.
_FIRST_CHARS = {"fence": "`~", "blockquote": ">", "hr": "*-_", "list": "*-+0123456789",
                "reference": "[", "html_block": "<", "heading": "#"}  # fmt: skip
_TABLE_SECOND_LINE = "|-:"
# The marks that start only a thematic break or a bullet, and what may follow them there.
_BREAK_MARKS = "*-_+"
_BLANK_OR_MARKS = " \t*-_+"


def _dispatch_by_first_character(ruler) -> None:
    """Make each rule chain one rule that calls, in the chain's order, only the rules that
    can fire at the line's first character: the tokens are the same (test_parser.py)."""
    ruler.getRules("")  # compiles the chains
    names = {rule.fn: rule.name for rule in ruler.__rules__}
    code_enabled = "code" in ruler.get_active_rules()
    chains = {
        chain: [_dispatcher([(names.get(fn), fn) for fn in fns], code_enabled)] if fns else []
        for chain, fns in ruler.__cache__.items()
    }

    def get_rules(chainName: str = "") -> list:
        return chains.get(chainName, [])

    ruler.getRules = get_rules


def _dispatcher(rules: list[tuple[str | None, object]], code_enabled: bool):
    def can_start(name: str | None, ch: str | None) -> bool:
        if name == "code":
            return False  # only on an indented line, below
        return name not in _FIRST_CHARS or (ch is not None and ch in _FIRST_CHARS[name])

    # (rule, whether it is the table rule) in chain order, for a line starting with each
    # character that matters, with any other character, and indented as code.
    marks = {c for chars in _FIRST_CHARS.values() for c in chars}
    by_char = {c: tuple((fn, n == "table") for n, fn in rules if can_start(n, c)) for c in marks}
    other = tuple((fn, n == "table") for n, fn in rules if can_start(n, None))
    code = tuple((fn, False) for n, fn in rules if n not in _FIRST_CHARS and n != "table")

    def dispatch(state, line: int, end: int, silent: bool) -> bool:
        if code_enabled and state.sCount[line] - state.blkIndent >= 4:
            candidates = code
        else:
            pos = state.bMarks[line] + state.tShift[line]
            end_ = state.eMarks[line]
            if pos >= end_:
                candidates = other
            else:
                src = state.src
                ch = src[pos]
                candidates = by_char.get(ch, other)
                if ch in _BREAK_MARKS:
                    # "**Title**", "*Authors*", "-foo": after the mark (once or twice) a
                    # character other than the mark, a space or a tab starts neither a rule
                    # (only marks and blanks) nor a bullet (the mark, then a blank).
                    nxt = src[pos + 1] if pos + 1 < end_ else ""
                    if nxt == ch:
                        nxt = src[pos + 2] if pos + 2 < end_ else ""
                    if nxt not in _BLANK_OR_MARKS:
                        candidates = other
        for fn, table in candidates:
            if table:
                # The table rule's own first test: a second line that starts with |, - or :.
                nxt = line + 1
                if line + 2 > end:
                    continue
                at = state.bMarks[nxt] + state.tShift[nxt]
                if at >= state.eMarks[nxt] or state.src[at] not in _TABLE_SECOND_LINE:
                    continue
            if fn(state, line, end, silent):
                return True
        return False

    # For the paragraph rule: whether a line starting with a character would try any rule,
    # and what a line starting with any other character tries.
    dispatch.calls = {c: bool(cands) for c, cands in by_char.items()}
    if not other:
        dispatch.other = _NONE
    elif all(table for _, table in other):
        dispatch.other = _TABLE_ONLY
    else:
        dispatch.other = _ANY
    return dispatch


_NONE, _TABLE_ONLY, _ANY = "none", "table only", "any"


def normalize(text: str) -> str:
    """Remove a BOM and turn CRLF and lone CR into LF (positions are counted on the result)."""
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


@dataclass(slots=True)  # (one per block of the list: slots make and read it faster)
class _Block:
    """A block of the document: its kind, lines and place in lists."""

    kind: str  # paragraph, heading, html, table, code
    start: int  # 1-based first line
    end: int  # 1-based last line
    list_depth: int = 0  # lists around the block: 0 for a paragraph outside any list
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


def source_lines(text: str) -> tuple[str, list[str]]:
    """The document's text for ``text`` as read (``normalize``) and its lines (no empty one
    after a final newline)."""
    text = normalize(text)
    lines = text.split("\n")
    if text.endswith("\n"):
        lines.pop()
    return text, lines


def parse(text: str, path: str = "<text>", *, entries: bool = True) -> Document:
    """Parse ``text``. With ``entries=False`` no entries or items are recognised (rules that
    read only lines, headings and links do not need them)."""
    want_entries = entries
    text, lines = source_lines(text)
    env: dict = {}
    blocks, lists, opaque = _blocks(text, len(lines), env)
    refs = definitions(env.get("references", {}), lines)
    index = LineIndex(text)
    links: list[Link] = []
    comments: list[tuple[int, str]] = []
    entries: list[Entry] = []
    slugger = Slugger()
    headings: list[Heading] = []
    current_slug = ""
    pending_code: _Block | None = None
    loose: list[tuple[int, int]] = []  # paragraphs outside lists that hold no block entry
    for i, b in enumerate(blocks):
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
            found = scan_lines(index, b.start, b.start, refs)
            links.extend(found.links)
            comments.extend(found.comments)
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
                lead = [ln for ln in lines[b.start - 1 : b.end] if ln.strip()]
                if lead and lead[0].lstrip().startswith("**"):
                    pending_code = b
            continue
        if b.kind == "html":
            found = html_links(b.start, lines[b.start - 1 : b.end])
            links.extend(found.links)
            comments.extend(found.comments)
            continue
        found = scan_lines(index, b.start, b.end, refs)
        block_links = found.links
        links.extend(block_links)
        comments.extend(found.comments)
        if b.kind != "paragraph" or not want_entries:
            continue
        block_lines = lines[b.start - 1 : b.end]
        raw: list[RawLine] = []
        if pending_code is not None:
            code_lines = lines[pending_code.start - 1 : pending_code.end]
            code_links = scan_lines(index, pending_code.start, pending_code.end, refs).links
            links.extend(code_links)
            raw = [(pending_code.start + k, ln, 0) for k, ln in enumerate(code_lines) if ln.strip()]
            block_links = code_links + block_links
            pending_code = None
        # A one-line list item is read by the layouts (layouts/units.py read its parts by
        # content); the block reader assumes "**Title** [date] [venue]" and would take a bold
        # tag ("**[ICLR 2022]** Title", "**LaMDA**: \"Title\"") for the title.
        one_line_item = b.item_start and b.start == b.end
        if one_line_item:
            found = []
        else:
            prefix = strip_bullet(block_lines[0]) if b.item_start else 0
            raw += zip(count(b.start), block_lines, chain((prefix,), repeat(0)))
            found = split_entries(raw, block_links, current_slug)
        entries.extend(found)
        if not found and b.list_depth == 0:
            loose.append((b.start, b.end))
    tables = [TableBlock(b.start, b.end) for b in blocks if b.kind == "table"]
    more, items = (
        extract_layouts(lines, lists.item_blocks, tables, links, headings, entries, opaque, loose)
        if want_entries
        else ([], [])
    )
    if more:
        entries = sorted(entries + more, key=lambda e: e.line)
    if want_entries:
        entries = [venue_from_link(e) for e in entries]
    anchors = {h.slug for h in headings}
    comments.sort(key=lambda c: c[0])
    code = {n for b in blocks if b.kind == "code" for n in range(b.start, b.end + 1)}
    for tag in _anchor_tags(text):
        for attr in tag.attributes:
            if attr.name in ("name", "id") and attr.value and index.line_of(tag.start) not in code:
                anchors.add(attr.value)
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
        entries_read=want_entries,
        tables=tuple((t.start, t.end) for t in tables),
    )


def _anchor_tags(text: str) -> list:
    """The tags that can hold a name= or id= attribute: those around a "name=" or "id=".

    Which text is a tag does not depend on what comes before it (a tag runs from "<" to the
    next ">" with no "<" between: htmltags.py), so the tags around these words are the ones
    a reading of every tag would find with them, without reading the others (every <br> of
    a paper list; "?id=" in an OpenReview URL is enough to bring the word in). The words are
    found from each "=" back (a case-insensitive pattern is tried at every character).

    Linear in the text whatever it holds: the words come in order, so the last "<" and ">"
    before each are found by searching only the stretch since the previous word, and the
    next ">" after a "<" is searched again only once the words have passed it."""
    found = []
    last = -1  # the "<" of the last tag read
    seen = 0  # text[:seen] is searched for the last "<" and ">" before it
    lt_before = gt_before = -1
    gt_after, gt_from = -1, -1  # text.find(">", gt_from), kept while it lies ahead
    eq = text.find("=")
    while eq >= 0:
        j = eq
        while j > 0 and text[j - 1].isspace():
            j -= 1
        # An attribute named so is ASCII: no other text lower-cases to "name" or "id".
        word = text[max(0, j - 4) : j].lower()
        start = j - 4 if word == "name" else j - 2 if word[-2:] == "id" else -1
        if start > seen:
            lt_before = max(lt_before, text.rfind("<", seen, start))
            gt_before = max(gt_before, text.rfind(">", seen, start))
            seen = start
        lt = lt_before if start >= 0 else -1
        # (a "<" before it, whose tag does not close before it, not read already)
        if lt > last and gt_before < lt:
            last = lt
            if gt_from < 0 or gt_from > lt + 1 or 0 <= gt_after <= lt:
                gt_from, gt_after = lt + 1, text.find(">", lt + 1)
            gt = gt_after
            tag = tag_at(text, lt, gt, text.find("<", lt + 1, gt) if gt >= 0 else -1)
            if tag is not None:
                found.append(tag)
        eq = text.find("=", eq + 1)
    return found


def _line_numbers(pattern: re.Pattern, text: str) -> list[int]:
    """0-based numbers of the lines matching ``pattern`` (which starts with the line feed
    before the line), in one pass over the text."""
    padded = f"\n{text}\n"
    found, line, pos = [], 0, 0
    for m in pattern.finditer(padded):
        line += padded.count("\n", pos, m.start())
        pos = m.start()
        found.append(line)
    return found


def block_tokens(text: str, env: dict) -> list:
    """markdown-it-py's block tokens of ``text``: the same as its full block pass gives,
    with the rules that cannot fire in this text left out (``env`` gets the references)."""
    underlines = _line_numbers(_UNDERLINE, text)
    env[_SETEXT_KEY] = (underlines, _line_numbers(_BLANK, text) if underlines else [])
    try:
        return _markdown(text).parse(text, env)
    finally:
        del env[_SETEXT_KEY]


# Tokens _blocks has no use for (their lines are their opening token's).
_NOTHING_TO_READ = frozenset({"inline", "paragraph_close", "heading_close", "table_close"})


def _blocks(text: str, n_lines: int, env: dict) -> tuple[list[_Block], _Lists, set[int]]:
    tokens = block_tokens(text, env)
    blocks: list[_Block] = []
    lists = _Lists()
    opaque: set[int] = set()
    depth = 0
    pending_item = False
    list_stack: list[tuple[int, bool]] = []  # (first line, ordered) of the open lists
    item_stack: list[int] = []  # indices into lists.item_blocks of the open items
    for i, tok in enumerate(tokens):
        t = tok.type
        if t in _NOTHING_TO_READ:
            continue  # a third of the tokens: a paragraph's inline and closing tokens
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
                    list_depth=depth,
                )
            )
        elif t == "paragraph_open":
            # (kind, start, end, list_depth, item_start): positional, one per paragraph
            blocks.append(_Block("paragraph", tok.map[0] + 1, tok.map[1], depth, pending_item))
            if pending_item and item_stack and item_stack[-1] >= 0:
                k = item_stack[-1]
                b = lists.item_blocks[k]  # its constructor: dataclasses.replace costs 10x more
                lists.item_blocks[k] = ListItemBlock(
                    b.start, b.end, b.depth, b.ordered, b.list_start, (tok.map[0] + 1, tok.map[1]),
                    b.parent,
                )  # fmt: skip
            pending_item = False
        elif t in ("fence", "code_block"):
            blocks.append(
                _Block(
                    "code",
                    tok.map[0] + 1,
                    min(tok.map[1], n_lines),
                    list_depth=depth,
                    indented=t == "code_block",
                )
            )
            opaque.update(range(tok.map[0] + 1, tok.map[1] + 1))
            pending_item = False
        elif t == "html_block":
            blocks.append(_Block("html", tok.map[0] + 1, tok.map[1], list_depth=depth))
            opaque.update(range(tok.map[0] + 1, tok.map[1] + 1))
            pending_item = False
        elif t == "table_open":
            blocks.append(_Block("table", tok.map[0] + 1, tok.map[1], list_depth=depth))
    return blocks, lists, opaque


def _toc(lists: _Lists, links: list[Link]) -> tuple[list[TocItem], int | None]:
    """The first list made of in-page links, and the anchor lists right after it."""
    by_line: dict[int, Link] = {}
    for ln in links:
        by_line.setdefault(ln.line, ln)
    toc: list[TocItem] = []
    toc_line = None
    last_end = None
    item_lines = [line for line, _ in lists.items]  # in document order
    for start, end in lists.lists:
        items = lists.items[bisect_left(item_lines, start) : bisect_right(item_lines, end)]
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
            # GitHub (like any browser) matches a percent-encoded fragment by its decoded
            # form: mdformat writes #%EF%B8%8F-contributors for #\ufe0f-contributors.
            toc.append(TocItem(lk.label, unquote(lk.url[1:]), d, lk))
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
