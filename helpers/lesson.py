"""The trainers' lesson "reach vs engagement": a simulation of two strategies, the demo clients seen through
both lenses, exercises whose checks do not give the answer away, and three pitfalls.

notebooks/lesson_reach_vs_engagement.ipynb only calls these functions and shows what they return. Every text a
learner reads comes from the language catalogue (helpers/locales/<language>/lesson.yml; metric names and
formulas from report.yml), so the lesson runs the same in English and Bahasa Indonesia.
"""
from __future__ import annotations

import ast
import difflib
import html
import linecache
import math
import os
import re
import traceback
import warnings
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from IPython import get_ipython
from IPython.display import Markdown

from . import demo
from .benchmarks import load_benchmarks
from .compare import (STRENGTH_LIMITS, STRENGTH_TOP, clear_leader, compare_groups, elasticity, rank_agreement,
                      top_n_overlap)
from .errors import ExportFormatError, WorkbookError, explain_in_notebooks
from .i18n import LANGUAGES, Message, Translator, language_code, use_language
from .importers import load_exports
from .metrics import INTERACTION_COMPONENTS, UNKNOWN_GROUP, engagement_rate_by_reach, post_metrics
from .paths import DEMO_DIR, display_path
from .plots import (PALETTE, apply_style, axis_label, fig_title, formats_under_both_lenses, localise_numbers,
                    new_figure, wrap_title)
from .quality import META_VIEWS_SWITCH
from .report import elasticity_class, elasticity_shown, interval_strength, shared_estimates
from .slides import DECK_WORDING
from .statistics import MIN_INTERVAL_VALUES, ratio_of_sums_change_interval

# --------------------------------------------------------------------------------------------- set-up

#: The demo businesses of data/demo/ (display name, time zone of their exports), as helpers/demo.py writes them.
#: The lesson reads them directly rather than through data/clients.yml, which is the consultant's roster and may
#: list real clients.
DEMO_CLIENTS = {client.id: (client.name, client.timezone) for client in demo.DEMO_CLIENTS}
#: Date on which Meta replaced impressions with views (METRICS.md, "Series breaks").
VIEWS_SWITCH = META_VIEWS_SWITCH.date()


class LessonParameterError(WorkbookError, ValueError):
    """A lesson parameter it cannot take; shown in a notebook as its sentence alone, not as a traceback."""


#: A paid_boost above this is warned about: paid reach over five times the organic reach is rarely meant.
PAID_BOOST_WARNING = 5


def setup(language: str = "en", *, audience_size=20_000, conversation_share=0.5, paid_boost=0.2,
          posts_per_strategy=40, seed=7, show_solutions=False) -> Translator:
    """The Translator of the lesson's language, after checking the notebook's parameters.

    A wrong value stops the lesson with a sentence in the learner's language (in English and Indonesian when
    the language itself is unknown) saying what is expected. The language is its code or its name, in any
    case ('id', 'ID', 'Indonesian', 'Bahasa Indonesia'). A paid_boost above PAID_BOOST_WARNING is allowed but warned
    about: it is most likely a percentage (20 for 20%) where a fraction (0.2) is expected. In a notebook, a
    typical slip in an exercise cell is then explained in the same language (explain_mistake), and an answer
    cell that stops with an error is remembered, for its check to say so (watch_answer_cells).
    """
    code = language_code(language)  # 'ID', 'Indonesian' or 'bahasa' are read as meant
    if code is None:  # said in both languages: the learner's is not known
        raise LessonParameterError("\n".join(Translator(known).t("lesson.parameter.language", choices=", ".join(LANGUAGES),
                                                                  value=repr(language)) for known in LANGUAGES))
    tr = use_language(code)  # the workbook's own errors (a missing demo export) speak the lesson's language
    if isinstance(audience_size, bool) or not isinstance(audience_size, int) or audience_size < 100:
        raise LessonParameterError(tr.t("lesson.parameter.audience_size", value=repr(audience_size)))
    if not _is_number(conversation_share) or not 0 <= conversation_share <= 1:
        raise LessonParameterError(tr.t("lesson.parameter.conversation_share", value=repr(conversation_share)))
    if not _is_number(paid_boost) or paid_boost < 0:
        raise LessonParameterError(tr.t("lesson.parameter.paid_boost", value=repr(paid_boost)))
    if paid_boost > PAID_BOOST_WARNING:
        warnings.warn(tr.t("lesson.parameter.paid_boost_large", value=repr(paid_boost)), UserWarning, stacklevel=2)
    if isinstance(posts_per_strategy, bool) or not isinstance(posts_per_strategy, int) \
            or not 2 <= posts_per_strategy <= 10_000:
        raise LessonParameterError(tr.t("lesson.parameter.posts_per_strategy", value=repr(posts_per_strategy)))
    if isinstance(seed, bool) or not isinstance(seed, int) or seed < 0:
        raise LessonParameterError(tr.t("lesson.parameter.seed", value=repr(seed)))
    if not isinstance(show_solutions, bool):  # papermill's `-p show_solutions false` passes the text 'false'
        raise LessonParameterError(tr.t("lesson.parameter.show_solutions", value=repr(show_solutions)))
    explain_in_notebooks("lesson", (KeyError, IndexError, NameError, AttributeError, ValueError, TypeError),
                         lambda error, tb, namespace: explain_mistake(error, tb, namespace, tr))
    watch_answer_cells()
    check_demo_exports()
    _SET_UP.append(code)
    return tr


def _demo_exports(client: str | None = None) -> list:
    """(client, channel, path) of each export helpers/demo.py writes under DEMO_DIR, of one client or all."""
    return [entry for entry in demo.demo_exports(DEMO_DIR) if client in (None, entry[0].id)]


def check_demo_exports(client: str | None = None) -> None:
    """Stop the lesson when an export of the demo (of one client, or of all) is missing or empty: its figures,
    findings and exercises are worked out on the demo as helpers/demo.py writes it, and without a file they
    would quietly describe other posts (a platform gone from a figure, a finding gone). Checked at set-up, so
    that the lesson stops at its first cell; the number of posts each file holds is checked once it is read
    (_demo_posts)."""
    missing = [path for _, _, path in _demo_exports(client) if not path.is_file() or path.stat().st_size == 0]
    if missing:
        raise WorkbookError(Message("lesson.demo_files.missing", files=", ".join(map(display_path, missing)),
                                    folder=display_path(DEMO_DIR)))


def _is_number(value) -> bool:
    return isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, bool) \
        and math.isfinite(value)


def slide(title: str, *paragraphs: str, level: int = 2, deck: tuple[str, ...] | None = None) -> Markdown:
    """A heading and its paragraphs, as Markdown (catalogue texts, trusted; numbers already formatted).
    `deck`: the paragraphs the slides show under the heading instead, where the notebook's speak of what only
    the notebook has (its checks, the posts to compute on); carried in the output's metadata, which
    helpers.slides shows in their place (DECK_WORDING)."""
    def markdown(texts) -> str:
        return "\n\n".join([f"{'#' * level} {title}", *[p for p in texts if p]])

    return Markdown(markdown(paragraphs), metadata=None if deck is None else {DECK_WORDING: markdown(deck)})


def title_slide(tr: Translator) -> Markdown:
    """The lesson's title and contents: the exercises come with checks in the notebook, not on the slides."""
    def contents(key: str) -> str:
        return tr.t("lesson.contents", exercises=tr.t(key))

    return slide(tr.t("lesson.title"), tr.t("lesson.subtitle"), contents("lesson.contents_exercises"), level=1,
                 deck=(tr.t("lesson.subtitle"), contents("lesson.contents_exercises_deck")))


def exercises_slide(tr: Translator) -> Markdown:
    """The exercises' opening: in the notebook, each comes with a check; on the slides, they are worked out on
    paper or in the notebook, where the checks are."""
    return slide(tr.t("lesson.exercises.title"), tr.t("lesson.exercises.body"),
                 deck=(tr.t("lesson.exercises.body_deck"),))


def text(*paragraphs: str) -> Markdown:
    """Paragraphs of catalogue Markdown."""
    return Markdown("\n\n".join(p for p in paragraphs if p))


# --------------------------------------------------------------------------------------------- part 1
#: The metrics whose formulas part 1 shows, per lens (names of metrics.DEFINITIONS).
LENS_METRICS = (
    ("broadcast", ("reach", "impressions", "frequency", "reach_rate", "cpm")),
    ("engagement", ("interactions", "engagement_rate_by_reach", "engagement_rate_by_impressions",
                    "engagement_rate_by_followers", "conversation_rate", "amplification_rate", "applause_rate",
                    "minutes_per_1000_reached")),
)


def two_views_table(tr: Translator) -> pd.DataFrame:
    """The broadcast view against the social view: audience, flow of the message, success, what is counted."""
    rows = [
        (tr.t("lesson.views.audience"), tr.t("lesson.views.audience_broadcast"), tr.t("lesson.views.audience_social")),
        (tr.t("lesson.views.flow"), tr.t("lesson.views.flow_broadcast"), tr.t("lesson.views.flow_social")),
        (tr.t("lesson.views.success"), tr.t("lesson.views.success_broadcast"), tr.t("lesson.views.success_social")),
        (tr.t("lesson.views.counted"), tr.t("lesson.views.counted_broadcast"), tr.t("lesson.views.counted_social")),
    ]
    return pd.DataFrame(rows, columns=[tr.t("lesson.views.question"), tr.t("lesson.views.broadcast"),
                                       tr.t("lesson.views.social")])


def formulas_table(tr: Translator) -> pd.DataFrame:
    """Each lens's metrics with the formula of the workbook's definitions (catalogue keys metric.<name>.*)."""
    rows = []
    for lens, names in LENS_METRICS:
        lens_title = tr.t("lens.broadcast_title") if lens == "broadcast" else tr.t("lens.engagement_title")
        rows += [(lens_title, tr.metric(name), tr.t(f"metric.{name}.formula")) for name in names]
    return pd.DataFrame(rows, columns=[tr.t("lesson.formulas.lens"), tr.t("lesson.formulas.metric"),
                                       tr.t("lesson.formulas.formula")])


# --------------------------------------------------------------------------------------------- part 2
STRATEGIES = ("broadcast", "conversation")
#: Share of followers an organic post reaches (Ogilvy, February 2014: 6.15% for brand pages).
ORGANIC_REACH_RATE = 0.06
#: Spread of organic reach between posts (sigma of a log-normal factor with mean 1).
ORGANIC_REACH_SPREAD = 0.3
#: Chance that an account reached organically interacts, by kind of post.
INTERACTION_PROBABILITY = {"announcement": 0.02, "conversation": 0.08}
#: Chance that a stranger reached through paid boosting interacts.
PAID_INTERACTION_PROBABILITY = 0.005
#: Accounts that see a post because a friend shared it, per share, and their chance to interact.
REACH_PER_SHARE = 40
REFERRAL_INTERACTION_PROBABILITY = 0.03
#: How interactions split into reactions, comments and shares, by kind of post.
COMPONENT_MIX = {"announcement": (0.85, 0.05, 0.10), "conversation": (0.50, 0.35, 0.15)}
#: Average times a reached account sees the post, by source of reach (paid delivery repeats the ad).
FREQUENCY_BY_SOURCE = {"organic": 1.15, "paid": 1.9, "referral": 1.1}


def simulate(audience_size: int = 20_000, conversation_share: float = 0.5, paid_boost: float = 0.2,
             posts_per_strategy: int = 40, seed: int = 7) -> pd.DataFrame:
    """Posts of two strategies for one page, one row per post, drawn at once with numpy (seeded).

    broadcast: announcements only, each boosted with paid reach = paid_boost × its organic reach.
    conversation: no paid reach; a share `conversation_share` of the posts invite conversation, rounded to
    whole posts (conversation_post_count).
    Organic reach is binomial over the followers; interactions are binomial over the accounts reached, split
    into reactions, comments and shares; each share shows the post to about REACH_PER_SHARE friends (one step:
    shares by friends are counted but not followed further). Paid, organic and referral audiences are taken
    as distinct accounts.
    """
    rng = np.random.default_rng(seed)
    n = posts_per_strategy
    strategy = np.repeat(np.array(STRATEGIES), n)
    conversation_posts = np.zeros(2 * n, dtype=bool)
    conversation_posts[n + rng.permutation(n)[: conversation_post_count(conversation_share, n)]] = True
    boosted = strategy == "broadcast"

    sigma = ORGANIC_REACH_SPREAD
    reach_rate = np.clip(ORGANIC_REACH_RATE * rng.lognormal(-sigma ** 2 / 2, sigma, 2 * n), 0, 1)
    organic = rng.binomial(audience_size, reach_rate)
    paid = np.where(boosted, rng.poisson(paid_boost * organic), 0)

    probability = np.where(conversation_posts, INTERACTION_PROBABILITY["conversation"],
                           INTERACTION_PROBABILITY["announcement"])
    mix = np.where(conversation_posts[:, None], COMPONENT_MIX["conversation"], COMPONENT_MIX["announcement"])
    own = rng.binomial(organic, probability) + rng.binomial(paid, PAID_INTERACTION_PROBABILITY)
    components = rng.multinomial(own, mix)
    referral = rng.poisson(components[:, 2] * REACH_PER_SHARE)
    components += rng.multinomial(rng.binomial(referral, REFERRAL_INTERACTION_PROBABILITY), mix)

    impressions = sum(reach + rng.poisson(reach * (FREQUENCY_BY_SOURCE[source] - 1))
                      for source, reach in (("organic", organic), ("paid", paid), ("referral", referral)))
    return pd.DataFrame({
        "strategy": strategy, "post": np.tile(np.arange(1, n + 1), 2),
        "kind": np.where(conversation_posts, "conversation", "announcement"),
        "organic_reach": organic, "paid_reach": paid, "referral_reach": referral,
        "reach": organic + paid + referral, "impressions": impressions,
        "reactions": components[:, 0], "comments": components[:, 1], "shares": components[:, 2],
        "interactions": components.sum(axis=1),
    })


def conversation_post_count(conversation_share: float, posts_per_strategy: int) -> int:
    """How many of the conversation strategy's posts invite conversation: the share of its posts rounded to a
    whole number of posts (Python's round, half to even: 0.5 of 5 posts is 2, of 7 posts 4), as simulate draws
    them and simulation_intro says them."""
    return round(conversation_share * posts_per_strategy)


def simulation_intro(tr: Translator, audience_size: int, conversation_share: float, paid_boost: float,
                     posts_per_strategy: int) -> str:
    """The two strategies described with the parameters of this run; the conversation strategy by the posts
    simulated ("2 of its 5 posts"), not by the share asked for, which whole posts can only approach, and in
    words of their own when none or all of its posts invite conversation."""
    count = conversation_post_count(conversation_share, posts_per_strategy)
    key = ("lesson.sim.conversation_none" if count == 0 else "lesson.sim.conversation_all"
           if count == posts_per_strategy else "lesson.sim.conversation_some")
    conversation = tr.t(key, posts=tr.number(posts_per_strategy), conversation=tr.number(count),
                        announcements=tr.number(posts_per_strategy - count))
    return tr.t("lesson.sim.body" if paid_boost > 0 else "lesson.sim.body_no_boost", posts=tr.number(posts_per_strategy),
                audience=tr.number(audience_size), boost=tr.percent(paid_boost, 0), conversation_strategy=conversation)


