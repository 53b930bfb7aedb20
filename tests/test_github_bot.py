"""The bot through PyGithub against the fake GitHub API on 127.0.0.1 (hand-made findings).

The CLI end-to-end runs live in test_github_action.py; here each request is checked.
"""

import pytest
import requests

from awesome_lint.diagnostics import Fix, Severity, Violation
from awesome_lint.github import bot, render
from awesome_lint.github.client import (
    ApiUrlError,
    GitHubClient,
    GitHubError,
    Identity,
    check_api_url,
)
from awesome_lint.github.diff import file_diff
from awesome_lint.github.findings import classify
from awesome_lint.model import Span
from tests.github_api_server import SECONDARY_LIMIT, FakeGitHub

REPO = "lists/awesome-papers"
BOT = "github-actions[bot]"
HEAD = "1" * 40
BASE = "0" * 40

LINES = [f"line {i}" for i in range(1, 41)]
# Lines 11-20 are new; 1-10 and 21-40 are old.
PATCH = (
    "@@ -8,5 +8,15 @@\n line 8\n line 9\n line 10\n"
    + "".join(f"+line {i}\n" for i in range(11, 21))
    + " line 21\n line 22"
)


@pytest.fixture
def server():
    s = FakeGitHub().start()
    s.add_token("ghs_bot", BOT, type="Bot")
    s.add_token("ghs_fork", BOT, type="Bot", write=False)
    s.add_token("ghp_user", "someone", type="User")
    s.add_pull(REPO, 7, HEAD, BASE, [{"filename": "README.md", "patch": PATCH}])
    yield s
    s.stop()


def client(server, token="ghs_bot", sleeps=None):
    return GitHubClient(
        server.url,
        token,
        REPO,
        sleep=(sleeps.append if sleeps is not None else None) or (lambda s: None),
    )


def viol(line, code="AL201", fix=None, severity=Severity.ERROR):
    return Violation(
        code, "rule-name", f"problem on line {line}", Span(line, 1, line, 5), severity, fix
    )


def findings(lines, vs, patch=PATCH):
    fs = classify("README.md", lines, vs, file_diff("README.md", "modified", patch))
    return [f for f in fs if f.new], [f for f in fs if not f.new]


def run(server, vs, lines=LINES, patch=PATCH, mode="both", token="ghs_bot", run_id="r1", head=HEAD):
    c = client(server, token)
    new, old = findings(lines, vs, patch)
    state = bot.read_state(c, 7, mode)
    p = bot.plan(new, old, head, state, mode)
    return bot.publish(c, 7, head, p, run_id, state.identity)


def test_first_run_creates_one_comment_and_one_review(server):
    vs = [viol(3), viol(12), viol(15, fix=Fix.replace(Span(15, 1, 15, 5), "LINE", "upper"))]
    done = run(server, vs)
    assert [(r.method, r.path) for r in server.writes()] == [
        ("POST", f"/repos/{REPO}/issues/7/comments"),
        ("POST", f"/repos/{REPO}/pulls/7/reviews"),
    ]
    review = server.calls("POST", "/reviews$")[0].body
    assert review["event"] == "COMMENT" and review["commit_id"] == HEAD
    assert [(c["path"], c["line"]) for c in review["comments"]] == [
        ("README.md", 12),
        ("README.md", 15),
    ]
    assert "```suggestion\nLINE 15\n```" in review["comments"][1]["body"]
    summary = server.comments_on(REPO, 7)[0]["body"]
    assert render.is_summary(summary) and "1 older finding" in summary
    assert len(done) == 2
    # every request carried the token, to this server only
    assert all(r.headers["authorization"] == "token ghs_bot" for r in server.calls())


def test_second_identical_run_writes_nothing(server):
    vs = [viol(3), viol(12), viol(15)]
    run(server, vs)
    before = len(server.writes())
    assert run(server, vs, run_id="r2") == []
    assert len(server.writes()) == before


