"""The UCI "Facebook metrics" research dataset (Moro, Rita & Vala 2016): 500 posts of a cosmetics brand's
Facebook page published in 2014, imported as what it is. A file holding fewer or more posts is imported with
a note (_size_note): it may be cut off, or have had rows added.

The file (`;`-separated, CRLF) has no post ids and no dates: only `Post Month`, `Post Weekday` and
`Post Hour`. So:

- post_id is synthetic, `uci-0001` ... in row order (row 2 of the file is `uci-0001`);
- published_at uses the reference year 2014 (the year the dataset description gives) and is the first
  day of that month whose weekday matches `Post Weekday`, at `Post Hour`:00. published_precision is
  'month': month, weekday and hour are real, the day of the month is not.
- `Post Weekday` counts 1 = Sunday ... 7 = Saturday. The dataset's description does not say; the data
  does: the rows run newest first, and at 9 of the 11 month boundaries the first post of a month and the
  last post of the previous month are one day apart only under 1 = Sunday (e.g. 2014-12-01 was a
  Monday, coded 2, and the last November post is coded 1, Sunday 2014-11-30). Under any other origin at
  least 8 of the 11 boundaries show a gap of 8 days or more, for a page that posts almost daily.

Columns: reach = Lifetime Post Total Reach; impressions = Lifetime Post Total Impressions (kind
'impressions'); reactions = like; comments = comment; shares = share; clicks = Lifetime Post Consumptions
("clicks anywhere in the post", the same metric the legacy Insights export calls clicks); followers =
Page total likes; paid from Paid (0/1; blank is NA); format from Type. The description says there are no
missing values, yet six cells are blank (like once, share four times, Paid once). The source's `Total
Interactions` is like + comment + share on every post that reports all three, and on the four posts with a
blank like or share it is the sum of the cells reported: by the file's own total those blanks are 0, so a
blank like, comment or share is read as 0 where the row's Total Interactions is reported and equals the sum
of its reported ones (_blanks_the_total_counts_as_0), with a note naming the rows; elsewhere a blank stays
NA (missing is not zero). The total itself is not imported: it is the interactions the workbook computes.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from ..errors import ExportFormatError
from ..i18n import Message, quoted
from ..quality import flagged_rows
from .base import Columns, Family, ImportedFile, begin_report, table_notes
from .reading import read_delimited
from .values import is_blank, to_number

REFERENCE_YEAR = 2014
#: The posts the dataset holds as published (its description: 500 posts).
DATASET_POSTS = 500
ACCOUNT = "UCI cosmetics brand (Moro et al. 2016)"
FORMATS = {"photo": "photo", "status": "text", "link": "link", "video": "video"}

COUNTS = {
    "reach": "Lifetime Post Total Reach",
    "impressions": "Lifetime Post Total Impressions",
    "reactions": "like",
    "comments": "comment",
    "shares": "share",
    "clicks": "Lifetime Post Consumptions",
    "followers": "Page total likes",
}
#: The interaction columns the file's own Total Interactions adds up (like + comment + share).
TOTAL = "Total Interactions"
INTERACTIONS = ("reactions", "comments", "shares")
#: field -> (column, lowest, highest)
TIMING = {"month": ("Post Month", 1, 12), "weekday": ("Post Weekday", 1, 7), "hour": ("Post Hour", 0, 23)}


def first_matching_day(year: int, month: pd.Series, weekday_sun1: pd.Series) -> pd.Series:
    """Day of month of the first date in (year, month) whose weekday is `weekday_sun1` (1 = Sunday)."""
    first = pd.to_datetime(pd.DataFrame({"year": year, "month": month, "day": 1}))
    first_sun1 = (first.dt.day_of_week + 1) % 7 + 1  # pandas: Monday = 0 -> 2, Sunday = 6 -> 1
    return 1 + (weekday_sun1 - first_sun1) % 7


def read_uci_facebook_metrics(path: Path, *, timezone: str | None = None, reference_year: int = REFERENCE_YEAR,
                              **_) -> ImportedFile:
    """Read the UCI dataset into canonical rows (client not yet set); times are placed in `timezone` or UTC.

    The posts' year is the dataset's own (`reference_year`). The `year=` option given for exports whose
    year is unknown (TikTok Studio) does not apply: a folder mixing both would otherwise move these posts
    to the TikTok export's year."""
    path = Path(path)
    table = read_delimited(path)
    cols = Columns(table.header, table.keys)
    needed = [c for c in [*COUNTS.values(), "Type", "Paid", *(t[0] for t in TIMING.values())] if c not in cols]
    if needed:
        raise ExportFormatError(path, Message("imports.uci_facebook_metrics.missing_columns",
                                              columns=[quoted(c) for c in needed]),
                                column=needed[0], expected=Message("imports.uci_facebook_metrics.as_published"))
    table, report = begin_report(table, FAMILY, "facebook")
    frame, rows = table.frame, table.source_rows()

    timing = {}
    for field, (column, low, high) in TIMING.items():
        values = to_number(frame[cols.key(column)], path=path, column=column, rows=rows,
                           decimal=table.decimal_mark)
        bad = values.isna() | (values < low) | (values > high)
        if bad.any():
            first = bad.idxmax()
            raise ExportFormatError(path, Message("imports.uci_facebook_metrics.out_of_range", count=int(bad.sum()),
                                                  low=low, high=high,
                                                  first=quoted(frame.loc[first, cols.key(column)])),
                                    row=int(rows[first]), column=column,
                                    expected=Message("imports.uci_facebook_metrics.whole_number", low=low, high=high))
        timing[field] = values.astype(int)

    day = first_matching_day(reference_year, timing["month"], timing["weekday"])
    naive = pd.to_datetime(pd.DataFrame({"year": reference_year, "month": timing["month"], "day": day,
                                         "hour": timing["hour"]}))
    out = pd.DataFrame(index=frame.index)
    out["platform"] = "facebook"
    out["account"] = ACCOUNT
    out["post_id"] = [f"uci-{i:04d}" for i in range(1, len(frame) + 1)]
    out["published_at"] = naive.dt.tz_localize(timezone or "UTC", ambiguous=np.ones(len(naive), dtype=bool),
                                               nonexistent="shift_forward")
    out["published_precision"] = "month"
    post_type = frame[cols.key("Type")].str.strip().str.casefold()
    out["format"] = post_type.map(FORMATS).fillna(post_type).replace("", pd.NA)
    for canonical, column in COUNTS.items():
        out[canonical] = to_number(frame[cols.key(column)], path=path, column=column, rows=rows,
                           decimal=table.decimal_mark)
    out["impressions_kind"] = pd.Series("impressions", index=out.index, dtype="string").where(
        out["impressions"].notna())
    out["paid"] = _paid(frame[cols.key("Paid")], path, rows)
    out["source_file"] = str(path)
    out["source_row"] = rows

    zeroed = _blanks_the_total_counts_as_0(out, frame, cols, path=path, rows=rows, decimal=table.decimal_mark)
    if zeroed.any(axis=None):
        for canonical in INTERACTIONS:
            out.loc[zeroed[canonical], canonical] = 0
        report.warnings.append(Message(
            "imports.uci_facebook_metrics.blanks_by_total", count=int(zeroed.any(axis=1).sum()),
            rows=flagged_rows(out, zeroed.any(axis=1)), columns=[
                Message("imports.uci_facebook_metrics.blank_column", column=COUNTS[c], count=int(zeroed[c].sum()))
                for c in INTERACTIONS if zeroed[c].any()]))
    blanks = {column: int(is_blank(frame[cols.key(column)]).sum()) - (int(zeroed[c].sum()) if c in zeroed else 0)
              for c, column in [*COUNTS.items(), ("paid", "Paid")]}  # the blanks left unknown
    blanks = {c: n for c, n in blanks.items() if n}
    if blanks:
        report.warnings.append(Message("imports.uci_facebook_metrics.blank_cells", columns=[
            Message("imports.uci_facebook_metrics.blank_column", column=c, count=n) for c, n in blanks.items()]))
    report.warnings.append(Message("imports.uci_facebook_metrics.synthetic_dates", year=str(reference_year)))
    report.warnings += _size_note(len(out), rows)
    report.warnings += table_notes(table, cols)
    if "clicks" in out:
        report.counted["clicks"] = Message("imports.uci_facebook_metrics.clicks_counted")
    report.rows_imported = len(out)
    return ImportedFile(posts=out, report=report)


