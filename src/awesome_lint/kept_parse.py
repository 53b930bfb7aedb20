"""A parsed list kept beside the link cache, for link re-runs over the same text.

Checking links means parsing the list first, and on a re-run whose link results all come
from the cache the parse is most of the run: 5,000 links in a 570 KB list are parsed in
about 0.4 s and looked up in 0.05 s. So a run that uses the link cache also keeps the
``Document`` the parser made, and the next such run over the same text reads it back
instead of parsing again (ruff keeps its results per file the same way).

- **What it is read for**: the same text (kept in the file and compared, the file named by
  its CRC-32 and length), the same path (the document names it), whether entries were
  sought, the package version, and the size and modification time of every module the
  parse runs (``parse/``, ``model.py``, this file, markdown-it-py's ``__init__.py`` that
  holds its version): an edited parser, even in an editable install whose version stays
  the same, never reads an older parse. (Not a SHA-256: importing hashlib loads OpenSSL,
  18 ms, a twentieth of the re-run.)
- **Format**: JSON, not pickle or marshal: the cache directory can be restored from a CI
  cache that others wrote, and JSON can only ever give data. Only the model's own types are
  written (its frozen dataclasses by field order, its enums by value, ``datetime.date``,
  tuples and frozensets); a document holding anything else is not kept.
- **Trust**: what is read back must decode to the model's types, and its text must be the
  text read now; anything else (damaged, truncated, another layout) is parsed anew.
- Files are written atomically (a temporary file renamed over), and only the most recent
  ``KEEP`` are kept.
"""

from __future__ import annotations

import dataclasses
import datetime
import enum
import importlib.util
import json
import os
from binascii import crc32
from collections.abc import Callable
from pathlib import Path

from . import model
from .kept_code import exec_kept
from .model import Document
from .parse.makers import maker
from .version import __version__

FOLDER = "parsed-v1"
KEEP = 16  # lists: a maintainer's few, and the pull requests' versions of them

_CLASSES: dict[str, type] = {}
_ENUMS: dict[str, type] = {}
for _name, _value in vars(model).items():
    if isinstance(_value, type) and _value.__module__ == model.__name__:
        if issubclass(_value, enum.Enum):
            _ENUMS[_name] = _value
        elif dataclasses.is_dataclass(_value) and all(f.init for f in dataclasses.fields(_value)):
            _CLASSES[_name] = _value
_FIELDS = {cls: tuple(f.name for f in dataclasses.fields(cls)) for cls in _CLASSES.values()}
_NAME = {cls: name for name, cls in (*_CLASSES.items(), *_ENUMS.items())}


_PLAIN = (str, int, bool, type(None))
_SPAN = model.Span


class Unkeepable(TypeError):
    """The document holds a value of a type the format does not write."""


def _plan(cls: type) -> tuple[object, ...]:
    """How each field of ``cls`` is written: a field annotated ``Span`` as its four numbers
    in place, one annotated with an enum as its value, anything else as ``encode`` writes
    it. (Spans are most of a document: written as objects they were most of the work.)"""
    hints = {}
    for klass in reversed(cls.__mro__):
        hints.update(getattr(klass, "__annotations__", {}))
    plan: list[object] = []
    for f in dataclasses.fields(cls):
        hint = hints.get(f.name)
        plan.append(_SPAN if hint == "Span" else _ENUMS.get(hint, None))  # type: ignore[arg-type]
    return tuple(plan)


_PLANS = {cls: _plan(cls) for cls in _CLASSES.values()}


def _decoder(name: str, cls: type) -> Callable[[list], object]:
    """The function making a ``cls`` from its written fields (generated, as dataclasses
    generates ``__init__``: one call per object instead of one per field)."""
    try:
        make: Callable[..., object] = maker(cls)
    except TypeError:  # not a plain frozen slots dataclass: its own constructor
        make = cls
    scope: dict[str, object] = {"_make": make, "_span": maker(_SPAN), "_tuples": _tuples}
    args, i = [], 0
    for k, how in enumerate(_PLANS[cls]):
        if how is _SPAN:
            args.append(f"_span(v[{i}], v[{i + 1}], v[{i + 2}], v[{i + 3}])")
            i += 4
        elif how is not None:
            scope[f"_enum{k}"] = {m.value: m for m in how}  # type: ignore[attr-defined]
            args.append(f"_enum{k}[v[{i}]]")
            i += 1
        else:
            args.append(f"_tuples(v[{i}])")
            i += 1
    source = (
        f"def decode(v):\n    if len(v) != {i}:\n        raise ValueError('{name}')\n"
        f"    return _make({', '.join(args)})\n"
    )
    exec_kept(source, scope)
    return scope["decode"]  # type: ignore[return-value]


