"""Tables with one paper per row (FORMATS.md §1)::

    | Date   | Title                              | Authors   | Venue | Links              |
    |--------|------------------------------------|-----------|-------|--------------------|
    | 202304 | Segment Anything in Medical Images | Ma et al. | arXiv | [Paper](u) [Code](u) |

The header names the columns. A table is a paper table when one column is a title
(``Title``, ``Paper``, ``Paper Title``); a row is an entry when its title cell has
words and the row has a link or a date. Tables of datasets or tools (no title column) are
left alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ...lazy import lazy_regex
from ...model import Entry, Field, LineKind, Link, LinkForm, Span
from ..entries import analyze_line
from .fields import Text, author_names, make_date, new_entry
from .structure import TableBlock

# Enum members read per line, as module constants (why: entries.py).
_KIND_ITEM = LineKind.ITEM
_FORM_IMAGE = LinkForm.IMAGE

_ROLES = {
    "title": "title", "paper": "title", "paper title": "title", "paper name": "title",
    "authors": "authors", "author": "authors", "first author": "authors",
    "date": "date", "published": "date", "release date": "date", "publication date": "date", "time": "date",
    "venue": "venue", "conference": "venue", "journal": "venue", "publication": "venue", "pub": "venue",
    "conference/journal": "venue", "where": "venue",
}  # fmt: skip


_CELL_SYNTAX = lazy_regex(r"\\(?s:.)?|`|\|")  # an escape takes the next character


def cells(row: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the cells of a table row; escaped pipes and code spans do not split."""
    bounds: list[int] = []
    in_code = False
    # One regex pass instead of a loop over characters (rows of big tables are long).
    for m in _CELL_SYNTAX.finditer(row):
        c = m.group()
        if c == "`":
            in_code = not in_code
        elif c == "|" and not in_code:
            bounds.append(m.start())
    stripped = row.strip()
    edges = [-1] + bounds + [len(row)]
    out = [(edges[k] + 1, edges[k + 1]) for k in range(len(edges) - 1)]
    if stripped.startswith("|"):
        out = out[1:]
    if stripped.endswith("|") and not stripped.endswith("\\|"):
        out = out[:-1]
    return out


def _role(header: str) -> str | None:
    name = re.sub(r"[^\w/ ]", "", re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", header)).strip().lower()
    return _ROLES.get(name)


def table_entries(
    table: TableBlock,
    lines: list[str],
    links_in: Callable[[int, int], list[Link]],
    section_at: Callable[[int], str],
) -> list[Entry]:
    header = lines[table.start - 1]
    roles = [_role(header[a:b]) for a, b in cells(header)]
    if "title" not in roles:
        return []
    out = []
    for number in range(table.start + 2, table.end + 1):
        row = lines[number - 1]
        if not row.strip():
            continue
        spans = cells(row)
        text = Text(number, (row,))
        fields: dict[str, Field] = {}
        for role, (a, b) in zip(roles, spans):
            if role is not None and role not in fields:
                f = text.field(a, b)
                if f is not None:
                    fields[role] = f
        title = fields.get("title")
        row_links = [lk for lk in links_in(number, number) if lk.form is not _FORM_IMAGE]
        date = make_date(fields["date"].text, fields["date"].span) if "date" in fields else None
        if title is None or not re.search(r"[^\W\d_]{2}", title.text) or not (row_links or date):
            continue
        inner = next(
            (
                lk
                for lk in row_links
                if title.span.contains(lk.span) and lk.span.start_col > title.span.start_col
            ),
            None,
        )
        if inner is not None and re.search(
            r"[^\W\d_]{2}", row[title.span.start_col - 1 : inner.span.start_col - 1]
        ):
            # "Title [(paper)](u)": the link after the title text is a link, not title text.
            cut = text.field(title.span.start_col - 1, inner.span.start_col - 1, " \t-–:,([")
            title = cut if cut is not None else title
        m = re.fullmatch(r"\*{0,2}\[(.+)\]\((.+)\)\*{0,2}", title.text)
        if m:
            lk = next((lk for lk in row_links if title.span.contains(lk.span)), None)
            if lk is not None:
                title = Field(m.group(1).strip("*_ "), lk.label_span)
        bold = title.text.startswith("**") and title.text.endswith("**") and len(title.text) > 4
        if bold:
            title = Field(
                title.text[2:-2].strip(),
                Span(number, title.span.start_col + 2, number, title.span.end_col - 2),
            )
        authors = fields.get("authors")
        out.append(
            new_entry(
                Span(number, 1, number, len(row) + 1),
                "table",
                (analyze_line(number, row, 0, _KIND_ITEM),),
                title,
                row_links,
                section_at(number),
                title_bold=bold,
                authors=author_names(authors.text) if authors else None,
                authors_field=authors,
                date=date,
                venue=fields.get("venue"),
            )
        )
    return out
