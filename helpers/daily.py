"""The daily table: channel-level series, one row per (client, platform, date, metric).

Page- and account-level exports (Meta page daily files, X account overview, TikTok Studio overview,
viewers and follower history, YouTube Totals, LinkedIn `Metrics` sheet) give one value per day and
metric. They come apart from the post table (helpers/schema.py) because they describe the account, not a
post: followers at the time of posting (engagement rate by followers) come from here.

`date` is a day as the export counts it, at midnight, with no time zone: the platform's reporting day, not
necessarily the client's. Meta's page daily files count days from midnight to midnight Pacific time (US),
whatever the page's time zone (DAY_ZONES), so a day's figures and the posts published that day in
Johannesburg are not the same 24 hours; the report says so where it uses such a series. A file's last day
may be the day it was downloaded, counted in part: the figures over days leave it out (whole_days). A
metric a file does not carry is absent; a blank cell is a row with value NA, never 0.

Reach does not add up: daily reach (and TikTok daily viewers) counts a person once per day, so a sum over
days is "summed reach (not unique people)", not the reach of the period. Nothing here sums anything.
"""
from __future__ import annotations

from functools import lru_cache

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import pandera.pandas as pa

from . import periods
from .errors import ExportFormatError, WorkbookError
from .importers import by_recency, csv_copy_of_workbook, expand_paths, read_header_names, record_replaced
from .importers import daily_linkedin, daily_meta, daily_tiktok, daily_x, daily_youtube
from .i18n import Message, single_day_suffix
from .importers.base import Family, FileReport, closest_family, file_drops, file_warnings, matching_family
from .importers.daily_common import ImportedSeries
from .schema import PLATFORMS, check_table, conform_columns

#: column -> (pandas dtype, meaning). The order here is the order of the table.
DAILY_COLUMNS: dict[str, tuple[str, str]] = {
    "client": ("string", "client id from the roster, or the name given to load_daily_series"),
    "platform": ("string", "facebook, instagram, x, youtube, tiktok or linkedin"),
    "date": ("datetime64[ns]", "day as the export counts it (Meta page files: a Pacific-time day, US; DAY_ZONES),"
                               " at midnight, no time zone; not necessarily the client's calendar day"),
    "metric": ("string", "canonical metric name (see METRICS); an unmapped export column keeps a snake_case name"),
    "value": ("Float64", "the value for that day; NA when the export left it blank"),
    "source_file": ("string", "the export file the value came from"),
    "source_row": ("Int64", "row of the source file as a spreadsheet shows it"),
}

#: Canonical daily metrics and what they mean. Daily values of reach-like metrics must not be summed.
METRICS: dict[str, str] = {
    "followers": "followers (subscribers) in total at the end of the day",
    "follows_gained": "new follows that day (gross; unfollows not subtracted)",
    "unfollows": "unfollows that day",
    "followers_net_change": "follows minus unfollows that day (YouTube 'Subscribers', TikTok 'Difference in"
                            " followers from previous day'); may be negative",
    "reach": "unique accounts reached that day (Meta: estimated); summed over days it is NOT unique reach",
    "impressions": "times content was on screen that day (Meta before 2025, X, LinkedIn, YouTube thumbnails)",
    "views": "Meta 'Views' (from 2025, counting repeat views): kept apart from impressions, not comparable",
    "viewers": "unique viewers that day (TikTok 'Total Viewers', YouTube 'Unique viewers'); not summable",
    "profile_views": "visits of the page or profile",
    "video_views": "video views as the platform counts them (YouTube and TikTok 'Views')",
    "watch_time_seconds": "total time watched that day, in seconds",
    "reactions": "likes and reactions",
    "comments": "comments and replies",
    "shares": "shares as the platform calls them (X: by message or copied link)",
    "reposts": "reposts (X, LinkedIn), kept apart from shares",
    "saves": "saves and bookmarks",
    "clicks": "clicks of any kind, as the platform counts them",
    "platform_engagements": "the platform's own 'engagements' figure (X counts every click)",
}

