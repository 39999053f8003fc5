"""Shared test fixtures: where the real exports live, and small helpers for writing fixture files and reading
pages."""
from __future__ import annotations

import os
from html.parser import HTMLParser
from pathlib import Path

import pytest

from helpers.paths import PROJECT_ROOT

#: Real exports downloaded by real accounts. Never copied into the project (no licence to redistribute);
#: a user's clone does not have them, so tests that need them skip with a reason.
#: WORKBOOK_REAL_EXPORTS points elsewhere when the folder does not sit beside the project.
REAL_EXPORTS = Path(os.environ.get("WORKBOOK_REAL_EXPORTS", PROJECT_ROOT.parent / "shared" / "real-exports"))
FIXTURES = Path(__file__).parent / "fixtures"


def real_export(relative: str) -> Path:
    """Path of a real export file, or skip the test when the folder of real exports is absent."""
    path = REAL_EXPORTS / relative
    if not REAL_EXPORTS.is_dir():
        pytest.skip(f"real exports folder {REAL_EXPORTS} is absent (it sits beside the project on CI only)")
    if not path.exists():
        pytest.fail(f"expected real export {path} is missing from {REAL_EXPORTS}")
    return path


def detected_family(path) -> str | None:
    """The name of the post-export family detection picks for a file, or None when it knows none."""
    from helpers.errors import ExportFormatError
    from helpers.importers import detect_family

    try:
        return detect_family(path).name
    except ExportFormatError:
        return None


class _Elements(HTMLParser):
    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.open, self.found = [], []

    def handle_starttag(self, tag, attrs):
        element = {"tag": tag, "attrs": dict(attrs), "text": "", "inside": list(self.open)}
        self.found.append(element)
        if tag not in self.VOID:
            self.open.append(element)

    def handle_endtag(self, tag):
        while self.open and self.open.pop()["tag"] != tag:
            pass

    def handle_data(self, data):
        for element in self.open:
            element["text"] += data


def page_elements(page: str) -> list[dict]:
    """Every element of an HTML page in document order: its tag, attributes (a dict), text (its own and its
    descendants'), and the elements it is inside (outermost first), as a browser's parser reads them."""
    parser = _Elements()
    parser.feed(page)
    parser.close()
    return parser.found


@pytest.fixture
def write_file(tmp_path):
    """Write bytes or text to a file under tmp_path and return its path."""
    def _write(name: str, content: str | bytes, encoding: str = "utf-8") -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            content = content.encode(encoding)
        path.write_bytes(content)
        return path
    return _write


@pytest.fixture(autouse=True)
def demo_roster_as_default(monkeypatch):
    """Commands run without --clients read the demo roster, not data/clients.yml: that one is the user's, and
    clients added to it (or the demo clients taken out) must not change what the tests see."""
    from helpers import paths

    monkeypatch.setattr(paths, "DEFAULT_ROSTER", paths.DEMO_ROSTER)


@pytest.fixture(autouse=True)
def english_messages_again():
    """build_report sets the process's message language to the report's (i18n.use_language); a test that
    built an Indonesian report must not leave later tests' errors in Indonesian."""
    yield
    from helpers.i18n import use_language

    use_language("en")
