"""The Action's check-papers input: the papers of entries the pull request adds or edits
(default), or none. In-process, like the link tests: loopback must be allowed for the fakes,
and only the command line / the test can allow it."""

from __future__ import annotations

import difflib
import io
import json

import pytest

from awesome_lint.github.action import CoreLinter, run
from tests.github_api_server import FakeGitHub

REPO = "lists/awesome"
ENTRY = "**{title}**<br>\n*{authors}*<br>\n[{date}] [{venue}]<br>\n[[Paper](https://arxiv.org/abs/{id})]<br>\n"

OLD = [
    ("Old Paper One", "Ann One", "20th Jan., 2023", "arXiv, 2023", "2301.00011"),
    ("Old Paper Two", "Bob Two", "10th Jan., 2023", "arXiv, 2023", "2301.00022"),
]
NEW = [
    (
        "Enhancing Representation in Radiography-Reports Foundation Model: A Granular Alignment Algorithm Using Masked Contrastive Learning",
        "Weijian Huang, Cheng Li, Hao Yang, Jiarun Liu, Shanshan Wang",
        "12th Sep., 2023",
        "arXiv, 2023",
        "2309.05904",
    ),
    (
        "Knowledge Boosting: Rethinking Medical Contrastive Vision-Language Pre-Training",
        "Xiaofei Chen, Yuting He, Cheng Xue, Rongjun Ge, Shuo Li, Guanyu Yang",
        "14th Jul., 2023",
        "arXiv, 2023",
        "2307.07246",
    ),
    (
        "Med-Flamingo: a Multimodal Medical Few-shot Learner",
        "Michael Moor, Qian Huang",
        "27th Jul., 2023",
        "arXiv, 2023",
        "2307.15189",
    ),
]


def block(rows):
    return "\n".join(
        ENTRY.format(title=t, authors=a, date=d, venue=v, id=i) for t, a, d, v, i in rows
    )


@pytest.fixture
def gh():
    s = FakeGitHub().start()
    s.add_token("ghs_bot", "github-actions[bot]", type="Bot")
    yield s
    s.stop()


@pytest.fixture
def pr(tmp_path, gh, monkeypatch, arxiv, crossref):
    return make_pr(tmp_path, gh, monkeypatch, arxiv, crossref, block(NEW))


def make_pr(tmp_path, gh, monkeypatch, arxiv, crossref, added: str) -> dict:
    base = "## Papers\n\n" + block(OLD)
    head = "## Papers\n\n" + added + "\n" + block(OLD)
    ws = tmp_path / "ws"
    ws.mkdir()
    (ws / "README.md").write_text(head)
    patch = "\n".join(
        list(difflib.unified_diff(base.split("\n"), head.split("\n"), lineterm="", n=3))[2:]
    )
    gh.add_pull(
        REPO,
        7,
        "a" * 40,
        "b" * 40,
        [{"filename": "README.md", "patch": patch, "additions": 15, "deletions": 0}],
    )
    event = {
        "number": 7,
        "pull_request": {"number": 7, "head": {"sha": "a" * 40}},
        "repository": {"full_name": REPO},
    }
    (tmp_path / "event.json").write_text(json.dumps(event))
    monkeypatch.setenv("AWESOME_LINT_ARXIV_API", arxiv.api)
    monkeypatch.setenv("AWESOME_LINT_CROSSREF_API", crossref.url)
    monkeypatch.setenv("AWESOME_LINT_ARXIV_SPACING", "0.01")
    return {
        "GITHUB_EVENT_NAME": "pull_request",
        "GITHUB_EVENT_PATH": str(tmp_path / "event.json"),
        "GITHUB_REPOSITORY": REPO,
        "GITHUB_API_URL": gh.url,
        "GITHUB_TOKEN": "ghs_bot",
        "GITHUB_WORKSPACE": str(ws),
        "GITHUB_STEP_SUMMARY": str(tmp_path / "summary.md"),
        "GITHUB_OUTPUT": str(tmp_path / "output"),
        "AWESOME_LINT_COMMENT": "none",
        "AWESOME_LINT_CHECK_LINKS": "none",
    }


def run_action(env, check_papers):
    out = io.StringIO()
    linter = CoreLinter(
        isolated=True, paper_options={"allow_private_hosts": True, "no_cache": True}
    )
    code = run(environ={**env, "AWESOME_LINT_CHECK_PAPERS": check_papers}, out=out, linter=linter)
    return code, out.getvalue()


def test_a_pull_request_adding_three_papers_costs_one_request(pr, arxiv):
    code, out = run_action(pr, "changed")
    assert len(arxiv.requests) == 1
    asked = arxiv.requests[0].query["id_list"].split(",")
    assert sorted(asked) == ["2307.07246", "2307.15189", "2309.05904"]  # not the old entries'
    assert arxiv.requests[0].query["max_results"] == "3"
    stale = [ln for ln in out.splitlines() if "AL504" in ln]
    assert len(stale) == 1 and "MICCAI 2023" in stale[0]
    authors = [ln for ln in out.splitlines() if "AL502" in ln]
    assert len(authors) == 1 and "lists 2 of the paper" in authors[0]
    assert code == 0  # warnings only


def test_none_fetches_nothing(pr, arxiv, crossref):
    code, out = run_action(pr, "none")
    assert arxiv.requests == [] and crossref.requests == []
    assert "AL50" not in out


def test_bad_input_is_one_error(pr):
    code, out = run_action(pr, "all")
    assert code == 2 and "check-papers must be one of changed|none" in out


NONE_ENTRY = (
    "**Clinical-BERT: Vision-Language Pre-training for Radiograph Diagnosis and Reports Generation**<br>\n"
    "*none*<br>\n"
    "[22nd Jun., 2022] [AAAI, 2022]<br>\n"
    "[[Paper](https://ojs.aaai.org/index.php/AAAI/article/view/20204)]<br>\n"
)


def test_the_review_suggests_the_authors_for_none(tmp_path, gh, monkeypatch, arxiv, crossref):
    env = make_pr(tmp_path, gh, monkeypatch, arxiv, crossref, NONE_ENTRY)
    code, out = run_action({**env, "AWESOME_LINT_COMMENT": "review"}, "changed")
    assert code == 1  # missing-authors is an error
    (review,) = gh.calls("POST", "/reviews$")
    bodies = [c["body"] for c in review.body["comments"]]
    assert any("```suggestion\n*Bin Yan, Mingtao Pei*<br>\n```" in b for b in bodies), bodies
    assert [r.query.get("query.bibliographic") for r in crossref.requests] == [
        "Clinical-BERT: Vision-Language Pre-training for Radiograph Diagnosis and Reports Generation"
    ]
