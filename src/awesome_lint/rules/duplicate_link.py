from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from ..model import Document
from ..parse.identity import names_one_document
from .base import Rule, Severity
from .classic_items import item_label


def normalize_url(url: str) -> str:
    """The same page however it is written: scheme, www., a trailing slash and #readme do not count.

    Queries and other fragments do (YouTube ?v=, playground #ids point at different things).
    """
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return url.strip()
    host = parts.netloc.lower().removeprefix("www.")
    path = re.sub(r"/(?:index\.html?)?$", "", parts.path) or ""
    frag = "" if parts.fragment.lower() == "readme" else parts.fragment
    return (
        f"{host}{path}" + (f"?{parts.query}" if parts.query else "") + (f"#{frag}" if frag else "")
    )


def _name_key(name: str) -> str:
    return re.sub(r"[\W_]+", "", name.casefold())


@dataclass(frozen=True)
class Options:
    """The [rules.duplicate-link] options of a config."""

    # The same item in another section: "warn" (default), "error", or "ignore" when the list
    # files things under several headings on purpose.
    cross_section: str = field(default="warn", metadata={"choices": ("warn", "error", "ignore")})
    # URL prefixes that may repeat (an author's profile, the list's own site).
    allow: tuple[str, ...] = ()


class DuplicateLink(Rule):
    code = "AL409"
    summary = "The same item listed twice: same link and name, or one paper under two names"
    default_severity = Severity.ERROR
    tags = ("classic", "items", "links")
    Options = Options

    def check(self, doc: Document, ctx):
        allowed = tuple(normalize_url(a) for a in ctx.options.allow)
        first: dict[tuple[str, str], object] = {}
        by_url: dict[str, object] = {}
        for item in doc.items:
            url = normalize_url(item.link.url)
            if not url or any(url.startswith(a) for a in allowed if a):
                continue
            # Items of one repository under different names (django and geodjango, hatch and
            # hatchling) are different things; only the same name and link is a repeat.
            key = (url, _name_key(item.name))
            prev = first.setdefault(key, item)
            if prev is item:
                other = by_url.setdefault(url, item)
                if other is not item and names_one_document(url):
                    # One paper or PDF under two names: a copy-paste slip or a repeat.
                    yield self.violation(
                        item.link.span,
                        f"item {item_label(item)} links the same page as {item_label(other)}"
                        f" at line {other.line}, under another name ({item.link.url})",
                        severity=Severity.WARNING,
                    )
                continue
            same = prev.section == item.section
            if not same and ctx.options.cross_section == "ignore":
                continue
            where = "in this section" if same else f"in section #{prev.section}"
            severity = (
                Severity.ERROR if same or ctx.options.cross_section == "error" else Severity.WARNING
            )
            yield self.violation(
                item.link.span,
                f"item {item_label(item)} repeats the item at line {prev.line} {where} (same link {item.link.url})",
                severity=severity,
            )
