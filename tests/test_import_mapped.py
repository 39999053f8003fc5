"""A CSV read through a user's YAML column mapping (the 'anything else' importer)."""
from __future__ import annotations

import time

import pandas as pd
import pytest

from conftest import FIXTURES, REAL_EXPORTS
from helpers.errors import ExportFormatError, WorkbookError
from helpers.importers import detect_family, family_named, import_exports
from helpers.importers.base import ImportedFile
from helpers.importers.mapped_csv import load_mapped_csv
from helpers.importers.reading import normalise_name

MAPPED = FIXTURES / "mapped"
PLANNER = MAPPED / "planner-export.csv"
PLANNER_MAP = MAPPED / "planner.yml"


def test_mapped_csv_through_import_exports():
    result = import_exports(PLANNER, family="mapped_csv", mapping=PLANNER_MAP, timezone="Europe/Berlin")
    posts = result.posts.set_index("post_id")
    assert posts.index.tolist() == ["0012", "0013", "0015"]  # ids kept as text: leading zeros stay
    assert posts["platform"].eq("instagram").all() and posts["account"].eq("Example Bakery").all()
    assert posts["reach"].sum() == 2460 and pd.isna(posts.loc["0015", "reach"])  # 'n/a' is not 0
    assert posts["impressions"].sum() == 3625 and posts["impressions_kind"].eq("impressions").all()
    assert posts["reactions"].sum() == 147 and posts["comments"].sum() == 18
    assert posts["saves"].sum() == 16 and pd.isna(posts.loc["0013", "saves"])
    assert posts["paid"].tolist() == [True, False, pd.NA]
    assert posts["format"].tolist() == ["reel", "carousel", "image"]
    assert posts.loc["0013", "text"] == "Three new cakes; which one first?"
    assert posts["published_precision"].eq("minute").all()
    assert posts.loc["0012", "published_at"] == pd.Timestamp("2025-03-18 09:48", tz="Europe/Berlin")
    # 02:30 on the night clocks go forward does not exist: moved forward to 03:00 summer time
    assert posts.loc["0015", "published_at"] == pd.Timestamp("2025-03-30 03:00", tz="Europe/Berlin")
    assert posts["source_row"].tolist() == [2, 3, 5]
    report = result.reports[0]
    assert (report.rows_in_file, report.rows_imported, report.dropped) == (4, 3, {"empty post id": 1})
    assert report.family == "mapped_csv"


def test_load_mapped_csv_returns_an_imported_file_in_the_given_zone():
    imported = load_mapped_csv(PLANNER, PLANNER_MAP, timezone="UTC")
    assert isinstance(imported, ImportedFile)
    assert imported.posts["published_at"].iloc[0] == pd.Timestamp("2025-03-18 08:48", tz="UTC")
    assert "spend" not in imported.posts  # not mapped: left for conform to fill with NA


def test_offsets_in_the_file_need_no_timezone_and_views_kind():
    posts = import_exports(MAPPED / "iso-times.csv", family="mapped_csv", mapping=MAPPED / "iso.yml").posts
    assert posts["published_at"].tolist() == [pd.Timestamp("2025-03-18 08:48", tz="UTC"),
                                              pd.Timestamp("2025-03-19 17:05", tz="UTC")]
    assert posts["impressions"].tolist() == [100, pd.NA]
    assert posts["impressions_kind"].tolist() == ["views", pd.NA]
    assert posts["platform"].eq("tiktok").all()


def test_every_mapping_problem_is_listed_at_once():
    with pytest.raises(ExportFormatError) as err:
        import_exports(PLANNER, family="mapped_csv", mapping=MAPPED / "broken.yml")
    message = str(err.value)
    assert err.value.path.name == "broken.yml"
    assert "5 problems" in message
    assert "key 'colour'" in message  # unknown setting
    assert "key 'platform': 'myspace'" in message  # bad platform
    assert "key 'columns.likes'" in message  # unknown canonical name
    assert "key 'columns.comments': the CSV has no column 'Replies'" in message
    assert "key 'columns.post_id': missing" in message


