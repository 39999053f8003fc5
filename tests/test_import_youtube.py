"""YouTube Studio Content export (`Table data.csv`): real exports and hand-made fixtures."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from conftest import FIXTURES, detected_family, real_export
from helpers.errors import ExportFormatError
from helpers.i18n import Translator
from helpers.importers import detect_family, import_exports
from helpers.importers.youtube_studio import FAMILY, read_youtube_studio

HERE = FIXTURES / "youtube"

# Reference figures computed with the csv module (rows other than `Total` with a publish time).
REAL = {
    # folder: (videos imported, dropped blank publish time, views, watch hours, net subscribers, impressions)
    "OisinQueva": (102, 0, 97001, 375.6544, 214, 17946),
    "areikher": (68, 3, 46307, 226.348, 58, 36711),
    "buildwithadi": (24, 0, 61503, 1383.0207, 316, 841342),
}


@pytest.mark.parametrize("folder", sorted(REAL))
def test_real_exports_import_with_checked_totals(folder):
    path = real_export(f"youtube/{folder}/Table data.csv")
    assert detect_family(path).name == FAMILY.name
    n, undated, views, hours, subscribers, impressions = REAL[folder]
    result = import_exports(path, timezone="Europe/Paris")
    posts, report = result.posts, result.reports[0]
    assert len(posts) == n
    assert report.dropped.get("'Total' row (the channel total, not a video)") == 1
    assert sum(v for k, v in report.dropped.items() if "Video publish time" in k) == undated
    assert posts["video_views"].sum() == views
    assert posts["watch_time_seconds"].sum() == pytest.approx(hours * 3600)
    assert posts["follows_gained"].sum() == subscribers
    assert posts["impressions"].sum() == impressions
    assert (posts["impressions_kind"] == "thumbnail_impressions").all()  # times a thumbnail was shown
    assert (posts["published_precision"] == "day").all()
    assert (posts["platform"] == "youtube").all()
    assert posts["post_id"].str.fullmatch(r"[A-Za-z0-9_-]{11}").all()  # ids kept as text, spaces stripped
    assert (posts["published_at"].dt.hour == 0).all()
    assert not _apart_notes(result)  # the file's watch time, views, average view duration and Duration agree


def test_real_ids_with_leading_dash_lose_the_space():
    posts = import_exports(real_export("youtube/areikher/Table data.csv")).posts
    assert "-JTnUJTN2aI" in set(posts["post_id"])
    row = posts.set_index("post_id").loc["-JTnUJTN2aI"]
    assert row["permalink"] == "https://www.youtube.com/watch?v=-JTnUJTN2aI"


def test_real_negative_subscribers_and_blank_metrics():
    posts = import_exports(real_export("youtube/buildwithadi/Table data.csv")).posts
    assert sorted(posts.loc[posts["follows_gained"] < 0, "follows_gained"].tolist()) == [-3, -1]
    assert posts["reactions"].isna().all()  # this export has no Likes column: NA, not 0
    other = import_exports(real_export("youtube/areikher/Table data.csv")).posts
    assert other["reach"].isna().all()  # 'Unique viewers' is blank on every video row
    assert other["comments"].isna().all()


def test_real_shorts_export_marks_shorts():
    posts = import_exports(real_export("youtube/OisinQueva/Table data.csv")).posts
    assert (posts["format"] == "short").all()
    assert posts["reactions"].sum() == 3562


def test_real_geography_table_is_not_a_post_export():
    path = real_export("youtube/CodingTrain_Happy-New-Year-2022/Table data.csv")
    with pytest.raises(ExportFormatError, match="this is a YouTube Studio table grouped by 'Geography', not by video"):
        detect_family(path)  # named as what it is, not as a file with no known column
    with pytest.raises(ExportFormatError, match="grouped by 'Geography', not by video"):
        import_exports(path, family=FAMILY.name)


@pytest.mark.parametrize("name", ["Chart data.csv", "Totals.csv"])
def test_real_channel_level_files_do_not_match(name):
    path = real_export(f"youtube/CodingTrain_Happy-New-Year-2022/{name}")
    family = detected_family(path)
    assert family != FAMILY.name


def test_fixture_content_type_ids_and_drops():
    path = HERE / "videos_and_shorts.csv"
    assert detect_family(path).name == FAMILY.name
    result = import_exports(path, timezone="America/Toronto")
    posts = result.posts.set_index("post_id")
    report = result.reports[0]
    assert list(posts.index) == ["q8R7s6T5u4V", "a1B2c3D4e5F", "-x9Y8w7V6u5"]  # sorted by date
    assert report.rows_in_file == 5 and report.rows_imported == 3
    assert sum(report.dropped.values()) == 2
    assert posts.loc["a1B2c3D4e5F", "format"] == "video"
    assert posts.loc["-x9Y8w7V6u5", "format"] == "short"
    assert posts.loc["q8R7s6T5u4V", "format"] == "live"
    assert posts.loc["-x9Y8w7V6u5", "follows_gained"] == -2
    assert posts.loc["a1B2c3D4e5F", "comments"] == 25
    assert pd.isna(posts.loc["q8R7s6T5u4V", "reactions"])  # blank Likes is NA
    assert pd.isna(posts.loc["q8R7s6T5u4V", "reach"])
    assert posts.loc["-x9Y8w7V6u5", "reach"] == 1000
    assert posts.loc["a1B2c3D4e5F", "watch_time_seconds"] == pytest.approx(95.25 * 3600)
    assert posts.loc["a1B2c3D4e5F", "text"] == "How we bake bread, part 1"
    assert posts.loc["a1B2c3D4e5F", "published_at"] == pd.Timestamp("2025-03-15", tz="America/Toronto")
    assert posts.loc["a1B2c3D4e5F", "source_row"] == 3
    assert posts["shares"].sum() == 12
    assert any("thumbnail impressions" in w for w in report.warnings)


def test_fixture_watch_time_from_average_duration():
    result = read_youtube_studio(HERE / "no_watch_time.csv")
    posts = result.posts.set_index("post_id")
    assert posts.loc["b2C3d4E5f6G", "watch_time_seconds"] == 100 * 150
    assert posts.loc["c3D4e5F6g7H", "watch_time_seconds"] == 50 * 3600
    assert any("average view duration" in w for w in result.report.warnings)


def test_bad_date_names_row_and_column():
    with pytest.raises(ExportFormatError) as err:
        read_youtube_studio(HERE / "bad_date.csv")
    assert err.value.row == 4 and err.value.column == "Video publish time"
    assert "15/01/2024" in str(err.value)


def test_bad_number_names_row_and_column():
    with pytest.raises(ExportFormatError) as err:
        read_youtube_studio(HERE / "bad_number.csv")
    assert err.value.row == 4 and err.value.column == "Likes"


def test_bad_duration_names_row_and_column():
    with pytest.raises(ExportFormatError) as err:
        read_youtube_studio(HERE / "bad_duration.csv")
    assert err.value.row == 3 and err.value.column == "Average view duration"


def test_fixture_geography_table_is_refused():
    path = HERE / "geography.csv"
    with pytest.raises(ExportFormatError, match="grouped by 'Geography', not by video") as info:
        detect_family(path)
    assert "export the table grouped by Content" in str(info.value)
    with pytest.raises(ExportFormatError, match="no per-video rows"):
        read_youtube_studio(path)


def test_missing_publish_time_column(write_file):
    path = write_file("Table data.csv", "Content,Video title,Views\nTotal,,5\nb2C3d4E5f6G,First,5\n")
    with pytest.raises(ExportFormatError, match="'Video publish time' column is missing"):
        read_youtube_studio(path)


def test_no_other_real_export_matches():
    """Only the per-video `Table data.csv` files are YouTube post exports; no other real file is."""
    from conftest import REAL_EXPORTS
    if not REAL_EXPORTS.is_dir():
        pytest.skip(f"real exports folder {REAL_EXPORTS} is absent")
    for path in REAL_EXPORTS.rglob("*"):
        if not path.is_file() or path.suffix not in (".csv", ".xlsx", ".txt"):
            continue
        if path.name == "Table data.csv" and path.parent.name in REAL:
            continue
        family = detected_family(path)
        assert family != FAMILY.name, path


def test_a_chart_by_day_is_not_read_as_one_row_per_video(tmp_path):
    """Chart data.csv of a Studio download: the same videos day by day. Read as posts, one day's views would
    stand for each video's lifetime."""
    from helpers.errors import ExportFormatError
    from helpers.importers import detect_family

    chart = tmp_path / "Chart data.csv"
    chart.write_text("Date,Content,Video title,Video publish time,Duration,Views\n"
                     "2025-05-01,KOQlhJkbyL8,A video,\"Apr 30, 2025\",61,120\n"
                     "2025-05-02,KOQlhJkbyL8,A video,\"Apr 30, 2025\",61,9\n", encoding="utf-8")
    with pytest.raises(ExportFormatError) as err:
        detect_family(chart)
    assert "'date' column makes it a breakdown" in str(err.value) and "Table data.csv" in str(err.value)


