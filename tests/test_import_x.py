"""X importers: the legacy tweet activity export and the 2024-25 content export.

Reference figures for the real files were computed independently with the csv module and are hard-coded.
"""
from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd
import pytest

from helpers.errors import ExportFormatError
from helpers.i18n import Translator
from helpers.importers import detect_family, import_exports
from helpers.importers.x_content import read_x_content
from helpers.importers.x_tweet_activity import read_x_tweet_activity

from conftest import FIXTURES, real_export

LEGACY_DIR = "x/tweet-activity-ropensci/"
CONTENT_FILE = "x/content-2025-02/account_analytics_content_2024-11-21_2025-02-19.csv"
FAVORITES_2015 = FIXTURES / "x" / "tweet_activity_metrics_examplebakery_20150801_20150901_en.csv"
LIKES_2019 = FIXTURES / "x" / "tweet_activity_metrics_examplebakery_20190801_20190901_en.csv"
CONTENT_LATER = FIXTURES / "x" / "account_analytics_content_2025-10-15_2025-11-12.csv"

# file -> (rows, total organic impressions), from csv.DictReader
LEGACY_FILES = {
    "tweet_activity_metrics_rOpenSci_20161201_20170101_en.csv": (37, 110828),
    "tweet_activity_metrics_rOpenSci_20170501_20170601_en.csv": (20, 98518),
    "tweet_activity_metrics_rOpenSci_20171001_20171101_en.csv": (28, 190753),
    "tweet_activity_metrics_rOpenSci_20180301_20180401_en.csv": (34, 175859),
    "tweet_activity_metrics_rOpenSci_20180801_20180901_en.csv": (34, 213945),
    "tweet_activity_metrics_rOpenSci_20190101_20190201_en.csv": (31, 199256),
    "tweet_activity_metrics_rOpenSci_20190601_20190701_en.csv": (24, 189867),
    "tweet_activity_metrics_rOpenSci_20191101_20191201_en.csv": (28, 219932),
    "tweet_activity_metrics_rOpenSci_20200401_20200501_en.csv": (27, 154861),
    "tweet_activity_metrics_rOpenSci_20200901_20201001_en.csv": (22, 83938),
    "tweet_activity_metrics_rOpenSci_20210201_20210301_en.csv": (24, 223563),
    "tweet_activity_metrics_rOpenSci_20210801_20210901_en.csv": (13, 56241),
}


# ---------------------------------------------------------------- legacy tweet activity, real files

@pytest.mark.parametrize("name", sorted(LEGACY_FILES))
def test_each_real_tweet_activity_file_imports(name):
    path = real_export(LEGACY_DIR + name)
    assert detect_family(path).name == "x_tweet_activity"
    result = import_exports(path)
    rows, impressions = LEGACY_FILES[name]
    assert len(result.posts) == rows
    assert result.reports[0].rows_in_file == rows
    assert int(result.posts["impressions"].sum()) == impressions
    assert result.reports[0].dropped == {}
    assert not _rate_notes(result)  # its engagement rates are its engagements / impressions


def test_all_real_tweet_activity_files_totals():
    real_export(LEGACY_DIR + sorted(LEGACY_FILES)[0])
    posts = import_exports(real_export(LEGACY_DIR[:-1]) / "*.csv").posts
    assert len(posts) == 322
    assert posts["post_id"].is_unique
    totals = {c: int(posts[c].sum()) for c in ("impressions", "reactions", "shares", "comments", "clicks",
                                               "platform_engagements")}
    assert totals == {"impressions": 1917561, "reactions": 4250, "shares": 2247, "comments": 160,
                      "clicks": 15613, "platform_engagements": 29124}
    assert posts["video_views"].isna().all()  # media views (9,768) count photos opened too: not video views
    assert posts["reach"].isna().all()  # X reports no reach
    assert posts["saves"].isna().all()  # nor bookmarks in this export
    assert (posts["paid"] == False).all()  # noqa: E712 - no promoted tweet in these files
    assert (posts["impressions_kind"] == "impressions").all()
    assert (posts["published_precision"] == "minute").all()
    assert (posts["platform"] == "x").all()
    assert int(posts["text"].str.contains("&amp;", regex=False).sum()) == 0
    assert int(posts["text"].str.contains("\n", regex=False).sum()) == 185


def test_real_tweet_activity_ids_times_and_text():
    path = real_export(LEGACY_DIR + "tweet_activity_metrics_rOpenSci_20161201_20170101_en.csv")
    imported = read_x_tweet_activity(path)
    posts = imported.posts
    first = posts.iloc[0]  # rows are newest first; row 2 of the file
    assert first["post_id"] == "812369747765362688"
    assert posts["post_id"].dtype == "string"
    assert posts["post_id"].str.len().between(18, 19).all()
    assert first["published_at"] == pd.Timestamp("2016-12-23 18:50", tz="UTC")
    assert int(first["source_row"]) == 2
    assert first["permalink"] == "https://twitter.com/rOpenSci/status/812369747765362688"
    assert first["account"] == "rOpenSci"
    assert first["impressions"] == 1938
    amp = posts.set_index("post_id").loc["812341199767863296", "text"]
    assert amp.endswith("new vignette, new fxn, & more")