def test_fixing_half_edits_summary_and_removes_stale_comments(server):
    run(server, [viol(12), viol(13), viol(15), viol(16)])
    assert len(server.review_comments_on(REPO, 7)) == 4
    lines = list(LINES)
    lines[11] = "line 12 fixed"
    lines[12] = "line 13 fixed"
    server.push(
        REPO,
        7,
        "2" * 40,
        [
            {
                "filename": "README.md",
                "patch": PATCH.replace("+line 12\n+line 13", "+line 12 fixed\n+line 13 fixed"),
            }
        ],
    )
    mark = len(server.requests)
    done = run(server, [viol(15), viol(16)], lines=lines, head="2" * 40, run_id="r2")
    writes = [(r.method, r.path) for r in server.requests[mark:] if r.method != "GET"]
    assert writes[0] == (
        "PATCH",
        f"/repos/{REPO}/issues/comments/{server.comments_on(REPO, 7)[0]['id']}",
    )
    assert sorted(m for m, _ in writes[1:]) == ["DELETE", "DELETE"]
    assert len(server.review_comments_on(REPO, 7)) == 2
    assert len(server.comments_on(REPO, 7)) == 1 and len(server.reviews_on(REPO, 7)) == 1
    assert "removed outdated comment" in done[-1]


def test_all_fixed_says_so_in_the_same_comment(server):
    run(server, [viol(12)])
    run(server, [], run_id="r2")
    comments = server.comments_on(REPO, 7)
    assert len(comments) == 1 and "No problems" in comments[0]["body"]
    assert server.review_comments_on(REPO, 7) == []


def test_clean_pr_gets_no_comment(server):
    assert run(server, [viol(3)]) == []
    assert server.writes() == []


def test_a_user_quoting_the_marker_cannot_hijack_the_summary(server):
    forged = server.seed_issue_comment(
        REPO, 7, render.SUMMARY_MARKER + "\nI quote the bot", "mallory"
    )
    run(server, [viol(12)])
    assert server.issue_comments[forged["id"]]["body"].endswith("I quote the bot")
    assert server.calls("PATCH") == []
    assert len(server.comments_on(REPO, 7)) == 2


def test_a_user_quoting_a_finding_marker_does_not_suppress_it(server):
    new, _ = findings(LINES, [viol(12)])
    quoted = f"<!-- awesome-lint:finding {new[0].fingerprint} -->\nas the bot would say"
    # A user reviews the line first, quoting the bot's marker for that finding.
    posted = requests.post(
        f"{server.url}/repos/{REPO}/pulls/7/reviews",
        headers={"Authorization": "token ghp_user"},
        json={
            "commit_id": HEAD,
            "event": "COMMENT",
            "body": "",
            "comments": [{"path": "README.md", "line": 12, "body": quoted}],
        },
        timeout=10,
    )
    assert posted.status_code == 200, posted.text
    (theirs,) = server.review_comments_on(REPO, 7)
    assert theirs["user"]["login"] == "someone"
    run(server, [viol(12)])
    # Their comment is not ours: the finding is still commented, theirs is left alone.
    by_author = {c["user"]["login"]: c for c in server.review_comments_on(REPO, 7)}
    assert set(by_author) == {"someone", BOT}
    assert by_author[BOT]["line"] == 12 and new[0].fingerprint in by_author[BOT]["body"]
    assert by_author["someone"]["body"] == quoted


def test_502_after_create_does_not_duplicate_the_comment(server):
    server.fail("POST", r"/issues/7/comments$", 502, perform=True)
    server.fail("POST", r"/pulls/7/reviews$", 502, perform=True)
    run(server, [viol(12)])
    assert len(server.comments_on(REPO, 7)) == 1
    assert len(server.reviews_on(REPO, 7)) == 1
    assert len(server.review_comments_on(REPO, 7)) == 1
    assert len(server.calls("POST")) == 2  # no second create: the re-list found ours


def test_502_that_did_not_create_is_retried_after_checking(server):
    server.fail("POST", r"/issues/7/comments$", 502)
    run(server, [viol(12)], mode="summary")
    assert len(server.comments_on(REPO, 7)) == 1
    methods = [r.method for r in server.calls(path=r"/issues/7/comments$")]
    assert methods == ["GET", "POST", "GET", "POST"]


def test_secondary_rate_limits_are_waited_out(server):
    sleeps = []
    server.fail(
        "GET", r"/pulls/7/files$", 403, message=SECONDARY_LIMIT, headers={"Retry-After": "7"}
    )
    server.fail("GET", r"/issues/7/comments$", 429, headers={"Retry-After": "3"})
    c = client(server, sleeps=sleeps)
    assert [f.filename for f in c.pull_files(7)] == ["README.md"]
    assert c.issue_comments(7) == []
    assert sleeps == [7.0, 3.0]


