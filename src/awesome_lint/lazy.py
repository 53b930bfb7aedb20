"""What is loaded or built on first use, not at import (start-up: the pre-commit hook).

- ``lazy_attributes``: a package's public names imported from its modules on first use
  (PEP 562). The command line imports a few packages on every run only to build its parser
  (link and paper flags, report formats); what else they export loads when it is first read.
- ``lazy_regex``: a module-level regular expression compiled on first use. Compiling is
  pure Python (``re._parser``): the hundred-odd patterns of the parser and the rules cost a
  short list more than linting it, and most runs use a third of them.
"""

from __future__ import annotations

import _thread
import importlib
import importlib.util
import re
import sys
import types
from collections.abc import Callable, Iterable, Mapping
from typing import Any


def lazy_attributes(
    package: str, namespace: dict[str, Any], where: Mapping[str, str]
) -> Callable[[str], Any]:
    """The module ``__getattr__`` for ``package``: ``where`` maps a name to the submodule
    defining it; a name once read is kept in the package's ``namespace``."""

    def __getattr__(name: str) -> Any:
        if name not in where:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = namespace[name] = getattr(importlib.import_module(f".{where[name]}", package), name)
        return value

    return __getattr__


# What a compiled pattern offers: the first use copies these onto the lazy pattern, for the
# holders of the lazy object itself (another module's ``from m import PATTERN``, a tuple).
_PATTERN_ATTRIBUTES = (
    "match",
    "fullmatch",
    "search",
    "sub",
    "subn",
    "split",
    "findall",
    "finditer",
    "scanner",
    "flags",
    "groups",
    "groupindex",
)


class LazyPattern:
    """``re.compile(pattern, flags)``, compiled when a method or attribute is first read.

    The first use also puts the compiled pattern in place of this object in the defining
    module's namespace, so the module's own functions then call the real pattern (a lazy
    stand-in costs an indirection per call, and some patterns run per line). ``pattern`` is
    there from the start: patterns built from other patterns' text do not compile them."""

    def __init__(self, pattern: str, flags: int, namespace: dict[str, Any]) -> None:
        self.pattern = pattern
        self._flags = flags
        self._namespace = namespace

    def __getattr__(self, name: str) -> Any:
        # Reached only before the first use. Afterwards the attributes are the instance's,
        # and its class one without __getattr__ (whose mere presence slows every look-up).
        compiled = re.compile(self.pattern, self._flags)
        for attribute in _PATTERN_ATTRIBUTES:
            setattr(self, attribute, getattr(compiled, attribute))
        self.__class__ = _CompiledPattern
        namespace = self._namespace
        for key in [k for k, v in namespace.items() if v is self]:
            namespace[key] = compiled
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"lazy_regex({self.pattern!r}, {self._flags!r})"


class _CompiledPattern:
    """A ``LazyPattern`` after its first use: the compiled pattern's attributes, copied."""

    def __repr__(self) -> str:
        return f"lazy_regex({self.pattern!r}, {self._flags!r})"  # type: ignore[attr-defined]


