"""Which URLs may be fetched, in what form, and which addresses may be connected to.

Two jobs, both pure apart from DNS:

- ``prepare(url)`` turns a URL from a document into a ``Target`` to fetch (scheme and host
  checked, international host names encoded with IDNA, spaces percent-encoded, fragment
  dropped) or into a final ``LinkResult`` saying why it is not fetched.
- ``AddressGuard`` resolves a host and hands back only addresses that may be connected to.
  The transport connects to exactly those addresses, so a name that resolves to a public
  address when checked and to a private one a moment later (DNS rebinding) never reaches
  the private one: there is no second lookup between the check and the connect.
"""

from __future__ import annotations

import ipaddress
import re
import socket
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

from .result import LinkResult, Outcome
from .settings import LinkSettings

FETCHED_SCHEMES = frozenset({"http", "https"})
# Schemes that can never name a page to check; said plainly rather than "unsupported".
SCRIPT_SCHEMES = frozenset({"javascript", "data", "vbscript", "blob"})

# RFC 6761: resolvers "SHOULD always return immediately with a negative response" for
# .invalid, and .localhost names are loopback. Answering both here means no DNS query leaves
# the machine for them (the test suite relies on that).
_INVALID_TLD = ".invalid"

_HOST_CHARS = re.compile(r"[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?")
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")
# Characters left alone when percent-encoding a path or query: RFC 3986 reserved and
# unreserved characters and '%' (so existing escapes stay as they are).
_SAFE_PATH = "/%:@!$&'()*+,;=-._~?"


@dataclass(frozen=True, slots=True)
class Target:
    """A URL ready to be requested."""

    url: str  # what is requested: fragment dropped, host in ASCII, spaces escaped
    scheme: str
    host: str  # ASCII, lower case, IPv6 without brackets
    port: int

    @property
    def host_key(self) -> str:
        """Per-host concurrency limits count requests per host name (as lychee does)."""
        return self.host


class ForbiddenAddress(Exception):
    """The host resolves only to addresses the checker must not connect to.

    Deliberately not an OSError: urllib3 and requests wrap OSErrors into their own
    connection errors, and this one must reach the checker unchanged.
    """

    def __init__(self, host: str, address: str, reason: str) -> None:
        super().__init__(f"{host} resolves to {reason} address {address}")
        self.host = host
        self.address = address
        self.reason = reason


