"""How often the report's 95% intervals of a rate's change hold the true change: measured, seeded.

    .venv/bin/python benchmarks/interval_coverage.py [--sims 500] [--seed 1]

Each case draws two periods of n posts each, again and again, from a process whose truth is known:
reach log-normal (median 2,000, σ of log reach 0.5, 1.0 or 1.5: from even to heavy-tailed, as on social
platforms; the real exports show σ 0.6 to 1.3), interactions binomial given reach with the post's own rate,
either the same for every post (binomial) or drawn per post from Beta(p·k, (1 − p)·k), a beta-binomial whose
per-post rates spread with coefficient of variation √((1 − p) ÷ (p·(k + 1))): k = 20 gives about 1 (most
real exports), k = 5 about 1.8 (an X export's 139 posts), k = 2 about 2.5 (beyond any export seen, most
posts near 0 and a few far above). p is 5% now and 4% before, so the ratio of sums Σ interactions ÷ Σ reach
estimates 5% and 4%, a change of +1.00 pp and +25%.

Printed per case, the share of draws whose interval holds the truth (its Monte Carlo error is about
±1 pp at 500 draws), for:
- rate: one period's ratio of sums, the expanded percentile interval over resampled posts that the
  change interval is built from (the report itself shows no interval for one period's rate);
- pp, relative: statistics.ratio_of_sums_change_interval, the change in percentage points (shown for
  percent rates) and relative (shown for the others);
- median: statistics.median_difference_interval, the change of the median post's engagement rate by reach
  (the report's 'median post' column), truth from 400,000 posts of each period.
Below statistics.MIN_INTERVAL_VALUES posts a period the report gives no interval ('none').
About 20 to 30 minutes at 500 draws a case on the 2-core machine; the README quotes the figures.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from helpers import statistics  # noqa: E402

POSTS = (5, 6, 10, 20, 50, 200)
SIGMAS = (0.5, 1.0, 1.5)
DISPERSIONS = (None, 20, 5, 2)  # None: binomial; k of the beta-binomial otherwise
RATE_NOW, RATE_BEFORE = 0.05, 0.04
MEDIAN_REACH = 2_000


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


def true_median_change(rng: np.random.Generator, sigma: float, k: float | None) -> float:
    """The difference of the two periods' median per-post rates, from 400,000 posts each."""
    medians = []
    for p in (RATE_NOW, RATE_BEFORE):
        y, x = draw_posts(rng, 400_000, sigma, p, k)
        medians.append(np.median(y / x))
    return float(medians[0] - medians[1])


def coverage(n: int, sigma: float, k: float | None, sims: int, rng: np.random.Generator) -> dict:
    """The share of `sims` draws whose interval holds the truth, per interval; NaN where none is given."""
    truth_median = true_median_change(rng, sigma, k)
    held = {"rate": 0, "pp": 0, "relative": 0, "median": 0}
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
            given["median"] += 1
            held["median"] += median["ci_low"] <= truth_median <= median["ci_high"]
    return {name: held[name] / given[name] if given[name] else np.nan for name in held}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sims", type=int, default=500, help="draws per case (default 500)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = np.random.default_rng(args.seed)
    print(f"95% intervals: share holding the truth, {args.sims} draws per case (seed {args.seed})")
    print(f"{'interactions':>16} {'σ':>4} {'posts':>5} {'rate':>6} {'pp':>6} {'relative':>8} {'median':>6}")
    start = time.perf_counter()
    for k in DISPERSIONS:
        for sigma in SIGMAS:
            for n in POSTS:
                got = coverage(n, sigma, k, args.sims, rng)
                cells = ["  none" if np.isnan(got[name]) else f"{got[name]:6.1%}"
                         for name in ("rate", "pp", "relative", "median")]
                label = "binomial" if k is None else f"beta-binomial {k}"
                print(f"{label:>16} {sigma:4.1f} {n:5d} {cells[0]:>6} {cells[1]:>6} {cells[2]:>8} {cells[3]:>6}",
                      flush=True)
    print(f"({time.perf_counter() - start:.0f} s)")


if __name__ == "__main__":
    main()
