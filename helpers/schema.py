"""The canonical post table: the one contract between the importers and the analysis.

One row per post. Every importer returns exactly these columns with these types; everything downstream
reads only this table. A metric that a platform or an export does not report is NA, never 0.
Validation (pandera) turns a violation into an error that names the file, the column and the rows.
"""
from __future__ import annotations

import re
from functools import lru_cache

import pandas as pd
import pandera.pandas as pa

from .errors import WorkbookError

PRECISIONS = ("minute", "day", "month")
#: What an `impressions` value counts: impressions, Meta's views (repeats counted), or YouTube's thumbnail
#: impressions (times a thumbnail was shown, not the video).
IMPRESSION_KINDS = ("impressions", "views", "thumbnail_impressions")
PLATFORMS = ("facebook", "instagram", "x", "youtube", "tiktok", "linkedin")
#: Other names analysts and scheduling tools give the platforms, folded (lower case, letters and digits only;
#: see platform_code): 'Twitter' or 'X (Twitter)' for x, 'IG' for instagram. 'Tik Tok' and 'Linked In' fold to
#: the names themselves.
PLATFORM_ALIASES = {"twitter": "x", "xtwitter": "x", "twitterx": "x", "xcom": "x", "xformerlytwitter": "x",
                    "fb": "facebook", "ig": "instagram", "insta": "instagram", "yt": "youtube"}


#: What scheduling tools write after a platform's name for the kind of account that posted, folded: 'Facebook
#: Page', 'Facebook Group', 'Instagram Business', 'LinkedIn Company Page', 'YouTube Channel', Hootsuite's
#: 'FACEBOOKPAGE' and 'INSTAGRAMBUSINESS'. The posts are the platform's all the same.
ACCOUNT_KIND = re.compile(r"(?:business|company|creator|showcase|personal)?(?:page|account|profile|group|channel)?$")


def platform_code(name) -> str | None:
    """The platform (one of PLATFORMS) a name means however it is written: 'Instagram', 'Twitter', 'fb',
    'Tik Tok', 'linked-in', and as scheduling tools write their network column: 'X (Twitter)', 'Twitter/X',
    'X.com', 'Facebook Page', 'INSTAGRAMBUSINESS' (ACCOUNT_KIND); None for a name of no platform ('Threads
    Profile', 'Pinterest Business' too). The explorer answers a name it does not hold with the one meant
    (explore.select_posts)."""
    folded = re.sub(r"[\W_]+", "", str(name).casefold())
    for written in (folded, ACCOUNT_KIND.sub("", folded, count=1)):
        if written in PLATFORMS or written in PLATFORM_ALIASES:
            return PLATFORM_ALIASES.get(written, written)
    return None


# Counts that cannot be negative. `follows_gained` is a net change and may be.
COUNT_COLUMNS = (
    "reach", "impressions", "reactions", "comments", "shares", "saves", "clicks",
    "video_views", "engaged_views", "followers", "platform_engagements",
)

