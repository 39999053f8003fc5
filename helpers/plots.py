"""The report's figures, one look: colour-blind-safe palette (Okabe–Ito via seaborn 'colorblind'), titles that
state the takeaway, labelled axes with units, texts from the language catalogue.

Each function returns a Figure; the caller shows it with display.figure(fig, alt=...) (the report: with
Report.figure_html, which may take it drawn ahead). Titles come from the report's sentences so a figure
and its sentence quote the same number.

Drawing is most of a report's run time, so figures are laid out by matplotlib's constrained layout (one
layout pass, then the drawing; a tight bounding box would add a third), log axes carry no minor ticks (the
whitegrid style shows none), and boxes and the heatmap are drawn with matplotlib directly. When a core is
spare, the renderer has a second process draw part of them (drawing.py).
"""
from __future__ import annotations

import re
import textwrap

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import seaborn as sns

from matplotlib.colors import ListedColormap, to_hex, to_rgba
from matplotlib.font_manager import FontProperties
from matplotlib.patches import Patch
from matplotlib.textpath import text_to_path
from matplotlib.ticker import Formatter, FuncFormatter, LogLocator, MaxNLocator, NullLocator, ScalarFormatter

from . import colours
from .i18n import Translator
from .metrics import UNKNOWN_GROUP, engagement_rate_by_reach, interactions_of

PALETTE = sns.color_palette("colorblind")
PLATFORM_COLOURS = {p: PALETTE[i] for i, p in enumerate(
    ["facebook", "instagram", "x", "youtube", "tiktok", "linkedin"])}
#: A marker per platform as well as a colour: Facebook's blue and X's green, say, print alike in greyscale.
PLATFORM_MARKERS = dict(zip(PLATFORM_COLOURS, ["o", "s", "^", "D", "X", "P"]))
#: And a dash style per platform for its fit's line, shown in the legend: in greyscale the lines differ only so.
PLATFORM_LINES = dict(zip(PLATFORM_COLOURS, ["-", "--", ":", "-.", (0, (3, 1, 1, 1, 1, 1)), (0, (6, 2, 2, 2))]))
#: Scatter markers' thin dark edge: a light colour half transparent is faint against white (Instagram's orange
#: 1.9:1), the edge (about 13:1) sets every marker apart from the page and overlapping markers from each other.
MARKER_EDGE = {"edgecolors": "0.2", "linewidths": 0.5}
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def axis_label(text: str, width: int = 34) -> str:
    """An axis label on lines of at most `width` characters, never broken inside a short bracket: a long one
    (an Indonesian rate's name) would run past the figure's edge or into its title."""
    return wrap_title(text, width) if len(text) > width else text


#: Spans a line must not break inside: a short bracket ("(60 to 129)"), a comparison ("H = 14.4", "p < 0.001").
_UNBROKEN = re.compile(r"\([^()]{1,30}\)|\S+ [=<>≤≥] \S+|[=<>≤≥] \S+")


def wrap_title(title: str, width: int = 62) -> str:
    """Titles state the takeaway in a sentence; wrap it to the figure's width, never inside a number's
    bracket or a comparison."""
    glued = _UNBROKEN.sub(lambda m: m.group(0).replace(" ", "\u00a0"), title)
    return textwrap.fill(glued, width, break_on_hyphens=False).replace("\u00a0", " ")


def new_figure(nrows: int = 1, ncols: int = 1, **options):
    """plt.subplots laid out by constrained layout when drawn (titles and labels never clipped)."""
    return plt.subplots(nrows, ncols, layout="constrained", **options)


def log_scale(ax, axis: str, tr: Translator) -> None:
    """A log axis labelled with plain numbers in the report's language (1,000 / 1.000, not 10³), without
    minor ticks: the style draws none, and computing them is costly. Call it after plotting: the labelled
    ticks follow the data's span (powers of ten over two decades or more, with 3 times them where only two
    powers fall within it; 1 and 3 times them from 1.2 decades; 1, 2 and 5 times over a narrower span; 1, 2, 3
    and 5 times, or every multiple, where that leaves fewer than three labels within it; every multiple below
    0.7 of a decade; round numbers below half a decade), so a small range is never left with one or two
    labels, and a wide one's labels never crowd each other.
    Below 1 a label has the decimals it needs (0.5, 0.02, 0.005)."""
    getattr(ax, f"set_{axis}scale")("log")
    low, high = ax.get_xlim() if axis == "x" else ax.get_ylim()
    decades = np.log10(high / low) if 0 < low < high else 0.0
    scale = getattr(ax, f"{axis}axis")
    if decades >= 0.5:
        # 1, 3, 10, 30 over a decade or more: evenly spaced, where 1, 2 and 5 would crowd 1,000 beside 2,000 on
        # a narrow panel
        subs = (1.0,) if decades >= 2 else (1.0, 3.0) if decades >= 1.2 else (1.0, 2.0, 5.0) if decades >= 0.7 \
            else tuple(range(1, 10))
        wide = ((1.0, 3.0),) if decades >= 1.2 else ()
        for finer in (*wide, (1.0, 2.0, 5.0), (1.0, 2.0, 3.0, 5.0), tuple(range(1, 10))):  # under 3 labels: finer
            if _ticks_within(low, high, subs) < 3 and len(finer) > len(subs):
                subs = finer
        scale.set_major_locator(LogLocator(base=10, subs=subs))
    else:  # less than half a decade: round numbers spaced evenly, as on a linear axis
        scale.set_major_locator(MaxNLocator(nbins=4))
    scale.set_minor_locator(NullLocator())
    scale.set_major_formatter(FuncFormatter(lambda value, _: tr.number(value, _decimals(value))))


def _decimals(value: float) -> int:
    """Decimals for a log axis' tick label: none from 1 up; below 1, as many as the tick needs (0.5, 0.02,
    0.005), so a small rate's tick never reads 0.00."""
    if value >= 1 or value <= 0:
        return 0
    return next((d for d in range(1, 7) if abs(round(value, d) - value) <= 1e-9 * max(value, 1e-12)), 6)


def _ticks_within(low: float, high: float, subs: tuple) -> int:
    """How many of the numbers sub × 10^k lie between low and high."""
    powers = range(int(np.floor(np.log10(low))), int(np.ceil(np.log10(high))) + 1)
    return sum(low <= sub * 10.0 ** k <= high for k in powers for sub in subs)


