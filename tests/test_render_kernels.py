"""Every client runs in a kernel of its own: started ahead with the libraries imported, nothing else."""

import signal
import subprocess
import sys

from helpers.paths import PROJECT_ROOT
from helpers.render import REPORT_NOTEBOOK, KernelSupply

INSPECT = ("import os, sys, json\n"
           "print(json.dumps({'pid': os.getpid(), 'names': sorted(k for k in globals() if not k.startswith('_')"
           " and k not in ('In', 'Out', 'exit', 'quit', 'get_ipython', 'open')), 'warm': 'helpers.report' in sys.modules}))")


def run_in(kernel) -> dict:
    import json

    from jupyter_client import BlockingKernelClient
    client = BlockingKernelClient()
    client.load_connection_info(kernel.manager.get_connection_info())
    client.start_channels()
    try:
        client.wait_for_ready(timeout=60)
        seen = []
        client.execute_interactive(INSPECT, store_history=False, timeout=60,
                                   output_hook=lambda m: seen.append(m["content"].get("text", ""))
                                   if m["msg_type"] == "stream" else None)
        return json.loads("".join(seen))
    finally:
        client.stop_channels()


def test_each_take_is_a_fresh_kernel_with_an_empty_namespace(tmp_path):
    supply = KernelSupply(REPORT_NOTEBOOK, tmp_path)
    try:
        supply.start_spare()
        first = supply.take()
        supply.start_spare()  # the next client's kernel starts while this one is in use
        seen_first = run_in(first)
        second = supply.take()
        seen_second = run_in(second)
        assert seen_first["pid"] != seen_second["pid"]
        for seen in (seen_first, seen_second):
            assert seen["warm"] is True  # the notebook's libraries are imported ahead
            assert seen["names"] == ["json", "os", "sys"]  # only what INSPECT itself imported
        process = first.manager.provisioner.process
        supply.shutdown(first)
        assert process.poll() is not None  # a used kernel is gone, never handed to another client
    finally:
        supply.close()
    assert supply.running == []


def test_killing_all_kernels_needs_no_event_loop(tmp_path):
    supply = KernelSupply(REPORT_NOTEBOOK, tmp_path)
    supply.start_spare()
    process = supply.spare.manager.provisioner.process
    supply.kill_all()
    assert process.wait(timeout=10) == -signal.SIGKILL  # killed, not merely exited (a timeout fails too)


