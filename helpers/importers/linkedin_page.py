"""LinkedIn company-page content export (xlsx), sheet `All posts`: one post per `Post link`.

Quirks handled: row 1 of the sheet is a sentence and row 2 the header (found by `reading.read_sheet`,
which skips blank rows); `Created date` is text MM/DD/YYYY (precision 'day'); CTR and engagement rate
are fractions and are not imported (they are derivable from clicks, interactions, follows and impressions). A boosted post appears as several rows with the same link: its
`Organic` row, one `Sponsored` row per campaign and a `Total` row whose counts are the sum of the others.
Each post is counted once: from its `Total` row when there is one, else (a post with only an Organic row,
or an export without Total rows) the sum of its rows, with a warning when rows had to be summed. `paid` is
True when a Sponsored row delivered impressions, False when the post only has organic rows (a Sponsored row
with 0 impressions is a campaign that never ran; a warning lists such posts). The daily `Metrics` sheet is
channel-level and read by daily_linkedin: loading the workbook feeds both tables (Family.daily_family).
LinkedIn exports both sheets for the one date range chosen for the download, so the Metrics sheet's first
and last day are the days the export covers (sources.stated_days), as a Business Suite file's name gives
them. The number in the file name (`_content_1753863379800`) reads as a Unix time in milliseconds two days
after the Metrics sheet's last day in the one real export seen, but nothing in the file says what it is,
so it is not taken for the download's time.

Mapping: Post link -> permalink, the `urn:li:...` in it -> post_id, Post title -> text, Impressions ->
impressions ('impressions'), Clicks -> clicks, Likes -> reactions, Comments -> comments, Reposts -> shares,
Follows -> follows_gained, Views -> video_views, Content Type -> format; platform_engagements is LinkedIn's
own count behind its engagement rate (linkedin_engagements). The sheet has no reach (unique
impressions exist only in the daily Metrics sheet). The account is the page name at the start of the file
name (`<page>_content_<number>.xlsx`), NA otherwise.
"""
from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from ..errors import ExportFormatError
from ..i18n import Message, quoted
from ..quality import row_list
from .base import Columns, Family, ImportedFile, begin_report, interaction_column_notes, table_notes
from .reading import read_sheet
from .values import to_local_datetime, to_number

SHEET = "All posts"

# canonical column -> header names that carry it (first one present wins)
#: Columns every LinkedIn post export writes a figure in for every post (empty_column_notes).
FILLED = ("Impressions", "Clicks", "Likes", "Reactions", "Comments", "Reposts")
COUNTS = {
    "impressions": ("Impressions",),
    "clicks": ("Clicks",),
    "reactions": ("Likes", "Reactions"),
    "comments": ("Comments",),
    "shares": ("Reposts", "Shares"),
    "follows_gained": ("Follows",),
    "video_views": ("Views", "Video views"),
}

#: The interaction counts every `All posts` sheet carries: without one, interactions and rates read low.
INTERACTIONS = ("reactions", "comments", "shares")
ROW_KINDS = ("organic", "sponsored", "total")
_URN = re.compile(r"(urn:li:[a-z_]+:\d+)", re.IGNORECASE)
_FILE_ACCOUNT = re.compile(r"^(.+?)_content_\d+$")


