"""``awesome-lint --check-links``: check every file's URLs once; the CLI lints or fixes with
the results.

Checking is bound by network latency and leaves the CPU mostly idle, while parsing a long
list is pure CPU. So the checks start first, on the URLs a quick scan of the raw text
finds, and run while the parser works; once the parser has said which URLs the links
really are, any it found that the scan missed are checked too, and only those results
feed the rules. URLs shared by several files are fetched once; files whose configs set
different link options are checked in groups, one per distinct setting.
"""

from __future__ import annotations

import re
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from . import LinkReport, LinkResult, LinkSettings, Outcome, check_links
from .options import settings_from
from .progress import progress_bar
from .settings import SettingsError

# http(s) URLs as they appear in Markdown text; trailing punctuation is the sentence's.
_URL = re.compile(r"https?://[^\s<>()\[\]\"'`]+", re.I)
_TRAILING = ".,;:!?*_~"


def scan_urls(text: str) -> list[str]:
    """URLs in raw text, in order, each once: a fast guess at what the parser will find."""
    return list(dict.fromkeys(m.group().rstrip(_TRAILING) for m in _URL.finditer(text)))


class _Check(threading.Thread):
    """check_links in the background; ``report`` is set when it is done."""

    def __init__(self, urls: list[str], settings: LinkSettings) -> None:
        super().__init__(daemon=True, name="link-prefetch")
        self.urls = urls
        self.settings = settings
        self.report: LinkReport | None = None
        self.error: BaseException | None = None
        self.bar = progress_bar(len(urls))
        self.seconds = 0.0

    def run(self) -> None:
        started = time.monotonic()
        try:
            self.report = check_links(self.urls, self.settings, progress=self.bar)
        except BaseException as exc:  # re-raised in the main thread
            self.error = exc
        finally:
            if self.bar:
                self.bar.close()
            self.seconds = time.monotonic() - started


@dataclass(frozen=True)
class Checked:
    """One file, parsed, with the results of its links."""

    path: str  # as given on the command line
    config: Any
    source: Any
    document: Any
    results: Mapping[str, LinkResult]


def check_paths(
    paths: Sequence[str], args: Any, *, quiet: bool = False
) -> tuple[list[Checked], bool]:
    """Read, parse and check the links of each path. Returns (checked files, any input failed)."""
    from ..api import config_for
    from ..engine import needs_entries
    from ..errors import AwesomeLintError, ConfigError, UsageError
    from ..parse.parser import parse
    from ..textio import read_source

    try:
        settings_from({}, args)  # the command line's own mistakes, named as such
    except SettingsError as exc:
        raise UsageError(str(exc)) from None
    sources = []
    failed = False
    for path in paths:
        try:
            config = config_for(path if path != "-" else ".", args.config, args.isolated)
            config = config.with_cli(args.select, args.extend_select, args.ignore)
            try:
                settings = settings_from(config.links, args)
            except SettingsError as exc:
                raise ConfigError(f"{config.source}: [links] {exc}") from None
            sources.append((path, config, settings, read_source(path, config.max_file_size)))
        except AwesomeLintError as exc:
            print(f"awesome-lint: {exc}", file=sys.stderr)
            failed = True

    groups: dict[LinkSettings, list[str]] = {}
    for _path, _config, settings, source in sources:
        groups.setdefault(settings, []).extend(scan_urls(source.text))
    checks = {s: _Check(list(dict.fromkeys(urls)), s) for s, urls in groups.items()}
    for check in checks.values():
        check.start()

    docs = [
        (
            path,
            config,
            settings,
            source,
            parse(source.text, source.path, entries=needs_entries(config)),
        )
        for path, config, settings, source in sources
    ]

    results: dict[LinkSettings, dict[str, LinkResult]] = {}
    for settings, check in checks.items():
        check.join()
        if check.error is not None:
            raise check.error
        assert check.report is not None
        wanted = _unique(
            lk.url for _p, _c, s, _src, doc in docs if s == settings for lk in doc.links
        )
        missed = [u for u in wanted if u not in check.report.results]
        report = _restricted(check.report, wanted)
        if missed:
            report = _merged(report, check_links(missed, settings))
        results[settings] = dict(report.results)
        for notice in report.notices:
            print(f"awesome-lint: note: {notice}", file=sys.stderr)
        if not quiet:
            print(summary(report, check.seconds), file=sys.stderr)
    checked = [
        Checked(path, config, source, doc, results[settings])
        for path, config, settings, source, doc in docs
    ]
    return checked, failed


def lint_checked(checked: Sequence[Checked], today: Any) -> list:
    """Lint the parsed files with their link results (no second parse)."""
    from ..api import LintResult, siblings_of
    from ..engine import lint_document

    out = []
    for c in checked:
        found = lint_document(
            c.document, c.config, today=today, link_results=c.results, siblings=siblings_of(c.path)
        )
        out.append(LintResult(c.source.path, c.document, tuple(found), c.source))
    return out


def _unique(urls: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(urls))


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
