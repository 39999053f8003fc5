"""Slips a new analyst makes in the explorer, each answered in words about the call they made: a misspelt
figure, a report_view period written day first or outside the posts, a figure no chosen post reports, a
platform by another name ('twitter'), a format of posts that carry none, a rate cut short
('engagement_rate'), and a pattern or one file where a folder was expected. Messages in English and
Bahasa Indonesia; the kopi-senja demo has 118 Facebook and 146 Instagram posts, 2026-07-01 to 2026-10-31,
with saves on every Instagram post and on no Facebook post, and no video views."""
import shutil

import pandas as pd
import pytest

from helpers import compare, explore, metrics, report, schema
from helpers.errors import WorkbookError, close_match
from helpers.i18n import translator, use_language
from helpers.paths import DEMO_DIR
from tests.conftest import real_export

FACEBOOK_FILE = "Jul-01-2026_Oct-31-2026_104512873300219.csv"  # the demo's Facebook page export (118 posts)


@pytest.fixture(scope="module")
def workspace():
    return explore.load_folder(DEMO_DIR / "kopi-senja", client="kopi-senja", timezone="Asia/Jakarta")


@pytest.fixture(scope="module")
def views(workspace):
    try:
        yield {"en": explore.report_view(workspace), "id": explore.report_view(workspace, language="id")}
    finally:
        use_language("en")


def said(error: pytest.ExceptionInfo, language: str) -> str:
    """The error's message in `language` (a Message), or as it is (a text already in its language)."""
    text = error.value.args[0]
    return text.in_language(translator(language)) if hasattr(text, "in_language") else str(text)


# ------------------------------------------------------------------------------ 1. figure names and arguments
def test_a_misspelt_figure_names_the_figures_and_the_one_meant_in_the_reports_language(views):
    with pytest.raises(WorkbookError) as error:
        views["en"].figure_html("reach_vs_interaction")
    assert str(error.value) == ("figure 'reach_vs_interaction' is not one the workbook knows: did you mean "
                                "'reach_vs_interactions'? Expected one of: reach_vs_interactions, quadrant, "
                                "rank_shift, formats, day_hour")
    use_language("en")  # the process speaks English; the Indonesian report's error is still Indonesian
    with pytest.raises(WorkbookError) as error:
        views["id"].figure_html("reach_vs_interaction")
    assert str(error.value) == ("diagram 'reach_vs_interaction' tidak dikenali buku kerja ini: maksud Anda "
                                "'reach_vs_interactions'? Yang diharapkan salah satu dari: reach_vs_interactions, "
                                "quadrant, rank_shift, formats, day_hour")


def test_the_figure_names_are_the_reports_figure_methods(views):
    drawn = {name.removeprefix("figure_") for name in dir(report.Report)
             if name.startswith("figure_") and name not in ("figure_html", "figure_plan", "figure_note")}
    assert set(report.FIGURES) == drawn
    assert [key[0] for key in views["en"].figure_plan()] == ["reach_vs_interactions", "quadrant", "rank_shift",
                                                           "rank_shift", "formats", "formats", "day_hour"]


def test_a_figure_of_a_platform_the_report_has_not_names_the_platforms_it_has(views):
    with pytest.raises(WorkbookError) as error:
        views["en"].figure_html("rank_shift", "tiktok")
    assert str(error.value) == "platform 'tiktok' is not in these posts; they hold 'facebook', 'instagram'"
    with pytest.raises(WorkbookError, match=r"platform 'Instagram' is not in these posts: did you mean 'instagram'"):
        views["en"].figure_html("formats", "Instagram")
    with pytest.raises(WorkbookError) as error:
        views["en"].figure_html("rank_shift")
    assert str(error.value) == ("figure 'rank_shift' draws one platform: give it as view.figure_html('rank_shift', "
                                "'facebook'); this report has 'facebook', 'instagram'")
    with pytest.raises(WorkbookError) as error:
        views["en"].figure_html("quadrant", "facebook")
    assert str(error.value) == ("figure 'quadrant' draws every platform of the report at once and takes no "
                                "platform ('facebook' given): view.figure_html('quadrant')")
    with pytest.raises(WorkbookError) as error:
        views["id"].figure_html("rank_shift", "tiktok")
    assert str(error.value) == "platform='tiktok' tidak ada dalam unggahan ini; yang ada: 'facebook', 'instagram'"
    with pytest.raises(WorkbookError) as error:
        views["id"].figure_html("rank_shift")
    assert str(error.value) == ("diagram 'rank_shift' menggambarkan satu platform: berikan platformnya, misalnya "
                                "view.figure_html('rank_shift', 'facebook'); laporan ini memuat 'facebook', 'instagram'")


