"""Data-quality checks on freshly imported posts: what cannot be true is flagged, never silently fixed up.

Run by import_exports on each file's rows; findings go into that file's import report (and so into
`python -m helpers inspect` and the report's coverage section).
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from .i18n import Message, metric_label
from .metrics import INTERACTION_COMPONENTS, blank_components, counted_kind
from .schema import COUNT_COLUMNS

#: Meta retired `impressions` for `views` (which count repeat views) on this date (Instagram, then Facebook).
META_VIEWS_SWITCH = pd.Timestamp("2025-04-21")


def flagged_rows(posts: pd.DataFrame, mask: pd.Series, limit: int = 5) -> Message:
    """The file rows of the flagged posts: the first `limit` of them, and how many more."""
    rows = list(posts.loc[mask, "source_row"].head(limit)) if "source_row" in posts else []
    return row_list(rows, limit, count=int(mask.sum()))


def row_list(rows: list, limit: int = 5, count: int | None = None) -> Message:
    """'row 9', 'rows 9, 12', 'rows 9, 12, 15 and 4 more': the first `limit` of `rows` (`count` of them in all,
    default their number)."""
    count = len(rows) if count is None else count
    shown = ", ".join(str(r) for r in rows[:limit])
    if count > limit:
        return Message("imports.quality.rows_and_more", rows=shown, more=count - limit)
    return Message("imports.quality.row" if count == 1 else "imports.quality.rows", rows=shown)


#: Two figures of a row that must agree (one is worked out from the other's columns) are said to contradict each
#: other when they are this many times apart: a file's own rounding, or platforms counting slightly differently
#: (YouTube's watch time per view and its average view duration differ up to threefold), stays well inside it,
#: while decimal points lost in a re-save make figures 10 to 10,000 times too big.
APART_FACTOR = 10


def figures_apart(derived: pd.Series, stated: pd.Series, *, derived_error=0.0, stated_error=0.0) -> pd.Series:
    """True where `derived` (a figure worked out from a row's columns) and `stated` (the file's own column for
    it) are APART_FACTOR times apart or more, even after each moves by as much as its rounding can have moved
    it (`*_error`, in its units): one view of 0.0001 watch hours beside 0:00:00 is rounding, not a contradiction.
    False where either is missing."""
    derived, stated = pd.to_numeric(derived).astype("float64"), pd.to_numeric(stated).astype("float64")
    low_d, high_d = (derived - derived_error).clip(lower=0), derived + derived_error
    low_s, high_s = (stated - stated_error).clip(lower=0), stated + stated_error
    apart = ((low_d >= APART_FACTOR * high_s) & (low_d > 0)) | ((low_s >= APART_FACTOR * high_d) & (low_s > 0))
    return apart.fillna(False).astype(bool)


def figures_apart_note(key: str, apart: pd.Series, rows: pd.Series, *, lost: tuple[str, str], **first) -> Message:
    """The warning `key` about the rows where figures that must agree are tenfold apart (figures_apart): how
    many, which file rows (row_list), the first one's figures (`first`, as the text shows them) and what it
    likely means and what to do (imports.quality.decimals_lost), with `lost`, a figure of the export as written
    and as a re-save that lost its decimal point reads it ('19.2306', '192306'). The figures are imported as
    they stand, as reach above impressions is: nothing in the file tells which of them is wrong."""
    flagged = list(rows[apart])
    written, read = lost
    return Message(key, count=len(flagged), rows=row_list(flagged), row=int(flagged[0]),
                   meaning=Message("imports.quality.decimals_lost", written=repr(written), read=read), **first)


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
            notes.append(Message("imports.quality.negative", count=int(negative.sum()), metric=metric_label(column),
                                 rows=flagged_rows(posts, negative)))
            posts[column] = posts[column].mask(negative)
    return posts, notes


#: The broadcast counts every interaction implies: a post someone reacted to, commented on, shared or saved was
#: on their screen, so it reached at least one account and was shown at least once. Video views are not among
#: them (Meta counts 3-second plays: a post can be liked without one, and a photo has none), nor are YouTube's
#: thumbnail impressions (a video found through a link is watched without a thumbnail shown).
SEEN_COUNTS = ("reach", "impressions")


def impressions_word(kinds, none: str = "impressions") -> Message:
    """What an impressions column counts, in words, from its impressions_kind values: impressions, views,
    thumbnail impressions, "impressions and views" where kinds differ, and `none`'s word where none is known
    (the kinds_ keys of imports.quality). One mapping for the import notes and the report's wording."""
    return Message(f"imports.quality.kinds_{counted_kind(kinds, none)}")


