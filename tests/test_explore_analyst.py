"""The explorer from an analyst's first session on real exports: typical slips (a misspelt metric, a day-first
date, a period the exports do not cover, a file for a folder) get errors that say what was expected, and the
recipes and `inspect` answer for the posts chosen, not for the whole folder."""
import datetime as dt
import re
import shutil

import pandas as pd
import pytest

from helpers import compare, explore, metrics, periods
from helpers.__main__ import main
from helpers.errors import WorkbookError
from helpers.i18n import use_language
from helpers.paths import DEMO_DIR
from tests.conftest import real_export


@pytest.fixture(scope="module")
def workspace():
    return explore.load_folder(DEMO_DIR / "kopi-senja", client="kopi-senja", timezone="Asia/Jakarta")


@pytest.fixture()
def three_posts():
    """Facebook posts on 1 and 10 March (a photo, then a video), an Instagram reel on 1 May."""
    return pd.DataFrame({
        "platform": ["facebook", "facebook", "instagram"], "format": ["photo", "video", "reel"],
        "published_at": pd.to_datetime(["2026-03-01 09:00", "2026-03-10 18:00", "2026-05-01 12:00"])
        .tz_localize("Asia/Jakarta"),
        "published_precision": pd.array(["minute"] * 3, dtype="string")})


@pytest.mark.parametrize("written", ["03/04/2025", "20250301", "2025-W13-1", "2025-3-1", "1 March 2025"])
def test_a_day_is_taken_written_yyyy_mm_dd_only(written):
    with pytest.raises(ValueError):
        periods.iso_day(written)


def test_a_day_given_as_a_date_or_a_datetime_at_midnight_without_a_zone_is_that_day():
    assert periods.iso_day("2025-03-01") == dt.date(2025, 3, 1)
    assert periods.iso_day(dt.date(2025, 3, 1)) == dt.date(2025, 3, 1)
    assert periods.iso_day(dt.datetime(2025, 3, 1)) == dt.date(2025, 3, 1)
    assert periods.iso_day(pd.Timestamp("2025-03-01")) == dt.date(2025, 3, 1)
    # a time of day or a zone of its own: which day of the client's zone is meant cannot be told
    for value in (dt.datetime(2025, 3, 1, 23, 59), pd.Timestamp("2025-03-01 23:30", tz="Asia/Jakarta"),
                  pd.Timestamp("2025-03-01", tz="UTC")):
        with pytest.raises(periods.NotAWholeDay):
            periods.iso_day(value)


def test_select_posts_and_report_view_take_days_by_one_rule(workspace):
    """The demo posts are shown in Asia/Jakarta. 23:59 on 1 September is no whole day, nor is a time in Los
    Angeles (16 hours off 2 September in Jakarta) or midnight in UTC (07:00 in Jakarta): each is refused,
    saying which day to write, rather than cut to its own date. A date, and a datetime at midnight without a
    zone, are that day."""
    posts = workspace.posts
    expected = explore.select_posts(posts, start="2026-09-01", end="2026-09-30")
    as_dates = explore.select_posts(posts, start=dt.date(2026, 9, 1), end=dt.datetime(2026, 9, 30))
    assert len(expected) > 0 and as_dates.index.equals(expected.index)
    refused = {
        dt.datetime(2026, 9, 1, 23, 59): "datetime.datetime(2026, 9, 1, 23, 59), which has a time of day",
        pd.Timestamp("2026-09-01 08:00", tz="America/Los_Angeles"):
            "Timestamp('2026-09-01 08:00:00-0700', tz='America/Los_Angeles'), which has a time of day and a time "
            "zone of its own",
        pd.Timestamp("2026-09-01", tz="UTC"): "Timestamp('2026-09-01 00:00:00+0000', tz='UTC'), which has a time "
                                              "zone of its own",
    }
    rule = ("; a period is whole days in the workspace's time zone (Asia/Jakarta), so give the day instead, "
            "written YYYY-MM-DD, such as '2026-09-01'")
    for value, given in refused.items():
        with pytest.raises(WorkbookError) as error:
            explore.select_posts(posts, start=value, end="2026-09-30")
        assert str(error.value) == f"start is {given}{rule}"
        with pytest.raises(WorkbookError) as error:
            explore.report_view(workspace, value, "2026-09-30")
        assert str(error.value).startswith(f"report_view's arguments need fixing: start is {given}{rule}. ")
    # a day written with a time of day is refused as text, with the day it probably means
    with pytest.raises(WorkbookError) as error:
        explore.select_posts(posts, start="2026-09-01 12:00")
    assert str(error.value) == ("start is '2026-09-01 12:00', expected a date written YYYY-MM-DD, such as "
                                "'2025-03-01'; a period is whole days, so a time of day is not taken: probably "
                                "'2026-09-01'")
    with pytest.raises(WorkbookError, match="end is '2026-09-30 23:59', expected a date written YYYY-MM-DD; a "
                                            "period is whole days, so a time of day is not taken: probably "
                                            "'2026-09-30'"):
        explore.report_view(workspace, "2026-09-01", "2026-09-30 23:59")
    # the report of September, its days given as dates, is the report of September
    view = explore.report_view(workspace, dt.date(2026, 9, 1), dt.datetime(2026, 9, 30),
                               comparison_start=pd.Timestamp("2026-08-01"), comparison_end=dt.date(2026, 8, 31))
    text = explore.report_view(workspace, "2026-09-01", "2026-09-30")
    assert len(view.posts) == len(expected)
    assert [f.text for f in view.findings()] == [f.text for f in text.findings()]


