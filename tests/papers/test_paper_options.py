"""The ``[papers]`` config table and the settings it meets: every key checked, every bad
value one message naming it (the command line turns it into one line and exit 2)."""

from __future__ import annotations

import argparse

import pytest

from awesome_lint.papers import PaperSettings, PaperSettingsError
from awesome_lint.papers.options import from_table, settings_from, validate_table

from ..conftest import run_cli


def test_every_key_is_read_into_its_setting():
    assert from_table(
        {"mailto": "a@b.org", "cache-max-age": "2d", "timeout": 5, "max-retries": 1}
    ) == {"mailto": "a@b.org", "cache_max_age": 172800.0, "timeout": 5, "max_retries": 1}


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"arxiv-api": "http://x"}, "unknown key 'arxiv-api' (known: cache-max-age, mailto,"),
        ({"mailto": 3}, "mailto must be a string"),
        ({"cache-max-age": "soon"}, "cache-max-age: 'soon' is not a duration"),
        ({"max-retries": 1.5}, "max-retries must be an integer"),
        ({"max-retries": True}, "max-retries must be an integer"),
        ({"timeout": "30"}, "timeout must be a number"),
        ({"timeout": False}, "timeout must be a number"),
    ],
)
def test_a_bad_value_is_one_message_naming_the_key(table, message):
    with pytest.raises(PaperSettingsError) as info:
        from_table(table)
    assert str(info.value).startswith(message)


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ({"mailto": "nobody"}, "[papers] mailto 'nobody' is not an e-mail address"),
        ({"cache-max-age": "1h"}, "[papers] paper cache-max-age must be at least 1d"),
        ({"timeout": 0}, "[papers] timeout must be positive, not 0"),
        ({"max-retries": -1}, "[papers] max-retries must be 0 or more, not -1"),
    ],
)
def test_a_value_the_settings_refuse_fails_validation(table, message):
    class Bad(Exception):
        pass

    with pytest.raises(Bad) as info:
        validate_table(table, Bad)
    assert str(info.value) == message
    validate_table({"mailto": "a@b.org"}, Bad)  # a good table passes


def test_environment_then_table_then_command_line():
    env = {
        "AWESOME_LINT_ARXIV_API": "http://127.0.0.1:9/api/query",
        "AWESOME_LINT_CROSSREF_API": "http://127.0.0.1:9",
        "AWESOME_LINT_MAILTO": "env@example.org",
        "AWESOME_LINT_ARXIV_SPACING": "0.5",
    }
    args = argparse.Namespace(no_cache=True, allow_private_hosts=True)
    s = settings_from({"mailto": "table@example.org", "timeout": 9}, args, env)
    assert (s.arxiv_api, s.crossref_api) == (env["AWESOME_LINT_ARXIV_API"], "http://127.0.0.1:9")
    assert s.mailto == "table@example.org" and s.timeout == 9 and s.arxiv_spacing == 0.5
    assert s.no_cache and s.allow_private_hosts
    plain = settings_from({}, argparse.Namespace(), {})
    assert plain == PaperSettings()  # arXiv's own terms by default, nothing opened


def test_a_spacing_that_is_no_number_names_the_variable():
    with pytest.raises(PaperSettingsError, match="AWESOME_LINT_ARXIV_SPACING='soon' is not"):
        PaperSettings.from_env({"AWESOME_LINT_ARXIV_SPACING": "soon"})


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"batch_size": 101}, "batch size must be 1 to 100, not 101"),
        ({"batch_size": 0}, "batch size must be 1 to 100, not 0"),
        ({"crossref_spacing": -1}, "request spacing must be 0 or more"),
    ],
)
def test_settings_no_service_would_accept_are_refused(values, message):
    with pytest.raises(PaperSettingsError, match=message):
        PaperSettings(**values)


def test_the_command_line_reports_a_bad_papers_table_as_one_line(tmp_path):
    (tmp_path / ".awesome-lint.toml").write_text('[papers]\nmax-retries = "many"\n')
    (tmp_path / "README.md").write_text("# List\n\n- [A](https://example.org) - A thing.\n")
    proc = run_cli(str(tmp_path / "README.md"), cwd=tmp_path)
    assert proc.returncode == 2
    assert proc.stderr.strip().endswith("[papers] max-retries must be an integer")
    assert len(proc.stderr.strip().splitlines()) == 1 and "Traceback" not in proc.stderr
