"""Hostile input never hangs the linter (issue 16): every pattern below is linted under 2 s.

The bound is generous on purpose: the old quadratic scanner took 12 s on 8,000 "[" and did
not finish 100,000 in 20 s. It is CPU time (the linter's own work), not wall time: on a
loaded CI machine wall time also counts the other processes' turns, and the suite's runs at
load 10 failed these bounds on wall time while the CPU time stayed under a second.
bench/bench_hostile.py shows linear growth.
"""

from __future__ import annotations

import resource
import sys
import time

import pytest

from awesome_lint.api import lint_text
from tests.cli_runner import run

# The budget is for the linter, not for a tracer: the test command runs the suite under
# coverage (sys.gettrace() is set in each worker), which makes these loops about twice as slow.
LIMIT_S = 2.0 * (3 if sys.gettrace() is not None else 1)

PATTERNS = [
    *[(c, 100_000) for c in ["[", "]", "(", ")", "*", "_", "`", "<", "|", "\\", "!", "&", "#"]],
    *[
        (p, 20_000)
        for p in [
            "![",
            "[[",
            "[ ",
            "[a](",
            "<br",
            "<http://a",
            "<!--",
            "[a]",
            "[a](<",
            "[a](x (",
            '[a](x "',
            "<a ",
            "`` `",
            "](",
            "http://a)",
            "www.a(",
            "&amp;",
        ]
    ],
    ("[![a](b)](", 10_000),  # 20,000 links and images: real work per link
    ("**a _b ", 20_000),  # nested emphasis openers
    ("*a **b ***c ", 10_000),
    ("- ", 10_000),  # a 10,000-deep list on one line
    ("1. ", 10_000),
    ("> ", 10_000),
    ("| a ", 20_000),
    # Anchors: each "id=" or "name=" is looked at, and its tag read, once.
    ("a id=", 200_000),
    ("<a id=", 100_000),
    ("<p name=x ", 50_000),
]


def timed(text: str) -> float:
    start = time.thread_time()
    lint_text(text)
    return time.thread_time() - start


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


@pytest.mark.parametrize("pattern,count", PATTERNS, ids=[repr(p) for p, _ in PATTERNS])
def test_repeated_pattern_lints_in_time(pattern: str, count: int):
    assert timed("# T\n\n" + pattern * count) < LIMIT_S


def test_deep_indented_list_lints_in_time():
    text = "# T\n\n" + "".join("  " * i + "- a\n" for i in range(300))
    assert timed(text) < LIMIT_S


def test_many_lines_of_hostile_patterns():
    line = "[[Paper(https://a.b/" + "[" * 50 + "(" * 50 + "<br " * 20 + "\n"
    assert timed("# T\n\n" + line * 2_000) < LIMIT_S


def test_command_on_100000_brackets(tmp_path):
    path = tmp_path / "b.md"
    path.write_text("# T\n\n" + "[" * 100_000)
    start = children_cpu()
    proc = run(str(path))
    assert children_cpu() - start < LIMIT_S + 1  # + the interpreter's start-up
    assert proc.returncode in (0, 1) and b"Traceback" not in proc.stderr
