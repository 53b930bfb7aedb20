"""The SSRF guard: private, loopback and link-local targets are refused before any connection.

Tests cannot reach a public address, so where a test needs a 'public' server it uses
``treat_as_public("127.0.0.1")``: the guard then counts that one loopback address as public
and everything else (127.0.0.2, 10.x, ...) as what it is.
"""

from __future__ import annotations

import random
import socket

import pytest

from awesome_lint.links.checker import LinkChecker
from awesome_lint.links.result import Outcome
from awesome_lint.links.settings import LinkSettings

from .conftest import redirect, reply, treat_as_public


def run(urls, resolver=None, address_filter=None, **kw):
    kw.setdefault("timeout", 2.0)
    kw.setdefault("retry_wait", 0.01)
    options = {"rng": random.Random(1)}
    if resolver is not None:
        options["resolver"] = resolver
    if address_filter is not None:
        options["address_filter"] = address_filter
    return LinkChecker(LinkSettings(**kw), **options).check(list(urls))


def fixed_resolver(table):
    calls = []

    def resolve(host, port):
        calls.append(host)
        answer = table[host]
        if callable(answer):
            answer = answer(len([c for c in calls if c == host]))
        return [(socket.AF_INET, a) for a in answer]

    resolve.calls = calls
    return resolve


def test_loopback_url_is_refused_without_a_connection(server, net):
    url = server.route("/ok", reply(200))
    r = run([url])[url]
    assert r.outcome is Outcome.REFUSED_PRIVATE
    assert "loopback address 127.0.0.1" in r.error and "--allow-private-hosts" in r.error
    assert server.app.connections == 0 and server.app.seen == []
    assert net.connects == []


def test_same_url_is_fetched_when_private_hosts_are_allowed(server):
    url = server.route("/ok", reply(200))
    assert run([url], allow_private_hosts=True)[url].outcome is Outcome.OK
    assert server.app.connections == 1


@pytest.mark.parametrize(
    "url,reason",
    [
        ("http://10.1.2.3/admin", "private"),
        ("http://192.168.0.1/", "private"),
        ("http://172.16.5.4:8080/", "private"),
        ("http://169.254.169.254/latest/meta-data/", "link-local"),
        ("http://[::1]/", "loopback"),
        ("http://[fe80::1]/", "link-local"),
        ("http://[::ffff:10.0.0.1]/", "private"),
        ("http://0.0.0.0/", "unspecified"),
        ("http://224.0.0.1/", "multicast"),
        ("http://240.0.0.1/", "reserved"),
        ("http://100.64.0.1/", "non-public"),
        ("http://[fd00::1]/", "private"),
    ],
)
def test_private_address_literals_are_refused_without_a_socket_connect(url, reason, net):
    r = run([url])[url]
    assert r.outcome is Outcome.REFUSED_PRIVATE
    assert r.error.startswith(reason + " address")
    assert net.connects == [] and net.lookups == []


def test_name_resolving_to_a_private_address_is_refused_without_a_connect(net):
    resolver = fixed_resolver({"intranet.example": ["10.0.0.7"]})
    url = "http://intranet.example/secrets"
    r = run([url], resolver=resolver)[url]
    assert r.outcome is Outcome.REFUSED_PRIVATE
    assert "intranet.example resolves to private address 10.0.0.7" in r.error
    assert net.connects == []
    assert resolver.calls == ["intranet.example"]


def test_localhost_name_is_refused_without_a_connection(server, net):
    server.route("/ok", reply(200))
    url = f"http://localhost:{server.port}/ok"
    assert run([url])[url].outcome is Outcome.REFUSED_PRIVATE
    assert server.app.connections == 0 and net.connects == []


def test_decimal_and_hex_ip_forms_are_judged_by_the_address_they_reach(server, net):
    # 2130706433 is 127.0.0.1 written as one number; the guard sees what it resolves to.
    server.route("/ok", reply(200))
    url = f"http://2130706433:{server.port}/ok"
    assert (
        run([url], resolver=lambda h, p: [(socket.AF_INET, "127.0.0.1")])[url].outcome
        is Outcome.REFUSED_PRIVATE
    )
    assert server.app.connections == 0


