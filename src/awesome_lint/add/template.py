"""Write a new entry the way the list writes its entries: by taking one of its own entries
as the model and replacing, in its source text, the title, authors, date, venue and links.

Everything else (bold or quotes, italics, the line-break markers, the bracket form of the
links and their labels, the numbering, table pipes) is the model's own text, so the new
entry is written exactly as the list writes entries, whatever its layout.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from ..diagnostics import Edit, Fix
from ..fix.apply import apply_to_lines
from ..model import Document, Entry, Link, LinkForm, MonthForm, Span
from ..parse.author_style import AuthorStyle
from ..parse.dates import format_date
from ..parse.identity import arxiv_id, doi, paper_page
from ..titles import title_core, trailing_groups

PREPRINT = re.compile(r"\b(?:arxiv|preprint|corr)\b", re.IGNORECASE)
CODE_LABELS = frozenset({"code", "github", "gitlab", "repo", "repository", "source", "source code"})
_CODE_HOSTS = re.compile(r"^https?://(?:www\.)?(?:github\.com|gitlab\.com)/", re.IGNORECASE)
_DATE_GROUP = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?$|^(\d{4})(\d{2})$")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


@dataclass(frozen=True)
class NewPaper:
    """What the entry says: from the paper's record and the command line."""

    title: str
    authors: tuple[str, ...]
    date: datetime.date
    arxiv_id: str | None
    doi: str | None
    venue: str | None  # None: a preprint ("arXiv")
    code: str | None


def is_code_link(lk: Link) -> bool:
    label = lk.label.strip("*_ ").lower()
    return label in CODE_LABELS or bool(_CODE_HOSTS.match(lk.url))


def is_paper_link(lk: Link) -> bool:
    return bool(arxiv_id(lk.url) or doi(lk.url) or paper_page(lk.label, lk.url))


def _source(doc: Document, span: Span) -> str:
    if span.start_line != span.end_line:
        return ""
    return doc.lines[span.start_line - 1][span.start_col - 1 : span.end_col - 1]


def _locate(doc: Document, text: str, span: Span) -> Span | None:
    """Where ``text`` sits in the source inside ``span`` (a field's span may include its
    decoration, ``**Title**``); None when it is not there verbatim, once."""
    src = _source(doc, span)
    if src == text:
        return span
    if not text or src.count(text) != 1:
        return None
    start = span.start_col + src.index(text)
    return Span(span.start_line, start, span.start_line, start + len(text))


def paper_url(model_url: str, paper: NewPaper) -> str:
    """The new paper's link in the form the model uses (abs or pdf, .pdf suffix, scheme)."""
    if paper.arxiv_id:
        m = re.match(r"(?i)^(?:https?://)?(?:www\.|export\.)?arxiv\.org/(abs|pdf|html)/", model_url)
        kind = m.group(1).lower() if m else "abs"
        suffix = ".pdf" if kind == "pdf" and model_url.lower().endswith(".pdf") else ""
        return f"https://arxiv.org/{kind}/{paper.arxiv_id}{suffix}"
    return f"https://doi.org/{paper.doi}"


def _date_text(doc_may_dot: bool | None, model: Entry, raw: str, when: datetime.date) -> str | None:
    d = model.date
    if d is not None and d.style is not None and d.day is not None:
        if d.style.month_form is MonthForm.NUMERIC:
            return when.isoformat()
        may_dot = (
            doc_may_dot if doc_may_dot is not None else d.style.month_form is MonthForm.ABBR_DOT
        )
        return format_date(when.day, when.month, when.year, d.style, may_dot=may_dot)
    m = _DATE_GROUP.match(raw.strip())
    if not m:
        return None
    if m.group(4):
        return f"{when.year:04d}{when.month:02d}"
    if m.group(3):
        return when.isoformat()
    return f"{when.year:04d}-{when.month:02d}"


