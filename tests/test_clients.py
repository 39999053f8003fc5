"""Roster validation: every problem listed at once, each naming the client and the key."""
import datetime as dt
import os
import re
import time
from pathlib import Path

import pytest

from helpers.clients import load_roster
from helpers.errors import RosterError, WorkbookError
from helpers.paths import DEMO_ROSTER, PROJECT_ROOT


def roster(tmp_path, text):
    path = tmp_path / "clients.yml"
    path.write_text(text, encoding="utf-8")
    return path


def test_bundled_roster_has_at_least_two_demo_clients():
    clients = load_roster(DEMO_ROSTER)
    assert len(clients) >= 2
    assert all(c.parameters()["exports"] for c in clients)


def test_every_problem_is_listed_with_client_and_key(tmp_path):
    path = roster(tmp_path, """
clients:
  - id: ../escape
    name: Bad Id
    exports: [data/demo/kopi-senja/*.csv]
    timezone: Asia/Jakarta
    period: {start: 2026-09-01, end: 2026-10-31}
  - id: good-id
    name: Missing Files
    exports: [data/demo/nowhere.csv, data/demo/none-*.csv]
    timezone: Mars/Olympus
    period: {start: 2026-10-31, end: 2026-09-01}
    colour: red
  - id: no-period
    name: No Period
    exports: [data/demo/harbour-books/*.csv]
    timezone: UTC
""")
    with pytest.raises(RosterError) as info:
        load_roster(path)
    problems = info.value.problems
    text = "\n".join(problems)
    assert "client '../escape': key 'id'" in text
    assert "client 'good-id': key 'exports': file not found: data/demo/nowhere.csv" in text
    assert "client 'good-id': key 'exports': the pattern 'data/demo/none-*.csv' matches no file" in text
    assert "client 'good-id': key 'timezone'" in text
    assert "client 'good-id': key 'period': end 2026-09-01 is before start 2026-10-31" in text
    assert "client 'good-id': unknown key 'colour'" in text
    assert "client 'no-period': missing key 'period'" in text
    assert len(problems) == 7


def test_a_misspelt_key_is_given_the_key_it_likely_means(tmp_path):
    path = roster(tmp_path, """
clients:
  - id: acme
    name: Acme
    exports: [data/demo/kopi-senja/*.csv]
    timezone: UTC
    period: {start: 2026-09-01, end: 2026-10-31}
    langauge: id
    branding: {name: Acme, accent_color: "#112233"}
    flavour: strong
""")
    with pytest.raises(RosterError) as info:
        load_roster(path)
    text = "\n".join(info.value.problems)
    assert "unknown key 'langauge'" in text and "did you mean 'language'?" in text
    assert "unknown key 'branding.accent_color'" in text and "did you mean 'branding.accent_colour'?" in text
    flavour = next(p for p in info.value.problems if "'flavour'" in p)
    assert "did you mean" not in flavour  # nothing close: no guess


def test_a_required_key_misspelt_is_one_problem_not_an_unknown_key_and_a_missing_one(tmp_path):
    """'export:' is 'exports:' misspelt: said once, with what the key holds. 'timezon:' beside 'timezone:' is
    an unknown key only, and a client lacking 'period' with no slip of it is told it is missing."""
    path = roster(tmp_path, """
clients:
  - id: acme
    name: Acme
    export: [data/demo/kopi-senja/*.csv]
    timezone: UTC
    timezon: UTC
""")
    for language, said in (("en", "client 'acme': unknown key 'export', which looks like the required key 'exports'"
                                   " misspelt (list of export files or glob patterns, relative to the project root):"
                                   " rename it 'exports'"),
                           ("id", "klien 'acme': kunci 'export' tidak dikenal dan tampaknya salah ketik dari kunci"
                                  " wajib 'exports' (daftar berkas ekspor atau pola glob, relatif terhadap folder akar"
                                  " proyek): ganti namanya menjadi 'exports'")):
        with pytest.raises(RosterError) as info:
            load_roster(path, language=language)
        problems = info.value.problems
        assert len(problems) == 3 and problems[0] == said
        assert "'timezon'" in problems[1] and "'period'" in problems[2]


@pytest.mark.parametrize("bad_id", ["/etc", "two words", "UPPER", "a/b", ""])
def test_path_unsafe_ids_are_refused(tmp_path, bad_id):
    path = roster(tmp_path, f"""
clients:
  - id: "{bad_id}"
    name: X
    exports: [data/demo/kopi-senja/*.csv]
    timezone: UTC
    period: {{start: 2026-09-01, end: 2026-10-31}}
""")
    with pytest.raises(RosterError, match="key 'id'"):
        load_roster(path)


def test_not_yaml_and_missing_roster(tmp_path):
    with pytest.raises(RosterError, match="does not exist"):
        load_roster(tmp_path / "nope.yml")
    with pytest.raises(RosterError, match="not valid YAML"):
        load_roster(roster(tmp_path, "clients: [\n"))


def test_a_yaml_slip_is_named_by_line_and_column_with_what_to_do(tmp_path):
    """PyYAML's own text names no file ("<unicode string>") and says nothing of what to do."""
    with pytest.raises(RosterError) as info:
        load_roster(roster(tmp_path, 'clients:\n  - id: a\n    name: "A\n    exports: [x.csv]\n'))
    assert info.value.problems == [
        "line 5, column 1: not valid YAML (the YAML reader says: while scanning a quoted scalar at line 3, column 11:"
        " found unexpected end of stream): check this line and the ones above it: each client's keys indented"
        " alike with spaces, a space after each colon, quotes around a value that holds ': ', quotes and"
        " brackets closed"]
    assert "<unicode string>" not in str(info.value)
    with pytest.raises(RosterError) as info:
        load_roster(roster(tmp_path, "clients:\n  - id: a\n    name: x: y\n"), language="id")
    assert info.value.problems == ["baris 3, kolom 12: nilai 'name' memuat ': ', yang dibaca YAML sebagai awal kunci"
                                   ' lain: apit nilainya dengan tanda kutip: name: "x: y"']


def test_a_tab_in_the_roster_is_named_as_a_tab(tmp_path):
    with pytest.raises(RosterError) as info:
        load_roster(roster(tmp_path, "clients:\n  - id: a\n\tname: x\n"))
    assert info.value.problems == [
        "line 3, column 1: a tab character, which YAML does not allow for indenting: replace it with spaces"
        " (editors have a setting to type spaces for the Tab key)"]
    with pytest.raises(RosterError) as info:
        load_roster(roster(tmp_path, "clients:\n\t- id: a\n"), language="id")
    assert info.value.problems[0].startswith("baris 2, kolom 1: karakter tab")


DEMO_CLIENT = """  - id: {id}
    name: {id}
    exports: [data/demo/kopi-senja/*.csv]
    timezone: Asia/Jakarta
    period: {{start: 2026-09-01, end: 2026-10-31}}
"""


def test_a_second_clients_list_is_refused_rather_than_dropping_the_first(tmp_path):
    """YAML keeps the last of a repeated key: a roster with another `clients:` appended lost its first list."""
    text = "clients:\n" + DEMO_CLIENT.format(id="first") + "clients:\n" + DEMO_CLIENT.format(id="second")
    with pytest.raises(RosterError) as info:
        load_roster(roster(tmp_path, text))
    assert info.value.problems == [
        "line 7: key 'clients' is given a second time (first at line 1); YAML would keep only the last and drop"
        " what the first holds: merge the two into one (a roster has one 'clients' list, and each client each"
        " key once)"]


@pytest.mark.parametrize("repeat, line, first", [
    ("    period: {start: 2026-10-01, end: 2026-10-31}\n", 7, 6),  # a second period: the first was used unseen
    ("    top_n: 5\n    top_n: 8\n", 8, 7),
])
def test_a_key_given_twice_in_a_client_is_refused_with_both_lines(tmp_path, repeat, line, first):
    with pytest.raises(RosterError) as info:
        load_roster(roster(tmp_path, "clients:\n" + DEMO_CLIENT.format(id="twice") + repeat), language="id")
    assert info.value.problems[0].startswith(f"baris {line}: kunci ")
    assert f"(yang pertama di baris {first})" in info.value.problems[0]


def test_a_date_repeated_inside_one_flow_mapping_is_refused_too(tmp_path):
    text = "clients:\n" + DEMO_CLIENT.format(id="flow").replace("end: 2026-10-31", "start: 2026-10-31")
    with pytest.raises(RosterError, match="line 6: key 'start' is given a second time \\(first at line 6\\)"):
        load_roster(roster(tmp_path, text))


def test_yaml_anchors_and_merges_still_read(tmp_path):
    text = ("defaults: &defaults\n  timezone: Asia/Jakarta\n  period: {start: 2026-09-01, end: 2026-10-31}\n"
            "clients:\n  - <<: *defaults\n    id: merged\n    name: Merged\n"
            "    exports: [data/demo/kopi-senja/*.csv]\n    timezone: UTC\n")
    [client] = load_roster(roster(tmp_path, text))  # a key of the client overrides the merged one: no repeat
    assert (client.timezone, str(client.period_start)) == ("UTC", "2026-09-01")


def test_a_top_level_key_holding_an_anchor_one_level_down_is_let_be(tmp_path):
    """`common:` has no anchor of its own, but its `tz` has one the client's alias uses: nothing to refuse."""
    text = ("common:\n  tz: &tz Asia/Jakarta\nclients:\n  - id: nested\n    name: Nested\n    timezone: *tz\n"
            "    period: {start: 2026-09-01, end: 2026-10-31}\n    exports: [data/demo/kopi-senja/*.csv]\n")
    [client] = load_roster(roster(tmp_path, text))
    assert (client.id, client.timezone) == ("nested", "Asia/Jakarta")


def _top_level_problems(tmp_path, text):
    with pytest.raises(RosterError) as info:
        load_roster(roster(tmp_path, text))
    return info.value.problems


SECOND_LIST_CLOSE = ("line 7: key 'client' at the top level is not read; did you mean 'clients'? A roster has one"
                     " 'clients' list: move the clients under 'client' into it, indented as the clients above are,"
                     " then remove the key 'client'")


def test_a_second_client_list_repeating_an_anchor_of_the_first_is_still_named(tmp_path):
    """`client:` below the list, its client's `timezone: *tz` an alias of the first list's anchor: the alias
    defines no anchor of the key's own, so its client is named as not read rather than dropped."""
    text = ("clients:\n" + DEMO_CLIENT.format(id="acme").replace("Asia/Jakarta", "&tz Asia/Jakarta")
            + "client:\n" + DEMO_CLIENT.format(id="bakery").replace("Asia/Jakarta", "*tz"))
    assert _top_level_problems(tmp_path, text) == [SECOND_LIST_CLOSE]


def test_a_second_client_list_defining_its_own_anchor_is_still_named(tmp_path):
    text = ("clients:\n" + DEMO_CLIENT.format(id="acme")
            + "client:\n" + DEMO_CLIENT.format(id="bakery").replace("Asia/Jakarta", "&tz2 Asia/Jakarta"))
    assert _top_level_problems(tmp_path, text) == [SECOND_LIST_CLOSE]


def test_a_list_of_clients_under_another_name_is_named_even_with_an_anchor(tmp_path):
    """`more:` is no name close to 'clients', but it holds a list of clients: the anchor does not hide it."""
    text = ("clients:\n" + DEMO_CLIENT.format(id="acme")
            + "more:\n" + DEMO_CLIENT.format(id="bakery").replace("Asia/Jakarta", "&tz2 Asia/Jakarta"))
    assert _top_level_problems(tmp_path, text) == [
        "line 7: key 'more' at the top level is not read: a roster holds its clients in the 'clients' list and no"
        " other key at the top level; remove it, or move what it holds into a client of that list"]


def test_a_top_level_key_holding_only_an_alias_is_named(tmp_path):
    """`zone: *tz` repeats the clients' anchor and defines none: nothing reads it."""
    text = ("clients:\n" + DEMO_CLIENT.format(id="acme").replace("Asia/Jakarta", "&tz Asia/Jakarta")
            + "zone: *tz\n")
    assert _top_level_problems(tmp_path, text) == [
        "line 7: key 'zone' at the top level is not read: a roster holds its clients in the 'clients' list and no"
        " other key at the top level; remove it, or move what it holds into a client of that list"]


#: Anchors repeated nine times inside each other: a0 stands for 10 values (the list and its 9 texts), a1 for
#: 1 + 9 x 10 = 91, a2 for 820, a3 for 7,381, a4 for 66,430; the aliases of lines 2 to 5 bring in 90 + 819 +
#: 7,380 + 66,429 = 74,718 values, and the first *a4 of line 6 takes them past 100,000.
ALIAS_BOMB = ('x0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
              + "".join(f"x{n}: &a{n} [{','.join([f'*a{n - 1}'] * 9)}]\n" for n in range(1, 6)))


def test_aliases_repeating_a_huge_value_are_refused_at_their_line_at_once(tmp_path):
    text = ALIAS_BOMB + "clients:\n" + DEMO_CLIENT.format(id="bomb").replace("name: bomb", "name: *a5")
    started = time.monotonic()
    with pytest.raises(RosterError) as info:
        load_roster(roster(tmp_path, text), language="id")
    assert time.monotonic() - started < 1
    assert info.value.problems == [
        "baris 6: alias *a4 membuat daftar klien mengulang lebih dari 100.000 nilai (anchor yang diulang di dalam "
        "anchor lain, atau di dalam dirinya sendiri), yang tidak diperlukan daftar klien mana pun: tuliskan "
        "nilainya langsung alih-alih mengulangnya dengan alias"]


def test_an_anchor_repeated_inside_itself_is_refused(tmp_path):
    text = "loop: &a [1, *a]\nclients:\n" + DEMO_CLIENT.format(id="loop")
    with pytest.raises(RosterError, match=r"line 1: the alias \*a makes the roster repeat more than 100,000 values"):
        load_roster(roster(tmp_path, text))


def test_a_whole_number_too_long_to_read_is_a_roster_problem_at_its_line(tmp_path):
    """Python refuses to read an int of over 4,300 digits (a ValueError); the roster says it at its line."""
    text = "clients:\n" + DEMO_CLIENT.format(id="long").replace("name: long", "name: " + "1" * 5_000)
    with pytest.raises(RosterError, match=r"line 3, column 11: not valid YAML \(the YAML reader says: a whole number"
                                          r" of 5,000 digits, too long to read\)"):
        load_roster(roster(tmp_path, text))


def test_roster_problems_in_indonesian(tmp_path):
    path = roster(tmp_path, """
clients:
  - id: Bad Id
    name: X
    exports: [data/demo/nowhere.csv]
    timezone: UTC
""")
    with pytest.raises(RosterError) as info:
        load_roster(path, language="id")
    text = str(info.value)
    assert "memiliki 3 masalah" in text
    assert "klien 'Bad Id': kunci 'id' bernilai 'Bad Id'" in text
    assert "berkas tidak ditemukan: data/demo/nowhere.csv" in text
    assert "kunci 'period' tidak ada" in text


def test_repeated_ids_empty_exports_and_unknown_industries_are_named(tmp_path):
    path = roster(tmp_path, """
clients:
  - id: dup
    name: A
    exports: ["data/demo/kopi-senja/*.csv"]
    timezone: UTC
    period: {start: 2026-09-01, end: 2026-10-31}
    benchmark_industry: Health and Beauty
  - id: dup
    name: B
    exports: []
    timezone: UTC
    period: {start: 2026-09-01, end: 2026-10-31}
""")
    with pytest.raises(RosterError) as caught:
        load_roster(path)
    text = str(caught.value)
    assert ("client #1 (id 'dup'): key 'benchmark_industry': 'Health and Beauty' is not an industry of the"
            " benchmarks; known: Health & Beauty") in text
    assert "client #2 (id 'dup'): key 'id' repeats the id of client #1" in text  # which of the two is meant
    assert "client #2 (id 'dup'): key 'exports' is an empty list" in text


def test_a_roster_not_saved_as_utf8_is_named_with_the_line_and_column_to_fix(tmp_path):
    text = DEMO_ROSTER.read_text(encoding="utf-8").replace("name: Harbour Books", "name: Harbour Böoks")
    path = tmp_path / "clients.yml"
    path.write_bytes(text.encode("cp1252"))
    line = next(n for n, row in enumerate(text.splitlines(), start=1) if "Böoks" in row)
    column = text.splitlines()[line - 1].index("ö") + 1
    with pytest.raises(RosterError) as info:
        load_roster(path)
    assert str(path) in str(info.value)
    assert info.value.problems == [f"line {line}, column {column}: byte 0xf6 is not UTF-8 text: save the roster as"
                                   " UTF-8 (in your editor: Save As, encoding UTF-8)"]
    with pytest.raises(RosterError, match=f"baris {line}, kolom {column}: byte 0xf6 bukan teks UTF-8"):
        load_roster(path, language="id")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-8-sig"])
def test_a_roster_saved_as_utf16_or_with_a_byte_order_mark_reads_the_same(tmp_path, encoding):
    text = DEMO_ROSTER.read_text(encoding="utf-8").replace("name: Harbour Books", "name: Harbour Böoks")
    path = tmp_path / "clients.yml"
    bom = "\ufeff" if encoding == "utf-16-be" else ""  # utf-16 and utf-8-sig write their own
    path.write_bytes((bom + text).encode(encoding))
    assert "Harbour Böoks" in [c.name for c in load_roster(path)]


