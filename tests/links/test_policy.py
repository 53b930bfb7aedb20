"""URL policy: what is fetched, in what form, and the bad-URL zoo (no network at all)."""

from __future__ import annotations

import dataclasses
import random

import pytest
from hypothesis import given  # noqa: E402
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from awesome_lint.links.checker import LinkChecker
from awesome_lint.links.policy import Target, encode_host, prepare
from awesome_lint.links.result import LinkResult, Outcome, Redirect
from awesome_lint.links.settings import LinkSettings, SettingsError, parse_accept

S = LinkSettings()


@pytest.mark.parametrize(
    "url,request_url",
    [
        ("https://arxiv.org/abs/2303.00915", "https://arxiv.org/abs/2303.00915"),
        ("HTTPS://ArXiv.ORG/abs/1#section", "https://arxiv.org/abs/1"),
        ("  https://example.org  ", "https://example.org/"),
        ("https://example.org:443/x", "https://example.org/x"),
        ("http://example.org:8080/x?q=a b", "http://example.org:8080/x?q=a%20b"),
        ("https://example.org/a paper.pdf", "https://example.org/a%20paper.pdf"),
        ("https://münchen.de/straße", "https://xn--mnchen-3ya.de/stra%C3%9Fe"),
        ("https://例え.テスト/", "https://xn--r8jz45g.xn--zckzah/"),
        ("https://[2606:4700::1111]:8443/", "https://[2606:4700::1111]:8443/"),
        ("https://user:pw@example.org/", "https://user:pw@example.org/"),
        ("https://example.org/x%20y", "https://example.org/x%20y"),
    ],
)
def test_normalised_request_url(url, request_url):
    target = prepare(url, S)
    assert isinstance(target, Target), target
    assert target.url == request_url


@pytest.mark.parametrize(
    "url,outcome,words",
    [
        ("javascript:alert(1)", Outcome.SKIPPED, "javascript: URL is not a web page"),
        ("JavaScript:void(0)", Outcome.SKIPPED, "javascript: URL is not a web page"),
        ("data:text/html,<h1>hi</h1>", Outcome.SKIPPED, "data: URL is not a web page"),
        ("ftp://ftp.example.org/pub/file.tar.gz", Outcome.SKIPPED, "ftp: URLs are not checked"),
        ("mailto:someone@example.org", Outcome.SKIPPED, "mailto: address"),
        ("#section", Outcome.SKIPPED, "in-page anchor"),
        ("README_zh.md#intro", Outcome.SKIPPED, "relative link"),
        ("//cdn.example.org/x.js", Outcome.SKIPPED, "protocol-relative"),
        ("https://example.org:99999/", Outcome.INVALID, "malformed URL: Port out of range"),
        ("https://example.org:0/", Outcome.INVALID, "port 0"),
        ("https://example.org:http/", Outcome.INVALID, "malformed URL"),
        ("https://exa mple.org/", Outcome.INVALID, "host contains a space"),
        ("https:///path-only", Outcome.INVALID, "URL has no host"),
        ("http://[not-ipv6]/", Outcome.INVALID, "malformed URL"),
        ("http://[::1/", Outcome.INVALID, "malformed URL"),
        ("https://exa_mple..org/", Outcome.INVALID, "not a valid host name"),
        ("https://-bad-.org/", Outcome.INVALID, "not a valid host name"),
        ("https://" + "a" * 64 + ".org/", Outcome.INVALID, "not a valid host name"),
        ("https://xn--zz.org/", Outcome.INVALID, "not a valid"),
        ("https://☃\u200b.org/", Outcome.INVALID, "not a valid international domain name"),
        ("https://exa\tmple.org/", Outcome.INVALID, "control characters"),
        ("", Outcome.INVALID, "empty URL"),
        ("http://10.0.0.1/", Outcome.REFUSED_PRIVATE, "private address 10.0.0.1"),
    ],
)
def test_bad_url_zoo_gets_a_clear_result(url, outcome, words):
    result = prepare(url, S)
    assert isinstance(result, LinkResult), result
    assert result.outcome is outcome
    assert words in result.error
    assert result.url == url


