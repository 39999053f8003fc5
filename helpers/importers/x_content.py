"""X (Twitter) analytics content export (2024-25): `account_analytics_content_<from>_<to>.csv`.

Quirks handled: `Post id` kept as text; `Date` is a date without a time, written `Mon Feb 17 2025` in
early files and `"Sun, Nov 9, 2025"` in later ones (both read), at a clock of X's own (a real file's days
are the posts' days at Los Angeles or Sao Paulo time, not at UTC); later files rename columns (`Link` ->
`Post Link`, `Share` -> `Shares`, other capitalisation), so columns are matched by name ignoring case;
junk rows with an empty id (and a link ending in `status/undefined`) are dropped and counted.

Mapping. METRICS.md "amplification" means passing the post on to one's own audience, which on X is a
repost (retweet): shares = `Reposts`. X's `Share`/`Shares` column counts private sharing (send by DM,
copy link, share sheet); it is not amplification and is not imported (X counts it inside Engagements).
reactions = Likes; comments = Replies; saves = Bookmarks; follows_gained = New follows;
platform_engagements = Engagements (X counts every click; never used as interactions);
impressions (kind 'impressions') = Impressions; video_views = Video views (or Media views when only
that is exported); clicks = Url clicks + Profile visits + Hashtag clicks + Detail expands + Permalink
clicks (the same clicks as the legacy tweet activity export), those of them the file holds, which the report
names (clicks_counted). X reports no reach: reach stays NA.
The export does not say whether a post was promoted: paid stays NA.

The time. X's ids (snowflakes) hold the millisecond each post was created (clocks.x_created_time), so each
post takes its time from its id, shown in the given time zone (or UTC) to the minute (precision 'minute'):
its day is then the day there, whatever clock X wrote `Date` at, and the timing analyses can use the posts.
All or none, and only when every id's time can fall on its row's `Date` at some clock
(clocks.day_within_reach): otherwise the ids cannot be trusted to be the posts' own, and every post keeps its
`Date` (midnight in the given zone, precision 'day'), with a note naming how many disagree.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from ..i18n import Message, quoted
from .base import Columns, Family, FileReport, ImportedFile, begin_report, interaction_column_notes, table_notes
from .clocks import day_within_reach, x_created_time
from .reading import read_delimited
from .values import digit_ids, parse_wall_clock, to_number
from .x_tweet_activity import (ID_EXAMPLE, account_from_links, clicks_counted, ids_match_links, sum_reported,
                               unescape_html)

# canonical column -> header names that carry it (first one present wins)
#: Columns every content export writes a figure in for every post (empty_column_notes).
FILLED = ("Impressions", "Likes", "Replies", "Reposts", "Engagements")
COUNTS = {
    "impressions": ("Impressions",),
    "reactions": ("Likes",),
    "comments": ("Replies",),
    "shares": ("Reposts",),
    "saves": ("Bookmarks",),
    "video_views": ("Video views", "Media views"),
    "follows_gained": ("New follows",),
    "platform_engagements": ("Engagements",),
}
#: The interaction counts every content export carries: without one, interactions and rates read low.
INTERACTIONS = ("reactions", "comments", "shares", "saves")
#: The click columns summed into clicks, each with the word for what it counts (x_tweet_activity.clicks_counted).
CLICK_COLUMNS = {"Url clicks": "url", "Profile visits": "profile_visits", "Hashtag clicks": "hashtag",
                 "Detail expands": "detail_expands", "Permalink clicks": "permalink"}
DATE_FORMATS = ("%a %b %d %Y", "%a, %b %d, %Y")  # "Mon Feb 17 2025", "Sun, Nov 9, 2025"


def read_x_content(path: Path, *, timezone: str | None = None, **_) -> ImportedFile:
    """Read one X analytics content export into canonical rows (client not yet set)."""
    table, report = begin_report(read_delimited(path), FAMILY, "x")
    cols = Columns(table.header, table.keys)
    frame, rows = table.frame, table.source_rows()

    def key(*names: str) -> str:
        return cols.required(path, *names, expected=Message("imports.x_content.header_expected"),
                             hint=Message("imports.x_content.header_hint"))

    id_key, link_key = key("Post id"), cols.key("Link", "Post Link")
    no_id = frame[id_key].str.strip().eq("")
    if no_id.any():
        links = frame.loc[no_id, link_key].str.strip() if link_key else pd.Series("", index=frame.index[no_id])
        undefined = links.str.casefold().str.endswith("status/undefined")
        report.drop(Message("imports.x_content.junk_row"), int(undefined.sum()))
        report.drop(Message("imports.x_content.empty_id"), int((~undefined).sum()))
        frame, rows = frame[~no_id], rows[~no_id]

    def number(*names: str) -> pd.Series | None:
        found = cols.key(*names)
        if found is None:
            return None
        return to_number(frame[found], path=path, column=table.header[table.keys.index(found)], rows=rows,
                         decimal=table.decimal_mark)

    out = pd.DataFrame(index=frame.index)
    out["platform"] = pd.Series("x", index=frame.index, dtype="string")
    out["post_id"] = digit_ids(frame[id_key], path=path, column="Post id", rows=rows, example=ID_EXAMPLE)
    days = parse_dates(frame[key("Date")], path=path, column=table.header[table.keys.index(key("Date"))], rows=rows)
    out["published_at"], precision = published(out["post_id"], days, zone=timezone or "UTC", rows=rows,
                                                report=report)
    out["published_precision"] = pd.Series(precision, index=frame.index, dtype="string")
    text_key = cols.key("Post text")
    if text_key is not None:
        out["text"] = unescape_html(frame[text_key])
    if link_key is not None:
        link = frame[link_key].str.strip()
        ids_match_links(out["post_id"], link, path=path, column="Post id",
                        link_column=table.header[table.keys.index(link_key)], rows=rows)
        out["permalink"] = link.replace("", pd.NA)
        out["account"] = account_from_links(link)
    for canonical, names in COUNTS.items():
        values = number(*names)
        if values is not None:
            out[canonical] = values
    clicks = {part: values for name, part in CLICK_COLUMNS.items() if (values := number(name)) is not None}
    if clicks:
        out["clicks"] = sum_reported(list(clicks.values()))
        if counted := clicks_counted(clicks):
            report.counted["clicks"] = counted
    if "impressions" in out:
        out["impressions_kind"] = pd.Series("impressions", index=out.index, dtype="string").where(
            out["impressions"].notna())
    out["source_file"] = str(path)
    out["source_row"] = rows
    report.warnings += interaction_column_notes(cols, {c: COUNTS[c] for c in INTERACTIONS}, set(out.columns),
                                                FAMILY.label)
    report.warnings += table_notes(table, cols, filled=FILLED, posts=out.index)
    report.rows_imported = len(out)
    return ImportedFile(posts=out, report=report)


def parse_dates(cells: pd.Series, *, path: Path, column: str, rows: pd.Series) -> pd.Series:
    """Dates in either form X has used, as midnight of that day (no time zone: X's own clock's day)."""
    text = cells.astype("string").str.strip().str.replace(r"\s+", " ", regex=True)
    return parse_wall_clock(text, DATE_FORMATS, path=path, column=column, rows=rows,
                            expected=Message("imports.x_content.dates_expected"))


def published(post_ids: pd.Series, days: pd.Series, *, zone: str, rows: pd.Series,
              report: FileReport) -> tuple[pd.Series, str]:
    """Each post's publish time in `zone` and its precision: the creation time its id holds, to the minute,
    when every id holds one that can fall on its row's `Date` at some clock; else every `Date` at midnight in
    `zone` ('day'). A note says which: how many posts the ids move to the day before or after their `Date`
    read in `zone` (X writes it at its own clock, and its screens show those posts on their `Date`), or how
    many ids disagree with their `Date`, one of them as an example."""
    created = x_created_time(post_ids)
    fits = day_within_reach(days, created)
    if len(days) and fits.all():
        times = created.dt.floor("min").dt.tz_convert(zone)  # floored at UTC: no daylight-saving fold
        moved = int((times.dt.tz_localize(None).dt.normalize() != days).sum())
        report.warnings.append(Message("imports.x_content.times_from_ids" if moved
                                       else "imports.x_content.times_from_ids_same_day", moved=moved,
                                       total=len(days), zone=zone))
        return times, "minute"
    # midnight can fall in a daylight-saving gap or overlap (zones that switch at 00:00)
    midnight = days.dt.tz_localize(zone, nonexistent="shift_forward", ambiguous=np.ones(len(days), dtype=bool))
    if len(days):
        first = (~fits).idxmax()
        row, date = str(int(rows[first])), days[first].date()
        example = (Message("imports.x_content.id_day_example", row=row, date=date,
                           created=created[first].tz_convert(zone).date()) if pd.notna(created[first])
                   else Message("imports.x_content.id_no_time_example", row=row, date=date,
                                id=quoted(str(post_ids[first]))))
        report.warnings.append(Message("imports.x_content.ids_off_dates", count=int((~fits).sum()),
                                       total=len(days), example=example, zone=zone))
    return midnight, "day"


FAMILY = Family(
    name="x_content",
    platforms=("x",),
    label=Message("imports.family.x_content"),
    signature=("post id", "date", "post text", "impressions", "likes", "engagements", "bookmarks"),
    read=read_x_content,
)
