"""Turning export text cells into typed columns, with errors that name the row, the column and the value.

Blank (and the export's own words for missing) become NA, never 0.
"""
from __future__ import annotations

import re
from functools import cached_property
from pathlib import Path

import numpy as np
import pandas as pd

from ..errors import ExportFormatError
from ..i18n import Message, quoted

#: Words alone where an id goes ('Total', 'Totals', 'Jumlah', 'Grand total:', 'Summe'): a row a spreadsheet user
#: added to sum the posts.
LABEL = r"[^\W\d_]+(?:\s+[^\W\d_]+)*\s*:?"
#: What a totals row says (fullmatch for a whole cell, match for one that begins so), in the workbook's languages and
#: as spreadsheet tools and Business Suite's summary rows write it: 'Total', 'Grand total', 'Subtotal', 'Jumlah',
#: 'Sum', 'Summe', in any case. One list for every importer that looks for a totals row.
TOTAL_WORD = r"(?i)(?:grand\s+|sub)?(?:totals?|jumlah|summe|sum)\b"

MISSING_WORDS = frozenset({"", "-", "--", "n/a", "na", "nan", "undefined", "null", "none"})

#: A number with ',' between groups of three digits ("1,234", "1,234,567.5"): the thousands of the '.' convention.
THOUSANDS = r"[-+]?[1-9]\d{0,2}(,\d{3})+(\.\d*)?([eE][-+]?\d+)?"
#: The same with '.' between the groups and ',' as the decimal mark ("1.234", "1.234,5"): the ',' convention.
THOUSANDS_DOT = r"[-+]?[1-9]\d{0,2}(\.\d{3})+(,\d*)?([eE][-+]?\d+)?"


def is_blank(cells: pd.Series) -> pd.Series:
    """True where a cell holds no value (blank or a missing-value word)."""
    return cells.astype("string").str.strip().str.casefold().isin(MISSING_WORDS) | cells.isna()


#: Largest number a cell may hold (2⁵³: every whole number below it is exact as a float): no post has more.
MAX_COUNT = 2 ** 53


def read_as(text: pd.Series, decimal: str) -> pd.Series:
    """Each cell read as a number with `decimal` ('.' or ',') as its decimal mark, NaN where it is none.

    With '.', a ',' may only separate thousands ("1,234.5"); with ',', a '.' may only ("1.234,5").
    """
    thousands = "," if decimal == "." else "."
    grouped = text.str.fullmatch(THOUSANDS if decimal == "." else THOUSANDS_DOT).fillna(False).astype(bool)
    has_separator = text.str.contains(thousands, regex=False).fillna(False).astype(bool)
    plain = text.where(~grouped, text.str.replace(thousands, "", regex=False)).where(grouped | ~has_separator)
    if decimal == ",":
        plain = plain.str.replace(",", ".", regex=False)
    return pd.to_numeric(plain, errors="coerce").astype("float64")


