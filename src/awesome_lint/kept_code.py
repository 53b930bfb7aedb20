"""What the interpreter compiles again on every start, kept beside the bytecode.

Three kinds of code are compiled at run time, the same on every run:

- **dataclass methods.** For every class, ``@dataclass`` writes the source of ``__init__``,
  ``__repr__``, ``__eq__``, ``__hash__`` and (frozen classes) ``__setattr__`` and
  ``__delattr__``, and compiles each with ``exec``: about 400 compilations for the 69
  classes a run defines, a quarter of linting a short list.
- **named tuples and typed dicts.** ``typing`` compiles every string annotation of a
  ``NamedTuple`` or ``TypedDict`` (all of them, under ``from __future__ import
  annotations``) as an expression, and ``collections.namedtuple`` builds each ``__new__``
  with ``eval``: some 70 compilations, a twentieth of a short run.
- **regular expressions.** markdown-it-py compiles about 65 patterns when it is imported,
  our modules and the stdlib some 60 more on a short run: another fifth of it.

So their compiled code is kept as a .pyc file keeps a module's:

- in the package's ``__pycache__`` (``importlib.util.cache_from_source``: the cache tag and
  ``PYTHONPYCACHEPREFIX`` apply), one file headed by the interpreter's bytecode magic
  number and version: the same trust and the same life as the package's own bytecode;
- written where bytecode is written (not under ``sys.dont_write_bytecode``), atomically,
  at exit, only when the run compiled something new; a file that does not load is ignored;
- one ``marshal`` of every entry (what the entries share, as names, is stored once: a
  file of entries marshalled one by one and loaded on use loads slower, as a short run
  uses most of them); an entry is dropped after ``KEEP_SAVES`` saves of the file that did
  not use it (code that was edited since, rules no run uses any more).

Dataclasses: ``dataclasses.exec`` is set (``_create_fn`` looks ``exec`` up in its module's
globals before the builtins), keyed by the generated text itself and compiled exactly as
``exec`` compiles it: a class that changes generates other text and compiles anew. Likewise
``typing.compile`` (``ForwardRef``) and ``collections.eval`` (``namedtuple``), for the calls
that compile a string as ``'<string>'`` in ``'eval'`` mode; both modules have no
``__future__`` imports for the compilation to inherit (checked when installing), so such
code compiles here as there, and any other call is passed on unchanged.

Regular expressions: ``re._compiler.compile`` (what ``re.compile`` calls when its own cache
misses) is set; a kept pattern is built by ``_sre.compile`` from the program the stdlib's
compiler made for it, and was kept only after it compared equal to the pattern
``re.compile`` made (CPython compares the pattern, the flags and the whole program) with
the same groups. Where these internals differ (Python 3.10's
``sre_compile``), no pattern is kept and ``re`` compiles as it always does.
"""

import builtins
import dataclasses
import importlib.util
import marshal
import os
import re
import sys
import types

from .kept_modules import kept_file, write_atomically

# An entry no save of the file used for this many saves is dropped (saves happen only when
# a run compiled something new: an edited class, a new pattern).
KEEP_SAVES = 16
MAX_ENTRIES = 8192  # beyond this (code edited very often), only what the run used is kept
_HEADER = (
    b"awesome-lint kept code 2\n"
    + importlib.util.MAGIC_NUMBER
    + sys.version.encode("utf-8", "replace")
    + b"\n"
)
_CODE = types.CodeType


def cache_path() -> str | None:
    """Where this interpreter keeps the compiled code, or None where it keeps no bytecode."""
    return kept_file(__file__)


def load(path: str) -> tuple[int, dict]:
    """The file's save count and entries: a key (``("exec" | "eval", source)`` or
    ``("re", pattern, flags)``) to the count of the last save that used it and the code
    object or the pattern's record (each checked when used)."""
    try:
        with open(path, "rb") as f:
            data = f.read()
        if not data.startswith(_HEADER):
            return 0, {}
        saves, entries = marshal.loads(memoryview(data)[len(_HEADER) :])
    except (OSError, EOFError, ValueError, TypeError):
        return 0, {}
    if type(saves) is not int or type(entries) is not dict:
        return 0, {}
    return saves, entries