# ------------------------------------------------------------------------ 2. report_view speaks of its call
def test_report_view_names_its_own_arguments_for_a_day_first_date(workspace):
    with pytest.raises(WorkbookError) as error:
        explore.report_view(workspace, "01/04/2025", "14/04/2025")
    assert str(error.value) == ("report_view's arguments need fixing: start is '01/04/2025', expected a date "
                                "written YYYY-MM-DD; either '2025-04-01' (day first) or '2025-01-04'"
                                " (month first); end is '14/04/2025', expected a date written YYYY-MM-DD; probably"
                                " '2025-04-14'. explore.span(workspace.posts) gives the first and last day of the"
                                " loaded posts")
    assert "parameters cell" not in str(error.value) and "period_start" not in str(error.value)
    try:
        with pytest.raises(WorkbookError) as error:
            explore.report_view(workspace, "01/04/2025", "2026-10-31", language="id")
        assert str(error.value) == ("argumen report_view perlu diperbaiki: start bernilai '01/04/2025', seharusnya "
                                    "tanggal dengan format YYYY-MM-DD; bisa berarti '2025-04-01'"
                                    " (dibaca dengan hari di depan) atau '2025-01-04' (dibaca dengan bulan di depan)."
                                    " explore.span(workspace.posts)"
                                    " memberikan hari pertama dan terakhir unggahan yang dimuat")
    finally:
        use_language("en")


def test_report_view_of_a_period_without_posts_names_the_span_of_the_loaded_posts(workspace):
    with pytest.raises(WorkbookError) as error:
        explore.report_view(workspace, "2020-01-01", "2020-01-14")
    assert said(error, "en") == ("no posts for kopi-senja between 2020-01-01 and 2020-01-14: no export covers these "
                                 "days (the exports cover 1 July 2026 to 31 October 2026); the loaded posts are dated "
                                 "2026-07-01 to 2026-10-31 (explore.span). Give report_view a start= and end= the "
                                 "exports cover, written YYYY-MM-DD, or load the exports that cover them")
    assert "roster" not in said(error, "en")
    assert said(error, "id") == ("tidak ada unggahan untuk kopi-senja antara 2020-01-01 dan 2020-01-14: tidak ada "
                                 "ekspor yang mencakup hari-hari ini (ekspor mencakup 1 Juli 2026 hingga 31 Oktober 2026); "
                                 "unggahan yang dimuat bertanggal 2026-07-01 hingga 2026-10-31 (explore.span). "
                                 "Berikan start= dan end= untuk report_view pada hari-hari yang dicakup ekspor, "
                                 "ditulis YYYY-MM-DD, atau muat ekspor yang mencakupnya")


def test_the_report_notebook_keeps_speaking_of_its_parameters_and_the_roster(workspace):
    common = dict(timezone="Asia/Jakarta", period_start="01/04/2025", period_end="2025-04-30", comparison_start=None,
                  comparison_end=None, top_n=10, language="en", currency="USD", accent_colour="#0072B2", logo="",
                  benchmark_industry="all industries", year=None)
    with pytest.raises(WorkbookError) as error:
        report.check_report_parameters(**common)
    assert str(error.value) == ("the report's parameters need fixing: period_start is '01/04/2025', expected a date "
                                "written YYYY-MM-DD; either '2025-04-01' (day first) or '2025-01-04'"
                                " (month first). Set them in the parameters cell, or pass them with papermill's -p")
    with pytest.raises(WorkbookError, match=r"^no posts for Kopi between 2020-01-01 and 2020-01-14: no export covers "
                                            r"these days \(the exports cover 1 July 2026 to 31 October 2026\)\. Check the "
                                            r"period in the roster"):
        report.report_of_loaded(workspace, client="kopi", client_name="Kopi", timezone="Asia/Jakarta",
                                 period_start="2020-01-01", period_end="2020-01-14")


