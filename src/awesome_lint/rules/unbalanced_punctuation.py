from __future__ import annotations

from dataclasses import dataclass

from ..lazy import lazy_regex
from ..model import Document, Span
from ..parse.layouts.fields import Text
from .base import Rule, Severity

DEFAULT_PAIRS = ("“”", "‘’", "()", "（）", "『』", "《》", "「」", "【】", '""')
# Blanked out before counting: code, link destinations, URLs, HTML, escapes. Blanking (not
# deleting) keeps every other character at its column.
_SKIP = lazy_regex(
    r"`+[^`]*`+|\]\((?:[^()\s]|\([^()\s]*\))*\)|<[^<>\n]*>|https?://\S+|\\.|[:;]-?[()]|\(\s*\)"
)
# "1) first, 2) second": a closing parenthesis that numbers a point, when nothing is open.
_ENUMERATOR = lazy_regex(r"(?:^|(?<=\s))(?:\d{1,2}|[A-Za-z]|[ivxIVX]{1,4})$")
_BULLET = lazy_regex(r"^\s*(?:[-*+]|\d{1,9}[.)])\s")
_WORD = lazy_regex(r"\w")


@dataclass(frozen=True)
class Options:
    """The [rules.unbalanced-punctuation] options of a config."""

    # Pairs to check, each written as its two characters ("()", "“”"); one character twice ('""')
    # for a quote that opens and closes alike.
    pairs: tuple[str, ...] = DEFAULT_PAIRS


def _blocks(doc: Document):
    """Runs of Markdown text lines: a paragraph, a list item, a heading (tables, code, HTML skipped)."""
    run: list[int] = []
    for no, line in enumerate(doc.lines, 1):
        s = line.strip()
        breaks = (
            not s
            or no in doc.opaque_lines
            or s.startswith(("|", "<"))
            or s.startswith("#")
            or _BULLET.match(line)
        )
        if breaks and run:
            yield run
            run = []
        if s and no not in doc.opaque_lines and not s.startswith(("|", "<")):
            if s.startswith("#"):
                yield [no]
            else:
                run.append(no)
    if run:
        yield run


def _apostrophe(text: str, k: int) -> bool:
    before = text[k - 1] if k else ""
    after = text[k + 1] if k + 1 < len(text) else ""
    return bool(before and _WORD.match(before)) and (
        not after or not after.isalnum() or bool(_WORD.match(after))
    )


class UnbalancedPunctuation(Rule):
    code = "AL410"
    summary = (
        "A quote or bracket opened and never closed, or closed and never opened (CJK pairs too)"
    )
    default_severity = Severity.ERROR
    tags = ("classic", "text")
    Options = Options

    def check(self, doc: Document, ctx):
        pairs = [p for p in ctx.options.pairs if len(p) == 2]
        opens = {p[0]: p for p in pairs if p[0] != p[1]}
        closes = {p[1]: p for p in pairs if p[0] != p[1]}
        symmetric = {p[0] for p in pairs if p[0] == p[1]}
        for run in _blocks(doc):
            text = Text(run[0], tuple(doc.lines[run[0] - 1 : run[-1]]))
            body = _SKIP.sub(lambda m: " " * len(m.group(0)), text.joined)
            yield from self._scan(text, body, opens, closes, symmetric)

    def _scan(self, text: Text, body: str, opens, closes, symmetric):
        stack: list[tuple[str, int]] = []
        for k, ch in enumerate(body):
            if ch in "’'" and _apostrophe(body, k):
                continue
            if ch in symmetric:
                if stack and stack[-1][0] == ch:
                    stack.pop()
                else:
                    stack.append((ch, k))
            elif ch in opens:
                stack.append((ch, k))
            elif ch in closes:
                want = closes[ch][0]
                at = next((j for j in range(len(stack) - 1, -1, -1) if stack[j][0] == want), None)
                if at is None:
                    if ch == ")" and _ENUMERATOR.search(body[max(0, k - 5) : k]):
                        continue
                    yield self._report(text, k, f"closing {ch} without an opening {want}")
                else:
                    del stack[at]
        for ch, k in stack:
            pair = opens.get(ch, ch + ch)
            yield self._report(text, k, f"{ch} is never closed (no matching {pair[1]})")

    def _report(self, text: Text, k: int, message: str):
        line, col = text.position(k)
        return self.violation(Span.on_line(line, col, col + 1), message)
