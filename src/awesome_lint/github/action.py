"""``awesome-lint --github``: the pull-request bot as run by the composite action.

Reads the standard Actions environment, lints the files, prints annotations, writes the job
summary and outputs, and on a pull request comments where the contributor must act. Every
failure of the environment ends in one clear message and exit code 2, never a traceback.

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
from ..links import LinkSettings
from ..links.options import from_table
from ..model import Document
from ..report import workflow as reporter
from ..run import LinkPlan, Plan, run_one
from . import bot, render
from .archived import check_archived
from .client import DEFAULT_API_URL, ApiUrlError, GitHubClient, GitHubError
from .diff import FileDiff, PatchError, file_diff
from .findings import Finding, Suggestion, classify
from .outputs import append_job_summary, write_outputs

PR_EVENTS = ("pull_request", "pull_request_target")
FAIL_ON = ("error", "warning", "never")
CHECK_LINKS = ("changed", "all", "none")
ALL_LINES = "all"


class ActionError(Exception):
    """The environment or input is unusable: one message, exit code 2."""


class Linter(Protocol):
    def lint_file(
        self, path: str, link_lines: frozenset[int] | str | None = None
    ) -> tuple[Sequence[str], Sequence[Violation]]:
        """(lines, violations); raises ActionError for an unreadable file.

        ``link_lines``: check the liveness of the links on these lines (ALL_LINES: every
        link; None: none).
        """

    def lint_text(self, text: str, path: str) -> Sequence[Violation]: ...


@dataclass(frozen=True)
class Settings:
    files: tuple[str, ...]
    fail_on: str = "error"
    comment: str = "both"
    check_links: str = "changed"
    config: str | None = None


@dataclass
class Outcome:
    new: list[Finding] = field(default_factory=list)
    old: list[Finding] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)


def settings_from_env(environ: Mapping[str, str], paths: Sequence[str]) -> Settings:
    """The action's inputs arrive as AWESOME_LINT_* variables (never pasted into a script)."""
    files = tuple(environ.get("AWESOME_LINT_FILES", "").split()) or tuple(paths) or ("README.md",)
    fail_on = environ.get("AWESOME_LINT_FAIL_ON", "").strip().lower() or "error"
    comment = environ.get("AWESOME_LINT_COMMENT", "").strip().lower() or "both"
    check_links = environ.get("AWESOME_LINT_CHECK_LINKS", "").strip().lower() or "changed"
    check_links = {"true": "changed", "false": "none", "off": "none"}.get(check_links, check_links)
    for name, value, allowed in (
        ("fail-on", fail_on, FAIL_ON),
        ("comment", comment, ("summary", "review", "both", "none")),
        ("check-links", check_links, CHECK_LINKS),
    ):
        if value not in allowed:
            raise ActionError(f"input {name} must be one of {'|'.join(allowed)}, got {value!r}")
    return Settings(
        files, fail_on, comment, check_links, environ.get("AWESOME_LINT_CONFIG") or None
    )


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


@dataclass(frozen=True)
class PullInfo:
    repo: str
    number: int
    head_sha: str


