"""line-break-style: its message names both breaks and the field whose convention it breaks."""

from __future__ import annotations

from awesome_lint.api import lint_text

from .conftest import only

_ENTRY = "**Paper {n}** \\\n*Author {n}* \\\n[{n}th Mar., 2022] [arXiv, 2022] \\\n[[Paper](https://arxiv.org/abs/2203.0000{n})]\n"
_DEVIANT = "**Paper 9**<br>\n*Author 9* \\\n[9th Mar., 2022] [arXiv, 2022] \\\n[[Paper](https://arxiv.org/abs/2203.00009)]\n"


def test_message_names_both_breaks_and_the_field():
    text = "\n".join([_ENTRY.format(n=n) for n in (4, 5, 6)] + [_DEVIANT])
    found = lint_text(text, config=only("line-break-style")).violations
    assert [(v.line, v.message) for v in found] == [
        (16, "line ends with <br>; the list's title lines end with a trailing backslash")
    ]


def test_message_names_the_configured_break():
    text = "\n".join([_ENTRY.format(n=n) for n in (4, 5, 6)] + [_DEVIANT])
    found = lint_text(text, config=only("line-break-style", **{"line-break-style": {"marker": "<br>"}})).violations
    assert {v.message for v in found} == {"line ends with a trailing backslash; the configured break is <br>"}
