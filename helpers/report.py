"""Everything the client report shows, computed once from its parameters: load → metrics → comparisons.

The report notebook calls `build_report` and then only displays parts of the result, so the notebook holds
no logic and an analyst can build the same object in a notebook of their own. Every sentence comes from
the language catalogue (helpers/locales) with numbers formatted for the language.
"""
from __future__ import annotations

import datetime as dt
import functools
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import numpy as np
import pandas as pd

from . import compare, display, explore, metrics, periods, plots
from .benchmarks import (CHANGE_MEASURED_SD, COMPONENT_COLUMNS, MISSING_REASONS, UNEVEN_REACH_SD,
                         compare_with_benchmarks, log_sd, uneven)
from .drawing import FiguresAhead, draw
from .clients import DEFAULT_CURRENCY, export_patterns
from .paid import SUMMED_REACH, one_per_delivery, paid_summary
from .quality import impressions_word
from .errors import ExportFormatError, WorkbookError, unknown_name
from .i18n import (Message, Translator, estimate_decimals, isolated, language_code, listed, render_value, translator,
                   use_language)
from .importers import ImportResult, advice_for, export_entries, pattern_advice
from .importers.base import file_drops, file_warnings
from .sources import (SETTLING_DAYS, Loaded, covered_days, covered_days_count, covered_only_without_posts,
                      export_periods, file_labels, left_out_exports, left_out_of_periods, load_client, merged_days,
                      names_its_period, near_download, near_download_before, partly_covered, rows_used,
                      several_accounts, side_files_covering, unread_notes)
from .statistics import BOOTSTRAP_LIMIT, MIN_INTERVAL_VALUES, median_difference_interval, no_spread

#: The rates dividing by impressions, each row worded with what the exports' impressions count (Report._label).
RATES_BY_IMPRESSIONS = ("engagement_rate_by_impressions", "virality_rate", "click_through_rate")
BROADCAST_KPIS = ("posts", "summed_reach", "impressions", "frequency", "reach_rate", "spend", "cpm",
                  "cost_per_reached_person")
ENGAGEMENT_KPIS = ("interactions", "engagement_rate_by_reach", "engagement_rate_by_impressions",
                   "engagement_rate_by_followers", "engagement_rate_by_views", "conversation_rate",
                   "amplification_rate", "applause_rate", "saves", "virality_rate", "clicks", "click_through_rate",
                   "cost_per_engagement")
ATTENTION_KPIS = ("watch_time_hours", "average_view_duration_seconds", "minutes_per_1000_reached", "video_views")
#: The rows of Data coverage's metrics table: what a post export may carry.
COVERAGE_METRICS = ("reach", "impressions", "reactions", "comments", "shares", "saves", "clicks", "video_views",
                    "watch_time_seconds", "followers", "spend")
#: The Definitions rows built on shares, whose caveat names the platforms whose shares are reposts.
SHARES_USED = ("interactions", "amplification_rate", "virality_rate")
#: Per-post rates whose median post's change gets an interval (difference of medians, bootstrap: the
#: rate_changes table); the change of each rate over all posts (Σ ÷ Σ) has its own (metrics.change_intervals).
CHANGE_WITH_INTERVAL = ("engagement_rate_by_reach", "engagement_rate_by_impressions", "engagement_rate_by_views")
#: The total that goes with each broadcast measure (compare.broadcast_measure), in the period-change finding and
#: in what a quiet platform's comparison period held (comparison_figures).
TOTAL_OF_MEASURE = {"reach": "summed_reach", "impressions": "impressions", "video_views": "video_views"}
#: A platform's changes against the comparison period need at least this many posts in each period: a change
#: of or against one or two posts ("+9,900%") says nothing, and has no interval.
MIN_CHANGE_POSTS = MIN_INTERVAL_VALUES
#: Paid and organic posts each need at least this many posts reporting reach on a platform to be compared:
#: as many as a median's 95% interval needs, so that every lift shown carries its interval.
PAID_MIN_POSTS = MIN_INTERVAL_VALUES
#: How many of the files the exports' patterns pass over a Data coverage note names (Report.left_out_notes).
LEFT_OUT_SHOWN = 5
#: A test result below this p-value is reported as a difference; above it, as no clear difference.
SIGNIFICANCE = compare.SIGNIFICANCE
#: Fewest weekday-and-hour slots whose comparison says something about timing (see timing_test_sentences).
MIN_SLOTS_TESTED = 3
#: The timing test sentences that state a chance verdict (Report.chance_tests, the glossary), each with whether
#: it says the slots differ beyond chance; the '_months' ones for platforms whose posts are dated to the month.
SLOT_VERDICTS = {"timing.slots_differ": True, "timing.slots_differ_months": True,
                 "timing.slots_unclear": False, "timing.slots_unclear_months": False}
#: Most changes beyond chance the summary names per platform beside its period-change sentence.
OTHER_CHANGES_SHOWN = 2
#: The most characters of a post's text a note names it by (Report._post_named): enough to tell it in the table
#: above, where its text stands in full.
POST_NAME_LENGTH = 60
#: A client's posts and a benchmark's data this many years apart or fewer are compared without a warning:
#: reach and engagement on the platforms drift from year to year (organic reach on Facebook halved
#: within months in 2013-14, Ogilvy 2014), so figures further apart say little about each other.
BENCHMARK_YEARS_APART = 2
#: The statistical words of the report the glossary explains in plain language, in the order a reader meets
#: them (texts: glossary.<name>.term and .meaning; a metric's term is its label). Report.glossary_terms
#: keeps those the report shows.
GLOSSARY = ("summed_reach", "sum", "points", "interval", "normal_approximation", "median", "spearman",
            "kendall", "overlap", "elasticity", "mann_whitney", "holm", "p_value", "cliffs_delta",
            "kruskal_wallis", "order_statistics")


#: Import notes worded for the analyst who loads the files ("download the export again", "load this one apart
#: from the Instagram exports"), and the name of their wording for the report (report_note.<name>): the report
#: goes to the client as it is, so its Data coverage states the same facts, and what would make a figure
#: computable, without telling the reader what to do with the files. The explorer and `inspect` keep the
#: analyst's wording.
CLIENT_WORDING = {
    "imports.reading.short_rows": "short_rows", "imports.reading.short_rows_more": "short_rows_more",
    "imports.reading.short_rows_own": "short_rows_own", "imports.reading.short_rows_own_more": "short_rows_own_more",
    "imports.values.clock_gap": "clock_gap", "imports.base.column_misspelt": "column_misspelt",
    "imports.base.column_repeated": "column_repeated",
    "imports.meta_business_suite.clock_borrowed": "clock_borrowed",
    "imports.meta_business_suite.clock_check_instagram": "clock_check_instagram",  # inside clock_unchecked
    "imports.meta_business_suite.clock_check": "clock_check",
    "imports.meta_business_suite.outside_named_period": "outside_named_period",
    "imports.meta_business_suite.order_unchecked": "order_unchecked",
    "imports.daily_common.unknown_metric": "unknown_metric", "imports.tiktok_studio.id_day_off": "id_day_off",
    "imports.tiktok_studio.date_disagrees_with_id": "date_disagrees_with_id",
    "imports.youtube_studio.channels_apart": "channels_apart",
    "imports.youtube_studio.channels_apart_sets": "channels_apart_sets",
    "imports.sources.youtube_totals_untied": "youtube_totals_untied",
    "imports.importers.repeated_post_id_differs": "repeated_post_id_differs",
    "imports.quality.named_gap_start": "named_gap_start", "imports.quality.named_gap_end": "named_gap_end",
    "imports.uci_facebook_metrics.posts_fewer": "uci_posts_fewer",
    "imports.uci_facebook_metrics.posts_more": "uci_posts_more",
    "imports.base.read_as_windows": "read_as_windows", "imports.base.read_as_mac": "read_as_mac",
}


#: The warnings of an export holding no post at one end of the days its name gives (quality.named_period_gaps).
NAMED_GAP_KEYS = ("imports.quality.named_gap_start", "imports.quality.named_gap_end")


#: What shows the export that replaced a file's rows to be the newer (importers.recency), as the files table
#: says it beside the count: by the key of the reason the file's report keeps (FileReport.superseded_by).
NEWER_BY = {"imports.recency.downloaded": "coverage.newer_downloaded", "imports.recency.named": "coverage.newer_named",
            "imports.recency.named_only": "coverage.newer_named", "imports.recency.saved": "coverage.newer_saved",
            "imports.recency.listed": "coverage.newer_listed"}


def replaced_cell(report, tr: Translator, values: bool = False) -> str:
    """The files table's count of a file's rows replaced by a newer export (`values`: a daily file's
    day-and-metric values), with what shows that export to be the newer: "15 (downloaded later)", a count per
    reason when the newer exports are newer for different reasons."""
    counts: dict[str, int] = {}
    for count, why in report.superseded_by.values():
        counts[NEWER_BY[why.key]] = counts.get(NEWER_BY[why.key], 0) + count
    if not counts:
        return tr.number(report.superseded)
    parts = [tr.t("coverage.replaced_how", count=tr.t("coverage.values", count=tr.number(count)) if values
                  else tr.number(count), how=tr.t(how)) for how, count in counts.items()]
    return tr.join(parts)


def client_worded(note):
    """`note` (a Message, or a list of them) with each message in it, nested ones too ("file.csv: …"), in the
    report's wording where CLIENT_WORDING has one; other texts as they are."""
    if isinstance(note, (list, tuple)):
        return [client_worded(item) for item in note]
    if not isinstance(note, Message):
        return note
    values = {name: client_worded(value) for name, value in note.values.items()}
    name = CLIENT_WORDING.get(note.key)
    return Message(f"report_note.{name}", **values) if name else note.with_values(**values)


def elasticity_class(fit: dict) -> str:
    """How interactions scale with reach, from the elasticity's 95% interval: 'below_one' (the interval lies
    between 0 and 1: interactions rise with reach, less than in proportion, so engagement rate falls as
    reach grows), 'not_rising' (below 1 and not above 0: the rate falls, and interactions do not rise with
    reach beyond chance), 'above_one' (above 1: the rate rises), 'about_one' (it holds 1 and lies above 0:
    interactions rise with reach, not told apart from in proportion), 'unclear' (it holds both 1 and 0: the
    posts cannot tell proportional growth from none)."""
    if fit["ci_high"] < 1:
        return "below_one" if fit["ci_low"] > 0 else "not_rising"
    if fit["ci_low"] > 1:
        return "above_one"
    return "about_one" if fit["ci_low"] > 0 else "unclear"


def shared_shape(fits) -> str:
    """The shape several elasticity fits show together (elasticity_class), stated only where every interval
    shows it: that class when all share it, 'falling_rate' when each lies below 1 (rising on some, not on
    others: the rate falls with reach on all), else 'mixed'."""
    shapes = {elasticity_class(f) for f in fits}
    return shapes.pop() if len(shapes) == 1 else "falling_rate" if shapes == {"below_one", "not_rising"} else "mixed"


def interval_strength(tr: Translator, *bounds: float) -> str:
    """The strength words a rank correlation's 95% interval supports as a whole (README, "Definitions"): the
    class of its bound nearest 0 (compare.agreement_strength), "at least moderate" when the bound farthest
    from 0 falls in a stronger class. Bounds of several intervals on one side of 0 (one per channel) give the
    words that hold for every one of them. The point estimate alone would overstate a wide interval. A bound
    nearest 0 that is negligible (below 0.1) gives "anything from negligible to strong": the size is
    uncertain, and "at least weak" would claim more than the interval shows."""
    nearest, farthest = min(bounds, key=abs), max(bounds, key=abs)
    strength, top = compare.agreement_strength(nearest), compare.agreement_strength(farthest)
    words = tr.t(f"agreement.strength.{strength}")
    if strength == top:
        return words
    if strength == "negligible":
        return tr.t("agreement.from_negligible", strength=tr.t(f"agreement.strength.{top}"))
    return tr.t("agreement.at_least", strength=words)


def elasticity_shown(fit: dict) -> bool:
    """Whether an elasticity fit says something about the platform's posts: fitted on enough posts with
    enough interactions (compare.elasticity's 'unfitted'), on at least as many posts as were left out for zero
    reach (else it describes a minority), and with an interval of some width."""
    return (pd.notna(fit["slope"]) and not fit.get("unfitted") and fit.get("left_out_zero", 0) <= fit["n"]
            and pd.notna(fit["ci_low"]) and fit["ci_high"] > fit["ci_low"])


def shared_estimates(tr: Translator, value, low, high, decimals: int = 2, percent: bool = False,
                     reference: float = 0.0) -> tuple[str, str, str]:
    """An estimate and the ends of its 95% interval as a reader compares them. When the interval holds 0, all
    three at `decimals` (a bound that rounds to 0 reads 0: it touches 0, and the interval holds it either way:
    "+0.03 pp (95% CI 0.00 to 0.05)", within chance). When it leaves 0 out, a number that would read 0 at
    `decimals` gets the digits its first significant digit needs (estimate_decimals), so the end nearest 0
    shows its sign ("+0.05 pp (95% CI 0.004 to 0.08)"); the others keep `decimals` rather than take digits they
    do not need ("0.45 (0.0004 to 0.54)", not "0.4501 (0.0004 to 0.5377)"). An upper end of +inf reads "no
    upper bound"; without an interval, the estimate reads as Translator.estimate writes it. `reference`: the
    value the interval is read against in place of 0, such as 1 for a ratio ("1.004 (95% CI 1.001 to 1.008)",
    beyond chance, not "1.00 (1.00 to 1.01)")."""
    if pd.isna(low) or pd.isna(high):
        return tr.estimate(value, decimals, percent), "", ""
    scale = 2 if percent else 0
    beyond = low > reference or high < reference

    def text(number) -> str:
        if number == np.inf:
            return tr.t("common.no_upper_bound")
        shown = estimate_decimals(number, decimals, scale, reference) if beyond else decimals
        return tr.percent(number, shown) if percent else tr.number(number, shown)

    return text(value), text(low), text(high)


def relative_digits(*changes) -> int:
    """Decimals of a relative change and its interval, shown together: one below 100% ("+38.2%"), none
    when any of them reaches 100% ("+381% (95% CI 85% to 2,305%)"), where a tenth of a percent is noise."""
    finite = [abs(c) for c in changes if pd.notna(c) and np.isfinite(c)]
    return 0 if finite and round(max(finite), 3) >= 1 else 1  # as written: 0.9996 would read 100.0%


def benchmark_verdict(row) -> str | None:
    """Where a client's figure stands against a published one (a compare_with_benchmarks row), from the
    client's 95% interval: 'above' or 'below' when the interval leaves the published figure out on that
    side, 'in_line' when it holds it (no difference beyond chance, which is not evidence of none: a wide
    interval holds many figures); None when the figure has no interval (too few posts) or there is no published
    figure to place it against (comparisons with a missing figure are all False, which would read as 'in line')."""
    low, high = row["client low"], row["client high"]
    if pd.isna(low) or pd.isna(high) or pd.isna(row["benchmark"]):
        return None
    return "above" if low > row["benchmark"] else "below" if high < row["benchmark"] else "in_line"


def leaves_out(low, high, null: float = 0.0) -> bool | None:
    """Whether a 95% interval leaves `null` out (an interval touching it holds it): the chance verdict of every
    interval the report judges (a change against 0, a ratio against 1). None without an interval; an upper end
    of +inf lies above `null` only if its lower end does."""
    if pd.isna(low) or pd.isna(high):
        return None
    return bool(low > null or high < null)


def p_beyond(p) -> bool | None:
    """Whether a test's p-value is below SIGNIFICANCE, the report's 'beyond chance'; None without a p."""
    return None if pd.isna(p) else bool(p < SIGNIFICANCE)


@dataclass(frozen=True)
class ChanceTest:
    """One test the report states a chance verdict for (Report.chance_tests): its kind, platform and name, and
    whether it came out beyond chance. `holm`: a Holm-adjusted test, whose own chance of coming out beyond
    chance when nothing is going on is below SIGNIFICANCE."""

    kind: str
    platform: str
    name: str
    beyond: bool
    holm: bool = False


def broadcast_word(tr: Translator, measure: str, kinds) -> str:
    """A broadcast count (compare.broadcast_measure) as a word: reach, video views, or, for impressions, what
    the exports' impressions count (`kinds`, their impressions_kind: impressions, views, thumbnail
    impressions, or impressions and views)."""
    if measure in ("reach", "video_views"):
        return tr.t(f"lens.word_{measure}")
    return tr.message(impressions_word(kinds))


def rate_label(tr: Translator, name: str, kinds, platform: str | None = None) -> str:
    """A KPI's label as the report writes it where the platform's impressions are of `kinds` (impressions_kind
    values): its Definitions label, and for a rate by impressions whose exports count something else (Meta's
    views, YouTube's thumbnails shown), what they count beside it: "engagement rate by impressions (views)".
    "Engagement rate by views" alone would read as the rate by video views (TikTok's), another metric.
    `platform` names its shares as it does (X's and LinkedIn's are reposts: Translator.metric)."""
    label = tr.metric(name, platform=platform)
    if name in RATES_BY_IMPRESSIONS and set(kinds) - {"impressions"}:
        return tr.t("lens.counted_as", label=label, counted=broadcast_word(tr, "impressions", kinds))
    return label


def estimate_cell(tr: Translator, value, low, high) -> str:
    """An estimate as the report's tables write it, with its 95% interval in the same cell: "0.62 (0.48 to
    0.73)", "2.07 (1.20 to no upper bound)" for an interval without upper end (+inf, as the report words it
    elsewhere); the estimate alone without interval, n/a without estimate (a rho, a slope, a lift)."""
    if pd.isna(value):
        return tr.t("common.na")
    if pd.isna(low):
        return tr.estimate(value)
    value, low, high = shared_estimates(tr, value, low, high)  # one precision; +inf: no upper bound
    return tr.t("common.interval", value=value, low=low, high=high)


def has_text(text) -> bool:
    """Whether a post's text says something: given, and more than spaces (an empty caption and description, as a
    Facebook export may give, is no text)."""
    return not pd.isna(text) and bool(str(text).strip())


def agreement_not_computed(tr: Translator, platform: str, n: int, posts: pd.DataFrame, by: str) -> str:
    """Why a platform's rank agreement has no rho, over `n` posts reporting both measures: its exports report
    no interactions, fewer than 3 posts report a broadcast count with them, or the measure or interactions
    are the same for every post. `posts`: the platform's; `by`: its broadcast count as a word."""
    key = ("agreement.no_spread" if n >= 3
           # no component at all: a post leaving one blank has no interactions, but its export reports them
           else "agreement.cannot_no_interactions"
           if posts[list(metrics.INTERACTION_COMPONENTS)].isna().all().all()
           else "agreement.cannot_no_reach" if posts["reach"].isna().all() else "agreement.cannot")
    return tr.t(key, platform=tr.platform(platform), n=tr.number(n), by=by)


def formats_not_compared(tr: Translator, platform: str, posts: pd.DataFrame) -> str:
    """Why a platform's formats are not compared (fewer than two formats have enough posts): no post reports
    a broadcast count, the exports give no post's format, every post is of one format, or too few posts are
    of each. `posts`: the platform's, with compare.with_broadcast's columns (added when missing)."""
    if "broadcast" not in posts:
        posts = compare.with_broadcast(posts)
    if posts["broadcast"].isna().all():
        return tr.t("formats.no_reach", platform=tr.platform(platform))
    if posts["format"].isna().all():
        return tr.t("formats.no_format", platform=tr.platform(platform))
    if posts["format"].nunique(dropna=False) == 1:
        return tr.t("formats.one_format", platform=tr.platform(platform),
                    format=tr.format_name(posts["format"].iloc[0]))
    return tr.t("formats.too_few", platform=tr.platform(platform))


@dataclass
class Finding:
    """A sentence of the summary and the numbers it quotes (so a test can check one against the other)."""

    key: str
    text: str
    values: dict = field(default_factory=dict)


def _answer_kept(method):
    """A Report method whose answer is kept per report and arguments: a report does not change once built
    (dataclasses.replace makes a new one, with nothing kept), and its cells ask the same question of it
    hundreds of times (which platforms report watch time, what their impressions count). The answer must not be
    changed by its callers: sets and lists come back frozen. A field given a new value drops the answers kept
    (Report.__setattr__); a table changed in place is not seen."""
    name = method.__name__

    @functools.wraps(method)
    def kept(self, *args, **options):
        key = (name, *args, *sorted(options.items()))
        if key not in self._kept:
            self._kept[key] = method(self, *args, **options)
        return self._kept[key]

    return kept


#: The report's figures (Report.figure_<name>), in the order it shows them; those of FIGURES_PER_PLATFORM
#: draw one platform, named as their argument.
FIGURES = ("reach_vs_interactions", "quadrant", "rank_shift", "formats", "day_hour")
FIGURES_PER_PLATFORM = ("rank_shift", "formats")


