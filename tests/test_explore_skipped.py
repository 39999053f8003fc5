"""What a folder loaded whole says of the files it skips: the reason first in the files table, the table shown
with each note whole, and every skipped file that may hold posts named in the warnings with what to do."""
import shutil
import zipfile

import pytest

from helpers import explore
from helpers.i18n import use_language
from helpers.paths import DEMO_DIR

INSTAGRAM = DEMO_DIR / "kopi-senja" / "Jul-01-2026_Oct-31-2026_17841402288113456.csv"
FACEBOOK = DEMO_DIR / "kopi-senja" / "Jul-01-2026_Oct-31-2026_104512873300219.csv"

ZIP_REASON = (f"this is a zip archive holding 1 file ({FACEBOOK.name}), not an export: the workbook does not read "
              "inside archives")
ZIP_ADVICE = ("extract it (on Windows: right-click it, Extract All; on a Mac: double-click it) and give the CSV files "
              "it holds instead of the zip; a folder or a pattern reads them where they were extracted")


@pytest.fixture
def new_users_folder(tmp_path):
    """An Instagram export, the Facebook export still zipped as Meta downloads it, and a note."""
    shutil.copy(INSTAGRAM, tmp_path / INSTAGRAM.name)
    with zipfile.ZipFile(tmp_path / "facebook-export.zip", "w") as archive:
        archive.write(FACEBOOK, FACEBOOK.name)
    (tmp_path / "notes.txt").write_text("Downloaded by Dewi for the October report.\n", encoding="utf-8")
    return tmp_path


def test_a_skip_note_gives_the_reason_first_not_the_files_path(new_users_folder):
    files = explore.load_folder(new_users_folder, timezone="Asia/Jakarta").files().set_index("file")
    assert files.loc["facebook-export.zip", "notes"] == f"{ZIP_REASON}\n  what to do: {ZIP_ADVICE}"
    assert files.loc["notes.txt", "notes"].startswith("this is not an export the workbook knows\n")
    assert not any(str(new_users_folder) in note for note in files["notes"])  # the file column names the file


def test_a_zipped_export_is_named_in_the_warnings_with_what_to_do_and_a_note_is_not(new_users_folder):
    workspace = explore.load_folder(new_users_folder, timezone="Asia/Jakarta")
    assert [str(note) for note in workspace.warnings()] == [
        "facebook-export.zip: skipped, not read, so any posts it holds are missing from every figure: "
        f"{ZIP_REASON}. What to do: {ZIP_ADVICE}"]
    try:
        use_language("id")
        assert repr(workspace.warnings()) == repr([
            "facebook-export.zip: dilewati, tidak dibaca, sehingga unggahan yang mungkin ada di dalamnya tidak masuk "
            f"ke angka mana pun: ini adalah arsip zip berisi 1 berkas ({FACEBOOK.name}), bukan ekspor: buku kerja ini "
            "tidak membaca isi arsip. Yang perlu dilakukan: ekstrak arsip itu (di Windows: klik kanan, lalu Extract "
            "All; di Mac: klik dua kali) dan berikan berkas CSV di dalamnya, bukan zip-nya; folder atau pola membaca "
            "berkas-berkas itu di tempat hasil ekstraksinya"])
    finally:
        use_language("en")


def test_a_numbers_document_is_warned_about_and_a_zip_of_pictures_is_not(tmp_path):
    shutil.copy(INSTAGRAM, tmp_path / INSTAGRAM.name)
    with zipfile.ZipFile(tmp_path / "posts.numbers", "w") as document:
        document.writestr("Index/Document.iwa", b"\x00\x01")
    with zipfile.ZipFile(tmp_path / "photos.zip", "w") as photos:
        photos.writestr("launch.jpg", b"\xff\xd8\xff")
    workspace = explore.load_folder(tmp_path, timezone="Asia/Jakarta")
    files = workspace.files().set_index("file")
    assert files.loc[["posts.numbers", "photos.zip"], "table"].tolist() == ["skipped"] * 2
    assert [str(note) for note in workspace.warnings()] == [
        "posts.numbers: skipped, not read, so any posts it holds are missing from every figure: this is a Numbers "
        "document, not an export: the workbook reads the CSV file the platform downloads. What to do: use the CSV "
        "file as downloaded; if this document is all you have, open it in Numbers and choose File › Export To › CSV, "
        "then give that CSV file"]


def test_the_files_table_is_shown_with_each_note_whole_and_its_lines_kept(new_users_folder):
    workspace = explore.load_folder(new_users_folder, timezone="Asia/Jakarta")
    shown = explore.files_shown(workspace).to_html()
    assert f"{ZIP_REASON}\n  what to do: {ZIP_ADVICE}" in shown and "…" not in shown  # not cut, as a DataFrame is
    assert "white-space: pre-line" in shown and "text-align: left" in shown
    assert ">file</th>" in shown and ">notes</th>" in shown and ">146</td>" in shown
    indonesian = explore.files_shown(workspace, language="id").to_html()
    assert ">berkas</th>" in indonesian and ">catatan</th>" in indonesian and ">dilewati</td>" in indonesian
    assert "buku kerja ini tidak membaca isi arsip\n  yang perlu dilakukan: ekstrak arsip itu" in indonesian
    assert workspace.files()["file"].tolist() == [INSTAGRAM.name, "facebook-export.zip", "notes.txt"]


def test_a_file_name_is_escaped_in_the_files_table(tmp_path):
    shutil.copy(INSTAGRAM, tmp_path / INSTAGRAM.name)
    (tmp_path / "<img src=x onerror=alert(1)>.txt").write_text("a note\n", encoding="utf-8")
    shown = explore.files_shown(explore.load_folder(tmp_path, timezone="Asia/Jakarta")).to_html()
    assert "<img" not in shown and "&lt;img src=x onerror=alert(1)&gt;.txt" in shown