def _blanks_the_total_counts_as_0(out: pd.DataFrame, frame: pd.DataFrame, cols: Columns, *, path: Path,
                                  rows: pd.Series, decimal: str | None) -> pd.DataFrame:
    """Which blank like, comment and share cells (INTERACTIONS, one column each) the file's own Total
    Interactions counts as 0: those of rows whose total is reported and equals the sum of the cells they do
    report. All False where the file has no such column, or the total is blank or tells otherwise (the blank
    then stays unknown). Only the totals of rows with a blank are read: the column is not imported."""
    blank = out[list(INTERACTIONS)].isna()
    some = blank.any(axis=1)
    if TOTAL not in cols or not some.any():
        return blank & False
    total = to_number(frame.loc[some, cols.key(TOTAL)], path=path, column=TOTAL, rows=rows[some], decimal=decimal)
    reported = out.loc[some, list(INTERACTIONS)].sum(axis=1)  # blanks skipped
    agrees = total.eq(reported).fillna(False).astype(bool).reindex(out.index, fill_value=False)
    return blank.apply(lambda column: column & agrees)


def _size_note(count: int, rows: pd.Series) -> list[Message]:
    """A note when the file holds other than DATASET_POSTS posts: the dataset as published holds 500, and a copy
    cut after some rows (a download or a copy that stopped early) reads without an error, its figures those of
    the posts it kept; one with more has had rows added (pasted twice, or another file's)."""
    if count == DATASET_POSTS:
        return []
    key = ("imports.uci_facebook_metrics.posts_fewer" if count < DATASET_POSTS
           else "imports.uci_facebook_metrics.posts_more")
    return [Message(key, count=count, expected=DATASET_POSTS,
                    last=str(int(rows.max())) if count else "1")]


def _paid(cells: pd.Series, path: Path, rows: pd.Series) -> pd.Series:
    """Paid 1 -> True, 0 -> False, blank -> NA; anything else is an error naming the row."""
    text = cells.str.strip()
    blank = is_blank(text)
    bad = ~blank & ~text.isin(["0", "1"])
    if bad.any():
        first = bad.idxmax()
        raise ExportFormatError(path, Message("imports.uci_facebook_metrics.paid_not_binary", count=int(bad.sum()),
                                              first=quoted(text[first])),
                                row=int(rows[first]), column="Paid",
                                expected=Message("imports.uci_facebook_metrics.paid_expected"))
    return text.eq("1").astype("boolean").where(~blank, pd.NA)


FAMILY = Family(
    name="uci_facebook_metrics",
    platforms=("facebook",),
    label=Message("imports.family.uci_facebook_metrics"),
    signature=("post month", "post weekday", "post hour", "lifetime post total reach", "paid", "type"),
    read=read_uci_facebook_metrics,
)
