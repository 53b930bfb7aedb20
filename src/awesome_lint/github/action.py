"""``awesome-lint --github``: the pull-request bot as run by the composite action.

Reads the standard Actions environment and the event (events.py decides what to compare),
lints the files, prints annotations within GitHub's limits, writes the job summary and
outputs, on a pull request comments where the contributor must act, and on a scheduled run
keeps the link-health issue (tracking.py). Every failure of the environment ends in one
clear message and exit code 2, never a traceback.

Exit codes: 0 nothing that fails the check, 1 findings at or above ``fail-on``, 2 a broken
environment or input.
"""

from __future__ import annotations

import json
import os
import secrets
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Protocol, TextIO

from ..config import Config, config_for
from ..diagnostics import Severity, Violation
from ..engine import parse_and_lint
from ..errors import AwesomeLintError
from ..links import LinkSettings, SettingsError, check_links
from ..links.options import from_table
from ..model import Document
from ..paper_check import refs, to_query
from ..papers import PaperSettings, PaperSettingsError, lookup_papers
from ..papers.options import from_table as paper_table
from ..report import workflow as reporter
from ..run import LinkPlan, PaperPlan, Plan, run_one
from ..textio import check_limits
from . import bot, events, render
from .annotation_limits import annotations
from .archived import check_archived
from .client import COMPARE_FILE_LIMIT, DEFAULT_API_URL, ApiUrlError, GitHubClient, GitHubError
from .diff import FileDiff, PatchError, file_diff
from .findings import Finding, Suggestion, classify
from .outputs import append_job_summary, write_outputs
from .tracking import CheckedLink, located, update_tracking_issue

FAIL_ON = ("error", "warning", "never")
CHECK_LINKS = ("changed", "all", "none")
CHECK_PAPERS = ("changed", "none")
ALL_LINES = "all"


class ActionError(Exception):
    """The environment or input is unusable: one message, exit code 2."""


class Linter(Protocol):
    def lint_file(
        self,
        path: str,
        link_lines: frozenset[int] | str | None = None,
        text: str | None = None,
        paper_lines: frozenset[int] | None = None,
    ) -> tuple[Sequence[str], Sequence[Violation]]:
        """(lines, violations); raises ActionError for an unreadable file.

        ``link_lines``: check the liveness of the links on these lines (ALL_LINES: every
        link; None: none). ``text``: the file's content read through the API (passed only
        on pull_request_target, where nothing untrusted is checked out). ``paper_lines``:
        check the papers of the entries touching these lines against arXiv and Crossref
        (None: none).
        """

    def lint_text(self, text: str, path: str) -> Sequence[Violation]:
        """The findings in a changed version of the file: the suggestions of a file applied
        together are verified by one call."""


@dataclass(frozen=True)
class Settings:
    files: tuple[str, ...]
    fail_on: str = "error"
    comment: str = "both"
    check_links: str | None = None  # None: "all" on whole-list events, "changed" elsewhere
    config: str | None = None
    tracking_issue: bool = False
    app_slug: str | None = None
    github_api_share: float = 0.2
    link_cache: bool = True
    check_papers: str = "changed"

    def link_options(self) -> dict[str, object]:
        """The inputs that override the config's [links] table."""
        options: dict[str, object] = {"github_api_share": self.github_api_share}
        if not self.link_cache:
            options["no_cache"] = True
        return options


@dataclass
class Outcome:
    new: list[Finding] = field(default_factory=list)
    old: list[Finding] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)


ACTION_MAX_DURATION = 600.0  # seconds of link checking per run in the Action


