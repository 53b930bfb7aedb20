"""A requests session whose every connection goes through the address guard.

urllib3 opens sockets in ``HTTPConnection._new_conn``; the connection classes here replace
that one step: they ask the guard for vetted addresses and connect to one of exactly those.
Everything else (TLS with the host name for SNI and certificate checks, keep-alive pools
per host) stays urllib3's, with one TLS context for the run: by default every new HTTPS
connection builds a context and loads the CA bundle into it (70-200 ms of CPU per host on
this machine, for a list that links a thousand hosts more than the checking itself).
"""

from __future__ import annotations

import os
import socket
import ssl
import sys
import threading
from typing import Any

import requests
import urllib3.exceptions as u3e
from requests.adapters import DEFAULT_CA_BUNDLE_PATH, HTTPAdapter
from requests.models import PreparedRequest
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.exceptions import (
    ConnectTimeoutError,
    LocationValueError,
    NameResolutionError,
    NewConnectionError,
)
from urllib3.util import Timeout
from urllib3.util import connection as u3connection
from urllib3.util.ssl_ import create_urllib3_context

from . import deadline
from .policy import AddressGuard
from .settings import LinkSettings


class _GuardedConnectionMixin:
    guard: AddressGuard  # set on the per-guard subclasses made by _bind

    def _new_conn(self) -> socket.socket:
        host = self._dns_host.strip("[]").rstrip(".")  # type: ignore[attr-defined]
        try:
            addresses = self.guard.vetted(host, self.port)  # type: ignore[attr-defined]
        except socket.gaierror as e:
            raise NameResolutionError(self.host, self, e) from e  # type: ignore[attr-defined, arg-type]
        error: Exception | None = None
        timeout = self.timeout  # type: ignore[attr-defined]
        window = deadline.current()
        for _family, address in addresses:
            if window is not None and isinstance(timeout, (int, float)):
                timeout = max(0.001, min(timeout, window.remaining()))
            try:
                sock = u3connection.create_connection(
                    (address, self.port),  # type: ignore[attr-defined]
                    timeout,
                    source_address=self.source_address,  # type: ignore[attr-defined]
                    socket_options=self.socket_options,  # type: ignore[attr-defined]
                )
            except TimeoutError as e:
                error = ConnectTimeoutError(
                    self,
                    f"Connection to {self.host} timed out. (connect timeout={self.timeout})",  # type: ignore[attr-defined]
                )
                error.__cause__ = e
            except OSError as e:
                error = NewConnectionError(self, f"Failed to establish a new connection: {e}")  # type: ignore[arg-type]
                error.__cause__ = e
            else:
                sys.audit("http.client.connect", self, self.host, self.port)  # type: ignore[attr-defined]
                deadline.watch(sock)
                return sock
        assert error is not None
        raise error

    # A kept-alive connection was made by an earlier request: put its socket (after TLS,
    # the wrapped one) under this request's deadline before sending and before reading.
    def request(self, *args: Any, **kwargs: Any) -> Any:
        deadline.watch(self.sock)  # type: ignore[attr-defined]
        return super().request(*args, **kwargs)  # type: ignore[misc]

    def getresponse(self) -> Any:
        deadline.watch(self.sock)  # type: ignore[attr-defined]
        return super().getresponse()  # type: ignore[misc]


class GuardedHTTPConnection(_GuardedConnectionMixin, HTTPConnection):
    pass


class GuardedHTTPSConnection(_GuardedConnectionMixin, HTTPSConnection):
    pass


def _bind(guard: AddressGuard) -> dict[str, type]:
    """Pool classes whose connections use this guard (urllib3 builds pools from classes)."""
    http_conn = type("BoundHTTPConnection", (GuardedHTTPConnection,), {"guard": guard})
    https_conn = type("BoundHTTPSConnection", (GuardedHTTPSConnection,), {"guard": guard})
    return {
        "http": type(
            "GuardedHTTPConnectionPool", (HTTPConnectionPool,), {"ConnectionCls": http_conn}
        ),
        "https": type(
            "GuardedHTTPSConnectionPool", (HTTPSConnectionPool,), {"ConnectionCls": https_conn}
        ),
    }