# ------------------------------------------------------------------- 3. a figure no chosen post reports
def warned(language: str, *call, **options) -> tuple[str, pd.DataFrame]:
    """posts_behind's table and the NotReported warning it gave, shown in `language`."""
    use_language(language)
    try:
        with pytest.warns(explore.NotReported) as caught:
            table = explore.posts_behind(*call, **options)
        return str(caught[0].message), table
    finally:
        use_language("en")


def test_posts_behind_a_count_no_chosen_post_reports_says_it_is_missing_and_who_reports_it(workspace):
    said_en, table = warned("en", workspace.posts, "saves", platform="facebook")
    assert said_en == ("none of the Facebook posts reports saves: their exports leave it blank (not "
                       "reported, which is not 0), so no post is behind it. Posts that report it: "
                       "Instagram (146 of 146 posts).")
    assert table.empty and list(table.columns) == ["platform", "post_id", "published_at", "published_precision", "format",
                                                   "saves", "text"]
    assert warned("id", workspace.posts, "saves", platform="facebook")[0] == (
        "tidak satu pun dari unggahan Facebook melaporkan jumlah disimpan: ekspornya mengosongkannya "
        "(tidak dilaporkan, bukan 0), jadi tidak ada unggahan di balik angka "
        "itu. Unggahan yang melaporkannya: Instagram (146 dari 146 unggahan).")
    fewer = workspace.posts.copy()
    instagram = fewer.index[fewer["platform"] == "instagram"]
    fewer.loc[instagram[:46], "saves"] = pd.NA  # 146 - 46 = 100 Instagram posts keep their saves
    assert warned("en", fewer, "saves", platform="facebook")[0].endswith(
        "Posts that report it: Instagram (100 of 146 posts).")
    assert len(explore.posts_behind(fewer, "saves", platform="instagram")) == 100  # some posts: their table


def test_posts_behind_a_rate_says_which_part_is_missing(workspace):
    said_en, table = warned("en", workspace.posts, "engagement_rate_by_views", platform="facebook",
                            account="Kopi Senja")
    assert said_en == ("none of the Facebook posts of 'Kopi Senja' reports engagement rate by video views "
                       "(interactions ÷ video views): their exports leave video views blank (not reported, "
                       "which is not 0), so no post is behind it. No post in this table reports it.")
    assert table.empty
    assert warned("id", workspace.posts, "engagement_rate_by_views", platform="facebook", account="Kopi Senja")[0] == (
        "tidak satu pun dari unggahan Facebook milik 'Kopi Senja' melaporkan "
        "tingkat interaksi terhadap tayangan video (interaksi ÷ tayangan video): ekspornya mengosongkan "
        "tayangan video (tidak dilaporkan, bukan 0), jadi tidak ada unggahan "
        "di balik angka itu. Tidak ada unggahan dalam tabel ini yang melaporkannya.")
    no_reach = workspace.posts.copy()
    no_reach.loc[no_reach["platform"] == "instagram", "reach"] = 0  # reported, but no rate can be computed
    assert warned("en", no_reach, "engagement_rate_by_reach", platform="instagram")[0] == (
        "none of the Instagram posts reports engagement rate by reach (interactions ÷ "
        "reach): no post reports both, with reach above 0, so no post is behind it. Posts "
        "that report it: Facebook (118 of 118 posts).")
    said_en, table = warned("en", workspace.posts, "video_views")
    assert said_en.startswith("none of these posts reports video views: ") and "No post in this table" in said_en
    assert table.empty


