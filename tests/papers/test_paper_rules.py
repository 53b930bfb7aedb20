"""The paper rules on small lists, with results as the clients would hand them back."""

from __future__ import annotations

import datetime

import pytest

from awesome_lint.api import fix_text, lint_text
from awesome_lint.paper_check import to_query
from awesome_lint.papers.records import PaperRecord, PaperResult, Status
from awesome_lint.parse.author_style import AuthorStyle, infer_author_style, strip_et_al
from awesome_lint.parse.identity import paper_ref
from awesome_lint.parse.parser import parse

from ..conftest import TODAY, only


def record(i, title, authors, first, latest=None, **kw) -> PaperResult:
    rec = PaperRecord(
        "arxiv",
        f"arxiv:{i}",
        title,
        tuple(authors),
        datetime.date.fromisoformat(first),
        datetime.date.fromisoformat(latest or first),
        **kw,
    )
    return PaperResult(f"arxiv:{i}", Status.FOUND, rec)


def entry(title, authors, date, venue, url, br="<br>"):
    return f"**{title}**{br}\n*{authors}*{br}\n[{date}] [{venue}]{br}\n[[Paper]({url})]{br}\n"


def findings(text, results, *rules):
    res = lint_text(text, config=only(*rules), today=TODAY, paper_results=results)
    return [(v.line, v.name, v.message) for v in res.violations]


def test_paper_rules_do_not_run_without_check_papers():
    text = entry(
        "A title", "A B", "1st Jan., 2023", "arXiv, 2023", "https://arxiv.org/abs/2301.00001"
    )
    assert lint_text(text, config=only("AL5"), today=TODAY).violations == ()


def test_paper_ref_finds_ids_in_links_text_and_dois():
    doc = parse(
        "**One**<br>\n*A*<br>\n[[Paper](https://arxiv.org/pdf/2309.05904v2.pdf)]<br>\n\n"
        "**Two** arXiv:hep-th/9901001v2<br>\n*A*<br>\n\n"
        "**Three**<br>\n*A*<br>\n[[Paper](https://doi.org/10.1609/AAAI.v36i3.20204)]<br>\n\n"
        "**Four** doi 10.3390/bioengineering10030380<br>\n*A*<br>\n[1st Jan., 2023] [Bio, 2023]<br>\n\n"
        "**Five: a title only**<br>\n*A*<br>\n[1st Jan., 2022] [AAAI, 2022]<br>\n[[Paper](https://ojs.aaai.org/x)]<br>\n",
        "x.md",
    )
    refs = [paper_ref(e) for e in doc.entries]
    assert [r.key for r in refs] == [
        "arxiv:2309.05904",
        "arxiv:hep-th/9901001",
        "doi:10.1609/aaai.v36i3.20204",
        "doi:10.3390/bioengineering10030380",
        "title:five a title only|2022",
    ]
    # The question asked is the one the rules look the answer up by.
    assert [to_query(r).key for r in refs] == [r.key for r in refs]


def test_title_mismatch_ignores_case_punctuation_and_latex():
    res = {
        "arxiv:2301.00001": record(
            "2301.00001", "$\\alpha$-Net: {GAN}s for   Segmentation", ["A B"], "2023-01-01"
        )
    }
    same = entry(
        "Alpha-net: GANs for segmentation",
        "A B",
        "1st Jan., 2023",
        "arXiv, 2023",
        "https://arxiv.org/abs/2301.00001",
    )
    assert findings(same, res, "title-mismatch") == []
    other = entry(
        "Alpha-Net for Segmentation",
        "A B",
        "1st Jan., 2023",
        "arXiv, 2023",
        "https://arxiv.org/abs/2301.00001",
    )
    ((line, _name, message),) = findings(other, res, "title-mismatch")
    assert line == 1 and '"α-Net: GANs for Segmentation"' in message
    assert findings(same.replace("Alpha-net", "α-Net"), res, "title-mismatch") == []


AUTHORS = ["Jun Ma", "Yuting He", "Feifei Li", "Lin Han", "Chenyu You", "Bo Wang"]


@pytest.mark.parametrize(
    "written,problem",
    [
        ("Jun Ma, Yuting He, Feifei Li, Lin Han, Chenyu You, Bo Wang", None),
        ("J. Ma, Yuting He, Feifei Li, Lin Han, Chenyu You, Bo Wang", None),
        (
            "Jun Ma, Yuting He, Feifei Li, Lin Han, Chenyu You",
            'lists 5 of the paper\'s 6 authors; missing "Bo Wang"',
        ),
        ("Jun Ma, Yuting He, et al.", None),
        (
            "Jun Ma, Yuting Ho, Feifei Li, Lin Han, Chenyu You, Bo Wang",
            '"Yuting Ho" is written "Yuting He" on the paper',
        ),
        ("Yuting He, Jun Ma, Feifei Li, Lin Han, Chenyu You, Bo Wang", "authors out of order"),
        (
            "Jun Ma, Yuting He, Feifei Li, Lin Han, Chenyu You, Bo Wang, Ann Other",
            '"Ann Other" is not an author',
        ),
    ],
)
def test_author_mismatch(written, problem):
    res = {
        "arxiv:2304.12306": record(
            "2304.12306", "Segment Anything in Medical Images", AUTHORS, "2023-04-24"
        )
    }
    text = entry(
        "Segment Anything in Medical Images",
        written,
        "24th Apr., 2023",
        "arXiv, 2023",
        "https://arxiv.org/abs/2304.12306",
    )
    found = findings(text, res, "author-mismatch")
    if problem is None:
        assert found == []
    else:
        ((_line, _name, message),) = found
        assert problem in message


