"""The reach-vs-engagement workbook: export files in, both lenses out.

Data flows one way: export -> importers -> canonical post table (schema) -> metrics and compare ->
plots and narrative -> notebook -> report (render).
"""
from .errors import WorkbookError
from .importers import import_exports, load_exports

__all__ = ["WorkbookError", "import_exports", "load_exports"]
