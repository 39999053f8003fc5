"""A scheduling tool's export of several networks in one file, read through one column mapping: each row a post of
the network its `Network` column names (`columns: {platform: Network}`), the networks the workbook does not read
left out and counted, and a one-platform mapping beside such a column said in a note."""
from __future__ import annotations

import datetime as dt
import shutil

import pytest

from conftest import FIXTURES
from helpers.errors import ExportFormatError
from helpers.i18n import Translator
from helpers.importers import import_exports

SCHEDULER = FIXTURES / "mapped" / "scheduler"
EXPORT = SCHEDULER / "scheduler-export.csv"  # 6 rows: 2 Instagram, 2 Facebook, 1 Twitter, 1 Pinterest
MAPPING = SCHEDULER / "scheduler.yml"  # columns: {platform: Network, ...}
RELATIVE = "tests/fixtures/mapped/scheduler"  # roster paths start at the project root
PINTEREST_LEFT_OUT = "column 'Network' names a network the workbook does not read: 'Pinterest' (1 row)"


def test_each_row_is_a_post_of_the_network_its_column_names():
    result = import_exports(EXPORT, family="mapped_csv", mapping=MAPPING)
    posts = result.posts
    # 'INSTAGRAM' and 'facebook ' (a trailing space) fold to their platform, 'Twitter' is x; Pinterest is left out
    assert posts["platform"].tolist() == ["instagram", "facebook", "x", "instagram", "facebook"]
    assert posts["post_id"].tolist() == ["1001", "1001", "555", "1002", "2002"]
    assert posts["source_row"].tolist() == [2, 3, 4, 6, 7]
    by_platform = posts.groupby("platform")
    assert by_platform.size().to_dict() == {"facebook": 2, "instagram": 2, "x": 1}
    assert by_platform["impressions"].sum().to_dict() == {"facebook": 900 + 700, "instagram": 1200 + 1500, "x": 400}
    assert by_platform["reactions"].sum().to_dict() == {"facebook": 30 + 25, "instagram": 80 + 110, "x": 12}
    assert posts.loc[posts["platform"] == "x", "account"].tolist() == ["@sunnybakes"]
    assert posts["published_at"].iloc[2] == dt.datetime(2025, 4, 2, 5, 0, tzinfo=dt.timezone.utc)  # 12:00 Jakarta
    [report] = result.reports
    assert (report.rows_in_file, report.rows_imported) == (6, 5)
    assert report.dropped == {PINTEREST_LEFT_OUT: 1}
    assert (report.platform, report.platforms) == (None, ["facebook", "instagram", "x"])
    # post 1001 on Instagram and on Facebook is two posts, not one id repeated
    assert report.warnings == []
    assert result.drops() == [f"scheduler-export.csv: 1 row not imported: {PINTEREST_LEFT_OUT}"]
    assert Translator("id").message(result.drops()[0]) == (
        "scheduler-export.csv: 1 baris tidak diimpor: kolom 'Network' menyebut platform yang tidak dibaca buku kerja"
        " ini: 'Pinterest' (1 baris)")
    assert result.summary()["platform"].tolist() == ["facebook, instagram, x"]


def test_one_network_of_the_file_is_its_platform(write_file):
    csv_path = write_file("ig.csv", "Network,ID,When\nInstagram,1,2025-04-01 09:00\nIG,2,2025-04-02 09:00\n"
                                    "Threads,3,2025-04-03 09:00\n,4,2025-04-04 09:00\n")
    mapping = write_file("m.yml", "timezone: UTC\ncolumns: {platform: Network, post_id: ID, published_at: When}\n")
    result = import_exports(csv_path, family="mapped_csv", mapping=mapping)
    assert result.posts["platform"].tolist() == ["instagram", "instagram"]
    [report] = result.reports
    assert (report.platform, report.platforms) == ("instagram", ["instagram"])
    assert report.dropped == {"column 'Network' names a network the workbook does not read: 'Threads' (1 row),"
                              " blank (1 row)": 2}