def _kind_words(posts: pd.DataFrame, mask: pd.Series) -> Message:
    """What the impressions column counts for the masked posts, in words (impressions_word)."""
    return impressions_word(posts.loc[mask, "impressions_kind"].dropna().unique() if "impressions_kind" in posts
                            else ())


def drop_unseen_zeros(posts: pd.DataFrame) -> tuple[pd.DataFrame, list[Message]]:
    """Reach or impressions (views) of 0 on a post that drew interactions, or that reports the other of the two
    above 0, cannot be true (SEEN_COUNTS): the export did not count it. The cell is set to NA and reported by
    row, like a negative count; left at 0 it would pass for a post nobody saw, in summed reach and in the
    rates by it, while looking reported."""
    notes = []
    posts = posts.copy()
    parts = [c for c in INTERACTION_COMPONENTS if c in posts]
    engaged = (posts[parts].apply(pd.to_numeric).gt(0).any(axis=1) if parts
               else pd.Series(False, index=posts.index)).fillna(False).astype(bool)
    thumbnails = (posts["impressions_kind"].eq("thumbnail_impressions").fillna(False).astype(bool)
                  if "impressions_kind" in posts else pd.Series(False, index=posts.index))
    values = {c: pd.to_numeric(posts[c]) for c in SEEN_COUNTS if c in posts}
    zero = {c: v.eq(0).fillna(False).astype(bool) & ~thumbnails for c, v in values.items()}
    for column, other in (("reach", "impressions"), ("impressions", "reach")):
        if column not in zero or not zero[column].any():
            continue
        shown = (values[other].gt(0).fillna(False).astype(bool) & ~thumbnails if other in values
                 else pd.Series(False, index=posts.index))
        unseen = zero[column] & (engaged | shown)
        if not unseen.any():
            continue
        by_other, by_interactions = (unseen & shown).any(), (unseen & engaged).any()
        seen = Message("imports.quality.seen_by_both" if by_other and by_interactions
                       else "imports.quality.seen_by_other" if by_other else "imports.quality.seen_by_interactions",
                       other=_kind_words(posts, unseen) if other == "impressions" else Message("metric.reach.label"))
        metric = _kind_words(posts, unseen) if column == "impressions" else Message("metric.reach.label")
        notes.append(Message("imports.quality.unseen_zero", count=int(unseen.sum()), metric=metric, seen=seen,
                             rows=flagged_rows(posts, unseen)))
        posts[column] = posts[column].mask(unseen)
        if column == "impressions" and "impressions_kind" in posts:  # the label travels with its count
            posts["impressions_kind"] = posts["impressions_kind"].mask(unseen)
    return posts, notes


#: A stretch at either end of an export's named days with no post is warned about when it is at least this
#: many days long and its chance, were the posts spread evenly over the days, is below NAMED_GAP_CHANCE.
NAMED_GAP_DAYS = 14
NAMED_GAP_CHANCE = 1e-6


def named_period_gaps(posts: pd.DataFrame, path) -> list[Message]:
    """A warning when an export whose name gives its days (Feb-01-2026_Apr-30-2026_<id>.csv) holds no post in
    a long stretch at the start or end of them: a download cut off at the end of a line loses the rows after
    it without a trace, and an export sorted by date then lacks its oldest (or newest) posts. The chance of
    a gap of g days at one end of D days, were n posts spread evenly, is (1 - g/D)^n; below one in a million
    (and g at least two weeks: holidays empty a week or so of many accounts) it is said, with the other
    reading: the account began, or stopped, posting then."""
    from .importers.x_tweet_activity import named_to_day_after
    from .importers.yearless_dates import dates_in_name
    from .periods import FIRST_YEAR

    named = dates_in_name(Path(str(path)), first_year=FIRST_YEAR) if path else []
    if len(named) < 2 or "published_at" not in posts:
        return []
    start, end = min(named), max(named)
    if named_to_day_after(Path(str(path))):  # X's tweet activity names the day after its last
        end = end - pd.Timedelta(days=1)
    when = posts["published_at"].dropna()
    span = (pd.Timestamp(end) - pd.Timestamp(start)).days + 1
    if when.empty or span <= NAMED_GAP_DAYS:
        return []
    # the oldest and newest posts' days on the export's clock: two values, not every row (an export of a million
    # tweets); a post outside the named days (warned about apart) leaves no gap at its end
    oldest, newest = _wall_day(when.min()), _wall_day(when.max())
    notes = []
    for key, gap, post in (("imports.quality.named_gap_start", (oldest - pd.Timestamp(start)).days, oldest),
                           ("imports.quality.named_gap_end", (pd.Timestamp(end) - newest).days, newest)):
        # a gap as long as the named days or longer: every post lies beyond them, which is warned about apart
        if NAMED_GAP_DAYS <= gap < span and (1 - gap / span) ** len(when) < NAMED_GAP_CHANCE:
            notes.append(Message(key, start=start, end=end, post=post.date(), gap=gap,
                                 posts=len(when)))
    return notes


