"""Errors that speak to the user: which file, which row, which column, what was expected, what to do.

The command line prints these without a traceback; anything else is a bug and keeps its traceback.
"""
from __future__ import annotations

from pathlib import Path


class WorkbookError(Exception):
    """A problem with the user's input or set-up, explained in words the user can act on."""


class ExportFormatError(WorkbookError):
    """An export file that cannot be read as what it claims to be."""

    def __init__(self, path: Path | str, problem: str, *, row: int | None = None,
                 column: str | None = None, expected: str | None = None, hint: str | None = None):
        self.path = Path(path)
        self.problem = problem
        self.row = row
        self.column = column
        self.expected = expected
        self.hint = hint
        where = [f"file {self.path}"]
        if row is not None:
            where.append(f"row {row}")
        if column is not None:
            where.append(f"column {column!r}")
        lines = [f"{', '.join(where)}: {problem}"]
        if expected:
            lines.append(f"  expected: {expected}")
        if hint:
            lines.append(f"  what to do: {hint}")
        super().__init__("\n".join(lines))


class RosterError(WorkbookError):
    """The client roster (YAML) has one or more problems; all of them are listed at once."""

    def __init__(self, path: Path | str, problems: list[str], tr=None):
        self.path = Path(path)
        self.problems = list(problems)
        body = "\n".join(f"  - {p}" for p in self.problems)
        lead = (tr.t("roster.problems", path=self.path, count=len(self.problems)) if tr is not None
                else f"the client roster {self.path} has {len(self.problems)} problem(s):")
        super().__init__(f"{lead}\n{body}")
