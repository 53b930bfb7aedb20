import pytest

from awesome_lint.github.diff import PatchError, file_diff, parse_patch

PATCH = """@@ -10,7 +10,9 @@ Intro line
 context 10
-old 11
+new 11
+new 12
 context 13
 context 14
+new 15
 context 16

@@ -40,3 +42,2 @@ Section
 context 42
-removed 41
 context 43
\\ No newline at end of file"""


def test_added_and_changed_lines_on_the_head_side():
    added, hunks = parse_patch(PATCH)
    assert added == {11, 12, 15}
    assert hunks == (range(10, 19), range(42, 44))


def test_pure_deletion_adds_nothing_but_shows_context():
    added, hunks = parse_patch("@@ -1,3 +1,2 @@\n a\n-b\n c")
    assert added == frozenset()
    assert hunks == (range(1, 3),)


def test_new_file_hunk_without_count():
    added, hunks = parse_patch("@@ -0,0 +1 @@\n+only line")
    assert added == {1}
    assert hunks == (range(1, 2),)


def test_empty_new_file_has_no_lines():
    d = file_diff("a.md", "added", "")
    assert d.added == frozenset() and not d.patch_omitted


def test_commentable_needs_one_hunk():
    d = file_diff("README.md", "modified", PATCH)
    assert d.commentable(11, 12)
    assert d.commentable(13, 13)  # a context line is visible in the diff
    assert not d.commentable(18, 42)  # spans two hunks
    assert not d.commentable(30, 30)  # not in the diff at all


def test_omitted_patch_is_flagged_but_a_pure_rename_is_not():
    assert file_diff("big.md", "modified", None, changes=5000).patch_omitted
    assert not file_diff("moved.md", "renamed", None, changes=0).patch_omitted
    assert not file_diff("gone.md", "removed", None, changes=10).patch_omitted


def test_garbage_before_the_first_hunk_is_an_error():
    with pytest.raises(PatchError):
        parse_patch("diff --git a/x b/x\n@@ -1 +1 @@\n+x")


def test_mismatch_finds_a_checkout_that_is_not_the_head():
    d = file_diff("README.md", "modified", "@@ -1,2 +1,3 @@\n a\n+b\n c")
    assert d.mismatch(["a", "b", "c"]) is None
    assert d.mismatch(["a", "B", "c"]) == 2
    assert d.mismatch(["a"]) == 2
