"""Spreadsheets saved in a format the workbook does not read (Excel 97-2003 .xls, Excel's binary .xlsb,
LibreOffice's .ods): taken by a folder or a pattern and named with how to save them as .xlsx or CSV, in a folder
(files, warnings, inspect, the patterns' left-out files) and named on their own (an error naming the file);
an .xls holding text is read as the export it holds; an .xlsm (an xlsx with macros) is read as an xlsx."""
import shutil
import zipfile
from pathlib import Path

import pytest

from helpers import explore
from helpers.__main__ import main
from helpers.errors import ExportFormatError, WorkbookError
from helpers.i18n import translator
from helpers.importers import expand_paths, import_exports
from helpers.paths import DEMO_DIR
from helpers.sources import LeftOut, left_out_exports, load_client

FIXTURES_X = Path(__file__).parent / "fixtures" / "x"
INSTAGRAM = DEMO_DIR / "kopi-senja" / "Jul-01-2026_Oct-31-2026_17841402288113456.csv"
#: The first bytes of an OLE2 compound file, as every Excel 97-2003 workbook starts: all the content sniffed.
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 24
ADVICE = ("open it in Excel or LibreOffice Calc and save it as .xlsx (Excel Workbook) or CSV, then give that file "
          "instead")
XLS = "this is an Excel 97-2003 workbook (.xls), a format the workbook does not read: it reads .xlsx workbooks and CSV files"


def write_ods(path):
    """An OpenDocument spreadsheet as LibreOffice saves one: a zip whose `mimetype` part says what it is."""
    with zipfile.ZipFile(path, "w") as document:
        document.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        document.writestr("content.xml", "<office:document-content/>")
        document.writestr("META-INF/manifest.xml", "<manifest:manifest/>")
    return path


def write_xlsb(path):
    """An Excel binary workbook: an Office Open XML zip like an xlsx, with xl/workbook.bin for xl/workbook.xml."""
    with zipfile.ZipFile(path, "w") as book:
        book.writestr("[Content_Types].xml", "<Types/>")
        book.writestr("xl/workbook.bin", b"\x83\x01\x00")
    return path


@pytest.fixture
def folder(tmp_path):
    """An Instagram export with LinkedIn's old .xls, an .ods and an .xlsb beside it, and a Word brief of the same
    years: an OLE2 compound file as an .xls is, which its name tells apart (reading.document_error)."""
    shutil.copy(INSTAGRAM, tmp_path / INSTAGRAM.name)
    (tmp_path / "LinkedIn content.xls").write_bytes(OLE2)
    (tmp_path / "brief.doc").write_bytes(OLE2)
    write_ods(tmp_path / "posts.ods")
    write_xlsb(tmp_path / "posts.xlsb")
    return tmp_path


def test_a_folder_lists_each_and_warns_of_them_with_how_to_save_them(folder):
    workspace = explore.load_folder(folder, timezone="Asia/Jakarta")
    files = workspace.files().set_index("file")
    assert files.loc["LinkedIn content.xls", "table"] == "skipped"
    assert files.loc["LinkedIn content.xls", "notes"] == f"{XLS}\n  what to do: {ADVICE}"
    assert files.loc["posts.ods", "notes"].startswith("this is an OpenDocument spreadsheet (.ods), a format")
    assert files.loc["posts.xlsb", "notes"].startswith("this is an Excel binary workbook (.xlsb), a format")
    assert files.loc[INSTAGRAM.name, "imported"] == 146  # the export beside them is read
    assert files.loc["brief.doc", "notes"].startswith("a Word document, not an export")
    warnings = [str(note) for note in workspace.warnings()]
    assert warnings[0] == ("LinkedIn content.xls: skipped, not read, so any posts it holds are missing from every "
                           f"figure: {XLS}. What to do: {ADVICE}")
    assert [note.split(":")[0] for note in warnings] == ["LinkedIn content.xls", "posts.ods", "posts.xlsb"]
    assert translator("id").message(workspace.warnings()[1]) == (
        "posts.ods: dilewati, tidak dibaca, sehingga unggahan yang mungkin ada di dalamnya tidak masuk ke angka "
        "mana pun: ini adalah lembar kerja OpenDocument (.ods), format yang tidak dibaca buku kerja ini: buku "
        "kerja ini membaca berkas .xlsx dan CSV. Yang perlu dilakukan: buka berkas itu di Excel atau LibreOffice "
        "Calc, simpan sebagai .xlsx (Buku Kerja Excel) atau CSV, lalu berikan berkas itu")


