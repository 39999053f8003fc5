"""A relative path written from the folder the code runs in (a notebook's kernel runs in notebooks/): paths start
at the project root, and the error for one that names nothing from there says what it names from the folder the
code runs in, and the path to write instead."""
import re

import pytest

from helpers import explore
from helpers.errors import WorkbookError
from helpers.i18n import use_language
from helpers.paths import NOTEBOOKS_DIR, PROJECT_ROOT

LEAD = (f". Paths start at the project root ({PROJECT_ROOT}), not at the folder this runs in ({NOTEBOOKS_DIR}; in "
        "JupyterLab, the notebook's own folder): from there ")


@pytest.fixture
def in_notebooks(monkeypatch):
    monkeypatch.chdir(NOTEBOOKS_DIR)


def test_a_folder_written_from_the_notebooks_folder_is_said_with_the_path_to_write(in_notebooks):
    with pytest.raises(WorkbookError) as error:
        explore.load_folder("../data/demo/kopi-senja", timezone="Asia/Jakarta")
    assert str(error.value) == (
        f"no folder or export file at ../data/demo/kopi-senja (looked for {PROJECT_ROOT}/../data/demo/kopi-senja): "
        "give a folder of exports, one export file, or a pattern such as data/raw/my-page/*.csv" + LEAD
        + "this names a folder; write 'data/demo/kopi-senja' instead")
    try:
        use_language("id")
        with pytest.raises(WorkbookError) as error:
            explore.load_folder("../data/demo/kopi-senja", timezone="Asia/Jakarta")
        assert str(error.value).endswith(
            f". Jalur dimulai dari folder akar proyek ({PROJECT_ROOT}), bukan dari folder tempat kode ini berjalan "
            f"({NOTEBOOKS_DIR}; di JupyterLab, folder notebook itu sendiri): dari sana jalur ini menunjuk sebuah "
            "folder; tulis 'data/demo/kopi-senja' sebagai gantinya")
    finally:
        use_language("en")


def test_a_file_or_a_pattern_written_from_the_notebooks_folder_is_said_too(in_notebooks):
    with pytest.raises(WorkbookError, match=re.escape(LEAD + "this pattern matches 2 files; write "
                                                      "'data/demo/kopi-senja/*.csv' instead")):
        explore.load_folder("../data/demo/kopi-senja/*.csv", timezone="Asia/Jakarta")
    with pytest.raises(WorkbookError, match=re.escape(LEAD + "this names a file; write 'data/demo/clients.yml' "
                                                      "instead")):
        explore.load_folder("../data/demo/clients.yml", timezone="Asia/Jakarta")
    with pytest.raises(WorkbookError, match=re.escape(  # a column mapping's path, as the exports' path
            "what to do: check the path" + LEAD + "this names a file; write 'data/demo/clients.yml' instead")):
        explore.load_folder("data/demo/kopi-senja", mapping="../data/demo/clients.yml", timezone="Asia/Jakarta")
    # the path written from the project root loads, wherever the code runs
    assert len(explore.load_folder("data/demo/kopi-senja", timezone="Asia/Jakarta").posts) > 0


def test_a_path_naming_nothing_from_the_notebooks_folder_either_is_said_as_before(in_notebooks, monkeypatch):
    with pytest.raises(WorkbookError, match="this names a folder"):  # found from the notebooks' folder
        explore.load_folder("../data/demo/kopi-senja", timezone="Asia/Jakarta")
    for missing in ("../data/demo/kopi-senj", "data/demo/kopi-senj"):  # nowhere: what is there, no other path
        with pytest.raises(WorkbookError) as error:
            explore.load_folder(missing, timezone="Asia/Jakarta")
        assert "Paths start at the project root" not in str(error.value)
    monkeypatch.chdir(PROJECT_ROOT)  # the code runs in the project root: no other folder to look from
    with pytest.raises(WorkbookError) as error:
        explore.load_folder("../data/demo/kopi-senja", timezone="Asia/Jakarta")
    assert "Paths start at the project root" not in str(error.value)
