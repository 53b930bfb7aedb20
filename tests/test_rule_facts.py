"""The shortcuts the rule phase takes for speed give what the plain computation gives.

- ``normalize_title``'s ASCII path (bytes.translate) equals the general one (NFKC, casefold,
  the punctuation pattern) on every ASCII text;
- ``facts(doc)`` is one object per document, its entry links those of each entry's links
  lines, and ``host`` is ``host_of``;
- author-list-punctuation's cheap tests never skip a segment one of its patterns matches;
- ``quote`` of a long text, read from its head, is the quotation of the whole;
- the rule phase leaves the cycle collector as it found it, and no rule module holds the
  document once its lint is over (one held to the interpreter's exit is walked by the
  exit's cycle collection: a big list's run paid for that).
"""

from __future__ import annotations

import gc
import re
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from awesome_lint.api import lint_text
from awesome_lint.config import Config
from awesome_lint.engine import lint
from awesome_lint.parse.identity import normalize_title
from awesome_lint.parse.parser import parse
from awesome_lint.rules import author_list_punctuation
from awesome_lint.rules.facts import facts, host_of, links_line_links
from awesome_lint.rules.messages import quote

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
    was = gc.isenabled()  # (the command line's main() turns it off for its process)
    try:
        gc.enable()
        lint_text(LIST, today=TODAY)
        assert gc.isenabled()
        gc.disable()
        lint_text(LIST, today=TODAY)
        assert not gc.isenabled()
    finally:
        gc.enable() if was else gc.disable()


def test_no_rule_module_holds_the_document_after_its_lint():
    doc = parse(LIST)
    result = lint(doc, Config(), today=TODAY)
    held = [
        r
        for r in gc.get_referrers(doc)
        if r is not result and type(r).__module__.startswith("awesome_lint.rules")
    ]
    assert held == []
    # During the lint the rules share one Facts of it; it is a fresh one afterwards.
    assert facts(doc).doc is doc


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=" \t,.aB\xa0", max_size=20))
def test_author_punctuation_precheck_never_hides_a_problem(segment):
    patterns = [p for p, *_ in author_list_punctuation._PROBLEMS] + [
        author_list_punctuation._TRAILING_COMMA,
        author_list_punctuation._LEADING_COMMA,
    ]
    if any(p.search(segment) for p in patterns):
        assert author_list_punctuation.may_have_problem(segment)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=" \n\tab", max_size=300), st.integers(min_value=2, max_value=70))
def test_quote_reads_a_head_only_when_that_gives_the_same_quotation(text, limit):
    collapsed = " ".join(text.split())
    if len(collapsed) > limit:
        collapsed = collapsed[: limit - 1].rstrip() + "…"
    assert quote(text, limit) == f'"{collapsed}"'
