"""What the interpreter compiles again on every start, kept beside the bytecode.

Two kinds of code are compiled at run time, the same on every run:

- **dataclass methods.** For every class, ``@dataclass`` writes the source of ``__init__``,
  ``__repr__``, ``__eq__``, ``__hash__`` and (frozen classes) ``__setattr__`` and
  ``__delattr__``, and compiles each with ``exec``: about 400 compilations for the 69
  classes a run defines, a quarter of linting a short list.
- **regular expressions.** markdown-it-py compiles about 65 patterns when it is imported,
  our modules and the stdlib some 60 more on a short run: another fifth of it.

So their compiled code is kept as a .pyc file keeps a module's:

- in the package's ``__pycache__`` (``importlib.util.cache_from_source``: the cache tag and
  ``PYTHONPYCACHEPREFIX`` apply), one file headed by the interpreter's bytecode magic
  number and version: the same trust and the same life as the package's own bytecode;
- written where bytecode is written (not under ``sys.dont_write_bytecode``), atomically,
  at exit, only when the run compiled something new; a file that does not load is ignored.

Dataclasses: ``dataclasses.exec`` is set (``_create_fn`` looks ``exec`` up in its module's
globals before the builtins), keyed by the generated text itself and compiled exactly as
``exec`` compiles it: a class that changes generates other text and compiles anew.

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

# Entries beyond these (classes or patterns edited many times over) start the table afresh.
MAX_CLASSES = 4096
MAX_PATTERNS = 2048
_HEADER = (
    b"awesome-lint kept code\n"
    + importlib.util.MAGIC_NUMBER
    + sys.version.encode("utf-8", "replace")
    + b"\n"
)


def cache_path() -> str | None:
    """Where this interpreter keeps the compiled code, or None where it keeps no bytecode."""
    try:
        pyc = importlib.util.cache_from_source(__file__)
    except NotImplementedError:  # sys.implementation.cache_tag is None
        return None
    return pyc[: -len(".pyc")] + ".marshal"


def load(path: str) -> tuple[dict, dict]:
    """The kept (dataclass code by source text, pattern record by (pattern, flags))."""
    try:
        with open(path, "rb") as f:
            data = f.read()
        if not data.startswith(_HEADER):
            return {}, {}
        classes, patterns = marshal.loads(data[len(_HEADER) :])
    except (OSError, EOFError, ValueError, TypeError):
        return {}, {}
    code = type(load.__code__)
    if not (
        isinstance(classes, dict)
        and isinstance(patterns, dict)
        and all(type(k) is str and type(v) is code for k, v in classes.items())
    ):
        return {}, {}
    return classes, patterns


def writable(path: str) -> bool:
    """Whether the file can be written: a read-only install compiles on every run, as
    without this module, and should not pay for preparing a file it cannot write."""
    folder = os.path.dirname(path)
    try:
        os.makedirs(folder, exist_ok=True)
    except OSError:
        return False
    return os.access(folder, os.W_OK)


def save(path: str, classes: dict, patterns: dict) -> None:
    tmp = f"{path}.{os.getpid()}.tmp"
    try:
        with open(tmp, "wb") as f:
            f.write(_HEADER + marshal.dumps((classes, patterns)))
        os.replace(tmp, path)
    except (OSError, ValueError):  # a read-only install: compile on every run, as before
        try:
            os.unlink(tmp)
        except OSError:
            pass


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
    """``exec`` for dataclasses and a recording ``re`` compiler, from the kept code."""

    def __init__(self, path: str | None) -> None:
        self.path = path
        self.classes, self.patterns = load(path) if path else ({}, {})
        self.used: dict = {}
        self.compiled = 0  # dataclass methods compiled in this run
        self.new_patterns: list = []  # (pattern, flags) compiled in this run
        self.regex = _Regex() if _Regex.available() else None

    def exec(self, source, globals=None, locals=None):
        if globals is None:  # exec's defaults: the caller's namespaces
            frame = sys._getframe(1)
            return builtins.exec(source, frame.f_globals, frame.f_locals)
        if type(source) is not str:
            return builtins.exec(source, globals, locals)
        code = self.classes.get(source)
        if code is None:
            code = self.classes[source] = compile(source, "<string>", "exec", dont_inherit=True)
            self.compiled += 1
        self.used[source] = code
        return builtins.exec(code, globals, locals)

    def compile_pattern(self, pattern, flags=0):
        """``re._compiler.compile`` (what ``re.compile`` calls when its cache misses): the
        kept pattern when there is one, else the stdlib's, noted to be kept."""
        regex = self.regex
        assert regex is not None
        record = self.patterns.get((pattern, flags))
        if record is not None:
            try:
                return regex.build(pattern, record)
            except (TypeError, ValueError, RuntimeError):  # not this interpreter's program
                self.patterns = {}
        made = regex.compile(pattern, flags)
        if isinstance(pattern, (str, bytes)) and not flags & re.DEBUG:
            self.new_patterns.append((pattern, int(flags)))
        return made

    def save(self) -> None:
        if not (self.compiled or self.new_patterns) or self.path is None:
            return
        if sys.dont_write_bytecode or not writable(self.path):
            return
        patterns, added = dict(self.patterns), 0
        for key in dict.fromkeys(self.new_patterns) if self.regex is not None else ():
            try:
                record = self.regex.record(*key)
            except Exception:  # noqa: BLE001  internals of another interpreter: keep none
                record = None
            if record is not None:
                patterns[key] = record
                added += 1
        if not self.compiled and added < 2:
            # One new pattern alone is not worth rewriting the file for, and is often one
            # that differs on every run: markdown-it-py builds a character class from a set
            # (its order follows the string hashes of the process), which would otherwise
            # rewrite the file on every run.
            return
        if len(patterns) > MAX_PATTERNS:
            patterns = {k: patterns[k] for k in self.new_patterns if k in patterns}
        classes = self.classes if len(self.classes) <= MAX_CLASSES else self.used
        save(self.path, classes, patterns)


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
    if kept.regex is not None:
        kept.regex.compiler.compile = kept.compile_pattern
    import atexit

    atexit.register(kept.save)
    return kept


install()
