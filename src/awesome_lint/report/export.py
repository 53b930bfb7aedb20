"""``--export json|csv|bibtex``: the parsed model (sections, entries, items) for other tools.

JSON keeps the section tree; CSV is one row per entry; BibTeX one ``@misc`` per entry, with
the arXiv id as ``eprint``. Titles come without link text or decoration, authors in order
with "et al." kept as written, dates with their precision (day, month or year).
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata

from ..model import ClassicItem, Document, Entry, EntryDate, LinkForm, Section
from ..parse.layouts.roles import author_list, is_decoration

_ARXIV = re.compile(r"arxiv\.org/(?:abs|pdf|html)/(?:arXiv:)?(\d{4}\.\d{4,5}|[a-z-]+/\d{7})", re.I)


def date_fields(d: EntryDate | None) -> tuple[str | None, str | None]:
    """(ISO text at the precision written, precision) of a date: "2023-09-12" day,
    "2023-09" month, "2023" year; (None, None) without a year."""
    if d is None or d.year is None:
        return None, None
    if d.value is not None:
        return d.value.isoformat(), "day"
    if d.month is not None and d.day is None and d.problem is None:
        return f"{d.year:04d}-{d.month:02d}", "month"
    if d.month is None and d.day is None:
        return f"{d.year:04d}", "year"
    return None, None


def authors_of(e: Entry) -> list[str]:
    """Names in order, "et al." kept as written."""
    if not e.authors:
        return []  # none, or a placeholder ("*none*") the recogniser dropped
    if e.authors_field is not None:
        return list(author_list(e.authors_field.text))
    return list(e.authors)


def entry_links(e: Entry) -> list:
    return [lk for lk in e.links if lk.form is not LinkForm.IMAGE and not is_decoration(lk)]


def arxiv_id(e: Entry) -> str | None:
    for lk in entry_links(e):
        m = _ARXIV.search(lk.url)
        if m:
            return re.sub(r"v\d+$", "", m.group(1))
    return None


def entry_dict(e: Entry) -> dict:
    date, precision = date_fields(e.date)
    return {
        "line": e.line,
        "layout": e.layout,
        "title": e.title.text if e.title else None,
        "authors": authors_of(e),
        "date": date,
        "date_precision": precision,
        "date_raw": e.date.raw if e.date else None,
        "venue": e.venue.text if e.venue else None,
        "links": [{"label": lk.label, "url": lk.url} for lk in entry_links(e)],
    }


def item_dict(i: ClassicItem) -> dict:
    return {
        "line": i.line,
        "name": i.name,
        "url": i.link.url,
        "description": i.description.text if i.description else None,
    }


def section_dict(s: Section, items: tuple[ClassicItem, ...] = ()) -> dict:
    out = {
        "title": s.heading.text if s.heading else "",
        "level": s.heading.level if s.heading else 0,
        "line": s.heading.line if s.heading else 1,
        "entries": [entry_dict(e) for e in s.entries],
        "sections": [section_dict(c, items) for c in s.subsections],
    }
    lo, hi = s.body_lines
    mine = [item_dict(i) for i in items if lo <= i.line <= hi]
    if mine:
        out["items"] = mine  # classic items (- [Name](url) - Description.), where there are some
    return out


def document_dict(doc: Document) -> dict:
    roots = [s for s in doc.sections if s.heading is not None or s.entries]
    return {"path": doc.path, "sections": [section_dict(s, doc.items) for s in roots]}


CSV_COLUMNS = ("path", "line", "section", "title", "authors", "date", "date_precision",
               "venue", "links")  # fmt: skip


def _section_titles(doc: Document) -> dict[str, str]:
    return {h.slug: h.text for h in doc.headings}


def csv_rows(doc: Document) -> list[list[str]]:
    titles = _section_titles(doc)
    rows = []
    for e in doc.entries:
        d = entry_dict(e)
        rows.append([
            doc.path, str(e.line), titles.get(e.section, ""), d["title"] or "",
            "; ".join(d["authors"]), d["date"] or "", d["date_precision"] or "", d["venue"] or "",
            " ".join(lk["url"] for lk in d["links"]),
        ])  # fmt: skip
    return rows


def to_csv(docs: list[Document]) -> str:
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(CSV_COLUMNS)
    for doc in docs:
        w.writerows(csv_rows(doc))
    return out.getvalue()


def _bib_value(text: str) -> str:
    # Braces must balance inside a BibTeX value; drop the unbalanced ones, escape specials.
    text = text.replace("\\", "").replace("{", "").replace("}", "")
    return re.sub(r"([%&#$_])", r"\\\1", text)


def _key_part(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^A-Za-z0-9]", "", plain)


def to_bibtex(docs: list[Document]) -> str:
    seen: dict[str, int] = {}
    chunks = []
    for doc in docs:
        for e in doc.entries:
            d = entry_dict(e)
            names = d["authors"]
            first = names[0].split()[-1] if names and not names[0].startswith("et al") else "anon"
            year = (d["date"] or "")[:4]
            venue_year = re.search(r"\b(?:19|20)\d{2}\b", d["venue"] or "")
            if not year and venue_year:
                year = venue_year.group(0)  # "CVPR 2021": the venue dates the paper
            word = next((w for w in (d["title"] or "").split() if len(w) > 3), "entry")
            key = (_key_part(first) or "anon").lower() + year + (_key_part(word).lower() or "x")
            seen[key] = seen.get(key, 0) + 1
            if seen[key] > 1:
                key += chr(ord("a") + min(seen[key] - 2, 25))
            fields = [("title", "{" + _bib_value(d["title"] or "") + "}")]
            if names:
                real = [n for n in names if not n.lower().startswith("et al")]
                author = " and ".join(_bib_value(n) for n in real)
                if len(real) < len(names):
                    author += " and others"
                fields.append(("author", author))
            if year:
                fields.append(("year", year))
            if d["date_precision"] in ("day", "month"):
                fields.append(("month", str(int(d["date"][5:7]))))
            if d["venue"]:
                fields.append(("howpublished", _bib_value(d["venue"])))
            arxiv = arxiv_id(e)
            if arxiv:
                fields += [("eprint", arxiv), ("archivePrefix", "arXiv")]
            if d["links"]:
                fields.append(("url", d["links"][0]["url"].replace("}", "%7D").replace("{", "%7B")))
            body = ",\n".join(f"  {k} = {{{v}}}" for k, v in fields)
            chunks.append(f"@misc{{{key},\n{body}\n}}\n")
    return "\n".join(chunks)
