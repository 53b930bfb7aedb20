"""The GitHub client's waiting and failing, through PyGithub against the fake API.

A primary rate limit says when it resets (``x-ratelimit-reset``): the client waits that
long, or fails at once when that is too long. A network that does not answer is retried
with backoff, then one error. A delete that finds the comment gone (an earlier attempt went
through) is done, not an error.
"""

from __future__ import annotations

import socket
import time

import pytest

from awesome_lint.github.client import MAX_WAIT, GitHubClient, GitHubError
from tests.github_api_server import FakeGitHub

REPO = "lists/awesome-papers"
HEAD, BASE = "1" * 40, "0" * 40
PATCH = "@@ -1,2 +1,4 @@\n line 1\n+line 2\n+line 3\n line 4"


@pytest.fixture
def server():
    s = FakeGitHub().start()
    s.add_token("ghs_bot", "github-actions[bot]", type="Bot")
    s.add_pull(REPO, 7, HEAD, BASE, [{"filename": "README.md", "patch": PATCH}])
    yield s
    s.stop()


def client(url: str, sleeps: list) -> GitHubClient:
    return GitHubClient(url, "ghs_bot", REPO, sleep=sleeps.append)


def exhausted(reset_in: float) -> dict:
    return {"X-RateLimit-Remaining": "0", "X-RateLimit-Reset": str(int(time.time() + reset_in))}


def test_primary_rate_limit_waits_until_the_reset(server):
    sleeps = []
    server.fail(
        "GET", r"/pulls/7/files$", 403, message="API rate limit exceeded", headers=exhausted(40)
    )
    files = client(server.url, sleeps).pull_files(7)
    assert [f.filename for f in files] == ["README.md"]
    # Until the reset, plus a second; the header has whole seconds, and the test takes time.
    (waited,) = sleeps
    assert 35 <= waited <= 42
    assert len(server.calls("GET", r"/pulls/7/files$")) == 2


def test_primary_rate_limit_resetting_too_late_fails_without_waiting(server):
    sleeps = []
    server.fail(
        "GET",
        r"/pulls/7/files$",
        403,
        message="API rate limit exceeded",
        headers=exhausted(MAX_WAIT + 600),
    )
    with pytest.raises(GitHubError) as exc:
        client(server.url, sleeps).pull_files(7)
    assert exc.value.status == 403 and "rate limit" in str(exc.value)
    assert sleeps == []
    assert len(server.calls("GET", r"/pulls/7/files$")) == 1


def test_network_errors_are_retried_with_backoff_then_one_error():
    with socket.socket() as s:  # a loopback port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    sleeps = []
    with pytest.raises(GitHubError) as exc:
        client(f"http://127.0.0.1:{port}", sleeps).pull_files(7)
    assert exc.value.status is None
    assert "ConnectionError" in str(exc.value)
    assert sleeps == [1.0, 2.0, 4.0]  # four attempts, doubling waits between them


def test_deleting_a_comment_that_is_already_gone_is_done(server):
    sleeps = []
    c = client(server.url, sleeps)
    posted = c.create_review(
        7,
        HEAD,
        "review",
        [{"path": "README.md", "line": 2, "side": "RIGHT", "body": "a finding"}],
        lambda found: None,
    )
    assert posted.id
    (comment,) = c.review_comments(7)
    # An earlier attempt went through, but its answer was lost: the comment is gone.
    with server.lock:
        del server.review_comments[comment.id]
    c.delete_review_comment(comment.id)
    deletes = server.calls("DELETE")
    assert [r.status for r in deletes] == [404] and sleeps == []


def test_a_delete_refused_for_another_reason_is_an_error(server):
    sleeps = []
    c = client(server.url, sleeps)
    c.create_review(
        7,
        HEAD,
        "review",
        [{"path": "README.md", "line": 2, "side": "RIGHT", "body": "a finding"}],
        lambda found: None,
    )
    (comment,) = c.review_comments(7)
    server.fail("DELETE", r"/pulls/comments/\d+$", 422, message="Unprocessable")
    with pytest.raises(GitHubError) as exc:
        c.delete_review_comment(comment.id)
    assert exc.value.status == 422
    assert len(server.review_comments_on(REPO, 7)) == 1
