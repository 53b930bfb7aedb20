#!/usr/bin/env python3
"""Lint speed and memory on real lists, whole processes, with the load printed.

Times this checkout's installed ``awesome-lint --quiet`` (a subprocess each run: start-up,
parsing, rules and printing, all of it) and reports the median and best wall time, the
median CPU time (user + system of the child: what the run costs, which a loaded machine
does not inflate the way it inflates wall time) and the peak RSS, on:

- the three largest real lists in ``../shared/corpus/paper/``;
- a built paper list of about 730 KB and 3,000 entries (real lists of the corpus topped up
  with generated entries; generated only when the corpus is not there);
- a generated list of about 5 MB built the same way, and its growth against the 730 KB
  list (linear growth: time ratio no more than the byte ratio, 7.5x at most);
- start-up: a 10-line list.

Peers (sindresorhus' awesome-lint 2.3.0 and markdownlint-cli2, npm) are timed on the 730 KB
list only with ``--peers DIR`` naming a folder whose node_modules already holds them (with
``--install-peers`` npm installs them there first). The load average is printed before and
after: on a shared machine the wall times are only comparable at the same load.

Usage: python bench/bench_lint.py [--corpus ../shared/corpus] [--runs 5]
                                  [--peers DIR [--install-peers]]
Prints Markdown tables; the README quotes them.
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from timing import header, load, timed, warm_bytecode  # noqa: E402

TARGET_BYTES = 730_000
TARGET_ENTRIES = 3_000
REAL_BYTES = 400_000
PAPER_LISTS = (
    "000_3fca7bda073997d0.txt",
    "paper/xmindflow__Awesome-Foundation-Models-in-Medical-Imaging.md",
    "paper/xmindflow__Awesome-Transformer-in-Medical-Imaging.md",
    "paper/amirhossein-kz__Awesome-Diffusion-Models-in-Medical-Imaging.md",
    "paper/fahadshamshad__awesome-transformers-in-medical-imaging.md",
    "paper/zhaozh10__Awesome-CLIP-in-Medical-Imaging.md",
)


MONTHS = ("Jan.", "Feb.", "Mar.", "Apr.", "May.", "Jun.", "Jul.", "Aug.", "Sep.", "Oct.", "Nov.", "Dec.")  # fmt: skip


def seed_date(day: int, month: str, year: int) -> str:
    """A date as the seed list writes it: ``12th Sep., 2023``."""
    suffix = "th" if 11 <= day <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix} {month}, {year}"


def generated_entry(i: int, rng: random.Random) -> str:
    day = rng.randint(1, 28)
    month = rng.choice(MONTHS)
    authors = ", ".join(f"A{rng.randint(1, 999)} Name{j}" for j in range(rng.randint(1, 3)))
    return (
        f"**Generated Paper {i}: Medical Image Learning**<br>\n"
        f"*{authors}*<br>\n[{seed_date(day, month, 2023)}] [arXiv, 2023]<br>\n"
        f"[[Paper](https://arxiv.org/abs/2301.{i:05d})] [[GitHub](https://github.com/org/repo{i})]<br>\n"
    )


def build_list(
    corpus: Path | None, out: Path, target_entries: int = TARGET_ENTRIES, target_bytes: int = 0
) -> tuple[int, int]:
    sys.path.insert(0, str(ROOT / "src"))
    from awesome_lint.parse.parser import parse

    parts: list[str] = []
    if corpus is not None:
        texts = [
            (corpus / name).read_text(encoding="utf-8")
            for name in PAPER_LISTS
            if (corpus / name).is_file()
        ]
        # Real lists for about half the bytes, then short generated entries up to 3,000
        # entries: real entries average 300 bytes, so real lists alone would overshoot.
        for t in texts:
            if sum(len(p.encode()) for p in parts) + len(t.encode()) <= REAL_BYTES:
                parts.append(t)
    text = "\n\n".join(parts)
    entries = len(parse(text).entries) if text else 0
    rng = random.Random(7)
    extra = [generated_entry(i, rng) for i in range(max(0, target_entries - entries))]
    size = len(text.encode()) + sum(len(e) + 2 for e in extra)
    i = len(extra)
    while size < target_bytes:  # generated entries are ASCII: len == bytes
        extra.append(generated_entry(i, rng))
        size += len(extra[-1]) + 2
        i += 1
    if extra:
        text += "\n\n## Generated\n\n" + "\n\n".join(extra)
    out.write_text(text, encoding="utf-8")
    return len(text.encode()), len(parse(text).entries)


def run(cmd: list[str], cwd: Path | None = None, runs: int = 5) -> dict:
    """Median and best wall time, median CPU time and the peak RSS of the process."""
    samples = [timed(cmd, cwd=cwd) for _ in range(runs)]
    return {
        "median": statistics.median(t.wall for t in samples),
        "best": min(t.wall for t in samples),
        "cpu": statistics.median(t.cpu for t in samples),
        "rss_mb": max(t.rss_mb for t in samples),
    }


def largest_lists(corpus: Path | None, n: int = 3) -> list[Path]:
    if corpus is None or not (corpus / "paper").is_dir():
        return []
    return sorted((corpus / "paper").glob("*.md"), key=lambda p: p.stat().st_size, reverse=True)[:n]


def find_peers(dest: Path, install: bool) -> dict[str, list[str]]:
    npm = shutil.which("npm")
    present = (dest / "node_modules" / ".bin" / "awesome-lint").exists()
    if not present and (not install or npm is None):
        print(f"# peers not installed in {dest}: skipped", file=sys.stderr)
        return {}
    if not present:
        subprocess.run([npm, "install", "--silent", "--prefix", str(dest), "awesome-lint@2.3.0", "markdownlint-cli2"],
                       check=True, stdout=subprocess.DEVNULL)  # fmt: skip
    bin_ = dest / "node_modules" / ".bin"
    return {
        "sindresorhus/awesome-lint 2.3.0": [str(bin_ / "awesome-lint")],
        "markdownlint-cli2": [str(bin_ / "markdownlint-cli2")],
    }


def built_in_child(corpus: Path | None, out: Path, target_bytes: int) -> tuple[int, int]:
    """build_list in a process of its own: a child's peak RSS counts the memory of the
    process it was forked from, so this one must stay small (parsing the lists here did not)."""
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]); from bench_lint import build_list; "
        "from pathlib import Path; c = sys.argv[2]; "
        "print(*build_list(Path(c) if c else None, Path(sys.argv[3]), target_bytes=int(sys.argv[4])))"
    )
    args = [sys.executable, "-c", code, str(HERE), str(corpus or ""), str(out), str(target_bytes)]
    size, entries = subprocess.run(args, check=True, capture_output=True, text=True).stdout.split()
    return int(size), int(entries)


def table(rows: list[tuple[str, str, dict]]) -> None:
    print("| list | size | median wall (s) | best wall (s) | median CPU (s) | peak RSS (MB) |")
    print("|---|---|---|---|---|---|")
    for name, size, r in rows:
        print(f"| {name} | {size} | {r['median']:.2f} | {r['best']:.2f} | {r['cpu']:.2f} | {r['rss_mb']:.0f} |")  # fmt: skip


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--peers", type=Path, help="folder whose node_modules holds the npm peers")
    ap.add_argument("--install-peers", action="store_true", help="npm install them there first")
    args = ap.parse_args()
    ours = shutil.which("awesome-lint", path=str(Path(sys.executable).parent)) or shutil.which(
        "awesome-lint"
    )
    if ours is None:
        print("install this checkout first: pip install -e .", file=sys.stderr)
        return 2
    # As a wheel install does: without .pyc files (PYTHONDONTWRITEBYTECODE, a fresh checkout)
    # every run would compile the package's source again and time that instead.
    warm_bytecode()
    work = Path(tempfile.mkdtemp(prefix="awesome-lint-bench."))
    corpus = args.corpus if args.corpus.is_dir() else None
    big = work / "readme.md"  # sindresorhus' awesome-lint wants a readme
    size, entries = built_in_child(corpus, big, 0)
    huge = work / "huge" / "readme.md"
    huge.parent.mkdir()
    huge_size, huge_entries = built_in_child(corpus, huge, 5_000_000)
    # Over the default max-file-size (1.5 MB): without this the run was the refusal, 0.4 s.
    (huge.parent / ".awesome-lint.toml").write_text(
        "max-file-size = 10_000_000\nmax-lines = 1_000_000\n", encoding="utf-8"
    )
    small = work / "small" / "readme.md"
    small.parent.mkdir()
    small.write_text(
        "".join(big.read_text(encoding="utf-8").splitlines(keepends=True)[:10]), encoding="utf-8"
    )
    print(f"{args.runs} runs each, `awesome-lint --quiet FILE` as a whole process; {header()}\n")
    rows = []
    for path in largest_lists(corpus):
        kb = f"{path.stat().st_size / 1000:.0f} KB"
        rows.append((f"`{path.name}`", kb, run([ours, "--quiet", str(path)], runs=args.runs)))
    built = run([ours, "--quiet", str(big)], runs=args.runs)
    rows.append((f"built, {entries} entries", f"{size / 1000:.0f} KB", built))
    grown = run([ours, "--quiet", str(huge)], runs=max(1, args.runs // 2 + 1))
    rows.append((f"generated, {huge_entries} entries", f"{huge_size / 1e6:.1f} MB", grown))
    startup = run([ours, "--quiet", str(small)], runs=max(args.runs, 10))
    rows.append(("10-line list", f"{small.stat().st_size} B", startup))
    table(rows)
    print(f"\ngrowth 5 MB / 730 KB: bytes {huge_size / size:.2f}x, median wall "
          f"{grown['median'] / built['median']:.2f}x, CPU {grown['cpu'] / built['cpu']:.2f}x "
          f"(linear: within 7.5x)")  # fmt: skip
    if args.peers:
        peers = find_peers(args.peers, args.install_peers)
        if peers:
            print("\n| tool (built list) | median wall (s) | peak RSS (MB) | wall vs ours |")
            print("|---|---|---|---|")
            for name, cmd in peers.items():
                r = run(cmd + [str(big)], cwd=work, runs=max(1, args.runs // 2))
                print(f"| {name} | {r['median']:.2f} | {r['rss_mb']:.0f} | "
                      f"{r['median'] / built['median']:.1f}x |")  # fmt: skip
    else:
        print("\npeers (npm awesome-lint, markdownlint-cli2) not timed: no --peers DIR")
    print(f"\nload average (1/5/15 min) at the end: {load()}")
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
