"""Files that may be exports in the folders a client's patterns look in, read by none of them: a platform whose
export sits in a subfolder, or comes as LinkedIn's .xlsx beside `*.csv`, must not drop out of a report without
a word. The report's Data coverage names them, the render's summary says what to add to the roster, and files
the roster gives another client in a shared folder are not named."""
from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from helpers.clients import Client
from helpers.html_safety import visible_text, without_word_breaks
from helpers.i18n import Translator
from helpers.index_page import report_marks
from helpers.paths import DEMO_DIR, PROJECT_ROOT, RENDER_LOCK_NAME
from helpers.render import (REPORT_NOTEBOOK, RenderResult, Renderer, Task, check_parameters, declared_parameters,
                            left_out_detail, left_out_facts, recorded_facts, summary_lines)
from helpers.render_batch import others_files
from helpers.report import build_report
from helpers.sources import LeftOut, left_out_exports

FACEBOOK = "Jul-01-2026_Oct-31-2026_104512873300219.csv"  # kopi-senja's demo exports
INSTAGRAM = "Jul-01-2026_Oct-31-2026_17841402288113456.csv"
HARBOUR = "Jul-01-2026_Oct-31-2026_100088245511032.csv"


def _write(path: Path, content: bytes = b"x") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    return path


def _export(path: Path) -> Path:
    """A file the workbook detects as an export it reads: kopi-senja's Facebook header and first post."""
    lines = (DEMO_DIR / "kopi-senja" / FACEBOOK).read_bytes().splitlines(keepends=True)
    return _write(path, b"".join(lines[:2]))


def _linkedin(path: Path) -> Path:
    """A LinkedIn company page content export (xlsx), as LinkedIn lays it out."""
    from test_import_linkedin import STANDARD_ROWS, build_workbook

    path.parent.mkdir(parents=True, exist_ok=True)
    build_workbook(path, STANDARD_ROWS)
    return path


def _client(client_id: str, *exports: str) -> Client:
    return Client(id=client_id, name=client_id.title(), exports=tuple(exports), timezone="UTC",
                  period_start=dt.date(2026, 9, 1), period_end=dt.date(2026, 10, 31),
                  comparison_start=dt.date(2026, 7, 1), comparison_end=dt.date(2026, 8, 31))


def test_the_files_a_pattern_passes_over_are_found_in_its_folder_and_below(tmp_path):
    acme = tmp_path / "acme"
    posts = _write(acme / "posts.csv", b"a,b\n1,2\n")
    _write(acme / "posts.xlsx")  # a copy of the file read
    linkedin = _linkedin(acme / "linkedin.xlsx")
    _write(acme / "brief.pdf")  # no export type
    _write(acme / ".hidden.csv")
    _write(acme / "~$linkedin.xlsx")  # Excel's lock file
    instagram = _export(acme / "instagram" / "ig.csv")
    theirs = _export(acme / "other" / "theirs.csv")  # another client's
    _write(acme / "reports" / RENDER_LOCK_NAME)  # a reports folder: its error.txt files are no exports
    _write(acme / "reports" / "_failed" / "x" / "error.txt")
    with zipfile.ZipFile(acme / "download.zip", "w") as archive:  # extracted: its posts.csv is the one read
        archive.writestr("posts.csv", b"a,b\n1,2\n")
    with zipfile.ZipFile(acme / "more.zip", "w") as archive:  # not extracted
        archive.writestr("new.csv", b"a,b\n")
    pattern = str(acme / "*.csv")

    assert left_out_exports([pattern], [posts]) == [
        LeftOut(acme, [instagram, linkedin, acme / "more.zip", theirs], acme / "**" / "*", 4)]
    # the roster gives theirs.csv to another client: not named, and a pattern over the folder would read it
    assert left_out_exports([pattern], [posts], [theirs]) == [LeftOut(acme, [instagram, linkedin, acme / "more.zip"],
                                                                      None, 3)]
    # a folder read whole by its pattern passes nothing over; a file named as it is looks in no folder
    assert left_out_exports([str(acme / "**" / "*")], [posts, linkedin, instagram, acme / "more.zip", theirs]) == []
    assert left_out_exports([str(posts)], [posts]) == []


