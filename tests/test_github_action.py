"""End to end: the installed ``awesome-lint --github`` as a subprocess, PyGithub for real
against the fake GitHub API on 127.0.0.1 (GITHUB_API_URL points at it).

The pull requests are made from list fixtures (tests/fixtures/github, modelled on real
paper lists): base and head versions, the patch computed as GitHub shows it.
"""

import difflib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from awesome_lint.api import lint_text
from awesome_lint.github import render
from tests import inprocess
from tests.conftest import assert_no_traffic, fenced_env
from tests.github_api_server import FakeGitHub

FIXTURES = Path(__file__).parent / "fixtures" / "github"
EXE = str(Path(sys.executable).with_name("awesome-lint"))
REPO = "lists/awesome-retina"
BOT = "github-actions[bot]"


def github_patch(base: str, head: str) -> str:
    """The patch GitHub's "list pull request files" gives: hunks only, no file header."""
    lines = difflib.unified_diff(base.split("\n"), head.split("\n"), lineterm="", n=3)
    return "\n".join(list(lines)[2:])


class PR:
    """One pull request: the fake API, a workspace with the head checked out, an event."""

    def __init__(self, tmp_path: Path, server: FakeGitHub, base: str, head: str, number: int = 12):
        self.tmp, self.server, self.number = tmp_path, server, number
        self.ws = tmp_path / "ws"
        self.ws.mkdir(exist_ok=True)
        self.base = base
        self.head_sha = "a" * 40
        server.add_pull(REPO, number, self.head_sha, "b" * 40, [])
        self.checkout(head, self.head_sha)

    def checkout(self, head: str, sha: str, patch: str | None = "computed") -> None:
        """A push: the new head in the workspace and in the API."""
        self.head, self.head_sha = head, sha
        (self.ws / "README.md").write_text(head)
        real = github_patch(self.base, head)
        counts = {
            "additions": sum(ln.startswith("+") for ln in real.split("\n")),
            "deletions": sum(ln.startswith("-") for ln in real.split("\n")),
        }
        patch = real if patch == "computed" else patch  # None: GitHub omitted it, counts stay
        self.server.push(
            REPO, self.number, sha, [{"filename": "README.md", "patch": patch, **counts}]
        )
        event = {
            "action": "synchronize",
            "number": self.number,
            "pull_request": {
                "number": self.number,
                "head": {"sha": sha},
                "base": {"sha": "b" * 40},
            },
            "repository": {"full_name": REPO},
        }
        (self.tmp / "event.json").write_text(json.dumps(event))

    def env(self, **extra: str) -> dict:
        env = {
            "PATH": os.environ.get("PATH", ""),
            "HOME": str(self.tmp),
            "GITHUB_ACTIONS": "true",
            "GITHUB_EVENT_NAME": "pull_request",
            "GITHUB_EVENT_PATH": str(self.tmp / "event.json"),
            "GITHUB_REPOSITORY": REPO,
            "GITHUB_API_URL": self.server.url,
            "GITHUB_TOKEN": "ghs_bot",
            "GITHUB_WORKSPACE": str(self.ws),
            "GITHUB_STEP_SUMMARY": str(self.tmp / "summary.md"),
            "GITHUB_OUTPUT": str(self.tmp / "output"),
            "GITHUB_RUN_ID": "4242",
            # Link liveness is tested in tests/links/test_action_links.py against a local
            # server; here the lists link real hosts, which no test may contact.
            "AWESOME_LINT_CHECK_LINKS": "none",
            # Papers likewise: tests/papers/test_action_papers.py, against fake services.
            "AWESOME_LINT_CHECK_PAPERS": "none",
        }
        env.update(extra)
        return {k: v for k, v in env.items() if v is not None}

    def run(
        self,
        exe: str = EXE,
        popen: dict | None = None,
        args: tuple = (),
        process: bool = False,
        **extra: str,
    ) -> subprocess.CompletedProcess:
        """``exe --github [args]`` in the workspace; ``popen``: more subprocess.run arguments.
        In this process (tests/inprocess.py) unless ``exe`` is another installation, or
        ``popen`` or ``process`` asks for the command's own process."""
        for name in ("summary.md", "output"):
            (self.tmp / name).write_text("")
        if exe == EXE and inprocess.wanted(popen, process):
            proc = inprocess.run(["--github", *args], env=self.env(**extra), cwd=self.ws, text=True)
        else:
            netlog = self.tmp / "netlog"
            proc = subprocess.run(
                [exe, "--github", *args],
                env=fenced_env(self.env(**extra), netlog),
                cwd=self.ws,
                capture_output=True,
                text=True,
                timeout=120,
                **(popen or {}),
            )
            assert_no_traffic(netlog)
        assert "Traceback" not in proc.stderr, proc.stderr
        return proc

    def outputs(self) -> dict:
        text = (self.tmp / "output").read_text().split("\n")
        return {ln.split("<<")[0]: text[i + 1] for i, ln in enumerate(text) if "<<" in ln}

    def comments(self) -> list[dict]:
        return self.server.comments_on(REPO, self.number)

    def inline(self) -> list[dict]:
        return self.server.review_comments_on(REPO, self.number)

    def reviews(self) -> list[dict]:
        return self.server.reviews_on(REPO, self.number)


