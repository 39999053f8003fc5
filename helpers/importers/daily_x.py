"""X (Twitter) account overview, `account_overview_analytics.csv`: one row per day, newest first.

`Date` is written "Tue, Feb 18, 2025" (older files "Mon Feb 17 2025"). Counts are plain integers.
X never reports reach. 'Engagements' counts every click, so it is kept as `platform_engagements`,
never as interactions; 'Replies' are comments (as in the post table); 'Reposts' stay apart from
'Shares' (shares by message or copied link).
"""
from __future__ import annotations

from pathlib import Path

from ..errors import ExportFormatError
from ..i18n import Message
from .base import Columns, Family, FileReport, table_notes
from .daily_common import ImportedSeries, long_rows, parse_dates, reject_platform, wide_metrics
from .reading import read_delimited

#: export column (normalised) -> canonical metric
METRICS = {
    "impressions": "impressions",
    "likes": "reactions",
    "engagements": "platform_engagements",
    "bookmarks": "saves",
    "shares": "shares",
    "new follows": "follows_gained",
    "unfollows": "unfollows",
    "replies": "comments",
    "reposts": "reposts",
    "profile visits": "profile_views",
    "create post": "posts_created",
    "video views": "video_views",
    "media views": "media_views",
}
DATE_FORMATS = ("%a, %b %d, %Y", "%a %b %d %Y", "%b %d, %Y", "%Y-%m-%d")


def read_x_account_overview(path: Path, *, platform: str | None = None, **_) -> ImportedSeries:
    """Read an X account overview export into daily rows."""
    path = Path(path)
    platform = reject_platform(path, "x", platform)
    table = read_delimited(path)
    cols = Columns(table.header, table.keys)
    date_key = cols.key("Date")
    if date_key is None:
        raise ExportFormatError(path, Message("imports.daily_x.no_date"), column="Date",
                                hint=Message("imports.daily_x.as_downloaded"))
    frame, rows = table.frame, table.source_rows()
    report = FileReport(path=path, family=FAMILY.name, platform=platform, rows_in_file=len(frame))
    dates = parse_dates(frame[date_key], DATE_FORMATS, path=path, column="Date", rows=rows,
                        example="Tue, Feb 18, 2025")
    metrics = wide_metrics(table, rows, METRICS, platform, report)
    report.warnings += table_notes(table, cols)
    report.rows_imported = len(frame)
    return ImportedSeries(series=long_rows(path, platform, dates, rows, metrics), report=report)


FAMILY = Family(
    name="x_account_overview",
    label=Message("imports.family.daily_x"),
    signature=("date", "impressions", "new follows", "unfollows", "profile visits"),
    read=read_x_account_overview,
)
