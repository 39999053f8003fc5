"""`python -m helpers inspect FILE...`: what each file is, what it holds, and clear words for bad files."""
import subprocess
import sys

from helpers.__main__ import main
from helpers.paths import DEMO_DIR, PROJECT_ROOT
from tests.conftest import FIXTURES, real_export


def test_inspect_describes_post_exports_and_their_overlap(capsys):
    files = sorted(str(p) for p in (DEMO_DIR / "kopi-senja").glob("*.csv"))
    assert main(["inspect", *files, "--timezone", "Asia/Jakarta"]) == 0
    out = capsys.readouterr().out
    assert out.count("family:       Meta Business Suite post export") == 2
    assert "rows:         118 in file, 118 imported, 0 dropped" in out
    assert "not reported: saves" in out and "(Asia/Jakarta)" in out
    assert "together: 264 distinct posts from 2 files; 0 rows superseded" in out


def test_inspect_names_dropped_rows_and_warnings(capsys):
    older = FIXTURES / "meta" / "Nov-01-2023_Dec-31-2023_100000000000042.csv"
    main(["inspect", str(older), "--timezone", "Europe/London"])
    out = capsys.readouterr().out
    assert "dropped" in out and "empty Post ID" in out


def test_inspect_recognises_daily_and_paid_files(capsys):
    daily = real_export("facebook/business-suite-page-daily/Reach.csv")
    ads = real_export("facebook/ads-manager/Untitled-report-Apr-1-2023-to-Mar-11-2024.xlsx")
    assert main(["inspect", str(daily), str(ads)]) == 0
    out = capsys.readouterr().out
    assert "(Reach.csv, Views.csv, Follows.csv; daily series) [meta_page_daily]" in out
    assert "'Reporting ends'; paid delivery) [meta_ads_manager]" in out and ") (" not in out


def test_a_bad_file_is_explained_without_a_traceback(tmp_path):
    bad = tmp_path / "notes.csv"
    bad.write_text("name,colour\nAda,blue\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "helpers", "inspect", str(bad)], capture_output=True, text=True,
                          cwd=PROJECT_ROOT)
    assert done.returncode == 2
    assert "cannot be read" in done.stdout and "not an export the workbook knows" in done.stdout
    assert "Traceback" not in done.stdout + done.stderr


def test_inspect_speaks_indonesian_when_asked(capsys, tmp_path):
    older = FIXTURES / "meta" / "Nov-01-2023_Dec-31-2023_100000000000042.csv"
    assert main(["inspect", str(older), "--timezone", "Europe/London", "--language", "id"]) == 0
    out = capsys.readouterr().out
    assert "baris:" in out and "6 dalam berkas, 3 diimpor, 3 dibuang" in out
    assert "jenis:" in out and "ekspor unggahan Meta Business Suite" in out  # the family's name too
    assert "dibuang 1: Post ID kosong" in out  # the importer's own reason, in Indonesian too
    assert "tidak dilaporkan:" in out and "rows:" not in out and "empty Post ID" not in out
    bad = tmp_path / "notes.csv"
    bad.write_text("name,colour\nAda,blue\n", encoding="utf-8")
    assert main(["inspect", str(bad), "--language", "id"]) == 2
    out = capsys.readouterr().out
    assert "tidak dapat dibaca:" in out and "bukan ekspor yang dikenali" in out


