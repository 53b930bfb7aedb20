"""awesome-lint: a linter for awesome lists, above all lists of research papers."""

__version__ = "0.1.0"
