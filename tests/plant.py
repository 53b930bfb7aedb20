"""Plant one defect into one entry of a list, as a contributor's pull request would.

Used by tests/test_planted.py on the fixture lists and by bench/planted_corpus.py on the
real lists: each planted defect must be found by its named rule, with no new finding
anywhere else.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from awesome_lint.api import lint_text
from awesome_lint.model import Entry, LineKind, LinkForm
from awesome_lint.parse.parser import parse

Planter = Callable[[list[str], Entry], bool]  # edits lines in place; False if not applicable


def _line(entry: Entry, kind: LineKind):
    return entry.line_of(kind)


def _authors_text(lines, e):
    ln = _line(e, LineKind.AUTHORS)
    if ln is None or not e.authors_italic or ln.number != e.authors_field.span.end_line:
        return None
    return ln


def _one_line_authors(lines, e):
    """The italic authors field on one line: (its line number, its span, the line's text)."""
    ln = _authors_text(lines, e)
    if ln is None or ln.number != e.authors_field.span.start_line:
        return None
    return ln.number, e.authors_field.span, lines[ln.number - 1]


def placeholder_authors(lines, e):
    if (found := _one_line_authors(lines, e)) is None:
        return False
    n, f, text = found
    lines[n - 1] = text[: f.start_col - 1] + "none" + text[f.end_col - 1 :]
    return True


def wrong_ordinal(lines, e):
    d = e.date
    if d is None or d.day_span is None or d.value is None or not d.style or not d.style.ordinal:
        return False
    s = d.day_span
    text = lines[s.start_line - 1]
    digits = d.day_text.rstrip("abcdefghijklmnopqrstuvwxyz")
    right = d.day_text[len(digits) :]
    wrong = "st" if right == "th" else "th"  # 23rd -> 23th, 28th -> 28st
    lines[s.start_line - 1] = text[: s.start_col - 1] + digits + wrong + text[s.end_col - 1 :]
    return True


def unbracket_link(lines, e):
    for lk in e.links:
        if lk.form is LinkForm.BRACKETED and lk.span.start_line == lk.span.end_line:
            text = lines[lk.line - 1]
            if text[lk.span.start_col - 1] != "[":
                continue
            s = lk.span
            lines[lk.line - 1] = (
                text[: s.start_col - 1] + text[s.start_col : s.end_col - 2] + text[s.end_col - 1 :]
            )
            return True
    return False


def drop_break(lines, e):
    ln = _line(e, LineKind.AUTHORS)
    if ln is None or ln.marker.value == "none" or ln.after_marker:
        return False
    text = lines[ln.number - 1]
    lines[ln.number - 1] = text[: ln.content_end]
    return True


def shorten_url(lines, e):
    for lk in e.links:
        if (
            lk.form is LinkForm.BRACKETED
            and lk.url.startswith("http")
            and lk.span.start_line == lk.span.end_line
        ):
            s = lk.url_span
            text = lines[s.start_line - 1]
            lines[s.start_line - 1] = (
                text[: s.start_col - 1] + "https://tinyurl.com/abc123" + text[s.end_col - 1 :]
            )
            return True
    return False


def misspell_label(lines, e):
    for lk in e.links:
        if lk.label.lower() in ("paper", "github", "code") and lk.form is LinkForm.BRACKETED:
            s = lk.label_span
            text = lines[s.start_line - 1]
            swapped = lk.label[:2] + lk.label[3] + lk.label[2] + lk.label[4:]  # "Paper" -> "Paepr"
            lines[s.start_line - 1] = text[: s.start_col - 1] + swapped + text[s.end_col - 1 :]
            return True
    return False


def trailing_comma(lines, e):
    ln = _authors_text(lines, e)
    if ln is None:
        return False
    f = e.authors_field.span
    text = lines[f.end_line - 1]
    if text[: f.end_col - 1].rstrip().endswith((",", ".")):
        return False
    lines[f.end_line - 1] = text[: f.end_col - 1] + "," + text[f.end_col - 1 :]
    return True


def impossible_date(lines, e):
    d = e.date
    if d is None or d.value is None or not d.style or not d.style.ordinal or d.style.padded:
        return False
    s = d.day_span
    text = lines[s.start_line - 1]
    # A day the month does not have: the 30th of February, the 31st of a 30-day month, the 32nd.
    bad = "30th" if d.month == 2 else "32nd" if d.month in (1, 3, 5, 7, 8, 10, 12) else "31st"
    lines[s.start_line - 1] = text[: s.start_col - 1] + bad + text[s.end_col - 1 :]
    return True


def unbold_title(lines, e):
    if not e.title_bold or e.title is None or e.layout not in ("block", "title-date"):
        return False
    s = e.title.span
    if s.start_line != s.end_line:
        return False
    text = lines[s.start_line - 1]
    if (
        text[s.start_col - 3 : s.start_col - 1] != "**"
        or text[s.end_col - 1 : s.end_col + 1] != "**"
    ):
        return False
    lines[s.start_line - 1] = (
        text[: s.start_col - 3] + text[s.start_col - 1 : s.end_col - 1] + text[s.end_col + 1 :]
    )
    return True


def break_link(lines, e):
    for lk in e.links:
        if lk.form is LinkForm.BRACKETED and lk.span.start_line == lk.span.end_line:
            text = lines[lk.line - 1]
            close = lk.label_span.end_col - 1  # the ']' after the label
            if text[close] != "]":
                continue
            lines[lk.line - 1] = text[:close] + text[close + 1 :]
            return True
    return False


def insecure(lines, e):
    for lk in e.links:
        if lk.url.startswith("https://") and lk.span.start_line == lk.span.end_line:
            s = lk.url_span
            text = lines[s.start_line - 1]
            lines[s.start_line - 1] = text[: s.start_col - 1] + "http" + text[s.start_col - 1 + 5 :]
            return True
    return False


def mojibake(lines, e):
    ln = _authors_text(lines, e)
    if ln is None:
        return False
    text = lines[ln.number - 1]
    m = re.search(r"[A-Z][a-z]+", text[e.authors_field.span.start_col - 1 :])
    if m is None:
        return False
    at = e.authors_field.span.start_col - 1 + m.end()
    lines[ln.number - 1] = text[:at] + "√©" + text[at:]
    return True


def unitalicise_authors(lines, e):
    if (found := _one_line_authors(lines, e)) is None:
        return False
    n, f, text = found
    mark = text[f.start_col - 2 : f.start_col - 1]
    if mark not in ("*", "_") or text[f.end_col - 1 : f.end_col] != mark:
        return False
    lines[n - 1] = (
        text[: f.start_col - 2] + text[f.start_col - 1 : f.end_col - 1] + text[f.end_col :]
    )
    return True


def comma_between_groups(lines, e):
    # "[17th Aug., 2023] [Nature, 2023]" -> "[17th Aug., 2023], [Nature, 2023]"
    d, ln = e.date, _line(e, LineKind.DATE_VENUE)
    if d is None or e.venue is None or ln is None:
        return False
    if not d.span.start_line == e.venue.span.start_line == ln.number:
        return False
    s = d.span
    text = lines[s.start_line - 1]
    if text[s.end_col - 1 : s.end_col + 2] != "] [":
        return False
    lines[s.start_line - 1] = text[: s.end_col] + "," + text[s.end_col :]
    return True


def trailing_space(lines, e):
    # After <br> only: after a backslash or two spaces a space breaks the break as well.
    ln = _line(e, LineKind.TITLE) or _line(e, LineKind.ITEM)
    if ln is None or ln.marker.value != "br" or ln.after_marker:
        return False
    lines[ln.number - 1] += " "
    return True


def _replace_url(lines, e, url: str) -> bool:
    for lk in e.links:
        if lk.form is LinkForm.BRACKETED and lk.url_span.start_line == lk.url_span.end_line:
            s = lk.url_span
            text = lines[s.start_line - 1]
            if text[s.start_col - 1 : s.end_col - 1] != lk.url:
                continue
            lines[s.start_line - 1] = text[: s.start_col - 1] + url + text[s.end_col - 1 :]
            return True
    return False


def anchor_nowhere(lines, e):
    return _replace_url(lines, e, "#no-such-section")


def bad_mailto(lines, e):
    return _replace_url(lines, e, "mailto:the-authors")


def drop_links(lines, e):
    # The links line blanked: the line count stays, so findings elsewhere keep their lines.
    ln = _line(e, LineKind.LINKS)
    if ln is None or ln.number != e.span.end_line or ln.number == e.span.start_line:
        return False
    if any(lk.line != ln.number for lk in e.links):
        return False
    before = next((b for b in e.lines if b.number == ln.number - 1), None)
    if before is None:
        return False
    if ln.marker.value == "none":
        # The line before becomes the entry's last: it ends as the list's last lines do.
        lines[before.number - 1] = lines[before.number - 1][: before.content_end]
    lines[ln.number - 1] = ""
    return True


PLANTERS: dict[str, Planter] = {
    "missing-authors": placeholder_authors,
    "wrong-ordinal": wrong_ordinal,
    "unbracketed-link": unbracket_link,
    "missing-line-break": drop_break,
    "shortened-url": shorten_url,
    "nonstandard-link-label": misspell_label,
    "author-list-punctuation": trailing_comma,
    "invalid-date": impossible_date,
    "title-not-bold": unbold_title,
    "malformed-link": break_link,
    "insecure-url": insecure,
    "mojibake": mojibake,
    "authors-not-italic": unitalicise_authors,
    "malformed-date-venue": comma_between_groups,
    "trailing-whitespace": trailing_space,
    "broken-anchor": anchor_nowhere,
    "malformed-mailto": bad_mailto,
    "missing-paper-link": drop_links,
}


def plant(text: str, rule: str) -> tuple[str, int] | None:
    """The text with ``rule``'s defect planted into an entry near the middle, and its line."""
    doc = parse(text)
    entries = list(doc.entries)
    if not entries:
        return None
    # An entry that already shows this defect would hide the planted one.
    already = {v.line for v in lint_text(text).violations if v.name == rule}
    middle = len(entries) // 2
    order = entries[middle:] + entries[:middle]
    for e in order:
        if any(e.span.start_line <= n <= e.span.end_line for n in already):
            continue
        lines = list(doc.lines)
        if PLANTERS[rule](lines, e):
            return "\n".join(lines) + ("\n" if text.endswith("\n") else ""), e.line
    return None