def try_parameters(tr: Translator) -> str:
    """What a learner may change in the parameters cell, and what each change shows: the strategies, another
    draw of the posts (`seed`: does the conclusion hold?), fewer posts (`posts_per_strategy`: the intervals
    widen, and vanish below statistics.MIN_INTERVAL_VALUES)."""
    return tr.t("lesson.sim.try_parameters", minimum=tr.number(MIN_INTERVAL_VALUES))


def interval_note(tr: Translator, posts_per_strategy: int) -> str:
    """How to read the comparison's 95% intervals, or, below the fewest posts an interval can come from
    (statistics.MIN_INTERVAL_VALUES, as strategy_ratios computes them), that the comparison has none and why."""
    if posts_per_strategy < MIN_INTERVAL_VALUES:
        return tr.t("lesson.sim.interval_note_few", posts=tr.number(posts_per_strategy),
                    minimum=tr.number(MIN_INTERVAL_VALUES))
    return tr.t("lesson.sim.interval_note", posts=tr.number(posts_per_strategy))


def simulation_caption(tr: Translator, audience_size: int, posts_per_strategy: int) -> str:
    return tr.t("lesson.sim.caption", posts=tr.number(posts_per_strategy), audience=tr.number(audience_size))


def summarise_simulation(posts: pd.DataFrame) -> pd.DataFrame:
    """Both lenses per strategy (one column each): totals, frequency and rates as ratios of sums."""
    sums = posts.groupby("strategy")[["organic_reach", "paid_reach", "referral_reach", "reach", "impressions",
                                      "reactions", "comments", "shares", "interactions"]].sum()
    counts = posts.groupby("strategy").size()
    out = pd.DataFrame({
        "posts": counts,
        "summed_reach": sums["reach"],
        "paid_share": sums["paid_reach"] / sums["reach"],
        "referral_reach": sums["referral_reach"],
        "impressions": sums["impressions"],
        "frequency": sums["impressions"] / sums["reach"],
        "interactions": sums["interactions"],
        "engagement_rate_by_reach": sums["interactions"] / sums["reach"],
        "conversation_rate": sums["comments"] / counts,
        "amplification_rate": sums["shares"] / counts,
    })
    return out.reindex(list(STRATEGIES)).T


def simulation_table(summary: pd.DataFrame, tr: Translator) -> pd.DataFrame:
    """The summary as a table to show: one row per measure, its lens, one column per strategy."""
    broadcast, engagement = tr.t("lens.broadcast_title"), tr.t("lens.engagement_title")
    rows = [
        ("posts", tr.metric("posts"), "", tr.number),
        ("summed_reach", tr.metric("summed_reach"), broadcast, tr.number),
        ("paid_share", tr.t("lesson.sim.paid_share"), broadcast, tr.percent),
        ("referral_reach", tr.t("lesson.sim.referral_reach"), broadcast, tr.number),
        ("impressions", tr.metric("impressions"), broadcast, tr.number),
        ("frequency", tr.metric("frequency"), broadcast, lambda v: tr.number(v, 2)),
        ("interactions", tr.metric("interactions"), engagement, tr.number),
        ("engagement_rate_by_reach", tr.t("lesson.sim.rate_of_sums"), engagement, tr.percent),
        ("conversation_rate", tr.metric("conversation_rate"), engagement, lambda v: tr.number(v, 1)),
        ("amplification_rate", tr.metric("amplification_rate"), engagement, lambda v: tr.number(v, 1)),
    ]
    return pd.DataFrame(
        [(label, lens, show(summary.loc[name, "broadcast"]), show(summary.loc[name, "conversation"]))
         for name, label, lens, show in rows],
        columns=[tr.t("lesson.sim.measure"), tr.t("lesson.sim.lens"), tr.t("lesson.sim.broadcast"),
                 tr.t("lesson.sim.conversation")])


#: Within this factor of each other, two strategies count as alike under a lens, whatever the interval says.
ALIKE = 1.1


def strategy_ratios(posts: pd.DataFrame) -> dict:
    """Conversation strategy ÷ broadcast strategy, each with its 95% interval over the posts drawn
    (statistics.ratio_of_sums_change_interval, posts resampled within each strategy): 'reach', the ratio
    of summed reach (of mean reach per post: the strategies publish as many posts), 'impressions' and
    'interactions', the same for impressions and interactions, and 'rate', the ratio of engagement rates by
    reach (Σ interactions ÷ Σ reach). Each is
    (ratio, low, high); no interval (NaN) below MIN_INTERVAL_VALUES posts per strategy (interval_note)."""
    conversation = posts[posts["strategy"] == "conversation"]
    broadcast = posts[posts["strategy"] == "broadcast"]
    out = {}
    for name, (num_c, den_c, num_b, den_b) in {
            "reach": (conversation["reach"], np.ones(len(conversation)), broadcast["reach"], np.ones(len(broadcast))),
            "impressions": (conversation["impressions"], np.ones(len(conversation)), broadcast["impressions"],
                            np.ones(len(broadcast))),
            "interactions": (conversation["interactions"], np.ones(len(conversation)), broadcast["interactions"],
                             np.ones(len(broadcast))),
            "rate": (conversation["interactions"], conversation["reach"], broadcast["interactions"],
                     broadcast["reach"])}.items():
        change = ratio_of_sums_change_interval(num_c, den_c, num_b, den_b)
        out[name] = tuple(1 + change[key] for key in ("relative_change", "relative_ci_low", "relative_ci_high"))
    return out


def _verdict(ratio: tuple) -> str:
    """Which strategy a strategy_ratios entry puts ahead: 'broadcast' or 'conversation' when the ratio is
    beyond ALIKE either way and its interval leaves out 1; otherwise why no strategy is ahead: 'unknown'
    (too few posts for an interval), 'chance' (the interval holds 1 and the ratio is within ALIKE: alike, as
    far as the posts show), 'undecided' (the interval holds 1, but the ratio is beyond ALIKE: a gap that may
    be large, yet cannot be told from chance; not "alike") or 'close' (beyond chance, yet within ALIKE: a
    real but small gap)."""
    value, low, high = ratio
    alike = 1 / ALIKE <= value <= ALIKE
    if not (np.isfinite(value) and np.isfinite(low)):
        return "unknown"
    if low <= 1 <= high:
        return "chance" if alike else "undecided"
    if alike:
        return "close"
    return "conversation" if value > 1 else "broadcast"


def _inverse(ratio: tuple) -> tuple:
    """A strategy_ratios entry the other way round: broadcast ÷ conversation."""
    value, low, high = ratio
    return 1 / value, (1 / high if high else np.inf), (1 / low if low else np.inf)


def _ratio_interval(tr: Translator, ratio: tuple) -> str:
    """'95% CI 0.84 to 1.21 times', or why there is none; its bounds as _ratio_estimates writes them."""
    value, low, high = ratio
    if not np.isfinite(low):
        return tr.t("lesson.sim.no_interval")
    _, low_text, high_text = _ratio_estimates(tr, ratio)
    if np.isposinf(high):  # the other strategy's sum is 0 in many resamples
        return tr.t("lesson.sim.interval_open", low=low_text)
    return tr.t("lesson.sim.interval", low=low_text, high=high_text)


def _ratio_estimates(tr: Translator, ratio: tuple) -> tuple[str, str, str]:
    """A strategy_ratios entry (ratio, low, high) written as a reader compares them: all three with the same
    decimals, two below a ratio of 10 and none from 10 on, so that a ratio of 1.06 does not read 1.1 beside an
    interval of 0.96 to 1.16; more where a number would read as 1 while the interval leaves 1 out, the ratio of
    equal strategies (report.shared_estimates read against 1: a bound of 1.004 beside "beyond chance")."""
    value = ratio[0]
    decimals = 2 if np.isfinite(value) and abs(value) < 10 else 0
    return shared_estimates(tr, *ratio, decimals=decimals, reference=1.0)


def simulation_takeaway(posts: pd.DataFrame, tr: Translator) -> str:
    """Two sentences computed from the simulated posts: what the broadcast lens says, then the engagement
    lens; a strategy wins under a lens only beyond chance (strategy_ratios)."""
    summary = summarise_simulation(posts)
    ratios = strategy_ratios(posts)
    b, c = summary["broadcast"], summary["conversation"]
    reach_verdict = _verdict(ratios["reach"])
    low, high = sorted((b["summed_reach"], c["summed_reach"]))
    reach_values = {"broadcast": tr.number(b["summed_reach"]), "conversation": tr.number(c["summed_reach"]),
                    "interval": _ratio_interval(tr, ratios["reach"]), "posts": tr.number(int(b["posts"]))}
    if reach_verdict in ("chance", "undecided", "close", "unknown"):  # no winner: impressions are quoted beside it
        first = " ".join([
            tr.t(f"lesson.sim.reach_{reach_verdict}", **_gap(tr, ratios["reach"]), **reach_values),
            tr.t(f"lesson.sim.impressions_{_verdict(ratios['impressions'])}", **_gap(tr, ratios["impressions"]),
                 interval=_ratio_interval(tr, ratios["impressions"]), impressions_broadcast=tr.number(b["impressions"]),
                 impressions_conversation=tr.number(c["impressions"]))])
    else:  # the winner's ratio (broadcast ÷ conversation when the broadcast strategy wins), its interval turned too
        won = _inverse(ratios["reach"]) if reach_verdict == "broadcast" else ratios["reach"]
        reach_values["interval"] = _ratio_interval(tr, won)
        first = tr.t(f"lesson.sim.reach_{reach_verdict}", ratio=_ratio_estimates(tr, won)[0] if low else "∞",
                     **reach_values)
    # both ratios are estimates over the posts drawn: each with its interval, written with the same decimals
    values = {"interactions_ratio": (_ratio_estimates(tr, ratios["interactions"])[0]
                                     if np.isfinite(ratios["interactions"][0]) else tr.t("common.na")),
              "interactions_interval": _ratio_interval(tr, ratios["interactions"]),
              "interactions_conversation": tr.number(c["interactions"]),
              "interactions_broadcast": tr.number(b["interactions"]),
              "rate_conversation": tr.percent(c["engagement_rate_by_reach"], 1),
              "rate_broadcast": tr.percent(b["engagement_rate_by_reach"], 1),
              "rate_ratio": (_ratio_estimates(tr, ratios["rate"])[0] if np.isfinite(ratios["rate"][0])
                             else tr.t("common.na")),
              "interval": _ratio_interval(tr, ratios["rate"]),
              "comments_conversation": tr.number(c["conversation_rate"], 1),
              "comments_broadcast": tr.number(b["conversation_rate"], 1)}
    engagement_verdict = _verdict(ratios["rate"])
    if engagement_verdict == "broadcast":  # said as the broadcast strategy's rate ÷ the conversation strategy's
        rate = _inverse(ratios["rate"])
        values.update(rate_ratio=_ratio_estimates(tr, rate)[0], interval=_ratio_interval(tr, rate))
    if not (c["interactions"] and b["interactions"]):  # a rate of 0: no ratio, hence no interval (not few posts)
        none = "both" if not (c["interactions"] or b["interactions"]) else \
            "broadcast" if not b["interactions"] else "conversation"
        second = tr.t(f"lesson.sim.engagement_none_{none}", **values)
    elif engagement_verdict == "conversation":
        # the rate is won beyond chance; the summed interactions' gap, more or fewer, is said as a gap only
        # where its own interval leaves 1 out (no interval: no gap said either)
        low, high = ratios["interactions"][1:]
        more = c["interactions"] >= b["interactions"]
        beyond = np.isfinite(low) and np.isfinite(high) and (low > 1 if more else high < 1)
        key = {(True, True): "conversation", (True, False): "conversation_chance",
               (False, True): "mixed", (False, False): "mixed_chance"}[more, beyond]
        second = tr.t(f"lesson.sim.engagement_{key}", **values)
    elif engagement_verdict == "broadcast":
        second = tr.t("lesson.sim.engagement_broadcast", **values)
    else:  # no winner, and why: alike, a gap chance could give, a small gap, or too few posts to tell
        second = tr.t(f"lesson.sim.engagement_{engagement_verdict}", **values)
    return f"{first} {second}"


def _gap(tr: Translator, ratio: tuple) -> dict:
    """A strategy_ratios entry as its texts quote it, in the direction of its interval (conversation ÷
    broadcast): 'ratio' as _ratio_estimates writes it, and 'difference', how far it lies from 1 as a percentage
    (a decimal when below 10%): 0.90 is 10% apart, as its interval is read."""
    value = ratio[0]
    if not np.isfinite(value):
        return {"ratio": tr.t("common.na"), "difference": tr.t("common.na")}
    difference = abs(value - 1)
    return {"ratio": _ratio_estimates(tr, ratio)[0],
            "difference": tr.percent(difference, 1 if difference < 0.1 else 0)}


def _times(tr: Translator, ratio: float) -> str:
    """A multiple as the texts write it (tr.times: one decimal), with two decimals where one would read 1.0:
    0.95 times the interactions is fewer, and "1.0" beside "fewer" or "beyond chance" would contradict it."""
    return tr.number(ratio, 2) if round(ratio, 1) == 1 else tr.times(ratio)


#: How each part of the simulation figure's stacked bars is drawn: (colour, hatch), one meaning per colour
#: across both panels (colour-blind-safe PALETTE); neighbouring parts differ in lightness and hatching, so
#: they stay apart in greyscale too. Unpaid reach in blues, paid reach in orange.
SIMULATION_PARTS = {
    "organic_reach": (PALETTE[0], ""), "paid_reach": (PALETTE[1], "//"), "referral_reach": (PALETTE[9], ".."),
    "reactions": (PALETTE[2], ""), "comments": (PALETTE[8], "\\\\"), "shares": (PALETTE[4], "xx"),
}


#: Font size of the simulation figure's legends: read from the back of a room when the lesson is projected.
LEGEND_FONTSIZE = 10


