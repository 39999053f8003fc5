"""Tools shared by the daily-series importers (channel-level series, one value per day and metric).

Each daily importer reads one export file into long rows: platform, date, metric, value, source_file,
source_row (client is set by `helpers.daily`). The contract and the loader live in `helpers/daily.py`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import pandas as pd

from ..errors import ExportFormatError
from .base import FileReport
from .reading import TextTable, normalise_name, unique_keys
from .values import is_blank, to_number

#: Canonical metric names every daily importer maps to (meanings in `helpers.daily.METRICS`).
CANONICAL_METRICS = (
    "followers", "follows_gained", "unfollows", "followers_net_change", "reach", "impressions", "views",
    "viewers", "profile_views", "video_views", "watch_time_seconds", "reactions", "comments", "shares",
    "reposts", "saves", "clicks", "platform_engagements",
)

SERIES_COLUMNS = ("platform", "date", "metric", "value", "source_file", "source_row")


@dataclass
class ImportedSeries:
    """What a daily importer returns: long rows (client not yet set) and the file's import report."""

    series: pd.DataFrame  # columns SERIES_COLUMNS
    report: FileReport


def snake_case(name: str) -> str:
    """'Impressions (organic)' -> 'impressions_organic': the name kept for a metric the workbook does not map."""
    text = re.sub(r"[^0-9a-z]+", "_", str(name).casefold()).strip("_")
    return text or "unnamed_metric"


def metric_for(export_name: str, mapping: dict[str, str], platform: str, report: FileReport) -> str:
    """The canonical metric of an export column; an unmapped one keeps a snake_case name, with a warning.

    An unmapped name whose snake_case form is a canonical name (e.g. a bare 'Followers' whose meaning
    the workbook has not checked for that export) gets the platform as prefix, so that it never passes
    silently for the canonical metric.
    """
    key = normalise_name(export_name)
    if key in mapping:
        return mapping[key]
    name = snake_case(export_name)
    if name in CANONICAL_METRICS:
        name = f"{platform}_{name}"
    report.warnings.append(f"column {export_name!r} is not a metric the workbook knows: kept as {name!r};"
                           " check what it measures before using it")
    return name


def long_rows(path: Path, platform: str, dates: pd.Series, rows: pd.Series,
              metrics: dict[str, pd.Series]) -> pd.DataFrame:
    """Wide daily columns -> long rows (one per date and metric); blank values stay as NA rows."""
    parts = []
    for metric, values in metrics.items():
        parts.append(pd.DataFrame({
            "platform": pd.Series(platform, index=dates.index, dtype="string"),
            "date": dates.astype("datetime64[ns]"),
            "metric": pd.Series(metric, index=dates.index, dtype="string"),
            "value": values.astype("Float64"),
            "source_file": pd.Series(str(path), index=dates.index, dtype="string"),
            "source_row": rows.astype("Int64"),
        }))
    if not parts:
        return empty_series()
    return pd.concat(parts, ignore_index=True)


def empty_series() -> pd.DataFrame:
    return pd.DataFrame({
        "platform": pd.Series(dtype="string"), "date": pd.Series(dtype="datetime64[ns]"),
        "metric": pd.Series(dtype="string"), "value": pd.Series(dtype="Float64"),
        "source_file": pd.Series(dtype="string"), "source_row": pd.Series(dtype="Int64"),
    })


def numbers(table: TextTable, key: str, rows: pd.Series) -> pd.Series:
    """A metric column (rows `rows.index`) as Float64: blank and missing words -> NA; a bad cell names
    its row and column."""
    return to_number(table.frame.loc[rows.index, key], path=table.path, column=table.header[table.keys.index(key)],
                     rows=rows, dtype="Float64")


