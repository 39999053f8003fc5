"""PDF copies: printed on A4 by headless Chromium, with figures, without this machine's paths.
Skipped where Chromium is not installed (`sudo apt-get install chromium fonts-noto-color-emoji`)."""
import json
import re
import shutil
import subprocess

import pytest

from helpers.__main__ import main
from helpers.paths import DEMO_DIR, PROJECT_ROOT
from helpers.pdf import find_chromium

pytestmark = pytest.mark.skipif(
    find_chromium() is None, reason="Chromium is not installed (sudo apt-get install chromium fonts-noto-color-emoji)")


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    root = tmp_path_factory.mktemp("pdf")
    roster = root / "clients.yml"
    roster.write_text(f"""
clients:
  - id: harbour
    name: Harbour Print Test
    exports: ["{DEMO_DIR}/harbour-books/*.csv"]
    timezone: Europe/London
    period: {{start: 2026-09-01, end: 2026-10-31}}
""", encoding="utf-8")
    out = root / "reports"
    status = main(["render", "--clients", str(roster), "--out", str(out), "--pdf"])
    return status, out


def test_pdf_is_a4_with_figures(printed):
    status, out = printed
    assert status == 0
    pdf = (out / "harbour" / "report.pdf").read_bytes()
    assert pdf.startswith(b"%PDF-")
    boxes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf)
    assert len(boxes) >= 2 and all(abs(float(w) - 595.3) < 1 and abs(float(h) - 841.9) < 1 for w, h in boxes)
    assert pdf.count(b"/Subtype /Image") >= 3
    record = json.loads((out / "_records" / "harbour.json").read_text(encoding="utf-8"))
    assert record["report"]["pdf"] == "report.pdf" and "pdf" in record["timings"]
    assert 'href="harbour/report.pdf"' in (out / "index.html").read_text(encoding="utf-8")


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed")
def test_pdf_text_has_the_report_and_no_local_path(printed):
    _, out = printed
    text = subprocess.run(["pdftotext", str(out / "harbour" / "report.pdf"), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "Harbour Print Test" in text and "Report period: 1 September 2026 to 31 October 2026" in text
    assert str(PROJECT_ROOT) not in text and str(out) not in text and "file://" not in text


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed")
def test_the_last_page_holds_more_than_the_footer(printed):
    """The glossary's last row at the foot of a page, the page's bottom margin printed one more page holding
    only the footer ('Harbour … · page 11 of 11'). (A page of figures alone holds no text either: only the last
    page is checked.)"""
    _, out = printed
    text = subprocess.run(["pdftotext", str(out / "harbour" / "report.pdf"), "-"], capture_output=True,
                          text=True, check=True).stdout
    last = [page for page in text.split("\f") if page.strip()][-1]
    assert len(re.sub(r".*page \d+ of \d+.*", "", last).split()) > 5
