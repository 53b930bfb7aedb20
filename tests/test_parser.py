"""The parser: entry counts per layout, fields, exact spans, and properties over arbitrary text."""

from __future__ import annotations

import datetime
import string

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from awesome_lint.model import LineKind, LinkForm, Marker, Span
from awesome_lint.parse.inline import scan
from awesome_lint.parse.parser import parse

from .conftest import FIXTURES

LISTS = FIXTURES / "lists"


def load(name: str):
    return parse((LISTS / name).read_text(encoding="utf-8"), name)


def counts(doc) -> list[tuple[str, int]]:
    return [(s.heading.text, len(s.entries)) for s in doc.all_sections() if s.heading and s.entries]


@pytest.mark.parametrize(
    "name,expected",
    [
        ("fm_style.md", [("Contrastive", 5), ("Generative", 3)]),
        ("dm_style.md", [("Survey Papers", 3), ("Segmentation", 4)]),
        ("fs_style.md", [("Segmentation", 4)]),
        ("tr_style.md", [("Image Classification", 3)]),
        ("clip_style.md", [("Multi-scale", 3)]),
    ],
)
def test_entry_counts_per_section(name, expected):
    assert counts(load(name)) == expected


def test_block_entry_fields():
    doc = load("fm_style.md")
    e = doc.entries[0]
    assert e.title.text == "Paper 1: Learning Representations for Medical Image Task 1"
    assert e.authors == ("Ann Author1", "Bob Builder1", "Céline Núñez1")
    assert e.authors_italic is True
    assert e.date.value == datetime.date(2023, 9, 28)
    assert e.venue.text == "arXiv, 2023"
    assert [(lk.label, lk.form) for lk in e.links] == [
        ("Paper", LinkForm.BRACKETED),
        ("GitHub", LinkForm.BRACKETED),
    ]
    assert [ln.kind for ln in e.lines] == [
        LineKind.TITLE,
        LineKind.AUTHORS,
        LineKind.DATE_VENUE,
        LineKind.LINKS,
    ]
    assert all(ln.marker is Marker.BR for ln in e.lines)
    assert e.section == "contrastive"


def test_title_line_date_layout():
    e = load("fs_style.md").entries[2]
    assert e.layout == "title-date"
    assert e.title.text == "Paper 2: Learning Representations for Medical Image Task 2."
    assert e.title.span.start_col == 5  # after two spaces of indentation and the **
    assert e.date.value == datetime.date(2021, 2, 11)
    assert e.venue.text == "⚡MICCAI, 2021"
    assert e.authors == ("Ann Author2", "Bob Builder2", "Céline Núñez2")


def test_venue_prefix_layout_with_wrapped_fields():
    doc = load("clip_style.md")
    wrapped_title, wrapped_authors = doc.entries[1], doc.entries[2]
    assert wrapped_title.layout == "venue-prefix"
    assert wrapped_title.venue.text == "arXiv 2023"
    assert (
        wrapped_title.title.text
        == "G2D: From Global to Dense Radiography Representation Learning via Vision-Language Pre-training"
    )
    assert [ln.kind for ln in wrapped_title.lines] == [
        LineKind.TITLE,
        LineKind.TITLE,
        LineKind.AUTHORS,
        LineKind.LINKS,
    ]
    assert wrapped_authors.authors == (
        "David Wood",
        "Emily Guilhem",
        "Ahmed Hammam",
        "Nina Mansoor",
    )
    assert wrapped_title.date is None


def test_mixed_markers_per_line():
    e = load("tr_style.md").entries[0]
    assert [ln.marker for ln in e.lines] == [Marker.BR, Marker.BR, Marker.BACKSLASH, Marker.NONE]
    assert e.lines[0].marker_text == "<br>" and e.lines[0].text.endswith(" <br>")


def test_toc_and_slugs():
    doc = load("fm_style.md")
    assert [(t.anchor, t.depth) for t in doc.toc] == [
        ("survey-papers", 0),
        ("papers", 0),
        ("contrastive", 1),
        ("generative", 1),
    ]
    assert {"survey-papers", "papers", "contrastive", "generative"} <= doc.anchors
    assert doc.headings[0].text == ":fire:Awesome Foundation Models :fire:"