def test_redirect_to_a_private_address_is_refused_on_that_hop(server, other_server, net):
    other_server.route("/internal", reply(200))
    url = server.route("/jump", redirect(302, other_server.url("/internal")))
    r = run([url], address_filter=treat_as_public("127.0.0.1"))[url]
    assert r.outcome is Outcome.REFUSED_PRIVATE
    assert [h.location for h in r.redirects] == [other_server.url("/internal")]
    assert server.app.count("/jump") == 1
    assert other_server.app.connections == 0


def test_redirect_to_a_name_resolving_privately_is_refused_at_connect(server, other_server, net):
    other_server.route("/internal", reply(200))
    resolver = fixed_resolver({"sneaky.example": ["127.0.0.2"]})
    url = server.route(
        "/jump", redirect(301, f"http://sneaky.example:{other_server.port}/internal")
    )
    r = run([url], resolver=resolver, address_filter=treat_as_public("127.0.0.1"))[url]
    assert r.outcome is Outcome.REFUSED_PRIVATE
    assert "sneaky.example resolves to loopback address 127.0.0.2" in r.error
    assert other_server.app.connections == 0
    assert all(addr[0] == "127.0.0.1" for addr in net.connects)


def test_dns_rebinding_cannot_slip_in_between_check_and_connect(server, other_server, net):
    """The name answers a public address once, then a private one: only the first is used."""
    server.route("/a", reply(200))
    server.route("/b", reply(200))
    other_server.route("/a", reply(200))
    other_server.route("/b", reply(200))
    resolver = fixed_resolver(
        {"rebind.example": lambda nth: ["127.0.0.1"] if nth == 1 else ["127.0.0.2"]}
    )
    urls = [f"http://rebind.example:{server.port}/a", f"http://rebind.example:{server.port}/b"]
    results = run(
        urls, resolver=resolver, address_filter=treat_as_public("127.0.0.1"), host_concurrency=1
    )
    assert [results[u].outcome for u in urls] == [Outcome.OK, Outcome.OK]
    # One resolution for the one connection, made to the address that was vetted; the
    # keep-alive connection is reused rather than resolved again.
    assert resolver.calls == ["rebind.example"]
    assert [a[0] for a in net.connects] == ["127.0.0.1"]
    assert other_server.app.connections == 0
    # The request still named the host it was for.
    assert server.app.seen[0].headers["host"] == f"rebind.example:{server.port}"


def test_rebound_name_is_refused_when_the_answer_turns_private(other_server, net):
    resolver = fixed_resolver({"rebind.example": ["127.0.0.2"]})
    url = f"http://rebind.example:{other_server.port}/a"
    r = run([url], resolver=resolver, address_filter=treat_as_public("127.0.0.1"))[url]
    assert r.outcome is Outcome.REFUSED_PRIVATE
    assert other_server.app.connections == 0 and net.connects == []


def test_mixed_answers_connect_only_to_the_public_address(server, net):
    server.route("/ok", reply(200))
    resolver = fixed_resolver({"mixed.example": ["127.0.0.2", "127.0.0.1"]})
    url = f"http://mixed.example:{server.port}/ok"
    r = run([url], resolver=resolver, address_filter=treat_as_public("127.0.0.1"))[url]
    assert r.outcome is Outcome.OK
    assert [a[0] for a in net.connects] == ["127.0.0.1"]


def test_idn_host_is_sent_in_its_ascii_form(server):
    server.route("/buch", reply(200))
    resolver = fixed_resolver({"xn--bcher-kva.example": ["127.0.0.1"]})
    url = f"http://bücher.example:{server.port}/buch"
    r = run([url], resolver=resolver, allow_private_hosts=True)[url]
    assert r.outcome is Outcome.OK
    assert server.app.seen[0].headers["host"] == f"xn--bcher-kva.example:{server.port}"


def test_no_credentials_or_proxies_from_the_environment(server, monkeypatch, tmp_path):
    server.route("/ok", reply(200))
    (tmp_path / ".netrc").write_text("machine 127.0.0.1 login me password secret\n")
    monkeypatch.setenv("NETRC", str(tmp_path / ".netrc"))
    monkeypatch.setenv("HTTP_PROXY", "http://10.9.9.9:3128")
    monkeypatch.setenv("http_proxy", "http://10.9.9.9:3128")
    url = server.url("/ok")
    assert run([url], allow_private_hosts=True)[url].outcome is Outcome.OK
    assert "authorization" not in server.app.seen[0].headers
