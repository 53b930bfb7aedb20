"""The checker against a real HTTP server on 127.0.0.1 (loopback allowed explicitly)."""

from __future__ import annotations

import random
import socket
import threading
import time

import pytest

from awesome_lint.links.checker import LinkChecker, retry_after_seconds
from awesome_lint.links.result import Outcome
from awesome_lint.links.settings import LinkSettings

from .conftest import by_method, hang, huge, raw, redirect, reply, sequence, slow


def check(urls, **kw):
    kw.setdefault("allow_private_hosts", True)
    kw.setdefault("timeout", 2.0)
    kw.setdefault("retry_wait", 0.01)
    kw.setdefault("check_archived", False)
    checker = LinkChecker(LinkSettings(**kw), rng=random.Random(1))
    return checker.check(list(urls))


def one(url, **kw):
    return check([url], **kw)[url]


def test_ok_is_checked_with_one_head(server):
    url = server.route("/ok", reply(200, b"hello"))
    r = one(url)
    assert (r.outcome, r.status, r.redirects, r.error) == (Outcome.OK, 200, (), None)
    assert [s.method for s in server.app.seen] == ["HEAD"]
    assert server.app.seen[0].headers["user-agent"].startswith("awesome-lint/")


@pytest.mark.parametrize("status", [404, 410])
def test_gone_pages_are_dead(server, status):
    url = server.route("/gone", reply(status))
    r = one(url)
    assert (r.outcome, r.status) == (Outcome.DEAD, status)
    assert r.error == f"HTTP {status}"


def test_redirect_chain_301_302_308_records_every_hop(server):
    server.route("/a", redirect(301, "/b"))
    server.route("/b", redirect(302, server.url("/c")))
    server.route("/c", redirect(308, "/final"))
    server.route("/final", reply(200))
    r = one(server.url("/a"))
    assert r.outcome is Outcome.REDIRECTED
    assert [(h.status, h.location) for h in r.redirects] == [
        (301, server.url("/b")),
        (302, server.url("/c")),
        (308, server.url("/final")),
    ]
    assert r.final_url == server.url("/final")
    # Only the leading permanent hop says where the link has moved for good.
    assert r.permanent_target == server.url("/b")


def test_temporary_redirect_alone_is_ok(server):
    server.route("/tmp", redirect(302, "/there"))
    server.route("/there", reply(200))
    r = one(server.url("/tmp"))
    assert r.outcome is Outcome.OK
    assert r.permanent_target is None and r.final_url == server.url("/there")


def test_redirect_to_a_dead_page_is_dead(server):
    server.route("/moved", redirect(301, "/nowhere"))
    r = one(server.url("/moved"))
    assert (r.outcome, r.status) == (Outcome.DEAD, 404)
    assert len(r.redirects) == 1


def test_redirect_loop_is_detected(server):
    server.route("/ping", redirect(302, "/pong"))
    server.route("/pong", redirect(302, "/ping"))
    r = one(server.url("/ping"))
    assert r.outcome is Outcome.DEAD
    assert r.error.startswith("redirect loop:")
    assert server.app.count("/ping") == 1 and server.app.count("/pong") == 1


def test_redirect_cap(server):
    for i in range(6):
        server.route(f"/hop{i}", redirect(301, f"/hop{i + 1}"))
    r = one(server.url("/hop0"), max_redirects=3)
    assert r.outcome is Outcome.DEAD and r.error == "more than 3 redirects"
    assert server.app.count("/hop4") == 0


def test_redirect_with_cookie_check_is_followed_with_the_cookie(server):
    def gate(h, n):
        if "seen=1" in h.headers.get("Cookie", ""):
            h.send_all(200)
        else:
            h.send_all(302, {"Location": "/gate", "Set-Cookie": "seen=1; Path=/"})

    url = server.route("/gate", gate)
    r = one(url)
    # Not a loop: the second visit carries the cookie, as a browser's would.
    assert r.outcome is Outcome.OK


def test_429_with_retry_after_is_waited_for_and_retried(server):
    times = []

    def busy(h, n):
        times.append(time.monotonic())
        (reply(429, headers={"Retry-After": "1"}) if n == 1 else reply(200))(h, n)

    url = server.route("/busy", busy)
    r = one(url)
    assert (r.outcome, r.status) == (Outcome.OK, 200)
    assert server.app.count("/busy") == 2
    # The checker waited as asked (a lower bound: load only makes the gap longer).
    assert times[1] - times[0] >= 0.9


def test_retry_after_longer_than_the_cap_gives_up_at_once(server):
    url = server.route("/later", reply(429, headers={"Retry-After": "3600"}))
    r = one(url, max_retry_after=5)
    assert r.outcome is Outcome.UNREACHABLE and "3600" in r.error
    assert server.app.count("/later") == 1


