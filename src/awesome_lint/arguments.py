"""The command line's arguments: the parser (``cli.py`` runs what they ask for).

Built on every run that has no kept parse of its arguments (``kept_args.py``): argparse,
and what its parser is made of, load only then.
"""

from __future__ import annotations

import argparse
import datetime

from .links.flags import add_arguments as add_link_arguments
from .papers.flags import add_arguments as add_paper_arguments
from .report import FORMATS
from .version import __version__

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