def to_number(cells: pd.Series, *, path: Path, column: str, rows: pd.Series,
              dtype: str = "Int64", allow_fraction: bool = False, decimal: str | None = None) -> pd.Series:
    """Parse a column of numbers written as text ("12", "1938.0", "7.35E-4", "1,234", "6,105" or "1.234,5").

    Blank cells become NA. Whether ',' or '.' is the decimal mark is decided for the whole column, never
    cell by cell, since a spreadsheet in a decimal-comma locale (Indonesian, most of Europe) writes 6.105
    hours as "6,105" and 1000 people as "1.000", which the other convention reads 1000 times too big or
    small. In order:
    - a cell that only one convention reads decides: "0,5", "1321,678" or "1.234,5" for ',', "12.5",
      "0.012" or "1,234.5" for '.'; so does a count that only one reads as whole ("1.500": 1500, "6,105":
      6105). A column holding both kinds is an error naming one cell of each;
    - else `decimal`, the mark the file tells (TextTable.decimal_mark): '.' in a ','-separated file, as
      platforms write ("6.105" watch hours are 6.105), ',' in a ';'-separated one, as spreadsheets in
      decimal-comma languages save CSV, and in a tab-separated copy whichever a cell of another column shows;
    - else the column is ambiguous only if a cell reads differently either way ("6,105", "1.000"): counts
      take the thousands reading ("1.000" is 1000 and "6,000" 6000, and a column of both is an error); any
      other column is an error naming the row and what to do: a reading 1000 times off must not pass in silence.
    Any other cell that is not a number raises ExportFormatError naming the first offending rows and values.
    With dtype Int64, a count with a fractional part is also an error unless `allow_fraction`.
    """
    text, blank = _number_text(cells)
    count = dtype == "Int64" and not allow_fraction
    if not _has_mark(text):  # no ',' or '.' anywhere ("12", "-"): nothing to decide, the usual export column
        decimal = decimal or "."
        numbers = pd.to_numeric(text, errors="coerce").astype("float64")
    else:
        readings = {mark: read_as(text, mark) for mark in (".", ",")}
        decimal = _column_decimal(readings, count=count, default=decimal, path=path, column=column, rows=rows,
                                  text=text)
        numbers = readings[decimal]
    # "inf", "1e30" or 20 digits parse as numbers but are no count an export holds (and overflow Int64)
    bad = ~blank & ~(np.isfinite(numbers) & (numbers.abs() < MAX_COUNT))
    if bad.any():
        examples = {".": ("1234", "1,234", "1234.5", "1,234.5"), ",": ("1234", "1.234", "1234,5", "1.234,5")}
        whole, thousands, point, grouped = examples[decimal]
        _raise_bad(path, column, rows[bad], text[bad],
                   Message("imports.values.count_expected", whole=whole, thousands=thousands) if count else
                   Message("imports.values.number_expected", mark=decimal, point=point, thousands=grouped))
    if dtype == "Int64":
        values = numbers.to_numpy(dtype="float64", na_value=np.nan)
        fractional = ~np.isnan(values) & (values != np.round(values))
        if fractional.any() and not allow_fraction:
            mask = pd.Series(fractional, index=cells.index)
            _raise_bad(path, column, rows[mask], text[mask], Message("imports.values.whole_expected"))
        return pd.Series(np.round(values), index=cells.index).astype("Int64")
    return numbers.astype(dtype)


def column_decimal(cells: pd.Series, *, path: Path, column: str, rows: pd.Series, dtype: str = "Int64",
                   allow_fraction: bool = False, decimal: str | None = None) -> str:
    """The decimal mark ('.' or ',') to_number reads these cells with, decided as it decides it; for a cell
    read on its own that belongs to the column (YouTube's Total row, beside the videos' views)."""
    text, _ = _number_text(cells)
    if not _has_mark(text):
        return decimal or "."
    return _column_decimal({mark: read_as(text, mark) for mark in (".", ",")},
                           count=dtype == "Int64" and not allow_fraction, default=decimal, path=path,
                           column=column, rows=rows, text=text)


def figures_where_readable(cells: pd.Series, *, decimal: str | None = None) -> pd.Series:
    """A column of figures that an importer checks others against but does not import (X's engagement rate),
    read as to_number reads it, without stopping at a cell it cannot read: float64, NaN for blank and unreadable
    cells, and for every cell when the column's decimal mark cannot be told. A figure no count can be (above
    MAX_COUNT) is read too: it is what the check is there to see. Where '.' is the file's decimal mark, a column
    of plain numbers ("0.0093", "7.35E-4") is read in C, as count_column reads counts (a million-row export)."""
    if decimal == ".":
        try:
            return pd.Series(cells.to_numpy(dtype=object).astype("float64"), index=cells.index)
        except (ValueError, TypeError):  # a blank, a word or a thousands separator: read as to_number would
            pass
    text, _ = _number_text(cells)
    try:
        mark = column_decimal(text.fillna(""), path=Path(), column="", rows=pd.Series(0, index=cells.index),
                              dtype="Float64", decimal=decimal)
    except ExportFormatError:
        return pd.Series(np.nan, index=cells.index)
    return read_as(text, mark)


def file_decimal(frame: pd.DataFrame) -> str | None:
    """The decimal mark the cells of a table show: '.' when some cell is a number only '.' reads ("6.35",
    "1,234.5"), ',' when some cell only ',' reads ("0,5", "1321,678"); None when no cell tells, or cells
    tell both (a tab-separated copy whose columns say nothing of their own: TextTable.decimal_mark)."""
    found = set()
    for key in frame.columns:
        text, _ = _number_text(frame[key])
        if _has_mark(text):
            point, comma = read_as(text, "."), read_as(text, ",")
            found |= {mark for mark, only in ((".", point.notna() & comma.isna()), (",", comma.notna() & point.isna()))
                      if only.any()}
    return found.pop() if len(found) == 1 else None


