"""The kept code (awesome_lint/kept_code.py): the classes are the ones ``@dataclass``
makes without it, the patterns the ones ``re.compile`` makes, and the file is written, read
and refused as bytecode is."""

from __future__ import annotations

import builtins
import dataclasses
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from awesome_lint import kept_code

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

    kept = dataclasses.exec.__self__
    assert isinstance(kept, kept_code.KeptCode)
    if kept.regex is not None:
        assert re._compiler.compile == kept.compile_pattern


def test_a_class_is_the_one_plain_dataclasses_make():
    kept = dataclasses.exec
    cache = kept_code.KeptCode(None)
    dataclasses.exec = cache.exec
    try:
        first, again = make_point(), make_point()
        dataclasses.exec = builtins.exec
        plain = make_point()
    finally:
        dataclasses.exec = kept
    assert cache.compiled > 0 and len(cache.loaded) == cache.compiled  # the second one reused
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


# A child that imports the package's model and markdown-it-py, and says what was compiled
# (dataclass methods, patterns), what is kept (classes, patterns) and where.
_CHILD = (
    "import dataclasses, awesome_lint.model, awesome_lint.config, markdown_it; "
    "c = dataclasses.exec.__self__; "
    "n = sum(k[0] == 're' for k in c.entries); "
    "print(c.compiled, len(c.new_patterns), len(c.entries) - n, n, c.path)"
)


def child(env: dict) -> tuple[int, int, int, int, Path]:
    out = subprocess.run(
        [sys.executable, "-c", _CHILD], env=env, capture_output=True, text=True, check=True
    ).stdout.split()
    return (*map(int, out[:4]), Path(out[4]))


REGEX = kept_code._Regex.available()


@pytest.fixture
def env(tmp_path):
    clean = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return {**clean, "PYTHONPYCACHEPREFIX": str(tmp_path / "pycache")}


def test_the_second_run_compiles_nothing(env, tmp_path):
    compiled, patterns, kept, _, path = child(env)
    assert compiled > 20 and path.is_file() and path.is_relative_to(tmp_path) and kept == 0
    assert patterns > 50 or not REGEX  # markdown-it-py's, at least
    again = child(env)
    assert again == (0, 0, compiled, patterns if REGEX else 0, path)


def test_nothing_is_written_where_bytecode_is_not(env):
    compiled, _, _, _, path = child({**env, "PYTHONDONTWRITEBYTECODE": "1"})
    assert compiled > 20 and not path.exists()


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: b"garbage",
        lambda data: data[: len(data) // 2],  # cut short
        lambda data: data.replace(data[25:29], b"\0\0\0\0", 1),  # another bytecode's magic
    ],
    ids=["garbage", "truncated", "other-magic"],
)
def test_a_damaged_file_is_compiled_anew_and_replaced(env, damage):
    first = child(env)
    path = first[-1]
    path.write_bytes(damage(path.read_bytes()))
    assert child(env) == first  # everything compiled again, and kept again
    assert child(env)[:2] == (0, 0)


PATTERNS = [
    (r"(?P<year>\d{4})-(?P<month>\d\d)", 0),
    (r"^\s*[-*+]\s+\[(.*?)\]\((\S+)\)", re.M),
    (r"(?<![\w.])git\s?hub(?![\w-])", re.I),
    (r"\*\*[^*]+\*\*|__[^_]+__|<br\s*/?>", re.I | re.X),
    (r"[\u4e00-\u9fff]+|\bet al\.", 0),
    (rb"\r\n?|\n", 0),
    (r"(a)|(?P<b>b)(?(1)c|d)", re.S),
]
TEXTS = [
    "2023-09 **Bold** <br/>",
    "- [GitHub](https://github.com)\n* [x](y)",
    "\u4e2d\u6587 et al. bd",
]


@pytest.mark.skipif(not REGEX, reason="no pattern is kept on this interpreter (sre_compile)")
@pytest.mark.parametrize("pattern, flags", PATTERNS)
def test_a_kept_pattern_is_the_one_re_compile_makes(pattern, flags):
    regex = kept_code._Regex()
    record = regex.record(pattern, int(flags))
    assert record is not None
    built, made = regex.build(pattern, record), re.compile(pattern, flags)
    assert built == made and built.groupindex == made.groupindex and built.flags == made.flags
    for text in TEXTS:
        text = text.encode() if isinstance(pattern, bytes) else text
        assert [m.span() for m in built.finditer(text)] == [m.span() for m in made.finditer(text)]


