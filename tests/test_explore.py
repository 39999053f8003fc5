"""Exploration recipes: one-call loading, filters, the posts behind a number, saving tables."""
import re

import pandas as pd
import pytest

from helpers import explore, metrics
from helpers.errors import WorkbookError
from helpers.paths import DEMO_DIR


@pytest.fixture(scope="module")
def workspace():
    return explore.load_folder(DEMO_DIR / "kopi-senja", client="kopi-senja", timezone="Asia/Jakarta")


def test_load_folder_reads_every_export(workspace):
    assert set(workspace.files()["file"]) == {p.name for p in (DEMO_DIR / "kopi-senja").glob("*.csv")}
    assert set(workspace.posts["platform"]) == {"facebook", "instagram"}
    assert "engagement_rate_by_reach" in workspace.posts


def test_select_posts_filters_platform_format_and_period(workspace):
    got = explore.select_posts(workspace.posts, platform="instagram", format="reel", start="2026-09-01",
                               end="2026-09-30")
    assert len(got) and set(got["format"]) == {"reel"} and set(got["platform"]) == {"instagram"}
    assert got["published_at"].min() >= pd.Timestamp("2026-09-01", tz="Asia/Jakarta")
    assert got["published_at"].max() < pd.Timestamp("2026-10-01", tz="Asia/Jakarta")


def test_posts_behind_a_rate_reproduce_it(workspace):
    behind = explore.posts_behind(workspace.posts, "engagement_rate_by_reach", platform="facebook")
    kpis = metrics.kpis(workspace.posts).set_index(["platform", "kpi"])
    row = kpis.loc[("facebook", "engagement_rate_by_reach")]
    assert len(behind) == row["posts_covered"]
    assert behind["interactions"].sum() / behind["reach"].sum() == pytest.approx(row["value"])


def test_save_table_writes_csv_and_excel_under_derived_only(workspace, tmp_path, monkeypatch):
    monkeypatch.setenv(explore.DERIVED_DIR_VARIABLE, str(tmp_path))
    path = explore.save_table(workspace.posts.head(3), "three.csv")
    assert path.parent == tmp_path and pd.read_csv(path)["post_id"].astype(str).tolist()
    assert explore.save_table(workspace.posts.head(3), "three.xlsx").exists()
    with pytest.raises(WorkbookError):
        explore.save_table(workspace.posts, "../raw/overwrite.csv")
    with pytest.raises(WorkbookError):
        explore.save_table(workspace.posts, "table.json")


def test_a_folder_given_as_a_number_is_a_clear_error():
    with pytest.raises(WorkbookError, match="folder is 42; expected the path of a folder of exports, as text"):
        explore.load_folder(42)


@pytest.mark.parametrize("folder", ["", "   "])
def test_an_empty_folder_setting_is_refused_not_read_as_the_project_root(folder):
    from helpers.i18n import translator

    for call in (explore.load_folder, explore.export_files):
        with pytest.raises(WorkbookError) as error:
            call(folder)
        assert str(error.value).startswith(f"folder is {folder!r}, an empty setting; expected the path of a folder "
                                           'of exports relative to the project root: set folder = "data/raw/<client>"')
        assert error.value.args[0].in_language(translator("id")).startswith(
            f"folder bernilai {folder!r}, yaitu pengaturan kosong; seharusnya jalur folder berisi ekspor")


def test_empty_or_missing_folder_is_a_clear_error(tmp_path):
    with pytest.raises(WorkbookError, match="no export files"):
        explore.load_folder(tmp_path)
    with pytest.raises(WorkbookError, match=f"no folder or export file at {tmp_path / 'nope'} \\(looked for "):
        explore.load_folder(tmp_path / "nope")


def test_select_posts_keeps_the_last_hour_of_a_day_with_a_clock_change():
    zone = "Europe/London"  # 25 October 2026 has 25 hours: its last hour starts at 23:00 GMT
    posts = pd.DataFrame({"platform": "facebook", "format": "photo", "published_at": pd.to_datetime(
        ["2026-10-25 23:30", "2026-10-26 00:30"]).tz_localize(zone)})
    got = explore.select_posts(posts, start="2026-10-25", end="2026-10-25")
    assert list(got["published_at"].dt.day) == [25]


def copy_demo(client: str, folder) -> None:
    """A demo client's exports copied into `folder`, to put other files beside them."""
    import shutil

    for path in (DEMO_DIR / client).glob("*.csv"):
        shutil.copy(path, folder / path.name)