#: Metrics that can never be negative (totals, unique counts, views, time); checked by validation.
#: Daily activity counts can: TikTok and YouTube subtract removed comments and likes on the day they go
#: (the import report warns), and net changes are signed by nature.
NON_NEGATIVE_METRICS = ("followers", "follows_gained", "unfollows", "reach", "impressions", "views", "viewers",
                        "profile_views", "video_views", "watch_time_seconds")

#: Which export column maps to which metric, per family (normalised export names). Unlisted columns keep a
#: snake_case name and the import report warns about them. LinkedIn names are built from a base name
#: ('(total)' -> plain, '(organic)'/'(sponsored)' -> suffix): see daily_linkedin.BASE_METRICS.
EXPORT_METRICS: dict[str, dict[str, str]] = {
    "meta_page_daily": daily_meta.METRICS,
    "x_account_overview": daily_x.METRICS,
    "tiktok_overview / tiktok_viewers / tiktok_follower_history": daily_tiktok.METRICS,
    "youtube_totals": daily_youtube.METRICS,
    "linkedin_page_metrics": daily_linkedin.BASE_METRICS,
}

#: Every known daily export family, in the order detection tries them (the longest signature wins).
DAILY_FAMILIES: list[Family] = [
    daily_meta.FAMILY,
    daily_meta.AUDIENCE,
    daily_x.FAMILY,
    *daily_tiktok.FAMILIES,
    daily_youtube.FAMILY,
    daily_linkedin.FAMILY,
]

#: Daily family -> the time zone whose midnights bound its days, where that is known. Meta's page daily files
#: write each day's start as midnight Pacific time at a fixed UTC−7 clock ("2025-01-01T01:00:00" in winter,
#: "2025-03-10T00:00:00" from the US clock change on): their days are US Pacific days, whatever the page's or
#: the client's time zone. The other families do not tell, and their days are taken as written.
DAY_ZONES: dict[str, str] = {daily_meta.FAMILY.name: "America/Los_Angeles"}

#: The key of a daily table's attrs (import_daily_series) naming the last day each file holds, {file: day},
#: before a newer file replaced any of its days: that day may be the day the file was downloaded (whole_days).
LAST_DAYS = "last_days"

#: family -> header names whose presence rules the family out (its signature is short and generic).
NOT_IN_HEADER: dict[str, tuple[str, ...]] = {
    daily_youtube.FAMILY.name: daily_youtube.NOT_IN_HEADER,
}


def series_impressions_kind(platform: str | None) -> str:
    """What a daily series' `impressions` count, as an impressions kind (imports.quality.kinds_<kind>):
    YouTube's Totals.csv counts thumbnails shown, every other platform's daily export impressions themselves
    (Meta's views are a metric of their own, `views`). A series has no impressions_kind column to say so, and
    the post table's label "impressions (or views)" would give X or LinkedIn Meta's word."""
    return "thumbnail_impressions" if platform == "youtube" else "impressions"


def daily_family_named(name: str) -> Family:
    for family in DAILY_FAMILIES:
        if family.name == name:
            return family
    raise WorkbookError(Message("imports.daily.unknown_family", name=str(name),
                                known=[f.name for f in DAILY_FAMILIES]))


def detect_daily_family(path: Path) -> Family:
    """The daily family whose header signature this file carries, or an error listing the known ones."""
    names = read_header_names(path)
    if (copy := csv_copy_of_workbook(path, names)) is not None:  # LinkedIn's Metrics sheet saved as CSV
        raise copy
    found = matching_family(DAILY_FAMILIES, names,
                            rules_out=lambda f, names: any(n in names for n in NOT_IN_HEADER.get(f.name, ())))
    if found:
        return found
    closest, missing = closest_family(DAILY_FAMILIES, names)
    raise ExportFormatError(
        path, Message("imports.daily.unknown_export"),
        expected=Message("imports.importers.one_of", families=[f.label for f in DAILY_FAMILIES]),
        hint=Message("imports.daily.closest_hint" if missing else "imports.daily.ruled_out_hint",
                     closest=closest.label, missing=[repr(c) for c in missing]))


