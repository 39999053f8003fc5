"""A CSV of a tool no family reads, through a column mapping: in a roster (checked up front, rendered, seen by
the isolation check), in a folder loaded whole (explore.load_folder's mapping=), and the errors that point there."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import FIXTURES
from helpers.clients import load_roster
from helpers.errors import ExportFormatError, RosterError
from helpers.i18n import Translator

BUSINESS = FIXTURES / "mapped" / "business"
EXPORT = BUSINESS / "TikTok business export.csv"  # 36 posts: 19 in January 2025, 17 in February
MAPPING = BUSINESS / "tiktok-business.yml"
RELATIVE = "tests/fixtures/mapped/business"  # roster paths start at the project root


def roster(tmp_path, exports: str, name: str = "Sunny Bakes", more: str = "") -> str:
    path = tmp_path / "clients.yml"
    path.write_text(f"""clients:
  - id: sunny
    name: {name}
    exports:
{exports}
    timezone: Asia/Jakarta
    period: {{start: 2025-02-01, end: 2025-02-28}}
{more}""", encoding="utf-8")
    return str(path)


def problems(path, language: str = "en") -> list[str]:
    with pytest.raises(RosterError) as caught:
        load_roster(path, language=language)
    return caught.value.problems


# --- the roster ------------------------------------------------------------------------------------

def test_an_exports_entry_may_read_its_files_through_a_column_mapping(tmp_path):
    path = roster(tmp_path, f"""      - files: {RELATIVE}/*.csv
        mapping: {RELATIVE}/tiktok-business.yml""")
    [client] = load_roster(path)
    entry = {"files": f"{RELATIVE}/*.csv", "mapping": f"{RELATIVE}/tiktok-business.yml"}
    assert client.exports == (entry,)
    assert client.parameters()["exports"] == [entry]  # a literal papermill writes into the notebook as it is


def test_every_problem_of_mapped_entries_is_listed_at_once_with_the_rosters_others(tmp_path):
    (tmp_path / "more.yml").write_text(MAPPING.read_text(encoding="utf-8") + "  saves: Saves\n", encoding="utf-8")
    path = roster(tmp_path, f"""      - files: {RELATIVE}/*.csv
        mapping: {RELATIVE}/no-such-mapping.yml
      - files: {RELATIVE}/*.csv
        mapping: tests/fixtures/mapped/broken.yml
      - files: {RELATIVE}/*.tsv
        mapping: {RELATIVE}/tiktok-business.yml
      - files: {RELATIVE}/*.csv
        mapping: {tmp_path / "more.yml"}
      - {{files: {RELATIVE}/*.csv}}""", more="    language: klingon\n")
    found = problems(path)
    assert len(found) == 6
    missing, broken, nothing, lacking, no_mapping, language = found
    assert missing.startswith("client 'sunny': key 'exports' (entry 1, 'mapping'): file not found: "
                              f"{RELATIVE}/no-such-mapping.yml")
    assert broken.startswith("client 'sunny': key 'exports', entry 2, 'mapping' tests/fixtures/mapped/broken.yml:"
                             " the column mapping has 4 problems:")  # mapped_csv's own checks, each listed
    assert "key 'platform': 'myspace' is not one of" in broken and "key 'columns.post_id': missing" in broken
    assert nothing.startswith(f"client 'sunny': key 'exports' (entry 3, 'files'): the pattern '{RELATIVE}/*.tsv'"
                              " matches no file")
    assert lacking == (f"client 'sunny': key 'exports', entry 4: {EXPORT} cannot be read through the column mapping"
                       f" {tmp_path / 'more.yml'}: its header lacks 1 column the mapping names, 'Saves' (saves)"
                       " (the header's columns: 'Video ID', 'Post time', 'Video title', 'Video views', 'Reach',"
                       " 'Likes', 'Comments', 'Shares')")
    assert no_mapping.startswith("client 'sunny': key 'exports', entry 5: key 'mapping' is missing")
    assert language.startswith("client 'sunny': key 'language'")
    assert problems(path, "id")[3].startswith("klien 'sunny': kunci 'exports', entri 4:")


def test_a_mapping_giving_a_key_twice_is_a_problem_of_its_entry(tmp_path):
    # YAML would read the second `columns:` alone: the problem is the repeat, not post_id missing
    (tmp_path / "twice.yml").write_text(MAPPING.read_text(encoding="utf-8") + "columns: {saves: Saves}\n",
                                        encoding="utf-8")
    path = roster(tmp_path, f"""      - files: {RELATIVE}/*.csv
        mapping: {tmp_path / "twice.yml"}""")
    assert problems(path) == [f"client 'sunny': key 'exports', entry 1, 'mapping' {tmp_path / 'twice.yml'}: line"
                              " 16: key 'columns' is given a second time (first at line 7); YAML would keep only the"
                              " last and drop what the first holds"]  # the fixture's 15 lines, `columns:` the 7th


def test_a_mapped_entrys_files_are_checked_only_for_the_clients_rendered(tmp_path):
    path = roster(tmp_path, f"""      - files: {RELATIVE}/*.tsv
        mapping: {RELATIVE}/no-such-mapping.yml""")
    assert [c.id for c in load_roster(path, selected=["other"])] == ["sunny"]
    assert len(problems(path)) == 2


def test_files_written_at_the_clients_level_is_said_to_belong_inside_an_exports_entry(tmp_path):
    path = roster(tmp_path, f"      - {RELATIVE}/*.csv", more=f"    files: {RELATIVE}/*.csv\n    mapping: x.yml\n")
    files, mapping = problems(path)
    assert files.endswith("unknown key 'files' (known: id, name, exports, timezone, period, comparison, language,"
                          " currency, branding, benchmark_industry, top_n, year); 'files' belongs inside an entry of"
                          " 'exports' read through a column mapping, which has both 'files' and 'mapping': `- {files:"
                          " data/raw/acme/tiktok.csv, mapping: data/raw/acme/tiktok.yml}`, indented below 'exports:'")
    assert "'mapping' belongs inside an entry of 'exports'" in mapping
    assert "'files' termasuk di dalam entri 'exports' yang dibaca melalui pemetaan kolom" in problems(path, "id")[0]


def test_a_mapped_entrys_files_that_find_no_file_name_the_entry(tmp_path):
    path = roster(tmp_path, f"""      - {RELATIVE}/*.csv
      - files: {RELATIVE}
        mapping: {RELATIVE}/tiktok-business.yml
      - files: {RELATIVE}/*.tsv
        mapping: {RELATIVE}/tiktok-business.yml""")
    folder, nothing = problems(path)
    assert folder == (f"client 'sunny': key 'exports' (entry 2, 'files'): {RELATIVE} is a folder: list its files, e.g."
                      f" {RELATIVE}/*.csv")
    assert nothing.startswith(f"client 'sunny': key 'exports' (entry 3, 'files'): the pattern '{RELATIVE}/*.tsv'"
                              " matches no file")
    assert problems(path, "id")[0].startswith("klien 'sunny': kunci 'exports' (entri 2, 'files'): ")


def test_a_mapped_entry_naming_an_export_a_family_reads_says_to_list_it_as_a_plain_path(tmp_path):
    meta = "data/demo/harbour-books/Jul-01-2026_Oct-31-2026_100088245511032.csv"
    path = roster(tmp_path, f"""      - files: {meta}
        mapping: {RELATIVE}/tiktok-business.yml""")
    [problem] = problems(path)
    assert problem == (f"client 'sunny': key 'exports', entry 1: {Path(__file__).parent.parent / meta} is an export"
                       " the workbook reads without a column mapping, Meta Business Suite post export (Facebook Page"
                       f" or Instagram account): list it in 'exports' as a plain path, `- {meta}`, and keep the"
                       " mapping for files no export family recognises")
    assert "header" not in problem  # not its 31 columns listed as lacking the mapping's
    assert "ekspor yang dapat dibaca buku kerja ini tanpa pemetaan kolom" in problems(path, "id")[0]


# --- the report ------------------------------------------------------------------------------------

def test_a_report_renders_from_a_roster_whose_export_is_read_through_a_mapping(tmp_path):
    from helpers.render import render_client

    path = roster(tmp_path, f"""      - files: {RELATIVE}/*.csv
        mapping: {RELATIVE}/tiktok-business.yml""")
    [client] = load_roster(path)
    result = render_client(client, out_dir=tmp_path / "reports")
    assert result.ok, result.error
    html = (tmp_path / "reports" / "sunny" / "report.html").read_text(encoding="utf-8")
    assert "This report covers 17 posts: TikTok (17)." in html  # the file's February rows
    assert "TikTok business export.csv" in html and "mapped_csv" not in html and "family=" not in html


def test_a_file_no_family_reads_in_a_roster_is_said_to_need_a_mapped_entry(tmp_path):
    from helpers.report import build_report

    [client] = load_roster(roster(tmp_path, f"      - {RELATIVE}/*.csv"))
    with pytest.raises(ExportFormatError) as caught:
        build_report(**client.parameters())
    text = str(caught.value)
    assert "in the roster, give its file as an entry of its own in the client's exports, `- {files: " in text
    assert "family=" not in text and "mapped_csv" not in text
    assert "di daftar klien, tuliskan berkasnya sebagai entri tersendiri" in caught.value.in_language(Translator("id"))


# --- what the error about an unknown file says --------------------------------------------------------

def test_one_generic_column_shared_names_no_closest_family(tmp_path):
    from helpers.importers import import_exports

    likes = tmp_path / "likes.csv"
    likes.write_text("ID,When,Likes,Views\n1,2025-01-01,3,4\n", encoding="utf-8")
    with pytest.raises(ExportFormatError) as caught:
        import_exports(likes)
    text = str(caught.value)
    assert "closest is" not in text  # X's content export shares 'Likes' alone with it
    assert "shares no more than one column name with any export the workbook knows ('likes')" in text
    assert "import_exports(path, family='mapped_csv', mapping='map.yml')" in text
    four = tmp_path / "four.csv"
    four.write_text("Post ID,Date,Likes,Impressions\n1,2025-01-01,3,4\n", encoding="utf-8")
    with pytest.raises(ExportFormatError) as caught:
        import_exports(four)
    assert "closest is X (Twitter) analytics content export" in str(caught.value)  # four of its seven columns


def test_another_tools_export_sharing_a_few_generic_names_is_told_the_mapping_route_first(tmp_path):
    """A scheduler's export (Sprout-style) shares Date and Impressions with X's content export, two of its seven
    columns: it is no X export with columns lacking, so the column mapping leads and the resemblance follows, a
    sentence of its own after the command (not in brackets beside it, where it read as part of the command)."""
    from helpers.importers import import_exports

    sprout = tmp_path / "sprout.csv"
    sprout.write_text("Network,Date,Post,Reach,Reactions,Comments,Impressions\n"
                      "Twitter,2025-03-01,Hello,100,5,1,200\n", encoding="utf-8")
    with pytest.raises(ExportFormatError) as caught:
        import_exports(sprout)
    hint = caught.value.in_language(Translator("en")).split("what to do: ")[1]
    assert hint.startswith("An export of another tool (or one the workbook does not read yet) is read through a "
                           "column mapping you write (README, 'Column mappings'): `import_exports(path, "
                           "family='mapped_csv', mapping='map.yml')`. Its header shares only 'date', 'impressions' "
                           "with the closest export the workbook knows, X (Twitter) analytics content export")
    assert hint.endswith("which also carries 'post id', 'post text', 'likes', 'engagements', 'bookmarks': if the "
                         "file is that export, download it again without edits")
    assert "closest is" not in hint and "(its header" not in hint
    indonesian = caught.value.in_language(Translator("id")).split("yang perlu dilakukan: ")[1]
    assert indonesian.startswith("Ekspor dari alat lain (atau yang belum dapat dibaca buku kerja ini) dibaca melalui "
                                 "pemetaan kolom yang Anda tulis")
    assert "mapping='map.yml')`. Tajuknya hanya memiliki 'date', 'impressions' yang sama dengan ekspor paling mirip" \
           " yang dikenali buku kerja ini, " in indonesian


# --- a folder loaded whole -------------------------------------------------------------------------

def test_load_folder_reads_the_files_no_family_recognises_through_a_mapping(tmp_path):
    from helpers import explore
    from helpers.paths import DEMO_DIR

    folder = tmp_path / "sunny"
    folder.mkdir()
    shutil.copy(EXPORT, folder)
    demo = sorted((DEMO_DIR / "harbour-books").glob("*.csv"))[0]
    shutil.copy(demo, folder)  # a known export: read by its family, not the mapping
    (folder / "notes.csv").write_text("ID,When,Likes\n1,2025-01-01,3\n", encoding="utf-8")
    without = explore.load_folder(folder, timezone="Asia/Jakarta")
    why = dict((p.name, w) for p, w in without.sources.skipped)
    assert set(why) == {"TikTok business export.csv", "notes.csv"}
    assert "explore.load_folder(folder, mapping='map.yml')" in why["TikTok business export.csv"]

    workspace = explore.load_folder(folder, timezone="Asia/Jakarta", mapping=MAPPING)
    tiktok = workspace.posts[workspace.posts["platform"] == "tiktok"]
    assert len(tiktok) == 36 and tiktok["account"].eq("Sunny Bakes").all()
    assert tiktok["post_id"].iloc[0] == "7400000000912" and tiktok["reach"].iloc[0] == 5399
    assert set(workspace.posts["source_file"].map(lambda f: f.rsplit("/", 1)[-1])) == {EXPORT.name, demo.name}
    [(skipped, why)] = workspace.sources.skipped
    assert skipped.name == "notes.csv"
    assert "nor does the column mapping tiktok-business.yml fit it: its header lacks 7 columns" in why


def test_load_folder_refuses_a_mapping_that_is_no_valid_mapping_before_reading(tmp_path):
    from helpers import explore

    folder = tmp_path / "sunny"
    folder.mkdir()
    shutil.copy(EXPORT, folder)
    with pytest.raises(ExportFormatError, match="the column mapping has 4 problems"):
        explore.load_folder(folder, timezone="Asia/Jakarta", mapping=FIXTURES / "mapped" / "broken.yml")


# --- the isolation check ---------------------------------------------------------------------------

def test_the_isolation_check_sees_the_post_ids_of_files_read_through_a_mapping(tmp_path):
    from helpers.render import IdentityCache, client_identity, posts_of_others

    copy = tmp_path / "copy"
    copy.mkdir()
    shutil.copy(EXPORT, copy)
    path = roster(tmp_path, f"""      - files: {RELATIVE}/*.csv
        mapping: {RELATIVE}/tiktok-business.yml""", more=f"""  - id: other
    name: Other Shop
    exports:
      - files: {copy}/*.csv
        mapping: {MAPPING}
    timezone: Asia/Jakarta
    period: {{start: 2025-02-01, end: 2025-02-28}}
""")
    sunny, other = load_roster(path)
    cache = IdentityCache(tmp_path / "cache.json")
    identities = {c.id: client_identity(c, cache) for c in (sunny, other)}
    assert len(identities["sunny"].post_ids) == 36 and "7400000035912" in identities["sunny"].post_ids
    assert identities["sunny"].accounts == {"Sunny Bakes"}  # the mapping's account
    assert set(posts_of_others(identities)) == {"sunny", "other"}  # the same posts under the same account

    # the mapping is part of what the cache keys on: the same files read through a changed mapping are read again
    mapping = tmp_path / "mapping.yml"
    shutil.copy(MAPPING, mapping)
    [mine] = load_roster(roster(tmp_path, f"""      - files: {copy}/*.csv
        mapping: {mapping}"""))
    assert "7400000035912" in client_identity(mine, cache).post_ids
    cache.save()
    mapping.write_text(MAPPING.read_text(encoding="utf-8").replace("post_id: Video ID", "post_id: Video title")
                       .replace("  text: Video title\n", ""), encoding="utf-8")
    assert "Clip 36" in client_identity(mine, IdentityCache(tmp_path / "cache.json")).post_ids


def test_a_mappings_account_does_not_make_two_clients_copies_of_one_file_a_collaboration(tmp_path):
    """The same CSV copied for two clients, each mapped with its own `account:`: the names are the user's labels,
    not read from the file, so the 36 shared posts are refused in both as when no account is given. Accounts a
    mapping reads from a column of each file tell a post both accounts published (a collaboration) from a copy."""
    from helpers.render import IdentityCache, client_identity, posts_of_others

    def two_clients(csv_a: str, map_a: Path, csv_b: str, map_b: Path) -> list:
        for folder, csv in (("a", csv_a), ("b", csv_b)):
            (tmp_path / folder).mkdir(exist_ok=True)
            (tmp_path / folder / "posts.csv").write_text(csv, encoding="utf-8")
        return load_roster(roster(tmp_path, f"""      - files: {tmp_path}/a/posts.csv
        mapping: {map_a}""", name="Delta Donuts", more=f"""  - id: gamma
    name: Gamma Gelato
    exports:
      - files: {tmp_path}/b/posts.csv
        mapping: {map_b}
    timezone: Asia/Jakarta
    period: {{start: 2025-02-01, end: 2025-02-28}}
"""))

    text = MAPPING.read_text(encoding="utf-8")
    delta_map, gamma_map = tmp_path / "delta.yml", tmp_path / "gamma.yml"
    delta_map.write_text(text.replace("Sunny Bakes", "Delta Donuts"), encoding="utf-8")
    gamma_map.write_text(text.replace("Sunny Bakes", "Gamma Gelato"), encoding="utf-8")
    csv = EXPORT.read_text(encoding="utf-8-sig")
    cache = IdentityCache(tmp_path / "cache.json")
    identities = {c.id: client_identity(c, cache) for c in two_clients(csv, delta_map, csv, gamma_map)}
    assert identities["sunny"].accounts == {"Delta Donuts"} and identities["gamma"].accounts == {"Gamma Gelato"}
    refused = posts_of_others(identities)
    assert set(refused) == {"sunny", "gamma"}
    assert refused["sunny"].key == "cli.problem.shared_posts_untold" and refused["sunny"].values["count"] == 36
    cache.save()
    again = {c.id: client_identity(c, IdentityCache(tmp_path / "cache.json"))
             for c in two_clients(csv, delta_map, csv, gamma_map)}
    assert again == identities  # the cache keeps which accounts are labels

    # each file naming its own account in a column the mappings read: the same posts, published together
    lines = csv.splitlines()
    with_account = {who: "\n".join([lines[0] + ",Account"] + [line + f",{who}" for line in lines[1:]]) + "\n"
                    for who in ("Delta Donuts", "Gamma Gelato")}
    read_map = tmp_path / "read.yml"
    read_map.write_text(text.replace("account: Sunny Bakes\n", "") + "  account: Account\n", encoding="utf-8")
    identities = {c.id: client_identity(c) for c in two_clients(with_account["Delta Donuts"], read_map,
                                                                  with_account["Gamma Gelato"], read_map)}
    assert len(identities["sunny"].post_ids & identities["gamma"].post_ids) == 36
    assert posts_of_others(identities) == {}


def test_exports_of_another_client_that_do_not_load_are_read_file_by_file_or_said(tmp_path):
    """A file of client bravo's that does not load (an unreadable date) no longer hides bravo's other files from
    the isolation check: alpha's posts copied into bravo's readable file are refused. When the file holding them
    is the one not read, alpha's report is rendered, not passed as checked: it says so, naming bravo and why."""
    from helpers.render import (IdentityCache, RenderResult, client_identity, posts_of_others, summary_lines,
                                unchecked_exports)

    csv = EXPORT.read_text(encoding="utf-8-sig")
    broken = csv.replace("2025-01-03 14:00", "3 Jan 2025 2pm")
    for folder in ("alpha", "bravo"):
        (tmp_path / folder).mkdir()
    (tmp_path / "alpha" / "posts.csv").write_text(csv, encoding="utf-8")

    def identities(bravo_files: dict) -> dict:
        for name, text in bravo_files.items():
            (tmp_path / "bravo" / name).write_text(text, encoding="utf-8")
        clients = load_roster(roster(tmp_path, f"""      - files: {tmp_path}/alpha/*.csv
        mapping: {MAPPING}""", name="Alpha Apparel", more=f"""  - id: bravo
    name: Bravo Books
    exports:
      - files: {tmp_path}/bravo/*.csv
        mapping: {MAPPING}
    timezone: Asia/Jakarta
    period: {{start: 2025-02-01, end: 2025-02-28}}
"""))
        cache = IdentityCache(tmp_path / "cache.json")
        return {c.id: client_identity(c, cache) for c in clients}

    found = identities({"copied.csv": csv, "other.csv": broken.replace("74000000", "75000000")})
    assert len(found["bravo"].post_ids) == 36 and found["bravo"].unread  # the copy read, the other file not
    assert set(posts_of_others(found)) == {"sunny", "bravo"}

    (tmp_path / "bravo" / "copied.csv").write_text(broken, encoding="utf-8")
    found = identities({})
    assert found["bravo"].post_ids == frozenset() and posts_of_others(found) == {}
    unchecked = unchecked_exports(found)
    assert set(unchecked) == {"sunny"} and unchecked["sunny"].values["other"] == "bravo"
    assert str(unchecked["sunny"]).startswith("not checked against the exports of client 'bravo' of the roster, "
                                              "which could not be read (copied.csv: ")
    result = RenderResult("sunny", True, 1.0, html=tmp_path / "out" / "sunny" / "report.html",
                          unchecked=unchecked["sunny"])
    lines = summary_lines([result])
    assert "ok/unchecked!" in lines[1] and "not checked against the exports of client 'bravo'" in lines[1]
    indonesian = "\n".join(summary_lines([result], Translator("id")))
    assert "berhasil/belum diperiksa!" in indonesian and "tidak diperiksa terhadap ekspor klien 'bravo'" in indonesian
    assert unchecked_exports(found, batch={"bravo"}) == {}  # its own render fails and says why


def test_a_report_not_checked_against_another_clients_exports_says_so_on_the_index():
    """render.json keeps why a report was not checked against another client's exports, in every language
    (render._commit), and the index sets it beside the report's status, in the index's language."""
    from helpers.i18n import Message, Translator, in_every_language
    from helpers.index_page import index_html, report_marks

    why = Message("cli.problem.unchecked", other="bravo", why="posts.csv: 1 cell cannot be read as a date")
    report = {"html": "report.html", "posts": 3, "unchecked": in_every_language(why)}
    assert report_marks(report, Translator("en")) == [Translator("en").message(why)]
    assert report_marks(report, Translator("id")) == [Translator("id").message(why)]
    record = {"client": "alpha", "name": "Alpha", "status": "ok", "report": report, "seconds": 1.0,
              "attempted_at": "2026-11-28T10:00:00+00:00", "timings": {}, "error": "", "errors": {}}
    page = index_html([record], Translator("en"))
    assert "not checked against the exports of client" in page and "bravo" in page
