from __future__ import annotations

from bisect import bisect_right

from ..model import Document, LinkForm
from .base import Rule, Severity
from .messages import quote

# A section with at least this many links, of which fewer than this share lie in a recognised
# entry or item, is one the recogniser could not read. Table rows do not count: a table is a
# repeating shape by construction (a table of datasets is no paper list, and not unread).
MIN_LINKS = 10
READ_SHARE = 0.2


class UnreadableSection(Rule):
    code = "AL104"
    summary = "A section full of links in which no repeating entry shape was found"
    default_severity = Severity.INFO
    tags = ("sections",)

    def check(self, doc: Document, ctx):
        read = sorted(
            [(e.span.start_line, e.span.end_line) for e in doc.entries]
            + [(i.span.start_line, i.span.end_line) for i in doc.items]
        )
        starts = [a for a, _ in read]
        toc = {t.link.line for t in doc.toc}

        def inside(line: int) -> bool:
            k = bisect_right(starts, line) - 1
            return k >= 0 and read[k][0] <= line <= read[k][1]

        heading_lines = {h.line for h in doc.headings}
        by_section: dict[int, list[int]] = {}
        bounds = [(s.body_lines, s) for s in doc.all_sections() if s.heading is not None]
        firsts = sorted((lo, hi, k) for k, ((lo, hi), _) in enumerate(bounds))
        firsts_lo = [lo for lo, _, _ in firsts]
        in_table: dict[int, bool] = {}  # a line holds many links: each line is read once
        for lk in doc.links:
            if (
                lk.form is LinkForm.IMAGE
                or "![" in lk.label
                or lk.url.startswith("#")
                or lk.line in toc
                or lk.line in doc.opaque_lines
                or lk.line in heading_lines
            ):
                continue
            table = in_table.get(lk.line)
            if table is None:
                table = in_table[lk.line] = doc.lines[lk.line - 1].lstrip().startswith("|")
            if table:
                continue  # a table repeats by design
            k = bisect_right(firsts_lo, lk.line) - 1
            if k >= 0 and firsts[k][0] <= lk.line <= firsts[k][1]:
                by_section.setdefault(firsts[k][2], []).append(lk.line)
        for k, link_lines in by_section.items():
            if len(link_lines) < MIN_LINKS:
                continue
            enough = READ_SHARE * len(link_lines)
            got = 0
            for n in link_lines:  # counted until the section is read well enough
                got += inside(n)
                if got >= enough:
                    break
            if got >= enough:
                continue
            section = bounds[k][1]
            yield self.violation(
                section.heading.span,
                f"cannot read section {quote(section.title)}: {len(link_lines)} links, "
                f"{got} of them in a recognised entry or item; no repeating entry shape found "
                "(its entries are not checked)",
            )