@dataclass
class DailyImportResult:
    """The daily table and, per file, what was imported, dropped and superseded.

    Unpacks as `(daily, reports)`. In a report, `rows_in_file`/`rows_imported` count days (file rows);
    `superseded` counts day-and-metric values replaced by a more recent export.
    """

    daily: pd.DataFrame
    reports: list[FileReport]

    def __iter__(self):
        return iter((self.daily, self.reports))

    def warnings(self) -> list[Message]:
        """Each file's data-quality warnings, naming the file."""
        return file_warnings(self.reports)

    def drops(self) -> list[Message]:
        """Each file's dropped rows with the reason, naming the file."""
        return file_drops(self.reports)


def import_daily_series(paths, *, client: str = "client", platform: str | None = None,
                        family: str | None = None, **options) -> DailyImportResult:
    """Read daily export files into one validated daily table, with an import report per file.

    `platform` is for Meta page-level daily files, which do not always say whose page they are: they are
    read as facebook unless the metric line names Instagram or `platform='instagram'` is given (for other
    families it must match or be left out). `family` forces one family (see DAILY_FAMILIES). Other
    `options` go to the readers, e.g. `year=2025` for TikTok files whose dates have no year (the year of the
    file's first row). Overlapping files keep one row per (platform, date, metric): the most recent
    export's (the one downloaded last, as far as the files' modification times and the dates in their names
    tell: importers.recency).
    """
    files = expand_paths(paths)
    forced = daily_family_named(family) if family else None
    imported: list[ImportedSeries] = []
    recency = by_recency(files)
    for path in recency.order:
        fam = forced or detect_daily_family(path)
        imported.append(fam.read_file(path, platform=platform, **options))
    frames = [item.series for item in imported if len(item.series)]
    last_days = {str(item.report.path): item.series["date"].max() for item in imported if len(item.series)}
    daily = pd.concat(frames, ignore_index=True) if frames else empty_daily().drop(columns="client")
    daily.insert(0, "client", pd.Series(client, index=daily.index, dtype="string"))
    daily = conform_daily(daily)
    key = ["client", "platform", "date", "metric"]
    dup = daily.duplicated(key, keep="last")
    if dup.any():
        newest = daily.groupby(key, sort=False, dropna=False)["source_file"].transform("last")
        record_replaced({str(item.report.path): item.report for item in imported}, daily.loc[dup, "source_file"],
                        newest[dup], recency)
        daily = daily[~dup]
    for item in imported:
        mine = daily.loc[daily["source_file"] == str(item.report.path), "date"]
        item.report.period = (mine.min(), mine.max()) if len(mine) else None
    daily = daily.sort_values(["platform", "metric", "date"], kind="stable").reset_index(drop=True)
    validate_daily(daily)
    daily.attrs[LAST_DAYS] = last_days
    return DailyImportResult(daily=daily, reports=[item.report for item in imported])


def load_daily_series(paths, *, client: str = "client", platform: str | None = None,
                      family: str | None = None, **options) -> pd.DataFrame:
    """The daily table from daily export files (see `import_daily_series` for options and the report)."""
    return import_daily_series(paths, client=client, platform=platform, family=family, **options).daily


def empty_daily() -> pd.DataFrame:
    """An empty daily table with the right columns and types."""
    return pd.DataFrame({c: pd.Series(dtype=kind) for c, (kind, _) in DAILY_COLUMNS.items()})


def conform_daily(frame: pd.DataFrame) -> pd.DataFrame:
    """`frame` with exactly the daily columns in order and type (absent columns become NA)."""
    return conform_columns(frame, DAILY_COLUMNS)


