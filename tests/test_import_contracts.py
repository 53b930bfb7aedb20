"""The layering (CONTRIBUTING.md, DESIGN.md) as import contracts: ``lint-imports`` checks the
contracts in pyproject.toml against every import in the package, function-level ones too.

The model imports nothing of ours; only parse/ imports markdown-it; rules import neither
links, github, report, fixing, the run nor the CLI; links import nothing above them;
reporters never post; PyGithub only in github/, requests only in links/ and github/client;
no cycles between the modules of one package.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_import_contracts_are_kept(tmp_path):
    exe = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    if exe is None:
        pytest.fail("lint-imports is not installed; run: pip install -e '.[test]'")
    proc = subprocess.run(
        [exe, "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-2000:]
    assert "0 broken" in proc.stdout


def test_a_forbidden_import_breaks_a_contract(tmp_path):
    """The contracts can fail: a copy of the package whose rules import the reporters."""
    copy = tmp_path / "src"
    shutil.copytree(ROOT / "src", copy, ignore=shutil.ignore_patterns("__pycache__"))
    rule = copy / "awesome_lint" / "rules" / "wrong_ordinal.py"
    rule.write_text(rule.read_text() + "\nfrom ..report import text as _text  # noqa\n")
    (tmp_path / "pyproject.toml").write_text((ROOT / "pyproject.toml").read_text())
    exe = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    assert exe is not None
    env = {"PYTHONPATH": str(copy), "PATH": str(Path(sys.executable).parent)}
    proc = subprocess.run(
        [exe, "--no-cache"], cwd=tmp_path, capture_output=True, text=True, timeout=300, env=env
    )
    assert proc.returncode == 1
    assert "Rules import neither" in proc.stdout and "BROKEN" in proc.stdout
