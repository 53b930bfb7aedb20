"""The installs tests/test_install.py checks, made as users make them, in the background.

Installing is mostly waiting (for the package index, for pip unpacking wheels), so a
session whose arguments take in tests/test_install.py begins them at once (conftest.py's
``pytest_configure``): in threads of the process that started the session (the xdist
controller, which runs no tests itself), while the workers run the rest of the suite. Each
install ends in a JSON file in ``AWESOME_LINT_TEST_INSTALLS`` (the directory, inherited by
the workers), which the tests wait for (``result``). A session that did not start them (a
``-k`` selection, say) makes them in its own process when a test first asks.

- ``source``: this checkout's build inputs as a one-commit git repository.
- ``wheel_venv``: a wheel built from it, installed with the ``github`` extra into a fresh
  venv; the venv's ``bin``.
- ``hooked_list``: a list's git repository whose ``.pre-commit-config.yaml`` names the
  source repository at its commit, with ``pre-commit install`` and ``install-hooks`` done:
  pre-commit cloned it and pip-installed it into its own environment.
- ``mdformat_list``: a list's git repository whose config runs mdformat with the plugin
  and then the awesome-lint check, both pre-commit ``python`` hooks whose environment
  pip-installs ``awesome-lint[mdformat]`` from the source repository (the README's setup,
  with this checkout in place of the package index's release); ``install-hooks`` done.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import tempfile
import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
# What a build reads.
BUILD_INPUTS = ("src", "rules", "pyproject.toml", "README.md", ".pre-commit-hooks.yaml")
PRE_COMMIT = [sys.executable, "-m", "pre_commit"]


class InstallError(Exception):
    pass


def pip_cache() -> str:
    """The user's pip cache: HOME is set elsewhere here, the downloads need not repeat."""
    if os.environ.get("PIP_CACHE_DIR"):
        return os.environ["PIP_CACHE_DIR"]
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return str(Path(base) / "pip")


def user_env(home: Path) -> dict:
    """A user's environment: no test-venv command on PATH, git and HOME of its own."""
    # Nor the test run's coverage (pip and pre-commit would run traced, measuring nothing).
    env = {
        k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT", "COVERAGE_"))
    }
    bin_dir = str(Path(sys.executable).parent)
    env["PATH"] = os.pathsep.join(p for p in env["PATH"].split(os.pathsep) if p != bin_dir)
    env.pop("VIRTUAL_ENV", None)
    home.mkdir(parents=True, exist_ok=True)
    env.update(HOME=str(home), PIP_CACHE_DIR=pip_cache(), GIT_CONFIG_NOSYSTEM="1", NO_COLOR="1")
    return env


_live: set[subprocess.Popen] = set()  # the installs' running commands, killed by finish()
_live_lock = threading.Lock()
_cancelled = threading.Event()


def run(cmd: list[str], env: dict, cwd: Path, timeout: int = 300) -> subprocess.CompletedProcess:
    with subprocess.Popen(
        cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    ) as proc:
        with _live_lock:
            _live.add(proc)
        try:
            if _cancelled.is_set():
                proc.kill()
            out, err = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            raise
        finally:
            with _live_lock:
                _live.discard(proc)
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err)


def ok(proc: subprocess.CompletedProcess) -> subprocess.CompletedProcess:
    if proc.returncode != 0:
        raise InstallError(f"{proc.args} exited {proc.returncode}:\n{proc.stdout}\n{proc.stderr}")
    return proc


def git(repo: Path, env: dict, *args: str) -> subprocess.CompletedProcess:
    return run(["git", *args], env, repo, timeout=120)


def git_init(repo: Path, env: dict) -> None:
    repo.mkdir(parents=True, exist_ok=True)
    ok(git(repo, env, "init", "-q", "-b", "main"))
    ok(git(repo, env, "config", "user.name", "Test"))
    ok(git(repo, env, "config", "user.email", "test@example.invalid"))
    ok(git(repo, env, "config", "commit.gpgsign", "false"))


def make_source(base: Path) -> tuple[Path, str]:
    repo = base / "awesome-lint"
    repo.mkdir(parents=True)
    skip = shutil.ignore_patterns("__pycache__", "*.pyc", "_rule_docs")
    for name in BUILD_INPUTS:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, repo / name, ignore=skip)
        else:
            shutil.copy2(src, repo / name)
    env = user_env(base / "home")
    git_init(repo, env)
    ok(git(repo, env, "add", "."))
    ok(git(repo, env, "commit", "-q", "-m", "awesome-lint"))
    return repo, ok(git(repo, env, "rev-parse", "HEAD")).stdout.strip()


