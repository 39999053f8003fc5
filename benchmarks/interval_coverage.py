"""How often the report's 95% intervals hold the truth: a rate's change, one period's mean or median of
per-post rates (the client's figure set beside a published benchmark), and the rank correlations of reach
and interactions. Measured, seeded.

    .venv/bin/python benchmarks/interval_coverage.py [--sims 500] [--seed 1]
                                                     [--families change,one-period,rank] [--alternatives]

Each case of the change family draws two periods of n posts each, again and again, from a process whose
truth is known: reach log-normal (median 2,000, σ of log reach 0.5, 1.0 or 1.5: from even to heavy-tailed,
as on social platforms; the real exports show σ 0.6 to 1.3), interactions binomial given reach with the
post's own rate, either the same for every post (binomial) or drawn per post from Beta(p·k, (1 − p)·k), a
beta-binomial whose per-post rates spread with coefficient of variation √((1 − p) ÷ (p·(k + 1))): k = 20
gives about 1 (most real exports), k = 5 about 1.8 (an X export's 139 posts), k = 2 about 2.5 (beyond any
export seen, most posts near 0 and a few far above). p is 5% now and 4% before, so the ratio of sums
Σ interactions ÷ Σ reach estimates 5% and 4%, a change of +1.00 pp and +25%.

Printed per case, the share of draws whose interval holds the truth (its Monte Carlo standard error is
about 1 pp at 500 draws, so a 95% margin of about ±2 pp), for the change family ('change'):
- rate: one period's ratio of sums, the expanded percentile interval over resampled posts that the
  change interval is built from (the report itself shows no interval for one period's rate);
- pp, relative: statistics.ratio_of_sums_change_interval, the change in percentage points (shown for
  percent rates) and relative (shown for the others);
- Δ median: statistics.median_difference_interval, the change of the median post's engagement rate by reach
  (the report's 'median post' column), truth from 400,000 posts of each period.
and for one period's n posts drawn from the same process with p = 5% (family 'one-period', its own seeded
draws, so either family alone prints the same figures as both together), the intervals a benchmark
verdict rests on (helpers/benchmarks.py):
- mean: statistics.mean_interval of the per-post rates interactions ÷ reach; truth p itself, since a post's
  rate averages its own rate, E[y ÷ x] = E[own rate] = p, at any reach;
- median: statistics.median_interval of the same rates, truth from 400,000 posts;
- followers: statistics.mean_interval of interactions ÷ a fixed FOLLOWERS, as rates per follower are (one
  account's follower count hardly moves within a period): these spread like interactions, with reach; truth
  p × the mean of 4,000,000 drawn reaches ÷ FOLLOWERS.
--alternatives adds other intervals tried for the mean of per-post rates, on the same resamples: 'expanded',
the expanded percentile bootstrap (Hesterberg 2015, §4.3; mean_interval's method before the studentized
one), 'BCa' (Efron & Tibshirani 1993, §14.3) and 'sym t', the symmetric studentized bootstrap (Hall 1988).
Below statistics.MIN_INTERVAL_VALUES posts a period the report gives no interval ('none'). An interval with
no upper bound (mean_interval's, when most posts are alike) holds the truth when its lower bound does.
The rank family (its own table and seeded draws) ranks one period's n posts by reach and by interactions,
as the report's agreement table does: 'Kendall τ' (compare.kendall_with_interval, its interval from a
jackknife standard error that counts ties), 'no-ties τ' (the interval it replaced, on the same draws: Fisher
z with Fieller, Hartley & Pearson's √(0.437 ÷ (n − 4)) alone) and 'Spearman ρ' (compare.spearman_with_interval),
each the share of the draws given an interval whose interval holds the truth, the τ_b or ρ of 200,000 posts;
'given', the share of draws with a Kendall interval (none when every post has the same interactions, or τ is
±1).
Its cases: 'few ties', interactions binomial at p = 5% (counts in the hundreds, seldom tied), and 'zeros',
beta-binomial with k = 20 at p = 0.3% or 0.1%, where about 76% or 91% of the posts have no interaction
(heavy ties, as on small accounts), each from RANK_POSTS posts.
At 500 draws a case on the 2-core machine, about 15 minutes for the change family, 7 for the one-period
family with --alternatives and 5 for the rank family; the README quotes the figures.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd
from scipy import stats

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from helpers import compare, statistics  # noqa: E402

POSTS = (5, 6, 10, 20, 50, 200)
SIGMAS = (0.5, 1.0, 1.5)
DISPERSIONS = (None, 20, 5, 2)  # None: binomial; k of the beta-binomial otherwise
RATE_NOW, RATE_BEFORE = 0.05, 0.04
MEDIAN_REACH = 2_000
FOLLOWERS = 10_000
FAMILIES = {"change": ("rate", "pp", "relative", "Δ median"), "one-period": ("mean", "median", "followers"),
            "rank": ("Kendall τ", "no-ties τ", "Spearman ρ", "given")}
ALTERNATIVES = ("expanded", "BCa", "sym t")
RANK_POSTS = (10, 20, 30, 50, 200)
#: the rank family's interactions: (label, p, k of the beta-binomial or None for binomial)
RANK_CASES = (("few ties", RATE_NOW, None), ("76% zeros", 0.003, 20), ("91% zeros", 0.001, 20))


def draw_posts(rng: np.random.Generator, n: int, sigma: float, p: float, k: float | None):
    """n posts' interactions and reach: reach log-normal, interactions binomial or beta-binomial given reach."""
    reach = np.maximum(1, np.round(rng.lognormal(np.log(MEDIAN_REACH), sigma, n)))
    own_rate = p if k is None else rng.beta(p * k, (1 - p) * k, n)
    return rng.binomial(reach.astype(np.int64), own_rate).astype(float), reach