def test_real_tweet_activity_converted_to_given_timezone():
    path = real_export(LEGACY_DIR + "tweet_activity_metrics_rOpenSci_20161201_20170101_en.csv")
    posts = import_exports(path, timezone="America/Los_Angeles").posts
    newest = posts.loc[posts["post_id"] == "812369747765362688", "published_at"].iloc[0]
    assert str(newest.tz) == "America/Los_Angeles"
    assert newest == pd.Timestamp("2016-12-23 10:50", tz="America/Los_Angeles")


# ---------------------------------------------------------------- legacy tweet activity, own fixtures

def test_favorites_variant_with_a_promoted_tweet():
    assert detect_family(FAVORITES_2015).name == "x_tweet_activity"
    posts = import_exports(FAVORITES_2015).posts.set_index("post_id")
    assert len(posts) == 3
    promoted = posts.loc["633400000000000001"]
    assert bool(promoted["paid"]) is True
    assert promoted["impressions"] == 800 + 5000  # organic + promoted
    assert promoted["reactions"] == 3 + 20  # favorites + promoted favorites
    assert promoted["shares"] == 1 + 6
    assert promoted["comments"] == 0 + 1
    assert promoted["clicks"] == (1 + 4 + 0 + 1 + 0 + 0 + 0) + (7 + 40 + 2 + 5 + 3 + 1 + 0)
    assert promoted["platform_engagements"] == 12 + 90
    organic = posts.loc["633512345678901234"]
    assert bool(organic["paid"]) is False
    assert organic["impressions"] == 1200 and organic["reactions"] == 10 and organic["clicks"] == 12
    assert organic["text"] == "Fresh bread & rolls at 7am \U0001F35E\nSee you there & bring a friend <3"
    assert posts.loc["99887766554433221", "text"] == 'Quiet day \u2615 "closed for inventory"'
    assert pd.isna(organic["reach"])


def test_scientific_engagement_rate_and_multiline_text():
    posts = read_x_tweet_activity(LIKES_2019, timezone="Asia/Tokyo").posts
    assert posts["post_id"].tolist() == ["1161234567890123456", "1160000000000000000"]
    assert posts["text"].iloc[0] == "Line one\nline two \U0001F389 & more"
    assert posts["published_at"].iloc[0] == pd.Timestamp("2019-08-13 22:59", tz="Asia/Tokyo")
    assert posts["source_row"].tolist() == [2, 3]  # row 2 spans two lines; row numbers count records
    assert "video_views" not in posts  # `media views` are not video views


def _variant(write_file, source, old: str, new: str, name: str = "tweet_activity_metrics_bad.csv"):
    text = source.read_text(encoding="utf-8")
    assert old in text
    return write_file(name, text.replace(old, new, 1))


def test_ids_rewritten_by_a_spreadsheet_are_an_error(write_file):
    path = _variant(write_file, LIKES_2019, '"1160000000000000000"', '"1.16E+18"')
    with pytest.raises(ExportFormatError) as err:
        read_x_tweet_activity(path)
    assert err.value.row == 3 and err.value.column == "Tweet id"
    assert "scientific notation" in str(err.value)


def test_bad_time_is_an_error(write_file):
    path = _variant(write_file, LIKES_2019, '"2019-08-10 00:01 +0000"', '"10/08/2019 00:01"')
    with pytest.raises(ExportFormatError) as err:
        read_x_tweet_activity(path)
    assert err.value.row == 3 and err.value.column == "time"


def test_count_that_is_not_a_number_is_an_error(write_file):
    path = _variant(write_file, LIKES_2019, '"250.0"', '"lots"')
    with pytest.raises(ExportFormatError) as err:
        read_x_tweet_activity(path)
    assert err.value.row == 3 and err.value.column == "impressions"


def test_missing_column_is_an_error(write_file):
    path = _variant(write_file, LIKES_2019, '"time"', '"when"')
    with pytest.raises(ExportFormatError) as err:
        read_x_tweet_activity(path)
    assert err.value.column == "time"


def test_dash_in_an_organic_count_is_na_not_zero(write_file):
    path = _variant(write_file, LIKES_2019, '"250.0"', '"-"')
    posts = read_x_tweet_activity(path).posts
    assert pd.isna(posts["impressions"].iloc[1])
    assert pd.isna(posts["impressions_kind"].iloc[1])
    assert posts["impressions"].iloc[0] == 13600


# ---------------------------------------------------------------- content export