# ---- copies re-saved by a spreadsheet in a decimal-comma language (Indonesian, most of Europe) ----

def test_a_semicolon_copy_reads_commas_as_decimals_and_dots_as_thousands():
    """Excel in such a language saves CSV with ';' between cells, ',' as the decimal mark and '.' between
    thousands: 6,105 watch hours are 6.105 hours (not 6105), 1.500 views 1500 views."""
    result = import_exports(HERE / "resaved_semicolon.csv", timezone="Asia/Jakarta")
    posts = result.posts.set_index("post_id")
    assert posts.loc["a1B2c3D4e5F", "video_views"] == 1500
    assert posts.loc["b2C3d4E5f6G", "video_views"] == 1050
    assert posts.loc["a1B2c3D4e5F", "watch_time_seconds"] == pytest.approx(6.105 * 3600)  # 21978 s
    assert posts.loc["b2C3d4E5f6G", "watch_time_seconds"] == pytest.approx(1.721 * 3600)  # 6195.6 s
    assert posts.loc["a1B2c3D4e5F", "impressions"] == 80000
    assert posts.loc["a1B2c3D4e5F", "text"] == "How we bake bread, part 1"
    # the Total row's 2.550 views are the 1500 + 1050 listed: no mismatch is reported
    assert not any("Total row" in w for w in result.reports[0].warnings)


def test_one_cell_that_can_only_be_a_decimal_comma_decides_its_column():
    """A tab-separated copy does not tell its decimal mark, but '1321,678' can only be 1321.678 hours (no
    thousands group has four digits): the column's '6,105' is then 6.105 hours too, not 6105."""
    posts = import_exports(HERE / "resaved_tab_decimal_comma.csv").posts.set_index("post_id")
    assert posts.loc["a1B2c3D4e5F", "watch_time_seconds"] == pytest.approx(6.105 * 3600)  # 21978 s
    assert posts.loc["b2C3d4E5f6G", "watch_time_seconds"] == pytest.approx(1321.678 * 3600)  # 4758040.8 s
    assert posts.loc["a1B2c3D4e5F", "video_views"] == 1500


