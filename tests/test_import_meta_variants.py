"""Older and odd Meta Business Suite post exports, and bad input, through import_exports.

The fixtures are written by hand in the exact Business Suite format (UTF-8 BOM, a field quoted when it
holds a space, comma, quote or newline, LF line ends) with invented content.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from conftest import FIXTURES
from helpers.errors import ExportFormatError
from helpers.i18n import Translator
from helpers.importers import FAMILIES, import_exports
from helpers.paths import PROJECT_ROOT

META = FIXTURES / "meta"
OLDER_FB = META / "Nov-01-2023_Dec-31-2023_100000000000042.csv"
RAGGED_IG = META / "Mar-18-2025_Apr-14-2025_17800000000000099.csv"
VIEWS_TWICE = META / "Apr-01-2025_Apr-14-2025_100000000000042.csv"
ZONE = "Africa/Johannesburg"


def test_fixtures_are_in_the_business_suite_format():
    for path in (OLDER_FB, RAGGED_IG, VIEWS_TWICE):
        raw = path.read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" not in raw
        assert raw[3:].startswith(b'"Post ID"')


def test_2023_header_impressions_and_raw_reach_with_error_rows_dropped():
    result = import_exports(OLDER_FB, timezone=ZONE)
    posts = result.posts.set_index("post_id")
    assert posts.index.tolist() == ["700000000000001", "700000000000002", "700000000000004"]
    assert posts["reach"].tolist() == [610, 400, 2050]  # from IMPRESSION:UNIQUE_USERS
    assert posts["impressions"].sum() == 4560 and posts["impressions_kind"].eq("impressions").all()
    assert posts["reactions"].sum() == 106 and posts["comments"].sum() == 11 and posts["shares"].sum() == 13
    assert posts["clicks"].sum() == 61
    assert posts["format"].tolist() == ["photo", "photo", "video"]
    assert posts.loc["700000000000002", "paid"] == True  # noqa: E712  Funded content status: Boosted
    assert posts.loc["700000000000004", "watch_time_seconds"] == 4520
    assert posts["source_row"].tolist() == [2, 3, 5]
    report = result.reports[0]
    assert report.rows_in_file == 6 and report.rows_imported == 3
    assert sum(report.dropped.values()) == 3
    assert report.dropped["empty Post ID (There was an error loading data for this post. Try again later.)"] == 2
    assert report.dropped["empty Post ID (no reason given)"] == 1


def test_instagram_ragged_rows_give_na_not_zero():
    posts = import_exports(RAGGED_IG, timezone=ZONE).posts.set_index("post_id")
    assert len(posts) == 3 and posts["platform"].eq("instagram").all()
    assert posts["impressions"].tolist() == [410, 150, 90] and posts["impressions_kind"].eq("views").all()
    assert posts["reach"].tolist() == [300, 120, pd.NA]
    assert posts["saves"].tolist() == [6, pd.NA, pd.NA]
    assert posts["follows_gained"].tolist() == [1, pd.NA, pd.NA]
    assert posts["format"].tolist() == ["reel", "photo", "carousel"]
    assert posts.iloc[0]["text"] == "Cinnamon rolls,\nstraight from the oven"
    assert posts.iloc[2]["published_at"] == pd.Timestamp("2025-03-22 10:00", tz=ZONE)


def test_instagram_ragged_rows_cut_short_of_an_interaction_count_have_no_interactions():
    """The reel reports likes 25, shares 2, comments 1 and saves 6 (34); the image's row stops after Comments
    (likes 11, shares 0, comments 3, Saves missing) and the carousel's after Views. Saves is an Instagram
    count the file reports for the reel, so the image's interactions are not known (not 14), and the
    carousel's neither; the carousel's reach is not known either (the other two report 300 and 120)."""
    from helpers import metrics

    result = import_exports(RAGGED_IG, timezone=ZONE)
    assert metrics.interactions(result.posts, result.interaction_components()).tolist() == [34, pd.NA, pd.NA]
    assert [str(w) for w in result.warnings() if "blank cell" in str(w)] == [
        f"{RAGGED_IG.name}: 2 posts have a blank cell in an interaction count this file reports for its other posts"
        " (reactions 1, comments 1, shares 1, saves 2; rows 3, 4): a blank is not 0, so these posts' interactions"
        " are not known and they are left out of interactions and the engagement rates built on them",
        f"{RAGGED_IG.name}: 1 post has a blank cell in a broadcast count this file reports for its other posts"
        " (reach 1; row 4): a blank is not 0, so these posts are left out of the totals of that count and of the"
        " rates by it (frequency, engagement rate by reach or by impressions), which then cover fewer posts than"
        " the file holds"]


def test_views_twice_first_column_wins_and_disagreement_is_reported():
    result = import_exports(VIEWS_TWICE, timezone=ZONE)
    posts = result.posts.set_index("post_id")
    # row 3: first Views blank -> the second (180) fills it; row 4: 275 vs 260 -> first column, with a warning
    assert posts["impressions"].tolist() == [500, 180, 275]
    assert posts["impressions_kind"].eq("views").all()
    assert posts["paid"].tolist() == [False, True, False]  # Reach from Boosted posts
    assert any("'Views' appears twice" in w and "1 row;" in w for w in result.warnings())


def test_empty_file():
    with pytest.raises(ExportFormatError, match="empty"):
        import_exports(META / "empty.csv", timezone=ZONE)


def test_header_only_file_imports_no_posts():
    # a period without posts downloads as a header alone: not an error, an empty table
    result = import_exports(META / "header-only.csv", timezone=ZONE)
    assert len(result.posts) == 0 and result.reports[0].rows_in_file == 0
    assert result.reports[0].family == "meta_business_suite_posts"
    assert any("no posts" in w for w in result.warnings())


def test_non_meta_csv_lists_known_families():
    with pytest.raises(ExportFormatError) as err:
        import_exports(META / "not-meta.csv", timezone=ZONE)
    message = str(err.value)
    assert "not an export the workbook knows" in message
    for family in FAMILIES:  # the one never detected is named by how to read a file through a column mapping
        assert (family.label in message) == (family.name != "mapped_csv")
    assert "import_exports(path, family='mapped_csv', mapping='map.yml')" in message


#: The start of a Business Suite post export downloaded with the interface in Indonesian: its headers translated.
INDONESIAN_HEADER = ('ID Postingan,ID Halaman,Nama Halaman,Judul,Waktu publikasi,Permalink,Jenis postingan,Tanggal,'
                     'Tayangan,Jangkauan,Reaksi,Komentar,Bagikan\n')


def test_an_export_with_headers_in_another_interface_language_says_to_switch_the_interface_to_english(tmp_path):
    path = tmp_path / "posts.csv"
    path.write_text(INDONESIAN_HEADER + "900000000000001,100000000000042,Toko Roti,Satu,04/02/2025 08:00,"
                    "https://www.facebook.com/900000000000001,Foto,Seumur hidup,500,320,10,2,1\n",
                    encoding="utf-8-sig")
    with pytest.raises(ExportFormatError) as err:
        import_exports(path, timezone=ZONE)
    message = str(err.value)
    # the first five of the words found, in alphabetical order: bagikan, halaman, jangkauan, judul, komentar, ...
    assert "what to do: its column names look like a platform's interface in another language ('bagikan'," \
           " 'halaman', 'jangkauan', 'judul', 'komentar'), and the workbook reads exports with English column names" \
           " only: switch the platform's interface (e.g. Meta Business Suite) to English and download the export" \
           " again. An export of another tool" in message  # the mapping advice after it, as for any unknown file
    assert "downloaded without edits" not in message
    assert "ganti bahasa antarmuka platform (mis. Meta Business Suite) ke bahasa Inggris" in \
        err.value.in_language(Translator("id"))


def test_one_word_of_another_language_or_a_caption_in_it_is_no_translated_header(tmp_path):
    path = tmp_path / "notes.csv"  # two words in short cells; the caption's words are a post's text
    path.write_text("Nama,Komentar,Klik,Catatan\nSatu,2,3,Waktu terbaik untuk reaksi dan komentar di postingan"
                    " tayangan jangkauan\n", encoding="utf-8")
    with pytest.raises(ExportFormatError) as err:
        import_exports(path, timezone=ZONE)
    assert "another language" not in str(err.value)


def test_non_numeric_reach_names_row_and_value():
    with pytest.raises(ExportFormatError) as err:
        import_exports(META / "bad-reach.csv", timezone=ZONE)
    assert err.value.row == 3 and err.value.column == "Reach" and "'1,2K'" in str(err.value)


def test_unparseable_publish_time_names_row():
    with pytest.raises(ExportFormatError) as err:
        import_exports(META / "bad-publish-time.csv", timezone=ZONE)
    assert err.value.row == 3 and err.value.column == "Publish time" and "2025-04-03 08:00" in str(err.value)


def test_older_variant_needs_a_timezone():
    with pytest.raises(ExportFormatError, match="time zone"):
        import_exports(OLDER_FB)


@pytest.mark.parametrize(("header", "warning"), [
    ('"Rea ch"', "the column 'Rea ch' looks like 'Reach' spelled differently, so it was not read"),
    ("Unrelated", "the header has no 'Reach' column, which Business Suite post exports carry"),
])
def test_an_edited_reach_header_is_warned_about_not_silently_dropped(tmp_path, header, warning):
    raw = VIEWS_TWICE.read_bytes()
    first, rest = raw.split(b"\n", 1)
    assert b",Reach," in first
    path = tmp_path / VIEWS_TWICE.name
    path.write_bytes(first.replace(b",Reach,", b"," + header.encode() + b",") + b"\n" + rest)
    result = import_exports(path, timezone=ZONE)
    assert result.posts["reach"].isna().all()
    assert any(warning in w for w in result.warnings())


def _meta_export(path, rows):
    header = ('"Post ID","Page ID","Page name",Title,"Publish time",Permalink,"Post type",Date,Views,Reach,'
              'Reactions,Comments,Shares,"3-second video views"')
    body = "\n".join(",".join(str(v) for v in (*row[:5], f"https://www.facebook.com/{row[0]}", *row[5:]))
                     for row in rows)
    path.write_bytes(("\ufeff" + header + "\n" + body + "\n").encode("utf-8"))
    return path


def test_a_newer_export_wins_but_what_it_leaves_blank_comes_from_the_older_one(tmp_path):
    older = _meta_export(tmp_path / "Apr-01-2025_Apr-10-2025_100000000000042.csv", [
        (900000000000001, 100000000000042, "Example Bakery", "One", '"04/02/2025 08:00"', "Videos", "Lifetime",
         500, 320, 10, 2, 1, 40),
        (900000000000002, 100000000000042, "Example Bakery", "Two", '"04/03/2025 08:00"', "Photos", "Lifetime",
         210, 150, 4, 0, 0, 0),
    ])
    newer = _meta_export(tmp_path / "Apr-01-2025_Apr-14-2025_100000000000042.csv", [
        # views of 0 with reach above 0 cannot happen: treated as not reported, so the older 500 stands
        (900000000000001, 100000000000042, "Example Bakery", "One", '"04/02/2025 08:00"', "Videos", "Lifetime",
         0, 340, 12, 3, 1, ""),
        (900000000000002, 100000000000042, "Example Bakery", "Two", '"04/03/2025 08:00"', "Photos", "Lifetime",
         230, 160, 5, 0, 0, 0),
    ])
    result = import_exports([newer, older], timezone=ZONE)  # the order given does not matter
    posts = result.posts.set_index("post_id")
    assert posts.loc["900000000000001", ["reactions", "comments"]].tolist() == [12, 3]  # the newer export's
    # reach and views belong together (frequency): both from the older export, never April's reach with
    # January's views
    assert posts.loc["900000000000001", ["reach", "impressions"]].tolist() == [320, 500]
    assert posts.loc["900000000000001", "impressions_kind"] == "views"
    assert posts.loc["900000000000001", "video_views"] == 40  # blank in the newer export
    assert posts.loc["900000000000002", ["impressions", "reach"]].tolist() == [230, 160]
    assert pd.isna(posts.loc["900000000000002", "video_views"])  # a photo's 0 video views: no video
    reports = {r.path.name: r for r in result.reports}
    assert reports[older.name].superseded == 2 and reports[newer.name].superseded == 0
    assert any("3 values this export leaves blank" in str(w) for w in reports[newer.name].warnings)


def test_a_post_id_repeated_within_one_export_is_a_warning_not_a_newer_export(tmp_path):
    one = (900000000000001, 100000000000042, "Example Bakery", "One", '"04/02/2025 08:00"', "Photos", "Lifetime",
           500, 320, 10, 2, 1, "")
    path = _meta_export(tmp_path / "Apr-01-2025_Apr-14-2025_100000000000042.csv", [one, one])
    result = import_exports(path, timezone=ZONE)
    assert len(result.posts) == 1 and result.posts["reach"].iloc[0] == 320
    report = result.reports[0]
    assert report.superseded == 0
    assert "1 row repeats a post id already in this file: the last row of each post is kept" in report.warnings
    assert not any("values that differ" in str(w) for w in report.warnings)


def test_repeated_rows_of_a_post_that_differ_are_named_with_what_differs(tmp_path):
    """Post One is in rows 2, 3 and 5: row 3 repeats row 2 with views 520 (not 500) and reach 640 (320
    doubled), row 5 with reach 640 and likes 11; the last row, 5, is kept. Post Two's rows 4 and 6 are the
    same: counted as before, not named."""
    one = (900000000000001, 100000000000042, "Example Bakery", "One", '"04/02/2025 08:00"', "Photos", "Lifetime")
    two = (900000000000002, 100000000000042, "Example Bakery", "Two", '"04/03/2025 08:00"', "Photos", "Lifetime",
           210, 150, 4, 0, 0, "")
    path = _meta_export(tmp_path / "Apr-01-2025_Apr-14-2025_100000000000042.csv", [
        (*one, 500, 320, 10, 2, 1, ""), (*one, 520, 640, 10, 2, 1, ""), two, (*one, 500, 640, 11, 2, 1, ""), two])
    result = import_exports(path, timezone=ZONE)
    posts = result.posts.set_index("post_id")
    assert posts.loc["900000000000001", ["impressions", "reach", "reactions"]].tolist() == [500, 640, 11]
    assert posts["source_row"].tolist() == [5, 6]
    notes = [w for w in result.reports[0].warnings if "post id" in str(w)]
    assert [str(n) for n in notes] == [
        "1 row repeats a post id already in this file: the last row of each post is kept",
        "1 post id appears in more than one row of this file with values that differ: row 5 (kept) differs from"
        " 2 other rows (2, 3) in reach, impressions (or views), reactions. The last row of each post is kept, but"
        " the export does not say which row holds the post's figures. Check these rows in the export, or download it"
        " again"]
    assert Translator("id").message(notes[1]).startswith(
        "1 ID unggahan muncul di lebih dari satu baris berkas ini dengan nilai yang berbeda: baris 5 (dipertahankan)"
        " berbeda dari 2 baris lain (2, 3) pada kolom jangkauan, impresi (atau tayangan), reaksi.")
    from helpers.report import client_worded  # the client report states the facts, without the advice
    assert Translator("en").message(client_worded(notes[1])).endswith(
        "reach, impressions (or views), reactions. The last row of each post is kept, and the export does not say"
        " which row holds the post's figures")


@pytest.mark.parametrize("cell", ["inf", "Infinity", "1e30", "99999999999999999999"])
def test_a_count_too_large_for_any_post_is_a_bad_cell_not_a_crash(tmp_path, cell):
    path = _meta_export(tmp_path / "Apr-01-2025_Apr-14-2025_100000000000042.csv", [
        (900000000000001, 100000000000042, "Example Bakery", "One", '"04/02/2025 08:00"', "Photos", "Lifetime",
         500, cell, 10, 2, 1, ""),
    ])
    with pytest.raises(ExportFormatError) as err:
        import_exports(path, timezone=ZONE)
    assert err.value.row == 2 and err.value.column == "Reach" and repr(cell) in str(err.value)
    assert "a whole number (a count) such as 1234 or 1,234" in str(err.value)


THREE_POSTS = [
    (900000000000001, 100000000000042, "Example Bakery", "One", '"04/02/2025 08:00"', "Photos", "Lifetime",
     500, 320, 10, 2, 1, ""),
    (900000000000002, 100000000000042, "Example Bakery", "Two", '"04/03/2025 08:00"', "Photos", "Lifetime",
     8100, 6600, 40, 5, 3, ""),
    (900000000000003, 100000000000042, "Example Bakery", "Three", '"04/04/2025 08:00"', "Photos", "Lifetime",
     210, 150, 4, 0, 0, ""),
]


def test_a_download_cut_inside_a_cell_in_the_middle_of_the_file_is_refused_naming_the_row(tmp_path):
    """The download stopped in the second of three posts, inside its Reach cell: read, the post's reach would be
    66 where Business Suite wrote 6600, and the third post would be missing. Refused at row 3, column Reach (the
    row's 10th cell of the header's 14), with what to do; Business Suite's own short rows end in a line break."""
    whole = _meta_export(tmp_path / "Apr-01-2025_Apr-14-2025_100000000000042.csv", THREE_POSTS)
    assert import_exports(whole, timezone=ZONE).posts["reach"].tolist() == [320, 6600, 150]
    raw = whole.read_bytes()
    cut = tmp_path / "cut" / whole.name
    cut.parent.mkdir()
    cut.write_bytes(raw[:raw.index(b",8100,66") + len(b",8100,66")])
    with pytest.raises(ExportFormatError) as info:
        import_exports(cut, timezone=ZONE)
    assert (info.value.row, info.value.column) == (3, "Reach")
    assert str(info.value).splitlines() == [
        f"file {cut}, row 3, column 'Reach': the file looks cut off at this row: its last line is incomplete (only"
        " 10 of the header's 14 cells) and no line break follows it, as when a download stops before the end",
        "  expected: the whole export, every row with all of the header's cells",
        "  what to do: download the export again and let the download finish: this copy lacks the rest of this row"
        " and any rows after it"]
    assert info.value.in_language(Translator("id")).startswith(
        f"berkas {cut}, baris 3, kolom 'Reach': berkas tampaknya terpotong di baris ini: baris terakhirnya tidak"
        " lengkap (hanya 10 dari 14 sel tajuk)")
    # the same two rows ending in a line break: a last row short of cells is one Business Suite writes
    short = tmp_path / "short" / whole.name
    short.parent.mkdir()
    short.write_bytes(raw[:raw.index(b",8100,6600") + len(b",8100,6600")] + b"\n")
    result = import_exports(short, timezone=ZONE)
    assert result.posts["reach"].tolist() == [320, 6600] and result.posts["impressions"].tolist() == [500, 8100]
    assert result.posts["reactions"].isna().tolist() == [False, True]  # left out: not reported, not 0
    assert not any("cut off" in str(w) or "fewer cells" in str(w) for w in result.reports[0].warnings)