def test_named_on_its_own_it_is_an_error_naming_the_file_with_the_advice(folder, capsys):
    xls = folder / "LinkedIn content.xls"
    with pytest.raises(ExportFormatError) as info:
        import_exports(xls)
    assert str(info.value) == f"file {xls}: {XLS}\n  what to do: {ADVICE}"
    shutil.copy(xls, folder / "posts.csv")  # an .xls saved under a .csv name is still one
    for name, what in (("posts.csv", XLS), ("posts.ods", "this is an OpenDocument spreadsheet (.ods)"),
                       ("posts.xlsb", "this is an Excel binary workbook (.xlsb)")):
        assert main(["inspect", str(folder / name)]) == 2
        out = capsys.readouterr().out
        assert what in out and ADVICE in out
        assert "zip archive" not in out and "binary data" not in out and "cannot open the spreadsheet" not in out
    assert main(["inspect", str(folder / "brief.doc")]) == 2
    assert ".xls" not in capsys.readouterr().out


def test_a_folder_given_to_inspect_says_they_cannot_be_read(folder, capsys):
    assert main(["inspect", str(folder), "--timezone", "Asia/Jakarta"]) == 2  # files that cannot be read
    out = capsys.readouterr().out
    assert f"LinkedIn content.xls\n  cannot be read:\n    file {folder / 'LinkedIn content.xls'}: {XLS}" in out
    assert out.count(ADVICE) == 3 and "146 in file, 146 imported" in out


def test_a_roster_pattern_takes_them_and_names_them_with_the_advice(folder):
    """A roster's `*` reads the folder as the render does (no file skipped): the .xls is an error naming it.
    A pattern taking CSV files alone passes over them, and the render names among the files it leaves out only
    one named as a platform names its exports (LinkedIn's `<page>_content_<id>`)."""
    assert [p.name for p in expand_paths(str(folder / "*"))] == [INSTAGRAM.name, "LinkedIn content.xls",
                                                                 "posts.ods", "posts.xlsb"]
    with pytest.raises(ExportFormatError, match=r"LinkedIn content\.xls: this is an Excel 97-2003 workbook"):
        load_client(expand_paths(str(folder / "*")), timezone="Asia/Jakarta")
    csv = expand_paths(str(folder / "*.csv"))
    assert left_out_exports([str(folder / "*.csv")], csv) == []  # named as no export: an invoice's, a budget's
    shutil.copy(folder / "LinkedIn content.xls", folder / "leaf-space_content_1753863379800.xls")
    xls = folder / "leaf-space_content_1753863379800.xls"
    assert left_out_exports([str(folder / "*.csv")], csv) == [LeftOut(folder, [xls], folder / "*", 1, "", (xls,))]


def test_a_folder_of_such_files_alone_is_not_said_to_hold_zip_archives_to_extract(tmp_path):
    """An .ods is a zip, and so is a Numbers document, but no download to extract: each one's own advice."""
    write_ods(tmp_path / "posts.ods")
    with zipfile.ZipFile(tmp_path / "posts.numbers", "w") as document:
        document.writestr("Index/Document.iwa", b"\x00\x01")
    with pytest.raises(WorkbookError) as info:
        explore.load_folder(tmp_path)
    said = str(info.value)
    assert said.startswith("none of the files could be read as an export (posts.numbers, posts.ods)")
    assert "extract" not in said and ADVICE in said and "File › Export To › CSV" in said


