"""The deferred-module machinery (lazy.py) in this process, on probe modules written for
the test: the stand-in, its load on first use, a module that fails to load, the deferred
logging's loggers, and dataclasses' docstrings written on first read. (The children of
test_deferred_modules.py check the same on the standard modules the command defers.)"""

from __future__ import annotations

import dataclasses
import inspect
import sys
import types

import pytest

from awesome_lint import lazy
from awesome_lint.lazy import (
    DeferredLogger,
    DeferredLogging,
    DeferredModule,
    defer_modules,
    document_dataclasses_on_read,
)


@pytest.fixture
def probe(tmp_path, monkeypatch):
    """Writes a module into a folder on sys.path; removed from sys.modules afterwards."""
    monkeypatch.syspath_prepend(str(tmp_path))
    written: list[str] = []

    def write(name: str, source: str) -> str:
        (tmp_path / f"{name}.py").write_text(source, encoding="utf-8")
        written.append(name)
        return name

    yield write
    for name in written:
        sys.modules.pop(name, None)


def test_a_deferred_module_loads_on_its_first_attribute(probe):
    name = probe("al_probe_plain", "LOADS = []\nLOADS.append(1)\nVALUE = 42\n")
    assert defer_modules([name, "sys", "al_probe_missing", "os.path"]) == [name]
    module = __import__(name)
    assert type(module) is DeferredModule  # the import statement did not load it
    assert module.VALUE == 42  # the first attribute did
    assert type(module) is types.ModuleType and sys.modules[name].LOADS == [1]
    assert "VALUE" in dir(module)


def test_dir_loads_it_too(probe):
    name = probe("al_probe_dir", "VALUE = 1\n")
    defer_modules([name])
    assert "VALUE" in dir(sys.modules[name])


def test_a_module_that_fails_to_load_fails_each_time_and_stays_deferred(probe):
    name = probe("al_probe_broken", "raise RuntimeError('boom')\n")
    defer_modules([name])
    stand_in = sys.modules[name]
    for _ in range(2):
        with pytest.raises(RuntimeError, match="boom"):
            stand_in.anything
        assert sys.modules[name] is stand_in and type(stand_in) is DeferredModule


RECORDING_LOGGING = """
CALLS = []
class _Logger:
    def __init__(self, name):
        self.name = name
    def debug(self, msg, *args):
        CALLS.append(("debug", self.name, msg % args))
    def info(self, msg, *args):
        CALLS.append(("info", self.name, msg % args))
    def warning(self, msg, *args):
        CALLS.append(("warning", self.name, msg % args))
def getLogger(name=None):
    return _Logger(name)
"""


def test_deferred_logging_drops_debug_until_loaded_then_logs_everything(probe):
    name = probe("al_probe_logging", RECORDING_LOGGING)
    stand_in = DeferredLogging(name)
    stand_in.__spec__ = __import__("importlib.util").util.find_spec(name)
    sys.modules[name] = stand_in
    log = stand_in.getLogger("lib.module")
    assert isinstance(log, DeferredLogger) and repr(log) == "<DeferredLogger lib.module>"
    log.debug("entering %s", "rule")
    log.info("info")
    assert type(stand_in) is DeferredLogging  # nothing could have seen those
    log.warning("careful %d", 1)  # anything else loads the module and is its logger's
    assert type(stand_in) is types.ModuleType
    log.debug("now %s", "seen")
    log.info("and this")
    assert stand_in.CALLS == [
        ("warning", "lib.module", "careful 1"),
        ("debug", "lib.module", "now seen"),
        ("info", "lib.module", "and this"),
    ]


def test_a_logger_handed_out_before_another_load_follows_the_loaded_module(probe):
    name = probe("al_probe_logging2", RECORDING_LOGGING)
    stand_in = DeferredLogging(name)
    stand_in.__spec__ = __import__("importlib.util").util.find_spec(name)
    sys.modules[name] = stand_in
    log = stand_in.getLogger()
    assert repr(log) == "<DeferredLogger root>"
    stand_in.CALLS  # loaded by someone else's first use
    log.debug("after")
    assert stand_in.CALLS == [("debug", None, "after")]


@pytest.mark.skipif(sys.version_info[:2] not in lazy._DOC_FORMULA_VERSIONS, reason="3.11-3.13 only")
def test_dataclass_docstrings_are_written_on_first_read_as_dataclasses_writes_them(monkeypatch):
    monkeypatch.setattr(dataclasses, "_process_class", dataclasses._process_class)  # restored
    stand_in = DeferredModule("inspect")
    stand_in.__spec__ = inspect.__spec__
    monkeypatch.setitem(sys.modules, "inspect", stand_in)
    assert document_dataclasses_on_read(dataclasses) is True
    assert document_dataclasses_on_read(dataclasses) is True  # once is enough

    @dataclasses.dataclass(frozen=True)
    class Point:
        x: int
        y: str = "a"

    @dataclasses.dataclass
    class Documented:
        """Its own."""

        x: int = 0

    assert type(sys.modules["inspect"]) is DeferredModule  # made without inspect
    assert Documented.__doc__ == "Its own."
    monkeypatch.setitem(sys.modules, "inspect", inspect)  # the first read may use it
    assert Point.__doc__ == "Point(x: 'int', y: 'str' = 'a')"  # (string annotations here)
    assert type(vars(Point)["__doc__"]) is str  # written once, then an ordinary string

    monkeypatch.setitem(sys.modules, "inspect", stand_in)

    class Bad:
        a: int = 0
        b: int  # a field without a default after one with: dataclasses refuses it

    with pytest.raises(TypeError):
        dataclasses.dataclass(Bad)
    assert Bad.__doc__ is None  # left as it was
