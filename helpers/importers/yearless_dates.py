"""Dates written without a year ("July 16", "28 August", "8 de marzo"), as TikTok Studio writes them.

One month-name table, one parser of day-month cells, and one rule that places day-months in years, for
the post export (rows in any order) and the daily files (rows oldest first) alike.

The rule. A year is pinned to one month-day, the anchor: month-days from the anchor to 31 December fall
in the anchor's year, those from 1 January up to the anchor in the next year, so a period of up to a year
that crosses New Year comes out in order. The anchor comes from
- `year=` (the year of the OLDEST date in the file): the anchor is the oldest month-day, which is the
  first row of a file written oldest first, else the first month-day on or after the start of the export
  period (the caller knows it, e.g. TikTok's `Time` column), else the month-day after the longest stretch
  of the calendar without a date;
- else the export period in the file name: its first day ("..._2025-02-28_2026-02-27.csv"), or, when
  only one date is named, the day after it a year earlier (the date is read as the end of the period:
  every date is the latest one on or before it);
- else an ExportFormatError asks for `year=`.
What cannot be true stops the import with an error rather than a guess: a 29 February in a year without
one, a date after the end of the period named, a date more than a day in the future, rows of a file
written oldest first that come out of order (or span more than a year), a named period longer than a year.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from numbers import Integral
from datetime import date, timedelta
from pathlib import Path

import pandas as pd

from ..errors import ExportFormatError
from ..i18n import Message, quoted
from ..periods import is_plausible_year
from .base import FileReport
from .values import raise_not_dates

#: Month names (full and common abbreviations, accents optional) -> month number.
#: English, Spanish, Portuguese, French, Indonesian, German, Italian (the languages that
#: imports.yearless_dates.day_month_expected names in the catalogues).
MONTH_NAMES: dict[int, tuple[str, ...]] = {
    1: ("january", "jan", "enero", "ene", "janeiro", "janvier", "janv", "januari", "januar", "jän", "gennaio", "gen"),
    2: ("february", "feb", "febrero", "fevereiro", "fev", "février", "fevrier", "févr", "fevr", "februari",
        "februar", "febbraio"),
    3: ("march", "mar", "marzo", "março", "marco", "mars", "maret", "märz", "marz", "mär"),
    4: ("april", "apr", "abril", "abr", "avril", "avr", "aprile"),
    5: ("may", "mayo", "maio", "mai", "mei", "maggio", "mag"),
    6: ("june", "jun", "junio", "junho", "juin", "juni", "giugno", "giu"),
    7: ("july", "jul", "julio", "julho", "juillet", "juil", "juli", "luglio", "lug"),
    8: ("august", "aug", "agosto", "ago", "août", "aout", "agustus", "agu", "agt"),
    9: ("september", "sep", "sept", "septiembre", "setiembre", "set", "setembro", "septembre", "settembre"),
    10: ("october", "oct", "octubre", "outubro", "out", "octobre", "oktober", "okt", "ottobre", "ott"),
    11: ("november", "nov", "noviembre", "novembro", "novembre", "nop"),
    12: ("december", "dec", "diciembre", "dic", "dezembro", "dez", "décembre", "decembre", "déc", "desember",
         "des", "dezember", "dicembre"),
}
MONTHS: dict[str, int] = {name: number for number, names in MONTH_NAMES.items() for name in names}

_FILLER = {"de", "del", "of", "the", "le", "du", "di"}  # "8 de marzo", "16th of July"
_TOKEN = re.compile(r"\d++(?:st|nd|rd|th|er|º|ª)?+(?![^\W\d_])|[^\W\d_]+")


def parse_day_month(text: str) -> tuple[int, int, int | None] | None:
    """(month, day, year or None) from a date written with a month name, in any order; None if not one.

    Reads "July 16", "16 July", "8 de marzo", "8 mars", "16. Juli", "Mar 15, 2025", "15 de mar. de 2025",
    "7月16日" and ISO "2025-07-16". Day and month must form a real calendar date (29 February allowed).
    """
    text = str(text).strip().casefold()
    iso = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text)
    if iso:
        year, month, day = (int(g) for g in iso.groups())
        return (month, day, year) if is_real_day(month, day, year) else None
    cjk = re.fullmatch(r"(?:(\d{4})年)?\s*(\d{1,2})月\s*(\d{1,2})日", text)
    if cjk:
        year = int(cjk.group(1)) if cjk.group(1) else None
        month, day = int(cjk.group(2)), int(cjk.group(3))
        return (month, day, year) if is_real_day(month, day, year) else None
    tokens = [t for t in _TOKEN.findall(text) if t not in _FILLER]
    tokens = [re.sub(r"^(\d+)(st|nd|rd|th|er|º|ª)$", r"\1", t) for t in tokens]
    months = [MONTHS[t] for t in tokens if t in MONTHS]
    numbers = [int(t) for t in tokens if t.isdigit()]
    words = [t for t in tokens if not t.isdigit() and t not in MONTHS]
    if len(months) != 1 or words or not 1 <= len(numbers) <= 2:
        return None
    days = [n for n in numbers if n <= 31]
    years = [n for n in numbers if n >= 1000]
    if len(days) != 1 or len(days) + len(years) != len(numbers):
        return None
    year = years[0] if years else None
    return (months[0], days[0], year) if is_real_day(months[0], days[0], year) else None


def is_real_day(month: int, day: int, year: int | None = None) -> bool:
    """Whether month/day exists in `year`; without a year, in a leap year (29 February exists)."""
    try:
        date(2024 if year is None else int(year), int(month), int(day))
    except ValueError:
        return False
    return True


def day_months(cells: pd.Series, *, path: Path, column: str, rows: pd.Series) -> pd.DataFrame:
    """Month, day and year (NA when not written) of each cell, as columns `month`, `day`, `year`.

    A cell that is not a date with a month name (blank included) raises ExportFormatError naming the
    first such cell, its row and `column`.
    """
    parsed = cells.map(parse_day_month)
    raise_not_dates(path, cells, parsed.isna(), rows=rows, column=column,
                    expected=Message("imports.yearless_dates.day_month_expected"),
                    hint=Message("imports.yearless_dates.day_month_hint"))
    return pd.DataFrame(parsed.tolist(), columns=["month", "day", "year"], index=cells.index,
                        dtype="object").astype({"month": "int64", "day": "int64"})


_NAME_DATES = (
    re.compile(r"(?<!\d)(?P<year>\d{4})(?P<sep>[-_.]?)(?P<month>\d{2})(?P=sep)(?P<day>\d{2})(?!\d)"),
    re.compile(r"(?<![^\W\d_])(?P<month>[A-Za-z]{3})-(?P<day>\d{1,2})-(?P<year>\d{4})(?!\d)"),  # Feb-28-2025
)


def dates_in_name(path: Path, first_year: int = 2016) -> list[date]:
    """Dates written in a file name, in the order written: 2025-02-28, 2025_02_28, 20250228, Feb-28-2025.

    Only years from `first_year` to 2100 count: other 8-digit numbers (ids, counters) are not dates. 2016
    for the year of year-less dates (TikTok Studio exports are younger); an export's recency takes older
    names too (tweet activity from 2015).
    """
    found = []
    for pattern in _NAME_DATES:
        for match in pattern.finditer(Path(path).name):
            month = match["month"]
            month = int(month) if month.isdigit() else MONTHS.get(month.casefold())
            year, day = int(match["year"]), int(match["day"])
            if month and first_year <= year <= 2100 and is_real_day(month, day, year):
                found.append((match.start(), date(year, month, day)))
    return [d for _, d in sorted(found)]


@dataclass(frozen=True)
class Anchor:
    """Month-days on or after `month_day` fall in `year`, earlier ones in `year + 1`."""

    month_day: tuple[int, int]
    year: int
    origin: Message  # where the year came from, as messages say it
    last_day: date | None = None  # end of the export period named in the file, when known


def year_anchor(day_month: pd.DataFrame, *, year, path: Path, column: str, in_order: bool,
                period_start: tuple[int, int] | None = None, noun: str = "row", loader: str = "load_exports",
                extra_hint: str = "", ignored: SpreadsheetYears | None = None) -> Anchor:
    """Where the year of yearless dates comes from: `year=`, else the file name, else an error asking for it.

    `day_month` holds the file's rows (columns `month`, `day`), in file order. See the module docstring.
    `ignored`, the years a spreadsheet wrote into the cells, makes the error say why those are not the year.
    """
    month_days = list(zip(day_month["month"].astype(int), day_month["day"].astype(int)))
    noun = _noun(noun)
    if year is not None:
        first_year = int(year) if isinstance(year, (Integral, str)) and str(year).strip().isdigit() else None
        if not is_plausible_year(first_year):
            raise ExportFormatError(path, Message("imports.yearless_dates.not_a_year", value=quoted(year)),
                                    column=column, hint=Message("imports.yearless_dates.not_a_year_hint"))
        if in_order:
            oldest = month_days[0]
        else:
            start = period_start or _after_longest_gap(month_days)
            oldest = min(month_days, key=lambda md: (md < start, md))
        return Anchor(oldest, first_year, Message("imports.yearless_dates.origin_year", year=str(first_year),
                                                  noun=noun))
    named = sorted(set(dates_in_name(path)))
    if len(named) >= 2:
        start, end = named[0], named[-1]
        if end >= _one_year_after(start):
            raise ExportFormatError(
                path, Message("imports.yearless_dates.period_too_long", start=start, end=end),
                column=column, hint=Message("imports.yearless_dates.pass_year_hint", noun=noun, loader=loader))
        return Anchor((start.month, start.day), start.year,
                      Message("imports.yearless_dates.origin_period", start=start, end=end), last_day=end)
    if named:
        end = named[0]
        after = end + timedelta(days=1)
        return Anchor((after.month, after.day), after.year - 1,
                      Message("imports.yearless_dates.origin_end_date", end=end), last_day=end)
    unknown = (Message("imports.yearless_dates.year_unknown_spreadsheet", **ignored.values()) if ignored
               else Message("imports.yearless_dates.year_unknown",
                            example=_month_day_text(month_days[0] if month_days else (7, 16))))
    raise ExportFormatError(
        path, unknown,
        column=column, expected=Message("imports.yearless_dates.year_unknown_expected", loader=loader),
        hint=Message("imports.yearless_dates.year_unknown_hint", noun=noun, loader=loader, extra=extra_hint))


#: The hints that ask for the year of a file: each said as in Python (year= to a loader), or, worded for where the
#: file was read (with_year_advice), as the roster's `year` key or the command line's --year.
YEAR_HINTS = ("imports.yearless_dates.year_unknown_hint", "imports.yearless_dates.pass_year_hint")


def with_year_advice(error: ExportFormatError, where: str) -> ExportFormatError:
    """`error` with its request for the year worded for `where` the file was read: 'roster' (a client's `year`
    key) or 'inspect' (--year), not as year= to the loader a Python caller passes it to; any other error, or
    `where` 'python', as it is."""
    hint = error.hint
    if where == "python" or getattr(hint, "key", None) not in YEAR_HINTS:
        return error
    name = hint.key.rsplit(".", 1)[1]
    return ExportFormatError(error.path, error.problem, row=error.row, column=error.column, expected=error.expected,
                             hint=Message(f"imports.yearless_dates.{name}_{where}", **hint.values))


def place_in_years(day_month: pd.DataFrame, *, year, path: Path, column: str, rows: pd.Series,
                   report: FileReport, in_order: bool, period_start: tuple[int, int] | None = None,
                   noun: str = "row", loader: str = "load_exports", extra_hint: str = "",
                   today: date | None = None, written: pd.Series | None = None) -> list[date]:
    """A full date for each row of `day_month` (columns `month`, `day`, `year`; year NA when not written).

    A written year is kept, unless `written` (the cells as written) is given: the reader's export never
    writes a year, so a year in a cell is a spreadsheet's (spreadsheet_years) and is dropped, with a note.
    The others are placed by the anchor of `year_anchor` (see the module docstring); `in_order` says the
    rows are oldest first (daily series), `period_start` is the month-day the export period starts on when
    the file says so. The import report says where the year came from.
    """
    ignored = spreadsheet_years(day_month, written, rows=rows, column=column) if written is not None else None
    if ignored is not None:
        day_month = day_month.assign(year=None)
        report.warnings.append(Message("imports.yearless_dates.spreadsheet_year_ignored", **ignored.values()))
    yearless = day_month["year"].isna()
    noun = _noun(noun)
    if not yearless.any():
        return [date(int(y), int(m), int(d)) for m, d, y in day_month.itertuples(index=False)]
    anchor = year_anchor(day_month, year=year, path=path, column=column, in_order=in_order,
                         period_start=period_start, noun=noun, loader=loader, extra_hint=extra_hint,
                         ignored=ignored)
    placed = []
    for row, (m, d, y), guessed in zip(rows, day_month.itertuples(index=False), yearless):
        m, d = int(m), int(d)
        y = anchor.year + ((m, d) < anchor.month_day) if guessed else int(y)
        if not is_real_day(m, d, y):
            raise ExportFormatError(path, Message("imports.yearless_dates.no_29_february", year=str(y)),
                                    row=int(row), column=column,
                                    expected=Message("imports.yearless_dates.real_date_expected"),
                                    hint=Message("imports.yearless_dates.no_29_february_hint", origin=anchor.origin,
                                                 noun=noun))
        placed.append(date(y, m, d))
    guessed_dates = [p for p, guessed in zip(placed, yearless) if guessed]
    if in_order:
        back = next((i for i in range(1, len(placed)) if placed[i] < placed[i - 1]), None)
        if back is not None:
            raise ExportFormatError(path, Message("imports.yearless_dates.not_in_order"),
                                    row=int(rows.iloc[back]), column=column,
                                    hint=Message("imports.yearless_dates.not_in_order_hint"))
    if anchor.last_day is not None and max(guessed_dates) > anchor.last_day:
        late = max(guessed_dates)
        raise ExportFormatError(path, Message("imports.yearless_dates.after_period", origin=anchor.origin,
                                              date=late),
                                row=int(rows.iloc[placed.index(late)]), column=column,
                                hint=Message("imports.yearless_dates.after_period_hint", noun=noun))
    today = today or date.today()
    if max(guessed_dates) > today + timedelta(days=1):
        raise ExportFormatError(path, Message("imports.yearless_dates.in_future", origin=anchor.origin,
                                              date=max(guessed_dates)),
                                column=column, hint=Message("imports.yearless_dates.in_future_hint", noun=noun))
    crosses = any(p.year > anchor.year for p in guessed_dates)
    report.warnings.append(Message(
        "imports.yearless_dates.years_placed_across_new_year" if crosses else "imports.yearless_dates.years_placed",
        origin=anchor.origin, first=min(guessed_dates), last=max(guessed_dates),
        start=_month_day_text(anchor.month_day), year=str(anchor.year), next_year=str(anchor.year + 1)))
    return placed


@dataclass(frozen=True)
class SpreadsheetYears:
    """Years written into the dates of an export that writes none, and the first cell holding one."""

    column: str
    count: int  # cells with a year
    years: tuple[str, ...]
    row: int
    value: str  # that cell as written

    def values(self) -> dict:
        """The fields as the catalogue's texts take them (years as text: 2024, not 2,024)."""
        return {"column": self.column, "count": self.count, "years": list(self.years), "row": str(self.row),
                "value": quoted(self.value)}