def test_duplicate_heading_slugs_get_suffixes():
    doc = parse("## Healthcare Domain\n\n## Healthcare Domain\n\n## Healthcare Domain\n")
    assert [h.slug for h in doc.headings] == [
        "healthcare-domain",
        "healthcare-domain-1",
        "healthcare-domain-2",
    ]


def test_html_anchor_targets():
    doc = parse('<a name="top"></a>\n\n<div id="refs">x</div>\n\n# Title\n')
    assert {"top", "refs", "title"} <= doc.anchors


def test_two_entries_without_a_blank_line_are_two_entries():
    text = (
        "**First Title**<br>\n*A One*<br>\n[1st Jan., 2023] [arXiv, 2023]<br>\n[[Paper](https://arxiv.org/abs/2301.00001)]<br>\n"
        "**Second Title**<br>\n*B Two*<br>\n[2nd Jan., 2023] [arXiv, 2023]<br>\n[[Paper](https://arxiv.org/abs/2301.00002)]<br>\n"
    )
    assert [e.title.text for e in parse(text).entries] == ["First Title", "Second Title"]


def test_prose_is_not_an_entry():
    text = "**Note:** contributions welcome.\n\n**[Our Survey](https://x.org/s)**\n<br />\nAnn One,\nBob Two\n<br />\n"
    assert parse(text).entries == ()


def test_url_with_balanced_parentheses():
    (lk,) = [x for x in scan("[[Paper]](https://www.cell.com/PIIS2666-6065(24)00042-7/fulltext)")]
    assert lk.url == "https://www.cell.com/PIIS2666-6065(24)00042-7/fulltext"
    assert lk.form is LinkForm.OUTER


def test_crlf_and_bom_parse_like_lf():
    text = (LISTS / "fm_style.md").read_text(encoding="utf-8")
    plain = parse(text)
    other = parse("\ufeff" + text.replace("\n", "\r\n"))
    assert [(e.span, e.title.text) for e in other.entries] == [
        (e.span, e.title.text) for e in plain.entries
    ]


def test_deeply_nested_lists_and_quotes_do_not_crash():
    nested = "".join("  " * i + "- item\n" for i in range(500)) + ">" * 2000 + " deep\n"
    doc = parse(nested)
    assert doc.lines[0] == "- item"


def _text_at(doc, span: Span) -> str:
    lines = doc.lines[span.start_line - 1 : span.end_line]
    if len(lines) == 1:
        return lines[0][span.start_col - 1 : span.end_col - 1]
    return "\n".join([lines[0][span.start_col - 1 :], *lines[1:-1], lines[-1][: span.end_col - 1]])


def test_link_spans_cover_their_source():
    doc = load("fm_style.md")
    for lk in doc.links:
        if lk.form is LinkForm.BRACKETED:
            assert _text_at(doc, lk.span) == f"[[{lk.label}]({lk.url})]"
            assert _text_at(doc, lk.url_span) == lk.url
            assert _text_at(doc, lk.label_span) == lk.label


# --- properties -------------------------------------------------------------------------

_MD = st.text(
    alphabet=st.sampled_from(list("[]()*_`\\<>!#-:. \n\t|~&\"'0123456789abcPDFéü🔥\r\ufeff\u00a0"))
    | st.characters(),
    max_size=400,
)


