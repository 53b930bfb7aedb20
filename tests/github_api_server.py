"""A fake GitHub REST API on 127.0.0.1 for tests: stateful, recording, failure-injecting.

It serves what PyGithub calls for a pull-request bot (user, repo, pull request, its files
with patches, issue comments, reviews, review comments) with the JSON shapes GitHub returns,
paginated with ``Link`` headers. Every request is recorded (method, path, query, JSON body,
headers) so tests can assert exactly what a run did. Failures can be injected: a 403 for a
read-only (fork) token, 404, a 502 *after* the write happened (a blind retry would
duplicate), and secondary rate limits (403 with ``retry-after``, or 429).

It validates what GitHub validates for review comments (the path is in the PR, the line is
inside a hunk on the side given, a multi-line range stays in one hunk), so a bot that
comments where GitHub would refuse fails here too.
"""

from __future__ import annotations

import itertools
import json
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

DOCS = "https://docs.github.com/rest"
NOT_ACCESSIBLE = "Resource not accessible by integration"
SECONDARY_LIMIT = (
    "You have exceeded a secondary rate limit. Please wait a few minutes before you try again."
)


@dataclass
class Recorded:
    method: str
    path: str  # without the API prefix and the query
    query: dict[str, list[str]]
    body: Any
    headers: dict[str, str]
    status: int = 0


@dataclass
class Failure:
    method: str
    pattern: re.Pattern
    status: int
    times: int
    headers: dict[str, str]
    body: dict | None
    perform: bool  # carry the request out, then answer with the failure


@dataclass
class Token:
    login: str
    type: str = "Bot"  # "Bot" for an installation token (GITHUB_TOKEN), "User" for a PAT
    write: bool = True
    read: bool = True

    @property
    def app_slug(self) -> str | None:
        """An installation token acts for a GitHub App: ``<slug>[bot]`` is the App's bot."""
        return self.login.removesuffix("[bot]") if self.type == "Bot" else None


@dataclass
class Pull:
    number: int
    head_sha: str
    base_sha: str
    files: list[dict]
    title: str = "Add a paper"
    author: str = "contributor"
    commits: list[str] = field(default_factory=list)


def _hunks(patch: str | None) -> list[tuple[set[int], set[int]]]:
    """Per hunk: (right-side lines shown, left-side lines shown)."""
    out: list[tuple[set[int], set[int]]] = []
    if not patch:
        return out
    right = left = 0
    lines = patch.split("\n")
    if lines[-1] == "":
        lines.pop()
    for raw in lines:
        m = re.match(r"@@ -(\d+)(?:,\d+)? \+(\d+)(?:,\d+)? @@", raw)
        if m:
            left, right = int(m.group(1)), int(m.group(2))
            out.append((set(), set()))
        elif not out or raw.startswith("\\"):
            continue
        elif raw.startswith("+"):
            out[-1][0].add(right)
            right += 1
        elif raw.startswith("-"):
            out[-1][1].add(left)
            left += 1
        else:
            out[-1][0].add(right)
            out[-1][1].add(left)
            right += 1
            left += 1
    return out


