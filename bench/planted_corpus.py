#!/usr/bin/env python3
"""Plant each defect into each real list of ../shared/corpus and check it is found by its
named rule, with no new finding elsewhere (issue 2's acceptance; the test suite does the
same on its own fixture lists, since tests must not read ../shared).

Usage: python bench/planted_corpus.py [--corpus ../shared/corpus]
Prints one row per list and rule: found / other findings / not applicable.
"""

from __future__ import annotations

import argparse
import datetime
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.plant import PLANTERS, plant  # noqa: E402

from awesome_lint.api import lint_text  # noqa: E402
from awesome_lint.parse.parser import parse  # noqa: E402

TODAY = datetime.date(2026, 1, 1)


def findings(text: str) -> Counter:
    # By rule and line: a finding on the edited entry may be re-worded (it quotes the text).
    return Counter((v.name, v.line) for v in lint_text(text, today=TODAY).violations)


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    args = ap.parse_args()
    files = sorted(
        [args.corpus / "000_3fca7bda073997d0.txt", *(args.corpus / "paper").glob("*.md")]
    )
    failures = 0
    print("| list | rule | result |")
    print("|---|---|---|")
    for path in files:
        text = path.read_text(encoding="utf-8")
        if not parse(text).entries:
            continue
        base = findings(text)
        for rule in sorted(PLANTERS):
            planted = plant(text, rule)
            if planted is None:
                print(f"| {path.name[:40]} | {rule} | not applicable |")
                continue
            new_text, line = planted
            after = findings(new_text)
            new = after - base
            e = next(e for e in parse(text).entries if e.line == line)
            gone = [f for f in base - after if not e.span.start_line <= f[1] <= e.span.end_line]
            ok = bool(new) and {n for n, _ in new} == {rule} and not gone
            failures += not ok
            detail = "found" if ok else f"FAIL new={sorted(new)} gone={gone}"
            print(f"| {path.name[:40]} | {rule} (line {line}) | {detail} |")
    print(f"\n{failures} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
