"""Shared test helpers. Tests never read ../shared: fixtures live under tests/."""

from __future__ import annotations

import datetime
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from awesome_lint.config import Config

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"
# Rules that judge "in the future" get a fixed clock, so results do not change over time.
TODAY = datetime.date(2026, 1, 1)


def only(*rules: str, **options) -> Config:
    """A config with only these rules on (codes or names)."""
    from awesome_lint.config import config_from_dict
    from awesome_lint.rules import REGISTRY

    data = {"select": list(rules)}
    if options:
        data["rules"] = options
    return config_from_dict(data, REGISTRY)


def awesome_lint_command() -> list[str]:
    """The installed console script (end-to-end tests run what users run)."""
    exe = shutil.which("awesome-lint", path=str(Path(sys.executable).parent)) or shutil.which("awesome-lint")
    if exe is None:
        pytest.fail("the awesome-lint command is not installed; run: pip install -e '.[test]'")
    return [exe]


def run_cli(*args: str, cwd: Path | None = None, stdin: str | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    full_env = {**os.environ, "NO_COLOR": "1", **(env or {})}
    return subprocess.run(
        awesome_lint_command() + list(args),
        cwd=cwd,
        input=stdin,
        capture_output=True,
        text=True,
        env=full_env,
        timeout=120,
    )


@pytest.fixture
def cli():
    return run_cli


@pytest.fixture
def default_config() -> Config:
    return Config()
