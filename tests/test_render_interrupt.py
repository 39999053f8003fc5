"""An interrupted render (SIGTERM mid-batch, Ctrl-C early) leaves no partial report, no temporary folder and
no process behind, and the last good report untouched. Runs the real command in a session of its own."""
import os
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import pytest

from helpers.paths import DEMO_ROSTER, PROJECT_ROOT

LAST_GOOD = "<html>last good report</html>"


def processes_with(marker: str) -> list[int]:
    """Processes whose environment holds the marker: the render, its workers and their kernels."""
    found = []
    for environ in Path("/proc").glob("[0-9]*/environ"):
        try:
            if marker.encode() in environ.read_bytes():
                found.append(int(environ.parent.name))
        except OSError:  # gone meanwhile, or not ours to read
            continue
    return found


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc to find left-over processes")
@pytest.mark.parametrize("signal_to_send, when", [(signal.SIGTERM, "mid-run"), (signal.SIGINT, "early")])
def test_interrupted_render_leaves_no_partial_report(tmp_path, signal_to_send, when):
    out = tmp_path / "reports"
    (out / "kopi-senja").mkdir(parents=True)
    (out / "kopi-senja" / "report.html").write_text(LAST_GOOD, encoding="utf-8")
    marker = f"WORKBOOK_TEST_{uuid.uuid4().hex}"
    process = subprocess.Popen(
        [sys.executable, "-m", "helpers", "render", "--clients", str(DEMO_ROSTER), "--out", str(out),
         "--jobs", "2"], cwd=PROJECT_ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        env={**os.environ, marker: "1"}, start_new_session=True)
    try:
        roster, reading, started = (process.stdout.readline() for _ in range(3))
        assert roster.startswith("Roster: ") and reading.startswith("Reading the exports of the roster's 2 clients")
        assert "started" in started
        if when == "mid-run":  # the notebooks are running: their temporary folders exist
            deadline = time.monotonic() + 60
            while not list(out.glob(".render-*")) and time.monotonic() < deadline:
                time.sleep(0.1)
            time.sleep(1.5)
            os.kill(process.pid, signal_to_send)  # SIGTERM to the command alone, as a service manager would
        else:
            os.killpg(process.pid, signal_to_send)  # Ctrl-C: the whole foreground process group
        output = process.stdout.read()
        process.wait(timeout=60)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
    assert process.returncode == 130, output
    assert "interrupted" in output and "Traceback" not in output, output
    assert output.count(": ok in") < 2  # the batch was really cut short
    assert not list(out.glob(".render-*")) and not list(out.rglob("*.tmp"))
    assert not list(Path(tempfile.gettempdir()).glob(f"workbook-render-{process.pid}-*"))  # kernels' scratch
    kept = (out / "kopi-senja" / "report.html").read_text(encoding="utf-8")
    assert kept == LAST_GOOD or kept.rstrip().endswith("</html>") and (out / "kopi-senja" / "render.json").exists()
    other = out / "harbour-books" / "report.html"
    assert not other.exists() or (other.read_text(encoding="utf-8").rstrip().endswith("</html>")
                                  and (out / "harbour-books" / "render.json").exists())
    deadline = time.monotonic() + 10
    while processes_with(marker) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert processes_with(marker) == []


def test_an_interrupt_lost_in_an_import_callback_still_stops_the_batch(capsys):
    """Ctrl-C can land while Python runs an import's clean-up callback, where an exception cannot propagate
    (Python would print it as ignored and carry on): the batch delivers it again, quietly."""
    import weakref

    from helpers.render_batch import _sigterm_interrupts

    class Holder:
        pass

    def callback(_):
        raise KeyboardInterrupt()

    with pytest.raises(KeyboardInterrupt):
        with _sigterm_interrupts():
            held = Holder()
            ref = weakref.ref(held, callback)  # its callback runs when `held` goes
            assert ref() is held
            del held
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline:
                pass
    assert "Traceback" not in capsys.readouterr().err


def test_a_stopping_worker_keeps_a_thread_failing_on_torn_down_sockets_quiet():
    """A stop can land while a kernel client's channels are being closed: its heartbeat thread then fails
    on the torn-down sockets (ZMQError, "Context was terminated"). Once the stop is asked that failure is
    part of it and prints nothing; before a stop, and any other failure at any time, is reported."""
    import threading

    import zmq

    from helpers.render_batch import quiet_threads_when_stopping

    def failing_thread(error: BaseException, stop_asked: list) -> list:
        reported = []
        hook = quiet_threads_when_stopping(stop_asked, default=lambda args: reported.append(args.exc_value))
        previous, threading.excepthook = threading.excepthook, hook
        try:
            def fail():
                raise error
            thread = threading.Thread(target=fail)
            thread.start()
            thread.join()
        finally:
            threading.excepthook = previous
        return reported

    terminated = zmq.ZMQError(zmq.ETERM)
    assert str(terminated) == "Context was terminated"
    assert failing_thread(terminated, stop_asked=[signal.SIGTERM]) == []
    assert failing_thread(terminated, stop_asked=[]) == [terminated]  # no stop asked: a fault, shown
    other = zmq.ZMQError(zmq.EAGAIN)
    assert failing_thread(other, stop_asked=[signal.SIGTERM]) == [other]
    bug = ValueError("a bug")
    assert failing_thread(bug, stop_asked=[signal.SIGTERM]) == [bug]
