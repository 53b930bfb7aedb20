from __future__ import annotations

import re
from dataclasses import dataclass

from ..lazy import lazy_regex
from ..model import Document, Link
from .base import Fixability, FixSafety, Rule, Severity
from .facts import facts
from .liveness import replace_url
from .messages import quote

SHORTENERS = frozenset(
    """tinyurl.com bit.ly bitly.com aka.ms goo.gl t.co ow.ly is.gd buff.ly rebrand.ly cutt.ly
    shorturl.at tiny.cc lnkd.in rb.gy t.ly s.id v.gd db.tt amzn.to dlvr.it trib.al shorte.st
    adf.ly bl.ink soo.gd qr.net x.co tr.im u.to clck.ru surl.li""".split()
)  # fmt: skip
# URLs that only bounce to another URL: the target belongs in the list, not the wrapper.
_WRAPPERS = lazy_regex(
    r"^https?://(?:www\.)?(?:google\.[a-z.]+/url\?|l\.facebook\.com/l\.php|out\.reddit\.com/|href\.li/|t\.umblr\.com/redirect)",
    re.I,
)


@dataclass(frozen=True)
class Options:
    """The [rules.shortened-url] options of a config."""

    # More shortener hosts to report, and hosts to accept although listed.
    hosts: tuple[str, ...] = ()
    allow: tuple[str, ...] = ()


class ShortenedUrl(Rule):
    code = "AL304"
    summary = (
        "A link through a URL shortener or redirect wrapper, which hides and outlives its target"
    )
    default_severity = Severity.ERROR
    fix_safety = FixSafety.UNSAFE
    fixable = Fixability.SOMETIMES  # when --check-links followed the link to its target
    tags = ("links",)
    Options = Options

    def check(self, doc: Document, ctx):
        hosts = (SHORTENERS | {h.lower() for h in ctx.options.hosts}) - {
            h.lower() for h in ctx.options.allow
        }
        host_of = facts(doc).host
        for lk in doc.links:
            host = host_of(lk.url)
            if host in hosts:
                what = f"link to the URL shortener {host} hides its target"
            elif _WRAPPERS.match(lk.url):
                what = f"link {quote(lk.url, 40)} is a redirect wrapper"
            else:
                continue
            target = _resolved(lk, ctx)
            if target is None:
                yield self.violation(lk.url_span, f"{what}; link to the destination")
            else:
                fix = replace_url(doc, lk, target, "link to the destination")
                yield self.violation(
                    lk.url_span, f"{what} {quote(target, 60)}; link to it directly", fix
                )


def _resolved(lk: Link, ctx) -> str | None:
    """Where the link checker's redirects ended, when it followed them to a working page."""
    result = ctx.link_results.get(lk.url) if ctx.link_results else None
    if result is None or result.outcome.value not in ("ok", "redirected") or not result.redirects:
        return None
    return result.final_url
