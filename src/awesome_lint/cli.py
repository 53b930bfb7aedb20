"""The command line: ``awesome-lint [PATH ...]``. Exit 0 clean, 1 errors found, 2 usage/input/config error."""

from __future__ import annotations

import gc
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from .errors import AwesomeLintError, UsageError

if TYPE_CHECKING:  # pragma: no cover
    from .kept_args import KeptArguments
    from .run import LinkPlan, PaperPlan, RunResult

# Start-up: this module loads nothing of the run nor of the argument parser (the pre-commit
# hook runs it on every commit): they load in the functions that use them.

EXIT_OK, EXIT_ERRORS, EXIT_FAILURE = 0, 1, 2


def main(argv: Sequence[str] | None = None, *, kept_arguments: KeptArguments | None = None) -> int:
    """Run the command line; ``kept_arguments``: the parses kept by earlier runs (the
    installed command's own process, console.py)."""
    # A short-lived process that builds many small acyclic objects: the cyclic collector
    # would only walk them again and again (about a tenth of the run on a large list).
    gc.disable()
    try:
        return _main(argv, kept_arguments)
    except KeyboardInterrupt:
        print("awesome-lint: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_FAILURE


def _main(argv: Sequence[str] | None, kept: KeptArguments | None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["add"]:
        from .add.command import main as add_main

        return add_main(argv[1:])
    args = _parse(argv, kept)
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


def _parse(argv: list[str], kept: KeptArguments | None):
    """The arguments parsed: kept from an earlier run of the same ones, else by the parser
    (and kept for the next run)."""
    args = kept.parsed(argv) if kept is not None else None
    if args is None:
        from .arguments import build_parser

        args = build_parser().parse_args(argv)
        if kept is not None:
            kept.keep(argv, vars(args))
    return args


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
    from .links.flags import given as link_flags_given

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
