"""The paid delivery table (helpers/paid.py) and the Meta Ads Manager importer.

Reference figures for the real report were computed with a separate openpyxl script over the sheet's raw
cells (not with the importer): 310 rows after the total row, Σ impressions 3,159,843, Σ spend 77,818.01,
Σ reach over the 279 rows that have one 1,846,036, 31 rows with blank reach, 40 regions × up to 12 months.
"""
from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path

import pandas as pd
import pytest

from helpers.errors import ExportFormatError
from helpers.importers import detect_family
from helpers.schema import SchemaViolation
from helpers.paid import (PAID_COLUMNS, SUMMED_REACH, conform_paid, delivery_rates, detect_paid_family,
                          import_paid_delivery, load_paid_delivery, paid_summary, validate_paid)
from tests.conftest import FIXTURES, REAL_EXPORTS, real_export

REAL = "facebook/ads-manager/Untitled-report-Apr-1-2023-to-Mar-11-2024.xlsx"
ADS = FIXTURES / "ads_manager"


# ---- the real report -------------------------------------------------------------------------------

def test_real_report_rows_and_totals():
    table, reports = import_paid_delivery(real_export(REAL), client="mh")
    assert list(table.columns) == list(PAID_COLUMNS)
    assert len(table) == 310
    assert table["impressions"].sum() == 3_159_843
    assert table["spend"].sum() == pytest.approx(77_818.01, abs=0.005)
    assert table["reach"].sum() == 1_846_036
    assert table["reach"].isna().sum() == 31
    assert set(table["client"]) == {"mh"} and set(table["platform"]) == {"facebook"}
    assert set(table["account"]) == {"MH4U"} and set(table["currency"]) == {"UAH"}
    assert table["breakdown"].str.startswith("Region=").all()
    assert table["breakdown"].nunique() == 40
    assert table["period_start"].nunique() == 12
    assert table["period_start"].min() == pd.Timestamp("2023-04-01")
    assert table["period_end"].max() == pd.Timestamp("2024-03-11")

    report = reports[0]
    totals = report.reported_totals
    assert (totals.row, totals.reach, totals.impressions) == (2, 1_211_188, 3_159_843)
    assert totals.spend == pytest.approx(77_818.01) and totals.currency == "UAH"
    assert (totals.period_start, totals.period_end) == (pd.Timestamp("2023-04-01"), pd.Timestamp("2024-03-11"))
    assert totals.rows_add_up
    assert report.rows_in_file == 311 and report.rows_imported == 310
    assert sum(report.dropped.values()) == 1  # the total row, kept aside
    assert report.dimensions == ["Region"]
    assert not any("add up" in w for w in report.warnings)  # the rows match the total row
    assert any("31 rows have no reach" in w for w in report.warnings)


def test_real_report_first_rows_by_spreadsheet_row():
    table = load_paid_delivery(real_export(REAL))
    cherkasy = table[table["source_row"] == 3].iloc[0]  # first row after the total row
    assert cherkasy["breakdown"] == "Region=Cherkasy Oblast"
    assert (cherkasy["period_start"], cherkasy["period_end"]) == (pd.Timestamp("2024-03-01"),
                                                                  pd.Timestamp("2024-03-11"))
    assert (cherkasy["reach"], cherkasy["impressions"]) == (11_263, 14_702)
    assert cherkasy["spend"] == pytest.approx(160.65184879)
    poland = table[table["source_row"] == 7].iloc[0]  # blank reach, 5 impressions: kept, reach NA not 0
    assert poland["breakdown"] == "Region=Greater Poland Voivodeship"
    assert pd.isna(poland["reach"]) and poland["impressions"] == 5
    assert poland["spend"] == pytest.approx(0.01999774)