def simulation_figure(posts: pd.DataFrame, tr: Translator) -> tuple[plt.Figure, str]:
    """Left: summed reach per strategy by source; right: interactions by component. With its alt text.

    Each legend lists the parts top to bottom, as they are stacked (SIMULATION_PARTS gives their colours)."""
    apply_style()
    sums = posts.groupby("strategy")[list(SIMULATION_PARTS)].sum().reindex(list(STRATEGIES))
    names = [tr.t("lesson.sim.broadcast"), tr.t("lesson.sim.conversation")]
    fig, (left, right) = new_figure(1, 2, figsize=(9.5, 5.2))
    panels = (
        (left, [("organic_reach", tr.t("lesson.sim.source_organic")), ("paid_reach", tr.t("lesson.sim.source_paid")),
                ("referral_reach", tr.t("lesson.sim.source_referral"))],
         tr.t("lesson.sim.axis_reach"), tr.t("lens.broadcast_title"), tr.t("lesson.sim.legend_source")),
        (right, [("reactions", tr.metric("reactions")), ("comments", tr.metric("comments")),
                 ("shares", tr.metric("shares"))],
         tr.t("lesson.sim.axis_interactions"), tr.t("lens.engagement_title"), tr.t("lesson.sim.legend_component")),
    )
    for ax, parts, ylabel, title, legend in panels:
        bottom = np.zeros(len(STRATEGIES))
        for column, label in parts:  # bottom to top
            values = sums[column].to_numpy(float)
            colour, hatch = SIMULATION_PARTS[column]
            ax.bar(names, values, bottom=bottom, color=colour, hatch=hatch, hatchcolor="0.25", label=label,
                   width=0.6)
            bottom += values
        ax.set_ylabel(axis_label(ylabel, 40))  # a long Indonesian label would run into the title
        ax.set_title(title, loc="left", fontsize=10)
        handles, labels = ax.get_legend_handles_labels()
        ax.legend(handles[::-1], labels[::-1], title=legend, frameon=False, fontsize=LEGEND_FONTSIZE,
                  title_fontsize=LEGEND_FONTSIZE,
                  loc="upper center", bbox_to_anchor=(0.5, -0.1), ncol=1,  # top of the legend: top of the bars
                  handlelength=2.4, handleheight=1.2)  # swatches large enough to show their hatching
    localise_numbers(fig, tr)
    reach = sums[["organic_reach", "paid_reach", "referral_reach"]].sum(axis=1)
    interactions = sums[["reactions", "comments", "shares"]].sum(axis=1)
    fig_title(fig, simulation_figure_title(tr, reach, interactions, strategy_ratios(posts)))
    return fig, tr.t("lesson.sim.figure_alt")


def simulation_figure_title(tr: Translator, reach: pd.Series, interactions: pd.Series, ratios: dict) -> str:
    """The simulation figure's title from each strategy's summed reach and interactions, each ratio in the
    direction of the takeaway's sentence that states it, so that both show the same number: the reach
    broadcast ÷ conversation only where the broadcast strategy wins on reach ("17 times as much", never
    "0.1 times" for 0.06), conversation ÷ broadcast otherwise; the interactions always conversation ÷
    broadcast, as every engagement sentence gives them. Each ratio is worded by its own interval
    (_figure_title_part); a total of 0 gives no ratio, and a title without one. `ratios`: strategy_ratios,
    conversation ÷ broadcast."""
    if not (reach.all() and interactions.all()):
        return tr.t("lesson.sim.figure_title_plain")
    broadcast = _verdict(ratios["reach"]) == "broadcast"
    return tr.t("lesson.sim.figure_title_broadcast" if broadcast else "lesson.sim.figure_title",
                reach=_figure_title_part(tr, "reach", _inverse(ratios["reach"]) if broadcast else ratios["reach"]),
                interactions=_figure_title_part(tr, "interactions", ratios["interactions"]))


def _figure_title_part(tr: Translator, measure: str, ratio: tuple) -> str:
    """One ratio of the figure's title ('reach' or 'interactions'), written as _ratio_estimates writes it:
    "about the same" only where the whole interval lies within ALIKE of 1 (an interval of 0.48 to 2.27 holds
    gaps of twice either way, not "about as many"), "within chance" where the interval holds 1 otherwise, the
    plain multiple where the gap is beyond chance or cannot be judged (too few posts for an interval)."""
    value, low, high = ratio
    alike = np.isfinite(low) and np.isfinite(high) and 1 / ALIKE <= low and high <= ALIKE
    shown = "alike" if alike else "chance" if np.isfinite(low) and low <= 1 <= high else "times"
    return tr.t(f"lesson.sim.figure_{measure}_{shown}", ratio=_ratio_estimates(tr, ratio)[0])


# --------------------------------------------------------------------------------------------- part 3
#: The demo channel part 3 shows in detail (exercise 4 asks about the other client).
SHOWCASE = ("kopi-senja", "instagram")
#: Formats with fewer posts than this are left out of the format comparison (a median of two says little).
MIN_POSTS_PER_FORMAT = 3


@lru_cache(maxsize=None)
def _demo_posts(client: str) -> pd.DataFrame:
    """A demo client's posts, read from the files helpers/demo.py writes for it (no other file of its folder),
    each holding the posts the demo writes into it: a file cut short or added to would change what the lesson
    says without a word (check_demo_exports). A file that cannot be read (a copy cut off mid-row) is no
    download to fetch again: the lesson says how to restore it."""
    _, timezone = DEMO_CLIENTS[client]
    check_demo_exports(client)
    exports = _demo_exports(client)
    try:
        posts = load_exports([str(path) for _, _, path in exports], client=client, timezone=timezone)
    except ExportFormatError as error:
        where = {"row": str(error.row)} if error.row is not None else {}
        raise WorkbookError(Message("lesson.demo_files.unreadable_row" if where else "lesson.demo_files.unreadable",
                                    file=display_path(error.path), problem=error.problem, **where)) from error
    read = posts["source_file"].map(lambda name: Path(name).name).value_counts()
    for _, channel, path in exports:
        if read.get(path.name, 0) != channel.posts:
            raise WorkbookError(Message("lesson.demo_files.changed", file=display_path(path),
                                        found=int(read.get(path.name, 0)), expected=channel.posts))
    return post_metrics(posts)


def demo_posts(client: str) -> pd.DataFrame:
    """A demo client's canonical post table with every per-post metric (a fresh copy to explore freely)."""
    if client not in DEMO_CLIENTS:
        raise ValueError(f"unknown demo client {client!r}; the demo clients are {', '.join(DEMO_CLIENTS)}")
    return _demo_posts(client).copy()


def demo_intro(tr: Translator) -> str:
    """Which demo businesses part 3 looks at, and the period their posts cover."""
    posts = pd.concat([_demo_posts(c) for c in DEMO_CLIENTS])
    names = [name for name, _ in DEMO_CLIENTS.values()]
    return tr.t("lesson.demo.body", clients=_listing(tr, names), start=tr.date(posts["published_at"].min()),
                end=tr.date(posts["published_at"].max()))


def _listing(tr: Translator, names: list[str]) -> str:
    """'A', 'A and B', 'A, B and C' with the language's conjunction."""
    if len(names) < 2:
        return "".join(names)
    return f"{', '.join(names[:-1])} {tr.t('lesson.demo.conjunction')} {names[-1]}"


def format_comparisons(posts: pd.DataFrame, min_posts: int = MIN_POSTS_PER_FORMAT) -> dict[str, dict]:
    """Per platform, its formats compared under both lenses (compare.compare_groups: medians with 95%
    intervals, Holm-adjusted Mann–Whitney tests): {'reach': ..., 'rate': ...}.

    Over the posts reporting both reach and engagement rate by reach, so each format's two medians describe
    the same posts; formats with fewer than `min_posts` such posts are left out.
    """
    frame = posts.assign(format=posts["format"].fillna(UNKNOWN_GROUP), reach=posts["reach"].astype("Float64"),
                         engagement_rate_by_reach=engagement_rate_by_reach(posts))
    frame = frame[frame["reach"].notna() & frame["engagement_rate_by_reach"].notna()]
    frame = frame[frame.groupby(["platform", "format"])["platform"].transform("size") >= min_posts]
    return {platform: {"reach": compare_groups(group, "format", "reach", min_posts),
                       "rate": compare_groups(group, "format", "engagement_rate_by_reach", min_posts)}
            for platform, group in frame.groupby("platform")}


def format_medians(posts: pd.DataFrame, min_posts: int = MIN_POSTS_PER_FORMAT) -> pd.DataFrame:
    """Per platform and format: posts, median reach and median engagement rate by reach, each with its 95%
    interval (format_comparisons), by median reach within each platform."""
    rows = []
    for platform, lenses in format_comparisons(posts, min_posts).items():
        reach = lenses["reach"]["medians"].set_index("format")
        rate = lenses["rate"]["medians"].set_index("format")
        for name in reach.index:
            rows.append({"platform": platform, "format": name, "posts": int(reach.loc[name, "posts"]),
                         "median_reach": reach.loc[name, "median"], "reach_low": reach.loc[name, "ci_low"],
                         "reach_high": reach.loc[name, "ci_high"], "median_rate": rate.loc[name, "median"],
                         "rate_low": rate.loc[name, "ci_low"], "rate_high": rate.loc[name, "ci_high"]})
    columns = ["platform", "format", "posts", "median_reach", "reach_low", "reach_high", "median_rate", "rate_low",
               "rate_high"]
    table = pd.DataFrame(rows, columns=columns)
    return table.sort_values(["platform", "median_reach"], ascending=[True, False], ignore_index=True)


def format_winners(posts: pd.DataFrame) -> pd.DataFrame:
    """Per platform: the format with the highest median reach and the one with the highest median rate, and
    whether each is ahead of every other format beyond chance (compare.clear_leader)."""
    rows = []
    for platform, lenses in format_comparisons(posts).items():
        by_reach, by_rate = lenses["reach"]["medians"].iloc[0], lenses["rate"]["medians"].iloc[0]
        rows.append({"platform": platform, "reach_format": by_reach["format"], "reach": by_reach["median"],
                     "reach_clear": clear_leader(lenses["reach"]) == by_reach["format"],
                     "rate_format": by_rate["format"], "rate": by_rate["median"],
                     "rate_clear": clear_leader(lenses["rate"]) == by_rate["format"]})
    return pd.DataFrame(rows, columns=["platform", "reach_format", "reach", "reach_clear", "rate_format", "rate",
                                       "rate_clear"])


def formats_table(client: str, tr: Translator, platform: str | None = None) -> pd.DataFrame:
    """A demo client's formats under both lenses, medians with their 95% intervals, formatted for display;
    with `platform`, that platform's formats alone, in the alphabetical order of the names shown (format_medians
    orders them by median reach): 'foto, reel, tautan' in Indonesian, not the order of the English names."""
    medians = format_medians(_demo_posts(client))
    if platform is not None:
        medians = medians[medians["platform"] == platform].sort_values(
            "format", key=lambda names: names.map(tr.format_name).str.casefold(), ignore_index=True)

    def interval(value, low, high, show):
        if pd.isna(low) or pd.isna(high):  # too few posts for a 95% interval
            return show(value)
        return tr.t("common.interval", value=show(value), low=show(low), high=show(high))

    def percent(v):
        return tr.percent(v, 1)
    return pd.DataFrame({
        tr.t("lesson.demo.platform"): medians["platform"].map(tr.platform),
        tr.t("lesson.demo.format"): medians["format"].map(tr.format_name),
        tr.t("lesson.demo.posts"): medians["posts"].map(tr.number),
        tr.t("lesson.demo.median_reach"): [interval(*v, tr.number) for v in
                                           medians[["median_reach", "reach_low", "reach_high"]].itertuples(index=False)],
        tr.t("lesson.demo.median_rate"): [interval(*v, percent) for v in
                                          medians[["median_rate", "rate_low", "rate_high"]].itertuples(index=False)],
    })


def formats_caption(client: str, tr: Translator) -> str:
    return tr.t("lesson.demo.formats_caption", client=DEMO_CLIENTS[client][0], min_posts=MIN_POSTS_PER_FORMAT)


def formats_sentences(client: str, tr: Translator) -> list[str]:
    """Per platform of a demo client: which format wins under reach and which under engagement rate."""
    sentences = []
    for row in format_winners(_demo_posts(client)).itertuples():
        values = dict(client_possessive=tr.possessive(DEMO_CLIENTS[client][0]), platform=tr.platform(row.platform),
                      reach_format=tr.format_name(row.reach_format), reach=tr.number(row.reach),
                      rate_format=tr.format_name(row.rate_format), rate=tr.percent(row.rate, 1))
        sentence = tr.t("lesson.demo.formats_agree" if row.reach_format == row.rate_format
                        else "lesson.demo.formats_disagree", **values)
        # a highest median is a winner only when it is ahead of every other format beyond chance
        chance = ("lesson.demo.formats_clear" if row.reach_clear and row.rate_clear
                  else "lesson.demo.formats_reach_unclear" if row.rate_clear
                  else "lesson.demo.formats_rate_unclear" if row.reach_clear else "lesson.demo.formats_unclear")
        sentences.append(f"{sentence} {tr.t(chance, **values)}")
    return sentences


def formats_figure(client: str, platform: str, tr: Translator) -> tuple[plt.Figure, str]:
    """Box plots of reach and engagement rate by reach per format, for one demo channel, with alt text."""
    posts = _demo_posts(client)
    name = DEMO_CLIENTS[client][0]
    title = tr.t("lesson.demo.figure_title", client=name, platform=tr.platform(platform))
    fig = formats_under_both_lenses(posts[posts["platform"] == platform], title, tr)
    return fig, tr.t("lesson.demo.figure_alt", client_possessive=tr.possessive(name), platform=tr.platform(platform))


def agreement(top_n: int = 10) -> pd.DataFrame:
    """Per demo channel: Spearman ρ of reach with interactions and with engagement rate by reach (with
    95% intervals), the overlap of the top-n posts by reach and by interactions, and the elasticity of
    interactions on reach with its 95% interval (compare.elasticity, as the client report fits it; NaN where
    the report would not show it, report.elasticity_shown)."""
    rows = []
    for client in DEMO_CLIENTS:
        posts = _demo_posts(client)
        with_interactions = rank_agreement(posts)
        with_rate = rank_agreement(posts, y="engagement_rate_by_reach")
        for platform, group in posts.groupby("platform"):
            overlap = top_n_overlap(group, top_n)
            a, b = with_interactions.loc[platform], with_rate.loc[platform]
            fit = elasticity(group)
            shown = elasticity_shown(fit)
            rows.append({"client": client, "platform": platform, "posts": int(a["n"]),
                         "rho_interactions": a["rho"], "low_interactions": a["ci_low"],
                         "high_interactions": a["ci_high"], "rho_rate": b["rho"], "low_rate": b["ci_low"],
                         "high_rate": b["ci_high"], "overlap": overlap["overlap"], "n": overlap["n"],
                         "elasticity": fit["slope"] if shown else np.nan,
                         "elasticity_low": fit["ci_low"] if shown else np.nan,
                         "elasticity_high": fit["ci_high"] if shown else np.nan,
                         "elasticity_class": elasticity_class(fit) if shown else None})
    return pd.DataFrame(rows)


def agreement_table(tr: Translator, top_n: int = 10) -> pd.DataFrame:
    """agreement() formatted for display."""
    table = agreement(top_n)

    def interval(value, low, high):
        if pd.isna(value):
            return tr.t("common.na")
        return tr.interval(value, low, high)  # as the report writes an interval

    return pd.DataFrame({
        tr.t("lesson.demo.client"): table["client"].map(lambda c: DEMO_CLIENTS[c][0]),
        tr.t("lesson.demo.platform"): table["platform"].map(tr.platform),
        tr.t("lesson.demo.posts"): table["posts"].map(tr.number),
        tr.t("lesson.demo.rho_interactions"): [interval(*v) for v in table[
            ["rho_interactions", "low_interactions", "high_interactions"]].itertuples(index=False)],
        tr.t("lesson.demo.rho_rate"): [interval(*v) for v in table[["rho_rate", "low_rate", "high_rate"]].itertuples(
            index=False)],
        tr.t("lesson.demo.overlap", n=top_n): [tr.t("lesson.demo.overlap_value", overlap=tr.number(o), n=tr.number(n))
                                               for o, n in zip(table["overlap"], table["n"])],
        tr.t("lesson.demo.elasticity"): [interval(*v) for v in table[
            ["elasticity", "elasticity_low", "elasticity_high"]].itertuples(index=False)],
    })


