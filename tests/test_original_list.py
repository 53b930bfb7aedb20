"""The list this project started from: exactly the findings a maintainer expects (issue 2).

missing-authors for the two `*none*` entries and the one whose authors line repeats its
title; author-list-punctuation for `Yu Qiao,`; mojibake on its three mangled lines;
empty-section for Survey Papers; entry-out-of-order in Contrastive and in Generative;
shortened-url for the tinyurl and aka.ms links; missing-line-break (warning) for the four
entries whose last line lacks <br>; main-heading-count (warning) for the second H1 `# Menu`
(FORMATS.md §6: fixed upstream later); nothing else on any entry line but trailing whitespace.
"""

from __future__ import annotations

import json

from awesome_lint.api import lint_text
from awesome_lint.report.export import document_dict
from awesome_lint.report.text import format_violation

from .conftest import FIXTURES, TODAY

ORIGINAL = FIXTURES / "real" / "original_list.md"

EXPECTED = {
    ("mojibake", 6),
    ("mojibake", 8),
    ("main-heading-count", 36),
    ("empty-section", 52),
    ("shortened-url", 68),
    ("entry-out-of-order", 85),
    ("shortened-url", 98),
    ("mojibake", 108),
    ("missing-authors", 197),
    ("entry-out-of-order", 204),
    ("missing-authors", 218),
    ("missing-line-break", 230),
    ("author-list-punctuation", 234),
    ("missing-line-break", 242),
    ("missing-authors", 264),
    ("missing-line-break", 293),
    ("missing-line-break", 311),
}


def result():
    return lint_text(ORIGINAL.read_text(encoding="utf-8"), "README.md", today=TODAY)


def test_exactly_the_expected_findings():
    r = result()
    got = {(v.name, v.line) for v in r.violations if v.name != "trailing-whitespace"}
    assert got == EXPECTED
    assert {v.severity.value for v in r.violations if v.name == "missing-line-break"} == {"warning"}
    entry_lines = {
        n for e in r.document.entries for n in range(e.span.start_line, e.span.end_line + 1)
    }
    whitespace = [
        v for v in r.violations if v.name == "trailing-whitespace" and v.line in entry_lines
    ]
    assert all(
        r.document.lines[v.line - 1] != r.document.lines[v.line - 1].rstrip() for v in whitespace
    )


def test_entry_counts_per_section():
    doc = result().document
    counts = [
        (s.heading.text, len(s.entries))
        for s in doc.all_sections()
        if s.heading and s.heading.level >= 2
    ]
    assert [c for c in counts if c[1]] == [
        ("Contrastive", 12), ("Conversational", 9), ("Generative", 3), ("Hybrid", 2), ("Adaptations", 8), ("Generalist", 6)
    ]  # fmt: skip
    assert ("Survey Papers", 0) in counts
    assert len(doc.entries) == 40


def test_report_snapshot(file_regression):
    r = result()
    text = "".join(format_violation("README.md", v) + "\n" for v in r.violations)
    file_regression.check(text, extension=".txt")


def test_export_snapshot(file_regression):
    exported = json.dumps(document_dict(result().document), ensure_ascii=False, indent=1)
    file_regression.check(exported, extension=".json")