def test_5xx_on_reads_backs_off_then_gives_up(server):
    sleeps = []
    server.fail("GET", r"/pulls/7/files$", 503, times=10)
    with pytest.raises(GitHubError) as exc:
        client(server, sleeps=sleeps).pull_files(7)
    assert exc.value.status == 503 and sleeps == [1.0, 2.0, 4.0]
    assert len(server.calls("GET", r"/files$")) == 4


def test_fork_token_cannot_write(server):
    with pytest.raises(GitHubError) as exc:
        run(server, [viol(12)], token="ghs_fork")
    assert exc.value.forbidden and exc.value.status == 403
    assert server.comments_on(REPO, 7) == []
    assert len(server.calls("POST")) == 1  # a 403 is not retried


def test_identity_personal_token_asks_get_user_installation_token_never_does(server):

    assert client(server, "ghp_user").identity() == Identity("someone", False)
    assert [r.path for r in server.calls()] == ["/user"]
    assert client(server).identity() == Identity(None, True)
    assert client(server).identity("lint-app") == Identity("lint-app[bot]", True)
    assert len(server.calls()) == 1  # ghs_ tokens are never sent to GET /user (it answers 403)


def test_pagination_reads_every_page(server):
    files = [{"filename": f"f{i}.md", "patch": "@@ -0,0 +1 @@\n+x"} for i in range(250)]
    server.add_pull(REPO, 8, HEAD, BASE, files)
    for i in range(120):
        server.seed_issue_comment(REPO, 8, f"c{i}", "someone")
    c = client(server)
    assert len(c.pull_files(8)) == 250
    assert len(c.issue_comments(8)) == 120
    pages = [r.query.get("page", ["1"])[0] for r in server.calls("GET", r"/pulls/8/files$")]
    assert pages == ["1", "2", "3"]


def test_omitted_patch_has_no_patch(server):
    server.add_pull(
        REPO, 9, HEAD, BASE, [{"filename": "huge.md", "patch": None, "additions": 9000}]
    )
    (f,) = client(server).pull_files(9)
    assert f.patch is None and f.changes == 9000


def test_pagination_links_to_another_host_do_not_get_the_token(server):
    other = FakeGitHub().start()
    try:
        files = [{"filename": f"f{i}.md", "patch": "@@ -0,0 +1 @@\n+x"} for i in range(150)]
        server.add_pull(REPO, 10, HEAD, BASE, files)
        orig = server._page

        def evil_page(rec, items, cap=None):
            status, headers, chunk = orig(rec, items, cap)
            if "Link" in headers:
                headers = {"Link": headers["Link"].replace(server.url, other.url)}
            return status, headers, chunk

        server._page = evil_page
        with pytest.raises(GitHubError, match="another host"):
            client(server).pull_files(10)
        assert other.requests == []
    finally:
        other.stop()


def test_api_url_is_checked():
    assert check_api_url("https://api.github.com/") == "https://api.github.com"
    assert check_api_url("http://127.0.0.1:8080/api/v3") == "http://127.0.0.1:8080/api/v3"
    for bad in (
        "http://api.github.com",
        "ftp://x",
        "https://u:p@api.github.com",
        "https://x/?a=1",
        "nonsense",
    ):
        with pytest.raises(ApiUrlError):
            check_api_url(bad)


def test_enterprise_style_prefix(tmp_path):
    s = FakeGitHub(prefix="/api/v3").start()
    try:
        s.add_token("t", BOT)
        s.add_pull(REPO, 7, HEAD, BASE, [{"filename": "README.md", "patch": PATCH}])
        assert s.url.endswith("/api/v3")
        assert [f.filename for f in GitHubClient(s.url, "t", REPO).pull_files(7)] == ["README.md"]
    finally:
        s.stop()


def test_more_than_thirty_findings_overflow_into_the_review_body(server):
    lines = [f"line {i}" for i in range(1, 61)]
    patch = "@@ -0,0 +1,60 @@\n" + "".join(f"+{ln}\n" for ln in lines)
    server.pulls[(REPO, 7)].files = [{"filename": "README.md", "patch": patch}]
    vs = [viol(i) for i in range(1, 41)]
    run(server, vs, lines=lines, patch=patch)
    review = server.calls("POST", "/reviews$")[0].body
    assert len(review["comments"]) == 30
    assert "10 more findings without an inline comment" in review["body"]
    mark = len(server.writes())
    run(server, vs, lines=lines, patch=patch, run_id="r2")
    assert len(server.writes()) == mark  # the listed ten are not posted again
