"""Every rule's doc runs: its bad example is flagged, its good one is clean, its fix works.

No linter we studied runs its own doc examples; ours do, so the docs cannot drift.
"""

from __future__ import annotations

import dataclasses
import re

import pytest

from awesome_lint.api import fix_text, lint_text
from awesome_lint.docs import docs_dir, rule_doc
from awesome_lint.rules import ALL_RULES
from awesome_lint.rules.base import Fixability, Kind

from .conftest import FIXTURES, ROOT, TODAY, only

_FENCE = re.compile(r"^```markdown\n(.*?)^```", re.M | re.S)


def _sections(doc: str) -> dict[str, str]:
    """The page's ``## `` sections; headings inside fenced examples belong to the example."""
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    fenced = False
    for line in doc.splitlines(keepends=True):
        if line.startswith("```"):
            fenced = not fenced
        elif not fenced and line.startswith("## "):
            current = sections.setdefault(line[3:].strip(), [])
            continue
        if current is not None:
            current.append(line)
    return {name: "".join(body) for name, body in sections.items()}


def _examples(doc: str) -> tuple[str, str]:
    example = _sections(doc)["Example"]
    bad_part, _, good_part = example.partition("Use instead:")
    bad = _FENCE.search(bad_part)
    good = _FENCE.search(good_part)
    assert bad and good, (
        "the Example section needs a ```markdown block, 'Use instead:', and another block"
    )
    return bad.group(1), good.group(1)


def _config_comment(text: str) -> dict:
    """Per-example options: <!-- awesome-lint-configure {"marker": "<br>"} --> on the first line."""
    import json

    m = re.match(r"<!-- awesome-lint-configure (\{.*?\}) -->\n", text)
    return json.loads(m.group(1)) if m else {}


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda r: f"{r.code}-{r.name}")
def test_doc_header_matches_metadata(rule):
    doc = rule_doc(rule.code)
    assert doc is not None, f"rules/{rule.code}.md is missing"
    lines = [ln for ln in doc.splitlines() if ln.strip()]
    assert lines[0] == f"# {rule.code} `{rule.name}`"
    tags = ", ".join(rule.tags)
    fix = rule.fixable.value
    if rule.fixable is not Fixability.NEVER:
        fix += f", {rule.fix_safety.value}"
    assert lines[1] == (
        f"Kind: {rule.kind.value} · Severity: {rule.default_severity.value} · Fix: {fix} · Tags: {tags}"
    )
    sections = _sections(doc)
    if rule.kind is Kind.CONVENTION:
        assert "majority" in sections["What it does"], (
            "a convention rule's doc says which majority it follows and that it is silent without one"
        )
    for name in ("What it does", "Why is this bad?", "Example"):
        assert name in sections, f"missing section '## {name}'"
    if rule.fixable is not Fixability.NEVER:
        assert "Fix" in sections, "fixable rules document their fix"
    fields = [f.name.replace("_", "-") for f in dataclasses.fields(rule.Options)]
    if fields:
        assert "Options" in sections, "rules with options document them"
        for name in fields:
            assert f"`{name}`" in sections["Options"], f"option {name} is not documented"


def _doc_link_results() -> dict:
    """What --check-links would have found for the URLs in the link rules' examples."""
    import json

    from awesome_lint.links.result import LinkResult

    data = json.loads((FIXTURES / "links" / "doc_link_results.json").read_text(encoding="utf-8"))
    return {r["url"]: LinkResult.from_json(r) for r in data["results"]}


def _doc_paper_results() -> dict:
    """What --check-papers would have found for the papers in the rules' examples."""
    import json

    from awesome_lint.papers.records import PaperResult

    data = json.loads((FIXTURES / "papers" / "doc_paper_results.json").read_text(encoding="utf-8"))
    return {r["query"]: PaperResult.from_json(r) for r in data["results"]}


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda r: f"{r.code}-{r.name}")
def test_doc_examples_run(rule):
    doc = rule_doc(rule.code)
    assert doc is not None
    bad, good = _examples(doc)
    options = _config_comment(bad)
    config = only(rule.code, **({rule.name: options} if options else {}))
    network = {"link_results": _doc_link_results(), "paper_results": _doc_paper_results()}
    flagged = [
        v
        for v in lint_text(bad, config=config, today=TODAY, **network).violations
        if v.code == rule.code
    ]
    assert flagged, f"the bad example of {rule.code} is not flagged"
    clean = [
        v
        for v in lint_text(good, config=config, today=TODAY, **network).violations
        if v.code == rule.code
    ]
    assert not clean, f"the good example of {rule.code} is flagged: {[v.message for v in clean]}"
    if rule.fixable is not Fixability.NEVER:
        fixed, result, applied = fix_text(bad, config=config, today=TODAY, unsafe=True, **network)
        assert applied, f"the bad example of {rule.code} offers no fix"
        assert not [v for v in result.violations if v.fix is not None], (
            "fixable findings remain after fixing"
        )
        assert fixed == good, "fixing the bad example should give the good one"


def test_every_doc_belongs_to_a_rule():
    codes = {r.code for r in ALL_RULES}
    docs = {p.stem for p in docs_dir().glob("AL*.md")}
    assert docs <= codes, f"docs without a rule: {sorted(docs - codes)}"


@pytest.mark.parametrize("path,prefix", [("rules/README.md", ""), ("README.md", "rules/")])
def test_index_tables_match_the_registry(path, prefix):
    from awesome_lint.docs import index_table, replace_index

    text = (ROOT / path).read_text(encoding="utf-8")
    # What `python -m awesome_lint.docs` would write is what is there.
    assert replace_index(text, index_table(prefix)) == text, "run: python -m awesome_lint.docs"


def test_replace_index_rewrites_only_between_the_markers():
    from awesome_lint.docs import MARKERS, replace_index

    text = f"before\n{MARKERS[0]}| old |\n{MARKERS[1]}\nafter\n"
    assert replace_index(text, "| new |\n") == f"before\n{MARKERS[0]}| new |\n{MARKERS[1]}\nafter\n"


def test_without_the_rule_docs_explain_says_so(monkeypatch, tmp_path, capsys):
    from awesome_lint import cli, docs

    monkeypatch.setattr(docs, "_PACKAGED", tmp_path / "missing")
    monkeypatch.setattr(docs, "_REPOSITORY", tmp_path / "missing-too")
    assert docs.docs_dir() is None and docs.rule_doc("AL202") is None
    assert cli.main(["--explain", "AL202"]) == 2
    assert capsys.readouterr().err == "awesome-lint: no documentation found for AL202\n"