def test_a_folder_with_a_note_beside_the_exports_loads_and_lists_the_note(tmp_path):
    copy_demo("kopi-senja", tmp_path)
    (tmp_path / "README.txt").write_text("Exported by Dewi on 2 November, for the October report.\n", encoding="utf-8")
    workspace = explore.load_folder(tmp_path, client="kopi-senja", timezone="Asia/Jakarta")
    files = workspace.files().set_index("file")
    assert files.loc["README.txt", "table"] == "skipped"
    # the reason first: the file is named in its own column, not again by its whole path
    assert files.loc["README.txt", "notes"].startswith("this is not an export the workbook knows")
    assert len(workspace.posts) > 0
    # an export listed by name is still an error when unknown: a roster names its files on purpose
    from helpers.sources import load_client

    with pytest.raises(WorkbookError, match="README.txt"):
        load_client([tmp_path / "README.txt", *sorted(tmp_path.glob("*.csv"))], client="k", timezone="Asia/Jakarta")


def test_a_folder_skips_notes_but_not_an_export_whose_header_was_edited(tmp_path):
    import shutil

    source = next((DEMO_DIR / "kopi-senja").glob("*.csv"))
    edited = tmp_path / source.name
    shutil.copy(source, edited)
    text = edited.read_text(encoding="utf-8-sig")
    edited.write_text(text.replace("Publish time", "Published", 1), encoding="utf-8-sig")
    with pytest.raises(WorkbookError, match=source.name):  # skipped quietly, its posts would be missing
        explore.load_folder(tmp_path, client="k", timezone="Asia/Jakarta")
    only_notes = tmp_path / "notes"
    only_notes.mkdir()
    (only_notes / "README.txt").write_text("nothing here yet\n", encoding="utf-8")
    with pytest.raises(WorkbookError, match=r"none of the files could be read as an export \(README.txt\)"):
        explore.load_folder(only_notes, client="k", timezone="Asia/Jakarta")


#: The first columns of a Business Suite post export, the rest cut off: no export, but close to one.
PARTIAL_HEADER = '"Post ID","Page ID","Page name","Publish time",Reach,Reactions\n1,2,Kopi,04/01/2025 10:00,5,1\n'


def test_one_file_that_is_no_export_is_refused_with_its_own_reason():
    from tests.conftest import FIXTURES

    with pytest.raises(WorkbookError) as error:
        explore.load_folder(FIXTURES / "meta" / "empty.csv", timezone="UTC")
    said = str(error.value)
    assert said.startswith(f"file {FIXTURES / 'meta' / 'empty.csv'}: the file is empty")
    assert "download the export again" in said and "in the folder" not in said


def test_a_folder_of_no_export_gives_each_files_reason(tmp_path):
    from tests.conftest import FIXTURES

    import shutil

    shutil.copy(FIXTURES / "meta" / "empty.csv", tmp_path / "empty.csv")
    (tmp_path / "partial.csv").write_text(PARTIAL_HEADER, encoding="utf-8")
    with pytest.raises(WorkbookError) as error:
        explore.load_folder(tmp_path, timezone="UTC")
    said = str(error.value)
    # the headline says no file could be read, and leaves the why to each file's reason (an empty file is no
    # "export the workbook does not know", and putting exports in the folder is no help for it)
    assert said.startswith("none of the files could be read as an export (empty.csv, partial.csv), so no post "
                           "was loaded. Why each file was passed over:"
                           f"\n- file {tmp_path / 'empty.csv'}: the file is empty\n")
    assert "export the workbook knows" not in said.splitlines()[0] and "put the" not in said
    assert "download the export again" in said
    # two of the Meta export's five columns: the column mapping first, the resemblance after it
    assert "that no export family recognises through it. Its header shares only 'post id', 'publish time' with" \
           " the closest export the workbook knows, Meta Business Suite post export (Facebook Page or Instagram" \
           " account), which also carries 'permalink', 'post type', 'date': if the file is that export, download it" \
           " again without edits" in said
    # a header-only export beside the empty file is an export with no posts, not an unknown file
    shutil.copy(FIXTURES / "meta" / "header-only.csv", tmp_path / "header-only.csv")
    (tmp_path / "partial.csv").unlink()
    files = explore.load_folder(tmp_path, timezone="UTC").files().set_index("file")
    assert files.loc["header-only.csv", "table"] == "posts"
    assert files.loc["header-only.csv", "notes"].startswith("the file holds a header and no posts")
    assert files.loc["empty.csv", "table"] == "skipped" and "the file is empty" in files.loc["empty.csv", "notes"]


def test_a_csv_of_notes_with_a_date_column_is_skipped_not_taken_for_an_export(tmp_path):
    copy_demo("harbour-books", tmp_path)
    (tmp_path / "meeting-notes.csv").write_text("Date,Note\n2026-09-01,kick-off\n", encoding="utf-8")
    (tmp_path / "budget.csv").write_text("Type,Budget\nads,500\n", encoding="utf-8")
    workspace = explore.load_folder(tmp_path, client="h", timezone="Europe/London")
    files = workspace.files().set_index("file")
    assert files.loc["meeting-notes.csv", "table"] == "skipped" and files.loc["budget.csv", "table"] == "skipped"