def durations_seconds(table: TextTable, key: str, rows: pd.Series) -> pd.Series:
    """'H:MM:SS' or 'M:SS' cells (or plain seconds) -> seconds as Float64; blank -> NA."""
    cells = table.frame.loc[rows.index, key].astype("string").str.strip()
    blank = is_blank(cells)
    out = pd.Series(pd.NA, index=cells.index, dtype="Float64")
    bad = []
    for idx, text in cells[~blank].items():
        parts = text.split(":")
        try:
            seconds = 0.0
            for part in parts:
                seconds = seconds * 60 + float(part)
            if len(parts) > 3 or seconds < 0:
                raise ValueError
            out[idx] = seconds
        except ValueError:
            bad.append(idx)
    if bad:
        raise ExportFormatError(table.path, f"{len(bad)} cell(s) are not durations; first: {cells[bad[0]]!r}",
                                row=int(rows[bad[0]]), column=table.header[table.keys.index(key)],
                                expected="a duration like '0:04:34' (H:MM:SS) or a blank cell",
                                hint="re-download the export; a spreadsheet may have rewritten the cell")
    return out


def parse_dates(cells: pd.Series, formats: tuple[str, ...], *, path: Path, column: str,
                rows: pd.Series, example: str) -> pd.Series:
    """Dates written in one of `formats` (each cell may use any of them) -> midnight, no time zone.

    A time of day, if written, is dropped: the series are per calendar day of the account.
    """
    text = cells.astype("string").str.strip()
    parsed = pd.Series(pd.NaT, index=text.index, dtype="datetime64[ns]")
    for fmt in formats:
        todo = parsed.isna()
        if not todo.any():
            break
        parsed[todo] = pd.to_datetime(text[todo], format=fmt, errors="coerce").astype("datetime64[ns]")
    bad = parsed.isna()
    if bad.any():
        first = bad.idxmax()
        raise ExportFormatError(
            path, f"{int(bad.sum())} cell(s) are not dates; first: {text[first]!r}", row=int(rows[first]),
            column=column, expected=f"a date like {example!r}",
            hint="re-download the export without editing it in a spreadsheet (which rewrites dates)")
    return parsed.dt.normalize()


# ---- dates without a year (TikTok Studio) -------------------------------------------------------

MONTHS = {
    # English
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
    "nov": 11, "dec": 12,
    # Spanish ("8 de marzo")
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7, "agosto": 8,
    "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
    # Portuguese ("8 de março")
    "janeiro": 1, "fevereiro": 2, "março": 3, "marco": 3, "maio": 5, "junho": 6, "julho": 7,
    "setembro": 9, "outubro": 10, "novembro": 11, "dezembro": 12,
}
_MONTH_DAY = re.compile(r"^(?P<month>[^\W\d_]+)\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?$")
_DAY_MONTH = re.compile(r"^(?P<day>\d{1,2})\.?\s+(?:de\s+)?(?P<month>[^\W\d_]+)\.?$")


def month_days(cells: pd.Series, *, path: Path, column: str, rows: pd.Series) -> list[tuple[int, int]]:
    """(month, day) of cells like 'July 16', '28 August' or '8 de marzo'; a bad cell names its row."""
    out = []
    for idx, raw in cells.astype("string").str.strip().str.casefold().items():
        match = _MONTH_DAY.match(raw or "") or _DAY_MONTH.match(raw or "")
        month = MONTHS.get(match["month"]) if match else None
        day = int(match["day"]) if match else 0
        if month is None or not 1 <= day <= 31:
            raise ExportFormatError(path, f"cannot read {cells[idx]!r} as a day and month", row=int(rows[idx]),
                                    column=column, expected="a date like 'July 16', '28 August' or '8 de marzo'",
                                    hint="re-download the export in English or Spanish")
        out.append((month, day))
    return out


_NAME_DATES = (
    (re.compile(r"(?<!\d)(\d{4}-\d{2}-\d{2})(?!\d)"), "%Y-%m-%d"),
    (re.compile(r"(?<!\d)(\d{8})(?!\d)"), "%Y%m%d"),
    (re.compile(r"([A-Z][a-z]{2}-\d{1,2}-\d{4})"), "%b-%d-%Y"),
)