def test_a_datetime_refused_as_a_day_is_said_in_indonesian(workspace):
    try:
        use_language("id")
        with pytest.raises(WorkbookError) as error:
            explore.select_posts(workspace.posts, end=dt.datetime(2026, 9, 30, 18, 0))
        assert str(error.value) == (
            "end bernilai datetime.datetime(2026, 9, 30, 18, 0), yang memuat jam; periode terdiri atas hari-hari "
            "utuh dalam zona waktu workspace (Asia/Jakarta), jadi berikan harinya saja, ditulis YYYY-MM-DD, "
            "misalnya '2026-09-30'")
    finally:
        use_language("en")


def test_select_posts_refuses_a_day_first_date_rather_than_reading_it_month_first(workspace):
    # pandas reads '03/09/2026' as 9 March: a reader writing the day first meant 3 September
    with pytest.raises(WorkbookError, match=r"start is '03/09/2026', expected a date written YYYY-MM-DD"):
        explore.select_posts(workspace.posts, start="03/09/2026")
    with pytest.raises(WorkbookError, match=r"end is '20260930', expected a date written YYYY-MM-DD"):
        explore.select_posts(workspace.posts, end="20260930")
    as_text = explore.select_posts(workspace.posts, start="2026-09-03", end="2026-09-30")
    as_dates = explore.select_posts(workspace.posts, start=dt.date(2026, 9, 3), end=pd.Timestamp("2026-09-30"))
    assert len(as_text) == len(as_dates) > 0


def test_a_period_outside_the_posts_is_an_error_naming_their_span(three_posts):
    with pytest.raises(WorkbookError, match=r"no posts from 2026-06-01: no export covers these days \(the exports "
                                            r"cover 1 March 2026 to 1 May 2026\), so an empty table"):
        explore.select_posts(three_posts, start="2026-06-01")
    with pytest.raises(WorkbookError, match=r"no posts with platform='facebook' between 2026-04-01 and 2026-04-30: "
                                            r"no export covers these days \(the exports cover 1 March 2026 to 10 March 2026\)"):
        explore.select_posts(three_posts, platform="facebook", start="2026-04-01", end="2026-04-30")
    with pytest.raises(WorkbookError, match=r"no posts with platform='instagram' up to 2026-04-30: no export covers"):
        explore.select_posts(three_posts, platform="instagram", end="2026-04-30")
    # within the platform's span, a format with no post in those days is an empty table: nothing was posted
    assert explore.select_posts(three_posts, platform="facebook", format="video", start="2026-03-01",
                                end="2026-03-05").empty
    assert len(explore.select_posts(three_posts, end="2026-03-01")) == 1  # the first day itself is in the span
    assert len(explore.select_posts(three_posts, start="2026-05-01")) == 1  # and so is the last


