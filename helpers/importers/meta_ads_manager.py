"""Meta Ads Manager reports (xlsx or CSV): paid delivery, one row per report row (see helpers/paid.py).

Ads Manager reports are configured by the user, so columns are matched by name and their set varies:
levels (`Campaign name`, `Ad set name`, `Ad name`, ids), delivery breakdowns (`Region`, `Age`, `Platform`,
`Placement`, ...), a time breakdown (`Day`, `Week` or `Month`, a month written "2024-03-01 - 2024-03-31"),
and always `Reporting starts` / `Reporting ends`. Spend comes as `Amount spent (UAH)` (the currency in the
header) and/or with a `Currency` column.

Quirks handled: the first data row may be the report's own total row (every breakdown cell blank): it is not
a data row, it is kept in the import report as the file's reported totals, and the rows are checked against
it (Σ impressions and Σ spend must match; Σ reach does not, reach being unique people). Blank reach (regions
with a handful of impressions) is NA, not 0; such rows are kept. The `Frequency` column is not imported (it
is impressions ÷ reach), only checked.

Mapping: Account name -> account; `Platform`/`Publisher platform` -> platform (else 'facebook': the report
covers Facebook and Instagram placements together); every other breakdown -> breakdown ("Region=Cherkasy
Oblast; Age=18-24"); Day/Week/Month (else Reporting starts/ends) -> period_start, period_end; Reach ->
reach; Impressions -> impressions; Amount spent (XXX) -> spend; Currency (else XXX) -> currency.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import pandas as pd

from ..errors import ExportFormatError
from ..i18n import Message, quoted
from .base import Columns, Family, FileReport, table_notes
from .reading import (TextTable, is_workbook, load_read_only, normalise_name, read_delimited,
                      unique_keys)
from .values import is_blank, read_as, to_number

#: Header names (normalised) of breakdown columns: the dimensions a report row stands for.
DIMENSIONS = (
    "campaign name", "campaign id", "ad set name", "ad set id", "ad name", "ad id", "account id",
    "page name", "post id",
    "age", "gender", "country", "region", "dma region", "business locations",
    "platform", "publisher platform", "placement", "platform position", "device platform", "impression device",
    "time of day (ad account time zone)", "time of day (viewer's time zone)", "hour",
    "product id", "image, video and slideshow", "text", "headline", "call to action", "destination",
)
#: Time breakdowns, finest first: the first present gives the row's period.
TIME_COLUMNS = ("Day", "Week", "Month")
#: Columns that are neither a breakdown nor imported, though their names end like one.
NOT_DIMENSIONS = ("attribution setting", "currency", "reporting starts", "reporting ends", "result indicator",
                  "result type", "delivery status", "delivery level", "bid strategy", "budget type")
PLATFORM_COLUMNS = ("Platform", "Publisher platform")
#: Ads Manager platform values -> platform names of the paid table.
PLATFORM_VALUES = {
    "facebook": "facebook", "instagram": "instagram", "messenger": "messenger",
    "audience network": "audience_network", "audience_network": "audience_network",
    "threads": "threads", "whatsapp": "whatsapp",
}
_SPEND = re.compile(r"^amount spent(?: \((?P<currency>[a-z]{3})\))?$")
_PERIOD = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:\s*[-–]\s*(\d{4}-\d{2}-\d{2}))?$")
SHEET = "Raw Data Report"


@dataclass
class ReportedTotals:
    """The report's own total row: delivery over all its rows, reach counted as unique people."""

    row: int
    reach: object  # int or pd.NA
    impressions: object
    spend: object  # float or pd.NA
    currency: object  # str or pd.NA
    period_start: pd.Timestamp | None = None
    period_end: pd.Timestamp | None = None
    rows_add_up: bool = True  # False when Σ impressions or Σ spend of the rows misses these totals


@dataclass
class PaidFileReport(FileReport):
    """A file report that also keeps the file's reported totals and which breakdown columns it has."""

    reported_totals: ReportedTotals | None = None
    dimensions: list[str] = field(default_factory=list)
    #: the time breakdown giving each row's days ("Day", "Week", "Month"); None: each row covers the report's span
    time_breakdown: str | None = None


