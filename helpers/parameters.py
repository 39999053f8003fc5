"""A notebook's parameters: the names its `parameters` cell declares, and a check that a run passed no other.

Papermill only warns about a parameter the notebook does not declare, and runs on with the default: a typo
(`timezon` for `timezone`) would shift every post time without a word. The renderer checks before it runs
(render.check_parameters); `check_injected`, called in a notebook's first cell, does the same when someone ran
the notebook with the `papermill` command directly.
"""
from __future__ import annotations

import ast

from .errors import WorkbookError
from .i18n import Message

#: How the cell papermill adds after the `parameters` cell begins (papermill's translators write it).
INJECTED_HEADER = "# Parameters\n"


class ParameterMismatch(WorkbookError):
    """The runner passed a parameter the notebook does not declare (papermill would only warn)."""


def assigned_names(source: str) -> set[str]:
    """The names a cell of literals assigns (`a = 1`, `b: int = 2`); none when it is not plain Python."""
    try:
        body = ast.parse(source).body
    except SyntaxError:
        return set()
    names = set()
    for node in body:
        targets = (node.targets if isinstance(node, ast.Assign)
                   else [node.target] if isinstance(node, ast.AnnAssign) else [])
        names |= {t.id for t in targets if isinstance(t, ast.Name)}
    return names


def _literals_only(source: str) -> bool:
    """Whether a cell assigns literals and does nothing else (what a `parameters` cell is)."""
    try:
        body = ast.parse(source).body
    except SyntaxError:
        return False

    def literal(node) -> bool:
        try:
            ast.literal_eval(node)
        except ValueError:
            return False
        return True
    return bool(body) and all(isinstance(node, (ast.Assign, ast.AnnAssign)) and node.value is not None
                              and literal(node.value) for node in body)


def mismatch(notebook, passed, declared: set[str]) -> ParameterMismatch | None:
    """The error for parameters passed but not declared, or None when every one is declared."""
    unknown = sorted(set(passed) - set(declared))
    if not unknown:
        return None
    return ParameterMismatch(Message("error.parameters", notebook=notebook, count=len(unknown), unknown=", ".join(unknown),
                                     declared=", ".join(sorted(declared)) or Message("error.no_parameters_cell")))


def check_injected(history: list[str] | None = None) -> None:
    """An error naming each parameter papermill injected that the notebook's `parameters` cell does not declare.

    Papermill runs its injected cell right after the `parameters` cell, so in the kernel's input history
    (IPython's `In`, or `history`) the cell before the injected one holds the declared names. Only the last
    injected cell counts (a fixed one run again replaces it), and only when the cell before it assigns
    literals alone (a `parameters` cell); papermill's own names (PAPERMILL_INPUT_PATH, from --inject-paths)
    are not the notebook's to declare. In JupyterLab nothing was injected, and there is nothing to check.
    """
    if history is None:
        from IPython import get_ipython

        shell = get_ipython()
        history = list(shell.user_ns.get("In", [])) if shell is not None else []
    injected = [i for i, source in enumerate(history) if i and source.startswith(INJECTED_HEADER)]
    if not injected or not _literals_only(history[injected[-1] - 1]):
        return
    last = injected[-1]
    passed = {name for name in assigned_names(history[last]) if not name.startswith("PAPERMILL_")}
    error = mismatch(Message("error.this_notebook"), passed, assigned_names(history[last - 1]))
    if error is not None:
        raise error
