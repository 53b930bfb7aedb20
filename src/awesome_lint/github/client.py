"""The GitHub REST API through PyGithub, with the retry policy a bot on a busy repo needs.

- The token goes only to ``GITHUB_API_URL`` (default https://api.github.com): https, or
  http on a loopback address (tests, local mocks). PyGithub follows pagination links by
  path on the configured host, never to a host named in a response.
- Reads, edits and deletes are retried with backoff on 5xx, connection errors and rate
  limits (403 with ``retry-after`` or a secondary-limit message, 429).
- A create is never retried blindly. A 502 may arrive after GitHub created the comment, so
  before trying again we list again and look for our own marker.

PyGithub's own retry is turned off: its default retries POST too.
"""

from __future__ import annotations

import ipaddress
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar
from urllib.parse import urlsplit

from ..version import __version__

DEFAULT_API_URL = "https://api.github.com"
# The login of GITHUB_TOKEN's bot. Installation tokens cannot call GET /user, so when that
# fails this is who we are.
DEFAULT_BOT_LOGIN = "github-actions[bot]"
MAX_WAIT = 300.0  # a rate limit asking for longer than this fails the run instead

T = TypeVar("T")


class ApiUrlError(ValueError):
    pass


class GitHubError(Exception):
    def __init__(self, what: str, status: int | None, message: str) -> None:
        self.what, self.status, self.message = what, status, message
        code = f"HTTP {status}" if status else "no response"
        super().__init__(f"{what}: {code}: {message}" if message else f"{what}: {code}")

    @property
    def forbidden(self) -> bool:
        """The token may not do this (a fork's read-only token, a missing permission)."""
        return self.status in (401, 403, 404)


@dataclass(frozen=True, slots=True)
class Comment:
    """An issue comment, review, or review comment: what the bot needs to know of it."""

    id: int
    body: str
    author: str
    path: str | None = None
    line: int | None = None


@dataclass(frozen=True, slots=True)
class PullFile:
    filename: str
    status: str
    patch: str | None
    changes: int


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_api_url(url: str) -> str:
    """The API base URL without a trailing slash, or ApiUrlError saying why not."""
    parts = urlsplit(url.strip())
    host = parts.hostname or ""
    if parts.scheme not in ("https", "http") or not host:
        raise ApiUrlError(f"GITHUB_API_URL must be an http(s) URL, got {url!r}")
    if parts.username or parts.password or parts.query or parts.fragment:
        raise ApiUrlError("GITHUB_API_URL must not carry credentials, a query or a fragment")
    if parts.scheme == "http" and not _is_loopback(host):
        raise ApiUrlError(f"refusing to send the token over plain http to {host}; use https")
    return url.strip().rstrip("/")


def _header(headers: dict | None, name: str) -> str | None:
    for k, v in (headers or {}).items():
        if k.lower() == name:
            return v
    return None


def retry_delay(
    status: int | None, message: str, headers: dict | None, attempt: int, backoff: float
) -> float | None:
    """Seconds to wait before trying again, or None when trying again cannot help."""
    after = _header(headers, "retry-after")
    if status is None or status >= 500:
        return backoff * 2**attempt
    rate_limited = status == 429 or (
        status == 403
        and (
            after is not None
            or "rate limit" in message.lower()
            or _header(headers, "x-ratelimit-remaining") == "0"
        )
    )
    if not rate_limited:
        return None
    if after is not None:
        try:
            wait = float(after)
        except ValueError:
            wait = 60.0
    elif _header(headers, "x-ratelimit-remaining") == "0" and _header(headers, "x-ratelimit-reset"):
        wait = float(_header(headers, "x-ratelimit-reset")) - time.time() + 1
    else:
        wait = 60.0  # GitHub: wait at least a minute on a secondary limit with no header
    wait = max(wait, 0.0)
    return wait if wait <= MAX_WAIT else None