def _client(exports: str, cid: str = "acme", extra: str = "") -> str:
    return f"""
  - id: {cid}
    name: Acme
    exports: {exports}
    timezone: UTC
    period: {{start: 2026-09-01, end: 2026-10-31}}
{extra}"""


def test_a_glob_leaves_out_excel_lock_files_and_a_file_named_as_it_is_is_read(tmp_path):
    import shutil

    from helpers.importers import expand_paths
    from helpers.paths import DEMO_DIR

    source = sorted((DEMO_DIR / "kopi-senja").glob("*.csv"))[0]
    export = shutil.copy(source, tmp_path / "posts.csv")
    lock = tmp_path / "~$posts.csv"  # Excel's lock file while posts.csv is open in it
    lock.write_bytes(b"\x0bowner\x00" * 20)
    assert expand_paths(str(tmp_path / "*.csv")) == [export]
    assert expand_paths(str(lock)) == [lock]  # named as it is: read, and refused for what it is
    only_locks = tmp_path / "open"
    only_locks.mkdir()
    (only_locks / "~$report.xlsx").write_bytes(b"\x0bowner\x00")
    path = roster(tmp_path, "clients:" + _client(f'["{tmp_path}/*.csv"]') + _client(f'["{only_locks}/*.xlsx"]', "b"))
    with pytest.raises(RosterError) as info:
        load_roster(path)
    assert len(info.value.problems) == 1 and "client 'b': key 'exports': the pattern" in info.value.problems[0]


def test_a_pattern_reads_exports_only_and_one_matching_no_export_is_refused(tmp_path):
    import shutil

    from helpers.errors import WorkbookError
    from helpers.importers import expand_paths
    from helpers.paths import DEMO_DIR

    source = sorted((DEMO_DIR / "kopi-senja").glob("*.csv"))[0]
    export = shutil.copy(source, tmp_path / "posts.csv")
    (tmp_path / "brief.pdf").write_bytes(b"%PDF-1.4 the client's brief")  # kept beside the exports
    (tmp_path / "screenshot.png").write_bytes(b"\x89PNG")
    assert expand_paths(str(tmp_path / "*")) == [export]  # before: the PDF failed the whole client
    assert load_roster(roster(tmp_path, "clients:" + _client(f'["{tmp_path}/*"]')))[0].exports == (f"{tmp_path}/*",)
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "brief.pdf").write_bytes(b"%PDF-1.4")
    with pytest.raises(WorkbookError, match=r"matches no export, only files of other types \(brief.pdf\); exports"
                                            r" are .csv, .xlsx, .xlsm, .tsv, .txt files"):
        expand_paths(str(notes / "*"))
    with pytest.raises(RosterError) as info:
        load_roster(roster(tmp_path, "clients:" + _client(f'["{notes}/*"]')))
    assert info.value.problems == [f"client 'acme': key 'exports': the pattern '{notes}/*' matches no export, only"
                                   " files of other types (brief.pdf); exports are .csv, .xlsx, .xlsm, .tsv, .txt files:"
                                   " check the pattern or the folder"]
    named = notes / "brief.pdf"  # named as it is: read, and refused for what it is when rendered
    assert expand_paths(str(named)) == [named]


def test_a_pattern_of_many_other_files_names_five_of_them(tmp_path):
    from helpers.paths import glob_exports

    for name in ("a.pdf", "b.PNG", "c.docx", "d.pdf", "e.jpg", "f.pdf", ".hidden.csv"):
        (tmp_path / name).write_bytes(b"x")
    assert glob_exports(tmp_path / "*") == ([], {"files": "a.pdf, b.PNG, c.docx, d.pdf, e.jpg …",
                                                 "suffixes": ".csv, .xlsx, .xlsm, .tsv, .txt"})
    (tmp_path / "posts.CSV").write_bytes(b"x")  # a type's case does not matter
    assert glob_exports(tmp_path / "*")[0] == [tmp_path / "posts.CSV"]
    assert glob_exports(tmp_path / "none*") == ([], {})  # no file at all: the caller says so in its own words


def test_a_file_whose_name_holds_glob_characters_is_that_file(tmp_path):
    import shutil

    from helpers.importers import expand_paths
    from helpers.paths import DEMO_DIR

    source = sorted((DEMO_DIR / "kopi-senja").glob("*.csv"))[0]
    export = shutil.copy(source, tmp_path / "export[1].csv")
    assert expand_paths(str(export)) == [export]
    clients = load_roster(roster(tmp_path, "clients:" + _client(f'["{export}"]')))
    assert clients[0].exports == (str(export),)


def test_an_exports_entry_that_is_a_folder_says_to_list_its_files(tmp_path):
    folder = tmp_path / "lk"
    folder.mkdir()
    with pytest.raises(RosterError) as info:
        load_roster(roster(tmp_path, "clients:" + _client(f'["{folder}"]')))
    assert info.value.problems == [f"client 'acme': key 'exports': {folder} is a folder: list its files, e.g."
                                   f" {folder}/*.csv"]


