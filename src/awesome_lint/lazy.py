"""What is loaded or built on first use, not at import (start-up: the pre-commit hook).

- ``lazy_attributes``: a package's public names imported from its modules on first use
  (PEP 562). The command line imports a few packages on every run only to build its parser
  (link and paper flags, report formats); what else they export loads when it is first read.
- ``lazy_regex``: a module-level regular expression compiled on first use. Compiling is
  pure Python (``re._parser``): the hundred-odd patterns of the parser and the rules cost a
  short list more than linting it, and most runs use a third of them.
"""

from __future__ import annotations

import importlib
import re
import sys
from collections.abc import Callable, Mapping
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
