from __future__ import annotations

from dataclasses import dataclass

from ..diagnostics import Fix
from ..model import Document, Span
from .base import Fixability, Rule, Severity
from .messages import quote
from .shortened_url import host_of

# Hosts known to serve the same pages over https, so the fix is safe. Subdomains count.
HTTPS_HOSTS = frozenset(
    """arxiv.org github.com github.io githubusercontent.com gitlab.com doi.org openaccess.thecvf.com
    link.springer.com sciencedirect.com ieeexplore.ieee.org openreview.net proceedings.neurips.cc
    papers.nips.cc nature.com huggingface.co img.shields.io ncbi.nlm.nih.gov aclanthology.org
    dl.acm.org scholar.google.com youtube.com medium.com twitter.com x.com drive.google.com
    colab.research.google.com zenodo.org paperswithcode.com mdpi.com biorxiv.org medrxiv.org
    proceedings.mlr.press academic.oup.com onlinelibrary.wiley.com frontiersin.org iopscience.iop.org
    pubs.rsna.org wikipedia.org semanticscholar.org researchgate.net kaggle.com bitbucket.org
    makeapullrequest.com opensource.org readthedocs.io pypi.org npmjs.com""".split()
)  # fmt: skip


@dataclass(frozen=True)
class Options:
    # More hosts whose http:// links may be rewritten to https://.
    https_hosts: tuple[str, ...] = ()


class InsecureUrl(Rule):
    code = "AL305"
    name = "insecure-url"
    summary = "An http:// link"
    default_severity = Severity.WARNING
    fixable = Fixability.SOMETIMES
    tags = ("links",)
    reads_entries = False
    Options = Options

    def check(self, doc: Document, ctx):
        known = HTTPS_HOSTS | {h.lower() for h in ctx.options.https_hosts}
        for lk in doc.links:
            if not lk.url.lower().startswith("http://"):
                continue
            host = host_of(lk.url)
            parts = host.split(".")
            safe = any(".".join(parts[i:]) in known for i in range(len(parts) - 1))
            span = lk.url_span
            fix = None
            if safe and span.start_line == span.end_line:
                scheme = Span.on_line(span.start_line, span.start_col, span.start_col + len("http"))
                fix = Fix.replace(scheme, "https", "use https")
            yield self.violation(span, f"insecure link {quote(lk.url, 50)}; use https://", fix)