def _exports_beside(folder: Path) -> None:
    """Two exports and a logo in `folder`/exp, where a roster in `folder` would reach them as exp/..."""
    (folder / "exp").mkdir(parents=True)
    for name in ("a.csv", "b.csv"):
        (folder / "exp" / name).write_text("Post ID,Reach\n1,10\n", encoding="utf-8")
    (folder / "exp" / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")


BESIDE = "clients:" + _client("[exp/*.csv, exp/a.csv]", extra="    branding: {logo: exp/logo.png}\n")


def test_a_path_written_from_the_rosters_own_folder_is_given_the_path_to_write(tmp_path):
    """Paths in a roster start at the project root: one that finds nothing there but finds files from the
    roster's folder (a roster kept beside its exports) is still refused, with the path to write instead, in
    full for a roster outside the project."""
    from helpers.paths import PROJECT_ROOT

    _exports_beside(tmp_path)
    problems = _problems(tmp_path, BESIDE)
    assert problems == [
        "client 'acme': key 'exports': the pattern 'exp/*.csv' matches no file (looked in"
        f" {PROJECT_ROOT / 'exp'}: paths in a roster are relative to the project root); relative to the roster's own"
        f" folder ({tmp_path}) it matches 2 files: write '{tmp_path}/exp/*.csv' instead",
        "client 'acme': key 'exports': file not found: exp/a.csv (looked for"
        f" {PROJECT_ROOT / 'exp' / 'a.csv'}: paths in a roster are relative to the project root); the file is in the"
        f" roster's own folder ({tmp_path}): write '{tmp_path}/exp/a.csv' instead",
        "client 'acme': key 'branding.logo': file not found: exp/logo.png (looked for"
        f" {PROJECT_ROOT / 'exp' / 'logo.png'}: paths in a roster are relative to the project root); the file is in"
        f" the roster's own folder ({tmp_path}): write '{tmp_path}/exp/logo.png' instead"]
    indonesian = _problems(tmp_path, BESIDE, "id")
    assert indonesian[0].endswith(f"; relatif terhadap folder daftar klien itu sendiri ({tmp_path}), pola ini cocok"
                                  f" dengan 2 berkas: tulis '{tmp_path}/exp/*.csv' sebagai gantinya")
    assert indonesian[1].endswith(f"; berkas itu ada di folder daftar klien itu sendiri ({tmp_path}): tulis"
                                  f" '{tmp_path}/exp/a.csv' sebagai gantinya")
    (tmp_path / "exp" / "a.csv").unlink()
    (tmp_path / "exp" / "b.csv").unlink()
    assert "roster's own folder" not in _problems(tmp_path, BESIDE)[0]  # nothing there either: nothing to add


def test_a_path_written_from_a_rosters_folder_inside_the_project_is_given_from_the_project_root(tmp_path,
                                                                                                  monkeypatch):
    import helpers.clients

    monkeypatch.setattr(helpers.clients, "PROJECT_ROOT", tmp_path)  # the roster's folder tmp_path/data
    _exports_beside(tmp_path / "data")
    problems = _problems(tmp_path / "data", BESIDE)
    assert problems[0].endswith(f"relative to the roster's own folder ({tmp_path / 'data'}) it matches 2 files:"
                                " write 'data/exp/*.csv' instead")
    assert problems[1].endswith("write 'data/exp/a.csv' instead")


@pytest.mark.parametrize("bad_id, why, safe", [
    ("_failed", "a name starting with '_' is reserved for the workbook's own folders in reports/ (_failed,"
                " _executed): start the id with a lower-case letter or a digit", "failed"),
    ("-x", "an id starts with a lower-case letter or a digit, not '-'", "x"),
    ("Acme Co", "an id holds only lower-case letters, digits, '-' and '_', not 'A', ' ', 'C'", "acme-co"),
    ("a" * 64, "64 characters is too long: an id has at most 63 (it names a folder)", "a" * 63),
])
def test_a_refused_id_is_told_what_is_wrong_with_it(tmp_path, bad_id, why, safe):
    with pytest.raises(RosterError) as info:
        load_roster(roster(tmp_path, "clients:" + _client("[data/demo/kopi-senja/*.csv]", cid=f'"{bad_id}"')))
    assert info.value.problems == [f"client {bad_id!r}: key 'id' is {bad_id!r}: {why}; a path-safe id made from"
                                   f" it: {safe!r}"]


@pytest.mark.parametrize("bad_id, safe", [
    ("Oigetit News", "oigetit-news"), ("../x", "x"), ("  Kopi  Senja / ID  ", "kopi-senja-id"),
    ("Café Ümit", "cafe-umit"), ("a_b.c", "a_b-c"), ("???", None), ("東京", None), ("", None)])
def test_a_refused_id_is_given_a_path_safe_one_made_from_it_when_one_can_be_made(tmp_path, bad_id, safe):
    """The folder name a consultant would write: lower-case, accents dropped, every run of other characters a
    '-', none at either end; no suggestion when nothing of the id is left."""
    text = "clients:" + _client("[data/demo/kopi-senja/*.csv]", cid=f'"{bad_id}"')
    problem, = _problems(tmp_path, text)
    if safe is None:
        assert "path-safe id made from it" not in problem
    else:
        assert problem.endswith(f"; a path-safe id made from it: {safe!r}")
        assert _problems(tmp_path, text, "id")[0].endswith(f"; id yang aman untuk jalur, dibentuk darinya: {safe!r}")


UNREADY = """
clients:
  - id: ready
    name: Ready
    exports: [data/demo/kopi-senja/*.csv]
    timezone: UTC
    period: {start: 2026-09-01, end: 2026-10-31}
  - id: newclient
    name: New Client
    exports: [data/raw/newclient-not-there-yet/*.csv, data/raw/newclient-not-there-yet/page.csv]
    timezone: UTC
    period: {start: 2026-09-01, end: 2026-10-31}
    branding: {logo: data/raw/newclient-not-there-yet/logo.png}
"""


def test_a_client_whose_exports_are_not_there_yet_blocks_only_itself(tmp_path):
    from helpers.paths import PROJECT_ROOT

    path = roster(tmp_path, UNREADY)
    assert [c.id for c in load_roster(path, selected=["ready"])] == ["ready", "newclient"]
    with pytest.raises(RosterError) as info:
        load_roster(path)
    folder = PROJECT_ROOT / "data" / "raw" / "newclient-not-there-yet"
    assert info.value.problems == [
        "client 'newclient': key 'exports': the pattern 'data/raw/newclient-not-there-yet/*.csv' matches no file"
        f" (looked in {folder}: paths in a roster are relative to the project root)",
        "client 'newclient': key 'exports': file not found: data/raw/newclient-not-there-yet/page.csv"
        f" (looked for {folder}/page.csv: paths in a roster are relative to the project root)",
        "client 'newclient': key 'branding.logo': file not found: data/raw/newclient-not-there-yet/logo.png"
        f" (looked for {folder}/logo.png: paths in a roster are relative to the project root)"]
    with pytest.raises(RosterError) as info:
        load_roster(path, selected=["newclient"])
    assert len(info.value.problems) == 3
    # the roster's structure is checked for every client, selected or not
    with pytest.raises(RosterError, match="client 'newclient': unknown key 'colour'"):
        load_roster(roster(tmp_path, UNREADY.replace("name: New Client", "name: New Client\n    colour: red")),
                    selected=["ready"])


def test_a_client_whose_exports_are_not_there_yet_is_refused_with_the_command_for_the_others(
        tmp_path, monkeypatch, capsys):
    """The roster is checked before anything runs, so a client whose pattern matches nothing this month stops
    the batch; the error ends with the command that renders the clients asked for that have no problem, with
    the options given (--out only when given), and none when no such command would run."""
    from helpers.__main__ import main

    roster(tmp_path, UNREADY + """  - id: other
    name: Other
    exports: [data/demo/harbour-books/*.csv]
    timezone: UTC
    period: {start: 2026-09-01, end: 2026-10-31}
""")
    monkeypatch.chdir(tmp_path)
    assert main(["render", "--clients", "clients.yml", "--out", "out dir"]) == 2
    said = capsys.readouterr().err.splitlines()
    assert said[0] == "error: the client roster clients.yml has 3 problems:"
    assert said[-1] == ("To render the other clients now: python -m helpers render --clients clients.yml"
                        " --client ready --client other --out 'out dir'")
    assert not (tmp_path / "out dir").exists()  # nothing ran
    assert main(["render", "--clients", "clients.yml", "--client", "newclient", "--client", "other", "--pdf",
                 "--language", "id"]) == 2
    assert capsys.readouterr().err.splitlines()[-1] == (
        "Untuk membuat laporan klien lainnya sekarang: python -m helpers render --clients clients.yml --client other"
        " --pdf --language id")
    # no client asked for is fine, or the roster has a problem the command for the others would meet too
    assert main(["render", "--clients", "clients.yml", "--client", "newclient"]) == 2
    assert "To render" not in capsys.readouterr().err
    roster(tmp_path, UNREADY + "  - {id: other, name: Other, colour: red}\n")  # other's keys: checked unasked
    assert main(["render", "--clients", "clients.yml", "--client", "ready", "--client", "newclient"]) == 2
    said = capsys.readouterr().err
    assert "client 'other': unknown key 'colour'" in said and "To render" not in said


@pytest.mark.parametrize("comparison, problem", [
    ("{start: 2026-09-15, end: 2026-10-15}", "2026-09-15 to 2026-10-15 overlaps the period 2026-09-01 to 2026-10-31"),
    ("{start: 2026-08-01, end: 2026-09-01}", "2026-08-01 to 2026-09-01 overlaps the period 2026-09-01 to 2026-10-31"),
    ("{start: 2026-11-01, end: 2026-11-30}", "2026-11-01 to 2026-11-30 comes after the period 2026-09-01 to 2026-10-31"),
])
def test_a_comparison_must_end_before_the_period_starts(tmp_path, comparison, problem):
    with pytest.raises(RosterError) as info:
        load_roster(roster(tmp_path, "clients:" + _client("[data/demo/kopi-senja/*.csv]",
                                                          extra=f"    comparison: {comparison}\n")))
    assert info.value.problems == [f"client 'acme': key 'comparison': {problem}: give a span that ends before"
                                   " 2026-09-01, or leave out 'comparison' for the previous period"]
    with pytest.raises(RosterError, match=r"kunci 'comparison': 2026-\d\d-\d\d hingga"):
        load_roster(roster(tmp_path, "clients:" + _client("[data/demo/kopi-senja/*.csv]",
                                                          extra=f"    comparison: {comparison}\n")), language="id")


def test_a_comparison_overlapping_the_period_is_listed_with_the_clients_other_problems(tmp_path):
    """A client with a repeated id, a bad currency and top_n as text, whose comparison overlaps its period: all
    four problems at once, not the overlap only once the others are fixed."""
    problems = _problems(tmp_path, "clients:" + _client("[data/demo/kopi-senja/*.csv]") + _client(
        "[data/demo/kopi-senja/*.csv]",
        extra='    comparison: {start: 2026-10-15, end: 2026-11-30}\n    currency: EURO\n    top_n: "10"\n'))
    assert problems == [
        "client #2 (id 'acme'): key 'id' repeats the id of client #1: each client's reports go to a folder named by"
        " its id; give this one another id",
        "client #2 (id 'acme'): key 'currency' is 'EURO', which is no ISO 4217 currency code; expected a code such"
        " as IDR, USD or EUR; probably 'EUR' (Euro)",
        "client #2 (id 'acme'): key 'top_n' must be a whole number of at least 1, not '10'",
        "client #2 (id 'acme'): key 'comparison': 2026-10-15 to 2026-11-30 overlaps the period 2026-09-01 to"
        " 2026-10-31: give a span that ends before 2026-09-01, or leave out 'comparison' for the previous period"]


def test_a_comparison_is_not_checked_against_a_period_that_cannot_be_read(tmp_path):
    """A period with an impossible date: its problem alone, no overlap worked out from half a period."""
    problems = _problems(tmp_path, "clients:" + _client("[data/demo/kopi-senja/*.csv]", extra=(
        "    comparison: {start: 2026-10-15, end: 2026-11-30}\n")).replace("end: 2026-10-31", "end: 2026-10-32"))
    assert len(problems) == 1 and "'period.end'" in problems[0] and "overlaps" not in problems[0]


def test_a_comparison_before_the_period_is_kept(tmp_path):
    client, = load_roster(roster(tmp_path, "clients:" + _client(
        "[data/demo/kopi-senja/*.csv]", extra="    comparison: {start: 2025-09-01, end: 2025-10-31}\n")))
    assert (str(client.comparison_start), str(client.comparison_end)) == ("2025-09-01", "2025-10-31")


def test_a_currency_is_an_iso_code_babel_knows_and_lower_case_is_read_as_upper_case(tmp_path):
    client, = load_roster(roster(tmp_path, "clients:" + _client("[data/demo/kopi-senja/*.csv]",
                                                                extra="    currency: usd\n")))
    assert client.currency == "USD" and client.parameters()["currency"] == "USD"
    # none set: the report is told so (None), and says USD is only the default where it matters
    client, = load_roster(roster(tmp_path, "clients:" + _client("[data/demo/kopi-senja/*.csv]")))
    assert client.currency is None and client.parameters()["currency"] is None
    with pytest.raises(RosterError) as info:
        load_roster(roster(tmp_path, "clients:" + "".join(
            _client("[data/demo/kopi-senja/*.csv]", cid=cid, extra=f"    currency: {code}\n")
            for cid, code in (("a", "XYZ"), ("b", "XXX"), ("c", "dollar"), ("d", "idr")))))
    assert [problem.split("; ")[:2] for problem in info.value.problems] == [
        [f"client '{cid}': key 'currency' is {code!r}, which is no ISO 4217 currency code", "expected a code such as"
         " IDR, USD or EUR"] for cid, code in (("a", "XYZ"), ("b", "XXX"), ("c", "dollar"))]  # 'dollar': which one?


def test_a_colour_followed_by_a_line_break_is_no_colour():
    from helpers.clients import COLOUR

    assert COLOUR.match("#0072B2") and not COLOUR.match("#0072B2\n") and not COLOUR.match("#0072B2;}")


def roster_text(logo) -> str:
    """A one-client roster (_client) with `logo` as its branding logo."""
    return "clients:" + _client("[data/demo/kopi-senja/*.csv]", extra=f'    branding: {{logo: "{logo}"}}')


@pytest.mark.parametrize(("content", "why"), [
    ('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "holds a script"),
    ('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect/></svg>', "holds a script"),
    ('<svg xmlns="http://www.w3.org/2000/svg"><image href="https://evil.example/x.png"/></svg>', "holds a script"),
    ('<svg><h:script xmlns:h="http://www.w3.org/1999/xhtml">x</h:script></svg>', "holds a script"),
    ('<svg><set attributeName="onmouseover" to="alert(1)"/></svg>', "holds a script"),
    ('<svg><a><animate attributeName="href" values="javascript:alert(1)"/></a></svg>', "holds a script"),
    ('<svg><style>rect{fill:url(https://evil.example/x)}</style></svg>', "holds a script"),
    ('<svg><style>@import "https://evil.example/x.css";</style></svg>', "holds a script"),
    ('<!DOCTYPE svg [<!ENTITY x SYSTEM "https://evil.example/">]><svg>&x;</svg>', "holds a script"),
    ("big", "every report embeds it, so use one under 2 MB"),
])
def test_a_logo_with_a_script_a_link_or_megabytes_is_refused(tmp_path, content, why):
    logo = tmp_path / "logo.svg"
    if content == "big":
        logo.write_text('<svg xmlns="http://www.w3.org/2000/svg"><!--' + "x" * (3 * 2**20) + "--></svg>")
    else:
        logo.write_text(content, encoding="utf-8")
    text = roster_text(logo)
    with pytest.raises(RosterError, match=why.replace("(", "\\(")):
        load_roster(roster(tmp_path, text))


def _png_header(path: Path, width: int, height: int) -> Path:
    """A PNG holding its signature, its header (IHDR: `width` × `height`, 8-bit grey) and its end, no pixels: what
    a file of that size says before a program decodes it."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
                     + chunk(b"IEND", b""))
    return path


def test_a_png_logo_of_too_many_pixels_is_refused_by_its_header_alone(tmp_path, monkeypatch):
    """12,000 × 12,000 pixels (144 megapixels; one colour compresses to 32 KB) are 576 MB in a browser, 4 bytes
    a pixel: refused, naming the client, the key and the file, from the header, never decoded (Pillow's open
    fails here). 5,000 × 5,000 is 25 megapixels, the most: accepted. The report's parameters refuse it too."""
    import PIL.Image

    from helpers.i18n import Translator
    from helpers.report import check_report_parameters

    monkeypatch.setattr(PIL.Image, "open", lambda *_, **__: pytest.fail("the logo was opened to be decoded"))
    huge = _png_header(tmp_path / "huge.png", 12_000, 12_000)
    assert _problems(tmp_path, roster_text(huge)) == [
        f"client 'acme': key 'branding.logo': {huge} is 12,000 × 12,000 pixels, which a browser opening the report"
        " decodes whole, into about 576 MB of memory, however small the file; use one of at most 25 megapixels (a PNG"
        " a few hundred pixels across is plenty: the top of the report shows a logo at most 220 × 64 pixels)"]
    [indonesian] = _problems(tmp_path, roster_text(huge), language="id")
    assert "huge.png berukuran 12.000 × 12.000 piksel" in indonesian and "sekitar 576 MB di memori" in indonesian
    assert load_roster(roster(tmp_path, roster_text(_png_header(tmp_path / "most.png", 5_000, 5_000))))
    parameters = dict(timezone="UTC", period_start="2026-09-01", period_end="2026-10-31", comparison_start=None,
                      comparison_end=None, top_n=10, language="en", currency=None, accent_colour="#0072B2",
                      logo=str(huge), benchmark_industry="all industries", year=None)
    with pytest.raises(WorkbookError, match=f"logo is '{huge}', a PNG of over 25 megapixels, which a browser"):
        check_report_parameters(**parameters)
    assert Translator("id").t("imports.report.parameter.logo_too_many_pixels", value="'x'").startswith(
        "logo bernilai 'x', PNG lebih dari 25 megapiksel")


def test_an_svg_logo_embedding_an_image_of_too_many_pixels_is_refused_by_its_header_alone(tmp_path, monkeypatch):
    """An SVG embedding a PNG of 12,000 × 12,000 pixels as a data: URL makes a browser decode 576 MB as a PNG
    logo of that size does, though the SVG itself names no such size: refused, naming the embedded image's size,
    read from its header (no pixel decoded); a JPEG called a PNG by its URL (a browser sniffs it) of 6,000 ×
    5,000 (30 megapixels, 120 MB) as well. An SVG embedding a PNG of 5,000 × 5,000 (25 megapixels) is accepted."""
    import base64
    import io

    import PIL.Image
    import PIL.ImageFile

    from helpers.report import check_report_parameters

    def svg(name: str, *images: bytes) -> Path:
        embedded = "".join(f'<image width="10" height="10" href="data:image/png;base64,'
                           f'{base64.b64encode(image).decode()}"/>' for image in images)
        (path := tmp_path / name).write_text(
            f'<svg xmlns="http://www.w3.org/2000/svg" width="100" height="40">{embedded}</svg>', encoding="utf-8")
        return path

    jpeg = io.BytesIO()
    PIL.Image.new("L", (6000, 5000), 30).save(jpeg, "JPEG")
    small = _png_header(tmp_path / "small.png", 200, 64).read_bytes()
    monkeypatch.setattr(PIL.ImageFile.ImageFile, "load", lambda *_: pytest.fail("an embedded image was decoded"))
    huge = svg("huge.svg", _png_header(tmp_path / "huge.png", 12_000, 12_000).read_bytes())
    assert _problems(tmp_path, roster_text(huge)) == [
        f"client 'acme': key 'branding.logo': {huge} embeds an image of 12,000 × 12,000 pixels, which a browser"
        " opening the report decodes whole, into about 576 MB of memory, however small the file; use one embedding"
        " images of at most 25 megapixels in all (a few hundred pixels across is plenty: the top of the report"
        " shows a logo at most 220 × 64 pixels)"]
    [indonesian] = _problems(tmp_path, roster_text(huge), language="id")
    assert "huge.svg menyematkan gambar berukuran 12.000 × 12.000 piksel" in indonesian
    # beside a small one: 144,000,000 + 200 × 64 pixels, 144.0128 megapixels and 576.05 MB
    [said] = _problems(tmp_path, roster_text(svg("two.svg", small, _png_header(tmp_path / "huge.png", 12_000, 12_000)
                                                 .read_bytes())))
    assert "embeds 2 images of 144 megapixels in all (the largest 12,000 × 12,000 pixels)" in said
    [said] = _problems(tmp_path, roster_text(svg("photo.svg", jpeg.getvalue())))
    assert "embeds an image of 6,000 × 5,000 pixels" in said and "about 120 MB of memory" in said
    assert load_roster(roster(tmp_path, roster_text(svg("most.svg", _png_header(tmp_path / "most.png", 5_000, 5_000)
                                                                     .read_bytes()))))
    parameters = dict(timezone="UTC", period_start="2026-09-01", period_end="2026-10-31", comparison_start=None,
                      comparison_end=None, top_n=10, language="en", currency=None, accent_colour="#0072B2",
                      logo=str(huge), benchmark_industry="all industries", year=None)
    with pytest.raises(WorkbookError, match=f"logo is '{huge}', an SVG embedding images of over 25 megapixels in all"):
        check_report_parameters(**parameters)


def _svg_embedding(*urls: str) -> str:
    """An SVG document showing an <image> of each data: URL."""
    return ('<svg xmlns="http://www.w3.org/2000/svg" width="100" height="40">'
            + "".join(f'<image width="10" height="10" href="{url}"/>' for url in urls) + "</svg>")


def test_an_svg_logo_is_refused_for_the_pixels_of_all_the_images_it_embeds(tmp_path):
    """A browser holds every image an SVG embeds: ten PNGs of 6,000 × 4,000 pixels (24 megapixels each, under 25)
    are 240 megapixels, 960 MB, and refused, naming the count, the sum and the largest; five of 5,000 × 1,000
    are 25 megapixels in all, the most, and accepted."""
    import base64

    from helpers.i18n import Translator

    def url(width, height):
        data = _png_header(tmp_path / "image.png", width, height).read_bytes()
        return "data:image/png;base64," + base64.b64encode(data).decode()

    (ten := tmp_path / "ten.svg").write_text(_svg_embedding(*[url(6000, 4000)] * 10), encoding="utf-8")
    assert _problems(tmp_path, roster_text(ten)) == [
        f"client 'acme': key 'branding.logo': {ten} embeds 10 images of 240 megapixels in all (the largest 6,000 ×"
        " 4,000 pixels), which a browser opening the report decodes whole, into about 960 MB of memory, however"
        " small the file; use one embedding images of at most 25 megapixels in all (a few hundred pixels across is"
        " plenty: the top of the report shows a logo at most 220 × 64 pixels)"]
    [indonesian] = _problems(tmp_path, roster_text(ten), language="id")
    assert "ten.svg menyematkan 10 gambar dengan total 240 megapiksel (yang terbesar 6.000 × 4.000 piksel)" in indonesian
    assert Translator("id").t("roster.logo_embeds_too_many_pixels_several", client="c", path="p", count=2, total="30",
                              width="1", height="1", memory="120", most="25").startswith("c: kunci 'branding.logo'")
    (five := tmp_path / "five.svg").write_text(_svg_embedding(*[url(5000, 1000)] * 5), encoding="utf-8")
    assert load_roster(roster(tmp_path, roster_text(five)))


def test_an_svg_logo_is_refused_for_an_image_whatever_its_data_url_spells(tmp_path):
    """A data: URL may carry parameters before ';base64' and spaces, or give its bytes percent-encoded: a PNG of
    6,000 × 5,000 pixels (30 megapixels, 120 MB) is refused either way, as a browser decodes it either way."""
    import base64
    from urllib.parse import quote_from_bytes

    from helpers.clients import logo_problem

    data = _png_header(tmp_path / "image.png", 6000, 5000).read_bytes()
    encoded = base64.b64encode(data).decode()
    for name, url in [("charset", f"data:image/png;charset=utf-8;base64,{encoded}"),
                      ("spaced", f"data:image/PNG ; name=logo.png ; BASE64 ,{encoded[:20]} {encoded[20:]}"),
                      ("percent", f"data:image/png,{quote_from_bytes(data)}")]:
        (path := tmp_path / f"{name}.svg").write_text(_svg_embedding(url), encoding="utf-8")
        assert logo_problem(path) == "embeds_too_many_pixels", name
        [said] = _problems(tmp_path, roster_text(path))
        assert "embeds an image of 6,000 × 5,000 pixels" in said and "about 120 MB of memory" in said, name


def test_an_svg_logo_is_refused_for_the_images_of_the_svg_images_it_embeds(tmp_path):
    """An SVG image embedded in a logo (base64, percent-encoded, or as XML-escaped text) is looked through for
    the images it embeds, a browser decoding them too: a PNG of 6,000 × 5,000 pixels inside is refused, one of
    200 × 64 accepted. Three levels of SVG images within one another are looked through; a fourth is refused as
    too deep, in both languages and by the report's parameters."""
    import base64
    import html
    from urllib.parse import quote

    from helpers.clients import SVG_EMBED_DEPTH, logo_problem
    from helpers.i18n import Translator
    from helpers.report import check_report_parameters

    def png(width, height):
        data = _png_header(tmp_path / "image.png", width, height).read_bytes()
        return "data:image/png;base64," + base64.b64encode(data).decode()

    def wrapped(url, how):
        inner = _svg_embedding(url)
        return {"base64": "data:image/svg+xml;base64," + base64.b64encode(inner.encode()).decode(),
                "percent": "data:image/svg+xml;charset=utf-8," + quote(inner),
                "text": "data:image/svg+xml;utf8," + html.escape(inner)}[how]

    for how in ("base64", "percent", "text"):
        (path := tmp_path / f"{how}.svg").write_text(_svg_embedding(wrapped(png(6000, 5000), how)), encoding="utf-8")
        assert logo_problem(path) == "embeds_too_many_pixels", how
        [said] = _problems(tmp_path, roster_text(path))
        assert "embeds an image of 6,000 × 5,000 pixels" in said, how
        path.write_text(_svg_embedding(wrapped(png(200, 64), how)), encoding="utf-8")
        assert logo_problem(path) is None, how
    assert SVG_EMBED_DEPTH == 3
    url = png(200, 64)
    for _ in range(3):
        url = wrapped(url, "base64")
    (three := tmp_path / "three.svg").write_text(_svg_embedding(url), encoding="utf-8")
    assert logo_problem(three) is None
    (four := tmp_path / "four.svg").write_text(_svg_embedding(wrapped(url, "percent")), encoding="utf-8")
    assert _problems(tmp_path, roster_text(four)) == [
        f"client 'acme': key 'branding.logo': {four} embeds SVG images within SVG images more than 3 levels deep,"
        " too deep to look through for the images a browser opening the report decodes; embed the images (PNG or"
        " JPEG) in the logo itself, or use a PNG logo"]
    [indonesian] = _problems(tmp_path, roster_text(four), language="id")
    assert "four.svg menyematkan gambar SVG di dalam gambar SVG lebih dari 3 tingkat" in indonesian
    parameters = dict(timezone="UTC", period_start="2026-09-01", period_end="2026-10-31", comparison_start=None,
                      comparison_end=None, top_n=10, language="en", currency=None, accent_colour="#0072B2",
                      logo=str(four), benchmark_industry="all industries", year=None)
    with pytest.raises(WorkbookError, match=f"logo is '{four}', an SVG embedding SVG images within SVG images too"):
        check_report_parameters(**parameters)
    assert Translator("id").t("imports.report.parameter.logo_embeds_too_deep", value="'x'").startswith(
        "logo bernilai 'x', SVG yang menyematkan gambar SVG di dalam gambar SVG")


def _client_with_logo(logo: Path):
    from helpers.clients import Client

    day = dt.date(2026, 9, 1)
    return Client(id="acme", name="Acme", exports=(), timezone="UTC", period_start=day, period_end=day,
                  comparison_start=day, comparison_end=day, logo=str(logo))


@pytest.mark.parametrize(("name", "size", "said"), [
    ("dot.png", (2, 2), "is only 2 × 2 pixels, and the top of the report shows it at that size"),
    # 220 ÷ 300 = 0.73 and 64 ÷ 3000 = 0.021: shrunk by 0.021, to 6.4 × 64
    ("tall.png", (300, 3000), "shows at 6 × 64 pixels: a side under 24 pixels is too thin to make out"),
    # 220 ÷ 6000 = 0.037 and 64 ÷ 600 = 0.11: shrunk by 0.037, to 220 × 22
    ("wide.png", (6000, 600), "shows at 220 × 22 pixels: a side under 24 pixels"),
    # no size of its own: 300 wide, a tenth as high (its viewBox's shape), shrunk by 220 ÷ 300 to 220 × 22
    ("wide.svg", 'viewBox="0 0 1000 100"', "shows at 220 × 22 pixels: a side under 24 pixels"),
    # 220 ÷ 1000 = 0.22 and 64 ÷ 1 = 64: shrunk by 0.22, to 220 × 0.22, which rounds to 0: said as under 1
    ("line.png", (1000, 1), "shows at 220 × less than 1 pixels: a side under 24 pixels"),
    ("icon.svg", 'width="16px" height="16" viewBox="0 0 1 1"', "is only 16 × 16 pixels"),
    ("mark.png", (200, 64), None),  # shown as it is
    ("wordmark.png", (880, 220), None),  # shrunk by 0.25, to 220 × 55
    ("mark.svg", "viewBox='0 0 100 100'", None),  # 300 × 300, shrunk to 64 × 64
    ("sized.svg", 'width="100%" viewBox="0 0 10 3"', None),  # a width in % is no size: 300 × 90, to 213 × 64
])
def test_a_logo_the_header_shows_too_small_or_too_thin_is_warned_of(tmp_path, name, size, said):
    """The header fits a logo into 220 × 64 pixels (report_page's .report-logo), shrinking it, keeping its shape,
    never enlarging it; a side under 24 pixels is a dot or a sliver: warned of, in both languages."""
    from PIL import Image

    from helpers.clients import branding_notes
    from helpers.i18n import Translator

    logo = tmp_path / name
    if name.endswith(".svg"):
        logo.write_text(f'<svg xmlns="http://www.w3.org/2000/svg" {size}><rect width="1" height="1"/></svg>')
    else:
        Image.new("RGBA", size, (30, 30, 30, 255)).save(logo)
    notes = branding_notes(_client_with_logo(logo))
    if said is None:
        assert notes == []
        return
    [note] = notes
    assert str(note).startswith("client 'acme': key 'branding.logo': ") and str(logo) in str(note) and said in note
    assert Translator("id").message(note).startswith("klien 'acme': kunci 'branding.logo': ")
    if name == "line.png":
        indonesian = Translator("id").message(note)
        assert ("piksel tanpa mengubah proporsinya, sehingga " in indonesian
                and " tampil sebesar 220 × kurang dari 1 piksel: sisi di bawah 24 piksel" in indonesian)


@pytest.mark.parametrize(("dark", "opaque_white", "warned"), [
    (0, False, True),  # a white logo on a transparent background: all of it light
    (100, True, True),  # 100 of 10,000 opaque pixels dark: 99% light, nearly all (98% or more)
    (300, True, False),  # 300 dark: 97% light; the dark ones show on the page
    (300, False, False),  # 300 dark among transparent ones: all the visible ones
])
def test_a_png_logo_of_light_colours_only_is_warned_of(tmp_path, dark, opaque_white, warned):
    """100 × 100 pixels, white (opaque, or transparent around a white 50 × 50 square) with a block of `dark`
    near-black pixels; light is under 1.5:1 against white."""
    from PIL import Image

    from helpers.clients import branding_notes

    image = Image.new("RGBA", (100, 100), (255, 255, 255, 255 if opaque_white else 0))
    if not opaque_white and not dark:
        image.paste((255, 255, 255, 255), (25, 25, 75, 75))
    if dark:
        image.paste((20, 20, 20, 255), (0, 0, 10, dark // 10))
    image.save(logo := tmp_path / "logo.png")
    notes = [str(note) for note in branding_notes(_client_with_logo(logo))]
    assert notes == ([f"client 'acme': key 'branding.logo': {logo} is drawn nearly all in white or pale colours,"
                      " which the report's white page hides. Give the version of the logo made for light"
                      " backgrounds"] if warned else [])


def test_a_pale_yellow_logo_is_light_and_a_logo_over_white_is_judged_as_drawn(tmp_path):
    """#FFD700 is 1.40:1 against white: light. Half-transparent black (alpha 128) over white is #7F7F7F (4.0:1): not light,
    and 90% transparent pixels are not visible at all (under half opaque), whatever their colour."""
    from PIL import Image

    from helpers.clients import light_logo

    Image.new("RGBA", (40, 40), (0xFF, 0xD7, 0x00, 255)).save(yellow := tmp_path / "yellow.png")
    Image.new("RGBA", (40, 40), (0, 0, 0, 128)).save(grey := tmp_path / "grey.png")
    faint = Image.new("RGBA", (40, 40), (0, 0, 0, 25))
    faint.paste((255, 255, 255, 255), (0, 0, 20, 40))
    faint.save(ghost := tmp_path / "ghost.png")
    assert light_logo(yellow) and not light_logo(grey) and light_logo(ghost)


def _png_grey16(path: Path, rows: list[list[int]], transparent: int | None = None) -> Path:
    """A 16-bit greyscale PNG of these values (0 to 65,535), with `transparent` as its one transparent shade
    (a tRNS chunk): Pillow opens it in mode 'I;16'."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    pixels = b"".join(b"\x00" + struct.pack(f">{len(row)}H", *row) for row in rows)
    path.write_bytes(b"\x89PNG\r\n\x1a\n"
                     + chunk(b"IHDR", struct.pack(">IIBBBBB", len(rows[0]), len(rows), 16, 0, 0, 0, 0))
                     + (chunk(b"tRNS", struct.pack(">H", transparent)) if transparent is not None else b"")
                     + chunk(b"IDAT", zlib.compress(pixels)) + chunk(b"IEND", b""))
    return path


def test_a_16_bit_grey_png_logo_is_judged_by_its_shades_not_clipped_to_white(tmp_path):
    """A 16-bit grey PNG holds 0 to 65,535: a 10% grey (6,554, 8-bit 26, #1A1A1A, 17:1 against white) is dark,
    though every value over 255 would read as white if taken as 8-bit; 95% (62,258, 8-bit 242, #F2F2F2, 1.1:1)
    is light. With a transparent shade (tRNS): a dark logo on a transparent white ground is dark, a white logo on
    a transparent black ground light, as only the visible pixels count."""
    from PIL import Image

    from helpers.clients import light_logo

    dark = _png_grey16(tmp_path / "dark.png", [[6554] * 10] * 10)
    with Image.open(dark) as image:
        assert image.mode == "I;16"
    assert not light_logo(dark)
    assert light_logo(_png_grey16(tmp_path / "pale.png", [[62258] * 10] * 10))
    # 1 dark pixel of 100, the other 99 the transparent shade: all the visible ones dark (99% white if all shown)
    ground = [[65535] * 10] * 9 + [[65535] * 9 + [6554]]
    assert not light_logo(_png_grey16(tmp_path / "on-white.png", ground, transparent=65535))
    assert light_logo(_png_grey16(tmp_path / "on-black.png", [[0] * 10] * 9 + [[65535] * 10], transparent=0))


def test_a_plain_svg_logo_with_inner_references_is_accepted(tmp_path):
    logo = tmp_path / "logo.svg"
    logo.write_text('<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">'
                    '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
                    '<defs><linearGradient id="g"/></defs><use xlink:href="#g"/><rect fill="url(#g)"/>'
                    '<image href="data:image/png;base64,iVBORw0KGgo="/></svg>', encoding="utf-8")
    assert load_roster(roster(tmp_path, roster_text(logo)))[0].logo == str(logo)


def test_a_missing_export_is_named_once_or_with_the_place_looked_in():
    from helpers.errors import WorkbookError
    from helpers.importers import expand_paths
    from helpers.paths import PROJECT_ROOT

    absolute = PROJECT_ROOT / "data" / "nowhere.csv"
    with pytest.raises(WorkbookError) as info:
        expand_paths(str(absolute))
    # the path given is the place looked in; then what data/ holds (which differs from machine to machine)
    assert str(info.value).startswith(f"export file not found: {absolute}. {absolute.parent} holds no 'nowhere.csv'")
    with pytest.raises(WorkbookError) as info:
        expand_paths("data/nowhere.csv")  # relative: resolved from the project root, which is named
    assert str(info.value).startswith(f"export file not found: data/nowhere.csv (looked for {absolute}). ")


def test_a_missing_export_says_where_it_was_looked_for_and_a_backslash_is_explained(tmp_path):
    path = roster(tmp_path, r"""
clients:
  - id: a
    name: A
    exports: [data/demo/nope.csv, 'data\demo\kopi-senja\*.csv', 'C:\Users\me\posts.csv',
              data/demo/kopi-senja/*.csv]
    timezone: UTC
    period: last full month
""")
    with pytest.raises(RosterError) as info:
        load_roster(path)
    root = PROJECT_ROOT
    assert info.value.problems == [
        f"client 'a': key 'exports': file not found: data/demo/nope.csv (looked for {root}/data/demo/nope.csv: paths"
        " in a roster are relative to the project root)",
        "client 'a': key 'exports': the pattern 'data\\demo\\kopi-senja\\*.csv' matches no file"
        f" (looked in {root}: paths in a roster are relative to the project root); on this computer a \\ is part of"
        " a file name, not a folder separator: write the path with /, e.g. 'data/demo/kopi-senja/*.csv'",
        "client 'a': key 'exports': file not found: C:\\Users\\me\\posts.csv"
        f" (looked for {root}/C:\\Users\\me\\posts.csv: paths in a roster are relative to the project root); C: is"
        " a Windows drive, which this computer does not have: copy the exports here and give the path where they"
        " are now (relative to the project root, e.g. data/raw/<client>/*.csv)",
    ]
    with pytest.raises(RosterError) as info:
        load_roster(path, language="id")
    assert info.value.problems[1].endswith(
        "bukan pemisah folder: tulis jalurnya dengan /, mis. 'data/demo/kopi-senja/*.csv'")


def _problems(tmp_path, text, language="en") -> list[str]:
    with pytest.raises(RosterError) as info:
        load_roster(roster(tmp_path, text), language=language)
    return info.value.problems


def test_a_value_of_the_wrong_kind_is_quoted_with_what_was_expected(tmp_path):
    problems = _problems(tmp_path, """
clients:
  - just-a-name
  - id: a
    name: 7
    exports: {folder: data/demo}
    timezone: UTC
    period: last month
    branding: red
  - id: b
    name: "  "
    exports: [data/demo/kopi-senja/*.csv, 12]
    timezone: UTC
    period: last full month
    comparison: the year before
    benchmark_industry: 3
    branding: {name: yes, logo: 5}
""")
    assert problems == [
        "client #1 is 'just-a-name'; expected a mapping of keys (id, name, exports, timezone, period, comparison,"
        " language, currency, branding, benchmark_industry, top_n, year), each on its own line below the '-'",
        "client 'a': key 'name' is 7; expected non-empty text: YAML reads an unquoted number or yes/no/true/false as"
        " a number or true/false, not as text: put the value in quotes",
        "client 'a': key 'exports' is {'folder': 'data/demo'}; expected a list of file paths or glob patterns",
        "client 'a': key 'period' is 'last month'; expected 'last full month' or a mapping with exactly 'start'"
        " and 'end'; probably 'last full month'",
        "client 'a': key 'branding' is 'red'; expected a mapping of name, accent_colour, logo",
        "client 'b': key 'name' is empty; expected non-empty text",
        "client 'b': key 'exports': entry 2 is 12; expected a file path or glob pattern, as text, or a mapping"
        " {files: <path or pattern>, mapping: <column mapping file>}",
        "client 'b': key 'comparison' is 'the year before'; expected 'previous period' or a mapping with exactly"
        " 'start' and 'end'",
        "client 'b': key 'benchmark_industry' is 3; expected non-empty text: YAML reads an unquoted number or"
        " yes/no/true/false as a number or true/false, not as text: put the value in quotes",
        "client 'b': key 'branding.name' is True; expected non-empty text: YAML reads an unquoted number or"
        " yes/no/true/false as a number or true/false, not as text: put the value in quotes",
        "client 'b': key 'branding.logo' is 5; expected the path of a .png or .svg file"]
    indonesian = _problems(tmp_path, "clients:\n  - just-a-name\n" + _client("[data/demo/kopi-senja/*.csv]",
                                                                          extra="    branding: {logo: 5}\n"
                                                                          ).replace("name: Acme", "name: 7"), "id")
    assert indonesian[0].startswith("klien #1 bernilai 'just-a-name'; diharapkan pemetaan kunci (id, name,")
    assert indonesian[1] == ("klien 'acme': kunci 'name' bernilai 7; diharapkan teks yang tidak kosong: YAML tidak"
                             " membaca angka atau yes/no/true/false tanpa tanda kutip sebagai teks, jadi apit nilainya"
                             " dengan tanda kutip")
    assert indonesian[2] == "klien 'acme': kunci 'branding.logo' bernilai 5; diharapkan jalur berkas .png atau .svg"


def test_a_long_value_is_quoted_by_its_start(tmp_path):
    problems = _problems(tmp_path, "clients:" + _client("[data/demo/kopi-senja/*.csv]",
                                                        extra=f"    language: {'x' * 500}\n"))
    assert problems == [f"client 'acme': key 'language' is '{'x' * 78}…; expected one of en, id"]


@pytest.mark.parametrize("written, meant", [("in", "id"), ("ind", "id"), ("INA", "id"), ("indo", "id"),
                                            ("bahasa_indonesia", "id"), ("eng", "en"), ("englsh", "en"),
                                            ("ingg", "en")])
def test_a_language_written_another_way_is_given_the_code_likely_meant(tmp_path, written, meant):
    """Another code of the language (ISO 639-2's 'ind' and 'eng', Indonesian's code before 1989 'in'), the start
    of its name or a slip in it: refused, as the roster holds the workbook's codes, with the one meant."""
    text = "clients:" + _client("[data/demo/kopi-senja/*.csv]", extra=f"    language: {written}\n")
    assert _problems(tmp_path, text) == [
        f"client 'acme': key 'language' is {written!r}; expected one of en, id; did you mean {meant!r}?"]
    assert _problems(tmp_path, text, "id") == [f"klien 'acme': kunci 'language' bernilai {written!r}; diharapkan"
                                               f" salah satu dari en, id; mungkin maksud Anda {meant!r}?"]


def test_a_language_nothing_is_close_to_gets_no_guess(tmp_path):
    text = "clients:" + _client("[data/demo/kopi-senja/*.csv]", extra="    language: fr\n")
    assert _problems(tmp_path, text) == ["client 'acme': key 'language' is 'fr'; expected one of en, id"]


def test_a_repeated_id_names_the_client_that_has_it_first(tmp_path):
    problems = _problems(tmp_path, "clients:" + _client("[data/demo/kopi-senja/*.csv]", cid="dup") * 2)
    assert problems == ["client #2 (id 'dup'): key 'id' repeats the id of client #1: each client's reports go to"
                        " a folder named by its id; give this one another id"]
    assert _problems(tmp_path, "clients:" + _client("[data/demo/kopi-senja/*.csv]", cid="dup") * 2, "id") == [
        "klien #2 (id 'dup'): kunci 'id' mengulang id klien #1: laporan setiap klien masuk ke folder yang dinamai"
        " menurut id-nya; beri klien ini id lain"]


@pytest.mark.parametrize("written, read", [("ID", "id"), ("EN", "en"), (" en ", "en"), ("Id", "id"),
                                           ("Indonesian", "id"), ("Bahasa  Indonesia", "id"), ("english", "en"),
                                           ("id-ID", "id"), ("id_ID", "id"), ("EN-GB", "en"), ("en_US", "en")])
def test_a_language_is_read_in_any_case_and_without_surrounding_spaces(tmp_path, written, read):
    client, = load_roster(roster(tmp_path, "clients:" + _client("[data/demo/kopi-senja/*.csv]",
                                                                extra=f"    language: \"{written}\"\n")))
    assert client.language == read and client.parameters()["language"] == read


def test_a_currency_an_industry_and_a_period_word_are_read_in_any_case_too(tmp_path):
    client, = load_roster(roster(tmp_path, "clients:" + _client(
        "[data/demo/kopi-senja/*.csv]", extra="    currency: ' idr '\n    benchmark_industry: health & beauty\n"
                                              "    comparison: Previous Period\n").replace(
        "period: {start: 2026-09-01, end: 2026-10-31}", "period: Last Full Month")), today=dt.date(2026, 11, 5))
    assert (client.currency, client.benchmark_industry) == ("IDR", "Health & Beauty")
    assert (client.period_start, client.period_end) == (dt.date(2026, 10, 1), dt.date(2026, 10, 31))
    assert (client.comparison_start, client.comparison_end) == (dt.date(2026, 9, 1), dt.date(2026, 9, 30))


@pytest.mark.parametrize("written, meant", [("asia/jakarta", "Asia/Jakarta"), ("Jakarta", "Asia/Jakarta"),
                                            ("new york", "America/New_York"), ("Asia/Jakata", "Asia/Jakarta")])
def test_a_time_zone_spelt_another_way_is_refused_with_the_name_meant(tmp_path, written, meant):
    text = "clients:" + _client("[data/demo/kopi-senja/*.csv]").replace("timezone: UTC", f"timezone: {written}")
    assert _problems(tmp_path, text) == [
        f"client 'acme': key 'timezone': {written!r} is not an IANA time zone (names are written exactly, capitals"
        f" included: e.g. Asia/Jakarta, Europe/London); probably {meant!r}"]
    assert _problems(tmp_path, text, "id")[0].endswith(f"; mungkin maksud Anda {meant!r}?")


def test_a_time_zone_like_no_other_is_refused_without_a_guess(tmp_path):
    text = "clients:" + _client("[data/demo/kopi-senja/*.csv]").replace("timezone: UTC", "timezone: Mars/Olympus")
    assert _problems(tmp_path, text)[0].endswith("e.g. Asia/Jakarta, Europe/London)")


@pytest.mark.parametrize("text, problem", [
    ("", "the file is empty; expected a top-level key 'clients' holding a list of clients"),
    ("- id: acme\n", "the file holds [{'id': 'acme'}]; expected a top-level key 'clients' holding a list of clients"
                     " (write 'clients:' on the first line, and the list indented below it)"),
    ("client:\n  - id: acme\n", "the top-level key is 'client'; expected a top-level key 'clients' holding a list"
                                " of clients; did you mean 'clients'?"),
    ("clients: acme\n", "key 'clients' is 'acme'; expected a list of clients, each starting with '- id:'"),
    ("clients:\n", "key 'clients' is null; expected a list of clients, each starting with '- id:'"),
])
def test_a_roster_without_a_list_of_clients_says_what_it_holds_instead(tmp_path, text, problem):
    assert _problems(tmp_path, text) == [problem]


def test_an_empty_value_is_called_null_as_yaml_writes_it(tmp_path):
    assert _problems(tmp_path, "clients:" + _client("[data/demo/kopi-senja/*.csv, ~]", extra="    language:\n")) == [
        "client 'acme': key 'exports': entry 2 is null; expected a file path or glob pattern, as text, or a mapping"
        " {files: <path or pattern>, mapping: <column mapping file>}",
        "client 'acme': key 'language' is null; expected one of en, id"]
    assert _problems(tmp_path, "clients:\n", "id") == [
        "kunci 'clients' bernilai null; diharapkan daftar klien, masing-masing diawali '- id:'"]


@pytest.mark.parametrize("written, shown", [("UTC+7", "'UTC+7'"), ("GMT+7", "'GMT+7'"), ("+7:00", "420")])
def test_a_utc_offset_is_refused_with_the_zone_to_give_and_no_guess_hours_off(tmp_path, written, shown):
    text = "clients:" + _client("[data/demo/kopi-senja/*.csv]").replace("timezone: UTC", f"timezone: {written}")
    assert _problems(tmp_path, text) == [  # YAML reads an unquoted +7:00 as 420 (minutes in base 60)
        f"client 'acme': key 'timezone': {shown} is not an IANA time zone (names are written exactly, capitals"
        " included: e.g. Asia/Jakarta, Europe/London); a UTC offset is no time zone (the offset of a place changes"
        " with daylight saving): give the place's zone, e.g. Asia/Jakarta for UTC+7 (WIB)"]
    assert "Etc/GMT" not in _problems(tmp_path, text, "id")[0]


def test_a_key_slipped_and_in_other_capitals_still_gets_the_key_meant(tmp_path):
    """One likeliness of a name for the roster and the explorer (errors.close_match): case and surrounding
    spaces aside, so 'BRANDIG' is answered with 'branding' as 'brandig' is."""
    problems = _problems(tmp_path, "clients:" + _client("[data/demo/kopi-senja/*.csv]", extra="    BRANDIG: {}\n"))
    assert len(problems) == 1 and problems[0].endswith("; did you mean 'branding'?")
    problems = _problems(tmp_path, "CLIENT:\n  - id: acme\n")
    assert problems == ["the top-level key is 'CLIENT'; expected a top-level key 'clients' holding a list of"
                        " clients; did you mean 'clients'?"]
    assert _problems(tmp_path, "CLIENT:\n  - id: acme\n", "id") == [
        "kunci tingkat atas berkas ini adalah 'CLIENT'; diharapkan kunci tingkat atas 'clients' yang berisi daftar"
        " klien; mungkin maksud Anda 'clients'?"]


@pytest.mark.parametrize("written, meant", [("WIB", "Asia/Jakarta"), ("wita", "Asia/Makassar"),
                                            ("Asia/Jakarta7", "Asia/Jakarta")])
def test_indonesian_zone_abbreviations_and_slips_with_digits_get_the_zone_meant(tmp_path, written, meant):
    text = "clients:" + _client("[data/demo/kopi-senja/*.csv]").replace("timezone: UTC", f"timezone: {written}")
    problems = _problems(tmp_path, text)
    assert len(problems) == 1 and problems[0].endswith(f"; probably '{meant}'")  # a digit is no offset


def test_a_date_written_another_way_is_refused_with_the_day_meant(tmp_path):
    text = "clients:" + _client("[data/demo/kopi-senja/*.csv]").replace(
        "period: {start: 2026-09-01, end: 2026-10-31}", "period: {start: 2026-18-09, end: 03/10/2026}")
    assert _problems(tmp_path, text) == [
        "client 'acme': key 'period.start': '2026-18-09' is not a date (YYYY-MM-DD); probably '2026-09-18'",
        "client 'acme': key 'period.end': '03/10/2026' is not a date (YYYY-MM-DD); either"
        " '2026-10-03' (day first) or '2026-03-10' (month first)"]
    assert _problems(tmp_path, text, "id")[0].endswith("; kemungkinan '2026-09-18'")


def test_a_day_past_the_end_of_its_month_is_refused_with_the_months_length(tmp_path):
    text = "clients:" + _client("[data/demo/kopi-senja/*.csv]").replace(
        "period: {start: 2026-09-01, end: 2026-10-31}", "period: {start: 2025-02-31, end: 2025-04-31}")
    text += _client("[data/demo/harbour-books/*.csv]", cid="leap").replace(
        "period: {start: 2026-09-01, end: 2026-10-31}", "period: {start: 2024-02-30, end: 2024-03-31}")
    assert _problems(tmp_path, text) == [
        "client 'acme': key 'period.start': '2025-02-31' is not a date (YYYY-MM-DD); February 2025 has 28 days",
        "client 'acme': key 'period.end': '2025-04-31' is not a date (YYYY-MM-DD); April 2025 has 30 days",
        "client 'leap': key 'period.start': '2024-02-30' is not a date (YYYY-MM-DD); February 2024 has 29 days"]
    assert _problems(tmp_path, text, "id")[0] == (
        "klien 'acme': kunci 'period.start': '2025-02-31' bukan tanggal (YYYY-MM-DD); Februari 2025 hanya memiliki"
        " 28 hari")


def test_a_colour_written_without_quotes_is_named_with_its_line_and_the_quotes_it_needs(tmp_path):
    # `#` starts a comment in YAML: `accent_colour: #C8102E` is an empty value, not a colour
    brand = "    branding:\n      name: ACME\n      accent_colour: #C8102E  # the brand's red\n      logo:\n"
    text = "clients:" + _client("[data/demo/kopi-senja/*.csv]", extra=brand)
    assert _problems(tmp_path, text) == [
        "client 'acme': key 'branding.accent_colour' (line 9) has no value: in YAML a # starts a comment, so what"
        " follows it on the line was not read; write the value in quotes: \"#C8102E\"",
        "client 'acme': key 'branding.logo' (line 10) has no value: give it one, or leave the key out"]
    assert _problems(tmp_path, text, "id")[0].startswith(
        "klien 'acme': kunci 'branding.accent_colour' (baris 9) tidak diberi nilai: di YAML tanda # memulai komentar")
    # any key emptied by a comment is said so once, not also as a value of the wrong kind
    # a language never starts with #: quoting "#id" would be refused in turn, so no quotes are offered
    text = "clients:" + _client("[data/demo/kopi-senja/*.csv]", extra="    language: #id\n")
    assert _problems(tmp_path, text) == [
        "client 'acme': key 'language' (line 7) has no value: in YAML a # starts a comment, so what follows it on the"
        " line was not read; give the key a value, or leave the key out"]


@pytest.mark.parametrize("line, key, example", [
    ("    language: # Indonesian\n", "'language' (line 7)", None),  # a comment where the value was to go
    ("    branding:\n      logo:   # none yet\n", "'branding.logo' (line 8)", None),  # meant: no logo
    ("    branding:\n      accent_colour: # brand red\n", "'branding.accent_colour' (line 8)", None),
    ("    branding:\n      accent_colour: #red\n", "'branding.accent_colour' (line 8)", None),  # no colour
    ("    branding:\n      accent_colour: #c10\n", "'branding.accent_colour' (line 8)", None),  # refused quoted too
    ("    branding:\n      accent_colour: #c8102e\n", "'branding.accent_colour' (line 8)", '"#c8102e"'),
    ("    branding:\n      accent_colour: #C8102E # red\n", "'branding.accent_colour' (line 8)", '"#C8102E"'),
    ("    branding:\n      name: #1 Coffee\n", "'branding.name' (line 8)", '"#1 Coffee"'),
    ("    branding:\n      name: # the shop's sign\n", "'branding.name' (line 8)", None),
])
def test_a_commented_value_is_offered_in_quotes_only_when_it_looks_like_the_value(tmp_path, line, key, example):
    """Quotes are offered for what looks like the key's value (a colour, a name right after the #); a comment
    after a space, or a word where a colour goes, is said to leave the key without a value."""
    text = "clients:" + _client("[data/demo/kopi-senja/*.csv]", extra=line)
    start = f"client 'acme': key {key} has no value: in YAML a # starts a comment, so what follows it on the line"
    end = (" was not read; give the key a value, or leave the key out" if example is None
           else f" was not read; write the value in quotes: {example}")
    assert _problems(tmp_path, text) == [start + end]
    said = _problems(tmp_path, text, "id")[0]
    assert said.endswith("beri nilai, atau hapus kuncinya" if example is None
                         else f"apit nilainya dengan tanda kutip: {example}")


def test_a_colour_without_quotes_in_brackets_names_its_line_not_the_end_of_the_file(tmp_path):
    text = "clients:" + _client("[data/demo/kopi-senja/*.csv]", extra="    branding: {accent_colour: #C8102E}\n")
    assert _problems(tmp_path, text) == [
        "line 7: in YAML a # after a space starts a comment, so the rest of that line, with the bracket closing it,"
        " was not read; write the value in quotes: \"#C8102E\""]
    # a comment after the closing bracket, or a # inside quotes, is no such slip
    fine = "    branding: {accent_colour: \"#C8102E\", name: 'A #1'}  # red\n"
    assert load_roster(roster(tmp_path, "clients:" + _client("[data/demo/kopi-senja/*.csv]", extra=fine)))


@pytest.mark.parametrize("on_disk, in_roster", [("NFC", "NFD"), ("NFD", "NFC")])
def test_a_name_with_accents_composed_otherwise_than_on_disk_finds_its_files(tmp_path, on_disk, in_roster):
    import shutil
    import unicodedata

    from helpers.importers import expand_paths
    from helpers.paths import DEMO_DIR

    folder = tmp_path / unicodedata.normalize(on_disk, "Kopi Sénja")
    folder.mkdir()
    source = sorted((DEMO_DIR / "kopi-senja").glob("*.csv"))[0]
    export = Path(shutil.copy(source, folder / "posts.csv"))
    written = unicodedata.normalize(in_roster, str(folder))  # copied from a Mac, or typed elsewhere
    assert written != str(folder) and not Path(written).exists()  # the two forms are two names here
    assert expand_paths(f"{written}/*.csv") == [export]
    assert expand_paths(f"{written}/posts.csv") == [export]
    clients = load_roster(roster(tmp_path, "clients:" + _client(f'["{written}/*.csv", "{written}/posts.csv"]')))
    assert clients[0].exports == (f"{written}/*.csv", f"{written}/posts.csv")  # kept as written
    with pytest.raises(RosterError) as info:  # a name in neither form is still missing
        load_roster(roster(tmp_path, "clients:" + _client(f'["{written}/other.csv"]')))
    assert info.value.problems == [f"client 'acme': key 'exports': file not found: {written}/other.csv"]


@pytest.mark.parametrize("name", ["Acme [ID]", "Café [ID]"])
def test_a_folder_named_with_brackets_is_read_as_named_by_every_reading_of_a_pattern(tmp_path, name):
    """`Clients/Acme [ID]/*.csv` matches nothing as glob reads it (`[ID]` a character class): read with its
    brackets as written, the roster's check, the render's and the explorer's reading and the left-out look agree."""
    import shutil

    from helpers.explore import documents_in
    from helpers.importers import expand_paths
    from helpers.paths import DEMO_DIR, glob_files
    from helpers.sources import left_out_exports

    folder = tmp_path / "Clients" / name
    folder.mkdir(parents=True)
    export = Path(shutil.copy(sorted((DEMO_DIR / "kopi-senja").glob("*.csv"))[0], folder / "posts.csv"))
    (folder / "brief.pdf").write_text("not an export", encoding="utf-8")
    pattern = f"{folder}/*.csv"
    assert glob_files(pattern) == [export]
    assert expand_paths(pattern) == [export]
    assert documents_in(f"{folder}/*") == [folder / "brief.pdf"]
    assert load_roster(roster(tmp_path, "clients:" + _client(f'["{pattern}"]')))[0].exports == (pattern,)
    assert left_out_exports([pattern], [export]) == []
    # a character class that matches is read as one; the brackets as written only where it matches nothing
    (tmp_path / "Clients" / "Acme I").mkdir()
    other = Path(shutil.copy(export, tmp_path / "Clients" / "Acme I" / "posts.csv"))
    assert glob_files(f"{tmp_path}/Clients/Acme [ID]/*.csv") == [other]


@pytest.mark.parametrize("folder_form, file_form", [("NFC", "NFD"), ("NFD", "NFC")])
def test_a_folder_and_its_file_saved_with_accents_composed_differently_are_found(tmp_path, folder_form, file_form):
    """Kopi Sénja saved with é composed, Séptember.csv in it with e and an accent (or the reverse): each part
    is found in its own form, as a plain path and through a pattern, from the roster and from load_exports."""
    import shutil
    import unicodedata

    from helpers.errors import WorkbookError
    from helpers.importers import expand_paths
    from helpers.paths import DEMO_DIR, as_spelled_on_disk

    folder = tmp_path / unicodedata.normalize(folder_form, "Kopi Sénja")
    folder.mkdir()
    source = sorted((DEMO_DIR / "kopi-senja").glob("*.csv"))[0]
    export = Path(shutil.copy(source, folder / unicodedata.normalize(file_form, "Séptember.csv")))
    (folder / unicodedata.normalize(file_form, "Séptember.pdf")).write_text("not an export", encoding="utf-8")
    for form in ("NFC", "NFD"):  # as written in either form, both parts all alike
        written = unicodedata.normalize(form, f"{tmp_path}/Kopi Sénja")
        assert as_spelled_on_disk(unicodedata.normalize(form, f"{written}/Séptember.csv")) == export
        assert expand_paths(unicodedata.normalize(form, f"{written}/Séptember.csv")) == [export]
        assert expand_paths(unicodedata.normalize(form, f"{written}/S*.csv")) == [export]
        assert expand_paths(unicodedata.normalize(form, f"{tmp_path}/*/Sé*")) == [export]
        assert expand_paths(unicodedata.normalize(form, f"{tmp_path}/**/Séptember.csv")) == [export]
        entries = f'["{written}/Séptember.csv", "{written}/S?ptember.*"]'
        assert load_roster(roster(tmp_path, "clients:" + _client(unicodedata.normalize(form, entries))))
    with pytest.raises(WorkbookError):  # a name in neither form is still missing
        expand_paths(f"{tmp_path}/Kopi Sénja/Oktober.csv")
    assert as_spelled_on_disk(f"{tmp_path}/Kopi Sénja/Oktober.csv") == Path(f"{tmp_path}/Kopi Sénja/Oktober.csv")


SHARED = """
clients:
  - id: kopi-senja
    name: Kopi Senja Nusantara
    exports: ["{folder}/kopi/*.csv", "{folder}/harbour/*.csv"]
    timezone: Asia/Jakarta
    period: {{start: 2026-09-01, end: 2026-10-31}}
  - id: hb
    name: HB Bookshop Ltd
    exports: ["{folder}/harbour/Sep.csv"]
    timezone: Europe/London
    period: {{start: 2026-09-01, end: 2026-10-31}}
  - id: kopi-senja-en
    name: " kopi senja  nusantara"
    exports: ["{folder}/kopi/*.csv"]
    timezone: Asia/Jakarta
    period: {{start: 2026-09-01, end: 2026-10-31}}
"""


def shared_roster(tmp_path) -> Path:
    """Two businesses reading one file (a pattern and its file written out), and one business twice."""
    for name in ("kopi/Sep.csv", "kopi/Oct.csv", "harbour/Sep.csv"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text("x\n", encoding="utf-8")
    return roster(tmp_path, SHARED.format(folder=tmp_path))


def test_two_clients_reading_one_export_file_are_refused_in_both_languages(tmp_path):
    path = shared_roster(tmp_path)
    with pytest.raises(RosterError) as info:
        load_roster(path)
    assert info.value.problems == [
        f"clients 'kopi-senja' (#1) and 'hb' (#2): key 'exports' of both reads the same 1 file:"
        f" {tmp_path}/harbour/Sep.csv; each report would count the other client's posts and show their captions:"
        " remove each shared file from the exports of the client it does not belong to (two entries of one business,"
        " rendered twice, say in two languages, may share files when they have the same 'name')"]
    # kopi-senja-en shares kopi's two files but is the same business (its name, case and spaces aside): let be
    with pytest.raises(RosterError) as info:
        load_roster(path, language="id")
    assert info.value.problems[0] == (
        f"klien 'kopi-senja' (#1) dan 'hb' (#2): kunci 'exports' pada keduanya membaca 1 berkas yang sama:"
        f" {tmp_path}/harbour/Sep.csv; setiap laporan akan menghitung unggahan klien lain dan menampilkan"
        " keterangannya: hapus berkas tersebut dari ekspor klien yang bukan pemiliknya (dua entri dari satu bisnis"
        " yang dirender dua kali, misalnya dalam dua bahasa, boleh berbagi berkas bila 'name'-nya sama)")
    # rendering one of the two alone (--client) is refused too; rendering a third client is not held up
    with pytest.raises(RosterError, match="'kopi-senja' \\(#1\\) and 'hb' \\(#2\\)"):
        load_roster(path, selected=["hb"])
    assert [c.id for c in load_roster(path, selected=["kopi-senja-en"])] == ["kopi-senja", "hb", "kopi-senja-en"]


def test_shared_files_beyond_three_are_counted(tmp_path):
    for n in range(5):
        (tmp_path / "x").mkdir(exist_ok=True)
        (tmp_path / "x" / f"{n}.csv").write_text("x\n", encoding="utf-8")
    path = roster(tmp_path, f"""
clients:
  - {{id: a, name: A, exports: ["{tmp_path}/x/*.csv"], timezone: UTC, period: last full month}}
  - {{id: b, name: B, exports: ["{tmp_path}/x/*.csv"], timezone: UTC, period: last full month}}
""")
    with pytest.raises(RosterError) as info:
        load_roster(path)
    assert f"the same 5 files: {tmp_path}/x/0.csv, {tmp_path}/x/1.csv, {tmp_path}/x/2.csv, and 2 more;" \
        in info.value.problems[0]


@pytest.mark.parametrize(("block", "key", "line", "keys", "keys_id"), [
    # the key a clashing 'name' would otherwise be said to repeat
    ("    branding:\n    name: Brand\n    accent_colour: '#112233'\n", "branding", 7,
     "'name' (line 8), 'accent_colour' (line 9)", "'name' (baris 8), 'accent_colour' (baris 9)"),
    ("    branding:\n    accent_colour: '#112233'\n    logo: data/x.png\n", "branding", 7,
     "'accent_colour' (line 8), 'logo' (line 9)", "'accent_colour' (baris 8), 'logo' (baris 9)"),
    ("    comparison:\n    start: 2026-07-01\n    end: 2026-07-31\n", "comparison", 7,
     "'start' (line 8), 'end' (line 9)", "'start' (baris 8), 'end' (baris 9)"),
])
def test_keys_of_a_mapping_written_at_the_clients_level_are_to_be_indented(tmp_path, block, key, line, keys, keys_id):
    path = roster(tmp_path, "clients:\n  - id: a\n    name: A\n    exports: [data/demo/harbour-books/*.csv]\n"
                            "    timezone: UTC\n    period: {start: 2026-09-01, end: 2026-09-30}\n" + block)
    with pytest.raises(RosterError) as info:
        load_roster(path)
    assert info.value.problems == [
        f"client 'a': key '{key}' (line {line}) has no value, and the keys below it, {keys}, are keys of '{key}'"
        f" written at the client's level: indent them under '{key}' (two spaces further in than '{key}')"]
    with pytest.raises(RosterError) as info:
        load_roster(path, language="id")
    assert info.value.problems == [
        f"klien 'a': kunci '{key}' (baris {line}) tidak diberi nilai, dan kunci di bawahnya, {keys_id}, ditulis di"
        f" tingkat klien, padahal kunci itu milik '{key}': indentasikan kunci-kunci itu di bawah '{key}' (dua spasi"
        f" lebih dalam daripada '{key}')"]


def test_an_empty_branding_followed_by_the_clients_own_name_is_said_empty(tmp_path):
    """A lone `name:` below an empty `branding:` may be the client's own name: no advice to indent it."""
    path = roster(tmp_path, "clients:\n  - id: a\n    exports: [data/demo/harbour-books/*.csv]\n"
                            "    timezone: UTC\n    period: last full month\n    branding:\n    name: A\n")
    with pytest.raises(RosterError) as info:
        load_roster(path)
    assert info.value.problems == ["client 'a': key 'branding' is null; expected a mapping of name, accent_colour, logo"]


def test_a_period_that_ends_after_today_is_refused(tmp_path):
    path = roster(tmp_path, """
clients:
  - id: a
    name: A
    exports: [data/demo/harbour-books/*.csv]
    timezone: UTC
    period: {start: 2027-01-01, end: 2027-01-31}
  - id: b
    name: B
    exports: [data/demo/kopi-senja/*.csv]
    timezone: UTC
    period: {start: 2026-11-01, end: 2026-11-27}
""")
    today = dt.date(2026, 11, 27)
    with pytest.raises(RosterError) as info:
        load_roster(path, today=today)
    assert info.value.problems == [
        "client 'a': key 'period': 2027-01-01 to 2027-01-31 ends after today (2026-11-27): no export holds days that"
        " have not come yet; give a span that ends by 2026-11-27, or 'last full month'"]  # b ends today: fine
    with pytest.raises(RosterError) as info:
        load_roster(path, today=today, language="id")
    assert info.value.problems[0].startswith(
        "klien 'a': kunci 'period': 2027-01-01 hingga 2027-01-31 berakhir setelah hari ini (2026-11-27)")
    assert [c.id for c in load_roster(path, today=dt.date(2027, 1, 31))] == ["a", "b"]


def test_a_period_ending_after_today_that_also_overlaps_its_comparison_gets_both_problems(tmp_path):
    """Both problems of one client's spans are listed at once: fixing the overlap alone would leave the period
    ending after today to be found on the next run."""
    path = roster(tmp_path, """
clients:
  - id: a
    name: A
    exports: [data/demo/harbour-books/*.csv]
    timezone: UTC
    period: {start: 2026-09-01, end: 2027-10-31}
    comparison: {start: 2026-09-01, end: 2026-10-31}
""")
    with pytest.raises(RosterError) as info:
        load_roster(path, today=dt.date(2026, 11, 27))
    assert info.value.problems == [
        "client 'a': key 'comparison': 2026-09-01 to 2026-10-31 overlaps the period 2026-09-01 to 2027-10-31: give a"
        " span that ends before 2026-09-01, or leave out 'comparison' for the previous period",
        "client 'a': key 'period': 2026-09-01 to 2027-10-31 ends after today (2026-11-27): no export holds days that"
        " have not come yet; give a span that ends by 2026-11-27, or 'last full month'"]


def test_last_full_month_and_days_to_come_follow_the_clients_own_date(tmp_path):
    """At 20:00 UTC on 30 November it is already 1 December in Jakarta (UTC+7) and still 30 November in New York:
    Jakarta's last full month is November, New York's October; a period ending on 1 December has days to come
    in New York (refused) but ends today in Jakarta (accepted, as any period ending today)."""
    (tmp_path / "x.csv").write_text("x\n", encoding="utf-8")
    path = roster(tmp_path, f"""
clients:
  - {{id: jkt, name: J, exports: ["{tmp_path}/x.csv"], timezone: Asia/Jakarta, period: last full month}}
  - {{id: nyc, name: N, exports: ["{tmp_path}/x.csv"], timezone: America/New_York, period: last full month}}
""")
    now = dt.datetime(2026, 11, 30, 20, 0, tzinfo=dt.timezone.utc)
    jakarta, new_york = load_roster(path, now=now, selected=[])
    assert (jakarta.period_start, jakarta.period_end) == (dt.date(2026, 11, 1), dt.date(2026, 11, 30))
    assert (new_york.period_start, new_york.period_end) == (dt.date(2026, 10, 1), dt.date(2026, 10, 31))
    # `today` given: one date for every client, as before
    assert {c.period_end for c in load_roster(path, today=dt.date(2026, 11, 30), selected=[])} == {dt.date(2026, 10, 31)}
    ahead = roster(tmp_path, f"""
clients:
  - {{id: jkt, name: J, exports: ["{tmp_path}/x.csv"], timezone: Asia/Jakarta, period: {{start: 2026-11-01, end: 2026-12-01}}}}
  - {{id: nyc, name: N, exports: ["{tmp_path}/x.csv"], timezone: America/New_York, period: {{start: 2026-11-01, end: 2026-12-01}}}}
""")
    with pytest.raises(RosterError) as info:
        load_roster(ahead, now=now, selected=[])
    assert len(info.value.problems) == 1 and "client 'nyc'" in info.value.problems[0]
    assert "30 November 2026" in info.value.problems[0] or "2026-11-30" in info.value.problems[0]


def test_a_currency_written_as_its_name_or_symbol_is_given_the_code_it_means(tmp_path):
    """'rupiah', 'Rp' (Bahasa Indonesia's symbol) and 'Rupiah Indonesia' name one currency: its code is
    suggested; 'dollar' names a score of them, of which the four used in most territories are listed (US
    dollar, then the Australian and East Caribbean dollars, eight territories each, then New Zealand's);
    'krone' names two, both listed; 'XYZ' names none, and gets no guess. The names are in the message's
    language."""
    from helpers.clients import currency_meant

    assert currency_meant("rupiah") == currency_meant("Rp") == currency_meant("Rp.") == ("IDR",)
    assert currency_meant("Rupiah Indonesia") == currency_meant("indonesian rupiahs") == ("IDR",)
    assert currency_meant("€") == currency_meant("euro") == ("EUR",) and currency_meant("£") == ("GBP",)
    assert currency_meant("dollar")[:4] == ("USD", "AUD", "XCD", "NZD") and "SGD" in currency_meant("dollar")
    assert currency_meant("krone") == ("DKK", "NOK") and currency_meant("XYZ") == currency_meant(7) == ()
    text = "clients:" + "".join(_client("[data/demo/kopi-senja/*.csv]", cid=cid, extra=f"    currency: {code}\n")
                                for cid, code in (("a", "rupiah"), ("b", "Rp"), ("c", "dollar"), ("d", "krone"),
                                                  ("e", "XYZ")))
    with pytest.raises(RosterError) as info:
        load_roster(roster(tmp_path, text))
    expected = "; expected a code such as IDR, USD or EUR"
    assert info.value.problems == [
        f"client 'a': key 'currency' is 'rupiah', which is no ISO 4217 currency code{expected}; probably 'IDR'"
        " (Indonesian Rupiah)",
        f"client 'b': key 'currency' is 'Rp', which is no ISO 4217 currency code{expected}; probably 'IDR'"
        " (Indonesian Rupiah)",
        f"client 'c': key 'currency' is 'dollar', which is no ISO 4217 currency code{expected}; 'dollar' is the name"
        " of several currencies, such as 'USD' (US Dollar), 'AUD' (Australian Dollar), 'XCD' (East Caribbean"
        " Dollar) or 'NZD' (New Zealand Dollar): write the code of the one meant",
        f"client 'd': key 'currency' is 'krone', which is no ISO 4217 currency code{expected}; 'krone' is the name"
        " of more than one currency ('DKK' (Danish Krone) or 'NOK' (Norwegian Krone)): write the code of the one"
        " meant",
        f"client 'e': key 'currency' is 'XYZ', which is no ISO 4217 currency code{expected}"]
    with pytest.raises(RosterError) as info:
        load_roster(roster(tmp_path, text), language="id")
    expected = ", yang bukan kode mata uang ISO 4217; diharapkan kode seperti IDR, USD, atau EUR"
    assert info.value.problems[:4] == [
        f"klien 'a': kunci 'currency' bernilai 'rupiah'{expected}; kemungkinan 'IDR' (Rupiah Indonesia)",
        f"klien 'b': kunci 'currency' bernilai 'Rp'{expected}; kemungkinan 'IDR' (Rupiah Indonesia)",
        f"klien 'c': kunci 'currency' bernilai 'dollar'{expected}; 'dollar' adalah nama beberapa mata uang, misalnya"
        " 'USD' (Dolar Amerika Serikat), 'AUD' (Dolar Australia), 'XCD' (Dolar Karibia Timur), atau 'NZD' (Dolar"
        " Selandia Baru): tulis kode mata uang yang dimaksud",
        f"klien 'd': kunci 'currency' bernilai 'krone'{expected}; 'krone' adalah nama lebih dari satu mata uang"
        " ('DKK' (Krone Denmark) atau 'NOK' (Krone Norwegia)): tulis kode mata uang yang dimaksud"]


def test_a_mistyped_export_folder_or_file_in_a_roster_is_given_the_nearest_name_there(tmp_path):
    """'exprots' for 'exports' gets 'did you mean', a pattern matching no file in an existing folder gets what
    the folder holds; a folder not made yet gets no listing of its parent (noise beside the problem). A folder
    whose accents are composed otherwise than typed is the folder meant, not a slip to correct."""
    import unicodedata

    from helpers.importers import expand_paths

    (tmp_path / "exports" / "kopi").mkdir(parents=True)
    (tmp_path / "exports" / "kopi" / "a.csv").write_text("x\n", encoding="utf-8")
    problems = _problems(tmp_path, f"""
clients:
  - {{id: a, name: A, exports: ["{tmp_path}/exprots/kopi/*.csv"], timezone: UTC, period: {{start: 2025-01-01, end: 2025-01-31}}}}
  - {{id: b, name: B, exports: ["{tmp_path}/exports/kopi/*.xlsx", "{tmp_path}/new/*.csv"], timezone: UTC, period: {{start: 2025-01-01, end: 2025-01-31}}}}
""")
    assert len(problems) == 3
    assert problems[0].endswith(f"(looked in {tmp_path}/exprots/kopi). {tmp_path} holds no 'exprots': did you mean"
                                " 'exports'?")
    assert problems[1].endswith(f"(looked in {tmp_path}/exports/kopi). {tmp_path}/exports/kopi holds 1 file (a.csv)")
    assert problems[2].endswith(f"matches no file (looked in {tmp_path}/new)")
    folder = tmp_path / unicodedata.normalize("NFD", "Kopi Sénja")
    folder.mkdir()
    (folder / "posts.csv").write_text("x\n", encoding="utf-8")
    typed = unicodedata.normalize("NFC", str(folder))
    with pytest.raises(WorkbookError) as info:
        expand_paths(f"{typed}/other.csv")
    assert "did you mean" not in str(info.value) and "holds no 'other.csv'; it holds 1 file (posts.csv)" in str(info.value)


def test_a_key_of_branding_period_or_comparison_at_the_clients_level_is_said_to_belong_under_it(tmp_path):
    path = roster(tmp_path, "clients:\n  - id: a\n    name: A\n    exports: [data/demo/harbour-books/*.csv]\n"
                            "    timezone: UTC\n    period: last full month\n    accent_colour: '#C8102E'\n"
                            "    logo: data/logo.png\n    end: 2026-07-31\n")
    known = "id, name, exports, timezone, period, comparison, language, currency, branding, benchmark_industry, top_n, year"
    with pytest.raises(RosterError) as info:
        load_roster(path)
    assert info.value.problems == [
        f"client 'a': unknown key 'accent_colour' (known: {known}); 'accent_colour' belongs under 'branding:': indent"
        " it two spaces further in, below 'branding:' (adding that key when the client has none)",
        f"client 'a': unknown key 'logo' (known: {known}); 'logo' belongs under 'branding:': indent it two spaces"
        " further in, below 'branding:' (adding that key when the client has none)",
        f"client 'a': unknown key 'end' (known: {known}); 'end' belongs under 'period:' or 'comparison:': indent it"
        " two spaces further in, below 'period:' or 'comparison:' (adding that key when the client has none)"]
    with pytest.raises(RosterError) as info:
        load_roster(path, language="id")
    assert info.value.problems[2].endswith(
        "; 'end' termasuk di bawah 'period:' atau 'comparison:': indentasikan dua spasi lebih dalam, di bawah"
        " 'period:' atau 'comparison:' (tambahkan kunci itu jika klien belum memilikinya)")


def test_a_long_pattern_matching_nothing_is_quoted_whole(tmp_path):
    """A pattern is the consultant's own path: cut at 80 characters, it would hide the file name to fix."""
    deep = tmp_path / "Client Folders On The Shared Drive" / "Kopi Senja Coffee Roasters Jakarta" / "2026"
    deep.mkdir(parents=True)
    text = "clients:\n" + DEMO_CLIENT.format(id="kopi").replace("data/demo/kopi-senja/*.csv", f"{deep}/Sept-Oct-*.csv")
    with pytest.raises(RosterError) as info:
        load_roster(roster(tmp_path, text))
    assert f"the pattern '{deep}/Sept-Oct-*.csv' matches no file" in str(info.value)


def test_contrast_follows_wcag_relative_luminance():
    """Worked out by hand from WCAG 2's formulas. #0072B2: G 114/255 = 0.4471 -> ((0.4471 + 0.055) / 1.055)^2.4
    = 0.1683, B 178/255 -> 0.4453, so L = 0.7152 * 0.1683 + 0.0722 * 0.4453 = 0.1525 and the contrast with
    white (L = 1) is 1.05 / 0.2025 = 5.19. #F0E442: R 0.8714, G 0.7758, B 0.0545, L = 0.7441, 1.05 / 0.7941 = 1.32."""
    from helpers.colours import contrast_ratio, relative_luminance

    assert relative_luminance("#FFFFFF") == 1 and relative_luminance("#000000") == 0
    assert contrast_ratio("#000000") == pytest.approx(21)  # (1 + 0.05) / (0 + 0.05)
    assert relative_luminance("#0072B2") == pytest.approx(0.1525, abs=1e-4)
    assert contrast_ratio("#0072B2") == pytest.approx(5.19, abs=0.005)
    assert contrast_ratio("#FFFFFF", "#0072B2") == contrast_ratio("#0072B2", "#FFFFFF")  # whichever is lighter
    assert relative_luminance("#F0E442") == pytest.approx(0.7441, abs=1e-4)
    assert contrast_ratio("#F0E442") == pytest.approx(1.32, abs=0.005)


def test_a_light_accent_gets_the_lightest_darker_shade_of_its_hue_that_text_reads_in():
    """#F0E442 with its channels scaled by 135/256 is #7F7823 (240, 228, 66 -> 126.6, 120.2, 34.8 -> 127, 120,
    35), the lightest such shade reaching 4.5:1: R 0.2122, G 0.1878, B 0.0168, L = 0.1807, contrast
    1.05 / 0.2307 = 4.55. One step lighter (136/256: 128, 121, 35), L = 0.1839 and contrast 1.05 / 0.2339 = 4.49."""
    from helpers.colours import contrast_ratio, readable_shade

    assert readable_shade("#0072B2") == "#0072B2" and readable_shade("#8C510A") == "#8C510A"  # readable already
    shade = readable_shade("#F0E442")
    assert shade == "#7F7823"
    assert contrast_ratio(shade) == pytest.approx(4.55, abs=0.005)
    red, green, blue = (int(shade[i:i + 2], 16) for i in (1, 3, 5))
    assert red / 240 == pytest.approx(green / 228, abs=0.01) and red / 240 == pytest.approx(blue / 66, abs=0.01)
    assert contrast_ratio("#807923") == pytest.approx(4.49, abs=0.005)  # one step lighter does not read


def test_an_accent_too_light_for_text_is_a_warning_naming_the_client_and_the_key(tmp_path):
    from helpers.clients import accent_note
    from helpers.i18n import Translator

    clients = load_roster(roster(tmp_path, "clients:" + _client(
        "[data/demo/kopi-senja/*.csv]", cid="sunny", extra='    branding: {accent_colour: "#F0E442"}')
        + _client("[data/demo/kopi-senja/*.csv]", cid="blue", extra='    branding: {accent_colour: "#0072B2"}')))
    sunny, blue = clients
    assert accent_note(blue) is None
    note = accent_note(sunny)
    assert str(note) == (
        "client 'sunny': key 'branding.accent_colour' #F0E442 is too light for text on the white page (contrast"
        " 1.32:1, where text needs at least 4.5:1 to be read easily) and for a chart's lines (which need 3:1): the"
        " report writes its headings and brand name in #7F7823, a darker shade of the same colour (4.55:1), draws"
        " the lines of the posts in the top under both lenses in the rank charts in #9F972C (3.03:1), and keeps"
        " #F0E442 for the bar under the brand name and the rules under section headings and table header rows. To"
        " choose these shades yourself, give a darker accent_colour")
    indonesian = Translator("id").message(note)
    assert indonesian.startswith("klien 'sunny': kunci 'branding.accent_colour' #F0E442 terlalu terang")
    assert "1,32:1" in indonesian and "#7F7823" in indonesian and "diagram peringkat dengan #9F972C (3,03:1)" in indonesian


def test_an_accent_light_enough_for_chart_lines_is_said_to_be_drawn_in_them_as_it_is(tmp_path):
    """#D55E00 has a contrast of 3.87:1 on white (luminance 0.2126 × 0.665 + 0.7152 × 0.112 = 0.2215; 1.05 ÷
    0.2715): too little for text, enough for the rank charts' lines, which draw it as it is (plots.rank_shift)."""
    from helpers.clients import accent_note
    from helpers.i18n import Translator

    [orange] = load_roster(roster(tmp_path, "clients:" + _client(
        "[data/demo/kopi-senja/*.csv]", cid="orange", extra='    branding: {accent_colour: "#D55E00"}')))
    note = accent_note(orange)
    assert str(note).endswith(
        "(contrast 3.87:1, where text needs at least 4.5:1 to be read easily): the report writes its headings and"
        " brand name in #C35600, a darker shade of the same colour (4.51:1), and keeps #D55E00 for the bar under"
        " the brand name, the rules under section headings and table header rows, and the lines of the posts in"
        " the top under both lenses in the rank charts. To choose the text's shade yourself, give a darker"
        " accent_colour")
    assert "diagram peringkat" in Translator("id").message(note)


def test_the_render_command_warns_of_an_accent_too_light_for_text(tmp_path, monkeypatch, capsys):
    """Said beside the summary, where the consultant reads what to check before sending the reports (the
    rendering itself is left out here: the warning depends on the roster alone)."""
    from helpers import render
    from helpers.__main__ import main

    monkeypatch.setattr(render, "render_all", lambda clients, out, **_: [])
    path = roster(tmp_path, "clients:" + _client("[data/demo/kopi-senja/*.csv]", cid="sunny",
                                                 extra='    branding: {accent_colour: "#F0E442"}'))
    assert main(["render", "--clients", str(path), "--out", str(tmp_path / "out")]) == 0
    out = capsys.readouterr().out
    assert "client 'sunny': key 'branding.accent_colour' #F0E442 is too light for text" in out
    path.write_text(path.read_text().replace("#F0E442", "#0072B2"))
    assert main(["render", "--clients", str(path), "--out", str(tmp_path / "out")]) == 0
    assert "accent_colour" not in capsys.readouterr().out


def test_the_render_command_warns_of_a_logo_too_small_to_see(tmp_path, monkeypatch, capsys):
    """Said beside the summary, as the accent's shade is, where the consultant reads what to check."""
    from PIL import Image

    from helpers import render
    from helpers.__main__ import main

    monkeypatch.setattr(render, "render_all", lambda clients, out, **_: [])
    Image.new("RGBA", (2, 2), (0, 0, 0, 255)).save(logo := tmp_path / "dot.png")
    path = roster(tmp_path, "clients:" + _client("[data/demo/kopi-senja/*.csv]", cid="dot",
                                                 extra=f'    branding: {{logo: "{logo}"}}'))
    assert main(["render", "--clients", str(path), "--out", str(tmp_path / "out")]) == 0
    assert f"client 'dot': key 'branding.logo': {logo} is only 2 × 2 pixels" in capsys.readouterr().out


def test_a_name_holding_a_control_character_is_refused_with_where_it_is(tmp_path):
    """An escape sequence pasted into a name would move the cursor or retitle the terminal when the command prints
    the name (the summary, an earlier client's name read back from render.json), and a tab or line break shows as
    nothing in a report: refused, at its character, in the roster's check."""
    problems = _problems(tmp_path, r"""
clients:
  - id: evil
    name: "Old\e]0;retitled\aCo"
    exports: [data/demo/kopi-senja/*.csv]
    timezone: UTC
    period: last full month
    branding: {name: "Kopi\tSenja"}
  - id: fine
    name: Kopi Senja – Jakarta ☕
    exports: [data/demo/harbour-books/*.csv]
    timezone: UTC
    period: last full month
""")
    assert problems == [
        "client 'evil': key 'name' holds a control character (U+001B, character 4), which the report cannot show and"
        " a terminal may act on; expected plain text on one line: write the name again without it",
        "client 'evil': key 'branding.name' holds a control character (U+0009, character 5), which the report cannot"
        " show and a terminal may act on; expected plain text on one line: write the name again without it",
    ]



def test_a_name_holding_a_direction_control_is_refused_with_where_it_is(tmp_path):
    """A right-to-left override pasted into a name prints the rest of the line backwards (the report's footer,
    the command's summary): refused as a control character is, at its character; a right-to-left mark, which a
    name mixing scripts may need, is not."""
    text = r"""
clients:
  - id: rtl
    name: "\u202eKopi Senja"
    exports: [data/demo/kopi-senja/*.csv]
    timezone: UTC
    period: last full month
    branding: {name: "Toko \u2067ajneS\u2069"}
  - id: fine
    name: "Kopi \u200fSenja"
    exports: [data/demo/harbour-books/*.csv]
    timezone: UTC
    period: last full month
"""
    assert _problems(tmp_path, text) == [
        "client 'rtl': key 'name' holds a text-direction control (U+202E, character 1), which turns the text after it"
        " around, in the report and on the terminal; expected plain text: write the name again without it",
        "client 'rtl': key 'branding.name' holds a text-direction control (U+2067, character 6), which turns the text"
        " after it around, in the report and on the terminal; expected plain text: write the name again without it",
    ]
    assert _problems(tmp_path, text, language="id")[0] == (
        "klien 'rtl': kunci 'name' memuat karakter pengatur arah teks (U+202E, karakter ke-1), yang membalik arah"
        " teks sesudahnya, di laporan maupun di terminal; diharapkan teks biasa: tulis ulang namanya tanpa karakter"
        " itu")

WINDOWS_DRIVE_EN = ("; C: is a Windows drive, which this computer does not have: copy the exports here and give the"
                    " path where they are now (relative to the project root, e.g. data/raw/<client>/*.csv)")
ADVICE_EN = "write paths with / between folders, or in single quotes, where a \\ is kept as typed"


def test_a_windows_path_in_double_quotes_is_said_to_need_slashes_or_single_quotes(tmp_path):
    """In double quotes YAML reads a \\ as the start of an escape: "C:\\Users\\..." stops the reader at \\U (no
    8 hex digits follow), "data\\demo\\..." at \\d (no escape). Said as such, with the path written with /."""
    problems = _problems(tmp_path, r"""clients:
  - id: oig
    name: Oigetit
    exports:
      - "C:\Users\me\Downloads\a.csv"
    timezone: UTC
    period: last full month
""")
    assert problems == [
        "line 5, column 14: inside double quotes YAML reads a \\ as the start of an escape (\\n a line break, \\t a"
        f" tab), so a path written with \\ cannot be read: {ADVICE_EN}; here: \"C:/Users/me/Downloads/a.csv\""
        + WINDOWS_DRIVE_EN]
    problems = _problems(tmp_path, r"""clients:
  - id: oig
    name: Oigetit
    exports:
      - "data\demo\kopi.csv"
    timezone: UTC
    period: last full month
""", language="id")
    assert problems == [
        "baris 5, kolom 15: di dalam tanda kutip ganda, YAML membaca \\ sebagai awal urutan escape (\\n baris baru, \\t"
        " tab), sehingga jalur yang ditulis dengan \\ tidak dapat dibaca: tulis jalur dengan / di antara folder, atau"
        " di dalam tanda kutip tunggal, tempat \\ tetap seperti yang diketik; di sini: \"data/demo/kopi.csv\""]


def test_a_path_yaml_read_escapes_in_is_shown_as_typed_with_how_to_write_it(tmp_path):
    """"D:\\new\\test.csv" is valid YAML: \\n and \\t become a line break and a tab. The path is shown as typed,
    on one line, with the same advice; a logo path too."""
    path = roster(tmp_path, r"""clients:
  - id: oig
    name: Oigetit
    exports:
      - "D:\new\test.csv"
    timezone: UTC
    period: last full month
    branding: {logo: "data\new.png"}
""")
    with pytest.raises(RosterError) as info:
        load_roster(path)
    root = PROJECT_ROOT
    assert info.value.problems == [
        "client 'oig': key 'exports': file not found: D:\\new\\test.csv (looked for"
        f" {root}/D:\\new\\test.csv: paths in a roster are relative to the project root); the path holds a line break"
        " (\\n) and a tab (\\t): inside double quotes YAML reads a \\ and the letter after it as one character (\\n a"
        f" line break, \\t a tab), so the path is not the one typed: {ADVICE_EN}"
        + WINDOWS_DRIVE_EN.replace("C:", "D:"),
        f"client 'oig': key 'branding.logo': file not found: data\\new.png (looked for {root}/data\\new.png: paths in a"
        " roster are relative to the project root); the path holds a line break (\\n): inside double quotes YAML"
        " reads a \\ and the letter after it as one character (\\n a line break, \\t a tab), so the path is not the"
        f" one typed: {ADVICE_EN}"]
    with pytest.raises(RosterError) as info:
        load_roster(path, language="id")
    assert "; jalur ini memuat baris baru (\\n) dan tab (\\t): di dalam tanda kutip ganda, YAML membaca \\" in (
        info.value.problems[0])


def test_a_pattern_with_backslashes_is_quoted_as_typed(tmp_path):
    """A \\ is shown once, as typed (repr showed it doubled), here and in what is said to write instead."""
    problems = _problems(tmp_path, r"""clients:
  - id: oig
    name: Oigetit
    exports: ['\work\shared\exports\*.csv']
    timezone: UTC
    period: last full month
""")
    assert problems == [
        f"client 'oig': key 'exports': the pattern '\\work\\shared\\exports\\*.csv' matches no file (looked in"
        f" {PROJECT_ROOT}: paths in a roster are relative to the project root); on this computer a \\ is part of a"
        " file name, not a folder separator: write the path with /, e.g. '/work/shared/exports/*.csv'"]



def test_a_logo_on_a_windows_drive_is_said_to_be_copied_into_the_project(tmp_path):
    """A logo written as on Windows (`C:\\x\\logo.png`) was told to copy "the exports" into data/raw: the advice
    names the image, and where to put it."""
    text = r"""clients:
  - id: oig
    name: Oigetit
    exports: [data/demo/kopi-senja/*.csv]
    timezone: UTC
    period: last full month
    branding: {logo: 'C:\x\logo.png'}
"""
    assert _problems(tmp_path, text) == [
        "client 'oig': key 'branding.logo': file not found: C:\\x\\logo.png (looked for"
        f" {PROJECT_ROOT}/C:\\x\\logo.png: paths in a roster are relative to the project root); C: is a Windows drive,"
        " which this computer does not have: copy the image into the project and give the path where it is now (relative to the"
        " project root, e.g. data/raw/<client>/logo.png)"]
    assert _problems(tmp_path, text, language="id")[0].endswith(
        "; C: adalah drive Windows, yang tidak ada di komputer ini: salin gambarnya ke dalam proyek dan tuliskan jalur"
        " tempatnya sekarang (relatif terhadap folder akar proyek, mis. data/raw/<klien>/logo.png)")

def test_a_windows_pattern_from_the_home_folder_is_not_found_with_the_advice_for_windows_paths(tmp_path):
    """`~\\exp\\*.csv` names, on this computer, the home of a user `\\exp\\*.csv`, which pathlib cannot find
    (RuntimeError, with a traceback): a pattern that matches no file, with how to write it with /."""
    problems = _problems(tmp_path, r"""clients:
  - id: oig
    name: Oigetit
    exports: ['~\exp\*.csv']
    timezone: UTC
    period: last full month
""")
    assert problems == [
        f"client 'oig': key 'exports': the pattern '~\\exp\\*.csv' matches no file (looked in {PROJECT_ROOT}: paths"
        " in a roster are relative to the project root); on this computer a \\ is part of a file name, not a folder"
        " separator: write the path with /, e.g. '~/exp/*.csv'"]

CLIENT = """  - id: harbour
    name: Harbour Books
    exports:
      - data/demo/harbour-books/*.csv
    timezone: Europe/London
    period: last full month
"""


def test_a_client_pasted_without_its_indent_is_said_to_need_it(tmp_path):
    """YAML's "expected <block end>, but found '-'" (libyaml: "did not find expected key") for a client whose '-'
    is not under the others': said as that, with how many spaces they have."""
    text = "clients:\n" + CLIENT + "- id: oig\n  name: Oigetit\n"
    assert _problems(tmp_path, text) == [
        "line 8: this client is not indented like the ones above it: start its line with 2 spaces before '-', as"
        " they do"]
    assert _problems(tmp_path, "clients:\n" + CLIENT + "    - id: oig\n", language="id") == [
        "baris 8: klien ini tidak diindentasi seperti klien-klien di atasnya: awali barisnya dengan 2 spasi sebelum"
        " '-', seperti klien-klien itu"]
    one_space = "clients:\n" + CLIENT + " - id: oig\n"
    assert _problems(tmp_path, one_space)[0].startswith("line 8: this client is not indented like the ones above it")
    compact = "clients:\n- id: harbour\n  name: Harbour Books\n  - id: oig\n"  # clients written at the line's start
    assert _problems(tmp_path, compact) == [
        "line 4: this client is not indented like the ones above it: start its line with '-', with no space before"
        " it, as they do"]
    export = "clients:\n  - id: a\n    exports:\n      - a.csv\n     - b.csv\n"  # an item of another list
    assert _problems(tmp_path, export) == [
        "line 5: this '-' is not indented like the list above it (line 4): start its line with 6 spaces before '-',"
        " as that line does"]


def test_a_colon_in_a_value_is_said_to_need_quotes(tmp_path):
    """YAML's "mapping values are not allowed here" for `name: Oigetit: South Africa`: the value, in quotes."""
    assert _problems(tmp_path, "clients:\n  - id: oig\n    name: Oigetit: South Africa  # the client\n") == [
        "line 3, column 18: the value of 'name' holds ': ', which YAML reads as the start of another key: put the"
        ' value in quotes: name: "Oigetit: South Africa"']
    assert _problems(tmp_path, 'clients:\n  - name: Say "hi": now\n', language="id") == [
        "baris 2, kolom 19: nilai 'name' memuat ': ', yang dibaca YAML sebagai awal kunci lain: apit nilainya dengan"
        " tanda kutip: name: 'Say \"hi\": now'"]


@pytest.mark.parametrize("text", [
    'clients:\n  - exports:\n      - "C:\\Users\\me\\a.csv"\n', 'clients:\n  - exports:\n      - "C:\\data\\a.csv"\n',
    "clients:\n" + CLIENT + "- id: oig\n", "clients:\n" + CLIENT + " - id: oig\n",
    "clients:\n  - id: oig\n    name: Oigetit: South Africa\n"])
def test_a_yaml_slip_is_said_alike_by_either_yaml_reader(text):
    """PyYAML's own reader and libyaml word these errors differently and stop one character apart on an unknown
    escape: each is recognised by where it stops, so either says the same (the column aside)."""
    import re

    import yaml

    from helpers.clients import yaml_problem
    from helpers.i18n import Translator

    said = []
    for loader in (yaml.SafeLoader, getattr(yaml, "CSafeLoader", None)):
        if loader is None:
            pytest.skip("PyYAML built without libyaml")
        with pytest.raises(yaml.YAMLError) as info:
            yaml.load(text, Loader=loader)
        said.append(re.sub(r"column \d+", "column N", yaml_problem(info.value, Translator("en"), text)))
    assert said[0] == said[1] and "YAML reader says" not in said[0]


def test_a_period_or_date_near_one_the_roster_takes_is_given_it(tmp_path):
    problems = _problems(tmp_path, """clients:
  - id: a
    name: Acme
    exports: [data/demo/kopi-senja/*.csv]
    timezone: UTC
    period: last month
  - id: b
    name: Acme
    exports: [data/demo/kopi-senja/*.csv]
    timezone: UTC
    period: 2025-03
  - id: c
    name: Acme
    exports: [data/demo/kopi-senja/*.csv]
    timezone: UTC
    period: {start: "31 March 2025", end: "April 30, 2025"}
    comparison: {start: 1 Mar 2025, end: 2025-03-30}
""")
    assert problems == [
        "client 'a': key 'period' is 'last month'; expected 'last full month' or a mapping with exactly 'start' and"
        " 'end'; probably 'last full month'",
        "client 'b': key 'period' is '2025-03'; expected 'last full month' or a mapping with exactly 'start' and"
        " 'end'; probably {start: 2025-03-01, end: 2025-03-31}",
        "client 'c': key 'period.start': '31 March 2025' is not a date (YYYY-MM-DD); probably '2025-03-31'",
        "client 'c': key 'period.end': 'April 30, 2025' is not a date (YYYY-MM-DD); probably '2025-04-30'",
        "client 'c': key 'comparison.start': '1 Mar 2025' is not a date (YYYY-MM-DD); probably '2025-03-01'"]
    assert _problems(tmp_path, """clients:
  - id: b
    name: Acme
    exports: [data/demo/kopi-senja/*.csv]
    timezone: UTC
    period: March 2025
""", language="id") == [
        "klien 'b': kunci 'period' bernilai 'March 2025'; diharapkan 'last full month' atau pemetaan dengan tepat"
        " 'start' dan 'end'; kemungkinan {start: 2025-03-01, end: 2025-03-31}"]


def test_the_roster_is_named_alike_in_the_roster_line_and_in_its_problems(tmp_path, monkeypatch, capsys):
    """`render --clients ../clients.yml` from a subfolder said "Roster: /…/clients.yml" and then "the client
    roster /…/here/../clients.yml has 1 problem": both name it as paths.display_path does now."""
    from helpers.__main__ import main

    roster(tmp_path, "clients:\n  - id: a\n")
    here = tmp_path / "here"
    here.mkdir()
    monkeypatch.chdir(here)
    assert main(["render", "--clients", "../clients.yml", "--out", str(tmp_path / "out")]) == 2
    said = capsys.readouterr()
    path = tmp_path.resolve() / "clients.yml"
    assert said.out.startswith(f"Roster: {path}\n")
    assert said.err.startswith(f"error: the client roster {path} has 4 problems:\n")
    monkeypatch.chdir(tmp_path)  # inside the folder the command runs in: relative to it, in both
    assert main(["render", "--clients", "here/../clients.yml", "--out", str(tmp_path / "out")]) == 2
    said = capsys.readouterr()
    assert said.out.startswith("Roster: clients.yml\n")
    assert said.err.startswith("error: the client roster clients.yml has 4 problems:\n")


def test_keys_beside_the_clients_list_are_each_named_and_a_client_pasted_there_is_told_to_indent(tmp_path):
    """A client pasted below the list at the start of the line (no '- ', no indentation), a key of no client
    and a second list under `client:` were read as top-level keys and left out without a word: each is named
    with its line, listed with the clients' own problems."""
    text = ("clients:" + _client("[data/demo/kopi-senja/*.csv]", extra="    colour: red\n")
            + "id: warung\nname: Warung\nexports: [data/demo/harbour-books/*.csv]\nnotes: hi\nclient:\n  - id: b\n")
    assert _problems(tmp_path, text) == [
        "line 8: keys 'id', 'name' and 'exports' are a client's keys written at the top level, outside the"
        " 'clients' list, so that client is not read: indent them under 'clients:' as a client of the list, the"
        " first starting with '  - ' ('  - id: ...') and each of the others with four spaces",
        "line 11: key 'notes' at the top level is not read: a roster holds its clients in the 'clients' list and no"
        " other key at the top level; remove it, or move what it holds into a client of that list",
        "line 12: key 'client' at the top level is not read; did you mean 'clients'? A roster has one 'clients'"
        " list: move the clients under 'client' into it, indented as the clients above are, then remove the key"
        " 'client'",
        "client 'acme': unknown key 'colour' (known: id, name, exports, timezone, period, comparison, language,"
        " currency, branding, benchmark_industry, top_n, year)"]
    assert _problems(tmp_path, "clients:" + _client("[data/demo/kopi-senja/*.csv]") + "top_n: 3\n", "id") == [
        "baris 7: kunci 'top_n' adalah kunci klien yang ditulis di tingkat atas, di luar daftar 'clients', sehingga"
        " kunci itu tidak dibaca: indentasikan kunci itu di bawah 'clients:' di dalam kliennya, dengan empat spasi,"
        " seperti kunci-kunci klien di atasnya"]
    assert _problems(tmp_path, "id: warung\nname: Warung\n") == [  # no list at all
        "the top-level keys are 'id' and 'name'; expected a top-level key 'clients' holding a list of clients;"
        " 'id' and 'name' are a client's keys: write 'clients:' on a line above them and indent them under it, the"
        " first starting with '  - ' ('  - id: ...') and each of the others with four spaces"]
    # the keys listed as each language lists words, not as a Python list
    assert _problems(tmp_path, "id: warung\nname: Warung\nnotes: x\n", "id")[0].startswith(
        "kunci tingkat atas berkas ini adalah 'id', 'name', dan 'notes'; diharapkan kunci tingkat atas 'clients'")


def test_curly_quotes_and_non_breaking_spaces_are_each_named_with_the_character_to_type(tmp_path):
    """A roster written in a word processor or copied from a web page: its curly quotes were read as letters of
    the values ("'“Acme”'", "expected #RRGGBB") and its non-breaking spaces as letters of keys, or as YAML errors
    on another line. Each is named by line and column, all at once, before YAML reads the file."""
    text = ("clients:\n  - id: acme\n    name: “Acme”\n    exports: [data/demo/kopi-senja/*.csv]\n"
            "    timezone: ‘UTC’\n    period:\u00a0{start: 2026-09-01, end: 2026-10-31}\n\u00a0\u00a0- id: b\n")
    quote = "the curly quote a word processor or a web page types, which YAML does not read as a quote: type"
    space = ("U+00A0, the non-breaking space a word processor or a web page pastes, which YAML reads as a letter, not"
             " as a space: type an ordinary space instead")
    assert _problems(tmp_path, text) == [
        f"line 3, column 11: '“', {quote} '\"' instead", f"line 3, column 16: '”', {quote} '\"' instead",
        f"line 5, column 15: '‘', {quote} \"'\" instead", f"line 5, column 19: '’', {quote} \"'\" instead",
        f"line 6, column 12: {space}", f"line 7, columns 1 and 2: {space}"]
    assert _problems(tmp_path, text, "id")[-1] == (
        "baris 7, kolom 1 dan 2: U+00A0, spasi tak terputus yang ditempelkan dari pengolah kata atau halaman web,"
        " yang dibaca YAML sebagai huruf, bukan spasi: ketik spasi biasa sebagai gantinya")
    # an apostrophe in a name, curly quotes kept inside straight ones, and anything in a comment are text
    path = roster(tmp_path, "clients:  # “Acme’s”\u00a0roster\n  - id: acme\n    name: Ana’s “Best” Bakery\n"
                            "    exports: [data/demo/kopi-senja/*.csv]\n    timezone: UTC\n"
                            "    period: {start: 2026-09-01, end: 2026-10-31}\n"
                            "    branding: {name: '“Ana’s” it''s', accent_colour: \"#8C510A\"}\n")
    (client,) = load_roster(path, today=dt.date(2026, 11, 15))
    assert (client.name, client.brand_name) == ("Ana’s “Best” Bakery", "“Ana’s” it's")


@pytest.mark.parametrize("name, read", [
    ("Kopi\u00a0Senja", "Kopi\u00a0Senja"),  # a non-breaking space inside a value: a letter of it, as meant
    ("’Tis the season", "’Tis the season"),  # a leading apostrophe that no quote of its kind closes
    ('"Kopi Senja\n      ’s and\u00a0co"', "Kopi Senja ’s and\u00a0co"),  # the next line of a quoted value
    (">-\n      Kopi Senja\n      “Coffee” shop", "Kopi Senja “Coffee” shop"),  # the lines of a block value
    ("|-\n      \u00a0“Kopi”", "\u00a0“Kopi”"),
    ("Shop\u00a0#1", "Shop\u00a0#1"),  # a number sign, not a comment meant: typing a space would make it one
])
def test_curly_quotes_and_non_breaking_spaces_yaml_reads_as_written_are_let_be(tmp_path, name, read):
    text = ("clients:\n  - id: kopi\n    name: " + name + "\n    exports: [data/demo/kopi-senja/*.csv]\n"
            "    timezone: Asia/Jakarta\n    period: {start: 2026-09-01, end: 2026-10-31}\n")
    (client,) = load_roster(roster(tmp_path, text), today=dt.date(2026, 11, 15))
    assert client.name == read


def test_a_curly_quoted_list_entry_and_a_space_after_a_lists_dash_are_named(tmp_path):
    """What the lines of a block value hold is let be, but the key below it is read again."""
    text = ("clients:\n  -\u00a0id: kopi\n    name: >-\n      “Kopi”\n    timezone: “Asia/Jakarta”\n"
            "    exports:\n      - “data/demo/kopi-senja/*.csv”\n")
    quote = "the curly quote a word processor or a web page types, which YAML does not read as a quote: type"
    assert _problems(tmp_path, text) == [
        "line 2, column 4: U+00A0, the non-breaking space a word processor or a web page pastes, which YAML reads as"
        " a letter, not as a space: type an ordinary space instead",
        f"line 5, column 15: '“', {quote} '\"' instead", f"line 5, column 28: '”', {quote} '\"' instead",
        f"line 7, column 9: '“', {quote} '\"' instead", f"line 7, column 36: '”', {quote} '\"' instead"]


@pytest.mark.parametrize("line, column", [
    ("    name: Acme\u00a0# the bakery\n", 15),  # YAML reads no comment there: the name would be all of it
    ("    timezone\u00a0: UTC\n", 13),  # the key would be 'timezone\u00a0', and 'timezone' missing
    ("    branding: {name\u00a0: Acme}\n", 20),
])
def test_a_non_breaking_space_before_a_comment_or_a_keys_colon_is_named(tmp_path, line, column):
    """YAML reads a non-breaking space as a letter: before `#` it starts no comment, before `:` it joins the key."""
    text = "clients:\n" + DEMO_CLIENT.format(id="acme") + line
    assert _problems(tmp_path, text) == [
        f"line 7, column {column}: U+00A0, the non-breaking space a word processor or a web page pastes, which YAML"
        " reads as a letter, not as a space: type an ordinary space instead"]


def test_curly_quotes_before_a_comment_meant_with_a_non_breaking_space_are_named_with_it(tmp_path):
    """The value is read as the comment was meant, `“Acme”`: its curly quotes are named along with the space."""
    text = "clients:\n" + DEMO_CLIENT.format(id="acme") + "    name: “Acme”\u00a0# the bakery\n"
    quote = "the curly quote a word processor or a web page types, which YAML does not read as a quote: type"
    assert _problems(tmp_path, text) == [
        f"line 7, column 11: '“', {quote} '\"' instead", f"line 7, column 16: '”', {quote} '\"' instead",
        "line 7, column 17: U+00A0, the non-breaking space a word processor or a web page pastes, which YAML"
        " reads as a letter, not as a space: type an ordinary space instead"]


def test_a_roster_or_out_folder_written_as_on_windows_is_refused_with_the_path_to_write(tmp_path, monkeypatch,
                                                                                          capsys):
    """`--out 'reports\\new'` made a folder named with the backslash, and `--clients 'data\\clients.yml'` or a
    misspelt `--clients data/client.yml` said only that the roster does not exist: each gets the roster's own
    advice (errors.windows_path_hint, the nearest name), and no folder is made."""
    from helpers.__main__ import main

    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "clients.yml").write_text("clients:\n  - id: a\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["render", "--clients", "data/clients.yml", "--out", "reports\\new"]) == 2
    assert capsys.readouterr().err == (
        "error: --out 'reports\\new': no folder of that name is here, and none is made; on this computer a \\ is"
        " part of a file name, not a folder separator: write the path with /, e.g. 'reports/new'\n")
    assert main(["render", "--clients", "data/clients.yml", "--out", "C:\\Users\\ana\\reports", "--language", "id"]) == 2
    assert capsys.readouterr().err == (
        "galat: --out 'C:\\Users\\ana\\reports': tidak ada folder dengan nama itu di sini, dan folder itu tidak"
        " dibuat; C: adalah drive Windows, yang tidak ada di komputer ini: tuliskan folder di komputer ini, dengan /"
        " di antara folder (mis. reports/ atau reports/maret)\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data"]
    assert main(["render", "--clients", "data\\clients.yml"]) == 2
    assert capsys.readouterr().err == (
        "error: the client roster data\\clients.yml has 1 problem:\n  - the roster file does not exist; on this"
        " computer a \\ is part of a file name, not a folder separator: write the path with /, e.g."
        " 'data/clients.yml'\n")
    assert main(["render", "--clients", "C:\\Users\\ana\\clients.yml"]) == 2
    assert capsys.readouterr().err.endswith(
        "the roster file does not exist; C: is a Windows drive, which this computer does not have: copy the roster"
        " into the project and give the path where it is now (e.g. data/clients.yml)\n")
    assert main(["render", "--clients", "data/client.yml"]) == 2
    assert capsys.readouterr().err.endswith(
        f"the roster file does not exist. {Path.cwd() / 'data'} holds no 'client.yml': did you mean 'clients.yml'?\n")


def test_the_readme_shows_every_key_a_client_may_have():
    """The README's roster example is where a consultant looks for the keys: each of CLIENT_KEYS is in it."""
    from helpers.clients import CLIENT_KEYS

    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    example = readme[readme.index("1. Add the client to `data/clients.yml`"):readme.index("2. `make reports`")]
    assert [key for key in CLIENT_KEYS if f" {key}:" not in example] == []


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_named_pipe_given_as_an_export_is_named_as_such_not_as_missing(tmp_path):
    """A pipe exists: 'file not found' would send the user looking for a file that is there. Named as what
    it is, by the roster, by the readers of paths and by the explorer, without opening it (which would wait
    forever for a writer)."""
    from helpers import explore
    from helpers.errors import ExportFormatError
    from helpers.i18n import Translator
    from helpers.importers import expand_paths, read_header_names

    pipe = tmp_path / "posts.csv"
    os.mkfifo(pipe)
    said = f"{pipe} is not a regular file (a pipe, a device or a socket), which holds no export"
    assert _problems(tmp_path, f"""
clients:
  - id: acme
    name: Acme
    exports: [{pipe}]
    timezone: UTC
    period: {{start: 2026-09-01, end: 2026-10-31}}
""") == [f"client 'acme': key 'exports': {said}: name the file itself"]
    with pytest.raises(WorkbookError, match=f"^{re.escape(said)}: name the export file itself$") as info:
        expand_paths(pipe)
    assert info.value.in_language(Translator("id")) == (
        f"{pipe} bukan berkas biasa (melainkan pipa, perangkat, atau soket) dan tidak berisi ekspor: sebutkan"
        " berkas ekspornya sendiri")
    with pytest.raises(WorkbookError, match=f"^{re.escape(said)}"):
        explore.export_files(pipe)
    with pytest.raises(ExportFormatError, match=r"this is not a regular file \(a pipe, a device or a socket\)"):
        read_header_names(pipe)


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="symbolic links")
def test_a_link_back_up_ends_a_double_star_walk_and_linked_files_and_folders_are_still_read(tmp_path):
    """Two links to their parent (x/b, x/c -> ..) under a folder matched by S/**/*.csv: glob follows them
    until the system refuses the path, doubling the paths at each level, a walk no render lives to see end.
    Each folder is walked once: the export is matched once, by its own path, and so is a folder reached
    through a link to a folder outside S, and a file linked into S (its own name)."""
    import threading

    from helpers.errors import nothing_there_hint
    from helpers.paths import glob_files

    export = tmp_path / "S" / "posts.csv"
    (tmp_path / "S" / "x").mkdir(parents=True)
    export.write_text("Post ID,Reach\n1,10\n", encoding="utf-8")
    os.symlink("..", tmp_path / "S" / "x" / "b")
    os.symlink("..", tmp_path / "S" / "x" / "c")
    (tmp_path / "elsewhere" / "2026").mkdir(parents=True)
    (tmp_path / "elsewhere" / "2026" / "ig.csv").write_text("a\n", encoding="utf-8")
    os.symlink(tmp_path / "elsewhere", tmp_path / "S" / "shared")
    os.symlink(export, tmp_path / "S" / "x" / "copy.csv")
    found = []
    walk = threading.Thread(target=lambda: found.append(glob_files(tmp_path / "S" / "**" / "*.csv")), daemon=True)
    walk.start()
    walk.join(timeout=10)
    assert found == [[export, tmp_path / "S" / "shared" / "2026" / "ig.csv", tmp_path / "S" / "x" / "copy.csv"]]
    # the hint for a pattern matching no file names the folders it matches, each once
    assert str(nothing_there_hint(tmp_path / "S" / "**" / "x")).startswith(
        ". It matches 1 folder, not files (x/): add /*.csv to the pattern")
