from __future__ import annotations

from ..model import Document, LineKind
from ..parse.author_style import infer_author_style
from ..parse.identity import normalize_title
from .base import Fixability, Kind, Rule, Severity
from .messages import entry_name, habit, line_span, quote
from .paper_results import authors_fix, found


class MissingAuthors(Rule):
    code = "AL202"
    summary = "An entry without authors: no author line, a placeholder, or the title repeated"
    default_severity = Severity.ERROR
    kind = Kind.CONVENTION
    fixable = Fixability.SOMETIMES
    tags = ("entries",)

    def check(self, doc: Document, ctx):
        entries = doc.entries
        names_authors = habit(entries, lambda e: e.authors_field is not None)
        # With --check-papers, the authors of the paper arXiv or Crossref found, the list's way.
        records = {e.line: record for e, _ref, record in found(doc, ctx)}
        style = infer_author_style(doc) if records else None

        def fill(e):
            record = records.get(e.line)
            if record is None or style is None:
                return None
            return authors_fix(e, record, style, "write the paper's authors")

        for e in entries:
            line = e.line_of(LineKind.AUTHORS)
            if line is None and e.authors_field is None:
                named = names_authors(e)
                if named is None:
                    continue  # the section (or list) does not clearly name authors
                yield self.violation(
                    line_span(e.lines[0]),
                    f"entry {entry_name(e)} has no authors line; name them{named.like()}",
                )
                continue
            # A placeholder (*none*) or the title again: facts, whatever the list does.
            raw = e.authors_field.text if e.authors_field else ""
            if not e.authors:
                shown = line.content if line is not None else raw
                yield self.violation(
                    _where(e, line),
                    f"entry {entry_name(e)} has no authors ({quote(shown, 30)})",
                    fill(e),
                )
            elif e.title and normalize_title(raw) == normalize_title(e.title.text):
                yield self.violation(
                    _where(e, line),
                    f"entry {entry_name(e)}: the authors line repeats the title",
                    fill(e),
                )


def _where(e, line):
    """Where an entry's authors are: their line, or the table cell or labelled sub-item that
    holds them in some layouts."""
    return line_span(line) if line is not None else e.authors_field.span