def test_a_decimal_comma_the_file_cannot_tell_from_a_thousands_separator_is_refused(tmp_path):
    """Without '1321,678' nothing in the tab-separated copy tells whether '6,105' hours is 6.105 or 6105:
    refused, naming the row and what to do, in either language, rather than read 1000 times too big."""
    text = (HERE / "resaved_tab_decimal_comma.csv").read_text(encoding="utf-8")
    path = tmp_path / "Table data.csv"
    path.write_text(text.replace("1321,678", "1,321").replace("1327,783", "7,426"), encoding="utf-8")
    with pytest.raises(ExportFormatError) as info:
        import_exports(path)
    error = info.value
    assert (error.row, error.column) == (3, "Watch time (hours)")
    assert str(error).startswith(
        f"file {path}, row 3, column 'Watch time (hours)': 2 cells read 1000 times larger with ',' as a thousands"
        " separator than with ',' as the decimal mark (first: '6,105'), and neither the column nor the rest of"
        " the file tells which is meant")
    assert "save it again as CSV with ';' as the separator" in str(error)
    indonesian = error.in_language(Translator("id"))
    assert indonesian.startswith(
        f"berkas {path}, baris 3, kolom 'Watch time (hours)': 2 sel terbaca 1000 kali lebih besar bila ','"
        " pemisah ribuan daripada bila ',' pemisah desimal (yang pertama: '6,105')")
    assert "simpan ulang sebagai CSV dengan ';' sebagai pemisah kolom" in indonesian


def test_watch_hours_with_three_decimals_in_a_download_are_hours():
    """YouTube drops trailing zeros, so 6.105 hours (6.1050) has exactly three decimals, like a number with a
    thousands dot. A ','-separated file cannot hold a decimal comma unquoted and platforms write '.': it has
    '.' as its decimal mark, and 6.105 hours are 6.105 h (21978 s), not refused or read as 6105 h."""
    result = import_exports(HERE / "three_decimal_hours.csv")
    posts = result.posts.set_index("post_id")
    assert posts.loc["a1B2c3D4e5F", "watch_time_seconds"] == pytest.approx(6.105 * 3600)  # 21978 s
    assert posts.loc["b2C3d4E5f6G", "watch_time_seconds"] == pytest.approx(1.041 * 3600)  # 3747.6 s
    assert posts["video_views"].tolist() == [1500, 2]
    assert not any("Total row" in w for w in result.reports[0].warnings)


def tab_copy(tmp_path, rows: list[str]) -> Path:
    path = tmp_path / "Table data.csv"
    path.write_text("".join("\t".join(row.split("|")) + "\n" for row in rows), encoding="utf-8")
    return path


@pytest.mark.parametrize("ctr, hours", [("4.53", 6.105), ("4,53", 6.105)])
def test_a_tab_separated_copy_takes_its_decimal_mark_from_any_column(tmp_path, ctr, hours):
    """A tab-separated copy does not tell its decimal mark by its form, and its watch hours '6.105' (or
    '6,105') read either way; a click-through rate '4.53' (or '4,53') in another column tells the file's."""
    mark = ctr[1]
    path = tab_copy(tmp_path, [
        "Content|Video title|Video publish time|Views|Watch time (hours)|Impressions click-through rate (%)",
        f"Total|||1502|7{mark}146|4{mark}5",
        f"a1B2c3D4e5F|How we bake bread|Mar 15, 2025|1500|6{mark}105|{ctr}",
        f"b2C3d4E5f6G|Crumb shot|Apr 2, 2025|2|1{mark}041|",
    ])
    posts = import_exports(path).posts.set_index("post_id")
    assert posts.loc["a1B2c3D4e5F", "watch_time_seconds"] == pytest.approx(hours * 3600)  # 21978 s
    assert posts.loc["b2C3d4E5f6G", "watch_time_seconds"] == pytest.approx(1.041 * 3600)


def test_the_total_row_is_read_with_the_decimal_mark_of_its_column(tmp_path):
    """Views '1.500' and '1.002' can only be 1500 and 1002 views (a count is whole), so the Total '2.502' is
    2502 views too, the sum of the videos: no mismatch is reported."""
    path = tab_copy(tmp_path, [
        "Content|Video title|Video publish time|Views|Likes",
        "Total|||2.502|101",
        "a1B2c3D4e5F|How we bake bread|Mar 15, 2025|1.500|100",
        "b2C3d4E5f6G|Crumb shot|Apr 2, 2025|1.002|1",
    ])
    result = import_exports(path)
    assert result.posts["video_views"].tolist() == [1500, 1002]
    assert not any("Total row" in Translator("en").message(w) for w in result.reports[0].warnings)
    path.write_text(path.read_text(encoding="utf-8").replace("2.502", "2.503"), encoding="utf-8")
    warnings = [Translator("en").message(w) for w in import_exports(path).reports[0].warnings]
    assert any("Total row counts 2,503 views; the 2 imported videos sum to 2,502 views" in w for w in warnings), \
        warnings


def separated_copy(tmp_path, rows: list[str], delimiter: str) -> Path:
    import csv

    path = tmp_path / "Table data.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, delimiter=delimiter, lineterminator="\n").writerows(row.split("|") for row in rows)
    return path


HOURS_ROWS = [
    "Content|Video title|Video publish time|Views|Watch time (hours)|Impressions click-through rate (%)",
    "a1B2c3D4e5F|How we bake bread|Mar 15, 2025|1500|6{m}105|{ctr}",
    "b2C3d4E5f6G|Crumb shot|Apr 2, 2025|2|1{m}041|",
]


@pytest.mark.parametrize("delimiter, mark", [(",", ","), (";", ".")])
def test_hours_written_with_the_other_conventions_mark_are_refused_when_nothing_tells(tmp_path, delimiter, mark):
    """'6,105' hours in a ','-separated copy (a spreadsheet in a decimal-comma language quotes it) read 6105
    hours with the separator's '.' convention, 6.105 with ','; '6.105' in a ';'-separated copy the same way
    round. Nothing else in the file tells which: refused, with the row, the column and what to do."""
    path = separated_copy(tmp_path, [row.format(m=mark, ctr="") for row in HOURS_ROWS], delimiter)
    with pytest.raises(ExportFormatError) as err:
        import_exports(path)
    assert err.value.row == 2 and err.value.column == "Watch time (hours)"
    assert f"2 cells read 1000 times larger with '{mark}' as a thousands separator" in str(err.value)
    assert f"'{delimiter}'-separated file" in str(err.value)


