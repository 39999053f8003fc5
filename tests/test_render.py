"""End to end: the demo roster renders to HTML without code or parameters; failures are contained."""
import dataclasses
import datetime as dt
import json
import os
import re

import pytest

from helpers.__main__ import main
from helpers.clients import load_roster
from helpers.paths import DEMO_ROSTER, DEMO_DIR
from helpers.render import REPORT_NOTEBOOK, ParameterMismatch, check_parameters

from conftest import page_elements

OCTOBER, OCTOBER_END = dt.date(2026, 10, 1), dt.date(2026, 10, 31)
SECTIONS = ("summary", "coverage", "broadcast", "engagement", "disagree", "formats", "attention", "benchmarks",
            "definitions")


def headings(language: str) -> list[str]:
    """The report's section headings in the client's language, from the catalogue."""
    from helpers.i18n import Translator

    tr = Translator(language)
    return [tr.t(f"section.{name}") for name in SECTIONS]


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    out = tmp_path_factory.mktemp("reports")
    status = main(["render", "--clients", str(DEMO_ROSTER), "--out", str(out)])
    return status, out


def test_demo_roster_renders_every_client(rendered):
    status, out = rendered
    assert status == 0
    for client in load_roster(DEMO_ROSTER):
        html = (out / client.id / "report.html").read_text(encoding="utf-8")
        executed = json.loads((out / "_executed" / client.id / "report.ipynb").read_text(encoding="utf-8"))
        # the client's folder holds what is sent: the executed notebook (code, paths) is kept apart
        # and so is the render record, which may name another client or a path of this machine
        assert sorted(p.name for p in (out / client.id).iterdir()) == ["report.html"]
        assert json.loads((out / "_records" / f"{client.id}.json").read_text(encoding="utf-8"))["status"] == "ok"
        assert client.name in html
        for heading in headings(client.language):
            assert f">{heading}<" in html, heading
        images = re.findall(r"<img [^>]+>", html)
        embedded = [tag for tag in images if 'src="data:image/png;base64,' in tag]
        assert len(embedded) >= 3  # figures embedded in the file
        assert all(re.search(r'alt="[^"]{20,}"', tag) for tag in embedded)  # each with alt text
        # no code, no parameters cell, no local paths
        assert "hl-ipython3" not in html and "build_report(" not in html
        assert "injected-parameters" not in html and "period_start =" not in html
        assert str(DEMO_DIR) not in html
        assert any("injected-parameters" in c["metadata"].get("tags", []) for c in executed["cells"])


def test_a_single_report_draws_ahead_on_a_spare_core_and_shows_the_same_figures(rendered, tmp_path):
    from helpers.render_batch import default_jobs

    _, out = rendered
    assert main(["render", "--clients", str(DEMO_ROSTER), "--out", str(tmp_path), "--client", "kopi-senja",
                 "--jobs", "1"]) == 0
    injected = [c for c in json.loads((tmp_path / "_executed" / "kopi-senja" / "report.ipynb").read_text(encoding="utf-8"))["cells"]
                if "injected-parameters" in c["metadata"].get("tags", [])]
    assert ("draw_ahead = True" in "".join(injected[0]["source"])) == (default_jobs() > 1)

    def figures(folder):
        return re.findall(r'src="data:image/png;base64,([^"]+)"', (folder / "kopi-senja" / "report.html").read_text())
    assert len(figures(tmp_path)) == 7 and figures(tmp_path) == figures(out)


def test_one_demo_client_is_rendered_in_indonesian(rendered):
    _, out = rendered
    languages = {c.id: c.language for c in load_roster(DEMO_ROSTER)}
    assert "id" in languages.values() and "en" in languages.values()
    indonesian = next(cid for cid, language in languages.items() if language == "id")
    html = (out / indonesian / "report.html").read_text(encoding="utf-8")
    assert ">Ringkasan<" in html and "Oktober 2026" in html


def test_every_lens_table_is_captioned_as_a_comparison_of_the_two_periods(rendered):
    """The attention table has the same columns as the broadcast and engagement tables (this period, the
    previous one, the change): its caption says so as theirs do, the platform first."""
    _, out = rendered
    captions = {"harbour-books": ("Facebook: broadcast, this period against the previous one",
                                  "Facebook: attention, this period against the previous one"),
                "kopi-senja": ("Facebook: lensa siaran, periode ini dibandingkan dengan periode sebelumnya",
                               "Facebook: atensi, periode ini dibandingkan dengan periode sebelumnya")}
    for client, expected in captions.items():
        html = (out / client / "report.html").read_text(encoding="utf-8")
        for caption in expected:
            assert caption in html, caption


def test_reports_hold_only_their_own_client(rendered):
    _, out = rendered
    clients = load_roster(DEMO_ROSTER)
    for client in clients:
        html = (out / client.id / "report.html").read_text(encoding="utf-8")
        for other in clients:
            if other.id != client.id:
                assert other.name not in html


def test_unknown_parameter_is_an_error():
    with pytest.raises(ParameterMismatch, match="clinet"):
        check_parameters(REPORT_NOTEBOOK, {"clinet": "typo"})


def export_with_bad_reach(folder, value: str):
    """The first post of the Harbour Books demo export, with `value` in its Reach cell (row 2)."""
    bad = folder / "bad.csv"
    lines = next((DEMO_DIR / "harbour-books").glob("*.csv")).read_text(encoding="utf-8-sig").splitlines()
    row = lines[1].split(",")
    row[[c.strip('"') for c in lines[0].split(",")].index("Reach")] = value
    bad.write_text("\ufeff" + "\n".join([lines[0], ",".join(row)]) + "\n", encoding="utf-8")
    return bad


def test_failing_client_is_named_others_render_and_exit_is_nonzero(tmp_path, capsys):
    bad = export_with_bad_reach(tmp_path, "lots")
    good_file = next((DEMO_DIR / "harbour-books").glob("*.csv"))
    roster = tmp_path / "clients.yml"
    roster.write_text(f"""
clients:
  - id: broken
    name: Broken Client
    exports: ["{bad}"]
    timezone: Europe/London
    period: {{start: 2026-09-01, end: 2026-10-31}}
  - id: fine
    name: Fine Client
    exports: ["{good_file}"]
    timezone: Europe/London
    period: {{start: 2026-09-01, end: 2026-10-31}}
""", encoding="utf-8")
    out = tmp_path / "reports"
    (out / "broken").mkdir(parents=True)
    (out / "broken" / "report.html").write_text("last good report", encoding="utf-8")
    status = main(["render", "--clients", str(roster), "--out", str(out)])
    captured = capsys.readouterr()
    assert status == 1
    assert "broken" in captured.err and "FAILED" in captured.out
    assert "lots" in captured.out and "Reach" in captured.out  # the error names the value and column
    # a bad file speaks for itself: its message alone, without the exception's class or the cell's code
    assert "ExportFormatError" not in captured.out and "build_report(" not in captured.out
    assert "cell 3" not in captured.out and "cell 3" not in captured.err  # the cell means nothing to the user
    assert (out / "broken" / "report.html").read_text(encoding="utf-8") == "last good report"
    assert (out / "_failed" / "broken" / "report.ipynb").exists()
    assert (out / "fine" / "report.html").exists()
    assert not list(out.glob(".render-*"))  # no temporary folder left behind


