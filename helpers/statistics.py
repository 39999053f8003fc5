"""Small statistical tools the comparisons share: intervals, effect sizes, multiple-testing correction.

Vectorised and bounded in cost, so that they run on one post and on a million: bootstrap where samples are
small, distribution-free order-statistic intervals where they are large.
"""
from __future__ import annotations

from collections.abc import Callable

import itertools
import math

import numpy as np
import pandas as pd
from scipy import stats
from scipy.optimize import brentq

from .metrics import floats  # metrics imports this module only within a function: no cycle

#: Above this many values in a group, two-sample intervals use a normal approximation with order-statistic
#: standard errors instead of the bootstrap (which would resample the large group thousands of times).
BOOTSTRAP_LIMIT = 2_000
RESAMPLES = 2_000
SEED = 20260101
#: Resamples a change interval (ratio_of_sums_change_interval) draws at first: its bounds' Monte Carlo error is
#: then a few tenths of a percent of the change (a relative change's bound at 2.1% moves by about ±0.2 points
#: from one seed to another, where 2,000 resamples moved it by ±0.6), and the draws are matrix products.
CHANGE_RESAMPLES = 20_000
#: The most draws of a unit a change interval's first resamples take (resamples × units of its larger
#: resampled set), which bounds their memory and time: a set of 1,000 posts gets 4,000 resamples at first.
CHANGE_DRAWS = 4_000_000
#: Where a bound of an interval lies within its Monte Carlo error of the value it is judged against (0 for a
#: change, 1 for a ratio), more resamples are drawn, as many as settling_resamples works out, up to this
#: many, or as many as draw MAX_DRAWS units. A bound closer to it than that many resamples can settle (within
#: about 0.2% of the interval's width) keeps the verdict of the fixed seed: another seed may then give the other.
MAX_RESAMPLES = 320_000
MAX_DRAWS = 64_000_000
#: The same limit for intervals of medians (a paid lift, the median post's change): a resample's median costs
#: about fifteen times its sum, and 64,000,000 draws of them took a second of a 500-post report's analysis.
MAX_MEDIAN_DRAWS = 4_000_000
#: How many Monte Carlo standard errors a bound must lie from the value it is judged against.
MONTE_CARLO_Z = 3.0
#: Fewest values a median's 95% interval can come from: below 6, even the widest distribution-free interval
#: (smallest to largest value) covers less than 95% (1 − 2·0.5ⁿ: 93.75% at n = 5), and the bootstrap's
#: percentile interval claims 95% while covering far less (about 76% at n = 3). Two-sample intervals ask
#: as many of each group.
MIN_INTERVAL_VALUES = 6


def _clean(values) -> np.ndarray:
    """The reported values as floats (metrics.floats), those not reported dropped."""
    array = floats(values)
    return array[~np.isnan(array)]


def no_spread(*samples) -> bool:
    """Whether every sample's values are all the same (each may differ from the others): resampling each
    sample on its own then gives the same statistic every time, so a bootstrap interval of their difference
    or ratio would have zero width, which reads as certainty the posts cannot give. The intervals here give
    none then, as mean_interval gives none for a sample of one value."""
    return all(np.min(x) == np.max(x) for x in map(np.asarray, samples) if len(x))


def median_interval(values, confidence: float = 0.95) -> dict:
    """The median with its distribution-free interval from order statistics (Conover, Practical
    Nonparametric Statistics, 3rd ed., §3.2): [x₍ₖ₎, x₍ₙ₋ₖ₊₁₎] with the largest k whose coverage
    1 − 2·P(B ≤ k − 1), B ~ Binomial(n, ½), is at least `confidence`. Exact at every n, deterministic (the
    same posts in any row order give the same bounds), and its bounds are values posts had. Below
    MIN_INTERVAL_VALUES (at 95%) no such interval exists, and none is given; nor when every value is the same
    (a rate of 0 on every post, or one rate shared by all): an interval of zero width would read as certainty
    that posts alike in the sample cannot give, as mean_interval and the change intervals refuse it.
    """
    x = np.sort(_clean(values))
    n = len(x)
    out = {"median": np.nan, "ci_low": np.nan, "ci_high": np.nan, "n": n, "method": "none"}
    if n == 0:
        return out
    out["median"] = float(np.median(x))
    k = int(stats.binom.ppf((1 - confidence) / 2, n, 0.5))  # P(B ≤ k − 1) < α/2 ≤ P(B ≤ k)
    if k >= 1 and x[0] < x[-1]:
        out.update(ci_low=float(x[k - 1]), ci_high=float(x[n - k]), method="order statistics")
    return out


def mean_interval(values, confidence: float = 0.95, lower: float | None = None) -> dict:
    """The mean with its studentized bootstrap ("bootstrap-t") interval (Efron & Tibshirani, An Introduction
    to the Bootstrap, 1993, §12.5; Hall, Annals of Statistics 16, 1988): each resample b gives
    t_b = (mean_b − mean) ÷ se_b, se = sd(ddof=1) ÷ √n, and the interval is
    [mean − t₍₁₋α/₂₎·se, mean − t₍α/₂₎·se]. Per-post rates are skewed; the resampled t follows the skew, so
    the interval reaches further on the long side than a t interval or a percentile interval does.
    Measured (benchmarks/interval_coverage.py, log-normal reach, per-post rates binomial or beta-binomial):
    it holds the true mean of per-post rates 91% to 98% of the time from 6 values, where the expanded
    percentile interval it replaced held it 67% to 96%. Rates per follower spread like interactions, with
    reach, and are held less often: 85% to 96% with log-normal reach σ 0.5 to 1.0, 79% to 93% with σ 1.5, at
    any number of posts up to 200: there the interval is a lower bound on the uncertainty.
    Seeded and the values sorted first, so a report is the same every time; no interval when every value is
    the same (resamples of equal values cannot show the uncertainty, e.g. of a rate of 0), and no upper bound
    (+inf) when over α/2 of the resamples draw one value only (e.g. 17 or more of 20 posts alike): such a
    resample has no spread, told by its least and greatest drawn values being equal (not by a tolerance,
    which rounding defeats at some scales), and its t is ±inf. The normal approximation (mean ± z·sd/√n)
    above BOOTSTRAP_LIMIT values, where the mean is close to normal.
    `lower`: the least value the mean can take (0 for rates, which every caller of a rate passes): a bound
    below it, which a skewed sample can give (a rate's interval reaching to −1.3%, or −inf when most
    resamples draw one value), is set to it (clamped). The true mean is never below it, so the clamped
    interval holds it whenever the unclamped one did: the coverage stays, the impossible part goes."""
    x = np.sort(_clean(values))  # sorted: the same posts in any row order draw the same resamples
    n = len(x)
    out = {"mean": float(x.mean()) if n else np.nan, "ci_low": np.nan, "ci_high": np.nan, "n": n}
    if n < MIN_INTERVAL_VALUES or x[0] == x[-1]:
        return out
    mean, se = out["mean"], x.std(ddof=1) / np.sqrt(n)
    if n > BOOTSTRAP_LIMIT:
        half = stats.norm.ppf(0.5 + confidence / 2) * se
        low, high = mean - half, mean + half
    else:
        low, high = _bootstrap_t(x, mean, se, confidence)
    if lower is not None:
        low, high = max(low, lower), max(high, lower)
    return {**out, "ci_low": float(low), "ci_high": float(high)}


