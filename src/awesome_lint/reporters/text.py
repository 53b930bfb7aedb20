"""``path:line:col: CODE name: message`` lines and a one-line summary, like ruff and flake8."""

from __future__ import annotations

from typing import Sequence

from ..rules.base import Severity


def format_violation(path: str, v) -> str:
    tag = "" if v.severity is Severity.ERROR else f" [{v.severity.value}]"
    return f"{path}:{v.span.start_line}:{v.span.start_col}: {v.code} {v.name}: {_one_line(v.message)}{tag}"


def _one_line(text: str) -> str:
    return " ".join(text.split())


def summary(results: Sequence) -> str:
    errors = sum(r.errors for r in results)
    warnings = sum(r.warnings for r in results)
    infos = sum(1 for r in results for v in r.violations if v.severity is Severity.INFO)
    fixable = sum(1 for r in results for v in r.violations if v.fix is not None)
    entries = sum(len(r.document.entries) for r in results)
    files = f"{len(results)} file{'s' if len(results) != 1 else ''}"
    total = errors + warnings + infos
    if not total:
        return f"All clear: {entries} entries in {files}, no problems."
    parts = [f"{errors} error{'s' if errors != 1 else ''}", f"{warnings} warning{'s' if warnings != 1 else ''}"]
    if infos:
        parts.append(f"{infos} info")
    tail = f"; {fixable} fixable" if fixable else ""
    return f"Found {total} problem{'s' if total != 1 else ''} ({', '.join(parts)}) in {entries} entries, {files}{tail}."


def render(results: Sequence) -> str:
    lines = [format_violation(r.path, v) for r in results for v in r.violations]
    lines.append(summary(results))
    return "\n".join(lines) + "\n"