class LanguageNumbers(Formatter):
    """Tick labels in the report's number format (2,5 and 1.000 in Indonesian; 2.5 and 1,000 in English),
    with as many decimals as the ticks need (0, 2.5, 5, 7.5 -> one decimal on each)."""

    def __init__(self, tr: Translator):
        self.tr = tr
        self.decimals = 0

    def set_locs(self, locs):
        super().set_locs(locs)
        values = np.asarray(locs, dtype=float)
        values = values[np.isfinite(values)]
        self.decimals = next((d for d in range(7) if np.allclose(values, np.round(values, d), rtol=0, atol=1e-9)), 6)

    def __call__(self, value, pos=None):
        return self.tr.number(value, self.decimals)


def localise_numbers(fig, tr: Translator) -> None:
    """Every axis of the figure that matplotlib would number by itself (linear scale, default formatter,
    colour bars included) numbered in the report's language instead."""
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            if axis.get_scale() == "linear" and isinstance(axis.get_major_formatter(), ScalarFormatter):
                axis.set_major_formatter(LanguageNumbers(tr))


def fig_title(fig, title: str, fontsize: float = 11) -> None:
    """The figure's takeaway sentence, left-aligned above every panel and wrapped to the figure's width."""
    characters = int(fig.get_figwidth() * 72 / (0.66 * fontsize))  # bold sans-serif: ~0.62 em a character, and a margin
    fig.suptitle(wrap_title(title, characters), x=0.01, ha="left", fontweight="bold", fontsize=fontsize)


def panel_title(ax, title: str, fontsize: float = 10) -> None:
    """A panel's title, left-aligned and wrapped to the figure's width (less its colour bar's share): a long
    title, as an Indonesian rate name makes one, would otherwise run off the picture's edge."""
    characters = int(ax.figure.get_figwidth() * 0.85 * 72 / (0.62 * fontsize))  # bold: ~0.6 em a character
    ax.set_title(wrap_title(title, characters), loc="left", fontsize=fontsize)


def apply_style() -> None:
    sns.set_theme(style="whitegrid", context="notebook", palette=PALETTE)
    # text.parse_math off: labels quote format names and captions from exports, where "$" is not math
    plt.rcParams.update({"axes.titleweight": "bold", "axes.titlesize": 11, "figure.dpi": 100,
                         "text.parse_math": False})


#: Markers and fit lines of the accounts of one platform (its colour kept), in the order of their names.
ACCOUNT_MARKERS = ("o", "^", "s", "D", "v", "P", "X", "*")
ACCOUNT_LINES = ("-", "--", ":", "-.")


def reach_vs_interactions(posts: pd.DataFrame, title: str, fits: dict, tr: Translator, x: str = "reach",
                          x_labels: dict | None = None, account_fits: dict | None = None) -> plt.Figure:
    """Reach (log) against interactions (log), one colour and marker per platform, with each platform's
    Theil–Sen fit in a dash style of its own (PLATFORM_LINES); the platforms' legend below the panels shows
    each marker over its line.

    `x` names the broadcast column ('broadcast': each platform's reach, or impressions or views where its
    exports report no reach) and `x_labels` its axis label per platform: platforms sharing a label share a
    panel, so that reach and impressions never share an axis. `account_fits`, {platform: {account: fit}}
    for a platform whose posts come from several accounts (compare.elasticity_by_account): its accounts are
    drawn apart, in its colour with a marker each, each with its own fit's line where it has one, as the
    report states a slope per account and never one across them.
    """
    apply_style()
    account_fits = account_fits or {}
    frame = pd.DataFrame({"platform": posts["platform"], "reach": posts[x].astype("Float64"),
                          "interactions": interactions_of(posts)}).dropna()
    frame["account"] = (posts["account"].astype("string").fillna("") if "account" in posts else "")
    frame = frame[(frame["reach"] > 0) & (frame["interactions"] > 0)].astype({"reach": float, "interactions": float})
    labels = {p: (x_labels or {}).get(p, tr.t("figure.axis_reach")) for p in sorted(frame["platform"].unique())}
    panels = list(dict.fromkeys(labels.values())) or [tr.t("figure.axis_reach")]
    fig, axes = new_figure(1, len(panels), figsize=(7.5 if len(panels) == 1 else 4.8 * len(panels), 4.8),
                           squeeze=False)
    handles = {}  # {label: marker and line}, one legend for every panel
    for ax, label in zip(axes[0], panels):
        shown = frame[frame["platform"].map(labels) == label]
        for platform, group in shown.groupby("platform"):
            colour = PLATFORM_COLOURS.get(platform)
            if platform in account_fits:
                apart = account_fits[platform]
                for number, account in enumerate(apart):
                    mine = group[group["account"] == account]
                    name = tr.t("finding.elasticity_account_platform", platform=tr.platform(platform), account=account)
                    handle = _scatter_with_fit(ax, mine, apart[account], colour,
                                               ACCOUNT_MARKERS[number % len(ACCOUNT_MARKERS)],
                                               f"{name} ({tr.number(len(mine))})",
                                               ACCOUNT_LINES[number % len(ACCOUNT_LINES)])
                    if handle is not None:
                        handles[handle.get_label()] = handle
            else:
                handle = _scatter_with_fit(ax, group, fits.get(platform, {}), colour,
                                           PLATFORM_MARKERS.get(platform, "o"),
                                           f"{tr.platform(platform)} ({tr.number(len(group))})",
                                           PLATFORM_LINES.get(platform, "-"))
                if handle is not None:
                    handles[handle.get_label()] = handle
        log_scale(ax, "x", tr)
        log_scale(ax, "y", tr)
        ax.set_xlabel(axis_label(label, 44))
        ax.set_ylabel(axis_label(tr.t("figure.axis_interactions")))
    # one legend for every panel (a platform has one colour), below them: inside a panel it would hide points
    if handles:
        fig.legend(handles.values(), handles.keys(), title=tr.t("figure.legend_platform"), frameon=False,
                   loc="outside lower center", ncols=min(len(handles), 3))
    fig_title(fig, title)
    localise_numbers(fig, tr)
    return fig


