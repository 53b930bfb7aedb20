"""The registry: every rule, in one explicit tuple (no discovery, no magic)."""

from __future__ import annotations

from .archived_repository import ArchivedRepository
from .author_list_punctuation import AuthorListPunctuation
from .author_mismatch import AuthorMismatch
from .authors_not_italic import AuthorsNotItalic
from .base import Rule
from .broken_anchor import BrokenAnchor

# Classic awesome lists (AL4xx).
from .ci_badge import CiBadge
from .date_mismatch import DateMismatch
from .date_style import DateStyleRule
from .dead_link import DeadLink
from .description_repeats_name import DescriptionRepeatsName
from .double_bullet import DoubleBullet
from .duplicate_entry import DuplicateEntry
from .duplicate_link import DuplicateLink
from .empty_section import EmptySection
from .entry_out_of_order import EntryOutOfOrder
from .heading_level_skip import HeadingLevelSkip
from .indented_entry import IndentedEntry
from .insecure_url import InsecureUrl
from .invalid_date import InvalidDate
from .invalid_suppression import InvalidSuppression
from .license_section import LicenseSection
from .line_break_style import LineBreakStyle
from .link_form_style import LinkFormStyle
from .lowercase_description import LowercaseDescription
from .main_heading_count import MainHeadingCount
from .main_heading_not_title_case import MainHeadingNotTitleCase
from .malformed_date_venue import MalformedDateVenue
from .malformed_link import MalformedLink
from .malformed_mailto import MalformedMailto
from .missing_authors import MissingAuthors
from .missing_awesome_badge import MissingAwesomeBadge
from .missing_contributing_guide import MissingContributingGuide
from .missing_line_break import MissingLineBreak
from .missing_paper_link import MissingPaperLink
from .misspelled_technology import MisspelledTechnology
from .mojibake import Mojibake
from .nonstandard_link_label import NonstandardLinkLabel
from .redirected_link import RedirectedLink
from .shortened_url import ShortenedUrl
from .stale_venue import StaleVenue
from .title_mismatch import TitleMismatch
from .title_not_bold import TitleNotBold
from .toc_item_mismatch import TocItemMismatch
from .toc_mismatch import TocMismatch
from .trailing_whitespace import TrailingWhitespace
from .unbalanced_punctuation import UnbalancedPunctuation
from .unbracketed_link import UnbracketedLink
from .unknown_paper import UnknownPaper
from .unreachable_link import UnreachableLink
from .unreadable_section import UnreadableSection
from .unsorted_items import UnsortedItems
from .unterminated_description import UnterminatedDescription
from .wrong_item_separator import WrongItemSeparator
from .wrong_ordinal import WrongOrdinal

ALL_RULES: tuple[Rule, ...] = (
    TrailingWhitespace(),
    Mojibake(),
    InvalidSuppression(),
    EmptySection(),
    TocMismatch(),
    HeadingLevelSkip(),
    UnreadableSection(),
    TitleNotBold(),
    MissingAuthors(),
    AuthorsNotItalic(),
    AuthorListPunctuation(),
    MalformedDateVenue(),
    InvalidDate(),
    WrongOrdinal(),
    DateStyleRule(),
    MissingLineBreak(),
    LineBreakStyle(),
    DuplicateEntry(),
    EntryOutOfOrder(),
    MissingPaperLink(),
    IndentedEntry(),
    LinkFormStyle(),
    UnbracketedLink(),
    MalformedLink(),
    NonstandardLinkLabel(),
    ShortenedUrl(),
    InsecureUrl(),
    DeadLink(),
    UnreachableLink(),
    RedirectedLink(),
    ArchivedRepository(),
    BrokenAnchor(),
    MalformedMailto(),
    # Classic awesome lists (AL4xx).
    WrongItemSeparator(),
    LowercaseDescription(),
    UnterminatedDescription(),
    DescriptionRepeatsName(),
    MissingAwesomeBadge(),
    MainHeadingNotTitleCase(),
    MainHeadingCount(),
    TocItemMismatch(),
    DuplicateLink(),
    UnbalancedPunctuation(),
    CiBadge(),
    MissingContributingGuide(),
    LicenseSection(),
    MisspelledTechnology(),
    UnsortedItems(),
    DoubleBullet(),
    # Papers checked against arXiv and Crossref (AL5xx, --check-papers).
    TitleMismatch(),
    AuthorMismatch(),
    DateMismatch(),
    StaleVenue(),
    UnknownPaper(),
)

REGISTRY: dict[str, Rule] = {r.code: r for r in ALL_RULES}
assert len(REGISTRY) == len(ALL_RULES), "rule codes must be unique"
