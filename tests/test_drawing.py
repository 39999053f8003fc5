"""Figures drawn ahead by a second process: the same images, each drawn once, errors shown, nothing left."""
from __future__ import annotations

import os
import shutil
import tempfile
import time
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402

from helpers import drawing  # noqa: E402
from helpers.drawing import FiguresAhead  # noqa: E402
from helpers.paths import DEMO_DIR  # noqa: E402
from helpers.report import build_report  # noqa: E402

pytestmark = pytest.mark.skipif(not drawing.can_fork(), reason="drawing ahead needs os.fork")

DEMO = dict(client="kopi-senja", client_name="Kopi Senja", exports=[str(DEMO_DIR / "kopi-senja" / "*.csv")],
            timezone="Asia/Jakarta", period_start="2026-09-01", period_end="2026-10-31",
            comparison_start="2026-07-01", comparison_end="2026-08-31", top_n=10)


def logged_maker(log: Path, name: str, seconds: float = 0.0, fail_in_copy: bool = False, parent: int = 0):
    """A figure whose drawing writes `name pid` to the log (and, in the copy only, may fail)."""
    def make():
        if fail_in_copy and os.getpid() != parent:
            raise RuntimeError("the copy cannot draw this one")
        with open(log, "a", encoding="utf-8") as handle:
            handle.write(f"{name} {os.getpid()}\n")
        time.sleep(seconds)
        fig, ax = plt.subplots(figsize=(2, 2))
        ax.plot([0, 1], [0, 1])
        ax.set_title(name)
        return fig, f"alt {name}"
    return make


def drawn_by(log: Path) -> dict[str, list[int]]:
    seen: dict[str, list[int]] = {}
    for line in log.read_text(encoding="utf-8").splitlines():
        name, pid = line.split()
        seen.setdefault(name, []).append(int(pid))
    return seen


def test_each_figure_is_drawn_once_by_one_of_the_two_processes(tmp_path):
    log = tmp_path / "log"
    names = [f"f{i}" for i in range(6)]
    ahead = FiguresAhead({name: logged_maker(log, name, 0.15) for name in names})
    copy, folder = ahead.pid, ahead.folder
    assert copy and Path(folder).is_dir()
    for name in names:
        png, alt = ahead.take(name)
        assert png.startswith(b"\x89PNG") and alt == f"alt {name}"
    seen = drawn_by(log)
    assert sorted(seen) == names and all(len(pids) == 1 for pids in seen.values())
    drawers = {pids[0] for pids in seen.values()}
    assert drawers == {os.getpid(), copy}  # both drew a share: the notebook from the front, the copy from the back
    assert seen["f0"] == [os.getpid()] and seen["f5"] == [copy]
    # all taken: the copy is collected (no zombie) and its files removed
    assert ahead.pid == 0 and not Path(folder).exists()
    with pytest.raises(ChildProcessError):
        os.waitpid(copy, os.WNOHANG)


def test_a_figure_the_copy_cannot_draw_is_drawn_by_the_notebook_and_its_error_shows_there(tmp_path):
    log = tmp_path / "log"
    plan = {"good": logged_maker(log, "good", 0.3),
            "flaky": logged_maker(log, "flaky", fail_in_copy=True, parent=os.getpid())}
    ahead = FiguresAhead(plan)
    ahead.take("good")
    png, alt = ahead.take("flaky")  # the copy failed on it: drawn here instead
    assert png.startswith(b"\x89PNG") and drawn_by(log)["flaky"] == [os.getpid()]

    def broken():
        raise ValueError("no data for this figure")
    ahead = FiguresAhead({"first": logged_maker(log, "first", 0.3), "broken": broken})
    ahead.take("first")
    with pytest.raises(ValueError, match="no data for this figure"):  # raised in the notebook's cell
        ahead.take("broken")


