"""The UCI "Facebook metrics" dataset (Moro et al. 2016): reference figures out of the canonical table.

The figures below are the published ones (and were recomputed independently with the csv and statistics
modules from the source file): they must come out of the imported canonical table, not the raw file.
"""
from __future__ import annotations

import csv

import pandas as pd
import pytest

from conftest import FIXTURES, REAL_EXPORTS, detected_family, real_export
from helpers import metrics
from helpers.errors import ExportFormatError
from helpers.i18n import Translator
from helpers.importers import import_exports
from helpers.importers.uci_facebook_metrics import ACCOUNT, first_matching_day

REAL = "uci-facebook-metrics/dataset_Facebook.csv"


@pytest.fixture(scope="module")
def uci():
    path = real_export(REAL)
    return path, import_exports(path)


def test_reference_figures_come_out_of_the_canonical_table(uci):
    _, result = uci
    posts = result.posts
    assert len(posts) == 500
    assert posts["reach"].mean() == pytest.approx(13903.36, abs=0.005)
    assert posts["reach"].std() == pytest.approx(22740.79, abs=0.005)
    assert posts["reach"].median() == 5281
    assert posts["impressions"].mean() == pytest.approx(29585.95, abs=0.005)
    # Total Interactions = like + comment + share, the dataset's blanks counted as 0 as its authors did (and as
    # the workbook reads them: test_the_blank_interaction_cells_are_0s_by_the_files_own_total)
    interactions = posts[["reactions", "comments", "shares"]].sum(axis=1, min_count=1)
    assert interactions.mean() == pytest.approx(212.12, abs=0.005)
    reach = posts["reach"].astype(float)
    assert reach.corr(posts["impressions"].astype(float)) == pytest.approx(0.695, abs=0.0005)
    assert reach.corr(interactions.astype(float)) == pytest.approx(0.539, abs=0.0005)
    assert posts["format"].value_counts().to_dict() == {"photo": 426, "text": 45, "link": 22, "video": 7}


def test_blanks_stay_na_and_other_totals(uci):
    _, result = uci
    posts = result.posts
    # the blank like and share cells are 0s by the file's own Total Interactions; the blank Paid stays NA
    assert posts[["reactions", "comments", "shares"]].isna().sum().sum() == 0
    assert posts["paid"].value_counts(dropna=False).to_dict() == {False: 360, True: 139, pd.NA: 1}
    assert posts["clicks"].sum() == 707565  # Lifetime Post Consumptions
    assert posts["reactions"].sum() == 88795 and posts["shares"].sum() == 13524
    assert posts["impressions_kind"].eq("impressions").all()
    assert posts["account"].eq(ACCOUNT).all() and posts["platform"].eq("facebook").all()
    assert posts["published_precision"].eq("month").all()
    assert any(w.endswith("some cells are blank and are read as not reported, not as 0: 1 cell in the 'Paid'"
                          " column") for w in result.warnings())


def test_ids_timing_and_weekday_coding(uci):
    path, result = uci
    posts = result.posts.set_index("post_id")
    with path.open(newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter=";"))
    assert sorted(posts.index) == [f"uci-{n:04d}" for n in range(1, 501)]
    for n, row in enumerate(rows, start=1):
        post = posts.loc[f"uci-{n:04d}"]
        when = post["published_at"]
        assert post["source_row"] == n + 1
        assert when.year == 2014 and when.month == int(row["Post Month"]) and when.day <= 7
        assert when.hour == int(row["Post Hour"])
        assert (when.day_of_week + 1) % 7 + 1 == int(row["Post Weekday"])  # 1 = Sunday
    # the evidence for 1 = Sunday: the first December post (Monday 1 December 2014) directly follows the
    # last November post (Sunday 30 November); under 1 = Sunday the first December post lands on the 1st
    first_december = max(n for n, row in enumerate(rows, start=1) if row["Post Month"] == "12")
    assert posts.loc[f"uci-{first_december:04d}", "published_at"].date() == pd.Timestamp("2014-12-01").date()
    assert rows[first_december]["Post Month"] == "11" and rows[first_december]["Post Weekday"] == "1"


