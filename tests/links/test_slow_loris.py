"""Slow-loris servers (issue 16): a server that trickles bytes cannot hold a request past its
wall-clock deadline, nor a run past --max-duration."""

from __future__ import annotations

import random
import re
import socket
import threading
import time

import pytest

from awesome_lint.links.checker import LinkChecker
from awesome_lint.links.result import Outcome
from awesome_lint.links.settings import LinkSettings
from tests.conftest import run_cli

HEADERS = [b"HTTP/1.1 200 OK\r\n"] + [b"X-Slow-%d: yes\r\n" % i for i in range(500)]


class TrickleServer:
    """Reads a request, then answers one piece at a time: ``pieces`` every ``every`` s."""

    def __init__(self, pieces: list[bytes], every: float) -> None:
        self.pieces, self.every = pieces, every
        self.stop = threading.Event()
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.served = 0
        threading.Thread(target=self._accept, daemon=True).start()

    def url(self, path: str = "/") -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def _accept(self) -> None:
        self.sock.settimeout(0.1)
        while not self.stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.served += 1
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _serve(self, conn: socket.socket) -> None:
        with conn:
            data = b""
            while b"\r\n\r\n" not in data:
                chunk = conn.recv(4096)
                if not chunk:
                    return
                data += chunk
            for piece in self.pieces:
                try:
                    conn.sendall(piece)
                except OSError:
                    return  # the client hung up: what the test wants
                if self.stop.wait(self.every):
                    return

    def close(self) -> None:
        self.stop.set()
        self.sock.close()


@pytest.fixture
def trickle():
    servers = []

    def make(pieces, every):
        servers.append(TrickleServer(pieces, every))
        return servers[-1]

    yield make
    for s in servers:
        s.close()


def check(urls, **kw):
    settings = LinkSettings(allow_private_hosts=True, check_archived=False, retry_wait=0.01, **kw)
    return LinkChecker(settings, rng=random.Random(1)).check(list(urls))


ONE_BYTE_EVERY_2S = ([bytes([b]) for b in b"".join(HEADERS)], 2.0)
ONE_LINE_PER_SECOND = (HEADERS, 1.0)


# Each timeout is longer than the pause between pieces: a timeout per socket read would never
# fire, so only a deadline for the whole request can end these (and no longer than needed).
@pytest.mark.parametrize(
    "pieces,every,timeout", [(*ONE_BYTE_EVERY_2S, 2.5), (*ONE_LINE_PER_SECOND, 1.5)]
)
@pytest.mark.parametrize("retries", [0, 1])
def test_trickling_server_is_unreachable_within_the_timeout(
    trickle, pieces, every, timeout, retries
):
    server = trickle(pieces, every)
    start = time.monotonic()
    (result,) = check([server.url()], timeout=timeout, max_retries=retries).values()
    elapsed = time.monotonic() - start
    assert result.outcome is Outcome.UNREACHABLE
    assert f"within {timeout:g} s" in result.error
    assert elapsed < (timeout + 1.0) * (retries + 1)
    assert server.served == retries + 1


def test_max_duration_bounds_the_run(trickle):
    server = trickle(HEADERS, 1.0)
    urls = [server.url(f"/{i}") for i in range(6)]
    start = time.monotonic()
    results = check(urls, timeout=30.0, max_retries=3, host_concurrency=2, max_duration=1.5)
    assert time.monotonic() - start < 1.5 + 1.0
    assert {r.outcome for r in results.values()} == {Outcome.UNREACHABLE}
    assert any("max-duration" in (r.error or "") for r in results.values())


def test_command_reports_the_slow_loris_link(trickle, tmp_path):
    server = trickle(*ONE_BYTE_EVERY_2S)
    (tmp_path / "list.md").write_text(f"# List\n\nSee [the page]({server.url('/page')}).\n")
    proc = run_cli(
        str(tmp_path / "list.md"),
        "--check-links",
        "--allow-private-hosts",
        "--no-cache",
        "--timeout",
        "3",
        "--max-retries",
        "0",
        "--select",
        "unreachable-link",
    )
    # The checker's own clock, printed on stderr, counts the set-up of its pool and threads
    # too, which a loaded CI machine slows (4.7 s seen at load average 12 on 2 cores): the
    # in-process tests above hold the strict --timeout + 1 s per attempt; here the bound
    # only shows the trickle did not hold the command (it held it 90 s before the deadline).
    checked_in = float(re.search(r"([\d.]+) s\)", proc.stderr).group(1))
    assert checked_in < 3.0 + 1.0 + 2.0, proc.stderr
    assert "unreachable-link" in proc.stdout and "within 3 s" in proc.stdout, proc.stdout
