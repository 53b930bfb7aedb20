"""Colour in the text report: on a terminal only, off with NO_COLOR, forced with FORCE_COLOR."""

from __future__ import annotations

import io
import os
import pty
import re
import shutil
import subprocess

import pytest

from awesome_lint.diagnostics import Severity, Violation
from awesome_lint.model import Span
from awesome_lint.report import ansi, text
from tests.cli_runner import FIXTURES, command, run
from tests.conftest import assert_no_traffic, fenced_env


class Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    "stream,env,expected",
    [
        (Tty(), {}, True),
        (io.StringIO(), {}, False),
        (Tty(), {"NO_COLOR": "1"}, False),
        (Tty(), {"NO_COLOR": ""}, True),  # no-color.org: only a non-empty value counts
        (io.StringIO(), {"FORCE_COLOR": "1"}, True),
        (Tty(), {"NO_COLOR": "1", "FORCE_COLOR": "1"}, False),
        (Tty(), {"TERM": "dumb"}, False),
    ],
)
def test_enabled(stream, env, expected):
    assert ansi.enabled(stream, env) is expected


def test_colour_changes_nothing_but_the_escapes():
    v = Violation(
        "AL207", "wrong-ordinal", '"23th" should be "23rd"', Span(7, 2, 7, 6), Severity.ERROR
    )
    w = Violation(
        "AL001", "trailing-whitespace", "trailing whitespace", Span(8, 1, 8, 3), Severity.WARNING
    )
    for violation in (v, w):
        coloured = text.format_violation("README.md", violation, ansi.paint)
        assert "\x1b[" in coloured
        assert _strip(coloured) == text.format_violation("README.md", violation)


def test_message_text_cannot_inject_escapes():
    v = Violation("AL001", "x", "quoted \x1b[2J text", Span(1, 1, 1, 2), Severity.ERROR)
    assert "\x1b" not in text.format_violation("README.md", v)


def _strip(s: str) -> str:
    return re.sub(r"\x1b\[[0-9;]*m", "", s)


def test_piped_output_has_no_colour_and_forced_output_has(tmp_path):
    shutil.copyfile(FIXTURES / "dm_list.md", tmp_path / "README.md")
    plain = run("README.md", cwd=tmp_path).stdout
    assert b"\x1b[" not in plain
    forced = run("README.md", cwd=tmp_path, env={"FORCE_COLOR": "1"}).stdout
    assert b"\x1b[31" in forced or b"\x1b[1;31" in forced
    assert _strip(forced.decode()) == plain.decode()
    assert (
        b"\x1b["
        not in run("README.md", cwd=tmp_path, env={"FORCE_COLOR": "1", "NO_COLOR": "1"}).stdout
    )


def test_a_real_terminal_gets_colour(tmp_path):
    shutil.copyfile(FIXTURES / "dm_list.md", tmp_path / "README.md")
    leader, follower = pty.openpty()
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    env["TERM"] = "xterm"
    proc = subprocess.run(
        [command(), "README.md"],
        cwd=tmp_path,
        stdout=follower,
        stderr=subprocess.DEVNULL,
        env=fenced_env(env, tmp_path / "netlog"),
        timeout=60,
    )
    os.close(follower)
    out = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    os.close(leader)
    assert_no_traffic(tmp_path / "netlog")
    assert proc.returncode == 1
    assert b"\x1b[1;31mAL207" in out
