"""X (Twitter) legacy "tweet activity" export: `tweet_activity_metrics_<user>_<from>_<to>_<lang>.csv`.

Quirks handled: 40 columns, every field quoted; `Tweet id` is an 18-19 digit id, kept as text (a float
would lose digits); `time` is `2016-12-23 18:50 +0000` (UTC); counts written as floats ("1938.0");
`engagement rate` in scientific notation (not imported: it is recomputed downstream from counts; it is
checked against engagements / impressions, and tweets where the two are tenfold apart, as decimal points lost
in a re-save leave them, are warned about);
18 `promoted ...` columns that are "-" when the tweet was not promoted; multi-line tweet text with emoji
and HTML entities (`&amp;`); rows newest first; the 2015 variant says `favorites` instead of `likes`.

Mapping (organic + promoted, where the promoted cell is a number):
  impressions (kind 'impressions') = impressions; reactions = likes (favorites); shares = retweets;
  comments = replies; follows_gained = follows; `media views` (views of a tweet's photos as much as its
  videos, often clicks to open an image) are not video views and are not imported;
  platform_engagements = engagements (X counts every click in it; never used as interactions);
  clicks = url clicks + user profile clicks + hashtag clicks + detail expands + permalink clicks
  + app opens + app installs (every click on the tweet that the export names a click; `media
  engagements` (clicks on the media) stay out because they overlap media views, and `email tweet` /
  `dial phone` are actions, not clicks); those of them the file holds, which the report names
  (clicks_counted). X reports no reach: reach stays NA.
paid = True when any promoted count is above 0, False when the promoted cells are all "-" or 0.
"""
from __future__ import annotations

import html
from pathlib import Path

import numpy as np
import pandas as pd

from ..errors import ExportFormatError
from ..i18n import Message, listed, quoted
from ..quality import figures_apart, figures_apart_note
from .base import Columns, Family, ImportedFile, begin_report, interaction_column_notes, table_notes
from .reading import read_delimited
from .values import digit_ids, figures_where_readable, to_number

# canonical column -> header names that carry it (first one present wins); each also has a "promoted " twin
#: Columns every tweet activity export writes a figure in for every tweet (empty_column_notes).
FILLED = ("impressions", "engagements", "retweets", "replies")
COUNTS = {
    "impressions": ("impressions",),
    "reactions": ("likes", "favorites"),
    "shares": ("retweets",),
    "comments": ("replies",),
    "follows_gained": ("follows",),
    "platform_engagements": ("engagements",),
}
#: The interaction counts every tweet activity export carries: without one, interactions and rates read low.
INTERACTIONS = ("reactions", "comments", "shares")
#: The click columns summed into clicks, each with the word for what it counts (clicks_counted).
CLICK_COLUMNS = {"url clicks": "url", "user profile clicks": "profile_clicks", "hashtag clicks": "hashtag",
                 "detail expands": "detail_expands", "permalink clicks": "permalink", "app opens": "app_opens",
                 "app installs": "app_installs"}
ID_EXAMPLE = "812369747765362688"  # a tweet id, as error messages show what was expected
_ACCOUNT_IN_LINK = r"(?:twitter|x)\.com/([^/?#]+)/status/"
_ID_IN_LINK = r"(?:twitter|x)\.com/[^/?#]+/status/([0-9]+)"


def named_to_day_after(path: Path) -> bool:
    """Whether a file is named as X names its tweet activity exports, whose second date is the day after the
    last one they cover (…_20170501_20170601_en.csv holds May): for a file known by its name only."""
    return Path(path).name.lower().startswith("tweet_activity_metrics_")


