"""Small statistical tools the comparisons share: intervals, effect sizes, multiple-testing correction.

Vectorised and bounded in cost, so that they run on one post and on a million: bootstrap where samples are
small, distribution-free order-statistic intervals where they are large.
"""
from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import stats

#: Above this many values, the median's interval comes from order statistics instead of the bootstrap.
BOOTSTRAP_LIMIT = 20_000
RESAMPLES = 2_000
SEED = 20260101


def _clean(values) -> np.ndarray:
    array = pd.to_numeric(pd.Series(values), errors="coerce").astype("Float64").dropna().to_numpy(float)
    return array


def median_interval(values, confidence: float = 0.95, resamples: int = RESAMPLES) -> dict:
    """The median with a confidence interval.

    Percentile bootstrap (seeded, `resamples` draws) for up to BOOTSTRAP_LIMIT values; beyond that the
    distribution-free binomial order-statistic interval (Conover, Practical Nonparametric Statistics),
    which is exact enough at that size and costs one sort.
    """
    x = _clean(values)
    n = len(x)
    out = {"median": np.nan, "ci_low": np.nan, "ci_high": np.nan, "n": n, "method": "none"}
    if n == 0:
        return out
    out["median"] = float(np.median(x))
    if n < 3:
        return out
    alpha = 1 - confidence
    if n <= BOOTSTRAP_LIMIT:
        rng = np.random.default_rng(SEED)
        chunk = max(1, 2_000_000 // n)
        medians = []
        for start in range(0, resamples, chunk):
            size = min(chunk, resamples - start)
            medians.append(np.median(x[rng.integers(0, n, size=(size, n))], axis=1))
        medians = np.concatenate(medians)
        low, high = np.quantile(medians, [alpha / 2, 1 - alpha / 2])
        out.update(ci_low=float(low), ci_high=float(high), method=f"bootstrap ({resamples} resamples)")
    else:
        x = np.sort(x)
        lo = int(stats.binom.ppf(alpha / 2, n, 0.5))
        hi = int(stats.binom.isf(alpha / 2, n, 0.5))
        out.update(ci_low=float(x[max(lo - 1, 0)]), ci_high=float(x[min(hi, n - 1)]), method="order statistics")
    return out


def cliffs_delta(a, b) -> float:
    """Cliff's delta: P(a > b) − P(a < b), from the Mann–Whitney U statistic (ties count half)."""
    a, b = _clean(a), _clean(b)
    if len(a) == 0 or len(b) == 0:
        return np.nan
    u = stats.mannwhitneyu(a, b, alternative="two-sided").statistic
    return float(2 * u / (len(a) * len(b)) - 1)


def cliffs_delta_size(delta: float) -> str:
    """Romano et al. (2006) thresholds: negligible < 0.147 ≤ small < 0.33 ≤ medium < 0.474 ≤ large."""
    if pd.isna(delta):
        return "n/a"
    size = abs(delta)
    return "negligible" if size < 0.147 else "small" if size < 0.33 else "medium" if size < 0.474 else "large"


def holm(p_values) -> np.ndarray:
    """Holm–Bonferroni adjusted p-values (step-down, monotone), NaN kept as NaN."""
    p = np.asarray(p_values, dtype=float)
    out = np.full_like(p, np.nan)
    valid = ~np.isnan(p)
    pv = p[valid]
    m = len(pv)
    if m == 0:
        return out
    order = np.argsort(pv)
    adjusted = np.minimum(1.0, np.maximum.accumulate((m - np.arange(m)) * pv[order]))
    result = np.empty(m)
    result[order] = adjusted
    out[valid] = result
    return out


def ratio_of_medians_interval(a, b, confidence: float = 0.95, resamples: int = RESAMPLES) -> dict:
    """median(a) ÷ median(b) with a percentile bootstrap interval (each group resampled on its own)."""
    a, b = _clean(a), _clean(b)
    out = {"ratio": np.nan, "ci_low": np.nan, "ci_high": np.nan, "n_a": len(a), "n_b": len(b)}
    if len(a) == 0 or len(b) == 0 or np.median(b) == 0:
        return out
    out["ratio"] = float(np.median(a) / np.median(b))
    if len(a) < 3 or len(b) < 3:
        return out
    rng = np.random.default_rng(SEED)
    draws = min(resamples, max(200, 20_000_000 // (len(a) + len(b))))
    ma = np.array([np.median(a[rng.integers(0, len(a), len(a))]) for _ in range(draws)])
    mb = np.array([np.median(b[rng.integers(0, len(b), len(b))]) for _ in range(draws)])
    ratios = ma[mb > 0] / mb[mb > 0]
    alpha = 1 - confidence
    if len(ratios):
        low, high = np.quantile(ratios, [alpha / 2, 1 - alpha / 2])
        out.update(ci_low=float(low), ci_high=float(high))
    return out


def fisher_interval(r: float, n: int, se: float, confidence: float = 0.95) -> tuple[float, float]:
    """A correlation's interval by Fisher's z-transform with the given standard error of z."""
    if pd.isna(r) or abs(r) >= 1 or not np.isfinite(se):
        return np.nan, np.nan
    z = np.arctanh(r)
    crit = stats.norm.ppf(0.5 + confidence / 2)
    return float(np.tanh(z - crit * se)), float(np.tanh(z + crit * se))


def median_difference_interval(a, b, confidence: float = 0.95, resamples: int = RESAMPLES) -> dict:
    """median(a) − median(b) with a percentile bootstrap interval and a Mann–Whitney p-value."""
    a, b = _clean(a), _clean(b)
    out = {"difference": np.nan, "ci_low": np.nan, "ci_high": np.nan, "p_value": np.nan,
           "n_a": len(a), "n_b": len(b)}
    if len(a) == 0 or len(b) == 0:
        return out
    out["difference"] = float(np.median(a) - np.median(b))
    if len(a) < 3 or len(b) < 3:
        return out
    rng = np.random.default_rng(SEED)
    draws = min(resamples, max(200, 20_000_000 // (len(a) + len(b))))
    diffs = np.array([np.median(a[rng.integers(0, len(a), len(a))]) - np.median(b[rng.integers(0, len(b), len(b))])
                      for _ in range(draws)])
    alpha = 1 - confidence
    low, high = np.quantile(diffs, [alpha / 2, 1 - alpha / 2])
    out.update(ci_low=float(low), ci_high=float(high),
               p_value=float(stats.mannwhitneyu(a, b, alternative="two-sided").pvalue))
    return out