def lazy_regex(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """A module constant's pattern, compiled on first use (see ``LazyPattern``)."""
    namespace = sys._getframe(1).f_globals
    return LazyPattern(pattern, flags, namespace)  # type: ignore[return-value]


class DeferredModule(types.ModuleType):
    """A module in ``sys.modules`` that is not loaded yet: reading any attribute it lacks
    loads the real module (and the stand-in takes on its namespace).

    Only ``__spec__`` is there from the start: ``import name`` (and ``from name import x``)
    on a module already in ``sys.modules`` reads it to see whether the module is still
    being initialised, and that must not load it (``importlib.util.LazyLoader``'s modules
    load on that read, on 3.11, so any later ``import`` statement loads them)."""

    def __getattr__(self, name: str) -> Any:
        return getattr(_load_deferred(self), name)

    def __dir__(self) -> list[str]:
        return dir(_load_deferred(self))


_DEFERRED_LOCK = _thread.RLock()


def _load_deferred(stand_in: DeferredModule) -> types.ModuleType:
    name = stand_in.__spec__.name
    with _DEFERRED_LOCK:
        if not isinstance(stand_in, DeferredModule):  # another thread loaded it meanwhile
            return sys.modules.get(name, stand_in)
        if sys.modules.get(name) is stand_in:
            del sys.modules[name]
        try:
            real = importlib.import_module(name)
        except BaseException:
            sys.modules.setdefault(name, stand_in)
            raise
        # Whoever bound the stand-in (``import inspect`` at another module's top) keeps
        # it: it becomes an ordinary module with the real one's namespace.
        stand_in.__dict__.update(real.__dict__)
        stand_in.__class__ = types.ModuleType
    return real


def defer_modules(names: Iterable[str]) -> list[str]:
    """Put a ``DeferredModule`` in ``sys.modules`` for each top-level module of ``names``
    not imported yet (the names deferred are returned). For the command line's own process
    only: a module that other code imports loads on its first use, not at import."""
    deferred = []
    for name in names:
        if name in sys.modules or "." in name:
            continue
        spec = importlib.util.find_spec(name)
        if spec is None:
            continue
        stand_in = (DeferredLogging if name == "logging" else DeferredModule)(name)
        stand_in.__spec__ = spec
        sys.modules[name] = stand_in
        deferred.append(name)
    return deferred


class DeferredLogging(DeferredModule):
    """``logging`` not loaded yet. Libraries call ``logging.getLogger(__name__)`` when they
    are imported (markdown-it-py does, in every block rule's module, and logs at debug level
    on every call of a rule): that alone no longer loads the module, it hands out a
    ``DeferredLogger``."""

    def getLogger(self, name: str | None = None) -> Any:  # noqa: N802  logging's own name
        return DeferredLogger(self, name)


class DeferredLogger:
    """A logger from ``logging.getLogger`` while ``logging`` is not loaded.

    Until something loads the module, nothing can have set a handler or a level, so the real
    logger would drop a debug or an info message (the root logger's level is WARNING, and
    the last-resort handler writes only warnings and above): so does this one, without
    loading the module. Anything else (a warning, a level, a handler) loads it and is the
    real logger's, as is everything once the module is loaded."""

    def __init__(self, module: DeferredLogging, name: str | None) -> None:
        self._module = module
        self._name = name

    def _logger(self) -> Any:
        logger = _load_deferred(self._module).getLogger(self._name)
        self.debug, self.info = logger.debug, logger.info  # type: ignore[method-assign]
        return logger

    def debug(self, msg: object, *args: object, **kwargs: Any) -> None:
        if type(self._module) is not DeferredLogging:
            self._logger().debug(msg, *args, **kwargs)

    def info(self, msg: object, *args: object, **kwargs: Any) -> None:
        if type(self._module) is not DeferredLogging:
            self._logger().info(msg, *args, **kwargs)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._logger(), name)

    def __repr__(self) -> str:
        return f"<DeferredLogger {self._name or 'root'}>"


# The versions whose dataclasses write a class's missing docstring as ``_DocOnRead`` does
# (3.10 lets a failing signature raise; 3.14 formats annotations through annotationlib).
_DOC_FORMULA_VERSIONS = ((3, 11), (3, 12), (3, 13))


def document_dataclasses_on_read(dataclasses: types.ModuleType) -> bool:
    """While ``inspect`` is deferred, ``@dataclass`` writes the docstring of a class without
    one when it is first read, not when the class is made (for the command line's own
    process, with ``defer_modules(["inspect"])``). Returns whether it was set up.

    ``dataclasses`` imports ``inspect`` (and with it ``ast`` and ``dis``, a tenth of a short
    run) for one call: ``inspect.signature(cls)``, to write ``Name(field: type, ...)`` as
    the docstring of a class that has none. Ours all have one; two of markdown-it-py's
    classes do not, and nothing ever reads theirs."""
    if sys.version_info[:2] not in _DOC_FORMULA_VERSIONS:
        return False
    process_class = dataclasses._process_class
    if getattr(process_class, "_documents_on_read", False):
        return True

    def _process_class(cls, *args, **kwargs):
        if getattr(cls, "__doc__") or not isinstance(sys.modules.get("inspect"), DeferredModule):
            return process_class(cls, *args, **kwargs)
        doc = cls.__doc__ = _DocOnRead()  # truthy while the class is made: no signature
        try:
            made = process_class(cls, *args, **kwargs)
        except BaseException:
            cls.__doc__ = None
            raise
        doc.ready = True
        return made

    _process_class._documents_on_read = True  # type: ignore[attr-defined]
    dataclasses._process_class = _process_class  # type: ignore[attr-defined]
    return True


class _DocOnRead:
    """A dataclass's docstring, written when first read: ``dataclasses``' own formula (the
    class name and its signature without ``-> None``; the name alone where there is no
    signature), then kept as the class's ``__doc__``. A class's ``__doc__`` is looked up in
    its own namespace only (never inherited), and a descriptor there is called for it."""

    __slots__ = ("ready",)

    def __init__(self) -> None:
        self.ready = False

    def __get__(self, instance: object, owner: type) -> str:
        if not self.ready:
            return "(a dataclass being made)"  # read only by dataclasses' own test, as truthy
        import inspect

        try:
            text_sig = str(inspect.signature(owner)).replace(" -> None", "")
        except (TypeError, ValueError):
            text_sig = ""
        doc = owner.__name__ + text_sig
        type.__setattr__(owner, "__doc__", doc)
        return doc
