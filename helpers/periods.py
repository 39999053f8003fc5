"""Calendar periods: which days a report covers, what it is compared with, and their bounds in time.

A period is a run of whole days in the client's time zone, both ends included. Its bounds in time are
found on the calendar first and localised after, so a day with a clock change keeps its 23 or 25 hours.
"""
from __future__ import annotations

import calendar
import datetime as dt
import numbers
import re
from functools import lru_cache
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

if TYPE_CHECKING:
    import pandas as pd


#: Years a report or an export's `year=` may name: social-media exports start this century.
FIRST_YEAR, LAST_YEAR = 2000, 2100


def is_plausible_year(value) -> bool:
    """A whole number from FIRST_YEAR to LAST_YEAR (25 or 0 is a slip, not a year); numpy integers count."""
    return isinstance(value, numbers.Integral) and not isinstance(value, bool) and FIRST_YEAR <= value <= LAST_YEAR


class NotAWholeDay(ValueError):
    """iso_day's error for a datetime (or Timestamp) with a time of day or a time zone of its own."""


def iso_day(value) -> dt.date:
    """A day of a period: written YYYY-MM-DD, a date, or a datetime or Timestamp at midnight without a time
    zone (that day); a ValueError for anything else. Python also reads '20250301' and week dates
    ('2025-W13-1'), and pandas reads '03/04/2025' as 4 March, which a reader who writes the day first means as
    3 April: only the one unambiguous form is taken. A period is whole days in the client's time zone, so a
    datetime with a time of day (23:59) or a zone (a time in Los Angeles) is refused (NotAWholeDay), not cut
    to its date: that date, in its own zone, may not be the day meant."""
    if isinstance(value, dt.datetime):  # pandas' Timestamp is a datetime too
        if value.tzinfo is not None or value.time() != dt.time(0):
            raise NotAWholeDay(value)
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(value)):
        raise ValueError(value)
    return dt.date.fromisoformat(str(value))


def day_text(value):
    """A day of a period as iso_day takes it, written YYYY-MM-DD (a date, a datetime at midnight: as text, as
    messages and the report show a day); any other value as it is, for the check that refuses it to name it."""
    try:
        return iso_day(value).isoformat()
    except ValueError:
        return value


def not_whole_day(name: str, value, timezone, asked_by: str):
    """The error for a datetime given as a day (iso_day's NotAWholeDay): what it carries (a time of day, a
    zone), that a period is whole days in the workspace's or the report's time zone (`timezone`), and the day
    to write instead."""
    from .i18n import Message

    timed, zoned = value.time() != dt.time(0), value.tzinfo is not None
    carries = "both" if timed and zoned else "time" if timed else "zone"
    return Message("imports.dates.not_whole_day", name=name, value=repr(value),
                   carries=Message(f"imports.dates.carries_{carries}"),
                   zone=Message(f"imports.dates.zone_{asked_by}", timezone=str(timezone)),
                   day=value.date().isoformat())


def checked_days(start, end, timezone, asked_by: str = "explore") -> tuple[str | None, str | None]:
    """`start` and `end` of a period asked for (explore.select_posts and daily_shown, daily's figures over
    days: `asked_by`, as not_whole_day names it) as YYYY-MM-DD, None where not given, or the error saying what
    is wrong: a day not written YYYY-MM-DD or past its month's end (with the day likely meant: date_hint), a
    datetime with a time of day or a zone of its own (a period is whole days in `timezone`, the posts'), a
    start after the end."""
    from .errors import WorkbookError
    from .i18n import Message

    for name, value in (("start", start), ("end", end)):
        try:
            if value:
                iso_day(value)
        except NotAWholeDay:  # 23:59, or a time in another zone, is no whole day of the posts' zone
            raise WorkbookError(not_whole_day(name, value, timezone, asked_by)) from None
        except ValueError:  # '03/04/2025' would be read as 4 March: only YYYY-MM-DD is taken
            raise WorkbookError(Message("imports.explore.bad_date", name=name, value=repr(value),
                                        hint=date_hint(value))) from None
    start, end = (day_text(value) if value else None for value in (start, end))
    if start and end and start > end:  # days written YYYY-MM-DD sort as the calendar does
        raise WorkbookError(Message("imports.explore.start_after_end", start=str(start), end=str(end)))
    return start, end


