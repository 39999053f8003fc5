"""Progress of a render batch: a bar with each running client's state, or plain lines in a log.

On a terminal the bar and one line per running client are redrawn in place, and each finished client is
printed above them for good. Anywhere else (CI logs, a file, a test) every start and finish is one plain
line, so the log reads top to bottom.
"""
from __future__ import annotations

import sys
import time

from .i18n import Translator, terminal_safe


class Progress:
    def __init__(self, total: int, workers: int, stream=None, live: bool | None = None, tr: Translator | None = None):
        self.tr = tr or Translator("en")
        self.stream = stream or sys.stdout
        self.total = total
        self.workers = workers
        self.live = self.stream.isatty() if live is None else live
        self.started_at = time.monotonic()
        self.running: dict[str, tuple[str, float]] = {}  # client -> (state, since)
        self.done = 0
        self.failed = 0
        self.drawn = 0  # lines of the live block on screen
        self.gone = False  # the stream refused a write: nothing more is shown

    def _write(self, text: str) -> None:
        """Show the text; a stream that refuses it (the terminal was closed: a dropped SSH session) is given
        up, so that the batch still goes on, or stops, and records every client and the index."""
        if self.gone:
            return
        try:
            self.stream.write(text)
            self.stream.flush()
        except OSError:
            self.gone = True

    def _clear(self) -> None:
        if self.live and self.drawn:
            self._write(f"\x1b[{self.drawn}F\x1b[J")
            self.drawn = 0

    def _bar(self) -> str:
        width = 24
        filled = int(width * self.done / self.total) if self.total else width
        elapsed = time.monotonic() - self.started_at
        counts = {"done": self.done, "total": self.total, "failed": self.failed, "running": len(self.running),
                  "workers": self.workers}
        text = self.tr.t("cli.progress.bar_failed" if self.failed else "cli.progress.bar", **counts)
        return f"[{'#' * filled}{'-' * (width - filled)}] {text}  {elapsed:5.1f} s"

    def redraw(self) -> None:
        """Refresh the live block (call now and then; does nothing in line mode)."""
        if not self.live:
            return
        self._clear()
        now = time.monotonic()
        lines = [self._bar()] + [f"  {client:<24} {state:<28} {now - since:5.1f} s"
                                 for client, (state, since) in self.running.items()]
        self._write("\n".join(lines) + "\n")
        self.drawn = len(lines)

    def started(self, client: str) -> None:
        self.running[client] = (self.tr.t("cli.state.handed"), time.monotonic())
        if self.live:
            self.redraw()
        else:
            self._write(f"[{self.done:>{len(str(self.total))}}/{self.total}] {client}: {self.tr.t('cli.progress.started')}\n")

    def state(self, client: str, state: str, values: dict | None = None) -> None:
        """A client's new state: a key of the cli.state texts, with its values."""
        if client in self.running:
            self.running[client] = (self.tr.t(f"cli.state.{state}", **(values or {})), self.running[client][1])
            self.redraw()

    def finished(self, client: str, ok: bool, seconds: float, note: str = "") -> None:
        self.running.pop(client, None)
        self.done += 1
        self.failed += 0 if ok else 1
        self._clear()
        mark = self.tr.t("cli.status.ok" if ok else "cli.status.failed")
        note = f" ({terminal_safe(self.tr.message(note))})" if note else ""  # a Message in the command's language
        finished = self.tr.t("cli.progress.finished", mark=mark, seconds=self.tr.number(seconds, 1))
        self._write(f"[{self.done:>{len(str(self.total))}}/{self.total}] {client}: {finished}{note}\n")
        self.redraw()

    def message(self, text: str) -> None:
        self._clear()
        self._write(terminal_safe(text) + "\n")
        self.redraw()

    def close(self) -> None:
        self._clear()
        if self.live:
            self._write(self._bar() + "\n")
