"""YouTube Studio "Content" export (`Table data.csv` grouped by video): one row per video.

Quirks handled: the first data row is the channel `Total` (not a video; dropped and counted; so is a row with
a blank `Content` and 'Total' under `Video title`, as an edited table may hold it); `Video publish time` is a
date only ("Mar 15, 2025", precision 'day') or blank (a video that cannot be placed in
time: dropped and counted); ids starting with `-` get a leading space (stripped); `Subscribers` is a net
change and can be negative; percentages are plain numbers and are not imported (they are derivable or
outside the post table); the column set depends on what the user picked, so every metric is optional.

Mapping: Content -> post_id, Video title -> text, Views -> video_views, Watch time (hours) x 3600 ->
watch_time_seconds, Likes -> reactions, Comments added -> comments, Shares -> shares, Subscribers ->
follows_gained, Unique viewers -> reach, Impressions -> impressions, Engaged views -> engaged_views (kept beside
Views, which since 31 March 2025 count every start or replay of a Short while Engaged views count as Views did
before: the report names a post whose two counts part, compare.views_with_replays). YouTube's Impressions are
THUMBNAIL impressions (times a thumbnail was shown), not views of the video; they are labelled 'impressions' and a
warning says what they count. For Shorts, the times shown in the Shorts feed (`Shown in feed`) are not in
Impressions and are not imported. Format: 'video', 'short' or 'live' from a `Content type` column when the
export has one; otherwise 'short' for rows with a `Shown in feed` count (only Shorts are shown in the
Shorts feed) and NA for the rest. `Duration` (the video's length, seconds or H:MM:SS) is no canonical
column: it is kept beside the rows as `duration_seconds` only for channels_apart to tell Shorts from longer
videos (when exports sharing no video are read together) and for the watch time check below, and left out of
the post table: format stays NA there.

Watch time per view (Watch time (hours) / Views) is checked against the file's own `Average view duration` and
`Duration`: videos where they are tenfold apart, as decimal points lost in a re-save leave them ('19.2306'
hours read as 192306), are warned about, their figures kept as read.

Exports of the same table grouped by something else (Geography, Traffic source, Date, ...) have no
`Content` column and no per-video rows: they do not match this family, and reading one anyway stops with
an error that says which grouping it has.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from ..errors import ExportFormatError
from ..i18n import Message, quoted
from ..quality import figures_apart, figures_apart_note
from .base import Columns, Family, ImportedFile, begin_report, file_labels, table_notes
from .reading import read_delimited
from .values import LABEL, column_decimal, digit_ids, is_blank, raise_not_dates, read_as, seconds_where_readable, to_local_datetime, to_number, to_seconds
from .yearless_dates import parse_day_month

# canonical column -> header names that carry it (first one present wins)
#: Columns every Content table holding them fills for every video (empty_column_notes). Unique viewers is left
#: blank by Studio on its videos' rows (a real export), and so is not among them.
FILLED = ("Views", "Watch time (hours)", "Impressions")
COUNTS = {
    "video_views": ("Views",),
    "engaged_views": ("Engaged views",),
    "reactions": ("Likes",),
    "comments": ("Comments added", "Comments"),
    "shares": ("Shares",),
    "reach": ("Unique viewers",),
    "impressions": ("Impressions",),
}

#: A YouTube video id: 11 characters of A-Z, a-z, 0-9, '_' and '-'.
VIDEO_ID = r"[A-Za-z0-9_-]{11}"
#: What a Content id may hold: a video's id, or a longer one of the same characters (a post's, where the table
#: lists posts too); anything else ('#NAME?', a spreadsheet's error value) was no id YouTube wrote.
CONTENT_ID = r"[A-Za-z0-9_-]+"
ID_EXAMPLE = "a1B2c3D4e5F"

SHORT_MAX_SECONDS = 180  # the longest a Short runs (3 minutes since October 2024): a longer video is no Short

CONTENT_TYPES = {
    "video": "video", "videos": "video", "short": "short", "shorts": "short", "live": "live",
    "live stream": "live", "live streams": "live", "post": "post", "posts": "post",
}


def read_youtube_studio(path: Path, *, timezone: str | None = None, **_) -> ImportedFile:
    """Read one YouTube Studio per-video table into canonical rows (dates at midnight in `timezone`)."""
    path = Path(path)
    table = read_delimited(path)
    cols = Columns(table.header, table.keys)
    if "Content" not in cols:
        grouping = table.header[0] if table.header else "?"
        raise ExportFormatError(
            path, Message("imports.youtube_studio.not_by_video", grouping=quoted(grouping)),
            column="Content", expected=Message("imports.youtube_studio.content_expected"),
            hint=Message("imports.youtube_studio.content_hint"))
    is_total = _studio_total(table.frame, cols)  # the channel's totals
    added = _added_totals(table.frame, cols) & ~is_total
    table, report = begin_report(table, FAMILY, "youtube", summary=is_total | added)
    frame, rows = table.frame, table.source_rows()
    zone = timezone or "UTC"

    video_id = frame[cols.key("Content")].str.strip()
    total = is_total[frame.index]
    total_views = None
    if total.any():
        views_key = cols.key("Views")
        if views_key is not None:
            total_views = frame.loc[total, views_key].iloc[0]
        report.drop(Message("imports.youtube_studio.total_row"), int(total.sum()))
    added = added[frame.index]
    for label, count in video_id[added].value_counts().items():
        report.drop(Message("imports.youtube_studio.totals_row", label=quoted(label)), count)
    total_or_added = total | added
    no_id = video_id.eq("") & ~total_or_added
    report.drop(Message("imports.youtube_studio.no_video_id"), int(no_id.sum()))
    time_key = cols.key("Video publish time")
    if time_key is None:
        raise ExportFormatError(path, Message("imports.youtube_studio.no_publish_time"),
                                column="Video publish time",
                                expected=Message("imports.youtube_studio.publish_time_expected"),
                                hint=Message("imports.youtube_studio.publish_time_hint"))
    undated = frame[time_key].str.strip().eq("") & ~total_or_added & ~no_id
    report.drop(Message("imports.youtube_studio.blank_publish_time"), int(undated.sum()))
    keep = ~(total_or_added | no_id | undated)
    counted = keep | total  # the cells of a count column that the Total row sums, and the Total itself
    counted_frame, counted_rows = frame[counted], rows[counted]
    listed_frame = frame[keep | undated]  # every video the file lists, placed in time or not
    frame, rows, video_id = frame[keep], rows[keep], video_id[keep]

    def number(*names: str, dtype: str = "Int64") -> pd.Series | None:
        key = cols.key(*names)
        if key is None:
            return None
        return to_number(frame[key], path=path, column=table.header[table.keys.index(key)], rows=rows,
                         dtype=dtype, decimal=table.decimal_mark)

    # dates first: a row split by a line break in its title reads its title's second line as its date, said so
    days = _publish_dates(frame[time_key], path=path, rows=rows).dt.strftime("%Y-%m-%d")
    video_id = digit_ids(video_id, path=path, column=table.header[table.keys.index(cols.key("Content"))], rows=rows,
                         example=ID_EXAMPLE, pattern=CONTENT_ID, malformed="imports.youtube_studio.ids_malformed",
                         expected=Message("imports.youtube_studio.video_id_expected", example=ID_EXAMPLE))
    out = pd.DataFrame(index=frame.index)
    out["platform"] = "youtube"
    out["post_id"] = video_id
    out["published_at"] = to_local_datetime(days, fmt="%Y-%m-%d", timezone=zone, path=path,
                                            column="Video publish time", rows=rows)
    out["published_precision"] = "day"
    out["text"] = frame[cols.key("Video title")] if "Video title" in cols else pd.NA
    out["permalink"] = "https://www.youtube.com/watch?v=" + video_id
    out["format"] = _formats(frame, cols)
    if "Duration" in cols:
        out["duration_seconds"], unread = _durations(frame[cols.key("Duration")], rows=rows,
                                                     decimal=table.decimal_mark)
        if unread is not None:
            report.warnings.append(unread)
    for canonical, names in COUNTS.items():
        values = number(*names)
        if values is not None:
            out[canonical] = values
    if "impressions" in out:
        out["impressions_kind"] = pd.Series("thumbnail_impressions", index=out.index, dtype="string").where(
            out["impressions"].notna())
        report.warnings.append(Message("imports.youtube_studio.thumbnail_impressions"))
    if "Shown in feed" in cols:
        report.warnings.append(Message("imports.youtube_studio.shown_in_feed"))
    if "video_views" in out and "Engaged views" in cols:  # Views, as read; which of the two is said
        report.counted["video_views"] = Message("imports.youtube_studio.views_not_engaged")
    out["follows_gained"] = _net_subscribers(number, out.index)
    hours = number("Watch time (hours)", dtype="Float64")
    if hours is not None:
        out["watch_time_seconds"] = hours * 3600
    elif "Average view duration" in cols and "video_views" in out:
        seconds = to_seconds(frame[cols.key("Average view duration")], path=path, column="Average view duration",
                             rows=rows)
        out["watch_time_seconds"] = seconds * out["video_views"].astype("Float64")
        report.warnings.append(Message("imports.youtube_studio.watch_time_computed"))
    if hours is not None and "video_views" in out:
        report.warnings += _watch_time_notes(hours, out, frame, cols, rows)
    out["source_file"] = str(path)
    out["source_row"] = rows
    report.warnings += table_notes(table, cols, filled=FILLED, posts=out.index)
    report.rows_imported = len(out)
    if total_views is not None and "video_views" in out:
        listed = out["video_views"].sum()
        views_key = cols.key("Views")
        # read with the decimal mark to_number decides for the Views column, the Total's cell included
        mark = column_decimal(counted_frame[views_key], path=path, column=table.header[table.keys.index(views_key)],
                              rows=counted_rows, decimal=table.decimal_mark)
        total = _as_count(total_views, mark)
        if str(total_views).strip() and total != listed:
            every = read_as(listed_frame[views_key].str.strip(), mark)
            report.warnings.append(_total_note(total, int(listed), len(out), listed_all=int(np.nansum(every)),
                                               videos_all=len(listed_frame)))
    return ImportedFile(posts=out, report=report)


#: The share of the Total row's views that the videos a file lists may fall short of it before the table is
#: said to be incomplete (_total_note). The Total also counts videos the table does not list (removed ones, for
#: one): real exports fall short by 0.003% to 0.3%. Rows deleted by hand, a download cut off or Studio listing
#: only its top videos leave out far more (the deleted rows of one video in ten of a small channel already pass
#: 5%); 5% keeps clear of the honest gaps and catches a table missing its most watched videos.
TOTAL_SHORTFALL = 0.05


def _total_note(total, listed: int, videos: int, *, listed_all: int, videos_all: int) -> Message:
    """The note on a Total row whose views differ from the sum of the imported videos' (`listed`, of `videos`):
    a gentle one for a small gap; a warning that the table looks incomplete, with both figures and the share
    missing, when every video the file lists (`listed_all`, of `videos_all`: those without a publish time
    too) falls short of the Total by more than TOTAL_SHORTFALL of it."""
    if isinstance(total, int) and total > 0 and (total - listed_all) / total > TOTAL_SHORTFALL:
        return Message("imports.youtube_studio.total_incomplete", total=total, videos=videos_all, listed=listed_all,
                       share=round(100 * (total - listed_all) / total))
    return Message("imports.youtube_studio.total_mismatch", total=total, videos=videos, listed=listed)


#: The most a file's rounding moves each figure the watch time checks compare (_watch_time_notes): Studio writes
#: watch time in hours with four decimals, Average view duration and Duration to the second (a whole unit, as
#: a figure may be cut rather than rounded).
HOURS_ROUNDING = 0.0001
SECONDS_ROUNDING = 1.0
#: Watch hours as Studio writes them and as a re-save that lost the decimal point reads them, for the warning.
LOST_POINT = ("19.2306", "192306")


def _watch_time_notes(hours: pd.Series, out: pd.DataFrame, frame: pd.DataFrame, cols: Columns,
                      rows: pd.Series) -> list[Message]:
    """Warnings for videos whose watch time per view (Watch time (hours) / Views) is tenfold apart from the
    file's own Average view duration, or ten times the video's Duration or more (a view does not last ten
    times the video even when a Short loops; said of the videos the first check has not named): columns that
    must agree and do not, as when a re-save lost the decimal points of the watch hours ('19.2306' read as
    192306). Honest rounding is allowed for (quality.figures_apart); a video with no view tells nothing. The
    figures are kept as read."""
    hours_key = cols.key("Watch time (hours)")
    views = out["video_views"].astype("float64")
    seen = views.gt(0)
    per_view = (hours.astype("float64") * 3600 / views).where(seen)
    error = (HOURS_ROUNDING * 3600 / views).where(seen)

    def first(apart: pd.Series) -> dict:  # the first flagged video's figures: its watch hours as written
        at = apart.idxmax()
        return {"hours": str(frame[hours_key][at]).strip(), "views": int(views[at]),
                "seconds": int(round(per_view[at]))}

    notes, flagged = [], pd.Series(False, index=out.index)
    average_key = cols.key("Average view duration")
    if average_key is not None:
        average, _ = seconds_where_readable(frame[average_key])
        flagged = figures_apart(per_view, average, derived_error=error, stated_error=SECONDS_ROUNDING)
        if flagged.any():
            notes.append(figures_apart_note(
                "imports.youtube_studio.watch_time_vs_average", flagged, rows, lost=LOST_POINT,
                **first(flagged), average=quoted(str(frame[average_key][flagged.idxmax()]).strip())))
    if "duration_seconds" in out:  # a video's length of 0 (an upcoming live stream) tells nothing
        duration = out["duration_seconds"].astype("float64").where(lambda d: d.gt(0))
        longer = figures_apart(per_view, duration, derived_error=error, stated_error=SECONDS_ROUNDING) & \
            per_view.gt(duration).fillna(False).astype(bool) & ~flagged
        if longer.any():
            notes.append(figures_apart_note("imports.youtube_studio.watch_time_vs_duration", longer, rows,
                                            lost=LOST_POINT, **first(longer),
                                            duration=int(duration[longer.idxmax()])))
    return notes


def _studio_total(frame: pd.DataFrame, cols: Columns) -> pd.Series:
    """Studio's own Total row: 'Total' in `Content`, or a blank `Content` with 'Total' (any case) in `Video
    title` and no publish time, as an edited table may hold it. Either is the channel's totals, checked against
    the videos' sum like it, not a video without an id; a blank id beside a publish time stays a video's."""
    content = frame[cols.key("Content")].str.strip()
    total = content.str.casefold().eq("total")
    title_key, time_key = cols.key("Video title"), cols.key("Video publish time")
    if title_key is None or time_key is None:
        return total
    return total | (content.eq("") & frame[title_key].str.strip().str.casefold().eq("total")
                    & frame[time_key].str.strip().eq(""))


def _added_totals(frame: pd.DataFrame, cols: Columns) -> pd.Series:
    """Rows a spreadsheet user added to sum the videos: words alone in `Content` ('Jumlah', 'Summe', 'Grand
    total:'; values.LABEL, as Business Suite's totals rows are told) and no publish time. They are no video,
    and left out as a totals row rather than counted among the videos YouTube lists without a publish time. A
    cell that may be a video id (11 of A-Z a-z 0-9 _ -, which letters alone can be) is left a video."""
    time_key = cols.key("Video publish time")
    if time_key is None:  # the import stops on the missing column
        return pd.Series(False, index=frame.index)
    content = frame[cols.key("Content")].str.strip()
    label = content.str.fullmatch(LABEL).fillna(False).astype(bool) & ~content.str.fullmatch(VIDEO_ID).fillna(
        False).astype(bool)
    return label & ~is_blank(content) & frame[time_key].str.strip().eq("")


def _publish_dates(cells: pd.Series, *, path: Path, rows: pd.Series) -> pd.Series:
    """Dates such as 'Mar 15, 2025' (or another language's month name, or ISO), as naive midnights."""
    text = cells.str.strip()
    parsed = pd.to_datetime(text, format="%b %d, %Y", errors="coerce")
    for index in parsed.index[parsed.isna()]:
        found = parse_day_month(text[index])
        if found and found[2] is not None:
            parsed[index] = pd.Timestamp(year=found[2], month=found[0], day=found[1])
    raise_not_dates(path, text, parsed.isna(), rows=rows, column="Video publish time",
                    expected=Message("imports.youtube_studio.publish_date_expected"))
    return parsed


def _as_count(cell, decimal: str):
    """A count cell as a whole number (shown in the reader's number format), read with `decimal` as the decimal
    mark ("2.500" is 2500 where ',' is); the text as written if not one."""
    number = read_as(pd.Series([str(cell).strip()], dtype="string"), decimal).iloc[0]
    return int(number) if np.isfinite(number) and number == round(number) and number >= 0 else str(cell)


def _formats(frame: pd.DataFrame, cols: Columns) -> pd.Series:
    """'video', 'short', 'live' from a content-type column; else 'short' where 'Shown in feed' is set."""
    result = pd.Series(pd.NA, index=frame.index, dtype="string")
    type_key = cols.key("Content type")
    if type_key is not None:
        lowered = frame[type_key].str.strip().str.casefold()
        return lowered.map(CONTENT_TYPES).fillna(lowered).replace("", pd.NA).astype("string")
    feed_key = cols.key("Shown in feed")
    if feed_key is not None:
        result = result.mask(~is_blank(frame[feed_key]), "short")
    return result


def _durations(cells: pd.Series, *, rows: pd.Series, decimal: str) -> tuple[pd.Series, Message | None]:
    """The Duration column as seconds (values.seconds_where_readable: whole seconds written as the file's
    counts are, with its `decimal` mark), read only for channels_apart (whether
    sets of exports sharing no video each hold one kind of video); the post table's format never comes from
    it. A cell that does not read as a duration leaves that video's length unknown (NA) rather than stopping
    the import of a file whose figures do not need it, with a note naming the cells, and saying so when no
    cell of the file gives a length."""
    seconds, bad = seconds_where_readable(cells, decimal=decimal)
    if not bad.any():
        return seconds, None
    first = bad.idxmax()
    where = Message("imports.youtube_studio.duration_cell" if bad.sum() == 1
                    else "imports.youtube_studio.duration_first_cell", row=int(rows[first]),
                    value=quoted(str(cells[first]).strip()))
    return seconds, Message("imports.youtube_studio.durations_unread_all" if seconds.isna().all()
                            else "imports.youtube_studio.durations_unread", count=int(bad.sum()), where=where)


def _content_types(posts: pd.DataFrame) -> pd.Series:
    """Each video's content type as channels_apart compares them: its format when the export says it, else
    'short' for a Duration up to SHORT_MAX_SECONDS and 'video' for a longer one; NA when neither tells."""
    types = posts["format"].astype("string") if "format" in posts else pd.Series(pd.NA, index=posts.index,
                                                                                  dtype="string")
    if "duration_seconds" in posts:
        seconds = posts["duration_seconds"]
        by_length = pd.Series(pd.NA, index=posts.index, dtype="string").mask(
            seconds.le(SHORT_MAX_SECONDS).fillna(False).astype(bool), "short").mask(
            seconds.gt(SHORT_MAX_SECONDS).fillna(False).astype(bool), "video")
        types = types.fillna(by_length)
    return types


def _net_subscribers(number, index: pd.Index) -> pd.Series:
    """Net subscribers: 'Subscribers' (may be negative), else gained - lost when both are exported."""
    net = number("Subscribers")
    if net is not None:
        return net
    gained, lost = number("Subscribers gained"), number("Subscribers lost")
    if gained is not None and lost is not None:
        return gained - lost
    return pd.Series(pd.NA, index=index, dtype="Int64")


def channels_apart(imported: list[ImportedFile]) -> dict[Path, Message]:
    """The warning for YouTube Studio Content tables read together that fall into sets sharing no video id,
    keyed by the file it goes to (the first of them by label): YouTube's tables name no channel, so exports of
    different channels would be pooled as one channel's without a word. Exports of one channel over different
    days list mostly the same videos (the table lists every video with activity in its days), while two
    channels share none. Studio also exports a channel's Shorts and its longer videos (its Content tabs) as
    separate tables, which share no video either; but so do a Shorts channel's and another channel's videos, and
    nothing in the files tells these apart. So the warning comes whenever two sets or more are apart, naming
    every set (every one is pooled); when each set holds a single kind of video (_content_types), the kinds all
    different, it says so too, as the one-channel reading it allows. A file with no video imported tells
    nothing and is left out. Empty when they are one set (or one file)."""
    tables = [item for item in imported if item.report.family == FAMILY.name and len(item.posts)]
    labels = dict(zip([item.report.path for item in tables], file_labels([item.report.path for item in tables])))
    sets: list[tuple[list[str], set[str], set]] = []  # files sharing videos, directly or through another file;
    for item in tables:                                # their videos; their videos' content types
        ids = set(item.posts["post_id"].astype(str))
        types = set(_content_types(item.posts).fillna("?"))
        joined = [s for s in sets if s[1] & ids]
        sets = [s for s in sets if not any(s is j for j in joined)]
        sets.append(([labels[item.report.path]] + [label for s in joined for label in s[0]],
                     ids.union(*(s[1] for s in joined)), types.union(*(s[2] for s in joined))))
    if len(sets) < 2:
        return {}
    single = [next(iter(types)) for _, _, types in sets if len(types) == 1 and "?" not in types]
    # each set of its own single kind (a channel's Shorts tab and its Videos tab, or two channels): said
    kinds = (Message("imports.youtube_studio.apart_by_kind")
             if len(single) == len(sets) and len(set(single)) == len(single) else "")
    named = sorted(sorted(files) for files, _, _ in sets)
    if all(len(files) == 1 for files in named):
        note = Message("imports.youtube_studio.channels_apart", count=len(named), files=[f[0] for f in named],
                       kinds=kinds)
    else:
        note = Message("imports.youtube_studio.channels_apart_sets", count=len(named),
                       sets=[" + ".join(files) for files in named], kinds=kinds)
    first = next(path for path, label in labels.items() if label == named[0][0])
    return {first: note}


FAMILY = Family(
    name="youtube_studio_content",
    platforms=("youtube",),
    label=Message("imports.family.youtube_studio"),
    signature=("content", "video title", "video publish time"),
    excludes=("date",),  # Chart data.csv: the same videos day by day, not one row per video
    read=read_youtube_studio,
)
