from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from ..diagnostics import Edit, Fix
from ..model import Document, LinkForm
from .base import Fixability, Kind, Rule, Severity
from .entry_links import entry_links, list_form
from .facts import facts
from .messages import quote
from .nonstandard_link_label import SUFFIX, VOCABULARY


def _is_label(label: str, list_labels) -> bool:
    """A link label of the kind lists bracket: a known one (Paper, Code) or one the list
    itself uses at least twice."""
    key = SUFFIX.sub("", label.strip()).lower()
    if key in _KNOWN:
        return True
    m = list_labels.get(label.strip().lower())
    return m is not None and m.samples >= 2


_KNOWN = {w.lower() for w in VOCABULARY}


def own_labels(links, host_of: Callable[[str], str]) -> Callable[[str], str]:
    """The label the list gives links to a URL's host (its [[GitHub]] for github.com), else
    "Code": the labels of every host counted in one walk over ``links``, on first use."""
    by_host: dict[str, Counter] | None = None

    def own_label(url: str) -> str:
        nonlocal by_host
        if by_host is None:
            by_host = {}
            for _, lk in links:
                if lk.label and lk.form is not LinkForm.AUTOLINK:
                    labels = by_host.get(host := host_of(lk.url))
                    if labels is None:
                        labels = by_host[host] = Counter()
                    labels[lk.label.strip()] += 1
        host = host_of(url)
        labels = by_host.get(host)
        return labels.most_common(1)[0][0] if labels and host else "Code"

    return own_label


class UnbracketedLink(Rule):
    code = "AL301"
    summary = (
        "An entry link written [Label](url) or as a bare URL where the list brackets its links"
    )
    default_severity = Severity.ERROR
    kind = Kind.CONVENTION
    fixable = Fixability.SOMETIMES
    tags = ("entries", "links")

    def check(self, doc: Document, ctx):
        form = list_form(ctx.conventions)
        if form is None:
            return
        links = entry_links(doc)
        own_label = own_labels(links, facts(doc).host)
        for e, lk in links:
            if lk.form is LinkForm.AUTOLINK:
                label = own_label(lk.url)
                want = f"[[{label}](url)]" if form is LinkForm.BRACKETED else f"[[{label}]](url)"
                yield self.violation(
                    lk.span,
                    f"bare URL {quote(lk.url, 50)} in an entry; write a labelled link like {want}",
                    severity=Severity.WARNING,
                )
                continue
            if lk.form is not LinkForm.BARE:
                continue
            line = doc.lines[lk.line - 1]
            before = line[lk.span.start_col - 2] if lk.span.start_col >= 2 else ""
            after = line[lk.span.end_col - 1] if lk.span.end_col - 1 < len(line) else ""
            if (before and before in "[]") or (after and after in "[]"):
                continue  # a stray bracket next to it: malformed-link reports that
            label = lk.label
            if not _is_label(label, ctx.conventions.labels):
                continue  # a title or a name in prose ([Finetuned Language Models …](u)), not a label
            if form is LinkForm.BRACKETED:
                fix = Fix(
                    (
                        Edit.insert(lk.line, lk.span.start_col, "["),
                        Edit.insert(lk.span.end_line, lk.span.end_col, "]"),
                    ),
                    "bracket the link",
                )
                want = f"[[{label}](…)]"
            else:
                ls = lk.label_span
                fix = Fix(
                    (
                        Edit.insert(ls.start_line, ls.start_col, "["),
                        Edit.insert(ls.end_line, ls.end_col, "]"),
                    ),
                    "bracket the label",
                )
                want = f"[[{label}]](…)"
            yield self.violation(
                lk.span,
                f"link [{label}](…) is not bracketed; write {want} like the rest of the list",
                fix,
            )
