"""``awesome-lint add ID_OR_URL [--section NAME] [--code URL] [--dry-run] [LIST]``.

Fetch the paper, refuse if the list has it already, write the entry from one of the list's
own entries, insert it where the section's date order puts it, lint the result, and write
the file atomically (or, with --dry-run, print the entry and the diff).
"""

from __future__ import annotations

import argparse
import datetime
import re
import sys
from collections import Counter
from collections.abc import Sequence

from ..errors import AwesomeLintError, UsageError
from ..model import Document, Entry
from ..parse.author_style import infer_author_style
from ..parse.identity import arxiv_id, canonical_arxiv, doi, paper_keys
from ..titles import clean_title, fold
from .place import PlaceError, direction, entry_key, find_section, insert, key_of_date, placement
from .template import PREPRINT, NewPaper, is_code_link, is_paper_link, write_entry

EXIT_ADDED, EXIT_REFUSED, EXIT_FAILURE = 0, 1, 2
_BARE_ARXIV = re.compile(
    r"^(?:arxiv:\s*)?(\d{4}\.\d{4,5}|[a-z\-]+(?:\.[A-Z]{2})?/\d{7})(?:v\d+)?$", re.I
)
_BARE_DOI = re.compile(r"^(?:doi:\s*)?(10\.\d{4,9}/\S+)$", re.I)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="awesome-lint add",
        description="Add a paper to the list, written the list's way and put in date order.",
    )
    p.add_argument("paper", metavar="ID_OR_URL", help="arXiv id or URL, DOI or doi.org URL")
    p.add_argument(
        "list", nargs="?", default="README.md", metavar="LIST", help="default: README.md"
    )
    p.add_argument("--section", metavar="NAME", help="the heading to add under (text or anchor)")
    p.add_argument("--code", metavar="URL", help="the paper's code repository")
    p.add_argument(
        "--dry-run", action="store_true", help="print the entry and the diff; write nothing"
    )
    p.add_argument("--config", metavar="FILE", help="use this config file")
    p.add_argument("--isolated", action="store_true", help="ignore all config files")
    p.add_argument("--today", type=datetime.date.fromisoformat, metavar="YYYY-MM-DD")
    p.add_argument(
        "--no-cache",
        action="store_true",
        default=None,
        help="neither read nor write the paper cache",
    )
    p.add_argument(
        "--allow-private-hosts",
        action="store_true",
        default=None,
        help="let the arXiv/Crossref base URLs be private or loopback addresses (tests, mirrors)",
    )
    return p


def main(argv: Sequence[str]) -> int:
    # Intermixed: the list may come after the options (``add 2309.05904 --dry-run README.md``).
    args = build_parser().parse_intermixed_args(argv)
    try:
        return run(args)
    except PlaceError as exc:
        print(f"awesome-lint add: {args.list}: {exc}", file=sys.stderr)
        return EXIT_FAILURE
    except AwesomeLintError as exc:
        print(f"awesome-lint add: {exc}", file=sys.stderr)
        return EXIT_FAILURE


def parse_handle(text: str) -> tuple[str | None, str | None]:
    """(arXiv id, DOI) named by the argument; UsageError when it names neither."""
    text = text.strip()
    if m := _BARE_ARXIV.match(text):
        return canonical_arxiv(m.group(1)), None
    if aid := arxiv_id(text):
        return canonical_arxiv(aid), None
    if m := _BARE_DOI.match(text):
        return None, m.group(1).rstrip(".").lower()
    if d := doi(text):
        return None, d
    raise UsageError(f"{text!r} is neither an arXiv id or URL nor a DOI or doi.org URL")


def _already_listed(path: str, doc, line: int) -> int:
    text = doc.lines[line - 1].strip()
    print(f"{path}:{line}: the list has this paper already: {text}", file=sys.stderr)
    return EXIT_REFUSED


def run(args) -> int:
    from ..api import config_for, lint_text
    from ..papers import PaperQuery, PaperSettingsError, lookup_papers
    from ..papers.options import settings_from
    from ..parse.parser import parse
    from ..textio import read_source

    if args.code and not re.fullmatch(r"https?://[^\s()<>\[\]]+", args.code):
        raise UsageError(f"--code {args.code!r} is not an http(s) URL")
    aid, the_doi = parse_handle(args.paper)
    config = config_for(args.list, args.config, args.isolated)
    source = read_source(args.list, config.max_file_size, config.max_lines)
    doc = parse(source.text, source.path)

    wanted = {f"arxiv:{aid}"} if aid else {f"doi:{the_doi}"}
    existing = _existing(doc, wanted)
    if existing is not None:
        return _already_listed(source.path, doc, existing.line)
    try:
        settings = settings_from(config.papers, args)
    except PaperSettingsError as exc:
        raise UsageError(str(exc)) from None
    query = PaperQuery(arxiv_id=aid, doi=the_doi)
    result = lookup_papers([query], settings).results[query.key]
    handle = f"arXiv {aid}" if aid else f"DOI {the_doi}"
    status = result.status.value
    if status != "found" or result.record is None:
        why = {
            "unknown": "does not exist",
            "withdrawn": "has been withdrawn by its authors",
        }.get(status, f"could not be fetched ({result.error})")
        print(f"awesome-lint add: {handle} {why}", file=sys.stderr)
        return EXIT_REFUSED if status in ("unknown", "withdrawn") else EXIT_FAILURE
    record = result.record
    existing = _existing_title(doc, record.title)
    if existing is not None:
        return _already_listed(source.path, doc, existing.line)
    if record.first_date is None:
        print(f"awesome-lint add: {handle} has no date", file=sys.stderr)
        return EXIT_FAILURE
    paper = NewPaper(
        title=clean_title(record.title),
        authors=record.authors,
        date=record.first_date,
        arxiv_id=aid,
        doi=the_doi,
        venue=None if aid else record.venue,
        code=args.code,
    )
    section = find_section(doc, args.section)
    before = lint_text(source.text, source.path, config, today=args.today)
    attempt = _add(doc, section, paper, config, args.today, before.violations)
    if isinstance(attempt, str):
        print(f"awesome-lint add: {attempt}", file=sys.stderr)
        return EXIT_REFUSED
    new_text, first, count = attempt
    entry_text = "\n".join(new_text.split("\n")[first - 1 : first - 1 + count])
    if record.journal_ref and aid:
        print(
            f"awesome-lint add: note: arXiv says it was published: {record.journal_ref}; name the venue",
            file=sys.stderr,
        )
    if args.dry_run:
        from ..fix.fixer import unified_diff

        sys.stdout.write(entry_text + "\n\n")
        sys.stdout.write(unified_diff(source.text.replace("\r\n", "\n"), new_text, source.path))
        return EXIT_ADDED
    from ..fix.writeback import encode_like, write_atomic

    write_atomic(source, encode_like(source, new_text))
    print(f"{source.path}:{first}: added {handle} under {section.title!r}", file=sys.stderr)
    return EXIT_ADDED