# ----------------------------------------------------------------- 4. platform aliases, posts with no format
@pytest.mark.parametrize("written, meant", [
    ("twitter", "x"), ("Twitter", "x"), ("X", "x"), ("fb", "facebook"), ("Facebook", "facebook"),
    ("ig", "instagram"), ("Insta", "instagram"), ("yt", "youtube"), ("YouTube", "youtube"), ("tik tok", "tiktok"),
    ("Tik-Tok", "tiktok"), ("Linked In", "linkedin"), ("linkedin", "linkedin"), ("myspace", None), ("", None),
    # as scheduling tools write their network column
    ("X (Twitter)", "x"), ("Twitter/X", "x"), ("X.com", "x"), ("X (formerly Twitter)", "x"), ("Pinterest", None),
    # with the kind of account that posted
    ("Facebook Page", "facebook"), ("INSTAGRAMBUSINESS", "instagram"), ("Instagram Business Account", "instagram"),
    ("LinkedIn Company Page", "linkedin"), ("Facebook Group", "facebook"), ("fb page", "facebook"),
    ("X (Twitter) Profile", "x"), ("TikTok Business", "tiktok"), ("Threads Profile", None),
    ("Pinterest Business", None), ("Page", None)])
def test_a_platform_is_read_however_it_is_written(written, meant):
    assert schema.platform_code(written) == meant


def test_another_name_of_a_platform_is_answered_with_the_name_meant(workspace):
    with pytest.raises(WorkbookError) as error:
        explore.select_posts(workspace.posts, platform="twitter")
    assert said(error, "en") == ("platform 'twitter' is called 'x' here, and these posts hold no X posts; they hold "
                                 "'facebook', 'instagram'")
    assert said(error, "id") == ("platform='twitter' di sini bernama 'x', dan unggahan ini tidak memuat unggahan X; "
                                 "yang ada: 'facebook', 'instagram'")
    with pytest.raises(WorkbookError, match=r"platform 'IG' is not in these posts: did you mean 'instagram'\?"):
        explore.select_posts(workspace.posts, platform="IG")
    with pytest.raises(WorkbookError, match=r"platform 'fb' is not in these posts: did you mean 'facebook'\?"):
        explore.last_days(workspace.posts, 30, platform="fb")
    with pytest.raises(WorkbookError, match=r"platform 'Facebook Page' is not in these posts: did you mean 'facebook'\?"):
        explore.select_posts(workspace.posts, platform="Facebook Page")
    x_posts = _x_posts()
    with pytest.raises(WorkbookError, match=r"platform 'twitter' is not in these posts: did you mean 'x'\? They hold 'x'"):
        explore.select_posts(x_posts, platform="twitter")


def _x_posts() -> pd.DataFrame:
    """Two X posts as X's exports give them: no format."""
    return pd.DataFrame({
        "platform": ["x", "x"], "format": pd.array([pd.NA, pd.NA], dtype="string"),
        "account": pd.array(["kopi", "kopi"], dtype="string"),
        "published_at": pd.to_datetime(["2026-03-01 09:00", "2026-03-02 09:00"]).tz_localize("UTC"),
        "published_precision": pd.array(["minute"] * 2, dtype="string")})


def test_a_format_of_posts_that_carry_none_says_so(workspace):
    with pytest.raises(WorkbookError) as error:
        explore.select_posts(_x_posts(), platform="x", format="tweet")
    assert said(error, "en") == ("format 'tweet': the X posts carry no format (their exports give none), so none of "
                                 "them can be chosen by it; leave format= out")
    assert said(error, "id") == ("format='tweet': unggahan X tidak memuat format (ekspornya tidak menyertakannya), "
                                 "jadi tidak ada yang dapat dipilih menurutnya; hapus argumen format=")
    with pytest.raises(WorkbookError, match=r"^format 'tweet': these posts carry no format"):
        explore.select_posts(_x_posts(), format="tweet")
    with pytest.raises(WorkbookError, match=r"format 'tweet' is not in these posts; they hold 'carousel', "):
        explore.select_posts(workspace.posts, platform="instagram", format="tweet")  # formats there: listed


