"""The kept dataclass code (awesome_lint/dataclass_code.py): the classes are the ones
``@dataclass`` makes without it, and the file is written, read and refused as bytecode is."""

from __future__ import annotations

import builtins
import dataclasses
import os
import subprocess
import sys
from pathlib import Path

import pytest

from awesome_lint import dataclass_code

SOURCE = """
from __future__ import annotations
import dataclasses

@dataclasses.dataclass(frozen=True)
class Point:
    x: int
    label: str | None = None
    tags: tuple[str, ...] = dataclasses.field(default_factory=tuple)
"""


def make_point():
    namespace: dict = {"__name__": "points"}
    sys.modules["points"] = type(sys)("points")  # dataclasses reads the module's namespace
    try:
        exec(SOURCE, namespace)
    finally:
        del sys.modules["points"]
    return namespace["Point"]


def test_the_package_installs_it():
    import awesome_lint.model  # noqa: F401

    assert isinstance(dataclasses.exec.__self__, dataclass_code.CodeCache)


def test_a_class_is_the_one_plain_dataclasses_make():
    kept = dataclasses.exec
    cache = dataclass_code.CodeCache(None)
    dataclasses.exec = cache.exec
    try:
        first, again = make_point(), make_point()
        dataclasses.exec = builtins.exec
        plain = make_point()
    finally:
        dataclasses.exec = kept
    assert cache.compiled > 0 and len(cache.used) == cache.compiled  # the second one reused
    for cls in (first, again):
        for name in ("__init__", "__repr__", "__eq__", "__hash__", "__setattr__", "__delattr__"):
            ours, theirs = getattr(cls, name), getattr(plain, name)
            assert ours.__code__.co_code == theirs.__code__.co_code, name
            assert ours.__annotations__ == theirs.__annotations__, name  # no stringified ones
        p = cls(1, "a")
        assert (p, repr(p), hash(p)) == (cls(1, "a"), "Point(x=1, label='a', tags=())", hash(cls(1, "a")))  # fmt: skip
        assert p != cls(2)
        with pytest.raises(dataclasses.FrozenInstanceError):
            p.x = 3
        assert [f.name for f in dataclasses.fields(cls)] == ["x", "label", "tags"]
        assert dataclasses.replace(p, x=5) == cls(5, "a")


# A child that imports the package's model and says what its cache did.
_CHILD = (
    "import dataclasses, awesome_lint.model, awesome_lint.config; "
    "c = dataclasses.exec.__self__; print(c.compiled, len(c.table), c.path)"
)


def child(env: dict) -> tuple[int, int, Path]:
    out = subprocess.run(
        [sys.executable, "-c", _CHILD], env=env, capture_output=True, text=True, check=True
    ).stdout.split()
    return int(out[0]), int(out[1]), Path(out[2])


@pytest.fixture
def env(tmp_path):
    clean = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return {**clean, "PYTHONPYCACHEPREFIX": str(tmp_path / "pycache")}


def test_the_second_run_compiles_nothing(env, tmp_path):
    compiled, kept, path = child(env)
    assert compiled > 20 and path.is_file() and path.is_relative_to(tmp_path)
    assert child(env) == (0, kept, path)


def test_nothing_is_written_where_bytecode_is_not(env):
    compiled, _, path = child({**env, "PYTHONDONTWRITEBYTECODE": "1"})
    assert compiled > 20 and not path.exists()


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: b"garbage",
        lambda data: data[: len(data) // 2],  # cut short
        lambda data: data.replace(data[28:32], b"\0\0\0\0", 1),  # another bytecode's magic
    ],
    ids=["garbage", "truncated", "other-magic"],
)
def test_a_damaged_file_is_compiled_anew_and_replaced(env, damage):
    _, kept, path = child(env)
    path.write_bytes(damage(path.read_bytes()))
    compiled, again, _ = child(env)
    assert compiled == kept == again
    assert child(env) == (0, kept, path)
