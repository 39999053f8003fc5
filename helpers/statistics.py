"""Small statistical tools the comparisons share: intervals, effect sizes, multiple-testing correction.

Vectorised and bounded in cost, so that they run on one post and on a million: bootstrap where samples are
small, distribution-free order-statistic intervals where they are large.
"""
from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import stats

#: Above this many values, a median's interval comes from order statistics instead of the bootstrap
#: (both are distribution-free; the order-statistic interval costs one partial sort instead of thousands).
BOOTSTRAP_LIMIT = 2_000
RESAMPLES = 2_000
SEED = 20260101


def _clean(values) -> np.ndarray:
    array = pd.to_numeric(pd.Series(values), errors="coerce").astype("Float64").dropna().to_numpy(float)
    return array


def median_interval(values, confidence: float = 0.95, resamples: int = RESAMPLES) -> dict:
    """The median with a confidence interval.

    Percentile bootstrap (seeded, `resamples` draws) for up to BOOTSTRAP_LIMIT values; beyond that the
    distribution-free binomial order-statistic interval (Conover, Practical Nonparametric Statistics),
    which is accurate at that size and costs one sort.
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
        low, high = np.quantile(_bootstrap_medians(x, rng, resamples), [alpha / 2, 1 - alpha / 2])
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
    return cliffs_delta_from_u(stats.mannwhitneyu(a, b, alternative="two-sided").statistic, len(a), len(b))


def cliffs_delta_from_u(u: float, n_a: int, n_b: int) -> float:
    """Cliff's delta from scipy's Mann–Whitney U of sample a (the count of a > b pairs, ties half)."""
    return float(2 * u / (n_a * n_b) - 1)


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
    """median(a) ÷ median(b) with an interval: percentile bootstrap (each group resampled on its own) for
    small groups, the delta method on log medians with order-statistic standard errors for large ones."""
    a, b = _clean(a), _clean(b)
    out = {"ratio": np.nan, "ci_low": np.nan, "ci_high": np.nan, "n_a": len(a), "n_b": len(b)}
    if len(a) == 0 or len(b) == 0 or np.median(b) == 0:
        return out
    out["ratio"] = float(np.median(a) / np.median(b))
    if len(a) < 3 or len(b) < 3:
        return out
    alpha = 1 - confidence
    if min(len(a), len(b)) > BOOTSTRAP_LIMIT:  # large groups: delta method on log medians
        se_a, se_b = _median_se(a, confidence), _median_se(b, confidence)
        if np.median(a) > 0:
            se_log = np.sqrt((se_a / np.median(a)) ** 2 + (se_b / np.median(b)) ** 2)
            crit = stats.norm.ppf(1 - alpha / 2)
            out.update(ci_low=float(out["ratio"] * np.exp(-crit * se_log)),
                       ci_high=float(out["ratio"] * np.exp(crit * se_log)))
        return out
    rng = np.random.default_rng(SEED)  # one generator: the two groups are resampled independently
    ma, mb = _bootstrap_medians(a, rng, resamples), _bootstrap_medians(b, rng, resamples)
    ratios = ma[mb > 0] / mb[mb > 0]
    if len(ratios):
        low, high = np.quantile(ratios, [alpha / 2, 1 - alpha / 2])
        out.update(ci_low=float(low), ci_high=float(high))
    return out


def _bootstrap_medians(x: np.ndarray, rng: np.random.Generator, resamples: int = RESAMPLES) -> np.ndarray:
    """Medians of `resamples` resamples of x drawn from `rng`, in blocks to bound memory."""
    n = len(x)
    chunk = max(1, 2_000_000 // n)
    medians = [np.median(x[rng.integers(0, n, size=(min(chunk, resamples - start), n))], axis=1)
               for start in range(0, resamples, chunk)]
    return np.concatenate(medians)


def _median_se(x: np.ndarray, confidence: float = 0.95) -> float:
    """Standard error of a median read off its order-statistic interval (width ÷ 2z)."""
    interval = median_interval(x, confidence)
    return (interval["ci_high"] - interval["ci_low"]) / (2 * stats.norm.ppf(0.5 + confidence / 2))


def fisher_interval(r: float, n: int, se: float, confidence: float = 0.95) -> tuple[float, float]:
    """A correlation's interval by Fisher's z-transform with the given standard error of z."""
    if pd.isna(r) or abs(r) >= 1 or not np.isfinite(se):
        return np.nan, np.nan
    z = np.arctanh(r)
    crit = stats.norm.ppf(0.5 + confidence / 2)
    return float(np.tanh(z - crit * se)), float(np.tanh(z + crit * se))


def median_difference_interval(a, b, confidence: float = 0.95, resamples: int = RESAMPLES) -> dict:
    """median(a) − median(b) with an interval and a Mann–Whitney p-value: percentile bootstrap for small
    groups, a normal approximation with order-statistic standard errors for large ones."""
    a, b = _clean(a), _clean(b)
    out = {"difference": np.nan, "ci_low": np.nan, "ci_high": np.nan, "p_value": np.nan,
           "n_a": len(a), "n_b": len(b)}
    if len(a) == 0 or len(b) == 0:
        return out
    out["difference"] = float(np.median(a) - np.median(b))
    if len(a) < 3 or len(b) < 3:
        return out
    alpha = 1 - confidence
    out["p_value"] = float(stats.mannwhitneyu(a, b, alternative="two-sided").pvalue)
    if min(len(a), len(b)) > BOOTSTRAP_LIMIT:  # large groups: normal approximation with order-statistic SEs
        se = np.hypot(_median_se(a, confidence), _median_se(b, confidence))
        crit = stats.norm.ppf(1 - alpha / 2)
        out.update(ci_low=out["difference"] - crit * se, ci_high=out["difference"] + crit * se)
        return out
    rng = np.random.default_rng(SEED)  # one generator: the two groups are resampled independently
    diffs = _bootstrap_medians(a, rng, resamples) - _bootstrap_medians(b, rng, resamples)
    low, high = np.quantile(diffs, [alpha / 2, 1 - alpha / 2])
    out.update(ci_low=float(low), ci_high=float(high))
    return out
