"""The pre-commit hooks, through the real ``pre-commit`` tool and a real git repository.

The hooks in this checkout's ``.pre-commit-hooks.yaml`` are ``language: python``: pre-commit
builds a virtualenv and pip-installs awesome-lint into it. That install, as users get it,
is tests/test_install.py's. This file copies each hook's definition from the manifest
verbatim (entry, args, files, types) into a ``repo: local`` config and changes only
``language`` to ``system``, running the ``awesome-lint`` this test suite installed (so its
lines are measured): the manifest's hook definitions, pre-commit's file selection and exit
handling, git's refusal of the commit, and our CLI.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import yaml

from tests.cli_runner import FIXTURES
from tests.conftest import assert_no_traffic, entry_texts, fenced_env

ROOT = Path(__file__).resolve().parents[1]
BIN = str(Path(sys.executable).parent)

DEFECTIVE = (FIXTURES / "dm_list.md").read_text(encoding="utf-8")


def _env(tmp_path: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT"))}
    env.update(
        PATH=BIN + os.pathsep + env.get("PATH", ""),
        PRE_COMMIT_HOME=str(tmp_path / "cache"),
        HOME=str(tmp_path / "home"),
        GIT_CONFIG_NOSYSTEM="1",
        NO_COLOR="1",
    )
    (tmp_path / "home").mkdir(exist_ok=True)
    return fenced_env(env, tmp_path / "netlog")  # the hooks run behind the network fence


def _git(repo: Path, env: dict, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["git", *args], cwd=repo, env=env, capture_output=True, text=True, check=check, timeout=120
    )


def _pre_commit(repo: Path, env: dict, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", *args],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def _repo(tmp_path: Path, env: dict) -> Path:
    repo = tmp_path / "list"
    repo.mkdir()
    _git(repo, env, "init", "-q", "-b", "main")
    _git(repo, env, "config", "user.name", "Test")
    _git(repo, env, "config", "user.email", "test@example.invalid")
    _git(repo, env, "config", "commit.gpgsign", "false")
    return repo


def _local_config() -> str:
    manifest = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hooks = []
    for hook in manifest:
        assert hook["language"] == "python"
        local = dict(hook, language="system")
        if hook["id"] == "awesome-lint-fix":
            local["stages"] = ["manual"]  # fix on demand; the check runs on every commit
        hooks.append(local)
    return yaml.safe_dump({"repos": [{"repo": "local", "hooks": hooks}]}, sort_keys=False)


def test_manifest_declares_the_check_and_the_fix_hook():
    manifest = {
        h["id"]: h
        for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    }
    assert set(manifest) == {"awesome-lint", "awesome-lint-fix"}
    assert manifest["awesome-lint"]["entry"] == "awesome-lint"
    assert manifest["awesome-lint-fix"]["entry"] == "awesome-lint --fix"
    for hook in manifest.values():
        assert "--check-links" not in hook["entry"] + " ".join(
            hook.get("args", [])
        )  # never the network


def test_commit_refused_then_fix_hook_repairs_and_commit_passes(tmp_path):
    env = _env(tmp_path)
    repo = _repo(tmp_path, env)
    (repo / ".pre-commit-config.yaml").write_text(_local_config(), encoding="utf-8")
    installed = _pre_commit(repo, env, "install")
    assert installed.returncode == 0, installed.stdout + installed.stderr
    (repo / "README.md").write_text(DEFECTIVE, encoding="utf-8", newline="")
    (repo / "CONTRIBUTING.md").write_text(
        "# Contributing\n\ntext \n", encoding="utf-8"
    )  # not a list: not checked
    _git(repo, env, "add", ".")

    refused = _git(repo, env, "commit", "-m", "add a list", check=False)
    out = refused.stdout + refused.stderr
    assert refused.returncode != 0, out
    assert "awesome-lint" in out and "Failed" in out
    assert "README.md:14:2: AL207 wrong-ordinal" in out
    assert "CONTRIBUTING.md" not in out
    assert _git(repo, env, "rev-list", "--all").stdout == ""  # nothing was committed

    fixing = _pre_commit(
        repo, env, "run", "--hook-stage", "manual", "awesome-lint-fix", "--files", "README.md"
    )
    assert fixing.returncode == 1  # pre-commit fails a hook that modified files ...
    assert "files were modified by this hook" in fixing.stdout
    assert (repo / "README.md").read_bytes() == (
        FIXTURES / "dm_list.fixed.md"
    ).read_bytes()  # ... and it fixed them

    again = _pre_commit(
        repo, env, "run", "--hook-stage", "manual", "awesome-lint-fix", "--files", "README.md"
    )
    assert again.returncode == 0 and "Passed" in again.stdout, again.stdout

    _git(repo, env, "add", "README.md")
    committed = _git(repo, env, "commit", "-m", "add a list", check=False)
    assert committed.returncode == 0, committed.stdout + committed.stderr
    assert "Passed" in committed.stdout + committed.stderr
    assert_no_traffic(tmp_path / "netlog")


MDFORMAT_HOOK = {  # mdformat's own hook definition, run from this environment
    "id": "mdformat",
    "name": "mdformat",
    "entry": "mdformat",
    "language": "system",
    "types": ["markdown"],
}


def _mdformat_then_awesome_lint(mdformat_hook: dict, **check_overrides) -> str:
    """The README's order: mdformat with the plugin first, then the awesome-lint check."""
    manifest = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    check = next(
        dict(h, **{"language": "system", **check_overrides})
        for h in manifest
        if h["id"] == "awesome-lint"
    )
    return yaml.safe_dump(
        {"repos": [{"repo": "local", "hooks": [mdformat_hook, check]}]}, sort_keys=False
    )


PAPERS = (FIXTURES.parent / "mdformat" / "bullet.md").read_text(encoding="utf-8")


def _format_then_commit(repo: Path, env: dict) -> None:
    (repo / "README.md").write_text(PAPERS, encoding="utf-8", newline="")
    _git(repo, env, "add", ".")
    refused = _git(repo, env, "commit", "-m", "add a list", check=False)
    out = refused.stdout + refused.stderr
    assert refused.returncode != 0 and "files were modified by this hook" in out, out
    formatted = (repo / "README.md").read_text(encoding="utf-8")
    assert formatted != PAPERS  # mdformat formatted the rest ...
    assert entry_texts(formatted) == entry_texts(PAPERS)  # ... and kept every entry

    _git(repo, env, "add", "README.md")
    committed = _git(repo, env, "commit", "-m", "add a list", check=False)
    out = committed.stdout + committed.stderr
    assert committed.returncode == 0, out
    assert out.count("Passed") == 2, out  # mdformat and awesome-lint


def test_mdformat_with_the_plugin_then_awesome_lint(tmp_path):
    env = _env(tmp_path)
    repo = _repo(tmp_path, env)
    (repo / ".pre-commit-config.yaml").write_text(
        _mdformat_then_awesome_lint(MDFORMAT_HOOK), encoding="utf-8"
    )
    assert _pre_commit(repo, env, "install").returncode == 0
    _format_then_commit(repo, env)