def _check_span(doc, span: Span):
    n = len(doc.lines)
    assert 1 <= span.start_line <= max(n, 1)
    assert 1 <= span.end_line <= max(n, 1) or (span.end_line == n + 1 and span.end_col == 1)
    assert (span.start_line, span.start_col) <= (span.end_line, span.end_col)
    if span.start_line <= n:
        assert 1 <= span.start_col <= len(doc.lines[span.start_line - 1]) + 1
    if span.end_line <= n:
        assert 1 <= span.end_col <= len(doc.lines[span.end_line - 1]) + 1


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_MD)
def test_parser_never_raises_and_spans_stay_inside(text):
    doc = parse(text)
    for lk in doc.links:
        for span in (lk.span, lk.label_span, lk.url_span):
            _check_span(doc, span)
    for e in doc.entries:
        _check_span(doc, e.span)
        for f in (e.title, e.authors_field, e.venue, e.date_venue):
            if f is not None:
                _check_span(doc, f.span)
        if e.date is not None:
            _check_span(doc, e.date.span)
    for h in doc.headings:
        _check_span(doc, h.span)


_ENTRY_PART = (
    st.text(alphabet=string.ascii_letters + string.digits + " ,.-:éß", min_size=1, max_size=40)
    .map(str.strip)
    .filter(bool)
)


@settings(max_examples=200, deadline=None)
@given(
    # "www.x" in a title is a link on GitHub (GFM autolink), not part of this round trip.
    titles=st.lists(_ENTRY_PART.filter(lambda t: "www." not in t), min_size=1, max_size=6),
    marker=st.sampled_from(["<br>", " <br>", "<br/>", "<br />", " \\", "  "]),
    day=st.integers(1, 28),
    month=st.sampled_from(["Jan.", "Feb.", "May", "June", "Sep", "Oct."]),
    form=st.sampled_from(["[[Paper]({u})]", "[[Paper]]({u})", "[Paper]({u})"]),
)
def test_generated_entries_round_trip(titles, marker, day, month, form):
    blocks = []
    for i, t in enumerate(titles):
        url = f"https://arxiv.org/abs/2301.{i:05d}"
        blocks.append(
            f"**{t}**{marker}\n*Ann One, Bob Two*{marker}\n[{day}th {month}, 2023] [arXiv, 2023]{marker}\n{form.format(u=url)}\n"
        )
    doc = parse("\n".join(blocks))
    assert [e.title.text for e in doc.entries] == [t.strip() for t in titles]
    for i, e in enumerate(doc.entries):
        assert e.authors == ("Ann One", "Bob Two")
        assert e.date.day == day and e.date.year == 2023
        assert [lk.url for lk in e.links] == [f"https://arxiv.org/abs/2301.{i:05d}"]


def test_bare_www_needs_a_domain_and_lower_case():
    # GFM: "www." must be lower case and followed by a domain; "**WWW.**" and "**www.**" are text.
    doc = parse("A **WWW.** and **www.** and WWW.example.org, see www.example.org.\n")
    assert [lk.url for lk in doc.links] == ["www.example.org"]


_BLOCK_LINE = st.sampled_from(
    ["", "Title", "===", "---", "  ---  ", "> quote", "> ===", "- item", "  - sub", "1. one",
     "   ===", "\t---", "***", "```", "~~~", "| a | b |", "|---|---|", "<div>", "# H", "[r]: /u",
     "    code", "- ---", "text *x*", ">", "-", "=", "- a\\", "**Bold**<br>", "+ plus",
     "2) two", "1. ", "___", "|:-|", ":--|", "[x]: /u 'title'", "  > - a", "      b", "\t- t",
     "## ", "<!-- c -->", "  ```", "> > q", "* * *", "10. ten", "| a \\| b |", "|x\\\\|y|",
     "*Authors*<br>", "-foo", "__init__", "+x", "**a", "*-a", "_a_", "--x", "**", "*\ta", "- -x",
     "  *A*", "**Ü**"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(_BLOCK_LINE | st.text(alphabet="=-># |`~<*a \t1.)+[]:_", max_size=8), max_size=12))
def test_block_tokens_match_markdown_it_with_every_rule(lines):
    # The parser leaves out the block rules a text cannot use, asks for a setext heading
    # only where an underline comes before the next blank line, and calls a rule only at a
    # line whose first character can start its block (a mark followed by a letter starts
    # neither a rule nor a bullet): the tokens must not change.
    from markdown_it import MarkdownIt

    from awesome_lint.parse.parser import MAX_NESTING, block_tokens

    text = "\n".join(lines)
    full = MarkdownIt("commonmark", {"maxNesting": MAX_NESTING}).enable("table")
    full.disable("inline")
    env_full: dict = {}
    env_ours: dict = {}
    # Whole tokens: every field (level, attrs, info, hidden...), not only what the parser reads.
    assert block_tokens(text, env_ours) == full.parse(text, env_full)
    assert env_ours == env_full


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=" \t\nab>-*", max_size=40))
def test_block_state_line_tables_match_markdown_it(text):
    # The parser builds markdown-it's line tables with str methods: the same tables as
    # StateBlock's own constructor, for blank, tab-indented and unterminated last lines.
    from markdown_it import MarkdownIt
    from markdown_it.rules_block import StateBlock

    from awesome_lint.parse.parser import _block_state

    md = MarkdownIt("commonmark")
    theirs = StateBlock(text, md, {}, [])
    ours = _block_state(text, md, {}, [])
    for name in ("bMarks", "eMarks", "tShift", "sCount", "bsCount", "lineMax", "src"):
        assert getattr(ours, name) == getattr(theirs, name), name


