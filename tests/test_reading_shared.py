"""Shared readers and value parsers (helpers/importers/reading.py, values.py), on hand-made files."""
from __future__ import annotations

import re
import warnings
import zipfile
from datetime import datetime
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import Workbook

from helpers.errors import ExportFormatError
from helpers.importers.meta_ads_manager import _read_workbook
from helpers.importers.reading import read_delimited_head, read_sheet, read_workbook_head, sniff_delimiter
from helpers.importers.values import parse_wall_clock, to_seconds


def workbook(path: Path, sheets: dict[str, list[list]], *, drop_default_style: bool = False) -> Path:
    """An xlsx with the given sheets; `drop_default_style` writes it as some exporters do (no 'Normal' style)."""
    book = Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    book.save(path)
    if drop_default_style:
        plain = path.with_suffix(".tmp")
        path.rename(plain)
        with zipfile.ZipFile(plain) as source, zipfile.ZipFile(path, "w") as out:
            for item in source.infolist():
                data = source.read(item.filename)
                if item.filename == "xl/styles.xml":
                    data = re.sub(rb"<cellStyles.*?</cellStyles>", b"", data, flags=re.S)
                out.writestr(item, data)
        plain.unlink()
    return path


def test_read_sheet_header_below_a_sentence_blank_rows_keep_their_numbers(tmp_path):
    path = workbook(tmp_path / "page.xlsx", {
        "Metrics": [["Aggregated metrics."], ["Date", "Impressions (total)", None],
                    ["12/01/2024", 10.0], [None, None], [datetime(2024, 12, 3), 7.5]],
    })
    table = read_sheet(path, "metrics", "Date")  # sheet name: case ignored
    assert table.header == ["Date", "Impressions (total)"]
    assert table.frame.values.tolist() == [["12/01/2024", "10"], ["2024-12-03", "7.5"]]
    assert table.source_rows().tolist() == [3, 5]  # row 4 is blank and skipped, not renumbered
    # read with LinkedIn's month-first text, the date cell beside it is refused (test below); alone, it is
    # written as that text
    dates_only = workbook(tmp_path / "dates.xlsx", {"Metrics": [["Date", "Impressions (total)"],
                                                                 [datetime(2024, 12, 3), 7.5]]})
    us = read_sheet(dates_only, "Metrics", "Date", date_format="%m/%d/%Y")
    assert us.frame["Date"].tolist() == ["12/03/2024"]


def test_read_sheet_refuses_date_cells_beside_month_first_text_dates(tmp_path):
    """A day-first spreadsheet turned '01/02/2025' (2 January) and '03/04/2025' (4 March) into 1 February and
    3 April, and left '03/18/2025' as text: written back month-first, the two cells would be 02/01/2025 and
    04/03/2025, other days. Refused, naming the column, the sheet, the date cells and a text cell. ISO text
    beside date cells reads the same in every spreadsheet and is read."""
    path = workbook(tmp_path / "page.xlsx", {"All posts": [
        ["Engagement metrics."], ["Post link", "Created date"], ["a", "03/18/2025"],
        ["b", datetime(2025, 2, 1)], ["c", None], ["d", datetime(2025, 4, 3)]]})
    with pytest.raises(ExportFormatError) as err:
        read_sheet(path, "All posts", "Post link", date_format="%m/%d/%Y")
    assert (err.value.row, err.value.column) == (4, "Created date")
    text = str(err.value)
    assert "on sheet 'All posts', 2 cells hold dates of a spreadsheet's own (e.g. row 4: 1 February 2025)" in text
    assert "1 cell holds the export's text dates, written like '03/18/2025' (e.g. row 3: '03/18/2025')" in text
    assert "use the export as downloaded" in str(err.value.hint)
    iso = workbook(tmp_path / "iso.xlsx", {"Data": [["Date", "Reach"], ["2025-03-18", 5],
                                                    [datetime(2025, 2, 1), 6]]})
    assert read_sheet(iso, None, "Date").frame["Date"].tolist() == ["2025-03-18", "2025-02-01"]


def test_read_sheet_without_a_name_takes_the_first_sheet_with_the_header(tmp_path):
    path = workbook(tmp_path / "report.xlsx", {"Notes": [["Read me"]], "Data": [["Reporting starts", "Reach"],
                                                                                ["2025-01-01", 5]]})
    table = read_sheet(path, None, "Reporting starts")
    assert table.frame["Reach"].tolist() == ["5"] and table.source_rows().tolist() == [2]