def test_a_network_written_with_the_kind_of_account_is_its_platform(write_file):
    # as schedulers write the account that posted: Sprout Social's 'Facebook Page', Hootsuite's 'INSTAGRAMBUSINESS'
    cells = ["Facebook Page", "Instagram Business", "LinkedIn Company Page", "FACEBOOKPAGE", "INSTAGRAMBUSINESS",
             "Facebook Group", "YouTube Channel", "Threads Profile", "Pinterest Business"]
    rows = "".join(f"{cell},{i},2025-04-0{i} 09:00\n" for i, cell in enumerate(cells, start=1))
    csv_path = write_file("s.csv", f"Network,ID,When\n{rows}")
    mapping = write_file("m.yml", "timezone: UTC\ncolumns: {platform: Network, post_id: ID, published_at: When}\n")
    result = import_exports(csv_path, family="mapped_csv", mapping=mapping)
    assert result.posts[["platform", "post_id"]].values.tolist() == [
        ["facebook", "1"], ["instagram", "2"], ["linkedin", "3"], ["facebook", "4"], ["instagram", "5"],
        ["facebook", "6"], ["youtube", "7"]]
    assert result.reports[0].dropped == {"column 'Network' names a network the workbook does not read:"
                                         " 'Threads Profile' (1 row), 'Pinterest Business' (1 row)": 2}


def test_a_post_id_repeated_on_one_network_is_still_one_post(write_file):
    csv_path = write_file("r.csv", "Network,ID,When,Likes\nFacebook,7,2025-04-01 09:00,3\nInstagram,7,2025-04-01 09:00,5\n"
                                   "facebook,7,2025-04-01 09:00,4\n")
    mapping = write_file("m.yml", "timezone: UTC\ncolumns: {platform: Network, post_id: ID, published_at: When,"
                                  " reactions: Likes}\n")
    result = import_exports(csv_path, family="mapped_csv", mapping=mapping)
    posts = result.posts.sort_values("platform")
    assert posts[["platform", "reactions"]].values.tolist() == [["facebook", 4], ["instagram", 5]]  # the last kept
    assert "row 4 (kept) differs from 1 other row (2) in reactions" in result.reports[0].warnings[0]


def test_the_platform_given_both_ways_or_neither_is_listed_with_the_mappings_other_problems(write_file):
    both = write_file("both.yml", "platform: instagram\ncolour: red\n"
                                  "columns: {platform: Network, post_id: Post ID, published_at: Published}\n")
    with pytest.raises(ExportFormatError) as err:
        import_exports(EXPORT, family="mapped_csv", mapping=both)
    text = str(err.value)
    assert "the column mapping has 2 problems" in text and "key 'colour'" in text
    assert ("key 'platform' ('instagram') and key 'columns.platform' ('Network') both give the platform; keep one:"
            " `platform:` for one platform for every row, or `columns: {platform: ...}` for the CSV's column naming"
            " each row's network") in text
    assert ("kunci 'platform' ('instagram') dan kunci 'columns.platform' ('Network') sama-sama menentukan platform"
            in err.value.in_language(Translator("id")))
    neither = write_file("neither.yml", "columns: {post_id: Post ID, published_at: Published}\n")
    with pytest.raises(ExportFormatError) as err:
        import_exports(EXPORT, family="mapped_csv", mapping=neither)
    assert ("key 'platform': missing; one of facebook, instagram, x, youtube, tiktok, linkedin for every row, or"
            " `columns: {platform: <column>}` naming the CSV's column that gives each row's network") in str(err.value)
    assert "atau `columns: {platform: <kolom>}`" in err.value.in_language(Translator("id"))


