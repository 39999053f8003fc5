"""The report's figures, one look: colour-blind-safe palette, titles that state the takeaway, labelled axes.

Each function takes the canonical post table (or a table derived from it) and returns a Figure; the caller
shows it with display.figure(fig, alt=...). Titles come from narrative.py so a figure and its sentence
quote the same number.
"""
from __future__ import annotations

import textwrap

import matplotlib.pyplot as plt
import pandas as pd
import seaborn as sns

from .compare import rank_table
from .metrics import engagement_rate_by_reach, interactions

PALETTE = sns.color_palette("colorblind")
PLATFORM_COLOURS = {p: PALETTE[i] for i, p in enumerate(
    ["facebook", "instagram", "x", "youtube", "tiktok", "linkedin"])}


def _wrap(title: str, width: int = 60) -> str:
    """Titles state the takeaway in a sentence; wrap it to the figure's width."""
    return textwrap.fill(title, width)


def _style() -> None:
    sns.set_theme(style="whitegrid", context="notebook", palette=PALETTE)
    plt.rcParams.update({"axes.titleweight": "bold", "axes.titlesize": 12, "figure.dpi": 100})


def reach_vs_interactions(posts: pd.DataFrame, title: str) -> plt.Figure:
    """Scatter of reach (log) against interactions (log), one colour per platform."""
    _style()
    frame = pd.DataFrame({"platform": posts["platform"], "reach": posts["reach"].astype("Float64"),
                          "interactions": interactions(posts)}).dropna()
    frame = frame[(frame["reach"] > 0) & (frame["interactions"] > 0)].astype({"reach": float, "interactions": float})
    fig, ax = plt.subplots(figsize=(7.5, 4.8))
    for platform, group in frame.groupby("platform"):
        ax.scatter(group["reach"], group["interactions"], s=22, alpha=0.75, label=f"{platform} ({len(group)})",
                   color=PLATFORM_COLOURS.get(platform))
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("Reach per post (accounts, log scale)")
    ax.set_ylabel("Interactions per post (log scale)")
    ax.set_title(_wrap(title), loc="left")
    if len(frame):
        ax.legend(title="platform (posts)", frameon=False)
    return fig


def rank_shift(posts: pd.DataFrame, platform: str, top_n: int, title: str) -> plt.Figure:
    """Slope chart: the top-N posts by reach, and where each lands when ranked by interactions."""
    _style()
    ranks = rank_table(posts[posts["platform"] == platform])
    top = ranks.sort_values("rank by reach").head(top_n)
    fig, ax = plt.subplots(figsize=(6.5, max(3.5, 0.32 * len(top) + 1.5)))
    worst = int(max(top["rank by interactions"].max() if len(top) else 1, top_n))
    for _, row in top.iterrows():
        kept = row["rank by interactions"] <= top_n
        colour = PALETTE[0] if kept else PALETTE[3]
        ax.plot([0, 1], [row["rank by reach"], row["rank by interactions"]], color=colour, marker="o", lw=1.6)
        ax.annotate(f"#{int(row['rank by interactions'])}", (1, row["rank by interactions"]),
                    xytext=(6, 0), textcoords="offset points", va="center", fontsize=8)
    ax.axhline(top_n + 0.5, color="grey", lw=0.8, ls="--")
    ax.set_xlim(-0.2, 1.3)
    ax.set_ylim(worst + 1, 0)
    ax.set_xticks([0, 1], ["rank by reach", "rank by interactions"])
    ax.set_ylabel("rank among the platform's posts (1 = highest)")
    ax.set_title(_wrap(title), loc="left")
    return fig


def format_table(posts: pd.DataFrame) -> pd.DataFrame:
    """Per format: posts, median reach and median engagement rate by reach (posts reporting them)."""
    frame = pd.DataFrame({"format": posts["format"].fillna("unknown"), "reach": posts["reach"].astype("Float64"),
                          "rate": engagement_rate_by_reach(posts)})
    grouped = frame.groupby("format")
    out = pd.DataFrame({
        "posts": grouped.size(),
        "median reach": grouped["reach"].median().astype(float),
        "median ER by reach": grouped["rate"].median().astype(float),
        "posts with ER": grouped["rate"].count(),
    })
    return out.sort_values("median reach", ascending=False)


def formats_under_both_lenses(posts: pd.DataFrame, title: str) -> plt.Figure:
    """Two panels per format: reach per post and engagement rate by reach (boxes show the spread)."""
    _style()
    frame = pd.DataFrame({"format": posts["format"].fillna("unknown"),
                          "reach": posts["reach"].astype("Float64"),
                          "rate": engagement_rate_by_reach(posts)}).dropna()
    frame = frame.astype({"reach": float, "rate": float})
    order = frame.groupby("format")["reach"].median().sort_values(ascending=False).index.tolist()
    counts = frame["format"].value_counts()
    fig, axes = plt.subplots(1, 2, figsize=(9, max(3, 0.55 * len(order) + 1.5)), sharey=True)
    sns.boxplot(data=frame, y="format", x="reach", order=order, ax=axes[0], color=PALETTE[0], fliersize=2)
    axes[0].set_xscale("log")
    axes[0].set_xlabel("Reach per post (log scale)")
    axes[0].set_ylabel("format (posts)")
    axes[0].set_yticks(range(len(order)), [f"{f} ({counts.get(f, 0)})" for f in order])
    axes[0].set_title("Broadcast lens", loc="left", fontsize=10)
    sns.boxplot(data=frame.assign(rate=frame["rate"] * 100), y="format", x="rate", order=order, ax=axes[1],
                color=PALETTE[2], fliersize=2)
    axes[1].set_xlabel("Engagement rate by reach (%)")
    axes[1].set_ylabel("")
    axes[1].set_title("Engagement lens", loc="left", fontsize=10)
    fig.suptitle(_wrap(title, 90), x=0.01, ha="left", fontweight="bold", fontsize=12)
    fig.tight_layout()
    return fig
