"""TikTok Studio post export (`Content.csv`): one row per video, dates without a year.

Quirks handled: UTF-8 with BOM, every field quoted, no final newline; `Post time` (and `Time`) written as
a month and day without a year ("July 16") and, for some accounts, in another language ("8 de marzo");
missing values written `undefined`, `NAN` or `--`; captions with newlines and emoji; the post id only in
the `Video link`. Post-level only: the daily `Overview.csv`, `Viewers.csv` and follower files have no
`Video link` column and do not match this family.

The year. The export never writes it, so it comes from the user (`year=`, the year of the OLDEST post in
the file) or from dates in the file name; with neither, reading stops with an error that says so. A file
whose posts cross New Year (December, then January) is placed in order: the month-day where the export
period turns is the `Time` column's (the same day for every row: the period's first day) or, without it,
the end of the longest stretch of the calendar with no post; posts from that point to 31 December get
`year`, those after 1 January get `year + 1`. With dates in the file name, each post gets the latest date on
or before the last date named (a post cannot be published after its export was made).

TikTok video ids carry their creation time (the id's top 32 bits are Unix seconds); the placed dates are
checked against it and any disagreement becomes a warning (a wrong `year=` shows up there), never a
silent correction. Only TikTok Studio's format is read; the TikTok business (Ads Manager) video export is
not supported, for lack of a sample.
"""
from __future__ import annotations

import re
from datetime import date, datetime, timezone as dt_timezone
from pathlib import Path

import pandas as pd

from ..errors import ExportFormatError
from .base import Columns, Family, FileReport, ImportedFile
from .reading import read_delimited
from .values import is_blank, to_local_datetime, to_number

#: Month names (full and common abbreviations, accents optional) -> month number.
#: English, Spanish, Portuguese, French, Indonesian, German, Italian.
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
        return (month, day, year) if _valid(month, day, year) else None
    cjk = re.fullmatch(r"(?:(\d{4})年)?\s*(\d{1,2})月\s*(\d{1,2})日", text)
    if cjk:
        year = int(cjk.group(1)) if cjk.group(1) else None
        month, day = int(cjk.group(2)), int(cjk.group(3))
        return (month, day, year) if _valid(month, day, year) else None
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
    return (months[0], days[0], year) if _valid(months[0], days[0], year) else None


def _valid(month: int, day: int, year: int | None) -> bool:
    try:
        date(year or 2024, month, day)  # 2024 is a leap year: 29 February is a real month-day
    except ValueError:
        return False
    return True


# canonical column -> header names that carry it (first one present wins)
COUNTS = {
    "reactions": ("Total likes", "Likes"),
    "comments": ("Total comments", "Comments"),
    "shares": ("Total shares", "Shares"),
    "saves": ("Total saves", "Saves", "Favorites"),
    "video_views": ("Total views", "Video views", "Views"),
    "reach": ("Reached audience", "Total reached audience"),
}

_VIDEO_LINK = re.compile(r"tiktok\.com/@([^/?#]+)/(video|photo)/(\d+)", re.IGNORECASE)
_NAME_DATE = re.compile(r"(?<!\d)(\d{4})[-_.]?(\d{2})[-_.]?(\d{2})(?!\d)")