def test_given_timezone_keeps_the_wall_clock_hour():
    path = real_export(REAL)
    posts = import_exports(path, timezone="Europe/Lisbon").posts
    assert str(posts["published_at"].dt.tz) == "Europe/Lisbon"
    # uci-0001: December, weekday 4 (Wednesday), hour 3 -> the first Wednesday of December 2014
    assert posts.set_index("post_id").loc["uci-0001", "published_at"] == pd.Timestamp("2014-12-03 03:00",
                                                                                      tz="Europe/Lisbon")


def test_detection_picks_uci_for_the_dataset_only():
    real_export(REAL)
    for path in sorted(REAL_EXPORTS.rglob("*")):
        if not path.is_file() or path.suffix not in (".csv", ".xlsx"):
            continue
        name = detected_family(path)
        assert (name == "uci_facebook_metrics") == path.name.startswith("dataset_Facebook"), path


def test_first_matching_day_covers_every_month_and_weekday():
    months = pd.Series([m for m in range(1, 13) for _ in range(7)])
    codes = pd.Series([c for _ in range(12) for c in range(1, 8)])
    days = first_matching_day(2014, months, codes)
    dates = pd.to_datetime(pd.DataFrame({"year": 2014, "month": months, "day": days}))
    assert days.between(1, 7).all()
    assert ((dates.dt.day_of_week + 1) % 7 + 1).tolist() == codes.tolist()


def test_fixture_dates_paid_and_blanks():
    posts = import_exports(FIXTURES / "uci" / "three-posts.csv").posts.set_index("post_id")
    assert posts.loc["uci-0001", "published_at"] == pd.Timestamp("2014-12-01 09:00", tz="UTC")  # Mon = 2
    assert posts.loc["uci-0002", "published_at"] == pd.Timestamp("2014-11-02 23:00", tz="UTC")  # Sun = 1
    assert posts.loc["uci-0003", "published_at"] == pd.Timestamp("2014-01-01 00:00", tz="UTC")  # Wed = 4
    assert posts.loc["uci-0001", "paid"] == False  # noqa: E712
    assert posts.loc["uci-0002", "paid"] == True  # noqa: E712
    assert pd.isna(posts.loc["uci-0003", "paid"])
    # its like is blank, but its Total Interactions (3) is comment 2 + share 1: the file counts the blank as 0
    assert posts.loc["uci-0002", "reactions"] == 0
    assert posts["followers"].sum() == 5000 + 4990 + 4980
    assert posts["format"].to_dict() == {"uci-0003": "video", "uci-0002": "text", "uci-0001": "photo"}


def test_reference_year_can_be_changed():
    posts = import_exports(FIXTURES / "uci" / "three-posts.csv", reference_year=2015).posts.set_index("post_id")
    assert posts.loc["uci-0001", "published_at"] == pd.Timestamp("2015-12-07 09:00", tz="UTC")  # a Monday


def test_the_year_given_for_yearless_exports_leaves_the_dataset_in_its_own_year():
    # a folder mixing this dataset with a TikTok Studio export is read with year= for the TikTok file
    posts = import_exports(FIXTURES / "uci" / "three-posts.csv", year=2025).posts.set_index("post_id")
    assert posts.loc["uci-0001", "published_at"] == pd.Timestamp("2014-12-01 09:00", tz="UTC")  # a Monday


def test_weekday_out_of_range_names_row():
    with pytest.raises(ExportFormatError) as err:
        import_exports(FIXTURES / "uci" / "bad-weekday.csv")
    assert err.value.row == 3 and err.value.column == "Post Weekday" and "'8'" in str(err.value)


def test_paid_other_than_0_or_1_names_row():
    with pytest.raises(ExportFormatError) as err:
        import_exports(FIXTURES / "uci" / "bad-paid.csv")
    assert err.value.row == 4 and err.value.column == "Paid" and "'yes'" in str(err.value)


def test_missing_column_is_named(write_file):
    text = (FIXTURES / "uci" / "three-posts.csv").read_text().replace("Post Hour", "Hour")
    path = write_file("uci-no-hour.csv", text)
    with pytest.raises(ExportFormatError, match="Post Hour"):
        import_exports(path, family="uci_facebook_metrics")