@lru_cache(maxsize=None)
def _schema() -> pa.DataFrameSchema:
    def non_negative(df: pd.DataFrame) -> pd.Series:
        negative = df["value"].lt(0).fillna(False) & df["metric"].isin(NON_NEGATIVE_METRICS)
        return ~negative.astype(bool)

    return pa.DataFrameSchema(
        {
            "client": pa.Column("string", nullable=False),
            "platform": pa.Column("string", pa.Check.isin(PLATFORMS, error=f"must be one of {', '.join(PLATFORMS)}"),
                                  nullable=False),
            "date": pa.Column("datetime64[ns]", pa.Check(lambda s: s == s.dt.normalize(),
                                                         error="must be a date at midnight"), nullable=False),
            "metric": pa.Column("string", pa.Check.str_matches(r"^[a-z0-9_]+$", error="must be a snake_case name"),
                                nullable=False),
            "value": pa.Column("Float64", nullable=True),
            "source_file": pa.Column("string", nullable=False),
            "source_row": pa.Column("Int64", nullable=True),
        },
        checks=[pa.Check(non_negative, error=f"must not be negative for {', '.join(NON_NEGATIVE_METRICS)}")],
        strict=True,
        ordered=True,
        unique=["client", "platform", "date", "metric"],
        report_duplicates="all",
    )



def validate_daily(daily: pd.DataFrame) -> pd.DataFrame:
    """Check the daily table; raise SchemaViolation naming the file, the column and the offending rows."""
    return check_table(daily, _schema(), "daily table", row_check_column="value")


def followers_on(daily: pd.DataFrame, dates, platform: str, *, client: str | None = None,
                 tolerance: pd.Timedelta | str | None = None) -> pd.Series:
    """The follower total at each date: the last known 'followers' value on or before that day.

    `dates` may be dates, strings or time-zone-aware publish times (their local calendar day counts). The
    value of a day is the total at the END of that day, as the series counts its days: a publish time's local
    day is matched to the series' day of the same date, which for a series of other days (DAY_ZONES: Meta's
    Pacific days) is not the same 24 hours, so the total may be up to a day off. No Meta page daily file the
    workbook reads carries follower totals (Follows.csv counts follows gained), so no post's followers come
    from a Pacific-day series; nothing is shifted by a guessed offset. NA where no value is known on or before the date
    (or, with `tolerance`, when the last one is older than that). Returns Float64, indexed like `dates`
    when it is a Series.
    """
    rows = daily[(daily["platform"] == platform) & (daily["metric"] == "followers") & daily["value"].notna()]
    if client is not None:
        rows = rows[rows["client"] == client]
    elif rows["client"].nunique() > 1:
        raise WorkbookError(Message("imports.daily.several_clients", clients=[str(c) for c in rows["client"].unique()]))
    rows = rows.sort_values("date")
    index = dates.index if isinstance(dates, pd.Series) else None
    when = pd.Series(pd.to_datetime(pd.Series(dates) if not isinstance(dates, pd.Series) else dates))
    if isinstance(when.dtype, pd.DatetimeTZDtype):
        when = when.dt.tz_localize(None)
    when = when.dt.normalize().astype("datetime64[ns]").to_numpy()
    known = rows["date"].to_numpy(dtype="datetime64[ns]")
    values = rows["value"].to_numpy(dtype="float64", na_value=np.nan)
    position = np.searchsorted(known, when, side="right") - 1
    found = (position >= 0) & ~np.isnat(when)
    result = np.full(len(when), np.nan)
    result[found] = values[position[found]]
    if tolerance is not None and found.any():
        age = when[found] - known[position[found]]
        stale = np.zeros(len(when), dtype=bool)
        stale[np.flatnonzero(found)] = age > np.timedelta64(pd.Timedelta(tolerance).value, "ns")
        result[stale] = np.nan
    out = pd.Series(result, dtype="Float64", name="followers")
    if index is not None:
        out.index = index
    return out


#: Metrics that stand at a moment (a total), not counted over the day: on a file's last day, perhaps its download
#: day, the value is the total when it was downloaded, a few hours short of the day's end at most, and is kept.
STANDING_TOTALS = ("followers",)


def last_day_rows(daily: pd.DataFrame) -> pd.Series:
    """Whether each row is a count of the last day its file holds (the table's attrs[LAST_DAYS], from
    import_daily_series; a table built by hand names none). A daily export names no download time, and its
    last day is the earliest it can have been downloaded on, as the report takes a post export's last day
    (sources.near_download): downloaded that day, the day is counted in part, and a part of a day's reach
    or follows would read as a whole (low) day's. A total (STANDING_TOTALS) is no count of the day: kept."""
    ends = daily.attrs.get(LAST_DAYS) or {}
    if daily.empty or not ends:
        return pd.Series(False, index=daily.index)
    last = pd.to_datetime(daily["source_file"].astype(str).map(ends))
    return (daily["date"].eq(last).fillna(False) & ~daily["metric"].isin(STANDING_TOTALS)).astype(bool)


