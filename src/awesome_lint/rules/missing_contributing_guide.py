from __future__ import annotations

import re
from dataclasses import dataclass

from ..lazy import lazy_regex
from ..model import Document, LinkForm
from .base import Rule, Severity
from .classic_items import doc_span

_GUIDE_URL = lazy_regex(r"(?:^|/)contributing(?:\.(?:md|markdown|rst|txt|adoc))?(?:[#?].*)?$", re.I)
_ABSOLUTE = lazy_regex(r"^[a-z][a-z0-9+.-]*://", re.I)


@dataclass(frozen=True)
class Options:
    """The [rules.missing-contributing-guide] options of a config."""

    # A "Contributing" section with text in it counts as the guide.
    accept_section: bool = True


class MissingContributingGuide(Rule):
    code = "AL412"
    summary = "No contributing guide: no CONTRIBUTING file next to the list, no link to one, or an empty one"
    default_severity = Severity.ERROR
    tags = ("classic", "document")
    Options = Options

    def check(self, doc: Document, ctx):
        files = ctx.siblings  # None: read from stdin or as text, the folder is unknown
        if files is not None:
            found = files.matching(("contributing",))
            for path, size in found:
                if size == 0:
                    yield self.violation(doc_span(doc), f"the contributing guide {path} is empty")
            if found:
                return
        links = [
            lk for lk in doc.links if lk.form is not LinkForm.IMAGE and _GUIDE_URL.search(lk.url)
        ]
        if any(_ABSOLUTE.match(lk.url) for lk in links):
            return  # the guide lives elsewhere (an organisation's .github repository, a wiki)
        if links and files is not None:
            yield self.violation(
                links[0].span,
                f"the list links to {links[0].url}, but there is no such file next to it",
            )
            return
        if links or (ctx.options.accept_section and _has_section(doc)):
            return
        yield self.violation(
            doc_span(doc),
            "no contributing guide: add CONTRIBUTING.md next to the list (or in .github/) saying how to propose an item",
        )


def _has_section(doc: Document) -> bool:
    for section in doc.all_sections():
        h = section.heading
        if (
            h is not None
            and re.fullmatch(r"contribut\w*", " ".join(re.findall(r"\w+", h.text.casefold())))
            and section.has_content
        ):
            return True
    return False
