"""The rule phase alone, in-process: parse a list once, then time ``engine.lint`` and the text
report on it.

Each list runs in a process of its own (the package's bytecode warmed first), which times
the first ``lint`` (the rule modules imported, their patterns compiled, their caches cold:
what a command-line run pays) and the best of ``--repeat`` more (the rules' own work), with
the cycle collector off as the command line runs. Times are CPU seconds of the process
(``time.process_time``), steadier than wall time on a shared machine; the load average is
printed with them.

    python bench/bench_rules.py [--corpus ../shared/corpus] [--repeat 5] [LIST ...]

Without LIST: the three largest paper lists of the corpus and the original list.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

from timing import warm_bytecode

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = (
    "paper/wangkai930418__awesome-diffusion-categorized.md",
    "paper/codefuse-ai__Awesome-Code-LLM.md",
    "paper/zziz__pwc.md",
    "000_3fca7bda073997d0.txt",
)

CHILD = r"""
import datetime, gc, json, sys, time
gc.disable()  # as the command line's main() runs
from pathlib import Path
from awesome_lint.config import config_for
from awesome_lint.engine import lint, needs_entries
from awesome_lint.parse.parser import parse
from awesome_lint.report import render
from awesome_lint.run import siblings_of

path, repeat = Path(sys.argv[1]), int(sys.argv[2])
config = config_for(str(path), None, True)
doc = parse(path.read_text(encoding="utf-8"), str(path), entries=needs_entries(config))
siblings = siblings_of(str(path))
times = []
for _ in range(repeat + 1):
    t0 = time.process_time()
    result = lint(doc, config, today=datetime.date(2026, 12, 1), siblings=siblings)
    t1 = time.process_time()
    render("text", [result])
    times.append((t1 - t0, time.process_time() - t1))
print(json.dumps({"first": times[0], "warm": [min(t[i] for t in times[1:]) for i in (0, 1)],
                  "findings": len(result.violations), "entries": len(doc.entries)}))
"""


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("lists", nargs="*", help="lists to time (default: the corpus's largest)")
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus"))
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    lists = args.lists or [str(Path(args.corpus) / name) for name in DEFAULT]
    warm_bytecode()
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    print(f"load average {os.getloadavg()[0]:.2f}; CPU ms, first call / best of {args.repeat}")
    for path in lists:
        out = subprocess.run(
            [sys.executable, "-c", CHILD, path, str(args.repeat)],
            capture_output=True,
            text=True,
            check=True,
            env=env,
        ).stdout
        r = json.loads(out)
        (first_lint, first_render), (lint, render) = r["first"], r["warm"]
        print(
            f"{Path(path).name[:44]:44s} {r['entries']:5d} entries {r['findings']:5d} findings"
            f"  lint {first_lint * 1000:6.1f} / {lint * 1000:6.1f}"
            f"  report {first_render * 1000:5.1f} / {render * 1000:5.1f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
