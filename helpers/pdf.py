"""PDF copies of the reports, printed by headless Chromium from the finished HTML.

Chromium is a system package, not a Python one: `find_chromium` looks for it (WORKBOOK_CHROMIUM may name
the program) and `MISSING_CHROMIUM` says how to install it. Each print gets its own throw-away profile
folder, so parallel workers do not fight over one, and no header or footer of Chromium's (it would print the
file's path, a path of the consultant's machine, at the foot of every page): the page's own CSS prints the
footer, the client's name, the period and the page number (report_page.page_footer).

Its texts are Messages (keys cli.pdf.*), so a render run with --language id explains a missing Chromium or
a failed print in Bahasa Indonesia; as str they read as the English text.
"""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
from pathlib import Path

from .i18n import Message

CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
MISSING_CHROMIUM = Message("cli.pdf.missing_chromium")
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--disable-extensions", "--disable-dev-shm-usage",
         "--hide-scrollbars", "--no-pdf-header-footer", "--print-to-pdf-no-header", "--mute-audio")


class PdfError(Exception):
    """Chromium did not produce a PDF. Its one argument is a Message: `problem` gives it to be shown in the
    reader's language."""

    @property
    def problem(self) -> str:
        return self.args[0] if len(self.args) == 1 else str(self)


def missing_chromium_message() -> Message:
    """Why no PDF is printed: a WORKBOOK_CHROMIUM that names no runnable program, or no Chromium at all."""
    named = os.environ.get("WORKBOOK_CHROMIUM")
    if named:
        return Message("cli.pdf.not_runnable", named=repr(named))
    return MISSING_CHROMIUM


def not_printed_message() -> Message:
    """The note beside each report whose PDF was asked for and not printed for want of a Chromium: the path
    WORKBOOK_CHROMIUM names when it is set (it is not an executable Chromium), else how to install one."""
    named = os.environ.get("WORKBOOK_CHROMIUM")
    if named:
        return Message("cli.problem.chromium_not_runnable", named=repr(named))
    return Message("cli.problem.no_chromium")


def no_pdf_message(status: int | None, stderr: bytes, chromium: str) -> Message:
    """Why Chromium printed no PDF: the last lines it wrote, or, when it wrote nothing, a hint that the program
    named may not be Chromium."""
    tail = " ".join(stderr.decode("utf-8", "replace").strip().splitlines()[-3:])
    if tail:
        return Message("cli.pdf.no_pdf", status=str(status), said=tail)
    return Message("cli.pdf.no_pdf_silent", status=str(status), chromium=chromium)


def find_chromium() -> str | None:
    """The Chromium program to print with, or None when none is installed."""
    named = os.environ.get("WORKBOOK_CHROMIUM")
    if named:
        return named if Path(named).is_file() and os.access(named, os.X_OK) else None
    for name in CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return None


def print_pdf(html_path: Path, pdf_path: Path, chromium: str, scratch: Path, timeout: float = 120) -> None:
    """Print `html_path` to `pdf_path` on A4 (the page's print CSS sets the paper size and margins)."""
    profile = scratch / "chromium-profile"
    profile.mkdir(parents=True, exist_ok=True)
    command = [chromium, *FLAGS, f"--user-data-dir={profile}", f"--crash-dumps-dir={scratch}",
               f"--print-to-pdf={pdf_path}", html_path.resolve().as_uri()]
    env = {**os.environ, "HOME": str(scratch)}  # Chromium writes caches under HOME: keep them in scratch
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
                               env=env, start_new_session=True)
    try:
        _, stderr = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:  # Chromium and its helpers go, and the reader is told in their language
        _kill_group(process)
        raise PdfError(Message("cli.pdf.timeout", seconds=str(timeout))) from None
    except BaseException:  # an interrupted render: Chromium and its helpers go too
        _kill_group(process)
        raise
    if not pdf_path.is_file() or not pdf_path.read_bytes()[:5] == b"%PDF-":
        raise PdfError(no_pdf_message(process.returncode, stderr, chromium))


def _kill_group(process: subprocess.Popen) -> None:
    """Kill Chromium's process group (it was started in a session of its own) while it is still running."""
    if process.poll() is not None:
        return
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    try:
        process.wait(timeout=5)
    except subprocess.TimeoutExpired:
        pass
