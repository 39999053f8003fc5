"""A report's figures drawn to PNG, part of them ahead in a second process when a core is spare.

Drawing the figures is most of a report's run time, and a kernel draws on one core. When the renderer has
a core to spare (fewer reports at a time than cores), `FiguresAhead` forks the kernel once the report is
built: the copy draws the figures from the last one backwards while the notebook draws them from the
first one forwards as its cells reach them. A lock and a claim table shared by both make each figure
drawn once, by whichever process claims it first. The PNG bytes are the same either way (the copy holds
the same data and settings). A figure the copy did not deliver (an error, the copy gone or silent) is
drawn by the notebook itself, so an error is raised, with its traceback, in the cell that shows the figure.
The copy hands its figures over as files in a folder of the kernel's (`figures_root`): a report that fails
or is stopped before showing them all leaves none of them behind.

Linux only (os.fork); elsewhere, and in JupyterLab by default, every figure is drawn in turn.
"""
from __future__ import annotations

import contextlib
import gc
import io
import mmap
import multiprocessing
import os
import pickle
import select
import shutil
import signal
import sys
import tempfile
import time
import warnings
from collections.abc import Callable, Hashable

import matplotlib.pyplot as plt

from .paths import FIGURES_DIR_VARIABLE, FIGURES_PREFIX

#: Resolution of the embedded figures (pixels per inch): sharp on screen and on A4.
DPI = 110
#: zlib level of the PNGs: 3 makes files as small as the default 6 for these figures, in half the time.
PNG_COMPRESSION = 3
#: How long the notebook waits for a figure the second process claimed before it stops that process and
#: draws the rest itself.
WAIT_SECONDS = 60.0

_FREE, _MINE, _THEIRS = 0, 1, 2
Maker = Callable[[], tuple]  # -> (matplotlib Figure, alt text)


def png_bytes(fig) -> bytes:
    """The figure as PNG bytes; the figure is then closed.

    A figure with a layout engine (plots.new_figure) is laid out once, at the PNG's resolution, and then drawn
    once: savefig would lay it out inside a whole extra drawing pass with output switched off (the same
    pixels, about 6% more work). Any other figure is cropped to its contents, which costs a second pass.
    """
    buffer = io.BytesIO()
    engine = fig.get_layout_engine()
    if engine is not None:
        fig.set_dpi(DPI)
        fig.canvas.get_renderer()  # the layout measures text with the renderer of this resolution
        engine.execute(fig)
        fig.set_layout_engine("none")
    fig.savefig(buffer, format="png", dpi=DPI, bbox_inches=None if engine is not None else "tight",
                pil_kwargs={"compress_level": PNG_COMPRESSION})
    plt.close(fig)
    return buffer.getvalue()


def draw(maker: Maker) -> tuple[bytes, str]:
    """Build one figure and draw it: its PNG bytes and its alt text."""
    fig, alt = maker()
    return png_bytes(fig), alt


def can_fork() -> bool:
    """Linux only: macOS does not support forking a process that has loaded its system frameworks."""
    return hasattr(os, "fork") and sys.platform.startswith("linux")


def figures_root() -> str | None:
    """Where the copy leaves the figures it drew: the folder the renderer gave this kernel (removed with the
    kernel, even when it is killed mid-report), else the system's temporary folder (None), where a folder
    outliving its process is removed by the next render (render_batch.remove_stale_work_folders)."""
    folder = os.environ.get(FIGURES_DIR_VARIABLE, "")
    return folder if folder and os.path.isdir(folder) else None