def read_tiktok_studio(path: Path, *, timezone: str | None = None, year: int | None = None,
                       **_) -> ImportedFile:
    """Read one TikTok Studio `Content.csv` into canonical rows; `year` = year of the oldest post."""
    path = Path(path)
    table = read_delimited(path)
    cols = Columns(table.header, table.keys)
    frame, rows = table.frame, table.source_rows()
    report = FileReport(path=path, family=FAMILY.name, platform="tiktok", rows_in_file=len(frame))
    for needed in ("Video link", "Post time"):
        if needed not in cols:
            raise ExportFormatError(path, f"the {needed!r} column is missing", column=needed,
                                    expected="a TikTok Studio Content export with 'Video link' and 'Post time'",
                                    hint="export the Content tab of TikTok Studio again, without editing it")

    link = frame[cols.key("Video link")].str.strip()
    parts = link.str.extract(_VIDEO_LINK)
    no_id = parts[2].isna()
    if no_id.any():
        report.drop("no TikTok video link (so no post id)", int(no_id.sum()))
        frame, rows, link, parts = frame[~no_id], rows[~no_id], link[~no_id], parts[~no_id]

    undated = is_blank(frame[cols.key("Post time")])
    if undated.any():
        report.drop("blank 'Post time': cannot be placed in time", int(undated.sum()))
        frame, rows, link, parts = frame[~undated], rows[~undated], link[~undated], parts[~undated]

    zone = timezone or "UTC"
    out = pd.DataFrame(index=frame.index)
    out["platform"] = "tiktok"
    out["account"] = parts[0]
    out["post_id"] = parts[2]
    out["permalink"] = link
    out["format"] = parts[1].str.casefold()
    day_month = _day_months(frame[cols.key("Post time")], path=path, column="Post time", rows=rows)
    dates = _place_in_years(day_month, frame, cols, rows, path, year, report)
    days = pd.Series([d.isoformat() for d in dates], index=frame.index)
    out["published_at"] = to_local_datetime(days, fmt="%Y-%m-%d", timezone=zone, path=path,
                                            column="Post time", rows=rows)
    out["published_precision"] = "day"
    _check_against_ids(out, rows, report)
    title_key = cols.key("Video title", "Title", "Caption")
    if title_key is not None:
        title = frame[title_key]
        out["text"] = title.where(~is_blank(title) & title.str.strip().ne(""), pd.NA)
    for canonical, names in COUNTS.items():
        key = cols.key(*names)
        if key is not None:
            out[canonical] = to_number(frame[key], path=path, column=table.header[table.keys.index(key)],
                                       rows=rows)
    out["source_file"] = str(path)
    out["source_row"] = rows
    report.rows_imported = len(out)
    return ImportedFile(posts=out, report=report)


def _day_months(cells: pd.Series, *, path: Path, column: str, rows: pd.Series) -> pd.DataFrame:
    """Month, day (and year when written) of each cell; an error naming the first unreadable cell."""
    parsed = cells.map(parse_day_month)
    bad = parsed.isna()
    if bad.any():
        first = bad.idxmax()
        raise ExportFormatError(
            path, f"{int(bad.sum())} cell(s) are not dates; first: {cells[first]!r}", row=int(rows[first]),
            column=column, expected="a month name and a day, like 'July 16' or '8 de marzo' (English, Spanish,"
                                    " Portuguese, French, Indonesian, German or Italian month names)",
            hint="re-download the export without editing it; if the language is not listed, export TikTok"
                 " Studio in English")
    return pd.DataFrame(parsed.tolist(), columns=["month", "day", "year"], index=cells.index)


def _place_in_years(day_month: pd.DataFrame, frame: pd.DataFrame, cols: Columns, rows: pd.Series,
                    path: Path, year: int | None, report: FileReport) -> list[date]:
    """A full date for each post: year from `year=` or the file name, New Year crossings handled."""
    if day_month["year"].notna().all():
        return [date(int(y), int(m), int(d)) for m, d, y in day_month.itertuples(index=False)]
    if year is not None:
        try:
            year = int(year)
        except (TypeError, ValueError):
            raise ExportFormatError(path, f"year={year!r} is not a year", column="Post time",
                                    hint="pass the year as a number, e.g. year=2025") from None
        turn = _turning_point(day_month, frame, cols, rows, path)
        first = min(((m, d) for m, d in zip(day_month["month"], day_month["day"])),
                    key=lambda md: (md < turn, md))
        placed = []
        for row, (m, d, y) in zip(rows, day_month.itertuples(index=False)):
            y = int(y) if not pd.isna(y) else (year if (m, d) >= first else year + 1)
            if not _valid_in(y, m, d):
                raise ExportFormatError(path, f"29 February does not exist in {y}", row=int(row),
                                        column="Post time", hint="check the year= option (the year of the"
                                                                 " oldest post in the file)")
            placed.append(date(y, int(m), int(d)))
        if any(p.year > year for p in placed):
            report.warnings.append(
                f"the posts cross New Year: those from {_md_text(first)} onwards are placed in {year}, those"
                f" from 1 January in {year + 1} (year={year} is the year of the oldest post)")
        return placed
    name_dates = _file_name_dates(path)
    if name_dates:
        end = max(name_dates)
        placed = []
        for m, d, y in day_month.itertuples(index=False):
            if not pd.isna(y):
                placed.append(date(int(y), int(m), int(d)))
                continue
            candidate_year = end.year
            while not _valid_in(candidate_year, m, d) or date(candidate_year, int(m), int(d)) > end:
                candidate_year -= 1
            placed.append(date(candidate_year, int(m), int(d)))
        report.warnings.append(f"the year comes from the file name: each post is placed on the latest date"
                               f" up to {end.isoformat()}")
        return placed
    hint = ("pass year=<the year of the oldest post in this file> to load_exports (e.g. year=2025); a New Year"
            " crossing inside the file is then handled")
    suggested = _id_years(frame, cols)
    if suggested:
        hint += f". The video ids were created from {suggested[0]} to {suggested[1]}, if that helps"
    raise ExportFormatError(
        path, "the year is unknown: TikTok Studio writes post dates without a year (e.g. "
              f"{frame[cols.key('Post time')].iloc[0]!r}), no year= option was given and the file name holds"
              " no date", column="Post time", expected="year=... passed to load_exports / import_exports",
        hint=hint)


