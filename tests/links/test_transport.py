"""``GuardedAdapter.open``, the checker's way to send a request, fails exactly as requests'
own ``HTTPAdapter.send`` does: the same exception class with the same text, so every error
reads the same in a finding (describe_error reads both). Real servers on 127.0.0.1."""

from __future__ import annotations

import socket
import ssl

import pytest
import requests
import trustme
from requests.models import PreparedRequest

from awesome_lint.links.policy import AddressGuard, system_resolver
from awesome_lint.links.settings import LinkSettings
from awesome_lint.links.transport import make_session

from .conftest import Server, hang, reply


def _request(url: str) -> PreparedRequest:
    req = PreparedRequest()
    req.method, req.url, req.body, req.hooks = "HEAD", url, None, {"response": []}
    req.headers = requests.structures.CaseInsensitiveDict({"User-Agent": "test"})
    return req


def _both(url: str, timeout: float = 1.0):
    """What ``send`` and ``open`` make of one request to ``url``: (type, text) or status."""
    settings = LinkSettings(allow_private_hosts=True, timeout=timeout)
    session = make_session(settings, AddressGuard(True, system_resolver, lambda a: None), 1)
    adapter = session.get_adapter(url)
    outcomes = []
    for how in ("send", "open"):
        try:
            if how == "send":
                resp = adapter.send(_request(url), stream=True, timeout=(timeout, timeout))
                outcomes.append(resp.status_code)
                resp.close()
            else:
                resp = adapter.open(_request(url), (timeout, timeout), True)
                outcomes.append(resp.status)
                resp.close()
                resp.release_conn()
        except Exception as exc:  # noqa: BLE001  the point is which one, and its text
            outcomes.append((type(exc), str(exc)))
    session.close()
    return outcomes


def _closed_port() -> int:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


@pytest.fixture
def untrusted_https():
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    trustme.CA().issue_cert("127.0.0.1").configure_cert(context)
    server = Server("127.0.0.1", tls=context)
    server.route("/ok", reply(200))
    yield server
    server.stop()


def test_an_answer_is_the_same_status(server):
    url = server.route("/gone", reply(404))
    assert _both(url) == [404, 404]


def test_a_refused_connection_fails_the_same_way():
    send, opened = _both(f"http://127.0.0.1:{_closed_port()}/x")
    assert send == opened and send[0] is requests.exceptions.ConnectionError


def test_a_read_timeout_fails_the_same_way(server):
    url = server.route("/hang", hang)
    send, opened = _both(url, timeout=0.3)
    assert send == opened and send[0] is requests.exceptions.ReadTimeout


def test_an_untrusted_certificate_fails_the_same_way(untrusted_https):
    send, opened = _both(untrusted_https.url("/ok"))
    assert send == opened and send[0] is requests.exceptions.SSLError
    assert "certificate" in send[1]


def test_a_malformed_host_fails_the_same_way():
    send, opened = _both("http://exa mple.org:99999/")
    assert send == opened
