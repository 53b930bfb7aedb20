"""End to end: the installed `awesome-lint` command, as users run it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess

import pytest

from .conftest import CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, FIXTURES, file_modes_apply

LISTS = FIXTURES / "lists"

CONTRIBUTED = """\
## Papers

**Enhancing Representation in Radiography-Reports Foundation Model**<br>
*Weijian Huang, Cheng Li*<br>
[12th Sep., 2023] [arXiv, 2023]<br>
[[Paper](https://arxiv.org/abs/2309.05904)]<br>

**Clinical-BERT: Vision-Language Pre-training for Radiograph Diagnosis**<br>
*none*<br>
[23th Aug., 2023] [AAAI, 2023]<br>
[Paper](https://ojs.aaai.org/index.php/AAAI/article/view/20204)<br>

**ELIXR: Towards a general purpose X-ray artificial intelligence system**<br>
*Shawn Xu, Lin Yang*<br>
[2nd Aug., 2023] [arXiv, 2023]<br>
[[Paper](https://arxiv.org/abs/2308.01317)]<br>

**Knowledge Boosting: Rethinking Medical Contrastive Pre-Training**<br>
*Xiaofei Chen, Yuting He*<br>
[14th Jul., 2023] [MICCAI, 2023]<br>
[[Paper](https://arxiv.org/abs/2307.07246)]<br>
"""


@pytest.fixture
def contributed(tmp_path):
    path = tmp_path / "README.md"
    path.write_text(CONTRIBUTED, encoding="utf-8")
    return path


@pytest.mark.own_process
def test_text_output_and_exit_code(cli, contributed):
    r = cli(str(contributed), "--today", "2026-01-01")
    assert r.returncode == 1
    lines = r.stdout.splitlines()
    assert lines[0] == (
        f"{contributed}:9:1: AL202 missing-authors: entry "
        '"Clinical-BERT: Vision-Language Pre-training for R…" has no authors ("*none*")'
    )
    assert f'{contributed}:10:2: AL207 wrong-ordinal: "23th" should be "23rd"' in lines
    assert lines[-1] == "Found 3 problems (3 errors, 0 warnings) in 4 entries, 1 file; 2 fixable."
    assert r.stderr == ""


def test_default_path_is_readme(cli, contributed):
    r = cli(cwd=contributed.parent)
    assert r.returncode == 1 and "README.md:9:1: AL202" in r.stdout


def test_clean_file_exits_zero(cli):
    r = cli(str(LISTS / "clip_style.md"))
    assert r.returncode == 0
    assert r.stdout == "All clear: 3 entries in 1 file, no problems.\n"


def test_warnings_only_exit_zero(cli):
    r = cli(str(LISTS / "dm_style.md"))
    assert r.returncode == 0 and "[warning]" in r.stdout


@pytest.mark.own_process
def test_json_contract(cli, contributed):
    r = cli("--format", "json", str(contributed))
    data = json.loads(r.stdout)
    assert set(data) == {"version", "files"} and data["version"] == 1
    (f,) = data["files"]
    assert set(f) == {"path", "entries", "diagnostics"} and f["entries"] == 4
    keys = {
        "code",
        "name",
        "severity",
        "message",
        "line",
        "column",
        "end_line",
        "end_column",
        "fixable",
        "fix_safety",  # "safe", "unsafe" or null (no fix); added in version 1, additive
    }
    assert all(set(d) == keys for d in f["diagnostics"])
    assert all((d["fix_safety"] is None) == (not d["fixable"]) for d in f["diagnostics"])
    first = f["diagnostics"][0]
    assert first == {
        "code": "AL202",
        "name": "missing-authors",
        "severity": "error",
        "message": 'entry "Clinical-BERT: Vision-Language Pre-training for R…" has no authors ("*none*")',
        "line": 9,
        "column": 1,
        "end_line": 9,
        "end_column": 11,
        "fixable": False,
        "fix_safety": None,
    }
    assert [d["fixable"] for d in f["diagnostics"]] == [False, True, True]
    assert [d["fix_safety"] for d in f["diagnostics"]] == [None, "safe", "safe"]


def test_export_contract(cli):
    r = cli("--export", "json", str(LISTS / "fm_style.md"))
    assert r.returncode == 0
    data = json.loads(r.stdout)
    assert set(data) == {"path", "sections"}
    top = data["sections"][0]
    assert set(top) == {"title", "level", "line", "entries", "sections"}
    assert top["title"] == ":fire:Awesome Foundation Models :fire:" and top["level"] == 1
    papers = next(s for s in top["sections"] if s["title"] == "Papers")
    contrastive = papers["sections"][0]
    assert contrastive["title"] == "Contrastive" and contrastive["level"] == 3
    e = contrastive["entries"][0]
    assert e == {
        "line": 15,
        "layout": "block",
        "title": "Paper 1: Learning Representations for Medical Image Task 1",
        "authors": ["Ann Author1", "Bob Builder1", "Céline Núñez1"],
        "date": "2023-09-28",
        "date_precision": "day",
        "date_raw": "28th Sep., 2023",
        "venue": "arXiv, 2023",
        "links": [
            {"label": "Paper", "url": "https://arxiv.org/abs/2309.00001"},
            {"label": "GitHub", "url": "https://github.com/org/repo1"},
        ],
    }


def test_select_ignore_by_code_prefix_and_name(cli, contributed):
    r = cli("--select", "AL2", str(contributed))
    assert "AL301" not in r.stdout and "AL202" in r.stdout
    r = cli("--ignore", "missing-authors,AL207", str(contributed))
    assert "AL202" not in r.stdout and "AL207" not in r.stdout and "AL301" in r.stdout
    r = cli("--select", "no-such-rule", str(contributed))
    assert r.returncode == 2
    assert (
        r.stderr.strip() == "awesome-lint: unknown rule or prefix 'no-such-rule' (see --list-rules)"
    )


def test_list_rules_and_explain(cli):
    r = cli("--list-rules")
    assert r.returncode == 0
    assert any(line.startswith("AL202  missing-authors") for line in r.stdout.splitlines())
    r = cli("--explain", "missing-authors")
    assert r.returncode == 0 and r.stdout.startswith("# AL202 `missing-authors`")
    assert cli("--explain", "AL202").stdout == r.stdout
    r = cli("--explain", "nope")
    assert r.returncode == 2 and "unknown rule 'nope'" in r.stderr


@pytest.mark.own_process
def test_help_and_version(cli):
    r = cli("--help")
    assert r.returncode == 0 and "exit status: 0" in r.stdout and "--select" in r.stdout
    assert cli("--version").stdout.startswith("awesome-lint ")


def test_help_is_wrapped_to_the_terminal_width(cli):
    # The formatter reads the width only when help is written (start-up): it must still be
    # the terminal's, as argparse's own formatter has it (COLUMNS stands in for a terminal).
    def lines(columns: int) -> list[str]:
        return cli("--help", env={"COLUMNS": str(columns)}).stdout.splitlines()

    narrow, wide = lines(30), lines(140)
    assert "  -h, --help            show this help message and exit" in wide
    # At 30 columns the help column (argparse: min(24, width - 20)) is too narrow for the
    # option: its help starts on the next line, wrapped.
    assert "  -h, --help" in narrow and "  -h, --help" not in wide
    assert len(narrow) > len(wide)


# --- configuration ---------------------------------------------------------------------------


def test_config_file_found_walking_up(cli, contributed, tmp_path):
    (tmp_path / ".awesome-lint.toml").write_text(
        'ignore = ["AL207"]\n[rules.missing-authors]\nseverity = "warning"\n', encoding="utf-8"
    )
    sub = tmp_path / "docs"
    sub.mkdir()
    shutil.copy(contributed, sub / "README.md")
    r = cli(str(sub / "README.md"))
    assert "AL207" not in r.stdout
    assert "AL202 missing-authors" in r.stdout and "[warning]" in r.stdout.splitlines()[0]
    assert r.returncode == 1  # the unbracketed link is still an error


def test_pyproject_tool_table(cli, contributed, tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n[tool.awesome-lint]\nselect = ["AL202"]\n', encoding="utf-8"
    )
    r = cli(str(contributed))
    assert [ln.split(": ")[1].split()[0] for ln in r.stdout.splitlines()[:-1]] == ["AL202"]


def test_isolated_ignores_config(cli, contributed, tmp_path):
    (tmp_path / ".awesome-lint.toml").write_text('select = ["AL202"]\n', encoding="utf-8")
    assert "AL207" in cli("--isolated", str(contributed)).stdout


@pytest.mark.own_process
@pytest.mark.parametrize(
    "toml,message",
    [
        ("selekt = []\n", "unknown key 'selekt'"),
        ('select = ["AL999"]\n', "unknown rule or prefix 'AL999'"),
        ("[rules.no-such-rule]\n", "unknown rule 'no-such-rule' in [rules]"),
        (
            '[rules.missing-line-break]\nmarkr = "<br>"\n',
            "[rules.missing-line-break] unknown option 'markr'",
        ),
        ('[rules.missing-line-break]\nmarker = "<p>"\n', "marker must be one of"),
        ("[rules.entry-out-of-order]\ndirection = 3\n", "has the wrong type (int)"),
        ('[rules.date-style]\nexample = "someday"\n', "is not a date like"),
        ('[rules.AL202]\nseverity = "fatal"\n', "severity must be error, warning, info or off"),
        ("select = [\n", "invalid TOML"),
    ],
)
def test_bad_config_is_exit_2_with_one_line(cli, contributed, tmp_path, toml, message):
    (tmp_path / ".awesome-lint.toml").write_text(toml, encoding="utf-8")
    r = cli(str(contributed))
    assert r.returncode == 2
    assert r.stdout == ""
    assert len(r.stderr.strip().splitlines()) == 1 and message in r.stderr, r.stderr


def test_pinned_options_change_results(cli, tmp_path):
    path = tmp_path / "list.md"
    path.write_text((LISTS / "dm_style.md").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / ".awesome-lint.toml").write_text(
        '[rules.line-break-style]\nmarker = "<br>"\n[rules.date-style]\nexample = "16 Oct 2023"\n',
        encoding="utf-8",
    )
    r = cli("--select", "line-break-style,date-style", str(path))
    assert "line break a trailing backslash differs from the one the list uses (<br>)" in r.stdout
    assert 'date "20th Jul., 2024" differs from the list\'s style: write "20 Jul 2024"' in r.stdout


# --- bad input: one clear line, exit 2, never a traceback ---------------------------------------


def _one_line_error(r, path, problem):
    assert r.returncode == 2, r
    assert "Traceback" not in r.stderr
    assert r.stderr.strip().splitlines() == [f"awesome-lint: {path}: {problem}"]


@pytest.mark.own_process
def test_missing_file(cli, tmp_path):
    _one_line_error(cli(str(tmp_path / "nope.md")), tmp_path / "nope.md", "no such file")


def test_directory(cli, tmp_path):
    _one_line_error(cli(str(tmp_path)), tmp_path, "is a directory, not a Markdown file")


def test_binary(cli, tmp_path):
    p = tmp_path / "a.md"
    p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    _one_line_error(cli(str(p)), p, "binary file (contains NUL bytes), not Markdown")


def test_not_utf8(cli, tmp_path):
    p = tmp_path / "a.md"
    p.write_bytes("# Liste\n\n- Pérez\n".encode("latin-1"))
    _one_line_error(cli(str(p)), p, "not valid UTF-8 (byte 0xe9 at line 3, column 4)")


def test_utf16(cli, tmp_path):
    p = tmp_path / "a.md"
    p.write_bytes("# List\n".encode("utf-16"))
    _one_line_error(cli(str(p)), p, "file is UTF-16; save it as UTF-8")


@pytest.mark.parametrize(
    "content,problem", [(b"", "file is empty"), (b"  \n\n", "file holds only whitespace")]
)
def test_empty(cli, tmp_path, content, problem):
    p = tmp_path / "a.md"
    p.write_bytes(content)
    _one_line_error(cli(str(p)), p, problem)


def test_huge_file(cli, tmp_path):
    p = tmp_path / "big.md"
    with open(p, "wb") as fh:
        fh.truncate(50_000_000)  # sparse: 50 MB without writing them
    _one_line_error(cli(str(p)), p, "file is 50.0 MB, larger than the 1.5 MB limit (max-file-size)")


def test_unreadable(cli, tmp_path):
    readable, locked = tmp_path / "ok.md", tmp_path / "a.md"
    for p, mode in ((readable, 0o644), (locked, 0)):
        p.write_text("# x\n", encoding="utf-8")
        p.chmod(mode)
    unprivileged = file_modes_apply()
    # The same process can read a readable file beside it: only the mode refuses.
    control = cli(str(readable), cwd=tmp_path, popen=unprivileged)
    assert control.returncode in (0, 1) and control.stderr == "", control
    _one_line_error(cli(str(locked), cwd=tmp_path, popen=unprivileged), locked, "permission denied")
    if os.geteuid() == 0:
        # And it really ran without the capabilities (0 in CapEff's two low bits).
        probe = subprocess.run(
            ["cat", "/proc/self/status"], capture_output=True, text=True, **unprivileged
        )
        cap_eff = int(
            next(ln for ln in probe.stdout.splitlines() if ln.startswith("CapEff:")).split()[1], 16
        )
        assert cap_eff & (1 << CAP_DAC_OVERRIDE | 1 << CAP_DAC_READ_SEARCH) == 0


def test_crlf_and_bom_lint_like_lf(cli, contributed, tmp_path):
    p = tmp_path / "crlf.md"
    p.write_bytes(b"\xef\xbb\xbf" + CONTRIBUTED.replace("\n", "\r\n").encode("utf-8"))
    lf = cli(str(contributed)).stdout.replace(str(contributed), "X")
    crlf = cli(str(p)).stdout.replace(str(p), "X")
    assert crlf == lf


@pytest.mark.own_process
def test_stdin(cli):
    r = cli("-", stdin=CONTRIBUTED)
    assert r.returncode == 1 and r.stdout.startswith("<stdin>:9:1: AL202")


@pytest.mark.own_process
def test_one_bad_file_among_good_ones(cli, contributed, tmp_path):
    r = cli(str(contributed), str(tmp_path / "nope.md"))
    assert r.returncode == 2
    assert "AL202" in r.stdout and "nope.md: no such file" in r.stderr


def test_deeply_nested_markdown(cli, tmp_path):
    p = tmp_path / "deep.md"
    p.write_text(
        "".join("  " * i + "- [x](#x)\n" for i in range(300)) + ">" * 5000 + " q\n",
        encoding="utf-8",
    )
    r = cli(str(p))
    assert r.returncode in (0, 1) and "Traceback" not in r.stderr
