"""The link-health tracking issue (issue 12): scheduled runs of the Action in-process, the
links served by a real HTTP server on 127.0.0.1, the issue kept on the fake GitHub API.

A link is reported broken only after two failing runs in a row; the issue is created,
edited, closed and reopened; its body carries the failure counts in a hidden block.
"""

from __future__ import annotations

import pytest

from awesome_lint.github.tracking import LABEL, MARKER, read_state
from tests.github_api_server import FakeGitHub
from tests.network_action import run_in_process

from .conftest import reply

REPO = "lists/awesome-vision"
SHA = "c" * 40
P = f"/repos/{REPO}"

LIST = """# Awesome Vision

## Segmentation

- [Mask Paper]({a}) - Masks for everything.
- [Edge Paper]({b}) - Edges, then regions.

## Language Models

- [Vision Prompting]({c}) - Prompts that see.
- [Paywalled Survey]({blocked}) - A survey behind a wall.
"""


@pytest.fixture
def gh():
    s = FakeGitHub().start()
    s.add_token("ghs_bot", "github-actions[bot]")
    s.add_repo(REPO)
    yield s
    s.stop()


class Schedule:
    """One list, run on a schedule again and again."""

    def __init__(self, tmp_path, gh, server):
        self.gh, self.server, self.tmp = gh, server, tmp_path
        self.urls = {
            name: server.route(f"/{name}", reply(200)) for name in ("a", "b", "c", "blocked")
        }
        server.route("/blocked", reply(403))
        ws = tmp_path / "ws"
        ws.mkdir()
        (ws / "README.md").write_text(LIST.format(**self.urls))
        # A 500 is retried with backoff (seconds); the list's own config can say not to.
        (ws / ".awesome-lint.toml").write_text("[links]\nmax-retries = 0\n")
        self.env = {
            "GITHUB_EVENT_NAME": "schedule",
            "GITHUB_REPOSITORY": REPO,
            "GITHUB_API_URL": gh.url,
            "GITHUB_SERVER_URL": "https://github.com",
            "GITHUB_TOKEN": "ghs_bot",
            "GITHUB_SHA": SHA,
            "GITHUB_WORKSPACE": str(ws),
            "GITHUB_STEP_SUMMARY": str(tmp_path / "summary.md"),
            "GITHUB_OUTPUT": str(tmp_path / "output"),
            "AWESOME_LINT_TRACKING_ISSUE": "true",
            "AWESOME_LINT_FAIL_ON": "never",
            "AWESOME_LINT_CACHE_DIR": str(tmp_path / "cache"),
        }

    def set(self, **status: int) -> None:
        for name, code in status.items():
            self.server.route(f"/{name}", reply(code))

    def run(self) -> list[tuple[str, str]]:
        """One scheduled run; returns the API requests it made."""
        mark = len(self.gh.requests)
        env = {**self.env, "AWESOME_LINT_LINK_CACHE": "false"}
        assert run_in_process(env) == 0
        return [(r.method, r.path) for r in self.gh.requests[mark:]]

    def issues(self) -> list[dict]:
        return self.gh.issues_in(REPO)


LIST_ISSUES = ("GET", f"{P}/issues")


def test_four_runs_create_edit_close_and_never_report_a_link_that_failed_once(tmp_path, gh, server):
    s = Schedule(tmp_path, gh, server)

    # 1. healthy: nothing to report, no issue
    assert s.run() == [LIST_ISSUES]
    assert s.issues() == []
    query = gh.calls("GET", "/issues$")[0].query
    assert query["labels"] == [LABEL] and query["state"] == ["all"]

    # 2. two links break: each failed once, which is not news yet
    s.set(a=404, b=404)
    assert s.run() == [LIST_ISSUES]
    assert s.issues() == []

    # 3. a still broken (its second failure), b recovered: the issue is opened, for a only
    s.set(b=200)
    assert s.run() == [LIST_ISSUES, ("POST", f"{P}/issues")]
    (issue,) = s.issues()
    body = issue["body"]
    assert body.startswith(MARKER) and issue["state"] == "open"
    assert issue["labels"][0]["name"] == LABEL
    assert "**1 broken link**" in body
    assert s.urls["a"] in body and s.urls["b"] not in body
    lines = body.split("\n")
    section = lines.index("### Segmentation")
    assert lines[section + 2] == (
        f"- [README.md line 5](https://github.com/{REPO}/blob/{SHA}/README.md#L5): "
        f"`{s.urls['a']}`: HTTP 404 (failed 2 runs in a row)"
    )
    # the host that refuses checkers is listed apart, not as broken
    assert "### Could not verify" in body and "README.md line 11" in body
    assert read_state(body) == {s.urls["a"]: 2}

    # 4. all healthy: the same issue is edited and closed in one request
    s.set(a=200)
    assert s.run() == [LIST_ISSUES, ("PATCH", f"{P}/issues/{issue['number']}")]
    patch = gh.calls("PATCH")[0].body
    assert patch["state"] == "closed" and "All links work" in patch["body"]
    (issue,) = s.issues()
    assert issue["state"] == "closed" and read_state(issue["body"]) == {}
    assert len(gh.calls("POST")) == 1  # one issue, ever


