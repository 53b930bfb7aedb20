"""Property tests: title folding and the feed parser hold up on arbitrary input."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from awesome_lint.papers.arxiv import canonical_id, parse_feed
from awesome_lint.papers.polite import FetchError
from awesome_lint.titles import clean_title, fold


@given(st.text())
def test_fold_is_idempotent_and_ignores_case(text):
    assert fold(fold(text)) == fold(text)
    # LaTeX command names are case-sensitive (\b is an accent, \B is not).
    assert fold(text.upper()) == fold(text.lower()) or not text.isascii() or "\\" in text


@given(st.text())
def test_clean_title_has_no_latex_markup_or_runs_of_spaces(text):
    cleaned = clean_title(text)
    assert "$" not in cleaned and "  " not in cleaned


@given(st.binary())
def test_parse_feed_never_raises_anything_but_fetch_error(data):
    try:
        parse_feed(data)
    except FetchError:
        pass


@given(st.from_regex(r"\d{4}\.\d{4,5}(v\d{1,2})?", fullmatch=True))
def test_canonical_new_style_ids_drop_the_version(raw):
    assert canonical_id(raw) == raw.split("v")[0]
