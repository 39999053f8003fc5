"""Data-quality checks at import (helpers.quality): broadcast counts of 0 on posts someone saw, and blank ones.

The fixture is written by hand in the Business Suite post export format (UTF-8 BOM, a field quoted when it
holds a space, comma or quote, LF line ends), with invented posts whose values are worked out below.
"""
from __future__ import annotations

import datetime as dt

import pandas as pd

from conftest import FIXTURES
from helpers import metrics, quality
from helpers.i18n import Translator
from helpers.importers import import_exports

#: rows 2-8: (views, reach, reactions, comments, shares)
#: 2: 800, 0, 120/10/5   reach 0 though 135 interactions and 800 views: not reported
#: 3: 0, 0, 0/0/0        nobody saw it: 0 and 0 stand
#: 4: 300, blank, 4/1/0  reach blank
#: 5: 0, 150, 0/0/0      views 0 though it reached 150: not reported
#: 6: 200, '-', 3/0/0    reach blank ('-')
#: 7: 0, 0, 2/0/0        reach and views 0 though 2 likes: neither reported
#: 8: 400, 260, 12/1/1
UNSEEN = FIXTURES / "meta" / "unseen-zeros" / "Jul-01-2026_Jul-31-2026_100000000000066.csv"
ZONE = "Asia/Jakarta"


def _notes(result) -> list[str]:
    return [str(w) for w in result.reports[0].warnings if "'Publish time'" not in str(w)]  # the clock aside


def test_zero_reach_or_views_on_a_post_someone_saw_is_not_reported_and_named_by_row():
    result = import_exports(UNSEEN, timezone=ZONE)
    posts = result.posts.set_index("source_row")
    assert posts["reach"].tolist() == [pd.NA, 0, pd.NA, 150, pd.NA, pd.NA, 260]
    assert posts["impressions"].tolist() == [800, 0, 300, pd.NA, 200, pd.NA, 400]
    assert posts["impressions_kind"].tolist() == ["views", "views", "views", pd.NA, "views", pd.NA, "views"]
    assert _notes(result)[:2] == [
        "2 posts report reach of 0 although they drew interactions or report views above 0 (rows 2, 7): someone"
        " saw these posts, so 0 cannot be right; these cells are treated as not reported, and the totals of"
        " reach and the rates by it leave these posts out",
        "2 posts report views of 0 although they drew interactions or report reach above 0 (rows 5, 7): someone"
        " saw these posts, so 0 cannot be right; these cells are treated as not reported, and the totals of"
        " views and the rates by it leave these posts out"]
    assert Translator("id").message(result.reports[0].warnings[0]).startswith(
        "2 unggahan mencatat jangkauan 0 padahal unggahan tersebut mendapat interaksi atau mencatat tayangan di"
        " atas 0 (baris 2, 7)")
    kpis = metrics.kpis(result.posts).set_index("kpi")
    # summed reach: 0 (row 3) + 150 (row 5) + 260 (row 8), over those 3 posts of 7, not 410 over 5
    assert kpis.loc["summed_reach", ["value", "posts_covered", "posts"]].tolist() == [410, 3, 7]
    assert kpis.loc["impressions", ["value", "posts_covered"]].tolist() == [800 + 0 + 300 + 200 + 400, 5]


def test_blank_reach_is_named_once_apart_from_the_zeros_set_aside():
    """Rows 4 and 6 leave reach blank ('' and '-'); rows 2 and 7, set to NA as impossible, are not blanks."""
    notes = _notes(import_exports(UNSEEN, timezone=ZONE))
    assert notes[2:] == [
        "2 posts have a blank cell in a broadcast count this file reports for its other posts (reach 2; rows 4,"
        " 6): a blank is not 0, so these posts are left out of the totals of that count and of the rates by it"
        " (frequency, engagement rate by reach or by impressions), which then cover fewer posts than the file holds"]


def _posts(**columns) -> pd.DataFrame:
    n = len(next(iter(columns.values())))
    base = {"platform": ["x"] * n, "source_file": ["f.csv"] * n, "source_row": list(range(2, n + 2))}
    return pd.DataFrame({**base, **{name: pd.array(values, dtype="string" if name == "impressions_kind" else "Int64")
                                    for name, values in columns.items()}})


