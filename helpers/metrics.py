"""The metrics of both lenses, one definition each, with the formula and the source of the definition.

Every function takes the canonical post table and returns a Series or DataFrame. Missing is not zero: a
rate is NA when its numerator or denominator is not reported or the denominator is 0, and every aggregate
says how many posts it covers. Rates are fractions (0.05 = 5%).
"""
from __future__ import annotations

import warnings

import numpy as np
import pandas as pd

from .errors import NearDownload, PartlyCovered, WorkbookError, unknown_name
from .i18n import Message

#: What counts as an interaction (METRICS.md, "Counting"): summed over the components a platform reports.
INTERACTION_COMPONENTS = ("reactions", "comments", "shares", "saves")


#: Every metric the report defines, in the order of its Definitions section, with its lens. The label,
#: formula, source and caveat of each live in the language catalogues (helpers/locales, keys metric.<name>.*).
DEFINITIONS: tuple[tuple[str, str], ...] = (
    ("reach", "broadcast"),
    ("impressions", "broadcast"),
    ("summed_reach", "broadcast"),
    ("frequency", "broadcast"),
    ("reach_rate", "broadcast"),
    ("cpm", "broadcast"),
    ("cost_per_reached_person", "broadcast"),
    ("interactions", "engagement"),
    ("engagement_rate_by_reach", "engagement"),
    ("engagement_rate_by_impressions", "engagement"),
    ("engagement_rate_by_followers", "engagement"),
    ("engagement_rate_by_views", "engagement"),
    ("conversation_rate", "engagement"),
    ("amplification_rate", "engagement"),
    ("applause_rate", "engagement"),
    ("virality_rate", "engagement"),
    ("click_through_rate", "engagement"),
    ("cost_per_engagement", "engagement"),
    ("watch_time_hours", "engagement"),
    ("average_view_duration_seconds", "engagement"),
    ("minutes_per_1000_reached", "engagement"),
)


#: Per-post rates: name -> (numerator, denominator, scale). Numerators and denominators are post-table
#: columns or 'interactions'; 'watch_time_minutes' is watch_time_seconds ÷ 60; 'paid_spend' is the spend of
#: paid posts only (see paid_spend), as the cost rates are defined.
RATES: dict[str, tuple[str, str, float]] = {
    "frequency": ("impressions", "reach", 1.0),
    "reach_rate": ("reach", "followers", 1.0),
    "cpm": ("paid_spend", "impressions", 1000.0),
    "cost_per_reached_person": ("paid_spend", "reach", 1.0),
    "engagement_rate_by_reach": ("interactions", "reach", 1.0),
    "engagement_rate_by_impressions": ("interactions", "impressions", 1.0),
    "engagement_rate_by_followers": ("interactions", "followers", 1.0),
    "engagement_rate_by_views": ("interactions", "video_views", 1.0),
    "virality_rate": ("shares", "impressions", 1.0),
    "click_through_rate": ("clicks", "impressions", 1.0),
    "cost_per_engagement": ("paid_spend", "interactions", 1.0),
    "average_view_duration_seconds": ("watch_time_seconds", "video_views", 1.0),
    "minutes_per_1000_reached": ("watch_time_minutes", "reach", 1000.0),
}
#: Rates shown as percentages (fractions of their denominator); the others are plain numbers or money.
PERCENT_RATES = ("reach_rate", "engagement_rate_by_reach", "engagement_rate_by_impressions",
                 "engagement_rate_by_followers", "engagement_rate_by_views", "virality_rate", "click_through_rate")
MONEY_RATES = ("cpm", "cost_per_reached_person", "cost_per_engagement")
#: KPIs counted in impressions (or views): not comparable across Meta's 2025-04-21 switch to views.
IMPRESSION_BASED = ("impressions", "frequency", "cpm", "engagement_rate_by_impressions", "virality_rate",
                    "click_through_rate")
#: Kaushik's per-post rates: name -> the count averaged over posts reporting it.
PER_POST = {"conversation_rate": "comments", "amplification_rate": "shares", "applause_rate": "reactions"}
#: Totals per channel: name -> column summed (over posts reporting it).
TOTALS = {"summed_reach": "reach", "impressions": "impressions", "interactions": "interactions",
          "reactions": "reactions", "comments": "comments", "shares": "shares", "saves": "saves",
          "clicks": "clicks", "video_views": "video_views", "watch_time_hours": "watch_time_hours",
          "spend": "spend"}


def counted_kind(kinds, none: str | None = None) -> str | None:
    """What an impressions column counts, from its posts' impressions_kind values: the one kind they share
    ('impressions', 'views', 'thumbnail_impressions'), 'impressions_and_views' where they differ, `none` where
    no kind is known. The words for each are the catalogue's imports.quality.kinds_<kind> (quality.impressions_word)."""
    kinds = {kind for kind in kinds if isinstance(kind, str)}
    return next(iter(kinds)) if len(kinds) == 1 else "impressions_and_views" if kinds else none