@dataclass
class ImportedDelivery:
    """What a paid-delivery importer returns: rows in paid-table columns (client not yet set), and the report."""

    rows: pd.DataFrame
    report: PaidFileReport


def read_meta_ads_manager(path: Path, **_) -> ImportedDelivery:
    """Read one Ads Manager report into paid-delivery rows; the total row goes to the report."""
    path = Path(path)
    table, rows = _read_report(path)
    frame, header, keys = table.frame, table.header, table.keys
    cols = Columns(header, keys)
    report = PaidFileReport(path=path, family=FAMILY.name, rows_in_file=len(frame))

    def name_of(key: str) -> str:
        return header[keys.index(key)]

    for needed in ("Reporting starts", "Reporting ends"):
        if needed not in cols:
            raise ExportFormatError(path, Message("imports.meta_ads_manager.missing_column", column=quoted(needed)),
                                    column=needed, expected=Message("imports.meta_ads_manager.missing_column_expected"),
                                    hint=Message("imports.meta_ads_manager.export_again"))
    time_key = cols.key(*TIME_COLUMNS)
    report.time_breakdown = next((name for name in TIME_COLUMNS if time_key and cols.key(name) == time_key), None)
    account_key = cols.key("Account name")
    platform_key = cols.key(*PLATFORM_COLUMNS)
    dimension_keys = [k for k in keys if _is_dimension(name_of(k)) and k not in (account_key, time_key)]
    report.dimensions = [name_of(k) for k in dimension_keys]
    spend_key, header_currency = _spend_column(path, header, keys)
    currency_key = cols.key("Currency")
    if not any(cols.key(n) for n in ("Reach", "Impressions")) and spend_key is None:
        raise ExportFormatError(path, Message("imports.meta_ads_manager.no_delivery_columns"),
                                expected=Message("imports.meta_ads_manager.no_delivery_columns_expected"),
                                hint=Message("imports.meta_ads_manager.no_delivery_columns_hint"))

    # The total row: the first row, when every breakdown cell (account and time included) is blank.
    identity = [k for k in (account_key, time_key, *dimension_keys) if k is not None]
    no_identity = frame[identity].apply(is_blank).all(axis=1) if identity else pd.Series(False, index=frame.index)
    total_index = None
    if len(frame) and bool(no_identity.iloc[0]):
        total_index = frame.index[0]
        no_identity.iloc[0] = False
    if no_identity.any():
        first = no_identity.idxmax()
        raise ExportFormatError(path, Message("imports.meta_ads_manager.rows_without_breakdown",
                                              count=int(no_identity.sum())),
                                row=int(rows[first]), column=name_of(identity[0]),
                                expected=Message("imports.meta_ads_manager.rows_without_breakdown_expected",
                                                 columns=[name_of(k) for k in identity]),
                                hint=Message("imports.meta_ads_manager.reexport_unedited"))

    reach = _number(table, "Reach", cols, rows)
    impressions = _number(table, "Impressions", cols, rows)
    spend = (to_number(frame[spend_key], path=path, column=name_of(spend_key), rows=rows, dtype="Float64",
                       decimal=table.decimal_mark)
             if spend_key else pd.Series(pd.NA, index=frame.index, dtype="Float64"))
    if spend_key is None:
        report.warnings.append(Message("imports.meta_ads_manager.no_spend"))
    currency = _currency(frame, currency_key, header_currency, path, rows)
    starts = _dates(frame[cols.key("Reporting starts")], "Reporting starts", path, rows)[0]
    ends = _dates(frame[cols.key("Reporting ends")], "Reporting ends", path, rows)[1]

    if total_index is not None:
        report.reported_totals = ReportedTotals(
            row=int(rows[total_index]), reach=_scalar(reach[total_index], int),
            impressions=_scalar(impressions[total_index], int), spend=_scalar(spend[total_index], float),
            currency=_scalar(currency[total_index], str),
            period_start=starts[total_index], period_end=ends[total_index])
        report.drop(Message("imports.meta_ads_manager.total_row"), 1)
        data = frame.index != total_index
        frame, rows, reach, impressions, spend, currency, starts, ends = (
            x[data] for x in (frame, rows, reach, impressions, spend, currency, starts, ends))

    if time_key is not None:
        period_start, period_end = _dates(frame[time_key], name_of(time_key), path, rows)
    else:
        period_start, period_end = starts, ends
    out = pd.DataFrame(index=frame.index)
    out["platform"] = _platforms(frame, platform_key, path, rows, name_of)
    out["account"] = frame[account_key].str.strip().replace("", pd.NA) if account_key else pd.NA
    out["breakdown"] = _breakdown(frame, dimension_keys, name_of)
    out["period_start"] = period_start
    out["period_end"] = period_end
    out["reach"] = reach
    out["impressions"] = impressions
    out["spend"] = spend
    out["currency"] = currency
    out["source_file"] = str(path)
    out["source_row"] = rows
    report.warnings += table_notes(table, cols)
    report.platform = ", ".join(sorted(out["platform"].dropna().unique())) or "facebook"
    report.rows_imported = len(out)
    report.metrics_present = [c for c in ("reach", "impressions", "spend") if out[c].notna().any()]
    if len(out):
        report.period = (out["period_start"].min(), out["period_end"].max())
    else:
        report.warnings.append(Message("imports.meta_ads_manager.no_rows_but_total" if total_index is not None
                                       else "imports.meta_ads_manager.no_rows"))
    _check_frequency(frame, cols, reach, impressions, rows, report, table.decimal_mark)
    _check_totals(out, report)
    _check_unique(out, frame, keys, header, dimension_keys, report)
    blank_reach = int(out["reach"].isna().sum())
    if blank_reach and "reach" in report.metrics_present:
        report.warnings.append(Message("imports.meta_ads_manager.blank_reach", count=blank_reach))
    return ImportedDelivery(rows=out, report=report)