def test_a_complete_export_without_a_final_line_break_is_not_called_cut_off(tmp_path):
    path = _meta_export(tmp_path / "Apr-01-2025_Apr-14-2025_100000000000042.csv", [
        (900000000000001, 100000000000042, "Example Bakery", '"Two\nlines, fresh bread"', '"04/02/2025 08:00"',
         "Photos", "Lifetime", 500, 320, 10, 2, 1, 0),
    ])
    path.write_bytes(path.read_bytes().rstrip(b"\n"))
    result = import_exports(path, timezone=ZONE)
    assert result.posts["reach"].tolist() == [320]
    assert not any("cut off" in str(w) for w in result.reports[0].warnings)


def test_reach_and_views_never_come_from_two_different_exports(tmp_path):
    """Views of 0 (impossible) in the newer export beside a reach of 3,000: taking the older views (150)
    alone would give a frequency of 0.05. Both come from the older export, which has both."""
    older = _meta_export(tmp_path / "Apr-01-2025_Apr-02-2025_100000000000042.csv", [
        (900000000000001, 100000000000042, "Example Bakery", "One", '"04/01/2025 08:00"', "Photos", "Lifetime",
         150, 100, 10, 2, 1, ""),
    ])
    newer = _meta_export(tmp_path / "Apr-01-2025_Apr-14-2025_100000000000042.csv", [
        (900000000000001, 100000000000042, "Example Bakery", "One", '"04/01/2025 08:00"', "Photos", "Lifetime",
         0, 3000, 40, 2, 1, ""),
    ])
    post = import_exports([older, newer], timezone=ZONE).posts.iloc[0]
    assert (post["reach"], post["impressions"], post["reactions"]) == (100, 150, 40)
    assert post["impressions"] / post["reach"] == 1.5


