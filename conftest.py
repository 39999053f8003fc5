"""For every test run, notebooks included (nbval runs them in kernels this process starts): tables the
notebooks save (explore.save_table) go to a temporary folder, named in WORKBOOK_DERIVED_DIR, never into the
project's data/derived/ nor a folder the caller set, where they could replace an analyst's table of the same
name; what renders keep to avoid reading again (paths.cache_dir) goes to another, named in WORKBOOK_CACHE_DIR,
not the user's cache. The folders are removed when the run ends and the caller's settings, if any, restored."""
from __future__ import annotations

import os
import shutil
import tempfile

from helpers.paths import CACHE_DIR_VARIABLE, DERIVED_DIR_VARIABLE  # no pandas, matplotlib or IPython at collection

_SAVED: dict[str, tuple[str | None, str]] = {}


def pytest_configure(config):
    for variable, prefix in ((DERIVED_DIR_VARIABLE, "workbook-derived-"), (CACHE_DIR_VARIABLE, "workbook-cache-")):
        _SAVED[variable] = (os.environ.get(variable), tempfile.mkdtemp(prefix=prefix))
        os.environ[variable] = _SAVED[variable][1]


def pytest_unconfigure(config):
    for variable in list(_SAVED):
        before, folder = _SAVED.pop(variable)
        shutil.rmtree(folder, ignore_errors=True)
        if before is None:
            os.environ.pop(variable, None)
        else:
            os.environ[variable] = before
