"""HTTPS links against real TLS servers on 127.0.0.1, with a test certificate authority.

The checker verifies certificates as urllib3 does (CA bundle, host name) but loads the CA
certificates once per run into one TLS context, not once per connection."""

from __future__ import annotations

import ssl

import pytest
import trustme

from awesome_lint.links.result import Outcome

from .conftest import Server, reply
from .test_checker import check


def closing(h, n):
    """200, then the connection closes: every request opens a new TLS connection."""
    reply(200, b"ok")(h, n)
    h.close_connection = True


@pytest.fixture
def ca():
    return trustme.CA()


@pytest.fixture
def trusted(ca, tmp_path, monkeypatch):
    """The test CA is the run's CA bundle (the checker reads REQUESTS_CA_BUNDLE)."""
    bundle = tmp_path / "ca.pem"
    ca.cert_pem.write_to_path(str(bundle))
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", str(bundle))
    monkeypatch.delenv("CURL_CA_BUNDLE", raising=False)
    return bundle


def https_server(ca: trustme.CA, host: str = "127.0.0.1", names: tuple = ()):
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert(*(names or (host,))).configure_cert(context)
    server = Server(host, tls=context)
    server.route("/ok", closing)
    return server


@pytest.fixture
def loads(monkeypatch):
    """Every load of CA certificates into a TLS context, by any code in the process."""
    seen: list[str] = []
    load_verify, load_default = (
        ssl.SSLContext.load_verify_locations,
        ssl.SSLContext.load_default_certs,
    )

    def verify(self, *args, **kwargs):
        seen.append("verify")
        return load_verify(self, *args, **kwargs)

    def default(self, *args, **kwargs):
        seen.append("default")
        return load_default(self, *args, **kwargs)

    monkeypatch.setattr(ssl.SSLContext, "load_verify_locations", verify)
    monkeypatch.setattr(ssl.SSLContext, "load_default_certs", default)
    return seen


def test_https_links_load_the_ca_certificates_once(ca, trusted, loads):
    servers = [https_server(ca, "127.0.0.1")]
    try:
        servers.append(https_server(ca, "127.0.0.2"))
    except OSError:
        pass  # one host is enough to count the connections
    try:
        urls = [s.url(f"/ok?{i}") for s in servers for i in range(4)]
        results = check(urls)
        assert {r.outcome for r in results.values()} == {Outcome.OK}
        assert sum(s.app.connections for s in servers) >= len(urls)  # a connection each
        assert loads == ["verify"]
    finally:
        for s in servers:
            s.stop()


def test_a_server_of_another_authority_is_a_tls_error(ca, trusted):
    stranger = https_server(trustme.CA())
    try:
        r = check([stranger.url("/ok")], max_retries=1)[stranger.url("/ok")]
        assert r.outcome is Outcome.DEAD
        assert r.error.startswith("TLS error:") and "certificate" in r.error
    finally:
        stranger.stop()


def test_a_certificate_for_another_host_name_is_a_tls_error(ca, trusted):
    other = https_server(ca, names=("example.org",))
    try:
        r = check([other.url("/ok")], max_retries=1)[other.url("/ok")]
        assert r.outcome is Outcome.DEAD
        assert r.error.startswith("TLS error:")
    finally:
        other.stop()
