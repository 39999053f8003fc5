"""A parameter papermill passes that the notebook does not declare is an error, not a silent default."""
import papermill
import pytest

from helpers.i18n import translator
from helpers.parameters import ParameterMismatch, assigned_names, check_injected
from helpers.paths import NOTEBOOKS_DIR, PROJECT_ROOT

DECLARED = 'folder = "data/demo/kopi-senja"  # a comment\nclient: str = "kopi-senja"\ntimezone = "Asia/Jakarta"\n'


def test_the_names_a_parameters_cell_assigns():
    assert assigned_names(DECLARED) == {"folder", "client", "timezone"}
    assert assigned_names("%matplotlib inline") == set()  # not plain Python: nothing declared


def test_an_injected_parameter_the_notebook_does_not_declare_is_named():
    history = ["", DECLARED, '# Parameters\ntimezon = "UTC"\nclinet = "foo"\n', "workspace = 1"]
    with pytest.raises(ParameterMismatch, match=r"is given 2 parameters it does not declare \(clinet, timezon\); "
                                                r"it declares client, folder, timezone"):
        check_injected(history)
    with pytest.raises(ParameterMismatch) as raised:
        check_injected(history)
    assert "diberi 2 parameter yang tidak dideklarasikannya (clinet, timezon)" in raised.value.args[0].in_language(
        translator("id"))


def test_declared_parameters_and_an_interactive_session_pass():
    check_injected(["", DECLARED, '# Parameters\ntimezone = "UTC"\n'])
    check_injected(["", DECLARED, "workspace = 1"])  # JupyterLab: nothing injected
    check_injected(['# Parameters\ntimezone = "UTC"\n'])  # no parameters cell before it: nothing to compare
    check_injected()  # outside a kernel: no history
    # papermill's --inject-paths names are papermill's, not the notebook's
    check_injected(["", DECLARED, '# Parameters\ntimezone = "UTC"\nPAPERMILL_INPUT_PATH = "a.ipynb"\n'])


def test_only_the_last_injected_cell_counts_and_only_after_a_parameters_cell():
    bad = '# Parameters\ntimezon = "UTC"\n'
    fixed = '# Parameters\ntimezone = "UTC"\n'
    check_injected(["", DECLARED, bad, "workspace = load()", DECLARED, fixed])  # fixed, then run again
    check_injected(["", DECLARED, fixed, "print(workspace)", fixed])  # re-run after another cell: not compared
    check_injected(["", DECLARED, fixed, "workspace = load(folder)", fixed])  # nor after a computed assignment
    # a notebook whose own parameters cell begins like papermill's, run without parameters
    check_injected(["", '# Parameters\nfolder = "x"\n', "workspace = 1"])


def test_the_explorer_run_by_papermill_stops_at_a_misspelt_parameter(tmp_path):
    with pytest.raises(papermill.PapermillExecutionError, match="timezon"):
        papermill.execute_notebook(str(NOTEBOOKS_DIR / "explore.ipynb"), str(tmp_path / "x.ipynb"),
                                   parameters={"timezon": "UTC"}, cwd=str(PROJECT_ROOT), kernel_name="python3",
                                   progress_bar=False)
