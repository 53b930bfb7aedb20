"""Links are what GitHub renders as links (issue 10) and malformed-link is decided by what the
renderer left as text (issue 11, cause 1). Excerpts from real lists, shortened."""

from __future__ import annotations

from awesome_lint.api import lint_text
from awesome_lint.config import config_from_dict
from awesome_lint.model import LinkForm
from awesome_lint.parse.inline import scan
from awesome_lint.parse.parser import parse
from awesome_lint.rules import REGISTRY


def urls(text: str) -> list[tuple[str, str]]:
    return [(lk.form.value, lk.url) for lk in parse(text).links]


def test_reference_links_resolve_through_their_definitions():
    text = (
        "# Papers\n\n"
        "- **Code LLM survey** [[paper]][12.1] [[code]][12.2]\n"
        "- **Another** [another][] and [Shortcut]\n\n"
        "[12.1]: https://arxiv.org/abs/2311.07989\n"
        "[12.2]: <https://github.com/codefuse-ai/Awesome-Code-LLM>\n"
        "[Another]: https://arxiv.org/abs/2401.00001 'title'\n"
        "[shortcut]: https://example.org/s\n"
    )
    doc = parse(text)
    got = [(lk.line, lk.label, lk.url) for lk in doc.links]
    assert got == [
        (3, "paper", "https://arxiv.org/abs/2311.07989"),
        (3, "code", "https://github.com/codefuse-ai/Awesome-Code-LLM"),
        (4, "another", "https://arxiv.org/abs/2401.00001"),
        (4, "Shortcut", "https://example.org/s"),
    ]
    # The URL is written in the definition: that is where a fix must edit it.
    code = doc.links[1]
    assert code.form is LinkForm.OUTER and code.url_span.start_line == 7
    assert text.split("\n")[6][code.url_span.start_col - 1 :].startswith("https://github.com/")


def test_undefined_reference_is_text():
    assert urls("A [note][nowhere] and [another].\n") == []


def test_markdown_inside_a_raw_html_block_is_not_a_link():
    text = (
        "<pre>\n[Paper](https://arxiv.org/abs/1) is shown as written\n</pre>\n\n"
        "<details>\n<summary>More</summary>\n[Code](https://github.com/a/b)\n"
        '<a href="https://example.org/x?a=1&amp;b=2">x</a>\n'
        '<!-- <a href="https://example.org/hidden">hidden</a> -->\n</details>\n'
    )
    assert urls(text) == [("autolink", "https://example.org/x?a=1&b=2")]


def test_entities_in_urls_are_decoded_but_not_without_semicolon():
    # wangkai930418/awesome-diffusion-categorized writes "&noteId" in an OpenReview URL.
    text = (
        "[[Paper](https://example.org/a?x=1&amp;y=2)] "
        "[[ICLR 2023 Spotlight](https://openreview.net/forum?id=4eJ43EN2g6l&noteId=fxpTz_vCdO)]\n"
    )
    assert [u for _, u in urls(text)] == [
        "https://example.org/a?x=1&y=2",
        "https://openreview.net/forum?id=4eJ43EN2g6l&noteId=fxpTz_vCdO",
    ]


def test_www_and_bare_urls_are_links_but_not_inside_links_or_code():
    # junfish/Awesome-Multitask-Learning line 127, shortened.
    text = (
        "Product (product images from www.amazon.com), and Real-World. "
        "See `https://not.a/link` and [https://x.org/label](https://x.org/target).\n"
    )
    assert urls(text) == [("autolink", "www.amazon.com"), ("bare", "https://x.org/target")]


def test_images_and_badges_are_their_own_kind():
    line = "- [![CI](https://img.shields.io/badge/ci-green.svg)](https://ci.example.org) [Alpha](https://example.org/alpha) - Does alpha.\n"
    got = urls(line)
    assert got == [
        ("bare", "https://ci.example.org"),
        ("image", "https://img.shields.io/badge/ci-green.svg"),
        ("bare", "https://example.org/alpha"),
    ]