@pytest.fixture
def server():
    s = FakeGitHub().start()
    s.add_token("ghs_bot", BOT, type="Bot")
    s.add_token("ghs_fork", BOT, type="Bot", write=False)
    yield s
    s.stop()


def fixture(name: str) -> str:
    return (FIXTURES / name).read_text()


@pytest.fixture
def fm(tmp_path, server):
    return PR(tmp_path, server, fixture("fm_base.md"), fixture("fm_head.md"))


def entry_lines(text: str, title: str) -> range:
    lines = text.split("\n")
    start = next(i for i, ln in enumerate(lines, 1) if title in ln)
    end = start
    while end < len(lines) and lines[end].strip():
        end += 1
    return range(start, end + 1)


def applied(text: str, comment: dict) -> str:
    """The file after clicking "Commit suggestion" on ``comment``."""
    body = comment["body"]
    fence_start = body.index("suggestion\n") + len("suggestion\n")
    suggestion = body[fence_start : body.rindex("\n```")]
    lines = text.split("\n")
    first = comment["start_line"] or comment["line"]
    return "\n".join([*lines[: first - 1], *suggestion.split("\n"), *lines[comment["line"] :]])


# ---------------------------------------------------------------- the contributor's PR


def test_new_entry_with_three_problems_gets_three_inline_comments(fm):
    proc = fm.run()
    assert proc.returncode == 1, proc.stdout + proc.stderr
    new_entry = entry_lines(fm.head, "Fundus-Text Retrieval")
    inline = fm.inline()
    assert len(inline) == 3 and all(c["line"] in new_entry for c in inline)
    codes = sorted(c["body"].split("`")[1] for c in inline)
    assert codes == ["AL202", "AL207", "AL301"]
    with_fix = [c for c in inline if "```suggestion" in c["body"]]
    assert len(with_fix) == 2
    for c in with_fix:
        code = c["body"].split("`")[1]
        fixed = applied(fm.head, c)
        assert [
            v
            for v in lint_text(fixed, "README.md").violations
            if v.code == code and v.span.start_line in new_entry
        ] == []
    # old debt (an old *none*, an old 21th) is only in the summary's collapsed section
    summary = fm.comments()[0]["body"]
    assert "**3 errors**" in summary and "2 older findings" in summary
    assert fm.outputs() == {"errors": "3", "warnings": "0"}
    annotations = [ln for ln in proc.stdout.splitlines() if ln.startswith("::error file=")]
    assert len(annotations) == 3 and all("file=README.md" in a for a in annotations)


@pytest.mark.own_process
def test_first_run_then_identical_run(fm, server):
    fm.run()
    # the diff from the event's own commits; GITHUB_TOKEN's bot never asks GET /user
    assert [(r.method, r.path.split("/", 4)[-1]) for r in server.calls("GET")] == [
        ("GET", "pulls/12"),
        ("GET", f"compare/{'b' * 40}...{'a' * 40}"),
        ("GET", "issues/12/comments"),
        ("GET", "pulls/12/reviews"),
        ("GET", "pulls/12/comments"),
    ]
    assert [(r.method, r.path.split("/", 4)[-1]) for r in server.writes()] == [
        ("POST", "issues/12/comments"),
        ("POST", "pulls/12/reviews"),
    ]
    assert len(fm.comments()) == 1 and len(fm.reviews()) == 1
    writes = len(server.writes())
    proc = fm.run()
    assert proc.returncode == 1
    assert len(server.writes()) == writes  # nothing created, edited or deleted