def test_real_report_summary_never_sums_reach_silently():
    table = load_paid_delivery(real_export(REAL))
    summary = paid_summary(table)
    assert len(summary) == 1
    row = summary.iloc[0]
    assert row["currency"] == "UAH" and row["rows"] == 310
    assert row["impressions"] == 3_159_843
    assert row["spend"] == pytest.approx(77_818.01, abs=0.005)
    assert "reach" not in summary.columns  # only under its honest label
    assert row[SUMMED_REACH] == 1_846_036 and row["rows without reach"] == 31
    assert row["reported total reach"] == 1_211_188
    assert row["CPM"] == pytest.approx(77_818.01 / 3_159_843 * 1000)  # 24.6272 UAH per 1,000
    assert row["CPM"] == pytest.approx(24.6272, abs=1e-4)
    assert row["cost per reached person"] == pytest.approx(77_818.01 / 1_211_188)  # 0.0642 UAH
    assert row["frequency"] == pytest.approx(2.60887905)  # the Frequency of the file's own total row


def test_real_report_part_of_the_rows_has_no_unique_reach():
    table = load_paid_delivery(real_export(REAL))
    part = table[table["period_start"] >= "2024-01-01"]
    row = paid_summary(part).iloc[0]
    assert row["rows"] == 96
    assert pd.isna(row["reported total reach"]) and pd.isna(row["cost per reached person"])
    assert pd.isna(row["frequency"])
    assert "only part" in row["note"]
    assert row["CPM"] == pytest.approx(part["spend"].sum() / part["impressions"].sum() * 1000)


def test_row_rates_leave_blank_reach_na():
    table = load_paid_delivery(real_export(REAL))
    rates = delivery_rates(table)
    no_reach = rates["reach"].isna()
    assert rates.loc[no_reach, "frequency"].isna().all()
    assert rates.loc[no_reach, "cost_per_reached_person"].isna().all()
    assert rates.loc[no_reach, "cpm"].notna().all()
    cherkasy = rates[rates["source_row"] == 3].iloc[0]
    assert cherkasy["frequency"] == pytest.approx(14_702 / 11_263)  # the file writes 1.30533606
    assert cherkasy["cpm"] == pytest.approx(160.65184879 / 14_702 * 1000)


def test_the_summary_keeps_the_cpms_own_impressions_and_spend_and_the_rows_left_out_of_it():
    """Five rows (impressions, spend): (200, 5.00), (300, 3.00), (0, 0.00), (blank, 1.00), (40, blank).
    Impressions sum over the rows reporting them, 200 + 300 + 0 + 40 = 540; spend over its own, 5 + 3 + 0 + 1 =
    9.00. The CPM counts the rows with both: 8.00 ÷ 500 × 1,000 = 16.00, not 9.00 ÷ 540 × 1,000 = 16.67; its
    operands are kept beside it with the one row of spend only and the one of impressions only."""
    rows = [dict(client="c", platform="facebook", account="A", breakdown=f"Age={k}", period_start=pd.Timestamp("2025-01-01"),
                 period_end=pd.Timestamp("2025-01-31"), reach=pd.NA, impressions=i, spend=s, currency="USD",
                 source_file="a.csv", source_row=k + 2)
            for k, (i, s) in enumerate([(200, 5.0), (300, 3.0), (0, 0.0), (pd.NA, 1.0), (40, pd.NA)])]
    row = paid_summary(conform_paid(pd.DataFrame(rows))).iloc[0]
    assert row["impressions"] == 540 and row["spend"] == pytest.approx(9.0)
    assert row["CPM impressions"] == 500 and row["CPM spend"] == pytest.approx(8.0)
    assert row["CPM"] == pytest.approx(16.0)
    assert row["rows with spend only"] == 1 and row["rows with impressions only"] == 1


@pytest.mark.filterwarnings("ignore:Workbook contains no default style")  # openpyxl, in the post detection
def test_detection_matches_the_ads_report_and_nothing_else():
    real_export(REAL)
    detected = {}
    for path in sorted(p for p in REAL_EXPORTS.rglob("*") if p.is_file() and p.name != "README.md"):
        try:
            detected[str(path.relative_to(REAL_EXPORTS))] = detect_paid_family(path).name
        except ExportFormatError:
            pass
    assert detected == {REAL: "meta_ads_manager"}
    with pytest.raises(ExportFormatError):  # and the post families do not take an ad report for posts
        detect_family(real_export(REAL))


# ---- hand-made variants ----------------------------------------------------------------------------

