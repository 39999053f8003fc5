"""Exports that list only their header, and files of a folder that could not be read, in the explorer.

A Business Suite export of days without posts lists its header alone, and so does a download that stopped
after the header: such a file covers the days it is named for, for select_posts as for the report, and where
only such files cover the days asked, both say the download may have stopped after the header. A folder
whose only post export lists its header alone gives the short report, and its summary says no post is
listed. A file skipped though it may be an export (an Excel workbook under a .csv name, an empty file) is
named in the workspace's warnings and in the report view's Data coverage: the posts it should hold are
missing from every figure. The fixture is an Instagram export named for 18 March to 14 April 2025, with
posts on 20, 21 and 22 March."""
import shutil
import warnings

import pandas as pd
import pytest

from helpers import explore
from helpers.errors import WorkbookError
from helpers.explore import HeaderOnly
from helpers.i18n import translator
from tests.conftest import FIXTURES

INSTAGRAM = FIXTURES / "meta" / "Mar-18-2025_Apr-14-2025_17800000000000099.csv"
FEBRUARY = "Feb-18-2025_Mar-17-2025_17800000000000099.csv"


def header_only(path):
    """`path` written as Business Suite writes an Instagram export of days without posts: its header alone."""
    header = INSTAGRAM.read_text(encoding="utf-8-sig").splitlines()[0]
    path.write_text("\ufeff" + header + "\n", encoding="utf-8")
    return path


@pytest.fixture
def quiet_february(tmp_path):
    """The March export, and February's beside it listing only its header."""
    shutil.copy(INSTAGRAM, tmp_path / INSTAGRAM.name)
    header_only(tmp_path / FEBRUARY)
    return explore.load_folder(tmp_path, client="bakery", timezone="Europe/London")


def chosen(posts, **kwargs):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        table = explore.select_posts(posts, **kwargs)
    return table, [w.message for w in caught if isinstance(w.message, HeaderOnly)]


def test_days_only_a_header_only_export_covers_are_an_empty_selection_with_a_warning(quiet_february):
    posts = quiet_february.posts
    assert explore.exports_span(quiet_february) == ("2025-02-18", "2025-04-14")
    for platform in (None, "instagram"):
        table, [said] = chosen(posts, platform=platform, start="2025-02-18", end="2025-03-17")
        assert table.empty
        assert said.args[0].in_language(translator("en")) == (
            "Instagram: no posts between 2025-02-18 and 2025-03-17, and the Instagram export named for these days "
            f"({FEBRUARY}) lists no post at all, only its header. Either the account published nothing on "
            "Instagram then, or the download stopped after the header, and its posts are missing here: if the "
            "account did post then, download the export again")
        assert said.args[0].in_language(translator("id")) == (
            "Instagram: tidak ada unggahan antara 2025-02-18 dan 2025-03-17, dan ekspor Instagram yang namanya "
            f"mencakup hari-hari ini ({FEBRUARY}) tidak memuat satu unggahan pun, hanya baris tajuknya. Bisa jadi "
            "akun ini memang tidak memublikasikan apa pun di Instagram saat itu, atau unduhannya terhenti setelah "
            "baris tajuk, sehingga unggahannya tidak ada di sini: bila akun ini memang memublikasikan sesuatu saat "
            "itu, unduh ulang ekspornya")


def test_the_report_view_and_select_posts_judge_the_header_only_days_alike(quiet_february):
    view = explore.report_view(quiet_february, "2025-02-18", "2025-03-17")
    assert not view.has_posts
    assert view.findings()[0].text.startswith(
        "bakery has no posts on Instagram from 18 February 2025 to 17 March 2025: the Instagram exports named for "
        "these days list no post at all, only their header.")


def test_a_period_holding_posts_or_days_an_export_with_posts_covers_gets_no_header_only_warning(quiet_february):
    posts = quiet_february.posts
    table, said = chosen(posts, start="2025-03-01", end="2025-03-31")  # 1-17 March header only, then 20-22 posts
    assert len(table) == 3 and said == []
    table, said = chosen(posts, start="2025-04-01", end="2025-04-14")  # the March export covers it, no post then
    assert table.empty and said == []


def test_days_no_export_covers_are_still_an_error_naming_the_header_only_export_s_days(quiet_february):
    with pytest.raises(WorkbookError, match=r"no export covers these days \(the exports cover 18 February 2025 to "
                                          r"14 April 2025\)"):
        explore.select_posts(quiet_february.posts, start="2025-01-01", end="2025-01-31")


@pytest.fixture
def header_only_folder(tmp_path):
    """A folder whose one post export lists only its header, named for 18 March to 14 April 2025."""
    header_only(tmp_path / INSTAGRAM.name)
    return explore.load_folder(tmp_path, client="bakery", timezone="Europe/London")


def test_a_folder_of_a_header_only_export_gives_the_short_report(header_only_folder):
    english = ("bakery has no posts on Instagram from 18 March 2025 to 14 April 2025: the Instagram exports named for "
               "these days list no post at all, only their header. Either the account published nothing on "
               "Instagram then, or the download stopped after the header, and its posts are missing here. The "
               "exports hold no Instagram post of the comparison period (18 February 2025 to 17 March 2025), nor "
               "cover all of it, so there is nothing to set beside this period.")
    for period in ((), ("2025-03-18", "2025-04-14")):
        view = explore.report_view(header_only_folder, *period)
        assert not view.has_posts and [f.text for f in view.findings()] == [english]
    indonesian = explore.report_view(header_only_folder, language="id").findings()[0].text
    assert indonesian.startswith(
        "bakery tidak memiliki unggahan di Instagram dari 18 Maret 2025 hingga 14 April 2025: ekspor Instagram yang "
        "namanya mencakup hari-hari ini tidak memuat satu unggahan pun, hanya baris tajuknya.")