def rate_interval(y: np.ndarray, x: np.ndarray, confidence: float = 0.95) -> tuple[float, float]:
    """One period's ratio of sums with the interval its change is built from (see the module's docstring)."""
    n = len(y)
    weights = statistics.bootstrap_weights(n, statistics.resamples_for(n))
    ratios = (weights @ y) / (weights @ x)
    tail = statistics.expanded_alpha(n, confidence) / 2
    low, high = np.quantile(ratios, [tail, 1 - tail])
    return float(low), float(high)


def mean_alternatives(values: np.ndarray, confidence: float = 0.95) -> dict:
    """Other intervals of a mean tried against mean_interval, on the same resamples: the expanded percentile
    bootstrap, BCa (bias z₀ = Φ⁻¹(share of resampled means below the mean), acceleration
    a = Σ d³ ÷ (6·(Σ d²)^1.5), d the values less their mean, the jackknife's for a mean) and the symmetric
    studentized bootstrap (mean ± the (1 − α) quantile of |t_b| × se)."""
    x = np.sort(values)
    n, mean = len(x), x.mean()
    out = dict.fromkeys(ALTERNATIVES, (np.nan, np.nan))
    if n < statistics.MIN_INTERVAL_VALUES or x[0] == x[-1]:
        return out
    alpha, se = 1 - confidence, x.std(ddof=1) / np.sqrt(n)
    weights = statistics.bootstrap_weights(n, statistics.resamples_for(n))
    means = weights @ x / n
    tail = statistics.expanded_alpha(n, confidence) / 2
    out["expanded"] = tuple(np.quantile(means, [tail, 1 - tail]))
    z0 = stats.norm.ppf(np.clip(np.mean(means < mean) + np.mean(means == mean) / 2, 1e-6, 1 - 1e-6))
    d = x - mean
    a = np.sum(d ** 3) / (6 * np.sum(d ** 2) ** 1.5)
    z = stats.norm.ppf([alpha / 2, 1 - alpha / 2])
    out["BCa"] = tuple(np.quantile(means, stats.norm.cdf(z0 + (z0 + z) / (1 - a * (z0 + z)))))
    ses = np.sqrt(np.maximum(weights @ d ** 2 / n - (means - mean) ** 2, 0) / (n - 1))
    with np.errstate(divide="ignore", invalid="ignore"):
        t = np.where(ses > 0, np.abs(means - mean) / ses, np.where(means == mean, 0, np.inf))
    half = np.quantile(t, 1 - alpha, method="inverted_cdf") * se
    out["sym t"] = (mean - half, mean + half)
    return out


