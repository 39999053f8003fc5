"""TikTok Studio Content export (`Content.csv`): real exports and hand-made fixtures."""
from __future__ import annotations

import pandas as pd
import pytest

from conftest import FIXTURES, detected_family, real_export
from helpers.errors import ExportFormatError
from helpers.importers import detect_family, import_exports
from helpers.importers.tiktok_studio import FAMILY, read_tiktok_studio
from helpers.importers.yearless_dates import parse_day_month

HERE = FIXTURES / "tiktok"
FOLDER = "tiktok/studio-htupycollabs"

# Reference figures computed with the csv module: rows, likes, comments, shares, views.
REAL = {
    "Content.csv": (13, 4063, 117, 275, 537161),
    "Content 2.csv": (12, 4077, 114, 273, 521655),
    "Content 3.csv": (6, 4114, 162, 226, 254720),
    "Content 4.csv": (12, 3114, 392, 102, 237054),
}


@pytest.mark.parametrize("name", sorted(REAL))
def test_real_exports_import_with_checked_totals(name):
    path = real_export(f"{FOLDER}/{name}")
    assert detect_family(path).name == FAMILY.name
    n, likes, comments, shares, views = REAL[name]
    result = import_exports(path, timezone="America/Chicago", year=2025)
    posts, report = result.posts, result.reports[0]
    assert len(posts) == n and report.rows_in_file == n
    assert posts["reactions"].sum() == likes
    assert posts["comments"].sum() == comments
    assert posts["shares"].sum() == shares
    assert posts["video_views"].sum() == views
    assert posts["post_id"].str.fullmatch(r"\d{19}").all()  # 19-digit ids kept as text
    # the ids' creation times fall on the days the export gives, in Chicago: each post gets its time of day
    assert (posts["published_precision"] == "minute").all()
    assert any(w.key == "imports.tiktok_studio.times_from_ids_all" for w in report.warnings)
    assert (posts["format"] == "video").all()
    assert posts["impressions"].isna().all()  # TikTok Studio does not export impressions
    # every placed date agrees with the creation time the video id carries
    assert not any("disagrees with the creation time" in w for w in report.warnings)


def test_real_export_crossing_new_year():
    result = import_exports(real_export(f"{FOLDER}/Content.csv"), timezone="America/Chicago", year=2025)
    days = result.posts["published_at"].dt.strftime("%Y-%m-%d")
    assert days.min() == "2025-04-08"
    assert days.max() == "2026-02-01"
    assert {"2025-12-31", "2026-01-23", "2025-07-16"} <= set(days)
    assert any("cross New Year" in w for w in result.reports[0].warnings)


def test_real_export_blank_title_is_na():
    posts = import_exports(real_export(f"{FOLDER}/Content 2.csv"), year=2025).posts
    assert posts["text"].isna().sum() == 3
    assert posts["text"].dropna().map(lambda t: any(ord(c) > 0xFFFF for c in t)).any()  # emoji kept


def test_real_export_without_year_is_refused():
    with pytest.raises(ExportFormatError, match="the year is unknown") as err:
        import_exports(real_export(f"{FOLDER}/Content.csv"))
    assert "year=" in str(err.value)


def test_wrong_year_is_refused_against_video_ids():
    with pytest.raises(ExportFormatError, match="placed on 26 July 2024, video created 26 July 2025") as err:
        import_exports(real_export(f"{FOLDER}/Content 3.csv"), year=2024)
    assert "which its video ids say is 2025" in str(err.value) and "year= in a notebook" in str(err.value)


