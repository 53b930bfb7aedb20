"""Judging like a maintainer (issue 11): small excerpts of real corpus lists, each asserting
the finding that should be there and the absence of the false one it used to get.

Where an excerpt carries a planted defect, the docstring of its test says which line.
"""

from __future__ import annotations

import re

from awesome_lint.api import lint_text

from .conftest import FIXTURES, TODAY

JUDGING = FIXTURES / "judging"


def findings(name: str, rule: str) -> list[tuple[int, str]]:
    text = (JUDGING / name).read_text(encoding="utf-8")
    return [(v.line, v.message) for v in lint_text(text, today=TODAY).violations if v.name == rule]


def test_links_on_their_own_source_lines_are_the_lists_style():
    """Westlake-AI/Awesome-Mixup writes `ICLR'2018 [[Paper](u)]` and `[[Code](u)]` on two
    source lines without a break, on purpose; line 31 (AugMix's title) lost its `<br>`."""
    found = findings("westlake_mixup.md", "missing-line-break")
    assert [line for line, _ in found] == [31]
    assert "4 other title lines before an authors line end with one, e.g. line 5" in found[0][1]


def test_links_each_on_a_line_in_a_backslash_list():
    """wangkai930418/awesome-diffusion-categorized: `**Title** \\` then one link per line."""
    assert findings("wangkai_diffusion.md", "missing-line-break") == []
    assert findings("wangkai_diffusion.md", "nonstandard-link-label") == []  # Diffusers 1, 2


def test_month_dates_are_the_lists_precision():
    """codefuse-ai/Awesome-Code-LLM dates by month (`[2024-09]`); line 19 says month 13."""
    found = findings("codefuse_month_dates.md", "invalid-date")
    assert found == [(19, 'invalid date "2024-13": there is no month 13')]


def test_a_repeated_label_typo_is_still_a_typo_and_three_letters_are_checked():
    """RUCAIBox/LLMSurvey one-line entries: `Gitub` three times beside `GitHub` nine times
    (lines 7, 11, 12), and `PFD` for `PDF` (line 13)."""
    found = findings("rucaibox_labels.md", "nonstandard-link-label")
    assert [line for line, _ in found] == [7, 11, 12, 13]
    assert 'misspelling of "GitHub"' in found[0][1] and 'misspelling of "PDF"' in found[3][1]


def test_the_names_own_spelling_is_never_asked_to_follow_a_majority_case_variant():
    """amirhossein-kz/Awesome-Diffusion-Models-in-Medical-Imaging: `Github` twice, `GitHub`
    once (line 36); nothing asks to change the correct `GitHub`."""
    assert findings("dm_github_case.md", "nonstandard-link-label") == []
    assert findings("dm_github_case.md", "misspelled-technology") == []


def test_a_lists_own_item_marker_and_a_back_to_top_line():
    """Modelled on awesome-selfhosted: a `⚠` mark between link and separator (lines 15, 17)
    and `**[⬆ back to top](#contents)**` right under the last item (line 20). Planted: an em
    dash on line 18, a missing period on line 16."""
    separators = findings("selfhosted_marker.md", "wrong-item-separator")
    assert [line for line, _ in separators] == [18]
    assert "an em dash" in separators[0][1]
    periods = findings("selfhosted_marker.md", "unterminated-description")
    assert [line for line, _ in periods] == [16]


def test_file_extensions_are_not_misspelled_names():
    found = findings("file_extensions.md", "misspelled-technology")
    assert [m for _, m in found] == ['"Json" is spelled "JSON"', '"yaml" is spelled "YAML"']


def test_a_hyphenated_name_is_not_a_slug():
    for heading in ("# Awesome-LLM", "# LLM-Agent-Paper-List", "# Awesome-Mixup"):
        text = f"{heading}\n\n- [A](https://a.org) - Does a.\n"
        assert not [v for v in lint_text(text, today=TODAY).violations if v.code == "AL406"], (
            heading
        )
    slug = lint_text("# awesome-hallucination-detection\n\n- [A](https://a.org) - Does a.\n")
    assert [v.code for v in slug.violations if v.code == "AL406"] == ["AL406"]


