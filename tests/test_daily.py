"""The daily table: real page/account-level exports, re-saved variants, bad input, followers_on.

Reference figures were computed with an independent script (csv module, and the xlsx XML read directly).
"""
from __future__ import annotations

import os
import shutil

import numpy as np
import pandas as pd
import pytest

from helpers.daily import (DAILY_FAMILIES, followers_on, import_daily_series, load_daily_series, validate_daily)
from helpers.errors import ExportFormatError
from helpers.i18n import Translator
from helpers.importers import detect_family
from helpers.schema import SchemaViolation
from tests.conftest import FIXTURES, REAL_EXPORTS, real_export

DAILY = FIXTURES / "daily"


def values(daily: pd.DataFrame, metric: str) -> pd.Series:
    part = daily[daily["metric"] == metric].set_index("date")["value"]
    return part.sort_index()


# ---- real exports -----------------------------------------------------------------------------------

def test_meta_page_daily_real_files():
    folder = real_export("facebook/business-suite-page-daily")
    daily, reports = import_daily_series(str(folder / "*.csv"), client="acme")
    by_name = {r.path.name: r for r in reports}
    assert by_name["Audience.csv"].rows_imported == 0  # demographics: skipped, and said so
    audience = by_name["Audience.csv"]  # said once: its rows dropped, and why (no second note in other words)
    assert [str(reason) for reason in audience.dropped] == [
        "demographics (age and gender, countries, cities), not a daily series: file skipped"]
    assert audience.warnings == []
    assert len(daily) == 3 * 105
    assert set(daily["platform"]) == {"facebook"} and set(daily["client"]) == {"acme"}
    reach, views, follows = values(daily, "reach"), values(daily, "views"), values(daily, "follows_gained")
    assert (len(reach), len(views), len(follows)) == (105, 105, 105)
    assert reach.sum() == 10734 and views.sum() == 29981 and follows.sum() == 66  # checksums, not reach
    # "2025-01-01T01:00:00" and, after the clocks change, "2025-03-10T00:00:00": both are just the day
    assert reach.index[0] == pd.Timestamp("2025-01-01") and reach.index[-1] == pd.Timestamp("2025-04-15")
    assert reach[pd.Timestamp("2025-01-02")] == 14
    assert str(daily["date"].dtype) == "datetime64[ns]" and (daily["date"] == daily["date"].dt.normalize()).all()
    first = daily[(daily["metric"] == "reach")].iloc[0]
    assert first["source_row"] == 4 and first["source_file"].endswith("Reach.csv")
    for name in ("Reach.csv", "Views.csv", "Follows.csv"):  # each ends with an empty line: no day, not a row
        assert (by_name[name].rows_in_file, by_name[name].rows_imported, by_name[name].dropped) == (105, 105, {})


def test_meta_page_daily_instagram_option():
    daily = load_daily_series(real_export("facebook/business-suite-page-daily/Views.csv"), platform="instagram")
    assert set(daily["platform"]) == {"instagram"}  # "Views" does not say whose page it is
    with pytest.raises(ExportFormatError, match="Facebook reach"):  # this one does
        load_daily_series(real_export("facebook/business-suite-page-daily/Reach.csv"), platform="instagram")


def test_x_account_overview_real_file():
    path = real_export("x/content-2025-02/account_overview_analytics.csv")
    daily = load_daily_series(path)
    assert len(daily) == 50 * 13
    assert values(daily, "impressions").sum() == 9699
    assert values(daily, "follows_gained").sum() == 139
    assert values(daily, "impressions").index.min() == pd.Timestamp("2024-12-31")
    assert values(daily, "impressions")[pd.Timestamp("2025-02-17")] == 426
    assert "reach" not in set(daily["metric"])  # X never reports reach


def test_tiktok_overview_real_file_needs_a_year():
    path = real_export("tiktok/studio-htupycollabs/Overview.csv")
    with pytest.raises(ExportFormatError, match="year="):
        load_daily_series(path)
    daily, reports = import_daily_series(path, year=2025)
    views = values(daily, "video_views")
    assert len(views) == 365 and views.sum() == 2946198
    assert views.index[0] == pd.Timestamp("2025-02-28") and views.index[-1] == pd.Timestamp("2026-02-27")
    assert pd.Timestamp("2026-01-01") in views.index  # the year turned after December 31
    assert values(daily, "comments").sum() == 3171 and values(daily, "comments").min() < 0  # net of removals
    [negative] = [w for w in reports[0].warnings if w.key == "imports.daily_common.negative"]
    assert str(negative).startswith("comments is negative on 35 days (first: row 167)")  # the metric's label
    assert Translator("id").message(negative).startswith(
        "komentar bernilai negatif pada 35 hari (yang pertama: baris 167)")
    # the dates placed in years, as the reader's language writes a date (not 2025-02-28)
    [placed] = [w for w in reports[0].warnings if w.key.startswith("imports.yearless_dates.years_placed")]
    assert "they run from 28 February 2025 to 27 February 2026" in str(placed)
    assert "rentang tanggalnya dari 28 Februari 2025 hingga 27 Februari 2026" in Translator("id").message(placed)


def test_tiktok_viewers_real_file():
    path = real_export("tiktok/studio-htupycollabs/Viewers.csv")
    daily = load_daily_series(path, year=2025)
    viewers = values(daily, "viewers")
    assert len(viewers) == 365 and viewers.isna().sum() == 25  # "undefined" is NA, not 0
    assert viewers.sum() == 2550981
    assert values(daily, "new_viewers").sum() == 1897400


def test_youtube_totals_real_file():
    path = real_export("youtube/CodingTrain_Happy-New-Year-2022/Totals.csv")
    daily = load_daily_series(path)
    views = values(daily, "video_views")
    assert len(daily) == 365 and views.sum() == 15503810
    assert views.index[0] == pd.Timestamp("2020-12-31") and views[pd.Timestamp("2021-01-01")] == 37509


def test_youtube_chart_data_is_refused():
    path = real_export("youtube/CodingTrain_Happy-New-Year-2022/Chart data.csv")
    with pytest.raises(ExportFormatError, match="Totals.csv") as info:
        load_daily_series(path)
    assert info.value.column == "Geography"


def test_linkedin_metrics_sheet_real_file():
    path = real_export("linkedin/company-page/leaf-space_content_1753863379800.xlsx")
    daily = load_daily_series(path)
    impressions = values(daily, "impressions")
    assert len(impressions) == 240 and impressions.sum() == 211342
    assert values(daily, "clicks").sum() == 12889
    assert impressions.index[0] == pd.Timestamp("2024-12-01") and impressions.index[-1] == pd.Timestamp("2025-07-28")
    assert daily[daily["metric"] == "impressions"]["source_row"].iloc[0] == 3  # row 1 sentence, row 2 header
    assert {"impressions_organic", "reach_organic", "platform_engagement_rate"} <= set(daily["metric"])