def _venue_text(model_venue: str, paper: NewPaper) -> str:
    """The model's venue with the new paper's name and year, in the model's shape."""
    name = paper.venue or "arXiv"
    year = str(paper.date.year)
    m = _YEAR.search(model_venue)
    if PREPRINT.search(model_venue) and paper.venue is None:
        return _YEAR.sub(year, model_venue) if m else model_venue
    if m:
        # "MICCAI, 2021" -> "arXiv, 2023": the name before the year, the separator kept.
        head = model_venue[: m.start()]
        sep = head[len(head.rstrip(" ,")) :]
        return f"{name}{sep}{year}"
    return name


def write_entry(
    doc: Document,
    model: Entry,
    paper: NewPaper,
    style: AuthorStyle,
    *,
    code_label: str = "Code",
    may_dot: bool | None = None,
    empty_cell: str = "-",
) -> list[str] | None:
    """The new entry's lines, or None when this model's text cannot be rewritten safely."""
    edits: list[Edit] = []
    if model.title is None:
        return None
    t = model.title
    title_span = _locate(doc, t.text, t.span)
    if title_span is None:
        return None
    start, end = title_core(t.text)
    groups = trailing_groups(t.text)
    if end <= start:
        return None
    line, col = title_span.start_line, title_span.start_col
    edits.append(Edit(Span(line, col + start, line, col + end), paper.title))
    for g_start, g_end in groups:
        inner = t.text[g_start:g_end].strip()[1:-1]
        new_date = _date_text(may_dot, model, inner, paper.date)
        if new_date is not None:
            offset = t.text.index("[", g_start) + 1
            edits.append(Edit(Span(line, col + offset, line, col + offset + len(inner)), new_date))
        elif PREPRINT.search(inner) and paper.venue is None:
            offset = t.text.index("[", g_start) + 1
            edits.append(
                Edit(
                    Span(line, col + offset, line, col + offset + len(inner)),
                    _venue_text(inner, paper),
                )
            )
        else:
            # A published venue of the model's paper: the new preprint has none.
            edits.append(Edit(Span(line, col + g_start, line, col + g_end), ""))
    if model.authors_field is not None:
        where = _locate(doc, model.authors_field.text, model.authors_field.span)
        if where is None:
            return None
        edits.append(Edit(where, style.write(paper.authors)))
    if model.date is not None:
        new_date = _date_text(may_dot, model, model.date.raw, paper.date)
        if new_date is None:
            return None
        edits.append(Edit(model.date.span, new_date))
    if model.venue is not None:
        edits.append(Edit(model.venue.span, _venue_text(model.venue.text, paper)))
    link_edits = _link_edits(doc, model, paper, code_label, empty_cell)
    if link_edits is None:
        return None
    edits.extend(link_edits)
    first = model.span.start_line
    lines = list(doc.lines[first - 1 : model.span.end_line])
    return apply_to_lines(lines, first, Fix(tuple(edits), "new entry"))