class FiguresAhead:
    """The figures of `plan` (key -> maker, in the order the notebook shows them), a share of them drawn
    ahead by a forked copy of this process. `take(key)` returns (PNG bytes, alt text)."""

    def __init__(self, plan: dict[Hashable, Maker]):
        self.plan = dict(plan)
        self.keys = list(self.plan)
        self.position = {key: index for index, key in enumerate(self.keys)}
        self.pid = 0
        self.folder = ""
        self.notices = None
        self.delivered: set[int] = set()
        self.failed: set[int] = set()
        self.taken: set[int] = set()
        if not 2 <= len(self.keys) <= 255 or not can_fork():
            return
        self.claims = mmap.mmap(-1, len(self.keys))  # shared with the copy: who draws which figure
        self.lock = multiprocessing.get_context("fork").Lock()
        self.folder = tempfile.mkdtemp(prefix=f"{FIGURES_PREFIX}{os.getpid()}-", dir=figures_root())
        read_end, write_end = os.pipe()
        # the objects alive now (the libraries, the report) are left out of garbage collection from here on,
        # as Python's gc module advises before a fork: neither process then spends time scanning them, nor
        # writes to their shared memory pages when it does
        gc.freeze()
        with warnings.catch_warnings():  # 3.12+ warns about forking a process with threads (the kernel's)
            warnings.simplefilter("ignore", DeprecationWarning)
            pid = os.fork()
        if pid == 0:  # the copy: draw from the last figure backwards, never return
            os.close(read_end)
            self._draw_backwards(write_end)
        os.close(write_end)
        self.pid, self.notices = pid, read_end

    # --- the copy ------------------------------------------------------------------------------------
    def _draw_backwards(self, notices: int) -> None:
        status = 0
        try:
            signal.signal(signal.SIGINT, signal.SIG_IGN)  # an interrupt is the notebook's to handle
            devnull = open(os.devnull, "w")  # noqa: SIM115 - the copy's output goes nowhere
            sys.stdout = sys.stderr = devnull  # the kernel's streams belong to the notebook's process
            warnings.simplefilter("ignore")
            for index in reversed(range(len(self.keys))):
                with self.lock:
                    if self.claims[index] != _FREE:
                        break  # the notebook has got this far: the rest is drawn
                    self.claims[index] = _THEIRS
                try:
                    result = draw(self.plan[self.keys[index]])
                except BaseException:  # noqa: BLE001 - the notebook draws it again and shows the error
                    os.write(notices, bytes([index, 0]))
                    continue
                path = os.path.join(self.folder, f"{index}.pickle")
                with open(path + ".part", "wb") as handle:
                    pickle.dump(result, handle, protocol=pickle.HIGHEST_PROTOCOL)
                os.replace(path + ".part", path)
                os.write(notices, bytes([index, 1]))
        except BaseException:  # noqa: BLE001
            status = 1
        finally:
            os._exit(status)  # no clean-up handlers: they belong to the kernel

    # --- the notebook's process ----------------------------------------------------------------------
    def take(self, key: Hashable) -> tuple[bytes, str]:
        """The figure's PNG bytes and alt text: drawn by the copy if it claimed it, otherwise here."""
        index = self.position[key]
        result = None
        if self.pid:
            with self.lock:
                owner = self.claims[index]
                if owner == _FREE:
                    self.claims[index] = _MINE
            if owner == _THEIRS and self._wait_for(index):
                self.delivered.discard(index)
                path = os.path.join(self.folder, f"{index}.pickle")
                with contextlib.suppress(OSError):  # gone (its folder swept as a dead kernel's): drawn here
                    with open(path, "rb") as handle:
                        result = pickle.load(handle)
                    os.unlink(path)
        self.taken.add(index)
        if len(self.taken) == len(self.keys):
            self.close()
        return result if result is not None else draw(self.plan[key])

    def _wait_for(self, index: int) -> bool:
        """True once the copy has delivered figure `index`; False if it failed, ended or fell silent."""
        deadline = time.monotonic() + WAIT_SECONDS
        while index not in self.delivered and index not in self.failed:
            left = deadline - time.monotonic()
            if self.notices is None:
                return False
            ready, _, _ = select.select([self.notices], [], [], max(0.0, left))
            if not ready:  # silent too long: stopped, and every figure left is drawn here
                self.close()
                return False
            message = os.read(self.notices, 2 * len(self.keys))
            if not message:  # the copy has ended
                self._close_notices()
                break
            for position in range(0, len(message) - 1, 2):
                done, ok = message[position], message[position + 1]
                (self.delivered if ok else self.failed).add(done)
        return index in self.delivered

    def _close_notices(self) -> None:
        if self.notices is not None:
            with contextlib.suppress(OSError):
                os.close(self.notices)
            self.notices = None

    def close(self) -> None:
        """Stop the copy if it still runs, collect it, and remove its files."""
        if self.pid:
            with contextlib.suppress(ProcessLookupError, ChildProcessError):
                finished, _ = os.waitpid(self.pid, os.WNOHANG)
                if not finished:
                    os.kill(self.pid, signal.SIGKILL)
                    os.waitpid(self.pid, 0)
            self.pid = 0
        self._close_notices()
        if self.folder:
            shutil.rmtree(self.folder, ignore_errors=True)
            self.folder = ""

    def __del__(self):
        with contextlib.suppress(Exception):
            self.close()