def test_a_set_filled_from_older_exports_comes_from_one_row_among_three_exports():
    """Export a has reach and views, b reach alone, c (newest) neither: the set comes from b's row as it is
    (reach, no views), never b's reach with a's views."""
    from helpers import schema
    from helpers.importers import _keep_latest
    from helpers.importers.base import FileReport, ImportedFile

    rows = pd.DataFrame({"platform": "facebook", "post_id": "1", "client": "c",
                         "published_at": pd.Timestamp("2025-04-01 08:00", tz=ZONE),
                         "reach": [100, 200, None], "impressions": [150, None, None],
                         "impressions_kind": ["views", None, None], "reactions": [1, 2, 5],
                         "source_file": ["a.csv", "b.csv", "c.csv"], "source_row": [2, 2, 2]})
    posts = schema.conform(rows, ZONE)
    imported = [ImportedFile(posts=posts.iloc[[i]], report=FileReport(path=Path(f), family="f"))
                for i, f in enumerate(("a.csv", "b.csv", "c.csv"))]
    kept = _keep_latest(posts, imported).iloc[0]
    assert kept["reach"] == 200 and pd.isna(kept["impressions"]) and kept["reactions"] == 5


def test_impressions_in_one_export_and_views_in_another_are_flagged(tmp_path):
    """Meta's exports from before the switch count impressions, those after it views: read together, the
    newest file's notes say that frequency and rates by impressions mix the two counts."""
    from helpers.importers import import_exports

    old = FIXTURES / "meta" / "Nov-01-2023_Dec-31-2023_100000000000042.csv"
    new = FIXTURES / "meta" / "Apr-01-2025_Apr-14-2025_100000000000042.csv"
    result = import_exports([old, new], timezone="UTC")
    kinds = result.posts.groupby("source_file")["impressions_kind"].agg(lambda k: set(k.dropna()))
    assert sorted(map(sorted, kinds)) == [["impressions"], ["views"]]
    notes = [str(m) for m in result.warnings() if "series break across files" in str(m)]
    assert notes == [f"{new.name}: series break across files: the Facebook exports report impressions in {old.name}"
                     f" and views (which count repeat views) in {new.name}; frequency and rates by impressions"
                     " over both are not comparable"]
    alone = import_exports([new], timezone="UTC")
    assert not [m for m in alone.warnings() if "across files" in str(m)]


