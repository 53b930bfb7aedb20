from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ..diagnostics import Fix
from ..lazy import lazy_regex
from ..model import Document, Span
from .base import Fixability, FixSafety, Rule, Severity

# Names with one right spelling. Each is matched case-insensitively with its spaces and dots
# optional ("nodejs", "Node.JS", "stack overflow"); plain English words that are also names
# (swift, rust, go, windows, chrome) are left out, and Python only counts where it clearly
# names the language ("python scripts").
NAMES = (
    "JavaScript", "TypeScript", "CoffeeScript", "Node.js", "Vue.js", "Next.js", "Nuxt.js", "Three.js",
    "GitHub", "GitLab", "Bitbucket", "macOS", "iOS", "iPadOS", "watchOS", "tvOS", "iPhone", "iPad",
    "Android", "Linux", "YouTube", "PostgreSQL", "MySQL", "SQLite", "MongoDB", "GraphQL", "jQuery",
    "WordPress", "PHP", "npm", "Stack Overflow", "OAuth", "WebAssembly", "WebSocket", "Xcode", "LaTeX",
    "TensorFlow", "PyTorch", "NumPy", "SciPy", "Jupyter", "Kubernetes", "OpenAI", "ChatGPT",
    "LinkedIn", "PayPal", "WhatsApp", "Raspberry Pi", "VS Code", "Elasticsearch", "JSON", "YAML",
    "HTML", "CSS", "Markdown",
)  # fmt: skip
_PYTHON = lazy_regex(
    r"\bpython(?=\s+(?:librar(?:y|ies)|modules?|packages?|scripts?|code|programming|developers?|apps?"
    r"|applications?|bindings|frameworks?|implementation|interface|wrappers?|objects|projects?|tools?|versions?|\d))",
)
# Blanked before matching: code, link destinations, URLs, HTML tags, and one-word link
# labels (`[github](u)` beside `[blog](u)`): how a list writes its labels is
# nonstandard-link-label's business, judged against the list's own habit.
_SKIP = lazy_regex(r"`+[^`]*`+|\]\([^)\s]*\)|<[^<>\n]*>|(?:https?://|www\.)\S+|(?<=\[)\w+(?=\]\()")
_GLUE = "-_./@#:\\+"
# Other things with the same letters: Cisco's IOS.
_OTHER_THINGS = frozenset({"IOS"})


@functools.cache
def _pattern(name: str) -> re.Pattern:
    parts = [re.escape(p) for p in re.split(r"[ .]", name)]
    # Glued to a package or host name on either side ("github-markdown", "nodejs.org") is
    # another name; a full stop that ends the sentence is not glue. A word right after a dot
    # is a file extension (.json, .yaml) or a host's part, spelled as files spell it.
    glue = r"[\w" + re.escape(_GLUE.replace(".", "")) + r"]"
    before, after = r"(?<!" + glue + r")(?<!\.)", r"(?!" + glue + r"|\.\w)"
    return re.compile(before + r"[ .]?".join(parts) + after, re.I)


# The characters outside ASCII that re.I matches to an ASCII letter (simple case folding):
# a test checks the table against re over every code point.
RE_I_TO_ASCII = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


def letters(text: str) -> str:
    """The ASCII letters re.I sees in ``text``, lowercased, spaces and dots dropped."""
    if not text.isascii():
        text = text.translate(RE_I_TO_ASCII)
    return text.lower().replace(" ", "").replace(".", "")


# A name's pattern can only match a line whose letters hold the name's letters: most lines
# hold none, and only a line worth it compiles and runs a name's pattern.
_KEYS = {n: letters(n) for n in NAMES}


@dataclass(frozen=True)
class Options:
    """The [rules.misspelled-technology] options of a config."""

    # Words to leave alone (a project that spells itself "Github-Flavored", say).
    ignore: tuple[str, ...] = ()


class MisspelledTechnology(Rule):
    code = "AL414"
    summary = "A well-known technology name spelled wrong (Javascript, Github, nodejs)"
    default_severity = Severity.WARNING
    fix_safety = FixSafety.UNSAFE
    fixable = Fixability.ALWAYS
    tags = ("classic", "text")
    Options = Options

    def check(self, doc: Document, ctx):
        ignore = {w.casefold() for w in ctx.options.ignore}
        names = [n for n in NAMES if n.casefold() not in ignore]
        own = {}  # an item's name is its project's own spelling
        for item in doc.items:
            own.setdefault(item.link.line, []).append(item.link.label_span)
        for no, line in enumerate(doc.lines, 1):
            if no in doc.opaque_lines or not line.strip():
                continue
            text = _SKIP.sub(lambda m: " " * len(m.group(0)), line)
            for s in own.get(no, ()):
                if s.start_line == s.end_line == no:
                    text = (
                        text[: s.start_col - 1]
                        + " " * (s.end_col - s.start_col)
                        + text[s.end_col - 1 :]
                    )
            seen = letters(text)
            hits = [
                (m, name)
                for name in names
                if _KEYS[name] in seen
                for m in _pattern(name).finditer(text)
                if m.group(0) != name and m.group(0) not in _OTHER_THINGS
            ]
            if "python" not in ignore:
                hits += [(m, "Python") for m in _PYTHON.finditer(text)]
            for m, name in sorted(hits, key=lambda h: h[0].start()):
                span = Span.on_line(no, m.start() + 1, m.end() + 1)
                yield self.violation(
                    span,
                    f'"{m.group(0)}" is spelled "{name}"',
                    Fix.replace(span, name, f"write {name}"),
                )