def period_words(start, end):
    """The days asked for, as a sentence says them (a Message): "between 2025-05-01 and 2025-05-31", or,
    with one end only, "from 2025-05-01" or "up to 2025-05-31". Text is echoed as typed (an error about that
    input); a date is written as the language writes dates ("1 May 2025"), as where the workbook states the
    days."""
    from .i18n import Message

    def said(day):
        return day if isinstance(day, dt.date) else str(day)

    if start and end:
        return Message("imports.explore.period_between", start=said(start), end=said(end))
    if start:
        return Message("imports.explore.period_from", start=said(start))
    return Message("imports.explore.period_up_to", end=said(end))


def _month_number(name: str) -> int | None:
    """A month's number by its name, full or short ('March', 'Mar', 'Maret', 'Agu'), from the workbook's one
    month-name table (importers.yearless_dates.MONTHS, imported here when needed: it imports this module)."""
    from .importers.yearless_dates import MONTHS

    return MONTHS.get(name.casefold())


#: A date written with its month's name: '31 March 2025', '31 Mar 2025', '31-Mar-2025', and 'March 31, 2025'.
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?[\s./-]+([^\W\d_]+)\.?,?[\s./-]+(\d{4})")
_MONTH_DAY_YEAR = re.compile(r"([^\W\d_]+)\.?[\s./-]+(\d{1,2})(?:st|nd|rd|th)?,?[\s./-]+(\d{4})")


def date_meant(value) -> list[str]:
    """The YYYY-MM-DD days a date written another way may mean: '2025-18-03' (month and day swapped) and
    '18/03/2025' (day first: 18 is no month) mean '2025-03-18'; '2025-3-8' and '20250308' mean '2025-03-08';
    '31 March 2025', 'March 31, 2025' and '31 Mar 2025' (in English or Indonesian) mean '2025-03-31';
    '03/04/2025' means '2025-04-03' or '2025-03-04', a choice only the writer can make. [] for no date."""
    text = str(value).strip()
    parts = None
    if found := re.fullmatch(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})", text):
        year, first, second = (int(p) for p in found.groups())
        parts = [(year, first, second)] if first <= 12 else [(year, second, first)]
    elif found := re.fullmatch(r"(\d{4})(\d{2})(\d{2})", text):
        parts = [tuple(int(p) for p in found.groups())]
    elif found := re.fullmatch(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})", text):
        first, second, year = (int(p) for p in found.groups())
        parts = [(year, second, first), (year, first, second)]  # day first, then month first
    elif found := _DAY_MONTH_YEAR.fullmatch(text) or _MONTH_DAY_YEAR.fullmatch(text):
        day, month = (found[1], found[2]) if found.re is _DAY_MONTH_YEAR else (found[2], found[1])
        if (number := _month_number(month)) is not None:
            parts = [(int(found[3]), number, int(day))]
    days = []
    for year, month, day in parts or []:
        try:
            days.append(dt.date(year, month, day).isoformat())
        except ValueError:
            continue
    return list(dict.fromkeys(d for d in days if d != text))


def month_meant(value) -> tuple[dt.date, dt.date] | None:
    """The first and last days of the calendar month a text names ('2025-03', '2025/3', '03/2025', 'March
    2025', 'Mar 2025', 'Maret 2025'), or None: a period written as a month is meant as that whole month."""
    text = str(value).strip()
    if found := re.fullmatch(r"(\d{4})[-/.](\d{1,2})", text):
        year, month = int(found[1]), int(found[2])
    elif found := re.fullmatch(r"(\d{1,2})[-/.](\d{4})", text):
        year, month = int(found[2]), int(found[1])
    elif (found := re.fullmatch(r"([^\W\d_]+)\.?,?\s+(\d{4})", text)) and _month_number(found[1]) is not None:
        year, month = int(found[2]), _month_number(found[1])
    else:
        return None
    if not (1 <= month <= 12 and dt.MINYEAR <= year):
        return None
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def date_hint(value):
    """What an error about a date not written YYYY-MM-DD adds (roster, report parameters, the explorer): the
    day meant, or the two it may be; for a day with a time of day ('2025-03-01 12:00'), that a period is whole
    days; for a day past its month's end ('2025-02-31'), how many days the month has; "" when there is no safe
    guess."""
    from .i18n import LANGUAGES, InLanguages, Message, translator

    timed = re.fullmatch(r"(\d{4}-\d{2}-\d{2})[ T]\d{1,2}:\d{2}\S*", str(value).strip())
    if timed:
        try:
            return Message("imports.dates.time_hint", day=repr(dt.date.fromisoformat(timed.group(1)).isoformat()))
        except ValueError:  # '2025-02-30 12:00': no day to offer
            return ""
    meant = date_meant(value)
    if len(meant) == 1:
        return Message("imports.dates.meant_hint", day=repr(meant[0]))
    if len(meant) == 2:
        return Message("imports.dates.either_hint", first=repr(meant[0]), second=repr(meant[1]))
    if found := re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", str(value).strip()):  # '2025-02-31', '2025-04-31'
        year, month, day = (int(part) for part in found.groups())
        if year >= dt.MINYEAR and 1 <= month <= 12 and day > (days := calendar.monthrange(year, month)[1]):
            first = dt.date(year, month, 1)
            named = InLanguages({language: translator(language).month_name(first) for language in LANGUAGES})
            return Message("imports.dates.month_days_hint", month=named, days=days)
    return ""