# Pieces of inline Markdown: brackets, links, bare URLs, code, tags, escapes.
_INLINE = st.lists(
    st.sampled_from(
        list("[]()!<>`\\*_ :/.w\nabu")
        + ["www.", "http://", "<br>", "](u)", "[a]", "( u )", "(<u>)", "[[a]]", "[r]"]
    ),
    max_size=30,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(st.lists(_INLINE, min_size=1, max_size=5), st.booleans())
def test_walk_shortcuts_find_what_the_plain_walk_finds(parts, with_ref):
    # The walk reads "[l](u)", "[[l](u)]" and "[text]" in one match each, and skips the
    # bare-URL search where every "://" and "www." is inside a link's URL: with those
    # shortcuts switched off it must find the same links, comments and code spans.
    import re

    from awesome_lint.parse import inline

    text = "".join(parts) + ("\n\n[r]: /ref" if with_ref else "")
    refs = {"R": inline.Reference("/ref", Span(1, 1, 1, 1))} if with_ref else None
    fast = inline.scan_all(text, refs)
    never = re.compile(r"(?!)")
    saved = {k: getattr(inline, k) for k in ("_SIMPLE_LINK", "_BRACKETED_LINK", "_PLAIN_GROUP")}
    saved_check = inline._all_inside_urls
    try:
        for k in saved:
            setattr(inline, k, never)
        inline._all_inside_urls = lambda s, links: False
        plain = inline.scan_all(text, refs)
    finally:
        for k, v in saved.items():
            setattr(inline, k, v)
        inline._all_inside_urls = saved_check
    assert fast == plain


# Inline text around tags: line breaks, other tags, comments, autolinks, bare URLs.
_AROUND_TAGS = st.lists(
    st.sampled_from(
        [
            "<br>",
            "<br/>",
            "<bR>",
            "<br",
            "br>",
            "<",
            ">",
            "<!--",
            "-->",
            "<http://u>",
            "<a]>",
            '<a href="h://x">',
            "</a>",
            "[",
            "]",
            "(u)",
            "](u)",
            "http://",
            "www.x",
            "`",
            " ",
            "a",
        ]
    ),  # fmt: skip
    max_size=40,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(_AROUND_TAGS.filter(lambda t: "<bR>" not in t))  # ("<bR>" stands for "<br>" below)
def test_walk_reads_a_line_break_as_any_other_tag(text):
    # The walk passes "<br>" at once (a tag without links): read as the general tag reader
    # reads "<bR>" (the same tag to it, of the same length), the links, comments and code
    # spans are the same.
    from awesome_lint.parse import inline

    def back(value):
        if isinstance(value, str):
            return value.replace("<bR>", "<br>")
        if isinstance(value, tuple):
            return (
                type(value)(*map(back, value))
                if hasattr(value, "_fields")
                else tuple(map(back, value))
            )
        if isinstance(value, list):
            return [back(v) for v in value]
        return value

    fast = inline.scan_all(text)
    general = inline.scan_all(text.replace("<br>", "<bR>"))
    assert fast == back(general)


@settings(max_examples=300, deadline=None)
@given(st.lists(_INLINE, min_size=1, max_size=6), st.data())
def test_scan_lines_is_scan_block_of_the_same_lines(lines, data):
    # A block is scanned as a slice of the document, mapped by the document's line table
    # with shortcuts for spans on one line: the same as the block scanned alone and every
    # position mapped by the general mapper.
    from awesome_lint.model import LineIndex, Link
    from awesome_lint.parse.inline import scan_all, scan_block, scan_lines

    lines = [ln.replace("\n", " ") for ln in lines]
    text = "\n".join(["before", *lines, "after"]) + "\n"
    first = data.draw(st.integers(2, len(lines) + 1))
    last = data.draw(st.integers(first, len(lines) + 1))
    block = text.split("\n")[first - 1 : last]
    omap = LineIndex("\n".join(block), first)
    found = scan_all(omap.text)
    expected = (
        [
            Link(
                label=loc.label,
                url=loc.url.strip(),
                form=loc.form,
                span=omap.span(loc.start, loc.end),
                label_span=omap.span(loc.label_start, loc.label_end),
                url_span=omap.span(loc.url_start, loc.url_end),
                line=omap.span(loc.start, loc.end).start_line,
            )
            for loc in found.links
        ],
        [(omap.position(a)[0], body) for a, _, body in found.comments],
    )
    assert tuple(scan_lines(LineIndex(text), first, last)) == expected
    assert tuple(scan_block(first, block)) == expected


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="\n \t=->a", max_size=30))
def test_underline_and_blank_lines_are_the_lines_that_match(text):
    # Setext underlines and blank lines are found at line feeds: the lines whose whole text
    # matches, as "^...$" in multiline mode finds them.
    import re

    from awesome_lint.parse.parser import _BLANK, _UNDERLINE, _line_numbers

    lines = text.split("\n")
    underline = re.compile(r"[ \t>]*(?:=+|-+)[ \t]*")
    blank = re.compile(r"[ \t]*")
    assert _line_numbers(_UNDERLINE, text) == [
        k for k, ln in enumerate(lines) if underline.fullmatch(ln)
    ]
    assert _line_numbers(_BLANK, text) == [k for k, ln in enumerate(lines) if blank.fullmatch(ln)]


