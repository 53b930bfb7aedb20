"""Fixture files: Markdown in, expected report lines out (markdown-it-py's fixture format).

Each case in tests/fixtures/rules/*.md is a title line, then `.`, the input, `.`, the
expected findings as the text reporter prints them without the path, `.`. A first-line
`<!-- awesome-lint-configure {...} -->` comment in the input holds per-case config (the same
keys as .awesome-lint.toml, as JSON); without it every default rule runs.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from markdown_it.utils import read_fixture_file

from awesome_lint.api import lint_text
from awesome_lint.config import Config, config_from_dict
from awesome_lint.report.text import format_violation
from awesome_lint.rules import REGISTRY

from .conftest import FIXTURES, TODAY

CASES = [
    pytest.param(path, title, text, expected, id=f"{path.stem}:{line}:{title}")
    for path in sorted((FIXTURES / "rules").glob("*.md"))
    for line, title, text, expected in read_fixture_file(path)
]


def config_of(text: str) -> Config:
    m = re.match(r"<!-- awesome-lint-configure (\{.*?\}) -->", text)
    return config_from_dict(json.loads(m.group(1)), REGISTRY, "fixture") if m else Config()


@pytest.mark.parametrize("path,title,text,expected", CASES)
def test_rule_fixture(path: Path, title: str, text: str, expected: str):
    result = lint_text(text, config=config_of(text), today=TODAY)
    got = "".join(format_violation("", v)[1:] + "\n" for v in result.violations)
    assert got == expected
