"""Progress of a render batch: a bar with each running client's state, or plain lines in a log.

On a terminal the bar and one line per running client are redrawn in place, and each finished client is
printed above them for good. Anywhere else (CI logs, a file, a test) every start and finish is one plain
line, so the log reads top to bottom.
"""
from __future__ import annotations

import sys
import time


class Progress:
    def __init__(self, total: int, workers: int, stream=None, live: bool | None = None):
        self.stream = stream or sys.stdout
        self.total = total
        self.workers = workers
        self.live = self.stream.isatty() if live is None else live
        self.started_at = time.monotonic()
        self.running: dict[str, tuple[str, float]] = {}  # client -> (state, since)
        self.done = 0
        self.failed = 0
        self.drawn = 0  # lines of the live block on screen

    def _write(self, text: str) -> None:
        self.stream.write(text)
        self.stream.flush()

    def _clear(self) -> None:
        if self.live and self.drawn:
            self._write(f"\x1b[{self.drawn}F\x1b[J")
            self.drawn = 0

    def _bar(self) -> str:
        width = 24
        filled = int(width * self.done / self.total) if self.total else width
        elapsed = time.monotonic() - self.started_at
        failed = f", {self.failed} failed" if self.failed else ""
        return (f"[{'#' * filled}{'-' * (width - filled)}] {self.done}/{self.total} done{failed},"
                f" {len(self.running)} running on {self.workers} worker(s)  {elapsed:5.1f} s")

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
        self.running[client] = ("handed to a worker", time.monotonic())
        if self.live:
            self.redraw()
        else:
            self._write(f"[{self.done:>{len(str(self.total))}}/{self.total}] {client}: started\n")

    def state(self, client: str, state: str) -> None:
        if client in self.running:
            self.running[client] = (state, self.running[client][1])
            self.redraw()

    def finished(self, client: str, ok: bool, seconds: float, note: str = "") -> None:
        self.running.pop(client, None)
        self.done += 1
        self.failed += 0 if ok else 1
        self._clear()
        mark = "ok" if ok else "FAILED"
        note = f" ({note})" if note else ""
        self._write(f"[{self.done:>{len(str(self.total))}}/{self.total}] {client}: {mark} in {seconds:.1f} s{note}\n")
        self.redraw()

    def message(self, text: str) -> None:
        self._clear()
        self._write(text + "\n")
        self.redraw()

    def close(self) -> None:
        self._clear()
        if self.live:
            self._write(self._bar() + "\n")
