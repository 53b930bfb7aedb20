"""Issue 12: the Action against what github.com really does. Each numbered case of the issue
runs the Action in-process against the fake GitHub on 127.0.0.1 and asserts the exact
requests made and what the user sees (annotations, job summary, comments).

The linter is a stand-in (tests/test_github_runner.WordLinter: BAD is an error, warn a
warning) so the counts are exact; the real linter runs in test_github_action.py.
"""

from __future__ import annotations

import io
import json
import re

import pytest

from awesome_lint.github import action
from tests.github_api_server import FakeGitHub
from tests.test_github_runner import WordLinter

REPO = "lists/awesome-papers"
BASE = "0" * 40
HEAD = "1" * 40
BASE_TEXT = ["# List", "", "old BAD line", "keep", ""]
HEAD_TEXT = ["# List", "", "old BAD line", "keep", "", "new BAD line", "new warn line", ""]
PATCH = "@@ -3,3 +3,6 @@\n old BAD line\n keep\n \n+new BAD line\n+new warn line\n+"
FILES = [{"filename": "README.md", "patch": PATCH}]


class TextLinter(WordLinter):
    """WordLinter that also lints text read elsewhere (pull_request_target) and records which
    links it was asked to check."""

    def __init__(self):
        self.link_lines = []

    def lint_file(self, path, link_lines=None, text=None, paper_lines=None):
        self.link_lines.append(link_lines)
        if text is None:
            return super().lint_file(path, link_lines, paper_lines=paper_lines)
        lines = text.split("\n")
        return lines, self._check(lines)


@pytest.fixture
def server():
    s = FakeGitHub().start()
    s.add_token("ghs_bot", "github-actions[bot]")
    s.add_token("ghs_app", "lint-app[bot]")  # a GitHub App's installation token
    s.add_token("ghp_maint", "maintainer", type="User")  # a personal access token
    s.add_pull(REPO, 3, HEAD, BASE, FILES)
    yield s
    s.stop()


def write_event(tmp_path, event: dict) -> str:
    path = tmp_path / "event.json"
    path.write_text(json.dumps(event))
    return str(path)


def pr_event(number=3, head=HEAD, base=BASE) -> dict:
    return {
        "action": "synchronize",
        "pull_request": {"number": number, "head": {"sha": head}, "base": {"sha": base}},
        "repository": {"full_name": REPO},
    }


@pytest.fixture
def env(tmp_path, server):
    ws = tmp_path / "ws"
    ws.mkdir()
    (ws / "README.md").write_text("\n".join(HEAD_TEXT))
    return {
        "GITHUB_EVENT_NAME": "pull_request",
        "GITHUB_EVENT_PATH": write_event(tmp_path, pr_event()),
        "GITHUB_REPOSITORY": REPO,
        "GITHUB_API_URL": server.url,
        "GITHUB_TOKEN": "ghs_bot",
        "GITHUB_WORKSPACE": str(ws),
        "GITHUB_STEP_SUMMARY": str(tmp_path / "summary.md"),
        "GITHUB_OUTPUT": str(tmp_path / "output"),
        "GITHUB_RUN_ID": "77",
    }


def go(env, linter=None):
    out = io.StringIO()
    code = action.run(linter=linter or TextLinter(), environ=env, out=out)
    return code, out.getvalue()


def requests(server, since=0):
    return [(r.method, r.path) for r in server.requests[since:]]


def summary(env) -> str:
    return open(env["GITHUB_STEP_SUMMARY"]).read()


P = f"/repos/{REPO}"


# ---------------------------------------------------------------- 1. annotations


def test_1_annotations_errors_first_ten_of_each_kind_the_last_says_how_many_more(env, server):
    # 15 warnings above 25 errors: errors still come first, each kind by line.
    text = ["# List", ""] + [f"warn {i}" for i in range(15)] + [f"BAD {i}" for i in range(25)]
    (server.pulls[(REPO, 3)]).files = files = [
        {"filename": "README.md", "patch": "@@ -0,0 +1,42 @@\n" + "\n".join(f"+{t}" for t in text)}
    ]
    server.add_comparison(REPO, BASE, HEAD, files)
    open(env["GITHUB_WORKSPACE"] + "/README.md", "w").write("\n".join(text))
    env["AWESOME_LINT_COMMENT"] = "none"
    code, out = go(env)
    lines = out.splitlines()
    assert code == 1 and len(lines) == 20
    assert [re.search(r"line=(\d+)", ln).group(1) for ln in lines] == [
        str(n) for n in [*range(18, 28), *range(3, 13)]
    ]
    assert all(ln.startswith("::error ") for ln in lines[:10])
    assert all(ln.startswith("::warning ") for ln in lines[10:])
    assert lines[9].endswith(
        "::the word `BAD` (and 15 more errors not annotated: GitHub shows 10 per step; "
        "the job summary lists all)"
    )
    assert lines[19].endswith(
        "(and 5 more warnings not annotated: GitHub shows 10 per step; the job summary lists all)"
    )
    assert "more" not in "".join(lines[:9] + lines[10:19])
    table_rows = [
        ln for ln in summary(env).splitlines() if ln.startswith("| ❌") or ln.startswith("| ⚠️")
    ]
    assert len(table_rows) == 40  # the job summary lists every finding