# ----------------------------------------------------------------- 5. a rate cut short: the one judged by
def test_a_rate_cut_short_suggests_the_rate_the_posts_are_judged_by(workspace):
    rates = list(metrics.RATES)
    assert close_match("engagement_rate", rates) == "engagement_rate_by_views"  # difflib alone: a tie
    assert close_match("engagement_rate", rates, prefer=["engagement_rate_by_reach"]) == "engagement_rate_by_reach"
    assert close_match("engagement", rates, prefer=["engagement_rate_by_impressions"]) == "engagement_rate_by_impressions"
    # a plain typo of another rate is not overridden by the preference
    assert close_match("engagement_rate_by_view", rates, prefer=["engagement_rate_by_reach"]) == "engagement_rate_by_views"
    assert close_match("nothing like it", rates, prefer=["engagement_rate_by_reach"]) is None
    for platform in ("instagram", None):
        with pytest.raises(WorkbookError, match=r"'engagement_rate' is not one the workbook knows: did you mean "
                                                r"'engagement_rate_by_reach'\?"):
            explore.posts_behind(workspace.posts, "engagement_rate", platform=platform)
    instagram = explore.select_posts(workspace.posts, platform="instagram")
    with pytest.raises(WorkbookError, match=r"did you mean 'engagement_rate_by_reach'\?"):
        compare.compare_groups(instagram, "format", "engagement_rate")


def test_a_rate_cut_short_on_x_suggests_the_rate_by_impressions():
    posts = explore.load_folder(real_export("x/content-2025-02"), client="x", timezone="UTC").posts
    assert explore.engagement_rate_of(posts, "x") == "engagement_rate_by_impressions"
    with pytest.raises(WorkbookError, match=r"did you mean 'engagement_rate_by_impressions'\?"):
        explore.posts_behind(posts, "engagement_rate", platform="x")


# ------------------------------------------------------------------ 6. a folder, a pattern or one file
def test_load_folder_takes_a_pattern_or_one_export_file_as_well_as_a_folder(tmp_path):
    for path in (DEMO_DIR / "kopi-senja").glob("*.csv"):
        shutil.copy(path, tmp_path / path.name)
    (tmp_path / "notes.txt").write_text("brief from the client\n", encoding="utf-8")
    (tmp_path / "~$open.xlsx").write_bytes(b"")  # Excel's lock file
    (tmp_path / "screenshot.png").write_bytes(b"\x89PNG")
    one = explore.load_folder(tmp_path / FACEBOOK_FILE, timezone="Asia/Jakarta")
    assert one.posts["platform"].value_counts().to_dict() == {"facebook": 118}
    pattern = explore.load_folder(str(tmp_path / "*.csv"), timezone="Asia/Jakarta")
    assert pattern.posts["platform"].value_counts().to_dict() == {"instagram": 146, "facebook": 118}
    assert sorted(pattern.files()["file"]) == sorted(p.name for p in (DEMO_DIR / "kopi-senja").glob("*.csv"))
    everything = explore.load_folder(str(tmp_path / "*"), timezone="Asia/Jakarta")  # the note: skipped and listed
    folder = explore.load_folder(tmp_path, timezone="Asia/Jakarta")
    assert len(everything.posts) == len(folder.posts) == 264
    assert sorted(everything.files()["file"]) == sorted(folder.files()["file"])
    assert folder.files().set_index("file").loc[["notes.txt", "screenshot.png"], "table"].tolist() == ["skipped"] * 2
    with pytest.raises(WorkbookError, match=r"matches no export, only files of other types \(screenshot.png\)"):
        explore.load_folder(str(tmp_path / "*.png"))


def test_a_path_that_names_nothing_says_what_load_folder_takes(tmp_path):
    with pytest.raises(WorkbookError) as error:
        explore.load_folder(tmp_path / "nope")
    where = tmp_path / "nope"
    assert said(error, "en") == (f"no folder or export file at {where} (looked for {where}): give a folder of "
                                 "exports, one export file, or a pattern such as data/raw/my-page/*.csv. "
                                 f"{tmp_path} holds no 'nope'; it holds nothing")
    assert said(error, "id") == (f"tidak ada folder atau berkas ekspor di {where} (yang dicari: {where}): berikan "
                                 "folder berisi ekspor, satu berkas ekspor, atau pola seperti data/raw/my-page/*.csv. "
                                 f"Di {tmp_path} tidak ada 'nope'; isinya: kosong")