def test_a_publish_time_the_clock_skipped_is_moved_and_counted(tmp_path):
    """2:30 on 9 March 2025 does not exist in New York (clocks went from 2:00 to 3:00): the export's clock is
    likely another zone's, so the time is moved forward and the file's warnings say so."""
    path = _meta_export(tmp_path / "Mar-01-2025_Mar-14-2025_100000000000042.csv", [
        (900000000000001, 100000000000042, "Example Bakery", "One", '"03/09/2025 02:30"', "Photos", "Lifetime",
         500, 320, 10, 2, 1, ""),
        (900000000000002, 100000000000042, "Example Bakery", "Two", '"03/10/2025 08:00"', "Photos", "Lifetime",
         210, 150, 4, 0, 0, ""),
    ])
    result = import_exports(path, timezone="America/New_York")
    posts = result.posts.set_index("post_id")
    assert posts.loc["900000000000001", "published_at"] == pd.Timestamp("2025-03-09 03:00", tz="America/New_York")
    warnings = [str(w) for w in result.reports[0].warnings]
    assert any(w.startswith("1 post has a publish time (column Publish time) that does not exist in"
                            " America/New_York") and "row 2, '03/09/2025 02:30'" in w for w in warnings), warnings
    assert not any("do not exist" in str(w) for w in import_exports(path, timezone="UTC").reports[0].warnings)


SPREADSHEET_COPY = META / "spreadsheet-copy"


def test_a_spreadsheet_copy_with_ids_in_scientific_notation_is_refused_not_counted_twice():
    """Beside the download, a copy saved by a spreadsheet (ids 1.27005E+15) would double every post: refused."""
    original, copy = sorted(SPREADSHEET_COPY.iterdir(), key=lambda p: len(p.name))
    assert len(import_exports(original, timezone=ZONE).posts) == 3
    with pytest.raises(ExportFormatError) as err:
        import_exports([original, copy], timezone=ZONE)
    assert err.value.path == copy and err.value.row == 2 and err.value.column == "Post ID"
    message = str(err.value)
    assert "3 ids are not written as plain digits: row 2: '1.27005E+15', row 3: '1.27005E+15'" in message
    assert "an id of digits only, like '939005954986064'" in message
    assert "a spreadsheet program rewrote the ids in scientific notation" in message and "remove this copy" in message


@pytest.mark.parametrize("post_id", ["1.83552E+16", '"1,83552E+16"'])  # a decimal comma needs quotes
def test_an_instagram_id_in_scientific_notation_is_refused(tmp_path, post_id):
    raw = RAGGED_IG.read_text(encoding="utf-8-sig").replace("18000000000000002", post_id)
    path = tmp_path / RAGGED_IG.name
    path.write_text(raw, encoding="utf-8-sig")
    with pytest.raises(ExportFormatError, match="scientific notation") as err:
        import_exports(path, timezone=ZONE)
    assert err.value.row == 3 and err.value.column == "Post ID"


def test_an_id_that_is_neither_digits_nor_a_label_is_refused_as_edited(tmp_path):
    raw = VIEWS_TWICE.read_text(encoding="utf-8-sig").replace("800000000000003,", "80000000000O003,", 1)
    path = tmp_path / VIEWS_TWICE.name
    path.write_text(raw, encoding="utf-8-sig")
    with pytest.raises(ExportFormatError, match="the file may have been edited") as err:
        import_exports(path, timezone=ZONE)
    assert err.value.row == 4
    path.write_text(raw.replace("80000000000O003,", "#VALUE!,"), encoding="utf-8-sig")  # a spreadsheet's error
    with pytest.raises(ExportFormatError, match="turned these ids into error values") as err:
        import_exports(path, timezone=ZONE)
    assert err.value.row == 4


def test_a_page_post_id_pair_is_read_as_an_id(tmp_path):
    raw = VIEWS_TWICE.read_text(encoding="utf-8-sig").replace("800000000000003,", "100000000000042_800000000000003,", 1)
    path = tmp_path / VIEWS_TWICE.name
    path.write_text(raw, encoding="utf-8-sig")
    posts = import_exports(path, timezone=ZONE).posts
    assert posts["post_id"].tolist() == ["800000000000001", "800000000000002", "100000000000042_800000000000003"]


TOTALS = META / "totals-rows.csv"


def test_totals_rows_added_in_a_spreadsheet_are_dropped_and_counted():
    """Three posts (reach 320 + 150 + 200 = 670) and two totals rows of 670: summed reach stays 670."""
    result = import_exports(TOTALS, timezone=ZONE)
    posts = result.posts
    assert posts["post_id"].tolist() == ["1270050000000011", "1270050000000012", "1270050000000013"]
    assert posts["reach"].sum() == 670
    assert (posts["reactions"] + posts["comments"] + posts["shares"]).sum() == 24  # 13 + 4 + 7
    report = result.reports[0]
    assert report.rows_in_file == 5 and report.rows_imported == 3
    assert {str(reason): count for reason, count in report.dropped.items()} == {
        "totals row added in a spreadsheet ('Total' where a Post ID goes): not a post, left out so its sums are"
        " not counted twice": 1,
        "totals row added in a spreadsheet ('Jumlah' where a Post ID goes): not a post, left out so its sums are"
        " not counted twice": 1,
    }


def _page_name_first(tmp_path, totals_row: str):
    """A Business Suite export whose columns were moved so that 'Page name' comes first: one post, then
    `totals_row`."""
    header = '"Page name","Post ID","Page ID","Publish time",Permalink,"Post type",Date,Reach,Reactions,Comments,Shares'
    rows = ['"Example Bakery",900000000000001,100000000000042,"03/03/2025 10:00",https://www.facebook.com/1,Photos,'
            'Lifetime,300,5,1,0', totals_row]
    path = tmp_path / "posts.csv"
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8-sig")
    return path


