"""A batch of client reports on worker processes: parallel, with progress, stopped cleanly.

Each worker process imports papermill and nbconvert once and renders one client after another, with a
fresh kernel per client (helpers.render.Renderer). The parent hands out one client at a time, shows the
progress, and builds the isolation lists (every other client's post ids and names) before the first
report is checked.

Ctrl-C, SIGTERM or SIGHUP (the terminal closed): the parent tells every worker to stop (SIGTERM); a worker
kills its kernels, removes its temporary folder and exits; a report being moved into place is moved in whole
first. The parent then removes any temporary folder left, so an interrupted batch leaves the reports it
finished, the last good reports of the other clients and nothing else; it records those clients' attempts as
interrupted (the index says so) and raises BatchInterrupted with what it finished, for the command's summary.
A second Ctrl-C while it stops is not obeyed (it says so once): the stop is finished, records and all.
"""
from __future__ import annotations

import contextlib
import ctypes
import datetime as dt
import multiprocessing
import multiprocessing.connection
import os
import re
import shutil
import signal
import sys
import _thread
import tempfile
import textwrap
import threading
import time
import traceback
from collections import deque
from dataclasses import dataclass
from pathlib import Path

from .clients import Client
from .i18n import Message, Translator
from .errors import WorkbookError
from .paths import FIGURES_PREFIX, display_path
from .index_page import read_record, write_index
from .progress import Progress
from .render import (SCRATCH_PREFIX, WORK_PREFIX, BatchInterrupted, IdentityCache, Interrupted, RenderResult,
                     Renderer, Task, posts_of_others, check_client_id, check_output_folder, check_parameters,
                     STOP_SIGNALS, client_identity, foreign_identities, other_report, output_lock, period_of,
                     record_failure, record_interruption, unchecked_exports, skip_slow_optional_imports)


def default_jobs() -> int:
    """The machine's cores (those this process may use)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return max(1, os.cpu_count() or 1)


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_stale_work_folders(out_dir: Path) -> None:
    """Temporary folders of renders whose process is gone (killed outright), and folders of figures drawn
    ahead by a kernel that is gone (a notebook stopped in JupyterLab): they hold nothing good, and the
    figures are a client's."""
    for folder, prefix in [*((f, WORK_PREFIX) for f in out_dir.glob(f"{WORK_PREFIX}*")),
                           *((f, SCRATCH_PREFIX) for f in scratch_root().glob(f"{SCRATCH_PREFIX}*")),
                           *((f, FIGURES_PREFIX) for f in scratch_root().glob(f"{FIGURES_PREFIX}*"))]:
        match = re.match(rf"{re.escape(prefix)}(\d+)-", folder.name)
        if match and not _pid_alive(int(match.group(1))):
            shutil.rmtree(folder, ignore_errors=True)


# --- worker side -----------------------------------------------------------------------------------

def _die_with_parent() -> None:
    """Linux: a worker gets SIGTERM (and cleans up) when the process that started it dies."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(Exception):
            ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


class _Sender:
    """Events to the parent through the worker's pipe (a pipe: no semaphores, no feeder thread)."""

    def __init__(self, connection):
        self.connection = connection

    def put(self, message) -> None:
        self.connection.send(message)


def quiet_threads_when_stopping(stop_asked: list, default=None):
    """A threading.excepthook for a worker: once a stop is asked, a thread that fails because the kernels'
    sockets were torn down (ZMQError "Context was terminated": a kernel client's heartbeat thread, when the
    stop landed while its channels were being closed) is part of the stop, not a fault, and its traceback
    would read as a crash in the command's output. Anything else is reported as usual (`default`:
    threading.excepthook as it was)."""
    default = default or threading.excepthook

    def hook(args) -> None:
        zmq = sys.modules.get("zmq")  # a ZMQError comes from zmq, so it is imported when there is one
        terminated = (zmq is not None and isinstance(args.exc_value, zmq.ZMQError)
                      and args.exc_value.errno == zmq.ETERM)
        if not (stop_asked and terminated):
            default(args)

    return hook


