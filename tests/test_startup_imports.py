"""Start-up: a plain lint run imports only what it needs.

The pre-commit hook runs ``awesome-lint README.md`` on every commit; the HTTP client, the
GitHub client, the link checker, mdformat and ftfy cost start-up and are needed only with
``--check-links``, ``--github`` or a fix that uses them. ``python -X importtime`` prints one
line per module the installed command imports, which is the list checked here.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from .conftest import FIXTURES, assert_no_traffic, awesome_lint_command, fenced_env

NOT_ON_A_PLAIN_RUN = (
    "requests",
    "urllib3",
    "github",  # PyGithub
    "mdformat",
    "awesome_lint.links.checker",
    "awesome_lint.links.transport",
    "awesome_lint.links.pool",
    "awesome_lint.links.cache",
    "awesome_lint.github",
)


def imported_modules(*args: str, cwd: Path) -> set[str]:
    netlog = Path(tempfile.mkstemp(prefix="netlog.")[1])
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", awesome_lint_command()[0], *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=fenced_env(dict(os.environ), netlog),
        timeout=120,
    )
    assert_no_traffic(netlog)
    assert proc.returncode in (0, 1), proc.stderr[-2000:]
    lines = [ln for ln in proc.stderr.splitlines() if ln.startswith("import time:")]
    return {ln.rsplit("|", 1)[1].strip() for ln in lines[1:]}  # [0] is the header


def test_a_plain_run_imports_no_network_or_github_machinery(tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    readme.write_bytes((FIXTURES / "lists" / "awe_style.md").read_bytes())
    modules = imported_modules("README.md", cwd=tmp_path)
    assert "awesome_lint.rules" in modules  # the list is real: the run did import the rules
    loaded = sorted(
        m for m in modules if any(m == n or m.startswith(n + ".") for n in NOT_ON_A_PLAIN_RUN)
    )
    assert loaded == []
