"""Which clock an export wrote its times at, checked against times the posts themselves carry.

Meta Business Suite writes `Publish time` without a zone, and not always at the clock of the page: in a real
Instagram export, the time Instagram received each post, which its link holds, showed every time written at
UTC-7 (Pacific time); read at the zone the user gave, every post moved 9 hours (8 of 78 to another day). Where enough
posts carry such a time, `written_zone` finds the zone whose clock the file's times fit; the importer then
reads the times at that clock and shows them in the zone given, and says so. The same times tell whether the
written dates can be right at all (`link_evidence`): a file whose dates a spreadsheet rewrote day-first puts
most posts weeks from the time they were received.

X's content export writes only a day, at a clock of X's own; its post ids hold the millisecond each post was
created (`x_created_time`), and `day_within_reach` tells whether a written day can hold that moment at all.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from zoneinfo import ZoneInfo, available_timezones

import numpy as np
import pandas as pd

#: A written time (cut to the minute) fits a post's own time from 2 minutes before it (the minute cut, a
#: clock's drift) to 10 after (a post is received, then published).
BEFORE = pd.Timedelta(minutes=2)
AFTER = pd.Timedelta(minutes=10)
#: Posts with a time of their own needed before a file's clock is judged at all.
MIN_CHECKED = 3
#: A post's own time says something of the clock only when the written time is within the widest offsets
#: clocks keep (UTC-12 to UTC+14) of it: a post scheduled a day ahead, or a link whose code is no media id,
#: says nothing, and is not counted.
REACH = (pd.Timedelta(hours=-12) - BEFORE, pd.Timedelta(hours=14) + AFTER)
#: Share of the posts counted that a zone must fit to be taken for the file's clock (a post scheduled a few
#: hours ahead fits none).
MIN_SHARE = 0.8
#: Zones preferred, in order, among those that fit equally (every zone that keeps the same offsets on the
#: posts' days reads them alike): Meta's own Pacific time first, then widely used ones, Indonesia's three
#: among them, so that a file written at UTC+7 is said to be at Asia/Jakarta's clock, not Antarctica/Davis'.
PREFERRED = ("America/Los_Angeles", "America/Phoenix", "America/Denver", "America/Chicago", "America/New_York",
             "UTC", "Europe/London", "Europe/Paris", "Europe/Athens", "Europe/Moscow", "Asia/Dubai",
             "Asia/Karachi", "Asia/Kolkata", "Asia/Dhaka", "Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura",
             "Asia/Singapore", "Asia/Manila", "Asia/Tokyo", "Australia/Sydney", "Pacific/Auckland",
             "America/Sao_Paulo", "America/Mexico_City", "Africa/Lagos", "Africa/Johannesburg", "Africa/Nairobi")
#: Zone names after the preferred ones: a city of a continent before a station, a fixed offset or an alias
#: (Antarctica/…, Etc/GMT-7, an old name kept for compatibility such as Indian/Christmas for UTC+7).
_LATER_PREFIXES = ("Antarctica/", "Etc/", "Indian/", "Atlantic/", "Arctic/", "SystemV/", "US/", "Canada/",
                   "Brazil/", "Chile/", "Mexico/")

#: Instagram's shortcode alphabet; a media id's bits above the 23 lowest are milliseconds since its epoch.
_SHORTCODE = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
_INSTAGRAM_EPOCH_MS = 1_314_220_021_721
#: X's ids (snowflakes) count milliseconds from this moment (4 November 2010) in their bits above the lowest 22.
X_EPOCH_MS = 1_288_834_974_657
#: The first day an X id can have been created: tweets numbered before snowflakes (up to about 3e10) read
#: as the epoch's first seconds, which are no tweet's creation time.
X_FIRST_DAY = pd.Timestamp("2010-11-05", tz="UTC")
#: A post's own time may be this far ahead of the computer's clock (a clock a little behind), no more.
FUTURE_SLACK = pd.Timedelta(days=2)
_INSTAGRAM_LINK = r"instagram\.com/(?:[^/?#]+/)?(?:p|reel|reels|tv)/([A-Za-z0-9_-]{11})"


@dataclass(frozen=True)
class ZoneFit:
    """The zone a file's times fit (`zone`), on how many of the posts checked, against the zone given."""
    zone: str
    fits: int
    checked: int
    given_fits: int
    offsets: tuple[str, ...]  # the zone's UTC offsets on the fitting posts' days, as 'UTC−7'


