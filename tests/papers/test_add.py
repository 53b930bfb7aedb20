"""``awesome-lint add`` end to end on five layouts from real lists (excerpts in
tests/fixtures/papers/add/), against the fake arXiv and Crossref: the entry is written in
the list's template, lands where the section's date order puts it, and the list's own
rules find nothing new."""

from __future__ import annotations

import shutil

import pytest

from ..conftest import FIXTURES, run_cli

ADD = FIXTURES / "papers" / "add"
TODAY = "2026-12-01"


def add(tmp_path, env, layout, *args):
    target = tmp_path / "README.md"
    shutil.copy(ADD / f"{layout}.md", target)
    proc = run_cli(
        "add", *args, "--isolated", "--allow-private-hosts", "--today", TODAY, str(target), env=env
    )
    return proc, target


def lint_clean(target, env):
    proc = run_cli("--isolated", "--today", TODAY, str(target), env=env)
    assert proc.returncode == 0 and proc.stdout.startswith("All clear"), proc.stdout
    return proc


def inserted(before: str, after: str) -> tuple[int, list[str]]:
    """(index of the first new line, the new lines) of an insertion-only change."""
    a, b = before.split("\n"), after.split("\n")
    i = next(i for i, (x, y) in enumerate(zip(a, b)) if x != y)
    return i, b[i : i + len(b) - len(a)]


CASES = {
    # layout: (arguments, expected entry lines, the line the entry goes before)
    "br_blocks": (
        ["2305.10799", "--code", "https://github.com/Qybc/MedBLIP"],
        [
            "**MedBLIP: Bootstrapping Language-Image Pre-training from 3D Medical Images and Texts**<br>",
            "*Qiuhui Chen, Xinyue Hu, Zirui Wang, Yi Hong*<br>",
            "[18th May., 2023] [arXiv, 2023]<br>",
            "[[Paper](https://arxiv.org/abs/2305.10799)] [[GitHub](https://github.com/Qybc/MedBLIP)]<br>",
            "",
            "",
        ],
        "**PMC-LLaMA: Towards Building Open-source Language Models for Medicine**<br>",
    ),
    "backslash_blocks": (
        ["https://arxiv.org/abs/2309.05904v2", "--code", "https://github.com/example/granular"],
        [
            "**Enhancing Representation in Radiography-Reports Foundation Model: A Granular Alignment Algorithm Using Masked Contrastive Learning** \\",
            "*Weijian Huang, Cheng Li, Hao Yang, Jiarun Liu, Shanshan Wang* \\",
            "[12th Sep., 2023] [arXiv, 2023] \\",
            "[[Paper](https://arxiv.org/abs/2309.05904)] [[GitHub](https://github.com/example/granular)]",
            "",
        ],
        "**A Comprehensive Review of Generative AI in Healthcare** \\",
    ),
    "bullets": (
        ["arXiv:2307.15189"],
        [
            "- Med-Flamingo: a Multimodal Medical Few-shot Learner [[Paper]](https://arxiv.org/pdf/2307.15189.pdf)"
        ],
        "- Med-PaLM 2: Towards Expert-Level Medical Question Answering with Large Language Models [[Paper]](https://arxiv.org/pdf/2305.09617.pdf)",
    ),
    "numbered": (
        ["2307.15189"],
        [
            '4. "Med-Flamingo: a Multimodal Medical Few-shot Learner" [2023-07] [[paper](https://arxiv.org/abs/2307.15189)]',
            "",
        ],
        '5. "Large Language Models for Software Engineering: A Systematic Literature Review" [2023-08] [[paper](https://arxiv.org/abs/2308.10620)]',
    ),
    "table": (
        ["2605.01234"],
        [
            "| [**A Survey of World Models for Embodied Agents**](https://arxiv.org/pdf/2605.01234) | arXiv | 2026-05-10 | - | - |"
        ],
        "| [**DeepSeek-V4: Towards Highly Efficient Million-Token Context Intelligence**]",
    ),
}


@pytest.mark.parametrize("layout", sorted(CASES))
def test_add_writes_the_lists_template_in_date_order(tmp_path, arxiv, crossref, paper_env, layout):
    args, expected, next_line = CASES[layout]
    before = (ADD / f"{layout}.md").read_text(encoding="utf-8")
    lint_clean(ADD / f"{layout}.md", paper_env)  # the excerpt is clean to begin with
    proc, target = add(tmp_path, paper_env, layout, *args)
    assert proc.returncode == 0, proc.stderr
    after = target.read_text(encoding="utf-8")
    at, new_lines = inserted(before, after)
    assert new_lines == expected
    assert after.split("\n")[at + len(new_lines)].startswith(next_line)
    assert f"README.md:{at + 1}: added" in proc.stderr
    lint_clean(target, paper_env)  # the new entry is one the list's own template accepts
    assert len(arxiv.requests) == 1