def test_a_totals_row_found_by_its_first_cell_when_post_id_is_not_the_first_column(tmp_path):
    result = import_exports(_page_name_first(tmp_path, "Total,,,,,,,300,5,1,0"), timezone=ZONE)
    assert len(result.posts) == 1
    assert [str(r) for r in result.reports[0].dropped] == [
        "totals row added in a spreadsheet ('Total' where a Post ID goes): not a post, left out so its sums are"
        " not counted twice"]


@pytest.mark.parametrize("word", ["Sum", "SUM:", "Summe", "sum"])
def test_a_sum_row_found_by_its_first_cell_is_a_totals_row_not_a_post(tmp_path, word):
    """'Sum' (any case, whole cell) where 'Page name' comes first and no Post ID: a totals row, dropped with the
    totals note, not a post with an empty Post ID; the one post's reach of 300 is counted once."""
    result = import_exports(_page_name_first(tmp_path, f"{word},,,,,,,300,5,1,0"), timezone=ZONE)
    assert result.posts["reach"].tolist() == [300]
    assert {str(r): n for r, n in result.reports[0].dropped.items()} == {
        f"totals row added in a spreadsheet ('{word}' where a Post ID goes): not a post, left out so its sums are"
        " not counted twice": 1}


def test_a_post_id_beginning_with_sum_is_refused_as_an_unclear_totals_row(tmp_path):
    raw = TOTALS.read_text(encoding="utf-8-sig").replace("\nTotal,", "\nSum of 3 posts,")
    path = tmp_path / TOTALS.name
    path.write_text(raw, encoding="utf-8-sig")
    with pytest.raises(ExportFormatError) as err:
        import_exports(path, timezone=ZONE)
    assert "the row looks like a totals row added in a spreadsheet (Post ID says 'Sum of 3 posts')" in str(err.value)


def test_a_totals_row_that_cannot_be_told_apart_is_refused_with_delete_the_row(tmp_path):
    raw = TOTALS.read_text(encoding="utf-8-sig").replace("\nTotal,", "\nTotal 3 posts,")
    path = tmp_path / TOTALS.name
    path.write_text(raw, encoding="utf-8-sig")
    with pytest.raises(ExportFormatError) as err:
        import_exports(path, timezone=ZONE)
    assert err.value.row == 5 and err.value.column == "Post ID"
    message = str(err.value)
    assert "the row looks like a totals row added in a spreadsheet (Post ID says 'Total 3 posts'), but its Post ID" \
           " 'Total 3 posts' is not a label alone" in message
    assert "delete that row (a totals row is not a post), or use the export as downloaded" in message
    assert "rewrites dates" not in message


def test_a_totals_row_with_an_id_and_no_publish_time_is_refused_with_delete_the_row(tmp_path):
    """Columns moved so 'Page name' comes first: 'Total' there, an id and no publish time is no clear totals row."""
    path = _page_name_first(tmp_path, "Total,900000000000002,,,,,,300,5,1,0")
    with pytest.raises(ExportFormatError) as err:
        import_exports(path, timezone=ZONE)
    assert err.value.row == 3 and err.value.column == "Post ID"
    message = str(err.value)
    assert "(Page name says 'Total'), but its Post ID '900000000000002' is not a label alone" in message
    assert "delete that row (a totals row is not a post), or use the export as downloaded" in message
    assert "rewrites dates" not in message


@pytest.mark.parametrize("cell", ["null", "-"])
def test_a_missing_value_word_as_post_id_is_an_empty_post_id_not_a_totals_row(tmp_path, cell):
    raw = VIEWS_TWICE.read_text(encoding="utf-8-sig").replace("800000000000003,", f"{cell},", 1)
    path = tmp_path / VIEWS_TWICE.name
    path.write_text(raw, encoding="utf-8-sig")
    report = import_exports(path, timezone=ZONE).reports[0]
    assert report.rows_imported == 2 and {str(r): n for r, n in report.dropped.items()} == {
        "empty Post ID (no reason given)": 1}


def _without_column(source: Path, tmp_path: Path, column: str, replacement: str) -> Path:
    raw = source.read_bytes()
    first, rest = raw.split(b"\n", 1)
    assert first.count(f",{column},".encode()) == 1
    path = tmp_path / source.name
    path.write_bytes(first.replace(f",{column},".encode(), f",{replacement},".encode()) + b"\n" + rest)
    return path


@pytest.mark.parametrize(("source", "column", "platform"), [
    (VIEWS_TWICE, "Comments", "Facebook"), (VIEWS_TWICE, "Shares", "Facebook"),
    (VIEWS_TWICE, "Reactions", "Facebook"), (RAGGED_IG, "Comments", "Instagram"),
    (RAGGED_IG, "Likes", "Instagram"), (RAGGED_IG, "Saves", "Instagram"),
])
def test_a_missing_interaction_column_is_warned_about(tmp_path, source, column, platform):
    path = _without_column(source, tmp_path, column, "Remarks")
    result = import_exports(path, timezone=ZONE)
    # (the ragged Instagram rows' blank counts have their own note: test_instagram_ragged_rows_cut_short_...)
    notes = [str(w) for w in result.reports[0].warnings if "interactions" in str(w) and "blank cell" not in str(w)]
    assert notes == [f"the header has no '{column}' column, which Business Suite {platform} post exports carry:"
                     " that count is not reported for these posts, so their interactions and engagement rates"
                     " leave it out and read lower than they are"]


def test_without_comments_interactions_are_the_other_counts(tmp_path):
    from helpers import metrics
    posts = import_exports(_without_column(VIEWS_TWICE, tmp_path, "Comments", "Remarks"), timezone=ZONE).posts
    assert posts["comments"].isna().all()
    assert metrics.interactions(posts).tolist() == [11, 4, 6]  # reactions 10, 4, 6 + shares 1, 0, 0


def test_interaction_columns_a_family_does_not_carry_and_lookalikes_get_no_missing_column_warning(tmp_path):
    # Facebook exports carry no Saves: no warning; a misspelt header gets the lookalike warning alone
    assert not [w for w in import_exports(VIEWS_TWICE, timezone=ZONE).warnings() if "header has no" in str(w)]
    result = import_exports(_without_column(RAGGED_IG, tmp_path, "Comments", "Comment s"), timezone=ZONE)
    notes = [str(w) for w in result.reports[0].warnings]
    assert "the column 'Comment s' looks like 'Comments' spelled differently, so it was not read: check whether" \
           " the header was edited" in notes
    assert not [n for n in notes if "header has no" in n]


DAY_FIRST = META / "Oct-01-2026_Oct-12-2026_100000000000042.csv"
#: The note every Facebook export read alone carries (its clock cannot be checked: test_import_clocks.py).
UNCHECKED_CLOCK = "imports.meta_business_suite.clock_unchecked"


