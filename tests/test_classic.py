"""The classic profile end to end: which rules run where, files next to the list, the CLI."""

from __future__ import annotations

import json

import pytest

from awesome_lint.api import fix_text, lint_file, lint_text
from awesome_lint.config import Config
from awesome_lint.rules import ALL_RULES
from awesome_lint.siblings import scan

from .conftest import FIXTURES, TODAY, only, run_cli

LISTS = FIXTURES / "lists"
CLASSIC_ONLY = {r.code for r in ALL_RULES if r.profiles == ("classic",)}
LIST = """# Awesome Editors [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)

- [Vim](https://www.vim.org) - Highly configurable text editor.
- [Helix](https://helix-editor.com) - Post-modern modal text editor.
"""


def test_every_classic_rule_is_ruled_by_the_profile():
    assert {f"AL4{n:02d}" for n in range(1, 17)} == {
        r.code for r in ALL_RULES if r.code.startswith("AL4")
    }
    # Shared by every profile: extra # headings, the ToC, duplicates among list items, doubled bullets.
    assert {r.code for r in ALL_RULES if r.code.startswith("AL4")} - CLASSIC_ONLY == {
        "AL407",
        "AL408",
        "AL409",
        "AL416",
    }


def test_profile_gates_rules():
    text = (LISTS / "awe_style.md").read_text(encoding="utf-8")
    classic = {v.code for v in lint_text(text, today=TODAY).violations}
    assert "AL401" in classic  # the en dash separator
    as_paper = {
        v.code for v in lint_text(text, config=Config(profile="paper"), today=TODAY).violations
    }
    assert not as_paper & CLASSIC_ONLY
    hfm = (LISTS / "hfm_style.md").read_text(encoding="utf-8")
    paper = {v.code for v in lint_text(hfm, today=TODAY).violations}
    # The Apex item's ": " separator would be a classic finding; a paper list never gets one.
    assert not paper & CLASSIC_ONLY and "AL416" in paper
    forced = {
        v.code for v in lint_text(hfm, config=Config(profile="classic"), today=TODAY).violations
    }
    # Config pins the profile: the classic-list checks run (its items' separators are mixed,
    # with no majority, so wrong-item-separator has nothing to hold them to).
    assert "AL412" in forced and "AL412" not in paper


def test_paper_rules_skip_classic_items():
    text = (LISTS / "py_style.md").read_text(encoding="utf-8")
    codes = {v.code for v in lint_text(text, today=TODAY).violations}
    assert not {c for c in codes if c.startswith("AL2")}


@pytest.mark.parametrize(
    "files,expected",
    [
        ({"CONTRIBUTING.md": "Open a pull request."}, []),
        ({".github/contributing.md": "Open a pull request."}, []),
        ({"CONTRIBUTING.md": ""}, ["the contributing guide CONTRIBUTING.md is empty"]),
        (
            {},
            [
                "no contributing guide: add CONTRIBUTING.md next to the list (or in .github/) saying how to propose an item"
            ],
        ),
    ],
)
def test_contributing_guide_is_looked_up_next_to_the_list(tmp_path, files, expected):
    for name, content in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(content, encoding="utf-8")
    (tmp_path / "readme.md").write_text(LIST, encoding="utf-8")
    result = lint_file(tmp_path / "readme.md", only("missing-contributing-guide"))
    assert [v.message for v in result.violations] == expected


def test_a_relative_link_to_a_missing_guide(tmp_path):
    (tmp_path / "readme.md").write_text(
        LIST + "\nRead [the guide](contributing.md).\n", encoding="utf-8"
    )
    result = lint_file(tmp_path / "readme.md", only("missing-contributing-guide"))
    assert [v.message for v in result.violations] == [
        "the list links to contributing.md, but there is no such file next to it"
    ]
    (tmp_path / "contributing.md").write_text("Open a pull request.\n", encoding="utf-8")
    assert not lint_file(tmp_path / "readme.md", only("missing-contributing-guide")).violations


def test_siblings_scan(tmp_path):
    (tmp_path / "README.md").write_text("x", encoding="utf-8")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "Contributing.rst").write_text("abc", encoding="utf-8")
    (tmp_path / "deep" / "deeper").mkdir(parents=True)
    (tmp_path / "deep" / "deeper" / "CONTRIBUTING.md").write_text("no", encoding="utf-8")
    found = scan(tmp_path / "README.md")
    assert found.matching(("contributing",)) == [("docs/Contributing.rst", 3)]
    assert ("README.md", 1) in found.files


