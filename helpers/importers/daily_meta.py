"""Meta Business Suite page-level daily files (Reach.csv, Views.csv, Follows.csv, ...): one metric per file.

Layout: UTF-16 LE with BOM; a first line `sep=,`; a line with the metric name ("Facebook reach");
then `"Date","Primary"` and one row per day, the date an ISO timestamp without a zone: each day's start,
midnight Pacific time (US) written at a fixed UTC−7 clock ("2025-01-01T01:00:00" in winter,
"2025-03-10T00:00:00" once the US clocks change). The hour is dropped and the day kept: a Pacific day
(daily.DAY_ZONES), which the report says wherever the client's days are others.
Files re-saved in a spreadsheet come tab- or semicolon-separated, with or without the `sep=` line and
quotes; the reader finds the `Date` header wherever it is. Series from one download can differ in
length. Audience.csv of the same download is demographics, not a daily series: it is skipped and the
import report says so.
"""
from __future__ import annotations

import csv
import io
from pathlib import Path

from ..errors import ExportFormatError
from ..i18n import Message, quoted
from .base import Columns, Family, FileReport, table_notes
from .daily_common import ImportedSeries, empty_series, long_rows, metric_for, numbers, parse_dates
from .reading import normalise_name, read_delimited, read_text, sniff_delimiter

#: Metric line of the file (normalised; a leading "Facebook " or "Instagram " is taken off first) ->
#: canonical metric. 'views' (Meta Views, counting repeat views, from 2025) is kept apart from
#: 'impressions' (the older metric): they are not comparable.
METRICS = {
    "reach": "reach", "page reach": "reach",
    "views": "views",
    "impressions": "impressions",
    "follows": "follows_gained", "new follows": "follows_gained", "new followers": "follows_gained",
    "unfollows": "unfollows",
    "visits": "profile_views", "page visits": "profile_views", "profile visits": "profile_views",
    "content interactions": "content_interactions",
    "link clicks": "link_clicks",
}

DATE_FORMATS = ("%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d",
                "%d.%m.%Y %H:%M:%S", "%d.%m.%Y %H:%M", "%d.%m.%Y")
PLATFORM_WORDS = {"facebook": "facebook", "instagram": "instagram"}


def read_meta_page_daily(path: Path, *, platform: str | None = None, **_) -> ImportedSeries:
    """Read one page-level daily file. Platform: named in the metric line ("Instagram reach"), else
    `platform=`, else facebook (the default; pass platform='instagram' for an Instagram account's file).
    """
    path = Path(path)
    skip, title = _locate_header(path)
    table = read_delimited(path, skip_lines=skip)
    cols = Columns(table.header, table.keys)
    frame, rows = table.frame, table.source_rows()
    date_key, value_key = cols.key("Date"), cols.key("Primary")
    if date_key is None or value_key is None:
        raise ExportFormatError(path, Message("imports.daily_meta.no_date_or_primary"), row=table.first_data_row - 1,
                                expected=Message("imports.daily_meta.no_date_or_primary_expected"),
                                hint=Message("imports.daily_meta.as_downloaded"))
    name, named_platform = _split_platform(title)
    if named_platform and platform and named_platform != platform:
        raise ExportFormatError(path, Message("imports.daily_meta.platform_conflict", title=quoted(title),
                                              given=quoted(platform)),
                                row=table.first_data_row - 2, hint=Message("imports.daily_meta.platform_conflict_hint"))
    platform = named_platform or platform or "facebook"
    blank = frame[date_key].str.strip().eq("") & frame[value_key].str.strip().eq("")
    # Meta ends its files with an empty line: blank rows after the last day are the file's end, not rows of
    # it; a blank row between days is a row left blank, counted and dropped below
    trailing = blank[::-1].cummin()[::-1].astype(bool)
    frame, rows, blank = frame[~trailing], rows[~trailing], blank[~trailing]
    report = FileReport(path=path, family=FAMILY.name, platform=platform, rows_in_file=len(frame))
    if not title:
        report.warnings.append(Message("imports.daily_meta.no_title"))
        name = path.stem
    others = [h for h, k in zip(table.header, table.keys) if k not in (date_key, value_key) and h]
    if others:
        report.warnings.append(Message("imports.daily_meta.other_columns", columns=[quoted(o) for o in others]))

    report.drop(Message("imports.daily_meta.blank_rows"), int(blank.sum()))
    frame, rows = frame[~blank], rows[~blank]
    dates = parse_dates(frame[date_key], DATE_FORMATS, path=path, column="Date", rows=rows,
                        example="2025-01-01T01:00:00")
    metric = metric_for(name, METRICS, platform, report)
    values = numbers(table, value_key, rows)
    series = long_rows(path, platform, dates, rows, {metric: values}) if len(frame) else empty_series()
    report.warnings += table_notes(table, cols)
    report.rows_imported = len(frame)
    report.metrics_present = [metric] if values.notna().any() else []
    return ImportedSeries(series=series, report=report)


def _locate_header(path: Path) -> tuple[int, str]:
    """(lines to skip after any `sep=` line, metric name above the header) of a page-level daily file."""
    text, _ = read_text(path)
    lines = text.split("\n")
    if lines and lines[0][:4].lower() == "sep=":
        lines = lines[1:]
    title = ""
    for index, line in enumerate(lines[:10]):
        if not line.strip():
            continue
        cells = next(csv.reader(io.StringIO(line), delimiter=sniff_delimiter(line)), [])
        cells = [c.strip() for c in cells]
        if cells and normalise_name(cells[0]) == "date":
            return index, title
        title = next((c for c in cells if c), "")
    raise ExportFormatError(path, Message("imports.daily_meta.no_date_header"),
                            expected=Message("imports.daily_meta.no_date_header_expected"),
                            hint=Message("imports.daily_meta.no_date_header_hint"))


def _split_platform(title: str) -> tuple[str, str | None]:
    """'Instagram reach' -> ('reach', 'instagram'); 'Views' -> ('Views', None)."""
    first, _, rest = title.strip().partition(" ")
    named = PLATFORM_WORDS.get(first.casefold())
    return (rest, named) if named and rest else (title, None)


def read_meta_audience(path: Path, **_) -> ImportedSeries:
    """Audience.csv (age and gender, top countries and cities) is demographics, not a daily series: skipped."""
    path = Path(path)
    text, _ = read_text(path)
    lines = [line for line in text.split("\n") if line.strip() and line[:4].lower() != "sep="]
    report = FileReport(path=path, family=AUDIENCE.name, platform=None, rows_in_file=len(lines))
    report.drop(Message("imports.daily_meta.audience_dropped"), len(lines))  # said once, as its rows dropped
    return ImportedSeries(series=empty_series(), report=report)


FAMILY = Family(
    name="meta_page_daily",
    label=Message("imports.family.daily_meta"),
    signature=("date", "primary"),
    read=read_meta_page_daily,
)

AUDIENCE = Family(
    name="meta_page_audience",
    label=Message("imports.family.meta_audience"),
    signature=("age & gender",),
    read=read_meta_audience,
    not_read=Message("imports.daily_meta.audience_skipped"),
)