def test_the_period_error_speaks_indonesian(three_posts):
    try:
        use_language("id")
        with pytest.raises(WorkbookError) as error:
            explore.select_posts(three_posts, start="2026-06-01")
        assert str(error.value).startswith("tidak ada unggahan mulai 2026-06-01: tidak ada ekspor yang mencakup "
                                           "hari-hari ini (ekspor mencakup 1 Maret 2026 hingga 1 Mei 2026)")
    finally:
        use_language("en")


def test_last_days_end_on_the_last_post_of_the_chosen_platform_and_format(three_posts):
    assert explore.last_days(three_posts, 7) == ("2026-04-25", "2026-05-01")
    # in a folder of several platforms, Facebook's last days are its own, not Instagram's
    assert explore.last_days(three_posts, 7, platform="facebook") == ("2026-03-04", "2026-03-10")
    assert explore.last_days(three_posts, 7, platform="facebook", format="photo") == ("2026-02-23", "2026-03-01")
    start, end = explore.last_days(three_posts, 30, platform="facebook", format="photo")
    # its 30 days reach back before the exports' first day, which select_posts says (covered_only avoids it)
    from helpers.errors import PartlyCovered

    with pytest.warns(PartlyCovered, match="cover only 1 March 2026 of the days chosen"):
        chosen = explore.select_posts(three_posts, platform="facebook", format="photo", start=start, end=end)
    assert len(chosen) == 1


def test_last_days_covered_only_start_where_the_exports_do():
    """An Instagram export named 18 March to 14 April 2025 with posts of 20 (reel), 21 (photo) and 22 March: its
    last 30 days, 21 February to 22 March, are 18 to 22 March covered_only, which select_posts takes without a
    PartlyCovered warning; a photo's days are its platform's exports' (18 to 21 March); days all covered stay."""
    import warnings

    from helpers.errors import PartlyCovered
    from tests.conftest import FIXTURES

    posts = explore.load_folder(FIXTURES / "meta" / "Mar-18-2025_Apr-14-2025_17800000000000099.csv",
                                client="c", timezone="UTC").posts
    assert explore.last_days(posts, 30) == ("2025-02-21", "2025-03-22")
    assert explore.last_days(posts, 30, covered_only=True) == ("2025-03-18", "2025-03-22")
    assert explore.last_days(posts, 30, format="photo", covered_only=True) == ("2025-03-18", "2025-03-21")
    assert explore.last_days(posts, 3, covered_only=True) == ("2025-03-20", "2025-03-22")
    with warnings.catch_warnings():
        warnings.simplefilter("error", PartlyCovered)
        assert len(explore.select_posts(posts, start="2025-03-18", end="2025-03-22")) == 3
    with pytest.warns(PartlyCovered, match="cover only 18 March 2025 to 22 March 2025 of the days chosen"):
        explore.select_posts(posts, start="2025-02-21", end="2025-03-22")


@pytest.fixture()
def month_dated_posts():
    """Posts dated to the month only, as the UCI dataset's: their day (here the first Monday, 3 November and
    1 December) is a stand-in, the real one may be any day of the month. Two in November, one in December."""
    return pd.DataFrame({
        "platform": ["facebook"] * 3, "format": ["photo"] * 3,
        "published_at": pd.to_datetime(["2014-11-03 10:00", "2014-11-03 12:00", "2014-12-01 09:00"])
        .tz_localize("UTC"),
        "published_precision": pd.array(["month"] * 3, dtype="string")})