def read_x_tweet_activity(path: Path, *, timezone: str | None = None, **_) -> ImportedFile:
    """Read one legacy tweet-activity export into canonical rows (client not yet set)."""
    table, report = begin_report(read_delimited(path), FAMILY, "x")
    cols = Columns(table.header, table.keys)
    frame, rows = table.frame, table.source_rows()

    def key(*names: str) -> str:
        return cols.required(path, *names, expected=Message("imports.x_tweet_activity.header_expected"),
                             hint=Message("imports.x_tweet_activity.header_hint"))

    out = pd.DataFrame(index=frame.index)
    out["platform"] = pd.Series("x", index=frame.index, dtype="string")
    out["post_id"] = digit_ids(frame[key("Tweet id")], path=path, column="Tweet id", rows=rows,
                                example=ID_EXAMPLE)
    out["published_at"] = parse_zoned_times(frame[key("time")], timezone=timezone or "UTC", path=path,
                                            column="time", rows=rows)
    out["published_precision"] = pd.Series("minute", index=frame.index, dtype="string")
    out["text"] = unescape_html(frame[key("Tweet text")])
    permalink = frame[key("Tweet permalink")]
    ids_match_links(out["post_id"], permalink, path=path, column="Tweet id", link_column="Tweet permalink",
                    rows=rows)
    out["permalink"] = permalink.where(permalink.ne(""), pd.NA)
    out["account"] = account_from_links(permalink)

    any_promoted = pd.Series(False, index=frame.index)
    organic = {}  # canonical -> the organic count alone, which the engagement rate is worked out from
    for canonical, names in COUNTS.items():
        total, promoted = _organic_plus_promoted(frame, cols, table, rows, names)
        if total is not None:
            out[canonical] = total
            organic[canonical] = total if promoted is None else total - promoted.fillna(0)
        if promoted is not None:
            any_promoted |= promoted.fillna(0).gt(0)
    clicks = {}
    for name, part in CLICK_COLUMNS.items():
        total, promoted = _organic_plus_promoted(frame, cols, table, rows, (name,))
        if total is not None:
            clicks[part] = total
        if promoted is not None:
            any_promoted |= promoted.fillna(0).gt(0)
    if clicks:
        out["clicks"] = sum_reported(list(clicks.values()))
        if counted := clicks_counted(clicks):
            report.counted["clicks"] = counted
    if "impressions" in out:
        out["impressions_kind"] = pd.Series("impressions", index=frame.index, dtype="string").where(
            out["impressions"].notna())
    out["paid"] = any_promoted.astype("boolean") if _has_promoted_columns(cols) else pd.NA
    rate_key = cols.key("engagement rate")
    if rate_key is not None and {"impressions", "platform_engagements"} <= set(organic):
        report.warnings += _engagement_rate_notes(organic["impressions"], organic["platform_engagements"],
                                                  frame[rate_key], decimal=table.decimal_mark, rows=rows)
    out["source_file"] = str(path)
    out["source_row"] = rows
    report.warnings += interaction_column_notes(cols, {c: COUNTS[c] for c in INTERACTIONS}, set(out.columns),
                                                FAMILY.label)
    report.warnings += table_notes(table, cols, filled=FILLED, posts=out.index)
    report.rows_imported = len(out)
    return ImportedFile(posts=out, report=report)


def _engagement_rate_notes(impressions: pd.Series, engagements: pd.Series, rates: pd.Series, *, decimal: str,
                          rows: pd.Series) -> list[Message]:
    """A warning for the tweets whose engagements / impressions (the organic counts, as read) is tenfold apart
    from the file's `engagement rate` cells (`rates`), which X works out from those two counts
    (quality.figures_apart): columns that must agree and do not, as when a re-save lost the decimal points
    ('1938.0' impressions read as 19380, a rate of '0.0093' as 93). A tweet with no impression has no rate to
    compare; the counts are kept as read."""
    rate = figures_where_readable(rates, decimal=decimal)
    shown = impressions.astype("float64")
    apart = figures_apart((engagements.astype("float64") / shown).where(shown.gt(0)), rate)
    if not apart.any():
        return []
    at = apart.idxmax()
    return [figures_apart_note("imports.x_tweet_activity.engagement_rate_apart", apart, rows,
                               lost=("1938.0", "19380"),
                               engagements=int(engagements[at]), impressions=int(impressions[at]),
                               rate=quoted(str(rates[at]).strip()))]


def _has_promoted_columns(cols: Columns) -> bool:
    return any(f"promoted {name}" in cols for names in COUNTS.values() for name in names)