def test_a_copy_that_dies_leaves_its_figures_to_the_notebook(tmp_path):
    log = tmp_path / "log"
    parent = os.getpid()

    def dies_in_copy():
        if os.getpid() != parent:
            os._exit(3)
        return logged_maker(log, "last")()
    ahead = FiguresAhead({"first": logged_maker(log, "first", 0.2), "last": dies_in_copy})
    assert ahead.take("first")[1] == "alt first"
    assert ahead.take("last")[1] == "alt last"
    assert drawn_by(log)["last"] == [parent]


def test_the_report_shows_the_same_figures_drawn_ahead_or_in_turn():
    in_turn = build_report(**DEMO)
    ahead = build_report(**DEMO, draw_ahead=True)
    assert ahead.ahead is not None and ahead.ahead.pid
    plan = in_turn.figure_plan()
    assert plan == ahead.figure_plan() and len(plan) == 7
    for key in plan:
        assert ahead.figure_html(*key).data == in_turn.figure_html(*key).data
    assert ahead.ahead.pid == 0  # every figure taken: the copy is gone


def test_a_silent_copy_is_stopped_and_the_notebook_draws_the_rest(tmp_path, monkeypatch):
    monkeypatch.setattr(drawing, "WAIT_SECONDS", 0.5)
    log = tmp_path / "log"
    parent = os.getpid()

    def hangs_in_copy(name):
        def make():
            if os.getpid() != parent:
                time.sleep(30)
            return logged_maker(log, name)()
        return make
    ahead = FiguresAhead({"first": logged_maker(log, "first", 0.2), "second": hangs_in_copy("second"),
                          "third": hangs_in_copy("third")})
    copy = ahead.pid
    started = time.monotonic()
    assert [ahead.take(key)[1] for key in ("first", "second", "third")] == ["alt first", "alt second", "alt third"]
    assert time.monotonic() - started < 10  # one wait of 0.5 s, not one per figure nor the copy's 30 s
    assert drawn_by(log) == {"first": [parent], "second": [parent], "third": [parent]}
    with pytest.raises(ChildProcessError):
        os.waitpid(copy, os.WNOHANG)


def test_the_figures_go_to_the_folder_the_renderer_names_or_else_to_the_temporary_folder(tmp_path, monkeypatch):
    log = tmp_path / "log"
    plan = {name: logged_maker(log, name) for name in ("a", "b")}
    monkeypatch.setenv(drawing.FIGURES_DIR_VARIABLE, str(tmp_path))
    ahead = FiguresAhead(plan)
    assert Path(ahead.folder).parent == tmp_path and Path(ahead.folder).name.startswith(f"workbook-figures-{os.getpid()}-")
    ahead.close()
    monkeypatch.setenv(drawing.FIGURES_DIR_VARIABLE, str(tmp_path / "gone"))  # not a folder: the temporary one
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "temp"))
    (tmp_path / "temp").mkdir()
    ahead = FiguresAhead(plan)
    assert Path(ahead.folder).parent == tmp_path / "temp"
    ahead.close()
    assert list(tmp_path.glob("**/workbook-figures-*")) == []


def test_a_figure_whose_file_was_swept_away_is_drawn_by_the_notebook(tmp_path):
    log = tmp_path / "log"
    ahead = FiguresAhead({"first": logged_maker(log, "first"), "last": logged_maker(log, "last")})
    ahead.take("first")
    deadline = time.monotonic() + 20
    while not os.path.exists(os.path.join(ahead.folder, "1.pickle")) and time.monotonic() < deadline:
        time.sleep(0.02)  # the copy delivers the last figure
    shutil.rmtree(ahead.folder)  # a render's sweep took this kernel for gone
    assert ahead.take("last")[1] == "alt last" and drawn_by(log)["last"][-1] == os.getpid()  # drawn again here