def test_files_beside_those_read_only_are_read_by_the_folder_s_pattern(tmp_path):
    read = _write(tmp_path / "shop" / "a.csv")
    other = _export(tmp_path / "shop" / "b.tsv")
    inner = tmp_path / "shop" / "2026"
    assert left_out_exports([str(tmp_path / "shop" / "*.csv"), str(inner / "*.csv")], [read]) == [
        LeftOut(tmp_path / "shop", [other], tmp_path / "shop" / "*", 1)]  # a folder inside another is walked once


def _acme(tmp_path: Path) -> Path:
    """kopi-senja's demo Facebook export in acme/, its Instagram export in acme/instagram/."""
    acme = tmp_path / "acme"
    (acme / "instagram").mkdir(parents=True)
    shutil.copy(DEMO_DIR / "kopi-senja" / FACEBOOK, acme / FACEBOOK)
    shutil.copy(DEMO_DIR / "kopi-senja" / INSTAGRAM, acme / "instagram" / INSTAGRAM)
    return acme


def test_data_coverage_names_an_export_in_a_subfolder_the_pattern_passes_over(tmp_path):
    acme = _acme(tmp_path)
    report = build_report(client="acme", client_name="Acme", exports=[str(acme / "*.csv")], timezone="Asia/Jakarta",
                          period_start="2026-09-01", period_end="2026-10-31")
    assert list(report.platform_posts()) == ["facebook"]  # Instagram dropped out
    assert report.coverage_notes()[1] == (
        "Not read: a file that may hold an export, in acme (a folder the exports are read from) or its subfolders, "
        "beside the exports this report reads: acme/instagram/Jul-01-2026_Oct-31-2026_17841402288113456.csv. "
        "Any posts it holds are missing from this report.")
    assert "pattern" not in report.coverage_notes()[1]  # how to read it is the consultant's (the render summary)
    assert str(tmp_path) not in " ".join(report.coverage_notes())  # no folder of this machine in the report
    assert report.index_facts()["left_out"] == [{"folder": str(acme), "pattern": str(acme / "**" / "*"),
                                                 "files": [str(acme / "instagram" / INSTAGRAM)], "count": 1,
                                                 "more": ""}]


def test_a_file_the_roster_gives_another_client_is_not_named_and_the_others_are_by_name(tmp_path):
    acme = _acme(tmp_path)
    _linkedin(acme / "leaf-space_content_1753863379800.xlsx")
    report = build_report(client="acme", client_name="Acme", exports=[str(acme / "*.csv")], timezone="Asia/Jakarta",
                          period_start="2026-09-01", period_end="2026-10-31", language="id",
                          read_by_others=[str(acme / "instagram" / INSTAGRAM)])
    assert report.coverage_notes()[1] == (
        "Tidak dibaca: satu berkas yang mungkin berisi ekspor, di acme (folder tempat ekspor dibaca) atau folder di "
        "dalamnya, di samping ekspor yang dibaca laporan ini: acme/leaf-space_content_1753863379800.xlsx. "
        "Unggahan yang mungkin ada di dalamnya tidak masuk ke laporan ini.")
    assert report.index_facts()["left_out"][0]["pattern"] is None


def test_the_roster_s_other_clients_files_in_a_client_s_folders_go_to_its_render(tmp_path):
    mine = _write(tmp_path / "acme" / "a.csv")
    theirs = _write(tmp_path / "acme" / "other" / "b.csv")
    _write(tmp_path / "elsewhere" / "c.csv")
    acme = _client("acme", str(tmp_path / "acme" / "*.csv"))
    roster = [acme, _client("other", str(tmp_path / "acme" / "other" / "*.csv")),
              _client("far", str(tmp_path / "elsewhere" / "*.csv"))]
    assert others_files([acme], roster) == {"acme": (str(theirs.resolve()),)}
    assert others_files(roster[1:], roster) == {"other": (), "far": ()}
    assert mine.is_file()

    renderer = Renderer.__new__(Renderer)  # no kernel: only the parameters are asked for
    renderer.declared = declared_parameters(REPORT_NOTEBOOK)
    parameters = renderer.parameters(Task(acme, str(tmp_path / "out"), read_by_others=(str(theirs),)))
    assert parameters["read_by_others"] == [str(theirs)]
    check_parameters(REPORT_NOTEBOOK, parameters)  # the report notebook declares it
    assert "read_by_others" not in renderer.parameters(Task(acme, str(tmp_path / "out")))