def true_median_change(rng: np.random.Generator, sigma: float, k: float | None) -> float:
    """The difference of the two periods' median per-post rates, from 400,000 posts each."""
    medians = []
    for p in (RATE_NOW, RATE_BEFORE):
        y, x = draw_posts(rng, 400_000, sigma, p, k)
        medians.append(np.median(y / x))
    return float(medians[0] - medians[1])


def change_coverage(n: int, sigma: float, k: float | None, sims: int, rng: np.random.Generator) -> dict:
    """The share of `sims` draws whose change interval holds the truth, per interval; NaN where none is given."""
    truth_median = true_median_change(rng, sigma, k)
    held = {"rate": 0, "pp": 0, "relative": 0, "Δ median": 0}
    given = dict.fromkeys(held, 0)
    for _ in range(sims):
        (ya, xa), (yb, xb) = (draw_posts(rng, n, sigma, p, k) for p in (RATE_NOW, RATE_BEFORE))
        change = statistics.ratio_of_sums_change_interval(ya, xa, yb, xb)
        if np.isfinite(change["ci_low"]):
            given["pp"] += 1
            held["pp"] += change["ci_low"] <= RATE_NOW - RATE_BEFORE <= change["ci_high"]
            given["rate"] += 1
            low, high = rate_interval(ya, xa)
            held["rate"] += low <= RATE_NOW <= high
        if np.isfinite(change["relative_ci_low"]):
            given["relative"] += 1
            truth = RATE_NOW / RATE_BEFORE - 1
            held["relative"] += change["relative_ci_low"] <= truth <= change["relative_ci_high"]
        median = statistics.median_difference_interval(ya / xa, yb / xb)
        if np.isfinite(median["ci_low"]):
            given["Δ median"] += 1
            held["Δ median"] += median["ci_low"] <= truth_median <= median["ci_high"]
    return {name: held[name] / given[name] if given[name] else np.nan for name in held}


def one_period_coverage(n: int, sigma: float, k: float | None, sims: int, rng: np.random.Generator,
                        alternatives: bool = False) -> dict:
    """The share of `sims` draws of one period whose interval of the mean or median per-post rate holds the
    truth (see the module's docstring), per interval; NaN where none is given."""
    y, x = draw_posts(rng, 400_000, sigma, RATE_NOW, k)
    truths = {"mean": RATE_NOW, "median": float(np.median(y / x)),
              "followers": RATE_NOW * float(np.mean(draw_posts(rng, 4_000_000, sigma, RATE_NOW, None)[1])) / FOLLOWERS}
    truths.update(dict.fromkeys(ALTERNATIVES if alternatives else (), RATE_NOW))
    held, given = dict.fromkeys(truths, 0), dict.fromkeys(truths, 0)
    for _ in range(sims):
        y, x = draw_posts(rng, n, sigma, RATE_NOW, k)
        intervals = {"mean": statistics.mean_interval(y / x, lower=0.0),  # rates: as the report, never below 0
                     "median": statistics.median_interval(y / x),
                     "followers": statistics.mean_interval(y / FOLLOWERS, lower=0.0)}
        bounds = {name: (got["ci_low"], got["ci_high"]) for name, got in intervals.items()}
        if alternatives:
            bounds.update(mean_alternatives(y / x))
        for name, (low, high) in bounds.items():
            if np.isfinite(low) or np.isfinite(high):
                given[name] += 1
                held[name] += low <= truths[name] <= high
    return {name: held[name] / given[name] if given[name] else np.nan for name in held}