def test_real_content_export():
    path = real_export(CONTENT_FILE)
    assert detect_family(path).name == "x_content"
    result = import_exports(path)
    posts = result.posts
    assert len(posts) == 141 and result.reports[0].rows_in_file == 141
    totals = {c: int(posts[c].sum()) for c in ("impressions", "reactions", "comments", "shares", "saves",
                                               "clicks", "platform_engagements", "follows_gained")}
    assert totals == {"impressions": 9325, "reactions": 354, "comments": 80, "shares": 63, "saves": 2,
                      "clicks": 373, "platform_engagements": 911, "follows_gained": 18}
    assert posts["reach"].isna().all() and posts["paid"].isna().all() and posts["video_views"].isna().all()
    assert (posts["published_precision"] == "minute").all()
    assert posts["post_id"].str.fullmatch(r"\d{19}").all()
    newest = posts.set_index("post_id").loc["1891564128784855141"]
    # 1891564128784855141 >> 22 = 450984031864 ms, + 1288834974657 = 1739819006521 ms since 1970, which is
    # 68606.521 s after 2025-02-17 00:00 UTC (1739750400 s): 19:03:26.521, to the minute 19:03
    assert newest["published_at"] == pd.Timestamp("2025-02-17 19:03", tz="UTC")
    assert newest["impressions"] == 70 and newest["account"] == "Wormhole_BR"
    assert int(newest["source_row"]) == 2


def test_real_content_export_times_from_ids_in_given_timezone():
    result = import_exports(real_export(CONTENT_FILE), timezone="America/Sao_Paulo")
    times = result.posts["published_at"]
    assert str(times.dt.tz) == "America/Sao_Paulo"
    # the first post, 1874078422043127856: >> 22 = 446815114508 ms, + 1288834974657 = 1735650089165 ms, which is
    # 46889.165 s after 2024-12-31 00:00 UTC (1735603200 s): 13:01:29 UTC, 10:01 at Sao Paulo (UTC-3)
    assert times.min() == pd.Timestamp("2024-12-31 10:01", tz="America/Sao_Paulo")
    # X wrote the file's Date at Sao Paulo's (or Los Angeles') clock: no post moves to another day there
    assert [w.key for w in result.reports[0].warnings if w.key.startswith("imports.x_content.")] == [
        "imports.x_content.times_from_ids_same_day"]


def test_real_content_export_days_are_the_ids_days_in_the_given_timezone():
    """Read at Jakarta (UTC+7), each post's day is the day its id was created there, not the Date X wrote at
    its own clock: every id's day (computed here from the id) is the post's day, 42 of them a day after Date."""
    path = real_export(CONTENT_FILE)
    result = import_exports(path, timezone="Asia/Jakarta")
    posts = result.posts
    assert len(posts) == 141 and (posts["published_precision"] == "minute").all()
    created = pd.to_datetime(posts["post_id"].astype("int64").map(lambda i: (i >> 22) + 1288834974657), unit="ms",
                             utc=True).dt.tz_convert("Asia/Jakarta")
    assert (created.dt.date != posts["published_at"].dt.date).sum() == 0
    written = pd.read_csv(path, dtype=str).set_index("Post id")["Date"]
    dates = pd.to_datetime(written.loc[posts["post_id"]].to_numpy(), format="%a %b %d %Y").date
    assert (dates != posts["published_at"].dt.date.to_numpy()).sum() == 42
    note = next(w for w in result.reports[0].warnings if w.key == "imports.x_content.times_from_ids")
    assert (note.values["moved"], note.values["total"]) == (42, 141)
    assert "42 of the 141 posts fall on the day before or after their Date read in Asia/Jakarta" in note


def test_the_account_overview_file_is_not_a_content_export():
    path = real_export("x/content-2025-02/account_overview_analytics.csv")
    with pytest.raises(ExportFormatError):
        detect_family(path)


def test_later_content_header_dates_and_junk_row():
    assert detect_family(CONTENT_LATER).name == "x_content"
    result = import_exports(CONTENT_LATER, timezone="Europe/Berlin")
    report, posts = result.reports[0], result.posts.set_index("post_id")
    assert report.rows_in_file == 4 and len(posts) == 3
    assert report.dropped == {"junk row: empty Post id and a link ending in status/undefined": 1}
    post = posts.loc["1987654321098765432"]
    # two ids lie days from their Date: 1986000000000000001 >> 22 = 473499298095, + 1288834974657 =
    # 1762334272752 ms, 33472 s after 2025-11-05 00:00 UTC (1762300800 s): 09:17 UTC on 5 November, dated 1
    # November; 1985000000000000002 was created on 2 November, dated 30 October. Every post keeps its Date.
    assert post["published_at"] == pd.Timestamp("2025-11-09", tz="Europe/Berlin")
    assert (posts["published_precision"] == "day").all()
    assert ("2 of the 3 posts have a post id that does not fit their Date (e.g. row 3: Date 1 November 2025, id"
            " created 5 November 2025)") in report.warnings[0]
    assert post["permalink"] == "https://x.com/examplegrocer/status/1987654321098765432"
    assert post["text"] == 'Weekend market \U0001F955 & "fresh" herbs, 9-12'
    assert (post["shares"], post["saves"], post["comments"], post["reactions"]) == (5, 3, 6, 40)
    assert post["clicks"] == 7 + 20 + 10 + 1 + 0
    blank = posts.loc["1985000000000000002"]  # a row with blank metrics: NA, never 0
    assert pd.isna(blank["impressions"]) and pd.isna(blank["clicks"]) and pd.isna(blank["shares"])
    assert int(blank["source_row"]) == 5  # records, not lines: row 3 spans two lines; junk row 4