def test_failing_line_is_the_one_the_traceback_marks():
    from helpers.render import failing_line

    traceback = ["\x1b[0;31mValueError\x1b[0m   Traceback (most recent call last)",
                 "Cell \x1b[0;32mIn[3], line 5\x1b[0m\n      1 from helpers import display\n"
                 "\x1b[0;32m----> 5\x1b[0m report \x1b[38;5;241m=\x1b[39m build_report(client)\n",
                 "File /x/helpers/report.py:668, in build_report\n---> 668 raise ValueError"]
    assert failing_line("# note\nfrom helpers import display\n\nreport = build_report(client)", traceback) \
        == "report = build_report(client)"
    assert failing_line("# note\nfrom helpers import display", []) == "from helpers import display"


def test_every_workbook_error_a_notebook_can_raise_is_shown_as_a_message():
    import helpers.pdf  # noqa: F401 - every module defining errors, imported
    import helpers.render  # noqa: F401
    import helpers.schema  # noqa: F401
    from helpers.errors import USER_ERROR_NAMES, WorkbookError

    def subclasses(cls):
        return {cls} | {s for c in cls.__subclasses__() for s in subclasses(c)}

    assert {c.__name__ for c in subclasses(WorkbookError)} <= USER_ERROR_NAMES


def test_bad_roster_is_a_clear_error_without_traceback(tmp_path, capsys):
    roster = tmp_path / "clients.yml"
    roster.write_text("clients:\n  - id: x\n    name: X\n    exports: [missing.csv]\n    timezone: UTC\n"
                      "    period: {start: 2026-01-01, end: 2026-01-31}\n", encoding="utf-8")
    status = main(["render", "--clients", str(roster), "--out", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert status == 2
    assert "client 'x': key 'exports': file not found: missing.csv" in err
    assert "Traceback" not in err


def test_out_and_roster_that_are_the_wrong_kind_of_path_are_clear_errors(tmp_path, capsys):
    a_file = tmp_path / "notes.txt"
    a_file.write_text("x", encoding="utf-8")
    assert main(["render", "--out", str(a_file)]) == 2
    assert capsys.readouterr().err == (f"error: the output folder {a_file} is a file, not a folder: the reports need a"
                                       " folder to go into; choose another --out (default: reports/)\n")
    assert main(["render", "--clients", str(tmp_path), "--out", str(tmp_path / "out")]) == 2
    assert "this is a folder, not a roster file" in capsys.readouterr().err


def test_paths_in_messages_open_from_where_the_command_runs(tmp_path, monkeypatch):
    from helpers.paths import PROJECT_ROOT, display_path

    assert display_path(PROJECT_ROOT / "reports" / "index.html") == "reports/index.html"  # tests run at the root
    monkeypatch.chdir(tmp_path)
    assert display_path(PROJECT_ROOT / "reports" / "index.html") == str(PROJECT_ROOT / "reports" / "index.html")
    assert display_path(tmp_path / "out" / "index.html") == "out/index.html"


def test_the_renderer_speaks_indonesian_when_asked(tmp_path, capsys):
    from helpers.i18n import Translator
    from helpers.render import RenderResult, summary_lines

    roster = tmp_path / "clients.yml"
    roster.write_text("clients: []\n", encoding="utf-8")
    assert main(["render", "--clients", str(roster), "--out", str(tmp_path / "out"), "--language", "id"]) == 2
    assert capsys.readouterr().err.startswith("galat: ")
    lines = summary_lines([RenderResult("acme", False, 1.5, failed_cell=4, error="ValueError: x")], Translator("id"))
    assert lines[0].split()[:4] == ["klien", "status", "periode", "waktu"]
    assert "GAGAL" in lines[1] and "sel 4" in lines[1] and "1,5 dtk" in lines[1]


def test_a_failed_indonesian_clients_import_error_is_in_indonesian(tmp_path, capsys):
    bad = export_with_bad_reach(tmp_path, "banyak")
    roster = tmp_path / "clients.yml"
    roster.write_text(f"""
clients:
  - id: rusak
    name: Klien Rusak
    exports: ["{bad}"]
    timezone: Asia/Jakarta
    language: id
    currency: IDR
    period: {{start: 2026-09-01, end: 2026-10-31}}
""", encoding="utf-8")
    status = main(["render", "--clients", str(roster), "--out", str(tmp_path / "out"), "--language", "id"])
    out = capsys.readouterr().out
    assert status == 1 and "GAGAL" in out
    assert "berkas" in out and "baris 2" in out and "kolom 'Reach'" in out and "banyak" in out
    assert "file " not in out and "row 2" not in out and "expected:" not in out


def test_the_summary_and_the_index_speak_the_commands_language_whatever_the_clients(tmp_path, capsys):
    """An English client whose export holds a stray byte and an Indonesian one with a bad Reach cell, rendered
    with --language id: the summary gives both errors in Indonesian, without the notebook's cell; the index is
    in Indonesian, and written again in English it gives both errors in English (render.json keeps both)."""
    from helpers.index_page import write_index

    (tmp_path / "id").mkdir()
    bad_reach = export_with_bad_reach(tmp_path / "id", "banyak")
    stray = tmp_path / "stray.csv"
    raw = next((DEMO_DIR / "harbour-books").glob("*.csv")).read_bytes()
    third = raw.index(b"\n", raw.index(b"\n") + 1) + 1  # line 3: the second post
    stray.write_bytes(raw[:third] + b"\xff" + raw[third:])
    roster = tmp_path / "clients.yml"
    roster.write_text(f"""
clients:
  - id: english
    name: English Client
    exports: ["{stray}"]
    timezone: Europe/London
    period: {{start: 2026-09-01, end: 2026-10-31}}
  - id: indonesian
    name: Klien Indonesia
    exports: ["{bad_reach}"]
    timezone: Asia/Jakarta
    language: id
    currency: IDR
    period: {{start: 2026-09-01, end: 2026-10-31}}
""", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["render", "--clients", str(roster), "--out", str(out), "--language", "id"]) == 1
    summary = capsys.readouterr().out
    stray_id = (f"berkas {stray}: baris 3 memuat karakter yang bukan teks UTF-8 yang sah (byte {third} berkas),"
                " seperti yang ditinggalkan program lembar kerja saat menyimpan berkas dengan pengodean lain")
    stray_en = (f"file {stray}: line 3 holds a character that is not valid UTF-8 text (byte {third} of the file),"
                " as a spreadsheet program leaves when it saves the file in another encoding")
    assert stray_id in summary and f"berkas {bad_reach}, baris 2, kolom 'Reach'" in summary
    assert "yang perlu dilakukan: unduh ulang ekspor tersebut" in summary
    for english in ("line 3", "file ", "row 2", "expected:", "what to do:", "sel 3", "cell 3"):
        assert english not in summary, english
    record = json.loads((out / "_records" / "english.json").read_text(encoding="utf-8"))
    assert record["error"].startswith(stray_id) and record["errors"]["en"].startswith(stray_en)
    assert record["failed_cell"] is None
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "baris 3 memuat karakter" in index and "kolom &#x27;Reach&#x27;" in index and "line 3" not in index
    index = write_index(out, "en").read_text(encoding="utf-8")
    assert "line 3 holds a character that is not valid UTF-8 text" in index
    assert f"file {bad_reach}, row 2, column &#x27;Reach&#x27;" in index
    assert "baris" not in index and "sel 3" not in index and "cell 3" not in index


def test_an_output_folder_that_cannot_be_written_is_refused_before_rendering(tmp_path, monkeypatch, capsys):
    import tempfile

    from helpers import render_batch

    def no_workers(self):
        raise AssertionError("the workers started")
    monkeypatch.setattr(render_batch.WorkerPool, "start", no_workers)
    a_file = tmp_path / "notes.txt"
    a_file.write_text("x", encoding="utf-8")
    assert main(["render", "--client", "harbour-books", "--out", str(a_file / "reports")]) == 2
    assert capsys.readouterr().err == (f"error: cannot write to the output folder {a_file / 'reports'}: a part of the"
                                       " path is a file, not a folder; choose another --out or fix its permissions\n")

    def refused(*args, **kwargs):  # a folder of another user (tests may run as root, whom chmod does not stop)
        raise PermissionError(13, "Permission denied", str(kwargs.get("dir")))
    monkeypatch.setattr(tempfile, "mkstemp", refused)
    out = tmp_path / "read-only"
    assert main(["render", "--client", "harbour-books", "--out", str(out), "--language", "id"]) == 2
    assert capsys.readouterr().err == (f"galat: tidak dapat menulis ke folder keluaran {out}: izin ditolak; pilih"
                                       " --out yang lain atau perbaiki izin foldernya\n")


@pytest.fixture
def no_workers(monkeypatch):
    """Starting a worker (and so a kernel) fails the test: a bad output folder is refused before."""
    from helpers import render, render_batch

    def started(*args, **kwargs):
        raise AssertionError("a worker or kernel started")
    monkeypatch.setattr(render_batch.WorkerPool, "start", started)
    monkeypatch.setattr(render, "Renderer", started)


def test_an_output_folder_inside_the_input_data_folder_is_refused_before_rendering(no_workers, capsys):
    from helpers.paths import DATA_DIR

    inside = DATA_DIR / "demo" / "reports-not-here"
    assert main(["render", "--client", "harbour-books", "--out", str(inside)]) == 2
    assert capsys.readouterr().err == (
        "error: the output folder data/demo/reports-not-here is inside the input data folder (data/): reports there"
        " would mix with the exports they are made from, where a roster's pattern could read them back; choose a"
        " folder outside it with --out (default: reports/)\n")
    assert not inside.exists()  # refused before the folder is made
    assert main(["render", "--client", "harbour-books", "--out", str(DATA_DIR / "demo" / ".."), "--language", "id"]) == 2
    assert capsys.readouterr().err == (
        "galat: folder keluaran data adalah folder data masukan (data/): laporan di sana akan bercampur dengan ekspor"
        " sumbernya, dan pola di daftar klien dapat membacanya kembali; pilih folder di luarnya dengan --out"
        " (bawaan: reports/)\n")


def test_an_output_folder_among_a_clients_exports_is_refused_before_rendering(tmp_path, no_workers, capsys):
    """Reports, the index and the executed notebooks never land among the exports they are made from: --out
    the exports' folder, or a folder whose <out>/<id>/ is that folder, is refused and nothing is written there."""
    import shutil

    from helpers.paths import DEMO_DIR

    exports = tmp_path / "clients" / "kopi"
    shutil.copytree(DEMO_DIR / "kopi-senja", exports)
    before = sorted(p.name for p in exports.iterdir())
    roster = tmp_path / "clients.yml"
    roster.write_text(f"""clients:
  - id: kopi
    name: Kopi Senja
    exports: ["{exports}/*.csv"]
    timezone: Asia/Jakarta
    period: {{start: 2026-10-01, end: 2026-10-31}}
""", encoding="utf-8")
    first = min(exports.glob("*.csv"))
    for out in (exports, exports.parent):
        assert main(["render", "--clients", str(roster), "--out", str(out)]) == 2
        assert capsys.readouterr().err == (
            f"error: the output folder {out} would put reports beside the exports of client kopi ({first}): reports,"
            " the index and the executed notebooks would mix with the files they are made from; choose a folder of"
            " its own with --out\n")
    assert sorted(p.name for p in exports.iterdir()) == before
    assert sorted(p.name for p in exports.parent.iterdir()) == ["kopi"]
    # the exports a folder further down, as a pattern with ** reads them: <out>/kopi/ would hold their folder
    deeper = tmp_path / "deeper"
    shutil.copytree(exports, deeper / "kopi" / "facebook")
    roster.write_text(roster.read_text(encoding="utf-8").replace(f"{exports}/*.csv", f"{deeper}/kopi/**/*.csv"),
                      encoding="utf-8")
    assert main(["render", "--clients", str(roster), "--out", str(deeper)]) == 2
    assert "would put reports beside the exports of client kopi" in capsys.readouterr().err
    assert sorted(p.name for p in (deeper / "kopi").iterdir()) == ["facebook"]


def test_the_project_folder_or_its_code_folders_are_refused_as_the_output_folder(no_workers, capsys, monkeypatch):
    from helpers.paths import PROJECT_ROOT

    monkeypatch.chdir(PROJECT_ROOT)
    for out in (".", "helpers", "notebooks/drafts", str(PROJECT_ROOT / "tests")):
        assert main(["render", "--client", "harbour-books", "--out", out]) == 2, out
        err = capsys.readouterr().err
        assert err.startswith("error: the output folder ") and "is the workbook's own folder or one of its code" in err
    assert not (PROJECT_ROOT / "notebooks" / "drafts").exists()  # refused before the folder is made
    assert main(["render", "--client", "harbour-books", "--out", "helpers", "--language", "id"]) == 2
    assert capsys.readouterr().err == (
        "galat: folder keluaran helpers adalah folder buku kerja ini sendiri atau salah satu folder kodenya: laporan,"
        " catatan render, dan index.html akan bercampur dengan kode dan notebook-nya; pilih reports/ (bawaan) atau"
        " folder tersendiri dengan --out\n")


def test_a_file_given_as_the_output_folder_is_refused_in_indonesian_too(tmp_path, no_workers, capsys):
    a_file = tmp_path / "notes.txt"
    a_file.write_text("x", encoding="utf-8")
    assert main(["render", "--client", "harbour-books", "--out", str(a_file), "--language", "id"]) == 2
    assert capsys.readouterr().err == (f"galat: folder keluaran {a_file} adalah sebuah berkas, bukan folder: laporan"
                                       " memerlukan folder sebagai tempatnya; pilih --out yang lain (bawaan: reports/)\n")
    assert a_file.read_text(encoding="utf-8") == "x"


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0,
                    reason="run as root, whom a read-only folder (chmod 555) does not stop from writing")
def test_a_read_only_output_folder_is_refused_before_rendering(tmp_path, no_workers, capsys):
    read_only = tmp_path / "read-only"
    read_only.mkdir()
    read_only.chmod(0o555)
    try:
        assert main(["render", "--client", "harbour-books", "--out", str(read_only)]) == 2
    finally:
        read_only.chmod(0o755)
    assert capsys.readouterr().err == (f"error: cannot write to the output folder {read_only}: permission denied;"
                                       " choose another --out or fix its permissions\n")
    assert list(read_only.iterdir()) == []


def test_render_client_refuses_a_bad_output_folder_before_its_kernel_starts(tmp_path, no_workers, monkeypatch):
    import tempfile

    from helpers.errors import WorkbookError
    from helpers.paths import DATA_DIR
    from helpers.render import render_client

    client = next(c for c in load_roster(DEMO_ROSTER) if c.id == "harbour-books")
    a_file = tmp_path / "notes.txt"
    a_file.write_text("x", encoding="utf-8")
    for folder, says in [(a_file, "is a file, not a folder"), (a_file / "reports", "a part of the path is a file"),
                         (DATA_DIR / "reports", "is inside the input data folder"),
                         (DATA_DIR, "is the input data folder")]:
        with pytest.raises(WorkbookError, match=says):
            render_client(client, folder)

    def refused(*args, **kwargs):  # a folder of another user (tests may run as root, whom chmod does not stop)
        raise PermissionError(13, "Permission denied", str(kwargs.get("dir")))
    monkeypatch.setattr(tempfile, "mkstemp", refused)
    with pytest.raises(WorkbookError, match="cannot write to the output folder .*: permission denied"):
        render_client(client, tmp_path / "out")
    assert not (DATA_DIR / "reports").exists()


def test_the_command_checks_the_output_folder_once_and_as_its_option(tmp_path, no_workers, monkeypatch, capsys):
    """The command's check is the renderer's own, told to name --out: the folder is made and probed once."""
    from helpers import render_batch
    from helpers.errors import WorkbookError
    from helpers.i18n import Message

    calls = []

    def check(out_dir, option="out_dir"):
        calls.append((out_dir, option))
        raise WorkbookError(Message("cli.out_not_folder", path=str(out_dir), option=option, default="reports/"))
    monkeypatch.setattr(render_batch, "check_output_folder", check)
    assert main(["render", "--client", "harbour-books", "--out", str(tmp_path / "out")]) == 2
    assert calls == [(tmp_path / "out", "--out")]
    assert capsys.readouterr().err.endswith("choose another --out (default: reports/)\n")


def test_a_bad_output_folder_given_in_python_names_the_parameter_not_the_command_line_option(tmp_path, no_workers):
    from helpers.errors import WorkbookError
    from helpers.i18n import use_language
    from helpers.paths import DATA_DIR
    from helpers.render import render_all, render_client

    client = next(c for c in load_roster(DEMO_ROSTER) if c.id == "harbour-books")
    a_file = tmp_path / "notes.txt"
    a_file.write_text("x", encoding="utf-8")
    with pytest.raises(WorkbookError) as info:
        render_all([client], a_file)
    assert str(info.value) == (f"the output folder {a_file} is a file, not a folder: the reports need a folder to go"
                               " into; choose another out_dir (default: reports/)")
    with pytest.raises(WorkbookError) as info:
        render_client(client, DATA_DIR / "reports")
    assert str(info.value).endswith("; choose a folder outside it with out_dir (default: reports/)")
    use_language("id")  # the process's language, as a notebook of the Indonesian report sets it
    with pytest.raises(WorkbookError) as info:
        render_all([client], a_file)
    assert str(info.value).endswith("; pilih out_dir yang lain (bawaan: reports/)")


def test_rendering_one_client_needs_only_its_own_exports(tmp_path, monkeypatch, capsys):
    from helpers import render
    from helpers.render import RenderResult

    rendered = []

    def render_all(clients, out, **options):
        rendered.extend(c.id for c in clients)
        return [RenderResult(c.id, True, 0.1) for c in clients]
    monkeypatch.setattr(render, "render_all", render_all)
    roster = tmp_path / "clients.yml"
    roster.write_text(DEMO_ROSTER.read_text(encoding="utf-8") + """
  - id: newclient
    name: New Client
    exports: [data/raw/newclient-not-there-yet/*.csv]
    timezone: UTC
    period: {start: 2026-09-01, end: 2026-10-31}
""", encoding="utf-8")
    assert main(["render", "--clients", str(roster), "--client", "harbour-books", "--out", str(tmp_path)]) == 0
    assert rendered == ["harbour-books"]
    assert main(["render", "--clients", str(roster), "--out", str(tmp_path)]) == 2
    assert "client 'newclient': key 'exports': the pattern" in capsys.readouterr().err and rendered == ["harbour-books"]


def test_the_summary_columns_line_up_in_indonesian_too():
    """'berhasil/pdf!' and '123,4 dtk' are wider than 'ok/pdf!' and '123.4 s': the columns widen to hold them."""
    from pathlib import Path

    from helpers.i18n import Message, Translator
    from helpers.render import RenderResult, summary_lines

    results = [RenderResult("a", True, 123.4, html=Path("/tmp/a/report.html"),
                            pdf_error=Message("cli.problem.pdf", problem="x"), period=(OCTOBER, OCTOBER_END)),
               RenderResult("bb", False, 1.5, failed_cell=4, error="ValueError: x",
                            period=(dt.date(2026, 9, 1), dt.date(2026, 10, 30)))]
    lines = summary_lines(results, Translator("id"))
    assert lines == ["klien  status         periode                       waktu  laporan / galat",
                     "a      berhasil/pdf!  Okt 2026                  123,4 dtk  /tmp/a/report.html; PDF gagal: x",
                     "bb     GAGAL          1 Sep hingga 30 Okt 2026    1,5 dtk  sel 4: ValueError: x"]
    assert summary_lines(results[1:], Translator("en")) == [
        "client  status   period                    time  report / error",
        "bb      FAILED   1 Sept to 30 Oct 2026    1.5 s  cell 4: ValueError: x"]


def test_every_summary_column_is_followed_by_two_spaces_when_its_widest_cell_fills_it():
    """'berhasil' fills the status column (8 characters, wider than 'status' and the 7 kept for it), and
    the period followed it after one space ('kopi-senja  berhasil 1 Sep hingga 30 Okt 2026'): every column is
    now followed by two spaces, as the client's and the period's were. Widths: 10 (kopi-senja), 8 (berhasil),
    24 (1 Sep hingga 30 Okt 2026), 8 (19,0 dtk)."""
    from pathlib import Path

    from helpers.i18n import Translator
    from helpers.render import RenderResult, summary_lines

    result = RenderResult("kopi-senja", True, 19.0, html=Path("/r/kopi-senja/report.html"),
                          period=(dt.date(2026, 9, 1), dt.date(2026, 10, 30)))
    assert summary_lines([result], Translator("id")) == [
        "klien       status    periode                      waktu  laporan / galat",
        "kopi-senja  berhasil  1 Sep hingga 30 Okt 2026  19,0 dtk  /r/kopi-senja/report.html"]
    interrupted = RenderResult("kopi-senja", False, None, interrupted=True, period=(OCTOBER, OCTOBER_END))
    assert summary_lines([interrupted], Translator("en"))[1] == (
        "kopi-senja  interrupted  Oct 2026      n/a  not rendered: stopped before its turn")  # time: 7 wide


def test_an_escape_sequence_in_a_failure_is_shown_not_acted_on_by_the_terminal():
    """An account name read from an export, quoted in a refusal, may hold an escape sequence (retitle the window,
    clear the screen, move the cursor over the summary): the summary shows it escaped; a tab stays a tab."""
    from helpers.i18n import Translator
    from helpers.render import RenderResult, summary_lines

    error = "its exports hold posts of the account 'Kopi Senja\x1b]0;PWNED\x07\x1b[2J\x9b', which is …\nline two\tend"
    lines = summary_lines([RenderResult("hb", False, 1.5, error=error, period=(OCTOBER, OCTOBER_END))],
                          Translator("en"))
    assert not any(ch in line for line in lines for ch in "\x1b\x07\x9b")
    assert lines[1].endswith("account 'Kopi Senja\\x1b]0;PWNED\\x07\\x1b[2J\\x9b', which is …")
    assert lines[-1] == "  line two\tend"  # the error's second line, in full below the table


@pytest.mark.parametrize("language, first, last, shown", [
    ("en", dt.date(2026, 9, 1), dt.date(2026, 10, 15), "1 Sept to 15 Oct 2026"),  # one year: written once
    ("id", dt.date(2026, 9, 1), dt.date(2026, 10, 15), "1 Sep hingga 15 Okt 2026"),
    ("en", dt.date(2026, 9, 2), dt.date(2026, 10, 31), "2 Sept to 31 Oct 2026"),
    ("en", dt.date(2026, 9, 1), dt.date(2026, 10, 31), "Sept to Oct 2026"),  # whole months, as months
    ("id", dt.date(2026, 9, 1), dt.date(2026, 10, 31), "Sep hingga Okt 2026"),
    ("en", dt.date(2025, 1, 1), dt.date(2025, 3, 31), "Jan to Mar 2025"),
    ("en", dt.date(2024, 12, 1), dt.date(2025, 1, 31), "Dec 2024 to Jan 2025"),  # across years: each its year
    ("id", dt.date(2024, 12, 1), dt.date(2025, 1, 31), "Des 2024 hingga Jan 2025"),
    ("en", dt.date(2024, 2, 1), dt.date(2024, 2, 29), "Feb 2024"),  # a leap year's February is whole
    ("id", dt.date(2025, 12, 15), dt.date(2026, 1, 14), "15 Des 2025 hingga 14 Jan 2026"),
    ("en", dt.date(2026, 10, 1), dt.date(2026, 10, 31), "Oct 2026"),  # a calendar month
    ("id", dt.date(2026, 10, 1), dt.date(2026, 10, 30), "1 Okt hingga 30 Okt 2026"),
    ("en", dt.date(2026, 10, 5), dt.date(2026, 10, 5), "5 Oct 2026"),  # one day, once
])
def test_the_summary_and_the_index_write_a_period_alike(language, first, last, shown):
    from helpers.i18n import Translator
    from helpers.index_page import _period
    from helpers.render import summary_period

    tr = Translator(language)
    assert summary_period((first, last), tr) == shown
    assert _period({"period_start": first.isoformat(), "period_end": last.isoformat()}, tr) == shown


def test_a_slip_in_the_arguments_is_an_error_in_the_commands_language(capsys):
    for argv, expected in (
            (["render", "--jobs", "two", "--language", "id"],
             "galat: argument --jobs/-j: perlu bilangan bulat, bukan 'two' (lihat python -m helpers render --help)\n"),
            (["render", "--jobs", "two"],
             "error: argument --jobs/-j: needs a whole number, not 'two' (see python -m helpers render --help)\n"),
            (["inspect", "x.csv", "--year=twenty", "--language=id"],
             "galat: argument --year: perlu bilangan bulat, bukan 'twenty' (lihat python -m helpers inspect --help)\n")):
        with pytest.raises(SystemExit) as exit_:
            main(argv)
        assert exit_.value.code == 2
        err = capsys.readouterr().err
        assert err.startswith("usage: python -m helpers ") and err.endswith(expected), argv


def test_the_commands_language_is_read_as_a_roster_reads_one(tmp_path, capsys):
    """--language Indonesian or id-ID is Indonesian, as in a roster; a language the workbook does not speak is
    refused in the same words, not with argparse's list of choices."""
    from helpers.__main__ import main

    for written in ("id-ID", "Indonesian"):
        assert main(["inspect", "--language", written, str(tmp_path / "none.csv")]) != 0
        assert "berkas ekspor tidak ditemukan" in "".join(capsys.readouterr())
    with pytest.raises(SystemExit) as info:
        main(["render", "--language", "fr", "--clients", str(tmp_path / "none.yml")])
    assert info.value.code == 2
    assert "argument --language: 'fr' is not a language of the workbook; expected one of en, id" in capsys.readouterr().err


def _inside(element: dict, outer: dict) -> bool:
    return any(e is outer for e in element["inside"])


def test_report_tables_name_their_headers_and_only_outputs_with_a_table_take_the_keyboards_focus(rendered):
    """In both demo reports: every header cell has a scope; every body row of every table has its header (the
    metric of a lens table, the text of a top post, the format, the lens and pair of a test, the index of the
    metrics table); the Definitions table has a caption in the report's language; and of the outputs, only
    those holding a table (which may scroll sideways) stay focusable, each named by its table's caption."""
    from helpers.i18n import Translator

    _, out = rendered
    for client in load_roster(DEMO_ROSTER):
        elements = page_elements((out / client.id / "report.html").read_text(encoding="utf-8"))
        tables = [e for e in elements if e["tag"] == "table"]
        assert len(tables) >= 12
        assert all(e["attrs"].get("scope") in ("col", "row") for e in elements if e["tag"] == "th")
        captions = [e["text"] for e in elements if e["tag"] == "caption"]
        assert Translator(client.language).t("definitions.caption") in captions
        rows = [r for r in elements if r["tag"] == "tr" and any(e["tag"] == "tbody" for e in r["inside"])]
        unlabelled = [r["text"].split() for r in rows if not any(
            c["tag"] == "th" and c["attrs"].get("scope") == "row" and _inside(c, r) for c in elements)]
        assert not unlabelled
        outputs = [e for e in elements if "jp-OutputArea-output" in e["attrs"].get("class", "").split()]
        with_table = [any(_inside(t, o) for t in tables) for o in outputs]
        assert len(outputs) > 20 and 12 <= sum(with_table) < len(outputs)
        assert [o["attrs"].get("tabindex") for o in outputs] == ["0" if t else None for t in with_table]
        # each such tab stop is a region named by its table's caption (report_page.named_region)
        captions = {e["attrs"].get("id"): e for e in elements if e["tag"] == "caption"}
        assert all(o["attrs"].get("role") == "region" and _inside(captions[o["attrs"]["aria-labelledby"]], o)
                   for o, t in zip(outputs, with_table) if t)


def test_the_summary_gives_each_clients_period_as_clients_in_other_time_zones_reach_other_months(tmp_path):
    """At 05:00 UTC on 1 November 2026 'last full month' is October in Jakarta and September in Los Angeles
    (still 31 October there): the two ok lines differ by their period alone, a calendar month shown as such."""
    from pathlib import Path

    from helpers.clients import load_roster
    from helpers.i18n import Translator
    from helpers.render import RenderResult, period_of, summary_lines

    (tmp_path / "clients.yml").write_text("""
clients:
  - {id: kopi-senja, name: Kopi Senja, exports: [x/*.csv], timezone: Asia/Jakarta, period: last full month}
  - {id: la-surf, name: LA Surf Co, exports: [y/*.csv], timezone: America/Los_Angeles, period: last full month}
""", encoding="utf-8")
    kopi, la = load_roster(tmp_path / "clients.yml", now=dt.datetime(2026, 11, 1, 5, tzinfo=dt.timezone.utc),
                           selected=[])
    assert (period_of(kopi), period_of(la)) == ((OCTOBER, OCTOBER_END), (dt.date(2026, 9, 1), dt.date(2026, 9, 30)))
    results = [RenderResult(c.id, True, 2.0, html=Path(f"/r/{c.id}/report.html"), period=period_of(c))
               for c in (kopi, la)]
    assert summary_lines(results, Translator("en")) == [
        "client      status   period        time  report / error",
        "kopi-senja  ok       Oct 2026     2.0 s  /r/kopi-senja/report.html",
        "la-surf     ok       Sept 2026    2.0 s  /r/la-surf/report.html"]
    assert summary_lines(results, Translator("id"))[1:] == [
        "kopi-senja  berhasil  Okt 2026  2,0 dtk  /r/kopi-senja/report.html",
        "la-surf     berhasil  Sep 2026  2,0 dtk  /r/la-surf/report.html"]


def _work(out, who, text: str):
    """A finished run of `who` waiting in its work folder (report and executed notebook), as Renderer._commit
    takes it."""
    work = out / f".work-{who.id}"
    work.mkdir(parents=True, exist_ok=True)
    (work / "report.html").write_text(text, encoding="utf-8")
    (work / "report.ipynb").write_text("{}", encoding="utf-8")
    return work


def _commit(out, who, facts: dict):
    from helpers.render import Renderer, Task
    return Renderer.__new__(Renderer)._commit(Task(who, str(out)), _work(out, who, f"report of {who.name}"), 0.0,
                                              {}, "", facts)


def _fail(out, who, error: str, language: str = "en"):
    from helpers.render import Renderer, Task
    return Renderer.__new__(Renderer)._fail(Task(who, str(out), language=language), _work(out, who, ""), 0.0, {},
                                            error)


def _surf(name: str = "LA Surf Co"):
    from helpers.clients import Client
    return Client(id="la-surf", name=name, exports=("x/*.csv",), timezone="America/Los_Angeles",
                  period_start=OCTOBER, period_end=OCTOBER_END, comparison_start=dt.date(2026, 9, 1),
                  comparison_end=dt.date(2026, 9, 30))


def test_an_id_given_to_another_client_does_not_show_the_report_of_the_one_before_as_its_own(tmp_path):
    """la-surf was LA Surf Co's, with a good report; the roster gives the id to Laguna Surf School, whose first
    render fails. The index row names Laguna Surf School: it must not link LA Surf Co's report as its last good
    one, and says whose the file still there is; the summary says so too. The file is never removed, and comes
    back as the report should the id name LA Surf Co again; a failure of LA Surf Co spelled otherwise (case,
    spaces) is the same business and keeps its report."""
    from helpers.i18n import Translator
    from helpers.index_page import read_record, write_index
    from helpers.render import summary_lines

    out = tmp_path / "reports"
    assert _commit(out, _surf(), {"posts": 40}).ok
    laguna = _surf("Laguna Surf School")
    failed = _fail(out, laguna, "file Oct.csv is cut off")
    record = read_record(out, "la-surf")
    assert record["name"] == "Laguna Surf School" and record["report"] is None
    assert (record["other_report"]["name"], record["other_report"]["html"]) == ("LA Surf Co", "report.html")
    assert (out / "la-surf" / "report.html").read_text(encoding="utf-8") == "report of LA Surf Co"
    assert failed.other_report == (out / "la-surf" / "report.html", "LA Surf Co")
    page = write_index(out, "en", roster={"la-surf"}).read_text(encoding="utf-8")
    assert 'href="la-surf/report.html"' not in page and "Laguna Surf School<br>" in page
    assert ("file Oct.csv is cut off<br><em>(no good report yet; la-surf/report.html is an earlier report of LA Surf"
            ' Co, a client that had this id before; the whole error is in <a href="_failed/la-surf/error.txt">'
            "_failed/la-surf/error.txt</a>)</em>") in page
    assert "<td>Oct 2026</td>" in page  # the period the attempt was for
    assert summary_lines([failed])[1].endswith(
        f"file Oct.csv is cut off; {out / 'la-surf' / 'report.html'} is an earlier report of LA Surf Co, a client"
        " that had this id before")
    assert summary_lines([failed], Translator("id"))[1].endswith(
        "adalah laporan lama milik LA Surf Co, klien yang sebelumnya memakai ID ini")
    assert "laporan lama milik LA Surf Co" in write_index(out, "id").read_text(encoding="utf-8")

    _fail(out, laguna, "still cut off")  # a second failure still says whose the report is
    assert read_record(out, "la-surf")["report"] is None
    assert read_record(out, "la-surf")["other_report"]["name"] == "LA Surf Co"
    back = _fail(out, _surf("la surf  CO"), "its own export is missing")  # LA Surf Co again, spelled otherwise
    record = read_record(out, "la-surf")
    assert record["report"]["name"] == "LA Surf Co" and "other_report" not in record and back.other_report == ()
    page = write_index(out, "en").read_text(encoding="utf-8")
    assert '<a href="la-surf/report.html">la surf  CO</a>' in page and "the report linked is the last good one" in page


FACEBOOK_OCTOBER = "Oct-01-2026_Oct-31-2026_100088245511032.csv"
INSTAGRAM_OCTOBER = "Oct-01-2026_Oct-31-2026_17841402288113456.csv"


def _books():
    from helpers.clients import Client
    return Client(id="harbour-books", name="Harbour Books", exports=("x/*.csv",), timezone="Europe/London",
                  period_start=OCTOBER, period_end=OCTOBER_END, comparison_start=dt.date(2026, 9, 1),
                  comparison_end=dt.date(2026, 9, 30))


def _facts(facebook: int | None, instagram: int | None, header_only: tuple = ()) -> dict:
    """A report's facts as Report.index_facts gives them: each platform's posts (None: no export of it), and
    the platforms whose post exports list only their header."""
    counts = {p: n for p, n in (("facebook", facebook), ("instagram", instagram)) if n is not None}
    files = {"facebook": [FACEBOOK_OCTOBER], "instagram": [INSTAGRAM_OCTOBER]}
    return {"posts": sum(counts.values()), "platform_posts": counts} | (
        {"header_only": {p: files[p] for p in header_only}} if header_only else {})


def test_a_header_only_download_does_not_replace_the_last_report_of_the_same_period_that_had_posts(tmp_path):
    """harbour-books' October report counted 16 Facebook posts; October's export, downloaded again, lists only its
    header. The report of no posts is not put in place: the client fails, saying so, and the 16-post report stays
    linked. A report without posts replaces the last one where that one had none on Facebook, was of another
    period or another client, or where an export holding posts covers the period (no 'header_only' fact)."""
    from helpers.i18n import Translator
    from helpers.index_page import read_record, write_index
    from helpers.render import header_only_problem, summary_lines

    out, books = tmp_path / "reports", _books()
    assert _commit(out, books, _facts(16, None)).ok
    empty = _facts(0, None, header_only=("facebook",))
    result = _commit(out, books, empty)
    assert not result.ok and result.period == (OCTOBER, OCTOBER_END)
    assert (out / "harbour-books" / "report.html").read_text(encoding="utf-8") == "report of Harbour Books"
    record = read_record(out, "harbour-books")
    assert record["status"] == "failed" and record["report"]["posts"] == 16
    assert record["report"]["platform_posts"] == {"facebook": 16}
    said = (f"the Facebook post export of this period ({FACEBOOK_OCTOBER}) now lists no post, only its header, while"
            " the last report of this period had 16 posts on Facebook: a download that stopped after the header"
            " reads like this; download the export again, then render again. The last good report is kept. If"
            " those posts are really gone (the export is another account's, or the posts were deleted), render"
            " again with --accept-header-only to accept the report without them")
    assert Translator("en").message(result.error) == said
    assert summary_lines([result])[1].endswith(said)
    assert Translator("id").message(result.error).startswith(
        f"ekspor unggahan Facebook periode ini ({FACEBOOK_OCTOBER}) kini tidak memuat unggahan, hanya baris"
        " tajuknya, padahal laporan terakhir periode ini memuat 16 unggahan di Facebook: unduhan yang terhenti")
    assert "had 1 post on Facebook: a download" in Translator("en").message(header_only_problem(
        {"name": "Harbour Books", "report": {**record["report"], "platform_posts": {"facebook": 1}}}, books, empty))
    page = write_index(out, "en").read_text(encoding="utf-8")
    assert 'class="failed">failed</span>' in page and '<a href="harbour-books/report.html">' in page

    previous = read_record(out, "harbour-books")
    assert header_only_problem(previous, books, _facts(0, None)) is None  # an export with posts covers the period
    assert header_only_problem(previous, dataclasses.replace(books, period_start=dt.date(2026, 11, 1),
                                                             period_end=dt.date(2026, 11, 30)), empty) is None
    assert header_only_problem(previous, dataclasses.replace(books, name="Harbour Cafe"), empty) is None
    assert header_only_problem({**previous, "report": {**previous["report"], "platform_posts": {"facebook": 0}}},
                               books, empty) is None
    assert header_only_problem(None, books, empty) is None
    quiet = _commit(tmp_path / "fresh", books, empty)  # no earlier report: the short report, as before
    assert quiet.ok and quiet.facts == empty


def test_a_platform_whose_export_now_lists_only_its_header_keeps_the_last_report_whatever_the_others_hold(tmp_path):
    """October rendered with Facebook's export (16 posts) and Instagram's (32). Facebook's file is then replaced
    by its header line alone: Instagram's 32 posts still make a report, but one without Facebook's 16. The client
    fails naming Facebook, its file and its 16 posts; the 48-post report stays. Two platforms cut short are
    both named, in either language."""
    from helpers.i18n import Translator
    from helpers.index_page import read_record
    from helpers.render import header_only_problem, summary_lines

    out, books = tmp_path / "reports", _books()
    assert _commit(out, books, _facts(16, 32)).ok
    result = _commit(out, books, _facts(0, 32, header_only=("facebook",)))
    assert not result.ok
    assert read_record(out, "harbour-books")["report"]["posts"] == 48
    assert (out / "harbour-books" / "report.html").read_text(encoding="utf-8") == "report of Harbour Books"
    assert summary_lines([result])[1].split("  ")[-1].startswith(
        f"the Facebook post export of this period ({FACEBOOK_OCTOBER}) now lists no post, only its header, while"
        " the last report of this period had 16 posts on Facebook: a download that stopped after the header reads"
        " like this; download the export again")
    both = header_only_problem(read_record(out, "harbour-books"), books, _facts(0, 0, ("facebook", "instagram")))
    assert Translator("en").message(both).startswith(
        f"the Facebook post export of this period ({FACEBOOK_OCTOBER}) now lists no post, only its header, while"
        f" the last report of this period had 16 posts on Facebook; the Instagram post export of this period"
        f" ({INSTAGRAM_OCTOBER}) now lists no post, only its header, while the last report of this period had 32"
        " posts on Instagram: a download that stopped after the header reads like this; download the exports"
        " again, then render again.")
    assert Translator("id").message(both).startswith(
        f"ekspor unggahan Facebook periode ini ({FACEBOOK_OCTOBER}) kini tidak memuat unggahan, hanya baris"
        " tajuknya, padahal laporan terakhir periode ini memuat 16 unggahan di Facebook; ekspor unggahan Instagram"
        f" periode ini ({INSTAGRAM_OCTOBER}) kini tidak memuat unggahan, hanya baris tajuknya, padahal laporan"
        " terakhir periode ini memuat 32 unggahan di Instagram: unduhan yang terhenti")
    assert header_only_problem(read_record(out, "harbour-books"), books, _facts(16, 0, ("instagram",))) is not None


def test_a_platform_whose_posts_fell_as_one_of_its_exports_now_lists_only_its_header_keeps_the_last_report(tmp_path):
    """September to October rendered with Facebook's two monthly exports (16 posts in all) and Instagram's (32).
    October's Facebook file is then cut to its header: September's still gives Facebook 9 posts, so Facebook is
    not without posts, but its count fell from 16 to 9 beside a header-only file of the period. The client fails
    naming the file and both counts; the 48-post report stays. A header-only file beside an unchanged count, or
    a count that fell with no header-only file, lets the report replace it; so does --accept-header-only."""
    from helpers.i18n import Translator
    from helpers.index_page import read_record
    from helpers.render import Renderer, Task, header_only_problem

    out, books = tmp_path / "reports", _books()
    assert _commit(out, books, _facts(16, 32)).ok
    cut = _facts(9, 32, header_only=("facebook",))
    result = _commit(out, books, cut)
    assert not result.ok and read_record(out, "harbour-books")["report"]["platform_posts"] == {
        "facebook": 16, "instagram": 32}
    assert (out / "harbour-books" / "report.html").read_text(encoding="utf-8") == "report of Harbour Books"
    assert Translator("en").message(result.error).startswith(
        f"the Facebook post export covering days of this period ({FACEBOOK_OCTOBER}) now lists no post, only its"
        " header, and the posts on Facebook in this period fell from 16 in the last report of this period to 9: a"
        " download that stopped after the header reads like this; download the export again, then render again.")
    assert Translator("id").message(result.error).startswith(
        f"ekspor unggahan Facebook yang mencakup hari-hari periode ini ({FACEBOOK_OCTOBER}) kini tidak memuat"
        " unggahan, hanya baris tajuknya, dan unggahan Facebook pada periode ini turun dari 16 di laporan terakhir"
        " periode ini menjadi 9: unduhan yang terhenti")
    previous = read_record(out, "harbour-books")
    two = {**cut, "header_only": {"facebook": ["a.csv", "b.csv"]}}
    assert Translator("en").message(header_only_problem(previous, books, two)).startswith(
        "the Facebook post exports covering days of this period (a.csv, b.csv) now list no post, only their"
        " header, and the posts on Facebook in this period fell from 16")
    assert header_only_problem(previous, books, _facts(16, 32, header_only=("facebook",))) is None
    assert header_only_problem(previous, books, _facts(9, 32)) is None
    accepted = Renderer.__new__(Renderer)._commit(Task(books, str(out), accept_header_only=True),
                                                  _work(out, books, "report of 9 Facebook posts"), 0.0, {}, "", cut)
    assert accepted.ok and read_record(out, "harbour-books")["report"]["platform_posts"] == {
        "facebook": 9, "instagram": 32}


def test_a_header_only_export_that_never_held_the_last_reports_posts_does_not_keep_it(tmp_path):
    """October rendered with Facebook's export cut to its header (no Facebook post) and an Instagram export of
    32 posts, which was another account's: removed, the report has no posts. Facebook had none in the last
    report: the new report replaces it."""
    from helpers.index_page import read_record

    out, books = tmp_path / "reports", _books()
    assert _commit(out, books, _facts(0, 32, header_only=("facebook",))).ok
    assert read_record(out, "harbour-books")["report"]["platform_posts"] == {"facebook": 0, "instagram": 32}
    assert read_record(out, "harbour-books")["report"]["header_only"] == {"facebook": [FACEBOOK_OCTOBER]}
    quiet = _commit(out, books, _facts(0, None, header_only=("facebook",)))
    assert quiet.ok and read_record(out, "harbour-books")["report"]["posts"] == 0


def test_a_report_accepted_without_the_header_only_platform_s_posts_replaces_the_last_one(tmp_path, monkeypatch):
    """render --accept-header-only: the consultant knows the posts are gone; the report without Facebook's
    replaces the last one for the clients of that command, and the next render compares with it (no Facebook
    post: nothing to keep). The option reaches every client's task from the command."""
    from helpers import render
    from helpers.index_page import read_record
    from helpers.render import Renderer, Task

    out, books = tmp_path / "reports", _books()
    assert _commit(out, books, _facts(16, 32)).ok
    cut = _facts(0, 32, header_only=("facebook",))
    accepted = Renderer.__new__(Renderer)._commit(Task(books, str(out), accept_header_only=True),
                                                  _work(out, books, "report without Facebook"), 0.0, {}, "", cut)
    assert accepted.ok and read_record(out, "harbour-books")["report"]["platform_posts"] == {
        "facebook": 0, "instagram": 32}
    assert (out / "harbour-books" / "report.html").read_text(encoding="utf-8") == "report without Facebook"
    assert _commit(out, books, cut).ok  # the next render, without the option: nothing left to keep

    asked = []

    def render_all(clients, out, **options):
        asked.append(options.get("accept_header_only"))
        return []
    monkeypatch.setattr(render, "render_all", render_all)
    for argv in (["--accept-header-only"], []):
        assert main(["render", "--clients", str(DEMO_ROSTER), "--client", "harbour-books", "--out", str(out), *argv]) == 0
    assert asked == [True, False]


def test_a_last_report_recorded_without_each_platform_s_posts_is_judged_as_a_whole(tmp_path):
    """A render.json of an earlier version records the report's posts, not each platform's: the rule of that
    version holds, without a crash. A report of no posts whose every platform's exports list only their header
    keeps the last one that had posts (and says how to accept it); a report with posts replaces it (Facebook's
    share of the 48 is not known); a malformed record's counts are read as none."""
    import json

    from helpers.i18n import Translator
    from helpers.index_page import read_record
    from helpers.render import header_only_problem, recorded_facts

    out, books = tmp_path / "reports", _books()
    (out / "harbour-books").mkdir(parents=True)
    (out / "harbour-books" / "report.html").write_text("report of Harbour Books", encoding="utf-8")
    earlier = {"client": "harbour-books", "name": "Harbour Books", "status": "ok",
               "attempted_at": "2026-11-02T09:00:00+00:00", "seconds": 6.9, "error": "",
               "report": {"html": "report.html", "pdf": None, "name": "Harbour Books", "period_start": "2026-10-01",
                          "period_end": "2026-10-31", "rendered_at": "2026-11-02T09:00:00+00:00", "seconds": 6.9,
                          "posts": 48}}
    (out / "harbour-books" / "render.json").write_text(json.dumps(earlier), encoding="utf-8")
    result = _commit(out, books, _facts(0, None, header_only=("facebook",)))
    assert not result.ok and Translator("en").message(result.error) == (
        f"the post export of this period ({FACEBOOK_OCTOBER}) now lists no post, only its header, while the last"
        " report of this period had 48 posts: a download that stopped after the header reads like this; download"
        " the export again, then render again. The last good report is kept. If those posts are really gone (the"
        " export is another account's, or the posts were deleted), render again with --accept-header-only to"
        " accept the report without them")
    assert Translator("id").message(result.error).endswith(
        "render lagi dengan --accept-header-only untuk menerima laporan tanpa unggahan itu")
    assert read_record(out, "harbour-books")["report"]["posts"] == 48
    assert recorded_facts({"posts": 3, "platform_posts": {"facebook": "3"}, "header_only": {"facebook": "x.csv"}}) \
        == {"posts": 3}  # counts and files not of their form are not recorded
    malformed = {**earlier, "report": {**earlier["report"], "platform_posts": {"facebook": "16"}}}
    assert header_only_problem(malformed, books, _facts(0, 32, header_only=("facebook",))) is None
    assert _commit(out, books, _facts(0, 32, header_only=("facebook",))).ok


def test_the_index_marks_clients_no_longer_in_the_roster_and_lists_them_last(tmp_path):
    """kopi-senja renamed kopi-senja-jkt in the roster: both folders have a report. The index of a batch of that
    roster lists kopi-senja after the current clients, greyed and marked as no longer in the roster, its report
    still linked and its files kept; an index written without a roster (one client rendered from Python) marks
    none."""
    from helpers.clients import Client
    from helpers.index_page import write_index

    out = tmp_path / "reports"
    for cid in ("kopi-senja", "kopi-senja-jkt", "la-surf"):
        assert _commit(out, Client(id=cid, name="Kopi Senja" if cid.startswith("kopi") else "LA Surf Co",
                                   exports=("x/*.csv",), timezone="Asia/Jakarta", period_start=OCTOBER,
                                   period_end=OCTOBER_END, comparison_start=dt.date(2026, 9, 1),
                                   comparison_end=dt.date(2026, 9, 30)), {"posts": 3}).ok
    page = write_index(out, "en", roster=["kopi-senja-jkt", "la-surf"]).read_text(encoding="utf-8")
    rows = re.findall(r'<tr[^>]*><th scope="row">.*?<small>([\w-]+)</small>', page)
    assert rows == ["kopi-senja-jkt", "la-surf", "kopi-senja"]
    former = re.search(r'<tr class="former">.*?</tr>', page).group(0)
    assert ('<a href="kopi-senja/report.html">Kopi Senja</a><br><small>kopi-senja</small><br><small>not in the roster'
            ' any more</small>') in former
    assert page.count('class="former"') == 1 and "tr.former th" in page  # greyed by the page's style
    assert (out / "kopi-senja" / "report.html").is_file() and (out / "_records" / "kopi-senja.json").is_file()
    assert "tidak ada lagi di daftar klien" in write_index(out, "id", roster=["la-surf"]).read_text(encoding="utf-8")
    unmarked = write_index(out, "en").read_text(encoding="utf-8")
    assert 'class="former"' not in unmarked and "not in the roster" not in unmarked


@pytest.mark.parametrize("took, shown", [(7.049, "7.0 s"), (7.0496, "7.1 s"), (7.05, "7.1 s")])
def test_the_summary_and_the_index_give_a_render_the_same_time(tmp_path, monkeypatch, took, shown):
    """A render of 7.049 s reads 7.0 s in the command's summary and in the index: both round the one value
    render.json records (to the millisecond) to a tenth, once. Recorded to hundredths first (7.05), the index
    read 7.1 s beside the summary's 7.0 s; 7.0496 s is recorded as 7.050 and reads 7.1 s in both."""
    import types

    import helpers.render as render
    from helpers.i18n import Translator
    from helpers.index_page import read_record, write_index

    monkeypatch.setattr(render, "time", types.SimpleNamespace(perf_counter=lambda: took))  # started at 0.0
    result = _commit(tmp_path, _surf(), {"posts": 3})
    assert read_record(tmp_path, "la-surf")["report"]["seconds"] == result.seconds == round(took, 3)
    assert f"  {shown}  " in render.summary_lines([result], Translator("en"))[1]
    index = write_index(tmp_path, "en").read_text(encoding="utf-8")
    assert re.findall(r"<td>([\d.]+ s)</td>", index) == [shown]


def test_the_summary_names_the_reports_folder_once_and_each_report_inside_it(tmp_path):
    """With the reports folder given (as the command gives it), a line above the table names it and each row
    shows its report inside it, not the full path again; a report's marks follow its PDF, which belongs to the
    report's path."""
    import datetime as dt

    from helpers.i18n import Translator
    from helpers.render import RenderResult, summary_lines

    out = tmp_path / "reports"
    result = RenderResult("acme", True, 2.0, html=out / "acme" / "report.html", pdf=out / "acme" / "report.pdf",
                          facts={"posts": 0}, period=(dt.date(2026, 9, 1), dt.date(2026, 9, 30)))
    lines = summary_lines([result], Translator("en"), out)
    assert lines[0] == f"Reports in {out}:"
    assert lines[2].endswith("  acme/report.html (+ report.pdf) (no posts in the period)")
    assert summary_lines([result], Translator("id"), out)[0] == f"Laporan di {out}:"


def test_the_summary_names_the_folder_it_runs_in_in_full(tmp_path, monkeypatch):
    """`--out .` names the reports folder by its full path, not "Reports in .:"."""
    from helpers.i18n import Translator
    from pathlib import Path

    from helpers.render import RenderResult, summary_lines

    monkeypatch.chdir(tmp_path)
    result = RenderResult("acme", True, 2.0, html=tmp_path / "acme" / "report.html", facts={"posts": 3})
    assert summary_lines([result], Translator("en"), Path("."))[0] == f"Reports in {tmp_path.resolve()}:"
    assert summary_lines([result], Translator("en"), Path("."))[2].split()[-1] == "acme/report.html"
