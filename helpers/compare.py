"""The two lenses side by side: do the posts that reach most also engage most?

Comparisons are made within one platform (reach on one network is not the audience of another) and
over posts that report both measures; each result carries its sample size and uncertainty.
"""
from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import stats

from .metrics import interactions


def spearman_with_interval(x: pd.Series, y: pd.Series, confidence: float = 0.95) -> dict:
    """Spearman's rank correlation with a confidence interval and p-value, over pairs reporting both.

    Interval: Fisher z-transform with the Bonett & Wright (2000) standard error for Spearman's rho,
    sqrt((1 + rho²/2) / (n − 3)); needs n ≥ 4. p-value from scipy.stats.spearmanr.
    """
    both = pd.DataFrame({"x": pd.to_numeric(x).astype("Float64"),
                         "y": pd.to_numeric(y).astype("Float64")}).dropna()
    n = len(both)
    out = {"n": n, "rho": np.nan, "ci_low": np.nan, "ci_high": np.nan, "p_value": np.nan,
           "confidence": confidence}
    if n < 3 or both["x"].nunique() < 2 or both["y"].nunique() < 2:
        return out
    result = stats.spearmanr(both["x"].to_numpy(float), both["y"].to_numpy(float))
    rho = float(result.statistic)
    out.update(rho=rho, p_value=float(result.pvalue))
    if n >= 4 and abs(rho) < 1:
        se = np.sqrt((1 + rho ** 2 / 2) / (n - 3))
        z = np.arctanh(rho)
        crit = stats.norm.ppf(0.5 + confidence / 2)
        out.update(ci_low=float(np.tanh(z - crit * se)), ci_high=float(np.tanh(z + crit * se)))
    return out


def rank_agreement(posts: pd.DataFrame, x: str = "reach", y: str = "interactions",
                   by: str = "platform", confidence: float = 0.95) -> pd.DataFrame:
    """Spearman agreement between two rankings of the posts, per platform, with intervals and counts."""
    rows = []
    for key, group in posts.groupby(by, sort=True, observed=True):
        xs = interactions(group) if x == "interactions" else group[x]
        ys = interactions(group) if y == "interactions" else group[y]
        result = spearman_with_interval(xs, ys, confidence)
        result[by] = key
        result["posts"] = len(group)
        rows.append(result)
    columns = [by, "posts", "n", "rho", "ci_low", "ci_high", "p_value", "confidence"]
    return pd.DataFrame(rows, columns=columns).set_index(by)


def top_posts(posts: pd.DataFrame, column: pd.Series, n: int) -> pd.Index:
    """Index of the n posts highest on `column`; ties broken by earlier publication, then post id."""
    frame = pd.DataFrame({"value": column.astype("Float64"), "published_at": posts["published_at"],
                          "post_id": posts["post_id"]}).dropna(subset=["value"])
    frame = frame.sort_values(["value", "published_at", "post_id"], ascending=[False, True, True])
    return frame.index[:n]


def top_n_overlap(posts: pd.DataFrame, n: int, a: str = "reach", b: str = "interactions") -> dict:
    """How many of the top-n posts by `a` are also in the top n by `b`, over posts reporting both.

    Returns the overlap count, its share of n, and the index of the posts on top under one lens only.
    """
    va = interactions(posts) if a == "interactions" else posts[a].astype("Float64")
    vb = interactions(posts) if b == "interactions" else posts[b].astype("Float64")
    eligible = va.notna() & vb.notna()
    pool = posts[eligible]
    k = min(n, len(pool))
    top_a = top_posts(pool, va[eligible], k)
    top_b = top_posts(pool, vb[eligible], k)
    common = top_a.intersection(top_b)
    return {
        "n": k, "requested_n": n, "posts_compared": int(eligible.sum()),
        "overlap": len(common), "share": len(common) / k if k else np.nan,
        "top_a_only": top_a.difference(top_b, sort=False), "top_b_only": top_b.difference(top_a, sort=False),
        "a": a, "b": b,
    }


def rank_table(posts: pd.DataFrame, a: str = "reach", b: str = "interactions") -> pd.DataFrame:
    """Each post's rank under both lenses (1 = highest), within its platform, over posts reporting both."""
    va = interactions(posts) if a == "interactions" else posts[a].astype("Float64")
    vb = interactions(posts) if b == "interactions" else posts[b].astype("Float64")
    frame = pd.DataFrame({"platform": posts["platform"], a: va, b: vb}).dropna()
    frame[f"rank by {a}"] = frame.groupby("platform")[a].rank(ascending=False, method="min").astype(int)
    frame[f"rank by {b}"] = frame.groupby("platform")[b].rank(ascending=False, method="min").astype(int)
    return frame