def test_1_run_warnings_count_against_the_limit_and_come_after_the_findings(env, server):
    text = ["# List", ""] + [f"warn {i}" for i in range(12)]
    server.pulls[(REPO, 3)].files = files = [
        {"filename": "README.md", "patch": "@@ -0,0 +1,14 @@\n" + "\n".join(f"+{t}" for t in text)}
    ]
    server.add_comparison(REPO, BASE, HEAD, files)
    open(env["GITHUB_WORKSPACE"] + "/README.md", "w").write("\n".join(text))
    # commenting fails: the run's own warning takes one of the ten places
    server.fail("POST", r"/issues/3/comments$", 422, message="Validation Failed")
    code, out = go(env)
    lines = out.splitlines()
    assert len(lines) == 10
    assert all(ln.startswith("::warning file=") for ln in lines[:9])
    assert "(and 3 more warnings" in lines[8]
    assert lines[9].startswith("::warning title=awesome-lint::commenting failed")


# ---------------------------------------------------------------- 2. events


def test_2_merge_group_judges_only_what_the_queued_pull_requests_changed(env, server, tmp_path):
    group_head = "3" * 40
    server.add_comparison(REPO, BASE, group_head, FILES)
    env.update(
        GITHUB_EVENT_NAME="merge_group",
        GITHUB_EVENT_PATH=write_event(
            tmp_path,
            {
                "action": "checks_requested",
                "merge_group": {
                    "head_sha": group_head,
                    "head_ref": "refs/heads/gh-readonly-queue/main/pr-3-" + BASE,
                    "base_sha": BASE,
                    "base_ref": "refs/heads/main",
                },
                "repository": {"full_name": REPO},
            },
        ),
    )
    code, out = go(env)
    assert requests(server) == [("GET", f"{P}/compare/{BASE}...{group_head}")]
    assert code == 1
    assert [ln.split(",")[1] for ln in out.splitlines()] == ["line=6", "line=7"]
    assert "1 older finding" in summary(env)  # the old BAD on line 3 does not block the queue


def test_2_merge_group_of_clean_pull_requests_passes_despite_old_findings(env, server, tmp_path):
    group_head = "3" * 40
    clean = "@@ -3,3 +3,4 @@\n old BAD line\n keep\n \n+fine line"
    server.add_comparison(REPO, BASE, group_head, [{"filename": "README.md", "patch": clean}])
    open(env["GITHUB_WORKSPACE"] + "/README.md", "w").write(
        "# List\n\nold BAD line\nkeep\n\nfine line"
    )
    env.update(
        GITHUB_EVENT_NAME="merge_group",
        GITHUB_EVENT_PATH=write_event(
            tmp_path, {"merge_group": {"head_sha": group_head, "base_sha": BASE}}
        ),
    )
    code, out = go(env)
    assert code == 0 and out == "" and "1 older finding" in summary(env)


def test_2_push_of_a_new_branch_compares_with_the_default_branch(env, server, tmp_path):
    server.add_comparison(REPO, "main", HEAD, FILES)
    env.update(
        GITHUB_EVENT_NAME="push",
        GITHUB_EVENT_PATH=write_event(
            tmp_path,
            {
                "before": "0" * 40,
                "after": HEAD,
                "created": True,
                "repository": {"full_name": REPO, "default_branch": "main"},
            },
        ),
    )
    code, out = go(env)
    assert requests(server) == [("GET", f"{P}/compare/main...{HEAD}")]
    assert code == 1 and out.count("::error file=") == 1


def test_2_push_deleting_a_branch_checks_nothing(env, server, tmp_path):
    env.update(
        GITHUB_EVENT_NAME="push",
        GITHUB_EVENT_PATH=write_event(
            tmp_path, {"before": HEAD, "after": "0" * 40, "deleted": True}
        ),
    )
    code, out = go(env)
    assert code == 0 and server.requests == [] and "branch was deleted" in out


