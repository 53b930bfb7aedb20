"""The ``[links]`` table: each key's type is checked and the error names the key; durations
read the way lychee writes them."""

from __future__ import annotations

import pytest

from awesome_lint.links.options import from_table, parse_duration
from awesome_lint.links.settings import SettingsError


@pytest.mark.parametrize(
    "table,error",
    [
        ({"no-cache": "yes"}, "no-cache has the wrong type (str)"),
        ({"max-retries": True}, "max-retries has the wrong type (bool)"),
        ({"max-concurrency": 2.5}, "max-concurrency has the wrong type (float)"),
        ({"timeout": "soon"}, "timeout has the wrong type (str)"),
        ({"timeout": False}, "timeout has the wrong type (bool)"),
        ({"user-agent": 3}, "user-agent has the wrong type (int)"),
        ({"exclude": [1]}, "exclude must be a list of regular expressions"),
        ({"include": {"a": 1}}, "include must be a list of regular expressions"),
        (
            {"accept": [True]},
            'accept must be a list of status codes or a string like "200..=299, 403"',
        ),
        ({"accept": 3}, "accept has the wrong type (int)"),
        ({"cache-max-age": True}, "cache-max-age has the wrong type (bool)"),
        ({"cache-max-age": [1]}, "cache-max-age has the wrong type (list)"),
        ({"cache-max-age": "-5"}, "'-5' is not a duration (it is negative)"),
        ({"cache-max-age": "a week"}, "'a week' is not a duration (seconds, or like 1d, 12h, 30m)"),
    ],
)
def test_a_wrong_value_names_its_key(table, error):
    with pytest.raises(SettingsError) as exc:
        from_table(table)
    assert str(exc.value) == error


def test_right_values_become_settings():
    got = from_table(
        {
            "no-cache": True,
            "max-retries": 2,
            "timeout": 7,
            "user-agent": "my-bot",
            "include": "arxiv",  # one pattern may be written without the list
            "exclude": ["a", "b"],
            "accept": [200, 403],
            "cache-max-age": "1h30m",
        }
    )
    assert got == {
        "no_cache": True,
        "max_retries": 2,
        "timeout": 7.0,
        "user_agent": "my-bot",
        "include": ("arxiv",),
        "exclude": ("a", "b"),
        "accept": frozenset({200, 403}),
        "cache_max_age": 5400.0,
    }


@pytest.mark.parametrize(
    "value,seconds",
    [(90, 90.0), (1.5, 1.5), ("86400", 86400.0), ("1d", 86400.0), ("12H", 43200.0), ("45s", 45.0)],
)
def test_durations(value, seconds):
    assert parse_duration(value) == seconds
