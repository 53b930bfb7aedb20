"""Checking links while the parser works (``awesome-lint --check-links``).

Checking is bound by network latency and leaves the CPU mostly idle, while parsing a long
list is pure CPU. So the checks start first, on the URLs a quick scan of the raw text
finds, and run while the parser works (``Prefetch``); once the parser has said which URLs
the links really are, any it found that the scan missed are checked too, and only those
results are kept (``settle``). The run (``run.py``) groups files by their link settings,
so URLs shared by several files are fetched once.
"""

from __future__ import annotations

import re
import threading
import time
from collections import Counter
from collections.abc import Sequence

from . import LinkReport, LinkSettings, Outcome, check_links
from .archived import AskArchived
from .progress import progress_bar

# http(s) URLs as they appear in Markdown text; trailing punctuation is the sentence's.
_URL = re.compile(r"https?://[^\s<>()\[\]\"'`]+", re.I)
_TRAILING = ".,;:!?*_~"


def scan_urls(text: str) -> list[str]:
    """URLs in raw text, in order, each once: a fast guess at what the parser will find."""
    return list(dict.fromkeys(m.group().rstrip(_TRAILING) for m in _URL.finditer(text)))


class Prefetch(threading.Thread):
    """check_links in the background; ``report`` is set when it is done."""

    def __init__(
        self, urls: list[str], settings: LinkSettings, archived: AskArchived | None = None
    ) -> None:
        super().__init__(daemon=True, name="link-prefetch")
        self.urls = urls
        self.settings = settings
        self.archived = archived
        self.report: LinkReport | None = None
        self.error: BaseException | None = None
        self.bar = progress_bar(len(urls))
        self.seconds = 0.0

    def run(self) -> None:
        started = time.monotonic()
        try:
            self.report = check_links(
                self.urls, self.settings, progress=self.bar, archived=self.archived
            )
        except BaseException as exc:  # re-raised in the main thread
            self.error = exc
        finally:
            if self.bar:
                self.bar.close()
            self.seconds = time.monotonic() - started


def settle(check: Prefetch, wanted: Sequence[str]) -> LinkReport:
    """The report for ``wanted``, the URLs the parser found: the prefetch's results for them,
    and a check of those the scan of the raw text missed."""
    check.join()
    if check.error is not None:
        raise check.error
    assert check.report is not None
    missed = [u for u in wanted if u not in check.report.results]
    report = _restricted(check.report, list(wanted))
    if missed:
        report = _merged(report, check_links(missed, check.settings, archived=check.archived))
    return report


def _restricted(report: LinkReport, wanted: list[str]) -> LinkReport:
    """The report for the URLs the links really are (the scan may have found others)."""
    results = {u: report.results[u] for u in wanted if u in report.results}
    fetched = sum(1 for r in results.values() if not r.from_cache)
    return LinkReport(results, report.notices, fetched=fetched, cached=len(results) - fetched)


def _merged(a: LinkReport, b: LinkReport) -> LinkReport:
    return LinkReport(
        {**a.results, **b.results},
        tuple(dict.fromkeys(a.notices + b.notices)),
        fetched=a.fetched + b.fetched,
        cached=a.cached + b.cached,
    )


def summary(report: LinkReport, seconds: float) -> str:
    """One line on stderr: how many links, what became of them, what was skipped and why."""
    counts = Counter(r.outcome for r in report.results.values())
    parts = [f"{counts[o]} {o.value}" for o in Outcome if counts[o] and o is not Outcome.SKIPPED]
    skipped = Counter(
        (r.error or "").split(" (")[0]
        for r in report.results.values()
        if r.outcome is Outcome.SKIPPED
    )
    text = f"links: {len(report.results)} unique URLs: " + (", ".join(parts) or "none fetched")
    if skipped:
        text += "; skipped: " + ", ".join(f"{n} {why}" for why, n in skipped.most_common())
    text += f" ({report.fetched} checked, {report.cached} from cache, {seconds:.1f} s)"
    return text