class GitHubClient:
    def __init__(
        self,
        api_url: str,
        token: str,
        repo: str,
        *,
        attempts: int = 4,
        backoff: float = 1.0,
        sleep: Callable[[float], None] = time.sleep,
        timeout: int = 20,
    ) -> None:
        from github import Auth, Github  # heavy: imported only when the bot runs

        self.api_url = check_api_url(api_url)
        host = urlsplit(self.api_url).hostname or ""
        # GitHub asks bots to pace writes; a loopback API is a test double and needs no pacing.
        pace = not _is_loopback(host)
        self._gh = Github(
            base_url=self.api_url,
            auth=Auth.Token(token),
            retry=None,
            timeout=timeout,
            per_page=100,
            user_agent=f"awesome-lint/{__version__}",
            seconds_between_requests=0.25 if pace else None,
            seconds_between_writes=1.0 if pace else None,
            lazy=True,
        )
        self.repo_name = repo
        self.attempts = attempts
        self.backoff = backoff
        self.sleep = sleep
        self._repo = self._gh.get_repo(repo)  # lazy: no request until needed
        self._pulls: dict[int, Any] = {}
        self._objects: dict[tuple[str, int], Any] = {}  # PyGithub objects we may edit or delete

    # ------------------------------------------------------------------ retry machinery
    def _failure(self, exc: Exception) -> tuple[int | None, str, dict | None] | None:
        from github import GithubException
        from requests import RequestException

        if isinstance(exc, GithubException):
            data = exc.data if isinstance(exc.data, dict) else {}
            message = str(data.get("message") or "")
            errors = data.get("errors")
            if errors:
                message = f"{message} ({'; '.join(str(e) for e in errors)})"
            return exc.status, message, exc.headers
        if isinstance(exc, RequestException):
            return None, f"{type(exc).__name__}: {exc}", None
        return None

    def _call(self, what: str, fn: Callable[[], T]) -> T:
        """Run an idempotent request (a read, an edit, a delete), retrying what may pass."""
        for attempt in range(self.attempts):
            try:
                return fn()
            except AssertionError as exc:
                # PyGithub asserts that a URL it is handed (a pagination link) is on the
                # API host; it never sends the token elsewhere, and neither do we.
                raise GitHubError(what, None, f"the API pointed at another host ({exc})") from None
            except Exception as exc:
                failure = self._failure(exc)
                if failure is None:
                    raise
                status, message, headers = failure
                delay = retry_delay(status, message, headers, attempt, self.backoff)
                if delay is None or attempt == self.attempts - 1:
                    raise GitHubError(what, status, message) from None
                self.sleep(delay)
        raise AssertionError("unreachable")  # pragma: no cover

    def _create(self, what: str, create: Callable[[], T], find: Callable[[], T | None]) -> T:
        """Run a create. After a failure that may have created it, look before trying again."""
        for attempt in range(self.attempts):
            try:
                return create()
            except Exception as exc:
                failure = self._failure(exc)
                if failure is None:
                    raise
                status, message, headers = failure
                delay = retry_delay(status, message, headers, attempt, self.backoff)
                may_exist = status is None or status >= 500
                if delay is not None and attempt < self.attempts - 1:
                    self.sleep(delay)
                if may_exist:
                    found = self._call(f"{what} (checking for a duplicate)", find)
                    if found is not None:
                        return found
                if delay is None or attempt == self.attempts - 1:
                    raise GitHubError(what, status, message) from None
        raise AssertionError("unreachable")  # pragma: no cover

    # ------------------------------------------------------------------ reads
    def viewer_login(self) -> str:
        """Our login: GET /user for a personal token; GITHUB_TOKEN's bot otherwise."""
        try:
            return self._call("read the token's user", lambda: self._gh.get_user().login)
        except GitHubError as exc:
            if exc.forbidden:
                return DEFAULT_BOT_LOGIN
            raise

    def _pull(self, number: int) -> Any:
        if number not in self._pulls:
            self._pulls[number] = self._call(
                f"read pull request #{number} of {self.repo_name}",
                lambda: self._repo.get_pull(number),
            )
        return self._pulls[number]

    def pull_files(self, number: int) -> list[PullFile]:
        pull = self._pull(number)
        files = self._call(
            f"list the files of pull request #{number}", lambda: list(pull.get_files())
        )
        return [PullFile(f.filename, f.status, f.patch, f.changes or 0) for f in files]

    def _remember(self, kind: str, objs: Sequence[Any], path: bool = False) -> list[Comment]:
        out = []
        for o in objs:
            self._objects[(kind, o.id)] = o
            author = o.user.login if o.user else ""
            if path:
                out.append(Comment(o.id, o.body or "", author, o.path, o.line))
            else:
                out.append(Comment(o.id, o.body or "", author))
        return out

    def issue_comments(self, number: int) -> list[Comment]:
        pull = self._pull(number)
        objs = self._call(
            f"list the comments of pull request #{number}", lambda: list(pull.get_issue_comments())
        )
        return self._remember("issue", objs)

    def reviews(self, number: int) -> list[Comment]:
        pull = self._pull(number)
        objs = self._call(
            f"list the reviews of pull request #{number}", lambda: list(pull.get_reviews())
        )
        return self._remember("review", objs)

    def review_comments(self, number: int) -> list[Comment]:
        pull = self._pull(number)
        objs = self._call(
            f"list the review comments of pull request #{number}",
            lambda: list(pull.get_review_comments()),
        )
        return self._remember("review-comment", objs, path=True)

    # ------------------------------------------------------------------ writes
    def create_issue_comment(
        self, number: int, body: str, find: Callable[[list[Comment]], Comment | None]
    ) -> Comment:
        pull = self._pull(number)

        def create() -> Comment:
            return self._remember("issue", [pull.create_issue_comment(body)])[0]

        return self._create(
            f"comment on pull request #{number}", create, lambda: find(self.issue_comments(number))
        )

    def edit_issue_comment(self, comment_id: int, body: str) -> None:
        obj = self._objects[("issue", comment_id)]
        self._call(f"edit comment {comment_id}", lambda: obj.edit(body))

    def create_review(
        self,
        number: int,
        commit_sha: str,
        body: str,
        comments: list[dict],
        find: Callable[[list[Comment]], Comment | None],
    ) -> Comment:
        pull = self._pull(number)
        commit = self._repo.get_commit(commit_sha)  # lazy: no request, only the sha is sent

        def create() -> Comment:
            review = pull.create_review(
                commit=commit, body=body, event="COMMENT", comments=comments
            )
            return self._remember("review", [review])[0]

        return self._create(
            f"review pull request #{number}", create, lambda: find(self.reviews(number))
        )

    def delete_review_comment(self, comment_id: int) -> None:
        obj = self._objects[("review-comment", comment_id)]

        def delete() -> None:
            from github import GithubException

            try:
                obj.delete()
            except GithubException as exc:
                if exc.status != 404:  # gone already (an earlier attempt went through)
                    raise

        self._call(f"delete review comment {comment_id}", delete)
