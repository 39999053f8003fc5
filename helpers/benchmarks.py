"""Published engagement benchmarks, compared only like with like.

data/benchmarks.csv holds each published figure with its source, edition, data year, platform, industry,
statistic (median or mean of per-post rates), denominator and components. The same platform differs up to
100× between sources because the denominators differ, so a client's figure is set beside a benchmark only
when the client's data gives the same statistic over the same denominator; otherwise the comparison says
why there is none.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from .errors import WorkbookError
from .i18n import Message
from .metrics import INTERACTION_COMPONENTS, interactions, interactions_of, ratio
from .paths import BENCHMARKS_FILE, PROJECT_ROOT, display_path
from .statistics import mean_interval, median_interval

DENOMINATOR_COLUMN = {"followers": "followers", "impressions": "impressions", "reach": "reach",
                      "views": "video_views"}
#: Words benchmark sources use for interaction components -> post-table columns.
COMPONENT_COLUMNS = {"likes": "reactions", "reactions": "reactions", "comments": "comments", "shares": "shares",
                     "retweets": "shares", "reposts": "shares", "saves": "saves"}
#: Above this standard deviation of log reach, the mean of rates per follower is held by its 95% interval
#: only 79% to 93% of the time (σ 1.5), against 85% to 96% up to σ 1.0 (benchmarks/interval_coverage.py): a
#: verdict on such a mean is a weaker finding than its 95% says.
UNEVEN_REACH_SD = 1.0
#: The widest spread of log reach (σ) at which the 95% interval of a rate's change between two periods was
#: measured (σ 0.5 to 1.5, benchmarks/interval_coverage.py, README "Intervals, measured"): a change "beyond
#: chance" on posts spread wider rests on an interval not checked for such posts (Report._uneven_change).
CHANGE_MEASURED_SD = 1.5
#: Why a client figure is missing because the exports lack something (missing_reason); each has its note in
#: the benchmark table (bench.note_<reason>).
MISSING_REASONS = ("no_interactions", "no_denominator", "no_either", "no_pair", "blank_components")
COLUMNS = ("source", "edition", "data_year", "platform", "industry", "statistic", "denominator", "components",
           "sample", "value")


def load_benchmarks(path=BENCHMARKS_FILE) -> pd.DataFrame:
    """The reference table; an error if the file or a column is missing."""
    try:
        table = pd.read_csv(path, dtype={"edition": "Int64", "data_year": "Int64"})
    except FileNotFoundError:
        raise missing_benchmarks(path) from None
    missing = [c for c in COLUMNS if c not in table]
    if missing:
        raise ValueError(f"{path}: missing column(s) {', '.join(missing)}")
    return table


def missing_benchmarks(path=BENCHMARKS_FILE) -> WorkbookError:
    """The error for a benchmarks file that is not there, for every reader of it (the client report, the
    explorer, the lesson, the roster check): the file ships with the workbook, so it says how to restore it
    from git (its path in the project, from the folder the command runs in)."""
    path = Path(path)
    try:
        tracked = path.resolve().relative_to(PROJECT_ROOT.resolve()).as_posix()
    except ValueError:  # a file outside the project: git does not know it
        tracked = display_path(path)
    return WorkbookError(Message("error.benchmarks_missing", path=display_path(path), tracked=tracked))


def compare_with_benchmarks(posts: pd.DataFrame, industry: str = "all industries",
                            table: pd.DataFrame | None = None, carried: dict | None = None) -> pd.DataFrame:
    """Each platform's benchmark rows for the industry, with the client's figure of the same definition.

    The client's figure is the same statistic (median or mean) of the same per-post rate, over the posts
    that report it (`posts`), with its 95% interval ('client low', 'client high': median_interval, exact;
    mean_interval, measured to hold the true mean 91% to 98% of the time, less for rates per follower of
    very unequal reach: see its docstring), both from 6 posts. `reason` says why a row has none: what the
    exports lack (missing_reason: 'no_interactions', 'no_denominator', 'no_either', 'no_pair'), or 'views' or
    'thumbnails' (the exports count views or thumbnail impressions, the benchmark impressions of posts). `same_components` says whether the client's interactions were counted with the
    source's components. Where they were not (the source counts engagement its own way) and the exports
    carry the platform's own engagements (X and LinkedIn count clicks), 'client (platform engagements)' is
    the same statistic of those, with its 95% interval (its 'low' and 'high', as the client's figure's): the
    other end of what the source may have counted. 'log reach sd' is the
    standard deviation of log reach over the posts whose rate enters the figure (NaN with fewer than 2
    reporting reach): what makes a mean of rates per follower uncertain beyond its interval (UNEVEN_REACH_SD).
    `carried`: the interaction components each source file carries (ImportResult.interaction_components),
    which decide, for the whole file and not only the posts given, whether a blank component is unknown.
    """
    table = load_benchmarks() if table is None else table
    industries = {industry, "all industries"}
    rows = []
    for platform, group in posts.groupby("platform"):
        mine = table[(table["platform"] == platform) & table["industry"].isin(industries)]
        for _, bench in mine.iterrows():
            numerator, same_components, counted = _numerator(group, bench["components"], carried)
            denominator = group[DENOMINATOR_COLUMN[bench["denominator"]]]
            values = ratio(numerator, denominator).dropna()
            client_value, reason, low, high = float("nan"), None, float("nan"), float("nan")
            native = {"value": float("nan"), "ci_low": float("nan"), "ci_high": float("nan")}
            if values.empty:
                reason = missing_reason(numerator, denominator)
                if reason == "no_interactions" and group[[c for c in counted if c in group]].notna().any(axis=None):
                    reason = "blank_components"  # likes there, comments blank: not known, which is not "none"
            elif bench["denominator"] == "impressions" and (kinds := set(group["impressions_kind"].dropna())) - {"impressions"}:
                reason = "views" if "views" in kinds else "thumbnails"
            else:
                interval = _interval(values, bench["statistic"])
                client_value, low, high = interval[bench["statistic"]], interval["ci_low"], interval["ci_high"]
                if not same_components:
                    own = ratio(group["platform_engagements"], group[DENOMINATOR_COLUMN[bench["denominator"]]]).dropna()
                    if len(own):  # its interval as the client's figure's: a figure beside a benchmark needs one
                        found = _interval(own, bench["statistic"])
                        native = {"value": found[bench["statistic"]], "ci_low": found["ci_low"],
                                  "ci_high": found["ci_high"]}
            rows.append({"platform": platform, "source": bench["source"], "edition": bench["edition"],
                         "data year": bench["data_year"], "industry": bench["industry"],
                         "statistic": bench["statistic"], "denominator": bench["denominator"],
                         "components": bench["components"], "benchmark": bench["value"],
                         "client": client_value, "client low": low, "client high": high,
                         "client (platform engagements)": native["value"],
                         "client (platform engagements) low": native["ci_low"],
                         "client (platform engagements) high": native["ci_high"],
                         "client ÷ benchmark": client_value / bench["value"],
                         "posts": len(values), "same_components": same_components, "reason": reason,
                         "log reach sd": log_sd(group.loc[values.index, "reach"])})
    return pd.DataFrame(rows)


def missing_reason(numerator: pd.Series, denominator: pd.Series) -> str:
    """Why no post gives a rate of `numerator` ÷ `denominator`: 'no_interactions' (no post reports the
    interactions: a YouTube table without likes or comments; compare_with_benchmarks says 'blank_components'
    where the posts report some counts but leave blank one their exports carry, so none is known), 'no_denominator' (none reports the
    denominator: no follower counts), 'no_either' (neither is reported), 'no_pair' (each is, but no post
    reports both with a denominator above 0). The benchmark table's note says which, not always the
    denominator."""
    has_numerator, has_denominator = numerator.notna().any(), denominator.notna().any()
    if not has_numerator:
        return "no_interactions" if has_denominator else "no_either"
    return "no_denominator" if not has_denominator else "no_pair"


def uneven(sd: float, limit: float) -> bool:
    """Whether posts' spread of log reach (log_sd) lies beyond `limit`, or cannot be checked (NaN: fewer than
    two posts report it): the test behind the report's caveats on verdicts weaker than their 95% says."""
    return not sd <= limit