def _worker_main(connection, notebook: str, scratch: str) -> None:
    """A render worker: set up once, then render the clients it is handed until told to stop.

    `scratch` holds its kernels' sockets and logs; the worker removes it, and the parent removes it
    too should the worker be killed outright.
    """
    from . import render

    stop_asked = []

    def terminate(signum, frame):
        stop_asked.append(signum)
        for supply in list(render.SUPPLIES):
            supply.kill_all()
        raise Interrupted()

    def quiet_when_stopping(unraisable, default=sys.unraisablehook):
        """A stop that lands inside an import's clean-up callback cannot propagate and would print a
        traceback; it is remembered instead (stop_asked) and honoured before the next client."""
        if not (stop_asked and issubclass(unraisable.exc_type, KeyboardInterrupt)):
            default(unraisable)

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the parent, which stops the workers
    if hasattr(signal, "SIGHUP"):
        signal.signal(signal.SIGHUP, signal.SIG_IGN)  # so does the terminal's hangup
    signal.signal(signal.SIGTERM, terminate)
    sys.unraisablehook = quiet_when_stopping
    threading.excepthook = quiet_threads_when_stopping(stop_asked)
    _die_with_parent()
    skip_slow_optional_imports()
    events = _Sender(connection)
    renderer = None
    crashed = False
    try:
        Path(scratch).mkdir(parents=True, exist_ok=True)
        renderer = Renderer(Path(notebook), events=events, scratch=Path(scratch))
        if stop_asked:
            raise Interrupted()
        events.put(("ready", os.getpid(), None))
        while not stop_asked and (task := connection.recv()) is not None:
            events.put(("result", os.getpid(), renderer.render(task)))
    except (KeyboardInterrupt, EOFError):
        pass
    except BaseException:  # noqa: BLE001 - reported to the parent, which fails this worker's client
        crashed = True
        with contextlib.suppress(Exception):
            events.put(("crashed", os.getpid(), traceback.format_exc(limit=6)))
    finally:
        if renderer is not None:
            with contextlib.suppress(BaseException):
                renderer.close()
        for supply in list(render.SUPPLIES):
            with contextlib.suppress(BaseException):
                supply.kill_all()
        shutil.rmtree(scratch, ignore_errors=True)
    if crashed:  # its exit status says so too: a worker that stopped on an error does not exit with 0
        sys.exit(1)


# --- parent side -----------------------------------------------------------------------------------

@dataclass(eq=False)
class _Worker:
    process: multiprocessing.Process
    connection: object
    task: Task | None = None
    ready: bool = False
    stopped: bool = False  # told to stop (no more clients)
    crash: str = ""
    started: float = 0.0  # when its client was handed to it (time.perf_counter)


def scratch_root() -> Path:
    """Where workers keep their kernels' sockets: a short path (a Unix socket path has ~100 characters)."""
    return Path(tempfile.gettempdir())


