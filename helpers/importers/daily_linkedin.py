"""LinkedIn company page content export (xlsx), sheet `Metrics`: one row per day, all dates in UTC.

Row 1 is a sentence, row 2 the header (`Date`, then `Impressions (organic)`, `(sponsored)`, `(total)`,
`Unique impressions (organic)`, clicks, reactions, comments, reposts, engagement rate). `Date` is text
MM/DD/YYYY. A '(total)' column gives the plain metric (`impressions`), '(organic)' and '(sponsored)'
ones get a suffix (`impressions_organic`). 'Unique impressions' are unique members reached: `reach`.
Engagement rates are fractions, kept as `platform_engagement_rate` (LinkedIn counts clicks in them).
The sheet `All posts` is post level and belongs to the post importers. Read with openpyxl read-only.
"""
from __future__ import annotations

import re
from pathlib import Path

from ..errors import ExportFormatError
from ..i18n import Message
from .base import Columns, Family, FileReport, table_notes
from .daily_common import ImportedSeries, long_rows, parse_dates, reject_platform, wide_metrics
from .reading import normalise_name, read_sheet

#: base name (normalised, without the '(total)'/'(organic)'/'(sponsored)' part) -> canonical metric
BASE_METRICS = {
    "impressions": "impressions",
    "unique impressions": "reach",
    "clicks": "clicks",
    "reactions": "reactions",
    "comments": "comments",
    "reposts": "reposts",
    "engagement rate": "platform_engagement_rate",
}
_PART = re.compile(r"^(?P<base>.*?)\s*\((?P<part>total|organic|sponsored)\)$")


def metric_mapping(header: list[str]) -> dict[str, str]:
    """Export column (normalised) -> metric for the columns of this sheet whose base name is known."""
    mapping = {}
    for name in header:
        normal = normalise_name(name)
        match = _PART.match(normal)
        base, part = (match["base"], match["part"]) if match else (normal, "total")
        if base in BASE_METRICS:
            metric = BASE_METRICS[base]
            mapping[normal] = metric if part == "total" else f"{metric}_{part}"
    return mapping


def read_linkedin_metrics(path: Path, *, platform: str | None = None, **_) -> ImportedSeries:
    """Read the `Metrics` sheet of a LinkedIn company page export into daily rows."""
    path = Path(path)
    platform = reject_platform(path, "linkedin", platform)
    table = read_sheet(path, "Metrics", "Date", date_format="%m/%d/%Y")  # a date cell: the text LinkedIn writes
    rows = table.source_rows()
    cols = Columns(table.header, table.keys)
    date_key = cols.key("Date")
    if date_key is None:
        raise ExportFormatError(path, Message("imports.daily_linkedin.no_date"), column="Date")
    report = FileReport(path=path, family=FAMILY.name, platform=platform, rows_in_file=len(table.frame))
    dates = parse_dates(table.frame[date_key], ("%m/%d/%Y", "%Y-%m-%d"), path=path, column="Date", rows=rows,
                        example="12/01/2024")
    metrics = wide_metrics(table, rows, metric_mapping(table.header), platform, report)
    report.warnings += table_notes(table, cols)
    report.rows_imported = len(table.frame)
    return ImportedSeries(series=long_rows(path, platform, dates, rows, metrics), report=report)


FAMILY = Family(
    name="linkedin_page_metrics",
    label=Message("imports.family.daily_linkedin"),
    signature=("date", "impressions (total)", "clicks (total)"),
    read=read_linkedin_metrics,
)
