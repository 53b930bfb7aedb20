"""A real threaded HTTP server on 127.0.0.1 for the link checker, and a network fence.

The fence (autouse) makes any test fail that would connect outside 127.0.0.0/8 or ask
the system resolver about a real name: no link test can send traffic off this machine.
"""

from __future__ import annotations

import ipaddress
import socketserver
import ssl
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from awesome_lint.links.policy import forbidden_reason


@pytest.fixture(autouse=True)
def private_cache_dir(monkeypatch, tmp_path):
    """No test reads or writes the user's real link cache."""
    monkeypatch.setenv("AWESOME_LINT_CACHE_DIR", str(tmp_path / "link-cache"))


def treat_as_public(*addresses: str) -> Callable:
    """An address filter under which these loopback addresses count as public ones."""
    public = {ipaddress.ip_address(a) for a in addresses}
    return lambda ip: None if ip in public else forbidden_reason(ip)


# ----------------------------------------------------------------------------- server


@dataclass
class Seen:
    method: str
    path: str
    headers: dict


class App:
    """Routes by path; records requests, connections, concurrency and bytes sent."""

    def __init__(self) -> None:
        self.routes: dict[str, Callable] = {}
        self.seen: list[Seen] = []
        self.lock = threading.Lock()
        self.connections = 0
        self.inflight = 0
        self.peak = 0
        self.sent: dict[str, int] = {}
        self.release = threading.Event()  # set at teardown: hanging handlers return
        self.calls: dict[str, int] = {}

    def count(self, path: str, method: str | None = None) -> int:
        return sum(
            1 for s in self.seen if s.path == path and (method is None or s.method == method)
        )


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    app: App

    def log_message(self, *args) -> None:
        pass

    def _dispatch(self) -> None:
        app = self.app
        path = self.path.split("?", 1)[0]
        with app.lock:
            app.seen.append(
                Seen(self.command, path, {k.lower(): v for k, v in self.headers.items()})
            )
            app.calls[path] = app.calls.get(path, 0) + 1
            n = app.calls[path]
            app.inflight += 1
            app.peak = max(app.peak, app.inflight)
        try:
            route = app.routes.get(path)
            if route is None:
                reply(404, b"no such page")(self, n)
            else:
                route(self, n)
        finally:
            with app.lock:
                app.inflight -= 1

    do_GET = do_HEAD = do_POST = _dispatch

    def send_all(self, status: int, headers: dict | None = None, body: bytes = b"") -> None:
        self.send_response(status)
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        if not any(k.lower() == "content-length" for k in (headers or {})):
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD" and body:
            self.wfile.write(body)


def reply(status: int, body: bytes = b"", headers: dict | None = None) -> Callable:
    return lambda h, n: h.send_all(status, headers, body)


def redirect(status: int, location: str) -> Callable:
    return reply(status, b"moved", {"Location": location})


def sequence(*steps: Callable) -> Callable:
    """The n-th request to the path gets the n-th step (the last one repeats)."""
    return lambda h, n: steps[min(n, len(steps)) - 1](h, n)


def by_method(head: Callable, get: Callable) -> Callable:
    return lambda h, n: (head if h.command == "HEAD" else get)(h, n)


def slow(seconds: float, then: Callable) -> Callable:
    def route(h, n):
        h.app.release.wait(seconds)
        then(h, n)

    return route


def hang(h, n) -> None:
    """Accept the request and never answer (until the test ends)."""
    h.app.release.wait(30)
    h.close_connection = True


def raw(data: bytes) -> Callable:
    """Write these bytes instead of an HTTP response, then hang up."""

    def route(h, n):
        h.wfile.write(data)
        h.wfile.flush()
        h.close_connection = True

    return route


def huge(total: int, chunked: bool = False) -> Callable:
    """A 200 whose body is ``total`` bytes, written until the client hangs up."""

    def route(h, n):
        h.send_response(200)
        if chunked:
            h.send_header("Transfer-Encoding", "chunked")
        else:
            h.send_header("Content-Length", str(total))
        h.end_headers()
        if h.command == "HEAD":
            return
        block = b"x" * 65536
        sent = 0
        try:
            while sent < total and not h.app.release.is_set():
                piece = block if not chunked else b"%x\r\n" % len(block) + block + b"\r\n"
                h.wfile.write(piece)
                sent += len(block)
        except OSError:
            pass
        finally:
            with h.app.lock:
                h.app.sent[h.path] = sent
            h.close_connection = True

    return route


class Server:
    """``tls``: a server-side SSLContext; the server then speaks HTTPS only."""

    def __init__(self, host: str = "127.0.0.1", tls: ssl.SSLContext | None = None) -> None:
        self.app = App()
        app = self.app

        class BoundHandler(Handler):
            pass

        BoundHandler.app = app

        class CountingServer(ThreadingHTTPServer):
            daemon_threads = True
            block_on_close = False

            def server_bind(self):
                # HTTPServer.server_bind would look up the host's name (a reverse DNS query).
                socketserver.TCPServer.server_bind(self)
                self.server_name, self.server_port = self.server_address[:2]

            def verify_request(self, request, client_address):
                with app.lock:
                    app.connections += 1
                return True

        self.httpd = CountingServer((host, 0), BoundHandler)
        if tls is not None:
            self.httpd.socket = tls.wrap_socket(self.httpd.socket, server_side=True)
        self.scheme = "https" if tls is not None else "http"
        self.host = host
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, args=(0.05,), daemon=True)
        self.thread.start()

    def url(self, path: str) -> str:
        return f"{self.scheme}://{self.host}:{self.port}{path}"

    def route(self, path: str, handler: Callable) -> str:
        self.app.routes[path] = handler
        return self.url(path)

    def stop(self) -> None:
        self.app.release.set()
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server():
    s = Server()
    yield s
    s.stop()


@pytest.fixture
def other_server():
    """A second server on 127.0.0.2: the 'private' host in SSRF tests."""
    try:
        s = Server("127.0.0.2")
    except OSError:
        pytest.skip("cannot bind 127.0.0.2 on this system")
    yield s
    s.stop()


def wait_until(predicate: Callable[[], bool], timeout: float = 5.0) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(0.01)
    return predicate()