_HTML_PIECES = st.lists(
    st.sampled_from(
        ["<", ">", "a", " ", "=", '"', "id", "name", "ID", "NaMe", "<br>", "<a ", "x", "\n", "\t"]
        + ["İ", "ı", "\u00a0"]
    ),
    max_size=25,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(_HTML_PIECES)
def test_anchor_tags_are_the_tags_with_a_name_or_id(text):
    # Only the tags around "name=" or "id=" are read for anchors: every tag with such an
    # attribute must be among them.
    from awesome_lint.parse.htmltags import tags
    from awesome_lint.parse.parser import _anchor_tags

    def with_anchor(found):
        return [t for t in found if any(a.name in ("name", "id") for a in t.attributes)]

    assert with_anchor(_anchor_tags(text)) == with_anchor(tags(text))


@settings(max_examples=500, deadline=None)
@given(
    st.text(alphabet="<br>BR/ \t\\İa*", max_size=12),
    st.sampled_from(["", " ", "  ", "\t", " \t "]),
    st.integers(min_value=0, max_value=2),
)
def test_a_line_ending_in_br_reads_as_the_general_path_reads_it(head, tail, prefix):
    # "<br>" at the end is read without the search for the last "<br" and the tag pattern;
    # "<BR>" takes the general path (the tag is case-insensitive): both must read alike.
    from awesome_lint.parse.entries import _line_fields

    assert _line_fields(head + "<br>" + tail, prefix) == _line_fields(head + "<BR>" + tail, prefix)
