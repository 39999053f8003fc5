"""One render at a time writes to a reports folder: two at once would replace each other's reports, PDFs and
records without a word. The second is refused at once, before any work, in the reader's language, saying since
when the first has been writing; the lock goes with the process that held it, however it ends."""
from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import time
import types

import pytest

from helpers import render
from helpers.__main__ import main
from helpers.errors import WorkbookError
from helpers.i18n import Translator
from helpers.paths import DEMO_ROSTER, PROJECT_ROOT, RENDER_LOCK_NAME, display_path
from helpers.render import LOCK_BYTE, output_lock, render_all


@pytest.fixture
def utc(monkeypatch):
    """The machine's clock at UTC, and every lock taken "at" 21:57:03 on 28 November 2026."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    monkeypatch.setattr(render, "now_text", lambda: "2026-11-28T21:57:03+00:00")
    yield
    monkeypatch.undo()
    time.tzset()


def test_a_second_render_into_the_folder_is_refused_while_the_first_writes(tmp_path, utc):
    with output_lock(tmp_path):
        assert (tmp_path / RENDER_LOCK_NAME).read_text(encoding="utf-8") == f"{os.getpid()} 2026-11-28T21:57:03+00:00\n"
        with pytest.raises(WorkbookError) as refused:
            with output_lock(tmp_path, option="--out"):
                pytest.fail("two renders hold one folder")
        assert Translator("en").message(refused.value) == (
            f"another render is writing to {display_path(tmp_path)} (started 28 November 2026, 21:57, process "
            f"{os.getpid()}); wait for it to finish, or choose another folder with --out")
        with pytest.raises(WorkbookError) as refused:
            with output_lock(tmp_path, option="--out", language="id"):
                pass
        assert Translator("id").message(refused.value) == (
            f"proses render lain sedang menulis ke {display_path(tmp_path)} (dimulai 28 November 2026 21.57,"
            f" proses {os.getpid()}); tunggu hingga selesai, atau pilih folder lain dengan --out")
    with output_lock(tmp_path):  # released once the first is done
        pass


def test_the_lock_goes_with_a_render_killed_midway(tmp_path):
    holder = subprocess.Popen([sys.executable, "-c", (
        "import sys, time\nfrom helpers.render import output_lock\n"
        f"with output_lock({str(tmp_path)!r}):\n    print('held', flush=True)\n    time.sleep(60)\n")],
        cwd=PROJECT_ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline() == "held\n"
        with pytest.raises(WorkbookError, match=f"process {holder.pid}\\)"):
            with output_lock(tmp_path):
                pass
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait(timeout=30)
        holder.stdout.close()
    with output_lock(tmp_path):  # no stale lock left behind
        assert (tmp_path / RENDER_LOCK_NAME).read_text(encoding="utf-8").split()[0] == str(os.getpid())


def test_a_batch_into_a_folder_being_written_does_no_work(tmp_path, capsys):
    from helpers.clients import load_roster

    out = tmp_path / "reports"
    out.mkdir()
    with output_lock(out):
        with pytest.raises(WorkbookError, match="another render is writing to"):
            render_all(load_roster(DEMO_ROSTER), out, jobs=1)
        with pytest.raises(WorkbookError, match="another render is writing to"):
            render.render_client(load_roster(DEMO_ROSTER)[0], out)
        assert main(["render", "--clients", str(DEMO_ROSTER), "--out", str(out), "--language", "id"]) == 2
        assert f"proses render lain sedang menulis ke {display_path(out)} (dimulai " in capsys.readouterr().err
        assert sorted(p.name for p in out.iterdir()) == [RENDER_LOCK_NAME]  # no report, record nor index


def test_without_fcntl_the_folder_is_locked_with_msvcrt(tmp_path, monkeypatch, utc):
    """Windows has no fcntl: msvcrt.locking locks a byte past the file's text, which stays readable."""
    calls, held = [], []

    def locking(fd, mode, count):  # a byte range held by one file handle at a time, as Windows does
        calls.append((os.lseek(fd, 0, os.SEEK_CUR), mode, count))
        if mode == fake.LK_UNLCK:
            held.clear()
        elif held:
            raise OSError(errno.EACCES, "Permission denied")
        else:
            held.append(fd)

    fake = types.SimpleNamespace(LK_NBLCK=2, LK_UNLCK=0, locking=locking)
    monkeypatch.setitem(sys.modules, "fcntl", None)
    monkeypatch.setitem(sys.modules, "msvcrt", fake)
    with output_lock(tmp_path):
        with pytest.raises(WorkbookError, match=r"started 28 November 2026, 21:57, process"):
            with output_lock(tmp_path):
                pass
    assert calls == [(LOCK_BYTE, 2, 1), (LOCK_BYTE, 2, 1), (LOCK_BYTE, 0, 1)]
    monkeypatch.setitem(sys.modules, "msvcrt", None)  # neither: the render goes on without a lock
    with output_lock(tmp_path), output_lock(tmp_path):
        pass


def test_a_lock_file_left_by_another_user_is_locked_read_only_or_explained(tmp_path, monkeypatch):
    """A shared reports folder: the lock file is made for the umask to share, a colleague's read-only one
    still locks, and one that cannot be opened at all is named, with that deleting it is safe."""
    lock = tmp_path / RENDER_LOCK_NAME
    old = os.umask(0o002)
    try:
        with output_lock(tmp_path):
            assert lock.stat().st_mode & 0o777 == 0o664  # 0o666 less the umask: the group may lock it too
    finally:
        os.umask(old)
    real_open = os.open

    def refused(modes):
        def fake(path, flags, *args, **kwargs):
            if str(path).endswith(RENDER_LOCK_NAME) and flags & (os.O_RDWR | os.O_WRONLY) in modes:
                raise PermissionError(errno.EACCES, "Permission denied", str(path))
            return real_open(path, flags, *args, **kwargs)
        return fake

    lock.write_text("4242 2026-11-28T21:57:03+00:00\n", encoding="utf-8")
    monkeypatch.setattr(os, "open", refused({os.O_RDWR}))  # not this user's to write
    with output_lock(tmp_path):
        with pytest.raises(WorkbookError):  # locked all the same: a second render is refused
            with output_lock(tmp_path):
                pass
    assert lock.read_text(encoding="utf-8") == "4242 2026-11-28T21:57:03+00:00\n"  # left as it was
    monkeypatch.setattr(os, "open", refused({os.O_RDWR, os.O_RDONLY}))
    with pytest.raises(WorkbookError) as refused_open:
        with output_lock(tmp_path):
            pass
    assert Translator("en").message(refused_open.value) == (
        f"cannot open {display_path(lock)} (permission denied): it is the file a render locks while it writes to "
        "that folder, left there by an earlier render (another user's, maybe); when no render is writing to the "
        "folder it is safe to delete, and the next render makes it again")
