from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..lazy import lazy_regex
from ..model import Document, Span
from .base import Kind, Rule, Severity
from .classic_items import described, is_short_form, item_label, item_names

# A majority this strong of capitalised descriptions makes capitals the list's convention.
CLEAR = 0.75
# Names whose own spelling starts lower case.
LOWERCASE_NAMES = frozenset(
    "npm pnpm iOS iPadOS iPhone iPad iPod iCloud iTunes iMessage watchOS tvOS visionOS macOS eBay "
    "jQuery webpack esbuild gRPC cURL curl git vim nvim zsh bash pip conda uv wget sed awk "
    "ffmpeg tmux htop systemd".split()
)
_WORD = lazy_regex(r"[^\s,;:!?()\[\]\"“”]+")


@dataclass(frozen=True)
class Options:
    """The [rules.lowercase-description] options of a config."""

    # "infer": require a capital only when most of the list's descriptions start with one.
    # "always": require it regardless.
    case: str = field(default="infer", metadata={"choices": ("infer", "always")})
    # More words that may start a description in lower case (project names, commands).
    allow: tuple[str, ...] = ()


def _identifier(word: str) -> bool:
    """A package, command or file name: spelled as its project spells it."""
    core = re.sub(r"(?:'s|’s)$", "", word)
    return bool(re.search(r"[\d._/@#$~+=<>]|[a-z][A-Z]", core))


class LowercaseDescription(Rule):
    code = "AL402"
    summary = "A classic item's description that starts with a lower-case letter"
    default_severity = Severity.ERROR
    kind = Kind.CONVENTION
    tags = ("classic", "items")
    Options = Options

    def check(self, doc: Document, ctx):
        starts = []
        for item, text in described(doc):
            if is_short_form(text):
                continue
            body = text.lstrip("*_ ")
            first = body[:1]
            if not first.isalpha() or first.upper() == first.lower():
                continue  # a digit, a symbol, a quote, code, or a script without case
            starts.append((item, body))
        if not starts:
            return
        capital = sum(1 for _, body in starts if body[0].isupper())
        if ctx.options.case == "infer" and capital < CLEAR * len(starts):
            return  # the list writes lower-case descriptions on purpose
        allowed = set(ctx.options.allow) | LOWERCASE_NAMES
        names = item_names(doc) | allowed
        for item, body in starts:
            if body[0].isupper() or text_is_code(item.description.text):
                continue
            word = _WORD.match(body).group(0)
            bare = re.sub(r"(?:'s|’s)$", "", word)
            # A project's own name ("uv's build backend"), but not an English word that happens
            # to name another item ("mock data generation", where mock is an item too).
            named = bare in names and (bare != word or bare in allowed)
            if (
                _identifier(word)
                or named
                or bare.lower() in {t.lower() for t in _tokens(item.name)}
            ):
                continue
            d = item.description.span
            col = d.start_col + (len(item.description.text) - len(body))
            yield self.violation(
                Span.on_line(d.start_line, col, col + len(word)),
                f'description of {item_label(item)} starts with "{word}" in lower case; start it with a capital',
            )


def text_is_code(text: str) -> bool:
    return text.lstrip("*_ ").startswith("`")


def _tokens(name: str) -> list[str]:
    return [t for t in re.split(r"[\s\-_.]+", name) if t]