@dataclass
class Report:
    client: str
    client_name: str
    brand_name: str
    accent_colour: str
    logo: str
    currency: str
    tr: Translator
    period_start: pd.Timestamp
    period_end: pd.Timestamp
    comparison_start: pd.Timestamp
    comparison_end: pd.Timestamp
    top_n: int
    benchmark_industry: str
    imported: ImportResult
    daily: pd.DataFrame | None
    posts: pd.DataFrame  # this period, with per-post metrics
    previous: pd.DataFrame  # the comparison period, with per-post metrics
    outside_period: int
    kpis: pd.DataFrame = field(default_factory=pd.DataFrame)
    agreement: pd.DataFrame = field(default_factory=pd.DataFrame)
    overlaps: dict = field(default_factory=dict)
    ranks: pd.DataFrame = field(default_factory=pd.DataFrame)  # per platform, by its broadcast measure
    measures: dict = field(default_factory=dict)  # platform -> what it is ranked by (compare.broadcast_measure)
    quadrants: pd.DataFrame = field(default_factory=pd.DataFrame)
    elasticity: dict = field(default_factory=dict)
    # platform -> {account: fit} where the platform's posts come from several accounts (compare.elasticity_by_account)
    elasticity_accounts: dict = field(default_factory=dict)
    formats: dict = field(default_factory=dict)
    day_hour: pd.DataFrame = field(default_factory=pd.DataFrame)
    slot_tests: pd.DataFrame = field(default_factory=pd.DataFrame)  # do the heat map's slots differ at all
    paid: pd.DataFrame = field(default_factory=pd.DataFrame)
    benchmarks: pd.DataFrame = field(default_factory=pd.DataFrame)
    rate_changes: pd.DataFrame = field(default_factory=pd.DataFrame)
    # period_change over the organic posts of the platforms whose periods hold paid ones (metrics.organic_change)
    organic_kpis: pd.DataFrame = field(default_factory=pd.DataFrame)
    paid_delivery: pd.DataFrame = field(default_factory=pd.DataFrame)  # Ads Manager totals, when given
    paid_outside: list = field(default_factory=list)  # Ads Manager reports with no row within the period
    paid_same: list = field(default_factory=list)  # reports of the same delivery: the one quoted (paid.OneDelivery)
    currency_set: bool = True  # False: no currency was given (the roster sets none), `currency` is the default
    other_notes: list = field(default_factory=list)  # what the daily and paid-delivery imports noted (Messages)
    side_files: list = field(default_factory=list)  # ("daily" | "paid", FileReport) of the files beside the posts
    left_out: list = field(default_factory=list)  # files the exports' patterns pass over (sources.LeftOut)
    ahead: FiguresAhead | None = field(default=None, repr=False, compare=False)  # see draw_figures_ahead
    # each platform's export periods (_export_periods_by_file), computed once: the coverage notes, the summary
    # and the lens tables ask for them dozens of times
    _periods: dict = field(default_factory=dict, init=False, repr=False, compare=False)
    _partial: dict | None = field(default=None, init=False, repr=False, compare=False)
    _kept: dict = field(default_factory=dict, init=False, repr=False, compare=False)  # see _answer_kept

    def __setattr__(self, name: str, value) -> None:
        """A field given a new value (an analyst trying a variant in JupyterLab, a test) drops every answer kept
        from the old values (_answer_kept, the export periods, the partly covered platforms). A table changed in
        place (report.posts.loc[...] = ...) is not seen: give the field the changed table (report.posts = ...)."""
        super().__setattr__(name, value)
        if not name.startswith("_") and "_kept" in self.__dict__:  # once __init__ has made the caches
            self._kept.clear()
            self._periods.clear()
            super().__setattr__("_partial", None)

    def __post_init__(self) -> None:
        # each platform's broadcast count (compare.with_broadcast), from the posts as given: analyse computes
        # its comparisons the same way, so the figures and sentences read the count the analysis used
        if len(self.posts.columns):
            self.posts = compare.with_broadcast(self.posts)

    # ----------------------------------------------------------------------------------------- basics
    @property
    def platforms(self) -> list[str]:
        return sorted(self.posts["platform"].unique())

    @property
    def title(self) -> str:
        return self.tr.t("report.title", client=self.client_name, start=self.tr.date(self.period_start),
                         end=self.tr.date(self.period_end))

    @property
    def comparison_is_previous(self) -> bool:
        """Whether the comparison period is the one just before the period: it ends the day before it starts."""
        return self.comparison_end.date() + dt.timedelta(days=1) == self.period_start.date()

    def compared(self, dated: bool = True) -> str:
        """What the period is compared with, for a sentence: 'the previous period' when it is the one just
        before (comparison_is_previous), else 'the comparison period (1 March 2018 to 31 March 2018)', without
        its dates (`dated=False`) where a sentence just before gave them. A comparison chosen months apart is no
        'previous period'."""
        tr = self.tr
        if self.comparison_is_previous:
            return tr.t("common.previous_period")
        if not dated:
            return tr.t("common.comparison_period")
        return tr.t("common.comparison_period_dated", start=tr.date(self.comparison_start),
                    end=tr.date(self.comparison_end))

    # ----------------------------------------------------------------------------------------- a quiet period
    @property
    def has_posts(self) -> bool:
        """Whether any platform has a post in the period. A report without one (the exports cover the period
        and the account published nothing then, _report_of_loaded) is a short one: the summary says so and
        what the comparison period held (findings), each section that measures posts says in one sentence
        that there is none to measure (no_posts_sentence), and no figure is drawn."""
        return not self.posts.empty

    def summary_intro(self) -> str:
        """The summary's opening: what its sentences come from (the numbers of the sections below), and how
        many tests the report judges against chance (chance_count_sentence); or for a period without posts,
        that it has none and the comparison period's figures are quoted beside it."""
        if not self.has_posts:
            return self.tr.t("quiet.summary_intro")
        return " ".join(filter(None, [self.tr.t("section.summary_intro"), self.chance_count_sentence()]))

    def chance_count_sentence(self) -> str:
        """How many tests the report states a chance verdict for (chance_tests), how many came out beyond
        chance, and how many chance alone would put there on average were nothing going on (tests × 5%; less
        for Holm-adjusted ones, said so): with some twenty tests, one lone p of 0.02 is what chance gives (said
        only where some test came out beyond chance). '' when the report judges nothing against chance."""
        tests = self.chance_tests()
        if not tests:
            return ""
        tr = self.tr
        holm = sum(t.holm for t in tests)
        values = {"tests": tr.number(len(tests)), "beyond": tr.number(sum(t.beyond for t in tests)),
                  "chance": tr.number(len(tests) * SIGNIFICANCE, 2),  # as the changes' sentence writes it
                  "holm": tr.number(holm)}
        if not any(t.beyond for t in tests):  # nothing past the bar: no lone result to weigh
            return tr.t("section.chance_count_holm_none" if holm else "section.chance_count_none", **values)
        return tr.t("section.chance_count_holm" if holm else "section.chance_count", **values)

    @_answer_kept
    def chance_tests(self) -> tuple[ChanceTest, ...]:
        """Every test the report states a chance verdict for, once each wherever it is stated, decided by the
        code that writes it: the changes in the lens tables (_changes_judged, the period-change sentence's
        among them) and the organic posts' rate change; each pair of formats (Holm-adjusted within one lens on
        one platform, so each pair counts) and the formats' Kruskal–Wallis test; the timing tests; the top-N
        overlap; the rank correlation (its ρ interval against 0); each elasticity fit, against 0 and against 1
        (its sentence states both); the paid lifts; each benchmark verdict. Several tests at 5% each: about
        one in twenty comes out beyond chance with nothing going on."""
        tests = []
        for platform in self.platforms:
            judged = self._changes_judged(platform, quoted=True)
            tests += [ChanceTest("change", platform, f"{row['kpi']}{' median' if row['median'] else ''}", beyond)
                      for (_, row), beyond in zip(judged.iterrows(), self._leaves_out_zero(judged))]
            tests += self._organic_test(platform) + self._format_tests_judged(platform)
            tests += self._agreement_tests(platform) + self._elasticity_tests(platform)
            if self._finding_paid(platform) is not None:  # the lifts its sentence and the table judge
                row = self.paid[self.paid["platform"] == platform].iloc[0]
                tests += [ChanceTest("paid", platform, column, leaves_out(row[f"{column} low"], row[f"{column} high"], 1))
                          for column in ("reach lift", "engagement-rate lift")
                          if leaves_out(row[f"{column} low"], row[f"{column} high"], 1) is not None]
        tests += [ChanceTest("timing", "", key, SLOT_VERDICTS[key]) for key, _ in self._timing_tests()
                  if key in SLOT_VERDICTS]
        for _, row in self.benchmarks.iterrows():
            outcome = self.benchmark_outcome(row) if pd.notna(row["client"]) else "none"
            if outcome in ("above", "below", "in_line"):
                tests.append(ChanceTest("benchmark", row["platform"], f"{row['source']} {row['statistic']} "
                                        f"{row['denominator']}", outcome != "in_line"))
        return tuple(tests)

    def _organic_test(self, platform: str) -> list[ChanceTest]:
        """The organic posts' rate change, judged where the platform's periods mix paid posts
        (_organic_change_text, in the summary and Data coverage alike)."""
        rate_kpi = compare.RATE_OF_MEASURE[self.measures.get(platform, "reach")]
        if not (self.mixes_paid(platform) and self._judges_changes(platform) and "rate" in self._organic_quoted(platform)):
            return []
        beyond = leaves_out(*self._change_interval(rate_kpi, self._organic_rows(platform).loc[rate_kpi]))
        return [] if beyond is None else [ChanceTest("organic_change", platform, rate_kpi, beyond)]

    def _format_tests_judged(self, platform: str) -> list[ChanceTest]:
        """Each pair of formats the tests table gives a Holm-adjusted p for (format_tests; Holm-adjusted
        in fact only among two pairs or more of one lens), and the Kruskal–Wallis test the formats' sentence
        states (format_sentence)."""
        if platform not in self.formats:
            return []
        tests = []
        for lens in ("reach", "rate"):
            pairs = self.formats[platform][lens]["pairs"]  # Holm adjusts a lens's pairs together: one pair, none
            tests += [ChanceTest("format_pair", platform, f"{lens} {pair['a']} {pair['b']}", p_beyond(pair["p_holm"]),
                                 len(pairs) > 1) for _, pair in pairs.iterrows() if p_beyond(pair["p_holm"]) is not None]
        kruskal = self.formats[platform]["rate"]["kruskal"]
        if self._kruskal_shown(platform) and p_beyond(kruskal["p_value"]) is not None:  # as format_sentence states it
            tests.append(ChanceTest("kruskal", platform, "formats", p_beyond(kruskal["p_value"])))
        return tests

    def _agreement_tests(self, platform: str) -> list[ChanceTest]:
        """The rank correlation and the top-N overlap, where the agreement section judges them against chance
        (agreement_sentence_for: ρ's interval against 0; _overlap_cell: the overlap's p)."""
        tests = []
        if platform in self.agreement.index:
            row = self.agreement.loc[platform]
            if pd.notna(row["rho"]) and (beyond := leaves_out(row["ci_low"], row["ci_high"])) is not None:
                tests.append(ChanceTest("rank_correlation", platform, "spearman", beyond))
        if platform in self.overlaps and self.top_n_telling(platform):
            if (beyond := self._overlap_beyond_chance(self.overlaps[platform])) is not None:
                tests.append(ChanceTest("overlap", platform, "top_n", beyond))
        return tests

    def _elasticity_tests(self, platform: str) -> list[ChanceTest]:
        """Each elasticity fit shown (the platform's, or each account's), once: whether interactions rise with
        the broadcast count (its interval against 0), as elasticity_class words it. Its sentence also says
        whether they rise in step (against 1), but that is no test of "nothing going on": were reach and
        interactions unrelated, the slope would be about 0 and the test against 1 would nearly always come out
        beyond chance, so counting it would add a result beyond chance whatever the data."""
        fits = (self.elasticity_accounts[platform] if platform in self.elasticity_accounts
                else {"": self.elasticity[platform]} if platform in self.elasticity else {})
        return [ChanceTest("elasticity", platform, f"{account} rising",
                           elasticity_class(fit) in ("below_one", "above_one", "about_one"))
                for account, fit in fits.items() if elasticity_shown(fit)]

    def no_posts_sentence(self) -> str:
        """The one sentence a section that measures posts shows for a period without posts."""
        return self.tr.t("quiet.section", start=self.tr.date(self.period_start), end=self.tr.date(self.period_end))

    def index_facts(self) -> dict:
        """What the index of reports says beside a report's status: the number of posts in the period (a
        report without any is short, and a consultant should know before sending it), and the platforms whose
        exports cover only part of the period, with the days they cover (its totals are of those days only).
        For the renderer, too: the posts of each platform ("platform_posts", 0 for a platform whose exports
        cover the period and hold none of it) and the platforms with a post export covering days of the period
        that lists only its header ("header_only", with those files): a download that stopped after the header
        must not quietly replace a report of that platform's posts (render.header_only_problem). And the files the
        exports' patterns pass over ("left_out": [{"folder", "files", "pattern", "count", "more", "refused"}], full paths, which the output's
        metadata keeps out of the HTML), for the command's summary to name them and what to add to the roster.
        And the exports the report tells the client their download may have missed posts of ("named_gaps":
        named_gap_files), which the consultant checks before sending."""
        facts = {"posts": int(len(self.posts)), "platform_posts": self.platform_posts()}
        if named_gaps := self.named_gap_files():
            facts["named_gaps"] = named_gaps
        if self.left_out:
            facts["left_out"] = [{"folder": str(one.folder), "files": [str(file) for file in one.files],
                                  "pattern": None if one.pattern is None else str(one.pattern), "count": one.count,
                                  "more": one.more} | ({"refused": [str(file) for file in one.refused]}
                                                       if one.refused else {})
                                 for one in self.left_out]
        if header_only := self.header_only_files():
            facts["header_only"] = header_only
        if partial := self.partly_covered_period():
            facts["partial"] = {platform: {"days": covered_days_count(runs), "period_days": self.period_days}
                                | ({"from_posts": True if self.spans_from_posts_of(platform) == "all" else "some"}
                                   if self.spans_from_posts(platform) else {})
                                for platform, runs in partial.items()}
        return facts

    def named_gap_files(self) -> list[str]:
        """The post exports, named as the coverage notes name them (file_labels), holding no post in a long stretch
        at one end of the days their names give (quality.named_period_gaps): the report tells the client that
        either the account began (or stopped) posting then or the download missed posts, which the consultant
        should know without reading every report (index_page.report_marks)."""
        reports = self.imported.reports
        return [label for r, label in zip(reports, file_labels([r.path for r in reports]))
                if any(getattr(w, "key", None) in NAMED_GAP_KEYS for w in r.warnings)]

    def platform_posts(self) -> dict[str, int]:
        """{platform: posts in the period}: the platforms with posts, those whose exports cover the period and
        hold none of it (quiet_platforms) and those whose exports list only their header (header_only_exports),
        with 0."""
        counts = self.posts["platform"].value_counts() if len(self.posts) else {}
        return {platform: int(counts[platform]) if platform in counts else 0 for platform in sorted(
            set(self.platforms) | set(self.quiet_platforms()) | set(self.header_only_exports()))}

    def _covering_reports(self, platform: str) -> list:
        """The platform's post exports (their FileReports) covering some of the period's days, or naming no days
        (which may be any)."""
        first, last = self.period_start.date(), self.period_end.date()
        spans = self._export_periods_by_file(platform)
        return [r for r in self.imported.reports if r.holds(platform) and (
            (span := spans.get(str(r.path))) is None or span[0] <= last and span[1] >= first)]

    def header_only_exports(self) -> dict[str, list[str]]:
        """{platform: names of its post exports} of the platforms with no post in the period whose post exports
        covering some of its days (_covering_reports) all list only their header. Such a platform may be quiet
        or its download may have stopped after the header; the renderer keeps a last report of the same period
        that had posts on it rather than replace it with this one (render.header_only_problem). An export
        holding posts of other days that covers the period speaks for a quiet platform: then it is not one."""
        found = {}
        for platform in sorted({r.platform for r in self.imported.reports if r.platform} - set(self.platforms)):
            files = self._covering_reports(platform)
            if files and all(r.rows_listed == 0 for r in files):
                found[platform] = sorted(Path(r.path).name for r in files)
        return found

    def header_only_files(self) -> dict[str, list[str]]:
        """{platform: names of its post exports} of every platform, with posts in the period or not, whose post
        exports covering some of the period's days (_covering_reports) include ones listing only their header:
        those, beside the exports holding posts. One month's file of a platform cut after its header takes that
        month's posts out of a report of several months while the others' posts still fill it; the renderer
        keeps a last report of the same period that counted more posts on that platform (render.header_only_problem)."""
        found = {}
        for platform in sorted({r.platform for r in self.imported.reports if r.platform}):
            if files := sorted(Path(r.path).name for r in self._covering_reports(platform) if r.rows_listed == 0):
                found[platform] = files
        return found

    @property
    def period_days(self) -> int:
        """The period's calendar days (dates, not zone-aware times: a clock change would take an hour off a day)."""
        return (self.period_end.date() - self.period_start.date()).days + 1

    def partly_covered_period(self) -> dict[str, list[tuple]]:
        """{platform: runs of days} of the platforms, with posts in the period or quiet in it, whose post exports
        cover only some of the period's days (sources.partly_covered, the explorer's judgement too), and those
        days: the summary opens with them (_finding_coverage), the broadcast lens says them beside its totals,
        and the index of reports marks the report. A platform whose exports do not say what they cover, or cover
        none of the period, is not one. Judged once per report."""
        if self._partial is None:
            platforms = sorted(set(self.platforms) | set(self.quiet_platforms()))
            found = partly_covered(self.imported.posts, self.period_start.date(), self.period_end.date(),
                                   platforms=platforms, spans_of=self._export_periods_by_file)
            self._partial = {platform: runs for platform, (_, runs) in found.items()}
        return self._partial

    def quiet_platforms(self) -> list[str]:
        """The platforms whose post exports cover days of the period and hold no post published in them: the
        account published nothing there then, which is a result, not missing data (the same judgement as the
        report's "no export covers these days" error, sources.covered_days). A platform whose exports cover
        none of the period is not one: its files are of other days."""
        first, last = self.period_start.date(), self.period_end.date()
        known = set(self.imported.posts["platform"].dropna()) | {r.platform for r in self.imported.reports
                                                                 if r.platform}
        return [p for p in sorted(known - set(self.platforms)) if self._export_spans(p, first, last)]

    def uncovered_platforms(self) -> dict[str, list[tuple]]:
        """{platform: runs of days its post exports cover} of the platforms with posts in the comparison period
        and none in the period whose exports cover none of the period's days (neither the period's platforms nor
        quiet_platforms): nothing of the period is known there, so those posts are compared with nothing, and
        the summary (_finding_uncovered) and Data coverage say so rather than let the comparison period's count
        read as a fall in posting."""
        seen = set(self.platforms) | set(self.quiet_platforms())
        return {platform: merged_days([span for span in self._export_periods_by_file(platform).values() if span])
                for platform in sorted(set(self.previous["platform"].dropna()) - seen)}

    def _finding_uncovered(self, platform: str, runs: list[tuple]) -> Finding:
        """'Instagram is not compared: its exports end on 31 August 2026, before this period, …': the summary's
        sentence on a platform of uncovered_platforms, with the comparison period's posts it had and the
        export that would compare it."""
        tr = self.tr
        first, last = self.period_start.date(), self.period_end.date()
        if runs and runs[-1][1] < first:
            exports = tr.t("quiet.exports_end", last=tr.date(runs[-1][1]))
        elif runs and runs[0][0] > last:
            exports = tr.t("quiet.exports_start", first=tr.date(runs[0][0]))
        else:
            exports = tr.t("quiet.exports_around", spans=self._spans_text(runs))
        posts = int((self.previous["platform"] == platform).sum())
        text = tr.t("quiet.uncovered", platform=tr.platform(platform), exports=exports, posts=tr.number(posts),
                    previous_start=tr.date(self.comparison_start), previous_end=tr.date(self.comparison_end),
                    start=tr.date(self.period_start), end=tr.date(self.period_end))
        return Finding("quiet.uncovered", text, {"platform": platform, "posts": posts})

    def _seen_only_by_empty_exports(self, platform: str, first, last) -> bool:
        """Whether some day from `first` to `last` is covered only by the platform's exports that list no post
        at all (a header, nothing else): what an export holding posts of other days says of a quiet stretch
        is a result, but a header-only one reads the same as a download that stopped after its header
        (sources.covered_only_without_posts, the explorer's judgement too)."""
        mine = self.imported.posts[self.imported.posts["platform"] == platform]
        holding = set(mine["source_file"].astype(str)) if "source_file" in mine else set()
        return bool(covered_only_without_posts(self._export_periods_by_file(platform), holding, first, last))

    def comparison_figures(self, platform: str) -> dict:
        """What the comparison period held on a platform: its posts, and the summed broadcast count and the
        interactions of those reporting them (metrics.kpis), each with the posts it covers; a figure no post
        reports is left out (missing is not 0). The broadcast count is the platform's (compare.broadcast_measure:
        summed reach, or impressions or video views where the exports report no reach, as on X), keyed by its
        KPI name."""
        before = self.previous[self.previous["platform"] == platform]
        figures = {"posts": len(before)}
        if before.empty:
            return figures
        table = metrics.kpis(before).set_index("kpi")
        for name in (TOTAL_OF_MEASURE[compare.broadcast_measure(before)], "interactions"):
            if table.loc[name, "posts_covered"] > 0:
                figures[name] = (table.loc[name, "value"], int(table.loc[name, "posts_covered"]))
        return figures

    def _finding_quiet(self, platform: str) -> Finding:
        """'Quiet Books published no posts on Facebook from … to …, and the exports cover these days: …', then
        what the comparison period held there (comparison_figures): the summary's sentence on a platform of
        quiet_platforms. Where some of the period's days are covered only by exports listing no post at all
        (_seen_only_by_empty_exports), the sentence says so and gives both readings rather than calling it no
        gap: a download that stopped after the header reads the same as a quiet account."""
        tr = self.tr
        first, last = self.period_start.date(), self.period_end.date()
        runs = self._export_spans(platform, first, last)
        values = {"client": self.client_name, "platform": tr.platform(platform), "start": tr.date(self.period_start),
                  "end": tr.date(self.period_end)}
        if self._seen_only_by_empty_exports(platform, first, last):
            # days only exports listing no post at all speak for: a quiet account, or a download that stopped
            # after its header
            text = tr.t("quiet.finding_empty", **values)
        else:
            text = (tr.t("quiet.finding", **values) if runs == [(first, last)]
                    else tr.t("quiet.finding_part", spans=self._spans_text(runs), **values))
        figures = self.comparison_figures(platform)
        sums = {name: figure for name, figure in figures.items() if name != "posts"}  # (value, posts reporting it)
        dates = {"start": tr.date(self.comparison_start), "end": tr.date(self.comparison_end)}
        if figures["posts"]:
            # each figure with its words ("a summed reach of 8,000", "13,850 impressions", "5 interactions"), then
            # the posts it covers when not all of them report it: the note follows the figure it is about
            parts = []
            for name, (value, covered) in sums.items():
                if name == "summed_reach":
                    figure = tr.t("quiet.figure_reach", value=tr.number(value))
                elif name == "interactions":
                    figure = tr.t("quiet.figure_interactions", value=tr.number(value))
                else:  # impressions, views or video views, named as the lens tables name them
                    before = self.previous[self.previous["platform"] == platform]
                    by = broadcast_word(tr, "video_views" if name == "video_views" else "impressions",
                                        before["impressions_kind"].dropna())
                    figure = tr.t("quiet.figure_count", value=tr.number(value), by=by)
                parts.append(figure if covered == figures["posts"] else
                             tr.t("quiet.reported_by", figure=figure, covered=tr.number(covered)))
            said = (tr.t("quiet.drew_two", first=parts[0], second=parts[1]) if len(parts) == 2
                    else tr.t("quiet.drew_one", first=parts[0]) if parts else "")
            text += " " + tr.t("quiet.before", posts=tr.number(figures["posts"]), drew=said, **values | dates)
        else:
            text += " " + tr.t("quiet.none_before" if self._posted_nothing_before(platform) else "quiet.not_before",
                               **values | dates)
        return Finding("quiet.finding", text, {"platform": platform, "posts": figures["posts"],
                                               **{name: float(value) for name, (value, _) in sums.items()}})

    def table_caption(self, platform: str, lens: str) -> str:
        """The caption of a lens table ('broadcast', 'engagement' or 'attention'): the platform, the lens, and
        the two periods compared, named as compared() names them."""
        tr = self.tr
        previous = self.comparison_is_previous
        if lens == "attention":
            return (tr.t("attention.caption", platform=tr.platform(platform)) if previous else
                    tr.t("attention.caption_comparison", platform=tr.platform(platform), compared=self.compared()))
        values = {"platform": tr.platform(platform), "lens": tr.t(f"lens.{lens}")}
        return (tr.t("kpi.caption", **values) if previous
                else tr.t("kpi.caption_comparison", compared=self.compared(), **values))

    def kpi(self, platform: str, name: str, field_name: str = "value"):
        row = self.kpis[(self.kpis["platform"] == platform) & (self.kpis["kpi"] == name)]
        return row[field_name].iloc[0] if len(row) else np.nan

    def _fmt_kpi(self, name: str, value) -> str:
        return display.metric_text(self.tr, name, value, self.currency)

    def _fmt_change(self, name: str, row) -> str:
        """A KPI's change against the previous period: in percentage points for a percent rate, otherwise
        relative; with its 95% interval where it has one (rates and per-post rates, metrics.change_intervals)."""
        tr = self.tr
        if pd.isna(row["change"]):
            return tr.t("common.na")
        if name in metrics.PERCENT_RATES:
            return self._points_text(row["change"], row.get("ci_low"), row.get("ci_high"))
        if pd.isna(row["relative_change"]):
            return tr.t("common.na")
        low, high = row.get("relative_ci_low"), row.get("relative_ci_high")
        bounded = pd.notna(low) and pd.notna(high)
        platform = row.get("platform")
        digits = (self.relative_digits(platform) if platform in self.platforms  # as the platform's tables
                  else relative_digits(row["relative_change"], *((low, high) if bounded else ())))
        change, low_text, high_text = shared_estimates(tr, row["relative_change"], low, high, digits, percent=True)
        change = tr.signed(change)
        if not bounded:
            return change
        # +inf (the previous rate is 0 in many resamples) reads "no upper bound" (shared_estimates); -100%, the
        # least a rate of counts can change, is this period's rate falling to 0 in many resamples: said so
        key = "change.relative_interval_from_none" if low == -1 else "change.relative_interval"
        return tr.t(key, change=change, low=low_text, high=high_text)

    @_answer_kept
    def relative_digits(self, platform: str) -> int:
        """Decimals of the relative changes of the platform's lens tables and of the sentences quoting them,
        one for all (relative_digits over every change shown and its interval's ends), so that a change in
        whole percents does not stand beside changes with a decimal: "-18.5%" and "-2.4% (95% CI -85.3% to
        37.0%)", or all whole where one reaches 100%. A fall to 0 (-100%) and +inf read the same at any
        precision and are left out of the choice."""
        rows = self.kpis[(self.kpis["platform"] == platform) & self.kpis["kpi"].isin(self.lens_kpis(platform))
                         & ~self.kpis["kpi"].isin(metrics.PERCENT_RATES) & self.kpis["change"].notna()]
        if self._partly_covered(platform):  # totals' changes are not given (lens_table)
            rows = rows[rows["kind"] != "total"]
        values = pd.concat([rows[c] for c in ("relative_change", "relative_ci_low", "relative_ci_high")]).astype(float)
        return relative_digits(*values[values != -1])

    def _points_text(self, difference, low, high) -> str:
        """A difference of two rates in percentage points, with its 95% interval when there is one; each with
        two decimals, or the digits an interval leaving 0 out needs to show its end nearest 0 (shared_estimates)."""
        tr = self.tr
        bounded = not (pd.isna(low) or pd.isna(high))
        points, low_text, high_text = shared_estimates(tr, difference * 100, low * 100 if bounded else None,
                                                       high * 100 if bounded else None, 2)
        if not bounded:
            return tr.t("change.points", points=tr.signed(points))
        return tr.t("change.points_interval", points=tr.signed(points), low=low_text, high=high_text)

    # ----------------------------------------------------------------------------------------- summary
    def findings(self) -> list[Finding]:
        """Five to eight sentences written from the numbers shown further down, most telling first: what the
        report covers, then in rounds over the platforms, so that eight sentences cover each: how the period
        went (its change, other changes beyond chance, its best post under both lenses); where the lenses part
        (elasticity, formats); a benchmark verdict (benchmark_is_verdict: like with like, beyond chance, on
        data at most BENCHMARK_YEARS_APART years from the posts); then the rest (top-N overlap, paid against
        organic, and a benchmark comparison that is no verdict: in line, rough, without interval, or weak).
        The first eight are kept, so the last of these drop out first. Within its round, formats on which the
        lenses disagree beyond chance (finding.formats_disagree) come first: where the two lenses part is the
        report's point, and a second platform's such finding would otherwise be the first cut."""
        found: list[Finding] = []
        rounds = ((lambda p: self._finding_change(p) or self._finding_period(p), self._finding_other_changes,
                   self._finding_best_post),
                  (self._finding_elasticity, self._finding_formats),
                  (lambda p: self._finding_benchmark(p, wanted=True),),
                  (self._finding_overlap, self._finding_paid, lambda p: self._finding_benchmark(p, wanted=False)))
        for makers in rounds:
            made = [f for platform in self.platforms for f in (make(platform) for make in makers) if f]
            found += sorted(made, key=lambda f: f.key != "finding.formats_disagree")  # stable otherwise
        quiet = [self._finding_quiet(p) for p in self.quiet_platforms()]  # no post there, the exports cover it
        quiet += [self._finding_uncovered(p, runs) for p, runs in self.uncovered_platforms().items()]
        lead = [self._finding_coverage()] if self.has_posts else []
        return (lead + quiet + found)[:8]

    @staticmethod
    def benchmark_is_verdict(finding: Finding) -> bool:
        """Whether a benchmark finding is a verdict the summary ranks above the top-N overlap and paid lifts:
        the client's figure above or below a like-for-like published one beyond chance, on data at most
        BENCHMARK_YEARS_APART years from the posts. An interval holding the figure, a rough comparison, or
        data years apart say less than those sentences, and come after them."""
        values = finding.values
        return (values["verdict"] in ("above", "below") and not values["rough"]
                and not values["years_apart"] > BENCHMARK_YEARS_APART and not values["uneven_reach"])

    def _finding_coverage(self) -> Finding:
        """"This report covers 165 posts: Facebook (87), Instagram (78).", then for each platform whose exports
        cover only part of the period, the days they cover and how many of the period's they are: a reader
        takes every figure below for the whole period otherwise."""
        tr = self.tr
        counts = self.posts["platform"].value_counts().sort_index()
        channels = tr.join(f"{tr.platform(p)} ({tr.number(n)})" for p, n in counts.items())
        partial = {p: runs for p, runs in self.partly_covered_period().items() if p in counts}
        text = " ".join([tr.t("finding.coverage", posts=tr.number(len(self.posts)), channels=channels)]
                        + [self._coverage_partial(p, runs) for p, runs in partial.items()])
        return Finding("finding.coverage", text, {"posts": len(self.posts), "partial": {
            p: covered_days_count(runs) for p, runs in partial.items()}})

    def _coverage_partial(self, platform: str, runs: list[tuple]) -> str:
        """The summary's sentence on a platform whose exports cover only part of the period: the days they
        cover, and where some or all of them name no period (spans_from_posts_of), that those days are their
        posts' and the other days may have had no posts; where only some do, which ones (by file name), since
        the others name the days they cover."""
        tr = self.tr
        values = {"platform": tr.platform(platform), "spans": self._spans_text(runs),
                  "days": tr.number(covered_days_count(runs)), "period_days": tr.number(self.period_days)}
        # a daily series of the platform counts days of its own (daily_reach_sentences, follower_sentences): the
        # sentence says which figures count the post exports' days, and how many days the series counts
        series_days = self.daily_days(platform)
        series = (" " + tr.t("finding.coverage_series_days", platform=values["platform"],
                             days=tr.number(series_days), period_days=values["period_days"])) if series_days else ""
        which = self.spans_from_posts_of(platform)
        if which is None:
            return tr.t("finding.coverage_partial_series" if series_days else "finding.coverage_partial",
                        **values) + series
        if which == "all":
            return tr.t("finding.coverage_partial_posts", **values) + series
        unnamed = self.exports_naming_no_period(platform)
        files = [f for f in self._export_periods_by_file(platform) if f]
        labels = dict(zip(files, file_labels(files)))  # names, set apart by their folders where two share one
        names = render_value(tr, [labels[f] for f in unnamed[:3]]) + (
            tr.t("coverage.and_more", count=tr.number(len(unnamed) - 3)) if len(unnamed) > 3 else "")
        return tr.t("finding.coverage_partial_posts_one" if len(unnamed) == 1 else "finding.coverage_partial_posts_some",
                    files=names, count=tr.number(len(unnamed)), **values) + series

    def rankings_compared(self, platform: str) -> bool:
        """Whether the platform's two rankings could be compared (rank agreement computed): not when too few
        posts report both measures, nor when one measure is the same for every post (all tied)."""
        return platform in self.agreement.index and pd.notna(self.agreement.loc[platform, "rho"])

    def _finding_best_post(self, platform: str) -> Finding | None:
        """Where the platform's post with the most reach (or views) ranks by interactions; with what its
        video views count where they are far above its engaged views (_best_post_replays)."""
        mine = self.ranks[self.ranks["platform"] == platform]
        if len(mine) < 2 or not self.rankings_compared(platform):
            return None
        top = mine.sort_values("top order").iloc[0]
        replays = self._best_post_replays(platform, top.name)
        if top["interactions"] == 0:  # "8th of 48" would hide that it ties with every post that drew none
            none = int(mine["interactions"].eq(0).sum())
            return Finding("finding.best_post_none", self.tr.t(
                "finding.best_post_none", platform=self.tr.platform(platform), by=self.ranked_by(platform),
                none=self.tr.number(none), posts=self.tr.number(len(mine))) + replays,
                {"rank": None, "posts": len(mine), "platform": platform, "replays": bool(replays)})
        rank, last = int(top["rank by interactions"]), int(top["last rank by interactions"])
        # "only 4th of 95" would belittle a post in the top tenth: "only" is kept for a rank below it; "also
        # first" only for a post first alone, one tied with others is "1st–2nd (tied)"
        key = ("finding.best_post_also_top" if rank == last == 1
               else "finding.best_post_near_top" if rank <= max(3, len(mine) // 10) else "finding.best_post")
        place = self.tr.ordinal(rank) if last == rank else self.tr.t(
            "common.tied", ranks=self.tr.ordinal_range(rank, last))
        return Finding(key, self.tr.t(key, platform=self.tr.platform(platform), rank=place,
                                      posts=self.tr.number(len(mine)), by=self.ranked_by(platform)) + replays,
                       {"rank": rank, "posts": len(mine), "platform": platform, "replays": bool(replays)})

    def _best_post_replays(self, platform: str, i) -> str:
        """The sentence added to the best-post finding when that post's video views are far above its engaged
        views (_replayed: replays of a Short, counted as views since 31 March 2025, put it on top); "" else."""
        if not self._replayed(platform, [i]):
            return ""
        return " " + self.tr.t("replays.best_post", **self._view_counts(i))

    def _finding_overlap(self, platform: str) -> Finding | None:
        overlap = self.overlaps[platform]
        # no finding when every post compared is in both tops (8 posts, top 10): the overlap says nothing
        if overlap["n"] < 2 or not self.top_n_telling(platform) or not self.rankings_compared(platform):
            return None
        tr = self.tr
        full = overlap["size_a"] == overlap["size_b"] == overlap["n"]  # else ties across the n-th place shorten a list
        one = overlap["overlap"] == 1  # "1 of the 10 posts … is"
        key = (("finding.overlap_one" if one else "finding.overlap") if full
               else "finding.overlap_ties_one" if one else "finding.overlap_ties")
        return Finding("finding.overlap", tr.t(
            key, platform=tr.platform(platform), overlap=tr.number(overlap["overlap"]), n=tr.number(overlap["n"]),
            size_a=tr.number(overlap["size_a"]), size_b=tr.number(overlap["size_b"]), by=self.ranked_by(platform),
            chance=self._chance_text(overlap["chance"]), posts=tr.number(overlap["posts_compared"]),
            verdict=self._overlap_verdict(overlap)),
            {"overlap": overlap["overlap"], "n": overlap["n"], "chance": overlap["chance"],
             "p_value": overlap["p_value"], "beyond_chance": self._overlap_beyond_chance(overlap)})

    def _overlap_beyond_chance(self, overlap: dict) -> bool | None:
        """Whether a top-N overlap is larger than unrelated rankings would give beyond chance: its one-sided
        hypergeometric p (compare.top_n_overlap) below SIGNIFICANCE; None with no p or no post in common (an
        overlap of 0 is never more than chance gives, and 'as many or more' would hold every time)."""
        if overlap["overlap"] < 1:
            return None
        return p_beyond(overlap["p_value"])

    def _overlap_verdict(self, overlap: dict) -> str:
        """After what unrelated rankings would share: how often they would share as many posts or more (p) and
        whether the overlap is beyond chance, so that 4 against about 3.4 is not read as agreement; empty
        where no verdict is given (_overlap_beyond_chance)."""
        beyond = self._overlap_beyond_chance(overlap)
        if beyond is None:
            return ""
        return self.tr.t("finding.overlap_beyond_chance" if beyond else "finding.overlap_within_chance",
                         overlap=self.tr.number(overlap["overlap"]), p=self._p_phrase(overlap["p_value"]))

    def _top_n_holds_all(self, platform: str) -> bool:
        """Whether both tops hold every post compared (8 posts and a top 10), where a sentence on a top N
        holding most of them would be untrue. A top N of every post is not enough: a post with 0
        interactions is in no top by interactions (compare.top_n_overlap), so of 6 posts, one with none, the
        top by interactions holds 5 and that post is on top by reach only."""
        overlap = self.overlaps[platform]
        return min(overlap["size_a"], overlap["size_b"]) >= overlap["posts_compared"]

    def _top_n_size_word(self, platform: str) -> str:
        """The ending of the text saying a top N is too large to tell anything: '_all' where both tops hold
        every post compared; '_every' where N takes in every post but a post with none of one lens's measure
        is left out of that top (a top 6 of 6 posts does not hold "most of them"); '' for a top of most."""
        overlap = self.overlaps[platform]
        if self._top_n_holds_all(platform):
            return "_all"
        return "_every" if overlap["n"] >= overlap["posts_compared"] else ""

    def top_n_telling(self, platform: str) -> bool:
        """Whether the platform's top N says something: N at most half the posts compared (a top 10 of 12
        posts holds most of them, and any two rankings share most of it)."""
        overlap = self.overlaps[platform]
        return 1 <= overlap["n"] and 2 * overlap["n"] <= overlap["posts_compared"]

    @_answer_kept
    def ranked_by(self, platform: str) -> str:
        """The broadcast count the platform's posts are ranked by, as a word: reach, or impressions or views
        (what its exports count) when they report no reach."""
        return broadcast_word(self.tr, self.measures.get(platform, "reach"), self._impression_kinds(platform))

    def rate_word(self, platform: str) -> str:
        """The engagement rate the platform's posts are compared by, as its lens table labels it (rate_label):
        interactions ÷ its broadcast count (engagement rate by reach; by impressions, or by impressions
        (views), where the exports report no reach; by video views)."""
        measure = self.measures.get(platform, "reach")
        return rate_label(self.tr, compare.RATE_OF_MEASURE[measure], self._impression_kinds(platform))

    def words(self, platform: str | None = None, among=None) -> dict:
        """{by} and {rate} for a sentence about one platform, or about several (`among`, default every
        platform): 'reach', or their broadcast counts side by side ('reach / impressions') when they differ."""
        if platform is not None:
            return {"by": self.ranked_by(platform), "rate": self.rate_word(platform)}
        among = self.platforms if among is None else sorted(set(among))
        by = " / ".join(dict.fromkeys(self.ranked_by(p) for p in among)) or self.tr.t("lens.word_reach")
        rate = " / ".join(dict.fromkeys(self.rate_word(p) for p in among)) or self.tr.metric("engagement_rate_by_reach")
        return {"by": by, "rate": rate}

    def labels(self, platform: str) -> dict:
        """The platform's words (see words) and its figures' axis labels: 'x' for its broadcast count per
        post, 'y' for its engagement rate in percent."""
        words = self.words(platform)
        x = (self.tr.t("figure.axis_reach") if self.measures.get(platform, "reach") == "reach"
             else self.tr.t("figure.axis_counted", by=words["by"]))
        return {**words, "x": x, "y": self.tr.t("figure.axis_rate", rate=words["rate"])}

    def _finding_elasticity(self, platform: str) -> Finding | None:
        if platform in self.elasticity_accounts:  # several accounts: a pooled slope would be neither's
            return self._finding_elasticity_accounts(platform)
        return self._finding_elasticity_of(platform, self.elasticity[platform])

    def _finding_elasticity_accounts(self, platform: str) -> Finding | None:
        """The elasticity of a platform whose posts come from several accounts, fitted per account
        (compare.elasticity_by_account): a shape stated only where every fitted account's interval shows it
        (shared_shape, as the scatter's title judges), naming the accounts and their slopes; else that the
        accounts differ. One account fitted: its own sentence, under its name. Accounts with too few posts
        or interactions for a fit are named as not fitted. None when no account's fit is shown."""
        tr = self.tr
        fits = self.elasticity_accounts[platform]
        fitted = {a: f for a, f in fits.items() if elasticity_shown(f)}
        if not fitted:
            return None
        unfitted = [a for a in fits if a not in fitted]
        if len(fitted) == 1:
            (account, fit), = fitted.items()
            finding = self._finding_elasticity_of(platform, fit, tr.t("finding.elasticity_account_platform",
                                                                      platform=tr.platform(platform), account=account))
            text, key = finding.text, finding.key
        else:
            shape = shared_shape(fitted.values())
            key = f"finding.elasticity_accounts_{shape}"
            text = tr.t(f"finding.elasticity_accounts_{shape}", platform=tr.platform(platform),
                        count=tr.number(len(fitted)), **self.words(platform),  # the accounts the slopes are of
                        slopes="; ".join(tr.t("finding.elasticity_account", account=a, n=tr.number(f["n"]),
                                              interval=estimate_cell(tr, f["slope"], f["ci_low"], f["ci_high"]))
                                         for a, f in fitted.items()))
        text += " " + tr.t("finding.accounts_fitted_apart")
        if unfitted:
            text += " " + tr.t("finding.accounts_unfitted", accounts=tr.join(unfitted))
        return Finding(key, text, {"slope": None, "accounts": {a: f["slope"] for a, f in fitted.items()}})

    def _finding_elasticity_of(self, platform: str, fit: dict, name: str | None = None) -> Finding | None:
        """The elasticity finding of one fit: the platform's, or one account's (`name`, as the sentence names
        it: 'X (rOpenSci)')."""
        if fit.get("unfitted") in ("few_interactions", "few_reach_values") and fit.get("left_out_zero", 0) <= fit["n"]:
            # counts too small per post to class the slope (compare.MIN_BIN_INTERACTIONS), or reach taking too
            # few values to group the posts by: said, no verdict
            return Finding(f"finding.elasticity_{fit['unfitted']}",
                           self.tr.t(f"finding.elasticity_{fit['unfitted']}", **self._few_values(platform)),
                           {"slope": None, "interactions": fit["interactions"], "n": fit["n"]})
        if not elasticity_shown(fit):  # too few posts: the agreement section says so, as for the rankings
            return None
        multiplier = 10 ** fit["slope"]
        shape = elasticity_class(fit)
        notes = (self.tr.t("finding.elasticity_left_out", count=self.tr.number(fit["left_out_zero"]),
                           **self.words(platform)) if fit.get("left_out_zero") else "")
        return Finding(f"finding.elasticity_{shape}", self.tr.t(
            f"finding.elasticity_{shape}", platform=name or self.tr.platform(platform), n=self.tr.number(fit["n"]),
            **self.words(platform),
            notes=notes, multiplier=self.tr.times(multiplier),
            multiplier_low=self.tr.times(10 ** fit["ci_low"]), multiplier_high=self.tr.times(10 ** fit["ci_high"]),
            **dict(zip(("slope", "low", "high"), shared_estimates(self.tr, fit["slope"], fit["ci_low"], fit["ci_high"])))),
            {"slope": fit["slope"], "multiplier": multiplier})

    def _few_values(self, platform: str) -> dict:
        """The placeholders of the texts for an elasticity not fitted for too few interactions per post or too
        few distinct values of the broadcast count (compare.elasticity's 'few_interactions',
        'few_reach_values'): the posts with a broadcast count, their interactions in all, and per post, the
        distinct values of the count they take and the fewest groups of posts the fit needs."""
        fit, tr = self.elasticity[platform], self.tr
        return {"platform": tr.platform(platform), "n": tr.number(fit["n"]),
                "interactions": tr.number(fit["interactions"]), "per_post": tr.number(fit["interactions"] / fit["n"], 1),
                "values": tr.number(fit.get("reach_values", 0)), "groups": tr.number(compare.MIN_ELASTICITY_BINS),
                **self.words(platform)}

    def elasticity_cell(self, platform: str) -> str:
        """The agreement table's elasticity: its slope and 95% interval where shown; else why not, in the words
        the rank agreement uses for too few posts (compare.MIN_CORRELATION_INTERVAL), or that the posts drew
        too few interactions, or take too few values of the broadcast count, to group; 'n/a' otherwise. A platform whose posts come from several accounts: each
        account's slope and interval, by name ('n/a' for one with too few posts)."""
        fit, tr = self.elasticity[platform], self.tr
        if platform in self.elasticity_accounts:  # each account's, never a slope across them
            return "; ".join(tr.t("agreement.elasticity_account", account=a, value=self._corr(
                f["slope"], f["ci_low"], f["ci_high"]) if elasticity_shown(f) else tr.t("common.na"))
                             for a, f in self.elasticity_accounts[platform].items())
        if elasticity_shown(fit):
            return self._corr(fit["slope"], fit["ci_low"], fit["ci_high"])
        if fit.get("unfitted") == "too_few":
            return tr.t("agreement.elasticity_few", n=tr.number(fit["n"]), minimum=tr.number(fit["minimum"]))
        if fit.get("unfitted") in ("few_interactions", "few_reach_values"):
            return tr.t(f"agreement.elasticity_{fit['unfitted']}", **self._few_values(platform))
        return tr.t("common.na")

    def _finding_formats(self, platform: str) -> Finding | None:
        """Which format leads under each lens: a format is named as ahead only when it beats every other
        tested format beyond chance (compare.clear_leader); otherwise the sentence says no format is clearly
        ahead, quoting the highest median all the same."""
        reach_test, rate_test = self.formats[platform]["reach"], self.formats[platform]["rate"]
        reach = reach_test["medians"][reach_test["medians"]["tested"]]
        rate = rate_test["medians"][rate_test["medians"]["tested"]]
        if len(reach) < 2 or len(rate) < 2:
            return None
        best_reach, best_rate = reach.iloc[0], rate.iloc[0]
        reach_leader, rate_leader = compare.clear_leader(reach_test), compare.clear_leader(rate_test)
        values = {"reach_format": best_reach["format"], "reach_median": best_reach["median"],
                  "rate_format": best_rate["format"], "rate_median": best_rate["median"],
                  "reach_leader": reach_leader, "rate_leader": rate_leader}
        if best_rate["median"] == 0:  # most posts of every format drew nothing: no rate tells formats apart
            key = "finding.formats_rate_zero_reach_leader" if reach_leader else "finding.formats_rate_zero"
        elif reach_leader and rate_leader:
            key = "finding.formats_agree" if reach_leader == rate_leader else "finding.formats_disagree"
        else:
            key = ("finding.formats_reach_only" if reach_leader else "finding.formats_rate_only" if rate_leader
                   else "finding.formats_unclear")
        text = self.tr.t(
            key, platform=self.tr.platform(platform), reach_format=self.tr.format_name(best_reach["format"]),
            reach_value=self._interval_text(best_reach, self.tr.number),
            rate_format=self.tr.format_name(best_rate["format"]),
            rate_value=self._interval_text(best_rate, self.tr.percent_significant), **self.words(platform))
        if pd.notna(best_reach["ci_low"]) or (pd.notna(best_rate["ci_low"]) and best_rate["median"] != 0):
            text += " " + self.tr.t("finding.formats_brackets")
        return Finding(key, text, values)

    @_answer_kept  # the summary's count of tests and its findings ask it, each per platform
    def _finding_change(self, platform: str) -> Finding | None:
        measure = self.measures.get(platform, "reach")  # reach, or what the exports count instead
        total, rate_kpi = TOTAL_OF_MEASURE[measure], compare.RATE_OF_MEASURE[measure]
        reach_change = self.kpi(platform, total, "relative_change")
        rate_now = self.kpi(platform, rate_kpi)
        rate_before = self.kpi(platform, rate_kpi, "value_previous")
        if pd.isna(reach_change) or pd.isna(rate_now) or pd.isna(rate_before):
            return None
        key = ("finding.change_same" if reach_change == 0 else "finding.change_up" if reach_change > 0
               else "finding.change_down")
        # the change of the totals' rate and the median post's rate's change, each with its interval: they
        # may disagree (a few large posts move the first)
        row = self.kpis[(self.kpis["platform"] == platform) & (self.kpis["kpi"] == rate_kpi)].iloc[0]
        median = self.rate_changes[(self.rate_changes["platform"] == platform)
                                   & (self.rate_changes["kpi"] == rate_kpi)]
        alike = self._rates_alike(platform, rate_kpi)
        rate_reason = (self.tr.t("finding.no_spread") if alike and pd.isna(self._change_interval(rate_kpi, row)[0])
                       else "")
        judged = self._judges_changes(platform)  # else no verdict: the sentence says why (change_rate_only_one_day)
        if len(median) and self._no_interactions_either(median.iloc[0]):
            median_change = self.tr.t("finding.median_unchanged")
        elif len(median):
            reason = (self.tr.t("finding.no_spread_again" if rate_reason else "finding.no_spread")
                      if alike and pd.isna(median.iloc[0]["ci_low"]) else "")
            verdict = self._chance_verdict(median.iloc[0]["ci_low"], median.iloc[0]["ci_high"]) if judged else ""
            median_change = self.tr.t("finding.median_changed", change=self._median_change_text(median.iloc[0])
                                      + verdict + reason)
        else:
            median_change = self.tr.t("finding.median_changed", change=self.tr.t("common.na"))
        if self._partly_covered(platform):  # a total over part of a period says little: the rate alone
            key = ("finding.change_rate_only_one_day" if self._previous_one_day(platform) is not None
                   else "finding.change_rate_only")
        beyond = self._beyond_chance(rate_kpi, row) if judged else None
        text = self.tr.t(
            key, platform=self.tr.platform(platform),
            reach_change=self.tr.estimate(abs(reach_change), self.relative_digits(platform),  # as its table row:
                                          percent=True),  # a tiny rise reads 0.04%, not "rose 0.0%"
            rate_before=self.tr.percent(rate_before, 2), rate_now=self.tr.percent(rate_now, 2),
            rate_change=self._fmt_change(rate_kpi, row)
            + (self._chance_verdict(*self._change_interval(rate_kpi, row)) if judged else "") + rate_reason,
            median_change=median_change, partial=self._partial_phrase(platform),
            posts=self._posts_beside(platform, total),
            total=self.tr.t("lens.word_summed_reach") if measure == "reach" else self.ranked_by(platform),
            compared=self.compared(), **self.words(platform))
        rates_only = key.startswith("finding.change_rate_only")  # quotes no totals: the caveat names the rates
        if beyond:
            text += self._uneven_change_caveat(platform, rate_kpi)
        text += self._near_download_caveat(platform, rates_only)
        if self.mixes_paid(platform):  # a campaign starting or ending moves these figures: the organic ones beside
            text += " " + self.tr.t("finding.change_paid", **self._paid_counts(platform),
                                    organic=self._organic_change_text(platform, totals=not rates_only))
        return Finding(key, text,
                       {"reach_change": reach_change, "rate_before": rate_before, "rate_now": rate_now,
                        "beyond_chance": beyond, "platform": platform})

    def paid_split(self, platform: str, previous: bool = False) -> tuple[int, int, int]:
        """(paid, organic, unknown): the platform's posts of the period, or of the comparison period
        (`previous`), by metrics.paid_flag; a post whose exports do not say whether it was paid is unknown,
        never organic."""
        posts = self.previous if previous else self.posts
        flag = metrics.paid_flag(posts[posts["platform"] == platform])
        paid, organic = int(flag.eq(True).sum()), int(flag.eq(False).sum())
        return paid, organic, len(flag) - paid - organic

    def mixes_paid(self, platform: str) -> bool:
        """Whether the platform's change between the periods mixes boosted delivery with organic: both periods
        hold its posts (a change is made) and either holds a paid one (metrics.paid_mixed_platforms)."""
        mine = [posts[posts["platform"] == platform] for posts in (self.posts, self.previous)]
        return all(len(posts) for posts in mine) and platform in metrics.paid_mixed_platforms(*mine)

    def _paid_counts(self, platform: str, dated: bool = False) -> dict:
        """{now} and {before}, each period's paid posts on the platform ('7', or '0 paid, 52 of unknown status'
        where the exports leave some posts' paid status unknown: a bare 0 would read as no paid post), and
        {compared}, for the period-change finding, Data coverage and the paid sentence alike."""
        values = {"compared": self.compared(dated=dated)}
        for name, previous in (("now", False), ("before", True)):
            paid, _, unknown = self.paid_split(platform, previous)
            values[name] = (self.tr.t("paid.count_unknown", paid=self.tr.number(paid), unknown=self.tr.number(unknown))
                            if unknown else self.tr.number(paid))
        return values

    def _organic_rows(self, platform: str) -> pd.DataFrame | None:
        """The platform's rows of organic_kpis by KPI, or None where its organic posts are too few to compare
        (fewer than MIN_CHANGE_POSTS in a period, or no row of its rate)."""
        rate_kpi = compare.RATE_OF_MEASURE[self.measures.get(platform, "reach")]
        now, before = self.paid_split(platform)[1], self.paid_split(platform, previous=True)[1]
        rows = (self.organic_kpis[self.organic_kpis["platform"] == platform].set_index("kpi")
                if len(self.organic_kpis) else pd.DataFrame())
        return None if min(now, before) < MIN_CHANGE_POSTS or rate_kpi not in rows.index else rows

    def _organic_quoted(self, platform: str, totals: bool = True) -> tuple[str, ...]:
        """Which changes of the organic posts alone _organic_change_text gives a value of: 'total' (unless
        `totals` is False) and 'rate', each where its change is known; () where the organic posts are too few
        to compare. What the paid sentence may say Data coverage gives."""
        measure = self.measures.get(platform, "reach")
        if (rows := self._organic_rows(platform)) is None:
            return ()
        quoted = ("total",) if totals and pd.notna(rows.loc[TOTAL_OF_MEASURE[measure], "relative_change"]) else ()
        return quoted + (("rate",) if pd.notna(rows.loc[compare.RATE_OF_MEASURE[measure], "change"]) else ())

    def _organic_change_text(self, platform: str, totals: bool = True) -> str:
        """'Organic posts alone (7 against 11): impressions fell 18% and engagement rate by impressions went
        from 1.91% to 2.26%, a change of +0.35 pp (95% CI …), within chance.': the change of the figures the
        period-change sentence quotes (its total, unless `totals` is False, and its rate; _organic_quoted) over
        the posts known to be organic (organic_kpis, metrics.organic_change: the same period_change, with its
        intervals), and that posts of unknown paid status are left out of it."""
        tr = self.tr
        measure = self.measures.get(platform, "reach")
        total, rate_kpi = TOTAL_OF_MEASURE[measure], compare.RATE_OF_MEASURE[measure]
        (_, now, unknown_now), (_, before, unknown_before) = (self.paid_split(platform),
                                                               self.paid_split(platform, previous=True))
        values = {"now": tr.number(now), "before": tr.number(before)}
        if (rows := self._organic_rows(platform)) is None:
            text = tr.t("finding.organic_too_few", minimum=tr.number(MIN_CHANGE_POSTS), **values)
        else:
            changes = []
            if "total" in self._organic_quoted(platform, totals):
                change = rows.loc[total, "relative_change"]
                key = ("finding.organic_total_same" if change == 0 else "finding.organic_total_up" if change > 0
                       else "finding.organic_total_down")
                changes.append(tr.t(key, total=tr.t("lens.word_summed_reach") if measure == "reach"
                                    else self.ranked_by(platform),
                                    change=tr.estimate(abs(change), self.relative_digits(platform), percent=True)))
            if "rate" in self._organic_quoted(platform, totals):  # not "from 4.12% to n/a, a change of n/a"
                row = rows.loc[rate_kpi].to_dict() | {"platform": platform}
                changes.append(tr.t("finding.organic_rate", rate_before=tr.percent(row["value_previous"], 2),
                                    rate_now=tr.percent(row["value"], 2),
                                    rate_change=self._fmt_change(rate_kpi, row)
                                    + (self._chance_verdict(*self._change_interval(rate_kpi, row))
                                       if self._judges_changes(platform) else ""),
                                    **self.words(platform)))
            text = (tr.t("finding.organic", changes=tr.join(changes), **values) if changes
                    else tr.t("finding.organic_not_known", **values, **self.words(platform)))
        if unknown_now or unknown_before:  # how many: the paid counts just before name them (_paid_counts)
            text += " " + tr.t("finding.organic_unknown")
        return text

    def _rates_alike(self, platform: str, rate_kpi: str) -> bool:
        """Whether within each period every post of the platform has the same per-post `rate_kpi` (7% on
        every post, or 0%), with enough posts in both for an interval (MIN_CHANGE_POSTS): resampling them
        cannot vary, so the change has no interval (statistics.no_spread), and the sentence says why."""
        rates = [posts.loc[posts["platform"] == platform, rate_kpi].dropna().to_numpy(float)
                 for posts in (self.posts, self.previous)]
        return min(map(len, rates)) >= MIN_CHANGE_POSTS and no_spread(*rates)

    def _uneven_change(self, platform: str, rate_kpi: str) -> tuple[float, float] | None:
        """The spread of log denominator (log_sd of reach, impressions or video views) over the posts a rate
        is computed from, this period's and the previous period's, when either lies beyond CHANGE_MEASURED_SD
        or cannot be checked (uneven, as the benchmark caveat tests a mean's posts); None otherwise. A ratio of
        sums follows its largest posts, and its change's interval was measured only up to that spread."""
        denominator = metrics.RATES[rate_kpi][1]
        spreads = []
        for posts in (self.posts, self.previous):
            mine = posts[posts["platform"] == platform]
            spreads.append(log_sd(mine.loc[mine[rate_kpi].notna(), denominator]))
        return tuple(spreads) if any(uneven(sd, CHANGE_MEASURED_SD) for sd in spreads) else None

    def _uneven_change_caveat(self, platform: str, rate_kpi: str) -> str:
        """' This rate is a sum of interactions over a sum of video views, …' after a rate's change beyond
        chance whose posts' denominator spreads wider than its interval was measured at (_uneven_change);
        '' otherwise."""
        spreads = self._uneven_change(platform, rate_kpi)
        if spreads is None:
            return ""
        tr = self.tr
        return " " + tr.t("finding.change_uneven", now=tr.number(spreads[0], 2), before=tr.number(spreads[1], 2),
                          limit=tr.number(CHANGE_MEASURED_SD, 1), **self.words(platform))

    def _finding_period(self, platform: str) -> Finding | None:
        """The platform's period in one sentence where no change can be given (_finding_change: no comparison,
        too few posts, or no interactions to rate): its posts' summed broadcast count and interactions, or that
        its exports report no interactions, so the summary still says what the period held and why the
        engagement lens is silent."""
        tr = self.tr
        measure = self.measures.get(platform, "reach")
        total = self.kpi(platform, TOTAL_OF_MEASURE[measure])
        if pd.isna(total):
            return None
        interactions = self.kpi(platform, "interactions")
        posts = int(self.kpi(platform, "posts"))
        key = "finding.period" if pd.notna(interactions) else "finding.period_no_interactions"
        drew = (tr.t("finding.period_reach", total=tr.number(total)) if measure == "reach"
                else tr.t("finding.period_count", total=tr.number(total), measure=self.ranked_by(platform)))
        drawn = tr.t("finding.period_interactions", total=tr.number(interactions))
        return Finding(key, tr.t(key, platform=tr.platform(platform), posts=tr.number(posts),
                                 drew=self._over_covered(platform, TOTAL_OF_MEASURE[measure], drew),
                                 interactions=self._over_covered(platform, "interactions", drawn),
                                 compared=self.compared()),
                       {"total": total, "interactions": interactions, "platform": platform})

    def _over_covered(self, platform: str, total: str, figure: str) -> str:
        """A total as the period's sentence quotes it: '613 impressions (counted over only 3 of the 12 posts:
        the others do not report it)' when some of the period's posts leave it blank, the figure alone when
        every post reports it. A sum over the posts that report a count is no total of the period's posts:
        the others' counts are unknown, not 0."""
        covered, posts = self.kpi(platform, total, "posts_covered"), self.kpi(platform, "posts")
        if pd.isna(covered) or covered >= posts:
            return figure
        return self.tr.t("finding.period_part", figure=figure, covered=self.tr.number(covered),
                         posts=self.tr.number(posts))

    @staticmethod
    def _change_interval(name: str, row) -> tuple:
        """The ends of a KPI's change interval as its table row and sentences quote it: of the change in pp
        for a percent rate, of the relative change otherwise (see _fmt_change)."""
        if name in metrics.PERCENT_RATES:
            return row.get("ci_low"), row.get("ci_high")
        return row.get("relative_ci_low"), row.get("relative_ci_high")

    def _judges_changes(self, platform: str) -> bool:
        """Whether the platform's changes between the periods are judged against chance (', beyond chance',
        changes_beyond_chance): not when every post of its comparison period falls on one day
        (_previous_one_day, an account's launch). Their intervals resample each period's posts as a sample of
        such a period; one day's posts are none, so an interval leaving out 0 would claim a change it cannot
        show. The tables still give the changes and their intervals."""
        return self._previous_one_day(platform) is None

    def _beyond_chance(self, name: str, row) -> bool | None:
        """Whether a KPI's change is beyond chance: its 95% interval (_change_interval) leaves out 0, as
        changes_beyond_chance judges; None when it has no interval."""
        return leaves_out(*self._change_interval(name, row))

    def _chance_verdict(self, low, high, ratio: bool = False) -> str:
        """', beyond chance' after a change whose 95% interval leaves out 0, ', within chance' after one whose
        interval holds it (an interval touching 0 holds it), '' after a change without interval: a change
        quoted with its interval alone reads as a gain or a loss even where chance alone could give it.
        `ratio`: after a ratio (paid ÷ organic), whose interval leaves out or holds 1 instead (', a difference
        beyond chance'); an interval with no upper end (+inf) lies above 1 only if its lower end does."""
        beyond = leaves_out(low, high, 1 if ratio else 0)
        if beyond is None:
            return ""
        if ratio:
            return self.tr.t("finding.ratio_beyond_chance" if beyond else "finding.ratio_within_chance")
        return self.tr.t("finding.beyond_chance" if beyond else "finding.within_chance")

    def _posts_beside(self, platform: str, total: str) -> str:
        """', with 58 posts against 111' after a summed count's change when the posts it sums over differ in
        number between the periods: a summed count falls with fewer posts even where each post did as well, so
        the reader should see the number of posts beside it. Where some posts of either period leave the count
        blank, the posts it sums over are said as such (_posts_covered): ', with 43 of 45 posts reporting reach
        against 51'; 43 alone would read as the period's posts. '' when both periods' posts all report it, as
        many then as now."""
        row = self.kpis[(self.kpis["platform"] == platform) & (self.kpis["kpi"] == total)]
        if row.empty:
            return ""
        row = row.iloc[0]
        now, before = row["posts_covered"], row["posts_covered_previous"]
        if pd.isna(now) or pd.isna(before):
            return ""
        every = now == row["posts"] and before == row["posts_previous"]
        if every and now == before:
            return ""
        values = {"now": self._posts_covered(platform, total), "before": self._posts_covered(platform, total, True)}
        if every:
            return self.tr.t("finding.change_posts", **values)
        return self.tr.t("finding.change_posts_reporting", counted=self.ranked_by(platform), **values)

    def _near_download_caveat(self, platform: str, rates_only: bool = False) -> str:
        """' Of the 52 Facebook posts, 6 went out …' after the summary's first sentence quoting the platform's
        figures for the period or their changes, when some of its posts went out close to their export's
        download (near_download, as Data coverage says); '' otherwise. Totals only grow as posts collect, so
        they may be understated (a fall overstated); so may a rate per post (Σ comments ÷ posts, …): its
        posts do not grow in number. A rate of two counts, Σ numerator ÷ Σ denominator, may move either way.
        `rates_only`: the sentence quotes no totals, so the caveat speaks of rates alone."""
        fresh = self.near_download(platform)
        if fresh.empty:
            return ""
        key = "finding.near_download_rates" if rates_only else "finding.near_download"
        return " " + self.tr.t(key, **self._near_download_values(platform, fresh))

    def _near_download_values(self, platform: str, fresh: pd.DataFrame, downloaded: bool = False) -> dict:
        """The placeholders of the near-download note and caveat: how many of the period's posts, of how many,
        had under how many days, before what ({before}: the last days their exports cover, or the newest posts
        of exports that name no period, sources.near_download_before; `downloaded`: the note's longer wording),
        and what the platform counts ({by}: reach, or views where the exports report no reach)."""
        tr = self.tr
        return {"platform": tr.platform(platform), "by": self.ranked_by(platform), "count": tr.number(len(fresh)),
                "posts": tr.number(int((self.posts["platform"] == platform).sum())), "days": tr.number(SETTLING_DAYS),
                "before": tr.message(near_download_before(fresh, tr.date, downloaded=downloaded))}

    def changes_beyond_chance(self, platform: str) -> pd.DataFrame:
        """The platform's changes in its lens tables whose 95% interval, as the table shows it, leaves out 0
        (_changes_judged: a figure's change, or the median post's change beside a rate, `median`). The changes
        the period-change sentence quotes are left out when that sentence is given. Largest first, by the least
        relative change the interval allows ('sure'). That puts pp and per-post figures on one scale, and ranks
        a change by how large it surely is: a large change known only roughly (few posts) and a small one known
        precisely (many posts) both rank low, where ranking by the change alone would favour the first and by
        change ÷ interval width the second."""
        judged = self._changes_judged(platform)
        return judged[self._leaves_out_zero(judged)].sort_values(
            ["sure", "order"], ascending=[False, True], kind="stable").drop(columns="order")

    @staticmethod
    def _leaves_out_zero(judged: pd.DataFrame) -> pd.Series:
        """Which of _changes_judged's changes are beyond chance: leaves_out, the verdict of every interval the
        report judges, row by row (False where a change has no interval)."""
        return pd.Series([bool(leaves_out(low, high)) for low, high in zip(judged["low"], judged["high"])],
                         index=judged.index, dtype=bool)

    @_answer_kept  # asked by the summary's count of tests, its findings and the change counts alike
    def _changes_judged(self, platform: str, quoted: bool = False) -> pd.DataFrame:
        """Every change the platform's lens tables show with an interval, in the tables' order: each figure's
        in the change column (its kpis row; totals have none) and, beside a rate, its median post's (its
        rate_changes row, `median` True; none where the median post drew nothing, then and now). `low`, `high`:
        the interval as the table shows it (pp for a percent rate, relative otherwise); `sure`: the least
        relative change it allows (the relative interval's end nearer 0, as a size; a median post's pp interval
        over its median before; 0 where there is none, a rate from 0). `quoted`: with the changes the
        period-change sentence quotes (its rate's and its median post's, `quoted` True), left out otherwise:
        that sentence judges them. None where changes are not judged against chance (_judges_changes)."""
        names = self.lens_kpis(platform)
        shown = self.kpis[(self.kpis["platform"] == platform) & self.kpis["kpi"].isin(names)]
        rows = shown[(shown["kind"] != "total") & shown["change"].notna()]
        percent = rows["kpi"].isin(metrics.PERCENT_RATES)
        changes = rows.assign(median=False, low=rows["ci_low"].where(percent, rows["relative_ci_low"]).astype(float),
                              high=rows["ci_high"].where(percent, rows["relative_ci_high"]).astype(float),
                              relative_low=rows["relative_ci_low"].astype(float),
                              relative_high=rows["relative_ci_high"].astype(float))
        medians = self.rate_changes[(self.rate_changes["platform"] == platform)
                                    & self.rate_changes["kpi"].isin(shown["kpi"])] if len(self.rate_changes) else []
        if len(medians):
            medians = medians[[not self._no_interactions_either(row) for _, row in medians.iterrows()]]
            before = medians["median_b"].astype(float).where(lambda median: median > 0)
            medians = medians.assign(median=True, low=medians["ci_low"].astype(float),
                                     high=medians["ci_high"].astype(float), relative_low=medians["ci_low"] / before,
                                     relative_high=medians["ci_high"] / before)
            changes = pd.concat([changes, medians], ignore_index=True)
        judged = changes[changes["low"].notna() & changes["high"].notna()]
        sure = np.where(judged["relative_low"] > 0, judged["relative_low"],
                        np.where(judged["relative_high"] < 0, -judged["relative_high"], 0.0))
        rate = (compare.RATE_OF_MEASURE[self.measures.get(platform, "reach")] if self._finding_change(platform)
                else None)
        order = {name: i for i, name in enumerate(names)}  # a median post's change beside its rate's
        judged = judged.assign(sure=sure, quoted=judged["kpi"] == rate,
                               order=judged["kpi"].map(order) * 2 + judged["median"].astype(int))
        if not self._judges_changes(platform):  # none is judged against chance, the quoted ones included
            judged = judged.iloc[:0]
        return (judged if quoted else judged[~judged["quoted"]]).sort_values("order", kind="stable")

    def changes_tested(self, platform: str) -> int:
        """How many changes the platform's tables show with an interval (_changes_judged: in the change column
        and the median post's beside a rate), those the period-change sentence quotes included, so that the
        count is the one a reader makes in the tables: each leaves out 0 by chance alone 5% of the time when
        nothing changed, so about 0.05 × this many would be called changed anyway (whatever their correlation:
        an expected count adds up)."""
        return len(self._changes_judged(platform, quoted=True))

    def _quoted_beyond_chance(self, platform: str) -> tuple[bool, bool]:
        """Whether the change of the rate the period-change sentence quotes, and its median post's change, are
        beyond chance, as the tables judge them (_changes_judged); neither without that sentence."""
        judged = self._changes_judged(platform, quoted=True)
        beyond = judged[judged["quoted"] & self._leaves_out_zero(judged)]
        return bool((~beyond["median"]).any()), bool(beyond["median"].any())

    def _finding_other_changes(self, platform: str) -> Finding | None:
        """Beside the period-change sentence, the platform's other changes beyond chance in its tables: how
        many, and the largest OTHER_CHANGES_SHOWN of them (changes_beyond_chance) with their intervals, as
        the lens tables show them, and how many of the tables' changes have an interval, with the number chance
        alone would call changed (changes_tested × 5%): several figures judged at once, one can pass by chance.
        They are called 'other' only when a change the period-change sentence quotes (its rate's, its median
        post's, or both) is beyond chance; the count of changes beyond chance out of those with an interval then
        takes those in ({beyond}, {included} naming them), as the tables show them. None when no other change is
        beyond chance."""
        changes = self.changes_beyond_chance(platform)
        if changes.empty:
            return None
        tr = self.tr
        shown = changes.head(OTHER_CHANGES_SHOWN)
        medians = [row["kpi"] for _, row in shown.iterrows() if bool(row.get("median", False))]
        items = [tr.t("finding.other_change_median", metric=self._label(platform, row["kpi"]),
                      change=self._median_change_text(row)) if bool(row.get("median", False))
                 else tr.t("finding.other_change", metric=self._label(platform, row["kpi"]),
                           change=self._fmt_change(row["kpi"], row)) for _, row in shown.iterrows()]
        # "other" only beside a period-change sentence quoting a change beyond chance: one within chance (or
        # without interval) is no change beyond chance the figures here would come in addition to
        headline = self._finding_change(platform)
        rate, median = self._quoted_beyond_chance(platform) if headline else (False, False)
        if rate or median:
            key = ("finding.other_changes_one" if len(changes) == 1 else "finding.other_changes_two"
                   if len(changes) == 2 else "finding.other_changes_more")
        else:
            key = ("finding.changes_one" if len(changes) == 1 else "finding.changes_two"
                   if len(changes) == 2 else "finding.changes_more")
        included = tr.t("finding.other_changes_both" if rate and median else "finding.other_changes_median"
                        if median else "finding.other_changes_rate")
        tested = self.changes_tested(platform)
        # the caveat of a period close to the download goes with the period-change sentence, or here without one
        caveat = "" if headline else self._near_download_caveat(platform)
        return Finding(key, tr.t(key, platform=tr.platform(platform), count=tr.number(len(changes)), first=items[0],
                                 second=items[-1], tested=tr.number(tested), included=included,
                                 beyond=tr.number(len(changes) + rate + median),  # the quoted ones among them
                                 compared=self.compared(dated=headline is None),  # the sentence before dated it
                                 chance=tr.number(tested * SIGNIFICANCE, 2)) + caveat,
                       {"kpis": list(shown["kpi"]), "medians": medians, "changes": len(changes),
                        "platform": platform})

    def _finding_paid(self, platform: str) -> Finding | None:
        """The platform's reach and engagement-rate lifts of paid posts over organic ones, each with its 95%
        interval and a chance verdict (_chance_verdict, against a ratio of 1): a lift quoted with its interval
        alone reads as paid posts doing better or worse even where chance alone could give it."""
        row = self.paid[self.paid["platform"] == platform]
        if row.empty or pd.isna(row["reach lift"].iloc[0]) or pd.isna(row["engagement-rate lift"].iloc[0]):
            return None
        reach_lift, rate_lift = row["reach lift"].iloc[0], row["engagement-rate lift"].iloc[0]
        values = {}
        for name, column in (("reach", "reach lift"), ("rate", "engagement-rate lift")):
            low, high = row[f"{column} low"].iloc[0], row[f"{column} high"].iloc[0]
            # as the paid table writes them (_corr), so that the sentence quotes the table's figures
            values[f"{name}_lift"] = self._corr(row[column].iloc[0], low, high)
            values[f"{name}_verdict"] = self._chance_verdict(low, high, ratio=True)
        key = "finding.paid" if self.measures.get(platform, "reach") == "reach" else "finding.paid_counted"
        return Finding(key, self.tr.t(key, platform=self.tr.platform(platform), **values, **self.words(platform)),
                       {"reach_lift": reach_lift, "rate_lift": rate_lift})

    def _finding_benchmark(self, platform: str, wanted: bool | None = None) -> Finding | None:
        """The platform's figure beside a published one: a like-for-like row first (the source's components),
        then the most recent data. The client's figure carries its interval and its posts' years, the
        source's its data year, and a verdict from the interval (benchmark_verdict); a figure with no
        interval gets none, and says why. Posts and data more than BENCHMARK_YEARS_APART years apart are
        said to make the comparison weak; a source that counts engagement its own way is said to, with the
        platform's own engagements beside (clicks included) where the exports carry them. `wanted` True or
        False: only a finding that is (or is not) a verdict (benchmark_is_verdict), for the summary's order."""
        tr = self.tr
        rows = self.benchmarks[(self.benchmarks["platform"] == platform) & self.benchmarks["client"].notna()
                               & self.benchmarks["benchmark"].notna()]  # a figure to stand against
        if rows.empty:
            return None
        row = rows.sort_values(["same_components", "data year"], ascending=False, kind="stable").iloc[0]
        first, last = self.period_start.year, self.period_end.year
        values = {"platform": tr.platform(platform), "statistic": tr.t(f"stat.{row['statistic']}"),
                  "denominator": tr.t(f"denominator.{row['denominator']}"),
                  # each with the digits that keep it apart from the published figure (rate_percent's reference)
                  **{name: tr.rate_percent(row[column], row["benchmark"])
                     for name, column in (("client", "client"), ("low", "client low"), ("high", "client high"))},
                  "years": str(first) if first == last else f"{first}–{last}", "data_year": str(row["data year"]),
                  "benchmark": tr.rate_percent(row["benchmark"]), "source": row["source"], "edition": row["edition"]}
        verdict, outcome = benchmark_verdict(row), self.benchmark_outcome(row)
        if outcome in ("no_interval", "no_spread"):  # too few posts, or every post's rate the same
            # too few posts: the count leads, and the figure is not set against the published one as a finding
            one = "_one" if outcome == "no_interval" and row["posts"] == 1 else ""
            text = tr.t(f"finding.benchmark_{outcome}{one}", **values, posts=tr.number(row["posts"]),
                        minimum=tr.number(MIN_INTERVAL_VALUES))
        elif outcome == "rough":  # counted otherwise than the source: where the interval lies, not what it means
            text = tr.t("finding.benchmark", verdict=tr.t(f"finding.benchmark_side_{verdict}"), **values)
        else:
            text = tr.t("finding.benchmark", verdict=tr.t(f"finding.benchmark_{outcome}"), **values)
        apart, uneven = self._years_apart(row), outcome in ("above", "below") and self.uneven_reach(row)
        if uneven:
            sd = row["log reach sd"]
            text += " " + (tr.t("finding.benchmark_uneven_reach_unknown") if pd.isna(sd) else
                           tr.t("finding.benchmark_uneven_reach", sd=tr.number(sd, 2),
                                limit=tr.number(UNEVEN_REACH_SD, 1)))
        if apart > BENCHMARK_YEARS_APART:
            text += " " + tr.t("finding.benchmark_years_apart", apart=tr.number(apart), **values)
        if not row["same_components"]:
            text += " " + tr.t("finding.benchmark_rough", components=self._components_counted(row), **values)
            if pd.notna(row["client (platform engagements)"]):
                text += " " + self._benchmark_native(row, values)
        finding = Finding("finding.benchmark", text, {"client": row["client"], "benchmark": row["benchmark"],
                                                      "verdict": verdict, "years_apart": apart, "uneven_reach": uneven,
                                                      "rough": not row["same_components"]})
        return finding if wanted is None or self.benchmark_is_verdict(finding) == wanted else None

    def _benchmark_native(self, row, values: dict) -> str:
        """The sentence on the client's figure counted with the platform's own engagements (clicks included),
        with its 95% interval and where that lies against the published figure, as the main figure's
        (benchmark_verdict): both are the ends of what the source may have counted, and one without its
        interval cannot be set beside the other. Without an interval (too few posts) the figure alone."""
        tr = self.tr
        native = {"client low": row.get("client (platform engagements) low", np.nan),
                  "client high": row.get("client (platform engagements) high", np.nan), "benchmark": row["benchmark"]}
        side = benchmark_verdict(native)
        if side is None:
            return tr.t("finding.benchmark_native",
                        native=tr.rate_percent(row["client (platform engagements)"], row["benchmark"]), **values)
        return tr.t("finding.benchmark_native_interval",
                    native=tr.rate_percent(row["client (platform engagements)"], row["benchmark"]),
                    native_low=tr.rate_percent(native["client low"], row["benchmark"]),
                    native_high=tr.rate_percent(native["client high"], row["benchmark"]),
                    side=tr.t(f"finding.benchmark_native_{side}", **values), **values)

    def benchmark_outcome(self, row) -> str:
        """What a benchmark row (compare_with_benchmarks) comes to, for its sentence (_finding_benchmark) and
        the table's verdict column alike (a verdict may still be weaker: uneven_reach): 'none' with no client
        figure or no published one (the note says why), 'no_interval' when the client's figure has no 95%
        interval for too few posts, 'no_spread' when it has none for every post's rate being the same (enough
        posts: median_interval and mean_interval give no interval of zero width), 'rough' when the source
        counts engagement its own way (where the interval lies is said, not read as a verdict), else
        benchmark_verdict's 'above', 'below' or 'in_line'."""
        if pd.isna(row["client"]) or pd.isna(row["benchmark"]):
            return "none"
        verdict = benchmark_verdict(row)
        if verdict is None:
            return "no_spread" if row["posts"] >= MIN_INTERVAL_VALUES else "no_interval"
        return verdict if row["same_components"] else "rough"

    @staticmethod
    def uneven_reach(row) -> bool:
        """Whether an 'above' or 'below' verdict on a mean of rates per follower is weaker than its 95% says:
        such a mean follows each post's reach, and where log reach spreads beyond UNEVEN_REACH_SD (or reach
        is not reported, so this cannot be checked) its interval held the true mean only 79% to 96% of the
        time in simulation (85% to 96% at σ 1.0, 79% to 93% at σ 1.5; benchmarks/interval_coverage.py). An
        interval that holds the published figure is not weakened: a wider one would hold it too."""
        return (benchmark_verdict(row) in ("above", "below") and row["statistic"] == "mean"
                and row["denominator"] == "followers" and uneven(row["log reach sd"], UNEVEN_REACH_SD))

    def _years_apart(self, row):
        """Years between the report's posts and a benchmark row's data (0 when the data year falls within the
        period's years; NaN when the source gives none): more than BENCHMARK_YEARS_APART makes a comparison weak."""
        first, last = self.period_start.year, self.period_end.year
        if pd.isna(row["data year"]):
            return np.nan
        return max(int(row["data year"]) - last, first - int(row["data year"]), 0)

    def _benchmark_verdict_cell(self, row) -> str:
        """The benchmark table's verdict: benchmark_outcome in a few words, and 'weak' where the data lie more
        than BENCHMARK_YEARS_APART years from the posts (as the sentence says)."""
        tr = self.tr
        outcome = self.benchmark_outcome(row)
        one = "_one" if outcome == "no_interval" and row["posts"] == 1 else ""  # how few posts, named
        text = tr.t(f"bench.verdict_{outcome}{one}", posts=tr.number(row["posts"]), minimum=tr.number(MIN_INTERVAL_VALUES))
        apart = self._years_apart(row)
        if outcome != "none" and apart > BENCHMARK_YEARS_APART:
            text = tr.t("bench.verdict_years_apart", verdict=text, apart=tr.number(apart))
        if outcome in ("above", "below") and self.uneven_reach(row):
            text = tr.t("bench.verdict_uneven_reach", verdict=text)
        return text

    def _components_counted(self, row) -> str:
        """The interactions a benchmark row's client figure counts: the source's components when it names
        them, else those the platform's exports report."""
        if row["same_components"]:
            columns = [COMPONENT_COLUMNS[w.strip()] for w in str(row["components"]).split("+")]
        else:
            mine = self.posts[self.posts["platform"] == row["platform"]]
            columns = [c for c in ("reactions", "comments", "shares", "saves") if mine[c].notna().any()]
        return " + ".join(self.tr.metric(c, platform=row["platform"]) for c in dict.fromkeys(columns))

    # ----------------------------------------------------------------------------------------- coverage
    def coverage_table(self) -> pd.DataFrame:
        """Every export file read: post exports, daily series and ad-delivery reports, each with what it
        holds, its rows, what was imported, dropped and replaced by a newer export, and the days it covers.
        Imported counts are posts, days of a daily series, or rows of an ad report, as the content says."""
        tr = self.tr
        rows = []
        files = [("posts", r) for r in self.imported.reports] + list(self.side_files)
        for (kind, report), label in zip(files, file_labels([r.path for _, r in files])):
            if kind == "posts":
                content = tr.t("coverage.content_posts")
            elif kind == "daily":
                from .daily import series_impressions_kind
                word = tr.t(f"imports.quality.kinds_{series_impressions_kind(report.platform)}")
                names = [tr.metric(m, impressions=word) for m in report.metrics_present]
                shown = ", ".join(names[:3]) + (tr.t("coverage.and_more", count=tr.number(len(names) - 3))
                                                 if len(names) > 3 else "")
                content = (tr.t("coverage.content_daily", metrics=shown) if shown
                           else tr.t("coverage.content_daily_none"))  # e.g. demographics: see the import notes
            else:
                content = tr.t("coverage.content_paid")
            imported = rows_used(report, daily=kind == "daily")
            replaced = replaced_cell(report, tr, values=kind == "daily")
            first, last = report.period or (pd.NaT, pd.NaT)
            # posts dated to the month only (the UCI dataset): their day is a stand-in, so the month is shown
            posts = self.imported.posts
            monthly = kind == "posts" and bool(periods.month_dated(posts)[
                posts["source_file"] == str(report.path)].any())
            day = tr.month if monthly else tr.short_date
            rows.append({
                tr.t("coverage.file"): label,
                tr.t("coverage.platform"): (tr.platform(report.platform) if report.platform
                                            else tr.t("coverage.ads_platform") if kind == "paid"
                                            else tr.join(map(tr.platform, report.platforms))),
                tr.t("coverage.content"): content,
                tr.t("coverage.rows"): tr.number(report.rows_in_file),
                tr.t("coverage.imported"): tr.number(imported),
                tr.t("coverage.dropped"): tr.number(sum(report.dropped.values())),
                tr.t("coverage.superseded"): replaced,
                tr.t("coverage.first"): day(first) if pd.notna(first) else "",
                tr.t("coverage.last"): day(last) if pd.notna(last) else "",
            })
        return pd.DataFrame(rows)

    def metrics_table(self) -> pd.DataFrame:
        """Which metrics each channel's exports carry (✓) and which they do not (—), the metrics' column named
        (its header the table's corner). A metric no channel's exports carry has no row (a row of — alone): Data
        coverage names those once (unreported_metrics). metrics_marks says the marks in words."""
        names = [n for n in COVERAGE_METRICS if n not in self.unreported_metrics()]
        rows = {}
        tr = self.tr
        for platform, group in self.posts.groupby("platform"):  # a platform's own word beside its ✓ (reposts)
            rows[tr.platform(platform)] = [
                ("✓" if tr.metric(n, platform=platform) == tr.metric(n)
                 else tr.t("coverage.metric_named", word=tr.metric_word(n, platform=platform)))
                if group[n].notna().any() else "—" for n in names]
        return pd.DataFrame(rows, index=pd.Index([tr.metric(n) for n in names], name=tr.t("kpi.metric")))

    def metrics_marks(self) -> dict[str, str]:
        """The words a screen reader says for metrics_table's marks (display.table's `spoken`)."""
        return {"✓": self.tr.t("coverage.carried"), "—": self.tr.t("coverage.not_carried")}

    def unreported_metrics(self) -> list[str]:
        """The metrics of the metrics table (COVERAGE_METRICS) that no post of the period reports, on any
        platform; none in a period without posts (nothing was there to report them)."""
        if not self.has_posts:
            return []
        return [n for n in COVERAGE_METRICS if self.posts[n].isna().all()]

    def coverage_notes(self) -> list[str]:
        """What the data covers and what it cannot say: period, gaps, breaks, what cannot be computed."""
        tr = self.tr
        spans = dict(start=tr.date(self.period_start), end=tr.date(self.period_end),
                     previous=tr.number(len(self.previous)), previous_start=tr.date(self.comparison_start),
                     previous_end=tr.date(self.comparison_end))
        notes = [tr.t("coverage.period", posts=tr.number(len(self.posts)), **spans) if self.has_posts
                 else tr.t("coverage.period_none", **spans)]  # "No posts", not "0 posts", in a quiet period
        if self.has_posts and (uncovered := self.uncovered_platforms()):
            # the comparison period's count split: the posts of platforms no export of the period covers are
            # compared with nothing, and a total against the period's would read as a fall in posting
            gone = self.previous["platform"].isin(list(uncovered))
            reported = sorted(set(self.platforms) | set(self.quiet_platforms()))
            notes[0] = tr.t("coverage.period_uncovered", posts=tr.number(len(self.posts)), **spans,
                            compared=tr.number(int((~gone).sum())), uncovered=tr.number(int(gone.sum())),
                            platforms=tr.join(map(tr.platform, reported)),
                            others=tr.join(map(tr.platform, uncovered)))
        notes += self.left_out_notes()  # said next to the count: a platform may be missing from it
        days = self.period_days  # calendar days, as the comparison period's below
        previous_days = (self.comparison_end.date() - self.comparison_start.date()).days + 1
        # what every post-level figure is: its count up to the download; understated "against" a comparison only
        # where the comparison period holds posts
        notes.append(tr.t("coverage.lifetime" if len(self.previous) else "coverage.lifetime_alone"))
        if unreported := self.unreported_metrics():  # the rows the metrics table leaves out
            notes.append(tr.t("coverage.unreported", metrics=tr.join(map(tr.metric, unreported), alternatives=True)))
        compares = [p for p in self.platforms if self._compares_totals(p)]
        if days != previous_days and compares:
            # totals over unequal spans; said only where a lens table compares totals, naming those it compares
            notes.append(tr.t("coverage.unequal_periods", days=tr.number(days), previous_days=tr.number(previous_days),
                              totals=tr.join(self.totals_compared(compares))))
        if self.outside_period:
            notes.append(tr.t("coverage.outside", count=tr.number(self.outside_period)))
        compared = set(self.previous["platform"].unique())
        several = several_accounts(self.posts)
        for platform, group in self.posts.groupby("platform"):
            name = tr.platform(platform)
            spans = self._period_spans(platform)
            # where the comparison period holds no post, the no_previous notes below say why no change is given
            if spans is not None and not self._both_covered(spans) and platform in compared:
                covered = self._spans_text(merged_days(spans[0] + spans[1]))
                notes.append(tr.t("coverage.partial_span", platform=name, spans=covered,
                                  comparison=tr.t("coverage.span", first=tr.date(self.comparison_start),
                                                  last=tr.date(self.comparison_end)),
                                  period=tr.t("coverage.span", first=tr.date(self.period_start),
                                              last=tr.date(self.period_end))))
            if len(fresh := self.near_download(platform)):  # understated "against" a comparison only where one is made
                notes.append(tr.t("coverage.near_download" if platform in compared else "coverage.near_download_alone",
                                  **self._near_download_values(platform, fresh, True)))
            before = int((self.previous["platform"] == platform).sum())
            if platform not in compared:  # its exports start in the period, or the account did not post then
                covered = self._posted_nothing_before(platform)
                notes.append(tr.t("coverage.no_previous_posts" if covered else "coverage.no_previous", platform=name,
                                  start=tr.date(self.comparison_start), end=tr.date(self.comparison_end)))
            elif before < MIN_CHANGE_POSTS and len(group) < MIN_CHANGE_POSTS:
                notes.append(tr.t("coverage.few_both", platform=name, count=tr.number(len(group)),
                                  before=tr.number(before), minimum=tr.number(MIN_CHANGE_POSTS)))
            elif before < MIN_CHANGE_POSTS:
                notes.append(tr.t("coverage.few_previous", platform=name, count=tr.number(before),
                                  minimum=tr.number(MIN_CHANGE_POSTS)))
            elif len(group) < MIN_CHANGE_POSTS:
                notes.append(tr.t("coverage.few_current", platform=name, count=tr.number(len(group)),
                                  minimum=tr.number(MIN_CHANGE_POSTS)))
            elif (one_day := self._previous_one_day(platform)) is not None:
                notes.append(tr.t("coverage.previous_one_day", platform=name, count=tr.number(before),
                                  date=tr.date(one_day)))
            if self.mixes_paid(platform):  # the tables' changes count a campaign's delivery: the organic ones
                notes.append(tr.t("coverage.paid_mixed", platform=name, **self._paid_counts(platform),
                                  organic=self._organic_change_text(platform,
                                                                    totals=not self._partly_covered(platform))))
            kinds = set(group["impressions_kind"].dropna())
            if len(kinds) > 1:
                notes.append(tr.t("coverage.mixed_views", platform=name))
            elif kinds == {"views"}:
                notes.append(tr.t("coverage.views", platform=name))
            elif kinds == {"thumbnail_impressions"}:
                notes.append(tr.t("coverage.thumbnails", platform=name))
            notes += [note for column in ("clicks", "video_views") if (note := self._counted_note(platform, column))]
            if accounts := several.get(platform):  # a glob that took in another page, or a client with several
                notes.append(tr.t("coverage.several_accounts", platform=name, count=tr.number(len(accounts)),
                                  accounts=", ".join(map(isolated, accounts))))
            if group["reach"].isna().all():  # a daily series' reach per day is no post's reach
                notes.append(tr.t("coverage.no_reach_per_post" if self.reach_per_day(platform) else "coverage.no_reach",
                                  platform=name))
            blank = self._blank_interactions(group)
            if blank.any(axis=1).any():
                before = self._blank_interactions(self.previous[self.previous["platform"] == platform])
                parts = ", ".join(tr.metric(c, platform=platform) for c in blank.columns if blank[c].any())
                values = dict(platform=name, count=tr.number(int(blank.any(axis=1).sum())), parts=parts,
                              posts=tr.number(len(group)), before=tr.number(int(before.any(axis=1).sum())))
                notes.append(tr.t("coverage.blank_interactions_both" if before.any(axis=1).any()
                                  else "coverage.blank_interactions", **values))
            if group["followers"].isna().all():
                notes.append(tr.t("coverage.no_followers", platform=name))
            if group["spend"].isna().all():
                notes.append(tr.t("coverage.no_spend", platform=name))
            if metrics.paid_flag(group).isna().all():
                notes.append(tr.t("coverage.no_paid_flag", platform=name))
            if (group["published_precision"] == "day").any():
                notes.append(tr.t("coverage.day_precision", platform=name,
                                  count=tr.number(int((group["published_precision"] == "day").sum()))))
        notes += self.daily_series_notes()
        if currencies := self.paid_currencies_apart():
            notes.append(tr.t("coverage.paid_currency" if self.currency_set else "coverage.paid_currency_default",
                              currencies=tr.join(currencies), currency=self.currency))
        imported = [tr.t("coverage.warning", warning=tr.message(client_worded(note)).rstrip("."))  # the template
                    for note in self.imported.drops() + self.imported.warnings() + self.other_notes]  # ends it
        if imported and self.outside_period:  # a note on rows of other dates must not read as about the period's
            imported.insert(0, tr.t("coverage.warnings_whole_files", count=tr.number(self.outside_period)))
        return notes + imported

    def left_out_notes(self) -> list[str]:
        """One note per folder the exports' patterns look in that holds files they pass over (Report.left_out):
        a platform whose export lies in a subfolder, or comes as .xlsx beside `*.csv`, is otherwise missing
        without a word. The files are named from that folder on, never the folders above it (which name the
        machine's user). The client is told what may be missing, not how to read it: the render's summary tells
        the consultant which pattern would (render.summary_lines). Where the look stopped at a limit (the
        entries walked, paths.WALK_LIMIT, or the headers opened, sources.HEADERS_LOOKED_AT), it says which and
        that there may be more, and says so too where it found none."""
        from .paths import WALK_LIMIT  # read when called: a test lowers it
        from .sources import HEADERS_LOOKED_AT

        tr = self.tr
        notes = []
        for folder, files, _pattern, count, more, *_ in self.left_out:
            def named(path) -> str:  # from the folder's own name on
                return (Path(folder.name) / Path(path).relative_to(folder)).as_posix()

            names = [named(file) for file in files]
            shown = ", ".join(names[:LEFT_OUT_SHOWN]) + (  # paths, shown as they are (i18n.Code, {files})
                tr.t("coverage.and_more", count=tr.number(count - LEFT_OUT_SHOWN)) if count > LEFT_OUT_SHOWN else "")
            limit = tr.number(HEADERS_LOOKED_AT if more == "headers" else WALK_LIMIT)
            if not files:  # the look stopped before it found any
                key = "coverage.left_out_unlooked_headers" if more == "headers" else "coverage.left_out_unlooked"
                notes.append(tr.t(key, folder=folder.name, limit=limit))
                continue
            key = ("coverage.left_out_more_headers" if more == "headers" else "coverage.left_out_more" if more
                   else "coverage.left_out_one" if count == 1 else "coverage.left_out")
            notes.append(tr.t(key, count=tr.number(count), folder=folder.name, files=shown, limit=limit))
        return notes

    def totals_compared(self, platforms) -> list[str]:
        """The totals the lens tables of `platforms` give a change for, as their rows name them (one name once;
        summed reach, impressions and watch time without their brackets, as a list in brackets reads them):
        "posts, thumbnail impressions, video views and watch time" for YouTube, whose exports carry no
        interactions."""
        short = {"summed_reach": self.tr.t("lens.word_summed_reach"), "watch_time_hours": self.tr.metric("watch_time_seconds")}
        order = list(dict.fromkeys(BROADCAST_KPIS + ("video_views",) + ENGAGEMENT_KPIS + ATTENTION_KPIS))
        names = []
        for platform in platforms:
            rows = self.kpis[(self.kpis["platform"] == platform) & (self.kpis["kind"] == "total")
                             & self.kpis["change"].notna()].set_index("kpi")
            words = short | {"impressions": self._counted(platform)}  # the word, not "impressions (or views)"
            names += [(order.index(name), words.get(name) or self._label(platform, name))
                      for name in self.lens_kpis(platform) if name in rows.index]
        return list(dict.fromkeys(word for _, word in sorted(names, key=lambda item: item[0])))

    def counted(self, platform: str, column: str) -> list[str]:
        """What the platform's `column` counts where its importers say (FileReport.counted: X's clicks are every
        click, YouTube's views are not its engaged views), over the files whose posts of either period report it;
        each text once, in the order the files were read."""
        return list(self.counted_files(platform, column))

    def counted_files(self, platform: str, column: str) -> dict[str, list[str]]:
        """counted's texts, each with the exports it is said of (named by file_labels, as the import notes
        name them), in the order the files were read."""
        posts = pd.concat([self.posts, self.previous])
        files = set(posts.loc[(posts["platform"] == platform) & posts[column].notna(), "source_file"].astype(str))
        reports = self.imported.reports
        named = {}
        for r, label in zip(reports, file_labels([r.path for r in reports])):
            if column in r.counted and str(r.path) in files:
                named.setdefault(self.tr.message(r.counted[column]), []).append(label)
        return named

    def _counted_note(self, platform: str, column: str) -> str | None:
        """The coverage note on what the platform's `column` counts (counted): one definition as it is, and
        definitions that differ between its exports (Facebook's Lifetime Post Consumptions, Post Consumptions
        and Meta's Total clicks) in one note, each with the exports it holds for, not as near-identical notes."""
        tr = self.tr
        named = self.counted_files(platform, column)
        values = dict(platform=tr.platform(platform), metric=tr.metric(column, platform=platform))
        if len(named) < 2:
            return next((tr.t("coverage.counted", counted=text, **values) for text in named), None)
        counted = "; ".join(tr.t("coverage.counted_in", files=tr.join(files), counted=text)
                            for text, files in named.items())
        return tr.t("coverage.counted_by_export", counted=counted, **values)

    def paid_currencies_apart(self) -> list[str]:
        """The currencies of the paid delivery quoted (Ads Manager, within the period) other than the client's
        `currency`: an Ads Manager report states its own, and its amounts are shown in it, never converted, so
        Data coverage says so where the roster (or the notebook) named another."""
        paid = self.paid_delivery
        if paid.empty or "currency" not in paid:
            return []
        return sorted(set(paid["currency"].dropna().astype(str)) - {str(self.currency).upper()})

    def _blank_interactions(self, posts: pd.DataFrame) -> pd.DataFrame:
        """Per post and interaction component, whether the post leaves blank a count its export reports for
        other posts (metrics.blank_components, judged on each file as imported): such a post's interactions
        are not known, and every interaction figure leaves it out."""
        return metrics.blank_components(posts, self.imported.interaction_components())

    # ----------------------------------------------------------------------------------------- lenses
    @_answer_kept
    def lens_kpis(self, platform: str) -> tuple[str, ...]:
        """Every KPI the platform's lens tables show: broadcast, engagement, and attention where its exports
        report watch time (the report's tables, in their order)."""
        attention = ATTENTION_KPIS if platform in self.attention_platforms() else ()
        return tuple(dict.fromkeys(self.broadcast_kpis(platform) + self.engagement_kpis(platform) + attention))

    def broadcast_kpis(self, platform: str) -> tuple[str, ...]:
        """The broadcast lens's table rows for the platform: BROADCAST_KPIS, and video views where the
        platform's posts are compared by them (TikTok, YouTube), so that the count its sentences quote is
        in its table."""
        return BROADCAST_KPIS + (("video_views",) if self.measures.get(platform) == "video_views" else ())

    @_answer_kept
    def _impression_kinds(self, platform: str) -> set:
        """What the platform's 'impressions' count this period: impressions, views, thumbnail impressions."""
        return frozenset(self.posts.loc[self.posts["platform"] == platform, "impressions_kind"].dropna())

    def engagement_kpis(self, platform: str) -> tuple[str, ...]:
        """The engagement lens's table rows for the platform: ENGAGEMENT_KPIS, less the rates that divide by
        impressions where those count thumbnails shown (YouTube): interactions per thumbnail shown measure
        neither the video's audience nor its engagement, and the platform is judged by its views."""
        kinds = self._impression_kinds(platform)
        if kinds == {"thumbnail_impressions"}:
            return tuple(name for name in ENGAGEMENT_KPIS if name not in metrics.IMPRESSION_BASED)
        return ENGAGEMENT_KPIS

    def _label(self, platform: str, name: str) -> str:
        """A KPI's row label. Impressions take the word for what the platform's impressions count where that
        is not impressions (views, YouTube's thumbnails shown: _counted, as broadcast_word words them); the
        rates by them keep their Definitions label with that word beside it (rate_label: "engagement rate by
        impressions (views)"), so that a reader finds their definition, a row and the sentences quoting its
        figure name it alike, and no rate by Meta's views reads as one by video views."""
        kinds = self._impression_kinds(platform)
        if kinds - {"impressions"} and name == "impressions":
            return self._counted(platform)
        return rate_label(self.tr, name, kinds, platform)

    def lens_table(self, platform: str, names: tuple[str, ...]) -> pd.DataFrame:
        """KPIs of one lens for one channel: this period, the previous one, the change, and coverage. When the
        exports cover only part of the two periods, a total's change is not given (it would mostly measure
        the days left out); rates keep theirs. A KPI the exports carry in neither period has no row: a row of
        'not reported' and 'n/a' says only what Data coverage says once (lens_note tells the reader so); one
        reported in a single period keeps its row, 'not reported' on the other side."""
        tr = self.tr
        rows = []
        partly = self._partly_covered(platform)  # totals over part of the days are not compared (see findings)
        before_heading = tr.t("kpi.previous_period" if self.comparison_is_previous else "kpi.comparison_period")
        for name in names:
            row = self.kpis[(self.kpis["platform"] == platform) & (self.kpis["kpi"] == name)]
            if row.empty:
                continue
            row = row.iloc[0]
            if name != "posts" and row["posts_covered"] == 0 and pd.isna(row["value_previous"]):
                continue
            if row["posts_covered"] == 0 and name != "posts":
                value = tr.t("common.not_reported")
            else:
                value = self._fmt_kpi(name, row["value"])
            entry = {
                tr.t("kpi.metric"): self._label(platform, name),
                tr.t("kpi.this_period"): value,
                before_heading: (tr.number(0) if name == "posts" and pd.isna(row["value_previous"])
                                 and self._posted_nothing_before(platform)  # none, not unknown
                                 else self._fmt_kpi(name, row["value_previous"])),
                tr.t("kpi.change"): (tr.t("change.partial") if partly and row["kind"] == "total"
                                     and pd.notna(row["change"]) else self._few_posts(row)
                                     or self._fmt_change(name, row)),
                tr.t("kpi.posts_covered"): self._posts_covered_cell(row),
            }
            if row["kind"] == "rate":
                entry[tr.t("kpi.mean_of_posts")] = self._fmt_kpi(name, row["mean_of_post_rates"])
            rows.append(entry)
            interval = self.rate_changes[(self.rate_changes["platform"] == platform)
                                         & (self.rate_changes["kpi"] == name)] if len(self.rate_changes) else []
            if len(interval):
                entry[tr.t("kpi.median_change")] = self._median_change_text(interval.iloc[0])
        return pd.DataFrame(rows).fillna("")

    def _posts_covered_cell(self, row) -> str:
        """'11 / 45': the period's posts that report the KPI, of its posts; with the comparison period's beside
        it ('11 / 45 (before: 20 / 52)') when either period's posts report it only in part, so that a total's
        change that comes down to fewer posts reporting it (fewer videos, say) can be told."""
        tr = self.tr
        now = f"{tr.number(row['posts_covered'])} / {tr.number(row['posts'])}"
        covered, posts = row.get("posts_covered_previous"), row.get("posts_previous")
        if pd.isna(covered) or pd.isna(posts) or not posts or (
                row["posts_covered"] == row["posts"] and covered == posts):
            return now
        return tr.t("kpi.posts_covered_before", now=now, before=f"{tr.number(covered)} / {tr.number(posts)}")

    def _few_posts(self, row) -> str | None:
        """Why a KPI of both periods has no change, when a period has posts enough but too few of them report
        this KPI (period_change's min_posts): 'n/a: reported by 3 of the previous period's posts (6 needed)',
        or of this period's. None otherwise: a platform with too few posts altogether is explained in Data
        coverage."""
        if (pd.notna(row["change"]) or pd.isna(row["value"]) or pd.isna(row.get("value_previous"))
                or bool(row.get("series_break", False))):
            return None
        minimum = self.tr.number(MIN_CHANGE_POSTS)
        for covered, posts, key in ((row.get("posts_covered_previous"), row.get("posts_previous"), "change.few_previous"),
                                    (row["posts_covered"], row["posts"], "change.few_current")):
            if pd.notna(covered) and pd.notna(posts) and posts >= MIN_CHANGE_POSTS and 0 < covered < MIN_CHANGE_POSTS:
                return self.tr.t(key, count=self.tr.number(covered), minimum=minimum,
                                 compared=self.compared(dated=False))
        return None

    def lens_note(self) -> str:
        """How to read the lens tables (what a rate in them is, what its interval says, why a metric has no
        row), said once above the first of them rather than in each table's caption; nothing without posts
        (there is no lens table to read)."""
        if not self.has_posts:
            return ""
        return self.tr.t("kpi.how_to_read", limit=self.tr.number(BOOTSTRAP_LIMIT),
                         minimum=self.tr.number(MIN_INTERVAL_VALUES))

    def _median_change_text(self, row) -> str:
        if pd.isna(row["difference"]):
            return self.tr.t("common.na")
        if self._no_interactions_either(row):
            return self.tr.t("change.zero_medians")  # the median post drew nothing, then and now
        return self._points_text(row["difference"], row["ci_low"], row["ci_high"])

    @staticmethod
    def _no_interactions_either(row) -> bool:
        """Whether the median post's rate is 0 in both periods: it drew nothing, then and now."""
        return row.get("median_a") == 0 and row.get("median_b") == 0

    def lens_sentence(self, lens: str) -> str:
        """Each platform's headline figures under one lens, in a sentence that leaves out what the exports do
        not report (no reach: the broadcast lens counts impressions or views, and the rate divides by them)."""
        if not self.has_posts:
            return self.no_posts_sentence()
        if lens == "broadcast":  # its totals: a part of the period is said beside them
            return " ".join(self._broadcast_sentence(p) + self._part_of_period(p) for p in self.platforms)
        return " ".join(self._engagement_sentence(platform) for platform in self.platforms)

    def _part_of_period(self, platform: str) -> str:
        """' The Instagram exports cover only 18 March 2025 to 31 March 2025 of this period: …' after the
        broadcast lens's sentence of a platform whose exports cover the period in part ('' when they cover it
        all, or do not say): totals over two weeks of a month read as the month's otherwise."""
        runs = self.partly_covered_period().get(platform)
        if runs is None:
            return ""
        key = "lens.part_of_period_posts" if self.daily_days(platform) else "lens.part_of_period"  # its own days
        return " " + self.tr.t(key, platform=self.tr.platform(platform), spans=self._spans_text(runs))

    def _spans_text(self, spans: list[tuple]) -> str:
        """Runs of days as the report writes them: "1 March 2025 to 14 March 2025; 20 March 2025; …" (a run of
        one day is that day), or "no day" for none."""
        return "; ".join(self.tr.date(a) if a == b else self.tr.t("coverage.span", first=self.tr.date(a),
                                                                   last=self.tr.date(b)) for a, b in spans) \
            or self.tr.t("coverage.no_span")

    def _counted(self, platform: str) -> str:
        """What the platform's impressions column counts: impressions, views, or both."""
        return broadcast_word(self.tr, "impressions", self._impression_kinds(platform))

    def _broadcast_sentence(self, platform: str) -> str:
        tr = self.tr
        reach, impressions = self.kpi(platform, "summed_reach"), self.kpi(platform, "impressions")
        frequency = self.kpi(platform, "frequency")
        values = {"platform": tr.platform(platform), "posts": self._posts_covered(platform, "summed_reach"),
                  "reach": tr.number(reach), "frequency": self._fmt_kpi("frequency", frequency)}
        measure = self.measures.get(platform, "reach")  # what the platform's posts are compared by
        if pd.notna(reach) and measure == "reach":
            return tr.t("lens.broadcast_sentence" if pd.notna(frequency) else "lens.broadcast_sentence_no_frequency",
                        **values)
        views = self.kpi(platform, "video_views")
        if pd.notna(impressions) and measure != "video_views":
            key = ("lens.broadcast_sentence_few_reach" if pd.notna(reach)
                   else "lens.broadcast_sentence_no_reach_per_post" if self.reach_per_day(platform)
                   else "lens.broadcast_sentence_no_reach")
            return tr.t(key, impressions=tr.number(impressions), with_reach=self._posts_covered(platform, "summed_reach"),
                        counted=self._counted(platform), **values | {"posts": self._posts_covered(platform, "impressions")})
        if pd.notna(views):  # TikTok: plays only; YouTube: its impressions count thumbnails shown
            key = ("lens.broadcast_sentence_plays" if pd.isna(impressions)
                   else "lens.broadcast_sentence_plays_thumbnails_per_post" if self.reach_per_day(platform)
                   else "lens.broadcast_sentence_plays_thumbnails")
            return tr.t(key, views=tr.number(views), **values | {"posts": self._posts_covered(platform, "video_views")})
        return tr.t("lens.broadcast_sentence_empty", **values | {"posts": tr.number(self.kpi(platform, "posts"))})

    def _posted_nothing_before(self, platform: str) -> bool:
        """Whether the platform's exports cover the whole comparison period and hold no post of it: the account
        published nothing then (0 posts), rather than exports that do not reach back (posts unknown)."""
        if (self.previous["platform"] == platform).any():
            return False
        first, last = self.comparison_start.date(), self.comparison_end.date()
        return self._export_spans(platform, first, last) == [(first, last)]

    def _compares_totals(self, platform: str) -> bool:
        """Whether the platform's lens tables give totals a change: both periods have posts enough to compare
        (period_change) and the exports cover both periods in full (_partly_covered)."""
        posts = self.kpis[(self.kpis["platform"] == platform) & (self.kpis["kpi"] == "posts")]
        return bool(posts["change"].notna().any()) and not self._partly_covered(platform)

    @_answer_kept
    def _partly_covered(self, platform: str) -> bool:
        """Whether the platform's exports say they cover only part of the comparison period and the period, or
        its comparison period's posts all fall on one day while the period's spread over several (an account,
        or its exports, starting on that day: a month against a day)."""
        spans = self._period_spans(platform)
        return (spans is not None and not self._both_covered(spans)) or self._previous_one_day(platform) is not None

    def _partial_phrase(self, platform: str) -> str:
        """Which period the platform's exports cover only in part, and the days they do cover there: "only
        7 December 2024 to 31 December 2024 of the comparison period"; both periods named when both are."""
        tr = self.tr
        spans = self._period_spans(platform)
        if spans is None:
            return tr.t("finding.partial_both")
        bounds = ((self.comparison_start.date(), self.comparison_end.date()), (self.period_start.date(), self.period_end.date()))
        partial = [i for i in (0, 1) if spans[i] != [bounds[i]]]
        if len(partial) != 1:
            return tr.t("finding.partial_both")
        return tr.t("finding.partial_comparison" if partial[0] == 0 else "finding.partial_period",
                    spans=self._spans_text(spans[partial[0]]))

    @_answer_kept
    def _previous_one_day(self, platform: str):
        """The one calendar day every post of the platform's comparison period falls on, when its period's
        posts fall on at least 3 days; None otherwise (a comparison period of spread posts, or too few)."""
        days_before = self.previous.loc[self.previous["platform"] == platform, "published_at"].dt.date.unique()
        days_now = self.posts.loc[self.posts["platform"] == platform, "published_at"].dt.date.unique()
        before = int((self.previous["platform"] == platform).sum())
        if len(days_before) == 1 and len(days_now) >= 3 and before >= MIN_CHANGE_POSTS:
            return days_before[0]
        return None

    @_answer_kept
    def _period_spans(self, platform: str) -> tuple[list, list] | None:
        """The runs of days of the comparison period and of the period that the platform's exports cover
        (_export_spans); None when no export says. Each period is judged on its own: the days between a
        custom comparison and the period need no export."""
        spans = (self._export_spans(platform, self.comparison_start.date(), self.comparison_end.date()),
                 self._export_spans(platform, self.period_start.date(), self.period_end.date()))
        return None if spans[0] is None else spans

    def _both_covered(self, spans: tuple[list, list]) -> bool:
        """Whether the exports cover every day of both periods (spans: _period_spans)."""
        return (spans[0] == [(self.comparison_start.date(), self.comparison_end.date())]
                and spans[1] == [(self.period_start.date(), self.period_end.date())])

    def _export_spans(self, platform: str, first, last) -> list[tuple] | None:
        """The runs of days from `first` to `last` that a platform's post exports cover
        (_export_periods_by_file), overlapping periods merged. None when no export says."""
        spans = self._export_periods_by_file(platform)
        return covered_days(self.imported.posts, first, last, spans=spans)[0] if spans else None

    def spans_from_posts(self, platform: str) -> bool:
        """Whether some of the platform's post exports name no period (sources.names_its_period: a YouTube
        Studio table, LinkedIn's workbook): the days they cover are then known only from their first to their
        last post, and days beyond may have had no posts rather than no export."""
        return bool(self.exports_naming_no_period(platform))

    def exports_naming_no_period(self, platform: str) -> list[str]:
        """The platform's post exports that name no period (spans_from_posts), as their files."""
        return [file for file in self._export_periods_by_file(platform) if file and not names_its_period(file)]

    def spans_from_posts_of(self, platform: str) -> str | None:
        """Which of the platform's post exports give their days by their posts alone: 'all', 'some' (others
        name theirs: Business Suite files beside a legacy Insights export), or None; a sentence saying that
        'the exports' name no days is false of the 'some' case."""
        unnamed = self.exports_naming_no_period(platform)
        if not unnamed:
            return None
        return "all" if len(unnamed) == len([f for f in self._export_periods_by_file(platform) if f]) else "some"

    def _export_periods_by_file(self, platform: str) -> dict[str, tuple]:
        """{file: (first, last)}, the days each of a platform's post exports covers (sources.export_periods)."""
        if platform not in self._periods:
            self._periods[platform] = export_periods(self.imported.posts, self.imported.reports, platform)
        return self._periods[platform]

    def near_download(self, platform: str) -> pd.DataFrame:
        """The platform's posts of the period that may have had fewer than SETTLING_DAYS days to collect before
        their export's download, with the last day their export covers ('export last', and whether its name gives
        it, 'last from name'): sources.near_download over the days each of its exports covers. The one judgement
        behind the Data coverage note and the summary's caveat, as of the explorer's period comparison; empty
        when there is none."""
        mine = self.posts[self.posts["platform"] == platform]
        return near_download(mine, {path: end for path, (_, end) in self._export_periods_by_file(platform).items()})

    def _posts_covered(self, platform: str, kpi: str, previous: bool = False) -> str:
        """The posts a total covers: "52", or "4 of 8" when only some of the platform's posts report it;
        `previous`: of the comparison period."""
        suffix = "_previous" if previous else ""
        covered, posts = self.kpi(platform, kpi, "posts_covered" + suffix), self.kpi(platform, "posts", "value" + suffix)
        if pd.isna(covered) or covered == posts:
            return self.tr.number(posts)
        return self.tr.t("common.part_of", part=self.tr.number(covered), whole=self.tr.number(posts))

    def _engagement_sentence(self, platform: str) -> str:
        tr = self.tr
        interactions = self.kpi(platform, "interactions")
        by_reach, by_impressions, by_views = (self.kpi(platform, name) for name in (
            "engagement_rate_by_reach", "engagement_rate_by_impressions", "engagement_rate_by_views"))
        comments = self.kpi(platform, "conversation_rate")
        values = {"platform": tr.platform(platform)}
        if pd.notna(interactions):  # over the posts reporting them, when not all do, as the summary says
            values["interactions"] = self._over_covered(platform, "interactions", tr.t(
                "finding.period_interactions", total=tr.number(interactions)))
        measure = self.measures.get(platform, "reach")  # what the platform's posts are compared by
        # no reach on the posts: none at all, or none per post beside a daily series' reach per day
        counted_key = ("lens.engagement_by_counted_per_post" if self.reach_per_day(platform)
                       else "lens.engagement_by_counted")
        if pd.notna(by_reach) and measure == "reach":
            text = tr.t("lens.engagement_by_reach", rate=self._rate_over(platform, "engagement_rate_by_reach", by_reach),
                        **values)
        elif pd.notna(by_impressions) and not (measure == "video_views" and pd.notna(by_views)):
            text = tr.t(counted_key, counted=self._counted(platform),
                        name=self._label(platform, "engagement_rate_by_impressions"),
                        rate=self._rate_over(platform, "engagement_rate_by_impressions", by_impressions), **values)
        elif pd.notna(by_views):  # TikTok: plays only
            text = tr.t(counted_key, counted=tr.t("lens.word_video_views"),
                        name=self._label(platform, "engagement_rate_by_views"),
                        rate=self._rate_over(platform, "engagement_rate_by_views", by_views), **values)
        elif pd.notna(interactions):
            text = tr.t("lens.engagement_no_rate", **values)
        else:
            return tr.t("lens.engagement_none", **values)
        if pd.notna(comments):
            return text + tr.t("lens.engagement_comments", comments=self._fmt_kpi("conversation_rate", comments))
        return text + "."

    def _rate_over(self, platform: str, kpi: str, value) -> str:
        """A rate as the lens sentence quotes it, with the posts it covers when only some of the platform's
        posts report both its counts ("0.82% over 31 of 33 posts"); the interactions beside it say their own
        posts (_over_covered), which may be more: a post of unknown reach still has interactions."""
        covered, posts = self.kpi(platform, kpi, "posts_covered"), self.kpi(platform, "posts")
        text = self._fmt_kpi(kpi, value)
        if pd.notna(covered) and covered < posts:
            text += self.tr.t("lens.rate_over", posts=self._posts_covered(platform, kpi))
        return text

    def follower_sentences(self) -> list[str]:
        """Follower growth over the period per platform, from the daily series (when the exports hold one)."""
        if self.daily is None:
            return []
        from .daily import FOLLOWERS_TOLERANCE, _follower_growth

        tr = self.tr
        lines = []
        start, end = self.period_start.tz_localize(None).normalize(), self.period_end.tz_localize(None).normalize()
        for _, row in _follower_growth(self.daily, start, end).iterrows():
            platform = tr.platform(row["platform"])
            if pd.notna(row["change"]):
                # a total of another day than the period's edges (a series that stops short) is named
                exact = row["start_day"] == start - pd.Timedelta(days=1) and row["end_day"] == end
                lines.append(tr.t("followers.growth" if exact else "followers.growth_days", platform=platform,
                                  start=tr.number(row["followers_start"]), end=tr.number(row["followers_end"]),
                                  change=tr.percent(row["relative_change"], 1), start_day=tr.date(row["start_day"]),
                                  end_day=tr.date(row["end_day"])))
            elif pd.notna(row["follows_gained"]):
                whole = row["follow_days"] == row["period_days"]
                lines.append(tr.t("followers.gained" if whole else "followers.gained_days", platform=platform,
                                  gained=tr.number(row["follows_gained"]), days=tr.number(row["follow_days"]),
                                  period_days=tr.number(row["period_days"])))
            elif pd.notna(row["last_total_day"]):  # totals, none of them near the period's start or end
                lines.append(tr.t("followers.growth_none", platform=platform, first=tr.date(row["first_total_day"]),
                                  last=tr.date(row["last_total_day"]), days=tr.number(FOLLOWERS_TOLERANCE.days)))
        return lines

    def _daily_bounds(self) -> tuple[pd.Timestamp, pd.Timestamp]:
        """The period's first and last day as a daily series' dates are written (midnight, no time zone)."""
        return self.period_start.tz_localize(None).normalize(), self.period_end.tz_localize(None).normalize()

    def _daily_used(self) -> pd.DataFrame:
        """The daily rows the period's daily figures count: of its days, with a value, whole days only
        (daily.whole_days: a file's last day, perhaps its download day, is left out)."""
        from .daily import empty_daily, whole_days

        if self.daily is None or self.daily.empty:
            return empty_daily()
        start, end = self._daily_bounds()
        daily = whole_days(self.daily)
        return daily[daily["date"].between(start, end) & daily["value"].notna()]

    def daily_days(self, platform: str) -> int:
        """How many of the period's days the platform's daily series gives a figure for (any metric): the days
        its daily figures count, which need not be the days its post exports cover."""
        used = self._daily_used()
        return int(used.loc[used["platform"] == platform, "date"].nunique())

    def daily_series_notes(self) -> list[str]:
        """Data coverage's notes on the daily series the period's daily figures use (daily.day_notes): days that
        run midnight to midnight in another time zone than the client's (Meta's Pacific days), and each file's
        last day left out of the daily figures."""
        from .daily import day_notes

        if self.daily is None or self.daily.empty:
            return []
        start, end = self._daily_bounds()
        notes = day_notes(self.daily, [r for kind, r in self.side_files if kind == "daily"], start, end,
                          str(self.period_start.tz), self.posts)
        return [self.tr.message(note) for note in notes]

    @_answer_kept
    def _daily_reach(self) -> tuple[pd.DataFrame, dict[str, int]]:
        """The period's daily unique reach (daily.daily_unique_reach) and, per platform whose reach there is
        organic alone, the days of it with something sponsored (daily.sponsored_days)."""
        from .daily import _daily_unique_reach, sponsored_days

        start, end = self._daily_bounds()
        return _daily_unique_reach(self.daily, start, end), sponsored_days(self.daily, start, end)

    def reach_per_day(self, platform: str) -> bool:
        """Whether the platform's daily series gives its accounts reached per day over the period
        (daily_reach_sentences): where its posts report no reach, they have none per post only."""
        return bool((self._daily_reach()[0]["platform"] == platform).any())

    def daily_reach_sentences(self) -> list[str]:
        """The accounts reached per day over the period, from the daily series where the exports hold one
        (daily.daily_unique_reach): the median day, lowest and highest, and the days the series covers. Unlike
        summed post reach it counts a person once a day, whatever they saw; days are not added up. LinkedIn's
        organic members reached is said to be the page's whole reach where nothing was sponsored on its days,
        its organic part otherwise (daily.sponsored_days)."""
        from .daily import ORGANIC_REACH

        tr = self.tr
        days = (self.period_end.date() - self.period_start.date()).days + 1
        table, sponsored = self._daily_reach()
        lines = []
        for _, row in table.iterrows():
            paid = sponsored.get(row["platform"], 0) if row["metric"] in ORGANIC_REACH else 0
            lines.append(tr.t(f"daily_reach.{row['metric']}{'_sponsored' if paid else ''}",
                              platform=tr.platform(row["platform"]), median=tr.number(row["median"]),
                              low=tr.number(row["low"]), high=tr.number(row["high"]), days=tr.number(int(row["days"])),
                              period_days=tr.number(days), sponsored_days=tr.number(paid)))
        return lines

    def paid_delivery_sentences(self) -> list[str]:
        """Account-level paid delivery (Ads Manager) within the period, in the broadcast lens (paid_in_period):
        the days its rows cover, CPM, and cost per reached person and frequency where the report's own total
        gives unique reach; the rows running past the period's edges, left out whole; where the reports end or
        start inside the period; of reports describing the same delivery on some days, which one is quoted for
        those days and why; and each report whose rows all fall outside the period, named and left out."""
        tr = self.tr
        lines = []
        for _, row in self.paid_delivery.iterrows():
            currency = row["currency"]
            parts = []
            # the ad accounts whose delivery it is: an ad account may be named otherwise than the page
            accounts = row.get("accounts") if isinstance(row.get("accounts"), list) else []
            source = (tr.t("paid_delivery.source_account" + ("s" if len(accounts) > 1 else ""), accounts=tr.join(accounts))
                      if accounts else tr.t("paid_delivery.source"))
            if row["rows"]:
                values = dict(source=source, impressions=tr.number(row["impressions"]), spend=tr.money(row["spend"], currency),
                              cpm=tr.money(row["CPM"], currency), rows=tr.number(row["rows"]),
                              first=tr.date(row["first day"]), last=tr.date(row["last day"]))
                if pd.isna(row["reported total reach"]):  # part of a report, or several: unique reach unknown
                    parts.append(tr.t("paid_delivery.sentence_no_reach", **values))
                else:
                    parts.append(tr.t(
                        "paid_delivery.sentence", reach=tr.number(row["reported total reach"]),
                        per_person=tr.unit_cost(row["cost per reached person"], currency),
                        frequency=tr.number(row["frequency"], 2), **values))
                if cpm := self._cpm_operands(row):
                    parts.append(cpm)
            else:
                parts.append(tr.t("paid_delivery.none_within", source=source))
            if row["rows across"]:
                parts.append(tr.t("paid_delivery.across", rows=tr.number(row["rows across"]),
                                  spans=tr.join(tr.period_span(a, b) for a, b in row["spans across"]),
                                  impressions=tr.number(row["impressions across"]),
                                  spend=tr.money(row["spend across"], currency)))
            if pd.notna(row["data start"]):
                parts.append(tr.t("paid_delivery.data_start", first=tr.date(row["data start"]),
                                  days=tr.number((row["data start"] - self.period_start.tz_localize(None)).days)))
            if pd.notna(row["data end"]):
                parts.append(tr.t("paid_delivery.data_end", last=tr.date(row["data end"]),
                                  days=tr.number((self.period_end.tz_localize(None) - row["data end"]).days)))
            lines.append(" ".join(parts))
        for one in self.paid_same:
            reports = [one.quoted, *one.left_out]
            timed = len({getattr(r, "time_breakdown", None) for r in reports}) > 1  # by month against whole span
            lines.append(tr.t("paid_delivery.same", files=tr.join(tr.noted(r.path.name, self._breakdown_words(r, timed))
                                                                  for r in reports),
                              days=tr.join(tr.period_span(a, b) for a, b in one.days),
                              quoted=one.quoted.path.name, why=tr.t(f"paid_delivery.same_{one.reason}")))
        for report in self.paid_outside:
            first, last = report.period or (None, None)
            lines.append(tr.t("paid_delivery.outside", file=report.path.name, first=tr.date(first),
                              last=tr.date(last)))
        return lines

    def _cpm_operands(self, row: pd.Series) -> str | None:
        """Where the paid delivery sentence's impressions and spend are not its CPM's operands (rows reporting
        one of them without the other: paid_summary sums each over the rows reporting it, the CPM over the rows
        reporting both), the CPM's own impressions and spend and the rows left out of it; else None."""
        tr = self.tr
        left_out = [tr.t(f"paid_delivery.cpm_{kind}_only", rows=tr.number(row[f"rows with {kind} only"]))
                    for kind in ("spend", "impressions") if row[f"rows with {kind} only"]]
        if (pd.isna(row["CPM"]) or not left_out  # rows of 0 spend, or 0 impressions, alone change nothing
                or (row["CPM impressions"] == row["impressions"] and np.isclose(row["CPM spend"], row["spend"]))):
            return None
        return tr.t("paid_delivery.cpm_operands", impressions=tr.number(row["CPM impressions"]),
                    spend=tr.money(row["CPM spend"], row["currency"]), left_out=tr.join(left_out))

    def _breakdown_words(self, report, timed: bool = False) -> str:
        """An Ads Manager report's breakdown, as the same-delivery sentence names it: 'by Region', 'no breakdown';
        with its time breakdown where the reports named differ in it (`timed`): 'by Region, by month'."""
        tr = self.tr
        words = (tr.t("paid_delivery.by", dimensions=tr.join(report.dimensions)) if report.dimensions
                 else tr.t("paid_delivery.by_none"))
        if timed:
            time = getattr(report, "time_breakdown", None)
            words = tr.t("paid_delivery.by_time", breakdown=words,
                         time=tr.t(f"paid_delivery.time_{time.lower()}") if time else tr.t("paid_delivery.time_none"))
        return words

    # ----------------------------------------------------------------------------------------- disagreement
    def agreement_table(self) -> pd.DataFrame:
        """Rank agreement, top-N overlap and elasticity per platform; a platform whose exports report no
        interactions has none of them, and its row is left out (the section's sentence says why), as is the
        table when no platform is left."""
        tr = self.tr
        rows = []
        for platform, row in self.agreement.iterrows():
            if metrics.interactions_of(self.posts[self.posts["platform"] == platform]).isna().all():
                continue
            rows.append({
                tr.t("agreement.platform"): tr.platform(platform),
                tr.t("agreement.measure"): self._ranked_by_cell(platform),
                tr.t("agreement.posts"): tr.number(row["n"]),
                "Spearman ρ": self._corr(row["rho"], row["ci_low"], row["ci_high"]),
                "Kendall τ": self._corr(row["tau"], row["tau_ci_low"], row["tau_ci_high"]),
                tr.t("agreement.overlap"): self._overlap_cell(platform),
                tr.t("agreement.elasticity"): self.elasticity_cell(platform),
            })
        return pd.DataFrame(rows)

    def _ranked_by_cell(self, platform: str) -> str:
        """The agreement table's 'ranked by': the platform's broadcast count (ranked_by), or that its posts
        report none (no reach, impressions or views: compare.broadcast_measure's 'reach' then names a count
        no post has)."""
        mine = self.posts[self.posts["platform"] == platform]
        if mine[self.measures.get(platform, "reach")].notna().any():
            return self.ranked_by(platform)
        return self.tr.t("agreement.measure_none")

    def _chance_text(self, chance: float) -> str:
        """What two unrelated top-N lists would share (n² ÷ posts), with one decimal, or as many as its first
        digit needs below 0.1 (0.04 with 2,500 posts and a top 10, not 0.0)."""
        decimals = 1 if not 0 < chance < 0.095 else min(4, -int(np.floor(np.log10(chance))))
        return self.tr.number(chance, decimals)

    def _overlap_cell(self, platform: str) -> str:
        """'2 of 10 (about 0.7 by chance), p = 0.134', or with the lists' sizes where ties across the N-th place
        shorten one ('2 (lists of 10 and 4: posts tied at the cut-off of the top 10 left out; about 0.7 by
        chance), p = 0.134'): beside the overlap, what two unrelated rankings would share (compare.top_n_overlap's
        chance) and how often they would share as many or more (its p; none for an overlap of 0), as the
        glossary says, so that the cell can be judged without the summary."""
        tr, overlap = self.tr, self.overlaps[platform]
        if not self.top_n_telling(platform):  # most of the posts: any two rankings share most of the top
            return tr.t("agreement.overlap_few", posts=tr.number(overlap["posts_compared"]))
        values = {"overlap": tr.number(overlap["overlap"]), "n": tr.number(overlap["n"]),
                  "size_a": tr.number(overlap["size_a"]), "size_b": tr.number(overlap["size_b"]),
                  "chance": self._chance_text(overlap["chance"])}  # as the overlap finding writes it
        full = overlap["size_a"] == overlap["size_b"] == overlap["n"]
        cell = tr.t("agreement.overlap_value" if full else "agreement.overlap_value_ties", **values)
        if self._overlap_beyond_chance(overlap) is None:
            return cell
        return cell + tr.t("agreement.overlap_p", p=self._p_phrase(overlap["p_value"]))

    def _corr(self, value, low, high) -> str:
        return estimate_cell(self.tr, value, low, high)

    def agreement_sentence(self) -> str:
        """How the two rankings agree, platform by platform (agreement_sentence_for)."""
        if not self.has_posts:
            return self.no_posts_sentence()
        return " ".join(self.agreement_sentence_for(platform) for platform in self.agreement.index)

    def agreement_sentence_for(self, platform: str) -> str:
        """How the platform's two rankings agree, from Spearman's ρ and its 95% interval (interval_strength).
        Agreement is claimed only where Kendall's τ, shown beside ρ in the table, agrees that there is a link:
        where τ's interval holds 0 and ρ's does not, the sentence says the two measures disagree on it (the
        cell keeps its printing, a bound of -0.004 reading 0.00 as every interval holding 0 does)."""
        tr = self.tr
        row = self.agreement.loc[platform]
        if pd.isna(row["rho"]):  # too few posts report both, or one measure is the same for every post
            return agreement_not_computed(tr, platform, row["n"], self.posts[self.posts["platform"] == platform],
                                          self.ranked_by(platform))
        rho, low, high = shared_estimates(tr, row["rho"], row["ci_low"], row["ci_high"])
        values = dict(platform=tr.platform(platform), by=self.ranked_by(platform), rho=rho, low=low, high=high,
                      n=tr.number(row["n"]))
        if pd.isna(row["ci_low"]):  # identical (or reversed) rankings, or too few posts for an interval
            key = ("agreement.sentence_few" if row["n"] < compare.MIN_CORRELATION_INTERVAL or abs(row["rho"]) < 1
                   else "agreement.sentence_identical" if row["rho"] > 0 else "agreement.sentence_reversed")
            return tr.t(key, **values, minimum=tr.number(compare.MIN_CORRELATION_INTERVAL))
        if not leaves_out(row["ci_low"], row["ci_high"]):
            return tr.t("agreement.sentence_unclear", **values)
        tau_interval = row.get("tau_ci_low", np.nan), row.get("tau_ci_high", np.nan)
        if tau_interval[0] <= 0 <= tau_interval[1]:  # Kendall's τ, beside ρ in the table, holds 0 (NaN: no)
            tau, tau_low, tau_high = shared_estimates(tr, row["tau"], *tau_interval)  # as its table cell
            return tr.t("agreement.sentence_measures_differ", **values, tau=tau, tau_low=tau_low, tau_high=tau_high)
        key = "agreement.sentence" if row["rho"] > 0 else "agreement.sentence_opposed"
        return tr.t(key, **values, strength=interval_strength(tr, row["ci_low"], row["ci_high"]))

    def divergent_intro(self, platform: str) -> str:
        """The sentence above the table of posts on top under one lens only; when there is none, that there
        is none (or nothing, where the rankings cannot be compared: the section's opening says why)."""
        if not self.rankings_compared(platform):
            return ""
        overlap = self.overlaps[platform]
        if not self.top_n_telling(platform):  # a top 10 of 12 posts: sharing it says nothing (nor sharing all)
            key = f"divergent.few{self._top_n_size_word(platform)}"
            return self.tr.t(key, platform=self.tr.platform(platform), n=self.tr.number(overlap["n"]),
                             posts=self.tr.number(overlap["posts_compared"]), top=self.tr.number(self.top_n))
        if not len(overlap["top_a_only"]) and not len(overlap["top_b_only"]):  # the rows divergent_posts lists
            return self.tr.t("divergent.none", platform=self.tr.platform(platform), n=self.tr.number(self.top_n))
        # their text is promised only where the table has a text column (_divergent_filled)
        return self.tr.t("divergent.intro" if self._divergent_filled(platform)["text"] else "divergent.intro_no_text")

    def _divergent_filled(self, platform: str) -> dict[str, bool]:
        """Whether some post divergent_posts lists gives its text, and its format: a column no row fills
        (the UCI dataset's posts have no text, X's and LinkedIn's exports give no format) is left out."""
        overlap = self.overlaps[platform]
        listed = self.posts.loc[list(overlap["top_a_only"]) + list(overlap["top_b_only"])]
        text = listed["text"].astype("string").str.strip()
        return {"text": bool(text.fillna("").ne("").any()), "format": bool(listed["format"].notna().any())}

    def divergent_caption(self, platform: str) -> str:
        """The caption of divergent_posts: the top N, and the lists' sizes where posts tied across the N-th
        place shorten them (compare.top_n_overlap), as the overlap sentence counts them."""
        tr, overlap = self.tr, self.overlaps[platform]
        values = dict(platform=tr.platform(platform), n=tr.number(self.top_n), size_a=tr.number(overlap["size_a"]),
                      size_b=tr.number(overlap["size_b"]))
        full = overlap["size_a"] == overlap["size_b"] == overlap["n"]
        return tr.t("divergent.caption" if full else "divergent.caption_ties", **values)

    def divergent_posts(self, platform: str) -> pd.DataFrame:
        """The posts on top by reach but not by interactions, and the reverse, with both ranks, format and text
        (_divergent_filled: either left out where no post listed gives it; a post without text among posts with
        some says so, "(no text)", where an empty cell would name its row with nothing: divergent_labels)."""
        tr = self.tr
        overlap = self.overlaps[platform]
        rows = []
        if not self.rankings_compared(platform) or not self.top_n_telling(platform):  # see divergent_intro
            return pd.DataFrame(rows)
        by = self.ranked_by(platform)
        listed = list(overlap["top_a_only"]) + list(overlap["top_b_only"])
        with_rate = bool(self.posts.loc[listed, "engagement_rate_by_broadcast"].notna().any())  # else n/a on every row
        filled = self._divergent_filled(platform)
        for label, index in (("divergent.reach_only", overlap["top_a_only"]),
                             ("divergent.interactions_only", overlap["top_b_only"])):
            for i in index:
                post = self.posts.loc[i]
                rows.append({
                    tr.t("divergent.lens"): tr.t(label, by=by),
                    tr.t("divergent.published"): display.published_text(tr, post["published_at"],
                                                                        post["published_precision"]),
                    **({tr.t("divergent.format"): tr.format_name(post["format"]) if pd.notna(post["format"]) else ""}
                       if filled["format"] else {}),
                    by: tr.number(post[self.measures.get(platform, "reach")]),
                    tr.t("divergent.interactions"): tr.number(post["interactions"]),
                    tr.t("divergent.rank_reach", by=by): tr.rank(self.ranks.loc[i, "rank by broadcast"],
                                                                 self.ranks.loc[i, "last rank by broadcast"]),
                    tr.t("divergent.rank_interactions"): tr.rank(self.ranks.loc[i, "rank by interactions"],
                                                                 self.ranks.loc[i, "last rank by interactions"]),
                    **({tr.t("divergent.rate", rate=self.rate_word(platform)):
                        tr.percent(post["engagement_rate_by_broadcast"], 2)}
                       if with_rate else {}),
                    **({tr.t("divergent.text"): post["text"] if has_text(post["text"]) else tr.t("common.no_text")}
                       if filled["text"] else {}),
                })
        return pd.DataFrame(rows)

    def divergent_notes(self, platform: str) -> list[str]:
        """The note below divergent_posts naming the posts it lists whose video views are far above their
        engaged views (_replayed): YouTube's Views count a Short's replays since 31 March 2025, which can put a
        post on top by video views that its views as counted before would not. Empty when none is listed."""
        overlap = self.overlaps.get(platform)
        if overlap is None or not self.rankings_compared(platform) or not self.top_n_telling(platform):
            return []
        replayed = self._replayed(platform, list(overlap["top_a_only"]) + list(overlap["top_b_only"]))
        if not replayed:
            return []
        tr = self.tr
        if len(replayed) == 1:
            return [tr.t("replays.table_one", post=self._post_named(replayed[0]), **self._view_counts(replayed[0]))]
        posts = [self._post_named(i, counts=True) for i in replayed]
        return [tr.t("replays.table_some", count=tr.number(len(replayed)), posts=tr.join(posts))]

    def _replayed(self, platform: str, index) -> list:
        """The posts of `index` ranked by video views whose video views are far above their engaged views
        (compare.views_with_replays), in the order given; none where the platform is ranked by another count."""
        if self.measures.get(platform) != "video_views" or not len(index):
            return []
        flagged = compare.views_with_replays(self.posts.loc[list(index)])
        return [i for i in index if flagged[i]]

    def _view_counts(self, i) -> dict:
        return {"views": self.tr.number(self.posts.loc[i, "video_views"]),
                "engaged": self.tr.number(self.posts.loc[i, "engaged_views"])}

    def _post_named(self, i, counts: bool = False) -> str:
        """A post as a note names it: the start of its text in quotes and its publish date, or its date alone;
        with its video views and engaged views beside the date where `counts` (a post among several)."""
        post = self.posts.loc[i]
        published = display.published_text(self.tr, post["published_at"], post["published_precision"])
        text = display.shorten(str(post["text"]), POST_NAME_LENGTH) if pd.notna(post["text"]) else ""
        if text.strip():
            key = "replays.post_counts" if counts else "replays.post"
        else:
            key = "replays.post_untitled_counts" if counts else "replays.post_untitled"
        return self.tr.t(key, text=text, published=published, **(self._view_counts(i) if counts else {}))

    def divergent_labels(self, platform: str) -> tuple[int, ...]:
        """The positions of divergent_posts' columns whose cells name a post, for display.table's row_labels (a
        screen reader reads them with each cell of the row): its text; where no post listed gives one (the UCI
        dataset's), its publication date and its rank by the broadcast count, which tells apart posts of one day
        (or of one month, where the export gives no day), not the last column, a rate."""
        columns = list(self.divergent_posts(platform).columns)
        if not columns:
            return ()
        if (text := self.tr.t("divergent.text")) in columns:
            return (columns.index(text),)
        rank = self.tr.t("divergent.rank_reach", by=self.ranked_by(platform))
        return columns.index(self.tr.t("divergent.published")), columns.index(rank)

    def quadrant_sentence(self) -> str:
        tr = self.tr
        counts = self.quadrants["quadrant"].value_counts()
        return tr.t("quadrant.sentence", reach_only=tr.number(counts.get("reach only", 0)),
                    engagement_only=tr.number(counts.get("engagement only", 0)),
                    both=tr.number(counts.get("reach and engagement", 0)), posts=tr.number(len(self.quadrants)),
                    **self.words(among=self.quadrants["platform"]))

    # ----------------------------------------------------------------------------------------- formats, timing
    def format_table(self, platform: str) -> pd.DataFrame:
        """Each format's posts and medians under both lenses, with their intervals; no rows when the exports
        give no post's format (a lone 'unknown' row would repeat the platform's medians)."""
        tr = self.tr
        if self.posts.loc[self.posts["platform"] == platform, "format"].isna().all():
            return pd.DataFrame()
        reach = self.formats[platform]["reach"]["medians"].set_index("format")
        rate = self.formats[platform]["rate"]["medians"].set_index("format")
        words = self.words(platform)
        rows = []
        for name in reach.index.union(rate.index):
            r = reach.loc[name] if name in reach.index else None
            e = rate.loc[name] if name in rate.index else None
            rows.append({
                tr.t("formats.format"): tr.format_name(name),
                tr.t("formats.posts"): (tr.number(r["posts"]) if r is not None and r["tested"]
                                        else tr.t("formats.posts_unknown" if name == metrics.UNKNOWN_GROUP
                                                  else "formats.posts_untested",
                                                  posts=tr.number(r["posts"] if r is not None else 0))),
                tr.t("formats.median_reach", **words): self._interval_text(r, tr.number) if r is not None
                else tr.t("common.na"),
                tr.t("formats.median_rate", **words): self._rate_interval_text(platform, name, e)
                if e is not None else tr.t("common.na"),
            })
        return pd.DataFrame(rows)

    def _rate_interval_text(self, platform: str, name: str, row) -> str:
        """A format's median engagement rate with its interval (_interval_text), and, where the median and
        both bounds are 0, how many of its posts drew no interactions: "0.0% (0.0% to 0.0%)" alone reads as
        a rate measured to be exactly 0, where it says that most posts drew nothing."""
        text = self._interval_text(row, self.tr.percent_significant)
        if not (row["median"] == 0 and row["ci_low"] == 0 and row["ci_high"] == 0):
            return text
        mine = self.posts[(self.posts["platform"] == platform)
                          & self.posts["format"].fillna(metrics.UNKNOWN_GROUP).astype(str).eq(name)]
        rates = mine[self.formats[platform]["rate"]["measure"]].dropna()  # the posts the median is over
        return self.tr.t("formats.median_zero", interval=text, none=self.tr.number(int(rates.eq(0).sum())),
                         posts=self.tr.number(len(rates)))

    def formats_intro(self) -> str:
        """The formats section's opening, with the one rule on how many posts a format needs, said once for
        every table, test and sentence below it: compare.MIN_GROUP_POSTS to be tested against the others,
        statistics.MIN_INTERVAL_VALUES for its median's 95% interval."""
        if not self.has_posts:  # timing and paid against organic too: the section's one sentence
            return self.no_posts_sentence()
        return self.tr.t("section.formats_intro", compared=self.tr.number(compare.MIN_GROUP_POSTS),
                         interval=self.tr.number(MIN_INTERVAL_VALUES))

    def _interval_text(self, row, fmt) -> str:
        if pd.isna(row["median"]):
            return self.tr.t("common.na")
        if pd.isna(row["ci_low"]):
            return fmt(row["median"])
        return self.tr.t("common.interval", value=fmt(row["median"]), low=fmt(row["ci_low"]), high=fmt(row["ci_high"]))

    def format_tests(self, platform: str) -> pd.DataFrame:
        tr = self.tr
        rows = []
        for lens in ("reach", "rate"):
            result = self.formats[platform][lens]
            for _, pair in result["pairs"].iterrows():
                rows.append({
                    tr.t("formats.lens"): tr.t(f"formats.lens_{lens}", **self.words(platform)),
                    tr.t("formats.pair"): f"{tr.format_name(pair['a'])} – {tr.format_name(pair['b'])}",
                    "Cliff's δ": self._interval_text({"median": pair["cliffs_delta"], "ci_low": pair["delta_low"],
                                                      "ci_high": pair["delta_high"]}, lambda v: tr.number(v, 2)),
                    tr.t("formats.effect"): tr.t(f"effect.{pair['effect']}"),
                    tr.t("formats.p_holm"): self._p(pair["p_holm"]),
                })
        return pd.DataFrame(rows)

    def _p_phrase(self, p) -> str:
        """'p = 0.168' or 'p < 0.001', for a sentence."""
        return display.p_phrase(self.tr, p)

    def _p(self, p) -> str:
        return display.p_value_text(self.tr, p)

    def format_sentence(self, platform: str) -> str:
        """The formats' finding, and with three formats or more compared, whether their engagement rates differ
        at all (Kruskal–Wallis); with two, the pairwise Mann–Whitney test beside it says so already, and a
        second test of the same two groups could only repeat or seem to contradict it."""
        tr = self.tr
        finding = self._finding_formats(platform)
        kruskal = self.formats[platform]["rate"]["kruskal"]
        if finding is None:
            return formats_not_compared(tr, platform, self.posts[self.posts["platform"] == platform])
        if not self._kruskal_shown(platform):
            return finding.text
        differ = bool(p_beyond(kruskal["p_value"]))
        return finding.text + " " + tr.t("formats.kruskal_differ" if differ else "formats.kruskal_unclear",
                                         h=tr.number(kruskal["H"], 1), p=self._p_phrase(kruskal["p_value"]),
                                         groups=tr.number(kruskal["groups"]), **self.words(platform))

    def _kruskal_shown(self, platform: str) -> bool:
        """Whether format_sentence quotes the Kruskal–Wallis test: from three formats compared."""
        return self._finding_formats(platform) is not None and self.formats[platform]["rate"]["kruskal"]["groups"] > 2

    def month_dated_platforms(self) -> list[str]:
        """The platforms with a heat-map panel whose posts on the map are all dated to the month only (precision
        'month', the UCI dataset): their cells' units are months, not days (compare.slot_days), as the timing
        sentence, the panel titles and the timing tests say."""
        if self.day_hour.empty:
            return []
        mapped = set(self.day_hour.loc[self.day_hour["reporting"] > 0, "platform"])
        timed = self.posts[self.posts["published_precision"].isin(["minute", "month"])
                           & self.posts["platform"].isin(mapped)]
        monthly = periods.month_dated(timed).groupby(timed["platform"]).all()
        return sorted(monthly.index[monthly])

    def timing_sentence(self) -> str:
        """What the heat map holds and which cells it leaves without colour: those whose posts fall on too few
        days, or months where every panel's posts are dated to the month only; where only some are, one more
        sentence names those whose cells count months."""
        tr = self.tr
        table = self.day_hour
        if table.empty:
            return tr.t("timing.none")
        busiest = table.sort_values("posts", ascending=False).iloc[0]
        months = self.month_dated_platforms()
        mapped = table.loc[table["reporting"] > 0, "platform"]
        monthly = bool(months) and set(months) == set(mapped)  # every panel's cells count months
        # counts are whole: a median between two (3.5) is written rounded down, as half the slots hold that many
        # or fewer; and the slots counted hold posts, so a median of 1 is "a single post", not "1 or fewer"
        median = math.floor(table["posts"].median())
        if median == 1:
            key = "timing.sentence_single_months" if monthly else "timing.sentence_single"
        else:
            key = "timing.sentence_months" if monthly else "timing.sentence"
        sentence = tr.t(key, slots=tr.number(len(table)), busiest=tr.number(busiest["posts"]),
                        posts=tr.number(int(table["posts"].sum())), median=tr.number(median),
                        minimum=tr.number(plots.MIN_CELL_DAYS), rate=self.words(among=mapped)["rate"])
        if months and not monthly:  # some panels count days, others months
            sentence += " " + tr.t("timing.months_for", platforms=tr.join([tr.platform(p) for p in months]),
                                   minimum=tr.number(plots.MIN_CELL_DAYS))
        if table["platform"].nunique() > 1:  # a panel whose cells share one median has no colour scale
            scaled = not plots.uniform_cells(table)
            sentence += " " + tr.t("timing.per_platform" if scaled else "timing.per_platform_panels")
        reporting = table.groupby("platform")["reporting"].sum()
        without = [tr.platform(p) for p in reporting.index[reporting == 0]]
        if without:  # posted at known times, but no engagement rate by reach to map
            sentence += " " + tr.t("timing.no_rate_for", platforms=tr.join(without))
        return sentence

    def timing_too_short(self) -> bool:
        """Whether the period holds fewer days than a heat-map cell needs to be coloured (plots.MIN_CELL_DAYS), with
        posts to map: then no cell can be coloured, and the map is left out (figure_note) with timing_short_sentence."""
        return (not self.day_hour.empty and self.day_hour["reporting"].sum() > 0
                and self.period_days < plots.MIN_CELL_DAYS)

    def timing_short_sentence(self) -> str:
        """Said instead of the heat map when the period is too short to colour any cell (timing_too_short): how many
        posts went out in how many slots, and that a slot is judged from posts of more days than the period holds.
        It also says what the timing tests would (none can be run), so they say nothing more."""
        tr, table = self.tr, self.day_hour
        return tr.t("timing.period_too_short", posts=tr.number(int(table["posts"].sum())),
                    slots=tr.number(len(table)), days=tr.number(self.period_days),
                    minimum=tr.number(plots.MIN_CELL_DAYS))

    def timing_test_sentences(self) -> list[str]:
        """Per platform with a heat-map panel: whether its slots' rates differ beyond chance (compare.slot_test),
        so that no reader takes the brightest cell, a median of a few posts, for the time to post. Its unit is a
        slot-day (a slot's posts of one day, which share that day's audience), and a slot is tested from 3 days
        of posts. A test over fewer than 3 slots, or over fewer than half the posts the map shows, would speak
        for too few of them: the sentence then says timing cannot be judged from these posts."""
        return [sentence for _, sentence in self._timing_tests()]

    def _timing_tests(self) -> list[tuple[str, str]]:
        """Each timing_test_sentences sentence with its catalogue key (the glossary asks which were shown)."""
        tr = self.tr
        if self.timing_too_short():  # no slot can hold posts of enough days: timing_short_sentence says so, once
            return []
        mapped = set(self.day_hour.loc[self.day_hour["reporting"] > 0, "platform"]) if not self.day_hour.empty else set()
        months = set(self.month_dated_platforms())  # days unknown: a slot's posts of one month are one unit
        sentences = []
        for _, row in self.slot_tests.iterrows():
            if row["platform"] not in mapped:
                continue
            reporting = int(self.day_hour.loc[self.day_hour["platform"] == row["platform"], "reporting"].sum())
            values = {"platform": tr.platform(row["platform"]), "slots": tr.number(row["slots"]),
                      "days": tr.number(row["days"]), "posts": tr.number(row["posts"]),
                      "minimum": tr.number(plots.MIN_CELL_DAYS),
                      "reporting": tr.number(reporting), **self.words(row["platform"])}
            if row["slots"] < MIN_SLOTS_TESTED or 2 * row["posts"] < reporting:
                # no slot holds posts of enough days at all: said so, not as "only 0 of the 8 posts (0 such slots)"
                if row["platform"] in months:
                    key = "timing.slots_too_few_months" if row["posts"] else "timing.slots_too_few_months_none"
                else:
                    key = "timing.slots_too_few" if row["posts"] else "timing.slots_too_few_none"
                sentences.append((key, tr.t(key, **values)))
                continue
            if pd.isna(row["p_value"]):
                key = "timing.slots_equal_months" if row["platform"] in months else "timing.slots_equal"
                sentences.append((key, tr.t(key, **values)))
                continue
            if p_beyond(row["p_value"]):
                key = "timing.slots_differ_months" if row["platform"] in months else "timing.slots_differ"
            else:
                key = "timing.slots_unclear_months" if row["platform"] in months else "timing.slots_unclear"
            sentences.append((key, tr.t(key, h=tr.number(row["H"], 1), p=self._p_phrase(row["p_value"]), **values)))
        return sentences

    def paid_table(self) -> pd.DataFrame:
        """Paid against organic posts, one row per platform with a lift to show (the sentence says why the
        others have none: a row of n/a would say nothing)."""
        tr = self.tr
        rows = []
        shown = self.paid[self.paid["reach lift"].notna() | self.paid["engagement-rate lift"].notna()]
        words = self.words(among=shown["platform"])
        for _, row in shown.iterrows():
            rows.append({
                tr.t("paid.platform"): tr.platform(row["platform"]),
                tr.t("paid.paid_posts"): tr.number(row["paid posts"]),
                tr.t("paid.organic_posts"): tr.number(row["organic posts"]),
                tr.t("paid.reach_lift", **words): self._corr(row["reach lift"], row["reach lift low"],
                                                             row["reach lift high"]),
                tr.t("paid.rate_lift", **words): self._corr(row["engagement-rate lift"],
                                                            row["engagement-rate lift low"],
                                                            row["engagement-rate lift high"]),
            })
        return pd.DataFrame(rows)

    def _paid_periods_sentence(self, platform: str) -> str:
        """Each period's paid posts on the platform (_paid_counts): the changes between the periods mix boosted
        delivery with organic. It points to the organic posts' change in Data coverage only where that note
        gives one (_organic_quoted, with the note's totals), naming the rate where the rate alone is given."""
        quoted = self._organic_quoted(platform, totals=not self._partly_covered(platform))
        key = ("paid.periods" if not quoted else "paid.periods_organic_rate" if quoted == ("rate",)
               else "paid.periods_organic")
        return self.tr.t(key, platform=self.tr.platform(platform), **self._paid_counts(platform, dated=True),
                         **self.words(platform))

    def paid_sentence(self) -> str:
        """Each platform's paid-against-organic lifts, and for each platform whose posts are marked but that
        has no lift, why: no platform drops out unexplained."""
        tr = self.tr
        if not self.has_posts:  # the section's opening says there is none (formats_intro)
            return ""
        # each period's paid posts where either holds some: the changes between them mix boosted delivery
        periods = [self._paid_periods_sentence(p) for p in self.platforms if self.mixes_paid(p)]
        if self.paid.empty:  # no post's paid flag is known in the period
            return " ".join([tr.t("paid.none"), *periods])
        findings = {p: self._finding_paid(p) for p in self.platforms}
        sentences = [f.text for f in findings.values() if f]
        too_few, reasons = [], []
        for _, row in self.paid.iterrows():  # posts are marked, yet no lift: why
            if findings.get(row["platform"]):
                continue
            unknown = int((self.posts["platform"] == row["platform"]).sum()) - row["paid posts"] - row["organic posts"]
            values = {"platform": tr.platform(row["platform"]), "paid": tr.number(row["paid posts"]),
                      "organic": tr.number(row["organic posts"]), "unknown": tr.number(unknown),
                      **self.words(row["platform"])}
            if min(row["paid posts"], row["organic posts"]) < PAID_MIN_POSTS:
                too_few.append(tr.t("paid.counts", **values))
            elif row["paid with reach"] == 0 or row["organic with reach"] == 0:
                reasons.append(tr.t("paid.no_reach", **values))
            elif min(row["paid with rate"], row["organic with rate"]) < PAID_MIN_POSTS:
                # a rate needs reach above 0 and interactions: the counts that decide both lifts
                reasons.append(tr.t("paid.too_few_reach", **values, paid_reach=tr.number(row["paid with rate"]),
                                    organic_reach=tr.number(row["organic with rate"]),
                                    minimum=tr.number(PAID_MIN_POSTS)))
            else:  # a median of 0 among the organic posts: a ratio has no value
                reasons.append(tr.t("paid.zero_median", **values))
        if too_few:
            reasons.insert(0, tr.t("paid.too_few", counts="; ".join(too_few), minimum=tr.number(PAID_MIN_POSTS)))
        return " ".join(sentences + reasons + periods)

    # ----------------------------------------------------------------------------------------- attention
    def has_attention(self) -> bool:
        return bool(self.attention_platforms())

    @_answer_kept
    def attention_platforms(self) -> tuple[str, ...]:
        """The platforms whose exports report watch time: an attention table of only 'not reported' rows
        says nothing the coverage section has not said."""
        reported = self.posts.groupby("platform")["watch_time_seconds"].apply(lambda v: v.notna().any())
        return tuple(p for p in self.platforms if reported.get(p, False))

    def attention_sentence(self) -> str:
        tr = self.tr
        if not self.has_posts:
            return self.no_posts_sentence()
        if not self.has_attention():
            # watch time of the comparison period's posts alone: not "none of the exports", which would be untrue
            before = self.previous.loc[self.previous["watch_time_seconds"].notna(), "platform"].astype(str)
            # of either period's platforms: one quiet in this period still had its watch time before
            platforms = [p for p in dict.fromkeys([*self.platforms, *sorted(set(before))]) if p in set(before)]
            if platforms:
                posts = int(before.isin(platforms).sum())
                return tr.t("attention.none_this_period" + ("_one" if posts == 1 else ""), posts=tr.number(posts),
                            platforms=tr.join(map(tr.platform, platforms)), compared=self.compared())
            return tr.t("attention.none")
        parts = []
        for platform in self.platforms:
            hours = self.kpi(platform, "watch_time_hours")
            if pd.notna(hours):
                per_thousand = self.kpi(platform, "minutes_per_1000_reached")
                posts = self.kpi(platform, "watch_time_hours", "posts_covered")
                key = ("attention.sentence" if pd.notna(per_thousand)  # no reach: "for them", or "for it" of one post
                       else "attention.sentence_no_reach_one" if posts == 1 else "attention.sentence_no_reach")
                parts.append(tr.t(key, platform=tr.platform(platform), hours=self._fmt_kpi("watch_time_hours", hours),
                                  posts=tr.number(posts),
                                  per_thousand=self._fmt_kpi("minutes_per_1000_reached", per_thousand)))
        return " ".join(parts)

    # ----------------------------------------------------------------------------------------- benchmarks
    def benchmark_table(self) -> pd.DataFrame:
        """The published figures beside the client's, with the verdict (benchmark_outcome) and how each was
        compared. Figures not compared for one reason (no follower counts, say) share one row per platform
        and denominator, listing their sources and figures in the same order: the reason is said once rather
        than once per source."""
        tr = self.tr
        rows, uncompared = [], {}
        for _, row in self.benchmarks.iterrows():
            entry = {
                tr.t("bench.platform"): tr.platform(row["platform"]),
                tr.t("bench.source"): self._benchmark_source(row),
                tr.t("bench.industry"): self._industry(row["industry"]),
                tr.t("bench.definition"): tr.t("bench.definition_value", statistic=tr.t(f"stat.{row['statistic']}"),
                                               denominator=tr.t(f"denominator.{row['denominator']}")),
                tr.t("bench.benchmark"): tr.rate_percent(row["benchmark"]),
                # with the digits that keep it apart from the published figure, as the finding writes it
                tr.t("bench.client"): (tr.t("common.interval", value=tr.rate_percent(row["client"], row["benchmark"]),
                                            low=tr.rate_percent(row["client low"], row["benchmark"]),
                                            high=tr.rate_percent(row["client high"], row["benchmark"]))
                                       if pd.notna(row["client low"])
                                       else tr.rate_percent(row["client"], row["benchmark"])),
                tr.t("bench.verdict"): self._benchmark_verdict_cell(row),
                tr.t("bench.note"): self._benchmark_note(row),
            }
            if pd.notna(row["client"]):  # a client figure: its own row, compared or not
                rows.append(entry)
                continue
            group = (row["platform"], row["reason"], row["denominator"])
            if group not in uncompared:
                uncompared[group] = {"entry": entry, "rows": []}
                rows.append(entry)
            uncompared[group]["rows"].append(row)
        for group in uncompared.values():  # one row per reason: its sources and figures listed in order
            same = pd.DataFrame(group["rows"])
            if len(same) < 2:
                continue
            statistics = " / ".join(tr.t(f"stat.{s}") for s in dict.fromkeys(same["statistic"]))
            group["entry"].update({
                tr.t("bench.source"): "; ".join(self._benchmark_source(r) for _, r in same.iterrows()),
                tr.t("bench.industry"): ", ".join(dict.fromkeys(map(self._industry, same["industry"]))),
                tr.t("bench.definition"): tr.t("bench.definition_value", statistic=statistics,
                                               denominator=tr.t(f"denominator.{same['denominator'].iloc[0]}")),
                # each figure with its statistic where the sources differ in it ('median 0.060%; mean 0.15%')
                tr.t("bench.benchmark"): "; ".join(
                    tr.rate_percent(v) if same["statistic"].nunique() == 1 else f"{tr.t(f'stat.{s}')} {tr.rate_percent(v)}"
                    for s, v in zip(same["statistic"], same["benchmark"])),
            })
        return pd.DataFrame(rows)

    def _benchmark_source(self, row) -> str:
        """A benchmark row's source, edition and data year: 'Socialinsider 2026 (data 2025)'."""
        return f"{row['source']} {row['edition']} ({self.tr.t('bench.data_year')} {row['data year']})"

    def _industry(self, industry: str) -> str:
        """A benchmark row's industry, 'all industries' in the report's language."""
        return self.tr.t("bench.all_industries") if industry == "all industries" else industry

    def _benchmark_note(self, row) -> str:
        """How a benchmark row was compared, or why it was not, in the report's language."""
        tr = self.tr
        denominator = tr.t(f"denominator.{row['denominator']}")
        if row["reason"] in MISSING_REASONS:  # what the exports lack
            return tr.t(f"bench.note_{row['reason']}", denominator=denominator, platform=tr.platform(row["platform"]))
        if row["reason"] == "views":
            return tr.t("bench.note_views", platform=tr.platform(row["platform"]))
        if row["reason"] == "thumbnails":
            return tr.t("bench.note_thumbnails", platform=tr.platform(row["platform"]))
        note = tr.t("bench.note_same_components" if row["same_components"] else "bench.note_other_components",
                    statistic=tr.t(f"stat.{row['statistic']}"), denominator=denominator,
                    posts=tr.number(row["posts"]), components=self._components_counted(row))
        if not row["same_components"] and pd.notna(row.get("client (platform engagements)")):
            published = row["benchmark"]
            native = tr.rate_percent(row["client (platform engagements)"], published)
            low = row.get("client (platform engagements) low")
            if pd.notna(low):  # with its interval, as the client's figure in the table
                native = tr.t("common.interval", value=native, low=tr.rate_percent(low, published),
                              high=tr.rate_percent(row["client (platform engagements) high"], published))
            note += "; " + tr.t("bench.note_native", platform=tr.platform(row["platform"]), native=native)
        return note

    def benchmark_sentence(self) -> str:
        """Each platform's finding, then how many published figures were compared like with like (the
        source's components), how many only roughly (the source counts engagement its own way; not said
        again when each such figure is a finding's, which says so), and how many not at all (the table's
        notes say why)."""
        if not self.has_posts:
            return self.no_posts_sentence()
        tr = self.tr
        table = self.benchmarks
        findings = [f for f in (self._finding_benchmark(p) for p in self.platforms) if f]
        sentences = [f.text for f in findings]
        rows = len(table)
        compared = table["client"].notna() if rows else pd.Series(dtype=bool)
        like = int((compared & table["same_components"].astype(bool)).sum()) if rows else 0
        rough = int(compared.sum()) - like
        if like == rows and rows:
            key = "bench.sentence_one" if rows == 1 else "bench.sentence_all"
        elif like == 0 and rough == 0:
            key = "bench.sentence_none_one" if rows == 1 else "bench.sentence_none"
        else:
            key = ("bench.sentence_like" if like else "bench.sentence_like_one" if rows == 1
                   else "bench.sentence_like_none")
        sentences.append(tr.t(key, comparable=tr.number(like), rows=tr.number(rows)))
        if rough > sum(f.values["rough"] for f in findings):  # a rough row no finding has said is rough
            key = ("bench.sentence_rough_one" if rough == rows == 1 else "bench.sentence_rough_single" if rough == 1
                   else "bench.sentence_rough")
            sentences.append(tr.t(key, rough=tr.number(rough)))
        others = rows - like - rough
        if others and (like or rough):
            sentences.append(tr.t("bench.sentence_others", others=tr.number(others), rows=tr.number(rows)))
        return " ".join(sentences)

    # ----------------------------------------------------------------------------------------- definitions
    def defined_metrics(self) -> list[str]:
        """The metrics of the Definitions section: those the report gives a value for, in a platform's tables
        (either period; lens_kpis: the attention table only where this period's posts report watch time) or
        in the Ads Manager sentence (reach: when some post reports it). The exports decide: an X-only report
        defines no reach-based rate, and watch time reported only in the comparison period is not defined."""
        given = self._post_defined() | self._paid_defined()  # the Ads Manager sentence's, whatever the posts report
        return [name for name, _ in metrics.DEFINITIONS if name in given]

    def _post_defined(self) -> set[str]:
        """The metrics defined_metrics holds for the posts' figures: the tables' and the summary's."""
        kpis = self.kpis
        rows = kpis[kpis["value"].notna() | kpis["value_previous"].notna()] if len(kpis) else kpis
        # a rate by impressions the lens tables leave out (YouTube's count thumbnails shown) is not given
        given = {k for p, k in zip(rows.get("platform", []), rows.get("kpi", []))
                 if p in self.platforms and k in self.lens_kpis(p)}
        if self.posts["reach"].notna().any() or self.previous["reach"].notna().any():
            given.add("reach")
        for platform in self.quiet_platforms():  # what the summary quotes of the comparison period
            given |= set(self.comparison_figures(platform)) - {"posts"}
        return given

    def _paid_defined(self) -> set[str]:
        """The metrics the Ads Manager sentence quotes (paid_delivery_sentences): Definitions says what each is
        for the ad account's delivery, which is not a post's."""
        paid = self.paid_delivery
        return {name for name, column in PAID_DEFINED if column in paid and paid[column].notna().any()}

    def _paid_reach_unknown(self) -> bool:
        """Whether the Ads Manager rows quoted carry reach, but not their unique reach (part of a report, or
        several reports: reach does not add up across rows), so reach-based figures are not given for them."""
        paid = self.paid_delivery
        return bool(len(paid)) and bool((paid["rows"].gt(0) & paid["reported total reach"].isna()
                                         & paid[SUMMED_REACH].notna()).any())

    def definitions_note(self) -> str:
        """The metrics left out of Definitions, named, so a reader knows they were not forgotten; for a period
        without posts, that there was nothing to compute them on (the exports may well carry them)."""
        tr = self.tr
        if not self.has_posts:
            return tr.t("quiet.definitions")
        shown = set(self.defined_metrics())
        kpis = self.kpis
        given = set(kpis.loc[kpis["value"].notna() | kpis["value_previous"].notna(), "kpi"]) if len(kpis) else set()
        # computed, yet left out of the tables: rates by YouTube's thumbnail impressions (engagement_kpis)
        thumbnails = [p for p in self.platforms if self._impression_kinds(p) == {"thumbnail_impressions"}]
        set_aside = [name for name, _ in metrics.DEFINITIONS if name not in shown and name in given and thumbnails]
        # reach-based figures of the Ads Manager rows quoted: the rows report reach, only not their unique reach
        unique = ([name for name, _ in metrics.DEFINITIONS if name in PAID_REACH_BASED and name not in shown]
                  if self._paid_reach_unknown() else [])
        # reach per day from a daily series, where no post reports reach: the broadcast section gives it
        daily = self._daily_reach_defined() if "reach" not in shown else []
        left_out = [tr.metric(name) for name, _ in metrics.DEFINITIONS if name not in shown and name not in set_aside
                    and name not in unique and not (name == "reach" and daily)]
        sentences = [tr.t("definitions.left_out", metrics=tr.join(left_out))] if left_out else []
        if daily:
            sentences.append(tr.t("definitions.reach_per_day", daily="; ".join(daily)))
        if unique:
            sentences.append(tr.t("definitions.left_out_paid_reach" + ("_one" if len(unique) == 1 else ""),
                                  metrics=tr.join(map(tr.metric, unique))))
        if set_aside:
            sentences.append(tr.t("definitions.left_out_thumbnails", metrics=tr.join(map(tr.metric, set_aside)),
                                  platforms=tr.join(map(tr.platform, thumbnails))))
        return " ".join(sentences)

    def _daily_reach_defined(self) -> list[str]:
        """What the broadcast section's reach per day is on each platform whose daily series gives one
        (daily_reach_sentences), a clause each, for definitions_note: accounts reached (Meta), or LinkedIn's
        organic members reached, the page's whole reach or only its organic part. Unique viewers (YouTube,
        TikTok) are not reach, so they are not named here."""
        from .daily import ORGANIC_REACH

        tr = self.tr
        table, sponsored = self._daily_reach()
        clauses = []
        for _, row in table.iterrows():
            platform = tr.platform(row["platform"])
            if row["metric"] == "reach":
                clauses.append(tr.t("definitions.reach_per_day_accounts", platform=platform))
            elif row["metric"] in ORGANIC_REACH:
                key = ("definitions.reach_per_day_organic_part" if sponsored.get(row["platform"], 0)
                       else "definitions.reach_per_day_members")
                clauses.append(tr.t(key, platform=platform))
        return clauses

    def definitions(self) -> pd.DataFrame:
        """Formula, lens, source and caveat of each metric in the report (defined_metrics)."""
        tr = self.tr
        rows = []
        shown, paid = set(self.defined_metrics()), self._paid_defined()
        for name, lens in metrics.DEFINITIONS:
            if name not in shown:
                continue
            texts = {part: tr.t(f"metric.{name}.{part}") for part in ("formula", "source")}
            texts["caveat"] = self._definition_caveat(name)
            if name in paid:  # the Ads Manager sentence quotes it: what it is for the account's ad delivery
                ads = {part: tr.t(f"metric.{name}.ads_{part}") for part in ("formula", "source", "caveat")}
                posts_too = name in self._post_defined()
                texts = {part: (tr.t("definitions.posts_and_ads", posts=texts[part], ads=ads[part]) if posts_too
                                else ads[part]) for part in texts}
            rows.append({tr.t("definitions.metric"): tr.metric(name),
                         tr.t("definitions.formula"): texts["formula"],
                         tr.t("definitions.lens"): tr.t(f"lens.{lens}"),
                         tr.t("definitions.source"): texts["source"],
                         tr.t("definitions.caveat"): texts["caveat"]})
        return pd.DataFrame(rows)

    def _definition_caveat(self, name: str) -> str:
        """A Definitions row's caveat, with what its parts count on this report's platforms where they differ
        from the word: each platform's clicks (X's are every click, not link clicks), and the platforms whose
        shares are reposts, for the metrics built on shares."""
        tr = self.tr
        caveat = tr.t(f"metric.{name}.caveat")
        if name == "click_through_rate":
            # one clause per platform: where its exports count clicks differently, Data coverage names each
            # export's (_counted_note), and "on X, …; on X, …" would read as a slip
            texts = {p: self.counted(p, "clicks") for p in self.platforms}
            counted = [tr.t("definitions.counted_on", platform=tr.platform(p), counted=found[0]) if len(found) == 1
                       else tr.t("definitions.counted_on_differs", platform=tr.platform(p))
                       for p, found in texts.items() if found]
            if counted:
                caveat = tr.t("definitions.counted", caveat=caveat, counted="; ".join(counted))
        if name == "reach_rate":
            # Ogilvy, its source, measured organic reach alone: a rate counting paid posts' reach is not that
            for p in self._reach_rate_paid():
                caveat = tr.t("definitions.reach_rate_paid", caveat=caveat, platform=tr.platform(p),
                              **self._paid_counts(p))
        if name in SHARES_USED:
            named = [p for p in self.platforms if tr.metric("shares", platform=p) != tr.metric("shares")
                     and self.posts.loc[self.posts["platform"] == p, "shares"].notna().any()]
            for word in dict.fromkeys(tr.metric("shares", platform=p) for p in named):
                platforms = [tr.platform(p) for p in named if tr.metric("shares", platform=p) == word]
                caveat = tr.t("definitions.named_on", caveat=caveat, platforms=tr.join(platforms),
                              metric=tr.metric("shares"), word=word)
        return caveat

    def _reach_rate_paid(self) -> list[str]:
        """The platforms whose reach rate the tables give (either period) from posts of which some were paid
        (paid_split): its source, Ogilvy's organic reach share, counted organic reach alone, so Definitions say
        the report's rate is not the same figure."""
        kpis = self.kpis
        if not len(kpis):
            return []
        given = kpis[(kpis["kpi"] == "reach_rate") & (kpis["value"].notna() | kpis["value_previous"].notna())]
        return [p for p in self.platforms if p in set(given["platform"])
                and (self.paid_split(p)[0] or self.paid_split(p, previous=True)[0])]

    def glossary_terms(self) -> list[str]:
        """The GLOSSARY terms this report shows, each where a section prints it: a table's header or caption, a
        sentence or a figure's title. The 95% interval and the median are in every report with posts (the lens
        tables' caption, their median post's change); Σ and the normal approximation wherever the lens tables'
        note (lens_note, shown in every report with posts) writes them."""
        platforms = self.platforms
        tested = any(len(self.formats[p][lens]["pairs"]) for p in platforms for lens in ("reach", "rate"))
        formats = [p for p in platforms if self._finding_formats(p)]  # its sentence names its tests
        slots = {key for key, _ in self._timing_tests()} & set(SLOT_VERDICTS)
        ranked = not self.agreement_table().empty  # its ρ, τ, top-N overlap and elasticity columns
        note = self.lens_note()  # above the lens tables, in every report: rates as Σ ÷ Σ, how intervals are had
        used = {"summed_reach": "summed_reach" in self.defined_metrics(), "points": self._shows_points(),
                "sum": "Σ" in note, "interval": self.has_posts, "median": self.has_posts,
                "normal_approximation": self.tr.t("glossary.normal_approximation.term") in note,
                "spearman": ranked, "kendall": ranked, "overlap": ranked,
                "elasticity": ranked, "mann_whitney": tested or bool(formats), "holm": tested or bool(formats),
                "p_value": tested or bool(formats) or bool(slots) or any(
                    self.top_n_telling(p) and self._overlap_beyond_chance(self.overlaps[p]) is not None
                    for p in self.agreement.index),  # the overlap cell's p
                "cliffs_delta": tested,
                "kruskal_wallis": any(map(self._kruskal_shown, formats)) or bool(slots),
                "order_statistics": any(len(self.format_table(p)) for p in platforms)}
        return [name for name in GLOSSARY if used[name]]

    def _shows_points(self) -> bool:
        """Whether the report shows a change in percentage points: a percent rate's change in a lens table (and
        the summary), or its median post's change."""
        for platform in self.platforms:
            names = [n for n in self.broadcast_kpis(platform) + self.engagement_kpis(platform)
                     if n in metrics.PERCENT_RATES]
            rates = self.kpis[(self.kpis["platform"] == platform) & self.kpis["kpi"].isin(names)]
            medians = self.rate_changes[(self.rate_changes["platform"] == platform)
                                        & self.rate_changes["kpi"].isin(names)]
            shown = [pd.notna(row["difference"]) and not self._no_interactions_either(row)
                     for _, row in medians.iterrows()]  # "none: the median post drew no interactions" is no pp
            if rates["change"].notna().any() or any(shown):
                return True
        return False

    def _shows_engagement_rate(self) -> bool:
        """Whether a lens table shows a rate of interactions (Σ interactions ÷ Σ reach, …) with a value: the
        glossary's Σ then takes it as its example; a report whose exports report no interactions shows none."""
        kpis = self.kpis
        if not len(kpis):
            return False
        rates = [name for name, (numerator, *_) in metrics.RATES.items() if numerator == "interactions"]
        shown = kpis["kpi"].isin(rates) & (kpis["value"].notna() | kpis["value_previous"].notna())
        return any(k in self.lens_kpis(p) for p, k in zip(kpis.loc[shown, "platform"], kpis.loc[shown, "kpi"])
                   if p in self.platforms)

    def glossary(self) -> pd.DataFrame:
        """The statistical words of this report (glossary_terms), each with a plain sentence on what it tells
        the reader, for the Definitions section; Σ's sentence takes an engagement rate as its example only
        where the report shows one."""
        tr = self.tr
        words = self.words()

        def meaning(name: str) -> str:
            if name == "sum" and not self._shows_engagement_rate():
                return tr.t("glossary.sum.meaning_ratio")
            return tr.t(f"glossary.{name}.meaning", **words)

        return pd.DataFrame([{tr.t("glossary.term"): (tr.metric(name) if name in dict(metrics.DEFINITIONS)
                                                       else tr.t(f"glossary.{name}.term")),
                              tr.t("glossary.meaning"): meaning(name)}
                             for name in self.glossary_terms()])

    # ----------------------------------------------------------------------------------------- figures
    def figure_plan(self) -> list[tuple]:
        """The figures the report draws, in order: (name, arguments) for `figure_<name>(*arguments)`, one
        per platform for those of FIGURES_PER_PLATFORM; a figure with nothing to draw (figure_note) is left
        out."""
        keys = [key for name in FIGURES
                for key in ([(name, p) for p in self.platforms] if name in FIGURES_PER_PLATFORM else [(name,)])]
        return [key for key in keys if self.figure_note(*key) is None]

    def check_figure(self, name: str, *arguments) -> None:
        """An error, in the report's language, for a figure the report does not draw: a name not in FIGURES
        (with the one likely meant: 'reach_vs_interaction'), a figure of one platform asked without one or
        for a platform the report has not (naming those it has), or a figure of all platforms given one."""
        error = None
        platforms = ", ".join(map(repr, self.platforms))
        if name not in FIGURES:
            error = unknown_name(Message("imports.names.figure"), name, FIGURES)
        elif name in FIGURES_PER_PLATFORM and len(arguments) != 1:
            error = WorkbookError(Message("imports.report.figure_one_platform", name=repr(name),
                                          example=repr(self.platforms[0]), platforms=platforms))
        elif name in FIGURES_PER_PLATFORM and arguments[0] not in self.platforms:
            error = explore._not_in_posts("platform", arguments[0], self.platforms)
        elif name not in FIGURES_PER_PLATFORM and arguments:
            error = WorkbookError(Message("imports.report.figure_no_platform", name=repr(name),
                                          arguments=", ".join(map(repr, arguments))))
        if error is not None:
            raise WorkbookError(self.tr.message(error.args[0]))

    def figure_note(self, name: str, *arguments) -> str | None:
        """The sentence shown instead of figure `name` when it has nothing to draw (platforms whose exports
        report no reach, rankings that cannot be compared); None when the figure is drawn. A figure the
        report does not draw is an error (check_figure). A report without posts draws none, and shows nothing
        in their place: each section's opening says there is no post to measure (no_posts_sentence). Nor does
        a report in which no platform's rankings could be compared, for the scatter, the quadrant and the rank
        shifts it cannot draw: the section's opening has said why for each platform (agreement_sentence_for),
        and a sentence per figure would say it again."""
        self.check_figure(name, *arguments)
        if not self.has_posts:
            return ""
        tr = self.tr
        said = not any(self.rankings_compared(p) for p in self.platforms)
        if name == "reach_vs_interactions" and not self._drawable().any():
            return "" if said else tr.t("figure.scatter_none")
        if name == "quadrant" and self.quadrants.empty:
            return "" if said else tr.t("figure.quadrant_none")
        if name == "rank_shift" and not self.rankings_compared(arguments[0]):  # the section's opening says why
            return "" if said else tr.t("figure.rank_shift_none", platform=tr.platform(arguments[0]))
        if name == "rank_shift" and not self.top_n_telling(arguments[0]):
            overlap = self.overlaps[arguments[0]]
            key = f"figure.rank_shift_few{self._top_n_size_word(arguments[0])}"
            return tr.t(key, platform=tr.platform(arguments[0]), n=tr.number(overlap["n"]),
                        posts=tr.number(overlap["posts_compared"]), top=tr.number(self.top_n))
        if name == "formats":  # boxes side by side for two formats compared at least (X's exports give none)
            medians = self.formats[arguments[0]]["reach"]["medians"]
            if int(medians["tested"].sum()) < 2:
                return self.format_sentence(arguments[0])
        if name == "day_hour" and (self.day_hour.empty or self.day_hour["reporting"].sum() == 0):
            return self.timing_sentence()
        if name == "day_hour" and self.timing_too_short():  # an empty grid: no cell can be coloured
            return self.timing_short_sentence()
        return None

    def draw_figures_ahead(self) -> None:
        """Draw the report's figures with a second process's help, on a spare core (see drawing.py); none for a
        report without posts, which draws no figure."""
        if self.ahead is None and self.has_posts:
            self.ahead = FiguresAhead({key: self._maker(key) for key in self.figure_plan()})

    def _maker(self, key: tuple):
        name, *arguments = key
        method = getattr(self, f"figure_{name}")
        return lambda: method(*arguments)

    def figure_html(self, name: str, *arguments):
        """Figure `figure_<name>(*arguments)` as an embedded image with its alt text, ready to show: taken
        from the drawing ahead when it was started, drawn now otherwise."""
        key = (name, *arguments)
        note = self.figure_note(name, *arguments)
        if note is not None:
            return display.finding(note)
        if self.ahead is not None and key in self.ahead.position:
            png, alt = self.ahead.take(key)
        else:
            png, alt = draw(self._maker(key))
        return display.image(png, alt)

    def scatter_title(self) -> str:
        """The scatter's title: the shape the elasticities show, with each platform's slope and interval (each
        account's, for a platform whose posts come from several: elasticity_accounts)."""
        tr = self.tr
        fits = {p: self.elasticity[p] for p in self.platforms}
        # a platform whose posts come from several accounts counts each account's fit, never the pooled one
        # (compare.elasticity_by_account): as its summary sentence does
        units = {}
        for p in self.platforms:
            if p in self.elasticity_accounts:
                units.update({(p, tr.t("finding.elasticity_account_platform", platform=tr.platform(p), account=a)): f
                              for a, f in self.elasticity_accounts[p].items() if elasticity_shown(f)})
            elif elasticity_shown(fits[p]):
                units[(p, tr.platform(p))] = fits[p]
        slopes = "; ".join(f"{name} " + tr.interval(f["slope"], f["ci_low"], f["ci_high"])
                           for (_, name), f in units.items())
        # the title states a shape only when every platform's (or account's) interval shows the same one
        shape = shared_shape(units.values())
        fitted = {p for p, _ in units}
        title = (tr.t(f"figure.scatter_title_{shape}", slopes=slopes, **self.words(among=fitted)) if units
                 else tr.t("figure.scatter_title_plain", **self.words(among=self._scattered())))
        with_both = self._with_both()
        left_out = int(with_both.sum()) - int(self._drawable().sum())
        if left_out:  # posts with 0 interactions (or 0 reach) have no place on log axes: say how many
            title += tr.t("figure.scatter_left_out", count=tr.number(left_out), posts=tr.number(int(with_both.sum())),
                          **self.words(among=self.posts.loc[with_both, "platform"]))
        # a platform drawn without a trend line for too few posts or too few interactions says why, as its
        # agreement table cell does
        unfitted = [tr.t(f"figure.scatter_unfitted_{fits[p]['unfitted']}", **self._few_values(p))
                    if fits[p]["unfitted"] in ("few_interactions", "few_reach_values")
                    else tr.t("figure.scatter_unfitted_too_few", platform=tr.platform(p), few=tr.number(fits[p]["n"]),
                              minimum=tr.number(fits[p]["minimum"]))
                    for p in self._scattered()
                    if fits[p].get("unfitted") in ("too_few", "few_interactions", "few_reach_values")]
        if unfitted:
            title += tr.t("figure.scatter_unfitted", platforms="; ".join(unfitted))
        return title

    def _with_both(self) -> pd.Series:
        """The posts reporting a broadcast count and interactions, as the scatter's title, its alt text and the
        agreement sentence count them (drawn or not: a 0 has no place on log axes, _drawable)."""
        return self.posts["broadcast"].notna() & self.posts["interactions"].notna()

    def _drawable(self) -> pd.Series:
        """The posts the scatter can place on its log axes: a broadcast count and interactions above 0."""
        return (self.posts["broadcast"].gt(0) & self.posts["interactions"].gt(0)).fillna(False).astype(bool)

    def _scattered(self) -> list[str]:
        """The platforms with posts in the scatter."""
        return sorted(self.posts.loc[self._drawable(), "platform"].unique())

    def figure_reach_vs_interactions(self):
        """The scatter of each post's broadcast count against its interactions, and its alt text: what the figure
        shows, then its title's words (scatter_title), as every figure's alt text ends with its title."""
        tr = self.tr
        title = self.scatter_title()
        # a trend line only where the elasticity is shown, and never one across accounts (scatter_title)
        fits = {p: self.elasticity[p] for p in self.platforms
                if elasticity_shown(self.elasticity[p]) and p not in self.elasticity_accounts}
        # a platform of several accounts: each account apart, with its own line where its elasticity is shown
        apart = {p: {a: f if elasticity_shown(f) else {} for a, f in accounts.items()}
                 for p, accounts in self.elasticity_accounts.items() if p in self.platforms}
        fig = plots.reach_vs_interactions(self.posts, title, fits, tr, x="broadcast",
                                          x_labels={p: self.labels(p)["x"] for p in self.platforms}, account_fits=apart)
        # the posts drawn, of those reporting both counts that the title and the agreement sentence count
        drawn = int(self._drawable().sum())
        counted = int(self._with_both().sum())
        words = self.words(among=self._scattered())
        alt = (tr.t("figure.scatter_alt", posts=tr.number(drawn), **words) if drawn == counted else
               tr.t("figure.scatter_alt_left_out", drawn=tr.number(drawn), posts=tr.number(counted),
                    count=tr.number(counted - drawn), **words))
        lines = [tr.platform(p) for p in fits] + [
            tr.t("finding.elasticity_account_platform", platform=tr.platform(p), account=a)
            for p, accounts in apart.items() for a, f in accounts.items() if f]
        if lines:
            alt += tr.t("figure.scatter_alt_trend", platforms=tr.join(lines))
        return fig, alt + " " + title

    def figure_quadrant(self):
        tr = self.tr
        fig = plots.quadrant(self.quadrants, self.quadrant_sentence(), tr,
                             labels={p: self.labels(p) for p in self.platforms})
        logged = [p for p, rates in self.quadrants.groupby("platform")["rate"] if plots.rate_axis_is_log(rates)]
        alt = tr.t("figure.quadrant_alt", **self.words(among=self.quadrants["platform"]))
        if logged:  # the rates of these platforms span too far for a linear axis (plots.rate_axis_is_log)
            alt += tr.t("figure.quadrant_alt_log", platforms=tr.join(tr.platform(p) for p in sorted(logged)))
        return fig, alt + " " + self.quadrant_sentence()

    def figure_rank_shift(self, platform: str):
        tr = self.tr
        finding = self._finding_overlap(platform)
        sentence = finding.text if finding else tr.platform(platform)
        overlap = self.overlaps[platform]
        # the posts the title counts: the top by the broadcast count, less any tied across the N-th place
        shown = overlap["top_a"]
        fig = plots.rank_shift(self.ranks, platform, self.top_n, sentence, tr, self.accent_colour,
                               ranked_by=self.ranked_by(platform), kept=set(overlap["both"]), shown=shown,
                               sizes=(overlap["size_a"], overlap["size_b"]))
        alt = tr.t("figure.rank_alt", n=tr.number(len(shown)), platform=tr.platform(platform),
                   by=self.ranked_by(platform)) + " " + sentence
        return fig, alt

    def figure_formats(self, platform: str):
        tr = self.tr
        sentence = self.format_sentence(platform)
        mine, labels = self.posts[self.posts["platform"] == platform], self.labels(platform)
        fig = plots.formats_under_both_lenses(mine, sentence, tr, x="broadcast", rate="engagement_rate_by_broadcast",
                                              labels=labels)
        # the posts left out of a panel, as the note below the panels names them
        left_out = plots.formats_left_out(mine, tr, "broadcast", "engagement_rate_by_broadcast", labels)
        alt = tr.t("figure.formats_alt", platform=tr.platform(platform), **self.words(platform))
        return fig, " ".join(part for part in (alt, left_out, sentence) if part)

    def figure_day_hour(self):
        tr = self.tr
        fig = plots.day_hour_heatmap(self.day_hour, self.timing_sentence(), tr,
                                     labels={p: self.labels(p) for p in self.platforms},
                                     months=self.month_dated_platforms(), zone=str(self.period_start.tz))
        mapped = self.day_hour.loc[self.day_hour["reporting"] > 0, "platform"]  # the platforms with a panel
        alt = tr.t("figure.timing_alt" if mapped.nunique() > 1 else "figure.timing_alt_one", **self.words(among=mapped))
        cells = plots.coloured_cells(self.day_hour)
        for platform in sorted(set(mapped)):  # panel by panel, as drawn: the values the colours show
            alt += plots.heat_cells_alt(cells[cells["platform"] == platform], platform, tr)
        return fig, alt + " " + self.timing_sentence()


def _period_bounds(start: str, end: str, timezone: str) -> tuple[pd.Timestamp, pd.Timestamp]:
    """[start, end + 1 day) in the client's time zone (periods.day_bounds), checked to be in order."""
    first, last = periods.day_bounds(start, end, timezone)
    if last <= first:
        raise WorkbookError(Message("imports.report.period_reversed", start=str(start), end=str(end)))
    return first, last


def build_report(*, client: str, client_name: str, exports, timezone: str, period_start: str,
                 period_end: str, comparison_start: str | None = None, comparison_end: str | None = None,
                 top_n: int = 10, language: str = "en", currency: str | None = None, brand_name: str = "",
                 accent_colour: str = "#0072B2", logo: str = "", benchmark_industry: str = "all industries",
                 year: int | None = None, draw_ahead: bool = False, read_by_others=()) -> Report:
    """Load the client's exports, keep the period, and compute both lenses and where they disagree.

    `exports`: paths and glob patterns, and entries {files: ..., mapping: ...} read through a column mapping
    (importers.export_entries), as the roster gives them. Files that may be exports in the client's own folders
    (those of the files its patterns read), read by none of them, are named in Data coverage
    (sources.left_out_exports), except
    `read_by_others`: the files the roster gives other clients (the renderer passes them), which a folder
    shared by clients holds.

    `draw_ahead`: start drawing the figures in a second process at once (the renderer asks for it when a
    core is spare; see drawing.py)."""
    language = language_code(language) or language  # 'ID' or 'Indonesian' in the parameters cell: read as meant
    check_report_parameters(timezone=timezone, period_start=period_start, period_end=period_end,
                            comparison_start=comparison_start, comparison_end=comparison_end, top_n=top_n,
                            language=language, currency=currency, accent_colour=accent_colour, logo=logo,
                            benchmark_industry=benchmark_industry, year=year)
    period_start, period_end, comparison_start, comparison_end = _days_as_text(
        period_start, period_end, comparison_start, comparison_end)
    use_language(language)  # errors raised from here on (a bad file, say) speak the report's language
    options = {"year": year} if year is not None else {}
    files, mapped = export_entries(exports)
    try:
        loaded = load_client(files, client=client, timezone=timezone, mapped=mapped, **options)
    except ExportFormatError as error:  # a file no family reads, or dates without a year: said for the roster
        raise pattern_advice(advice_for(error, "roster"), exports) from None
    return _report_of_loaded(
        loaded, client=client, client_name=client_name, timezone=timezone, period_start=period_start,
        period_end=period_end, comparison_start=comparison_start, comparison_end=comparison_end, top_n=top_n,
        language=language, currency=currency, brand_name=brand_name, accent_colour=accent_colour, logo=logo,
        benchmark_industry=benchmark_industry, draw_ahead=draw_ahead,
        left_out=left_out_exports(export_patterns(exports), files, read_by_others))


def _days_as_text(*days) -> tuple:
    """The period's and the comparison's days, checked (check_report_parameters), written YYYY-MM-DD as the
    report shows them, whether given as text or as dates (periods.day_text); a comparison not given stays so."""
    return tuple(periods.day_text(day) if day else day for day in days)


#: The report's parameters as explore.report_view names its arguments (asked_by="explore").
_EXPLORE_NAMES = {"period_start": "start", "period_end": "end"}


def check_report_parameters(*, timezone, period_start, period_end, comparison_start, comparison_end, top_n, language,
                            currency, accent_colour, logo, benchmark_industry, year, asked_by: str = "report") -> None:
    """Every problem with the report notebook's parameters, at once and each by its parameter's name, before
    any file is read: the notebook run by papermill or in JupyterLab gets the checks the roster gives the
    renderer (clients.py), where a text for a number, a 13th month or an unknown time zone would otherwise
    stop it with a Python error. Shown in the report's language (English when that is not known).
    `asked_by="explore"`: the problems are said of explore.report_view's arguments (start=, end=), not of
    the parameters cell."""
    from .clients import COLOUR, benchmark_industries, currencies, currency_hint, logo_problem
    from .i18n import LANGUAGES
    from .paths import resolve

    names = _EXPLORE_NAMES if asked_by == "explore" else {}

    problems = []
    if not isinstance(language, str) or language not in LANGUAGES:
        problems.append(Message("imports.report.parameter.language", value=repr(language),
                                choices=", ".join(LANGUAGES)))
    if isinstance(top_n, bool) or not isinstance(top_n, (int, np.integer)) or top_n < 1:
        problems.append(Message("imports.report.parameter.top_n", value=repr(top_n)))
    dates = {}
    for name, value in (("period_start", period_start), ("period_end", period_end),
                        ("comparison_start", comparison_start), ("comparison_end", comparison_end)):
        if name.startswith("comparison") and not value:
            continue
        try:  # YYYY-MM-DD, a date or a datetime at midnight without a zone: whole days, as select_posts takes
            dates[name] = periods.iso_day(value)
        except periods.NotAWholeDay:
            problems.append(periods.not_whole_day(names.get(name, name), value, timezone, asked_by))
        except ValueError:
            problems.append(Message("imports.report.parameter.date", name=names.get(name, name), value=repr(value),
                                    hint=periods.date_hint(value)))
    if bool(comparison_start) != bool(comparison_end):
        problems.append(Message("imports.report.parameter.comparison_pair"))
    if {"period_start", "period_end"} <= set(dates) and dates["period_end"] < dates["period_start"]:
        problems.append(Message("imports.report.period_reversed", start=str(period_start), end=str(period_end)))
    if {"comparison_start", "comparison_end", "period_start"} <= set(dates):
        if dates["comparison_end"] < dates["comparison_start"]:
            problems.append(Message("imports.report.period_reversed", start=str(comparison_start),
                                    end=str(comparison_end)))
        elif dates["comparison_end"] >= dates["period_start"]:
            problems.append(Message("imports.report.parameter.comparison_not_before", start=str(comparison_start),
                                    end=str(comparison_end), period_start=str(period_start)))
    try:
        ZoneInfo(str(timezone))
    except (ZoneInfoNotFoundError, ValueError):
        problems.append(Message("imports.report.parameter.timezone", value=repr(timezone),
                                hint=periods.timezone_hint(timezone)))
    if currency is not None and not (isinstance(currency, str) and currency.upper() in currencies()):  # the roster's
        # 'rupiah' or 'Rp': probably 'IDR'; 'dollar': which? (the roster's hint, in the report's language)
        hint = currency_hint(currency, translator(language if isinstance(language, str) and language in LANGUAGES
                                                  else "en"))
        problems.append(Message("imports.report.parameter.currency", value=repr(currency), hint=hint))
    if not (isinstance(accent_colour, str) and COLOUR.match(accent_colour)):
        problems.append(Message("imports.report.parameter.colour", value=repr(accent_colour)))
    if logo:
        path = resolve(str(logo))
        why = "missing" if not path.is_file() else logo_problem(path)
        if why:  # not a file, not an image, too large, or an SVG with active content: said as such
            problems.append(Message(f"imports.report.parameter.logo_{why}", value=repr(logo)))
    if benchmark_industry not in benchmark_industries():
        problems.append(Message("imports.report.parameter.industry", value=repr(benchmark_industry),
                                known=", ".join(benchmark_industries())))
    if year is not None and not periods.is_plausible_year(year):
        problems.append(Message("imports.report.parameter.year", value=repr(year)))
    if problems:
        use_language(language if isinstance(language, str) and language in LANGUAGES else "en")
        raise WorkbookError(Message("imports.explore.report_view_problems" if asked_by == "explore"
                                    else "imports.report.parameter.problems", problems=problems))


def _report_periods(period_start: str, period_end: str, comparison_start: str | None, comparison_end: str | None,
                    timezone: str) -> tuple:
    """The period's and the comparison's bounds (_period_bounds), and the comparison's last day: by default
    the period before (the roster's rule: whole months, otherwise as many days)."""
    start, end = _period_bounds(period_start, period_end, timezone)
    if not (comparison_start and comparison_end):
        comparison_start, comparison_end = (day.isoformat() for day in periods.previous_period(
            pd.Timestamp(period_start).date(), pd.Timestamp(period_end).date()))
    previous_start, previous_end = _period_bounds(comparison_start, comparison_end, timezone)
    return start, end, previous_start, previous_end, comparison_end


def report_of_loaded(loaded: Loaded, *, client: str, client_name: str, timezone: str, period_start: str,
                     period_end: str, comparison_start: str | None = None, comparison_end: str | None = None,
                     top_n: int = 10, language: str = "en", currency: str | None = None, brand_name: str = "",
                     accent_colour: str = "#0072B2", logo: str = "", benchmark_industry: str = "all industries",
                     draw_ahead: bool = False, asked_by: str = "report") -> Report:
    """The report of one period of exports already loaded (sources.load_client): what build_report computes
    once the files are read, its parameters checked the same way. The explorer uses it to show the report's
    findings and figures for a folder. `asked_by` says who asks, and so in whose words a problem is put:
    "report" (the report notebook: its parameters cell, papermill's -p, the roster) or "explore"
    (explore.report_view: its start= and end= arguments, and the span of the loaded posts)."""
    language = language_code(language) or language
    check_report_parameters(timezone=timezone, period_start=period_start, period_end=period_end,
                            comparison_start=comparison_start, comparison_end=comparison_end, top_n=top_n,
                            language=language, currency=currency, accent_colour=accent_colour, logo=logo,
                            benchmark_industry=benchmark_industry, year=None, asked_by=asked_by)
    period_start, period_end, comparison_start, comparison_end = _days_as_text(
        period_start, period_end, comparison_start, comparison_end)
    return _report_of_loaded(
        loaded, client=client, client_name=client_name, timezone=timezone, period_start=period_start,
        period_end=period_end, comparison_start=comparison_start, comparison_end=comparison_end, top_n=top_n,
        language=language, currency=currency, brand_name=brand_name, accent_colour=accent_colour, logo=logo,
        benchmark_industry=benchmark_industry, draw_ahead=draw_ahead, asked_by=asked_by)


def _quiet_unseen(every: pd.DataFrame, reports, first, last, post_exports: bool = False) -> list[Message]:
    """Why a period without posts cannot be said quiet: each platform, or each account of a platform whose
    posts come from several (sources.several_accounts), whose post exports do not cover every day from `first`
    to `last`, with what they do cover (covered_days). An account's exports are the files holding its posts,
    and any of its platform's files holding none (a month exported without posts names no account); empty
    when every one is covered: the account published nothing then, which the report may say. `post_exports`:
    daily series or ad reports were read too, and the words say "post exports" (covered_days)."""
    several = several_accounts(every)
    platforms = sorted(set(every["platform"].dropna()) | {r.platform for r in reports if r.platform})
    unseen = []
    for platform in platforms:
        spans = export_periods(every, reports, platform)
        mine = every[every["platform"] == platform]
        files = mine["source_file"].astype(str) if "source_file" in mine else pd.Series("", index=mine.index)
        with_posts = set(files)
        postless = {file for file in spans if file not in with_posts}
        for account in several.get(platform, [None]):
            theirs = postless | set(files[mine["account"].astype(str) == account]) if account is not None else None
            held = spans if theirs is None else {file: span for file, span in spans.items() if file in theirs}
            runs, words = (covered_days(every, first, last, spans=held, post_exports=post_exports) if held
                           else ([], None))
            if runs != [(first, last)]:
                words = words or covered_days(every, first, last, reports=reports, platform=platform,
                                              post_exports=post_exports)[1]
                name = Message(f"platform.{platform}")
                unseen.append(Message("imports.report.platform_covers", platform=name, covers=words) if account is None
                              else Message("imports.report.account_covers", platform=name, account=account,
                                           covers=words))
    return unseen


def _report_of_loaded(loaded: Loaded, *, client: str, client_name: str, timezone: str, period_start: str,
                      period_end: str, comparison_start: str | None, comparison_end: str | None, top_n: int,
                      language: str, currency: str | None, brand_name: str, accent_colour: str, logo: str,
                      benchmark_industry: str, draw_ahead: bool, asked_by: str = "report",
                      left_out=()) -> Report:
    """report_of_loaded once its parameters are known to be good (build_report checks them before reading);
    `left_out`: see Report.left_out."""
    tr = use_language(language)
    start, end, previous_start, previous_end, comparison_end = _report_periods(
        period_start, period_end, comparison_start, comparison_end, timezone)
    imported, daily, every = loaded.imported, loaded.daily, loaded.posts
    paid_delivery, paid_outside, paid_same = paid_in_period(loaded.paid, loaded.sources.paid_reports, period_start,
                                                            period_end)
    inside, cut = periods.within(every, start, end)
    before, cut_before = periods.within(every, previous_start, previous_end)
    posts, previous = every[inside], every[before]
    month_notes = []
    if (cut | cut_before).any():
        months = sorted({f"{when:%Y-%m}" for when in every.loc[cut | cut_before, "published_at"]})
        month_notes.append(Message("coverage.month_cut", count=int((cut | cut_before).sum()), months=", ".join(months)))
    side_files = [("daily", r) for r in loaded.sources.daily_reports] + [("paid", r) for r in loaded.sources.paid_reports]
    if posts.empty:
        said = {"client": str(client_name), "start": str(period_start), "end": str(period_end), "count": len(every)}
        first_day, last_day = periods.iso_day(period_start), periods.iso_day(period_end)
        # exports that cover none of these days, or an account that published nothing in days they cover; with
        # daily series or ad reports beside them, "no post export": those may cover the days
        covered, covers = covered_days(every, first_day, last_day, reports=imported.reports,
                                       post_exports=bool(side_files))
        # a period only daily series or ad reports cover stays an error: the lenses are measured on posts, and
        # the short report of a period without posts says the account published nothing, which no post export
        # of these days shows (_quiet_unseen)
        side = listed(side_files_covering(side_files, first_day, last_day)) if not covered else ""
        if every.empty and asked_by == "explore" and not covered:  # no posts to give the span of
            raise WorkbookError(Message("imports.report.no_posts", **said))
        if asked_by == "explore" and not covered:  # said of report_view's arguments and the posts' span
            first, last = explore.span(every)  # a post dated to its month: all of it
            raise WorkbookError(Message("imports.explore.report_no_posts_side" if side else
                                        "imports.explore.report_no_posts", covers=covers, first=first, last=last,
                                        side=side, **said))
        if not covered:  # the wrong files, or a period outside their days: the roster or the exports need fixing
            raise WorkbookError(Message("imports.report.no_posts" if every.empty else "imports.report.no_posts_side"
                                        if side else "imports.report.no_posts_span", covers=covers, side=side, **said))
        # "published nothing" is a result only where it was looked for: every platform's exports cover every day
        # of the period; a platform whose exports cover part of it or none would be said quiet unseen
        unseen = _quiet_unseen(every, imported.reports, first_day, last_day, post_exports=bool(side_files))
        if unseen:
            raise WorkbookError(Message("imports.explore.report_quiet_unseen" if asked_by == "explore"
                                        else "imports.report.quiet_unseen", platforms=unseen, **said))
        # the exports cover the period and the account published nothing then: a result the client is sent, as
        # a short report (Report.has_posts), not an error
    report = Report(
        client=client, client_name=client_name, brand_name=brand_name or client_name, accent_colour=accent_colour,
        logo=logo, currency=str(currency or DEFAULT_CURRENCY).upper(), currency_set=currency is not None, tr=tr, period_start=start, comparison_start=previous_start,
        period_end=periods.day_bounds(period_end, None, timezone)[0],  # the last day's start
        comparison_end=periods.day_bounds(comparison_end, None, timezone)[0], top_n=int(top_n),
        benchmark_industry=benchmark_industry, imported=imported, daily=daily, posts=posts, previous=previous,
        outside_period=int((~inside & ~before & ~cut & ~cut_before).sum()), paid_delivery=paid_delivery,
        paid_outside=paid_outside, paid_same=paid_same,
        other_notes=(month_notes + loaded.sources.daily_notes + file_drops(loaded.sources.paid_reports)
                     + file_warnings(loaded.sources.paid_reports) + unread_notes(loaded.sources)),
        side_files=side_files, left_out=left_out_of_periods(list(left_out), [  # files of other days: no posts missing
            (periods.iso_day(period_start), periods.iso_day(period_end)),
            (previous_start.date(), periods.iso_day(comparison_end))]),
        **analyse(posts, previous, int(top_n), benchmark_industry, imported.interaction_components()),
    )
    if draw_ahead:
        report.draw_figures_ahead()
    return report


#: The metrics the Ads Manager sentence quotes, with the paid_in_period column each comes from: Definitions
#: words them for ad delivery (metric.<name>.ads_formula, ads_source, ads_caveat).
PAID_DEFINED = (("impressions", "impressions"), ("reach", "reported total reach"), ("frequency", "frequency"),
                ("cpm", "CPM"), ("cost_per_reached_person", "cost per reached person"))
#: Those of them that need the unique accounts reached over the rows quoted.
PAID_REACH_BASED = ("reach", "frequency", "cost_per_reached_person")


class PaidInPeriod(NamedTuple):
    """What paid_in_period gives: the summary per client and currency, the reports outside the period, and
    of reports describing the same delivery on some days, which one is quoted for them (paid.OneDelivery)."""

    summary: pd.DataFrame
    outside: list
    same: list


def paid_in_period(paid: pd.DataFrame | None, reports: list, period_start: str, period_end: str) -> PaidInPeriod:
    """The Ads Manager delivery of the period, per client and currency: paid_summary over the rows whose dates
    lie within it, of one report per stretch of days (paid.one_per_delivery: two reports of the same account
    are never added up over the same days; a report's days no other covers are kept). Beside it: the days those
    rows cover ('first day', 'last day'); the rows that run past the period's start or end, left out whole since
    a row cannot be split by day ('rows across', 'impressions across', 'spend across', 'spans across'); and
    where the data of the account's reports touching the period, quoted or left out for days another covers,
    start after the period starts or end before it ends ('data start', 'data end'). And the reports none of
    whose rows touches the period."""
    if paid is None or paid.empty:
        return PaidInPeriod(pd.DataFrame(), [], [])
    start, end = pd.Timestamp(period_start), pd.Timestamp(period_end)
    touches = ((paid["period_start"] <= end) & (paid["period_end"] >= start)).fillna(False).astype(bool)
    inside = touches & ((paid["period_start"] >= start) & (paid["period_end"] <= end)).fillna(False).astype(bool)
    read, touching = set(paid["source_file"]), set(paid.loc[touches, "source_file"])
    outside = [r for r in reports if str(r.path) in read - touching]
    if not touches.any():
        return PaidInPeriod(pd.DataFrame(), outside, [])
    rows, same = one_per_delivery(paid[touches], reports, days_from=paid[inside])
    within = inside.loc[rows.index]
    keys = ["client", "currency"]
    grouping = rows[keys].astype(object).fillna("(none)")
    extras = []
    for values, group in rows.groupby([grouping[k] for k in keys], sort=True):
        kept, across = group[within.loc[group.index]], group[~within.loc[group.index]]
        files = set(group["source_file"])  # and the reports left out for days these ones are quoted for
        files |= {str(r.path) for one in same if str(one.quoted.path) in files for r in one.left_out}
        every = paid[paid["source_file"].isin(files)]
        first, last = every["period_start"].min(), every["period_end"].max()
        extras.append({
            **dict(zip(keys, values)),
            "first day": kept["period_start"].min() if len(kept) else pd.NaT,
            "last day": kept["period_end"].max() if len(kept) else pd.NaT,
            "rows across": len(across),
            "impressions across": int(across["impressions"].sum()) if across["impressions"].notna().any() else pd.NA,
            "spend across": float(across["spend"].sum()) if across["spend"].notna().any() else pd.NA,
            "spans across": sorted(set(zip(across["period_start"], across["period_end"]))),
            "data start": first if first > start else pd.NaT,
            "data end": last if last < end else pd.NaT,
            "accounts": sorted(set(group["account"].dropna().astype(str)) - {""}) if "account" in group else [],
        })
    kept_rows = rows[within]
    summary = paid_summary(kept_rows, reports)
    summary = pd.DataFrame(extras).merge(summary, on=keys, how="left")
    summary["rows"] = summary["rows"].fillna(0).astype("Int64")
    return PaidInPeriod(summary, outside, same)


def analyse(posts: pd.DataFrame, previous: pd.DataFrame, top_n: int = 10,
            benchmark_industry: str = "all industries", carried: dict | None = None) -> dict:
    """Every comparison of the report on posts with per-post metrics (see metrics.post_metrics). `carried`:
    the interaction components each source file carries (ImportResult.interaction_components), for the
    benchmarks' own counts of interactions.

    Vectorised throughout; the costly steps are bounded (the elasticity's bins, order-statistic intervals for
    large groups), so this runs on one post and on a million.
    """
    posts = compare.with_broadcast(posts)  # afresh: the measure follows the posts given
    broadcast = {"x": "broadcast", "rate": "engagement_rate_by_broadcast"}  # reach, or impressions or views
    # the lens tables are the period's platforms': one quiet in it is told by its quiet finding
    # (comparison_figures), not by rows of the period's NaN beside the comparison period's figures
    compared = previous[previous["platform"].isin(posts["platform"].unique())]
    results = {
        "kpis": metrics.period_change(posts, compared, min_posts=MIN_CHANGE_POSTS),
        "organic_kpis": metrics.organic_change(posts, compared, min_posts=MIN_CHANGE_POSTS),
        "quadrants": compare._quadrants(posts, **broadcast),
        "day_hour": compare.day_hour(posts, broadcast["rate"]),
        "slot_tests": compare.slot_test(posts, broadcast["rate"], plots.MIN_CELL_DAYS),
        "paid": compare._paid_vs_organic(posts, PAID_MIN_POSTS, **broadcast),
        "benchmarks": compare_with_benchmarks(posts, benchmark_industry, carried=carried),
        "overlaps": {}, "elasticity": {}, "elasticity_accounts": {}, "formats": {}, "measures": {},
    }
    changes, ranks = [], []
    broken = metrics.series_breaks(posts, previous)
    for platform in sorted(posts["platform"].unique()):
        mine = posts[posts["platform"] == platform]
        before_mine = previous[previous["platform"] == platform]
        # the rankings compare reach with interactions; a platform whose exports report no reach is ranked
        # by impressions (or views) instead, and says so wherever a ranking is shown
        measure = results["measures"][platform] = mine["broadcast_measure"].iloc[0]
        ranks.append(compare._rank_table(mine, measure, "interactions").rename(
            columns={measure: "broadcast", f"rank by {measure}": "rank by broadcast",
                     f"last rank by {measure}": "last rank by broadcast"}))
        results["overlaps"][platform] = compare._top_n_overlap(mine, top_n, measure, "interactions")
        # a platform counting nothing broadcast: no fit, which the report says in words (not an error)
        results["elasticity"][platform] = compare.elasticity_fit(mine, 0.95, x="broadcast")
        if accounts := compare.elasticity_by_account(mine, 0.95, x="broadcast"):  # pooled, a slope neither has
            results["elasticity_accounts"][platform] = accounts
        results["formats"][platform] = {"reach": compare.compare_groups(mine, "format", "broadcast"),
                                        "rate": compare.compare_groups(mine, "format", broadcast["rate"])}
        for name in CHANGE_WITH_INTERVAL:
            if (min(mine[name].notna().sum(), before_mine[name].notna().sum()) < MIN_CHANGE_POSTS
                    or (platform in broken and name in metrics.IMPRESSION_BASED)):
                # too few posts reporting the rate in either period (as period_change's minimum), or
                # impressions then and views now: no change
                result = median_difference_interval([], [])
            else:
                result = median_difference_interval(mine[name], before_mine[name])
            changes.append({"platform": platform, "kpi": name, **result})
    results["rate_changes"] = pd.DataFrame(changes, columns=["platform", "kpi", "difference", "ci_low", "ci_high",
                                                             "n_a", "n_b", "median_a", "median_b"])
    results["agreement"] = compare.rank_agreement_by_broadcast(posts)
    results["ranks"] = pd.concat(ranks) if ranks else pd.DataFrame(
        columns=["platform", "broadcast", "interactions", "rank by broadcast", "last rank by broadcast",
                 "rank by interactions", "last rank by interactions", "top order"])
    return results