def _is_dimension(name: str) -> bool:
    """A breakdown column: a known one, or a `... name` / `... ID` column that is not a metric."""
    norm = normalise_name(name)
    if norm in NOT_DIMENSIONS or _SPEND.match(norm):
        return False
    return norm in DIMENSIONS or norm.endswith(" name") or norm.endswith(" id")


def _scalar(value, kind):
    """A plain Python value (or pd.NA) for the report, not a numpy scalar."""
    return pd.NA if pd.isna(value) else kind(value)


def _spend_column(path: Path, header: list[str], keys: list[str]) -> tuple[str | None, str | None]:
    """The `Amount spent (XXX)` column and the currency its header names (None when it names none)."""
    found = [(k, _SPEND.match(normalise_name(h))) for h, k in zip(header, keys)]
    found = [(k, m) for k, m in found if m]
    if len(found) > 1:
        raise ExportFormatError(path, Message("imports.meta_ads_manager.spend_columns", count=len(found)),
                                column=header[keys.index(found[1][0])],
                                expected=Message("imports.meta_ads_manager.spend_columns_expected"),
                                hint=Message("imports.meta_ads_manager.spend_columns_hint"))
    if not found:
        return None, None
    key, match = found[0]
    currency = match.group("currency")
    return key, currency.upper() if currency else None


def _currency(frame: pd.DataFrame, key: str | None, header_currency: str | None, path: Path,
              rows: pd.Series) -> pd.Series:
    """Currency per row: the `Currency` column, else the one in the spend header; they must agree."""
    fixed = pd.Series(header_currency if header_currency else pd.NA, index=frame.index, dtype="string")
    if key is None:
        return fixed
    cells = frame[key].str.strip().str.upper().astype("string").mask(is_blank(frame[key]))
    if header_currency:
        differ = cells.notna() & cells.ne(header_currency)
        if differ.any():
            first = differ.idxmax()
            raise ExportFormatError(path, Message("imports.meta_ads_manager.currency_differs",
                                                  currency=quoted(cells[first]), header_currency=header_currency),
                                    row=int(rows[first]), column="Currency",
                                    expected=Message("imports.meta_ads_manager.currency_expected",
                                                     currency=header_currency),
                                    hint=Message("imports.meta_ads_manager.currency_hint"))
    return cells.fillna(fixed)


def _number(table: TextTable, name: str, cols: Columns, rows: pd.Series) -> pd.Series:
    key = cols.key(name)
    if key is None:
        return pd.Series(pd.NA, index=table.frame.index, dtype="Int64")
    return to_number(table.frame[key], path=table.path, column=name, rows=rows, decimal=table.decimal_mark)