def test_a_year_off_for_every_post_is_refused_and_one_post_off_is_warned_about(tmp_path):
    """The fixture's videos were created in December 2024 and January 2025: year=2025 places every one a year
    late, which no post can be, so the file is refused naming 2024; one date off alone (a post moved by
    hand, say) is a warning, the rest imported."""
    with pytest.raises(ExportFormatError, match="every one of the 3 posts with a video id") as err:
        read_tiktok_studio(HERE / "Content_no_time.csv", year=2025)
    assert err.value.row == 2 and err.value.column == "Post time" and "say is 2024" in str(err.value)
    moved = tmp_path / "Content_moved.csv"
    moved.write_text((HERE / "Content_no_time.csv").read_text(encoding="utf-8-sig").replace(
        '"December 28"', '"October 28"'), encoding="utf-8")
    result = read_tiktok_studio(moved, year=2024)
    assert len(result.posts) == 3
    assert [w.key for w in result.report.warnings if getattr(w, "key", "").endswith("date_disagrees_with_id")]


@pytest.mark.parametrize("name", ["Overview.csv", "Viewers.csv"])
def test_real_daily_files_do_not_match(name):
    family = detected_family(real_export(f"{FOLDER}/{name}"))
    assert family != FAMILY.name


def test_fixture_spanish_dates_missing_values_and_new_year():
    path = HERE / "Content_es.csv"
    assert detect_family(path).name == FAMILY.name
    result = import_exports(path, timezone="Europe/Madrid", year=2024)
    posts = result.posts.set_index("post_id")
    report = result.reports[0]
    assert report.rows_in_file == 5 and len(posts) == 4
    assert report.dropped == {"no TikTok video link (so no post id)": 1}
    dates = posts["published_at"].dt.strftime("%Y-%m-%d")
    assert dates.to_dict() == {
        "7444200526203536743": "2024-12-03", "7453562695915357543": "2024-12-28",
        "7456399951311095143": "2025-01-05", "7479360846475511143": "2025-03-08",
    }
    nye = posts.loc["7453562695915357543"]
    assert pd.isna(nye["reactions"]) and pd.isna(nye["comments"]) and pd.isna(nye["shares"])
    assert nye["video_views"] == 2500
    assert posts["video_views"].sum() == 4100 + 2500 + 980 + 12050
    assert posts.loc["7444200526203536743", "text"] == "Receta de invierno 🍲\nparte 1"
    assert posts.loc["7444200526203536743", "account"] == "example.shop"
    assert posts.loc["7444200526203536743", "source_row"] == 2
    assert not any("disagrees" in w for w in report.warnings)


def test_fixture_year_from_file_name_and_photo_post():
    result = import_exports(HERE / "Content_2025-01-01_2025-03-31.csv")
    posts = result.posts.set_index("post_id")
    assert posts.loc["7469851788882167143", "format"] == "photo"
    # 7469851788882167143 >> 32 = 1739210400 s = 2025-02-10 18:00 UTC, on the day the export gives: its time
    assert posts.loc["7469851788882167143", "published_at"] == pd.Timestamp("2025-02-10 18:00", tz="UTC")
    assert posts.loc["7469851788882167143", "published_precision"] == "minute"
    assert posts.loc["7483829330450269543", "published_at"] == pd.Timestamp("2025-03-20 10:00", tz="UTC")
    assert any("file name" in w for w in result.reports[0].warnings)


def test_an_id_on_the_neighbouring_day_keeps_the_date_and_says_the_zone_may_be_wrong():
    """Read in Asia/Tokyo (UTC+9), the photo's id (2025-02-10 18:00 UTC) falls on 11 February, the day after
    the one the export gives: no post of the file takes a time (not even the one whose id falls on its day,
    2025-03-20 19:00 in Tokyo), and a note names the zone to check."""
    result = import_exports(HERE / "Content_2025-01-01_2025-03-31.csv", timezone="Asia/Tokyo")
    photo = result.posts.set_index("post_id").loc["7469851788882167143"]
    assert (photo["published_at"], photo["published_precision"]) == (pd.Timestamp("2025-02-10", tz="Asia/Tokyo"),
                                                                     "day")
    assert (result.posts["published_precision"] == "day").all()
    notes = {w.key: w for w in result.reports[0].warnings}
    assert "imports.tiktok_studio.times_from_ids" not in notes
    assert notes["imports.tiktok_studio.id_day_off"].values["count"] >= 1
    assert "read in Asia/Tokyo" in str(notes["imports.tiktok_studio.id_day_off"])