class WorkerPool:
    def __init__(self, jobs: int, notebook: Path, token: str = ""):
        methods = multiprocessing.get_all_start_methods()
        self.ctx = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
        self.jobs = jobs
        self.notebook = notebook
        self.workers: list[_Worker] = []
        self.spawned = 0
        self.last_crash = ""
        self.token = token or f"{os.getpid()}-{os.urandom(3).hex()}"
        self.results: dict[str, RenderResult] = {}  # kept here, so that a stopped batch still knows them

    def start(self) -> None:
        for _ in range(self.jobs):
            self._spawn()

    def _spawn(self) -> None:
        mine, theirs = self.ctx.Pipe(duplex=True)
        scratch = scratch_root() / f"{SCRATCH_PREFIX}{self.token}-{self.spawned + 1}"
        process = self.ctx.Process(target=_worker_main, args=(theirs, str(self.notebook), str(scratch)),
                                   name=f"render-worker-{self.spawned + 1}")
        process.start()
        theirs.close()
        self.spawned += 1
        self.workers.append(_Worker(process, mine))

    def run(self, tasks: list[Task], progress: Progress) -> dict[str, RenderResult]:
        pending = deque(tasks)
        results = self.results

        def dispatch(worker: _Worker) -> None:
            if pending:
                task = pending.popleft()
                # start a kernel for a later client only if one is left once the workers that have not
                # had a client yet (each with the kernel it started at launch) have taken theirs
                fresh = sum(1 for w in self.workers if w is not worker and not w.ready and not w.stopped)
                task.warm_next = len(pending) > fresh
                worker.task, worker.started = task, time.perf_counter()
                progress.started(task.client.id)
                worker.connection.send(task)
            else:
                worker.task = None
                worker.stopped = True
                with contextlib.suppress(OSError):
                    worker.connection.send(None)

        def handle(worker: _Worker, kind: str, payload) -> None:
            if kind == "state":
                progress.state(*payload)
            elif kind == "ready":
                worker.ready = True
                dispatch(worker)
            elif kind == "result":
                results[payload.client] = payload
                note = "" if payload.ok else _short(payload, progress.tr)
                progress.finished(payload.client, payload.ok, payload.seconds, note or payload.pdf_error)
                worker.task = None
                dispatch(worker)
            elif kind == "crashed":
                worker.crash = self.last_crash = payload

        def lost(worker: _Worker) -> None:
            """The worker's pipe closed: it stopped. Fail its client; replace it if clients wait."""
            self.workers.remove(worker)
            worker.process.join(10)
            if worker.task is not None and worker.task.client.id not in results:
                cid = worker.task.client.id
                why = worker.crash.strip().splitlines()[-1] if worker.crash else ""
                status = str(worker.process.exitcode)
                seconds = time.perf_counter() - worker.started
                # killed (SIGKILL, as the system's out-of-memory killer does): said with how to render using less
                error = (Message("cli.problem.worker_killed", command=worker.task.rendered_alone())
                         if worker.process.exitcode == -9
                         else Message("cli.problem.worker_stopped_why", status=status, why=why) if why
                         else Message("cli.problem.worker_stopped", status=status))
                results[cid] = RenderResult(cid, False, seconds, error=error, period=period_of(worker.task.client))
                with contextlib.suppress(OSError):
                    results[cid].other_report = other_report(worker.task.out_dir, record_failure(
                        Path(worker.task.out_dir), worker.task.client, results[cid].error, seconds,
                        language=progress.tr.language))
                progress.finished(cid, False, results[cid].seconds, progress.tr.t("cli.state.worker_stopped"))
            if pending and (worker.ready or self.workers) and self.spawned < self.jobs + len(tasks):
                self._spawn()

        while len(results) < len(tasks):
            if pending and not self.workers:  # no worker could start: say why, fail the rest
                crash = self.last_crash.strip().splitlines()[-1] if self.last_crash else ""
                for task in pending:
                    results[task.client.id] = RenderResult(task.client.id, False, 0.0, error=(
                        Message("cli.problem.no_worker_why", why=crash) if crash else Message("cli.problem.no_worker")),
                        period=period_of(task.client))
                    with contextlib.suppress(OSError):
                        results[task.client.id].other_report = other_report(task.out_dir, record_failure(
                            Path(task.out_dir), task.client, results[task.client.id].error,
                            language=progress.tr.language))
                    progress.finished(task.client.id, False, 0.0, progress.tr.t("cli.state.no_worker"))
                pending.clear()
                break
            by_connection = {w.connection: w for w in self.workers}
            readable = multiprocessing.connection.wait(list(by_connection), timeout=0.25)
            if not readable:
                progress.redraw()
            for connection in readable:
                worker = by_connection[connection]
                try:
                    message = connection.recv()
                except (EOFError, OSError):
                    lost(worker)
                    continue
                handle(worker, message[0], message[2])
        return results

    def rendering(self) -> dict[str, float]:
        """The clients being rendered now, with how long each has run (seconds)."""
        now = time.perf_counter()
        return {w.task.client.id: now - w.started for w in self.workers
                if w.task is not None and w.task.client.id not in self.results}

    def terminate(self, timeout: float = 30) -> None:
        """Ask every worker to stop now (they clean up), then make sure they have."""
        for worker in self.workers:
            if worker.process.is_alive():
                with contextlib.suppress(ProcessLookupError):
                    os.kill(worker.process.pid, signal.SIGTERM)
        self._join(timeout)

    def _join(self, timeout: float) -> None:
        for worker in self.workers:
            worker.process.join(timeout)
            if worker.process.is_alive():
                worker.process.kill()  # its kernels stop by themselves once it is gone
                worker.process.join(5)

    def remove_scratch(self) -> None:
        for folder in scratch_root().glob(f"{SCRATCH_PREFIX}{self.token}-*"):
            shutil.rmtree(folder, ignore_errors=True)

    def close(self) -> None:
        for worker in self.workers:
            if worker.process.is_alive() and not worker.stopped:
                worker.stopped = True
                with contextlib.suppress(OSError):
                    worker.connection.send(None)
        self._join(30)
        for worker in self.workers:
            worker.connection.close()