#: Decimals of ρ as the lesson writes it, as the report does (compare.agreement_strength classes it so).
RHO_DECIMALS = 2


def agreement_body(tr: Translator) -> str:
    """What the agreement table measures, with the scale of strength words the client report uses, worded from
    compare.STRENGTH_LIMITS so that the lesson's scale cannot drift from the report's ("negligible below 0.1,
    weak below 0.3, ... and very strong from 0.8")."""
    steps = [tr.t("lesson.demo.strength_below", strength=tr.t(f"agreement.strength.{word}"),
                  limit=tr.number(limit, 1)) for word, limit in STRENGTH_LIMITS]
    steps.append(tr.t("lesson.demo.strength_from", strength=tr.t(f"agreement.strength.{STRENGTH_TOP}"),
                      limit=tr.number(STRENGTH_LIMITS[-1][1], 1)))
    return tr.t("lesson.demo.agreement_body", scale=tr.join(steps))


def agreement_sentence(tr: Translator, top_n: int = 10) -> str:
    """What the agreement table shows, short enough for its slide: the range of ρ over the demo channels under
    each pairing, and what it means: reach and interactions worded as the client report words one
    (report.interval_strength: the class of the 95% intervals' bound nearest 0, here over every channel's
    interval), how many of the top posts the two rankings share, then how interactions scale with reach
    (elasticity_sentence). What elasticity is, and ties at the n-th place, are the speaker's (agreement_notes)."""
    table = agreement(top_n)
    values = dict(low=_rho(tr, table["rho_interactions"].min()), high=_rho(tr, table["rho_interactions"].max()),
                  rate_low=_rho(tr, table["rho_rate"].min()), rate_high=_rho(tr, table["rho_rate"].max()))
    if (table["high_rate"] < 0).all() and (table["rho_interactions"] < 0.9).all() \
            and (table["low_interactions"] > 0).all():  # every interval above 0: a strength to name
        low, high = int(table["overlap"].min()), int(table["overlap"].max())
        overlap = tr.number(low) if low == high else tr.t("lesson.demo.span", low=tr.number(low), high=tr.number(high))
        bounds = [*table["low_interactions"], *table["high_interactions"]]
        first = tr.t("lesson.demo.agreement_opposed", strength=interval_strength(tr, *bounds),
                     nearest=_rho(tr, min(bounds)), overlap=overlap, n=tr.number(top_n), **values)
    else:
        first = tr.t("lesson.demo.agreement_mixed", **values)
    return "\n\n".join(p for p in (first, elasticity_sentence(tr, table)) if p)


def agreement_notes(tr: Translator, top_n: int = 10) -> str:
    """The reading of the agreement table that stays off its slide (the speaker's notes; in the notebook, text
    under it): what the elasticity column measures and how it is fitted, when a channel has one, and the
    posts that tie across the n-th place (tie_sentences)."""
    table = agreement(top_n)
    meaning = tr.t("lesson.demo.elasticity_meaning") if table["elasticity"].notna().any() else ""
    return " ".join(p for p in (meaning, *tie_sentences(tr, top_n)) if p)


def tie_sentences(tr: Translator, top_n: int = 10) -> list[str]:
    """Per demo channel and lens whose posts tie across the n-th place: the tie, the rule that leaves its
    posts out of the top n (compare.surely_in_top: nothing tells which of them belongs in it), so that the top
    n holds fewer than n posts, and the overlap a cut at exactly n posts would find instead, from its lowest
    to its highest as the tie is broken (`nlargest(n, …)` gives one of them); in words a non-programmer follows."""
    sentences = []
    for client in DEMO_CLIENTS:
        for platform, group in _demo_posts(client).groupby("platform"):
            found = top_n_overlap(group, top_n)
            n = found["n"]
            for lens, other in (("a", "b"), ("b", "a")):
                measure = found[lens]
                values = group[measure].astype("float64")[group[found["a"]].notna() & group[found["b"]].notna()]
                size = found[f"size_{lens}"]
                if size >= n or values.nlargest(n).iloc[-1] <= 0:  # no tie, or posts with none of the measure
                    continue
                value = values.nlargest(n).iloc[-1]
                tied = values.index[values == value]
                places = values.rank(ascending=False, method="min")[tied]
                kept = n - size  # of the tied posts, a cut at exactly n keeps this many
                in_other = len(tied.intersection(found[f"top_{other}"]))
                low = found["overlap"] + max(0, kept - (len(tied) - in_other))
                high = found["overlap"] + min(kept, in_other)
                key = "lesson.demo.overlap_tie" + ("_one" if found["overlap"] == 1 else "")  # "1 of which is"
                sentences.append(tr.t(
                    key, client_possessive=tr.possessive(DEMO_CLIENTS[client][0]),
                    platform=tr.platform(platform), count=tr.number(len(tied)), measure=tr.metric(measure),
                    other=tr.metric(found[other]), kept=tr.number(kept),
                    value=tr.number(value), first=tr.number(places.min()), last=tr.number(places.min() + len(tied) - 1),
                    n=tr.number(n), size=tr.number(size), overlap=tr.number(found["overlap"]),
                    cut=tr.number(low) if low == high else tr.t("lesson.demo.span", low=tr.number(low),
                                                                 high=tr.number(high))))
    return sentences


def _rho(tr: Translator, rho: float) -> str:
    return tr.number(rho, RHO_DECIMALS)


def elasticity_sentence(tr: Translator, table: pd.DataFrame) -> str:
    """What the agreement table's elasticity column says: the range of the slopes b of log(interactions) on
    log(reach), ten times the reach going with about 10^b times the interactions; that the rate falls as reach
    grows only when every channel's 95% interval lies below 1 (report.elasticity_class). Empty when no channel
    has one. What b is: agreement_notes."""
    fitted = table.dropna(subset=["elasticity"])
    if fitted.empty:
        return ""
    low, high = fitted["elasticity"].min(), fitted["elasticity"].max()
    values = dict(low=tr.number(low, 2), high=tr.number(high, 2), multiplier_low=tr.times(10 ** low),
                  multiplier_high=tr.times(10 ** high))
    below = fitted["elasticity_class"].isin(["below_one", "not_rising"]).all() and len(fitted) == len(table)
    return tr.t("lesson.demo.elasticity_below_one" if below else "lesson.demo.elasticity_other", **values)


# --------------------------------------------------------------------------------------------- part 4
#: Four posts of one account for exercises 1 and 2 (invented; interactions = the four components).
EXERCISE_POSTS = pd.DataFrame(
    {"format": ["reel", "photo", "carousel", "photo"],
     "reach": [12_000, 5_000, 4_000, 1_500], "impressions": [15_600, 6_100, 7_200, 1_650],
     "reactions": [180, 160, 210, 70], "comments": [12, 25, 48, 40], "shares": [20, 10, 30, 6],
     "saves": [8, 15, 52, 4]},
    index=pd.Index(["A", "B", "C", "D"], name="post"))
EXERCISES = ("frequency", "rates", "summed_reach", "formats", "benchmark")
#: The post of EXERCISE_POSTS that exercises 1 and 2 ask about.
EXERCISE_POST = {"frequency": "B", "rates": "C"}
#: The demo channel of exercise 4. Its answer is on screen nowhere: part 3 shows the other client only, and the
#: exercise's table lists this channel's formats without their medians (formats_exercise_table), which the
#: learner works out. (Part 3 names the same pair for the other client's Facebook: a guess, not this page's medians.)
FORMATS_EXERCISE = ("harbour-books", "facebook")
#: Exercise 5: Buffer's median by impressions against Rival IQ's median by followers of this edition.
BENCHMARK_EXERCISE = ("x", 2023)
SUMMED_REACH_CHOICES = ("a", "b", "c", "d")
#: Relative distance that sets how many decimals a numeric answer needs (_decimals_asked: a frequency of 1.22 as
#: 1.2, a rate of 4.72% as 0.047, 66 as a whole number); an answer is accepted as the right value or its
#: rounding to those decimals or more (_accepted), not anywhere within this distance. Slips (another post's
#: value, a percentage, a thousands dot) are still recognised within it.
TOLERANCE = {"frequency": 0.02, "rates": 0.02, "benchmark": 0.03}
#: Outside the tolerance but within this relative distance, a number is "close" (_near_miss).
CLOSE = 0.10
#: Most decimals _rounded_too_much tries: far more than any answer's tolerance needs.
MAX_DECIMALS = 12
#: The factors a percentage puts an answer off by (_percentage): 100 times the value asked for (122 for a
#: frequency of 1.22, 8.5 for a rate of 0.085); exercise 5 divides two rates, so one of them written as a
#: percentage puts the quotient off either way (100 times too large or too small).
PERCENT_FACTORS = {"frequency": (100,), "rates": (100,), "benchmark": (100, 1 / 100)}
#: The factors a number typed by hand puts an answer off by, either way (_off_by), and the advice each gets
#: (_exercise_text): 1,000 for a thousands dot (4.000 is 4.0 in Python) in every numeric exercise; in exercise 5,
#: whose rates are small fractions (0.035% is 0.00035), also 10, for a zero too many or too few.
TYPING_FACTORS = {"frequency": {1000: "thousands"}, "rates": {1000: "thousands"},
                  "benchmark": {1000: "thousands", 10: "tenfold"}}
#: A number written like text: '1,22', '1.22', '0,085', '66', '8,5%'.
NUMBER_TEXT = re.compile(r"\s*[-+]?\d*[.,]?\d+(?:[.,]\d+)*\s*%?\s*")


def exercise_posts() -> pd.DataFrame:
    """The posts of exercises 1 and 2 (a copy the learner may change)."""
    return EXERCISE_POSTS.copy()


def exercise_posts_table(tr: Translator) -> pd.DataFrame:
    """EXERCISE_POSTS with headings and numbers in the learner's language."""
    posts = EXERCISE_POSTS
    table = pd.DataFrame({tr.t("lesson.exercises.post"): posts.index,
                          tr.t("lesson.demo.format"): posts["format"].map(tr.format_name).to_numpy()})
    for column in ("reach", "impressions", "reactions", "comments", "shares", "saves"):
        table[tr.metric(column)] = posts[column].map(tr.number).to_numpy()
    return table


def benchmark_table() -> pd.DataFrame:
    """The published benchmarks (data/benchmarks.csv), for exercise 5 and pitfall 2."""
    return load_benchmarks()


def _benchmark_pair() -> tuple[float, float]:
    """(Buffer's median by impressions, Rival IQ's median by followers) for BENCHMARK_EXERCISE."""
    rows, asked = _benchmark_exercise_rows()
    return tuple(float(rows.loc[index, "value"]) for index in asked)


def _benchmark_exercise_rows() -> tuple[pd.DataFrame, list]:
    """The published rates (all industries) of BENCHMARK_EXERCISE's platform, and the indexes of the two rows the
    exercise asks about: Buffer's median by impressions, Rival IQ's median by followers of its edition."""
    platform, edition = BENCHMARK_EXERCISE
    rows = _benchmark_rows()
    rows = rows[rows["platform"] == platform]
    buffer = rows[rows["source"].str.startswith("Buffer") & (rows["denominator"] == "impressions")]
    rival = rows[rows["source"].str.startswith("Rival IQ") & (rows["edition"] == edition)
                 & (rows["denominator"] == "followers")]
    return rows, [buffer.index[0], rival.index[0]]


def exercise_name(name, language: str = "en") -> str:
    """The exercise called `name` (any case, spaces around ignored), or a ValueError in the lesson's
    language that lists the exercises."""
    key = name.strip().lower() if isinstance(name, str) else name
    if key not in EXERCISES:
        raise ValueError(Translator(language).t("lesson.check.unknown_exercise", got=repr(name),
                                                exercises=", ".join(EXERCISES)))
    return key


def expected_answer(exercise_id: str):
    """The right answer of an exercise, computed from the same data the learner sees."""
    exercise_id = exercise_name(exercise_id)
    if exercise_id in EXERCISE_POST:
        return _post_answer(exercise_id, EXERCISE_POST[exercise_id])
    if exercise_id == "summed_reach":
        return "b"
    if exercise_id == "formats":
        client, platform = FORMATS_EXERCISE
        winners = format_winners(_demo_posts(client)).set_index("platform").loc[platform]
        return winners["reach_format"], winners["rate_format"]
    if exercise_id == "benchmark":
        buffer, rival = _benchmark_pair()
        return buffer / rival
    raise AssertionError(exercise_id)  # every exercise is answered above


def _post_answer(exercise_id: str, post: str):
    """What exercise 1 (frequency) or 2 (rates by reach and by impressions) computes for one of EXERCISE_POSTS."""
    row = EXERCISE_POSTS.loc[post]
    if exercise_id == "frequency":
        return float(row["impressions"] / row["reach"])
    interactions = float(row[["reactions", "comments", "shares", "saves"]].sum())
    return interactions / row["reach"], interactions / row["impressions"]


def _other_post(exercise_id: str, answer) -> str | None:
    """The post, other than the one asked about, whose value(s) the answer gives (within TOLERANCE), or None:
    post A's frequency, 1.30, lies within CLOSE of post B's and would otherwise read as "rounded too much"."""
    tolerance = TOLERANCE[exercise_id]
    for post in EXERCISE_POSTS.index.drop(EXERCISE_POST[exercise_id]):
        values = _post_answer(exercise_id, post)
        pairs = zip(answer, values) if exercise_id == "rates" else [(answer, values)]
        if all(_close(a, v, tolerance) for a, v in pairs):
            return post
    return None


def solution_answer(exercise_id: str):
    """The answer as a learner would type it (numbers rounded as on paper); passes check()."""
    answer = expected_answer(exercise_id)
    if exercise_id == "rates":
        return tuple(round(v, 4) for v in answer)
    if isinstance(answer, float):
        return round(answer, 2)
    return answer


def exercise_data(exercise_id: str, language: str = "en"):
    """What an exercise's learner computes on: the four posts, a demo channel's posts, or the benchmarks."""
    exercise_id = exercise_name(exercise_id, language)
    if exercise_id in ("frequency", "rates", "summed_reach"):
        return exercise_posts()
    if exercise_id == "formats":
        client, platform = FORMATS_EXERCISE
        posts = demo_posts(client)
        return posts[posts["platform"] == platform].reset_index(drop=True)
    if exercise_id == "benchmark":
        return benchmark_table()
    raise AssertionError(exercise_id)  # every exercise has its data above


