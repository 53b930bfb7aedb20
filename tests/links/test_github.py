"""The archived-repository check, through PyGithub, against the fake GitHub API on 127.0.0.1."""

from __future__ import annotations

import pytest

from awesome_lint.github.archived import check_archived
from awesome_lint.links import LinkSettings, Outcome, SettingsError, check_links
from awesome_lint.links.archived import repo_of, web_hosts
from tests.github_api_server import FakeGitHub

from .conftest import reply

GH = web_hosts("https://github.com")


@pytest.fixture
def api():
    fake = FakeGitHub().start()
    fake.add_repo("alive/repo")
    fake.add_repo("old/repo", archived=True)
    fake.add_token("ghs_secret", "bot")
    yield fake
    fake.stop()


@pytest.mark.parametrize(
    "url,repo",
    [
        ("https://github.com/owner/name", "owner/name"),
        ("https://github.com/owner/name.git", "owner/name"),
        ("https://www.github.com/Owner/Name/tree/main/src", "Owner/Name"),
        ("http://github.com/o/n#readme", "o/n"),
        ("https://github.com/owner", None),
        ("https://github.com/topics/medical-imaging", None),
        ("https://github.com/sponsors/someone", None),
        ("https://gist.github.com/owner/abc", None),
        ("https://gitlab.com/owner/name", None),
        ("mailto:owner@github.com", None),
    ],
)
def test_repo_of(url, repo):
    assert repo_of(url, GH) == repo


def test_archived_and_live_repositories(api):
    report = check_archived(["alive/repo", "old/repo", "Old/Repo", "gone/repo"], api_url=api.url)
    assert report.archived == {"alive/repo": False, "old/repo": True}
    assert report.asked == 3  # each repository once, whatever its case
    assert report.notices == ()


def test_token_goes_only_to_the_api_host(api, server):
    url = server.route("/page", reply(200))
    env = {
        "GITHUB_API_URL": api.url,
        "GITHUB_TOKEN": "ghs_secret",
        "GITHUB_SERVER_URL": server.url(""),
    }
    # A "repository" link on the local web host: the API is asked about it with the token,
    # the page itself is checked without it.
    server.route("/alive/repo", reply(200))
    report = check_links(
        [server.url("/alive/repo"), url],
        LinkSettings(allow_private_hosts=True, no_cache=True),
        env=env,
        archived=check_archived,
    )
    assert report.results[server.url("/alive/repo")].archived is False
    assert all(c.headers.get("authorization") == "token ghs_secret" for c in api.calls())
    assert all("authorization" not in s.headers for s in server.app.seen)


def test_anonymous_rate_limit_is_respected_and_reported(api):
    api.rate_remaining[None] = 1
    report = check_archived(["alive/repo", "old/repo"], api_url=api.url)
    assert len(report.archived) == 1
    assert len(api.calls(path="^/repos/")) == 1
    (notice,) = report.notices
    assert "budget spent: 1 of 2 repositories not checked" in notice
    assert "set GITHUB_TOKEN" in notice


def test_archived_check_spends_only_its_share_of_the_remaining_budget(api):
    """Issue 12, case 9: with 50 requests left and the default 20% share, 10 repositories are
    asked about and the other 30 are reported as not checked; 40 requests stay for commenting."""
    api.rate_remaining["ghs_secret"] = 50
    for i in range(40):
        api.add_repo(f"lab/tool-{i:02d}")
    report = check_archived(
        [f"lab/tool-{i:02d}" for i in range(40)],
        api_url=api.url,
        token="ghs_secret",
        share=LinkSettings().github_api_share,
    )
    assert api.calls()[0].path == "/rate_limit"
    assert sorted(c.path for c in api.calls()[1:]) == [
        f"/repos/lab/tool-{i:02d}" for i in range(10)
    ]
    assert len(report.archived) == 10 and api.rate_remaining["ghs_secret"] == 40
    (notice,) = report.notices
    assert notice == (
        "GitHub API budget spent: 30 of 40 repositories not checked for archiving; 50 requests "
        "were left (authenticated), 10 of them (20%) for this check"
    )


