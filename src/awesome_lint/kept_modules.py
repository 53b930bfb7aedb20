"""The bytecode of the package's modules and of markdown-it-py's, kept in one file.

A short run imports some 150 modules of these packages, and the import system pays for each
as much as for the module itself: it asks four finders, stats the folder, builds five
candidate names, stats the source, opens and reads its ``.pyc`` file. For the submodules of
``PACKAGES`` (found in their package's folder, not along ``sys.path``) this finder, first in
``sys.meta_path``, answers from one file read once: the module's path, whether it is a
package, and its code, which it serves only while the folder and the source are the ones it
was kept from (the folder's modification time, so no other file can have come to shadow
the module; the source's time in nanoseconds and size, stricter than a ``.pyc`` file's
check). Anything else, or any doubt, is the ordinary import's.

Like ``kept_code``: beside the package's bytecode (``cache_from_source``, so
``PYTHONPYCACHEPREFIX`` applies), headed by the bytecode magic number, the version and the
optimisation level; written at exit, atomically, only where bytecode is written and only
when a module was imported the ordinary way; a file that does not load is ignored. Only
the command line's own process installs it (``console.py``).
"""

from __future__ import annotations

import marshal
import os
import sys
from importlib.machinery import ModuleSpec, SourceFileLoader
from importlib.util import MAGIC_NUMBER, cache_from_source

PACKAGES = ("awesome_lint", "markdown_it", "mdurl")
_HEADER = (
    b"awesome-lint kept modules 1\n"
    + MAGIC_NUMBER
    + f"{sys.version} -O{sys.flags.optimize}\n".encode("utf-8", "replace")
)


def kept_file(module_file: str) -> str | None:
    """Where the kept file of the module at ``module_file`` goes: beside its bytecode (None
    where this interpreter keeps no bytecode)."""
    try:
        pyc = cache_from_source(module_file)
    except NotImplementedError:  # sys.implementation.cache_tag is None
        return None
    return pyc[: -len(".pyc")] + ".marshal"


def cache_path() -> str | None:
    return kept_file(__file__)


def load(path: str) -> dict:
    """Module name -> (source path, is a package, folder mtime, source mtime, size, code)."""
    return load_dict(path, _HEADER)


def load_dict(path: str, header: bytes) -> dict:
    """The dict marshalled in the file after ``header``; empty for any other file."""
    try:
        with open(path, "rb") as f:
            data = f.read()
        if not data.startswith(header):
            return {}
        loaded = marshal.loads(memoryview(data)[len(header) :])
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    return loaded if type(loaded) is dict else {}


class _KeptLoader(SourceFileLoader):
    """The ordinary loader of a ``.py`` file (source, resources, reloads), whose first
    ``get_code`` is the kept code."""

    kept: bytes | None = None

    def get_code(self, fullname):
        kept, self.kept = self.kept, None
        if kept is not None:
            try:
                code = marshal.loads(kept)
            except (EOFError, ValueError, TypeError):
                code = None
            if type(code) is type(_KeptLoader.get_code.__code__):
                return code
        return super().get_code(fullname)


def stat(path: str) -> tuple[int, int] | None:
    """(mtime_ns, size), or None for a file that cannot be looked at."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_mtime_ns, st.st_size


class KeptModules:
    """The meta path finder (``find_spec``) serving the kept modules."""

    def __init__(self, path: str | None) -> None:
        self.path = path
        self.modules = load(path) if path else {}
        self.served: set[str] = set()
        # Imported before the finder was installed (the package itself, this module): they
        # would be imported the ordinary way on every run, and never kept.
        self.before = set(sys.modules)
        self._folders: dict[str, int | None] = {}

    def _folder_mtime(self, folder: str) -> int | None:
        if folder not in self._folders:
            found = stat(folder)
            self._folders[folder] = found[0] if found else None
        return self._folders[folder]

    def find_spec(self, name, path=None, target=None):
        if path is None or target is not None or name.partition(".")[0] not in PACKAGES:
            return None
        record = self.modules.get(name)
        if type(record) is not tuple or len(record) != 6:
            return None
        origin, package, folder_mtime, mtime, size, code = record
        folder = os.path.dirname(os.path.dirname(origin) if package else origin)
        if folder not in path or self._folder_mtime(folder) != folder_mtime:
            return None
        if stat(origin) != (mtime, size) or type(code) is not bytes:
            return None
        loader = _KeptLoader(name, origin)
        loader.kept = code
        spec = ModuleSpec(name, loader, origin=origin, is_package=package)
        spec.has_location = True
        if package:
            spec.submodule_search_locations = [os.path.dirname(origin)]
        self.served.add(name)
        return spec

    def save(self) -> None:
        """Keep what this run imported the ordinary way (at exit)."""
        if self.path is None or sys.dont_write_bytecode:
            return
        fresh = {}
        for name, module in list(sys.modules.items()):
            if name in self.served or name in self.before or "." not in name:
                continue
            if name.partition(".")[0] not in PACKAGES:
                continue
            record = _record(name, module)
            if record is not None:
                fresh[name] = record
        if not fresh:
            return
        # What no longer matches its source (edited, moved, deleted) is dropped.
        modules = {
            k: v
            for k, v in self.modules.items()
            if k not in fresh and type(v) is tuple and len(v) == 6 and stat(v[0]) == v[3:5]
        }
        modules.update(fresh)
        _write_modules(self.path, modules)


def _record(name: str, module) -> tuple | None:
    spec = getattr(module, "__spec__", None)
    loader = getattr(spec, "loader", None)
    origin = getattr(spec, "origin", None)
    if type(loader) not in (SourceFileLoader, _KeptLoader) or not isinstance(origin, str):
        return None
    if not origin.endswith(".py"):
        return None
    package = spec.submodule_search_locations is not None
    folder = os.path.dirname(os.path.dirname(origin) if package else origin)
    before, folder_stat = stat(origin), stat(folder)
    try:
        code = marshal.dumps(SourceFileLoader(name, origin).get_code(name))
    except (ImportError, OSError, SyntaxError, ValueError):
        return None
    if before is None or folder_stat is None or stat(origin) != before:
        return None  # changed while it was read: kept next time
    return origin, package, folder_stat[0], before[0], before[1], code


def _write_modules(path: str, modules: dict) -> None:
    folder = os.path.dirname(path)
    try:
        os.makedirs(folder, exist_ok=True)
    except OSError:
        return
    write_atomically(path, _HEADER + marshal.dumps(modules))


def write_atomically(path: str, data: bytes) -> None:
    """Write ``data`` as ``path`` whole or not at all (a read-only install: not at all)."""
    tmp = f"{path}.{os.getpid()}.tmp"
    try:
        with open(tmp, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except (OSError, ValueError):
        try:
            os.unlink(tmp)
        except OSError:
            pass


def install() -> KeptModules:
    import atexit

    finder = KeptModules(cache_path())
    sys.meta_path.insert(0, finder)
    atexit.register(finder.save)
    return finder
