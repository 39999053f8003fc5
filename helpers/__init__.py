"""The reach-vs-engagement workbook: export files in, both lenses out.

Data flows one way: export -> importers -> canonical post table (schema) -> metrics and compare ->
plots and narrative -> notebook -> report (render).

`import_exports` and `load_exports` are loaded on first use: the command line and the renderer's
workers import this package before they start a kernel, and pandas is not needed for that.
"""
from .errors import WorkbookError, show_briefly_in_notebooks

show_briefly_in_notebooks()  # a bad file or parameter reads as its message in a notebook, not a traceback

__all__ = ["WorkbookError", "import_exports", "load_exports"]


def __getattr__(name: str):
    if name in ("import_exports", "load_exports"):
        from . import importers

        return getattr(importers, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