# ---------------------------------------------------------------- content export: times from the post ids

CONTENT_HEADER = ("Post id,Date,Post text,Link,Impressions,Likes,Engagements,Bookmarks,Share,New follows,Replies,"
                  "Reposts,Profile visits,Detail expands,Url clicks,Hashtag clicks,Permalink clicks")
# Snowflake ids made by hand: id = (ms since 1970 - 1288834974657) << 22, plus a sequence in the low 22 bits.
# A: 2025-03-01 23:30:00.000 UTC = 1740787200 s (1 March 00:00) + 84600 s = 1740871800000 ms;
#    - 1288834974657 = 452036825343; x 4194304 + 5 = 1895979864683446277
# B: 2025-03-03 08:15:59.999 UTC = 1740960000 s (3 March 00:00) + 29759.999 s = 1740989759999 ms;
#    - 1288834974657 = 452154785342; x 4194304 + 0 = 1896474624779091968
# C: 2025-03-05 12:00:00.000 UTC = 1741132800 s (5 March 00:00) + 43200 s = 1741176000000 ms;
#    - 1288834974657 = 452341025343; x 4194304 + 9 = 1897255771960246281
ID_A, ID_B, ID_C = "1895979864683446277", "1896474624779091968", "1897255771960246281"


def _content(write_file, rows) -> Path:
    """An X content export (early form) of `rows`, (post id, Date as X writes it) each."""
    lines = [CONTENT_HEADER] + [f"{post_id},{date},post {n},https://x.com/shop/status/{post_id},100,5,9,0,0,0,1,1,0,2,"
                                "0,0,0" for n, (post_id, date) in enumerate(rows)]
    return write_file("account_analytics_content_2025-03-01_2025-03-05.csv", "\r\n".join(lines) + "\r\n")


def test_each_x_post_takes_its_time_from_its_id(write_file):
    """A was created 23:30 UTC on 1 March, 06:30 on 2 March at Jakarta (UTC+7): a day after its Date, which X
    wrote at a clock behind Jakarta's. B, 08:15:59.999 UTC on 3 March, is 15:15 at Jakarta (floored to the
    minute), on its Date. Both 'minute' precise; the note counts 1 of 2 posts moved to a neighbouring day."""
    path = _content(write_file, [(ID_A, "Sat Mar 1 2025"), (ID_B, "Mon Mar 3 2025")])
    result = read_x_content(path, timezone="Asia/Jakarta")
    posts = result.posts.set_index("post_id")
    assert posts.loc[ID_A, "published_at"] == pd.Timestamp("2025-03-02 06:30", tz="Asia/Jakarta")
    assert posts.loc[ID_B, "published_at"] == pd.Timestamp("2025-03-03 15:15", tz="Asia/Jakarta")
    assert (posts["published_precision"] == "minute").all()
    note = next(w for w in result.report.warnings if w.key.startswith("imports.x_content."))
    assert note.key == "imports.x_content.times_from_ids" and (note.values["moved"], note.values["total"]) == (1, 2)
    assert "1 of the 2 posts falls on the day before or after their Date read in Asia/Jakarta" in note
    assert "1 dari 2 unggahan jatuh sehari sebelum atau sesudah Date-nya" in note.in_language(Translator("id"))
    at_utc = read_x_content(path)  # at UTC both ids fall on their Date
    assert at_utc.posts["published_at"].tolist() == [pd.Timestamp("2025-03-01 23:30", tz="UTC"),
                                                     pd.Timestamp("2025-03-03 08:15", tz="UTC")]
    assert [w.key for w in at_utc.report.warnings] == ["imports.x_content.times_from_ids_same_day"]


def test_ids_that_do_not_fit_their_dates_leave_every_post_on_its_date(write_file):
    """C was created 12:00 UTC on 5 March, yet its Date is 3 March: no clock (UTC-12 to UTC+14) shows that
    moment on 3 March (it is 1 day 12 hours after 3 March ends at UTC). All or none: A and B keep their
    Dates too, at midnight in Jakarta, 'day' precise, and a note names row 4 with both days (C's id day at
    Jakarta: 19:00 on 5 March)."""
    path = _content(write_file, [(ID_A, "Sat Mar 1 2025"), (ID_B, "Mon Mar 3 2025"), (ID_C, "Mon Mar 3 2025")])
    result = read_x_content(path, timezone="Asia/Jakarta")
    posts = result.posts.set_index("post_id")
    assert posts["published_at"].tolist() == [pd.Timestamp(day, tz="Asia/Jakarta")
                                              for day in ("2025-03-01", "2025-03-03", "2025-03-03")]
    assert (posts["published_precision"] == "day").all()
    note = next(w for w in result.report.warnings if w.key.startswith("imports.x_content."))
    assert note.key == "imports.x_content.ids_off_dates"
    assert str(note).startswith("1 of the 3 posts has a post id that does not fit their Date (e.g. row 4: Date"
                                " 3 March 2025, id created 5 March 2025)")
    assert "1 dari 3 unggahan memiliki ID unggahan yang tidak sesuai dengan Date-nya (mis. baris 4: Date 3 Maret" \
           " 2025, ID dibuat 5 Maret 2025)" in note.in_language(Translator("id"))


