"""``add``'s template (add/template.py): a new entry written by rewriting a model entry of
the list, on small lists in the shapes real lists use. Each case states the exact lines;
the end-to-end runs of ``awesome-lint add`` are in test_add.py."""

from __future__ import annotations

import datetime

import pytest

from awesome_lint.add.template import NewPaper, write_entry
from awesome_lint.parse.author_style import infer_author_style
from awesome_lint.parse.parser import parse

PAPER = NewPaper(
    title="A New Paper About Things",
    authors=("Ann One", "Bob Two", "Cy Three"),
    date=datetime.date(2024, 3, 5),
    arxiv_id="2403.01234",
    doi=None,
    venue=None,
    code=None,
)
CODE = "https://github.com/new/repo"


def written(text: str, line: int, paper: NewPaper = PAPER, **options) -> list[str] | None:
    """The new entry's lines, with the entry on ``line`` as the model."""
    doc = parse(text)
    model = next(e for e in doc.entries if e.line == line)
    return write_entry(doc, model, paper, infer_author_style(doc), **options)


def with_code(paper: NewPaper = PAPER) -> NewPaper:
    return NewPaper(**{**paper.__dict__, "code": CODE})


BULLETS = """# List

## Papers

- **First Paper on Vision** [2023-07] [CVPR 2023] [[paper](https://arxiv.org/abs/2307.00001)] [[code](https://github.com/a/first)]
- **Second Paper on Language** [2023-06] [arXiv 2023] [[paper](https://arxiv.org/abs/2306.00002)]
- **Third Paper on Audio** [2023-05] [ICML 2023] [[paper](https://arxiv.org/abs/2305.00003)] ![Stars](https://img.shields.io/github/stars/a/third)
- **Fourth Paper on Speech** [2023-04] [ICML 2023] [[paper](https://arxiv.org/abs/2304.00004)] [![Stars](https://img.shields.io/github/stars/a/fourth)](https://github.com/a/fourth)
"""
NEW = "- **A New Paper About Things** [2024-03] [arXiv 2024] [[paper](https://arxiv.org/abs/2403.01234)]"


def test_the_models_code_link_is_replaced_by_the_new_one_or_removed():
    assert written(BULLETS, 5, with_code()) == [NEW + f" [[code]({CODE})]"]
    assert written(BULLETS, 5) == [NEW]  # no --code: the model's repository goes


def test_a_code_link_is_added_after_the_paper_link_in_its_form_when_the_model_has_none():
    assert written(BULLETS, 6, with_code(), code_label="GitHub") == [NEW + f" [[GitHub]({CODE})]"]


def test_a_star_badge_shows_the_new_repository_or_goes():
    badge = "![Stars](https://img.shields.io/github/stars/new/repo)"
    assert written(BULLETS, 7, with_code()) == [NEW + f" [[Code]({CODE})] {badge}"]
    assert written(BULLETS, 7) == [NEW]


def test_a_linked_star_badge_gets_the_new_repository_as_badge_and_target():
    badge = f"[![Stars](https://img.shields.io/github/stars/new/repo)]({CODE})"
    assert written(BULLETS, 8, with_code()) == [NEW + f" [[Code]({CODE})] {badge}"]
    assert written(BULLETS, 8) == [NEW]


BLOCKS = """# List

## Papers

**First Paper on Vision**<br>
*Ann One, Bob Two*<br>
[4th Jul., 2023] [CVPR, 2023]<br>
[[Paper](https://arxiv.org/pdf/2307.00001.pdf)] [[Code](https://github.com/a/first)] <img src="https://img.shields.io/github/stars/a/first.svg?style=social"><br>

**Second Paper on Language**<br>
*Cy Three, Di Four*<br>
[3rd Jun., 2023] [arXiv, 2023]<br>
[[Paper](https://doi.org/10.1234/second)]<br>
"""


def test_blocks_keep_the_pdf_form_and_rewrite_an_html_badge():
    assert written(BLOCKS, 5, with_code()) == [
        "**A New Paper About Things**<br>",
        "*Ann One, Bob Two, Cy Three*<br>",
        "[5th Mar., 2024] [arXiv, 2024]<br>",
        f"[[Paper](https://arxiv.org/pdf/2403.01234.pdf)] [[Code]({CODE})] "
        '<img src="https://img.shields.io/github/stars/new/repo.svg?style=social"><br>',
    ]


def test_a_doi_link_as_model_gives_an_arxiv_abs_link_and_a_published_paper_its_doi():
    assert written(BLOCKS, 10)[3] == "[[Paper](https://arxiv.org/abs/2403.01234)]<br>"
    published = NewPaper(
        **{**PAPER.__dict__, "arxiv_id": None, "doi": "10.5555/new", "venue": "Nature Things"}
    )
    lines = written(BLOCKS, 10, published)
    assert lines[2] == "[5th Mar., 2024] [Nature Things, 2024]<br>"
    assert lines[3] == "[[Paper](https://doi.org/10.5555/new)]<br>"


TABLE = """# List

## Papers

| Title | Venue | Date | Code |
|---|---|---|---|
| [First Paper on Vision](https://arxiv.org/abs/2307.00001) | CVPR | 2023-07-04 | [code](https://github.com/a/first) |
| [Second Paper on Language](https://arxiv.org/abs/2306.00002) | arXiv | 2023-06-03 | - |
"""


def test_a_table_row_gets_a_full_date_a_venue_without_year_and_the_lists_empty_cell():
    assert written(TABLE, 7, empty_cell="n/a") == [
        "| [A New Paper About Things](https://arxiv.org/abs/2403.01234) | arXiv | 2024-03-05 | n/a |"
    ]
    assert written(TABLE, 7, with_code()) == [
        f"| [A New Paper About Things](https://arxiv.org/abs/2403.01234) | arXiv | 2024-03-05 | [code]({CODE}) |"
    ]


def test_a_table_row_without_a_code_cell_cannot_take_a_code_link():
    assert written(TABLE, 8, with_code()) is None


@pytest.mark.parametrize(
    "entry",
    [
        # the title split over two lines: not rewritable in place
        "**First Paper\non Vision**<br>\n*Ann One*<br>\n[4th Jul., 2023] [CVPR, 2023]<br>\n"
        "[[Paper](https://arxiv.org/abs/2307.00001)]<br>\n",
        # no paper link to take the new paper's
        "**First Paper on Vision**<br>\n*Ann One*<br>\n[4th Jul., 2023] [CVPR, 2023]<br>\n"
        "[[Code](https://github.com/a/first)]<br>\n",
        # the authors over two lines
        "**First Paper on Vision**<br>\n*Ann One,\nBob Two*<br>\n[4th Jul., 2023] [CVPR, 2023]<br>\n"
        "[[Paper](https://arxiv.org/abs/2307.00001)]<br>\n",
    ],
    ids=["title-two-lines", "no-paper-link", "authors-two-lines"],
)
def test_a_model_that_cannot_be_rewritten_safely_gives_none(entry):
    text = "# List\n\n## Papers\n\n" + entry
    doc = parse(text)
    assert doc.entries, "the model must be read as an entry for this case to mean anything"
    assert write_entry(doc, doc.entries[0], PAPER, infer_author_style(doc)) is None
