"""Sentences written from the numbers: each finding quotes a figure the report also shows.

Plain text only; display.py escapes it before it reaches HTML (format names come from the exports).
"""
from __future__ import annotations

import numpy as np
import pandas as pd


def percent(value: float, digits: int = 1) -> str:
    return "n/a" if value is None or pd.isna(value) else f"{value * 100:.{digits}f}%"


def number(value: float) -> str:
    if value is None or pd.isna(value):
        return "n/a"
    return f"{value:,.0f}" if abs(value) >= 100 else f"{value:,.2f}".rstrip("0").rstrip(".")


def agreement_strength(rho: float) -> str:
    """Words for a rank correlation (conventional bands: <0.3 weak, <0.6 moderate, <0.8 strong)."""
    if pd.isna(rho):
        return "cannot be measured"
    size = abs(rho)
    word = "weakly" if size < 0.3 else "moderately" if size < 0.6 else "strongly" if size < 0.8 else "very strongly"
    return word if rho >= 0 else f"{word} and inversely"


def rank_agreement_sentence(platform: str, row: pd.Series) -> str:
    """E.g. 'On facebook, reach and interactions rank posts moderately alike: Spearman ρ = 0.52 (95% CI ...)'."""
    if pd.isna(row["rho"]):
        return (f"On {platform}, the two rankings cannot be compared: only {int(row['n'])} post(s) report both reach"
                " and interactions.")
    interval = ("" if pd.isna(row["ci_low"]) else
                f" ({row['confidence']:.0%} CI {row['ci_low']:.2f} to {row['ci_high']:.2f})")
    return (f"On {platform}, reach and interactions rank posts {agreement_strength(row['rho'])} alike: "
            f"Spearman ρ = {row['rho']:.2f}{interval}, over {int(row['n'])} posts.")


def overlap_sentence(platform: str, overlap: dict) -> str:
    """E.g. 'Only 5 of the 10 most-reached facebook posts are among the 10 with most interactions.'"""
    k = overlap["n"]
    if k == 0:
        return f"On {platform}, no post reports both {overlap['a']} and {overlap['b']}."
    lead = "Only " if overlap["overlap"] < k else "All "
    count = f"{overlap['overlap']} of the {k}" if overlap["overlap"] < k else f"{k} of the {k}"
    return (f"{lead}{count} most-reached {platform} posts are among the {k} with most {overlap['b']}"
            f" ({overlap['posts_compared']} posts compared).")


def best_post_rank_sentence(platform: str, ranks: pd.DataFrame, a: str = "reach", b: str = "interactions") -> str:
    """E.g. 'Your most-reached facebook post was 14th by interactions.'"""
    mine = ranks[ranks["platform"] == platform]
    if mine.empty:
        return f"No {platform} post reports both {a} and {b}."
    top = mine.sort_values([f"rank by {a}", f"rank by {b}"]).iloc[0]
    return (f"Your most-reached {platform} post was {ordinal(int(top[f'rank by {b}']))} of {len(mine)}"
            f" by {b}.")


def format_sentence(platform: str, table: pd.DataFrame) -> str:
    """Which format wins under each lens, from the per-format medians (formats with at least 3 posts)."""
    table = table[table["posts"] >= 3]
    if len(table) < 2:
        return f"On {platform}, fewer than two formats have 3 or more posts, so formats are not compared."
    by_reach = table["median reach"].idxmax()
    by_rate = table["median ER by reach"].idxmax()
    if by_reach == by_rate:
        return (f"On {platform}, {by_reach} wins under both lenses: median reach {number(table.loc[by_reach, 'median reach'])}"
                f" and median engagement rate by reach {percent(table.loc[by_rate, 'median ER by reach'])}.")
    return (f"On {platform}, the lenses disagree on formats: {by_reach} has the highest median reach"
            f" ({number(table.loc[by_reach, 'median reach'])}), {by_rate} the highest median engagement rate by"
            f" reach ({percent(table.loc[by_rate, 'median ER by reach'])}).")


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def coverage_sentence(posts: pd.DataFrame) -> str:
    """What the loaded data covers: posts, platforms, period."""
    if posts.empty:
        return "No posts were found in the export files for this period."
    platforms = ", ".join(f"{p} ({n})" for p, n in posts["platform"].value_counts().sort_index().items())
    first, last = posts["published_at"].min(), posts["published_at"].max()
    return (f"{len(posts)} posts from {first:%d %B %Y} to {last:%d %B %Y}: {platforms}.")


def not_reported(posts: pd.DataFrame, columns: tuple[str, ...]) -> list[str]:
    """Sentences naming the metrics a platform does not report (so the report says so instead of 0)."""
    lines = []
    for platform, group in posts.groupby("platform", sort=True):
        missing = [c for c in columns if group[c].isna().all()]
        if missing:
            lines.append(f"{platform}: not reported by the exports: {', '.join(m.replace('_', ' ') for m in missing)}.")
    return lines


def join_nonempty(parts) -> str:
    return " ".join(p for p in parts if p)


