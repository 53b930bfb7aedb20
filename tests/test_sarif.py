"""--format sarif: valid SARIF 2.1.0 (schema shipped in tests/sarif/), rule metadata, regions, fixes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import jsonschema
import pytest

from awesome_lint import docs
from awesome_lint.api import lint_text
from awesome_lint.fix.apply import apply_fixes
from awesome_lint.report import sarif
from awesome_lint.rules import ALL_RULES, REGISTRY
from tests.cli_runner import FIXTURES, run
from tests.conftest import ROOT

RULE_DOCS = ROOT / "rules"

SCHEMA = json.loads(
    (Path(__file__).parent / "sarif" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8")
)


def validate(log: dict) -> None:
    cls = jsonschema.validators.validator_for(SCHEMA)
    cls.check_schema(SCHEMA)
    errors = sorted(cls(SCHEMA).iter_errors(log), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:5])


def sarif_of(tmp_path: Path, name: str) -> tuple[dict, str]:
    shutil.copyfile(FIXTURES / f"{name}.md", tmp_path / "README.md")
    proc = run("--format", "sarif", "README.md", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr.decode()
    return json.loads(proc.stdout), (tmp_path / "README.md").read_text(encoding="utf-8")


def apply_replacements(text: str, replacements: list[dict]) -> str:
    """SARIF's own reading of a region (1-based, code-point columns, end exclusive)."""
    lines = text.split("\n")
    starts = [0]
    for ln in lines:
        starts.append(starts[-1] + len(ln) + 1)

    def offset(line, col):
        return min(starts[line - 1] + col - 1, len(text))

    for r in sorted(
        replacements,
        key=lambda r: (r["deletedRegion"]["startLine"], r["deletedRegion"]["startColumn"]),
        reverse=True,
    ):
        d = r["deletedRegion"]
        a, b = offset(d["startLine"], d["startColumn"]), offset(d["endLine"], d["endColumn"])
        text = text[:a] + r["insertedContent"]["text"] + text[b:]
    return text


def test_the_schema_is_the_sarif_2_1_0_schema():
    assert SCHEMA["title"].startswith("Static Analysis Results Format (SARIF) Version 2.1.0")
    with pytest.raises(AssertionError):
        validate({"version": "2.1.0", "runs": [{"results": []}]})  # a run needs a tool


@pytest.mark.parametrize("name", ["fm_list", "dm_list"])
def test_output_validates_and_matches_the_findings(tmp_path, name):
    log, text = sarif_of(tmp_path, name)
    validate(log)
    run_ = log["runs"][0]
    assert run_["columnKind"] == "unicodeCodePoints"
    rules = run_["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == [r.code for r in ALL_RULES]
    for r in rules:
        rule = REGISTRY[r["id"]]
        assert r["name"] == rule.name and r["shortDescription"]["text"] == rule.summary
        assert (
            r["defaultConfiguration"]["level"]
            == {"error": "error", "warning": "warning", "info": "note"}[rule.default_severity.value]
        )
    findings = lint_text(text, "README.md").violations
    results = run_["results"]
    assert len(results) == len(findings)
    for res, v in zip(results, findings):
        assert res["ruleId"] == v.code and rules[res["ruleIndex"]]["id"] == v.code
        loc = res["locations"][0]["physicalLocation"]
        assert loc["artifactLocation"]["uri"] == "README.md"
        assert loc["region"] == {
            "startLine": v.span.start_line,
            "startColumn": v.span.start_col,
            "endLine": v.span.end_line,
            "endColumn": v.span.end_col,
        }
        assert ("fixes" in res) == (v.fix is not None)
        if v.fix is not None:
            # Applying the SARIF replacements gives exactly what our own fix gives.
            (change,) = res["fixes"][0]["artifactChanges"]
            assert apply_replacements(text, change["replacements"]) == apply_fixes(text, [v.fix])[0]


def test_clean_file_and_stdin_validate(tmp_path):
    shutil.copyfile(FIXTURES / "dm_list.fixed.md", tmp_path / "README.md")
    clean = json.loads(
        run("--format", "sarif", "--ignore", "AL212", "README.md", cwd=tmp_path).stdout
    )
    validate(clean)
    assert clean["runs"][0]["results"] == []
    piped = run(
        "--format", "sarif", "-", cwd=tmp_path, stdin=(FIXTURES / "dm_list.md").read_bytes()
    )
    log = json.loads(piped.stdout)
    validate(log)
    assert (
        log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        == "stdin"
    )


def test_rule_help_comes_from_the_rule_docs(monkeypatch):
    doc = "# AL207 `wrong-ordinal`\n\n## What it does\n\nFlags a day whose suffix\nis wrong.\n\n## Why is this bad?\n\nIt reads badly.\n"
    monkeypatch.setattr(docs, "rule_doc", lambda code: doc if code == "AL207" else None)
    d = sarif.rule_descriptor(REGISTRY["AL207"])
    assert d["fullDescription"]["text"] == "Flags a day whose suffix is wrong."
    assert d["help"] == {"text": doc, "markdown": doc}
    assert "help" not in sarif.rule_descriptor(REGISTRY["AL001"])


def test_shipped_rule_docs_reach_the_sarif_rules():
    # Every rule has its page in rules/, and SARIF carries that page, word for word.
    for rule in ALL_RULES:
        page = (RULE_DOCS / f"{rule.code}.md").read_text(encoding="utf-8")
        d = sarif.rule_descriptor(rule)
        assert d["help"] == {"text": page, "markdown": page}, rule.code


def test_artifact_uris():
    assert sarif.artifact_uri("docs/My List.md") == "docs/My%20List.md"
    assert sarif.artifact_uri("./README.md") == "README.md"
    assert sarif.artifact_uri(str(Path.cwd() / "a" / "b.md")) == "a/b.md"
    assert sarif.artifact_uri("/elsewhere/x.md").startswith("file:///")
