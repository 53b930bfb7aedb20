"""What users install, installed as they install it: never the editable checkout.

- The wheel, built from this checkout and installed (with the ``github`` extra) into a
  fresh virtual environment: ``--explain`` reads the rule docs packaged in the wheel, and
  ``--github`` reviews a pull request on the fake GitHub API through that venv's PyGithub.
- The pre-commit hooks, as a list's ``.pre-commit-config.yaml`` names them: pre-commit
  clones the repository at a commit and pip-installs it into its own environment.

These are the only tests whose processes reach beyond 127.0.0.0/8, and only pip does: it
fetches the build backend and the dependencies from the package index, as for every user
(the test command's own ``pip install`` needs the index too). awesome-lint itself runs
behind the network fence (tests/netguard) in both.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT, assert_no_traffic, fenced_env
from tests.test_github_action import PR, fixture

FIXTURES = Path(__file__).parent / "fixtures" / "fix"
DEFECTIVE = (FIXTURES / "dm_list.md").read_text(encoding="utf-8")
# What a build reads; the copy is a fresh git repository, as pre-commit clones one.
BUILD_INPUTS = ("src", "rules", "pyproject.toml", "README.md", ".pre-commit-hooks.yaml")


def _pip_cache() -> str:
    """The user's pip cache: the tests set HOME elsewhere, the downloads need not repeat."""
    if os.environ.get("PIP_CACHE_DIR"):
        return os.environ["PIP_CACHE_DIR"]
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return str(Path(base) / "pip")


def _env(home: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT"))}
    bin_dir = str(Path(sys.executable).parent)
    # Not the test venv's awesome-lint: only what the install put in place may run.
    env["PATH"] = os.pathsep.join(p for p in env["PATH"].split(os.pathsep) if p != bin_dir)
    env.pop("VIRTUAL_ENV", None)
    home.mkdir(parents=True, exist_ok=True)
    env.update(
        HOME=str(home),
        PIP_CACHE_DIR=_pip_cache(),
        GIT_CONFIG_NOSYSTEM="1",
        NO_COLOR="1",
    )
    return env


def _run(cmd: list[str], env: dict, cwd: Path, timeout: int = 300) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)


def _ok(proc: subprocess.CompletedProcess) -> subprocess.CompletedProcess:
    assert proc.returncode == 0, f"{proc.args}:\n{proc.stdout}\n{proc.stderr}"
    return proc


def _git(repo: Path, env: dict, *args: str) -> subprocess.CompletedProcess:
    return _run(["git", *args], env, repo, timeout=120)


def _git_init(repo: Path, env: dict) -> None:
    _ok(_git(repo, env, "init", "-q", "-b", "main"))
    _ok(_git(repo, env, "config", "user.name", "Test"))
    _ok(_git(repo, env, "config", "user.email", "test@example.invalid"))
    _ok(_git(repo, env, "config", "commit.gpgsign", "false"))


@pytest.fixture(scope="module")
def source(tmp_path_factory) -> tuple[Path, str]:
    """This checkout's sources as a one-commit git repository: (path, commit)."""
    tmp = tmp_path_factory.mktemp("source")
    repo = tmp / "awesome-lint"
    repo.mkdir()
    skip = shutil.ignore_patterns("__pycache__", "*.pyc", "_rule_docs")
    for name in BUILD_INPUTS:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, repo / name, ignore=skip)
        else:
            shutil.copy2(src, repo / name)
    env = _env(tmp / "home")
    _git_init(repo, env)
    _ok(_git(repo, env, "add", "."))
    _ok(_git(repo, env, "commit", "-q", "-m", "awesome-lint"))
    return repo, _ok(_git(repo, env, "rev-parse", "HEAD")).stdout.strip()


@pytest.fixture(scope="module")
def installed(source, tmp_path_factory) -> Path:
    """The bin directory of a fresh venv into which the built wheel was installed."""
    repo, _ = source
    tmp = tmp_path_factory.mktemp("wheel")
    env = _env(tmp / "home")
    dist = tmp / "dist"
    # The build backend is the one the test command installed (no isolated build env).
    build = ["pip", "wheel", "--no-deps", "--no-build-isolation", "-w", str(dist), str(repo)]
    _ok(_run([sys.executable, "-m", *build], env, tmp))
    (wheel,) = dist.glob("awesome_lint-*.whl")
    venv = tmp / "venv"
    _ok(_run([sys.executable, "-m", "venv", "--without-pip", str(venv)], env, tmp))
    python = venv / "bin" / "python"
    pip = [sys.executable, "-m", "pip", "--python", str(python), "install", "-q"]
    _ok(_run([*pip, f"{wheel}[github]"], env, tmp))
    return venv / "bin"


