"""Property: on generated lists with planted defects, fixing leaves nothing fixable, is
idempotent, and changes only lines that carried a fixable finding.

The lists follow the real formats (FORMATS.md): bold-title blocks with ``<br>`` breaks
(FM) or `` \\`` breaks (DM), and titles carrying the date and venue (FS: ``**Title.**
[date] [venue].<br>``, ``*Authors.*<br>``, an indented links line). Defects are planted in a minority of entries, so the list
still has a clear convention of its own to be fixed towards.
"""

from __future__ import annotations

import datetime

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from awesome_lint.api import lint_text
from awesome_lint.fix.fixer import FixOptions, fix_source_text
from awesome_lint.parse.dates import ordinal_suffix

MONTHS = ["Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Oct.", "Nov.", "Dec."]
NAMES = [
    "Ana Lima",
    "Bo Chen",
    "Chloé Martin",
    "Dmitri Ivanov",
    "Eva Müller",
    "Femi Adeyemi",
    "Gül Yılmaz",
    "Hiro Sato",
]
TITLES = [
    "Segmenting Organs",
    "Denoising Scans",
    "Reading Reports",
    "Grading Retinas",
    "Registering Brains",
    "Counting Cells",
]
DEFECTS = [
    "ordinal",  # 23th
    "trailing-space",  # spaces or a tab after the line
    "missing-break",  # a middle line without its break
    "trailing-comma",  # "A, B,*"
    "space-comma",  # "A , B"
    "http",  # http://arxiv.org
    "label-case",  # Github in a GitHub list
    "mojibake",  # PÃ©rez
    "unbracketed",  # [Paper](u) in a [[Paper](u)] list
    "month-dot",  # Jul instead of Jul.
    "backslash-space",  # " \ " (DM style only)
]
# Defects that are wrong whatever the list's convention: each must be found and fixed.
ALWAYS_FOUND = {"ordinal", "trailing-space", "trailing-comma", "http", "mojibake", "missing-break"}


