"""The Action as a workflow runs it when it lets the list reach servers on 127.0.0.1:
``awesome-lint --github --allow-private-hosts``, the installed command, in a subprocess.

The command line is the only way to open private addresses (a pull request's config and
the action's inputs cannot), so the tests of the Action's link and paper checks go through
it too; the pull request itself is ``tests.test_github_action.PR`` (workspace, patch, event).
"""

from __future__ import annotations

from pathlib import Path

from tests.test_github_action import PR, REPO

ALLOW = ("--allow-private-hosts",)


def pull_request(tmp_path: Path, gh, base: str, head: str, *, target: bool = False) -> PR:
    """A pull request from ``base`` to ``head``. ``target``: the pull_request_target
    workflow, whose checkout holds the base while the head is read through the API."""
    pr = PR(tmp_path, gh, base, head)
    if target:
        (pr.ws / "README.md").write_text(base)
        gh.add_content(REPO, pr.head_sha, "README.md", head)
    return pr


def run_action(pr: PR, *, target: bool = False, **env: str) -> tuple[int, str]:
    """One run with loopback allowed on its command line; its exit code and annotations."""
    if target:
        env["GITHUB_EVENT_NAME"] = "pull_request_target"
    proc = pr.run(args=ALLOW, AWESOME_LINT_CACHE_DIR=str(pr.tmp / "cache"), **env)
    return proc.returncode, proc.stdout


def run_in_process(env: dict, *args: str) -> int:
    """The same command line run in this process, for tests that count what happens inside
    it (parses): ``awesome-lint --github --allow-private-hosts [args]`` through the CLI's own
    ``main`` with the Action's environment set for the call. Output goes to stdout."""
    import pytest

    from awesome_lint import cli

    with pytest.MonkeyPatch.context() as mp:
        for name, value in env.items():
            mp.setenv(name, value)
        return cli.main(["--github", *ALLOW, *args])