def test_the_summary_says_which_files_were_passed_over_and_what_to_add_to_the_roster(tmp_path):
    folder = tmp_path / "sub"
    facts = {"posts": 48, "left_out": [{"folder": str(folder), "files": [str(folder / "instagram" / "ig.csv"),
                                                                           str(folder / "linkedin.xlsx")],
                                        "pattern": str(folder / "**" / "*")}]}
    assert recorded_facts(facts) == {"posts": 48, "left_out": 2}  # render.json: how many, no path of this machine
    result = RenderResult("sub", True, 4.0, html=tmp_path / "out" / "sub" / "report.html",
                          facts=recorded_facts(facts), left_out=facts["left_out"],
                          period=(dt.date(2025, 3, 18), dt.date(2025, 4, 14)))
    lines = summary_lines([result], Translator("en"), tmp_path / "out")
    assert lines[2].endswith("sub/report.html (2 files in its exports' folders not read: see Data coverage)")
    assert lines[3:] == ["", "In full:", (
        f"  sub: not read: {folder}/instagram/ig.csv, {folder}/linkedin.xlsx, in {folder}, a folder its exports are "
        f"read from, and taken by none of the roster's patterns; to read them, add {folder}/**/* to its exports (or "
        "the files themselves)")]
    shared = [{"folder": str(folder), "files": [str(folder / "linkedin.xlsx")], "pattern": None}]
    result.left_out, result.facts = shared, {"left_out": 1}
    lines = summary_lines([result], Translator("id"), tmp_path / "out")
    assert lines[2].endswith("(satu berkas di folder ekspornya tidak dibaca: lihat Cakupan data)")
    assert lines[-1] == (
        f"  sub: tidak dibaca: {folder}/linkedin.xlsx, di {folder}, folder tempat ekspornya dibaca, dan tidak diambil "
        "oleh pola mana pun di daftar klien; untuk membacanya, tambahkan berkas itu sendiri ke ekspornya "
        f"({folder} juga berisi ekspor klien lain, yang akan ikut terbaca oleh pola yang mencakup folder itu)")
    many = {"folder": str(folder), "files": [str(folder / f"{n:02}.csv") for n in range(10)], "pattern": None,
            "count": 4000, "more": True}  # kept by name: ten; found: 4,000, and the walk stopped at its limit
    assert recorded_facts({"left_out": [many]}) == {"left_out": 4000}
    assert left_out_detail(many, Translator("en")).startswith(
        f"not read: {folder}/00.csv, {folder}/01.csv, {folder}/02.csv, {folder}/03.csv, {folder}/04.csv, "
        f"{folder}/05.csv, {folder}/06.csv, {folder}/07.csv, {folder}/08.csv, {folder}/09.csv, and 3,990 more, and "
        "maybe more (the folder holds too many entries to look through them all), in ")
    assert report_marks({"left_out": 3}, Translator("en")) == ["3 files in its exports' folders not read: "
                                                                "see Data coverage"]


def test_a_render_names_a_platform_its_pattern_passes_over(tmp_path):
    """The command's way: `--client acme` with a roster whose other client's exports lie in acme's folder."""
    acme = _acme(tmp_path)
    _linkedin(acme / "leaf-space_content_1753863379800.xlsx")  # LinkedIn's export, beside *.csv
    shutil.copy(DEMO_DIR / "harbour-books" / HARBOUR, _write(acme / "harbour" / HARBOUR))
    roster = tmp_path / "clients.yml"
    roster.write_text(f"""clients:
  - id: acme
    name: Acme
    exports: ["{acme}/*.csv"]
    timezone: Asia/Jakarta
    period: {{start: 2026-09-01, end: 2026-10-31}}
  - id: harbour
    name: Harbour Books
    exports: ["{acme}/harbour/*.csv"]
    timezone: Europe/London
    period: {{start: 2026-09-01, end: 2026-10-31}}
""", encoding="utf-8")
    out = tmp_path / "reports"
    done = subprocess.run([sys.executable, "-m", "helpers", "render", "--clients", str(roster), "--client", "acme",
                           "--out", str(out), "--jobs", "1"], capture_output=True, text=True, cwd=PROJECT_ROOT,
                          timeout=600, env={**os.environ, "WORKBOOK_CACHE_DIR": str(tmp_path / "cache")})
    assert done.returncode == 0, done.stderr
    instagram, linkedin = acme / "instagram" / INSTAGRAM, acme / "leaf-space_content_1753863379800.xlsx"
    assert "acme/report.html (2 files in its exports' folders not read: see Data coverage)" in done.stdout
    assert (f"  acme: not read: {instagram}, {linkedin}, in {acme}, a folder its exports are read from, and taken "
            "by none of the roster's patterns; to read them, add the files themselves to its exports "
            f"({acme} also holds another client's exports, which a pattern over it would read too)") in done.stdout
    page = visible_text(without_word_breaks((out / "acme" / "report.html").read_text(encoding="utf-8")))
    assert ("Not read: 2 files that may hold exports, in acme (a folder the exports are read from) or its "
            "subfolders, beside the exports this report reads: acme/instagram/"
            f"{INSTAGRAM}, acme/leaf-space_content_1753863379800.xlsx. Any posts they hold are missing from this "
            "report.") in page
    assert "add the files" not in page and "pattern" not in page
    assert "harbour/" not in page  # the other client's export is theirs: not named
    assert json.loads((out / "_records" / "acme.json").read_text(encoding="utf-8"))["report"]["left_out"] == 2
    assert "2 files in its exports&#x27; folders not read" in (out / "index.html").read_text(encoding="utf-8")