def whole_days(daily: pd.DataFrame) -> pd.DataFrame:
    """The daily table without the rows of each file's last day (last_day_rows), which may be counted in
    part: the figures over days (daily_unique_reach, follower_growth) count whole days only, and the report
    and the explorer name the day left out (days_left_out). Leaving it out loses a day that may have been
    whole; keeping it would pass a part of a day for a day (a "lowest day" that is a morning)."""
    if daily is None or daily.empty:
        return daily
    return daily[~last_day_rows(daily)]


def whole_span(daily: pd.DataFrame | None) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    """The first and last day the figures over days count (whole_days, days with a value), None for none: the
    days the daily series cover, as the explorer names them and shows by default, so that its heading ends on
    a day its counts hold. A platform's last day is that of its last count: a total (STANDING_TOTALS) kept on
    the file's last day, left out of the counts, does not carry it on; a series of totals alone ends on its
    last total."""
    spans = platform_spans(daily)
    if not spans:
        return None
    return min(first for first, _ in spans.values()), max(last for _, last in spans.values())


def platform_spans(daily: pd.DataFrame | None) -> dict[str, tuple[pd.Timestamp, pd.Timestamp]]:
    """{platform: (first day, last day)} its figures over days count, as whole_span takes them (whole days with
    a value; the last day that of its last count, or of its last total where it has totals alone): the days of
    a folder's period each platform's own series spans, which need not be those of another's."""
    if daily is None or daily.empty:
        return {}
    kept = whole_days(daily)
    kept = kept[kept["value"].notna()]
    spans = {}
    for platform, rows in kept.groupby("platform", sort=True):
        counts = rows[~rows["metric"].isin(STANDING_TOTALS)]
        spans[str(platform)] = (rows["date"].min(), (counts if len(counts) else rows)["date"].max())
    return spans


def days_left_out(daily: pd.DataFrame | None, start, end) -> dict[str, list[pd.Timestamp]]:
    """{platform: days} of `start` to `end` that whole_days leaves out of that platform's figures: a file's
    last day holding a value (a blank one is no figure either way)."""
    if daily is None or daily.empty:
        return {}
    start, end = pd.Timestamp(start).normalize(), pd.Timestamp(end).normalize()
    rows = daily[last_day_rows(daily) & daily["value"].notna() & daily["date"].between(start, end)]
    return {str(p): sorted(set(group["date"])) for p, group in rows.groupby("platform", sort=True)}


def not_covered(daily: pd.DataFrame | None, first, last, asked=None) -> Message | None:
    """What to say of days from `first` to `last` no daily series holds a figure of (whole_days, a value): the
    days asked (`asked`, periods.period_words; by default between `first` and `last`) and the days the series
    do cover, to pick from ("that day" where `first` and `last` are one: i18n.single_day_suffix). None where some
    day holds one, or where there are no series (nothing to pick)."""
    if daily is None or daily.empty:
        return None
    kept = whole_days(daily)
    if (kept["value"].notna() & kept["date"].between(pd.Timestamp(first), pd.Timestamp(last))).any():
        return None
    covers = whole_span(daily) or (daily["date"].min(), daily["date"].max())
    return Message("imports.explore.daily_not_covered" + single_day_suffix(first, last),
                   period=asked or periods.period_words(first, last),
                   first=covers[0].date(), last=covers[1].date())


