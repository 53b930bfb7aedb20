"""How much plain mdformat rewrites each corpus list: the evidence for shipping no plugin.

mdformat is not a dependency of awesome-lint; install it to run this
(``pip install mdformat``). For each list it prints the lines mdformat changes and the
kinds of change (escaped brackets, lost blank lines, re-indented lines, thematic breaks).

    python bench/mdformat_damage.py [CORPUS_DIR]
"""

from __future__ import annotations

import difflib
import sys
from collections import Counter
from pathlib import Path

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


def kinds(old: list[str], new: list[str]) -> Counter:
    c: Counter = Counter()
    for tag, a1, a2, b1, b2 in difflib.SequenceMatcher(
        None, old, new, autojunk=False
    ).get_opcodes():
        if tag == "equal":
            continue
        gone, came = old[a1:a2], new[b1:b2]
        c["blank lines removed"] += max(
            0, sum(1 for ln in gone if not ln.strip()) - sum(1 for ln in came if not ln.strip())
        )
        c["blank lines added"] += max(
            0, sum(1 for ln in came if not ln.strip()) - sum(1 for ln in gone if not ln.strip())
        )
        c["brackets escaped"] += sum(1 for ln in came if "\\[" in ln or "\\]" in ln)
        c["thematic breaks rewritten"] += sum(
            1 for ln in came if set(ln.strip()) == {"_"} and len(ln.strip()) > 3
        )
        c["lines re-indented"] += sum(
            1 for a, b in zip(gone, came) if a.strip() == b.strip() and a != b
        )
    return +c


def main() -> int:
    try:
        import mdformat
    except ImportError:
        sys.exit("mdformat is not installed here: pip install mdformat")
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    print(f"plain mdformat {mdformat.__version__} on {corpus}")
    for path in sorted(
        p for p in corpus.rglob("*") if p.suffix in (".md", ".txt") and p.name != "SOURCES.md"
    ):
        text = path.read_text(encoding="utf-8")
        out = mdformat.text(text)
        old, new = text.splitlines(), out.splitlines()
        changed = sum(
            1
            for tag, a1, a2, *_ in difflib.SequenceMatcher(
                None, old, new, autojunk=False
            ).get_opcodes()
            if tag != "equal"
            for _ in range(a1, a2)
        )
        detail = ", ".join(f"{k} {n}" for k, n in kinds(old, new).most_common())
        print(f"{path.name[:44]:<44} {len(old):>5} lines, {changed:>4} changed  {detail}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
