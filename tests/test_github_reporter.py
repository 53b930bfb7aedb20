"""Workflow commands, the job summary and step outputs for GitHub Actions."""

from awesome_lint.diagnostics import Severity, Violation
from awesome_lint.github import outputs
from awesome_lint.model import Span
from awesome_lint.report import workflow as gh


def test_annotation_carries_the_span_and_title():
    v = Violation(
        "AL211", "wrong-ordinal", "wrong ordinal `23th`", Span(10, 2, 10, 6), Severity.ERROR
    )
    assert gh.annotation("README.md", v) == (
        "::error file=README.md,line=10,col=2,endLine=10,endColumn=6,"
        "title=AL211 wrong-ordinal::wrong ordinal `23th`"
    )


def test_multi_line_annotation_drops_columns_and_info_is_a_notice():
    v = Violation("AL100", "x", "m", Span(3, 1, 5, 2), Severity.INFO)
    assert gh.annotation("a.md", v) == "::notice file=a.md,line=3,endLine=5,title=AL100 x::m"


def test_untrusted_text_cannot_inject_workflow_commands():
    v = Violation(
        "AL201", "n", "bad\n::set-env name=X::1\r\n100%", Span(1, 1, 1, 2), Severity.WARNING
    )
    line = gh.annotation("we,ird:name\n.md", v)
    assert "\n" not in line and "\r" not in line
    assert line == (
        "::warning file=we%2Cird%3Aname%0A.md,line=1,col=1,endLine=1,endColumn=2,title=AL201 n"
        "::bad%0A::set-env name=X::1%0D%0A100%25"
    )


def test_report_is_one_command_a_line():
    vs = [Violation("AL1", "a", "m", Span(i, 1, i, 2), Severity.ERROR) for i in (1, 2)]
    assert gh.report("x.md", vs).count("\n") == 2


def test_outputs_use_the_heredoc_form(tmp_path):
    out = tmp_path / "out"
    assert outputs.write_outputs({"errors": 3, "warnings": "1\n2"}, {"GITHUB_OUTPUT": str(out)})
    text = out.read_text()
    lines = text.splitlines()
    assert lines[0].startswith("errors<<ghadelimiter_") and lines[1] == "3"
    assert lines[2] == lines[0].split("<<")[1]
    name, delim = lines[3].split("<<")
    assert name == "warnings" and lines[4:6] == ["1", "2"] and lines[6] == delim


def test_outputs_and_summary_without_their_variables_do_nothing():
    assert outputs.write_outputs({"errors": 1}, {}) is False
    assert outputs.append_job_summary("x", {}) is False


def test_job_summary_appends(tmp_path):
    f = tmp_path / "summary.md"
    f.write_text("earlier step\n")
    outputs.append_job_summary("## ours\n", {"GITHUB_STEP_SUMMARY": str(f)})
    assert f.read_text() == "earlier step\n## ours\n"