def test_a_file_with_no_row_of_a_network_read_is_refused_with_the_values_found(write_file):
    csv_path = write_file("pins.csv", "Network,ID,When\nPinterest,1,2025-04-01 09:00\nThreads,2,2025-04-01 10:00\n"
                                      ",3,2025-04-02 10:00\npinterest,4,2025-04-03 10:00\n")
    mapping = write_file("m.yml", "timezone: UTC\ncolumns: {platform: Network, post_id: ID, published_at: When}\n")
    with pytest.raises(ExportFormatError) as err:
        import_exports(csv_path, family="mapped_csv", mapping=mapping)
    assert err.value.path == csv_path and err.value.column == "Network"
    assert str(err.value).splitlines()[:2] == [
        f"file {csv_path}, column 'Network': its 4 rows name no network the workbook reads: 'Pinterest' (2 rows),"
        " 'Threads' (1 row), blank (1 row)",
        "  expected: each row's network, one of facebook, instagram, x, youtube, tiktok, linkedin (in any case;"
        " 'Twitter' is x, 'IG' instagram, 'Facebook Page' facebook)"]
    assert ("tidak satu pun dari 4 barisnya menyebut platform yang dibaca buku kerja ini: 'Pinterest' (2 baris),"
            " 'Threads' (1 baris), kosong (1 baris)") in err.value.in_language(Translator("id"))


# --- downstream: the roster, a folder, inspect --------------------------------------------------------------

def test_a_rosters_mapped_entry_gives_the_report_each_platforms_posts(tmp_path):
    from helpers.clients import load_roster
    from helpers.report import build_report

    path = tmp_path / "clients.yml"
    path.write_text(f"""clients:
  - id: sunny
    name: Sunny Bakes
    exports:
      - files: {RELATIVE}/*.csv
        mapping: {RELATIVE}/scheduler.yml
    timezone: Asia/Jakarta
    period: {{start: 2025-04-01, end: 2025-04-04}}
""", encoding="utf-8")
    [client] = load_roster(path)
    report = build_report(**client.parameters())
    assert report.platform_posts() == {"facebook": 2, "instagram": 2, "x": 1}
    assert report.coverage_table()["platform"].tolist() == ["Facebook, Instagram and X"]
    # the file covers 1 to 4 April for each of its networks: X's one post of 2 April is no partly covered period
    for platform in ("facebook", "instagram", "x"):
        assert report._export_periods_by_file(platform) == {str(EXPORT): (dt.date(2025, 4, 1), dt.date(2025, 4, 4))}
    assert report.partly_covered_period() == {}


def test_load_folder_and_the_explorer_see_each_platforms_posts(tmp_path):
    from helpers import explore
    from helpers.explore import PARTLY_COVERED

    folder = tmp_path / "sunny"
    folder.mkdir()
    shutil.copy(EXPORT, folder)
    workspace = explore.load_folder(folder, timezone="Asia/Jakarta", mapping=MAPPING)
    assert workspace.posts.groupby("platform").size().to_dict() == {"facebook": 2, "instagram": 2, "x": 1}
    assert workspace.imported.drops() == [f"scheduler-export.csv: 1 row not imported: {PINTEREST_LEFT_OUT}"]
    x = explore.select_posts(workspace.posts, platform="x", start="2025-04-01", end="2025-04-04")
    assert len(x) == 1 and not x.attrs[PARTLY_COVERED]  # the file's days, not X's one post's


def test_inspect_names_the_platforms_of_a_file_of_several(capsys):
    from helpers.__main__ import main

    assert main(["inspect", str(EXPORT), "--mapping", str(MAPPING), "--timezone", "Asia/Jakarta"]) == 0
    out = capsys.readouterr().out
    assert "  platform:     facebook, instagram, x\n" in out
    assert "  rows:         6 in file, 5 imported, 1 dropped\n" in out
    assert f"    dropped 1: {PINTEREST_LEFT_OUT}\n" in out


# --- a one-platform mapping beside a column naming each row's network ----------------------------------------