@pytest.mark.parametrize("delimiter, mark", [(",", ","), (";", ".")])
def test_another_column_tells_the_mark_of_hours_written_with_the_other_convention(tmp_path, delimiter, mark):
    """A click-through rate '4,53' (or '4.53') reads only one way and shows the file's mark: 6.105 hours."""
    path = separated_copy(tmp_path, [row.format(m=mark, ctr=f"4{mark}53") for row in HOURS_ROWS], delimiter)
    posts = import_exports(path).posts.set_index("post_id")
    assert posts.loc["a1B2c3D4e5F", "watch_time_seconds"] == pytest.approx(6.105 * 3600)  # 21978 s
    assert posts.loc["b2C3d4E5f6G", "watch_time_seconds"] == pytest.approx(1.041 * 3600)  # 3747.6 s


@pytest.mark.parametrize("delimiter, mark", [(",", "."), (";", ",")])
def test_hours_written_with_the_separators_own_mark_still_read(tmp_path, delimiter, mark):
    path = separated_copy(tmp_path, [row.format(m=mark, ctr="") for row in HOURS_ROWS], delimiter)
    posts = import_exports(path).posts.set_index("post_id")
    assert posts.loc["a1B2c3D4e5F", "watch_time_seconds"] == pytest.approx(6.105 * 3600)


CHANNELS = HERE / "channels"  # two downloads of a bakery's channel (sharing a video) and one of a garage's


def channel_notes(result) -> list:
    """The warnings saying that YouTube tables read together share no video, as (file, note) pairs."""
    return [(w.values["file"], w.values["note"]) for w in result.warnings()
            if w.values["note"].key.startswith("imports.youtube_studio.channels_apart")]


def test_tables_sharing_no_video_are_said_to_be_perhaps_different_channels():
    result = import_exports([CHANNELS / "bakery-march" / "Table data.csv", CHANNELS / "garage" / "Table data.csv"])
    ((file, note),) = channel_notes(result)  # once, on one of the files
    assert file == "bakery-march/Table data.csv"
    assert note.startswith("these 2 YouTube exports share no video (bakery-march/Table data.csv, "
                           "garage/Table data.csv), so they may be different channels")
    assert "every YouTube figure pools them as one channel's" in note and "explore.load_folder" in note
    said = note.in_language(Translator("id"))
    assert said.startswith("2 ekspor YouTube ini tidak memiliki satu video pun yang sama (bakery-march/Table "
                           "data.csv, garage/Table data.csv)") and "kanal" in said
    # the posts are read as before: 2 + 1 videos, 100 + 50 + 40 views, no account
    assert len(result.posts) == 3 and int(result.posts["video_views"].sum()) == 190
    assert result.posts["account"].isna().all()


def test_the_client_report_says_so_without_an_analysts_instruction():
    from helpers.report import build_report

    report = build_report(client="a", client_name="A", timezone="UTC", period_start="2025-03-01",
                          period_end="2025-03-31", language="en",
                          exports=[str(CHANNELS / "bakery-march" / "Table data.csv"),
                                   str(CHANNELS / "garage" / "Table data.csv")])
    (note,) = [n for n in report.coverage_notes() if "no video in common" in n]
    assert note == ("Import note: bakery-march/Table data.csv: these 2 YouTube exports have no video in common "
                    "(bakery-march/Table data.csv, garage/Table data.csv), which can happen when they come from "
                    "different channels: YouTube's exports do not name their channel. Every YouTube figure in this "
                    "report counts them together, so if they are from different channels, those figures combine "
                    "them.")


def test_tables_sharing_a_video_are_one_channel_and_get_no_such_note():
    result = import_exports([CHANNELS / "bakery-march" / "Table data.csv",
                             CHANNELS / "bakery-april" / "Table data.csv"])
    assert channel_notes(result) == []
    # the video in both is read once, from one of the files: 3 videos
    assert sorted(result.posts["post_id"]) == ["bAk3ry0001a", "bAk3ry0002b", "bAk3ry0003c"]
    one = import_exports([CHANNELS / "garage" / "Table data.csv"])  # one table: nothing to compare
    assert channel_notes(one) == []


def test_tables_joined_through_a_shared_video_form_one_set():
    result = import_exports(sorted(CHANNELS.glob("*/Table data.csv")))
    ((_, note),) = channel_notes(result)
    assert note.key == "imports.youtube_studio.channels_apart_sets"
    assert note.startswith("these YouTube exports fall into 2 sets that share no video with one another "
                           "(bakery-april/Table data.csv + bakery-march/Table data.csv, garage/Table data.csv)")
    assert "kelompok" in note.in_language(Translator("id"))


TABS = HERE / "tabs"  # a bakery's Shorts and its longer videos as two downloads, and a garage's videos


def test_a_shorts_table_and_a_videos_table_are_still_said_apart_with_the_one_channel_reading_they_allow():
    # Shorts of 45 and 180 s in one table, videos of 0:12:04 and 181 s in the other: no video in common, as one
    # channel's two Content tabs would have, or a Shorts channel beside another channel's videos: nothing in the
    # files tells which, so the note comes, saying each holds one kind of video
    result = import_exports([TABS / "bakery-shorts" / "Table data.csv", TABS / "bakery-videos" / "Table data.csv"])
    ((file, note),) = channel_notes(result)
    assert note.endswith("(in a roster, one client per channel). Each holds a single kind of video (Shorts, or "
                         "longer videos), as one channel's Shorts and Videos tabs exported apart would")
    assert note.in_language(Translator("id")).endswith(
        "seperti tab Shorts dan tab Video satu kanal yang diekspor terpisah")
    assert sorted(result.posts["post_id"]) == ["l0ngB4k001a", "l0ngB4k002b", "sH0rtB4k01a", "sH0rtB4k02b"]
    assert int(result.posts["video_views"].sum()) == 200 + 90 + 60 + 25
    assert "duration_seconds" not in result.posts  # read to tell the kinds apart, not a column of the table
    # two tables of videos: no such clause
    ((_, both_videos),) = channel_notes(import_exports([TABS / "bakery-videos" / "Table data.csv",
                                                        TABS / "garage-videos" / "Table data.csv"]))
    assert "single kind" not in both_videos