#: column -> (pandas dtype, meaning). The order here is the order of the table.
POST_COLUMNS: dict[str, tuple[str, str]] = {
    "client": ("string", "client id from the roster, or the name given to load_exports"),
    "platform": ("string", "facebook, instagram, x, youtube, tiktok or linkedin"),
    "account": ("string", "page, account or channel name as exported"),
    "post_id": ("string", "the platform's post id, kept as text (long ids lose digits as numbers)"),
    "published_at": ("datetime", "publish time, time-zone aware, in the client's time zone"),
    "published_precision": ("string", "'minute', 'day' (date-only exports) or 'month' (weekday and hour"
                            " real, day of month not): analyses of hour or weekday use only rows precise enough"),
    "format": ("string", "photo, video, reel, carousel, link, text, ... (lower case)"),
    "text": ("string", "caption, title or post text: untrusted, escape before showing as HTML"),
    "permalink": ("string", "link to the post"),
    "paid": ("boolean", "True when the post had paid distribution; NA when the export does not say"),
    "reach": ("Int64", "unique accounts that saw the post (Meta: estimated)"),
    "impressions": ("Int64", "times the post was on screen; Meta 'Views' after 2025-04 (see impressions_kind)"),
    "impressions_kind": ("string", "'impressions', 'views' (views count repeat views) or 'thumbnail_impressions' "
                                   "(YouTube: times a thumbnail was shown); not comparable with each other"),
    "reactions": ("Int64", "likes and reactions (applause)"),
    "comments": ("Int64", "comments and replies (conversation)"),
    "shares": ("Int64", "shares, reposts, retweets (amplification)"),
    "saves": ("Int64", "saves and bookmarks"),
    "clicks": ("Int64", "clicks of any kind, as the platform counts them"),
    "video_views": ("Int64", "video views as the platform counts them (3-second views on Meta; YouTube's Views,"
                             " which count every start or replay of a Short since 31 March 2025)"),
    "engaged_views": ("Int64", "YouTube's Engaged views, where the export has them: views counted as Views were"
                               " before 31 March 2025 (a Short's replays not counted). Kept beside video_views so"
                               " the report can say where the two part (compare.views_with_replays); no metric"
                               " is computed from them"),
    "watch_time_seconds": ("Float64", "total time watched, in seconds"),
    "followers": ("Int64", "followers at the time of posting, when known (from a daily series: the total at the end"
                           " of the day before)"),
    "follows_gained": ("Int64", "follows (net subscribers on YouTube) attributed to the post"),
    "spend": ("Float64", "amount spent on the post, in the account currency, when known"),
    "platform_engagements": ("Int64", "the platform's own 'engagements' figure, kept apart from interactions"),
    "source_file": ("string", "the export file the row came from"),
    "source_row": ("Int64", "row of the source file, counting the header as row 1 (as a spreadsheet shows it)"),
}

REQUIRED_NON_NULL = ("client", "platform", "post_id", "published_at", "published_precision", "source_file")


def _dtype(name: str, kind: str, tz: str) -> object:
    return pd.DatetimeTZDtype(tz=tz) if kind == "datetime" else kind


def empty_posts(timezone: str = "UTC") -> pd.DataFrame:
    """An empty canonical post table with the right columns and types."""
    return pd.DataFrame({c: pd.Series(dtype=_dtype(c, k, timezone)) for c, (k, _) in POST_COLUMNS.items()})


def conform(frame: pd.DataFrame, timezone: str = "UTC") -> pd.DataFrame:
    """Return `frame` with exactly the canonical columns in order and type; absent columns become NA."""
    out = {}
    n = len(frame)
    for col, (kind, _) in POST_COLUMNS.items():
        dtype = _dtype(col, kind, timezone)
        if col in frame:
            s = frame[col]
            if kind == "datetime":
                s = s.dt.tz_convert(timezone) if s.dt.tz is not None else s
            out[col] = s.astype(dtype)
        else:
            out[col] = pd.Series(pd.NA, index=frame.index, dtype=dtype) if n else pd.Series(dtype=dtype)
    return pd.DataFrame(out, index=frame.index)


def conform_columns(frame: pd.DataFrame, columns: dict[str, tuple[str, str]]) -> pd.DataFrame:
    """`frame` with exactly `columns` (name -> (dtype, meaning)) in order and type; absent ones become NA."""
    out = {}
    for col, (kind, _) in columns.items():
        out[col] = frame[col].astype(kind) if col in frame else pd.Series(pd.NA, index=frame.index).astype(kind)
    return pd.DataFrame(out, index=frame.index)


