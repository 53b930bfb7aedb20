"""nonstandard-link-label's edit distance: with a limit it answers the same as without, capped."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from awesome_lint.rules.nonstandard_link_label import distance

words = st.text(alphabet="abcd", max_size=8)


def _osa(a: str, b: str) -> int:
    # The textbook table, written out in full: optimal string alignment distance.
    d = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) + 1):
        d[i][0] = i
    for j in range(len(b) + 1):
        d[0][j] = j
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[len(a)][len(b)]


@given(words, words, st.integers(min_value=0, max_value=4))
def test_a_limited_distance_is_the_distance_capped_at_limit_plus_one(
    a: str, b: str, limit: int
) -> None:
    exact = _osa(a, b)
    assert distance(a, b) == exact
    assert distance(a, b, limit) == min(exact, limit + 1)


def test_known_distances() -> None:
    assert distance("gitub", "github") == 1
    assert distance("pfd", "pdf") == 1  # a swap of neighbours counts once
    assert distance("paper", "paper", 0) == 0
    assert distance("abcdef", "uvwxyz", 2) == 3
