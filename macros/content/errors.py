"""The one error type content problems are reported with."""
from __future__ import annotations


class ContentError(Exception):
    """A fault in a content file, reported as `file:line: where: what`."""

    def __init__(self, file: str, line: int | None, message: str, where: str = ""):
        self.file = file
        self.line = line
        self.where = where
        self.message = message
        location = f"{file}:{line}" if line else file
        prefix = f"{where}: " if where else ""
        super().__init__(f"{location}: {prefix}{message}")
