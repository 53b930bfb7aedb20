"""Which links point into GitHub repositories, and the report on whether they are archived.

The question itself goes to the GitHub API through PyGithub, which only ``github/`` uses:
``github/archived.py`` asks, and the run passes it to ``check_links``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

DEFAULT_API_URL = "https://api.github.com"
DEFAULT_SERVER_URL = "https://github.com"

# First path segments of github.com that are site pages, not owners.
RESERVED_OWNERS = frozenset(
    """about account apps blog codespaces collections contact copilot customer-stories
    dashboard enterprise events explore features github-copilot home issues join login
    marketplace mobile new nonprofit notifications orgs organizations pricing pulls readme
    resources search security settings site solutions sponsors team topics trending users
    premium-support education""".split()
)
_OWNER = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})")
_REPO = re.compile(r"[A-Za-z0-9._-]{1,100}")


def web_hosts(server_url: str) -> frozenset[str]:
    host = (urlsplit(server_url).netloc or "").lower()
    hosts = {host}
    if host == "github.com":
        hosts.add("www.github.com")
    return frozenset(hosts)


def repo_of(url: str, hosts: frozenset[str]) -> str | None:
    """``owner/name`` for a link into a GitHub repository, else None."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or parts.netloc.lower() not in hosts:
        return None
    segments = [s for s in parts.path.split("/") if s]
    if len(segments) < 2:
        return None
    owner, name = segments[0], segments[1]
    if name.endswith(".git"):
        name = name[:-4]
    if owner.lower() in RESERVED_OWNERS or not _OWNER.fullmatch(owner) or not _REPO.fullmatch(name):
        return None
    if name in (".", ".."):
        return None
    return f"{owner}/{name}"


@dataclass(frozen=True)
class ArchiveReport:
    """What GitHub said about the repositories asked about, and what went wrong."""

    archived: dict[str, bool]  # owner/name (as asked) -> archived; absent when unknown
    notices: tuple[str, ...]  # things the user should know (rate limit hit, API errors)
    asked: int  # API requests made for repositories


# Asks the GitHub API about repositories: (owner/name list, api_url=, token=, timeout=,
# share= of the remaining rate limit it may spend) ->
# ArchiveReport. The PyGithub client is github/archived.py's; the run hands it in.
AskArchived = Callable[..., ArchiveReport]