@pytest.mark.parametrize("share", [-0.1, 1.5])
def test_api_share_outside_0_to_1_is_refused(share):
    with pytest.raises(SettingsError, match="github-api-share must be between 0 and 1"):
        LinkSettings(github_api_share=share)


def test_rate_limit_hit_midway_is_reported(api):
    api.rate_remaining["ghs_secret"] = 5000
    api.fail(
        "GET",
        r"/repos/",
        403,
        times=5,
        headers={"X-RateLimit-Remaining": "0", "X-RateLimit-Reset": "4102444800"},
        message="API rate limit exceeded",
    )
    report = check_archived(["alive/repo"], api_url=api.url, token="ghs_secret")
    assert report.archived == {}
    assert any("rate limit hit" in n for n in report.notices)


def test_token_is_withheld_from_a_plain_http_api_elsewhere():
    # Nothing listens there: the point is that the token is refused before any request.
    report = check_archived(
        ["a/b"], api_url="http://api.example.invalid", token="ghs_secret", timeout=1
    )
    assert report.notices[0].startswith(
        "GITHUB_TOKEN not sent to http://api.example.invalid: it is not an https URL"
    )
    assert report.archived == {} and report.asked == 0


def test_unreachable_api_is_a_notice_not_a_crash():
    report = check_archived(["a/b"], api_url="http://127.0.0.1:9", timeout=1)
    assert report.archived == {}
    assert "unreachable" in report.notices[0]


def test_archived_answers_are_cached(api, server, tmp_path):
    server.route("/old/repo", reply(200))
    env = {"GITHUB_API_URL": api.url, "GITHUB_SERVER_URL": server.url("")}
    settings = LinkSettings(allow_private_hosts=True, cache_path=str(tmp_path))
    first = check_links([server.url("/old/repo")], settings, env=env, archived=check_archived)
    assert first.results[server.url("/old/repo")].archived is True
    before = len(api.calls(path="/repos/old/repo"))
    second = check_links([server.url("/old/repo")], settings, env=env, archived=check_archived)
    assert second.results[server.url("/old/repo")].archived is True
    assert second.results[server.url("/old/repo")].outcome is Outcome.OK
    assert len(api.calls(path="/repos/old/repo")) == before


def test_without_pygithub_the_check_is_a_notice(monkeypatch):
    import builtins

    real_import = builtins.__import__

    def no_github(name, *args, **kwargs):
        if name == "github":
            raise ImportError("No module named 'github'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_github)
    report = check_archived(["a/b"], api_url="http://127.0.0.1:9")
    assert report.archived == {} and "install PyGithub" in report.notices[0]


def test_malformed_api_url_is_a_notice():
    report = check_archived(["a/b"], api_url="ftp://127.0.0.1:9")
    assert report.archived == {} and report.asked == 0
    assert report.notices == (
        "GitHub API URL 'ftp://127.0.0.1:9' is not an http(s) URL; archived repositories not checked",
    )


def test_check_links_passes_the_configured_share_to_the_archived_check(api, server):
    """The action's github-api-share input (a LinkSettings value) is what check_links spends."""
    server.route("/alive/repo", reply(200))
    server.route("/old/repo", reply(200))
    api.rate_remaining["ghs_secret"] = 2
    env = {
        "GITHUB_API_URL": api.url,
        "GITHUB_TOKEN": "ghs_secret",
        "GITHUB_SERVER_URL": server.url(""),
    }
    report = check_links(
        [server.url("/alive/repo"), server.url("/old/repo")],
        LinkSettings(allow_private_hosts=True, no_cache=True, github_api_share=0.5),
        env=env,
        archived=check_archived,
    )
    assert len(api.calls(path="^/repos/")) == 1
    assert any("1 of 2 repositories not checked" in n for n in report.notices)
