"""The Action's check-links input: links on changed lines (default), all, or none.

Run in-process, because loopback must be allowed for the test server and a pull request's
config can never allow it (allow-private-hosts is a command-line flag only).
"""

from __future__ import annotations

import difflib
import io
import json

import pytest

from awesome_lint.github.action import CoreLinter, run

from .conftest import reply

REPO = "lists/awesome"
ENTRY = """**{title}**<br>
*Ann One, Bob Two*<br>
[{day}th Sep., 2023] [arXiv, 2023]<br>
[[Paper]({url})]<br>
"""


@pytest.fixture
def gh(github_api):
    return github_api


def make_pr(tmp_path, gh, server):
    old_dead = server.route("/gone-long-ago", reply(404))
    new_dead = server.route("/just-added", reply(404))
    ok = server.route("/fine", reply(200))
    base = "## Papers\n\n" + "\n".join(
        ENTRY.format(title=f"Old Paper {i}", day=20 - i, url=old_dead if i == 1 else ok)
        for i in range(3)
    )
    head = (
        "## Papers\n\n"
        + ENTRY.format(title="New Paper", day=25, url=new_dead)
        + "\n"
        + base.split("\n\n", 1)[1]
    )
    ws = tmp_path / "ws"
    ws.mkdir()
    (ws / "README.md").write_text(head)
    patch = "\n".join(
        list(difflib.unified_diff(base.split("\n"), head.split("\n"), lineterm="", n=3))[2:]
    )
    gh.add_pull(
        REPO,
        7,
        "a" * 40,
        "b" * 40,
        [{"filename": "README.md", "patch": patch, "additions": 5, "deletions": 0}],
    )
    event = {
        "number": 7,
        "pull_request": {"number": 7, "head": {"sha": "a" * 40}},
        "repository": {"full_name": REPO},
    }
    (tmp_path / "event.json").write_text(json.dumps(event))
    env = {
        "GITHUB_EVENT_NAME": "pull_request",
        "GITHUB_EVENT_PATH": str(tmp_path / "event.json"),
        "GITHUB_REPOSITORY": REPO,
        "GITHUB_API_URL": gh.url,
        "GITHUB_TOKEN": "ghs_bot",
        "GITHUB_WORKSPACE": str(ws),
        "GITHUB_STEP_SUMMARY": str(tmp_path / "summary.md"),
        "GITHUB_OUTPUT": str(tmp_path / "output"),
        "AWESOME_LINT_COMMENT": "none",
    }
    return env, head


def run_action(env, check_links):
    out = io.StringIO()
    linter = CoreLinter(isolated=True, link_options={"allow_private_hosts": True, "no_cache": True})
    code = run(environ={**env, "AWESOME_LINT_CHECK_LINKS": check_links}, out=out, linter=linter)
    return code, out.getvalue()


def test_changed_lines_only_by_default(tmp_path, gh, server):
    env, head = make_pr(tmp_path, gh, server)
    code, out = run_action(env, "changed")
    dead = [ln for ln in out.splitlines() if "AL306" in ln]
    assert len(dead) == 1 and "line=6," in dead[0] and "just-added" in dead[0]
    assert code == 1
    assert server.app.count("/just-added") and not server.app.count("/gone-long-ago")


def test_all_checks_every_link_but_old_findings_do_not_block(tmp_path, gh, server):
    env, head = make_pr(tmp_path, gh, server)
    code, out = run_action(env, "all")
    assert [ln for ln in out.splitlines() if "AL306" in ln and "just-added" in ln]
    assert not [ln for ln in out.splitlines() if "AL306" in ln and "gone-long-ago" in ln]
    assert "gone-long-ago" in (tmp_path / "summary.md").read_text()  # listed among older findings


def test_none_fetches_nothing(tmp_path, gh, server):
    env, head = make_pr(tmp_path, gh, server)
    code, out = run_action(env, "none")
    assert "AL306" not in out
    assert not server.app.seen