def _exercise_text(tr: Translator, exercise_id: str, part: str, **values) -> str:
    """An exercise's title, prompt (the question and the data it needs, for the notebook and the slides alike;
    'prompt_deck', the slides' own, for an exercise of PREDICTED_ON_SLIDES), how to give the answer in the
    notebook ('answer'), hint or solution from the catalogue, or its check's advice on the right value rounded
    too much ('close'), on another near miss ('near', with the hint), a number 1,000 times off ('thousands'; 10
    times in exercise 5, 'tenfold'), a percentage ('percent'), a number in quotes ('quoted'; 'quoted_percent'
    with a % sign), or, after a filter that matched no row, how the exercise's table stores the values filtered
    on ('stored')."""
    key = {
        ("frequency", "title"): "lesson.ex.frequency.title",
        ("frequency", "prompt"): "lesson.ex.frequency.prompt",
        ("frequency", "hint"): "lesson.ex.frequency.hint",
        ("frequency", "solution"): "lesson.ex.frequency.solution",
        ("frequency", "answer"): "lesson.ex.frequency.answer",
        ("rates", "title"): "lesson.ex.rates.title",
        ("rates", "prompt"): "lesson.ex.rates.prompt",
        ("rates", "hint"): "lesson.ex.rates.hint",
        ("rates", "solution"): "lesson.ex.rates.solution",
        ("rates", "answer"): "lesson.ex.rates.answer",
        ("summed_reach", "title"): "lesson.ex.summed_reach.title",
        ("summed_reach", "prompt"): "lesson.ex.summed_reach.prompt",
        ("summed_reach", "hint"): "lesson.ex.summed_reach.hint",
        ("summed_reach", "solution"): "lesson.ex.summed_reach.solution",
        ("summed_reach", "answer"): "lesson.ex.summed_reach.answer",
        ("formats", "title"): "lesson.ex.formats.title",
        ("formats", "prompt"): "lesson.ex.formats.prompt",
        ("formats", "prompt_deck"): "lesson.ex.formats.prompt_deck",  # a prediction, checked in the notebook
        ("formats", "hint"): "lesson.ex.formats.hint",
        ("formats", "solution"): "lesson.ex.formats.solution",
        ("formats", "answer"): "lesson.ex.formats.answer",
        ("benchmark", "title"): "lesson.ex.benchmark.title",
        ("benchmark", "prompt"): "lesson.ex.benchmark.prompt",
        ("benchmark", "hint"): "lesson.ex.benchmark.hint",
        ("benchmark", "solution"): "lesson.ex.benchmark.solution",
        ("benchmark", "answer"): "lesson.ex.benchmark.answer",
        # the checks' advice on a near miss and on a number 1,000 times off, as fits each exercise's data
        # and the precision of its answer
        ("frequency", "close"): "lesson.ex.frequency.close",
        ("rates", "close"): "lesson.ex.rates.close",
        ("benchmark", "close"): "lesson.ex.benchmark.close",
        # a near miss that is no rounding of the right value: the exercise's hint ({hint}), where to take the numbers
        ("frequency", "near"): "lesson.ex.frequency.near",
        ("rates", "near"): "lesson.ex.rates.near",
        ("benchmark", "near"): "lesson.ex.benchmark.near",
        ("frequency", "thousands"): "lesson.check.thousands_dot",
        ("rates", "thousands"): "lesson.check.thousands_dot",
        ("benchmark", "thousands"): "lesson.ex.benchmark.thousands",
        ("benchmark", "tenfold"): "lesson.ex.benchmark.tenfold",  # a rate typed with a zero too many or too few
        # a percentage: frequency is a number of times, a rate a fraction, exercise 5 a quotient of two rates
        ("frequency", "percent"): "lesson.ex.frequency.percent",
        ("rates", "percent"): "lesson.check.percent_given",
        ("benchmark", "percent"): "lesson.ex.benchmark.percent_mixed",
        # a number in quotes ({got}); with a % sign, the answer's kind says what to write instead
        ("frequency", "quoted"): "lesson.check.quoted_number",
        ("rates", "quoted"): "lesson.check.quoted_number",
        ("benchmark", "quoted"): "lesson.check.quoted_number",
        ("frequency", "quoted_percent"): "lesson.check.quoted_percent_times",
        ("rates", "quoted_percent"): "lesson.check.quoted_percent_rate",
        ("benchmark", "quoted_percent"): "lesson.check.quoted_percent_times",
        # after a filter that matched no row: how the table the exercise computes on stores what is filtered on
        ("frequency", "stored"): "lesson.check.stored_exercise_posts",
        ("rates", "stored"): "lesson.check.stored_exercise_posts",
        ("formats", "stored"): "lesson.check.stored_demo_posts",
        ("benchmark", "stored"): "lesson.check.stored_benchmark_table",
    }[(exercise_id, part)]
    return tr.t(key, **values)


def _prompt_values(exercise_id: str, tr: Translator) -> dict:
    if exercise_id == "formats":
        client, platform = FORMATS_EXERCISE
        return {"client_possessive": tr.possessive(DEMO_CLIENTS[client][0]), "platform": tr.platform(platform)}
    if exercise_id == "benchmark":
        platform, edition = BENCHMARK_EXERCISE
        return {"platform": tr.platform(platform), "edition": str(edition)}
    return {}


#: The exercises a room following the slides cannot work out from the deck (exercise 4's medians come from the
#: posts, which only the notebook holds): asked on the slides as a prediction to check in the notebook.
PREDICTED_ON_SLIDES = ("formats",)


def exercise(exercise_id: str, language: str = "en") -> Markdown:
    """An exercise's title and prompt; for an exercise of PREDICTED_ON_SLIDES, with the prompt the deck shows."""
    exercise_id = exercise_name(exercise_id, language)
    tr = Translator(language)
    values = _prompt_values(exercise_id, tr)
    deck = ((_exercise_text(tr, exercise_id, "prompt_deck", **values),) if exercise_id in PREDICTED_ON_SLIDES
            else None)
    return slide(_exercise_text(tr, exercise_id, "title"), _exercise_text(tr, exercise_id, "prompt", **values),
                 deck=deck)


def how_to_answer(exercise_id: str, language: str = "en") -> Markdown:
    """How to give an exercise's answer in the notebook (its answer cell, the variables to compute on, how
    Python writes it): for the notebook alone, as a deck has no cells."""
    exercise_id = exercise_name(exercise_id, language)
    tr = Translator(language)
    values = {}
    if exercise_id == "formats":  # the names the column holds, not always the table's (translated) names
        stored = sorted(exercise_data("formats")["format"].dropna().unique())
        values = dict(stored=", ".join(f'`"{name}"`' for name in stored),
                      example=f'`demo_posts[demo_posts["format"] == "{stored[0]}"]`')
    return text(_exercise_text(tr, exercise_id, "answer", **values))


def formats_exercise_table(tr: Translator) -> pd.DataFrame:
    """Exercise 4's channel and its formats with their posts (what the question is about, for a room following
    the slides), in the alphabetical order of the formats' names as shown: no lens's ranking. Without the
    medians, from which the answer would be read off: working them out is the exercise."""
    client, platform = FORMATS_EXERCISE
    table = formats_table(client, tr, platform)
    return table.drop(columns=[tr.t("lesson.demo.median_reach"), tr.t("lesson.demo.median_rate")])


def formats_exercise_caption(tr: Translator) -> str:
    client, platform = FORMATS_EXERCISE
    return tr.t("lesson.ex.formats.caption", client=DEMO_CLIENTS[client][0], platform=tr.platform(platform),
                min_posts=MIN_POSTS_PER_FORMAT)


@dataclass(frozen=True)
class CheckResult:
    """The verdict on a learner's answer: status is correct, wrong, half_right, unanswered or invalid."""
    exercise: str
    status: str
    message: str

    @property
    def correct(self) -> bool:
        return self.status == "correct"

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return self.message

    def _repr_html_(self) -> str:
        symbol, colour = {"correct": ("✓", "#009E73"), "unanswered": ("…", "#555555")}.get(
            self.status, ("✗", "#D55E00"))
        body = re.sub(r"`([^`]+)`", r"<code>\1</code>", html.escape(self.message))
        return (f'<p class="lesson-check lesson-check-{self.status}" style="border-left:4px solid {colour};'
                f'padding:0.3em 0.8em"><strong style="color:{colour}">{symbol}</strong> {body}</p>')


def check(exercise_id: str, answer, language: str = "en") -> CheckResult:
    """Whether `answer` is right, in a sentence of the learner's language that never states the answer.

    Numbers are accepted as the right value or its rounding to the decimals given, at least those the exercise
    asks for (_accepted, TOLERANCE); format names in either language,
    in any case, singular or plural; letters in any case. Wrong numbers get the likeliest cause where one
    shows: a decimal comma, a thousands comma (more numbers than asked for), a number in quotes (with a % sign,
    what to write for it), a thousands dot (1,000 times off; in exercise 5 also a zero too many or too few, 10
    times off: TYPING_FACTORS), a percentage (_percentage; in exercise 5, a percentage divided by a fraction),
    another post's value in exercises 1 and 2, another benchmark row in exercise 5 (_benchmark_slip), or a near
    miss (_near_miss: within CLOSE, or the right value rounded or cut too short; "rounded too much" only for the
    latter, _near_advice; advice that fits the exercise); a pair with one right value says
    which position is right, and a pair given in the wrong order says so. The pairs of exercises 2 and 4 may
    also be one pandas Series or array of the two values (_pair), as computing both at once gives them.
    No answer is judged while the exercise's answer cell last stopped with an error (record_answer_cell): its
    variable then holds what an earlier run left in it, if anything.
    """
    exercise_id = exercise_name(exercise_id, language)
    tr = Translator(language)
    number = _exercise_number(exercise_id)
    hint = _exercise_text(tr, exercise_id, "hint")
    prefix = tr.t("lesson.check.exercise", number=number) + ": "

    def result(status: str, message: str) -> CheckResult:
        return CheckResult(exercise_id, status, prefix + message)

    name = ANSWER_NAMES[exercise_id]
    if name in _STOPPED_ANSWERS:
        return result("unanswered", tr.t("lesson.check.answer_cell_failed", name=name, error=_STOPPED_ANSWERS[name]))
    if answer is None or (isinstance(answer, (tuple, list)) and any(v is None for v in answer)):
        return result("unanswered", tr.t("lesson.check.unanswered"))
    expected = expected_answer(exercise_id)
    got = _shown(answer)
    if exercise_id != "summed_reach":  # a letter is asked there: no filter, no median gives one
        stored = _exercise_text(tr, exercise_id, "stored")
        if isinstance(answer, (pd.Series, pd.DataFrame, np.ndarray)) and answer.size == 0:
            return result("invalid", tr.t("lesson.check.no_rows", stored=stored))  # a filter that matched nothing
        if _holds_missing(answer):
            key = "lesson.check.missing_name" if exercise_id == "formats" else "lesson.check.missing_value"
            return result("invalid", tr.t(key, got=got, stored=stored))

    if isinstance(answer, (pd.Series, pd.DataFrame)) and exercise_id in ("frequency", "benchmark"):
        if len(answer) == 1 and answer.size == 1 and _is_number(answer.to_numpy().ravel()[0]):
            answer = answer.to_numpy().ravel()[0]  # one filtered value: what the learner meant
        elif _misaligned(answer):
            return result("invalid", tr.t("lesson.check.misaligned", count=tr.number(len(answer))))
        else:
            return result("invalid", tr.t("lesson.check.column_given", count=tr.number(len(answer))))
    if exercise_id in PAIR_LABELS and isinstance(answer, (pd.Series, np.ndarray)):
        answer = _pair(exercise_id, answer)
    if _decimal_comma(exercise_id, answer):
        return result("invalid", tr.t("lesson.check.decimal_comma", got=got))
    if _thousands_comma(exercise_id, answer):
        return result("invalid", tr.t("lesson.check.thousands_comma", got=got))
    if quoted := _quoted_number(exercise_id, answer):
        return result("invalid", _exercise_text(tr, exercise_id, quoted, got=got))
    if exercise_id in ("frequency", "benchmark"):
        if not _is_number(answer):
            return result("invalid", tr.t("lesson.check.number_expected", got=got))
        tolerance = TOLERANCE[exercise_id]
        if _accepted(answer, expected, tolerance):
            return result("correct", tr.t("lesson.check.correct"))
        if slip := _typing_slip(exercise_id, [answer], [expected], tolerance):
            return result("wrong", _exercise_text(tr, exercise_id, slip))
        if _percentage(exercise_id, answer, expected, tolerance):
            return result("wrong", _exercise_text(tr, exercise_id, "percent"))
        if exercise_id in EXERCISE_POST and (post := _other_post(exercise_id, answer)):
            return result("wrong", tr.t("lesson.check.other_post", post=post, asked=EXERCISE_POST[exercise_id]))
        if exercise_id == "benchmark" and (advice := _benchmark_slip(tr, answer, expected)):
            return result("wrong", advice)
        if _near_miss(answer, expected, tolerance):
            return result("wrong", _near_advice(tr, exercise_id, [answer], [expected], hint))
        return result("wrong", tr.t("lesson.check.wrong", hint=hint))

    if exercise_id == "rates":
        if not isinstance(answer, (tuple, list)) or len(answer) != 2 or not all(_is_number(v) for v in answer):
            return result("invalid", tr.t("lesson.check.pair_expected", got=got))
        tolerance = TOLERANCE["rates"]
        right = [_accepted(a, e, tolerance) for a, e in zip(answer, expected)]
        if all(right):
            return result("correct", tr.t("lesson.check.correct"))
        if all(_accepted(a, e, tolerance) for a, e in zip(answer, reversed(expected))):
            return result("wrong", tr.t("lesson.check.swapped_rates"))
        if slip := _typing_slip(exercise_id, answer, expected, tolerance):
            return result("wrong", _exercise_text(tr, exercise_id, slip))
        if any(_percentage(exercise_id, a, e, tolerance) for a, e in zip(answer, expected)):
            return result("wrong", _exercise_text(tr, exercise_id, "percent"))
        if post := _other_post(exercise_id, answer):
            return result("wrong", tr.t("lesson.check.other_post", post=post, asked=EXERCISE_POST[exercise_id]))
        if all(_near_miss(a, e, tolerance) for a, e in zip(answer, expected)):
            return result("wrong", _near_advice(tr, exercise_id, answer, expected, hint))
        if any(right):
            return result("half_right", _half_right(tr, exercise_id, right, hint))
        return result("wrong", tr.t("lesson.check.wrong", hint=hint))

    if exercise_id == "summed_reach":
        choice = answer.strip().lower() if isinstance(answer, str) else None
        if choice not in SUMMED_REACH_CHOICES:
            return result("invalid", tr.t("lesson.check.choice_expected", choices=", ".join(SUMMED_REACH_CHOICES),
                                          got=got))
        if choice == expected:
            return result("correct", tr.t("lesson.check.correct"))
        return result("wrong", tr.t("lesson.check.wrong", hint=hint))

    # formats
    if not isinstance(answer, (tuple, list)) or len(answer) != 2 or not all(isinstance(v, str) for v in answer):
        return result("invalid", tr.t("lesson.check.pair_expected", got=got))
    names = _format_names(exercise_data("formats")["format"].dropna().unique())
    given = [names.get(_normalise_name(v)) for v in answer]
    for value, canonical in zip(answer, given):
        if canonical is None:
            known = ", ".join(sorted({tr.format_name(f) for f in names.values()}))
            return result("invalid", tr.t("lesson.check.unknown_format", got=repr(value), formats=known))
    right = [g == e for g, e in zip(given, expected)]
    if all(right):
        return result("correct", tr.t("lesson.check.correct"))
    if given == list(reversed(expected)) and given[0] != given[1]:
        return result("wrong", tr.t("lesson.check.swapped_formats"))
    if any(right):
        return result("half_right", _half_right(tr, exercise_id, right, hint))
    return result("wrong", tr.t("lesson.check.wrong", hint=hint))