def test_an_id_holding_no_time_leaves_every_post_on_its_date(write_file):
    """20 is a tweet id from before X's ids held a time (March 2006): (20 >> 22) + 1288834974657 ms is the
    epoch itself, 4 November 2010 01:42 UTC, before any snowflake id; the post keeps its Date, and so does A."""
    path = _content(write_file, [(ID_A, "Sat Mar 1 2025"), ("20", "Tue Mar 21 2006")])
    result = read_x_content(path)
    assert (result.posts["published_precision"] == "day").all()
    assert result.posts["published_at"].tolist() == [pd.Timestamp("2025-03-01", tz="UTC"),
                                                     pd.Timestamp("2006-03-21", tz="UTC")]
    note = next(w for w in result.report.warnings if w.key.startswith("imports.x_content."))
    assert ("1 of the 2 posts has a post id that does not fit their Date (e.g. row 3: Date 21 March 2006, id '20',"
            " which holds no time between November 2010 and now)") in note


def test_x_id_times_and_the_days_they_can_fall_on():
    from helpers.importers.clocks import day_within_reach, x_created_time

    created = x_created_time(pd.Series([ID_A, ID_B, "20", "9" * 19, "9" * 25, "", None]))
    assert created.iloc[0] == pd.Timestamp("2025-03-01 23:30", tz="UTC")
    assert created.iloc[1] == pd.Timestamp("2025-03-03 08:15:59.999", tz="UTC")
    # 9999999999999999999 >> 22 = 2384185791015 ms after the epoch: about 75 years on, in the 2080s; 25 nines
    # read as about 2.4e18 ms, past the year 2262 a timestamp can hold: no time, not an error
    assert created.iloc[2:].isna().all()
    # 3 March at some clock from UTC-12 to UTC+14 (with minutes to spare): 10:00 UTC on 2 March (00:00 at
    # UTC+14) to 12:00 UTC on 4 March (00:00 on 5 March at UTC-12)
    day = pd.Series(pd.Timestamp("2025-03-03"), index=range(4))
    moments = pd.Series(pd.to_datetime(["2025-03-02 11:00", "2025-03-02 09:00", "2025-03-04 11:00",
                                        "2025-03-04 13:00"], utc=True))
    assert day_within_reach(day, moments).tolist() == [True, False, True, False]


def test_content_bad_date_is_an_error(write_file):
    text = CONTENT_LATER.read_text(encoding="utf-8").replace('"Sat, Nov 1, 2025"', "2025-11-01")
    path = write_file("account_analytics_content_bad.csv", text)
    with pytest.raises(ExportFormatError) as err:
        read_x_content(path)
    assert err.value.row == 3 and err.value.column == "Date"


def test_content_missing_date_column_is_an_error(write_file):
    text = CONTENT_LATER.read_text(encoding="utf-8").replace("Post id,Date,", "Post id,Day,")
    path = write_file("account_analytics_content_bad.csv", text)
    with pytest.raises(ExportFormatError) as err:
        read_x_content(path)
    assert err.value.column == "Date"


def test_content_non_number_metric_is_an_error(write_file):
    text = CONTENT_LATER.read_text(encoding="utf-8").replace(",1500,40,", ",1500,forty,")
    path = write_file("account_analytics_content_bad.csv", text)
    with pytest.raises(ExportFormatError) as err:
        read_x_content(path)
    assert err.value.row == 2 and err.value.column == "Likes"


def test_count_with_thousands_separator_is_read(write_file):
    path = _variant(write_file, LIKES_2019, '"250.0"', '"1,250"')
    assert read_x_tweet_activity(path).posts["impressions"].tolist() == [13600, 1250]


def test_count_with_a_fraction_is_an_error(write_file):
    path = _variant(write_file, LIKES_2019, '"250.0"', '"250.5"')
    with pytest.raises(ExportFormatError) as err:
        read_x_tweet_activity(path)
    assert err.value.row == 3 and err.value.column == "impressions"


def test_the_newest_export_is_told_by_the_dates_in_its_name_before_2016_too(tmp_path):
    import os

    from helpers.importers import export_recency

    older = tmp_path / "tweet_activity_metrics_example_20150801_20150901_en.csv"
    newer = tmp_path / "tweet_activity_metrics_example_20150901_20151001_en.csv"
    for path in (newer, older):  # the newer export was copied first: its file is older
        path.write_text("x", encoding="utf-8")
    os.utime(newer, (1_000_000, 1_000_000))
    assert sorted([newer, older], key=export_recency) == [older, newer]