def test_detection_on_every_real_file():
    real_export("x/content-2025-02/account_overview_analytics.csv")
    expected = {
        "facebook/business-suite-page-daily/Reach.csv": "meta_page_daily",
        "facebook/business-suite-page-daily/Views.csv": "meta_page_daily",
        "facebook/business-suite-page-daily/Follows.csv": "meta_page_daily",
        "facebook/business-suite-page-daily/Audience.csv": "meta_page_audience",
        "x/content-2025-02/account_overview_analytics.csv": "x_account_overview",
        "tiktok/studio-htupycollabs/Overview.csv": "tiktok_overview",
        "tiktok/studio-htupycollabs/Viewers.csv": "tiktok_viewers",
        "youtube/CodingTrain_Happy-New-Year-2022/Totals.csv": "youtube_totals",
        "youtube/CodingTrain_Happy-New-Year-2022/Chart data.csv": "youtube_totals",  # then refused by the reader
        "linkedin/company-page/leaf-space_content_1753863379800.xlsx": "linkedin_page_metrics",
    }
    from helpers.daily import detect_daily_family
    for path in sorted(REAL_EXPORTS.rglob("*")):
        if not path.is_file() or path.suffix not in (".csv", ".xlsx"):
            continue
        relative = path.relative_to(REAL_EXPORTS).as_posix()
        if relative in expected:
            assert detect_daily_family(path).name == expected[relative], relative
        else:
            with pytest.raises(ExportFormatError):
                detect_daily_family(path)


def test_daily_files_are_not_taken_for_post_exports():
    for relative in ("facebook/business-suite-page-daily/Reach.csv", "x/content-2025-02/account_overview_analytics.csv",
                     "tiktok/studio-htupycollabs/Overview.csv", "youtube/CodingTrain_Happy-New-Year-2022/Totals.csv"):
        with pytest.raises(ExportFormatError):
            detect_family(real_export(relative))


# ---- fixtures: Meta variants ------------------------------------------------------------------------

def test_utf16_sep_line_and_platform_from_metric_line():
    daily, reports = import_daily_series(DAILY / "instagram_reach_utf16.csv")
    assert set(daily["platform"]) == {"instagram"}  # "Instagram reach"
    reach = values(daily, "reach")
    assert reach.tolist()[0] == 40 and pd.isna(reach[pd.Timestamp("2025-03-08")])  # blank is NA, not 0
    assert reach.index.tolist() == list(pd.date_range("2025-03-07", "2025-03-10"))
    assert daily["source_row"].tolist() == [4, 5, 6, 7]
    with pytest.raises(ExportFormatError, match="platform"):
        load_daily_series(DAILY / "instagram_reach_utf16.csv", platform="facebook")


def test_blank_row_between_days_is_dropped_and_the_final_empty_line_is_no_row():
    # 3 days, an empty line between the first two, and the empty line Meta ends its files with
    daily, (report,) = import_daily_series(DAILY / "reach_blank_rows_utf16.csv")
    assert (report.rows_in_file, report.rows_imported) == (4, 3)
    assert {str(reason): count for reason, count in report.dropped.items()} == {"blank rows": 1}
    assert values(daily, "reach").tolist() == [40, 52, 7]
    assert daily["source_row"].tolist() == [4, 6, 7]  # the blank line is row 5


def test_tab_separated_resave():
    daily = load_daily_series(DAILY / "views_tab_resaved.csv")
    views = values(daily, "views")
    assert set(daily["platform"]) == {"facebook"}  # the default when the file does not say
    assert views.iloc[:2].tolist() == [120, 95] and pd.isna(views.iloc[2])
    assert daily["source_row"].tolist() == [3, 4, 5]


def test_semicolon_separated_resave():
    daily = load_daily_series(DAILY / "follows_semicolon_resaved.csv")
    follows = values(daily, "follows_gained")
    assert follows.index[0] == pd.Timestamp("2025-03-07")
    assert follows.tolist()[:2] == [2, 0] and pd.isna(follows.iloc[2]) and follows.iloc[3] == 5


def test_bad_number_names_file_row_and_column():
    with pytest.raises(ExportFormatError) as info:
        load_daily_series(DAILY / "reach_bad_number.csv")
    assert info.value.row == 6 and info.value.column == "Primary"
    assert "reach_bad_number.csv" in str(info.value) and "'4O'" in str(info.value)


def test_bad_number_in_x_overview():
    with pytest.raises(ExportFormatError) as info:
        load_daily_series(DAILY / "account_overview_bad.csv")
    assert info.value.row == 3 and info.value.column == "Impressions"


def test_unknown_file_lists_known_daily_families():
    with pytest.raises(ExportFormatError) as info:
        load_daily_series(DAILY / "not_daily.csv")
    message = str(info.value)
    for family in DAILY_FAMILIES:
        assert family.label in message


def test_most_recent_export_wins(tmp_path):
    older, newer = tmp_path / "Reach_old.csv", tmp_path / "Reach_new.csv"
    shutil.copy(DAILY / "instagram_reach_utf16.csv", older)
    newer.write_bytes('sep=,\n"Instagram reach"\n"Date","Primary"\n"2025-03-10T00:00:00","7"\n'
                      '"2025-03-11T00:00:00","9"\n'.encode("utf-16"))
    os.utime(older, (1_700_000_000, 1_700_000_000))
    os.utime(newer, (1_800_000_000, 1_800_000_000))
    daily, reports = import_daily_series([newer, older])
    reach = values(daily, "reach")
    assert len(reach) == 5 and reach[pd.Timestamp("2025-03-10")] == 7
    assert daily.set_index("date").loc[pd.Timestamp("2025-03-10"), "source_file"] == str(newer)
    assert {r.path.name: r.superseded for r in reports} == {"Reach_old.csv": 1, "Reach_new.csv": 0}


# ---- fixtures: TikTok dates without a year ---------------------------------------------------------

def test_tiktok_year_from_export_period_in_name_spanish_dates():
    daily = load_daily_series(DAILY / "FollowerHistory_2024-12-30_2025-01-03.csv")
    followers = values(daily, "followers")
    assert followers.index.tolist() == list(pd.date_range("2024-12-30", "2025-01-03"))
    assert pd.isna(followers[pd.Timestamp("2025-01-01")])  # "undefined"
    assert values(daily, "followers_net_change")[pd.Timestamp("2024-12-31")] == -2


def test_tiktok_without_year_asks_for_year():
    with pytest.raises(ExportFormatError, match="pass year="):
        load_daily_series(DAILY / "FollowerHistory.csv")
    daily = load_daily_series(DAILY / "FollowerHistory.csv", year=2023)
    assert values(daily, "followers").index.tolist() == [pd.Timestamp("2023-02-27"), pd.Timestamp("2023-02-28"),
                                                          pd.Timestamp("2023-03-01"), pd.Timestamp("2023-03-19")]


def test_tiktok_february_29_needs_a_leap_year():
    with pytest.raises(ExportFormatError) as info:
        load_daily_series(DAILY / "Overview_leap.csv", year=2025)
    assert info.value.row == 3
    daily = load_daily_series(DAILY / "Overview_leap.csv", year=2024)
    assert pd.Timestamp("2024-02-29") in values(daily, "video_views").index
    assert pd.isna(values(daily, "comments")[pd.Timestamp("2024-02-29")])  # "--"
    assert pd.isna(values(daily, "profile_views")[pd.Timestamp("2024-03-01")])  # "NAN"


