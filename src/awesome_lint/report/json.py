"""``--format json``: the stable machine-readable schema (DESIGN.md, "Contract")."""

from __future__ import annotations

import json
from collections.abc import Sequence

from .options import ReportOptions

SCHEMA_VERSION = 1


def diagnostic(v) -> dict:
    return {
        "code": v.code,
        "name": v.name,
        "severity": v.severity.value,
        "message": v.message,
        "line": v.span.start_line,
        "column": v.span.start_col,
        "end_line": v.span.end_line,
        "end_column": v.span.end_col,
        "fixable": v.fix is not None,
    }


def render(results: Sequence, options: ReportOptions = ReportOptions()) -> str:
    payload = {
        "version": SCHEMA_VERSION,
        "files": [
            {
                "path": r.path,
                "entries": len(r.document.entries),
                "diagnostics": [diagnostic(v) for v in r.violations],
            }
            for r in results
        ],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
