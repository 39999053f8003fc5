"""The two lenses side by side: do the posts that reach most also engage most?

Comparisons are made within one platform (reach on one network is not the audience of another) and
over posts that report both measures; each result carries its sample size and uncertainty.
"""
from __future__ import annotations

import warnings
from itertools import combinations

import numpy as np
import pandas as pd
from scipy import stats

from .errors import WorkbookError, WorkbookWarning, unknown_name
from .i18n import Message
from .metrics import RATES, UNKNOWN_GROUP, column, floats, group_columns, group_keys, interactions_of, operand, \
    paid_flag, rate
from .statistics import MIN_INTERVAL_VALUES, cliffs_delta_sized, \
    fisher_interval, holm, kendall_jackknife_se, kruskal_test, mann_whitney_test, median_interval, \
    ratio_of_medians_interval

#: The significance level of the tests whose result a sentence states ("differ", "ahead").
SIGNIFICANCE = 0.05
#: Fewest posts a verdict on how the two lenses relate is given from: a rank correlation's interval (the
#: normal approximation on Fisher's z behind it is too rough below: at 4 or 5 pairs it gives intervals of
#: little meaning) and an elasticity (its interval from 5 posts runs over most of the scale: 0.85 to 3.19 on
#: 7 posts). One minimum, so that a report never quotes one from posts it calls too few for the other.
MIN_CORRELATION_INTERVAL = 10
#: The elasticity's bins of posts by reach (elasticity_bins): at most this many (more give the Theil–Sen fit
#: more points, but fewer interactions a bin), at least this many (at 4 or 5 bins scipy's interval spans
#: every pairwise slope, and with 4 the bins' rates fall in order by chance 2 times in 4! = 24, 8%, beyond
#: the 5% a 95% interval allows; with 5, 2 in 120) and at least this many posts a bin where the posts allow
#: that many bins (with 2, one viral post sways a bin too far: 7.7% of false claims at 50 posts, against 5.0%
#: with 3, in a trial run).
MAX_ELASTICITY_BINS = 20
MIN_ELASTICITY_BINS = 5
MIN_BIN_POSTS = 3
#: Fewest interactions each bin must hold, expected at the platform's own rate (Σ interactions ÷ Σ reach × the
#: bin's reach) or drawn (elasticity_bins): with fewer, the log of its rate is biased and often undefined (0
#: interactions), and where even MIN_ELASTICITY_BINS bins fall short the elasticity is not classed
#: ('few_interactions'). Chosen by benchmarks/elasticity_check.py (see the README's figures).
MIN_BIN_INTERACTIONS = 5
#: Fewest posts of a group (a format) reporting a measure for the group to be tested against the others
#: (compare_groups); its median's 95% interval needs more (statistics.MIN_INTERVAL_VALUES).
MIN_GROUP_POSTS = 3


def spearman_with_interval(x: pd.Series, y: pd.Series, confidence: float = 0.95) -> dict:
    """Spearman's rank correlation with a confidence interval and p-value, over pairs reporting both.

    Interval: Fisher z-transform with the Bonett & Wright (2000) standard error for Spearman's rho,
    sqrt((1 + rho²/2) / (n − 3)), from MIN_CORRELATION_INTERVAL pairs; none when rho is ±1 (the transform
    has no finite value there). p-value from scipy.stats.spearmanr.
    """
    xs, ys = _pairs(x, y)
    n = len(xs)
    out = {"n": n, "rho": np.nan, "ci_low": np.nan, "ci_high": np.nan, "p_value": np.nan,
           "confidence": confidence}
    if not _rankable(xs, ys):
        return out
    result = stats.spearmanr(xs, ys)
    rho = _exact_one(float(result.statistic))
    out.update(rho=rho, p_value=float(result.pvalue))
    if n >= MIN_CORRELATION_INTERVAL:
        low, high = fisher_interval(rho, n, np.sqrt((1 + rho ** 2 / 2) / (n - 3)), confidence)
        out.update(ci_low=low, ci_high=high)
    return out


#: The strength words of a rank correlation's size |ρ|, each with the size it stays below (agreement_strength);
#: from the last of them up, STRENGTH_TOP. The lesson words its scale from these (lesson.agreement_body).
STRENGTH_LIMITS = (("negligible", 0.1), ("weak", 0.3), ("moderate", 0.6), ("strong", 0.8))
STRENGTH_TOP = "very_strong"


def agreement_strength(rho: float) -> str:
    """The usual words for a rank correlation's size |ρ| (STRENGTH_LIMITS): negligible below 0.1 (under
    Cohen's small effect, r = 0.1; Schober, Boer & Schwarte, Anesth Analg 2018;126:1763, call it negligible),
    weak below 0.3, moderate below 0.6, strong below 0.8, very strong from 0.8; ρ classed as the reports write
    it, with two decimals, so that 0.596, written 0.60, is called strong beside its figure."""
    size = abs(round(float(rho), 2))
    return next((word for word, limit in STRENGTH_LIMITS if size < limit), STRENGTH_TOP)


def _exact_one(r: float) -> float:
    """A correlation within floating-point error of ±1 (scipy gives 0.9999999999999999 for identical
    rankings) is ±1, so that it is treated as perfect rather than given a zero-width interval."""
    return float(np.sign(r)) if abs(r) > 1 - 1e-12 else r