def test_tiktok_dates_in_the_future_are_refused():
    with pytest.raises(ExportFormatError, match="future"):
        load_daily_series(DAILY / "FollowerHistory.csv", year=pd.Timestamp.today().year + 1)


# ---- contract and followers_on ---------------------------------------------------------------------

def _hand_daily() -> pd.DataFrame:
    rows = [
        ("facebook", "2025-01-01", "followers", 100.0, 2),
        ("facebook", "2025-01-03", "followers", None, 3),
        ("facebook", "2025-01-05", "followers", 110.0, 4),
        ("facebook", "2025-01-05", "reach", 999.0, 4),
        ("instagram", "2024-12-01", "followers", 5000.0, 2),
    ]
    frame = pd.DataFrame(rows, columns=["platform", "date", "metric", "value", "source_row"])
    return pd.DataFrame({
        "client": pd.Series("acme", index=frame.index, dtype="string"),
        "platform": frame["platform"].astype("string"),
        "date": pd.to_datetime(frame["date"]).astype("datetime64[ns]"),
        "metric": frame["metric"].astype("string"),
        "value": frame["value"].astype("Float64"),
        "source_file": pd.Series("hand.csv", index=frame.index, dtype="string"),
        "source_row": frame["source_row"].astype("Int64"),
    })


def test_followers_on_by_hand():
    daily = validate_daily(_hand_daily())
    dates = pd.Series(pd.to_datetime(["2024-12-31", "2025-01-01", "2025-01-02", "2025-01-03", "2025-01-06"]),
                      index=[10, 11, 12, 13, 14])
    result = followers_on(daily, dates, "facebook")
    assert result.index.tolist() == [10, 11, 12, 13, 14]
    assert pd.isna(result[10])  # nothing known before
    assert result.loc[11:].tolist() == [100, 100, 100, 110]  # the NA on Jan 3 is not a known value
    # a publish time counts by its local calendar day: 01:00 on Jan 5 in Jakarta is Jan 4 in UTC
    aware = pd.Series(pd.to_datetime(["2025-01-05 01:00"]).tz_localize("Asia/Jakarta"))
    assert followers_on(daily, aware, "facebook").tolist() == [110]
    assert followers_on(daily, ["2025-01-06"], "facebook", tolerance="0D").isna().all()
    assert followers_on(daily, ["2025-01-06"], "instagram").tolist() == [5000]
    assert followers_on(daily, ["2025-01-06"], "x").isna().all()


def test_validation_names_file_column_and_rows():
    daily = _hand_daily()
    daily.loc[0, "value"] = -1.0
    with pytest.raises(SchemaViolation, match=r"'value'.*hand.csv rows 2"):
        validate_daily(daily)
    duplicated = pd.concat([_hand_daily(), _hand_daily().iloc[[0]]], ignore_index=True)
    with pytest.raises(SchemaViolation, match="hand.csv rows 2"):
        validate_daily(duplicated)


def test_follower_growth_by_hand():
    from helpers.daily import follower_growth

    rows = [("2025-01-01", "followers", 100.0), ("2025-01-31", "followers", 130.0), ("2025-01-10", "follows_gained", 4.0),
            ("2025-01-20", "follows_gained", 6.0), ("2025-02-10", "follows_gained", 99.0)]
    daily = pd.DataFrame({"client": "c", "platform": "tiktok", "date": pd.to_datetime([r[0] for r in rows]),
                          "metric": [r[1] for r in rows], "value": pd.array([r[2] for r in rows], dtype="Float64"),
                          "source_file": "hand.csv", "source_row": range(2, 7)})
    got = follower_growth(daily, "2025-01-02", "2025-01-31").iloc[0]
    assert (got["followers_start"], got["followers_end"], got["change"]) == (100, 130, 30)
    assert got["relative_change"] == pytest.approx(0.3)
    assert got["follows_gained"] == 10  # February's follows are outside the period
    assert (got["follow_days"], got["period_days"]) == (2, 30)  # 10 and 20 January of 2 to 31 January
    assert (got["start_day"], got["end_day"]) == (pd.Timestamp("2025-01-01"), pd.Timestamp("2025-01-31"))
    assert np.isnan(got["unfollows"])  # not reported: NA, not 0


def test_follower_growth_takes_no_total_older_than_a_week():
    """A series that stops before the period (or long before its end) gives no start or end total, not an old
    one passed off as the period's; one within FOLLOWERS_TOLERANCE is taken, with its day. (A series holding
    no day of the period is refused by follower_growth; the report, which says so in words, reads it still.)"""
    from helpers.daily import _follower_growth, follower_growth

    days = pd.date_range("2026-08-20", "2026-09-15")
    daily = pd.DataFrame({"client": "c", "platform": "facebook", "date": days, "metric": "followers",
                          "value": pd.array([1000.0 + 10 * i for i in range(len(days))], dtype="Float64"),
                          "source_file": "hand.csv", "source_row": range(2, 2 + len(days))})
    june = daily.iloc[:1].assign(date=pd.Timestamp("2026-06-10"))
    stale = _follower_growth(june, "2026-09-01", "2026-10-31").iloc[0]
    assert pd.isna(stale["followers_start"]) and pd.isna(stale["followers_end"]) and pd.isna(stale["change"])
    # ends on 15 September: 46 days before the period's end, so no end total; the start is 31 August's
    short = follower_growth(daily, "2026-09-01", "2026-10-31").iloc[0]
    assert short["followers_start"] == 1000 + 10 * 11 and short["start_day"] == pd.Timestamp("2026-08-31")
    assert pd.isna(short["followers_end"]) and pd.isna(short["end_day"]) and pd.isna(short["relative_change"])
    assert (short["first_total_day"], short["last_total_day"]) == (pd.Timestamp("2026-08-20"), pd.Timestamp("2026-09-15"))
    # a period ending on 20 September: 15 September's total (5 days before) is taken, and its day named
    near = follower_growth(daily, "2026-09-01", "2026-09-20").iloc[0]
    assert (near["followers_start"], near["followers_end"]) == (1110, 1260)
    assert near["end_day"] == pd.Timestamp("2026-09-15") and near["relative_change"] == pytest.approx(150 / 1110)
    assert (near["follow_days"], near["period_days"]) == (0, 20)


def test_the_days_follows_are_counted_on_are_those_reporting_follows_gained():
    """Follows gained on 1 to 10 September, unfollows on 11 to 30: the 50 follows gained cover 10 of the
    period's 30 days, not 30 (unfollows are another count), and the report says so."""
    from helpers.daily import follower_growth
    from helpers.report import build_report
    from helpers.paths import DEMO_DIR

    days = pd.date_range("2026-09-01", "2026-09-30")
    metric = ["follows_gained"] * 10 + ["unfollows"] * 20
    daily = pd.DataFrame({"client": "c", "platform": "facebook", "date": days, "metric": metric,
                          "value": pd.array([5.0] * 10 + [1.0] * 20, dtype="Float64"), "source_file": "hand.csv",
                          "source_row": range(2, 32)})
    got = follower_growth(daily, "2026-09-01", "2026-09-30").iloc[0]
    assert (got["follows_gained"], got["unfollows"], got["follow_days"], got["period_days"]) == (50, 20, 10, 30)
    report = build_report(client="hb", client_name="HB", exports=[str(DEMO_DIR / "harbour-books" / "*.csv")],
                          timezone="Europe/London", period_start="2026-09-01", period_end="2026-09-30")
    report.daily = daily
    assert report.follower_sentences() == [
        "On Facebook, the daily series reports 50 follows gained on 10 of the period's 30 days (no"
        " follower totals, so no growth rate); the other days are not counted."]
    report.daily = daily.iloc[:1].assign(value=pd.array([1.0], dtype="Float64"))
    assert report.follower_sentences()[0].startswith(
        "On Facebook, the daily series reports 1 follow gained on 1 of the period's 30 days")


