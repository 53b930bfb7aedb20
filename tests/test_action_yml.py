"""action.yml: a composite action whose inputs reach the script only through env:."""

import re
from pathlib import Path

import yaml

from awesome_lint.github.action import settings_from_env

ACTION = yaml.safe_load((Path(__file__).parent.parent / "action.yml").read_text())
STEPS = ACTION["runs"]["steps"]
EXPR = re.compile(r"\$\{\{")


def test_is_composite_with_python_install_and_run():
    assert ACTION["runs"]["using"] == "composite"
    assert any(s.get("uses", "").startswith("actions/setup-python@") for s in STEPS)
    runs = "\n".join(s.get("run", "") for s in STEPS)
    assert '"${GITHUB_ACTION_PATH}[github]"' in runs
    assert re.search(r"awesome-lint\"? --github", runs)


def test_no_expression_is_pasted_into_a_script():
    for step in STEPS:
        if "run" in step:
            assert not EXPR.search(step["run"]), step["run"]
            assert step.get("shell") == "bash"


def test_every_input_reaches_the_run_step_through_env():
    run_step = next(s for s in STEPS if "--github" in s.get("run", ""))
    env_values = " ".join(run_step["env"].values())
    for name in ACTION["inputs"]:
        if name == "python-version":
            continue  # used by setup-python, not by awesome-lint
        assert f"inputs.{name} }}}}" in env_values, name


def test_defaults():
    inputs = ACTION["inputs"]
    assert inputs["files"]["default"] == "README.md"
    assert inputs["github-token"]["default"] == "${{ github.token }}"
    assert inputs["comment"]["default"] == "both"
    assert inputs["fail-on"]["default"] == "error"
    assert inputs["check-links"]["default"] == "changed"
    assert inputs["check-papers"]["default"] == "changed"


def test_the_env_names_are_the_ones_the_runner_reads():
    run_step = next(s for s in STEPS if "--github" in s.get("run", ""))
    defaults = {n: str(i.get("default", "")) for n, i in ACTION["inputs"].items()}
    env = {
        k: defaults[EXPR.sub("", v).split("inputs.")[1].rstrip("} ")]
        for k, v in run_step["env"].items()
        if "inputs." in v
    }
    assert set(env) >= {
        "GITHUB_TOKEN",
        "AWESOME_LINT_FILES",
        "AWESOME_LINT_FAIL_ON",
        "AWESOME_LINT_COMMENT",
        "AWESOME_LINT_CHECK_LINKS",
        "AWESOME_LINT_CHECK_PAPERS",
        "AWESOME_LINT_CONFIG",
    }
    env["AWESOME_LINT_FILES"] = "README.md docs/more.md"
    env["AWESOME_LINT_CONFIG"] = "lint.toml"
    s = settings_from_env(env, ())
    assert s.files == ("README.md", "docs/more.md")
    assert (s.fail_on, s.comment, s.check_links, s.config) == (
        "error",
        "both",
        "changed",
        "lint.toml",
    )
    assert s.check_papers == "changed"


def test_outputs_come_from_the_run_step():
    assert ACTION["outputs"]["errors"]["value"] == "${{ steps.lint.outputs.errors }}"
    assert ACTION["outputs"]["warnings"]["value"] == "${{ steps.lint.outputs.warnings }}"