def spreadsheet_years(day_month: pd.DataFrame, written: pd.Series, *, rows: pd.Series,
                      column: str) -> SpreadsheetYears | None:
    """The years in the cells of an export that writes its dates without one (TikTok Studio's), or None.

    Such a year is a spreadsheet's: opened in one, 'July 16' becomes 16 July of the year the file was opened
    in, saved as '2024-07-16'. That year says nothing about the post's: a file opened a year later gets the
    wrong year throughout, and one opened in the export's own year moves the posts after New Year back a year.
    """
    dated = day_month["year"].notna()
    if not dated.any():
        return None
    first = dated.idxmax()
    years = tuple(str(y) for y in sorted({int(y) for y in day_month.loc[dated, "year"]}))
    return SpreadsheetYears(column=column, count=int(dated.sum()), years=years, row=int(rows[first]),
                            value=str(written[first]).strip())


def _noun(noun: str) -> Message:
    """What the file's rows are ('post' or 'row'), as messages say it ('the year of the oldest post')."""
    if isinstance(noun, Message):
        return noun
    if noun not in ("post", "row"):
        raise ValueError(f"noun must be 'post' or 'row', not {noun!r}")
    return Message("imports.yearless_dates.noun_post" if noun == "post" else "imports.yearless_dates.noun_row")


