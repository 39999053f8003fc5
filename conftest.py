"""For every test run, notebooks included (nbval runs them in kernels this process starts): tables the
notebooks save (explore.save_table) go to a temporary folder, named in WORKBOOK_DERIVED_DIR, not into the
project's data/derived/, where they could replace an analyst's table of the same name. The folder is
removed when the run ends."""
from __future__ import annotations

import os
import shutil
import tempfile

from helpers.paths import DERIVED_DIR_VARIABLE  # no pandas, matplotlib or IPython at collection

_MADE: list[str] = []


def pytest_configure(config):
    if not os.environ.get(DERIVED_DIR_VARIABLE):  # a folder the caller chose is kept, and left in place
        _MADE.append(tempfile.mkdtemp(prefix="workbook-derived-"))
        os.environ[DERIVED_DIR_VARIABLE] = _MADE[-1]


def pytest_unconfigure(config):
    for folder in _MADE:
        shutil.rmtree(folder, ignore_errors=True)
        if os.environ.get(DERIVED_DIR_VARIABLE) == folder:
            del os.environ[DERIVED_DIR_VARIABLE]
    _MADE.clear()
