from __future__ import annotations

import re

from ..lazy import lazy_regex
from ..model import Document, LinkForm
from .base import Rule, Severity

# Build-status badges: Travis, CircleCI, AppVeyor, GitHub Actions, GitLab pipelines, and the
# shields.io versions of them.
_CI_URL = lazy_regex(
    r"travis-ci\.(?:org|com)|circleci\.com|ci\.appveyor\.com|/actions/workflows/[^/]+/badge\.svg|/workflows/[^/]+/badge\.svg"
    r"|/badges/[^/]+/pipeline\.svg|img\.shields\.io/(?:github/(?:actions/)?workflow|travis|circleci|appveyor|gitlab/pipeline)",
    re.I,
)
_CI_ALT = lazy_regex(
    r"\b(?:build status|build|ci|tests? status|travis|circleci|workflow status)\b", re.I
)


class CiBadge(Rule):
    code = "AL411"
    summary = "A build-status (CI) badge in the list, which tells readers nothing about its content"
    default_severity = Severity.ERROR
    tags = ("classic", "document")

    def check(self, doc: Document, ctx):
        # Badges inside items describe the listed projects; only the list's own are checked.
        in_items = {
            n for item in doc.items for n in range(item.span.start_line, item.span.end_line + 1)
        }
        for lk in doc.links:
            if lk.form is not LinkForm.IMAGE or lk.line in in_items:
                continue
            if _CI_URL.search(lk.url) or (_CI_ALT.search(lk.label) and "badge" in lk.url.lower()):
                yield self.violation(
                    lk.span,
                    "build-status badge: it shows whether the list's CI passes, not anything about the list; remove it",
                )