def test_a_youtube_breakdown_chart_beside_the_posts_is_skipped_with_why(tmp_path):
    """YouTube Studio's download holds 'Chart data.csv' (a breakdown) beside 'Table data.csv' (the videos):
    loading the folder skips the chart and says why; listed by name, it stays an error naming the file."""
    from tests.conftest import FIXTURES

    (tmp_path / "Chart data.csv").write_text(
        'Date,Content,Video title,Video publish time,Views\n2024-01-01,abc,A video,"Jan 1, 2024",5\n', encoding="utf-8")
    import shutil

    table = FIXTURES / "youtube" / "videos_and_shorts.csv"
    shutil.copy(table, tmp_path / "Table data.csv")
    workspace = explore.load_folder(tmp_path, client="y", timezone="UTC")
    files = workspace.files().set_index("file")
    assert files.loc["Chart data.csv", "table"] == "skipped"
    assert "broken down by 'Content'" in files.loc["Chart data.csv", "notes"]
    assert files.loc["Table data.csv", "table"] == "posts" and len(workspace.posts) > 0
    from helpers.sources import load_client

    with pytest.raises(WorkbookError, match="Chart data.csv"):
        load_client(sorted(tmp_path.glob("*.csv")), client="y", timezone="UTC")


def youtube_download(folder, *, zipped_as="YouTube Content 2026.zip", extract_to=None):
    """YouTube Studio's zipped download (Table data.csv, Chart data.csv, Totals.csv in a folder inside the zip),
    written into `folder`, and its files extracted into `extract_to` when given."""
    import zipfile

    from tests.conftest import FIXTURES

    files = {"Table data.csv": (FIXTURES / "youtube" / "videos_and_shorts.csv").read_bytes(),
             "Chart data.csv": b"Date,Content,Views\n2024-01-01,abc,5\n",
             "Totals.csv": b"Date,Views\n2024-01-01,5\n"}
    with zipfile.ZipFile(folder / zipped_as, "w") as archive:
        for name, data in files.items():
            archive.writestr(f"YouTube Content 2026/{name}", data)
        archive.writestr("__MACOSX/YouTube Content 2026/._Totals.csv", b"\x00")  # a Mac's zip: not a file of it
    if extract_to is not None:
        extract_to.mkdir(exist_ok=True)
        for name, data in files.items():
            (extract_to / name).write_bytes(data)
    return folder / zipped_as


ZIP_SAID = ("this is a zip archive holding 3 files (Table data.csv, Chart data.csv, Totals.csv), not an export: "
            "the workbook does not read inside archives")


def test_a_zip_in_a_folder_is_listed_with_what_it_holds_and_to_extract_it(tmp_path):
    from helpers.importers import expand_paths
    from helpers.sources import load_client

    copy_demo("harbour-books", tmp_path)
    youtube_download(tmp_path)
    workspace = explore.load_folder(tmp_path, client="h", timezone="Europe/London")
    files = workspace.files().set_index("file")
    assert files.loc["YouTube Content 2026.zip", "table"] == "skipped"
    note = files.loc["YouTube Content 2026.zip", "notes"]
    assert ZIP_SAID in note and "extract it" in note and "spreadsheet" not in note
    assert set(workspace.posts["platform"]) == {"facebook"}  # nothing read from inside the zip
    only = tmp_path / "only-the-zip"
    only.mkdir()
    youtube_download(only)  # downloaded, not extracted yet: said so, not "no export"
    with pytest.raises(WorkbookError, match=re.escape(
            "no post export was found: the files skipped (YouTube Content 2026.zip) include 1 zip archive "
            "(YouTube Content 2026.zip), whose files the workbook does not read inside the zip; extract them")):
        explore.load_folder(only, client="y", timezone="UTC")
    # a roster's pattern takes the zip too: an error saying what it holds, not a report without YouTube
    with pytest.raises(WorkbookError, match=re.escape(ZIP_SAID)):
        load_client(expand_paths(str(tmp_path / "*")), client="h", timezone="Europe/London")


def test_a_zip_whose_files_are_extracted_beside_it_is_passed_over_with_a_note(tmp_path):
    from helpers.importers import expand_paths
    from helpers.sources import load_client

    youtube_download(tmp_path, extract_to=tmp_path)  # extracted into the folder the zip is in
    loaded = load_client(expand_paths(str(tmp_path / "*")), client="y", timezone="UTC", skip_unknown=True)
    files = loaded.files().set_index("file")
    assert files.loc["YouTube Content 2026.zip", "notes"] == (
        "a zip archive already extracted into its folder: its 3 export files are read from there (Table data.csv, "
        "Chart data.csv, Totals.csv), not from inside the zip")
    assert files.loc["Table data.csv", "table"] == "posts" and len(loaded.posts) > 0
    assert files.loc["Chart data.csv", "table"] == "skipped"  # a breakdown, as when downloaded unzipped


