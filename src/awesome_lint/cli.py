"""The command line: ``awesome-lint [PATH ...]``. Exit 0 clean, 1 errors found, 2 usage/input/config error."""

from __future__ import annotations

import argparse
import datetime
import gc
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from .errors import AwesomeLintError, UsageError
from .links.flags import add_arguments as add_link_arguments
from .links.flags import given as link_flags_given
from .papers.flags import add_arguments as add_paper_arguments
from .report import FORMATS
from .version import __version__

if TYPE_CHECKING:  # pragma: no cover
    from .run import LinkPlan, PaperPlan, RunResult

# Start-up: this module loads only what building the argument parser needs (the pre-commit
# hook runs it on every commit); the run's modules load in the functions that use them.

EXIT_OK, EXIT_ERRORS, EXIT_FAILURE = 0, 1, 2

DESCRIPTION = """\
Lint awesome lists, above all lists of research papers: every entry's title, authors,
date, venue, links and line breaks, judged against what is always wrong and against the
list's own conventions. Offline by default.
"""

EPILOG = """\
exit status: 0 no error-severity findings, 1 errors found, 2 usage, config or input error.
  --fix: the same, judged on what remains after fixing. --diff: 1 when there is a diff to
  show, else 0 (like ruff: findings without a fix do not count).
configuration: .awesome-lint.toml or [tool.awesome-lint] in pyproject.toml, found by
walking up from each file; see the README. Rule docs: awesome-lint --explain RULE.
"""


