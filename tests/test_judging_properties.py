"""Properties of the judging fixes (issue 11, causes 3 and 4): when an italic authors line
loses its break, the finding is the missing break on that line, its fix changes that line
only, every other block of the list renders byte-identically, and fixing twice changes
nothing more. Mojibake repair of a Latin name always gives back the name.
"""

from __future__ import annotations

import datetime

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from awesome_lint.api import fix_text, lint_text
from awesome_lint.parse.dates import ordinal_suffix
from awesome_lint.parse.mojibake import repair_line

TODAY = datetime.date(2026, 1, 1)
NAMES = ["Ana Lima", "Bo Chen", "Chloé Martin", "Eva Müller", "Hiro Sato", "Gül Yılmaz"]
TITLES = ["Segmenting Organs", "Denoising Scans", "Reading Reports", "Counting Cells"]
MONTHS = ["Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Oct."]


@st.composite
def broken_lists(draw):
    marker = draw(st.sampled_from([" \\", "<br>"]))
    n = draw(st.integers(min_value=4, max_value=9))
    blocks = []
    for k in range(n):
        authors = ", ".join(draw(st.lists(st.sampled_from(NAMES), min_size=1, max_size=3)))
        day = 28 - k
        blocks.append(
            [
                f"**{draw(st.sampled_from(TITLES))} {k}**{marker}",
                f"*{authors}*{marker}",
                f"[{day}{ordinal_suffix(day)} {MONTHS[k % len(MONTHS)]}, 2024] [arXiv, 2024]{marker}",
                f"[[Paper](https://arxiv.org/abs/2401.{k:05d})]",
            ]
        )
    broken = draw(st.integers(min_value=0, max_value=n - 1))
    blocks[broken][1] = blocks[broken][1][: -len(marker)]
    text = "# Awesome List\n\n## Papers\n\n" + "\n\n".join("\n".join(b) for b in blocks) + "\n"
    line = 5 + broken * 5 + 1  # the authors line of the broken entry
    return text, line


def _blocks(text: str) -> list[str]:
    md = MarkdownIt("commonmark")
    return [md.render(b) for b in text.split("\n\n")]


@settings(max_examples=60, deadline=None)
@given(broken_lists())
def test_missing_authors_break_is_diagnosed_and_fixed_in_place(generated):
    text, line = generated
    found = lint_text(text, today=TODAY).violations
    assert [(v.name, v.line) for v in found if v.name == "missing-line-break"] == [
        ("missing-line-break", line)
    ]
    assert not [v for v in found if v.name in ("authors-not-italic", "malformed-date-venue")]
    fixed, result, _ = fix_text(text, today=TODAY)
    old, new = text.split("\n"), fixed.split("\n")
    assert [k + 1 for k, (a, b) in enumerate(zip(old, new, strict=True)) if a != b] == [line]
    before, after = _blocks(text), _blocks(fixed)
    changed = [k for k, (a, b) in enumerate(zip(before, after, strict=True)) if a != b]
    assert len(changed) == 1  # every other block renders byte-identically
    assert fix_text(fixed, today=TODAY)[0] == fixed  # idempotent
    assert not [v for v in result.violations if v.name == "missing-line-break"]


@settings(deadline=None)
@given(st.sampled_from(NAMES + ["José Pérez", "François Côté", "Ñuño Añón", "Zoë Åström"]))
def test_cp1252_and_mac_roman_mojibake_of_a_latin_name_gives_the_name_back(name):
    for codec in ("cp1252", "mac_roman"):
        try:
            garbled = name.encode("utf-8").decode(codec)
        except UnicodeDecodeError:
            continue
        if garbled == name:
            continue
        assert repair_line(f"*{garbled}, Bo Chen*") == f"*{name}, Bo Chen*", codec