def test_a_folder_of_many_entries_is_walked_only_up_to_the_limit(tmp_path, monkeypatch):
    import helpers.paths
    from helpers.paths import exports_under

    read = _write(tmp_path / "shop" / "posts.csv")
    for number in range(30):
        _export(tmp_path / "shop" / "many" / f"{number:02}.csv")
    # shop's 2 entries (posts.csv, many/), then 18 of many/'s 30: stopped at the 21st entry, inside many/
    found, more = exports_under(tmp_path / "shop", limit=20)
    assert more and len(found) == 19 and read in found
    assert exports_under(tmp_path / "shop", limit=40) == (sorted([read, *(tmp_path / "shop" / "many").iterdir()]),
                                                           False)
    monkeypatch.setattr(helpers.paths, "WALK_LIMIT", 20)
    [left] = left_out_exports([str(tmp_path / "shop" / "*.csv")], [read])
    assert (left.count, left.more, len(left.files)) == (18, "entries", 10)  # ten kept by name, the rest counted
    from helpers.report import Report
    note = Report.left_out_notes(type("R", (), {"tr": Translator("en"), "left_out": [left]})())[0]
    assert note.startswith("Not read: files that may hold exports, 18 of them found and maybe more, in shop ")
    assert "(the folder holds more than 20 entries, not all of them looked through)" in note and " and 13 more. Any posts" in note


def test_a_pattern_s_own_folder_is_looked_into_though_reports_are_written_there(tmp_path):
    """`--out` the pattern's own folder: its lock file must not turn the check off for that folder."""
    posts = _write(tmp_path / "acme" / "posts.csv")
    instagram = _export(tmp_path / "acme" / "ig" / "ig.csv")
    _write(tmp_path / "acme" / RENDER_LOCK_NAME)
    _write(tmp_path / "acme" / "acme" / RENDER_LOCK_NAME)  # a client's report folder below: not looked into
    _export(tmp_path / "acme" / "acme" / "_failed" / "error.csv")
    assert left_out_exports([str(tmp_path / "acme" / "*.csv")], [posts]) == [
        LeftOut(tmp_path / "acme", [instagram], tmp_path / "acme" / "**" / "*", 1)]


def test_a_file_two_entries_of_one_business_share_does_not_make_their_folder_shared(tmp_path):
    """One client in English and in Indonesian: the same export, and the advice is the pattern, not the files."""
    posts = _write(tmp_path / "uci" / "posts.csv")
    theirs = _write(tmp_path / "uci" / "other" / "b.csv")
    english, indonesian = _client("uci", str(tmp_path / "uci" / "*.csv")), _client("uci-id", str(posts))
    other = _client("other", str(theirs))
    assert others_files([english, indonesian], [english, indonesian, other]) == {
        "uci": (str(theirs.resolve()),), "uci-id": ()}
    assert others_files([english], [english, indonesian]) == {"uci": ()}


