"""lazy_regex: a module constant's pattern compiled on first use, then the real pattern."""

from __future__ import annotations

import re
import types

from awesome_lint.lazy import LazyPattern


def _module(source: str) -> types.ModuleType:
    module = types.ModuleType("lazy_example")
    exec("import re\nfrom awesome_lint.lazy import lazy_regex\n" + source, module.__dict__)
    return module


def test_nothing_is_compiled_until_first_use_and_the_text_is_there_before() -> None:
    m = _module('WORD = lazy_regex(r"(?P<w>[a-z]+)", re.I)\nBOTH = WORD.pattern + "!"\n')
    assert isinstance(m.WORD, LazyPattern)  # reading .pattern did not compile it
    assert m.BOTH == "(?P<w>[a-z]+)!"


def test_it_behaves_like_the_compiled_pattern() -> None:
    m = _module('WORD = lazy_regex(r"(?P<w>[a-z]+)", re.I)\n')
    real = re.compile(r"(?P<w>[a-z]+)", re.I)
    held = (m.WORD,)  # a holder that keeps the stand-in
    text = "Ab cd 12 EF"
    assert held[0].search(text).group("w") == real.search(text).group("w") == "Ab"
    assert held[0].findall(text) == real.findall(text)
    assert held[0].sub("-", text) == real.sub("-", text)
    assert [x.span() for x in held[0].finditer(text)] == [x.span() for x in real.finditer(text)]
    assert held[0].fullmatch("abc") and not held[0].fullmatch("ab c")
    assert (held[0].flags, held[0].groups, held[0].groupindex) == (
        real.flags,
        real.groups,
        real.groupindex,
    )


def test_the_first_use_puts_the_compiled_pattern_in_the_module() -> None:
    m = _module(
        'DIGITS = lazy_regex(r"\\d+")\nALIAS = DIGITS\n'
        "def first(text):\n    return DIGITS.match(text)\n"
    )
    assert isinstance(m.DIGITS, LazyPattern)
    assert m.first("42x").group() == "42"
    assert isinstance(m.DIGITS, re.Pattern) and isinstance(m.ALIAS, re.Pattern)
    assert m.DIGITS.pattern == r"\d+"
    assert m.first("x") is None  # and the function goes on working with it
