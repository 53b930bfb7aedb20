"""parse/markdown.py: the parser's ``MarkdownIt`` makes its HTML renderer on first use (the
renderer's constructor loads ``inspect``, which the command line's process defers), and is
otherwise markdown-it-py's."""

from __future__ import annotations

import markdown_it
import pytest
from markdown_it.renderer import RendererHTML

from awesome_lint.parse.markdown import MarkdownIt

from .test_console import run

TEXT = "# Title\n\n- **A** [x](https://a.example) <br>\n- *b*\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"


def test_it_parses_and_renders_as_markdown_it_does():
    ours = MarkdownIt("commonmark", {"maxNesting": 20}).enable("table")
    theirs = markdown_it.MarkdownIt("commonmark", {"maxNesting": 20}).enable("table")
    assert [t.as_dict() for t in ours.parse(TEXT)] == [t.as_dict() for t in theirs.parse(TEXT)]
    assert "_renderer" in vars(ours) and vars(ours)["_renderer"] is None  # not made yet
    assert ours.render(TEXT) == theirs.render(TEXT)
    assert type(ours.renderer) is RendererHTML and ours["renderer"] is ours.renderer
    assert ours["block"] is ours.block and ours["inline"] is ours.inline
    assert ours["core"] is ours.core
    with pytest.raises(KeyError):
        ours["renderers"]


def test_a_renderer_set_is_the_one_used():
    md = MarkdownIt()
    mine = RendererHTML(md)
    md.renderer = mine
    assert md.renderer is mine and md["renderer"] is mine


def test_parsing_leaves_inspect_unloaded_and_rendering_loads_it():
    code = """
        import sys
        from awesome_lint.lazy import DeferredModule, defer_modules, document_dataclasses_on_read
        defer_modules(["inspect"])
        import dataclasses  # markdown-it-py has two dataclasses without a docstring
        document_dataclasses_on_read(dataclasses)
        from awesome_lint.parse.markdown import MarkdownIt
        md = MarkdownIt("commonmark").enable("table")
        tokens = md.parse("# a\\n\\n- b\\n")
        md.block.ruler.getRules("")
        assert isinstance(sys.modules["inspect"], DeferredModule), "loaded by parsing"
        assert md.render("*x*") == "<p><em>x</em></p>\\n"
        assert not isinstance(sys.modules["inspect"], DeferredModule)
        print("ok")
        """
    proc = run(code, untraced=True)
    assert proc.stdout == "ok\n", proc.stderr
