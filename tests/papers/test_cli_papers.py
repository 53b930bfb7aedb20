"""End to end: the installed awesome-lint command with --check-papers against the fakes."""

from __future__ import annotations

import shutil

import pytest

from ..conftest import FIXTURES, run_cli
from ..test_startup_imports import imported_modules

EXCERPT = FIXTURES / "papers" / "original_excerpt.md"


@pytest.mark.own_process
def test_fix_fills_both_none_entries_from_crossref_found_by_title(
    tmp_path, arxiv, crossref, paper_env
):
    target = tmp_path / "README.md"
    shutil.copy(EXCERPT, target)
    proc = run_cli(
        "--isolated", "--fix", "--check-papers", "--allow-private-hosts", str(target), env=paper_env
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    text = target.read_text(encoding="utf-8")
    assert "*none*" not in text
    assert (
        "**Clinical-BERT: Vision-Language Pre-training for Radiograph Diagnosis and Reports Generation**<br>\n"
        "*Bin Yan, Mingtao Pei*<br>\n"
    ) in text
    assert (
        "**Vision-Language Model for Visual Question Answering in Medical Imagery**<br>\n"
        "*Yakoub Bazi, Mohamad Mahmoud Al Rahhal, Laila Bashmal, Mansour Zuair*<br>\n"
    ) in text
    searches = [r.query.get("query.bibliographic") for r in crossref.requests]
    assert (
        "Clinical-BERT: Vision-Language Pre-training for Radiograph Diagnosis and Reports Generation"
        in searches
    )
    # The rest of the file is byte for byte what it was.
    before = EXCERPT.read_text(encoding="utf-8").splitlines()
    after = text.splitlines()
    changed = [i for i, (a, b) in enumerate(zip(before, after)) if a != b]
    assert len(before) == len(after) and len(changed) == 2

    # And the result lints clean, papers checked again (from the cache: no new requests).
    asked = len(arxiv.requests) + len(crossref.requests)
    again = run_cli(
        "--isolated", "--check-papers", "--allow-private-hosts", str(target), env=paper_env
    )
    assert again.returncode == 0, again.stdout + again.stderr
    assert again.stdout == "All clear: 5 entries in 1 file, no problems.\n"
    assert len(arxiv.requests) + len(crossref.requests) == asked
    assert "from cache" in again.stderr


def test_a_re_run_answered_from_the_cache_loads_no_http_client(
    tmp_path, arxiv, crossref, paper_env
):
    """The warm re-run (CI's second push, the pre-commit hook) sends nothing, so it loads
    neither requests nor the address guard nor the Atom parser."""
    target = tmp_path / "README.md"
    text = EXCERPT.read_text(encoding="utf-8")
    target.write_text(text.replace("*none*", "*Someone Else*"), encoding="utf-8")
    args = ("--isolated", "--check-papers", "--allow-private-hosts", "README.md")
    first = run_cli(*args, cwd=tmp_path, env=paper_env)
    assert first.returncode in (0, 1), first.stderr
    asked = len(arxiv.requests) + len(crossref.requests)
    assert len(arxiv.requests) >= 1  # the list's arXiv papers were fetched once
    modules = imported_modules(*args, cwd=tmp_path, env=paper_env)
    assert len(arxiv.requests) + len(crossref.requests) == asked
    assert "awesome_lint.papers.lookup" in modules  # papers were checked, from the cache
    heavy = ("requests", "urllib3", "xml.etree", "email", "awesome_lint.links.transport")
    assert sorted(m for m in modules if m.split(".")[0] in heavy or m in heavy) == []


def test_without_check_papers_nothing_is_fetched_and_none_stays_unfixed(
    tmp_path, arxiv, crossref, paper_env
):
    target = tmp_path / "README.md"
    shutil.copy(EXCERPT, target)
    proc = run_cli("--isolated", "--fix", "--allow-private-hosts", str(target), env=paper_env)
    assert proc.returncode == 1
    assert "*none*" in target.read_text(encoding="utf-8")
    assert arxiv.requests == [] and crossref.requests == []


def test_loopback_apis_are_refused_without_allow_private_hosts(
    tmp_path, arxiv, crossref, paper_env
):
    target = tmp_path / "README.md"
    shutil.copy(EXCERPT, target)
    proc = run_cli("--isolated", "--check-papers", str(target), env=paper_env)
    assert arxiv.requests == [] and crossref.requests == []
    assert "allow-private-hosts" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_check_papers_and_check_links_together(tmp_path, arxiv, crossref, paper_env):
    """Both network parts in one run: links checked, papers checked, one lint."""
    target = tmp_path / "README.md"
    text = EXCERPT.read_text(encoding="utf-8").replace(
        "[[GitHub](https://github.com/snap-stanford/med-flamingo)]",
        f"[[GitHub]({arxiv.url}/no-such-repo)]",
    )
    target.write_text(text, encoding="utf-8")
    proc = run_cli(
        "--isolated",
        "--check-papers",
        "--check-links",
        "--allow-private-hosts",
        "--include",
        r"^http://127\.0\.0\.1",
        "--select",
        "dead-link,missing-authors,AL5",
        str(target),
        env=paper_env,
    )
    assert proc.returncode == 1, proc.stderr
    codes = sorted(
        line.split()[1] for line in proc.stdout.splitlines() if line.startswith(str(target))
    )
    assert codes == [
        "AL202",
        "AL202",
        "AL306",
    ]  # the *none* entries (fixable now) and the dead link
    assert "papers: 5 checked: 5 found" in proc.stderr and "links: " in proc.stderr
    assert any(r.path == "/no-such-repo" for r in arxiv.requests)


def test_stdin_is_checked_but_not_fixed_with_papers(tmp_path, arxiv, crossref, paper_env):
    text = EXCERPT.read_text(encoding="utf-8")
    proc = run_cli(
        "--isolated", "--check-papers", "--allow-private-hosts", "-", stdin=text, env=paper_env
    )
    assert proc.returncode == 1 and "AL202" in proc.stdout  # the *none* entries, read from stdin
    assert "papers: 5 checked" in proc.stderr
    proc = run_cli(
        "--isolated",
        "--fix",
        "--check-papers",
        "--allow-private-hosts",
        "-",
        stdin=text,
        env=paper_env,
    )
    assert proc.returncode == 2 and "needs files, not stdin" in proc.stderr


def test_papers_config_table_mailto_and_bad_keys(tmp_path, arxiv, crossref, paper_env):
    target = tmp_path / "README.md"
    shutil.copy(EXCERPT, target)
    (tmp_path / ".awesome-lint.toml").write_text('[papers]\nmailto = "lists@example.org"\n')
    proc = run_cli("--check-papers", "--allow-private-hosts", str(target), env=paper_env)
    assert proc.returncode == 1, proc.stderr
    assert {r.query.get("mailto") for r in crossref.requests} == {"lists@example.org"}
    (tmp_path / ".awesome-lint.toml").write_text('[papers]\narxiv-api = "http://10.0.0.1/"\n')
    proc = run_cli("--check-papers", "--allow-private-hosts", str(target), env=paper_env)
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and "[papers] unknown key 'arxiv-api'" in proc.stderr