def settings_from_env(environ: Mapping[str, str], paths: Sequence[str]) -> Settings:
    """The action's inputs arrive as AWESOME_LINT_* variables (never pasted into a script)."""
    files = tuple(environ.get("AWESOME_LINT_FILES", "").split()) or tuple(paths) or ("README.md",)
    fail_on = environ.get("AWESOME_LINT_FAIL_ON", "").strip().lower() or "error"
    comment = environ.get("AWESOME_LINT_COMMENT", "").strip().lower() or "both"
    check_links = environ.get("AWESOME_LINT_CHECK_LINKS", "").strip().lower() or None
    check_links = {"true": "changed", "false": "none", "off": "none"}.get(check_links, check_links)
    tracking = environ.get("AWESOME_LINT_TRACKING_ISSUE", "").strip().lower() or "false"
    link_cache = environ.get("AWESOME_LINT_LINK_CACHE", "").strip().lower() or "true"
    check_papers = environ.get("AWESOME_LINT_CHECK_PAPERS", "").strip().lower() or "changed"
    check_papers = {"true": "changed", "false": "none", "off": "none"}.get(
        check_papers, check_papers
    )
    for name, value, allowed in (
        ("fail-on", fail_on, FAIL_ON),
        ("comment", comment, ("summary", "review", "both", "none")),
        ("check-links", check_links or "all", CHECK_LINKS),
        ("tracking-issue", tracking, ("true", "false")),
        ("link-cache", link_cache, ("true", "false")),
        ("check-papers", check_papers, CHECK_PAPERS),
    ):
        if value not in allowed:
            raise ActionError(f"input {name} must be one of {'|'.join(allowed)}, got {value!r}")
    share_text = environ.get("AWESOME_LINT_GITHUB_API_SHARE", "").strip() or "0.2"
    try:
        share = float(share_text)
    except ValueError:
        share = -1.0
    if not 0 <= share <= 1:
        raise ActionError(
            f"input github-api-share must be a number from 0 to 1, got {share_text!r}"
        )
    return Settings(
        files,
        fail_on,
        comment,
        check_links,
        environ.get("AWESOME_LINT_CONFIG") or None,
        tracking == "true",
        app_slug_from_env(environ),
        share,
        link_cache == "true",
        check_papers,
    )


# The App behind the workflow's own token (GITHUB_TOKEN): its bot is github-actions[bot].
WORKFLOW_APP = "github-actions"


def app_slug_from_env(environ: Mapping[str, str]) -> str | None:
    """The App whose bot we write as, when known without asking the API: the app-slug input,
    or github-actions when the token is the workflow's own (the action compares them)."""
    slug = environ.get("AWESOME_LINT_APP_SLUG", "").strip()
    if slug:
        return slug
    if environ.get("AWESOME_LINT_WORKFLOW_TOKEN", "").strip().lower() == "true":
        return WORKFLOW_APP
    return None


def load_event(environ: Mapping[str, str]) -> dict:
    path = environ.get("GITHUB_EVENT_PATH")
    if not path:
        raise ActionError(
            "GITHUB_EVENT_PATH is not set; run awesome-lint --github inside GitHub Actions"
        )
    try:
        event = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ActionError(f"{path}: event file not found (GITHUB_EVENT_PATH)") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ActionError(f"{path}: cannot read the event file: {exc}") from None
    except ValueError as exc:
        raise ActionError(f"{path}: the event file is not valid JSON: {exc}") from None
    if not isinstance(event, dict):
        raise ActionError(f"{path}: the event file is not a JSON object")
    return event


def fails(findings: Sequence[Finding], fail_on: str) -> bool:
    if fail_on == "never":
        return False
    levels = {Severity.ERROR} if fail_on == "error" else {Severity.ERROR, Severity.WARNING}
    return any(f.severity in levels for f in findings)


def verified(
    linter: Linter, path: str, lines: Sequence[str], findings: Sequence[Finding]
) -> list[Suggestion | None]:
    """Each finding's suggestion if the file with it applied no longer has that finding there.

    The suggestions are applied together and the result linted once; suggestions whose
    lines overlap one already applied wait for the next round (one more lint each round).
    """
    kept: list[Suggestion | None] = [None] * len(findings)
    todo = [i for i, f in enumerate(findings) if f.suggestion is not None]
    while todo:
        batch: list[int] = []
        later: list[int] = []
        end = 0
        for i in sorted(todo, key=lambda i: (findings[i].suggestion.first, i)):
            s = findings[i].suggestion
            (batch if s.first > end else later).append(i)
            if s.first > end:
                end = s.last
        text, windows = _applied(lines, [findings[i].suggestion for i in batch])
        again = linter.lint_text(text, path)
        for i, window in zip(batch, windows):
            code = findings[i].violation.code
            if not any(v.code == code and v.span.start_line in window for v in again):
                kept[i] = findings[i].suggestion
        todo = later
    return kept


