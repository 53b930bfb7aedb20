"""The code ``@dataclass`` generates, compiled once and kept beside the package's bytecode.

For every class, ``@dataclass`` writes the source of ``__init__``, ``__repr__``, ``__eq__``,
``__hash__`` and (frozen classes) ``__setattr__`` and ``__delattr__``, and compiles each with
``exec``. The seventy-odd model and rule classes a run defines cost about 60 ms that way,
a quarter of linting a short list (what the pre-commit hook pays on every commit). The
generated text is the same on every run, so its compiled code is kept like a .pyc file is:

- in the package's ``__pycache__`` (``importlib.util.cache_from_source``: the interpreter's
  cache tag and ``PYTHONPYCACHEPREFIX`` apply), with the interpreter's bytecode magic number
  in the file: the same trust and the same life as the package's own bytecode;
- keyed by the generated text itself, compiled as ``exec`` compiles it (no inherited
  ``__future__`` flags): a class that changes generates other text and compiles anew, and
  the code run is exactly the code ``exec`` would have compiled;
- written where bytecode is written (not under ``sys.dont_write_bytecode``), atomically, at
  exit, only when the run compiled something new; a file that does not load is ignored.

Only the module attribute ``dataclasses.exec`` is set (``_create_fn`` looks ``exec`` up in
its module's globals before the builtins): an interpreter whose dataclasses do not call
``exec`` by name just compiles as before.
"""

import builtins
import dataclasses
import importlib.util
import marshal
import os
import sys

# Entries beyond this many (classes edited many times over) start the file afresh.
MAX_ENTRIES = 4096
_HEADER = b"awesome-lint dataclass code\n" + importlib.util.MAGIC_NUMBER


def cache_path() -> str | None:
    """Where this interpreter keeps the compiled code, or None where it keeps no bytecode."""
    try:
        pyc = importlib.util.cache_from_source(__file__)
    except NotImplementedError:  # sys.implementation.cache_tag is None
        return None
    return pyc[: -len(".pyc")] + ".marshal"


def load(path: str) -> dict:
    try:
        with open(path, "rb") as f:
            data = f.read()
        if not data.startswith(_HEADER):
            return {}
        table = marshal.loads(data[len(_HEADER) :])
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    code = type(load.__code__)
    if not isinstance(table, dict) or not all(
        type(k) is str and type(v) is code for k, v in table.items()
    ):
        return {}
    return table


def save(path: str, table: dict) -> None:
    tmp = f"{path}.{os.getpid()}.tmp"
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(tmp, "wb") as f:
            f.write(_HEADER + marshal.dumps(table))
        os.replace(tmp, path)
    except OSError:  # a read-only install: compile on every run, as before
        try:
            os.unlink(tmp)
        except OSError:
            pass


class CodeCache:
    """``exec`` for dataclasses: the compiled code of a source text seen before."""

    def __init__(self, path: str | None) -> None:
        self.path = path
        self.table = load(path) if path else {}
        self.used: dict = {}
        self.compiled = 0

    def exec(self, source, globals=None, locals=None):
        if globals is None:  # exec's defaults: the caller's namespaces
            frame = sys._getframe(1)
            return builtins.exec(source, frame.f_globals, frame.f_locals)
        if type(source) is not str:
            return builtins.exec(source, globals, locals)
        code = self.table.get(source)
        if code is None:
            code = self.table[source] = compile(source, "<string>", "exec", dont_inherit=True)
            self.compiled += 1
        self.used[source] = code
        return builtins.exec(code, globals, locals)

    def save(self) -> None:
        if not self.compiled or self.path is None or sys.dont_write_bytecode:
            return
        save(self.path, self.table if len(self.table) <= MAX_ENTRIES else self.used)


def install() -> CodeCache | None:
    """Make ``@dataclass`` use the kept code from now on in this process (once). Importing
    this module does it: the modules the package's dataclasses are first defined under
    import it before anything else of the package."""
    if "exec" in vars(dataclasses):  # installed already, or someone else's
        return None
    cache = CodeCache(cache_path())
    dataclasses.exec = cache.exec
    import atexit

    atexit.register(cache.save)
    return cache


install()
