#!/usr/bin/env python3
"""The densest list: one-line items (``- [I1](u1)``), whole processes, with the load printed.

Issue 16 asks that a list of 715k such items (9.9 MB) lint in under 15 s, or that the default
limits stop a file before its time passes 15 s. This times ``awesome-lint --quiet`` (CPU,
wall and peak RSS of the child, as bench_lint.py does) on such lists of growing size, each in
a folder of its own whose ``.awesome-lint.toml`` raises ``max-file-size`` and ``max-lines``
so the work itself is timed; the last row is the largest list the default limits accept,
linted under the defaults.

    python bench/bench_dense.py [--items 10000,20000,40000] [--runs 3]

Prints a Markdown table; the README quotes it.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))

from bench_lint import load, run  # noqa: E402

from awesome_lint.config import DEFAULT_MAX_FILE_SIZE, DEFAULT_MAX_LINES  # noqa: E402


def dense_list(items: int) -> str:
    """A heading, a blank line and ``items`` one-line items (about 19 bytes each)."""
    return "# Dense\n\n" + "".join(f"- [I{i}](u{i})\n" for i in range(1, items + 1))


def largest_default(max_bytes: int, max_lines: int) -> int:
    """The most items a dense list can hold under both default limits."""
    lo, hi = 1, max_lines
    while lo < hi:  # the text grows with the items: the largest that fits, by bisection
        mid = (lo + hi + 1) // 2
        text = dense_list(mid)
        fits = len(text.encode()) <= max_bytes and text.count("\n") <= max_lines
        lo, hi = (mid, hi) if fits else (lo, mid - 1)
    return lo


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--items", default="10000,20000,40000", help="comma-separated item counts")
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    ours = shutil.which("awesome-lint", path=str(Path(sys.executable).parent))
    if ours is None:
        print("install this checkout first: pip install -e .", file=sys.stderr)
        return 2
    work = Path(tempfile.mkdtemp(prefix="awesome-lint-dense."))
    print(f"{args.runs} runs each, `awesome-lint --quiet FILE`; load average at start {load()}\n")
    print("| items | size | limits | median wall (s) | median CPU (s) | CPU per item (ms) | peak RSS (MB) |")  # fmt: skip
    print("|---|---|---|---|---|---|---|")
    cases = [(int(n), True) for n in args.items.split(",") if n.strip()]
    cases.append((largest_default(DEFAULT_MAX_FILE_SIZE, DEFAULT_MAX_LINES), False))
    for items, raised in cases:
        folder = work / f"{items}-{'raised' if raised else 'default'}"
        folder.mkdir()
        path = folder / "README.md"
        path.write_text(dense_list(items), encoding="utf-8")
        if raised:
            (folder / ".awesome-lint.toml").write_text(
                "max-file-size = 100_000_000\nmax-lines = 10_000_000\n", encoding="utf-8"
            )
        r = run([ours, "--quiet", str(path)], runs=args.runs)
        size = path.stat().st_size
        print(f"| {items:,} | {size / 1e6:.2f} MB | {'raised' if raised else 'default'} | "
              f"{r['median']:.2f} | {r['cpu']:.2f} | {1000 * r['cpu'] / items:.3f} | {r['rss_mb']:.0f} |")  # fmt: skip
    print(f"\nload average at the end: {load()}")
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