def period_hint(value, word: str):
    """What an error about a period (or a comparison) that is neither `word` ('last full month', 'previous
    period') nor a mapping of start and end adds, as date_hint does for a day: `word` when the value comes
    near it ('last month'), or the mapping of a month's first and last days when it names a month ('2025-03');
    "" when there is no safe guess."""
    from .errors import close_match
    from .i18n import Message

    if not isinstance(value, str):
        return ""
    if close_match(value, (word,)):
        return Message("imports.dates.meant_hint", day=repr(word))
    if month := month_meant(value):
        return Message("imports.dates.meant_hint", day=f"{{start: {month[0]}, end: {month[1]}}}")
    return ""


def date_in(timezone: str, now: dt.datetime | None = None) -> dt.date:
    """Today's date where the client is (`timezone`, an IANA name), not on the machine's clock: a consultant
    in London rendering at 20:00 on 30 November is already on 1 December in Jakarta, whose 'last full month'
    is November. `now` (an aware datetime) fixes the moment; a time zone that does not load gives the
    machine's date (the roster check says what is wrong with it)."""
    now = now or dt.datetime.now(dt.timezone.utc)
    try:
        return now.astimezone(ZoneInfo(str(timezone))).date()
    except (ZoneInfoNotFoundError, ValueError, TypeError):
        return now.astimezone().date()


def last_full_month(today: dt.date) -> tuple[dt.date, dt.date]:
    """The calendar month before the one `today` falls in."""
    end = today.replace(day=1) - dt.timedelta(days=1)
    return end.replace(day=1), end


def previous_period(start: dt.date, end: dt.date) -> tuple[dt.date, dt.date]:
    """The comparison period that ends the day before `start`: as many whole months for a period of whole
    months (September against August, whose lengths may differ by a day or more), otherwise as many days."""
    if start.day == 1 and (end + dt.timedelta(days=1)).day == 1:  # whole months: compare whole months
        months = (end.year - start.year) * 12 + end.month - start.month + 1
        first = start
        for _ in range(months):
            first = (first - dt.timedelta(days=1)).replace(day=1)
        return first, start - dt.timedelta(days=1)
    length = end - start
    return start - length - dt.timedelta(days=1), start - dt.timedelta(days=1)


def day_start(day, timezone=None) -> pd.Timestamp:
    """The first instant of calendar day `day` in `timezone` (None: naive). Where the clocks skip midnight
    (America/Santiago in September), the day starts at the first time that exists; where midnight comes
    twice, at the first of the two."""
    import pandas as pd  # here, not at the top: the command line reads rosters before pandas is loaded

    return pd.Timestamp(pd.Timestamp(day).date()).tz_localize(timezone, nonexistent="shift_forward", ambiguous=True)


def day_bounds(start=None, end=None, timezone=None) -> tuple[pd.Timestamp | None, pd.Timestamp | None]:
    """The period from day `start` to day `end`, both included, as [first, after_last) in `timezone`
    (None: naive times). A bound not given is None."""
    import pandas as pd

    first = day_start(start, timezone) if start is not None else None
    after_last = day_start(pd.Timestamp(end) + pd.Timedelta(days=1), timezone) if end is not None else None
    return first, after_last


