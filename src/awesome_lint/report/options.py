"""What every output format is given besides the results."""

from __future__ import annotations

from dataclasses import dataclass

from .ansi import Paint, plain


@dataclass(frozen=True)
class ReportOptions:
    """How findings are printed: quiet or not, in colour or not."""

    quiet: bool = False  # findings only: no summary line (formats without one ignore it)
    paint: Paint = plain  # colour for the text format (ansi.painter decides)
