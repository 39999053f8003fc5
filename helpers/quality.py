"""Data-quality checks on freshly imported posts: what cannot be true is flagged, never silently fixed up.

Run by import_exports on each file's rows; findings go into that file's import report (and so into
`python -m helpers inspect` and the report's coverage section).
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from .i18n import Message
from .metrics import INTERACTION_COMPONENTS, blank_components
from .schema import COUNT_COLUMNS

#: Meta retired `impressions` for `views` (which count repeat views) on this date (Instagram, then Facebook).
META_VIEWS_SWITCH = pd.Timestamp("2025-04-21")


def _rows(posts: pd.DataFrame, mask: pd.Series, limit: int = 5) -> Message:
    """The file rows of the flagged posts: the first `limit` of them, and how many more."""
    rows = ", ".join(str(r) for r in (posts.loc[mask, "source_row"].head(limit) if "source_row" in posts else []))
    if mask.sum() > limit:
        return Message("imports.quality.rows_and_more", rows=rows, more=int(mask.sum()) - limit)
    return Message("imports.quality.rows", rows=rows)


def drop_negative_counts(posts: pd.DataFrame) -> tuple[pd.DataFrame, list[Message]]:
    """A negative count (likes, reach, ...) cannot happen: the cell is set to NA and reported by row."""
    notes = []
    posts = posts.copy()
    for column in COUNT_COLUMNS:
        if column not in posts:
            continue
        values = pd.to_numeric(posts[column])
        negative = values.lt(0).fillna(False).astype(bool)
        if negative.any():
            notes.append(Message("imports.quality.negative", count=int(negative.sum()), column=column,
                                 rows=_rows(posts, negative)))
            posts[column] = posts[column].mask(negative)
    return posts, notes


def quality_notes(posts: pd.DataFrame) -> list[Message]:
    """Warnings about rows that are possible but suspicious, and about series breaks."""
    notes = []
    if {"reach", "impressions"} <= set(posts):
        reach = pd.to_numeric(posts["reach"])
        impressions = pd.to_numeric(posts["impressions"])
        above = (reach > impressions).fillna(False).astype(bool)
        if above.any():
            notes.append(Message("imports.quality.reach_above_impressions", count=int(above.sum()),
                                 rows=_rows(posts, above)))
    notes += blank_interaction_notes(posts)
    if {"platform", "published_at"} <= set(posts) and len(posts):
        meta = posts["platform"].isin(["facebook", "instagram"])
        when = posts.loc[meta, "published_at"]
        if len(when):
            switch = META_VIEWS_SWITCH.tz_localize(when.dt.tz) if when.dt.tz is not None else META_VIEWS_SWITCH
            if when.min() < switch <= when.max():
                kinds = sorted(posts.loc[meta, "impressions_kind"].dropna().unique()) if "impressions_kind" in posts else []
                reported = Message(f"imports.quality.kinds_{'_and_'.join(kinds) or 'neither'}")
                notes.append(Message("imports.quality.views_switch", reported=reported))
    return notes


def blank_interaction_notes(posts: pd.DataFrame) -> list[Message]:
    """A warning naming the posts that leave blank an interaction count their file reports for other posts
    (metrics.blank_components): their interactions are not known, so interactions and the engagement rates
    leave them out, and the report's tables count them as not covered."""
    parts = tuple(c for c in INTERACTION_COMPONENTS if c in posts)
    if not parts or posts.empty:
        return []
    blank = blank_components(posts, components=parts)
    any_blank = blank.any(axis=1)
    if not any_blank.any():
        return []
    counts = [Message("imports.quality.blank_part", metric=Message(f"metric.{c}.label"), count=int(blank[c].sum()))
              for c in parts if blank[c].any()]
    return [Message("imports.quality.blank_interactions", count=int(any_blank.sum()), parts=counts,
                    rows=_rows(posts, any_blank))]


def kinds_across_files(posts: pd.DataFrame) -> dict[str, Message]:
    """Per platform whose files report impressions in some and views in others (Meta's exports before and
    after 2025-04-21, read together), the warning to give, keyed by the file it goes to (the newest one's
    source_file): frequency and rates by impressions mix the two counts. A file spanning the switch itself
    is flagged by quality_notes."""
    notes = {}
    meta = posts[posts["platform"].isin(["facebook", "instagram"])]  # only Meta's exports switched to views
    known = meta[meta["impressions_kind"].isin(["impressions", "views"])]
    for platform, mine in known.groupby("platform"):
        pairs = mine[["impressions_kind", "source_file"]].drop_duplicates()
        by_kind = pairs.groupby("impressions_kind")["source_file"].agg(lambda f: sorted(set(f)))
        if len(by_kind) < 2 or set(by_kind["impressions"]) == set(by_kind["views"]):
            continue  # one kind, or every file reports both (its own note says so)
        names = {kind: ", ".join(Path(f).name for f in files) for kind, files in by_kind.items()}
        newest = mine.loc[mine["published_at"].idxmax(), "source_file"]
        notes[newest] = Message("imports.quality.kinds_across_files", platform=Message(f"platform.{platform}"),
                                impressions=names["impressions"], views=names["views"])
    return notes