def _existing(doc: Document, keys: set[str]) -> Entry | None:
    return next((e for e in doc.entries if keys & set(paper_keys(e))), None)


def _existing_title(doc: Document, title: str) -> Entry | None:
    folded = fold(title)
    return next((e for e in doc.entries if e.title and fold(e.title.text) == folded), None)


def _candidates(doc: Document, section, paper: NewPaper, findings) -> list[Entry]:
    """The list's entries best fit to be the new one's model, best first."""
    flagged = Counter(line for v in findings for line in v.span.lines)
    pool = list(section.entries) or list(doc.entries)

    def cost(e: Entry) -> float:
        c = 0.0
        for lk in e.links:
            if not (is_paper_link(lk) or is_code_link(lk)):
                c += 2
        has_code = any(is_code_link(lk) for lk in e.links)
        c += 1 if paper.code and not has_code else 0
        c += 0.5 if not paper.code and has_code else 0
        venue = e.venue.text if e.venue else ""
        if paper.venue is None and venue and not PREPRINT.search(venue):
            c += 1
        if any(flagged[n] for n in range(e.span.start_line, e.span.end_line + 1)):
            c += 5
        if not any(is_paper_link(lk) for lk in e.links):
            c += 100
        return c

    return sorted(pool, key=cost)[:8]


def _add(doc, section, paper: NewPaper, config, today, findings):
    """(new text, first line of the entry, its line count), or why it could not be done."""
    from ..api import lint_text
    from ..parse.conventions import infer

    conventions = infer(doc)
    style = infer_author_style(doc)
    may_dot = (
        conventions.may_dot.value if conventions.may_dot and conventions.may_dot.clear else None
    )
    code_label = _code_label(doc)
    empty = _empty_cell(doc)
    order = direction(doc, section, conventions.direction)
    precise = any(e.date is not None and e.date.day for e in section.entries or doc.entries)
    where = placement(doc, section, key_of_date(paper.date, precise), order)
    before_counts = Counter((v.code, v.message) for v in findings)
    problem = "no entry of the list could serve as a model for the new one"
    for model in _candidates(doc, section, paper, findings):
        lines = write_entry(
            doc, model, paper, style, code_label=code_label, may_dot=may_dot, empty_cell=empty
        )
        if lines is None:
            continue
        new_lines, first = insert(doc, section, lines, where)
        new_text = "\n".join(new_lines)
        result = lint_text(new_text, doc.path, config, today=today)
        span = range(first, first + len(lines))
        on_entry = [v for v in result.violations if any(n in span for n in v.span.lines)]
        new_counts = Counter((v.code, v.message) for v in result.violations) - before_counts
        if on_entry or not _recognised(result.document, first, paper):
            shown = on_entry[0] if on_entry else None
            problem = (
                f"the entry written from line {model.line} would be flagged: {shown.code} {shown.name}: {shown.message}"
                if shown
                else f"the entry written from line {model.line} is not read back as this paper"
            )
            continue
        caused = [v for v in result.violations if (v.code, v.message) in new_counts]
        if caused:
            v = caused[0]
            problem = f"adding the entry written from line {model.line} would cause {v.code} {v.name} at line {v.line}: {v.message}"
            continue
        return new_text, first, len(lines)
    return problem


def _recognised(doc: Document, first: int, paper: NewPaper) -> bool:
    entry = next((e for e in doc.entries if e.span.start_line == first), None)
    if entry is None or entry.title is None:
        return False
    title = entry.title.text
    return fold(paper.title) in fold(title) and (
        entry_key(doc, entry) is None or entry_key(doc, entry).year == paper.date.year
    )


def _code_label(doc: Document) -> str:
    labels = Counter(
        lk.label for e in doc.entries for lk in e.links if is_code_link(lk) and lk.label
    )
    return labels.most_common(1)[0][0] if labels else "Code"


def _empty_cell(doc: Document) -> str:
    cells = Counter(
        cell.strip()
        for e in doc.entries
        if e.layout == "table"
        for cell in doc.lines[e.line - 1].strip().strip("|").split("|")
        if cell.strip() in ("-", "", "—", "N/A")
    )
    return cells.most_common(1)[0][0] if cells else "-"
