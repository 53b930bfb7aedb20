"""``--export json``: the parsed model (sections and their entries) for other tools."""

from __future__ import annotations

from ..model import Document, Entry, LinkForm, Section


def entry_dict(e: Entry) -> dict:
    return {
        "line": e.line,
        "title": e.title.text if e.title else None,
        "authors": list(e.authors or ()),
        "date": e.date.value.isoformat() if e.date and e.date.value else None,
        "date_raw": e.date.raw if e.date else None,
        "venue": e.venue.text if e.venue else None,
        "links": [{"label": lk.label, "url": lk.url} for lk in e.links if lk.form is not LinkForm.IMAGE],
    }


def section_dict(s: Section) -> dict:
    return {
        "title": s.heading.text if s.heading else "",
        "level": s.heading.level if s.heading else 0,
        "line": s.heading.line if s.heading else 1,
        "entries": [entry_dict(e) for e in s.entries],
        "sections": [section_dict(c) for c in s.subsections],
    }


def document_dict(doc: Document) -> dict:
    roots = [s for s in doc.sections if s.heading is not None or s.entries]
    return {"path": doc.path, "sections": [section_dict(s) for s in roots]}