def checked_period(daily: pd.DataFrame | None, start, end) -> tuple[pd.Timestamp, pd.Timestamp]:
    """`start` and `end` of a period asked of the figures over days (daily_unique_reach, follower_growth) as
    midnights, checked as the explorer checks a period (periods.checked_days: YYYY-MM-DD, a real day, the start
    not after the end), with an error naming the days the series cover for days they hold no figure of
    (not_covered): an empty table or rows of NaN would read as no reach and no follows. An end not given is the
    first or last day the figures count (whole_span), as in explore.daily_shown."""
    start, end = periods.checked_days(start, end, None, "daily")
    span = whole_span(daily)
    first, last = (pd.Timestamp(day) if day else span[edge] if span else pd.NaT
                   for day, edge in ((start, 0), (end, 1)))
    asked = periods.period_words(*(periods.iso_day(day) if day else None for day in (start, end))) \
        if start or end else None
    if (said := not_covered(daily, first, last, asked)) is not None:
        raise WorkbookError(said)
    return first, last


def day_zones(reports, platform: str | None = None) -> list[str]:
    """The time zones whose midnights bound the days of the daily files in `reports` (of `platform`), where
    their family says (DAY_ZONES): ['America/Los_Angeles'] for Meta's page daily files."""
    return sorted({DAY_ZONES[r.family] for r in reports if r.family in DAY_ZONES
                   and (platform is None or r.platform == platform)})


def same_midnights(zone: str, timezone: str, start, end) -> bool:
    """Whether every day from `start` to `end` starts at the same moment in `zone` as in `timezone`."""
    days = pd.date_range(pd.Timestamp(start).normalize(), pd.Timestamp(end).normalize(), freq="D")
    local = days.tz_localize(timezone, nonexistent="shift_forward", ambiguous=True)
    return bool((local.tz_convert(zone).tz_localize(None) == days).all())


def day_notes(daily: pd.DataFrame | None, reports, start, end, timezone: str,
              posts: pd.DataFrame | None = None, *, left_out_until=None) -> list[Message]:
    """What a reader of the daily figures from `start` to `end` needs told, per platform, as Messages (the
    report's Data coverage, the explorer's daily_shown): where the days of the files behind them (`reports`,
    their import reports) run midnight to midnight in another time zone than `timezone`, the one the posts are
    shown in (DAY_ZONES: Meta's Pacific days), that a day's figures and that day's posts are not the same 24
    hours, with how many of the platform's `posts` of those days (by their day in `timezone`; a post dated to
    its day or month alone has no hour to tell) fall on another day there (nothing is shifted: the series
    gives days, not hours); and each day whole_days leaves out (days_left_out), with its files, up to
    `left_out_until` where given (the explorer's default period ends on the last day kept: whole_span)."""
    from .importers.base import file_labels
    from .i18n import listed

    if daily is None or daily.empty:
        return []
    start, end = pd.Timestamp(start).normalize(), pd.Timestamp(end).normalize()
    used = whole_days(daily)
    used = used[used["date"].between(start, end) & used["value"].notna()]
    left = days_left_out(daily, start, end if left_out_until is None else left_out_until)
    by_file = {str(r.path): r for r in reports}
    notes = []
    for platform in sorted(set(used["platform"]) | set(left)):
        name = Message(f"platform.{platform}")
        files = sorted(set(used.loc[used["platform"] == platform, "source_file"].astype(str)))
        for zone in day_zones([by_file[f] for f in files if f in by_file]):
            if same_midnights(zone, timezone, start, end):
                continue
            words = Message("coverage.pacific_time") if zone == "America/Los_Angeles" else zone
            said = ""
            if posts is not None and len(posts):
                local_day = posts["published_at"].dt.tz_localize(None).dt.normalize()
                mine = posts[(posts["platform"] == platform) & ~posts["published_precision"].isin(["day", "month"])
                             & local_day.between(start, end)]
                if len(mine):
                    when = mine["published_at"]
                    other = int((when.dt.tz_convert(zone).dt.date != when.dt.date).sum())
                    said = Message("coverage.daily_days_posts" + ("_one" if other == 1 else ""), count=other,
                                   posts=len(mine), platform=name, zone=words)
            notes.append(Message("coverage.daily_days", platform=name, files=listed(file_labels(files)),
                                 zone=words, timezone=timezone, posts_note=said))
        if days := left.get(platform):
            mine = daily[(daily["platform"] == platform) & daily["date"].isin(days)]
            notes.append(Message("coverage.daily_last_day", platform=name,
                                 days=listed([day.date() for day in days]),
                                 files=listed(file_labels(sorted(set(mine["source_file"].astype(str)))))))
    return notes


