"""Every rule is shown to fire by a test: planted into the fixture lists by test_planted.py,
or, where it cannot be planted offline (it needs the network, or a list shape the paper
fixtures do not have), named here with the test that covers it. The named test must exist
and be about that rule, so a rule added without a test fails here, and no entry can rot."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from markdown_it.utils import read_fixture_file

from awesome_lint.rules import ALL_RULES

from .plant import PLANTERS

TESTS = Path(__file__).parent

# Rules that decide by a fetched answer (--check-links, --check-papers): their tests feed
# them link or paper results, or run the checker against servers on 127.0.0.1.
NETWORK = {
    "dead-link": "links/test_link_rules.py::test_dead_and_invalid_are_errors_at_each_place",
    "unreachable-link": "links/test_link_rules.py::test_unreachable_blocked_and_refused",
    "redirected-link": "links/test_link_rules.py::test_redirected_fix_keeps_the_fragment",
    "archived-repository": "links/test_link_rules.py::test_archived_repository",
    "title-mismatch": (
        "papers/test_paper_rules.py::test_title_mismatch_ignores_case_punctuation_and_latex"
    ),
    "author-mismatch": "papers/test_paper_rules.py::test_author_mismatch",
    "date-mismatch": (
        "papers/test_paper_rules.py::test_date_mismatch_follows_the_lists_habit_of_latest_versions"
    ),
    "stale-venue": "papers/test_paper_rules.py::test_stale_venue_names_what_was_found",
    "unknown-paper": (
        "papers/test_paper_rules.py::test_unknown_and_withdrawn_papers_are_errors_but_title_misses_are_not"
    ),
}

# Offline rules not planted (yet): about the document or classic `- [Name](url) - text` items,
# which the paper fixture lists do not have, or defects an entry planter cannot make
# without changing other entries. Each has cases in a fixture file of
# tests/fixtures/rules/, run by tests/test_rule_fixtures.py.
FIXTURE_FILES = {
    "invalid-suppression": "document.md",
    "empty-section": "document.md",
    "toc-mismatch": "document.md",
    "heading-level-skip": "document.md",
    "unreadable-section": "document.md",
    "date-style": "dates.md",
    "line-break-style": "layouts.md",
    "duplicate-entry": "entries.md",
    "entry-out-of-order": "entries.md",
    "indented-entry": "layouts.md",
    "link-form-style": "links.md",
    "wrong-item-separator": "classic.md",
    "lowercase-description": "classic.md",
    "unterminated-description": "classic.md",
    "description-repeats-name": "classic.md",
    "missing-awesome-badge": "classic.md",
    "main-heading-not-title-case": "classic.md",
    "main-heading-count": "classic.md",
    "toc-item-mismatch": "classic.md",
    "duplicate-link": "classic.md",
    "unbalanced-punctuation": "classic.md",
    "ci-badge": "classic.md",
    "missing-contributing-guide": "classic.md",
    "license-section": "classic.md",
    "misspelled-technology": "classic.md",
    "unsorted-items": "classic.md",
    "double-bullet": "classic.md",
}

RULES = {r.name: r for r in ALL_RULES}


def test_every_rule_is_planted_or_named_with_its_test():
    planted, network, fixtures = set(PLANTERS), set(NETWORK), set(FIXTURE_FILES)
    assert not planted & (network | fixtures), "planted rules need no entry in these tables"
    assert not network & fixtures
    assert planted | network | fixtures == set(RULES), (
        f"untested: {sorted(set(RULES) - planted - network - fixtures)}; "
        f"unknown: {sorted((planted | network | fixtures) - set(RULES))}"
    )


@pytest.mark.parametrize("rule", sorted(NETWORK))
def test_the_named_test_exists_and_is_about_the_rule(rule):
    path, name = NETWORK[rule].split("::")
    source = (TESTS / path).read_text(encoding="utf-8")
    functions = {
        node.name: ast.get_source_segment(source, node)
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.FunctionDef)
    }
    assert name in functions, f"{path} has no test {name}"
    code = RULES[rule].code
    assert rule in functions[name] or code in functions[name], f"{name} never names {rule}"


@pytest.mark.parametrize("rule", sorted(FIXTURE_FILES))
def test_a_fixture_case_expects_the_rule(rule):
    code = RULES[rule].code
    cases = read_fixture_file(TESTS / "fixtures" / "rules" / FIXTURE_FILES[rule])
    expected = [exp for _, _, _, exp in cases if re.search(rf"\b{code} {re.escape(rule)}\b", exp)]
    assert expected, f"no case of {FIXTURE_FILES[rule]} expects {code} {rule}"
