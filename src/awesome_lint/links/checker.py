"""Concurrent HTTP checks of unique URLs: polite per host, retried, never reading bodies.

Each step of a check is one HTTP request; the host pool runs steps so that no host has more
than ``host_concurrency`` requests in flight and the run no more than ``max_concurrency``.
A step either finishes the link or says what comes next: a redirect hop (possibly to
another host), a GET after a HEAD, or a retry after a delay (which holds no worker).
"""

from __future__ import annotations

import errno
import os
import random
import socket
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from urllib.parse import urljoin

import requests
import urllib3
import urllib3.exceptions as u3e
from requests.cookies import extract_cookies_to_jar
from requests.models import PreparedRequest

from ..retry_after import retry_after_seconds
from . import deadline
from .policy import (
    AddressFilter,
    AddressGuard,
    ForbiddenAddress,
    Resolver,
    Target,
    forbidden_reason,
    prepare,
    system_resolver,
)
from .pool import HostPool, Step
from .result import LinkResult, Outcome, Redirect
from .settings import LinkSettings
from .transport import make_session

DEAD_STATUSES = frozenset({404, 410})
# Hosts that turn checkers away: the page may exist, a browser would likely see it.
BLOCKING_STATUSES = frozenset({401, 403, 999})
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
# A body no longer than this is read to keep the connection alive; a longer one is cut off
# by closing the connection, which is cheaper than downloading it.
DRAIN_LIMIT = 64 * 1024
# After this many HEAD errors that GET confirmed, a host's HEAD answers are believed.
HEAD_TRUST_AFTER = 2
MAX_BACKOFF = 30.0

Progress = Callable[[LinkResult], None]


@dataclass(eq=False)
class _Job:
    """One URL being checked: the hop requested now, its tries and its redirects."""

    url: str  # as written in the document
    target: Target  # the hop being requested now
    started: float = 0.0  # when its first request went out (time in the queue not counted)
    method: str = "HEAD"
    attempt: int = 0  # retries spent on this hop
    confirming: bool = False  # a GET checking a HEAD error
    head_status: int | None = None
    last_try: bool = False  # a final GET after HEAD retries ran out
    redirects: list[Redirect] = field(default_factory=list)
    visited: set[str] = field(default_factory=set)


class _HostMemory:
    """What a run learns about hosts' HEAD handling (shared by workers; small races harmless)."""

    def __init__(self, unreliable: Iterable[str]) -> None:
        self.get_only: set[str] = set(unreliable)
        self.agreements: dict[str, int] = {}

    def use_get(self, host: str) -> bool:
        return host in self.get_only

    def trusted(self, host: str) -> bool:
        return self.agreements.get(host, 0) >= HEAD_TRUST_AFTER

    def head_lied(self, host: str) -> None:
        self.get_only.add(host)

    def head_agreed(self, host: str) -> None:
        self.agreements[host] = self.agreements.get(host, 0) + 1


def _causes(exc: BaseException) -> Iterable[BaseException]:
    """The exception and everything it wraps (requests and urllib3 nest them deeply)."""
    seen: set[int] = set()
    stack = [exc]
    while stack:
        e = stack.pop()
        if id(e) in seen:
            continue
        seen.add(id(e))
        yield e
        reason = getattr(e, "reason", None)
        if isinstance(reason, BaseException):
            stack.append(reason)
        stack.extend(a for a in e.args if isinstance(a, BaseException))
        for linked in (e.__cause__, e.__context__):
            if linked is not None:
                stack.append(linked)


@dataclass(frozen=True, slots=True)
class _Failure:
    """A request that failed: the outcome if it was the last try, and whether to retry."""

    outcome: Outcome  # if it is the last try
    message: str
    retry: bool
    immediate: bool = False  # retry at once (a stale keep-alive connection, probably)


