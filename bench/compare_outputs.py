"""Byte-identical check: run two versions of awesome-lint over every list and diff the output.

A refactoring must not change a single byte of what users see. This runs the code of a
git revision (``--old``, default ``main``) and of the working tree (or ``--new REV``) over
every Markdown list in the corpus, in each of these modes, and compares stdout, stderr,
the exit status and any file the mode writes:

- ``text``, ``quiet``, ``json``, ``sarif``, ``github``: the report formats;
- ``json-all``: ``--select ALL`` (the opt-in rules too);
- ``export``: ``--export json``;
- ``diff`` and ``diff-opt``: ``--diff``, and with ``--sort-entries --fix-toc``;
- ``fix``: ``--fix --sort-entries --fix-toc --format json`` on a copy, and the fixed bytes;
- ``action-push``: ``--github`` on a push event (annotations, job summary, step outputs);
- ``action-pr``: ``--github`` on a pull request that adds the list's first lines, against
  the fake GitHub API of the test suite: annotations, summary, outputs, and every write the
  bot makes (comment and review bodies, suggestions included);
- ``all-files``: every list in one run, ``--format json``.

Each version runs in a process of its own, both at once (``PYTHONPATH`` pointing at its ``src``), with
``--today`` pinned. Temporary paths, random run ids and output delimiters are masked.

    python bench/compare_outputs.py [--old main] [--new REV] [--corpus ../shared/corpus]
        [--modes text,json,...] [--lists N]

Prints one line per difference and a summary; exits 1 when anything differs.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TODAY = "2026-12-01"
MODES = (
    "text",
    "quiet",
    "json",
    "json-all",
    "sarif",
    "github",
    "export",
    "diff",
    "diff-opt",
    "fix",
    "action-push",
    "action-pr",
    "all-files",
)

# Runs inside the process of one version: every list, every mode, results as JSON.
DRIVER = r"""
import contextlib, io, json, os, re, shutil, sys, threading
from pathlib import Path

src, lists_file, modes, today, work, server_dir = sys.argv[1:7]
lists = json.loads(Path(lists_file).read_text())
modes = modes.split(",")
from awesome_lint.cli import main

def mask(text):
    text = text.replace(work, "<work>")
    text = re.sub(r"ghadelimiter_[0-9a-f-]{36}", "ghadelimiter_<uuid>", text)
    text = re.sub(r"(local\.1\.)[0-9a-f]{8}", r"\1<run>", text)
    return text

def call(argv, env=None):
    out, err = io.StringIO(), io.StringIO()
    saved = dict(os.environ)
    if env is not None:
        os.environ.clear()
        os.environ.update(env)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main(argv)
            except SystemExit as e:
                code = e.code
    finally:
        os.environ.clear()
        os.environ.update(saved)
    return {"code": code, "stdout": mask(out.getvalue()), "stderr": mask(err.getvalue())}

ARGS = {
    "text": [],
    "quiet": ["--quiet"],
    "json": ["--format", "json"],
    "json-all": ["--format", "json", "--select", "ALL"],
    "sarif": ["--format", "sarif"],
    "github": ["--format", "github"],
    "export": ["--export", "json"],
    "diff": ["--diff"],
    "diff-opt": ["--diff", "--sort-entries", "--fix-toc"],
}

def action_env(name, ws, event):
    d = Path(work) / "gh"
    shutil.rmtree(d, ignore_errors=True)
    d.mkdir(parents=True)
    env = {
        "PATH": os.environ.get("PATH", ""),
        "GITHUB_EVENT_NAME": event,
        "GITHUB_WORKSPACE": str(ws),
        "GITHUB_STEP_SUMMARY": str(d / "summary.md"),
        "GITHUB_OUTPUT": str(d / "output"),
        "AWESOME_LINT_FILES": name,
        "AWESOME_LINT_CHECK_LINKS": "none",
        "GITHUB_RUN_ID": "local",
    }
    return env, d

def files_of(d):
    return {p.name: mask(p.read_text(encoding="utf-8")) for p in sorted(d.iterdir()) if p.is_file()}

server = None
if "action-pr" in modes:
    sys.path.insert(0, server_dir)
    from tests.github_api_server import FakeGitHub
    server = FakeGitHub().start()
    server.add_token("ghs_bot", "github-actions[bot]")