def test_impressions_of_0_with_interactions_and_no_reach_column():
    """X reports no reach: a post with 4 likes and 0 impressions was seen; one with none may not have been."""
    posts, notes = quality.checked(_posts(impressions=[0, 0, 90], reactions=[4, 0, 3], comments=[0, 0, 1],
                                          impressions_kind=["impressions"] * 3))
    assert posts["impressions"].tolist() == [pd.NA, 0, 90]
    assert [str(n) for n in notes] == [
        "1 post reports impressions of 0 although they drew interactions (row 2): someone saw these posts, so 0"
        " cannot be right; these cells are treated as not reported, and the totals of impressions and the"
        " rates by it leave these posts out"]


def test_youtube_thumbnail_impressions_of_0_stand_and_video_views_are_not_judged():
    """A video found from outside YouTube draws likes with no thumbnail shown; a like without a counted view
    (Meta's 3-second views, YouTube's views catching up) can happen too."""
    frame = _posts(impressions=[0, 50], video_views=[0, 40], reactions=[7, 2],
                   impressions_kind=["thumbnail_impressions"] * 2)
    posts, notes = quality.checked(frame)
    assert posts["impressions"].tolist() == [0, 50] and posts["video_views"].tolist() == [0, 40]
    assert notes == []


def test_a_negative_reach_is_named_as_negative_not_again_as_blank():
    posts, notes = quality.checked(_posts(reach=[-5, 100, pd.NA], reactions=[1, 2, 3]))
    assert posts["reach"].tolist() == [pd.NA, 100, pd.NA]
    assert [str(n).split(":")[0] for n in notes] == [
        "1 negative value in reach (row 2)",
        "1 post has a blank cell in a broadcast count this file reports for its other posts (reach 1; row 4)"]


def test_a_negative_count_is_named_by_its_label_in_the_readers_language():
    """Not by the post table's column name: "comments" is "komentar", "reach" "jangkauan" in Indonesian."""
    _, notes = quality.checked(_posts(reach=[100, -5, 80], comments=[-1, 2, -3]))
    indonesian = [Translator("id").message(n).split(":")[0] for n in notes if n.key == "imports.quality.negative"]
    assert indonesian == ["1 nilai jangkauan negatif (baris 3)", "2 nilai komentar negatif (baris 2, 4)"]


def _demo_facebook_rows() -> tuple[list[str], list[str]]:
    """The lines of Kopi Senja's demo Facebook export: its header and its post rows, as written."""
    from helpers.paths import DEMO_DIR

    [path] = (DEMO_DIR / "kopi-senja").glob("Jul-01-2026_Oct-31-2026_1045*.csv")
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    return lines[:1], lines[1:]


def test_an_export_missing_its_oldest_posts_is_warned_about_with_its_gap(tmp_path):
    """A download cut off between two rows leaves no trace in the file: the demo Facebook export (named for 1 July
    to 31 October 2026, 123 days) keeping only its posts from 29 August on has none in its first 59 days. For
    n posts spread evenly, no post in the first 59 of 123 days has chance (64/123)^n: below one in a million
    for the n kept, so it is said; the whole export, whose posts start on 1 July, gets no such note."""
    import csv
    import io

    header, rows = _demo_facebook_rows()
    column = next(csv.reader([header[0]])).index("Publish time")
    kept = [row for row in rows if next(csv.reader(io.StringIO(row)))[column][:10] >= "08/29/2026"]
    days = sorted({next(csv.reader(io.StringIO(row)))[column][:10] for row in kept})
    assert days[0] == "08/29/2026" and (64 / 123) ** len(kept) < 1e-6
    cut = tmp_path / "Jul-01-2026_Oct-31-2026_104512873300219.csv"
    cut.write_text("\ufeff" + "\n".join(header + kept) + "\n", encoding="utf-8")
    notes = [w for w in import_exports([cut], timezone=ZONE).reports[0].warnings
             if getattr(w, "key", "").startswith("imports.quality.named_gap")]
    assert [(w.key, w.values) for w in notes] == [("imports.quality.named_gap_start", {
        "start": dt.date(2026, 7, 1), "end": dt.date(2026, 10, 31), "post": dt.date(2026, 8, 29), "gap": 59,
        "posts": len(kept)})]
    assert Translator("id").message(notes[0]).startswith(
        "menurut namanya, ekspor ini mencakup 1 Juli 2026 hingga 31 Oktober 2026, tetapi unggahan tertuanya bertanggal"
        " 29 Agustus 2026")
    assert str(notes[0]).startswith("the export is named for 1 July 2026 to 31 October 2026, but its oldest post is"
                                    " from 29 August 2026: no post in its first 59 days")
    assert Translator("id").message(notes[0]).startswith("menurut namanya, ekspor ini mencakup 1 Juli 2026 hingga"
                                                         " 31 Oktober 2026, tetapi unggahan tertuanya bertanggal"
                                                         " 29 Agustus 2026")
    from helpers.report import client_worded

    said = Translator("en").message(client_worded(notes[0]))  # the client's report: the facts, no advice
    assert said.endswith("Either the account began posting on 29 August 2026, or the download missed earlier posts,"
                         " and the figures here lack them") and "download the export again" not in said
    whole = tmp_path / "whole" / cut.name
    whole.parent.mkdir()
    whole.write_text("\ufeff" + "\n".join(header + rows) + "\n", encoding="utf-8")
    assert not [w for w in import_exports([whole], timezone=ZONE).reports[0].warnings
                if getattr(w, "key", "").startswith("imports.quality.named_gap")]


