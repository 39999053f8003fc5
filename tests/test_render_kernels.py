"""Every client runs in a kernel of its own: started ahead with the libraries imported, nothing else."""

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
    assert process.wait(timeout=10) is not None