def test_an_xls_holding_text_is_read_as_the_export_it_holds_else_named_with_the_advice(tmp_path, capsys):
    """Some tools save a CSV or a web page under an .xls name: its content decides. An Instagram export so
    named is read (its 146 posts); a web page is no export, and named with how to save it from Excel."""
    shutil.copy(INSTAGRAM, tmp_path / "instagram.xls")
    (tmp_path / "page.xls").write_text("<html><body><table><tr><td>Date</td><td>Followers</td></tr></table>"
                                       "</body></html>\n", encoding="utf-8")
    assert len(import_exports(tmp_path / "instagram.xls", timezone="Asia/Jakarta").posts) == 146
    with pytest.raises(ExportFormatError) as info:
        import_exports(tmp_path / "page.xls")
    assert str(info.value) == (
        f"file {tmp_path / 'page.xls'}: this file is named as an Excel 97-2003 workbook (.xls), but it holds a web "
        "page or a text table, not an export the workbook knows (some tools save such a table under that name so "
        f"that a spreadsheet program opens it)\n  what to do: {ADVICE}")
    assert info.value.in_language(translator("id")) == (
        f"berkas {tmp_path / 'page.xls'}: berkas ini bernama seperti berkas Excel 97-2003 (.xls), tetapi isinya "
        "halaman web atau tabel teks, bukan ekspor yang dikenali buku kerja ini (sebagian alat menyimpan tabel "
        "seperti itu dengan nama tersebut agar dapat dibuka program lembar kerja)\n  yang perlu dilakukan: buka "
        "berkas itu di Excel atau LibreOffice Calc, simpan sebagai .xlsx (Buku Kerja Excel) atau CSV, lalu berikan "
        "berkas itu")
    workspace = explore.load_folder(tmp_path, timezone="Asia/Jakarta")
    assert workspace.files()["imported"].tolist() == [146, 0]
    assert [str(note).split(":")[0] for note in workspace.warnings()] == ["page.xls"]  # its posts may be missing


def test_an_xlsm_workbook_in_a_folder_is_read_as_an_xlsx(tmp_path):
    """An .xlsm is an xlsx with macros allowed, as Excel saves an export so: openpyxl reads it, and a folder
    takes it (it passed it over before)."""
    from test_import_linkedin import STANDARD_ROWS, build_workbook

    build_workbook(tmp_path / "acme_content_1.xlsm", STANDARD_ROWS)
    workspace = explore.load_folder(tmp_path, timezone="UTC")
    assert workspace.files()["table"].tolist() == ["posts"]
    assert len(workspace.posts) == 4  # Hello world, Big launch (counted once), Quiet one, Clip


def test_one_saved_again_as_xlsx_or_csv_beside_it_is_passed_over_with_a_note(tmp_path):
    """Following the advice leaves the old file beside the one saved from it: a roster's `*` reads the .xlsx
    and passes the .xls over (it failed the client before), and a folder neither warns of its posts nor lists
    it as unread. An .ods beside a CSV of its name is taken as saved so too; one of another name is not."""
    from test_import_linkedin import STANDARD_ROWS, build_workbook

    build_workbook(tmp_path / "leaf.xlsx", STANDARD_ROWS)
    (tmp_path / "leaf.xls").write_bytes(OLE2)
    shutil.copy(INSTAGRAM, tmp_path / "insta.csv")
    write_ods(tmp_path / "insta.ods")
    loaded = load_client(expand_paths(str(tmp_path / "*")), timezone="UTC")
    assert len(loaded.posts) == 4 + 146
    assert [(p.name, str(why)) for p, why in loaded.sources.skipped] == [
        ("insta.ods", "an OpenDocument spreadsheet (.ods), already saved again beside it as insta.csv, which the "
                      "workbook reads in its place"),
        ("leaf.xls", "an Excel 97-2003 workbook (.xls), already saved again beside it as leaf.xlsx, which the "
                     "workbook reads in its place")]
    assert translator("id").message(loaded.sources.skipped[1][1].said) == (
        "berkas Excel 97-2003 (.xls) yang sudah disimpan ulang di sampingnya sebagai leaf.xlsx; buku kerja ini "
        "membaca berkas itu sebagai gantinya")
    workspace = explore.load_folder(tmp_path, timezone="UTC")
    assert not [note for note in map(str, workspace.warnings()) if note.startswith(("leaf.xls:", "insta.ods:"))]
    assert workspace.sources.unread == []
    (tmp_path / "leaf-2024.xls").write_bytes(OLE2)  # another name: no file saved from it, named as before
    with pytest.raises(ExportFormatError, match=r"leaf-2024\.xls: this is an Excel 97-2003 workbook"):
        load_client(expand_paths(str(tmp_path / "*")), timezone="UTC")