def _dates(cells: pd.Series, column: str, path: Path, rows: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Start and end dates from "2024-03-01" (a day) or "2024-03-01 - 2024-03-11" (a month or week)."""
    text = cells.astype("string").str.strip()
    parts = text.str.extract(_PERIOD)
    start = pd.to_datetime(parts[0], format="%Y-%m-%d", errors="coerce")
    end = pd.to_datetime(parts[1].fillna(parts[0]), format="%Y-%m-%d", errors="coerce")
    bad = start.isna() | end.isna()
    if bad.any():
        first = bad.idxmax()
        raise ExportFormatError(path, Message("imports.meta_ads_manager.not_dates", count=int(bad.sum()),
                                              first=quoted(text[first])),
                                row=int(rows[first]), column=column,
                                expected=Message("imports.meta_ads_manager.not_dates_expected"),
                                hint=Message("imports.meta_ads_manager.not_dates_hint"))
    backwards = start > end
    if backwards.any():
        first = backwards.idxmax()
        raise ExportFormatError(path, Message("imports.meta_ads_manager.backwards", period=quoted(text[first])),
                                row=int(rows[first]), column=column,
                                expected=Message("imports.meta_ads_manager.backwards_expected"))
    return start.astype("datetime64[ns]"), end.astype("datetime64[ns]")


def _platforms(frame: pd.DataFrame, key: str | None, path: Path, rows: pd.Series, name_of) -> pd.Series:
    """The `Platform` breakdown as platform names; 'facebook' (all Meta placements) without that column."""
    if key is None:
        return pd.Series("facebook", index=frame.index, dtype="string")
    text = frame[key].str.strip()
    mapped = text.str.casefold().map(PLATFORM_VALUES)
    bad = mapped.isna()
    if bad.any():
        first = bad.idxmax()
        raise ExportFormatError(path, Message("imports.meta_ads_manager.unknown_platform", value=quoted(text[first])),
                                row=int(rows[first]), column=name_of(key),
                                expected=Message("imports.meta_ads_manager.unknown_platform_expected",
                                                 platforms=sorted({v.replace('_', ' ').title()
                                                                   for v in PLATFORM_VALUES.values()})),
                                hint=Message("imports.meta_ads_manager.unknown_platform_hint"))
    return mapped.astype("string")


def _breakdown(frame: pd.DataFrame, keys: list[str], name_of) -> pd.Series:
    """'Name=value; Name=value' over the breakdown columns (a blank value reads '(blank)'); NA with none."""
    if not keys:
        return pd.Series(pd.NA, index=frame.index, dtype="string")
    parts = [name_of(k) + "=" + frame[k].str.strip().replace("", "(blank)") for k in keys]
    text = parts[0]
    for part in parts[1:]:
        text = text + "; " + part
    return text.astype("string")


def _check_frequency(frame, cols: Columns, reach: pd.Series, impressions: pd.Series, rows: pd.Series,
                     report: FileReport, decimal: str | None) -> None:
    """Warn when the exported Frequency disagrees with impressions ÷ reach (a column that was edited)."""
    key = cols.key("Frequency")
    if key is None:
        return
    # only checked, so a cell that is no number is passed over; ',' is the decimal mark of a ';'-separated copy
    exported = read_as(frame[key].str.strip(), decimal or ".").astype("Float64")
    computed = impressions.astype("Float64") / reach.astype("Float64").mask(reach.eq(0))
    differ = (exported - computed).abs().gt(0.01).fillna(False).astype(bool)
    if differ.any():
        report.warnings.append(Message("imports.meta_ads_manager.frequency", count=int(differ.sum()),
                                       row=str(int(rows[differ].iloc[0]))))


def _check_totals(out: pd.DataFrame, report: PaidFileReport) -> None:
    """Σ impressions and Σ spend of the rows must equal the report's total row (within rounding)."""
    totals = report.reported_totals
    if totals is None or out.empty:
        return
    if pd.notna(totals.impressions) and out["impressions"].notna().any():
        summed = int(out["impressions"].sum())
        if summed != int(totals.impressions):
            totals.rows_add_up = False
            report.warnings.append(Message("imports.meta_ads_manager.impressions_total", summed=summed,
                                           total=int(totals.impressions), row=str(totals.row)))
    if pd.notna(totals.spend) and out["spend"].notna().any():
        summed = float(out["spend"].sum())
        tolerance = max(0.01, 0.005 * len(out))  # each row may be rounded to the cent
        if abs(summed - float(totals.spend)) > tolerance:
            totals.rows_add_up = False
            report.warnings.append(Message("imports.meta_ads_manager.spend_total", summed=summed,
                                           total=float(totals.spend), row=str(totals.row)))


def _check_unique(out: pd.DataFrame, frame: pd.DataFrame, keys: list[str], header: list[str],
                  dimension_keys: list[str], report: FileReport) -> None:
    """Warn when two rows share account, breakdown and period: a breakdown column went unrecognised."""
    ident = out[["platform", "account", "breakdown", "period_start", "period_end"]].astype(object).fillna("")
    dup = ident.duplicated(keep=False)
    if dup.any():
        others = [h for h, k in zip(header, keys) if k not in dimension_keys
                  and (frame[k].str.strip() != "").any()
                  and pd.to_numeric(frame[k].str.replace(",", ""), errors="coerce").isna().any()]
        report.warnings.append(Message("imports.meta_ads_manager.duplicate_rows", count=int(dup.sum()),
                                       row=str(int(out.loc[dup, 'source_row'].iloc[0])),
                                       columns=others or Message("imports.meta_ads_manager.none")))


# ---- reading ---------------------------------------------------------------------------------------

def _read_report(path: Path) -> tuple[TextTable, pd.Series]:
    """The report as text cells, and each row's number as a spreadsheet shows it."""
    if is_workbook(path):
        table = _read_workbook(path)
        return table, table.source_rows()
    table = read_delimited(path)
    return table, table.source_rows()


def _read_workbook(path: Path) -> TextTable:
    """The report sheet ('Raw Data Report', else the first sheet with 'Reporting starts' in its header)."""
    try:
        book = load_read_only(path)
    except ExportFormatError:  # a part too large to read, named as such
        raise
    except Exception as exc:  # openpyxl raises many types for a damaged file
        raise ExportFormatError(path, Message("imports.meta_ads_manager.cannot_open", error=str(exc)),
                                hint=Message("imports.meta_ads_manager.cannot_open_hint")) from None
    try:
        sheets = sorted(book.worksheets, key=lambda ws: ws.title != SHEET)
        for ws in sheets:
            header, header_row, body = None, 0, []
            for number, row in enumerate(ws.iter_rows(values_only=True), start=1):
                cells = [_cell_text(v) for v in row]
                if header is None:
                    if "reporting starts" in {normalise_name(c) for c in cells}:
                        header, header_row = [c.strip() for c in cells], number
                    elif number >= 10:
                        break
                    continue
                if any(c.strip() for c in cells):
                    body.append((number, cells))
            if header is not None:
                break
        else:
            raise ExportFormatError(path, Message("imports.meta_ads_manager.no_report_sheet"),
                                    expected=Message("imports.meta_ads_manager.no_report_sheet_expected",
                                                     sheet=quoted(SHEET), sheets=list(book.sheetnames)),
                                    hint=Message("imports.meta_ads_manager.no_report_sheet_hint"))
    finally:
        book.close()
    while header and not header[-1]:
        header.pop()
    keys = unique_keys(header)
    frame = pd.DataFrame([(cells + [""] * len(keys))[:len(keys)] for _, cells in body], columns=keys, dtype=str)
    table = TextTable(path=path, header=header, frame=frame, keys=keys, first_data_row=header_row + 1,
                      encoding="xlsx", delimiter="",
                      row_numbers=pd.Series([n for n, _ in body], index=frame.index, dtype="Int64"))
    return table


def _cell_text(value) -> str:
    """A cell as the CSV export would write it: dates as YYYY-MM-DD, whole floats without '.0'."""
    if value is None:
        return ""
    if isinstance(value, (datetime, date)):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)


FAMILY = Family(
    name="meta_ads_manager",
    label=Message("imports.family.meta_ads_manager"),
    signature=("reporting starts", "reporting ends"),
    read=read_meta_ads_manager,
)
