from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..diagnostics import Fix
from ..model import Document, Span
from .base import Fixability, Rule, Severity
from .facts import facts
from .messages import quote

# Hosts known to serve the same pages over https. Subdomains count. An http:// link to any
# other host is not reported offline: only the network can say whether its https address
# works, and a finding whose advice breaks the link costs more than the http:// does.
HTTPS_HOSTS = frozenset(
    """arxiv.org github.com github.io githubusercontent.com gitlab.com doi.org openaccess.thecvf.com
    link.springer.com sciencedirect.com ieeexplore.ieee.org openreview.net proceedings.neurips.cc
    papers.nips.cc neurips.cc nature.com huggingface.co img.shields.io ncbi.nlm.nih.gov
    aclanthology.org aclweb.org dl.acm.org scholar.google.com youtube.com medium.com twitter.com
    x.com drive.google.com colab.research.google.com zenodo.org paperswithcode.com mdpi.com
    biorxiv.org medrxiv.org proceedings.mlr.press jmlr.org academic.oup.com
    onlinelibrary.wiley.com frontiersin.org iopscience.iop.org pubs.rsna.org wikipedia.org
    semanticscholar.org researchgate.net kaggle.com bitbucket.org makeapullrequest.com
    opensource.org readthedocs.io pypi.org npmjs.com ecva.net bair.berkeley.edu
    citeseerx.ist.psu.edu sciencemag.org science.org image-net.org""".split()
)  # fmt: skip


@dataclass(frozen=True)
class Options:
    """The [rules.insecure-url] options of a config."""

    # More hosts whose http:// links may be rewritten to https://.
    https_hosts: tuple[str, ...] = ()


def known_https(host: str, known: frozenset[str] | set[str]) -> bool:
    """Whether the host, or a domain it belongs to, is in ``known``."""
    parts = host.split(".")
    return any(".".join(parts[i:]) in known for i in range(len(parts) - 1))


def https_answered(url: str, result) -> bool:
    """Whether --check-links saw the page answer over https on the same host: the http://
    URL redirected to its https:// twin and ended on a working page."""
    if result is None or result.outcome.value not in ("ok", "redirected"):
        return False
    return any(
        hop.location.startswith("https://") and _rest(hop.location) == _rest(url)
        for hop in result.redirects
    )


def _rest(url: str) -> str:
    """The URL without scheme, "www." and trailing slash: what http and https twins share."""
    rest = url.split("://", 1)[-1]
    return rest.removeprefix("www.").rstrip("/").lower()


class InsecureUrl(Rule):
    code = "AL305"
    summary = "An http:// link to a host known to serve it over https"
    default_severity = Severity.WARNING
    fixable = Fixability.SOMETIMES
    tags = ("links",)
    Options = Options

    def check(self, doc: Document, ctx):
        known = HTTPS_HOSTS | {h.lower() for h in ctx.options.https_hosts}
        results = ctx.link_results or {}
        found: dict[str, list] = {}
        host_of = facts(doc).host
        for lk in doc.links:
            if not lk.url.lower().startswith("http://"):
                continue
            host = host_of(lk.url)
            if known_https(host, known):
                why = f"{host} serves https"
            elif https_answered(lk.url, results.get(lk.url)):
                why = f"{host} redirects it to https"
            else:
                continue
            found.setdefault(host, []).append((lk, why))
        if not found:
            return
        per_host = Counter(host_of(lk.url) for lk in doc.links if lk.url.lower().startswith("http"))
        for host, links in found.items():
            if len(links) >= HABIT_MIN and len(links) >= HABIT_SHARE * per_host[host]:
                yield self._one_for_all(host, links)
            else:
                for lk, why in links:
                    fix = _scheme_fix(lk)
                    yield self.violation(
                        lk.url_span,
                        f"insecure link {quote(lk.url, 50)}; {why}: write https://",
                        fix,
                    )

    def _one_for_all(self, host: str, links):
        """A list that writes http:// for a host throughout gets one finding for the host, at
        its first link, whose fix rewrites them all: a finding on every entry would bury the
        list's other findings under one habit."""
        first, why = links[0]
        fixes = [f for lk, _ in links if (f := _scheme_fix(lk)) is not None]
        fix = Fix(tuple(e for f in fixes for e in f.edits), "use https") if fixes else None
        return self.violation(
            first.url_span,
            f"{len(links):,} links to {host} use http:// (this is the first); {why}: write https://",
            fix,
        )


# A host the list links with http:// at least this share of the time (and at least
# HABIT_MIN times) is the list's habit: reported once, not link by link.
HABIT_SHARE = 0.5
HABIT_MIN = 10


def _scheme_fix(lk) -> Fix | None:
    span = lk.url_span
    if span.start_line != span.end_line:
        return None
    scheme = Span.on_line(span.start_line, span.start_col, span.start_col + len("http"))
    return Fix.replace(scheme, "https", "use https")
