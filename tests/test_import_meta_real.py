"""The Business Suite importer on real exports (skipped when ../shared/real-exports is absent)."""
import csv

import pandas as pd
import pytest

from helpers.importers import detect_family, import_exports
from tests.conftest import real_export

FB_LONG = "facebook/business-suite-posts/Jan-14-2025_Apr-14-2025_1396269028466733.csv"
FB_SHORT = "facebook/business-suite-posts/Mar-18-2025_Apr-14-2025_553302954456165.csv"
IG = "instagram/business-suite-posts/Mar-18-2025_Apr-14-2025_1019826952924933.csv"
TZ = "Africa/Johannesburg"


@pytest.mark.parametrize("relative, rows, platform", [(FB_LONG, 261, "facebook"), (FB_SHORT, 48, "facebook"),
                                                      (IG, 78, "instagram")])
def test_row_counts_platform_and_family(relative, rows, platform):
    path = real_export(relative)
    assert detect_family(path).name == "meta_business_suite_posts"
    posts = import_exports(path, client="c", timezone=TZ).posts
    assert len(posts) == rows
    assert set(posts["platform"]) == {platform}


@pytest.mark.parametrize("relative", [FB_LONG, FB_SHORT, IG])
def test_real_exports_carry_every_expected_column_posts_in_their_period_and_no_totals_row(relative):
    """What the importer warns about in edited files is absent from the downloads: every interaction column
    of its platform, every post inside the period of the file name, every Post ID an id."""
    result = import_exports(real_export(relative), client="c", timezone=TZ)
    notes = [str(w) for w in result.reports[0].warnings]
    assert not [n for n in notes if "header has no" in n or "outside the period" in n], notes
    assert not result.reports[0].dropped


def test_reach_total_and_ids_as_text():
    path = real_export(FB_LONG)
    posts = import_exports(path, client="c", timezone=TZ).posts
    assert posts["reach"].sum() == 8395
    assert posts["post_id"].dtype == "string"
    assert "939005954986064" in set(posts["post_id"])  # 15 digits kept exactly


def test_blanks_are_na_not_zero():
    posts = import_exports(real_export(FB_LONG), client="c", timezone=TZ).posts
    # Facebook exports carry no saves; 'Seconds viewed' is blank except for videos (and missing in ragged rows)
    assert posts["saves"].isna().all()
    assert posts["watch_time_seconds"].notna().sum() == 6
    assert posts["watch_time_seconds"].isna().sum() == 255
    assert (posts["reach"].notna()).all()


def test_ragged_rows_are_read_with_their_values():
    path = real_export(FB_LONG)
    with path.open(encoding="utf-8-sig", newline="") as handle:
        records = list(csv.reader(handle))
    header = records[0]
    short = [r for r in records[1:] if len(r) < len(header)]
    assert len(short) == 5
    posts = import_exports(path, client="c", timezone=TZ).posts.set_index("post_id")
    for record in short:
        assert posts.loc[record[0], "reach"] == int(record[header.index("Reach")])


def test_local_publish_time_gets_the_time_zone():
    posts = import_exports(real_export(FB_LONG), client="c", timezone=TZ).posts.set_index("post_id")
    assert posts.loc["939005954986064", "published_at"] == pd.Timestamp("2025-02-16 05:14", tz=TZ)
    assert str(posts["published_at"].dt.tz) == TZ


def test_views_twice_and_impossible_zero_views():
    result = import_exports(real_export(FB_SHORT), client="c", timezone=TZ)
    posts = result.posts
    # both 'Views' columns are 0 while reach is positive: reported as not available, with a warning
    assert posts["impressions"].isna().all()
    assert any("48 posts report views of 0 although they drew interactions or report reach above 0 (rows 2, 3,"
               " 4, 5, 6 and 43 more)" in w for w in result.warnings())
    assert posts["reach"].sum() == sum(
        int(r["Reach"]) for r in csv.DictReader(real_export(FB_SHORT).open(encoding="utf-8-sig", newline="")))
    assert posts["paid"].eq(False).all()  # 'Reach from Boosted posts' is 0 on every row