def install_wheel(source: tuple[Path, str], base: Path) -> Path:
    """The wheel, in a fresh venv. Its dependencies are the ones this test run installed
    (a .pth file names their directory; a path from a .pth file gets no .pth files of its
    own read, so the editable awesome-lint does not come along): resolving them from the
    package index again took 35-90 s here, and the pre-commit install does that already."""
    repo, _ = source
    env = user_env(base / "home")
    dist = base / "dist"
    # The build backend is the one the test command installed (no isolated build env).
    build = ["pip", "wheel", "--no-deps", "--no-build-isolation", "-w", str(dist), str(repo)]
    ok(run([sys.executable, "-m", *build], env, base))
    (wheel,) = dist.glob("awesome_lint-*.whl")
    venv = base / "venv"
    ok(run([sys.executable, "-m", "venv", "--without-pip", str(venv)], env, base))
    site = venv / "lib" / f"python{sys.version_info[0]}.{sys.version_info[1]}" / "site-packages"
    deps = dict.fromkeys(sysconfig.get_path(k) for k in ("purelib", "platlib"))
    (site / "test-run-dependencies.pth").write_text("\n".join(deps) + "\n", encoding="utf-8")
    pip = [sys.executable, "-m", "pip", "--python", str(venv / "bin" / "python"), "install"]
    ok(run([*pip, "-q", "--no-deps", str(wheel)], env, base))
    return venv / "bin"


def install_hooks(source: tuple[Path, str], base: Path) -> Path:
    repo, rev = source
    lst = base / "list"
    env = hooks_env(lst)
    git_init(lst, env)
    hooks = [{"id": "awesome-lint"}, {"id": "awesome-lint-fix", "stages": ["manual"]}]
    config = {"repos": [{"repo": str(repo), "rev": rev, "hooks": hooks}]}
    (lst / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    ok(run([*PRE_COMMIT, "install"], env, lst))
    ok(run([*PRE_COMMIT, "install-hooks"], env, lst))  # clone, virtualenv, pip install
    return lst


MDFORMAT_HOOK = {"id": "mdformat", "name": "mdformat", "entry": "mdformat", "types": ["markdown"]}


def mdformat_config(source: Path) -> dict:
    """mdformat, then the awesome-lint check as the manifest defines it: local ``python``
    hooks with the same additional dependency, so pre-commit builds one environment."""
    manifest = yaml.safe_load((source / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    check = next(h for h in manifest if h["id"] == "awesome-lint")
    deps = {"language": "python", "additional_dependencies": [f"{source}[mdformat]"]}
    hooks = [{**MDFORMAT_HOOK, **deps}, {**check, **deps}]
    return {"repos": [{"repo": "local", "hooks": hooks}]}


def install_mdformat(source: tuple[Path, str], base: Path) -> Path:
    repo, _ = source
    lst = base / "list"
    env = hooks_env(lst)
    git_init(lst, env)
    config = yaml.safe_dump(mdformat_config(repo), sort_keys=False)
    (lst / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")
    ok(run([*PRE_COMMIT, "install"], env, lst))
    ok(run([*PRE_COMMIT, "install-hooks"], env, lst))  # virtualenv, pip install
    return lst


RESULTS = "AWESOME_LINT_TEST_INSTALLS"  # the directory the results are written to
STEPS = {
    "wheel_venv": install_wheel,
    "hooked_list": install_hooks,
    "mdformat_list": install_mdformat,
}


def _record(step: str, base: Path, source: Future) -> None:
    """Run one install and leave its outcome in ``base/<step>.json`` (written atomically)."""
    try:
        outcome = {"path": str(STEPS[step](source.result(), base / step))}
    except BaseException as exc:  # the waiting test reports it, whatever it was
        outcome = {"error": f"{type(exc).__name__}: {exc}"}
    tmp = base / f".{step}.json"
    tmp.write_text(json.dumps(outcome), encoding="utf-8")
    tmp.replace(base / f"{step}.json")


@dataclass
class Background:
    base: Path
    pool: ThreadPoolExecutor


_background: Background | None = None


def start() -> Path:
    """Begin the installs in this process's threads; their results go under the returned
    directory, which the environment names for the xdist workers started after this."""
    global _background
    if _background is None:
        base = Path(tempfile.mkdtemp(prefix="awesome-lint-installs."))
        pool = ThreadPoolExecutor(max_workers=len(STEPS), thread_name_prefix="installs")
        source = pool.submit(make_source, base / "source")
        # All wait for the source; the source's own thread is free by then.
        for step in STEPS:
            pool.submit(_record, step, base, source)
        _background = Background(base, pool)
        os.environ[RESULTS] = str(base)
    return _background.base


def result(step: str, timeout: float = 600) -> Path:
    """The path an install produced (the venv's bin, the list's repository): waits for the
    background install, or starts the installs here if nobody did."""
    base = Path(os.environ.get(RESULTS) or start())
    done = base / f"{step}.json"
    deadline = time.monotonic() + timeout
    while not done.exists():
        if time.monotonic() > deadline:
            raise InstallError(f"{step}: no result in {timeout:.0f} s")
        time.sleep(0.2)
    outcome = json.loads(done.read_text(encoding="utf-8"))
    if "error" in outcome:
        raise InstallError(f"{step}: {outcome['error']}")
    return Path(outcome["path"])


def hooks_env(repo: Path) -> dict:
    """The environment ``install_hooks`` installed the hooks in, for the list at ``repo``."""
    base = repo.parent
    return {**user_env(base / "home"), "PRE_COMMIT_HOME": str(base / "pre-commit")}


def finish() -> None:
    """At the session's end: stop installs nobody waited for, then remove everything."""
    global _background
    if _background is not None:
        _cancelled.set()
        with _live_lock:
            for proc in _live:
                proc.kill()
        _background.pool.shutdown(wait=True, cancel_futures=True)
        shutil.rmtree(_background.base, ignore_errors=True)
        os.environ.pop(RESULTS, None)
        _background = None
