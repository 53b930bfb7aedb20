"""Run the installed ``awesome-lint`` console script, as a user would, in a subprocess."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures" / "fix"


def command() -> str:
    # The script next to this interpreter is the one `pip install -e .` put in the venv.
    here = Path(sys.executable).parent / ("awesome-lint.exe" if os.name == "nt" else "awesome-lint")
    found = str(here) if here.exists() else shutil.which("awesome-lint")
    assert found, "the awesome-lint command is not installed (pip install -e '.[test]')"
    return found


def run(*args: str, cwd: Path | str | None = None, stdin: bytes | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    full_env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    full_env.update(env or {})
    return subprocess.run(
        [command(), *args], cwd=cwd, input=stdin, capture_output=True, env=full_env, timeout=120
    )
