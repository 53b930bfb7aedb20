"""Detect and repair mojibake: UTF-8 text that was decoded with a single-byte codec.

Suspicious runs are re-encoded with the codec that produced them (Mac Roman, cp1252) and
decoded as UTF-8; a result is kept only when every byte sequence decodes cleanly into
printable characters. The byte tables are Python's codecs, never a hand-made character map.
Where the codecs disagree on a run (`JosÃ©` is `José` in cp1252 and `Jos̩` in Mac Roman),
the reading that agrees with ftfy's, else the one that reads as text of the line's own
script, wins. When that leaves something suspicious, ftfy (which knows sloppy encodings, double encoding
and more) repairs the line first; ftfy misses Mac Roman mojibake of emoji (``\\uf8ffüî•`` for
🔥), which the codec pass then catches. ftfy is imported only then: it costs a sixth of a
second to import.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from ..lazy import lazy_regex

CODECS = ("mac_roman", "cp1252")
# Well-formed UTF-8 multi-byte sequences (no overlongs for 2-byte leads).
_UTF8_SEQ = lazy_regex(
    rb"[\xC2-\xDF][\x80-\xBF]|[\xE0-\xEF][\x80-\xBF]{2}|[\xF0-\xF4][\x80-\xBF]{3}"
)


@cache
def _glyphs(codec: str, lo: int, hi: int) -> frozenset[str]:
    out = set()
    for b in range(lo, hi + 1):
        try:
            out.add(bytes([b]).decode(codec))
        except UnicodeDecodeError:
            pass
    return frozenset(out)


@cache
def _suspect_pattern() -> re.Pattern[str]:
    """A lead-byte glyph followed by a continuation-byte glyph, in any of the codecs."""
    parts = []
    for codec in CODECS:
        lead = "".join(sorted(_glyphs(codec, 0xC2, 0xF4)))
        cont = "".join(sorted(_glyphs(codec, 0x80, 0xBF)))
        parts.append(f"[{re.escape(lead)}][{re.escape(cont)}]")
    return re.compile("|".join(parts))


@cache
def _lead_pattern() -> re.Pattern[str]:
    """Any lead-byte glyph of any of the codecs."""
    leads = set().union(*(_glyphs(codec, 0xC2, 0xF4) for codec in CODECS))
    return re.compile(f"[{re.escape(''.join(sorted(leads)))}]")


def _printable(text: str) -> bool:
    return all(unicodedata.category(ch) not in ("Cc", "Cs", "Co", "Cn") for ch in text)


def _redecode(run: str, codec: str) -> str | None:
    """Repair every UTF-8 sequence hidden in ``run``; None if nothing decodes cleanly."""
    try:
        raw = run.encode(codec)
    except UnicodeEncodeError:
        return None
    if len(raw) != len(run):
        return None
    pieces = []
    last = 0
    for m in _UTF8_SEQ.finditer(raw):
        try:
            decoded = m.group(0).decode("utf-8")
        except UnicodeDecodeError:
            continue
        if not _printable(decoded):
            continue
        pieces.append(run[last : m.start()])
        pieces.append(decoded)
        last = m.end()
    if not pieces:
        return None
    pieces.append(run[last:])
    return "".join(pieces)


def _script(ch: str) -> str:
    """The first word of a letter's Unicode name (LATIN, CYRILLIC, CJK, …); "" otherwise."""
    if not ch.isalpha():
        return ""
    try:
        return unicodedata.name(ch).split(" ")[0]
    except ValueError:
        return ""


def _oddness(candidate: str, context: str) -> int:
    """How little a repaired run reads as text of the line around it: combining marks that
    compose with nothing (Jos̩ from Mac Roman for José from cp1252) and letters of a script
    the line does not use. Emoji and punctuation are neutral."""
    scripts = {_script(ch) for ch in context if ch.isalpha()} - {""}
    odd = 0
    for k, ch in enumerate(candidate):
        if unicodedata.category(ch).startswith("M"):
            base = candidate[k - 1] if k else ""
            if not base or unicodedata.normalize("NFC", base + ch) == base + ch:
                odd += 2
        elif _script(ch) and scripts and _script(ch) not in scripts:
            odd += 1
    return odd


def _codec_repair(line: str, referee: str | None = None) -> tuple[str, bool]:
    """The line with every run re-decoded by the codec that explains it best; and whether
    the codecs disagreed on some run (then ``referee``, ftfy's reading, is asked first)."""
    out = []
    last = 0
    disputed = False
    # Mojibake of UTF-8 consists only of non-ASCII characters, so work run by run.
    for m in re.finditer(r"[^\x00-\x7f]+", line):
        run = m.group(0)
        candidates = []
        for codec in CODECS:
            fixed = _redecode(run, codec)
            if fixed is not None and fixed not in candidates:
                candidates.append(fixed)
        if not candidates:
            continue
        disputed |= len(candidates) > 1
        context = line[: m.start()] + line[m.end() :]
        agreed = [c for c in candidates if referee is not None and c in referee]
        best = min(agreed or candidates, key=lambda c: (_oddness(c, context), len(c)))
        out.append(line[last : m.start()])
        out.append(best)
        last = m.end()
    out.append(line[last:])
    return "".join(out), disputed


def suspicious_lines(text: str) -> set[int]:
    """0-based indexes of lines that may hold mojibake (one regex pass over the whole text)."""
    if text.isascii():
        return set()
    # The pattern's alternatives are tried at every character; one class of every lead glyph
    # is searched fast, and the pattern is asked only where one stands (a two-glyph match
    # never spans lines, so the lines are those the full search finds).
    suspect = _suspect_pattern()
    found = [m.start() for m in _lead_pattern().finditer(text) if suspect.match(text, m.start())]
    # The newlines before each find, counted from the last (no index of every line's start).
    lines, line, pos = set(), 0, 0
    for at in found:
        line += text.count("\n", pos, at)
        pos = at
        lines.add(line)
    return lines


def repair_line(line: str) -> str | None:
    """The repaired line, or None when the line shows no mojibake."""
    if line.isascii() or not _suspect_pattern().search(line):
        return None
    # A clean re-decode that leaves nothing suspicious, and on which the codecs agree,
    # explains the line completely; only otherwise is ftfy (and its import, a sixth of a
    # second) needed: to repair what the codecs cannot, and to referee where they disagree.
    fixed, disputed = _codec_repair(line)
    if fixed == line or disputed or _suspect_pattern().search(fixed):
        import ftfy  # deferred: heavy, and needed only for lines the codecs do not explain

        reading = ftfy.fix_encoding(line)
        if disputed and not _suspect_pattern().search(reading):
            fixed, _ = _codec_repair(line, referee=reading)
        else:
            fixed, _ = _codec_repair(reading, referee=reading)
    return fixed if fixed != line else None