def pull_info(event: dict, environ: Mapping[str, str], event_path: str) -> PullInfo:
    pr = event.get("pull_request")
    try:
        number = int(pr["number"])
        head_sha = str(pr["head"]["sha"])
    except (TypeError, KeyError, ValueError):
        raise ActionError(
            f"{event_path}: no pull_request.number and pull_request.head.sha in the event"
        ) from None
    repo = environ.get("GITHUB_REPOSITORY") or (event.get("repository") or {}).get("full_name")
    if not repo or repo.count("/") != 1:
        raise ActionError("GITHUB_REPOSITORY is not set to owner/name")
    return PullInfo(repo, number, head_sha)


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

    def emit(self, line: str) -> None:
        self.out.write(line + "\n")

    def notice(self, outcome: Outcome, message: str, level: str = "notice") -> None:
        outcome.notices.append(message)
        self.emit(reporter.notice(message, level))

    # -------------------------------------------------------------- linting
    def lint(
        self, settings: Settings, workspace: Path, diffs: Mapping[str, FileDiff] | None
    ) -> tuple[Outcome, list[tuple[str, Sequence[str], list[Finding]]]]:
        """``diffs`` is None when the diff is unknown: then every finding counts as new."""
        outcome = Outcome()
        per_file = []
        for name in settings.files:
            rel = name.removeprefix("./")
            diff = diffs.get(rel) if diffs is not None else None
            if diff is not None and diff.status == "removed":
                continue
            path = _resolve(workspace, rel)
            if not path.is_file():
                if diff is not None:
                    raise ActionError(
                        f"{rel}: changed by the pull request but not in the checkout at {workspace}; "
                        "check out the pull request's head commit before this step"
                    )
                raise ActionError(f"{rel}: no such file in {workspace}")
            lines, violations = self.linter.lint_file(
                str(path), _link_lines(settings.check_links, diff)
            )
            for message in getattr(self.linter, "take_notices", lambda: [])():
                self.notice(outcome, f"{rel}: {message}", "warning")
            if diff is not None and diff.patch_omitted:
                self.notice(
                    outcome,
                    f"{rel}: GitHub sent no diff for this file (too large); its findings cannot be "
                    "tied to the pull request's lines, so they are listed as older findings",
                    "warning",
                )
                diff = None
            if diff is not None:
                bad = diff.mismatch(lines)
                if bad is not None:
                    raise ActionError(
                        f"{rel}: line {bad} in the checkout differs from the pull request's head; "
                        "check out github.event.pull_request.head.sha before this step"
                    )
            findings = classify(rel, lines, violations, diff)
            if diffs is None:
                findings = [
                    Finding(f.path, f.violation, f.fingerprint, True, None, None) for f in findings
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
    def finish(self, settings: Settings, outcome: Outcome) -> int:
        for f in outcome.new:
            self.emit(reporter.annotation(f.path, f.violation))
        append_job_summary(
            render.job_summary(settings.files, outcome.new, outcome.old, outcome.notices), self.env
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
        if event_name not in PR_EVENTS:
            outcome, _ = self.lint(settings, workspace, None)
            return self.finish(settings, outcome)

        event = load_event(env)
        info = pull_info(event, env, env["GITHUB_EVENT_PATH"])
        token = env.get("GITHUB_TOKEN", "").strip()
        if not token:
            outcome, _ = self.lint(settings, workspace, None)
            self.notice(
                outcome,
                "no GitHub token (GITHUB_TOKEN is empty): cannot read the pull request's diff or "
                "comment on it, so every finding in the files is reported",
                "warning",
            )
            return self.finish(settings, outcome)

        factory = self.client_factory or GitHubClient
        try:
            client = factory(env.get("GITHUB_API_URL") or DEFAULT_API_URL, token, info.repo)
        except ApiUrlError as exc:
            raise ActionError(str(exc)) from None
        try:
            files = client.pull_files(info.number)
        except GitHubError as exc:
            raise ActionError(
                f"cannot read the files of pull request #{info.number} of {info.repo}: {exc}"
            ) from None
        diffs = {}
        for f in files:
            try:
                diffs[f.filename] = file_diff(f.filename, f.status, f.patch, f.changes)
            except PatchError as exc:
                raise ActionError(f"{f.filename}: GitHub's patch is malformed: {exc}") from None
        outcome, _ = self.lint(settings, workspace, diffs)
        if settings.comment != "none":
            self.comment(client, info, settings, outcome)
        return self.finish(settings, outcome)

    def comment(self, client, info: PullInfo, settings: Settings, outcome: Outcome) -> None:
        run_id = f"{self.env.get('GITHUB_RUN_ID') or 'local'}.{self.env.get('GITHUB_RUN_ATTEMPT') or 1}.{secrets.token_hex(4)}"
        try:
            state = bot.read_state(client, info.number, settings.comment)
            p = bot.plan(outcome.new, outcome.old, info.head_sha, state, settings.comment)
            for line in bot.publish(client, info.number, info.head_sha, p, run_id, state.login):
                print(f"awesome-lint: {line}", file=sys.stderr)
        except GitHubError as exc:
            if exc.forbidden:
                self.notice(
                    outcome,
                    f"cannot comment on pull request #{info.number} ({exc.status}: {exc.message or 'forbidden'}): "
                    "the token is read-only, as it is for pull requests from forks. "
                    "The findings are in the annotations and the job summary.",
                )
            else:
                self.notice(
                    outcome, f"commenting failed, findings are in the annotations: {exc}", "warning"
                )


def _link_lines(check_links: str, diff: FileDiff | None):
    """Which lines' links to check: "changed" needs a diff (no diff, no changed lines)."""
    if check_links == "all":
        return ALL_LINES
    if check_links == "changed" and diff is not None and not diff.patch_omitted and diff.added:
        return diff.added
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
    ):
        self.plan = Plan(config=config, isolated=isolated, select=cli, today=today)
        self._configs: dict[str, Config] = {}
        # Extra LinkSettings values; only tests set them (a PR's config can never open
        # private hosts: allow-private-hosts is not a config key).
        self.link_options = dict(link_options or {})
        self._notices: list[str] = []

    def take_notices(self) -> list[str]:
        notices, self._notices = self._notices, []
        return notices

    def _config(self, path: str) -> Config:
        """The config for ``path``, read once. A broken config file is not the action's
        environment: its ConfigError ends the run like the command line's."""
        if path not in self._configs:
            config = config_for(path, self.plan.config, self.plan.isolated)
            self._configs[path] = config.with_cli(*self.plan.select)
        return self._configs[path]

    def lint_file(self, path: str, link_lines=None) -> tuple[Sequence[str], Sequence[Violation]]:
        config = self._config(path)
        links = None
        if link_lines is not None:
            links = LinkPlan(
                settings=lambda table: LinkSettings(**{**from_table(table), **self.link_options}),
                urls=lambda doc: _urls_on(doc, link_lines),
                on_report=lambda report, seconds: self._notices.extend(report.notices),
                archived=check_archived,
            )
        try:
            done = run_one(path, replace(self.plan, links=links), config=config)
        except AwesomeLintError as exc:
            raise ActionError(str(exc)) from None
        assert done.lint is not None
        return done.document.lines, done.lint.violations

    def lint_text(self, text: str, path: str) -> Sequence[Violation]:
        """The findings in a changed version of the file (to verify suggestions)."""
        return parse_and_lint(text, path, self._config(path), today=self.plan.today).violations


def _urls_on(doc: Document, link_lines: frozenset[int] | str) -> list[str]:
    """The URLs to check: on the given lines (or all), not in-page anchors."""
    return [
        lk.url
        for lk in doc.links
        if lk.url
        and not lk.url.startswith("#")
        and (link_lines == ALL_LINES or (link_lines and lk.line in link_lines))
    ]


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
) -> int:
    """Entry point for ``awesome-lint --github``; returns the exit code.

    ``select`` is the CLI's (select, extend_select, ignore); ``config`` the CLI's --config,
    which the action's ``config`` input (AWESOME_LINT_CONFIG) overrides.
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
            linter = CoreLinter(explicit, isolated, select, today)
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
