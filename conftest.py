"""For every test run, notebooks included (nbval runs them in kernels this process starts): tables the
notebooks save (explore.save_table) go to a temporary folder, named in WORKBOOK_DERIVED_DIR, never into the
project's data/derived/ nor a folder the caller set, where they could replace an analyst's table of the same
name. The folder is removed when the run ends and the caller's setting, if any, restored."""
from __future__ import annotations

import os
import shutil
import tempfile

from helpers.paths import DERIVED_DIR_VARIABLE  # no pandas, matplotlib or IPython at collection

_SAVED: dict[str, str | None] = {}


def pytest_configure(config):
    _SAVED["before"] = os.environ.get(DERIVED_DIR_VARIABLE)
    _SAVED["folder"] = tempfile.mkdtemp(prefix="workbook-derived-")
    os.environ[DERIVED_DIR_VARIABLE] = _SAVED["folder"]


def pytest_unconfigure(config):
    if "folder" not in _SAVED:
        return
    shutil.rmtree(_SAVED.pop("folder"), ignore_errors=True)
    before = _SAVED.pop("before", None)
    if before is None:
        os.environ.pop(DERIVED_DIR_VARIABLE, None)
    else:
        os.environ[DERIVED_DIR_VARIABLE] = before