def floats(values) -> np.ndarray:
    """Values (a column, a list, an array) as a float array of the same length, NaN where a value is not
    reported (NA, NaN, None). The one conversion the metrics, the comparisons and the statistics share; a
    numeric column (Int64, Float64, float64) is converted in one pass, without to_numeric. A text that is not
    a number ('1,234' typed into an explorer's table) is refused, naming it: read as missing, it would drop
    its post from a total without a word."""
    if isinstance(values, pd.Series) and pd.api.types.is_numeric_dtype(values.dtype):
        return values.to_numpy(float, na_value=np.nan)
    series = pd.Series(values)
    numbers = pd.to_numeric(series, errors="coerce")
    # a blank cell ('' or spaces, as a sheet or keep_default_na=False gives) and a written 'NaN' or 'NA' are
    # not reported, as pandas' own NA is; any other text is refused
    candidates = series[numbers.isna() & series.notna()]
    if (text := candidates[[not (isinstance(v, str) and v.strip().casefold() in ("", "nan", "na", "<na>"))
                            for v in candidates]]).size:
        raise WorkbookError(Message("imports.compare.not_numbers", count=len(text), value=repr(text.iloc[0]),
                                    column=str(series.name) if series.name is not None else "?"))
    return numbers.astype("Float64").to_numpy(float, na_value=np.nan)


def _impression_kinds(posts: pd.DataFrame) -> np.ndarray | None:
    """The posts' impressions_kind values (None where missing), read by counted_kind over the posts reporting
    impressions; None for a table without impressions or impressions_kind."""
    if "impressions_kind" not in posts or "impressions" not in posts:
        return None
    kinds = posts["impressions_kind"].astype(object)
    return kinds.where(kinds.notna(), None).to_numpy(object)


def ratio(numerator: pd.Series, denominator: pd.Series) -> pd.Series:
    """numerator ÷ denominator as Float64; NA where either is NA or the denominator is not positive."""
    num = pd.to_numeric(numerator).astype("Float64")
    den = pd.to_numeric(denominator).astype("Float64")
    positive = den.gt(0).fillna(False).astype(bool)
    return (num / den.where(positive)).astype("Float64")  # NA / x, x / NA -> NA: never a division by 0


def blank_components(posts: pd.DataFrame, carried: dict[str, tuple[str, ...]] | None = None,
                     components: tuple[str, ...] = INTERACTION_COMPONENTS) -> pd.DataFrame:
    """Per post and interaction component, True where the post's export carries the component and leaves the
    post's cell blank: its interactions are then not known (missing is not zero).

    An export carries a component when it reports it for any of its posts. `carried` maps a source file to the
    components it carries (ImportResult.interaction_components, judged on each file as read, before
    overlapping exports were merged); a file it does not name is judged by its posts in `posts` (same platform
    and source file). A component no export of the post carries (saves on Facebook) is never blank.
    `components`: the ones counted (all four, or those a benchmark's source names)."""
    components = list(components)
    known = posts[components].notna()
    if posts.empty:
        return known
    keys = [posts[c].astype(object) for c in ("platform", "source_file") if c in posts]
    carries = (known.groupby(keys, dropna=False, sort=False).transform("any") if keys
               else pd.DataFrame({c: bool(known[c].any()) for c in components}, index=posts.index))
    if carried and "source_file" in posts:
        files = posts["source_file"].astype(object)
        named = files.isin(list(carried)).to_numpy()
        for component in components:
            told = files[named].map({f: component in parts for f, parts in carried.items()})
            carries.loc[named, component] = told.astype(bool).to_numpy()
    return carries.astype(bool) & ~known


def interactions(posts: pd.DataFrame, carried: dict[str, tuple[str, ...]] | None = None,
                 components: tuple[str, ...] = INTERACTION_COMPONENTS) -> pd.Series:
    """reactions + comments + shares + saves, over the components the post's export carries; NA when one of
    them is blank for the post (blank_components: a blank is not a 0) or when none is reported.

    A component an export does not carry at all (saves on Facebook) is left out of the sum, as METRICS.md
    counts them; a value filled in from an older export of the same post counts. A count, so Int64 like the
    columns it adds up: a table shows 5, not 5.0, and <NA>, never 0, for a post whose interactions are not
    known. Rates divide it as Float64 (ratio). Components that are not whole numbers (a table of averages)
    give a Float64 sum rather than an error. `components`: the ones counted (a benchmark's source may name
    fewer, e.g. likes + comments)."""
    total = posts[list(components)].astype("Float64").sum(axis=1, min_count=1)
    total = total.mask(blank_components(posts, carried, components).any(axis=1))
    whole = total.dropna()
    return total.astype("Int64") if (whole == whole.round()).all() else total


def interactions_of(posts: pd.DataFrame) -> pd.Series:
    """The posts' interactions: the column post_metrics added (worked out on the whole import, so a subset
    of posts keeps the judgement of what each export carries), else computed from the components."""
    return posts["interactions"] if "interactions" in posts else interactions(posts)


def frequency(posts: pd.DataFrame) -> pd.Series:
    """impressions ÷ reach, per post (average times each reached account saw it)."""
    return rate(posts, "frequency")


