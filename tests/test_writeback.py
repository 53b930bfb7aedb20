"""Writing fixed text back: layout restored byte for byte, and every refusal."""

from __future__ import annotations

import os

import pytest

from awesome_lint.errors import InputError
from awesome_lint.fix.writeback import check_writable, encode_like, split_with_endings, write_atomic
from awesome_lint.textio import decode, read_source


def _source(data: bytes):
    return decode("x.md", data, 10**6, None)


@pytest.mark.parametrize(
    "text,expected",
    [
        ("a\nb\n", [("a", "\n"), ("b", "\n")]),
        ("a\r\nb", [("a", "\r\n"), ("b", "")]),
        ("a\rb\r\n\n", [("a", "\r"), ("b", "\r\n"), ("", "\n")]),
        ("a\u2028b\n", [("a\u2028b", "\n")]),  # only CR and LF end a line
    ],
)
def test_split_with_endings(text, expected):
    assert split_with_endings(text) == expected


def test_unchanged_text_encodes_to_the_original_bytes():
    for data in (b"a\r\nb\nc\rd", b"\xef\xbb\xbfx\r\n", b"x\n\n\n", b"no newline"):
        src = _source(data)
        from awesome_lint.parse.parser import normalize

        assert encode_like(src, normalize(src.text)) == data


def test_inserted_lines_take_the_dominant_ending_and_moved_lines_keep_theirs():
    src = _source(b"a\r\nb\r\nc\n")
    assert encode_like(src, "a\nB\nc\n") == b"a\r\nB\r\nc\n"  # edited in place: own ending
    assert encode_like(src, "c\na\nb\n") == b"c\na\r\nb\r\n"  # moved: own ending
    assert encode_like(src, "a\nnew\nb\nc\n") == b"a\r\nnew\r\nb\r\nc\n"  # added: the file's


def _read(tmp_path, data=b"# T\n\ntext \n"):
    path = tmp_path / "README.md"
    path.write_bytes(data)
    return path, read_source(str(path), 10**6)


def test_write_atomic_replaces_the_file(tmp_path):
    path, src = _read(tmp_path)
    write_atomic(src, b"# T\n\ntext\n")
    assert path.read_bytes() == b"# T\n\ntext\n"


def test_a_file_changed_on_disk_is_not_overwritten(tmp_path):
    path, src = _read(tmp_path)
    path.write_bytes(b"# T\n\ntext \nmore\n")  # someone saved the file meanwhile
    with pytest.raises(InputError, match="changed on disk"):
        write_atomic(src, b"# T\n\ntext\n")
    assert path.read_bytes() == b"# T\n\ntext \nmore\n"


def test_a_same_size_change_with_the_old_mtime_is_still_caught(tmp_path):
    path, src = _read(tmp_path)
    st = path.stat()
    path.write_bytes(b"# X\n\ntext \n")
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    with pytest.raises(InputError, match="changed on disk"):
        write_atomic(src, b"# T\n\ntext\n")
    assert path.read_bytes() == b"# X\n\ntext \n"


def test_fifo_is_refused(tmp_path):
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match="not a regular file"):
        check_writable(str(fifo))


def test_missing_file_is_refused(tmp_path):
    with pytest.raises(InputError, match="cannot write"):
        check_writable(str(tmp_path / "gone.md"))
