"""Which kind of list a document is: a paper list or a classic awesome list.

Decided by what the list is made of: paper entries (``entries``) against classic items
(``- [Name](url) - Description.``, ``items``). A paper list with a short "Related lists"
section of classic items stays a paper list; config ``profile`` overrides the guess.
"""

from __future__ import annotations

from ..model import Document


def detect(doc: Document) -> str:
    """ "classic" when classic items outnumber paper entries, else "paper" (also for an empty list)."""
    return "classic" if len(doc.items) > len(doc.entries) else "paper"
