"""The kept modules (awesome_lint/kept_modules.py): a submodule is served from the kept
file only while its folder and its source are the ones it was kept from, and is then the
module the ordinary import makes; anything else is imported the ordinary way."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from awesome_lint import kept_modules

from .conftest import awesome_lint_command

SRC = Path(__file__).resolve().parents[1] / "src"

_CHILD = """
import sys
from awesome_lint import kept_modules
kept_modules.PACKAGES = ("tpkg",)
finder = kept_modules.install()
import tpkg.a, tpkg.sub.b
print(" ".join(sorted(finder.served)), tpkg.a.VALUE, tpkg.sub.b.VALUE, tpkg.a.__file__ == tpkg.a.__spec__.origin)
assert tpkg.sub.__path__ == [str(__import__("pathlib").Path(tpkg.sub.__file__).parent)]
"""


def make_package(root: Path) -> Path:
    pkg = root / "tpkg"
    (pkg / "sub").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "a.py").write_text("VALUE = 'a1'\n")
    (pkg / "sub" / "__init__.py").write_text("")
    (pkg / "sub" / "b.py").write_text("from ..a import VALUE as A\nVALUE = A + 'b'\n")
    return pkg


def child(root: Path, dont_write: bool = False) -> list[str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(PYTHONPATH=f"{root}{os.pathsep}{SRC}", PYTHONPYCACHEPREFIX=str(root / "cache"))
    if dont_write:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    proc = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(_CHILD)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.split()


def kept_file(root: Path) -> list[Path]:
    return list((root / "cache").rglob("kept_modules.*.marshal"))


def test_the_second_run_is_served_the_same_modules(tmp_path):
    make_package(tmp_path)
    assert child(tmp_path, dont_write=True) == ["a1", "a1b", "True"]
    assert kept_file(tmp_path) == []  # nothing is written where bytecode is not
    assert child(tmp_path) == ["a1", "a1b", "True"]  # ordinary imports, then kept
    assert len(kept_file(tmp_path)) == 1
    served = child(tmp_path)
    assert served == ["tpkg.a", "tpkg.sub", "tpkg.sub.b", "a1", "a1b", "True"]


def test_an_edited_source_is_imported_anew_and_kept_again(tmp_path):
    pkg = make_package(tmp_path)
    child(tmp_path)
    # Another size: the ordinary import's .pyc check (whole seconds and size) would take a
    # same-size edit within the second for the old source; this finder's check would not.
    (pkg / "a.py").write_text("VALUE = 'a22'\n")
    assert child(tmp_path) == ["tpkg.sub", "tpkg.sub.b", "a22", "a22b", "True"]
    assert child(tmp_path)[:3] == ["tpkg.a", "tpkg.sub", "tpkg.sub.b"]


def test_a_file_that_could_shadow_a_module_is_left_to_the_ordinary_import(tmp_path):
    pkg = make_package(tmp_path)
    child(tmp_path)
    time.sleep(0.01)
    (pkg / "a").mkdir()  # a package tpkg.a now comes first, as the import system sees it
    (pkg / "a" / "__init__.py").write_text("VALUE = 'shadow'\n")
    os.utime(pkg, ns=(time.time_ns(), time.time_ns()))
    # Everything found in that folder (tpkg.a, the package tpkg.sub) is imported anew.
    assert child(tmp_path) == ["tpkg.sub.b", "shadow", "shadowb", "True"]


def test_a_damaged_file_is_ignored_and_replaced(tmp_path):
    make_package(tmp_path)
    child(tmp_path)
    for damage in (b"garbage", kept_file(tmp_path)[0].read_bytes()[:-100]):
        kept_file(tmp_path)[0].write_bytes(damage)
        assert child(tmp_path) == ["a1", "a1b", "True"]
        assert child(tmp_path)[0] == "tpkg.a"


def test_the_command_s_second_run_writes_nothing(tmp_path):
    # What was imported before the finder (the package, the entry point) is never kept, or
    # every run would import it the ordinary way and write the file again.
    (tmp_path / "README.md").write_text("# Awesome\n\n## Tools\n\n- [A](https://a.example) - A.\n")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(tmp_path / "cache")
    for _ in range(2):
        subprocess.run([*awesome_lint_command(), "README.md"], cwd=tmp_path, env=env, timeout=120)
    (kept,) = kept_file(tmp_path)
    before = kept.stat().st_mtime_ns, kept.read_bytes()
    subprocess.run([*awesome_lint_command(), "README.md"], cwd=tmp_path, env=env, timeout=120)
    assert (kept.stat().st_mtime_ns, kept.read_bytes()) == before
    modules = kept_modules.load(str(kept))
    assert "awesome_lint.rules" in modules and "markdown_it.main" in modules
    assert "awesome_lint.console" not in modules and "awesome_lint.lazy" not in modules
