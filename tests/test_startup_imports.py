"""Start-up: a plain lint run imports only what it needs.

The pre-commit hook runs ``awesome-lint README.md`` on every commit; the HTTP client, the
GitHub client, the link checker, mdformat and ftfy cost start-up and are needed only with
``--check-links``, ``--github`` or a fix that uses them, and a rule is imported only when
the run can use it. The list checked here is ``sys.modules`` when the installed command
ends.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from .conftest import (
    FIXTURES,
    assert_no_traffic,
    awesome_lint_command,
    fenced_env,
    untraced_env,
)

NOT_ON_A_PLAIN_RUN = (
    "requests",
    "urllib3",
    "github",  # PyGithub
    "mdformat",
    "tomllib",  # no config file to read
    "difflib",  # suggestions and fixes of findings this list does not have
    "shutil",  # the terminal width, for help a lint run never prints
    "email",  # an HTTP date in Retry-After
    "xml",  # arXiv's Atom feeds
    "awesome_lint.links.check",
    "awesome_lint.links.settings",
    "awesome_lint.links.checker",
    "awesome_lint.links.transport",
    "awesome_lint.links.pool",
    "awesome_lint.links.cache",
    "awesome_lint.papers.lookup",
    "awesome_lint.papers.settings",
    "awesome_lint.papers.records",
    "awesome_lint.github",
    "awesome_lint.fix",
    # Rules the run cannot use: link liveness (no --check-links), papers (no
    # --check-papers), and the classic-list rules on a paper list.
    "awesome_lint.rules.dead_link",
    "awesome_lint.rules.archived_repository",
    "awesome_lint.rules.title_mismatch",
    "awesome_lint.rules.author_mismatch",
    "awesome_lint.rules.wrong_item_separator",
    "awesome_lint.rules.misspelled_technology",
)

# What importing the command-line module itself does not load: the argument parser (made
# only when no kept parse of the arguments serves, kept_args.py) nor the run (config,
# rules, parser, model, reports), which load when a run needs them.
NOT_ON_IMPORTING_THE_CLI = (
    "argparse",
    "awesome_lint.arguments",
    "dataclasses",
    "awesome_lint.model",
    "awesome_lint.config",
    "awesome_lint.rules.base",
    "awesome_lint.parse",
    "awesome_lint.run",
    "awesome_lint.engine",
    "awesome_lint.report.text",
    "markdown_it",
)


# Prints every module loaded when the process ends: -X importtime would miss the modules
# loaded through importlib.import_module (the rules are), which bypasses the logged path.
_REPORT = (
    "import atexit, runpy, sys; "
    "atexit.register(lambda: print('MODULES', ' '.join(sorted(sys.modules)), file=sys.stderr)); "
    "script = sys.argv[1]; sys.argv = sys.argv[1:]; "
    "runpy.run_path(script, run_name='__main__') if script != '-' else None"
)


def imported_modules(
    *args: str, cwd: Path, command: list[str] | None = None, env: dict | None = None
) -> set[str]:
    """Every module the installed command (or ``python -c CODE``) has loaded when it ends;
    ``env``: more environment variables."""
    netlog = Path(tempfile.mkstemp(prefix="netlog.")[1])
    argv = (
        [sys.executable, *command]
        if command
        else [sys.executable, "-c", _REPORT, awesome_lint_command()[0], *args]
    )
    # Untraced: coverage's subprocess start-up imports tomllib and dataclasses itself.
    fenced = fenced_env({**os.environ, **(env or {})}, netlog)
    proc = subprocess.run(
        argv,
        cwd=cwd,
        capture_output=True,
        text=True,
        env=untraced_env(fenced),
        timeout=120,
    )
    assert_no_traffic(netlog)
    assert proc.returncode in (0, 1), proc.stderr[-2000:]
    line = next(ln for ln in proc.stderr.splitlines() if ln.startswith("MODULES "))
    return set(line.split()[1:])


def test_a_plain_run_imports_no_network_or_github_machinery(tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    readme.write_bytes((FIXTURES / "lists" / "fm_style.md").read_bytes())  # a paper list
    modules = imported_modules("README.md", cwd=tmp_path)
    assert "awesome_lint.rules" in modules  # the list is real: the run did import the rules
    assert _loaded(modules, NOT_ON_A_PLAIN_RUN) == []
    assert "awesome_lint.rules.trailing_whitespace" in modules  # the rules that run do load


def _loaded(modules: set[str], names: tuple[str, ...]) -> list[str]:
    return sorted(m for m in modules if any(m == n or m.startswith(n + ".") for n in names))


def test_importing_the_cli_loads_only_the_parser_s_needs(tmp_path: Path) -> None:
    modules = imported_modules(
        cwd=tmp_path,
        command=[
            "-c",
            _REPORT.replace("script = sys.argv[1]", "script = '-'") + "; import awesome_lint.cli",
        ],
    )
    assert "awesome_lint.cli" in modules
    assert _loaded(modules, NOT_ON_IMPORTING_THE_CLI) == []


def test_link_and_paper_rules_load_when_their_checks_run(tmp_path: Path) -> None:
    # The rules a run cannot use are skipped by their table row; listing every rule needs
    # them all, and gets them all.
    modules = imported_modules("--list-rules", cwd=tmp_path)
    assert {"awesome_lint.rules.dead_link", "awesome_lint.rules.title_mismatch"} <= modules


def test_a_classic_list_loads_the_classic_rules(tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    readme.write_text(
        "# Awesome Things\n\n## Tools\n\n"
        + "".join(f"- [Tool {c}](https://example.com/{c}) - Does {c}.\n" for c in "abcdefgh"),
        encoding="utf-8",
    )
    modules = imported_modules("README.md", cwd=tmp_path)
    assert "awesome_lint.rules.wrong_item_separator" in modules
    assert "awesome_lint.rules.title_mismatch" not in modules