def _short(result: RenderResult, tr: Translator) -> str:
    cell = tr.t("cli.cell", number=result.failed_cell) + ": " if result.failed_cell is not None else ""
    first = tr.message(result.error).splitlines()[0] if result.error else ""
    # the progress line's note: cut at a word, marked as cut (the summary below gives the whole error)
    return textwrap.shorten(cell + first, width=160, placeholder=" …")


_STOPPING: list = []  # the stop signals received in the outermost stop_signals block: the first stops
_SAYING: list = []  # each open block's `already_stopping`: the innermost's is called


def _interrupt(signum, frame) -> None:
    _STOPPING.append(signum)
    if len(_STOPPING) == 1:
        raise Interrupted()
    if len(_STOPPING) == 2 and _SAYING and _SAYING[-1] is not None:
        with contextlib.suppress(Exception):  # a message that cannot be shown must not cut the stop short
            _SAYING[-1]()


@contextlib.contextmanager
def stop_signals(already_stopping=None, until_exit: bool = False):
    """In the block, Ctrl-C, SIGTERM and SIGHUP (STOP_SIGNALS) stop the render alike: the first raises
    Interrupted; those that follow are not obeyed (`already_stopping()` is called on the first of them, to
    say so), so that a second Ctrl-C cannot cut the stop short before every client's attempt is recorded,
    the index written and the summary shown. A block inside another (the batch's, inside the command's
    around it and its summary) shares its handlers, so a stop stays one until the outer block ends. A
    signal ignored when the block begins (nohup) stays ignored; outside the main thread nothing changes.

    A stop that lands inside an import's clean-up callback cannot propagate from there (Python prints it as
    ignored and carries on); it is delivered again to the main thread instead, so the render still stops
    and no traceback is printed.

    `until_exit` (the command, which exits when the block ends): once a stop came, the signals stay not obeyed
    after the block instead of getting their handlers back, so a second Ctrl-C landing after the summary is
    shown does not end the command with a KeyboardInterrupt instead of its exit status.
    """
    if threading.current_thread() is not threading.main_thread():  # only the main thread sets handlers
        yield
        return
    if _SAYING:  # inside another block: its handlers serve
        _SAYING.append(already_stopping)
        try:
            yield
        finally:
            _SAYING.pop()
        return

    def redeliver(unraisable, default=sys.unraisablehook):
        if issubclass(unraisable.exc_type, KeyboardInterrupt):  # raised again once the callback is over
            signum = _STOPPING[0] if _STOPPING else signal.SIGINT
            _STOPPING.clear()  # that stop was lost: the one delivered again is the first
            timer = threading.Timer(0.05, _thread.interrupt_main, (signum,))  # after this hook has returned
            timer.daemon = True
            timer.start()
        else:
            default(unraisable)
    previous = {signum: signal.signal(signum, _interrupt) for signum in STOP_SIGNALS
                if signal.getsignal(signum) is not signal.SIG_IGN}
    previous_hook, sys.unraisablehook = sys.unraisablehook, redeliver
    _STOPPING.clear()
    _SAYING.append(already_stopping)
    try:
        yield
    finally:
        stopped = until_exit and bool(_STOPPING)
        for signum, handler in previous.items():
            # None: not set from Python
            signal.signal(signum, signal.SIG_IGN if stopped else signal.SIG_DFL if handler is None else handler)
        sys.unraisablehook = previous_hook
        _SAYING.clear()
        _STOPPING.clear()


def check_not_among_exports(out_dir: Path, clients: list[Client], roster: list[Client], option: str) -> None:
    """Refuse an output folder where the reports would land among a roster client's exports: the folder itself
    holds one of their files, or a report's folder (<out>/<id>/) holds one or a folder of them. The index, the executed notebooks and the
    reports would mix with the files they are made from (the exports are never written, but a client's
    pattern could read the reports back, and the next download would land among them)."""
    from .clients import export_files

    out = Path(out_dir).resolve()
    targets = [(Path(out_dir) / c.id).resolve() for c in clients]
    for client in roster:
        for path in export_files(list(client.exports)).values():
            folder = path.resolve().parent
            if folder == out or any(folder.is_relative_to(target) for target in targets):
                raise WorkbookError(Message("cli.out_among_exports", path=display_path(Path(out_dir)),
                                            client=client.id, file=display_path(path), option=option))


