"""``--fix-toc``: bring the table of contents in line with the headings, as one text edit.

The ToC is not re-rendered from scratch: its own lines are reconciled with the headings,
so everything the maintainer chose survives.

- *Which headings*: the levels the ToC already lists, from the first heading it links to
  through the last one, plus the headings nested under that last top-level section (a
  sub-section added at the end). A new top-level section after the last listed one is not
  added: closing sections such as Contributing or Citation are usually left out on purpose
  (list it once by hand and --fix-toc keeps it).
- *Style*: each new item copies the bullet, indentation and any text after the link of an
  existing item at the same depth; depth follows the heading level as the ToC already maps
  it. Blank lines and group labels between items stay where they are.
- *Items*: an item whose anchor is wrong (a typo, a renamed heading, wrong case) gets the
  heading's GitHub anchor; its label is kept unless it was just the old heading's text.
  Items for headings that no longer exist are removed; missing headings are inserted in
  heading order. Items linking to an HTML anchor (``<a name>``) are left alone.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from dataclasses import dataclass

from ..diagnostics import Edit, Fix
from ..model import Document, Heading, Span, TocItem
from ..parse.slug import slugify

_BULLET = re.compile(r"^([ \t]*)([-*+]|\d{1,9}[.)])([ \t]+)")


@dataclass(frozen=True)
class TocPlan:
    fix: Fix | None
    note: str | None  # why nothing was done, when that is worth saying


def toc_fix(doc: Document) -> TocPlan:
    if not doc.toc:
        return TocPlan(None, "no table of contents found; nothing to regenerate")
    if any(item.link.span.start_line != item.link.span.end_line for item in doc.toc):
        return TocPlan(None, "a table of contents item spans several lines; left as it is")
    matched = _match(doc)
    if not matched:
        return TocPlan(None, "no table of contents item links to a heading; left as it is")
    scope = _scope(doc, [h for _, h in matched], {h.level for _, h in matched})
    depth_of = _depths(scope, matched)
    templates = _templates(doc, matched)
    first, last = doc.toc[0].link.line, doc.toc[-1].link.line
    region = list(doc.lines[first - 1 : last])
    # Items that link to no heading and no HTML anchor point at a section that is gone.
    kept = {id(item) for item, _ in matched}
    drop: set[int] = {
        i.link.line for i in doc.toc if id(i) not in kept and i.anchor not in doc.anchors
    }
    rewrite: dict[int, str] = {}
    after: dict[int, list[str]] = {}  # line number -> new item lines to put after it
    before_first: list[str] = []
    by_heading = {h.line: item for item, h in matched}
    seq = [h.line for _, h in matched]
    want = [h.line for h in scope]
    heading_at = {h.line: h for h in doc.headings}
    ops = difflib.SequenceMatcher(None, seq, want, autojunk=False).get_opcodes()
    for tag, i1, i2, j1, j2 in ops:
        if tag == "equal":
            for item, heading in matched[i1:i2]:
                line = _render_existing(doc, item, heading, depth_of, templates)
                if line != doc.lines[item.link.line - 1]:
                    rewrite[item.link.line] = line
            continue
        for item, _ in matched[i1:i2]:
            drop.add(item.link.line)
        new = [
            _render_new(doc, heading_at[line], by_heading.get(line), depth_of, templates)
            for line in want[j1:j2]
        ]
        if i1 > 0:
            after.setdefault(matched[i1 - 1][0].link.line, []).extend(new)
        else:
            before_first.extend(new)
    out: list[str] = list(before_first)
    for number, text in enumerate(region, start=first):
        if number not in drop:
            out.append(rewrite.get(number, text))
        out.extend(after.get(number, ()))
    if out == region:
        return TocPlan(None, None)
    return TocPlan(_edit(doc, first, region, out), None)


def _match(doc: Document) -> list[tuple[TocItem, Heading]]:
    """Each ToC item that links to a heading, paired with it (exact, then case, then typo)."""
    by_slug = {h.slug: h for h in doc.headings}
    by_lower: dict[str, Heading] = {}
    for h in doc.headings:
        by_lower.setdefault(h.slug.lower(), h)
    pairs: dict[int, Heading] = {}
    for i, item in enumerate(doc.toc):
        h = by_slug.get(item.anchor)
        if h is None and item.anchor not in doc.anchors:
            h = by_lower.get(item.anchor.lower())
        if h is not None:
            pairs[i] = h
    taken = {h.slug for h in pairs.values()}
    for i, item in enumerate(doc.toc):
        if i in pairs or item.anchor in doc.anchors:
            continue
        free = [h.slug for h in doc.headings if h.slug not in taken]
        near = difflib.get_close_matches(item.anchor, free, n=1, cutoff=0.8)
        if near:
            pairs[i] = by_slug[near[0]]
            taken.add(near[0])
    return [(doc.toc[i], pairs[i]) for i in sorted(pairs)]


def _depths(scope: list[Heading], matched: list[tuple[TocItem, Heading]]) -> dict[int, int]:
    """Heading line -> ToC depth: its nesting among the listed headings (an H3 right under
    the H1 nests once, like an H2), shifted as the ToC already shifts it."""
    tree: dict[int, int] = {}
    stack: list[int] = []
    for h in scope:
        while stack and stack[-1] >= h.level:
            stack.pop()
        tree[h.line] = len(stack)
        stack.append(h.level)
    shift = Counter(item.depth - tree[h.line] for item, h in matched if h.line in tree).most_common(
        1
    )
    offset = shift[0][0] if shift else 0
    return {line: max(0, d + offset) for line, d in tree.items()}


def _scope(doc: Document, targets: list[Heading], levels: set[int]) -> list[Heading]:
    first = min(h.line for h in targets)
    last = max(h.line for h in targets)
    top = min(levels)
    out = []
    for h in doc.headings:
        if h.line > last and h.level <= top:
            break  # a new top-level section: maybe a closing one, so not ours to add
        if h.line >= first and h.level in levels:
            out.append(h)
    return out


@dataclass(frozen=True)
class _Template:
    prefix: str  # indentation and bullet, e.g. "  - "
    suffix: str  # text after the link, usually ""


def _templates(doc: Document, matched: list[tuple[TocItem, Heading]]) -> dict[int, _Template]:
    """The first item at each depth, as the model for new items at that depth."""
    out: dict[int, _Template] = {}
    for item, _ in matched:
        if item.depth in out:
            continue
        text = doc.lines[item.link.line - 1]
        out[item.depth] = _Template(
            text[: item.link.span.start_col - 1], text[item.link.span.end_col - 1 :]
        )
    return out


def _template(depth: int, templates: dict[int, _Template]) -> _Template:
    """The item model at ``depth``; a depth the ToC has no item at yet nests one step per
    level under the deepest model above it, indented to that model's text."""
    if depth in templates:
        return templates[depth]
    base_depth = max((d for d in templates if d < depth), default=min(templates))
    base = templates[base_depth]
    m = _BULLET.match(base.prefix)
    if m is None:
        return base
    indent, bullet, gap = m.groups()
    bullet = "1." if bullet[0].isdigit() else bullet
    step = " " * len(m.group(0)[len(indent) :])
    return _Template(indent + step * max(0, depth - base_depth) + bullet + gap, "")