def test_a_roster_pattern_passes_over_a_zip_extracted_beside_it_and_refuses_one_that_is_not(tmp_path):
    import zipfile

    from helpers.importers import expand_paths
    from helpers.i18n import use_language
    from helpers.sources import load_client

    copy_demo("harbour-books", tmp_path)  # one Business Suite export, extracted from the zip below
    (export,) = tmp_path.glob("*.csv")
    with zipfile.ZipFile(tmp_path / "meta-export.zip", "w") as archive:
        archive.write(export, export.name)
    loaded = load_client(expand_paths(str(tmp_path / "*")), client="h", timezone="Europe/London")
    assert len(loaded.posts) == 96  # Harbour Books' posts, read once
    assert loaded.files().set_index("file").loc["meta-export.zip", "table"] == "skipped"
    try:  # the table's name is in the active language, as the notes beside it are
        use_language("id")
        assert loaded.files().set_index("file")["table"].to_dict() == {export.name: "unggahan",
                                                                        "meta-export.zip": "dilewati"}
    finally:
        use_language("en")
    from helpers.describe import describe

    text, failures = describe(tmp_path, timezone="Europe/London")  # python -m helpers inspect FOLDER
    assert failures == 0 and "meta-export.zip\n  a zip archive already extracted into its folder: its 1 export file is read" in text
    # the extracted file edited since (or another download under its name): the zip's file is not read
    export.write_bytes(export.read_bytes() + b"\n")
    with pytest.raises(WorkbookError, match=r"zip archive holding 1 file \(" + re.escape(export.name)):
        load_client(expand_paths(str(tmp_path / "*")), client="h", timezone="Europe/London")


def test_a_folder_of_daily_files_only_names_what_was_skipped(tmp_path):
    (tmp_path / "Chart data.csv").write_text("Date,Geography,Views\n2024-01-01,US,5\n", encoding="utf-8")
    (tmp_path / "Totals.csv").write_text("Date,Views\n2024-01-01,5\n", encoding="utf-8")
    workspace = explore.load_folder(tmp_path, client="y", timezone="UTC")  # the daily series, and no post
    assert workspace.posts.empty
    assert workspace.files()["table"].tolist() == ["daily series", "skipped"]
    assert str(workspace.warnings()[0]).endswith("add YouTube Studio's Table data.csv grouped by Content to the folder")


def test_files_carry_each_files_import_notes(tmp_path):
    import shutil

    from tests.conftest import FIXTURES

    copy_demo("kopi-senja", tmp_path)
    shutil.copy(FIXTURES / "daily" / "follows_semicolon_resaved.csv", tmp_path / "Follows.csv")
    files = explore.load_folder(tmp_path, client="k", timezone="Asia/Jakarta").files().set_index("file")
    assert files.loc["Follows.csv", "table"] == "daily series" and files.loc["Follows.csv", "imported"] > 0
    assert list(files.columns) == ["table", "imported", "notes"]
    assert not files["notes"].str.startswith(tuple(files.index)).any()  # the file is not named twice


def test_select_posts_refuses_values_the_posts_do_not_hold(workspace):
    with pytest.raises(WorkbookError, match=r"platform 'Instagram' is not in these posts: did you mean 'instagram'\? "
                                            r"They hold 'facebook', 'instagram'"):
        explore.select_posts(workspace.posts, platform="Instagram")
    with pytest.raises(WorkbookError, match=r"format 'reels' is not in these posts: did you mean 'reel'\? They hold .*'reel'"):
        explore.select_posts(workspace.posts, format="reels")
    with pytest.raises(WorkbookError, match="start 2026-10-01 is after end 2026-09-30"):
        explore.select_posts(workspace.posts, start="2026-10-01", end="2026-09-30")
    one_day = explore.select_posts(workspace.posts, start="2026-09-30", end="2026-09-30")  # one day is fine
    assert len(one_day) == int((workspace.posts["published_at"].dt.strftime("%Y-%m-%d") == "2026-09-30").sum())
    # a format is looked for among the chosen platform's posts: Facebook has no carousel here
    assert "carousel" in set(workspace.posts["format"])
    with pytest.raises(WorkbookError, match="format 'carousel' is not in these posts"):
        explore.select_posts(workspace.posts, platform="facebook", format="carousel")
    with pytest.raises(WorkbookError, match="holds no posts"):
        explore.most_posted(workspace.posts.iloc[0:0])


def test_the_recipes_start_from_what_was_loaded(workspace):
    platform, format = explore.most_posted(workspace.posts)
    counts = workspace.posts["platform"].value_counts()
    assert counts[platform] == counts.max()
    start, end = explore.last_days(workspace.posts, 30)
    assert len(explore.select_posts(workspace.posts, platform=platform, format=format, start=start, end=end)) > 0
    assert explore.engagement_rate_of(workspace.posts, platform) == "engagement_rate_by_reach"