def forbidden_reason(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str | None:
    """Why an address is off limits, or None when it is a public address."""
    if isinstance(ip, ipaddress.IPv6Address):
        # An IPv4 address wrapped in IPv6 is judged as the IPv4 address it reaches.
        embedded = ip.ipv4_mapped or ip.sixtofour or (ip.teredo[1] if ip.teredo else None)
        if embedded is not None:
            inner = forbidden_reason(embedded)
            if inner:
                return inner
    if ip.is_loopback:
        return "loopback"
    if ip.is_link_local:
        return "link-local"
    if ip.is_multicast:
        return "multicast"
    if ip.is_unspecified:
        return "unspecified"
    if ip.is_reserved:
        return "reserved"
    if ip.is_private:
        return "private"
    if not ip.is_global:  # e.g. 100.64.0.0/10, shared address space
        return "non-public"
    return None


def parse_ip(host: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        return None


Resolver = Callable[[str, int], Sequence[tuple[int, str]]]  # -> [(family, address)]


def system_resolver(host: str, port: int) -> list[tuple[int, str]]:
    """Every address the system resolver gives for host (TCP), in its order."""
    if host.endswith(_INVALID_TLD) or host == _INVALID_TLD[1:]:
        raise socket.gaierror(socket.EAI_NONAME, "reserved .invalid name never resolves (RFC 6761)")
    if host == "localhost" or host.endswith(".localhost"):
        return [(socket.AF_INET, "127.0.0.1")]
    infos = socket.getaddrinfo(host, port, 0, socket.SOCK_STREAM)
    seen: list[tuple[int, str]] = []
    for family, _type, _proto, _canon, sockaddr in infos:
        item = (family, str(sockaddr[0]))
        if item not in seen:
            seen.append(item)
    return seen


AddressFilter = Callable[["ipaddress.IPv4Address | ipaddress.IPv6Address"], "str | None"]


class AddressGuard:
    """Resolves hosts and keeps only the addresses the checker may connect to.

    ``reason`` says why an address is off limits (None: allowed); tests replace it to treat
    one loopback address as public, so every path can be exercised without leaving 127/8.
    """

    def __init__(
        self,
        allow_private: bool,
        resolver: Resolver = system_resolver,
        reason: AddressFilter = forbidden_reason,
    ) -> None:
        self.allow_private = allow_private
        self.resolver = resolver
        self.reason = reason

    def refusal(self, ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str | None:
        return None if self.allow_private else self.reason(ip)

    def vetted(self, host: str, port: int) -> list[tuple[int, str]]:
        """Addresses to connect to, in order. Raises socket.gaierror or ForbiddenAddress."""
        ip = parse_ip(host)
        if ip is not None:
            family = socket.AF_INET6 if ip.version == 6 else socket.AF_INET
            addresses = [(family, str(ip))]
        else:
            addresses = list(self.resolver(host, port))
        if not addresses:
            raise socket.gaierror(socket.EAI_NONAME, f"{host} has no addresses")
        if self.allow_private:
            return addresses
        allowed = []
        refused: tuple[str, str] | None = None
        for family, address in addresses:
            parsed = parse_ip(address.split("%", 1)[0])
            reason = self.reason(parsed) if parsed is not None else "unparsable"
            if reason is None:
                allowed.append((family, address))
            elif refused is None:
                refused = (address, reason)
        if not allowed:
            assert refused is not None
            raise ForbiddenAddress(host, refused[0], refused[1])
        return allowed


def _skip(url: str, why: str) -> LinkResult:
    return LinkResult(url=url, outcome=Outcome.SKIPPED, error=why)


def _invalid(url: str, why: str) -> LinkResult:
    return LinkResult(url=url, outcome=Outcome.INVALID, error=why)


def encode_host(host: str) -> str:
    """The ASCII form of a host name (IDNA 2008 with UTS #46 mapping); ValueError if none."""
    ascii_host = host.lower()
    if not host.isascii() or "xn--" in ascii_host:
        import idna  # requests depends on it; imported only for international names

        try:
            if host.isascii():  # already encoded: it must decode (xn--zz is no name)
                idna.decode(ascii_host)
            else:
                ascii_host = idna.encode(host, uts46=True).decode("ascii")
        except (idna.IDNAError, UnicodeError) as e:
            raise ValueError(
                f"host {host!r} is not a valid international domain name ({e})"
            ) from None
    labels = ascii_host.rstrip(".").split(".")
    if len(ascii_host) > 253 or not all(
        label and len(label) <= 63 and _HOST_CHARS.fullmatch(label) for label in labels
    ):
        raise ValueError(f"host {host!r} is not a valid host name")
    return ascii_host


def prepare(
    url: str, settings: LinkSettings, guard: AddressGuard | None = None
) -> Target | LinkResult:
    """What to request for a URL, or the final result when it is not to be requested.

    An IP-address host is judged here, before any connection exists; a host name is judged
    by the guard when the connection is made (that is where it is resolved).
    """
    raw = url.strip()
    if not raw:
        return _invalid(url, "empty URL")
    if any(ord(c) < 0x20 or ord(c) == 0x7F for c in raw):
        return _invalid(url, "URL contains control characters")
    if raw.startswith("#"):
        return _skip(url, "in-page anchor (checked against the headings)")
    m = _SCHEME.match(raw)
    if not m:
        if raw.startswith("//"):
            return _skip(url, "protocol-relative URL (no scheme to check)")
        return _skip(url, "relative link (not fetched)")
    scheme = m.group(1).lower()
    if scheme == "mailto":
        return _skip(url, "mailto: address (checked locally)")
    if scheme in SCRIPT_SCHEMES:
        return _skip(url, f"{scheme}: URL is not a web page (never fetched)")
    if scheme not in FETCHED_SCHEMES:
        return _skip(url, f"{scheme}: URLs are not checked (only http and https)")
    if settings.excluded(raw):
        return _skip(url, "excluded by --include/--exclude")
    return _target(url, raw, scheme, guard or AddressGuard(settings.allow_private_hosts))


def _target(url: str, raw: str, scheme: str, guard: AddressGuard) -> Target | LinkResult:
    try:
        parts = urlsplit(raw)
        port = parts.port  # ValueError when out of range or not a number
    except ValueError as e:
        return _invalid(url, f"malformed URL: {e}")
    netloc_host = parts.netloc.rpartition("@")[2]
    host = parts.hostname
    if not host:
        return _invalid(url, "URL has no host")
    if " " in netloc_host or "\\" in netloc_host:
        return _invalid(url, "host contains a space or backslash")
    if port == 0:
        return _invalid(url, "port 0 is not a usable port")
    ip = parse_ip(host)
    if ip is None:
        if netloc_host.startswith("["):
            return _invalid(url, f"{host!r} in brackets is not an IPv6 address")
        try:
            host = encode_host(host)
        except ValueError as e:
            return _invalid(url, str(e))
    else:
        host = str(ip)
        reason = guard.refusal(ip)
        if reason:
            return LinkResult(
                url=url,
                outcome=Outcome.REFUSED_PRIVATE,
                error=f"{reason} address {host}: not fetched (see --allow-private-hosts)",
            )
    if port is None:
        port = 443 if scheme == "https" else 80
    shown_host = f"[{host}]" if ":" in host else host
    netloc = shown_host if port == (443 if scheme == "https" else 80) else f"{shown_host}:{port}"
    userinfo = parts.netloc.rpartition("@")[0]
    if userinfo:
        netloc = f"{userinfo}@{netloc}"
    path = quote(parts.path, safe=_SAFE_PATH) or "/"
    query = quote(parts.query, safe=_SAFE_PATH)
    request_url = f"{scheme}://{netloc}{path}" + (f"?{query}" if query else "")
    return Target(url=request_url, scheme=scheme, host=host, port=port)