def log_sd(values: pd.Series) -> float:
    """Standard deviation (ddof=1) of the natural log of the positive values; NaN with fewer than two."""
    positive = pd.to_numeric(values, errors="coerce").astype(float)
    positive = positive[positive > 0]
    return float(np.log(positive).std(ddof=1)) if len(positive) >= 2 else float("nan")


def _interval(values: pd.Series, statistic: str) -> dict:
    """The median or mean of `values` with its 95% interval ('median' or 'mean', 'ci_low', 'ci_high')."""
    return median_interval(values) if statistic == "median" else mean_interval(values, lower=0.0)  # rates ≥ 0


def _numerator(posts: pd.DataFrame, components: str,
               carried: dict | None = None) -> tuple[pd.Series, bool, tuple[str, ...]]:
    """The client's interactions counted with the benchmark's components when the source names them
    (True), else the posts' interactions (False: the source's components may differ), and the component
    columns counted. Either way a post whose export carries a counted component but leaves it blank has none
    (metrics.interactions: what a file carries is judged on the whole file, `carried`, as for the headline
    interactions)."""
    words = [w.strip() for w in str(components).split("+")]
    columns = [COMPONENT_COLUMNS.get(w) for w in words]
    if len(words) > 1 and all(columns):
        counted = tuple(dict.fromkeys(columns))
        return interactions(posts, carried, components=counted).astype("Float64"), True, counted
    return interactions_of(posts).astype("Float64"), False, INTERACTION_COMPONENTS