@lru_cache(maxsize=None)
def _schema() -> pa.DataFrameSchema:
    columns = {}
    for col, (kind, _) in POST_COLUMNS.items():
        checks = []
        if col in COUNT_COLUMNS or col in ("watch_time_seconds", "spend"):
            checks.append(pa.Check.ge(0, error="must not be negative"))
        if col == "platform":
            checks.append(pa.Check.isin(PLATFORMS, error=f"must be one of {', '.join(PLATFORMS)}"))
        if col == "post_id":
            checks.append(pa.Check.str_length(min_value=1, error="must not be empty"))
        if col == "published_precision":
            checks.append(pa.Check.isin(PRECISIONS, error=f"must be one of {', '.join(PRECISIONS)}"))
        if col == "impressions_kind":
            checks.append(pa.Check.isin(IMPRESSION_KINDS, error=f"must be one of {', '.join(IMPRESSION_KINDS)}"))
        columns[col] = pa.Column(
            None if kind == "datetime" else kind,
            checks=checks,
            nullable=col not in REQUIRED_NON_NULL,
        )
    return pa.DataFrameSchema(
        columns,
        strict=True,
        ordered=True,
        unique=["client", "platform", "post_id"],
        report_duplicates="all",
    )



class SchemaViolation(WorkbookError):
    """Rows of the canonical table break the contract; the message lists file, column and rows."""


def check_table(table: pd.DataFrame, schema: pa.DataFrameSchema, what: str, *, problems: list[str] = (),
                row_check_column: str | None = None) -> pd.DataFrame:
    """Validate a canonical table; raise SchemaViolation listing, per column and check, the file and its rows.

    `row_check_column` names the column that a table-wide row check (a pandera DataFrameSchema check) is
    about, so its message points at a column like the others.
    """
    problems = list(problems)
    try:
        schema.validate(table, lazy=True)
    except pa.errors.SchemaErrors as exc:
        problems.extend(describe_failures(table, exc.failure_cases, row_check_column))
    if problems:
        raise SchemaViolation(f"the {what} breaks its contract:\n" + "\n".join(f"  - {p}" for p in problems))
    return table


def validate_posts(posts: pd.DataFrame) -> pd.DataFrame:
    """Check the canonical post table; raise SchemaViolation naming the file, column and offending rows."""
    problems = []
    if "published_at" in posts and not isinstance(posts["published_at"].dtype, pd.DatetimeTZDtype):
        problems.append("column 'published_at': must be time-zone aware datetimes")
    return check_table(posts, _schema(), "post table", problems=problems)


def describe_failures(table: pd.DataFrame, cases: pd.DataFrame, row_check_column: str | None = None) -> list[str]:
    """pandera's failure cases as sentences: column, check, then each source file with its row numbers."""
    lines = []
    if row_check_column is not None:
        table_checks = cases["schema_context"].eq("DataFrameSchema") & cases["index"].notna()
        cases = cases.assign(column=cases["column"].where(~table_checks, row_check_column))
    cases = cases.drop_duplicates(["column", "check", "index"])
    for (column, check), group in cases.groupby(["column", "check"], dropna=False, sort=False):
        column = "(table)" if pd.isna(column) else column
        index = group["index"].dropna()
        if index.empty:  # a column- or table-level failure (missing column, wrong type)
            lines.append(f"column {column!r}: {check} ({', '.join(map(str, group['failure_case'].head(5)))})")
            continue
        rows = table.loc[table.index.isin(index.astype(int))] if len(table) else table
        where = []
        for source, part in rows.groupby(rows["source_file"].astype(object).fillna("?"), sort=False):
            row_numbers = ", ".join(str(r) for r in part["source_row"].head(10).tolist())
            more = f" and {len(part) - 10} more" if len(part) > 10 else ""
            where.append(f"{source} rows {row_numbers}{more}")
        values = ", ".join(repr(v) for v in group["failure_case"].head(5).tolist())
        lines.append(f"column {column!r} {check}: {'; '.join(where) or 'rows ' + str(list(index.head(10)))}"
                     f" (values: {values})")
    return lines