def test_a_closed_issue_is_reopened_when_a_link_breaks_again(tmp_path, gh, server):
    s = Schedule(tmp_path, gh, server)
    s.set(c=500)
    s.run()
    s.run()
    (issue,) = s.issues()
    assert "### Language Models" in issue["body"]
    s.set(c=200)
    s.run()
    assert s.issues()[0]["state"] == "closed"
    s.set(c=410)
    assert s.run() == [LIST_ISSUES, ("PATCH", f"{P}/issues/{issue['number']}")]
    assert s.issues()[0]["state"] == "closed"  # failed once: the counts are kept, quietly
    assert read_state(s.issues()[0]["body"]) == {s.urls["c"]: 1}
    assert s.run() == [LIST_ISSUES, ("PATCH", f"{P}/issues/{issue['number']}")]
    (issue,) = s.issues()
    assert issue["state"] == "open" and gh.calls("PATCH")[-1].body["state"] == "open"
    assert len(gh.calls("POST")) == 1


def test_a_link_that_fails_once_opens_no_issue(tmp_path, gh, server):
    s = Schedule(tmp_path, gh, server)
    s.set(a=404)
    s.run()
    s.set(a=200)
    s.run()
    s.run()
    assert s.issues() == [] and gh.writes() == []


def test_a_persons_issue_with_the_marker_is_not_ours(tmp_path, gh, server):
    s = Schedule(tmp_path, gh, server)
    gh.add_token("ghp_mallory", "mallory", type="User")
    s.env["GITHUB_TOKEN"] = "ghp_mallory"
    s.set(a=404)
    s.run()
    s.run()  # mallory's own tracking issue, with a forged state block
    forged = s.issues()[0]
    assert forged["user"]["login"] == "mallory"
    s.env["GITHUB_TOKEN"] = "ghs_bot"
    s.run()
    s.run()
    ours = [i for i in s.issues() if i["user"]["login"] == "github-actions[bot]"]
    assert len(ours) == 1 and len(s.issues()) == 2


def test_the_body_quotes_the_list_inertly_and_its_state_survives_any_url():
    from awesome_lint.github.tracking import FAILING, CheckedLink, Place, render_body

    url = "https://example.org/a?x=--><img src=x> GH-12"
    link = CheckedLink(
        "README.md", url, 9, "Papers by @admin (GH-12, octo/repo#3)", FAILING, "HTTP 404", True
    )
    body = render_body(
        [link], {url: 2}, Place("https://github.com", REPO, SHA, "/ws"), "2026-12-01"
    )
    assert read_state(body) == {url: 2}
    outside_code = body.replace(f"`{url}`", "")
    for live in ("@admin", "GH-12", "repo#3", "<img"):
        assert live not in outside_code.split("<!-- awesome-lint:link-state")[0], live
    assert read_state("<!-- awesome-lint:link-state !!not-base64 -->") == {}
    assert read_state("<!-- awesome-lint:link-state WzFd -->") == {}  # [1]: not a mapping


def test_a_dropped_label_does_not_make_a_second_issue(tmp_path, gh, server):
    """A token without push access has its labels dropped silently: the issue is found
    again by the number the state file remembers."""
    gh.drop_labels = True
    s = Schedule(tmp_path, gh, server)
    s.set(a=404)
    s.run()
    s.run()
    (issue,) = s.issues()
    assert issue["labels"] == []
    n = issue["number"]
    assert s.run() == [LIST_ISSUES, ("GET", f"{P}/issues/{n}"), ("PATCH", f"{P}/issues/{n}")]
    s.set(a=200)
    assert s.run() == [LIST_ISSUES, ("GET", f"{P}/issues/{n}"), ("PATCH", f"{P}/issues/{n}")]
    assert s.issues()[0]["state"] == "closed" and len(gh.calls("POST")) == 1
