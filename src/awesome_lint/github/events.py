"""What a workflow event asks of the Action: which commits to compare, whether to comment.

- ``pull_request`` / ``pull_request_target``: the pull request's base and head from the
  event (never the live pull request, which may have moved on); comments allowed.
  ``pull_request_target`` runs with a write token on the base branch's workflow, so the
  list is read through the API at the head commit instead of from a checkout.
- ``merge_group``: the merge queue's base and head: only what the queued pull requests
  changed counts, so a pull request that passed its own check is not blocked by old debt.
- ``push``: ``before...after``; a new branch compares with the default branch.
- ``schedule``, ``workflow_dispatch`` and anything else: the whole list, every link.

Pure: the event payload in, an ``EventContext`` out, or ActionError naming what is missing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

PULL = "pull"  # a pull request: compare base...head, comment on it
RANGE = "range"  # compare two commits, no pull request to comment on
WHOLE = "whole"  # the whole list

PR_EVENTS = ("pull_request", "pull_request_target")
WHOLE_LIST_EVENTS = ("schedule", "workflow_dispatch")
NO_COMMIT = "0" * 40


class EventError(ValueError):
    """The event payload lacks what its kind needs."""


@dataclass(frozen=True)
class EventContext:
    name: str
    kind: str  # PULL, RANGE or WHOLE
    repo: str
    base: str | None = None
    head: str | None = None
    number: int | None = None  # the pull request, for PULL
    read_through_api: bool = False  # pull_request_target: no untrusted checkout
    deleted: bool = False  # a push that deleted the branch: nothing to check

    @property
    def default_check_links(self) -> str:
        return "all" if self.kind == WHOLE else "changed"


def _sha(value: object, what: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise EventError(f"no {what} in the event")
    return value.strip()


def context(name: str, event: Mapping, environ: Mapping[str, str]) -> EventContext:
    repo = environ.get("GITHUB_REPOSITORY") or (event.get("repository") or {}).get("full_name")
    if not repo or repo.count("/") != 1:
        raise EventError("GITHUB_REPOSITORY is not set to owner/name")
    if name in PR_EVENTS:
        pr = event.get("pull_request")
        try:
            number = int(pr["number"])
            head = str(pr["head"]["sha"])
        except (TypeError, KeyError, ValueError):
            raise EventError(
                "no pull_request.number and pull_request.head.sha in the event"
            ) from None
        base = ((pr.get("base") or {}).get("sha")) or None
        return EventContext(
            name, PULL, repo, base, head, number, read_through_api=name == "pull_request_target"
        )
    if name == "merge_group":
        group = event.get("merge_group") or {}
        return EventContext(
            name,
            RANGE,
            repo,
            _sha(group.get("base_sha"), "merge_group.base_sha"),
            _sha(group.get("head_sha"), "merge_group.head_sha"),
        )
    if name == "push":
        if event.get("deleted"):
            return EventContext(name, RANGE, repo, deleted=True)
        head = _sha(event.get("after"), "after (the pushed commit)")
        before = event.get("before")
        if not isinstance(before, str) or before.strip("0") == "":
            # A new branch: what it adds over the default branch.
            before = (event.get("repository") or {}).get("default_branch") or "main"
        return EventContext(name, RANGE, repo, before, head)
    return EventContext(name, WHOLE, repo, head=environ.get("GITHUB_SHA") or None)
