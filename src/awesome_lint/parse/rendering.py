"""What markdown-it makes of a text, for checking that a fix changed nothing else: the
block structure, and a paragraph's lines rendered to HTML."""

from __future__ import annotations

from functools import lru_cache

from markdown_it import MarkdownIt

from .parser import MAX_NESTING, _markdown


def block_structure(text: str) -> list[tuple[str, str, int, int]]:
    """Leaf and container blocks as markdown-it sees them: (type, markup, first, last line)."""
    out = []
    for tok in _markdown().parse(text):
        if tok.map is not None:
            out.append((tok.type, tok.markup, tok.map[0] + 1, tok.map[1]))
    return out


def render_lines(lines: list[str]) -> list[str] | None:
    """A paragraph's lines rendered to HTML, one string per source line (markdown-it ends
    each source line with a line break in its output); None when that does not hold."""
    html = _inline_renderer().renderInline("\n".join(lines))
    out = html.split("\n")
    return out if len(out) == len(lines) else None


@lru_cache(maxsize=1)
def _inline_renderer() -> MarkdownIt:
    # One instance for every paragraph: building one costs more than rendering a line, and
    # --fix renders every edited paragraph twice.
    return MarkdownIt("commonmark", {"maxNesting": MAX_NESTING, "html": True})