def test_fixture_new_year_without_time_column():
    posts = read_tiktok_studio(HERE / "Content_no_time.csv", year=2024).posts
    assert posts["published_at"].dt.strftime("%Y-%m-%d").tolist() == ["2024-12-03", "2024-12-28", "2025-01-05"]


def test_fixture_without_year_is_refused():
    with pytest.raises(ExportFormatError, match="the year is unknown") as err:
        read_tiktok_studio(HERE / "Content_no_time.csv")
    assert err.value.column == "Post time"
    assert "2024 to 2025" in str(err.value)  # what the video ids suggest, for the user to confirm


def test_bad_date_names_row_and_column():
    with pytest.raises(ExportFormatError) as err:
        read_tiktok_studio(HERE / "Content_bad_date.csv", year=2025)
    assert err.value.row == 3 and err.value.column == "Post time"
    assert "Marchuary 20" in str(err.value)


def test_bad_number_names_row_and_column():
    with pytest.raises(ExportFormatError) as err:
        read_tiktok_studio(HERE / "Content_bad_number.csv", year=2025)
    assert err.value.row == 3 and err.value.column == "Total views"


@pytest.mark.parametrize("year", ["last year", 25, 0, 1900, True])
def test_bad_year_option(year):
    """25 (a two-digit slip) used to crash with an out-of-bounds timestamp; 0 was taken as no year at all."""
    with pytest.raises(ExportFormatError, match="not a year from 2000 to 2100"):
        read_tiktok_studio(HERE / "Content_no_time.csv", year=year)


def test_a_two_digit_year_on_the_command_line_is_an_error_not_a_traceback(capsys):
    from helpers.__main__ import main

    assert main(["inspect", str(HERE / "Content_no_time.csv"), "--year", "25"]) == 2
    assert "year=25 is not a year from 2000 to 2100" in capsys.readouterr().out


def test_leap_day_in_a_common_year(write_file):
    path = write_file("Content.csv", '\ufeff"Video title","Video link","Post time","Total views"\n'
                                     '"x","https://www.tiktok.com/@a/video/7469851788882167143","29 février","5"')
    with pytest.raises(ExportFormatError, match="29 February does not exist in 2025") as err:
        read_tiktok_studio(path, year=2025)
    assert err.value.row == 2


@pytest.mark.parametrize("text, expected", [
    ("July 16", (7, 16, None)),
    ("8 de marzo", (3, 8, None)),
    ("16 de julho", (7, 16, None)),
    ("1er mars", (3, 1, None)),
    ("8 Maret", (3, 8, None)),
    ("17 Agustus", (8, 17, None)),
    ("16. Juli", (7, 16, None)),
    ("Mar 15, 2025", (3, 15, 2025)),
    ("2025-07-16", (7, 16, 2025)),
    ("7月16日", (7, 16, None)),
    ("February 30", None),
    ("Julember 16", None),
    ("16", None),
])
def test_month_names(text, expected):
    assert parse_day_month(text) == expected


def test_blank_post_time_is_dropped_and_counted(write_file):
    path = write_file("Content.csv", '\ufeff"Video title","Video link","Post time","Total views"\n'
                                     '"a","https://www.tiktok.com/@a/video/7469851788882167143","February 10","5"\n'
                                     '"b","https://www.tiktok.com/@a/video/7483829330450269543","--","7"')
    result = read_tiktok_studio(path, year=2025)
    assert len(result.posts) == 1 and result.posts["video_views"].tolist() == [5]
    assert result.report.dropped == {"blank 'Post time': cannot be placed in time": 1}