def _after_longest_gap(month_days: list[tuple[int, int]]) -> tuple[int, int]:
    """The month-day that ends the longest stretch of the calendar with no date: where a period starts."""
    days = sorted(set(month_days))
    ordinals = [date(2024, m, d).timetuple().tm_yday for m, d in days]  # leap year: 29 February exists
    gaps = [(ordinals[(i + 1) % len(days)] - ordinals[i]) % 366 or 366 for i in range(len(days))]
    longest = max(range(len(days)), key=lambda i: gaps[i])
    return days[(longest + 1) % len(days)]


def _one_year_after(day: date) -> date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return date(day.year + 1, 3, 1)


def _month_day_text(month_day: tuple[int, int]) -> Message:
    """A day of the year as messages say it: '16 July' (Indonesian 'tanggal 16 Juli')."""
    keys = ("imports.yearless_dates.day_of_january", "imports.yearless_dates.day_of_february",
            "imports.yearless_dates.day_of_march", "imports.yearless_dates.day_of_april",
            "imports.yearless_dates.day_of_may", "imports.yearless_dates.day_of_june",
            "imports.yearless_dates.day_of_july", "imports.yearless_dates.day_of_august",
            "imports.yearless_dates.day_of_september", "imports.yearless_dates.day_of_october",
            "imports.yearless_dates.day_of_november", "imports.yearless_dates.day_of_december")
    month, day = month_day
    key = keys[int(month) - 1]
    return Message(key, day=str(int(day)))