def _applied(lines: Sequence[str], suggestions: Sequence[Suggestion]) -> tuple[str, list[range]]:
    """The text with non-overlapping ``suggestions`` (in line order) applied, and the lines
    each one's text occupies in it."""
    out: list[str] = []
    windows = []
    done = 0  # lines of the original copied or replaced so far
    for s in suggestions:
        out.extend(lines[done : s.first - 1])
        replaced = s.text.split("\n")
        windows.append(range(len(out) + 1, len(out) + 1 + len(replaced)))
        out.extend(replaced)
        done = s.last
    out.extend(lines[done:])
    return "\n".join(out), windows


def _resolve(workspace: Path, name: str) -> Path:
    p = Path(name)
    return p if p.is_absolute() else workspace / p


class Runner:
    def __init__(
        self,
        linter: Linter,
        environ: Mapping[str, str],
        out: TextIO,
        client_factory: Callable[..., object] | None = None,
    ) -> None:
        self.linter = linter
        self.env = environ
        self.out = out
        self.client_factory = client_factory
        # The run's own messages, printed after the findings' annotations (which come first).
        self._messages: list[tuple[str, str]] = []

    def emit(self, line: str) -> None:
        self.out.write(line + "\n")

    def notice(self, outcome: Outcome, message: str, level: str = "notice") -> None:
        outcome.notices.append(message)
        self._messages.append((message, level))

    # -------------------------------------------------------------- linting
    def lint(
        self,
        settings: Settings,
        workspace: Path,
        diffs: Mapping[str, FileDiff] | None,
        check_links: str = "changed",
        read: Callable[[str], str] | None = None,
    ) -> tuple[Outcome, list[tuple[str, Sequence[str], list[Finding]]]]:
        """``diffs`` is None when every finding counts (no diff: a whole-list run, or no
        token); a file missing from ``diffs`` is unchanged. ``read``: the file's text from
        the API instead of the checkout (pull_request_target)."""
        outcome = Outcome()
        per_file = []
        for name in settings.files:
            rel = name.removeprefix("./")
            diff = diffs.get(rel) if diffs is not None else None
            if diff is not None and diff.status == "removed":
                continue
            path = _resolve(workspace, rel)
            text = None
            if read is not None:
                if diff is None:
                    continue  # unchanged by the pull request: nothing to say about it
                text = read(rel)
            elif not path.is_file():
                if diff is not None:
                    raise ActionError(
                        f"{rel}: changed by the pull request but not in the checkout at {workspace}; "
                        "check out the pull request's head commit before this step"
                    )
                raise ActionError(f"{rel}: no such file in {workspace}")
            link_lines = _link_lines(check_links, diff)
            paper_lines = _paper_lines(settings.check_papers, diff)
            if text is None:
                lines, violations = self.linter.lint_file(
                    str(path), link_lines, paper_lines=paper_lines
                )
            else:
                lines, violations = self.linter.lint_file(
                    str(path), link_lines, text=text, paper_lines=paper_lines
                )
            for message in getattr(self.linter, "take_notices", lambda: [])():
                self.notice(outcome, f"{rel}: {message}", "warning")
            unsure = diff is not None and diff.patch_omitted
            if unsure:
                self.notice(
                    outcome,
                    f"{rel}: could not tell which lines changed (GitHub sent no diff for this "
                    "file: too large, or past the files it lists), so all its findings are "
                    "reported",
                    "warning",
                )
                diff = None
            if diff is not None and text is None:
                bad = diff.mismatch(lines)
                if bad is not None:
                    raise ActionError(
                        f"{rel}: line {bad} in the checkout differs from the commit under test; "
                        "check out github.event.pull_request.head.sha (or the pushed commit) "
                        "before this step"
                    )
            findings = classify(rel, lines, violations, diff)
            if diffs is None or unsure:
                findings = [
                    Finding(f.path, f.violation, f.fingerprint, True, None, None, unsure)
                    for f in findings
                ]
            else:
                suggestions = verified(self.linter, str(path), lines, findings)
                findings = [
                    Finding(f.path, f.violation, f.fingerprint, f.new, f.anchor, s)
                    for f, s in zip(findings, suggestions)
                ]
            outcome.new += [f for f in findings if f.new]
            outcome.old += [f for f in findings if not f.new]
            per_file.append((rel, lines, findings))
        return outcome, per_file

    # -------------------------------------------------------------- reporting
    def finish(self, settings: Settings, outcome: Outcome, checked: bool = True) -> int:
        levels = {"error": Severity.ERROR, "warning": Severity.WARNING, "notice": Severity.INFO}
        reserved: dict[Severity, int] = {}
        for _, level in self._messages:
            reserved[levels[level]] = reserved.get(levels[level], 0) + 1
        for line in annotations(outcome.new, reserved):
            self.emit(line)
        for message, level in self._messages:
            self.emit(reporter.notice(message, level))
        self._messages = []
        append_job_summary(
            render.job_summary(settings.files, outcome.new, outcome.old, outcome.notices, checked),
            self.env,
        )
        errors = sum(f.severity is Severity.ERROR for f in outcome.new)
        warnings = sum(f.severity is Severity.WARNING for f in outcome.new)
        write_outputs({"errors": errors, "warnings": warnings}, self.env)
        return 1 if fails(outcome.new, settings.fail_on) else 0

    # -------------------------------------------------------------- the run
    def run(self, settings: Settings) -> int:
        env = self.env
        event_name = env.get("GITHUB_EVENT_NAME")
        if not event_name:
            raise ActionError(
                "GITHUB_EVENT_NAME is not set; run awesome-lint --github inside GitHub Actions"
            )
        workspace = Path(env.get("GITHUB_WORKSPACE") or os.getcwd())
        needs_payload = event_name in (*events.PR_EVENTS, "merge_group", "push")
        event = load_event(env) if needs_payload else {}
        try:
            ctx = events.context(event_name, event, env)
        except events.EventError as exc:
            where = env.get("GITHUB_EVENT_PATH") or "the event"
            raise ActionError(f"{where}: {exc}") from None
        check_links = settings.check_links or ctx.default_check_links
        if ctx.kind == events.WHOLE:
            if check_links == "changed":
                check_links = "all"  # on a whole-list run every line counts as changed
            outcome, per_file = self.lint(settings, workspace, None, check_links)
            if settings.tracking_issue:
                self.track(ctx, settings, outcome)
            return self.finish(settings, outcome)
        if settings.tracking_issue:
            # The run itself goes on as usual; the log says why no issue is kept.
            print(
                f"awesome-lint: tracking-issue is kept by schedule and workflow_dispatch runs, "
                f"not {event_name}",
                file=sys.stderr,
            )
        if ctx.deleted:
            outcome = Outcome()
            self.notice(outcome, "the branch was deleted: nothing to check")
            return self.finish(settings, outcome, checked=False)

        token = env.get("GITHUB_TOKEN", "").strip()
        if not token:
            if ctx.read_through_api:
                raise ActionError(
                    "pull_request_target needs a token (input github-token) to read the pull "
                    "request's files"
                )
            outcome, _ = self.lint(settings, workspace, None, check_links)
            self.notice(
                outcome,
                "no GitHub token (GITHUB_TOKEN is empty): cannot read the diff or comment, so "
                "every finding in the files is reported",
                "warning",
            )
            return self.finish(settings, outcome)

        client = self.client(token, ctx.repo)
        try:
            if ctx.kind == events.PULL:
                live = client.head_sha(ctx.number)
                if live != ctx.head:
                    outcome = Outcome()
                    self.notice(
                        outcome,
                        f"pull request #{ctx.number} has moved on to {live[:7]} since this run "
                        f"started at {ctx.head[:7]}: nothing reported here, the run for "
                        f"{live[:7]} reports",
                    )
                    return self.finish(settings, outcome, checked=False)
            diffs = self.diffs(client, ctx, settings.files)
        except GitHubError as exc:
            raise ActionError(f"cannot read the changes of {ctx.repo}: {exc}") from None
        read = None
        if ctx.read_through_api:

            def read(rel: str) -> str:
                try:
                    return client.file_text(rel, ctx.head)
                except GitHubError as exc:
                    raise ActionError(f"{rel}: cannot read it at {ctx.head[:7]}: {exc}") from None

        outcome, _ = self.lint(settings, workspace, diffs, check_links, read)
        if ctx.kind == events.PULL and settings.comment != "none":
            self.comment(client, ctx, settings, outcome)
        return self.finish(settings, outcome)

    def client(self, token: str, repo: str):
        factory = self.client_factory or GitHubClient
        try:
            return factory(self.env.get("GITHUB_API_URL") or DEFAULT_API_URL, token, repo)
        except ApiUrlError as exc:
            raise ActionError(str(exc)) from None

    def diffs(self, client, ctx, wanted: Sequence[str]) -> dict[str, FileDiff]:
        """The changed lines of each file, from the event's own base and head. A list file
        GitHub did not list, when its list was cut short, is "could not tell"."""
        if ctx.base is not None:
            files = client.compare(ctx.base, ctx.head)
            complete = len(files) < COMPARE_FILE_LIMIT
        else:
            files, complete = [], False
        if not complete and ctx.number is not None:
            # A pull request lists up to 3,000 files, more than a comparison's 300.
            files = client.pull_files(ctx.number)
            complete = len(files) >= client.changed_files(ctx.number)
        diffs = {}
        for f in files:
            try:
                diffs[f.filename] = file_diff(f.filename, f.status, f.patch, f.changes)
            except PatchError as exc:
                raise ActionError(f"{f.filename}: GitHub's patch is malformed: {exc}") from None
        if not complete:
            for name in wanted:
                rel = name.removeprefix("./")
                diffs.setdefault(rel, file_diff(rel, "unknown", None, 1))
        return diffs

    def comment(self, client, ctx, settings: Settings, outcome: Outcome) -> None:
        run_id = f"{self.env.get('GITHUB_RUN_ID') or 'local'}.{self.env.get('GITHUB_RUN_ATTEMPT') or 1}.{secrets.token_hex(4)}"
        try:
            state = bot.read_state(client, ctx.number, settings.comment, settings.app_slug)
            p = bot.plan(outcome.new, outcome.old, ctx.head, state, settings.comment)
            for line in bot.publish(client, ctx.number, ctx.head, p, run_id, state.identity):
                print(f"awesome-lint: {line}", file=sys.stderr)
        except GitHubError as exc:
            if exc.forbidden:
                self.notice(
                    outcome,
                    f"cannot comment on pull request #{ctx.number} ({exc.status}: {exc.message or 'forbidden'}): "
                    "the token is read-only, as it is for pull requests from forks. "
                    "The findings are in the annotations and the job summary.",
                )
            else:
                self.notice(
                    outcome, f"commenting failed, findings are in the annotations: {exc}", "warning"
                )

    def track(self, ctx, settings: Settings, outcome: Outcome) -> None:
        """Keep the link-health tracking issue (see tracking.py) up to date."""
        token = self.env.get("GITHUB_TOKEN", "").strip()
        if not token:
            self.notice(outcome, "tracking-issue needs a token (input github-token)", "warning")
            return
        checked = getattr(self.linter, "checked_links", lambda: [])()
        try:
            for line in update_tracking_issue(
                self.client(token, ctx.repo), checked, self.env, settings.app_slug
            ):
                print(f"awesome-lint: {line}", file=sys.stderr)
        except GitHubError as exc:
            self.notice(outcome, f"could not update the link-health issue: {exc}", "warning")


