from __future__ import annotations

import re

from ..model import Document
from .base import Rule, Severity


class LicenseSection(Rule):
    code = "AL413"
    summary = "A License section in the list; the licence belongs in a LICENSE file"
    default_severity = Severity.ERROR
    tags = ("classic", "sections")

    def check(self, doc: Document, ctx):
        for h in doc.headings:
            words = " ".join(re.findall(r"[^\W\d_]+", h.text.casefold()))
            if words in ("license", "licence", "licensing"):
                yield self.violation(
                    h.span,
                    f'section "{h.text}": put the licence in a LICENSE file, not in the list',
                )