def test_read_sheet_errors(tmp_path):
    path = workbook(tmp_path / "page.xlsx", {"Metrics": [["Date"], ["12/01/2024"]]})
    with pytest.raises(ExportFormatError, match=r"no sheet 'All posts' \(sheets: Metrics\)"):
        read_sheet(path, "All posts", "Post link")
    with pytest.raises(ExportFormatError, match="no header row with a 'Post link' column") as err:
        read_sheet(path, "Metrics", "Post link")
    assert err.value.column == "Post link"
    damaged = tmp_path / "damaged.xlsx"
    damaged.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(ExportFormatError, match="cannot open the spreadsheet"):
        read_sheet(damaged, None, "Date")


def test_workbooks_without_default_style_open_silently(tmp_path):
    path = workbook(tmp_path / "ads.xlsx", {"Raw Data Report": [["Reporting starts"], ["2025-01-01"]]},
                    drop_default_style=True)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # the openpyxl UserWarning would fail the test
        assert read_workbook_head(path)[0] == ["Reporting starts"]
        assert len(read_sheet(path, None, "Reporting starts").frame) == 1


def declared_size(path: Path, ref: str) -> Path:
    """`path` with each sheet's <dimension> (the size a sheet declares) rewritten to `ref`, as some tools
    write it wrong."""
    plain = path.with_suffix(".tmp")
    path.rename(plain)
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(path, "w") as out:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename.startswith("xl/worksheets/"):
                data = re.sub(rb'<dimension ref="[^"]*"', f'<dimension ref="{ref}"'.encode(), data)
            out.writestr(item, data)
    plain.unlink()
    return path


def test_every_row_and_column_is_read_whatever_size_a_sheet_declares(tmp_path):
    """A sheet of a header and 4 rows declaring A1:B3 (or just A1) is read to its last row and column: read-only
    openpyxl trusts the declared size and would give 2 rows (or column A alone) without a word."""
    rows = [["Date", "Reach", "Clicks"], ["2025-01-01", 1, 10], ["2025-01-02", 2, 20], ["2025-01-03", 3, 30],
            ["2025-01-04", 4, 40]]
    for ref in ("A1:B3", "A1"):
        path = declared_size(workbook(tmp_path / "page.xlsx", {"Data": rows}), ref)
        table = read_sheet(path, "Data", "Date")
        assert table.header == ["Date", "Reach", "Clicks"]
        assert table.frame.values.tolist() == [["2025-01-01", "1", "10"], ["2025-01-02", "2", "20"],
                                               ["2025-01-03", "3", "30"], ["2025-01-04", "4", "40"]]
        assert read_workbook_head(path, n_rows=2) == [["Date", "Reach", "Clicks"], ["2025-01-01", "1", "10"]]
        path.unlink()
    ads = declared_size(workbook(tmp_path / "ads.xlsx", {"Raw Data Report": [
        ["Reporting starts", "Reach"], ["2025-01-01", 5], ["2025-01-02", 6], ["2025-01-03", 7]]}), "A1:A2")
    assert _read_workbook(ads).frame.values.tolist() == [["2025-01-01", "5"], ["2025-01-02", "6"],
                                                          ["2025-01-03", "7"]]


def padded(path: Path, spaces: int, compression: int) -> Path:
    """`path` with `spaces` spaces in its sheet's XML (between its elements, where XML allows them), packed
    with `compression`: a few KB that unpack to MB, as a file made to fill the memory does with GB."""
    plain = path.with_suffix(".tmp")
    path.rename(plain)
    with zipfile.ZipFile(plain) as source, zipfile.ZipFile(path, "w", compression) as out:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename.startswith("xl/worksheets/"):
                data = data.replace(b"<sheetData>", b"<sheetData>" + b" " * spaces)
            out.writestr(item.filename, data)
    plain.unlink()
    return path


