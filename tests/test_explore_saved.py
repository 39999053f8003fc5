"""What leaves the explorer, and what it says of a path that names nothing: the nearest name there, or what
the folder holds."""
import pytest

from helpers import explore
from helpers.errors import WorkbookError
from helpers.i18n import translator
from helpers.importers import expand_paths


def said(error: pytest.ExceptionInfo, language: str) -> str:
    return error.value.args[0].in_language(translator(language))


@pytest.fixture()
def exports(tmp_path):
    """facebook/business-suite-posts/ with one CSV; instagram/ with a folder of one CSV and a hidden file;
    youtube/ with two channels' folders; other/ with one folder and six CSV files."""
    for name in ("facebook/business-suite-posts/posts.csv", "instagram/business-suite-posts/posts.csv",
                 "instagram/.DS_Store", "youtube/chan-a/Table data.csv", "youtube/chan-a/Totals.csv",
                 "youtube/chan-b/Table data.csv", *(f"other/{c}.csv" for c in "abcdef"), "other/old/g.csv"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x\n")
    return tmp_path


def test_a_mistyped_folder_is_answered_with_the_name_meant(exports):
    with pytest.raises(WorkbookError) as error:
        explore.load_folder(exports / "facebook" / "busines-suite-posts")
    assert said(error, "en").endswith(
        f"data/raw/my-page/*.csv. {exports / 'facebook'} holds no 'busines-suite-posts': did you mean "
        "'business-suite-posts'?")
    assert said(error, "id").endswith(
        f"data/raw/my-page/*.csv. Di {exports / 'facebook'} tidak ada 'busines-suite-posts': maksud Anda "
        "'business-suite-posts'?")
    with pytest.raises(WorkbookError) as error:  # in a pattern, the same
        expand_paths(str(exports / "facebook" / "Busines-suite-posts" / "*.csv"))
    assert str(error.value) == (
        f"no file matches '{exports}/facebook/Busines-suite-posts/*.csv' (looked in "
        f"{exports}/facebook/Busines-suite-posts). {exports}/facebook holds no 'Busines-suite-posts': did you mean "
        "'business-suite-posts'?")
    with pytest.raises(WorkbookError) as error:  # nothing near: what is there
        expand_paths(str(exports / "tiktok" / "*.csv"))
    assert str(error.value).endswith(
        f". {exports} holds no 'tiktok'; it holds 4 folders (facebook/, instagram/, other/, youtube/)")


def test_a_pattern_matching_nothing_says_what_its_folder_holds(exports):
    with pytest.raises(WorkbookError) as error:
        expand_paths(str(exports / "instagram" / "*.xlsx"))
    assert str(error.value) == (f"no file matches '{exports}/instagram/*.xlsx' (looked in {exports}/instagram). "
                                f"{exports}/instagram holds 1 folder (business-suite-posts/)")  # .DS_Store aside
    assert said(error, "id") == (f"tidak ada berkas yang cocok dengan '{exports}/instagram/*.xlsx' (dicari di "
                                 f"{exports}/instagram). Isi {exports}/instagram: 1 folder (business-suite-posts/)")
    with pytest.raises(WorkbookError) as error:  # 1 folder and 6 files: the folder and 4 files named
        expand_paths(str(exports / "other" / "*.xlsx"))
    assert str(error.value).endswith(f"{exports}/other holds 1 folder and 6 files (old/, a.csv, b.csv, c.csv, d.csv …)")
    with pytest.raises(WorkbookError) as error:  # ending in a name: the nearest file name its folders hold
        expand_paths(str(exports / "youtube" / "*" / "Tabel data.csv"))
    assert str(error.value).endswith(
        f"(looked in {exports}/youtube). No file there is named 'Tabel data.csv'; the nearest name is "
        f"'Table data.csv'. {exports}/youtube holds 2 folders (chan-a/, chan-b/)")


def test_a_mistyped_file_name_is_answered_with_the_name_meant(exports):
    with pytest.raises(WorkbookError) as error:
        expand_paths(str(exports / "youtube" / "chan-a" / "Table-data.csv"))
    assert str(error.value) == (f"export file not found: {exports}/youtube/chan-a/Table-data.csv. "
                                f"{exports}/youtube/chan-a holds no 'Table-data.csv': did you mean 'Table data.csv'?")
    assert said(error, "id") == (f"berkas ekspor tidak ditemukan: {exports}/youtube/chan-a/Table-data.csv. Di "
                                 f"{exports}/youtube/chan-a tidak ada 'Table-data.csv': maksud Anda 'Table data.csv'?")
