"""The rule table (rules/__init__.py): every rule module is in it, each row loads its rule, and
the attributes a run is decided by come from the row alone."""

from __future__ import annotations

import ast
from pathlib import Path

import awesome_lint.rules as rules
from awesome_lint.config import lookup_rule, resolve_selector
from awesome_lint.rules.base import Rule

RULES_DIR = Path(rules.__file__).parent


def _rule_classes_on_disk() -> dict[str, str]:
    """module.Class -> code, for every Rule subclass written in rules/*.py."""
    found = {}
    for path in sorted(RULES_DIR.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:
            if isinstance(node, ast.ClassDef) and any(
                isinstance(b, ast.Name) and b.id == "Rule" for b in node.bases
            ):
                code = next(
                    s.value.value
                    for s in node.body
                    if isinstance(s, ast.Assign) and s.targets[0].id == "code"  # type: ignore[attr-defined]
                )
                found[f"{path.stem}.{node.name}"] = code
    return found


def test_every_rule_module_has_a_row_and_every_row_its_rule() -> None:
    assert {r.where: r.code for r in rules.RULES} == _rule_classes_on_disk()


def test_each_row_loads_a_rule_carrying_the_row_s_attributes() -> None:
    for ref in rules.RULES:
        rule = rules.load(ref.code)
        assert isinstance(rule, Rule) and rule.code == ref.code
        assert rules.load(ref.code) is rule  # one instance per run
        for attr in ("name", *ref._fields[3:]):
            assert getattr(rule, attr) == getattr(ref, attr), (ref.code, attr)


def test_selection_reads_the_table() -> None:
    assert lookup_rule("dead-link").code == "AL306"
    assert lookup_rule("al306").code == "AL306"
    assert [r.code for r in resolve_selector("AL5")] == [
        "AL501",
        "AL502",
        "AL503",
        "AL504",
        "AL505",
    ]
    assert resolve_selector("no-such-rule") == []
    assert [r.code for r in rules.ALL_RULES] == [r.code for r in rules.RULES]
