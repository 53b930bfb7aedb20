"""--fix converges (issue 16): on generated lists of every layout, seeded with hostile lines
(an "İ" in a title, unclosed emphasis, a table, a links line after a table, CRLF and mixed line
endings), fixing twice gives the text of fixing once, and the fixed text never has more
findings than the original. The concrete cases of the issue are pinned as examples.
"""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from awesome_lint.api import fix_text, lint_text
from awesome_lint.parse.parser import normalize
from tests.cli_runner import run

TITLES = ["İstanbul Scans", "Segmenting Organs", "Reading Reports", "Ünet Again", "Counting Cells"]
AUTHORS = ["Ana Lima, Bo Chen", "Gül Yılmaz", "Hiro Sato, Eva Müller, İpek Demir"]
DATES = ["12th Sep., 2023", "3th Jul, 2023", "1st Mar., 2023", "21th Aug., 2023"]


def block_entry(title: str, authors: str, date: str, k: int, italic: str, br: str) -> str:
    return (
        f"**{title}**{br}\n{italic}{authors}{italic}{br}\n[{date}] [arXiv, 2023]{br}\n"
        f"[[Paper](http://arxiv.org/abs/2309.0{k:04d})] [[Code](https://github.com/a/r{k})]{br}\n"
    )


def bullet_entry(title: str, authors: str, date: str, k: int, *_: str) -> str:
    return f"- [{title}](https://arxiv.org/abs/2309.0{k:04d}) - {authors}. {date}.  \n"


def numbered_entry(title: str, authors: str, date: str, k: int, *_: str) -> str:
    return (
        f"{k + 1}. [**{title}.**](https://arxiv.org/abs/2309.0{k:04d}) _{authors}._ arXiv 2023.\n"
    )


def table_rows(title: str, authors: str, date: str, k: int, *_: str) -> str:
    return f"| {title} | {authors} | [Paper](https://arxiv.org/abs/2309.0{k:04d}) |\n"


HOSTILE = [
    "*Gus Poe, Hal Roe<br>\n",  # unclosed italic authors
    "**İnce Title with İ<br>\n",
    "| a | b |\n|---|---|\n| 1 | 2 |\n[[Paper](https://arxiv.org/abs/2309.05901)] [[Code](https://github.com/a/b)]\n",
    "_unclosed underscore and a [link](https://example.org\n",
    "**[Half](https://x.org)** [[Paper](https://arxiv.org/abs/1)\n",
    "    **Indented Title**<br>\n",
    "* [Paper](https://arxiv.org/abs/2) *\n",
]

LAYOUTS = {
    "block": block_entry,
    "bullets": bullet_entry,
    "numbered": numbered_entry,
    "table": table_rows,
}


@st.composite
def documents(draw) -> str:
    layout = draw(st.sampled_from(sorted(LAYOUTS)))
    make = LAYOUTS[layout]
    italic = draw(st.sampled_from(["*", "_"]))
    br = draw(st.sampled_from(["<br>", " \\"]))
    n = draw(st.integers(2, 6))
    parts = ["# Papers\n\n## Section\n\n"]
    if layout == "table":
        parts.append("| Title | Authors | Link |\n|---|---|---|\n")
    for k in range(n):
        entry = make(
            draw(st.sampled_from(TITLES)),
            draw(st.sampled_from(AUTHORS)),
            draw(st.sampled_from(DATES)),
            k,
            italic,
            br,
        )
        parts.append(entry + ("\n" if layout == "block" else ""))
        if draw(st.integers(0, 3)) == 0:
            parts.append(("\n" if layout == "table" else "") + draw(st.sampled_from(HOSTILE)))
    text = "".join(parts)
    endings = draw(st.sampled_from(["lf", "crlf", "mixed"]))
    if endings == "crlf":
        text = text.replace("\n", "\r\n")
    elif endings == "mixed":
        lines = text.split("\n")
        text = (
            "".join(ln + ("\r\n" if draw(st.booleans()) else "\n") for ln in lines[:-1]) + lines[-1]
        )
    return text


