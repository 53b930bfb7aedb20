"""Start-up: what the pre-commit hook costs on a 10-line list, the whole process.

The budget is 0.15 s of wall time for ``awesome-lint README.md`` (the ``awesome-lint`` hook's
command) on a 10-line list, interpreter start-up included. By default the commands are run
round-robin (so a burst of load from elsewhere hits them all alike) and each run's wall
time and CPU time (user + system, from ``getrusage``) are recorded: CPU time is what the
process costs, wall time what the user waits, which on a loaded machine includes waiting
for a core. ``--hyperfine`` measures wall time with hyperfine instead (``apt-get install
hyperfine``). The peer is the bare interpreter (``python -c pass``), the floor any Python
hook pays. The load average is printed with the figures: the machine is shared.

    python bench/bench_startup.py [--runs 40] [--hyperfine]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from timing import timed, warm_bytecode  # noqa: E402

BUDGET = 0.15  # issue 15 (issue 10 allowed 0.2 s)
LIST = """\
# Awesome Test List

## Papers

**Segmenting Organs with Prompts**<br>
*Ana Lima, Bo Chen*<br>
[12th Sep., 2023] [arXiv, 2023]<br>
[[Paper](https://arxiv.org/abs/2309.00001)] [[GitHub](https://github.com/example/seg)]<br>

<!-- ten lines -->
"""


def command() -> str:
    here = Path(sys.executable).parent / "awesome-lint"
    found = str(here) if here.exists() else shutil.which("awesome-lint")
    if not found:
        sys.exit("awesome-lint is not installed in this environment (pip install -e .)")
    return found


def hyperfine(commands: dict[str, list[str]], runs: int, cwd: str) -> dict[str, list[float]]:
    out = Path(cwd) / "hyperfine.json"
    args = [
        "hyperfine",
        "--shell=none",
        "--warmup",
        "3",
        "--runs",
        str(runs),
        "--ignore-failure",
        "--export-json",
        str(out),
    ]
    for name, argv in commands.items():
        args += ["--command-name", name, subprocess.list2cmdline(argv)]
    subprocess.run(args, cwd=cwd, check=True, capture_output=True)
    data = json.loads(out.read_text())
    return {r["command"]: r["times"] for r in data["results"]}


def round_robin(
    commands: dict[str, list[str]], runs: int, cwd: str
) -> tuple[dict[str, list[float]], dict[str, list[float]]]:
    wall: dict[str, list[float]] = {name: [] for name in commands}
    cpu: dict[str, list[float]] = {name: [] for name in commands}
    for argv in commands.values():
        for _ in range(3):  # warm the page cache and .pyc files
            subprocess.run(argv, cwd=cwd, capture_output=True)
    for _ in range(runs):
        for name, argv in commands.items():
            t = timed(argv, cwd=cwd)
            wall[name].append(t.wall)
            cpu[name].append(t.cpu)
    return wall, cpu


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--runs", type=int, default=40)
    ap.add_argument(
        "--hyperfine", action="store_true", help="measure wall time with hyperfine instead"
    )
    args = ap.parse_args()
    exe = command()
    warm_bytecode()
    with tempfile.TemporaryDirectory() as tmp:
        readme = Path(tmp) / "README.md"
        readme.write_text(LIST, encoding="utf-8")
        assert len(LIST.splitlines()) == 10
        commands = {
            "python -c pass": [sys.executable, "-c", "pass"],
            "awesome-lint README.md (hook)": [exe, "README.md"],
            "awesome-lint --fix README.md (fix hook)": [exe, "--fix", "README.md"],
        }
        check = subprocess.run([exe, "README.md"], cwd=tmp, capture_output=True, text=True)
        if check.returncode != 0:
            print(check.stdout + check.stderr, file=sys.stderr)
            sys.exit("the 10-line list is not clean; the figure would include a report")
        if args.hyperfine:
            if not shutil.which("hyperfine"):
                sys.exit("hyperfine is not installed (apt-get install hyperfine)")
            times, cpu = hyperfine(commands, args.runs, tmp), None
        else:
            times, cpu = round_robin(commands, args.runs, tmp)
    load = os.getloadavg()
    tool = "hyperfine" if args.hyperfine else "round-robin subprocess runs"
    print(f"start-up on a 10-line list, {args.runs} runs each, measured with {tool}")
    print(
        f"python {sys.version.split()[0]}, {os.cpu_count()} cores, load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}"
    )
    floor = statistics.median(times["python -c pass"])
    print(
        f"{'command':<42} {'median':>8} {'mean':>8} {'min':>8} {'max':>8} {'x python':>9} {'cpu median':>11}"
    )
    for name, samples in times.items():
        med = statistics.median(samples)
        cpu_med = f"{statistics.median(cpu[name]) * 1000:9.1f}ms" if cpu else ""
        print(
            f"{name:<42} {med * 1000:7.1f}ms {statistics.mean(samples) * 1000:7.1f}ms "
            f"{min(samples) * 1000:7.1f}ms {max(samples) * 1000:7.1f}ms {med / floor:8.1f}x {cpu_med:>11}"
        )
    hook = statistics.median(times["awesome-lint README.md (hook)"])
    verdict = "within" if hook <= BUDGET else "OVER"
    print(f"hook median {hook * 1000:.0f} ms: {verdict} the {BUDGET * 1000:.0f} ms budget")
    return 0 if hook <= BUDGET else 1


if __name__ == "__main__":
    sys.exit(main())
