"""``--fix`` when the write itself fails: one line naming the file and the reason, exit 2,
the list exactly as it was, and no temporary file left beside it.

The failures are real ones, made by the operating system for the ``awesome-lint`` process
only: a file-size limit (RLIMIT_FSIZE; Python ignores SIGXFSZ, so the write fails with
EFBIG) that the fixed list exceeds, and a directory the process may not create files in.
"""

from __future__ import annotations

import os
import resource
import subprocess

from tests.cli_runner import FIXTURES, run
from tests.conftest import file_modes_apply

# Above what the process writes besides the list (its coverage data, when measured, is
# about 70 kB), below the list.
SIZE_LIMIT = 512 * 1024


def _big_list(tmp_path):
    """The fixable list with a long code block after it: bigger than the limit."""
    block = "```text\n" + "".join(f"line {i:06d} of a long example\n" for i in range(25_000))
    data = (FIXTURES / "dm_list.md").read_bytes() + b"\n" + block.encode() + b"```\n"
    assert len(data) > SIZE_LIMIT
    path = tmp_path / "README.md"
    path.write_bytes(data)
    return path, data


def _fix(tmp_path, preexec) -> subprocess.CompletedProcess:
    return run(
        "--fix", "README.md", cwd=tmp_path, env={"NO_COLOR": "1"}, popen={"preexec_fn": preexec}
    )


def test_a_write_that_fails_midway_leaves_the_list_and_no_temporary_file(tmp_path):
    path, before = _big_list(tmp_path)

    def limit_file_size():
        resource.setrlimit(resource.RLIMIT_FSIZE, (SIZE_LIMIT, SIZE_LIMIT))

    proc = _fix(tmp_path, limit_file_size)
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.decode().splitlines() == [
        "awesome-lint: README.md: cannot write: File too large"
    ]
    assert path.read_bytes() == before
    assert sorted(os.listdir(tmp_path)) == ["README.md"]


def test_a_directory_it_may_not_write_in_leaves_the_list_as_it_was(tmp_path):
    path = tmp_path / "README.md"
    before = (FIXTURES / "dm_list.md").read_bytes()
    path.write_bytes(before)
    tmp_path.chmod(0o555)
    try:
        drop = file_modes_apply().get("preexec_fn")
        proc = _fix(tmp_path, drop)
    finally:
        tmp_path.chmod(0o755)
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.decode().splitlines() == [
        f"awesome-lint: README.md: cannot write a temporary file in {tmp_path}: Permission denied"
    ]
    assert path.read_bytes() == before
    assert sorted(os.listdir(tmp_path)) == ["README.md"]