def test_inspect_names_metrics_as_the_report_does_with_their_columns(capsys):
    """The metrics lines give each metric the report's name in the reader's language, and the post table's
    column in brackets where the name differs; impressions say what they count (YouTube: thumbnails)."""
    files = [str(FIXTURES / "meta" / "Nov-01-2023_Dec-31-2023_100000000000042.csv"),
             str(FIXTURES / "youtube" / "videos_and_shorts.csv")]
    assert main(["inspect", *files, "--timezone", "Europe/London", "--language", "id"]) == 0
    lines = [line for line in capsys.readouterr().out.splitlines() if line.startswith(("  metrik:", "  tidak dil"))]
    assert lines == [
        "  metrik:           jangkauan (reach), impresi (impressions), reaksi (reactions), komentar (comments),"
        " jumlah dibagikan (shares), klik (clicks), waktu tonton (watch_time_seconds)",
        "  tidak dilaporkan: jumlah disimpan (saves), tayangan video (video_views), pengikut (followers),"
        " keterlibatan versi platform sendiri (platform_engagements), biaya (spend); NA di tabel unggahan,"
        " tidak pernah 0",
        "  metrik:           jangkauan (reach), impresi (impressions, dihitung sebagai impresi gambar mini), reaksi"
        " (reactions), komentar (comments), jumlah dibagikan (shares), tayangan video (video_views), waktu tonton"
        " (watch_time_seconds)",
        # a YouTube file without Engaged views lacks them; the Facebook file above is not said to
        "  tidak dilaporkan: jumlah disimpan (saves), klik (clicks), tayangan video yang terus ditonton"
        " (engaged_views), pengikut (followers), keterlibatan versi platform sendiri (platform_engagements), biaya"
        " (spend); NA di tabel unggahan, tidak pernah 0"]
    assert main(["inspect", files[0], "--timezone", "Europe/London"]) == 0
    lines = [line for line in capsys.readouterr().out.splitlines() if line.startswith(("  metrics:", "  not rep"))]
    assert lines == [
        "  metrics:      reach, impressions, reactions, comments, shares, clicks, watch time (watch_time_seconds)",
        "  not reported: saves, video views (video_views), followers, the platform's engagements"
        " (platform_engagements), spend; NA in the post table, never 0"]


def test_command_line_paths_are_taken_from_the_folder_the_command_runs_in(tmp_path, monkeypatch, capsys):
    import shutil

    from conftest import FIXTURES

    source = FIXTURES / "meta" / "Nov-01-2023_Dec-31-2023_100000000000042.csv"
    (tmp_path / "mine").mkdir()
    shutil.copy(source, tmp_path / "mine" / source.name)
    monkeypatch.chdir(tmp_path)
    assert main(["inspect", f"mine/{source.name}", "--timezone", "Europe/London"]) == 0
    assert source.name in capsys.readouterr().out
    (tmp_path / "roster.yml").write_text("clients:\n  - id: a\n", encoding="utf-8")  # found here, then refused
    assert main(["render", "--clients", "roster.yml"]) == 2
    error = capsys.readouterr().err
    assert "roster.yml" in error and "does not exist" not in error and "name" in error


def _unreadable(monkeypatch, name: str) -> None:
    """Opening a file called `name` fails as it does for a file of another user (chmod 000): tests may run
    as root, whom permissions do not stop."""
    from pathlib import Path

    opened = Path.open

    def guarded(self, *args, **kwargs):
        if self.name == name:
            raise PermissionError(13, "Permission denied", str(self))
        return opened(self, *args, **kwargs)
    monkeypatch.setattr(Path, "open", guarded)


def test_an_unreadable_file_is_named_in_the_chosen_language_and_the_others_are_still_described(
        tmp_path, monkeypatch, capsys):
    import shutil

    source = FIXTURES / "meta" / "Nov-01-2023_Dec-31-2023_100000000000042.csv"
    locked = shutil.copy(source, tmp_path / "locked.csv")
    _unreadable(monkeypatch, "locked.csv")
    assert main(["inspect", str(locked), str(source), str(tmp_path / "gone.csv"), "--timezone", "Europe/London",
                 "--language", "id"]) == 2
    captured = capsys.readouterr()
    assert captured.err == "" and "Errno" not in captured.out and "Permission denied" not in captured.out
    blocks = captured.out.split("\n\n")
    assert blocks[0].splitlines()[1:3] == ["  tidak dapat dibaca:",
                                           f"    berkas {locked}: berkas tidak dapat dibuka: izin ditolak"]
    assert "jenis:" in blocks[1] and "6 dalam berkas, 3 diimpor" in blocks[1]  # the next file is described
    assert "tidak dapat dibaca:" in blocks[2] and "berkas ekspor tidak ditemukan" in blocks[2]  # and named too


def test_inspect_reads_a_name_with_glob_characters_and_a_pattern_leaves_out_excel_lock_files(tmp_path, capsys):
    import shutil

    source = FIXTURES / "meta" / "Nov-01-2023_Dec-31-2023_100000000000042.csv"
    export = shutil.copy(source, tmp_path / "export[1].csv")
    (tmp_path / "~$export[1].csv").write_bytes(b"\x0bowner\x00" * 20)  # the export is open in Excel
    assert main(["inspect", str(export), "--timezone", "Europe/London"]) == 0
    assert "3 imported" in capsys.readouterr().out
    assert main(["inspect", str(tmp_path / "*.csv"), "--timezone", "Europe/London"]) == 0
    out = capsys.readouterr().out
    assert "3 imported" in out and "~$" not in out


