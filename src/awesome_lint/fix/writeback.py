"""Writing a fixed list back: the file's own bytes except where a fix changed them.

Fixes work on the normalised text (LF line ends, no BOM). ``encode_like`` puts the file's
own details back: its BOM, its final newline or lack of one, and each line's own line
ending (so even a file that mixes CRLF and LF keeps every ending it had); only lines a fix
added get the file's dominant ending. ``write_atomic`` replaces the file through a temporary file in the same
directory, with the same permissions, and refuses (InputError, exit 2) when the file is a
symbolic link, read-only, hard-linked, or changed on disk since it was read.
"""

from __future__ import annotations

import difflib
import os
import re
import stat
import tempfile

from ..errors import InputError
from ..textio import Source

_LINE = re.compile(r"[^\r\n]*(\r\n|\r|\n|$)")


def split_with_endings(text: str) -> list[tuple[str, str]]:
    """(content, ending) per line; the last line's ending is "" when the text has none."""
    out = []
    for m in _LINE.finditer(text):
        if m.end() == m.start():  # the empty match after a final line ending
            break
        out.append((m.group(0)[: len(m.group(0)) - len(m.group(1))], m.group(1)))
        if not m.group(1):
            break
    return out


def encode_like(source: Source, fixed: str) -> bytes:
    """The bytes to write for ``fixed`` (normalised text) in the layout of ``source``."""
    old = split_with_endings(source.text)
    new = fixed.split("\n")
    final_newline = fixed.endswith("\n")
    if final_newline:
        new.pop()
    old_contents = [c for c, _ in old]
    endings: list[str] = [source.newline] * len(new)
    if all(e in (source.newline, "") for _, e in old):
        pass  # one line ending throughout (nearly every file): nothing to match
    elif old_contents == new:
        endings = [e or source.newline for _, e in old]
    else:
        matcher = difflib.SequenceMatcher(None, old_contents, new, autojunk=False)
        removed: dict[str, list[str]] = {}
        added: list[int] = []
        for tag, a1, a2, b1, b2 in matcher.get_opcodes():
            # Kept lines, and lines edited one for one, keep their own ending.
            if tag == "equal" or (tag == "replace" and a2 - a1 == b2 - b1):
                for k in range(b2 - b1):
                    endings[b1 + k] = old[a1 + k][1] or source.newline
                continue
            for content, ending in old[a1:a2]:
                removed.setdefault(content, []).append(ending)
            added.extend(range(b1, b2))
        for b in added:  # a line moved elsewhere (--sort-entries) takes its ending along
            pool = removed.get(new[b])
            if pool:
                endings[b] = pool.pop(0) or source.newline
    parts = []
    for i, (line, ending) in enumerate(zip(new, endings)):
        parts.append(line)
        if i < len(new) - 1 or final_newline:
            parts.append(ending)
    data = "".join(parts).encode("utf-8")
    return b"\xef\xbb\xbf" + data if source.bom else data


def original_bytes(source: Source) -> bytes:
    data = source.text.encode("utf-8")
    return b"\xef\xbb\xbf" + data if source.bom else data


def check_writable(path: str) -> os.stat_result:
    """Refuse, with one clear line, every file --fix must not replace."""
    try:
        st = os.lstat(path)
    except OSError as exc:
        raise InputError(path, f"cannot write: {exc.strerror or exc}") from None
    if stat.S_ISLNK(st.st_mode):
        target = os.path.realpath(path)
        raise InputError(
            path, f"is a symbolic link; --fix does not write through links (run it on {target})"
        )
    if stat.S_ISDIR(st.st_mode):
        raise InputError(path, "is a directory, not a Markdown file")
    if not stat.S_ISREG(st.st_mode):
        raise InputError(path, "is not a regular file; not fixed")
    # Root may write anywhere, so os.access alone would let a chmod a-w file be replaced.
    if not st.st_mode & 0o222 or not os.access(path, os.W_OK):
        raise InputError(path, "is read-only; not fixed")
    if st.st_nlink > 1:
        raise InputError(
            path, f"has {st.st_nlink} hard links; replacing it would split them, so it is not fixed"
        )
    return st


def write_atomic(source: Source, data: bytes) -> None:
    """Replace ``source.path`` with ``data`` unless it changed on disk since it was read."""
    path = source.path
    st = check_writable(path)
    if (
        st.st_mtime_ns != source.mtime_ns
        or st.st_size != source.size
        or _read(path) != original_bytes(source)
    ):
        raise InputError(path, "changed on disk since it was read; not overwritten (run again)")
    directory = os.path.dirname(os.path.abspath(path))
    try:
        fd, tmp = tempfile.mkstemp(
            prefix=f".{os.path.basename(path)}.", suffix=".awesome-lint.tmp", dir=directory
        )
    except OSError as exc:
        raise InputError(
            path, f"cannot write a temporary file in {directory}: {exc.strerror or exc}"
        ) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, stat.S_IMODE(st.st_mode))
        if (st.st_uid, st.st_gid) != (os.geteuid(), os.getegid()):
            try:
                os.chown(tmp, st.st_uid, st.st_gid)
            except OSError:
                pass  # only root may give a file away; the content is what matters
        os.replace(tmp, path)
    except OSError as exc:
        _unlink(tmp)
        raise InputError(path, f"cannot write: {exc.strerror or exc}") from None
    except BaseException:
        _unlink(tmp)
        raise
    _fsync_dir(directory)


def _read(path: str) -> bytes | None:
    try:
        with open(path, "rb") as fh:
            return fh.read()
    except OSError:
        return None


def _unlink(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


def _fsync_dir(directory: str) -> None:
    # Makes the rename itself durable; not every platform lets a directory be opened.
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