def _organic_plus_promoted(frame: pd.DataFrame, cols: Columns, table, rows: pd.Series,
                           names: tuple[str, ...]) -> tuple[pd.Series | None, pd.Series | None]:
    """The organic count plus the promoted one where that is a number; also the promoted count alone."""
    organic_key = cols.key(*names)
    if organic_key is None:
        return None, None
    organic = count_column(frame[organic_key], table=table, key=organic_key, rows=rows)
    promoted_key = cols.key(*(f"promoted {name}" for name in names))
    if promoted_key is None:
        return organic, None
    promoted = count_column(frame[promoted_key], table=table, key=promoted_key, rows=rows)
    total = organic.where(promoted.isna(), organic + promoted)
    return total, promoted


def count_column(cells: pd.Series, *, table, key: str, rows: pd.Series) -> pd.Series:
    """Parse a column of counts, as `to_number` does but fast for clean columns (a million-row export).

    In a file whose decimal mark is '.' (a ','-separated export, as X writes it), plain numbers ("1938.0",
    and "1.000", which is 1 there) and the exact missing words ("-", "") are parsed in C. Anything else (a
    comma, a stray word, a fraction in a count, which may be a thousands dot: "1.500"), and every cell of a
    ';'- or tab-separated copy, goes through the shared `to_number`, which decides the column's decimal mark
    and reads or rejects each cell with the row and column named; a clean column reads the same either way.
    """
    raw = cells.to_numpy(dtype=object)
    if table.decimal_mark != ".":
        return to_number(cells, path=table.path, column=table.header[table.keys.index(key)], rows=rows,
                         decimal=table.decimal_mark)
    try:
        values = raw.astype("float64")  # every cell a plain number: the usual organic column
        present = np.ones(len(raw), dtype=bool)
    except (ValueError, TypeError):
        present = ~((raw == "-") | (raw == "") | (raw == "--"))
        if not present.any():  # e.g. a promoted column of a file with no promoted tweet
            return pd.Series(pd.NA, index=cells.index, dtype="Int64")
        values = np.full(len(raw), np.nan)
        try:
            values[present] = raw[present].astype("float64")
        except (ValueError, TypeError):  # not a plain number somewhere: to_number reads it or names it
            values = None
    if values is None or not np.isfinite(values[present]).all() or \
            (values[present] != np.round(values[present])).any():
        return to_number(cells, path=table.path, column=table.header[table.keys.index(key)], rows=rows,
                         decimal=table.decimal_mark)
    return pd.Series(values, index=cells.index).astype("Int64")


def clicks_counted(parts: dict[str, pd.Series]) -> Message | None:
    """What an X file's clicks count, named from the click columns it sums ({word: column}, as CLICK_COLUMNS
    words them) that report a figure: "URL clicks and detail expands together, not link clicks alone";
    "link clicks alone (URL clicks)" where URL clicks are all; "profile visits, not link clicks" without
    them. None where no click column reports a figure (the file's clicks are all blank)."""
    words = [word for word, values in parts.items() if values.notna().any()]
    if not words:
        return None
    if words == ["url"]:
        return Message("imports.x_tweet_activity.clicks_counted_links")
    named = listed([Message(f"imports.x_tweet_activity.click_{word}") for word in words])
    if "url" in words:
        return Message("imports.x_tweet_activity.clicks_counted", parts=named)
    return Message("imports.x_tweet_activity.clicks_counted_other", parts=named)


def sum_reported(parts: list[pd.Series]) -> pd.Series:
    """Row-wise sum of the parts a row reports; NA only where no part is reported (missing is not 0)."""
    stacked = pd.concat(parts, axis=1)
    return stacked.sum(axis=1, min_count=1).astype("Int64")


