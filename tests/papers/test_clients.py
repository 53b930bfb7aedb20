"""The arXiv and Crossref clients against fake services on 127.0.0.1: the requests they send
(batching, spacing, one connection, headers) and the records they hand back."""

from __future__ import annotations

import dataclasses
import datetime

import pytest

from awesome_lint import __version__
from awesome_lint.papers import PaperQuery, PaperSettings, PaperSettingsError, Status, lookup_papers
from awesome_lint.papers.arxiv import canonical_id

from .fakes import ArxivPaper
from .samples import (
    CLINICAL_BERT,
    MULTI_VERSION,
    OLD_STYLE,
    PUBLISHED,
    UNKNOWN_ID,
    WITHDRAWN,
)


def ask(settings, *queries):
    return lookup_papers(queries, settings)


def test_canonical_ids():
    assert canonical_id("2309.05904v2") == "2309.05904"
    assert canonical_id("0704.0001") == "0704.0001"
    assert canonical_id("hep-th/9901001v3") == "hep-th/9901001"
    assert canonical_id("math.GT/0309136") == "math/0309136"
    assert canonical_id("2309.059") is None
    assert canonical_id("not an id") is None


def test_multiple_versions_first_and_latest_dates(arxiv, settings):
    report = ask(settings, PaperQuery(arxiv_id="2309.05904"))
    result = report.results["arxiv:2309.05904"]
    assert result.status is Status.FOUND
    record = result.record
    assert record.title == MULTI_VERSION.title  # the hard-wrapped title comes back whole
    assert record.authors == tuple(MULTI_VERSION.authors)
    assert record.first_date == datetime.date(2023, 9, 12)
    assert record.latest_date == datetime.date(2023, 9, 20)
    assert record.version == 2
    assert record.journal_ref is None and record.doi is None


def test_journal_ref_and_doi(arxiv, settings):
    record = (
        ask(settings, PaperQuery(arxiv_id=PUBLISHED.id)).results[f"arxiv:{PUBLISHED.id}"].record
    )
    assert record.journal_ref == PUBLISHED.journal_ref
    assert record.doi == PUBLISHED.doi.lower()


def test_withdrawn_and_unknown(arxiv, settings):
    report = ask(settings, PaperQuery(arxiv_id=WITHDRAWN.id), PaperQuery(arxiv_id=UNKNOWN_ID))
    assert report.results[f"arxiv:{WITHDRAWN.id}"].status is Status.WITHDRAWN
    assert report.results[f"arxiv:{UNKNOWN_ID}"].status is Status.UNKNOWN
    assert len(arxiv.requests) == 1  # one batch; a partly filled feed is not retried


def test_old_style_id(arxiv, settings):
    result = ask(settings, PaperQuery(arxiv_id=OLD_STYLE.id)).results[f"arxiv:{OLD_STYLE.id}"]
    assert result.status is Status.FOUND
    assert result.record.first_date == datetime.date(1999, 1, 1)


def test_batches_of_at_most_100_with_max_results_spaced_on_one_connection(arxiv, settings):
    ids = [f"2401.{n:05d}" for n in range(250)]
    arxiv.papers.update(
        {
            i: ArxivPaper(id=i, title=f"Paper {i}", authors=["A B"], versions=["2024-01-02"])
            for i in ids
        }
    )
    settings = dataclasses.replace(settings, arxiv_spacing=0.2)
    arxiv.delay = 0.1  # spacing counts from the end of the answer, not from the request
    report = ask(settings, *(PaperQuery(arxiv_id=i) for i in ids))
    assert all(r.status is Status.FOUND for r in report.results.values())
    sizes = [len(r.query["id_list"].split(",")) for r in arxiv.requests]
    assert sizes == [100, 100, 50]
    assert [int(r.query["max_results"]) for r in arxiv.requests] == sizes
    assert report.requests == {"arxiv": 3}
    assert all(gap >= 0.3 for gap in arxiv.gaps()), arxiv.gaps()
    assert len({r.port for r in arxiv.requests}) == 1  # one connection, kept alive


def test_user_agent_names_the_tool_and_version(arxiv, crossref, settings):
    ask(settings, PaperQuery(arxiv_id=MULTI_VERSION.id), PaperQuery(doi=CLINICAL_BERT.doi))
    for req in arxiv.requests + crossref.requests:
        assert req.headers["user-agent"].startswith(f"awesome-lint/{__version__} (")
    assert "atom" in arxiv.requests[0].headers["accept"]


def test_429_then_success_backs_off_and_retries(arxiv, settings):
    arxiv.failures = ["429"]
    report = ask(settings, PaperQuery(arxiv_id=MULTI_VERSION.id))
    assert report.results[f"arxiv:{MULTI_VERSION.id}"].status is Status.FOUND
    assert len(arxiv.requests) == 2
    assert arxiv.gaps()[0] >= settings.arxiv_spacing


def test_503_until_retries_run_out_is_an_error_not_a_verdict(arxiv, settings):
    arxiv.failures = ["503"] * 10
    report = ask(settings, PaperQuery(arxiv_id=MULTI_VERSION.id))
    result = report.results[f"arxiv:{MULTI_VERSION.id}"]
    assert result.status is Status.ERROR and "503" in result.error
    assert len(arxiv.requests) == settings.max_retries + 1
    assert report.notices