def errors(text: str) -> int:
    return len(lint_text(text).violations)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True
)
@given(documents())
@example(
    "# T\n\n## S\n\n" + block_entry("A", "Ann Lee", DATES[0], 1, "_", "<br>") + "\n" + HOSTILE[0]
)
@example(
    "# T\n\n## S\n\n" + block_entry("A", "Ann Lee", DATES[0], 1, "*", "<br>") + "\n" + HOSTILE[0]
)
@example("# T\n\n## S\n\n" + block_entry("İstanbul", "Ann Lee", DATES[0], 1, "*", "<br>"))
@example("# T\n\n## S\n\n" + HOSTILE[2] + "\n" + block_entry("B", "Bo", DATES[1], 2, "*", "<br>"))
def test_fixing_twice_is_fixing_once_and_never_adds_findings(text: str):
    once, result, _ = fix_text(text)
    twice, _, _ = fix_text(once)
    assert twice == once
    assert len(result.violations) <= errors(normalize(text))


def test_mixed_line_endings_keep_their_untouched_crlf(tmp_path):
    path = tmp_path / "list.md"
    lines = (
        "# Papers\r\n\r\n## S\r\n\r\n"
        + block_entry("A Title", "Ann Lee", "12th Sep., 2023", 1, "*", "<br>").replace("\n", "\r\n")
        + "\r\n"
        + block_entry("B Title", "Bo Chen", "3th Sep., 2023", 2, "*", "<br>")
    )
    path.write_bytes(lines.encode())
    run("--fix", str(path))
    out = path.read_bytes().decode()
    assert "[3rd Sep., 2023]" in out
    assert out.count("\r\n") == lines.count("\r\n")  # every untouched CRLF line stays CRLF
    assert "**B Title**<br>\n" in out  # and the LF lines stay LF


def test_a_rejected_fix_is_reported_and_its_line_left_alone(tmp_path):
    path = tmp_path / "list.md"
    text = (
        "# Papers\n\n## S\n\n"
        + "".join(
            block_entry(f"T{k}", f"Ann Lee{k}", "12th Sep., 2023", k, "_", "<br>") + "\n"
            for k in range(4)
        )
        + "**Broken**<br>\n*Gus Poe, Hal Roe<br>\n[12th Sep., 2023] [arXiv, 2023]<br>\n"
        "[[Paper](https://arxiv.org/abs/2309.09999)]<br>\n"
    )
    path.write_text(text)
    proc = run("--fix", str(path))
    fixed = path.read_text()
    assert "\n*Gus Poe, Hal Roe<br>\n" in fixed and "_*" not in fixed and "***" not in fixed
    assert b"authors-not-italic: not fixed" in proc.stderr


def test_a_reordering_that_does_not_settle_is_not_written(monkeypatch):
    # codefuse-ai/Awesome-Code-LLM grew by 15 lines, then 2 more on every --fix --fix-toc: a
    # ToC rewrite that a second run would redo is refused, so a second run changes nothing.
    from awesome_lint.diagnostics import Edit, Fix
    from awesome_lint.fix import fixer, toc
    from awesome_lint.fix.fixer import FixOptions, fix_source_text

    def ever_growing(doc):
        return toc.TocPlan(Fix((Edit.insert(3, 1, "   2.4 [More](#more)\n"),), "ToC"), None)

    monkeypatch.setattr(fixer, "toc_fix", ever_growing)
    text = "# Papers\n\n1. [Surveys](#surveys)\n\n## Surveys\n\n- [A](https://arxiv.org/abs/1)\n"
    outcome = fix_source_text(text, options=FixOptions(fix_toc=True))
    assert "2.4 [More]" not in outcome.after and not outcome.toc
    assert any("does not settle" in n for n in outcome.notes)