def engagement_rate_by_reach(posts: pd.DataFrame) -> pd.Series:
    """interactions ÷ reach, per post."""
    return rate(posts, "engagement_rate_by_reach")


def engagement_rate_by_impressions(posts: pd.DataFrame) -> pd.Series:
    """interactions ÷ impressions (or views), per post."""
    return rate(posts, "engagement_rate_by_impressions")


def paid_flag(posts: pd.DataFrame) -> pd.Series:
    """Whether each post had paid distribution: its paid flag where the export gives one; where it does not,
    its spend says (above 0: paid; 0: organic); NA where neither is reported (not known, never False)."""
    flag = posts["paid"].astype("boolean") if "paid" in posts else pd.Series(pd.NA, index=posts.index, dtype="boolean")
    if "spend" not in posts:
        return flag
    return flag.fillna(posts["spend"].astype("Float64").gt(0))


def paid_spend(posts: pd.DataFrame) -> pd.Series:
    """Spend of paid posts only (paid_flag), NA for the others: CPM, cost per reached person and cost per
    engagement are defined over paid posts (METRICS.md), so an organic post's spend of 0 must not enter them."""
    return posts["spend"].astype("Float64").where(paid_flag(posts).fillna(False).astype(bool))


def operand(posts: pd.DataFrame, name: str) -> pd.Series:
    """One side of a rate of RATES (a column, interactions, paid spend, watch time or "one"), per post."""
    if name == "one":  # the denominator of a per-post rate: each post reporting the count counts once
        return pd.Series(1.0, index=posts.index)
    if name == "paid_spend":
        return paid_spend(posts)
    if name == "interactions":
        return interactions_of(posts)
    if name == "watch_time_minutes":
        return posts["watch_time_seconds"].astype("Float64") / 60
    if name == "watch_time_hours":
        return posts["watch_time_seconds"].astype("Float64") / 3600
    return posts[name]


def rate(posts: pd.DataFrame, name: str) -> pd.Series:
    """One per-post rate of RATES by name, NA where it cannot be computed."""
    if name not in RATES:
        raise unknown_name(Message("imports.names.rate"), name, RATES)
    numerator, denominator, scale = RATES[name]
    return ratio(operand(posts, numerator), operand(posts, denominator)) * scale


def post_metrics(posts: pd.DataFrame, carried: dict[str, tuple[str, ...]] | None = None) -> pd.DataFrame:
    """The post table with every per-post metric of both lenses added as columns (NA where not computable).
    `carried`: the interaction components each source file carries (see interactions)."""
    out = posts.copy()
    out["interactions"] = interactions(posts, carried)
    out["watch_time_hours"] = operand(posts, "watch_time_hours")
    for name in RATES:
        out[name] = rate(out, name)
    return out


def column(posts: pd.DataFrame, name: str) -> pd.Series:
    """A column of the post table by name; an error listing the columns (and the one likely meant) for a
    name the table lacks ('formats' for 'format'), not a bare KeyError."""
    if not isinstance(name, str) or name not in posts:
        raise unknown_name(Message("imports.names.column"), name, posts.columns)
    return posts[name]


#: The group of posts whose key (a format the export does not give) is missing: kept in a group-by so no
#: post drops out, but never compared as if it were a format (compare.compare_groups).
UNKNOWN_GROUP = "unknown"


def group_keys(posts: pd.DataFrame, by: str) -> pd.Series:
    """The column to group by, with missing keys as the group UNKNOWN_GROUP (no post drops out of a group-by).

    A column of text stays text. Any other (a paid flag, a weekday number) keeps its values beside the word,
    as objects: a boolean column cannot hold 'unknown', and a period's True must still meet the True of a
    period whose keys are all known (period_change), which the text 'True' would not."""
    keys = column(posts, by)
    if not keys.isna().any():
        return keys
    if pd.api.types.infer_dtype(keys.dropna().astype(object)) == "string":
        return keys.astype("string").fillna(UNKNOWN_GROUP).rename(by)
    return keys.astype(object).where(keys.notna(), UNKNOWN_GROUP).rename(by)


def group_columns(posts: pd.DataFrame, by: str) -> list[str]:
    """The columns a table of posts grouped `by` is grouped by: the platform, and `by` within it when it is
    another attribute of a post (a format, an account, a weekday). Each platform counts reach and impressions
    its own way, so a Facebook reel and an Instagram reel, or the two platforms' Friday posts, are never
    pooled into one figure. A table of the analyst's without a platform column is grouped by `by` alone."""
    return ["platform", by] if by != "platform" and "platform" in posts else [by]


def _groups(posts: pd.DataFrame, by: str):
    """(keys, posts) per group of group_columns, in order: keys as {column: value}."""
    column(posts, by)  # a misspelt `by` ('formats') is the error to name
    names = group_columns(posts, by)
    keys = [group_keys(posts, name) for name in names]
    for key, group in posts.groupby(keys, sort=True, observed=True):
        yield dict(zip(names, key, strict=True)), group


