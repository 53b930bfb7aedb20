"""Untrusted text in comments: no pings, no HTML, no breaking out of code or suggestions."""

import re

from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from awesome_lint.github.markdown import ZWJ, cap, code_fence, md_code, md_message, md_text

md = MarkdownIt("commonmark").enable("table")


def test_mentions_and_issue_references_are_broken():
    out = md_text("thanks @octocat and @org/team, see #12")
    assert "@octocat" not in out and f"@{ZWJ}octocat" in out
    assert f"@{ZWJ}org/team" in out
    assert f"#{ZWJ}12" in out


def test_html_is_escaped():
    out = md_text("<img src=x onerror=alert(1)> <!-- awesome-lint:summary --> <details>")
    html = md.render(out)
    assert "<img" not in html and "<!--" not in html and "<details" not in html
    assert "&lt;img" in html


def test_markdown_syntax_is_literal():
    src = "**bold** [link](https://evil.example) ![i](x) `code` | pipe ~~s~~"
    html = md.render(md_text(src))
    assert "<strong>" not in html and "<a " not in html and "<img" not in html
    assert "<code>" not in html and "<del>" not in html


def test_newlines_cannot_start_new_blocks():
    out = md_text("one\n# heading\n\n- item")
    assert "\n" not in out
    assert "<h1>" not in md.render(out)


def test_code_span_survives_backticks_and_pipes():
    text = "a `` b ` c | d"
    out = md_code(text, in_table=True)
    row = md.render(f"| x |\n|---|\n| {out} |")
    assert row.count("<td>") == 1
    assert "<code>a `` b ` c | d</code>" in row


def test_message_quotes_become_code_and_the_rest_is_inert():
    html = md.render(md_message("wrong ordinal `23th` for @someone <b>"))
    assert "<code>23th</code>" in html
    assert "<b>" not in html and "@someone" not in html


def test_unbalanced_backticks_are_all_inert():
    html = md.render(md_message("a `b c"))
    assert "<code>" not in html


def test_suggestion_fence_cannot_be_closed_from_inside():
    content = "line\n```\n````\nafter"
    block = code_fence(content, "suggestion")
    tokens = md.parse(block)
    fences = [t for t in tokens if t.type == "fence"]
    assert len(fences) == 1 and fences[0].info == "suggestion"
    assert fences[0].content == content + "\n"


# markdown-it turns NUL into U+FFFD and CR into a line break, as GitHub does.
@given(st.text(st.characters(blacklist_characters="\x00\r")))
def test_any_text_stays_inside_its_suggestion_block(content):
    tokens = md.parse(code_fence(content, "suggestion") + "\n\nafter")
    fences = [t for t in tokens if t.type == "fence"]
    assert len(fences) == 1
    assert fences[0].content.rstrip("\n") == content.rstrip("\n")


@given(st.text())
def test_any_text_renders_without_html_or_links(text):
    html = md.render(md_text(text))
    assert not re.search(r"<(?!/?p>|br />)", html.replace("&lt;", "")), html
    assert not re.search(r"@[A-Za-z0-9_]", md_text(text))


def test_cap_cuts_on_a_line_and_says_so():
    text = "\n".join(f"line {i}" for i in range(1000))
    out = cap(text, 200)
    assert len(out) <= 200 and out.endswith("*(truncated)*")
    assert cap("short", 200) == "short"


def test_message_keeps_spaces_around_quotes():
    assert md_message("a `x` b") == "a `x` b"
