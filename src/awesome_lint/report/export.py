"""``--export json``: the parsed model (sections and their entries) for other tools."""

from __future__ import annotations

from ..model import ClassicItem, Document, Entry, LinkForm, Section


def entry_dict(e: Entry) -> dict:
    return {
        "line": e.line,
        "title": e.title.text if e.title else None,
        "authors": list(e.authors or ()),
        "date": e.date.value.isoformat() if e.date and e.date.value else None,
        "date_raw": e.date.raw if e.date else None,
        "venue": e.venue.text if e.venue else None,
        "links": [
            {"label": lk.label, "url": lk.url} for lk in e.links if lk.form is not LinkForm.IMAGE
        ],
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
        out["items"] = (
            mine  # classic items (- [Name](url) - Description.), only where there are some
        )
    return out


def document_dict(doc: Document) -> dict:
    roots = [s for s in doc.sections if s.heading is not None or s.entries]
    return {"path": doc.path, "sections": [section_dict(s, doc.items) for s in roots]}