def test_after_fixing_half_the_summary_is_edited_and_stale_comments_removed(fm, server):
    fm.run()
    summary_id = fm.comments()[0]["id"]
    fixed = fm.head.replace("[23th Dec., 2023]", "[23rd Dec., 2023]").replace(
        "[Paper](https://arxiv.org/abs/2312.07777)<br>",
        "[[Paper](https://arxiv.org/abs/2312.07777)]<br>",
    )
    fm.checkout(fixed, "c" * 40)
    mark = len(server.requests)
    proc = fm.run()
    assert proc.returncode == 1  # *none* is still there
    writes = [(r.method, r.path) for r in server.requests[mark:] if r.method != "GET"]
    assert writes[0] == ("PATCH", f"/repos/{REPO}/issues/comments/{summary_id}")
    assert [m for m, _ in writes[1:]] == ["DELETE", "DELETE"]
    assert len(fm.comments()) == 1 and "**1 error**" in fm.comments()[0]["body"]
    (left,) = fm.inline()
    assert "AL202" in left["body"]

    fm.checkout(
        fixed.replace("*none*<br>\n[23rd", "*Mira Jensen, Omar Haddad*<br>\n[23rd"), "d" * 40
    )
    assert fm.run().returncode == 0
    assert "No problems" in fm.comments()[0]["body"] and fm.inline() == []
    assert len(fm.comments()) == 1 and len(fm.reviews()) == 1


def test_fork_token_falls_back_to_annotations_and_summary(fm, server):
    proc = fm.run(GITHUB_TOKEN="ghs_fork")
    assert proc.returncode == 1
    notices = [ln for ln in proc.stdout.splitlines() if ln.startswith("::notice")]
    assert len(notices) == 1 and "read-only" in notices[0]
    assert sum(ln.startswith("::error file=") for ln in proc.stdout.splitlines()) == 3
    assert fm.comments() == [] and fm.reviews() == []
    assert "read-only" in (fm.tmp / "summary.md").read_text()
    assert [r.status for r in server.writes()] == [403]


def test_fork_token_passes_when_the_pr_is_clean(tmp_path, server):
    base = fixture("fm_base.md")
    pr = PR(
        tmp_path, server, base, base.replace("Vessel Segmentation", "Retinal Vessel Segmentation")
    )
    proc = pr.run(GITHUB_TOKEN="ghs_fork")
    assert proc.returncode == 0 and server.writes() == []  # nothing to say: no comment attempted


def test_502_on_create_does_not_duplicate(fm, server):
    server.fail("POST", r"/issues/12/comments$", 502, perform=True)
    proc = fm.run()
    assert proc.returncode == 1
    assert len(fm.comments()) == 1
    assert len(server.calls("POST", r"/issues/12/comments$")) == 1


def test_a_user_quoting_the_marker_does_not_hijack(fm, server):
    server.seed_issue_comment(REPO, 12, render.SUMMARY_MARKER + "\nquoted", "mallory")
    fm.run()
    bodies = [c["body"] for c in fm.comments()]
    assert len(bodies) == 2 and bodies[0].endswith("quoted") and "awesome-lint" in bodies[1]


def test_comment_none_and_summary_only(fm, server):
    assert fm.run(AWESOME_LINT_COMMENT="none").returncode == 1
    assert server.writes() == []
    fm.run(AWESOME_LINT_COMMENT="summary")
    assert len(fm.comments()) == 1 and fm.reviews() == []


def test_fail_on_never_passes(fm):
    assert fm.run(AWESOME_LINT_FAIL_ON="never").returncode == 0


# ---------------------------------------------------------------- a broken environment