def test_one_beside_the_exports_is_named_to_the_client_only_when_named_as_an_export(tmp_path):
    """An invoice or a budget beside a client's CSVs is no export: `*.csv` passes it over without a word in the
    client's report (it named them, and the summary advised `*`, which took them only to refuse them). One named
    as LinkedIn names its exports is named, and the summary says to save it as CSV or .xlsx, not to add `*`."""
    from helpers.render import left_out_detail, left_out_facts

    posts = tmp_path / INSTAGRAM.name
    shutil.copy(INSTAGRAM, posts)
    (tmp_path / "invoice-2024.xls").write_bytes(OLE2)
    write_ods(tmp_path / "budget.ods")
    write_xlsb(tmp_path / "Jan-01-2025_Mar-31-2025_1234.xlsb")  # Business Suite's naming: two dates
    pattern = str(tmp_path / "*.csv")
    xlsb = tmp_path / "Jan-01-2025_Mar-31-2025_1234.xlsb"
    assert left_out_exports([pattern], [posts]) == [LeftOut(tmp_path, [xlsb], tmp_path / "*", 1, "", (xlsb,))]
    (tmp_path / "other.csv").write_bytes(INSTAGRAM.read_bytes())  # an export the pattern reads, beside
    (tmp_path / "linkedin").mkdir()
    linkedin = tmp_path / "linkedin" / "acme_content_1.xls"
    linkedin.write_bytes(OLE2)
    shutil.copy(INSTAGRAM, tmp_path / "linkedin" / "insta.txt")  # an export a pattern would read
    found = left_out_exports([pattern], [posts, tmp_path / "other.csv"])
    assert found == [LeftOut(tmp_path, [xlsb, tmp_path / "linkedin" / "acme_content_1.xls",
                                        tmp_path / "linkedin" / "insta.txt"], tmp_path / "**" / "*", 3, "",
                             (xlsb, linkedin))]
    kept = left_out_facts({"left_out": [{"folder": str(one.folder), "files": [str(f) for f in one.files],
                                         "pattern": str(one.pattern), "count": one.count, "more": one.more,
                                         "refused": [str(f) for f in one.refused]} for one in found]})
    lines = left_out_detail(kept[0], translator("en")).splitlines()
    folder = kept[0]["folder"]
    assert lines == [
        f"not read: {tmp_path / 'linkedin' / 'insta.txt'}, in {folder}, a folder its exports are read from, and taken "
        f"by none of the roster's patterns; to read it, add {tmp_path / '**' / '*'} to its exports (or the file "
        "itself)",
        f"not read: {xlsb}, {linkedin}, in {folder}, a folder its exports are read from: spreadsheets whose "
        "names look like a platform's exports, in a format the workbook does not read (.xls, .xlsb, .ods); to read "
        "them, open each in Excel or LibreOffice Calc and save it as CSV or .xlsx beside it, in a format one of its "
        "export patterns takes (a `*.csv` pattern reads only CSV)"]
    assert left_out_detail(kept[0], translator("id")).splitlines()[1].endswith(
        "lembar kerja yang namanya mirip ekspor platform, dalam format yang tidak dibaca buku kerja ini (.xls, .xlsb, "
        ".ods); untuk membacanya, buka masing-masing di Excel atau LibreOffice Calc, lalu simpan sebagai CSV atau "
        ".xlsx di sampingnya, dengan format yang diambil salah satu pola ekspornya (pola `*.csv` hanya membaca CSV)")


