"""What the paper clients do when a service misbehaves, against the fakes on 127.0.0.1: a
dropped connection, a Retry-After too long to wait, Crossref answering 500, HTML or the
wrong kind of JSON, and rate-limit headers that say nothing usable. Every failure is an
error with its reason (a note, never a verdict on the entry)."""

from __future__ import annotations

import dataclasses
import datetime
import email.utils
import time

import pytest

from awesome_lint.papers import PaperQuery, Status, lookup_papers
from awesome_lint.papers.crossref import work_record
from awesome_lint.retry_after import retry_after_seconds as _retry_after

from .samples import CLINICAL_BERT, MULTI_VERSION

TITLE = CLINICAL_BERT.title


def one(settings, query: PaperQuery):
    (result,) = lookup_papers([query], settings).results.values()
    return result


def test_a_dropped_connection_is_retried_with_backoff(arxiv, settings):
    arxiv.failures = ["drop"]
    result = one(settings, PaperQuery(arxiv_id=MULTI_VERSION.id))
    assert result.status is Status.FOUND
    assert len(arxiv.requests) == 2


def test_connections_dropped_until_the_retries_run_out_are_an_error(arxiv, settings):
    settings = dataclasses.replace(settings, max_retries=2)
    arxiv.failures = ["drop"] * 3
    result = one(settings, PaperQuery(arxiv_id=MULTI_VERSION.id))
    assert result.status is Status.ERROR
    assert "ConnectionError" in result.error and "after 3 attempts" in result.error
    assert len(arxiv.requests) == 3


def test_a_retry_after_longer_than_the_limit_gives_up_at_once(arxiv, settings):
    arxiv.failures = ["429-long"]
    result = one(settings, PaperQuery(arxiv_id=MULTI_VERSION.id))
    assert result.status is Status.ERROR
    assert "HTTP 429, asked to wait 3600 s: gave up" in result.error
    assert len(arxiv.requests) == 1  # no waiting an hour, no second request


def test_retry_after_in_seconds_or_as_an_http_date():
    assert _retry_after(None) is None and _retry_after("  ") is None
    assert _retry_after("7") == 7.0
    soon = email.utils.formatdate(time.time() + 60, usegmt=True)
    assert 55 <= _retry_after(soon) <= 61
    past = email.utils.formatdate(time.time() - 60, usegmt=True)
    assert _retry_after(past) == 0.0
    assert _retry_after("tomorrow-ish") is None


@pytest.mark.parametrize(
    ("failure", "reason"),
    [
        ("500", "HTTP 500"),
        ("not-json", "the answer is not JSON"),
        ("wrong-type", "the answer is not a work"),
        ("no-message", "the answer is not a work"),
    ],
)
def test_a_crossref_doi_answer_that_is_no_work_is_an_error(crossref, settings, failure, reason):
    crossref.failures = [failure]
    result = one(settings, PaperQuery(doi=CLINICAL_BERT.doi))
    assert result.status is Status.ERROR and result.error == f"Crossref: {reason}"


@pytest.mark.parametrize(
    ("failure", "reason"),
    [("500", "HTTP 500"), ("not-json", "the answer is not JSON")],
)
def test_a_crossref_search_answer_that_is_no_list_is_an_error(crossref, settings, failure, reason):
    crossref.failures = [failure]
    result = one(settings, PaperQuery(title=TITLE, year=2022))
    assert result.status is Status.ERROR and result.error == f"Crossref: {reason}"


def test_crossref_503_until_the_retries_run_out_is_an_error(crossref, settings):
    crossref.failures = ["503"] * 10
    result = one(settings, PaperQuery(doi=CLINICAL_BERT.doi))
    assert result.status is Status.ERROR and "HTTP 503" in result.error
    assert len(crossref.requests) == settings.max_retries + 1


def test_search_results_that_are_not_works_are_skipped(crossref, settings, monkeypatch):
    real = type(crossref).answer

    def with_junk(self, req, failure):
        status, headers, body = real(self, req, failure)
        if req.path == "/works":
            body = body.replace(b'"items": [', b'"items": ["junk", 42, ', 1)
        return status, headers, body

    monkeypatch.setattr(type(crossref), "answer", with_junk)
    result = one(settings, PaperQuery(title=TITLE, year=2022))
    assert result.found and result.record.doi == CLINICAL_BERT.doi


@pytest.mark.parametrize(
    ("limit", "interval", "spacing"),
    [
        ("5", "1s", 0.2),
        ("2", "500ms", 0.25),
        ("60", "1m", 1.0),
        ("lots", "1s", None),  # not a number: the spacing stays as it was
        ("0", "1s", None),
        ("5", "every now and then", None),
    ],
)
def test_the_rate_limit_headers_set_the_spacing(crossref, settings, limit, interval, spacing):
    from awesome_lint.papers.crossref import _honour_rate_limit
    from awesome_lint.papers.polite import PoliteClient

    client = PoliteClient(settings, 0.7, accept="application/json")  # 0.7: as it was
    try:
        _honour_rate_limit(client, {"X-Rate-Limit-Limit": limit, "X-Rate-Limit-Interval": interval})
        assert client.spacing == pytest.approx(0.7 if spacing is None else spacing)
    finally:
        client.close()


def test_a_work_record_from_crossrefs_loosest_shapes():
    record = work_record(
        {
            "DOI": "10.1/ABC",
            "title": ["  A   Spaced\n Title "],
            "author": [
                {"given": "Ann", "family": "One"},
                {"name": "The  Consortium"},
                "not an author",
                {"given": " ", "family": ""},
            ],
            "container-title": [3, "Journal of Things"],
            "issued": {"date-parts": [["2021", "x"]]},  # a month that is no number: skipped
            "published-online": {"date-parts": [[2020, 11]]},
            "published-print": {"date-parts": [[]]},
            "URL": 42,
        }
    )
    assert record.key == "doi:10.1/abc" and record.doi == "10.1/abc"
    assert record.title == "A Spaced Title"
    assert record.authors == ("Ann One", "The Consortium")
    assert record.venue == "Journal of Things"
    assert record.first_date == datetime.date(2020, 11, 1)
    assert record.url is None
    empty = work_record({})
    assert empty.key == "crossref:" and empty.title == "" and empty.first_date is None