def test_missing_platform_and_published_at(write_file):
    mapping = write_file("m.yml", "columns:\n  post_id: ID\n")
    with pytest.raises(ExportFormatError) as err:
        load_mapped_csv(PLANNER, mapping)
    assert "key 'platform': missing" in str(err.value)
    assert "key 'columns.published_at': missing" in str(err.value)


def test_naive_times_without_any_timezone_are_refused(write_file):
    text = PLANNER_MAP.read_text().replace("timezone: Europe/Berlin\n", "")
    mapping = write_file("no-zone.yml", text)
    with pytest.raises(ExportFormatError, match="no time zone") as err:
        load_mapped_csv(PLANNER, mapping)
    assert err.value.path == mapping
    # with the import's timezone it works
    assert len(load_mapped_csv(PLANNER, mapping, timezone="Europe/Berlin").posts) == 3


def test_bad_date_names_row_and_value():
    with pytest.raises(ExportFormatError) as err:
        import_exports(MAPPED / "bad-date.csv", family="mapped_csv", mapping=MAPPED / "bad-date.yml")
    assert err.value.row == 3 and err.value.column == "Posted on" and "'2025-03-19'" in str(err.value)
    assert "date_format" in str(err.value)


def test_non_numeric_count_names_row(write_file):
    csv_path = write_file("p.csv", "ID,Posted on,Accounts reached\n1,2025-03-18 09:48,12\n2,2025-03-19 10:00,lots\n")
    mapping = write_file("p.yml", "platform: facebook\ntimezone: UTC\n"
                                  "columns: {post_id: ID, published_at: Posted on, reach: Accounts reached}\n")
    with pytest.raises(ExportFormatError) as err:
        load_mapped_csv(csv_path, mapping)
    assert err.value.row == 3 and err.value.column == "Accounts reached" and "'lots'" in str(err.value)


def test_invalid_yaml_and_missing_mapping(write_file):
    broken = write_file("bad.yml", "platform: [instagram\ncolumns: {")
    with pytest.raises(ExportFormatError, match="not valid YAML"):
        load_mapped_csv(PLANNER, broken)
    with pytest.raises(ExportFormatError, match="does not exist"):
        load_mapped_csv(PLANNER, MAPPED / "no-such-mapping.yml")
    with pytest.raises(ExportFormatError, match="mapping="):
        import_exports(PLANNER, family="mapped_csv")


def test_never_auto_detected():
    family = family_named("mapped_csv")
    assert all(normalise_name(name) != name for name in family.signature)  # can never equal a header name
    with pytest.raises(ExportFormatError, match="mapped_csv"):  # the error shows how to map it
        detect_family(PLANNER)
    files = [p for p in MAPPED.glob("*.csv")]
    if REAL_EXPORTS.is_dir():
        files += [p for p in REAL_EXPORTS.rglob("*.csv")]
    for path in files:
        try:
            assert detect_family(path).name != "mapped_csv", path
        except (ExportFormatError, WorkbookError):
            pass


def test_a_column_map_s_time_zone_in_other_capitals_gets_the_name_meant(write_file):
    mapping = write_file("p.yml", "platform: facebook\ntimezone: europe/berlin\n"
                                  "columns: {post_id: ID, published_at: Posted on}\n")
    with pytest.raises(ExportFormatError) as err:
        load_mapped_csv(PLANNER, mapping)
    assert ("key 'timezone': 'europe/berlin' is not an IANA time zone name (like 'Europe/Berlin'); probably"
            " 'Europe/Berlin'") in str(err.value)


