"""Entries and items in the layouts that are not paper blocks.

``entries.py`` reads paper blocks (a paragraph per entry, fields on lines ended by hard
breaks). The recognisers here read what else a person sees as an entry:

- ``bullets``: one paper per list item, ``- Title [[Paper]](u)`` or ``* [CVPR 2019] Title [[pdf]](u)``;
- ``numbered``: a list item whose sub-items carry the fields (``- 📅 Date: 24 Apr 2023``);
- ``tables``: one paper per table row;
- ``classic``: the classic awesome-list item, ``- [Name](url) - Description.``, which is not
  a paper entry and goes to ``Document.items``.

Each list item becomes at most one thing: a paper entry already read by ``entries.py``, a
paper entry read here, a classic item, or nothing (a table of contents line, a group label).
"""

from __future__ import annotations

# Layouts whose fields are separate list items or cells, so no hard break is needed
# between them (the line-break rules skip them).
BREAKLESS_LAYOUTS = frozenset({"bullet", "numbered", "table"})
# Layouts whose date and venue are written in brackets, [12th Sep., 2023] [arXiv, 2023].
BRACKETED_DATE_LAYOUTS = frozenset({"block", "title-date", "date-first"})
