from __future__ import annotations

import re
from functools import cache
from urllib.parse import unquote

from ..lazy import lazy_regex
from ..model import Document
from .base import Rule, Severity
from .messages import quote

# RFC 5322's dot-atom local part, with RFC 6531's UTF-8 (quoted local parts are legal but
# never seen in lists).
_ATOM = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~\u0080-\U0010ffff-]+"


@cache
def _local() -> re.Pattern[str]:
    # Compiled on the first mailto: link: the non-ASCII range alone costs more to compile than
    # most runs spend in this rule.
    return re.compile(rf"{_ATOM}(?:\.{_ATOM})*")


_LABEL = lazy_regex(r"(?!-)[A-Za-z0-9-]{1,63}(?<!-)")


def address_problem(address: str) -> str | None:
    """Why an e-mail address cannot work, or None."""
    if not address:
        return "no address"
    if any(c.isspace() for c in address):
        return "a space in the address"
    local, at, domain = address.rpartition("@")
    if not at or not local:
        return "no @ with a name before it"
    if not _local().fullmatch(local):
        return f"the name part {local!r} is not valid"
    labels = domain.rstrip(".").split(".")
    if len(labels) < 2:
        return f"the domain {domain!r} has no dot"
    for label in labels:
        try:
            ascii_label = label.encode("idna").decode("ascii") if not label.isascii() else label
        except UnicodeError:
            return f"the domain {domain!r} is not valid"
        if not _LABEL.fullmatch(ascii_label):
            return f"the domain {domain!r} is not valid"
    return None


class MalformedMailto(Rule):
    code = "AL311"
    summary = "A mailto: link whose address cannot receive mail (no @, no domain, spaces)"
    default_severity = Severity.ERROR
    tags = ("links",)

    def check(self, doc: Document, ctx):
        for lk in doc.links:
            if lk.url[:7].lower() != "mailto:":
                continue
            to, _, query = lk.url[7:].partition("?")
            addresses = [unquote(a).strip() for a in to.split(",")] if to else []
            if not addresses and "to=" in query.lower():
                continue  # mailto:?to=a@b.org, rare but valid (RFC 6068)
            for address in addresses or [""]:
                problem = address_problem(address)
                if problem:
                    yield self.violation(
                        lk.url_span, f"mailto link {quote(lk.url, 50)} cannot work: {problem}"
                    )
                    break
