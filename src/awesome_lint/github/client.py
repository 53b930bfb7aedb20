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
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar
from urllib.parse import urlsplit

from ..version import __version__

DEFAULT_API_URL = "https://api.github.com"
# GitHub lists at most this many files of a comparison, and of a pull request.
COMPARE_FILE_LIMIT = 300
PULL_FILE_LIMIT = 3000
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
    """An issue comment, review, review comment or issue: what the bot needs to know of it."""

    id: int
    body: str
    author: str
    path: str | None = None
    line: int | None = None
    author_type: str = "User"  # "Bot" for an App's bot (GITHUB_TOKEN's included)
    app_slug: str | None = None  # performed_via_github_app, where GitHub says it
    state: str | None = None  # issues: open or closed


@dataclass(frozen=True, slots=True)
class Identity:
    """Who the token writes as, learnt without relying on ``GET /user``.

    A personal token has a login (``GET /user`` answers). An installation token (GITHUB_TOKEN
    or a GitHub App's) writes as ``<app>[bot]`` and gets 403 from ``GET /user``; its login is
    known when the App's slug is given, otherwise any App's bot counts: a person can paste
    our marker, but cannot author a comment as a bot.
    """

    login: str | None
    installation: bool

    def owns(self, c: Comment) -> bool:
        if self.login is not None:
            return c.author == self.login
        if not self.installation or c.author_type != "Bot":
            return False
        return c.app_slug is None or c.author == f"{c.app_slug}[bot]"


def installation_token(token: str) -> bool:
    """GitHub's token prefixes: ``ghs_`` is an installation (server-to-server) token."""
    return token.startswith("ghs_")


@dataclass(frozen=True, slots=True)
class PullFile:
    filename: str
    status: str
    patch: str | None
    changes: int


def _pull_file(f: Any) -> PullFile:
    return PullFile(f.filename, f.status, f.patch, f.changes or 0)


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
        self.token_kind = "installation" if installation_token(token) else "personal"
        # lazy: no request until needed. PyGithub 2.6 does not pass Github(lazy=) on to
        # get_repo and needs the argument; later versions deprecate it.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            self._repo = self._gh.get_repo(repo, lazy=True)
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
    def identity(self, app_slug: str | None = None) -> Identity:
        """Who we write as. An installation token is never sent to ``GET /user`` (it gets 403);
        a personal token is, and a 403 there means an installation token after all."""
        if app_slug:
            return Identity(f"{app_slug.removesuffix('[bot]')}[bot]", True)
        if self.token_kind == "installation":
            return Identity(None, True)
        try:
            login = self._call("read the token's user", lambda: self._gh.get_user().login)
        except GitHubError as exc:
            if exc.status == 403:
                return Identity(None, True)
            raise
        return Identity(login, False)

    def _pull(self, number: int) -> Any:
        if number not in self._pulls:
            self._pulls[number] = self._call(
                f"read pull request #{number} of {self.repo_name}",
                lambda: self._repo.get_pull(number),
            )
        return self._pulls[number]

    def head_sha(self, number: int) -> str:
        """The pull request's head now (lazy PyGithub objects load on first attribute)."""
        pull = self._pull(number)
        return self._call(f"read pull request #{number} of {self.repo_name}", lambda: pull.head.sha)

    def changed_files(self, number: int) -> int:
        """How many files the pull request changes, as GitHub counts them."""
        pull = self._pull(number)
        return self._call(
            f"read pull request #{number} of {self.repo_name}",
            lambda: int(pull.changed_files or 0),
        )

    def pull_files(self, number: int) -> list[PullFile]:
        """At most PULL_FILE_LIMIT files: GitHub lists no more."""
        pull = self._pull(number)
        files = self._call(
            f"list the files of pull request #{number}", lambda: list(pull.get_files())
        )
        return [_pull_file(f) for f in files]

    def compare(self, base: str, head: str) -> list[PullFile]:
        """The files changed from ``base`` to ``head`` (three dots: since their merge base);
        at most COMPARE_FILE_LIMIT of them."""

        def read() -> list[PullFile]:
            return [_pull_file(f) for f in self._repo.compare(base, head).files]

        return self._call(f"compare {base[:7]}...{head[:7]}", read)

    def file_text(self, path: str, ref: str) -> str:
        """A file's text at ``ref``, read through the API (no checkout of untrusted code)."""

        def read() -> str:
            return self._repo.get_contents(path, ref=ref).decoded_content.decode("utf-8")

        return self._call(f"read {path} at {ref[:7]}", read)

    def _remember(self, kind: str, objs: Sequence[Any], path: bool = False) -> list[Comment]:
        out = []
        for o in objs:
            self._objects[(kind, o.number if kind == "issue-thread" else o.id)] = o
            author = o.user.login if o.user else ""
            author_type = (o.user.type if o.user else None) or "User"
            app = (
                getattr(o, "performed_via_github_app", None)
                if kind in ("issue", "issue-thread")
                else None
            )
            extra = {
                "author_type": author_type,
                "app_slug": app.slug if app is not None else None,
            }
            if path:
                out.append(Comment(o.id, o.body or "", author, o.path, o.line, **extra))
            elif kind == "issue-thread":
                out.append(Comment(o.number, o.body or "", author, state=o.state, **extra))
            else:
                out.append(Comment(o.id, o.body or "", author, **extra))
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

    # ------------------------------------------------------------------ issues
    def issues_labelled(self, label: str) -> list[Comment]:
        """Issues (open and closed, pull requests left out) with ``label``; ``id`` is the
        issue's number."""

        def read() -> list[Any]:
            found = self._repo.get_issues(state="all", labels=[label])
            # A pull request is an issue too; its html_url says so (asking pull_request of an
            # issue whose JSON lacks the key would make PyGithub fetch the issue again).
            return [i for i in found if "/pull/" not in (i.html_url or "")]

        return self._remember("issue-thread", self._call(f"list issues labelled {label}", read))

    def issue(self, number: int) -> Comment | None:
        """One issue by number; None when it is gone (deleted, transferred) or is a pull
        request."""

        def read() -> Any:
            from github import GithubException

            try:
                found = self._repo.get_issue(number)
                return found if "/pull/" not in (found.html_url or "") else None
            except GithubException as exc:
                if exc.status in (404, 410):
                    return None
                raise

        found = self._call(f"read issue #{number}", read)
        return self._remember("issue-thread", [found])[0] if found is not None else None

    def create_issue(
        self, title: str, body: str, labels: list[str], find: Callable[[], Comment | None]
    ) -> Comment:
        def create() -> Comment:
            issue = self._repo.create_issue(title=title, body=body, labels=labels)
            return self._remember("issue-thread", [issue])[0]

        return self._create(f"open issue {title!r}", create, find)

    def edit_issue(self, number: int, body: str, state: str | None = None) -> None:
        obj = self._objects[("issue-thread", number)]
        changes: dict[str, str] = {"body": body}
        if state is not None:
            changes["state"] = state
        self._call(f"edit issue #{number}", lambda: obj.edit(**changes))

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
