"""Reading export files as they come: any BOM, UTF-16, a `sep=` line, `,` `;` or tab, CRLF, ragged rows.

Every function here reads; none writes. Cells come back as text ("" for blank) so that each importer
decides what a blank means (blank is not zero) and can name the row and column of a bad value.
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ..errors import ExportFormatError

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


def detect_encoding(head: bytes) -> str:
    """The text encoding of a file from its first bytes: a BOM if present, else UTF-8, else cp1252."""
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            return encoding
    if len(head) > 3 and head[1:2] == b"\x00" and head[3:4] == b"\x00":
        return "utf-16-le"  # UTF-16 without a BOM: every other byte of ASCII text is zero
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < len(head) - 3:  # not just a character cut at the end of the sample
            return "cp1252"
    return "utf-8"


@dataclass
class TextTable:
    """A delimited file read as text: original header names, a frame of strings, where rows start."""

    path: Path
    header: list[str]  # names as written in the file (may repeat)
    frame: pd.DataFrame  # columns named by position-unique keys (see `keys`), cells are str
    keys: list[str]  # unique column keys, parallel to `header` ("Views", "Views#2")
    first_data_row: int  # spreadsheet row number of the first data row (header row + 1)
    encoding: str
    delimiter: str

    def source_rows(self) -> pd.Series:
        """Row number of each data row as a spreadsheet shows it (header = row 1 when it is first)."""
        return pd.Series(range(self.first_data_row, self.first_data_row + len(self.frame)),
                         index=self.frame.index, dtype="Int64")


def _sniff_delimiter(line: str) -> str:
    counts = {d: 0 for d in (",", ";", "\t")}
    in_quotes = False
    for ch in line:
        if ch == '"':
            in_quotes = not in_quotes
        elif not in_quotes and ch in counts:
            counts[ch] += 1
    best = max(counts, key=counts.get)
    return best if counts[best] else ","


def read_text(path: Path) -> tuple[str, str]:
    """The whole file as text and the encoding it was read with. Raises for empty or binary files."""
    path = Path(path)
    if not path.exists():
        raise ExportFormatError(path, "the file does not exist", hint="check the path and the file name")
    raw = path.read_bytes()
    if not raw.strip(b"\xef\xbb\xbf\xff\xfe\x00 \r\n\t"):
        raise ExportFormatError(path, "the file is empty", expected="a header row and at least one data row",
                                hint="download the export again; the download may have been interrupted")
    if raw[:4] == b"PK\x03\x04":
        raise ExportFormatError(path, "this is a spreadsheet (xlsx/zip), not a CSV file",
                                hint="open it and save as CSV, or use the importer for that spreadsheet export")
    encoding = detect_encoding(raw[:4096])
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError as exc:
        raise ExportFormatError(path, f"cannot decode the file as {encoding} at byte {exc.start}",
                                hint="save the file again as UTF-8 CSV") from None
    return text.lstrip("\ufeff"), encoding


def read_delimited(path: Path, *, skip_lines: int = 0, header_line_hint: str | None = None) -> TextTable:
    """Read a delimited export into text cells, columns matched later by name.

    Handles a first `sep=X` line (Excel's hint), any delimiter among `,`, `;` and tab, quoted multi-line
    cells, rows shorter than the header (missing cells are blank), and repeated header names, which are
    kept apart as "Name", "Name#2", ... in `keys`. `skip_lines` drops leading lines before the header.
    """
    path = Path(path)
    text, encoding = read_text(path)
    lines_before = 0
    if text[:4].lower() == "sep=":
        first_newline = text.find("\n")
        delimiter = text[4:first_newline].strip("\r\n\"") or ","
        text = text[first_newline + 1:]
        lines_before += 1
    else:
        delimiter = None
    for _ in range(skip_lines):
        text = text[text.find("\n") + 1:] if "\n" in text else ""
        lines_before += 1
    reader = csv.reader(io.StringIO(text), delimiter=delimiter or ",")
    first_line = text.split("\n", 1)[0]
    if delimiter is None:
        delimiter = _sniff_delimiter(first_line)
        reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        raise ExportFormatError(path, "the file has no header row") from None
    header = [h.strip().lstrip("\ufeff") for h in header]
    keys = unique_keys(header)
    body_start = _offset_after_records(text, 1, delimiter)
    body = text[body_start:]
    try:
        frame = pd.read_csv(
            io.StringIO(body), sep=delimiter, header=None, names=keys, dtype=str,
            keep_default_na=False, na_filter=False, skip_blank_lines=True, engine="c",
            quotechar='"', doublequote=True, index_col=False,
        )
    except pd.errors.ParserError as exc:
        raise ExportFormatError(path, f"a row has more cells than the header ({exc})",
                                expected=f"{len(header)} cells per row, separated by {delimiter!r}",
                                hint="re-download the export; if it was edited in a spreadsheet, save it as CSV again"
                                ) from None
    except pd.errors.EmptyDataError:
        frame = pd.DataFrame({k: pd.Series(dtype=str) for k in keys})
    frame = frame.fillna("")  # short (ragged) rows: the missing trailing cells are blank
    return TextTable(path=path, header=header, frame=frame, keys=keys,
                     first_data_row=lines_before + 2, encoding=encoding, delimiter=delimiter)


def _offset_after_records(text: str, n_records: int, delimiter: str) -> int:
    """Character offset just after the first `n_records` CSV records (quoted newlines respected)."""
    in_quotes = False
    done = 0
    for i, ch in enumerate(text):
        if ch == '"':
            in_quotes = not in_quotes
        elif ch == "\n" and not in_quotes:
            done += 1
            if done == n_records:
                return i + 1
    return len(text)


def unique_keys(header: list[str]) -> list[str]:
    """Position-unique names for a header with repeats: the second 'Views' becomes 'Views#2'."""
    seen: dict[str, int] = {}
    keys = []
    for name in header:
        seen[name] = seen.get(name, 0) + 1
        keys.append(name if seen[name] == 1 else f"{name}#{seen[name]}")
    return keys


def normalise_name(name: str) -> str:
    """A header name for matching: case-folded, whitespace collapsed."""
    return " ".join(str(name).split()).casefold()


def read_delimited_head(path: Path, n_rows: int = 6, n_bytes: int = 65536) -> list[list[str]]:
    """The first rows of a delimited file as cells, reading only its first bytes (for detection)."""
    path = Path(path)
    with path.open("rb") as handle:
        raw = handle.read(n_bytes)
    if not raw.strip(b"\xef\xbb\xbf\xff\xfe\x00 \r\n\t"):
        raise ExportFormatError(path, "the file is empty", expected="a header row and at least one data row",
                                hint="download the export again; the download may have been interrupted")
    encoding = detect_encoding(raw)
    text = raw.decode(encoding, errors="ignore").lstrip("\ufeff")
    if text[:4].lower() == "sep=":
        text = text[text.find("\n") + 1:]
    lines = text.splitlines()
    delimiter = _sniff_delimiter(next((line for line in lines if line.strip()), ""))
    rows = []
    for row in csv.reader(io.StringIO(text), delimiter=delimiter):
        rows.append([cell.strip().lstrip("\ufeff") for cell in row])
        if len(rows) >= n_rows:
            break
    return rows


def read_workbook_head(path: Path, n_rows: int = 4) -> list[list[str]]:
    """The first rows of every sheet of an xlsx workbook as text cells (for detection)."""
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a damaged file
        raise ExportFormatError(path, f"cannot open the spreadsheet ({exc})",
                                hint="open it in a spreadsheet program and save it again as .xlsx") from None
    rows = []
    try:
        for sheet in book.worksheets:
            for row in sheet.iter_rows(max_row=n_rows, values_only=True):
                rows.append(["" if v is None else str(v) for v in row])
    finally:
        book.close()
    return rows
