"""The parse a link check keeps for its re-runs (kept_parse.py): equal to a fresh parse,
never read for other text or other parser code, and never a reason to fail."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from awesome_lint import kept_parse
from awesome_lint.parse.parser import parse
from tests.conftest import run_cli

from .conftest import reply

FIXTURES = Path(__file__).parent.parent / "fixtures"
LISTS = sorted(FIXTURES.glob("recognition/*.md")) + sorted(FIXTURES.glob("real/*.md"))
LINK_RULES = "dead-link,unreachable-link,redirected-link,archived-repository"


def round_trip(doc):
    return kept_parse.decode(json.dumps(kept_parse.encode(doc)))


@pytest.mark.parametrize("path", LISTS, ids=lambda p: p.name)
@pytest.mark.parametrize("entries", [True, False])
def test_the_format_gives_back_an_equal_document(path, entries):
    # With entries too: the format writes every type of the model (entries, dates, fields).
    doc = parse(path.read_text(encoding="utf-8"), path.name, entries=entries)
    assert round_trip(doc) == doc


_MD = st.text(
    alphabet=st.sampled_from(list("[]()*_`\\<>!#-:. \n\t|~&\"'0123456789abcPDFéü🔥\r\ufeff"))
    | st.characters(blacklist_categories=("Cs",)),
    max_size=300,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_MD, st.booleans())
def test_any_text_kept_and_loaded_is_its_parse(tmp_path_factory, text, entries):
    folder = tmp_path_factory.mktemp("kept")
    doc = parse(text, "list.md", entries=entries)
    kept_parse.store(folder, doc, entries, text)
    assert kept_parse.load(folder, text, "list.md", entries) == doc


def test_a_kept_parse_is_only_read_for_the_same_text_path_and_mode(tmp_path):
    text = "# A list\n\n- [One](https://example.org/1)\n"
    kept_parse.store(tmp_path, parse(text, "a.md", entries=False), False, text)
    assert kept_parse.load(tmp_path, text, "a.md", False) is not None
    assert (
        kept_parse.load(tmp_path, text + "\n- [Two](https://example.org/2)\n", "a.md", False)
        is None
    )
    assert kept_parse.load(tmp_path, text, "b.md", False) is None
    assert kept_parse.load(tmp_path, text, "a.md", True) is None


def test_an_edited_parser_does_not_read_an_older_parse(tmp_path, monkeypatch):
    text = "- [One](https://example.org/1)\n"
    kept_parse.store(tmp_path, parse(text, "a.md", entries=False), False, text)
    stamp = kept_parse._code_stamp()
    edited = [[name, size + 1, mtime] if name.endswith("inline.py") else [name, size, mtime]
              for name, size, mtime in stamp]  # fmt: skip
    monkeypatch.setattr(kept_parse, "_code_stamp", lambda: edited)
    assert kept_parse.load(tmp_path, text, "a.md", False) is None


def test_the_stamp_names_the_parser_and_markdown_it(tmp_path):
    names = [name for name, _, _ in kept_parse._code_stamp()]
    assert any(n.endswith("awesome_lint/parse/inline.py") for n in names)
    assert any(n.endswith("awesome_lint/model.py") for n in names)
    assert any(n.endswith("markdown_it/__init__.py") for n in names)


@pytest.mark.parametrize(
    "damage",
    [
        lambda raw: raw[: len(raw) // 2],  # truncated
        lambda raw: "not json at all",
        lambda raw: "{}",
        lambda raw: "[1, 2, 3]",
        lambda raw: raw.replace('{"Link*":', '{"Nothing*":', 1),
        lambda raw: raw.replace('{"Link*":[[', '{"Link*":[[1,', 1),  # a field too many
        lambda raw: raw.replace('{"Link*":[[', '{"Link*":[7,[', 1),  # a row that is no row
        lambda raw: raw.replace('"bare"', '"no such form"', 1),
    ],
)
def test_a_damaged_file_is_parsed_anew_not_trusted(tmp_path, damage):
    text = "- [One](https://example.org/1) and [two](https://example.org/2)\n"
    kept_parse.store(tmp_path, parse(text, "a.md", entries=False), False, text)
    [file] = (tmp_path / kept_parse.FOLDER).iterdir()
    raw = file.read_text(encoding="utf-8")
    assert damage(raw) != raw
    file.write_text(damage(raw), encoding="utf-8")
    assert kept_parse.load(tmp_path, text, "a.md", False) is None


def test_only_the_most_recent_parses_are_kept(tmp_path):
    for i in range(kept_parse.KEEP + 3):
        text = f"- [Link {i}](https://example.org/{i})\n"
        kept_parse.store(tmp_path, parse(text, "a.md", entries=False), False, text)
        newest = max(p.stat().st_mtime_ns for p in (tmp_path / kept_parse.FOLDER).iterdir())
        os.utime(next(iter((tmp_path / kept_parse.FOLDER).iterdir())), ns=(newest, newest))
    files = list((tmp_path / kept_parse.FOLDER).glob("*.json"))
    assert len(files) == kept_parse.KEEP
    last = f"- [Link {kept_parse.KEEP + 2}](https://example.org/{kept_parse.KEEP + 2})\n"
    assert kept_parse.load(tmp_path, last, "a.md", False) is not None


def test_an_unwritable_folder_keeps_nothing_and_raises_nothing(tmp_path):
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the folder would be", encoding="utf-8")
    text = "- [One](https://example.org/1)\n"
    kept_parse.store(blocker, parse(text, "a.md", entries=False), False, text)
    assert kept_parse.load(blocker, text, "a.md", False) is None


@pytest.mark.own_process
def test_a_link_re_run_reads_the_kept_parse_and_reports_the_same(server, tmp_path):
    ok, gone = server.route("/ok", reply(200)), server.route("/gone", reply(404))
    listing = tmp_path / "README.md"
    listing.write_text(f"# Links\n\n- [Fine]({ok})\n- [Gone]({gone})\n", encoding="utf-8")
    cache = tmp_path / "cache"
    args = ("--check-links", "--allow-private-hosts", "--isolated", "--format", "json")
    env = {"AWESOME_LINT_CACHE_DIR": str(cache), "GITHUB_TOKEN": ""}
    first = run_cli(*args, "--select", LINK_RULES, str(listing), env=env)
    [kept] = (cache / kept_parse.FOLDER).glob("*.json")
    second = run_cli(*args, "--select", LINK_RULES, str(listing), env=env)
    assert first.returncode == second.returncode == 1, first.stderr
    assert json.loads(second.stdout) == json.loads(first.stdout)
    assert "AL306" in second.stdout and "(0 checked, 2 from cache" in second.stderr
    # The re-run read that file: made unreadable, the run parses and writes it again.
    kept.write_text("damaged", encoding="utf-8")
    third = run_cli(*args, "--select", LINK_RULES, str(listing), env=env)
    assert json.loads(third.stdout) == json.loads(first.stdout)
    assert kept.read_text(encoding="utf-8") != "damaged"


@pytest.mark.own_process
def test_no_cache_and_runs_reading_entries_keep_no_parse(server, tmp_path):
    ok = server.route("/ok", reply(200))
    listing = tmp_path / "README.md"
    listing.write_text(f"# Links\n\n- [Fine]({ok})\n", encoding="utf-8")
    cache = tmp_path / "cache"
    args = ("--check-links", "--allow-private-hosts", "--isolated", str(listing))
    env = {"AWESOME_LINT_CACHE_DIR": str(cache), "GITHUB_TOKEN": ""}
    run_cli(*args, "--select", LINK_RULES, "--no-cache", env=env)
    run_cli(*args, env=env)  # every rule: entries are read, and such a parse is not kept
    assert not (cache / kept_parse.FOLDER).exists()


def test_texts_sharing_a_file_name_are_not_confused(tmp_path, monkeypatch):
    # A CRC is no proof of the text: the file holds the text, and another is not read.
    monkeypatch.setattr(kept_parse, "_name", lambda text, meta: "same.json")
    one, two = "- [One](https://example.org/1)\n", "- [Two](https://example.org/2)\n"
    kept_parse.store(tmp_path, parse(one, "a.md", entries=False), False, one)
    assert kept_parse.load(tmp_path, two, "a.md", False) is None
    assert kept_parse.load(tmp_path, one, "a.md", False) == parse(one, "a.md", entries=False)
