"""The Action's network promise, at the Action level: the installed ``awesome-lint --github``
with ``check-links: all`` on a pull request whose list links only loopback addresses sends
not one request to them. Nothing is injected: the subprocess gets the environment a workflow
gives it, and a server on 127.0.0.1 counts every connection.
"""

from __future__ import annotations

import pytest

from tests.conftest import run_cli
from tests.test_github_action import PR

from .test_action_links import ENTRY


@pytest.fixture
def gh(github_api):
    return github_api


def loopback_urls(server) -> list[str]:
    """The server's address written the ways a hostile list might: all reach 127.0.0.1."""
    port = server.url("/").split(":")[2].split("/")[0]
    return [
        server.url("/paper"),
        f"http://localhost:{port}/paper",
        f"http://127.1:{port}/paper",
        f"http://2130706433:{port}/paper",
        f"http://0x7f000001:{port}/paper",
    ]


def lists(urls: list[str]) -> tuple[str, str]:
    base = "# Papers\n\n## 2023\n\n" + ENTRY.format(title="Old Paper", day=11, url=urls[0])
    added = "\n".join(
        ENTRY.format(title=f"New Paper {i}", day=14 + i, url=u) for i, u in enumerate(urls)
    )
    return base, base.replace("## 2023\n\n", "## 2023\n\n" + added + "\n", 1)


def test_check_links_all_sends_no_request_to_loopback(tmp_path, gh, server):
    server.route("/paper", lambda h, n: h.send_all(200))
    base, head = lists(loopback_urls(server))
    pr = PR(tmp_path, gh, base, head)
    proc = pr.run(process=True, AWESOME_LINT_CHECK_LINKS="all", AWESOME_LINT_COMMENT="none")
    assert proc.returncode in (0, 1), proc.stdout + proc.stderr
    assert server.app.connections == 0 and server.app.seen == []
    # The Action did look at the links: it says why it did not fetch them.
    told = proc.stdout + proc.stderr + (tmp_path / "summary.md").read_text()
    assert "private" in told or "loopback" in told, told


def test_the_same_links_are_fetched_when_the_command_line_allows_it(tmp_path, server):
    # The control: these URLs do reach the server, so the count above could have risen.
    server.route("/paper", lambda h, n: h.send_all(200))
    _, head = lists(loopback_urls(server))
    path = tmp_path / "README.md"
    path.write_text(head, encoding="utf-8")
    env = {"AWESOME_LINT_CACHE_DIR": str(tmp_path / "cache")}
    proc = run_cli(
        "--check-links", "--allow-private-hosts", "--isolated", str(path), env=env, process=True
    )
    assert proc.returncode in (0, 1), proc.stdout + proc.stderr
    assert server.app.connections > 0 and server.app.count("/paper") > 0


def test_a_pull_request_cannot_open_loopback_through_its_config(tmp_path, gh, server):
    server.route("/paper", lambda h, n: h.send_all(200))
    base, head = lists(loopback_urls(server))
    pr = PR(tmp_path, gh, base, head)
    (pr.ws / ".awesome-lint.toml").write_text("[links]\nallow-private-hosts = true\n")
    proc = pr.run(process=True, AWESOME_LINT_CHECK_LINKS="all", AWESOME_LINT_COMMENT="none")
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert "allow-private-hosts can only be given on the command line" in proc.stdout + proc.stderr
    assert server.app.connections == 0 and server.app.seen == []
