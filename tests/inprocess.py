"""The ``awesome-lint`` command line run inside the test process, as its subprocess would run.

Most tests of the command check what it prints and writes for some input; starting a
process for each (an interpreter, the package's imports and, in the test command, coverage
in every child) cost about 0.7 s of CPU per run, most of the suite's time. Here the console
script's own entry point (``awesome_lint.cli.main``, what ``sys.exit(main())`` in the
installed script calls) runs with what a child would get: ``sys.argv``, the environment
(replaced, as ``subprocess.run(env=...)`` replaces it), the working directory, stdin, and
stdout/stderr captured as bytes from streams that are not terminals. An exception that
escapes prints its traceback to stderr and exits 1, as the interpreter does.

The installed command in a real process stays tested where the process is the point: the
install tests, pre-commit, start-up imports, signals, terminals, file permissions (any call
with ``popen`` arguments), calls made with ``process=True`` (the Action's network promise,
say), and the end-to-end tests marked ``own_process``: the command's main paths (a lint,
JSON, stdin, usage errors, ``--fix``, ``--diff``, ``--github``, ``--check-links``,
``--check-papers``, ``add``). ``AWESOME_LINT_TESTS_SUBPROCESS=1`` runs every call as a
subprocess.
"""

from __future__ import annotations

import contextlib
import gc
import io
import os
import subprocess
import sys
import traceback
from collections.abc import Mapping
from pathlib import Path

SUBPROCESS_EVERYWHERE = os.environ.get("AWESOME_LINT_TESTS_SUBPROCESS") == "1"


def wanted(popen: dict | None, process: bool = False) -> bool:
    """Whether a call runs here: not when the test asks for its own process (``process``)
    or passes ``popen`` arguments (privileges, a terminal)."""
    return not (popen or process or SUBPROCESS_EVERYWHERE)


def _stream(data: bytes, errors: str) -> io.TextIOWrapper:
    return io.TextIOWrapper(io.BytesIO(data), encoding="utf-8", errors=errors)


@contextlib.contextmanager
def _environment(env: Mapping[str, str]):
    # In place, not a new mapping: code holds os.environ itself (default arguments).
    saved = dict(os.environ)
    os.environ.clear()
    os.environ.update(env)
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)


def run(
    args: list[str],
    *,
    env: Mapping[str, str],
    cwd: Path | str | None = None,
    stdin: bytes | str | None = None,
    text: bool = False,
) -> subprocess.CompletedProcess:
    """``awesome-lint ARGS`` in this process; the result as ``subprocess.run`` returns it
    (``text``: stdout and stderr decoded with universal newlines, as ``text=True`` does)."""
    from awesome_lint import cli

    if isinstance(stdin, str):
        stdin = stdin.encode("utf-8")
    streams = (sys.stdin, sys.stdout, sys.stderr, sys.argv)
    out, err = _stream(b"", "strict"), _stream(b"", "backslashreplace")
    sys.stdin, sys.stdout, sys.stderr = _stream(stdin or b"", "strict"), out, err
    sys.argv = ["awesome-lint", *args]
    here = os.getcwd()
    try:
        with _environment(env):
            os.chdir(cwd or here)
            try:
                code = cli.main(list(args))
            except SystemExit as exc:  # argparse's usage errors and --version
                code = 0 if exc.code is None else exc.code
                if not isinstance(code, int):  # sys.exit("message"): printed, exit 1
                    print(code, file=sys.stderr)
                    code = 1
            except BaseException:  # what the interpreter prints before exiting 1
                traceback.print_exc()
                code = 1
    finally:
        os.chdir(here)
        for stream in (out, err):
            stream.flush()
        sys.stdin, sys.stdout, sys.stderr, sys.argv = streams
        gc.enable()  # main() turns the collector off for its short-lived process
    stdout, stderr = out.buffer.getvalue(), err.buffer.getvalue()
    if text:
        stdout, stderr = _decoded(stdout), _decoded(stderr)
    return subprocess.CompletedProcess(["awesome-lint", *args], code, stdout, stderr)


def _decoded(data: bytes) -> str:
    return io.TextIOWrapper(io.BytesIO(data), encoding="utf-8", newline=None).read()