def read_linkedin_page(path: Path, *, timezone: str | None = None, **_) -> ImportedFile:
    """Read the `All posts` sheet of a LinkedIn page content export into canonical rows, one per post."""
    path = Path(path)
    table = read_sheet(path, SHEET, "Post link", date_format="%m/%d/%Y",  # a date cell: the text LinkedIn writes
                       hint=Message("imports.linkedin_page.sheet_hint"))
    table, report = begin_report(table, FAMILY, "linkedin")
    header, keys, frame = table.header, table.keys, table.frame
    cols = Columns(header, keys)
    rows = table.source_rows()  # sheet rows: row 1 is a sentence, the header row 2
    for needed in ("Post link", "Created date"):
        if needed not in cols:
            raise ExportFormatError(path, Message("imports.linkedin_page.missing_column", sheet=quoted(SHEET),
                                                  column=quoted(needed)),
                                    column=_in_sheet(needed),
                                    expected=Message("imports.linkedin_page.header_expected"),
                                    hint=Message("imports.linkedin_page.header_hint"))

    link = frame[cols.key("Post link")].str.strip()
    blank_link = link.eq("")
    report.drop(Message("imports.linkedin_page.no_post_link"), int(blank_link.sum()))
    frame, rows, link = frame[~blank_link], rows[~blank_link], link[~blank_link]

    kind_key = cols.key("Post type")
    kind = frame[kind_key].str.strip().str.casefold() if kind_key else pd.Series("organic", index=frame.index)
    kind = kind.replace("", "organic")
    unknown = ~kind.isin(ROW_KINDS)
    if unknown.any():
        first = unknown.idxmax()
        raise ExportFormatError(path, Message("imports.linkedin_page.unknown_row_kind", sheet=quoted(SHEET),
                                              value=quoted(frame.loc[first, kind_key])),
                                row=int(rows[first]), column=_in_sheet("Post type"),
                                expected=Message("imports.linkedin_page.row_kinds_expected"),
                                hint=Message("imports.linkedin_page.redownload_hint"))

    counts = {}
    for canonical, names in COUNTS.items():
        key = cols.key(*names)
        if key is not None:
            counts[canonical] = to_number(frame[key], path=path, column=_in_sheet(header[keys.index(key)]),
                                          rows=rows, decimal=table.decimal_mark)
    created = to_local_datetime(frame[cols.key("Created date")], fmt="%m/%d/%Y", timezone=timezone or "UTC",
                                path=path, column=_in_sheet("Created date"), rows=rows)

    posts = []
    summed, unrun = 0, []
    for post_link, group in frame.groupby(link, sort=False):
        kinds = kind[group.index]
        totals = group.index[kinds.eq("total")]
        chosen = totals[0] if len(totals) else group.index[0]
        record = {
            "platform": "linkedin",
            "post_id": _post_id(post_link),
            "permalink": post_link,
            "published_at": created[chosen],
            "source_row": rows[chosen],
        }
        if len(totals) > 1:
            raise ExportFormatError(path, Message("imports.linkedin_page.several_total_rows", sheet=quoted(SHEET),
                                                  link=post_link, count=len(totals)),
                                    row=int(rows[totals[1]]), column=_in_sheet("Post type"),
                                    expected=Message("imports.linkedin_page.one_total_expected"),
                                    hint=Message("imports.linkedin_page.redownload_hint"))
        if len(totals) == 0 and len(group) > 1:
            summed += 1
        for canonical, values in counts.items():
            if len(totals):
                record[canonical] = values[chosen]
            else:
                part = values[group.index]
                record[canonical] = part.sum() if part.notna().any() else pd.NA
        sponsored = group.index[kinds.eq("sponsored")]
        if len(sponsored) and "impressions" in counts:
            delivered = counts["impressions"][sponsored].fillna(0).sum() > 0
            record["paid"] = bool(delivered)
            if not delivered:
                unrun.append(int(rows[sponsored[0]]))
        elif len(sponsored):
            record["paid"] = True
        else:
            record["paid"] = False
        organic = group.index[kinds.eq("organic")]
        text_source = organic[0] if len(organic) else chosen
        record["text"] = _cell(frame, cols, "Post title", text_source)
        content_type = _cell(frame, cols, "Content Type", text_source)
        record["format"] = content_type.casefold() if isinstance(content_type, str) else pd.NA
        created_dates = created[group.index].unique()
        if len(created_dates) > 1:
            report.warnings.append(Message("imports.linkedin_page.created_dates_differ_total" if len(totals)
                                           else "imports.linkedin_page.created_dates_differ_first", link=post_link))
        posts.append(record)
    if summed:
        report.warnings.append(Message("imports.linkedin_page.rows_summed", count=summed))
    if unrun:
        report.warnings.append(Message("imports.linkedin_page.campaign_not_run", count=len(unrun),
                                       rows=row_list(unrun, 10)))

    out = pd.DataFrame(posts)
    if len(out):
        out["impressions_kind"] = pd.Series("impressions", index=out.index, dtype="string").where(
            out["impressions"].notna()) if "impressions" in out else pd.NA
        for canonical in counts:
            out[canonical] = out[canonical].astype("Int64")
        out["platform_engagements"] = linkedin_engagements(out)
        out["paid"] = out["paid"].astype("boolean")
        out["source_row"] = out["source_row"].astype("Int64")
        out["published_precision"] = "day"
        match = _FILE_ACCOUNT.match(path.stem)
        out["account"] = match.group(1) if match else pd.NA
        out["source_file"] = str(path)
    report.warnings += interaction_column_notes(cols, {c: COUNTS[c] for c in INTERACTIONS}, set(counts),
                                                FAMILY.label)
    merged = len(frame) - len(out)
    report.drop(Message("imports.linkedin_page.boosted_rows_merged"), merged)
    report.warnings += table_notes(table, cols, filled=FILLED, posts=out.index)
    if "clicks" in out:
        report.counted["clicks"] = Message("imports.linkedin_page.clicks_counted")
    report.rows_imported = len(out)
    return ImportedFile(posts=out, report=report)


#: What LinkedIn counts as a post's engagements: its engagement rate is these ÷ impressions.
ENGAGEMENT_PARTS = ("clicks", "reactions", "comments", "shares", "follows_gained")


def linkedin_engagements(posts: pd.DataFrame) -> pd.Series:
    """LinkedIn's own engagement count of each post: clicks + likes + comments + reposts + follows, whose
    ratio to impressions is the sheet's `Engagement rate` (checked on a real export: every Organic row
    agrees). Kept apart from interactions, which leave clicks and follows out (METRICS.md). A blank count
    adds nothing, as in LinkedIn's rate; NA when the post reports none of them, and for every post when the
    sheet lacks one of the columns (a renamed 'Likes'): a partial sum would pass for LinkedIn's count."""
    if any(part not in posts for part in ENGAGEMENT_PARTS):
        return pd.Series(pd.NA, index=posts.index, dtype="Int64")
    parts = posts[list(ENGAGEMENT_PARTS)].astype("Int64")
    return parts.sum(axis=1, min_count=1).astype("Int64")


def _in_sheet(column: str) -> str:
    """A column name as errors show it, with the sheet it is on."""
    return f"{column} (sheet {SHEET})"


def _post_id(link: str) -> str:
    """The `urn:li:activity:...` (or share/ugcPost) in a post link; the whole link when there is none."""
    match = _URN.search(link)
    return match.group(1) if match else link


def _cell(frame: pd.DataFrame, cols: Columns, name: str, index) -> object:
    key = cols.key(name)
    if key is None:
        return pd.NA
    value = frame.at[index, key]
    return value if str(value).strip() else pd.NA


FAMILY = Family(
    name="linkedin_page_posts",
    platforms=("linkedin",),
    label=Message("imports.family.linkedin_page"),
    signature=("post link", "post type", "created date", "campaign name"),
    spreadsheet=True,
    daily_family="linkedin_page_metrics",
    download=Message("imports.family.linkedin_page_download"),
    read=read_linkedin_page,
)