def test_a_one_platform_mapping_beside_a_network_column_naming_others_says_so(write_file):
    mapping = write_file("one.yml", MAPPING.read_text(encoding="utf-8").replace(
        "timezone: Asia/Jakarta\n", "platform: instagram\ntimezone: Asia/Jakarta\n").replace(
        "  platform: Network", "  # platform: Network"))
    result = import_exports(EXPORT, family="mapped_csv", mapping=mapping)
    assert result.posts["platform"].eq("instagram").all()  # as the mapping says, Pinterest included
    assert len(result.posts) == 5  # post 1001 on Facebook is taken for a repeat of 1001 on Instagram
    note = result.reports[0].warnings[0]
    assert note == ("column 'Network' names each row's network, not only that of the mapping's `platform:"
                    " instagram`: 'Instagram' (2 rows), 'Facebook' (2 rows), 'Twitter' (1 row), 'Pinterest' (1 row);"
                    " every row was read as a post of Instagram. To read each row as a post of the network it names,"
                    " add `platform: Network` under `columns:` in the mapping and delete `platform: instagram`")
    assert Translator("id").message(note) == (
        "kolom 'Network' menyebut platform setiap baris, tidak hanya platform dari `platform: instagram` pada"
        " pemetaan: 'Instagram' (2 baris), 'Facebook' (2 baris), 'Twitter' (1 baris), 'Pinterest' (1 baris); semua"
        " baris dibaca sebagai unggahan Instagram. Agar setiap baris dibaca sebagai unggahan platform yang"
        " disebutnya, tambahkan `platform: Network` di bawah `columns:` pada pemetaan dan hapus `platform: instagram`")


def test_only_a_column_naming_other_networks_is_noted(write_file):
    mapping = write_file("m.yml", "platform: instagram\ntimezone: UTC\ncolumns: {post_id: ID, published_at: When}\n")
    for header, cells, noted in (
            ("Social  network", ["Facebook", "Facebook"], "'Facebook' (2 rows)"),  # another platform than the mapping's
            ("Platform", ["Instagram", "Threads"], "'Instagram' (1 row), 'Threads' (1 row)"),  # a network not read
            ("Channel", ["Sunny Bakes", "Sunny Bakes"], None),  # a channel's name: no network column
            ("Network", ["IG", ""], None)):  # the mapping's platform alone (a blank names no other)
        rows = "".join(f"{i},2025-04-0{i} 09:00,{cell}\n" for i, cell in enumerate(cells, start=1))
        csv_path = write_file("p.csv", f"ID,When,{header}\n{rows}")
        warnings = import_exports(csv_path, family="mapped_csv", mapping=mapping).reports[0].warnings
        if noted is None:
            assert warnings == [], header
        else:
            [note] = warnings
            assert f"names each row's network, not only that of the mapping's `platform: instagram`: {noted};" in note
            assert f"add `platform: {header}` under `columns:` in the mapping" in note


def test_the_notes_advice_followed_as_written_reads_each_rows_network(write_file):
    # the note's advice done line by line: `platform: Network` added under the mapping's one `columns:`
    mapping = write_file("m.yml", "platform: instagram\ntimezone: Asia/Jakarta\ncolumns:\n  post_id: Post ID\n"
                                  "  published_at: Published\n")
    note = import_exports(EXPORT, family="mapped_csv", mapping=mapping).reports[0].warnings[0]
    assert "add `platform: Network` under `columns:` in the mapping and delete `platform: instagram`" in note
    mapping.write_text(mapping.read_text().replace("platform: instagram\n", "").replace(
        "columns:\n", "columns:\n  platform: Network\n"), encoding="utf-8")
    assert import_exports(EXPORT, family="mapped_csv", mapping=mapping).posts["platform"].tolist() == [
        "instagram", "facebook", "x", "instagram", "facebook"]