def _link_lines(check_links: str, diff: FileDiff | None):
    """Which lines' links to check: "changed" needs a diff (no diff, no changed lines)."""
    if check_links == "all":
        return ALL_LINES
    if check_links == "changed" and diff is not None and not diff.patch_omitted and diff.added:
        return diff.added
    return None


def _paper_lines(check_papers: str, diff: FileDiff | None) -> frozenset[int] | None:
    """The lines whose entries' papers to check: only what the pull request adds or edits,
    so a pull request adding three papers costs one arXiv request."""
    if check_papers == "changed" and diff is not None and not diff.patch_omitted and diff.added:
        return frozenset(diff.added)
    return None


class CoreLinter:
    """The Linter the action uses: the run (``run.py``) with the config that applies to each
    file, checking the links on the lines asked for."""

    def __init__(
        self,
        config: str | None = None,
        isolated: bool = False,
        cli: tuple = (None, None, None),
        today=None,
        link_options: Mapping[str, object] | None = None,
        allow_private_hosts: bool = False,
    ):
        self.plan = Plan(config=config, isolated=isolated, select=cli, today=today)
        self._configs: dict[str, Config] = {}
        # LinkSettings values over the config's: the action's inputs (github-api-share,
        # link-cache).
        self.link_options = dict(link_options or {})
        # `awesome-lint --github --allow-private-hosts`: the workflow's own command line, the
        # only place that can open private addresses (a pull request's config cannot, and
        # no input can). Applies to links and papers alike, and wins over everything else.
        self.allow_private_hosts = allow_private_hosts
        self._notices: list[str] = []
        self._checked: list[CheckedLink] = []

    def take_notices(self) -> list[str]:
        notices, self._notices = self._notices, []
        return notices

    def checked_links(self) -> list[CheckedLink]:
        """Every link checked so far, with where it sits (for the link-health issue)."""
        return list(self._checked)

    def _config(self, path: str) -> Config:
        """The config for ``path``, read once. A broken config file is not the action's
        environment: its ConfigError ends the run like the command line's."""
        if path not in self._configs:
            config = config_for(path, self.plan.config, self.plan.isolated)
            self._configs[path] = config.with_cli(*self.plan.select)
        return self._configs[path]

    def _settings(self, table: Mapping[str, object]) -> LinkSettings:
        # A pull request's links must not hold CI for hours: the run stops after
        # ACTION_MAX_DURATION unless the list's config or the inputs say otherwise.
        values = {"max_duration": ACTION_MAX_DURATION, **from_table(table)}
        return LinkSettings(
            **{**values, **self.link_options, "allow_private_hosts": self.allow_private_hosts}
        )

    def _paper_settings(self, table: Mapping[str, object]) -> PaperSettings:
        return PaperSettings.from_env(
            None, **paper_table(table), allow_private_hosts=self.allow_private_hosts
        )

    def lint_file(
        self, path: str, link_lines=None, text: str | None = None, paper_lines=None
    ) -> tuple[Sequence[str], Sequence[Violation]]:
        """``text``: the file's content read through the API; the config still comes from
        ``path``'s checkout, and no sibling files are looked at."""
        config = self._config(path)
        if text is not None:
            return self._lint_text(text, path, config, link_lines, paper_lines)
        links = None
        if link_lines is not None:
            links = LinkPlan(
                settings=self._settings,
                urls=lambda doc: _urls_on(doc, link_lines),
                on_report=lambda report, seconds: self._notices.extend(report.notices),
                archived=check_archived,
            )
        papers = None
        if paper_lines:
            papers = PaperPlan(
                settings=self._paper_settings,
                lines=lambda _path: paper_lines,
                on_report=lambda report: self._notices.extend(report.notices),
            )
        try:
            done = run_one(path, replace(self.plan, links=links, papers=papers), config=config)
        except AwesomeLintError as exc:
            raise ActionError(str(exc)) from None
        assert done.lint is not None
        if done.link_results:
            self._checked += located(
                done.document, _links_on(done.document, link_lines), done.link_results
            )
        return done.document.lines, done.lint.violations

    def _lint_text(self, text: str, path: str, config: Config, link_lines, paper_lines):
        """pull_request_target: text that is not in the checkout (run.py reads files)."""
        try:  # the pull request's text gets the limits a file in the checkout gets
            check_limits(path, text.encode("utf-8"), config.max_file_size, config.max_lines)
        except AwesomeLintError as exc:
            raise ActionError(str(exc)) from None
        result = parse_and_lint(text, path, config, today=self.plan.today)
        urls = _urls_on(result.document, link_lines) if link_lines is not None else []
        link_results = paper_results = None
        if urls:
            try:
                settings = self._settings(config.links)
            except SettingsError as exc:
                raise ActionError(f"{config.source}: [links] {exc}") from None
            report = check_links(urls, settings, archived=check_archived)
            self._notices.extend(report.notices)
            link_results = report.results
        wanted = refs(result.document, paper_lines) if paper_lines else []
        if wanted:
            try:
                paper_settings = self._paper_settings(config.papers)
            except PaperSettingsError as exc:
                raise ActionError(f"{config.source}: [papers] {exc}") from None
            papers = lookup_papers([to_query(r) for r in wanted], paper_settings)
            self._notices.extend(papers.notices)
            paper_results = papers.results
        if link_results is not None or paper_results is not None:
            result = parse_and_lint(
                text,
                path,
                config,
                today=self.plan.today,
                link_results=link_results,
                paper_results=paper_results,
            )
        return result.document.lines, result.violations

    def lint_text(self, text: str, path: str) -> Sequence[Violation]:
        """The findings in a changed version of the file (to verify suggestions)."""
        return parse_and_lint(text, path, self._config(path), today=self.plan.today).violations


