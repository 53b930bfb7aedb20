"""The Action's check-links input: links on changed lines (default), all, or none.

The installed ``awesome-lint --github --allow-private-hosts`` in a subprocess: the flag on
the workflow's command line is how a user lets the Action reach a server on 127.0.0.1 (a
pull request's config and the action's inputs cannot), so these tests take that path too.
"""

from __future__ import annotations

import pytest

from tests.network_action import pull_request, run_action

from .conftest import reply

ENTRY = """**{title}**<br>
*Ann One, Bob Two*<br>
[{day}th Sep., 2023] [arXiv, 2023]<br>
[[Paper]({url})]<br>
"""


@pytest.fixture
def gh(github_api):
    return github_api


def make_pr(tmp_path, gh, server, *, target: bool = False):
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
    return pull_request(tmp_path, gh, base, head, target=target)


def dead_links(out: str) -> list[str]:
    return [ln for ln in out.splitlines() if "AL306" in ln]


def test_changed_lines_only_by_default(tmp_path, gh, server):
    pr = make_pr(tmp_path, gh, server)
    code, out = run_action(pr, AWESOME_LINT_CHECK_LINKS="changed")
    dead = dead_links(out)
    assert len(dead) == 1 and "line=6," in dead[0] and "just-added" in dead[0]
    assert code == 1
    assert server.app.count("/just-added") and not server.app.count("/gone-long-ago")


def test_all_checks_every_link_but_old_findings_do_not_block(tmp_path, gh, server):
    pr = make_pr(tmp_path, gh, server)
    code, out = run_action(pr, AWESOME_LINT_CHECK_LINKS="all")
    assert [ln for ln in dead_links(out) if "just-added" in ln]
    assert not [ln for ln in dead_links(out) if "gone-long-ago" in ln]
    assert server.app.count("/gone-long-ago")  # asked, but an older finding
    assert "gone-long-ago" in (tmp_path / "summary.md").read_text()  # listed among older findings


def test_none_fetches_nothing(tmp_path, gh, server):
    pr = make_pr(tmp_path, gh, server)
    code, out = run_action(pr, AWESOME_LINT_CHECK_LINKS="none")
    assert "AL306" not in out
    assert not server.app.seen


def test_without_the_flag_nothing_is_fetched(tmp_path, gh, server):
    # The control for the tests above: the flag, not the test, is what opens loopback.
    pr = make_pr(tmp_path, gh, server)
    proc = pr.run(AWESOME_LINT_CHECK_LINKS="all", AWESOME_LINT_CACHE_DIR=str(tmp_path / "c"))
    assert server.app.seen == [] and not dead_links(proc.stdout)


def test_pull_request_target_checks_the_changed_links_of_the_head_read_through_the_api(
    tmp_path, gh, server
):
    pr = make_pr(tmp_path, gh, server, target=True)
    code, out = run_action(pr, target=True, AWESOME_LINT_CHECK_LINKS="changed")
    dead = dead_links(out)
    assert len(dead) == 1 and "line=6," in dead[0] and "just-added" in dead[0]
    assert code == 1
    assert gh.calls("GET", "/contents/README.md")  # the head came from the API
