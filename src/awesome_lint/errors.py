"""Errors that end a run with exit code 2: one clear line, never a traceback."""

from __future__ import annotations


class AwesomeLintError(Exception):
    """Base class: the message is what the user sees."""


class InputError(AwesomeLintError):
    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


class ConfigError(AwesomeLintError):
    pass


class UsageError(AwesomeLintError):
    pass
