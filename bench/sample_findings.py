#!/usr/bin/env python3
"""Draw a reproducible sample of findings across the corpus lists, for judging by hand.

Prints a Markdown table (list, line, rule, message, the source line) with an empty verdict
column; bench/judged_sample.md keeps one such sample with its verdicts, so the next sample
can be compared with it. trailing-whitespace is left out (it is never in doubt). At most
``--per-list`` findings come from one list and two from one rule in one list, so the sample
spreads over lists and rules rather than following the floods.

Usage: python bench/sample_findings.py [--corpus ../shared/corpus] [--n 100] [--seed 11]
"""

from __future__ import annotations

import argparse
import datetime
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from awesome_lint.api import lint_text  # noqa: E402


def cell(text: str, limit: int) -> str:
    text = " ".join(text.split()).replace("|", "\\|")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--n", type=int, default=100)
    ap.add_argument("--per-list", type=int, default=6)
    ap.add_argument("--seed", type=int, default=11)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    files = sorted([args.corpus / "000_3fca7bda073997d0.txt", *args.corpus.glob("*/*.md")])
    pools = []
    for path in files:
        text = path.read_text(encoding="utf-8")
        found = [
            v
            for v in lint_text(text, path.name, today=datetime.date.today()).violations
            if v.name != "trailing-whitespace"
        ]
        rng.shuffle(found)
        picked, per_rule = [], {}
        for v in found:
            if per_rule.get(v.name, 0) < 2 and len(picked) < args.per_list:
                picked.append(v)
                per_rule[v.name] = per_rule.get(v.name, 0) + 1
        if picked:
            pools.append((path, text.splitlines(), picked))
    rows = []
    # Round-robin over the lists so every list contributes before any gives a second.
    for k in range(args.per_list):
        for path, lines, picked in pools:
            if k < len(picked) and len(rows) < args.n:
                rows.append((path, lines, picked[k]))
    print("| # | list | line | rule | message | source line | verdict | reason |")
    print("|---|---|---|---|---|---|---|---|")
    for i, (path, lines, v) in enumerate(rows, 1):
        src = lines[v.line - 1] if v.line - 1 < len(lines) else ""
        print(
            f"| {i} | {path.stem[:40]} | {v.line} | {v.name} | {cell(v.message, 160)} |"
            f" `{cell(src, 110).replace('`', '')}` |  |  |"
        )
    print(f"\n{len(rows)} findings from {len({p for p, _, _ in rows})} lists")
    return 0


if __name__ == "__main__":
    sys.exit(main())