def _bootstrap_t(x: np.ndarray, mean: float, se: float, confidence: float) -> tuple[float, float]:
    """mean_interval's bootstrap-t bounds of the sorted values `x`."""
    n = len(x)
    weights = bootstrap_weights(n, resamples_for(n))
    means = weights @ x / n
    ses = np.sqrt(np.maximum(weights @ (x - mean) ** 2 / n - (means - mean) ** 2, 0) / (n - 1))
    # a resample spreads exactly when its least and greatest drawn values differ (x is sorted); one that does
    # not is one value drawn n times: its se is 0 (the formula leaves rounding, ~1e-13 of the values' scale),
    # its t ±inf, or 0 when that value is the mean
    drawn = weights > 0
    least, greatest = x[drawn.argmax(axis=1)], x[n - 1 - drawn[:, ::-1].argmax(axis=1)]
    spread = least != greatest
    with np.errstate(divide="ignore", invalid="ignore"):
        t = np.where(spread, (means - mean) / ses, np.where(least == mean, 0.0, np.sign(least - mean) * np.inf))
    alpha = 1 - confidence
    t_low, t_high = np.quantile(t, [alpha / 2, 1 - alpha / 2], method="inverted_cdf")  # no interpolation with inf
    return float(mean - t_high * se), float(mean - t_low * se)


#: Below this many values in its smallest group, a rank test (kruskal_test, mann_whitney_test) takes its p from
#: the permutations of the posts among the groups, not from the large-sample approximation: at 3 posts a group,
#: scipy's chi-square p for Kruskal–Wallis calls about 10% of differences of no real size beyond chance at
#: the 5% level, and Mann–Whitney's normal p (which scipy uses wherever values tie) gave 0.064 where no split
#: of 3 against 3 can give less than 0.100.
PERMUTATION_BELOW = 20
#: Random permutations a rank test draws where the groups can be split in more ways than this (else every
#: split is counted, and the p is exact): the p's own Monte Carlo standard error is then at most 0.005, and
#: 0.0022 at p = 0.05 (√(p·(1 − p) ÷ 9,999)).
PERMUTATIONS = 9_999
#: Most values the groups of a permutation test hold together: each random permutation shuffles them all,
#: and beyond this the cost grows past a report's budget (about 0.1 s a test at 200). Past it a small group
#: is one among many values, its rank sum a sum of nearly independent draws, and the approximation holds.
PERMUTATION_TOTAL = 200


def ways_to_split(sizes) -> int:
    """The ways of splitting N = Σ nᵢ values into groups of the given sizes: N! ÷ Π nᵢ! (a multinomial
    coefficient; 490,314 for 8 and 15 values, 1,680 for three groups of 3)."""
    return math.factorial(sum(sizes)) // math.prod(map(math.factorial, sizes))