def test_instagram_saves_and_formats():
    posts = import_exports(real_export(IG), client="c", timezone=TZ).posts
    with real_export(IG).open(encoding="utf-8-sig", newline="") as handle:
        records = list(csv.DictReader(handle))
    assert posts["saves"].sum() == sum(int(r["Saves"]) for r in records if r["Saves"])
    assert posts["reactions"].sum() == sum(int(r["Likes"]) for r in records if r["Likes"])
    assert set(posts["format"]) <= {"reel", "photo", "carousel"}
    assert posts["follows_gained"].isna().sum() == sum(1 for r in records if not r["Follows"])


def test_overlapping_exports_keep_one_row_per_post():
    result = import_exports([real_export(FB_LONG), real_export(FB_SHORT)], client="c", timezone=TZ)
    posts = result.posts
    assert posts["post_id"].is_unique
    superseded = sum(r.superseded for r in result.reports)
    assert len(posts) == 261 + 48 - superseded
    assert superseded == 48  # every post of the short export is in the long one
    # the short export's views are all 0 with reach above 0 (impossible, so not reported): the long export's
    # views of the same posts are kept, whichever file counts as newer
    assert posts["impressions"].notna().sum() == 261 and posts["impressions"].sum() == 15_982
    assert set(posts["impressions_kind"]) == {"views"}
    assert int(posts["reach"].sum()) == 8_395
    assert int(posts[["reactions", "comments", "shares"]].sum().sum()) == 127
    # a photo's "3-second video views" of 0 means it has no video, not that nobody watched
    assert posts.loc[posts["format"] == "photo", "video_views"].isna().all()


def test_the_facebook_and_instagram_files_of_one_download_cover_the_same_days():
    """Both files name 18 March to 14 April 2025 and are written on one clock (about UTC−7), so in
    Johannesburg both reach into 15 April: Facebook's posts show it, Instagram's file holds none that late.
    The days each covers are the same (sources.export_periods), so the report's notes on posts near the
    download name one last day for the download, 15 April, not 15 April for one file and 14 for the other."""
    import datetime as dt

    from helpers.sources import export_periods

    result = import_exports([real_export(FB_SHORT), real_export(IG)], client="c", timezone=TZ)
    days = [export_periods(result.posts, result.reports, platform) for platform in ("facebook", "instagram")]
    (facebook,), (instagram,) = (list(d.values()) for d in days)
    assert facebook == instagram == (dt.date(2025, 3, 18), dt.date(2025, 4, 15))
    alone = export_periods(import_exports(real_export(IG), client="c", timezone=TZ).posts,
                           import_exports(real_export(IG), client="c", timezone=TZ).reports, "instagram")
    assert list(alone.values()) == [(dt.date(2025, 3, 18), dt.date(2025, 4, 14))]  # no sibling: its own days
    without_reports = export_periods(result.posts, (), "instagram")  # the explorer's filtered posts
    assert list(without_reports.values()) == [(dt.date(2025, 3, 18), dt.date(2025, 4, 15))]


def test_the_explorer_choosing_instagram_sees_the_days_its_facebook_twin_covers():
    """Choosing a platform in the explorer keeps the Facebook file's posts out of the selection, but not out of
    the days its Instagram twin covers: 1 to 15 April is covered in full (no PartlyCovered warning), and the
    file's last day for the near-download count is 15 April, as in the report."""
    import datetime as dt
    import warnings

    from helpers import explore
    from helpers.errors import PartlyCovered

    posts = import_exports([real_export(FB_SHORT), real_export(IG)], client="c", timezone=TZ).posts
    with warnings.catch_warnings():
        warnings.simplefilter("error", PartlyCovered)
        chosen = explore.select_posts(posts, platform="instagram", start="2025-04-01", end="2025-04-15")
    assert list(chosen.attrs[explore.NEAR_DOWNLOAD]["instagram"].values()) == [dt.date(2025, 4, 15)]