def _render_new(doc, heading: Heading, old: TocItem | None, depth_of, templates) -> str:
    t = _template(depth_of[heading.line], templates)
    label = _label(doc, old, heading) if old is not None else _escape(heading.text)
    return f"{t.prefix}[{label}](#{heading.slug}){t.suffix}"


def _render_existing(doc, item: TocItem, heading: Heading, depth_of, templates) -> str:
    text = doc.lines[item.link.line - 1]
    span = item.link.span
    prefix, suffix = text[: span.start_col - 1], text[span.end_col - 1 :]
    depth = depth_of[heading.line]
    if depth != item.depth:
        prefix = _template(depth, templates).prefix
    return f"{prefix}[{_label(doc, item, heading)}](#{heading.slug}){suffix}"


def _label(doc: Document, item: TocItem, heading: Heading) -> str:
    s = item.link.label_span
    label = doc.lines[s.start_line - 1][s.start_col - 1 : s.end_col - 1]
    if item.anchor != heading.slug and slugify(item.text) == item.anchor:
        return _escape(heading.text)  # the label was the old heading's text: follow the heading
    return label


def _escape(text: str) -> str:
    return re.sub(r"([\[\]\\])", r"\\\1", text)


def _edit(doc: Document, first: int, old: list[str], new: list[str]) -> Fix:
    """One edit over the lines that differ (common leading and trailing lines untouched)."""
    lo = 0
    while lo < min(len(old), len(new)) and old[lo] == new[lo]:
        lo += 1
    hi = 0
    while hi < min(len(old), len(new)) - lo and old[-1 - hi] == new[-1 - hi]:
        hi += 1
    old_mid, new_mid = old[lo : len(old) - hi], new[lo : len(new) - hi]
    start = first + lo
    added, removed = max(0, len(new_mid) - len(old_mid)), max(0, len(old_mid) - len(new_mid))
    what = (
        f"regenerate the table of contents (+{added} -{removed} items)"
        if added or removed
        else "regenerate the table of contents"
    )
    if not old_mid:  # pure insertion before line `start`
        return Fix((Edit(Span(start, 1, start, 1), "".join(ln + "\n" for ln in new_mid)),), what)
    end = start + len(old_mid) - 1
    if not new_mid:  # pure deletion of whole lines
        return Fix((Edit(Span(start, 1, end + 1, 1), ""),), what)
    return Fix((Edit(Span(start, 1, end, len(doc.lines[end - 1]) + 1), "\n".join(new_mid)),), what)