def test_a_gap_a_week_long_or_likely_by_chance_is_not_said():
    """Holidays empty a week or so of many accounts: 13 days without a post is not said however unlikely, and
    60 days of 100 without any of 3 posts (chance 0.4^3 = 0.064) is not said either."""
    when = pd.to_datetime(["2026-01-14", "2026-01-20", "2026-01-31"]).tz_localize(ZONE)
    assert quality.named_period_gaps(pd.DataFrame({"published_at": when}), "Jan-01-2026_Jan-31-2026_1.csv") == []
    when = pd.to_datetime(["2026-03-02", "2026-03-20", "2026-04-10"]).tz_localize(ZONE)
    assert quality.named_period_gaps(pd.DataFrame({"published_at": when}), "Jan-01-2026_Apr-10-2026_1.csv") == []
    many = pd.Series(pd.date_range("2026-01-15", "2026-01-31", periods=200)).dt.tz_localize(ZONE)
    [note] = quality.named_period_gaps(pd.DataFrame({"published_at": many}), "Jan-01-2026_Jan-31-2026_1.csv")
    assert note.key == "imports.quality.named_gap_start" and note.values["gap"] == 14  # (17/31)^200: said


def test_posts_all_beyond_the_named_days_give_no_gap_note_and_no_error():
    """A file named for January holding 2,000 posts of March (renamed, or another download's name): the gap at
    the start (59 days) is longer than the 31 named days, so (1 - 59/31)^2000 is no chance (and overflowed
    Python's float); the posts outside the named days are warned about apart."""
    when = pd.Series(pd.date_range("2026-03-01", "2026-03-31", periods=2000)).dt.tz_localize(ZONE)
    assert quality.named_period_gaps(pd.DataFrame({"published_at": when}), "Jan-01-2026_Jan-31-2026_1.csv") == []
    before = pd.Series(pd.date_range("2025-11-01", "2025-11-30", periods=2000)).dt.tz_localize(ZONE)
    assert quality.named_period_gaps(pd.DataFrame({"published_at": before}), "Jan-01-2026_Jan-31-2026_1.csv") == []


def test_impressions_word_names_what_the_impressions_column_counts():
    """One kind is named as it is; several kinds read "impressions and views" (there is no key for a pair
    such as thumbnail impressions and views); none known gives the caller's word."""
    tr = Translator("en")
    assert tr.message(quality.impressions_word(["views"])) == "views"
    assert tr.message(quality.impressions_word(["thumbnail_impressions"])) == "thumbnail impressions"
    assert tr.message(quality.impressions_word(["thumbnail_impressions", "views"])) == "impressions and views"
    assert tr.message(quality.impressions_word(["views", "impressions"])) == "impressions and views"
    assert tr.message(quality.impressions_word([])) == "impressions"
    assert tr.message(quality.impressions_word([], none="neither")) == "neither"


def test_figures_ten_times_apart_allowing_for_rounding():
    derived = pd.Series([249478.0, 9.9, 0.36, 3.6, 0.0, 5.0, 2.0])
    stated = pd.Series([25.0, 1.0, 0.0, 12.0, 0.0, float("nan"), 20.0])
    # without rounding: 249,478 is 9,979 times 25; 9.9 is 9.9 times 1; 0.36 beside 0; 3.6 is 1/3.3 of 12;
    # nothing to compare where either is missing; 2 is a tenth of 20, the factor itself
    assert quality.figures_apart(derived, stated).tolist() == [True, False, True, False, False, False, True]
    # 0.36 s a view +/- 0.36 beside 0 s +/- 1: no longer apart; 249,478 +/- 0.36 beside 25 +/- 1 still is
    assert quality.figures_apart(derived, stated, derived_error=0.36, stated_error=1.0).tolist() == [
        True, False, False, False, False, False, False]
