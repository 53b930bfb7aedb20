"""Is a linked GitHub repository archived? Asked of the GitHub REST API through PyGithub.

The token (GITHUB_TOKEN) goes only to the API host: PyGithub sends it nowhere else (it
refuses cross-host 301s and strips it on cross-host 302s), the link checker's own session
never carries it, and it is withheld from an API URL that would send it in clear text to
another machine. Without a token the API allows 60 requests an hour, with GITHUB_TOKEN
1,000 per repository; the check asks how many are left first, uses no more than its share
of them (20% by default: commenting and later runs need the rest), and says how many
repositories it left unchecked.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlsplit

from ..links.archived import DEFAULT_API_URL, ArchiveReport


def _token_allowed(api_url: str) -> bool:
    """Never send a token in clear text, except to this machine (a test or a local proxy)."""
    parts = urlsplit(api_url)
    if parts.scheme == "https":
        return True
    host = parts.hostname or ""
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


def check_archived(
    repos: Iterable[str],
    *,
    api_url: str = DEFAULT_API_URL,
    token: str | None = None,
    timeout: float = 15.0,
    threads: int = 4,
    share: float = 1.0,
) -> ArchiveReport:
    """Ask the API about each repository (each once); failures become notices, not errors."""
    wanted = list(dict.fromkeys(r.lower() for r in repos))
    if not wanted:
        return ArchiveReport({}, (), 0)
    try:
        from github import (
            Auth,
            Github,
            GithubException,
            RateLimitExceededException,
            UnknownObjectException,
        )
    except ImportError:
        return ArchiveReport(
            {},
            (
                "archived repositories not checked: install PyGithub (pip install 'awesome-lint[github]')",
            ),
            0,
        )
    notices: list[str] = []
    parts = urlsplit(api_url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        # Said as what it is: PyGithub would fail with a bare assertion, read as "unreachable".
        notices.append(
            f"GitHub API URL {api_url!r} is not an http(s) URL; archived repositories not checked"
        )
        return ArchiveReport({}, tuple(notices), 0)
    if token and not _token_allowed(api_url):
        notices.append(
            f"GITHUB_TOKEN not sent to {api_url}: it is not an https URL; archived repositories not checked"
        )
        return ArchiveReport({}, tuple(notices), 0)
    try:
        client = Github(
            base_url=api_url.rstrip("/"),
            auth=Auth.Token(token) if token else None,
            timeout=int(max(1, timeout)),
            user_agent="awesome-lint",
            retry=None,  # PyGithub's default sleeps until the rate limit resets: up to an hour
            seconds_between_requests=None,
            pool_size=threads,
        )
        limits = client.get_rate_limit()
        # PyGithub 2.6 answers a RateLimit, later versions an overview with .resources
        remaining = getattr(limits, "resources", limits).core.remaining
    except GithubException as e:
        notices.append(
            f"GitHub API at {api_url} did not answer the rate-limit query ({e.status}); archived repositories not checked"
        )
        return ArchiveReport({}, tuple(notices), 0)
    except Exception as e:  # network errors: the link check itself goes on
        notices.append(
            f"GitHub API at {api_url} unreachable ({type(e).__name__}); archived repositories not checked"
        )
        return ArchiveReport({}, tuple(notices), 0)
    budget = int(max(0, remaining) * share)
    asked = wanted[:budget]
    if len(asked) < len(wanted):
        how = "authenticated" if token else "anonymous (set GITHUB_TOKEN for more)"
        notices.append(
            f"GitHub API budget spent: {len(wanted) - len(asked)} of {len(wanted)} repositories "
            f"not checked for archiving; {remaining} requests were left ({how}), "
            f"{budget} of them ({share:.0%}) for this check"
        )
    archived: dict[str, bool] = {}
    limited = False

    def one(name: str) -> tuple[str, bool | None, str | None]:
        try:
            return name, bool(client.get_repo(name).archived), None
        except UnknownObjectException:
            return name, None, None  # gone: the link check reports the 404 itself
        except RateLimitExceededException:
            return name, None, "rate-limit"
        except GithubException as e:
            return name, None, f"{name}: GitHub API answered {e.status}"
        except Exception as e:
            return name, None, f"{name}: {type(e).__name__}"

    errors = []
    with ThreadPoolExecutor(max_workers=max(1, threads)) as pool:
        for name, value, problem in pool.map(one, asked):
            if value is not None:
                archived[name] = value
            elif problem == "rate-limit":
                limited = True
            elif problem:
                errors.append(problem)
    if limited:
        notices.append(
            "GitHub API rate limit hit while checking for archived repositories; some were not checked"
        )
    if errors:
        shown = "; ".join(errors[:3]) + (f"; and {len(errors) - 3} more" if len(errors) > 3 else "")
        notices.append(f"archived check failed for {len(errors)} repositories: {shown}")
    return ArchiveReport(archived, tuple(notices), len(asked))