def test_csv_campaigns_with_usd_in_the_spend_header():
    table, reports = import_paid_delivery(ADS / "campaigns_usd.csv")
    assert len(table) == 3
    assert set(table["currency"]) == {"USD"}  # no Currency column: from "Amount spent (USD)"
    by_row = table.set_index("source_row")
    assert by_row.loc[3, "breakdown"] == "Campaign name=Spring sale, part 1"  # delivery/result columns are not breakdowns
    assert by_row.loc[3, "spend"] == pytest.approx(126.31)
    assert pd.isna(by_row.loc[5, "reach"]) and by_row.loc[5, "impressions"] == 5
    assert table["account"].isna().all()
    totals = reports[0].reported_totals
    assert (totals.reach, totals.impressions, totals.spend) == (5210, 9875, pytest.approx(212.57))
    assert reports[0].dimensions == ["Campaign name"]
    assert not any("add up" in w for w in reports[0].warnings)
    row = paid_summary(table, reports).iloc[0]
    assert row[SUMMED_REACH] == 5500 and row["reported total reach"] == 5210
    assert row["CPM"] == pytest.approx(212.57 / 9875 * 1000)
    assert row["cost per reached person"] == pytest.approx(212.57 / 5210)


def test_csv_day_and_platform_breakdown_without_a_total_row():
    table, reports = import_paid_delivery(ADS / "days_by_platform.csv")
    assert len(table) == 5 and reports[0].reported_totals is None
    assert (table["period_start"] == table["period_end"]).all()
    assert sorted(table["period_start"].dt.strftime("%Y-%m-%d").unique()) == ["2024-05-01", "2024-05-02"]
    assert table["platform"].value_counts().to_dict() == {"facebook": 2, "instagram": 2, "audience_network": 1}
    assert set(table["currency"]) == {"EUR"}
    assert table["impressions"].sum() == 6212 and table["spend"].sum() == pytest.approx(23.37)
    assert "Platform=Instagram" in table.loc[table["platform"] == "instagram", "breakdown"].iloc[0]
    row = paid_summary(table, reports).iloc[0]
    assert pd.isna(row["reported total reach"]) and "no total row" in row["note"]
    assert row[SUMMED_REACH] == 4600


def _write_xlsx(path: Path, rows: list[list], sheet: str = "Raw Data Report") -> Path:
    from openpyxl import Workbook

    book = Workbook()
    book.active.title = sheet
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


AGE_HEADER = ["Account name", "Campaign name", "Ad set name", "Age", "Month", "Reach", "Impressions",
              "Frequency", "Currency", "Amount spent (GBP)", "Attribution setting", "Reporting starts",
              "Reporting ends"]
START, END = datetime(2024, 2, 1), datetime(2024, 2, 29)


def test_xlsx_campaign_ad_set_and_age_breakdown(tmp_path):
    path = _write_xlsx(tmp_path / "report.xlsx", [
        AGE_HEADER,
        ["", "", "", "", "", 700, 1500, 2.14285714, "GBP", 40.5, "", START, END],
        ["Shop", "Launch", "UK adults", "18-24", "2024-02-01 - 2024-02-29", 400, 900, 2.25, "GBP", 25.25,
         "7-day click", START, END],
        ["Shop", "Launch", "UK adults", "25-34", "2024-02-01 - 2024-02-29", 350, 590, 1.68571429, "GBP", 15.0,
         "7-day click", START, END],
        ["Shop", "Launch", "UK adults", "65+", "2024-02-01 - 2024-02-29", None, 10, None, "GBP", 0.25,
         "7-day click", START, END],
    ])
    table, reports = import_paid_delivery(path, client="shop")
    assert table["breakdown"].tolist() == [
        "Campaign name=Launch; Ad set name=UK adults; Age=18-24",
        "Campaign name=Launch; Ad set name=UK adults; Age=25-34",
        "Campaign name=Launch; Ad set name=UK adults; Age=65+",
    ]
    assert table["source_row"].tolist() == [3, 4, 5]
    assert set(table["account"]) == {"Shop"} and set(table["currency"]) == {"GBP"}
    assert table["reach"].isna().tolist() == [False, False, True]
    assert (table["period_end"] == pd.Timestamp("2024-02-29")).all()
    report = reports[0]
    assert report.reported_totals.reach == 700 and report.reported_totals.period_start == pd.Timestamp(START)
    assert not any("add up" in w or "Frequency" in w for w in report.warnings)
    assert paid_summary(table, reports).iloc[0]["reported total reach"] == 700