def test_429_that_outlasts_the_retries_is_unreachable(server):
    url = server.route("/always-busy", reply(429))
    r = one(url, max_retries=2)
    assert (r.outcome, r.status) == (Outcome.UNREACHABLE, 429)
    assert server.app.count("/always-busy") == 3


def test_503_then_200_is_ok(server):
    url = server.route("/flaky", sequence(reply(503), reply(200)))
    r = one(url)
    assert (r.outcome, r.status) == (Outcome.OK, 200)
    assert server.app.count("/flaky") == 2


def test_persistent_500_is_unreachable_after_retries_and_a_last_get(server):
    url = server.route("/broken", reply(500))
    r = one(url, max_retries=1)
    assert (r.outcome, r.status) == (Outcome.UNREACHABLE, 500)
    assert [s.method for s in server.app.seen] == ["HEAD", "HEAD", "GET"]


def test_slow_response_past_the_timeout_is_unreachable(server):
    url = server.route("/slow", slow(3.0, reply(200)))
    r = one(url, timeout=0.3, max_retries=1)
    assert r.outcome is Outcome.UNREACHABLE
    assert "0.3 s" in r.error
    assert server.app.count("/slow") == 2


def test_hanging_connection_times_out(server):
    url = server.route("/hang", hang)
    r = one(url, timeout=0.3, max_retries=0)
    assert r.outcome is Outcome.UNREACHABLE and r.error == "no answer within 0.3 s"


def test_head_refused_with_405_falls_back_to_get(server):
    url = server.route("/nohead", by_method(reply(405), reply(200)))
    r = one(url)
    assert (r.outcome, r.status) == (Outcome.OK, 200)
    assert [s.method for s in server.app.seen] == ["HEAD", "GET"]


def test_head_refused_with_501_falls_back_to_get(server):
    url = server.route("/nohead", by_method(reply(501), reply(200)))
    assert one(url).outcome is Outcome.OK


def test_host_that_lies_to_head_is_learnt(server):
    for i in range(5):
        server.route(f"/p{i}", by_method(reply(404), reply(200)))
    urls = [server.url(f"/p{i}") for i in range(5)]
    results = check(urls, host_concurrency=1)
    assert all(r.outcome is Outcome.OK for r in results.values())
    # The first HEAD 404 was contradicted by GET; after that the host gets GET only.
    assert [s.method for s in server.app.seen] == ["HEAD", "GET", "GET", "GET", "GET", "GET"]


def test_host_whose_head_errors_agree_with_get_is_trusted(server):
    urls = [server.url(f"/missing{i}") for i in range(5)]
    results = check(urls, host_concurrency=1)
    assert all(r.outcome is Outcome.DEAD for r in results.values())
    methods = [s.method for s in server.app.seen]
    assert methods.count("GET") == 2  # two confirmations, then HEAD is believed
    assert methods.count("HEAD") == 5


def test_configured_head_unreliable_host_gets_get_only(server):
    url = server.route("/page", reply(200))
    one(url, head_unreliable_hosts=frozenset({"127.0.0.1"}))
    assert [s.method for s in server.app.seen] == ["GET"]


@pytest.mark.parametrize("chunked", [False, True], ids=["content-length", "chunked"])
def test_huge_body_is_not_downloaded(server, chunked):
    total = 200 * 1024 * 1024
    url = server.route("/huge", by_method(reply(405), huge(total, chunked=chunked)))
    r = one(url)
    assert (r.outcome, r.status) == (Outcome.OK, 200)
    from .conftest import wait_until

    assert wait_until(lambda: "/huge" in server.app.sent)
    # The server stops when the client hangs up; it got nowhere near the end.
    assert server.app.sent["/huge"] < total // 10


def test_small_body_keeps_the_connection_alive(server):
    for i in range(4):
        server.route(f"/g{i}", reply(200, b"x" * 1000))
    check(
        [server.url(f"/g{i}") for i in range(4)],
        host_concurrency=1,
        head_unreliable_hosts=frozenset({"127.0.0.1"}),
    )
    assert server.app.connections == 1


def test_garbage_response_is_unreachable(server):
    url = server.route("/garbage", raw(b"SSH-2.0-OpenSSH_9.6\r\nthis is not http\r\n\r\n"))
    r = one(url, max_retries=1)
    assert r.outcome is Outcome.UNREACHABLE
    assert r.error == "the server sent an invalid HTTP response"


def test_server_closing_mid_status_line_is_unreachable(server):
    url = server.route("/cut", raw(b"HTTP/1.1 2"))
    r = one(url, max_retries=1)
    assert r.outcome is Outcome.UNREACHABLE
    assert r.error == "the server sent an invalid HTTP response"
    assert server.app.count("/cut") == 2  # retried once