def describe_error(exc: BaseException, timeout: float) -> _Failure:
    """What a failed request means: dead, unreachable or invalid, and whether to retry."""
    chain = list(_causes(exc))
    for e in chain:
        if isinstance(e, ForbiddenAddress):
            return _Failure(
                Outcome.REFUSED_PRIVATE, f"{e} (not fetched; see --allow-private-hosts)", False
            )
    for e in chain:
        if isinstance(e, socket.gaierror):
            if e.errno == socket.EAI_AGAIN:
                # The resolver could not get an answer: the name may well exist.
                return _Failure(
                    Outcome.UNREACHABLE,
                    "host name could not be resolved (temporary DNS failure)",
                    True,
                )
            return _Failure(Outcome.DEAD, "host name does not resolve (DNS)", False)
    for e in chain:
        if isinstance(e, ConnectionRefusedError) or (
            isinstance(e, OSError) and e.errno == errno.ECONNREFUSED
        ):
            return _Failure(Outcome.DEAD, "connection refused", True)
    # urllib3's NewConnectionError subclasses ConnectTimeoutError: not every one is a timeout.
    if isinstance(exc, requests.exceptions.ConnectTimeout) or any(
        isinstance(e, u3e.ConnectTimeoutError) and not isinstance(e, u3e.NewConnectionError)
        for e in chain
    ):
        return _Failure(Outcome.UNREACHABLE, f"connection timed out after {timeout:g} s", True)
    if isinstance(exc, requests.exceptions.ReadTimeout) or any(
        isinstance(e, (u3e.ReadTimeoutError, socket.timeout)) for e in chain
    ):
        return _Failure(Outcome.UNREACHABLE, f"no answer within {timeout:g} s", True)
    if isinstance(exc, requests.exceptions.SSLError):
        return _Failure(Outcome.DEAD, f"TLS error: {_short(exc)}", False)
    for e in chain:
        if isinstance(e, (u3e.NewConnectionError,)) or (
            isinstance(e, OSError) and e.errno in (errno.ENETUNREACH, errno.EHOSTUNREACH)
        ):
            return _Failure(Outcome.UNREACHABLE, f"could not connect: {_short(e)}", True)
    for e in chain:
        name = type(e).__name__
        if name in (
            "BadStatusLine",
            "LineTooLong",
            "UnknownProtocol",
            "HeaderParsingError",
            "LineAndHeaderTooLong",
        ):
            return _Failure(Outcome.UNREACHABLE, "the server sent an invalid HTTP response", True)
        if name == "RemoteDisconnected":
            return _Failure(
                Outcome.UNREACHABLE,
                "the server closed the connection without answering",
                True,
                True,
            )
        if name in ("IncompleteRead", "InvalidChunkLength"):
            return _Failure(
                Outcome.UNREACHABLE, "the server closed the connection mid-response", True
            )
        if isinstance(e, (ConnectionResetError, BrokenPipeError, ConnectionAbortedError)):
            return _Failure(Outcome.UNREACHABLE, "the connection was reset", True, True)
    if isinstance(
        exc,
        (
            requests.exceptions.InvalidURL,
            requests.exceptions.InvalidSchema,
            requests.exceptions.MissingSchema,
            u3e.LocationParseError,
            UnicodeError,
        ),
    ):
        return _Failure(Outcome.INVALID, f"malformed URL: {_short(exc)}", False)
    if isinstance(
        exc, (requests.exceptions.ConnectionError, requests.exceptions.ChunkedEncodingError)
    ):
        return _Failure(Outcome.UNREACHABLE, f"connection failed: {_short(exc)}", True)
    return _Failure(
        Outcome.UNREACHABLE, f"unexpected error: {type(exc).__name__}: {_short(exc)}", False
    )


def _out_of_window(timeout: float) -> _Failure:
    return _Failure(Outcome.UNREACHABLE, f"no answer within {timeout:g} s", True)


def _short(exc: BaseException) -> str:
    text = str(exc) or type(exc).__name__
    return text if len(text) <= 200 else text[:197] + "..."