def test_follower_growth_when_the_series_starts_inside_the_period():
    """No follower total before the period: start, change and relative change are missing, not an error."""
    from helpers.daily import follower_growth

    daily = pd.DataFrame({"client": "c", "platform": "facebook", "date": pd.to_datetime(["2026-09-10", "2026-10-31"]),
                          "metric": "followers", "value": pd.array([100.0, 120.0], dtype="Float64"),
                          "source_file": "hand.csv", "source_row": [2, 3]})
    got = follower_growth(daily, "2026-09-01", "2026-10-31").iloc[0]
    assert got["followers_end"] == 120
    assert pd.isna(got["followers_start"]) and pd.isna(got["change"]) and pd.isna(got["relative_change"])


def test_followers_at_posting_are_the_start_of_the_posting_day_and_never_stale():
    from helpers.sources import attach_followers

    daily = pd.DataFrame({"client": "c", "platform": "facebook", "metric": "followers",
                          "date": pd.to_datetime(["2025-01-05", "2025-01-06", "2025-03-01"]),
                          "value": pd.array([100, 130, 900], dtype="Float64")})
    posts = pd.DataFrame({"platform": "facebook", "followers": pd.array([pd.NA, pd.NA, pd.NA, 55], dtype="Int64"),
                          "published_at": pd.to_datetime(["2025-01-06 20:00", "2025-01-07 08:00", "2025-02-20 09:00",
                                                          "2025-01-06 09:00"]).tz_localize("Asia/Jakarta")})
    got = attach_followers(posts, daily)["followers"].tolist()
    # 6 Jan: the total at the end of 5 Jan (follows gained that day may be the post's own); 7 Jan: end of 6 Jan;
    # 20 Feb: the last total is from 6 Jan, 44 days before: too old to stand for it; a known value is kept
    assert got[:2] == [100, 130] and pd.isna(got[2]) and got[3] == 55


def test_every_daily_metric_has_a_label_in_both_languages():
    """The report's list of files read names each daily file's metrics: none may show as a raw column name."""
    from helpers.daily import EXPORT_METRICS, METRICS
    from helpers.i18n import LANGUAGES, Translator

    names = set(METRICS) | {name for mapping in EXPORT_METRICS.values() for name in mapping.values()}
    for language in LANGUAGES:
        texts = Translator(language).texts
        assert not sorted(n for n in names if f"metric.{n}.label" not in texts), language


def test_daily_unique_reach_is_described_by_day_never_summed():
    from helpers.daily import daily_unique_reach

    days = pd.to_datetime(["2025-02-28", "2025-03-01", "2025-03-02", "2025-03-03", "2025-03-01", "2025-03-02"])
    daily = pd.DataFrame({"client": "c", "platform": ["facebook"] * 4 + ["tiktok"] * 2, "date": days,
                          "metric": ["reach"] * 4 + ["viewers", "viewers"],
                          "value": pd.array([999, 100, 40, pd.NA, 7, 9], dtype="Float64")})
    table = daily_unique_reach(daily, "2025-03-01", "2025-03-31").set_index(["platform", "metric"])
    # by hand: 28 February is outside; 3 March reports nothing (NA, not 0): mean of 100 and 40
    assert table.loc[("facebook", "reach")].tolist() == [2, 70.0, 70.0, 40.0, 100.0]
    assert table.loc[("tiktok", "viewers")].tolist() == [2, 8.0, 8.0, 7.0, 9.0]
    assert daily_unique_reach(None, "2025-03-01", "2025-03-31").empty


@pytest.mark.parametrize("figures", ["daily_unique_reach", "follower_growth"])
def test_the_figures_over_days_refuse_a_period_as_the_explorer_does(figures):
    """Facebook's reach of 1 to 3 March 2025 (100, 40, 70): a period the series hold no figure of, a start after
    the end, a day past its month's end or a time of day are errors, not an empty table or rows of NaN, in
    the explorer's words; an end not given is the series' own (1 or 3 March: the three days, median 70)."""
    from helpers import daily as module
    from helpers.errors import WorkbookError

    figure = getattr(module, figures)
    daily = pd.DataFrame({"client": "c", "platform": "facebook", "date": pd.date_range("2025-03-01", periods=3),
                          "metric": "reach", "value": pd.array([100, 40, 70], dtype="Float64")})
    with pytest.raises(WorkbookError) as error:
        figure(daily, "2025-04-01", "2025-04-30")
    assert str(error.value) == (
        "No daily series holds a figure between 1 April 2025 and 30 April 2025: the daily series cover 1 March 2025"
        " to 3 March 2025, not these days, so there is no reach per day or follower growth to show. Pick days they"
        " cover, or load the daily exports that cover these.")
    with pytest.raises(WorkbookError, match=r"^No daily series holds a figure from 4 March 2025: the daily series"):
        figure(daily, "2025-03-04", None)
    with pytest.raises(WorkbookError) as error:  # one day asked: that day, not "these days"
        figure(daily, "2025-04-01", "2025-04-01")
    assert str(error.value) == (
        "No daily series holds a figure on 1 April 2025: the daily series cover 1 March 2025 to 3 March 2025, not"
        " that day, so there is no reach per day or follower growth to show. Pick days they cover, or load the"
        " daily exports that cover it.")
    with pytest.raises(WorkbookError, match=r"^start 2025-03-03 is after end 2025-03-01: no day lies between them$"):
        figure(daily, "2025-03-03", "2025-03-01")
    with pytest.raises(WorkbookError, match=r"^end is '2025-02-30', expected a date written YYYY-MM-DD, .*February"
                                            r" 2025 has 28 days"):
        figure(daily, "2025-02-01", "2025-02-30")
    with pytest.raises(WorkbookError, match=r"a time of day; a period is whole days in the daily series' own calendar"
                                            r" \(each export's days, with no time zone\), so give the day instead"):
        figure(daily, pd.Timestamp("2025-03-01 10:00"), "2025-03-02")
    if figures == "daily_unique_reach":
        assert figure(daily, "2025-02-01", "2025-03-01")["days"].tolist() == [1]  # 1 March: covered in part
        assert figure(daily, None, None)[["days", "median"]].values.tolist() == [[3, 70.0]]
    else:
        assert figure(daily, "2025-02-01", "2025-03-01")["period_days"].tolist() == [29]
        assert figure(daily, None, None)["period_days"].tolist() == [3]
    assert figure(None, "2025-04-01", "2025-04-30").empty  # no series at all: nothing to cover