def _tuples(value: object) -> object:
    """JSON's lists as the model's tuples (the objects in them are decoded already)."""
    if type(value) is list:
        return tuple([_tuples(v) if type(v) is list else v for v in value])
    return value


_DECODERS = {name: _decoder(name, cls) for name, cls in _CLASSES.items()}
_DOCUMENT = maker(Document)


def encode(value: object) -> object:
    """``value`` as JSON data that ``decode`` turns back into an equal value."""
    kind = type(value)
    if kind in _PLAIN:
        return value
    if kind is tuple:
        first = type(value[0]) if value else None  # type: ignore[index]
        if first in _PLANS and all(type(v) is first for v in value):  # type: ignore[attr-defined]
            # A run of one class (a document's links): one object of rows, decoded by one
            # call for the lot rather than one per row.
            return {f"{_NAME[first]}*": [_fields(v, first) for v in value]}  # type: ignore[attr-defined]
        return [encode(v) for v in value]  # type: ignore[attr-defined]
    if kind in _PLANS:
        return {_NAME[kind]: _fields(value, kind)}
    if kind in _NAME:  # an enum where no annotation says which
        return {_NAME[kind]: value.value}  # type: ignore[attr-defined]
    if kind is frozenset:
        items = list(value)  # type: ignore[call-overload]
        if not all(type(v) in (str, int) for v in items):
            raise Unkeepable("a frozenset of other than strings or numbers")
        return {"frozenset": sorted(items, key=lambda v: (type(v) is str, v))}
    if kind is datetime.date:
        return {"date": value.toordinal()}  # type: ignore[attr-defined]
    raise Unkeepable(f"a {kind.__name__}")


def _fields(value: object, kind: type) -> list[object]:
    """The fields of a dataclass instance as ``_PLANS`` writes them."""
    written: list[object] = []
    for name, how in zip(_FIELDS[kind], _PLANS[kind]):
        v = getattr(value, name)
        if how is _SPAN:
            if type(v) is not _SPAN:
                raise Unkeepable(f"{kind.__name__}.{name} is not a Span")
            written += (v.start_line, v.start_col, v.end_line, v.end_col)
        elif how is not None:
            if type(v) is not how:
                raise Unkeepable(f"{kind.__name__}.{name} is not a {how}")
            written.append(v.value)  # type: ignore[attr-defined]
        else:
            written.append(encode(v))
    return written


def _object(data: dict) -> object:
    """One JSON object as the value ``encode`` wrote it for (``json.loads``' object hook:
    the objects inside it are decoded first)."""
    if len(data) != 1:
        raise ValueError("an object of more than one key")
    ((name, value),) = data.items()
    decoder = _DECODERS.get(name)
    if decoder is not None:
        if type(value) is not list:
            raise ValueError(f"{name} without its fields")
        return decoder(value)
    if name.endswith("*") and name[:-1] in _DECODERS and type(value) is list:
        if not all(type(row) is list for row in value):
            raise ValueError(f"{name} rows that are not lists")
        return tuple(map(_DECODERS[name[:-1]], value))
    kind_enum = _ENUMS.get(name)
    if kind_enum is not None:
        return kind_enum(value)
    if name == "frozenset" and type(value) is list:
        return frozenset(value)
    if name == "date" and type(value) is int:
        return datetime.date.fromordinal(value)
    raise ValueError(f"unknown object {name!r}")