def _scatter_with_fit(ax, group: pd.DataFrame, fit: dict, colour, marker: str, label: str,
                      linestyle="-"):
    """One set of posts on the reach-and-interactions scatter, with its fit's line (dashed as `linestyle`)
    where it has a slope. Returns its legend handle: the marker over the line, or the marker alone without a
    fit, so that the legend tells the lines apart without colour too; None without posts."""
    if group.empty:
        return None
    face = to_rgba(colour if colour is not None else "0.5", 0.7)
    ax.scatter(group["reach"], group["interactions"], s=22, facecolors=[face], marker=marker, label=label,
               **MARKER_EDGE)
    fitted = pd.notna(fit.get("slope", np.nan))
    if fitted:
        xs = np.geomspace(group["reach"].min(), group["reach"].max(), 50)
        ax.plot(xs, np.exp(fit["intercept"]) * xs ** fit["slope"], color=face[:3], lw=2, linestyle=linestyle)
    return plt.Line2D([], [], color=face[:3], lw=2, linestyle=linestyle if fitted else "none", marker=marker,
                      markersize=np.sqrt(22), markerfacecolor=face, markeredgecolor=MARKER_EDGE["edgecolors"],
                      markeredgewidth=MARKER_EDGE["linewidths"], label=label)


#: The quadrants in the order of their legend, whose two columns then mirror the panel: above the rate's median
#: on the first row, above the broadcast median in the second column. Each has its own marker as well as its
#: colour, so that the quadrants stay apart printed in greyscale.
QUADRANTS = ("engagement only", "neither", "reach and engagement", "reach only")
QUADRANT_MARKERS = {"engagement only": "^", "neither": "o", "reach and engagement": "D", "reach only": "s"}
#: A platform's rate axis is logarithmic when its highest rate is this many times its median or more: on a
#: linear axis the median post would sit in the bottom tenth, and the many small rates would merge there.
LOG_RATE_SPREAD = 10


def rate_axis_is_log(rates) -> bool:
    """Whether a panel's engagement rates are drawn on a log axis: every rate above 0 (a log axis has no place
    for 0, and a post left out would be missing from its quadrant's count) and the highest at least
    LOG_RATE_SPREAD times the median."""
    values = pd.Series(rates, dtype="Float64").dropna().astype(float)
    return bool(len(values) and (values > 0).all() and values.max() >= LOG_RATE_SPREAD * values.median())


def quadrant(table: pd.DataFrame, title: str, tr: Translator, labels: dict | None = None) -> plt.Figure:
    """Reach (log) against engagement rate by reach, split at each platform's medians, one panel each
    (compare.quadrants). `labels`: per platform, its words {'by': ..., 'rate': ...} and axis labels
    {'x': ..., 'y': ...}, for platforms placed by impressions or views; reach by default.

    The rate axis is logarithmic where a few high rates would squeeze the rest together (rate_axis_is_log).
    Each panel's legend sits below it, outside the axes, so that it never covers a point; a panel is a
    subfigure of its own, whose legend constrained layout makes room for."""
    apply_style()
    platforms = sorted(table["platform"].unique())
    fig = plt.figure(figsize=(4.6 * max(1, len(platforms)), 4.8), layout="constrained")
    panels = fig.subfigures(1, max(1, len(platforms)), squeeze=False)[0]
    colours = {"reach and engagement": PALETTE[2], "reach only": PALETTE[3], "engagement only": PALETTE[0],
               "neither": (0.6, 0.6, 0.6)}
    for panel, platform in zip(panels, platforms):
        ax = panel.subplots()
        mine = table[table["platform"] == platform]
        words = (labels or {}).get(platform) or _reach_labels(tr)
        for name in QUADRANTS:  # every quadrant in the legend, an empty one with its 0: the grid stays in place
            group = mine[mine["quadrant"] == name]
            ax.scatter(group["broadcast"].astype(float), group["rate"].astype(float) * 100, s=22,
                       facecolors=[to_rgba(colours[name], 0.8)], marker=QUADRANT_MARKERS[name], **MARKER_EDGE,
                       label=f"{tr.t('quadrant.' + name.replace(' ', '_'), **words)} ({tr.number(len(group))})")
        if len(mine):
            ax.axvline(float(mine["median broadcast"].iloc[0]), color="grey", lw=0.8, ls="--")
            ax.axhline(float(mine["median rate"].iloc[0]) * 100, color="grey", lw=0.8, ls="--")
        log_scale(ax, "x", tr)
        ax.set_xlabel(axis_label(words["x"], 44))
        if rate_axis_is_log(mine["rate"]):
            log_scale(ax, "y", tr)
            ax.set_ylabel(axis_label(tr.t("figure.axis_rate_log", rate=words["rate"])))
        else:
            ax.set_ylabel(axis_label(words["y"]))
        ax.set_title(tr.platform(platform), loc="left", fontsize=10)
        panel.legend(*ax.get_legend_handles_labels(), loc="outside lower center", ncols=2, frameon=False,
                     fontsize=9, columnspacing=1.2, handletextpad=0.3)
    fig_title(fig, title)
    localise_numbers(fig, tr)
    return fig


