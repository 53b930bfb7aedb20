"""Fake arXiv and Crossref services for the paper tests, and a private cache directory."""

from __future__ import annotations

import pytest

from awesome_lint.papers import PaperSettings

from .fakes import FakeArxiv, FakeCrossref
from .samples import ARXIV_PAPERS, CROSSREF_WORKS


@pytest.fixture(autouse=True)
def private_cache_dir(monkeypatch, tmp_path):
    """No test reads or writes the user's real caches."""
    monkeypatch.setenv("AWESOME_LINT_CACHE_DIR", str(tmp_path / "cache"))


@pytest.fixture
def arxiv():
    service = FakeArxiv(ARXIV_PAPERS).start()
    yield service
    service.stop()


@pytest.fixture
def crossref():
    service = FakeCrossref(CROSSREF_WORKS).start()
    yield service
    service.stop()


@pytest.fixture
def settings(arxiv, crossref, tmp_path) -> PaperSettings:
    """Loopback allowed explicitly; spacing short so tests do not wait arXiv's 3 s."""
    return PaperSettings(
        arxiv_api=arxiv.api,
        crossref_api=crossref.url,
        arxiv_spacing=0.05,
        crossref_spacing=0.0,
        retry_wait=0.01,
        allow_private_hosts=True,
        cache_dir=str(tmp_path / "cache"),
        mailto="maintainer@example.org",
    )


@pytest.fixture
def paper_env(arxiv, crossref, tmp_path) -> dict:
    """Environment for the awesome-lint command: the fakes' base URLs, a private cache."""
    return {
        "AWESOME_LINT_ARXIV_API": arxiv.api,
        "AWESOME_LINT_CROSSREF_API": crossref.url,
        "AWESOME_LINT_CACHE_DIR": str(tmp_path / "cache"),
        "AWESOME_LINT_ARXIV_SPACING": "0.05",
    }
