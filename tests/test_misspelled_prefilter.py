"""misspelled-technology runs a name's pattern only on lines holding the name's letters: the
pre-check must never hide a match that the pattern itself would find."""

from __future__ import annotations

import re
import string
import sys

from hypothesis import given
from hypothesis import strategies as st

from awesome_lint.rules.misspelled_technology import NAMES, RE_I_TO_ASCII, _pattern, letters


def test_the_table_holds_every_character_re_i_matches_to_an_ascii_letter():
    ascii_letter = re.compile("[a-z]", re.I)
    found = {
        c: c.lower() if c.isascii() else None
        for c in map(chr, range(128, sys.maxunicode + 1))
        if ascii_letter.fullmatch(c)
    }
    table = {chr(k): v for k, v in RE_I_TO_ASCII.items()}
    assert set(found) == set(table)
    for c, a in table.items():
        assert re.fullmatch(a, c, re.I)


# Names written the ways lists misspell them: any case, the characters re.I folds, spaces
# and dots between parts or dropped, glued to other text or not.
_FOLDS = {"i": "iI\u0130\u0131", "s": "sS\u017f", "k": "kK\u212a"}


@st.composite
def spelled(draw):
    name = draw(st.sampled_from(NAMES))
    out = []
    for ch in name:
        if ch in " .":
            out.append(draw(st.sampled_from(["", " ", ".", ch])))
        else:
            out.append(draw(st.sampled_from(_FOLDS.get(ch.lower(), ch.lower() + ch.upper()))))
    return "".join(out)


# Mostly what stands between words, sometimes glue (a name glued to other text is another name).
gap = st.one_of(
    st.sampled_from([" ", ", ", " (", "\u4e2d", " \u00e9 "]),
    st.text(alphabet=string.ascii_letters + " .-_/\u00e9\u4e2d", max_size=4),
)


@given(st.lists(st.tuples(gap, spelled()), min_size=1, max_size=4), gap)
def test_the_pre_check_keeps_every_match(parts, tail):
    text = "".join(a + b for a, b in parts) + tail
    seen = letters(text)
    for name in NAMES:
        if _pattern(name).search(text):
            assert letters(name) in seen, (name, text)
