"""The shortcuts the rule phase takes for speed give what the plain computation gives.

- ``normalize_title``'s ASCII path (bytes.translate) equals the general one (NFKC, casefold,
  the punctuation pattern) on every ASCII text;
- ``line_indexes`` (one search over the text) finds the lines a per-line match finds, so
  trailing-whitespace and double-bullet report the same lines as a line-by-line walk;
- ``facts(doc)`` is one object per document, its entry links those of each entry's links
  lines, and ``host`` is ``host_of``;
- the rule phase leaves the cycle collector as it found it.
"""

from __future__ import annotations

import gc
import re
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from awesome_lint.api import lint_text
from awesome_lint.config import Config
from awesome_lint.parse.identity import normalize_title
from awesome_lint.parse.parser import parse
from awesome_lint.rules.facts import facts, host_of, line_indexes, links_line_links
from awesome_lint.rules.trailing_whitespace import _is_hard_break

from .conftest import TODAY

ASCII = st.text(alphabet=st.characters(max_codepoint=127), max_size=80)


def _general(title: str) -> str:
    text = unicodedata.normalize("NFKC", title).casefold()
    return " ".join(re.sub(r"[^\w\s+]", " ", text).split())


@settings(max_examples=400, deadline=None)
@given(ASCII)
def test_normalize_title_ascii_path_is_the_general_one(title):
    normalize_title.cache_clear()
    assert normalize_title(title) == _general(title)


def test_normalize_title_non_ascii_still_folds():
    assert normalize_title("Ｓｅｇｍｅｎｔ  Ánything—In 3D") == _general(
        "Ｓｅｇｍｅｎｔ  Ánything—In 3D"
    )
    assert normalize_title("SAME++: a Paper") == "same++ a paper"


LINES = st.lists(st.text(alphabet=" \t-*+ab\r", max_size=12), max_size=12)


@settings(max_examples=300, deadline=None)
@given(LINES, st.booleans())
def test_line_indexes_finds_the_lines_a_per_line_match_finds(lines, final_newline):
    text = "\n".join(lines) + ("\n" if final_newline else "")
    split = text.split("\n")
    if text.endswith("\n"):
        split.pop()
    for pattern in (r"[ \t]$", r"^[ \t]*[-*+][ \t]+(?=[-*+][ \t]+\S)"):
        per_line = [i for i, ln in enumerate(split) if re.search(pattern, ln)]
        assert line_indexes(re.compile(pattern, re.M), text) == per_line


@settings(max_examples=150, deadline=None)
@given(LINES)
def test_whitespace_and_bullet_rules_report_the_lines_a_line_walk_finds(lines):
    text = "# List\n\n" + "\n".join(lines) + "\n"
    config = Config(select=("trailing-whitespace", "double-bullet"))
    found = lint_text(text, config=config, today=TODAY).violations
    doc = parse(text)
    headings = {h.line for h in doc.headings}
    trailing = set()  # the line-by-line walk the rule did before
    for i, ln in enumerate(doc.lines):
        stripped = ln.rstrip(" \t")
        if stripped == ln:
            continue
        if stripped and _is_hard_break(ln, stripped, doc.lines, i, doc.opaque_lines, headings):
            continue
        if i + 1 in doc.opaque_lines and stripped:
            continue
        trailing.add(i + 1)
    assert {v.line for v in found if v.code == "AL001"} == trailing
    doubled = {
        i + 1
        for i, ln in enumerate(doc.lines)
        if re.match(r"^[ \t]*[-*+][ \t]+(?=[-*+][ \t]+\S)", ln)
        and i + 1 not in doc.opaque_lines
        and not re.match(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$", ln)
    }
    assert {v.line for v in found if v.code == "AL416"} == doubled


LIST = """# Papers

**Paper One**<br>
*A Author*<br>
[[Paper](https://arxiv.org/abs/2401.00001)] [[Code](https://github.com/a/one)]

- [Tool](https://www.example.org/tool) - A tool. [Docs](http://docs.example.org/x)
"""


def test_facts_are_one_object_per_document():
    doc = parse(LIST)
    assert facts(doc) is facts(doc)
    other = parse(LIST)
    assert facts(other) is not facts(doc)
    assert facts(other).doc is other


def test_entry_links_are_each_entrys_links_line_links():
    doc = parse(LIST)
    walked = [(e, lk) for e in doc.entries for lk in links_line_links(e)]
    assert list(facts(doc).entry_links) == walked
    assert [lk.label for _, lk in walked] == ["Paper", "Code"]


def test_host_is_host_of():
    doc = parse(LIST)
    for lk in doc.links:
        assert facts(doc).host(lk.url) == host_of(lk.url)
    assert host_of("https://www.Example.org/tool") == "example.org"
    assert host_of("mailto:a@b.org") == ""


def test_the_rule_phase_leaves_the_collector_as_it_found_it():
    assert gc.isenabled()
    lint_text(LIST, today=TODAY)
    assert gc.isenabled()
    gc.disable()
    try:
        lint_text(LIST, today=TODAY)
        assert not gc.isenabled()
    finally:
        gc.enable()
