"""The links package's one entry point (see the package's docstring)."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace

from .result import LinkResult, Outcome
from .settings import LinkSettings

# Outcomes after which asking GitHub about the repository still makes sense.
_REPO_WORTH_ASKING = frozenset(
    {Outcome.OK, Outcome.REDIRECTED, Outcome.BLOCKED, Outcome.UNREACHABLE}
)


@dataclass(frozen=True)
class LinkReport:
    """Every URL's result of one check, with what the user should know."""

    results: Mapping[str, LinkResult]  # every URL given -> its result
    notices: tuple[str, ...]  # run-level news for the user (rate limits, cache trouble)
    fetched: int  # URLs checked over the network this run (not skipped, not malformed)
    cached: int  # URLs answered from the cache


def check_links(
    urls: Iterable[str],
    settings: LinkSettings | None = None,
    *,
    progress: Callable[[LinkResult], None] | None = None,
    env: Mapping[str, str] | None = None,
    archived: Callable[..., object] | None = None,
    **checker_options: object,
) -> LinkReport:
    """Check every URL once. ``checker_options`` go to ``LinkChecker`` (resolver, filters).

    ``archived`` asks GitHub whether linked repositories are archived (``github/archived``);
    without it they are not asked about, whatever ``settings.check_archived`` says."""
    settings = settings or LinkSettings()
    env = os.environ if env is None else env
    wanted = list(dict.fromkeys(urls))
    notices: list[str] = []

    cache = None
    if not settings.no_cache:
        from .cache import LinkCache, cache_directory

        directory = cache_directory(settings.cache_path)
        cache = LinkCache.in_dir(directory, settings.cache_max_age, settings.fingerprint())
    cached = cache.lookup(wanted) if cache else {}
    if progress:
        for result in cached.values():
            progress(result)
    fresh: dict[str, LinkResult] = {}
    todo = []
    for url in wanted:
        if url in cached:
            continue
        if url.strip()[:8].lower().startswith(("http://", "https://")):
            todo.append(url)
            continue
        # Anchors, mailto:, relative links: settled without the HTTP stack.
        from .policy import prepare

        fresh[url] = prepare(url, settings)  # type: ignore[assignment]
        if progress:
            progress(fresh[url])
    if todo:
        from .checker import LinkChecker

        fresh.update(LinkChecker(settings, **checker_options).check(todo, progress))  # type: ignore[arg-type]
    results = {u: cached.get(u) or fresh[u] for u in wanted}

    archived_new: dict[str, bool] = {}
    if settings.check_archived and archived is not None:
        results, archived_new, more = _add_archived(results, settings, env, cache, archived)
        notices.extend(more)

    if cache is not None:
        try:
            cache.store(fresh.values(), archived_new)
        except OSError as e:
            notices.append(f"link cache not written ({cache.path}): {e.strerror or e}")
    fetched = sum(1 for r in fresh.values() if r.outcome not in (Outcome.SKIPPED, Outcome.INVALID))
    return LinkReport(results, tuple(notices), fetched=fetched, cached=len(cached))


def _add_archived(results, settings, env, cache, check_archived):
    from .archived import DEFAULT_API_URL, DEFAULT_SERVER_URL, repo_of, web_hosts

    hosts = web_hosts(env.get("GITHUB_SERVER_URL") or DEFAULT_SERVER_URL)
    repo_by_url = {}
    for url, result in results.items():
        if result.outcome in _REPO_WORTH_ASKING:
            repo = repo_of(url, hosts)
            if repo:
                repo_by_url[url] = repo.lower()
    if not repo_by_url:
        return results, {}, ()
    known: dict[str, bool] = {}
    for repo in set(repo_by_url.values()):
        value = cache.get_archived(repo) if cache else None
        if value is not None:
            known[repo] = value
    ask = sorted(set(repo_by_url.values()) - known.keys())
    report_notices: tuple[str, ...] = ()
    new: dict[str, bool] = {}
    if ask:
        report = check_archived(
            ask,
            api_url=env.get("GITHUB_API_URL") or DEFAULT_API_URL,
            token=env.get("GITHUB_TOKEN") or None,
            timeout=settings.timeout,
            share=settings.github_api_share,
        )
        new = {k.lower(): v for k, v in report.archived.items()}
        report_notices = report.notices
    everything = {**known, **new}
    merged = dict(results)
    for url, repo in repo_by_url.items():
        if repo in everything:
            merged[url] = replace(results[url], archived=everything[repo])
    return merged, new, report_notices
