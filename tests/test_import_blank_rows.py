"""Blank rows and header-only files, the same in every post-export family (base.begin_report): a row with no
cell filled is left out and counted as a blank row, never a reason of the family's own nor a refusal, and a file
listing no post gets the note a Business Suite export of a period without posts gets."""
from __future__ import annotations

import pandas as pd
import pytest
from openpyxl import Workbook

from conftest import FIXTURES
from helpers import sources
from helpers.errors import ExportFormatError
from helpers.importers import import_exports

BLANK = "blank rows (no cell holds a value)"
NO_POSTS = "the file holds a header and no posts (a period without posts exports this way)"

#: One small export of each post family: (fixture, options, separator, records before the first post). The
#: legacy Insights export's second record describes the columns; a blank row can come before it too.
EXPORTS = {
    "meta_business_suite_posts": ("meta/Apr-01-2025_Apr-14-2025_100000000000042.csv",
                                  {"timezone": "Asia/Jakarta"}, ",", 1),
    "facebook_insights_legacy": (
        "facebook_legacy/Facebook Insights Data Export (Post Level) - Example Bakery - 2016-03-08.csv",
        {"timezone": "Europe/London"}, ",", 2),
    "uci_facebook_metrics": ("uci/three-posts.csv", {}, ";", 1),
    "x_tweet_activity": ("x/tweet_activity_metrics_examplebakery_20190801_20190901_en.csv", {}, ",", 1),
    "x_content": ("x/account_analytics_content_2025-10-15_2025-11-12.csv", {}, ",", 1),
    "youtube_studio_content": ("youtube/videos_and_shorts.csv", {}, ",", 1),
    "tiktok_studio_content": ("tiktok/Content_2025-01-01_2025-03-31.csv", {"year": 2025}, ",", 1),
    "mapped_csv": ("mapped/planner-export.csv",
                   {"family": "mapped_csv", "mapping": FIXTURES / "mapped" / "planner.yml",
                    "timezone": "Europe/Berlin"}, ";", 1),
}


def records(text: str) -> list[str]:
    """The file's records as written, each with its line break (a quoted cell's line breaks stay inside)."""
    out, current, quoted = [], "", False
    for line in text.splitlines(keepends=True):
        current += line
        quoted ^= line.count('"') % 2 == 1
        if not quoted:
            out.append(current)
            current = ""
    return out + ([current] if current else [])


def copy_with(tmp_path, fixture: str, keep) -> tuple:
    """The fixture written to tmp_path under its own name, its records passed through `keep`."""
    source = FIXTURES / fixture
    raw = source.read_bytes()
    bom = raw[:3] if raw.startswith(b"\xef\xbb\xbf") else b""
    parts = records(raw[len(bom):].decode("utf-8"))
    path = tmp_path / source.name
    path.write_bytes(bom + "".join(keep(parts)).encode("utf-8"))
    return source, path


@pytest.mark.parametrize("family", EXPORTS)
def test_blank_rows_inside_an_export_are_left_out_and_counted_alike(tmp_path, family):
    fixture, options, separator, before = EXPORTS[family]
    line_end = "\r\n" if "\r\n" in (FIXTURES / fixture).read_text(encoding="utf-8-sig") else "\n"
    blank = [separator * 5 + line_end, line_end]  # a line of separators alone (a re-save), an empty line
    # after the header (before legacy Insights' description row) and after the first post
    source, path = copy_with(tmp_path, fixture, lambda parts: parts[:1] + blank + parts[1:before + 1] + blank
                             + parts[before + 1:])
    original, edited = import_exports(source, **options), import_exports(path, **options)
    report = edited.reports[0]
    assert report.family == family
    assert {str(why): n for why, n in report.dropped.items()} == {
        **{str(why): n for why, n in original.reports[0].dropped.items()}, BLANK: 4}
    assert report.rows_in_file == original.reports[0].rows_in_file + 4
    assert report.rows_imported == original.reports[0].rows_imported
    assert not any(NO_POSTS in str(w) for w in report.warnings)
    mine, theirs = edited.posts.set_index("post_id"), original.posts.set_index("post_id")
    assert sorted(mine.index) == sorted(theirs.index)
    compared = [c for c in theirs.columns if c not in ("source_file", "source_row")]
    pd.testing.assert_frame_equal(mine.loc[theirs.index, compared], theirs[compared])
    # each post keeps the row a spreadsheet shows it on: two blank rows above the first record after the header
    # (and the description row), four above the others
    shift = theirs["source_row"].map(lambda row: 2 if row <= before + 1 else 4)
    assert (mine.loc[theirs.index, "source_row"] == theirs["source_row"] + shift).all()


@pytest.mark.parametrize("family", EXPORTS)
def test_an_export_holding_only_its_header_gets_the_same_note_in_every_family(tmp_path, family):
    fixture, options, _, before = EXPORTS[family]
    _, path = copy_with(tmp_path, fixture, lambda parts: parts[:before])
    result = import_exports(path, **options)
    report = result.reports[0]
    assert (report.family, report.rows_in_file, report.rows_imported, report.dropped) == (family, 0, 0, {})
    assert [str(w) for w in report.warnings].count(NO_POSTS) == 1
    assert result.posts.empty