def test_posts_outside_the_period_of_the_file_name_suggest_dates_rewritten_day_first(tmp_path):
    """5, 10 and 12 October written day-first (05/10, 10/10, 12/10) read as 10 May, 10 October and 10 December:
    two of three fall outside Oct-07-2026_Oct-12-2026. Read day-first, 5 October falls outside it too (two days
    before), so the file is read as written."""
    path = tmp_path / "Oct-07-2026_Oct-12-2026_100000000000042.csv"
    path.write_bytes(DAY_FIRST.read_bytes())
    result = import_exports(path, timezone=ZONE)
    assert result.posts["published_at"].dt.strftime("%Y-%m-%d").tolist() == ["2026-05-10", "2026-10-10",
                                                                              "2026-12-10"]
    notes = [str(w) for w in result.reports[0].warnings if w.key != UNCHECKED_CLOCK]
    assert notes == ["2 posts have a publish time outside the period the file name gives (7 October 2026 to"
                     " 12 October 2026), e.g. row 2: '05/10/2026 7:29', read as 10 May 2026. A spreadsheet may have"
                     " rewritten the dates day-first ('10/05/2026' for 10 May), which is read month-first as"
                     " another date when no day is above 12: use the export as downloaded, or check these dates"]
    # named for 1 to 12 October, as downloaded, every post falls within the name's days read day-first
    as_named = import_exports(DAY_FIRST, timezone=ZONE)
    assert as_named.posts["published_at"].dt.strftime("%Y-%m-%d %H:%M").tolist() == [
        "2026-10-05 07:29", "2026-10-10 12:00", "2026-10-12 18:45"]
    assert [w.key for w in as_named.reports[0].warnings if w.key != UNCHECKED_CLOCK] == [READ_DAY_FIRST_NAMED]


def test_a_file_name_without_a_period_cannot_show_dates_outside_it(tmp_path):
    for source in (DAY_FIRST, NAMED_DAY_FIRST):
        path = tmp_path / "posts.csv"
        path.write_bytes(source.read_bytes())
        result = import_exports(path, timezone=ZONE)
        assert not [w for w in result.reports[0].warnings if w.key in (OUTSIDE_NAMED_PERIOD, READ_DAY_FIRST_NAMED)]
    # read month-first, as written: 02/04 is 4 February, 12/04 is 4 December
    assert _in_row_order(result).dt.strftime("%Y-%m-%d").tolist() == [
        "2025-02-04", "2025-04-04", "2025-09-04", "2025-12-04", "2025-01-04"]


ORDER_UNCHECKED = "imports.meta_business_suite.order_unchecked"


def test_dates_that_read_both_ways_in_a_file_named_without_a_period_are_read_month_first_with_a_note(tmp_path):
    """02/04, 04/04, 09/04, 12/04 and 01/04 (2025): month-first 4 February, 4 April, 4 September, 4 December and
    4 January (4 January to 4 December); day-first 2, 4, 9, 12 and 1 April (1 to 12 April). Nothing tells
    which: the note gives both spans and the first post whose readings differ (row 2: 4 February or 2 April)."""
    path = tmp_path / "facebook-posts.csv"
    path.write_bytes(NAMED_DAY_FIRST.read_bytes())
    result = import_exports(path, timezone=ZONE)
    assert _in_row_order(result).dt.strftime("%Y-%m-%d").tolist() == [
        "2025-02-04", "2025-04-04", "2025-09-04", "2025-12-04", "2025-01-04"]
    notes = [w for w in result.reports[0].warnings if w.key == ORDER_UNCHECKED]
    assert [str(w) for w in notes] == [
        "the order of the dates in 'Publish time' cannot be checked: no day is above 12, so every date reads both"
        " month-first, as Business Suite writes them (4 January 2025 to 4 December 2025), and day-first, as a"
        " spreadsheet set to day-first dates rewrites them (1 April 2025 to 12 April 2025), and neither the file"
        " name (it gives no period) nor the posts' links tell which. The dates are read month-first. Look up post"
        " 1270050000000031 on the page (row 2, written '02/04/2025 06:53': 4 February 2025 read month-first,"
        " 2 April 2025 read day-first) to see which is right; if this file was opened and saved in a spreadsheet,"
        " download the export again from Business Suite and use it unchanged"]
    assert "(4 Januari 2025 hingga 4 Desember 2025)" in Translator("id").message(notes[0])
    # the report's Data coverage states the same facts without telling its reader what to do with the file
    from helpers.report import client_worded

    reported = Translator("en").message(client_worded(notes[0]))
    assert "download" not in reported and "Look up" not in reported and reported.endswith(
        "The dates are read month-first: if a spreadsheet rewrote them, every date here is wrong. The date the page"
        " shows for post 1270050000000031 (row 2, written '02/04/2025 06:53': 4 February 2025 read month-first,"
        " 2 April 2025 read day-first) would tell")


@pytest.mark.parametrize("replace", [
    {"02/04/2025": "04/04/2025", "09/04/2025": "04/04/2025", "12/04/2025": "04/04/2025",
     "01/04/2025": "04/04/2025"},  # every post on 04/04: both readings are 4 April
    {"12/04/2025": "04/13/2025"},  # a day above 12: the file reads month-first only
])
def test_dates_that_read_the_same_both_ways_or_one_way_only_get_no_order_note(tmp_path, replace):
    text = NAMED_DAY_FIRST.read_text(encoding="utf-8-sig")
    for written, by in replace.items():
        text = text.replace(f'"{written}', f'"{by}')
    path = tmp_path / "posts.csv"
    path.write_text(text, encoding="utf-8-sig")
    assert not [w for w in import_exports(path, timezone=ZONE).reports[0].warnings if w.key == ORDER_UNCHECKED]


#: Five posts of 1 to 12 April 2025 written day-first, as a spreadsheet set to day-first dates saves them
#: (02/04, 04/04, 09/04, 12/04, 01/04: no day above 12), in a file named for those days.
NAMED_DAY_FIRST = META / "Apr-01-2025_Apr-12-2025_100000000000042.csv"
READ_DAY_FIRST_NAMED = "imports.meta_business_suite.read_day_first_named"
OUTSIDE_NAMED_PERIOD = "imports.meta_business_suite.outside_named_period"


def _in_row_order(result) -> pd.Series:
    """The posts' publish times in the order of the file's rows (import_exports sorts them by time)."""
    return result.posts.sort_values("source_row")["published_at"]


@pytest.mark.parametrize("start, end", [("Apr-01-2025", "Apr-12-2025"),
                                        ("Apr-02-2025", "Apr-11-2025")])  # 1 and 12 April: a day of slack
def test_day_first_dates_are_read_day_first_when_the_days_of_the_file_name_prove_it(tmp_path, start, end):
    """Read month-first, 02/04, 09/04, 12/04 and 01/04 are 4 February, 4 September, 4 December and 4 January,
    4 of 5 posts outside the name's days; read day-first, 2, 4, 9, 12 and 1 April, every one within them."""
    path = tmp_path / f"{start}_{end}_100000000000042.csv"
    path.write_bytes(NAMED_DAY_FIRST.read_bytes())
    result = import_exports(path, timezone=ZONE)
    assert _in_row_order(result).dt.strftime("%Y-%m-%d %H:%M %z").tolist() == [
        "2025-04-02 06:53 +0200", "2025-04-04 19:45 +0200", "2025-04-09 12:10 +0200", "2025-04-12 08:00 +0200",
        "2025-04-01 00:30 +0200"]
    notes = [w for w in result.reports[0].warnings if w.key != UNCHECKED_CLOCK]
    first, last = (pd.Timestamp(day).strftime("%-d %B %Y") for day in (start, end))
    assert [str(w) for w in notes] == [
        "'Publish time' is read day-first (DD/MM/YYYY), not month-first as Business Suite writes it: read"
        f" month-first, 4 of the 5 posts fall outside the period the file name gives ({first} to {last}, with a"
        " day either side for time zones), and read day-first, every post falls within it. A spreadsheet probably"
        " rewrote the dates day-first when the file was saved (row 2: '02/04/2025 06:53' is read as"
        " 2 April 2025, 06:53, not 4 February 2025, 06:53)"]
    assert Translator("id").message(notes[0]).endswith(
        "(baris 2: '02/04/2025 06:53' dibaca sebagai 2 April 2025 06.53, bukan 4 Februari 2025 06.53)")


