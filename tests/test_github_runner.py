"""The --github runner with a stand-in linter: environment handling, fallbacks, exit codes.

The end-to-end tests with the real linter and the installed command are in
test_github_action.py; these pin the runner's own decisions.
"""

import io
import json

import pytest

from awesome_lint.diagnostics import Fix, Severity, Violation
from awesome_lint.github import action
from awesome_lint.model import Span
from tests.github_api_server import FakeGitHub

REPO = "lists/awesome-papers"
HEAD = "1" * 40
BASE_TEXT = ["# List", "", "old BAD line", "keep", ""]
HEAD_TEXT = ["# List", "", "old BAD line", "keep", "", "new BAD line", "new warn line", ""]
PATCH = "@@ -3,3 +3,6 @@\n old BAD line\n keep\n \n+new BAD line\n+new warn line\n+"


class WordLinter:
    """Flags BAD (an error, fixable to GOOD) and warn (a warning) on any line."""

    def _check(self, lines):
        out = []
        for n, line in enumerate(lines, 1):
            if (c := line.find("BAD")) >= 0:
                out.append(
                    Violation(
                        "AL900",
                        "bad-word",
                        "the word `BAD`",
                        Span(n, c + 1, n, c + 4),
                        Severity.ERROR,
                        Fix.replace(Span(n, c + 1, n, c + 4), "GOOD", "say GOOD"),
                    )
                )
            if (c := line.find("warn")) >= 0:
                out.append(
                    Violation(
                        "AL901",
                        "warn-word",
                        "the word warn",
                        Span(n, c + 1, n, c + 5),
                        Severity.WARNING,
                    )
                )
        return out

    def lint_file(self, path, link_lines=None):
        lines = open(path, encoding="utf-8").read().split("\n")
        return lines, self._check(lines)

    def lint_text(self, text, path):
        return self._check(text.split("\n"))


@pytest.fixture
def server():
    s = FakeGitHub().start()
    s.add_token("ghs_bot", "github-actions[bot]")
    s.add_token("ghs_fork", "github-actions[bot]", write=False)
    s.add_pull(REPO, 3, HEAD, "0" * 40, [{"filename": "README.md", "patch": PATCH}])
    yield s
    s.stop()


@pytest.fixture
def env(tmp_path, server):
    ws = tmp_path / "ws"
    ws.mkdir()
    (ws / "README.md").write_text("\n".join(HEAD_TEXT))
    event = tmp_path / "event.json"
    event.write_text(
        json.dumps(
            {
                "pull_request": {"number": 3, "head": {"sha": HEAD}},
                "repository": {"full_name": REPO},
            }
        )
    )
    return {
        "GITHUB_EVENT_NAME": "pull_request",
        "GITHUB_EVENT_PATH": str(event),
        "GITHUB_REPOSITORY": REPO,
        "GITHUB_API_URL": server.url,
        "GITHUB_TOKEN": "ghs_bot",
        "GITHUB_WORKSPACE": str(ws),
        "GITHUB_STEP_SUMMARY": str(tmp_path / "summary.md"),
        "GITHUB_OUTPUT": str(tmp_path / "output"),
    }


def go(env, **kw):
    out = io.StringIO()
    code = action.run(linter=WordLinter(), environ=env, out=out, **kw)
    return code, out.getvalue()


def outputs(env):
    text = open(env["GITHUB_OUTPUT"]).read().split("\n")
    return {ln.split("<<")[0]: text[i + 1] for i, ln in enumerate(text) if "<<" in ln}


def test_pull_request_reports_only_new_lines(env, server):
    code, out = go(env)
    assert code == 1
    assert out.splitlines() == [
        "::error file=README.md,line=6,col=5,endLine=6,endColumn=8,title=AL900 bad-word::the word `BAD`",
        "::warning file=README.md,line=7,col=5,endLine=7,endColumn=9,title=AL901 warn-word::the word warn",
    ]
    assert outputs(env) == {"errors": "1", "warnings": "1"}
    summary = open(env["GITHUB_STEP_SUMMARY"]).read()
    assert "1 older finding" in summary
    review = server.calls("POST", "/reviews$")[0].body
    assert "```suggestion\nnew GOOD line\n```" in review["comments"][0]["body"]


@pytest.mark.parametrize("fail_on, expected", [("error", 1), ("warning", 1), ("never", 0)])
def test_fail_on(env, fail_on, expected):
    env["AWESOME_LINT_FAIL_ON"] = fail_on
    assert go(env)[0] == expected


