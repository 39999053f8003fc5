"""Legacy Facebook Insights "Post Level" export (before 2018): description row, repeated header names.

Reference figures for the real file were read independently with the csv module and are hard-coded.
"""
from __future__ import annotations

import csv

import pandas as pd
import pytest

from conftest import FIXTURES, REAL_EXPORTS, detected_family, real_export
from helpers.errors import ExportFormatError
from helpers.importers import detect_family, import_exports
from helpers.importers.facebook_insights_legacy import read_facebook_insights_legacy

REAL_DIR = "facebook/insights-post-level-2017/"
FIXTURE = FIXTURES / "facebook_legacy" / "Facebook Insights Data Export (Post Level) - Example Bakery - 2016-03-08.csv"


def _real_file():
    folder = real_export(REAL_DIR)
    (path,) = sorted(folder.glob("*.csv"))
    return path


# ---------------------------------------------------------------- the real export

def test_real_export_imports_its_one_post():
    path = _real_file()
    result = import_exports(path, timezone="America/Los_Angeles")
    posts = result.posts
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert len(posts) == 1 == len(rows) - 2  # header and description row are not posts
    post = posts.iloc[0]
    assert post["post_id"] == rows[2][0] and isinstance(post["post_id"], str)
    assert post["source_row"] == 3
    assert post["published_at"] == pd.Timestamp("2017-01-19 09:03:47", tz="America/Los_Angeles")
    assert post["published_precision"] == "minute"
    assert (post["reach"], post["impressions"], post["impressions_kind"]) == (35, 60, "impressions")
    assert (post["reactions"], post["comments"], post["shares"], post["clicks"]) == (1, 1, 1, 1)
    assert post["paid"] == False  # noqa: E712  paid reach 0
    assert post["format"] == "link"
    assert pd.isna(post["video_views"])  # a link post: video views do not apply
    assert post["account"] == path.name.split(" - ")[1]
    assert result.reports[0].family == "facebook_insights_legacy"
    assert result.reports[0].warnings == []


def test_detection_picks_legacy_for_legacy_files_only():
    real_export(REAL_DIR)
    assert detect_family(FIXTURE).name == "facebook_insights_legacy"
    for path in sorted(REAL_EXPORTS.rglob("*")):
        if not path.is_file() or path.suffix not in (".csv", ".xlsx"):
            continue
        name = detected_family(path)
        assert (name == "facebook_insights_legacy") == (REAL_DIR in str(path)), path


# ---------------------------------------------------------------- own fixtures

def test_fixture_columns_told_apart_by_description():
    posts = import_exports(FIXTURE, timezone="Europe/Berlin").posts.sort_values("source_row")
    assert posts["source_row"].tolist() == [3, 4, 5, 6]
    assert posts["post_id"].tolist() == [f"200000000000001_3000000000000{n}" for n in (11, 12, 13, 14)]
    assert posts["format"].tolist() == ["photo", "video", "text", "link"]
    assert posts["reach"].sum() == 2300 and posts["reach"].isna().sum() == 1  # blank reach is NA
    assert posts["impressions"].sum() == 5150
    # story counts (Total Count), not the unique people of "Talking About This"
    assert posts["reactions"].tolist() == [52, 33, 8, 9]
    assert posts["comments"].sum() == 8
    assert posts["shares"].sum() == 11 and posts["shares"].isna().sum() == 1
    assert posts["clicks"].sum() == 271
    # the (Unique Users) 'Organic Video Views' comes first in this file; the (Total Count) one is used
    assert posts["video_views"].tolist()[1] == 340 and posts["video_views"].isna().sum() == 3
    assert posts["paid"].tolist() == [True, False, False, pd.NA]
    times = posts["published_at"].dt.strftime("%Y-%m-%d %H:%M:%S").tolist()
    assert times == ["2016-03-04 07:15:02", "2016-03-05 12:40:00", "2016-03-06 00:05:30", "2016-03-07 18:59:59"]
    assert posts["account"].unique().tolist() == ["Example Bakery"]
    assert posts["text"].iloc[0] == 'Fresh rye loaves today, from 7 "sharp"!\nSee you soon'


def test_talking_about_this_only_is_used_with_a_warning():
    result = import_exports(FIXTURES / "facebook_legacy" / "talking-about-only.csv", timezone="UTC")
    assert result.posts["reactions"].tolist() == [40, 30]
    assert result.posts["comments"].tolist() == [4, 2]
    assert any("unique people" in w for w in result.warnings())


def test_timezone_is_required():
    with pytest.raises(ExportFormatError, match="Posted.*\n.*timezone=|time zone"):
        read_facebook_insights_legacy(FIXTURE)


def test_non_numeric_reach_names_row_and_value():
    with pytest.raises(ExportFormatError) as err:
        import_exports(FIXTURES / "facebook_legacy" / "bad-reach.csv", timezone="UTC")
    assert err.value.row == 4 and err.value.column == "Lifetime Post Total Reach"
    assert "'1.2k'" in str(err.value)


def test_unparseable_posted_names_row():
    with pytest.raises(ExportFormatError) as err:
        import_exports(FIXTURES / "facebook_legacy" / "bad-posted.csv", timezone="UTC")
    assert err.value.row == 4 and err.value.column == "Posted"
    assert "2016-03-05 12:40" in str(err.value)


def test_header_and_description_only_gives_no_posts_and_says_so():
    result = import_exports(FIXTURES / "facebook_legacy" / "header-only.csv", timezone="UTC")
    assert len(result.posts) == 0
    assert result.reports[0].rows_in_file == 0
    assert any("no posts" in w for w in result.reports[0].warnings)


def test_empty_file_is_an_error(write_file):
    path = write_file("Facebook Insights Data Export (Post Level) - X - 2016-01-01.csv", b"\xef\xbb\xbf")
    with pytest.raises(ExportFormatError, match="empty"):
        read_facebook_insights_legacy(path, timezone="UTC")
