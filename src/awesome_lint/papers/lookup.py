"""The papers package's one entry point (see the package's docstring)."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from .records import PaperResult, Status
from .settings import PaperSettings


@dataclass(frozen=True, slots=True)
class PaperQuery:
    """One paper to ask about, by the best handle there is: arXiv id, else DOI, else title."""

    arxiv_id: str | None = None  # canonical, no version (papers.arxiv.canonical_id)
    doi: str | None = None
    title: str | None = None
    year: int | None = None

    @property
    def key(self) -> str:
        from .arxiv import key as arxiv_key
        from .crossref import doi_key, title_key

        if self.arxiv_id:
            return arxiv_key(self.arxiv_id)
        if self.doi:
            return doi_key(self.doi)
        return title_key(self.title or "", self.year)


@dataclass(frozen=True)
class PaperReport:
    """The papers looked up in one run: results, requests sent, cache hits."""

    results: Mapping[str, PaperResult]  # PaperQuery.key -> result
    requests: Mapping[str, int] = field(default_factory=dict)  # service -> requests sent
    cached: int = 0
    seconds: float = 0.0

    @property
    def notices(self) -> tuple[str, ...]:
        errors = sorted(
            {r.error for r in self.results.values() if r.status is Status.ERROR and r.error}
        )
        return tuple(errors)


def lookup_papers(
    queries: Iterable[PaperQuery],
    settings: PaperSettings | None = None,
    *,
    sleep: Callable[[float], None] = time.sleep,
    clock: Callable[[], float] = time.monotonic,
) -> PaperReport:
    started = clock()
    settings = settings or PaperSettings.from_env()
    wanted = {q.key: q for q in queries if q.arxiv_id or q.doi or (q.title and q.title.strip())}
    cache = None
    if not settings.no_cache:
        from .cache import PaperCache

        directory = Path(settings.cache_dir) if settings.cache_dir else None
        cache = PaperCache.in_dir(directory, settings.cache_max_age)
    results: dict[str, PaperResult] = {}
    if cache is not None:
        for k in wanted:
            hit = cache.get(k)
            if hit is not None:
                results[k] = hit
    cached = len(results)
    todo = [q for k, q in wanted.items() if k not in results]
    requests: dict[str, int] = {}
    arxiv_ids = [q.arxiv_id for q in todo if q.arxiv_id]
    if arxiv_ids:
        from . import arxiv
        from .polite import PoliteClient

        client = PoliteClient(
            settings,
            settings.arxiv_spacing,
            accept="application/atom+xml",
            sleep=sleep,
            clock=clock,
        )
        try:
            results.update(arxiv.fetch(arxiv_ids, client, settings.batch_size))
        finally:
            client.close()
        requests["arxiv"] = client.requests
    crossref_queries = [q for q in todo if not q.arxiv_id]
    if crossref_queries:
        from . import crossref
        from .polite import PoliteClient

        client = PoliteClient(
            settings, settings.crossref_spacing, accept="application/json", sleep=sleep, clock=clock
        )
        try:
            for q in crossref_queries:
                if q.doi:
                    results[q.key] = crossref.fetch_doi(q.doi, client)
                else:
                    results[q.key] = crossref.search_title(q.title or "", q.year, client)
        finally:
            client.close()
        requests["crossref"] = client.requests
    if cache is not None:
        try:
            cache.store(r for k, r in results.items() if k in wanted)
        except OSError:
            pass  # a cache that cannot be written costs the next run time, not this one's results
    return PaperReport(
        {k: results[k] for k in wanted}, requests, cached=cached, seconds=clock() - started
    )