def _fenced(cmd: list[str], env: dict, cwd: Path) -> subprocess.CompletedProcess:
    netlog = cwd / "netlog"
    proc = _run(cmd, fenced_env(env, netlog), cwd, timeout=120)
    assert_no_traffic(netlog)
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc


def test_the_wheel_runs_from_its_own_venv(installed, tmp_path):
    where = _fenced(
        [str(installed / "python"), "-c", "import awesome_lint; print(awesome_lint.__file__)"],
        _env(tmp_path / "home"),
        tmp_path,
    )
    assert Path(where.stdout.strip()).is_relative_to(installed.parent), where.stdout


def test_explain_reads_the_docs_packaged_in_the_wheel(installed, tmp_path):
    proc = _fenced(
        [str(installed / "awesome-lint"), "--explain", "AL202"], _env(tmp_path), tmp_path
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == (ROOT / "rules" / "AL202.md").read_text(encoding="utf-8")


def test_github_reviews_a_pull_request_with_the_installed_pygithub(installed, github_api, tmp_path):
    pr = PR(tmp_path, github_api, fixture("fm_base.md"), fixture("fm_head.md"))
    proc = pr.run(exe=str(installed / "awesome-lint"), PATH=_env(tmp_path / "home")["PATH"])
    assert proc.returncode == 1, proc.stdout + proc.stderr
    codes = sorted(c["body"].split("`")[1] for c in pr.inline())
    assert codes == ["AL202", "AL207", "AL301"]
    assert "**3 errors**" in pr.comments()[0]["body"]
    assert pr.outputs() == {"errors": "3", "warnings": "0"}


def test_pre_commit_installs_the_hooks_from_the_repository(source, tmp_path):
    repo_url, rev = source
    env = _env(tmp_path / "home")
    env["PRE_COMMIT_HOME"] = str(tmp_path / "pre-commit")
    lst = tmp_path / "list"
    lst.mkdir()
    _git_init(lst, env)
    config = {
        "repos": [
            {
                "repo": str(repo_url),
                "rev": rev,
                "hooks": [{"id": "awesome-lint"}, {"id": "awesome-lint-fix", "stages": ["manual"]}],
            }
        ]
    }
    (lst / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    pre_commit = [sys.executable, "-m", "pre_commit"]
    _ok(_run([*pre_commit, "install"], env, lst))
    # pre-commit builds the hooks' environment here (pip and the index); the hooks then run
    # behind the fence.
    _ok(_run([*pre_commit, "install-hooks"], env, lst))
    (lst / "README.md").write_text(DEFECTIVE, encoding="utf-8", newline="")
    _ok(_git(lst, env, "add", "."))

    refused = _fenced(["git", "commit", "-m", "add a list"], env, lst)
    out = refused.stdout + refused.stderr
    assert refused.returncode != 0, out
    assert "README.md:14:2: AL207 wrong-ordinal" in out
    assert _git(lst, env, "rev-list", "--all").stdout == ""  # nothing was committed

    fix = [*pre_commit, "run", "--hook-stage", "manual", "awesome-lint-fix", "--files", "README.md"]
    fixing = _fenced(fix, env, lst)
    assert "files were modified by this hook" in fixing.stdout, fixing.stdout + fixing.stderr
    assert (lst / "README.md").read_bytes() == (FIXTURES / "dm_list.fixed.md").read_bytes()

    _ok(_git(lst, env, "add", "README.md"))
    committed = _fenced(["git", "commit", "-m", "add a list"], env, lst)
    assert committed.returncode == 0, committed.stdout + committed.stderr
    # The hook that ran is the one pre-commit installed, not this test venv's command.
    hook_envs = list((tmp_path / "pre-commit").glob("repo*/py_env-*/bin/awesome-lint"))
    assert len(hook_envs) == 1, hook_envs