def kpis(posts: pd.DataFrame, by: str = "platform") -> pd.DataFrame:
    """Both lenses per channel in long form: one row per (channel, KPI), each with the posts it covers. A
    channel is a platform; by another column (by="format"), a platform and a value of it (group_columns: the
    columns 'platform' and `by`), so no figure pools two platforms.

    kind 'total': Σ over posts reporting it (reach summed is labelled as not unique people);
    kind 'rate': `value` is the ratio of sums (Σ numerator ÷ Σ denominator) and `mean_of_post_rates` the
    mean of per-post rates, both over the posts reporting numerator and denominator;
    kind 'per post': Σ count ÷ posts reporting it (Kaushik's conversation, amplification, applause).
    Posts whose `by` is missing (a format the export does not give) form the group "unknown", as in
    compare.compare_groups: no post drops out of the totals.

    `impressions_kind` says what the channel's impressions count (counted_kind: 'impressions', 'views' for
    Meta's exports since 2025, 'thumbnail_impressions' for YouTube, 'impressions_and_views' where its posts
    mix them; NA where none reports impressions); on a figure built on impressions (IMPRESSION_BASED), what
    those of the posts it covers count, when it covers any. The figure is read by it: frequency over views is
    no frequency over impressions, and a table saved for someone else carries it (explore.save_table says it
    in words).
    """
    posts = posts if "interactions" in posts else post_metrics(posts)
    needed = dict.fromkeys([*TOTALS.values(), *(part for name in RATES for part in RATES[name][:2]),
                            *PER_POST.values()])
    rows = []
    for key, group in _groups(posts, by):
        n = len(group)
        # each operand once per channel, as floats with NaN where not reported: numpy's sums and means (the
        # same pandas' own give), not a few hundred pandas calls per channel
        values = {name: floats(operand(group, name)) for name in needed}
        kinds = _impression_kinds(group)
        channel_kind = None if kinds is None else counted_kind(pd.unique(kinds[~np.isnan(values["impressions"])]))
        rows.append({**key, "kpi": "posts", "kind": "total", "value": float(n), "posts_covered": n, "posts": n,
                     "impressions_kind": channel_kind})
        for name, column in TOTALS.items():
            reported = ~np.isnan(values[column])
            rows.append({**key, "kpi": name, "kind": "total",
                         "value": float(np.sum(values[column], where=reported)) if reported.any() else np.nan,
                         "posts_covered": int(reported.sum()), "posts": n, "impressions_kind": channel_kind})
        for name, (numerator, denominator, scale) in RATES.items():
            result = _rate_of_floats(values[numerator], values[denominator])
            kind = channel_kind
            if name in IMPRESSION_BASED and kinds is not None:  # what the impressions of the posts it covers count
                kind = counted_kind(pd.unique(kinds[result["covered"]])) or channel_kind
            rows.append({**key, "kpi": name, "kind": "rate", "value": result["ratio_of_sums"] * scale,
                         "mean_of_post_rates": result["mean_of_post_rates"] * scale,
                         "posts_covered": result["posts_covered"], "posts": n, "impressions_kind": kind})
        for name, column in PER_POST.items():
            result = _per_post_of_floats(values[column])
            rows.append({**key, "kpi": name, "kind": "per post", "value": result["rate"],
                         "posts_covered": result["posts_covered"], "posts": n, "impressions_kind": channel_kind})
    columns = [*group_columns(posts, by), "kpi", "kind", "value", "mean_of_post_rates", "posts_covered", "posts",
               "impressions_kind"]
    return pd.DataFrame(rows, columns=columns).astype({"impressions_kind": "string"})


def series_breaks(current: pd.DataFrame, previous: pd.DataFrame, by: str = "platform") -> set:
    """The groups (platforms) whose posts count impressions in one period and views in the other; by another
    column, its groups within each platform (group_columns), as (platform, value) pairs.

    Impressions and views are different counts (Meta switched from one to the other), so no impression-based
    KPI (IMPRESSION_BASED) is compared across the two periods for these groups.
    """
    def kinds(posts: pd.DataFrame) -> pd.Series:  # grouped as kpis groups (posts of no format: UNKNOWN_GROUP)
        keys = [group_keys(posts, name) for name in group_columns(current, by)]
        return posts.groupby(keys, observed=True)["impressions_kind"].agg(lambda k: frozenset(k.dropna()))

    kinds_now, kinds_before = kinds(current), kinds(previous)
    return {key for key in kinds_now.index
            if key in kinds_before.index and kinds_now[key] and kinds_before[key] and kinds_now[key] != kinds_before[key]}


