"""The one pipeline: what the CLI, the pre-commit hook (the CLI) and the Action all run.

For each path: the config that applies to it, the text read once and parsed once, the
links the selected rules need checked (``links/``), the rules run once with those results,
the fixes applied and verified when asked (``fix/``), and one ``FileResult`` back. A path
that cannot be configured, read or written is reported once, here, and the others go on.
"""

from __future__ import annotations

import dataclasses
import datetime
import sys
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, TextIO

from .config import Config, config_for
from .engine import active_rules, lint, needs_entries
from .errors import AwesomeLintError, ConfigError, UsageError
from .parse.parser import parse
from .result import LintResult

if TYPE_CHECKING:  # fixing's modules load only when fixing (start-up)
    from pathlib import Path

    from .fix.fixer import FixOutcome
    from .links import LinkReport, LinkResult, LinkSettings
    from .model import Document
    from .papers import PaperReport, PaperSettings
from .siblings import Siblings
from .siblings import scan as scan_siblings
from .textio import STDIN, Source, read_source


@dataclass(frozen=True)
class LinkPlan:
    """How this run checks links."""

    # LinkSettings from a config's ``[links]`` table (and the command line's flags over it);
    # raises SettingsError, which the run reports as the config's error.
    settings: Callable[[Mapping[str, object]], LinkSettings]
    # The URLs of a document to check; None: every link's URL.
    urls: Callable[[Document], Iterable[str]] | None = None
    # Check all files' URLs together, starting on a scan of the raw texts while the parser
    # works (the command line). Without it each file's URLs are checked on their own, and
    # only when there are any (the Action, which checks only the lines a PR changed).
    prefetch: bool = False
    # Called with each check's report and the seconds it took (notices, a summary line).
    on_report: Callable[[LinkReport, float], None] = lambda report, seconds: None
    # Asks GitHub whether linked repositories are archived (github/archived.py); None: not
    # asked. Handed in, so that the run and links/ need no GitHub client.
    archived: Callable[..., object] | None = None


@dataclass(frozen=True)
class PaperPlan:
    """How this run checks papers against arXiv and Crossref (papers/)."""

    # PaperSettings from a config's ``[papers]`` table (and the command line's flags);
    # raises PaperSettingsError, which the run reports as the config's error.
    settings: Callable[[Mapping[str, object]], PaperSettings]
    # The lines whose entries to ask about, by path; None (or None for a path): every entry.
    # The Action asks only about the entries a pull request adds or edits.
    lines: Callable[[str], Collection[int] | None] | None = None
    # Called with each look-up's report (notices, a summary line).
    on_report: Callable[[PaperReport], None] = lambda report: None


@dataclass(frozen=True)
class FixPlan:
    """What --fix or --diff was asked to do besides the fixes themselves."""

    sort_entries: bool = False  # --sort-entries
    fix_toc: bool = False  # --fix-toc
    diff: bool = False  # print a unified diff instead of writing the file
    unsafe: bool = False  # --unsafe-fixes: the unsafe fixes too


@dataclass(frozen=True)
class Plan:
    """What the run does with every path."""

    config: str | None = None  # --config: this file instead of the nearest one
    isolated: bool = False  # --isolated: no config file at all
    select: tuple = (None, None, None)  # the command line's --select, --extend-select, --ignore
    today: datetime.date | None = None
    links: LinkPlan | None = None  # None: links are not checked
    papers: PaperPlan | None = None  # None: papers are not checked
    fix: FixPlan | None = None  # None: nothing is fixed
    lint: bool = True  # False: parse only (--export)


@dataclass(frozen=True)
class FileResult:
    """What the run made of one path."""

    path: str  # as given
    source: Source
    document: Document  # the text as read, parsed
    lint: LintResult | None  # what remains (after fixing, when fixing); None when not linting
    fixed: FixOutcome | None = None  # set when fixing
    link_results: Mapping[str, LinkResult] | None = None  # None: links were not checked


class RunResult:
    """Every path's result, and a message for each path that failed."""

    def __init__(self) -> None:
        self.files: list[FileResult] = []
        self.errors: list[str] = []

    @property
    def failed(self) -> bool:
        return bool(self.errors)

    @property
    def results(self) -> list[LintResult]:
        return [f.lint for f in self.files if f.lint is not None]


class _File:
    """A path on its way through the run."""

    __slots__ = (
        "path",
        "config",
        "source",
        "settings",
        "document",
        "link_results",
        "paper_results",
    )

    def __init__(
        self, path: str, config: Config, source: Source, settings: LinkSettings | None
    ) -> None:
        self.path, self.config, self.source, self.settings = path, config, source, settings
        self.document: Document | None = None
        self.link_results: Mapping[str, LinkResult] | None = None
        self.paper_results: Mapping[str, object] | None = None


def _stderr(message: str) -> None:
    print(message, file=sys.stderr)


