"""Loaded by every awesome-lint subprocess the tests start (PYTHONPATH): no traffic off 127/8.

A connection or a DNS lookup for anything but loopback is refused with a network error
(so the code under test behaves as on a machine without a network) and written to the file
named by AWESOME_LINT_TEST_NETLOG, which the test then requires to be empty.
"""

import errno
import ipaddress
import os
import socket

_LOG = os.environ.get("AWESOME_LINT_TEST_NETLOG")


def _record(what: str) -> None:
    if _LOG:
        with open(_LOG, "a", encoding="utf-8") as fh:
            fh.write(what + "\n")


def _loopback(host) -> bool:
    try:
        return ipaddress.ip_address(str(host).split("%")[0]).is_loopback
    except ValueError:
        return host in ("localhost",)


if _LOG:
    _connect = socket.socket.connect
    _getaddrinfo = socket.getaddrinfo

    def connect(self, address):
        host = address[0] if isinstance(address, tuple) else address
        if isinstance(address, tuple) and not _loopback(host):
            _record(f"connect {address!r}")
            raise OSError(errno.ENETUNREACH, "test network fence: only 127.0.0.0/8")
        return _connect(self, address)

    def _numeric(host) -> bool:
        """An address the resolver parses without asking DNS (inet_aton's forms: 127.1,
        2130706433, 0x7f000001 as well as dotted quads; IPv6 literals)."""
        try:
            ipaddress.ip_address(host)
            return True
        except (ValueError, TypeError):
            pass
        try:
            socket.inet_aton(str(host))
            return True
        except OSError:
            return False

    def getaddrinfo(host, *args, **kwargs):
        if host is not None and not _loopback(host):
            if not _numeric(host):
                _record(f"lookup {host!r}")
                raise socket.gaierror(socket.EAI_NONAME, "test network fence: no DNS") from None
        return _getaddrinfo(host, *args, **kwargs)

    socket.socket.connect = connect
    socket.getaddrinfo = getaddrinfo
