"""``--format sarif``: SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.

One run; the driver lists every rule with its metadata and its documentation from
``rules/ALxxx.md``; each result carries its region and, when the finding has a fix, the
fix as replacements. Columns are counted in Unicode code points (``columnKind``), as our
spans are, not in SARIF's default UTF-16 code units.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import quote

from .. import docs
from ..diagnostics import Severity
from ..model import Span
from ..rules import ALL_RULES
from ..rules.base import Rule
from ..version import __version__
from .options import ReportOptions

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def region(span: Span) -> dict:
    return {
        "startLine": span.start_line,
        "startColumn": span.start_col,
        "endLine": span.end_line,
        "endColumn": span.end_col,
    }


def artifact_uri(path: str) -> str:
    """A relative URI for a path under the working directory (what code scanning expects),
    else an absolute file URI."""
    if path == "<stdin>":
        return "stdin"
    p = Path(path)
    if p.is_absolute():
        try:
            p = p.relative_to(Path.cwd())
        except ValueError:
            return p.as_uri()
    return quote(p.as_posix().removeprefix("./"), safe="/")


def _doc_parts(rule: Rule) -> tuple[str, str | None]:
    """(what it does, the whole Markdown doc) from ``rules/ALxxx.md``; the summary if absent."""
    doc = docs.rule_doc(rule.code)
    if not doc:
        return rule.summary, None
    m = re.search(r"^## What it does\s*\n(.*?)(?=^## |\Z)", doc, re.S | re.M)
    what = " ".join(m.group(1).split()) if m else rule.summary
    return what or rule.summary, doc


def rule_descriptor(rule: Rule) -> dict:
    what, doc = _doc_parts(rule)
    d = {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": what},
        "defaultConfiguration": {
            "level": LEVEL[rule.default_severity],
            "enabled": rule.enabled_by_default,
        },
        "properties": {"tags": list(rule.tags), "fixable": rule.fixable.value},
    }
    if doc:
        d["help"] = {"text": doc, "markdown": doc}
    return d


def _result(path_uri: str, v, index: dict[str, int]) -> dict:
    location = {
        "physicalLocation": {"artifactLocation": {"uri": path_uri}, "region": region(v.span)}
    }
    r = {
        "ruleId": v.code,
        "level": LEVEL[v.severity],
        "message": {"text": v.message},
        "locations": [location],
    }
    if v.code in index:
        r["ruleIndex"] = index[v.code]
    if v.fix is not None:
        r["fixes"] = [
            {
                "description": {"text": v.fix.description},
                "artifactChanges": [
                    {
                        "artifactLocation": {"uri": path_uri},
                        "replacements": [
                            {
                                "deletedRegion": region(e.span),
                                "insertedContent": {"text": e.replacement},
                            }
                            for e in v.fix.edits
                        ],
                    }
                ],
            }
        ]
    return r


def document(results: Sequence, rules: Sequence[Rule] | None = None) -> dict:
    rules = list(ALL_RULES if rules is None else rules)
    index = {r.code: i for i, r in enumerate(rules)}
    sarif_results = []
    artifacts = []
    for res in results:
        uri = artifact_uri(res.path)
        artifacts.append(
            {"location": {"uri": uri}, "roles": ["analysisTarget"], "mimeType": "text/markdown"}
        )
        sarif_results.extend(_result(uri, v, index) for v in res.violations)
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "awesome-lint",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "rules": [rule_descriptor(r) for r in rules],
                    }
                },
                "artifacts": artifacts,
                "results": sarif_results,
                "columnKind": "unicodeCodePoints",
            }
        ],
    }


def render(results: Sequence, options: ReportOptions = ReportOptions()) -> str:
    return json.dumps(document(results), ensure_ascii=False, indent=2) + "\n"