def test_mojibake_repair_reads_as_text_of_the_line():
    """The original list's `P√©rez-Garc√≠a` (Mac Roman, line 5), and the same authors as
    cp1252 mojibake (line 11): `PÃ©rez` decodes in Mac Roman too, to `P̩rez` (U+0329); the
    repair must be the one that reads as Latin text."""
    from awesome_lint.api import fix_text

    text = (JUDGING / "mojibake_codecs.md").read_text(encoding="utf-8")
    found = findings("mojibake_codecs.md", "mojibake")
    assert [line for line, _ in found] == [5, 11]
    assert '"Ã©" -> "é"' in found[1][1] and "\u0329" not in found[1][1]
    fixed, _, _ = fix_text(text, today=TODAY)
    lines = fixed.splitlines()
    assert "Fernando Pérez-García" in lines[4] and "Fernando Pérez-García" in lines[10]


def test_the_first_broken_line_is_diagnosed_not_its_consequences():
    """amirhossein-kz/Awesome-Diffusion-Models-in-Medical-Imaging, with two planted defects:
    the authors line 16 lost its ` \\`, and line 23 writes `[[Paper(url)]`."""
    breaks = findings("dm_broken_lines.md", "missing-line-break")
    assert [line for line, _ in breaks] == [16]
    assert (
        "3 other authors lines before a date-venue line end with one, e.g. line 6" in breaks[0][1]
    )
    for wrong in ("authors-not-italic", "missing-authors", "malformed-date-venue"):
        assert findings("dm_broken_lines.md", wrong) == [], wrong
    assert [line for line, _ in findings("dm_broken_lines.md", "malformed-link")] == [23]
    assert findings("dm_broken_lines.md", "missing-paper-link") == []


def test_fixing_the_missing_break_keeps_the_entry_intact():
    from awesome_lint.api import fix_text

    text = (JUDGING / "dm_broken_lines.md").read_text(encoding="utf-8")
    fixed, _, _ = fix_text(text, today=TODAY)
    assert fixed.splitlines()[15] == "*Aghiles Kebaili, Jérôme Lapuyade-Lahorgue, Su Ruan* \\"
    changed = [(a, b) for a, b in zip(text.splitlines(), fixed.splitlines(), strict=True) if a != b]
    assert len(changed) == 1  # nothing else is touched


def test_venue_spacing_a_venue_without_year_and_a_full_month_with_a_dot():
    """xmindflow/Awesome-Transformer-in-Medical-Imaging, real: `[arXiv , 2021]` (line 17) and
    `[EMNLP , 2021]` (line 27); planted: `[CVPR]` (line 22) and `14th July., 2021` (line 12)."""
    venues = findings("tr_venues.md", "malformed-date-venue")
    assert [line for line, _ in venues] == [17, 22, 27]
    assert 'write "arXiv, 2021"' in venues[0][1]
    assert "has no year" in venues[1][1] and "e.g. line 5" in venues[1][1]
    (style,) = findings("tr_venues.md", "date-style")
    assert style[0] == 12 and 'write "14th Jul., 2021", like 5 other entries' in style[1]


def test_one_paper_under_two_names_is_a_duplicate():
    """opendilab/awesome-model-based-RL links two different titles to the same OpenReview
    PDF (lines 10 and 15): one of them points at the wrong paper. With their authors lines
    they are paper entries, so the entries' duplicate rule says it."""
    (found,) = findings("opendilab_same_url.md", "duplicate-entry")
    assert found[0] == 15 and "links the same paper" in found[1] and "line 10" in found[1]
    assert "under a different title" in found[1]
    assert findings("opendilab_same_url.md", "duplicate-link") == []  # said once, not twice
    # A repository that stands for two items (django, geodjango) stays silent.
    text = (
        "# Awesome Python\n\n## Web\n\n"
        "- [django](https://github.com/django/django) - The web framework.\n"
        "- [geodjango](https://github.com/django/django) - A world-class geographic framework.\n"
    )
    assert not [v for v in lint_text(text, today=TODAY).violations if v.code == "AL409"]


def test_out_of_order_names_two_similar_titles_apart():
    """amirhossein-kz's list, with a planted entry (line 10) whose title shares its first 90
    characters with the real one above it: the message must not read "X is newer than X"."""
    (found,) = findings("dm_similar_titles.md", "entry-out-of-order")
    names = re.findall(r'"([^"]*)"', found[1])
    assert names[0] != names[2] and "Extended" in names[0] and "Generative AI" in names[2]


