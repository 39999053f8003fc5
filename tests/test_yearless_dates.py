"""The shared rule for dates written without a year (helpers/importers/yearless_dates.py), by hand."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from helpers.errors import ExportFormatError
from helpers.importers.base import FileReport
from helpers.importers.yearless_dates import MONTHS, dates_in_name, day_months, place_in_years

TODAY = date(2026, 11, 26)


def place(cells, name="Overview.csv", *, in_order=True, year=None, period_start=None):
    path = Path(name)
    cells = pd.Series(cells, dtype="string")
    rows = pd.Series(range(2, 2 + len(cells)), dtype="Int64")
    report = FileReport(path=path, family="test")
    parsed = day_months(cells, path=path, column="Date", rows=rows)
    placed = place_in_years(parsed, year=year, path=path, column="Date", rows=rows, report=report,
                            in_order=in_order, period_start=period_start, today=TODAY)
    return [d.isoformat() for d in placed], report


def test_one_month_table_for_every_language():
    assert MONTHS["setiembre"] == MONTHS["septembre"] == MONTHS["sept"] == 9
    assert MONTHS["março"] == MONTHS["marco"] == MONTHS["maret"] == 3


def test_in_order_rows_cross_new_year_from_year_option():
    placed, report = place(["December 30", "31 de diciembre", "1 de enero", "Jan 2"], year=2024)
    assert placed == ["2024-12-30", "2024-12-31", "2025-01-01", "2025-01-02"]
    assert "cross New Year" in report.warnings[0] and "the year given for the file, 2024" in report.warnings[0]


def test_unordered_rows_are_placed_from_the_period_start():
    # posts listed by views: the period starts 28 February (TikTok's Time column)
    placed, _ = place(["July 16", "February 1", "April 8", "December 31"], in_order=False, year=2025,
                      period_start=(2, 28))
    assert placed == ["2025-07-16", "2026-02-01", "2025-04-08", "2025-12-31"]


def test_unordered_rows_without_period_start_begin_after_the_longest_gap():
    placed, _ = place(["January 5", "December 3", "December 28"], in_order=False, year=2024)
    assert placed == ["2025-01-05", "2024-12-03", "2024-12-28"]


def test_year_option_is_the_year_of_the_oldest_date_even_when_all_dates_are_before_the_period_start():
    placed, _ = place(["January 5", "January 10"], in_order=False, year=2025, period_start=(2, 28))
    assert placed == ["2025-01-05", "2025-01-10"]


def test_period_in_file_name_start_and_end():
    placed, report = place(["30 de diciembre", "2 de enero"], "FollowerHistory_2024-12-30_2025-01-03.csv")
    assert placed == ["2024-12-30", "2025-01-02"]
    assert "file name (30 December 2024 to 3 January 2025)" in report.warnings[0]


def test_one_date_in_file_name_is_the_end_of_the_period():
    placed, _ = place(["March 1", "February 27"], "Content_20260227.csv", in_order=False)
    assert placed == ["2025-03-01", "2026-02-27"]


def test_a_date_after_the_period_named_in_the_file_is_refused():
    with pytest.raises(ExportFormatError, match="after the end of that period") as err:
        place(["January 5", "April 2"], "Overview_2025-01-01_2025-03-31.csv")
    assert err.value.row == 3


def test_a_period_in_the_file_name_longer_than_a_year_is_refused():
    with pytest.raises(ExportFormatError, match="longer than a year"):
        place(["January 5"], "Overview_2024-01-01_2025-03-31.csv")


def test_rows_out_of_order_are_refused_when_the_file_is_oldest_first():
    with pytest.raises(ExportFormatError, match="not in order") as err:
        place(["December 30", "January 2", "December 31"], year=2024)
    assert err.value.row == 4
    # the same month-days in a post export (any order) are fine
    assert place(["December 30", "January 2", "December 31"], in_order=False, year=2024)[0] == [
        "2024-12-30", "2025-01-02", "2024-12-31"]


def test_no_year_anywhere_asks_for_year():
    with pytest.raises(ExportFormatError, match="the year is unknown") as err:
        place(["July 16"])
    assert "pass year=" in str(err.value) and err.value.column == "Date"
    # the explorer's analyst is told where the option goes in their call too
    assert "to load_exports or explore.load_folder (" in str(err.value)


def test_february_29_and_the_future():
    with pytest.raises(ExportFormatError, match="29 February does not exist in 2025") as err:
        place(["February 28", "February 29"], year=2025)
    assert err.value.row == 3
    with pytest.raises(ExportFormatError, match="future"):
        place(["November 28"], year=2026)
    assert place(["November 27"], year=2026)[0] == ["2026-11-27"]  # a day ahead: time zones


def test_written_years_are_kept_and_need_no_year_option():
    placed, report = place(["Mar 15, 2025", "2025-07-16"], in_order=False)
    assert placed == ["2025-03-15", "2025-07-16"] and report.warnings == []


def test_dates_in_name():
    assert dates_in_name(Path("Overview_2025-02-28_2026-02-27.csv")) == [date(2025, 2, 28), date(2026, 2, 27)]
    assert dates_in_name(Path("Content_2025_03_31.csv")) == [date(2025, 3, 31)]
    assert dates_in_name(Path("Feb-28-2025_Mar-31-2025.csv")) == [date(2025, 2, 28), date(2025, 3, 31)]
    assert dates_in_name(Path("leaf_content_17538633798.csv")) == []  # an id, not a date
    assert dates_in_name(Path("export_12345678.csv")) == []
