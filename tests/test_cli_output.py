"""End to end: ``--quiet`` (findings only) and ``--export`` over several files (JSON Lines)."""

from __future__ import annotations

import json
import shutil

import pytest

from tests.cli_runner import FIXTURES, run


def _lists(tmp_path):
    shutil.copyfile(FIXTURES / "dm_list.md", tmp_path / "a.md")
    shutil.copyfile(FIXTURES / "dm_list.fixed.md", tmp_path / "b.md")


def test_quiet_prints_the_findings_and_no_summary(tmp_path):
    _lists(tmp_path)
    full = run("a.md", "b.md", cwd=tmp_path)
    quiet = run("--quiet", "a.md", "b.md", cwd=tmp_path)
    assert full.returncode == quiet.returncode == 1
    lines = full.stdout.decode().splitlines()
    assert lines[-1].startswith("Found 9 problems")
    findings = [ln for ln in lines if ln.startswith(("a.md:", "b.md:"))]
    assert len(findings) == 9
    assert quiet.stdout.decode().splitlines() == findings
    assert quiet.stderr == b""


def test_quiet_on_a_clean_file_prints_nothing(tmp_path):
    _lists(tmp_path)
    full = run("--ignore", "AL212", "b.md", cwd=tmp_path)
    assert full.stdout.decode().startswith("All clear")
    quiet = run("-q", "--ignore", "AL212", "b.md", cwd=tmp_path)
    assert (quiet.returncode, quiet.stdout, quiet.stderr) == (0, b"", b"")


def test_quiet_fix_says_nothing_about_what_it_fixed(tmp_path):
    _lists(tmp_path)
    loud = run("--fix", "--ignore", "AL212", "a.md", cwd=tmp_path)
    assert "Fixed" in loud.stderr.decode()
    shutil.copyfile(FIXTURES / "dm_list.md", tmp_path / "a.md")
    quiet = run("--fix", "-q", "--ignore", "AL212", "a.md", cwd=tmp_path)
    assert "Fixed" not in quiet.stderr.decode()
    assert loud.stdout.decode().startswith("All clear") and quiet.stdout == b""
    assert (tmp_path / "a.md").read_bytes() == (FIXTURES / "dm_list.fixed.md").read_bytes()


@pytest.mark.own_process
def test_export_of_several_files_is_one_json_line_each(tmp_path):
    _lists(tmp_path)
    several = run("--export", "json", "a.md", "b.md", cwd=tmp_path)
    assert several.returncode == 0 and several.stderr == b""
    lines = several.stdout.decode().splitlines()
    assert len(lines) == 2
    for line, name in zip(lines, ("a.md", "b.md")):
        single = json.loads(run("--export", "json", name, cwd=tmp_path).stdout)
        assert json.loads(line) == single and single["path"] == name


def test_export_goes_on_past_a_file_it_cannot_read(tmp_path):
    _lists(tmp_path)
    proc = run("--export", "json", "a.md", "missing.md", "b.md", cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.decode().splitlines() == ["awesome-lint: missing.md: no such file"]
    assert [json.loads(ln)["path"] for ln in proc.stdout.decode().splitlines()] == ["a.md", "b.md"]
