"""What the link checker found out about one URL: a frozen record that rules read."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Any


class Outcome(str, enum.Enum):
    OK = "ok"
    # Answered with an accepted status after at least one permanent redirect.
    REDIRECTED = "redirected"
    # 404/410, a name that does not resolve, connection refused, TLS failure, redirect loop.
    DEAD = "dead"
    # Timeouts, 5xx, 429 and other answers that outlasted the retries: maybe only for now.
    UNREACHABLE = "unreachable"
    # The host answers checkers with 401/403/999: the page may well be there.
    BLOCKED = "blocked"
    # The host is (or resolves to) a private, loopback or link-local address: never fetched.
    REFUSED_PRIVATE = "refused-private"
    # Not fetched on purpose: another scheme, a relative link, excluded by the user.
    SKIPPED = "skipped"
    # Not a usable URL at all: bad port, bad host name, bad characters.
    INVALID = "invalid"


_OUTCOMES = {o.value: o for o in Outcome}
PERMANENT_REDIRECTS = frozenset({301, 308})


@dataclass(frozen=True, slots=True)
class Redirect:
    """One redirect on the way: who answered, with what status, pointing where."""

    url: str  # the URL that answered with the redirect
    status: int
    location: str  # the absolute URL it pointed to

    @property
    def permanent(self) -> bool:
        return self.status in PERMANENT_REDIRECTS


@dataclass(frozen=True, slots=True)
class LinkResult:
    """What the link checker found out about one URL."""

    url: str  # exactly as written in the document
    outcome: Outcome
    status: int | None = None  # the last HTTP status seen, if any
    final_url: str | None = None  # where the redirects ended, if any were followed
    redirects: tuple[Redirect, ...] = ()
    error: str | None = None  # why it is not OK, in words, or why it was skipped
    elapsed: float = 0.0  # seconds spent on it, retries and waits included
    from_cache: bool = False
    # For GitHub repository links: whether the repository is archived (None: not asked).
    archived: bool | None = None

    @property
    def permanent_target(self) -> str | None:
        """Where the leading permanent redirects lead, the URL a fix should write.

        A temporary hop after permanent ones ends the walk: only the permanent part of a
        chain says where the link has moved for good.
        """
        target = None
        for hop in self.redirects:
            if not hop.permanent:
                break
            target = hop.location
        return target

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"url": self.url, "outcome": self.outcome.value}
        if self.status is not None:
            out["status"] = self.status
        if self.final_url is not None:
            out["final_url"] = self.final_url
        if self.redirects:
            out["redirects"] = [[r.url, r.status, r.location] for r in self.redirects]
        if self.error is not None:
            out["error"] = self.error
        if self.archived is not None:
            out["archived"] = self.archived
        out["elapsed"] = round(self.elapsed, 4)
        return out

    @classmethod
    def from_json(cls, data: dict[str, Any], *, from_cache: bool = False) -> LinkResult:
        """Inverse of ``to_json``; raises KeyError/ValueError/TypeError on a bad record."""
        hops = data.get("redirects")
        redirects = tuple(Redirect(str(u), int(s), str(loc)) for u, s, loc in hops) if hops else ()
        status = data.get("status")
        archived = data.get("archived")
        return cls(
            str(data["url"]),
            _OUTCOMES[data["outcome"]],  # a warm re-run reads thousands: no Enum call each
            int(status) if status is not None else None,
            data.get("final_url"),
            redirects,
            data.get("error"),
            float(data.get("elapsed", 0.0)),
            from_cache,
            bool(archived) if archived is not None else None,
        )