def test_inspect_reads_a_csv_through_a_column_mapping(capsys):
    from tests.conftest import FIXTURES

    planner, mapping = FIXTURES / "mapped" / "planner-export.csv", FIXTURES / "mapped" / "planner.yml"
    assert main(["inspect", str(planner), "--family", "mapped_csv", "--mapping", str(mapping),
                 "--timezone", "Europe/Berlin"]) == 0
    assert "cannot be read" not in capsys.readouterr().out
    assert main(["inspect", str(planner), "--family", "mapped_csv"]) == 2  # no mapping: said how to give one
    assert "on the command line, inspect FILE --family mapped_csv --mapping mapping.yml" in capsys.readouterr().out


def test_inspect_shows_the_times_of_a_mapped_file_in_the_zone_its_mapping_gives(capsys):
    """planner.yml gives `timezone: Europe/Berlin`: without --timezone, the period is shown on that clock and
    named by it, not as UTC with the hint to pass --timezone. Its first post, 18 March 2025 09:48 in Berlin
    (UTC+1), is 08:48 UTC; its last, 30 March 02:30, a time the clocks skip that day, is read as 03:00 (UTC+2),
    01:00 UTC. A --timezone given wins: Jakarta (UTC+7) shows 15:48 and 08:00."""
    planner, mapping = FIXTURES / "mapped" / "planner-export.csv", FIXTURES / "mapped" / "planner.yml"
    berlin = "period:       18 March 2025, 09:48 to 30 March 2025, 03:00 (Europe/Berlin)\n"
    for family in (["--family", "mapped_csv"], []):
        assert main(["inspect", str(planner), *family, "--mapping", str(mapping)]) == 0
        out = capsys.readouterr().out
        assert berlin in out and "pass --timezone" not in out
    assert main(["inspect", str(planner), "--family", "mapped_csv", "--mapping", str(mapping), "--language", "id"]) == 0
    assert "18 Maret 2025 09.48 hingga 30 Maret 2025 03.00 (Europe/Berlin)\n" in capsys.readouterr().out
    assert main(["inspect", str(planner), "--family", "mapped_csv", "--mapping", str(mapping),
                 "--timezone", "Asia/Jakarta"]) == 0
    assert "period:       18 March 2025, 15:48 to 30 March 2025, 08:00 (Asia/Jakarta)\n" in capsys.readouterr().out


def test_inspect_with_a_mapping_reads_the_files_no_family_knows_through_it_as_load_folder_does(
        tmp_path, monkeypatch, capsys):
    """--mapping without --family: in a folder, the CSV no export family recognises is read through it (36
    posts, as explore.load_folder(folder, mapping=...) reads them) beside Harbour Books' Business Suite export
    (96 posts), 132 together; named on its own, it is read through it too. A relative --mapping starts where the
    command runs."""
    import shutil

    from helpers import explore

    business = FIXTURES / "mapped" / "business"
    folder = tmp_path / "exports"
    folder.mkdir()
    shutil.copy(business / "TikTok business export.csv", folder)
    shutil.copy(DEMO_DIR / "harbour-books" / "Jul-01-2026_Oct-31-2026_100088245511032.csv", folder)
    shutil.copy(business / "tiktok-business.yml", tmp_path / "map.yml")
    monkeypatch.chdir(tmp_path)
    assert main(["inspect", "exports", "--mapping", "map.yml", "--timezone", "Europe/London"]) == 0
    out = capsys.readouterr().out
    assert "skipped" not in out and "not an export the workbook knows" not in out
    assert "[mapped_csv]\n  platform:     tiktok\n  rows:         36 in file, 36 imported, 0 dropped" in out
    assert "rows:         96 in file, 96 imported, 0 dropped" in out
    assert "together: 132 distinct posts from 2 files; 0 rows superseded" in out
    loaded = explore.load_folder(folder, mapping=tmp_path / "map.yml", timezone="Europe/London")
    assert (loaded.posts["platform"] == "tiktok").sum() == 36
    named = str(folder / "TikTok business export.csv")
    assert main(["inspect", named, "--mapping", "map.yml"]) == 0
    assert "rows:         36 in file, 36 imported, 0 dropped" in capsys.readouterr().out
    planner = str(FIXTURES / "mapped" / "planner-export.csv")  # named, and the mapping does not fit it: why
    assert main(["inspect", planner, "--mapping", "map.yml"]) == 2
    assert "nor does the column mapping map.yml fit it: its header lacks 6 columns" in capsys.readouterr().out