def test_no_other_real_export_matches():
    """Only Content*.csv files are TikTok Studio post exports; no other real file is taken for one."""
    from conftest import REAL_EXPORTS
    if not REAL_EXPORTS.is_dir():
        pytest.skip(f"real exports folder {REAL_EXPORTS} is absent")
    for path in REAL_EXPORTS.rglob("*"):
        if not path.is_file() or path.suffix not in (".csv", ".xlsx", ".txt") or path.name.startswith("Content"):
            continue
        family = detected_family(path)
        assert family != FAMILY.name, path


def test_a_year_from_numpy_or_text_is_a_year():
    import numpy as np

    for year in (np.int64(2024), "2024", 2024):
        assert len(read_tiktok_studio(HERE / "Content_no_time.csv", year=year).posts)


def test_a_missing_comments_column_is_warned_about(write_file):
    source = HERE / "Content_2025-01-01_2025-03-31.csv"
    text = source.read_text(encoding="utf-8-sig").replace('"Total comments"', '"Komentar"', 1)
    result = import_exports(write_file(source.name, text))
    warnings = [str(w) for w in result.reports[0].warnings]
    assert result.posts["comments"].isna().all()  # not reported, not 0
    assert any("no 'Total comments' column" in w and "read lower than they are" in w for w in warnings), warnings
    assert not any("read lower" in str(w) for w in import_exports(source).reports[0].warnings)


def test_a_wrong_year_is_quoted_on_the_day_the_file_gives_in_a_zone_east_of_utc():
    """'December 3' in Jakarta (UTC+7) is 2 December 17:00 UTC: the message quotes the file's day, 3 December,
    and the video's creation day in the same zone (its id: 3 December 2024, 15:00 UTC, 22:00 in Jakarta)."""
    with pytest.raises(ExportFormatError, match="placed on 3 December 2025, video created 3 December 2024"):
        read_tiktok_studio(HERE / "Content_no_time.csv", year=2025, timezone="Asia/Jakarta")


def resaved(write_file, name: str, post_times: list[str]):
    """Content_no_time.csv as a spreadsheet saves it after reading its `Post time` as dates: no BOM, no
    quotes, and the dates written with the year it was opened in."""
    text = ('Video title,Video link,Post time,Total likes,Total comments,Total shares,Total views\n'
            f'Advent 3,https://www.tiktok.com/@example.shop/video/7444200526203536743,{post_times[0]},12,0,1,400\n'
            f'NYE,https://www.tiktok.com/@example.shop/video/7453562695915357543,{post_times[1]},30,2,0,800\n'
            f'New year,https://www.tiktok.com/@example.shop/video/7456399951311095143,{post_times[2]},9,1,0,300\n')
    return write_file(name, text)


def _keys(report) -> list[str]:
    return [getattr(w, "key", "") for w in report.warnings]


@pytest.mark.parametrize("post_times", [["2026-12-03", "2026-12-28", "2026-01-05"],
                                        ["3 Dec 2026", "28 Dec 2026", "5 Jan 2026"]])
def test_a_year_a_spreadsheet_wrote_is_ignored_and_the_year_given_places_the_posts(write_file, post_times):
    """Opened in a spreadsheet in 2026, 'December 3' was saved as 2026-12-03: the videos (ids) were created in
    December 2024 and January 2025, and year=2024 places them there, January in 2025; the note names 2026 as
    ignored, and no warning asks to change a year that has no effect."""
    result = read_tiktok_studio(resaved(write_file, "Content.csv", post_times), year=2024)
    assert result.posts["published_at"].dt.strftime("%Y-%m-%d").tolist() == ["2024-12-03", "2024-12-28",
                                                                             "2025-01-05"]
    keys = _keys(result.report)
    note = result.report.warnings[keys.index("imports.yearless_dates.spreadsheet_year_ignored")]
    assert note.values["years"] == ["2026"] and note.values["count"] == 3
    assert note.values["row"] == "2" and note.values["value"] == repr(post_times[0])
    assert "imports.yearless_dates.years_placed_across_new_year" in keys
    assert "imports.tiktok_studio.date_disagrees_with_id" not in keys


