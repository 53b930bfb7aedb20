"""The installs tests/test_install.py checks, made as users make them, in the background.

Installing is mostly waiting (for the package index, for pip unpacking wheels), so when
the session has collected tests/test_install.py, ``start`` begins at once, in two threads
of this process that only run subprocesses, while the rest of the suite runs; the tests
take the results when they get there. Run alone, the tests start it themselves.

- ``source``: this checkout's build inputs as a one-commit git repository.
- ``wheel_venv``: a wheel built from it, installed with the ``github`` extra into a fresh
  venv; the venv's ``bin``.
- ``hooked_list``: a list's git repository whose ``.pre-commit-config.yaml`` names the
  source repository at its commit, with ``pre-commit install`` and ``install-hooks`` done:
  pre-commit cloned it and pip-installed it into its own environment.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
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
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT"))}
    bin_dir = str(Path(sys.executable).parent)
    env["PATH"] = os.pathsep.join(p for p in env["PATH"].split(os.pathsep) if p != bin_dir)
    env.pop("VIRTUAL_ENV", None)
    home.mkdir(parents=True, exist_ok=True)
    env.update(HOME=str(home), PIP_CACHE_DIR=pip_cache(), GIT_CONFIG_NOSYSTEM="1", NO_COLOR="1")
    return env


def run(cmd: list[str], env: dict, cwd: Path, timeout: int = 300) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)


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
    repo, _ = source
    env = user_env(base / "home")
    dist = base / "dist"
    # The build backend is the one the test command installed (no isolated build env).
    build = ["pip", "wheel", "--no-deps", "--no-build-isolation", "-w", str(dist), str(repo)]
    ok(run([sys.executable, "-m", *build], env, base))
    (wheel,) = dist.glob("awesome_lint-*.whl")
    venv = base / "venv"
    ok(run([sys.executable, "-m", "venv", "--without-pip", str(venv)], env, base))
    pip = [sys.executable, "-m", "pip", "--python", str(venv / "bin" / "python"), "install"]
    ok(run([*pip, "-q", f"{wheel}[github]"], env, base))
    return venv / "bin"


def install_hooks(source: tuple[Path, str], base: Path) -> tuple[Path, dict]:
    repo, rev = source
    env = user_env(base / "home")
    env["PRE_COMMIT_HOME"] = str(base / "pre-commit")
    lst = base / "list"
    git_init(lst, env)
    hooks = [{"id": "awesome-lint"}, {"id": "awesome-lint-fix", "stages": ["manual"]}]
    config = {"repos": [{"repo": str(repo), "rev": rev, "hooks": hooks}]}
    (lst / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    ok(run([*PRE_COMMIT, "install"], env, lst))
    ok(run([*PRE_COMMIT, "install-hooks"], env, lst))  # clone, virtualenv, pip install
    return lst, env


@dataclass
class Installs:
    base: Path
    pool: ThreadPoolExecutor
    source: Future
    wheel_venv: Future
    hooked_list: Future


_installs: Installs | None = None


def start() -> Installs:
    global _installs
    if _installs is None:
        base = Path(tempfile.mkdtemp(prefix="awesome-lint-installs."))
        pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="installs")
        source = pool.submit(make_source, base / "source")
        # Both wait for the source, in the two threads; the source's own thread is free by then.
        wheel = pool.submit(lambda: install_wheel(source.result(), base / "wheel"))
        hooks = pool.submit(lambda: install_hooks(source.result(), base / "hooks"))
        _installs = Installs(base, pool, source, wheel, hooks)
    return _installs


def finish() -> None:
    global _installs
    if _installs is not None:
        _installs.pool.shutdown(wait=True, cancel_futures=True)
        shutil.rmtree(_installs.base, ignore_errors=True)
        _installs = None