def test_videos_tables_sharing_no_video_are_still_said_to_be_perhaps_different_channels():
    result = import_exports([TABS / "bakery-videos" / "Table data.csv", TABS / "garage-videos" / "Table data.csv"])
    ((file, note),) = channel_notes(result)
    assert file == "bakery-videos/Table data.csv"
    assert note.key == "imports.youtube_studio.channels_apart"
    assert note.values["files"] == ["bakery-videos/Table data.csv", "garage-videos/Table data.csv"]
    # with the bakery's Shorts too, two of the three are of one type: every set is named, as every one is pooled
    result = import_exports(sorted(TABS.glob("*/Table data.csv")))
    ((_, note),) = channel_notes(result)
    assert note.values["files"] == ["bakery-shorts/Table data.csv", "bakery-videos/Table data.csv",
                                    "garage-videos/Table data.csv"]


def test_a_table_of_mixed_or_unknown_types_tells_no_channel_apart(tmp_path):
    mixed = tmp_path / "mixed.csv"  # a Short (60 s) and a video (300 s) in one table
    mixed.write_text('Content,Video title,Video publish time,Duration,Views\nTotal,,,,9\n'
                     'm1x3dV1d01a,A,"Mar 2, 2025",60,4\nm1x3dV1d02b,B,"Mar 3, 2025",300,5\n', encoding="utf-8")
    assert len(channel_notes(import_exports([mixed, TABS / "bakery-shorts" / "Table data.csv"]))) == 1
    odd = tmp_path / "odd.csv"  # a Duration that reads as no length: unknown, and the file still imports
    odd.write_text('Content,Video title,Video publish time,Duration,Views\nTotal,,,,4\n'
                   '0ddDur4t10n,A,"Mar 2, 2025",soon,4\n', encoding="utf-8")
    result = import_exports([odd, TABS / "bakery-shorts" / "Table data.csv"])
    assert len(channel_notes(result)) == 1 and len(result.posts) == 3
    # no Duration column: nothing tells the videos' type
    assert len(channel_notes(import_exports([CHANNELS / "garage" / "Table data.csv",
                                             TABS / "bakery-shorts" / "Table data.csv"]))) == 1



def test_one_unreadable_duration_leaves_only_that_videos_length_unknown_and_says_so(tmp_path):
    # rows 3 to 5: a Short of 45 s, a Duration a spreadsheet turned into a date, a video of 0:12:04; the
    # other two lengths are kept (a Short and a longer video: mixed types, so no set of one kind)
    table = tmp_path / "Table data.csv"
    table.write_text('Content,Video title,Video publish time,Duration,Views\nTotal,,,,9\n'
                     'sH0rtDur01a,A,"Mar 2, 2025",45,4\n'
                     'b4dDur4t10n,B,"Mar 3, 2025",2025-03-03,3\n'
                     'l0ngDur01bb,C,"Mar 4, 2025",0:12:04,2\n', encoding="utf-8")
    from helpers.importers.youtube_studio import _content_types, read_youtube_studio
    imported = read_youtube_studio(table)
    assert imported.posts["duration_seconds"].tolist()[0] == 45
    assert pd.isna(imported.posts["duration_seconds"].tolist()[1])
    assert imported.posts["duration_seconds"].tolist()[2] == 12 * 60 + 4
    kinds = _content_types(imported.posts).tolist()
    assert kinds[0] == "short" and pd.isna(kinds[1]) and kinds[2] == "video"
    (note,) = [w for w in imported.report.warnings if w.key == "imports.youtube_studio.durations_unread"]
    assert str(note).startswith("'Duration': 1 cell holds no length a video can have (row 4: '2025-03-03')")


def totals_notes(notes) -> list[str]:
    return [str(n) for n in notes if n.values["note"].key == "imports.sources.youtube_totals_untied"]


def test_a_totals_file_in_a_folder_without_a_content_table_is_said_to_be_tied_to_none(tmp_path):
    import shutil

    from helpers import explore

    totals = "Date,Views\n2025-03-01,5\n2025-03-02,7\n"
    (tmp_path / "bakery").mkdir()
    shutil.copy(CHANNELS / "bakery-march" / "Table data.csv", tmp_path / "bakery" / "Table data.csv")
    (tmp_path / "bakery" / "Totals.csv").write_text(totals, encoding="utf-8")  # its own download's: fine
    workspace = explore.load_folder(tmp_path, client="b", timezone="UTC")
    assert totals_notes(workspace.warnings()) == [] and totals_notes(workspace.sources.daily_notes) == []
    (tmp_path / "countries").mkdir()  # another download: a table by country (skipped) and its Totals.csv
    (tmp_path / "countries" / "Table data.csv").write_text("Geography,Views\nTotal,12\nUS,12\n", encoding="utf-8")
    (tmp_path / "countries" / "Totals.csv").write_text("Date,Views\n2025-02-01,3\n2025-02-02,4\n", encoding="utf-8")
    workspace = explore.load_folder(tmp_path, client="b", timezone="UTC")
    (note,) = totals_notes(workspace.warnings())
    assert note.startswith("countries/Totals.csv: neither YouTube's Totals.csv nor its Content tables name a "
                           "channel, and this file's folder 'countries' holds none of the Content tables read "
                           "(they are in 'bakery')")
    assert totals_notes(workspace.sources.daily_notes) == [note]  # the client report shows it too
    assert len(workspace.posts) == 2 and len(workspace.daily) == 4  # both series still read: 2 days each


