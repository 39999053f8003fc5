"""The metrics of both lenses, one definition each, with the formula and the source of the definition.

Every function takes the canonical post table and returns a Series or DataFrame. Missing is not zero: a
rate is NA when its numerator or denominator is not reported or the denominator is 0, and every aggregate
says how many posts it covers. Rates are fractions (0.05 = 5%).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

#: What counts as an interaction (METRICS.md, "Counting"): summed over the components a platform reports.
INTERACTION_COMPONENTS = ("reactions", "comments", "shares", "saves")


@dataclass(frozen=True)
class Definition:
    """A metric as a report prints it: name, formula, denominator and where the definition comes from."""

    name: str
    label: str
    formula: str
    lens: str  # "broadcast" or "engagement"
    source: str = ""
    caveat: str = ""


DEFINITIONS: dict[str, Definition] = {d.name: d for d in [
    Definition("reach", "Reach", "unique accounts that saw the post", "broadcast",
               "platform export", "Meta's reach is estimated; reach does not add up across posts or days"),
    Definition("impressions", "Impressions / views", "times the post was on screen", "broadcast",
               "platform export", "Meta replaced impressions by views (which count repeat views) on 2025-04-21"),
    Definition("summed_reach", "Summed reach (not unique people)", "Σ reach over posts", "broadcast", "",
               "a person reached by two posts is counted twice"),
    Definition("frequency", "Frequency", "impressions ÷ reach", "broadcast", "broadcast media planning",
               "needs both from the same post; not comparable across the impressions-to-views switch"),
    Definition("interactions", "Interactions", "reactions + comments + shares + saves (those reported)",
               "engagement", "this workbook; components differ between tools (Socialinsider, Rival IQ)",
               "a platform's own 'engagements' (which counts clicks) is kept apart"),
    Definition("engagement_rate_by_reach", "Engagement rate by reach", "interactions ÷ reach", "engagement",
               "Hootsuite, Emplifi 'reach engagement rate', Rival IQ private data"),
    Definition("engagement_rate_by_impressions", "Engagement rate by impressions", "interactions ÷ impressions",
               "engagement", "X native analytics, LinkedIn, Buffer, Sprout ('per impression')"),
    Definition("conversation_rate", "Conversation rate", "comments ÷ posts", "engagement",
               "Kaushik (2011), 'Best Social Media Metrics'"),
    Definition("amplification_rate", "Amplification rate", "shares ÷ posts", "engagement", "Kaushik (2011)"),
    Definition("applause_rate", "Applause rate", "reactions ÷ posts", "engagement", "Kaushik (2011)"),
]}


def ratio(numerator: pd.Series, denominator: pd.Series) -> pd.Series:
    """numerator ÷ denominator as Float64; NA where either is NA or the denominator is not positive."""
    num = pd.to_numeric(numerator).astype("Float64")
    den = pd.to_numeric(denominator).astype("Float64")
    valid = num.notna() & den.notna() & (den > 0)
    out = pd.Series(pd.NA, index=num.index, dtype="Float64")
    out[valid.fillna(False)] = num[valid.fillna(False)] / den[valid.fillna(False)]
    return out


def interactions(posts: pd.DataFrame) -> pd.Series:
    """reactions + comments + shares + saves, over the components reported; NA when none is reported."""
    parts = posts[list(INTERACTION_COMPONENTS)].astype("Float64")
    return parts.sum(axis=1, min_count=1).astype("Float64")


def frequency(posts: pd.DataFrame) -> pd.Series:
    """impressions ÷ reach, per post (average times each reached account saw it)."""
    return ratio(posts["impressions"], posts["reach"])


def engagement_rate_by_reach(posts: pd.DataFrame) -> pd.Series:
    """interactions ÷ reach, per post."""
    return ratio(interactions(posts), posts["reach"])


def engagement_rate_by_impressions(posts: pd.DataFrame) -> pd.Series:
    """interactions ÷ impressions (or views), per post."""
    return ratio(interactions(posts), posts["impressions"])


def post_metrics(posts: pd.DataFrame) -> pd.DataFrame:
    """The post table with the per-post metrics of both lenses added as columns."""
    out = posts.copy()
    out["interactions"] = interactions(posts)
    out["frequency"] = frequency(posts)
    out["engagement_rate_by_reach"] = ratio(out["interactions"], posts["reach"])
    out["engagement_rate_by_impressions"] = ratio(out["interactions"], posts["impressions"])
    return out


def rate_over_posts(posts: pd.DataFrame, numerator: pd.Series | str, denominator: pd.Series | str) -> dict:
    """A rate over a set of posts, both ways METRICS.md asks for, with its coverage.

    mean_of_post_rates = mean(numerator_i ÷ denominator_i); ratio_of_sums = Σ numerator ÷ Σ denominator,
    both over the same posts: those reporting both, with a positive denominator.
    """
    num = posts[numerator] if isinstance(numerator, str) else numerator
    den = posts[denominator] if isinstance(denominator, str) else denominator
    rates = ratio(num, den)
    covered = rates.notna()
    n = int(covered.sum())
    return {
        "mean_of_post_rates": float(rates[covered].mean()) if n else np.nan,
        "ratio_of_sums": float(num[covered].astype("Float64").sum() / den[covered].astype("Float64").sum())
        if n else np.nan,
        "posts_covered": n,
        "posts_total": len(posts),
    }


def per_post_rate(posts: pd.DataFrame, column: str) -> dict:
    """Σ column ÷ number of posts, over the posts that report the column (Kaushik's per-post rates)."""
    values = posts[column].astype("Float64")
    n = int(values.notna().sum())
    return {"rate": float(values.sum() / n) if n else np.nan, "posts_covered": n, "posts_total": len(posts)}


def conversation_rate(posts: pd.DataFrame) -> dict:
    """Comments per post (Kaushik 2011), over posts that report comments."""
    return per_post_rate(posts, "comments")


def amplification_rate(posts: pd.DataFrame) -> dict:
    """Shares per post (Kaushik 2011), over posts that report shares."""
    return per_post_rate(posts, "shares")


def applause_rate(posts: pd.DataFrame) -> dict:
    """Reactions (likes) per post (Kaushik 2011), over posts that report them."""
    return per_post_rate(posts, "reactions")


def channel_summary(posts: pd.DataFrame, by: str = "platform") -> pd.DataFrame:
    """One row per channel: both lenses' totals and rates, each with the posts it covers.

    Reach is summed only as "summed reach (not unique people)". Engagement rates are given as the mean of
    per-post rates and as the ratio of sums. NaN where no post reports what a figure needs.
    """
    rows = []
    for key, group in posts.groupby(by, sort=True, observed=True):
        inter = interactions(group)
        by_reach = rate_over_posts(group, inter, group["reach"])
        by_impr = rate_over_posts(group, inter, group["impressions"])
        freq = rate_over_posts(group, group["impressions"], group["reach"])
        kinds = sorted(group["impressions_kind"].dropna().unique())
        rows.append({
            by: key,
            "posts": len(group),
            "summed reach (not unique people)": _sum_or_nan(group["reach"]),
            "posts with reach": int(group["reach"].notna().sum()),
            "impressions or views": _sum_or_nan(group["impressions"]),
            "impressions kind": " + ".join(kinds) if kinds else "not reported",
            "frequency (Σ impressions ÷ Σ reach)": freq["ratio_of_sums"],
            "interactions": _sum_or_nan(inter),
            "posts with interactions": int(inter.notna().sum()),
            "ER by reach, mean of post rates": by_reach["mean_of_post_rates"],
            "ER by reach, Σ interactions ÷ Σ reach": by_reach["ratio_of_sums"],
            "ER by impressions, mean of post rates": by_impr["mean_of_post_rates"],
            "ER by impressions, Σ interactions ÷ Σ impressions": by_impr["ratio_of_sums"],
            "conversation rate (comments per post)": conversation_rate(group)["rate"],
            "amplification rate (shares per post)": amplification_rate(group)["rate"],
            "applause rate (reactions per post)": applause_rate(group)["rate"],
        })
    return pd.DataFrame(rows).set_index(by) if rows else pd.DataFrame()


def _sum_or_nan(values: pd.Series) -> float:
    """Σ over reported values; NaN (not 0) when nothing is reported."""
    values = values.astype("Float64")
    return float(values.sum()) if values.notna().any() else np.nan
