"""Configuration: ``.awesome-lint.toml`` or ``[tool.awesome-lint]`` in ``pyproject.toml``.

Found by walking up from the linted file; the nearest wins. Every key is checked: an
unknown key, rule, option or a value of the wrong type is a ConfigError (exit 2), because a
silently ignored setting is worse than none.

    select = ["ALL"]                 # codes, prefixes ("AL2") or names; default: every default rule
    extend-select = ["entry-out-of-order"]
    ignore = ["AL001"]
    profile = "paper"                # or "classic"; inferred from the document when absent
    max-file-size = 1_500_000        # bytes
    max-lines = 40_000               # lines

    [rules.missing-line-break]       # a rule by name or code
    severity = "warning"             # error | warning | info | off
    marker = "<br>"                  # the rule's own options
"""

from __future__ import annotations

import dataclasses
import stat
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import kept_code  # noqa: F401  (first: dataclasses and patterns compile through it)
from .errors import ConfigError, InputError
from .rules import REFS, RuleRef, load

if TYPE_CHECKING:  # pragma: no cover
    from .diagnostics import Severity
    from .rules.base import Rule

CONFIG_FILE = ".awesome-lint.toml"
# Twice the largest real list in the corpus (688 KB); a bigger list raises it in its config.
# The densest list this size (80k one-line items) would take about 30 s: max-lines stops it.
DEFAULT_MAX_FILE_SIZE = 1_500_000
# 2.7 times the longest real list in the corpus (14,889 lines): the densest list this long
# (40,000 one-line items, 0.74 MB) lints in under 15 s (README, Performance).
DEFAULT_MAX_LINES = 40_000
_TOP_KEYS = {
    "select",
    "extend-select",
    "ignore",
    "profile",
    "max-file-size",
    "max-lines",
    "rules",
    "links",
    "papers",
}
PROFILES = ("paper", "classic")


@dataclass(frozen=True)
class RuleSettings:
    """What a config says about one rule: its severity, whether it is off, its options."""

    severity: Severity | None = None
    off: bool = False
    options: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Config:
    """The settings of a run for one file: a config file's, with the command line's over them."""

    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    profile: str | None = None
    max_file_size: int = DEFAULT_MAX_FILE_SIZE
    max_lines: int = DEFAULT_MAX_LINES
    rules: Mapping[str, RuleSettings] = field(default_factory=dict)  # by rule code
    links: Mapping[str, Any] = field(default_factory=dict)  # read by the link checker
    papers: Mapping[str, Any] = field(default_factory=dict)  # read by the paper checker
    source: str | None = None  # the file it came from

    def with_cli(
        self,
        select: list[str] | None = None,
        extend_select: list[str] | None = None,
        ignore: list[str] | None = None,
    ) -> Config:
        """Command-line selection: --select replaces, --extend-select and --ignore add."""
        return dataclasses.replace(
            self,
            select=tuple(select) if select is not None else self.select,
            extend_select=self.extend_select + tuple(extend_select or ()),
            ignore=self.ignore + tuple(ignore or ()),
        )


def config_for(
    path: str | Path, explicit: str | Path | None = None, isolated: bool = False
) -> Config:
    """The config that applies to ``path``: the explicit file, else the nearest one found."""
    if isolated:
        return Config()
    try:
        found = Path(explicit) if explicit else find_config(Path(path).resolve())
    except (RuntimeError, OSError) as exc:  # a symbolic link loop, a vanished directory
        raise InputError(str(path), f"cannot resolve the path: {_reason(exc)}") from None
    return load_config(found) if found else Config()


def _reason(exc: BaseException) -> str:
    if isinstance(exc, RuntimeError) or getattr(exc, "errno", None) == 40:  # ELOOP
        return "symbolic link loop"
    return getattr(exc, "strerror", None) or str(exc)


def _is(path: Path, kind: Callable[[int], bool]) -> bool:
    """Path.is_dir/is_file, but a path that cannot be looked at (a directory without search
    permission, a name too long) is not there: reading the list then says why, in one line."""
    try:
        return kind(path.stat().st_mode)
    except OSError:
        return False


def find_config(start: Path) -> Path | None:
    """The nearest config file at or above ``start`` (a file or a directory)."""
    here = start if _is(start, stat.S_ISDIR) else start.parent
    for d in (here, *here.parents):
        candidate = d / CONFIG_FILE
        if _is(candidate, stat.S_ISREG):
            return candidate
        pyproject = d / "pyproject.toml"
        if _is(pyproject, stat.S_ISREG) and _has_tool_section(pyproject):
            return pyproject
    return None


def _toml():
    # Read only when a config file is there to read (start-up).
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    return tomllib


def _has_tool_section(path: Path) -> bool:
    tomllib = _toml()
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        # Broken TOML that names our table is our config: loading it reports the error,
        # where skipping it would silently lint with other settings.
        return "[tool.awesome-lint" in text
    return "awesome-lint" in data.get("tool", {})


def load_config(path: Path, registry: Mapping[str, RuleRef] = REFS) -> Config:
    tomllib = _toml()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read config: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: config is not valid UTF-8") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("awesome-lint", {})
    return config_from_dict(data, registry, str(path))