def period_change(current: pd.DataFrame, previous: pd.DataFrame, by: str = "platform",
                  min_posts: int = 1, intervals_for: tuple[str, ...] | None = None) -> pd.DataFrame:
    """KPIs of the period beside the previous period: previous value, change and relative change.

    Computed only where each period has at least `min_posts` posts covering the KPI (otherwise NA, with the
    reason visible in posts_covered: a change of or against one or two posts says nothing), and not for impression-based KPIs when one period reports impressions and the other
    views (`series_break` True). Rates and per-post rates carry the 95% intervals of their change and of
    their relative change (change_intervals: INTERVAL_COLUMNS); totals none.

    Totals get no change either where either period was chosen by explore.select_posts over days the
    exports cover only in part (`partly_covered` True, with a PartlyCovered warning naming the days): a
    half-covered January against a whole February reads as growth that is not there, as in the client
    report, which compares such periods' rates only.

    A period chosen by select_posts that holds posts published fewer than SETTLING_DAYS days before their
    export's download (sources.near_download) is compared as it is, with a NearDownload warning per platform
    naming how many posts and the days: its totals and its per-post rates (PER_POST: a count over a number of
    posts that does not grow) may be understated (a fall too large), its rates of one growing count over
    another may still move either way, as the client report says in its Data coverage.

    Every group of either period has its rows: a format or platform that stopped posting is often the news. A
    group without posts in one period whose platform's exports cover that period (select_posts over days the
    account published nothing on: its attrs, sources.COVERED_PLATFORMS) had 0 posts then: its count of posts
    and its posts covered are 0, not missing; its sums and rates stay NaN (nothing was reported). A table that
    does not say which days its exports cover (built by hand, or filtered from all the posts) leaves them NaN:
    its missing group may be days no export covers. The change of the KPI 'posts' is given where both counts
    are known and each is 0 or at least `min_posts` (a count is no estimate: from or to nothing is a change
    of every post); its relative change from 0 is NaN, as any other's.

    `intervals_for`: the KPIs whose change gets an interval (all rates and per-post rates when None); the
    others' interval columns stay NaN. Resampling is most of the cost: a caller quoting a few changes asks
    for those alone.
    """
    names = group_columns(current, by)
    merged = _both_periods(kpis(current, by), kpis(previous, by), names)
    _count_no_posts_as_zero(merged, current, names, "")
    _count_no_posts_as_zero(merged, previous, names, "_previous")
    least = max(1, min_posts)
    both = (merged["posts_covered"] >= least) & (merged["posts_covered_previous"] >= least)
    counts = merged[["value", "value_previous"]].where(merged["kpi"] == "posts")
    counted = counts.notna().all(axis=1) & (counts.eq(0).any(axis=1) | both)  # 0 -> 1 post: +1
    groups = merged[by] if len(names) == 1 else pd.Series(list(zip(*(merged[n] for n in names))), index=merged.index)
    merged["series_break"] = groups.isin(series_breaks(current, previous, by)) & merged["kpi"].isin(IMPRESSION_BASED)
    both &= ~merged["series_break"]
    comparable = both | counted
    # partial coverage is a platform's: its exports cover part of a period (a table of the analyst's without a
    # platform column carries none)
    partial = _partly_covered_groups(current, previous, "platform") if "platform" in names else {}
    platforms = merged["platform"] if "platform" in names else pd.Series("", index=merged.index)
    merged["partly_covered"] = platforms.isin(list(partial))
    compared = comparable & ~(merged["partly_covered"] & (merged["kind"] == "total"))
    merged["change"] = (merged["value"] - merged["value_previous"]).where(compared)
    merged["relative_change"] = (merged["change"] / merged["value_previous"].where(merged["value_previous"] != 0)
                                 ).where(compared)
    withheld = set(platforms[comparable & ~compared])
    for note in dict.fromkeys(note for group in sorted(withheld, key=str) for note in partial[group]):
        warnings.warn(PartlyCovered(note), stacklevel=2)
    for note in _near_download_notes(current, previous, set(platforms[both])):
        warnings.warn(NearDownload(note), stacklevel=2)
    merged = _merged_on(merged, change_intervals(current, previous, by, only=intervals_for), [*names, "kpi"],
                        how="left")
    for column in INTERVAL_COLUMNS:
        merged[column] = merged[column].where(both)
    return merged


def paid_mixed_platforms(current: pd.DataFrame, previous: pd.DataFrame) -> list[str]:
    """The platforms of which either period holds a post known to be paid (paid_flag): their totals and
    rates mix boosted delivery with organic, so a change between the periods is partly a campaign starting
    or ending, not only how the posts did."""
    found = set()
    for posts in (current, previous):
        if len(posts) and "platform" in posts:
            found |= set(posts.loc[paid_flag(posts).eq(True).fillna(False).to_numpy(bool), "platform"].astype(str))
    return sorted(found)


#: The rates whose organic change gets an interval: a platform's engagement rate by its broadcast count
#: (compare.RATE_OF_MEASURE), the rate the period-change sentence quotes.
ORGANIC_INTERVALS = ("engagement_rate_by_reach", "engagement_rate_by_impressions", "engagement_rate_by_views")