def test_the_figures_over_days_of_business_suites_files_name_the_days_they_cover():
    """Reach.csv, Views.csv and Follows.csv hold 1 January to 15 April 2025, the last day left out."""
    from helpers.daily import daily_unique_reach, follower_growth
    from helpers.errors import WorkbookError

    daily = load_daily_series(str(real_export("facebook/business-suite-page-daily") / "*.csv"))
    for figure in (daily_unique_reach, follower_growth):
        with pytest.raises(WorkbookError, match=r"^No daily series holds a figure between 1 January 2024 and 31"
                                                r" January 2024: the daily series cover 1 January 2025 to 14 April"
                                                r" 2025, not these days"):
            figure(daily, "2024-01-01", "2024-01-31")
    assert daily_unique_reach(daily, "2025-01-01", "2025-01-31")["days"].tolist() == [31]


def test_the_report_gives_the_pages_daily_reach_in_the_broadcast_lens():
    folder, posts = real_export("facebook/business-suite-page-daily"), real_export("facebook/business-suite-posts")
    from helpers.report import build_report

    report = build_report(client="t", client_name="T", exports=[str(posts / "*.csv"), str(folder / "Reach.csv")],
                          timezone="UTC", period_start="2025-03-01", period_end="2025-03-31")
    reach = load_daily_series(folder / "Reach.csv", timezone="UTC")
    march = reach[(reach["metric"] == "reach") & reach["date"].between("2025-03-01", "2025-03-31")]["value"]
    tr = report.tr
    assert report.daily_reach_sentences() == [
        f"On Facebook, the page reached {tr.number(march.median())} accounts on a typical day of the period (the median"
        f" day; lowest {tr.number(march.min())}, highest {tr.number(march.max())}; 31 of its 31 days in the daily"
        " series). Each day counts a person once, whatever they saw that day; days are not added up, since a person"
        " reached on two days would count twice."]


# ---- Meta's Pacific days, a file's last day, periods only daily files cover ------------------------------
# tests/fixtures/daily/pacific: a Facebook post export named for 1 to 14 March 2025 (five posts) and Business
# Suite's Reach.csv and Follows.csv of 20 February to 14 March 2025, days written as Meta writes them (T01:00 up
# to 9 March, T00:00 from 10 March: midnight Pacific at a fixed UTC−7 clock). Reach: 20 to 28 February 10 to 18,
# 1 to 13 March 20 to 32, and 14 March 2 (a download-day morning); follows: 0 a day in February, 1 a day in March.
PACIFIC = DAILY / "pacific"


def test_a_files_last_day_is_left_out_of_the_figures_over_days():
    """14 March, the last day both files hold, may be their download day: by hand, 1 to 13 March's reach is 20
    to 32 (13 days, median and mean 26, not 2 as the lowest) and 13 follows on 13 days of the 14; the import
    keeps the day, the figures over days leave it out, and days_left_out names it."""
    from helpers.daily import LAST_DAYS, daily_unique_reach, days_left_out, follower_growth

    daily = load_daily_series(str(PACIFIC / "*[hs].csv"))  # Reach.csv, Follows.csv
    assert set(daily.attrs[LAST_DAYS].values()) == {pd.Timestamp("2025-03-14")}
    assert len(daily) == 2 * 23  # 20 February to 14 March: the day is imported
    reach = daily_unique_reach(daily, "2025-03-01", "2025-03-14").iloc[0]
    assert reach[["days", "median", "mean", "low", "high"]].tolist() == [13, 26.0, 26.0, 20.0, 32.0]
    growth = follower_growth(daily, "2025-03-01", "2025-03-14").iloc[0]
    assert (growth["follows_gained"], growth["follow_days"], growth["period_days"]) == (13, 13, 14)
    assert days_left_out(daily, "2025-03-01", "2025-03-14") == {"facebook": [pd.Timestamp("2025-03-14")]}
    assert days_left_out(daily, "2025-03-01", "2025-03-13") == {}  # not a day of that period
    # a later file holding the same days: the first one's last day is no longer its value, so nothing of the
    # two is left out but the later file's own last day
    later = daily[daily["metric"] == "reach"].copy()
    later.attrs = {LAST_DAYS: {"old.csv": pd.Timestamp("2025-03-10"), "new.csv": pd.Timestamp("2025-03-14")}}
    later["source_file"] = later["date"].map(lambda day: "old.csv" if day < pd.Timestamp("2025-03-10") else "new.csv")
    assert daily_unique_reach(later, "2025-03-01", "2025-03-14").iloc[0]["days"] == 13


def test_meta_page_daily_days_are_pacific_days():
    from helpers.daily import DAILY_COLUMNS, day_zones, same_midnights

    assert "Pacific" in DAILY_COLUMNS["date"][1] and "calendar day of the account" not in DAILY_COLUMNS["date"][1]
    daily, reports = import_daily_series(PACIFIC / "Reach.csv")
    assert day_zones(reports) == ["America/Los_Angeles"]
    # 10 March 2025 was the US clock change: still a day starting at midnight there
    assert values(daily, "reach")[pd.Timestamp("2025-03-10")] == 29
    assert same_midnights("America/Los_Angeles", "America/Los_Angeles", "2025-03-01", "2025-03-31")
    assert same_midnights("America/Los_Angeles", "America/Vancouver", "2025-03-01", "2025-03-31")
    assert not same_midnights("America/Los_Angeles", "Africa/Johannesburg", "2025-03-01", "2025-03-31")
    assert not same_midnights("America/Los_Angeles", "America/Phoenix", "2025-03-01", "2025-03-31")  # no DST


def _pacific_report(start: str, end: str, timezone: str = "Africa/Johannesburg", exports=None):
    from helpers.report import build_report

    return build_report(client="t", client_name="T", exports=exports or [str(PACIFIC / "*.csv")], timezone=timezone,
                        period_start=start, period_end=end)


