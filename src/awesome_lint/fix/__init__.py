"""Fixing a list: the rules' edits applied and verified (``apply``, ``fixer``), the opt-in
reorderings (``sorting``, ``toc``), and writing the result back safely (``writeback``,
``fixrun``).
"""
