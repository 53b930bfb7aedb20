#!/usr/bin/env python3
"""Lint time of hostile inputs from 10 KB to 1 MB: growth must be linear (issue 16).

For each pattern, builds "# T" + the pattern repeated to 10 KB, 100 KB and 1 MB, lints it in
this process (parse and every default rule; no start-up) and prints the seconds and the
ratio of each time to the one before. Linear growth shows as ratios near 10 (a quadratic
scanner shows 100).

Usage: python bench/bench_hostile.py [--sizes 10000,100000,1000000] [--patterns '[' '<br' ...]
"""

from __future__ import annotations

import argparse
import time

from awesome_lint.api import lint_text

PATTERNS = [
    "[",
    "(",
    "*",
    "_",
    "`",
    "<",
    "|",
    "![",
    "[[",
    "[ ",
    "[a](",
    "<br",
    "<http://a",
    "<!--",
    "**a _b ",
    "- ",
    "> ",
    "[a](x (",
    "http://a)",
]


def seconds(text: str) -> float:
    start = time.perf_counter()
    lint_text(text)
    return time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="10000,100000,1000000")
    ap.add_argument("--patterns", nargs="*", default=PATTERNS)
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    print("| pattern | " + " | ".join(f"{s // 1000} KB" for s in sizes) + " | ratios |")
    print("|---|" + "---|" * len(sizes) + "---|")
    for pattern in args.patterns:
        times = [seconds("# T\n\n" + pattern * (size // len(pattern))) for size in sizes]
        ratios = ", ".join(f"{b / a:.0f}x" for a, b in zip(times, times[1:]) if a > 0)
        cells = " | ".join(f"{t:.3f} s" for t in times)
        print(f"| `{pattern}` | {cells} | {ratios} |", flush=True)


if __name__ == "__main__":
    main()