results = {}
for number, path in enumerate(lists, 1):
    name = Path(path).name
    for mode in modes:
        key = f"{mode} {name}"
        if mode in ARGS:
            results[key] = call([path, "--today", today, *ARGS[mode]])
        elif mode == "fix":
            d = Path(work) / "fix"
            shutil.rmtree(d, ignore_errors=True)
            d.mkdir(parents=True)
            shutil.copy(path, d / name)
            r = call([str(d / name), "--today", today, "--fix", "--sort-entries", "--fix-toc", "--format", "json"])
            r["file"] = (d / name).read_bytes().decode("utf-8", "replace")
            results[key] = r
        elif mode == "action-push":
            ws = Path(path).parent
            env, d = action_env(name, ws, "push")
            r = call(["--github", "--today", today], env)
            r["files"] = files_of(d)
            results[key] = r
        elif mode == "action-pr":
            ws = Path(path).parent
            env, d = action_env(name, ws, "pull_request")
            text = Path(path).read_text(encoding="utf-8-sig").replace("\r\n", "\n")
            lines = text.split("\n")[: -1 if text.endswith("\n") else None]
            added = min(len(lines), 40)
            patch = f"@@ -0,0 +1,{added} @@\n" + "\n".join("+" + ln for ln in lines[:added])
            server.add_pull("lists/papers", number, f"{number:040x}", "0" * 40,
                            [{"filename": name, "patch": patch, "status": "modified"}])
            event = d / "event.json"
            event.write_text(json.dumps({"pull_request": {"number": number, "head": {"sha": f"{number:040x}"}},
                                         "repository": {"full_name": "lists/papers"}}))
            env.update(GITHUB_EVENT_PATH=str(event), GITHUB_REPOSITORY="lists/papers",
                       GITHUB_API_URL=server.url, GITHUB_TOKEN="ghs_bot", GITHUB_RUN_ATTEMPT="1")
            before = len(server.log) if hasattr(server, "log") else None
            r = call(["--github", "--today", today], env)
            r["files"] = files_of(d)
            r["writes"] = [
                {"method": w.method, "path": w.path, "body": mask(json.dumps(w.body, sort_keys=True))}
                for w in server.writes() if f"/{number}/" in w.path or w.path.endswith(f"/{number}")
            ]
            r["comments"] = [mask(c.get("body", "")) for c in server.comments_on("lists/papers", number)]
            r["review_comments"] = [
                {"path": c.get("path"), "line": c.get("line"), "start_line": c.get("start_line"), "body": mask(c.get("body", ""))}
                for c in server.review_comments_on("lists/papers", number)
            ]
            results[key] = r
if "all-files" in modes:
    results["all-files *"] = call([*lists, "--today", today, "--format", "json"])
if server is not None:
    server.stop()
print(json.dumps(results))
"""


def checkout(rev: str, into: Path) -> Path:
    """The tree of ``rev`` extracted into ``into`` (git archive: no worktree is touched)."""
    into.mkdir(parents=True)
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", "--format=tar", rev],
        check=True,
        capture_output=True,
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True)
    return into


def start_side(tree: Path, lists: list[str], modes: list[str], work: Path) -> subprocess.Popen:
    work.mkdir(parents=True, exist_ok=True)
    lists_file = work / "lists.json"
    lists_file.write_text(json.dumps(lists))
    env = {**os.environ, "PYTHONPATH": str(tree / "src")}
    args = [str(tree), str(lists_file), ",".join(modes), TODAY, str(work), str(ROOT)]
    return subprocess.Popen(
        [sys.executable, "-c", DRIVER, *args],
        stdout=(work / "results.json").open("w"),
        stderr=(work / "stderr.txt").open("w"),
        env=env,
        cwd=work,
    )


def finish_side(proc: subprocess.Popen, work: Path) -> dict:
    if proc.wait() != 0:
        sys.exit(f"the driver failed:\n{(work / 'stderr.txt').read_text()[-4000:]}")
    return json.loads((work / "results.json").read_text())


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--old", default="main", help="git revision of the old code (default: main)")
    ap.add_argument("--new", help="git revision of the new code (default: the working tree)")
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus"))
    ap.add_argument("--modes", default=",".join(MODES))
    ap.add_argument("--lists", type=int, help="only the first N lists")
    ap.add_argument("--dump", help="write each side's results to DIR/old.json and DIR/new.json")
    args = ap.parse_args()
    corpus = Path(args.corpus).resolve()
    lists = sorted(str(p) for p in corpus.rglob("*") if p.suffix in (".md", ".txt"))
    lists = [p for p in lists if Path(p).name != "SOURCES.md"][: args.lists]
    modes = [m for m in args.modes.split(",") if m]
    unknown = set(modes) - set(MODES)
    if unknown:
        sys.exit(f"unknown modes: {', '.join(sorted(unknown))}")
    with tempfile.TemporaryDirectory(prefix="awesome-lint-compare.") as tmp:
        t = Path(tmp)
        old_tree = checkout(args.old, t / "old")
        new_tree = checkout(args.new, t / "new") if args.new else ROOT
        # Both sides work in a directory of the same name, so masked paths agree.
        # The two sides run side by side, each in a directory of the same name (masked).
        sides = [(old_tree, t / "old-work" / "w"), (new_tree, t / "new-work" / "w")]
        procs = [start_side(tree, lists, modes, work) for tree, work in sides]
        old, new = (finish_side(p, work) for p, (_, work) in zip(procs, sides))
    if args.dump:
        Path(args.dump).mkdir(parents=True, exist_ok=True)
        for name, side in (("old", old), ("new", new)):
            Path(args.dump, f"{name}.json").write_text(json.dumps(side, indent=1, sort_keys=True))
    differ = 0
    for key in sorted(old.keys() | new.keys()):
        a, b = old.get(key), new.get(key)
        if a == b:
            continue
        differ += 1
        fields = sorted({*(a or {}), *(b or {})})
        what = [f for f in fields if (a or {}).get(f) != (b or {}).get(f)]
        print(f"DIFFERS {key}: {', '.join(what)}")
    print(
        f"{len(old)} runs ({len(lists)} lists x {len(modes)} modes) compared: "
        f"{len(old) - differ} identical, {differ} different"
    )
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