def run(
    paths: Sequence[str],
    plan: Plan,
    *,
    log: Callable[[str], None] = _stderr,
    out: TextIO | None = None,
) -> RunResult:
    """Run ``plan`` over ``paths``. Errors are logged as ``awesome-lint: MESSAGE`` when they
    happen and collected in the result; ``out`` takes diffs and the fixed text of stdin."""
    out = out or sys.stdout
    done = RunResult()

    def guarded(step: Callable, *args):
        try:
            return step(*args)
        except AwesomeLintError as exc:
            log(f"awesome-lint: {exc}")
            done.errors.append(str(exc))
            return None

    files: Iterable[_File] = (f for p in paths if (f := guarded(_read, p, plan)) is not None)
    if plan.links is not None and plan.links.prefetch:
        files = _check_together(list(files), plan)
    if plan.papers is not None and plan.lint:
        files = guarded(_check_papers, list(files), plan) or []
    for f in files:
        result = guarded(_finish, f, plan, out, log)
        if result is not None:
            done.files.append(result)
    return done


def run_one(
    path: str, plan: Plan, *, config: Config | None = None, out: TextIO | None = None
) -> FileResult:
    """One path through the run; raises AwesomeLintError instead of logging it.

    ``config``: the config for ``path``, when the caller has already resolved it."""
    f = _read(path, plan, config)
    if plan.links is not None and plan.links.prefetch:
        [f] = _check_together([f], plan)
    if plan.papers is not None and plan.lint:
        [f] = _check_papers([f], plan)
    return _finish(f, plan, out or sys.stdout, _stderr)


def siblings_of(path: str) -> Siblings | None:
    """The files next to a list read from ``path`` (None for stdin: the folder is unknown)."""
    return scan_siblings(path) if path != STDIN else None


def _read(path: str, plan: Plan, config: Config | None = None) -> _File:
    if config is None:
        config = config_for(path if path != STDIN else ".", plan.config, plan.isolated)
        config = config.with_cli(*plan.select)
    if plan.lint and not active_rules(config):
        where = f" (with {config.source})" if config.source else ""
        raise UsageError(
            f"{path}: no rules selected{where}: check --select, --ignore and the config's "
            "select/ignore; nothing would be checked"
        )
    settings = None
    if plan.links is not None and plan.links.prefetch:
        settings = _settings(plan.links, config)  # the checks start before any parsing
    return _File(path, config, read_source(path, config.max_file_size, config.max_lines), settings)


def _settings(links: LinkPlan, config: Config) -> LinkSettings:
    from .links import SettingsError

    try:
        return links.settings(config.links)
    except SettingsError as exc:
        raise ConfigError(f"{config.source}: [links] {exc}") from None


def _parse(f: _File, plan: Plan) -> Document:
    entries = needs_entries(f.config) if plan.lint else True
    kept_in = _kept_parse_dir(f) if not entries else None
    if kept_in is None:
        return parse(f.source.text, f.source.path, entries=entries)
    from . import kept_parse

    doc = kept_parse.load(kept_in, f.source.text, f.source.path, entries)
    if doc is None:
        doc = parse(f.source.text, f.source.path, entries=entries)
        kept_parse.store(kept_in, doc, entries, f.source.text)
    return doc


def _kept_parse_dir(f: _File) -> Path | None:
    """Where a link check keeps the parse of a list whose rules read no entries (the link
    rules alone): beside its link cache, so a re-run over the same text skips the parse.
    (With entries the kept parse is not much faster to read than to make: not kept.)"""
    if f.settings is None or f.settings.no_cache:
        return None
    from .links.cache import cache_directory

    return cache_directory(f.settings.cache_path)


def _urls(links: LinkPlan, doc: Document) -> list[str]:
    found = (lk.url for lk in doc.links) if links.urls is None else links.urls(doc)
    return list(dict.fromkeys(found))


def _check_together(files: list[_File], plan: Plan) -> list[_File]:
    """Check every file's links, files with the same settings in one check, while parsing."""
    from .links.prefetch import Prefetch, scan_urls, settle  # threads: only with --check-links

    links = plan.links
    assert links is not None
    groups: dict[LinkSettings, list[str]] = {}
    for f in files:
        assert f.settings is not None
        groups.setdefault(f.settings, []).extend(scan_urls(f.source.text))
    checks = {
        s: Prefetch(list(dict.fromkeys(urls)), s, links.archived) for s, urls in groups.items()
    }
    for check in checks.values():
        check.start()
    for f in files:
        f.document = _parse(f, plan)
    for settings, check in checks.items():
        group = [f for f in files if f.settings == settings]
        wanted = list(dict.fromkeys(u for f in group for u in _urls(links, f.document)))
        report = settle(check, wanted)
        links.on_report(report, check.seconds)
        results = dict(report.results)
        for f in group:
            f.link_results = results
    return files