def parse_zoned_times(cells: pd.Series, *, timezone: str, path: Path, column: str,
                      rows: pd.Series) -> pd.Series:
    """Parse `2016-12-23 18:50 +0000` (a time with its UTC offset) and express it in `timezone`.

    pandas' ISO 8601 parser reads this form fast; the length check keeps out other ISO forms (a date
    alone, a time without its offset) that it would also accept.
    """
    text = cells.astype("string").str.strip()
    parsed = pd.to_datetime(text, format="ISO8601", errors="coerce", utc=True)
    bad = parsed.isna().to_numpy() | (text.str.len() != len("2016-12-23 18:50 +0000")).fillna(True).to_numpy()
    if bad.any():
        first = text.index[bad.argmax()]
        raise ExportFormatError(
            path, Message("imports.x_tweet_activity.not_times", count=int(bad.sum()), first=quoted(text[first])),
            row=int(rows[first]), column=column, expected=Message("imports.x_tweet_activity.times_expected"),
            hint=Message("imports.x_tweet_activity.times_hint"),
        )
    return parsed.dt.tz_convert(timezone)


def decode_entities(text: str) -> str:
    """html.unescape, faster for what X writes: `&lt;`, `&gt;`, `&quot;`, `&#39;` and `&amp;` are replaced
    directly; any other `&` (another entity, or one `&amp;` decoding would make look like an entity) sends
    the text to html.unescape. The same result either way (tested on tricky cases)."""
    out = text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&#39;", "'")
    if "&" not in out.replace("&amp;", ""):
        return out.replace("&amp;", "&")
    return html.unescape(text)


def unescape_html(cells: pd.Series) -> pd.Series:
    """Post text with HTML entities (`&amp;`, `&gt;`) decoded; blank text becomes NA."""
    text = cells.to_numpy(dtype=object).copy()
    coded = np.flatnonzero(["&" in v if isinstance(v, str) else False for v in text])
    if len(coded):
        text[coded] = [decode_entities(v) for v in text[coded]]
    blank = np.fromiter((not isinstance(v, str) or v == "" or v.isspace() for v in text), dtype=bool,
                        count=len(text))
    text[blank] = None
    return pd.Series(text, index=cells.index, dtype="string")


def ids_match_links(ids: pd.Series, links: pd.Series, *, path: Path, column: str, link_column: str,
                    rows: pd.Series) -> None:
    """Raise ExportFormatError when a post's id differs from the one its link ends in (…/status/<id>): X
    writes both from one id, so a difference is an id whose last digits a program changed by reading it as a
    number (a spreadsheet keeps 15 digits, a float 16 or 17: 812369747765362688 saved as 812369747765362944),
    and such a copy beside the original would count every post twice. A blank link, or one without an id,
    tells nothing."""
    in_link = links.astype("string").str.strip().str.extract(_ID_IN_LINK, expand=False)
    differ = (in_link.notna() & ids.notna() & in_link.ne(ids)).fillna(False).astype(bool)
    if not differ.any():
        return
    first = differ.idxmax()
    raise ExportFormatError(
        path, Message("imports.x_tweet_activity.id_not_in_link", count=int(differ.sum()), value=quoted(ids[first]),
                      link=quoted(str(links[first]).strip()), link_column=link_column),
        row=int(rows[first]), column=column,
        expected=Message("imports.x_tweet_activity.id_in_link_expected", link_column=link_column),
        hint=Message("imports.values.ids_rounded_hint"))


def account_from_links(links: pd.Series) -> pd.Series:
    """The account name in links like https://twitter.com/<name>/status/<id> (NA for /i/status/).

    A file is one account's, so the links usually share one prefix: match that once, and parse only
    links that differ.
    """
    links = links.astype("string")
    names = pd.Series(pd.NA, index=links.index, dtype="string")
    first = links.dropna()
    if len(first):
        found = pd.Series([first.iloc[0]]).str.extract(f"^(.*?{_ACCOUNT_IN_LINK})", expand=True)
        prefix, name = found.iloc[0, 0], found.iloc[0, 1]
        if isinstance(prefix, str):
            same = links.str.startswith(prefix).fillna(False).to_numpy(dtype=bool)
            names[same] = name
            links = links[~same]
    if len(links):
        names[links.index] = links.str.extract(_ACCOUNT_IN_LINK, expand=False)
    return names.where(names.str.casefold().ne("i"), pd.NA)


FAMILY = Family(
    name="x_tweet_activity",
    platforms=("x",),
    label=Message("imports.family.x_tweet_activity"),
    signature=("tweet id", "tweet permalink", "tweet text", "time", "impressions", "engagements"),
    read=read_x_tweet_activity,
)