class FakeGitHub:
    def __init__(self, prefix: str = "") -> None:
        self.prefix = prefix.rstrip("/")
        self.lock = threading.RLock()
        self.requests: list[Recorded] = []
        self.tokens: dict[str, Token] = {}
        self.repos: dict[str, dict] = {}
        self.pulls: dict[tuple[str, int], Pull] = {}
        self.issue_comments: dict[int, dict] = {}
        self.reviews: dict[int, dict] = {}
        self.review_comments: dict[int, dict] = {}
        self.failures: list[Failure] = []
        # (repo, base, head) -> changed files, as "compare two commits" lists them
        self.comparisons: dict[tuple[str, str, str], list[dict]] = {}
        # (repo, ref, path) -> file text, for "get repository content"
        self.contents: dict[tuple[str, str, str], str] = {}
        self.issues: dict[int, dict] = {}
        self.labels: dict[str, set[str]] = {}
        # GitHub silently drops the labels of a new issue when the token may not set them
        self.drop_labels = False
        # Core API requests left in this hour, per token (None: anonymous); see /rate_limit.
        self.rate_remaining: dict[str | None, int] = {None: 60}
        self._ids = itertools.count(1001)
        self._clock = itertools.count(0)
        self.server: ThreadingHTTPServer | None = None

    # ------------------------------------------------------------------ lifecycle
    def start(self) -> FakeGitHub:
        fake = self

        class Handler(_Handler):
            github = fake

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True).start()
        return self

    def stop(self) -> None:
        if self.server:
            self.server.shutdown()
            self.server.server_close()

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}{self.prefix}"

    # ------------------------------------------------------------------ set-up
    def add_token(self, token: str, login: str, **kw: Any) -> None:
        self.tokens[token] = Token(login, **kw)

    def add_repo(self, full_name: str, private: bool = False, archived: bool = False) -> None:
        owner = full_name.split("/")[0]
        self.repos[full_name] = {
            "full_name": full_name,
            "private": private,
            "owner": owner,
            "archived": archived,
        }

    def add_pull(
        self, repo: str, number: int, head_sha: str, base_sha: str, files: list[dict]
    ) -> Pull:
        """``files``: dicts with ``filename`` and ``patch`` (None: GitHub omitted it) and
        optionally ``status``, ``additions``, ``deletions``."""
        if repo not in self.repos:
            self.add_repo(repo)
        pull = Pull(number, head_sha, base_sha, files, commits=[head_sha])
        self.pulls[(repo, number)] = pull
        self.comparisons[(repo, base_sha, head_sha)] = files
        return pull

    def push(self, repo: str, number: int, head_sha: str, files: list[dict]) -> None:
        """A new head: comments on lines no longer in a hunk become outdated (line null)."""
        with self.lock:
            pull = self.pulls[(repo, number)]
            pull.head_sha, pull.files = head_sha, files
            pull.commits.append(head_sha)
            self.comparisons[(repo, pull.base_sha, head_sha)] = files
            for c in self.review_comments.values():
                if c["_repo"] == repo and c["_pull"] == number and c["line"] is not None:
                    if not self._line_in_hunk(pull, c["path"], c["line"], "RIGHT"):
                        c["line"] = c["position"] = c["start_line"] = None

    def add_comparison(self, repo: str, base: str, head: str, files: list[dict]) -> None:
        """``files`` as for ``add_pull``; GitHub lists at most 300 of them."""
        if repo not in self.repos:
            self.add_repo(repo)
        self.comparisons[(repo, base, head)] = files

    def add_content(self, repo: str, ref: str, path: str, text: str) -> None:
        self.contents[(repo, ref, path)] = text

    def seed_issue_comment(
        self, repo: str, number: int, body: str, login: str, type: str = "User"
    ) -> dict:
        with self.lock:
            return self._new_issue_comment(repo, number, body, {"login": login, "type": type})

    def issues_in(self, repo: str) -> list[dict]:
        return sorted(
            (i for i in self.issues.values() if i["_repo"] == repo), key=lambda i: i["number"]
        )

    def fail(
        self,
        method: str,
        path_regex: str,
        status: int,
        *,
        times: int = 1,
        headers: dict[str, str] | None = None,
        message: str | None = None,
        perform: bool = False,
    ) -> None:
        body = None if status >= 500 else {"message": message or "Error", "documentation_url": DOCS}
        self.failures.append(
            Failure(method, re.compile(path_regex), status, times, headers or {}, body, perform)
        )

    # ------------------------------------------------------------------ queries
    def calls(self, method: str | None = None, path: str | None = None) -> list[Recorded]:
        """Recorded requests, filtered by method and by a regex searched in the path."""
        with self.lock:
            return [
                r
                for r in self.requests
                if (method is None or r.method == method)
                and (path is None or re.search(path, r.path))
            ]

    def writes(self) -> list[Recorded]:
        return [r for r in self.calls() if r.method != "GET"]

    def comments_on(self, repo: str, number: int) -> list[dict]:
        return [
            c for c in self.issue_comments.values() if c["_repo"] == repo and c["_pull"] == number
        ]

    def review_comments_on(self, repo: str, number: int) -> list[dict]:
        return [
            c for c in self.review_comments.values() if c["_repo"] == repo and c["_pull"] == number
        ]

    def reviews_on(self, repo: str, number: int) -> list[dict]:
        return [r for r in self.reviews.values() if r["_repo"] == repo and r["_pull"] == number]

    # ------------------------------------------------------------------ JSON shapes
    def _api(self, path: str) -> str:
        return f"{self.url}{path}"

    def _html(self, path: str) -> str:
        return f"https://github.com{path}"

    def _time(self) -> str:
        t = next(self._clock)
        return f"2024-05-01T{t // 3600 % 24:02d}:{t // 60 % 60:02d}:{t % 60:02d}Z"

    def user_json(self, login: str, type: str = "User") -> dict:
        uid = abs(hash(login)) % 10_000_000
        return {
            "login": login,
            "id": uid,
            "node_id": f"MDQ6VXNlcj{uid}",
            "avatar_url": f"https://avatars.githubusercontent.com/u/{uid}?v=4",
            "gravatar_id": "",
            "url": self._api(f"/users/{login}"),
            "html_url": self._html(
                f"/{login}" if type == "User" else f"/apps/{login.removesuffix('[bot]')}"
            ),
            "type": type,
            "site_admin": False,
        }

    def app_json(self, user: dict) -> dict | None:
        """What GitHub puts in ``performed_via_github_app``: the App behind a bot's write."""
        if user["type"] != "Bot":
            return None
        slug = user["login"].removesuffix("[bot]")
        return {
            "id": abs(hash(slug)) % 1_000_000,
            "slug": slug,
            "node_id": f"A_kwDO{slug}",
            "name": slug,
            "owner": self.user_json("lists"),
            "html_url": self._html(f"/apps/{slug}"),
            "external_url": self._html(f"/apps/{slug}"),
            "description": "",
            "created_at": "2024-01-01T00:00:00Z",
            "updated_at": "2024-01-01T00:00:00Z",
            "permissions": {"issues": "write", "pull_requests": "write"},
            "events": [],
        }

    def repo_json(self, full_name: str) -> dict:
        repo = self.repos[full_name]
        return {
            "id": abs(hash(full_name)) % 10_000_000,
            "node_id": "R_kgDO",
            "name": full_name.split("/")[1],
            "full_name": full_name,
            "private": repo["private"],
            "owner": self.user_json(repo["owner"]),
            "html_url": self._html(f"/{full_name}"),
            "description": "An awesome list",
            "fork": False,
            "url": self._api(f"/repos/{full_name}"),
            "pulls_url": self._api(f"/repos/{full_name}/pulls{{/number}}"),
            "issues_url": self._api(f"/repos/{full_name}/issues{{/number}}"),
            "default_branch": "main",
            "visibility": "private" if repo["private"] else "public",
            "archived": repo.get("archived", False),
        }

    def pull_json(self, repo: str, pull: Pull) -> dict:
        base = f"/repos/{repo}"
        n = pull.number
        return {
            "url": self._api(f"{base}/pulls/{n}"),
            "id": 5_000_000 + n,
            "node_id": "PR_kwDO",
            "html_url": self._html(f"/{repo}/pull/{n}"),
            "diff_url": self._html(f"/{repo}/pull/{n}.diff"),
            "patch_url": self._html(f"/{repo}/pull/{n}.patch"),
            "issue_url": self._api(f"{base}/issues/{n}"),
            "commits_url": self._api(f"{base}/pulls/{n}/commits"),
            "review_comments_url": self._api(f"{base}/pulls/{n}/comments"),
            "review_comment_url": self._api(f"{base}/pulls/comments{{/number}}"),
            "comments_url": self._api(f"{base}/issues/{n}/comments"),
            "statuses_url": self._api(f"{base}/statuses/{pull.head_sha}"),
            "number": n,
            "state": "open",
            "locked": False,
            "title": pull.title,
            "user": self.user_json(pull.author),
            "body": "",
            "created_at": "2024-05-01T00:00:00Z",
            "updated_at": "2024-05-01T00:00:00Z",
            "head": {
                "label": f"{pull.author}:patch-1",
                "ref": "patch-1",
                "sha": pull.head_sha,
                "user": self.user_json(pull.author),
                "repo": None,
            },
            "base": {
                "label": f"{repo.split('/')[0]}:main",
                "ref": "main",
                "sha": pull.base_sha,
                "user": self.user_json(repo.split("/")[0]),
                "repo": self.repo_json(repo),
            },
            "author_association": "CONTRIBUTOR",
            "draft": False,
            "merged": False,
            "mergeable": None,
            "comments": len(self.comments_on(repo, n)),
            "review_comments": len(self.review_comments_on(repo, n)),
            "commits": len(pull.commits),
            "additions": sum(f.get("additions", 0) for f in pull.files),
            "deletions": sum(f.get("deletions", 0) for f in pull.files),
            "changed_files": len(pull.files),
        }

    def file_json(self, repo: str, pull: Pull, f: dict) -> dict:
        patch = f.get("patch")
        adds = f.get("additions", sum(1 for ln in (patch or "").split("\n") if ln.startswith("+")))
        dels = f.get("deletions", sum(1 for ln in (patch or "").split("\n") if ln.startswith("-")))
        out = {
            "sha": f.get("sha", "b" * 40),
            "filename": f["filename"],
            "status": f.get("status", "modified"),
            "additions": adds,
            "deletions": dels,
            "changes": adds + dels,
            "blob_url": self._html(f"/{repo}/blob/{pull.head_sha}/{f['filename']}"),
            "raw_url": self._html(f"/{repo}/raw/{pull.head_sha}/{f['filename']}"),
            "contents_url": self._api(
                f"/repos/{repo}/contents/{f['filename']}?ref={pull.head_sha}"
            ),
        }
        if patch is not None:  # GitHub leaves the key out when it omits the patch
            out["patch"] = patch
        return out

    def _public(self, obj: dict) -> dict:
        return {k: v for k, v in obj.items() if not k.startswith("_")}

    def _new_issue_comment(self, repo: str, n: int, body: str, user: dict) -> dict:
        cid = next(self._ids)
        now = self._time()
        c = {
            "id": cid,
            "node_id": f"IC_kwDO{cid}",
            "url": self._api(f"/repos/{repo}/issues/comments/{cid}"),
            "html_url": self._html(f"/{repo}/pull/{n}#issuecomment-{cid}"),
            "body": body,
            "user": self.user_json(user["login"], user["type"]),
            "created_at": now,
            "updated_at": now,
            "issue_url": self._api(f"/repos/{repo}/issues/{n}"),
            "author_association": "NONE" if user["type"] == "Bot" else "CONTRIBUTOR",
            "performed_via_github_app": self.app_json(user),
            "_repo": repo,
            "_pull": n,
        }
        self.issue_comments[cid] = c
        return c

    def _line_in_hunk(self, pull: Pull, path: str, line: int, side: str) -> bool:
        return self._hunk_index(pull, path, line, side) is not None

    def _hunk_index(self, pull: Pull, path: str, line: int, side: str) -> int | None:
        f = next((f for f in pull.files if f["filename"] == path), None)
        if f is None:
            return None
        for i, (right, left) in enumerate(_hunks(f.get("patch"))):
            if line in (right if side == "RIGHT" else left):
                return i
        return None

    # ------------------------------------------------------------------ routing
    def routes(self) -> list[tuple[str, re.Pattern, Callable]]:
        R = r"/repos/(?P<repo>[^/]+/[^/]+)"
        table = [
            ("GET", r"/user", self.h_user),
            ("GET", r"/rate_limit", self.h_rate_limit),
            ("GET", rf"{R}", self.h_repo),
            ("GET", rf"{R}/commits/(?P<sha>[0-9a-f]{{7,40}})", self.h_commit),
            (
                "GET",
                rf"{R}/compare/(?P<base>[^/]+?)\.\.\.(?P<head>[^/]+)",
                self.h_compare,
            ),
            ("GET", rf"{R}/contents/(?P<path>.+)", self.h_contents),
            ("GET", rf"{R}/issues", self.h_issues),
            ("POST", rf"{R}/issues", self.h_create_issue),
            ("GET", rf"{R}/issues/(?P<n>\d+)", self.h_issue),
            ("PATCH", rf"{R}/issues/(?P<n>\d+)", self.h_edit_issue),
            ("GET", rf"{R}/pulls/(?P<n>\d+)", self.h_pull),
            ("GET", rf"{R}/pulls/(?P<n>\d+)/files", self.h_files),
            ("GET", rf"{R}/issues/(?P<n>\d+)/comments", self.h_issue_comments),
            ("POST", rf"{R}/issues/(?P<n>\d+)/comments", self.h_create_issue_comment),
            ("GET", rf"{R}/issues/comments/(?P<id>\d+)", self.h_issue_comment),
            ("PATCH", rf"{R}/issues/comments/(?P<id>\d+)", self.h_edit_issue_comment),
            ("DELETE", rf"{R}/issues/comments/(?P<id>\d+)", self.h_delete_issue_comment),
            ("GET", rf"{R}/pulls/(?P<n>\d+)/reviews", self.h_reviews),
            ("POST", rf"{R}/pulls/(?P<n>\d+)/reviews", self.h_create_review),
            ("GET", rf"{R}/pulls/(?P<n>\d+)/reviews/(?P<id>\d+)", self.h_review),
            ("GET", rf"{R}/pulls/(?P<n>\d+)/comments", self.h_review_comments),
            ("GET", rf"{R}/pulls/comments/(?P<id>\d+)", self.h_review_comment),
            ("DELETE", rf"{R}/pulls/comments/(?P<id>\d+)", self.h_delete_review_comment),
        ]
        return [(m, re.compile(p + r"\Z"), h) for m, p, h in table]

    def dispatch(
        self, method: str, path: str, query: dict, body: Any, headers: dict
    ) -> tuple[int, dict, Any]:
        with self.lock:
            rec = Recorded(method, path, query, body, headers)
            self.requests.append(rec)
            status, extra, payload = self._dispatch(rec)
            rec.status = status
            return status, extra, payload

    def _dispatch(self, rec: Recorded) -> tuple[int, dict, Any]:
        auth = rec.headers.get("authorization", "")
        token = None
        if auth:
            token = self.tokens.get(auth.split(" ", 1)[-1])
            if token is None:
                return 401, {}, {"message": "Bad credentials", "documentation_url": DOCS}
        for method, pattern, handler in self.routes():
            m = pattern.match(rec.path)
            if not m or method != rec.method:
                continue
            args = m.groupdict()
            if rec.path != "/rate_limit":
                key = auth.split(" ", 1)[-1] if auth else None
                left = self.rate_remaining.get(key, 5000)
                if left <= 0:
                    return (
                        403,
                        {"X-RateLimit-Remaining": "0", "X-RateLimit-Reset": "4102444800"},
                        {"message": "API rate limit exceeded", "documentation_url": DOCS},
                    )
                self.rate_remaining[key] = left - 1
            repo = args.get("repo")
            if repo is not None:
                private = self.repos.get(repo, {}).get("private")
                if (
                    repo not in self.repos
                    or (token is None and private)
                    or (token and not token.read)
                ):
                    return 404, {}, {"message": "Not Found", "documentation_url": DOCS}
                if rec.method != "GET":
                    if token is None:
                        return (
                            401,
                            {},
                            {"message": "Requires authentication", "documentation_url": DOCS},
                        )
                    if not token.write:
                        return 403, {}, {"message": NOT_ACCESSIBLE, "documentation_url": DOCS}
            failure = next(
                (
                    f
                    for f in self.failures
                    if f.times > 0 and f.method == rec.method and f.pattern.search(rec.path)
                ),
                None,
            )
            if failure is not None:
                failure.times -= 1
                if failure.perform:
                    handler(rec, token, **args)
                return failure.status, failure.headers, failure.body
            return handler(rec, token, **args)
        return 404, {}, {"message": "Not Found", "documentation_url": DOCS}

    # ------------------------------------------------------------------ helpers for handlers
    def _pull(self, repo: str, n: str) -> Pull | None:
        return self.pulls.get((repo, int(n)))

    def _page(self, rec: Recorded, items: list, cap: int | None = None) -> tuple[int, dict, Any]:
        per_page = min(int(rec.query.get("per_page", ["30"])[0]), 100)
        page = max(int(rec.query.get("page", ["1"])[0]), 1)
        if cap is not None:
            items = items[:cap]
        last = max(1, -(-len(items) // per_page))
        chunk = items[(page - 1) * per_page : page * per_page]
        links = []

        def link(p: int, rel: str) -> str:
            q = {k: v[0] for k, v in rec.query.items()}
            q.update(per_page=per_page, page=p)
            return f'<{self.url}{rec.path}?{urlencode(q)}>; rel="{rel}"'

        if page > 1:
            links += [link(page - 1, "prev"), link(1, "first")]
        if page < last:
            links += [link(page + 1, "next"), link(last, "last")]
        return 200, ({"Link": ", ".join(links)} if links else {}), chunk

    def _not_found(self) -> tuple[int, dict, Any]:
        return 404, {}, {"message": "Not Found", "documentation_url": DOCS}

    def _unprocessable(self, *errors: Any) -> tuple[int, dict, Any]:
        return (
            422,
            {},
            {
                "message": "Unprocessable Entity",
                "errors": list(errors),
                "documentation_url": DOCS,
                "status": "422",
            },
        )

    # ------------------------------------------------------------------ handlers
    def h_user(self, rec, token):
        if token is None:
            return 401, {}, {"message": "Requires authentication", "documentation_url": DOCS}
        if token.type == "Bot":  # an installation token has no /user
            return 403, {}, {"message": NOT_ACCESSIBLE, "documentation_url": DOCS}
        return 200, {}, self.user_json(token.login, token.type)

    def h_rate_limit(self, rec, token):
        auth = rec.headers.get("authorization", "")
        left = self.rate_remaining.get(auth.split(" ", 1)[-1] if auth else None, 5000)
        core = {
            "limit": 60 if not auth else 5000,
            "remaining": left,
            "reset": 4102444800,
            "used": 0,
            "resource": "core",
        }
        return (
            200,
            {},
            {"resources": {"core": core, "search": dict(core, resource="search")}, "rate": core},
        )

    def h_repo(self, rec, token, repo):
        return 200, {}, self.repo_json(repo)

    def h_commit(self, rec, token, repo, sha):
        known = {
            c for (r, _), p in self.pulls.items() if r == repo for c in (*p.commits, p.base_sha)
        }
        full = next((c for c in known if c.startswith(sha)), None)
        if full is None:
            return (
                422,
                {},
                {"message": f"No commit found for SHA: {sha}", "documentation_url": DOCS},
            )
        person = {"name": "Contributor", "email": "c@example.org", "date": "2024-05-01T00:00:00Z"}
        return (
            200,
            {},
            {
                "sha": full,
                "node_id": f"C_kwDO{full[:8]}",
                "commit": {
                    "author": person,
                    "committer": person,
                    "message": "Add a paper",
                    "tree": {
                        "sha": "c" * 40,
                        "url": self._api(f"/repos/{repo}/git/trees/{'c' * 40}"),
                    },
                    "url": self._api(f"/repos/{repo}/git/commits/{full}"),
                    "comment_count": 0,
                },
                "url": self._api(f"/repos/{repo}/commits/{full}"),
                "html_url": self._html(f"/{repo}/commit/{full}"),
                "comments_url": self._api(f"/repos/{repo}/commits/{full}/comments"),
                "author": self.user_json("contributor"),
                "committer": self.user_json("contributor"),
                "parents": [],
            },
        )

    def h_compare(self, rec, token, repo, base, head):
        files = next(
            (
                f
                for (r, b, h), f in self.comparisons.items()
                if r == repo and b.startswith(base) and h.startswith(head)
            ),
            None,
        )
        if files is None:
            return self._not_found()
        fake = Pull(0, head, base, files)
        commit = {"sha": base, "url": self._api(f"/repos/{repo}/commits/{base}")}
        return (
            200,
            {},
            {
                "url": self._api(f"/repos/{repo}/compare/{base}...{head}"),
                "html_url": self._html(f"/{repo}/compare/{base}...{head}"),
                "permalink_url": self._html(f"/{repo}/compare/{base}...{head}"),
                "diff_url": self._html(f"/{repo}/compare/{base}...{head}.diff"),
                "patch_url": self._html(f"/{repo}/compare/{base}...{head}.patch"),
                "base_commit": commit,
                "merge_base_commit": commit,
                "status": "ahead",
                "ahead_by": 1,
                "behind_by": 0,
                "total_commits": 1,
                "commits": [],
                # GitHub lists at most 300 files of a comparison, on the first page only
                "files": [self.file_json(repo, fake, f) for f in files[:300]],
            },
        )

    def h_contents(self, rec, token, repo, path):
        import base64

        ref = rec.query.get("ref", ["main"])[0]
        text = self.contents.get((repo, ref, path))
        if text is None:
            return self._not_found()
        raw = text.encode("utf-8")
        return (
            200,
            {},
            {
                "type": "file",
                "encoding": "base64",
                "size": len(raw),
                "name": path.rsplit("/", 1)[-1],
                "path": path,
                "content": base64.encodebytes(raw).decode("ascii"),
                "sha": "d" * 40,
                "url": self._api(f"/repos/{repo}/contents/{path}?ref={ref}"),
                "git_url": self._api(f"/repos/{repo}/git/blobs/{'d' * 40}"),
                "html_url": self._html(f"/{repo}/blob/{ref}/{path}"),
                "download_url": f"https://raw.githubusercontent.com/{repo}/{ref}/{path}",
                "_links": {},
            },
        )

    def issue_json(self, issue: dict) -> dict:
        return self._public(issue)

    def h_issues(self, rec, token, repo):
        state = rec.query.get("state", ["open"])[0]
        labels = {x for x in rec.query.get("labels", [""])[0].split(",") if x}
        creator = rec.query.get("creator", [None])[0]
        items = [
            self.issue_json(i)
            for i in sorted(self.issues_in(repo), key=lambda i: -i["number"])
            if (state == "all" or i["state"] == state)
            and labels <= {lb["name"] for lb in i["labels"]}
            and (creator is None or i["user"]["login"] == creator)
        ]
        return self._page(rec, items)

    def h_create_issue(self, rec, token, repo):
        data = rec.body or {}
        if not isinstance(data.get("title"), str) or not data["title"]:
            return self._unprocessable(
                {"resource": "Issue", "code": "missing_field", "field": "title"}
            )
        if len(data.get("body") or "") > 65536:
            return self._unprocessable("body is too long (maximum is 65536 characters)")
        n = 100 + len(self.issues_in(repo)) + len([k for k in self.pulls if k[0] == repo])
        iid = next(self._ids)
        user = {"login": token.login, "type": token.type}
        now = self._time()
        base = f"/repos/{repo}/issues/{n}"
        labels = [] if self.drop_labels else list(data.get("labels") or [])
        self.labels.setdefault(repo, set()).update(labels)
        issue = {
            "id": iid,
            "node_id": f"I_kwDO{iid}",
            "url": self._api(base),
            "repository_url": self._api(f"/repos/{repo}"),
            "labels_url": self._api(f"{base}/labels{{/name}}"),
            "comments_url": self._api(f"{base}/comments"),
            "events_url": self._api(f"{base}/events"),
            "html_url": self._html(f"/{repo}/issues/{n}"),
            "number": n,
            "state": "open",
            "state_reason": None,
            "title": data["title"],
            "body": data.get("body") or "",
            "user": self.user_json(token.login, token.type),
            "labels": [{"id": 1, "name": x, "color": "ededed", "default": False} for x in labels],
            "assignee": None,
            "assignees": [],
            "locked": False,
            "comments": 0,
            "created_at": now,
            "updated_at": now,
            "closed_at": None,
            "author_association": "NONE",
            "performed_via_github_app": self.app_json(user),
            "_repo": repo,
        }
        self.issues[iid] = issue
        return 201, {"Location": issue["url"]}, self.issue_json(issue)

    def _issue(self, repo: str, n: str) -> dict | None:
        return next((i for i in self.issues_in(repo) if i["number"] == int(n)), None)

    def h_issue(self, rec, token, repo, n):
        issue = self._issue(repo, n)
        return (200, {}, self.issue_json(issue)) if issue else self._not_found()

    def h_edit_issue(self, rec, token, repo, n):
        issue = self._issue(repo, n)
        if issue is None:
            return self._not_found()
        data = rec.body or {}
        if "body" in data:
            if len(data["body"] or "") > 65536:
                return self._unprocessable("body is too long (maximum is 65536 characters)")
            issue["body"] = data["body"]
        if "title" in data:
            issue["title"] = data["title"]
        if data.get("state") in ("open", "closed"):
            issue["state"] = data["state"]
            issue["closed_at"] = self._time() if data["state"] == "closed" else None
            issue["state_reason"] = data.get("state_reason") or (
                "completed" if data["state"] == "closed" else "reopened"
            )
        issue["updated_at"] = self._time()
        return 200, {}, self.issue_json(issue)

    def h_pull(self, rec, token, repo, n):
        pull = self._pull(repo, n)
        return (200, {}, self.pull_json(repo, pull)) if pull else self._not_found()

    def h_files(self, rec, token, repo, n):
        pull = self._pull(repo, n)
        if not pull:
            return self._not_found()
        return self._page(rec, [self.file_json(repo, pull, f) for f in pull.files], cap=3000)

    def h_issue_comments(self, rec, token, repo, n):
        if not self._pull(repo, n):
            return self._not_found()
        items = sorted(self.comments_on(repo, int(n)), key=lambda c: c["id"])
        return self._page(rec, [self._public(c) for c in items])

    def h_create_issue_comment(self, rec, token, repo, n):
        if not self._pull(repo, n):
            return self._not_found()
        body = (rec.body or {}).get("body")
        if not isinstance(body, str) or not body:
            return self._unprocessable(
                {"resource": "IssueComment", "code": "missing_field", "field": "body"}
            )
        if len(body) > 65536:
            return self._unprocessable(
                {
                    "resource": "IssueComment",
                    "code": "custom",
                    "field": "body",
                    "message": "body is too long (maximum is 65536 characters)",
                }
            )
        c = self._new_issue_comment(repo, int(n), body, {"login": token.login, "type": token.type})
        return 201, {"Location": c["url"]}, self._public(c)

    def h_issue_comment(self, rec, token, repo, id):
        c = self.issue_comments.get(int(id))
        return (200, {}, self._public(c)) if c and c["_repo"] == repo else self._not_found()

    def h_edit_issue_comment(self, rec, token, repo, id):
        c = self.issue_comments.get(int(id))
        if not c or c["_repo"] != repo:
            return self._not_found()
        if c["user"]["login"] != token.login:
            return 403, {}, {"message": NOT_ACCESSIBLE, "documentation_url": DOCS}
        body = (rec.body or {}).get("body")
        if not isinstance(body, str) or not body:
            return self._unprocessable(
                {"resource": "IssueComment", "code": "missing_field", "field": "body"}
            )
        if len(body) > 65536:
            return self._unprocessable(
                {"resource": "IssueComment", "code": "custom", "field": "body"}
            )
        c["body"] = body
        c["updated_at"] = self._time()
        return 200, {}, self._public(c)

    def h_delete_issue_comment(self, rec, token, repo, id):
        c = self.issue_comments.get(int(id))
        if not c or c["_repo"] != repo:
            return self._not_found()
        del self.issue_comments[int(id)]
        return 204, {}, None

    def _review_json(self, r: dict) -> dict:
        return self._public(r)

    def h_reviews(self, rec, token, repo, n):
        if not self._pull(repo, n):
            return self._not_found()
        items = sorted(self.reviews_on(repo, int(n)), key=lambda r: r["id"])
        return self._page(rec, [self._review_json(r) for r in items])

    def h_review(self, rec, token, repo, n, id):
        r = self.reviews.get(int(id))
        return (200, {}, self._review_json(r)) if r and r["_repo"] == repo else self._not_found()

    def h_create_review(self, rec, token, repo, n):
        pull = self._pull(repo, n)
        if not pull:
            return self._not_found()
        data = rec.body or {}
        event = data.get("event")
        body = data.get("body") or ""
        if event not in (None, "APPROVE", "REQUEST_CHANGES", "COMMENT"):
            return self._unprocessable(f"Unexpected event: {event}")
        if event in ("REQUEST_CHANGES", "COMMENT") and not body and not data.get("comments"):
            return self._unprocessable("Body is required for this event")
        if len(body) > 65536:
            return self._unprocessable("Body is too long (maximum is 65536 characters)")
        commit = data.get("commit_id") or pull.head_sha
        if commit not in pull.commits:
            return self._unprocessable("commit_id is not part of the pull request")
        comments = data.get("comments") or []
        for c in comments:
            problem = self._check_review_comment(pull, c)
            if problem:
                return self._unprocessable(problem)
        rid = next(self._ids)
        user = self.user_json(token.login, token.type)
        review = {
            "id": rid,
            "node_id": f"PRR_kwDO{rid}",
            "user": user,
            "body": body,
            "state": {
                None: "PENDING",
                "APPROVE": "APPROVED",
                "REQUEST_CHANGES": "CHANGES_REQUESTED",
                "COMMENT": "COMMENTED",
            }[event],
            "html_url": self._html(f"/{repo}/pull/{n}#pullrequestreview-{rid}"),
            "pull_request_url": self._api(f"/repos/{repo}/pulls/{n}"),
            "author_association": "NONE",
            "_links": {
                "html": {"href": self._html(f"/{repo}/pull/{n}#pullrequestreview-{rid}")},
                "pull_request": {"href": self._api(f"/repos/{repo}/pulls/{n}")},
            },
            "submitted_at": self._time() if event else None,
            "commit_id": commit,
            "_repo": repo,
            "_pull": int(n),
        }
        self.reviews[rid] = review
        for c in comments:
            self._new_review_comment(repo, pull, review, c, user)
        return 200, {}, self._review_json(review)

    def _check_review_comment(self, pull: Pull, c: dict) -> Any:
        if not isinstance(c.get("body"), str) or not c["body"]:
            return {
                "resource": "PullRequestReviewComment",
                "code": "missing_field",
                "field": "body",
            }
        if len(c["body"]) > 65536:
            return "Body is too long (maximum is 65536 characters)"
        if not any(f["filename"] == c.get("path") for f in pull.files):
            return "Path could not be resolved"
        if "position" in c:
            return None
        side = c.get("side", "RIGHT")
        line = c.get("line")
        if not isinstance(line, int):
            return "Line could not be resolved"
        hunk = self._hunk_index(pull, c["path"], line, side)
        if hunk is None:
            return "Line could not be resolved"
        if "start_line" in c:
            start = c["start_line"]
            if not isinstance(start, int) or start >= line:
                return "start_line must precede line"
            if self._hunk_index(pull, c["path"], start, c.get("start_side", side)) != hunk:
                return "start_line must be part of the same hunk as the line."
        return None

    def _new_review_comment(self, repo: str, pull: Pull, review: dict, c: dict, user: dict) -> dict:
        cid = next(self._ids)
        now = self._time()
        base = f"/repos/{repo}/pulls"
        line = c.get("line")
        comment = {
            "url": self._api(f"{base}/comments/{cid}"),
            "pull_request_review_id": review["id"],
            "id": cid,
            "node_id": f"PRRC_kwDO{cid}",
            "diff_hunk": "@@ -1,1 +1,1 @@",
            "path": c["path"],
            "position": 1,
            "original_position": 1,
            "commit_id": review["commit_id"],
            "original_commit_id": review["commit_id"],
            "user": user,
            "body": c["body"],
            "created_at": now,
            "updated_at": now,
            "html_url": self._html(f"/{repo}/pull/{pull.number}#discussion_r{cid}"),
            "pull_request_url": self._api(f"{base}/{pull.number}"),
            "author_association": "NONE",
            "_links": {"self": {"href": self._api(f"{base}/comments/{cid}")}},
            "start_line": c.get("start_line"),
            "original_start_line": c.get("start_line"),
            "start_side": c.get("start_side") if "start_line" in c else None,
            "line": line,
            "original_line": line,
            "side": c.get("side", "RIGHT"),
            "subject_type": "line",
            "_repo": repo,
            "_pull": pull.number,
        }
        self.review_comments[cid] = comment
        return comment

    def h_review_comments(self, rec, token, repo, n):
        if not self._pull(repo, n):
            return self._not_found()
        items = sorted(self.review_comments_on(repo, int(n)), key=lambda c: c["id"])
        return self._page(rec, [self._public(c) for c in items])

    def h_review_comment(self, rec, token, repo, id):
        c = self.review_comments.get(int(id))
        return (200, {}, self._public(c)) if c and c["_repo"] == repo else self._not_found()

    def h_delete_review_comment(self, rec, token, repo, id):
        c = self.review_comments.get(int(id))
        if not c or c["_repo"] != repo:
            return self._not_found()
        if c["user"]["login"] != token.login:
            return 403, {}, {"message": NOT_ACCESSIBLE, "documentation_url": DOCS}
        del self.review_comments[int(id)]
        return 204, {}, None


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    github: FakeGitHub

    def log_message(self, *args: Any) -> None:  # keep pytest output clean
        pass

    def _handle(self) -> None:
        parts = urlsplit(self.path)
        path = parts.path
        prefix = self.github.prefix
        if prefix and path.startswith(prefix + "/"):
            path = path[len(prefix) :]
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        try:
            body = json.loads(raw) if raw else None
        except ValueError:
            body = {"_invalid_json": raw.decode("utf-8", "replace")}
        headers = {k.lower(): v for k, v in self.headers.items()}
        status, extra, payload = self.github.dispatch(
            self.command, path, parse_qs(parts.query), body, headers
        )
        data = b"" if payload is None else json.dumps(payload).encode()
        self.send_response(status)
        if data:
            self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("X-GitHub-Api-Version-Selected", "2022-11-28")
        for k, v in extra.items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)

    do_GET = do_POST = do_PATCH = do_DELETE = do_PUT = _handle