def test_real_channels_read_together_are_said_to_be_perhaps_different():
    from helpers import explore

    workspace = explore.load_folder(real_export("youtube"), client="c", timezone="UTC")
    notes = [str(n) for n in workspace.warnings()]
    assert any(n.startswith("OisinQueva/Table data.csv: these 3 YouTube exports share no video (OisinQueva/Table "
                            "data.csv, areikher/Table data.csv, buildwithadi/Table data.csv)") for n in notes)
    (totals,) = totals_notes(workspace.warnings())
    assert "folder 'CodingTrain_Happy-New-Year-2022' holds none of the Content tables read (they are in " \
           "'OisinQueva', 'areikher', 'buildwithadi')" in totals
    assert len(workspace.posts) == sum(n for n, *_ in REAL.values())  # 102 + 68 + 24, as read one by one
    assert int(workspace.posts["video_views"].sum()) == sum(views for _, _, views, *_ in REAL.values())


DURATIONS_EN = (" Video lengths are read only to check whether YouTube exports read together that share no video each"
                " hold one kind of video (Shorts or longer videos)")
DURATIONS_ID = (" Panjang video hanya dipakai untuk memeriksa apakah ekspor YouTube yang dibaca bersama dan tidak"
                " memiliki satu video pun yang sama masing-masing hanya memuat satu jenis video (Shorts atau video"
                " yang lebih panjang)")


def _duration_note(tmp_path, durations: list[str]):
    """The Duration note of a table whose videos (rows 3 on) have these Duration cells, and the table read."""
    from helpers.importers.youtube_studio import read_youtube_studio

    table = tmp_path / "Table data.csv"
    table.write_text('Content,Video title,Video publish time,Duration,Views\nTotal,,,,9\n' + "".join(
        f'dUr4t10n{n:03d},V{n},"Mar {n + 2}, 2025",{cell},1\n' for n, cell in enumerate(durations)),
        encoding="utf-8")
    imported = read_youtube_studio(table)
    (note,) = [w for w in imported.report.warnings if w.key.startswith("imports.youtube_studio.durations_unread")]
    return note, imported


def test_a_note_on_some_unreadable_durations_says_what_lengths_are_for_in_both_languages(tmp_path):
    # rows 3 to 5: a length of 45 s, '-5' and 'soon': two cells unread, the first at row 4; one length kept
    note, imported = _duration_note(tmp_path, ["45", "-5", "soon"])
    assert imported.posts["duration_seconds"].notna().tolist() == [True, False, False]
    assert imported.posts["format"].isna().all()  # lengths set no format
    assert Translator("en").message(note) == (
        "'Duration': 2 cells hold no length a video can have (the first at row 4: '-5'): each such video's length"
        " is left unknown." + DURATIONS_EN + "; the file's other lengths still count in that check, and no figure"
        " or format in the post table comes from them")
    assert Translator("id").message(note) == (
        "2 sel 'Duration' tidak berisi panjang video yang valid (sel pertama di baris 4: '-5'): panjang video"
        " tersebut dibiarkan tidak diketahui." + DURATIONS_ID + "; panjang video lain dalam berkas ini tetap"
        " dipakai dalam pemeriksaan itu, dan tidak ada angka atau format di tabel unggahan yang berasal darinya")
    assert "Shorts atau video yang lebih panjang menurut" not in Translator("id").message(note)
    note, _ = _duration_note(tmp_path, ["45", "-5"])  # one cell: no "first", and singular in both languages
    assert Translator("en").message(note).startswith("'Duration': 1 cell holds no length a video can have (row 4:"
                                                     " '-5'): each such video's length is left unknown.")
    assert Translator("id").message(note).startswith("1 sel 'Duration' tidak berisi panjang video yang valid (baris"
                                                     " 4: '-5'): panjang video tersebut dibiarkan tidak diketahui.")


def test_a_note_on_a_file_without_one_readable_duration_says_no_length_is_known_in_both_languages(tmp_path):
    # one video, its Duration '-5' at row 3: no length in the file; then two videos, both unreadable
    note, imported = _duration_note(tmp_path, ["-5"])
    assert note.key == "imports.youtube_studio.durations_unread_all"
    assert imported.posts["duration_seconds"].isna().all()
    assert Translator("en").message(note) == (
        "'Duration': none of its cells holds a length a video can have (1 cell, row 3: '-5'): every video's length"
        " in this file is left unknown." + DURATIONS_EN + ", so that check cannot tell this file's kind; no figure"
        " or format in the post table comes from them")
    indonesian = Translator("id").message(note)
    assert indonesian == (
        "tidak satu pun sel 'Duration' berisi panjang video yang valid (1 sel, baris 3: '-5'): panjang setiap video"
        " dalam berkas ini dibiarkan tidak diketahui." + DURATIONS_ID + ", sehingga pemeriksaan itu tidak dapat"
        " menentukan jenis video berkas ini; tidak ada angka atau format di tabel unggahan yang berasal darinya")
    assert not any(words in indonesian for words in ("yang pertama", "video-video itu", "panjang video yang mungkin"))
    note, _ = _duration_note(tmp_path, ["soon", "2025-03-03"])
    assert note.key == "imports.youtube_studio.durations_unread_all"
    assert "(2 cells, the first at row 3: 'soon')" in Translator("en").message(note)
    assert "(2 sel, sel pertama di baris 3: 'soon')" in Translator("id").message(note)
    # "told apart as Shorts" is gone from both variants: the post table's format is not set by a length
    assert not [t for t in (Translator("en").message(note), Translator("id").message(note)) if "told apart" in t]


# ---------------------------------------------------------------- columns that must agree and do not

MEANING_EN = "Decimal points were likely lost when the file was re-saved"


