"""How a Jupyter kernel shows errors once the workbook's handler is installed (errors.show_briefly_in_notebooks,
errors.explain_in_notebooks): a short form for a user's error or an explained slip, which still leaves its full
traceback to %tb and %debug; any other error, an interrupt included, with its traceback as usual."""
import nbformat
from nbclient import NotebookClient

from helpers.paths import PROJECT_ROOT

CELLS = [
    "from helpers import errors\n"
    "errors.show_briefly_in_notebooks()\n"
    "errors.explain_in_notebooks('test', (KeyError,), lambda error, tb, namespace:"
    " 'explained' if error.args == ('x',) else None)",
    "1 / 0",  # an earlier error: %tb must not show it for the later ones
    "def look_up():\n    return {}['x']\nlook_up()",  # explained
    "%tb",
    "{}['y']",  # the explainer says nothing: the usual traceback
    "def check():\n    raise errors.WorkbookError('bad value')\ncheck()",
    "%tb",
    "raise KeyboardInterrupt",
]


def test_short_errors_keep_their_traceback_for_tb_and_other_errors_show_theirs():
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in CELLS])
    NotebookClient(notebook, kernel_name="python3", allow_errors=True,
                   resources={"metadata": {"path": str(PROJECT_ROOT)}}).execute()
    errors = [[o for o in cell.outputs if o.output_type == "error"] for cell in notebook.cells]
    assert errors[0] == []
    assert errors[1][0].ename == "ZeroDivisionError" and len(errors[1][0].traceback) > 2
    explained = errors[2][0]
    assert explained.ename == "KeyError" and explained.traceback == ["explained", "(KeyError: 'x')"]
    # %tb: the explained slip's own traceback, through look_up, not the division's
    shown = "\n".join(errors[3][0].traceback)
    assert errors[3][0].ename == "KeyError" and "look_up" in shown and "ZeroDivisionError" not in shown
    assert errors[4][0].ename == "KeyError" and len(errors[4][0].traceback) > 2
    assert errors[5][0].traceback == ["WorkbookError: bad value"]
    assert errors[6][0].ename == "WorkbookError" and "check" in "\n".join(errors[6][0].traceback)
    assert errors[7][0].ename == "KeyboardInterrupt" and len(errors[7][0].traceback) > 1


def test_a_workbook_warning_reads_as_its_message_alone_and_others_keep_pythons_format():
    """A PartlyCovered warning (a figure to read with care) is its sentence on a line of its own, without the
    file, line number, class name and echoed source line Python's warnings print; any other warning keeps
    them, as the fault it may be."""
    cells = ["import warnings\nfrom helpers import errors\nerrors.show_briefly_in_notebooks()",
             "warnings.warn(errors.PartlyCovered('Instagram: the exports cover only 28 of 30 days'))",
             "warnings.warn(UserWarning('something else'))"]
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells])
    NotebookClient(notebook, kernel_name="python3", resources={"metadata": {"path": str(PROJECT_ROOT)}}).execute()
    stderr = ["".join(o.text for o in cell.outputs if o.output_type == "stream" and o.name == "stderr")
              for cell in notebook.cells]
    assert stderr[1] == "Instagram: the exports cover only 28 of 30 days\n"
    assert "UserWarning: something else" in stderr[2] and "warnings.warn(" in stderr[2]
