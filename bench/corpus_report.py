#!/usr/bin/env python3
"""What awesome-lint sees in each list of ../shared/corpus.

Per list: entries and classic items recognised; *paper coverage*, the share of the list's
paper links (arXiv, OpenReview, DOI, proceedings, PDF…, outside the table of contents and
HTML blocks) that lie inside a recognised entry, an estimate of the share of its papers
that were recognised which does not depend on the recogniser; the share of entries with
each field; and findings per rule with their share of the list's entries (rules over 20% are
marked ``!``; the share is over entries and items, a rule counted once per line). Per-section entry counts are checked against the ground truth in
../shared/FORMATS.md where it gives them.

Usage: python bench/corpus_report.py [--corpus ../shared/corpus] [--src DIR] [--brief]
(``--src /work/main/src`` reports on another checkout, for a before/after comparison).
"""

from __future__ import annotations

import argparse
import datetime
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

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
FIELDS = ("title", "authors", "date", "venue", "links")
FLOOD = 0.20  # a rule on more than this share of a list's entries has likely misread it
_PAPER_HOST = (
    "arxiv.org", "openreview.net", "aclanthology", "aclweb.org", "doi.org", "ieeexplore",
    "dl.acm.org", "springer", "sciencedirect", "thecvf.com", "nips.cc", "neurips.cc",
    "mlr.press", "ojs.aaai", "ijcai.org", "biorxiv", "medrxiv", "semanticscholar",
)  # fmt: skip


def is_paper_url(url: str) -> bool:
    low = url.lower()
    return any(h in low for h in _PAPER_HOST) or low.split("?")[0].endswith(".pdf")


def paper_coverage(doc) -> tuple[int, int]:
    """(paper URLs inside an entry, paper URLs) over distinct URLs outside ToC and HTML."""
    toc_lines = {t.link.line for t in doc.toc}
    spans = sorted((e.span.start_line, e.span.end_line) for e in doc.entries)
    covered: set[str] = set()
    urls: set[str] = set()
    import bisect

    starts = [a for a, _ in spans]
    for lk in doc.links:
        if lk.line in toc_lines or lk.line in doc.opaque_lines or not is_paper_url(lk.url):
            continue
        if lk.form.value == "image":
            continue
        urls.add(lk.url)
        k = bisect.bisect_right(starts, lk.line) - 1
        if k >= 0 and spans[k][0] <= lk.line <= spans[k][1]:
            covered.add(lk.url)
    return len(covered & urls), len(urls)


def field_share(entries) -> dict[str, float]:
    n = len(entries) or 1
    return {
        "title": sum(e.title is not None for e in entries) / n,
        "authors": sum(bool(e.authors) for e in entries) / n,
        "date": sum(e.date is not None for e in entries) / n,
        "venue": sum(e.venue is not None for e in entries) / n,
        "links": sum(bool(e.links) for e in entries) / n,
    }


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--src", type=Path, default=ROOT / "src", help="the awesome_lint to import")
    ap.add_argument("--brief", action="store_true", help="one line per list")
    args = ap.parse_args()
    sys.path.insert(0, str(args.src))
    from awesome_lint.api import lint_text

    files = sorted([args.corpus / "000_3fca7bda073997d0.txt", *args.corpus.glob("*/*.md")])
    mismatches = 0
    if args.brief:
        print("list | entries | items | papers covered | " + " | ".join(FIELDS) + " | rules > 20%")
    for path in files:
        result = lint_text(path.read_text(encoding="utf-8"), path.name, today=datetime.date.today())
        doc = result.document
        entries = doc.entries
        per_section = [len(s.entries) for s in doc.all_sections() if s.entries]
        expected = GROUND_TRUTH.get(path.name)
        check = ""
        if expected is not None:
            ok = per_section == expected
            check = "matches FORMATS.md" if ok else f"MISMATCH, FORMATS.md says {expected}"
            mismatches += not ok
        elif path.name in TOTALS:
            ok = len(entries) == TOTALS[path.name]
            check = "matches FORMATS.md" if ok else f"MISMATCH, FORMATS.md says {TOTALS[path.name]}"
            mismatches += not ok
        got, total = paper_coverage(doc)
        coverage = f"{got}/{total} ({100 * got / total:.0f}%)" if total else "-"
        shares = field_share(entries)
        # Shares are over the list's units: its entries and its classic items (the classic
        # rules judge items).
        n = (len(entries) + len(doc.items)) or 1
        rules = Counter(v.name for v in result.violations)
        per_entry = {
            name: len({v.line for v in result.violations if v.name == name}) / n for name in rules
        }
        flooding = [f"{r} {100 * s:.0f}%" for r, s in per_entry.items() if s > FLOOD and n > 1]
        name = path.name.split("__")[0] if "__" in path.name else path.name
        if args.brief:
            print(
                f"{name} | {len(entries)} | {len(doc.items)} | {coverage} | "
                + " | ".join(f"{100 * shares[f]:.0f}%" for f in FIELDS)
                + " | "
                + (", ".join(flooding) or "-")
            )
            continue
        print(f"{path.parent.name}/{path.name}: {len(entries)} entries, {len(doc.items)} items, "
              f"paper links in entries {coverage} {check}")  # fmt: skip
        print("   per section " + str(per_section))
        print("   fields " + ", ".join(f"{f} {100 * shares[f]:.0f}%" for f in FIELDS))
        print(
            "   "
            + (
                ", ".join(
                    f"{r} {c} ({100 * per_entry[r]:.0f}%){'!' if per_entry[r] > FLOOD else ''}"
                    for r, c in rules.most_common()
                )
                or "no findings"
            )
        )
    print(f"\n{mismatches} count mismatch(es)")
    return 1 if mismatches else 0


if __name__ == "__main__":
    sys.exit(main())
