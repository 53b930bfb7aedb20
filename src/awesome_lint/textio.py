"""Reading a list from disk or stdin, with one clear error for every way that can fail.

The file's own details (BOM, line endings, final newline) are kept beside the text so a
fix can write the file back exactly as it was, changed only where fixed.
"""

from __future__ import annotations

import os
import stat
import sys
from dataclasses import dataclass

from .errors import InputError

STDIN = "-"
_SNIFF = 8192


@dataclass(frozen=True)
class Source:
    """A list as read: its text, and how to write it back the way it was."""

    path: str
    text: str  # decoded, BOM removed, line endings as in the file
    bom: bool
    newline: str  # "\r\n" when the file uses CRLF, else "\n"
    mtime_ns: int | None  # to detect a file changed on disk before writing back
    size: int


def read_source(path: str, max_bytes: int, max_lines: int | None = None) -> Source:
    if path == STDIN:
        data = sys.stdin.buffer.read(max_bytes + 1)
        return decode("<stdin>", data, max_bytes, None, max_lines)
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except PermissionError:
        raise InputError(path, "permission denied") from None
    except OSError as exc:
        raise InputError(path, f"cannot read: {exc.strerror or exc}") from None
    if stat.S_ISDIR(st.st_mode):
        raise InputError(path, "is a directory, not a Markdown file")
    if not stat.S_ISREG(st.st_mode):
        raise InputError(path, "is not a regular file")
    if st.st_size > max_bytes:
        raise InputError(
            path,
            f"file is {_size(st.st_size)}, larger than the {_size(max_bytes)} limit (max-file-size)",
        )
    try:
        with open(path, "rb") as fh:
            data = fh.read(max_bytes + 1)
    except PermissionError:
        raise InputError(path, "permission denied") from None
    except OSError as exc:
        raise InputError(path, f"cannot read: {exc.strerror or exc}") from None
    return decode(path, data, max_bytes, st.st_mtime_ns, max_lines)


def check_limits(
    path: str, data: bytes, max_bytes: int, max_lines: int | None, what: str = "file"
) -> None:
    """The size limits, for text read here and for text read elsewhere (the GitHub API)."""
    if len(data) > max_bytes:
        raise InputError(path, f"input is larger than the {_size(max_bytes)} limit (max-file-size)")
    # The work grows with the lines as much as with the bytes: 1.5 MB of one-line items is
    # 80,000 items (README, Performance). CR alone ends a line too: counted by the larger count.
    lines = max(data.count(b"\n"), data.count(b"\r")) + (not data.endswith((b"\n", b"\r")))
    if max_lines is not None and lines > max_lines:
        raise InputError(
            path, f"{what} has {lines:,} lines, more than the {max_lines:,} limit (max-lines)"
        )


def decode(
    path: str, data: bytes, max_bytes: int, mtime_ns: int | None, max_lines: int | None = None
) -> Source:
    check_limits(path, data, max_bytes, max_lines, "input" if mtime_ns is None else "file")
    if not data.strip():
        raise InputError(path, "file is empty" if not data else "file holds only whitespace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(path, "file is UTF-16; save it as UTF-8")
    if b"\x00" in data[:_SNIFF] or b"\x00" in data:
        raise InputError(path, "binary file (contains NUL bytes), not Markdown")
    bom = data.startswith(b"\xef\xbb\xbf")
    try:
        text = data.decode("utf-8-sig" if bom else "utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise InputError(
            path, f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at line {line}, column {col})"
        ) from None
    crlf = text.count("\r\n")
    newline = "\r\n" if crlf and crlf >= text.count("\n") - crlf else "\n"
    return Source(path, text, bom, newline, mtime_ns, len(data))


def _size(n: int) -> str:
    if n >= 1_000_000:
        return f"{n / 1_000_000:.1f} MB"
    if n >= 1_000:
        return f"{n / 1_000:.1f} kB"
    return f"{n} bytes"