def others_files(clients: list[Client], roster: list[Client]) -> dict[str, tuple[str, ...]]:
    """For each client, the files the roster gives the other clients (clients.export_files) that lie in a folder
    its patterns look in, or below one: a folder shared by clients holds them, and its report must not name
    them as files its patterns pass over (sources.left_out_exports, Task.read_by_others). A file the client reads
    itself is none of them: two entries of one business (a report in English, one in Indonesian) share their
    files, and their folder is not another client's for that."""
    from .clients import export_files, export_patterns
    from .paths import as_spelled_on_disk, is_pattern, pattern_folder, resolve

    read = {c.id: [path.resolve() for path in export_files(list(c.exports)).values()] for c in roster}
    found = {}
    for client in clients:
        folders = [pattern_folder(full).resolve() for pattern in export_patterns(client.exports)
                   if is_pattern(full := as_spelled_on_disk(resolve(pattern)))]
        own = set(read.get(client.id) or [path.resolve() for path in export_files(list(client.exports)).values()])
        files = [path for other, paths in read.items() if other != client.id for path in paths
                 if path not in own and any(path.is_relative_to(folder) for folder in folders)]
        found[client.id] = tuple(dict.fromkeys(str(path) for path in files))
    return found


def stopped_results(clients: list[Client], out_dir: Path, results: dict[str, RenderResult],
                    running: dict[str, float], since: dt.datetime) -> list[RenderResult]:
    """Every client's outcome once a batch is stopped, in roster order: the results it had, then for each
    other client the attempt its worker recorded after `since` (a worker can finish a report, under deferred
    signals, and be stopped before it tells the parent) or else an interrupted one, recorded for the index.
    `running`: the clients being rendered when the batch was stopped, with how long they had run."""
    stopped = []
    for client in clients:
        result = results.get(client.id) or _recorded_since(Path(out_dir), client, since)
        if result is None:
            seconds = running.get(client.id)
            result = RenderResult(client.id, False, seconds, interrupted=True, period=period_of(client))
            with contextlib.suppress(OSError):  # a folder refusing the record: the index shows the one before
                result.other_report = other_report(out_dir, record_interruption(out_dir, client, seconds))
        stopped.append(result)
    return stopped


def _recorded_since(out_dir: Path, client: Client, since: dt.datetime) -> RenderResult | None:
    """The outcome a worker recorded for the client (index_page.read_record) after `since`, or None."""
    client_id = client.id
    record = read_record(out_dir, client_id) or {}
    try:
        when = dt.datetime.fromisoformat(str(record.get("attempted_at")))
    except ValueError:
        return None
    if when.tzinfo is None or when < since or record.get("status") not in ("ok", "failed"):
        return None
    report = record.get("report") or {}
    if record["status"] == "failed":
        return RenderResult(client_id, False, record.get("seconds"), error=str(record.get("error") or ""),
                            failed_cell=record.get("failed_cell"), period=period_of(client),
                            other_report=other_report(out_dir, record))
    folder = out_dir / client_id
    return RenderResult(client_id, True, record.get("seconds"), html=folder / report.get("html", "report.html"),
                        pdf=folder / report["pdf"] if report.get("pdf") else None,
                        pdf_error=str(record.get("error") or ""),
                        facts={k: report[k] for k in ("posts", "partial", "named_gaps") if k in report}, period=period_of(client))


def _stopped(pool: WorkerPool, progress: Progress, clients: list[Client], out_dir: Path,
             since: dt.datetime) -> BatchInterrupted:
    """The batch stopped (Ctrl-C, SIGTERM, SIGHUP) while it rendered, or while its workers closed after it:
    the workers are stopped, and the stop carries every client's outcome (stopped_results), those finished
    included, for the summary."""
    running = pool.rendering()
    if running:  # none while the exports are read (no worker has a client yet), or once every client is done
        progress.message(progress.tr.t("cli.progress.stopping"))
    pool.terminate()
    return BatchInterrupted(stopped_results(clients, out_dir, pool.results, running, since))