def test_a_year_a_spreadsheet_wrote_does_not_stand_for_the_year_given(write_file):
    """Without year= nor dates in the file name the spreadsheet's 2026 is no year to go by: refused, saying
    why and what to pass (the ids' years); a wrong year= is refused by the video ids, naming 2024."""
    path = resaved(write_file, "Content.csv", ["2026-12-03", "2026-12-28", "2026-01-05"])
    with pytest.raises(ExportFormatError, match="the year is unknown") as err:
        read_tiktok_studio(path)
    text = str(err.value)
    assert err.value.column == "Post time" and "(2026; e.g. row 2: '2026-12-03')" in text
    assert "so it is ignored" in text and "year=" in text and "2024 to 2025" in text
    with pytest.raises(ExportFormatError, match="which its video ids say is 2024"):
        read_tiktok_studio(path, year=2025)


def test_a_year_a_spreadsheet_wrote_in_the_exports_year_no_longer_moves_posts_after_new_year_back(write_file):
    """Opened in 2024, the January post's 'January 5' was saved as 2024-01-05, a year before its video was
    created: placed by day and month, it falls in 2025, with the year from year= or from the file name."""
    times = ["2024-12-03", "2024-12-28", "2024-01-05"]
    expected = ["2024-12-03", "2024-12-28", "2025-01-05"]
    given = read_tiktok_studio(resaved(write_file, "Content.csv", times), year=2024)
    named = read_tiktok_studio(resaved(write_file, "Content_2024-12-01_2025-01-31.csv", times))
    for result in (given, named):
        assert result.posts["published_at"].dt.strftime("%Y-%m-%d").tolist() == expected
        assert "imports.tiktok_studio.date_disagrees_with_id" not in _keys(result.report)
        assert "imports.yearless_dates.spreadsheet_year_ignored" in _keys(result.report)


def test_a_folder_re_saved_in_a_spreadsheet_gets_posts_and_daily_figures_in_the_same_years(write_file, tmp_path):
    """Content.csv and Overview.csv opened and saved in a spreadsheet in 2026 both carry 2026 in their dates:
    year=2024 places both, December in 2024 and January in 2025, each with the note naming 2026 as ignored
    (the daily file no longer keeps the spreadsheet's year: every day in 2026, January before December)."""
    from helpers.explore import load_folder

    resaved(write_file, "kopi/Content.csv", ["2026-12-03", "2026-12-28", "2026-01-05"])
    write_file("kopi/Overview.csv", "Date,Video Views,Profile Views,Likes,Comments,Shares\n"
                                    "2026-12-03,400,5,12,0,1\n2026-12-28,800,9,30,2,0\n2026-01-05,300,4,9,1,0\n")
    space = load_folder(tmp_path / "kopi", year=2024, timezone="UTC")
    expected = ["2024-12-03", "2024-12-28", "2025-01-05"]
    assert space.posts["published_at"].dt.strftime("%Y-%m-%d").tolist() == expected
    views = space.daily[space.daily["metric"] == "video_views"]
    assert views["date"].dt.strftime("%Y-%m-%d").tolist() == expected
    assert views["value"].tolist() == [400, 800, 300]
    for report in (space.imported.reports[0], space.sources.daily_reports[0]):
        assert report.path.name in ("Content.csv", "Overview.csv")
        note = report.warnings[_keys(report).index("imports.yearless_dates.spreadsheet_year_ignored")]
        assert note.values["years"] == ["2026"] and note.values["count"] == 3 and note.values["row"] == "2"


