"""Run the installed ``awesome-lint`` command on bytes (the fix tests compare exact bytes)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from tests.conftest import FIXTURES as ALL_FIXTURES
from tests.conftest import awesome_lint_command

FIXTURES = ALL_FIXTURES / "fix"


def command() -> str:
    return awesome_lint_command()[0]


def run(*args: str, cwd: Path | str | None = None, stdin: bytes | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    # Colour is decided by the test (NO_COLOR / FORCE_COLOR), never inherited.
    full_env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    full_env.update(env or {})
    return subprocess.run([command(), *args], cwd=cwd, input=stdin, capture_output=True, env=full_env, timeout=120)
