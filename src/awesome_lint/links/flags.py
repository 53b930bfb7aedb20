"""The link checker's command-line flags, named like lychee's (``options.py`` reads them).

Only argparse here: the command line builds its parser from this on every run.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover  (a run with kept arguments never loads argparse)
    import argparse


def add_arguments(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group(
        "link checking",
        "check that every unique URL works (network; cached). Flags are named like lychee's; "
        "the same keys go in the config's [links] table.",
    )
    dests: list[str] = []

    def add(*flags: str, **how: Any) -> None:
        dests.append(group.add_argument(*flags, **how).dest)

    add(
        "--check-links",
        action="store_true",
        help="check links over the network (dead, unreachable, redirected, archived)",
    )
    add(
        "--timeout",
        type=float,
        metavar="SECS",
        help="wall-clock limit per request: connect, headers and body together (default 20)",
    )
    add(
        "--max-duration",
        metavar="AGE",
        help="stop checking links after this long: seconds or 10m, 1h; links left are "
        "reported unreachable (default: no limit; the Action sets 10m)",
    )
    add(
        "--max-retries", type=int, metavar="N", help="retries for timeouts, 5xx and 429 (default 3)"
    )
    add("--max-concurrency", type=int, metavar="N", help="requests in flight in all (default 128)")
    add(
        "--host-concurrency",
        type=int,
        metavar="N",
        help="requests in flight to one host (default 10)",
    )
    add(
        "--accept",
        metavar="CODES",
        help="status codes that count as working, e.g. '200..=299,403' (default 100..=103,200..=299)",
    )
    add(
        "--include",
        action="append",
        metavar="REGEX",
        help="check only URLs matching (repeatable; wins over --exclude)",
    )
    add("--exclude", action="append", metavar="REGEX", help="skip URLs matching (repeatable)")
    add("--user-agent", metavar="UA", help="User-Agent header to send")
    add(
        "--cache-max-age",
        metavar="AGE",
        help="reuse results younger than this: seconds or 1d, 12h, 30m (default 1d)",
    )
    add(
        "--no-cache",
        action="store_true",
        default=None,
        help="neither read nor write the link cache",
    )
    add(
        "--allow-private-hosts",
        action="store_true",
        default=None,
        help="also fetch links to private, loopback and link-local addresses (off: they are refused)",
    )
    parser.set_defaults(link_flags=tuple(dests))


def given(args: argparse.Namespace) -> bool:
    """Whether any link flag was given (else the settings are the defaults, valid as they are)."""
    return any(
        getattr(args, d) is not None and getattr(args, d) is not False for d in args.link_flags
    )
