"""--sort-entries: the exact policy of sorting.py, on small lists."""

from __future__ import annotations

from awesome_lint.config import Config, config_from_dict
from awesome_lint.fix.apply import apply_fixes
from awesome_lint.fix.sorting import sort_fixes
from awesome_lint.parse.parser import parse
from awesome_lint.rules import REGISTRY


def entry(title: str, date: str | None) -> str:
    lines = [f"**{title}** \\", "*A. Author, B. Author* \\"]
    if date:
        lines.append(f"[{date}] [arXiv, 2023] \\")
    lines.append(f"[[Paper](https://arxiv.org/abs/{abs(hash(title)) % 10000:04d}.00001)]")
    return "\n".join(lines)


def doc(*sections: tuple[str, list[str]], gap: str = "\n\n") -> str:
    out = ["# List", ""]
    for heading, entries in sections:
        out += [f"## {heading}", "", gap.join(entries), ""]
    return "\n".join(out)


# A list that is clearly newest first: the direction the other sections are judged by.
ANCHOR = (
    "Anchor",
    [entry(f"A{i}", f"{d}th Jan., 2023") for i, d in enumerate((28, 26, 24, 20, 16, 14, 12, 10))],
)


def sort(text: str, config: Config | None = None) -> tuple[str, tuple[str, ...]]:
    plan = sort_fixes(parse(text), config or Config())
    return apply_fixes(text, plan.fixes)[0], plan.notes


def titles(text: str) -> list[str]:
    return [e.title.text for e in parse(text).entries]


def test_sorts_newest_first_and_keeps_blank_lines_in_place():
    text = doc(
        ANCHOR,
        (
            "S",
            [
                entry("Old", "4th Mar., 2023"),
                entry("New", "9th May, 2023"),
                entry("Mid", "7th Apr., 2023"),
            ],
        ),
    )
    # Uneven gaps: two blank lines, then one.
    text = text.replace(entry("New", "9th May, 2023"), "\n" + entry("New", "9th May, 2023"))
    out, notes = sort(text)
    assert titles(out)[8:] == ["New", "Mid", "Old"]
    assert not notes

    def gaps(t: str) -> list[int]:
        return [i for i, ln in enumerate(t.split("\n")) if not ln]

    assert gaps(out) == gaps(text)  # the same lines are blank: slots, not re-spacing
    assert sorted(out.split("\n")) == sorted(text.split("\n"))  # nothing lost or added


def test_equal_dates_keep_their_order_and_undated_entries_keep_their_slot():
    section = [
        entry("Undated", None),
        entry("First", "1st Feb., 2023"),
        entry("Second", "1st Feb., 2023"),
        entry("Newer", "5th Mar., 2023"),
    ]
    out, _ = sort(doc(ANCHOR, ("S", section)))
    assert titles(out)[8:] == ["Undated", "Newer", "First", "Second"]


def test_oldest_first_when_pinned():
    config = config_from_dict(
        {"rules": {"entry-out-of-order": {"direction": "oldest-first"}}}, REGISTRY
    )
    section = [
        entry("B", "2nd Feb., 2023"),
        entry("A", "1st Jan., 2023"),
        entry("C", "3rd Mar., 2023"),
    ]
    out, _ = sort(doc(("S", section)), config)
    assert titles(out) == ["A", "B", "C"]


def test_entries_never_cross_other_content():
    first = [entry("Old1", "1st Jan., 2023"), entry("New1", "1st Jun., 2023")]
    second = [entry("Old2", "2nd Jan., 2023"), entry("New2", "2nd Jun., 2023")]
    text = doc(
        ANCHOR, ("S", ["\n\n".join(first) + "\n\n<!-- older papers -->\n\n" + "\n\n".join(second)])
    )
    out, _ = sort(text)
    assert titles(out)[8:] == ["New1", "Old1", "New2", "Old2"]
    assert out.index("<!-- older papers -->") > out.index("Old1")


def test_ordered_list_numbers_stay_in_their_slots():
    text = (
        "# L\n\n## S\n\n"
        + "\n".join(
            f"{n}. **{t}** [{d}] [arXiv, 2023].<br>"
            for n, t, d in [
                (1, "B", "2nd Feb., 2023"),
                (2, "C", "3rd Mar., 2023"),
                (3, "A", "1st Jan., 2023"),
                (4, "D", "4th Apr., 2023"),
            ]
        )
        + "\n"
    )
    config = config_from_dict(
        {"rules": {"entry-out-of-order": {"direction": "newest-first"}}}, REGISTRY
    )
    out, _ = sort(text, config)
    body = [ln for ln in out.split("\n") if ln[:1].isdigit()]
    assert [ln[:3] for ln in body] == ["1. ", "2. ", "3. ", "4. "]
    assert titles(out) == ["D", "C", "B", "A"]


def test_unknown_direction_is_a_note_not_a_guess():
    section = [
        entry("B", "2nd Feb., 2023"),
        entry("A", "1st Jan., 2023"),
        entry("C", "3rd Mar., 2023"),
    ]
    text = doc(("S", section))
    out, notes = sort(text)
    assert out == text
    assert notes and "direction" in notes[0]


def test_sorted_section_gives_no_edit():
    plan = sort_fixes(parse(doc(ANCHOR)), Config())
    assert plan.fixes == () and plan.notes == ()
