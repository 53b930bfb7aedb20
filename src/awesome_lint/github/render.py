"""Markdown for the pull request: the summary comment, the review and its inline comments,
and the job summary. Pure; every piece of text from the list goes through ``markdown``.

Our own comments are found again by a hidden marker on their first line. Untrusted text can
never produce one: ``<`` is escaped outside code, and a marker counts only at the very start
of a body, which is always ours.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..diagnostics import Severity
from .findings import Finding
from .markdown import cap, code_fence, md_code, md_message, md_text

# GitHub rejects comment bodies over 65,536 characters; stay clear of it.
COMMENT_LIMIT = 65_000
# The job summary may hold 1 MiB per step; characters, not bytes, so keep well under.
JOB_SUMMARY_LIMIT = 250_000
MAX_INLINE = 30

SUMMARY_MARKER = "<!-- awesome-lint:summary -->"
_FINDING_MARKER = re.compile(r"\A<!-- awesome-lint:finding ([0-9a-f]{8,64}) -->")
_REVIEW_MARKER = re.compile(
    r"\A<!-- awesome-lint:review run=([A-Za-z0-9._-]+)(?: listed=([0-9a-f,]*))? -->"
)

_ICON = {Severity.ERROR: "❌", Severity.WARNING: "⚠️", Severity.INFO: "ℹ️"}


def is_summary(body: str | None) -> bool:
    return bool(body) and body.startswith(SUMMARY_MARKER)


def finding_fingerprint(body: str | None) -> str | None:
    m = _FINDING_MARKER.match(body or "")
    return m.group(1) if m else None


def review_marker(body: str | None) -> tuple[str, frozenset[str]] | None:
    """(run id, fingerprints listed in the body) of one of our reviews, else None."""
    m = _REVIEW_MARKER.match(body or "")
    if not m:
        return None
    return m.group(1), frozenset(fp for fp in (m.group(2) or "").split(",") if fp)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def counts_phrase(findings: Sequence[Finding]) -> str:
    errors = sum(f.severity is Severity.ERROR for f in findings)
    warnings = sum(f.severity is Severity.WARNING for f in findings)
    infos = len(findings) - errors - warnings
    parts = [
        _plural(n, word)
        for n, word in ((errors, "error"), (warnings, "warning"), (infos, "note"))
        if n
    ]
    if len(parts) < 2:
        return parts[0] if parts else "no problems"
    return " and ".join([", ".join(parts[:-1]), parts[-1]])


def _rule(f: Finding, in_table: bool = False) -> str:
    v = f.violation
    return f"{md_code(v.code, in_table=in_table)} {md_text(v.name)}"


def findings_table(findings: Sequence[Finding], budget: int) -> str:
    """A table of findings that stops before ``budget`` characters, saying how many it left."""
    head = "| | File | Line | Rule | Problem |\n|---|---|---|---|---|\n"
    rows: list[str] = []
    used = len(head)
    for i, f in enumerate(findings):
        v = f.violation
        row = (
            f"| {_ICON[v.severity]} | {md_code(f.path, in_table=True)} | {v.span.start_line} "
            f"| {_rule(f, in_table=True)} | {md_message(v.message, in_table=True)} |\n"
        )
        if used + len(row) > budget - 80:
            rows.append(f"\n*… and {len(findings) - i} more not shown.*\n")
            break
        rows.append(row)
        used += len(row)
    return head + "".join(rows)


def summary_comment(new: Sequence[Finding], old: Sequence[Finding], head_sha: str) -> str:
    """The one summary comment: new findings, old debt collapsed, or an all-clear."""
    commit = md_code(head_sha[:7]) if head_sha else "the head commit"
    parts = [SUMMARY_MARKER, "### awesome-lint", ""]
    if new:
        parts += [
            f"**{counts_phrase(new)}** on lines this pull request adds or changes "
            f"(checked at {commit}). Please fix them; this comment updates on every push.",
            "",
            findings_table(new, COMMENT_LIMIT // 2),
        ]
    else:
        parts += [
            f"✅ No problems on the lines this pull request adds or changes (checked at {commit})."
        ]
    if old:
        parts += [
            "",
            f"<details><summary>{_plural(len(old), 'older finding')} on lines this pull request "
            "does not touch (not blocking)</summary>",
            "",
            findings_table(old, COMMENT_LIMIT // 2 - 400),
            "</details>",
        ]
    return cap("\n".join(parts) + "\n", COMMENT_LIMIT)


def inline_comment(f: Finding) -> str:
    v = f.violation
    marker = f"<!-- awesome-lint:finding {f.fingerprint} -->"
    text = (
        f"{marker}\n{_ICON[v.severity]} **{v.severity.value}** {_rule(f)}: {md_message(v.message)}"
    )
    if f.suggestion is None:
        return cap(text, COMMENT_LIMIT)
    desc = f": {md_message(v.fix.description)}" if v.fix and v.fix.description else ""
    with_fix = (
        f"{text}\n\n**Suggested fix**{desc}\n\n{code_fence(f.suggestion.text, 'suggestion')}\n"
    )
    # A cut suggestion would be a wrong fix: drop it rather than truncate it.
    return with_fix if len(with_fix) <= COMMENT_LIMIT else cap(text, COMMENT_LIMIT)


@dataclass(frozen=True, slots=True)
class InlineComment:
    path: str
    first: int
    last: int
    body: str
    fingerprint: str

    def as_api(self) -> dict:
        """The shape of one entry of ``comments`` in "create a review"."""
        out = {"path": self.path, "line": self.last, "side": "RIGHT", "body": self.body}
        if self.first != self.last:
            out.update(start_line=self.first, start_side="RIGHT")
        return out


def review(
    run_id: str, inline: Sequence[Finding], listed: Sequence[Finding]
) -> tuple[str, list[InlineComment]]:
    """The review body and its inline comments. ``listed`` go in the body (over the cap, or
    with no line in the diff to sit on); their fingerprints ride in the marker so a re-run
    does not list them again."""
    comments = [InlineComment(f.path, *f.anchor, inline_comment(f), f.fingerprint) for f in inline]
    fps = ",".join(f.fingerprint for f in listed)
    total = len(inline) + len(listed)
    lines = [
        f"<!-- awesome-lint:review run={run_id} listed={fps} -->",
        f"awesome-lint found {_plural(total, 'problem')} on lines this pull request adds or changes.",
    ]
    if listed:
        lines += ["", f"{_plural(len(listed), 'more finding')} without an inline comment:", ""]
        budget = COMMENT_LIMIT - sum(len(x) for x in lines) - 200
        for i, f in enumerate(listed):
            item = (
                f"- {md_code(f.path)} line {f.line}: {_rule(f)}: {md_message(f.violation.message)}"
            )
            budget -= len(item) + 1
            if budget < 0:
                lines.append(f"- … and {len(listed) - i} more (see the summary comment)")
                break
            lines.append(item)
    return "\n".join(lines) + "\n", comments


def job_summary(
    files: Iterable[str],
    new: Sequence[Finding],
    old: Sequence[Finding],
    notices: Sequence[str] = (),
) -> str:
    """Markdown for ``$GITHUB_STEP_SUMMARY``. ``new`` is everything reported on non-PR runs."""
    parts = ["## awesome-lint", ""]
    checked = ", ".join(md_code(p) for p in files)
    parts.append(
        f"Checked {checked}: **{counts_phrase(new)}**."
        if new
        else f"Checked {checked}: no problems."
    )
    parts += [f"> {md_message(n)}" for n in notices]
    if new:
        parts += ["", findings_table(new, JOB_SUMMARY_LIMIT // 2)]
    if old:
        parts += [
            "",
            f"<details><summary>{_plural(len(old), 'older finding')} on lines the pull request "
            "does not touch</summary>",
            "",
            findings_table(old, JOB_SUMMARY_LIMIT // 2 - 400),
            "</details>",
        ]
    return cap("\n".join(parts) + "\n", JOB_SUMMARY_LIMIT)
