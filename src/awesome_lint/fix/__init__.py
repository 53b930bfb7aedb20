"""Fixing a list: the rules' edits applied (``apply``) to a fixpoint and verified by
re-linting (``fixer``), the opt-in reorderings (``sorting``, ``toc``), and writing the
result back safely (``writeback``). ``run.py`` reads the file and calls these.
"""
