"""Turning export text cells into typed columns, with errors that name the row, the column and the value.

Blank (and the export's own words for missing) become NA, never 0.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from ..errors import ExportFormatError

MISSING_WORDS = frozenset({"", "-", "--", "n/a", "na", "nan", "undefined", "null", "none"})


def is_blank(cells: pd.Series) -> pd.Series:
    """True where a cell holds no value (blank or a missing-value word)."""
    return cells.astype("string").str.strip().str.casefold().isin(MISSING_WORDS) | cells.isna()


def to_number(cells: pd.Series, *, path: Path, column: str, rows: pd.Series,
              dtype: str = "Int64", allow_fraction: bool = False) -> pd.Series:
    """Parse a column of numbers written as text ("12", "1938.0", "7.35E-4", "1,234").

    Blank cells become NA. Any other cell that is not a number raises ExportFormatError naming the first
    offending rows and values. With dtype Int64, a count with a fractional part is also an error unless
    `allow_fraction`.
    """
    text = cells.astype("string").str.strip()
    blank = is_blank(text)
    cleaned = text.str.replace(",", "", regex=False).str.replace("\u00a0", "", regex=False)
    numbers = pd.to_numeric(cleaned.where(~blank), errors="coerce")
    bad = ~blank & numbers.isna()
    if bad.any():
        _raise_bad(path, column, rows[bad], text[bad], "a number (or a blank cell when not reported)")
    if dtype == "Int64":
        values = numbers.to_numpy(dtype="float64", na_value=np.nan)
        fractional = ~np.isnan(values) & (values != np.round(values))
        if fractional.any() and not allow_fraction:
            mask = pd.Series(fractional, index=cells.index)
            _raise_bad(path, column, rows[mask], text[mask], "a whole number (a count)")
        return pd.Series(np.round(values), index=cells.index).astype("Int64")
    return numbers.astype(dtype)


def _raise_bad(path: Path, column: str, rows: pd.Series, values: pd.Series, expected: str) -> None:
    first_row = int(rows.iloc[0])
    shown = ", ".join(f"row {r}: {v!r}" for r, v in zip(rows.head(5), values.head(5)))
    more = f" (and {len(rows) - 5} more rows)" if len(rows) > 5 else ""
    raise ExportFormatError(
        path, f"{len(rows)} cell(s) are not numbers: {shown}{more}", row=first_row, column=column,
        expected=expected,
        hint="correct the cell in a copy of the export (or re-download it); the original file is not changed",
    )


def to_local_datetime(cells: pd.Series, *, fmt: str, timezone: str, path: Path, column: str,
                      rows: pd.Series) -> pd.Series:
    """Parse wall-clock times written in `fmt` and attach `timezone` (an IANA name).

    A time that falls in a daylight-saving gap moves forward; an ambiguous one is read as the first
    (daylight) occurrence, which is what a scheduler shows.
    """
    text = cells.astype("string").str.strip()
    parsed = pd.to_datetime(text, format=fmt, errors="coerce")
    bad = parsed.isna()
    if bad.any():
        first = bad.idxmax()
        raise ExportFormatError(
            path, f"{int(bad.sum())} cell(s) are not dates; first: {text[first]!r}", row=int(rows[first]),
            column=column, expected=f"a date and time like {pd.Timestamp('2025-03-18 09:48').strftime(fmt)!r}",
            hint="re-download the export without editing it in a spreadsheet (which rewrites dates)",
        )
    return parsed.dt.tz_localize(timezone, ambiguous=np.ones(len(parsed), dtype=bool),
                                 nonexistent="shift_forward")