def test_rows_that_miss_the_total_row_warn_and_lose_unique_reach():
    table, reports = import_paid_delivery(ADS / "totals_mismatch.csv")
    warnings = " ".join(reports[0].warnings)
    assert "impressions add up to 1,500, not to the 1,600" in warnings
    assert "spend adds up to 30.00, not to the 31.00" in warnings
    row = paid_summary(table, reports).iloc[0]
    assert row["impressions"] == 1500 and pd.isna(row["reported total reach"])
    assert "do not add up" in row["note"]


def test_later_export_supersedes_the_same_rows(tmp_path):
    old = shutil.copy(ADS / "days_by_platform.csv", tmp_path / "ads_2024-05-03.csv")
    new = shutil.copy(ADS / "days_by_platform.csv", tmp_path / "ads_2024-05-10.csv")
    table, reports = import_paid_delivery([new, old])
    assert len(table) == 5 and set(table["source_file"]) == {str(new)}
    assert [r.superseded for r in reports] == [5, 0]


def test_two_breakdowns_of_the_same_delivery_warn(tmp_path):
    by_age = _write_xlsx(tmp_path / "by_age.xlsx", [
        ["Campaign name", "Age", "Reach", "Impressions", "Amount spent (USD)", "Reporting starts", "Reporting ends"],
        ["Page likes", "18-24", 1000, 2000, 40.0, "2024-02-01", "2024-02-29"],
    ])
    table, reports = import_paid_delivery([ADS / "campaigns_usd.csv", by_age])
    assert ("by_age.xlsx covers the same account on days this file covers too (from 1 February 2024 to 29 February"
            " 2024; that file's breakdown: Campaign name, Age; this file's: Campaign name): the two files describe the"
            " delivery of those days twice") in reports[0].warnings[-1]
    assert paid_summary(table).iloc[0]["files"] == 2
    assert pd.isna(paid_summary(table).iloc[0]["reported total reach"])


# ---- bad input -------------------------------------------------------------------------------------

def test_non_numeric_spend_names_row_and_column():
    with pytest.raises(ExportFormatError) as err:
        load_paid_delivery(ADS / "bad_spend.csv")
    assert err.value.row == 4 and err.value.column == "Amount spent (USD)"
    assert "17.50 USD" in str(err.value)


def test_unknown_file_lists_the_paid_families():
    with pytest.raises(ExportFormatError) as err:
        load_paid_delivery(ADS / "not_an_ad_report.csv")
    assert "not an ad report" in str(err.value)
    assert "Meta Ads Manager report" in err.value.expected
    assert "'reporting starts'" in err.value.hint


def test_currency_column_disagreeing_with_the_spend_header(tmp_path):
    path = _write_xlsx(tmp_path / "mixed.xlsx", [
        ["Campaign name", "Impressions", "Currency", "Amount spent (USD)", "Reporting starts", "Reporting ends"],
        ["A", 10, "USD", 1.0, "2024-02-01", "2024-02-29"],
        ["B", 10, "EUR", 1.0, "2024-02-01", "2024-02-29"],
    ])
    with pytest.raises(ExportFormatError) as err:
        load_paid_delivery(path)
    assert err.value.row == 3 and err.value.column == "Currency"


def test_a_second_row_without_breakdown_is_refused(tmp_path):
    path = _write_xlsx(tmp_path / "two_totals.xlsx", [
        ["Campaign name", "Impressions", "Amount spent (USD)", "Reporting starts", "Reporting ends"],
        [None, 20, 2.0, "2024-02-01", "2024-02-29"],
        ["A", 20, 2.0, "2024-02-01", "2024-02-29"],
        [None, 20, 2.0, "2024-02-01", "2024-02-29"],
    ])
    with pytest.raises(ExportFormatError) as err:
        load_paid_delivery(path)
    assert err.value.row == 4 and err.value.column == "Campaign name"