def test_platforms_without_reach_are_ranked_by_their_own_count():
    from helpers import compare
    from tests.conftest import real_export

    folder = real_export("youtube/OisinQueva")
    posts = explore.load_folder(folder, client="y", timezone="UTC").posts
    agreement = compare.rank_agreement_by_broadcast(posts)
    assert agreement.loc["youtube", "compared by"] == "video_views" and agreement.loc["youtube", "n"] == 102
    assert 0.8 < agreement.loc["youtube", "rho"] <= 1
    summary = metrics.channel_summary(posts).loc["youtube"]
    assert summary["video views"] == 97001 and summary["posts with video views"] == 102
    assert summary["ER by video views, Σ interactions ÷ Σ video views"] == pytest.approx(3562 / 97001)


def test_the_channel_summary_reads_as_counts_percentages_and_not_reported(workspace):
    view = explore.summary_view(workspace.posts)
    shown = view.to_html()
    table = metrics.channel_summary(workspace.posts)
    rate = table.loc["facebook", "ER by reach, Σ interactions ÷ Σ reach"]
    assert f"{rate:.2%}" in shown and f"{int(table.loc['facebook', 'interactions']):,}" in shown
    assert "not reported" in shown  # the demo exports carry no video views
    assert view.data.loc["posts", "facebook"] == table.loc["facebook", "posts"]  # the numbers stay numbers


def test_report_view_is_the_reports_analysis_of_the_loaded_posts(workspace):
    from helpers.report import build_report

    view = explore.report_view(workspace)  # the days the exports cover (July to October), every post loaded
    assert explore.span(workspace.posts) == ("2026-07-01", "2026-10-31")
    assert f"{len(workspace.posts)} posts" in view.findings()[0].text
    assert '<img src="data:image/png;base64,' in view.figure_html("reach_vs_interactions").data
    # one month, compared with the month before: the same findings as the consultant's report of it
    october = explore.report_view(workspace, "2026-10-01", "2026-10-31")
    report = build_report(client="kopi-senja", client_name="kopi-senja", exports=[DEMO_DIR / "kopi-senja" / "*.csv"],
                          timezone="Asia/Jakarta", period_start="2026-10-01", period_end="2026-10-31")
    assert len(october.posts) == len(explore.select_posts(workspace.posts, start="2026-10-01", end="2026-10-31"))
    assert [f.text for f in october.findings()] == [f.text for f in report.findings()]
    assert october.comparison_start == pd.Timestamp("2026-09-01", tz="Asia/Jakarta")


def test_a_month_dated_post_spans_its_whole_month():
    posts = pd.DataFrame({
        "published_at": pd.to_datetime(["2014-01-01 04:00", "2014-12-07 11:00"]).tz_localize("UTC"),
        "published_precision": pd.array(["month", "month"], dtype="string")})
    assert explore.span(posts) == ("2014-01-01", "2014-12-31")
    exact = posts.assign(published_precision=pd.array(["minute", "minute"], dtype="string"))
    assert explore.span(exact) == ("2014-01-01", "2014-12-07")
    with pytest.raises(WorkbookError):
        explore.span(posts.iloc[:0])


def test_an_unreadable_file_or_a_lone_spreadsheet_copy_in_a_folder_is_skipped_listed_and_warned_about(
        tmp_path, monkeypatch):
    """A file the system will not open (another user's, chmod 000), an Excel workbook saved under a .csv name
    or an empty file (a download interrupted) is skipped in a folder, with why; since the posts it should hold
    are then missing, the workspace's warnings name it. Given alone, it is still an error."""
    from pathlib import Path

    from helpers.errors import FileUnreadable

    copy_demo("kopi-senja", tmp_path)
    exports = sorted(tmp_path.glob("*.csv"))
    locked = exports[0]
    pd.read_csv(exports[1], dtype=str).to_excel(tmp_path / "copy.csv", index=False)  # an xlsx named .csv
    (tmp_path / "empty.csv").write_bytes(b"")
    opened = Path.open

    def guarded(self, *args, **kwargs):  # tests may run as root, whom permissions do not stop
        if self.name == locked.name:
            raise PermissionError(13, "Permission denied", str(self))
        return opened(self, *args, **kwargs)
    monkeypatch.setattr(Path, "open", guarded)
    workspace = explore.load_folder(tmp_path, client="k", timezone="Asia/Jakarta")
    files = workspace.files().set_index("file")
    assert files.loc[locked.name, "table"] == "skipped"
    assert "the file cannot be opened: permission denied" in files.loc[locked.name, "notes"]
    assert files.loc["copy.csv", "table"] == "skipped"
    assert "this is a spreadsheet (xlsx) holding a Meta Business Suite post export" in files.loc["copy.csv", "notes"]
    assert files.loc["empty.csv", "table"] == "skipped"
    lead = ": skipped, not read, so any posts it holds are missing from every figure: "
    assert [str(m) for m in workspace.warnings() if "skipped, not read" in str(m)] == [  # each with what to do
        f"{locked.name}{lead}the file cannot be opened: permission denied. What to do: make the file readable for"
        " you (its permissions), or copy it into a folder of yours",
        f"copy.csv{lead}this is a spreadsheet (xlsx) holding a Meta Business Suite post export (Facebook Page or"
        " Instagram account), which is downloaded as a CSV file and read as one. What to do: use the CSV file as"
        " downloaded; if this copy is all you have, save it as CSV (UTF-8) from the spreadsheet program, and check"
        " that the post ids kept all their digits (a spreadsheet keeps 15 digits of a long number at most)",
        f"empty.csv{lead}the file is empty. What to do: download the export again; the download may have been"
        " interrupted"]
    with pytest.raises(FileUnreadable, match="the file cannot be opened: permission denied"):
        explore.load_folder(locked, client="k", timezone="Asia/Jakarta")