def test_cli_on_a_classic_list(tmp_path):
    (tmp_path / "readme.md").write_text(
        "# awesome-editors\n\n- [Vim](https://www.vim.org) – Highly configurable text editor.\n"
        "- [Helix](https://helix-editor.com) - Post-modern modal text editor.\n",
        encoding="utf-8",
    )
    proc = run_cli("--isolated", "--format", "json", str(tmp_path / "readme.md"))
    assert proc.returncode == 1, proc.stderr
    codes = [d["code"] for d in json.loads(proc.stdout)["files"][0]["diagnostics"]]
    assert codes == ["AL405", "AL406", "AL412", "AL401"]
    text = (tmp_path / "readme.md").read_text(encoding="utf-8")
    # Renaming the list and adding the badge are unsafe fixes: --fix alone leaves them.
    _, result, _ = fix_text(text, today=TODAY)
    assert [v.code for v in result.violations] == ["AL405", "AL406", "AL412"]
    fixed, result, _ = fix_text(text, today=TODAY, unsafe=True)
    assert [v.code for v in result.violations] == [
        "AL412"
    ]  # the contributing guide is still missing
    assert fixed == (
        "# Awesome Editors [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)\n\n"
        "- [Vim](https://www.vim.org) - Highly configurable text editor.\n"
        "- [Helix](https://helix-editor.com) - Post-modern modal text editor.\n"
    )


def test_export_json_yields_classic_items():
    proc = run_cli("--isolated", "--export", "json", str(LISTS / "awe_style.md"))
    assert proc.returncode == 0, proc.stderr
    sections = json.loads(proc.stdout)["sections"][0]["sections"]
    platforms = next(s for s in sections if s["title"] == "Platforms")
    assert platforms["items"][0] == {
        "line": 12,
        "name": "Node.js",
        "url": "https://github.com/sindresorhus/awesome-nodejs#readme",
        "description": "Async non-blocking event-driven JavaScript runtime.",
    }
    assert [i["name"] for s in sections for i in s.get("items", [])] == [
        "Node.js",
        "Cross-Platform",
        "Frontend Development",
        "iOS",
        "Transit",
        "JavaScript",
        "Promises",
        "Standard Style",
        "Python",
    ]
    assert all("items" not in s for s in sections if s["title"] == "Contents")


@pytest.mark.parametrize(
    "name,entries",
    [
        ("hfm_style.md", 11),
        ("reg_style.md", 9),
        ("table_style.md", 3),
        ("numbered_style.md", 3),
        ("date_first_style.md", 3),
        ("date_last_style.md", 3),
    ],
)
def test_export_json_yields_the_entries(name, entries):
    proc = run_cli("--isolated", "--export", "json", str(LISTS / name))
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)

    def walk(sections):
        for s in sections:
            yield from s["entries"]
            yield from walk(s["sections"])

    got = list(walk(data["sections"]))
    assert len(got) == entries
    assert all(e["title"] and e["links"] for e in got)


# The contributing guide next to the list must count on every path that lints a file,
# including those that lint again after checking links or fixing.
GUIDED_LIST = """# Awesome Things [![Awesome](https://awesome.invalid/badge.svg)](https://awesome.invalid)

## Contents

- [Tools](#tools)

## Tools

- [Alpha](https://example.invalid/a) - A first tool.
- [Beta](https://example.invalid/b) - A second tool.
- [Gamma](https://example.invalid/c) - A third tool.
"""


@pytest.mark.parametrize("extra", [[], ["--check-links"], ["--fix"]])
def test_contributing_guide_seen_on_every_path(cli, tmp_path, extra):
    (tmp_path / "readme.md").write_text(GUIDED_LIST, encoding="utf-8")
    (tmp_path / "contributing.md").write_text("Open a pull request.\n", encoding="utf-8")
    r = cli(*extra, "--select", "missing-contributing-guide", "readme.md", cwd=tmp_path)
    assert "AL412" not in r.stdout, r.stdout
    (tmp_path / "contributing.md").unlink()
    r = cli(*extra, "--select", "missing-contributing-guide", "readme.md", cwd=tmp_path)
    assert "AL412" in r.stdout


def test_contributing_guide_seen_by_the_action_after_link_checks(tmp_path):
    from awesome_lint.github.action import ALL_LINES, CoreLinter

    (tmp_path / "readme.md").write_text(GUIDED_LIST, encoding="utf-8")
    (tmp_path / "contributing.md").write_text("Open a pull request.\n", encoding="utf-8")
    linter = CoreLinter(isolated=True, link_options={"no_cache": True})
    _, violations = linter.lint_file(str(tmp_path / "readme.md"), ALL_LINES)
    assert any(v.code == "AL306" for v in violations)  # the links were checked (.invalid is dead)
    assert not any(v.code == "AL412" for v in violations)