def test_the_report_says_the_daily_days_are_pacific_and_leaves_out_the_last_day():
    """Posts at 08:00 on 2 March and 08:59 on 12 March in Johannesburg went out on 1 and 11 March in Los Angeles
    (22:00 PST, 23:59 PDT); those of 5, 11 (09:30: 00:30 PDT) and 13 March stay on their day: 2 of 5."""
    report = _pacific_report("2025-03-01", "2025-03-14")
    assert report.daily_series_notes() == [
        "Facebook: the days of the daily figures (Follows.csv and Reach.csv) run from midnight to midnight Pacific"
        " time (US), not in Africa/Johannesburg, the time zone the posts are shown in: a day's daily figures and"
        " that day's posts are not the same 24 hours. 2 of the period's 5 Facebook posts were published on another"
        " day by Pacific time (US).",
        "Facebook: 14 March 2025, the last day of Follows.csv and Reach.csv, is left out of the daily figures: a"
        " daily export does not say when it was downloaded, and downloaded that day, the day is counted in part,"
        " which would read as a whole day's figures (a low day's reach, few follows)."]
    assert all(note in report.coverage_notes() for note in report.daily_series_notes())
    assert report.daily_reach_sentences()[0].startswith(
        "On Facebook, the page reached 26 accounts on a typical day of the period (the median day; lowest 20,"
        " highest 32; 13 of its 14 days in the daily series).")
    assert report.follower_sentences() == [
        "On Facebook, the daily series reports 13 follows gained on 13 of the period's 14 days (no follower totals,"
        " so no growth rate); the other days are not counted."]
    pacific = _pacific_report("2025-03-01", "2025-03-14", timezone="America/Los_Angeles")
    assert [note.split(":")[1] for note in pacific.daily_series_notes()] == [  # Pacific days: the same days
        " 14 March 2025, the last day of Follows.csv and Reach.csv, is left out of the daily figures"]
    from helpers.report import build_report

    in_id = build_report(client="t", client_name="T", exports=[str(PACIFIC / "*.csv")], timezone="Africa/Johannesburg",
                         period_start="2025-03-01", period_end="2025-03-13", language="id")
    assert in_id.daily_series_notes() == [
        "Facebook: hari-hari pada angka harian (Follows.csv dan Reach.csv) berjalan dari tengah malam hingga tengah"
        " malam waktu Pasifik (AS), bukan menurut Africa/Johannesburg, zona waktu yang dipakai untuk menampilkan"
        " unggahan: angka harian suatu hari dan unggahan pada hari itu tidak mencakup 24 jam yang sama. 2 dari 5"
        " unggahan Facebook periode ini dipublikasikan pada hari lain menurut waktu Pasifik (AS)."]


def test_the_summary_words_the_post_exports_days_and_the_daily_series_days_apart():
    """22 February to 14 March: the post export covers 1 to 14 March (14 of 21 days), the daily series 22
    February to 13 March (20 days; 14 March left out): neither count is said to be the other's."""
    report = _pacific_report("2025-02-22", "2025-03-14")
    assert report.findings()[0].text == (
        "This report covers 5 posts: Facebook (5). The Facebook post exports cover only 1 March 2025 to 14 March"
        " 2025, 14 of the period's 21 days: the period's figures from Facebook posts count those days only. The"
        " Facebook daily series counts its own days, 20 of the period's 21.")
    assert report.lens_sentence("broadcast").endswith(
        " The Facebook post exports cover only 1 March 2025 to 14 March 2025 of this period: these totals count"
        " those days only (see Data coverage).")
    assert "20 of its 21 days in the daily series" in report.daily_reach_sentences()[0]
    posts_only = _pacific_report("2025-02-22", "2025-03-14", exports=[str(PACIFIC / "Mar-*.csv")])
    assert posts_only.findings()[0].text.endswith(  # no daily series: the words as they were
        "The Facebook exports cover only 1 March 2025 to 14 March 2025, 14 of the period's 21 days: the period's"
        " Facebook figures count those days only.")


def test_a_period_only_daily_files_cover_is_an_error_naming_them():
    """20 to 27 February: no post export covers it, the daily files do. Still an error (the lenses are measured on
    posts, and the short report of a period without posts would say the account published nothing, which no
    post export shows), saying which exports cover what."""
    from helpers.errors import WorkbookError
    from helpers import explore

    with pytest.raises(WorkbookError) as error:
        _pacific_report("2025-02-20", "2025-02-27")
    assert str(error.value) == (
        "no posts for T between 2025-02-20 and 2025-02-27: no post export covers these days (the post exports cover"
        " 1 March 2025 to 14 March 2025). Figures of these days are in Follows.csv and Reach.csv (daily series,"
        " 20 February 2025 to 14 March 2025), but they are of the page or its ads, not of posts: the report's lenses are"
        " measured on posts, so it needs post exports of the period. Check the period in the roster or add the"
        " post exports that cover it.")
    with pytest.raises(WorkbookError, match=r"^no posts for T between 2025-01-01 and 2025-01-31: no post export covers"
                                            r" these days \(the post exports cover 1 March 2025 to 14 March"
                                            r" 2025\)\. Check"):
        _pacific_report("2025-01-01", "2025-01-31")  # read beside the posts, the daily files cover none of it
    with pytest.raises(WorkbookError, match=r"no export covers these days \(the exports cover 1 March 2025 to"):
        _pacific_report("2025-02-20", "2025-02-27", exports=[str(PACIFIC / "Mar-*.csv")])  # posts alone: as it was
    workspace = explore.load_folder(PACIFIC, timezone="Africa/Johannesburg")
    with pytest.raises(WorkbookError, match=r"no post export covers these days .*; figures of these days are in"
                                            r" Follows.csv and Reach.csv \(daily series, 20 February 2025 to 14"
                                            r" March 2025\)"):
        explore.report_view(workspace, "2025-02-20", "2025-02-27")


def test_the_explorer_shows_the_daily_series_in_words():
    from helpers import explore
    from helpers.paths import DEMO_DIR

    workspace = explore.load_folder(PACIFIC, timezone="Africa/Johannesburg")
    shown = explore.daily_shown(workspace, "2025-03-01", "2025-03-14").data
    assert "<h4>Accounts reached per day, 1 March 2025 to 14 March 2025" in shown
    assert ">typical day (median)</th>" in shown and ">26</td>" in shown
    # 14 March, left out (below), is no day of the series' figures: follows on all 13 of theirs
    assert ">13 of the 13 days its series covers (of the period&#x27;s 14)</td>" in shown
    assert "source_file" not in shown and str(PACIFIC) not in shown  # labels, not the table's columns and paths
    assert "14 March 2025, the last day of Follows.csv and Reach.csv, is left out" in shown
    assert "2 of the period&#x27;s 5 Facebook posts" in shown
    assert ">median harian</th>" in explore.daily_shown(workspace, language="id").data
    none = explore.daily_shown(explore.load_folder(DEMO_DIR / "harbour-books", timezone="Europe/London")).data
    assert none.startswith("<p>The folder holds no daily series")



def test_the_explorers_default_period_ends_on_the_last_day_its_figures_count():
    """The pacific files hold 20 February to 14 March; 14 March is left out of the figures, so by default the
    heading runs 20 February to 13 March and follows are counted on 22 of those 22 days (9 in February, 13 in
    March), not "22 of 23"; the note naming 14 March stays."""
    from helpers import explore
    from helpers.daily import whole_span

    assert whole_span(load_daily_series(str(PACIFIC / "*[hs].csv"))) == (pd.Timestamp("2025-02-20"),
                                                                          pd.Timestamp("2025-03-13"))
    shown = explore.daily_shown(explore.load_folder(PACIFIC, timezone="Africa/Johannesburg")).data
    assert "<h4>Accounts reached per day, 20 February 2025 to 13 March 2025" in shown
    assert "<h4>Followers from 20 February 2025 to 13 March 2025</h4>" in shown
    assert ">22 of 22</td>" in shown and ">22</td>" in shown  # 22 days of reach too
    assert "14 March 2025, the last day of Follows.csv and Reach.csv, is left out" in shown
    # a follower total on a file's last day is kept (STANDING_TOTALS), but the day's counts are not: the
    # series' figures over days end on 2 January
    history = load_daily_series(DAILY / "FollowerHistory_2024-12-30_2025-01-03.csv")
    assert whole_span(history) == (pd.Timestamp("2024-12-30"), pd.Timestamp("2025-01-02"))