#: Daily counts of unique accounts: a day's value cannot be added to the next day's. `reach_organic` is
#: LinkedIn's 'Unique impressions (organic)': members reached by the page's unpaid content, the page's whole
#: reach on days its series reports nothing sponsored (sponsored_days), its organic part otherwise.
DAILY_UNIQUE = ("reach", "viewers", "reach_organic")

#: Of DAILY_UNIQUE, the counts of a page's organic reach alone, given where its series has no `reach`.
ORGANIC_REACH = ("reach_organic",)


def daily_unique_reach(daily: pd.DataFrame, start, end) -> pd.DataFrame:
    """Per platform and unique-count metric (DAILY_UNIQUE: Meta's page reach, TikTok's and YouTube's unique
    viewers, LinkedIn's organic members reached), its days from `start` to `end` with a value, and the median
    (a typical day: one viral day pulls a mean far up), mean, lowest and highest day. No sum: a
    person reached on two days is counted on both, so a total over days would not be people (METRICS.md,
    "Reach does not add up"). Whole days only: a file's last day, perhaps its download day, is left out
    (whole_days). The days are the series' own (DAY_ZONES), not the client's calendar days. An organic count
    (ORGANIC_REACH) is left out where the platform's series gives its whole `reach`; sponsored_days tells
    whether it is the page's whole reach. A period written otherwise than YYYY-MM-DD, starting after its end or
    of days the series hold no figure of is an error (checked_period), not an empty table."""
    return _daily_unique_reach(daily, *checked_period(daily, start, end))


def _daily_unique_reach(daily: pd.DataFrame, start, end) -> pd.DataFrame:
    """daily_unique_reach without its check of the period (no row where the series hold nothing), for the
    client report, which says where its period has no daily figures."""
    columns = ["platform", "metric", "days", "median", "mean", "low", "high"]
    if daily is None or daily.empty:
        return pd.DataFrame(columns=columns)
    mine = _unique_rows(daily, start, end)
    values = mine.assign(value=mine["value"].astype("float64")).groupby(["platform", "metric"])["value"]
    table = values.agg(days="count", median="median", mean="mean", low="min", high="max").reset_index()
    return table[columns]


def _unique_rows(daily: pd.DataFrame, start, end) -> pd.DataFrame:
    """The rows daily_unique_reach describes: whole days from `start` to `end` of a DAILY_UNIQUE metric with a
    value, an organic count (ORGANIC_REACH) only of a platform whose series there holds no `reach`."""
    daily = whole_days(daily)
    start, end = pd.Timestamp(start).normalize(), pd.Timestamp(end).normalize()
    mine = daily[daily["metric"].isin(DAILY_UNIQUE) & daily["date"].between(start, end) & daily["value"].notna()]
    whole = set(mine.loc[mine["metric"] == "reach", "platform"])
    return mine[~(mine["metric"].isin(ORGANIC_REACH) & mine["platform"].isin(whole))]


def sponsored_days(daily: pd.DataFrame | None, start, end) -> dict[str, int]:
    """{platform: days} of the days daily_unique_reach counts an organic reach of (ORGANIC_REACH), from `start`
    to `end`, on which the platform's series reports a sponsored figure above 0 (LinkedIn's '(sponsored)'
    columns: `impressions_sponsored`, ...). 0 days: the organic members reached are the page's whole reach;
    more: they are its organic part only, as LinkedIn gives no count of members reached by sponsored content."""
    if daily is None or daily.empty:
        return {}
    organic = _unique_rows(daily, start, end)
    organic = organic[organic["metric"].isin(ORGANIC_REACH)]
    paid = daily[daily["metric"].str.endswith("_sponsored").fillna(False).astype(bool)
                 & daily["value"].gt(0).fillna(False).astype(bool)]
    return {str(platform): int(days.isin(paid.loc[paid["platform"] == platform, "date"]).sum())
            for platform, days in organic.groupby("platform")["date"]}