def test_report_view_checks_its_periods_like_the_report(workspace):
    with pytest.raises(WorkbookError, match="the comparison period \\(2026-09-20 to 2026-10-10\\) must end before"):
        explore.report_view(workspace, "2026-10-01", "2026-10-31", comparison_start="2026-09-20",
                            comparison_end="2026-10-10")
    with pytest.raises(WorkbookError, match="top_n is 'ten'"):
        explore.report_view(workspace, top_n="ten")


def test_notes_name_files_of_one_name_as_files_does(tmp_path):
    """Two channels' YouTube downloads, each a 'Table data.csv' in its folder: every note says which."""
    import shutil

    from tests.conftest import FIXTURES

    for channel in ("bakery", "cafe"):
        (tmp_path / channel).mkdir()
        shutil.copy(FIXTURES / "youtube" / "videos_and_shorts.csv", tmp_path / channel / "Table data.csv")
    workspace = explore.load_folder(tmp_path, timezone="UTC")
    labels = ["bakery/Table data.csv", "cafe/Table data.csv"]
    assert workspace.files()["file"].tolist() == labels
    assert workspace.imported.summary()["file"].tolist() == labels
    warnings, drops = [str(m) for m in workspace.warnings()], [str(m) for m in workspace.imported.drops()]
    # thumbnails, the Total row's sum, the live stream's blank likes, comments and shares, and its blank unique
    # viewers (reach); Total and a blank date
    assert len(warnings) == 8 and len(drops) == 4
    assert [m.split(": ")[0] for m in warnings] == [labels[0]] * 4 + [labels[1]] * 4
    assert [m.split(": ")[0] for m in drops] == [labels[0], labels[0], labels[1], labels[1]]
    assert drops[0] == "bakery/Table data.csv: 1 row not imported: 'Total' row (the channel total, not a video)"


def test_warnings_and_drops_are_shown_in_the_language_in_use(tmp_path):
    """A notebook shows workspace.warnings() by its repr: after use_language('id') it reads Indonesian, as
    files() does; the items stay Messages."""
    import shutil

    from IPython.lib.pretty import pretty

    from helpers.i18n import Message, use_language
    from tests.conftest import FIXTURES

    shutil.copy(FIXTURES / "meta" / "header-only.csv", tmp_path / "header_only.csv")
    shutil.copy(FIXTURES / "youtube" / "videos_and_shorts.csv", tmp_path / "Table data.csv")
    workspace = explore.load_folder(tmp_path, timezone="UTC")
    english = "header_only.csv: the file holds a header and no posts (a period without posts exports this way)"
    indonesian = ("header_only.csv: berkas ini hanya berisi tajuk tanpa unggahan (periode tanpa unggahan diekspor "
                  "seperti ini)")
    try:
        use_language("id")
        warnings, drops = workspace.warnings(), workspace.imported.drops()
        assert indonesian in repr(warnings) and indonesian in pretty(warnings) and english not in repr(warnings)
        assert "'Total' row" not in repr(drops) and "Table data.csv: 1 baris" in repr(drops)
        assert all(isinstance(note, Message) for note in warnings)
        use_language("en")
        assert english in repr(warnings)
    finally:
        use_language("en")