FIGURES_THEN_FAIL = """\
import json, os, time
import matplotlib.pyplot as plt
from helpers.drawing import FiguresAhead

def maker(i):
    def make():
        fig, ax = plt.subplots(figsize=(2, 2))
        ax.plot([0, 1], [0, i])
        return fig, f"figure {i}"
    return make

ahead = FiguresAhead({i: maker(i) for i in range(4)})
ahead.take(0)
deadline = time.monotonic() + 30
while len([n for n in os.listdir(ahead.folder) if n.endswith(".pickle")]) < 3 and time.monotonic() < deadline:
    time.sleep(0.05)
print(json.dumps({"folder": ahead.folder, "files": sorted(os.listdir(ahead.folder))}))
"""


def test_a_report_failing_before_its_figures_are_shown_leaves_none_of_them_behind(tmp_path, monkeypatch):
    """The kernel is killed with the copy's figures not yet shown: they go with it, not left in /tmp."""
    import json

    import nbformat

    from helpers.clients import load_roster
    from helpers.paths import DEMO_ROSTER
    from helpers.render import Renderer, Task

    temp = Path(tempfile.mkdtemp(prefix="wbt-", dir="/tmp"))  # short: the kernels' sockets live under it
    try:
        monkeypatch.setenv("TMPDIR", str(temp))
        monkeypatch.setattr(tempfile, "tempdir", str(temp))
        notebook = tmp_path / "fails.ipynb"
        cells = [nbformat.v4.new_code_cell("client = ''", metadata={"tags": ["parameters"]}),
                 nbformat.v4.new_code_cell(FIGURES_THEN_FAIL),
                 nbformat.v4.new_code_cell("raise RuntimeError('a cell fails mid-report')")]
        nbformat.write(nbformat.v4.new_notebook(cells=cells, metadata={"kernelspec": {
            "name": "python3", "display_name": "Python 3", "language": "python"}}), notebook)
        client = load_roster(DEMO_ROSTER)[0]
        renderer = Renderer(notebook)
        try:
            result = renderer.render(Task(client, str(tmp_path / "out"), token=str(os.getpid())))
        finally:
            renderer.close()
        assert not result.ok and "a cell fails mid-report" in result.error
        executed = nbformat.read(tmp_path / "out" / "_failed" / client.id / "report.ipynb", as_version=4)
        drawing_cell = next(c for c in executed.cells if c.source == FIGURES_THEN_FAIL)
        seen = json.loads(drawing_cell.outputs[0]["text"])
        assert seen["files"] == ["1.pickle", "2.pickle", "3.pickle"]  # drawn ahead, never shown
        assert Path(seen["folder"]).is_relative_to(temp) and not Path(seen["folder"]).exists()
        assert list(temp.glob("**/workbook-figures-*")) == []
    finally:
        shutil.rmtree(temp, ignore_errors=True)


def test_a_laid_out_figure_drawn_once_has_the_pixels_matplotlib_draws_in_two_passes():
    """png_bytes lays a constrained figure out once at the PNG's resolution and draws it once; savefig's own
    way (a layout pass with output switched off, then the drawing) must give the very same pixels, also for
    long labels the layout makes room for, a colour bar and a figure title."""
    import io

    import numpy as np
    from PIL import Image

    from helpers import plots

    def make():
        fig, (left, right) = plots.new_figure(1, 2, figsize=(7, 3))
        left.barh(["a caption long enough to need room", "short"], [3, 1])
        mesh = right.pcolormesh(np.arange(12).reshape(3, 4))
        fig.colorbar(mesh, ax=right, label="posts per cell")
        fig.suptitle("Reach and interactions, by weekday and hour")
        return fig

    ours = drawing.png_bytes(make())
    reference = io.BytesIO()
    fig = make()
    fig.savefig(reference, format="png", dpi=drawing.DPI, pil_kwargs={"compress_level": drawing.PNG_COMPRESSION})
    plt.close(fig)
    a, b = (np.asarray(Image.open(io.BytesIO(data))) for data in (ours, reference.getvalue()))
    assert a.shape == b.shape and (a == b).all()
