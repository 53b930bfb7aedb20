#!/usr/bin/env python3
"""awesome-lint (this checkout) against sindresorhus' awesome-lint 2.3.0 (npm), per rule.

Each list is copied alone into a temp folder as readme.md and both tools lint that same
file (so both see the same neighbouring files: none). Their rule ids are mapped onto ours
by what they check; the table prints, per check, how many findings each tool reports.
With --details it also prints the lines each tool flags and the other does not, which is
what the README's reading of the differences is based on.

Usage: python bench/compare_awesome_lint.py [--corpus ../shared/corpus] [--peers DIR]
                                            [--details] [FILE ...]
--peers DIR: a folder whose node_modules holds awesome-lint@2.3.0 (installed with npm there
when missing). Without FILEs: the classic lists of the corpus, then its paper lists.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PEER = "awesome-lint@2.3.0"
# Runs theirs through its API, so every message comes with its rule id.
RUNNER = """import lint from 'awesome-lint';
const files = await lint({filename: process.argv[2]});
const out = [];
for (const f of files) for (const m of f.messages) out.push({rule: m.ruleId, line: m.line ?? 1, message: m.reason});
console.log(JSON.stringify(out));
"""

# (check, their rule, a message test or None for any, our codes). The first match wins.
CHECKS = [
    (
        "item separator",
        "awesome-list-item",
        lambda m: "separated" in m or "followed by a space" in m,
        ("AL401",),
    ),
    (
        "description casing",
        "awesome-list-item",
        lambda m: "casing" in m or "non-empty string" in m,
        ("AL402",),
    ),
    ("description period", "awesome-list-item", lambda m: "punctuation" in m, ("AL403",)),
    ("item link shape", "awesome-list-item", None, ()),
    ("description repeats name", "no-repeat-item-in-description", None, ("AL404",)),
    ("awesome badge", "awesome-badge", None, ("AL405",)),
    ("main heading: title case", "awesome-heading", lambda m: "title case" in m, ("AL406",)),
    ("main heading: one, level 1", "awesome-heading", None, ("AL407",)),
    ("main heading: one, level 1", "no-multiple-toplevel-headings", None, ("AL407",)),
    ("table of contents", "awesome-toc", None, ("AL102", "AL408")),
    ("duplicate links", "double-link", None, ("AL409", "AL211")),
    ("balanced punctuation", "balanced-punctuation", None, ("AL410",)),
    ("CI badge", "awesome-no-ci-badge", None, ("AL411",)),
    ("contributing guide", "awesome-contributing", None, ("AL412",)),
    ("license section", "awesome-license", None, ("AL413",)),
    ("technology spelling", "awesome-spell-check", None, ("AL414",)),
    ("double bullet", None, None, ("AL416",)),
    ("GitHub repository metadata", "awesome-github", None, ()),
]
MAPPED = {c for *_, codes in CHECKS for c in codes}


def classify(rule: str, message: str) -> str:
    for check, theirs, test, _ in CHECKS:
        if rule == theirs and (test is None or test(message)):
            return check
    return f"Markdown style: {rule}"


def install_peer(dest: Path) -> Path:
    """The folder holding node_modules/awesome-lint, with the runner script in it."""
    if not (dest / "node_modules" / "awesome-lint").is_dir():
        npm = shutil.which("npm")
        if npm is None:
            sys.exit(
                "npm not found: install Node.js, or pass --peers DIR holding node_modules/awesome-lint"
            )
        dest.mkdir(parents=True, exist_ok=True)
        print(f"# installing {PEER} into {dest}", file=sys.stderr)
        subprocess.run([npm, "install", "--silent", "--prefix", str(dest), PEER], check=True)
    (dest / "run.mjs").write_text(RUNNER, encoding="utf-8")
    return dest


def theirs(peer: Path, readme: Path) -> tuple[list[dict], float]:
    start = time.perf_counter()
    proc = subprocess.run(
        ["node", str(peer / "run.mjs"), str(readme)], cwd=peer, capture_output=True, text=True
    )
    took = time.perf_counter() - start
    if proc.returncode != 0:
        sys.exit(f"awesome-lint (npm) failed on {readme}: {proc.stderr.strip()[:400]}")
    return json.loads(proc.stdout), took


def ours(readme: Path) -> tuple[list[dict], float]:
    exe = shutil.which("awesome-lint", path=str(Path(sys.executable).parent)) or shutil.which(
        "awesome-lint"
    )
    if exe is None:
        sys.exit("the awesome-lint command is not installed here: pip install -e .")
    start = time.perf_counter()
    proc = subprocess.run(
        [exe, "--isolated", "--format", "json", str(readme)], capture_output=True, text=True
    )
    took = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        sys.exit(f"awesome-lint failed on {readme}: {proc.stderr.strip()}")
    return json.loads(proc.stdout)["files"][0]["diagnostics"], took


def compare(
    peer: Path, path: Path, details: bool
) -> tuple[Counter, Counter, Counter, float, float]:
    with tempfile.TemporaryDirectory() as tmp:
        readme = Path(tmp) / "readme.md"
        shutil.copyfile(path, readme)
        t_msgs, t_time = theirs(peer, readme)
        o_msgs, o_time = ours(readme)
    t_count: Counter = Counter()
    t_lines: dict[str, set] = defaultdict(set)
    for m in t_msgs:
        check = classify(m["rule"], m["message"])
        t_count[check] += 1
        t_lines[check].add(m["line"])
    o_count: Counter = Counter()
    o_lines: dict[str, set] = defaultdict(set)
    other: Counter = Counter()
    for d in o_msgs:
        check = next((c for c, _, _, codes in CHECKS if d["code"] in codes), None)
        if check is None:
            other[f"{d['code']} {d['name']}"] += 1
            continue
        o_count[check] += 1
        o_lines[check].add(d["line"])
    print(f"\n## {path.name}\n")
    print(
        f"awesome-lint 2.3.0: {len(t_msgs)} findings in {t_time:.2f} s; awesome-lint (ours): {len(o_msgs)} findings in {o_time:.2f} s\n"
    )
    print("| check | theirs (rule) | theirs | ours (rules) | ours |")
    print("|---|---|---:|---|---:|")
    rows = [c for c, *_ in CHECKS if c in t_count or c in o_count]
    rows = list(dict.fromkeys(rows)) + sorted(c for c in t_count if c.startswith("Markdown style"))
    for check in rows:
        their_rules = (
            ", ".join(sorted({r for c, r, _, _ in CHECKS if c == check and r}))
            or check.split(": ", 1)[-1]
        )
        our_codes = (
            ", ".join(
                dict.fromkeys(code for c, _, _, codes in CHECKS if c == check for code in codes)
            )
            or "—"
        )
        print(f"| {check} | {their_rules} | {t_count[check]} | {our_codes} | {o_count[check]} |")
        if details and (t_lines[check] ^ o_lines[check]):
            only_t = sorted(t_lines[check] - o_lines[check])
            only_o = sorted(o_lines[check] - t_lines[check])
            print(f"|   lines | theirs only: {only_t[:40]} | | ours only: {only_o[:40]} | |")
    if other:
        print(
            "\nOurs, checks theirs does not make: "
            + ", ".join(f"{k} ×{n}" for k, n in sorted(other.items()))
        )
    return t_count, o_count, other, t_time, o_time


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--peers", type=Path, help="folder for the npm peer (default: a temp folder)")
    ap.add_argument(
        "--details",
        action="store_true",
        help="print the lines each tool flags and the other does not",
    )
    args = ap.parse_args()
    files = args.files or sorted((args.corpus / "classic").glob("*.md")) + [
        args.corpus / "000_3fca7bda073997d0.txt"
    ] + sorted((args.corpus / "paper").glob("*.md"))
    if not files or not all(f.is_file() for f in files):
        sys.exit(f"no lists to compare (corpus {args.corpus}); pass FILEs")
    work = Path(tempfile.mkdtemp(prefix="awesome-lint-compare-"))
    try:
        peer = install_peer(args.peers or work / "peer")
        load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
        print(
            f"# awesome-lint (ours) vs {PEER}, {len(files)} lists, load average {load:.2f} on {os.cpu_count()} cores"
        )
        totals = {"classic": [Counter(), Counter()], "paper": [Counter(), Counter()]}
        times = [0.0, 0.0]
        for f in files:
            t, o, other, tt, ot = compare(peer, f, args.details)
            kind = "classic" if f.parent.name == "classic" else "paper"
            totals[kind][0].update(t)
            totals[kind][1].update(o)
            totals[kind][1]["checks theirs does not make"] += sum(other.values())
            times[0] += tt
            times[1] += ot
        for kind, (t, o) in totals.items():
            if not t and not o:
                continue
            print(f"\n## Total, {kind} lists\n")
            print("| check | theirs | ours |")
            print("|---|---:|---:|")
            for check in list(
                dict.fromkeys([c for c, *_ in CHECKS] + sorted(t) + ["checks theirs does not make"])
            ):
                if t[check] or o[check]:
                    print(f"| {check} | {t[check]} | {o[check]} |")
            print(
                f"| **all mapped and unmapped** | **{sum(t.values())}** | **{sum(o.values())}** |"
            )
        print(
            f"\nWall time, all lists, whole processes: theirs {times[0]:.2f} s, ours {times[1]:.2f} s "
            f"(theirs / ours = {times[0] / times[1]:.1f}x)"
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