def rank_shift(ranks: pd.DataFrame, platform: str, top_n: int, title: str, tr: Translator,
               accent: str = "#0072B2", ranked_by: str = "", kept: set | None = None,
               shown=None, sizes: tuple[int, int] | None = None) -> plt.Figure:
    """Slope chart: the top-N posts by their broadcast count (`ranked_by`: reach, or impressions where no
    reach is reported; column 'rank by broadcast'), and where each lands when ranked by interactions,
    labelled with its tie ("#4–11"). `shown`: the posts to draw, the overlap's top list by the broadcast
    count (compare.top_n_overlap 'top_a': a post tied across the N-th place is in neither list, so the chart
    draws as many posts as the title counts); by default the first N in 'top order' (posts of a tie across
    the N-th place among them start within the top N, tied_places). A post is drawn as kept when it is in
    `kept`, the posts in both tops as the overlap counts them; `sizes`, the overlap's two lists' sizes
    (compare.top_n_overlap 'size_a', 'size_b'; N each by default), which the legend quotes as the title does
    ("among the 6 with the most interactions" where posts tied at 7–9 straddle a top 8's cut-off).

    Above the cut-off line on the right lie the posts in the top N by interactions however ties are broken
    (compare.surely_in_top): a post whose tie spans the cut-off (#7–9 in a top 8) ends on the line, as the
    legend says such a post counts as not in it.

    Every post drawn stays in sight: posts tied by the broadcast count take the places their tie spans (two
    tied at 8–9 at 8 and at 9, labelled "#8–9"), where one marker would hide a line; and where posts land far
    below the top N, the rank axis is broken below it (RankAxis), so that the top N keep their room."""
    apply_style()
    mine = ranks[ranks["platform"] == platform].sort_values("top order")
    top = mine.head(top_n) if shown is None else mine[mine.index.isin(list(shown))]
    by = ranked_by or tr.t("lens.word_reach")
    y_label = axis_label(tr.t("figure.axis_rank"), 30)
    size_a, size_b = sizes or (top_n, top_n)
    ties = "" if size_a == size_b == top_n else "_ties"  # posts tied at a cut-off left out: the lists' sizes
    words = dict(n=tr.number(top_n), size_a=tr.number(size_a), size_b=tr.number(size_b), by=by)
    legend = [axis_label(tr.t(f"figure.legend_both{ties}", **words), 70),
              axis_label(tr.t(f"figure.legend_one{ties}", **words), 70)]
    starts = tied_places(top, top_n)
    worst = int(max(top["rank by interactions"].max() if len(top) else 1, starts.max() if len(top) else 1, top_n))
    beyond = int(top.loc[top["rank by interactions"] > top_n, "rank by interactions"].nunique())
    landed = landing(top, top_n)  # in ranks; a tie across the cut-off on the line
    axis = RankAxis(top_n, worst, beyond, below_cut=bool((landed == top_n + 0.5).any()))
    starts = pd.Series(axis.position(starts.to_numpy(float)), index=starts.index)  # on the axis, as the ends
    height = rank_shift_height(len(top) + axis.extra_rows, title, y_label, legend)
    fig, ax = new_figure(figsize=(6.5, height))
    points_per_unit = 72 * (height - 1.5) / (axis.bottom - 0.5)  # about: the axes take the height less the chrome
    # a post in both tops: the accent, in a shade that stands out from the white page (a yellow's is olive); in
    # one top only: dashed, with hollow markers, so that it stays apart from one in both in greyscale print and
    # whatever the client's accent colour, and in a colour unlike the accent's (one_top_colour)
    colour = colours.readable_shade(to_hex(accent).upper(), minimum=colours.GRAPHIC_CONTRAST)  # "#0072B2" as given
    both = {"color": colour, "marker": "o", "lw": 1.6}
    one = {"color": one_top_colour(colour), "marker": "o", "lw": 1.6, "ls": (0, (4, 2)), "markerfacecolor": "white",
           "markeredgewidth": 1.4}
    lands = pd.Series(axis.position(landed), index=top.index)  # on the axis, as the starts
    for index, row in top.iterrows():
        in_both = index in kept if kept is not None else row["last rank by interactions"] <= top_n
        ax.plot([0, 1], [starts[index], lands[index]], **(both if in_both else one))
    # a tie on the left: its span once, beside the places its posts take
    for first, group in top.groupby("rank by broadcast"):
        if len(group) > 1:
            ax.annotate("#" + tr.rank(int(first), _tie_end(group, first)), (0, starts[group.index].mean()),
                        xytext=(-7, 0), textcoords="offset points", ha="right", va="center", fontsize=8)
    # one label per rank on the right (a tie's once), moved apart to a line (9 points) where ranks crowd
    ends = top.drop_duplicates("rank by interactions").sort_values("rank by interactions")
    at = lands[ends.index].to_numpy(float)
    placed = spread(at, 9 / points_per_unit, 0.5, axis.bottom)  # centred within the axes, where the dots allow
    for rank, last, y, own in zip(ends["rank by interactions"], ends["last rank by interactions"], placed, at):
        ax.annotate("#" + tr.rank(int(rank), last), (1, own), xytext=(6, (own - y) * points_per_unit),
                    textcoords="offset points", va="center", fontsize=8)
    ax.axhline(top_n + 0.5, color="grey", lw=0.8, ls="--")
    axis.draw_break(ax)
    ax.set_xlim(-0.2, 1.3)
    ax.set_ylim(axis.bottom, 0.5)
    ax.set_yticks(*axis.ticks())
    ax.set_xticks([0, 1], [axis_label(tr.t("figure.rank_by_reach", by=ranked_by or tr.t("lens.word_reach")), 24),
                           axis_label(tr.t("figure.rank_by_interactions"), 24)])
    ax.set_ylabel(y_label)
    fig.legend(handles=[plt.Line2D([], [], **both, label=legend[0]), plt.Line2D([], [], **one, label=legend[1])],
               frameon=False, fontsize=8, loc="outside lower left")  # below the chart: no line hidden
    fig_title(fig, title)
    localise_numbers(fig, tr)
    return fig


#: The slope chart's colours for a post in one top only: the first that does not look like the accent's shade
#: (colours.alike, colour-blind readers' eyes included), so that an orange accent (#D55E00, the palette's own), a
#: brown one (#8C510A, which protan readers see as a darker vermillion) or a yellow one drawn olive leaves that post
#: blue. Both stand out from the white page as graphics must (3.9:1 and 5.1:1).
ONE_TOP_COLOURS = (to_hex(PALETTE[3]), to_hex(PALETTE[0]))


def one_top_colour(accent: str) -> str:
    """The colour of a post in one top only beside `accent` ('#RRGGBB', the posts in both tops): the first of
    ONE_TOP_COLOURS unlike it. The two lie far apart (91 at the fewest, colours.difference), so at most one
    should be alike; were both, the one further from the accent."""
    return next((colour for colour in ONE_TOP_COLOURS if not colours.alike(colour, accent)),
                max(ONE_TOP_COLOURS, key=lambda colour: colours.difference(colour, accent)))


def landing(top: pd.DataFrame, top_n: int) -> np.ndarray:
    """Where each post of the slope chart ends on the right, in ranks: its rank by interactions, or the
    cut-off (N + 0.5) for a post whose tie spans it (#7–9 in a top 8), which may or may not be in the top N
    and so is counted as not (compare.surely_in_top): drawn at 7 it sat among the top 8, dashed as out of it."""
    first = top["rank by interactions"].to_numpy(float)
    last = top["last rank by interactions"].to_numpy(float) if "last rank by interactions" in top else first
    return np.where((first <= top_n) & (last > top_n), top_n + 0.5, first)