def test_only_files_whose_header_is_an_export_the_workbook_reads_are_named(tmp_path, monkeypatch):
    """A dataset's description, notes and YouTube's breakdown beside its table are no exports: not named."""
    import helpers.sources

    shop = tmp_path / "shop"
    read = _write(shop / "posts.tsv")
    table = _write(shop / "yt" / "Table data.csv", b"Content,Video title,Views\n")
    _write(shop / "Facebook_metrics.txt", b"Facebook metrics\n\nThe data is related to posts' published during "
                                          b"the year of 2014 on the Facebook's page of a renowned cosmetics brand.\n")
    _write(shop / "notes.txt", b"ask for the Instagram export\n")
    _write(shop / "yt" / "Chart data.csv", b"Date,Content,Video title,Video publish time,Views\n"
                                           b'2024-01-01,abc,A video,"Jan 1, 2024",5\n')
    _write(shop / "empty.csv", b"")
    instagram = _export(shop / "ig" / "posts.csv")
    linkedin = _linkedin(shop / "page.xlsx")
    assert left_out_exports([str(shop / "*.tsv")], [read, table]) == [
        LeftOut(shop, [instagram, linkedin], shop / "**" / "*", 2)]
    # three headers opened, the spreadsheet first (page.xlsx, then Facebook_metrics.txt, empty.csv), not the
    # rest (ig/posts.csv among them): there may be more, and the limit that stopped is the headers'
    monkeypatch.setattr(helpers.sources, "HEADERS_LOOKED_AT", 3)
    assert left_out_exports([str(shop / "*.tsv")], [read, table]) == [
        LeftOut(shop, [linkedin], shop / "*", 1, "headers")]


def test_render_client_given_the_roster_passes_the_other_clients_files_to_the_report(tmp_path, monkeypatch):
    """The Python API's one-client render knows, as a batch does, which files in its folders are another's."""
    import helpers.render

    theirs = _write(tmp_path / "acme" / "other" / "b.csv")
    acme = _client("acme", str(tmp_path / "acme" / "*.csv"))
    tasks = []

    class Recording:  # no kernel: the Task the renderer is given is what is checked
        def __init__(self, notebook):
            pass

        def render(self, task):
            tasks.append(task)
            return RenderResult(task.client.id, True, 1.0)

        def close(self):
            pass

    monkeypatch.setattr(helpers.render, "Renderer", Recording)
    helpers.render.render_client(acme, tmp_path / "out", roster=[acme, _client("other", str(theirs))])
    helpers.render.render_client(acme, tmp_path / "out")
    assert [task.read_by_others for task in tasks] == [(str(theirs.resolve()),), ()]


def test_a_look_stopped_at_a_limit_is_said_even_where_it_found_nothing(tmp_path, monkeypatch):
    """210 plain CSVs, no export among them: past the 200 headers opened, nothing found is no all-clear."""
    import helpers.paths
    from helpers.report import Report

    read = _write(tmp_path / "shop" / "posts.tsv")
    for number in range(210):
        _write(tmp_path / "shop" / f"a{number:03}.csv", b"plain\n")
    [left] = left_out_exports([str(tmp_path / "shop" / "*.tsv")], [read])
    assert (left.folder, left.files, left.count, left.more) == (tmp_path / "shop", [], 0, "headers")
    note = Report.left_out_notes(type("R", (), {"tr": Translator("en"), "left_out": [left]})())
    assert note == [
        "Not looked through in full: shop (a folder the exports are read from) and its subfolders, which hold more "
        "than 200 files of an export's type besides the exports this report reads; only the first 200 were opened "
        "to see whether they hold an export, and none did. The others may hold exports, and any posts they hold are "
        "missing from this report."]
    assert Report.left_out_notes(type("R", (), {"tr": Translator("id"), "left_out": [left]})())[0].startswith(
        "Tidak diperiksa seluruhnya: shop (folder tempat ekspor dibaca) dan folder di dalamnya, yang berisi lebih "
        "dari 200 berkas berjenis ekspor")
    found = {"folder": str(tmp_path / "shop"), "files": [], "pattern": None, "count": 0, "more": "headers"}
    assert recorded_facts({"left_out": [found]}) == {}  # nothing to count beside the status
    [kept] = left_out_facts({"left_out": [found]})
    assert left_out_detail(kept, Translator("en")) == (
        f"not looked through in full: {tmp_path / 'shop'}, a folder its exports are read from, holds more than 200 "
        "files of an export's type that none of the roster's patterns takes; the first 200 hold no export, and the "
        "others were not opened")
    # the walk's own limit, met before any export: said as such
    monkeypatch.setattr(helpers.paths, "WALK_LIMIT", 20)
    [left] = left_out_exports([str(tmp_path / "shop" / "*.tsv")], [read])
    assert (left.files, left.count, left.more) == ([], 0, "entries")
    assert Report.left_out_notes(type("R", (), {"tr": Translator("en"), "left_out": [left]})()) == [
        "Not looked through in full: shop (a folder the exports are read from) and its subfolders, which hold more "
        "than 20 entries. Files there besides the exports this report reads may hold exports, and any posts they "
        "hold are missing from this report."]
    assert left_out_detail({**kept, "more": "entries"}, Translator("id")) == (
        f"tidak diperiksa seluruhnya: {tmp_path / 'shop'}, folder tempat ekspornya dibaca, berisi lebih dari 20 "
        "entri, dan berkas di sana yang tidak diambil oleh pola mana pun di daftar klien mungkin berisi ekspor")


