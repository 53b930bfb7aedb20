"""An mdformat plugin that leaves an awesome list's entries exactly as they are written.

Plain mdformat re-renders every block: ``[[Paper](u)]`` becomes ``\\[[Paper](u)\\]``, ``*``
bullets become ``-``, blank lines between entries go. With this plugin installed, every
top-level block (paragraph, list, table, quote) that holds a recognised entry or classic
item is printed as its source lines, and mdformat formats everything else.

How: a core rule, run after markdown-it has built the tokens mdformat renders, replaces the
tokens of each kept block by one ``awesome_lint_verbatim`` token whose content is the
block's source lines; ``RENDERERS`` prints that content. The rule does nothing when the
tokens are rendered to HTML, so mdformat's own check (source and result render the same
HTML) compares the real documents, kept blocks included.

Whole top-level blocks are kept, never parts of one: a list item cannot keep its bullet
while mdformat re-indents the list around it. Two things around a kept block can still
change what it means, and keep more to prevent it:

- consecutive lists of one kind are told apart only by their markers (mdformat alternates
  ``-`` and ``*``), so a run of adjacent lists is kept or formatted as a whole;
- a kept block that starts indented may only follow a list in its source form (after a
  re-indented list it could become part of the list's last item).

This module imports markdown-it (the tokens it rewrites): it is the one module outside
``parse/`` that does, and the import-linter contract "only parse/ imports markdown_it" must
name it as its exception. What an entry is comes from the parser through the public
``awesome_lint.entry_line_ranges``.

Options, in ``.mdformat.toml``::

    [plugin.awesome-lint]
    keep = ["entries", "tables"]   # default ["entries"]; "tables": every pipe table too

or on the command line: ``mdformat --keep tables README.md``.
"""

from __future__ import annotations

import argparse
from collections.abc import Mapping, Sequence
from typing import Any

from markdown_it.token import Token

PLUGIN_ID = "awesome-lint"
VERBATIM = "awesome_lint_verbatim"
PARTS = ("entries", "tables")
_LISTS = ("bullet_list", "ordered_list")


def add_cli_argument_group(group: argparse._ArgumentGroup) -> None:
    group.add_argument(
        "--keep",
        action="append",
        choices=PARTS,
        default=None,  # mdformat merges the command line over .mdformat.toml only for None
        help='keep these verbatim besides entries (repeatable; "entries" is always kept)',
    )


def keep_tables(options: Mapping[str, Any]) -> bool:
    """Whether tables are kept, from mdformat's options; a bad value stops mdformat."""
    settings = options.get("mdformat", {}).get("plugin", {}).get(PLUGIN_ID, {})
    keep = settings.get("keep", ["entries"])
    if isinstance(keep, str):
        keep = [keep]
    unknown = [p for p in keep if p not in PARTS] if isinstance(keep, list) else [keep]
    if unknown:
        where = options.get("mdformat", {}).get("filename") or "<stdin>"
        raise SystemExit(
            f"Error: {where}: [plugin.{PLUGIN_ID}] keep: {unknown[0]!r} is not one of "
            f"{', '.join(PARTS)}"
        )
    return "tables" in keep


def update_mdit(mdit) -> None:
    keep_tables(mdit.options)  # a bad option fails before any file is formatted
    mdit.core.ruler.push(VERBATIM, _keep_blocks)


def _render_verbatim(node, context) -> str:
    # The links of a kept block still need their reference definitions, which mdformat
    # writes at the end of the document only for labels it saw used.
    context.env["used_refs"].update(node.meta.get("refs", ()))
    return node.content


def _strip_heading(text: str, node, context) -> str:
    # mdformat prints an empty heading as "## " (trailing space); "##" is the same heading.
    return text.rstrip()


RENDERERS = {VERBATIM: _render_verbatim}
POSTPROCESSORS = {"heading": _strip_heading}