def rank_permutation_p(samples) -> float:
    """The permutation p-value of Kruskal–Wallis H across `samples` (two of them: of the two-sided
    Mann–Whitney test, whose |U − n_a·n_b ÷ 2| H orders alike): the share of the ways of splitting the
    pooled midranks into groups of the same sizes whose H is at least the one observed. H rises with
    Σ Rᵢ² ÷ nᵢ for fixed ranks, so that sum is compared. Every split counted (two groups: every choice of the
    smaller one's ranks, at once; more: scipy.stats.permutation_test) where there are PERMUTATIONS or fewer, which makes the p exact (0.100 at 3 against 3); else
    PERMUTATIONS random ones, seeded, and p = (1 + as large) ÷ (1 + PERMUTATIONS) (Phipson & Smyth 2010).
    Each sample is sorted before the ranks are pooled: the seeded permutations then shuffle the same ranks in
    the same places, so the same posts in any row order give the same p."""
    sizes = [len(x) for x in samples]
    ranks = stats.rankdata(np.concatenate([np.sort(np.asarray(x, dtype=float)) for x in samples]))
    starts = np.cumsum([0, *sizes[:-1]])

    def spread(*parts, axis=-1):
        return sum(part.sum(axis=axis) ** 2 / part.shape[axis] for part in parts)

    splits = ways_to_split(sizes)
    if splits <= PERMUTATIONS and len(sizes) == 2:  # every split of two groups, at numpy's speed
        small = min(sizes)
        chosen = ranks[np.array(list(itertools.combinations(range(len(ranks)), small)))].sum(axis=1)
        total, other = ranks.sum(), len(ranks) - small
        observed = spread(*np.split(ranks, starts[1:]))
        every = chosen**2 / small + (total - chosen) ** 2 / other
        return float(np.mean(every >= observed * (1 - 1e-12)))  # equal up to rounding counts as as large
    if splits <= PERMUTATIONS:
        groups = np.split(ranks, starts[1:])
        return float(stats.permutation_test(groups, spread, permutation_type="independent", vectorized=True,
                                            n_resamples=PERMUTATIONS, alternative="greater").pvalue)
    observed = np.sum(np.add.reduceat(ranks, starts) ** 2 / sizes)
    rng, larger, block = np.random.default_rng(SEED), 0, max(1, 2**20 // len(ranks))
    for first in range(0, PERMUTATIONS, block):
        shuffled = rng.permuted(np.broadcast_to(ranks, (min(block, PERMUTATIONS - first), len(ranks))), axis=1)
        sums = np.sum(np.add.reduceat(shuffled, starts, axis=1) ** 2 / sizes, axis=1)
        larger += int(np.sum(sums >= observed * (1 - 1e-12)))  # equal up to rounding counts as as large
    return (1 + larger) / (1 + PERMUTATIONS)


def _permuted(samples) -> bool:
    """Whether a rank test of `samples` takes its p from permutations (PERMUTATION_BELOW, PERMUTATION_TOTAL)."""
    sizes = [len(x) for x in samples]
    return min(sizes) < PERMUTATION_BELOW and sum(sizes) <= PERMUTATION_TOTAL


def kruskal_test(samples) -> dict:
    """Kruskal–Wallis H across `samples` (tie-corrected, as scipy.stats.kruskal) with its p-value: the
    permutation p (rank_permutation_p) where a group is small (_permuted), which holds its 5% at any group
    size; else scipy's chi-square approximation."""
    samples = [np.asarray(x, dtype=float) for x in samples]
    result = stats.kruskal(*samples)
    out = {"H": float(result.statistic), "p_value": float(result.pvalue), "method": "chi-square"}
    if np.isfinite(out["H"]) and _permuted(samples):
        out.update(p_value=rank_permutation_p(samples), method="permutation")
    return out


def mann_whitney_test(a, b) -> dict:
    """Mann–Whitney U of sample a (two-sided) with its p-value: the permutation p (rank_permutation_p) where
    a sample is small (_permuted), which stays right where values tie, as rates of 0 do; else scipy's own
    (exact without ties up to 8 values, else the normal approximation)."""
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    result = stats.mannwhitneyu(a, b, alternative="two-sided")
    out = {"U": float(result.statistic), "p_value": float(result.pvalue), "method": "scipy"}
    if np.isfinite(out["p_value"]) and _permuted([a, b]):
        out.update(p_value=rank_permutation_p([a, b]), method="permutation")
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


#: Cliff's delta's size classes (cliffs_delta_size), each with the size |δ| it stays below: Romano et al. (2006).
DELTA_SIZES = (("negligible", 0.147), ("small", 0.33), ("medium", 0.474), ("large", np.inf))


def cliffs_delta_size(delta: float, low: float = np.nan, high: float = np.nan) -> str:
    """Romano et al. (2006) thresholds: negligible < 0.147 ≤ small < 0.33 ≤ medium < 0.474 ≤ large. Given
    δ's interval [low, high] too, the class only where every |δ| in it lies in that class; else the classes
    it spans, "medium_to_large" (an interval across 0 reaches down to "negligible"): a δ of 0.68 whose interval
    runs from 0.20 is no sure large effect."""
    if pd.isna(delta):
        return "n/a"

    def size(value: float) -> str:
        return next(word for word, limit in DELTA_SIZES if abs(value) < limit)

    if pd.isna(low) or pd.isna(high):
        return size(delta)
    least = size(0.0) if low <= 0 <= high else min(size(low), size(high), key=_SIZE_ORDER.index)
    most = max(size(low), size(high), key=_SIZE_ORDER.index)
    return least if least == most else f"{least}_to_{most}"


_SIZE_ORDER = [word for word, _ in DELTA_SIZES]


def cliffs_delta_interval(u: float, n_a: int, n_b: int, confidence: float = 0.95) -> tuple[float, float]:
    """A confidence interval for Cliff's delta δ = 2θ − 1 from θ = U ÷ (n_a·n_b), P(a > b) + ½P(a = b):
    Newcombe's score interval for θ (Statistics in Medicine 25, 2006, 559–573, "Part 2", method 5): the θ
    whose distance from the estimate is at most z·√V(θ), with Hanley & McNeil's (1982) variance
    V(θ) = θ(1 − θ) ÷ (n_a·n_b) · [1 + (N* − 1)·((1 − θ) ÷ (2 − θ) + θ ÷ (1 + θ))], N* = (n_a + n_b) ÷ 2.
    A closed form, not the bootstrap: deterministic and instant, and, being a score interval (as Wilson's
    for a proportion), it keeps its width where every pair falls one way (δ = ±1, 3 posts against 3), where a
    bootstrap's resamples all give δ = ±1 and an interval of zero width; Newcombe found its coverage close
    to nominal from 5 values a group. None below MIN_INTERVAL_VALUES in either group, as for the other
    two-sample intervals: at 3 against 3 all one way it would end at δ = −0.002, clear of 0, where no split of
    3 against 3 is beyond chance (p = 0.100)."""
    pairs = n_a * n_b
    if min(n_a, n_b) < MIN_INTERVAL_VALUES or pd.isna(u):
        return np.nan, np.nan
    theta, z = u / pairs, stats.norm.ppf(0.5 + confidence / 2)
    bigger = (n_a + n_b) / 2 - 1

    def gap(t: float) -> float:  # ≤ 0 inside the interval
        variance = t * (1 - t) / pairs * (1 + bigger * ((1 - t) / (2 - t) + t / (1 + t)))
        return (t - theta) ** 2 - z ** 2 * variance

    # the interval's ends are the roots of gap on either side of θ (gap(θ) < 0 inside; gap(0), gap(1) > 0
    # outside); where θ is 0 or 1 itself, that end is the interval's, and the other is sought from just
    # inside it (gap is 0 at θ)
    inside = 1e-12
    low = brentq(gap, 0.0, min(theta, 1 - inside)) if theta > 0 else 0.0
    high = brentq(gap, max(theta, inside), 1.0) if theta < 1 else 1.0
    return float(2 * low - 1), float(2 * high - 1)


def cliffs_delta_sized(a, b, u: float) -> dict:
    """Cliff's δ of samples a and b from scipy's U of a (cliffs_delta_from_u), its 95% interval
    (cliffs_delta_interval) and its size in words as far as that interval allows (cliffs_delta_size):
    'uncertain' where a group is too small for an interval, and 'tied', with no interval, where every value of
    both is one same value (6 posts of 0 against 6 of 0). Every pair then ties, and δ = 0 says only that: no
    ranks are left to size an effect from, and Newcombe's interval (δ within ±0.55 at 6 against 6, "negligible
    to large") would read as doubt about a difference the posts give no sign of."""
    a, b = _clean(a), _clean(b)
    delta = cliffs_delta_from_u(u, len(a), len(b))
    if len(a) and len(b) and len(np.unique(np.concatenate([a, b]))) == 1:
        return {"cliffs_delta": delta, "delta_low": np.nan, "delta_high": np.nan, "effect": "tied"}
    low, high = cliffs_delta_interval(u, len(a), len(b))
    effect = cliffs_delta_size(delta, low, high) if pd.notna(low) else "uncertain"
    return {"cliffs_delta": delta, "delta_low": low, "delta_high": high, "effect": effect}


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
    """median(a) ÷ median(b) of non-negative values (a paid lift) with an interval: percentile bootstrap
    (each group resampled on its own; resampled ratios read by ratio_quantiles, so a resample whose median(b)
    is 0 counts as an unbounded ratio, and when over α/2 of them do the upper bound is +inf), or the delta
    method on log medians with order-statistic standard errors when a group holds more than BOOTSTRAP_LIMIT
    values. No interval when a group holds fewer than MIN_INTERVAL_VALUES, nor when each group's values are
    all the same (no_spread: every resample gives the same ratio). The values are sorted first, so the same
    posts in another row order give the same interval."""
    a, b = np.sort(_clean(a)), np.sort(_clean(b))
    out = {"ratio": np.nan, "ci_low": np.nan, "ci_high": np.nan, "n_a": len(a), "n_b": len(b)}
    if len(a) == 0 or len(b) == 0 or np.median(b) == 0:
        return out
    out["ratio"] = float(np.median(a) / np.median(b))
    if min(len(a), len(b)) < MIN_INTERVAL_VALUES or no_spread(a, b):
        return out
    alpha = 1 - confidence
    if max(len(a), len(b)) > BOOTSTRAP_LIMIT:  # a large group: delta method on log medians
        se_a, se_b = _median_se(a, confidence), _median_se(b, confidence)
        if np.median(a) > 0:
            se_log = np.sqrt((se_a / np.median(a)) ** 2 + (se_b / np.median(b)) ** 2)
            crit = stats.norm.ppf(1 - alpha / 2)
            out.update(ci_low=float(out["ratio"] * np.exp(-crit * se_log)),
                       ci_high=float(out["ratio"] * np.exp(crit * se_log)))
        return out
    rng = np.random.default_rng(SEED)  # one generator: the two groups are resampled independently
    ma, mb = _settled_medians(a, b, rng, resamples,
                              lambda ma, mb: _ratio_settling(ma, mb, alpha / 2))
    low, high = ratio_quantiles(ma, mb, alpha / 2)
    out.update(ci_low=low, ci_high=high)
    return out


def ratio_quantiles(numerators: np.ndarray, denominators: np.ndarray, tail: float) -> tuple[float, float]:
    """The `tail` and 1 − `tail` quantiles of resampled ratios numerator ÷ denominator of non-negative
    statistics (a percentile interval's bounds), where a denominator can be 0 in some resamples. One rule for
    every such ratio: a numerator above 0 over 0 is +inf, kept (dropping those resamples would cut the upper
    tail: the ratio is unbounded there); 0 ÷ 0 tells nothing of the ratio, and counts at either end, as 0 for
    the lower bound and as +inf for the upper, so the interval holds whatever value it could have taken.
    Read by the inverted empirical distribution function (no interpolation towards inf)."""
    for_low, for_high = _ratio_draws(numerators, denominators)
    low = np.quantile(for_low, tail, method="inverted_cdf")
    high = np.quantile(for_high, 1 - tail, method="inverted_cdf")
    return float(low), float(high)


def _ratio_draws(numerators: np.ndarray, denominators: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The resampled ratios ratio_quantiles reads its lower and its upper bound from (0 ÷ 0 as 0, as +inf)."""
    with np.errstate(divide="ignore", invalid="ignore"):
        ratios = numerators / denominators
    undetermined = (numerators == 0) & (denominators == 0)
    return np.where(undetermined, 0.0, ratios), np.where(undetermined, np.inf, ratios)


def _ratio_settling(numerators: np.ndarray, denominators: np.ndarray, tail: float) -> int:
    """How many resamples ratio_quantiles' bounds need to be clear of 1 (settling_resamples)."""
    for_low, for_high = _ratio_draws(numerators, denominators)
    return max(settling_resamples(for_low, tail, 1.0), settling_resamples(for_high, 1 - tail, 1.0))


def settling_resamples(draws: np.ndarray, tail: float, reference: float, z: float = MONTE_CARLO_Z) -> int:
    """How many resamples an interval's bound read at the `tail` quantile of bootstrap `draws` needs, so that
    the verdict it gives against `reference` (a lower bound above it, or an upper bound, tail above ½, below
    it: beyond chance) does not rest on Monte Carlo noise: as many as it has (len(draws)) when it is settled.
    How far the quantile of B draws strays is read from the draws themselves, free of their distribution: of
    B draws, the number below the quantile of all resamples is Binomial(B, tail), so that quantile lies
    between the draws' order statistics at tail ∓ z·√(tail·(1 − tail) ÷ B) but for 0.3% of seeds at z = 3
    (the sign test's interval for a quantile, Conover §3.2). Settled when the verdict is the same at both ends
    of that span (a bound equal to the reference at both is settled: it holds it). Otherwise the span's
    half-width h shrinks as 1 ÷ √B, and B·(h ÷ d)² resamples bring it within the bound's distance d from the
    reference: half as many again, and at least twice B."""
    b = len(draws)
    if b == 0:
        return 0
    spread = z * np.sqrt(tail * (1 - tail) / b)
    near, bound, far = np.quantile(draws, [max(tail - spread, 0.0), tail, min(tail + spread, 1.0)],
                                   method="inverted_cdf")
    beyond = (lambda value: value > reference) if tail < 0.5 else (lambda value: value < reference)
    if beyond(near) == beyond(far):
        return b
    half, distance = (far - near) / 2, abs(bound - reference)
    if not np.isfinite(half) or distance == 0:
        return MAX_RESAMPLES
    return int(max(2 * b, np.ceil(1.5 * b * (half / distance) ** 2)))


def _resamples_limit(units: int, draws: int | None = None) -> int:
    """The most resamples an interval over `units` resampled units draws to settle its verdict: MAX_RESAMPLES,
    or as many as draw `draws` units (default MAX_DRAWS)."""
    return min(MAX_RESAMPLES, (MAX_DRAWS if draws is None else draws) // max(units, 1))


def _settled_medians(a: np.ndarray, b: np.ndarray, rng: np.random.Generator, resamples: int,
                     needed: Callable[[np.ndarray, np.ndarray], int]) -> tuple[np.ndarray, np.ndarray]:
    """Bootstrap medians of a and of b, `resamples` of each, and more from the same generator as long as
    `needed(medians_a, medians_b)` asks for more to settle the interval's verdict (settling_resamples), up to
    _resamples_limit with MAX_MEDIAN_DRAWS; the same values always draw the same medians."""
    ma, mb = _bootstrap_medians(a, rng, resamples), _bootstrap_medians(b, rng, resamples)
    limit = _resamples_limit(len(a) + len(b), MAX_MEDIAN_DRAWS)
    while len(ma) < limit and (more := min(needed(ma, mb), limit)) > len(ma):
        extra = more - len(ma)
        ma = np.concatenate([ma, _bootstrap_medians(a, rng, extra)])
        mb = np.concatenate([mb, _bootstrap_medians(b, rng, extra)])
    return ma, mb


def _bootstrap_medians(x: np.ndarray, rng: np.random.Generator, resamples: int = RESAMPLES) -> np.ndarray:
    """Medians of `resamples` resamples of x drawn from `rng`, in blocks to bound memory.

    A resample's median is read off how often it drew each value, not by sorting it: x's values in order,
    the median is the value where the running count of draws passes half of n (the mean of the two middle
    ones for an even n): np.median of the resample (up to the sign of a zero), in about half its time for a
    few hundred values, less for many."""
    x = np.asarray(x, dtype=float)
    n = len(x)
    chunk = max(1, 2_000_000 // n)
    if np.isnan(x).any():  # np.median's NaN for a resample drawing one
        return np.concatenate([np.median(x[rng.integers(0, n, size=(min(chunk, resamples - start), n))], axis=1)
                               for start in range(0, resamples, chunk)])
    order = np.argsort(x, kind="stable")
    rank = np.empty(n, dtype=np.intp)
    rank[order] = np.arange(n)
    ordered, low, high = x[order], (n - 1) // 2, n // 2  # the middle draws' places, counted from 0
    medians = []
    for start in range(0, resamples, chunk):
        drawn = rank[rng.integers(0, n, size=(min(chunk, resamples - start), n))]
        drawn += np.arange(len(drawn))[:, None] * n  # counted row by row in one bincount
        running = np.bincount(drawn.ravel(), minlength=drawn.size).reshape(drawn.shape).cumsum(axis=1)
        below = ordered[(running <= low).sum(axis=1)]  # the value holding the draw at place `low`
        medians.append(below if low == high else (below + ordered[(running <= high).sum(axis=1)]) / 2)
    return np.concatenate(medians)


def _median_se(x: np.ndarray, confidence: float = 0.95) -> float:
    """Standard error of a median read off its order-statistic interval (width ÷ 2z)."""
    interval = median_interval(x, confidence)
    if len(x) >= MIN_INTERVAL_VALUES and x.min() == x.max():  # every value the same: the median cannot vary
        return 0.0
    return (interval["ci_high"] - interval["ci_low"]) / (2 * stats.norm.ppf(0.5 + confidence / 2))


def fisher_interval(r: float, n: int, se: float, confidence: float = 0.95,
                    df: int | None = None) -> tuple[float, float]:
    """A correlation's interval by Fisher's z-transform with the given standard error of z: z ± crit·se, crit
    the normal quantile, or Student's t with `df` degrees of freedom when the standard error is estimated
    from the data (a jackknife's, n − 1)."""
    if pd.isna(r) or abs(r) >= 1 or not np.isfinite(se):
        return np.nan, np.nan
    z = np.arctanh(r)
    crit = stats.norm.ppf(0.5 + confidence / 2) if df is None else stats.t.ppf(0.5 + confidence / 2, df)
    return float(np.tanh(z - crit * se)), float(np.tanh(z + crit * se))


def kendall_jackknife_se(x, y) -> float:
    """The jackknife standard error of Kendall's τ_b over the pairs (x_k, y_k) (Quenouille–Tukey; Efron &
    Tibshirani 1993, §11.2): √((n − 1) ÷ n · Σ (τ₍ₖ₎ − τ̄)²), τ₍ₖ₎ the τ_b of the pairs without pair k.
    Ties count as they do in τ_b itself, so the error grows where most posts share a value (0 interactions),
    which the no-ties formulae ignore. Each τ₍ₖ₎ comes from pair k's own count d_k (its concordant less its
    discordant pairs, concordance_by_unit) and its ties t_x, t_y (the pairs sharing its x, its y, itself
    included): with S = Σ d ÷ 2, n₀ = (n − 1)(n − 2) ÷ 2 and T_x, T_y the pairs tied in x, in y,
    τ₍ₖ₎ = (S − d_k) ÷ √((n₀ − T_x + t_x − 1)(n₀ − T_y + t_y − 1)). O(n log² n): a few milliseconds for
    thousands of posts. NaN below 3 pairs, or when leaving one pair out leaves a measure without spread (that
    pair alone differs from the rest: no τ_b without it)."""
    x, y = np.asarray(x, float), np.asarray(y, float)
    n = len(x)
    if n < 3:
        return np.nan
    d = concordance_by_unit(x, y).astype(float)
    tx, ty = (np.unique(v, return_inverse=True, return_counts=True) for v in (x, y))
    tx, ty = tx[2][tx[1]].astype(float), ty[2][ty[1]].astype(float)  # each pair's tie group sizes
    tied_x, tied_y = (tx.sum() - n) / 2, (ty.sum() - n) / 2  # Σ t(t − 1) ÷ 2 over the groups
    pairs = (n - 1) * (n - 2) / 2
    spread = (pairs - tied_x + tx - 1) * (pairs - tied_y + ty - 1)
    if (spread <= 0).any():
        return np.nan
    taus = (d.sum() / 2 - d) / np.sqrt(spread)
    return float(np.sqrt((n - 1) / n * np.sum((taus - taus.mean()) ** 2)))


def concordance_by_unit(x, y) -> np.ndarray:
    """For each pair k, Σ_j sign(x_k − x_j)·sign(y_k − y_j): the pairs it is concordant with less those it is
    discordant with, ties counting neither (Σ ÷ 2 is Kendall's S). From four dominance counts, each pair's
    number of others below it in both measures, x and y each as is and negated."""
    x, y = np.asarray(x, float), np.asarray(y, float)
    return _below_in_both(x, y) - _below_in_both(x, -y) - _below_in_both(-x, y) + _below_in_both(-x, -y)


def _below_in_both(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """For each k, #{j: a_j < a_k and b_j < b_k}. In the order of a (ties in a by b descending, so that no
    tie in a counts), it is how many earlier units have a smaller b: counted by a bottom-up merge, level by
    level, each unit in the right half of its block searching the sorted left half (vectorised)."""
    n = len(a)
    order = np.lexsort((-b, a))
    ranks = np.unique(b, return_inverse=True)[1].astype(np.int64)[order]
    m = int(ranks.max()) + 1 if n else 1
    position, below, width = np.arange(n), np.zeros(n, np.int64), 1
    while width < n:
        block = position // (2 * width)
        right = (position // width) % 2 == 1
        keys = block * m + ranks  # block first: sorting all left halves at once sorts each
        left = np.sort(keys[~right])
        below[right] += np.searchsorted(left, keys[right]) - np.searchsorted(left, block[right] * m)
        width *= 2
    out = np.empty(n, np.int64)
    out[order] = below
    return out


def median_difference_interval(a, b, confidence: float = 0.95, resamples: int = RESAMPLES) -> dict:
    """median(a) − median(b) with an interval: percentile bootstrap, or a normal approximation with
    order-statistic standard errors when a group holds more than BOOTSTRAP_LIMIT values. No interval when a
    group holds fewer than MIN_INTERVAL_VALUES, nor when each group's values are all the same (no_spread: every
    resample gives the same difference, an interval of zero width). The values are sorted first, so the same
    posts in another row order give the same interval. No p-value: the interval is what the report judges a
    median post's change by (a test of its own would be mann_whitney_test)."""
    a, b = np.sort(_clean(a)), np.sort(_clean(b))
    out = {"difference": np.nan, "ci_low": np.nan, "ci_high": np.nan,
           "n_a": len(a), "n_b": len(b), "median_a": np.nan, "median_b": np.nan}
    if len(a) == 0 or len(b) == 0:
        return out
    out.update(median_a=float(np.median(a)), median_b=float(np.median(b)))
    out["difference"] = out["median_a"] - out["median_b"]
    alpha = 1 - confidence
    if min(len(a), len(b)) < MIN_INTERVAL_VALUES or no_spread(a, b):
        return out
    if max(len(a), len(b)) > BOOTSTRAP_LIMIT:  # a large group: normal approximation with order-statistic SEs
        se = np.hypot(_median_se(a, confidence), _median_se(b, confidence))
        crit = stats.norm.ppf(1 - alpha / 2)
        out.update(ci_low=out["difference"] - crit * se, ci_high=out["difference"] + crit * se)
        return out
    rng = np.random.default_rng(SEED)  # one generator: the two groups are resampled independently

    def needed(ma, mb) -> int:
        return max(settling_resamples(ma - mb, alpha / 2, 0.0), settling_resamples(ma - mb, 1 - alpha / 2, 0.0))

    ma, mb = _settled_medians(a, b, rng, resamples, needed)
    low, high = np.quantile(ma - mb, [alpha / 2, 1 - alpha / 2])
    out.update(ci_low=float(low), ci_high=float(high))
    return out


def resamples_for(n: int) -> int:
    """How many resamples an interval from n units takes: more below 30, where the expanded percentile
    interval reads its bounds far out in the tails (0.24% and 99.76% at n = 6: 24 resamples, not 5)."""
    return 10_000 if n < 30 else RESAMPLES


def change_resamples(smaller: int, larger: int) -> int:
    """How many resamples a change interval (ratio_of_sums_change_interval) draws at first from sets of
    `smaller` and `larger` counted units: CHANGE_RESAMPLES, fewer where the larger set would take over
    CHANGE_DRAWS draws (the bounds it judges are checked for Monte Carlo noise anyway, and drawn again more
    often if need be: settling_resamples), never fewer than the smaller set needs (resamples_for)."""
    return max(resamples_for(smaller), min(CHANGE_RESAMPLES, CHANGE_DRAWS // max(larger, 1)))


def _resampled_ratios(y: np.ndarray, x: np.ndarray, resamples: int, rng: np.random.Generator) -> np.ndarray:
    """Σ y ÷ Σ x over `resamples` resamples with replacement of the units (y_i, x_i), drawn from `rng` in
    blocks of about CHANGE_DRAWS draws to bound memory; NaN for a resample whose Σ x is 0. A denominator the
    same for every unit (1 for a per-post rate) sums to n times it in every resample, and is not drawn."""
    n = len(y)
    block, same_x = max(1, CHANGE_DRAWS // n), x.min() == x.max()
    kind = np.int16 if n <= np.iinfo(np.int16).max else np.int64  # small indices are drawn faster
    ratios = []
    for start in range(0, resamples, block):
        drawn = rng.integers(0, n, size=(min(block, resamples - start), n), dtype=kind)
        sums_y = np.take(y, drawn).sum(axis=1)
        sums_x = np.full(len(drawn), n * x[0]) if same_x else np.take(x, drawn).sum(axis=1)
        with np.errstate(invalid="ignore", divide="ignore"):
            ratios.append(np.where(sums_x > 0, sums_y / sums_x, np.nan))
    return np.concatenate(ratios) if ratios else np.empty(0)


def bootstrap_counts(n: int, resamples: int = RESAMPLES, seed: int = SEED) -> np.ndarray:
    """How often each of n units is drawn in each of `resamples` resamples with replacement (one row per
    resample), as bytes (a wider integer in the rare matrix where a unit is drawn over 255 times in one
    resample): every sum over a resample is one product with the row (einsum casts the counts as it goes),
    and several statistics of the same units share their resamples. An eighth of the memory of the same
    counts as floats (bootstrap_weights): a change interval of a 250-post month holds four million cells, and
    memory touched for the first time was most of its cost."""
    counts = np.zeros((resamples, n), dtype=np.uint8)
    if n == 0:
        return counts
    # drawn a block of rows at a time, as 32-bit integers: the same draws as one (resamples, n) draw of 64-bit
    # ones (numpy draws a range below 2³² from 32 bits, and continues their stream from call to call), in an
    # eighth of the time, and only the counts held at full size
    rng = np.random.default_rng(seed)
    block = max(1, 2**18 // n)  # rows drawn and counted at a time, in one bincount (offset row by row)
    offsets = np.arange(block, dtype=np.int32)[:, None] * np.int32(n)
    for start in range(0, resamples, block):
        rows = min(block, resamples - start)
        drawn = rng.integers(0, n, size=(rows, n), dtype=np.int32) + offsets[:rows]
        counted = np.bincount(drawn.ravel(), minlength=drawn.size).reshape(rows, n)
        if counts.dtype == np.uint8 and counted.max() > 255:
            counts = counts.astype(np.int32)
        counts[start:start + rows] = counted
    return counts


def bootstrap_weights(n: int, resamples: int = RESAMPLES, seed: int = SEED) -> np.ndarray:
    """bootstrap_counts as floats, for matrix products (weights @ x) over few resamples."""
    return bootstrap_counts(n, resamples, seed).astype(float)


class SharedResamples:
    """The resamples the rates of one set of units share (bootstrap_counts over all its rows, in their order,
    drawn once per number of resamples), with each column's sums over them kept: a period's rates share
    numerators and denominators (interactions over reach, over impressions, over views), and each is summed
    once. ratio_of_sums_change_interval uses them for a rate every row counts in."""

    def __init__(self, n: int, seed: int = SEED):
        self.n, self.seed = n, seed
        self._counts: dict[int, np.ndarray] = {}
        self._sums: dict[tuple[int, bytes], np.ndarray] = {}

    def counts(self, resamples: int) -> np.ndarray:
        """bootstrap_counts of the set's rows: `resamples` rows, drawn when first asked for."""
        if resamples not in self._counts:
            self._counts[resamples] = bootstrap_counts(self.n, resamples, seed=self.seed)
        return self._counts[resamples]

    def sums(self, resamples: int, values: np.ndarray) -> np.ndarray:
        """Σ values over each of `resamples` resamples (the rows' values in the set's order)."""
        values = np.ascontiguousarray(values, dtype=float)
        key = (resamples, values.tobytes())
        if key not in self._sums:
            self._sums[key] = _resample_sums(self.counts(resamples), values)
        return self._sums[key]


def _resample_sums(counts: np.ndarray, values: np.ndarray) -> np.ndarray:
    """Σ values over each resample of `counts` (bootstrap_counts): one product per row. einsum's own loop, not
    BLAS: a product this size is split over threads, which stall on a busy machine."""
    return np.einsum("ij,j->i", counts, values)


def expanded_alpha(n: int, confidence: float = 0.95) -> float:
    """The tail probability to read a percentile bootstrap interval at, so that it covers closer to
    `confidence` in small samples (Hesterberg, What Teachers Should Know About the Bootstrap, 2015, §4.3,
    the "expanded percentile interval"): z' = √(n ÷ (n − 1)) · t(n − 1), α' = 2·(1 − Φ(z'))."""
    alpha = 1 - confidence
    z = np.sqrt(n / (n - 1)) * stats.t.ppf(1 - alpha / 2, n - 1)
    return float(2 * stats.norm.sf(z))


def ratio_of_sums_change_interval(num_a, den_a, num_b, den_b, confidence: float = 0.95,
                                  shared_a: SharedResamples | None = None,
                                  shared_b: SharedResamples | None = None) -> dict:
    """How a ratio of sums moved between two sets of units: R = Σ num ÷ Σ den in each, the difference
    R_a − R_b and the relative change R_a ÷ R_b − 1, each with an interval.

    Units (posts) count only where they report both values and den > 0, as in the rate itself. Each set is
    handled on its own: up to BOOTSTRAP_LIMIT counted units it is resampled, a unit whole (its numerator
    with its denominator), as many times as the smaller resampled set's counted units need (resamples_for:
    with few units the bounds are read far out in the tails); `shared_*` (SharedResamples of all the set's
    rows) let the rates every row of a set counts in share their resamples, while a rate only some rows
    count in resamples those rows, as it would alone. Above
    BOOTSTRAP_LIMIT the set's ratio is drawn from the delta method's normal approximation (linearisation,
    Cochran, Sampling Techniques, 3rd ed., §6.4:
    Var(R) ≈ n ÷ (n − 1) · Σ (num_i − R·den_i)² ÷ (Σ den)²). The interval is the expanded percentile
    interval of the draws (expanded_alpha, at the smaller resampled set), or, when both sets are large, the
    delta method's own (on log R for the relative change). A relative change whose previous ratio is 0 in
    too many resamples has no upper bound (+inf; ratio_quantiles, which also says how a resample with both
    ratios 0 counts). No interval below MIN_INTERVAL_VALUES counted units in a
    set, nor when a set's numerators are all 0 (resamples of zeros cannot show how uncertain a rate of 0 is),
    nor when in each set every counted unit has the same ratio num ÷ den (no_spread: every resample gives the
    same two ratios, an interval of zero width around the change).
    Measured (benchmarks/interval_coverage.py): both intervals hold the true change 92% to 98% of the time
    from 6 posts a set, log-normal reach and per-post rates spreading up to a coefficient of variation of
    1.8; with a spread of 2.5 and under 50 posts, the difference's only 83% to 91%: a lower bound there.
    """
    def prepare(num, den):
        num, den = floats(num), floats(den)
        counted = np.isfinite(num) & np.isfinite(den) & (den > 0)
        return np.where(counted, num, 0.0), np.where(counted, den, 0.0), counted

    (ya, xa, ca), (yb, xb, cb) = prepare(num_a, den_a), prepare(num_b, den_b)
    n_a, n_b = int(ca.sum()), int(cb.sum())
    out = {"ratio_a": np.nan, "ratio_b": np.nan, "difference": np.nan, "ci_low": np.nan, "ci_high": np.nan,
           "relative_change": np.nan, "relative_ci_low": np.nan, "relative_ci_high": np.nan,
           "n_a": n_a, "n_b": n_b, "method": "none"}
    if not (n_a and n_b):
        return out
    ra, rb = ya.sum() / xa.sum(), yb.sum() / xb.sum()
    out.update(ratio_a=float(ra), ratio_b=float(rb), difference=float(ra - rb),
               relative_change=float(ra / rb - 1) if rb > 0 else np.nan)
    if (min(n_a, n_b) < MIN_INTERVAL_VALUES or ya.sum() == 0 or yb.sum() == 0
            or no_spread(ya[ca] / xa[ca], yb[cb] / xb[cb])):
        return out
    alpha = 1 - confidence

    def variance(y, x, counted, r):
        n = counted.sum()
        return n / (n - 1) * np.sum((y - r * x)[counted] ** 2) / x.sum() ** 2

    va, vb = variance(ya, xa, ca, ra), variance(yb, xb, cb, rb)
    large_a, large_b = n_a > BOOTSTRAP_LIMIT, n_b > BOOTSTRAP_LIMIT
    if large_a and large_b:  # both large: the delta method's normal interval
        crit = stats.norm.ppf(1 - alpha / 2)
        se = np.sqrt(va + vb)
        out.update(ci_low=float(ra - rb - crit * se), ci_high=float(ra - rb + crit * se), method="delta method")
        if ra > 0 and rb > 0:
            se_log = np.sqrt(va / ra ** 2 + vb / rb ** 2)
            out.update(relative_ci_low=float(ra / rb * np.exp(-crit * se_log) - 1),
                       relative_ci_high=float(ra / rb * np.exp(crit * se_log) - 1))
        return out

    # as many draws for both sets: at least as many as the smaller resampled set's counted units need (the
    # interval is read at their expanded_alpha), CHANGE_RESAMPLES where the larger one's draws allow
    resampled = [n for n, large in ((n_a, large_a), (n_b, large_b)) if not large]
    smaller = min(resampled)
    resamples = change_resamples(smaller, max(resampled))
    tail = expanded_alpha(smaller, confidence) / 2

    def sorted_units(y, x, counted):
        """The set's counted units in a fixed order: the same posts in any row order draw the same resamples."""
        y, x = y[counted], x[counted]
        order = np.lexsort((x, y))
        return y[order], x[order]

    def draws(y, x, counted, r, v, shared, large, seed):
        """The set's ratio in each resample, or drawn from its normal approximation when the set is large."""
        if large:
            return np.random.default_rng(seed).normal(r, np.sqrt(v), resamples)
        if shared is not None and counted.all():  # every row counts: the resamples the set's rates share
            sums_x, sums_y = shared.sums(resamples, x), shared.sums(resamples, y)
        else:  # drawn here, over the counted units in a fixed order: row order does not matter
            y, x = sorted_units(y, x, counted)
            counts = bootstrap_counts(len(y), resamples, seed=seed)
            sums_x, sums_y = _resample_sums(counts, x), _resample_sums(counts, y)
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.where(sums_x > 0, sums_y / sums_x, np.nan)

    def more_draws(y, x, counted, r, v, large, rng, extra):
        """`extra` more of the set's ratios, for a bound not yet settled, drawn in blocks from `rng`."""
        if large:
            return rng.normal(r, np.sqrt(v), extra)
        return _resampled_ratios(*sorted_units(y, x, counted), extra, rng)

    def needed(boot_a, boot_b) -> int:
        """How many resamples the difference's bounds need to be clear of 0 (settling_resamples). The relative
        change needs no check of its own: a resample's R_a ÷ R_b lies above 1 exactly where R_a − R_b lies
        above 0, so its bounds give the same verdict."""
        kept = np.isfinite(boot_a) & np.isfinite(boot_b)
        difference = boot_a[kept] - boot_b[kept]
        return max(settling_resamples(difference, tail, 0.0), settling_resamples(difference, 1 - tail, 0.0))

    boot_a = draws(ya, xa, ca, ra, va, shared_a, large_a, SEED)
    boot_b = draws(yb, xb, cb, rb, vb, shared_b, large_b, SEED + 1)
    limit = _resamples_limit(sum(resampled))
    rng = np.random.default_rng([SEED, 2])  # one generator for the further resamples of both sets
    while len(boot_a) < limit and (more := min(needed(boot_a, boot_b), limit)) > len(boot_a):
        extra = more - len(boot_a)
        boot_a = np.concatenate([boot_a, more_draws(ya, xa, ca, ra, va, large_a, rng, extra)])
        boot_b = np.concatenate([boot_b, more_draws(yb, xb, cb, rb, vb, large_b, rng, extra)])
    kept = np.isfinite(boot_a) & np.isfinite(boot_b)  # a resample drawing no counted unit has no ratio
    boot_a, boot_b = boot_a[kept], boot_b[kept]
    low, high = np.quantile(boot_a - boot_b, [tail, 1 - tail])
    out.update(ci_low=float(low), ci_high=float(high),
               method="bootstrap" if not (large_a or large_b) else "bootstrap and delta method")
    if rb > 0:  # a resample whose previous ratio is 0 has an unbounded relative change (ratio_quantiles)
        low, high = ratio_quantiles(boot_a, boot_b, tail)
        out.update(relative_ci_low=low - 1, relative_ci_high=high - 1)
    return out