def test_the_command_line_starts_its_workers_without_importing_pandas():
    """pandas takes about half a second to import: the command and its workers start the kernel first."""
    code = ("import sys, helpers.render_batch, helpers.__main__\n"
            "from helpers.i18n import Translator\n"
            "assert 'pandas' not in sys.modules, sorted(m for m in sys.modules if m.startswith('pandas'))\n"
            "tr = Translator('id')\n"
            "print(tr.number(float('nan')), tr.number(1234.5, 1), tr.number(None))\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=PROJECT_ROOT, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["t/a", "1.234,5", "t/a"]


def test_reading_a_finished_report_needs_neither_pandas_nor_matplotlib():
    """After the kernel, a worker reads the report's facts, exports and checks its HTML: importing display's
    matplotlib and pandas there cost a single report over a second, after its export."""
    code = ("import sys, helpers.render as render\n"
            "executed = {'cells': [{'cell_type': 'code', 'outputs': [{'metadata': {'text/html':"
            " {render.FACTS_KEY: {'posts': 3}}}}]}]}\n"
            "print(render.report_facts(executed), render.unescaped_outputs(executed))\n"
            "from helpers.clients import load_roster\n"
            "from helpers.paths import DEMO_ROSTER\n"
            "client = load_roster(DEMO_ROSTER)[0]\n"
            "print(render.check_html(f'<html><body><h1>{client.name}</h1></body></html>', client))\n"
            "print(sorted(m for m in ('pandas', 'matplotlib', 'helpers.display') if m in sys.modules))\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=PROJECT_ROOT, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["{'posts': 3} []", "[]", "[]"]


def rendering_cells(tmp_path, monkeypatch, *sources: str):
    """The render command made to run, instead of the client report, a notebook of the report's parameters cell
    (so the roster's parameters are all declared) and code cells of `sources`; a last good report of
    kopi-senja in the folder returned, to be kept."""
    import nbformat

    from helpers import render

    notebook = tmp_path / "cells.ipynb"
    report = nbformat.read(REPORT_NOTEBOOK, as_version=4)
    parameters = next(c for c in report.cells if "parameters" in c.metadata.get("tags", []))
    cells = [nbformat.v4.new_code_cell(parameters.source, metadata={"tags": ["parameters"]}),
             *(nbformat.v4.new_code_cell(source) for source in sources)]
    nbformat.write(nbformat.v4.new_notebook(cells=cells, metadata={"kernelspec": {
        "name": "python3", "display_name": "Python 3", "language": "python"}}), notebook)
    real_render_all = render.render_all
    monkeypatch.setattr(render, "render_all", lambda clients, out, **kw: real_render_all(clients, out, notebook, **kw))
    out = tmp_path / "reports"
    (out / "kopi-senja").mkdir(parents=True)
    (out / "kopi-senja" / "report.html").write_text("last good report", encoding="utf-8")
    return out


def test_a_kernel_killed_mid_report_fails_its_client_with_the_cell_and_what_to_do(tmp_path, monkeypatch, capfd):
    """A kernel the system kills (SIGKILL, as its out-of-memory killer does) while a cell runs: the summary,
    the index and the failure's error file name the cell, how the kernel ended and what to do, not nbclient's
    'DeadKernelError: Kernel died'; no traceback, exit status 1, the last good report kept. What to do is the
    whole command rendering the client alone, with the roster and the folder given: copied, it renders the same
    client of the same roster into the same folder."""
    import html
    import json

    from helpers.__main__ import main
    from helpers.paths import DEMO_ROSTER

    out = rendering_cells(tmp_path, monkeypatch, "posts = 1", "import os, signal\nos.kill(os.getpid(), signal.SIGKILL)")

    status = main(["render", "--clients", str(DEMO_ROSTER), "--client", "kopi-senja", "--out", str(out)])
    captured = capfd.readouterr()  # the workers' stderr too
    assert status == 1, captured
    # cells counted from 1, as the progress line counts them: the parameters, papermill's injected ones,
    # `posts = 1`, then the cell that kills its kernel, cell 4
    alone = f"python -m helpers render --clients {DEMO_ROSTER} --client kopi-senja --out {out} --jobs 1"
    said = ("cell 4 `import os, signal`: the report's kernel stopped while running this cell: the system ended it"
            f" (signal 9, SIGKILL), most often for lack of memory. Render this client alone ({alone}) or with fewer"
            " exports")
    assert said in captured.out
    assert "DeadKernelError" not in captured.out + captured.err and "Traceback" not in captured.out + captured.err
    assert "Kernel died" not in captured.err  # nbclient's own notice, in English amid the progress lines
    assert (out / "kopi-senja" / "report.html").read_text(encoding="utf-8") == "last good report"
    # the index shortens a long error, linking to its file, which holds it whole
    index = html.unescape((out / "index.html").read_text(encoding="utf-8"))
    assert said.replace(" `import os, signal`", "").split(" --out")[0] in index
    error_file = (out / "_failed" / "kopi-senja" / "error.txt").read_text(encoding="utf-8")
    assert "cell 4 (import os, signal): the report's kernel stopped" in error_file and "Traceback" not in error_file
    assert f"Render this client alone ({alone}) or with fewer exports" in error_file
    record = json.loads((out / "_records" / "kopi-senja.json").read_text(encoding="utf-8"))
    assert record["failed_cell"] == 4
    assert record["errors"]["id"] == (  # the index of a render run with --language id
        "kernel laporan berhenti saat menjalankan sel ini: sistem menghentikannya (sinyal 9, SIGKILL), paling sering"
        f" karena memori tidak cukup. Render klien ini dalam batch tersendiri ({alone}) atau dengan ekspor yang"
        " lebih sedikit")


def test_how_a_dead_kernel_ended_is_said_from_its_exit_status():
    """Said with the command rendering the client alone: the render command's own (Task.alone), else, for a
    render started from Python, one of its roster and folder (alone_command), here the defaults."""
    from helpers.render import alone_command, kernel_death

    alone = alone_command("acme")
    assert alone == "python -m helpers render --client acme --jobs 1"
    assert kernel_death(-signal.SIGKILL, alone).key == "cli.problem.kernel_killed"
    assert kernel_death(None, alone) == (
        "the report's kernel stopped while running this cell, most likely ended by the system for lack of memory."
        " Render this client alone (python -m helpers render --client acme --jobs 1) or with fewer exports")
    assert kernel_death(-11, alone) == (
        "the report's kernel stopped while running this cell: it was ended by signal 11 (SIGSEGV) before the cell"
        " could report an error. Render this client again, alone (python -m helpers render --client acme --jobs 1)")
    assert kernel_death(3, "python -m helpers render --clients 'my clients.yml' --client acme --jobs 1") == (
        "the report's kernel stopped while running this cell: it exited with status 3 before the cell could"
        " report an error. Render this client again, alone (python -m helpers render --clients 'my clients.yml'"
        " --client acme --jobs 1)")


def test_the_command_rendering_a_client_alone_from_python_names_its_folder_and_roster(tmp_path, monkeypatch):
    """A render started from Python (render_all, render_client) has no command line to repeat: the command it
    gives renders the client into the folder given (--out) from the roster the client was read from
    (--clients), from the project root (paths inside it relative to it, others in full); neither when it is the
    default (reports/, data/clients.yml), nor the roster of a client built in Python."""
    from helpers import paths
    from helpers.clients import load_roster
    from helpers.paths import DEMO_ROSTER, REPORTS_DIR
    from helpers.render import alone_command

    monkeypatch.setattr(paths, "DEFAULT_ROSTER", PROJECT_ROOT / "data" / "clients.yml")
    client = load_roster(DEMO_ROSTER)[0]
    assert client.roster_file == str(DEMO_ROSTER)
    assert alone_command(client.id, tmp_path / "my reports", client.roster_file) == (
        f"python -m helpers render --clients data/demo/clients.yml --client {client.id}"
        f" --out '{tmp_path / 'my reports'}' --jobs 1")
    assert alone_command("acme", PROJECT_ROOT / "reports" / "may") == (
        "python -m helpers render --client acme --out reports/may --jobs 1")
    monkeypatch.chdir(PROJECT_ROOT / "notebooks")  # a notebook's folder: out_dir is taken from there
    assert alone_command("acme", "../reports/may", PROJECT_ROOT / "data" / "clients.yml") == (
        "python -m helpers render --client acme --out reports/may --jobs 1")
    assert alone_command("acme", REPORTS_DIR, "") == "python -m helpers render --client acme --jobs 1"


def test_a_kernel_killed_in_a_render_from_python_says_the_command_for_its_folder_and_roster(tmp_path, monkeypatch):
    """render_all called from Python, the demo roster's kopi-senja into a folder of its own: the kernel killed
    mid-report says how to render that client alone into that folder from that roster, not into reports/ from
    data/clients.yml."""
    from helpers import paths, render
    from helpers.clients import load_roster
    from helpers.paths import DEMO_ROSTER

    out = rendering_cells(tmp_path, monkeypatch, "import os, signal\nos.kill(os.getpid(), signal.SIGKILL)")
    monkeypatch.setattr(paths, "DEFAULT_ROSTER", PROJECT_ROOT / "data" / "clients.yml")
    roster = load_roster(DEMO_ROSTER, selected=["kopi-senja"])
    [result] = render.render_all([c for c in roster if c.id == "kopi-senja"], out, jobs=1, roster=roster)
    assert not result.ok
    assert (f"Render this client alone (python -m helpers render --clients data/demo/clients.yml --client kopi-senja"
            f" --out {out} --jobs 1) or with fewer exports") in str(result.error)


def test_the_command_rendering_a_client_alone_keeps_the_roster_folder_and_options_given():
    """The hint of a kernel or worker ended mid-render renders that client alone on one worker, with everything
    else as typed: the roster and the folder (as typed, quoted for the shell), the language, --pdf; the default
    folder is not repeated."""
    import argparse

    from helpers.__main__ import others_command
    from helpers.paths import REPORTS_DIR

    args = argparse.Namespace(jobs=4, pdf=True, language="id", accept_header_only=False,
                              typed={"clients": "my clients.yml", "out": "out/may"})
    assert others_command(args, ["acme"], jobs=1) == (
        "python -m helpers render --clients 'my clients.yml' --client acme --out out/may --jobs 1 --pdf --language id")
    assert others_command(args, ["acme", "kopi"]) == (  # the refused roster's advice: the --jobs given
        "python -m helpers render --clients 'my clients.yml' --client acme --client kopi --out out/may --jobs 4 --pdf"
        " --language id")
    args = argparse.Namespace(jobs=None, pdf=False, language="en", accept_header_only=True,
                              typed={"out": str(REPORTS_DIR)})
    assert others_command(args, ["acme"], jobs=1) == (
        "python -m helpers render --client acme --jobs 1 --accept-header-only")


def test_a_worker_killed_mid_report_fails_its_client_with_what_to_do(tmp_path, monkeypatch, capfd):
    """A render worker the system kills (SIGKILL, as its out-of-memory killer does; here the report's kernel
    kills the worker that started it): its client fails with how to render it using less memory, not only
    'the render worker stopped unexpectedly (exit status -9)'; exit status 1, the last good report kept."""
    from helpers.__main__ import main
    from helpers.paths import DEMO_ROSTER

    out = rendering_cells(tmp_path, monkeypatch, "import os, signal\nos.kill(os.getppid(), signal.SIGKILL)")

    status = main(["render", "--clients", str(DEMO_ROSTER), "--client", "kopi-senja", "--out", str(out)])
    captured = capfd.readouterr()
    assert status == 1, captured
    assert ("the render worker running this client was ended by the system (signal 9, SIGKILL), most often for"
            f" lack of memory. Render this client alone (python -m helpers render --clients {DEMO_ROSTER} --client"
            f" kopi-senja --out {out} --jobs 1) or with fewer exports") in captured.out
    assert "Traceback" not in captured.out + captured.err
    assert (out / "kopi-senja" / "report.html").read_text(encoding="utf-8") == "last good report"
