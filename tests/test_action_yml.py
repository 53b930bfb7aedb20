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
    assert inputs["check-links"]["default"] == ""  # all on schedule/dispatch, changed elsewhere
    assert inputs["check-papers"]["default"] == "changed"
    assert inputs["tracking-issue"]["default"] == "false"
    assert inputs["github-api-share"]["default"] == "0.2"


def test_the_runner_learns_whether_the_token_is_the_workflows_own():
    run_step = next(s for s in STEPS if "--github" in s.get("run", ""))
    assert (
        run_step["env"]["AWESOME_LINT_WORKFLOW_TOKEN"]
        == "${{ inputs.github-token == github.token }}"
    )
    assert settings_from_env({"AWESOME_LINT_WORKFLOW_TOKEN": "true"}, ()).app_slug == (
        "github-actions"
    )
    assert settings_from_env({"AWESOME_LINT_WORKFLOW_TOKEN": "false"}, ()).app_slug is None
    both = {"AWESOME_LINT_WORKFLOW_TOKEN": "false", "AWESOME_LINT_APP_SLUG": "lint-app"}
    assert settings_from_env(both, ()).app_slug == "lint-app"


def test_link_cache_is_kept_with_actions_cache_where_the_runner_looks():
    cache = next(s for s in STEPS if s.get("uses", "").startswith("actions/cache@"))
    run_step = next(s for s in STEPS if "--github" in s.get("run", ""))
    assert cache["with"]["path"] == run_step["env"]["AWESOME_LINT_CACHE_DIR"]
    assert STEPS.index(cache) < STEPS.index(run_step)
    # a fresh key each run (caches are immutable), the latest one restored by prefix
    assert "github.run_id" in cache["with"]["key"]
    assert cache["with"]["key"].startswith(cache["with"]["restore-keys"])
    assert "inputs.link-cache == 'true'" in cache["if"]


def test_the_env_names_are_the_ones_the_runner_reads():
    run_step = next(s for s in STEPS if "--github" in s.get("run", ""))
    defaults = {n: str(i.get("default", "")) for n, i in ACTION["inputs"].items()}
    env = {
        k: defaults[EXPR.sub("", v).split("inputs.")[1].rstrip("} ")]
        for k, v in run_step["env"].items()
        if "inputs." in v and "==" not in v  # a comparison, not an input's value
    }
    assert set(env) >= {
        "GITHUB_TOKEN",
        "AWESOME_LINT_FILES",
        "AWESOME_LINT_FAIL_ON",
        "AWESOME_LINT_COMMENT",
        "AWESOME_LINT_CHECK_LINKS",
        "AWESOME_LINT_CHECK_PAPERS",
        "AWESOME_LINT_CONFIG",
        "AWESOME_LINT_TRACKING_ISSUE",
        "AWESOME_LINT_APP_SLUG",
        "AWESOME_LINT_GITHUB_API_SHARE",
    }
    env["AWESOME_LINT_FILES"] = "README.md docs/more.md"
    env["AWESOME_LINT_CONFIG"] = "lint.toml"
    s = settings_from_env(env, ())
    assert s.files == ("README.md", "docs/more.md")
    assert (s.fail_on, s.comment, s.check_links, s.config, s.tracking_issue) == (
        "error",
        "both",
        None,  # decided by the event
        "lint.toml",
        False,
    )
    assert s.github_api_share == 0.2
    assert s.check_papers == "changed"


def test_outputs_come_from_the_run_step():
    assert ACTION["outputs"]["errors"]["value"] == "${{ steps.lint.outputs.errors }}"
    assert ACTION["outputs"]["warnings"]["value"] == "${{ steps.lint.outputs.warnings }}"