def _links_on(doc: Document, link_lines: frozenset[int] | str | None) -> list:
    """The links to check: on the given lines (or all), not in-page anchors."""
    if link_lines is None:
        return []
    return [
        lk
        for lk in doc.links
        if lk.url
        and not lk.url.startswith("#")
        and (link_lines == ALL_LINES or (link_lines and lk.line in link_lines))
    ]


def _urls_on(doc: Document, link_lines: frozenset[int] | str) -> list[str]:
    return [lk.url for lk in _links_on(doc, link_lines)]


def run(
    paths: Sequence[str] = (),
    *,
    config: str | None = None,
    isolated: bool = False,
    select: tuple = (None, None, None),
    today=None,
    linter: Linter | None = None,
    environ: Mapping[str, str] | None = None,
    out: TextIO | None = None,
    client_factory: Callable[..., object] | None = None,
    allow_private_hosts: bool = False,
) -> int:
    """Entry point for ``awesome-lint --github``; returns the exit code.

    ``select`` is the CLI's (select, extend_select, ignore); ``config`` the CLI's --config,
    which the action's ``config`` input (AWESOME_LINT_CONFIG) overrides;
    ``allow_private_hosts`` the CLI's --allow-private-hosts (links and papers).
    """
    environ = os.environ if environ is None else environ
    out = out or sys.stdout
    try:
        settings = settings_from_env(environ, paths)
        if linter is None:
            explicit = settings.config or config
            if explicit:
                workspace = Path(environ.get("GITHUB_WORKSPACE") or os.getcwd())
                explicit = str(_resolve(workspace, explicit))
                if not Path(explicit).is_file():
                    raise ActionError(f"{explicit}: config file not found (input config)")
            linter = CoreLinter(
                explicit,
                isolated,
                select,
                today,
                link_options=settings.link_options(),
                allow_private_hosts=allow_private_hosts,
            )
        return Runner(linter, environ, out, client_factory).run(settings)
    except ActionError as exc:
        out.write(reporter.notice(str(exc), "error") + "\n")
        return 2
    except ImportError as exc:
        if exc.name and exc.name.split(".")[0] == "github":
            out.write(
                reporter.notice("PyGithub is missing: pip install 'awesome-lint[github]'", "error")
                + "\n"
            )
            return 2
        raise
