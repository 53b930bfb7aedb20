"""The link-health tracking issue: one issue per repository, kept up to date by scheduled runs.

- Found again by the hidden marker at the start of its body, the label, and its author
  being us (``Identity.owns``): a person's issue quoting the marker is not ours.
- A link is reported broken only after it failed on two runs in a row: one failed run
  (a host down for an hour) is not news. The failure counts travel between runs in a hidden
  block of the issue's body. Before the issue exists they are kept in a small file in the
  link-cache directory (which the composite action keeps with actions/cache); a failure
  answered from the link cache does not count as a second run.
- Hosts that answer checkers with 401/403/999 are listed apart, as "could not verify".
- Created when a link breaks, edited on each run, closed when all links are healthy,
  reopened when one breaks again.

``render_body``/``read_state``/``plan`` are pure; ``update_tracking_issue`` does the I/O.
"""

from __future__ import annotations

import base64
import binascii
import json
import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlsplit

from .markdown import cap, md_code, md_text

MARKER = "<!-- awesome-lint:link-health -->"
LABEL = "awesome-lint"
TITLE = "Link health: broken links in the list"
RUNS_TO_DEAD = 2
STATE_FILE = "link-health.json"
_STATE = re.compile(r"<!-- awesome-lint:link-state ([A-Za-z0-9+/=]*) -->")
BODY_LIMIT = 60_000

FAILING = "failing"
BLOCKED = "blocked"
HEALTHY = "healthy"


@dataclass(frozen=True, slots=True)
class CheckedLink:
    path: str  # the list file, as given to the linter
    url: str
    line: int
    section: str  # the heading above the link ("" before the first heading)
    health: str  # FAILING, BLOCKED, HEALTHY, or "" (not checked over HTTP: skipped)
    detail: str  # why it failed, in words
    fresh: bool  # checked over the network this run (not answered from the link cache)


def located(document, links, results: Mapping) -> list[CheckedLink]:
    """Each checked link with its section and its health."""
    from ..links import Outcome

    headings = sorted(document.headings, key=lambda h: h.line)
    out = []
    for lk in links:
        r = results.get(lk.url)
        if r is None:
            continue
        section = ""
        for h in headings:
            if h.line > lk.line:
                break
            section = h.text
        if r.outcome in (Outcome.DEAD, Outcome.UNREACHABLE):
            health = FAILING
        elif r.outcome is Outcome.BLOCKED:
            health = BLOCKED
        elif r.outcome in (Outcome.OK, Outcome.REDIRECTED):
            health = HEALTHY
        else:
            health = ""
        detail = f"HTTP {r.status}" if r.status else (r.error or r.outcome.value)
        out.append(
            CheckedLink(document.path, lk.url, lk.line, section, health, detail, not r.from_cache)
        )
    return out


# ---------------------------------------------------------------------- state