def _csv(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


class _HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """argparse's formatter, reading the terminal's width only when help is written.

    argparse builds a formatter for every ``add_argument`` (to check the metavar), and the
    width comes from ``shutil.get_terminal_size``: importing shutil and its compression
    modules on every run, for help that a lint run never prints. The width and the help
    column are argparse's own formula, computed on first use."""

    def __init__(
        self,
        prog: str,
        indent_increment: int = 2,
        max_help_position: int = 24,
        width: int | None = None,
    ) -> None:
        super().__init__(prog, indent_increment, max_help_position, width=0)
        for name in ("_width", "_max_help_position"):  # read through __getattr__ below
            self.__dict__.pop(name, None)
        self._layout = (indent_increment, max_help_position, width)

    def __getattr__(self, name: str) -> int:
        if name not in ("_width", "_max_help_position"):
            raise AttributeError(name)
        indent_increment, max_help_position, width = self._layout
        if width is None:
            import shutil

            width = shutil.get_terminal_size().columns - 2
        self._width = width
        self._max_help_position = min(max_help_position, max(width - 20, indent_increment * 2))
        return getattr(self, name)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="awesome-lint",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=_HelpFormatter,
    )
    p.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="Markdown files to lint ('-' for stdin; default: README.md)",
    )
    out = p.add_argument_group("output")
    out.add_argument(
        "--format",
        choices=tuple(FORMATS),
        default="text",
        help="report format (default: text; github: workflow-command annotations)",
    )
    out.add_argument(
        "--export",
        choices=("json", "csv", "bibtex"),
        help="print the parsed model instead of findings: json (sections, entries, items), "
        "csv (one row per entry) or bibtex (one @misc per entry)",
    )
    out.add_argument(
        "--quiet", "-q", action="store_true", help="print findings only, no summary line"
    )
    sel = p.add_argument_group("rule selection")
    sel.add_argument(
        "--select",
        type=_csv,
        action="extend",
        metavar="RULES",
        help="only these rules: codes, prefixes (AL2) or names, comma-separated",
    )
    sel.add_argument(
        "--extend-select",
        type=_csv,
        action="extend",
        metavar="RULES",
        help="add rules to the selection (e.g. opt-in rules)",
    )
    sel.add_argument(
        "--ignore", type=_csv, action="extend", metavar="RULES", help="skip these rules"
    )
    sel.add_argument("--list-rules", action="store_true", help="list every rule and exit")
    sel.add_argument("--explain", metavar="RULE", help="print a rule's documentation and exit")
    fix = p.add_argument_group("fixing")
    fix.add_argument(
        "--fix",
        action="store_true",
        help="apply every safe fix in place, then report what remains ('-': fixed text to stdout)",
    )
    fix.add_argument(
        "--unsafe-fixes",
        action="store_true",
        help="with --fix/--diff: apply unsafe fixes too (URLs from redirects, words in prose)",
    )
    fix.add_argument(
        "--diff",
        action="store_true",
        help="print the fixes as a unified diff instead of writing them (exit 1 when there is a diff)",
    )
    fix.add_argument(
        "--sort-entries",
        action="store_true",
        help="with --fix/--diff: reorder each section's entries by date in the list's direction",
    )
    fix.add_argument(
        "--fix-toc",
        action="store_true",
        help="with --fix/--diff: bring the table of contents in line with the headings",
    )
    cfg = p.add_argument_group("configuration")
    cfg.add_argument(
        "--config", metavar="FILE", help="use this config file instead of searching for one"
    )
    cfg.add_argument("--isolated", action="store_true", help="ignore all config files")
    cfg.add_argument(
        "--today",
        type=datetime.date.fromisoformat,
        metavar="YYYY-MM-DD",
        help="the date 'in the future' is judged against (default: today)",
    )
    add_link_arguments(p)
    add_paper_arguments(p)
    p.add_argument(
        "--github",
        action="store_true",
        help="run as the GitHub Action: annotate, summarise, and review the pull request (see the README)",
    )
    p.add_argument("--version", action="version", version=f"awesome-lint {__version__}")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    # A short-lived process that builds many small acyclic objects: the cyclic collector
    # would only walk them again and again (about a tenth of the run on a large list).
    gc.disable()
    try:
        return _main(argv)
    except KeyboardInterrupt:
        print("awesome-lint: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_FAILURE


def _main(argv: Sequence[str] | None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["add"]:
        from .add.command import main as add_main

        return add_main(argv[1:])
    args = build_parser().parse_args(argv)
    try:
        if args.list_rules:
            return _list_rules()
        if args.explain:
            return _explain(args.explain)
        if args.github:
            from .github.action import run as run_github  # the Action's modules: only here

            return run_github(
                args.paths,
                config=args.config,
                isolated=args.isolated,
                select=(args.select, args.extend_select, args.ignore),
                today=args.today,
                allow_private_hosts=bool(args.allow_private_hosts),
            )
        return _lint(args)
    except AwesomeLintError as exc:
        print(f"awesome-lint: {exc}", file=sys.stderr)
        return EXIT_FAILURE


def _list_rules() -> int:
    from .rules import ALL_RULES

    width = max(len(r.name) for r in ALL_RULES)
    for r in ALL_RULES:
        flags = f"fix:{r.fix_safety.value:<6}" if r.fixable.value != "never" else " " * 10
        opt = "" if r.enabled_by_default else " (opt-in)"
        print(
            f"{r.code}  {r.name:<{width}}  {r.kind.value:<10}  {r.default_severity.value:<7}  {flags} {r.summary}{opt}"
        )
    return EXIT_OK


def _explain(key: str) -> int:
    from .config import lookup_rule
    from .docs import rule_doc  # modules one option needs load with that option (start-up)

    rule = lookup_rule(key)
    if rule is None:
        raise UsageError(f"unknown rule {key!r} (see --list-rules)")
    doc = rule_doc(rule.code)
    if doc is None:
        raise UsageError(f"no documentation found for {rule.code}")
    sys.stdout.write(doc if doc.endswith("\n") else doc + "\n")
    return EXIT_OK


def _check_link_flags(args) -> None:
    """Link flags are checked whether or not --check-links is given: a typo in a flag that
    does nothing yet would surface only on the day links are checked."""
    if not link_flags_given(args):
        return  # the defaults: nothing to check (and the settings' modules stay unloaded)
    from .links.options import settings_from
    from .links.settings import SettingsError

    try:
        settings_from({}, args)
    except SettingsError as exc:
        raise UsageError(str(exc)) from None


def _lint(args) -> int:
    from .config import resolve_selector
    from .report import ReportOptions, render
    from .report.ansi import painter
    from .run import FixPlan, Plan, fix_summary, run
    from .textio import STDIN

    for sel in (args.select or []) + (args.extend_select or []) + (args.ignore or []):
        if not resolve_selector(sel):
            raise UsageError(f"unknown rule or prefix {sel!r} (see --list-rules)")
    _check_link_flags(args)
    fixing = args.fix or args.diff
    if (args.sort_entries or args.fix_toc or args.unsafe_fixes) and not fixing:
        raise UsageError("--sort-entries, --fix-toc and --unsafe-fixes need --fix or --diff")
    if fixing and args.export:
        raise UsageError("--export cannot be combined with --fix or --diff")
    paths = args.paths or ["README.md"]
    plan = Plan(
        config=args.config,
        isolated=args.isolated,
        select=(args.select, args.extend_select, args.ignore),
        today=args.today,
        links=_link_plan(args) if args.check_links and not args.export else None,
        papers=_paper_plan(args, fixing, paths) if args.check_papers and not args.export else None,
        fix=FixPlan(args.sort_entries, args.fix_toc, args.diff, args.unsafe_fixes)
        if fixing
        else None,
        lint=not args.export,
    )
    done = run(paths, plan)
    if args.export:
        return _export(done, args.export)
    if fixing:
        line = fix_summary((f.fixed for f in done.files if f.fixed is not None), args.diff)
        if line and not args.quiet:
            print(line, file=sys.stderr)
    if args.diff:
        if done.failed:
            return EXIT_FAILURE
        return EXIT_ERRORS if any(f.fixed and f.fixed.changed for f in done.files) else EXIT_OK
    # With --fix on stdin, stdout carries the fixed text: the report goes to stderr.
    stream = sys.stderr if args.fix and STDIN in paths else sys.stdout
    options = ReportOptions(quiet=args.quiet, paint=painter(stream))
    stream.write(render(args.format, done.results, options))
    if done.failed:
        return EXIT_FAILURE
    return EXIT_ERRORS if any(r.errors for r in done.results) else EXIT_OK


def _link_plan(args) -> LinkPlan:
    # Only --check-links asks GitHub about archived repositories (a thread pool, PyGithub).
    from .github.archived import check_archived
    from .links.options import settings_from
    from .links.prefetch import summary as link_summary
    from .links.settings import SettingsError
    from .run import LinkPlan

    try:
        settings_from({}, args)  # the command line's own mistakes, named as such
    except SettingsError as exc:
        raise UsageError(str(exc)) from None

    def on_report(report, seconds: float) -> None:
        for notice in report.notices:
            print(f"awesome-lint: note: {notice}", file=sys.stderr)
        if not args.quiet:
            print(link_summary(report, seconds), file=sys.stderr)

    return LinkPlan(
        lambda table: settings_from(table, args),
        prefetch=True,
        on_report=on_report,
        archived=check_archived,
    )


def _paper_plan(args, fixing: bool, paths) -> PaperPlan:
    from .paper_check import summary
    from .papers.options import settings_from as paper_settings_from
    from .run import PaperPlan
    from .textio import STDIN

    if fixing and STDIN in paths:
        raise UsageError("--check-papers with --fix or --diff needs files, not stdin")

    def on_report(report) -> None:
        for notice in report.notices:
            print(f"awesome-lint: note: {notice}", file=sys.stderr)
        if not args.quiet:
            print(summary(report), file=sys.stderr)

    return PaperPlan(lambda table: paper_settings_from(table, args), on_report=on_report)


def _export(done: RunResult, form: str) -> int:
    """Print the parsed model: JSON (one object for one file, JSON Lines for several), CSV or
    BibTeX (all files in one table or one bibliography)."""
    import json

    from .report.export import document_dict, to_bibtex, to_csv

    docs = [f.document for f in done.files]
    if form == "csv":
        sys.stdout.write(to_csv(docs))
    elif form == "bibtex":
        sys.stdout.write(to_bibtex(docs))
    elif len(docs) == 1 and not done.failed:
        sys.stdout.write(json.dumps(document_dict(docs[0]), ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.writelines(json.dumps(document_dict(d), ensure_ascii=False) + "\n" for d in docs)
    return EXIT_FAILURE if done.failed else EXIT_OK