def tied_places(top: pd.DataFrame, last: int | None = None) -> pd.Series:
    """Where each post of the slope chart starts on the left: its rank by the broadcast count, or, for posts
    tied on it, the places their tie spans, one each (two posts tied at 8–9 at 8 and 9, the one ranked higher
    by interactions above), so that no post's line lies hidden under another's. With `last` (the top N), a
    tie's places end there at most, if its posts drawn fit: 2 posts of a tie at 9–12 drawn in a top 10 start
    at 9 and 10, not 9 and 12, below the top N they are drawn in (30 posts tied, 10 drawn: 1 to 10, not 30)."""
    places = top["rank by broadcast"].astype(float)
    for first, group in top.groupby("rank by broadcast"):
        if len(group) > 1:
            order = group.sort_values(["rank by interactions", "top order"]).index
            end = _tie_end(group, first)
            if last is not None:
                end = min(end, max(int(last), int(first) + len(group) - 1))
            places[order] = np.linspace(first, end, len(group))
    return places


def _tie_end(group: pd.DataFrame, first) -> int:
    """The last place of a tie by the broadcast count among the posts drawn: its 'last rank by broadcast', and
    at least as many places as posts drawn."""
    last = int(group["last rank by broadcast"].max()) if "last rank by broadcast" in group else 0
    return max(last, int(first) + len(group) - 1)


class RankAxis:
    """The slope chart's rank axis: ranks 1 to the lowest drawn (`worst`), evenly; or, where the lowest lies
    more than BREAK_BELOW times N down, broken below the top N: ranks 1 to N keep the room they would have on
    their own, and ranks N + 1 to `worst` share a band below the break (evenly spaced within it), a line (9
    points) for each of the `beyond` ranks labelled there, and never less than LOWER_ROWS rows. Unbroken, a
    top 10 whose posts land down to 140 would crowd its ten posts into the axis' first inch.

    `below_cut`: some post ends on the cut-off line (its tie spans it, landing); the axis then reaches half a
    rank below the line at least, so that the line and those posts' markers show whole, not on the frame
    (Oigetit's top 10, all landing at 10 or above or on the line: axis, line and markers met at 10.5)."""

    BREAK_BELOW = 2
    LOWER_ROWS = 4.0
    GAP = 0.7

    def __init__(self, top_n: int, worst: int, beyond: int = 0, below_cut: bool = False):
        self.top_n, self.worst = int(top_n), int(worst)
        self.broken = self.worst > self.BREAK_BELOW * self.top_n
        self.lower = max(self.LOWER_ROWS, 0.6 * beyond + 1) if self.broken else 0.0
        self.cut = self.top_n + 0.5  # the cut-off line; the break lies below it
        self.room = 0.5 if below_cut and self.worst == self.top_n else 0.0  # else ranks below the line give room
        self.bottom = self.cut + self.GAP + self.lower if self.broken else self.worst + 0.5 + self.room

    @property
    def extra_rows(self) -> float:
        """Rows the figure grows by for the band below the break (half a row each: its ranks share it), or for
        the room below a cut-off line that posts end on."""
        return 0.5 * (self.GAP + self.lower) if self.broken else self.room

    def position(self, rank):
        """Where `rank` (a number or an array) sits on the axis."""
        rank = np.asarray(rank, dtype=float)
        if not self.broken:
            return rank if rank.ndim else float(rank)
        below = self.cut + self.GAP + (rank - self.cut) * self.lower / (self.worst + 0.5 - self.cut)
        placed = np.where(rank <= self.cut, rank, below)
        return placed if placed.ndim else float(placed)

    def ticks(self) -> tuple[list[float], list[str]]:
        """Tick positions and their ranks: rank_ticks over the top N and, below a break, over N + 1 to
        `worst`."""
        if not self.broken:
            ranks = rank_ticks(self.worst)
        else:
            ranks = rank_ticks(self.top_n) + rank_ticks(self.worst, self.top_n + 1, max(2, int(self.lower) - 1))
        return [self.position(r) for r in ranks], [str(r) for r in ranks]

    def draw_break(self, ax) -> None:
        """A light band across the gap, and two strokes across each side of the frame, where the axis breaks."""
        if not self.broken:
            return
        ax.axhspan(self.cut + 0.15 * self.GAP, self.cut + 0.85 * self.GAP, color="0.92", lw=0, zorder=0)
        middle = self.cut + self.GAP / 2
        side = ax.get_yaxis_transform()  # x in axes' width, y in ranks
        for x in (0.0, 1.0):
            for shift in (-0.12, 0.12):
                ax.plot([x - 0.012, x + 0.012], [middle + shift + 0.1, middle + shift - 0.1], transform=side,
                        color="0.35", lw=0.9, clip_on=False)


def spread(positions, gap: float, low: float = -np.inf, high: float = np.inf) -> list[float]:
    """Label positions at least `gap` apart, each as near its own (sorted, ascending) position as that allows:
    crowded labels are pushed apart around their middle rather than left out. A cluster of n labels takes
    (n - 1) gaps centred on its positions' mean, clusters that then meet merging; then the labels are kept
    from `low` to `high` (or to their own positions, where these lie beyond), pushed inwards."""
    clusters: list[list] = []  # [the first label's position, the cluster's own positions]
    for position in positions:
        clusters.append([float(position), [float(position)]])
        while True:
            own = clusters[-1][1]
            clusters[-1][0] = float(np.mean(own)) - gap * (len(own) - 1) / 2
            if len(clusters) < 2 or clusters[-2][0] + gap * len(clusters[-2][1]) <= clusters[-1][0]:
                break
            clusters[-2][1].extend(clusters.pop()[1])
    placed = [first + gap * i for first, own in clusters for i in range(len(own))]
    if not placed:
        return placed
    low, high = min(low, positions[0]), max(high, positions[-1])
    for i in range(len(placed)):  # no label above the top, then none below the bottom
        placed[i] = max(placed[i], low if i == 0 else placed[i - 1] + gap)
    for i in reversed(range(len(placed))):
        placed[i] = min(placed[i], high if i == len(placed) - 1 else placed[i + 1] - gap)
    return placed


