"""--fix on every list of the shared corpus: what it changes, and that it changes nothing else.

For each list, a copy is fixed with the installed ``awesome-lint --fix`` (the real writer),
then checked:

- every changed line carried a safe fixable finding in the original (the lines a fix's edits
  cover), so no byte outside a reported span moved;
- a second ``--fix`` changes nothing (idempotent) and no fixable finding remains but those
  reported as not fixed (their fix failed verification);
- with ``--sort-entries --fix-toc`` too, the lines only move (entries) or belong to the ToC,
  and a second run changes nothing.

It prints a table (fixable findings, lines changed, lines the reorderings moved, whether each
second run changed nothing, the CPU seconds of the first ``--fix`` and of the first
``--fix --sort-entries --fix-toc``, fixes by rule) and exits 1 if any check fails. CPU time
(user + system of the child process) is quoted because the wall time on a shared machine
says more about the neighbours than about the fixer. The corpus lives outside the repository
(``../shared/corpus``), which is why this is a script and not a test; tests/test_fix_cli.py
checks the same on fixtures of our own.

    python bench/fix_corpus.py [CORPUS_DIR | LIST ...]
"""

from __future__ import annotations

import collections
import difflib
import os
import resource
import shutil
import subprocess
import sys
import tempfile
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


def fix_run(args: list[str]) -> tuple[subprocess.CompletedProcess, float]:
    """Run ``awesome-lint`` to the end: its output and the CPU seconds it took."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run(args, capture_output=True, text=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return done, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def changed_lines(old: list[str], new: list[str]) -> list[int]:
    """Lines of ``old`` that are not in ``new`` as they were (edited or removed)."""
    if len(old) == len(new):
        return [i for i, (a, b) in enumerate(zip(old, new), start=1) if a != b]
    sm = difflib.SequenceMatcher(None, old, new)
    return [
        i + 1 for tag, a1, a2, _b1, _b2 in sm.get_opcodes() if tag != "equal" for i in range(a1, a2)
    ]


def fixable_lines(text: str) -> tuple[set[int], collections.Counter]:
    lines: set[int] = set()
    codes: collections.Counter = collections.Counter()
    for v in lint_text(text).violations:
        if v.fix is not None and v.fix.safe:  # --fix applies only these
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
    first, seconds = fix_run([exe, "--fix", "--quiet", str(work)])
    unfixed = first.stderr.count(": not fixed, ")
    fixed_bytes = work.read_bytes()
    fixed = normalize(fixed_bytes.decode("utf-8"))
    old, new = original.split("\n"), fixed.split("\n")
    changed = changed_lines(old, new)
    outside = [i for i in changed if i not in allowed]
    if outside:
        problems.append(f"lines changed without a fixable finding: {outside[:10]}")
    subprocess.run([exe, "--fix", "--quiet", str(work)], capture_output=True)
    idempotent = work.read_bytes() == fixed_bytes
    if not idempotent:
        problems.append("a second --fix changed the file again")
    left = [v for v in lint_text(fixed).violations if v.fix is not None and v.fix.safe]
    if len(left) > unfixed:  # a fix that failed verification is reported, never silent
        problems.append(
            f"{len(left)} fixable findings remain ({unfixed} reported unfixed), "
            f"first: {left[0].code} line {left[0].line}"
        )
    # The opt-in reorderings: lines move, but the multiset of entry lines stays the same.
    shutil.copyfile(path, work)
    _, both_seconds = fix_run([exe, "--fix", "--sort-entries", "--fix-toc", "--quiet", str(work)])
    both_bytes = work.read_bytes()
    both = normalize(both_bytes.decode("utf-8"))
    subprocess.run(
        [exe, "--fix", "--sort-entries", "--fix-toc", "--quiet", str(work)], capture_output=True
    )
    both_idempotent = work.read_bytes() == both_bytes
    if not both_idempotent:
        problems.append("a second --fix --sort-entries --fix-toc changed the file again")
    doc = parse(fixed)
    toc = set(range(doc.toc[0].link.line, doc.toc[-1].link.line + 1)) if doc.toc else set()

    def keep(text: str) -> list[str]:
        return sorted(ln for i, ln in enumerate(text.split("\n"), start=1) if i not in toc)

    if keep(both) != keep(fixed) and len(both.split("\n")) == len(fixed.split("\n")):
        problems.append("--sort-entries changed lines instead of moving them")
    moved = sum(1 for a, b in zip(fixed.split("\n"), both.split("\n")) if a != b)
    yes = {True: "yes", False: "NO"}
    row = (
        f"{path.name[:44]:<44} {len(old):>6} {sum(codes.values()):>7} {len(changed):>7} "
        f"{moved:>6} {yes[idempotent]:>5} {yes[both_idempotent]:>5} {seconds:6.1f}s "
        f"{both_seconds:6.1f}s  "
        + ", ".join(f"{c}x{n}" for c, n in sorted(codes.items()))
        + (f"; {unfixed} not fixed (failed verification)" if unfixed else "")
    )
    return problems, row


def main() -> int:
    args = [Path(a) for a in sys.argv[1:]] or [DEFAULT]
    paths = []
    for arg in args:
        if not arg.exists():
            sys.exit(f"no corpus at {arg}")
        paths.extend(lists(arg) if arg.is_dir() else [arg])
    exe = command()
    failed = False
    print(f"--fix on {len(paths)} lists (load average {os.getloadavg()[0]:.2f})")
    print(
        f"{'list':<44} {'lines':>6} {'fixable':>7} {'changed':>7} {'moved':>6} "
        f"{'idem':>5} {'+sort':>5} {'cpu':>7} {'+sort':>7}  fixable findings by rule"
    )
    with tempfile.TemporaryDirectory() as tmp:
        for path in paths:
            problems, row = check(path, exe, Path(tmp))
            print(row, flush=True)
            for p in problems:
                failed = True
                print(f"    FAIL: {p}", flush=True)
    print("all checks passed" if not failed else "SOME CHECKS FAILED")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