def test_inspect_says_how_to_read_a_file_no_family_knows_through_a_mapping_on_the_command_line(tmp_path, capsys):
    """Without --mapping, the advice names the command's options, not import_exports or explore.load_folder:
    --family mapped_csv --mapping for a file named on its own, --mapping for a folder."""
    import shutil

    shutil.copy(FIXTURES / "mapped" / "business" / "TikTok business export.csv", tmp_path)
    assert main(["inspect", str(tmp_path / "TikTok business export.csv")]) == 2
    out = capsys.readouterr().out
    # it shares 'Post time' alone with TikTok Studio's export: the mapping first, that resemblance after it
    assert "what to do: An export of another tool (or one the workbook does not read yet) is read through a column" \
           " mapping you write (README, 'Column mappings'): on the command line, `python -m helpers inspect FILE" \
           " --family mapped_csv --mapping map.yml`. Its header shares only 'post time' with" in out
    assert "import_exports" not in out
    assert main(["inspect", str(tmp_path)]) == 0  # skipped in a folder, as load_folder skips it
    out = capsys.readouterr().out
    assert "on the command line, `python -m helpers inspect FOLDER --mapping map.yml` reads the files of the folder" \
           " that no export family recognises through it. Its header shares only 'post time' with" in out
    assert "explore.load_folder(folder, mapping=" not in out
    assert main(["inspect", str(tmp_path), "--language", "id"]) == 0
    assert "di baris perintah, `python -m helpers inspect FOLDER --mapping map.yml` membaca" in capsys.readouterr().out


def test_inspect_says_a_zip_is_an_archive_names_what_it_holds_and_to_extract_it(tmp_path, capsys):
    import shutil
    import zipfile

    download = tmp_path / "export.zip"
    with zipfile.ZipFile(download, "w") as archive:
        for n in range(1, 8):  # seven files: the first five are named
            archive.writestr(f"Meta export/Posts {n}.csv", "Post ID,Reach\n1,2\n")
    shutil.copy(download, tmp_path / "export-renamed.csv")  # a zip given a CSV's name is still one
    for name in ("export.zip", "export-renamed.csv"):
        assert main(["inspect", str(tmp_path / name)]) == 2
        out = capsys.readouterr().out
        assert ("this is a zip archive holding 7 files (Posts 1.csv, Posts 2.csv, Posts 3.csv, Posts 4.csv, "
                "Posts 5.csv …), not an export") in out
        assert "what to do: extract it" in out and "give the CSV files it holds" in out
        assert "spreadsheet" not in out and ".xlsx" not in out  # not taken for a damaged workbook
    assert main(["inspect", str(download), "--language", "id"]) == 2
    out = capsys.readouterr().out
    assert "ini adalah arsip zip berisi 7 berkas" in out and "ekstrak arsip itu" in out
    # a folder names the zip in it (a folder took only export types before, and said nothing of it)
    (tmp_path / "export-renamed.csv").unlink()
    assert main(["inspect", str(tmp_path)]) == 2
    out = capsys.readouterr().out
    assert "export.zip" in out and "zip archive holding 7 files" in out