def test_the_summary_of_no_posts_says_so_and_names_the_header_only_export(header_only_folder):
    assert explore.summary_view(header_only_folder.posts).caption == (
        "The table lists no post, so there is no figure to show. Of the post exports read, this one lists no post at "
        f"all, only its header: {INSTAGRAM.name}. Either the account published nothing in the days it covers, or "
        "the download stopped after the header, and its posts are missing here.")
    assert explore.summary_view(header_only_folder.posts, language="id").caption == (
        "Tabel ini tidak memuat satu unggahan pun, jadi tidak ada angka yang dapat ditampilkan. Dari ekspor unggahan "
        f"yang dibaca, berkas ini tidak memuat satu unggahan pun, hanya baris tajuknya: {INSTAGRAM.name}. Bisa "
        "jadi akun ini memang tidak memublikasikan apa pun pada hari-hari yang dicakupnya, atau unduhannya terhenti "
        "setelah baris tajuk, sehingga unggahannya tidak ada di sini.")
    # a table of posts has no such caption; an empty one of a folder holding posts names no export
    full = explore.load_folder(INSTAGRAM, client="bakery", timezone="Europe/London").posts
    assert explore.summary_view(full).caption is None
    assert explore.summary_view(full.iloc[0:0]).caption == "The table lists no post, so there is no figure to show."


def test_files_skipped_that_may_hold_posts_are_named_in_warnings_and_the_report_view_s_coverage(tmp_path):
    shutil.copy(INSTAGRAM, tmp_path / INSTAGRAM.name)
    facebook = FIXTURES / "meta" / "Apr-01-2025_Apr-14-2025_100000000000042.csv"
    pd.read_csv(facebook, dtype=str).to_excel(tmp_path / "copy.csv", index=False)  # an xlsx under a .csv name
    (tmp_path / "empty_export.csv").write_bytes(b"")  # a download interrupted before its first byte
    workspace = explore.load_folder(tmp_path, client="bakery", timezone="Europe/London")
    files = workspace.files().set_index("file")
    assert files.loc["empty_export.csv", "table"] == "skipped"
    assert "the download may have been interrupted" in files.loc["empty_export.csv", "notes"]
    named = ("empty_export.csv: skipped, not read, so any posts it holds are missing from every figure: the file is "
             "empty. What to do: download the export again; the download may have been interrupted")
    notes = [str(m) for m in workspace.warnings() if "skipped" in str(m)]
    assert [note.split(":")[0] for note in notes] == ["copy.csv", "empty_export.csv"] and notes[1] == named
    view = explore.report_view(workspace)
    assert view.findings()[0].text == "This report covers 3 posts: Instagram (3)."
    assert view.coverage_notes()[-1] == f"Import note: {named}."
    assert explore.report_view(workspace, language="id").coverage_notes()[-1] == (
        "Catatan impor: empty_export.csv: dilewati, tidak dibaca, sehingga unggahan yang mungkin ada di dalamnya tidak "
        "masuk ke angka mana pun: berkas ini kosong. Yang perlu dilakukan: unduh ulang ekspor tersebut; unduhan "
        "sebelumnya mungkin terputus.")


def test_the_recipes_on_a_folder_of_header_only_exports_name_them_rather_than_ask_for_exports(header_only_folder):
    """The explore notebook's recipes start from most_posted and last_days; on a folder whose exports list no
    post, they say which exports were read and list only their header, not 'load a folder with post exports'
    (the analyst has); a table filtered down to nothing keeps the old wording."""
    for call in (lambda: explore.most_posted(header_only_folder.posts),
                 lambda: explore.last_days(header_only_folder.posts, 30),
                 lambda: explore.span(header_only_folder.posts)):
        with pytest.raises(WorkbookError) as info:
            call()
        assert str(info.value) == (
            f"the table holds no posts: every post export read lists no post, only its header ({INSTAGRAM.name})."
            " Either the account published nothing in the days these exports cover, or the download stopped after"
            " the header: if the account did post then, download the exports again; the recipes need posts")
    english = explore.load_folder(INSTAGRAM, client="bakery", timezone="Europe/London")
    with pytest.raises(WorkbookError, match="load a folder with post exports, or widen the filter"):
        explore.most_posted(english.posts.iloc[0:0])  # its exports hold posts: a filter left nothing


def test_a_table_filtered_to_nothing_beside_a_header_only_export_is_not_blamed_on_it(quiet_february):
    """The March export holds posts, February's lists only its header: a selection that leaves nothing (a
    format no post has, days the March export covers without a post) is the filter's, not a download's, so
    the recipes keep 'widen the filter' and the summary names no header-only export."""
    posts = quiet_february.posts
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        empty = explore.select_posts(posts, start="2025-04-10", end="2025-04-14")
    assert empty.empty
    with pytest.raises(WorkbookError) as info:
        explore.most_posted(empty)
    assert str(info.value) == "the table holds no posts: load a folder with post exports, or widen the filter"
    assert explore.summary_view(empty).caption == "The table lists no post, so there is no figure to show."