class SeparatorMark(str):
    """The decimal mark a ','- or ';'-separated file implies by its separator ('.' and ','), which none of its
    cells has shown (TextTable.decimal_mark). It reads a column whose cells read either way when they use it
    as the decimal mark ("6.105" watch hours in a ','-separated file are 6.105), but not when they use it as
    the other convention's thousands separator: "211,326" seconds in a ','-separated file is what a
    spreadsheet in a decimal-comma language saves (quoted) for 211.326, and "211.326" in a ';'-separated one
    what a program writing '.' saves. Such a column is decided by the rest of the file's cells, as a
    tab-separated copy's are (file_decimal), else refused rather than read 1000 times off."""

    def __new__(cls, mark: str, frame: pd.DataFrame, delimiter: str):
        made = super().__new__(cls, mark)
        made.frame, made.delimiter = frame, delimiter
        return made

    @cached_property
    def shown(self) -> str | None:
        """The decimal mark the file's cells show (file_decimal), computed once, for the first column that asks."""
        return file_decimal(self.frame)


#: Spaces spreadsheets write between groups of three digits (French and other locales): the no-break space and
#: the narrow no-break space (recent Windows and Excel), taken out of a number cell wherever they are.
GROUP_SPACES = ("\u00a0", "\u202f")
#: A number whose groups of three digits are set apart by plain spaces ("1 234", "-12 345 678,5").
SPACE_GROUPED = r"[-+]?[1-9]\d{0,2}( \d{3})+([.,]\d*)?"
#: A number of four digits or more before any mark, not grouped ("1234", "12345,6").
UNGROUPED = r"[-+]?\d{4,}([.,]\d*)?"