def test_a_mapped_entry_taking_one_says_the_files_own_problem_not_the_mappings(tmp_path):
    """An .ods a mapped entry's `*` takes cannot be read at all: said with its advice, not as a misfit of the
    column mapping it was to be read through."""
    from conftest import FIXTURES
    from helpers.clients import load_roster
    from helpers.errors import RosterError

    business = FIXTURES / "mapped" / "business"
    shutil.copy(business / "TikTok business export.csv", tmp_path)
    ods = write_ods(tmp_path / "budget.ods")
    (tmp_path / "clients.yml").write_text(f"""clients:
  - id: sunny
    name: Sunny Bakes
    exports:
      - files: {tmp_path}/*
        mapping: {business / "tiktok-business.yml"}
    timezone: Asia/Jakarta
    period: {{start: 2025-02-01, end: 2025-02-28}}
""", encoding="utf-8")
    for language, said in (
            ("en", f"client 'sunny': key 'exports', entry 1: {ods} cannot be read, with or without a column mapping: "
                   "this is an OpenDocument spreadsheet (.ods), a format the workbook does not read: it reads .xlsx "
                   f"workbooks and CSV files; what to do: {ADVICE}"),
            ("id", f"klien 'sunny': kunci 'exports', entri 1: {ods} tidak dapat dibaca, dengan atau tanpa pemetaan "
                   "kolom: ini adalah lembar kerja OpenDocument (.ods), format yang tidak dibaca buku kerja ini: buku "
                   "kerja ini membaca berkas .xlsx dan CSV; yang perlu dilakukan: buka berkas itu di Excel atau "
                   "LibreOffice Calc, simpan sebagai .xlsx (Buku Kerja Excel) atau CSV, lalu berikan berkas "
                   "itu")):
        with pytest.raises(RosterError) as caught:
            load_roster(tmp_path / "clients.yml", language=language)
        assert caught.value.problems == [said]


def test_a_workbook_saved_with_a_password_is_said_to_be_encrypted_and_its_posts_missing(tmp_path, capsys):
    """Excel saves an .xlsx with a password as an OLE2 compound file: named on its own, it is said to be encrypted
    (not 'binary data'), with how to save it without the password; in a folder, it is among the files that may
    hold posts, in the workspace's warnings."""
    locked = tmp_path / "acme_content_1.xlsx"
    locked.write_bytes(OLE2)
    said = ("this Excel file is encrypted with a password (or it is an Excel 97-2003 .xls renamed .xlsx), so the "
            "workbook cannot open it")
    hint = ("open it in Excel, give the password, and remove it (File › Info › Protect Workbook › Encrypt with "
            "Password, then clear the password) or save a copy as .xlsx or CSV without one, then read that file; if "
            "Excel asks for no password, it is an .xls: save it as .xlsx")
    with pytest.raises(ExportFormatError) as info:
        import_exports(locked)
    assert str(info.value) == f"file {locked}: {said}\n  what to do: {hint}"
    assert main(["inspect", str(locked)]) == 2
    assert "binary data" not in capsys.readouterr().out
    shutil.copy(INSTAGRAM, tmp_path / INSTAGRAM.name)
    workspace = explore.load_folder(tmp_path, timezone="Asia/Jakarta")
    assert workspace.sources.unread == [locked]
    assert str(workspace.warnings()[-1]) == (f"acme_content_1.xlsx: skipped, not read, so any posts it holds are "
                                             f"missing from every figure: {said}. What to do: {hint}")
    assert translator("id").message(workspace.warnings()[-1]).endswith(
        "berkas Excel ini dienkripsi dengan kata sandi (atau berkas Excel 97-2003 .xls yang namanya diganti menjadi "
        ".xlsx), sehingga buku kerja ini tidak dapat membukanya. Yang perlu dilakukan: buka di Excel, masukkan kata "
        "sandinya, lalu hapus kata sandi itu di menu File › Info (kosongkan kata sandi enkripsinya) atau simpan "
        "salinannya sebagai .xlsx atau CSV tanpa kata sandi, lalu baca berkas itu; jika Excel tidak meminta kata "
        "sandi, berkas itu sebenarnya .xls: simpan sebagai .xlsx")