def _check_papers(files: list[_File], plan: Plan) -> list[_File]:
    """Parse every file, then ask about the papers of all of them at once (arXiv ids of
    every file in the same batches), one look-up per distinct [papers] setting."""
    from .paper_check import refs, to_query
    from .papers import PaperSettingsError, lookup_papers

    papers = plan.papers
    assert papers is not None
    groups: dict[PaperSettings, list[_File]] = {}
    for f in files:
        if f.document is None:
            f.document = _parse(f, plan)
        try:
            settings = papers.settings(f.config.papers)
        except PaperSettingsError as exc:
            raise ConfigError(f"{f.config.source}: [papers] {exc}") from None
        groups.setdefault(settings, []).append(f)
    for settings, group in groups.items():
        wanted = [
            r
            for f in group
            for r in refs(f.document, papers.lines(f.path) if papers.lines else None)
        ]
        if not wanted:
            continue
        report = lookup_papers([to_query(r) for r in wanted], settings)
        papers.on_report(report)
        for f in group:
            f.paper_results = report.results
    return files


def _check_alone(f: _File, links: LinkPlan) -> Mapping[str, LinkResult] | None:
    assert f.document is not None
    urls = _urls(links, f.document)
    if not urls:
        return None
    from .links import check_links

    report = check_links(urls, _settings(links, f.config), archived=links.archived)
    links.on_report(report, 0.0)
    return report.results


def _finish(f: _File, plan: Plan, out: TextIO, log: Callable[[str], None]) -> FileResult:
    """Parse (if not yet), check links (if alone), lint once, fix when asked."""
    if f.document is None:
        f.document = _parse(f, plan)
    if not plan.lint:
        return FileResult(f.path, f.source, f.document, None)
    if plan.links is not None and not plan.links.prefetch:
        f.link_results = _check_alone(f, plan.links)
    siblings = siblings_of(f.path)
    first = lint(
        f.document,
        f.config,
        today=plan.today,
        link_results=f.link_results,
        siblings=siblings,
        source=f.source,
        paper_results=f.paper_results,
    )
    if plan.fix is None:
        return FileResult(f.path, f.source, f.document, first, None, f.link_results)
    outcome = _fix(f, plan, plan.fix, first, siblings, out, log)
    remaining = dataclasses.replace(outcome.result, path=f.source.path, source=f.source)
    return FileResult(f.path, f.source, f.document, remaining, outcome, f.link_results)


def _fix(
    f: _File,
    plan: Plan,
    fixing: FixPlan,
    first: LintResult,
    siblings: Siblings | None,
    out: TextIO,
    log: Callable[[str], None],
) -> FixOutcome:
    """Fix one file; raises InputError, leaving the file untouched, when it must not or
    cannot be written. The fixed text goes back atomically, as a diff, or (stdin) to ``out``."""
    # Loaded only when fixing: the check hook's start-up does not pay for them.
    from .fix.fixer import FixOptions, fix_source_text, unified_diff
    from .fix.writeback import check_writable, encode_like, write_atomic

    source = f.source
    if f.path != STDIN and not fixing.diff:
        check_writable(f.path)  # a link or a read-only file is refused either way
    outcome = fix_source_text(
        source.text,
        source.path,
        f.config,
        FixOptions(fixing.sort_entries, fixing.fix_toc, fixing.unsafe),
        today=plan.today,
        link_results=f.link_results,
        siblings=siblings,
        first=first,
        paper_results=f.paper_results,
    )
    for note in outcome.notes:
        log(f"awesome-lint: {source.path}: {note}")
    if fixing.diff:
        out.write(unified_diff(outcome.before, outcome.after, source.path))
    elif f.path == STDIN:
        _write_bytes(out, encode_like(source, outcome.after))
    elif outcome.changed:
        write_atomic(source, encode_like(source, outcome.after))
    return outcome


def _write_bytes(out: TextIO, data: bytes) -> None:
    """Bytes, so the input's BOM and line endings come back out exactly."""
    buffer = getattr(out, "buffer", None)
    out.flush()
    if buffer is not None:
        buffer.write(data)
        buffer.flush()
    else:
        out.write(data.decode("utf-8"))


def fix_summary(outcomes: Iterable[FixOutcome], diff: bool) -> str | None:
    """``Fixed 12 problems in 2 files.`` (``Would fix`` for --diff), naming the reorderings
    apart; None when nothing changed."""
    changed = [o for o in outcomes if o.changed]
    if not changed:
        return None
    applied = sum(o.applied for o in changed)
    runs = sum(o.sorted_runs for o in changed)
    tocs = sum(o.toc for o in changed)
    parts = [f"{applied} problem{'s' if applied != 1 else ''}"] if applied else []
    if runs:
        parts.append(f"the order of {runs} run{'s' if runs != 1 else ''} of entries")
    if tocs:
        parts.append(f"{tocs} table{'s' if tocs != 1 else ''} of contents")
    what = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    files = f"{len(changed)} file{'s' if len(changed) != 1 else ''}"
    return f"{'Would fix' if diff else 'Fixed'} {what} in {files}."


__all__ = [
    "FileResult",
    "FixPlan",
    "LinkPlan",
    "PaperPlan",
    "Plan",
    "RunResult",
    "fix_summary",
    "run",
    "run_one",
    "siblings_of",
]