def organic_change(current: pd.DataFrame, previous: pd.DataFrame, min_posts: int = 1) -> pd.DataFrame:
    """period_change by platform over the posts known to be organic (paid_flag False) of the platforms whose
    periods hold paid posts (paid_mixed_platforms): the change without the boosted delivery, beside the one
    with it. A post whose paid status is not known is left out, never counted organic (missing is not zero).
    A platform without organic posts in either period has no row (one with them in a period only: its
    rows, as period_change gives them); no platform mixes paid posts: no row.
    Of the intervals, only the engagement rates' (ORGANIC_INTERVALS, the changes the report quotes beside the
    mixed ones) are computed: the others would double the analysis's resampling for changes no one reads."""
    mixed = paid_mixed_platforms(current, previous)

    def organic(posts: pd.DataFrame) -> pd.DataFrame:
        if posts.empty:
            return posts
        keep = paid_flag(posts).eq(False).fillna(False).to_numpy(bool) & posts["platform"].astype(str).isin(mixed)
        return posts[keep]

    return period_change(organic(current), organic(previous), min_posts=min_posts, intervals_for=ORGANIC_INTERVALS)


def _merged_on(left: pd.DataFrame, right: pd.DataFrame, keys: list[str], **how) -> pd.DataFrame:
    """left.merge(right) on `keys`, a key of different types on the two sides taken as objects on both: a
    group key with 'unknown' beside numbers (group_keys) in one table only, plain numbers in the other."""
    for key in keys:
        if left[key].dtype != right[key].dtype:
            left, right = left.astype({key: object}), right.astype({key: object})
    return left.merge(right, on=keys, **how)


def _both_periods(now: pd.DataFrame, before: pd.DataFrame, names: list[str]) -> pd.DataFrame:
    """Two kpis tables side by side (the second's columns suffixed '_previous'), over the groups of either: a
    group of one period only has NaN on the other side. Its rows in kpis' order: groups sorted, each with its
    KPIs in their order. A side's counts of rows are floats where it lacks a group (NaN), whole numbers otherwise."""
    merged = _merged_on(now, before, [*names, "kpi", "kind"], how="outer", suffixes=("", "_previous"))
    order = {kpi: rank for rank, kpi in enumerate(dict.fromkeys([*now["kpi"], *before["kpi"]]))}
    group = merged.groupby(names, sort=True, dropna=False).ngroup().to_numpy()
    return merged.iloc[np.lexsort((merged["kpi"].map(order).to_numpy(), group))].reset_index(drop=True)


def _count_no_posts_as_zero(merged: pd.DataFrame, posts: pd.DataFrame, names: list[str], suffix: str) -> None:
    """In period_change's merged table, the counts of rows (the KPI 'posts', and every KPI's posts and posts
    covered) of one period (`posts`; its columns end in `suffix`) as 0 where it holds no post of the group and
    its exports cover the period for the group's platform (sources.COVERED_PLATFORMS), in place. Sums and
    rates of no posts stay NaN."""
    from .sources import COVERED_PLATFORMS

    covered = posts.attrs.get(COVERED_PLATFORMS) or []
    if "platform" not in names or not covered:
        return
    none = merged["posts" + suffix].isna() & merged["platform"].astype(str).isin(covered)
    merged.loc[none, ["posts" + suffix, "posts_covered" + suffix]] = 0
    merged.loc[none & (merged["kpi"] == "posts"), "value" + suffix] = 0.0


def _partly_covered_groups(current: pd.DataFrame, previous: pd.DataFrame, by: str) -> dict:
    """{group: [Message, ...]} for the groups (by `by`) holding posts of a platform that explore.select_posts
    found its exports cover only in part in the period chosen for `current` or `previous` (their attrs,
    sources.PARTLY_COVERED), each with the notes saying which days of which period are covered."""
    from .sources import PARTLY_COVERED, partly_covered_values

    partial: dict = {}
    for frame, which in ((current, Message("imports.explore.the_period")),
                         (previous, Message("imports.explore.the_previous_period"))):
        for platform, (asked, runs) in (frame.attrs.get(PARTLY_COVERED) or {}).items():
            theirs = frame[frame["platform"].astype(str) == platform]
            note = Message("imports.explore.partly_covered_change", which=which,
                           **partly_covered_values(platform, asked, runs))
            for group in group_keys(theirs, by).unique() if len(theirs) else []:
                partial.setdefault(group, []).append(note)
    return partial


def _near_download_notes(current: pd.DataFrame, previous: pd.DataFrame, compared: set) -> list[Message]:
    """The notes for the platforms of `compared` (those with a change) of which `current` or `previous` holds
    posts published shortly before their export's download (sources.near_download): how many of the table's
    posts of the platform, the days, and which way the change may be off. Counted from the rows given, over the
    last days their exports cover as explore.select_posts kept them (attrs, sources.NEAR_DOWNLOAD): a table
    filtered after select_posts keeps its attrs but not its rows. A post of no export known says nothing; one
    of an export that names no period is said to be close to its newest post (sources.near_download_before)."""
    from .sources import NEAR_DOWNLOAD, SETTLING_DAYS, near_download, near_download_before

    notes = []
    now = (Message("imports.explore.the_period"), Message("imports.explore.near_download_now"))
    before = (Message("imports.explore.the_previous_period"), Message("imports.explore.near_download_before"))
    for frame, (which, direction) in ((current, now), (previous, before)):
        for platform, ends in sorted((frame.attrs.get(NEAR_DOWNLOAD) or {}).items()):
            if platform not in compared or "source_file" not in frame:
                continue
            theirs = frame[frame["platform"].astype(str) == platform]
            fresh = near_download(theirs[theirs["source_file"].astype(str).isin(list(ends))], ends)
            if len(fresh):
                notes.append(Message("imports.explore.near_download_change", platform=Message(f"platform.{platform}"),
                                     count=len(fresh), posts=len(theirs), days=SETTLING_DAYS,
                                     before=near_download_before(fresh, lambda day: f"{day:%Y-%m-%d}",
                                                                 downloaded=True),
                                     which=which, direction=direction))
    return notes


