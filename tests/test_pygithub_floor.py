"""The lowest PyGithub declared in pyproject.toml really works: the GitHub tests run once
more with that version first on the path.

The README's test command installs it (``pip install --target .pygithub-floor -r
tests/pygithub-floor.txt``) before pytest, since no test may reach a package registry.
Without that directory the test is skipped, saying how to make it.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
FLOOR_DIR = ROOT / ".pygithub-floor"
PIN = (ROOT / "tests" / "pygithub-floor.txt").read_text().strip()
GITHUB_TESTS = [
    "tests/test_github_bot.py",
    "tests/test_github_runner.py",
    "tests/test_github_production.py",
    "tests/links/test_tracking_issue.py",
    "tests/links/test_github.py",
    "tests/links/test_action_links.py",
]


def test_the_pin_is_the_declared_floor():
    pyproject = (ROOT / "pyproject.toml").read_text()
    declared = set(re.findall(r'"PyGithub>=([0-9.]+)"', pyproject))
    pinned = PIN.removeprefix("PyGithub==")
    assert len(declared) == 1, declared  # the github and test extras agree
    assert pinned.startswith(declared.pop())


@pytest.mark.skipif(os.environ.get("AWESOME_LINT_FLOOR_RUN") == "1", reason="already the floor run")
def test_github_tests_pass_on_the_lowest_declared_pygithub():
    if not (FLOOR_DIR / "github").is_dir():
        pytest.skip(
            f"no {FLOOR_DIR.name}/: run pip install -q --target {FLOOR_DIR.name} "
            "-r tests/pygithub-floor.txt (the README's test command does)"
        )
    # Untraced: the same code is measured by the suite's own run of these tests, and the
    # tracer would double this one's time (it is the longest single test).
    untraced = {k: v for k, v in os.environ.items() if "COVERAGE" not in k}
    env = {**untraced, "PYTHONPATH": str(FLOOR_DIR), "AWESOME_LINT_FLOOR_RUN": "1"}
    version = subprocess.run(
        [sys.executable, "-c", "import importlib.metadata as m; print(m.version('PyGithub'))"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert f"PyGithub=={version}" == PIN
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *GITHUB_TESTS],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-2000:]
    assert re.search(r"\d+ passed", proc.stdout)