def test_a_missing_mapping_says_where_relative_paths_start_for_the_way_it_was_given(tmp_path, monkeypatch, capsys):
    """A relative --mapping starts at the folder the command runs in, and the hint says so, with what is there;
    a relative mapping= in code starts at the project root, and the hint says that."""
    import pytest

    from helpers.errors import ExportFormatError
    from helpers.importers import import_exports

    planner = FIXTURES / "mapped" / "planner-export.csv"
    (tmp_path / "planner.yaml").write_text("platform: x\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["inspect", str(planner), "--family", "mapped_csv", "--mapping", "planner.yml"]) == 2
    out = capsys.readouterr().out
    assert (f"file {tmp_path}/planner.yml: the column mapping file does not exist\n"
            f"      what to do: check the path. On the command line, a relative path starts at the folder the command"
            f" runs in, {tmp_path}. {tmp_path} holds no 'planner.yml': did you mean 'planner.yaml'?") in out
    assert "project root" not in out
    with pytest.raises(ExportFormatError) as info:
        import_exports(planner, family="mapped_csv", mapping="data/planner.yml")
    assert info.value.path == PROJECT_ROOT / "data" / "planner.yml"
    assert str(info.value).endswith(
        f"what to do: check the path. In a notebook or in code, a relative path starts at the project root,"
        f" {PROJECT_ROOT}. {PROJECT_ROOT / 'data'} holds no 'planner.yml'; it holds 1 folder and 2 files"
        f" (demo/, benchmarks.csv, clients.yml)")
    with pytest.raises(ExportFormatError) as info:  # a full path: where relative paths start is beside the point
        import_exports(planner, family="mapped_csv", mapping=tmp_path / "planner.yml")
    assert str(info.value).endswith(
        f"what to do: check the path. {tmp_path} holds no 'planner.yml': did you mean 'planner.yaml'?")
    assert main(["inspect", str(planner), "--family", "mapped_csv", "--mapping", "planner.yml", "--language", "id"]) == 2
    assert (f"periksa jalurnya. Di baris perintah, jalur relatif dimulai dari folder tempat perintah dijalankan,"
            f" {tmp_path}. Di {tmp_path} tidak ada 'planner.yml': maksud Anda 'planner.yaml'?") in capsys.readouterr().out


def test_inspect_of_a_folder_lists_what_is_no_export_as_skipped_as_the_explorer_does(tmp_path, capsys):
    """A note, a PDF and YouTube's breakdown beside its totals, in a folder, are listed as skipped with why (as
    explore.load_folder lists them) and fail nothing; an empty export in it, which may hold posts, still fails;
    the note named on its own is an error."""
    import shutil

    export = FIXTURES / "meta" / "Nov-01-2023_Dec-31-2023_100000000000042.csv"
    shutil.copy(export, tmp_path / export.name)
    (tmp_path / "notes.txt").write_text("call the client on Monday\n", encoding="utf-8")
    (tmp_path / "brief.pdf").write_bytes(b"%PDF-1.4\n")
    youtube = tmp_path / "youtube"
    youtube.mkdir()
    (youtube / "Chart data.csv").write_text("Date,Geography,Views\n2024-01-01,US,5\n", encoding="utf-8")
    (youtube / "Totals.csv").write_text("Date,Views\n2024-01-01,5\n", encoding="utf-8")
    assert main(["inspect", str(tmp_path), "--timezone", "Europe/London"]) == 0
    blocks = {block.splitlines()[0].rsplit("/", 1)[-1]: block.splitlines()[1:3]
              for block in capsys.readouterr().out.split("\n\n")}
    assert blocks["notes.txt"] == ["  skipped, as explore.load_folder skips it:",
                                   f"    file {tmp_path}/notes.txt: this is not an export the workbook knows"]
    assert blocks["brief.pdf"] == ["  skipped, as explore.load_folder skips it:",
                                   f"    file {tmp_path}/brief.pdf: a PDF document, not an export: download the"
                                   f" platform's CSV or Excel export instead"]
    assert blocks["Chart data.csv"][0] == "  skipped, as explore.load_folder skips it:"
    assert "YouTube 'Chart data'" in blocks["Chart data.csv"][1]
    assert blocks["Totals.csv"][0].startswith("  family:") and blocks[export.name][0].startswith("  family:")
    # a pattern goes through its files as the folder does
    assert main(["inspect", str(tmp_path / "*.txt")]) == 0
    assert "skipped, as explore.load_folder skips it:" in capsys.readouterr().out
    assert main(["inspect", str(tmp_path / "notes.txt")]) == 2  # named on its own: an error
    assert "  cannot be read:\n" in capsys.readouterr().out
    (tmp_path / "empty.csv").write_bytes(b"")  # an interrupted download: its posts are missing
    assert main(["inspect", str(tmp_path), "--timezone", "Europe/London", "--language", "id"]) == 2
    out = capsys.readouterr().out
    assert "empty.csv\n  tidak dapat dibaca:\n" in out and "notes.txt\n  dilewati, seperti explore.load_folder" in out


def test_inspect_of_the_real_uci_and_youtube_folders_skips_their_description_and_breakdown_files(capsys):
    uci = real_export("uci-facebook-metrics")
    assert main(["inspect", str(uci)]) == 0
    assert "Facebook_metrics.txt\n  skipped, as explore.load_folder skips it:" in capsys.readouterr().out
    youtube = real_export("youtube/CodingTrain_Happy-New-Year-2022")
    assert main(["inspect", str(youtube)]) == 0
    out = capsys.readouterr().out
    assert "Chart data.csv\n  skipped, as explore.load_folder skips it:" in out and "cannot be read" not in out


def test_the_year_asked_for_is_that_of_the_oldest_post_wherever_it_is_explained(capsys):
    """The roster's comment, --help and README say what the importer's errors say: the year of the oldest
    post (a TikTok Content.csv may list a post of July before one of April)."""
    import pytest

    from helpers.paths import DEFAULT_ROSTER, DEMO_ROSTER

    with pytest.raises(SystemExit):
        main(["inspect", "--help"])
    assert "year of the oldest post" in " ".join(capsys.readouterr().out.split())
    for text in (DEFAULT_ROSTER.read_text(encoding="utf-8"), DEMO_ROSTER.read_text(encoding="utf-8"),
                 (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")):
        assert "first row" not in text and "year of the oldest post" in " ".join(text.split())


def test_a_language_on_the_command_line_is_given_the_one_likely_meant_as_in_the_roster(capsys):
    import pytest

    for command in ("render", "inspect"):
        with pytest.raises(SystemExit) as info:
            main([command, "--language", "eng", *(["x.csv"] if command == "inspect" else [])])
        assert info.value.code == 2
        assert ("error: argument --language: 'eng' is not a language of the workbook; expected one of en, id;"
                " did you mean 'en'?") in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["render", "--language", "indo"])
    assert "; did you mean 'id'?" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["render", "--language", "fr"])
    assert "did you mean" not in capsys.readouterr().err


def test_a_mapped_file_that_cannot_be_read_leaves_the_folders_other_files_described(tmp_path, capsys):
    """A folder read with --mapping: one mapped file with a date the mapping cannot read is said as such, while
    its good twin and the folder's Business Suite export are described (each read alone then takes only its own
    mapping, not the broken file's)."""
    import shutil

    source = FIXTURES / "mapped" / "business"
    shutil.copy(source / "TikTok business export.csv", tmp_path / "good.csv")
    lines = (source / "TikTok business export.csv").read_text(encoding="utf-8").splitlines()
    lines[1] = lines[1].replace("2025-01-02 09:00", "not a date")
    (tmp_path / "broken.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    shutil.copy(PROJECT_ROOT / "data" / "demo" / "harbour-books" / next(
        p.name for p in (PROJECT_ROOT / "data" / "demo" / "harbour-books").glob("*.csv")), tmp_path)
    assert main(["inspect", str(tmp_path), "--mapping", str(source / "tiktok-business.yml")]) == 2
    out = capsys.readouterr().out
    assert "not a date" in out and "mapped= names" not in out
    assert out.count("rows:") == 2  # the good twin and the Business Suite export


