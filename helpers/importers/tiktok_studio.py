"""TikTok Studio post export (`Content.csv`): one row per video, dates without a year.

Quirks handled: UTF-8 with BOM, every field quoted, no final newline; `Post time` (and `Time`) written as
a month and day without a year ("July 16") and, for some accounts, in another language ("8 de marzo");
missing values written `undefined`, `NAN` or `--`; captions with newlines and emoji; the post id only in
the `Video link`. Post-level only: the daily `Overview.csv`, `Viewers.csv` and follower files have no
`Video link` column and do not match this family.

The year. The export never writes it, so it comes from the user (`year=`, the year of the OLDEST post in
the file) or from dates in the file name; with neither, reading stops with an error that says so. The rule
that places posts in years, across New Year too, is shared with the daily files (`yearless_dates`): as
posts are not listed in date order, the export period starts at the `Time` column's month-day (the same
day on every row: the period's first day) or, without it, after the longest stretch of the calendar with
no post. A year in a `Post time` cell ('2024-07-16') is a spreadsheet's, which read "July 16" as a date of
the year it was opened in and saved it so: it is ignored, with a note, and the day and month placed as above
(yearless_dates.spreadsheet_years).

TikTok video ids carry their creation time (the id's top 32 bits are Unix seconds); the placed dates are
checked against it and any disagreement becomes a warning (a wrong `year=` shows up there), never a
silent correction. Where the id's time falls on the day the export gives, it gives the post its time of
day too (with a note), so the timing analyses can use TikTok posts. Only TikTok Studio's format is read; the TikTok business (Ads Manager) video export is
not supported, for lack of a sample.
"""
from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from ..errors import ExportFormatError
from ..i18n import Message, quoted
from .base import Columns, Family, FileReport, ImportedFile, begin_report, interaction_column_notes, table_notes
from .clocks import id_times
from .reading import read_delimited
from .values import is_blank, to_local_datetime, to_number
from .yearless_dates import day_months, place_in_years

# canonical column -> header names that carry it (first one present wins)
#: Columns every TikTok Studio content export writes a figure in for every video (empty_column_notes).
FILLED = ("Total views", "Video views", "Views", "Total likes", "Likes")
COUNTS = {
    "reactions": ("Total likes", "Likes"),
    "comments": ("Total comments", "Comments"),
    "shares": ("Total shares", "Shares"),
    "saves": ("Total saves", "Saves", "Favorites"),
    "video_views": ("Total views", "Video views", "Views"),
    "reach": ("Reached audience", "Total reached audience"),
}
#: The interaction counts every Content.csv carries (saves only in some): without one, interactions read low.
INTERACTIONS = ("reactions", "comments", "shares")

_VIDEO_LINK = re.compile(r"tiktok\.com/@([^/?#]+)/(video|photo)/(\d+)", re.IGNORECASE)


def read_tiktok_studio(path: Path, *, timezone: str | None = None, year: int | None = None,
                       **_) -> ImportedFile:
    """Read one TikTok Studio `Content.csv` into canonical rows; `year` = year of the oldest post."""
    path = Path(path)
    table, report = begin_report(read_delimited(path), FAMILY, "tiktok")
    cols = Columns(table.header, table.keys)
    frame, rows = table.frame, table.source_rows()
    for needed in ("Video link", "Post time"):
        if needed not in cols:
            raise ExportFormatError(path, Message("imports.tiktok_studio.missing_column", column=quoted(needed)),
                                    column=needed, expected=Message("imports.tiktok_studio.header_expected"),
                                    hint=Message("imports.tiktok_studio.header_hint"))

    link = frame[cols.key("Video link")].str.strip()
    parts = link.str.extract(_VIDEO_LINK)
    no_id = parts[2].isna()
    if no_id.any():
        report.drop(Message("imports.tiktok_studio.no_video_link"), int(no_id.sum()))
        frame, rows, link, parts = frame[~no_id], rows[~no_id], link[~no_id], parts[~no_id]

    undated = is_blank(frame[cols.key("Post time")])
    if undated.any():
        report.drop(Message("imports.tiktok_studio.blank_post_time"), int(undated.sum()))
        frame, rows, link, parts = frame[~undated], rows[~undated], link[~undated], parts[~undated]

    zone = timezone or "UTC"
    out = pd.DataFrame(index=frame.index)
    out["platform"] = "tiktok"
    out["account"] = parts[0]
    out["post_id"] = parts[2]
    out["permalink"] = link
    out["format"] = parts[1].str.casefold()
    day_month = day_months(frame[cols.key("Post time")], path=path, column="Post time", rows=rows)
    suggested = _id_years(frame, cols)
    dates = place_in_years(day_month, year=year, path=path, column="Post time", rows=rows, report=report,
                           in_order=False, period_start=_period_start(frame, cols, rows, path), noun="post",
                           written=frame[cols.key("Post time")],
                           extra_hint=_id_years_hint(suggested))
    days = pd.Series([d.isoformat() for d in dates], index=frame.index)
    out["published_at"] = to_local_datetime(days, fmt="%Y-%m-%d", timezone=zone, path=path,
                                            column="Post time", rows=rows)
    out["published_precision"] = "day"
    _check_against_ids(out, rows, report, path)
    _times_from_ids(out, zone, report)
    title_key = cols.key("Video title", "Title", "Caption")
    if title_key is not None:
        title = frame[title_key]
        out["text"] = title.where(~is_blank(title) & title.str.strip().ne(""), pd.NA)
    for canonical, names in COUNTS.items():
        key = cols.key(*names)
        if key is not None:
            out[canonical] = to_number(frame[key], path=path, column=table.header[table.keys.index(key)],
                                       rows=rows, decimal=table.decimal_mark)
    out["source_file"] = str(path)
    out["source_row"] = rows
    report.warnings += interaction_column_notes(cols, {c: COUNTS[c] for c in INTERACTIONS}, set(out.columns),
                                                FAMILY.label)
    report.warnings += table_notes(table, cols, filled=FILLED, posts=out.index)
    report.rows_imported = len(out)
    return ImportedFile(posts=out, report=report)


