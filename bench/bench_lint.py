#!/usr/bin/env python3
"""Lint speed and memory, side by side with the named peers, in one run.

Builds a paper list of about 730 KB and 3,000 entries (the real lists of ../shared/corpus
concatenated, topped up with generated entries; or generated only when the corpus is not
there), then times whole processes, several runs each, and reports the median wall time,
the best wall time and the peak RSS:

- awesome-lint (this checkout's installed command),
- sindresorhus' awesome-lint 2.3.0 (npm) and markdownlint-cli2 (npm), installed with npm
  into a temp folder (or --peers DIR holding node_modules),
- start-up: awesome-lint on a 10-line list.

Usage: python bench/bench_lint.py [--corpus ../shared/corpus] [--runs 5] [--peers DIR] [--no-peers]
Prints a Markdown table; the README quotes it.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
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


def generated_entry(i: int, rng: random.Random) -> str:
    day = rng.randint(1, 28)
    suffix = "th" if 11 <= day <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    month = rng.choice(
        [
            "Jan.",
            "Feb.",
            "Mar.",
            "Apr.",
            "May.",
            "Jun.",
            "Jul.",
            "Aug.",
            "Sep.",
            "Oct.",
            "Nov.",
            "Dec.",
        ]
    )
    authors = ", ".join(f"A{rng.randint(1, 999)} Name{j}" for j in range(rng.randint(1, 3)))
    return (
        f"**Generated Paper {i}: Medical Image Learning**<br>\n"
        f"*{authors}*<br>\n[{day}{suffix} {month}, 2023] [arXiv, 2023]<br>\n"
        f"[[Paper](https://arxiv.org/abs/2301.{i:05d})] [[GitHub](https://github.com/org/repo{i})]<br>\n"
    )


def build_list(corpus: Path | None, out: Path) -> tuple[int, int]:
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
    extra = [generated_entry(i, rng) for i in range(max(0, TARGET_ENTRIES - entries))]
    if extra:
        text += "\n\n## Generated\n\n" + "\n\n".join(extra)
    out.write_text(text, encoding="utf-8")
    return len(text.encode()), len(parse(text).entries)


def run(cmd: list[str], cwd: Path | None = None, runs: int = 5) -> dict:
    """Median and best wall time, and the peak RSS of the process itself (os.wait4)."""
    walls = []
    peak_kb = 0
    for _ in range(runs):
        t = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, _, usage = os.wait4(proc.pid, 0)
        walls.append(time.perf_counter() - t)
        peak_kb = max(peak_kb, usage.ru_maxrss)  # KB on Linux
    return {"median": statistics.median(walls), "best": min(walls), "rss_mb": peak_kb / 1024}


def install_peers(dest: Path) -> dict[str, list[str]]:
    npm = shutil.which("npm")
    if npm is None:
        print("# npm not found: peers skipped", file=sys.stderr)
        return {}
    if not (dest / "node_modules" / ".bin" / "awesome-lint").exists():
        subprocess.run([npm, "install", "--silent", "--prefix", str(dest), "awesome-lint@2.3.0", "markdownlint-cli2"],
                       check=True, stdout=subprocess.DEVNULL)  # fmt: skip
    bin_ = dest / "node_modules" / ".bin"
    return {
        "sindresorhus/awesome-lint 2.3.0": [str(bin_ / "awesome-lint")],
        "markdownlint-cli2": [str(bin_ / "markdownlint-cli2")],
    }


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--peers", type=Path, help="folder for the npm peers (default: a temp folder)")
    ap.add_argument("--no-peers", action="store_true")
    args = ap.parse_args()
    ours = shutil.which("awesome-lint", path=str(Path(sys.executable).parent)) or shutil.which(
        "awesome-lint"
    )
    if ours is None:
        print("install this checkout first: pip install -e .", file=sys.stderr)
        return 2
    work = Path(tempfile.mkdtemp(prefix="awesome-lint-bench."))
    big = work / "readme.md"  # sindresorhus' awesome-lint wants a readme
    corpus = args.corpus if args.corpus.is_dir() else None
    size, entries = build_list(corpus, big)
    small = work / "small" / "readme.md"
    small.parent.mkdir()
    small.write_text(
        "".join(big.read_text(encoding="utf-8").splitlines(keepends=True)[:10]), encoding="utf-8"
    )
    load = os.getloadavg()[0]
    print(f"list: {size / 1000:.0f} KB, {entries} entries ({'corpus + generated' if corpus else 'generated'}); "
          f"{args.runs} runs each; load average {load:.2f} on {os.cpu_count()} cores\n")  # fmt: skip
    rows = [("awesome-lint (ours)", run([ours, "--quiet", str(big)], runs=args.runs))]
    if not args.no_peers:
        peers = install_peers(args.peers or work / "peers")
        for name, cmd in peers.items():
            rows.append((name, run(cmd + [str(big)], cwd=work, runs=max(1, args.runs // 2))))
    startup = run([ours, "--quiet", str(small)], runs=max(args.runs, 10))
    base = rows[0][1]
    print("| tool | median wall (s) | best wall (s) | peak RSS (MB) | wall vs ours | RSS vs ours |")
    print("|---|---|---|---|---|---|")
    for name, r in rows:
        print(f"| {name} | {r['median']:.2f} | {r['best']:.2f} | {r['rss_mb']:.0f} | "
              f"{r['median'] / base['median']:.1f}x | {r['rss_mb'] / base['rss_mb']:.1f}x |")  # fmt: skip
    print(
        f"\nstart-up, awesome-lint on a 10-line list: median {startup['median']:.3f} s, best {startup['best']:.3f} s"
    )
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