def test_a_spreadsheet_among_many_plain_csvs_is_looked_at_first(tmp_path):
    """LinkedIn's .xlsx sorting after 210 plain CSVs: its header is opened before theirs, within the 200."""
    read = _write(tmp_path / "shop" / "posts.tsv")
    for number in range(210):
        _write(tmp_path / "shop" / f"a{number:03}.csv", b"plain\n")
    linkedin = _linkedin(tmp_path / "shop" / "zz_content.xlsx")
    [left] = left_out_exports([str(tmp_path / "shop" / "*.tsv")], [read])
    assert (left.files, left.count, left.more) == ([linkedin], 1, "headers")


def test_the_header_limit_is_worded_as_such_not_as_the_walk_s(tmp_path, monkeypatch):
    """Stopped by the headers opened (3 here), the note and the summary say so, not 'more than 5,000 entries'."""
    import helpers.sources
    from helpers.report import Report

    shop = tmp_path / "shop"
    read = _write(shop / "posts.tsv")
    instagram = _export(shop / "ig.csv")
    instagram = instagram.rename(shop / "0ig.csv")  # opened first: found
    for name in ("a.csv", "b.csv", "c.csv"):
        _write(shop / name, b"plain\n")
    monkeypatch.setattr(helpers.sources, "HEADERS_LOOKED_AT", 3)  # 0ig, a, b opened; c not: the cap met first
    [left] = left_out_exports([str(shop / "*.tsv")], [read])
    assert (left.files, left.count, left.more) == ([instagram], 1, "headers")
    [note] = Report.left_out_notes(type("R", (), {"tr": Translator("en"), "left_out": [left]})())
    assert ("beside the exports this report reads (only the first 3 files of an export's type there were "
            "opened to see whether they hold one): shop/0ig.csv.") in note
    assert "entries" not in note
    [note] = Report.left_out_notes(type("R", (), {"tr": Translator("id"), "left_out": [left]})())
    assert "(hanya 3 berkas pertama berjenis ekspor di sana yang dibuka untuk melihat apakah berisi ekspor)" in note
    found = {"folder": str(shop), "files": [str(instagram)], "pattern": str(shop / "*"), "count": 1, "more": "headers"}
    [kept] = left_out_facts({"left_out": [found]})
    assert left_out_detail(kept, Translator("en")).startswith(
        f"not read: {instagram}, and maybe more (only the first 3 files of an export's type were opened to see "
        f"whether they hold one), in {shop}, ")
    old = {**found, "more": True}  # a report rendered before: the walk's limit
    assert left_out_facts({"left_out": [old]})[0]["more"] == "entries"


def test_a_file_reached_through_a_link_is_named_as_it_lies_in_the_folder(tmp_path, monkeypatch):
    """A link in the client's folder to an export elsewhere: the summary names the link, not the file it points to."""
    elsewhere = _linkedin(tmp_path / "downloads" / "content.xlsx")
    posts = _write(tmp_path / "k" / "posts.csv")
    (tmp_path / "k" / "linkedin.xlsx").symlink_to(elsewhere)
    [left] = left_out_exports([str(tmp_path / "k" / "*.csv")], [posts])
    assert left.files == [tmp_path / "k" / "linkedin.xlsx"]
    found = {"folder": str(left.folder), "files": [str(f) for f in left.files], "pattern": str(left.pattern),
             "count": left.count, "more": left.more}
    [kept] = left_out_facts({"left_out": [found]})
    assert left_out_detail(kept, Translator("en")).startswith(
        f"not read: {tmp_path / 'k' / 'linkedin.xlsx'}, in {tmp_path / 'k'}, ")
    monkeypatch.chdir(tmp_path)  # inside the folder the command runs in: relative, still the link's own name
    assert left_out_detail(kept, Translator("en")).startswith("not read: k/linkedin.xlsx, in k, ")