def dates_in_name(path: Path) -> list[date]:
    """Dates written in a file name ('Overview_2025-02-28_2026-02-27.csv'), in order."""
    found = []
    for pattern, fmt in _NAME_DATES:
        for match in pattern.finditer(path.name):
            try:
                found.append((match.start(), datetime.strptime(match.group(1), fmt).date()))
            except ValueError:
                pass
    return [d for _, d in sorted(found)]


def assign_years(month_day: list[tuple[int, int]], *, path: Path, column: str, rows: pd.Series,
                 year: int | None, report: FileReport, today: date | None = None) -> pd.Series:
    """Dates for yearless (month, day) pairs listed oldest first, as TikTok Studio writes them.

    The year comes from `year` (the year of the FIRST row; the year turns when the dates pass
    December 31) or else from the export period in the file name (two dates: start and end; one date:
    the end). Without either, an ExportFormatError asks for year=. A February 29 in a year without one,
    or dates in the future, mean the year is wrong and raise too.
    """
    if not month_day:
        return pd.Series([], dtype="datetime64[ns]")
    turns = [0]
    for before, after in zip(month_day, month_day[1:]):
        turns.append(turns[-1] + (after < before))
    if turns[-1] > 1:
        raise ExportFormatError(path, "the dates are not in order (oldest first) and have no year, so the year of"
                                " each row cannot be told", column=column,
                                hint="re-download the export; do not sort it in a spreadsheet")
    if year is not None:
        try:
            first_year = int(year)
        except (TypeError, ValueError):
            raise ExportFormatError(path, f"year={year!r} is not a year", column=column,
                                    hint="pass the year as a number, e.g. year=2025") from None
        origin = f"year={year} (the year of the first row)"
    else:
        named = dates_in_name(path)
        if len(named) >= 2:
            start = named[0]
            first_year = start.year + (month_day[0] < (start.month, start.day))
            origin = f"the export period in the file name (from {start.isoformat()})"
        elif len(named) == 1:
            end = named[0]
            last_year = end.year - (month_day[-1] > (end.month, end.day))
            first_year = last_year - turns[-1]
            origin = f"the date in the file name ({end.isoformat()}, read as the end of the period)"
        else:
            raise ExportFormatError(
                path, "the dates have no year and the file name holds no export period", column=column,
                expected="a year", hint="pass year=2025 (the year of the file's first row) to load_daily_series,"
                                        " or keep the export period in the file name")
    values = []
    for (month, day), turn, row in zip(month_day, turns, rows):
        try:
            values.append(datetime(first_year + turn, month, day))
        except ValueError:
            raise ExportFormatError(path, f"{first_year + turn} has no {month}/{day}", row=int(row), column=column,
                                    expected="a real calendar date",
                                    hint=f"the year is wrong: it came from {origin}; pass the right year=") from None
    out = pd.Series(values, index=rows.index, dtype="datetime64[ns]")
    today = today or date.today()
    if out.iloc[-1].date() > today:
        raise ExportFormatError(path, f"with the year from {origin} the dates run to {out.iloc[-1].date()},"
                                " which is in the future", column=column,
                                hint="pass year= as the year of the FIRST row of the file (a year earlier)")
    if turns[-1]:
        report.warnings.append(f"the dates have no year: took it from {origin}; they run from"
                               f" {out.iloc[0].date()} to {out.iloc[-1].date()}, across a new year")
    else:
        report.warnings.append(f"the dates have no year: took it from {origin}")
    return out


# ---- spreadsheets --------------------------------------------------------------------------------

