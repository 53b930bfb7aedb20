from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Document
from ..parse.identity import paper_keys
from .base import Rule, Severity
from .messages import entry_name, line_span

# When this share of a list's entries sits in several sections, cross-listing is the
# list's policy (HFM files papers under each topic they touch), not a mistake.
CROSS_LISTING_POLICY = 0.10
CROSS_LISTING_MIN_ENTRIES = 10


@dataclass(frozen=True)
class Options:
    """The [rules.duplicate-entry] options of a config."""

    # Papers repeated across sections: "infer" (warn unless the list cross-lists on purpose),
    # "warn", or "ignore".
    cross_section: str = field(default="infer", metadata={"choices": ("infer", "warn", "ignore")})


def _describe(key: str) -> str:
    kind, _, value = key.partition(":")
    return {
        "arxiv": f"arXiv {value}",
        "doi": f"DOI {value}",
        "title": "title",
        "url": f"paper link {value}",
    }[kind]


class DuplicateEntry(Rule):
    code = "AL211"
    summary = "The same paper twice: same arXiv id, DOI, paper link or title"
    default_severity = Severity.ERROR
    tags = ("entries",)
    Options = Options

    def check(self, doc: Document, ctx):
        mode = ctx.options.cross_section
        if mode == "infer":
            share = ctx.conventions.cross_listed_share
            policy = (
                share >= CROSS_LISTING_POLICY
                and share * len(doc.entries) >= CROSS_LISTING_MIN_ENTRIES
            )
            mode = "ignore" if policy else "warn"
        first_by_key: dict[str, object] = {}
        # A repeat within a section is found even when the paper also sits in an earlier one.
        first_in_section: dict[tuple[str, str], object] = {}
        for e in doc.entries:
            reported = False
            keys = ctx.conventions.paper_keys.get(e.line)
            for key in paper_keys(e) if keys is None else keys:
                prev = first_in_section.setdefault((key, e.section), e)
                if prev is e:
                    prev = first_by_key.get(key)
                if prev is None or prev is e:
                    first_by_key.setdefault(key, e)
                    continue
                if reported:
                    continue
                same_section = prev.section == e.section
                if not same_section and mode == "ignore":
                    continue
                where = "in this section" if same_section else f"in section #{prev.section}"
                titles_differ = (
                    key.startswith(("arxiv:", "doi:", "url:"))
                    and prev.title
                    and e.title
                    and (prev.title.text.casefold() != e.title.text.casefold())
                )
                what = (
                    f"links the same paper ({_describe(key)}) as {entry_name(prev)} at line {prev.line} {where}, under a different title"
                    if titles_differ
                    else f"duplicates {entry_name(prev)} at line {prev.line} {where} (same {_describe(key)})"
                )
                yield self.violation(
                    line_span(e.lines[0]),
                    f"entry {entry_name(e)} {what}",
                    severity=Severity.ERROR if same_section else Severity.WARNING,
                )
                reported = True