#: A daily follower total older than this is not taken for a later day (a post's followers, a period's
#: start or end): the series ended, or has a gap, and the total may be far from the one of that day.
FOLLOWERS_TOLERANCE = pd.Timedelta(days=7)

GROWTH_COLUMNS = ["platform", "followers_start", "start_day", "followers_end", "end_day", "change",
                  "relative_change", "follows_gained", "unfollows", "follow_days", "period_days", "series_days",
                  "first_total_day", "last_total_day"]


def _days_within(span: tuple[pd.Timestamp, pd.Timestamp] | None, start: pd.Timestamp, end: pd.Timestamp) -> int:
    """How many days from `start` to `end` a span (first day, last day) holds; 0 for none."""
    if span is None:
        return 0
    return max((min(end, span[1]) - max(start, span[0])).days + 1, 0)


def follower_growth(daily: pd.DataFrame, start, end) -> pd.DataFrame:
    """Per platform: followers at the start and the end of a period, the change, and the daily follows.

    Followers at the start are the total at the end of the day before `start`; at the end, the total at the
    end of `end`. Each is the last total known on or before its day, no older than FOLLOWERS_TOLERANCE, with
    the day it is of (`start_day`, `end_day`), so that a series that stops short says so instead of passing
    an older total off as the period's. Follows gained and lost are summed over the days that report them
    (they are daily counts, which do add up, unlike reach); `follow_days` of the `period_days` report follows
    gained; `series_days` of them the platform's own series spans (platform_spans), fewer where it starts after
    the period's start or ends before its end (a folder of several accounts' series, of different spans).
    `first_total_day` and `last_total_day` are the days the platform's totals span, whatever the period.
    NA, never 0, where the series is silent. The follows count whole days only: a file's last day, perhaps its
    download day, is left out of them (whole_days); a total of that day is kept (STANDING_TOTALS). A period
    written otherwise than YYYY-MM-DD, starting after its end or of days the series hold no figure of is an
    error (checked_period), not rows of NaN.
    """
    return _follower_growth(daily, *checked_period(daily, start, end))


def _follower_growth(daily: pd.DataFrame, start, end) -> pd.DataFrame:
    """follower_growth without its check of the period, for the client report, which says where its series
    stop short of the period (its totals none of them near the period's edges)."""
    start, end = pd.Timestamp(start).normalize(), pd.Timestamp(end).normalize()
    rows = []
    if daily is None or daily.empty:
        return pd.DataFrame(columns=GROWTH_COLUMNS)
    spans = platform_spans(daily)
    daily = whole_days(daily)
    for platform in sorted(daily["platform"].unique()):
        totals = daily.loc[(daily["platform"] == platform) & (daily["metric"] == "followers") & daily["value"].notna(),
                           "date"]
        edges = {}
        for edge, day in (("start", start - pd.Timedelta(days=1)), ("end", end)):
            value = followers_on(daily, [day], platform, tolerance=FOLLOWERS_TOLERANCE).iloc[0]
            edges[edge] = (value, totals[totals <= day].max() if pd.notna(value) else pd.NaT)
        (before, start_day), (after, end_day) = edges["start"], edges["end"]
        mine = daily[(daily["platform"] == platform) & daily["date"].between(start, end)]
        follows = mine[mine["metric"].isin(["follows_gained", "unfollows"]) & mine["value"].notna()]
        sums = {m: follows.loc[follows["metric"] == m, "value"].astype("float64").sum(min_count=1)
                for m in ("follows_gained", "unfollows")}
        change = after - before
        rows.append({"platform": platform, "followers_start": before, "start_day": start_day, "followers_end": after,
                     "end_day": end_day, "change": change,
                     "relative_change": change / before if pd.notna(before) and before else np.nan, **sums,
                     "follow_days": follows.loc[follows["metric"] == "follows_gained", "date"].nunique(),
                     "period_days": (end - start).days + 1, "series_days": _days_within(spans.get(platform), start, end),
                     "first_total_day": totals.min(), "last_total_day": totals.max()})
    return pd.DataFrame(rows, columns=GROWTH_COLUMNS)