#: The languages setup() has run in, in this Python process, the latest last: empty in a kernel just
#: (re)started, where a check cell run before the cells above says to run them first (check_answer).
_SET_UP: list[str] = []


def check_answer(exercise_id: str, namespace: dict | None = None) -> CheckResult:
    """A check cell's one call: check() on the exercise's answer variable and the lesson's `language`, both
    read from the notebook's namespace (`namespace`, else IPython's), so that the cell needs nothing defined
    by the cells above. Run before the lesson's set-up (a kernel restarted, then an answer cell and its check
    run alone), it says to run the cells above first, in the lesson's language when the parameters cell has
    run, in every language otherwise; an answer cell not run yet is said so (lesson.mistake.answer_not_run)."""
    if namespace is None:
        shell = get_ipython()
        namespace = shell.user_ns if shell is not None else {}
    code = language_code(namespace.get("language")) or (_SET_UP[-1] if _SET_UP else None)
    exercise_id = exercise_name(exercise_id, code or "en")

    def said(tr: Translator, key: str, **values) -> str:
        return f"{tr.t('lesson.check.exercise', number=_exercise_number(exercise_id))}: {tr.t(key, **values)}"

    if not _SET_UP:
        message = " ".join(said(Translator(known), "lesson.check.not_set_up") for known in ([code] if code else LANGUAGES))
        return CheckResult(exercise_id, "unanswered", message)
    name = ANSWER_NAMES[exercise_id]
    if name not in namespace:
        return CheckResult(exercise_id, "unanswered", said(Translator(code), "lesson.mistake.answer_not_run", name=name))
    return check(exercise_id, namespace[name], code)


#: Each exercise's answer variable, as its answer cell in the notebook assigns it (`answer_frequency = None`).
ANSWER_NAMES = {exercise_id: f"answer_{exercise_id}" for exercise_id in EXERCISES}
#: An answer variable assigned at the start of a line: found in the text of a cell, even one Python cannot parse.
ANSWER_ASSIGNMENT = re.compile(r"^[ \t]*(answer_\w+)[ \t]*=(?!=)", re.MULTILINE)
#: Answer variables whose cell stopped with an error the last time it ran -> the error's name (record_answer_cell).
_STOPPED_ANSWERS: dict[str, str] = {}


def watch_answer_cells() -> None:
    """In a notebook kernel, have forget_answer_cell see each cell start and record_answer_cell see it end
    (IPython's pre_run_cell and post_run_cell events, which also frame a cell Python could not parse); once,
    however often the lesson's set-up runs."""
    shell = get_ipython()
    if shell is None:
        return
    for event, callback in (("pre_run_cell", forget_answer_cell), ("post_run_cell", record_answer_cell)):
        if callback not in shell.events.callbacks[event]:
            shell.events.register(event, callback)


def _assigned_answers(cell: str | None) -> list[str]:
    """The answer variables a cell's text assigns (ANSWER_ASSIGNMENT), even where Python cannot parse it."""
    return ANSWER_ASSIGNMENT.findall(cell or "")


def forget_answer_cell(info) -> None:
    """As a cell starts (an IPython ExecutionInfo): the answer variables it assigns are no longer remembered as
    stopped, so a cell that sets an answer and checks it at once (`answer_frequency = 1.22` then
    `lesson.check(...)`) is judged on that answer; record_answer_cell remembers them again if this cell fails."""
    for name in _assigned_answers(getattr(info, "raw_cell", None)):
        _STOPPED_ANSWERS.pop(name, None)


def record_answer_cell(result) -> None:
    """After a cell has run (an IPython ExecutionResult): the answer variables it assigns (ANSWER_ASSIGNMENT)
    are remembered as stopped, with the error's name, when it stopped with an error, before running (a
    SyntaxError: `answer_benchmark = 2,31 / 0,035`) or while running (a KeyError from a misspelt column), and
    forgotten once it runs through. Its check then says so, rather than judge what an earlier run left in the
    variable (or "not answered yet" for the None the notebook starts with)."""
    names = _assigned_answers(getattr(getattr(result, "info", None), "raw_cell", None))
    error = result.error_before_exec or result.error_in_exec if names else None
    for name in names:
        if error is None:
            _STOPPED_ANSWERS.pop(name, None)
        else:
            _STOPPED_ANSWERS[name] = type(error).__name__


#: The labels a pandas answer of exercise 2 or 4 carries when computed in one step, in the pair's order:
#: (interactions ÷ post C's reach and impressions), (the medians per format).idxmax().
PAIR_LABELS = {"rates": ("reach", "impressions"), "formats": ("reach", "engagement_rate_by_reach")}


def _pair(exercise_id: str, answer):
    """Exercise 2 or 4 computed in one step with pandas or numpy, as the pair the check expects: a Series
    labelled as PAIR_LABELS by its labels, any other two values in their order (so a pair the wrong way
    round is still wrong). Anything else is returned as it is, for the check to explain."""
    labels = list(PAIR_LABELS[exercise_id])
    if isinstance(answer, pd.Series) and set(labels) <= set(answer.index) and len(answer) == 2:
        answer = answer[labels]
    values = np.asarray(answer).ravel()
    return tuple(values.tolist()) if values.size == 2 and answer.ndim == 1 else answer


def _misaligned(answer) -> bool:
    """A Series of empty values (NaN) only, as dividing two one-row columns filtered from different rows
    gives: pandas pairs the rows by their index, finds no row in both, and leaves every row empty."""
    return isinstance(answer, pd.Series) and len(answer) >= 2 and pd.api.types.is_numeric_dtype(answer) \
        and bool(answer.isna().all())


def _half_right(tr: Translator, exercise_id: str, right: list[bool], hint: str) -> str:
    """Which of a pair's two values is right (by position and meaning, never by value), and the hint."""
    first, second = {
        "rates": ("lesson.check.position.rates_first", "lesson.check.position.rates_second"),
        "formats": ("lesson.check.position.formats_first", "lesson.check.position.formats_second"),
    }[exercise_id]
    good, bad = (first, second) if right[0] else (second, first)
    return tr.t("lesson.check.half_right", right=tr.t(good), other=tr.t(bad), hint=hint)


def _exercise_number(exercise_id: str) -> int:
    return EXERCISES.index(exercise_name(exercise_id)) + 1


def _decimal_comma(exercise_id: str, answer) -> bool:
    """Whole numbers where a decimal was expected, as `1,22` gives (1, 22) in Python: a learner used to a
    decimal comma (Indonesian writes 1,22) typed one. Exercise 2 expects a pair, so four numbers there."""
    count = {"frequency": 2, "benchmark": 2, "rates": 4}.get(exercise_id)
    return (count is not None and isinstance(answer, tuple) and len(answer) == count
            and all(isinstance(v, int) and not isinstance(v, bool) for v in answer))


def _thousands_comma(exercise_id: str, answer) -> bool:
    """More numbers than the exercise asks for, as a number copied with its thousands comma gives: `6,100 / 5,000`
    is (6, 100 / 5, 000) = (6, 20.0, 0) in Python, and `(340 / 4,000, 340 / 7,200)` four numbers. Told by what a
    comma inside a number leaves: after the first place, a group of three digits left whole (0 from `000`, or 100
    to 999: Python refuses `005`, so 1 to 99 is no such group, and `(0.085, 0.0472, 1)` is three numbers, not a
    split one), or a first whole number of 1 to 999 (the digits before the comma) followed by what the rest of
    the number became (`6,100 / 5000` is (6, 0.02)). A decimal comma (1,22 for 1.22) is _decimal_comma's."""
    count = {"frequency": 1, "benchmark": 1, "rates": 2}.get(exercise_id)
    if count is None or not isinstance(answer, tuple) or len(answer) <= count \
            or not all(_is_number(v) for v in answer) or _decimal_comma(exercise_id, answer):
        return False
    whole = [isinstance(v, (int, np.integer)) for v in answer]
    group = any(w and (v == 0 or 100 <= v <= 999) for w, v in zip(whole[1:], answer[1:]))
    return group or (count == 1 and whole[0] and 1 <= answer[0] <= 999)


def _benchmark_slip(tr: Translator, answer: float, expected: float) -> str | None:
    """Exercise 5's likeliest slip after a percentage (_percentage: one rate written as a percentage and the
    other as a fraction), worked out from the benchmark table: the larger ÷ the smaller of two figures of the
    platform's published rates that are not the two asked for (another source, statistic or denominator):
    which row to use instead is said, never the answer. None when it does not fit."""
    tolerance = TOLERANCE["benchmark"]
    rows, asked = _benchmark_exercise_rows()
    for first in rows.index:
        for second in rows.index:
            larger, smaller = rows.loc[first, "value"], rows.loc[second, "value"]
            if first == second or {first, second} == set(asked) or not 0 < smaller <= larger \
                    or not _close(answer, larger / smaller, tolerance):
                continue
            wrong = [index for index in (first, second) if index not in asked]
            missing = [index for index in asked if index not in (first, second)]
            return tr.t("lesson.ex.benchmark.other_row", used=_listing(tr, [_row_name(tr, rows.loc[i]) for i in wrong]),
                        asked=_listing(tr, [_row_name(tr, rows.loc[i]) for i in missing]))
    return None


def _row_name(tr: Translator, row: pd.Series) -> str:
    """A benchmark row as a learner finds it in `benchmark_table`: "Rival IQ 2023, median engagement rate by
    followers (`median`, `followers`)", with the values its columns `statistic` and `denominator` store, which
    the learner filters on whatever the language shown."""
    return tr.t("lesson.ex.benchmark.row", source=_short_source(row["source"]), edition=str(row["edition"]),
                statistic=tr.t(f"stat.{row['statistic']}"), denominator=tr.t(f"denominator.{row['denominator']}"),
                stored_statistic=row["statistic"], stored_denominator=row["denominator"])


def _quoted_number(exercise_id: str, answer) -> str | None:
    """A number typed in quotes ('1,22', "0.085"), alone or in exercise 2's pair: text, not a number. Which
    advice it gets (_exercise_text): 'quoted_percent' when a value ends in a % sign ('122%', '8,5%'), which
    removing the quotes alone would leave as a Python error, otherwise 'quoted'; None for anything else."""
    if exercise_id not in ("frequency", "rates", "benchmark"):
        return None
    values = answer if exercise_id == "rates" and isinstance(answer, (tuple, list)) else (answer,)
    numbers = [v.strip() for v in values if isinstance(v, str) and NUMBER_TEXT.fullmatch(v)]
    if not numbers:
        return None
    return "quoted_percent" if any(v.endswith("%") for v in numbers) else "quoted"


def _close(value: float, expected: float, tolerance: float) -> bool:
    return abs(float(value) - expected) <= tolerance * abs(expected)


def _accepted(value, expected: float, tolerance: float) -> bool:
    """Whether a number is the right answer: the right value itself (up to the last digits of floating point,
    as a computation in another order leaves them), or the right value rounded to at least the decimals the
    exercise asks for (_decimals_asked). Not a band around it: 1.24 is no rounding of 1.22, 65 none of 66;
    1.2 and 0.0850 are roundings of 1.22 and 0.085. A float keeps no trailing zeros (0.100 is 0.1, 2.00 is
    2.0), so it may be a rounding to any decimals from those asked on: 0.1 is 0.0996 to three; a number given
    as text is judged by the decimals it is written with ("0.1" is 0.0996 to one, too few)."""
    number, expected = float(value), float(expected)
    if math.isclose(number, expected, rel_tol=1e-9):
        return True
    asked = _decimals_asked(expected, tolerance)
    kept = [_written_decimals(value)] if isinstance(value, str) else range(asked, MAX_DECIMALS + 1)
    return any(decimals >= asked and _is_rounding(number, expected, decimals) for decimals in kept)


def _is_rounding(value: float, expected: float, decimals: int) -> bool:
    """Whether `value` is `expected` rounded to `decimals`, a tie either way (half up or half to even), up to
    the last digits of floating point."""
    scale = 10 ** decimals
    roundings = (math.floor(expected * scale + 0.5 + 1e-9) / scale, math.ceil(expected * scale - 0.5 - 1e-9) / scale)
    return any(abs(value - kept) * scale < 1e-6 for kept in roundings)


def _written_decimals(value) -> int:
    """The decimals of a number as written: a text's own ("2.00" has 2), a float's at its shortest, as Python
    writes it (1.22 has 2, 66.0 none, 4.7e-05 six)."""
    written = Decimal(value.strip()) if isinstance(value, str) else Decimal(repr(float(value))).normalize()
    exponent = written.as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else MAX_DECIMALS


def _decimals_asked(expected: float, tolerance: float) -> int:
    """The fewest decimals an answer needs: those of the first cut of the right value that falls within the
    exercise's tolerance (1 for 1.22, 3 for 0.085 and 0.0472, 0 for 66), as _rounded_too_much counts them."""
    for decimals in range(MAX_DECIMALS + 1):
        scale = 10 ** decimals
        if _close(math.floor(expected * scale + 1e-9) / scale, expected, tolerance):
            return decimals
    return MAX_DECIMALS


def _near_miss(value: float, expected: float, tolerance: float) -> bool:
    """Whether a number outside the tolerance is "close", the one rule of every numeric exercise: within CLOSE
    of the right value, or the right value rounded or cut too short (_rounded_too_much), however far off
    that leaves it: 0.085 and 0.0472 rounded to (0.1, 0.05) or cut to (0.08, 0.04), 1.22 to 1."""
    return _close(value, expected, CLOSE) or _rounded_too_much(value, expected, tolerance)


def _near_advice(tr: Translator, exercise_id: str, answers, expected, hint: str) -> str:
    """What a near miss is told: "rounded too much" ('close') only when every value of the answer is right or
    the right value rounded or cut too short (_rounded_too_much), as (0.09, 0.05) for (0.085, 0.0472); any
    other close answer is no rounding, but most likely a number left out or mistyped (interactions without
    shares: 310 ÷ 4,000 = 0.0775), and gets the plain 'near' advice with the exercise's hint."""
    tolerance = TOLERANCE[exercise_id]
    rounded = all(_accepted(a, e, tolerance) or _rounded_too_much(a, e, tolerance) for a, e in zip(answers, expected))
    return _exercise_text(tr, exercise_id, "close" if rounded else "near", hint=hint)


