#!/usr/bin/env python3
"""--check-papers against a fake arXiv API at arXiv's own pace: request count and time.

Starts the test suite's fake arXiv and Crossref services (tests/papers/fakes.py) on
127.0.0.1 with N papers (default 600), writes an N-entry list in the bold-title block
layout (every entry links its arXiv abstract), and runs the installed command

    awesome-lint --check-papers --allow-private-hosts --select AL5 LIST

cold (a fresh cache directory; arXiv's spacing of 3 s between requests, the default, is
kept: AWESOME_LINT_ARXIV_SPACING is not set), then warm five times (same cache; the median is
shown), then the same command without --check-papers for comparison (start-up, parse and
lint). Bytecode is written first, and the bare interpreter's start and the load are printed
(bench/timing.py). It prints the requests the fake received (count, ids per request,
max_results, the smallest gap between requests), the wall and CPU time of each run, and the
paper step's own time from the command's summary line. Nothing leaves 127.0.0.0/8; the services stop at the end.

    python bench/bench_papers.py [--entries 600] [--answer-ms 200]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.papers.fakes import ArxivPaper, FakeArxiv, FakeCrossref  # noqa: E402

sys.path.insert(0, str(ROOT / "bench"))
from bench_lint import MONTHS, seed_date  # noqa: E402
from timing import Timing, header, load, timed, warm_bytecode  # noqa: E402


def papers(n: int) -> list[ArxivPaper]:
    out = []
    for k in range(n):
        month = 1 + k % 12
        out.append(
            ArxivPaper(
                id=f"23{month:02d}.{10000 + k:05d}",
                title=f"A Study of Benchmark Topic Number {k}: Methods and Results",
                authors=["Ann One", "Bob Two", "Cy Three"],
                versions=[f"2023-{month:02d}-{1 + k % 28:02d}"],
            )
        )
    return out


def listing(items: list[ArxivPaper]) -> str:
    blocks = []
    for p in items:
        y, m, d = (int(x) for x in p.versions[0].split("-"))
        blocks.append(
            f"**{p.title}**<br>\n*{', '.join(p.authors)}*<br>\n"
            f"[{seed_date(d, MONTHS[m - 1], y)}] [arXiv, {y}]<br>\n"
            f"[[Paper](https://arxiv.org/abs/{p.id})]<br>\n"
        )
    return "# Benchmark list\n\n## Papers\n\n" + "\n".join(blocks)


def command() -> str:
    exe = shutil.which("awesome-lint", path=str(Path(sys.executable).parent)) or shutil.which(
        "awesome-lint"
    )
    if not exe:
        sys.exit("awesome-lint is not installed next to this Python (pip install -e .)")
    return exe


def run(exe: str, path: Path, env: dict, check: bool = True) -> Timing:
    flags = ["--check-papers", "--allow-private-hosts"] if check else []
    return timed([exe, "--isolated", *flags, "--select", "AL5", str(path)], env=env)


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--entries", type=int, default=600)
    ap.add_argument("--answer-ms", type=float, default=200, help="the fake's time per answer")
    ap.add_argument("--warm-runs", type=int, default=5, help="warm re-runs (the median is shown)")
    args = ap.parse_args()

    items = papers(args.entries)
    arxiv = FakeArxiv(items).start()
    arxiv.delay = args.answer_ms / 1000
    crossref = FakeCrossref([]).start()
    work = Path(tempfile.mkdtemp(prefix="bench-papers-"))
    try:
        target = work / "README.md"
        target.write_text(listing(items), encoding="utf-8")
        env = {
            **os.environ,
            "AWESOME_LINT_ARXIV_API": arxiv.api,
            "AWESOME_LINT_CROSSREF_API": crossref.url,
            "AWESOME_LINT_CACHE_DIR": str(work / "cache"),
            "NO_COLOR": "1",
        }
        env.pop("AWESOME_LINT_ARXIV_SPACING", None)  # arXiv's own 3 s
        exe = command()
        warm_bytecode()
        print(header())
        proc = run(exe, target, env)
        if proc.returncode not in (0, 1):
            print(proc.stderr, file=sys.stderr)
            return 2
        cold_requests = list(arxiv.requests)
        warm_runs = [run(exe, target, env) for _ in range(args.warm_runs)]
        proc_warm = sorted(warm_runs, key=lambda t: t.wall)[len(warm_runs) // 2]  # the median
        # The same command without the network part: start-up, parse and lint alone.
        baseline = sorted(
            (run(exe, target, env, check=False) for _ in range(3)), key=lambda t: t.wall
        )[0]
        step = re.search(r"\(requests: [^;]*; (\d+) from cache, ([\d.]+) s\)", proc_warm.stderr)
        sizes = [len(r.query["id_list"].split(",")) for r in cold_requests]
        gaps = arxiv.gaps()[: len(cold_requests) - 1]
        print(f"entries: {args.entries}; fake arXiv answers in {args.answer_ms:.0f} ms")
        print(
            f"cold: {len(cold_requests)} requests (ids per request {sizes}, max_results "
            f"{[int(r.query['max_results']) for r in cold_requests]}), smallest gap between "
            f"requests {min(gaps) if gaps else 0:.2f} s, wall {proc.wall:.2f} s, cpu {proc.cpu:.2f} s"
        )
        print(f"cold summary: {proc.stderr.strip().splitlines()[-1]}")
        print(
            f"warm (median of {len(warm_runs)}): {len(arxiv.requests) - len(cold_requests)} requests, "
            f"wall {proc_warm.wall:.2f} s, cpu {proc_warm.cpu:.2f} s, paper step "
            f"{step.group(2) if step else '?'} s ({step.group(1) if step else '?'} from cache)"
        )
        print(
            f"same command without --check-papers (best of 3): wall {baseline.wall:.2f} s, "
            f"cpu {baseline.cpu:.2f} s"
        )
        print(f"findings: cold {proc.stdout.strip().splitlines()[-1]!r}")
        print(f"load average at the end: {load()}")
    finally:
        arxiv.stop()
        crossref.stop()
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