@pytest.mark.parametrize("event", ["schedule", "workflow_dispatch"])
@pytest.mark.parametrize(
    "check_links, expected", [(None, "all"), ("changed", "all"), ("none", None)]
)
def test_2_schedule_and_dispatch_check_the_whole_list_and_every_link(
    env, server, event, check_links, expected
):
    env["GITHUB_EVENT_NAME"] = event
    env.pop("GITHUB_EVENT_PATH")  # a scheduled run needs no payload
    if check_links:
        env["AWESOME_LINT_CHECK_LINKS"] = check_links
    linter = TextLinter()
    code, out = go(env, linter)
    assert linter.link_lines == [expected]
    assert code == 1 and out.count("::error file=") == 2  # the old BAD counts too
    assert server.requests == []  # no tracking issue asked for: no API call


def test_2_pull_request_checks_links_on_changed_lines_by_default(env, server):
    linter = TextLinter()
    go(env, linter)
    assert linter.link_lines == [frozenset({6, 7, 8})]


def test_2_pull_request_target_reads_the_head_through_the_api_never_the_checkout(
    env, server, tmp_path
):
    # The safe workflow checks out the base branch only (or nothing): the list's head
    # version comes from the API, the checkout's README.md is the base's.
    open(env["GITHUB_WORKSPACE"] + "/README.md", "w").write("\n".join(BASE_TEXT))
    server.add_content(REPO, HEAD, "README.md", "\n".join(HEAD_TEXT))
    env.update(GITHUB_EVENT_NAME="pull_request_target", AWESOME_LINT_COMMENT="summary")
    code, out = go(env)
    assert code == 1
    assert requests(server) == [
        ("GET", f"{P}/pulls/3"),
        ("GET", f"{P}/compare/{BASE}...{HEAD}"),
        ("GET", f"{P}/contents/README.md"),
        ("GET", f"{P}/issues/3/comments"),
        ("POST", f"{P}/issues/3/comments"),
    ]
    assert server.calls(path="/contents/")[0].query["ref"] == [HEAD]
    assert [ln.split(",")[1] for ln in out.splitlines()] == ["line=6", "line=7"]


def test_2_pull_request_target_gives_the_heads_text_the_checkouts_limits(env, server):
    # A pull request's text read through the API is as untrusted as a file: too many lines
    # for the list's own max-lines is one error line and exit 2, not a long parse.
    ws = env["GITHUB_WORKSPACE"]
    open(ws + "/README.md", "w").write("\n".join(BASE_TEXT))
    open(ws + "/.awesome-lint.toml", "w").write("max-lines = 6\n")
    server.add_content(REPO, HEAD, "README.md", "\n".join(HEAD_TEXT))
    env.update(GITHUB_EVENT_NAME="pull_request_target", AWESOME_LINT_COMMENT="summary")
    out = io.StringIO()
    code = action.run(linter=action.CoreLinter(), environ=env, out=out)
    assert code == 2
    (line,) = out.getvalue().splitlines()
    assert line.startswith("::error title=awesome-lint::")
    assert line.endswith("/README.md: file has 7 lines, more than the 6 limit (max-lines)")


# ---------------------------------------------------------------- 3. identity


def test_3_app_token_finds_its_own_comments_without_get_user(env, server):
    env["GITHUB_TOKEN"] = "ghs_app"
    assert go(env)[0] == 1
    first = server.comments_on(REPO, 3)
    assert len(first) == 1 and first[0]["user"]["login"] == "lint-app[bot]"
    assert first[0]["performed_via_github_app"]["slug"] == "lint-app"
    mark = len(server.requests)
    assert go(env)[0] == 1  # the same findings again: nothing new to say
    assert requests(server, mark) == [
        ("GET", f"{P}/pulls/3"),
        ("GET", f"{P}/compare/{BASE}...{HEAD}"),
        ("GET", f"{P}/issues/3/comments"),
        ("GET", f"{P}/pulls/3/reviews"),
        ("GET", f"{P}/pulls/3/comments"),
    ]
    assert server.calls(path="^/user") == []
    assert len(server.comments_on(REPO, 3)) == 1 and len(server.review_comments_on(REPO, 3)) == 2