def _rounded_too_much(value: float, expected: float, tolerance: float) -> bool:
    """Whether `value` is the (positive) `expected` rounded or cut (truncated) to fewer decimals than its
    tolerance needs: what a learner who computed the right value and kept one or two decimals of it gives.
    Rounding half up and cutting cover rounding half to even too (a tie goes one way or the other). Once a
    cut falls within the tolerance, so does every rounding to more decimals: those pass the check."""
    value, expected = float(value), float(expected)
    if expected <= 0 or value <= 0:  # a 0 shows no sign of the right value (an empty answer, a // slip)
        return False
    for decimals in range(MAX_DECIMALS + 1):
        scale = 10 ** decimals
        cut = math.floor(expected * scale + 1e-9) / scale  # 1e-9: 0.29 × 100 is 28.999…, cut to 0.29
        if _close(cut, expected, tolerance):
            return False
        rounded = math.floor(expected * scale + 0.5 + 1e-9) / scale
        if any(abs(value - kept) * scale < 1e-6 for kept in (cut, rounded)):
            return True
    return False


def _percentage(exercise_id: str, value: float, expected: float, tolerance: float) -> bool:
    """Whether `value` is the right value written as a percentage (PERCENT_FACTORS: 122 for a frequency of
    1.22), within the exercise's tolerance or, rounded as a percentage, a near miss of it (8 and 5 for rates of
    0.085 and 0.0472). A 0 is no percentage of anything."""
    return float(value) != 0 and any(_close(float(value) / factor, expected, tolerance)
                                     or _near_miss(float(value) / factor, expected, tolerance)
                                     for factor in PERCENT_FACTORS[exercise_id])


def _off_by(value: float, expected: float, tolerance: float, factor: float) -> bool:
    """`factor` times the right value, or that fraction of it: 1,000 for a thousands dot (4.000 is 4.0 in Python)
    in a number copied from the Indonesian table, 10 for a rate typed with a zero too many or too few."""
    return _close(float(value) / factor, expected, tolerance) or _close(float(value) * factor, expected, tolerance)


def _typing_slip(exercise_id: str, answers, expected, tolerance: float) -> str | None:
    """The advice (TYPING_FACTORS) for an answer one of whose values is the right one off by a factor a number
    typed by hand puts it off by; None when none is."""
    for factor, part in TYPING_FACTORS[exercise_id].items():
        if any(_off_by(a, e, tolerance, factor) for a, e in zip(answers, expected)):
            return part
    return None


def _holds_missing(answer) -> bool:
    """Whether the answer, or a value of a pair, is a missing value (NaN, <NA>, NaT): what pandas gives for a
    median, mean or sum over no rows, or over rows that hold no value. A number cannot be checked against it,
    and the learner is better told where it came from than that it is not a number."""
    values = answer if isinstance(answer, (tuple, list)) else (answer,)
    return any(not isinstance(v, str) and pd.api.types.is_scalar(v) and pd.isna(v) for v in values)


def _shown(answer) -> str:
    text = repr(answer)
    return text if len(text) <= 60 else text[:59] + "…"


def _normalise_name(name: str) -> str:
    name = " ".join(name.strip().casefold().split())
    return name[:-1] if name.endswith("s") and len(name) > 3 else name


def _format_names(formats) -> dict[str, str]:
    """Every way a learner may name a format (canonical name, English or Indonesian label) -> canonical."""
    names = {}
    for canonical in formats:
        for written in (canonical, *(Translator(language).format_name(canonical) for language in LANGUAGES)):
            names[_normalise_name(written)] = canonical
    return names


#: Names the lesson's cells define, which an exercise cell uses: unknown only when those cells were not run.
LESSON_NAMES = ("exercise_posts", "demo_posts", "benchmark_table", "lesson", "display", "tr", "language",
                "show_solutions")
#: Columns or rows listed when a table has none of the name asked for (a longer list is left to `table.columns`).
LISTED_LABELS = 20


def explain_mistake(error: BaseException, tb, namespace: dict, tr: Translator) -> str | None:
    """What went wrong in a learner's own cell, in the learner's language, or None to show the usual traceback.

    Explained: a column or row name that a table (a DataFrame or Series named in the failing line) does not
    have, with the nearest names it does have (KeyError), the table being the one the line reads (never the
    target of its `=`); `.iloc[0]` on a filter that kept no row, a number column compared with text said as
    such (IndexError); a name Python does not know: a lesson name whose cell was not run, text without quotes
    ('b', reel), or a typo with its nearest names (NameError); a row or column written after a dot
    (`exercise_posts.B`, `exercise_posts.Reach`), with how to pick a row, a column and one value, a misspelt
    pandas name with the nearest one (`.lok`), a pandas name taken for a column (`benchmark_table.values`) with
    the column (AttributeError; a name near nothing keeps Python's own message; TypeError where `.max()` on it
    compared text with numbers, or `/ 2` computed with them; ValueError "zero-size array" where the table it was
    taken from kept no row, with both slips said); a column with no value at all
    under `.idxmax()`, with why (ValueError "all NA": _explain_all_missing). A heading copied from a table on
    screen ('jangkauan') is matched to its column (_headings). Only errors raised through the learner's code
    alone: one that passes through the workbook's own code (helpers/) keeps its traceback, as the fault it is.
    """
    frames = [(frame, line) for frame, line in traceback.walk_tb(tb)]
    helpers_dir = os.path.dirname(os.path.abspath(__file__)) + os.sep
    if any(os.path.abspath(frame.f_code.co_filename).startswith(helpers_dir) for frame, _ in frames):
        return None
    mine = [(frame, line) for frame, line in frames if frame.f_globals is namespace]
    if not mine:
        return None
    frame, number = mine[-1]
    code = linecache.getline(frame.f_code.co_filename, number)
    if isinstance(error, NameError):
        return _explain_name(getattr(error, "name", None), namespace, tr)
    if isinstance(error, AttributeError):
        return _explain_attribute(error, code, namespace, tr)
    if isinstance(error, TypeError):  # `table.values.max()`: the whole table, text and numbers, compared
        taken = _property_taken_for_column(code, namespace)
        return tr.t("lesson.mistake.property_mixed", **taken) if taken else None
    if isinstance(error, ValueError) and "zero-size array" in str(error):
        # `x.values.max()` on a filter that kept no row (`== "X"`): numpy's max of nothing; both slips said
        taken = _property_taken_for_column(code, namespace)
        if taken and namespace[taken["table"]].empty:
            return " ".join([tr.t("lesson.mistake.empty_values", table=taken["table"]),
                             tr.t("lesson.mistake.property_mixed", **taken)])
        return None
    tables = [(name, namespace[name]) for name in _read_names(code)
              if isinstance(namespace.get(name), (pd.DataFrame, pd.Series))]
    indexed = _indexed_table(frames, frame)
    if isinstance(error, ValueError):
        if "all NA" not in str(error) or indexed is None:
            return None
        cell = "".join(linecache.getlines(frame.f_code.co_filename))
        return _explain_all_missing(indexed, cell, [*tables, *((name, namespace[name]) for name in LESSON_NAMES
                                                              if isinstance(namespace.get(name), pd.DataFrame))], tr)
    tables.sort(key=lambda item: item[1] is not indexed)  # the table the failing call was made on first
    if not tables:
        return None
    if isinstance(error, KeyError):
        return _explain_key(_missing_labels(error), tables, tr)
    if isinstance(error, IndexError) and ".iloc" in code and "out-of-bounds" in str(error):
        return _explain_empty(code, *tables[0], tr)
    return None


def _explain_all_missing(table, cell: str, tables: list[tuple[str, object]], tr: Translator) -> str:
    """`.idxmax()` on a column with no value at all (pandas: "Encountered all NA values"): which column, and
    why it most likely is: an interaction component the platform does not report, missing (`<NA>`) in every post
    of a posts table the cell reads or the lesson gave (saves on Facebook), which makes missing every sum that
    adds it and every rate computed from it. Said when the cell names that component or the empty column is none
    of that table's own (worked out by the learner); the table's `interactions` and `engagement_rate_by_reach`
    are then pointed to, as they already leave such a component out."""
    if isinstance(table, pd.DataFrame):
        empty = [str(column) for column in table.columns if table[column].isna().all()]
    else:
        empty = [str(table.name)] if table.name is not None else []
    parts = [tr.t("lesson.mistake.all_missing", names=", ".join(f"`{name}`" for name in empty))
             if empty else tr.t("lesson.mistake.all_missing_unnamed")]
    for name, posts in dict(tables).items():
        if not isinstance(posts, pd.DataFrame) or not {"platform", "interactions"} <= set(posts.columns) or posts.empty:
            continue
        unreported = [c for c in INTERACTION_COMPONENTS if c in posts and posts[c].isna().all()
                      and (re.search(rf"\b{c}\b", cell) or any(column not in posts.columns for column in empty))]
        if unreported:
            parts.append(tr.t("lesson.mistake.not_reported", table=name, count=tr.number(len(posts)),
                              platform=_listing(tr, [tr.platform(p) for p in posts["platform"].dropna().unique()]),
                              components=_listing(tr, [f"`{c}`" for c in unreported])))
            return " ".join(parts)
    parts.append(tr.t("lesson.mistake.all_missing_why"))
    return " ".join(parts)


def _read_names(code: str) -> list[str]:
    """The names a line of a learner's cell reads, in order of appearance. The targets of an assignment are
    left out: `answer_formats = demo_posts.groupby("Format")…` indexes demo_posts, whatever an earlier attempt
    left in answer_formats. A line that is only part of a statement (one line of several) is read as text,
    less a leading `name =`."""
    try:
        tree = ast.parse(code.strip())
    except SyntaxError:
        text = re.sub(r"^\s*[A-Za-z_][\w\s,]*=(?!=)", "", code)
        return list(dict.fromkeys(re.findall(r"[A-Za-z_]\w*", text)))
    loaded = sorted((node.lineno, node.col_offset, node.id) for node in ast.walk(tree)
                    if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load))
    return list(dict.fromkeys(name for _, _, name in loaded))


def _indexed_table(frames: list, frame) -> pd.DataFrame | pd.Series | None:
    """The table the learner's failing call was made on (`self` of the first pandas frame after the learner's
    own, or the table behind `.loc` and `.groupby(…)[…]`), or None."""
    after = [f for f, _ in frames]
    called = after[after.index(frame) + 1:] if frame in after else []
    if not called:
        return None
    owner = called[0].f_locals.get("self")
    if not isinstance(owner, (pd.DataFrame, pd.Series)):
        owner = getattr(owner, "obj", None)
    return owner if isinstance(owner, (pd.DataFrame, pd.Series)) else None


#: `table["column"] == "text"` or `table.column == 'text'` in a filter.
TEXT_COMPARISON = r"{table}(?:\[\s*[\"']([^\"']+)[\"']\s*\]|\.([A-Za-z_]\w*))\s*==\s*([\"'])(.*?)\3"


def _explain_empty(code: str, name: str, table, tr: Translator) -> str:
    """`.iloc[0]` on a filter of `table` that kept no row: a number column compared with text (`edition ==
    "2023"`, never true) said as such; otherwise the values to check, and how to list a column's values."""
    compared = [(bracket or attribute, value) for bracket, attribute, _, value in
                re.findall(TEXT_COMPARISON.format(table=re.escape(name)), code)]
    columns = table.columns if isinstance(table, pd.DataFrame) else []
    for column, value in compared:
        if column in columns and pd.api.types.is_numeric_dtype(table[column]) \
                and re.fullmatch(r"\s*[-+]?\d+(?:\.\d+)?\s*", value):
            return tr.t("lesson.mistake.empty_number", table=name, column=column, value=f'"{value}"',
                        number=value.strip())
        if column in columns and (stored := _stored_value(table[column], value)):
            return " ".join([tr.t("lesson.mistake.empty", table=name),
                             tr.t("lesson.mistake.stored_value", table=name, column=column, value=f'"{value}"',
                                  stored=f'"{stored}"')])
    values = tr.t("lesson.mistake.column_values", table=name, column=compared[0][0]) if compared else ""
    return " ".join(p for p in (tr.t("lesson.mistake.empty", table=name), values) if p)


def _stored_value(column: pd.Series, value: str) -> str | None:
    """The value a text column holds that a learner most likely meant by `value`, which it does not hold: a
    format named as a table shows it ('foto', 'text post' for 'photo', 'text'), or a near spelling; else None."""
    stored = [str(v) for v in column.dropna().unique()]
    if value in stored or not stored:
        return None
    named = _format_names(stored).get(_normalise_name(value))
    if named is not None:
        return named
    words = {v.casefold(): v for v in stored}
    near = difflib.get_close_matches(value.casefold(), list(words), n=1, cutoff=0.75)
    return words[near[0]] if near else None


def _missing_labels(error: KeyError) -> list[str]:
    """The names a KeyError says are missing: pandas writes one as the key itself ('impression'), several
    in a sentence ("Columns not found: 'a', 'b'", "None of [Index(['a'], dtype='str')] are in the [columns]")."""
    key = error.args[0] if error.args else ""
    if isinstance(key, str) and re.search(r"not found|not in index|are in the", key):
        inner = re.search(r"Index\(\[(.*?)\]", key)
        return re.findall(r"'([^']*)'", inner.group(1) if inner else key)
    return [key]


def _explain_key(missing: list, tables: list[tuple[str, object]], tr: Translator) -> str | None:
    for name, table in tables:
        columns = list(table.columns) if isinstance(table, pd.DataFrame) else []
        rows = [] if isinstance(table.index, pd.RangeIndex) else list(table.index)
        labels = [*columns, *rows]
        absent = [label for label in missing if label not in labels]
        if not absent:
            continue
        words = {**_headings(columns), **{str(label).casefold(): str(label) for label in labels}}
        near = list(dict.fromkeys(
            match for label in absent for match in
            ([words[str(label).casefold()]] if str(label).casefold() in words else [])
            + [words[w] for w in difflib.get_close_matches(str(label).casefold(), list(words), n=2, cutoff=0.6)]))
        parts = [tr.t("lesson.mistake.no_label", table=name, names=", ".join(repr(label) for label in absent))]
        if near:
            parts.append(tr.t("lesson.mistake.did_you_mean", names=", ".join(f"`{n!r}`" for n in near)))
        if len(columns) > LISTED_LABELS:
            parts.append(tr.t("lesson.mistake.many_columns", table=name, count=tr.number(len(columns))))
        elif columns:
            parts.append(tr.t("lesson.mistake.columns", names=", ".join(map(str, columns))))
        if rows and len(rows) <= LISTED_LABELS:
            parts.append(tr.t("lesson.mistake.rows", names=", ".join(map(str, rows))))
        parts.append(tr.t("lesson.mistake.exactly"))
        return " ".join(parts)
    return None


def _headings(columns) -> dict[str, str]:
    """Each column's heading as the lesson's tables show it, in every language (casefolded) -> the column:
    'jangkauan' -> 'reach', so that a name copied from a table on screen finds the column it heads."""
    return {heading.casefold(): str(column) for column in columns for language in LANGUAGES
            for heading in (Translator(language).metric(str(column)),) if heading.casefold() != str(column).casefold()}