def test_posts_dated_to_the_month_are_chosen_by_whole_months(month_dated_posts):
    # a post of December is in December, whatever day stands in for its unknown one
    assert len(explore.select_posts(month_dated_posts, start="2014-12-01", end="2014-12-31")) == 1
    assert len(explore.select_posts(month_dated_posts, start="2014-11-01")) == 3
    # a period that cuts a month cannot say whether its posts fall inside: an error naming the months, rather
    # than the stand-in day deciding (before: 1 post for 2014-11-15 to 2014-12-07, 0 for 2014-12-10 onwards)
    for start, end in (("2014-11-15", "2014-12-07"), ("2014-12-10", "2014-12-31"), ("2014-11-01", "2014-11-20")):
        with pytest.raises(WorkbookError, match=r"^of the chosen posts, (1 post is|[23] posts are) dated only to the"
                                                r" month, in a month the period cuts \(2014-1[12]"):
            explore.select_posts(month_dated_posts, start=start, end=end)


def test_the_last_days_of_month_dated_posts_are_whole_months(month_dated_posts):
    # the last 30 days end with the last month's last day and start on the first of their month
    assert explore.last_days(month_dated_posts, 30) == ("2014-12-01", "2014-12-31")
    assert explore.last_days(month_dated_posts, 45) == ("2014-11-01", "2014-12-31")
    start, end = explore.last_days(month_dated_posts, 30)
    assert len(explore.select_posts(month_dated_posts, start=start, end=end)) == 1


def test_month_dated_posts_outside_the_last_days_widen_nothing(three_posts, month_dated_posts):
    # a folder holding the UCI posts of 2014 beside a page's exports of 2026: the last 7 Facebook days are
    # 4 to 10 March 2026, as without the old posts (before: 2026-03-01 to 2026-03-31)
    old = month_dated_posts.assign(published_at=month_dated_posts["published_at"].dt.tz_convert("Asia/Jakarta"))
    both = pd.concat([old, three_posts], ignore_index=True)
    assert explore.last_days(both, 7, platform="facebook") == ("2026-03-04", "2026-03-10")
    # 4,087 days up to 10 March 2026 start on 1 January 2015, after the December 2014 post's month; 4,088
    # start on 31 December 2014, in that month: whole months then
    assert explore.last_days(both, 4087, platform="facebook") == ("2015-01-01", "2026-03-10")
    assert explore.last_days(both, 4088, platform="facebook") == ("2014-12-01", "2026-03-31")


@pytest.mark.parametrize("days", [0, -5, "30", 2.5, True, None])
def test_last_days_takes_a_whole_number_of_days_of_at_least_one(three_posts, days):
    with pytest.raises(WorkbookError, match=rf"^days is {re.escape(repr(days))}, expected a whole number of days of "
                                            r"at least 1, such as 30"):
        explore.last_days(three_posts, days)
    assert explore.last_days(three_posts, 1) == ("2026-05-01", "2026-05-01")
    try:
        use_language("id")
        with pytest.raises(WorkbookError, match=r"^days bernilai .*, seharusnya bilangan bulat hari paling sedikit 1"):
            explore.last_days(three_posts, days)
    finally:
        use_language("en")


def test_the_recipe_period_of_the_uci_dataset_holds_its_last_month():
    folder = real_export("uci-facebook-metrics")
    posts = explore.load_folder(folder, client="uci", timezone="UTC").posts
    platform, format = explore.most_posted(posts)
    start, end = explore.last_days(posts, 30, platform=platform, format=format)
    assert (start, end) == ("2014-12-01", "2014-12-31")  # before: 2014-11-08 to 2014-12-07
    chosen = explore.select_posts(posts, platform=platform, format=format, start=start, end=end)
    december = posts[(posts["format"] == format) & (posts["published_at"].dt.month == 12)]
    assert len(chosen) == len(december) > 0
    # and the client report's view of that period holds the same posts
    assert explore.report_view(explore.load_folder(folder, client="uci", timezone="UTC"), start, end)


def test_the_report_of_a_period_without_posts_gives_the_span_of_month_dated_posts_as_whole_months():
    folder = real_export("uci-facebook-metrics")
    # the last post is dated 2014-12-07, a stand-in day for December: the posts run to 2014-12-31
    with pytest.raises(WorkbookError, match="are dated 2014-01-01 to 2014-12-31"):
        explore.report_view(explore.load_folder(folder, client="uci", timezone="UTC"), "2015-01-01", "2015-01-31")