def test_3_app_token_with_its_slug_ignores_another_apps_summary(env, server):
    from awesome_lint.github import render

    other = server.seed_issue_comment(
        REPO, 3, render.SUMMARY_MARKER + "\nold", "github-actions[bot]", type="Bot"
    )
    env.update(GITHUB_TOKEN="ghs_app", AWESOME_LINT_APP_SLUG="lint-app")
    go(env)
    assert server.issue_comments[other["id"]]["body"].endswith("old")
    assert [c["user"]["login"] for c in server.comments_on(REPO, 3)] == [
        "github-actions[bot]",
        "lint-app[bot]",
    ]


def test_3_the_workflow_token_knows_it_is_github_actions_and_ignores_an_apps_summary(env, server):
    from awesome_lint.github import render

    other = server.seed_issue_comment(
        REPO, 3, render.SUMMARY_MARKER + "\nold", "lint-app[bot]", type="Bot"
    )
    env["AWESOME_LINT_WORKFLOW_TOKEN"] = "true"  # action.yml: inputs.github-token == github.token
    go(env)
    assert server.issue_comments[other["id"]]["body"].endswith("old")
    assert [c["user"]["login"] for c in server.comments_on(REPO, 3)] == [
        "lint-app[bot]",
        "github-actions[bot]",
    ]
    assert server.calls(path="^/user") == []


def test_3_app_token_does_not_take_a_persons_forged_marker(env, server):
    from awesome_lint.github import render

    server.seed_issue_comment(REPO, 3, render.SUMMARY_MARKER + "\nforged", "mallory")
    env["GITHUB_TOKEN"] = "ghs_app"
    go(env)
    assert server.calls("PATCH") == [] and len(server.comments_on(REPO, 3)) == 2


def test_3_personal_token_asks_get_user_and_edits_only_its_own(env, server):
    from awesome_lint.github import render

    server.seed_issue_comment(
        REPO, 3, render.SUMMARY_MARKER + "\nbot", "github-actions[bot]", type="Bot"
    )
    env["GITHUB_TOKEN"] = "ghp_maint"
    go(env)
    mark = len(server.requests)
    server.push(
        REPO,
        3,
        "2" * 40,
        [{"filename": "README.md", "patch": PATCH.replace("+new warn line\n", "+new fine line\n")}],
    )
    open(env["GITHUB_WORKSPACE"] + "/README.md", "w").write(
        "\n".join(HEAD_TEXT).replace("new warn line", "new fine line")
    )
    env["GITHUB_EVENT_PATH"] = write_event(
        __import__("pathlib").Path(env["GITHUB_EVENT_PATH"]).parent, pr_event(head="2" * 40)
    )
    go(env)
    ours = [c for c in server.comments_on(REPO, 3) if c["user"]["login"] == "maintainer"]
    assert len(ours) == 1 and "1 error" in ours[0]["body"]
    assert [m for m, _ in requests(server, mark)].count("PATCH") == 1
    assert len(server.calls("GET", "^/user$")) == 2  # once a run


# ---------------------------------------------------------------- 5. a refused review


def test_5_review_refused_with_422_is_posted_again_with_the_findings_in_its_body(env, server):
    server.fail("POST", r"/pulls/3/reviews$", 422, message="Unprocessable Entity")
    code, out = go(env)
    posts = server.calls("POST", r"/pulls/3/reviews$")
    assert [p.status for p in posts] == [422, 200]
    assert len(posts[0].body["comments"]) == 2 and posts[1].body["comments"] == []
    body = posts[1].body["body"]
    assert "- `README.md` line 6: `AL900` bad-word: the word `BAD`" in body
    assert "- `README.md` line 7: `AL901` warn-word: the word warn" in body
    assert "commenting failed" not in out and code == 1
    # the re-run finds both listed in our review's marker: no third review
    go(env)
    assert len(server.calls("POST", r"/pulls/3/reviews$")) == 2


# ---------------------------------------------------------------- 6. the PR moved on


def test_6_pull_request_moved_on_one_notice_exit_0(env, server):
    server.push(REPO, 3, "2" * 40, FILES)  # pushed while this run was queued
    code, out = go(env)
    assert code == 0
    assert out.splitlines() == [
        "::notice title=awesome-lint::pull request #3 has moved on to 2222222 since this run "
        "started at 1111111: nothing reported here, the run for 2222222 reports"
    ]
    assert requests(server) == [("GET", f"{P}/pulls/3")]
    assert summary(env).startswith(
        # (#3 carries a zero-width joiner: quoted text never cross-references)
        "## awesome-lint\n\nNot checked: `README.md`.\n> pull request #\u200d3 has moved on"
    )


