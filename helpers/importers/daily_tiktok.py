"""TikTok Studio daily files: Overview.csv, Viewers.csv and FollowerHistory.csv (CSV or xlsx).

UTF-8 with BOM, every field quoted, no final newline. Dates have no year ("July 16", "28 August",
"8 de marzo"), oldest first, and a 365-day export crosses a new year: the year comes from `year=`
(the year of the FIRST row) or the export period in the file name, else an ExportFormatError asks
for year= (the rule is shared with the post export: `yearless_dates`; the rows being oldest first, a
row out of order is an error). A year in a `Date` cell ('2025-07-16') is a spreadsheet's, as in the post
export: ignored, with a note, and the day and month placed as above, so that a folder re-saved in one go
gets its posts and its daily figures in the same years. Missing values are `undefined`, `NAN` or `--`
(NA, not 0).

Viewers.csv is a daily series: 'Total Viewers' are the unique viewers of that day (new + returning),
kept as `viewers`; like reach, viewers summed over days are not unique people.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..errors import ExportFormatError
from ..i18n import Message
from .base import Columns, Family, FileReport, table_notes
from .daily_common import ImportedSeries, long_rows, reject_platform, wide_metrics
from .reading import is_workbook, read_delimited, read_sheet
from .yearless_dates import day_months, place_in_years

#: export column (normalised) -> canonical metric, for all three files
METRICS = {
    "video views": "video_views",
    "profile views": "profile_views",
    "likes": "reactions",
    "comments": "comments",
    "shares": "shares",
    "total viewers": "viewers",
    "new viewers": "new_viewers",
    "returning viewers": "returning_viewers",
    "followers": "followers",
    "difference in followers from previous day": "followers_net_change",
}
#: Date formats with a year: a file whose years step forward across a New Year keeps them (_dates).
DATED_FORMATS = ("%Y-%m-%d", "%B %d, %Y", "%b %d, %Y", "%d %B %Y")


def read_tiktok_daily(path: Path, *, platform: str | None = None, year: int | None = None,
                      family_name: str = "tiktok_daily", **_) -> ImportedSeries:
    """Read one TikTok Studio daily file; `year` is the year of its first (oldest) row."""
    path = Path(path)
    platform = reject_platform(path, "tiktok", platform)
    if is_workbook(path):
        table = read_sheet(path, None, "Date")
    else:
        table = read_delimited(path)
    rows = table.source_rows()
    frame = table.frame
    cols = Columns(table.header, table.keys)
    date_key = cols.key("Date")
    if date_key is None:
        raise ExportFormatError(path, Message("imports.daily_tiktok.no_date"), column="Date",
                                hint=Message("imports.daily_tiktok.as_downloaded"))
    report = FileReport(path=path, family=family_name, platform=platform, rows_in_file=len(frame))
    dates = _dates(frame[date_key], path=path, rows=rows, year=year, report=report)
    metrics = wide_metrics(table, rows, METRICS, platform, report)
    report.warnings += table_notes(table, cols)
    report.rows_imported = len(frame)
    return ImportedSeries(series=long_rows(path, platform, dates, rows, metrics), report=report)


def _dates(cells: pd.Series, *, path: Path, rows: pd.Series, year: int | None, report: FileReport) -> pd.Series:
    """The day of each row: day and month as written, placed in years by `year=` or the file name; a year a
    spreadsheet wrote into the cells is ignored, with a note (yearless_dates.spreadsheet_years). Dates whose
    years step forward in row order across a New Year ('2025-12-31', '2026-01-01') are no spreadsheet's (it
    writes the one year it was opened in) and are kept as written."""
    text = cells.astype("string").str.strip()
    for fmt in DATED_FORMATS:
        parsed = pd.to_datetime(text, format=fmt, errors="coerce")
        if len(text) and parsed.notna().all() and parsed.dt.year.nunique() > 1 and parsed.is_monotonic_increasing:
            return pd.Series(parsed.dt.normalize().to_numpy(), index=rows.index, dtype="datetime64[ns]")
    day_month = day_months(cells, path=path, column="Date", rows=rows)
    dates = place_in_years(day_month, year=year, path=path, column="Date", rows=rows, report=report, in_order=True,
                           noun="row", loader="load_daily_series", written=cells)
    return pd.Series(pd.to_datetime(dates), index=rows.index, dtype="datetime64[ns]")


def _family(name: str, label: str, signature: tuple[str, ...]) -> Family:
    def read(path: Path, **options) -> ImportedSeries:
        return read_tiktok_daily(path, family_name=name, **options)
    return Family(name=name, label=label, signature=signature, read=read)


OVERVIEW = _family("tiktok_overview", "TikTok Studio Overview.csv", ("date", "video views", "profile views"))
VIEWERS = _family("tiktok_viewers", "TikTok Studio Viewers.csv", ("date", "total viewers", "new viewers"))
FOLLOWER_HISTORY = _family("tiktok_follower_history", "TikTok Studio FollowerHistory.csv",
                           ("date", "followers", "difference in followers from previous day"))
FAMILIES = (OVERVIEW, VIEWERS, FOLLOWER_HISTORY)