def test_a_second_columns_key_is_refused_not_read_in_place_of_the_first(write_file):
    # YAML keeps the last of two keys: the first `columns:`, with post_id and published_at, would be dropped
    mapping = write_file("m.yml", "timezone: Asia/Jakarta\ncolumns:\n  post_id: Post ID\n  published_at: Published\n"
                                  "columns: {platform: Network}\n")
    with pytest.raises(ExportFormatError) as err:
        import_exports(EXPORT, family="mapped_csv", mapping=mapping)
    assert str(err.value).splitlines() == [
        f"file {mapping}: line 5: key 'columns' is given a second time (first at line 2); YAML would keep only the"
        " last and drop what the first holds",
        "  what to do: merge the two into one: each setting once, and every column under one `columns:`"]
    assert err.value.in_language(Translator("id")).splitlines()[0] == (
        f"berkas {mapping}: baris 5: kunci 'columns' diberikan untuk kedua kalinya (yang pertama di baris 2); YAML"
        " hanya akan menyimpan yang terakhir dan membuang isi yang pertama")
    # a column named twice under one `columns:` too
    mapping.write_text("platform: x\ntimezone: UTC\ncolumns:\n  post_id: Post ID\n  published_at: Published\n"
                       "  post_id: Network\n", encoding="utf-8")
    with pytest.raises(ExportFormatError, match=r"line 6: key 'post_id' is given a second time \(first at line 4\)"):
        import_exports(EXPORT, family="mapped_csv", mapping=mapping)


# --- the top-level `platform:` ---------------------------------------------------------------------------------

def test_a_top_level_platform_is_read_as_a_network_cell_is(write_file):
    for written, meant in (("Twitter", "x"), ("IG", "instagram"), ("Facebook Page", "facebook")):
        mapping = write_file("m.yml", f"platform: {written}\ntimezone: UTC\ncolumns: {{post_id: ID, published_at: When}}\n")
        csv_path = write_file("p.csv", "ID,When\n1,2025-04-01 09:00\n")
        result = import_exports(csv_path, family="mapped_csv", mapping=mapping)
        assert result.posts["platform"].tolist() == [meant], written
        assert result.reports[0].platform == meant


def test_a_top_level_platform_naming_a_column_of_the_csv_is_said_to_belong_under_columns(write_file, tmp_path):
    mapping = write_file("m.yml", "platform: Network\ntimezone: Asia/Jakarta\ncolumns:\n  post_id: Post ID\n"
                                  "  published_at: Published\n")
    with pytest.raises(ExportFormatError) as err:
        import_exports(EXPORT, family="mapped_csv", mapping=mapping)
    assert str(err.value).splitlines()[:2] == [
        f"file {mapping}: the column mapping has 1 problem:",
        "    - key 'platform': 'Network' is a column of the CSV, not a platform; to read each row as a post of the"
        " network that column names, add `platform: Network` under `columns:` and delete the top-level `platform:`"]
    assert err.value.in_language(Translator("id")).splitlines()[1] == (
        "    - kunci 'platform': 'Network' adalah kolom CSV, bukan platform; agar setiap baris dibaca sebagai unggahan"
        " platform yang disebut kolom itu, tambahkan `platform: Network` di bawah `columns:` dan hapus `platform:`"
        " di tingkat atas")
    # a column the CSV does not have is no platform, and no column either
    mapping.write_text(mapping.read_text().replace("platform: Network", "platform: Profiles"), encoding="utf-8")
    with pytest.raises(ExportFormatError, match=r"key 'platform': 'Profiles' is not one of facebook, instagram, x,"):
        import_exports(EXPORT, family="mapped_csv", mapping=mapping)
    # checked before any CSV is read (a folder's mapping), a network column's usual name is said as maybe one
    from helpers import explore

    mapping.write_text(mapping.read_text().replace("platform: Profiles", "platform: social network"),
                       encoding="utf-8")
    with pytest.raises(ExportFormatError) as err:
        explore.load_folder(tmp_path, timezone="UTC", mapping=mapping)
    assert ("key 'platform': 'social network' is not one of facebook, instagram, x, youtube, tiktok, linkedin; if it"
            " is the CSV's column naming each row's network, add `platform: social network` under `columns:` and"
            " delete the top-level `platform:`") in str(err.value)
    assert ("jika itu kolom CSV yang menyebut platform setiap baris, tambahkan `platform: social network` di bawah"
            " `columns:` dan hapus `platform:` di tingkat atas") in err.value.in_language(Translator("id"))