def test_6_the_diff_comes_from_the_events_commits_not_the_live_pull_request(env, server):
    go(env)
    assert requests(server)[:2] == [
        ("GET", f"{P}/pulls/3"),
        ("GET", f"{P}/compare/{BASE}...{HEAD}"),
    ]
    assert server.calls(path="/files$") == []


# ---------------------------------------------------------------- 7. large pull requests


def test_7_past_3000_files_the_list_is_linted_whole_as_could_not_tell(env, server):
    files = [
        {"filename": f"papers/{i:04d}.md", "patch": "@@ -0,0 +1 @@\n+x"} for i in range(3000)
    ] + FILES
    server.push(REPO, 3, HEAD, files)
    env["AWESOME_LINT_COMMENT"] = "summary"
    code, out = go(env)
    pages = [r for r in server.calls("GET", "/files$")]
    assert requests(server)[:2] == [
        ("GET", f"{P}/pulls/3"),
        ("GET", f"{P}/compare/{BASE}...{HEAD}"),
    ]
    assert len(pages) == 30 and all(p.query["per_page"] == ["100"] for p in pages)
    assert code == 1 and out.count("::error file=") == 2  # the old BAD is not waved through
    assert "README.md: could not tell which lines changed" in out
    body = server.comments_on(REPO, 3)[0]["body"]
    assert "could not tell which lines changed" in body and "older finding" not in body


def test_7_between_300_and_3000_files_the_pull_requests_own_list_has_the_diff(env, server):
    files = [
        {"filename": f"papers/{i:04d}.md", "patch": "@@ -0,0 +1 @@\n+x"} for i in range(400)
    ] + FILES
    server.push(REPO, 3, HEAD, files)
    env["AWESOME_LINT_COMMENT"] = "none"
    code, out = go(env)
    assert len(server.calls("GET", "/files$")) == 5
    assert [ln.split(",")[1] for ln in out.splitlines()] == ["line=6", "line=7"]


# ---------------------------------------------------------------- 8. autolinks


class QuotingLinter(TextLinter):
    """Quotes the list's text in its message, outside backticks as well as inside."""

    def _check(self, lines):
        from awesome_lint.diagnostics import Severity, Violation
        from awesome_lint.model import Span

        return [
            Violation(
                "AL902",
                "quoted",
                f"entry {line} (as `{line}`)",
                Span(n, 1, n, 2),
                Severity.ERROR,
            )
            for n, line in enumerate(lines, 1)
            if "BAD" in line
        ]


def test_8_references_and_issue_urls_in_quoted_text_do_not_link(env, server):
    hostile = "new BAD GH-12 octo/repo#12 https://github.com/octo/repo/issues/12 www.example.org"
    text = "\n".join(HEAD_TEXT).replace("new BAD line", hostile)
    open(env["GITHUB_WORKSPACE"] + "/README.md", "w").write(text)
    server.push(
        REPO, 3, HEAD, [{"filename": "README.md", "patch": PATCH.replace("new BAD line", hostile)}]
    )
    go(env, QuotingLinter())
    bodies = [c["body"] for c in server.comments_on(REPO, 3)]
    bodies += [c["body"] for c in server.review_comments_on(REPO, 3)]
    bodies += [summary(env)]
    assert len(bodies) == 3
    for body in bodies:
        outside_code = re.sub(r"(`+).*?\1", "", body)
        assert "GH-12" in body  # quoted inside code, where GitHub links nothing
        for live in ("GH-12", "repo#12", "https://github.com/octo", "www.example"):
            assert live not in outside_code, (live, body)


# ---------------------------------------------------------------- 9. the API budget


def test_9_share_and_cache_inputs_reach_the_link_settings():
    s = action.settings_from_env(
        {"AWESOME_LINT_GITHUB_API_SHARE": "0.5", "AWESOME_LINT_LINK_CACHE": "false"}, ()
    )
    assert s.link_options() == {"github_api_share": 0.5, "no_cache": True}
    assert action.settings_from_env({}, ()).link_options() == {"github_api_share": 0.2}


@pytest.mark.parametrize("share", ["1.5", "-0.1", "a fifth"])
def test_9_a_share_outside_0_to_1_is_one_message_exit_2(env, share):
    env["AWESOME_LINT_GITHUB_API_SHARE"] = share
    code, out = go(env)
    assert code == 2 and out == (
        "::error title=awesome-lint::input github-api-share must be a number from 0 to 1, "
        f"got {share!r}\n"
    )