def rank_coverage(n: int, sigma: float, p: float, k: float | None, sims: int, rng: np.random.Generator) -> dict:
    """The share of `sims` draws of n posts whose Kendall and Spearman intervals hold the truth (the τ_b and ρ
    of 200,000 posts), of those given one, and the share given a Kendall interval."""
    y, x = draw_posts(rng, 200_000, sigma, p, k)
    truth_tau, truth_rho = stats.kendalltau(x, y).statistic, stats.spearmanr(x, y).statistic
    names = ("Kendall τ", "no-ties τ", "Spearman ρ")
    held, given = dict.fromkeys(names, 0), dict.fromkeys(names, 0)
    for _ in range(sims):
        y, x = draw_posts(rng, n, sigma, p, k)
        x, y = pd.Series(x), pd.Series(y)  # as the report passes them
        kendall, spearman = compare.kendall_with_interval(x, y), compare.spearman_with_interval(x, y)
        no_ties = statistics.fisher_interval(kendall["tau"], n, np.sqrt(0.437 / (n - 4)))
        if np.isnan(kendall["ci_low"]):
            no_ties = (np.nan, np.nan)  # the same draws as the Kendall column
        for name, (low, high), truth in (("Kendall τ", (kendall["ci_low"], kendall["ci_high"]), truth_tau),
                                         ("no-ties τ", no_ties, truth_tau),
                                         ("Spearman ρ", (spearman["ci_low"], spearman["ci_high"]), truth_rho)):
            if np.isfinite(low):
                given[name] += 1
                held[name] += low <= truth <= high
    return {**{name: held[name] / given[name] if given[name] else np.nan for name in held},
            "given": given["Kendall τ"] / sims}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sims", type=int, default=500, help="draws per case (default 500)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--families", default=",".join(FAMILIES),
                        help=f"the interval families to run, comma-separated (default: {','.join(FAMILIES)})")
    parser.add_argument("--alternatives", action="store_true",
                        help="also the other intervals tried for the mean of per-post rates (one-period family)")
    args = parser.parse_args()
    families = [f.strip() for f in args.families.split(",") if f.strip()]
    unknown = [f for f in families if f not in FAMILIES]
    if unknown:
        parser.error(f"unknown famil{'y' if len(unknown) == 1 else 'ies'} {', '.join(unknown)}: "
                     f"choose from {', '.join(FAMILIES)}")
    columns = [name for family in families if family != "rank" for name in FAMILIES[family]]
    if args.alternatives and "one-period" in families:
        columns += ALTERNATIVES
    rngs = {family: np.random.default_rng(args.seed) for family in families}  # each family alone, as together
    print(f"95% intervals: share holding the truth, {args.sims} draws per case (seed {args.seed})")
    start = time.perf_counter()
    if columns:
        print(f"{'interactions':>16} {'σ':>4} {'posts':>5} " + " ".join(f"{name:>9}" for name in columns))
        for k in DISPERSIONS:
            for sigma in SIGMAS:
                for n in POSTS:
                    got = {}
                    if "change" in families:
                        got.update(change_coverage(n, sigma, k, args.sims, rngs["change"]))
                    if "one-period" in families:
                        got.update(one_period_coverage(n, sigma, k, args.sims, rngs["one-period"],
                                                       args.alternatives))
                    label = "binomial" if k is None else f"beta-binomial {k}"
                    print_row(label, sigma, n, got, columns)
    if "rank" in families:
        print(f"\nrank correlations of reach and interactions\n{'interactions':>16} {'σ':>4} {'posts':>5} "
              + " ".join(f"{name:>9}" for name in FAMILIES["rank"]))
        for label, p, k in RANK_CASES:
            for sigma in SIGMAS:
                for n in RANK_POSTS:
                    print_row(label, sigma, n, rank_coverage(n, sigma, p, k, args.sims, rngs["rank"]), FAMILIES["rank"])
    print(f"({time.perf_counter() - start:.0f} s)")


def print_row(label: str, sigma: float, n: int, got: dict, columns) -> None:
    """One case's line: its shares as percentages, 'none' where no interval was given."""
    cells = ["none" if np.isnan(got[name]) else f"{got[name]:.1%}" for name in columns]
    print(f"{label:>16} {sigma:4.1f} {n:5d} " + " ".join(f"{cell:>9}" for cell in cells), flush=True)


if __name__ == "__main__":
    main()
