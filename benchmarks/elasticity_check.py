"""How often the report's elasticity sentence claims that engagement rate falls or rises with reach when it
does not, and how often it sees a real slope: the fits tried, on seeded draws whose truth is known.

    .venv/bin/python benchmarks/elasticity_check.py [--sims 150] [--seed 1] [--boot 0]

Each case draws n posts again and again: reach log-normal (median m, σ of log reach 1), interactions
Poisson with mean rate·m·(reach ÷ m)^b, so that b is the true elasticity (b = 1: the engagement rate by reach
is the same at every reach). 'NB k' multiplies each post's mean by a Gamma(k, 1/k) draw (a negative binomial:
rates that spread from post to post with a coefficient of variation 1/√k); 'viral v×f' multiplies the mean of
v posts, at random reaches, by f (a few posts far above the rest, what a robust fit is for).

A draw's claim is what report.elasticity_class says of its 95% interval: 'falls' (the interval lies below 1),
'rises' (above 1), none otherwise. Printed per case and per fit, the share of draws claiming each (with b = 1
any claim is wrong: about 5% is the most a 95% interval should give; its Monte Carlo margin is about
±3.5 pp at the default 150 draws, ±2 pp at 400) and, for a fit that can decline, the share declined or not fitted (in brackets). The fits:
- 'TS': the Theil–Sen slope of log(interactions) on log(reach) over the posts with interactions above 0, with
  scipy's interval (the report's fit before the binned one);
- 'TS≥T': the same, declining to class when the median post draws fewer than T interactions (zeros counted):
  a guard on the old fit, printed for several T;
- 'PPML': Poisson pseudo-maximum likelihood (log link, zero counts kept; Santos Silva & Tenreyro 2006), its
  interval from the sandwich standard error with a leverage correction (HC3) and t with n − 2 degrees of
  freedom; 'PPML HC0' the plain sandwich with a normal critical value;
- 'PPML boot' (with --boot B): the PPML slope with a percentile interval over B resampled sets of posts;
- 'bins 8': the ratio-of-sums rate of 8 bins of equal numbers of posts by reach, Theil–Sen of log(rate) on
  the bins' mean log(reach), plus 1;
- 'binned': compare.elasticity_fit, the report's fit: the same with as many bins (up to 20, 3 posts each) as
  keep at least compare.MIN_BIN_INTERACTIONS interactions expected in each, declining below 5 bins;
  'binned T' the same with that minimum set to T, to choose it.
About 2 to 3 minutes at 150 draws a case on the shared 2-core machine without --boot, 5.5 at 400 (the README's
figures).
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

from helpers import compare  # noqa: E402

#: (label, posts, median reach, rate at the median reach, true elasticity, NB k or None, (viral posts, factor))
CASES = (
    ("small counts", 200, 300, 0.01, 1.0, None, None),
    ("small counts", 100, 150, 0.02, 1.0, None, None),
    ("small counts", 50, 300, 0.01, 1.0, None, None),
    ("small counts", 30, 300, 0.01, 1.0, None, None),
    ("small counts", 10, 300, 0.01, 1.0, None, None),
    ("large counts", 10, 3000, 0.01, 1.0, None, None),
    ("mostly zeros", 200, 100, 0.01, 1.0, None, None),
    ("mostly zeros", 30, 100, 0.01, 1.0, None, None),
    ("large counts", 200, 3000, 0.01, 1.0, None, None),
    ("overdispersed", 200, 300, 0.01, 1.0, 2, None),
    ("overdispersed", 100, 2000, 0.02, 1.0, 1, None),
    ("overdispersed", 30, 2000, 0.02, 1.0, 0.5, None),
    ("viral", 200, 2000, 0.02, 1.0, None, (4, 30)),
    ("viral", 50, 2000, 0.02, 1.0, None, (1, 30)),
    ("viral", 100, 300, 0.01, 1.0, 2, (3, 20)),
    ("power", 50, 2000, 0.02, 0.7, None, None),
    ("power", 50, 2000, 0.02, 1.3, None, None),
    ("power", 100, 2000, 0.02, 0.7, 2, None),
    ("power", 100, 2000, 0.02, 1.3, 2, None),
    ("power", 200, 300, 0.01, 0.7, None, None),
    ("power", 30, 2000, 0.02, 0.7, 2, None),
    ("power", 10, 3000, 0.01, 0.7, None, None),
    ("power", 200, 2000, 0.02, 0.85, 2, (4, 30)),
)
GUARDS = (2, 3, 5, 10)  # the TS≥T guards tried
BIN_MINIMUMS = (3, 10)  # the binned fit's other minimums tried


def draw(rng, posts, median, rate, b, k, viral):
    reach = np.maximum(1, np.round(np.exp(rng.normal(np.log(median), 1.0, posts))))
    mean = rate * median * (reach / median) ** b
    if k:
        mean = mean * rng.gamma(k, 1 / k, posts)
    if viral:
        mean[rng.choice(posts, viral[0], replace=False)] *= viral[1]
    return reach, rng.poisson(mean).astype(float)


def claim(low, high):
    """'falls', 'rises' or '' from a 95% interval, as report.elasticity_class reads it."""
    if not np.isfinite(low) or not np.isfinite(high):
        return "none"
    return "falls" if high < 1 else "rises" if low > 1 else ""


def theil_sen(reach, inter):
    """Theil–Sen on the posts with interactions, remembered for the draw (the guards reuse it)."""
    if theil_sen.last[0] is reach:
        return theil_sen.last[1]
    theil_sen.last = (reach, _theil_sen(reach, inter))
    return theil_sen.last[1]


theil_sen.last = (None, None)


def _theil_sen(reach, inter):
    keep = inter > 0
    if keep.sum() < 3 or len(np.unique(reach[keep])) < 2:
        return np.nan, np.nan
    fit = stats.theilslopes(np.log(inter[keep]), np.log(reach[keep]), alpha=0.95)
    return fit.low_slope, fit.high_slope


def ppml(reach: np.ndarray, interactions: np.ndarray, confidence: float = 0.95) -> dict:
    """Poisson pseudo-maximum likelihood of log E[interactions] = a + b·log(reach), by Newton's method from
    b = 1, with the HC3 sandwich standard error of b and a t interval."""
    x = np.asarray(reach, float)
    y = np.asarray(interactions, float)
    n = len(y)
    out = {"slope": np.nan, "intercept": np.nan, "ci_low": np.nan, "ci_high": np.nan, "se": np.nan,
           "unfitted": None}
    if len(np.unique(x[y > 0])) < 2:
        return out | {"unfitted": "no_spread"}
    log_x = np.log(x)
    centre = log_x.mean()
    z = log_x - centre
    slope = 1.0
    level = np.log(y.sum() / np.exp(z).sum())
    for _ in range(100):
        mu = np.exp(level + slope * z)
        score = np.array([(y - mu).sum(), ((y - mu) * z).sum()])
        info = np.array([[mu.sum(), (mu * z).sum()], [(mu * z).sum(), (mu * z * z).sum()]])
        step = np.linalg.solve(info, score)
        level, slope = level + step[0], slope + step[1]
        if np.abs(step).max() < 1e-10:
            break
    mu = np.exp(level + slope * z)
    design = np.column_stack([np.ones(n), z])
    bread = np.linalg.inv(design.T @ (design * mu[:, None]))
    leverage = np.minimum(mu * np.einsum("ij,jk,ik->i", design, bread, design), 0.99)
    meat = design.T @ (design * (((y - mu) / (1 - leverage)) ** 2)[:, None])
    se = float(np.sqrt((bread @ meat @ bread)[1, 1]))
    margin = stats.t.ppf(0.5 + confidence / 2, n - 2) * se
    return out | {"slope": float(slope), "intercept": float(level - slope * centre), "se": se,
                  "ci_low": float(slope - margin), "ci_high": float(slope + margin)}



def plain_sandwich(reach, inter):
    """PPML with the HC0 sandwich and a normal critical value."""
    fit = ppml(reach, inter, 0.95)
    if not np.isfinite(fit["slope"]):
        return np.nan, np.nan
    z = np.log(reach) - np.log(reach).mean()
    mu = np.exp(fit["intercept"] + fit["slope"] * np.log(reach))
    design = np.column_stack([np.ones_like(z), z])
    bread = np.linalg.inv(design.T @ (design * mu[:, None]))
    meat = design.T @ (design * ((inter - mu) ** 2)[:, None])
    se = np.sqrt((bread @ meat @ bread)[1, 1])
    return fit["slope"] - 1.96 * se, fit["slope"] + 1.96 * se


def ppml_boot(reach, inter, rng, resamples):
    fit = ppml(reach, inter, 0.95)
    if not np.isfinite(fit["slope"]):
        return np.nan, np.nan
    slopes = []
    for _ in range(resamples):
        i = rng.integers(0, len(reach), len(reach))
        slopes.append(ppml(reach[i], inter[i], 0.95)["slope"])
    slopes = np.array(slopes, float)
    slopes = slopes[np.isfinite(slopes)]
    return np.quantile(slopes, 0.025), np.quantile(slopes, 0.975)


def bins(reach, inter, count=8):
    order = np.argsort(reach, kind="stable")
    parts = np.array_split(order, count)
    x = np.array([np.log(np.median(reach[p])) for p in parts])
    rates = np.array([inter[p].sum() / reach[p].sum() for p in parts])
    if (rates <= 0).any() or len(np.unique(x)) < 2:
        return np.nan, np.nan
    fit = stats.theilslopes(np.log(rates), x, alpha=0.95)
    return 1 + fit.low_slope, 1 + fit.high_slope


def binned(reach, inter, minimum=None):
    """compare.elasticity_fit on the draw, with MIN_BIN_INTERACTIONS set to `minimum` if given."""
    kept = compare.MIN_BIN_INTERACTIONS
    compare.MIN_BIN_INTERACTIONS = minimum or kept
    try:
        fit = compare.elasticity_fit(pd.DataFrame({"reach": reach, "interactions": inter}), 0.95, "reach")
    finally:
        compare.MIN_BIN_INTERACTIONS = kept
    return (np.nan, np.nan) if fit["unfitted"] else (fit["ci_low"], fit["ci_high"])


def fits(resamples: int) -> dict:
    """Each fit tried: a function of (reach, interactions, the draw's bootstrap generator) giving a 95%
    interval, NaN when it declines or cannot fit."""
    tried = {"TS": lambda r, y, rng: theil_sen(r, y)}
    for guard in GUARDS:  # theil_sen remembers the draw: the guards reuse its interval
        tried[f"TS≥{guard}"] = (lambda g: lambda r, y, rng: theil_sen(r, y) if np.median(y) >= g
                                else (np.nan, np.nan))(guard)
    tried["PPML"] = lambda r, y, rng: (lambda f: (f["ci_low"], f["ci_high"]))(ppml(r, y))
    tried["PPML HC0"] = lambda r, y, rng: plain_sandwich(r, y)
    if resamples:
        tried["PPML boot"] = lambda r, y, rng: ppml_boot(r, y, rng, resamples)
    tried["bins 8"] = lambda r, y, rng: bins(r, y)
    for minimum in BIN_MINIMUMS:
        tried[f"binned {minimum}"] = (lambda m: lambda r, y, rng: binned(r, y, m))(minimum)
    tried["binned"] = lambda r, y, rng: binned(r, y)
    return tried


def run(sims: int, seed: int, resamples: int) -> None:
    tried = fits(resamples)
    print(f"{sims} draws a case; per fit, the shares of draws claiming the rate falls / rises with reach "
          f"(declined or not fitted)")
    print(f"{'case':<50}" + "".join(f"{name:>20}" for name in tried))
    for number, (label, posts, median, rate, b, k, viral) in enumerate(CASES):
        rng = np.random.default_rng([seed, number])
        boot_rng = np.random.default_rng([seed, number, 1])
        tally = {name: {"falls": 0, "rises": 0, "none": 0, "": 0} for name in tried}
        for _ in range(sims):
            reach, inter = draw(rng, posts, median, rate, b, k, viral)
            for name, fit in tried.items():
                tally[name][claim(*fit(reach, inter, boot_rng))] += 1
        spread = f", NB k={k}" if k else ""
        spread += f", viral {viral[0]}×{viral[1]}" if viral else ""
        case = f"{label}: n={posts}, m={median}, {rate:.0%}, b={b}{spread}"
        cells = "".join((f"{t['falls'] / sims:.1%} /{t['rises'] / sims:>6.1%}"
                         + (f" ({t['none'] / sims:.0%})" if t["none"] else "")).rjust(20) for t in tally.values())
        print(f"{case:<50}{cells}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sims", type=int, default=150)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--boot", type=int, default=0, help="resamples of the bootstrap interval tried (0: none)")
    args = parser.parse_args()
    start = time.perf_counter()
    run(args.sims, args.seed, args.boot)
    print(f"{time.perf_counter() - start:.0f} s")


if __name__ == "__main__":
    main()
