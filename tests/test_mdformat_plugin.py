"""The mdformat plugin, through the real ``mdformat`` command installed with the test extra.

Each fixture in ``fixtures/mdformat/`` is an excerpt of a real list in one layout (block,
bullet, table, title-date, venue-prefix, classic) or a small list with reference links and
adjacent lists. mdformat runs on a copy with its HTML validation on (never
``--no-validate``); the result must keep every recognised entry and item line for line,
format the rest, pass ``mdformat --check`` (one pass is enough), add no awesome-lint finding,
and equal the reviewed result in ``fixtures/mdformat/expected/``.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

import pytest

from awesome_lint import lint_text
from tests.conftest import FIXTURES, assert_no_traffic, entry_texts, fenced_env

CASES = FIXTURES / "mdformat"
LAYOUTS = sorted(p.name for p in CASES.glob("*.md"))
MDFORMAT = shutil.which("mdformat", path=str(Path(sys.executable).parent))


def mdformat(*args: str, cwd: Path, stdin: str | None = None) -> subprocess.CompletedProcess:
    if MDFORMAT is None:
        pytest.fail("mdformat is not installed; run: pip install -e '.[test]'")
    netlog = Path(tempfile.mkstemp(prefix="netlog.")[1])
    proc = subprocess.run(
        [MDFORMAT, *args],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        text=True,
        env=fenced_env(dict(os.environ), netlog),
        timeout=120,
    )
    assert_no_traffic(netlog)
    return proc


def findings(text: str) -> Counter:
    # Formatting moves lines: compare by code and message, numbers masked.
    return Counter((v.code, re.sub(r"\d+", "#", v.message)) for v in lint_text(text).violations)


@pytest.mark.parametrize("name", LAYOUTS)
def test_entries_stay_as_written_and_the_rest_is_formatted(tmp_path, name):
    source = (CASES / name).read_text(encoding="utf-8")
    target = tmp_path / "README.md"
    target.write_text(source, encoding="utf-8")

    run = mdformat(str(target), cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    out = target.read_text(encoding="utf-8")

    assert entry_texts(source), "the fixture must hold entries or items"
    assert entry_texts(out) == entry_texts(source)
    assert out != source  # the rest was formatted
    check = mdformat("--check", str(target), cwd=tmp_path)
    assert check.returncode == 0, check.stderr
    assert not findings(out) - findings(source)
    assert out == (CASES / "expected" / name).read_text(encoding="utf-8")


@pytest.mark.parametrize("name", LAYOUTS)
def test_plain_mdformat_rewrites_the_entries_of_each_fixture(tmp_path, name):
    # Without this the fixtures would not show the plugin doing anything.
    source = (CASES / name).read_text(encoding="utf-8")
    plain = mdformat("--no-extensions", "-", cwd=tmp_path, stdin=source)
    assert plain.returncode == 0, plain.stderr
    assert entry_texts(plain.stdout) != entry_texts(source)


TABLE = """# Benchmarks

| Model | Top-1 | Notes |
|---|:-:|---|
| ResNet-50 | 76.1 | 8*V100, [[log](https://example.org/log)] |
"""


def test_tables_are_formatted_unless_kept(tmp_path):
    out = mdformat("-", cwd=tmp_path, stdin=TABLE)
    assert out.returncode == 0, out.stderr
    assert "8\\*V100, \\[[log]" in out.stdout  # mdformat's escapes: the table is not kept

    kept = mdformat("--keep", "tables", "-", cwd=tmp_path, stdin=TABLE)
    assert kept.stdout == TABLE

    (tmp_path / ".mdformat.toml").write_text(
        '[plugin.awesome-lint]\nkeep = ["entries", "tables"]\n', encoding="utf-8"
    )
    target = tmp_path / "README.md"
    target.write_text(TABLE, encoding="utf-8")
    assert mdformat(str(target), cwd=tmp_path).returncode == 0
    assert target.read_text(encoding="utf-8") == TABLE


def test_an_unknown_part_is_one_line_naming_the_file(tmp_path):
    (tmp_path / ".mdformat.toml").write_text(
        '[plugin.awesome-lint]\nkeep = ["entries", "tabels"]\n', encoding="utf-8"
    )
    target = tmp_path / "README.md"
    target.write_text(TABLE, encoding="utf-8")
    run = mdformat(str(target), cwd=tmp_path)
    assert run.returncode != 0
    assert "Traceback" not in run.stderr
    (line,) = run.stderr.strip().splitlines()
    assert str(target) in line and "'tabels'" in line and "entries, tables" in line
    assert target.read_text(encoding="utf-8") == TABLE  # nothing written


def test_the_plugin_is_registered_under_its_id(tmp_path):
    run = mdformat("--version", cwd=tmp_path)
    assert "awesome-lint" in run.stdout
    only = mdformat("--extensions", "awesome-lint", "-", cwd=tmp_path, stdin=TABLE)
    assert only.returncode == 0, only.stderr