def test_a_numbers_document_is_named_as_one_with_how_to_export_its_csv(tmp_path):
    """A Numbers document is a zip holding Index/Document.iwa: unzipping it gives no CSV, so it is not called
    an archive to extract; in a folder it is listed as skipped with why, not left out without a word."""
    import zipfile

    from helpers.errors import ExportFormatError
    from helpers.importers import import_exports

    copy_demo("kopi-senja", tmp_path)
    with zipfile.ZipFile(tmp_path / "posts.numbers", "w") as document:
        document.writestr("Index/Document.iwa", b"\x00\x01")
    with pytest.raises(ExportFormatError) as info:
        import_exports(tmp_path / "posts.numbers")
    assert "this is a Numbers document, not an export" in str(info.value)
    assert "File › Export To › CSV" in str(info.value) and "extract" not in str(info.value)
    files = explore.load_folder(tmp_path, client="k", timezone="Asia/Jakarta").files().set_index("file")
    assert files.loc["posts.numbers", "table"] == "skipped"
    assert "this is a Numbers document" in files.loc["posts.numbers", "notes"]


def test_a_pdf_or_a_screenshot_beside_the_exports_is_listed_as_skipped_with_what_it_is(tmp_path):
    """A PDF report of the platform, a Word brief, slides or a screenshot kept in the export folder is listed
    in files() as skipped, with what it is and to download the export instead, by a folder and by a pattern;
    its posts are not missing (it holds none the workbook could read), so no warning. A roster's pattern still
    leaves it out, as before, and a folder of documents only says why each was passed over."""
    import zipfile

    from helpers.i18n import use_language
    from helpers.importers import expand_paths
    from helpers.sources import load_client

    copy_demo("kopi-senja", tmp_path)
    demo = explore.load_folder(tmp_path, client="k", timezone="Asia/Jakarta")
    (tmp_path / "report.pdf").write_bytes(b"%PDF-1.4 the platform's monthly report")
    (tmp_path / "shot.PNG").write_bytes(b"\x89PNG\r\n\x1a\n")
    with zipfile.ZipFile(tmp_path / "brief.docx", "w") as brief:  # a Word file is a zip: not called an archive
        brief.writestr("word/document.xml", "<w:document/>")
    (tmp_path / "october").mkdir()
    (tmp_path / "october" / "deck.pptx").write_bytes(b"PK\x03\x04")
    (tmp_path / ".hidden.pdf").write_bytes(b"%PDF-1.4")
    tail = ", not an export: download the platform's CSV or Excel export instead"
    expected = {"brief.docx": "a Word document" + tail, "deck.pptx": "a PowerPoint presentation" + tail,
                "report.pdf": "a PDF document" + tail, "shot.PNG": "a picture (a screenshot?)" + tail}
    workspace = explore.load_folder(tmp_path, client="k", timezone="Asia/Jakarta")
    files = workspace.files()
    skipped = files[files["table"] == "skipped"].set_index("file")
    assert skipped["notes"].to_dict() == expected
    assert skipped.loc["report.pdf", "imported"] == 0
    assert len(workspace.posts) == len(demo.posts)
    assert [str(m) for m in workspace.warnings()] == [str(m) for m in demo.warnings()]  # no "skipped, not read"

    by_pattern = explore.load_folder(tmp_path / "*", client="k", timezone="Asia/Jakarta").files().set_index("file")
    assert by_pattern.loc["report.pdf", "table"] == "skipped" and "deck.pptx" not in by_pattern.index

    roster = load_client(expand_paths(str(tmp_path / "*")), client="k", timezone="Asia/Jakarta")  # as a report does
    assert "report.pdf" not in set(roster.files()["file"]) and len(roster.posts) == len(demo.posts)

    try:
        use_language("id")
        indonesian = explore.load_folder(tmp_path, client="k", timezone="Asia/Jakarta").files().set_index("file")
    finally:
        use_language("en")
    assert indonesian.loc["report.pdf", "notes"] == ("dokumen PDF, bukan ekspor: unduh ekspor CSV atau Excel dari"
                                                     " platform sebagai gantinya")

    only = tmp_path / "documents"
    only.mkdir()
    (only / "report.pdf").write_bytes(b"%PDF-1.4")
    with zipfile.ZipFile(only / "brief.docx", "w") as brief:
        brief.writestr("word/document.xml", "<w:document/>")
    with pytest.raises(WorkbookError) as info:
        explore.load_folder(only)
    assert "none of the files could be read as an export (brief.docx, report.pdf)" in str(info.value)
    assert f"- file {only / 'report.pdf'}: a PDF document" + tail in str(info.value)
    assert "extract" not in str(info.value)


HARBOUR = DEMO_DIR / "harbour-books" / "Jul-01-2026_Oct-31-2026_100088245511032.csv"


@pytest.fixture()
def acme_folder(tmp_path):
    """A client's folder as data/raw/<client>/ lays it out: data/raw/acme/, one export in it."""
    folder = tmp_path / "data" / "raw" / "acme"
    folder.mkdir(parents=True)
    (folder / HARBOUR.name).write_bytes(HARBOUR.read_bytes())
    return folder


@pytest.mark.parametrize("given", ["{folder}", "{folder}/", "{folder}/*.csv", "{folder}/**/*.csv",
                                   "{folder}/" + HARBOUR.name])