def test_a_pattern_matching_folders_names_them_and_says_to_add_the_files_part(tmp_path):
    """'*/business-suite-*' over facebook/ and instagram/ (each holding business-suite-posts/ with a CSV file,
    facebook/ an empty business-suite-page-daily/ too) matches three folders and no file: the error names
    them and says to add /*.csv, or to give a folder, rather than listing the top folder's contents."""
    for platform in ("facebook", "instagram"):
        (tmp_path / platform / "business-suite-posts").mkdir(parents=True)
        (tmp_path / platform / "business-suite-posts" / "posts.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    (tmp_path / "facebook" / "business-suite-page-daily").mkdir()
    pattern = str(tmp_path / "*" / "business-suite-*")
    with pytest.raises(WorkbookError) as error:
        explore.load_folder(pattern, timezone="UTC")
    assert said(error, "en") == (
        f"no file matches '{pattern}' (looked in {tmp_path}). It matches 3 folders, not files "
        "(facebook/business-suite-page-daily/, facebook/business-suite-posts/, instagram/business-suite-posts/): "
        "add /*.csv to the pattern to take the files inside (explore.load_folder and python -m helpers inspect "
        "also take a folder as it is)")
    assert said(error, "id") == (
        f"tidak ada berkas yang cocok dengan '{pattern}' (dicari di {tmp_path}). Pola ini cocok dengan 3 folder, "
        "bukan berkas (facebook/business-suite-page-daily/, facebook/business-suite-posts/, "
        "instagram/business-suite-posts/): tambahkan /*.csv pada pola untuk mengambil berkas di dalamnya "
        "(explore.load_folder dan python -m helpers inspect juga menerima sebuah folder apa adanya)")
    with pytest.raises(WorkbookError) as error:
        explore.load_folder(str(tmp_path / "instagram" / "business-*"), timezone="UTC")
    assert "It matches 1 folder, not files (business-suite-posts/): add /*.csv" in said(error, "en")
    with pytest.raises(WorkbookError) as error:  # a pattern matching nothing at all still says what is there
        explore.load_folder(str(tmp_path / "*" / "ads-*"), timezone="UTC")
    assert said(error, "en").endswith(f"{tmp_path} holds 2 folders (facebook/, instagram/)")


def test_select_posts_answers_a_date_written_another_way_with_the_day_meant(workspace):
    with pytest.raises(WorkbookError) as error:
        explore.select_posts(workspace.posts, start="2026-18-09")
    assert str(error.value) == ("start is '2026-18-09', expected a date written YYYY-MM-DD, such as '2025-03-01';"
                                " probably '2026-09-18'")
    assert said(error, "id").endswith("; kemungkinan '2026-09-18'")


WINDOWS_DRIVE = ("; C: is a Windows drive, which this computer does not have: copy the exports here and give the path"
                 " where they are now (relative to the project root, e.g. data/raw/<client>/*.csv)")


def test_a_windows_path_is_said_to_be_one_and_shown_as_typed():
    """papermill's `-p folder 'C:\\Users\\me\\Downloads\\exports'`: the drive is named, and the path is shown with
    its backslashes as typed (repr doubled them), not followed by what the project folder holds."""
    from helpers.paths import PROJECT_ROOT

    with pytest.raises(WorkbookError) as error:
        explore.load_folder("C:\\Users\\me\\Downloads\\exports")
    assert said(error, "en") == (
        "no folder or export file at C:\\Users\\me\\Downloads\\exports (looked for"
        f" {PROJECT_ROOT}/C:\\Users\\me\\Downloads\\exports): give a folder of exports, one export file, or a pattern"
        " such as data/raw/my-page/*.csv" + WINDOWS_DRIVE)
    assert said(error, "id").endswith(
        "; C: adalah drive Windows, yang tidak ada di komputer ini: salin ekspornya ke sini dan tuliskan jalur"
        " tempatnya sekarang (relatif terhadap folder akar proyek, mis. data/raw/<klien>/*.csv)")
    with pytest.raises(WorkbookError) as error:
        explore.load_folder("C:\\Users\\me\\Downloads\\*.csv")
    assert said(error, "en") == (f"no file matches 'C:\\Users\\me\\Downloads\\*.csv' (looked in {PROJECT_ROOT})"
                                 + WINDOWS_DRIVE)
    with pytest.raises(WorkbookError) as error:
        explore.load_folder("data\\demo\\kopi-senja")
    assert said(error, "en").endswith("; on this computer a \\ is part of a file name, not a folder separator:"
                                      " write the path with /, e.g. 'data/demo/kopi-senja'")


def test_a_path_a_python_string_read_escapes_in_is_shown_as_typed_with_how_to_write_it():
    """folder = "data\\new" in the notebook: Python reads \\n as a line break; said, on one line."""
    from helpers.paths import PROJECT_ROOT

    with pytest.raises(WorkbookError) as error:
        explore.load_folder("data\new")
    assert said(error, "en") == (
        f"no folder or export file at data\\new (looked for {PROJECT_ROOT}/data\\new): give a folder of exports, one"
        " export file, or a pattern such as data/raw/my-page/*.csv; the path holds a line break (\\n): in a Python"
        " string a \\ and the letter after it are read as one character (\\n a line break, \\t a tab), so the path"
        " is not the one typed: write paths with / between folders, or as r\"...\", where a \\ is kept as typed")
    assert "di dalam string Python, \\ beserta huruf sesudahnya dibaca sebagai satu karakter" in said(error, "id")


def test_a_name_that_is_not_there_is_quoted_as_typed(tmp_path):
    """What a folder does not hold is quoted as typed: a \\ in a name once, not doubled."""
    from helpers.errors import nothing_there_hint

    (tmp_path / "posts.csv").write_text("x\n")
    assert nothing_there_hint(tmp_path / "new\\posts" / "*.csv") == (
        f". {tmp_path} holds no 'new\\posts'; it holds 1 file (posts.csv)")


def test_every_damaged_file_of_a_folder_is_named_at_once(tmp_path):
    """A folder of one good Business Suite export and three damaged ones (a reach '1,2K', a date of another
    format, TikTok views '1.2K'): load_folder names all three, each with its own file, row and column, not
    only the first, so an analyst fixing one does not meet the next; one damaged file keeps its own error."""
    import pickle
    from pathlib import Path

    from helpers.errors import ExportFormatError, ExportsUnreadable, USER_ERROR_NAMES

    fixtures = Path(__file__).parent / "fixtures"
    for name in ("meta/bad-reach.csv", "meta/bad-publish-time.csv", "meta/Mar-18-2025_Apr-14-2025_17800000000000099.csv",
                 "tiktok/Content_bad_number.csv"):
        shutil.copy(fixtures / name, tmp_path)
    with pytest.raises(ExportsUnreadable) as error:
        explore.load_folder(tmp_path, timezone="Asia/Jakarta", year=2025)
    found = {(e.path.name, e.row, e.column) for e in error.value.errors}
    assert found == {("bad-reach.csv", 3, "Reach"), ("bad-publish-time.csv", 3, "Publish time"),
                     ("Content_bad_number.csv", 3, "Total views")}
    text = str(error.value).splitlines()
    assert text[0] == ("3 export files cannot be read, each for its own reason below: fix or replace each of them, "
                       "then load the folder again")
    assert f"- file {tmp_path / 'bad-reach.csv'}, row 3, column 'Reach': 1 cell cannot be read as a number: " \
           "row 3: '1,2K'" in text
    assert "    expected: a date and time like '03/18/2025 09:48'" in text
    said_id = error.value.in_language(translator("id")).splitlines()
    assert said_id[0].startswith("3 berkas ekspor tidak dapat dibaca")
    assert any(line.startswith(f"- berkas {tmp_path / 'Content_bad_number.csv'}, baris 3, kolom 'Total views': ")
               for line in said_id)
    assert str(pickle.loads(pickle.dumps(error.value))) == str(error.value)  # render workers pass it on
    assert "ExportsUnreadable" in USER_ERROR_NAMES
    for name in ("bad-reach.csv", "Content_bad_number.csv"):
        (tmp_path / name).unlink()
    with pytest.raises(ExportFormatError) as one:
        explore.load_folder(tmp_path, timezone="Asia/Jakarta")
    assert type(one.value) is ExportFormatError and str(one.value).startswith(
        f"file {tmp_path / 'bad-publish-time.csv'}, row 3, column 'Publish time': 1 cell cannot be read as a date")