@pytest.mark.parametrize("fail_on, expected", [("error", 0), ("warning", 1)])
def test_only_a_new_warning_fails_only_fail_on_warning(env, server, tmp_path, fail_on, expected):
    (tmp_path / "ws" / "README.md").write_text(
        "\n".join(HEAD_TEXT).replace("new BAD line", "new ok line")
    )
    server.pulls[(REPO, 3)].files = [
        {"filename": "README.md", "patch": PATCH.replace("+new BAD", "+new ok")}
    ]
    env.update(AWESOME_LINT_COMMENT="none", AWESOME_LINT_FAIL_ON=fail_on)
    code, out = go(env)
    assert code == expected and out.count("::warning file=") == 1 and "::error" not in out
    assert outputs(env) == {"errors": "0", "warnings": "1"}
    assert server.writes() == []


def test_fork_token_falls_back_with_one_notice(env, server):
    env["GITHUB_TOKEN"] = "ghs_fork"
    code, out = go(env)
    assert code == 1
    notices = [ln for ln in out.splitlines() if ln.startswith("::notice")]
    assert len(notices) == 1 and "read-only" in notices[0]
    assert server.comments_on(REPO, 3) == []
    assert "read-only" in open(env["GITHUB_STEP_SUMMARY"]).read()


def test_no_token_still_annotates_and_summarises(env, server):
    env["GITHUB_TOKEN"] = ""
    code, out = go(env)
    assert code == 1
    assert out.count("::error file=") == 2  # the old BAD line too: the diff is unknown
    assert "no GitHub token" in out
    assert server.requests == []
    assert "no GitHub token" in open(env["GITHUB_STEP_SUMMARY"]).read()


def write(path, text):
    path.write_text(text)
    return str(path)


@pytest.mark.parametrize(
    "change, message",
    [
        (lambda e, t: e.pop("GITHUB_EVENT_PATH"), "GITHUB_EVENT_PATH is not set"),
        (lambda e, t: e.update(GITHUB_EVENT_PATH=str(t / "nope.json")), "event file not found"),
        (
            lambda e, t: e.update(GITHUB_EVENT_PATH=write(t / "bad.json", "{not json")),
            "not valid JSON",
        ),
        (lambda e, t: e.update(GITHUB_EVENT_PATH=write(t / "arr.json", "[]")), "not a JSON object"),
        (
            lambda e, t: e.update(GITHUB_EVENT_PATH=write(t / "e.json", "{}")),
            "no pull_request.number",
        ),
        (lambda e, t: e.pop("GITHUB_EVENT_NAME"), "GITHUB_EVENT_NAME is not set"),
        (lambda e, t: (t / "ws" / "README.md").unlink(), "not in the checkout"),
        (
            lambda e, t: (t / "ws" / "README.md").write_text(
                "# List\n\nold BAD line\nkeep\n\nother text\n"
            ),
            "differs from the pull request's head",
        ),
        (lambda e, t: e.update(GITHUB_API_URL="http://api.example.org"), "plain http"),
        (lambda e, t: e.update(AWESOME_LINT_FAIL_ON="sometimes"), "fail-on must be one of"),
        (lambda e, t: e.update(AWESOME_LINT_FILES="missing.md"), "missing.md: no such file"),
    ],
)
def test_broken_environment_gives_one_message_and_exit_2(env, tmp_path, change, message):
    change(env, tmp_path)
    code, out = go(env)
    assert code == 2
    assert (
        out.count("\n") == 1 and out.startswith("::error title=awesome-lint::") and message in out
    )


def test_unreadable_pull_request_is_exit_2(env, server):
    env["GITHUB_REPOSITORY"] = "someone/else"
    code, out = go(env)
    assert code == 2 and "cannot read the files of pull request #3" in out and "404" in out


def test_omitted_patch_does_not_block(env, server):
    server.pulls[(REPO, 3)].files = [{"filename": "README.md", "patch": None, "additions": 5000}]
    code, out = go(env)
    assert code == 0
    assert "GitHub sent no diff" in out and "::error file=" not in out
    assert server.writes() == []


def test_other_events_lint_and_annotate_without_commenting(env, server):
    env["GITHUB_EVENT_NAME"] = "push"
    code, out = go(env)
    assert code == 1 and out.count("::error file=") == 2
    assert server.requests == []


def test_suggestion_that_does_not_fix_is_dropped(env, server):
    class Stubborn(WordLinter):
        def lint_text(self, text, path):  # the fixed text still has the finding
            lines = text.replace("GOOD", "BAD").split("\n")
            return self._check(lines)

    out = io.StringIO()
    assert action.run(linter=Stubborn(), environ=env, out=out) == 1
    review = server.calls("POST", "/reviews$")[0].body
    assert all("suggestion" not in c["body"] for c in review["comments"])
