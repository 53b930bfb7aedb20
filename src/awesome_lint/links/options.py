"""The link checker's options: lychee-named CLI flags and the ``[links]`` config table.

Both spellings meet in one ``LinkSettings``: config first, command line over it. Cheap to
import (no HTTP stack), since the CLI builds its parser from it on every run.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Callable, Mapping
from dataclasses import fields
from typing import Any

from .settings import LinkSettings, SettingsError, parse_accept

_DURATION = re.compile(r"(\d+(?:\.\d+)?)\s*(d|h|m|s)", re.I)
_UNIT = {"d": 86400, "h": 3600, "m": 60, "s": 1}

# Config key -> (LinkSettings field, kind). Kinds: number, int, bool, str, list, accept, duration.
KEYS: dict[str, tuple[str, str]] = {
    "timeout": ("timeout", "number"),
    "max-duration": ("max_duration", "duration"),
    "max-retries": ("max_retries", "int"),
    "max-concurrency": ("max_concurrency", "int"),
    "host-concurrency": ("host_concurrency", "int"),
    "max-redirects": ("max_redirects", "int"),
    "accept": ("accept", "accept"),
    "include": ("include", "list"),
    "exclude": ("exclude", "list"),
    "user-agent": ("user_agent", "str"),
    "cache-max-age": ("cache_max_age", "duration"),
    "no-cache": ("no_cache", "bool"),
    "check-archived": ("check_archived", "bool"),
    "github-api-share": ("github_api_share", "number"),
}
# Recognised, but only on the command line: a config file travels with pull requests, and
# a pull request must not be able to point the checker at the CI machine's network.
CLI_ONLY = {"allow-private-hosts": "allow_private_hosts"}

assert {f for f, _ in KEYS.values()} | set(CLI_ONLY.values()) <= {
    f.name for f in fields(LinkSettings)
}


def parse_duration(value: str | float | int) -> float:
    """Seconds from ``86400``, ``1d``, ``12h``, ``1h30m`` or ``45s``."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        seconds = float(value)
    else:
        text = str(value).strip()
        try:
            seconds = float(text)
        except ValueError:
            parts = _DURATION.findall(text)
            if not parts or _DURATION.sub("", text).strip():
                raise SettingsError(
                    f"{value!r} is not a duration (seconds, or like 1d, 12h, 30m)"
                ) from None
            seconds = sum(float(n) * _UNIT[u.lower()] for n, u in parts)
    if seconds < 0:
        raise SettingsError(f"{value!r} is not a duration (it is negative)")
    return seconds


def _convert(key: str, kind: str, value: Any) -> Any:
    def wrong() -> SettingsError:
        return SettingsError(f"{key} has the wrong type ({type(value).__name__})")

    if kind == "bool":
        if not isinstance(value, bool):
            raise wrong()
        return value
    if kind == "int":
        if not isinstance(value, int) or isinstance(value, bool):
            raise wrong()
        return value
    if kind == "number":
        if not isinstance(value, (int, float)) or isinstance(value, bool):
            raise wrong()
        return float(value)
    if kind == "str":
        if not isinstance(value, str):
            raise wrong()
        return value
    if kind == "list":
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise SettingsError(f"{key} must be a list of regular expressions")
        return tuple(value)
    if kind == "accept":
        if isinstance(value, list) and not all(
            isinstance(v, int) and not isinstance(v, bool) for v in value
        ):
            raise SettingsError(
                f'{key} must be a list of status codes or a string like "200..=299, 403"'
            )
        if not isinstance(value, (list, str)):
            raise wrong()
        return parse_accept(value)
    if kind == "duration":
        if isinstance(value, bool) or not isinstance(value, (int, float, str)):
            raise wrong()
        return parse_duration(value)
    raise AssertionError(kind)


def from_table(table: Mapping[str, Any]) -> dict[str, Any]:
    """LinkSettings keyword arguments from a ``[links]`` table; SettingsError names the key."""
    out: dict[str, Any] = {}
    for key, value in table.items():
        if key in CLI_ONLY:
            raise SettingsError(
                f"{key} can only be given on the command line (--{key}): a config file travels "
                "with pull requests, which must not open the checker to private networks"
            )
        if key not in KEYS:
            raise SettingsError(f"unknown key {key!r} (known: {', '.join(sorted(KEYS))})")
        name, kind = KEYS[key]
        out[name] = _convert(key, kind, value)
    return out


def validate_table(table: Mapping[str, Any], fail: Callable[[str], Exception]) -> None:
    """For config loading: the same checks as at run time, reported as the config's error."""
    try:
        LinkSettings(**from_table(table))
    except SettingsError as exc:
        raise fail(f"[links] {exc}") from None


def settings_from(table: Mapping[str, Any], args: argparse.Namespace) -> LinkSettings:
    """Config table first, command-line flags over it. Raises SettingsError."""
    values = from_table(table)
    cli: dict[str, Any] = {
        "timeout": args.timeout,
        "max_retries": args.max_retries,
        "max_concurrency": args.max_concurrency,
        "host_concurrency": args.host_concurrency,
        "user_agent": args.user_agent,
        "no_cache": args.no_cache,
        "allow_private_hosts": args.allow_private_hosts,
    }
    if args.accept is not None:
        cli["accept"] = parse_accept(args.accept)
    if args.include:
        cli["include"] = tuple(args.include)
    if args.exclude:
        cli["exclude"] = tuple(args.exclude)
    if args.max_duration is not None:
        cli["max_duration"] = parse_duration(args.max_duration)
    if args.cache_max_age is not None:
        cli["cache_max_age"] = parse_duration(args.cache_max_age)
    values.update({k: v for k, v in cli.items() if v is not None})
    return LinkSettings(**values)