@pytest.mark.own_process
@pytest.mark.parametrize(
    "extra, message",
    [
        ({"GITHUB_EVENT_PATH": "/nonexistent/event.json"}, "event file not found"),
        ({"GITHUB_EVENT_NAME": None}, "GITHUB_EVENT_NAME is not set"),
        ({"AWESOME_LINT_COMMENT": "loud"}, "comment must be one of"),
        ({"AWESOME_LINT_CONFIG": "nope.toml"}, "config file not found"),
    ],
)
def test_environment_failures(fm, extra, message):
    proc = fm.run(**extra)
    assert proc.returncode == 2
    assert proc.stdout.count("\n") == 1 and message in proc.stdout


def test_bad_event_json(fm):
    (fm.tmp / "event.json").write_text("{")
    proc = fm.run()
    assert proc.returncode == 2 and "not valid JSON" in proc.stdout


def test_changed_file_missing_from_checkout(fm):
    (fm.ws / "README.md").unlink()
    proc = fm.run()
    assert proc.returncode == 2 and "not in the checkout" in proc.stdout


def test_no_token_annotates_and_summarises(fm, server):
    proc = fm.run(GITHUB_TOKEN="")
    assert proc.returncode == 1 and server.requests == []
    assert sum(ln.startswith("::error file=") for ln in proc.stdout.splitlines()) == 5
    assert "no GitHub token" in (fm.tmp / "summary.md").read_text()


def test_omitted_patch(fm, server):
    fm.checkout(fm.head, "e" * 40, patch=None)
    proc = fm.run()
    assert proc.returncode == 1 and "could not tell which lines changed" in proc.stdout
    # all five findings of the file, the two old ones included, none filed as older
    assert sum(ln.startswith("::error file=") for ln in proc.stdout.splitlines()) == 5
    assert "older finding" not in fm.comments()[0]["body"]


# ---------------------------------------------------------------- list histories


@pytest.mark.parametrize(
    "base, head, touched",
    [
        ("fm_base.md", "fm_head.md", ["OcuLLaVA", "Fundus-Text Retrieval", "SAM for the Retina"]),
        (
            "dm_base.md",
            "dm_head.md",
            ["Latent Diffusion for Orthodontic", "Conditional Diffusion for Cone-Beam"],
        ),
    ],
)
def test_comments_only_on_the_entries_the_pr_touched(tmp_path, server, base, head, touched):
    pr = PR(tmp_path, server, fixture(base), fixture(head))
    pr.run()
    allowed = {n for title in touched for n in entry_lines(pr.head, title)}
    assert pr.inline(), "the fixture's PR adds at least one finding"
    assert all(c["line"] in allowed for c in pr.inline())
    # the list's old debt exists and stays out of the inline comments
    old = lint_text(pr.head, "README.md").violations
    assert any(v.span.start_line not in allowed for v in old)


@pytest.mark.own_process
def test_hostile_entry_cannot_ping_inject_html_or_workflow_commands(tmp_path, server):
    from markdown_it import MarkdownIt

    base = fixture("fm_base.md")
    hostile = (
        "**Thanks @admin and @org/team <img src=x onerror=alert(1)> <!-- awesome-lint:summary -->**<br>\n"
        "*none*<br>\n"
        "[23th Dec., 2023] [arXiv, 2023]<br>\n"
        "[Paper](https://arxiv.org/abs/2312.07777)<br>\n\n\n"
    )
    anchor = "**RetinaCLIP:"
    pr = PR(tmp_path, server, base, base.replace(anchor, hostile + anchor, 1))
    proc = pr.run()
    assert proc.returncode == 1
    # the hostile text does reach the messages (annotations do not ping), so the checks below bite
    assert any("@admin" in ln and "<img" in ln for ln in proc.stdout.splitlines())
    for line in proc.stdout.splitlines():
        assert line.startswith("::")  # no line of the list's text can start a command
    bodies = [c["body"] for c in pr.comments() + pr.inline()] + [r["body"] for r in pr.reviews()]
    html = MarkdownIt("commonmark").enable("table")
    for body in bodies:
        assert "@admin" not in body and "@org" not in body
        rendered = html.render(body.split("\n", 1)[1])  # past our own marker
        assert "<img" not in rendered and "<!-- awesome-lint" not in rendered
    assert len(pr.comments()) == 1 and render.is_summary(pr.comments()[0]["body"])
