"""What the bot says on a pull request, and saying it.

``plan`` is pure: from this run's findings and what is already on the pull request it
decides the summary comment's text (create, edit, or leave), the inline comments to post,
and the bot's own inline comments to remove because their finding is gone. ``publish``
carries a plan out through the client. Only comments whose author is the bot count as
ours: a contributor who pastes our marker into a comment cannot make us edit it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from . import render
from .client import Comment, GitHubClient
from .findings import Finding

MODES = ("summary", "review", "both", "none")


@dataclass(frozen=True, slots=True)
class PullState:
    login: str  # the bot's own login
    issue_comments: tuple[Comment, ...]
    reviews: tuple[Comment, ...]
    review_comments: tuple[Comment, ...]


@dataclass(frozen=True, slots=True)
class Plan:
    summary_body: str | None  # None: nothing to say (clean, and no earlier comment)
    summary_id: int | None  # our earlier summary comment, edited instead of a new one
    summary_changed: bool  # False when the earlier comment already says this
    inline: tuple[Finding, ...]  # new inline comments
    listed: tuple[Finding, ...]  # new findings named in the review body instead
    stale: tuple[int, ...]  # ids of our inline comments whose finding is gone


def own_summary(state: PullState) -> Comment | None:
    return next(
        (c for c in state.issue_comments if c.author == state.login and render.is_summary(c.body)),
        None,
    )


def plan(
    new: Sequence[Finding], old: Sequence[Finding], head_sha: str, state: PullState, mode: str
) -> Plan:
    if mode not in MODES:
        raise ValueError(f"comment mode must be one of {', '.join(MODES)}, got {mode!r}")
    summary_body = summary_id = None
    changed = False
    if mode in ("summary", "both"):
        existing = own_summary(state)
        if new or existing is not None:
            summary_body = render.summary_comment(new, old, head_sha)
            summary_id = existing.id if existing else None
            changed = existing is None or existing.body != summary_body

    inline: list[Finding] = []
    listed: list[Finding] = []
    stale: list[int] = []
    if mode in ("review", "both"):
        ours = [c for c in state.review_comments if c.author == state.login]
        commented = {render.finding_fingerprint(c.body) for c in ours} - {None}
        for r in state.reviews:
            marker = render.review_marker(r.body) if r.author == state.login else None
            if marker:
                commented |= marker[1]
        current = {f.fingerprint for f in new}
        for f in new:
            if f.fingerprint in commented:
                continue
            if f.anchor is not None and len(inline) < render.MAX_INLINE:
                inline.append(f)
            else:
                listed.append(f)
        stale = [
            c.id
            for c in ours
            if (fp := render.finding_fingerprint(c.body)) is not None and fp not in current
        ]
    return Plan(summary_body, summary_id, changed, tuple(inline), tuple(listed), tuple(stale))


def read_state(client: GitHubClient, number: int, mode: str) -> PullState:
    """Read only what the mode needs: a comment-free run reads nothing."""
    if mode == "none":
        return PullState("", (), (), ())
    login = client.viewer_login()
    issue = tuple(client.issue_comments(number)) if mode in ("summary", "both") else ()
    reviews = tuple(client.reviews(number)) if mode in ("review", "both") else ()
    inline = tuple(client.review_comments(number)) if mode in ("review", "both") else ()
    return PullState(login, issue, reviews, inline)


def publish(
    client: GitHubClient, number: int, head_sha: str, p: Plan, run_id: str, login: str
) -> list[str]:
    """Carry the plan out; returns what was done, one line each. Raises GitHubError."""
    done = []
    if p.summary_body is not None and p.summary_changed:

        def ours(comments: list[Comment]) -> Comment | None:
            # We had no summary before this create, so one now is the create's own.
            return next(
                (c for c in comments if c.author == login and render.is_summary(c.body)), None
            )

        if p.summary_id is None:
            c = client.create_issue_comment(number, p.summary_body, ours)
            done.append(f"created summary comment {c.id}")
        else:
            client.edit_issue_comment(p.summary_id, p.summary_body)
            done.append(f"updated summary comment {p.summary_id}")
    if p.inline or p.listed:
        body, comments = render.review(run_id, p.inline, p.listed)

        def this_run(reviews: list[Comment]) -> Comment | None:
            return next(
                (
                    r
                    for r in reviews
                    if r.author == login and (m := render.review_marker(r.body)) and m[0] == run_id
                ),
                None,
            )

        r = client.create_review(number, head_sha, body, [c.as_api() for c in comments], this_run)
        done.append(f"posted review {r.id} with {len(comments)} inline comments")
    for cid in p.stale:
        client.delete_review_comment(cid)
        done.append(f"removed outdated comment {cid}")
    return done