def read_state(body: str | None) -> dict[str, int]:
    """url -> failed runs in a row, from the hidden block of an issue body."""
    m = _STATE.search(body or "")
    if not m:
        return {}
    try:
        data = json.loads(base64.b64decode(m.group(1), validate=True).decode("utf-8"))
    except (binascii.Error, ValueError, UnicodeDecodeError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {str(k): int(v) for k, v in data.items() if isinstance(v, int) and v > 0}


def state_block(state: Mapping[str, int]) -> str:
    # base64: a URL may hold "-->", which would end the comment early.
    raw = json.dumps(dict(sorted(state.items())), separators=(",", ":")).encode("utf-8")
    return f"<!-- awesome-lint:link-state {base64.b64encode(raw).decode('ascii')} -->"


def next_state(previous: Mapping[str, int], links: Sequence[CheckedLink]) -> dict[str, int]:
    """A fresh failure adds a run; a cached one keeps the count; anything else forgets it."""
    state: dict[str, int] = {}
    for lk in links:
        if lk.health != FAILING:
            continue
        before = previous.get(lk.url, 0)
        state[lk.url] = before + 1 if lk.fresh else max(before, 1)
    return state


# ---------------------------------------------------------------------- body


@dataclass(frozen=True)
class Place:
    server: str  # https://github.com
    repo: str
    sha: str
    workspace: str

    def line_url(self, path: str, line: int) -> tuple[str, str]:
        """(the link to the line on GitHub, the path shown)"""
        rel = os.path.relpath(path, self.workspace) if os.path.isabs(path) else path
        rel = rel.replace(os.sep, "/")
        return f"{self.server}/{self.repo}/blob/{self.sha}/{quote(rel)}#L{line}", rel


def _where(place: Place, lk: CheckedLink) -> str:
    url, rel = place.line_url(lk.path, lk.line)
    return f"[{md_text(rel)} line {lk.line}]({url})"


def render_body(
    links: Sequence[CheckedLink], state: Mapping[str, int], place: Place, date: str
) -> str:
    dead = [lk for lk in links if lk.health == FAILING and state.get(lk.url, 0) >= RUNS_TO_DEAD]
    blocked = [lk for lk in links if lk.health == BLOCKED]
    watching = sum(1 for n in state.values() if n < RUNS_TO_DEAD)
    checked = f"checked at {md_code(place.sha[:7])} on {date}" if place.sha else f"checked {date}"
    parts = [MARKER, "## Link health", ""]
    if dead:
        n = len({lk.url for lk in dead})
        parts.append(
            f"**{n} broken link{'s' if n != 1 else ''}** ({checked}): each failed on "
            f"{RUNS_TO_DEAD} scheduled runs in a row. This issue is updated on every run and "
            "closed when all links work again."
        )
        sections: dict[str, list[CheckedLink]] = {}
        for lk in sorted(dead, key=lambda lk: (lk.path, lk.line)):
            sections.setdefault(lk.section, []).append(lk)
        for section, items in sections.items():
            parts += [
                "",
                f"### {md_text(section) if section else '(before the first heading)'}",
                "",
            ]
            parts += [
                f"- {_where(place, lk)}: {md_code(lk.url)}: {md_text(lk.detail)} "
                f"(failed {state[lk.url]} runs in a row)"
                for lk in items
            ]
    else:
        parts.append(f"✅ All links work ({checked}).")
    if watching:
        parts += [
            "",
            f"{watching} link{'s' if watching != 1 else ''} failed once; "
            "reported here if the next run fails too.",
        ]
    if blocked:
        hosts: dict[str, list[CheckedLink]] = {}
        for lk in blocked:
            hosts.setdefault((urlsplit(lk.url).hostname or "?").lower(), []).append(lk)
        parts += [
            "",
            "### Could not verify",
            "",
            "These hosts refuse link checkers (401, 403 or 999), so their links were not "
            "judged. Check them by hand now and then.",
            "",
        ]
        for host, items in sorted(hosts.items()):
            where = ", ".join(_where(place, lk) for lk in items[:10])
            more = f" and {len(items) - 10} more" if len(items) > 10 else ""
            parts.append(f"- {md_code(host)}: {where}{more}")
    text = cap("\n".join(parts), BODY_LIMIT)
    return f"{text}\n\n{state_block(state)}\n"


# ---------------------------------------------------------------------- I/O


def _state_file(environ: Mapping[str, str]) -> Path:
    from ..links.cache import default_cache_dir

    override = environ.get("AWESOME_LINT_CACHE_DIR")
    return (Path(override) if override else default_cache_dir()) / STATE_FILE


@dataclass(frozen=True)
class Remembered:
    """What the state file keeps for one repository between runs."""

    state: dict[str, int]
    issue: int | None  # the tracking issue's number, once there is one


def _load_file(path: Path, repo: str) -> Remembered:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError, UnicodeDecodeError):
        return Remembered({}, None)
    entry = data.get(repo) if isinstance(data, dict) else None
    if not isinstance(entry, dict):
        return Remembered({}, None)
    links = entry.get("links") if isinstance(entry.get("links"), dict) else {}
    issue = entry.get("issue") if isinstance(entry.get("issue"), int) else None
    return Remembered({str(k): v for k, v in links.items() if isinstance(v, int) and v > 0}, issue)


def _save_file(path: Path, repo: str, remembered: Remembered) -> None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            data = {}
    except (OSError, ValueError, UnicodeDecodeError):
        data = {}
    data[repo] = {"links": dict(remembered.state), "issue": remembered.issue}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(data), encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        pass  # the next run starts counting again: a late report, never a wrong one


def find_issue(client, identity, remembered: int | None):
    """Our tracking issue: by label and marker; failing that, by the number remembered
    (GitHub drops the label silently when the token may not set labels)."""

    def ours(i) -> bool:
        return i.body.startswith(MARKER) and identity.owns(i)

    found = [i for i in client.issues_labelled(LABEL) if ours(i)]
    if found:
        return min(found, key=lambda i: i.id)  # the first one, if ever two
    if remembered is not None:
        issue = client.issue(remembered)
        if issue is not None and ours(issue):
            return issue
    return None


def update_tracking_issue(
    client, links: Sequence[CheckedLink], environ: Mapping[str, str], app_slug: str | None = None
) -> list[str]:
    """Create, edit, close or reopen the tracking issue; returns what was done."""
    import datetime

    identity = client.identity(app_slug)
    file = _state_file(environ)
    kept = _load_file(file, client.repo_name)
    issue = find_issue(client, identity, kept.issue)
    previous = read_state(issue.body) if issue else kept.state
    state = next_state(previous, links)
    place = Place(
        (environ.get("GITHUB_SERVER_URL") or "https://github.com").rstrip("/"),
        client.repo_name,
        environ.get("GITHUB_SHA", ""),
        environ.get("GITHUB_WORKSPACE") or os.getcwd(),
    )
    today = datetime.date.today().isoformat()
    body = render_body(links, state, place, today)
    broken = any(n >= RUNS_TO_DEAD for n in state.values())
    done: list[str] = []
    if issue is None:
        if broken:
            issue = client.create_issue(
                TITLE, body, [LABEL], lambda: find_issue(client, identity, None)
            )
            done.append(f"opened link-health issue #{issue.id}")
    elif broken:
        reopen = "open" if issue.state == "closed" else None
        client.edit_issue(issue.id, body, reopen)
        done.append(f"{'reopened' if reopen else 'updated'} link-health issue #{issue.id}")
    elif issue.state == "open":
        client.edit_issue(issue.id, body, "closed")
        done.append(f"closed link-health issue #{issue.id}: all links work")
    elif read_state(issue.body) != state:
        client.edit_issue(issue.id, body)  # a closed issue keeps the counts quietly
        done.append(f"updated closed link-health issue #{issue.id}")
    _save_file(file, client.repo_name, Remembered(state, issue.id if issue else None))
    return done