def _period_start(frame: pd.DataFrame, cols: Columns, rows: pd.Series, path: Path) -> tuple[int, int] | None:
    """The month-day the export period starts on: the `Time` column (the same day on every row), if any."""
    time_key = cols.key("Time")
    if time_key is None or is_blank(frame[time_key]).all():
        return None
    filled = ~is_blank(frame[time_key])
    stamps = day_months(frame.loc[filled, time_key], path=path, column="Time", rows=rows[filled])
    distinct = set(zip(stamps["month"], stamps["day"]))
    return next(iter(distinct)) if len(distinct) == 1 else None


def _id_time(post_ids: pd.Series) -> pd.Series:
    """Creation time (UTC) encoded in TikTok video ids (top 32 bits = Unix seconds); NaT if implausible."""
    seconds = post_ids.map(lambda i: int(i) >> 32 if str(i).isdigit() else None)
    return id_times(seconds, "s", pd.Timestamp("2016-09-01", tz="UTC"))


def _id_years(frame: pd.DataFrame, cols: Columns) -> tuple[int, int] | None:
    ids = frame[cols.key("Video link")].str.extract(_VIDEO_LINK)[2].dropna()
    stamps = _id_time(ids).dropna()
    return (stamps.min().year, stamps.max().year) if len(stamps) else None


def _id_years_hint(years: tuple[int, int] | None):
    """What the request for the year adds: the years the video ids date from, one year said as one."""
    if years is None:
        return ""
    first, last = years
    if first == last:
        return Message("imports.tiktok_studio.id_year", year=str(first))
    return Message("imports.tiktok_studio.id_years", first=str(first), last=str(last))


def _check_against_ids(out: pd.DataFrame, rows: pd.Series, report: FileReport, path: Path) -> None:
    """Warn where a placed date is more than a day away from the creation time in the video id; refuse the
    file when every post with an id is a whole number of years away from it, as a wrong year gives (a post
    cannot be published a year before or after its video was created): its dates would all be wrong. A message
    quotes both days in the export's zone (the day the file gives), not midnight turned to UTC."""
    created = _id_time(out["post_id"])
    placed = out["published_at"].dt.tz_convert("UTC")
    zone = out["published_at"].dt.tz
    off = created.notna() & ((placed - created).abs() > pd.Timedelta(days=2))
    years = ((placed - created).dt.days / 365.25).round()
    shifted = (placed - pd.to_timedelta(years * 365.25, unit="D") - created).abs() <= pd.Timedelta(days=3)
    if off.any() and off[created.notna()].all() and (shifted[off] & (years[off] == years[off].iloc[0])).all():
        first = off.idxmax()
        raise ExportFormatError(path, Message("imports.tiktok_studio.wrong_year", count=int(off.sum()),
                                              placed=out["published_at"][first].date(),
                                              created=created[first].tz_convert(zone).date()),
                                row=int(rows[first]), column="Post time",
                                hint=Message("imports.tiktok_studio.wrong_year_hint",
                                             first=str(created[off].min().year)))
    if off.any():
        first = off.idxmax()
        report.warnings.append(Message(
            "imports.tiktok_studio.date_disagrees_with_id", count=int(off.sum()), row=str(int(rows[first])),
            placed=out["published_at"][first].date(), created=created[first].tz_convert(zone).date()))


def _times_from_ids(out: pd.DataFrame, zone: str, report: FileReport) -> None:
    """Each post's time of day, from its video id, when every id's creation time falls on the day the export
    gives (read in `zone`): the export writes days only, and the id holds the second the video was created.
    The posts then become 'minute' precise, so timing analyses can use them. All or none: were only the ids
    on their day taken, which posts got a time would depend on their hour near midnight, the very thing the
    timing analyses measure. Ids on a neighbouring day mean the days were probably written in another zone
    than `zone`: a note says how many, as the hint to check the time zone given."""
    created = _id_time(out["post_id"]).dt.tz_convert(zone)
    known = created.notna()
    if not known.any():
        return
    gap = (created.dt.normalize() - out["published_at"].dt.normalize()).abs()
    neighbour = known & (gap == pd.Timedelta(days=1))
    if neighbour.any():
        report.warnings.append(Message("imports.tiktok_studio.id_day_off", count=int(neighbour.sum()),
                                       total=len(out), zone=zone))
        return
    same_day = known & (gap == pd.Timedelta(0))
    out.loc[same_day, "published_at"] = created[same_day].dt.floor("min")
    out.loc[same_day, "published_precision"] = "minute"
    report.warnings.append(Message("imports.tiktok_studio.times_from_ids_all" if same_day.all()
                                   else "imports.tiktok_studio.times_from_ids", count=int(same_day.sum()),
                                   total=len(out), zone=zone))


FAMILY = Family(
    name="tiktok_studio_content",
    platforms=("tiktok",),
    label=Message("imports.family.tiktok_studio"),
    signature=("video link", "post time"),
    read=read_tiktok_studio,
)
