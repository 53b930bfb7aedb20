"""End to end: the installed ``awesome-lint --fix`` / ``--diff`` on lists in tmp directories."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
from pathlib import Path

import pytest

from awesome_lint.api import lint_text
from awesome_lint.parse.parser import normalize
from tests.cli_runner import FIXTURES, run

LISTS = ["fm_list", "dm_list"]


def _copy(tmp_path: Path, name: str, as_name: str = "README.md") -> Path:
    target = tmp_path / as_name
    shutil.copyfile(FIXTURES / f"{name}.md", target)
    return target


def _one_line_error(proc: subprocess.CompletedProcess, *needles: str) -> None:
    err = proc.stderr.decode()
    assert proc.returncode == 2, (proc.returncode, err)
    assert "Traceback" not in err
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert len(lines) == 1, err
    for needle in needles:
        assert needle in lines[0], lines[0]


@pytest.mark.own_process
@pytest.mark.parametrize("name", LISTS)
def test_fix_writes_the_expected_file(tmp_path, name):
    path = _copy(tmp_path, name)
    proc = run("--fix", "README.md", cwd=tmp_path)
    assert path.read_bytes() == (FIXTURES / f"{name}.fixed.md").read_bytes()
    assert "Fixed " in proc.stderr.decode()
    # The exit code and the report come from what remains, not from what was fixed.
    remaining = lint_text(path.read_text(encoding="utf-8"), "README.md")
    assert proc.returncode == (1 if remaining.errors else 0)
    reported = [ln for ln in proc.stdout.decode().splitlines() if ln.startswith("README.md:")]
    assert len(reported) == len(remaining.violations)
    assert not any(v.fix for v in remaining.violations)


@pytest.mark.parametrize("name", LISTS)
def test_fix_twice_equals_fix_once(tmp_path, name):
    path = _copy(tmp_path, name)
    run("--fix", "README.md", cwd=tmp_path)
    once = path.read_bytes()
    inode = path.stat().st_ino
    proc = run("--fix", "README.md", cwd=tmp_path)
    assert path.read_bytes() == once
    assert path.stat().st_ino == inode  # nothing to fix: the file is not even rewritten
    assert "Fixed" not in proc.stderr.decode()


# Our fix fixtures, and the style fixtures modelled on each real list format.
STYLE_LISTS = [FIXTURES / f"{n}.md" for n in LISTS] + sorted(
    (FIXTURES.parent / "lists").glob("*.md")
)


@pytest.mark.parametrize("source", STYLE_LISTS, ids=lambda p: p.stem)
def test_fix_never_touches_a_line_without_a_fixable_finding(tmp_path, source):
    before = source.read_text(encoding="utf-8")
    fixable_lines = set()
    for v in lint_text(before).violations:
        if v.fix is not None:
            for e in v.fix.edits:
                fixable_lines.update(range(e.span.start_line, e.span.end_line + 1))
    path = tmp_path / "README.md"
    shutil.copyfile(source, path)
    run("--fix", "README.md", cwd=tmp_path)
    old, new = before.split("\n"), path.read_text(encoding="utf-8").split("\n")
    assert len(old) == len(new)
    for number, (a, b) in enumerate(zip(old, new), start=1):
        if number not in fixable_lines:
            assert a == b, f"line {number} changed without a fixable finding"
    assert (old != new) == bool(fixable_lines)


def test_sort_entries_and_fix_toc(tmp_path):
    path = _copy(tmp_path, "fm_list")
    proc = run("--fix", "--sort-entries", "--fix-toc", "README.md", cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout.decode() + proc.stderr.decode()
    assert path.read_bytes() == (FIXTURES / "fm_list.sorted.md").read_bytes()
    proc = run("--fix", "--sort-entries", "--fix-toc", "README.md", cwd=tmp_path)
    assert path.read_bytes() == (FIXTURES / "fm_list.sorted.md").read_bytes()
    assert "All clear" in proc.stdout.decode()


def test_sort_entries_needs_fix_or_diff(tmp_path):
    _copy(tmp_path, "fm_list")
    _one_line_error(run("--sort-entries", "README.md", cwd=tmp_path), "--fix")


def _layout(data: bytes, newline: bytes, bom: bool, final_newline: bool) -> bytes:
    data = data.replace(b"\n", newline)
    if not final_newline:
        data = data[: -len(newline)]
    return (b"\xef\xbb\xbf" if bom else b"") + data


@pytest.mark.parametrize(
    "newline,bom,final_newline",
    [(b"\r\n", False, True), (b"\n", True, True), (b"\r\n", True, False), (b"\n", False, False)],
)
def test_line_endings_bom_and_final_newline_are_kept(tmp_path, newline, bom, final_newline):
    original = (FIXTURES / "dm_list.md").read_bytes()
    expected = (FIXTURES / "dm_list.fixed.md").read_bytes()
    path = tmp_path / "README.md"
    path.write_bytes(_layout(original, newline, bom, final_newline))
    run("--fix", "README.md", cwd=tmp_path)
    assert path.read_bytes() == _layout(expected, newline, bom, final_newline)


def test_mixed_line_endings_keep_every_line_ending(tmp_path):
    lines = (FIXTURES / "dm_list.md").read_bytes().split(b"\n")[:-1]
    fixed = (FIXTURES / "dm_list.fixed.md").read_bytes().split(b"\n")[:-1]
    endings = [b"\r\n" if i % 3 == 0 else b"\n" for i in range(len(lines))]
    path = tmp_path / "README.md"
    path.write_bytes(b"".join(ln + e for ln, e in zip(lines, endings)))
    run("--fix", "README.md", cwd=tmp_path)
    assert path.read_bytes() == b"".join(ln + e for ln, e in zip(fixed, endings))


def test_permissions_are_kept_and_the_file_is_replaced_atomically(tmp_path):
    path = _copy(tmp_path, "dm_list")
    path.chmod(0o640)
    inode = path.stat().st_ino
    run("--fix", "README.md", cwd=tmp_path)
    st = path.stat()
    assert stat.S_IMODE(st.st_mode) == 0o640
    assert st.st_ino != inode  # a new file renamed over the old one, not rewritten in place
    assert [p.name for p in tmp_path.iterdir()] == ["README.md"]  # no temporary file left


def test_read_only_file_is_refused_and_untouched(tmp_path):
    path = _copy(tmp_path, "dm_list")
    path.chmod(0o444)
    before, mtime = path.read_bytes(), path.stat().st_mtime_ns
    _one_line_error(run("--fix", "README.md", cwd=tmp_path), "README.md", "read-only")
    assert path.read_bytes() == before and path.stat().st_mtime_ns == mtime


def test_symlink_is_refused_and_stays_a_link(tmp_path):
    target = _copy(tmp_path, "dm_list", "list.md")
    link = tmp_path / "README.md"
    link.symlink_to("list.md")
    before = target.read_bytes()
    _one_line_error(
        run("--fix", "README.md", cwd=tmp_path), "README.md", "symbolic link", "list.md"
    )
    assert link.is_symlink() and target.read_bytes() == before
    # Reading through the link is fine: --diff shows what --fix on the target would do.
    proc = run("--diff", "README.md", cwd=tmp_path)
    assert proc.returncode == 1 and proc.stdout.startswith(b"--- README.md")


def test_hard_linked_file_is_refused(tmp_path):
    path = _copy(tmp_path, "dm_list")
    os.link(path, tmp_path / "other.md")
    before = path.read_bytes()
    _one_line_error(run("--fix", "README.md", cwd=tmp_path), "README.md", "hard links")
    assert path.read_bytes() == before


def test_directory_is_refused(tmp_path):
    (tmp_path / "README.md").mkdir()
    _one_line_error(run("--fix", "README.md", cwd=tmp_path), "README.md", "directory")


def test_non_utf8_file_is_refused_and_untouched(tmp_path):
    path = tmp_path / "README.md"
    data = (FIXTURES / "dm_list.md").read_bytes().replace(b"Ana Lima", b"Ana L\xedma")
    path.write_bytes(data)
    _one_line_error(run("--fix", "README.md", cwd=tmp_path), "README.md", "UTF-8")
    assert path.read_bytes() == data


@pytest.mark.own_process
def test_a_bad_file_does_not_stop_the_others(tmp_path):
    good = _copy(tmp_path, "dm_list", "good.md")
    (tmp_path / "bad.md").write_bytes(b"\xff\xfe\x00")
    proc = run("--fix", "bad.md", "good.md", cwd=tmp_path)
    assert proc.returncode == 2
    assert good.read_bytes() == (FIXTURES / "dm_list.fixed.md").read_bytes()


@pytest.mark.own_process
def test_diff_prints_a_patch_and_writes_nothing(tmp_path):
    path = _copy(tmp_path, "fm_list")
    before = path.read_bytes()
    proc = run("--diff", "README.md", cwd=tmp_path)
    assert proc.returncode == 1
    assert path.read_bytes() == before
    assert proc.stdout.startswith(b"--- README.md\n+++ README.md\n@@ ")
    assert "Would fix" in proc.stderr.decode()
    # The patch is a real one: applied by git, it gives exactly what --fix writes.
    (tmp_path / "fix.patch").write_bytes(proc.stdout)
    subprocess.run(
        ["git", "apply", "-p0", "fix.patch"], cwd=tmp_path, check=True, capture_output=True
    )
    assert path.read_bytes() == (FIXTURES / "fm_list.fixed.md").read_bytes()


def test_diff_on_a_fixed_file_is_empty_and_exits_0(tmp_path):
    shutil.copyfile(FIXTURES / "dm_list.fixed.md", tmp_path / "README.md")
    proc = run("--diff", "README.md", cwd=tmp_path)
    assert (proc.returncode, proc.stdout) == (0, b"")


@pytest.mark.own_process
def test_fix_on_stdin_writes_the_fixed_text_to_stdout(tmp_path):
    data = _layout((FIXTURES / "dm_list.md").read_bytes(), b"\r\n", True, True)
    proc = run("--fix", "-", cwd=tmp_path, stdin=data)
    assert proc.stdout == _layout((FIXTURES / "dm_list.fixed.md").read_bytes(), b"\r\n", True, True)
    err = proc.stderr.decode()
    assert "<stdin>:" in err and "entry-out-of-order" in err  # the report of what remains
    assert proc.returncode == 0  # only a warning remains


def test_fixed_text_has_no_fixable_finding_left():
    for name in LISTS:
        fixed = normalize((FIXTURES / f"{name}.fixed.md").read_text(encoding="utf-8"))
        assert not [v for v in lint_text(fixed).violations if v.fix is not None]


def test_format_github_prints_workflow_commands(tmp_path):
    _copy(tmp_path, "dm_list")
    proc = run("--format", "github", "README.md", cwd=tmp_path)
    lines = proc.stdout.decode().splitlines()
    assert proc.returncode == 1
    assert lines and all(ln.startswith(("::error ", "::warning ", "::notice ")) for ln in lines)
    assert (
        "::error file=README.md,line=14,col=2,endLine=14,endColumn=6,title=AL207 wrong-ordinal::"
        in proc.stdout.decode()
    )


def test_a_link_wrapped_over_two_lines_is_rewritten_across_them(tmp_path):
    head, tail = (
        "[[Paper](https://arxiv.org/abs/2307.00003)] [[Project",
        "Page]](https://c.github.io)<br>",
    )
    entries = "\n\n".join(
        f"**Paper {c}**<br>\n*{c}*<br>\n[{d}th Sep., 2023] [arXiv, 2023]<br>\n"
        f"[[Paper](https://arxiv.org/abs/2309.0000{d})] [[Code](https://github.com/{c}/{c})]<br>"
        for c, d in (("A", 14), ("B", 13))
    )
    text = f"# List\n\n## Papers\n\n{entries}\n\n**Paper C**<br>\n*C*<br>\n[12th Sep., 2023] [arXiv, 2023]<br>\n{head}\n{tail}\n"
    (tmp_path / "README.md").write_text(text, encoding="utf-8")
    proc = run("--isolated", "--select", "link-form-style", "--fix", "README.md", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr.decode()
    fixed = (tmp_path / "README.md").read_text(encoding="utf-8")
    assert fixed == text.replace(tail, "Page](https://c.github.io)]<br>")