def _apart_notes(result) -> list:
    return [w for w in result.reports[0].warnings
            if w.key in ("imports.youtube_studio.watch_time_vs_average",
                         "imports.youtube_studio.watch_time_vs_duration")]


def test_watch_hours_that_lost_their_decimal_points_are_warned_about_and_kept(write_file):
    # a ';' copy re-saved by a spreadsheet that read '.' as a thousands separator: 19.2306 hours became 192306
    path = write_file("lost/Table data.csv", (
        "Content;Video title;Video publish time;Duration;Average view duration;Views;Watch time (hours)\n"
        "Total;;;;0:00:27;4023;301753\n"
        "F3HVs95pagk;Lady Gaga;Mar 15, 2025;60;0:00:25;2775;192306\n"
        "ZTbDjXwKfMQ;Day 8;Dec 21, 2024;59;0:00:31;1248;109447\n"))
    result = import_exports(path)
    (note,) = _apart_notes(result)
    assert note.key == "imports.youtube_studio.watch_time_vs_average"  # the Duration check names no row again
    # 192306 h x 3600 / 2775 views = 249,478.05 s a view beside 25 s; 109447 x 3600 / 1248 = 315,712.5 beside 31
    english = Translator("en").message(note)
    assert english.startswith(
        "2 videos (rows 3, 4): watch time per view ('Watch time (hours)' ÷ 'Views') and the file's own 'Average view"
        " duration' are ten times apart or more, though they measure the same thing (row 3: 192306 hours over 2,775"
        " views is 249,478 seconds a view, beside an average of '0:00:25'). " + MEANING_EN)
    assert "download the export again" in english and "'.' as its decimal mark" in english
    indonesian = Translator("id").message(note)
    assert indonesian.startswith(
        "2 video (baris 3, 4): waktu tonton per tayangan video ('Watch time (hours)' ÷ 'Views') dan 'Average view"
        " duration' dalam berkas itu sendiri berselisih sepuluh kali lipat atau lebih, padahal keduanya mengukur hal"
        " yang sama (baris 3: 192306 jam untuk 2.775 tayangan video berarti 249.478 detik per tayangan video,"
        " sedangkan"
        " rata-ratanya '0:00:25'). Titik desimal kemungkinan hilang saat berkas ini disimpan ulang")
    # only warned about, as reach above impressions is: the file does not tell which figure is wrong
    posts = result.posts.set_index("post_id")
    assert posts.loc["F3HVs95pagk", "watch_time_seconds"] == 192306 * 3600


def test_honest_rounding_and_looping_shorts_are_not_contradictions(write_file):
    path = write_file("mixed/Table data.csv", (
        "Content,Video title,Video publish time,Duration,Average view duration,Views,Watch time (hours)\n"
        "Total,,,,0:00:25,2879,192307.0\n"
        'oneviewvid1,One view,"Mar 15, 2025",30,0:00:00,1,0.0001\n'  # 0.36 s a view beside 0 s: rounding
        'threeviews1,Three views,"Mar 14, 2025",40,0:00:12,3,0.0030\n'  # 3.6 s beside 12 s: 3.3 times apart
        'loopedshort,Looped Short,"Mar 13, 2025",20,0:00:35,100,0.9722\n'  # 35 s a view of a 20-second Short
        'novideoview,No view,"Mar 12, 2025",60,0:00:00,0,0.0000\n'
        'editedcell1,Edited cell,"Mar 11, 2025",60,0:00:25,2775,192306\n'))  # one cell that lost its point
    (note,) = _apart_notes(import_exports(path))
    assert note.key == "imports.youtube_studio.watch_time_vs_average"
    assert Translator("en").message(note).startswith("1 video (row 7): watch time per view")
    assert Translator("id").message(note).startswith("1 video (baris 7): waktu tonton per tayangan video")


def test_watch_hours_ten_times_a_videos_duration_are_warned_about_without_an_average(write_file):
    path = write_file("noaverage/Table data.csv", (
        "Content;Video title;Video publish time;Duration;Views;Watch time (hours)\n"
        "Total;;;;495;70774\n"
        "uu4Cy28Q4Vk;A study day;Jun 17, 2020;375;395;61052\n"
        "loopshort01;Looped Short;Jun 18, 2020;20;100;9722\n"))
    result = import_exports(path)
    (note,) = _apart_notes(result)
    # 61052 h x 3600 / 395 views = 556,423.3 s a view of a 375-second video; 9722 x 3600 / 100 = 349,992 s of 20
    assert Translator("en").message(note).startswith(
        "2 videos (rows 3, 4): watch time per view ('Watch time (hours)' ÷ 'Views') is ten times the video's"
        " 'Duration' or more, which no view lasts, even of a Short played in a loop (row 3: 61052 hours over 395"
        " views is 556,423 seconds a view of a video of 375 seconds). " + MEANING_EN)
    assert Translator("id").message(note).startswith(
        "2 video (baris 3, 4): waktu tonton per tayangan video ('Watch time (hours)' ÷ 'Views') mencapai sepuluh kali"
        " 'Duration' videonya atau lebih, padahal tidak ada tayangan video yang selama itu, bahkan untuk Shorts yang"
        " diputar berulang (baris 3: 61052 jam untuk 395 tayangan video berarti 556.423 detik per tayangan video,"
        " untuk video"
        " berdurasi 375 detik). Titik desimal")
    assert result.posts.set_index("post_id").loc["uu4Cy28Q4Vk", "watch_time_seconds"] == 61052 * 3600