def _turning_point(day_month: pd.DataFrame, frame: pd.DataFrame, cols: Columns, rows: pd.Series,
                   path: Path) -> tuple[int, int]:
    """The month-day where the export period starts: the `Time` column, else after the longest gap."""
    time_key = cols.key("Time")
    if time_key is not None and not is_blank(frame[time_key]).all():
        cells = frame[time_key]
        filled = ~is_blank(cells)
        stamps = _day_months(cells[filled], path=path, column="Time", rows=rows[filled])
        distinct = set(zip(stamps["month"], stamps["day"]))
        if len(distinct) == 1:
            return next(iter(distinct))
    days = sorted({(int(m), int(d)) for m, d in zip(day_month["month"], day_month["day"])})
    ordinals = [date(2024, m, d).timetuple().tm_yday for m, d in days]  # leap year: 29 February exists
    gaps = [(ordinals[(i + 1) % len(days)] - ordinals[i]) % 366 or 366 for i in range(len(days))]
    longest = max(range(len(days)), key=lambda i: gaps[i])
    return days[(longest + 1) % len(days)]


def _md_text(md: tuple[int, int]) -> str:
    return date(2024, int(md[0]), int(md[1])).strftime("%d %B").lstrip("0")


def _valid_in(year: int, month: int, day: int) -> bool:
    try:
        date(year, int(month), int(day))
    except ValueError:
        return False
    return True


def _file_name_dates(path: Path) -> list[date]:
    """Dates written in the file name (YYYY-MM-DD, YYYY_MM_DD or YYYYMMDD), e.g. an export period."""
    found = []
    for y, m, d in _NAME_DATE.findall(path.stem):
        try:
            found.append(date(int(y), int(m), int(d)))
        except ValueError:
            continue
    return [d for d in found if 2016 <= d.year <= 2100]


def _id_time(post_ids: pd.Series) -> pd.Series:
    """Creation time (UTC) encoded in TikTok video ids (top 32 bits = Unix seconds); NaT if implausible."""
    seconds = post_ids.map(lambda i: int(i) >> 32 if str(i).isdigit() else None)
    stamps = pd.to_datetime(seconds.astype("float64"), unit="s", utc=True)
    plausible = (stamps >= pd.Timestamp("2016-09-01", tz="UTC")) & (
        stamps <= pd.Timestamp(datetime.now(dt_timezone.utc)) + pd.Timedelta(days=2))
    return stamps.where(plausible)


def _id_years(frame: pd.DataFrame, cols: Columns) -> tuple[int, int] | None:
    ids = frame[cols.key("Video link")].str.extract(_VIDEO_LINK)[2].dropna()
    stamps = _id_time(ids).dropna()
    return (stamps.min().year, stamps.max().year) if len(stamps) else None


def _check_against_ids(out: pd.DataFrame, rows: pd.Series, report: FileReport) -> None:
    """Warn where a placed date is more than a day away from the creation time in the video id."""
    created = _id_time(out["post_id"])
    placed = out["published_at"].dt.tz_convert("UTC")
    off = created.notna() & ((placed - created).abs() > pd.Timedelta(days=2))
    if off.any():
        first = off.idxmax()
        report.warnings.append(
            f"{int(off.sum())} post(s) have a date that disagrees with the creation time in their video id"
            f" (e.g. row {int(rows[first])}: placed on {placed[first].date()}, id created"
            f" {created[first].date()}): check the year= option")


FAMILY = Family(
    name="tiktok_studio_content",
    label="TikTok Studio post export (Content.csv)",
    signature=("video link", "post time"),
    read=read_tiktok_studio,
)