def test_numbered_items_after_the_new_one_are_renumbered(tmp_path, arxiv, crossref, paper_env):
    proc, target = add(tmp_path, paper_env, "numbered", "2307.15189")
    assert proc.returncode == 0, proc.stderr
    numbers = [
        ln.split(".")[0]
        for ln in target.read_text(encoding="utf-8").splitlines()
        if ln[:1].isdigit()
    ]
    assert numbers == ["1", "2", "3", "4", "5", "6"]


@pytest.mark.own_process
def test_dry_run_prints_the_entry_and_the_diff_and_writes_nothing(
    tmp_path, arxiv, crossref, paper_env
):
    proc, target = add(tmp_path, paper_env, "bullets", "2307.15189", "--dry-run")
    assert proc.returncode == 0, proc.stderr
    assert target.read_text(encoding="utf-8") == (ADD / "bullets.md").read_text(encoding="utf-8")
    entry = "- Med-Flamingo: a Multimodal Medical Few-shot Learner [[Paper]](https://arxiv.org/pdf/2307.15189.pdf)"
    assert proc.stdout.startswith(entry + "\n\n--- ")
    assert "\n+" + entry + "\n" in proc.stdout


def test_a_paper_already_listed_is_refused_with_its_line(tmp_path, arxiv, crossref, paper_env):
    proc, target = add(tmp_path, paper_env, "bullets", "https://arxiv.org/pdf/2305.09617v1")
    assert proc.returncode == 1
    assert "README.md:8: the list has this paper already: - Med-PaLM 2:" in proc.stderr
    assert arxiv.requests == []  # known from the list itself: nothing fetched
    assert target.read_text(encoding="utf-8") == (ADD / "bullets.md").read_text(encoding="utf-8")


def test_unknown_and_withdrawn_papers_are_refused(tmp_path, arxiv, crossref, paper_env):
    proc, _ = add(tmp_path, paper_env, "bullets", "2301.99999")
    assert proc.returncode == 1 and "arXiv 2301.99999 does not exist" in proc.stderr
    proc, _ = add(tmp_path, paper_env, "bullets", "2302.07257")
    assert proc.returncode == 1 and "withdrawn" in proc.stderr


@pytest.mark.own_process
def test_bad_arguments_are_one_line_and_exit_2(tmp_path, arxiv, crossref, paper_env):
    proc, _ = add(tmp_path, paper_env, "bullets", "not-a-paper")
    assert (
        proc.returncode == 2
        and "neither an arXiv id" in proc.stderr
        and "Traceback" not in proc.stderr
    )
    proc, _ = add(tmp_path, paper_env, "br_blocks", "2305.10799", "--section", "Nope")
    assert proc.returncode == 2 and "no section named 'Nope'" in proc.stderr
    proc, _ = add(tmp_path, paper_env, "bullets", "2305.10799", "--code", "javascript:alert(1)")
    assert proc.returncode == 2 and "--code" in proc.stderr


def test_a_section_of_sections_asks_for_one_of_them(tmp_path, arxiv, crossref, paper_env):
    proc, _ = add(tmp_path, paper_env, "br_blocks", "2305.10799", "--section", "Papers")
    assert proc.returncode == 2 and '"Conversational"' in proc.stderr


def test_add_by_doi_goes_through_crossref(tmp_path, arxiv, crossref, paper_env):
    proc, target = add(
        tmp_path, paper_env, "backslash_blocks", "https://doi.org/10.1609/aaai.v36i3.20204"
    )
    assert proc.returncode == 0, proc.stderr
    text = target.read_text(encoding="utf-8")
    assert (
        "*Bin Yan, Mingtao Pei* \\\n[28th Jun., 2022] [Proceedings of the AAAI Conference on Artificial Intelligence, 2022] \\\n"
        in text
    )
    assert "[[Paper](https://doi.org/10.1609/aaai.v36i3.20204)]" in text
    assert arxiv.requests == [] and [r.path for r in crossref.requests] == [
        "/works/10.1609/aaai.v36i3.20204"
    ]