def test_mapped_names_its_files_as_text_or_from_the_project_root(write_file):
    """import_exports' `mapped` takes its files and mappings as the paths read are taken: as text, relative to
    the project root, or as a pattern; a file it names that is not read is an error, not a file passed over
    and then refused as no export the workbook knows."""
    from helpers.paths import PROJECT_ROOT

    expected = import_exports(PLANNER, family="mapped_csv", mapping=PLANNER_MAP, timezone="Europe/Berlin").posts
    relative = str(PLANNER.relative_to(PROJECT_ROOT))
    for key, mapping in ((str(PLANNER), str(PLANNER_MAP)), (relative, str(PLANNER_MAP.relative_to(PROJECT_ROOT))),
                         (str(MAPPED / "planner-*.csv"), PLANNER_MAP)):
        posts = import_exports(str(PLANNER), mapped={key: mapping}, timezone="Europe/Berlin").posts
        assert len(posts) == 3 and posts["post_id"].tolist() == expected["post_id"].tolist()
    other = write_file("other.csv", "id,date\n1,2025-01-01\n")
    with pytest.raises(WorkbookError, match="mapped= names .*other.csv to be read through the column mapping") as err:
        import_exports(PLANNER, mapped={str(other): str(PLANNER_MAP)}, timezone="Europe/Berlin")
    assert f"not among the files read (e.g. {PLANNER})" in str(err.value)


def test_a_mapping_whose_aliases_repeat_a_huge_value_is_refused_at_once(tmp_path):
    # a0 stands for 10 values, a1 for 91, a2 for 820, a3 for 7,381, a4 for 66,430: the aliases of lines 4 to 7
    # bring in 74,718 values, and the first *a4 of line 8 takes them past 100,000
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{n}: &a{n} [{','.join([f'*a{n - 1}'] * 9)}]" for n in range(1, 6)]
    mapping = tmp_path / "bomb.yml"
    mapping.write_text("platform: tiktok\ntimezone: Asia/Jakarta\n" + "\n".join(lines)
                       + "\ncolumns:\n  post_id: *a5\n  published_at: Post time\n", encoding="utf-8")
    started = time.monotonic()
    with pytest.raises(ExportFormatError) as err:
        import_exports(PLANNER, family="mapped_csv", mapping=mapping)
    assert time.monotonic() - started < 1
    assert err.value.path == mapping
    assert err.value.problem == ("line 8: the alias *a4 makes the column mapping repeat more than 100,000 values "
                                 "(anchors repeated inside other anchors, or inside themselves)")
    assert "a column mapping needs no aliases" in str(err.value)


def test_a_long_cell_is_quoted_by_its_first_80_characters(tmp_path):
    export = tmp_path / "posts.csv"
    export.write_text("post,when,views\na1,2025-03-18T09:48:00+01:00,100\na2," + "X" * 50_000 + ",7\n",
                      encoding="utf-8")
    with pytest.raises(ExportFormatError) as err:
        import_exports(export, family="mapped_csv", mapping=MAPPED / "iso.yml")
    # the quote, 78 characters of the cell and an ellipsis: 80 characters in all
    assert err.value.problem == "1 cell cannot be read as a date; first: '" + "X" * 78 + "…"


def test_a_repeated_post_id_is_noted_once_with_its_columns_by_their_labels(tmp_path):
    mapping = tmp_path / "m.yml"
    mapping.write_text("platform: tiktok\ntimezone: Asia/Jakarta\n"
                       "columns: {post_id: id, published_at: when, text: text, reach: reach}\n", encoding="utf-8")
    export = tmp_path / "posts.csv"
    export.write_text("id,when,text,reach\np1,2025-02-03T10:00,first,5\np1,2025-02-04T10:00,second,5\n"
                      "p2,2025-02-05T10:00,x,3\n", encoding="utf-8")
    result = import_exports(export, family="mapped_csv", mapping=mapping)
    assert result.posts["post_id"].tolist() == ["p1", "p2"]  # row 3 kept for p1
    [note] = result.reports[0].warnings
    assert str(note) == ("1 post id appears in more than one row of this file with values that differ: row 3 (kept) "
                         "differs from 1 other row (2) in publish time, post text. The last row of each post is "
                         "kept, but the export does not say which row holds the post's figures. Check these rows "
                         "in the export, or download it again")
