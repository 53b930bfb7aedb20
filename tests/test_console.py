"""The installed command's entry point (``awesome_lint.console``): the process ends with
``os._exit`` once everything is written, the same exit code, the same output, the
``atexit`` handlers run; where that could lose anything, the ordinary exit."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

from .conftest import FIXTURES, awesome_lint_command, untraced_env

SRC = Path(__file__).resolve().parents[1] / "src"


def run(code: str, untraced: bool = False, **kwargs) -> subprocess.CompletedProcess:
    """``code`` in a child; ``untraced`` where the test reads which modules it loaded
    (coverage's start-up in a traced child loads inspect, ast, dis and ipaddress itself)."""
    env = {**(untraced_env() if untraced else os.environ), "PYTHONPATH": str(SRC)}
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        **kwargs,
    )


def test_exit_now_flushes_runs_the_atexit_handlers_and_keeps_the_code():
    proc = run(
        """
        import atexit, sys
        from awesome_lint.console import exit_now
        atexit.register(lambda: print("atexit ran", end=""))
        sys.stdout.write("x" * 100000)  # buffered, not yet written to the pipe
        sys.stderr.write("err")
        exit_now(3)
        print("not reached")
        """
    )
    assert (proc.returncode, proc.stdout, proc.stderr) == (3, "x" * 100000 + "atexit ran", "err")


def test_a_running_thread_or_a_stream_that_will_not_flush_gets_the_ordinary_exit():
    proc = run(
        """
        import sys, threading, time
        from awesome_lint.console import exit_now
        t = threading.Thread(target=lambda: (time.sleep(0.3), print("thread done")))
        t.start()
        code = exit_now(4)  # the interpreter must wait for the thread: returned, not ended
        print("returned", code)
        sys.exit(code)
        """
    )
    assert (proc.returncode, proc.stdout) == (4, "returned 4\nthread done\n")
    proc = run(
        """
        import sys
        from awesome_lint.console import exit_now
        class Broken:
            def write(self, s): return len(s)
            def flush(self): raise OSError("pipe")
        real, sys.stdout = sys.stdout, Broken()
        code = exit_now(5)
        sys.stdout = real
        print("returned", code)
        """
    )
    assert (proc.returncode, proc.stdout) == (0, "returned 5\n")


def test_the_installed_command_writes_everything_and_keeps_its_code_at_exit(tmp_path):
    readme = tmp_path / "README.md"
    readme.write_bytes((FIXTURES / "lists" / "fm_style.md").read_bytes())
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(tmp_path / "pycache")
    argv = [*awesome_lint_command(), "--format", "json", "README.md"]
    first = subprocess.run(argv, cwd=tmp_path, env=env, capture_output=True, timeout=120)
    # The report is whole (the JSON parses), the exit code the findings' one, and the kept
    # code was written by its atexit handler before the process ended.
    assert first.returncode in (0, 1) and isinstance(json.loads(first.stdout), (list, dict))
    kept = list((tmp_path / "pycache").rglob("kept_code.*.marshal"))
    assert len(kept) == 1 and kept[0].stat().st_size > 10000
    # Through a pipe that closes early the command exits as before (no traceback).
    proc = subprocess.Popen(
        [*awesome_lint_command(), "--format", "json", "README.md"],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None
    proc.stdout.close()
    _, err = proc.communicate(timeout=120)
    assert b"Traceback" not in err


def test_the_lint_run_leaves_deferred_what_it_does_not_use(tmp_path):
    readme = tmp_path / "README.md"
    readme.write_bytes((FIXTURES / "lists" / "fm_style.md").read_bytes())
    code = (
        "import atexit, runpy, sys; from awesome_lint.lazy import DeferredModule; "
        "atexit.register(lambda: print('DEFERRED', sorted(k for k, v in sys.modules.items() "
        "if isinstance(v, DeferredModule)), 'LOADED', sorted(m for m in ('ast', 'dis') "
        "if m in sys.modules), file=sys.stderr)); "
        f"sys.argv = [{awesome_lint_command()[0]!r}, 'README.md']; "
        f"runpy.run_path({awesome_lint_command()[0]!r}, run_name='__main__')"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path,
        env=untraced_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    line = next(ln for ln in proc.stderr.splitlines() if ln.startswith("DEFERRED"))
    assert "'logging'" in line and "'ipaddress'" in line, proc.stderr[-2000:]
    # inspect (with ast and dis, which it loads) is not needed by dataclasses' docstrings,
    # written on first read, nor by markdown-it-py's renderer, made on first use.
    assert "'inspect'" in line and line.endswith("LOADED []"), line