def config_from_dict(
    data: Mapping[str, Any], registry: Mapping[str, RuleRef | Rule] = REFS, source: str = "<config>"
) -> Config:
    def fail(msg: str) -> ConfigError:
        return ConfigError(f"{source}: {msg}")

    unknown = set(data) - _TOP_KEYS
    if unknown:
        raise fail(f"unknown key {sorted(unknown)[0]!r} (known: {', '.join(sorted(_TOP_KEYS))})")
    select = _str_list(data, "select", fail) if "select" in data else None
    for sel in (
        (select or ()) + _str_list(data, "extend-select", fail) + _str_list(data, "ignore", fail)
    ):
        if not resolve_selector(sel, registry):
            raise fail(f"unknown rule or prefix {sel!r}")
    profile = data.get("profile")
    if profile is not None and profile not in PROFILES:
        raise fail(f"profile must be one of {', '.join(PROFILES)}, not {profile!r}")
    size = data.get("max-file-size", DEFAULT_MAX_FILE_SIZE)
    if not isinstance(size, int) or isinstance(size, bool) or size <= 0:
        raise fail("max-file-size must be a positive integer (bytes)")
    max_lines = data.get("max-lines", DEFAULT_MAX_LINES)
    if not isinstance(max_lines, int) or isinstance(max_lines, bool) or max_lines <= 0:
        raise fail("max-lines must be a positive integer (lines)")
    rules_table = data.get("rules", {})
    if not isinstance(rules_table, dict):
        raise fail("[rules] must be a table of rule tables")
    rules: dict[str, RuleSettings] = {}
    for key, table in rules_table.items():
        rule = lookup_rule(key, registry)
        if rule is None:
            raise fail(f"unknown rule {key!r} in [rules]")
        if not isinstance(table, dict):
            raise fail(f"[rules.{key}] must be a table")
        rules[rule.code] = _rule_settings(load(rule.code), table, fail)
    links = data.get("links", {})
    if not isinstance(links, dict):
        raise fail("[links] must be a table")
    from .links.options import validate_table

    validate_table(links, fail)
    papers = data.get("papers", {})
    if not isinstance(papers, dict):
        raise fail("[papers] must be a table")
    from .papers.options import validate_table as validate_papers

    validate_papers(papers, fail)
    return Config(
        select=select,
        extend_select=_str_list(data, "extend-select", fail),
        ignore=_str_list(data, "ignore", fail),
        profile=profile,
        max_file_size=size,
        max_lines=max_lines,
        rules=rules,
        links=links,
        papers=papers,
        source=source,
    )


def _str_list(data: Mapping[str, Any], key: str, fail) -> tuple[str, ...]:
    value = data.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise fail(f"{key} must be a list of strings")
    return tuple(value)


def _rule_settings(rule: Rule, table: Mapping[str, Any], fail) -> RuleSettings:
    from .diagnostics import Severity

    severity = None
    off = False
    options = {}
    fields = {f.name: f for f in dataclasses.fields(rule.Options)}
    for key, value in table.items():
        if key == "severity":
            if value == "off":
                off = True
                continue
            try:
                severity = Severity(value)
            except ValueError:
                raise fail(
                    f"[rules.{rule.name}] severity must be error, warning, info or off, not {value!r}"
                ) from None
            continue
        name = key.replace("-", "_")
        if name not in fields:
            known = ", ".join(["severity", *(f.replace("_", "-") for f in fields)])
            raise fail(f"[rules.{rule.name}] unknown option {key!r} (known: {known})")
        options[name] = _coerce(rule, fields[name], value, fail)
    try:
        rule.Options(**options)
    except (TypeError, ValueError) as exc:
        raise fail(f"[rules.{rule.name}] {exc}") from None
    return RuleSettings(severity, off, options)


def _coerce(rule: Rule, f: dataclasses.Field, value: Any, fail) -> Any:
    default = f.default if f.default is not dataclasses.MISSING else f.default_factory()  # type: ignore[misc]
    where = f"[rules.{rule.name}] {f.name.replace('_', '-')}"
    choices = f.metadata.get("choices")
    if isinstance(default, bool):
        ok = isinstance(value, bool)
    elif isinstance(default, int):
        ok = isinstance(value, int) and not isinstance(value, bool)
    elif isinstance(default, float):
        ok = isinstance(value, (int, float)) and not isinstance(value, bool)
    elif isinstance(default, tuple):
        ok = isinstance(value, list) and all(isinstance(v, str) for v in value)
        value = tuple(value) if ok else value
    else:  # str or None
        ok = isinstance(value, str)
    if not ok:
        raise fail(f"{where} has the wrong type ({type(value).__name__})")
    if choices and value not in choices:
        raise fail(f"{where} must be one of {', '.join(map(repr, choices))}, not {value!r}")
    validate = f.metadata.get("validate")
    if validate:
        problem = validate(value)
        if problem:
            raise fail(f"{where}: {problem}")
    return value


def lookup_rule(key: str, registry: Mapping[str, RuleRef] = REFS) -> RuleRef | None:
    """A rule by code or by name (or old name)."""
    if key.upper() in registry:
        return registry[key.upper()]
    for rule in registry.values():
        if key == rule.name or key in rule.aliases:
            return rule
    return None


def resolve_selector(selector: str, registry: Mapping[str, RuleRef] = REFS) -> list[RuleRef]:
    """Rules matched by ``ALL``, a code, a code prefix (``AL2``) or a name."""
    if selector.upper() == "ALL":
        return list(registry.values())
    rule = lookup_rule(selector, registry)
    if rule is not None:
        return [rule]
    up = selector.upper()
    if up.startswith("AL") and up[2:].isdigit():
        return [r for code, r in registry.items() if code.startswith(up)]
    return []