@pytest.mark.parametrize("delimiter, mark", [
    (";", ","),  # a spreadsheet in a decimal-comma language: '.' between thousands, ',' the decimal mark
    (",", ","),  # the same marks in a ','-separated copy (Google Sheets)
    (",", "."),  # ',' between thousands, '.' the decimal mark
])
def test_a_duration_is_read_with_the_thousands_separator_of_the_files_counts(tmp_path, delimiter, mark):
    """Duration is whole seconds: '1.125' beside Views '1.590' (1590) is 1125 seconds, not 1.125, and '1,125'
    beside '1,590' is 1125, not unreadable. Read so, 1.6701 hours over 159 views (37.8 s a view) is no tenth
    of the video's length, and no note blames the watch time."""
    thousands = "." if mark == "," else ","
    path = separated_copy(tmp_path, [
        "Content|Video title|Video publish time|Duration|Views|Watch time (hours)",
        f"BQbYH7tldPw|Study with us|May 4, 2020|1{thousands}125|159|1{mark}6701",
        f"uu4Cy28Q4Vk|A study day|Jun 17, 2020|375|1{thousands}590|15{mark}5710",
    ], delimiter)
    read = read_youtube_studio(path, timezone="UTC")
    assert read.posts["duration_seconds"].tolist() == [1125, 375]
    assert read.posts["video_views"].tolist() == [159, 1590]
    assert read.posts["watch_time_seconds"].round(2).tolist() == [6012.36, 56055.6]
    assert [w.key for w in read.report.warnings] == []


# ------------------------------------------------------------------------------ Engaged views beside Views
def test_real_engaged_views_are_kept_beside_views():
    """areikher: the 68 dated videos' Engaged views sum to 36,781 (the Total row's 36,807 less the 11 + 8 + 7 of
    the three undated ones; summed with the csv module); 'Pointallism Portrait of Dua Lipa' has Views 1,424 and
    Engaged views 532. buildwithadi's export has no Engaged views column: NA, not 0."""
    posts = import_exports(real_export("youtube/areikher/Table data.csv")).posts
    assert posts["engaged_views"].sum() == 36781 == 36807 - (11 + 8 + 7)
    row = posts.set_index("post_id").loc["2U5udUTTAIE"]
    assert (row["video_views"], row["engaged_views"]) == (1424, 532)
    assert import_exports(real_export("youtube/buildwithadi/Table data.csv")).posts["engaged_views"].isna().all()


def _dated(path: Path, minutes: int) -> Path:
    """`path` modified `minutes` after an arbitrary instant: files far enough apart in time are told apart as
    downloads by it (importers.recency)."""
    import os
    os.utime(path, (1_750_000_000 + 60 * minutes,) * 2)
    return path


def test_engaged_views_come_from_the_export_their_views_come_from(write_file):
    """One channel downloaded twice: the older download (Views 300, Engaged views 120) has the Engaged views
    column, the newer (Views 900) does not. The newer's Views are kept, and its Engaged views stay unknown:
    the older's 120 are of another day's Views, and 900 against 120 would read as replays that no export shows.
    A newer download without Views either (Likes only) takes Views and Engaged views from the older one together."""
    header = "Content,Video title,Video publish time,"
    older = _dated(write_file("older/Table data.csv", header + "Views,Engaged views,Likes\n"
                              'vidA0000001,A,"Apr 2, 2025",300,120,10\n'), 0)
    newer = _dated(write_file("newer/Table data.csv", header + "Views,Likes\n"
                              'vidA0000001,A,"Apr 2, 2025",900,30\n'), 60 * 24)
    (post,) = import_exports([older, newer], timezone="UTC").posts.to_dict("records")
    assert (post["video_views"], post["reactions"]) == (900, 30)
    assert pd.isna(post["engaged_views"])
    likes = _dated(write_file("likes/Table data.csv", header + "Likes\n" 'vidA0000001,A,"Apr 2, 2025",35\n'), 60 * 48)
    (post,) = import_exports([older, likes], timezone="UTC").posts.to_dict("records")
    assert (post["video_views"], post["engaged_views"], post["reactions"]) == (300, 120, 35)


@pytest.mark.parametrize("dimension, first_rows", [
    ("Geography", "Geography,Views,Average view duration,Watch time (hours)\nTotal,30,0:01:00,0.5\nUS,20,0:01:00,0.3\n"),
    ("Traffic source", "Traffic source,Views,Watch time (hours)\nTotal,12,0.2\nYouTube search,12,0.2\n")])
def test_a_table_grouped_by_another_dimension_is_named_with_what_to_export(tmp_path, dimension, first_rows):
    """YouTube Studio's Table data.csv grouped by country or traffic source: named as that table, with the table
    to export instead, by detection, `inspect` and a folder loaded whole; never "not an export the workbook
    knows" with the list of every family."""
    from helpers import explore
    from helpers.describe import describe
    from helpers.i18n import translator

    (tmp_path / "Table data.csv").write_text(first_rows, encoding="utf-8")
    (tmp_path / "Totals.csv").write_text("Date,Views\n2025-03-01,5\n", encoding="utf-8")
    said = (f"this is a YouTube Studio table grouped by '{dimension}', not by video: it holds the channel's figures "
            f"per '{dimension}' and no post, so nothing in it is read")
    todo = ("export the table grouped by Content instead: in YouTube Studio's analytics (advanced mode), choose "
            "Content as the table's grouping and export it for the posts (Table data.csv, one row per video); keep "
            "Totals.csv for the daily totals")
    with pytest.raises(ExportFormatError) as info:
        detect_family(tmp_path / "Table data.csv")
    assert info.value.problem == said and info.value.hint == todo and info.value.expected is None
    assert info.value.problem.in_language(translator("id")).startswith(
        f"ini adalah tabel YouTube Studio yang dikelompokkan menurut '{dimension}', bukan per video")
    workspace = explore.load_folder(tmp_path, client="c", timezone="UTC")
    notes = workspace.files().set_index("file").loc["Table data.csv", "notes"]
    assert notes == f"{said}\n  what to do: {todo}"  # the file is named in its own column
    shown, failures = describe([str(tmp_path)])
    assert failures == 0
    assert said in shown and "not an export the workbook knows" not in shown