@st.composite
def lists(draw):
    style = draw(st.sampled_from(["<br>", " \\", "title-date"]))
    n = draw(st.integers(min_value=8, max_value=14))
    start = datetime.date(2024, 12, 28)
    gaps = draw(st.lists(st.integers(min_value=1, max_value=20), min_size=n, max_size=n))
    planted = draw(st.lists(st.sampled_from(DEFECTS), min_size=1, max_size=max(1, n // 5)))
    slots = draw(
        st.lists(
            st.integers(min_value=0, max_value=n - 1),
            min_size=len(planted),
            max_size=len(planted),
            unique=True,
        )
    )
    defects = dict(zip(slots, planted))
    entries = []
    day = start
    for i in range(n):
        day -= datetime.timedelta(days=gaps[i])
        if day.month == 5:  # keep May's two spellings out of the month-style question
            day -= datetime.timedelta(days=31)
        entries.append(_entry(i, day, style, defects.get(i), draw))
    gap = draw(st.sampled_from(["\n\n", "\n\n\n"]))
    return "# Awesome Generated List\n\n## Papers\n\n" + gap.join(entries) + "\n", set(
        defects.values()
    )


def _entry(i: int, day: datetime.date, style: str, defect: str | None, draw) -> str:
    if style == "title-date":
        return _title_date_entry(i, day, defect, draw)
    last_break = "<br>" if style == "<br>" else ""
    authors = draw(st.lists(st.sampled_from(NAMES), min_size=1, max_size=4, unique=True))
    suffix = ordinal_suffix(day.day)
    if defect == "ordinal":
        suffix = next(s for s in ("st", "nd", "rd", "th") if s != suffix)
    month = MONTHS[[1, 2, 3, 4, 6, 7, 8, 9, 10, 11, 12].index(day.month)]
    if defect == "month-dot":
        month = month.rstrip(".")
    names = ", ".join(authors)
    if defect == "trailing-comma":
        names += ","
    if defect == "space-comma" and len(authors) > 1:
        names = names.replace(", ", " , ", 1)
    if defect == "mojibake":
        names += ", Jos\u00c3\u00a9 P\u00c3\u00a9rez"  # José Pérez read as Latin-1
    scheme = "http" if defect == "http" else "https"
    label = "Github" if defect == "label-case" else "GitHub"
    paper = f"[Paper]({scheme}://arxiv.org/abs/24{i:02d}.{i:05d})"
    paper = paper if defect == "unbracketed" else f"[{paper}]"
    lines = [
        f"**{TITLES[i % len(TITLES)]} {i}**{style}",
        f"*{names}*{style}",
        f"[{day.day}{suffix} {month}, {day.year}] [arXiv, {day.year}]{style}",
        f"{paper} [[{label}](https://github.com/example/repo{i})]{last_break}",
    ]
    if defect == "missing-break":
        k = draw(st.integers(min_value=0, max_value=2))
        lines[k] = lines[k][: len(lines[k]) - len(style)]
    if defect == "backslash-space" and style == " \\":
        lines[2] += " "
    if defect == "trailing-space":
        lines[_spaced(lines, draw)] += draw(st.sampled_from([" ", "\t", " \t"]))
    return "\n".join(lines)


def _title_date_entry(i: int, day: datetime.date, defect: str | None, draw) -> str:
    """FS's layout: ``**Title.** [date] [venue].<br>`` / ``*Authors.*<br>`` / `` [[PDF](u)]``."""
    authors = ", ".join(draw(st.lists(st.sampled_from(NAMES), min_size=1, max_size=3, unique=True)))
    suffix = ordinal_suffix(day.day)
    if defect == "ordinal":
        suffix = next(s for s in ("st", "nd", "rd", "th") if s != suffix)
    month = MONTHS[[1, 2, 3, 4, 6, 7, 8, 9, 10, 11, 12].index(day.month)]
    if defect == "month-dot":
        month = month.rstrip(".")
    if defect == "trailing-comma":
        authors += ","
    if defect == "mojibake":
        authors += ", Jos\u00c3\u00a9 P\u00c3\u00a9rez"
    scheme = "http" if defect == "http" else "https"
    label = "Github" if defect == "label-case" else "GitHub"
    pdf = f"[PDF]({scheme}://arxiv.org/abs/24{i:02d}.{i:05d})"
    pdf = pdf if defect == "unbracketed" else f"[{pdf}]"
    lines = [
        f"**{TITLES[i % len(TITLES)]} {i}.** [{day.day}{suffix} {month}, {day.year}] [MICCAI, {day.year}].<br>",
        f"*{authors}.*<br>",
        f" {pdf} [[{label}](https://github.com/example/repo{i})]",
    ]
    if defect == "missing-break":
        k = draw(st.integers(min_value=0, max_value=1))
        lines[k] = lines[k][: -len("<br>")]
    if defect == "trailing-space":
        lines[_spaced(lines, draw)] += draw(st.sampled_from([" ", "\t", " \t"]))
    return "\n".join(lines)


def _spaced(lines: list[str], draw) -> int:
    """The line to plant trailing whitespace on. Two or more spaces inside an entry are a
    CommonMark hard break (rendering, not whitespace), so the planted run is one space or a
    tab; the last line, before a blank line, may also take several spaces."""
    k = draw(st.integers(min_value=0, max_value=len(lines) - 1))
    if k == len(lines) - 1 and draw(st.booleans()):
        lines[k] += "  "
    return k


def _fixable_lines(text: str) -> set[int]:
    lines = set()
    for v in lint_text(text, today=datetime.date(2025, 1, 1)).violations:
        if v.fix is not None:
            for e in v.fix.edits:
                lines.update(range(e.span.start_line, e.span.end_line + 1))
    return lines


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lists())
def test_fix_leaves_nothing_fixable_and_touches_only_fixable_lines(generated):
    text, planted = generated
    today = datetime.date(2025, 1, 1)
    outcome = fix_source_text(text, "README.md", options=FixOptions(), today=today)
    fixed = outcome.after
    if planted & ALWAYS_FOUND:
        assert outcome.changed, f"planted {sorted(planted)} but nothing was fixed"
    assert not [v for v in outcome.result.violations if v.fix is not None]
    assert fix_source_text(fixed, "README.md", today=today).after == fixed  # idempotent
    allowed = _fixable_lines(text)
    old, new = text.split("\n"), fixed.split("\n")
    assert len(old) == len(new)
    for number, (a, b) in enumerate(zip(old, new), start=1):
        if a != b:
            assert number in allowed, (
                f"line {number} changed without a fixable finding: {a!r} -> {b!r}"
            )