def test_the_blank_interaction_cells_are_0s_by_the_files_own_total(uci):
    """Six cells of the dataset are empty (README). Row 113 (uci-0112) leaves like and share blank with
    comment 0; rows 122, 126 and 166 (uci-0121, uci-0125, uci-0165) leave share blank with likes 2, 7 and 18
    and comment 0. The file's own Total Interactions there is 0, 2, 7 and 18, the sum of the cells reported,
    as it is like + comment + share on each of the 496 other posts (worked out here with the csv module): the
    blanks are 0s by the file's own total, so every post has its interactions."""
    path, result = uci
    posts = metrics.post_metrics(result.posts, result.interaction_components()).set_index("post_id")
    with path.open(newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter=";"))
    parts = ("like", "comment", "share")
    known = [r for r in rows if all(r[c].strip() for c in parts)]
    assert len(known) == 496
    assert all(int(r["like"]) + int(r["comment"]) + int(r["share"]) == int(r["Total Interactions"]) for r in known)
    blank = ["uci-0112", "uci-0121", "uci-0125", "uci-0165"]
    assert posts.loc[blank, ["reactions", "comments", "shares"]].to_numpy().tolist() == [
        [0, 0, 0], [2, 0, 0], [7, 0, 0], [18, 0, 0]]
    assert posts.loc[blank, "interactions"].tolist() == [0, 2, 7, 18]
    assert posts.loc[blank, "source_row"].tolist() == [113, 122, 126, 166]
    assert posts["interactions"].notna().all()
    total = sum(int(r["Total Interactions"]) for r in rows)
    assert total == 106060  # the dataset's mean of 212.12 over 500 posts
    kpis = metrics.kpis(posts.reset_index()).set_index("kpi")
    assert kpis.loc["interactions", "value"] == total and kpis.loc["interactions", "posts_covered"] == 500
    reach = sum(int(r["Lifetime Post Total Reach"]) for r in rows)
    assert kpis.loc["engagement_rate_by_reach", "value"] == pytest.approx(total / reach)
    assert kpis.loc["applause_rate", "posts_covered"] == 500 and kpis.loc["amplification_rate", "posts_covered"] == 500
    assert not [w for w in result.warnings() if "blank cell in an interaction count" in w]
    assert any("4 posts have a blank 'like', 'comment' or 'share' cell while the 'Total Interactions' of each, the file's"
               " own like + comment + share, equals the sum of the cells reported (rows 113, 122, 126, 166): the"
               " file counts such a blank as 0, so it is read as 0 and not as not reported (1 cell in the 'like'"
               " column, 4 cells in the 'share' column)" in w for w in result.warnings())


def test_a_blank_interaction_cell_is_0_only_where_the_rows_own_total_says_so():
    """blanks-and-totals.csv, worked by hand (comment; like; share; Total Interactions):
    row 2: 1; 9; 2; 12, nothing blank.            row 3: 0; 5; blank; 5: share read as 0.
    row 4: 0; blank; blank; 0: like and share 0.    row 5: 1; 7; blank; 10: 8 is not 10, share stays unknown.
    row 6: 0; 4; blank; blank: no total, unknown.   row 7: blank; 3; 1; 4: comment read as 0."""
    result = import_exports(FIXTURES / "uci" / "blanks-and-totals.csv")
    posts = metrics.post_metrics(result.posts, result.interaction_components()).set_index("source_row")
    assert posts.loc[[3, 4], "shares"].tolist() == [0, 0] and posts.loc[4, "reactions"] == 0
    assert posts.loc[7, "comments"] == 0
    assert pd.isna(posts.loc[5, "shares"]) and pd.isna(posts.loc[6, "shares"])
    assert posts.loc[[5, 6], ["comments", "reactions"]].to_numpy().tolist() == [[1, 7], [0, 4]]
    assert posts.loc[[2, 3, 4, 7], "interactions"].tolist() == [12, 5, 0, 4]
    assert posts.loc[[5, 6], "interactions"].isna().all()
    warnings = result.warnings()
    assert any(w.endswith("3 posts have a blank 'like', 'comment' or 'share' cell while the 'Total Interactions' of"
                          " each, the file's own like + comment + share, equals the sum of the cells reported (rows 3, 4,"
                          " 7): the file counts such a blank as 0, so it is read as 0 and not as not reported (1 cell"
                          " in the 'like' column, 1 cell in the 'comment' column, 2 cells in the 'share' column)")
               for w in warnings)
    assert any(w.endswith("some cells are blank and are read as not reported, not as 0: 2 cells in the 'share'"
                          " column") for w in warnings)
    assert any("2 posts have a blank cell in an interaction count this file reports for its other posts"
               " (shares 2; rows 5, 6)" in w for w in warnings)