def test_empty_feed_then_success_retries_once(arxiv, settings):
    arxiv.failures = ["empty"]
    report = ask(settings, PaperQuery(arxiv_id=MULTI_VERSION.id))
    assert report.results[f"arxiv:{MULTI_VERSION.id}"].status is Status.FOUND
    assert len(arxiv.requests) == 2


def test_unknown_id_alone_is_asked_twice_then_unknown(arxiv, settings):
    report = ask(settings, PaperQuery(arxiv_id=UNKNOWN_ID))
    assert report.results[f"arxiv:{UNKNOWN_ID}"].status is Status.UNKNOWN
    assert len(arxiv.requests) == 2  # empty feed: asked once more, no more


def test_warm_cache_makes_no_request(arxiv, crossref, settings):
    queries = [
        PaperQuery(arxiv_id=MULTI_VERSION.id),
        PaperQuery(arxiv_id=UNKNOWN_ID),
        PaperQuery(doi=CLINICAL_BERT.doi),
    ]
    first = ask(settings, *queries)
    asked = len(arxiv.requests) + len(crossref.requests)
    second = ask(settings, *queries)
    assert len(arxiv.requests) + len(crossref.requests) == asked
    assert second.cached == 3 and second.requests == {}
    assert {k: r.status for k, r in second.results.items()} == {
        k: r.status for k, r in first.results.items()
    }
    assert (
        second.results[f"arxiv:{MULTI_VERSION.id}"].record
        == first.results[f"arxiv:{MULTI_VERSION.id}"].record
    )


def test_errors_are_not_cached(arxiv, settings):
    arxiv.failures = ["503"] * 4
    ask(settings, PaperQuery(arxiv_id=MULTI_VERSION.id))
    arxiv.failures = []
    assert (
        ask(settings, PaperQuery(arxiv_id=MULTI_VERSION.id))
        .results[f"arxiv:{MULTI_VERSION.id}"]
        .found
    )


def test_no_cache_skips_it(arxiv, settings):
    settings = dataclasses.replace(settings, no_cache=True)
    ask(settings, PaperQuery(arxiv_id=MULTI_VERSION.id))
    ask(settings, PaperQuery(arxiv_id=MULTI_VERSION.id))
    assert len(arxiv.requests) == 2


def test_crossref_doi_lookup_with_mailto(crossref, settings):
    result = ask(settings, PaperQuery(doi=CLINICAL_BERT.doi)).results[f"doi:{CLINICAL_BERT.doi}"]
    assert result.found
    assert result.record.authors == ("Bin Yan", "Mingtao Pei")
    assert result.record.venue == CLINICAL_BERT.container
    assert result.record.first_date == datetime.date(2022, 6, 28)
    req = crossref.requests[0]
    assert req.path == f"/works/{CLINICAL_BERT.doi}"
    assert req.query["mailto"] == "maintainer@example.org"


def test_crossref_unknown_doi(crossref, settings):
    assert (
        ask(settings, PaperQuery(doi="10.1234/nothing")).results["doi:10.1234/nothing"].status
        is Status.UNKNOWN
    )


def test_crossref_title_search_needs_equal_title_and_year(crossref, settings):
    title = "Clinical-BERT: Vision-Language Pre-training for Radiograph Diagnosis and Reports Generation"
    found = ask(settings, PaperQuery(title=title, year=2022))
    (result,) = found.results.values()
    assert result.found and result.record.doi == CLINICAL_BERT.doi  # not the 2019 look-alike
    assert crossref.requests[0].query["query.bibliographic"] == title
    assert crossref.requests[0].query["rows"]
    wrong_year = ask(settings, PaperQuery(title=title, year=2020))
    assert next(iter(wrong_year.results.values())).status is Status.UNKNOWN
    near = ask(settings, PaperQuery(title="Clinical-BERT: Vision-Language Pre-training", year=2022))
    assert next(iter(near.results.values())).status is Status.UNKNOWN  # a prefix is not the title


def test_crossref_rate_limit_headers_space_requests(crossref, settings):
    crossref.limit, crossref.interval = 5, "1s"  # 5 a second: 0.2 s apart
    ask(
        settings,
        PaperQuery(doi=CLINICAL_BERT.doi),
        PaperQuery(doi="10.1234/a"),
        PaperQuery(doi="10.1234/b"),
    )
    assert len(crossref.requests) == 3
    assert all(gap >= 0.19 for gap in crossref.gaps()), crossref.gaps()


def test_private_addresses_are_refused_unless_allowed(arxiv, settings):
    settings = dataclasses.replace(settings, allow_private_hosts=False)
    result = ask(settings, PaperQuery(arxiv_id=MULTI_VERSION.id)).results[
        f"arxiv:{MULTI_VERSION.id}"
    ]
    assert result.status is Status.ERROR and "allow-private-hosts" in result.error
    assert arxiv.requests == []


def test_arxiv_itself_is_never_asked_faster_than_every_3_seconds():
    assert PaperSettings().arxiv_spacing == 3.0
    with pytest.raises(PaperSettingsError):
        PaperSettings(arxiv_spacing=0.5)
    assert (
        PaperSettings(arxiv_api="http://127.0.0.1:9/api/query", arxiv_spacing=0.5).arxiv_spacing
        == 0.5
    )


def test_fetch_error_on_malformed_id_is_caught_before_asking(arxiv, settings):
    # The caller validates ids; a malformed one reaching the API fails its whole batch.
    report = ask(settings, PaperQuery(arxiv_id="1309.119"))
    assert report.results["arxiv:1309.119"].status is Status.ERROR
    assert "incorrect id format" in report.results["arxiv:1309.119"].error
