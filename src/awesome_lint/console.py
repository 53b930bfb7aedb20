"""The installed ``awesome-lint`` command's entry point: a process of its own, start to end.

The pre-commit hook runs the command on every commit, and on a short list most of its time
is the interpreter's, not the lint's. Four costs are ours to cut, because the process is
ours (``cli.main``, which tests and other programs call in their own process, does none):

- **Modules a run seldom uses.** Some standard modules are imported at the top of others
  for what a lint run never or seldom does (markdown-it-py's ``logging.getLogger`` for
  debug messages nobody can see, ``urllib.parse``'s ``ipaddress`` for bracketed hosts,
  ``inspect``'s ``tokenize`` and ``linecache`` for source lines). Each is a stand-in until
  its first attribute is read (``lazy.defer_modules``).
- **Finding and reading each module.** The submodules of the package and of
  markdown-it-py come from one file (``kept_modules``).
- **Making the argument parser.** The values an argument list parsed into are kept for
  the next run of the same list (``kept_args``): argparse is not loaded then.
- **Tearing the interpreter down.** After the report is written, the interpreter's exit
  frees every module and object one by one and runs the cyclic collector over them: a
  tenth of a short run, for memory the operating system takes back anyway. The process
  ends with ``os._exit`` once the streams are flushed and the ``atexit`` handlers have run;
  where that would lose anything (a thread still running, a stream that does not flush)
  it exits the ordinary way.
"""

from __future__ import annotations

import atexit
import gc
import os
import sys

from .lazy import defer_modules, document_dataclasses_on_read

# Loaded on first use: what imports them at its top uses them for what a lint run (with or
# without --fix, --export, --check-links) seldom or never needs.
DEFERRED = (
    "ipaddress",
    "logging",
    "copy",
    "fnmatch",
    "ntpath",
    "unicodedata",
    "linecache",
    "tokenize",
    "token",
    # With ast and dis, loaded at its top: for dataclasses' docstrings (see
    # document_dataclasses_on_read) and markdown-it-py's HTML renderer (parse/markdown.py).
    "inspect",
)


def main() -> int:
    # cli.main turns the cyclic collector off for the run; the imports before it (most of
    # a short run) build only objects that live as long as the process, too.
    gc.disable()
    defer_modules(DEFERRED)
    import dataclasses  # every run's model is made of them

    document_dataclasses_on_read(dataclasses)
    from . import kept_modules

    kept_modules.install()
    from . import kept_args
    from .cli import main as cli_main

    return exit_now(cli_main(kept_arguments=kept_args.install()))


def exit_now(code: int) -> int:
    """End the process with ``code`` now, as the interpreter's exit would end it, or return
    ``code`` (for ``sys.exit``) where only the ordinary exit can end it faithfully."""
    threading = sys.modules.get("threading")
    if threading is not None and any(
        t.is_alive() and not t.daemon
        for t in threading.enumerate()
        if t is not threading.main_thread()
    ):
        return code  # the interpreter waits for them
    if not _flushed():
        return code  # the ordinary exit reports the error and exits 120, as before
    atexit._run_exitfuncs()
    if not _flushed():
        return code
    os._exit(code)


def _flushed() -> bool:
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except (OSError, ValueError):
            return False
    return True