#: The interval columns change_intervals adds to period_change: of the change, and of the relative change.
INTERVAL_COLUMNS = ("ci_low", "ci_high", "relative_ci_low", "relative_ci_high")


def change_intervals(current: pd.DataFrame, previous: pd.DataFrame, by: str = "platform",
                     only: tuple[str, ...] | None = None) -> pd.DataFrame:
    """95% intervals of each rate's and per-post rate's change between two periods, per group.

    A rate here is Σ numerator ÷ Σ denominator over the posts reporting both (a per-post rate: Σ count ÷
    posts reporting it), so its interval resamples posts, each period on its own: the rates every post of
    the group reports from the same resamples, a rate only some posts report from resamples of those posts,
    as many as their number needs (statistics.ratio_of_sums_change_interval). Totals get none: they count
    every post of the period, nothing is estimated. `only`: these KPIs alone (all when None).
    """
    from .statistics import BOOTSTRAP_LIMIT, SEED, SharedResamples, ratio_of_sums_change_interval

    current = current if "interactions" in current else post_metrics(current)
    previous = previous if "interactions" in previous else post_metrics(previous)
    operands = dict(RATES) | {name: (column, "one", 1.0) for name, column in PER_POST.items()}
    if only is not None:
        operands = {name: parts for name, parts in operands.items() if name in only}
    before_groups = {tuple(key.values()): group for key, group in _groups(previous, by)}
    rows = []
    for key, now in _groups(current, by):
        before = before_groups.get(tuple(key.values()))
        if before is None:
            continue
        shared = {}
        # one set of resamples (per number of them, which the interval works out) for the rates every post of
        # a period of up to BOOTSTRAP_LIMIT posts reports, over its posts in a fixed order (the same posts in
        # any row order: the same interval), drawn when first needed; a larger period is left to
        # ratio_of_sums_change_interval, which resamples a rate's counted posts or uses the delta method
        if len(now) <= BOOTSTRAP_LIMIT:
            now = now.sort_values("post_id", kind="stable") if "post_id" in now else now
            shared["shared_a"] = SharedResamples(len(now), seed=SEED)
        if len(before) <= BOOTSTRAP_LIMIT:
            before = before.sort_values("post_id", kind="stable") if "post_id" in before else before
            shared["shared_b"] = SharedResamples(len(before), seed=SEED + 1)
        for name, (numerator, denominator, scale) in operands.items():
            result = ratio_of_sums_change_interval(
                operand(now, numerator), operand(now, denominator),
                operand(before, numerator), operand(before, denominator), **shared)
            rows.append({**key, "kpi": name, "ci_low": result["ci_low"] * scale,
                         "ci_high": result["ci_high"] * scale, "relative_ci_low": result["relative_ci_low"],
                         "relative_ci_high": result["relative_ci_high"]})
    return pd.DataFrame(rows, columns=[*group_columns(current, by), "kpi", *INTERVAL_COLUMNS])


def rate_over_posts(posts: pd.DataFrame, numerator: pd.Series | str, denominator: pd.Series | str) -> dict:
    """A rate over a set of posts, both ways METRICS.md asks for, with its coverage.

    mean_of_post_rates = mean(numerator_i ÷ denominator_i); ratio_of_sums = Σ numerator ÷ Σ denominator,
    both over the same posts: those reporting both, with a positive denominator.
    """
    num = posts[numerator] if isinstance(numerator, str) else numerator
    den = posts[denominator] if isinstance(denominator, str) else denominator
    result = _rate_of_floats(floats(num), floats(den))
    del result["covered"]
    return {**result, "posts_total": len(posts)}


def _rate_of_floats(num: np.ndarray, den: np.ndarray) -> dict:
    """rate_over_posts (and kpis) on floats, NaN where not reported: a post counts where its own rate is
    defined (ratio: both reported, the denominator above 0, not ∞ ÷ ∞); `covered` marks those posts."""
    with np.errstate(divide="ignore", invalid="ignore"):
        rates = num / np.where(den > 0, den, np.nan)
    covered = ~np.isnan(rates)
    n = int(covered.sum())
    return {"mean_of_post_rates": float(np.mean(rates[covered])) if n else np.nan,
            "ratio_of_sums": float(np.sum(num[covered]) / np.sum(den[covered])) if n else np.nan,
            "posts_covered": n, "covered": covered}