def test_bad_month_period_names_row_and_column(tmp_path):
    path = _write_xlsx(tmp_path / "bad_month.xlsx", [
        ["Campaign name", "Month", "Impressions", "Amount spent (USD)", "Reporting starts", "Reporting ends"],
        ["A", "February 2024", 20, 2.0, "2024-02-01", "2024-02-29"],
    ])
    with pytest.raises(ExportFormatError) as err:
        load_paid_delivery(path)
    assert err.value.row == 2 and err.value.column == "Month"


def test_validation_names_file_and_rows_of_negative_spend():
    table = load_paid_delivery(ADS / "campaigns_usd.csv")
    table.loc[table["source_row"] == 4, "spend"] = -1.0
    with pytest.raises(SchemaViolation) as err:
        validate_paid(table)
    assert "'spend'" in str(err.value) and "campaigns_usd.csv rows 4" in str(err.value)


# ---- two reports of the same delivery: one is quoted, never the sum -----------------------------------

def _monthly_csv(path: Path, dimension: str | None, rows: list[tuple]) -> Path:
    """An Ads Manager report by month, as exported to CSV: (breakdown value or None, month start, month end,
    reach, impressions, spend in USD) per row, with no total row."""
    header = ["Account name", *([dimension] if dimension else []), "Month", "Reach", "Impressions",
              "Amount spent (USD)", "Reporting starts", "Reporting ends"]
    first, last = min(r[1] for r in rows), max(r[2] for r in rows)
    lines = [",".join(header)]
    for value, start, end, reach, impressions, spend in rows:
        lines.append(",".join(["Shop", *([value] if dimension else []), f"{start} - {end}", str(reach),
                               str(impressions), f"{spend:.2f}", first, last]))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_reports_of_the_same_delivery_keep_the_finest_breakdown_the_most_days_or_the_newest(tmp_path):
    from helpers.paid import one_per_delivery

    jan, feb = ("2024-01-01", "2024-01-31"), ("2024-02-01", "2024-02-29")
    by_region = _monthly_csv(tmp_path / "by_region.csv", "Region", [
        ("North", *jan, 80, 100, 10.0), ("South", *jan, 40, 50, 5.0),
        ("North", *feb, 150, 200, 20.0), ("South", *feb, 50, 60, 6.0)])
    by_month = _monthly_csv(tmp_path / "by_month.csv", None, [(None, *jan, 110, 150, 15.0), (None, *feb, 190, 260, 26.0)])
    table, reports = import_paid_delivery([by_region, by_month])
    # summed over both files: 2 × (150 + 260) impressions and 2 × 41.00 spent, the same delivery twice
    assert table["impressions"].sum() == 820 and paid_summary(table).iloc[0]["spend"] == pytest.approx(82.0)
    kept, (one,) = one_per_delivery(table, reports)
    assert set(kept["source_file"]) == {str(by_region)} and kept["impressions"].sum() == 410
    assert (one.quoted.path, [r.path for r in one.left_out], one.reason) == (by_region, [by_month], "breakdown")
    assert one.days == [(pd.Timestamp("2024-01-01"), pd.Timestamp("2024-02-29"))]
    assert paid_summary(kept, reports).iloc[0]["spend"] == pytest.approx(41.0)

    # the monthly report's rows cover January and February, the regional one's January only: January by region
    # (the days both cover), February from the monthly report, which alone holds it: 100 + 50 + 260
    january = _monthly_csv(tmp_path / "january_by_region.csv", "Region", [("North", *jan, 80, 100, 10.0),
                                                                         ("South", *jan, 40, 50, 5.0)])
    table, reports = import_paid_delivery([january, by_month])
    kept, (one,) = one_per_delivery(table, reports)
    assert (one.quoted.path, one.reason) == (january, "breakdown") and kept["impressions"].sum() == 410
    assert one.days == [(pd.Timestamp("2024-01-01"), pd.Timestamp("2024-01-31"))]
    assert sorted(kept.loc[kept["source_file"] == str(by_month), "impressions"]) == [260]

    # two breakdowns as fine as each other over the same days: the newest download (reports come oldest first)
    by_age = _monthly_csv(tmp_path / "by_age.csv", "Age", [("18-24", *jan, 70, 90, 9.0), ("25-34", *jan, 50, 60, 6.0),
                                                           ("18-24", *feb, 100, 160, 16.0),
                                                           ("25-34", *feb, 90, 100, 10.0)])
    table, reports = import_paid_delivery([by_region, by_age])
    kept, (one,) = one_per_delivery(table, reports)
    assert one.reason == "newest" and one.quoted.path == reports[-1].path
    assert set(kept["source_file"]) == {str(reports[-1].path)} and kept["impressions"].sum() == 410

    # reports of different accounts are not the same delivery: both are kept
    other = tmp_path / "other_account.csv"
    other.write_text(by_month.read_text(encoding="utf-8").replace("Shop,", "Cafe,"), encoding="utf-8")
    table, reports = import_paid_delivery([by_region, other])
    kept, same = one_per_delivery(table, reports)
    assert same == [] and len(kept) == len(table) == 6