def _number_text(cells: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Number cells as stripped text without the spaces between digit groups (GROUP_SPACES, and plain spaces
    where the column groups its digits so: _without_space_groups), NA where blank, and where they are blank."""
    text = cells.astype("string").str.strip()
    joined = "\x1f".join(text.dropna().to_numpy(dtype=object))  # one join: cheap on a million cells
    for space in GROUP_SPACES:
        if space in joined:
            text = text.str.replace(space, "", regex=False)
    blank = is_blank(text)
    text = text.where(~blank)
    return (_without_space_groups(text) if " " in joined else text), blank


def _without_space_groups(text: pd.Series) -> pd.Series:
    """`text` without the plain spaces between groups of digits when the whole column groups its digits so:
    every cell holding a space is a number grouped by threes (SPACE_GROUPED: "1 234", "12 345,5") and no
    cell of four digits or more is left ungrouped ("1234" beside "1 234" is no grouping the column keeps).
    Else as it is, and such cells are refused (_raise_bad says the column uses spaces between digit groups)."""
    spaced = text.str.contains(" ", regex=False).fillna(False).astype(bool)
    grouped = text.str.fullmatch(SPACE_GROUPED).fillna(False).astype(bool)
    ungrouped = text.str.fullmatch(UNGROUPED).fillna(False).astype(bool)
    if not spaced.any() or (spaced & ~grouped).any() or ungrouped.any():
        return text
    return text.str.replace(" ", "", regex=False)


def _has_mark(text: pd.Series) -> bool:
    """Whether any cell holds ',' or '.', the marks whose meaning to_number decides (one join: a million cells
    in milliseconds, where a pandas string method takes a second)."""
    joined = "\x1f".join(text.dropna().to_numpy(dtype=object))
    return "," in joined or "." in joined


def _column_decimal(readings: dict[str, pd.Series], *, count: bool, default: str | None, path: Path, column: str,
                    rows: pd.Series, text: pd.Series) -> str:
    """The decimal mark of a column, as to_number explains; an ExportFormatError when it cannot be told."""
    point, comma = readings["."], readings[","]
    if count:  # a count is whole: a reading with a fraction is no reading of it
        point, comma = point.where(point == np.round(point)), comma.where(comma == np.round(comma))
    only = {".": point.notna() & comma.isna(), ",": comma.notna() & point.isna()}
    if only["."].any() and only[","].any():
        first = {mark: only[mark].idxmax() for mark in only}
        raise ExportFormatError(
            path, Message("imports.values.mixed_marks", point=quoted(text[first["."]]),
                          point_row=str(int(rows[first["."]])), comma=quoted(text[first[","]]),
                          comma_row=str(int(rows[first[","]]))),
            row=int(rows[min(first.values(), key=lambda i: rows[i])]), column=column,
            expected=Message("imports.values.one_mark_expected", point="1,234.5", comma="1.234,5"),
            hint=Message("imports.values.mixed_marks_hint"))
    for mark in (".", ","):
        if only[mark].any():
            return mark
    differ = point.notna() & comma.notna() & (point != comma)
    with_dot = differ & text.str.contains(".", regex=False).fillna(False).astype(bool)
    expected = Message("imports.values.mark_expected", comma="0,5", point="12.5")
    hint = Message("imports.values.mark_unknown_hint")
    if isinstance(default, SeparatorMark):
        # cells that only read as the separator's convention when their mark separates thousands
        if not ((differ & ~with_dot) if default == "." else with_dot).any():
            return str(default)
        expected = Message("imports.values.mark_separator_expected", delimiter=quoted(default.delimiter),
                           mark=quoted(str(default)), example="0.5" if default == "." else "0,5",
                           other="0,5" if default == "." else "0.5")
        hint = Message("imports.values.mark_separator_hint")
        default = default.shown
    if default is not None:
        return default
    if not differ.any():
        return "."
    if count and not (with_dot.any() and (differ & ~with_dot).any()):
        return "," if with_dot.any() else "."  # the thousands reading: "1.000" is 1000, "6,000" is 6000
    first = differ.idxmax()
    separator = "." if with_dot[first] else ","
    alike = differ & (with_dot if separator == "." else ~with_dot)
    raise ExportFormatError(
        path, Message("imports.values.mark_unknown", count=int(alike.sum()), value=quoted(text[first]),
                      separator=separator),
        row=int(rows[first]), column=column, expected=expected, hint=hint)


#: A figure rounded and abbreviated as a platform shows it on screen ('191,3K', '58.0K', '1,2M', '1,2rb', '3 jt':
#: thousands and millions, in English and Indonesian), which no export writes.
ABBREVIATED = r"(?i)[-+]?\d+(?:[.,]\d+)*\s*(?:k|m|rb|jt)"


def _raise_bad(path: Path, column: str, rows: pd.Series, values: pd.Series, expected: str) -> None:
    """Refuse the cells `values` (at `rows`) of a number column, naming the first five. Where some are rounded
    abbreviations (ABBREVIATED: copied from a screen, or the file re-typed), the hint says the exact figures are
    not in the file and to download the export again, rather than to correct the cells; where some hold digits
    set apart by spaces in a column that does not group every number by threes so, it says that and how to fix
    it."""
    first_row = int(rows.iloc[0])
    shown = [Message("imports.values.cell", row=str(r), value=quoted(v)) for r, v in zip(rows.head(5), values.head(5))]
    more = len(rows) - 5
    abbreviated = values.astype("string").str.fullmatch(ABBREVIATED).fillna(False).astype(bool)
    spaced = values.astype("string").str.fullmatch(r"[-+]?\d+( \d+)+([.,]\d*)?").fillna(False).astype(bool)
    if abbreviated.any():
        hint = Message("imports.values.abbreviated_hint", value=quoted(values[abbreviated].iloc[0]))
    elif spaced.any():  # digits grouped by spaces, but not by threes in every cell of the column
        hint = Message("imports.values.spaces_hint", value=quoted(values[spaced].iloc[0]), point="1,234",
                       comma="1.234")
    else:
        hint = Message("imports.values.correct_hint")
    raise ExportFormatError(
        path, Message("imports.values.not_numbers_more" if more > 0 else "imports.values.not_numbers",
                      count=len(rows), cells=shown, more=more),
        row=first_row, column=column, expected=expected, hint=hint,
    )


def to_local_datetime(cells: pd.Series, *, fmt: str, timezone: str | None, path: Path, column: str,
                      rows: pd.Series, notes: list | None = None) -> pd.Series:
    """Parse wall-clock times written in `fmt` and attach `timezone` (an IANA name; None leaves them
    without a zone, for a reader that must first tell which clock wrote them: localize_wall_clock then).
    A cell that does not read is refused with an example in `fmt`: a date, or a date and time when `fmt`
    writes a time of day.
    """
    example = pd.Timestamp("2025-03-18 09:48").strftime(fmt)
    timed = any(code in fmt for code in ("%H", "%I", "%M", "%S", "%X", "%c"))
    parsed = parse_wall_clock(cells, (fmt,), path=path, column=column, rows=rows,
                              expected=Message("imports.values.datetime_expected" if timed
                                               else "imports.values.date_expected", example=example))
    if timezone is None:
        return parsed
    return localize_wall_clock(parsed, timezone, cells=cells, column=column, rows=rows, notes=notes)


def localize_wall_clock(parsed: pd.Series, timezone: str, *, cells: pd.Series, column: str, rows: pd.Series,
                        notes: list | None = None) -> pd.Series:
    """Wall-clock times (no zone) placed in `timezone`.

    A time that falls in a daylight-saving gap moves forward; an ambiguous one is read as the first
    (daylight) occurrence, which is what a scheduler shows. A platform never writes a time its clock
    skipped, so such times suggest the export's clock is another zone's: with `notes` (a file's warnings)
    they are counted there, with the first row and its cell as written, rather than moved in silence.
    """
    ambiguous = np.ones(len(parsed), dtype=bool)
    if notes is not None:
        skipped = parsed.dt.tz_localize(timezone, ambiguous=ambiguous, nonexistent="NaT").isna() & parsed.notna()
        if skipped.any():
            notes.append(Message("imports.values.clock_gap", count=int(skipped.sum()), timezone=str(timezone),
                                 row=str(int(rows[skipped].iloc[0])), value=quoted(str(cells[skipped].iloc[0])),
                                 column=column))
    return parsed.dt.tz_localize(timezone, ambiguous=ambiguous, nonexistent="shift_forward")


def parse_wall_clock(cells: pd.Series, formats: tuple[str, ...], *, path: Path, column: str, rows: pd.Series,
                     expected: str) -> pd.Series:
    """Date-times (no time zone) written in one of `formats`, each cell in any of them, tried in order.

    A cell in none of them (blank included) raises ExportFormatError naming its row and `column`.
    """
    text = cells.astype("string").str.strip()
    parsed = pd.to_datetime(text, format=formats[0], errors="coerce")
    for fmt in formats[1:]:
        todo = parsed.isna()
        if not todo.any():
            break
        parsed[todo] = pd.to_datetime(text[todo], format=fmt, errors="coerce").astype(parsed.dtype)
    raise_not_dates(path, text, parsed.isna(), rows=rows, column=column, expected=expected)
    return parsed


def raise_not_dates(path: Path, text: pd.Series, bad: pd.Series, *, rows: pd.Series, column: str, expected: str,
                    hint: str | None = None) -> None:
    """Raise ExportFormatError for the cells where `bad` is True (if any): how many, the first one, its row.

    `expected` and `hint` are Messages; the hint by default says to re-download the export unedited.
    """
    if not bad.any():
        return
    first = bad.idxmax()
    shown = quoted("" if pd.isna(text[first]) else text[first])  # a blank cell shows as ''
    raise ExportFormatError(path, Message("imports.values.not_dates", count=int(bad.sum()), value=shown),
                            row=int(rows[first]), column=column, expected=expected,
                            hint=hint or Message("imports.values.dates_hint"))


DIGIT_ID = r"[0-9]{1,25}"  # a platform's post id: digits only (X's 18-19, Meta's 15-17)


#: The error values a spreadsheet writes in place of a cell it cannot work out (Excel's and Google Sheets'): an id
#: starting with '-' or '=' read as a formula becomes '#NAME?' or '#ERROR!', and the id is lost.
SPREADSHEET_ERROR = (r"(?i)#(?:NAME\?|REF!|VALUE!|DIV/0!|N/A|NULL!|NUM!|SPILL!|CALC!|ERROR!|FIELD!|BLOCKED!|"
                     r"UNKNOWN!|CONNECT!|BUSY!|GETTING_DATA)")


def digit_ids(cells: pd.Series, *, path: Path, column: str, rows: pd.Series, example: str,
              pattern: str = DIGIT_ID, expected: Message | None = None,
              malformed: str = "imports.values.ids_not_digits") -> pd.Series:
    """Post ids as text; an id that does not match `pattern` (digits) is an error naming its rows, and so is a
    row with no id (blank, or a missing-value mark) among cells holding values: said as such, not as an id
    badly written ('' is no id at all). Rows with no value in any cell are left out before (base.begin_report).

    A spreadsheet opened and saved with an export rewrites long ids in scientific notation (8.12E+17,
    digits lost): such a copy beside the original would count every post twice, so it is refused with
    what to do. So is an id a spreadsheet replaced with an error value ('#NAME?', SPREADSHEET_ERROR). `example`
    is an id of the platform, shown as what was expected (`expected`, by default an id of digits); `malformed`
    says what ids not matching `pattern` are not.
    """
    expected = expected or Message("imports.values.ids_expected", example=example)
    raw = cells.to_numpy(dtype=object)
    if pattern == DIGIT_ID and all(isinstance(v, str) and v.isascii() and v.isdigit() and len(v) <= 25
                                   for v in raw):  # the usual case, fast
        ids = pd.Series(raw, index=cells.index, dtype="string")
        _refuse_rounded_ids(ids, path=path, column=column, rows=rows, example=example)
        return ids
    ids = cells.astype("string").str.strip().str.lstrip("'")
    bad = ~ids.str.fullmatch(pattern).fillna(False).astype(bool)
    missing = bad & is_blank(ids)
    if missing.any():
        from ..quality import row_list

        raise ExportFormatError(path, Message("imports.values.ids_missing", count=int(missing.sum()),
                                              rows=row_list([int(r) for r in rows[missing]])),
                                row=int(rows[missing].iloc[0]), column=column, expected=expected,
                                hint=Message("imports.values.ids_missing_hint"))
    errors = bad & ids.str.fullmatch(SPREADSHEET_ERROR).fillna(False).astype(bool)
    if errors.any():  # said first: the cause is known
        bad = errors
    if bad.any():
        shown = [Message("imports.values.cell", row=str(r), value=quoted(v))
                 for r, v in zip(rows[bad].head(5), ids[bad].head(5))]
        damaged = ids[bad].str.contains(r"[0-9][.,]?[0-9]*[eE][+]", regex=True).fillna(False).any()
        raise ExportFormatError(
            path, Message("imports.values.ids_error_values" if errors.any() else malformed, count=int(bad.sum()),
                          shown=shown),
            row=int(rows[bad].iloc[0]), column=column, expected=expected,
            hint=Message("imports.values.ids_hint_error_value" if errors.any() else
                         "imports.values.ids_hint_scientific" if damaged else "imports.values.ids_hint_edited"),
        )
    _refuse_rounded_ids(ids, path=path, column=column, rows=rows, example=example)
    return ids


#: Significant digits a spreadsheet keeps of a number (Excel and Google Sheets: 15); a longer id typed or
#: saved as a number keeps its first 15 digits and ends in zeros: 812369747765362688 -> 812369747765363000.
SPREADSHEET_DIGITS = 15
#: How many of those zeros, summed over a column's long ids, make the column a spreadsheet's rounding rather
#: than chance: each zero is a one-in-ten chance for a real id, so six leave one in a million (two X ids of
#: 18 digits, three Instagram ids of 17). Real exports hold such ids now and then (867051282678272000).
ROUNDED_ZEROS = 6


def _refuse_rounded_ids(ids: pd.Series, *, path: Path, column: str, rows: pd.Series, example: str) -> None:
    """Raise ExportFormatError when every id longer than a spreadsheet's 15 digits ends in the zeros its
    rounding leaves (ROUNDED_ZEROS of them at least, over the column): an export saved from a spreadsheet
    with the id column formatted as a number, whose ids no longer name their posts (a copy beside the
    original would count every post twice, and neither would match the other)."""
    digits = ids.dropna()
    digits = digits[digits.str.len().gt(SPREADSHEET_DIGITS) & digits.str.isdigit()]
    if digits.empty:
        return
    lost = digits.str.len() - SPREADSHEET_DIGITS
    zeroed = pd.Series([i.endswith("0" * n) for i, n in zip(digits, lost)], index=digits.index)
    if not zeroed.all() or lost.sum() < ROUNDED_ZEROS:
        return
    first = digits.index[0]
    raise ExportFormatError(
        path, Message("imports.values.ids_rounded", count=len(digits), value=quoted(digits[first]),
                      digits=str(SPREADSHEET_DIGITS)),
        row=int(rows[first]), column=column,
        expected=Message("imports.values.ids_expected", example=example),
        hint=Message("imports.values.ids_rounded_hint"))


# hours and minutes optional: "1:02:03", "4:34" (minutes may pass 59 when they lead), "274", "12.5"
_DURATION = re.compile(r"^(?:(?P<hours>\d+):)??(?:(?P<minutes>\d+):)?(?P<seconds>\d+(?:\.\d+)?)$")


def to_seconds(cells: pd.Series, *, path: Path, column: str, rows: pd.Series) -> pd.Series:
    """Durations written 'H:MM:SS', 'M:SS' or as plain seconds -> seconds as Float64; blank cells -> NA.

    Minutes and seconds after a leading part must be below 60. Anything else raises ExportFormatError
    naming the first offending row and value.
    """
    text = cells.astype("string").str.strip()
    seconds, bad = seconds_where_readable(cells)
    if bad.any():
        first = bad.idxmax()
        raise ExportFormatError(path, Message("imports.values.not_durations", count=int(bad.sum()),
                                              value=quoted(text[first])),
                                row=int(rows[first]), column=column,
                                expected=Message("imports.values.duration_expected"),
                                hint=Message("imports.values.duration_hint"))
    return seconds


def seconds_where_readable(cells: pd.Series, *, decimal: str | None = None) -> tuple[pd.Series, pd.Series]:
    """Durations as to_seconds reads them, without stopping at a cell it cannot read: (seconds as Float64,
    NA for blank and unreadable cells; the mask of the unreadable, non-blank cells).

    With `decimal` (the file's mark, TextTable.decimal_mark), plain seconds (no ':') are whole seconds written
    as the file writes its counts (_plain_seconds): '1.125' in a copy with '.' between thousands is 1125, not
    1.125, and '1,125' in one with ',' between them is 1125, not unreadable."""
    text = cells.astype("string").str.strip()
    blank = is_blank(text)
    parts = text.where(~blank).str.extract(_DURATION).astype("Float64")
    too_big = (parts["hours"].notna() & parts["minutes"].ge(60)) | (parts["minutes"].notna() & parts["seconds"].ge(60))
    seconds = (parts["hours"].fillna(0) * 3600 + parts["minutes"].fillna(0) * 60 + parts["seconds"]).mask(
        too_big.fillna(False).astype(bool))
    if decimal is not None:
        plain = ~blank & ~text.str.contains(":", regex=False).fillna(False).astype(bool)
        if plain.any():
            seconds = seconds.mask(plain, _plain_seconds(text[plain], decimal).reindex(text.index))
    bad = (~blank & seconds.isna()).fillna(False).astype(bool)
    return seconds.where(~blank).astype("Float64"), bad


def _plain_seconds(text: pd.Series, decimal: str) -> pd.Series:
    """Durations written as plain seconds, read as to_number reads a count column with the file's `decimal`
    mark (_column_decimal): a length is whole seconds, so the mark that reads every cell whole decides, as
    '58.005' views do beside it. NaN for a negative cell, and for every cell holding ',' or '.' when the
    column's mark cannot be told (its cells read whole both ways and differ, or each way only)."""
    text, _ = _number_text(text)
    if not _has_mark(text):
        numbers = pd.to_numeric(text, errors="coerce").astype("float64")
    else:
        readings = {mark: read_as(text, mark) for mark in (".", ",")}
        try:
            mark = _column_decimal(readings, count=True, default=decimal, path=Path(), column="",
                                   rows=pd.Series(0, index=text.index), text=text)
        except ExportFormatError:
            return pd.to_numeric(text.where(~text.str.contains(r"[.,]").fillna(False)), errors="coerce").astype(
                "float64")
        numbers = readings[mark]
    return numbers.where(numbers.ge(0))