@pytest.mark.parametrize("text", ["AT&T &amp; co", "&amp;lt;", "a &#8217; b &amp;", "&copy; &amp;", "x &amp y",
                                  "&amp;&amp;", "&amp;amp;", "&&lt;", "&lt;3 &amp;", "&quot;hi&quot;", "&#39;x&#39;",
                                  "&#x27;", "no entity", "&", "&amp"])
def test_decoding_entities_gives_what_html_unescape_gives(text):
    import html

    from helpers.importers.x_tweet_activity import decode_entities

    assert decode_entities(text) == html.unescape(text)


# ---------------------------------------------------------------- ids a spreadsheet or a float changed

def test_ids_rounded_to_15_digits_by_a_spreadsheet_are_an_error(write_file):
    # saved from a spreadsheet with the id column as a number: 15 significant digits kept, the rest zeros
    text = LIKES_2019.read_text(encoding="utf-8").replace('"1161234567890123456",', '"1161234567890120000",', 1)
    path = write_file("tweet_activity_metrics_examplebakery_20190801_20190901_en.csv", text)
    with pytest.raises(ExportFormatError) as err:
        read_x_tweet_activity(path)
    assert err.value.row == 2 and err.value.column == "Tweet id"
    assert "'1161234567890120000'" in str(err.value) and "15 digits" in str(err.value)
    assert "as text" in str(err.value)  # what to do


def test_a_rounded_copy_beside_the_original_is_refused_not_counted_twice(tmp_path):
    content = CONTENT_LATER.read_text(encoding="utf-8")
    (tmp_path / CONTENT_LATER.name).write_text(content, encoding="utf-8")
    rounded = (content.replace("1987654321098765432,", "1987654321098770000,", 1)
               .replace("1986000000000000001,", "1986000000000000000,", 1)
               .replace("1985000000000000002,", "1985000000000000000,", 1))
    (tmp_path / f"Copy of {CONTENT_LATER.name}").write_text(rounded, encoding="utf-8")
    with pytest.raises(ExportFormatError) as err:
        import_exports(tmp_path / "*.csv")
    assert err.value.path.name.startswith("Copy of") and err.value.column == "Post id"


def test_a_column_with_a_real_id_ending_in_zeros_still_reads(write_file):
    # real tweet ids end in 000 now and then (867051282678272000): one such id is no spreadsheet's rounding
    text = LIKES_2019.read_text(encoding="utf-8").replace("1161234567890123456", "1161234567890120000")
    path = write_file("tweet_activity_metrics_examplebakery_20190801_20190901_en.csv",
                      text.replace("1160000000000000000", "1160000000000000001"))
    assert read_x_tweet_activity(path).posts["post_id"].tolist() == ["1161234567890120000", "1160000000000000001"]


@pytest.mark.parametrize("source, old, new, column, link_column", [
    # read as a float and written back: 1161234567890123456 -> 1161234567890123520, its link unchanged
    (LIKES_2019, '"1161234567890123456",', '"1161234567890123520",', "Tweet id", "Tweet permalink"),
    (CONTENT_LATER, "1987654321098765432,", "1987654321098765312,", "Post id", "Post Link"),
])
def test_an_id_differing_from_its_link_is_an_error(write_file, source, old, new, column, link_column):
    text = source.read_text(encoding="utf-8")
    assert old in text
    path = write_file(source.name, text.replace(old, new, 1))
    with pytest.raises(ExportFormatError) as err:
        import_exports(path)
    assert err.value.row == 2 and err.value.column == column
    assert "'1161234567890123520'" in str(err.value) or "'1987654321098765312'" in str(err.value)
    assert f"'{link_column}'" in str(err.value)


@pytest.mark.parametrize("source, old, column", [
    (LIKES_2019, '"replies",', "replies"),
    (CONTENT_LATER, ",Replies,", "Replies"),
])
def test_a_missing_interaction_column_is_warned_about(write_file, source, old, column):
    text = source.read_text(encoding="utf-8")
    assert old in text
    path = write_file(source.name, text.replace(old, old.replace(column, "Balasan"), 1))
    warnings = [str(w) for w in import_exports(path).reports[0].warnings]
    assert any(f"no '{column}' column" in w and "read lower than they are" in w for w in warnings), warnings
    assert not any("read lower" in str(w) for w in import_exports(source).reports[0].warnings)


def test_blank_trailing_rows_are_left_out_and_counted(write_file):
    # a spreadsheet's save adds rows of empty cells (here 40, then 3) and a blank line after the last tweet
    text = LIKES_2019.read_text(encoding="utf-8")
    path = write_file(LIKES_2019.name, text + "," * 39 + "\n" + '"","",""\n' + "\n")
    result = import_exports(path)
    assert sorted(result.posts["post_id"]) == ["1160000000000000000", "1161234567890123456"]
    assert sum(result.reports[0].dropped.values()) == 3
    assert not any("cells" in str(w) for w in result.reports[0].warnings)


# ---------------------------------------------------------------- columns that must agree and do not

def _rate_notes(result) -> list:
    return [w for w in result.reports[0].warnings if w.key == "imports.x_tweet_activity.engagement_rate_apart"]


