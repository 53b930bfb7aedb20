"""Rule documentation: ``rules/ALxxx.md``, shipped in the wheel as ``awesome_lint/_rule_docs``."""

from __future__ import annotations

from pathlib import Path

_PACKAGED = Path(__file__).parent / "_rule_docs"
_REPOSITORY = Path(__file__).resolve().parents[2] / "rules"


def docs_dir() -> Path | None:
    for d in (_PACKAGED, _REPOSITORY):
        if d.is_dir():
            return d
    return None


def rule_doc(code: str) -> str | None:
    d = docs_dir()
    if d is None:
        return None
    path = d / f"{code}.md"
    return path.read_text(encoding="utf-8") if path.is_file() else None
