#!/usr/bin/env python3
"""What awesome-lint sees in each list of ../shared/corpus: entries per section (checked
against the ground truth in ../shared/FORMATS.md) and findings per rule.

Usage: python bench/corpus_report.py [--corpus ../shared/corpus]
"""

from __future__ import annotations

import argparse
import datetime
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from awesome_lint.api import lint_text  # noqa: E402

# FORMATS.md: per-section entry counts in file order, where it gives them.
GROUND_TRUTH = {
    "000_3fca7bda073997d0.txt": [12, 9, 3, 2, 8, 6],
    "xmindflow__Awesome-Foundation-Models-in-Medical-Imaging.md": [1, 12, 9, 3, 2, 8, 6],
    "xmindflow__Awesome-Transformer-in-Medical-Imaging.md": [18, 16, 16, 5, 7, 6, 12],
    "fahadshamshad__awesome-transformers-in-medical-imaging.md": [
        8,
        75,
        22,
        15,
        24,
        6,
        5,
        9,
        17,
        23,
    ],
    "zhaozh10__Awesome-CLIP-in-Medical-Imaging.md": [33, 22, 14, 19, 42, 25, 10],
}
TOTALS = {"amirhossein-kz__Awesome-Diffusion-Models-in-Medical-Imaging.md": 568}


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    args = ap.parse_args()
    files = sorted([args.corpus / "000_3fca7bda073997d0.txt", *args.corpus.glob("*/*.md")])
    mismatches = 0
    for path in files:
        result = lint_text(path.read_text(encoding="utf-8"), path.name, today=datetime.date.today())
        doc = result.document
        per_section = [len(s.entries) for s in doc.all_sections() if s.entries]
        expected = GROUND_TRUTH.get(path.name)
        check = ""
        if expected is not None:
            ok = per_section == expected
            check = "matches FORMATS.md" if ok else f"MISMATCH, FORMATS.md says {expected}"
            mismatches += not ok
        elif path.name in TOTALS:
            ok = len(doc.entries) == TOTALS[path.name]
            check = "matches FORMATS.md" if ok else f"MISMATCH, FORMATS.md says {TOTALS[path.name]}"
            mismatches += not ok
        rules = Counter(v.name for v in result.violations)
        print(f"{path.parent.name}/{path.name}: {len(doc.entries)} entries {per_section} {check}")
        print("   " + (", ".join(f"{n} {c}" for n, c in rules.most_common()) or "no findings"))
    print(f"\n{mismatches} count mismatch(es)")
    return 1 if mismatches else 0


if __name__ == "__main__":
    sys.exit(main())