def writable(path: str) -> bool:
    """Whether the file can be written: a read-only install compiles on every run, as
    without this module, and should not pay for preparing a file it cannot write."""
    folder = os.path.dirname(path)
    try:
        os.makedirs(folder, exist_ok=True)
    except OSError:
        return False
    return os.access(folder, os.W_OK)


def save(path: str, saves: int, entries: dict) -> None:
    write_atomically(path, _HEADER + marshal.dumps((saves, entries)))


def _kept(entry):
    """The object a kept entry holds, or None for an entry that is not one."""
    if type(entry) is not tuple or len(entry) != 2 or type(entry[0]) is not int:
        return None
    return entry[1]


_FUTURE_FLAGS = 0
for _feature in __import__("__future__").all_feature_names:
    _FUTURE_FLAGS |= getattr(__import__("__future__"), _feature).compiler_flag


def _inherits_no_future(function) -> bool:
    """Whether code compiled by ``function``'s module inherits no ``__future__`` flag."""
    code = getattr(function, "__code__", None)
    return isinstance(code, _CODE) and not code.co_flags & _FUTURE_FLAGS


class _Regex:
    """The stdlib's pattern compiler, where it is as in 3.11-3.13."""

    def __init__(self) -> None:
        import _sre
        import re._compiler
        import re._parser

        self.sre, self.compiler = _sre, re._compiler
        self.compile = re._compiler.compile  # the stdlib's own, kept for the misses
        self.parse, self.program = re._parser.parse, re._compiler._code

    @staticmethod
    def available() -> bool:
        return hasattr(re, "_compiler") and hasattr(re, "_parser")

    def build(self, pattern, record):
        final_flags, program, groups, groupindex, indexgroup = record
        return self.sre.compile(pattern, final_flags, program, groups, groupindex, indexgroup)

    def record(self, pattern, flags: int):
        """What ``build`` needs to make ``re.compile(pattern, flags)`` again, or None when
        the pattern it makes would not be that one."""
        parsed = self.parse(pattern, flags)
        program = [int(op) for op in self.program(parsed, flags)]
        groupindex = dict(parsed.state.groupdict)
        indexgroup = [None] * parsed.state.groups
        for name, i in groupindex.items():
            indexgroup[i] = name
        kept = (int(flags | parsed.state.flags), program, parsed.state.groups - 1, groupindex, tuple(indexgroup))  # fmt: skip
        made = re.compile(pattern, flags)
        try:
            built = self.build(pattern, kept)
        except (TypeError, ValueError, RuntimeError):  # not a program _sre accepts
            return None
        if built != made or built.groupindex != made.groupindex or built.groups != made.groups:
            return None
        return kept


