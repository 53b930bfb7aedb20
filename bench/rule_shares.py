#!/usr/bin/env python3
"""Which rules fire on more than a fifth of a list's units (issue 11's flood check).

For every list in ../shared/corpus: the units (paper entries, else classic items), and each
rule other than trailing-whitespace whose findings exceed ``--share`` of them, with two
example findings. A rule that fires on most of a list's entries has usually misread it.

Usage: python bench/rule_shares.py [--corpus ../shared/corpus] [--share 0.2]
"""

from __future__ import annotations

import argparse
import datetime
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from awesome_lint.api import lint_text  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--share", type=float, default=0.2)
    args = ap.parse_args()
    files = sorted([args.corpus / "000_3fca7bda073997d0.txt", *args.corpus.glob("*/*.md")])
    floods = 0
    for path in files:
        text = path.read_text(encoding="utf-8")
        result = lint_text(text, path.name, today=datetime.date.today())
        doc = result.document
        units = max(len(doc.entries), len(doc.items))
        by_rule = defaultdict(list)
        for v in result.violations:
            by_rule[v.name].append(v)
        over = {
            name: found
            for name, found in by_rule.items()
            if name != "trailing-whitespace"
            and units
            and len({v.line for v in found}) > args.share * units
        }
        print(f"{path.parent.name}/{path.name}: {units} units, {len(result.violations)} findings")
        lines = text.splitlines()
        for name, found in sorted(over.items(), key=lambda kv: -len(kv[1])):
            floods += 1
            share = len({v.line for v in found}) / units
            print(f"   {name}: {len(found)} findings, {share:.0%} of units")
            for v in found[:2]:
                print(f"      {v.line}: {lines[v.line - 1][:110]}")
                print(f"         -> {v.message[:140]}")
    print(f"\n{floods} rule(s) over {args.share:.0%} of a list's units")
    return 0


if __name__ == "__main__":
    sys.exit(main())
