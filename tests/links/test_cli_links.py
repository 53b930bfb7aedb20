"""End to end: the installed ``awesome-lint --check-links`` against a server on 127.0.0.1."""

from __future__ import annotations

import json
import os
import pty
import select
import subprocess

import pytest

from tests.conftest import assert_no_traffic, awesome_lint_command, fenced_env, run_cli
from tests.github_api_server import FakeGitHub

from .conftest import by_method, redirect, reply, sequence

LIST = """\
# Awesome Loopback Papers [![Awesome]({badge})]({home})

## Contents

- [Papers](#papers)

## Papers

**A Paper That Exists**<br>
*A. Author, B. Author*<br>
[12th Sep., 2023] [arXiv, 2023]<br>
[[Paper]({ok})] [[GitHub]({gone})]<br>

**A Paper That Moved**<br>
*C. Author*<br>
[2nd Aug., 2023] [arXiv, 2023]<br>
[[Paper]({moved})] [[GitHub]({busy})]<br>

**The Same Paper Again**<br>
*D. Author*<br>
[14th Jul., 2023] [arXiv, 2023]<br>
[[Paper]({ok})] [[Project]({nohead})]<br>

See the [figure]({figure}) and the [notes](#notes-on-datasets), or [write](mailto:maintainers@example).
"""


@pytest.fixture
def listed(server, tmp_path):
    urls = {
        "badge": server.route("/badge.svg", reply(200, b"<svg/>")),
        "home": server.route("/", reply(200)),
        "ok": server.route("/paper", reply(200)),
        "gone": server.route("/repo-deleted", reply(404)),
        "moved": server.route("/old-home", redirect(301, "/new-home")),
        "busy": server.route(
            "/busy", sequence(reply(429, headers={"Retry-After": "1"}), reply(200))
        ),
        "nohead": server.route("/nohead", by_method(reply(405), reply(200))),
        "figure": server.route("/figure.png", reply(200)),
    }
    server.route("/new-home", reply(200))
    path = tmp_path / "README.md"
    path.write_text(LIST.format(**urls), encoding="utf-8")
    return path


def env(tmp_path, **more):
    return {"AWESOME_LINT_CACHE_DIR": str(tmp_path / "cache"), "GITHUB_TOKEN": "", **more}


def diagnostics(proc) -> list[tuple[int, str, str]]:
    data = json.loads(proc.stdout)
    return [(d["line"], d["code"], d["message"]) for f in data["files"] for d in f["diagnostics"]]


@pytest.mark.own_process
def test_check_links_end_to_end(listed, server, tmp_path):
    proc = run_cli(
        "--check-links",
        "--allow-private-hosts",
        "--isolated",
        "--format",
        "json",
        "--max-retries",
        "2",
        str(listed),
        env=env(tmp_path),
    )
    assert proc.returncode == 1, proc.stderr
    found = diagnostics(proc)
    codes = sorted((line, code) for line, code, _ in found if code >= "AL306")
    assert codes == [(12, "AL306"), (17, "AL308"), (24, "AL310"), (24, "AL311")]
    message = {code: msg for _, code, msg in found}
    assert message["AL306"].endswith("is dead: HTTP 404")
    assert server.url("/new-home") in message["AL308"]
    assert "#notes-on-datasets" in message["AL310"]
    # Every unique URL once (the repeated paper link too); images and badges included.
    assert server.app.count("/paper") == 1
    assert server.app.count("/badge.svg") == 1 and server.app.count("/figure.png") == 1
    assert server.app.count("/busy") == 2  # 429, waited, then 200
    assert (
        "links: 11 unique URLs: 6 ok, 1 redirected, 1 dead; skipped: 2 in-page anchor, 1 mailto: address (8 checked"
        in proc.stderr
    )
    assert "\r" not in proc.stderr  # no progress bar when stderr is not a terminal


@pytest.mark.own_process
def test_loopback_is_refused_unless_allowed(listed, server, tmp_path):
    proc = run_cli(
        "--check-links",
        "--isolated",
        "--format",
        "json",
        "--select",
        "AL306,AL307",
        str(listed),
        env=env(tmp_path),
    )
    assert proc.returncode == 0, proc.stderr  # refusals are warnings
    found = diagnostics(proc)
    assert found and all(
        code == "AL307" and "loopback address 127.0.0.1" in msg for _, code, msg in found
    )
    assert server.app.connections == 0


def test_second_run_comes_from_the_cache(listed, server, tmp_path):
    args = ("--check-links", "--allow-private-hosts", "--isolated", "--format", "json", str(listed))
    first = run_cli(*args, env=env(tmp_path))
    seen = len(server.app.seen)
    second = run_cli(*args, env=env(tmp_path))
    assert diagnostics(second) == diagnostics(first)
    # Every answer of the first run was a lasting one (the 429 turned into a 200): nothing is asked again.
    assert len(server.app.seen) == seen
    assert "from cache" in second.stderr
    third = run_cli(*args, "--no-cache", env=env(tmp_path))
    assert len(server.app.seen) > seen and diagnostics(third) == diagnostics(first)


