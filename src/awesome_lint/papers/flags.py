"""--check-papers on the command line (``options.py`` reads it). Only argparse here: the
command line builds its parser from this on every run."""

from __future__ import annotations

import argparse


def add_arguments(parser: argparse.ArgumentParser) -> None:
    g = parser.add_argument_group(
        "paper checking",
        "compare entries with their papers on arXiv and Crossref (network; cached; --no-cache "
        "and --allow-private-hosts apply too). Keys mailto, cache-max-age, timeout, "
        "max-retries go in the config's [papers] table.",
    )
    g.add_argument(
        "--check-papers",
        action="store_true",
        help="check titles, authors, dates and venues against arXiv and Crossref",
    )