def test_bad_url_zoo_through_the_checker_never_crashes(net):
    urls = [
        "javascript:alert(1)",
        "data:,x",
        "ftp://x.org/",
        "https://x.org:70000/",
        "https://exa mple.org/",
        "https://no.such.name.invalid/",
        "http://[::1/",
        "https://☃\u200b.org/",
        "mailto:a@b.c",
        "#top",
        "http://10.0.0.1/",
    ]
    results = LinkChecker(LinkSettings(max_retries=0), rng=random.Random(0)).check(urls)
    assert set(results) == set(urls)
    assert all(r.error for r in results.values())
    assert net.connects == [] and net.lookups == []


def test_include_and_exclude_follow_lychee():
    ex = LinkSettings(exclude=(r"twitter\.com", r"^https://example\.org/private"))
    assert prepare("https://twitter.com/someone", ex).outcome is Outcome.SKIPPED
    assert isinstance(prepare("https://example.org/public", ex), Target)
    both = LinkSettings(exclude=(r"example\.org",), include=(r"example\.org/keep",))
    assert isinstance(prepare("https://example.org/keep/this", both), Target)
    assert prepare("https://example.org/drop", both).outcome is Outcome.SKIPPED
    only = LinkSettings(include=(r"arxiv\.org",))
    assert isinstance(prepare("https://arxiv.org/abs/1", only), Target)
    assert prepare("https://github.com/a/b", only).outcome is Outcome.SKIPPED


def test_bad_regex_is_a_settings_error():
    with pytest.raises(SettingsError, match=r"--exclude '\(' is not a valid regular expression"):
        LinkSettings(exclude=("(",))


@pytest.mark.parametrize(
    "spec,codes",
    [
        ("200..=204, 429", {200, 201, 202, 203, 204, 429}),
        ("200..204", {200, 201, 202, 203}),
        ("403", {403}),
        ([200, 999], {200, 999}),
    ],
)
def test_parse_accept(spec, codes):
    assert parse_accept(spec) == frozenset(codes)


@pytest.mark.parametrize("spec", ["abc", "200..100", "99", "1000", "200-299"])
def test_parse_accept_rejects(spec):
    with pytest.raises(SettingsError):
        parse_accept(spec)


@pytest.mark.parametrize(
    "bad",
    [dict(timeout=0), dict(max_retries=-1), dict(host_concurrency=0), dict(max_concurrency=0)],
)
def test_settings_validate(bad):
    with pytest.raises(SettingsError):
        LinkSettings(**bad)


def test_encode_host():
    assert encode_host("Example.ORG") == "example.org"
    assert encode_host("bücher.de") == "xn--bcher-kva.de"
    with pytest.raises(ValueError):
        encode_host("a..b")


def test_result_json_round_trip():
    r = LinkResult(
        url="https://a.org/x",
        outcome=Outcome.REDIRECTED,
        status=200,
        final_url="https://b.org/y",
        redirects=(
            Redirect("https://a.org/x", 301, "https://b.org/x"),
            Redirect("https://b.org/x", 302, "https://b.org/y"),
        ),
        error=None,
        elapsed=0.25,
        archived=True,
    )
    assert LinkResult.from_json(r.to_json(), from_cache=True) == dataclasses.replace(
        r, from_cache=True
    )
    assert r.permanent_target == "https://b.org/x"


_URLISH = st.one_of(
    st.text(max_size=80),
    st.builds(
        lambda s, h, p: f"{s}://{h}{p}",
        st.sampled_from(["http", "https", "HTTP", "ftp", "javascript"]),
        st.text(max_size=30),
        st.text(max_size=30),
    ),
)


@hsettings(max_examples=300, deadline=None)
@given(_URLISH)
def test_prepare_never_raises(url):
    result = prepare(url, S)
    if isinstance(result, LinkResult):
        assert result.url == url and result.error
    else:
        assert result.url.startswith(("http://", "https://")) and " " not in result.url