def test_author_fix_keeps_the_lists_et_al_truncation():
    res = {
        "arxiv:2304.12306": record(
            "2304.12306", "Segment Anything in Medical Images", AUTHORS, "2023-04-24"
        )
    }
    others = "".join(
        "\n"
        + entry(
            f"Paper {n}",
            "Ann Bee, Cy Dee, Eve Eff, et al.",
            "1st Jan., 2023",
            "arXiv, 2023",
            f"https://example.org/{n}",
        )
        for n in range(3)
    )
    text = (
        entry(
            "Segment Anything in Medical Images",
            "Jun Ma, Bo Wang, et al.",
            "24th Apr., 2023",
            "arXiv, 2023",
            "https://arxiv.org/abs/2304.12306",
        )
        + others
    )
    fixed, _result, applied = fix_text(
        text, config=only("author-mismatch"), today=TODAY, paper_results=res, unsafe=True
    )
    assert applied == 1
    assert fixed.splitlines()[1] == "*Jun Ma, Yuting He, Feifei Li, et al.*<br>"


def test_date_mismatch_follows_the_lists_habit_of_latest_versions():
    results = {}
    parts = []
    for n in range(4):
        i = f"2301.0000{n}"
        results[f"arxiv:{i}"] = record(i, f"Paper {n}", ["A B"], "2023-01-02", "2023-03-10")
        date = "10th Mar., 2023" if n < 3 else "5th Feb., 2023"
        parts.append(entry(f"Paper {n}", "A B", date, "arXiv, 2023", f"https://arxiv.org/abs/{i}"))
    text = "\n".join(parts)
    ((_line, _name, message),) = findings(text, results, "date-mismatch")
    assert 'the latest version\'s date is "10th Mar., 2023"' in message
    fixed, _r, applied = fix_text(
        text, config=only("date-mismatch"), today=TODAY, paper_results=results, unsafe=True
    )
    assert applied == 1 and fixed.count("[10th Mar., 2023]") == 4


def test_date_mismatch_tolerates_a_day_and_accepts_either_version():
    results = {"arxiv:2301.00001": record("2301.00001", "P", ["A B"], "2023-01-02", "2023-03-10")}
    for date in ("3rd Jan., 2023", "1st Jan., 2023", "10th Mar., 2023"):
        text = entry("P", "A B", date, "arXiv, 2023", "https://arxiv.org/abs/2301.00001")
        assert findings(text, results, "date-mismatch") == [], date


def test_stale_venue_names_what_was_found():
    res = {
        "arxiv:2307.07246": record(
            "2307.07246", "K", ["A B"], "2023-07-14", journal_ref="MICCAI 2023", doi="10.1007/x"
        )
    }
    text = entry("K", "A B", "14th Jul., 2023", "arXiv, 2023", "https://arxiv.org/abs/2307.07246")
    ((_l, _n, message),) = findings(text, res, "stale-venue")
    assert '"MICCAI 2023"' in message
    published = text.replace("arXiv, 2023", "MICCAI, 2023")
    assert findings(published, res, "stale-venue") == []


def test_unknown_and_withdrawn_papers_are_errors_but_title_misses_are_not():
    results = {
        "arxiv:2301.99999": PaperResult("arxiv:2301.99999", Status.UNKNOWN),
        "arxiv:2302.07257": PaperResult(
            "arxiv:2302.07257",
            Status.WITHDRAWN,
            record("2302.07257", "C", ["A B"], "2023-02-14").record,
        ),
        "title:a paper on a publisher page|2022": PaperResult(
            "title:a paper on a publisher page|2022", Status.UNKNOWN
        ),
    }
    text = "\n".join(
        [
            entry("U", "A B", "1st Jan., 2023", "arXiv, 2023", "https://arxiv.org/abs/2301.99999"),
            entry("C", "A B", "14th Feb., 2023", "arXiv, 2023", "https://arxiv.org/abs/2302.07257"),
            entry(
                "A paper on a publisher page",
                "A B",
                "1st Jan., 2022",
                "AAAI, 2022",
                "https://ojs.aaai.org/1",
            ),
        ]
    )
    found = findings(text, results, "unknown-paper")
    assert [(line, "does not exist" in m, "withdrawn" in m) for line, _n, m in found] == [
        (4, True, False),
        (9, False, True),
    ]


def test_errors_give_no_verdict():
    results = {"arxiv:2301.00001": PaperResult("arxiv:2301.00001", Status.ERROR, error="HTTP 503")}
    text = entry("P", "A B", "1st Jan., 2023", "arXiv, 2023", "https://arxiv.org/abs/2301.00001")
    assert findings(text, results, "AL5", "missing-authors") == []