def test_a_windows_path_from_the_home_folder_is_not_found_with_the_advice_for_windows_paths(tmp_path, monkeypatch,
                                                                                              capsys):
    """`~\\Downloads\\posts.csv` names, on this computer, the home of a user `\\Downloads\\posts.csv`: pathlib
    cannot find one and raised RuntimeError, shown with its traceback. The path finds nothing, and says how to
    write it with /."""
    monkeypatch.chdir(tmp_path)
    assert main(["inspect", "~\\Downloads\\posts.csv"]) == 2
    out = capsys.readouterr().out
    assert out.splitlines()[:3] == [
        "~\\Downloads\\posts.csv", "  cannot be read:",
        f"    export file not found: {tmp_path}/~\\Downloads\\posts.csv; on this computer a \\ is part of a file name,"
        f" not a folder separator: write the path with /, e.g. '{tmp_path}/~/Downloads/posts.csv'"]


def test_the_period_is_written_in_the_readers_dates_with_times_only_where_the_export_gives_them(capsys):
    """The period line wrote ISO dates ('2024-12-30 to 2025-01-03', and '2024-12-03 00:00' for an export without
    times of day) under warnings that write '30 December 2024': it now writes dates as the language does, with
    the time of day of the first and last post where the export gives one, and Indonesian joins them with
    'hingga', as the reports do. Meta's posts: 7 November 2023 08:30 and 1 December 2023 12:00 (the post of
    9 November has no id); TikTok Studio's dates, read in Asia/Jakarta, take no time from their video ids;
    the daily series runs from 30 December 2024 to 3 January 2025, the days its file's name gives."""
    meta = FIXTURES / "meta" / "Nov-01-2023_Dec-31-2023_100000000000042.csv"
    daily = FIXTURES / "daily" / "FollowerHistory_2024-12-30_2025-01-03.csv"
    tiktok = FIXTURES / "tiktok" / "Content_no_time.csv"
    periods = {}
    for language in ("en", "id"):
        for path, zone in ((meta, "Europe/London"), (daily, "Europe/London"), (tiktok, "Asia/Jakarta")):
            main(["inspect", str(path), "--timezone", zone, "--year", "2024", "--language", language])
            periods[language, path.parent.name] = next(line.split(":", 1)[1].strip() for line
                                                       in capsys.readouterr().out.splitlines()
                                                       if line.startswith(("  period:", "  periode:")))
    assert periods == {
        ("en", "meta"): "7 November 2023, 08:30 to 1 December 2023, 12:00 (Europe/London)",
        ("en", "daily"): "30 December 2024 to 3 January 2025",
        ("en", "tiktok"): "3 December 2024 to 5 January 2025 (Asia/Jakarta)",
        ("id", "meta"): "7 November 2023 08.30 hingga 1 Desember 2023 12.00 (Europe/London)",
        ("id", "daily"): "30 Desember 2024 hingga 3 Januari 2025",
        ("id", "tiktok"): "3 Desember 2024 hingga 5 Januari 2025 (Asia/Jakarta)"}