def _whole_span_csv(path: Path, dimension: str, rows: list[tuple], first: str, last: str) -> Path:
    """An Ads Manager report with no time breakdown: one row per breakdown value over first..last, (value,
    impressions, spend in USD) per row, no reach, no total row."""
    lines = [f"Account name,{dimension},Impressions,Amount spent (USD),Reporting starts,Reporting ends"]
    lines += [f"Shop,{value},{impressions},{spend:.2f},{first},{last}" for value, impressions, spend in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_month_only_one_report_holds_is_kept_beside_the_month_both_hold(tmp_path):
    """By region for January and February, by age for February and March: they describe the same delivery in
    February only. February is quoted from one report (the newest, both being monthly with one breakdown
    column), January from the regional one and March from the one by age, each the only report of its days:
    100 + 50 (January) + 190 + 70 (February by age) + 300 + 80 (March) = 790 impressions, 10 + 5 + 19 + 7 + 30
    + 8 = 79.00 spent."""
    import os

    from helpers.paid import one_per_delivery

    jan, feb, mar = ("2024-01-01", "2024-01-31"), ("2024-02-01", "2024-02-29"), ("2024-03-01", "2024-03-31")
    by_region = _monthly_csv(tmp_path / "by_region.csv", "Region", [
        ("North", *jan, 80, 100, 10.0), ("South", *jan, 40, 50, 5.0),
        ("North", *feb, 150, 200, 20.0), ("South", *feb, 50, 60, 6.0)])
    by_age = _monthly_csv(tmp_path / "by_age.csv", "Age", [
        ("18-24", *feb, 140, 190, 19.0), ("25-34", *feb, 60, 70, 7.0),
        ("18-24", *mar, 200, 300, 30.0), ("25-34", *mar, 60, 80, 8.0)])
    os.utime(by_region, (1_700_000_000, 1_700_000_000))  # downloaded before the one by age
    os.utime(by_age, (1_700_100_000, 1_700_100_000))
    table, reports = import_paid_delivery([by_region, by_age])
    assert [r.path for r in reports] == [by_region, by_age]
    assert ("by_age.csv covers the same account on days this file covers too (from 1 February 2024 to 29 February"
            " 2024; that file's breakdown: Age, Month; this file's: Region, Month)") in reports[0].warnings[-1]
    kept, (one,) = one_per_delivery(table, reports)
    assert (one.quoted.path, [r.path for r in one.left_out], one.reason) == (by_age, [by_region], "newest")
    assert one.days == [(pd.Timestamp("2024-02-01"), pd.Timestamp("2024-02-29"))]
    assert kept["impressions"].sum() == 790 and paid_summary(kept, reports).iloc[0]["spend"] == pytest.approx(79.0)
    assert sorted(kept.loc[kept["source_file"] == str(by_region), "impressions"]) == [50, 100]


def test_the_same_breakdown_by_month_and_over_the_whole_span_is_one_delivery(tmp_path):
    """The same account by region, once by month (January, February) and once with one row per region over
    both months (North 100 + 200 = 300, South 50 + 60 = 110): the same delivery, whatever the time breakdown.
    Over both months the monthly report is quoted, its rows being the shorter spans of time: 410 impressions,
    41.00 spent, not 820 and 82.00. Over January alone only the monthly rows fit: the whole-span rows run past
    it."""
    from helpers.paid import one_per_delivery

    jan, feb = ("2024-01-01", "2024-01-31"), ("2024-02-01", "2024-02-29")
    monthly = _monthly_csv(tmp_path / "monthly.csv", "Region", [
        ("North", *jan, 80, 100, 10.0), ("South", *jan, 40, 50, 5.0),
        ("North", *feb, 150, 200, 20.0), ("South", *feb, 50, 60, 6.0)])
    whole = _whole_span_csv(tmp_path / "whole.csv", "Region", [("North", 300, 30.0), ("South", 110, 11.0)],
                            "2024-01-01", "2024-02-29")
    table, reports = import_paid_delivery([monthly, whole])
    assert table["impressions"].sum() == 820  # both kept in the table, and the import says why not to sum them
    assert any("whole.csv covers the same account on days this file covers too (from 1 January 2024 to 29"
               " February 2024; that file's breakdown: Region; this file's: Region, Month)" in w
               for w in reports[0].warnings)
    kept, (one,) = one_per_delivery(table, reports)
    assert (one.quoted.path, [r.path for r in one.left_out], one.reason) == (monthly, [whole], "time")
    assert one.days == [(pd.Timestamp("2024-01-01"), pd.Timestamp("2024-02-29"))]
    assert set(kept["source_file"]) == {str(monthly)} and kept["impressions"].sum() == 410
    assert paid_summary(kept, reports).iloc[0]["spend"] == pytest.approx(41.0)

    # over January alone the monthly rows of January are the only rows within it: the whole-span rows run past
    # it, left out whole (a report says so among the rows past the period's edges), and never weighed against
    # rows within the period
    january = table[table["period_end"] <= pd.Timestamp("2024-01-31")]
    kept, same = one_per_delivery(table, reports, days_from=january)
    assert same == [] and set(kept["source_file"]) == {str(monthly)} and kept["impressions"].sum() == 410


def test_a_row_running_past_the_periods_start_never_pushes_out_another_reports_week_within_it(tmp_path):
    """The account by month (January 3,100, February 2,800, March 3,100 impressions) and by week from 13 January
    to 9 February (700 a week), downloaded later; period 15 January to 31 March 2025. January's monthly row
    runs past the period's start and is left out whole, so it must not push out the week of 20 to 26 January,
    which lies within the period and which only the weekly report holds: quoted are that week, February and
    March by month, 700 + 2,800 + 3,100 = 6,600 impressions from 20 January on (the monthly report's rows
    within the period cover 59 days of the February stretch against the weeks' 21, so it is quoted for 1 to 9
    February); January's row is said to be left out (3,100), the week of 13 to 19 January with it, not besides
    it (it describes days of that row)."""
    import os

    from helpers.report import paid_in_period

    monthly = _monthly_csv(tmp_path / "monthly.csv", None, [
        (None, "2025-01-01", "2025-01-31", 1, 3100, 31.0), (None, "2025-02-01", "2025-02-28", 1, 2800, 28.0),
        (None, "2025-03-01", "2025-03-31", 1, 3100, 31.0)])
    weeks = [("2025-01-13", "2025-01-19"), ("2025-01-20", "2025-01-26"), ("2025-01-27", "2025-02-02"),
             ("2025-02-03", "2025-02-09")]
    weekly = tmp_path / "weekly.csv"
    weekly.write_text("\n".join(["Account name,Week,Reach,Impressions,Amount spent (USD),Reporting starts,"
                                 "Reporting ends"] + [f"Shop,{a} - {b},1,700,7.00,2025-01-13,2025-02-09"
                                                      for a, b in weeks]) + "\n", encoding="utf-8")
    os.utime(monthly, (1_700_000_000, 1_700_000_000))
    os.utime(weekly, (1_700_100_000, 1_700_100_000))
    table, reports = import_paid_delivery([monthly, weekly])
    found = paid_in_period(table, reports, "2025-01-15", "2025-03-31")
    row = found.summary.iloc[0]
    assert (row["rows"], row["impressions"], row["first day"]) == (3, 6600, pd.Timestamp("2025-01-20"))
    assert (row["rows across"], row["impressions across"]) == (1, 3100)
    (one,) = found.same
    assert (one.quoted.path, [r.path for r in one.left_out]) == (monthly, [weekly])
    assert one.days == [(pd.Timestamp("2025-02-01"), pd.Timestamp("2025-02-09"))]
