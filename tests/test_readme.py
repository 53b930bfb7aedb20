"""The README shows real output: every quoted finding line is what the tool prints."""

from __future__ import annotations

import re

from .conftest import ROOT


def test_readme_example_output_is_current(cli):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```\n\$ awesome-lint examples/papers.md\n(.*?)```", readme, re.S).group(1)
    quoted = [ln for ln in block.splitlines() if ln and ln != "..."]
    r = cli("examples/papers.md", cwd=ROOT)
    assert r.returncode == 1
    printed = r.stdout.splitlines()
    for line in quoted:
        assert line in printed, f"README quotes a line the tool no longer prints: {line}"


def test_readme_two_commands_come_first():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = re.findall(r"```sh\n(.*?)\n```", readme, re.S)
    assert commands[0].endswith("pip install . && awesome-lint examples/papers.md")
    # The test command runs the style checks, then the suite under coverage (.ci/run runs
    # exactly this command), the GitHub tests once more on the lowest PyGithub declared
    # (test_pygithub_floor.py).
    assert (
        "pip install -e '.[test]' && pip install -q --target .pygithub-floor -r "
        "tests/pygithub-floor.txt && ruff check . && ruff format --check . && " in commands[1]
    )
    assert commands[1].endswith(
        "coverage run -m pytest -n auto --dist loadgroup && coverage combine -q && python -m tests.coverage_report"
    )
    # Nothing but the title before them.
    assert readme.index(commands[0]) < readme.index("awesome-lint is a linter")
    assert readme.index(commands[1]) < readme.index("awesome-lint is a linter")