def rank_ticks(worst: int, first: int = 1, most: int = 10) -> list[int]:
    """The slope chart's rank ticks from `first` (1, the top) to `worst`, the lowest rank drawn: both ends,
    and round ranks between (about `most` in all), so that a post at the bottom reads by its own rank (73, not
    beside a tick of 72); a round rank closer than half a step to either end is left out."""
    locator = MaxNLocator(nbins=most, integer=True, min_n_ticks=2)
    inside = [int(t) for t in locator.tick_values(first, worst) if first <= t <= worst]
    step = inside[1] - inside[0] if len(inside) > 1 else 1
    return sorted({first, worst} | {t for t in inside if t - first > step / 2 and worst - t > step / 2})


def rank_shift_height(rows: float, title: str, y_label: str, legend: list[str], width: float = 6.5) -> float:
    """The slope chart's height (inches): about 0.32 inch a post (and a share for ranks below a break), and never less than its wrapped rank label
    needs beside the axes once the title, the legend and the tick labels take their share (constrained layout
    gives the axes what they leave). The shares are estimated from the texts' lines, measured on this figure
    style (chrome 1.6 to 2.4 inches for titles of 3 to 6 lines), so the figure is laid out once: a top 5
    under a long title no longer has its label run into the title."""
    title_size = 11
    title_lines = wrap_title(title, int(width * 72 / (0.66 * title_size))).count("\n") + 1  # as fig_title
    legend_lines = sum(label.count("\n") + 1 for label in legend)
    chrome = 1.05 + 0.25 * title_lines + 0.14 * max(0, legend_lines - len(legend))
    font = FontProperties(size=plt.rcParams["axes.labelsize"])
    label = max(text_to_path.get_text_width_height_descent(line, font, ismath=False)[0]
                for line in y_label.split("\n")) / 72
    return max(3.5, 0.32 * rows + 1.5, chrome + label + 0.2)


#: Size (points) of the dots a box plot draws for its unusual values: seen on a projected slide too.
FLIER_SIZE = 5


def formats_under_both_lenses(posts: pd.DataFrame, title: str, tr: Translator, x: str = "reach",
                              rate: str | None = None, labels: dict | None = None) -> plt.Figure:
    """Two panels per format: reach per post and engagement rate by reach (boxes show the spread); or the
    broadcast column `x` and the `rate` column dividing by it, with `labels` {'x': ..., 'y': ...}.

    Each format is named with its posts reporting the broadcast count, as the report's format table counts
    them; each panel draws those of its posts it can place, and a note below the panels names the posts
    left out of a panel, and why (formats_left_out): a post with 0 reach has no place on the log scale, nor a
    rate; a post reporting no interactions has no rate."""
    apply_style()
    labels = labels or _reach_labels(tr)
    frame = _format_values(posts, x, rate)
    counted = frame.dropna(subset=["reach"])
    drawn = {"reach": counted[counted["reach"] > 0], "rate": frame.dropna(subset=["rate"])}
    medians = drawn["reach"].groupby("format")["reach"].median()
    order = sorted(set(counted["format"]) | set(drawn["rate"]["format"]),
                   key=lambda f: (-medians.get(f, -np.inf), f))  # the highest median reach on top
    counts = counted["format"].value_counts()
    note = formats_left_out(posts, tr, x, rate, labels)
    fig, axes = new_figure(1, 2, figsize=(9, formats_height(len(order), title) + (0.2 if note else 0)), sharey=True)
    if not order:
        axes[0].text(0.5, 0.5, tr.t("common.na"), ha="center")
    else:
        positions = np.arange(len(order))
        for ax, values, colour in ((axes[0], drawn["reach"].set_index("format")["reach"], PALETTE[0]),
                                   (axes[1], drawn["rate"].set_index("format")["rate"] * 100, PALETTE[2])):
            groups = [values[values.index == f].to_numpy() for f in order]
            ax.boxplot(groups, positions=positions, orientation="horizontal", widths=0.6, patch_artist=True,
                       boxprops={"facecolor": colour, "edgecolor": "0.25"}, medianprops={"color": "0.15"},
                       whiskerprops={"color": "0.25"}, capprops={"color": "0.25"},
                       flierprops={"marker": "o", "markersize": FLIER_SIZE, "markerfacecolor": "0.25",
                                   "markeredgecolor": "none"})
        log_scale(axes[0], "x", tr)
        axes[0].set_ylim(len(order) - 0.5, -0.5)  # the format with the highest median reach on top
        axes[0].set_yticks(positions, [f"{tr.format_name(f)} ({tr.number(counts.get(f, 0))})" for f in order])
    axes[0].set_xlabel(axis_label(labels["x"], 44))
    axes[0].set_ylabel(tr.t("figure.axis_format"))
    axes[0].set_title(tr.t("lens.broadcast_title"), loc="left", fontsize=10)
    axes[1].set_xlabel(axis_label(labels["y"], 44))
    axes[1].set_ylabel("")
    axes[1].set_title(tr.t("lens.engagement_title"), loc="left", fontsize=10)
    if note:  # below the panels, laid out with them
        fig.supxlabel(wrap_title(note, int(9 * 72 / (0.55 * 9))), x=0.01, ha="left", fontsize=9)
    fig_title(fig, title)
    localise_numbers(fig, tr)
    return fig


def _format_values(posts: pd.DataFrame, x: str, rate: str | None) -> pd.DataFrame:
    """Each post's format (UNKNOWN_GROUP where the export gives none), broadcast count and rate, as floats."""
    return pd.DataFrame({"format": posts["format"].fillna(UNKNOWN_GROUP).astype(str),
                         "reach": posts[x].astype("Float64").astype(float),
                         "rate": (posts[rate] if rate else engagement_rate_by_reach(posts)).astype("Float64")
                         .astype(float)})


def formats_left_out(posts: pd.DataFrame, tr: Translator, x: str = "reach", rate: str | None = None,
                     labels: dict | None = None) -> str:
    """The format boxes' note on the posts counted beside a format's name (those reporting the broadcast
    count) but left out of a panel, format by format: with 0 reach (or views), out of both, since a log
    scale has no place for 0 and a rate none to divide by; reporting no interactions, out of the rate's.
    Empty when every post counted is drawn in both panels."""
    words = labels or _reach_labels(tr)
    frame = _format_values(posts, x, rate).dropna(subset=["reach"])
    zero = frame[frame["reach"] <= 0]
    no_rate = frame[(frame["reach"] > 0) & frame["rate"].isna()]
    parts = []
    for key, left in (("figure.formats_zero_broadcast", zero), ("figure.formats_no_rate", no_rate)):
        if len(left):
            counts = left["format"].value_counts().sort_index()
            items = "; ".join(tr.t("figure.formats_item", format=tr.format_name(f), posts=tr.number(n))
                              for f, n in counts.items())
            parts.append(tr.t(key, items=items, **words))
    return " ".join(parts)