def test_a_header_with_blank_rows_only_is_a_header_only_export_for_the_explorer(tmp_path):
    _, path = copy_with(tmp_path, EXPORTS["x_content"][0], lambda parts: parts[:1] + [",,,,\n", "\n"])
    result = import_exports(path)
    report = result.reports[0]
    assert (report.rows_in_file, report.rows_listed, {str(w): n for w, n in report.dropped.items()}) == (
        2, 0, {BLANK: 2})
    assert NO_POSTS in [str(w) for w in report.warnings]
    posts = sources.with_exports_read(result.posts, result.reports)
    assert [export.path for export in sources.only_header_read(posts)] == [str(path)]


def test_blank_rows_between_a_sheets_posts_are_counted_too(tmp_path):
    """read_sheet leaves a workbook's blank rows out as it reads; those between posts are counted, those after
    the last (a workbook may list formatted empty rows to its end) are not."""
    from test_import_linkedin import HEADER, STANDARD_ROWS, build_workbook

    plain = build_workbook(tmp_path / "page_content_1.xlsx", STANDARD_ROWS[:1] + STANDARD_ROWS[5:6])
    book = Workbook()
    book.active.title = "Metrics"
    sheet = book.create_sheet("All posts")
    for row in [["All posts of the page."], HEADER, STANDARD_ROWS[0], [None] * 3, [""], STANDARD_ROWS[5],
                [None], [None]]:
        sheet.append(row)
    spaced = tmp_path / "spaced" / "page_content_1.xlsx"
    spaced.parent.mkdir()
    book.save(spaced)
    original, edited = import_exports(plain).reports[0], import_exports(spaced).reports[0]
    assert {str(why): n for why, n in edited.dropped.items()} == {BLANK: 2}
    assert (edited.rows_in_file, edited.rows_imported) == (original.rows_in_file + 2, original.rows_imported)


@pytest.mark.parametrize("family", EXPORTS)
def test_a_row_of_missing_value_marks_alone_is_a_blank_row_in_every_family(tmp_path, family):
    """A row whose only filled cells are missing-value marks ('-', 'undefined', 'N/A', '--': values.is_blank
    reads each as no value) holds no post either: left out and counted as a blank row, like an empty line."""
    fixture, options, separator, before = EXPORTS[family]
    line_end = "\r\n" if "\r\n" in (FIXTURES / fixture).read_text(encoding="utf-8-sig") else "\n"
    marks = separator.join(["-", "", " undefined ", "N/A", "--", "null"]) + line_end
    source, path = copy_with(tmp_path, fixture, lambda parts: parts[:before + 1] + [marks] + parts[before + 1:])
    original, edited = import_exports(source, **options), import_exports(path, **options)
    report = edited.reports[0]
    assert {str(why): n for why, n in report.dropped.items()} == {
        **{str(why): n for why, n in original.reports[0].dropped.items()}, BLANK: 1}
    assert report.rows_imported == original.reports[0].rows_imported
    assert sorted(edited.posts["post_id"]) == sorted(original.posts["post_id"])


def test_an_x_row_blank_but_for_its_promoted_dashes_is_left_out_and_one_with_figures_and_no_id_is_refused(
        tmp_path):
    """X's tweet activity writes '-' in the 18 promoted columns of a tweet never promoted: a row holding only
    those is blank (row 3 below the first tweet), as X's own reader left it out; a row with figures but no id
    (row 4) is refused saying its id is missing, not that '' is an id not written as plain digits."""
    fixture = "x/tweet_activity_metrics_examplebakery_20190801_20190901_en.csv"
    dashes = ",".join([""] * 22 + ['"-"'] * 18) + "\n"
    source, path = copy_with(tmp_path, fixture, lambda parts: parts[:2] + [dashes] + parts[2:])
    original, edited = import_exports(source), import_exports(path)
    assert {str(why): n for why, n in edited.reports[0].dropped.items()} == {BLANK: 1}
    assert edited.posts["post_id"].tolist() == original.posts["post_id"].tolist()
    no_id = ",".join(['""', '""', '"Line"', '"2019-08-03 10:00 +0000"', '"120.0"', '"4.0"'] + ['"0"'] * 16
                     + ['"-"'] * 18) + "\n"
    (tmp_path / "no-id").mkdir()
    _, path = copy_with(tmp_path / "no-id", fixture, lambda parts: parts[:2] + [dashes, no_id] + parts[2:])
    with pytest.raises(ExportFormatError, match=r"1 row has no id \(row 4\), though other cells of theirs hold "
                                                r"values") as err:
        import_exports(path)
    assert err.value.row == 4 and err.value.column == "Tweet id" and "plain digits" not in str(err.value)


def test_a_youtube_export_of_its_header_and_total_row_only_holds_no_posts(tmp_path):
    """YouTube writes its Total row under the header even where no video is listed: the Total is the channel's
    sum, no post, so such a file (a blank row too) gets the header-only note, and the explorer takes it as an
    export listing only its header; the Total row is still dropped and counted as such."""
    fixture = EXPORTS["youtube_studio_content"][0]
    _, path = copy_with(tmp_path, fixture, lambda parts: parts[:2] + [",,,\n"])
    result = import_exports(path)
    report = result.reports[0]
    assert (report.rows_in_file, report.rows_listed, report.rows_imported) == (2, 0, 0)
    assert {str(why): n for why, n in report.dropped.items()} == {
        "'Total' row (the channel total, not a video)": 1, BLANK: 1}
    assert [str(w) for w in report.warnings].count(NO_POSTS) == 1
    posts = sources.with_exports_read(result.posts, result.reports)
    assert [export.path for export in sources.only_header_read(posts)] == [str(path)]
    full = import_exports(FIXTURES / fixture).reports[0]
    assert full.rows_listed == full.rows_in_file - 1 and NO_POSTS not in [str(w) for w in full.warnings]