def _wall_day(moment) -> pd.Timestamp:
    """The day of a moment on its own clock (a time zone's wall time, not UTC), at midnight."""
    moment = pd.Timestamp(moment)
    return (moment.tz_localize(None) if moment.tz is not None else moment).normalize()


def checked(posts: pd.DataFrame) -> tuple[pd.DataFrame, list[Message]]:
    """A file's posts as its reader gave them, with the counts that cannot be true set to NA, and every
    data-quality note about them. Blank cells are counted before that, so a cell set to NA here is named once,
    as impossible, not again as blank."""
    blanks = blank_notes(posts)
    posts, negative = drop_negative_counts(posts)
    posts, unseen = drop_unseen_zeros(posts)
    return posts, negative + unseen + quality_notes(posts, blanks)


def quality_notes(posts: pd.DataFrame, blanks: list[Message] = ()) -> list[Message]:
    """Warnings about rows that are possible but suspicious, and about series breaks; `blanks`, the notes
    about blank cells (blank_notes), go among them."""
    notes = []
    if {"reach", "impressions"} <= set(posts):
        reach = pd.to_numeric(posts["reach"])
        impressions = pd.to_numeric(posts["impressions"])
        above = (reach > impressions).fillna(False).astype(bool)
        if above.any():
            notes.append(Message("imports.quality.reach_above_impressions", count=int(above.sum()),
                                 rows=flagged_rows(posts, above)))
    notes += blanks
    if {"platform", "published_at"} <= set(posts) and len(posts):
        meta = posts["platform"].isin(["facebook", "instagram"])
        when = posts.loc[meta, "published_at"]
        if len(when):
            switch = META_VIEWS_SWITCH.tz_localize(when.dt.tz) if when.dt.tz is not None else META_VIEWS_SWITCH
            if when.min() < switch <= when.max():
                kinds = posts.loc[meta, "impressions_kind"].dropna().unique() if "impressions_kind" in posts else ()
                reported = impressions_word(kinds, none="neither")
                notes.append(Message("imports.quality.views_switch", reported=reported))
    return notes


#: The counts whose blank cells a note names (blank_notes), each with its note: a blank interaction count
#: leaves the post's interactions unknown, a blank broadcast count leaves the post out of the rates by it.
BLANK_NOTES = ((INTERACTION_COMPONENTS, "imports.quality.blank_interactions"),
               (SEEN_COUNTS, "imports.quality.blank_broadcast"))


def blank_notes(posts: pd.DataFrame) -> list[Message]:
    """Per family of counts (BLANK_NOTES), a warning naming the posts that leave blank a count their file
    reports for other posts (metrics.blank_components): a blank is not 0. Blank interactions leave the post
    out of interactions and the engagement rates, a blank reach or impressions count out of summed reach and
    the rates by it, and the report's tables count such posts as not covered. Video views are not counted
    here: a photo has none."""
    notes = []
    for columns, key in BLANK_NOTES:
        parts = tuple(c for c in columns if c in posts)
        if not parts or posts.empty:
            continue
        blank = blank_components(posts, components=parts)
        any_blank = blank.any(axis=1)
        if not any_blank.any():
            continue
        counts = [Message("imports.quality.blank_part", metric=Message(f"metric.{c}.label"), count=int(blank[c].sum()))
                  for c in parts if blank[c].any()]
        notes.append(Message(key, count=int(any_blank.sum()), parts=counts, rows=flagged_rows(posts, any_blank)))
    return notes


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