def title_lines(title: str, width: float, fontsize: float = 11) -> int:
    """How many lines fig_title wraps `title` to on a figure `width` inches wide."""
    return wrap_title(title, int(width * 72 / (0.66 * fontsize))).count("\n") + 1


def formats_height(formats: int, title: str, width: float = 9) -> float:
    """The format boxes' figure height (inches): 0.55 a format, at least 1.9 for the vertical axis label (an
    Indonesian one is 24 characters), 1.2 for the panels' titles and axis labels, and the title's lines: a
    long title took its lines from the panels, which ran the axis label into it."""
    return max(0.55 * formats, 1.9) + 1.2 + 0.22 * title_lines(title, width)


def _reach_labels(tr: Translator) -> dict:
    """The words and axis labels of a platform compared by reach and engagement rate by reach."""
    words = {"by": tr.t("lens.word_reach"), "rate": tr.metric("engagement_rate_by_reach")}
    return {**words, "x": tr.t("figure.axis_reach"), "y": tr.t("figure.axis_rate", rate=words["rate"])}


def relative_luminance(colour) -> float:
    """WCAG 2's relative luminance of any matplotlib colour (its alpha ignored): colours.relative_luminance."""
    return colours.relative_luminance(to_rgba(colour)[:3])


def contrast_ratio(first, second) -> float:
    """WCAG 2's contrast ratio of two matplotlib colours, from 1 to 21 (text wants 4.5, graphics 3):
    colours.contrast_ratio."""
    return colours.contrast_ratio(to_rgba(first)[:3], to_rgba(second)[:3])


#: The colours a heat map cell's count may be written in; text_colour_on takes the one reading best on the cell.
CELL_TEXT = ("white", "0.15")


def text_colour_on(background, choices=CELL_TEXT):
    """The colour of `choices` of highest contrast with `background` (the first on a tie): white on viridis'
    dark end, dark grey from its middle (white on its teal reads at 3.2:1, dark grey at 4.7:1)."""
    return max(choices, key=lambda colour: contrast_ratio(colour, background))


#: The one colour of a heat-map panel whose coloured cells all have one median: outside the palette.
UNIFORM_CELL_COLOUR = "#b0b0b0"
#: A weekday-and-hour cell is coloured from this many posts reporting the rate: fewer are too few to judge.
MIN_CELL_DAYS = 3


def day_hour_heatmap(table: pd.DataFrame, title: str, tr: Translator, min_days: int = MIN_CELL_DAYS,
                     labels: dict | None = None, months=(), zone: str = "") -> plt.Figure:
    """Median engagement rate per weekday × hour (compare.day_hour: by reach, or by the platform's broadcast
    count; `labels` name it per platform), one panel per platform with its own colour scale
    (a platform's slots are compared with each other, not with another platform's), each cell labelled with
    its number of posts.

    Cells whose posts reporting the rate fall on fewer than `min_days` days are shown with their count but
    without colour: too few to judge, as posts of one day (a thread) share that day's audience, and the timing
    test (compare.slot_test) counts them once. The platforms in `months` date their posts to the month only
    (compare.slot_days): their cells count months, and their panel titles say so.
    """
    apply_style()
    reporting = table.groupby("platform")["reporting"].sum() if not table.empty else pd.Series(dtype=int)
    platforms = sorted(reporting.index[reporting > 0])  # a platform without the rate (no reach) has no panel
    rows = max(1, len(platforms))
    fig, axes = new_figure(rows, 1, figsize=(9, 0.6 + 3.2 * rows), squeeze=False)
    if not platforms:
        axes[0, 0].text(0.5, 0.5, tr.t("timing.none" if table.empty else "timing.no_rate"), ha="center", va="center",
                        wrap=True)
        axes[0, 0].set_axis_off()
        fig_title(fig, title)
        return fig
    drawn = table[table["platform"].isin(platforms)]
    # every hour from the first to the last posted, on every panel, so that the hours line up and gaps show
    hours = list(range(int(drawn["hour"].min()), int(drawn["hour"].max()) + 1))
    for ax, platform in zip(axes[:, 0], platforms):
        _day_hour_panel(fig, ax, table[table["platform"] == platform], hours, tr, min_days)
        words = (labels or {}).get(platform) or _reach_labels(tr)
        key = "figure.heat_panel_months" if platform in months else "figure.heat_panel"
        panel_title(ax, tr.t(key, platform=tr.platform(platform), **words))
    # the hours are the client's clock, named (a report speaks to the client, not of "the client's time zone")
    axes[-1, 0].set_xlabel(tr.t("figure.axis_hour_zone", zone=zone) if zone else tr.t("figure.axis_hour"))
    fig_title(fig, title)
    localise_numbers(fig, tr)
    return fig


def coloured_cells(table: pd.DataFrame, min_days: int = MIN_CELL_DAYS) -> pd.DataFrame:
    """The rows of the timing heat map's table (compare.day_hour) whose cells it colours: those whose posts
    reporting the rate fall on at least `min_days` days, with a median."""
    return table[table["days"] >= min_days].dropna(subset=["median"])


def uniform_cells(table: pd.DataFrame, min_days: int = MIN_CELL_DAYS) -> dict[str, float]:
    """The platforms of the timing heat map (compare.day_hour's table) whose coloured cells (coloured_cells)
    all have one median: {platform: that median (a rate)}."""
    medians = coloured_cells(table, min_days).groupby("platform")["median"].agg(["min", "max"])
    return {p: float(row["min"]) for p, row in medians.iterrows() if row["min"] == row["max"]}


def heat_value(rate: float, tr: Translator) -> str:
    """A heat map cell's median rate as the report writes one: 0%, 2.35%."""
    return tr.rate_percent(rate) if rate else tr.percent(0, 0)


#: A heat-map panel's coloured cells the figure's alt text names, all of them up to this many; beyond, the three
#: of highest median and the lowest, with how many lie between (a panel of one median: the first three, with how
#: many more): the colours' values, which a screen reader cannot see, without a list as long as the map.
ALT_CELLS = 4


