"""The registry: every rule in one explicit table (no discovery, no magic), loaded on use.

A row names a rule's code, name and module, and what decides whether a run needs it at all
(on by default, needs the link checker's or the paper clients' results, the list profiles it
runs in, whether it reads entries). Selecting rules, validating a config, deciding whether
to recognise entries and skipping rules a run cannot use read only this table; a rule's
module is imported when the rule runs (start-up: a plain run on a paper list never imports
the link, paper or classic-list rules). Each row is the single source of these attributes:
``Rule.__init_subclass__`` copies them onto the class.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:  # pragma: no cover
    from .base import Rule

BOTH = ("paper", "classic")
CLASSIC = ("classic",)


class RuleRef(NamedTuple):
    code: str
    name: str
    # "module.Class" under awesome_lint.rules.
    where: str
    aliases: tuple[str, ...] = ()
    # Off unless selected explicitly (opt-in rules).
    enabled_by_default: bool = True
    # Runs only when links were checked (link liveness).
    needs_links: bool = False
    # Runs only with --check-papers (compares entries with arXiv/Crossref records).
    needs_papers: bool = False
    # The list profiles the rule runs in (parse/profile.py).
    profiles: tuple[str, ...] = BOTH
    # False for rules that read only lines, headings and links: when no selected rule reads
    # entries, the parser skips recognising them (a links-only run parses in half the time).
    reads_entries: bool = True


def _ref(
    code: str,
    name: str,
    where: str,
    *,
    aliases: tuple[str, ...] = (),
    default: bool = True,
    links: bool = False,
    papers: bool = False,
    profiles: tuple[str, ...] = BOTH,
    entries: bool = True,
) -> RuleRef:
    return RuleRef(code, name, where, aliases, default, links, papers, profiles, entries)


RULES: tuple[RuleRef, ...] = (
    _ref("AL001", "trailing-whitespace", "trailing_whitespace.TrailingWhitespace", entries=False),
    _ref("AL002", "mojibake", "mojibake.Mojibake", entries=False),
    _ref("AL003", "invalid-suppression", "invalid_suppression.InvalidSuppression", entries=False),
    _ref("AL101", "empty-section", "empty_section.EmptySection", entries=False),
    _ref("AL102", "toc-mismatch", "toc_mismatch.TocMismatch", entries=False),
    _ref("AL103", "heading-level-skip", "heading_level_skip.HeadingLevelSkip", entries=False),
    _ref("AL104", "unreadable-section", "unreadable_section.UnreadableSection"),
    _ref("AL201", "title-not-bold", "title_not_bold.TitleNotBold"),
    _ref("AL202", "missing-authors", "missing_authors.MissingAuthors"),
    _ref("AL203", "authors-not-italic", "authors_not_italic.AuthorsNotItalic"),
    _ref("AL204", "author-list-punctuation", "author_list_punctuation.AuthorListPunctuation"),
    _ref("AL205", "malformed-date-venue", "malformed_date_venue.MalformedDateVenue"),
    _ref("AL206", "invalid-date", "invalid_date.InvalidDate"),
    _ref("AL207", "wrong-ordinal", "wrong_ordinal.WrongOrdinal"),
    _ref("AL208", "date-style", "date_style.DateStyleRule"),
    _ref("AL209", "missing-line-break", "missing_line_break.MissingLineBreak"),
    _ref("AL210", "line-break-style", "line_break_style.LineBreakStyle"),
    _ref("AL211", "duplicate-entry", "duplicate_entry.DuplicateEntry"),
    _ref("AL212", "entry-out-of-order", "entry_out_of_order.EntryOutOfOrder"),
    _ref("AL213", "missing-paper-link", "missing_paper_link.MissingPaperLink"),
    _ref("AL214", "indented-entry", "indented_entry.IndentedEntry"),
    _ref("AL215", "link-form-style", "link_form_style.LinkFormStyle"),
    _ref("AL301", "unbracketed-link", "unbracketed_link.UnbracketedLink"),
    _ref("AL302", "malformed-link", "malformed_link.MalformedLink"),
    _ref("AL303", "nonstandard-link-label", "nonstandard_link_label.NonstandardLinkLabel"),
    _ref("AL304", "shortened-url", "shortened_url.ShortenedUrl", entries=False),
    _ref("AL305", "insecure-url", "insecure_url.InsecureUrl", entries=False),
    _ref("AL306", "dead-link", "dead_link.DeadLink", links=True, entries=False),
    _ref(
        "AL307", "unreachable-link", "unreachable_link.UnreachableLink", links=True, entries=False
    ),
    _ref("AL308", "redirected-link", "redirected_link.RedirectedLink", links=True, entries=False),
    _ref(
        "AL309",
        "archived-repository",
        "archived_repository.ArchivedRepository",
        links=True,
        entries=False,
    ),
    _ref("AL310", "broken-anchor", "broken_anchor.BrokenAnchor", entries=False),
    _ref("AL311", "malformed-mailto", "malformed_mailto.MalformedMailto", entries=False),
    # Classic awesome lists (AL4xx).
    _ref(
        "AL401", "wrong-item-separator", "wrong_item_separator.WrongItemSeparator", profiles=CLASSIC
    ),
    _ref(
        "AL402",
        "lowercase-description",
        "lowercase_description.LowercaseDescription",
        profiles=CLASSIC,
    ),
    _ref(
        "AL403",
        "unterminated-description",
        "unterminated_description.UnterminatedDescription",
        profiles=CLASSIC,
    ),
    _ref(
        "AL404",
        "description-repeats-name",
        "description_repeats_name.DescriptionRepeatsName",
        profiles=CLASSIC,
    ),
    _ref(
        "AL405",
        "missing-awesome-badge",
        "missing_awesome_badge.MissingAwesomeBadge",
        profiles=CLASSIC,
    ),
    _ref(
        "AL406",
        "main-heading-not-title-case",
        "main_heading_not_title_case.MainHeadingNotTitleCase",
        profiles=CLASSIC,
    ),
    _ref("AL407", "main-heading-count", "main_heading_count.MainHeadingCount"),
    _ref("AL408", "toc-item-mismatch", "toc_item_mismatch.TocItemMismatch"),
    _ref("AL409", "duplicate-link", "duplicate_link.DuplicateLink"),
    _ref(
        "AL410",
        "unbalanced-punctuation",
        "unbalanced_punctuation.UnbalancedPunctuation",
        profiles=CLASSIC,
    ),
    _ref("AL411", "ci-badge", "ci_badge.CiBadge", profiles=CLASSIC),
    _ref(
        "AL412",
        "missing-contributing-guide",
        "missing_contributing_guide.MissingContributingGuide",
        profiles=CLASSIC,
    ),
    _ref("AL413", "license-section", "license_section.LicenseSection", profiles=CLASSIC),
    _ref(
        "AL414",
        "misspelled-technology",
        "misspelled_technology.MisspelledTechnology",
        profiles=CLASSIC,
    ),
    _ref(
        "AL415", "unsorted-items", "unsorted_items.UnsortedItems", default=False, profiles=CLASSIC
    ),
    _ref("AL416", "double-bullet", "double_bullet.DoubleBullet"),
    # Papers checked against arXiv and Crossref (AL5xx, --check-papers).
    _ref("AL501", "title-mismatch", "title_mismatch.TitleMismatch", papers=True),
    _ref("AL502", "author-mismatch", "author_mismatch.AuthorMismatch", papers=True),
    _ref("AL503", "date-mismatch", "date_mismatch.DateMismatch", papers=True),
    _ref("AL504", "stale-venue", "stale_venue.StaleVenue", papers=True),
    _ref("AL505", "unknown-paper", "unknown_paper.UnknownPaper", papers=True),
)

REFS: dict[str, RuleRef] = {r.code: r for r in RULES}
assert len(REFS) == len(RULES), "rule codes must be unique"

_loaded: dict[str, Rule] = {}


def load(code: str) -> Rule:
    """The rule with this code, its module imported on first use."""
    rule = _loaded.get(code)
    if rule is None:
        module, cls = REFS[code].where.rsplit(".", 1)
        rule = _loaded[code] = getattr(importlib.import_module(f".{module}", __name__), cls)()
    return rule


def __getattr__(name: str):
    # Every rule at once, for what needs them all (--list-rules, SARIF's rule table, docs).
    if name == "ALL_RULES":
        return tuple(load(r.code) for r in RULES)
    if name == "REGISTRY":
        return {r.code: load(r.code) for r in RULES}
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
