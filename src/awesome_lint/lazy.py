"""A package's public names imported from its modules on first use (PEP 562).

The command line imports a few packages on every run only to build its parser (link and
paper flags, report formats); what else they export loads when it is first read.
"""

from __future__ import annotations

import importlib
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
