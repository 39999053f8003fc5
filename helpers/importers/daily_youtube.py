"""YouTube Studio `Totals.csv`: the channel's (or the report's) total per day of the chart's metric.

`Date,Views` by default; the second column is whichever metric the chart showed. YouTube 'Views' are
video views (`video_views`); 'Subscribers' is a net change (gained minus lost), kept as
`followers_net_change`; 'Watch time (hours)' becomes `watch_time_seconds`.

`Chart data.csv` of the same download is the same daily series broken down by a dimension (country,
video, traffic source): not a channel-level series. It is refused with a pointer to Totals.csv.
"""
from __future__ import annotations

from pathlib import Path

from ..errors import NotReadHere
from ..i18n import Message, quoted
from .base import Columns, Family, FileReport, table_notes
from .daily_common import ImportedSeries, long_rows, parse_dates, reject_platform, wide_metrics
from .reading import read_delimited

#: export column (normalised) -> canonical metric
METRICS = {
    "views": "video_views",
    "engaged views": "engaged_views",
    "watch time (hours)": "watch_time_seconds",
    "subscribers": "followers_net_change",
    "subscribers gained": "follows_gained",
    "subscribers lost": "unfollows",
    "impressions": "impressions",
    "unique viewers": "viewers",
    "likes": "reactions",
    "comments added": "comments",
    "shares": "shares",
    "average view duration": "average_view_duration_seconds",
}
HOURS = ("watch time (hours)",)
DURATIONS = ("average view duration",)
#: Columns that make a file a breakdown (Chart data), not a daily total.
DIMENSIONS = ("geography", "content", "video title", "traffic source", "traffic source type", "device type",
              "operating system", "subscription status", "viewer age", "viewer gender", "playback location",
              "content type", "sharing service", "subtitles and cc", "video publish time")


def read_youtube_totals(path: Path, *, platform: str | None = None, **_) -> ImportedSeries:
    """Read YouTube Studio Totals.csv into daily rows."""
    path = Path(path)
    platform = reject_platform(path, "youtube", platform)
    table = read_delimited(path)
    cols = Columns(table.header, table.keys)
    dimensions = [h for h in table.header if h.strip().casefold() in DIMENSIONS]
    if dimensions:
        raise NotReadHere(
            path, Message("imports.daily_youtube.chart_data", dimensions=[quoted(d) for d in dimensions]),
            column=dimensions[0], hint=Message("imports.daily_youtube.chart_data_hint"))
    date_key = cols.key("Date")
    rows = table.source_rows()
    report = FileReport(path=path, family=FAMILY.name, platform=platform, rows_in_file=len(table.frame))
    dates = parse_dates(table.frame[date_key], ("%Y-%m-%d", "%b %d, %Y"), path=path, column="Date", rows=rows,
                        example="2021-01-01")
    metrics = wide_metrics(table, rows, METRICS, platform, report, hours=HOURS, durations=DURATIONS)
    report.warnings += table_notes(table, cols)
    report.rows_imported = len(table.frame)
    return ImportedSeries(series=long_rows(path, platform, dates, rows, metrics), report=report)


FAMILY = Family(
    name="youtube_totals",
    label=Message("imports.family.daily_youtube"),
    signature=("date", "views"),
    read=read_youtube_totals,
)
#: Header names that rule a file out of `youtube_totals` although it has 'Date' and 'Views'
#: (Meta page-level daily Views.csv, Meta post exports).
NOT_IN_HEADER = ("primary", "post id", "publish time")