def test_server_closing_mid_headers_still_gave_its_status(server):
    # http.client keeps a status line whose header block breaks off; the status counts.
    url = server.route("/cut", raw(b"HTTP/1.1 404 Not Found\r\nContent-Le"))
    r = one(url)
    assert (r.outcome, r.status) == (Outcome.DEAD, 404)


def test_server_closing_without_a_byte_is_unreachable(server):
    url = server.route("/silent", raw(b""))
    r = one(url, max_retries=1)
    assert r.outcome is Outcome.UNREACHABLE
    assert r.error == "the server closed the connection without answering"


def test_server_closing_mid_body_still_gave_its_status(server):
    cut = raw(b"HTTP/1.1 200 OK\r\nContent-Length: 5000\r\n\r\n" + b"x" * 100)
    url = server.route("/half", by_method(reply(405), cut))
    r = one(url)
    # The status line and headers arrived whole; the body is never needed.
    assert (r.outcome, r.status) == (Outcome.OK, 200)


def test_connection_refused_is_dead():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # bound, never listening: connections are refused
        r = one(f"http://127.0.0.1:{port}/", max_retries=1)
    assert (r.outcome, r.error) == (Outcome.DEAD, "connection refused")


@pytest.mark.parametrize("status", [401, 403, 999])
def test_hosts_that_turn_checkers_away_are_blocked_not_dead(server, status):
    url = server.route("/private", reply(status))
    r = one(url)
    assert (r.outcome, r.status) == (Outcome.BLOCKED, status)


def test_accept_makes_a_status_ok(server):
    url = server.route("/forbidden", reply(403))
    assert one(url, accept=frozenset({200, 403})).outcome is Outcome.OK


def test_other_client_errors_are_unreachable_not_dead(server):
    url = server.route("/teapot", reply(418))
    r = one(url)
    assert (r.outcome, r.status, r.error) == (Outcome.UNREACHABLE, 418, "HTTP 418")


def test_each_unique_url_is_fetched_once(server):
    url = server.route("/same", reply(200))
    urls = [url, url, url + "#section", url + "#other"]
    results = check(urls)
    assert set(results) == set(urls)
    assert all(r.outcome is Outcome.OK for r in results.values())
    assert server.app.count("/same") == 1


def test_host_and_global_concurrency_limits(server, other_server):
    lock = threading.Lock()
    now = {"all": 0, server.app: 0, other_server.app: 0}
    peak = dict.fromkeys(now, 0)

    def counted(h, n):
        # Counted from the request's arrival until just before the answer is written: a
        # window inside the client's own, so the client's limits bound it exactly.
        with lock:
            for key in ("all", h.app):
                now[key] += 1
                peak[key] = max(peak[key], now[key])
        h.app.release.wait(0.1)
        with lock:
            for key in ("all", h.app):
                now[key] -= 1
        h.send_all(200)

    for s in (server, other_server):
        for i in range(12):
            s.route(f"/w{i}", counted)
    urls = [s.url(f"/w{i}") for s in (server, other_server) for i in range(12)]
    results = check(urls, host_concurrency=2, max_concurrency=3)
    assert all(r.outcome is Outcome.OK for r in results.values())
    assert peak[server.app] <= 2 and peak[other_server.app] <= 2
    assert 2 <= peak["all"] <= 3  # parallel, within the global limit


def test_unresolvable_name_is_dead_without_a_dns_query(net):
    r = one("https://no-such-host.invalid/paper")
    assert (r.outcome, r.error) == (Outcome.DEAD, "host name does not resolve (DNS)")
    assert net.lookups == [] and net.connects == []


def test_retry_after_parsing():
    assert retry_after_seconds("3") == 3.0
    assert retry_after_seconds(None) is None
    assert retry_after_seconds("soon") is None
    assert retry_after_seconds("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0
    assert 59 <= retry_after_seconds("Thu, 01 Jan 2026 00:01:00 GMT", now=1767225600.0) <= 60


def test_tls_failure_is_dead(server):
    # https:// to a server that speaks plain HTTP: the handshake fails.
    server.route("/ok", reply(200))
    r = one(f"https://127.0.0.1:{server.port}/ok", max_retries=1)
    assert r.outcome is Outcome.DEAD
    assert r.error.startswith("TLS error:")


def test_temporary_dns_failure_is_retried_and_only_unreachable():
    calls = []

    def flaky_dns(host, port):
        calls.append(host)
        raise socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution")

    checker = LinkChecker(
        LinkSettings(max_retries=2, retry_wait=0.01, check_archived=False),
        resolver=flaky_dns,
        rng=random.Random(1),
    )
    r = checker.check(["https://papers.example/x"])["https://papers.example/x"]
    assert (r.outcome, r.error) == (
        Outcome.UNREACHABLE,
        "host name could not be resolved (temporary DNS failure)",
    )
    assert len(calls) == 3
