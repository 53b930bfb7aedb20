"""What users install, installed as they install it: never the editable checkout.

- The wheel, built from this checkout and installed into a fresh virtual environment
  (which borrows the test run's installed dependencies, PyGithub among them):
  ``--explain`` reads the rule docs packaged in the wheel, and ``--github`` reviews a pull
  request on the fake GitHub API through that venv's PyGithub.
- The pre-commit hooks, as a list's ``.pre-commit-config.yaml`` names them: pre-commit
  clones the repository at a commit and pip-installs it into its own environment.
- mdformat's pre-commit hook with the plugin as an additional dependency (README.md's
  setup): pre-commit pip-installs ``awesome-lint[mdformat]`` into the hook's environment;
  mdformat formats a list there and keeps its entries, and the awesome-lint check passes.

The installs are made by tests/installs.py, in the background while the rest of the suite
runs (these tests run last, by when the installs are usually done). Only pip, in
pre-commit's install, reaches beyond 127.0.0.0/8, for the build backend's and the
dependencies' packages from the package index, as for every user (the test command's own
``pip install`` needs the index too). awesome-lint itself runs behind the network fence
(tests/netguard) in every test here.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests import installs
from tests.cli_runner import FIXTURES
from tests.conftest import ROOT, assert_no_traffic, entry_texts, fenced_env
from tests.installs import git, ok, run, user_env
from tests.test_github_action import PR, fixture
from tests.test_precommit import PAPERS

DEFECTIVE = (FIXTURES / "dm_list.md").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def installed() -> Path:
    """The bin directory of a fresh venv into which the built wheel was installed."""
    return installs.result("wheel_venv")


@pytest.fixture(scope="module")
def mdformat_list() -> tuple[Path, dict]:
    """A list's repository with mdformat and the plugin installed by pre-commit."""
    lst = installs.result("mdformat_list")
    return lst, installs.hooks_env(lst)


@pytest.fixture(scope="module")
def hooked_list() -> tuple[Path, dict]:
    """A list's repository with pre-commit's hooks installed from this repository."""
    lst = installs.result("hooked_list")
    return lst, installs.hooks_env(lst)


def _fenced(cmd: list[str], env: dict, cwd: Path) -> subprocess.CompletedProcess:
    netlog = cwd.parent / f"{cwd.name}.netlog"
    proc = run(cmd, fenced_env(env, netlog), cwd, timeout=120)
    assert_no_traffic(netlog)
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc


def test_the_wheel_runs_from_its_own_venv(installed, tmp_path):
    where = _fenced(
        [str(installed / "python"), "-c", "import awesome_lint; print(awesome_lint.__file__)"],
        user_env(tmp_path / "home"),
        tmp_path,
    )
    assert Path(where.stdout.strip()).is_relative_to(installed.parent), where.stdout


def test_explain_reads_the_docs_packaged_in_the_wheel(installed, tmp_path):
    proc = _fenced(
        [str(installed / "awesome-lint"), "--explain", "AL202"],
        user_env(tmp_path / "home"),
        tmp_path,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == (ROOT / "rules" / "AL202.md").read_text(encoding="utf-8")


def test_github_reviews_a_pull_request_with_the_installed_pygithub(installed, github_api, tmp_path):
    pr = PR(tmp_path, github_api, fixture("fm_base.md"), fixture("fm_head.md"))
    proc = pr.run(exe=str(installed / "awesome-lint"), PATH=user_env(tmp_path / "home")["PATH"])
    assert proc.returncode == 1, proc.stdout + proc.stderr
    codes = sorted(c["body"].split("`")[1] for c in pr.inline())
    assert codes == ["AL202", "AL207", "AL301"]
    assert "**3 errors**" in pr.comments()[0]["body"]
    assert pr.outputs() == {"errors": "3", "warnings": "0"}


def test_pre_commit_installs_the_hooks_from_the_repository(hooked_list):
    lst, env = hooked_list
    pre_commit = installs.PRE_COMMIT
    (lst / "README.md").write_text(DEFECTIVE, encoding="utf-8", newline="")
    ok(git(lst, env, "add", "."))

    refused = _fenced(["git", "commit", "-m", "add a list"], env, lst)
    out = refused.stdout + refused.stderr
    assert refused.returncode != 0, out
    assert "README.md:14:2: AL207 wrong-ordinal" in out
    assert git(lst, env, "rev-list", "--all").stdout == ""  # nothing was committed

    fix = [*pre_commit, "run", "--hook-stage", "manual", "awesome-lint-fix", "--files", "README.md"]
    fixing = _fenced(fix, env, lst)
    assert "files were modified by this hook" in fixing.stdout, fixing.stdout + fixing.stderr
    assert (lst / "README.md").read_bytes() == (FIXTURES / "dm_list.fixed.md").read_bytes()

    ok(git(lst, env, "add", "README.md"))
    committed = _fenced(["git", "commit", "-m", "add a list"], env, lst)
    assert committed.returncode == 0, committed.stdout + committed.stderr
    # The hook that ran is the one pre-commit installed, not this test venv's command.
    hook_envs = list(Path(env["PRE_COMMIT_HOME"]).glob("repo*/py_env-*/bin/awesome-lint"))
    assert len(hook_envs) == 1, hook_envs


def test_mdformat_hook_with_the_plugin_installed_by_pre_commit(mdformat_list):
    lst, env = mdformat_list
    (lst / "README.md").write_text(PAPERS, encoding="utf-8", newline="")
    ok(git(lst, env, "add", "."))
    refused = _fenced(["git", "commit", "-m", "add a list"], env, lst)
    out = refused.stdout + refused.stderr
    assert refused.returncode != 0 and "files were modified by this hook" in out, out
    formatted = (lst / "README.md").read_text(encoding="utf-8")
    assert formatted != PAPERS  # mdformat formatted the rest ...
    assert entry_texts(formatted) == entry_texts(PAPERS)  # ... and kept every entry

    ok(git(lst, env, "add", "README.md"))
    committed = _fenced(["git", "commit", "-m", "add a list"], env, lst)
    out = committed.stdout + committed.stderr
    assert committed.returncode == 0, out
    assert out.count("Passed") == 2, out  # mdformat and awesome-lint
    # Both ran from the one environment pre-commit built, not from this test venv.
    (hook_env,) = Path(env["PRE_COMMIT_HOME"]).glob("repo*/py_env-*")
    assert (hook_env / "bin" / "mdformat").exists() and (hook_env / "bin" / "awesome-lint").exists()
