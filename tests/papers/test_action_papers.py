"""The Action's check-papers input: the papers of entries the pull request adds or edits
(default), or none. The installed ``awesome-lint --github --allow-private-hosts``, like the
link tests: loopback must be allowed for the fakes, and only the command line can allow it."""

from __future__ import annotations

import pytest

from tests.network_action import pull_request, run_action

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
def gh(github_api):
    return github_api


@pytest.fixture
def pr(tmp_path, gh):
    return make_pr(tmp_path, gh, block(NEW))


def make_pr(tmp_path, gh, added: str, *, target: bool = False):
    base = "## Papers\n\n" + block(OLD)
    head = "## Papers\n\n" + added + "\n" + block(OLD)
    return pull_request(tmp_path, gh, base, head, target=target)


@pytest.fixture
def fakes(arxiv, crossref) -> dict:
    """The environment that points the command at the fake services."""
    return {
        "AWESOME_LINT_ARXIV_API": arxiv.api,
        "AWESOME_LINT_CROSSREF_API": crossref.url,
        "AWESOME_LINT_ARXIV_SPACING": "0.01",
    }


def check(pr, fakes, check_papers: str, *, target: bool = False, **env) -> tuple[int, str]:
    env = {"AWESOME_LINT_COMMENT": "none", **env}
    return run_action(pr, target=target, AWESOME_LINT_CHECK_PAPERS=check_papers, **fakes, **env)


def assert_three_new_papers_checked(arxiv, code: int, out: str) -> None:
    assert len(arxiv.requests) == 1
    asked = arxiv.requests[0].query["id_list"].split(",")
    assert sorted(asked) == ["2307.07246", "2307.15189", "2309.05904"]  # not the old entries'
    assert arxiv.requests[0].query["max_results"] == "3"
    stale = [ln for ln in out.splitlines() if "AL504" in ln]
    assert len(stale) == 1 and "MICCAI 2023" in stale[0]
    authors = [ln for ln in out.splitlines() if "AL502" in ln]
    assert len(authors) == 1 and "lists 2 of the paper" in authors[0]
    assert code == 0  # warnings only


def test_a_pull_request_adding_three_papers_costs_one_request(pr, fakes, arxiv):
    code, out = check(pr, fakes, "changed")
    assert_three_new_papers_checked(arxiv, code, out)


def test_pull_request_target_checks_the_papers_of_the_head_read_through_the_api(
    tmp_path, gh, fakes, arxiv
):
    # The safe workflow's checkout is the base: the added entries exist only in the API's
    # copy of the head, so a finding about them proves the papers were checked there.
    pr = make_pr(tmp_path, gh, block(NEW), target=True)
    code, out = check(pr, fakes, "changed", target=True)
    assert gh.calls("GET", "/contents/README.md")
    assert_three_new_papers_checked(arxiv, code, out)


def test_pull_request_target_with_none_fetches_nothing(tmp_path, gh, fakes, arxiv, crossref):
    pr = make_pr(tmp_path, gh, block(NEW), target=True)
    code, out = check(pr, fakes, "none", target=True)
    assert arxiv.requests == [] and crossref.requests == []
    assert "AL50" not in out


@pytest.mark.parametrize("target", [False, True], ids=["pull_request", "pull_request_target"])
def test_unusable_paper_settings_are_one_error(tmp_path, gh, fakes, arxiv, target):
    pr = make_pr(tmp_path, gh, block(NEW), target=target)
    code, out = check(pr, {**fakes, "AWESOME_LINT_ARXIV_SPACING": "soon"}, "changed", target=target)
    assert code == 2, out
    (error,) = [ln for ln in out.splitlines() if ln.startswith("::error")]
    assert "[papers] AWESOME_LINT_ARXIV_SPACING='soon' is not a number of seconds" in error
    assert arxiv.requests == []


def test_without_the_flag_the_fakes_are_not_asked(pr, fakes, arxiv):
    # The control: the command line's flag is what lets the run reach 127.0.0.1.
    proc = pr.run(AWESOME_LINT_CHECK_PAPERS="changed", AWESOME_LINT_COMMENT="none", **fakes)
    assert arxiv.requests == []
    assert "allow-private-hosts" in proc.stdout + proc.stderr


def test_none_fetches_nothing(pr, fakes, arxiv, crossref):
    code, out = check(pr, fakes, "none")
    assert arxiv.requests == [] and crossref.requests == []
    assert "AL50" not in out


def test_bad_input_is_one_error(pr, fakes):
    code, out = check(pr, fakes, "all")
    assert code == 2 and "check-papers must be one of changed|none" in out


NONE_ENTRY = (
    "**Clinical-BERT: Vision-Language Pre-training for Radiograph Diagnosis and Reports Generation**<br>\n"
    "*none*<br>\n"
    "[22nd Jun., 2022] [AAAI, 2022]<br>\n"
    "[[Paper](https://ojs.aaai.org/index.php/AAAI/article/view/20204)]<br>\n"
)


@pytest.mark.parametrize("target", [False, True], ids=["pull_request", "pull_request_target"])
def test_the_review_suggests_the_authors_for_none(tmp_path, gh, fakes, crossref, target):
    pr = make_pr(tmp_path, gh, NONE_ENTRY, target=target)
    code, out = check(pr, fakes, "changed", target=target, AWESOME_LINT_COMMENT="review")
    assert code == 1  # missing-authors is an error
    (review,) = gh.calls("POST", "/reviews$")
    bodies = [c["body"] for c in review.body["comments"]]
    assert any("```suggestion\n*Bin Yan, Mingtao Pei*<br>\n```" in b for b in bodies), bodies
    assert [r.query.get("query.bibliographic") for r in crossref.requests] == [
        "Clinical-BERT: Vision-Language Pre-training for Radiograph Diagnosis and Reports Generation"
    ]
