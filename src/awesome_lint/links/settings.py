"""How the link checker behaves: one frozen record, named after lychee's options."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..version import __version__

# lychee's default: informational and success codes.
DEFAULT_ACCEPT = frozenset(range(100, 104)) | frozenset(range(200, 300))

# Hosts that answer HEAD differently from GET (405s, 404s or 403s to HEAD while the page is
# there). Others are learnt during a run: a HEAD error that GET contradicts marks the host.
HEAD_UNRELIABLE_HOSTS = frozenset(
    {
        "amazon.com",
        "www.amazon.com",
        "twitter.com",
        "x.com",
        "www.linkedin.com",
        "linkedin.com",
    }
)


class SettingsError(ValueError):
    """A setting that cannot be used; the message names it."""


@dataclass(frozen=True)
class LinkSettings:
    """How links are checked: timeouts, retries, concurrency, filters, cache."""

    timeout: float = 20.0  # seconds of wall time per request: connect, headers and body
    max_duration: float | None = None  # seconds for the whole run; links left are not checked
    max_retries: int = 3
    max_concurrency: int = 128  # requests in flight over all hosts
    host_concurrency: int = 10  # requests in flight to one host
    accept: frozenset[int] = DEFAULT_ACCEPT
    include: tuple[str, ...] = ()  # regexes; a match is checked even when excluded
    exclude: tuple[str, ...] = ()
    user_agent: str = f"awesome-lint/{__version__} (link checker)"
    cache_max_age: float = 86400.0  # seconds
    no_cache: bool = False
    allow_private_hosts: bool = False
    max_redirects: int = 10
    retry_wait: float = 1.0  # base of the exponential backoff, seconds
    max_retry_after: float = 60.0  # a longer Retry-After gives up instead of waiting
    head_unreliable_hosts: frozenset[str] = HEAD_UNRELIABLE_HOSTS
    check_archived: bool = True  # ask the GitHub API whether linked repositories are archived
    # At most this share of the token's remaining API requests goes to the archived check:
    # the rest of the hour's budget stays for commenting and for the next runs.
    github_api_share: float = 0.2
    cache_path: str | None = None  # None: the platform's cache directory
    # Compiled regexes, filled in by __post_init__.
    _include_re: tuple[re.Pattern[str], ...] = field(
        default=(), init=False, repr=False, compare=False
    )
    _exclude_re: tuple[re.Pattern[str], ...] = field(
        default=(), init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        if self.timeout <= 0:
            raise SettingsError(f"timeout must be positive, not {self.timeout}")
        if self.max_duration is not None and self.max_duration <= 0:
            raise SettingsError(f"max-duration must be positive, not {self.max_duration}")
        if self.max_retries < 0:
            raise SettingsError(f"max-retries must be 0 or more, not {self.max_retries}")
        if self.max_concurrency < 1:
            raise SettingsError(f"max-concurrency must be at least 1, not {self.max_concurrency}")
        if self.host_concurrency < 1:
            raise SettingsError(f"host-concurrency must be at least 1, not {self.host_concurrency}")
        if self.cache_max_age < 0:
            raise SettingsError(f"cache-max-age must be 0 or more, not {self.cache_max_age}")
        if not 0 <= self.github_api_share <= 1:
            raise SettingsError(
                f"github-api-share must be between 0 and 1, not {self.github_api_share}"
            )
        if self.max_redirects < 0:
            raise SettingsError(f"max-redirects must be 0 or more, not {self.max_redirects}")
        object.__setattr__(self, "_include_re", _compile(self.include, "include"))
        object.__setattr__(self, "_exclude_re", _compile(self.exclude, "exclude"))

    def excluded(self, url: str) -> bool:
        """lychee's rule: an include match wins; with only includes, the rest is excluded."""
        if any(p.search(url) for p in self._include_re):
            return False
        if self._include_re and not self._exclude_re:
            return True
        return any(p.search(url) for p in self._exclude_re)

    def fingerprint(self) -> str:
        """What a cached result depends on besides the URL: other settings, other verdicts.

        Every cached result carries it, so the accepted statuses are written as runs
        ("100-103,200-299"): listed one by one they made two thirds of the cache file."""
        return f"a={_runs(sorted(self.accept))};r={self.max_redirects};p={int(self.allow_private_hosts)}"


def _runs(codes: list[int]) -> str:
    runs: list[list[int]] = []
    for c in codes:
        if runs and c == runs[-1][1] + 1:
            runs[-1][1] = c
        else:
            runs.append([c, c])
    return ",".join(f"{a}-{b}" if b > a else str(a) for a, b in runs)


def _compile(patterns: tuple[str, ...], what: str) -> tuple[re.Pattern[str], ...]:
    out = []
    for p in patterns:
        try:
            out.append(re.compile(p))
        except re.error as e:
            raise SettingsError(f"--{what} {p!r} is not a valid regular expression: {e}") from None
    return tuple(out)


def parse_accept(spec: str | list[int] | tuple[int, ...]) -> frozenset[int]:
    """Status codes as lychee writes them: ``200..=204, 403, 429`` (``..`` excludes the end)."""
    if isinstance(spec, (list, tuple)):
        codes = [int(c) for c in spec]
    else:
        codes = []
        for part in str(spec).split(","):
            part = part.strip()
            if not part:
                continue
            m = re.fullmatch(r"(\d{3})\s*\.\.(=?)\s*(\d{3})", part)
            if m:
                lo, hi = int(m.group(1)), int(m.group(3)) + (1 if m.group(2) else 0)
                if lo >= hi:
                    raise SettingsError(f"accept range {part!r} is empty")
                codes.extend(range(lo, hi))
            elif re.fullmatch(r"\d{3}", part):
                codes.append(int(part))
            else:
                raise SettingsError(
                    f"accept: {part!r} is not a status code or a range like 200..=299"
                )
    for c in codes:
        if not 100 <= c <= 999:
            raise SettingsError(f"accept: {c} is not an HTTP status code")
    return frozenset(codes)
