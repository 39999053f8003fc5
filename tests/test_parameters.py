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
    with pytest.raises(ParameterMismatch, match=r"parameter\(s\) clinet, timezon; it declares client, folder, timezone"):
        check_injected(history)
    with pytest.raises(ParameterMismatch) as raised:
        check_injected(history)
    assert "tidak mendeklarasikan parameter clinet, timezon" in raised.value.args[0].in_language(translator("id"))


def test_declared_parameters_and_an_interactive_session_pass():
    check_injected(["", DECLARED, '# Parameters\ntimezone = "UTC"\n'])
    check_injected(["", DECLARED, "workspace = 1"])  # JupyterLab: nothing injected
    check_injected(['# Parameters\ntimezone = "UTC"\n'])  # no parameters cell before it: nothing to compare
    check_injected()  # outside a kernel: no history


def test_the_explorer_run_by_papermill_stops_at_a_misspelt_parameter(tmp_path):
    with pytest.raises(papermill.PapermillExecutionError, match="timezon"):
        papermill.execute_notebook(str(NOTEBOOKS_DIR / "explore.ipynb"), str(tmp_path / "x.ipynb"),
                                   parameters={"timezon": "UTC"}, cwd=str(PROJECT_ROOT), kernel_name="python3",
                                   progress_bar=False)
