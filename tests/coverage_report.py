"""Print the suite's coverage and enforce its floors: ``python -m tests.coverage_report``.

Run after ``coverage run -m pytest && coverage combine`` (the README's test command does).
The data includes every awesome-lint subprocess the tests started (``patch = subprocess``
in pyproject.toml). The total must reach ``fail_under`` (pyproject.toml) and every module
``MODULE_FLOOR``: a well-covered whole can hide a module nobody tests.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

import coverage

MODULE_FLOOR = 85.0
# Modules that landed under the floor (issue 13's paper checks, measured 2026-12-02, less a
# point for run-to-run noise): each may not fall below what it had then, so the gap can only
# close. Raise a figure when tests are added; remove the line once it reaches MODULE_FLOOR.
BELOW_FLOOR = {
    "src/awesome_lint/add/template.py": 67.0,
    "src/awesome_lint/paper_check.py": 76.0,
    "src/awesome_lint/papers/crossref.py": 82.0,
    "src/awesome_lint/papers/options.py": 72.0,
    "src/awesome_lint/papers/polite.py": 81.5,
}


def main() -> int:
    cov = coverage.Coverage()
    cov.load()
    total = cov.report(file=sys.stdout)
    floor = cov.config.fail_under
    # The JSON report lists every module of the package, those never imported included.
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "coverage.json"
        cov.json_report(outfile=str(out))
        files = json.loads(out.read_text(encoding="utf-8"))["files"]
    low = [
        f"{path}: {f['summary']['percent_covered']:.1f}%"
        for path, f in sorted(files.items())
        if f["summary"]["num_statements"]
        and f["summary"]["percent_covered"] < BELOW_FLOOR.get(path, MODULE_FLOOR)
    ]
    for path, floor_then in BELOW_FLOOR.items():
        if path in files and files[path]["summary"]["percent_covered"] < MODULE_FLOOR:
            pct = files[path]["summary"]["percent_covered"]
            print(
                f"coverage: note: {path}: {pct:.1f}% (under {MODULE_FLOOR:.0f}%; may not fall "
                f"below {floor_then:.1f}%)",
                file=sys.stderr,
            )
    failed = False
    if total < floor:
        print(f"coverage: total {total:.1f}% is under the {floor:.0f}% floor", file=sys.stderr)
        failed = True
    for line in low:
        print(f"coverage: {line} is under the {MODULE_FLOOR:.0f}% module floor", file=sys.stderr)
        failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