def test_a_line_break_in_a_file_s_name_is_shown_as_its_escape_not_as_a_new_line(tmp_path, capsys):
    """A file named `posts<line break>old.csv` would split inspect's header and the error naming it into lines
    that read as two files (or as an indented detail); shown as `posts\\nold.csv`, it stays on its line, in the
    header, in an error, and in the labels the report's notes name files by."""
    import shutil

    from helpers.importers.base import file_labels

    export = tmp_path / "posts\nold.csv"
    shutil.copy(next((DEMO_DIR / "kopi-senja").glob("*.csv")), export)
    other = tmp_path / "notes\tdraft.csv"
    other.write_text("a,b\n1,2\n", encoding="utf-8")
    assert main(["inspect", str(export), str(other), "--timezone", "Asia/Jakarta"]) == 2
    lines = capsys.readouterr().out.splitlines()
    assert f"{tmp_path}/posts\\nold.csv" in lines
    assert f"{tmp_path}/notes\\tdraft.csv" in lines
    assert f"    file {tmp_path}/notes\\tdraft.csv: this is not an export the workbook knows" in lines
    assert file_labels([export, other]) == ["posts\\nold.csv", "notes\\tdraft.csv"]


def test_a_file_named_like_an_option_is_refused_with_how_to_give_it(tmp_path, monkeypatch, capsys):
    """A file here whose name starts with '-' is read by argparse as an option: its error says so and how to
    give the file (./-rf.csv, after a bare --, or as --mapping=-m.yml), and the ways it gives work."""
    import shutil

    import pytest

    shutil.copy(next((DEMO_DIR / "kopi-senja").glob("*.csv")), tmp_path / "-rf.csv")
    shutil.copy(next((DEMO_DIR / "harbour-books").glob("*.csv")), tmp_path / "-old.csv")
    monkeypatch.chdir(tmp_path)

    def refused(*argv) -> str:
        with pytest.raises(SystemExit) as exit_:
            main(list(argv))
        assert exit_.value.code == 2
        return capsys.readouterr().err.splitlines()[-1]

    assert refused("inspect", "-rf.csv") == (
        "error: the following arguments are required: files; -rf.csv names a file or folder here, but a word that starts with -"
        " is read as an option: write it as ./-rf.csv, or put -- before the files (see python -m helpers inspect"
        " --help)")
    assert refused("inspect", "-rf.csv", "-old.csv", "-gone.csv", "--language", "id") == (
        "galat: the following arguments are required: files; -rf.csv dan -old.csv adalah nama berkas atau folder di sini, tetapi"
        " kata yang diawali - dibaca sebagai opsi: tulis sebagai ./-rf.csv dan ./-old.csv, atau tulis -- sebelum"
        " nama berkasnya (lihat python -m helpers inspect --help)")
    assert refused("inspect", "*.csv", "-r*.csv").endswith(  # a pattern matching such files, after another file
        "; -r*.csv names a file or folder here, but a word that starts with - is read as an option: write it as ./-r*.csv, or put"
        " -- before the files (see python -m helpers inspect --help)")
    assert refused("inspect", "x.csv", "--mapping", "-m.yml") == (  # no such file: argparse's words alone
        "error: argument --mapping: expected one argument (see python -m helpers inspect --help)")
    (tmp_path / "-m.yml").write_text("{}\n", encoding="utf-8")
    assert refused("inspect", "x.csv", "--mapping", "-m.yml") == (
        "error: argument --mapping: expected one argument; -m.yml names a file or folder here, but a word that starts with - is"
        " read as an option, not as the value of --mapping: write it as ./-m.yml or --mapping=-m.yml (see python -m"
        " helpers inspect --help)")
    # render takes no files: its unknown option is said as before
    assert "render has no option -rf.csv; its options:" in refused("render", "-rf.csv")
    assert "names a file" not in refused("render", "-rf.csv")

    assert main(["inspect", "./-rf.csv", "--timezone", "Asia/Jakarta"]) == 0
    assert main(["inspect", "--timezone", "Asia/Jakarta", "--", "-rf.csv", "-old.csv"]) == 0
    shown = capsys.readouterr().out
    assert shown.count("-rf.csv\n") == 2 and "-old.csv\n" in shown