def test_each_platforms_follows_are_counted_of_the_days_its_own_series_spans():
    """Facebook's follows on 1 to 3 March, TikTok's on 1 to 10 March: of 1 to 10 March, Facebook's series spans
    3 days, all reporting follows, not "3 of 10"; TikTok's the 10."""
    from helpers.daily import follower_growth

    days = {"facebook": pd.date_range("2025-03-01", periods=3), "tiktok": pd.date_range("2025-03-01", periods=10)}
    daily = pd.concat([pd.DataFrame({"client": "c", "platform": platform, "date": dates, "metric": "follows_gained",
                                     "value": pd.array([2.0] * len(dates), dtype="Float64")})
                       for platform, dates in days.items()], ignore_index=True)
    got = follower_growth(daily, "2025-03-01", "2025-03-10").set_index("platform")
    assert got.loc["facebook", ["follows_gained", "follow_days", "series_days", "period_days"]].tolist() == [6, 3, 3, 10]
    assert got.loc["tiktok", ["follows_gained", "follow_days", "series_days", "period_days"]].tolist() == [20, 10, 10, 10]
    # 5 to 10 March: Facebook's series holds none of these days
    assert follower_growth(daily, "2025-03-05", "2025-03-10").set_index("platform").loc["facebook", "series_days"] == 0


def test_the_explorer_counts_each_platforms_follows_of_its_own_series_days(tmp_path):
    """The pacific files (Facebook, 20 February to 13 March 2025 counted) beside TikTok's follower history (30
    December to 2 January counted, no follows gained): the default period runs 30 December to 13 March, 2 + 31 +
    28 + 13 = 74 days; Facebook's follows are counted on 22 of the 22 days its series spans, not "22 of 74",
    and TikTok's on none of its 4 (30 December to 2 January)."""
    from helpers import explore

    for file in [*PACIFIC.iterdir(), DAILY / "FollowerHistory_2024-12-30_2025-01-03.csv"]:
        shutil.copy(file, tmp_path / file.name)
    workspace = explore.load_folder(tmp_path, timezone="Africa/Johannesburg")
    shown = explore.daily_shown(workspace).data
    assert "<h4>Followers from 30 December 2024 to 13 March 2025</h4>" in shown
    assert ">22 of the 22 days its series covers (of the period&#x27;s 74)</td>" in shown
    assert ">0 of the 4 days its series covers (of the period&#x27;s 74)</td>" in shown
    assert "of 74</td>" not in shown
    march = explore.daily_shown(workspace, "2025-03-01", "2025-03-13", language="id").data
    assert ">13 dari 13</td>" in march  # Facebook's series spans the whole period
    assert ">tidak ada: deretnya tidak mencakup satu pun dari 13 hari periode ini</td>" in march  # TikTok's


@pytest.mark.parametrize("start, end", [("2025-03-10", "2025-03-01"), ("2025-03-01T10:00", None),
                                        ("2025-3-1", None), (None, "2025-02-30")])
def test_the_explorer_refuses_a_period_of_daily_series_as_it_refuses_one_of_posts(start, end):
    from helpers import explore
    from helpers.errors import WorkbookError

    workspace = explore.load_folder(PACIFIC, timezone="Africa/Johannesburg")
    with pytest.raises(WorkbookError) as posts:
        explore.select_posts(workspace.posts, start=start, end=end)
    with pytest.raises(WorkbookError) as daily:
        explore.daily_shown(workspace, start, end)
    assert str(daily.value) == str(posts.value)


def test_the_explorer_names_the_days_the_daily_series_cover_for_days_they_do_not():
    """The series' figures count 20 February to 13 March 2025: January holds none, nor does 14 March alone (left
    out, as its note says); 1 to 20 February holds 20 February."""
    from helpers import explore

    workspace = explore.load_folder(PACIFIC, timezone="Africa/Johannesburg")
    january = explore.daily_shown(workspace, "2025-01-01", "2025-01-31").data
    # the days asked are said as the days covered beside them are, as dates, not as typed
    assert january == ("<p>No daily series holds a figure between 1 January 2025 and 31 January 2025: the daily series"
                       " cover 20 February 2025 to 13 March 2025, not these days, so there is no reach per day or follower"
                       " growth to show. Pick days they cover, or load the daily exports that cover these.</p>")
    later = explore.daily_shown(workspace, "2025-03-14").data
    assert later.startswith("<p>No daily series holds a figure from 14 March 2025: the daily series cover 20 February"
                            " 2025 to 13 March 2025")
    assert "14 March 2025, the last day of Follows.csv and Reach.csv, is left out" in later
    indonesian = explore.daily_shown(workspace, "2025-01-01", "2025-01-31", language="id").data
    assert "Tidak ada deret harian yang memuat angka antara 1 Januari 2025 dan 31 Januari 2025: deret harian" \
           " mencakup 20 Februari 2025 hingga 13 Maret 2025" in indonesian
    first = explore.daily_shown(workspace, "2025-02-01", "2025-02-20").data
    assert "<h4>Accounts reached per day, 1 February 2025 to 20 February 2025" in first
    assert ">1 of the one day its series covers (of the period&#x27;s 20)</td>" in first  # 20 February alone


# ---- LinkedIn's organic members reached: daily unique reach ------------------------------------------------

def _linkedin_daily(reach_organic, sponsored, reach=None) -> pd.DataFrame:
    """A LinkedIn daily table of 1 to 4 March 2025: members reached organically, sponsored impressions (and a
    total `reach`, where given), one value a day."""
    days = pd.date_range("2025-03-01", periods=4)
    parts = {"reach_organic": reach_organic, "impressions_sponsored": sponsored, "reach": reach}
    return pd.concat([pd.DataFrame({"client": "c", "platform": "linkedin", "date": days, "metric": metric,
                                    "value": pd.array(values, dtype="Float64")})
                      for metric, values in parts.items() if values is not None], ignore_index=True)


def test_linkedin_organic_members_reached_count_as_daily_unique_reach():
    """By hand: 30, 10, 50, 20 members a day; 1 to 3 March: median 30, mean 30, lowest 10, highest 50. Sponsored
    impressions on 2 March (and on 4 March, outside the period) make it the organic part on 1 of its 3 days."""
    from helpers.daily import daily_unique_reach, sponsored_days

    none_paid = _linkedin_daily([30, 10, 50, 20], [0, 0, 0, 0])
    table = daily_unique_reach(none_paid, "2025-03-01", "2025-03-03").set_index(["platform", "metric"])
    assert table.loc[("linkedin", "reach_organic")].tolist() == [3, 30.0, 30.0, 10.0, 50.0]
    assert sponsored_days(none_paid, "2025-03-01", "2025-03-03") == {"linkedin": 0}
    assert sponsored_days(_linkedin_daily([30, 10, 50, 20], None), "2025-03-01", "2025-03-03") == {"linkedin": 0}
    paid = _linkedin_daily([30, 10, 50, 20], [0, 120, 0, 80])
    assert sponsored_days(paid, "2025-03-01", "2025-03-03") == {"linkedin": 1}
    # a series giving the whole reach too: that one is the platform's daily reach, not the organic part
    both = _linkedin_daily([30, 10, 50, 20], [0, 120, 0, 80], reach=[40, 90, 60, 30])
    table = daily_unique_reach(both, "2025-03-01", "2025-03-03")
    assert table[["platform", "metric", "median"]].values.tolist() == [["linkedin", "reach", 60.0]]
    assert sponsored_days(both, "2025-03-01", "2025-03-03") == {}