@pytest.mark.parametrize("start, end, warning", [
    # read month-first, 4 April, 4 September and 4 December fall outside; read day-first, every post does
    ("Jan-01-2025", "Feb-28-2025", "3 posts have a publish time outside the period the file name gives"
     " (1 January 2025 to 28 February 2025), e.g. row 3: '04/04/2025 19:45', read as 4 April 2025."),
    # read day-first, 1 April is two days before the name's first day: more than the day of slack
    ("Apr-03-2025", "Apr-11-2025", "4 posts have a publish time outside the period the file name gives"
     " (3 April 2025 to 11 April 2025), e.g. row 2: '02/04/2025 06:53', read as 4 February 2025."),
    # both readings fall within a whole year: nothing to tell them apart, read as written
    ("Jan-01-2025", "Dec-31-2025", None),
])
def test_day_first_dates_named_for_other_days_are_read_as_written(tmp_path, start, end, warning):
    path = tmp_path / f"{start}_{end}_100000000000042.csv"
    path.write_bytes(NAMED_DAY_FIRST.read_bytes())
    result = import_exports(path, timezone=ZONE)
    assert _in_row_order(result).dt.strftime("%Y-%m-%d %H:%M").tolist() == [
        "2025-02-04 06:53", "2025-04-04 19:45", "2025-09-04 12:10", "2025-12-04 08:00", "2025-01-04 00:30"]
    # (posts from January to December span the day Meta replaced impressions by views: a note of its own)
    notes = [str(w) for w in result.reports[0].warnings if w.key in (OUTSIDE_NAMED_PERIOD, READ_DAY_FIRST_NAMED)]
    assert len(notes) == (warning is not None) and all(note.startswith(warning) for note in notes)


def test_month_first_dates_within_the_days_of_the_file_name_are_read_as_written(tmp_path):
    """The same posts as Business Suite writes them (04/02/2025 for 2 April): month-first, every one within
    1 to 12 April; read day-first, 04/02 would be 4 February."""
    text = NAMED_DAY_FIRST.read_text(encoding="utf-8-sig")
    for written in ("02/04", "09/04", "12/04", "01/04"):
        day, month = written.split("/")
        text = text.replace(f'"{written}/2025', f'"{month}/{day}/2025')
    path = tmp_path / NAMED_DAY_FIRST.name
    path.write_bytes(("\ufeff" + text).encode("utf-8"))
    result = import_exports(path, timezone=ZONE)
    assert _in_row_order(result).dt.strftime("%Y-%m-%d %H:%M").tolist() == [
        "2025-04-02 06:53", "2025-04-04 19:45", "2025-04-09 12:10", "2025-04-12 08:00", "2025-04-01 00:30"]
    assert [w.key for w in result.reports[0].warnings] == [UNCHECKED_CLOCK]


def test_a_day_of_slack_either_side_of_the_period_of_the_file_name(tmp_path):
    path = _meta_export(tmp_path / "Mar-01-2025_Mar-14-2025_100000000000042.csv", [
        (900000000000001, 100000000000042, "Example Bakery", "One", '"02/28/2025 23:00"', "Photos", "Lifetime",
         500, 320, 10, 2, 1, ""),
        (900000000000002, 100000000000042, "Example Bakery", "Two", '"03/15/2025 20:00"', "Photos", "Lifetime",
         210, 150, 4, 0, 0, ""),
        (900000000000003, 100000000000042, "Example Bakery", "Three", '"03/16/2025 00:30"', "Photos", "Lifetime",
         210, 150, 4, 0, 0, ""),
    ])
    notes = [str(w) for w in import_exports(path, timezone=ZONE).reports[0].warnings if w.key != UNCHECKED_CLOCK]
    assert len(notes) == 1 and notes[0].startswith(
        "1 post has a publish time outside the period the file name gives (1 March 2025 to 14 March 2025), e.g."
        " row 4: '03/16/2025 00:30', read as 16 March 2025.")


RESAVED = META / "Apr-01-2025_Apr-14-2025_resaved-decimal-comma.csv"  # ';'-separated, as Excel in Indonesian saves


def test_a_semicolon_copy_reads_dots_as_thousands_in_counts_and_refuses_them_elsewhere(tmp_path):
    """In a copy saved by a spreadsheet in a decimal-comma language, Reach '1.000' is a thousand people (not 1:
    a count is whole). 'Seconds viewed' '185.373' is 185373 seconds with the ';' file's ',' convention, but
    185.373 as a program writing '.' saves it (pandas' to_csv(sep=';')), and no cell of the file tells which:
    refused, as in a tab-separated copy, rather than read 1000 times off. A cell that tells ('96,5') settles it."""
    with pytest.raises(ExportFormatError) as info:
        import_exports(RESAVED, timezone=ZONE)
    assert (info.value.row, info.value.column) == (2, "Seconds viewed")
    assert "(first: '185.373')" in str(info.value) and "';'-separated file" in str(info.value)
    path = tmp_path / RESAVED.name
    path.write_text(RESAVED.read_text(encoding="utf-8-sig").replace(";96\n", ";96,5\n"), encoding="utf-8")
    posts = import_exports(path, timezone=ZONE).posts.set_index("post_id")
    assert posts["reach"].tolist() == [1000, 2000, 320]
    assert posts.loc["800000000000001", "watch_time_seconds"] == 185373
    assert posts.loc["800000000000002", "watch_time_seconds"] == 96.5
    assert pd.isna(posts.loc["800000000000003", "watch_time_seconds"])  # blank: not reported, not 0
    assert posts["reactions"].tolist() == [10, 150, 7]


def test_seconds_viewed_written_either_way_in_a_tab_separated_copy_is_refused(tmp_path):
    """The same cells with tabs between them: nothing in the file tells whether '185.373' seconds is 185.373 or
    185373, so the file is refused; Reach '1.000' alone would be read, as a count is whole: 1000."""
    import csv
    import io

    rows = list(csv.reader(io.StringIO(RESAVED.read_text(encoding="utf-8-sig")), delimiter=";"))
    out = io.StringIO()
    csv.writer(out, delimiter="\t", lineterminator="\n").writerows(rows)
    path = tmp_path / RESAVED.name
    path.write_text(out.getvalue(), encoding="utf-8")
    with pytest.raises(ExportFormatError) as info:
        import_exports(path, timezone=ZONE)
    assert (info.value.row, info.value.column) == (2, "Seconds viewed")
    assert "1 cell reads 1000 times larger with '.' as a thousands separator than with '.' as the decimal mark" \
           " (first: '185.373')" in str(info.value)
    assert "1 sel terbaca 1000 kali lebih besar bila '.' pemisah ribuan daripada bila '.' pemisah desimal" \
           in info.value.in_language(Translator("id"))
    path.write_text(out.getvalue().replace("185.373", "185373"), encoding="utf-8")
    assert import_exports(path, timezone=ZONE).posts["reach"].tolist() == [1000, 2000, 320]