def _keep_blocks(state) -> None:
    if getattr(state.md.renderer, "__output__", None) != "md":
        return  # rendering HTML (mdformat's equivalence check): leave the document alone
    from . import entry_line_ranges

    ranges = entry_line_ranges(state.src, tables=keep_tables(state.md.options))
    if not ranges:
        return
    kept_lines = _line_set(ranges)
    blocks = _top_level_blocks(state.tokens)
    keep = [any(n in kept_lines for n in range(b.first, b.stop)) for b in blocks]
    lines = state.src.split("\n")
    _widen(blocks, keep, lines)
    out: list = []
    run: list[_Block] = []  # kept blocks printed as one, with the source between them
    for block, kept in zip(blocks, keep):
        if kept and block.first >= 0 and (not run or _one_piece(run[-1], block, lines)):
            run.append(block)
            continue
        if run:
            out.append(_verbatim_token(run, state.tokens, lines))
            run = []
        if kept and block.first >= 0:
            run.append(block)
        else:
            out.extend(state.tokens[block.start : block.end])
    if run:
        out.append(_verbatim_token(run, state.tokens, lines))
    state.tokens[:] = out


class _Block:
    """A top-level block: its tokens ``tokens[start:end]`` and its source lines."""

    __slots__ = ("start", "end", "kind", "first", "stop")

    def __init__(self, start: int, end: int, kind: str, first: int, stop: int):
        self.start, self.end, self.kind = start, end, kind
        self.first, self.stop = first, stop  # 0-based lines [first, stop), markdown-it's map


def _top_level_blocks(tokens: Sequence) -> list[_Block]:
    blocks: list[_Block] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        j = i + 1
        if tok.nesting == 1:
            depth = 1
            while j < len(tokens) and depth:
                depth += tokens[j].nesting
                j += 1
        first, stop = tok.map if tok.map else (-1, -1)
        kind = tok.type[: -len("_open")] if tok.type.endswith("_open") else tok.type
        blocks.append(_Block(i, j, kind, first, stop))
        i = j
    return blocks


def _line_set(ranges: Sequence[tuple[int, int]]) -> set[int]:
    """0-based numbers of the lines in the 1-based inclusive ``ranges``."""
    return {n - 1 for first, last in ranges for n in range(first, last + 1)}


def _widen(blocks: list[_Block], keep: list[bool], lines: list[str]) -> None:
    """Keep the neighbours whose formatting would change what a kept block means."""
    changed = True
    while changed:
        changed = False
        for i, block in enumerate(blocks):
            if keep[i] or block.kind not in _LISTS:
                continue
            prv_kept = i > 0 and keep[i - 1] and blocks[i - 1].kind == block.kind
            nxt = blocks[i + 1] if i + 1 < len(blocks) else None
            nxt_kept = nxt is not None and keep[i + 1]
            if (
                prv_kept
                or (nxt_kept and nxt.kind == block.kind)
                or (nxt_kept and lines[nxt.first][:1] in (" ", "\t"))
            ):
                keep[i] = changed = True


def _one_piece(before: _Block, after: _Block, lines: list[str]) -> bool:
    """Whether two kept blocks must be printed with the source between them, not "\n\n".

    Blocks with no blank line between them (an entry whose indented title parsed as code,
    its authors as a paragraph): "\n\n" would split the entry. Two lists of one kind, or a
    list and an indented block: what kept them apart in the source may be a reference
    definition between them, which mdformat moves to the end of the document (or drops,
    unused), and the two would run into one list (the indented block into its last item).
    """
    if before.stop == after.first:
        return True
    return before.kind in _LISTS and (
        after.kind == before.kind or lines[after.first][:1] in (" ", "\t")
    )


def _verbatim_token(run: Sequence[_Block], tokens: Sequence, lines: list[str]) -> Token:
    first, stop = run[0].first, run[-1].stop
    source = lines[first:stop]
    while source and not source[-1].strip():
        source.pop()  # a list's map runs over the blank lines after it
    token = Token(VERBATIM, "", 0)
    token.block = True
    token.map = [first, stop]
    token.content = "\n".join(source)
    token.meta = {"refs": sorted(_reference_labels(tokens[run[0].start : run[-1].end]))}
    return token


def _reference_labels(tokens: Sequence) -> set[str]:
    labels: set[str] = set()
    stack = list(tokens)
    while stack:
        tok = stack.pop()
        label = (tok.meta or {}).get("label")
        if label and tok.type in ("link_open", "image"):
            labels.add(label)
        if tok.children:
            stack.extend(tok.children)
    return labels