def run_batch(clients: list[Client], out_dir: Path, notebook: Path, *, jobs: int | None = None, pdf: bool = False,
              stream=None, language: str = "en", out_option: str = "out_dir",
              roster: list[Client] | None = None, accept_header_only: bool = False,
              alone=None) -> list[RenderResult]:
    """Render the clients on up to `jobs` workers (default: the machine's cores); results in roster order.
    `out_option` names `out_dir` in a message about it (render.check_output_folder). `roster`: every client
    of the roster (default: `clients`), whose posts and accounts no report of the batch may hold.
    `accept_header_only`, `alone`: see render.render_all."""
    stream = stream or sys.stdout
    seen = set()
    for client in clients:
        check_client_id(client.id)
        if client.id in seen:
            raise WorkbookError(Message("cli.repeated_client", id=repr(client.id)))
        seen.add(client.id)
        check_parameters(notebook, client.parameters())
    if not clients:
        return []
    check_output_folder(out_dir, option=out_option)
    check_not_among_exports(out_dir, clients, roster or clients, option=out_option)
    # from here to the index, this batch alone writes to the folder: a second render into it is refused at once
    with output_lock(out_dir, option=out_option, language=language):
        return _run_locked(clients, out_dir, notebook, jobs=jobs, pdf=pdf, stream=stream, language=language,
                           roster=roster, accept_header_only=accept_header_only, alone=alone)


def _run_locked(clients: list[Client], out_dir: Path, notebook: Path, *, jobs: int | None, pdf: bool, stream,
                language: str, roster: list[Client] | None, accept_header_only: bool,
                alone=None) -> list[RenderResult]:
    """run_batch once its clients and folder are checked and the folder is this batch's alone (output_lock)."""
    from .pdf import find_chromium, missing_chromium_message, not_printed_message

    remove_stale_work_folders(out_dir)
    chromium, not_printed = None, ""
    if pdf:
        chromium = find_chromium()
        if chromium is None:
            not_printed = not_printed_message()
            print(Translator(language).message(missing_chromium_message()), file=sys.stderr)
    jobs = max(1, min(jobs or default_jobs(), len(clients)))
    since = dt.datetime.now().astimezone().replace(microsecond=0)  # records written from here on are this batch's
    token = f"{os.getpid()}-{os.urandom(3).hex()}"
    pool = WorkerPool(jobs, notebook, token)
    progress = Progress(len(clients), jobs, stream, tr=Translator(language))
    # the whole batch, its stop and its index included, under stop_signals: a second Ctrl-C (or the terminal
    # closed meanwhile) cannot leave the other clients unrecorded, the index stale or the summary unshown
    with stop_signals(lambda: progress.message(progress.tr.t("cli.progress.already_stopping"))):
        try:
            try:
                pool.start()  # workers start their first kernels while the parent reads the exports
                everyone = {c.id: c for c in [*(roster or []), *clients]}
                batch = {c.id for c in clients}
                identities = {}
                if len(everyone) > 1:
                    progress.message(progress.tr.t("cli.progress.reading", count=len(everyone)))
                    cache = IdentityCache()
                    identities = {cid: client_identity(c, cache) for cid, c in everyone.items()}
                    cache.save()
                foreign = foreign_identities(identities, batch)
                refused = posts_of_others(identities, batch)
                unchecked = unchecked_exports(identities, batch)
                spare_core = jobs < default_jobs()  # each report's figures may be drawn by two processes
                elsewhere = others_files(clients, list(everyone.values()))
                tasks = [Task(c, str(out_dir), foreign=foreign.get(c.id), chromium=chromium, pdf=pdf, token=token,
                              draw_ahead=spare_core, refused=refused.get(c.id, ""), language=language,
                              unchecked=unchecked.get(c.id, ""),
                              not_printed=not_printed, accept_header_only=accept_header_only,
                              read_by_others=elsewhere[c.id], alone=alone(c.id) if alone else "") for c in clients]
                results = pool.run(tasks, progress)
            except KeyboardInterrupt:
                raise _stopped(pool, progress, clients, out_dir, since) from None
            finally:
                try:
                    pool.close()  # up to 30 s: the batch may be stopped while the workers close, every client done
                except KeyboardInterrupt:
                    raise _stopped(pool, progress, clients, out_dir, since) from None
                finally:
                    pool.remove_scratch()
        finally:
            for folder in out_dir.glob(f"{WORK_PREFIX}{token}-*"):
                shutil.rmtree(folder, ignore_errors=True)
            progress.close()
            write_index(out_dir, language, roster={c.id for c in roster or clients})
    return [results[c.id] for c in clients]
