"""--fix on every list of the shared corpus: what it changes, and that it changes nothing else.

For each list, a copy is fixed with the installed ``awesome-lint --fix`` (the real writer),
then checked:

- every changed line carried a fixable finding in the original (the lines a fix's edits
  cover), so no byte outside a reported span moved;
- a second ``--fix`` changes nothing (idempotent) and no fixable finding remains;
- with ``--sort-entries --fix-toc`` too, the lines only move (entries) or belong to the ToC.

It prints a table (lines changed, fixes by rule, time) and exits 1 if any check fails. The
corpus lives outside the repository (``../shared/corpus``), which is why this is a script
and not a test; tests/test_fix_cli.py checks the same on fixtures of our own.

    python bench/fix_corpus.py [CORPUS_DIR]
"""

from __future__ import annotations

import collections
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from awesome_lint.api import lint_text
from awesome_lint.parse.parser import normalize, parse

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


def command() -> str:
    here = Path(sys.executable).parent / "awesome-lint"
    return (
        str(here)
        if here.exists()
        else (shutil.which("awesome-lint") or sys.exit("awesome-lint is not installed"))
    )


def lists(corpus: Path) -> list[Path]:
    return sorted(
        p for p in corpus.rglob("*") if p.suffix in (".md", ".txt") and p.name != "SOURCES.md"
    )


def fixable_lines(text: str) -> tuple[set[int], collections.Counter]:
    lines: set[int] = set()
    codes: collections.Counter = collections.Counter()
    for v in lint_text(text).violations:
        if v.fix is not None:
            codes[v.code] += 1
            for e in v.fix.edits:
                lines.update(range(e.span.start_line, e.span.end_line + 1))
    return lines, codes


def check(path: Path, exe: str, tmp: Path) -> tuple[list[str], str]:
    problems = []
    original = normalize(path.read_text(encoding="utf-8"))
    allowed, codes = fixable_lines(original)
    work = tmp / "README.md"
    shutil.copyfile(path, work)
    t = time.perf_counter()
    subprocess.run([exe, "--fix", "--quiet", str(work)], capture_output=True)
    elapsed = time.perf_counter() - t
    fixed_bytes = work.read_bytes()
    fixed = normalize(fixed_bytes.decode("utf-8"))
    old, new = original.split("\n"), fixed.split("\n")
    if len(old) != len(new):
        problems.append(f"line count changed {len(old)} -> {len(new)}")
    changed = [i for i, (a, b) in enumerate(zip(old, new), start=1) if a != b]
    outside = [i for i in changed if i not in allowed]
    if outside:
        problems.append(f"lines changed without a fixable finding: {outside[:10]}")
    subprocess.run([exe, "--fix", "--quiet", str(work)], capture_output=True)
    if work.read_bytes() != fixed_bytes:
        problems.append("a second --fix changed the file again")
    left = [v for v in lint_text(fixed).violations if v.fix is not None]
    if left:
        problems.append(
            f"{len(left)} fixable findings remain, first: {left[0].code} line {left[0].line}"
        )
    # The opt-in reorderings: lines move, but the multiset of entry lines stays the same.
    shutil.copyfile(path, work)
    subprocess.run(
        [exe, "--fix", "--sort-entries", "--fix-toc", "--quiet", str(work)], capture_output=True
    )
    both = normalize(work.read_text(encoding="utf-8"))
    doc = parse(fixed)
    toc = set(range(doc.toc[0].link.line, doc.toc[-1].link.line + 1)) if doc.toc else set()

    def keep(text: str) -> list[str]:
        return sorted(ln for i, ln in enumerate(text.split("\n"), start=1) if i not in toc)

    if keep(both) != keep(fixed) and len(both.split("\n")) == len(fixed.split("\n")):
        problems.append("--sort-entries changed lines instead of moving them")
    moved = sum(1 for a, b in zip(fixed.split("\n"), both.split("\n")) if a != b)
    row = (
        f"{path.name[:44]:<44} {len(old):>6} {len(changed):>7} {moved:>7} {elapsed * 1000:7.0f}ms  "
        + ", ".join(f"{c}x{n}" for c, n in sorted(codes.items()))
    )
    return problems, row


def main() -> int:
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    if not corpus.is_dir():
        sys.exit(f"no corpus at {corpus}")
    exe = command()
    failed = False
    print(f"--fix on {corpus} (load average {os.getloadavg()[0]:.2f})")
    print(
        f"{'list':<44} {'lines':>6} {'changed':>7} {'sorted':>7} {'time':>9}  fixable findings by rule"
    )
    with tempfile.TemporaryDirectory() as tmp:
        for path in lists(corpus):
            problems, row = check(path, exe, Path(tmp))
            print(row)
            for p in problems:
                failed = True
                print(f"    FAIL: {p}")
    print("all checks passed" if not failed else "SOME CHECKS FAILED")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
