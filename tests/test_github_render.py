"""Findings against a diff, and the Markdown the bot posts (hand-made violations)."""

from markdown_it import MarkdownIt

from awesome_lint.diagnostics import Fix, Severity, Violation
from awesome_lint.github import render
from awesome_lint.github.diff import file_diff
from awesome_lint.github.findings import classify
from awesome_lint.github.fingerprint import fingerprints
from awesome_lint.github.markdown import ZWJ
from awesome_lint.model import Span

md = MarkdownIt("commonmark").enable("table")

LINES = [
    "# List",  # 1
    "",  # 2
    "**Old Paper**<br>",  # 3
    "*none*<br>",  # 4
    "[1st Jan., 2023] [arXiv, 2023]<br>",  # 5
    "[[Paper](https://arxiv.org/abs/1)]<br>",  # 6
    "",  # 7
    "**New Paper**<br>",  # 8
    "*none*<br>",  # 9
    "[23th Mar., 2023] [arXiv, 2023]<br>",  # 10
    "[Paper](https://arxiv.org/abs/2)<br>",  # 11
]
PATCH = (
    "@@ -5,3 +5,7 @@\n [1st Jan., 2023] [arXiv, 2023]<br>\n [[Paper](https://arxiv.org/abs/1)]<br>\n \n"
    + "".join(f"+{ln}\n" for ln in LINES[7:11])
)


def v(code, name, line, c1, c2, message, fix=None, severity=Severity.ERROR):
    return Violation(code, name, message, Span(line, c1, line, c2), severity, fix)


def violations():
    return [
        v("AL201", "placeholder-authors", 4, 1, 7, "placeholder authors `*none*`"),
        v("AL201", "placeholder-authors", 9, 1, 7, "placeholder authors `*none*`"),
        v(
            "AL211",
            "wrong-ordinal",
            10,
            2,
            6,
            "wrong ordinal `23th`",
            Fix.replace(Span(10, 2, 10, 6), "23rd", "write `23rd`"),
        ),
        v(
            "AL303",
            "nonstandard-link-label",
            11,
            1,
            33,
            "link `[Paper](…)` is not bracketed",
            Fix.replace(
                Span(11, 1, 11, 33), "[[Paper](https://arxiv.org/abs/2)]", "bracket the link"
            ),
            Severity.WARNING,
        ),
    ]


def findings():
    return classify("README.md", LINES, violations(), file_diff("README.md", "modified", PATCH))


def test_only_findings_on_added_lines_are_new():
    fs = findings()
    assert [(f.line, f.new) for f in fs] == [(4, False), (9, True), (10, True), (11, True)]


def test_suggestions_hold_the_fixed_lines():
    fs = {f.line: f for f in findings()}
    assert fs[9].suggestion is None and fs[9].anchor == (9, 9)
    assert fs[10].suggestion.text == "[23rd Mar., 2023] [arXiv, 2023]<br>"
    assert fs[11].suggestion.text == "[[Paper](https://arxiv.org/abs/2)]<br>"
    assert fs[10].anchor == (10, 10)


def test_identical_lines_get_distinct_fingerprints_that_survive_moving():
    vs = violations()[:2]
    a, b = fingerprints("README.md", LINES, vs)
    assert a != b
    shifted = ["", "", *LINES]
    moved = [
        Violation(x.code, x.name, x.message, Span(x.line + 2, 1, x.line + 2, 7), x.severity)
        for x in vs
    ]
    assert fingerprints("README.md", shifted, moved) == [a, b]
    assert fingerprints("OTHER.md", LINES, vs) != [a, b]


def test_summary_comment_starts_with_marker_and_collapses_old_debt():
    fs = findings()
    new = [f for f in fs if f.new]
    old = [f for f in fs if not f.new]
    body = render.summary_comment(new, old, "abcdef1234567")
    assert render.is_summary(body)
    assert "2 errors and 1 warning" in body
    assert "<details><summary>1 older finding" in body
    html = md.render(body)
    assert html.count("<tr>") == 1 + 3 + 1 + 1  # header + 3 new, header + 1 old
    assert "`abcdef1`" in body


def test_all_clear_summary():
    body = render.summary_comment([], [], "abcdef1234567")
    assert "No problems" in body and render.is_summary(body)


def test_inline_comment_has_marker_message_and_suggestion():
    f = next(f for f in findings() if f.line == 10)
    body = render.inline_comment(f)
    assert render.finding_fingerprint(body) == f.fingerprint
    assert "```suggestion\n[23rd Mar., 2023] [arXiv, 2023]<br>\n```" in body


def test_hostile_message_cannot_ping_or_inject():
    hostile = v("AL201", "x", 9, 1, 7, "by @admin <img src=x> ``` \n::error::x")
    f = classify("README.md", LINES, [hostile], file_diff("README.md", "modified", PATCH))[0]
    for body in (render.inline_comment(f), render.summary_comment([f], [], "a" * 40)):
        assert "@admin" not in body and f"@{ZWJ}admin" in body
        assert "<img" not in md.render(body)
        assert "\n::error" not in body


def test_review_body_lists_overflow_and_carries_their_fingerprints():
    fs = [f for f in findings() if f.new]
    body, comments = render.review("run-1", fs[:1], fs[1:])
    run, listed = render.review_marker(body)
    assert run == "run-1" and listed == {f.fingerprint for f in fs[1:]}
    assert len(comments) == 1 and comments[0].as_api() == {
        "path": "README.md",
        "line": 9,
        "side": "RIGHT",
        "body": comments[0].body,
    }
    assert "2 more findings without an inline comment" in body


def test_multi_line_comment_shape():
    c = render.InlineComment("README.md", 8, 11, "b", "f")
    assert c.as_api() == {
        "path": "README.md",
        "line": 11,
        "side": "RIGHT",
        "body": "b",
        "start_line": 8,
        "start_side": "RIGHT",
    }


def test_bodies_stay_under_githubs_limit():
    many = [v("AL201", "placeholder-authors", 9, 1, 7, "x" * 500) for _ in range(400)]
    fs = classify("README.md", LINES, many, file_diff("README.md", "modified", PATCH))
    body = render.summary_comment(fs, fs, "a" * 40)
    assert len(body) < 65_536 and "more not shown" in body
    review_body, _ = render.review("r", [], fs)
    assert len(review_body) < 65_536 and "more (see the summary comment)" in review_body
    assert len(render.job_summary(["README.md"], fs * 3, fs * 3)) <= render.JOB_SUMMARY_LIMIT


def test_counts_name_only_what_is_there():
    fs = findings()
    assert render.counts_phrase([f for f in fs if f.severity is Severity.ERROR]) == "3 errors"
    assert render.counts_phrase(fs[-1:]) == "1 warning"