def test_a_pattern_choosing_by_name_in_a_shared_folder_names_no_other_company_s_file(tmp_path):
    """raw/<platform>/ holding every client's downloads, each client's pattern choosing its own by name: the files
    it leaves aside are other companies', not a slip, and their names must not reach this client's report."""
    raw = tmp_path / "raw"
    mine = [_export(raw / "facebook" / f"acme_{FACEBOOK}"), _export(raw / "instagram" / f"acme_{INSTAGRAM}")]
    initech = _export(raw / "facebook" / f"initech-pharma_{FACEBOOK}")
    _linkedin(raw / "linkedin" / "initech_content.xlsx")
    assert left_out_exports([str(raw / "*" / "acme_*.csv")], mine) == []
    assert left_out_exports([str(raw / "facebook" / "*_2026*.csv")], mine[:1]) == []
    # an exact name picks one file in whoever's folder the wildcard reaches: no look either
    assert left_out_exports([str(raw / "*" / f"acme_{FACEBOOK}")], mine[:1]) == []
    # by type alone, the folder holding what it matched is looked through: all its CSVs are read as acme's
    linkedin = _linkedin(raw / "facebook" / "acme_content.xlsx")
    assert left_out_exports([str(raw / "facebook" / "*.csv")], [mine[0], initech]) == [
        LeftOut(raw / "facebook", [linkedin], raw / "facebook" / "*", 1)]


def test_the_look_stays_below_the_folders_of_the_files_a_pattern_matched(tmp_path):
    """A client's folder named with a wildcard (`**b**`) makes the pattern's fixed part the folder of every
    client: the look goes no higher than the folder of the files matched, and names no file of another's folder."""
    clients = tmp_path / "Clients"
    acme = clients / "Acme **b**"
    posts = _export(acme / "posts" / "fb.csv")
    instagram = _export(acme / "posts" / "ig" / "ig.csv")
    globex = _export(acme / "Globex-leaked.csv")
    _export(clients / "OtherClient" / "posts.csv")
    _export(clients / "OtherClient" / "archive" / "OtherClient merger-target Q3.csv")
    _linkedin(acme / "notes" / "content.xlsx")  # beside the folder of the files matched, not below it
    roster = [_client("acme", str(acme / "posts" / "*.csv")),
              _client("globex", str(clients / "OtherClient" / "*.csv"), str(globex))]
    theirs = others_files(roster[:1], roster)["acme"]
    assert left_out_exports([str(acme / "posts" / "*.csv")], [posts], theirs) == [
        LeftOut(acme / "posts", [instagram], acme / "posts" / "**" / "*", 1)]


def test_a_subfolder_holding_another_client_s_file_is_not_looked_into(tmp_path):
    """Nor any file beside theirs, nor the subfolders above theirs; the advice names files, never `**/*` over it."""
    acme = tmp_path / "acme"
    posts = _write(acme / "posts.csv")
    instagram = _export(acme / "ig" / "ig.csv")
    theirs = _export(acme / "other" / "2026" / "theirs.csv")
    _export(acme / "other" / "unknown.csv")  # in the subtree holding theirs: no look
    _export(acme / "other" / "2026" / "unknown.csv")
    assert left_out_exports([str(acme / "*.csv")], [posts], [theirs]) == [LeftOut(acme, [instagram], None, 1)]
    # a folder holding another client's file itself is shared: not looked through at all
    shared = tmp_path / "shared"
    mine, other = _write(shared / "mine.csv"), _export(shared / "theirs.csv")
    _linkedin(shared / "content.xlsx")
    assert left_out_exports([str(shared / "*.csv")], [mine], [other]) == []