def _explain_attribute(error: AttributeError, code: str, namespace: dict, tr: Translator) -> str | None:
    """`table.B` where B is a row, or `table.Reach` where a column is called 'reach': pandas finds a column
    after a dot only when its name is exact (and a valid Python name), a row never. Said for a table named in
    the failing line; a misspelt pandas name (`.lok`) is given the nearest one, and any other missing attribute
    is left to Python's message. An attribute missing from what a pandas name returned (`.values.iloc`) is
    _explain_property's."""
    table, name = getattr(error, "obj", None), getattr(error, "name", None)
    if not name:
        return None
    if not isinstance(table, (pd.DataFrame, pd.Series)):
        return _explain_property(name, code, namespace, tr)
    owner = next((word for word in _read_names(code) if namespace.get(word) is table), None)
    if owner is None:
        return None
    columns = [str(c) for c in table.columns] if isinstance(table, pd.DataFrame) else []
    rows = [] if isinstance(table.index, pd.RangeIndex) else [str(r) for r in table.index]

    def match(labels: list[str]) -> str | None:
        words = {label.casefold(): label for label in labels}
        if name.casefold() in words:
            return words[name.casefold()]
        near = difflib.get_close_matches(name.casefold(), list(words), n=1, cutoff=0.8)
        return words[near[0]] if near else None

    row, column = match(rows), match(columns)
    if row is None and column is None:  # a misspelt pandas name (`.lok`), said with the nearest one
        near = difflib.get_close_matches(name, [n for n in dir(type(table)) if not n.startswith("_")], n=1, cutoff=0.6)
        return " ".join([tr.t("lesson.mistake.attribute", table=owner, name=name),
                         tr.t("lesson.mistake.did_you_mean", names=f"`{owner}.{near[0]}`")]) if near else None
    parts = [tr.t("lesson.mistake.attribute", table=owner, name=name)]
    if row is not None:
        parts.append(tr.t("lesson.mistake.attribute_row", table=owner, label=row))
        column = column or next((str(c) for c in table.columns if pd.api.types.is_numeric_dtype(table[c])),
                                columns[0] if columns else None)
    else:
        parts.append(tr.t("lesson.mistake.attribute_column", table=owner, label=column))
        row = rows[0] if rows else None
    if row is not None and column is not None and isinstance(table, pd.DataFrame):
        parts.append(tr.t("lesson.mistake.pick_value", table=owner, row=row, column=column))
    return " ".join(parts)


def _explain_property(name: str, code: str, namespace: dict, tr: Translator) -> str | None:
    """`benchmark_table.values.iloc[0]`: a pandas name every table has (`.values`, the whole table as a plain
    array) taken for the column whose name it resembles (`value`), so that what follows it (`.iloc`) fails. Said
    for a table of the learner's namespace named in the failing line; None for anything else."""
    taken = _property_taken_for_column(code, namespace, before=name)
    return tr.t("lesson.mistake.attribute_property", name=name, **taken) if taken else None


def _property_taken_for_column(code: str, namespace: dict, before: str | None = None) -> dict | None:
    """In a line of a learner's cell, `table.values` where `values` is a name every pandas table has, not one of
    its columns, but resembles one of them (`value`): {'table', 'attribute', 'column'}, for a DataFrame of the
    learner's namespace; None when there is none. `before`: only where `.before` follows it (`.values.iloc`).
    What fails after it says how: `.iloc` is no name of the plain array `.values` gives (AttributeError), and
    `.max()` compares the table's text with its numbers (TypeError)."""
    after = rf"\s*\.\s*{re.escape(before)}\b" if before else r"\b"
    for table_name, attribute in re.findall(rf"\b([A-Za-z_]\w*)\.([A-Za-z_]\w*){after}", code):
        table = namespace.get(table_name)
        if not isinstance(table, pd.DataFrame) or not hasattr(type(table), attribute) or attribute in table.columns:
            continue
        columns = {str(c).casefold(): str(c) for c in table.columns}
        near = difflib.get_close_matches(attribute.casefold(), list(columns), n=1, cutoff=0.8)
        if near:
            return {"table": table_name, "attribute": attribute, "column": columns[near[0]]}
    return None


def _explain_name(name: str | None, namespace: dict, tr: Translator) -> str | None:
    if not name:
        return None
    if name.startswith("answer_"):
        return tr.t("lesson.mistake.answer_not_run", name=name)
    if name in LESSON_NAMES:
        return tr.t("lesson.mistake.not_run", name=name)
    formats = _format_names([*EXERCISE_POSTS["format"], *_demo_posts(FORMATS_EXERCISE[0])["format"].dropna()])
    if name.lower() in SUMMED_REACH_CHOICES or _normalise_name(name) in formats:
        return tr.t("lesson.mistake.quotes", name=name)
    known = [n for n in namespace if not n.startswith("_") and n not in ("In", "Out")]
    near = difflib.get_close_matches(name, known, n=2, cutoff=0.7)
    if near:
        return tr.t("lesson.mistake.typo", name=name, names=", ".join(f"`{n}`" for n in near))
    return tr.t("lesson.mistake.unknown_name", name=name)


def solution(exercise_id: str, language: str = "en", show: bool = True) -> Markdown | None:
    """The worked solution of an exercise, or nothing when `show` is false (the learners' run)."""
    if not show:
        return None
    exercise_id = exercise_name(exercise_id, language)
    tr = Translator(language)
    expected = expected_answer(exercise_id)
    posts = EXERCISE_POSTS
    if exercise_id == "frequency":
        values = dict(impressions=tr.number(posts.loc["B", "impressions"]), reach=tr.number(posts.loc["B", "reach"]),
                      value=tr.number(expected, 2))
    elif exercise_id == "rates":
        components = {c: posts.loc["C", c] for c in ("reactions", "comments", "shares", "saves")}
        interactions = posts[list(components)].sum(axis=1)
        # the post that leads by impressions, worked out too: the learner computed post C only
        other = (interactions / posts["impressions"]).idxmax()
        values = dict(**{c: tr.number(v) for c, v in components.items()},
                      interactions=tr.number(sum(components.values())),
                      reach=tr.number(posts.loc["C", "reach"]), impressions=tr.number(posts.loc["C", "impressions"]),
                      by_reach=f"{tr.number(expected[0], 4)} ({tr.percent(expected[0], 2)})",
                      by_impressions=f"{tr.number(expected[1], 4)} ({tr.percent(expected[1], 2)})",
                      top_by_reach=(interactions / posts["reach"]).idxmax(), top_by_impressions=other,
                      other_interactions=tr.number(interactions[other]), other_reach=tr.number(posts.loc[other, "reach"]),
                      other_impressions=tr.number(posts.loc[other, "impressions"]),
                      other_by_reach=tr.percent(interactions[other] / posts.loc[other, "reach"], 2),
                      other_by_impressions=tr.percent(interactions[other] / posts.loc[other, "impressions"], 2))
    elif exercise_id == "formats":
        client, platform = FORMATS_EXERCISE
        winners = format_winners(_demo_posts(client)).set_index("platform").loc[platform]
        values = dict(reach_format=tr.format_name(winners["reach_format"]), reach=tr.number(winners["reach"]),
                      rate_format=tr.format_name(winners["rate_format"]), rate=tr.percent(winners["rate"], 1))
    elif exercise_id == "benchmark":
        buffer, rival = _benchmark_pair()
        values = dict(buffer=tr.rate_percent(buffer), rival=tr.rate_percent(rival),
                      value=tr.number(expected, 1))
    else:
        values = {}
    return slide(tr.t("lesson.solution.label"), _exercise_text(tr, exercise_id, "solution", **values), level=4)


# --------------------------------------------------------------------------------------------- part 5
def overlap_simulation(posts: int = 10, audience: int = 10_000, share: float = 0.3, seed: int = 7) -> pd.DataFrame:
    """Posts that each reach a random `share` of one audience: summed reach against unique accounts reached.

    One boolean row per post over the audience (vectorised); returns, after each post, the summed reach and
    the number of different accounts reached so far.
    """
    rng = np.random.default_rng(seed)
    seen = rng.random((posts, audience)) < share
    return pd.DataFrame({"posts": np.arange(1, posts + 1),
                         "summed_reach": seen.sum(axis=1).cumsum(),
                         "unique_accounts": np.logical_or.accumulate(seen, axis=0).sum(axis=1),
                         "audience": audience})


def overlap_texts(tr: Translator, posts: int = 10, audience: int = 10_000, share: float = 0.3) -> tuple[str, str]:
    """The pitfall's introduction and the sentence computed from overlap_simulation: the introduction has a slide
    of its own and the sentence is the figure's caption, so that the figure is not shrunk under two paragraphs."""
    last = overlap_simulation(posts, audience, share).iloc[-1]
    intro = tr.t("lesson.pitfalls.summed_body", posts=tr.number(posts), share=tr.percent(share, 0),
                 audience=tr.number(audience))
    sentence = tr.t("lesson.pitfalls.summed_sentence", posts=tr.number(posts), summed=tr.number(last["summed_reach"]),
                    unique=tr.number(last["unique_accounts"]),
                    multiple=tr.times(last["summed_reach"] / last["unique_accounts"]),
                    excess=tr.times(last["summed_reach"] / audience))
    return intro, sentence


def overlap_figure(tr: Translator, posts: int = 10, audience: int = 10_000,
                   share: float = 0.3) -> tuple[plt.Figure, str]:
    """Summed reach growing in a straight line while unique accounts level off below the audience."""
    apply_style()
    table = overlap_simulation(posts, audience, share)
    fig, ax = plt.subplots(figsize=(7.5, 4.2))
    ax.plot(table["posts"], table["summed_reach"], marker="o", color=PALETTE[3], label=tr.t("lesson.pitfalls.line_summed"))
    ax.plot(table["posts"], table["unique_accounts"], marker="o", color=PALETTE[0],
            label=tr.t("lesson.pitfalls.line_unique"))
    ax.axhline(audience, color="grey", ls="--", lw=1, label=tr.t("lesson.pitfalls.line_audience"))
    ax.set_xlabel(tr.t("lesson.pitfalls.axis_posts"))
    ax.set_ylabel(tr.t("lesson.pitfalls.axis_accounts"))
    ax.set_xticks(table["posts"])
    localise_numbers(fig, tr)
    ax.set_ylim(bottom=0)
    ax.legend(frameon=False)
    last = table.iloc[-1]
    ax.set_title(wrap_title(tr.t("lesson.pitfalls.figure_title", posts=tr.number(posts),
                            summed=tr.number(last["summed_reach"]), unique=tr.number(last["unique_accounts"]))),
                 loc="left")
    fig.tight_layout()
    return fig, tr.t("lesson.pitfalls.figure_alt")


def _benchmark_rows() -> pd.DataFrame:
    table = load_benchmarks()
    return table[table["industry"] == "all industries"]


def denominators_table(tr: Translator) -> pd.DataFrame:
    """Per platform: published rates by followers (lowest to highest) and by impressions, and their sources."""
    rows = []
    for platform, group in _benchmark_rows().groupby("platform", sort=False):
        followers = group[group["denominator"] == "followers"]
        impressions = group[group["denominator"] == "impressions"]
        rows.append((tr.platform(platform), _ranges(tr, followers), _ranges(tr, impressions),
                     ", ".join(dict.fromkeys(f"{_short_source(s)} {e}" for s, e in
                                             zip(group["source"], group["edition"])))))
    return pd.DataFrame(rows, columns=[tr.t("lesson.pitfalls.platform"), tr.t("lesson.pitfalls.by_followers"),
                                       tr.t("lesson.pitfalls.by_impressions"), tr.t("lesson.pitfalls.sources")])


def _ranges(tr: Translator, rows: pd.DataFrame) -> str:
    """The published figures of one denominator, a range per statistic ("median 0.06% to 0.10%; mean 0.15%"):
    medians and means are never pooled into one range."""
    if rows.empty:  # no source publishes a figure by this denominator: said so, not as a missing value
        return tr.t("lesson.pitfalls.none_published")
    parts = sorted(rows.groupby("statistic"), key=lambda item: (item[0] != "median", item[0]))  # medians first
    return "; ".join(f"{tr.t(f'stat.{statistic}')} {_range(tr, part['value'])}" for statistic, part in parts)


def _range(tr: Translator, values: pd.Series) -> str:
    if values.empty:
        return tr.t("lesson.pitfalls.none_published")
    low, high = values.min(), values.max()
    if low == high:
        return tr.rate_percent(low)
    return tr.t("lesson.pitfalls.range", low=tr.rate_percent(low), high=tr.rate_percent(high))


def _short_source(name: str) -> str:
    """'Rival IQ Social Media Industry Benchmark Report' -> 'Rival IQ'."""
    return re.sub(r" Social Media .*$", "", name)


def denominators_sentence(tr: Translator) -> str:
    """The platform whose published figures differ most, highest ÷ lowest, each with its definition."""
    rows = _benchmark_rows()
    spread = rows.groupby("platform")["value"].agg(lambda v: v.max() / v.min())
    platform = spread.idxmax()
    mine = rows[rows["platform"] == platform]
    high, low = mine.loc[mine["value"].idxmax()], mine.loc[mine["value"].idxmin()]
    return tr.t("lesson.pitfalls.denominators_sentence", platform=tr.platform(platform), ratio=tr.times(spread.max()),
                high_source=_short_source(high["source"]), high_edition=str(high["edition"]),
                high_statistic=tr.t(f"stat.{high['statistic']}"),
                high_denominator=tr.t(f"denominator.{high['denominator']}"),
                high=tr.rate_percent(high["value"]),
                low_source=_short_source(low["source"]), low_edition=str(low["edition"]),
                low_statistic=tr.t(f"stat.{low['statistic']}"),
                low_denominator=tr.t(f"denominator.{low['denominator']}"),
                low=tr.rate_percent(low["value"]))


def views_texts(tr: Translator) -> tuple[str, str]:
    """The switch from impressions to views, and what it means for the demo exports (counted)."""
    posts = pd.concat([_demo_posts(c) for c in DEMO_CLIENTS], ignore_index=True)
    kinds = posts["impressions_kind"]
    body = tr.t("lesson.pitfalls.views_body", date=tr.date(VIEWS_SWITCH))
    return body, views_fact(tr, len(posts), int((kinds == "views").sum()), int((kinds == "impressions").sum()),
                            posts["frequency"].median())


def views_fact(tr: Translator, posts: int, views: int, impressions: int, frequency: float) -> str:
    """How many of the demo exports' `posts` report views and how many impressions, and the frequency that
    follows: "all 360 posts report views and none reports impressions" when every one reports views (not
    "360 of 360 … and 0 …"), each count otherwise."""
    said = {"posts": tr.number(posts), "frequency": tr.number(frequency, 2), "date": tr.date(VIEWS_SWITCH)}
    if views == posts and impressions == 0:
        return tr.t("lesson.pitfalls.views_fact_all", **said)
    return tr.t("lesson.pitfalls.views_fact", views=tr.number(views), impressions=tr.number(impressions), **said)
