"""Entries in the layouts other than the paper block, classic items, and profile detection.

The fixtures in tests/fixtures/lists/*_style.md are modelled on real lists (FORMATS.md):
hfm_style on Jianing-Qiu/Awesome-Healthcare-Foundation-Models (one paper per bullet),
reg_style on Alison-brie/Awesome-Medical-Image-Registration (``* [Venue Year] Title``),
awe_style and py_style on sindresorhus/awesome and vinta/awesome-python (classic items), and
the table, numbered, date-first and date-last fixtures on the shapes FORMATS.md §1 lists.
"""

from __future__ import annotations

import datetime
import json

import pytest

from awesome_lint.model import LineKind, LinkForm
from awesome_lint.parse.profile import detect
from awesome_lint.report.export import document_dict

from .test_parser import LISTS, counts, load


@pytest.mark.parametrize(
    "name,expected",
    [
        # The wrapped ChiMed-GPT bullet is one entry; the doubled "- - [Apex…]" bullet and the
        # dataset table are not papers; the legislation bullets are written like papers.
        (
            "hfm_style.md",
            [
                ("Healthcare Domain", 5),
                ("General Domain", 2),
                ("Healthcare Domain", 2),
                ("AI Legislation", 2),
            ],
        ),
        # "Related Awesome Lists" and "Software" are classic items, not papers.
        (
            "reg_style.md",
            [
                ("Original CNN for Registration", 3),
                ("Iterative Refinement for Registration", 2),
                ("Joint Affine and Deformable Registration", 3),
                ("Hyperparameter Learning in Registration", 1),
            ],
        ),
        ("table_style.md", [("2023", 3)]),  # the Tools table has no title column
        ("numbered_style.md", [("Segmentation", 3)]),
        ("date_first_style.md", [("Detection", 3)]),
        ("date_last_style.md", [("Segmentation", 3)]),
        ("abbr_style.md", [("Medical", 3)]),
        ("awe_style.md", []),
        ("py_style.md", []),
    ],
)
def test_entry_counts_per_section(name, expected):
    assert counts(load(name)) == expected


def test_bullet_fields_and_spans():
    doc = load("hfm_style.md")
    wrapped = doc.entries[1]
    assert wrapped.layout == "bullet"
    assert wrapped.title.text == (
        "ChiMed-GPT: A Chinese Medical Large Language Model with Full Training Regime and Better Alignment to Human Preferences"
    )
    assert (wrapped.title.span.start_line, wrapped.title.span.start_col) == (wrapped.line, 3)
    assert wrapped.title.span.end_line == wrapped.line + 1
    assert [(lk.label, lk.form) for lk in wrapped.links] == [
        ("Paper", LinkForm.OUTER),
        ("Code", LinkForm.OUTER),
    ]
    assert all(ln.kind is LineKind.ITEM for ln in wrapped.lines)
    glued = next(e for e in doc.entries if e.title.text.startswith("Learning Multi-modal"))
    assert glued.title.text.endswith("Surgical Video Lectures")  # no space before [[Paper]]
    parens = next(e for e in doc.entries if "application of multimodal" in e.title.text)
    assert parens.links[0].url.endswith("PIIS2666-6065(24)00042-7/fulltext")
    legislation = next(e for e in doc.entries if e.title.text == "AI Act (EU)")
    assert legislation.links[0].label == "Source"


def test_venue_prefixed_bullets():
    doc = load("reg_style.md")
    first = doc.entries[0]
    assert first.venue.text == "MICCAI Workshop 2017"
    assert first.title.text.startswith("End-to-end unsupervised deformable image registration")
    line = doc.lines[first.venue.span.start_line - 1]
    assert (
        line[first.venue.span.start_col - 1 : first.venue.span.end_col - 1]
        == "MICCAI Workshop 2017"
    )
    same, same_pp = (e for e in doc.entries if e.title.text.startswith("SAME"))
    assert same.title.text.startswith("SAME:") and same_pp.title.text.startswith("SAME++:")
    # Items of the "Related Awesome Lists" and "Software" sections are classic items.
    assert [i.name for i in doc.items] == [
        "Awesome Optical Flow",
        "Awesome Medical Imaging",
        "ANTs",
        "FireANTs (GPU)",
    ]


def test_abbreviated_bullets():
    medsam, med2d, msa = load("abbr_style.md").entries
    assert (medsam.title.text, medsam.venue.text) == (
        "Segment Anything in Medical Images",
        "Nature Communications, 2024",
    )
    assert (med2d.title.text, med2d.venue.text) == ("SAM-Med2D", "arXiv, 2023")
    assert msa.title.text.startswith("Medical SAM Adapter: Adapting")
    assert [lk.label for lk in medsam.links] == ["Paper", "Code"]


def test_table_rows():
    doc = load("table_style.md")
    first, bold, linked = doc.entries
    assert first.layout == "table"
    assert (first.title.text, first.venue.text, first.authors) == (
        "Segment Anything in Medical Images",
        "Nature Communications",
        ("Ma",),
    )
    assert (
        first.date.raw == "202304" and first.date.value is None and first.date.problem is None
    )  # month only: no day invented
    assert (bold.title.text, bold.title_bold) == ("SAM-Med2D", True)
    assert linked.title.text == "Medical SAM Adapter"
    assert [lk.label for lk in linked.links] == ["Medical SAM Adapter", "Code"]