class GuardedAdapter(HTTPAdapter):
    def __init__(self, guard: AddressGuard, **kwargs: Any) -> None:
        self._guard = guard
        self._contexts: dict[str, ssl.SSLContext] = {}
        self._contexts_lock = threading.Lock()
        super().__init__(**kwargs)

    def _context(self, verify: bool | str) -> ssl.SSLContext:
        """The run's TLS context for a CA location (requests' bundle for ``True``): the
        certificate checks of urllib3's own per-connection context (CERT_REQUIRED, the host
        name checked by ``ssl``), with the CA certificates loaded once."""
        where = DEFAULT_CA_BUNDLE_PATH if verify is True else str(verify)
        with self._contexts_lock:
            context = self._contexts.get(where)
            if context is None:
                context = create_urllib3_context(cert_reqs=ssl.CERT_REQUIRED)
                if os.path.isdir(where):
                    context.load_verify_locations(capath=where)
                else:
                    context.load_verify_locations(cafile=where)
                self._contexts[where] = context
            return context

    def build_connection_pool_key_attributes(
        self, request: Any, verify: Any, cert: Any = None
    ) -> tuple[dict[str, Any], dict[str, Any]]:
        host, pool = super().build_connection_pool_key_attributes(request, verify, cert)
        if host["scheme"] == "https" and verify and cert is None:
            pool = {"ssl_context": self._context(verify), "cert_reqs": "CERT_REQUIRED"}
        return host, pool

    def cert_verify(self, conn: Any, url: str, verify: Any, cert: Any) -> None:
        super().cert_verify(conn, url, verify, cert)  # its checks: a missing bundle fails
        if conn.conn_kw.get("ssl_context") is not None:
            # The pool's context holds the certificates: naming them again would load them
            # into it once more on every new connection.
            conn.ca_certs = conn.ca_cert_dir = None

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = _bind(self._guard)

    def open(self, request: PreparedRequest, timeout: tuple[float, float], verify: Any) -> Any:
        """``send`` without the ``Response`` around urllib3's: the response as urllib3 gives
        it (unread, its connection held until ``release_conn``), and urllib3's errors as the
        same ``requests`` exceptions ``send`` raises.

        What ``send`` adds is of no use to a status check (no proxies; ``Response`` with its
        headers copied, its encoding guessed and its cookies parsed into a jar of its own)
        and was half the CPU of a HEAD on the loopback server: 0.83-1.10 ms a request
        through ``send`` against 0.36-0.48 ms through the pool (1,500 HEADs each, 4
        alternations)."""
        try:
            if hasattr(self, "get_connection_with_tls_context"):  # requests >= 2.32.2
                conn = self.get_connection_with_tls_context(request, verify)
            else:
                conn = self.get_connection(request.url)
        except LocationValueError as e:
            raise requests.exceptions.InvalidURL(e, request=request) from None
        self.cert_verify(conn, request.url, verify, None)
        try:
            return conn.urlopen(
                method=request.method,
                url=request.path_url,
                body=None,
                headers=request.headers,
                redirect=False,
                assert_same_host=False,
                preload_content=False,
                decode_content=False,
                retries=self.max_retries,
                timeout=Timeout(connect=timeout[0], read=timeout[1]),
                chunked=False,
            )
        except BaseException as e:
            mapped = _as_requests_error(e, request)
            if mapped is None:
                raise
            raise mapped from e

    def proxy_manager_for(self, proxy: str, **proxy_kwargs: Any) -> Any:
        # A proxy would resolve the host itself, out of the guard's sight.
        raise requests.exceptions.InvalidURL("proxies are not used by the link checker")


def _as_requests_error(e: BaseException, request: PreparedRequest) -> BaseException | None:
    """The exception ``HTTPAdapter.send`` raises for urllib3's ``e`` (None: ``e`` itself),
    so an error reads the same whichever way the request went."""
    rx = requests.exceptions
    if isinstance(e, (u3e.ProtocolError, OSError)):
        return rx.ConnectionError(e, request=request)
    if isinstance(e, u3e.MaxRetryError):
        reason = e.reason
        if isinstance(reason, u3e.ConnectTimeoutError) and not isinstance(
            reason, u3e.NewConnectionError
        ):
            return rx.ConnectTimeout(e, request=request)
        table, default = _BY_REASON, rx.ConnectionError
    else:
        reason, table, default = e, _BY_ERROR, None
    for u3_error, requests_error in table:
        if isinstance(reason, u3_error):
            return requests_error(e, request=request)
    return None if default is None else default(e, request=request)


# (urllib3's error, requests' for it) in the order HTTPAdapter.send tests them: for the
# reason of a MaxRetryError (else a ConnectionError), and for an error raised as it is.
_BY_REASON = (
    (u3e.ResponseError, requests.exceptions.RetryError),
    (u3e.ProxyError, requests.exceptions.ProxyError),
    (u3e.SSLError, requests.exceptions.SSLError),
)
_BY_ERROR = (
    (u3e.ClosedPoolError, requests.exceptions.ConnectionError),
    (u3e.ProxyError, requests.exceptions.ProxyError),
    (u3e.SSLError, requests.exceptions.SSLError),
    (u3e.ReadTimeoutError, requests.exceptions.ReadTimeout),
    (u3e.InvalidHeader, requests.exceptions.InvalidHeader),
)


def make_session(settings: LinkSettings, guard: AddressGuard, hosts: int) -> requests.Session:
    """One session for the run: a keep-alive pool per host, no redirects, no environment.

    ``trust_env`` is off: proxy variables would route connections around the guard, and
    .netrc credentials have no business being sent to links found in a pull request.
    """
    session = requests.Session()
    session.trust_env = False
    session.headers.clear()
    session.headers.update(
        {
            "User-Agent": settings.user_agent,
            "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
            "Accept-Encoding": "gzip, deflate",
            "Connection": "keep-alive",
        }
    )
    adapter = GuardedAdapter(
        guard,
        pool_connections=max(hosts, 1),
        pool_maxsize=settings.host_concurrency,
        max_retries=0,
    )
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    return session
