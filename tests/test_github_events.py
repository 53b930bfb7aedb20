"""events.context: what each workflow event asks of the Action (pure)."""

import pytest

from awesome_lint.github.events import PULL, RANGE, WHOLE, EventContext, EventError, context

ENV = {"GITHUB_REPOSITORY": "o/r", "GITHUB_SHA": "5" * 40}
PR = {"pull_request": {"number": 4, "head": {"sha": "h" * 40}, "base": {"sha": "b" * 40}}}


@pytest.mark.parametrize(
    "name, event, expected",
    [
        ("pull_request", PR, EventContext("pull_request", PULL, "o/r", "b" * 40, "h" * 40, 4)),
        (
            "pull_request_target",
            PR,
            EventContext(
                "pull_request_target", PULL, "o/r", "b" * 40, "h" * 40, 4, read_through_api=True
            ),
        ),
        (
            "merge_group",
            {"merge_group": {"base_sha": "1" * 40, "head_sha": "2" * 40}},
            EventContext("merge_group", RANGE, "o/r", "1" * 40, "2" * 40),
        ),
        (
            "push",
            {"before": "1" * 40, "after": "2" * 40},
            EventContext("push", RANGE, "o/r", "1" * 40, "2" * 40),
        ),
        (
            "push",
            {"before": "0" * 40, "after": "2" * 40, "repository": {"default_branch": "trunk"}},
            EventContext("push", RANGE, "o/r", "trunk", "2" * 40),
        ),
        (
            "push",
            {"before": "1" * 40, "after": "0" * 40, "deleted": True},
            EventContext("push", RANGE, "o/r", deleted=True),
        ),
        ("schedule", {}, EventContext("schedule", WHOLE, "o/r", head="5" * 40)),
        ("workflow_dispatch", {}, EventContext("workflow_dispatch", WHOLE, "o/r", head="5" * 40)),
    ],
)
def test_context(name, event, expected):
    assert context(name, event, ENV) == expected


def test_check_links_default_follows_the_kind():
    assert context("schedule", {}, ENV).default_check_links == "all"
    assert context("pull_request", PR, ENV).default_check_links == "changed"


@pytest.mark.parametrize(
    "name, event, message",
    [
        ("pull_request", {"pull_request": {"number": 4}}, "pull_request.head.sha"),
        ("merge_group", {"merge_group": {"head_sha": "2" * 40}}, "merge_group.base_sha"),
        ("push", {"before": "1" * 40}, "after"),
    ],
)
def test_missing_fields_name_what_is_missing(name, event, message):
    with pytest.raises(EventError, match=message):
        context(name, event, ENV)