def test_counts_that_lost_their_decimal_points_are_warned_about_and_kept(write_file):
    # a ';' copy re-saved by a spreadsheet that read '.' as a thousands separator: "13600.0" became 136000
    path = write_file("tweet_activity_metrics_examplebakery_20190801_20190901_en.csv", (
        "Tweet id;Tweet permalink;Tweet text;time;impressions;engagements;engagement rate;retweets;replies;likes\n"
        "1161234567890123456;https://twitter.com/examplebakery/status/1161234567890123456;Bread;"
        "2019-08-13 13:59 +0000;136000;100;735E-4;10;00;20\n"
        "1160000000000000000;https://twitter.com/examplebakery/status/1160000000000000000;Older tweet;"
        "2019-08-10 00:01 +0000;2500;30;0012;00;10;10\n"))
    result = import_exports(path)
    (note,) = _rate_notes(result)
    # 100 / 136000 = 0.000735 beside 0.0735 (100 times); 30 / 2500 = 0.012 beside 12 (1000 times)
    english = Translator("en").message(note)
    assert english.startswith(
        "2 posts (rows 2, 3): 'engagements' ÷ 'impressions' and the file's own 'engagement rate', which X works out"
        " from those two counts, are ten times apart or more (row 2: engagements 100, impressions 136,000,"
        " engagement rate '735E-4'). Decimal points were likely lost when the file was re-saved")
    assert "download the export again" in english
    assert Translator("id").message(note).startswith(
        "2 unggahan (baris 2, 3): 'engagements' ÷ 'impressions' dan 'engagement rate' dalam berkas itu sendiri,"
        " yang dihitung X dari kedua angka tersebut, berselisih sepuluh kali lipat atau lebih (baris 2: engagements"
        " 100, impressions 136.000, engagement rate '735E-4'). Titik desimal kemungkinan hilang")
    # only warned about, as reach above impressions is: the file does not tell which figure is wrong
    assert result.posts.set_index("post_id")["impressions"].to_dict() == {
        "1161234567890123456": 136000, "1160000000000000000": 2500}


def test_a_rounded_engagement_rate_is_no_contradiction_but_one_ten_times_off_is(write_file):
    # row 2's 7.35E-4 is 10 / 13600 = 0.00073529 rounded; row 3's rate of 3 / 250 = 0.012 is made 12
    path = _variant(write_file, LIKES_2019, '"0.012"', '"12"')
    (note,) = _rate_notes(import_exports(path))
    assert Translator("en").message(note).startswith("1 post (row 3): 'engagements' ÷ 'impressions'")
    assert "(row 3: engagements 3, impressions 250, engagement rate '12')" in Translator("en").message(note)
    assert not _rate_notes(import_exports(FAVORITES_2015))  # a tweet of 0 impressions has no rate to compare


def test_the_engagement_rate_is_checked_against_organic_counts_and_never_for_no_impressions(write_file):
    """X's 'engagement rate' is the organic engagements over the organic impressions. Row 2: 3 engagements on
    0 impressions has no rate to compare (the file's 0.0 is no contradiction). Row 3, promoted heavily: organic
    10 / 1,000 = 0.01 as the file says, while organic plus promoted, (10 + 10) / (1,000 + 100,000) = 0.000198,
    is 50 times lower: no warning. Row 4 agrees (40 / 2,000 = 0.02); row 5's 0.2 is ten times 0.02: warned."""
    header = next(csv.reader(LIKES_2019.read_text(encoding="utf-8").splitlines()))
    promoted = [name for name in header if name.startswith("promoted ")]
    assert len(header) == 40 and len(promoted) == 18

    def tweet(n, impressions, engagements, rate, paid=None):
        row = dict.fromkeys(header, "0")
        row.update({"Tweet id": f"11612345678901234{n:02d}", "Tweet text": f"Tweet {n}",
                    "Tweet permalink": f"https://twitter.com/examplebakery/status/11612345678901234{n:02d}",
                    "time": f"2019-08-1{n} 13:59 +0000", "impressions": impressions, "engagements": engagements,
                    "engagement rate": rate, "likes": engagements}, **dict.fromkeys(promoted, "-"))
        row.update(paid or {})
        return [row[name] for name in header]

    out = io.StringIO()
    csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\n").writerows([
        header, tweet(2, "0.0", "3.0", "0.0"),
        tweet(3, "1000.0", "10.0", "0.01", {"promoted impressions": "100000", "promoted engagements": "10",
                                            "promoted engagement rate": "0.0001", "promoted likes": "10"}),
        tweet(4, "2000.0", "40.0", "0.02"), tweet(5, "2000.0", "40.0", "0.2")])
    result = import_exports(write_file(LIKES_2019.name, out.getvalue()))
    posts = result.posts.set_index("source_row")
    assert posts.loc[3, "impressions"] == 101000 and posts.loc[3, "platform_engagements"] == 20
    assert bool(posts.loc[3, "paid"]) and not posts.loc[[2, 4, 5], "paid"].any()
    (note,) = _rate_notes(result)
    assert Translator("en").message(note).startswith(
        "1 post (row 5): 'engagements' ÷ 'impressions' and the file's own 'engagement rate'")
    assert note.values["engagements"] == 40 and note.values["impressions"] == 2000


