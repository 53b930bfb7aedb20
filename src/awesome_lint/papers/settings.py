"""How the paper clients behave: one frozen record. The defaults are the services' own terms."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

from .. import __version__

ARXIV_API = "https://export.arxiv.org/api/query"
CROSSREF_API = "https://api.crossref.org"
# Environment variables naming other base URLs: for tests and mirrors.
ARXIV_API_ENV = "AWESOME_LINT_ARXIV_API"
CROSSREF_API_ENV = "AWESOME_LINT_CROSSREF_API"
MAILTO_ENV = "AWESOME_LINT_MAILTO"
# Only for a mirror or a test server: arXiv itself is always asked at its own pace.
ARXIV_SPACING_ENV = "AWESOME_LINT_ARXIV_SPACING"
ARXIV_MIN_SPACING = 3.0


class PaperSettingsError(ValueError):
    """A setting that cannot be used; the message names it."""


@dataclass(frozen=True)
class PaperSettings:
    """Where papers are looked up and how politely: APIs, pacing, cache."""

    arxiv_api: str = ARXIV_API
    crossref_api: str = CROSSREF_API
    # arXiv's terms of use: no more than one request every three seconds, one connection at
    # a time, at most 100 ids per request.
    arxiv_spacing: float = 3.0
    batch_size: int = 100
    # Crossref's spacing when its rate-limit headers have not said otherwise yet.
    crossref_spacing: float = 0.1
    timeout: float = 30.0
    max_retries: int = 3  # for 429/503 and dropped connections
    retry_wait: float = 3.0  # base of the exponential backoff, seconds
    max_retry_after: float = 120.0  # a longer Retry-After gives up instead of waiting
    mailto: str | None = None  # Crossref's polite pool
    user_agent: str = (
        f"awesome-lint/{__version__} (paper checker; https://github.com/awesome-lint/awesome-lint)"
    )
    cache_max_age: float = 7 * 86400.0
    no_cache: bool = False
    cache_dir: str | None = None  # None: the platform's cache directory, beside the link cache
    allow_private_hosts: bool = False

    def __post_init__(self) -> None:
        if not 1 <= self.batch_size <= 100:
            raise PaperSettingsError(f"batch size must be 1 to 100, not {self.batch_size}")
        if self.arxiv_spacing < 0 or self.crossref_spacing < 0:
            raise PaperSettingsError("request spacing must be 0 or more")
        if self.arxiv_api == ARXIV_API and self.arxiv_spacing < ARXIV_MIN_SPACING:
            raise PaperSettingsError(
                f"arXiv asks for at least {ARXIV_MIN_SPACING:g} s between requests; a shorter "
                f"spacing is only for a mirror named by {ARXIV_API_ENV}"
            )
        if self.timeout <= 0:
            raise PaperSettingsError(f"timeout must be positive, not {self.timeout}")
        if self.max_retries < 0:
            raise PaperSettingsError(f"max-retries must be 0 or more, not {self.max_retries}")
        if self.cache_max_age < 86400:
            # arXiv asks clients to cache; a day is the floor so a CI loop cannot hammer it.
            raise PaperSettingsError("paper cache-max-age must be at least 1d")
        if self.mailto is not None and (
            "@" not in self.mailto or any(c.isspace() for c in self.mailto)
        ):
            raise PaperSettingsError(f"mailto {self.mailto!r} is not an e-mail address")

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, **values: object) -> PaperSettings:
        """Settings with the base URLs and mailto the environment names (values win)."""
        env = os.environ if env is None else env
        found: dict[str, object] = {}
        if env.get(ARXIV_API_ENV):
            found["arxiv_api"] = env[ARXIV_API_ENV]
        if env.get(CROSSREF_API_ENV):
            found["crossref_api"] = env[CROSSREF_API_ENV]
        if env.get(MAILTO_ENV):
            found["mailto"] = env[MAILTO_ENV]
        if env.get(ARXIV_SPACING_ENV):
            try:
                found["arxiv_spacing"] = float(env[ARXIV_SPACING_ENV])
            except ValueError:
                raise PaperSettingsError(
                    f"{ARXIV_SPACING_ENV}={env[ARXIV_SPACING_ENV]!r} is not a number of seconds"
                ) from None
        found.update({k: v for k, v in values.items() if v is not None})
        return cls(**found)  # type: ignore[arg-type]