def _link_edits(
    doc: Document, model: Entry, paper: NewPaper, code_label: str, empty_cell: str
) -> list[Edit] | None:
    edits: list[Edit] = []
    paper_link = next((lk for lk in model.links if is_paper_link(lk)), None)
    if paper_link is None:
        return None
    code_done = False
    removed: list[Link] = []
    for lk in model.links:
        if lk is paper_link:
            if _source(doc, lk.url_span) != lk.url:
                return None
            edits.append(Edit(lk.url_span, paper_url(lk.url, paper)))
        elif (
            lk.form is LinkForm.IMAGE and paper.code and (badge := _badge_edit(doc, lk, paper.code))
        ):
            edits.append(badge)  # a star badge of the code repository: the new one's
        elif is_code_link(lk) and paper.code and not code_done:
            if _source(doc, lk.url_span) != lk.url:
                return None
            edits.append(Edit(lk.url_span, paper.code))
            code_done = True
        else:
            edits.append(_removal(doc, lk, model, empty_cell))
            removed.append(lk)
    for badge, around in _star_badges(doc, model):
        # The entry's links leave badges out, but a star badge names the model's repository:
        # copied as it is, the new entry would show another paper's stars.
        if around in removed:
            continue  # goes with the link around it
        edit = _badge_edit(doc, badge, paper.code) if paper.code else None
        if around is not None and around not in model.links:
            # [![Stars](badge)](repo): a decoration link, the badge and its target together.
            if edit is None or _source(doc, around.url_span) != around.url:
                edits.append(_removal(doc, around, model, empty_cell))
            else:
                edits += [edit, Edit(around.url_span, paper.code)]
        elif edit is not None:
            edits.append(edit)
        elif around is None:
            edits.append(_removal(doc, badge, model, empty_cell))
        else:
            return None  # a badge inside a kept link that cannot be rewritten
    if paper.code and not code_done:
        if model.layout == "table" or paper_link.form is LinkForm.IMAGE:
            return None
        construct = _source(doc, paper_link.span)
        label = _source(doc, paper_link.label_span)
        if not construct or not label:
            return None
        rel_label = paper_link.label_span.start_col - paper_link.span.start_col
        rel_url = paper_link.url_span.start_col - paper_link.span.start_col
        url_end = paper_link.url_span.end_col - paper_link.span.start_col
        new = (
            construct[:rel_label]
            + code_label
            + construct[rel_label + len(label) : rel_url]
            + paper.code
            + construct[url_end:]
        )
        end = paper_link.span
        edits.append(Edit(Span(end.end_line, end.end_col, end.end_line, end.end_col), " " + new))
    return edits


_BADGE_REPO = re.compile(r"github/stars/([^/?#]+/[^/?#.]+)")
_GITHUB_REPO = re.compile(
    r"^https?://(?:www\.)?github\.com/([^/?#]+/[^/?#]+?)(?:\.git)?/?(?:[?#].*)?$"
)


def _star_badges(doc: Document, model: Entry) -> list[tuple[Link, Link | None]]:
    """The model's GitHub star badges (images, which ``Entry.links`` leaves out), each with
    the link around it, if any."""
    first, last = model.span.start_line, model.span.end_line
    near = [lk for lk in doc.links if first <= lk.line <= last]
    return [
        (lk, next((o for o in near if o is not lk and _inside(lk.span, o.span)), None))
        for lk in near
        if lk.form is LinkForm.IMAGE and _BADGE_REPO.search(lk.url) and lk not in model.links
    ]


def _inside(inner: Span, outer: Span) -> bool:
    return (outer.start_line, outer.start_col) <= (inner.start_line, inner.start_col) and (
        inner.end_line,
        inner.end_col,
    ) <= (outer.end_line, outer.end_col)


def _badge_edit(doc: Document, lk: Link, code: str) -> Edit | None:
    """A shields.io star badge rewritten for the new code repository (GitHub only)."""
    badge = _BADGE_REPO.search(lk.url)
    repo = _GITHUB_REPO.match(code)
    if not badge or not repo or _source(doc, lk.url_span) != lk.url:
        return None
    url = lk.url[: badge.start(1)] + repo.group(1) + lk.url[badge.end(1) :]
    return Edit(lk.url_span, url)


def _removal(doc: Document, lk: Link, model: Entry, empty_cell: str) -> Edit:
    """Remove a link and the space before it; an emptied table cell gets the list's filler."""
    span = lk.span
    line = doc.lines[span.start_line - 1]
    start = span.start_col
    while start > 1 and line[start - 2] in " \t":
        start -= 1
    if model.layout == "table":
        before = line[: start - 1].rstrip()
        after = line[span.end_col - 1 :].lstrip()
        if before.endswith("|") and after.startswith("|"):
            return Edit(Span(span.start_line, start, span.end_line, span.end_col), f" {empty_cell}")
    return Edit(Span(span.start_line, start, span.end_line, span.end_col), "")
