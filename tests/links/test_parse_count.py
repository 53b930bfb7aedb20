"""Every path reads a file once and parses it once (issue 9): the command line, with and
without --check-links and --fix, and the Action.

Parsing is counted where markdown-it runs (``parser._blocks``, once per ``parse``). A fix
pass is verified by one parse of the text it produced, so ``--fix`` on a list whose fixes
settle in one pass parses twice: the text as read, and the fixed text. The Action verifies
all of a file's suggestions with one more parse, not one per suggestion. In-process, so
the loopback link server can be allowed (--allow-private-hosts).
"""

from __future__ import annotations

import json
from collections import Counter

import pytest

from awesome_lint import cli
from awesome_lint.parse import parser
from tests.github_api_server import FakeGitHub
from tests.network_action import run_in_process

from .conftest import reply

ENTRY = """**{title}**<br>
*Ann One, Bob Two*<br>
[{day} Sep., 2023] [arXiv, 2023]<br>
[[Paper]({url})]<br>
"""


def write_list(path, urls, fixable):
    """A list whose entries agree; with ``fixable`` one date says 23th (fixed in one pass)."""
    days = ["21st", "22nd", "23th" if fixable else "23rd"]
    entries = [
        ENTRY.format(title=f"Paper {i}", day=d, url=u) for i, (d, u) in enumerate(zip(days, urls))
    ]
    path.write_text("# Papers\n\n## Recent\n\n" + "\n".join(entries), encoding="utf-8")
    return path


@pytest.fixture
def parses(monkeypatch):
    """Counts parses per text (the first line identifies the list)."""
    counts: Counter = Counter()
    real = parser._blocks

    def counting(text, *rest):
        counts[text.split("\n", 1)[0]] += 1
        return real(text, *rest)

    monkeypatch.setattr(parser, "_blocks", counting)
    return counts


@pytest.fixture
def lists(tmp_path, server):
    urls = [server.route(f"/paper{i}", reply(200)) for i in range(3)]
    clean = write_list(tmp_path / "clean.md", urls, fixable=False)
    fixable = write_list(tmp_path / "fixable.md", urls, fixable=True)
    return clean, fixable, server


LINKS = ["--check-links", "--allow-private-hosts", "--no-cache"]


@pytest.mark.parametrize(
    "flags, expected",
    [
        ([], 1),
        (LINKS, 1),
        (["--fix"], 2),
        (["--diff"], 2),
        (LINKS + ["--fix"], 2),
        (["--export", "json"], 1),
    ],
)
def test_command_line_parses_each_file_once(lists, parses, capsys, flags, expected):
    clean, fixable, server = lists
    # Distinct first lines, so the counter can tell the files apart.
    fixable.write_text(fixable.read_text().replace("# Papers", "# Fixable papers", 1))
    code = cli.main([str(clean), str(fixable), "--isolated", "--today", "2026-01-01", *flags])
    assert code in (0, 1), capsys.readouterr().err
    # The clean list has nothing to fix: read once, parsed once, on every path.
    assert parses["# Papers"] == 1
    # The fixable one: once, plus one verifying parse of the fixed text when fixing.
    assert parses["# Fixable papers"] == expected
    if LINKS[0] in flags:
        assert server.app.count("/paper1") >= 1  # the links were really checked


def test_the_fixed_file_is_what_the_one_verifying_parse_saw(lists, parses, capsys):
    clean, fixable, server = lists
    assert cli.main([str(fixable), "--isolated", "--today", "2026-01-01", "--fix"]) == 0
    assert "23rd Sep." in fixable.read_text() and sum(parses.values()) == 2


@pytest.fixture
def gh():
    s = FakeGitHub().start()
    s.add_token("ghs_bot", "github-actions[bot]", type="Bot")
    yield s
    s.stop()


def action_env(tmp_path, gh, listing, check_links):
    lines = listing.read_text().splitlines()
    patch = f"@@ -0,0 +1,{len(lines)} @@\n" + "\n".join("+" + ln for ln in lines)
    gh.add_pull("lists/papers", 3, "a" * 40, "b" * 40, [{"filename": listing.name, "patch": patch}])
    event = tmp_path / "event.json"
    event.write_text(
        json.dumps(
            {
                "pull_request": {"number": 3, "head": {"sha": "a" * 40}},
                "repository": {"full_name": "lists/papers"},
            }
        )
    )
    return {
        "GITHUB_EVENT_NAME": "pull_request",
        "GITHUB_EVENT_PATH": str(event),
        "GITHUB_REPOSITORY": "lists/papers",
        "GITHUB_API_URL": gh.url,
        "GITHUB_TOKEN": "ghs_bot",
        "GITHUB_WORKSPACE": str(listing.parent),
        "GITHUB_STEP_SUMMARY": str(tmp_path / "summary.md"),
        "GITHUB_OUTPUT": str(tmp_path / "output"),
        "AWESOME_LINT_FILES": listing.name,
        "AWESOME_LINT_CHECK_LINKS": check_links,
        "AWESOME_LINT_COMMENT": "review",
    }


@pytest.mark.parametrize("check_links", ["none", "changed", "all"])
def test_the_action_parses_once_and_verifies_suggestions_with_one_more(
    tmp_path, gh, lists, parses, check_links, capsys
):
    clean, fixable, server = lists
    # Two suggestions on different lines: verified together, by one parse.
    fixable.write_text(fixable.read_text().replace("22nd", "22th", 1))
    env = {
        **action_env(tmp_path, gh, fixable, check_links),
        "AWESOME_LINT_LINK_CACHE": "false",
        "AWESOME_LINT_CHECK_PAPERS": "none",  # its titles are no papers Crossref could know
    }
    assert run_in_process(env, "--isolated") == 1, capsys.readouterr().out
    assert parses["# Papers"] == 2  # the file as checked out, then with both suggestions
    review = gh.calls("POST", "/reviews$")[0].body
    assert sum("```suggestion" in c["body"] for c in review["comments"]) == 2
    assert (server.app.count("/paper1") > 0) == (check_links != "none")