@dataclass(frozen=True)
class LinkEvidence:
    """Of a file's posts, how many have a time of their own (`held`: the time Instagram received them) and how
    many of those are written within REACH of it (`near`): where no clock's offset explains the gap, the written
    date itself is in doubt."""
    held: int
    near: int

    @property
    def far(self) -> int:
        return self.held - self.near

    @property
    def contradicts(self) -> bool:
        """Enough posts to judge, and most of them written further from their own time than any clock is."""
        return self.held >= MIN_CHECKED and 2 * self.far > self.held

    @property
    def supports(self) -> bool:
        """Enough posts to judge, and MIN_SHARE of them written within a clock's offset of their own time."""
        return self.held >= MIN_CHECKED and self.near >= MIN_SHARE * self.held


def within_reach(walls: pd.Series, truth: pd.Series) -> pd.Series:
    """Whether each wall-clock time (no zone) is within REACH of the post's own time (UTC): a gap some clock's
    offset explains. False where either time is missing."""
    shown = walls - truth.dt.tz_convert(None)
    return (walls.notna() & truth.notna() & shown.between(*REACH)).astype(bool)


def day_within_reach(days: pd.Series, truth: pd.Series) -> pd.Series:
    """Whether each day (midnight, no zone), written at an unknown clock, can hold the post's own time (UTC):
    some clock within REACH of UTC shows that time on that day, so the time lies from about 14 hours before
    the day starts at UTC to 12 hours after it ends. False where either is missing."""
    start = days - truth.dt.tz_convert(None)
    fits = (start <= REACH[1]) & (start + pd.Timedelta(days=1) > REACH[0])
    return (days.notna() & truth.notna() & fits).astype(bool)


def id_times(counts: pd.Series, unit: str, since: pd.Timestamp) -> pd.Series:
    """The times (UTC) post ids hold, given as `counts` of `unit` ('s', 'ms') since 1970 (NaN for an id that
    holds none); NaT where the time cannot be a post's: before `since`, the first day the platform's ids held
    their time, or in the future (beyond FUTURE_SLACK), as an id that is no such id gives (one of 25 digits
    would read as a time past the year 2262, which no timestamp holds)."""
    latest = pd.Timestamp(dt.datetime.now(dt.timezone.utc)) + FUTURE_SLACK
    one = pd.Timedelta(1, unit=unit)
    epoch = pd.Timestamp(0, tz="UTC")
    counts = counts.astype("float64")
    return pd.to_datetime(counts.where(counts.between((since - epoch) / one, (latest - epoch) / one)), unit=unit,
                          utc=True)


def x_created_time(post_ids: pd.Series) -> pd.Series:
    """The time (UTC, to the millisecond) each X post was created, from its id: the id's bits above the lowest
    22 count milliseconds from X_EPOCH_MS. NaT for an id that is not digits or holds no plausible time."""
    def milliseconds(post_id) -> float:
        text = "" if pd.isna(post_id) else str(post_id)
        return float((int(text) >> 22) + X_EPOCH_MS) if text.isdigit() else np.nan

    return id_times(post_ids.map(milliseconds), "ms", X_FIRST_DAY)


def link_evidence(walls: pd.Series, truth: pd.Series) -> LinkEvidence:
    """How far a file's written times agree with the posts' own times (see LinkEvidence)."""
    return LinkEvidence(held=int((walls.notna() & truth.notna()).sum()), near=int(within_reach(walls, truth).sum()))


def instagram_received_time(links: pd.Series) -> pd.Series:
    """The time (UTC) Instagram received each post, from the shortcode in its link
    (instagram.com/p/<code>/ or /reel/<code>/): the code spells the media id in base 64, and the id's bits
    above the lowest 23 count milliseconds from Instagram's epoch. NaT for a link without a code, or a time
    outside 2010 to two days from now."""
    codes = links.astype("string").str.extract(_INSTAGRAM_LINK, expand=False)

    def decoded(code) -> float:
        if pd.isna(code):
            return np.nan
        number = 0
        for character in code:
            number = number * 64 + _SHORTCODE.index(character)
        return float((number >> 23) + _INSTAGRAM_EPOCH_MS)

    return id_times(codes.map(decoded), "ms", pd.Timestamp("2010-10-01", tz="UTC"))


