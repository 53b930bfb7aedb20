"""--check-papers on the command line and the ``[papers]`` config table, meeting in one
``PaperSettings``. Cheap to import (no HTTP stack)."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Mapping
from typing import Any

from ..links.options import parse_duration
from ..links.settings import SettingsError
from .settings import PaperSettings, PaperSettingsError

# Config key -> PaperSettings field. Base URLs and spacing are not here: a config file
# travels with pull requests, and must not point the checker elsewhere or make it rude.
KEYS = {
    "mailto": "mailto",
    "cache-max-age": "cache_max_age",
    "timeout": "timeout",
    "max-retries": "max_retries",
}


def from_table(table: Mapping[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in table.items():
        if key not in KEYS:
            raise PaperSettingsError(f"unknown key {key!r} (known: {', '.join(sorted(KEYS))})")
        if key == "mailto":
            if not isinstance(value, str):
                raise PaperSettingsError("mailto must be a string")
        elif key == "cache-max-age":
            try:
                value = parse_duration(value)
            except SettingsError as e:
                raise PaperSettingsError(f"cache-max-age: {e}") from None
        elif key == "max-retries":
            if not isinstance(value, int) or isinstance(value, bool):
                raise PaperSettingsError("max-retries must be an integer")
        elif not isinstance(value, (int, float)) or isinstance(value, bool):
            raise PaperSettingsError(f"{key} must be a number")
        out[KEYS[key]] = value
    return out


def validate_table(table: Mapping[str, Any], fail: Callable[[str], Exception]) -> None:
    try:
        PaperSettings(**from_table(table))
    except PaperSettingsError as exc:
        raise fail(f"[papers] {exc}") from None


def settings_from(
    table: Mapping[str, Any], args: argparse.Namespace, env: Mapping[str, str] | None = None
) -> PaperSettings:
    """Environment (base URLs, mailto), then the config table, then the command line."""
    values = from_table(table)
    values["no_cache"] = bool(getattr(args, "no_cache", None))
    values["allow_private_hosts"] = bool(getattr(args, "allow_private_hosts", None))
    return PaperSettings.from_env(env, **values)