def test_the_month_cut_error_speaks_indonesian(month_dated_posts):
    try:
        use_language("id")
        with pytest.raises(WorkbookError, match=r"^1 unggahan .*bertanggal bulan"):
            explore.select_posts(month_dated_posts, start="2014-12-10")
    finally:
        use_language("en")


def test_misspelt_names_say_what_is_known_and_what_was_likely_meant(workspace):
    posts = workspace.posts
    facebook = explore.select_posts(posts, platform="facebook")
    slips = [
        (lambda: metrics.rate(posts, "engagment_rate_by_reach"), "rate 'engagment_rate_by_reach'",
         "'engagement_rate_by_reach'"),
        (lambda: metrics.kpis(posts, by="formats"), "column 'formats'", "'format'"),
        (lambda: explore.summary_view(posts, by="formats"), "column 'formats'", "'format'"),
        (lambda: compare.compare_groups(facebook, "format", "raech"), "'raech'", "'reach'"),
        (lambda: compare.compare_groups(facebook, "formats", "reach"), "column 'formats'", "'format'"),
        (lambda: compare.rank_agreement(posts, y="interaction"), "'interaction'", "'interactions'"),
        (lambda: explore.posts_behind(posts, "engagment_rate_by_reach"), "KPI", "'engagement_rate_by_reach'"),
    ]
    for call, named, meant in slips:
        with pytest.raises(WorkbookError) as error:
            call()
        text = str(error.value)
        assert named in text and f"did you mean {meant}? Expected one of: " in text, text
    with pytest.raises(WorkbookError) as error:  # nothing close: the names known, and no guess
        metrics.rate(posts, "roi")
    assert "did you mean" not in str(error.value)
    assert str(error.value).startswith("rate 'roi' is not one the workbook knows; expected one of: frequency, ")
    try:
        use_language("id")
        with pytest.raises(WorkbookError, match="kolom 'formats' tidak dikenali buku kerja ini: maksud Anda 'format'?"):
            metrics.kpis(posts, by="formats")
    finally:
        use_language("en")


def test_posts_behind_a_column_gives_the_top_posts_under_that_lens(workspace):
    posts = workspace.posts
    by_reach = explore.posts_behind(posts, "reach", platform="instagram")
    assert by_reach.equals(explore.posts_behind(posts, "summed_reach", platform="instagram"))
    instagram = explore.select_posts(posts, platform="instagram")
    assert len(by_reach) == instagram["reach"].notna().sum()
    assert by_reach["reach"].iloc[0] == instagram["reach"].max() and by_reach["reach"].is_monotonic_decreasing
    by_interactions = explore.posts_behind(posts, "interactions", platform="instagram")
    assert by_interactions["interactions"].iloc[0] == instagram["interactions"].max()


def test_the_first_look_says_what_impressions_count():
    columns = explore.OVERVIEW_COLUMNS
    assert columns[columns.index("impressions") + 1] == "impressions_kind"
    posts = explore.load_folder(real_export("instagram"), client="i", timezone="Africa/Johannesburg").posts
    assert set(posts[columns]["impressions_kind"]) == {"views"}  # Business Suite's Views, since 2025


def test_a_file_for_folder_is_read_and_an_empty_folder_says_what_to_give(tmp_path):
    export = tmp_path / "posts.csv"
    shutil.copy(DEMO_DIR / "kopi-senja" / "Jul-01-2026_Oct-31-2026_104512873300219.csv", export)
    assert len(explore.load_folder(export, timezone="Asia/Jakarta").posts) == 118  # the Facebook page's posts
    (tmp_path / "empty").mkdir()
    with pytest.raises(WorkbookError, match=r"no export files \(.csv, .xlsx, .tsv, .txt\) under .*empty: put the "
                                            r"platforms' exports there"):
        explore.load_folder(tmp_path / "empty")


