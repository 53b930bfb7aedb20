"""The smaller failures of issue 16: each is one clear line and exit 2, or the right text."""

from __future__ import annotations

from pathlib import Path

import pytest

from awesome_lint.diagnostics import Severity, Violation
from awesome_lint.model import Span
from awesome_lint.report.workflow import annotation

LIST = "# Papers\n\n## Section\n\n**A Title**<br>\n*Ann Lee*<br>\n[12th Sep., 2023] [arXiv, 2023]<br>\n[[Paper](https://arxiv.org/abs/2309.05904)]<br>\n"


def one_line(r, needle: str) -> None:
    assert r.returncode == 2, r
    assert "Traceback" not in r.stderr
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and needle in lines[0], lines


def test_symlink_loop(cli, tmp_path):
    (tmp_path / "a.md").symlink_to(tmp_path / "b.md")
    (tmp_path / "b.md").symlink_to(tmp_path / "a.md")
    one_line(cli(str(tmp_path / "a.md")), "symbolic link loop")


@pytest.mark.parametrize(
    "args", [["--select", ""], ["--ignore", "ALL"], ["--select", "AL2", "--ignore", "AL2"]]
)
def test_empty_selection_is_an_error(cli, tmp_path, args):
    (tmp_path / "list.md").write_text(LIST)
    one_line(cli(str(tmp_path / "list.md"), *args), "no rules selected")


def test_empty_select_in_config_is_an_error(cli, tmp_path):
    (tmp_path / "list.md").write_text(LIST)
    (tmp_path / ".awesome-lint.toml").write_text("select = []\n")
    one_line(cli(str(tmp_path / "list.md")), "no rules selected")


def test_invalid_pyproject_with_our_table_is_reported(cli, tmp_path):
    (tmp_path / "list.md").write_text(LIST)
    (tmp_path / "pyproject.toml").write_text('[tool.awesome-lint]\nselect = ["AL2"\n')
    one_line(cli(str(tmp_path / "list.md")), "invalid TOML")


def test_invalid_pyproject_without_our_table_is_not_ours(cli, tmp_path):
    (tmp_path / "list.md").write_text(LIST)
    (tmp_path / "pyproject.toml").write_text("[tool.other\n")
    assert cli(str(tmp_path / "list.md")).returncode == 0


@pytest.mark.parametrize(
    "flag,value,needle",
    [
        ("--timeout", "-1", "timeout must be positive"),
        ("--max-concurrency", "0", "max-concurrency must be at least 1"),
        ("--exclude", "(", "is not a valid regular expression"),
        ("--max-duration", "soon", "is not a duration"),
    ],
)
def test_link_flags_are_checked_without_check_links(cli, tmp_path, flag, value, needle):
    (tmp_path / "list.md").write_text(LIST)
    one_line(cli(str(tmp_path / "list.md"), flag, value), needle)


def test_summary_counts_no_entries_when_no_rule_reads_them(cli, tmp_path):
    (tmp_path / "list.md").write_text(LIST)
    out = cli(str(tmp_path / "list.md"), "--select", "trailing-whitespace").stdout
    assert out.strip() == "All clear: 1 file, no problems."
    assert "1 entries" in cli(str(tmp_path / "list.md")).stdout


def test_github_annotations_escape_control_characters():
    v = Violation(
        "AL001", "trailing-whitespace", 'line "\x1b[2J\x07" ends', Span(1, 1, 1, 2), Severity.ERROR
    )
    line = annotation("a\x1b.md", v)
    assert "\x1b" not in line and "\x07" not in line
    assert "%1B[2J%07" in line and "file=a%1B.md" in line


def test_readme_says_redirect_fixes_are_done():
    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    assert "not done by this version" not in readme
    assert "redirected and shortened URLs" in readme