def test_the_blanks_by_total_note_speaks_indonesian():
    from helpers.i18n import Message, Translator

    note = Message("imports.uci_facebook_metrics.blanks_by_total", count=1,
                   rows=Message("imports.quality.row", rows="113"),
                   columns=[Message("imports.uci_facebook_metrics.blank_column", column="share", count=1)])
    assert Translator("en").message(note) == (
        "1 post has a blank 'like', 'comment' or 'share' cell while the 'Total Interactions' of each, the file's own like"
        " + comment + share, equals the sum of the cells reported (row 113): the file counts such a blank as 0, so"
        " it is read as 0 and not as not reported (1 cell in the 'share' column)")
    assert Translator("id").message(note) == (
        "1 unggahan memiliki sel 'like', 'comment', atau 'share' yang kosong, sedangkan 'Total Interactions'"
        " unggahan tersebut, yaitu like + comment + share menurut berkas itu sendiri, sama dengan jumlah sel yang"
        " dilaporkan (baris 113): berkas ini menghitung sel kosong seperti itu sebagai 0, jadi sel tersebut dibaca"
        " sebagai 0, bukan sebagai tidak dilaporkan (1 sel di kolom 'share')")


def test_the_period_of_the_report_tests_has_every_posts_interactions():
    """July to December 2014 (the report tests' period): 277 posts. Their interactions were 64,144 over 273
    posts while the four blanks left those posts out; with the blanks read as the file's own total reads them,
    277 of 277 posts and 64,171 interactions, the sum of the file's Total Interactions over those months
    (the csv module)."""
    from helpers.report import build_report

    path = real_export(REAL)
    with path.open(newline="") as handle:
        rows = [r for r in csv.DictReader(handle, delimiter=";") if int(r["Post Month"]) >= 7]
    assert len(rows) == 277 and sum(int(r["Total Interactions"]) for r in rows) == 64171
    report = build_report(client="u", client_name="UCI", exports=[str(path)], timezone="UTC",
                          period_start="2014-07-01", period_end="2014-12-31")
    row = report.kpis.set_index(["platform", "kpi"]).loc[("facebook", "interactions")]
    assert (row["value"], row["posts_covered"], row["posts"]) == (64171, 277, 277)


SIZE_NOTES = ("imports.uci_facebook_metrics.posts_fewer", "imports.uci_facebook_metrics.posts_more")


def _size_notes(result) -> list:
    return [w for w in result.reports[0].warnings if w.key in SIZE_NOTES]


@pytest.mark.parametrize("posts, note", [
    (500, None),
    (299, "the dataset as published holds 500 posts, and this file holds 299 (its last row is row 300): it may be"
          " cut off (a download or copy that stopped early) or have had rows removed, and the figures cover the"
          " posts it holds only. If it should be the whole dataset, download dataset_Facebook.csv again"),
    (501, "the dataset as published holds 500 posts, and this file holds 501: rows may have been added (pasted"
          " twice, or from another file), and the figures count them too. If it should be the dataset as"
          " published, download dataset_Facebook.csv again"),
])
def test_a_file_holding_other_than_the_datasets_500_posts_may_be_cut_off(tmp_path, posts, note):
    header, row = (FIXTURES / "uci" / "three-posts.csv").read_text(encoding="utf-8").splitlines()[:2]
    path = tmp_path / "dataset_Facebook.csv"
    path.write_bytes(("\r\n".join([header] + [row] * posts) + "\r\n").encode("utf-8"))
    notes = _size_notes(import_exports(path))
    assert [str(n) for n in notes] == ([] if note is None else [note])
    if posts == 299:
        assert Translator("id").message(notes[0]).startswith(
            "dataset ini sebagaimana diterbitkan berisi 500 unggahan, sedangkan berkas ini berisi 299 (baris"
            " terakhirnya baris 300): berkas ini mungkin terpotong")


def test_the_published_dataset_gets_no_note_on_its_size(uci):
    _, result = uci
    assert not _size_notes(result)