def classify_status(status: int, accept: frozenset[int]) -> tuple[Outcome, str | None]:
    if status in accept:
        return Outcome.OK, None
    if status in DEAD_STATUSES:
        return Outcome.DEAD, f"HTTP {status}"
    if status in BLOCKING_STATUSES:
        return Outcome.BLOCKED, f"HTTP {status}: the host turns link checkers away"
    if status == 429:
        return Outcome.UNREACHABLE, "HTTP 429: rate limited, still after retries"
    if 300 <= status < 400:
        return Outcome.UNREACHABLE, f"HTTP {status} without a usable Location"
    if status >= 500:
        return Outcome.UNREACHABLE, f"HTTP {status}: server error, still after retries"
    return Outcome.UNREACHABLE, f"HTTP {status}"


def _close_quietly(resp: urllib3.BaseHTTPResponse) -> None:
    """Hang up: close the response's connection and give the pool its slot back (as
    ``requests.Response.close`` does)."""
    try:
        resp.close()
        resp.release_conn()
    except Exception:  # closing a broken connection can fail; nothing to do about it
        pass


def discard_body(resp: urllib3.BaseHTTPResponse) -> None:
    """Give the connection back to the pool if the body is short, else hang up.

    Reads at most DRAIN_LIMIT bytes, and none at all when Content-Length says the body is
    longer: a 4 GB download is never started.
    """
    length = resp.headers.get("Content-Length")
    if length is not None and (not length.strip().isdigit() or int(length) > DRAIN_LIMIT):
        _close_quietly(resp)
        return
    try:
        budget = DRAIN_LIMIT
        while budget > 0:
            chunk = resp.read(min(16384, budget), decode_content=False)
            if not chunk:
                break
            budget -= len(chunk)
        if budget > 0:
            resp.release_conn()
        else:
            _close_quietly(resp)
    except Exception:  # a body that breaks off: the status line is all we needed
        _close_quietly(resp)


