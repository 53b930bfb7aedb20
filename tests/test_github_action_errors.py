"""The Action's error paths, end to end: the installed ``awesome-lint --github`` against the
fake GitHub API, with one thing gone wrong each time. Each ends in one clear message (exit 2)
or, where the findings can still be delivered, a notice and the findings.
"""

from __future__ import annotations

import subprocess

import pytest

from tests.conftest import file_modes_apply
from tests.test_github_action import PR, fixture


@pytest.fixture
def server(github_api):
    return github_api


@pytest.fixture
def fm(tmp_path, server):
    return PR(tmp_path, server, fixture("fm_base.md"), fixture("fm_head.md"))


def one_error(proc: subprocess.CompletedProcess, words: str) -> str:
    """Exit 2 and exactly one message (an ::error annotation or a line on stderr) that says
    ``words``."""
    assert proc.returncode == 2, proc.stdout + proc.stderr
    errors = [ln for ln in proc.stdout.splitlines() if ln.startswith("::error")]
    errors += [ln for ln in proc.stderr.splitlines() if ln.strip()]
    assert len(errors) == 1 and words in errors[0], proc.stdout + proc.stderr
    return errors[0]


def test_a_comment_failure_other_than_403_is_a_warning_and_the_findings_stand(fm, server):
    server.fail("POST", r"/issues/12/comments$", 422, message="Validation Failed", times=10)
    proc = fm.run()
    assert proc.returncode == 1, proc.stdout + proc.stderr  # the findings still fail the check
    warning = [ln for ln in proc.stdout.splitlines() if ln.startswith("::warning")]
    assert len(warning) == 1 and "commenting failed, findings are in the annotations" in warning[0]
    assert "422" in warning[0]
    assert len([ln for ln in proc.stdout.splitlines() if ln.startswith("::error file=")]) == 3
    assert fm.comments() == []
    assert "commenting failed" in (fm.tmp / "summary.md").read_text()


def test_a_malformed_patch_from_github_is_one_error(fm, server):
    fm.checkout(fm.head, "c" * 40, patch="@@ this is not a hunk header @@\n+x")
    one_error(fm.run(), "README.md: GitHub's patch is malformed")
    assert server.writes() == []


def test_a_binary_file_in_the_pull_request_is_one_error(fm, server):
    (fm.ws / "README.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    one_error(fm.run(), "binary file (contains NUL bytes), not Markdown")
    assert server.writes() == []


def test_an_unreadable_file_in_the_pull_request_is_one_error(fm, server):
    (fm.ws / "README.md").chmod(0)
    one_error(fm.run(popen=file_modes_apply()), "permission denied")
    assert server.writes() == []


def test_a_bad_links_table_in_the_pull_requests_config_is_one_error(fm, server):
    (fm.ws / ".awesome-lint.toml").write_text("[links]\ntimeout = -1\n")
    message = one_error(
        fm.run(AWESOME_LINT_CHECK_LINKS="changed"), "[links] timeout must be positive"
    )
    assert ".awesome-lint.toml" in message
    assert server.writes() == []


def test_without_pygithub_the_action_says_how_to_install_it(fm, server, tmp_path):
    # As if PyGithub were not installed: its top-level package cannot be imported.
    blocker = tmp_path / "no-pygithub" / "github"
    blocker.mkdir(parents=True)
    (blocker / "__init__.py").write_text(
        "raise ModuleNotFoundError(\"No module named 'github'\", name='github')\n"
    )
    proc = fm.run(process=True, PYTHONPATH=str(blocker.parent))
    one_error(proc, "PyGithub is missing: pip install 'awesome-lint[github]'")
    assert server.calls() == []