def test_daily_dates_whose_years_step_forward_across_new_year_are_kept_as_written(write_file, tmp_path):
    """Dates written with years that rise in row order (2025-12-30, 2025-12-31, 2026-01-01) are no spreadsheet's
    single year: read as written, without year= and without the note."""
    from helpers.daily import import_daily_series

    path = write_file("kopi/Overview.csv", "Date,Video Views,Profile Views,Likes,Comments,Shares\n"
                                           "2025-12-30,400,5,12,0,1\n2025-12-31,800,9,30,2,0\n2026-01-01,300,4,9,1,0\n")
    result = import_daily_series([path])
    views = result.daily[result.daily["metric"] == "video_views"]
    assert views["date"].dt.strftime("%Y-%m-%d").tolist() == ["2025-12-30", "2025-12-31", "2026-01-01"]
    assert "imports.yearless_dates.spreadsheet_year_ignored" not in _keys(result.reports[0])


def test_a_video_id_too_long_for_a_time_holds_none_and_the_file_still_reads(write_file):
    """25 nines >> 32 is about 2.3e15 seconds, millions of years on, past what a timestamp holds: that id gives
    no time (as an id of no plausible time does), the other post takes its own, and nothing stops the file."""
    text = (HERE / "Content_2025-01-01_2025-03-31.csv").read_text(encoding="utf-8-sig")
    path = write_file("Content_2025-01-01_2025-03-31.csv", text.replace("7469851788882167143", "9" * 25))
    posts = read_tiktok_studio(path).posts.set_index("post_id")
    assert posts.loc["9" * 25, ["published_at", "published_precision"]].tolist() == [
        pd.Timestamp("2025-02-10", tz="UTC"), "day"]
    assert posts.loc["7483829330450269543", "published_precision"] == "minute"


def test_video_ids_of_one_year_are_said_as_that_year(write_file):
    """The ids of a file's videos all made in 2025 read "date from 2025", not "from 2025 to 2025"."""
    from helpers.i18n import translator

    path = write_file("Content.csv", (HERE / "Content_2025-01-01_2025-03-31.csv").read_bytes())  # no dates named
    with pytest.raises(ExportFormatError, match="the year is unknown") as err:
        read_tiktok_studio(path)
    assert str(err.value).endswith(". The video ids date from 2025, which may tell you the year")
    assert err.value.in_language(translator("id")).endswith(
        ". Sebagai petunjuk, ID video dalam berkas ini dibuat pada tahun 2025")


def test_the_year_is_asked_for_as_the_roster_key_in_a_report_and_as_year_on_the_command_line(write_file, capsys):
    """A consultant whose report or `inspect` fails for want of the year was told to pass year= to
    load_exports or explore.load_folder: the report (rendered from the roster) asks for the client's `year`
    key, `inspect` for --year; in Python the advice stays year=."""
    from helpers.__main__ import main
    from helpers.i18n import translator
    from helpers.report import build_report

    path = write_file("Content.csv", (HERE / "Content_2025-01-01_2025-03-31.csv").read_bytes())
    with pytest.raises(ExportFormatError) as err:
        build_report(client="acme", client_name="Acme", exports=[str(path)], timezone="UTC",
                     period_start="2025-02-01", period_end="2025-03-31", language="id")
    roster = ("add the year key to this client in the roster: the year of the oldest post in this file"
              " (e.g. year: 2025), or keep the export period in the file name")
    assert err.value.hint.in_language(translator("en")).startswith(roster)
    assert err.value.hint.in_language(translator("id")).startswith(
        "berikan kunci year pada klien ini di daftar klien: tahun unggahan tertua dalam berkas ini (mis. year: 2025)")
    assert main(["inspect", str(path)]) == 2
    said = " ".join(capsys.readouterr().out.split())
    assert ("what to do: give --year, the year of the oldest post in this file (e.g. --year 2025; in the roster:"
            " the client's year key), or keep") in said and "load_exports" not in said
    with pytest.raises(ExportFormatError) as err:
        read_tiktok_studio(path)
    assert "pass year=<the year of the oldest post in this file> to load_exports or explore.load_folder" in str(
        err.value)