@pytest.mark.parametrize("client", [None, "", "  "])
def test_a_client_left_out_is_named_after_the_folder_given(acme_folder, given, client):
    """The notebook's `client = ""` (or no client at all): the posts, the report view and the table the
    notebook saves are the folder's client, never a name of its own ("client") or the demo's."""
    options = {} if client is None else {"client": client}
    workspace = explore.load_folder(given.format(folder=acme_folder), timezone="Europe/London", **options)
    assert workspace.client == "acme"
    assert set(workspace.posts["client"]) == {"acme"}
    view = explore.report_view(workspace)
    assert (view.client, view.client_name) == ("acme", "acme")


def test_the_client_of_a_folder_is_the_folder_named_before_any_wildcard():
    assert explore.client_of("data/raw/acme/*.csv") == "acme"
    assert explore.client_of("data/raw/acme/insta*/posts.csv") == "acme"
    assert explore.client_of("data/raw/acme/../kopi/**/*.csv") == "kopi"
    assert explore.client_of(DEMO_DIR / "kopi-senja") == "kopi-senja"
    assert explore.client_of(HARBOUR) == "harbour-books"  # one export file: the folder it is in


def test_two_folders_of_one_name_are_told_apart_by_their_parents(tmp_path, monkeypatch):
    """facebook/business-suite-posts and instagram/business-suite-posts, as the platforms' downloads are kept:
    each folder's client (and so its saved <client>-kpis.csv) takes its parent's name in front, joined by '-',
    so that the second run's table does not replace the first's (no TableReplaced warning); a folder no folder
    beside its parent shares a name with keeps its own name, and one under data/raw/ its client's."""
    import warnings

    for platform in ("facebook", "instagram"):
        (tmp_path / platform / "business-suite-posts").mkdir(parents=True)
        (tmp_path / platform / "business-suite-posts" / HARBOUR.name).write_bytes(HARBOUR.read_bytes())
    (tmp_path / "x" / "content-2025-02").mkdir(parents=True)
    facebook, instagram = (tmp_path / platform / "business-suite-posts" for platform in ("facebook", "instagram"))
    assert explore.client_of(facebook) == "facebook-business-suite-posts"
    assert explore.client_of(f"{instagram}/*.csv") == "instagram-business-suite-posts"
    assert explore.client_of(instagram / HARBOUR.name) == "instagram-business-suite-posts"  # one file: its folder
    assert explore.client_of(tmp_path / "x" / "content-2025-02") == "content-2025-02"
    assert explore.client_of(DEMO_DIR / "kopi-senja") == "kopi-senja"  # beside data/demo/harbour-books, a client's
    monkeypatch.setenv(explore.DERIVED_DIR_VARIABLE, str(tmp_path / "derived"))
    saved = []
    with warnings.catch_warnings():
        warnings.simplefilter("error", explore.TableReplaced)
        for folder in (facebook, instagram):
            workspace = explore.load_folder(folder, timezone="Europe/London")
            saved.append(explore.save_table(metrics.kpis(workspace.posts), f"{workspace.client}-kpis.csv").name)
    assert saved == ["facebook-business-suite-posts-kpis.csv", "instagram-business-suite-posts-kpis.csv"]


def test_a_pattern_whose_folder_holds_clients_names_the_client_by_its_file_name_or_not_at_all():
    """A wildcard where the client's folder would be ('data/raw/*/posts.csv'), or no folder at all ('*.csv'),
    names no client: not 'raw', 'demo' or the project folder's name (save_table would write main-kpis.csv),
    but the file name's stem without its wildcards, or "client" when nothing is left of it."""
    assert explore.client_of("data/raw/*/posts.csv") == "posts"
    assert explore.client_of("data/raw/acme_*.csv") == "acme"
    assert explore.client_of("data/demo/*/*.csv") == "client"
    assert explore.client_of("*.csv") == "client"
    assert explore.client_of("../*.csv") == "client"  # above the project folder: no client's either
    assert explore.client_of("data/raw") == "client"
    assert explore.client_of("data/raw/**/*.csv") == "client"


def test_the_report_view_follows_the_language_in_use_and_keeps_it(workspace):
    """Kopi Senja's 264 posts (118 on Facebook, 146 on Instagram): after use_language("id") the report view
    is Indonesian without language=, and the explorer's later tables stay Indonesian (the report, in English,
    made English the language in use)."""
    from helpers.i18n import active_language, use_language

    try:
        use_language("id")
        view = explore.report_view(workspace)
        assert [finding.text for finding in view.findings()][0] == (
            "Laporan ini mencakup 264 unggahan: Facebook (118) dan Instagram (146).")
        assert active_language() == "id"
        assert explore.report_view(workspace, language="en").findings()[0].text.startswith("This report covers")
    finally:
        use_language("en")