def test_numbered_items_with_labelled_sub_items():
    doc = load("numbered_style.md")
    sam, med2d, medsam2 = doc.entries
    assert sam.layout == "numbered"
    assert sam.date.value == datetime.date(2023, 4, 24)
    assert sam.venue.text == "Nature Communications 2024"
    assert sam.authors == ("Jun Ma", "Yuting He", "Feifei Li")
    assert [lk.label for lk in sam.links] == ["Paper", "Code"]
    assert [ln.kind for ln in sam.lines] == [
        LineKind.TITLE,
        LineKind.DATE_VENUE,
        LineKind.DATE_VENUE,
        LineKind.AUTHORS,
        LineKind.LINKS,
    ]
    assert med2d.date.value == datetime.date(2023, 8, 28)
    assert (medsam2.title.text, medsam2.title_bold, medsam2.venue.text) == (
        "MedSAM2: Segment Anything in 3D Medical Images and Videos",
        True,
        "arXiv 2025",
    )
    assert not doc.items  # the sub-items are fields, not classic items


def test_date_first_and_date_last_blocks():
    first = load("date_first_style.md").entries[1]
    assert first.layout == "date-first"
    assert (first.title.text, first.date.value, first.venue.text) == (
        "Paper Two: Detecting Nodules in CT",
        datetime.date(2023, 9, 10),
        "MICCAI, 2023",
    )
    assert first.authors == ("Céline Núñez", "Bob Builder")
    assert first.span.start_line == first.date.span.start_line
    last = load("date_last_style.md").entries[2]
    assert last.layout == "date-last"
    assert (last.date.value, last.venue.text) == (
        datetime.date(2023, 4, 24),
        "Nature Communications 2024",
    )
    assert [lk.label for lk in last.links] == ["Paper", "Code"]


def test_classic_items():
    doc = load("awe_style.md")
    node, cross, frontend, ios, transit, js, promises, standard, python = doc.items
    assert (node.name, node.separator.text, node.description.text) == (
        "Node.js",
        " - ",
        "Async non-blocking event-driven JavaScript runtime.",
    )
    assert (cross.depth, cross.group) == (1, node.line + 1)  # a tab-indented sub-list
    assert frontend.description is None and frontend.separator is None
    assert transit.separator.text == " – "
    assert transit.description.span.start_col == transit.separator.span.end_col
    assert promises.depth == 1 and standard.group == promises.group
    assert not doc.entries


def test_classic_items_under_group_bullets():
    doc = load("py_style.md")
    names = [i.name for i in doc.items]
    # "- Synchronous" and "- Django" are group labels, not items; the ToC links are not items.
    assert names[:4] == ["flask", "awesome-flask", "django", "starlette"]
    assert "Web Frameworks" not in names and "Synchronous" not in names
    flask = doc.items[0]
    assert flask.depth == 1
    assert doc.items[1].depth == 2


@pytest.mark.parametrize(
    "name,profile",
    [
        ("hfm_style.md", "paper"),
        ("reg_style.md", "paper"),
        ("table_style.md", "paper"),
        ("numbered_style.md", "paper"),
        ("awe_style.md", "classic"),
        ("py_style.md", "classic"),
    ],
)
def test_profile_detection(name, profile):
    assert detect(load(name)) == profile


# Counted by hand in each fixture: (paper entries, classic items). The classic lists have
# items and no entries; hfm_style and reg_style have both.
HAND_COUNTED = {
    "abbr_style.md": (3, 0),
    "awe_style.md": (0, 9),
    "clip_style.md": (3, 0),
    "date_first_style.md": (3, 0),
    "date_last_style.md": (3, 0),
    "dm_style.md": (7, 0),
    "fm_style.md": (8, 0),
    "fs_style.md": (4, 0),
    "hfm_style.md": (11, 2),
    "numbered_style.md": (3, 0),
    "py_style.md": (0, 10),
    "reg_style.md": (9, 4),
    "table_style.md": (3, 0),
    "tr_style.md": (3, 0),
}


def test_every_fixture_is_hand_counted():
    assert set(HAND_COUNTED) == {p.name for p in LISTS.glob("*_style.md")}


@pytest.mark.parametrize("name", sorted(HAND_COUNTED))
def test_export_lists_every_entry_and_item(name):
    exported = json.loads(json.dumps(document_dict(load(name))))
    source = (LISTS / name).read_text(encoding="utf-8").split("\n")

    def walk(sections):
        for s in sections:
            yield s
            yield from walk(s["sections"])

    sections = list(walk(exported["sections"]))
    entries = [e for s in sections for e in s["entries"]]
    items = [i for s in sections for i in s.get("items", [])]
    assert (len(entries), len(items)) == HAND_COUNTED[name]
    for e in entries:
        # The title is the source's, on or just after the line the entry starts on.
        assert e["title"] and e["title"] in " ".join(source[e["line"] - 1 : e["line"] + 2])
    for i in items:
        line = source[i["line"] - 1]
        assert f"[{i['name']}]({i['url']})" in line, (i, line)
