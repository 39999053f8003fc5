"""The measuring tools of the benchmark scripts: a wrong figure there would misstate every measurement."""
from __future__ import annotations

import importlib.util
import os
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def load_script(name: str):
    spec = importlib.util.spec_from_file_location(f"bench_{name}", ROOT / "benchmarks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_busy_clock_interpolates_the_work_between_two_moments():
    clock = load_script("render_batch").BusyClock()
    # busy seconds of all cores at wall-clock times 10, 11, 13: 1 s of work, then 3 s over 2 s (both cores)
    clock.samples = [(10.0, 100.0), (11.0, 101.0), (13.0, 104.0)]
    assert clock.busy(10.0, 13.0) == pytest.approx(4.0)
    assert clock.busy(10.5, 12.0) == pytest.approx(0.5 + 1.5)  # half of each step's work
    assert clock.busy(9.0, 10.0) == pytest.approx(0.0)  # before the first sample: nothing measured
    assert clock.busy(12.0, 20.0) == pytest.approx(1.5)  # after the last: the last sample's figure


@pytest.mark.skipif(not Path("/proc/stat").is_file(), reason="the busy clock reads /proc/stat (Linux only)")
def test_busy_clock_measures_work_done_on_this_machine():
    render_batch = load_script("render_batch")
    with render_batch.BusyClock(step=0.01) as clock:
        start = time.time()
        spin_until = time.process_time() + 0.5
        while time.process_time() < spin_until:  # 0.5 s of this process's CPU
            pass
        end = time.time()
        time.sleep(0.05)
    # this process's 0.5 s, give or take the kernel's tick-based accounting (the machine may be doing other
    # work too), and no more than all its cores could do
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    assert 0.35 <= clock.busy(start, end) <= (end - start) * cores + 0.05


def test_the_render_benchmarks_clients_have_exports_of_their_own(tmp_path):
    """The roster check refuses clients sharing an export file, and the isolation check posts shared between
    clients: the benchmark's clients each get their own made-up exports, as large as a demo client's."""
    import pandas as pd

    from helpers.clients import load_roster

    render_batch = load_script("render_batch")
    clients = load_roster(render_batch.write_roster(tmp_path, 3))  # raises on a shared file
    assert [c.name for c in clients] == ["Alpha Trading 01", "Bravo Trading 02", "Charlie Trading 03"]
    ids = {}
    for client in clients:
        files = sorted((tmp_path / "exports" / client.id).glob("*.csv"))
        assert len(files) == (2 if client.id != "client-02" else 1)  # like Kopi Senja, then like Harbour Books
        ids[client.id] = set(pd.concat([pd.read_csv(f, dtype=str, encoding="utf-8-sig")["Post ID"] for f in files]))
    assert not ids["client-01"] & ids["client-03"] and not ids["client-01"] & ids["client-02"]