def instagram_shortcode(received: pd.Timestamp, shard: int) -> str:
    """The 11-letter code of a media id Instagram received at `received` (aware), its lowest 23 bits `shard`:
    what instagram_received_time reads back. For exports made up to look real (helpers.demo)."""
    number = ((int(received.timestamp() * 1000) - _INSTAGRAM_EPOCH_MS) << 23) | (shard & (2 ** 23 - 1))
    letters = ""
    while number:
        number, digit = divmod(number, 64)
        letters = _SHORTCODE[digit] + letters
    return letters.rjust(11, _SHORTCODE[0])


def _fitting(walls: pd.Series, truth: pd.Series, zone: str) -> pd.Series:
    """Whether each wall-clock time, read in `zone`, falls where the post's own time says it should."""
    read = walls.dt.tz_localize(zone, ambiguous=np.ones(len(walls), dtype=bool), nonexistent="shift_forward")
    gap = read.dt.tz_convert("UTC") - truth
    return (gap >= -BEFORE) & (gap <= AFTER)


@lru_cache(maxsize=1)
def _zones() -> tuple[str, ...]:
    return tuple(sorted(available_timezones()))


def _offset_text(offset: dt.timedelta) -> str:
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "−"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")


def written_zone(walls: pd.Series, truth: pd.Series, given: str) -> ZoneFit | None:
    """The zone a file's wall-clock times (`walls`, no zone) were written in: `given` when it fits at least
    half of the posts checked (the file is as the user said), else the zone that fits MIN_SHARE of them.

    `truth` holds each post's own time (UTC) where one is known (instagram_received_time), NaT elsewhere;
    only posts whose written time is within REACH of it are checked. None when the file cannot tell: fewer
    than MIN_CHECKED posts can be checked, or no zone fits MIN_SHARE of them. The zones tried keep, on a
    fitting post's day, the offset most posts show (whole quarter hours).
    """
    shown = walls - truth.dt.tz_convert(None)  # the offset each post shows, received a little before it went out
    checked = within_reach(walls, truth)
    if int(checked.sum()) < MIN_CHECKED:
        return None
    walls, truth, shown = walls[checked], truth[checked], shown[checked]
    given_fit = _fitting(walls, truth, given)
    given_fits = int(given_fit.sum())
    if 2 * given_fits >= len(walls):
        return ZoneFit(zone=given, fits=given_fits, checked=len(walls), given_fits=given_fits,
                       offsets=_offsets(given, walls[given_fit]))
    quarter = pd.Timedelta(minutes=15)
    shown = shown.div(quarter).round().mul(quarter)
    common = shown.mode().iloc[0]
    moment = walls[shown == common].iloc[0].to_pydatetime()
    candidates = [zone for zone in _zones() if ZoneInfo(zone).utcoffset(moment) == common]
    fits = {zone: _fitting(walls, truth, zone) for zone in candidates}
    if not fits:
        return None
    most = max(int(fit.sum()) for fit in fits.values())
    if most < MIN_SHARE * len(walls):
        return None
    best = [zone for zone in candidates if int(fits[zone].sum()) == most]
    zone = next((name for name in PREFERRED if name in best),
                min(best, key=lambda name: ("/" not in name or name.startswith(_LATER_PREFIXES), name)))
    return ZoneFit(zone=zone, fits=most, checked=len(walls), given_fits=given_fits,
                   offsets=_offsets(zone, walls[fits[zone]]))


def _offsets(zone: str, walls: pd.Series) -> tuple[str, ...]:
    """The UTC offsets `zone` keeps at these wall-clock times, as 'UTC−7'."""
    return tuple(_offset_text(offset) for offset in
                 sorted({ZoneInfo(zone).utcoffset(moment.to_pydatetime()) for moment in walls}))