class KeptCode:
    """``exec`` for dataclasses, ``compile`` for typing, ``eval`` for named tuples and a
    recording ``re`` compiler, from the kept code."""

    def __init__(self, path: str | None) -> None:
        self.path = path
        self.saves, self.entries = load(path) if path else (0, {})
        self.loaded: dict = {}  # key -> object: what this run used or compiled
        self.compiled = 0  # code compiled in this run (dataclass methods, expressions)
        self.new_patterns: list = []  # (pattern, flags) compiled in this run
        self.regex = _Regex() if _Regex.available() else None

    def code(self, mode: str, source: str):
        """``compile(source, "<string>", mode)`` as a module without ``__future__`` imports
        compiles it, kept."""
        key = (mode, source)
        code = self.loaded.get(key)
        if code is not None:
            return code
        code = _kept(self.entries.get(key))
        if type(code) is not _CODE:
            code = compile(source, "<string>", mode, dont_inherit=True)
            self.compiled += 1
        self.loaded[key] = code
        return code

    def exec(self, source, globals=None, locals=None):
        return self._run(builtins.exec, "exec", source, globals, locals)

    def eval(self, source, globals=None, locals=None):
        return self._run(builtins.eval, "eval", source, globals, locals)

    def _run(self, run, mode, source, globals, locals):
        """``run`` (the builtin ``exec`` or ``eval``) of ``source``, kept when it is text."""
        if globals is None:  # the builtin's defaults: the namespaces of exec's/eval's caller
            frame = sys._getframe(2)
            return run(source, frame.f_globals, frame.f_locals)
        if type(source) is not str:
            return run(source, globals, locals)
        if mode == "eval":
            source = source.lstrip(" \t")  # eval strips leading spaces and tabs first
        return run(self.code(mode, source), globals, locals)

    def compile(self, source, filename, mode, flags=0, dont_inherit=False, optimize=-1, **kw):
        if type(source) is str and filename == "<string>" and mode == "eval":
            if not flags and optimize == -1 and not kw:
                return self.code("eval", source)
        # Called from a module without __future__ imports, it inherited no flag.
        return builtins.compile(source, filename, mode, flags, True, optimize, **kw)

    def compile_pattern(self, pattern, flags=0):
        """``re._compiler.compile`` (what ``re.compile`` calls when its cache misses): the
        kept pattern when there is one, else the stdlib's, noted to be kept."""
        regex = self.regex
        assert regex is not None
        key = ("re", pattern, flags)
        record = _kept(self.entries.get(key))
        if record is not None:
            try:
                built = regex.build(pattern, record)
            except (TypeError, ValueError, RuntimeError):  # not this interpreter's program
                pass
            else:
                self.loaded[key] = record
                return built
        made = regex.compile(pattern, flags)
        if isinstance(pattern, (str, bytes)) and not flags & re.DEBUG:
            self.new_patterns.append((pattern, int(flags)))
        return made

    def save(self) -> None:
        if not (self.compiled or self.new_patterns) or self.path is None:
            return
        if sys.dont_write_bytecode or not writable(self.path):
            return
        fresh: dict = {}
        for pattern, flags in dict.fromkeys(self.new_patterns) if self.regex is not None else ():
            try:
                record = self.regex.record(pattern, flags)
            except Exception:  # noqa: BLE001  internals of another interpreter: keep none
                record = None
            if record is not None:
                fresh[("re", pattern, flags)] = record
        if not self.compiled and len(fresh) < 2:
            # One new pattern alone is not worth rewriting the file for, and is often one
            # that differs on every run: markdown-it-py builds a character class from a set
            # (its order follows the string hashes of the process), which would otherwise
            # rewrite the file on every run.
            return
        saves = self.saves + 1
        used = {**self.loaded, **fresh}
        entries = {
            k: v
            for k, v in self.entries.items()
            if k not in used
            and type(v) is tuple
            and type(v[0]) is int
            and v[0] + KEEP_SAVES > saves
        }
        if len(entries) + len(used) > MAX_ENTRIES:
            entries = {}
        entries.update((k, (saves, obj)) for k, obj in used.items())
        save(self.path, saves, entries)


INSTALLED: KeptCode | None = None


def exec_kept(source: str, scope: dict) -> None:
    """``exec(source, scope)`` for code generated the same on every run (as dataclasses
    generates its methods), its compiled code kept with theirs."""
    (INSTALLED.exec if INSTALLED is not None else builtins.exec)(source, scope)


def install() -> KeptCode | None:
    """Use the kept code from now on in this process (once). Importing this module does it:
    the modules the package's dataclasses are first defined under import it before
    anything else of the package, and before markdown-it-py."""
    if "exec" in vars(dataclasses):  # installed already, or someone else's
        return None
    global INSTALLED
    kept = INSTALLED = KeptCode(cache_path())
    dataclasses.exec = kept.exec
    import collections
    import typing

    # Each where the module compiles with the builtin and inherits no __future__ flag.
    forward_ref = getattr(getattr(typing, "ForwardRef", None), "__init__", None)
    if "compile" not in vars(typing) and _inherits_no_future(forward_ref):
        typing.compile = kept.compile
    if "eval" not in vars(collections) and _inherits_no_future(collections.namedtuple):
        collections.eval = kept.eval
    if kept.regex is not None:
        kept.regex.compiler.compile = kept.compile_pattern
    import atexit

    atexit.register(kept.save)
    return kept


install()
