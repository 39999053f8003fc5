"""The explore notebook's recipes each run on their own once the folder is loaded: run after the parameters and
the load cell alone (a kernel restarted, the cells above the recipe skipped), none needs a name an earlier cell
set (`platform`, `rate`, `kpis`)."""
import json
import warnings

from helpers import explore
from helpers.paths import NOTEBOOKS_DIR


def _code(cell) -> str:
    return "".join(cell["source"])


def _cells():
    """The parameters cell, the load cell and the recipe cells (the code cells after '## Recipes')."""
    cells = json.loads((NOTEBOOKS_DIR / "explore.ipynb").read_text(encoding="utf-8"))["cells"]
    code = [cell for cell in cells if cell["cell_type"] == "code"]
    start = next(i for i, cell in enumerate(cells) if cell["cell_type"] == "markdown" and "## Recipes" in _code(cell))
    return code[0], code[1], [cell for cell in cells[start:] if cell["cell_type"] == "code"]


PARAMETERS, LOAD, RECIPES = _cells()


def test_each_recipe_runs_right_after_the_load_cell(tmp_path, monkeypatch):
    monkeypatch.setenv(explore.DERIVED_DIR_VARIABLE, str(tmp_path))
    failed = {}
    for recipe in RECIPES:
        namespace = {}
        exec(_code(PARAMETERS), namespace)
        exec(_code(LOAD), namespace)
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # the recipes' notes on the demo's periods are not tested here
                exec(_code(recipe), namespace)
        except NameError as error:
            failed[_code(recipe).splitlines()[0]] = str(error)
    assert len(RECIPES) == 4 and failed == {}
    assert [p.name for p in tmp_path.iterdir()] == ["kopi-senja-kpis.csv"]  # the last recipe saved its table