def test_links_config_table(listed, server, tmp_path):
    (tmp_path / ".awesome-lint.toml").write_text(
        '[links]\naccept = "200..=299, 404"\nexclude = ["/busy"]\ntimeout = 5\ncache-max-age = "1h"\n'
    )
    proc = run_cli(
        "--check-links", "--allow-private-hosts", "--format", "json", str(listed), env=env(tmp_path)
    )
    found = diagnostics(proc)
    assert not [f for f in found if f[1] == "AL306"]  # 404 accepted by the config
    assert server.app.count("/busy") == 0  # excluded by the config
    # The command line wins over the config.
    proc = run_cli(
        "--check-links",
        "--allow-private-hosts",
        "--accept",
        "200..=299",
        "--no-cache",
        "--format",
        "json",
        str(listed),
        env=env(tmp_path),
    )
    assert [f for f in diagnostics(proc) if f[1] == "AL306"]


@pytest.mark.parametrize(
    "table,words",
    [
        ("allow-private-hosts = true", "allow-private-hosts can only be given on the command line"),
        ('accept = "two hundred"', "[links] accept: 'two hundred' is not a status code"),
        ("timeout = -1", "[links] timeout must be positive"),
        ("max-retries = 1.5", "[links] max-retries has the wrong type (float)"),
        ('exclude = ["("]', "is not a valid regular expression"),
        ("retries = 3", "[links] unknown key 'retries'"),
    ],
)
def test_bad_links_config_is_one_line_and_exit_2(listed, tmp_path, table, words):
    (tmp_path / ".awesome-lint.toml").write_text(f"[links]\n{table}\n")
    proc = run_cli("--check-links", str(listed), env=env(tmp_path))
    assert proc.returncode == 2
    assert words in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1 and "Traceback" not in proc.stderr


@pytest.mark.parametrize(
    "flags,words",
    [
        (["--accept", "abc"], "accept: 'abc' is not a status code"),
        (["--timeout", "0"], "timeout must be positive"),
        (["--cache-max-age", "soon"], "'soon' is not a duration"),
        (["--exclude", "["], "is not a valid regular expression"),
    ],
)
def test_bad_link_flags_are_usage_errors(listed, tmp_path, flags, words):
    proc = run_cli("--check-links", "--isolated", *flags, str(listed), env=env(tmp_path))
    assert proc.returncode == 2
    assert words in proc.stderr and "Traceback" not in proc.stderr


def test_archived_repository_end_to_end(server, tmp_path):
    api = FakeGitHub().start()
    try:
        api.add_repo("lab/old-tool", archived=True)
        api.add_repo("lab/new-tool")
        server.route("/lab/old-tool", reply(200))
        server.route("/lab/new-tool", reply(200))
        path = tmp_path / "README.md"
        path.write_text(
            f"# List\n\n- [Old]({server.url('/lab/old-tool')}) - Old.\n- [New]({server.url('/lab/new-tool')}) - New.\n"
        )
        proc = run_cli(
            "--check-links",
            "--allow-private-hosts",
            "--isolated",
            "--format",
            "json",
            str(path),
            env=env(tmp_path, GITHUB_API_URL=api.url, GITHUB_SERVER_URL=server.url("")),
        )
        found = [f for f in diagnostics(proc) if f[1] == "AL309"]
        assert [line for line, _, _ in found] == [3]
        assert all("authorization" not in s.headers for s in server.app.seen)
    finally:
        api.stop()


def test_progress_bar_only_on_a_terminal(listed, tmp_path):
    main, sub = pty.openpty()
    try:
        proc = subprocess.Popen(
            awesome_lint_command()
            + ["--check-links", "--allow-private-hosts", "--isolated", str(listed)],
            stdout=subprocess.DEVNULL,
            stderr=sub,
            env=fenced_env({**os.environ, **env(tmp_path)}, tmp_path / "netlog"),
        )
        os.close(sub)
        sub = -1
        out = b""
        while True:
            ready, _, _ = select.select([main], [], [], 60)
            if not ready:
                break
            try:
                chunk = os.read(main, 4096)
            except OSError:
                break
            if not chunk:
                break
            out += chunk
        proc.wait(timeout=60)
    finally:
        os.close(main)
        if sub != -1:
            os.close(sub)
    assert_no_traffic(tmp_path / "netlog")
    assert b"\rchecking links [" in out
    assert b"8/8" in out


def test_fix_writes_where_permanent_redirects_lead(listed, server, tmp_path):
    before = listed.read_text(encoding="utf-8")
    args = ("--check-links", "--allow-private-hosts", "--isolated", "--select", "redirected-link")
    # A URL taken from a redirect is an unsafe fix: plain --fix leaves it.
    safe = run_cli(*args, "--diff", str(listed), env=env(tmp_path))
    assert safe.stdout == "" and safe.returncode == 0
    args = (*args, "--unsafe-fixes")
    diff = run_cli(*args, "--diff", str(listed), env=env(tmp_path))
    assert f"+[[Paper]({server.url('/new-home')})]" in diff.stdout
    assert listed.read_text(encoding="utf-8") == before  # --diff writes nothing
    proc = run_cli(*args, "--fix", str(listed), env=env(tmp_path))
    assert proc.returncode == 0, proc.stderr
    after = listed.read_text(encoding="utf-8")
    assert after == before.replace(server.url("/old-home"), server.url("/new-home"))
