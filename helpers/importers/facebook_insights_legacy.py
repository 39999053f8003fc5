"""Legacy Facebook Insights "Post Level" exports (the Insights data export used before 2018).

Quirks handled: UTF-8 with BOM; row 2 is not a post but describes each column ("Lifetime: The total
number of people your Page post was served to. (Unique Users)"); some header names repeat and only the
description's unit, "(Total Count)" or "(Unique Users)", tells them apart; breakdown columns ("... by
action type - like") carry the description on the first of the group only; `Posted` is
`01/19/2017 09:03:47 AM` in the page's local time without a zone (so a time zone must be given).

Column choices: reach = Lifetime Post Total Reach (unique users); impressions = Lifetime Post Total
Impressions (a total count, kind 'impressions'); clicks = Lifetime Post Consumptions ("clicks anywhere in
your post", a total count); reactions / comments / shares = Lifetime Post Stories by action type - like /
comment / share (total counts of stories). When an export has only "Lifetime Talking About This (Post) by
action type - ..." those are used instead, with a warning: they count unique people, not actions.
paid = True when paid reach (or paid impressions) is above 0.
"""
from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from ..errors import ExportFormatError
from ..i18n import Message, metric_label, quoted
from .base import Columns, Family, FileReport, ImportedFile, begin_report, table_notes
from .reading import TextTable, read_delimited
from .values import to_local_datetime, to_number

FORMATS = {
    "photo": "photo", "link": "link", "status": "text", "video": "video", "shared video": "video",
    "event": "event", "offer": "offer", "note": "text", "music": "link",
}

POSTED_FORMAT = "%m/%d/%Y %I:%M:%S %p"  # 01/19/2017 09:03:47 AM

#: the export's own file name: "Facebook Insights Data Export (Post Level) - <Page> - <YYYY-MM-DD>.csv"
_FILE_NAME = re.compile(r"Facebook Insights Data Export \(Post Level\) - (.+) - \d{4}-\d{2}-\d{2}", re.I)

# canonical -> (preferred columns, in order, each with the unit its description must show)
_ACTIONS = {"reactions": "like", "comments": "comment", "shares": "share"}


class _Described:
    """The columns of a legacy export, told apart by name and, for repeated names, by description unit."""

    def __init__(self, table: TextTable, descriptions: dict[str, str] | None, report: FileReport):
        self.table = table
        self.cols = Columns(table.header, table.keys)
        self.descriptions = descriptions or {}
        self.report = report

    def key(self, name: str, unit: str | None = None) -> str | None:
        """The key of column `name`; for a repeated name, the one whose description ends with `(unit)`."""
        keys = self.cols.all_keys(name)
        if len(keys) <= 1 or unit is None:
            return keys[0] if keys else None
        marker = f"({unit})".casefold()
        for key in keys:
            if self.descriptions.get(key, "").strip().casefold().endswith(marker):
                return key
        folded = unit.casefold()
        counts = (Message("imports.facebook_insights_legacy.unit_unique_users") if folded == "unique users"
                  else Message("imports.facebook_insights_legacy.unit_total_count") if folded == "total count"
                  else unit.lower())
        self.report.warnings.append(Message("imports.facebook_insights_legacy.repeated_column", column=quoted(name),
                                            times=len(keys), unit=counts))
        return keys[0]

    def name_of(self, key: str) -> str:
        return self.table.header[self.table.keys.index(key)]


def _description_row(table: TextTable, cols: Columns) -> pd.Series:
    """True for the export's row of column descriptions ("Lifetime: ..."), when it is the first row holding
    anything (a blank row a re-save put above it is no row of the export); all False without one."""
    found = pd.Series(False, index=table.frame.index)
    filled = ~table.blank_rows()
    if not filled.any():
        return found
    first = table.frame.loc[filled.idxmax()]
    id_key = cols.key("Post ID")
    no_id = id_key is None or not str(first[id_key]).strip()
    described = sum(str(cell).strip().casefold().startswith(("lifetime:", "daily:")) for cell in first)
    found[first.name] = no_id and described > 0
    return found