def read_sheet(path: Path, sheet: str | None, header_first_cell: str) -> TextTable:
    """One sheet of an xlsx workbook as text cells, the header being the first row (of the first 10)
    whose first cell is `header_first_cell` (LinkedIn puts a sentence above it). Read-only, via openpyxl.
    """
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a damaged file
        raise ExportFormatError(path, f"cannot open the spreadsheet ({exc})",
                                hint="open it in a spreadsheet program and save it again as .xlsx") from None
    try:
        names = {normalise_name(ws.title): ws for ws in book.worksheets}
        ws = names.get(normalise_name(sheet)) if sheet else book.worksheets[0]
        if ws is None:
            raise ExportFormatError(path, f"the workbook has no sheet {sheet!r}",
                                    expected=f"a sheet named {sheet!r}; found: {', '.join(book.sheetnames)}",
                                    hint="use the export as downloaded, without renaming sheets")
        header, header_row, body = None, 0, []
        for number, row in enumerate(ws.iter_rows(values_only=True), start=1):
            cells = [_cell_text(v) for v in row]
            if header is None:
                if cells and normalise_name(cells[0]) == normalise_name(header_first_cell):
                    header, header_row = [c.strip() for c in cells], number
                elif number >= 10:
                    break
                continue
            if any(c.strip() for c in cells):
                body.append((number, cells))
    finally:
        book.close()
    if header is None:
        raise ExportFormatError(path, f"no header row starting with {header_first_cell!r} in sheet {ws.title!r}",
                                hint="use the export as downloaded")
    while header and not header[-1]:
        header.pop()
    keys = unique_keys(header)
    frame = pd.DataFrame([(cells + [""] * len(keys))[:len(keys)] for _, cells in body], columns=keys, dtype=str)
    table = TextTable(path=Path(path), header=header, frame=frame, keys=keys, first_data_row=header_row + 1,
                      encoding="xlsx", delimiter="")
    table.sheet_rows = pd.Series([n for n, _ in body], index=frame.index, dtype="Int64")
    return table


def _cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def sheet_rows(table: TextTable) -> pd.Series:
    """Row numbers as the spreadsheet shows them (blank rows skipped in the frame keep their numbers)."""
    rows = getattr(table, "sheet_rows", None)
    return rows if rows is not None else table.source_rows()


def sniff_delimiter(line: str) -> str:
    """The delimiter of one line: whichever of `,` `;` tab occurs most outside quotes (`,` if none)."""
    counts = {d: 0 for d in (",", ";", "\t")}
    in_quotes = False
    for ch in line:
        if ch == '"':
            in_quotes = not in_quotes
        elif not in_quotes and ch in counts:
            counts[ch] += 1
    best = max(counts, key=counts.get)
    return best if counts[best] else ","


def reject_platform(path: Path, family_platform: str, platform: str | None) -> str:
    """The family's platform; an error if the caller asked for another one."""
    if platform is not None and platform != family_platform:
        raise ExportFormatError(path, f"this is a {family_platform} export, but platform={platform!r} was given",
                                hint=f"leave platform= out, or pass platform={family_platform!r}")
    return family_platform


def period_of(dates: pd.Series) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    return (dates.min(), dates.max()) if len(dates) else None



def wide_metrics(table: TextTable, rows: pd.Series, mapping: dict[str, str], platform: str,
                 report: FileReport, *, skip: tuple[str, ...] = ("date",), hours: tuple[str, ...] = (),
                 durations: tuple[str, ...] = ()) -> dict[str, pd.Series]:
    """Every column but those in `skip` as a metric: canonical name from `mapping` (normalised export
    name -> metric) or a snake_case name. Columns named in `hours` are converted to seconds, those in
    `durations` read as H:MM:SS. Two columns mapping to one metric keep the first and warn.
    """
    out: dict[str, pd.Series] = {}
    for name, key in zip(table.header, table.keys):
        normal = normalise_name(name)
        if not name or normal in skip:
            continue
        metric = metric_for(name, mapping, platform, report)
        if metric in out:
            report.warnings.append(f"column {name!r} is a second {metric!r} column: ignored")
            continue
        if normal in durations:
            out[metric] = durations_seconds(table, key, rows)
        elif normal in hours:
            out[metric] = numbers(table, key, rows) * 3600
        else:
            out[metric] = numbers(table, key, rows)
    for metric, values in out.items():
        negative = values.lt(0).fillna(False).astype(bool)
        if negative.any() and metric != "followers_net_change":
            report.warnings.append(f"{metric!r} is negative on {int(negative.sum())} day(s) (first: row"
                                   f" {int(rows[negative].iloc[0])}): the platform subtracts removals on the day"
                                   " they happen, so daily values are net changes")
    report.metrics_present = [m for m, v in out.items() if v.notna().any()]
    return out
