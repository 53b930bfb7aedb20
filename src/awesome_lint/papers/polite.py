"""One HTTP client per service, polite by construction: requests one at a time over one
connection, spaced, retried with backoff on 429/503, never into private networks.

The spacing counts from the end of one answer to the start of the next request, so a slow
answer never lets two requests start closer together than the service asked for.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from ..retry_after import retry_after_seconds
from .settings import PaperSettings

if TYPE_CHECKING:  # pragma: no cover
    import requests

# requests and the address guard load with the first client: a re-run answered from the
# cache (and the modules that only read ids and keys) never pay for them.

RETRIED_STATUSES = frozenset({429, 503})


class FetchError(Exception):
    """The service could not be asked; the message says why (it becomes a note, not a verdict)."""


class PoliteClient:
    def __init__(
        self,
        settings: PaperSettings,
        spacing: float,
        *,
        accept: str,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.settings = settings
        self.spacing = spacing
        self.sleep = sleep
        self.clock = clock
        self.requests = 0  # requests sent, retries included
        self._last_done: float | None = None
        self.session = _session(settings, accept)

    def close(self) -> None:
        self.session.close()

    def _wait_turn(self) -> None:
        if self._last_done is None:
            return
        wait = self.spacing - (self.clock() - self._last_done)
        if wait > 0:
            self.sleep(wait)

    def get(self, url: str, params: Mapping[str, str] | None = None) -> requests.Response:
        """GET with the service's manners. Raises FetchError when no usable answer came."""
        import requests

        from ..links.policy import ForbiddenAddress

        problem = "no answer"
        for attempt in range(self.settings.max_retries + 1):
            self._wait_turn()
            try:
                self.requests += 1
                response = self.session.get(url, params=params, timeout=self.settings.timeout)
                response.content  # read the body before the connection is handed back
            except ForbiddenAddress as e:
                raise FetchError(f"{e}: not fetched (see --allow-private-hosts)") from None
            except requests.RequestException as e:
                problem = f"{type(e).__name__}: {e}"
                if attempt < self.settings.max_retries:
                    self.sleep(self._backoff(attempt))
                continue
            finally:
                self._last_done = self.clock()
            if response.status_code in RETRIED_STATUSES:
                problem = f"HTTP {response.status_code}"
                wait = retry_after_seconds(response.headers.get("Retry-After"))
                wait = self._backoff(attempt) if wait is None else wait
                if wait > self.settings.max_retry_after:
                    raise FetchError(f"{problem}, asked to wait {wait:.0f} s: gave up")
                if attempt < self.settings.max_retries:
                    self.sleep(wait)
                continue
            return response
        raise FetchError(f"{problem} after {self.settings.max_retries + 1} attempts")

    def _backoff(self, attempt: int) -> float:
        return self.settings.retry_wait * (2**attempt)


def _session(settings: PaperSettings, accept: str) -> requests.Session:
    """A session with one connection, no proxies or .netrc, the address guard on every connect."""
    import requests

    from ..links.policy import AddressGuard
    from ..links.transport import GuardedAdapter

    session = requests.Session()
    session.trust_env = False
    session.headers.clear()
    session.headers.update(
        {
            "User-Agent": settings.user_agent,
            "Accept": accept,
            "Accept-Encoding": "gzip, deflate",
            "Connection": "keep-alive",
        }
    )
    adapter = GuardedAdapter(
        AddressGuard(settings.allow_private_hosts),
        pool_connections=1,
        pool_maxsize=1,
        pool_block=True,
        max_retries=0,
    )
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    return session