def test_every_file_a_roster_pattern_takes_and_refuses_is_named_at_once_with_how_to_leave_it_out(tmp_path):
    """An old report (.xls), notes (.ods) and notes.txt beside a client's exports, taken by `*`: the render names
    all three in one error (it named one, then the next after that one was moved aside), each with how to leave
    it out when it holds no export: saved as .xlsx, notes would only be refused as no export the workbook knows."""
    from helpers.errors import ExportsUnreadable
    from helpers.report import build_report

    shutil.copy(INSTAGRAM, tmp_path / INSTAGRAM.name)
    (tmp_path / "old-report.xls").write_bytes(OLE2)
    write_ods(tmp_path / "notes.ods")
    (tmp_path / "notes.txt").write_text("call the client on Monday\n", encoding="utf-8")
    pattern = str(tmp_path / "*")
    with pytest.raises(ExportsUnreadable) as info:
        load_client(expand_paths(pattern), timezone="Asia/Jakarta")
    assert [e.path.name for e in info.value.errors] == ["notes.ods", "notes.txt", "old-report.xls"]
    assert str(info.value).splitlines()[0] == ("3 files cannot be read as exports, each for its own reason below: "
                                               "fix or replace each of them, then read them again")
    for language, heading, advice in (
            ("en", "3 files of the client's exports cannot be read, each for its own reason below: fix, replace or "
                   "move out each of them, then render again",
             f"; if it holds no export, move it out of the folder or narrow the pattern {pattern} "
             f"(e.g. {tmp_path / '*.csv'})"),
            ("id", "3 berkas dari ekspor klien tidak dapat dibaca, masing-masing karena alasannya sendiri di bawah ini: "
                   "perbaiki, ganti, atau pindahkan setiap berkas itu, lalu render lagi",
             f"; jika berkas itu tidak memuat ekspor, pindahkan keluar dari folder itu atau persempit pola {pattern} "
             f"(mis. {tmp_path / '*.csv'})")):
        with pytest.raises(ExportsUnreadable) as info:
            build_report(client="acme", client_name="Acme", exports=[pattern], timezone="Asia/Jakarta",
                         period_start="2026-09-01", period_end="2026-10-31", language=language)
        lines = str(info.value).splitlines()
        assert lines[0] == heading
        assert [line.split(": ")[0].split(" ", 2)[2] for line in lines if line.startswith("- ")] == [
            str(tmp_path / name) for name in ("notes.ods", "notes.txt", "old-report.xls")]
        assert sum(line.endswith(advice) for line in lines) == 3
    (tmp_path / "notes.txt").unlink()
    (tmp_path / "notes.ods").unlink()  # one left: its own error, with the same advice; `*.xls` is moved out of
    with pytest.raises(ExportFormatError) as info:
        build_report(client="acme", client_name="Acme", exports=[str(tmp_path / "*.xls"), INSTAGRAM],
                     timezone="Asia/Jakarta", period_start="2026-09-01", period_end="2026-10-31")
    assert not isinstance(info.value, ExportsUnreadable)
    assert str(info.value).endswith(f"{ADVICE}; if it holds no export, move it out of the folder the pattern "
                                    f"{tmp_path / '*.xls'} reads")


def test_one_named_for_days_outside_the_period_and_its_comparison_is_not_named_to_the_client(tmp_path):
    """An old X download left beside the CSVs, its name giving 1 August to 20 November 2024, holds none of the posts
    of a report of 15 October to 12 November 2025 nor of its comparison (16 September to 14 October 2025): the
    report does not tell the client its posts are missing. One whose days meet the comparison's is still named."""
    from helpers.report import build_report

    x = FIXTURES_X / "account_analytics_content_2025-10-15_2025-11-12.csv"
    shutil.copy(x, tmp_path / x.name)
    old = tmp_path / "account_analytics_content_2024-08-01_2024-11-20.xls"
    old.write_bytes(OLE2)
    pattern = str(tmp_path / "*.csv")
    assert [one.files for one in left_out_exports([pattern], [tmp_path / x.name])] == [[old]]  # left out, named

    def report():
        return build_report(client="acme", client_name="Acme", exports=[pattern], timezone="UTC",
                            period_start="2025-10-15", period_end="2025-11-12")

    assert report().left_out == [] and not [n for n in report().coverage_notes() if old.name in n]
    near = tmp_path / "account_analytics_content_2025-08-01_2025-09-16.xls"  # its last day: the comparison's first
    near.write_bytes(OLE2)
    assert report().left_out == [LeftOut(tmp_path, [near], tmp_path / "*", 1, "", (near,))]