@pytest.mark.skipif(not REGEX, reason="no pattern is kept on this interpreter (sre_compile)")
def test_a_pattern_whose_program_is_not_re_s_is_not_kept():
    regex = kept_code._Regex()
    # A compiler that drops the last opcode makes another program: refused, not kept.
    program = regex.program
    regex.program = lambda p, flags: program(p, flags)[:-2] + [1]
    assert regex.record(r"ab+c", 0) is None
    # A program that _sre accepts but that is another pattern's: refused too.
    regex.program = lambda p, flags: program(regex.parse("abd", flags), flags)
    assert regex.record(r"abc", 0) is None


def test_one_new_pattern_alone_does_not_rewrite_the_file(env):
    # As markdown-it-py's set-ordered character class, different in every process.
    *_, path = child(env)
    before = path.read_bytes()
    novel = "; import re, os; re.compile('[' + os.urandom(4).hex() + ']')"
    for _ in range(2):
        subprocess.run([sys.executable, "-c", _CHILD + novel], env=env, check=True)
        assert path.read_bytes() == before
    two = "; re.compile('(' + os.urandom(4).hex() + ')')"
    subprocess.run([sys.executable, "-c", _CHILD + novel + two], env=env, check=True)
    assert path.read_bytes() != before  # two new patterns are worth keeping


TYPED = """
from __future__ import annotations
from typing import NamedTuple, TypedDict

class Span(NamedTuple):
    start: int
    label: str | None = None

class Options(TypedDict, total=False):
    width: int
    names: list[str]
"""


def make_typed(kept: kept_code.KeptCode | None) -> dict:
    import collections
    import typing

    saved = vars(typing).get("compile"), vars(collections).get("eval")
    typing.compile = kept.compile if kept else builtins.compile
    collections.eval = kept.eval if kept else builtins.eval
    try:
        namespace: dict = {"__name__": "typed"}
        exec(TYPED, namespace)
        return namespace
    finally:
        typing.compile, collections.eval = saved
        for module, name, value in ((typing, "compile", saved[0]), (collections, "eval", saved[1])):
            if value is None:
                delattr(module, name)


def test_named_tuples_and_typed_dicts_are_the_ones_plain_typing_makes():
    cache = kept_code.KeptCode(None)
    first, again, plain = make_typed(cache), make_typed(cache), make_typed(None)
    assert cache.compiled == 4 and len(cache.loaded) == 4  # int, str | None, list[str], __new__
    for made in (first, again):
        span, options = made["Span"], made["Options"]
        assert span.__annotations__ == plain["Span"].__annotations__
        assert options.__annotations__ == plain["Options"].__annotations__
        assert span.__new__.__code__.co_code == plain["Span"].__new__.__code__.co_code
        assert (span(1), repr(span(2, "a")), span._fields) == ((1, None), "Span(start=2, label='a')", ("start", "label"))  # fmt: skip
        forward = options.__annotations__["names"]
        assert forward.__forward_code__.co_code == compile("list[str]", "<string>", "eval").co_code
    # Calls that are not typing's own pass through unchanged.
    assert cache.compile("x + 1", "<other>", "eval").co_filename == "<other>"
    assert cache.eval("  1 + 2", {}) == 3  # eval's leading blanks, stripped as eval does


def test_entries_no_save_used_for_a_while_are_dropped(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    path = str(tmp_path / "kept.marshal")
    old, recent = ("exec", "old = 1"), ("exec", "recent = 1")
    entries = {k: (n, compile(k[1], "<string>", "exec")) for k, n in ((old, 3), (recent, 10))}
    kept_code.save(path, 20, entries)
    cache = kept_code.KeptCode(path)
    assert cache.saves == 20 and set(cache.entries) == {old, recent}
    cache.exec("used = 1", {})  # compiled: the file is rewritten at the end
    cache.save()
    saves, after = kept_code.load(path)
    # 21 saves: the entry last used by save 3 is gone, the one of save 10 stays.
    assert saves == 21 and set(after) == {recent, ("exec", "used = 1")}
    assert after[("exec", "used = 1")][0] == 21 and after[recent][0] == 10
    assert kept_code.KEEP_SAVES == 16