def test_the_report_quotes_linkedins_organic_members_reached_per_day():
    """Leaf Space's Metrics sheet (read with openpyxl apart): June 2025's 'Unique impressions (organic)' have a
    median of 161, lowest 55, highest 2,078 over 30 days, and every sponsored column is 0; May 2025's a median
    of 216 (67 to 1,176, 31 days), with sponsored figures on 8 days. The posts report no reach: none per post."""
    from helpers.report import build_report

    path = str(real_export("linkedin/company-page/leaf-space_content_1753863379800.xlsx"))
    june = build_report(client="t", client_name="T", exports=[path], timezone="Europe/Rome",
                        period_start="2025-06-01", period_end="2025-06-30")
    assert june.daily_reach_sentences() == [
        "On LinkedIn, the page reached 161 members on a typical day of the period (the median day; lowest 55,"
        " highest 2,078; 30 of its 30 days in the daily series). LinkedIn counts them as organic reach, and its"
        " daily series reports nothing sponsored on those days, so that is the page's whole reach. Each day counts"
        " a member once, whatever they saw that day; days are not added up, since a member reached on two days"
        " would count twice."]
    assert ("LinkedIn: the exports report no reach per post, so reach-based metrics are not computed"
            " (not 0).") in june.coverage_notes()
    assert "On LinkedIn, the exports report no reach per post: 7 posts counted" in june.lens_sentence("broadcast")
    assert "the exports report no reach per post)" in june.lens_sentence("engagement")
    may = build_report(client="t", client_name="T", exports=[path], timezone="Europe/Rome",
                       period_start="2025-05-01", period_end="2025-05-31", language="id")
    assert may.daily_reach_sentences()[0].startswith(
        "Di LinkedIn, dalam periode ini konten organik (tidak berbayar) halaman menjangkau 216 anggota per hari"
        " (median harian; terendah 67, tertinggi 1.176; 31 dari 31 hari periode ada di deret harian)."
        " Itu hanya bagian organik dari jangkauannya: konten bersponsor ditampilkan pada 8 dari hari-hari itu")


def _june_linkedin_daily(reach_organic: int, sponsored: int) -> pd.DataFrame:
    """A LinkedIn daily table of every day of June 2025: the same members reached organically and sponsored
    impressions each day."""
    days = pd.date_range("2025-06-01", "2025-06-30")
    return pd.concat([pd.DataFrame({"client": "c", "platform": "linkedin", "date": days, "metric": metric,
                                    "value": pd.array([value] * len(days), dtype="Float64")})
                      for metric, value in (("reach_organic", reach_organic), ("impressions_sponsored", sponsored))],
                     ignore_index=True)


def test_definitions_say_reach_per_day_is_in_the_report_where_no_post_reports_reach():
    """Leaf Space's June 2025 posts report no reach, its daily series the members reached organically each
    day (the broadcast section's median day): Definitions list reach per post as not in the report and say
    reach per day is. The same posts with a daily series that sponsored content ran beside: only the organic
    part. With no daily reach at all, reach is listed with the other metrics the exports do not give."""
    import dataclasses

    from helpers.report import build_report

    path = str(real_export("linkedin/company-page/leaf-space_content_1753863379800.xlsx"))
    june = build_report(client="t", client_name="T", exports=[path], timezone="Europe/Rome",
                        period_start="2025-06-01", period_end="2025-06-30")
    note = june.definitions_note()
    assert "do not give what they need: summed reach (not unique people), frequency, reach rate by followers," in note
    assert note.endswith(
        " Reach per post is not in this report, as the exports do not give it; reach per day is, in the broadcast"
        " section, from the platform's daily series: on LinkedIn, the members the page reached on a day (its"
        " organic reach, with nothing sponsored on those days). Each day counts a person once, whatever they saw"
        " that day, and days are not added up.")
    paid = dataclasses.replace(june, daily=_june_linkedin_daily(100, 50))
    assert ("from the platform's daily series: on LinkedIn, the members the page's organic (unpaid) content reached"
            " on a day, the organic part of its reach only.") in paid.definitions_note()
    in_id = dataclasses.replace(june, tr=Translator("id"), daily=_june_linkedin_daily(100, 0))
    assert ("Jangkauan per unggahan tidak ada dalam laporan ini, karena ekspor tidak memuatnya; jangkauan per hari"
            " ada, di bagian siaran, dari deret harian platform: di LinkedIn, anggota yang dijangkau halaman dalam"
            " sehari (jangkauan organiknya, tanpa konten bersponsor pada hari-hari itu).") in in_id.definitions_note()
    none = dataclasses.replace(june, daily=None)
    assert none.daily_reach_sentences() == []
    note = none.definitions_note()
    assert "do not give what they need: reach, summed reach (not unique people), frequency," in note
    assert "Reach per post" not in note


def test_the_explorer_says_whether_linkedins_organic_reach_is_the_whole():
    from helpers import explore

    workspace = explore.load_folder(real_export("linkedin/company-page"), timezone="Europe/Rome")
    june = explore.daily_shown(workspace, "2025-06-01", "2025-06-30").data
    assert ">reach: organic</td>" in june and ">161</td>" in june and "None of the daily series" not in june
    assert ("LinkedIn: its reach counted here is organic reach (members reached by the page&#x27;s unpaid"
            " content), and the daily series reports nothing sponsored on these days, so it is the page&#x27;s"
            " whole reach.") in june
    may = explore.daily_shown(workspace, "2025-05-01", "2025-05-31").data
    assert "organic reach only (members reached by the page&#x27;s unpaid content): sponsored content ran on 8 of" \
           " these days, and LinkedIn gives no count of the members it reached." in may


def test_a_total_on_a_files_last_day_is_kept():
    """TikTok's follower history of 30 December to 3 January: the total of 3 January, 1,215, is the total when the
    file was downloaded, kept; the day's net change, a count of the day, is not a figure over whole days."""
    from helpers.daily import days_left_out, follower_growth, whole_days

    daily = load_daily_series(DAILY / "FollowerHistory_2024-12-30_2025-01-03.csv")
    growth = follower_growth(daily, "2024-12-31", "2025-01-03").iloc[0]
    assert (growth["followers_start"], growth["followers_end"], growth["end_day"]) == (1200, 1215,
                                                                                       pd.Timestamp("2025-01-03"))
    kept = whole_days(daily)
    assert set(kept.loc[kept["date"] == pd.Timestamp("2025-01-03"), "metric"]) == {"followers"}
    assert days_left_out(daily, "2025-01-01", "2025-01-03") == {"tiktok": [pd.Timestamp("2025-01-03")]}