def _click_columns_kept(write_file, source, kept: set[str], blank: set[str] = frozenset()):
    """`source` with only the click columns `kept` (and their promoted twins) of its own, and the columns
    `blank` left empty in every row; the other columns as they are."""
    from helpers.importers import x_content, x_tweet_activity

    clicks = {name.casefold() for name in (*x_content.CLICK_COLUMNS, *x_tweet_activity.CLICK_COLUMNS)}
    rows = list(csv.reader(io.StringIO(source.read_text(encoding="utf-8"), newline="")))
    keep = [i for i, name in enumerate(rows[0])
            if name.casefold().removeprefix("promoted ") not in clicks - {k.casefold() for k in kept}]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    empty = {i for i, name in enumerate(rows[0]) if name in blank}
    writer.writerows([[("" if n and i in empty else row[i]) for i in keep] for n, row in enumerate(rows)])
    return write_file(source.name, out.getvalue())


def test_x_clicks_are_named_from_the_click_columns_the_file_sums(write_file):
    """Data coverage and Definitions say what X's clicks count, from the importer's note: the click columns
    the file holds and sums. A content export with URL Clicks alone counts link clicks, not profile visits
    and the rest; its first post's clicks are its 10 URL clicks. A column whose every cell is blank adds
    nothing and is not named. The full files keep the full list."""
    cases = [
        (CONTENT_LATER, {"URL Clicks"}, set(), "link clicks alone (URL clicks)", "klik tautan saja (klik URL)"),
        (CONTENT_LATER, {"URL Clicks", "Detail Expands"}, set(),
         "URL clicks and detail expands together, not link clicks alone",
         "gabungan klik URL dan klik untuk membuka detail, bukan hanya klik tautan"),
        (CONTENT_LATER, {"Profile visits"}, set(), "profile visits, not link clicks",
         "kunjungan profil, bukan klik tautan"),
        (CONTENT_LATER, {"Profile visits", "Hashtag Clicks"}, {"Hashtag Clicks"}, "profile visits, not link clicks",
         "kunjungan profil, bukan klik tautan"),
        (LIKES_2019, {"url clicks", "user profile clicks", "app opens"}, set(),
         "URL clicks, profile clicks and app opens together, not link clicks alone",
         "gabungan klik URL, klik profil, dan pembukaan aplikasi, bukan hanya klik tautan"),
    ]
    for source, kept, blank, english, indonesian in cases:
        result = import_exports(_click_columns_kept(write_file, source, kept, blank), timezone="UTC")
        counted = result.reports[0].counted["clicks"]
        assert (Translator("en").message(counted), Translator("id").message(counted)) == (english, indonesian)
    only_url = import_exports(_click_columns_kept(write_file, CONTENT_LATER, {"URL Clicks"}), timezone="UTC")
    assert only_url.posts.set_index("post_id").loc["1987654321098765432", "clicks"] == 10
    full = {path: Translator("en").message(import_exports(path, timezone="UTC").reports[0].counted["clicks"])
            for path in (CONTENT_LATER, LIKES_2019)}
    assert full == {
        CONTENT_LATER: "URL clicks, profile visits, hashtag clicks, detail expands and permalink clicks together,"
                       " not link clicks alone",
        LIKES_2019: "URL clicks, profile clicks, hashtag clicks, detail expands, permalink clicks, app opens and app"
                    " installs together, not link clicks alone"}


def test_a_portuguese_x_export_saved_as_windows_1252_keeps_its_accents(write_file):
    """Two Portuguese posts saved as Windows-1252: their bytes E9 E3 C9 E1 read as Mac Roman would be 'È „ … ·'
    ('S„o Paulo'), 8 signs or capitals beside small letters ('È S„o n„o J· est· p·gina l· N„o'). The hashtag's
    capital É after a small letter ('#BlackFridayÉAgora') is left out with the hashtag, so the Windows-1252
    reading scores 0, the file reads as Windows-1252, the É included, and the note names Windows-1252."""
    texts = ["Hoje é dia de live! São Paulo, não percam. #BlackFridayÉAgora",
             "Já está no ar a nova página, lá no site. Não perca!"]
    rows = [f'{post_id},{date},"{text}",https://x.com/a/status/{post_id},10,10,10,10,10,10,10,10,10,10,10,10,10'
            for post_id, date, text in zip([ID_A, ID_B], ["Sat Mar 1 2025", "Mon Mar 3 2025"], texts)]
    path = write_file("account_analytics_content_2025-03-01_2025-03-05.csv",
                      "\r\n".join([CONTENT_HEADER] + rows) + "\r\n", encoding="cp1252")
    result = import_exports(path)
    assert result.posts["text"].tolist() == texts
    assert any("read as Windows-1252" in Translator("en").message(w) for w in result.reports[0].warnings)