def decode(text: str) -> object:
    """The value ``encode`` wrote, from its JSON text; ValueError for text it cannot have
    written."""
    try:
        return _tuples(json.loads(text, object_hook=_object))
    except (KeyError, IndexError, TypeError) as exc:  # a value no field of it can hold
        raise ValueError(f"not a kept parse: {exc}") from None


def _text_and_lines(text: str) -> list:
    """The document's text and lines for ``text`` as read, made as the parser makes them."""
    from .parse.parser import source_lines

    text, lines = source_lines(text)
    return [text, tuple(lines)]


def _code_stamp() -> list:
    """Size and modification time of every module the parse runs."""
    here = Path(__file__).parent
    files = [here / "model.py", here / "kept_parse.py"]
    files += sorted((here / "parse").rglob("*.py"))
    # markdown-it-py's version is in its __init__.py; found, not imported (a re-run that
    # reads a kept parse never needs markdown-it).
    spec = importlib.util.find_spec("markdown_it")
    if spec is not None and spec.origin:
        files.append(Path(spec.origin))
    stamp = []
    for f in files:
        st = f.stat()
        stamp.append([f.as_posix(), st.st_size, st.st_mtime_ns])
    return stamp


_MAGIC = "awesome-lint kept parse"


def _meta(path: str, entries: bool) -> list:
    """What besides the text the parse depends on."""
    return [path, entries, __version__, _code_stamp()]


def _name(text: str, meta: list) -> str:
    """The file a parse is kept in. Two texts may share a name (a CRC is no proof): the
    file holds the text and what the parse depends on, and is read only when both match."""
    data = text.encode("utf-8", "surrogatepass")
    stamp = json.dumps(meta).encode("utf-8", "surrogatepass")
    return f"{crc32(data):08x}{len(data):x}-{crc32(stamp):08x}.json"


def load(directory: Path, text: str, path: str, entries: bool) -> Document | None:
    """The document kept for this text, or None (nothing kept, or not readable)."""
    meta = _meta(path, entries)
    try:
        raw = (directory / FOLDER / _name(text, meta)).read_text(encoding="utf-8")
        kept = decode(raw)
    except (OSError, ValueError, TypeError, RecursionError):
        return None
    if type(kept) is not tuple or len(kept) != 4 or kept[0] != _MAGIC:
        return None
    _, kept_meta, kept_text, fields = kept
    text_and_lines = _text_and_lines(text)
    if kept_meta != _tuples(meta) or kept_text != text_and_lines[0]:
        return None
    # The lines are not written: they are the text's split, as the parser makes them.
    if type(fields) is not tuple or len(fields) != len(_FIELDS[Document]):
        return None
    if fields[0] != path or fields[1:3] != (None, None):
        return None
    return _DOCUMENT(path, *text_and_lines, *fields[3:])


def store(directory: Path, doc: Document, entries: bool, text: str) -> None:
    """Keep ``doc`` (the parse of ``text``); quietly not kept when it cannot be written."""
    if [doc.text, doc.lines] != _text_and_lines(text):
        return  # not what load would rebuild
    meta = _meta(doc.path, entries)
    try:
        # (a Document's fields are written as a plain list: it holds no span or enum)
        fields = [encode(getattr(doc, f)) for f in _FIELDS[Document]]
        fields[1:3] = [None, None]
        data = json.dumps(
            [_MAGIC, meta, doc.text, fields], ensure_ascii=False, separators=(",", ":")
        )
    except (Unkeepable, RecursionError, ValueError):
        return
    folder = directory / FOLDER
    target = folder / _name(text, meta)
    tmp = target.with_name(f"{target.name}.{os.getpid()}.tmp")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        tmp.write_text(data, encoding="utf-8")
        os.replace(tmp, target)
        _prune(folder)
    except (OSError, ValueError):  # (ValueError: text that is not UTF-8 all through)
        try:
            tmp.unlink()
        except OSError:
            pass


def _prune(folder: Path) -> None:
    kept = []
    for entry in os.scandir(folder):
        if entry.name.endswith(".json"):
            kept.append((entry.stat().st_mtime_ns, entry.path))
    kept.sort(reverse=True)
    for _, old in kept[KEEP:]:
        try:
            os.unlink(old)
        except OSError:
            pass
