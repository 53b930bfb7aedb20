"""Rule documentation: ``rules/ALxxx.md``, shipped in the wheel as ``awesome_lint/_rule_docs``."""

from __future__ import annotations

from pathlib import Path

from .rules import ALL_RULES

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


def index_table(link_prefix: str = "") -> str:
    """The rule index table, generated from the registry (rules/README.md and README.md)."""
    rows = ["| code | name | severity | fix | what it flags |", "|---|---|---|---|---|"]
    for r in ALL_RULES:
        opt = " (opt-in)" if not r.enabled_by_default else ""
        rows.append(
            f"| [{r.code}]({link_prefix}{r.code}.md) | `{r.name}` | {r.default_severity.value} | {r.fixable.value} | {r.summary}{opt} |"
        )
    return "\n".join(rows) + "\n"


MARKERS = ("<!-- rules-index -->\n", "<!-- /rules-index -->")


def replace_index(text: str, table: str) -> str:
    start = text.index(MARKERS[0]) + len(MARKERS[0])
    end = text.index(MARKERS[1])
    return text[:start] + table + text[end:]


if __name__ == "__main__":  # python -m awesome_lint.docs: rewrite both index tables
    for path, prefix in (
        (_REPOSITORY / "README.md", ""),
        (_REPOSITORY.parent / "README.md", "rules/"),
    ):
        path.write_text(
            replace_index(path.read_text(encoding="utf-8"), index_table(prefix)), encoding="utf-8"
        )
        print(f"updated {path}")
