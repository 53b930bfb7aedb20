"""kept_args: the values an argument list parsed into, kept for later runs of the same list
while every file the parser was made from is as it was; the installed command then loads
no argparse."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from awesome_lint import kept_args
from awesome_lint.arguments import build_parser
from awesome_lint.kept_args import KeptArguments

from .conftest import FIXTURES, awesome_lint_command


@pytest.fixture(autouse=True)
def _writes_bytecode(monkeypatch):
    # (this environment sets PYTHONDONTWRITEBYTECODE: nothing would be saved)
    monkeypatch.setattr(sys, "dont_write_bytecode", False)


ARGVS = [
    [],
    ["README.md"],
    ["a.md", "-", "b.md", "--quiet"],
    ["--format", "json", "--select", "AL2,AL101", "--ignore", "AL204", "x.md"],
    ["--fix", "--sort-entries", "--fix-toc", "--unsafe-fixes", "x.md"],
    ["--check-links", "--timeout", "2.5", "--max-retries", "1", "--exclude", "a", "--exclude", "b"],
    ["--check-papers", "--no-cache", "--isolated", "--config", "c.toml", "--export", "csv"],
]


@pytest.mark.parametrize("argv", ARGVS, ids=lambda a: " ".join(a) or "(none)")
def test_kept_values_are_the_parser_s(tmp_path, argv):
    path = str(tmp_path / "kept.marshal")
    parsed = vars(build_parser().parse_args(argv))
    first = KeptArguments(path)
    assert first.parsed(argv) is None
    first.keep(argv, parsed)
    first.save()
    again = KeptArguments(path).parsed(argv)
    assert again is not None and vars(again) == parsed
    assert {k: type(v) for k, v in vars(again).items()} == {k: type(v) for k, v in parsed.items()}
    assert KeptArguments(path).parsed([*argv, "other.md"]) is None  # another list: parsed


def test_values_that_are_not_plain_are_not_kept(tmp_path):
    path = str(tmp_path / "kept.marshal")
    argv = ["--today", "2026-01-02", "x.md"]
    kept = KeptArguments(path)
    kept.keep(argv, vars(build_parser().parse_args(argv)))  # a datetime.date
    kept.save()
    assert not os.path.exists(path)
    assert (
        not kept_args.plain([[1]])
        and not kept_args.plain({"a": 1})
        and kept_args.plain(("a", None))
    )


def test_a_changed_file_of_the_parser_or_another_interpreter_s_file_is_not_used(tmp_path):
    path = tmp_path / "kept.marshal"
    source = tmp_path / "parser_part.py"
    source.write_text("x = 1\n")
    kept = KeptArguments(str(path))
    kept.fresh = (("a.md",), (((str(source), *_stat(source)),), {"paths": ["a.md"]}))
    kept.save()
    assert vars(KeptArguments(str(path)).parsed(["a.md"])) == {"paths": ["a.md"]}
    source.write_text("x = 22\n")  # edited: another size
    assert KeptArguments(str(path)).parsed(["a.md"]) is None
    data = path.read_bytes()
    path.write_bytes(data.replace(b"kept arguments 1", b"kept arguments 0"))
    assert KeptArguments(str(path)).entries == {}
    path.write_bytes(data[: len(data) // 2])  # truncated
    assert KeptArguments(str(path)).entries == {}


def test_only_the_most_recent_lists_are_kept_and_nothing_without_bytecode(tmp_path, monkeypatch):
    path = str(tmp_path / "kept.marshal")
    for n in range(kept_args.KEEP + 3):
        kept = KeptArguments(path)
        kept.keep([f"{n}.md"], {"paths": [f"{n}.md"]})
        kept.save()
    entries = KeptArguments(path).entries
    assert len(entries) == kept_args.KEEP and ("2.md",) not in entries and ("3.md",) in entries
    assert list(entries)[-1] == (f"{kept_args.KEEP + 2}.md",)
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    kept = KeptArguments(path)
    kept.keep(["new.md"], {"paths": ["new.md"]})
    kept.save()
    assert ("new.md",) not in KeptArguments(path).entries


def test_the_files_include_the_parser_s_modules_and_argparse():
    files = {Path(f[0]).name for f in kept_args.parser_files() or ()}
    assert {"argparse.py", "arguments.py", "flags.py", "version.py"} <= files


def _stat(path: Path) -> tuple[int, int]:
    st = path.stat()
    return st.st_mtime_ns, st.st_size


_REPORT = (
    "import atexit, runpy, sys; "
    "atexit.register(lambda: print('ARGPARSE', 'argparse' in sys.modules, file=sys.stderr)); "
    f"sys.argv = [{awesome_lint_command()[0]!r}, *sys.argv[1:]]; "
    f"runpy.run_path({awesome_lint_command()[0]!r}, run_name='__main__')"
)


def test_the_installed_command_parses_once_and_then_loads_no_argparse(tmp_path):
    readme = tmp_path / "README.md"
    readme.write_bytes((FIXTURES / "lists" / "fm_style.md").read_bytes())
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(tmp_path / "pycache")
    argv = [sys.executable, "-c", _REPORT, "--format", "json", "README.md"]
    runs = [
        subprocess.run(argv, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
        for _ in range(2)
    ]
    assert [r.stderr.splitlines()[-1] for r in runs] == ["ARGPARSE True", "ARGPARSE False"]
    assert runs[0].stdout == runs[1].stdout and runs[0].returncode == runs[1].returncode
    assert list((tmp_path / "pycache").rglob("kept_args.*.marshal"))
    # A usage error is the parser's, every time.
    bad = [sys.executable, "-c", _REPORT, "--format", "nope", "README.md"]
    for _ in range(2):
        proc = subprocess.run(
            bad, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120
        )
        assert proc.returncode == 2 and "invalid choice: 'nope'" in proc.stderr