class LinkChecker:
    """Checks URLs over HTTP. Construct once per run; ``check`` may be called once."""

    def __init__(
        self,
        settings: LinkSettings,
        *,
        resolver: Resolver = system_resolver,
        address_filter: AddressFilter = forbidden_reason,
        rng: random.Random | None = None,
    ) -> None:
        self.settings = settings
        self.guard = AddressGuard(settings.allow_private_hosts, resolver, address_filter)
        self._rng = rng or random.Random()
        self._hosts = _HostMemory(settings.head_unreliable_hosts)
        self._results: dict[str, LinkResult] = {}
        self._lock = threading.Lock()
        self._progress: Progress | None = None
        self._session: requests.Session | None = None
        self._timeout = (settings.timeout, settings.timeout)
        self._run_deadline: float | None = None  # from --max-duration, set by check()
        # The session ignores the environment (proxies, .netrc), but a CA bundle named there
        # is the machine owner's choice and only makes TLS checks stricter or possible.
        self._verify: bool | str = (
            os.environ.get("REQUESTS_CA_BUNDLE") or os.environ.get("CURL_CA_BUNDLE") or True
        )
        # Redirect targets are judged by scheme, host and address, not by --include and
        # --exclude, which select links in the document.
        self._hop_settings = replace(settings, include=(), exclude=())

    # ------------------------------------------------------------------ the run
    def check(self, urls: Iterable[str], progress: Progress | None = None) -> dict[str, LinkResult]:
        """A result for every URL given (duplicates are checked once)."""
        self._progress = progress
        if self.settings.max_duration is not None:
            self._run_deadline = time.monotonic() + self.settings.max_duration
        by_request: dict[str, list[str]] = {}
        jobs: list[tuple[str, _Job]] = []
        results: dict[str, LinkResult] = {}
        for url in dict.fromkeys(urls):
            prepared = prepare(url, self.settings, self.guard)
            if isinstance(prepared, LinkResult):
                results[url] = prepared
                self._report(prepared)
                continue
            same = by_request.get(prepared.url)
            if same is not None:
                same.append(url)
                continue
            by_request[prepared.url] = [url]
            job = _Job(url=url, target=prepared)
            job.visited.add(prepared.url)
            jobs.append((prepared.host_key, job))
        if jobs:
            per_host: dict[str, int] = {}
            for key, _ in jobs:
                per_host[key] = per_host.get(key, 0) + 1
            workers = min(
                self.settings.max_concurrency,
                sum(min(n, self.settings.host_concurrency) for n in per_host.values()),
            )
            self._session = make_session(self.settings, self.guard, hosts=len(per_host) + 8)
            try:
                HostPool(self.settings.host_concurrency, workers).run(jobs, self._step)
            finally:
                self._session.close()
        for originals in by_request.values():
            first = self._results[originals[0]]
            results[originals[0]] = first
            for other in originals[1:]:
                copy = replace(first, url=other)
                results[other] = copy
                self._report(copy)
        return results

    def _report(self, result: LinkResult) -> None:
        if self._progress is not None:
            self._progress(result)

    def _finish(
        self, job: _Job, outcome: Outcome, status: int | None = None, error: str | None = None
    ) -> Step:
        redirects = tuple(job.redirects)
        if outcome is Outcome.OK and redirects and redirects[0].permanent:
            outcome = Outcome.REDIRECTED
        result = LinkResult(
            url=job.url,
            outcome=outcome,
            status=status,
            final_url=redirects[-1].location if redirects else None,
            redirects=redirects,
            error=error,
            elapsed=time.monotonic() - job.started,
        )
        with self._lock:
            self._results[job.url] = result
        self._report(result)
        return None

    # ------------------------------------------------------------------ one request
    def _step(self, job: _Job) -> Step:
        if not job.started:
            job.started = time.monotonic()
        if self._run_deadline is not None and time.monotonic() >= self._run_deadline:
            return self._out_of_time(job)
        try:
            return self._request(job)
        except Exception as exc:  # a bug here must cost one link, not the run
            return self._finish(
                job,
                Outcome.UNREACHABLE,
                None,
                f"checker error: {type(exc).__name__}: {_short(exc)}",
            )

    def _request(self, job: _Job) -> Step:
        target = job.target
        method = job.method
        if method == "HEAD" and self._hosts.use_get(target.host):
            method = job.method = "GET"
        limit = self.settings.timeout
        if self._run_deadline is not None:
            limit = min(limit, self._run_deadline - time.monotonic())
            if limit <= 0:
                return self._out_of_time(job)
        # One wall-clock deadline for connect, headers and body: a server that trickles
        # bytes gets cut off, however short each wait for the next byte is.
        with deadline.window(limit) as window:
            try:
                resp = self._send(method, target.url)
            except Exception as exc:  # every failure becomes a finding, never a crash
                if window.expired:  # cut off by the deadline, whatever broke first
                    return self._failed(job, _out_of_window(self.settings.timeout))
                return self._failed(job, describe_error(exc, self.settings.timeout))
            if window.expired:  # the headers were cut off: whatever arrived is not an answer
                _close_quietly(resp)
                return self._failed(job, _out_of_window(self.settings.timeout))
            status = resp.status
            location = resp.headers.get("Location") if 300 <= status < 400 else None
            retry_after = resp.headers.get("Retry-After") if status in RETRY_STATUSES else None
            set_cookie = "Set-Cookie" in resp.headers
            discard_body(resp)
        return self._answered(job, method, status, location, retry_after, set_cookie)

    def _out_of_time(self, job: _Job) -> Step:
        return self._finish(
            job,
            Outcome.UNREACHABLE,
            None,
            f"not checked: --max-duration of {self.settings.max_duration:g} s reached",
        )

    def _send(self, method: str, url: str) -> urllib3.BaseHTTPResponse:
        """``Session.send`` cut down to what a status check needs: urllib3's response.

        The URL is already normalised by the policy and redirects are followed by the
        checker, so ``Session.request``'s preparation, environment merging, hooks and
        redirect look-ahead are pure overhead: a third of the CPU time per request, which
        at thousands of links is what bounds the run; and the adapter's ``Response`` was
        half of what remained (``GuardedAdapter.open``). Cookies are still kept and sent
        (sites that set a cookie and redirect to themselves need them).
        """
        session = self._session
        assert session is not None
        req = PreparedRequest()
        req.method = method
        req.url = url
        req.headers = session.headers.copy()
        req.body = None
        req.hooks = {"response": []}
        jar = session.cookies
        if len(jar):
            req.prepare_cookies(jar)
        adapter = session.get_adapter(url)
        resp = adapter.open(req, self._timeout, self._verify)
        if "Set-Cookie" in resp.headers:
            extract_cookies_to_jar(jar, req, resp)
        return resp

    def _answered(
        self,
        job: _Job,
        method: str,
        status: int,
        location: str | None,
        retry_after: str | None = None,
        set_cookie: bool = False,
    ) -> Step:
        host = job.target.host
        if job.confirming:
            job.confirming = False
            if status != job.head_status:
                self._hosts.head_lied(host)
            else:
                self._hosts.head_agreed(host)
        if location and status != 304:
            return self._redirect(job, status, location, set_cookie)
        if method == "HEAD" and not job.last_try:
            if status in (405, 501):
                self._hosts.head_lied(host)
                return self._again(job, "GET")
            if (
                400 <= status < 500
                and status != 429
                and status not in self.settings.accept
                and not self._hosts.trusted(host)
            ):
                job.confirming = True
                job.head_status = status
                return self._again(job, "GET")
        if status in RETRY_STATUSES and status not in self.settings.accept:
            wait = retry_after_seconds(retry_after)
            if wait is not None and wait > self.settings.max_retry_after:
                return self._finish(
                    job,
                    Outcome.UNREACHABLE,
                    status,
                    f"HTTP {status}: asked to retry after {wait:.0f} s, longer than the "
                    f"{self.settings.max_retry_after:g} s the checker waits",
                )
            if job.attempt < self.settings.max_retries:
                job.attempt += 1
                return (
                    job.target.host_key,
                    wait if wait is not None else self._backoff(job.attempt),
                    job,
                )
            if method == "HEAD" and not job.last_try and status >= 500:
                # Some servers fail HEAD for good; give GET one chance before giving up.
                job.last_try = True
                return self._again(job, "GET")
        outcome, message = classify_status(status, self.settings.accept)
        return self._finish(job, outcome, status, message)

    def _again(self, job: _Job, method: str) -> Step:
        job.method = method
        return job.target.host_key, 0.0, job

    def _backoff(self, attempt: int) -> float:
        base = self.settings.retry_wait * (2 ** (attempt - 1))
        return min(MAX_BACKOFF, base * (0.5 + self._rng.random()))

    def _failed(self, job: _Job, failure: _Failure) -> Step:
        if failure.retry and job.attempt < self.settings.max_retries:
            job.attempt += 1
            delay = 0.0 if failure.immediate and job.attempt == 1 else self._backoff(job.attempt)
            return job.target.host_key, delay, job
        return self._finish(job, failure.outcome, None, failure.message)

    def _redirect(self, job: _Job, status: int, location: str, set_cookie: bool) -> Step:
        current = job.target.url
        try:
            nxt = urljoin(current, location.strip())
        except ValueError:
            return self._finish(
                job, Outcome.DEAD, status, f"HTTP {status} to a malformed Location {location!r}"
            )
        job.redirects.append(Redirect(current, status, nxt))
        if len(job.redirects) > self.settings.max_redirects:
            return self._finish(
                job, Outcome.DEAD, status, f"more than {self.settings.max_redirects} redirects"
            )
        hop = prepare(nxt, self._hop_settings, self.guard)
        if isinstance(hop, LinkResult):
            outcome = Outcome.DEAD if hop.outcome is Outcome.INVALID else hop.outcome
            return self._finish(job, outcome, status, f"redirects to {nxt}: {hop.error}")
        # Coming back with a new cookie is a cookie check, not a loop (the cap still holds).
        if hop.url in job.visited and not set_cookie:
            chain = " -> ".join([r.url for r in job.redirects] + [hop.url])
            return self._finish(job, Outcome.DEAD, status, f"redirect loop: {chain}")
        job.visited.add(hop.url)
        job.target = hop
        job.method = "HEAD"
        job.attempt = 0
        job.confirming = False
        job.last_try = False
        return hop.host_key, 0.0, job