def test_a_workbook_part_unpacking_to_too_much_is_refused_by_name_before_it_is_read(tmp_path, monkeypatch):
    """A sheet of 3 MB (spaces) packed into a few KB, with the limits lowered to 1 MB for the ratio (a 4 MB
    file unpacking to 4 GB gave a bare MemoryError) and 2 MB for the size: refused naming the file and the
    part, by every reader of workbooks; with the usual limits the same file is read."""
    import helpers.importers.reading as reading

    rows = {"Raw Data Report": [["Reporting starts", "Reach"], ["2025-01-01", 5]]}
    packed = padded(workbook(tmp_path / "ads.xlsx", rows), 3 * 2**20, zipfile.ZIP_DEFLATED)
    stored = padded(workbook(tmp_path / "stored.xlsx", rows), 3 * 2**20, zipfile.ZIP_STORED)
    assert read_sheet(packed, None, "Reporting starts").frame.values.tolist() == [["2025-01-01", "5"]]
    monkeypatch.setattr(reading, "PART_RATIO_FLOOR", 2**20, raising=False)
    for read in (read_workbook_head, lambda path: read_sheet(path, None, "Reporting starts"), _read_workbook):
        with pytest.raises(ExportFormatError) as err:
            read(packed)
        assert re.fullmatch(rf"file {re.escape(str(packed))}: this spreadsheet's part xl/worksheets/sheet1.xml"
                            r" unpacks to 3 MB from \d KB in the file: far more than an export holds, and reading it"
                            r" would take all the memory \(the file is damaged, or was made to do so\); it was not"
                            r" read\n  what to do: download the export again from the platform, or save the sheet as"
                            r" CSV; if the export really is this large, download it in shorter periods", str(err.value))
    assert read_sheet(stored, None, "Reporting starts").frame.values.tolist() == [["2025-01-01", "5"]]  # 1:1
    monkeypatch.setattr(reading, "PART_SIZE_LIMIT", 2 * 2**20, raising=False)
    with pytest.raises(ExportFormatError, match="part xl/worksheets/sheet1.xml unpacks to 3 MB from 3 MB in the"):
        read_sheet(stored, None, "Reporting starts")


def test_sniff_delimiter():
    assert sniff_delimiter('"a;b",c,d') == ","  # quoted delimiters do not count
    assert sniff_delimiter("Date\tPrimary") == "\t"
    assert sniff_delimiter("Views") == ","


def test_head_delimiter_comes_from_the_first_line_that_has_one(tmp_path):
    resaved = tmp_path / "Views.csv"
    resaved.write_text("Views\nDate\tPrimary\n2025-03-07 01:00:00\t120\n", encoding="utf-8")
    assert read_delimited_head(resaved)[:2] == [["Views"], ["Date", "Primary"]]
    semicolon = tmp_path / "Follows.csv"
    semicolon.write_text("sep=;\nFollows;\nDate;Primary\n2025-03-07;2\n", encoding="utf-8")
    assert read_delimited_head(semicolon)[:2] == [["Follows", ""], ["Date", "Primary"]]


def test_parse_wall_clock_tries_each_format_per_cell():
    cells = pd.Series(["Tue, Feb 18, 2025", "2025-02-17", "Feb 16, 2025"])
    rows = pd.Series([2, 3, 4])
    parsed = parse_wall_clock(cells, ("%a, %b %d, %Y", "%Y-%m-%d", "%b %d, %Y"), path=Path("x.csv"),
                              column="Date", rows=rows, expected="a date")
    assert parsed.dt.strftime("%Y-%m-%d").tolist() == ["2025-02-18", "2025-02-17", "2025-02-16"]
    with pytest.raises(ExportFormatError, match="1 cell cannot be read as a date; first: '17/02/2025'") as err:
        parse_wall_clock(pd.Series(["2025-02-18", "17/02/2025"]), ("%Y-%m-%d",), path=Path("x.csv"),
                         column="Date", rows=pd.Series([2, 3]), expected="a date like '2025-02-18'")
    assert err.value.row == 3 and err.value.column == "Date"


def test_to_seconds():
    cells = pd.Series(["0:04:34", "4:34", "274", "12.5", "", "--", "75:30"])
    seconds = to_seconds(cells, path=Path("x.csv"), column="Average view duration", rows=pd.Series(range(2, 9)))
    assert seconds.tolist()[:4] == [274, 274, 274, 12.5] and seconds.isna().tolist()[4:6] == [True, True]
    assert seconds.iloc[6] == 4530
    for bad in ("1m30s", "0:61:00", "1:02:03:04", "-5"):
        with pytest.raises(ExportFormatError, match="cannot be read as a duration") as err:
            to_seconds(pd.Series(["0:01:00", bad]), path=Path("x.csv"), column="D", rows=pd.Series([2, 3]))
        assert err.value.row == 3
