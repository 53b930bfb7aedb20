"""Deferred modules (``lazy.defer_modules``): a stand-in in ``sys.modules`` that loads the
real module on the first attribute it lacks, and loggers that need no ``logging`` until a
message could be seen. Each case runs in a fresh interpreter (the stand-ins replace
``sys.modules`` entries), on every Python 3.10-3.13 found on this machine."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from .conftest import untraced_env

SRC = Path(__file__).resolve().parents[1] / "src"
PYTHONS = [sys.executable] + [
    str(p)
    for v in ("3.10", "3.12", "3.13")
    for p in sorted(Path("/root/.pyenv/versions").glob(f"{v}.*/bin/python{v}"))[-1:]
    if f"{sys.version_info[0]}.{sys.version_info[1]}" != v
]


def run(python: str, code: str) -> subprocess.CompletedProcess:
    # Only the standard library and the package's lazy module: any interpreter runs it.
    # Untraced: coverage's start-up in the child would load the modules deferred here.
    env = {**untraced_env(), "PYTHONPATH": str(SRC)}
    return subprocess.run(
        [python, "-c", textwrap.dedent(code)], env=env, capture_output=True, text=True, timeout=60
    )


def run_ok(python: str, code: str) -> subprocess.CompletedProcess:
    """``run``, which must print "ok" (its asserts all held)."""
    proc = run(python, code)
    assert proc.stdout == "ok\n", proc.stderr
    return proc


@pytest.fixture(params=PYTHONS, ids=lambda p: Path(p).name)
def python(request) -> str:
    return request.param


def test_an_import_statement_does_not_load_the_module_the_first_attribute_does(python):
    run_ok(
        python,
        """
        import sys
        from awesome_lint.lazy import DeferredModule, defer_modules
        assert "ipaddress" not in sys.modules
        assert defer_modules(["ipaddress", "sys", "no_such_module_here"]) == ["ipaddress"]
        import ipaddress  # the import system reads __spec__: that must not load it
        assert type(ipaddress) is DeferredModule and ipaddress.__spec__.name == "ipaddress"
        held = ipaddress
        assert str(ipaddress.ip_address("127.0.0.1")) == "127.0.0.1"  # first use: loads
        real = sys.modules["ipaddress"]
        assert type(real) is type(sys) and real is not held
        assert type(held) is type(sys) and held.ip_network is real.ip_network
        import ipaddress as again
        assert again is real
        print("ok")
        """,
    )


def test_from_import_works_and_a_dataclass_without_docstring_gets_its_signature(python):
    run_ok(
        python,
        """
        import sys
        from awesome_lint.lazy import DeferredModule, defer_modules
        assert "inspect" not in sys.modules and "dataclasses" not in sys.modules
        defer_modules(["inspect"])
        import dataclasses  # imports inspect at its top: the stand-in
        assert isinstance(sys.modules["inspect"], DeferredModule) or sys.version_info >= (3, 12)

        @dataclasses.dataclass
        class Point:
            x: int
            y: str = "a"

        assert Point.__doc__ == "Point(x: int, y: str = 'a')", Point.__doc__
        from inspect import signature
        assert str(signature(Point)) == "(x: int, y: str = 'a') -> None"
        assert type(sys.modules["inspect"]) is type(sys)
        print("ok")
        """,
    )


def test_a_module_that_fails_to_load_stays_deferred_and_raises_each_time(python, tmp_path):
    (tmp_path / "broken_mod.py").write_text("raise RuntimeError('boom')\n")
    run_ok(
        python,
        f"""
        import sys
        sys.path.insert(0, {str(tmp_path)!r})
        from awesome_lint.lazy import DeferredModule, defer_modules
        defer_modules(["broken_mod"])
        import broken_mod
        for _ in range(2):
            try:
                broken_mod.anything
            except RuntimeError as exc:
                assert str(exc) == "boom"
            assert type(sys.modules["broken_mod"]) is DeferredModule
        print("ok")
        """,
    )


def test_debug_messages_need_no_logging_and_anything_else_loads_it(python):
    proc = run_ok(
        python,
        """
        import sys
        from awesome_lint.lazy import DeferredLogging, defer_modules
        defer_modules(["logging"])
        import logging
        log = logging.getLogger("lib.module")  # what a library does at its import
        log.debug("entering %s", "rule")
        log.info("info")
        assert type(sys.modules["logging"]) is DeferredLogging  # nothing could see those
        log.warning("seen: %s", 1)  # the last-resort handler writes it, as without us
        assert type(sys.modules["logging"]) is type(sys)
        logging.basicConfig(level=logging.DEBUG, format="%(name)s %(levelname)s %(message)s")
        log.debug("now %s", "shown")
        assert log.getEffectiveLevel() == logging.DEBUG
        assert logging.getLogger("lib.module") is logging.getLogger("lib.module")
        print("ok")
        """,
    )
    assert proc.stderr == "seen: 1\nlib.module DEBUG now shown\n"


def test_a_configured_logging_reaches_a_logger_handed_out_before(python):
    proc = run(
        python,
        """
        from awesome_lint.lazy import defer_modules
        defer_modules(["logging"])
        import logging
        log = logging.getLogger("early")
        import logging as again
        again.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")
        log.info("info %d", 2)
        log.debug("hidden")
        """,
    )
    assert proc.stderr == "INFO info 2\n" and proc.returncode == 0


def test_a_dataclass_without_docstring_is_documented_on_first_read_as_dataclasses_would(python):
    # Each class is made twice: with inspect deferred (its docstring written when first
    # read) and again once inspect is loaded (dataclasses' own docstring): the same text.
    run_ok(
        python,
        """
        import sys
        from awesome_lint.lazy import DeferredModule, defer_modules, document_dataclasses_on_read
        defer_modules(["inspect"])
        import dataclasses
        on = document_dataclasses_on_read(dataclasses)
        assert on == (sys.version_info[:2] in ((3, 11), (3, 12), (3, 13))), on
        SOURCE = '''
        @dataclasses.dataclass(frozen=True, slots=True, order=True)
        class Point:
            x: int
            y: "list[str]" = dataclasses.field(default_factory=list)
            z: float = 1.5

        @dataclasses.dataclass
        class Documented:
            "Its own."
            a: int = 0

        @dataclasses.dataclass
        class Empty:
            pass

        class Sub(Point):
            pass
        '''
        import textwrap
        lazy, eager = {"dataclasses": dataclasses}, {"dataclasses": dataclasses}
        exec(textwrap.dedent(SOURCE), lazy)
        deferred = isinstance(sys.modules["inspect"], DeferredModule)
        assert deferred == on or sys.version_info >= (3, 12), "made without inspect"
        import inspect  # loaded now: the next classes get dataclasses' own docstrings
        inspect.signature
        exec(textwrap.dedent(SOURCE), eager)
        for name in ("Point", "Documented", "Empty", "Sub"):
            assert lazy[name].__doc__ == eager[name].__doc__, (name, lazy[name].__doc__)
            assert type(vars(lazy[name])["__doc__"]) in (str, type(None))  # kept once read
        assert lazy["Point"](1).__doc__ == eager["Point"].__doc__  # read on an instance
        assert "Point(x: int, y: 'list[str]' = <factory>, z: float = 1.5)" == eager["Point"].__doc__
        print("ok")
        """,
    )


def test_a_dataclass_that_fails_is_left_as_it_was(python):
    run_ok(
        python,
        """
        import sys
        from awesome_lint.lazy import defer_modules, document_dataclasses_on_read
        defer_modules(["inspect"])
        import dataclasses
        document_dataclasses_on_read(dataclasses)
        class Bad:
            a: int = 0
            b: int
        try:
            dataclasses.dataclass(Bad)
        except TypeError as exc:
            assert "non-default argument" in str(exc), exc
        assert Bad.__doc__ is None and "__init__" not in vars(Bad)
        print("ok")
        """,
    )