def test_which_file_name_parts_take_files_by_type_alone():
    from helpers.sources import selects_by_type_only

    assert [selects_by_type_only(f"/data/{name}") for name in ("*", "*.csv", "*.*", "*.xlsx", "**", "*.[cC][sS][vV]")] \
        == [True] * 6
    assert [selects_by_type_only(f"/data/{name}") for name in ("acme_*.csv", "Table data.csv", "*_2026*.csv", "?.csv",
                                                               "*.2026.csv", "*acme*")] == [False] * 6


def test_a_client_folder_with_a_subfolder_per_platform_is_looked_through_from_the_client_s_folder(tmp_path):
    """acme/facebook/, acme/instagram/ read by `acme/**/*.csv` or `acme/*/*.csv`: LinkedIn's .xlsx in
    acme/linkedin/ lies in no folder a CSV was matched in, and is still named, with the pattern over acme/."""
    acme = tmp_path / "acme"
    read = [_export(acme / "facebook" / FACEBOOK), _export(acme / "instagram" / INSTAGRAM)]
    linkedin = _linkedin(acme / "linkedin" / "leaf-space_content_1753863379800.xlsx")
    for pattern in (acme / "**" / "*.csv", acme / "*" / "*.csv"):
        assert left_out_exports([str(pattern)], read) == [LeftOut(acme, [linkedin], acme / "**" / "*", 1)]
    # another client's subfolder under acme/ is still passed over, and the advice names files
    theirs = _export(acme / "globex" / HARBOUR)
    assert left_out_exports([str(acme / "*" / "*.csv")], read, [theirs]) == [LeftOut(acme, [linkedin], None, 1)]


def test_a_client_folder_named_after_a_wildcard_starts_the_look_at_the_folders_matched(tmp_path):
    """A folder per month holding every client's folder, read by `exports/*/acme/*.csv`: the fixed folder
    exports/ is every client's, so the look starts at the acme/ folders the pattern matched. Starting at exports/
    named another company's downloads (globex's Facebook export and LinkedIn workbook) in Acme's report."""
    exports = tmp_path / "exports"
    read = [_export(exports / "2025-01" / "acme" / FACEBOOK)]
    _export(exports / "2025-01" / "globex" / HARBOUR)
    _linkedin(exports / "2025-02" / "globex" / "globex_content.xlsx")
    linkedin = _linkedin(exports / "2025-01" / "acme" / "li" / "content.xlsx")
    for pattern in (exports / "*" / "acme" / "*.csv", exports / "**" / "acme" / "*.csv"):
        assert left_out_exports([str(pattern)], read) == [
            LeftOut(exports / "2025-01" / "acme", [linkedin], exports / "2025-01" / "acme" / "**" / "*", 1)]


def test_a_wildcard_within_a_folder_name_starts_the_look_at_the_folders_matched(tmp_path):
    """`Clients/Acme*/posts/*.csv`: the fixed folder Clients/ is every client's, so the look starts at posts/."""
    clients = tmp_path / "Clients"
    posts = _export(clients / "Acme Co" / "posts" / FACEBOOK)
    instagram = _export(clients / "Acme Co" / "posts" / "ig" / INSTAGRAM)
    _linkedin(clients / "Acme Co" / "linkedin" / "content.xlsx")
    _export(clients / "Globex" / "archive" / HARBOUR)
    assert left_out_exports([str(clients / "Acme*" / "posts" / "*.csv")], [posts]) == [
        LeftOut(clients / "Acme Co" / "posts", [instagram], clients / "Acme Co" / "posts" / "**" / "*", 1)]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_named_pipe_named_like_an_export_is_neither_listed_nor_opened(tmp_path):
    """A pipe `b.csv` beside the export read is no file that may hold an export: listed, its header would be
    read, and the read would wait forever for a writer. A pattern does not match it either."""
    from helpers.paths import exports_under, glob_files

    read = _write(tmp_path / "shop" / "a.csv")
    os.mkfifo(tmp_path / "shop" / "b.csv")
    other = _export(tmp_path / "shop" / "sub" / "c.csv")
    assert exports_under(tmp_path / "shop") == ([read, other], False)
    assert glob_files(tmp_path / "shop" / "**" / "*.csv") == [read, other]
    assert left_out_exports([str(tmp_path / "shop" / "*.csv")], [read]) == [
        LeftOut(tmp_path / "shop", [other], tmp_path / "shop" / "**" / "*", 1)]