def test_unbracketed_link_suggests_the_lists_own_label():
    """RUCAIBox/LLMSurvey writes `[[GitHub](u)]` for code; line 9's link was planted bare."""
    (found,) = findings("rucaibox_bare_url.md", "unbracketed-link")
    assert found[0] == 9 and found[1].endswith("write a labelled link like [[GitHub](url)]")


def test_a_host_linked_over_http_throughout_is_one_finding_with_one_fix():
    """zziz/pwc writes `http://openaccess.thecvf.com` on every row: one finding for the host,
    whose fix rewrites every link; the odd http link among https ones is reported itself."""
    from awesome_lint.api import fix_text

    rows = [
        f"| [Paper {k}](http://openaccess.thecvf.com/content_cvpr_2018/papers/P{k}.pdf) | CVPR |"
        for k in range(12)
    ]
    text = "# PWC\n\n## 2018\n\n| Title | Conf |\n|---|---|\n" + "\n".join(rows) + "\n"
    text += "\nSee [a](https://arxiv.org/abs/1) [b](https://arxiv.org/abs/2) [c](http://arxiv.org/abs/3).\n"
    found = [v for v in lint_text(text, today=TODAY).violations if v.name == "insecure-url"]
    assert [v.line for v in found] == [7, 20]
    assert found[0].message.startswith("12 links to openaccess.thecvf.com use http://")
    fixed, _, _ = fix_text(text, today=TODAY)
    assert "http://" not in fixed


def test_an_italic_authors_line_without_its_break_is_a_missing_break():
    """junfish/Awesome-Multitask-Learning, unchanged: line 6 `*Yu Zhang and Qiang Yang*` lost
    its ` \\`, so the venue line merges into it. The authors are italic; the break is what is
    missing, and the fix adds it there, touching nothing else."""
    from awesome_lint.api import fix_text

    assert findings("junfish_authors_break.md", "authors-not-italic") == []
    assert [line for line, _ in findings("junfish_authors_break.md", "missing-line-break")] == [6]
    text = (JUDGING / "junfish_authors_break.md").read_text(encoding="utf-8")
    fixed, _, _ = fix_text(text, today=TODAY)
    changed = [(a, b) for a, b in zip(text.splitlines(), fixed.splitlines()) if a != b]
    assert changed == [("*Yu Zhang and Qiang Yang*", "*Yu Zhang and Qiang Yang* \\")]


def test_papers_under_the_same_venue_tag_are_not_duplicates():
    """NastyMarcus/A-Survey-of-Efficient-Diffusion-Models opens each item with a bold venue
    (`**[ICLR 2023]** Title`); two papers of one venue are not one paper. The Re-Imagen item
    repeated at the end (line 23, planted) is."""
    found = findings("nastymarcus_venue_tags.md", "duplicate-entry")
    assert [line for line, _ in found] == [23]


def test_a_title_link_is_not_an_unbracketed_label():
    """codefuse-ai/Awesome-Code-LLM: bracketed `[[paper](u)]` entries, then a table whose
    Paper column links each title (`[RoBERTa: A Robustly …](u)`): titles, not labels."""
    assert findings("codefuse_title_links.md", "unbracketed-link") == []


def test_a_short_table_without_a_date_column_is_not_told_to_date_its_rows():
    """BradyFU/Awesome-Multimodal-Large-Language-Models: paper tables with a Date column,
    then a two-row dataset table (lines 16-17) that has none."""
    text = (JUDGING / "bradyfu_dataset_table.md").read_text(encoding="utf-8")
    import datetime

    found = lint_text(text, today=datetime.date(2026, 12, 1)).violations
    assert not [v for v in found if v.name == "malformed-date-venue"]


def test_a_quoted_title_beside_bold_names_is_the_lists_own_form():
    """codefuse-ai/Awesome-Code-LLM writes `**OLMoE**: "OLMoE: …"` and, without a short
    name, just `"To Code, or Not To Code? …"`: the quoted title is the title's form."""
    assert findings("codefuse_month_dates.md", "title-not-bold") == []
