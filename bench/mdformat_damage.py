"""What mdformat rewrites in each corpus list, plain and with awesome-lint's plugin.

Needs the plugin's extra: ``pip install -e '.[mdformat]'``. For each list it prints the
lines plain mdformat changes (and the kinds of change: escaped brackets, lost blank lines,
re-indented lines, thematic breaks), then runs the real ``mdformat`` command with the
plugin on a copy, as a user would, and checks what the plugin promises:

- ``mdformat`` succeeds (its HTML-equivalence validation on, no --no-validate),
- ``mdformat --check`` passes right after (one pass is enough: idempotent),
- every entry and item awesome-lint recognised is still there, line for line,
- awesome-lint reports nothing new (findings compared by code and message, numbers
  masked, since formatting moves lines).

    python bench/mdformat_damage.py [CORPUS_DIR] [--keep tables]
"""

from __future__ import annotations

import difflib
import re
import shutil
import subprocess
import sys
import tempfile
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


def changed_lines(old: list[str], new: list[str]) -> int:
    """Lines of ``old`` that do not survive unchanged into ``new``."""
    return sum(
        a2 - a1
        for tag, a1, a2, *_ in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
        if tag != "equal"
    )


def entry_texts(text: str) -> list[tuple[str, ...]]:
    from awesome_lint import entry_line_ranges

    lines = text.split("\n")
    return [tuple(lines[a - 1 : b]) for a, b in entry_line_ranges(text)]


def findings(path: Path) -> Counter:
    from awesome_lint import lint_file

    return Counter((v.code, re.sub(r"\d+", "#", v.message)) for v in lint_file(path).violations)


def with_plugin(path: Path, mdformat: str, keep: list[str]) -> tuple[str, str]:
    """Format a copy with the real command; returns (formatted text, problems)."""
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "README.md"
        shutil.copyfile(path, copy)
        before = findings(copy)
        args = [mdformat, "--extensions", "awesome-lint", *keep]
        run = subprocess.run([*args, str(copy)], capture_output=True, text=True)
        if run.returncode:
            return "", "mdformat failed: " + " ".join(run.stderr.split())[:200]
        check = subprocess.run([*args, "--check", str(copy)], capture_output=True, text=True)
        problems = [] if check.returncode == 0 else ["not idempotent"]
        new = findings(copy) - before
        if new:
            problems.append(f"{sum(new.values())} new findings {sorted(new)[:3]}")
        return copy.read_text(encoding="utf-8"), "; ".join(problems)


def main() -> int:
    try:
        import mdformat
    except ImportError:
        sys.exit("mdformat is not installed here: pip install -e '.[mdformat]'")
    args = sys.argv[1:]
    keep = []
    if "--keep" in args:
        k = args.index("--keep")
        keep, args = ["--keep", args[k + 1]], args[:k] + args[k + 2 :]
    corpus = Path(args[0]) if args else DEFAULT
    command = shutil.which("mdformat", path=str(Path(sys.executable).parent))
    print(f"mdformat {mdformat.__version__} on {corpus}; plugin options: {keep or 'default'}")
    print(f"{'list':<44} {'lines':>6} {'plain':>6} {'plugin':>6}  check")
    failures = total_plain = total_ours = 0
    for path in sorted(
        p for p in corpus.rglob("*") if p.suffix in (".md", ".txt") and p.name != "SOURCES.md"
    ):
        text = path.read_text(encoding="utf-8")
        old = text.splitlines()
        plain = mdformat.text(text).splitlines()
        formatted, problems = with_plugin(path, command, keep)
        if formatted and entry_texts(formatted) != entry_texts(text):
            problems = "; ".join(filter(None, [problems, "entries changed"]))
        failures += bool(problems)
        ours = changed_lines(old, formatted.splitlines()) if formatted else -1
        theirs = changed_lines(old, plain)
        total_plain, total_ours = total_plain + theirs, total_ours + max(ours, 0)
        print(f"{path.name[:44]:<44} {len(old):>6} {theirs:>6} {ours:>6}  {problems or 'ok'}")
        detail = ", ".join(f"{k} {n}" for k, n in kinds(old, plain).most_common())
        if detail:
            print(f"{'':<44}   plain: {detail}")
    print(f"lines changed in all: plain {total_plain}, with the plugin {total_ours}")
    print(f"{failures} list(s) failed the plugin's checks")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