TIKTOK_HEADER = '"Video title","Video link","Post time","Total likes","Total comments","Total shares","Total views"\n'


def tiktok_row(title: str, video: int, day: str) -> str:
    return f'"{title}","https://www.tiktok.com/@example.shop/video/{video}","{day}","5","1","0","100"\n'


def test_inspect_folder_says_the_period_of_the_rows_kept_and_of_the_whole_file(tmp_path, capsys):
    """The older of two overlapping exports keeps only its posts the newer one lacks: its period line says the
    rows kept run 5 to 20 January while the file runs to 20 March, as the warning about its dates says."""
    (tmp_path / "Content_2025-01-01_2025-03-31.csv").write_text(
        TIKTOK_HEADER + tiktok_row("New year", 7456399951292018745, "January 5")
        + tiktok_row("Sale", 7461966228907634745, "January 20")
        + tiktok_row("Launch day", 7469759017569497145, "February 10")
        + tiktok_row("Spring drop", 7483860254195724345, "March 20"), encoding="utf-8")
    (tmp_path / "Content_2025-02-01_2025-04-30.csv").write_text(
        TIKTOK_HEADER + tiktok_row("Launch day", 7469759017569497145, "February 10")
        + tiktok_row("Spring drop", 7483860254195724345, "March 20")
        + tiktok_row("Easter", 7493508468729458745, "April 15"), encoding="utf-8")
    assert main(["inspect", str(tmp_path), "--year", "2025"]) == 0
    older, newer = capsys.readouterr().out.split("\n\n")[:2]
    assert "superseded:   2 rows replaced" in older
    # each post's time of day is its video id's, 12:00 UTC
    assert "period:       5 January 2025, 12:00 to 20 January 2025, 12:00 for the rows kept, 5 January 2025, 12:00" \
           " to 20 March 2025, 12:00 for the whole file (UTC" in older
    assert "period:       10 February 2025, 12:00 to 15 April 2025, 12:00 (UTC" in newer  # none replaced: one period
    assert main(["inspect", str(tmp_path), "--year", "2025", "--language", "id"]) == 0
    assert "20 Januari 2025 12.00 untuk baris yang dipertahankan, 5 Januari 2025 12.00 hingga 20 Maret 2025 12.00" \
           " untuk seluruh berkas" in capsys.readouterr().out