def read_facebook_insights_legacy(path: Path, *, timezone: str | None = None, **_) -> ImportedFile:
    """Read one legacy Insights post-level export into canonical rows (client not yet set)."""
    path = Path(path)
    table = read_delimited(path)
    cols = Columns(table.header, table.keys)
    description = _description_row(table, cols)
    descriptions = dict(table.frame[description].iloc[0]) if description.any() else None
    table, report = begin_report(table.without_rows(description), FAMILY, "facebook")
    frame, rows = table.frame, table.source_rows()
    if timezone is None:
        raise ExportFormatError(path, Message("imports.facebook_insights_legacy.no_timezone"), column="Posted",
                                hint=Message("imports.no_timezone_hint"))
    for needed in ("Post ID", "Posted"):
        if needed not in cols:
            raise ExportFormatError(path, Message("imports.facebook_insights_legacy.missing_column",
                                                  column=quoted(needed)), column=needed,
                                    expected=Message("imports.facebook_insights_legacy.missing_column_expected"))
    described = _Described(table, descriptions, report)

    post_id = frame[cols.key("Post ID")].str.strip()
    no_id = post_id.eq("")
    report.drop(Message("imports.facebook_insights_legacy.empty_post_id"), int(no_id.sum()))
    frame, rows, post_id = frame[~no_id], rows[~no_id], post_id[~no_id]

    def number(name: str, unit: str | None = None) -> pd.Series | None:
        key = described.key(name, unit)
        if key is None:
            return None
        return to_number(frame[key], path=path, column=described.name_of(key), rows=rows,
                         decimal=table.decimal_mark)

    def text(name: str) -> pd.Series | None:
        key = cols.key(name)
        return None if key is None else frame[key].str.strip().replace("", pd.NA)

    out = pd.DataFrame(index=frame.index)
    out["platform"] = "facebook"
    match = _FILE_NAME.search(path.stem)
    out["account"] = match.group(1).strip() if match else pd.NA
    out["post_id"] = post_id
    out["published_at"] = to_local_datetime(frame[cols.key("Posted")], fmt=POSTED_FORMAT, timezone=timezone,
                                            path=path, column="Posted", rows=rows, notes=report.warnings)
    out["published_precision"] = "minute"
    post_type = text("Type")
    if post_type is not None:
        lowered = post_type.str.casefold()
        out["format"] = lowered.map(FORMATS).fillna(lowered)
    out["text"] = text("Post Message")
    out["permalink"] = text("Permalink")
    out["reach"] = number("Lifetime Post Total Reach", "Unique Users")
    impressions = number("Lifetime Post Total Impressions", "Total Count")
    if impressions is not None:
        out["impressions"] = impressions
        out["impressions_kind"] = pd.Series("impressions", index=out.index, dtype="string").where(
            impressions.notna())
    out["clicks"] = number("Lifetime Post Consumptions", "Total Count")
    _actions(out, number, described, report)
    _video(out, number)
    out["paid"] = _paid(number, frame.index)
    out["source_file"] = str(path)
    out["source_row"] = rows
    report.warnings += table_notes(table, cols)
    if "clicks" in out:
        report.counted["clicks"] = Message("imports.facebook_insights_legacy.clicks_counted")
    report.rows_imported = len(out)
    return ImportedFile(posts=out, report=report)


def _actions(out: pd.DataFrame, number, described: _Described, report: FileReport) -> None:
    """Reactions, comments and shares: story counts when present, else unique people (with a warning)."""
    used_people = []
    for canonical, action in _ACTIONS.items():
        values = number(f"Lifetime Post Stories by action type - {action}")
        if values is None:
            values = number(f"Lifetime Talking About This (Post) by action type - {action}")
            if values is not None:
                used_people.append(canonical)
        if values is not None:
            out[canonical] = values
            blank = int(values.isna().sum())
            if blank:
                report.warnings.append(Message("imports.facebook_insights_legacy.blank_breakdown",
                                               metric=metric_label(canonical), count=blank))
    if used_people:
        report.warnings.append(Message("imports.facebook_insights_legacy.people_not_actions",
                                       metrics=[metric_label(m) for m in used_people]))


def _video(out: pd.DataFrame, number) -> None:
    """3-second video views (organic + paid total counts) and view time, for video posts only.

    The export writes 0 for posts that are not videos; for them the metric does not apply, so NA.
    """
    total = number("Lifetime Total Video Views", "Total Count")
    if total is None:
        organic = number("Lifetime Organic Video Views", "Total Count")
        paid = number("Lifetime Paid Video Views", "Total Count")
        if organic is not None and paid is not None:
            total = organic + paid
        else:
            total = organic if organic is not None else paid
    view_ms = number("Lifetime Total Video View Time (in MS)", "Total Count")
    fmt = out["format"] if "format" in out else pd.Series(pd.NA, index=out.index, dtype="string")
    applies = (fmt.eq("video") | fmt.isna()).fillna(True).astype(bool)  # unknown type: keep the value
    if total is not None:
        out["video_views"] = total.where(applies)
    if view_ms is not None:
        out["watch_time_seconds"] = (view_ms.astype("Float64") / 1000).where(applies)


def _paid(number, index: pd.Index) -> pd.Series:
    """True when paid reach or paid impressions is above 0, False when reported as 0, else NA."""
    found = [values for name, unit in (("Lifetime Post Paid Reach", "Unique Users"),
                                       ("Lifetime Post Paid Impressions", "Total Count"))
             if (values := number(name, unit)) is not None]
    paid = pd.Series(pd.NA, index=index, dtype="boolean")
    for values in found:
        paid = paid.mask(values.eq(0).fillna(False).astype(bool) & paid.isna(), False)
    for values in found:
        paid = paid.mask(values.gt(0).fillna(False).astype(bool), True)
    return paid


FAMILY = Family(
    name="facebook_insights_legacy",
    platforms=("facebook",),
    label=Message("imports.family.facebook_insights_legacy"),
    signature=("post id", "posted", "lifetime post total reach", "lifetime post total impressions"),
    read=read_facebook_insights_legacy,
)