@pytest.mark.parametrize(
    "lines,expected",
    [
        (["A B, C D, E F", "G H, I J", "K L"], AuthorStyle()),
        (["A B, C D, and E F", "G H, I J, and K L", "M N"], AuthorStyle(last_joiner=", and ")),
        (["A B, C D, E F, et al.", "G H, I J, K L, et al.", "M N"], AuthorStyle(et_al_after=3)),
        (["A B, C D.", "G H, I J.", "K L."], AuthorStyle(period=True)),
        (["A B; C D; E F", "G H; I J", "K L"], AuthorStyle(separator="; ")),
    ],
)
def test_author_style_is_learnt_from_the_list(lines, expected):
    text = "\n".join(
        entry(f"T{n}", a, "1st Jan., 2023", "X, 2023", f"https://e.org/{n}")
        for n, a in enumerate(lines)
    )
    style = infer_author_style(parse(text, "x.md"))
    assert style == expected
    assert (
        style.write(["Ann One", "Bob Two", "Cy Three", "Di Four"])
        == {
            AuthorStyle(): "Ann One, Bob Two, Cy Three, Di Four",
            AuthorStyle(last_joiner=", and "): "Ann One, Bob Two, Cy Three, and Di Four",
            AuthorStyle(et_al_after=3): "Ann One, Bob Two, Cy Three, et al.",
            AuthorStyle(period=True): "Ann One, Bob Two, Cy Three, Di Four.",
            AuthorStyle(separator="; "): "Ann One; Bob Two; Cy Three; Di Four",
        }[expected]
    )


def test_strip_et_al():
    assert strip_et_al(("A B", "C D", "et al.")) == (("A B", "C D"), True)
    assert strip_et_al(("A B", "C D et al")) == (("A B", "C D"), True)
    assert strip_et_al(("A B",)) == (("A B",), False)


def test_title_mismatch_leaves_the_lists_additions_alone():
    res = {
        "arxiv:2305.09617": record(
            "2305.09617",
            "Towards Expert-Level Medical Question Answering with Large Language Models",
            ["A B"],
            "2023-05-16",
        )
    }
    prefixed = "- Med-PaLM 2: Towards Expert-Level Medical Question Answering with Large Language Models [[Paper]](https://arxiv.org/pdf/2305.09617.pdf)\n"
    quoted = '1. "Towards Expert-Level Medical Question Answering with Large Language Models" [2023-05] [[paper](https://arxiv.org/abs/2305.09617)]\n'
    cut = "- Towards Expert-Level Medical Question Answering [[Paper]](https://arxiv.org/pdf/2305.09617.pdf)\n"
    assert findings(prefixed, res, "title-mismatch") == []
    assert findings(quoted, res, "title-mismatch") == []
    assert len(findings(cut, res, "title-mismatch")) == 1  # cut short: the paper's title


def test_middle_names_and_initials_are_the_same_person():
    res = {
        "arxiv:2308.00001": record("2308.00001", "P", ["Thomas J. Montine", "Jun Ma"], "2023-08-01")
    }
    for written in ("Thomas Montine, Jun Ma", "T. Montine, J. Ma", "Thomas J. Montine, Jun Ma"):
        text = entry(
            "P", written, "1st Aug., 2023", "arXiv, 2023", "https://arxiv.org/abs/2308.00001"
        )
        assert findings(text, res, "author-mismatch") == [], written
    text = entry(
        "P",
        "Thomas Montine, Jian Ma",
        "1st Aug., 2023",
        "arXiv, 2023",
        "https://arxiv.org/abs/2308.00001",
    )
    assert len(findings(text, res, "author-mismatch")) == 1


def test_a_rule_firing_on_most_entries_has_misread_the_list():
    """A list writing names family-first, or conference dates, is not wrong on every entry."""
    results, parts = {}, []
    for n in range(5):
        i = f"2301.0001{n}"
        results[f"arxiv:{i}"] = record(i, f"Paper {n}", ["Ann Bee", "Cy Dee"], "2023-01-02")
        parts.append(
            entry(
                f"Paper {n}",
                "Bee A., Dee C.",
                "20th Jun., 2023",
                "MICCAI, 2023",
                f"https://arxiv.org/abs/{i}",
            )
        )
    text = "\n".join(parts)
    assert findings(text, results, "author-mismatch", "date-mismatch") == []
    # One entry off in a list that otherwise agrees is reported.
    agreeing = "\n".join(
        p.replace("Bee A., Dee C.", "Ann Bee, Cy Dee").replace("20th Jun.", "2nd Jan.")
        for p in parts[:4]
    )
    odd = parts[4].replace("Bee A., Dee C.", "Ann Bee, Cy Doe")
    assert [
        n
        for _l, n, _m in findings(
            agreeing + "\n" + odd, results, "author-mismatch", "date-mismatch"
        )
    ] == [
        "author-mismatch",
        "date-mismatch",
    ]
