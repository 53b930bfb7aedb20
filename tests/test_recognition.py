"""Entry recognition on layouts no dedicated recogniser knows (layouts/units.py, roles.py).

Each fixture in tests/fixtures/recognition/ is a small excerpt (under 40 lines) of a real list
in the corpus (its first line names the list); NAME.json next to it is the expected export of
its entries. Regenerate after a deliberate change with
``AWESOME_LINT_REGEN=1 pytest tests/test_recognition.py`` and review the diff by hand.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from awesome_lint.model import Span
from awesome_lint.parse.layouts.roles import find_date, find_venue, looks_like_authors
from awesome_lint.parse.parser import parse
from awesome_lint.parse.template import template_for, templates
from awesome_lint.report.export import date_fields, entry_dict, to_bibtex, to_csv

FIXTURES = Path(__file__).parent / "fixtures" / "recognition"
CASES = sorted(p.stem for p in FIXTURES.glob("*.md"))


def export(name: str) -> dict:
    doc = parse((FIXTURES / f"{name}.md").read_text(encoding="utf-8"), f"{name}.md")
    return {"entries": [entry_dict(e) for e in doc.entries], "items": len(doc.items)}


def test_at_least_twelve_layouts_each_under_forty_lines():
    assert len(CASES) >= 12
    for name in CASES:
        assert len((FIXTURES / f"{name}.md").read_text(encoding="utf-8").splitlines()) < 40


@pytest.mark.parametrize("name", CASES)
def test_export_matches_expected(name):
    got = export(name)
    expected_path = FIXTURES / f"{name}.json"
    if os.environ.get("AWESOME_LINT_REGEN"):
        expected_path.write_text(json.dumps(got, ensure_ascii=False, indent=2) + "\n", "utf-8")
    assert got == json.loads(expected_path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", CASES)
def test_every_entry_has_a_clean_title_and_a_link(name):
    for e in export(name)["entries"]:
        assert e["title"] and "](" not in e["title"] and not e["title"].startswith("**")
        assert e["links"], e


def test_fields_by_content():
    got = export("link_authors_venue_pipes")["entries"][0]
    assert got["title"] == "IBRNet: Learning Multi-View Image-Based Rendering"
    assert got["authors"] == ["Wang", "et al."]  # "et al." kept as written
    assert got["venue"] == "CVPR 2021"
    assert [lk["label"] for lk in got["links"]][1:] == ["github", "bibtex"]
    sub = export("bold_title_sub_items")["entries"][0]
    assert sub["venue"] == "AAAI 2022" and sub["authors"][-1] == "João Marques-Silva"
    assert sub["title"].endswith("Tree Ensembles")  # "(AAAI 2022)" left the title


def test_year_and_month_headings_date_their_entries():
    month = export("month_heading_plain_title")["entries"][0]
    assert (month["date"], month["date_precision"]) == ("2017-05", "month")
    year = export("numbered_bold_link_indented_authors")["entries"][0]
    assert (year["date"], year["date_precision"], year["venue"]) == ("2024", "year", "Preprint'24")


def test_a_table_without_a_title_column_is_read_by_its_cells():
    rows = export("table_without_title_column")["entries"]
    assert [r["title"] for r in rows][:2] == ["AlexNet", "VGG"]
    assert rows[0]["date"] == "2012"


def test_classic_items_stay_classic():
    text = "# Awesome X\n\n## Tools\n\n" + "".join(
        f"- [Tool{k}](https://tool{k}.example.org) - Does thing {k}.\n" for k in range(6)
    )
    doc = parse(text)
    assert doc.entries == () and len(doc.items) == 6


@pytest.mark.parametrize(
    "text,raw,precision",
    [
        ("12th Sep., 2023", "12th Sep., 2023", "day"),
        ("16 Oct 2023", "16 Oct 2023", "day"),
        ("2023-09-12", "2023-09-12", "day"),
        ("[2024-09]", "2024-09", "month"),
        ("[2024.05]", "2024.05", "month"),
        ("202511", "202511", "month"),
        ("(Feb., 2025)", "Feb., 2025", "month"),
        ("Sep 2023", "Sep 2023", "month"),
        ("(2015)", "2015", "year"),
        ("10/22/21", "10/22/21", "day"),
    ],
)
def test_dates_in_every_spelling(text, raw, precision):
    d = find_date(text, lambda a, b: Span(1, a + 1, 1, b + 1))
    assert d is not None and d.raw == raw and date_fields(d)[1] == precision


@pytest.mark.parametrize(
    "text,venue",
    [
        ("Wang et al., CVPR 2021", "CVPR 2021"),
        ("Preprint'24", "Preprint'24"),
        ("Emre Akbas. CVPR 2019", "CVPR 2019"),
        ("NAACL-HLT 2019", "NAACL-HLT 2019"),
        ("arXiv 2023.", "arXiv 2023"),
    ],
)
def test_venues(text, venue):
    span = find_venue(text)
    assert span is not None and text[span[0] : span[1]].rstrip(".") == venue


def test_authors_and_not_authors():
    assert looks_like_authors("Haewon Jeong, Hao Wang, Flávio P. Calmon")
    assert looks_like_authors("Chen et al.")
    assert not looks_like_authors("A web framework for perfectionists, with deadlines")


def test_template_is_the_section_majority_with_an_example():
    doc = parse((FIXTURES / "link_authors_venue_pipes.md").read_text(encoding="utf-8"))
    known = templates(doc)
    t = template_for(doc, doc.entries[0], known)
    assert t is not None and t.count > t.total / 2 and t.example in doc.entries
    assert t.shape[0] == "title:link" and "venue" in t.shape


def test_csv_and_bibtex():
    doc = parse((FIXTURES / "link_authors_venue_pipes.md").read_text(encoding="utf-8"), "x.md")
    rows = to_csv([doc]).splitlines()
    assert rows[0].startswith("path,line,section,title,authors")
    assert len(rows) == len(doc.entries) + 1
    bib = to_bibtex([doc])
    assert bib.count("@misc{") == len(doc.entries)
    assert "author = {Wang and others}" in bib and "year = {2021}" in bib
    arxiv = parse(
        "## P\n\n- [A Paper About Things](https://arxiv.org/abs/2101.05204v2), Doe et al., CVPR 2021\n- [B Paper](https://arxiv.org/abs/2102.00001), Roe et al., ICCV 2021\n- [C Paper](https://arxiv.org/abs/2103.00001), Poe et al., ECCV 2022\n"
    )
    assert "eprint = {2101.05204}" in to_bibtex([arxiv])


# Segmenting never loses or duplicates a line: documents assembled from the fixtures' lines.
_LINES = [
    ln
    for name in CASES
    for ln in (FIXTURES / f"{name}.md").read_text(encoding="utf-8").splitlines()
    if not ln.startswith("<!--")
]


def _check_segmentation(text: str) -> None:
    doc = parse(text)
    owner: dict[int, str] = {}
    for kind, spans in (
        ("entry", [(e.span, e) for e in doc.entries]),
        ("item", [(i.span, i) for i in doc.items]),
    ):
        for span, thing in spans:
            for n in range(span.start_line, span.end_line + 1):
                assert n not in owner, f"line {n} in two units ({owner[n]}, {kind})"
                owner[n] = kind
    for e in doc.entries:
        numbers = [ln.number for ln in e.lines]
        assert numbers == sorted(set(numbers)), "an entry repeats a line"
        for ln in e.lines:
            assert ln.text == doc.lines[ln.number - 1], "an entry changed a line's text"
        inside = {
            n
            for n in range(e.span.start_line, e.span.end_line + 1)
            if doc.lines[n - 1].strip() and n not in doc.opaque_lines
        }
        assert inside <= set(numbers) | doc.opaque_lines, "an entry lost a line of its span"


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.one_of(st.sampled_from(_LINES), st.just(""), st.just("## Section")),
        min_size=1,
        max_size=40,
    )
)
def test_segmenting_never_loses_or_duplicates_a_line(lines):
    _check_segmentation("\n".join(lines) + "\n")


@pytest.mark.parametrize("name", CASES)
def test_fixture_segmentation(name):
    _check_segmentation((FIXTURES / f"{name}.md").read_text(encoding="utf-8"))


def test_a_link_labelled_with_a_venue_gives_the_venue():
    text = (
        "## Papers\n\n**Language-Informed Visual Concept Learning** \\\n"
        "[[ICLR 2024](https://arxiv.org/abs/2312.03587)]\n"
        "[[Code](https://github.com/example/code)]\n\n"
        "**Diffusion Illusions: Hiding Images in Plain Sight** \\\n"
        "[[Website](https://arxiv.org/abs/2312.03817)]\n"
    )
    first, second = parse(text).entries
    assert first.venue is not None and first.venue.text == "ICLR 2024"
    assert second.venue is None  # "Website" names no venue


def test_bare_date_line_and_venue_at_the_start_of_the_links_line():
    # The shape the issue names: "arXiv 2023. [[Paper](u)] \" then a bare "16 Oct 2023".
    text = "## Seg\n\n" + "\n".join(
        f"**{title}** \\\n*{authors}* \\\n{venue}. [[Paper](https://arxiv.org/abs/{aid})] \\\n{date}\n"
        for title, authors, venue, aid, date in (
            ("Segment Anything in Medical Images", "Jun Ma, Bo Wang", "arXiv 2023", "2304.12306", "16 Oct 2023"),
            ("SAM-Med2D", "Junlong Cheng, Jin Ye", "arXiv 2023", "2308.16184", "30 Aug 2023"),
            ("MedSAM2", "Jun Ma, Sumin Kim", "MICCAI 2024", "2408.03322", "6 Aug 2024"),
        )
    )  # fmt: skip
    entries = parse(text).entries
    assert [e.venue.text for e in entries] == ["arXiv 2023", "arXiv 2023", "MICCAI 2024"]
    assert [e.date.value.isoformat() for e in entries] == ["2023-10-16", "2023-08-30", "2024-08-06"]
    from awesome_lint.api import lint_text

    assert [v.name for v in lint_text(text, "x.md").violations] == []


def test_shapes_the_issue_names():
    numbered = parse(
        "## P\n\n"
        + "".join(
            f"{k + 1}. [**Paper Title {k} About Things.**](https://arxiv.org/abs/2301.0000{k}) "
            f"_Ann Lee, Bo Chen._ NeurIPS 2023. "
            "[![Star](https://img.shields.io/github/stars/a/b.svg)](https://github.com/a/b)\n"
            for k in range(3)
        )
    )
    assert len(numbered.entries) == 3 and numbered.items == ()
    e = numbered.entries[0]
    assert (e.title.text, e.authors, e.venue.text) == (
        "Paper Title 0 About Things",
        ("Ann Lee", "Bo Chen"),
        "NeurIPS 2023",
    )
    kbd = parse(
        "## P\n\n"
        + "".join(
            f"- [Paper Title {k} About Things](https://arxiv.org/abs/2301.0000{k}) <kbd>CVPR 2023</kbd>\n"
            for k in range(3)
        )
    )
    assert [e.venue.text for e in kbd.entries] == ["CVPR 2023"] * 3
    table = parse(
        "## P\n\n| Date | Authors | Title | Code |\n|---|---|---|---|\n"
        + "".join(
            f"| 20251{k} | A. Liu et al. | Paper Title {k} About Things "
            f"[(paper)](https://arxiv.org/abs/2511.0000{k}) | [Code](https://github.com/a/b{k}) |\n"
            for k in range(3)
        )
    )
    row = entry_dict(table.entries[0])
    assert (row["title"], row["authors"], row["date"], row["date_precision"]) == (
        "Paper Title 0 About Things",
        ["A. Liu", "et al."],
        "2025-10",
        "month",
    )
    badges = parse(
        "## Tools\n\n"
        + "".join(
            f"- [![CI](https://ci.example.org/b{k}.svg)](https://ci.example.org/{k}) "
            f"[Tool{k}](https://tool{k}.example.org) - Does thing {k}.\n"
            for k in range(3)
        )
    )
    assert [i.name for i in badges.items] == ["Tool0", "Tool1", "Tool2"]
    assert badges.items[0].description.text == "Does thing 0."


def test_a_year_alone_before_the_title_and_a_note_after_the_short_name_are_read():
    """subeeshvasu writes `2014 - Title` beside `2008-NIPS - Title`; codefuse writes
    `**CuBERT** (MLM + NSP): "Title"` beside `**CodeSSM**: "Title"`. Read as the list's
    maintainer reads them, neither gets "has no date" nor "title not bold"."""
    from awesome_lint.api import lint_text

    for name, rule in (
        ("year_dash_title", "malformed-date-venue"),
        ("bold_name_note_quoted_title", "title-not-bold"),
    ):
        text = (FIXTURES / f"{name}.md").read_text(encoding="utf-8")
        assert [v for v in lint_text(text).violations if v.name == rule] == []