def test_an_item_starting_with_a_badge_takes_the_name_after_it():
    text = (
        "# Awesome Things\n\n## Tools\n\n"
        "- [![CI](https://img.shields.io/badge/ci-passing-green.svg)](https://ci.example.org/a) "
        "[Alpha](https://example.org/alpha) - Does alpha things.\n"
        "- [Beta](https://example.org/beta) - Does beta things.\n"
    )
    (first, _) = parse(text).items
    assert first.name == "Alpha" and first.description.text == "Does alpha things."


def test_links_do_not_nest_the_inner_one_wins():
    assert [x.url for x in scan("[a [b](u) c](v)")] == ["u"]
    assert [x.label for x in scan("[a [b] c](v)")] == ["a [b] c"]


def test_code_span_beats_link():
    assert scan("[not a `link](/foo`)") == []


def test_comment_in_inline_code_is_not_a_suppression():
    text = (
        "# List\n\nWrite `<!-- awesome-lint-disable-file -->` to silence a file.\n\n"
        "- [[Paper](https://arxiv.org/abs/2309.05904)\n"
    )
    doc = parse(text)
    assert doc.comments == ()


MALFORMED = config_from_dict({"select": ["malformed-link"]}, REGISTRY, "test")


def malformed(text: str) -> list[tuple[int, int]]:
    return [
        (v.span.start_line, v.span.start_col) for v in lint_text(text, config=MALFORMED).violations
    ]


def entry(links_line: str, authors: str = "*Ana Lee, Bo Chen*") -> str:
    return f"**A Paper Title**<br>\n{authors}<br>\n[12th Sep., 2023] [arXiv, 2023]<br>\n{links_line}<br>\n\n"


def test_malformed_link_quiet_on_links_that_render():
    cases = [
        # WooooDyy/LLM-Agent-Paper-List: an affiliation in parentheses with parentheses.
        "- [2023/08] **ChatMOF.** *Yeonghun Kang (Korea Advanced Institute (KAIST), Korea) et al. arXiv.* [[paper](https://arxiv.org/abs/2308.01423)]\n",
        # A title with (**AnoGAN**) inside the brackets.
        "- [Unsupervised Anomaly Detection with GANs (**AnoGAN**)](https://arxiv.org/abs/1703.05921) [[code](https://github.com/a/b)]\n",
        # BradyFU/Awesome-Multimodal-Large-Language-Models, a table cell.
        "| Title | Venue |\n|---|---|\n| ![Star](https://img.shields.io/github/stars/MiG-NJU/OmniVideo-100K.svg?style=social&label=Star) <br> [**OmniVideo-100K**](https://arxiv.org/pdf/2606.14702) <br> | arXiv |\n",
        # safe-graph/graph-adversarial-learning-literature: "N)" in a table row.
        "| Year | Title | Link |\n|---|---|---|\n| 2023 | **Attacking Fake News Detectors** - GAT, GCN, and GraphSAGE) | [Paper](https://arxiv.org/pdf/2302.07363.pdf), [Tweet](https://x.com/a) |\n",
        # A URL followed by ")" in prose.
        "- **Tool** (see https://github.com/a/b) [[Paper](https://arxiv.org/abs/1)]\n",
    ]
    for text in cases:
        assert malformed(text + "\n" + entry("[[Paper](https://arxiv.org/abs/2)]")) == [], text


def test_malformed_link_fires_on_link_like_text_left_as_text():
    # amirhossein-kz/Awesome-Diffusion-Models-in-Medical-Imaging line 1145.
    spaced = entry(
        "[[Paper](https://arxiv.org/abs/2409.08850)] [[GitHub] \\ (https://www.github.com/intyeger/DX2CT)]"
    )
    assert malformed(spaced) == [(4, 45)]
    # dennybritz/deeplearning-papernotes line 739: a destination with spaces.
    assert malformed(
        entry(
            "[[arXiv](https://arxiv.org/abs/1503.02101)] [[article](Escaping from Saddle Points)]"
        )
    ) == [(4, 45)]
    # codefuse-ai/Awesome-Code-LLM line 1988: a stray "]" after a link.
    assert malformed(entry("[paper](https://arxiv.org/abs/2110.06773)]")) == [(4, 42)]
    assert malformed(entry("[[Paper(https://arxiv.org/abs/2309.00001)]")) == [(4, 1)]