def test_inspect_describes_every_export_in_a_folder_and_its_subfolders(tmp_path, capsys):
    for path in (DEMO_DIR / "kopi-senja").glob("*.csv"):
        (tmp_path / "kopi" / "posts").mkdir(parents=True, exist_ok=True)
        shutil.copy(path, tmp_path / "kopi" / "posts" / path.name)
    assert main(["inspect", str(tmp_path / "kopi"), "--timezone", "Asia/Jakarta"]) == 0
    out = capsys.readouterr().out
    assert out.count("family:       Meta Business Suite post export") == 2
    assert "together: 264 distinct posts from 2 files" in out
    (tmp_path / "kopi" / "notes.txt").write_text("brief from the client\n", encoding="utf-8")
    (tmp_path / "kopi" / "~$open.xlsx").write_bytes(b"")  # Excel's lock file: not listed
    # the note is no export: listed as skipped, as explore.load_folder lists it, and no failure
    assert main(["inspect", str(tmp_path / "kopi"), "--timezone", "Asia/Jakarta"]) == 0
    out = capsys.readouterr().out
    assert "notes.txt\n  skipped, as explore.load_folder skips it:" in out and "~$open" not in out
    assert out.count("family:       Meta Business Suite post export") == 2
    (tmp_path / "none").mkdir()
    assert main(["inspect", str(tmp_path / "none")]) == 2
    assert "no export files (.csv, .xlsx, .tsv, .txt) under" in capsys.readouterr().out


def test_inspect_says_what_impressions_count(capsys):
    assert main(["inspect", str(real_export("instagram")), str(real_export("youtube/areikher/Table data.csv")),
                 str(real_export("x/content-2025-02")), "--timezone", "UTC"]) == 0
    out = capsys.readouterr().out
    assert "metrics:      reach, impressions (counted as views), reactions" in out
    assert "metrics:      impressions (counted as thumbnail impressions)" in out
    assert "metrics:      impressions, reactions" in out  # X counts impressions: nothing added
    assert "impressions (counted as" not in out.split("not reported:")[1].split("\n")[0]


AUDIENCE_SKIPPED = ("an audience breakdown (age and gender, top countries and cities), not a post export or a daily "
                    "series: nothing in it is read")


def test_business_suites_audience_file_in_a_folder_is_listed_as_skipped_with_why(tmp_path):
    """Business Suite's Audience.csv (age and gender, top countries and cities: tests/fixtures/daily) beside a
    post export and a daily series: skipped, with what it is, not a daily series of 0 days; it is no file
    whose posts are missing, so the warnings do not name it."""
    from helpers.paths import PROJECT_ROOT

    daily = PROJECT_ROOT / "tests" / "fixtures" / "daily"
    harbour = DEMO_DIR / "harbour-books" / "Jul-01-2026_Oct-31-2026_100088245511032.csv"
    for path in (harbour, daily / "Audience.csv", daily / "follows_semicolon_resaved.csv"):
        shutil.copy(path, tmp_path)
    workspace = explore.load_folder(tmp_path, timezone="Europe/London")
    files = workspace.files().set_index("file")
    assert files.loc["Audience.csv"].tolist() == ["skipped", 0, AUDIENCE_SKIPPED]
    assert files.loc["follows_semicolon_resaved.csv", "table"] == "daily series"
    assert [r.path.name for r in workspace.sources.daily_reports] == ["follows_semicolon_resaved.csv"]
    assert not any("Audience" in str(note) for note in workspace.warnings())
    (tmp_path / harbour.name).unlink()  # no post export left: the daily series is read, Audience.csv still skipped
    alone = explore.load_folder(tmp_path, timezone="Europe/London")
    assert alone.posts.empty and alone.files().set_index("file").loc["Audience.csv"].tolist() == [
        "skipped", 0, AUDIENCE_SKIPPED]
    assert str(alone.warnings()[0]).startswith("no post export was read, only daily series "
                                               "(follows_semicolon_resaved.csv): ")


def test_business_suites_real_audience_file_is_skipped_in_a_folder():
    workspace = explore.load_folder(real_export("facebook"), timezone="UTC")
    files = workspace.files().set_index("file")
    assert files.loc["Audience.csv"].tolist() == ["skipped", 0, AUDIENCE_SKIPPED]
    assert {"Follows.csv", "Reach.csv", "Views.csv"} == set(files.index[files["table"] == "daily series"])
