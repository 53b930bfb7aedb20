"""Run the installed ``awesome-lint`` command on bytes (the fix tests compare exact bytes)."""

from __future__ import annotations

import os
import subprocess
import tempfile
from pathlib import Path

from tests import inprocess
from tests.conftest import FIXTURES as ALL_FIXTURES
from tests.conftest import assert_no_traffic, awesome_lint_command, fenced_env

FIXTURES = ALL_FIXTURES / "fix"


def command() -> str:
    return awesome_lint_command()[0]


def run(
    *args: str,
    cwd: Path | str | None = None,
    stdin: bytes | None = None,
    env: dict | None = None,
    popen: dict | None = None,
    process: bool = False,
) -> subprocess.CompletedProcess:
    """``popen``: more subprocess.run arguments (a preexec_fn, say). With ``popen`` or
    ``process``, the installed command in a subprocess; otherwise in this process
    (tests/inprocess.py)."""
    # Colour is decided by the test (NO_COLOR / FORCE_COLOR), never inherited.
    full_env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    full_env.update(env or {})
    if inprocess.wanted(popen, process):
        return inprocess.run(list(args), env=full_env, cwd=cwd, stdin=stdin)
    netlog = Path(tempfile.mkstemp(prefix="netlog.")[1])
    proc = subprocess.run(
        [command(), *args],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        env=fenced_env(full_env, netlog),
        timeout=120,
        **(popen or {}),
    )
    assert_no_traffic(netlog)
    return proc