def month_dated(posts: pd.DataFrame) -> pd.Series:
    """Which posts are dated to the month only (published_precision 'month', the UCI dataset): their day of
    the month is a stand-in."""
    import pandas as pd

    if "published_precision" not in posts:
        return pd.Series(False, index=posts.index)
    return posts["published_precision"].eq("month").fillna(False).astype(bool)


def within(posts: pd.DataFrame, first: pd.Timestamp | None,
           after_last: pd.Timestamp | None) -> tuple[pd.Series, pd.Series]:
    """Which posts fall in [first, after_last) (a bound that is None: open on that side), and which cannot be
    placed. A post dated to the month only (month_dated: weekday and hour real, day of month not) counts when
    its whole month lies in the period; one whose month the period cuts is neither in nor out, since its day
    is unknown: it is left out, and returned apart, for the report to count in a note and the explorer to
    refuse the period."""
    import pandas as pd

    when = posts["published_at"]
    exact = pd.Series(True, index=posts.index)
    if first is not None:
        exact &= when.ge(first)
    if after_last is not None:
        exact &= when.lt(after_last)
    monthly = month_dated(posts)
    if not monthly.any():
        return exact, pd.Series(False, index=posts.index)
    month = when.dt.tz_localize(None).dt.to_period("M")
    month_first, month_after = month.dt.start_time, (month + 1).dt.start_time
    whole, touched = pd.Series(True, index=posts.index), pd.Series(True, index=posts.index)
    if first is not None:
        start = first.tz_localize(None)
        whole &= month_first.ge(start)
        touched &= month_after.gt(start)
    if after_last is not None:
        end = after_last.tz_localize(None)
        whole &= month_after.le(end)
        touched &= month_first.lt(end)
    return (exact & ~monthly) | (monthly & whole), monthly & touched & ~whole


@lru_cache(maxsize=1)
def _zones() -> tuple[tuple[str, ...], dict[str, str]]:
    """The IANA time zone names, and each by its city alone ('jakarta': 'Asia/Jakarta')."""
    from zoneinfo import available_timezones

    names = tuple(sorted(available_timezones()))
    return names, {name.rsplit("/", 1)[-1].casefold(): name for name in names
                   if "/" in name and not name.startswith("Etc/")}


#: A UTC offset written as a time zone: 'UTC+7', 'GMT +07:00', '+0700', 'UTC-3.5'.
_OFFSET = re.compile(r"\s*(?:utc|gmt)?\s*[+\-\u2212]\s*\d{1,2}(?:[:.]?\d{2}|\.5)?\s*", re.IGNORECASE)
#: Indonesia's zones by the abbreviations people write for them (Waktu Indonesia Barat, Tengah, Timur).
ABBREVIATED_ZONES = {"wib": "Asia/Jakarta", "wita": "Asia/Makassar", "wit": "Asia/Jayapura"}


def is_utc_offset(value) -> bool:
    """Whether a time zone as given is a UTC offset ('UTC+7', 'GMT+07:00', or 420 as YAML reads +7:00)."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return True
    return isinstance(value, str) and _OFFSET.fullmatch(value) is not None


def timezone_meant(value) -> str | None:
    """The IANA name a time zone that zoneinfo refuses likely stands for: IANA names are case-sensitive, so
    'asia/jakarta' is no zone, nor is its city alone ('Jakarta', 'new york'), nor 'WIB'; a slip ('Asia/Jakata')
    too.
    None for an offset: the near name would be wrong by hours ('GMT+7' is not Etc/GMT+7, which is UTC-7)."""
    from .errors import close_match

    if is_utc_offset(value):
        return None
    names, cities = _zones()
    word = str(value).strip().replace(" ", "_").casefold()
    return ABBREVIATED_ZONES.get(word) or cities.get(word) or close_match(value, names)


def timezone_hint(value):
    """What an error about a time zone zoneinfo refuses adds, wherever it is given (roster, report
    parameters, the explorer, a column map): the IANA name likely meant, or for a UTC offset the place's
    zone to give instead; "" when there is no safe guess."""
    from .i18n import Message

    if is_utc_offset(value):
        return Message("imports.timezone.offset_hint")
    meant = timezone_meant(value)
    return Message("imports.timezone.meant_hint", name=repr(meant)) if meant else ""
