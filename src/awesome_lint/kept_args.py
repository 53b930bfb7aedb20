"""The command line's parsed arguments, kept per argument list (start-up: the pre-commit
hook runs the same command line on every commit).

Making the argument parser is a twentieth of a short run: argparse itself, gettext and
locale (argparse translates its own strings while the parser is made, and gettext looks
for translation files on each call), and some forty arguments added one by one. The same
parser makes the same values of the same arguments, so the command's own process
(console.py) keeps the values each argument list parsed into, and a later run of the same
list takes them while every file the parser was made from is as it was:

- **What is kept**: an argument list that parsed (an error, ``--help`` and ``--version``
  exit first) into plain values (None, booleans, numbers, strings, and lists and tuples of
  them; not ``--today``'s date), for the ``KEEP`` lists kept most recently.
- **Valid while**: the interpreter is the one it was kept by (the bytecode magic number and
  the version head the file: argparse is the standard library's), and each file the parser
  was made from has the modification time and size it had when the list was parsed: every
  module of the package loaded by then (a superset: the parser's modules and the entry
  point's), and argparse's own file.
- The values come back as a ``types.SimpleNamespace`` (argparse's ``Namespace`` would load
  argparse); the run reads only their attributes.
- Like ``kept_modules``: beside the package's bytecode, written at exit atomically and only
  where bytecode is written; a file that does not load is ignored.
"""

from __future__ import annotations

import marshal
import os
import sys
import types
from collections.abc import Mapping, Sequence
from importlib.util import MAGIC_NUMBER

from .kept_modules import kept_file, load_dict, stat, write_atomically

KEEP = 32
_HEADER = (
    b"awesome-lint kept arguments 1\n"
    + MAGIC_NUMBER
    + f"{sys.version}\n".encode("utf-8", "replace")
)
_SCALARS = (type(None), bool, int, float, str)


def cache_path() -> str | None:
    return kept_file(__file__)


def load(path: str) -> dict:
    """Argument list (a tuple) -> (the files' (path, mtime_ns, size) tuple, the values)."""
    return load_dict(path, _HEADER)


def plain(value: object) -> bool:
    """Whether ``value`` is kept as it is (marshal gives back an equal value of its type)."""
    if type(value) in (list, tuple):
        return all(type(v) in _SCALARS for v in value)  # type: ignore[attr-defined]
    return type(value) in _SCALARS


def parser_files() -> tuple | None:
    """The files the parser was made from, each (path, mtime_ns, size): every module of the
    package loaded now, and argparse's; None when one has no file to look at."""
    files = []
    for name, module in list(sys.modules.items()):
        if name != "argparse" and name.partition(".")[0] != "awesome_lint":
            continue
        origin = getattr(getattr(module, "__spec__", None), "origin", None)
        found = stat(origin) if isinstance(origin, str) else None
        if found is None:
            return None
        files.append((origin, *found))
    return tuple(sorted(files))


class KeptArguments:
    def __init__(self, path: str | None) -> None:
        self.path = path
        self.entries = load(path) if path else {}
        self.fresh: tuple | None = None  # (argument list, entry) parsed by this run

    def parsed(self, argv: Sequence[str]) -> types.SimpleNamespace | None:
        """The values ``argv`` parsed into when kept, if every file is as it was then."""
        entry = self.entries.get(tuple(argv))
        if type(entry) is not tuple or len(entry) != 2:
            return None
        files, values = entry
        if type(files) is not tuple or not files or type(values) is not dict:
            return None
        for file in files:
            if type(file) is not tuple or len(file) != 3 or stat(file[0]) != file[1:]:
                return None
        if not all(type(k) is str and plain(v) for k, v in values.items()):
            return None
        return types.SimpleNamespace(**values)

    def keep(self, argv: Sequence[str], values: Mapping[str, object]) -> None:
        """Keep what the parser made of ``argv`` (saved at exit), when it is plain."""
        if not all(plain(v) for v in values.values()):
            return
        files = parser_files()
        if files is not None:
            self.fresh = (tuple(argv), (files, dict(values)))

    def save(self) -> None:
        if self.fresh is None or self.path is None or sys.dont_write_bytecode:
            return
        key, entry = self.fresh
        entries = {k: v for k, v in self.entries.items() if k != key}
        entries[key] = entry  # the most recent last: the oldest go first
        for old in list(entries)[:-KEEP]:
            del entries[old]
        try:
            os.makedirs(os.path.dirname(self.path), exist_ok=True)
        except OSError:
            return
        write_atomically(self.path, _HEADER + marshal.dumps(entries))


def install() -> KeptArguments:
    import atexit

    kept = KeptArguments(cache_path())
    atexit.register(kept.save)
    return kept
