"""The link rules read the checker's results (given here directly); they never fetch."""

from __future__ import annotations

from awesome_lint.api import fix_text, lint_text
from awesome_lint.diagnostics import Severity
from awesome_lint.links.result import LinkResult, Outcome, Redirect

from ..conftest import TODAY, only

ENTRY = """\
**A Paper**<br>
*A. Author*<br>
[12th Sep., 2023] [arXiv, 2023]<br>
[[Paper]({paper})] [[GitHub]({code})]<br>
"""


def lint(text, results, *rules):
    return lint_text(text, config=only(*rules), today=TODAY, link_results=results).violations


def test_link_rules_stay_silent_without_link_results():
    text = ENTRY.format(paper="https://a.org/p", code="https://github.com/a/b")
    rules = ("dead-link", "unreachable-link", "redirected-link", "archived-repository")
    assert lint_text(text, config=only(*rules), today=TODAY).violations == ()


def test_dead_and_invalid_are_errors_at_each_place():
    text = (
        ENTRY.format(paper="https://a.org/gone", code="https://b.org:99999/")
        + "\nAgain: [paper](https://a.org/gone)\n"
    )
    results = {
        "https://a.org/gone": LinkResult(
            "https://a.org/gone", Outcome.DEAD, status=404, error="HTTP 404"
        ),
        "https://b.org:99999/": LinkResult(
            "https://b.org:99999/",
            Outcome.INVALID,
            error="malformed URL: Port out of range 0-65535",
        ),
    }
    found = lint(text, results, "dead-link")
    assert [(v.line, v.column, v.severity) for v in found] == [
        (4, 10, Severity.ERROR),
        (4, 41, Severity.ERROR),
        (6, 16, Severity.ERROR),
    ]
    assert found[0].message == 'link "https://a.org/gone" is dead: HTTP 404'
    assert found[1].message.endswith("cannot be fetched: malformed URL: Port out of range 0-65535")


def test_dead_after_redirect_names_where_it_ended():
    text = ENTRY.format(paper="https://a.org/x", code="https://github.com/a/b")
    results = {
        "https://a.org/x": LinkResult(
            "https://a.org/x",
            Outcome.DEAD,
            status=404,
            error="HTTP 404",
            redirects=(Redirect("https://a.org/x", 301, "https://a.org/y"),),
        )
    }
    (v,) = lint(text, results, "dead-link")
    assert v.message.endswith('(after redirecting to "https://a.org/y")')


def test_unreachable_blocked_and_refused():
    text = (
        ENTRY.format(paper="https://slow.org/p", code="https://linkedin.com/in/x")
        + "\n[intranet](http://10.0.0.1/wiki)\n"
    )
    results = {
        "https://slow.org/p": LinkResult(
            "https://slow.org/p", Outcome.UNREACHABLE, error="no answer within 20 s"
        ),
        "https://linkedin.com/in/x": LinkResult(
            "https://linkedin.com/in/x",
            Outcome.BLOCKED,
            status=999,
            error="HTTP 999: the host turns link checkers away",
        ),
        "http://10.0.0.1/wiki": LinkResult(
            "http://10.0.0.1/wiki",
            Outcome.REFUSED_PRIVATE,
            error="private address 10.0.0.1: not fetched (see --allow-private-hosts)",
        ),
    }
    found = lint(text, results, "unreachable-link")
    assert [v.severity for v in found] == [Severity.WARNING, Severity.INFO, Severity.WARNING]
    assert (
        found[0].message == 'link "https://slow.org/p" could not be reached: no answer within 20 s'
    )
    assert "which says nothing about the page" in found[1].message
    assert found[2].message.startswith('link "http://10.0.0.1/wiki" not checked: private address')


def test_redirected_fix_keeps_the_fragment():
    text = ENTRY.format(paper="https://old.org/paper#results", code="https://github.com/a/b")
    results = {
        "https://old.org/paper#results": LinkResult(
            "https://old.org/paper#results",
            Outcome.REDIRECTED,
            status=200,
            final_url="https://new.org/paper/",
            redirects=(
                Redirect("https://old.org/paper", 301, "https://new.org/paper"),
                Redirect("https://new.org/paper", 302, "https://new.org/paper/"),
            ),
        )
    }
    (v,) = lint(text, results, "redirected-link")
    assert '"https://new.org/paper"' in v.message  # the permanent part of the chain only
    fixed, _, applied = fix_text(
        text, config=only("redirected-link"), today=TODAY, link_results=results
    )
    assert applied == 1
    assert fixed == text.replace("https://old.org/paper#results", "https://new.org/paper#results")


def test_redirected_without_a_safe_fix():
    text = "See <https://old.org/a> and [b](https://old.org/b).\n"
    results = {
        "https://old.org/a": LinkResult(
            "https://old.org/a",
            Outcome.REDIRECTED,
            status=200,
            redirects=(Redirect("https://old.org/a", 308, "https://new.org/a"),),
        ),
        "https://old.org/b": LinkResult(
            "https://old.org/b",
            Outcome.REDIRECTED,
            status=200,
            redirects=(Redirect("https://old.org/b", 301, "https://new.org/b c"),),
        ),
    }
    found = lint(text, results, "redirected-link")
    assert len(found) == 2
    # The autolink's fix is safe (its URL text is the URL); a target with a space is not.
    assert found[0].fix is not None and found[1].fix is None


def test_temporary_redirects_and_ok_are_not_reported():
    text = ENTRY.format(paper="https://a.org/p", code="https://github.com/a/b")
    results = {
        "https://a.org/p": LinkResult(
            "https://a.org/p",
            Outcome.OK,
            status=200,
            redirects=(Redirect("https://a.org/p", 302, "https://a.org/login"),),
        )
    }
    assert lint(text, results, "redirected-link", "dead-link", "unreachable-link") == ()


def test_archived_repository():
    text = ENTRY.format(paper="https://a.org/p", code="https://github.com/old/tool")
    results = {
        "https://github.com/old/tool": LinkResult(
            "https://github.com/old/tool", Outcome.OK, status=200, archived=True
        ),
        "https://a.org/p": LinkResult("https://a.org/p", Outcome.OK, status=200, archived=None),
    }
    (v,) = lint(text, results, "archived-repository")
    assert v.line == 4 and "is archived" in v.message


def test_shortened_url_names_and_fixes_to_the_resolved_target():
    text = "Code: [tool](https://bit.ly/abc123) and [other](https://tinyurl.com/dead1).\n"
    results = {
        "https://bit.ly/abc123": LinkResult(
            "https://bit.ly/abc123",
            Outcome.REDIRECTED,
            status=200,
            final_url="https://github.com/lab/tool",
            redirects=(Redirect("https://bit.ly/abc123", 301, "https://github.com/lab/tool"),),
        ),
        "https://tinyurl.com/dead1": LinkResult(
            "https://tinyurl.com/dead1", Outcome.DEAD, status=404, error="HTTP 404"
        ),
    }
    found = lint(text, results, "shortened-url")
    assert (
        found[0].message
        == 'link to the URL shortener bit.ly hides its target "https://github.com/lab/tool"; link to it directly'
    )
    assert found[0].fix is not None
    assert found[1].fix is None and found[1].message.endswith("; link to the destination")
    fixed, _, _ = fix_text(text, config=only("shortened-url"), today=TODAY, link_results=results)
    assert fixed == text.replace("https://bit.ly/abc123", "https://github.com/lab/tool")
