"""--fix-toc: the table of contents reconciled with the headings, in the list's own style."""

from __future__ import annotations

from awesome_lint.api import lint_text
from awesome_lint.fix.apply import apply_fixes
from awesome_lint.fix.toc import toc_fix
from awesome_lint.parse.parser import parse

BODY = """
## Survey Papers

Text.

## Papers

### Segmentation

Text.

### Classification

Text.

## Contributing

Text.
"""


def regenerate(text: str) -> str:
    plan = toc_fix(parse(text))
    return apply_fixes(text, [plan.fix])[0] if plan.fix else text


def toc_lines(text: str) -> list[str]:
    return [ln for ln in text.split("\n") if "](#" in ln]


def test_a_consistent_toc_is_left_alone():
    text = (
        "# L\n\n- [Survey Papers](#survey-papers)\n- [Papers](#papers)\n  - [Segmentation](#segmentation)\n  - [Classification](#classification)\n"
        + BODY
    )
    assert toc_fix(parse(text)).fix is None


def test_typo_anchor_and_its_label_follow_the_heading():
    text = (
        "# L\n\n- [Survey Papers](#survey-papers)\n- [Papers](#papers)\n  - [Segmentaton](#segmentaton)\n  - [Classification](#classification)\n"
        + BODY
    )
    assert toc_lines(regenerate(text))[2] == "  - [Segmentation](#segmentation)"


def test_a_custom_label_is_kept_when_the_anchor_is_repaired():
    text = (
        "# L\n\n- [Surveys](#Survey-Papers)\n- [Papers](#papers)\n  - [Segmentation](#segmentation)\n  - [Classification](#classification)\n"
        + BODY
    )
    assert toc_lines(regenerate(text))[0] == "- [Surveys](#survey-papers)"


def test_missing_heading_is_inserted_in_order_in_the_lists_style():
    text = (
        "# L\n\n* [Survey Papers](#survey-papers)\n* [Papers](#papers)\n    * [Classification](#classification)\n"
        + BODY
    )
    assert toc_lines(regenerate(text)) == [
        "* [Survey Papers](#survey-papers)",
        "* [Papers](#papers)",
        "    * [Segmentation](#segmentation)",
        "    * [Classification](#classification)",
    ]


def test_removed_heading_is_dropped_and_blank_lines_and_labels_stay():
    text = (
        "# L\n\n- [Survey Papers](#survey-papers)\n- [Old Section](#old-section)\n\n**Methods**\n\n"
        "- [Papers](#papers)\n  - [Segmentation](#segmentation)\n  - [Classification](#classification)\n"
        + BODY
    )
    out = regenerate(text)
    assert "Old Section" not in out
    assert "- [Survey Papers](#survey-papers)\n\n**Methods**\n\n- [Papers](#papers)\n" in out


def test_sub_section_added_at_the_end_is_listed_but_a_closing_section_is_not():
    text = (
        "# L\n\n- [Survey Papers](#survey-papers)\n- [Papers](#papers)\n  - [Segmentation](#segmentation)\n"
        + BODY
    )
    lines = toc_lines(regenerate(text))
    assert lines[-1] == "  - [Classification](#classification)"
    assert not any("contributing" in ln for ln in lines)


def test_depth_follows_nesting_not_the_level_number():
    # "### Citation" right under the H1 nests once, like the H2s (CLIP's layout).
    text = (
        "# Top\n\n- [Top](#top)\n  - [Citation](#citation)\n  - [Papers](#papers)\n    - [Seg](#seg)\n\n"
        "### Citation\n\nx\n\n## Papers\n\n### Seg\n\nx\n"
    )
    assert toc_fix(parse(text)).fix is None


def test_duplicate_headings_get_github_suffixes():
    text = (
        "# L\n\n- [Vision](#vision)\n  - [Healthcare](#healthcare)\n- [Audio](#audio)\n\n"
        "## Vision\n\n### Healthcare\n\nx\n\n## Audio\n\n### Healthcare\n\nx\n"
    )
    assert toc_lines(regenerate(text))[-1] == "  - [Healthcare](#healthcare-1)"


def test_html_anchor_items_are_left_alone():
    text = (
        '# L\n\n- [Survey Papers](#survey-papers)\n- [Top](#top)\n- [Papers](#papers)\n<a name="top"></a>\n'
        + BODY
    )
    out = regenerate(text)
    assert "- [Top](#top)" in out


def test_after_the_fix_toc_mismatch_is_clean_and_a_second_run_changes_nothing():
    text = (
        "# L\n\n- [Survey](#survey-papers)\n- [Paper](#paper)\n  - [Classification](#classification)\n"
        + BODY
    )
    once = regenerate(text)
    assert not [v for v in lint_text(once).violations if v.code == "AL102"]
    assert regenerate(once) == once


def test_no_toc_is_a_note():
    plan = toc_fix(parse("# L\n" + BODY))
    assert plan.fix is None and "no table of contents" in plan.note
