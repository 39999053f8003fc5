"""Data-quality checks on freshly imported posts: what cannot be true is flagged, never silently fixed up.

Run by import_exports on each file's rows; findings go into that file's import report (and so into
`python -m helpers inspect` and the report's coverage section).
"""
from __future__ import annotations

import pandas as pd

from .schema import COUNT_COLUMNS

#: Meta retired `impressions` for `views` (which count repeat views) on this date (Instagram, then Facebook).
META_VIEWS_SWITCH = pd.Timestamp("2025-04-21")


def _rows(posts: pd.DataFrame, mask: pd.Series, limit: int = 5) -> str:
    rows = posts.loc[mask, "source_row"].head(limit).tolist() if "source_row" in posts else []
    more = f" and {int(mask.sum()) - limit} more" if mask.sum() > limit else ""
    return ", ".join(str(r) for r in rows) + more


def drop_negative_counts(posts: pd.DataFrame) -> tuple[pd.DataFrame, list[str]]:
    """A negative count (likes, reach, ...) cannot happen: the cell is set to NA and reported by row."""
    notes = []
    posts = posts.copy()
    for column in COUNT_COLUMNS:
        if column not in posts:
            continue
        values = pd.to_numeric(posts[column])
        negative = values.lt(0).fillna(False).astype(bool)
        if negative.any():
            notes.append(f"{int(negative.sum())} negative value(s) in {column} (rows {_rows(posts, negative)}):"
                         " a count cannot be negative, so these cells are treated as not reported")
            posts[column] = posts[column].mask(negative)
    return posts, notes


def quality_notes(posts: pd.DataFrame) -> list[str]:
    """Warnings about rows that are possible but suspicious, and about series breaks."""
    notes = []
    if {"reach", "impressions"} <= set(posts):
        reach = pd.to_numeric(posts["reach"])
        impressions = pd.to_numeric(posts["impressions"])
        above = (reach > impressions).fillna(False).astype(bool)
        if above.any():
            notes.append(f"{int(above.sum())} post(s) report reach above impressions/views (rows"
                         f" {_rows(posts, above)}): every reached account saw the post at least once, so one of"
                         " the two figures is wrong; frequency for these posts is below 1")
    if {"platform", "published_at"} <= set(posts) and len(posts):
        meta = posts["platform"].isin(["facebook", "instagram"])
        when = posts.loc[meta, "published_at"]
        if len(when):
            switch = META_VIEWS_SWITCH.tz_localize(when.dt.tz) if when.dt.tz is not None else META_VIEWS_SWITCH
            if when.min() < switch <= when.max():
                kinds = sorted(posts.loc[meta, "impressions_kind"].dropna().unique()) if "impressions_kind" in posts else []
                notes.append(
                    "series break: posts span 2025-04-21, when Meta replaced impressions by views (which count"
                    f" repeat views); this file reports {' and '.join(kinds) or 'neither'}: frequency and rates"
                    " by impressions before and after that date are not comparable")
    return notes