def test_a_thousands_dot_in_a_count_beside_a_decimal_point_is_named_as_such(tmp_path):
    """'1.500' people can only be 1500, '12.0' only 12: one column written two ways is refused, and the
    message says that '.' separates thousands in one cell (in English and in Indonesian)."""
    text = VIEWS_TWICE.read_text(encoding="utf-8-sig").replace(",320,13,", ",1.500,13,").replace(",200,7,", ",12.0,7,")
    path = tmp_path / VIEWS_TWICE.name
    path.write_text(text, encoding="utf-8-sig")
    with pytest.raises(ExportFormatError) as info:
        import_exports(path, timezone=ZONE)
    assert info.value.column == "Reach" and info.value.row == 2
    assert "the column writes numbers two ways: '12.0' (row 4) reads only with '.' as the decimal mark, '1.500'" \
           " (row 2) only with ',' as the decimal mark and '.' as a thousands separator" in str(info.value)
    assert "'1.500' (baris 2) hanya dengan ',' sebagai pemisah desimal dan '.' sebagai pemisah ribuan" \
           in info.value.in_language(Translator("id"))


DEMO_FACEBOOK = (PROJECT_ROOT / "data" / "demo" / "harbour-books"
                 / "Jul-01-2026_Oct-31-2026_100088245511032.csv")


@pytest.mark.parametrize("zone", [ZONE, None])  # named before the missing time zone is asked for
def test_a_business_suite_export_given_another_platform_is_named_as_that_platforms_export(zone):
    with pytest.raises(ExportFormatError) as info:
        import_exports(DEMO_FACEBOOK, platform="youtube", timezone=zone)
    assert str(info.value) == (f"file {DEMO_FACEBOOK}: the file holds facebook posts, not youtube\n"
                               "  what to do: leave out platform='youtube', or pick the youtube export")
    assert info.value.in_language(Translator("id")) == (
        f"berkas {DEMO_FACEBOOK}: berkas ini berisi unggahan facebook, bukan youtube\n"
        "  yang perlu dilakukan: hapus argumen platform='youtube', atau pilih ekspor youtube")


def test_an_instagram_export_given_another_platform_names_instagram():
    with pytest.raises(ExportFormatError, match=r"(?m)the file holds instagram posts, not tiktok$"):
        import_exports(RAGGED_IG, platform="tiktok", timezone=ZONE)


def test_instagram_ids_rounded_to_15_digits_by_a_spreadsheet_are_an_error(write_file):
    # 18000000000000001 saved as a number keeps 15 digits: 18000000000000000, as do the other two ids (six
    # zeros over the column, one chance in a million for real ids)
    source = FIXTURES / "meta" / "Mar-18-2025_Apr-14-2025_17800000000000099.csv"
    text = source.read_text(encoding="utf-8-sig")
    for i in (1, 2, 3):
        text = text.replace(f"\n1800000000000000{i},", "\n18000000000000000,", 1)
    path = write_file(source.name, text)
    with pytest.raises(ExportFormatError) as err:
        import_exports(path, timezone="UTC")
    assert err.value.row == 2 and err.value.column == "Post ID"
    assert "'18000000000000000'" in str(err.value)


@pytest.mark.parametrize("bom, codec", [(b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")])
def test_a_utf16_copy_ending_in_a_line_break_is_not_called_cut_off(tmp_path, bom, codec):
    """Excel's "Unicode text" is UTF-16 and tab-separated: its final line break is the bytes 0A 00 (00 0A
    big-endian), so the file's last byte is no line break. A last row short of cells (Excel leaves trailing
    blank cells out) is read as Business Suite's short row; without the final line break it is refused as a
    download cut off."""
    header = ("Post ID\tPage ID\tPage name\tTitle\tPublish time\tPermalink\tPost type\tDate\tViews\tReach\t"
              "Reactions\tComments\tShares")
    link = "https://www.facebook.com/"
    rows = [f"900000000000001\t100000000000042\tExample Bakery\tOne\t04/02/2025 08:00\t{link}1\tPhotos\tLifetime\t"
            "500\t320\t10\t2\t1",
            f"900000000000002\t100000000000042\tExample Bakery\tTwo\t04/03/2025 08:00\t{link}2\tPhotos\tLifetime\t"
            "210\t150"]
    path = tmp_path / "Apr-01-2025_Apr-14-2025_100000000000042.csv"
    text = header + "\r\n" + "\r\n".join(rows) + "\r\n"
    path.write_bytes(bom + text.encode(codec))
    warnings = [str(w) for w in import_exports(path, timezone=ZONE).reports[0].warnings]
    assert not any("cut off" in w or "final line break" in w for w in warnings), warnings
    path.write_bytes(bom + text.rstrip("\r\n").encode(codec))
    with pytest.raises(ExportFormatError) as info:
        import_exports(path, timezone=ZONE)
    assert (info.value.row, info.value.column) == (3, "Reach")
    assert "(only 10 of the header's 13 cells) and no line break follows it" in str(info.value)


def test_direction_controls_in_an_exports_text_cells_are_taken_out(tmp_path):
    # a right-to-left override pasted into the page name and the caption would print them, and the words and
    # numbers after them in a sentence, backwards; a right-to-left mark (U+200F) acts on its neighbours only
    path = _meta_export(tmp_path / "Apr-01-2025_Apr-14-2025_100000000000042.csv", [
        (900000000000001, 100000000000042, "Carol \u202eLI team", "Sale \u2067today\u2069 \u200f!",
         '"04/02/2025 08:00"', "Photos", "Lifetime", 500, 320, 10, 2, 1, ""),
    ])
    posts = import_exports(path, timezone=ZONE).posts
    assert posts["account"].tolist() == ["Carol LI team"]
    assert posts["text"].tolist() == ["Sale today \u200f!"]
    # a post type the workbook does not know is kept as written, so it is cleaned too
    path = _meta_export(tmp_path / "Apr-15-2025_Apr-28-2025_100000000000042.csv", [
        (900000000000002, 100000000000042, "Bakery", "Sale", '"04/16/2025 08:00"', "\u202eoediv", "Lifetime", 500,
         320, 10, 2, 1, ""),
    ])
    assert import_exports(path, timezone=ZONE).posts["format"].tolist() == ["oediv"]


def test_a_meta_data_comment_quoted_in_a_note_holds_no_direction_control(tmp_path):
    header = '"Post ID","Page ID","Page name",Title,"Publish time",Permalink,"Post type","Data comment",Date,Reach'
    rows = ['900000000000001,100000000000042,Bakery,One,"04/02/2025 08:00",https://x.test/1,Photos,,Lifetime,320',
            ',,,,,,,"Missing \u202eid",Lifetime,']
    path = tmp_path / "Apr-01-2025_Apr-14-2025_100000000000042.csv"
    path.write_bytes(("\ufeff" + header + "\n" + "\n".join(rows) + "\n").encode("utf-8"))
    report = import_exports(path, timezone=ZONE).reports[0]
    assert [str(reason) for reason in report.dropped] == ["empty Post ID (Missing id)"]