def heat_cells_alt(cells: pd.DataFrame, platform: str, tr: Translator) -> str:
    """The alt text's sentence on one panel's coloured cells (coloured_cells, of `platform`), highest median first
    (ties in weekday and hour order), each with its weekday, hour, median and posts reporting the rate (the
    number it is labelled with); more than ALT_CELLS as the top three and the lowest. A panel whose cells share
    one median (uniform_cells: drawn in one colour, without a scale) says that median once and lists its cells
    in weekday and hour order, with nothing to rank: _uniform_cells_alt. Empty for none."""
    if cells.empty:
        return ""
    order = cells.assign(day=[WEEKDAYS.index(str(day)) for day in cells["weekday"]]).sort_values(
        ["median", "day", "hour"], ascending=[False, True, True])
    if order["median"].min() == order["median"].max():
        return _uniform_cells_alt(order, platform, tr)
    words = [tr.t("figure.heat_cell", weekday=tr.t(f"weekday.{str(row.weekday).lower()}"), time=tr.hour(row.hour),
                  value=heat_value(row.median, tr), posts=tr.number(row.reporting))
             for row in order.itertuples()]
    name = tr.platform(platform)
    if len(words) <= ALT_CELLS:
        return tr.t("figure.timing_alt_cells", platform=name, cells="; ".join(words))
    return tr.t("figure.timing_alt_cells_more", platform=name, cells="; ".join(words[:3]),
                more=tr.number(len(words) - 4), last=words[-1])


def _uniform_cells_alt(order: pd.DataFrame, platform: str, tr: Translator) -> str:
    """heat_cells_alt's sentence for a panel whose coloured cells (`order`, in weekday and hour order) share one
    median: that median once, then each cell's weekday, hour and posts, the first three of more than ALT_CELLS
    with how many more; a lone cell as one ("has one coloured cell"), never as "every"."""
    slots = [tr.t("figure.heat_slot", weekday=tr.t(f"weekday.{str(row.weekday).lower()}"), time=tr.hour(row.hour),
                  posts=tr.number(row.reporting))
             for row in order.itertuples()]
    words = {"platform": tr.platform(platform), "value": heat_value(float(order["median"].iloc[0]), tr)}
    if len(slots) == 1:
        return tr.t("figure.timing_alt_uniform_one", cell=slots[0], **words)
    if len(slots) <= ALT_CELLS:
        return tr.t("figure.timing_alt_uniform", cells=tr.join(slots), **words)
    return tr.t("figure.timing_alt_uniform_more", cells=", ".join(slots[:3]), more=tr.number(len(slots) - 3),
                **words)


def _day_hour_panel(fig, ax, table: pd.DataFrame, hours: list, tr: Translator, min_days: int) -> None:
    """One platform's weekday × hour cells on `ax`, with its colour bar; or, where every coloured cell has the
    same median (Oigetit's Facebook: 0% in each), in one colour named beside the panel, since a scale would
    only tell that value from no value at all."""
    counts = table.pivot_table(index="weekday", columns="hour", values="reporting", aggfunc="sum", observed=False)
    medians = table.pivot_table(index="weekday", columns="hour", values="median", aggfunc="first", observed=False)
    days = table.pivot_table(index="weekday", columns="hour", values="days", aggfunc="sum", observed=False)
    counts = counts.reindex(index=WEEKDAYS, columns=hours).fillna(0)
    medians = medians.reindex(index=WEEKDAYS, columns=hours)
    days = days.reindex(index=WEEKDAYS, columns=hours).fillna(0)
    shown = (medians * 100).where(days >= min_days).astype(float)
    same = list(uniform_cells(table, min_days).values())
    if same:  # one median in every coloured cell: a scale would only tell that value from no value
        # a grey no colour scale holds: a palette colour would read as a value on the next panel's scale
        # (Oigetit's lone Facebook cell of 0% looked like Instagram's 2-3%, the panel's hot spot)
        colour = UNIFORM_CELL_COLOUR
        cells = ax.pcolormesh(np.ma.masked_invalid(shown.to_numpy()), cmap=ListedColormap([colour]),
                              edgecolors="white", linewidth=0.5)
        cells.set_clim(same[0] * 100 - 1, same[0] * 100 + 1)  # every coloured cell in the one colour
        key = "figure.heat_one_cell" if int(shown.notna().sum().sum()) == 1 else "figure.heat_one_value"
        # where the colour bar would be, and about as narrow: the panels keep their width
        label = textwrap.fill(tr.t(key, value=heat_value(same[0], tr)), 12, break_on_hyphens=False)
        ax.legend(handles=[Patch(facecolor=colour, label=label)], loc="upper left", bbox_to_anchor=(1.01, 1),
                  frameon=False, fontsize=9, handlelength=1.2, handletextpad=0.4, borderaxespad=0)
    else:
        cells = ax.pcolormesh(np.ma.masked_invalid(shown.to_numpy()), cmap="viridis", edgecolors="white",
                              linewidth=0.5)
    if not same and shown.notna().any(axis=None):  # no scale for a panel whose every cell is too thin to colour
        low, high = cells.get_clim()
        # a scale from 0% (rates are never below it): with a few coloured cells, a scale from the lowest to
        # the highest would paint 6% and 10% as the palette's two ends, a gap far larger than it is
        cells.set_clim(min(low, 0.0), high)
        fig.colorbar(cells, ax=ax)  # what the colours are is the panel's title
    fills = cells.to_rgba(shown.to_numpy())  # each cell's colour; an uncoloured cell shows the axes' own
    for (row, column), count in np.ndenumerate(counts.to_numpy()):
        if count <= 0:
            continue
        fill = fills[row, column] if pd.notna(shown.iat[row, column]) else ax.get_facecolor()
        ax.text(column + 0.5, row + 0.5, str(int(count)), ha="center", va="center", fontsize=9,
                color=text_colour_on(fill), in_layout=False)  # inside the axes: no layout work
    ax.set_xlim(0, shown.shape[1])
    ax.set_ylim(len(WEEKDAYS), 0)
    ax.set_xticks(np.arange(shown.shape[1]) + 0.5, [str(h) for h in hours])
    ax.set_yticks(np.arange(len(WEEKDAYS)) + 0.5, [tr.t(f"weekday.{d.lower()}") for d in WEEKDAYS], rotation=0)
    ax.grid(False)
    ax.set_ylabel("")
