"""End to end: each way reading a list can fail is one line naming the file, exit 2.

The failures are real: a directory the process may not search (as root, the command runs
without the capabilities that override file modes), a name longer than the file system
allows, a named pipe, standard input over the size limit.
"""

from __future__ import annotations

import os

import pytest

from tests.conftest import file_modes_apply, run_cli


def one_line_error(proc, path: str, problem: str) -> None:
    assert proc.returncode == 2, proc
    assert "Traceback" not in proc.stderr
    assert proc.stderr.splitlines() == [f"awesome-lint: {path}: {problem}"]


def test_a_file_in_a_directory_it_may_not_search(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "README.md").write_text("# x\n", encoding="utf-8")
    locked.chmod(0o600)  # readable, not searchable: the file cannot even be looked at
    try:
        proc = run_cli("locked/README.md", cwd=tmp_path, popen=file_modes_apply())
    finally:
        locked.chmod(0o755)
    one_line_error(proc, "locked/README.md", "permission denied")


def test_a_name_longer_than_the_file_system_allows(tmp_path):
    name = "a" * 300 + ".md"
    one_line_error(run_cli(name, cwd=tmp_path), name, "cannot read: File name too long")


def test_a_named_pipe_is_not_read(tmp_path):
    os.mkfifo(tmp_path / "pipe.md")  # reading it would wait for a writer forever
    one_line_error(run_cli("pipe.md", cwd=tmp_path), "pipe.md", "is not a regular file")


@pytest.mark.parametrize(
    "limit,size,said",
    [(500, 2_000, "500 bytes"), (1_500, 2_000, "1.5 kB")],
)
def test_standard_input_over_the_limit(tmp_path, limit, size, said):
    (tmp_path / ".awesome-lint.toml").write_text(f"max-file-size = {limit}\n")
    text = "# List\n\n" + "words " * (size // 6)
    proc = run_cli("-", cwd=tmp_path, stdin=text)
    one_line_error(proc, "<stdin>", f"input is larger than the {said} limit (max-file-size)")


@pytest.mark.own_process
def test_a_file_over_the_limit_says_both_sizes(tmp_path):
    (tmp_path / ".awesome-lint.toml").write_text("max-file-size = 1500\n")
    (tmp_path / "README.md").write_text("# List\n\n" + "words " * 400, encoding="utf-8")
    one_line_error(
        run_cli("README.md", cwd=tmp_path),
        "README.md",
        "file is 2.4 kB, larger than the 1.5 kB limit (max-file-size)",
    )


def test_a_file_over_the_line_limit_says_both_counts(tmp_path):
    # The densest list (one-line items) costs time per line, not per byte: max-lines bounds it.
    (tmp_path / ".awesome-lint.toml").write_text("max-lines = 100\n")
    items = "".join(f"- [I{i}](u{i})\r\n" for i in range(1, 100))  # CRLF counts once per line
    (tmp_path / "README.md").write_text("# List\r\n\r\n" + items, encoding="utf-8", newline="")
    one_line_error(
        run_cli("README.md", cwd=tmp_path),
        "README.md",
        "file has 101 lines, more than the 100 limit (max-lines)",
    )
    (tmp_path / ".awesome-lint.toml").write_text("max-lines = 101\n")
    assert run_cli("README.md", cwd=tmp_path).returncode in (0, 1)


def test_standard_input_over_the_line_limit(tmp_path):
    (tmp_path / ".awesome-lint.toml").write_text("max-lines = 3\n")
    proc = run_cli("-", cwd=tmp_path, stdin="# List\n\n- a\n- b")  # no final newline: 4 lines
    one_line_error(proc, "<stdin>", "input has 4 lines, more than the 3 limit (max-lines)")


@pytest.mark.parametrize("value", ["0", "-1", "true", '"40000"', "1.5"])
def test_a_bad_line_limit_is_a_config_error(tmp_path, value):
    (tmp_path / ".awesome-lint.toml").write_text(f"max-lines = {value}\n")
    (tmp_path / "README.md").write_text("# List\n", encoding="utf-8")
    proc = run_cli("README.md", cwd=tmp_path)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert "max-lines must be a positive integer (lines)" in proc.stderr