def per_post_rate(posts: pd.DataFrame, column: str) -> dict:
    """Σ column ÷ number of posts, over the posts that report the column (Kaushik's per-post rates)."""
    return {**_per_post_of_floats(floats(posts[column])), "posts_total": len(posts)}


def _per_post_of_floats(values: np.ndarray) -> dict:
    """per_post_rate (and kpis) on floats, NaN where not reported: the sum as pandas' masked sum gives it."""
    reported = ~np.isnan(values)
    n = int(reported.sum())
    return {"rate": float(np.sum(values, where=reported)) / n if n else np.nan, "posts_covered": n}


def conversation_rate(posts: pd.DataFrame) -> dict:
    """Comments per post (Kaushik 2011), over posts that report comments."""
    return per_post_rate(posts, "comments")


def amplification_rate(posts: pd.DataFrame) -> dict:
    """Shares per post (Kaushik 2011), over posts that report shares."""
    return per_post_rate(posts, "shares")


def applause_rate(posts: pd.DataFrame) -> dict:
    """Reactions (likes) per post (Kaushik 2011), over posts that report them."""
    return per_post_rate(posts, "reactions")


SUMMARY_ROWS = (  # (label, kpi, which value); every figure is followed by the posts it covers
    ("posts", "posts", "value"),
    ("summed reach (not unique people)", "summed_reach", "value"),
    ("posts with reach", "summed_reach", "posts_covered"),
    ("impressions or views", "impressions", "value"),
    ("posts with impressions or views", "impressions", "posts_covered"),
    ("video views", "video_views", "value"),
    ("posts with video views", "video_views", "posts_covered"),
    ("frequency (Σ impressions ÷ Σ reach)", "frequency", "value"),
    ("posts with frequency", "frequency", "posts_covered"),
    ("interactions", "interactions", "value"),
    ("posts with interactions", "interactions", "posts_covered"),
    ("ER by reach, mean of post rates", "engagement_rate_by_reach", "mean_of_post_rates"),
    ("ER by reach, Σ interactions ÷ Σ reach", "engagement_rate_by_reach", "value"),
    ("posts with ER by reach", "engagement_rate_by_reach", "posts_covered"),
    ("ER by impressions, mean of post rates", "engagement_rate_by_impressions", "mean_of_post_rates"),
    ("ER by impressions, Σ interactions ÷ Σ impressions", "engagement_rate_by_impressions", "value"),
    ("posts with ER by impressions", "engagement_rate_by_impressions", "posts_covered"),
    ("ER by video views, mean of post rates", "engagement_rate_by_views", "mean_of_post_rates"),
    ("ER by video views, Σ interactions ÷ Σ video views", "engagement_rate_by_views", "value"),
    ("posts with ER by video views", "engagement_rate_by_views", "posts_covered"),
    ("conversation rate (comments per post)", "conversation_rate", "value"),
    ("posts with comments", "conversation_rate", "posts_covered"),
    ("amplification rate (shares per post)", "amplification_rate", "value"),
    ("posts with shares", "amplification_rate", "posts_covered"),
    ("applause rate (reactions per post)", "applause_rate", "value"),
    ("posts with reactions", "applause_rate", "posts_covered"),
    ("watch time (hours)", "watch_time_hours", "value"),
    ("posts with watch time", "watch_time_hours", "posts_covered"),
)


def channel_summary(posts: pd.DataFrame, by: str = "platform") -> pd.DataFrame:
    """One row per channel with the headline figures of both lenses, labelled with their denominators; by
    another column than the platform, one row per platform and value of it (indexed by both: group_columns).

    A wide view of `kpis`: reach summed only as "summed reach (not unique people)", engagement rates both
    as the mean of per-post rates and as the ratio of sums, each followed by the posts it covers; NaN where
    no post reports what a figure needs. YouTube's 'impressions' are thumbnail impressions (impressions kind):
    its videos are judged by video views.
    """
    long = kpis(posts, by)
    if long.empty:
        return pd.DataFrame()
    names = group_columns(posts, by)
    table = long.set_index([*names, "kpi"])
    groups = long[names].drop_duplicates()  # in kpis' order: sorted
    out = pd.DataFrame(index=pd.MultiIndex.from_frame(groups) if len(names) > 1 else pd.Index(groups[by], name=by))
    for label, kpi, field in SUMMARY_ROWS:
        out[label] = [table.loc[(*(key if isinstance(key, tuple) else (key,)), kpi), field] for key in out.index]
    # a table without the column (kpis takes one) has no kind known for any post: "not reported", as kpis' NA
    known = posts["impressions_kind"] if "impressions_kind" in posts else pd.Series(pd.NA, posts.index, "string")
    kinds = known.groupby([group_keys(posts, name) for name in names], observed=True).agg(
        lambda k: " + ".join(sorted(k.dropna().unique())) or "not reported")  # "unknown" too
    out.insert(out.columns.get_loc("posts with impressions or views") + 1, "impressions kind", kinds.reindex(out.index))
    return out