def _pairs(x: pd.Series, y: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """The (x, y) pairs where both are reported, as float arrays (metrics.floats), pair by pair in order."""
    xs, ys = floats(x), floats(y)
    both = ~(np.isnan(xs) | np.isnan(ys))
    return xs[both], ys[both]


def _rankable(xs: np.ndarray, ys: np.ndarray) -> bool:
    """A rank correlation needs three pairs and some spread in each measure."""
    return len(xs) >= 3 and len(np.unique(xs)) > 1 and len(np.unique(ys)) > 1


def kendall_with_interval(x: pd.Series, y: pd.Series, confidence: float = 0.95) -> dict:
    """Kendall's tau-b with a confidence interval and p-value, over pairs reporting both.

    Interval, from MIN_CORRELATION_INTERVAL pairs: Fisher z-transform, z ± t(n − 1)·se, with se the
    jackknife standard error of tau-b (statistics.kendall_jackknife_se, which counts ties as tau-b does)
    carried to z by the delta method (÷ (1 − tau²)), and never below the no-ties standard error
    sqrt(0.437 / (n − 4)) of Fieller, Hartley & Pearson (1957), which stands in when the jackknife has no value
    (one post alone differs from the rest in a measure), with Student's t at n − 1 degrees of freedom (the
    jackknife's). Measured (benchmarks/interval_coverage.py, family 'rank', 10 to 200 posts): it holds the
    true tau-b 93% to 100% of the time where 76% or 91% of the posts have no interaction, and 97% to 100%
    where few posts tie; the no-ties error alone held it 88% to 96% and 72% to 96%. Tau and p-value from
    scipy.stats.kendalltau.
    """
    xs, ys = _pairs(x, y)
    n = len(xs)
    out = {"n": n, "tau": np.nan, "ci_low": np.nan, "ci_high": np.nan, "p_value": np.nan}
    if not _rankable(xs, ys):
        return out
    result = stats.kendalltau(xs, ys)
    tau = _exact_one(float(result.statistic))
    out.update(tau=tau, p_value=float(result.pvalue))
    if n >= MIN_CORRELATION_INTERVAL and abs(tau) < 1:
        se = np.fmax(np.sqrt(0.437 / (n - 4)), kendall_jackknife_se(xs, ys) / (1 - tau ** 2))
        low, high = fisher_interval(tau, n, se, confidence, df=n - 1)
        out.update(ci_low=low, ci_high=high)
    return out


def rank_agreement(posts: pd.DataFrame, x: str = "reach", y: str = "interactions",
                   by: str = "platform", confidence: float = 0.95) -> pd.DataFrame:
    """Spearman agreement between two rankings of the posts, per platform, with intervals and counts; by
    another column (by="format"), per platform and value of it (metrics.group_columns), since a ranking of
    reach never mixes two platforms' counts. Posts none of which reports `x` (reach, on X, LinkedIn, YouTube
    or TikTok) are an error (reported), not a row of NaN over 0 posts: rank_agreement_by_broadcast ranks each
    platform by the count it reports."""
    reported(posts, x, "rank_agreement", "imports.compare.hint_ranks")
    return _rank_agreement(posts, x, y, by, confidence)


def _rank_agreement(posts: pd.DataFrame, x: str, y: str, by: str, confidence: float) -> pd.DataFrame:
    """rank_agreement's table; a group reporting none of `x` gets n 0 and NaN."""
    column(posts, by)
    for name in (x, y):  # a misspelt name is an error, said once, before any platform is ranked
        _measure(posts.iloc[0:0], name)
    names = group_columns(posts, by)
    rows = []
    for key, group in posts.groupby(names, sort=True, observed=True):
        xs = _measure(group, x)
        ys = _measure(group, y)
        spearman = spearman_with_interval(xs, ys, confidence)
        kendall = kendall_with_interval(xs, ys, confidence)
        rows.append({**dict(zip(names, key, strict=True)), "posts": len(group), "n": spearman["n"],
                     "rho": spearman["rho"],
                     "ci_low": spearman["ci_low"], "ci_high": spearman["ci_high"], "p_value": spearman["p_value"],
                     "tau": kendall["tau"], "tau_ci_low": kendall["ci_low"], "tau_ci_high": kendall["ci_high"],
                     "confidence": confidence})
    columns = [*names, "posts", "n", "rho", "ci_low", "ci_high", "p_value", "tau", "tau_ci_low", "tau_ci_high",
               "confidence"]
    return pd.DataFrame(rows, columns=columns).set_index(names if len(names) > 1 else by)


def rank_agreement_by_broadcast(posts: pd.DataFrame, y: str = "interactions",
                                confidence: float = 0.95) -> pd.DataFrame:
    """rank_agreement per platform, each ranked by its own broadcast count (broadcast_measure: reach, else
    impressions or video views), named in the column 'compared by': X, LinkedIn, YouTube and TikTok get a
    ranking too, not a row of NaN for the reach they do not report. A platform reporting no broadcast count
    at all gets its row with n 0 (the report says so in words), not an error: the other platforms still rank."""
    if "broadcast_measure" not in posts:
        posts = with_broadcast(posts)
    parts = []
    for platform, mine in posts.groupby("platform", sort=True):
        measure = mine["broadcast_measure"].iloc[0]
        parts.append(_rank_agreement(mine, measure, y, "platform", confidence).assign(**{"compared by": measure}))
    if not parts:
        return _rank_agreement(posts, "reach", y, "platform", confidence).assign(
            **{"compared by": pd.Series(dtype="string")})
    return pd.concat(parts)


def _measure(posts: pd.DataFrame, name: str) -> pd.Series:
    """A per-post measure by name: a column, or a derived metric (interactions, a rate of metrics.RATES)."""
    if name == "interactions":
        return interactions_of(posts).astype("Float64")
    if name in RATES and name not in posts:
        return rate(posts, name)
    if not isinstance(name, str) or name not in posts:
        raise unknown_name(Message("imports.names.measure"), name,
                           [c for c in dict.fromkeys([*posts.columns, "interactions", *RATES])
                            if c == "interactions" or c in RATES or pd.api.types.is_numeric_dtype(posts[c])],
                           prefer=rate_judged_by(posts))  # 'engagement_rate': the one the report uses
    return posts[name].astype("Float64")


def rate_judged_by(posts: pd.DataFrame) -> list[str]:
    """The engagement rate one platform's posts are judged by (RATE_OF_MEASURE of broadcast_measure), as a
    preference among equally close names in a did-you-mean; [] when the posts cannot say (several platforms,
    or a table of the analyst's without the columns it needs): a suggestion never fails the error it adds to."""
    try:
        return [RATE_OF_MEASURE[broadcast_measure(posts)]]
    except (KeyError, WorkbookError):
        return []


#: The engagement rate that goes with each broadcast measure: interactions divided by it.
RATE_OF_MEASURE = {"reach": "engagement_rate_by_reach", "impressions": "engagement_rate_by_impressions",
                   "video_views": "engagement_rate_by_views"}


def with_broadcast(posts: pd.DataFrame) -> pd.DataFrame:
    """The posts with their platform's broadcast count (broadcast_measure) in three columns:
    'broadcast_measure' (its name), 'broadcast' (its value) and 'engagement_rate_by_broadcast' (interactions
    ÷ it, RATE_OF_MEASURE). Every comparison of the two lenses then runs on reach where the exports report it,
    and on impressions or views where they do not (X, LinkedIn, YouTube, TikTok), one platform at a time."""
    n = len(posts)
    names = np.full(n, "reach", dtype=object)
    values, rates = np.full(n, np.nan), np.full(n, np.nan)
    for platform, positions in posts.groupby("platform", sort=False).indices.items():
        group = posts.iloc[positions]
        measure = broadcast_measure(group)
        names[positions] = measure
        values[positions] = group[measure].astype("Float64").to_numpy(float, na_value=np.nan)
        rates[positions] = rate(group, RATE_OF_MEASURE[measure]).to_numpy(float, na_value=np.nan)
    return posts.assign(broadcast_measure=pd.array(names, dtype="string"), broadcast=pd.array(values, dtype="Float64"),
                        engagement_rate_by_broadcast=pd.array(rates, dtype="Float64"))  # no deep copy (copy on write)


def broadcast_measure(posts: pd.DataFrame, min_posts: int = 3) -> str:
    """The broadcast count one platform's posts are compared by against interactions: 'reach' where the
    exports report it, else 'impressions' (impressions or views, as the export counts them: X, LinkedIn),
    else 'video_views' (TikTok's exports count plays only; YouTube's impressions are thumbnail impressions,
    so its videos are compared by views). A count qualifies when at least `min_posts` posts report it with
    interactions and at least half as many as the best-covered count does (reach on 3 posts of 200 that
    report impressions would describe 3 posts). When none does (too few posts report interactions, which the
    report says), the count the most posts report, by the same rule without interactions (a YouTube export
    without likes or comments still counts views); 'reach' when no post reports any."""
    one_platform(posts, "broadcast_measure")
    engaged = _measure(posts, "interactions").notna().to_numpy(bool)
    # YouTube's thumbnail impressions count times a thumbnail was shown, not the video: not a broadcast count
    thumbnails = posts["impressions_kind"].eq("thumbnail_impressions").fillna(False).to_numpy(bool)
    covered = {name: int((posts[name].notna().to_numpy(bool) & engaged
                          & ~(thumbnails if name == "impressions" else False)).sum())
               for name in ("reach", "impressions", "video_views")}
    best = max(covered.values())
    for name, count in covered.items():
        if count >= min_posts and 2 * count >= best:
            return name
    carried = {name: int((posts[name].notna().to_numpy(bool) & ~(thumbnails if name == "impressions" else False)
                          ).sum()) for name in covered}
    most = max(carried.values())
    return next((name for name, count in carried.items() if count and 2 * count >= most), "reach")


#: How many times its Engaged views a YouTube post's Views must be for views_with_replays to name it. Since 31
#: March 2025 Views count every start or replay of a Short, Engaged views as Views were counted before; a post
#: watched once through has the two within a few percent (areikher's early-2025 videos: 1.00 to 1.04), while a
#: Short replayed in a loop runs to two to four times (1,424 Views, 532 Engaged views). 1.5 leaves the first
#: well below and names the second.
REPLAYED_VIEWS_RATIO = 1.5


def views_with_replays(posts: pd.DataFrame) -> pd.Series:
    """Whether each post's video views are at least REPLAYED_VIEWS_RATIO times its engaged views (YouTube's
    Views against its Engaged views, both from the same export): replays of a Short, counted as views since 31
    March 2025, make up much of its video views, and a ranking by video views puts it higher than its views as
    counted before would. False where either count is missing: nothing tells."""
    if "engaged_views" not in posts:
        return pd.Series(False, index=posts.index)
    views = posts["video_views"].astype("float64")
    engaged = posts["engaged_views"].astype("float64")
    return (views.ge(REPLAYED_VIEWS_RATIO * engaged) & views.gt(engaged)).fillna(False).astype(bool)


def top_order(posts: pd.DataFrame, a: str = "reach", b: str = "interactions") -> pd.Series:
    """Each post's place in the order of `a` (1 = first), over the posts reporting both `a` and `b`: highest
    `a` first; a tie goes to the earlier post, then by post id, never by `b` (which would build agreement
    into the comparison). The rank-shift figure and the best-post finding take their top posts in this order."""
    frame = pd.DataFrame({"a": _measure(posts, a), "b": _measure(posts, b), "published_at": posts["published_at"],
                          "post_id": posts["post_id"]}).dropna(subset=["a", "b"])
    frame = frame.sort_values(["a", "published_at", "post_id"], ascending=[False, True, True])
    return pd.Series(np.arange(1, len(frame) + 1), index=frame.index, dtype="int64")


def surely_in_top(values: pd.Series, n: int) -> pd.Index:
    """The posts in the top n by `values` however ties are broken: ranked n or better even when a tie takes
    the worse rank, and above 0. Posts tied across the n-th place may or may not be in the top n, so they are
    not counted (20 posts with 1 interaction each are not "among the 10 with most interactions"), nor is a
    post with none of the measure."""
    values = values.astype("float64")
    worst_rank = values.rank(ascending=False, method="max")
    return values[(worst_rank <= n) & (values > 0)].sort_values(ascending=False, kind="stable").index


#: The counts a post may report its broadcast by, as broadcast_measure chooses among them.
BROADCAST_COUNTS = ("reach", "impressions", "video_views")


class PlatformsLeftOut(WorkbookWarning):
    """A comparison of the two lenses given posts of several platforms, some of which report none of the count
    it compares by (reported): those platforms' posts are left out of it (errors.WorkbookWarning: shown in the
    active language, every time)."""


def reported(posts: pd.DataFrame, x: str, what: str, hint: str) -> None:
    """An error when posts are given and none reports `x`: X, LinkedIn, YouTube and TikTok report no reach,
    and a ranking or a fit over 0 posts would come back as NaN without a word. It names the column, the
    platforms, the counts the posts do report, and the way on (`hint`: rank_agreement_by_broadcast, x=).
    When some platforms' posts report `x` and others' none, a warning (PlatformsLeftOut) names the platforms
    left out, with how to select them and the way on: a warning, as the explorer's other partial figures
    (explore.posts_behind, metrics.period_change), so that a notebook run over a folder goes on."""
    if posts.empty:
        return
    has = _measure(posts, x).notna()
    if not has.any():
        raise WorkbookError(Message("imports.compare.x_not_reported", count=len(posts), x=repr(x), what=what,
                                    platforms=_platform_names(posts), hint=_hint(posts, x, hint)))
    left = _left_out(posts, has)
    if left.any():
        out = posts[left]
        warnings.warn(PlatformsLeftOut(Message(
            "imports.compare.x_partly_reported", count=len(out), x=repr(x), what=what, platforms=_platform_names(out),
            kept=_platform_names(posts[has]), example=str(sorted(out["platform"].unique())[0]),
            hint=_hint(out, x, hint))), stacklevel=3)


def _left_out(posts: pd.DataFrame, has: pd.Series) -> pd.Series:
    """The posts of the platforms none of whose posts has `has` (all False for a table of the analyst's without
    a platform column: one set of posts)."""
    if "platform" not in posts:
        return pd.Series(False, index=posts.index)
    return posts["platform"].notna() & ~posts["platform"].isin(posts.loc[has, "platform"].dropna().unique())


def lifts_reported(posts: pd.DataFrame, x: str, rate: str) -> None:
    """paid_vs_organic's reported: an error when no post reports `x`, a warning (PlatformsLeftOut) naming the
    platforms none of whose posts does. Its two lifts are medians taken apart, so such a platform loses the
    reach lift alone, and keeps the engagement-rate lift where its posts report `rate` (clicks ÷ impressions
    on X beside reach on Facebook): the warning says which, and the hint asks for a rate only where none is."""
    if posts.empty:
        return
    has = _measure(posts, x).notna()
    if not has.any():
        raise WorkbookError(Message("imports.compare.x_not_lifted", count=len(posts), x=repr(x),
                                    platforms=_platform_names(posts), hint=_lift_hint(posts, x, rate)))
    left = _left_out(posts, has)
    if left.any():
        out = posts[left]
        rated = _measure(out, rate).notna().any()
        warnings.warn(PlatformsLeftOut(Message(
            "imports.compare.reach_lift_left_out" if rated else "imports.compare.lifts_left_out", count=len(out),
            x=repr(x), rate=repr(rate), platforms=_platform_names(out), kept=_platform_names(posts[has]),
            example=str(sorted(out["platform"].unique())[0]), hint=_lift_hint(out, x, rate))), stacklevel=3)


def _lift_hint(posts: pd.DataFrame, x: str, rate: str) -> Message:
    """paid_vs_organic's way on for these posts: another `x`, and another rate only where they report none of
    `rate` (the rate lift does not need the rate to divide by `x`)."""
    rated = _measure(posts, rate).notna().any()
    return _hint(posts, x, "imports.compare.hint_lift" if rated else "imports.compare.hint_lift_rate")


def _platform_names(posts: pd.DataFrame) -> list[Message]:
    return [Message(f"platform.{p}") for p in sorted(posts["platform"].dropna().unique())]


def _hint(posts: pd.DataFrame, x: str, hint: str) -> Message:
    """The way on (`hint`), naming the broadcast counts other than `x` these posts report."""
    counts = [name for name in BROADCAST_COUNTS if name != x and name in posts and posts[name].notna().any()]
    return Message(hint, reported=", ".join(map(repr, counts)) or Message("imports.compare.no_count"))


def dividing_by_x(x: str, rate: str, what: str) -> None:
    """An error when `rate` divides by another count than `x` (metrics.RATES; with_broadcast's
    'engagement_rate_by_broadcast' by 'broadcast'): a quadrant of impressions against a rate by reach, plotted
    as one count's two lenses, would set two counts side by side as one. It names the rate of the same numerator dividing by `x`, where
    there is one, else the `x` the rate divides by. A rate of
    the analyst's own (a column not in RATES) divides by what the analyst knows: not checked."""
    numerator, denominator, _ = ("interactions", "broadcast", 1.0) if rate == "engagement_rate_by_broadcast" \
        else RATES.get(rate, (None, None, None))
    if denominator is None or denominator == x:
        return
    meant = "engagement_rate_by_broadcast" if (x, numerator) == ("broadcast", "interactions") else next(
        (name for name, (top, bottom, _) in RATES.items() if (top, bottom) == (numerator, x)), None)
    hint = Message("imports.compare.hint_rate_for_x", rate=repr(meant), x=repr(x)) if meant else \
        Message("imports.compare.hint_x_for_rate", denominator=repr(denominator))
    raise WorkbookError(Message("imports.compare.rate_not_of_x", what=what, rate=repr(rate),
                                denominator=repr(denominator), x=repr(x), hint=hint))


def one_platform(posts: pd.DataFrame, what: str) -> None:
    """Rankings, fits and tests between groups compare posts of one platform; an error names the platforms
    there are and the way to select one. A table of the analyst's without a platform column is one set of
    posts: there is nothing to pool."""
    if "platform" not in posts:
        return
    platforms = posts["platform"].dropna().unique()
    if len(platforms) > 1:
        names = [str(p) for p in sorted(platforms)]
        raise WorkbookError(Message("imports.compare.one_platform", what=str(what), platforms=names,
                                    example=names[0]))


def top_n_overlap(posts: pd.DataFrame, n: int, a: str = "reach", b: str = "interactions") -> dict:
    """How many of the top-n posts by `a` are also in the top n by `b`, over one platform's posts reporting both.

    A post is in a top n when it is there however ties are broken, and has some of the measure
    (surely_in_top): the same rule for both lenses, so ties neither make nor hide agreement. Returns the
    overlap count, its share of n, the two lists (`top_a`, `top_b`, highest first), the posts on top under one
    lens only, the lists' sizes (`size_a`, `size_b`: below n where a tie spans the n-th place or posts have
    none of the measure), `chance`, the overlap two unrelated lists of those sizes would have on average:
    size_a · size_b ÷ posts compared (the mean of the hypergeometric distribution), and `p_value`, how often
    unrelated lists would share at least as many posts (one-sided: P(X ≥ overlap), X hypergeometric), so that
    an overlap above `chance` can be told from one chance alone gives. Posts none of which reports `a` (reach,
    on X, LinkedIn, YouTube or TikTok) are an error (reported), not an overlap of 0 posts.
    """
    one_platform(posts, "top_n_overlap")
    reported(posts, a, "top_n_overlap", "imports.compare.hint_rank")
    return _top_n_overlap(posts, n, a, b)


def _top_n_overlap(posts: pd.DataFrame, n: int, a: str, b: str) -> dict:
    """top_n_overlap without its checks (n 0 where no post reports `a`), for the client report, which says in
    words where a platform counts nothing broadcast."""
    va, vb = _measure(posts, a), _measure(posts, b)
    eligible = va.notna() & vb.notna()
    k = min(n, int(eligible.sum()))
    top_a, top_b = surely_in_top(va[eligible], k), surely_in_top(vb[eligible], k)
    common = top_a.intersection(top_b)
    compared = int(eligible.sum())
    return {
        "n": k, "requested_n": n, "posts_compared": compared, "size_a": len(top_a), "size_b": len(top_b),
        "chance": len(top_a) * len(top_b) / compared if compared else np.nan,
        "p_value": float(stats.hypergeom.sf(len(common) - 1, compared, len(top_a), len(top_b))) if compared else np.nan,
        "overlap": len(common), "share": len(common) / k if k else np.nan,
        "top_a_only": top_a.difference(top_b, sort=False), "top_b_only": top_b.difference(top_a, sort=False),
        "both": common, "top_a": top_a, "top_b": top_b, "a": a, "b": b,
    }


def rank_table(posts: pd.DataFrame, a: str = "reach", b: str = "interactions") -> pd.DataFrame:
    """Each post's rank under both lenses (1 = highest; tied posts share the better rank, and 'last rank by'
    holds the worse end of the tie: 4 and 11 for eight posts tied from 4th), within its platform, over posts
    reporting both, and its place in the platform's top by `a` ('top order', see top_order). Posts none of
    which reports `a` (reach, on X, LinkedIn, YouTube or TikTok) are an error (reported), not an empty table."""
    reported(posts, a, "rank_table", "imports.compare.hint_rank")
    return _rank_table(posts, a, b)


def _rank_table(posts: pd.DataFrame, a: str, b: str) -> pd.DataFrame:
    """rank_table without its check that some post reports `a` (no row then), for the client report, which
    says in words where a platform counts nothing broadcast."""
    va, vb = _measure(posts, a), _measure(posts, b)
    frame = pd.DataFrame({"platform": posts["platform"], a: va, b: vb}).dropna()
    for name in (a, b):
        ranked = frame.groupby("platform")[name]
        frame[f"rank by {name}"] = ranked.rank(ascending=False, method="min").astype(int)
        frame[f"last rank by {name}"] = ranked.rank(ascending=False, method="max").astype(int)
    order = [top_order(group, a, b) for _, group in posts.loc[frame.index].groupby("platform")]
    frame["top order"] = pd.concat(order) if order else pd.Series(dtype="int64")
    return frame


def elasticity(posts: pd.DataFrame, confidence: float = 0.95, x: str = "reach") -> dict:
    """How interactions scale with reach (or with the broadcast count `x`): the elasticity b of
    interactions ≈ e^a · reach^b, fitted on posts grouped by reach (elasticity_fit). b < 1 means engagement
    rate falls as reach grows, b > 1 that it rises. One platform at a time: reach on one network is not reach
    on another. Posts none of which reports `x` (reach, on X, LinkedIn, YouTube or TikTok) are an error
    (reported) naming the counts they do report, not a NaN slope.
    """
    one_platform(posts, "elasticity")
    reported(posts, x, "elasticity", "imports.compare.hint_fit")
    return elasticity_fit(posts, confidence, x)


def elasticity_by_account(posts: pd.DataFrame, confidence: float = 0.95, x: str = "reach") -> dict[str, dict]:
    """One platform's elasticity fitted on each account's posts apart ({account: elasticity_fit}), for posts
    that come from several accounts (pages, profiles, channels, as the exports name them): accounts of very
    different size pooled make a slope neither has (X, rOpenSci 1.11 and Wormhole_BR 0.75 alone, 0.56
    pooled), since the larger account's posts fill the high bins of reach and the smaller one's the low bins.
    Empty when the posts name fewer than two accounts; a post naming none is in no account's fit."""
    from .sources import several_accounts  # the one rule of what "several accounts" is, as the coverage notes say

    one_platform(posts, "elasticity_by_account")
    names = next(iter(several_accounts(posts).values()), [])
    accounts = posts["account"].astype(str).where(posts["account"].notna())
    return {name: elasticity_fit(posts[accounts == name], confidence, x) for name in names}


def elasticity_fit(posts: pd.DataFrame, confidence: float, x: str) -> dict:
    """elasticity without its check that some post reports `x` (no fit, 'too_few' with n 0, when none does,
    for the client report, whose platform counting nothing broadcast is said in words).

    The posts, sorted by reach, are cut into k bins of about equal numbers of posts, posts of the same reach
    in one bin (elasticity_bins); each bin j gives its engagement rate as a ratio of sums,
    r_j = Σ interactions ÷ Σ reach, at its geometric mean reach x_j. The Theil–Sen line log r_j = c + s·log x_j (median of pairwise slopes, scipy's interval) gives
    b = 1 + s, since log(interactions) = log(rate) + log(reach), with the interval shifted by 1; 'intercept'
    is c, the line's log(interactions) at log(reach) 0. 'bins' is k, 'interactions' their total.

    Why bins, not METRICS.md's Theil–Sen on each post's log(interactions): posts with 0 interactions have no
    logarithm, and the log of small whole numbers is biased, both flattening the slope where counts are
    small. With interactions Poisson at a flat 1% of a reach of median 300, that fit put the interval below 1
    in 92% of draws of 200 posts; binned, in 4% (benchmarks/elasticity_check.py). Zeros count in their
    bin's sum, and Theil–Sen over the bins keeps the robustness it was chosen for: a few viral posts move a
    bin or two, not the median slope. Poisson pseudo-maximum likelihood (Santos Silva & Tenreyro 2006), the
    usual cure for zeros, was tried and is not robust: four posts at 30 times the rate among 200 made it
    claim a falling rate in nearly half the draws.

    No fit, and 'unfitted' says why: 'too_few' below MIN_CORRELATION_INTERVAL posts with `x` above 0 (the
    minimum the rank agreement is judged from); 'no_spread' when they have the same reach, or no two bins
    differ in reach; 'few_reach_values' when the posts take too few distinct values of reach to cut into
    MIN_ELASTICITY_BINS bins (reach_cuts: 60 posts at 1,000, 5,000 and 20,000 make 3 bins, whatever their
    interactions); 'few_interactions' when even MIN_ELASTICITY_BINS bins would hold fewer than
    MIN_BIN_INTERACTIONS interactions in some bin, or some bin drew none (elasticity_bins): the counts are too
    small per post to tell a falling rate from a flat one. Posts with 0 reach (or 0 of `x`) have no rate and
    are left out, and counted ('left_out_zero'); posts with 0 interactions are kept. 'reach_values' is how
    many distinct values of reach the posts take.
    """
    both = pd.DataFrame({"reach": _measure(posts, x), "interactions": _measure(posts, "interactions")}).dropna()
    fitted = both[both["reach"] > 0]
    out = {"slope": np.nan, "ci_low": np.nan, "ci_high": np.nan, "intercept": np.nan,
           "n": len(fitted), "left_out_zero": len(both) - len(fitted), "unfitted": None,
           "minimum": MIN_CORRELATION_INTERVAL, "bins": 0, "interactions": float(fitted["interactions"].sum()),
           "reach_values": int(fitted["reach"].nunique())}
    if len(fitted) < MIN_CORRELATION_INTERVAL:
        return out | {"unfitted": "too_few"}
    if fitted["reach"].nunique() < 2:
        return out | {"unfitted": "no_spread"}
    binned = elasticity_bins(fitted["reach"].to_numpy(float), fitted["interactions"].to_numpy(float))
    if binned is None:  # the reach values alone, or the interactions in the bins they allow
        binnable = next(reach_cuts(np.sort(fitted["reach"].to_numpy(float))), None) is not None
        return out | {"unfitted": "few_interactions" if binnable else "few_reach_values"}
    out["bins"] = len(binned)
    if binned["log_reach"].nunique() < 2:
        return out | {"unfitted": "no_spread"}
    # bins alike in both reach and rate (posts at two reaches and one rate) make scipy's variance of Kendall's
    # score negative: no interval (NaN), which the report does not show (report.elasticity_shown)
    with np.errstate(invalid="ignore"):
        fit = stats.theilslopes(np.log(binned["rate"].to_numpy()), binned["log_reach"].to_numpy(), alpha=confidence)
    return out | {"slope": 1 + float(fit.slope), "intercept": float(fit.intercept),
                  "ci_low": 1 + float(fit.low_slope), "ci_high": 1 + float(fit.high_slope)}


def elasticity_bins(reach: np.ndarray, interactions: np.ndarray) -> pd.DataFrame | None:
    """The bins of elasticity_fit: the most bins by reach (reach_cuts, most first) whose every bin holds at
    least MIN_BIN_INTERACTIONS interactions, either expected at the posts' overall rate Σ interactions ÷ Σ reach
    or drawn, and none of which drew 0 (a bin's rate of 0 has no logarithm: fewer, larger bins are tried,
    rather than no fit for an account whose posts of least reach drew nothing); None when no cut into at least
    MIN_ELASTICITY_BINS bins does.
    Expected counts choose k where the rate is flat (drawn ones alone would keep the draws whose bins of least
    reach drew more than their share, and read a falling rate); drawn ones keep the bins of least reach where
    the rate clearly falls, and they hold more than a flat rate would give them. Columns 'posts',
    'interactions', 'reach' (sums), 'rate' (their ratio) and 'log_reach' (the mean of log reach)."""
    order = np.lexsort((interactions, reach))  # by reach, then interactions: the same posts, the same sums
    reach, interactions = reach[order], interactions[order]
    overall = interactions.sum() / reach.sum()
    for cuts in reach_cuts(reach):
        label = np.searchsorted(cuts, np.arange(len(reach)), side="right")
        sums, drawn = np.bincount(label, weights=reach), np.bincount(label, weights=interactions)
        if (np.maximum(overall * sums, drawn) >= MIN_BIN_INTERACTIONS).all() and (drawn > 0).all():
            frame = pd.DataFrame({"posts": np.bincount(label), "interactions": drawn,
                                  "reach": sums, "log_reach": np.bincount(label, np.log(reach)) / np.bincount(label)})
            return frame.assign(rate=frame["interactions"] / frame["reach"])
    return None


def reach_cuts(reach: np.ndarray):
    """The ways elasticity_bins may cut posts sorted by `reach` (ascending) into bins, most bins first: for k
    from min(MAX_ELASTICITY_BINS, posts ÷ MIN_BIN_POSTS) down to MIN_ELASTICITY_BINS, array_split's cuts into k
    bins of about equal numbers of posts, each moved to the nearest place where reach changes, so that posts of
    the same reach share a bin; then a bin of fewer than MIN_BIN_POSTS posts (2 from 10 to 14 posts, which make
    MIN_ELASTICITY_BINS bins only so) is merged into its smaller neighbour (the one before on a tie), the
    smallest bin first, until none is: a bin of 1 post, which moved cuts can leave beside a run of posts of one
    reach, lets that post alone sway a point of the fit. Yields each distinct set of cuts (the indices where a
    bin begins) that leaves at least MIN_ELASTICITY_BINS bins; none when the posts take too few distinct
    values of reach, or too few posts at each, for that.
    Bins by value: a cut through posts of equal reach would let the table's row order decide which of them
    fall in which bin, and so the bins' rates and the fit (the same posts in another order gave 0.76 instead
    of 0.75); a cut between two values depends on the values alone."""
    changes = np.flatnonzero(np.diff(reach) > 0) + 1  # where a new reach begins: the only cuts allowed
    if not len(changes):
        return
    least = min(MIN_BIN_POSTS, len(reach) // MIN_ELASTICITY_BINS)
    most = min(MAX_ELASTICITY_BINS, max(MIN_ELASTICITY_BINS, len(reach) // MIN_BIN_POSTS))
    seen = set()
    for count in range(most, MIN_ELASTICITY_BINS - 1, -1):
        cuts = np.cumsum([len(part) for part in np.array_split(reach, count)])[:-1]
        after = np.minimum(np.searchsorted(changes, cuts), len(changes) - 1)
        before = np.maximum(after - 1, 0)
        closer = np.where(cuts - changes[before] <= changes[after] - cuts, changes[before], changes[after])
        edges = [0, *np.unique(closer).tolist(), len(reach)]
        while len(edges) > 2:
            sizes = np.diff(edges)
            short = int(np.argmin(sizes))  # the smallest bin, the first of equals
            if sizes[short] >= least:
                break
            # bin i runs from edges[i] to edges[i + 1]: merging it with the bin before drops edges[i]
            before_smaller = short == len(sizes) - 1 or (short > 0 and sizes[short - 1] <= sizes[short + 1])
            del edges[short if before_smaller else short + 1]
        if len(edges) - 1 >= MIN_ELASTICITY_BINS and tuple(edges) not in seen:
            seen.add(tuple(edges))
            yield np.array(edges[1:-1])


def quadrants(posts: pd.DataFrame, x: str = "reach", rate: str = "engagement_rate_by_reach") -> pd.DataFrame:
    """Each post placed by reach and engagement rate by reach (or by the broadcast count `x` and the `rate`
    dividing by it) against its platform's medians: columns 'broadcast' and 'rate', their platform's medians
    'median broadcast' and 'median rate', and 'quadrant'.

    'reach and engagement' (both above), 'reach only', 'engagement only', 'neither'; posts lacking either
    measure are left out. A `rate` dividing by another count than `x` (dividing_by_x), or posts none of which
    reports `x` (reported: reach, on X, LinkedIn, YouTube or TikTok), are an error, not an empty table.
    """
    dividing_by_x(x, rate, "quadrants")
    reported(posts, x, "quadrants", "imports.compare.hint_rate")
    return _quadrants(posts, x, rate)


def _quadrants(posts: pd.DataFrame, x: str, rate: str) -> pd.DataFrame:
    """quadrants without its checks (no row where no post reports `x`), for the client report, which says in
    words where a platform counts nothing broadcast."""
    frame = pd.DataFrame({"platform": posts["platform"], "broadcast": _measure(posts, x),
                          "rate": _measure(posts, rate)}).dropna()
    medians = frame.groupby("platform")[["broadcast", "rate"]].transform("median")
    high_reach = frame["broadcast"] > medians["broadcast"]
    high_rate = frame["rate"] > medians["rate"]
    frame["quadrant"] = np.select(
        [high_reach & high_rate, high_reach & ~high_rate, ~high_reach & high_rate],
        ["reach and engagement", "reach only", "engagement only"], default="neither")
    frame["median broadcast"] = medians["broadcast"]
    frame["median rate"] = medians["rate"]
    return frame


def compare_groups(posts: pd.DataFrame, group: str, measure: str, min_posts: int = MIN_GROUP_POSTS) -> dict:
    """A measure compared across groups (e.g. formats): medians with intervals, Kruskal–Wallis, and
    pairwise Mann–Whitney tests with Holm-adjusted p-values and Cliff's delta with its 95% interval
    (statistics.cliffs_delta_sized) and size in words as far as that interval allows. Both tests take their p from
    permutations where a group is small (statistics.PERMUTATION_BELOW): the large-sample approximations
    call too many chance differences beyond chance there.

    Groups with fewer than `min_posts` posts reporting the measure are listed but not tested, and so are
    posts whose group is missing (UNKNOWN_GROUP): a mix of groups, perhaps of every tested one, is no group
    to be ahead of or behind.

    Posts of one platform (one_platform: an error naming the platforms otherwise, and how to select one):
    pooled, a format would lead for holding more of the posts of the platform with the higher rates (reels,
    mostly Instagram's, ahead of photos, mostly Facebook's, where Instagram's photos lead its reels), and each
    platform is judged by its own rate (explore.engagement_rate_of).

    The result's "measure" names what the medians are in; the medians table carries it in its attrs too, so
    that explore.shown(result["medians"]) shows a rate's medians as percentages, as explore.shown(result) does.
    """
    one_platform(posts, "compare_groups")
    values = _measure(posts, measure)
    frame = pd.DataFrame({"group": group_keys(posts, group), "value": values}).dropna()  # a missing key: UNKNOWN_GROUP
    medians = []
    for name, part in frame.groupby("group"):
        interval = median_interval(part["value"])
        medians.append({group: name, "posts": len(part), "median": interval["median"],
                        "ci_low": interval["ci_low"], "ci_high": interval["ci_high"],
                        "tested": len(part) >= min_posts and name != UNKNOWN_GROUP})
    medians = pd.DataFrame(medians, columns=[group, "posts", "median", "ci_low", "ci_high", "tested"])
    tested = medians.loc[medians["tested"], group].tolist()
    samples = {name: frame.loc[frame["group"] == name, "value"].to_numpy(float) for name in tested}
    kruskal = {"H": np.nan, "p_value": np.nan, "groups": len(tested)}
    pairs = []
    if len(tested) >= 2 and len(np.unique(frame.loc[frame["group"].isin(tested), "value"])) > 1:
        result = kruskal_test(samples.values())
        kruskal.update(H=result["H"], p_value=result["p_value"])
        for a, b in combinations(tested, 2):
            test = mann_whitney_test(samples[a], samples[b])
            # sized only as far as its interval allows; too few posts for one, or one value in both: not sized
            pairs.append({"a": a, "b": b, "n_a": len(samples[a]), "n_b": len(samples[b]),
                          "p_value": test["p_value"], **cliffs_delta_sized(samples[a], samples[b], test["U"])})
    pairs = pd.DataFrame(pairs, columns=["a", "b", "n_a", "n_b", "p_value", "cliffs_delta", "delta_low",
                                         "delta_high", "effect"])
    pairs["p_holm"] = holm(pairs["p_value"].to_numpy()) if len(pairs) else pd.Series(dtype=float)
    medians = medians.sort_values("median", ascending=False, ignore_index=True, kind="stable")
    medians.attrs["measure"] = measure  # the unit of its medians, which explore.shown(medians) shows them in
    return {"measure": measure, "medians": medians, "kruskal": kruskal, "pairs": pairs}


def clear_leader(comparison: dict, significance: float = SIGNIFICANCE) -> str | None:
    """The group (format) with the highest median in a compare_groups result when it is ahead of every other
    tested group beyond chance: its Holm-adjusted Mann–Whitney p-value against each is below
    `significance`, and Cliff's delta says it is the one ahead. None when fewer than two groups were tested,
    when the highest median is shared, or when any difference is within chance or points the other way: the
    highest median alone is no winner."""
    medians = comparison["medians"]
    tested = medians[medians["tested"]]
    if len(tested) < 2 or tested["median"].iloc[1] == tested["median"].iloc[0]:
        return None
    top = tested.iloc[0, 0]  # the group column comes first
    pairs = comparison["pairs"]
    against = pairs[(pairs["a"] == top) | (pairs["b"] == top)]
    if len(against) < len(tested) - 1 or not (against["p_holm"] < significance).all():
        return None
    # and ahead, not behind: Cliff's delta (a against b) must favour the top group in every pair, since
    # a higher median can sit beside a distribution that beats it in most pairs
    ahead = np.where(against["a"] == top, against["cliffs_delta"] > 0, against["cliffs_delta"] < 0)
    return top if ahead.all() else None


def day_hour(posts: pd.DataFrame, measure: str = "engagement_rate_by_reach") -> pd.DataFrame:
    """Posts per platform, weekday and hour of publication, in the client's time zone; the calendar days the
    posts reporting `measure` fall on (`days`: a thread's posts of one day are one day), and the median of those
    days' values (slot_days: a day's posts pooled, as the timing test counts them).

    Per platform, as every comparison here: pooled, a slot would look good for holding the posts of the
    platform with the higher rates. Only posts whose weekday and hour are known count: date-only exports
    (precision 'day') are left out; precision 'month' (the research dataset) keeps its real weekday and hour.
    """
    keys = ["platform", "weekday", "hour"]
    table = _slots(posts, measure).groupby(keys).agg(posts=("value", "size"), reporting=("value", "count"))
    # a cell's median is of its days' values (slot_days: a day's posts pooled), as the timing test counts them:
    # a thread's posts, counted one by one, would set the colour of their cell
    units = slot_days(posts, measure).groupby(keys)["value"].agg(days="size", median="median")
    table = table.join(units).fillna({"days": 0}).astype({"days": int}).reset_index()
    order = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    table["weekday"] = pd.Categorical(table["weekday"], categories=order, ordered=True)
    return table.sort_values(["platform", "weekday", "hour"], ignore_index=True)


def _slots(posts: pd.DataFrame, measure: str) -> pd.DataFrame:
    """platform, weekday, hour and `measure` of the posts whose weekday and hour are known (see day_hour)."""
    precise = posts[posts["published_precision"].isin(["minute", "month"])]  # 'month': weekday and hour are real
    return pd.DataFrame({"platform": precise["platform"], "weekday": precise["published_at"].dt.day_name(),
                         "hour": precise["published_at"].dt.hour, "value": _measure(precise, measure)})


def slot_test(posts: pd.DataFrame, measure: str = "engagement_rate_by_reach", min_days: int = 3) -> pd.DataFrame:
    """Per platform, whether `measure` differs between weekday-and-hour slots beyond chance: Kruskal–Wallis
    across the slots holding posts of at least `min_days` days, one value per slot-day (slot_days).

    The unit is a slot-day, not a post: posts of one day in one slot (a thread, a burst) share that day's
    audience and news, so they are not independent evidence; counted one by one, a single thread of 8 posts
    makes its slot look like a pattern. Columns platform, slots (tested), days (slot-days in them), posts (in
    them), H and p_value; H and p are NaN with fewer than two such slots or when every value is the same. A
    heat map invites picking the brightest cell, whose median rests on a few posts: this says whether the slots
    differ at all (Kruskal & Wallis 1952).
    """
    units = slot_days(posts, measure)
    rows = []
    for platform, mine in units.groupby("platform"):
        slots = [g for _, g in mine.groupby(["weekday", "hour"]) if len(g) >= min_days]
        groups = [g["value"].to_numpy(float) for g in slots]
        result = {"H": np.nan, "p_value": np.nan}
        if len(groups) >= 2 and len(np.unique(np.concatenate(groups))) > 1:
            test = stats.kruskal(*groups)
            result = {"H": float(test.statistic), "p_value": float(test.pvalue)}
        rows.append({"platform": platform, "slots": len(groups), "days": int(sum(map(len, groups))),
                     "posts": int(sum(g["posts"].sum() for g in slots)), **result})
    return pd.DataFrame(rows, columns=["platform", "slots", "days", "posts", "H", "p_value"])


def slot_days(posts: pd.DataFrame, measure: str = "engagement_rate_by_reach") -> pd.DataFrame:
    """One row per platform, slot (weekday and hour) and calendar day of publication in the client's time
    zone: posts (reporting `measure`) and value, the measure of the day's posts taken together.

    A rate is pooled as the rate is defined, Σ numerator ÷ Σ denominator over the day's posts reporting it
    (interactions ÷ reach, or ÷ the broadcast count): a thread's eight posts seen once each count as 8
    interactions of 8 impressions, not as eight rates of 100%. Any other measure takes the day's median.
    Exports giving the month but not the day (precision 'month') date each post to its month's first such
    weekday: their posts of one month, weekday and hour form one unit, since which share a day is unknown.
    """
    precise = posts[posts["published_precision"].isin(["minute", "month"])]
    frame = _slots(precise, measure).assign(day=precise["published_at"].dt.date).dropna(subset=["value"])
    keys = ["platform", "weekday", "hour", "day"]
    parts = _rate_parts(precise.loc[frame.index], measure)
    if parts is None:
        units = frame.groupby(keys).agg(posts=("value", "size"), value=("value", "median"))
    else:
        numerator, denominator, scale = parts
        units = frame.assign(numerator=numerator, denominator=denominator).groupby(keys).agg(
            posts=("value", "size"), numerator=("numerator", "sum"), denominator=("denominator", "sum"))
        units["value"] = units["numerator"] / units["denominator"] * scale
    return units.reset_index()[[*keys, "posts", "value"]]


def _rate_parts(posts: pd.DataFrame, measure: str) -> tuple[pd.Series, pd.Series, float] | None:
    """The numerator and denominator (as floats) and scale of a rate measure, None for any other measure."""
    if measure == "engagement_rate_by_broadcast" and "broadcast" in posts:  # with_broadcast's rate
        numerator, denominator, scale = interactions_of(posts), posts["broadcast"], 1.0
    elif measure in RATES:
        name_numerator, name_denominator, scale = RATES[measure]
        numerator, denominator = operand(posts, name_numerator), operand(posts, name_denominator)
    else:
        return None
    return floats(numerator), floats(denominator), scale


def paid_vs_organic(posts: pd.DataFrame, min_posts: int = MIN_INTERVAL_VALUES, x: str = "reach",
                    rate: str = "engagement_rate_by_reach") -> pd.DataFrame:
    """Per platform: the reach lift and the engagement-rate lift of paid posts over organic ones (or the lifts
    of the broadcast count `x` and of the `rate` dividing by it; the columns keep the words reach and rate).

    lift = median(paid) ÷ median(organic), with bootstrap intervals, over posts whose paid flag is known and
    that report the measure; a lift needs at least `min_posts` such posts in each group (the counts are
    returned, so a sentence can say which is short). A paid post usually multiplies reach far more than it
    multiplies engagement. Posts none of which reports `x` (lifts_reported: reach, on X, LinkedIn, YouTube or
    TikTok) are an error, not lifts of NaN; a platform whose posts do not, a warning. The two lifts are of two
    medians apart, so `rate` may divide by another count than `x` (the lift of reach beside that of
    click_through_rate, clicks ÷ impressions).
    """
    lifts_reported(posts, x, rate)
    return _paid_vs_organic(posts, min_posts, x, rate)


def _paid_vs_organic(posts: pd.DataFrame, min_posts: int, x: str, rate: str) -> pd.DataFrame:
    """paid_vs_organic without its checks (lifts of NaN where no post reports `x`), for the client report,
    which says in words where a platform counts nothing broadcast."""
    rows = []
    flag = paid_flag(posts)
    known = posts.assign(paid=flag)[flag.notna()]
    missing = {"ratio": np.nan, "ci_low": np.nan, "ci_high": np.nan}
    for platform, group in known.groupby("platform"):
        paid = group[group["paid"].astype(bool)]
        organic = group[~group["paid"].astype(bool)]
        reach = (_measure(paid, x), _measure(organic, x))
        rates = (_measure(paid, rate), _measure(organic, rate))
        with_reach = [int(values.notna().sum()) for values in reach]
        with_rate = [int(values.notna().sum()) for values in rates]
        reach_lift = ratio_of_medians_interval(*reach) if min(with_reach) >= min_posts else missing
        rate_lift = ratio_of_medians_interval(*rates) if min(with_rate) >= min_posts else missing
        rows.append({"platform": platform, "paid posts": len(paid), "organic posts": len(organic),
                     "paid with reach": with_reach[0], "organic with reach": with_reach[1],
                     "paid with rate": with_rate[0], "organic with rate": with_rate[1],
                     "reach lift": reach_lift["ratio"], "reach lift low": reach_lift["ci_low"],
                     "reach lift high": reach_lift["ci_high"], "engagement-rate lift": rate_lift["ratio"],
                     "engagement-rate lift low": rate_lift["ci_low"], "engagement-rate lift high": rate_lift["ci_high"]})
    columns = ["platform", "paid posts", "organic posts", "paid with reach", "organic with reach", "paid with rate",
               "organic with rate", "reach lift",
               "reach lift low", "reach lift high", "engagement-rate lift", "engagement-rate lift low",
               "engagement-rate lift high"]
    return pd.DataFrame(rows, columns=columns)
