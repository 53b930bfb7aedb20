"""Property tests for the mdformat plugin on lists assembled from awkward pieces.

Documents are made of real entry shapes (block, bullet, title-date, table, classic items)
mixed with what sits around them in real lists: headings, prose with brackets, lists with
other markers, indented lines, whitespace-only lines, reference definitions. For each,
through mdformat's Python API with only this plugin: the result renders to the same HTML
(the check mdformat's command makes), a second pass changes nothing, and every recognised
entry and item keeps its lines.
"""

from __future__ import annotations

import re

import mdformat
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from tests.conftest import entry_texts

BLOCK_ENTRY = (
    "**A Study of Things {n}**<br>\n*Ann Lee, Bo Chen*<br>\n[12th Sep., 2023] [arXiv, 2023]<br>\n"
    "[[Paper](https://arxiv.org/abs/2309.0{n})] [[Code][code{n}]]<br>"
)
BULLET_ENTRIES = (
    "{m} [2023/10] **Paper {n} on agents.** *Liang Chen et al. arXiv.* "
    "[[paper](https://arxiv.org/abs/2310.0{n})]\n"
    "{m} [2023/08] **Paper {n}b on tools.** *Yejin Bang et al. arXiv.* "
    "[[paper](https://arxiv.org/abs/2302.0{n})]"
)
TITLE_DATE = (
    "{i}**Transformers for Images {n}.** [25th Jan., 2022].<br>\n*Fahad Khan, Sara Lee.*<br>\n"
    " [[PDF](https://arxiv.org/abs/2201.0{n})] "
)
TABLE = (
    "| Year | Title | Venue | Paper |\n| ---- | ----- | ----- | ----- |\n"
    "| 2023 | **Robust Graphs {n}** | ICLR'23 | [Link](https://arxiv.org/abs/2305.0{n}) |\n"
    "| 2022 | **Attacks {n}** | KDD'22 | [Link](https://arxiv.org/abs/2205.0{n}) |"
)
CLASSIC = (
    "{m} [Node.js](https://example.org/node{n}) - Async runtime.\n"
    "\t{m} [Cross-Platform](https://example.org/x{n}) - Portable code.\n"
    "{m} [iOS](https://example.org/ios{n}) - Mobile system."
)
PIECES = st.sampled_from(
    [
        "# Awesome Things",
        "Title {n}\n=======",
        "## Section {n}  ",
        "#### Sub *{n}*",
        "Prose with [[brackets]] and a [link](https://example.org/{n}) and * stars *.  ",
        "* [Contents](#section-{n})\n* [More](#sub-{n})",
        "- a note {n}\n- another   note",
        "1. first\n2. second",
        "  indented prose {n}",
        "    indented code {n}",
        "> quoted [[Paper](https://example.org/q{n})]",
        "---",
        "<!-- a comment {n} -->",
        "[code{n}]: https://github.com/example/code{n}",
        BLOCK_ENTRY,
        BULLET_ENTRIES,
        TITLE_DATE,
        TABLE,
        CLASSIC,
    ]
)
SEPARATORS = st.sampled_from(["\n\n", "\n\n\n", "\n \n", "\n"])


@st.composite
def documents(draw) -> str:
    parts = draw(st.lists(st.tuples(PIECES, SEPARATORS), min_size=1, max_size=9))
    out = []
    for n, (piece, sep) in enumerate(parts):
        text = piece.format(
            n=n, m=draw(st.sampled_from("*-+")), i=draw(st.sampled_from(["", "  "]))
        )
        out.append(text + sep)
    return "".join(out)


def html(md: str) -> str:
    # mdformat's own comparison: rendered HTML with runs of whitespace made one space.
    text = re.sub(r"\s+", " ", MarkdownIt().render(md))
    text = text.replace("<p> ", "<p>").replace(" </p>", "</p>")
    text = re.sub(r"(</[a-zA-Z][-a-zA-Z0-9]*>) ", r"\1", text)
    text = re.sub(r" (<[a-zA-Z][-a-zA-Z0-9]*>)", r"\1", text)
    return text.replace("<p></p>", "").strip()


def fmt(text: str) -> str:
    return mdformat.text(text, extensions={"awesome-lint"})


# Found by hypothesis: mdformat drops the unused definition between the kept list and the
# kept indented paragraph, which then became a second paragraph of the list's last item.
UNUSED_DEFINITION_BEFORE_INDENTED = (
    "# Papers\n\n* [2023/10] **Paper 3 on agents.** *Liang Chen et al. arXiv.* "
    "[[paper](https://arxiv.org/abs/2310.03)]\n\n[code4]: https://github.com/example/code4\n\n"
    "  **Transformers for Images 5.** [25th Jan., 2022].<br>\n*Fahad Khan, Sara Lee.*<br>\n"
    " [[PDF](https://arxiv.org/abs/2201.05)] \n"
)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
@example(UNUSED_DEFINITION_BEFORE_INDENTED)
def test_same_html_idempotent_and_entries_kept(doc):
    out = fmt(doc)
    assert html(out) == html(doc)
    assert fmt(out) == out
    # Every entry of the source is still there, line for line and in order. Formatting the
    # rest may reveal more: table rows lazily continuing a list item (a paragraph to
    # mdformat's CommonMark) become a table once mdformat indents them into the item.
    found = iter(entry_texts(out))
    assert all(unit in found for unit in entry_texts(doc))
